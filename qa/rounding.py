"""A figure asked rounded or said roughly ("取个整数", "大概多少万", "四舍五入到百万元", "多少亿，保留两
位小数"): the printed figure stays the answer, with its citation; the rounded form is said beside it,
in the unit and to the place asked, so that nobody takes a rounded figure for a printed one."""
from __future__ import annotations

import math
import re
from dataclasses import replace

from core.model import YUAN_PER_UNIT
from core.text import chinese_number, format_amount, parse_amount
from qa.model import ANSWERED, Answer

# a figure asked rounded or roughly (also what keeps such a remark after the question a part of it)
ROUNDING_ASKED_RE = re.compile(r"取(?:个)?整(?:数)?|四舍五入|保留[一二两三四\d]位小数|精确到|(?:大概|大约|大致|约)(?:是|有)?多少(?:个)?(?:亿|万)")
# how the answer is to be rounded, said as a clause of its own ("保留一位小数说个大概", "取个整数就行",
# "四舍五入到百万元"): nothing to look up (``rounded_as_asked`` says the rounded form; the plan's ``typed``
# keeps it for the routes that round what they compute)
ROUNDING_CLAUSE_RE = re.compile(r"[，,、]?\s*(?:保留[一二两三四\d]位小数|四舍五入(?:到|至)?(?:百万|千万|万|亿|个位|整数)?元?|精确到(?:元|分|角|个位|万元)|"
                                r"取个?整数?(?:到(?:百万|千万|万|亿)?元?)?)(?:说个大概|就行了?|就好|即可|就可以了?)?")
# the decimals asked ("保留两位小数", "精确到小数点后一位"), or none ("四舍五入到元", "取整")
DECIMALS_RE = re.compile(r"(?:保留|小数点后)([一二两三四\d])位(?:小数)?|(?:四舍五入|精确|取整)(?:到|至)(?:元|整数|个位)|取整")
# the unit the rounded figure is wanted in ("大概多少万", "四舍五入到亿", "取整到万元", "几个亿"), and a
# coarser step of it ("到百万元": hundreds of 万): said after a word that asks or sets the unit, or as
# 万元 / 亿元 (a place name's 万, "万里街道", is neither)
UNIT_ASKED_RE = re.compile(r"(?P<lead>多少|几个?|到|至|成|为)?(?P<step>百|千)?(?P<unit>亿|万)(?P<yuan>元)?")
STEPS = {"百": 100, "千": 1000}
EACH_RE = re.compile(r"各|分别|每一?项")


def rounded_as_asked(question: str, answer: Answer) -> Answer:
    """The answer with its money figure (or, asked of each, every part it lists) said rounded as
    the question asks; unchanged where nothing is asked rounded or nothing is money."""
    if answer.status != ANSWERED or not ROUNDING_ASKED_RE.search(question):
        return answer
    unit, step = unit_asked(question)
    if re.search(r"(?:精确|四舍五入|取整)(?:到|至)(?:元|分|个位)(?!数)", question):
        unit, step = "元", 1  # ("精确到元": 5000元 of 0.50万元)
    places = places_asked(question)
    if places is None and re.search(r"(?:精确|四舍五入)(?:到|至)分", question):
        places = 2
    elif places is None and re.search(r"四舍五入|取个?整", question):
        places = 0  # (only "大概多少亿" leaves the places to the figure's size)
    shown = [(i.label, i.value, i.unit) for i in answer.items] if EACH_RE.search(question) and answer.items else \
        [(f.label, f.value, f.unit) for f in answer.figures[:1]]
    # (a figure already printed or worked to the place asked is not said again)
    said = [f"{label}约{form}" if len(shown) > 1 else f"约{form}" for label, value, figure_unit in shown
            if (form := _rounded(value, figure_unit, unit, step, places)) and form != f"{value.replace(',', '')}{figure_unit}"]
    if not said:
        return answer
    return replace(answer, answer=f"{answer.answer}按要求四舍五入：{'；'.join(said)}（约数；原文印的数见上）。")


# a fall asked as a negative number ("减少的话请用负数表示", "下降的写成负数")
# (or a signed change asked by its accountants' name, "同比增减额")
NEGATIVE_ASKED_RE = re.compile(r"负数|负号|负值|(?:前面|前)?加(?:个)?(?:负号|减号)|增减额|增减数")
FALL_LABEL_RE = re.compile(r"减少|下降|降低|压减|缩减|少了")


def signed_as_asked(question: str, answer: Answer) -> Answer:
    """The headline fall said as a negative number where the question asks so: a stated decrease
    ("比上年减少4260.95万元") is −4260.95; the printed figure stays in the text."""
    if answer.status != ANSWERED or not answer.figures or not NEGATIVE_ASKED_RE.search(question):
        return answer
    head = answer.figures[0]
    if head.value.startswith("-") or not FALL_LABEL_RE.search(head.label) or not parse_amount(head.value):
        return answer
    signed = replace(head, value=f"-{head.value}", value_yuan=None if head.value_yuan is None else -head.value_yuan)
    return replace(answer, answer=f"{answer.answer}按要求以负数表示：-{head.value}{head.unit}。", figures=[signed, *answer.figures[1:]])


def unit_asked(question: str) -> tuple[str, int]:
    """The unit a rounded figure is wanted in ("" where none is said) and the step of it (100 for
    "到百万元"): said beside the ask, a coarser step first ("大概多少万？四舍五入到百万元")."""
    units = [m for m in UNIT_ASKED_RE.finditer(question) if m.group("lead") or m.group("yuan")]
    said = next((m for m in units if m.group("step")), units[-1] if units else None)
    if said is None:
        return "", 1
    return {"亿": "亿元", "万": "万元"}[said.group("unit")], STEPS.get(said.group("step") or "", 1)


def places_asked(text: str) -> int | None:
    """The decimals the question asks its answer rounded to ("保留两位小数": 2, "四舍五入到元": 0), or None."""
    rounding = DECIMALS_RE.search(text)
    if rounding is None or rounding.group(1) is None:
        return None if rounding is None else 0
    said = rounding.group(1)
    return int(said) if said.isdigit() else chinese_number(said.replace("两", "二"))


def _rounded(printed: str, unit: str, wanted: str, step: int, places: int | None) -> str:
    """The printed amount in the unit wanted (its own where none is), to ``places`` decimals or
    to a multiple of ``step``; "" for a figure that is no money. Said roughly with no place asked
    ("大概多少亿"), it keeps two figures (2.7664亿 → 2.8亿, not 3亿; 8406.85万 → 8407万)."""
    value = parse_amount(printed)
    if value is None or unit not in YUAN_PER_UNIT:
        return ""
    wanted = wanted or unit
    amount = value * YUAN_PER_UNIT[unit] / YUAN_PER_UNIT[wanted]
    if places is None:
        places = 0 if abs(amount) >= 10 or not amount else min(4, 1 - math.floor(math.log10(abs(amount))))
    amount = round(amount / step) * step if step > 1 else round(amount, places)
    return f"{format_amount(amount, places if step == 1 else 0).replace(',', '')}{wanted}"
