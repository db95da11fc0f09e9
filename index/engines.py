"""Where the dense and the BM25 searches run: in this process (FAISS and bm25s's saved scores,
the default) or in Qdrant (its in-process local mode, or a cluster at ``QDRANT_URL``).

Both take the same inputs and give chunk positions best first, so the fusion, the label and
coverage rankings and everything after them do not depend on the engine. Qdrant holds each
chunk's vector and its BM25 weights as a sparse vector (the very scores bm25s saved, so a dot
product with the query's word counts is the BM25 score), with the chunk's position as an
indexed payload: a department / year filter is pushed down to the engine as position ranges.

``SEARCH_ENGINE=qdrant`` picks Qdrant; the index files stay the source of truth, and the
collection is filled from them when it is missing or was built from another index.
"""
from __future__ import annotations

import hashlib
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Protocol

import numpy as np

from index.candidates import Candidates
from index.lexical import BM25Index

ENGINES = ("faiss", "qdrant")
UPLOAD_BATCH = 256
TIE_MARGIN = 16  # extra hits an engine returns, ranked again by one exact score (engines add floats differently)


class EngineUnavailable(Exception):
    """The engine asked for cannot be used (unknown name, client not installed, cluster down)."""


class SearchEngine(Protocol):
    def dense(self, vector: np.ndarray, allowed: Candidates, n: int) -> list[int]:
        """The ``n`` chunks whose vectors score highest against ``vector``, within ``allowed``."""

    def lexical(self, token_ids: list[int], allowed: Candidates, n: int) -> list[int]:
        """The ``n`` chunks of highest positive BM25 score for the query's words, ties by position."""


def configured_engine() -> str:
    """The engine named by ``SEARCH_ENGINE`` (default faiss)."""
    name = os.environ.get("SEARCH_ENGINE", "faiss").strip().lower() or "faiss"
    if name not in ENGINES:
        raise EngineUnavailable(f"未知的检索引擎 SEARCH_ENGINE={name}：可选 {'、'.join(ENGINES)}")
    return name


def open_engine(name: str, folder: Path, faiss_index, bm25: BM25Index) -> SearchEngine:
    if name == "qdrant":
        return QdrantEngine.open(folder, bm25)
    return FaissEngine(faiss_index, bm25)


class FaissEngine:
    """FAISS flat inner product (a bitmap selector for filters) and bm25s's sparse scores read
    over the allowed runs only."""

    def __init__(self, faiss_index, bm25: BM25Index):
        self.index = faiss_index
        self.bm25 = bm25

    def dense(self, vector: np.ndarray, allowed: Candidates, n: int) -> list[int]:
        import faiss

        total = self.index.ntotal
        params = None
        if allowed.size < total:
            bitmap = allowed.bitmap(total)  # a local: alive while FAISS reads it
            params = faiss.SearchParameters(sel=faiss.IDSelectorBitmap(total, faiss.swig_ptr(bitmap)))
        _, found = self.index.search(vector, min(n + TIE_MARGIN, allowed.size), params=params)
        found = found[0][found[0] >= 0]
        return in_rank_order(dense_scores(self.index.reconstruct_batch(found), vector), found, n)

    def lexical(self, token_ids: list[int], allowed: Candidates, n: int) -> list[int]:
        scores = self.bm25.scores_of(token_ids, allowed)
        found = allowed.to_global(top_positive(scores, n + TIE_MARGIN))
        return in_rank_order(self.bm25.exact_scores(token_ids, found), found, n)


def dense_scores(vectors: np.ndarray, query: np.ndarray) -> np.ndarray:
    """Inner products in float64, row by row: the same for a vector whatever engine returned it."""
    return (np.asarray(vectors, dtype=np.float64) * np.asarray(query, dtype=np.float64).reshape(1, -1)).sum(axis=1)


def sparse_scores(weights: list[dict[int, float]], token_ids: list[int]) -> np.ndarray:
    """BM25 sums in float64, word by word in the query's order (repeats counted), per chunk, as
    ``BM25Index.exact_scores`` makes them from the same per-word scores."""
    return np.array([sum(float(w.get(t, 0.0)) for t in token_ids) for w in weights], dtype=np.float64)


def in_rank_order(scores, positions, n: int) -> list[int]:
    """The ``n`` best of the hits an engine found, by their exact score then position: two
    engines then agree however each added up its floats."""
    hits = sorted(zip((-float(s) for s in scores), (int(i) for i in positions)))
    return [i for _, i in hits[:n]]


def top_positive(scores: np.ndarray, n: int) -> np.ndarray:
    """Indices of the ``n`` best positive scores, best first, ties by index: a stable sort's
    order, without sorting everything."""
    positive = np.flatnonzero(scores > 0)
    if len(positive) > n:
        cut = np.partition(scores[positive], len(positive) - n)[len(positive) - n]
        positive = positive[scores[positive] >= cut]
    return positive[np.lexsort((positive, -scores[positive]))][:n]


