"""Hybrid retrieval: FAISS (e5 embeddings) and BM25 (jieba), fused by reciprocal rank, with
hard filters on the documents a question names (department, year, kind)."""
from __future__ import annotations

import gc
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.build import BM25_DIR, FORMAT, IndexUnavailable, index_dir
from index.candidates import Candidates
from index.engines import EngineUnavailable, SearchEngine, configured_engine, open_engine
from index.chunks import Chunk
from index.lexical import BM25Index, WordCutter
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
    def __init__(self, chunks: list[Chunk], engine: SearchEngine, bm25: BM25Index, meta: dict, embedder):
        self.chunks = chunks
        self.engine = engine
        self.bm25 = bm25
        self.meta = meta
        self.embedder = embedder
        self.position = {c.chunk_id: i for i, c in enumerate(chunks)}
        self.runs = _document_runs(chunks)
        self.prose = Candidates.runs_of(np.array([c.unit_kind in ("section", "form") for c in chunks], dtype=bool))
        self.first_window = np.array([c.chunk_id.endswith(":0") for c in chunks], dtype=bool)
        self.text_length = np.array([len(c.text) for c in chunks], dtype=np.int64)
        self.labels = _LabelGrams([c.label for c in chunks])

    @classmethod
    def load(cls, store_dir: Path, embedder=None, engine: str | None = None) -> "HybridIndex":
        """The index of ``store_dir``; ``engine`` (default ``SEARCH_ENGINE``, else faiss) is
        where its dense and BM25 searches run."""
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
        cutter = WordCutter(meta.get("terms", []))
        tokens = [r.pop("tokens") for r in rows]
        chunks = [Chunk(**_shared_fields(r)) for r in rows]
        del rows
        names = {c.department for c in chunks}
        ignore = {t for name in names for t in cutter.tokenize(name) + cutter.tokenize(re.sub(r"[省市区县]", "", name))}
        lexical = BM25Index.load(folder / BM25_DIR, len(chunks), cutter, ignore) or BM25Index.indexed(tokens, cutter, ignore)
        try:
            search_engine = open_engine(engine or configured_engine(), folder, dense, lexical)
        except EngineUnavailable as exc:
            raise IndexUnavailable(str(exc)) from exc
        index = cls(chunks, search_engine, lexical, meta, embedder)
        del tokens
        gc.freeze()  # what was loaded lives as long as the process: full collections need not walk it
        return index

    def _allowed(self, doc_ids: set[str] | None) -> Candidates:
        if doc_ids is None:
            return Candidates.everything(len(self.chunks))
        runs = sorted(self.runs[d] for d in doc_ids if d in self.runs)
        return Candidates([a for a, _ in runs], [b for _, b in runs])

    def dense_ranking(self, query: str, allowed: Candidates, n: int = CANDIDATES) -> list[int]:
        if not allowed.size:
            return []
        return self.engine.dense(self.embedder.encode_queries([query]), allowed, n)

    def bm25_ranking(self, query: str, allowed: Candidates, n: int = CANDIDATES) -> list[int]:
        return self.engine.lexical(self.bm25.query_token_ids(query), allowed, n)

    def label_ranking(self, query: str, allowed: Candidates, n: int = CANDIDATES) -> list[int]:
        """Chunks whose name (row label, heading) the query spells out: most of the name's
        character pairs appear in the query. Catches 基本工资 among 工资福利支出 rows."""
        return self.labels.ranking(_bigrams(query), allowed, n)

    def coverage_ranking(self, query: str, allowed: Candidates, reason: bool = False, n: int = CANDIDATES) -> list[int]:
        """Chunks holding most of the question's words (by length), not just its rarest one:
        BM25 lets one rare word carry a chunk; a reason needs the whole question's subject.
        Stated reasons count extra when the question asks why."""
        q = set(self.bm25.query_tokens(query))
        total = sum(len(t) for t in q)
        if not total or not self.chunks:
            return []
        held = np.zeros(allowed.size, dtype=np.int64)
        for token in q:
            held[self.bm25.holding(token, allowed)] += len(token)
        local = np.flatnonzero(held / total >= COVERAGE_MIN)
        ids = allowed.to_global(local)
        score = held[local] / total
        if reason:
            score = score + np.array([0.2 if REASON_CUES.search(self.chunks[i].text) else 0.0 for i in ids])
        # best share first; then a section's opening window (it states its subject), the shorter
        # text, the later chunk
        order = np.lexsort((-ids, self.text_length[ids], ~self.first_window[ids], -score))[:n]
        return [int(i) for i in ids[order]]

    def search(self, query: str, k: int = 10, doc_ids: set[str] | None = None, mode: str = "hybrid",
               extra_ranking: list[int] = (), reason: bool = False) -> list[Hit]:
        """Top ``k`` chunks; ``mode`` is "hybrid", "dense" or "bm25". ``extra_ranking`` (chunk
        positions from a structured lookup) joins the fusion as a third ranked list."""
        allowed = self._allowed(doc_ids)
        if reason and mode == "hybrid":
            # an explanation lives in prose (sections, forms), never in a row of figures
            prose = allowed.intersect(self.prose)
            allowed = prose if prose.size else allowed
        dense = self.dense_ranking(query, allowed) if mode in ("hybrid", "dense") else []
        lexical = self.bm25_ranking(query, allowed) if mode in ("hybrid", "bm25") else []
        extra = np.asarray(extra_ranking, dtype=np.int64)
        extra = [int(i) for i in extra[allowed.contains(extra)]]
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


