"""Retrieval scoring: recall@1 and recall@5 of dense, BM25 and hybrid search on the gold queries.

A hit is a chunk of the gold document that is the target table row (title and row label or
科目编码 match) or that contains the target sentence fragment.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from eval.gold import Cite, row_matches, table_matches
from index.chunks import Chunk
from index.retriever import Retriever
from core.text import match_key

MODES = ("dense", "bm25", "hybrid")


@dataclass
class RetrievalItem:
    id: str
    q: str
    doc: str
    target: dict


def load_retrieval_gold(paths: list[Path]) -> list[RetrievalItem]:
    items = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                raw = json.loads(line)
                items.append(RetrievalItem(raw["id"], raw["q"], raw["doc"], raw["target"]))
    return items


class ChunkJudge:
    """Decides whether a chunk answers a retrieval item (needs row labels from the store)."""

    def __init__(self, retriever: Retriever):
        self.store = retriever.store
        self._tables: dict[str, list] = {}

    def row_of(self, chunk: Chunk):
        if chunk.doc_id not in self._tables:
            self._tables[chunk.doc_id] = self.store.tables(chunk.doc_id)
        return self._tables[chunk.doc_id][chunk.table_seq].rows[chunk.row_seq]

    def hit(self, item: RetrievalItem, chunk: Chunk) -> bool:
        if chunk.source != item.doc:
            return False
        target = item.target
        if "contains" in target:
            return match_key(target["contains"]) in match_key(chunk.text)
        if chunk.unit_kind != "row":
            return False
        cite = Cite(doc=item.doc, table=target.get("table"), row=target.get("row"), row_code=target.get("row_code"))
        row = self.row_of(chunk)
        return table_matches(cite, chunk.title) and row_matches(cite, row.label, row.code)


def score_retrieval(retriever: Retriever, items: list[RetrievalItem], k: int = 5) -> dict:
    """Per mode: recall@1, recall@k, and the ids missed at k."""
    judge = ChunkJudge(retriever)
    sources = {d.source for d in retriever.documents}
    items = [i for i in items if i.doc in sources]
    report = {"queries": len(items)}
    for mode in MODES:
        at1 = atk = 0
        missed = []
        for item in items:
            hits = retriever.search(item.q, k=k, mode=mode).hits
            found = [judge.hit(item, h.chunk) for h in hits]
            at1 += bool(found[:1] and found[0])
            atk += any(found)
            if not any(found):
                missed.append(item.id)
        report[mode] = {"recall@1": at1 / max(len(items), 1), f"recall@{k}": atk / max(len(items), 1),
                        "missed": missed}
    return report


def format_report(report: dict, k: int = 5) -> str:
    lines = [f"retrieval gold: {report['queries']} queries",
             f"{'mode':<8}{'recall@1':>10}{f'recall@{k}':>10}"]
    for mode in MODES:
        r = report[mode]
        lines.append(f"{mode:<8}{r['recall@1']:>10.3f}{r[f'recall@{k}']:>10.3f}")
    return "\n".join(lines)