class QdrantEngine:
    """A Qdrant collection named after the index it mirrors: chunk ``i`` is point ``i`` with a
    ``dense`` vector, a ``bm25`` sparse vector and an integer ``position`` payload."""

    def __init__(self, client, collection: str, local: bool):
        self.client = client
        self.collection = collection
        self.local = local
        self.size = 0

    @classmethod
    def open(cls, folder: Path, bm25: BM25Index) -> "QdrantEngine":
        """The collection mirroring the index in ``folder``, filled first when it is not there."""
        try:
            from qdrant_client import QdrantClient
        except ImportError as exc:
            raise EngineUnavailable("SEARCH_ENGINE=qdrant 需要 qdrant-client：pip install qdrant-client") from exc
        url = os.environ.get("QDRANT_URL")
        try:
            client = QdrantClient(url=url, api_key=os.environ.get("QDRANT_API_KEY")) if url else QdrantClient(":memory:")
            engine = cls(client, "budgetqa_" + _index_stamp(folder), local=not url)
            engine._fill(np.load(folder / "vectors.npy", mmap_mode="r"), bm25)
        except Exception as exc:  # a cluster down or refusing: one message, not a client traceback
            raise EngineUnavailable(f"无法使用 Qdrant（{url or '本地模式'}）：{type(exc).__name__}: {exc}") from exc
        return engine

    def _fill(self, vectors: np.ndarray, bm25: BM25Index) -> None:
        """Create and upload the collection unless one of this index, complete, is there."""
        from qdrant_client import models

        self.size = len(vectors)
        if self.client.collection_exists(self.collection):
            if self.client.count(self.collection, exact=True).count == self.size:
                return
            self.client.delete_collection(self.collection)
        self.client.create_collection(
            self.collection,
            vectors_config={"dense": models.VectorParams(size=vectors.shape[1], distance=models.Distance.DOT)},
            sparse_vectors_config={"bm25": models.SparseVectorParams()})
        if not self.local:  # the local mode scans; a server indexes the payload the filters read
            self.client.create_payload_index(self.collection, "position", models.PayloadSchemaType.INTEGER)
        weights = bm25.chunk_weights()
        print(f"Qdrant：写入 {len(vectors)} 个片段 → {self.collection}", file=sys.stderr)
        for start in range(0, len(vectors), UPLOAD_BATCH):
            self.client.upsert(self.collection, [
                models.PointStruct(id=i, payload={"position": i}, vector={
                    "dense": np.asarray(vectors[i], dtype=np.float32).tolist(),
                    "bm25": models.SparseVector(indices=weights[i][0].tolist(), values=weights[i][1].tolist())})
                for i in range(start, min(start + UPLOAD_BATCH, len(vectors)))])

    def _query(self, query, using: str, allowed: Candidates, n: int) -> list:
        from qdrant_client import models

        if not allowed.size:
            return []
        runs = None if allowed.size == self.size else models.Filter(should=[
            models.FieldCondition(key="position", range=models.Range(gte=int(a), lt=int(b)))
            for a, b in zip(allowed.starts, allowed.ends)])
        return self.client.query_points(self.collection, query=query, using=using, limit=n + TIE_MARGIN,
                                        query_filter=runs, with_payload=False, with_vectors=[using]).points

    def dense(self, vector: np.ndarray, allowed: Candidates, n: int) -> list[int]:
        found = self._query(np.asarray(vector, dtype=np.float32).reshape(-1).tolist(), "dense", allowed, n)
        if not found:
            return []
        scores = dense_scores(np.array([p.vector["dense"] for p in found], dtype=np.float32), vector)
        return in_rank_order(scores, [p.id for p in found], n)

    def lexical(self, token_ids: list[int], allowed: Candidates, n: int) -> list[int]:
        from qdrant_client import models

        counts = Counter(int(t) for t in token_ids)
        if not counts:
            return []
        query = models.SparseVector(indices=list(counts), values=[float(c) for c in counts.values()])
        found = [p for p in self._query(query, "bm25", allowed, n) if p.score > 0]
        weights = [dict(zip(p.vector["bm25"].indices, p.vector["bm25"].values)) for p in found]
        return in_rank_order(sparse_scores(weights, token_ids), [p.id for p in found], n)


def _index_stamp(folder: Path) -> str:
    """Names the collection after the index files it mirrors: a rebuilt index is a new collection."""
    digest = hashlib.sha1()
    for name in ("meta.json", "vectors.npy"):
        with open(folder / name, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()[:16]
