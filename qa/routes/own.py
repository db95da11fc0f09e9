"""A figure the asker gives of their own body, set against a document's: "我们单位三公经费是8万元，
阳泉民政局24年比我们多多少？", "我们去年项目支出是500万，他们是我们的几倍？".

The asker's figure is taken as told (it is in no document, so it is said to be unchecked); the
document's figure is asked as its own question (the clause that names the asker's body left out,
the item and an explicit year carried over where the asking clause does not say them) and
answered with its citation; the difference, multiple or percentage is computed from the two.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from qa.model import Figure
from core.text import parse_amount
from qa.answers import fmt, yuan
from qa.model import ANSWERED, UNCLEAR, Answer

WE = r"(?:我们|咱们|俺们|我|咱)"
# the asker's own figure, a clause of its own: "我们单位三公经费是8万元", "我们单位一年三公经费预算80万元"
OWN_FIGURE_RE = re.compile(
    rf"(?:^|(?<=[，,。；;！!？?]))\s*{WE}(?P<said>(?:[^，,。；;？?！!\d]|\d{{2,4}}年){{0,30}}?)(?:是|为|有|花了|用了|大概|大约|约|共|一共|才)?"
    r"(?P<number>\d+(?:\.\d+)?)(?P<magnitude>亿|千万|百万|万|千)?(?P<unit>元|块钱|块)?(?:左右)?\s*[，,。；;]")
# where the asking clause sets the document's figure against the asker's ("比我们", "是我们的")
AGAINST_US_RE = re.compile(rf"(?P<reversed>{WE}(?:单位|局|这边)?(?:比|是))|(?:比|跟|和|与|同|是)?{WE}")
MULTIPLE_ASKED_RE = re.compile(r"几倍|多少倍|倍数")
PERCENT_ASKED_RE = re.compile(r"百分之(?:几|多少)|百分比|百分之")
DIFF_ASKED_RE = re.compile(r"多(?:了|出|出来)?多少|少(?:了)?多少|差(?:了)?多少|相差|差距|差额|高(?:了|出)?多少|低(?:了)?多少|多几|少几")
# the words of the asker's clause that say whose and when, not what ("单位", "今年", "24年")
OWN_BODY_RE = re.compile(r"^(?:单位|局|街道|院|养老院|部门|这边|家|公司|学校|医院|科室|机关|处|科)+")
TIME_WORD_RE = re.compile(r"今年|去年|明年|前年|一年|每年|全年|年度|\d{2,4}年")
EXPLICIT_YEAR_RE = re.compile(r"\d{2,4}年")
THEY_RE = re.compile(r"^(?:他们|她们|人家|对方|那边)")
MAGNITUDE = {"亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4, "千": 1e3, "": 1.0}


@dataclass(frozen=True)
class OwnFigure:
    amount: float  # in yuan
    said: str  # as the asker wrote it ("8万元")
    unit: str  # the unit to give a difference in (万元 where the asker said 万, else 元)
    operation: str  # "diff" | "multiple" | "percent"
    reversed: bool  # the asker's figure is the one set against the document's ("我们比他们少多少")
    question: str  # the document's figure, asked on its own


def own_figure(text: str, names_item) -> OwnFigure | None:
    """The asker's figure and what is asked of it (see module docstring), None where the
    question gives no figure of the asker's own or asks nothing computed from it. ``names_item``
    says whether a text names an item a figure could be of."""
    own = OWN_FIGURE_RE.search(text)
    if own is None:
        return None
    asking = text[own.end():].strip()
    against = AGAINST_US_RE.search(asking)
    if against is None or not asking:
        return None
    operation = "multiple" if MULTIPLE_ASKED_RE.search(asking) else "percent" if PERCENT_ASKED_RE.search(asking) else \
        "diff" if DIFF_ASKED_RE.search(asking) else ""
    if not operation:
        return None
    magnitude = own.group("magnitude") or ""
    amount = float(own.group("number")) * MAGNITUDE[magnitude]
    said = own.group("said")
    subject = THEY_RE.sub("", asking[:against.start()].rstrip("的是 "))
    item = TIME_WORD_RE.sub("", OWN_BODY_RE.sub("", said.strip()))
    if item and not names_item(subject):
        subject += item  # "阳泉民政局24年比我们多多少": the item the asker named of their own
    if (year := EXPLICIT_YEAR_RE.search(said)) and not EXPLICIT_YEAR_RE.search(subject):
        subject = year.group(0) + subject  # "我们单位24年…，阳泉市民政局比我们多多少": the same year
    shown = f"{own.group('number')}{magnitude}{own.group('unit') or '元'}"
    return OwnFigure(amount, shown, "万元" if magnitude == "万" else "亿元" if magnitude == "亿" else "元",
                     operation, bool(against.group("reversed")), f"{subject}是多少？")


def against_own(own: OwnFigure, found: Answer) -> Answer:
    """The document's answer with the asker's figure set against its headline, where that is an
    amount of money; the document's answer as it is otherwise."""
    head = found.figures[0] if found.status == ANSWERED and found.figures else None
    if head is None:
        return found  # (not found, unclear, or several rows listed: nothing to set against)
    theirs = yuan(parse_amount(head.value), head.unit)
    if theirs is None or own.amount <= 0:
        return replace(found, answer=f"文件中的数字是{head.value}{head.unit}，不是金额，无法与你给出的{own.said}相比。{found.answer}",
                       status=UNCLEAR, figures=[], missing=["与文件中数字同一单位的数"])
    first, second = (own.amount, theirs) if own.reversed else (theirs, own.amount)
    theirs_said = f"{head.department}{head.year or ''}{'年' if head.year else ''}的数字"
    first_said, second_said = ("你给出的数字", theirs_said) if own.reversed else (theirs_said, "你给出的数字")
    if own.operation == "diff":
        gap = abs(first - second) / MAGNITUDE[own.unit[:-1]]
        value, unit = fmt(round(gap, 2), 2), own.unit
        word = "多" if first > second else "少" if first < second else "一样多，相差"
        sentence = f"{first_said}比{second_said}{word}{value}{unit}"
        formula = f"{_shown(max(first, second))} − {_shown(min(first, second))}"
    elif own.operation == "multiple":
        value, unit = fmt(round(first / second, 2), 2), "倍"
        sentence = f"{first_said}是{second_said}的{value}倍"
        formula = f"{_shown(first)} ÷ {_shown(second)}"
    else:
        value, unit = fmt(round(first / second * 100, 2), 2), "%"
        sentence = f"{first_said}是{second_said}的{value}%"
        formula = f"{_shown(first)} ÷ {_shown(second)} × 100%"
    figure = Figure(value, unit, yuan(float(value), unit) if unit.endswith("元") else None,
                    f"{head.label}与你给出的{own.said}相比", head.department, head.year, derived=True,
                    formula=f"{formula} = {value}{unit}")
    text = (f"{sentence}（{formula}）。你给出的{own.said}不在公开文件中，按你说的数计算，未核对。"
            f"文件中的数字：{found.answer}")
    return replace(found, answer=text, figures=[figure, *found.figures], notes=[f"计算：{figure.formula}", *found.notes])


def _shown(amount_yuan: float) -> str:
    """An amount in 万元 as the sum is written out (the two sides in one unit)."""
    return f"{fmt(round(amount_yuan / 1e4, 2), 2)}万元"
