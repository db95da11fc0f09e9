"""Sentences of a document's narrative: quoted as answers, and read to confirm or question a
table figure ("因公出国（境）费支出0万元" says a blank cell is zero)."""
from __future__ import annotations

import re
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from index.lexical import longest_shared_run, shared_words, tokenize
from core.model import YUAN_PER_UNIT, Document
from core.concepts import lexicon
from core.text import ORDINAL_RE, match_key, parse_amount
from core.vocab import asked_units, filler_words, has_cue

SENTENCE_RE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
AMOUNT_RE = re.compile(r"(?<![\d.])(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元|辆|个|人次|人|批次|%|分|台[（(]套[）)]|台|套|家)")
MIN_SENTENCE_SCORE = 0.4  # share of the question's words a quoted sentence must contain
CHANGE_WORDS = re.compile(r"增加|减少|下降|增长|上升|涨|降|多|少|变化|变动")
# a question about how much something changed ("比18年少了多少", "下降了多少")
CHANGE_ASKED_RE = re.compile(r"(比|较|跟|与).{0,10}(多|少|增|减|涨|降)|(增加|减少|下降|增长|上升|涨|降)了?(多少|几)")
BUDGET_MEASURE_RE = re.compile(r"年初预算|全年预算|调整预算|预算数")
ZERO_RE = re.compile(r"(?<![\d.])0(?:\.0+)?\s*(?:万元|元)|无此(?:项)?(?:支出|收入|经费)|没有.{0,6}(?:支出|经费)|为零|为0")
REASON_CUES = re.compile(r"主要原因|原因是|主要用于|用于|主要包括|主要是|由于|因为")


@dataclass
class Sentence:
    text: str
    section_seq: int
    heading: str
    page: int | None
    line: int | None
    item: str = ""  # the bare heading of the numbered item it goes on under ("4、…缴费支出（项）。")
    _tokens: frozenset[str] | None = None

    @property
    def tokens(self) -> frozenset[str]:
        if self._tokens is None:
            self._tokens = frozenset(_as_words(self.text))
        return self._tokens


LEVEL_MARK = re.compile(r"[（(]\s*[类款项]\s*[）)]")


def without_levels(text: str) -> str:
    """"住房保障（类）支出" reads as the 住房保障支出 people ask about."""
    return LEVEL_MARK.sub("", text)


QUOTE_MARKS = re.compile(r"[“”‘’\"「」『』]")


def _as_words(text: str) -> list[str]:
    """The words of a sentence, heading or question without level marks, and as people type
    them without quote marks too ("“三公”经费" is also the word 三公经费; "等级为“良”" still 良)."""
    text = without_levels(text)
    return tokenize(text) + (tokenize(QUOTE_MARKS.sub("", text)) if QUOTE_MARKS.search(text) else [])


# a sentence without its own subject: a reason, a part, or a change "较上年…" of the one before,
# or the year before's outturn of the item the sentence before names ("2023年当年预算执行数为…")
FOLLOWS_ON = re.compile(r"^(主要原因|原因是|主要是|这是因为|其中|较上年|较\s*\d{4}\s*年|比上年|与上年相比"
                        r"|[^，,。\d]{0,20}的主要原因|(?:19|20)\d{2}\s*年(?:当年)?(?:预算)?执行数)")  # "决算数小于全年预算数的主要原因：…"


# sentences of the documents asked about most recently: a library of thousands (and the uploads
# of ended sessions) is not all held in memory
SENTENCE_CACHE_SIZE = 256
_CACHE: OrderedDict[str, list[Sentence]] = OrderedDict()
_CACHE_LOCK = threading.Lock()


CONTENTS_LEADERS_RE = re.compile(r"[…·.．]{4,}")  # the dot leaders of a contents entry


