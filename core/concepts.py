"""The concept lexicon (``concepts.toml``): what people call the template's figures, and where
each figure lives in the tables. Retrieval uses it to expand colloquial queries; the answering
layer uses it to locate cells."""
from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from itertools import takewhile

from core.model import FORM_CATEGORIES, YUAN_PER_UNIT
from core.schema import schema
from core.text import QUALIFIER_RE, match_key
from core.vocab import VOCAB_DIR, cue_re

LEXICON_FILE = VOCAB_DIR / "concepts.toml"


@dataclass(frozen=True)
class Locator:
    table: str  # a template table type (core/schema/tables.toml), or its family
    row: re.Pattern | None = None
    column: re.Pattern | None = None
    group: re.Pattern | None = None
    exclude_column: re.Pattern | None = None
    sum: bool = False


@dataclass(frozen=True)
class Parts:
    """What a figure is made of: other concepts, or the 科目 rows of a table (under codes, or
    at one code length), read in one column."""
    concepts: tuple[str, ...] = ()
    table: str = ""
    codes: tuple[str, ...] = ()
    level: int = 0
    column: str = ""


@dataclass(frozen=True)
class Undecided:
    """A word for two concepts alike ("结转结余": carried into the year or out of it), and the words
    that, said with it, tell which one is meant."""
    said: re.Pattern
    concepts: tuple[str, ...]
    told_apart: re.Pattern


JOIN_REACH = 8  # how far either side of a 的 a term read across it may reach
MIN_JOINED_TERM = 4  # (a shorter word across a 的 is too often chance)


@dataclass
class Concept:
    name: str
    terms: list[str]
    colloquial: list[str] = field(default_factory=list)
    finds: list[Locator] = field(default_factory=list)
    generic: list[str] = field(default_factory=list)
    # how the narrative names it: patterns a stated fact's whole subject matches, and the units
    # such a figure comes in ("人" for 行政编制); a concept without them is matched by its terms
    stated: list[re.Pattern] = field(default_factory=list)
    stated_unit: list[str] = field(default_factory=list)
    parts: Parts | None = None  # what the figure is made of (breakdowns, rankings)
    # other concepts wholly inside this figure though not the parts it is broken down into
    # (基本支出 holds 人员经费 and 公用经费; its breakdown is by 经济分类): "基本支出里的人员经费"
    holds: tuple[str, ...] = ()
    counted_by: str = ""  # the concept counting what this money buys (公务用车购置费 → 购置车辆数)
    department_total: bool = False  # the whole department's figure, not one item's (收入总计, 本年支出合计)
    # words of 科目 names its everyday word fits as well ("开会" → 会议: 政协会议): asked that way,
    # those 科目 are candidates beside it
    everyday_rivals: tuple[str, ...] = ()
    # a narrower class of the thing counted ("公车" of 车辆): the words that ask for it, and the
    # pattern of the stated subject counting it
    narrower_said: tuple[str, ...] = ()
    narrower_stated: re.Pattern | None = None
    # people its everyday count words ("有多少人") may be said of who are not what it counts
    # ("全市低保对象有多少人" is no 实有人数): said right before those words, the count is theirs
    others_counted: tuple[str, ...] = ()
    # what it never counts: set aside in a question ("有多少工作人员，不算退休的"), it changes nothing
    leaves_out: tuple[str, ...] = ()

    def words(self) -> list[str]:
        return self.terms + self.colloquial + self.generic

    def contains(self, name: str) -> bool:
        """Whether the concept of that name is a part of this figure."""
        return name in self.holds or bool(self.parts) and name in self.parts.concepts

    @property
    def counts(self) -> bool:
        """A number of things (车辆数: 辆, 实有人数: 人), not an amount of money."""
        return bool(self.stated_unit) and not set(self.stated_unit) & set(YUAN_PER_UNIT)


@dataclass
class ConceptMatch:
    concept: Concept
    start: int
    end: int
    word: str

    @property
    def generic(self) -> bool:
        return self.word in {match_key(w) for w in self.concept.generic}

    @property
    def colloquial(self) -> bool:
        """Said the way people say it, not by an official term nor a generic word."""
        return self.word not in {match_key(t) for t in self.concept.terms} and not self.generic


