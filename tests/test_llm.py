"""The optional LLM path against a real (fake) OpenAI-compatible HTTP server on 127.0.0.1."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from qa.llm import LLMPhraser, checked, clean, is_no_answer, llm_from_env
from qa.verify import allowed_from

PASSAGES = [
    "阳泉市民政局2024年度一般公共预算财政拨款“三公”经费支出决算为12.35万元，比年初预算减少3.20万元。",
    "其中：公务用车运行维护费8.15万元，公务接待费4.20万元。",
]
QUESTION = "阳泉市民政局2024年三公经费支出是多少？"


class FakeOpenAI(BaseHTTPRequestHandler):
    """POST /v1/chat/completions and /v1/completions; behaviour set on the server object."""

    def log_message(self, *args):  # keep pytest output quiet
        pass

    def do_POST(self):
        srv = self.server
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        srv.requests.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
        try:
            if srv.mode == "slow":
                time.sleep(srv.delay)
            if srv.mode == "500":
                self._send(500, {"error": {"message": "boom", "type": "server_error"}})
            elif self.path.endswith("/chat/completions"):
                self._send(200, {
                    "id": "chatcmpl-test", "object": "chat.completion", "created": int(time.time()),
                    "model": body.get("model", "default"),
                    "choices": [{"index": 0, "finish_reason": "stop",
                                 "message": {"role": "assistant", "content": srv.reply}}],
                    "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}})
            elif self.path.endswith("/completions"):
                self._send(200, {
                    "id": "cmpl-test", "object": "text_completion", "created": int(time.time()),
                    "model": body.get("model", "default"),
                    "choices": [{"index": 0, "text": srv.reply, "finish_reason": "stop", "logprobs": None}],
                    "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20}})
            else:
                self._send(404, {"error": {"message": "not found"}})
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (timeout test)
            pass

    def _send(self, status: int, payload: dict):
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.fixture(scope="module")
def server():
    srv = ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenAI)
    srv.daemon_threads = True
    srv.block_on_close = False  # don't wait for the sleeping handler of the timeout test
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()


@pytest.fixture
def fake(server, monkeypatch):
    """The server reset to a normal reply; its base URL is fake.url."""
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")  # a proxy setting must not catch the fake
    monkeypatch.setenv("no_proxy", "127.0.0.1,localhost")
    server.mode, server.delay, server.requests = "ok", 0.0, []
    server.reply = "阳泉市民政局2024年度“三公”经费支出决算为12.35万元。"
    server.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    return server


def test_phrase_sends_question_and_passages(fake):
    phraser = LLMPhraser(fake.url, model="test-model", timeout=5)
    assert phraser.phrase(QUESTION, PASSAGES) == fake.reply

    assert len(fake.requests) == 1  # no retries
    req = fake.requests[0]
    assert req["path"] == "/v1/chat/completions"
    body = req["body"]
    assert body["model"] == "test-model"
    assert body["temperature"] == 0
    assert req["auth"] == "Bearer not-needed"
    roles = [m["role"] for m in body["messages"]]
    assert roles == ["system", "user"]
    system, user = (m["content"] for m in body["messages"])
    assert "只能依据" in system and "资料中没有找到答案" in system
    assert QUESTION in user
    assert "[1] " + PASSAGES[0] in user and "[2] " + PASSAGES[1] in user
    assert "{question}" not in user and "{passages}" not in user


def test_phrase_strips_markers_and_think_blocks(fake):
    fake.reply = "<think>先找三公经费。</think>三公经费支出决算为12.35万元[1]。"
    assert LLMPhraser(fake.url, timeout=5).phrase(QUESTION, PASSAGES) == "三公经费支出决算为12.35万元。"
    assert clean("公务接待费4.20万元【2】。") == "公务接待费4.20万元。"


def test_checked_rejects_numbers_not_in_passages(fake):
    allowed = allowed_from(PASSAGES)
    phraser = LLMPhraser(fake.url, timeout=5)

    good = phraser.phrase(QUESTION, PASSAGES)
    assert checked(good, allowed) == good

    fake.reply = "三公经费支出决算为12.35万元。其中公务用车运行维护费8.15万元，比上年增长15.6%。"
    bad = phraser.phrase(QUESTION, PASSAGES)
    assert bad == fake.reply
    assert checked(bad, allowed) is None  # the whole answer goes, not just the bad sentence

    # a number hidden inside quotation marks is checked too
    assert checked("决算说明写道“支出为99.99万元”。", allowed) is None
    assert checked("", allowed) is None and checked(None, allowed) is None


def test_no_answer_reply_passes_the_check(fake):
    fake.reply = "资料中没有找到答案。"
    text = LLMPhraser(fake.url, timeout=5).phrase("民政局有多少职工？", PASSAGES)
    assert is_no_answer(text)
    assert checked(text, allowed_from(PASSAGES)) == text
    assert not is_no_answer("三公经费支出决算为12.35万元。")


def test_slow_endpoint_times_out_to_none(fake):
    fake.mode, fake.delay = "slow", 4.0
    start = time.monotonic()
    assert LLMPhraser(fake.url, timeout=1).phrase(QUESTION, PASSAGES) is None
    assert time.monotonic() - start < 3.5
    assert len(fake.requests) == 1  # no retry doubling the wait


def test_http_500_gives_none(fake, caplog):
    fake.mode = "500"
    with caplog.at_level("DEBUG", logger="qa.llm"):
        assert LLMPhraser(fake.url, timeout=5).phrase(QUESTION, PASSAGES) is None
    assert "InternalServerError" in caplog.text  # the reason is logged, not raised
    assert len(fake.requests) == 1


def test_unreachable_endpoint_and_no_passages_give_none(fake):
    with ThreadingHTTPServer(("127.0.0.1", 0), FakeOpenAI) as tmp:
        closed = f"http://127.0.0.1:{tmp.server_address[1]}/v1"  # the port is closed again below
    assert LLMPhraser(closed, timeout=2).phrase(QUESTION, PASSAGES) is None
    assert LLMPhraser(fake.url, timeout=5).phrase(QUESTION, []) is None
    assert fake.requests == []


def test_llm_from_env(fake, monkeypatch):
    for name in ("LLM_BASE_URL", "LLM_MODEL", "LLM_API_KEY", "LLM_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    assert llm_from_env() is None
    monkeypatch.setenv("LLM_BASE_URL", "")
    assert llm_from_env() is None

    monkeypatch.setenv("LLM_BASE_URL", fake.url + "/")
    phraser = llm_from_env()
    assert isinstance(phraser, LLMPhraser)
    assert (phraser.base_url, phraser.model, phraser.api_key, phraser.timeout) == (fake.url, "default", "not-needed", 20.0)

    monkeypatch.setenv("LLM_MODEL", "qwen2.5-7b-instruct")
    monkeypatch.setenv("LLM_API_KEY", "sk-local")
    monkeypatch.setenv("LLM_TIMEOUT", "1")
    phraser = llm_from_env()
    assert (phraser.model, phraser.api_key, phraser.timeout) == ("qwen2.5-7b-instruct", "sk-local", 1.0)
    assert phraser.phrase(QUESTION, PASSAGES) == fake.reply
    assert fake.requests[0]["body"]["model"] == "qwen2.5-7b-instruct"

    monkeypatch.setenv("LLM_TIMEOUT", "soon")
    assert llm_from_env() is None


def test_engine_uses_the_llm_for_narrative_answers_and_falls_back(fake, sample_store):
    """Through the engine: a phrased answer keeps the engine's citations; a phrased answer with
    an invented number, or a dead endpoint, falls back to the quoted sentences."""
    from qa.engine import QAEngine

    engine = QAEngine(sample_store, llm=LLMPhraser(fake.url, timeout=2))
    question = "阳泉民政局24年收入为啥比上年下降这么多"
    fake.reply = "主要原因是殡仪馆迁建项目完工等工程完成。"
    answer = engine.ask(question)
    assert answer.route == "llm" and answer.answer == fake.reply
    assert answer.citations and "殡仪馆迁建项目完工" in answer.citations[0].quote
    assert QUESTION not in json.dumps(fake.requests[-1]["body"], ensure_ascii=False)
    # (the question as the engine read it: dialect words made standard, 为啥 → 为什么)
    assert question.replace("为啥", "为什么") in json.dumps(fake.requests[-1]["body"], ensure_ascii=False)
    fake.reply = "收入下降了99.99万元，主要原因是殡仪馆迁建项目完工。"
    fallback = engine.ask(question)
    assert fallback.route == "retrieval" and "99.99" not in fallback.answer
    fake.mode = "500"
    assert engine.ask(question).route == "retrieval"
    # figures are never phrased by the model: a lookup does not call it
    before = len(fake.requests)
    assert engine.ask("阳泉市民政局2024年三公经费多少").route == "lookup"
    assert len(fake.requests) == before
