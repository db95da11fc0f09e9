"""A share or a multiple said in everyday money: "每100块钱里有多少是财政拨款给的", "按十块钱算，有
几块是财政拨款", "十块钱里有几块是人员经费" (a part's share of a whole, said per 100 or 10 yuan), and
"基本支出每花1块钱，项目支出对应花几块" (one figure over another, said per yuan).

The question is asked plainly (a share, "有百分之多少是…"; a multiple, "项目支出是基本支出的几倍"),
answered with its cells cited, and the result said per that many yuan: the documents print no
such figure, so the headline is the share or multiple worked into yuan, with its formula.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from core.text import parse_amount
from qa.answers import fmt
from qa.model import ANSWERED, NOT_FOUND, Answer, Figure

BASES = {"1": 1, "一": 1, "10": 10, "十": 10, "一十": 10, "100": 100, "百": 100, "一百": 100, "1000": 1000, "一千": 1000}
BASE = "|".join(sorted((said for said, yuan in BASES.items() if yuan > 1), key=len, reverse=True))  # (not 1: a share per yuan)
SPENT = r"(?:花|用|支出|花掉|用掉|收|收入|进)?了?(?:的)?"
# "每100块钱里有多少是…", "每花100块钱，大概有多少是花在…上的", "按十块钱算，有几块是…", "十块钱里有几块是…":
# the part is said after, the whole before
PER_BASE_RE = re.compile(rf"(?:(?:每|按(?:照)?){SPENT}(?P<base>{BASE})(?:块|元)钱?(?:来)?(?:算|计)?(?:里面?|中|当中|之中|里头)?"
                         rf"|(?:^|(?<=[，,。；;\s]))(?P<bare>{BASE})(?:块|元)钱?(?:里面?|中|当中|之中|里头))"
                         r"[，,]?(?:平均|大概|大约|差不多)?(?:就|能)?有?(?:多少钱?|几块钱?|几元)(?=[是用花给来拿属])")
# "基本支出每花1块钱，项目支出对应花几块", "政协每花100块，省委办大概花多少": the second figure over the
# first, per that many yuan of the first
PER_YUAN_OF_RE = re.compile(rf"(?P<first>[^，,。？?；;]+?)每(?:花|用|支出|安排|投入)?了?(?P<base>1|一|{BASE})(?:块|元)钱?[，,]?"
                            r"(?P<second>[^，,。？?；;]+?)(?:对应|相应|相对应|就|要|得|会)?(?:地)?(?:大概|大约|差不多|约)?"
                            r"(?:花|用|支出|安排|投入)?了?(?:多少钱?|几块钱?|几元)")


@dataclass(frozen=True)
class PerYuan:
    plain: str  # the question asked as a share or a multiple
    base: int  # the yuan the share is said per (100, 10), or 1 for a multiple
    multiple: bool


def per_yuan(text: str) -> PerYuan | None:
    """The share or multiple a question says in everyday money, None where it says none."""
    if (m := PER_YUAN_OF_RE.search(text)) is not None:
        first, second = m.group("first").strip(), m.group("second").strip()
        return PerYuan(f"{text[:m.start()]}{second}是{first}的几倍{text[m.end():]}", BASES[m.group("base")], True)
    if (m := PER_BASE_RE.search(text)) is not None:
        spent = "支出" if re.search(r"[花用]", m.group(0)) and not re.search(r"收|进", m.group(0)) else ""
        return PerYuan(f"{text[:m.start()]}{spent}有百分之多少{text[m.end():]}", BASES[m.group("base") or m.group("bare")], False)
    return None


def per_yuan_answer(asked: PerYuan, found: Answer) -> Answer:
    """The plain answer with its share or multiple said per ``asked.base`` yuan first. Where the
    plain question found no share (or multiple), no figure is given: an amount of the part alone
    is not what was asked."""
    head = found.figures[0] if found.status == ANSWERED and found.figures else None
    if head is None or head.unit != ("倍" if asked.multiple else "%") or (ratio := parse_amount(head.value)) is None:
        if found.status != ANSWERED:
            return found
        return replace(found, status=NOT_FOUND, figures=[], items=[], verdict=None,
                       answer=f"问的是每{asked.base}元中有多少，没有找到能算出它的比例。找到的是：{found.answer}")
    worked = asked.multiple and len(found.figures) >= 3 and found.figures[1].value_yuan and found.figures[2].value_yuan and \
        abs(found.figures[1].value_yuan / found.figures[2].value_yuan - ratio) < 0.01
    if worked:  # (unrounded, from the two figures it is worked from: 508.20 ÷ 660.10, not 0.77)
        ratio = found.figures[1].value_yuan / found.figures[2].value_yuan
    amount = ratio * asked.base / (1 if asked.multiple else 100)
    shown = fmt(round(amount, 2), 2)
    formula = (f"{found.figures[1].value} ÷ {found.figures[2].value} × {asked.base}元" if worked
               else f"{head.value}倍 × {asked.base}元" if asked.multiple else f"{head.value}% × {asked.base}元")
    label = f"每{asked.base}元{head.label}对应" if asked.multiple else f"每{asked.base}元中{head.label}"
    figure = Figure(shown, "元", amount, label, head.department, head.year, derived=True, formula=f"{formula} = {shown}元")
    said = (f"每{asked.base}元对应约{shown}元（{formula}）。" if asked.multiple else
            f"每{asked.base}元中约有{shown}元（占{head.value}%{'' if asked.base == 100 else f'，{formula}'}）。")
    return replace(found, answer=said + found.answer, figures=[figure, *found.figures],
                   notes=[f"计算：{figure.formula}", *found.notes])
