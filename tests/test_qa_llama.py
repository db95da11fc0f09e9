"""The llama-index components: a stock RetrieverQueryEngine over the project's retriever, with a
stub LLM, gets the cited rows back with their citations; the project's query engine answers with
the figure, its citation and the cited row as a source node."""
from __future__ import annotations

import pytest
from llama_index.core.llms import MockLLM
from llama_index.core.query_engine import RetrieverQueryEngine
from llama_index.core.schema import MetadataMode

from qa.llama import BudgetQueryEngine, BudgetRetriever

QUESTION = "阳泉市民政局2024年三公经费多少"


@pytest.fixture(scope="module")
def retriever(engine):
    return BudgetRetriever(engine.lib.shelves[0].retriever(), k=5)  # the engine's: the embedding model loads once


def test_retriever_query_engine_gets_the_cited_row_with_its_citation(engine, retriever):
    cited = engine.ask(QUESTION).citations[0]
    response = RetrieverQueryEngine.from_args(retriever, llm=MockLLM()).query(QUESTION)
    rows = [n.node for n in response.source_nodes
            if (n.node.metadata["doc_id"], n.node.metadata.get("table_seq"), n.node.metadata.get("row_seq"))
            == (cited.doc_id, cited.table_seq, cited.row_seq)]
    assert len(rows) == 1 and "12.02" in rows[0].text
    meta = rows[0].metadata
    assert (meta["source"], meta["department"], meta["year"], meta["kind"]) == (cited.source, "阳泉市民政局", 2024, "决算")
    assert (meta["table_code"], meta["table_title"], meta["line"]) == ("公开09表", cited.table_title, cited.line)
    prompt = rows[0].get_content(metadata_mode=MetadataMode.LLM)
    assert "table_code: 公开09表" in prompt and "doc_id" not in prompt  # the model sees the citation, not store ids
    assert "table_code: 公开09表" in str(response)  # MockLLM echoes its prompt: the citation reached the LLM


def test_query_engine_answers_with_figure_citation_and_source_row(engine):
    response = BudgetQueryEngine(engine=engine).query(QUESTION)
    assert "12.02万元" in str(response)
    figure = response.metadata["figures"][0]
    assert (response.metadata["status"], figure["value"], figure["unit"]) == ("answered", "12.02", "万元")
    citations = response.metadata["citations"]
    assert (citations[0]["table_code"], citations[0]["column"], citations[0]["cell"]) == ("公开09表", "决算数/合计", "12.02")
    # one source node per citation: its quote as the text, the rest as metadata
    assert [n.node.text for n in response.source_nodes] == [c["quote"] for c in citations]
    assert [n.node.metadata for n in response.source_nodes] == [
        {k: v for k, v in c.items() if k != "quote"} for c in citations]