def sentences(doc: Document) -> list[Sentence]:
    """Sentences of the narrative; one that only gives the reason for, or the change of, the one
    before it ("…下降62.3%。主要原因是…", "…34.95万元。较上年决算增加…") is kept with it, since
    neither answers alone. Cached per
    document (content-addressed ids never go stale), tokens computed once."""
    with _CACHE_LOCK:
        if doc.doc_id in _CACHE:
            _CACHE.move_to_end(doc.doc_id)
            return _CACHE[doc.doc_id]
    out: list[Sentence] = []
    for si, section in enumerate(doc.sections):
        heading = " > ".join(section.heading_path)
        for m in SENTENCE_RE.finditer(section.text):
            text = m.group(0).strip()
            if len(text) < 4 or len(CONTENTS_LEADERS_RE.findall(text)) >= 2:
                continue  # (a contents list run into the text, "一、部门主要职能……二、…", states nothing)
            if out and out[-1].section_seq == si and FOLLOWS_ON.match(text):
                out[-1] = Sentence(out[-1].text + text, si, heading, out[-1].page, out[-1].line)
            else:
                start = m.start() + len(m.group(0)) - len(m.group(0).lstrip())
                out.append(Sentence(text, si, heading, section.page_at(start), section.line))
    out = _under_items(_without_stamps(out))
    if doc.doc_id:
        with _CACHE_LOCK:
            _CACHE[doc.doc_id] = out
            while len(_CACHE) > SENTENCE_CACHE_SIZE:
                _CACHE.popitem(last=False)
    return out


NEXT_ITEM_RE = re.compile(r"^\s*(?:\d{1,2}|[一二三四五六七八九十]+)[、.．]|^\s*[(（][一二三四五六七八九十\d]+[)）]")


def bare_heading(text: str) -> bool:
    """A numbered item's heading with no figure of its own."""
    return bool(NEXT_ITEM_RE.match(text)) and not AMOUNT_RE.search(text) and len(text) <= 80


def _under_items(found: list[Sentence]) -> list[Sentence]:
    """Each sentence after a numbered item's bare heading, up to the next numbered item of its
    section, knows that heading: "主要用于：…", "全年预算为9.00万元…主要原因：…" say nothing of
    which item they are about ("4、…机关事业单位基本养老保险缴费支出（项）。")."""
    item, seq = "", None
    for s in found:
        if s.section_seq != seq or NEXT_ITEM_RE.match(s.text):
            item, seq = "", s.section_seq
        if bare_heading(s.text):
            item = s.text
        elif item:
            s.item = item
    return found


STAMP_MAX_CHARS = 12
STAMP_MIN_REPEATS = 3


def _without_stamps(found: list[Sentence]) -> list[Sentence]:
    """Without the page stamps a text layer repeats ("仅供内部审核" on every page): short lines
    with no figure, printed three times or more, are no sentence of the narrative."""
    counts = Counter(s.text for s in found)
    return [s for s in found if not (counts[s.text] >= STAMP_MIN_REPEATS and len(s.text) <= STAMP_MAX_CHARS
                                     and not any(ch.isdigit() for ch in s.text))]


def amounts(text: str) -> list[tuple[str, float, str]]:
    """(printed, value, unit) for each amount in a sentence."""
    return [(m.group(1), parse_amount(m.group(1)), m.group(2)) for m in AMOUNT_RE.finditer(text)
            if parse_amount(m.group(1)) is not None]


def mentions(sentence: str, words: list[str]) -> bool:
    key = match_key(sentence)
    return any(match_key(w) in key for w in words if w)


_KEYS: dict[str, str] = {}


def narrative_key(doc: Document) -> str:
    """The whole narrative as one matching key, to test whether it states a phrase at all."""
    if doc.doc_id not in _KEYS:
        _KEYS[doc.doc_id] = "\n".join(match_key(without_levels(s.text)) for s in sentences(doc))
    return _KEYS[doc.doc_id]


_WORDED: dict[str, str] = {}


def worded_key(doc: Document) -> str:
    """The narrative and every table row's label as one matching key: whatever the document
    says or names a row by, to test whether it speaks of a phrase at all."""
    if doc.doc_id not in _WORDED:
        _WORDED[doc.doc_id] = narrative_key(doc) + "\n" + "\n".join(
            match_key(r.label) for t in doc.tables for r in t.rows)
    return _WORDED[doc.doc_id]


ASKING_WORDS = filler_words("question_words")  # words that say how, not what (fillers.toml)


