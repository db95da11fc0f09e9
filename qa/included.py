"""A part said to be counted in ("殡葬这一项连经营支出在内一共支出了多少"): where the part is one of
the measures a table's total column adds up (基本支出, 项目支出, 经营支出 … of 支出决算表), the row's
total already counts it, so the question is the row's total; read as a second figure to add, the
part's own column would be summed with a department-wide figure of the same name.
"""
from __future__ import annotations

import re

from core.concepts import lexicon
from core.text import EXCLUDING_WORDS
from core.vocab import has_cue

COUNTED_IN_RE = re.compile(r"(?:连同?|包括|包含|含|算上|加上)(?P<part>[^，,。？?、\s]{2,10}?)(?:也)?(?:算)?在内的?")


def _measures_named(words: str) -> list[str]:
    """The concepts the words name that are a column of some table's total row (measures:
    基本支出, 项目支出, 经营支出), not only rows of their own (离休费); not the words that ask for a
    total ("一共支出")."""
    return [m.concept.name for m in lexicon().concepts_in(words) if not m.generic
            and any(f.column is not None and f.row is not None and f.row.search("合计") for f in m.concept.finds)]


def without_measure_counted_in(question: str) -> str | None:
    """The question without its "连…在内" where what it counts in is a measure and the rest asks
    no measure of its own ("基本支出连项目支出在内" is the two added); else None."""
    m = COUNTED_IN_RE.search(question)
    if m is None or len(_measures_named(m.group("part"))) != 1:
        return None
    rest = question[:m.start()] + question[m.end():]
    return None if _measures_named(rest) else rest


PART_IN_BRACKETS_RE = re.compile(rf"[（(](?:{EXCLUDING_WORDS})(?P<part>[^）)]{{2,12}})[）)]")


def part_in_brackets_set_aside(question: str) -> str | None:
    """"三公经费（不含公务接待费）是多少": a bracket taking a part off the whole named before it,
    said as the aside the rest of the reading knows ("三公经费不算公务接待费的话是多少"); None where
    the bracket names no part of it (a reminder of what the figure leaves out anyway: "“三公”经费
    （不含会议费、培训费）")."""
    m = PART_IN_BRACKETS_RE.search(question)
    if m is None:
        return None
    wholes = lexicon().concepts_in(question[:m.start()])
    parts = lexicon().concepts_in(m.group("part"))
    if not wholes or len(parts) != 1 or not wholes[-1].concept.contains(parts[0].concept.name):
        return None
    return f"{question[:m.start()]}不算{m.group('part')}的话{question[m.end():]}"


PARTS_IN_BRACKETS_RE = re.compile(r"[（(](?P<parts>[^）)]{4,40})[）)]")


def without_parts_told(question: str) -> str | None:
    """"“三公”经费（因公出国、公务用车、公务接待三项合起来）…": a bracket naming the parts of the
    figure named before it tells what the figure is, asks nothing more; the question without it
    (else None)."""
    m = PARTS_IN_BRACKETS_RE.search(question)
    if m is None or re.match(rf"(?:{EXCLUDING_WORDS}|含|包括)", m.group("parts")):
        return None  # (what a bracket leaves out or takes in is read by the aside's rules)
    wholes = lexicon().concepts_in(question[:m.start()])
    parts = [p for p in lexicon().concepts_in(m.group("parts")) if not p.generic]
    if not wholes or len(parts) < 2 or not all(wholes[-1].concept.contains(p.concept.name) for p in parts):
        return None
    return question[:m.start()] + question[m.end():]


# whether there is more than the part named, asked after a breakdown of its whole ("…收入都是从哪来的？
# 除了财政拨款还有别的吗"): the breakdown lists every part
OTHERS_ASKED_RE = re.compile(r"[？?]\s*(?:那)?除(?:了|去)?[^，,。？?]{1,12}?(?:以外|之外)?[，,]?还有(?:没有)?(?:别的|其他|其它)"
                             r"[^，,。？?]{0,6}?(?:吗|么|没有|不)?[？?]?\s*$")


def without_others_asked_after_breakdown(question: str) -> str | None:
    """The breakdown asked first, without the question after it of whether there is more than the
    part it names (else None)."""
    m = OTHERS_ASKED_RE.search(question)
    if m is None or not has_cue("breakdown", question[:m.start()]):
        return None
    return question[:m.start() + 1]


# a blank cell's explanation asked after its figure ("…是多少？表中该格为空，文件对此如何说明？"): the
# figure's own answer quotes what the document says of a blank (its note, its sentence)
BLANK_EXPLAINED_RE = re.compile(r"[，,？?。\s]*(?:表中|表里)?(?:该格|这一?格|这一?栏|该栏|这个格子?)(?:是|为)?空(?:的|白|着)?[，,]?"
                                r"(?:文件|原文|说明)?(?:里|中)?(?:对此|对这)?(?:是)?(?:如何|怎么|怎样)(?:说明|解释|说)的?[？?。]*$")


def without_blank_explanation_asked(question: str) -> str | None:
    """The question without its trailing "表中该格为空，文件对此如何说明" (else None)."""
    m = BLANK_EXPLAINED_RE.search(question)
    return question[:m.start()] if m and m.start() >= 2 else None
