"""python -m bench.index [--scale 20] [--skip-base-build]: index build time, size, memory and
query latency over the samples + shared PDFs, and over a corpus N times larger.

The larger corpus is copies of every document under other department names. Embeddings are
cached by the text searched, which leaves out the department name, so copies cost no new
embeddings: the scaled build measures chunking, tokenising, FAISS and BM25 at N× size, while
the embedding throughput is the base build's.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import resource
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from eval.gold import GOLD_DIR

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "pdfs"


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2 ** 20


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def latency(store: Path, queries: list[str]) -> tuple[float, float, float]:
    from index.retriever import Retriever

    t0 = time.perf_counter()
    retriever = Retriever(store)
    retriever.search("预热", k=5)
    load = time.perf_counter() - t0
    times = []
    for q in queries:
        t = time.perf_counter()
        retriever.search(q, k=10)
        times.append(1000 * (time.perf_counter() - t))
    times.sort()
    return load, statistics.median(times), times[int(0.95 * (len(times) - 1))]


def scaled_copy(source: Path, target: Path, scale: int) -> int:
    """Write ``scale`` copies of every document of ``source`` into ``target``, renamed."""
    from core.store import Store, write_documents

    store = Store(source)
    docs = [store.document(d.doc_id) for d in store.documents()]
    copies = []
    for n in range(scale):
        for doc in docs:
            name = doc.department if n == 0 else f"{doc.department}（副本{n}）"
            copy = dataclasses.replace(doc, department=name, doc_id=hashlib.sha256(f"{doc.doc_id}:{n}".encode())
                                       .hexdigest()[:16], source=f"{n}-{doc.source}")
            copies.append(copy)
    write_documents(target, copies)
    return len(copies)


def main(argv: list[str] | None = None) -> None:
    from index.build import build_index, index_dir
    from ingest.pipeline import expand, ingest_paths

    parser = argparse.ArgumentParser(prog="python -m bench.index")
    parser.add_argument("--scale", type=int, default=20)
    args = parser.parse_args(argv)
    queries = [line.split('"q": "', 1)[1].split('"', 1)[0]
               for f in sorted(GOLD_DIR.glob("retrieval_*.jsonl")) for line in f.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    work = Path(tempfile.mkdtemp(prefix="bench-index-"))
    try:
        base = work / "base"
        paths = expand([str(ROOT / "data" / "samples")] + ([str(SHARED)] if SHARED.is_dir() else []))
        t0 = time.perf_counter()
        docs = ingest_paths(paths, base, jobs=2, progress=False, out=open("/dev/null", "w")).written
        ingest_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        meta = build_index(base, rebuild=True, progress=False)
        build_s = time.perf_counter() - t0
        load_s, p50, p95 = latency(base, queries)
        print(f"corpus: {len(docs)} documents; ingest {ingest_s:.1f} s")
        print(f"{'corpus':<10}{'chunks':>8}{'build s':>9}{'chunks/s':>9}{'index MB':>10}{'load s':>8}"
              f"{'p50 ms':>8}{'p95 ms':>8}")
        print(f"{'1x':<10}{meta['chunks']:>8}{build_s:>9.1f}{meta['chunks'] / build_s:>9.1f}"
              f"{folder_mb(index_dir(base)):>10.1f}{load_s:>8.1f}{p50:>8.1f}{p95:>8.1f}")
        big = work / "scaled"
        shutil.copytree(index_dir(base), index_dir(big))  # the embedding cache travels with it
        count = scaled_copy(base, big, args.scale)
        t0 = time.perf_counter()
        meta = build_index(big, progress=False)
        build_s = time.perf_counter() - t0
        load_s, p50, p95 = latency(big, queries)
        print(f"{f'{args.scale}x':<10}{meta['chunks']:>8}{build_s:>9.1f}{meta['chunks'] / build_s:>9.1f}"
              f"{folder_mb(index_dir(big)):>10.1f}{load_s:>8.1f}{p50:>8.1f}{p95:>8.1f}  ({count} documents)")
        print(f"peak memory (RSS) of this process: {peak_rss_mb():.0f} MB; {len(queries)} queries, hybrid, k=10")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