def speaks_to(docs: list[Document], question_rest: str) -> bool:
    """Some document's narrative or row labels hold most of what the question names (its words
    beyond asking words and the department's own name), read as stretches of text: "直属单位"
    and "职业年金" are in the documents, where of "明天天气" only "明天" is (孤儿康复明天计划)."""
    from index.lexical import words
    from qa.lookup import FILLER_WORDS

    names = match_key(" ".join(n for doc in docs for n in [doc.department, *doc.aliases]))
    runs, run, fillers = [], "", 0  # one-character fillers (年, 了) stay inside a run, uncounted
    for w in words(match_key(lexicon().expand(question_rest))) + [" "]:
        if re.fullmatch(r"[\u4e00-\u9fff]+", w) and w not in ASKING_WORDS and (len(w) == 1 or w not in FILLER_WORDS) \
                and (len(w) == 1 or w not in names):
            run += w
            fillers += w in FILLER_WORDS
        else:
            runs.append((run, fillers))
            run, fillers = "", 0
    topics = {word: [match_key(w) for w in filed] for word, filed in lexicon().topics.items()
              if word in match_key(question_rest)}
    for doc in docs:
        text = worded_key(doc)
        # a topic word the documents never print ("社保") is spoken to by the rows it files (社会保障缴费)
        text += " " + " ".join(word for word, filed in topics.items() if any(w in text for w in filed))
        asked = [(r, f) for r, f in runs if r]
        said = sum(len(r) - f for r, f in asked)
        if said > 0 and 2 * sum(_covered(r, text) for r, _ in asked) > said:
            return True
    return False


def _covered(run: str, text: str) -> int:
    """How many characters of ``run`` lie in stretches of two or more that ``text`` contains."""
    covered, i = 0, 0
    while i < len(run):
        j = i + 2
        while j <= len(run) and run[i:j] in text:
            j += 1
        if j - 1 - i >= 2:
            covered += j - 1 - i
            i = j - 1
        else:
            i += 1
    return covered


PERFORMANCE_ASKED_RE = re.compile(r"绩效|评价|项目")  # (a 绩效 section speaks of the projects it evaluated)


def section_path(doc: Document, section_seq: int) -> str:
    """The headings above a section ("三、支出决算情况说明 > …"), "" when it has none."""
    section = doc.sections[section_seq] if 0 <= section_seq < len(doc.sections) else None
    return " > ".join(section.heading_path) if section else ""


def performance_aside(doc: Document, section_seq: int, question: str) -> bool:
    """A sentence of a 绩效 section read for a question not about 绩效 or projects: its split of
    the evaluated projects' money by fund ("涉及资金150万元，其中…政府性基金预算支出0万元") is no
    department figure."""
    return "绩效" in section_path(doc, section_seq) and not PERFORMANCE_ASKED_RE.search(question)


def zero_statement(doc: Document, words: list[str]) -> Sentence | None:
    """A sentence saying the named item is zero or absent, with the amount right after the name."""
    for s in sentences(doc):
        key = match_key(s.text)
        for w in words:
            k = match_key(w)
            # (not "工程类政府采购支出预算0万元": one kind of the item, not all of it)
            pos = next((m.start() for m in re.finditer(re.escape(k), key) if not key[:m.start()].endswith("类")), -1) if k else -1
            after = key[pos + len(k):pos + len(k) + 14] if k and pos >= 0 else ""
            if (zero := ZERO_RE.search(after)) and not BUDGET_MEASURE_RE.search(after[:zero.start()]):
                return s  # ("…支出年初预算为0万元，全年预算为321.02万元": a budget of 0, not the item's 0)
    return None


def zero_outturn_stated(doc: Document, words: list[str]) -> Sentence | None:
    """The sentence stating the named item's outturn as 0 ("…支出年初预算100万元，支出决算0元"),
    read from the stated facts (the 0 may sit past a budget figure)."""
    keys = {match_key(w) for w in words if w}
    fact = next((f for f in doc.stated if f.qualifier == "决算" and f.value == 0 and match_key(f.subject) in keys), None)
    return None if fact is None else next((s for s in sentences(doc) if fact.sentence in s.text or s.text in fact.sentence), None)


# "本年度没有政府性基金预算财政拨款收入和支出", "本单位不涉及国有资本经营预算": the thing named
# right after the word is absent (无偿/无需/无法 negate nothing)
ABSENT_RE = re.compile(r"没有|不涉及|未安排|未发生|无(?!偿|需|法|论|须)")
FLOW_RE = re.compile(r"(收入|支出|收支)$")
THIS_ITEM_ABSENT_RE = re.compile(r"^(?:本年度?|本部门|本单位)?(?:无|没有)(?:此项|该项|此类)(?:收入|支出|收支|经费)?[。;；]?$")


