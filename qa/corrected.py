"""A question the asker corrects while typing it ("三公经费，哦不对，是公务接待费，花了多少",
"23年的……不，24年的301工资福利支出", "…有几个——我说错了，是2024年的"): the corrected words
take the place of the words they correct, and the question is read as corrected.

What the correction replaces follows from what it says: a year alone, or a year with nothing
named after it, replaces the year said before it; words naming a department, or "其中…" narrowing
what was said, are left to the question's own reading (another body asked as a follow-up of what
is withdrawn; the part asked within the whole); words starting with a
year of their own replace all that followed the department; other words replace all that
followed the department and its year. A correction closed by a dash ("按用途——不，按功能分类——
分成哪几类") is followed by the rest of the question.
"""
from __future__ import annotations

import re
from typing import Callable

# a pause, then the words that take back what was just said (a bare 不 only before a pause:
# "……不，24年的"; never the 不对 of "对不对")
CORRECTION_RE = re.compile(r"(?:——|—|…+|[，,。；;！!]|\s)\s*(?:哦|噢|啊|呃|嗯)?\s*"
                           r"(?:(?:不对|说错了|我说错了|搞错了|打错了|写错了|口误|更正一下)[，,。！!：:]?|不[，,])\s*"
                           r"(?:我想问的是|我要问的是|我是想问|我想问|应该是|我是说|是)?[，,]?\s*")
# the dash that closes a correction said in the middle ("按用途——不，按功能分类——分成哪几类")
CLOSING_RE = re.compile(r"——|—")
YEAR_WORD_RE = re.compile(r"(?:(?:19|20)?\d{2}|[二〇零一三四五六七八九]{2,4})\s*年度?")

# what narrows the item said before rather than replacing it ("我想问的是其中行政单位那部分")
WITHIN_RE = re.compile(r"其中|里面|里的|当中")

# a correction that says a year and nothing more ("——我说错了，是2024年的。")
YEAR_ONLY_RE = re.compile(rf"{YEAR_WORD_RE.pattern}(?:的)?[。？?！!，,]*")


def corrected(text: str, departments_said: Callable[[str], list[str]], names_item: Callable[[str], bool]) -> str | None:
    """The question as corrected, or None where it corrects nothing (or what it corrects cannot
    be told). ``departments_said`` gives the words of a text that name departments;
    ``names_item`` whether a text names an item (a concept or a row)."""
    m = CORRECTION_RE.search(text)
    if m is None or m.start() == 0:
        return None
    before, after = text[:m.start()], text[m.end():]
    closing = CLOSING_RE.search(after)
    said, rest = (after[:closing.start()], after[closing.end():]) if closing else (after, "")
    said = said.strip()
    if not said:
        return None
    years = list(YEAR_WORD_RE.finditer(before))
    if YEAR_ONLY_RE.fullmatch(said):  # "…有几个——我说错了，是2024年的"
        if not years:
            return None
        year = years[-1]
        return before[:year.start()] + YEAR_WORD_RE.match(said).group() + before[year.end():] + rest
    if departments_said(said):  # "阳泉民政局24年三公经费多少，哦不对，我想问临汾民政局19年的": another body
        return None  # asked as a follow-up of what is withdrawn (the engine's own reading of the message)
    if WITHIN_RE.match(said):  # "机关运行经费多少，哦不对，我想问的是其中行政单位那部分": a part of
        return None  # what was said, which the question read whole already asks
    own_year = YEAR_WORD_RE.match(said)
    if own_year and years and not names_item(said[own_year.end():]):
        # "2018年的项目支出，哦不对，是2019年的，多少": the year, the item kept
        year = years[-1]
        return before[:year.start()] + own_year.group() + before[year.end():] + said[own_year.end():] + rest
    if own_year:  # "23年的……不，24年的301工资福利支出…": from the year on, as corrected
        lead = before[:years[0].start()] if years else _department_lead(before, departments_said)
    else:  # "19年三公经费，哦不对，是公务接待费": the thing after the department and year
        lead = before[:years[-1].end()] if years else _department_lead(before, departments_said)
    return None if lead is None else lead + said + rest


def _department_lead(text: str, departments_said: Callable[[str], list[str]]) -> str | None:
    """The text up to the end of the last department name it says, None where it says none."""
    ends = [text.find(name) + len(name) for name in departments_said(text) if name in text]
    return text[:max(ends)] if ends else None
