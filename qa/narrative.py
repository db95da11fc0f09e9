"""Sentences of a document's narrative: quoted as answers, and read to confirm or question a
table figure ("因公出国（境）费支出0万元" says a blank cell is zero)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.lexical import tokenize
from ingest.model import Document
from ingest.numbers import match_key, parse_amount

SENTENCE_RE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
AMOUNT_RE = re.compile(r"(?<![\d.])(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元|辆|个|人次|人|批次|%|分|台[（(]套[）)]|台|套|家)")
MIN_SENTENCE_SCORE = 0.4  # share of the question's words a quoted sentence must contain
ASKED_UNIT = [(re.compile(r"百分之|百分比|比例|占比|%|增长率|下降率|完成.{0,4}预算"), "%"),
              (re.compile(r"几辆|多少辆|车辆数|公车.{0,4}(多少|几)"), "辆"), (re.compile(r"几个|多少个"), "个"),
              (re.compile(r"多少人|几人|人数"), "人"), (re.compile(r"多少分|几分|得分|打了多少分"), "分"),
              (re.compile(r"几台|多少台|几套|多少套"), "台（套）"),
              (re.compile(r"资金|经费|金额|钱|费|多少万|支出|收入|预算|减少|增加|下降|增长"), "money")]
CHANGE_WORDS = re.compile(r"增加|减少|下降|增长|上升|多|少")
ZERO_RE = re.compile(r"(?<![\d.])0(?:\.0+)?\s*(?:万元|元)|无此(?:项)?(?:支出|收入|经费)|没有.{0,6}(?:支出|经费)|为零|为0")
REASON_CUES = re.compile(r"主要原因|原因是|主要用于|用于|主要包括|主要是|由于|因为")


@dataclass
class Sentence:
    text: str
    section_seq: int
    heading: str
    page: int | None
    line: int | None
    _tokens: frozenset[str] | None = None

    @property
    def tokens(self) -> frozenset[str]:
        if self._tokens is None:
            self._tokens = frozenset(tokenize(self.text))
        return self._tokens


FOLLOWS_ON = re.compile(r"^(主要原因|原因是|主要是|这是因为|其中)")


_CACHE: dict[str, list[Sentence]] = {}


def sentences(doc: Document) -> list[Sentence]:
    """Sentences of the narrative; one that only gives the reason for the one before it
    ("…下降62.3%。主要原因是…") is kept with it, since neither answers alone. Cached per
    document (content-addressed ids never go stale), tokens computed once."""
    if doc.doc_id in _CACHE:
        return _CACHE[doc.doc_id]
    out: list[Sentence] = []
    for si, section in enumerate(doc.sections):
        heading = " > ".join(section.heading_path)
        for m in SENTENCE_RE.finditer(section.text):
            text = m.group(0).strip()
            if len(text) < 4:
                continue
            if out and out[-1].section_seq == si and FOLLOWS_ON.match(text):
                out[-1] = Sentence(out[-1].text + text, si, heading, out[-1].page, out[-1].line)
            else:
                out.append(Sentence(text, si, heading, section.page, section.line))
    if doc.doc_id:
        _CACHE[doc.doc_id] = out
    return out


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
        _KEYS[doc.doc_id] = "\n".join(match_key(s.text) for s in sentences(doc))
    return _KEYS[doc.doc_id]


def zero_statement(doc: Document, words: list[str]) -> Sentence | None:
    """A sentence saying the named item is zero or absent, with the amount right after the name."""
    for s in sentences(doc):
        key = match_key(s.text)
        for w in words:
            k = match_key(w)
            pos = key.find(k)
            if k and pos >= 0 and ZERO_RE.search(key[pos + len(k):pos + len(k) + 14]):
                return s
    return None


def rank_sentences(question: str, candidates: list[Sentence], want_reason: bool,
                   want_amount: bool = False) -> list[tuple[float, Sentence]]:
    """Sentences scored by the share of the question's words (weighted by length) they contain,
    with a bonus for a stated reason when the question asks why, or for an amount when it asks
    how much (definitions in 名词解释 then count less: they name the concept, not its value)."""
    q_tokens = {t for t in tokenize(question) if t not in QUESTION_WORDS}
    total = sum(len(t) for t in q_tokens) or 1
    scored = []
    for s in candidates:
        overlap = sum(len(t) for t in q_tokens & s.tokens) / total
        if not overlap:
            continue
        score = overlap + (0.25 if want_reason and REASON_CUES.search(s.text) else 0)
        if want_amount:
            score += 0.25 if AMOUNT_RE.search(s.text) else 0
        score -= 0.3 if "名词解释" in s.heading else 0  # a definition is neither a figure nor a reason
        scored.append((score, s))
    return sorted(scored, key=lambda x: -x[0])


QUESTION_WORDS = {"为什么", "为啥", "什么", "怎么", "怎么样", "如何", "多少", "几个", "哪些", "哪个", "是不是", "有没有",
                  "主要", "情况", "呢", "吗", "一下", "花", "钱"}


def best_amount(question: str, sentence: str) -> tuple[str, float, str] | None:
    """The amount in a quoted sentence that answers the question: of the unit asked for, and
    the one whose preceding words the question shares most."""
    found = [(m.group(1), parse_amount(m.group(1)), m.group(2), m.start()) for m in AMOUNT_RE.finditer(sentence)]
    found = [f for f in found if f[1] is not None]
    if not found:
        return None
    want = next((unit for pattern, unit in ASKED_UNIT if pattern.search(question)), None)
    if want == "money":
        found = [f for f in found if f[2] in ("万元", "元", "亿元")] or found
    elif want:
        found = [f for f in found if match_key(f[2]) == match_key(want)] or found
    q_chars = set(match_key(question))
    change = bool(CHANGE_WORDS.search(question))

    def fit(f):
        before, after = sentence[max(0, f[3] - 8):f[3]], sentence[f[3] + len(f[0]) + len(f[2]):][:10]
        follows_change = change and bool(re.search(r"(增加|减少|下降|增长|上升)$", before.rstrip()))
        return (follows_change, len(q_chars & set(match_key(before + after))), -f[3])

    best = max(found, key=fit)
    return best[0], best[1], best[2]