def absence_statement(doc: Document, words: list[str]) -> Sentence | None:
    """A sentence without amounts saying the named item does not exist: an absence word, at most a
    few characters, then the name (a "…收入/支出" name also fits "…收入和支出"/"…收支"); or
    "本年度无此项支出" alone under a heading that names it."""
    # each name without its flow word, and that flow word ("" when it names none)
    names = [(FLOW_RE.sub("", k), m.group(1) if (m := FLOW_RE.search(k)) else "") for k in map(match_key, words)]
    for s in sentences(doc):
        if AMOUNT_RE.search(s.text):
            continue
        key = match_key(s.text)
        heading = ORDINAL_RE.sub("", match_key(s.heading.split(" > ")[-1]))
        if THIS_ITEM_ABSENT_RE.search(key) and any(len(base) >= 5 and heading.startswith(base) for base, _ in names):
            return s  # under "八、国有资本经营预算财政拨款支出决算情况说明": "本年度无此项支出。"
        for base, flow in names:
            if len(base) < 4:
                continue
            for m in ABSENT_RE.finditer(key):
                at = key.find(base, m.end(), m.end() + 8 + len(base))
                if at < 0:
                    continue
                tail = key[at + len(base):at + len(base) + 8]
                if not flow or flow in tail or "收支" in tail or not re.search("收入|支出", tail):
                    return s
    return None


CHINESE_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CHINESE_PLACES = {"十": 10, "百": 100, "千": 1000}
_NUMERAL = r"(\d+(?:\.\d+)?|[零一二两三四五六七八九十百千]+)"
_MORE = r"(多|来|余)"
# 一亿四千多万 | 1.4亿多 | 3亿 | 两千多万
ROUGH_AMOUNT_RE = re.compile(rf"{_NUMERAL}亿(?:{_NUMERAL}{_MORE}?万|{_MORE})?|{_NUMERAL}{_MORE}?万")
# 一万四千多万: ten thousands of 万 (1.4亿), as people say amounts under 10亿 in 万
WAN_OF_WAN_RE = re.compile(rf"{_NUMERAL}万{_NUMERAL}{_MORE}?万")
CHANGE_BEFORE = re.compile(r"(增加|减少|下降|增长|上升|多|少)[了]?$")


def _numeral(text: str) -> tuple[float, float]:
    """A numeral as (value, its smallest place): 两千 → (2000, 1000), 三百五十 → (350, 10), 1.4 → (1.4, 0.1)."""
    if text[0].isdigit():
        whole, _, fraction = text.partition(".")
        place = 10.0 ** -len(fraction) if fraction else 10.0 ** (len(whole.lstrip("0") or "0") - 1)
        return float(text), place
    total, digit, place = 0, None, 1
    for ch in text:
        if ch in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[ch]
        else:
            place = CHINESE_PLACES[ch]
            total += (1 if digit is None else digit) * place
            digit = None
    if digit is not None:
        total, place = total + digit, 1
    return total, place


def rough_amounts(question: str) -> list[tuple[float, float]]:
    """Amounts a question gives roughly, as yuan ranges: "多了两千多万" → [2000万, 3000万),
    "少了一万四千多万" → [14000万, 15000万); a plain "多了三百五十万" is taken within 5%."""
    ranges = []
    for m in WAN_OF_WAN_RE.finditer(question):
        (high, _), (low, place) = _numeral(m.group(1)), _numeral(m.group(2))
        value = (high * 1e4 + low) * 1e4
        ranges.append((value, value + place * 1e4) if m.group(3) else (value * 0.95, value * 1.05))
    question = WAN_OF_WAN_RE.sub(" ", question)
    for m in ROUGH_AMOUNT_RE.finditer(question):
        yi, wan_after_yi, more_after_wan, more_after_yi, wan, more_wan = m.groups()
        if yi:
            value, place = _numeral(yi)
            value, place, more = value * 1e8, place * 1e8, more_after_yi
            if wan_after_yi:
                extra, extra_place = _numeral(wan_after_yi)
                value, place, more = value + extra * 1e4, extra_place * 1e4, more_after_wan
        else:
            value, place = _numeral(wan)
            value, place, more = value * 1e4, place * 1e4, more_wan
        if value:
            ranges.append((value, value + place) if more else (value * 0.95, value * 1.05))
    return ranges