class Lexicon:
    def __init__(self, data: dict):
        def pattern(value: str | None) -> re.Pattern | None:
            return re.compile(match_key(value)) if value else None

        self.concepts: list[Concept] = []
        for raw in data.get("concept", []):
            finds = [Locator(table=f["table"],
                             row=pattern(f.get("row")), column=pattern(f.get("column")),
                             group=pattern(f.get("group")), exclude_column=pattern(f.get("exclude_column")),
                             sum=bool(f.get("sum"))) for f in raw.get("find", [])]
            self.concepts.append(Concept(name=raw["name"], terms=raw["terms"], colloquial=raw.get("colloquial", []),
                                         finds=finds, generic=raw.get("generic", []),
                                         stated=[re.compile(match_key(p)) for p in raw.get("stated", [])],
                                         stated_unit=raw.get("stated_unit", []),
                                         parts=_parts(raw.get("parts")), holds=tuple(raw.get("holds", ())),
                                         counted_by=raw.get("counted_by", ""),
                                         department_total=bool(raw.get("department_total")),
                                         everyday_rivals=tuple(raw.get("everyday_rivals", ())),
                                         narrower_said=tuple(raw.get("narrower", {}).get("said", ())),
                                         narrower_stated=pattern(raw.get("narrower", {}).get("stated")),
                                         others_counted=tuple(raw.get("others_counted", ())),
                                         leaves_out=tuple(raw.get("leaves_out", ()))))
        self._by_name: dict[str, Concept] = {}
        for concept in self.concepts:
            self._by_name.setdefault(concept.name, concept)
        self.aliases: dict[str, str] = data.get("aliases", {})
        self.contrasts: list[tuple[str, str]] = [tuple(pair) for pair in data.get("contrasts", [])]
        self.overview: list[str] = data.get("overview", [])  # the headline figures, in order
        self.topics: dict[str, list[str]] = {match_key(k): v for k, v in data.get("topics", {}).items()}
        self.undecided = [Undecided(re.compile(u["said"]), tuple(u["concepts"]), re.compile(u["told_apart"]))
                          for u in data.get("undecided", [])]
        # longest words first; at equal length an official term beats a colloquial phrase
        # ("基本支出一共": 基本支出, not 支出一共)
        self._words = [(w, c) for w, c, _ in sorted(
            ((match_key(w), c, rank) for c in self.concepts
             for rank, words in enumerate((c.terms, c.colloquial, c.generic)) for w in words),
            key=lambda wcr: (-len(wcr[0]), wcr[2]))]

    @cached_property
    def _broader_words(self) -> list[str]:
        """The topics' and aliases' words, as match keys (read once: asked of every row a question names)."""
        return [*self.topics, *map(match_key, self.aliases)]

    def read_across(self, name: str, key: str) -> bool:
        """Whether every place ``key`` says ``name`` runs across the edge of a broader word the
        vocabulary knows: "退休费" in "离退休费" (the topic 离退休 begun before it) is not said."""
        name = match_key(name)
        said = [(s, s + len(w)) for w in self._broader_words for s in _occurrences(key, w)]
        places = [(a, a + len(name)) for a in _occurrences(key, name)]
        return bool(places) and all(any(s < a < e < b or a < s < b < e for s, e in said) for a, b in places)

    def contradicts(self, asked: str, named: str) -> bool:
        """The question says one of two words that exclude each other (城市/农村, 年初/年末) where
        the name says the other: "农村…资金" is not the "城市…资金" project."""
        return any(a in asked and b in named and a not in named and b not in asked
                   for pair in self.contrasts for a, b in (pair, pair[::-1]))

    def contrasted(self, concept: Concept, word: str) -> Concept | None:
        """The concept named as this one with ``word`` in place of the word it excludes ("年末"
        after 年初结转和结余 is 年末结转和结余), where the vocabulary has it."""
        for pair in self.contrasts:
            for said, other in (pair, pair[::-1]):
                if word == said and other in concept.name and said not in concept.name:
                    if (swapped := self.named(concept.name.replace(other, said))) is not None:
                        return swapped
        return None

    def undecided_in(self, text: str) -> tuple[str, list[Concept]] | None:
        """The word said for two concepts alike, and those concepts, where nothing else said tells
        them apart."""
        for u in self.undecided:
            if (m := u.said.search(text)) and not u.told_apart.search(text):
                return m.group(0), [self._by_name[name] for name in u.concepts]
        return None

    def named(self, name: str) -> Concept | None:
        """The concept of that standard name, if the vocabulary has one."""
        return self._by_name.get(name)

    def wholes_of(self, name: str) -> list[Concept]:
        """The concepts the one of that name is a part of (or held in): 三公经费 of 公务接待费."""
        return [c for c in self.concepts if c.contains(name)]

    def other_side(self, concept: Concept) -> Concept | None:
        """The same figure on the other side of the account (政府性基金预算财政拨款支出 and …收入),
        where the vocabulary has both."""
        for side, other in (("收入", "支出"), ("支出", "收入")):
            if concept.name.endswith(side):
                return self.named(concept.name.removesuffix(side) + other)
        return None

    def concepts_in(self, text: str) -> list[ConceptMatch]:
        """Concepts named in the text, longest words first, without overlaps, in text order."""
        # "（不含车辆）" qualifies a name; the 车辆 in it is not asked about (positions kept)
        key = QUALIFIER_RE.sub(lambda m: "□" * len(m.group(0)), match_key(text))
        taken = [False] * len(key)
        found: list[ConceptMatch] = []
        for word, concept in self._words:
            start = key.find(word)
            while start >= 0:
                if not any(taken[start:start + len(word)]) and not self._names_document(concept, word, key, start) \
                        and not _said_of_others(concept, word, key[:start]):
                    found.append(ConceptMatch(concept, start, start + len(word), word))
                    taken[start:start + len(word)] = [True] * len(word)
                start = key.find(word, start + 1)
        found += self._parts_by_short_name(key, found, taken)
        return self._fund_received(self._fund_spent(sorted(found, key=lambda m: m.start), key), key)

    @staticmethod
    def _names_document(concept: Concept, word: str, key: str, start: int) -> bool:
        """"2023年预算说明里…", "部门预算公开文件": a generic budget word that begins the name of
        the document or one of its parts names no figure (the whole budget is not asked)."""
        return word.endswith(("预算", "决算")) and DOCUMENT_PART_RE.match(key, start + len(word)) is not None and \
            word in {match_key(w) for w in concept.generic}

    def _fund_spent(self, found: list[ConceptMatch], key: str) -> list[ConceptMatch]:
        """"政府性基金预算财政拨款（彩票公益金）当年是否形成了实际支出": a fund said without 收入 and
        a bare 支出 later in the same clause ask what the fund spent (its 支出 twin), not the fund's
        income beside the department's whole spending."""
        if "收入" in key:
            return found
        funds = [(m, twin) for m in found if m.concept.name.endswith("收入")
                 and (twin := self.named(m.concept.name[:-2] + "支出")) is not None]
        for m, twin in funds[:1]:
            spent = next((s for s in found if s.start >= m.end and s.generic and s.concept.department_total
                          and "支出" in s.word and not CLAUSE_BREAK_RE.search(key[m.end:s.start])), None)
            if spent is not None:
                return [ConceptMatch(twin, m.start, m.end, m.word) if o is m else o for o in found if o is not spent]
        return found

    def _fund_received(self, found: list[ConceptMatch], key: str) -> list[ConceptMatch]:
        """"政府性基金给了多少", "有政府性基金的钱吗？拨了多少": a fund said by its bare name and then a
        verb of receiving, with nothing else named between, asks what the fund gave (its 收入 twin),
        not what it spent."""
        if "支出" in key or "花" in key:
            return found
        for n, m in enumerate(found):
            if "基金" not in m.word or not m.concept.name.endswith("支出") or \
                    (twin := self.named(m.concept.name[:-2] + "收入")) is None or \
                    (said := cue_re("received").search(key, m.end)) is None:
                continue
            between = takewhile(lambda o: o.start < said.start(), found[n + 1:])
            if all(o.generic for o in between):
                return [ConceptMatch(twin, m.start, m.end, m.word) if o is m else o for o in found]
        return found

    def _parts_by_short_name(self, key: str, found: list[ConceptMatch], taken: list[bool]) -> list[ConceptMatch]:
        """A part said by the end of its name after its whole ("公务用车购置及运行费里的运行费"
        asks for 公务用车运行维护费; "政府采购里服务类" for 政府采购服务), or as a kind right before it
        ("工程类政府采购"): a tail of three or more characters of one part's term only, or what its
        term adds to the whole's."""
        extra: list[ConceptMatch] = []
        starts: dict[str, list[int]] = {}  # each tail's places in the key, found once
        # a part said in full says its whole too: "政府采购货物多还是服务多" (服务 after it is the sibling)
        wholes = [(m.concept.name, m) for m in found if m.concept.parts and m.concept.parts.concepts]
        wholes += [(w.name, m) for m in found for w in self.concepts
                   if w.parts and m.concept.name in w.parts.concepts and not m.colloquial]
        # the whole said last before a tail claims it ("三公经费里公务用车购置费加运行维护费": 运行维护费 is
        # the 购置费's sibling, 公务用车运行维护费, not the 三公 part whose name ends so)
        wholes.sort(key=lambda w: -w[1].end)
        for name, whole in wholes:
            for tail, part in self._tails(name):
                if tail not in starts:
                    starts[tail] = list(_occurrences(key, tail))
                places = starts[tail]
                at = bisect_left(places, whole.end)  # its first place after the whole
                start = places[at] if at < len(places) else -1
                if start < 0 and not whole.colloquial and whole.concept.name == name:
                    # "工程类政府采购", "工程方面的政府采购": the kind said before the whole (by its
                    # name: "会议服务采购" is a purchase of its own, not the 政府采购服务 total)
                    start = next((p for p in places if p + len(tail) <= whole.start and
                                  KIND_BEFORE_WHOLE_RE.fullmatch(key[p + len(tail):whole.start])), -1)
                if start >= 0 and not any(taken[start:start + len(tail)]):
                    extra.append(ConceptMatch(part, start, start + len(tail), tail))
                    taken[start:start + len(tail)] = [True] * len(tail)
        return extra

    @cache
    def _tails(self, whole: str) -> list[tuple[str, Concept]]:
        """The tails (and starts of four characters or more) naming one part of a whole only,
        longest first (they depend on the lexicon alone: found once, not once per mention of the
        whole)."""
        by_name = {c.name: c for c in self.concepts}
        concept = by_name[whole]
        tails: dict[str, set[str]] = {}
        wholes = [match_key(t) for t in concept.terms]
        for part in [by_name[n] for n in concept.parts.concepts if n in by_name]:
            for term in map(match_key, part.terms):
                for cut in range(1, len(term) - 2):
                    tails.setdefault(term[cut:], set()).add(part.name)
                for cut in range(4, len(term)):  # or its start ("三公经费里…公务用车")
                    tails.setdefault(term[:cut], set()).add(part.name)
                for w in wholes:
                    if term.startswith(w) and len(term) - len(w) >= 2:
                        tails.setdefault(term[len(w):], set()).add(part.name)
        return [(tail, by_name[next(iter(owners))])
                for tail, owners in sorted(tails.items(), key=lambda t: -len(t[0])) if len(owners) == 1]

    def joined(self, text: str) -> str:
        """The text with the 的 after a class word left out where a term runs across it ("服务类的采购"
        is 服务类采购, a term of 政府采购服务支出): 的 there joins a kind to what it is a kind of
        (after a noun it may say whose: "在职人员的经费" is no 人员经费)."""
        out = text
        for at in [m.start() + 1 for m in re.finditer("类的", text)][::-1]:
            before, after = match_key(out[max(0, at - JOIN_REACH):at]), match_key(out[at + 1:at + 1 + JOIN_REACH])
            window = before + after
            if any(0 <= (found := window.find(w)) < len(before) < found + len(w)
                   for w, _ in self._words if len(w) >= MIN_JOINED_TERM and "的" not in w):
                out = out[:at] + out[at + 1:]
        return out

    def expand(self, query: str, concepts: bool = True) -> str:
        """The query plus the official words for colloquial phrases in it: concept names (for
        retrieval) and row names from the aliases (also for finding a 科目 by name)."""
        extra = [m.concept.terms[0] for m in (self.concepts_in(query) if concepts else []) if m.colloquial]
        extra += self._aliases_in(query)
        return query if not extra else f"{query} {' '.join(dict.fromkeys(extra))}"

    def in_official_words(self, query: str) -> str:
        """The query with each colloquial phrase replaced by its official term ("有几辆车" →
        "有车辆数"), plus the alias row names: for ranking sentences, which use the official
        words, without the colloquial phrase's fragments diluting the match."""
        key = match_key(query)
        for match in reversed(self.concepts_in(query)):
            if match.colloquial:
                key = key[:match.start] + match_key(match.concept.terms[0]) + key[match.end:]
        return " ".join([key, *dict.fromkeys(self._aliases_in(query))])

    def officials_of(self, text: str) -> list[str]:
        """The official words of every alias said in ``text`` ("买电脑" → 计算机)."""
        key = match_key(text)
        return [match_key(w) for phrase, official in self.aliases.items() if match_key(phrase) in key
                for w in official.split()]

    def _aliases_in(self, query: str) -> list[str]:
        """The official row words for the colloquial phrases of the aliases the query uses; a
        phrase overlapping a concept's word is not said ("项目支出差多少" says no 出差)."""
        return [official for _, official in self.aliases_said(query)]

    def aliases_said(self, query: str) -> list[tuple[int, str]]:
        """(where, official words) of each alias phrase the query says outside the concepts'
        words, longest phrase first at one place ("暖气费和物业费": 取暖费 at 0, 物业管理费 at 4), and
        not inside a longer topic word ("离退休" says no 退休 → 退休费: it files 离休费 and 退休费 both)."""
        key = match_key(query)
        said = [False] * len(key)  # characters inside a concept's word
        for m in self.concepts_in(query):
            said[m.start:m.end] = [True] * (m.end - m.start)
        found = []
        for phrase, official in self.aliases.items():
            phrase = match_key(phrase)
            if (start := next((i for i in _occurrences(key, phrase) if not any(said[i:i + len(phrase)])
                               and not self._inside_topic(key, i, phrase)), None)) is not None:
                found.append((start, official))
        return found

    def _inside_topic(self, key: str, at: int, phrase: str) -> bool:
        """The phrase said at ``at`` is part of a longer topic word said there ("离退休" holding 退休)."""
        return any(key.startswith(word, at - offset) for word, offset in self._topics_holding(phrase) if at >= offset)

    @cache
    def _topics_holding(self, phrase: str) -> tuple[tuple[str, int], ...]:
        """The longer topic words holding the phrase, each with where the phrase sits in it."""
        return tuple((word, word.index(phrase)) for word in map(match_key, self.topics) if phrase in word and word != phrase)


