"""The command lines under hostile use (issue 14): a reader that stops early, file names that
try to drive the terminal, listing and removing documents, bad --jsonl lines, kill -9."""
from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from conftest import ROOT, SAMPLES, YANGQUAN
from core.store import Store
from index.embedding import Embedder
from ingest.__main__ import main as ingest

PY = sys.executable


class ZeroEmbedder:
    """The embedding model's name without the model: where only the index's bookkeeping, BM25 or
    lookups are tested, nothing waits minutes for real vectors."""
    dim = 384
    model_id = Embedder().model_id  # read from the package, without loading the model

    def encode_passages(self, texts, show_progress=False):
        return np.zeros((len(texts), self.dim), dtype=np.float32)

    def encode_queries(self, texts):
        return np.zeros((len(texts), self.dim), dtype=np.float32)


@pytest.fixture(scope="module")
def samples_store(tmp_path_factory):
    """The two samples, indexed with zero vectors."""
    from index.build import build_index

    store = tmp_path_factory.mktemp("cli") / "store"
    assert ingest([str(SAMPLES), "--store", str(store), "--no-index", "--quiet", "--jobs", "1"]) == 0
    build_index(store, progress=False, embedder=ZeroEmbedder())
    return store


@pytest.fixture(scope="module")
def engine(samples_store):
    from qa.engine import QAEngine

    return QAEngine(samples_store, embedder=ZeroEmbedder())