def _states_rough_amount(sentence: str, ranges: list[tuple[float, float]], as_change: bool) -> bool:
    """The sentence prints an amount in one of the ranges (after a change word, when the
    question asks about a change: "少了八千多万" is a decrease, not a total)."""
    for m in AMOUNT_RE.finditer(sentence):
        value, factor = parse_amount(m.group(1)), YUAN_PER_UNIT.get(m.group(2))
        if value is None or factor is None:
            continue
        if as_change and not CHANGE_BEFORE.search(sentence[max(0, m.start() - 4):m.start()]):
            continue
        if any(low <= value * factor < high for low, high in ranges):
            return True
    return False


PART_RE = re.compile(r"^第[一二三四五六七八九十]+部分")


@lru_cache(maxsize=4096)
def heading_tokens(heading: str) -> frozenset[str]:
    """Words of a heading path's last two headings (many sentences share them: cached): a
    section's own ("一、项目概述") and the one it belongs to (the project's, "…项目经费情况说明"),
    unless that is one of the template's parts ("第三部分2018年度部门预算情况说明": every section's)."""
    path = heading.split(" > ")
    own = path[-2:] if len(path) > 1 and not PART_RE.match(path[-2]) else path[-1:]
    return frozenset(t for h in own for t in _as_words(h))


@lru_cache(maxsize=4096)
def item_tokens(item: str) -> frozenset[str]:
    """Words of a numbered item's bare heading (many sentences share one: cached)."""
    return frozenset(_as_words(item)) if item else frozenset()


def rank_sentences(question: str, candidates: list[Sentence], want_reason: bool,
                   want_amount: bool = False) -> list[tuple[float, Sentence]]:
    """Sentences scored by the share of the question's words (weighted by length) they contain,
    with a bonus for a stated reason when the question asks why, for an amount when it asks
    how much (more for one in the count unit it asks: 辆, 人), and for the amount the question gives roughly ("多了两千多万") (definitions in
    名词解释 then count less: they name the concept, not its value)."""
    q_tokens = {t for t in _as_words(question) if t not in QUESTION_WORDS}
    total = sum(len(t) for t in q_tokens) or 1
    rough = rough_amounts(question)
    as_change = bool(CHANGE_WORDS.search(question.replace("多少", "")))
    units = {match_key(u) for u in asked_units(question) if u not in YUAN_PER_UNIT and u not in ("%", "分")}
    way_asked = asked_way(question)
    meaning = has_cue("meaning", question)
    # "为啥比预算少" asks a cause ("主要原因：…"), not what the money is for ("主要用于/主要包括")
    reason_cue = WHY_CUES if has_cue("why", question) else REASON_CUES
    scored = []
    for s in candidates:
        # words of the section heading count half: "三公经费" is the subject of every sentence
        # under "一、2024年“三公”经费预算情况说明"
        # and so do those of the numbered item it goes on under (its bare heading names the item)
        overlap = (sum(len(t) for t in q_tokens & s.tokens)
                   + 0.5 * sum(len(t) for t in (q_tokens & (heading_tokens(s.heading) | item_tokens(s.item))) - s.tokens)) / total
        if not overlap:
            continue
        # at equal cover of the question, the sentence saying less else wins ("年初预算2,678.56万元"
        # over a long paragraph that mentions 年初预算 in passing)
        density = sum(len(t) for t in q_tokens & s.tokens) / (sum(len(t) for t in s.tokens) or 1)
        score = overlap + 0.2 * density + (0.25 if want_reason and reason_cue.search(s.text) else 0)
        if want_reason and way_asked and reason_cue.search(s.text):
            # "为啥比24年少了": the reason given for a fall, not one for an item that stayed level
            score += 0.2 if change_way(s.text) == way_asked else -0.1
        if want_amount:
            score += 0.25 if AMOUNT_RE.search(s.text) else 0
            # "几辆车": a sentence stating an amount in the unit asked says more than its words show
            score += 0.25 if units and any(match_key(m.group(2)) in units for m in AMOUNT_RE.finditer(s.text)) else 0
        if rough and _states_rough_amount(s.text, rough, as_change):
            score += 0.3
        if "名词解释" in s.heading:  # a definition is neither a figure nor a reason, but is a meaning
            score += 0.3 if meaning else -0.3
        scored.append((score, s))
    return sorted(scored, key=lambda x: -x[0])


CAUSE_RE = re.compile(r"原因|由于|因为")
# a cause given, said after the change too ("增长903.39%,主要是用于工资福利支出的增加部分"),
# where "主要用于/主要包括" alone say what the money is for
WHY_CUES = re.compile(r"原因|由于|因为|主要是")
BUDGET_STAGE_WORDS = ("年初预算", "全年预算", "调整预算", "调整后预算", "执行数")  # (执行数: the year before's outturn a budget states)


