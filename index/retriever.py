"""The retrieval entry point for callers: resolves what the question names, filters to those
documents, and runs the hybrid search."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from core.concepts import lexicon, locate
from core.vocab import YEAR_BEFORE, cue_re
from index.entities import EntityResolver, Mention
from index.search import Hit, HybridIndex
from core.store import DocumentInfo, Store


REASON_RE = re.compile(f"{cue_re('why').pattern}|{cue_re('meaning').pattern}" + r"|怎么样|如何|哪些|哪个|哪几|包括|是什么|干什么|做什么|干嘛|用来|(?<!支出)(?<!按)用途|用于(?:什么|啥)|职能|职责|情况"
                       r"|说明(?![里中上]|部分|写|说|讲|提)|有没有|是否|评价")  # ("说明里写的": the document's part, quoted)


PROSE_FIGURE_RE = re.compile(rf"占.{{0,10}}(比|多少|百分)|(比|较)({YEAR_BEFORE}|\d{{2,4}}年)|增长率|下降率|完成.{{0,4}}预算")


def asks_reason(question: str) -> bool:
    """The question asks for an explanation or a description rather than a figure."""
    return bool(REASON_RE.search(question))


def wants_prose(question: str) -> bool:
    """The answer is a sentence of the narrative: a reason, or a figure only the narrative
    states (a share, a change on last year)."""
    return asks_reason(question) or bool(PROSE_FIGURE_RE.search(question))


@dataclass
class SearchResult:
    hits: list[Hit]
    mention: Mention
    doc_ids: set[str] | None = None
    filter_note: str = ""
    documents: list[DocumentInfo] = field(default_factory=list)


def filter_documents(documents: list[DocumentInfo], resolver: EntityResolver, mention: Mention) -> list[DocumentInfo]:
    """Documents matching the department(s), year(s), kind and scope the question names."""
    docs = documents
    if mention.departments:
        docs = [d for d in docs if resolver.department_key(d.department) in mention.departments]
    if mention.years:
        docs = [d for d in docs if d.year in mention.years]
    if mention.kind:
        docs = [d for d in docs if d.kind == mention.kind]
    if mention.scope:
        docs = [d for d in docs if d.scope == mention.scope]
    return docs


class Retriever:
    def __init__(self, store_dir: Path, embedder=None):
        self.store = Store(store_dir)
        self.documents = self.store.documents()
        self.resolver = EntityResolver(self.documents)
        self.index = HybridIndex.load(store_dir, embedder)
        self._tables: dict[str, list] = {}

    def tables(self, doc_id: str):
        if doc_id not in self._tables:
            self._tables[doc_id] = self.store.tables(doc_id)
        return self._tables[doc_id]

    def concept_ranking(self, query: str, doc_ids: set[str] | None) -> list[int]:
        """Row chunks where the concepts the query names live, per the lexicon's locators."""
        ranking: list[int] = []
        docs = [d.doc_id for d in self.documents if doc_ids is None or d.doc_id in doc_ids]
        for match in lexicon().concepts_in(query):
            for doc_id in docs:
                found = locate(match.concept, self.tables(doc_id))
                for cell in (found[1] if found else []):
                    i = self.index.position.get(f"{doc_id}:r:{cell.table_seq}:{cell.row_seq}")
                    if i is not None and i not in ranking:
                        ranking.append(i)
        return ranking

    @property
    def latest_year(self) -> int | None:
        return max((d.year for d in self.documents), default=None)

    def search(self, query: str, k: int = 10, mode: str = "hybrid", use_filters: bool = True,
               mention: Mention | None = None) -> SearchResult:
        mention = mention or self.resolver.resolve(query, self.latest_year)
        doc_ids = None
        note = ""
        if use_filters and (mention.departments or mention.years or mention.kind or mention.scope):
            docs = filter_documents(self.documents, self.resolver, mention)
            doc_ids = {d.doc_id for d in docs}
            note = "过滤：" + ("、".join(sorted({d.label for d in docs})) or "没有符合条件的文件")
        if use_filters and doc_ids is not None and not doc_ids and mention.departments:
            # the year or kind named matches nothing: keep the department, drop the rest
            relaxed = Mention(departments=mention.departments, years=[], kind=None, scope=None, unknown_orgs=[])
            doc_ids = {d.doc_id for d in filter_documents(self.documents, self.resolver, relaxed)}
            note += "；放宽为该部门的全部文件"
        # department and year are filters; as words they would only pull in look-alike chunks
        expanded = lexicon().expand(mention.rest if use_filters and doc_ids is not None and mention.rest else query)
        # a "why"/"what" question wants the narrative, not the cell the concept names
        located = self.concept_ranking(query, doc_ids) if mode == "hybrid" and not asks_reason(query) else []
        hits = self.index.search(expanded, k=k, doc_ids=doc_ids, mode=mode, extra_ranking=located,
                                 reason=wants_prose(query)) if doc_ids is None or doc_ids else []
        return SearchResult(hits=hits, mention=mention, doc_ids=doc_ids, filter_note=note,
                            documents=self.documents)
