"""The search engines: Qdrant (its in-process local mode, what a cluster runs) against the
in-process default (FAISS + bm25s), on the samples: same rankings, same answers."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from eval.gold import load_gold
from index.build import IndexUnavailable
from index.engines import QdrantEngine, in_rank_order, sparse_scores
from index.retriever import Retriever
from index.search import HybridIndex

GOLD = Path(__file__).resolve().parent.parent / "eval" / "gold"
SAMPLE_GOLD = sorted(GOLD.glob("citizen_samples_*.jsonl"))


@pytest.fixture(scope="module")
def retrievers(sample_store, monkeypatch_module):
    monkeypatch_module.setenv("SEARCH_ENGINE", "faiss")
    faiss = Retriever(sample_store)
    monkeypatch_module.setenv("SEARCH_ENGINE", "qdrant")
    qdrant = Retriever(sample_store, faiss.index.embedder)
    monkeypatch_module.delenv("SEARCH_ENGINE")
    return faiss, qdrant


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_the_engine_is_the_one_configured(retrievers):
    faiss, qdrant = retrievers
    assert type(faiss.index.engine).__name__ == "FaissEngine"
    assert isinstance(qdrant.index.engine, QdrantEngine)


def test_each_chunks_sparse_vector_gives_its_bm25_score(retrievers):
    """The weights stored per chunk are bm25s's own scores: a query's word counts dotted with
    them is the score the in-process index gives."""
    index = retrievers[0].index
    weights = index.bm25.chunk_weights()
    everything = index._allowed(None)
    for query in ("三公经费", "公务用车运行维护费为什么减少", "阳泉民政局冬天供暖花了多少钱"):
        ids = index.bm25.query_token_ids(query)
        dotted = np.array([sum(values[words == t].sum() for t in ids) for words, values in weights])
        assert np.allclose(dotted, index.bm25.scores(query, everything), atol=1e-5)
        # the exact sums both engines rank by are the same bits, read from either form of the scores
        per_chunk = [dict(zip(words.tolist(), values.tolist())) for words, values in weights]
        assert np.array_equal(index.bm25.exact_scores(ids, np.arange(len(weights))), sparse_scores(per_chunk, ids))


@pytest.mark.parametrize("mode", ["dense", "bm25", "hybrid"])
def test_both_engines_rank_the_same_chunks_with_and_without_filters(retrievers, mode):
    faiss, qdrant = retrievers
    queries = [item.q for item in load_gold(SAMPLE_GOLD)][::4]
    for query in queries:
        for use_filters in (True, False):
            a = faiss.search(query, k=10, mode=mode, use_filters=use_filters)
            b = qdrant.search(query, k=10, mode=mode, use_filters=use_filters)
            assert [h.chunk.chunk_id for h in a.hits] == [h.chunk.chunk_id for h in b.hits], (query, use_filters)


def test_the_samples_gold_is_answered_identically_on_either_engine(sample_store, retrievers):
    from qa.engine import QAEngine

    answers = {}
    for name, retriever in zip(("faiss", "qdrant"), retrievers):
        engine = QAEngine(sample_store, retriever.index.embedder, llm=False)
        engine.lib.shelves[0]._retriever = retriever
        answers[name] = [engine.ask(item.q, item.history).to_json() for item in load_gold(SAMPLE_GOLD)]
    assert len(answers["faiss"]) > 150
    assert answers["faiss"] == answers["qdrant"]


def test_equal_scores_rank_by_position_whichever_engine_added_them():
    assert in_rank_order([0.5, 0.7, 0.7, 0.9], [7, 9, 3, 5], 3) == [5, 3, 9]


@pytest.mark.filterwarnings("ignore:Failed to obtain server version")  # (the client's own note on the same failure)
def test_an_unknown_engine_or_an_unreachable_cluster_is_a_clear_error(sample_store, monkeypatch):
    monkeypatch.setenv("SEARCH_ENGINE", "elastic")
    with pytest.raises(IndexUnavailable, match="未知的检索引擎"):
        HybridIndex.load(sample_store, embedder=_NoEmbedder(sample_store))
    monkeypatch.setenv("SEARCH_ENGINE", "qdrant")
    monkeypatch.setenv("QDRANT_URL", "http://127.0.0.1:9")  # discard port: nothing listens
    with pytest.raises(IndexUnavailable, match="无法使用 Qdrant"):
        HybridIndex.load(sample_store, embedder=_NoEmbedder(sample_store))


class _NoEmbedder:
    """Loading checks the model id only; no query is embedded here."""

    def __init__(self, store):
        import json

        from index.build import index_dir
        self.model_id = json.loads((index_dir(store) / "meta.json").read_text(encoding="utf-8"))["model_id"]