CLAUSE_BREAK_RE = re.compile(r"[,;。!?]")
# what follows 预算/决算 when they name the document, not a figure: "预算说明", "决算公开", "预算编制说明"
DOCUMENT_PART_RE = re.compile(r"(?:编制|情况)?说明|公开|文件|报告|草案")
# between a part's kind and its whole: "工程类政府采购", "工程方面的政府采购", "服务的政府采购"
KIND_BEFORE_WHOLE_RE = re.compile(r"(?:类|类型|方面|性)?的?")


def _said_of_others(concept: Concept, word: str, before: str) -> bool:
    """An everyday count word said right after people the concept does not count ("全市低保对象
    有多少人" is no 实有人数): theirs, not the concept's."""
    return bool(concept.others_counted) and word not in map(match_key, concept.terms) and bool(re.search(
        rf"(?:{'|'.join(concept.others_counted)})的?(?:一共|总共|共|大概|大约)?(?:有|是)?$", before))


def _occurrences(text: str, word: str):
    """Where ``word`` starts in ``text``, overlaps included."""
    start = text.find(word)
    while start >= 0:
        yield start
        start = text.find(word, start + 1)


def _parts(raw: dict | None) -> Parts | None:
    if not raw:
        return None
    return Parts(concepts=tuple(raw.get("concepts", ())), table=raw.get("table", ""), codes=tuple(raw.get("codes", ())),
                 level=raw.get("level", 0), column=raw.get("column", ""))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    with open(LEXICON_FILE, "rb") as f:
        return Lexicon(tomllib.load(f))


