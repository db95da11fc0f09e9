"""python -m ingest PATH... [--store DIR]: parse disclosures into the store, then index them.
python -m ingest --list | --remove DOC [--remove DOC...] [--store DIR]: what the store holds.

Each file gets a one-line summary (or a one-line error); the batch continues past bad files
and the exit status is non-zero when any file failed. Names are printed with control
characters escaped (core/terminal.py).
"""
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import replace
from pathlib import Path

from core.config import STORE_HELP, default_store
from core.model import Document
from core.terminal import run_main, shown
from ingest.limits import DEFAULT_LIMITS, MB, Limits
from ingest.pipeline import expand, ingest_paths, join_disclosures, parse_all

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
    result = ingest_paths(paths, store, jobs=args.jobs, progress=not args.quiet, limits=limits)
    docs, failures = result.written, result.failed
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
