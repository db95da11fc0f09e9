"""python -m bench.long_question [--store DIR] [--lengths 2000,4000,20000]: time and memory of
one long question, with the question-length limit and with it lifted.

Each measurement runs in a fresh process (the peak resident size only grows): the engine
loads, answers a lookup and a retrieval question (the embedding model loads there), then
answers the question padded to the length. Printed: seconds, the Python heap's peak while
answering (tracemalloc), and how far the process's peak resident size rose (ru_maxrss).
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "阳泉市民政局2024年三公经费多少"
# words no cell explains, in one run without filler: every stretch of it used to be listed
# (296 MB at 2,000 characters, 23.5 GB at 20,000)
PADDING = "最低生活保障城乡社区管理事务政府采购授予中小企业合同金额"


def padded(length: int) -> str:
    """The sample question padded to ``length`` characters, still ending in 多少."""
    return QUESTION[:-2] + (PADDING * (length // len(PADDING) + 1))[:length - len(QUESTION)] + "多少"


def measure(store: Path, length: int, lifted: bool) -> dict:
    """One question in this process: seconds, heap peak and resident-size rise (bytes)."""
    import qa.engine
    from qa.engine import QAEngine

    if lifted:
        qa.engine.MAX_QUESTION_CHARS = 10 ** 9
    engine = QAEngine(store, llm=False)
    engine.ask(QUESTION)
    engine.ask("阳泉民政局收入为什么比上年下降")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    t = time.perf_counter()
    answer = engine.ask(padded(length))
    seconds = time.perf_counter() - t
    heap = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    rise = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss) * 1024
    return {"length": length, "lifted": lifted, "seconds": seconds, "heap": heap, "rss_rise": rise,
            "status": answer.status, "answer": answer.answer[:40]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.long_question")
    parser.add_argument("--store", default=str(ROOT / "store"), type=Path, help="a store of the samples (with index)")
    parser.add_argument("--lengths", default="2000,4000,20000")
    parser.add_argument("--child", nargs=2, metavar=("LENGTH", "LIFTED"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(measure(args.store, int(args.child[0]), args.child[1] == "1"), ensure_ascii=False))
        return 0
    print(f"{'chars':>7} {'limit':<8}{'seconds':>9}{'heap MB':>9}{'RSS +MB':>9}  answer")
    for length in map(int, args.lengths.split(",")):
        for lifted in (False, True):
            out = subprocess.run([sys.executable, "-m", "bench.long_question", "--store", str(args.store),
                                  "--child", str(length), "1" if lifted else "0"],
                                 cwd=ROOT, capture_output=True, text=True, check=True).stdout
            r = json.loads(out.strip().splitlines()[-1])
            print(f"{length:>7} {'lifted' if lifted else 'on':<8}{r['seconds']:>9.4f}{r['heap'] / 1e6:>9.1f}"
                  f"{r['rss_rise'] / 1e6:>9.1f}  [{r['status']}] {r['answer']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
