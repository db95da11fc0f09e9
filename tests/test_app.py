"""app.py without a browser: whose documents a session reads, the upload limit, login, and
what a failure tells an API caller. The HTTP tests run python app.py over a copy of a store of
the samples built without the retrieval index."""
from __future__ import annotations

import json
import shutil
import urllib.error
import urllib.request

import pytest

import app
from bench.app import running_app
from conftest import changed_yangquan
from core.store import Store

QUESTION = "阳泉市民政局2024年三公经费多少"


def no_progress(*_, **__):
    pass


@pytest.fixture
def store(plain_store, tmp_path):
    shutil.copytree(plain_store, tmp_path / "store")
    return tmp_path / "store"


@pytest.fixture
def service(store):
    service = app.Service(store, warm=False)
    yield service
    shutil.rmtree(service.files, ignore_errors=True)


def figure(service, session: str) -> str:
    return service.engine_for(session).ask(QUESTION).figures[0].value


def test_an_upload_changes_the_answers_of_its_own_session_only(service, store, tmp_path):
    ok, message = service.add(changed_yangquan(tmp_path), no_progress, "A")
    assert ok and "只有你能看到" in message, message
    assert figure(service, "A") == "99.99" and figure(service, "B") == "12.02"
    assert any("你本次上传的文件" in n for n in service.engine_for("A").ask(QUESTION).notes)
    assert len(Store(store).documents()) == 2  # the shared store is as it was
    folder = service.sessions.folders["A"]
    assert folder.exists()
    service.sessions.end("A")  # the tab closed
    assert not folder.parent.exists() and figure(service, "A") == "12.02"


def test_with_uploads_shared_an_upload_joins_the_library_everyone_reads(store, tmp_path, monkeypatch):
    monkeypatch.setattr(app, "build_index_safely", lambda *_: "")  # (embedding every chunk takes minutes)
    service = app.Service(store, warm=False, uploads_shared=True)
    ok, message = service.add(changed_yangquan(tmp_path), no_progress, "A")
    assert ok and "共享文件库" in message
    assert len(Store(store).documents()) == 3 and not service.sessions.folders
    assert service.engine_for("B") is service.engine
    shutil.rmtree(service.files, ignore_errors=True)


def test_sessions_idle_too_long_are_ended_when_another_uploads(service, tmp_path, monkeypatch):
    service.add(changed_yangquan(tmp_path), no_progress, "A")
    folder = service.sessions.folders["A"]
    monkeypatch.setattr(app.Sessions, "IDLE_S", -1)
    service.add(changed_yangquan(tmp_path), no_progress, "B")
    assert "A" not in service.sessions.engines and not folder.parent.exists()


def test_a_file_over_the_size_limit_is_refused(store, tmp_path):
    service = app.Service(store, warm=False, max_upload_mb=1)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (2 << 20))
    assert service.add(big, no_progress, "A") == (False, "文件超过 1 MB 的上限")
    shutil.rmtree(service.files, ignore_errors=True)


def test_a_failing_handler_tells_the_user_a_sentence_not_its_exception():
    import gradio as gr

    def broken():
        raise KeyError("/srv/secret/budget.sqlite")

    with pytest.raises(gr.Error) as caught:
        app.guarded(broken)()
    assert "secret" not in str(caught.value) and "内部错误" in str(caught.value.message)

    def refused():
        raise gr.Error("参数有误")

    with pytest.raises(gr.Error, match="参数有误"):
        app.guarded(refused)()


def test_logins_from_the_command_line_and_a_file(tmp_path):
    path = tmp_path / "logins"
    path.write_text("# staff\nli:pa:ss\n\nwang:secret\n", encoding="utf-8")
    assert app.read_logins(["admin:1"], [str(path)]) == [("admin", "1"), ("li", "pa:ss"), ("wang", "secret")]
    with pytest.raises(ValueError):
        app.read_logins(["nopassword"], [])


@pytest.fixture(scope="module")
def guarded_app(plain_store, tmp_path_factory):
    """The app with a login and a 1 MB upload limit."""
    folder = tmp_path_factory.mktemp("guarded-app")
    shutil.copytree(plain_store, folder / "store")
    with running_app(folder / "store", folder / "app.log",
                     ["--no-warmup", "--auth", "staff:pw", "--max-upload-mb", "1"]) as (base, _, _):
        yield base


def test_the_api_asks_for_a_login(guarded_app):
    body = json.dumps({"data": [QUESTION, []]}).encode()
    request = urllib.request.Request(f"{guarded_app}gradio_api/call/ask", data=body,
                                     headers={"Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code in (401, 403)
    from gradio_client import Client

    client = Client(guarded_app, auth=("staff", "pw"), verbose=False)
    assert client.predict(QUESTION, [], api_name="/ask")["figures"][0]["value"] == "12.02"


def test_a_bad_api_call_gets_a_plain_message(guarded_app):
    from gradio_client import Client

    client = Client(guarded_app, auth=("staff", "pw"), verbose=False)
    for history in ([None], [1, 2], "阳泉", [{}]):
        with pytest.raises(Exception) as caught:
            client.predict(QUESTION, history, api_name="/ask")
        assert "history 应为字符串列表" in str(caught.value) and "Traceback" not in str(caught.value)
    assert "太长" in client.predict("问" * 20_000, [], api_name="/ask")["answer"]


def test_an_upload_over_the_limit_is_refused_by_the_server(guarded_app):
    import httpx

    with httpx.Client(base_url=guarded_app, timeout=60) as http:
        assert http.post("login", data={"username": "staff", "password": "pw"}).status_code == 200
        small = http.post("gradio_api/upload", files={"files": ("a.txt", "预算".encode())})
        big = http.post("gradio_api/upload", files={"files": ("b.txt", b"x" * (2 << 20))})
    assert small.status_code == 200
    assert big.status_code == 413


def test_gradios_request_statistics_are_not_rebuilt_after_every_request():
    """Gradio rebuilds a pandas summary of its last 10,000 requests after each one unless told
    otherwise: under load that cost more than the answers."""
    import os

    from gradio.queueing import Queue

    assert os.environ["GRADIO_ANALYTICS_CACHE_FREQUENCY"] == "1000"
    queue = Queue(live_updates=False, concurrency_count=1, update_intervals=1, max_size=None, blocks=None)
    assert queue.ANAYLTICS_CACHE_FREQUENCY == 1000


def test_the_app_answers_several_questions_at_once_and_shows_no_exception_text(store, monkeypatch):
    import gradio as gr

    launched = {}

    def launch(demo, **options):
        launched.update(options, concurrency=demo._queue.default_concurrency_limit)

    monkeypatch.setattr(gr.Blocks, "launch", launch)
    assert app.main(["--store", str(store), "--no-warmup", "--auth", "staff:pw"]) == 0
    assert launched["concurrency"] == app.ANSWER_THREADS > 1
    assert launched["show_error"] is False and launched["auth"] == [("staff", "pw")]
    assert launched["max_file_size"] == f"{app.MAX_UPLOAD_MB}mb"
