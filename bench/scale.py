"""python -m bench.scale [--base STORE] [--scales 1 20 100]: build and measure at N× the corpus.

N× is the base store's documents plus N-1 distinct synthetic copies of each: new place names
(the department's province/city/district stems replaced everywhere), figures scaled by a
per-copy factor (tables, narrative, stated facts: totals still add up), same layouts. Copies
are written straight into a store through core/store.py, not re-parsed.

How each figure is obtained (printed with the results):
- embedding chunks/s: measured, the real embedder on a sample of the scaled corpus's chunks;
- embedding time at N×: extrapolated, chunks ÷ that rate (embedding 100× takes hours here);
- vectors of copies: the base chunk's vector plus small noise (renormalised), so build, load
  and search run on N× real-sized vectors without embedding them;
- build time: measured, everything but embedding; store and index size: measured;
- load time, memory added, search and answer latency: measured in a fresh process per scale,
  torch at one thread, the question kinds alternating per question.
"""
from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from core.model import Document
from core.store import Store, write_documents

ROOT = Path(__file__).resolve().parent.parent
SYLLABLES = "甲乙丙丁戊己庚辛壬癸川岭泽原峰湾港洲塘桥"
AMOUNT = re.compile(r"\d[\d,]*\.\d+")
EMBED_SAMPLE = 256


# ---------------------------------------------------------------- the synthetic corpus


def place_stems(doc: Document) -> list[str]:
    """The department's place names without 省/市/区/县 ("临汾"), longest first."""
    stems = {re.sub(r"[省市区县]$", "", p) for p in (doc.province, doc.city, doc.district) if p}
    return sorted((s for s in stems if len(s) >= 2), key=len, reverse=True)


