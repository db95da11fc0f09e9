"""python -m eval [--gold FILE...] [--store DIR] [--json OUT] [--min X] [--retrieval] [--generated]
python -m eval --synthetic [--n N] [--seed S] [--hazards all|none|name,name] [--keep DIR] [--examples K]

Runs gold questions through the qa API and prints accuracy by question kind and by document:
answer, citation, strict (both), refusal precision/recall, latency. Exit status 1 when strict
accuracy is below --min.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from core.config import STORE_HELP, TODAY_ENV, default_store
from core.names import canonical_department
from eval.gold import GOLD_AS_OF, GOLD_DIR, load_gold
from eval.report import build_report, format_report
from core.terminal import run_main

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "pdfs"


def default_gold() -> list[Path]:
    """The sample sets always; the shared-PDF sets when ../shared/pdfs is there."""
    files = [GOLD_DIR / "samples.jsonl", *sorted(GOLD_DIR.glob("citizen_samples_*.jsonl"))]
    if SHARED.is_dir():
        files += sorted(GOLD_DIR.glob("shared_*.jsonl")) + sorted(GOLD_DIR.glob("citizen_shared_*.jsonl"))
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval", description="用金标准问题评测问答的答案与引用")
    parser.add_argument("--gold", nargs="*", type=Path, help="金标准 JSONL（默认：samples，及存在 ../shared 时的 shared_*）")
    parser.add_argument("--store", default=default_store(), type=Path, help=STORE_HELP)
    parser.add_argument("--json", type=Path, help="写出逐题报告")
    parser.add_argument("--min", type=float, help="严格准确率低于此值时以状态 1 退出")
    parser.add_argument("--today", default=os.environ.get(TODAY_ENV) or GOLD_AS_OF,
                        help=f"问题里的“今年、去年”按哪一天算（默认：金标准写成之日 {GOLD_AS_OF}）")
    parser.add_argument("--retrieval", action="store_true", help="评测检索（recall@1/@5）而不是问答")
    parser.add_argument("--generated", action="store_true", help="由库中数据生成模板问题，评测抽取+查找覆盖率")
    parser.add_argument("--synthetic", action="store_true",
                        help="生成带版式隐患的 PDF，按隐患统计解析出的单元格、文字陈述与问答（见 eval/synthetic_check.py）")
    parser.add_argument("--n", type=int, default=6, help="--synthetic：生成的文件数（另加一份无隐患的对照）")
    parser.add_argument("--seed", type=int, default=1, help="--synthetic：随机种子")
    parser.add_argument("--hazards", default="all", help="--synthetic：all | none | 隐患名,隐患名")
    parser.add_argument("--keep", type=Path, help="--synthetic：把生成的文件留在此目录")
    parser.add_argument("--examples", type=int, default=0, help="--synthetic：列出前 K 个错误/多出的例子")
    args = parser.parse_args(argv)
    os.environ[TODAY_ENV] = args.today  # (the gold's "去年" is the year before the day it was written)

    if args.synthetic:
        from eval.synthetic_check import run

        print(run(args.n, args.seed, args.hazards, args.keep, args.examples))
        return 0

    if args.retrieval:
        from eval.retrieval import format_report as retrieval_table
        from eval.retrieval import load_retrieval_gold, score_retrieval
        from index.retriever import Retriever

        report = score_retrieval(Retriever(args.store), load_retrieval_gold(sorted(GOLD_DIR.glob("retrieval_*.jsonl"))))
        print(retrieval_table(report))
        if args.json:
            args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
        return 0

    from qa.engine import QAEngine

    engine = QAEngine(args.store)
    if args.generated:
        from eval.generated import run_generated

        print(run_generated(engine))
        return 0

    items = load_gold(args.gold or default_gold())
    sources = {d.source for d in engine.infos}
    results = []
    for item in items:
        if item.cite and item.cite.doc not in sources:
            continue  # a document this store does not hold
        started = time.perf_counter()
        answer = engine.ask(item.q, item.history)
        results.append((item, answer, time.perf_counter() - started))
    # the files of one disclosure (a 说明 and a 公开表 published apart): a figure cited from either is checkable
    report = build_report(results, {d.source: (canonical_department(d.department), d.year, d.kind) for d in engine.infos})
    print(format_report(report))
    if args.json:
        args.json.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    if args.min is not None and report["overall"]["strict"] < args.min:
        print(f"严格准确率 {report['overall']['strict']:.3f} 低于要求的 {args.min}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    run_main(main, finish=True)
