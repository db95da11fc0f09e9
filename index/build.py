"""Build (incrementally) and load the retrieval index stored beside the SQLite store.

Layout of ``<store>/index/``: ``chunks.jsonl`` (chunk metadata, text and tokens),
``vectors.npy`` (embeddings aligned with the chunks), ``dense.faiss``, ``bm25/`` (the BM25
scores of the tokens, memory-mapped at load) and ``meta.json`` (which embedding model built it,
over which documents). A rebuild reuses the vectors of documents
already embedded by the same model, so adding a document embeds only that document. The
folder is written beside the old one and swapped in, so a crash leaves the old index usable.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import sys
import time
from pathlib import Path

import numpy as np

from index.chunks import chunks_for_document
from index.lexical import BM25Index, WordCutter
from core.store import Store

INDEX_DIR = "index"
BM25_DIR = "bm25"
FORMAT = 2  # 2: BM25 tokens include the known 4+ character words inside longer words


class IndexUnavailable(Exception):
    """The index is missing, corrupted, or built by another embedding model."""


def index_dir(store_dir: Path) -> Path:
    return Path(store_dir) / INDEX_DIR


def _read_meta(folder: Path) -> dict | None:
    try:
        return json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def label_terms(store: Store) -> list[str]:
    """Row labels and column names of the store: extra jieba words, deterministic per store."""
    terms = set()
    for label, in store.db.execute("SELECT DISTINCT label FROM rows"):
        terms.add(label.split("/")[-1])
    for columns, in store.db.execute("SELECT columns FROM tables"):
        terms.update(part for col in json.loads(columns) for part in col.split("/"))
    return sorted(t for t in terms if 2 <= len(t) <= 12)


def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _previous_vectors(folder: Path, model_id: str) -> dict[str, np.ndarray]:
    """Embeddings of the current index by the hash of the text embedded, when built by the same model:
    unchanged chunks are never embedded twice, whatever changed around them."""
    meta = _read_meta(folder)
    if not meta or meta.get("model_id") != model_id:
        return {}
    try:
        texts = [json.loads(line)["embedded_sha1"]
                 for line in (folder / "chunks.jsonl").read_text(encoding="utf-8").splitlines()]
        vectors = np.load(folder / "vectors.npy")
    except (OSError, ValueError, KeyError):
        return {}
    return dict(zip(texts, vectors)) if len(texts) == len(vectors) else {}


def build_index(store_dir: Path, *, rebuild: bool = False, progress: bool = True, embedder=None) -> dict:
    """Bring ``<store>/index`` up to date with the store; returns the new meta.json content."""
    import faiss

    from index.embedding import Embedder

    store = Store(store_dir)
    embedder = embedder or Embedder()
    folder = index_dir(store_dir)
    old_meta = _read_meta(folder)
    if old_meta and old_meta.get("model_id") != embedder.model_id and not rebuild:
        raise IndexUnavailable(f"现有索引由嵌入模型 {old_meta.get('model_id')} 建立，当前模型是 {embedder.model_id}；"
                          f"两种模型的向量不能混用。请运行 python -m index build --store {store_dir} --rebuild")
    cache = {} if rebuild else _previous_vectors(folder, embedder.model_id)
    terms = label_terms(store)
    cutter = WordCutter(terms)

    docs = sorted(store.documents(), key=lambda d: d.doc_id)
    all_rows: list[dict] = []
    texts: dict[str, str] = {}  # sha1 -> the text embedded for it
    t0 = time.perf_counter()
    for info in docs:
        for c in chunks_for_document(store.document(info.doc_id)):
            text = c.search_text()
            all_rows.append({**c.to_json(), "tokens": cutter.tokenize(text), "embedded_sha1": _sha1(text)})
            texts[all_rows[-1]["embedded_sha1"]] = text
    missing = sorted(h for h in texts if h not in cache)
    if missing:
        if progress:
            print(f"嵌入 {len(missing)} 个新片段（共 {len(all_rows)} 个）", file=sys.stderr)
        cache.update(zip(missing, embedder.encode_passages([texts[h] for h in missing], show_progress=progress)))
    embedded = len(missing)
    matrix = np.ascontiguousarray(np.stack([cache[r["embedded_sha1"]] for r in all_rows]) if all_rows
                                  else np.zeros((0, embedder.dim)), dtype=np.float32)
    dense = faiss.IndexFlatIP(embedder.dim)
    dense.add(matrix)

    meta = {"format": FORMAT, "model_id": embedder.model_id, "dim": embedder.dim,
            "documents": [d.doc_id for d in docs], "chunks": len(all_rows), "terms": terms}
    tmp = folder.with_name(folder.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    with open(tmp / "chunks.jsonl", "w", encoding="utf-8") as f:
        for row in all_rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    np.save(tmp / "vectors.npy", matrix)
    faiss.write_index(dense, str(tmp / "dense.faiss"))
    BM25Index.indexed([row["tokens"] for row in all_rows], cutter).save(tmp / BM25_DIR)
    (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    old = folder.with_name(folder.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if folder.exists():
        folder.rename(old)
    tmp.rename(folder)
    shutil.rmtree(old, ignore_errors=True)
    if progress:
        print(f"索引：{len(docs)} 份文件，{len(all_rows)} 个片段（新嵌入 {embedded} 个，"
              f"{time.perf_counter() - t0:.1f} 秒）→ {folder}", file=sys.stderr)
    store.close()
    return meta
