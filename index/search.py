"""Hybrid retrieval: FAISS (e5 embeddings) and BM25 (jieba), fused by reciprocal rank, with
hard filters on the documents a question names (department, year, kind)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.build import FORMAT, IndexUnavailable, index_dir
from index.chunks import Chunk
from index.lexical import BM25Index, WordCutter, add_terms
from core.text import match_key

RRF_K = 60
LABEL_COVERAGE = 0.6
COVERAGE_MIN = 0.5
LABEL_WEIGHT = 1.5
REASON_CUES = re.compile(r"主要原因|原因是|主要用于|主要包括|由于")
STRUCTURED_WEIGHT = 2.0  # a cell located by the concept lexicon outranks a chunk both searches like
CANDIDATES = 50


def _bigrams(text: str) -> set[str]:
    t = re.sub(r"^[\d\s.、(（)）一二三四五六七八九十]+", "", match_key(text))  # ordinals say nothing
    return {t[i:i + 2] for i in range(len(t) - 1)}


@dataclass
class Hit:
    chunk: Chunk
    score: float
    dense_rank: int | None = None
    bm25_rank: int | None = None


class HybridIndex:
    def __init__(self, chunks: list[Chunk], vectors_index, bm25: BM25Index, meta: dict, embedder):
        self.chunks = chunks
        self.dense = vectors_index
        self.bm25 = bm25
        self.meta = meta
        self.embedder = embedder
        self.doc_of = np.array([c.doc_id for c in chunks], dtype=object)
        self.position = {c.chunk_id: i for i, c in enumerate(chunks)}
        self.token_sets: list[frozenset[str]] = []
        self.label_grams: list[set[str]] = [_bigrams(c.label) for c in chunks]
        self.by_gram: dict[str, list[int]] = {}
        for i, grams in enumerate(self.label_grams):
            for g in grams:
                self.by_gram.setdefault(g, []).append(i)

    @classmethod
    def load(cls, store_dir: Path, embedder=None) -> "HybridIndex":
        import faiss

        from index.embedding import Embedder

        folder = index_dir(store_dir)
        rebuild = f"python -m index build --store {store_dir} --rebuild"
        if not (folder / "meta.json").exists():
            raise IndexUnavailable(f"还没有检索索引：请运行 python -m index build --store {store_dir}")
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            rows = [json.loads(line) for line in (folder / "chunks.jsonl").read_text(encoding="utf-8").splitlines()]
            dense = faiss.read_index(str(folder / "dense.faiss"))
        except Exception as exc:  # any unreadable file means the same thing to the user
            raise IndexUnavailable(f"检索索引已损坏（{type(exc).__name__}）：请运行 {rebuild}") from exc
        if meta.get("format") != FORMAT or dense.ntotal != len(rows) or meta.get("chunks") != len(rows):
            raise IndexUnavailable(f"检索索引不完整或格式过旧：请运行 {rebuild}")
        embedder = embedder or Embedder()
        if meta.get("model_id") != embedder.model_id:
            raise IndexUnavailable(f"检索索引由嵌入模型 {meta.get('model_id')} 建立，当前模型是 {embedder.model_id}；"
                                   f"不能混用两种模型的向量：请运行 {rebuild}")
        add_terms(meta.get("terms", []))
        cutter = WordCutter(meta.get("terms", []))
        tokens = [r.pop("tokens") for r in rows]
        for r in rows:
            r.pop("embedded_sha1", None)
        chunks = [Chunk(**r) for r in rows]
        names = {c.department for c in chunks}
        ignore = {t for name in names for t in cutter.tokenize(name) + cutter.tokenize(re.sub(r"[省市区县]", "", name))}
        index = cls(chunks, dense, BM25Index(tokens, cutter, ignore), meta, embedder)
        index.token_sets = [frozenset(t) for t in tokens]
        return index

    def _allowed(self, doc_ids: set[str] | None) -> np.ndarray:
        if doc_ids is None:
            return np.ones(len(self.chunks), dtype=bool)
        return np.isin(self.doc_of, list(doc_ids))

    def dense_ranking(self, query: str, allowed: np.ndarray, n: int = CANDIDATES) -> list[int]:
        import faiss

        ids = np.flatnonzero(allowed)
        if not len(ids):
            return []
        vector = self.embedder.encode_queries([query])
        params = None if len(ids) == len(self.chunks) else faiss.SearchParameters(
            sel=faiss.IDSelectorBatch(ids.astype(np.int64)))
        _, found = self.dense.search(vector, min(n, len(ids)), params=params)
        return [int(i) for i in found[0] if i >= 0]

    def bm25_ranking(self, query: str, allowed: np.ndarray, n: int = CANDIDATES) -> list[int]:
        scores = np.where(allowed, self.bm25.scores(query), -1.0)
        order = np.argsort(-scores, kind="stable")[:n]
        return [int(i) for i in order if scores[i] > 0]

    def label_ranking(self, query: str, allowed: np.ndarray, n: int = CANDIDATES) -> list[int]:
        """Chunks whose name (row label, heading) the query spells out: most of the name's
        character pairs appear in the query. Catches 基本工资 among 工资福利支出 rows."""
        q = _bigrams(query)
        hits: dict[int, int] = {}
        for g in q:
            for i in self.by_gram.get(g, ()):
                hits[i] = hits.get(i, 0) + 1
        scored = [(hits[i] / len(self.label_grams[i]), len(self.label_grams[i]), i) for i in hits
                  if allowed[i] and hits[i] / len(self.label_grams[i]) >= LABEL_COVERAGE]
        return [i for _, _, i in sorted(scored, key=lambda t: (-t[0], -t[1], t[2]))[:n]]

    def coverage_ranking(self, query: str, allowed: np.ndarray, reason: bool = False, n: int = CANDIDATES) -> list[int]:
        """Chunks holding most of the question's words (by length), not just its rarest one:
        BM25 lets one rare word carry a chunk; a reason needs the whole question's subject.
        Stated reasons count extra when the question asks why."""
        q = set(self.bm25.query_tokens(query))
        total = sum(len(t) for t in q)
        if not total or not self.token_sets:
            return []
        scored = []
        for i in np.flatnonzero(allowed):
            share = sum(len(t) for t in q & self.token_sets[i]) / total
            if share >= COVERAGE_MIN:
                bonus = 0.2 if reason and REASON_CUES.search(self.chunks[i].text) else 0.0
                first_window = self.chunks[i].chunk_id.endswith(":0")  # a section's opening states its subject
                scored.append((share + bonus, first_window, -len(self.chunks[i].text), int(i)))
        return [s[-1] for s in sorted(scored, reverse=True)[:n]]

    def search(self, query: str, k: int = 10, doc_ids: set[str] | None = None, mode: str = "hybrid",
               extra_ranking: list[int] = (), reason: bool = False) -> list[Hit]:
        """Top ``k`` chunks; ``mode`` is "hybrid", "dense" or "bm25". ``extra_ranking`` (chunk
        positions from a structured lookup) joins the fusion as a third ranked list."""
        allowed = self._allowed(doc_ids)
        if reason and mode == "hybrid":
            # an explanation lives in prose (sections, forms), never in a row of figures
            prose = np.array([c.unit_kind in ("section", "form") for c in self.chunks], dtype=bool)
            allowed = allowed & prose if (allowed & prose).any() else allowed
        dense = self.dense_ranking(query, allowed) if mode in ("hybrid", "dense") else []
        lexical = self.bm25_ranking(query, allowed) if mode in ("hybrid", "bm25") else []
        extra = [i for i in extra_ranking if allowed[i]]
        # a row named by the question is what a figure question wants; a "why" wants prose
        labels = self.label_ranking(query, allowed) if mode == "hybrid" and not reason else []
        covering = self.coverage_ranking(query, allowed, reason) if mode == "hybrid" else []
        scores: dict[int, float] = {}
        for ranking, weight in ((dense, 1.0), (lexical, 1.0), (extra, STRUCTURED_WEIGHT), (labels, LABEL_WEIGHT),
                                (covering, 1.0)):
            for rank, i in enumerate(ranking):
                scores[i] = scores.get(i, 0.0) + weight / (RRF_K + rank + 1)
        dense_pos = {i: r + 1 for r, i in enumerate(dense)}
        lex_pos = {i: r + 1 for r, i in enumerate(lexical)}
        best = sorted(scores, key=lambda i: (-scores[i], i))[:k]
        return [Hit(self.chunks[i], scores[i], dense_pos.get(i), lex_pos.get(i)) for i in best]
