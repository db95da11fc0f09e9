"""python -m index build|search: maintain the retrieval index, or query it from the shell."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from index.build import IndexUnavailable, build_index
from core.config import STORE_HELP, default_store
from core.store import StoreError
from core.terminal import run_main, shown


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m index", description="检索索引：建立与查询")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="为数据库中的文件建立（增量）检索索引")
    b.add_argument("--store", default=default_store(), help=STORE_HELP)
    b.add_argument("--rebuild", action="store_true", help="丢弃已有向量，全部重新嵌入")
    s = sub.add_parser("search", help="混合检索（问题中提到的部门、年度会作为过滤条件）")
    s.add_argument("query")
    s.add_argument("--store", default=default_store(), help=STORE_HELP)
    s.add_argument("-k", type=int, default=10)
    s.add_argument("--mode", choices=["hybrid", "dense", "bm25"], default="hybrid")
    s.add_argument("--no-filter", action="store_true", help="不按问题中的部门、年度过滤")
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            build_index(Path(args.store), rebuild=args.rebuild)
            return 0
        from index.retriever import Retriever

        retriever = Retriever(Path(args.store))
        result = retriever.search(args.query, k=args.k, mode=args.mode, use_filters=not args.no_filter)
        if result.filter_note:
            print(shown(result.filter_note))
        for n, hit in enumerate(result.hits, start=1):
            c = hit.chunk
            where = f"第{c.page}页" if c.page else (f"第{c.line}行" if c.line else "")
            print(shown(f"{n:>2}. [{hit.score:.4f} 向量#{hit.dense_rank or '-'} BM25#{hit.bm25_rank or '-'}] "
                        f"{c.source} {where} · {c.title}"))
            print(shown("    " + c.text.replace("\n", " ")[:160]))
        return 0
    except (IndexUnavailable, StoreError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    run_main(main)
