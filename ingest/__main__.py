"""python -m ingest PATH... [--store DIR]: parse disclosures into the store, then index them.
python -m ingest --list | --remove DOC [--remove DOC...] [--store DIR]: what the store holds.

Each file gets a one-line summary (or a one-line error); the batch continues past bad files
and the exit status is non-zero when any file failed. Names are printed with control
characters escaped (core/terminal.py).
"""
from __future__ import annotations

import argparse
import ctypes
import functools
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path

from ingest import SUPPORTED_SUFFIXES, IngestError, parse_file
from core.config import STORE_HELP, default_store
from ingest.limits import DEFAULT_LIMITS, MB, Limits
from core.model import Document
from core.terminal import run_main, shown

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


def parse_all(paths: list[Path], jobs: int = 1, progress: bool = True,
              limits: Limits = DEFAULT_LIMITS) -> list[tuple[Path, Document | None, str]]:
    """Every file parsed (in parallel when jobs > 1), with its error where it failed."""
    from tqdm import tqdm

    parse = functools.partial(_parse, limits=limits)
    outcomes = []
    with tqdm(total=len(paths), desc="解析", unit="份", disable=not progress, file=sys.stderr) as bar, \
            ProcessPoolExecutor(max_workers=max(1, jobs), initializer=_die_with_parent,
                                initargs=(os.getpid(),)) as pool:
        for outcome in (pool.map(parse, paths) if jobs > 1 and len(paths) > 1 else map(parse, paths)):
            outcomes.append(outcome)
            bar.update()
    return outcomes


def ingest_paths(paths: list[Path], store: Path, jobs: int = 1, progress: bool = True,
                 out=None, limits: Limits = DEFAULT_LIMITS) -> tuple[list[Document], list[tuple[Path, str]]]:
    """Parse files, write the good ones to the store in one batch."""
    out = out or sys.stdout
    from core.store import write_documents

    docs: list[Document] = []
    failures: list[tuple[Path, str]] = []
    for path, doc, error in parse_all(paths, jobs, progress, limits):
        if doc is None:
            failures.append((path, error))
            print(shown(f"✗ {path.name}: {error}"), file=out)
        else:
            docs.append(doc)
            print(shown(f"✓ {path.name}: {summary_line(doc)}"), file=out)
    if docs:
        siblings = join_disclosures(docs, store)
        replaced = set(write_documents(store, docs + siblings))
        for doc in docs:
            if doc.doc_id in replaced:
                print(shown(f"  （{doc.source} 已在库中，已用新解析结果替换）"), file=out)
    return docs, failures


def report(paths: list[Path], jobs: int = 1, progress: bool = True, limits: Limits = DEFAULT_LIMITS) -> int:
    """Parse-health of each file and in total (see ingest/health.py); nothing is written.
    Files that are one disclosure are checked against each other's tables."""
    from core.names import disclosure_key
    from ingest.health import Health, format_health, health
    from ingest.stated import check_disclosure

    outcomes = parse_all(paths, jobs, progress, limits)
    docs = [doc for _, doc, _ in outcomes if doc is not None]
    groups: dict[tuple, list[Document]] = {}
    for doc in docs:
        groups.setdefault(disclosure_key(doc.department, doc.year, doc.kind, doc.scope), []).append(doc)
    for group in groups.values():
        check_disclosure(group)
    total = Health("", "")
    for path, doc, error in outcomes:
        if doc is None:
            print(shown(f"✗ {path.name}: {error}"))
            continue
        group = groups[disclosure_key(doc.department, doc.year, doc.kind, doc.scope)]
        h = health(doc, [t for d in group for t in d.tables])
        total.add(h)
        print(format_health(h))
    failed = len(outcomes) - len(docs)
    print(format_health(total, total=True) + (f"\n  无法解析的文件：{failed} 份" if failed else ""))
    return 1 if failed else 0


def list_documents(store: Path) -> int:
    """One line per stored document: the id that --remove takes, what it is, its file name."""
    from core.store import Store

    db = Store(store)
    infos = db.documents()
    db.close()
    for i in infos:
        print(shown(f"{i.doc_id}  {i.label}  {i.tables}张表 {i.facts}个数据  {i.source}"))
    print(f"共 {len(infos)} 份文件")
    return 0


