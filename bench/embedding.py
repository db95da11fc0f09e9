"""Benchmark of index/embedding.py: build time, load time, encoding speed.

Run from the repository root:  .venv/bin/python -m bench.embedding [--n 500 --rounds 3]
[--store STORE] [--backends onnx,torch] [--batch N]. It builds (and exports to ONNX) into a fresh
temporary cache, so it never touches the real one; the backends alternate round by round.
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


def store_passages(store_dir: str, n: int, seed: int = 0) -> list[str]:
    """``n`` texts the index would embed for a store's documents, drawn at random."""
    from core.store import Store
    from index.chunks import chunks_for_document

    store = Store(Path(store_dir))
    texts = [c.search_text() for info in store.documents() for c in chunks_for_document(store.document(info.doc_id))]
    store.close()
    random.Random(seed).shuffle(texts)
    return texts[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=500, help="passages to encode")
    parser.add_argument("--rounds", type=int, default=3, help="times to encode them with each backend")
    parser.add_argument("--store", help="encode this store's chunks (as the index does) instead of generated sentences")
    parser.add_argument("--backends", default="onnx,torch", help="comma-separated: onnx, torch")
    parser.add_argument("--batch", type=int, default=None, help="batch size (default: the Embedder's)")
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
        texts = store_passages(args.store, args.n) if args.store else budget_sentences(args.n)
        embedders, loads = {}, {}
        for backend in args.backends.split(","):
            emb = embedding.Embedder(backend=backend, **({"batch_size": args.batch} if args.batch else {}))
            start = time.perf_counter()
            emb.encode_passages(texts[:8])  # load (and, for onnx, the one-off export) and warm up
            loads[backend] = time.perf_counter() - start
            embedders[backend] = emb
        rates: dict[str, list[float]] = {b: [] for b in embedders}
        vectors = {}
        for _ in range(args.rounds):  # backends alternate, round by round: the VM's speed swings
            for backend, emb in embedders.items():
                start = time.perf_counter()
                vectors[backend] = emb.encode_passages(texts)
                rates[backend].append(len(texts) / (time.perf_counter() - start))
        one_query = {}
        for backend, emb in embedders.items():
            start = time.perf_counter()
            for text in texts[:50]:
                emb.encode_queries([text])
            one_query[backend] = (time.perf_counter() - start) / 50

    print(f"model folder      : {path.name} ({emb.model_id}, dim {emb.dim})")
    print(f"build (fresh)     : {build:.1f} s;  import s-t: {imported:.1f} s")
    print(f"passages          : {len(texts)} {'chunks of ' + args.store if args.store else 'generated sentences'}, "
          f"mean {sum(map(len, texts)) / len(texts):.0f} characters; batch {emb.batch_size}, "
          f"{torch.get_num_threads()} threads, {os.cpu_count()} CPUs")
    for backend, emb in embedders.items():
        median = sorted(rates[backend])[len(rates[backend]) // 2]
        print(f"{backend:6s}: {median:.1f} passages/s median (rounds: {', '.join(f'{r:.1f}' for r in rates[backend])}); "
              f"first load {loads[backend]:.1f} s; one query {one_query[backend] * 1000:.0f} ms")
    if len(vectors) == 2:
        a, b = vectors.values()
        print(f"largest difference between the backends' vectors: {abs(a - b).max():.2e}")


if __name__ == "__main__":
    main()
