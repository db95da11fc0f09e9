"""Answers composed from other answers, each part asked through the engine's router as if asked
alone: the gap between two shares in percentage points, a why whose premise (a rise, a fall) the
figures contradict, how many 科目 fit, a count with the money that buys it, and "X下面那个其他"
read as a 科目 code. ``route`` is the engine's: a plan and its documents to an answer."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable

from core.concepts import lexicon
from core.text import match_key, parse_amount
from qa.answers import finish, fmt
from qa.context import Library
from qa.documents import documents
from qa.lookup import row_name
from qa.model import ANSWERED, LOOKUP, Answer, Figure
from qa.routes.compare import change_on_year_before
from qa.routes.stated import matching_facts, stated_citation
from qa.routes.structure import structure_answer
from qa.understand import QueryPlan, understand

Route = Callable[[QueryPlan, list], Answer]


# a gap between two shares in percentage points ("人员经费的占比比公用经费高几个百分点",
# "项目支出占总支出的比例，比18年高了几个百分点"): what the share is set against is said after 比
POINTS_RE = re.compile(r"[，,]?(?<!占)比(?P<other>[^，,。？?]{1,10}?)(?:高|低|多|少|增加|减少|上升|下降|提高|降低)了?(?:几|多少)个?百分点")
SHARE_SAID_RE = re.compile(r"占比|比例|比重|占")


def points(lib: Library, q: QueryPlan, route: Route) -> Answer | None:
    """The gap between two shares in percentage points: each share answered as if asked on its
    own (the document's stated share, or one computed from two cells, each cited), then the one
    less the other. The other side is a year ("比18年") or another item ("比公用经费")."""
    m = POINTS_RE.search(q.text)
    if m is None:
        return None
    asked = q.text[:m.start()]
    asked = asked if SHARE_SAID_RE.search(asked) else asked + "占比"
    first = understand(asked, lib)
    other_year = lib.resolver.years_in(m.group("other"), lib.latest_year)
    if other_year:
        second = replace(first, years=other_year[:1])
    else:
        words = [x.word for x in lexicon().concepts_in(asked) if not x.generic] or first.rows
        if len(words) != 1 or not lexicon().concepts_in(m.group("other")) and not lib.row_names_in(m.group("other")):
            return None
        second = understand(asked.replace(words[0], m.group("other").removesuffix("的")), lib)
    shares = []
    for plan in (first, second):
        docs, problem = documents(lib, plan)
        found = route(plan, docs) if problem is None and plan.operation == "share" else None
        share = next((f for f in found.figures if f.unit == "%"), None) if found and found.status == ANSWERED else None
        if share is None or parse_amount(share.value) is None:
            return None
        shares.append((found, share))
    (a_found, a), (b_found, b) = shares
    gap = round(parse_amount(a.value) - parse_amount(b.value), 2)
    text = (f"{a_found.answer.rstrip('。')}；{b_found.answer.rstrip('。')}。两者相差{fmt(abs(gap), 2)}个百分点"
            f"（{a.value}% − {b.value}% = {fmt(gap, 2)}个百分点），前者{'高' if gap >= 0 else '低'}。")
    head = Figure(fmt(gap, 2), "个百分点", None, f"{a.label}与{b.label}之差", a.department, a.year, derived=True,
                  formula=f"{a.value} − {b.value} = {fmt(gap, 2)}")
    return finish(q, text, [head, a, b], a_found.citations[:3] + b_found.citations[:3], a_found.notes + b_found.notes,
                  {gap, abs(gap)} | {parse_amount(f.value) or 0 for f in a_found.figures + b_found.figures}, LOOKUP)


# "抚恤里面那个其他支出", "民政管理事务下面那个“其他”": the 科目 a 款 files as its 其他 (code 99)
OTHER_UNDER_RE = re.compile(r"(?:里面|里边|里头|下面|下边|底下|之下|当中|中|里)的?(?:那个|那项|那一项)?[“\"]?其他[”\"]?(?:的|支出)*")


def other_under(q: QueryPlan, docs: list) -> QueryPlan:
    """The plan with "X下面那个其他" read as the 科目 X files as its 其他 (its code + 99, the
    templates' place for 其他…支出), where one row named X has such a child; else as it was."""
    m = OTHER_UNDER_RE.search(q.text)
    if m is None or len(q.rows) < 2:
        return q
    parent = next((r for r in q.rows if match_key(q.text[:m.start()]).endswith(match_key(r))), None)
    codes = {row.code for d in docs for t in d.tables for row in t.rows if parent and row.code and row_name(row.label) == parent}
    children = {c + "99" for c in codes if len(c) in (3, 5)}
    if len(codes) != 1 or not any(row.code in children for d in docs for t in d.tables for row in t.rows):
        return q
    return replace(q, rows=[], codes=sorted(children), text=q.text[:m.start()] + q.text[m.end():])


# money asked at the end of a question that counts ("买了几辆新公车，花了多少钱")
MONEY_LAST_RE = re.compile(r"[，,]?[^，,。？?]*(?:多少钱|花了?多少)[？?。！!]*$")
GUESSED_RE = re.compile(r"吧[，,？?。]|吧$")  # "又买了几辆新公车吧": a guess, checked


def count_and_money(q: QueryPlan, docs: list, route: Route) -> Answer | None:
    """The money that buys what the question counts (公务用车购置费 for 购置车辆数, the vocabulary's
    ``counted_by``), then the count; a guess that some were bought, where none was, answered no."""
    counted = {c.name for c in q.concepts if c.counts}
    payers = [c for c in lexicon().concepts if c.counted_by in counted]
    if len(payers) != 1:
        return None
    payer = payers[0]
    money = route(replace(q, text=f"{payer.name}花了多少钱", rest=payer.name, concepts=[payer], operation="value",
                                 intent="figure", carried_units=()), docs)
    count = route(q.reworded(MONEY_LAST_RE), docs)
    if money.status != ANSWERED or count.status != ANSWERED or not money.figures or not count.figures:
        return None
    none_bought = count.figures[0].value_yuan == 0 or parse_amount(count.figures[0].value) == 0
    verdict = "no" if none_bought and GUESSED_RE.search(q.text) else None
    return replace(money, question=q.text, answer=f"{'没有。' if verdict else ''}{money.answer}{count.answer}",
                   figures=money.figures + count.figures, citations=money.citations + count.citations,
                   notes=money.notes + count.notes, verdict=verdict)


def items_counted(lib: Library, q: QueryPlan, docs: list) -> Answer | None:
    """How many 科目 (at the level asked, above the amount asked) have a figure: the ranking of
    them, each cited, with its count leading."""
    ranked = structure_answer(lib, replace(q, operation="rank"), docs)
    if ranked is None or ranked.status != ANSWERED or not ranked.items:
        return None
    items = [i for i in ranked.items if i.value_yuan and (q.above is None or i.value_yuan > q.above)]
    head = Figure(str(len(items)), "个", None, "科目数", ranked.figures[0].department if ranked.figures else "",
                  ranked.figures[0].year if ranked.figures else None, derived=True, formula="逐项计数")
    text = f"{f'共{len(items)}个' if items else '没有'}。{ranked.answer}"
    answer = finish(q, text, [head], ranked.citations, ranked.notes,
                    {float(len(items))} | {i.value_yuan for i in ranked.items if i.value_yuan} |
                    ({q.above, q.above / 1e4, q.above / 1e8} if q.above is not None else set()) |
                    {parse_amount(i.value) or 0 for i in ranked.items}, LOOKUP)
    answer.items = items
    return answer


# a why asked of a rise or a fall ("三公经费为啥涨了这么多", "怎么又降了"): the direction is its premise
PREMISE_RE = re.compile(r"(?:为啥|为什么|为何|怎么|咋)(?:会|又|还|一下子?|突然)*(?P<way>涨|增加|增长|上升|提高|多|降|减少|下降|减|少)了?"
                        r"(?:这么多|那么多|很多|不少|这么少|那么少)?")
RISE_WORDS = ("涨", "增", "上升", "提高", "多")


def premise_checked(lib: Library, q: QueryPlan, docs: list, route: Route) -> Answer | None:
    """A why asked of a rise (or a fall) that did not happen: said so, with the change the
    document states (or last year's document gives) and the year's own figure, instead of a
    reason quoted for what did not happen. None where the direction holds or no change is known."""
    m = PREMISE_RE.search(q.text)
    if m is None or not q.names_something or len({(d.department, d.year) for d in docs}) != 1:
        return None
    asked_rise = m.group("way").startswith(RISE_WORDS)
    plain = q.reworded(PREMISE_RE)  # "三公经费为啥涨了这么多" → 三公经费
    changed = replace(plain, operation="change", intent="figure")
    stated = [(doc, fact) for _, doc, fact in matching_facts(changed, docs)[:1] if fact.qualifier.startswith("比上年")]
    if stated:
        doc, fact = stated[0]
        rose = fact.qualifier == "比上年增加"
        said = f"{doc.department}{doc.year}年度{fact.subject}{fact.qualifier}{fact.value_text}{fact.unit}（原文：“{fact.sentence}”）"
        citations, notes, allowed = [stated_citation(doc, fact)], [], {fact.value}
    elif (computed := change_on_year_before(lib, changed, docs)) is not None and computed.figures[0].value_yuan:
        rose, said = computed.figures[0].value_yuan > 0, computed.answer.rstrip("。")
        citations, notes, allowed = computed.citations, computed.notes, set()
    else:
        return None
    if rose == asked_rise:
        return None
    level = route(replace(plain, intent="figure", operation="value"), docs)
    figures = level.figures if level.status == ANSWERED else []
    text = f"{'并没有上涨，而是下降了' if asked_rise else '并没有下降，而是增加了'}：{said}。" + \
        (level.answer if figures else "")
    answer = finish(q, text, figures, citations + (level.citations if figures else []), notes,
                    allowed | {abs(f.value_yuan or 0) for f in figures}, LOOKUP)
    answer.verdict = "no"
    return answer