def new_stem(n: int) -> str:
    """A distinct made-up place for each n: three syllables no real place name uses."""
    k = len(SYLLABLES)
    return SYLLABLES[n // (k * k) % k] + SYLLABLES[n // k % k] + SYLLABLES[n % k]


def scaled(text: str, factor: float) -> str:
    """Every printed amount with decimals times ``factor``, printed the same way."""
    def one(m: re.Match) -> str:
        printed = m.group(0)
        decimals = len(printed.split(".")[1])
        value = float(printed.replace(",", "")) * factor
        return f"{value:,.{decimals}f}" if "," in printed else f"{value:.{decimals}f}"
    return AMOUNT.sub(one, text)


def renamed(text: str, names: dict[str, str]) -> str:
    for old, new in names.items():
        text = text.replace(old, new)
    return text


def synthetic_copy(doc: Document, n: int, stem_base: int) -> Document:
    """Copy ``n`` of ``doc``: its place stems renamed, its amounts scaled, a new id."""
    names = {s: new_stem(stem_base + i) for i, s in enumerate(place_stems(doc))}
    factor = 0.7 + 0.6 * ((n * 7919 + len(doc.doc_id)) % 1000) / 1000
    text = lambda s: scaled(renamed(s, names), factor)  # noqa: E731
    tables = [dataclasses.replace(t, title=renamed(t.title, names), note=text(t.note),
                                  rows=[dataclasses.replace(r, values=[v if v is None else scaled(v, factor)
                                                                       for v in r.values]) for r in t.rows])
              for t in doc.tables]
    sections = [dataclasses.replace(s, text=text(s.text), heading_path=[renamed(h, names) for h in s.heading_path])
                for s in doc.sections]
    stated = [dataclasses.replace(f, value=f.value * factor if AMOUNT.fullmatch(f.value_text) else f.value,
                                  value_text=scaled(f.value_text, factor), sentence=text(f.sentence)) for f in doc.stated]
    doc_id = hashlib.sha256(f"{doc.doc_id}:{n}".encode()).hexdigest()[:16]
    return dataclasses.replace(
        doc, doc_id=doc_id, sha256=doc_id, source=f"synthetic-{n}-{doc.source}", department=renamed(doc.department, names),
        title=renamed(doc.title, names), aliases=[renamed(a, names) for a in doc.aliases],
        province=renamed(doc.province, names), city=renamed(doc.city, names), district=renamed(doc.district, names),
        tables=tables, sections=sections, stated=stated)


def write_scaled_store(base: list[Document], target: Path, scale: int) -> dict[str, dict[str, str]]:
    """The base documents and ``scale - 1`` copies of each, in batches; returns, per copy's
    doc_id, the base doc_id and its place renaming (for questions and vectors)."""
    copies = {}
    stems = max(len(place_stems(d)) for d in base) or 1
    for n in range(1, scale):
        batch = []
        for k, doc in enumerate(base):
            copy = synthetic_copy(doc, n, (n * len(base) + k) * stems)
            copies[copy.doc_id] = {"base": doc.doc_id, "names": dict(zip(place_stems(doc), place_stems(copy)))}
            batch.append(copy)
        write_documents(target, batch)
    return copies


# ---------------------------------------------------------------- vectors


class ReusedVectors:
    """An embedder for the scaled build: each copy's chunk gets its base chunk's vector plus
    small noise; queries go to the real model (same model id, so the index loads)."""

    def __init__(self, real, by_text: dict[str, np.ndarray]):
        self.real, self.by_text = real, by_text
        self.model_id, self.dim = real.model_id, real.dim

    def encode_passages(self, texts: list[str], show_progress: bool = False) -> np.ndarray:
        return np.stack([self.by_text[hashlib.sha1(t.encode("utf-8")).hexdigest()] for t in texts])

    def encode_queries(self, texts: list[str]) -> np.ndarray:
        return self.real.encode_queries(texts)


def reused_vectors(store_dir: Path, base_index: Path, copies: dict[str, dict]) -> dict[str, np.ndarray]:
    """sha1 of each copy chunk's searched text -> its base chunk's vector, perturbed."""
    from index.chunks import chunks_for_document

    ids = [json.loads(line)["chunk_id"] for line in (base_index / "chunks.jsonl").read_text(encoding="utf-8").splitlines()]
    vectors = np.load(base_index / "vectors.npy")
    row = {chunk_id: i for i, chunk_id in enumerate(ids)}
    # a section's windows shift when its text grows or shrinks: a window the base lacks takes
    # the section's first window's vector
    base_row = lambda chunk_id: row.get(chunk_id, row.get(chunk_id.rsplit(":", 1)[0] + ":0"))  # noqa: E731
    rng = np.random.default_rng(0)
    store, out = Store(store_dir), {}
    for doc_id, origin in copies.items():
        for chunk in chunks_for_document(store.document(doc_id)):
            base_vector = vectors[base_row(chunk.chunk_id.replace(doc_id, origin["base"], 1))]
            noisy = base_vector + rng.normal(0, 0.01, base_vector.shape).astype(np.float32)
            out[hashlib.sha1(chunk.search_text().encode("utf-8")).hexdigest()] = noisy / np.linalg.norm(noisy)
    store.close()
    return out


def embedding_rate(store_dir: Path, embedder) -> float:
    """Chunks per second of the real embedder on a sample of the store's chunk texts."""
    from index.chunks import chunks_for_document

    store = Store(store_dir)
    texts = [c.search_text() for d in store.documents()[:8] for c in chunks_for_document(store.document(d.doc_id))]
    sample = texts[:: max(1, len(texts) // EMBED_SAMPLE)][:EMBED_SAMPLE]
    embedder.encode_passages(sample[:8])  # warm-up
    t0 = time.perf_counter()
    embedder.encode_passages(sample)
    return len(sample) / (time.perf_counter() - t0)


# ---------------------------------------------------------------- questions


def questions(base_store: Path, copies: dict[str, dict], count: int) -> list[dict]:
    """Retrieval gold questions on the base documents, each asked three ways: naming one
    copy's department (its new place), naming only the organisation (every copy matches),
    and without filters."""
    from eval.gold import GOLD_DIR

    by_source = {d.source: d.doc_id for d in Store(base_store).documents()}
    base_docs = {d: Store(base_store).document(d) for d in by_source.values()}
    by_base: dict[str, list[dict]] = {}
    for origin in copies.values():
        by_base.setdefault(origin["base"], []).append(origin["names"])
    items = []
    for path in sorted(GOLD_DIR.glob("retrieval_*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            raw = json.loads(line) if line.strip() else None
            if raw and raw["doc"] in by_source:
                doc_id = by_source[raw["doc"]]
                variants = by_base.get(doc_id) or [{}]
                names = variants[len(items) % len(variants)]
                wide = raw["q"]
                for stem in place_stems(base_docs[doc_id]):
                    wide = wide.replace(stem, "")
                items.append({"named": renamed(raw["q"], names), "wide": wide, "unfiltered": raw["q"]})
    return items[:count]


# ---------------------------------------------------------------- measuring one store


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def percentiles(times: list[float]) -> dict:
    ordered = sorted(times)
    pick = lambda q: round(ordered[min(len(ordered) - 1, int(q * len(ordered)))], 1)  # noqa: E731
    return {"p50": pick(0.5), "p95": pick(0.95), "max": round(ordered[-1], 1), "n": len(ordered)}


def measure(store_dir: Path, items: list[dict], answers: bool) -> dict:
    """Load time, memory added and latencies (ms) for one store, in this (fresh) process."""
    import torch

    from index.embedding import Embedder
    from index.retriever import Retriever

    torch.set_num_threads(1)
    embedder = Embedder()
    embedder.encode_queries(["预热"])
    before = rss_mb()
    t0 = time.perf_counter()
    retriever = Retriever(store_dir, embedder)
    out = {"load_s": round(time.perf_counter() - t0, 2), "index_mb_added": round(rss_mb() - before)}
    engine = None
    if answers:
        from qa.engine import QAEngine

        t0 = time.perf_counter()
        engine = QAEngine(store_dir, embedder, llm=False)
        engine.lib._retriever = retriever  # one index in memory, as the app has
        out["qa_load_s"] = round(time.perf_counter() - t0, 2)
    out["mb_added"] = round(rss_mb() - before)
    times: dict[str, list[float]] = {"named": [], "wide": [], "unfiltered": [], "answer": []}
    for item in items:  # the kinds alternate, so a slow spell of the machine hits them alike
        for kind in ("named", "wide", "unfiltered"):
            t = time.perf_counter()
            retriever.search(item[kind], k=10, use_filters=kind != "unfiltered")
            times[kind].append(1000 * (time.perf_counter() - t))
        if engine is not None:
            t = time.perf_counter()
            engine.ask(item["named"])
            times["answer"].append(1000 * (time.perf_counter() - t))
    out.update({kind: percentiles(v) for kind, v in times.items() if v})
    out["mb_added_after_questions"] = round(rss_mb() - before)
    return out


# ---------------------------------------------------------------- the whole run


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2 ** 20


def build_scale(base: Path, work: Path, scale: int, real) -> tuple[Path, dict, dict]:
    """Write the N× store and build its index; returns the store, its copies and the timings."""
    from index.build import build_index, index_dir

    target = work / f"x{scale}"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(base, target, ignore=shutil.ignore_patterns("index*"))
    docs = [Store(base).document(d.doc_id) for d in Store(base).documents()]
    t0 = time.perf_counter()
    copies = write_scaled_store(docs, target, scale)
    generate_s = time.perf_counter() - t0
    vectors = reused_vectors(target, index_dir(base), copies)
    for path in index_dir(base).iterdir():  # the base's own vectors are found by text
        if path.is_file():
            index_dir(target).mkdir(exist_ok=True)
            shutil.copy(path, index_dir(target) / path.name)
    t0 = time.perf_counter()
    meta = build_index(target, progress=False, embedder=ReusedVectors(real, vectors))
    timings = {"generate_s": round(generate_s, 1), "build_s": round(time.perf_counter() - t0, 1),
               "documents": len(meta["documents"]), "chunks": meta["chunks"],
               "store_mb": round(folder_mb(target) - folder_mb(index_dir(target)), 1),
               "index_mb": round(folder_mb(index_dir(target)), 1)}
    return target, copies, timings


def measure_in_child(store: Path, items: list[dict], answers: bool) -> dict:
    """Run ``measure`` in a fresh interpreter: memory and load time start from nothing."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(items, f, ensure_ascii=False)
    cmd = [sys.executable, "-m", "bench.scale", "--measure", str(store), "--items", f.name] + (["--answers"] if answers else [])
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env={**os.environ, "OMP_NUM_THREADS": "1"})
    os.unlink(f.name)
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    return json.loads(done.stdout.strip().splitlines()[-1])


def table(results: list[dict], rate: float) -> str:
    head = ("| corpus | docs | chunks | build s (no embedding) | embedding at measured rate | store MB | index MB | load s "
            "| memory added MB | named p50/p95/max ms | organisation-wide p50/p95/max | unfiltered p50/p95/max "
            "| answer p50/p95/max |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in results:
        f = lambda k: f"{r[k]['p50']:.0f} / {r[k]['p95']:.0f} / {r[k]['max']:.0f}" if k in r else "-"  # noqa: E731
        lines.append(f"| {r['scale']}× | {r['documents']} | {r['chunks']:,} | {r['build_s']:.0f} | "
                     f"{r['chunks'] / rate / 3600:.1f} h | {r['store_mb']:.0f} | {r['index_mb']:.0f} | {r['load_s']:.1f} | "
                     f"{r['mb_added']} | {f('named')} | {f('wide')} | {f('unfiltered')} | {f('answer')} |")
    return "\n".join(lines)


def run(base: Path, scales: list[int], count: int, answers: bool, keep: Path | None) -> None:
    from index.embedding import Embedder

    work = keep or Path(tempfile.mkdtemp(prefix="bench-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    real = Embedder()
    rate = embedding_rate(base, real)
    print(f"embedding: {rate:.1f} chunks/s measured ({EMBED_SAMPLE} chunks of the base, batch {real.batch_size}, "
          f"{__import__('torch').get_num_threads()} torch threads)", flush=True)
    results = []
    try:
        for scale in scales:
            store, copies, row = build_scale(base, work, scale, real)
            row.update(scale=scale, **measure_in_child(store, questions(base, copies, count), answers))
            results.append(row)
            print(json.dumps(row, ensure_ascii=False), flush=True)
            if keep is None:
                shutil.rmtree(store, ignore_errors=True)
    finally:
        if keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(table(results, rate))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.splitlines()[0])
    parser.add_argument("--base", type=Path, help="a built store (default: the samples, ingested into a temp folder)")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 20, 100])
    parser.add_argument("--questions", type=int, default=60, help="questions per scale (each asked 3 ways)")
    parser.add_argument("--answers", action="store_true", help="also time qa answers (loads every document)")
    parser.add_argument("--keep", type=Path, help="keep the scaled stores in this folder")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--items", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(args.measure, json.loads(args.items.read_text(encoding="utf-8")), args.answers)))
        return
    base = args.base or ingest_samples()
    run(base, args.scales, args.questions, args.answers, args.keep)


def ingest_samples() -> Path:
    from index.build import build_index
    from ingest.pipeline import expand, ingest_paths

    base = Path(tempfile.mkdtemp(prefix="bench-scale-base-"))
    ingest_paths(expand([str(ROOT / "data" / "samples")]), base, jobs=1, progress=False, out=open(os.devnull, "w"))
    build_index(base, progress=False)
    return base


if __name__ == "__main__":
    main()