@dataclass(frozen=True)
class Cell:
    """A located cell: indexes into a document's tables, rows and columns."""
    table_seq: int
    row_seq: int
    column: int


def locate(concept: Concept, tables) -> tuple[Locator, list[Cell]] | None:
    """The cells holding ``concept`` in a document's tables, by the first locator that finds
    any (performance forms are never searched: their cells are not template figures)."""
    return next(iter(locate_all(concept, tables)), None)


def locate_all(concept: Concept, tables) -> list[tuple[Locator, list[Cell]]]:
    """Every locator of ``concept`` that finds cells, in the lexicon's order, with its cells."""
    found = []
    for loc in concept.finds:
        cells = []
        for ti, table in enumerate(tables):
            if table.category in FORM_CATEGORIES or loc.table not in (table.type, schema().family(table.type)):
                continue
            columns = [ci for ci, col in enumerate(table.columns)
                       if (loc.column is None or loc.column.search(match_key(col)))
                       and not (loc.exclude_column and loc.exclude_column.search(match_key(col)))]
            for ri, row in enumerate(table.rows):
                if loc.row and not loc.row.search(match_key(row.label)):
                    continue
                if loc.group and not loc.group.search(match_key(row.group)):
                    continue
                cells += [Cell(ti, ri, ci) for ci in columns if row.values[ci] is not None]
        if cells:
            found.append((loc, cells))
    return found
