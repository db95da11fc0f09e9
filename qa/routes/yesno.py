"""Yes or no, with the cell that decides it: "有没有公车", "出国了吗" (a figure above zero or
not), "是不是比23年少了", "超过年初预算了吗" (the sign of a computed or stated change)."""
from __future__ import annotations

import re

from core.text import parse_amount
from qa.context import Library
from qa.model import ANSWERED, Answer
from qa.routes.compare import compare
from qa.routes.stated import stated_answer
from qa.routes.value import figure
from qa.understand import QueryPlan

LESS_RE = re.compile(r"少|低|减少|下降|降低|不到|没超|未超|节约|小于")
MORE_RE = re.compile(r"多|高|超过|超出|增加|增长|上升|大于|超支")


def yes_no(lib: Library, q: QueryPlan, docs) -> Answer | None:
    asks_direction = LESS_RE.search(q.text) or MORE_RE.search(q.text)
    if asks_direction and (q.compared_years or re.search(r"比|超过|超出|高于|低于|大于|小于|上年|去年", q.text)):
        return _direction(lib, q, docs)
    found, _ = figure(lib, q, docs)
    if found is None or not found.figures:
        found = stated_answer(lib, q, docs)
    if found is None or found.status != ANSWERED or not found.figures:
        return None
    value = parse_amount(found.figures[0].value)
    if value is None:
        return None
    return _verdict(found, value != 0, "有" if value else "没有")


def _direction(lib: Library, q: QueryPlan, docs) -> Answer | None:
    """Whether the figure went the way the question says: from a difference computed between
    two cells, else from a change the narrative states."""
    less = bool(LESS_RE.search(q.text))
    computed = compare(lib, q, docs)
    if computed is not None and computed.status == ANSWERED and computed.figures:
        diff = parse_amount(computed.figures[0].value)
        if diff is not None:
            return _verdict(computed, (diff < 0) if less else (diff > 0), None)
    stated = stated_answer(lib, _as_change(q), docs)
    if stated is not None and stated.status == ANSWERED and stated.figures:
        went_down = "减少" in stated.figures[0].label or "下降" in stated.figures[0].label
        return _verdict(stated, went_down == less, None)
    return None


def _as_change(q: QueryPlan) -> QueryPlan:
    from dataclasses import replace
    return replace(q, operation="change")


def _verdict(found: Answer, yes: bool, word: str | None) -> Answer:
    found.verdict = "yes" if yes else "no"
    lead = word or ("是" if yes else "不是")
    found.answer = f"{lead}。{found.answer}"
    return found