def _document_runs(chunks: list[Chunk]) -> dict[str, tuple[int, int]]:
    """Each document's chunk positions ``[start, end)``: the build writes them together."""
    runs: dict[str, tuple[int, int]] = {}
    for i, c in enumerate(chunks):
        start, end = runs.get(c.doc_id, (i, i))
        if end != i:
            raise IndexUnavailable("检索索引中同一文件的片段不连续：请运行 python -m index build --rebuild")
        runs[c.doc_id] = (start, i + 1)
    return runs


_FIELDS_SHARED = ("doc_id", "source", "department", "kind", "scope", "title")


def _shared_fields(row: dict) -> dict:
    """One string object for the fields every chunk of a document repeats (memory at scale)."""
    for key in _FIELDS_SHARED:
        if isinstance(row.get(key), str):
            row[key] = sys.intern(row[key])
    row.pop("embedded_sha1", None)
    return row


class _LabelGrams:
    """Character pairs of each distinct chunk name, and the chunks of each name: a name's
    coverage by the query is worked out once per name, not once per chunk."""

    def __init__(self, labels: list[str]):
        ids: dict[str, int] = {}
        label_of = np.array([ids.setdefault(label, len(ids)) for label in labels], dtype=np.int64)
        grams = [_bigrams(label) for label in ids]
        self.size = np.array([len(g) for g in grams], dtype=np.int64)
        self.by_gram: dict[str, list[int]] = {}
        for n, pairs in enumerate(grams):
            for g in pairs:
                self.by_gram.setdefault(g, []).append(n)
        self.chunks = np.argsort(label_of, kind="stable")  # chunk positions grouped by name, ascending
        self.bounds = np.concatenate(([0], np.cumsum(np.bincount(label_of, minlength=len(ids)))))

    def ranking(self, query_grams: set[str], allowed: Candidates, n: int) -> list[int]:
        names = [m for g in query_grams for m in self.by_gram.get(g, ())]
        if not names:
            return []
        found, hits = np.unique(np.array(names, dtype=np.int64), return_counts=True)
        share = hits / self.size[found]
        keep = share >= LABEL_COVERAGE
        ids, shares, sizes = [], [], []
        for name, s in zip(found[keep], share[keep]):
            chunks = self.chunks[self.bounds[name]:self.bounds[name + 1]]
            inside = chunks[allowed.select(chunks)[0]]
            ids.append(inside)
            shares.append(np.full(len(inside), s))
            sizes.append(np.full(len(inside), self.size[name]))
        if not ids:
            return []
        ids, shares, sizes = np.concatenate(ids), np.concatenate(shares), np.concatenate(sizes)
        return [int(i) for i in ids[np.lexsort((ids, -sizes, -shares))][:n]]
