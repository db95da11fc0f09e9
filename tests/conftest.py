"""Shared fixtures: the sample corpus, the optional shared PDFs, and parsed documents."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLES = ROOT / "data" / "samples"
YANGQUAN = SAMPLES / "yangquan-minzheng-2024-juesuan.txt"
LINFEN = SAMPLES / "linfen-minzheng-2019-juesuan.md"
SHARED_PDFS = ROOT.parent / "shared" / "pdfs"
os.environ.setdefault("BUDGETQA_TODAY", "2026-12-07")  # "今年", "去年" in the tests' questions count from it

needs_shared = pytest.mark.skipif(not SHARED_PDFS.is_dir(), reason="../shared/pdfs is not present")


_parsed: dict = {}


def parsed(path: Path):
    """A file parsed once per test session (parsing all shared PDFs takes a minute)."""
    from ingest import parse_file
    if path not in _parsed:
        _parsed[path] = parse_file(path)
    return _parsed[path]


@pytest.fixture(scope="session")
def yangquan():
    return parsed(YANGQUAN)


@pytest.fixture(scope="session")
def linfen():
    return parsed(LINFEN)


def changed_yangquan(folder: Path) -> Path:
    """A copy of the 阳泉 sample with its 三公 figure 12.02 changed to 99.99, under a name that
    sorts before the original's: what a user could upload to rewrite others' answers."""
    path = folder / "a-yangquan-minzheng-2024-juesuan.txt"
    path.write_text(YANGQUAN.read_text(encoding="utf-8").replace("12.02", "99.99"), encoding="utf-8")
    return path


def find_fact(doc, *, table: str, row: str | None = None, column: tuple[str, ...] = (), code: str | None = None):
    """The one fact of ``doc`` matching a table (code like 公开01表, or a title fragment), a row
    label, and column words."""
    from core.text import match_key

    facts = doc.facts()
    exact = [f for f in facts if f.table_code == table or match_key(f.table_title) == match_key(table)]
    hits = [f for f in (exact or facts)
            if (f.table_code == table or match_key(table) in match_key(f.table_title))
            and (row is None or match_key(f.row_label) == match_key(row))
            and (code is None or f.row_code == code)
            and all(match_key(c) in match_key(f.column) for c in column)]
    assert len(hits) == 1, f"expected one fact for {table}/{row}/{column}, got {[(h.row_label, h.column) for h in hits]}"
    return hits[0]


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory):
    """A store of the two samples with its retrieval index, built once per test session."""
    from index.build import build_index
    from ingest.pipeline import expand, ingest_paths

    store = tmp_path_factory.mktemp("store")
    assert not ingest_paths(expand([str(SAMPLES)]), store, jobs=1, progress=False, out=open("/dev/null", "w")).failed
    build_index(store, progress=False)
    return store


@pytest.fixture(scope="session")
def plain_store(tmp_path_factory):
    """The two samples without the retrieval index (seconds to build): for what lookups and
    the limits decide before any retrieval."""
    from ingest.pipeline import expand, ingest_paths

    store = tmp_path_factory.mktemp("plain-store")
    assert not ingest_paths(expand([str(SAMPLES)]), store, jobs=1, progress=False, out=open("/dev/null", "w")).failed
    return store


@pytest.fixture(scope="session")
def engine(sample_store):
    from qa.engine import QAEngine
    return QAEngine(sample_store)


@pytest.fixture(scope="session")
def pdf_engine(tmp_path_factory):
    """The shared PDFs without the retrieval index: narrative answers then rank the sentences
    of the documents asked about, which is what the engine falls back to."""
    if not SHARED_PDFS.is_dir():
        pytest.skip("../shared/pdfs is not present")
    from ingest.pipeline import expand, ingest_paths
    from qa.engine import QAEngine

    store = tmp_path_factory.mktemp("pdfstore")
    assert not ingest_paths(expand([str(SHARED_PDFS)]), store, jobs=2, progress=False, out=open("/dev/null", "w")).failed
    return QAEngine(store, llm=False)