def change_way(text: str) -> str:
    """Which way a text says something changed: "down", "up", "level" (持平, 不变) or ""; of a
    sentence giving a reason, the way of the change before it ("减少10万元，主要原因是…新增…")."""
    cue = CAUSE_RE.search(text)
    text = text[:cue.start()] if cue and cue.start() else text
    down, up = re.search(r"减少|下降|降低|减|少|降", text), re.search(r"增加|增长|上升|提高|增|涨|多|升", text)
    if down and not up:
        return "down"
    if up and not down:
        return "up"
    return "level" if re.search(r"持平|不变|相同|一致", text) else ""


def against_way_asked(question: str, stated: str) -> bool:
    """A change stated one way ("比上年度减少1.17万元") where the question asks the other way
    ("比上年多了多少"): no answer to it, whichever of the two is mistaken."""
    return {asked_way(question), change_way(stated)} == {"up", "down"}


def asked_way(question: str) -> str:
    """Which way a question asks that something changed ("比上年少了多少": down; its 多少 asks, it
    does not compare)."""
    return change_way(question.replace("多少", ""))


QUESTION_WORDS = {"为什么", "为啥", "什么", "怎么", "怎么样", "如何", "多少", "几个", "哪些", "哪个", "是不是", "有没有",
                  "主要", "情况", "呢", "吗", "一下", "花", "钱"}


MIN_SAID_RUN = 3  # "基本" shared by 基本工资 and 基本支出 names neither
MEASURE_ONLY_RE = re.compile(r"其中|共计|共|合计|总计|累计|全年|年初|预算|决算|支出|金额|数|为|是|达")
YEAR_ONLY_RE = re.compile(r"\d{2,4}年度?|当年|执行|的")  # a label naming only the year of a measure


class Amount(NamedTuple):
    printed: str
    value: float
    unit: str
    named: int  # how much of the amount's own label the question says (characters in shared runs)
    said: bool  # the question says the label: all of it, or a run of three characters or more


# a clause whose amount is of the things the clause before counts ("0个项目实行绩效目标管理，涉及
# 财政性资金合计0万元": the money those projects involve)
INVOLVING_RE = re.compile(r"^(?:共|合计|总共)?涉及")


def amount_label(sentence: str, start: int) -> str:
    """The words an amount at ``start`` belongs to: back to the last clause break ("、离退休干部
    用车0辆" → 离退休干部用车; brackets stay: "单价100万元（含）以上设备（不含车辆）"), and the clause
    before where this one only says what they involve ("…项目实行绩效目标管理，涉及资金…")."""
    clauses = re.split(r"[，,、；;。：:]", sentence[:start])
    return clauses[-2] + clauses[-1] if len(clauses) > 1 and INVOLVING_RE.match(clauses[-1]) else clauses[-1]


def best_amount(question: str, sentence: str, units: tuple[str, ...] = ()) -> Amount | None:
    """The amount in a quoted sentence that answers the question: of the unit asked for (``units``,
    else the question's own measure words), after a change word when a change is asked, and the
    one whose own label the question names most."""
    found = [(m.group(1), parse_amount(m.group(1)), m.group(2), m.start()) for m in AMOUNT_RE.finditer(sentence)]
    found = [f for f in found if f[1] is not None]
    if not found:
        return None
    units = units or asked_units(question)
    if units:  # a figure of another unit is not the answer ("几辆车" in 万元)
        found = [f for f in found if match_key(f[2]) in {match_key(u) for u in units}]
    if not found:
        return None
    q_key = match_key(question)
    q_chars = set(q_key)
    change = bool(CHANGE_WORDS.search(question.replace("多少", "")))  # "多少" asks, it does not compare

    labels = {f[3]: match_key(amount_label(sentence, f[3])) for f in found}
    named = {start: shared_words(q_key, label) for start, label in labels.items()}

    stage = next((st for st in BUDGET_STAGE_WORDS if st in question), "")

    def fit(f):
        before, after = sentence[max(0, f[3] - 8):f[3]], sentence[f[3] + len(f[0]) + len(f[2]):][:10]
        follows_change = change and bool(re.search(r"(增加|减少|下降|增长|上升)$", before.rstrip()))
        # the budget stage asked ("全年预算是多少": not the 年初预算 printed first)
        said_stage = [st for st in BUDGET_STAGE_WORDS if st in labels[f[3]]]
        of_stage = 0 if not stage or not said_stage else 1 if stage in said_stage else -1
        # the label sharing the longest stretch of the question ("授予小微企业") beats one sharing
        # several short words ("政府采购…授予…企业…合同")
        longest = longest_shared_run(q_key, labels[f[3]])
        return of_stage, follows_change, longest, named[f[3]], len(q_chars & set(match_key(before + after))), -f[3]

    best = max(found, key=fit)
    if change and not fit(best)[1] and CHANGE_ASKED_RE.search(question):
        return None  # a change is asked and no amount here follows a change word
    # an amount's label must be said: not just "基本" of it, nor only its measure words ("全年
    # 预算为" names no 科目)
    label = MEASURE_ONLY_RE.sub("", labels[best[3]])
    if not YEAR_ONLY_RE.sub("", label):  # ("2023年当年预算执行数为…" after the item's own sentence: its name)
        label = match_key(sentence[:found[0][3]])
    said = longest_shared_run(q_key, label) >= MIN_SAID_RUN or labels[best[3]] in q_key \
        or fit(best)[1]  # (a change after its change word)
    return Amount(best[0], best[1], best[2], named[best[3]], said)


