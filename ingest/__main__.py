"""python -m ingest PATH... [--store DIR]: parse disclosures into the store, then index them.

Each file gets a one-line summary (or a one-line error); the batch continues past bad files
and the exit status is non-zero when any file failed.
"""
from __future__ import annotations

import argparse
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from ingest import SUPPORTED_SUFFIXES, IngestError, parse_file
from core.config import STORE_HELP, default_store
from core.model import Document


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


def _parse(path: Path) -> tuple[Path, Document | None, str]:
    try:
        return path, parse_file(path), ""
    except IngestError as exc:
        return path, None, str(exc)
    except Exception as exc:  # a parser bug must not take the batch down
        return path, None, f"解析失败（{type(exc).__name__}: {exc}）"


def join_disclosures(docs: list[Document], store: Path) -> list[Document]:
    """Files that are one disclosure (a narrative PDF and its 公开表 PDF), in this batch or in the
    store already, get their stated facts checked against all their tables. Returns the stored
    documents whose checks changed (to be written again)."""
    from core.names import disclosure_key
    from core.store import Store, StoreError
    from ingest.stated import check_disclosure

    def key(d) -> tuple:
        return disclosure_key(d.department, d.year, d.kind, d.scope)

    stored = []
    try:
        db = Store(store)
        wanted = {key(d) for d in docs}
        fresh = {d.doc_id for d in docs}
        stored = [db.document(i.doc_id) for i in db.documents() if key(i) in wanted and i.doc_id not in fresh]
        db.close()
    except StoreError:
        pass  # a new store has no earlier files
    groups: dict[tuple, list[Document]] = {}
    for doc in docs + stored:
        groups.setdefault(key(doc), []).append(doc)
    changed = []
    for group in groups.values():
        if len(group) < 2:
            continue
        before = {id(f): f.check for d in group for f in d.stated}
        check_disclosure(group)
        changed += [d for d in group if d in stored and any(before[id(f)] != f.check for f in d.stated)]
    return changed


def summary_line(doc: Document) -> str:
    facts = doc.facts()
    pages = f"{doc.pages}页" if doc.pages else "文本"
    return (f"{doc.department} | {doc.year}年 | {doc.scope}{doc.kind} | {pages} | {len(doc.tables)}张表 | "
            f"{len(facts)}个数据 | {len(doc.all_warnings())}条警告")


def parse_all(paths: list[Path], jobs: int = 1, progress: bool = True) -> list[tuple[Path, Document | None, str]]:
    """Every file parsed (in parallel when jobs > 1), with its error where it failed."""
    from tqdm import tqdm

    outcomes = []
    with tqdm(total=len(paths), desc="解析", unit="份", disable=not progress, file=sys.stderr) as bar, \
            ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        for outcome in (pool.map(_parse, paths) if jobs > 1 and len(paths) > 1 else map(_parse, paths)):
            outcomes.append(outcome)
            bar.update()
    return outcomes


def ingest_paths(paths: list[Path], store: Path, jobs: int = 1, progress: bool = True,
                 out=None) -> tuple[list[Document], list[tuple[Path, str]]]:
    """Parse files, write the good ones to the store in one batch."""
    out = out or sys.stdout
    from core.store import write_documents

    docs: list[Document] = []
    failures: list[tuple[Path, str]] = []
    for path, doc, error in parse_all(paths, jobs, progress):
        if doc is None:
            failures.append((path, error))
            print(f"✗ {path.name}: {error}", file=out)
        else:
            docs.append(doc)
            print(f"✓ {path.name}: {summary_line(doc)}", file=out)
    if docs:
        siblings = join_disclosures(docs, store)
        replaced = set(write_documents(store, docs + siblings))
        for doc in docs:
            if doc.doc_id in replaced:
                print(f"  （{doc.source} 已在库中，已用新解析结果替换）", file=out)
    return docs, failures


def report(paths: list[Path], jobs: int = 1, progress: bool = True) -> int:
    """Parse-health of each file and in total (see ingest/health.py); nothing is written.
    Files that are one disclosure are checked against each other's tables."""
    from core.names import disclosure_key
    from ingest.health import Health, format_health, health
    from ingest.stated import check_disclosure

    outcomes = parse_all(paths, jobs, progress)
    docs = [doc for _, doc, _ in outcomes if doc is not None]
    groups: dict[tuple, list[Document]] = {}
    for doc in docs:
        groups.setdefault(disclosure_key(doc.department, doc.year, doc.kind, doc.scope), []).append(doc)
    for group in groups.values():
        check_disclosure(group)
    total = Health("", "")
    for path, doc, error in outcomes:
        if doc is None:
            print(f"✗ {path.name}: {error}")
            continue
        group = groups[disclosure_key(doc.department, doc.year, doc.kind, doc.scope)]
        h = health(doc, [t for d in group for t in d.tables])
        total.add(h)
        print(format_health(h))
    failed = len(outcomes) - len(docs)
    print(format_health(total, total=True) + (f"\n  无法解析的文件：{failed} 份" if failed else ""))
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description="解析部门预算/决算公开文件并写入数据库")
    parser.add_argument("paths", nargs="+", help="文件或目录（PDF、TXT、Markdown、HTML）")
    parser.add_argument("--store", default=default_store(), help=STORE_HELP)
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="并行解析的进程数")
    parser.add_argument("--no-index", action="store_true", help="只写数据库，不更新检索索引")
    parser.add_argument("--quiet", action="store_true", help="不显示进度条")
    parser.add_argument("--report", action="store_true",
                        help="只解析并报告解析质量（表格类型、单位、口径、科目编码、合计与跨表核对、文字陈述），不写数据库")
    args = parser.parse_args(argv)

    paths = expand(args.paths)
    if not paths:
        print("没有找到可解析的文件", file=sys.stderr)
        return 2
    if args.report:
        return report(paths, jobs=args.jobs, progress=not args.quiet)
    docs, failures = ingest_paths(paths, Path(args.store), jobs=args.jobs, progress=not args.quiet)
    total_facts = sum(len(d.facts()) for d in docs)
    print(f"合计：成功 {len(docs)} 份，失败 {len(failures)} 份，{sum(len(d.tables) for d in docs)} 张表，"
          f"{total_facts} 个数据 → {Path(args.store) / 'budget.sqlite'}")
    if docs and not args.no_index:
        from index.build import build_index

        build_index(Path(args.store), progress=not args.quiet)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
