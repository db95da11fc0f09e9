"""The shared state every answering route reads: the documents of one store (a "shelf", and
for a web session also the shelf of the user's own uploads, read as one), the entity resolver,
the retrievers (loaded on first need) and the optional LLM. Built once per engine."""
from __future__ import annotations

import re
import threading
from collections import ChainMap
from collections.abc import Mapping
from functools import cached_property
from pathlib import Path

from core.concepts import lexicon
from core.model import NAMED_ROW_CATEGORIES, Document, Fact
from core.schema import LEVEL_BY_LENGTH, schema
from core.store import DocumentCache, DocumentInfo, Store
from core.text import is_total, match_key
from core.vocab import colloquial_words, intents, organisations
from index.entities import EntityResolver
from index.build import label_terms
from index.lexical import add_terms, is_word
from index.search import Hit
from qa.llm import llm_from_env
from qa.english import place_readings
from qa.pasted import CELL_END, without_thousands
from qa.lookup import MIN_TABLE_WORDS, row_key, row_names, table_phrase_spans
from qa.spelling import Speller


class Shelf:
    """One store's documents and its retrieval index: loaded once, and read by every library
    that holds the store (the shared store by each session's library)."""

    def __init__(self, store_dir: str | Path, embedder=None, teach_words: bool = True):
        """``teach_words``: make the store's labels words of the process-wide cutter that reads
        every question (not a session's uploads: one user's file must not change how another's
        question is read)."""
        self.store_dir = Path(store_dir)
        self.store = Store(self.store_dir)
        self.infos: list[DocumentInfo] = self.store.documents()
        self.docs: DocumentCache = DocumentCache(self.store, [i.doc_id for i in self.infos])  # read on demand
        if teach_words:
            # the store's labels are words from the start, not only once the index loads: a
            # sentence is cut into the same words whichever question comes first
            add_terms(label_terms(self.store))
        self.embedder = embedder
        self._retriever = None
        self._retriever_error = ""
        self._loading = threading.Lock()  # concurrent questions load the index once

    def retriever(self):
        """The hybrid retriever, loaded on first need (the embedding model takes seconds)."""
        with self._loading:
            if self._retriever is None and not self._retriever_error:
                from index.build import IndexUnavailable
                from index.retriever import Retriever
                try:
                    self._retriever = Retriever(self.store_dir, self.embedder)
                except IndexUnavailable as exc:
                    self._retriever_error = str(exc)
        return self._retriever


MIN_BARE_NAME = 6  # characters of a row name found with a 的 said inside it (short names are words of a phrase)
PHRASE_CHARS_RE = re.compile(r"[着的了过有么吗呢几多少]")  # grammar: a phrase, not a name