def reader_gone(*args: str) -> tuple[int, str]:
    """Run ``python ARGS`` with stdout a pipe already closed by its reader (``| head`` once it has
    its lines): the exit status and stderr."""
    child = subprocess.Popen([PY, *args], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    child.stdout.close()
    err = child.stderr.read().decode()
    return child.wait(), err


def test_ingest_into_a_closed_pipe_finishes_quietly(tmp_path):
    status, err = reader_gone("-m", "ingest", str(SAMPLES), "--store", str(tmp_path), "--no-index", "--quiet")
    assert "Traceback" not in err and "BrokenPipe" not in err
    assert status == 0 and len(Store(tmp_path).documents()) == 2  # the work was done all the same


def test_index_search_into_a_closed_pipe_stops_quietly(samples_store):
    status, err = reader_gone("-m", "index", "search", "三公经费", "--store", str(samples_store), "--mode", "bm25")
    assert status == 1 and "Traceback" not in err and "BrokenPipe" not in err


@pytest.mark.parametrize("finish, status", [(False, 1), (True, 0)])
def test_run_main_with_a_closed_pipe(tmp_path, finish, status):
    """What python -m qa and python -m eval run in: stop, or finish the work (eval writes a report)."""
    done = tmp_path / "done"
    code = ("from pathlib import Path; from core.terminal import run_main\n"
            "def main():\n    print('x' * 100000)\n    Path(%r).write_text('yes')\n    return 0\n"
            "run_main(main, finish=%r)" % (str(done), finish))
    assert reader_gone("-c", code) == (status, "")
    assert done.exists() == finish


def test_file_names_cannot_drive_the_terminal(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad\nname\x1b[2J.txt").write_text("阳泉市民政局2024年部门决算\n", encoding="utf-8")
    (folder / "good\x1b[31m.txt").write_bytes(YANGQUAN.read_bytes())
    store = tmp_path / "store"
    ingest([str(folder), "--store", str(store), "--no-index", "--quiet", "--jobs", "1"])
    ingest(["--list", "--store", str(store)])
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "✗ bad\\nname\\x1b[2J.txt: 不是部门预算/决算公开文件" in out
    assert "✓ good\\x1b[31m.txt: 阳泉市民政局" in out and out.count("good\\x1b[31m.txt") == 2


NARRATIVE = "# 阳泉市民政局2024年部门决算\n\n“三公”经费财政拨款支出决算为12.02万元。\n"


@pytest.fixture
def library(samples_store, tmp_path, monkeypatch):
    """A copy of the samples' store, with a narrative file of the 阳泉 disclosure added."""
    store = tmp_path / "store"
    shutil.copytree(samples_store, store)
    (tmp_path / "narrative.md").write_text(NARRATIVE, encoding="utf-8")
    monkeypatch.setattr("index.embedding.Embedder", ZeroEmbedder)
    assert ingest([str(tmp_path / "narrative.md"), "--store", str(store), "--quiet"]) == 0
    return store


def stored(store: Path) -> dict[str, str]:
    db = Store(store)
    try:
        return {i.source: i.doc_id for i in db.documents()}
    finally:
        db.close()


def indexed(store: Path) -> set[str]:
    return set(json.loads((store / "index" / "meta.json").read_text(encoding="utf-8"))["documents"])


def test_list_shows_every_document_with_its_id(library, capsys):
    assert ingest(["--list", "--store", str(library)]) == 0
    out = capsys.readouterr().out
    for source, doc_id in stored(library).items():
        assert any(line.startswith(doc_id) and line.endswith(source) for line in out.splitlines())
    assert "共 3 份文件" in out


def test_remove_by_name_or_id_keeps_the_index_and_the_checks_consistent(library, capsys):
    ids = stored(library)
    narrative = ids["narrative.md"]
    [fact] = Store(library).stated(narrative)
    assert fact.check == "agrees"  # checked against the 阳泉 sample's tables
    assert ingest(["--remove", YANGQUAN.name, "--remove", ids["linfen-minzheng-2019-juesuan.md"],
                   "--store", str(library), "--quiet"]) == 0
    assert "已删除：" in capsys.readouterr().out
    assert set(stored(library)) == {"narrative.md"}
    assert indexed(library) == {narrative}
    [fact] = Store(library).stated(narrative)
    assert fact.check == ""  # no table of the disclosure is left to check it against


def test_remove_refuses_unknown_and_ambiguous_names_and_removes_nothing(library, tmp_path, capsys):
    other = tmp_path / "other"
    other.mkdir()
    (other / YANGQUAN.name).write_bytes(YANGQUAN.read_bytes().replace("12.02".encode(), "99.99".encode()))
    ingest([str(other), "--store", str(library), "--no-index", "--quiet", "--jobs", "1"])
    before = stored(library)
    capsys.readouterr()
    assert ingest(["--remove", YANGQUAN.name, "--remove", "nothing.pdf", "--store", str(library)]) == 1
    err = capsys.readouterr().err
    assert f"文件名 {YANGQUAN.name} 对应 2 份文件，请改用编号" in err and "没有编号或文件名为 nothing.pdf" in err
    assert stored(library) == before


def test_remove_without_index_says_how_to_rebuild(library, capsys):
    assert ingest(["--remove", "narrative.md", "--store", str(library), "--no-index"]) == 0
    assert f"python -m index build --store {library}" in capsys.readouterr().out


def test_list_and_remove_need_a_store(tmp_path, capsys):
    assert ingest(["--list", "--store", str(tmp_path / "none")]) == 2
    assert "找不到数据库" in capsys.readouterr().err


BAD_LINES = ['{"q": "三公经费多少", "history": [null]}', '{"q": "三公经费多少", "history": [1,2]}',
             '{"q": "三公经费多少", "history": [{}]}', '{"q": "三公经费多少", "history": 5}',
             '{"q": "三公经费', '{"history": []}']


def test_jsonl_answers_every_line_and_reports_bad_ones_in_place(engine, capsys):
    from qa.__main__ import answer_lines

    good = "阳泉市民政局2024年三公经费多少"
    failed = answer_lines(engine, [good, *BAD_LINES, "", good])
    out = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert failed == len(BAD_LINES) and len(out) == len(BAD_LINES) + 2
    assert [o["status"] for o in out[1:-1]] == ["error"] * len(BAD_LINES)
    assert [o["line"] for o in out[1:-1]] == list(range(2, 2 + len(BAD_LINES)))
    assert "history" in out[1]["error"] and "JSON" in out[5]["error"] and "“q”" in out[6]["error"]
    assert out[0] == out[-1] and out[-1]["status"] == "answered"


def test_jsonl_exit_status_says_some_lines_failed(engine, samples_store, monkeypatch, capsys):
    from qa.__main__ import main as qa

    monkeypatch.setattr("qa.engine.QAEngine", lambda store: engine)
    monkeypatch.setattr(sys, "stdin", io.StringIO("阳泉市民政局2024年三公经费多少\n" + BAD_LINES[0] + "\n"))
    assert qa(["--jsonl", "--store", str(samples_store)]) == 1
    monkeypatch.setattr(sys, "stdin", io.StringIO("阳泉市民政局2024年三公经费多少\n"))
    assert qa(["--jsonl", "--store", str(samples_store)]) == 0


def _children(pid: int) -> list[int]:
    return [int(c) for task in Path(f"/proc/{pid}/task").iterdir()
            for c in (task / "children").read_text().split()]


def _parsers(pids: list[int]) -> list[int]:
    """The pool's workers among a process's children (not multiprocessing's resource tracker)."""
    def cmdline(pid: int) -> str:
        try:
            return Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
        except FileNotFoundError:
            return ""
    return [pid for pid in pids if "spawn_main" in cmdline(pid)]


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children").exists(),
                    reason="needs Linux /proc children lists")
def test_parser_workers_die_with_a_killed_ingest(tmp_path, yangquan):
    from pdf_fixtures import disclosure_pdf

    folder = tmp_path / "in"
    folder.mkdir()
    pdf = disclosure_pdf(folder / "a.pdf", yangquan).read_bytes()
    for n in range(1, 8):
        (folder / f"{n}.pdf").write_bytes(pdf)
    child = subprocess.Popen([PY, "-m", "ingest", str(folder), "--store", str(tmp_path / "store"), "--jobs", "2",
                              "--no-index", "--quiet"], cwd=ROOT, stdout=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(_parsers(workers)) < 2 and time.monotonic() < deadline and child.poll() is None:
            workers = _children(child.pid)  # (the two parsers, and the tracker a spawning pool starts)
            time.sleep(0.05)
        assert len(_parsers(workers)) == 2, "the pool did not start"
        child.send_signal(signal.SIGKILL)
        child.wait()
        deadline = time.monotonic() + 10
        while any(map(_alive, workers)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(map(_alive, workers))
    finally:
        for pid in filter(_alive, workers):
            os.kill(pid, signal.SIGKILL)
