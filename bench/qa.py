"""python -m bench.qa [--store DIR]: answering latency by route (warm p50/p95), and cold start
(engine load + first lookup, then the first retrieval answer, which loads the embedding model).

Questions are the gold sets' (samples, and the shared PDFs' when the store holds them).
"""
from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from core.config import STORE_HELP, default_store
from eval.gold import GOLD_DIR, load_gold


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.qa")
    parser.add_argument("--store", default=default_store(), type=Path, help=STORE_HELP)
    args = parser.parse_args(argv)

    t0 = time.perf_counter()
    from qa.engine import QAEngine
    engine = QAEngine(args.store)
    loaded = time.perf_counter() - t0
    first = engine.ask("阳泉市民政局2024年三公经费多少")
    first_lookup = time.perf_counter() - t0
    t1 = time.perf_counter()
    engine.ask("阳泉民政局收入为什么比上年下降")
    first_retrieval = time.perf_counter() - t1

    sources = {d.source for d in engine.infos}
    files = [GOLD_DIR / "samples.jsonl", *sorted(GOLD_DIR.glob("shared_*.jsonl"))]
    items = [g for g in load_gold(files) if g.cite is None or g.cite.doc in sources]
    by_route: dict[str, list[float]] = {}
    for g in items:
        t = time.perf_counter()
        answer = engine.ask(g.q, g.history)
        by_route.setdefault(answer.route, []).append(1000 * (time.perf_counter() - t))
    print(f"cold start: engine load {loaded:.2f} s; first lookup answer at {first_lookup:.2f} s "
          f"({first.route}); first retrieval answer +{first_retrieval:.2f} s (loads the embedding model)")
    print(f"{'route':<12}{'n':>6}{'p50 ms':>9}{'p95 ms':>9}")
    for route, times in sorted(by_route.items()):
        times.sort()
        print(f"{route:<12}{len(times):>6}{statistics.median(times):>9.1f}{times[int(0.95 * (len(times) - 1))]:>9.1f}")


if __name__ == "__main__":
    main()