class Library:
    def __init__(self, shelf: Shelf, llm=None, own: Shelf | None = None):
        """``own``: a session's store of the user's uploads, read with the shared ``shelf``;
        a document both hold is the shared one's."""
        self.shelves = [shelf] + ([own] if own else [])
        self.own_ids = set(own.docs) - set(shelf.docs) if own else set()
        own_infos = [i for i in own.infos if i.doc_id in self.own_ids] if own else []
        self.infos: list[DocumentInfo] = sorted(shelf.infos + own_infos,
                                                key=lambda d: (d.department, d.year, d.kind, d.source))
        # the shared shelf first: a document both hold is the shared one's; read on demand
        self.docs: Mapping[str, Document] = ChainMap(shelf.docs, own.docs) if own else shelf.docs
        self.resolver = EntityResolver(self.infos)
        # LLM phrasing is optional: from LLM_BASE_URL when not given; llm=False turns it off
        self.llm = llm_from_env() if llm is None else (llm or None)

    def with_own(self, own_dir: str | Path) -> "Library":
        """This library plus the store of a session's own uploads (the shared documents and
        index are reused, not loaded again)."""
        shared = self.shelves[0]
        return Library(shared, self.llm or False, Shelf(own_dir, shared.embedder, teach_words=False))

    def same_disclosure(self, doc: Document) -> list[Document]:
        """The other files of one disclosure (its tables and its narrative published apart): the
        same department, year and kind."""
        key = (self.resolver.department_key(doc.department), doc.year, doc.kind)
        return [self.docs[i.doc_id] for i in self.infos if i.doc_id != doc.doc_id
                and (self.resolver.department_key(i.department), i.year, i.kind) == key]

    def documents_of(self, doc: Document, year: int | None = None) -> list[Document]:
        """The files of the department of ``doc`` of one year (all years when None), of the same
        kind (预算 or 决算): another year's disclosure to compute a change or a trend from."""
        key = self.resolver.department_key(doc.department)
        return [self.docs[i.doc_id] for i in self.infos if (year is None or i.year == year) and i.kind == doc.kind
                and self.resolver.department_key(i.department) == key]

    def years_held(self, key: str) -> set[int]:
        """The years the store holds a document of the department (by its key) for."""
        return {i.year for i in self.infos if self.resolver.department_key(i.department) == key}

    def department_documents(self, key: str, year: int) -> list[Document]:
        """The department's files of one year, of either kind (a later budget stating this year's
        figures, say)."""
        return [self.docs[i.doc_id] for i in self.infos if i.year == year and self.resolver.department_key(i.department) == key]

    @cached_property
    def department_texts(self) -> dict[str, str]:
        """Each department (by its latest name) with all its documents' narrative as one match key:
        what a body described by its duties is found in."""
        names: dict[str, str] = {}
        texts: dict[str, list[str]] = {}
        for i in sorted(self.infos, key=lambda i: i.year or 0):
            key = self.resolver.department_key(i.department)
            names[key] = i.department
            texts.setdefault(key, []).append(match_key(" ".join(s.text for s in self.docs[i.doc_id].sections)))
        return {names[key]: "".join(parts) for key, parts in texts.items()}

    @cached_property
    def disclosure_texts(self) -> dict[tuple[str, int, str], str]:
        """Each disclosure (department key, year, kind; its files read as one) as one match key of
        its narrative, row labels and printed cells (each ended by ``CELL_END``), amounts without
        thousands separators: what a question pasting from a document is found in (see qa.pasted)."""
        texts: dict[tuple[str, int, str], list[str]] = {}
        for i in self.infos:
            doc = self.docs[i.doc_id]
            cells = [CELL_END.join([r.code, r.label, *(v or "" for v in r.values)]) for t in doc.tables for r in t.rows]
            texts.setdefault((self.resolver.department_key(i.department), i.year, i.kind), []).append(
                without_thousands(match_key(CELL_END.join([*(s.text for s in doc.sections), *cells]))))
        return {key: CELL_END.join(parts) for key, parts in texts.items()}

    def ranked_facts(self, doc_id: str, *args, **kwargs) -> list[Fact]:
        """``Store.ranked_facts`` of the store holding the document."""
        shelf = next(s for s in self.shelves if doc_id in s.docs)
        return shelf.store.ranked_facts(doc_id, *args, **kwargs)

    def retrievers(self) -> list:
        """The retriever of each store that has a usable index."""
        return [r for r in (s.retriever() for s in self.shelves) if r is not None]

    def search(self, query: str, k: int) -> list[Hit]:
        """The best ``k`` chunks of all the stores (fused scores, comparable across indexes)."""
        hits = [h for r in self.retrievers() for h in r.search(query, k=k).hits]
        return sorted(hits, key=lambda h: -h.score)[:k]

    @property
    def latest_year(self) -> int | None:
        return max((d.year for d in self.infos), default=None)

    @cached_property
    def place_readings(self) -> dict[str, str]:
        """The pinyin of each place the store's departments name, of a 街道's own name
        ("wanli" → 万里) and of the organisation part of their names ("zhengxie" → 政协,
        "shehui fuliyuan" → 社会福利院), for questions that write them in letters."""
        places = {p for dept in self.resolver.by_key.values() for p in dept.places}
        places |= {m.group(1) for dept in self.resolver.by_key.values() for f in dept.fragments
                   if (m := re.fullmatch(r"([\u4e00-\u9fff]{2,3})(?:街道|镇|乡)", f))}
        places |= {f for dept in self.resolver.by_key.values() for f in dept.fragments
                   if len(f) >= 2 and not any(p in f for p in dept.places)}
        return place_readings(places)

    @cached_property
    def speller(self) -> Speller:
        """Corrects slips against every word the store and the lexicon know: concept words, row
        names and the organisation part of each department's names (never its places: "临沂"
        must stay a place the store lacks, not become 临汾); common bodies the store does not
        hold count as spelled right. A concept's generic words ("一共花", "支出") are fillers, no
        slip's target ("一共涨了" is not "一共花了"). A word typed with a character left out is read
        as a budget word only ("一般公共预拨款"), never a row or body name ("阳泉民政局" is short,
        not a slip), or as a national 科目 name."""
        spoken = {match_key(w) for c in lexicon().concepts for w in c.colloquial}
        # everyday phrases with grammar in them ("下面管着") are spelled right where said, but no
        # slip is read as one: one character off is another phrase ("下面写着")
        phrases = {w for w in spoken if PHRASE_CHARS_RE.search(w)}
        words = {match_key(w) for c in lexicon().concepts for w in c.terms} | (spoken - phrases)
        words |= {match_key(w) for phrase, official in lexicon().aliases.items() for w in [phrase, *official.split()]}
        # (the casual words colloquial.toml rewrites, "公务车": "工务车" is their slip)
        words |= {p.pattern for p, _ in colloquial_words() if re.fullmatch(r"[\u4e00-\u9fff]{3,}", p.pattern)}
        words |= {f"{level}级" for level in LEVEL_BY_LENGTH.values()}  # ("项级支出" is no slip for 项目支出)
        # (the words that say a level, "支出大类": no slip for 支出分类)
        words |= {p.pattern for cue in ("level_broad", "level_middle", "level_fine") for p in intents()[cue]
                  if re.fullmatch(r"[\u4e00-\u9fff]{2,}", p.pattern)}
        # (a word with a character left out is read as one of these only, and as a national 科目
        # name: "公益岗位补贴" for 公益性岗位补贴)
        vocabulary = set(words) | {match_key(s.name) for s in schema().subjects.values()}
        words |= {row_key(r.label) for d in self.docs.values() for t in d.tables for r in t.rows}
        placed = {}
        for dept in self.resolver.by_key.values():
            words |= {f for f in dept.fragments if not any(p in f for p in dept.places)}
            for fragment in (f for f in dept.fragments if any(p in f for p in dept.places)):
                # (as written with the place's own 省/市/区 too: "江苏省正协" is a slip for 江苏省政协)
                for written in {fragment, *_with_admin_chars(fragment, dept)}:
                    placed[written] = frozenset(k for p in dept.places for m in re.finditer(re.escape(p), written)
                                                for k in range(m.start(), m.end()))
        return Speller(words, is_word, also_known=[*phrases, *(match_key(o) for o in organisations())],
                       droppable=vocabulary, placed=placed)

    @cached_property
    def _row_names(self) -> list[str]:
        """Every 科目 / row name the store holds, longest first (for spotting them in a question);
        two-character names only for a 科目 with its code ("殡葬" 2081004), not "合计"/"其他"."""
        names = {n for d in self.docs.values() for t in d.tables if t.category in NAMED_ROW_CATEGORIES
                 for r in t.rows if len(row_key(r.label)) >= 3 or r.code
                 for n in row_names(r.label)}  # ("卫生健康" of 卫生健康支出, as people say it)
        return sorted((n for n in names if len(n) >= 2 and not n.isdigit() and not is_total(n)),
                      key=len, reverse=True)

    @cached_property
    def _titles(self) -> list[str]:
        """Every table title the store holds (match keys), longest first."""
        titles = {match_key(t.title) for d in self.docs.values() for t in d.tables}
        return sorted((t for t in titles if len(t) >= MIN_TABLE_WORDS), key=len, reverse=True)

    def title_spans(self, key: str) -> list[tuple[int, int]]:
        """Where a question (its match key) spells out a table's title: a title the store holds,
        else the words before a "表" ("基本支出决算表"), or a table's short name ("支出总表")."""
        spans = []
        for title in self._titles:
            start = key.find(title)
            if start >= 0 and not any(a <= start < b for a, b in spans):
                spans.append((start, start + len(title)))
        spans += [s for s in table_phrase_spans(key) if (s[1] - s[0] >= MIN_TABLE_WORDS or schema().short_named(key[s[0]:s[1]]))
                  and not any(a <= s[0] < b or s[0] <= a < s[1] for a, b in spans)]
        return sorted(spans)

    def row_levels(self, name: str) -> set[str]:
        """The levels (类, 款, 项) the store's rows of that name are printed at, by their codes."""
        return {LEVEL_BY_LENGTH.get(len(r.code), "") for d in self.docs.values() for t in d.tables
                for r in t.rows if r.code and name in row_names(r.label)}

    def row_names_in(self, text: str) -> list[str]:
        """The store's row names a question spells out ("差旅费", "提租补贴"), in the order it says
        them (names of one length come from a set: their order alone would vary between runs)."""
        key = match_key(text)
        bare = key.replace("的", "")  # ("参照公务员法管理的事业单位" for the row 参照公务员法管理事业单位)
        found: list[str] = []
        for name in self._row_names:
            if (name in key or "的" not in name and len(name) >= MIN_BARE_NAME and name in bare) and \
                    not any(name in f for f in found):
                found.append(name)
        return sorted(found, key=lambda name: bare.find(name.replace("的", "")))

    def catalogue(self, infos: list[DocumentInfo] | None = None) -> str:
        infos = self.infos if infos is None else infos
        by_dept: dict[str, list[str]] = {}
        for d in infos:
            by_dept.setdefault(d.department, []).append(f"{d.year}年{d.kind}")
        return "；".join(f"{dept}（{'、'.join(sorted(set(v)))}）" for dept, v in by_dept.items())


def _with_admin_chars(fragment: str, dept) -> list[str]:
    """A name fragment with each place in it written with the 省/市/区/县 its department's full
    names give it ("江苏政协" → 江苏省政协)."""
    out = []
    for place in dept.places:
        for admin in "省市区县":
            if place in fragment and not fragment.startswith(place + admin) and \
                    any(place + admin in name for name in [dept.name, *dept.names]):
                out.append(fragment.replace(place, place + admin, 1))
    return out
