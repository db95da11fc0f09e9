"""Parse files into typed documents and write them to the store: the one pipeline the CLI, the
web app, the tests and the benchmarks share. Parsing runs in worker processes that die with
their parent; a disclosure published as several files is joined before it is written."""
from __future__ import annotations

import ctypes
import functools
import multiprocessing
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from core.model import Document
from core.terminal import shown
from ingest import SUPPORTED_SUFFIXES, IngestError, parse_file
from ingest.limits import DEFAULT_LIMITS, Limits

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def expand(paths: list[str]) -> list[Path]:
    """Files as given, plus the supported files inside given folders (sorted, recursive)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                              and not any(part.startswith(".") for part in f.relative_to(p).parts)))
        else:
            out.append(p)
    return out


def _parse(path: Path, limits: Limits = DEFAULT_LIMITS) -> tuple[Path, Document | None, str]:
    try:
        return path, parse_file(path, limits), ""
    except IngestError as exc:
        return path, None, str(exc)
    except Exception as exc:  # a parser bug must not take the batch down
        return path, None, f"解析失败（{type(exc).__name__}: {exc}）"


def join_disclosures(docs: list[Document], store: Path, removed: list = ()) -> list[Document]:
    """Files that are one disclosure (a narrative PDF and its 公开表 PDF), in this batch or in the
    store already, get their stated facts checked against all their tables; so do the ones left
    when one is ``removed``. Returns the stored documents whose checks changed (to be written again)."""
    from core.names import disclosure_key
    from core.store import Store, StoreError
    from ingest.stated import check_disclosure

    def key(d) -> tuple:
        return disclosure_key(d.department, d.year, d.kind, d.scope)

    stored = []
    try:
        db = Store(store)
        wanted = {key(d) for d in [*docs, *removed]}
        skip = {d.doc_id for d in [*docs, *removed]}
        stored = [db.document(i.doc_id) for i in db.documents() if key(i) in wanted and i.doc_id not in skip]
        db.close()
    except StoreError:
        pass  # a new store has no earlier files
    groups: dict[tuple, list[Document]] = {}
    for doc in docs + stored:
        groups.setdefault(key(doc), []).append(doc)
    changed = []
    for group in groups.values():
        before = {id(f): f.check for d in group for f in d.stated}
        check_disclosure(group)
        changed += [d for d in group if d in stored and any(before[id(f)] != f.check for f in d.stated)]
    return changed


def summary_line(doc: Document) -> str:
    facts = doc.facts()
    pages = f"{doc.pages}页" if doc.pages else "文本"
    return (f"{doc.department} | {doc.year}年 | {doc.scope}{doc.kind} | {pages} | {len(doc.tables)}张表 | "
            f"{len(facts)}个数据 | {len(doc.all_warnings())}条警告")


def _watch_parent(parent: int) -> None:
    """Where the kernel cannot be asked: exit once re-parented, that is once the parent died."""
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _die_with_parent(parent: int) -> None:
    """Pool initializer: a parser worker ends with the ingest process, even one killed by
    kill -9 (which runs no cleanup, so the pool cannot stop its workers): on Linux the kernel
    kills it, elsewhere it notices within a second."""
    try:
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except AttributeError:  # no prctl: not Linux
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # it died before the signal was set
        os._exit(1)


# workers start as fresh interpreters: a fork copies the caller's locks in whatever state its other
# threads hold them (torch's, a web server's, a browser driver's), and a worker then waits forever
WORKER_START = multiprocessing.get_context("spawn")


def parse_all(paths: list[Path], jobs: int = 1, progress: bool = True,
              limits: Limits = DEFAULT_LIMITS) -> list[tuple[Path, Document | None, str]]:
    """Every file parsed (in parallel when jobs > 1), with its error where it failed."""
    from tqdm import tqdm

    parse = functools.partial(_parse, limits=limits)
    outcomes = []
    with tqdm(total=len(paths), desc="解析", unit="份", disable=not progress, file=sys.stderr) as bar, \
            ProcessPoolExecutor(max_workers=max(1, jobs), initializer=_die_with_parent, initargs=(os.getpid(),),
                                mp_context=WORKER_START) as pool:
        for outcome in (pool.map(parse, paths) if jobs > 1 and len(paths) > 1 else map(parse, paths)):
            outcomes.append(outcome)
            bar.update()
    return outcomes


@dataclass
class IngestResult:
    """What one batch did: the documents written (in the order given), which of them replaced a
    stored copy, and the files that failed with their reasons."""
    written: list[Document] = field(default_factory=list)
    replaced: set[str] = field(default_factory=set)  # doc ids
    failed: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def added(self) -> list[Document]:
        return [d for d in self.written if d.doc_id not in self.replaced]


def ingest_paths(paths: list[Path], store: Path, jobs: int = 1, progress: bool = True,
                 out=None, limits: Limits = DEFAULT_LIMITS) -> IngestResult:
    """Parse files, write the good ones to the store in one batch, say what was done."""
    out = out or sys.stdout
    from core.store import write_documents

    result = IngestResult()
    docs = result.written
    for path, doc, error in parse_all(paths, jobs, progress, limits):
        if doc is None:
            result.failed.append((path, error))
            print(shown(f"✗ {path.name}: {error}"), file=out)
        else:
            docs.append(doc)
            print(shown(f"✓ {path.name}: {summary_line(doc)}"), file=out)
    if docs:
        siblings = join_disclosures(docs, store)
        replaced = set(write_documents(store, docs + siblings))
        result.replaced = {d.doc_id for d in docs if d.doc_id in replaced}
        for doc in docs:
            if doc.doc_id in replaced:
                print(shown(f"  （{doc.source} 已在库中，已用新解析结果替换）"), file=out)
    return result


