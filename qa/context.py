"""The shared state every answering route reads: the store, its documents, the entity
resolver, the retriever (loaded on first need) and the optional LLM. Built once per engine."""
from __future__ import annotations

from pathlib import Path

from core.model import Document
from core.store import DocumentInfo, Store
from index.entities import EntityResolver
from qa.llm import llm_from_env


class Library:
    def __init__(self, store_dir: str | Path, embedder=None, llm=None):
        self.store_dir = Path(store_dir)
        self.store = Store(self.store_dir)
        self.infos: list[DocumentInfo] = self.store.documents()
        self.resolver = EntityResolver(self.infos)
        self.docs: dict[str, Document] = {i.doc_id: self.store.document(i.doc_id) for i in self.infos}
        self._embedder = embedder
        self._retriever = None
        self._retriever_error = ""
        # LLM phrasing is optional: from LLM_BASE_URL when not given; llm=False turns it off
        self.llm = llm_from_env() if llm is None else (llm or None)

    @property
    def latest_year(self) -> int | None:
        return max((d.year for d in self.infos), default=None)

    def retriever(self):
        """The hybrid retriever, loaded on first need (the embedding model takes seconds)."""
        if self._retriever is None and not self._retriever_error:
            from index.build import IndexUnavailable
            from index.retriever import Retriever
            try:
                self._retriever = Retriever(self.store_dir, self._embedder)
            except IndexUnavailable as exc:
                self._retriever_error = str(exc)
        return self._retriever

    def catalogue(self, infos: list[DocumentInfo] | None = None) -> str:
        infos = self.infos if infos is None else infos
        by_dept: dict[str, list[str]] = {}
        for d in infos:
            by_dept.setdefault(d.department, []).append(f"{d.year}年{d.kind}")
        return "；".join(f"{dept}（{'、'.join(sorted(set(v)))}）" for dept, v in by_dept.items())
