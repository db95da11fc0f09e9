"""Sentences of a document's narrative: quoted as answers, and read to confirm or question a
table figure ("因公出国（境）费支出0万元" says a blank cell is zero)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.lexical import tokenize
from ingest.model import Document
from ingest.numbers import match_key, parse_amount

SENTENCE_RE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
AMOUNT_RE = re.compile(r"(?<![\d.])(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元|辆|个|人|%)")
ZERO_RE = re.compile(r"(?<![\d.])0(?:\.0+)?\s*(?:万元|元)|无此(?:项)?(?:支出|收入|经费)|没有.{0,6}(?:支出|经费)|为零|为0")
REASON_CUES = re.compile(r"主要原因|原因是|主要用于|用于|主要包括|主要是|由于|因为")


@dataclass
class Sentence:
    text: str
    section_seq: int
    heading: str
    page: int | None
    line: int | None


def sentences(doc: Document) -> list[Sentence]:
    out = []
    for si, section in enumerate(doc.sections):
        heading = " > ".join(section.heading_path)
        for m in SENTENCE_RE.finditer(section.text):
            text = m.group(0).strip()
            if len(text) >= 4:
                out.append(Sentence(text, si, heading, section.page, section.line))
    return out


def amounts(text: str) -> list[tuple[str, float, str]]:
    """(printed, value, unit) for each amount in a sentence."""
    return [(m.group(1), parse_amount(m.group(1)), m.group(2)) for m in AMOUNT_RE.finditer(text)
            if parse_amount(m.group(1)) is not None]


def mentions(sentence: str, words: list[str]) -> bool:
    key = match_key(sentence)
    return any(match_key(w) in key for w in words if w)


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


def rank_sentences(question: str, candidates: list[Sentence], want_reason: bool) -> list[tuple[float, Sentence]]:
    """Sentences by overlap with the question's words (rarer words count more), favouring
    stated reasons when the question asks why."""
    q_tokens = set(tokenize(question))
    scored = []
    for s in candidates:
        tokens = set(tokenize(s.text))
        overlap = sum(len(t) for t in q_tokens & tokens)
        if not overlap:
            continue
        score = overlap + (4 if want_reason and REASON_CUES.search(s.text) else 0)
        scored.append((score, s))
    return sorted(scored, key=lambda x: -x[0])
