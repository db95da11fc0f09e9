"""Benchmark of index/embedding.py: build time, load time, encoding speed.

Run from the repository root:  .venv/bin/python -m bench.embedding [--n 500 --rounds 3]
It builds into a fresh temporary cache, so it never touches the real one.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def budget_sentences(n: int, seed: int = 0) -> list[str]:
    """Short sentences shaped like budget disclosures (10-40 characters)."""
    rng = random.Random(seed)
    items = ["因公出国（境）费", "公务用车运行维护费", "公务接待费", "机关运行经费", "政府采购支出",
             "人员经费", "日常公用经费", "办公费", "差旅费", "一般公共预算财政拨款支出", "项目支出"]
    templates = ["{y}年度{i}决算数为{v}万元。", "{i}{v}万元，比上年{d}{p}%。", "本部门{y}年{i}预算{v}万元",
                 "财政拨款“三公”经费支出决算表 {i} {v}", "截至{y}年12月31日，共有车辆{c}辆。"]
    return [
        rng.choice(templates).format(
            y=rng.choice([2019, 2022, 2023, 2024]), i=rng.choice(items), v=f"{rng.uniform(0.5, 9999):,.2f}",
            d=rng.choice(["增加", "减少"]), p=rng.randint(1, 60), c=rng.randint(1, 40))
        for _ in range(n)
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=500, help="sentences to encode")
    parser.add_argument("--rounds", type=int, default=3, help="times to encode them")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="budget-qa-bench-") as cache:
        os.environ["BUDGET_QA_CACHE"] = cache
        os.environ.pop("EMBED_MODEL", None)
        from index import embedding

        start = time.perf_counter()
        path = embedding.ensure_default_model()
        build = time.perf_counter() - start

        start = time.perf_counter()
        import sentence_transformers  # noqa: F401  (what a first load also pays)
        import torch

        imported = time.perf_counter() - start
        emb = embedding.Embedder()
        start = time.perf_counter()
        _ = emb.model
        load = time.perf_counter() - start

        texts = budget_sentences(args.n)
        emb.encode_passages(texts[:8])  # warm-up
        rates = []
        for _ in range(args.rounds):  # the VM's speed swings: show every round
            start = time.perf_counter()
            emb.encode_passages(texts)
            rates.append(args.n / (time.perf_counter() - start))
        start = time.perf_counter()
        for text in texts[:50]:
            emb.encode_queries([text])
        one_query = (time.perf_counter() - start) / 50

    print(f"model folder      : {path.name} ({emb.model_id}, dim {emb.dim})")
    print(f"build (fresh)     : {build:.1f} s")
    print(f"import s-t        : {imported:.1f} s")
    print(f"load model        : {load:.1f} s")
    print(f"encode {args.n} passages: {sorted(rates)[len(rates) // 2]:.0f} sentences/s median "
          f"(rounds: {', '.join(f'{r:.0f}' for r in rates)}; batch {emb.batch_size}, "
          f"{torch.get_num_threads()} torch threads, {os.cpu_count()} CPUs)")
    print(f"one query         : {one_query * 1000:.0f} ms")


if __name__ == "__main__":
    main()