@dataclass
class Stated:
    """A figure the narrative states right after its name ("政府采购预算4821.20万元"): what a
    comparison reads when no table of the document holds the concept."""
    doc: Document
    sentence: Sentence
    printed: str
    unit: str
    label: str

    @property
    def value(self) -> float | None:
        return parse_amount(self.printed)


# only measure words between a name and its amount ("政府采购预算4821.20万元"); anything else
# ("政府采购货物预算57.43万元") names something narrower
STATED_GAP = r"(?:预算|决算|支出|总额|金额|资金|合计|总计|共计|为|是|共|达)*"
YEAR_IN_TEXT = re.compile(r"(?<!\d)(20\d{2})\s*年")


# a definition as 名词解释 prints it: the term, then "：指" / "是指" / "，指"
DEFINES_RE = re.compile(r"^[\s（(]*[一二三四五六七八九十\d]*[、.．）)]{0,2}\s*(?P<term>[^：:，,。]{2,30}?)\s*(?:[：:，,]\s*(?:是)?指|是指)")
# under a 名词解释 heading, a term and its colon are enough ("（三）、“三公”经费：是与区级财政有经费…")
GLOSSED_RE = re.compile(r"^[\s（(]*[一二三四五六七八九十\d]*[、.．）)]{0,2}\s*(?P<term>[^：:，,。]{2,30}?)\s*[：:]")


def _defined_terms(term: str) -> set[str]:
    """The keys a defined term answers to: itself, and itself less the kind a 预算 or 决算
    glossary appends ("基本支出预算：是…为保障其机构正常运转…" defines 基本支出)."""
    key = match_key(term)
    return {key, key[:-2]} if len(key) >= 4 and key.endswith(("预算", "决算")) else {key}


def definition(doc: Document, term: str) -> Sentence | None:
    """The document's own definition of ``term`` ("十二、机关运行经费：指行政单位和…"), from its
    名词解释 first, else from any sentence defining it in those words."""
    key = match_key(term)
    found = [s for s in sentences(doc) if (m := DEFINES_RE.match(s.text) or "名词解释" in s.heading and GLOSSED_RE.match(s.text))
             and key in _defined_terms(m.group("term"))]
    return next((s for s in found if "名词解释" in s.heading), found[0] if found else None)


def stated_figure(doc: Document, names: list[str], label: str) -> Stated | None:
    """The one amount the narrative gives right after one of ``names`` for the document's own
    year; None when there is none or when sentences state different amounts."""
    found: list[Stated] = []
    names = [n for n in names if len(n) >= 4]
    for s in sentences(doc):
        for name in names:
            for m in re.finditer(re.escape(name) + f"({STATED_GAP})" + AMOUNT_RE.pattern, s.text):
                printed, unit = m.group(2), m.group(3)
                years = {int(y) for y in YEAR_IN_TEXT.findall(s.text[:m.start()])}
                if unit not in YUAN_PER_UNIT or years - {doc.year}:
                    continue
                found.append(Stated(doc, s, printed, unit, label))
    values = {(parse_amount(f.printed) or 0) * YUAN_PER_UNIT[f.unit] for f in found}
    return found[0] if len(values) == 1 else None
