"""The hybrid retriever and the answering engine as llama-index components, so a llama-index
user can put them in a pipeline or give them to an agent with their own LLM.

Every node carries its citation (qa.model.Citation's fields, empty ones left out) as metadata:
whatever a user's LLM writes from the nodes can still be traced to a table cell or sentence.
"""
from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

from llama_index.core.base.response.schema import Response
from llama_index.core.query_engine import CustomQueryEngine
from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode

from index.chunks import Chunk
from index.retriever import Retriever
from qa.engine import QAEngine
from qa.model import Answer, Citation

# positions in the store: for code that opens the cell, noise in a prompt or an embedding
STORE_KEYS = ["doc_id", "table_seq", "row_seq", "column_seq", "section_seq"]


def citation_node(citation: Citation, text: str, score: float | None = None, node_id: str | None = None) -> NodeWithScore:
    """A node of ``text`` whose metadata is the citation (the quote is the text, not repeated)."""
    metadata = {k: v for k, v in asdict(citation).items() if k != "quote" and v not in (None, "")}
    node = TextNode(text=text, metadata=metadata, excluded_llm_metadata_keys=list(STORE_KEYS),
                    excluded_embed_metadata_keys=list(STORE_KEYS))
    if node_id:
        node.id_ = node_id  # a retrieved chunk keeps the index's id
    return NodeWithScore(node=node, score=score)


def chunk_citation(retriever: Retriever, chunk: Chunk) -> Citation:
    """What a retrieved chunk cites: its row (with the printed codes), its table, or its section."""
    table = retriever.tables(chunk.doc_id)[chunk.table_seq] if chunk.table_seq is not None else None
    row = table.rows[chunk.row_seq] if table is not None and chunk.row_seq is not None else None
    return Citation(source=chunk.source, department=chunk.department, year=chunk.year, kind=chunk.kind,
                    table_code=table.code if table else "", table_title=table.title if table else "",
                    row=row.label if row else "", row_code=row.code if row else "",
                    page=chunk.page, line=chunk.line, doc_id=chunk.doc_id, table_seq=chunk.table_seq,
                    row_seq=chunk.row_seq, section=chunk.title if chunk.section_seq is not None else "",
                    section_seq=chunk.section_seq)


class BudgetRetriever(BaseRetriever):
    """The project's hybrid retrieval (department/year filters from the question, dense + BM25 +
    concept-located rows) returning one node per table row, table or narrative window."""

    def __init__(self, retriever: Retriever, k: int = 10, mode: str = "hybrid", **kwargs: Any) -> None:
        self.retriever = retriever
        self.k = k
        self.mode = mode
        super().__init__(**kwargs)

    @classmethod
    def from_store(cls, store_dir: str | Path, k: int = 10, embedder=None) -> "BudgetRetriever":
        return cls(Retriever(Path(store_dir), embedder), k)

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        result = self.retriever.search(query_bundle.query_str, k=self.k, mode=self.mode)
        return [citation_node(chunk_citation(self.retriever, h.chunk), h.chunk.text, h.score, h.chunk.chunk_id)
                for h in result.hits]


def answer_response(answer: Answer) -> Response:
    """The answer text as the response, the full answer JSON (figures, citations, status) as
    metadata, the cited rows and sentences as source nodes."""
    nodes = [citation_node(c, c.quote, 1.0) for c in answer.citations]
    return Response(response=answer.answer, source_nodes=nodes, metadata=answer.to_json())


class BudgetQueryEngine(CustomQueryEngine):
    """The answering engine: figures read from cited cells or computed from them, never written
    by a model, so an agent can quote the response as it stands."""

    engine: QAEngine

    @classmethod
    def from_store(cls, store_dir: str | Path, embedder=None, llm=None) -> "BudgetQueryEngine":
        return cls(engine=QAEngine(store_dir, embedder, llm))

    def custom_query(self, query_str: str) -> Response:
        return answer_response(self.engine.ask(query_str))