def remove_documents(store: Path, names: list[str]) -> tuple[list, list[str]]:
    """Remove the documents named by id or file name, in one batch: nothing is removed when a
    name matches none or several. Returns the removed documents' infos and the problems."""
    from core.store import Store, write_documents

    db = Store(store)
    infos = db.documents()
    db.close()
    removed, problems = [], []
    for name in names:
        found = [i for i in infos if i.doc_id == name] or [i for i in infos if i.source == name]
        if not found:
            problems.append(f"库中没有编号或文件名为 {name} 的文件（用 --list 查看）")
        elif len(found) > 1:
            problems.append(f"文件名 {name} 对应 {len(found)} 份文件，请改用编号：{'、'.join(i.doc_id for i in found)}")
        else:
            removed += found
    if problems:
        return [], problems
    write_documents(store, join_disclosures([], store, removed), remove=[i.doc_id for i in removed])
    return removed, []


def update_index(store: Path, no_index: bool, progress: bool) -> None:
    """After documents were added or removed: rebuild the retrieval index, or say how to."""
    if no_index:
        print(f"检索索引未更新：请运行 python -m index build --store {shown(str(store))}")
        return
    from index.build import build_index

    build_index(store, progress=progress)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description="解析部门预算/决算公开文件并写入数据库")
    parser.add_argument("paths", nargs="*", help="文件或目录（PDF、TXT、Markdown、HTML）")
    parser.add_argument("--store", default=default_store(), help=STORE_HELP)
    parser.add_argument("--list", action="store_true", help="列出库中的文件（编号、部门、年度、表格与数据数、文件名）")
    parser.add_argument("--remove", action="append", default=[], metavar="编号或文件名",
                        help="从库中删除一份文件（可重复），并更新检索索引")
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="并行解析的进程数")
    parser.add_argument("--no-index", action="store_true", help="只写数据库，不更新检索索引")
    parser.add_argument("--quiet", action="store_true", help="不显示进度条")
    parser.add_argument("--report", action="store_true",
                        help="只解析并报告解析质量（表格类型、单位、口径、科目编码、合计与跨表核对、文字陈述），不写数据库")
    parser.add_argument("--max-mb", type=float, default=DEFAULT_LIMITS.file_bytes / MB,
                        help="单个文件的大小上限（MB，默认 %(default).0f）")
    parser.add_argument("--max-pages", type=int, default=DEFAULT_LIMITS.pdf_pages,
                        help="单个 PDF 的页数上限（默认 %(default)d）")
    args = parser.parse_args(argv)
    if bool(args.paths) + args.list + bool(args.remove) != 1:
        parser.error("请给出要解析的文件或目录，或者 --list，或者 --remove（三者选一）")
    store = Path(args.store)
    if args.list or args.remove:
        return _library(args, store)

    paths = expand(args.paths)
    if not paths:
        print("没有找到可解析的文件", file=sys.stderr)
        return 2
    limits = replace(DEFAULT_LIMITS, file_bytes=int(args.max_mb * MB), pdf_pages=args.max_pages)
    if args.report:
        return report(paths, jobs=args.jobs, progress=not args.quiet, limits=limits)
    docs, failures = ingest_paths(paths, store, jobs=args.jobs, progress=not args.quiet, limits=limits)
    total_facts = sum(len(d.facts()) for d in docs)
    print(shown(f"合计：成功 {len(docs)} 份，失败 {len(failures)} 份，{sum(len(d.tables) for d in docs)} 张表，"
                f"{total_facts} 个数据 → {store / 'budget.sqlite'}"))
    if docs:
        update_index(store, args.no_index, progress=not args.quiet)
    return 1 if failures else 0


def _library(args, store: Path) -> int:
    """--list and --remove."""
    from core.store import StoreError

    try:
        if args.list:
            return list_documents(store)
        removed, problems = remove_documents(store, args.remove)
    except StoreError as exc:
        print(shown(f"错误：{exc}"), file=sys.stderr)
        return 2
    for problem in problems:
        print(shown(f"✗ {problem}"), file=sys.stderr)
    for info in removed:
        print(shown(f"已删除：{info.doc_id}  {info.label}  {info.source}"))
    if removed:
        update_index(store, args.no_index, progress=not args.quiet)
    return 1 if problems else 0


if __name__ == "__main__":
    run_main(main, finish=True)
