"""Budget against outturn, 科目 by 科目, as an auditor reads it: "哪几项决算数超过了预算数",
"执行率最低的是哪一项", "有没有年初预算是0却花了钱的科目", "哪几项决算和全年预算正好持平".

The national 部门决算 template states, in its 一般公共预算财政拨款支出决算具体情况 (and its 三公经费
section), each 科目's 年初预算 (or 全年预算) and 支出决算 in one sentence; the stated facts keep both,
so the 科目 are set side by side from the narrative, each sentence cited. A 部门预算 holds no
outturn: asked of one, the answer says so and gives no figure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from core.concepts import lexicon
from core.model import YUAN_PER_UNIT, Document, StatedFact
from core.text import match_key
from core.vocab import has_cue
from qa.answers import budgets_only, cite, finish, fmt, yuan
from qa.context import Library
from qa.model import LOOKUP, Answer, Figure, Item
from qa.routes.compare import plan_and_outturn
from qa.routes.stated import stated_citation
from qa.understand import RATE_ASKED_RE, QueryPlan

BUDGET = r"(?:全年|年初|调整后?的?)?预算(?:数)?"
OVER_RE = re.compile(rf"超(?:过|出)?了?{BUDGET}|超预算|超支|花超了|(?:决算|实际)(?:数|支出)?(?:大于|超过|高于|多于){BUDGET}")
UNDER_RE = re.compile(rf"没(?:有)?花完|未完成{BUDGET}|(?:决算|实际)(?:数|支出)?(?:小于|低于|少于){BUDGET}|(?:小于|低于|少于){BUDGET}")
LEVEL_RE = re.compile(r"持平|(?:正好|刚好|恰好)?(?:等于|相等|一样|一致)")
ZERO_BUDGET_RE = re.compile(rf"{BUDGET}(?:是|为|只有)?(?:0|零|空)(?:元|万元)?[^，,。？?]{{0,4}}(?:却|但|还|也)?(?:花|支出|用)|没有?(?:安排)?预算(?:却|但|还|也)(?:花|支出|用)")
# the 科目 whose outturn is furthest from its budget ("实际支出和全年预算差得最多", "偏离预算最大")
GAP_RANK_RE = re.compile(rf"(?:差得?|相差|差距|差额|偏离{BUDGET}?)(?:是)?最(?:多|大|远)")
RATE_RANK_RE = re.compile(rf"(?:执行率|完成率|执行得|完成得|完成{BUDGET}的?(?:比例|比率|程度|百分比)?)(?:是)?最(?P<most>低|高|差|好|少|多)")
# how the budget turned out, asked in words ("预算最后执行得怎么样", "完成了预算的百分之几"): the outturn
OUTTURN_ASKED_RE = re.compile(rf"执行得?(?:怎么样|怎样|如何|好不好)|执行情况|执行率|执行了(?:百分之|几成)|完成率|完成了?{BUDGET}的|决算实际|实际花了")
COUNTED_RE = re.compile(r"(?<!哪)(?:几|多少)(?:个)?(?P<unit>项|类|款|个)")  # the 科目 counted, not listed
CARRIED_OVER_RE = re.compile(r"结转|结余|留到|剩下")
WHICH_RE = re.compile(r"哪|几项|几个|几类|几款|有没有|是否有|有无|列出|什么科目|哪些")
WHOLE_SUBJECT_RE = re.compile(r"财政拨款支出$|^“三公”经费|^三公经费")
BUDGET_QUALIFIERS = ("全年预算", "年初预算", "调整预算", "预算")


@dataclass(frozen=True)
class Executed:
    """One 科目's budget and outturn as one sentence states them."""
    subject: str
    budget: StatedFact
    outturn: StatedFact

    @property
    def rate(self) -> float | None:
        return self.outturn.value / self.budget.value * 100 if self.budget.value else None


# what each comparison asked holds of one 科目
AGAINST_BUDGET = {"over": lambda p: p.outturn.value > p.budget.value, "under": lambda p: p.outturn.value < p.budget.value,
                  "level": lambda p: p.outturn.value == p.budget.value,
                  "zero": lambda p: p.budget.value == 0 and p.outturn.value > 0}


def execution_answer(lib: Library, q: QueryPlan, docs: list[Document]) -> Answer | None:
    """The 科目 over, under or level with their budget, with a budget of 0 but spending, or ranked by
    how much of their budget was spent (see module docstring); None for any other question."""
    asked = _asked(q.text)
    if asked is None and docs and OUTTURN_ASKED_RE.search(q.text) and all(d.kind == "预算" for d in docs):
        if not next_year_held(lib, docs):
            return budgets_only(lib, q, docs, "预算执行结果（决算数、完成预算的比例）要看该年度的部门决算。")
        if RATE_ASKED_RE.search(q.text) and (rate := _plan_executed(lib, q, docs[0])) is not None:
            return rate
    if asked is None or not docs:
        return None
    outturns = [d for d in docs if d.kind == "决算"]
    if not outturns:
        return budgets_only(lib, q, docs, "无法逐项比较决算数和预算数。")
    for doc in outturns:
        parts = _parts(doc, q)
        if len(parts) >= 2:
            return _answered(q, doc, parts, asked)
    return None


def _plan_executed(lib: Library, q: QueryPlan, doc: Document) -> Answer | None:
    """"预算执行了百分之几" of one item of a plan: what its year actually spent, as the next year's
    plan states it, over the plan's budget for it, both cited."""
    pair = plan_and_outturn(lib, q, doc)
    if pair is None:
        return None
    (budget_name, budget), (outturn_name, outturn) = [(name, pick.cells[0]) for name, pick in pair]
    planned, spent = yuan(budget.value, budget.unit), yuan(outturn.value, outturn.unit)
    if not planned or spent is None:
        return None
    rate = round(spent / planned * 100, 2)
    in_unit = round(planned / YUAN_PER_UNIT[outturn.unit], 2)  # (the budget in the outturn's unit)
    formula = f"{outturn.printed} ÷ {fmt(in_unit, 2)} × 100% = {rate:.2f}%"
    budget_said = budget.printed + budget.unit + (f"（{fmt(in_unit, 2)}{outturn.unit}）" if budget.unit != outturn.unit else "")
    text = f"{outturn_name}{outturn.printed}{outturn.unit}，{budget_name}{budget_said}，执行了预算的{rate:.2f}%（{formula}）。"
    figures = [Figure(f"{rate:.2f}", "%", None, f"{budget_name}的执行率", doc.department, doc.year, derived=True, formula=formula),
               Figure(outturn.printed, outturn.unit, spent, outturn_name, doc.department, doc.year),
               Figure(budget.printed, budget.unit, planned, budget_name, doc.department, doc.year)]
    return finish(q, text, figures, [cite(outturn), cite(budget)], [f"计算：{formula}"],
                  {rate, outturn.value, budget.value, in_unit, 100.0}, LOOKUP)


def next_year_held(lib: Library, docs: list[Document]) -> bool:
    """Whether the next year's document of the department states figures of this year ("2023年
    当年预算执行数为…" in a 2024 budget): this year's execution may be read there."""
    year = docs[0].year
    return any(f.year == year for doc in lib.department_documents(lib.resolver.department_key(docs[0].department), year + 1)
               for f in doc.stated)


def _asked(text: str) -> str | None:
    """Which comparison the question asks: over, under, level, zero, lowest or highest rate."""
    if (rank := RATE_RANK_RE.search(text)) is not None:
        return "lowest" if rank.group("most") in "低差少" else "highest"
    if GAP_RANK_RE.search(text) and "预算" in text:
        return "widest"
    if not WHICH_RE.search(text) or "预算" not in text or CARRIED_OVER_RE.search(text):
        return None  # ("决算超过预算了吗": the whole; "没花完、留到明年的钱": the carry-over)
    for name, pattern in (("zero", ZERO_BUDGET_RE), ("over", OVER_RE), ("under", UNDER_RE)):
        if pattern.search(text):
            return name
    if LEVEL_RE.search(text) and re.search(r"决算|实际", text):
        return "level"
    return None


def _parts(doc: Document, q: QueryPlan) -> list[Executed]:
    """The 科目 of one section with both a budget and an outturn stated, less the section's whole;
    the section whose whole the question names (三公经费), else the 一般公共预算财政拨款支出 one."""
    sections: dict[int, list[Executed]] = {}
    wholes: dict[int, str] = {}
    for seq in sorted({f.section_seq for f in doc.stated}):
        facts = [f for f in doc.stated if f.section_seq == seq]
        for subject in dict.fromkeys(f.subject for f in facts):
            outturn = next((f for f in facts if f.subject == subject and f.qualifier == "决算"), None)
            budget = _budget(q.text, [f for f in facts if f.subject == subject and f.qualifier in BUDGET_QUALIFIERS])
            if outturn is None or budget is None:
                continue
            if WHOLE_SUBJECT_RE.search(subject):
                wholes.setdefault(seq, subject)
            else:
                sections.setdefault(seq, []).append(Executed(subject, budget, outturn))
    # a section's whole names the figure it is of beyond the department's spending ("“三公”经费财政拨款
    # 支出"): that section where the question names it (nothing to list where its parts state no
    # budget: "三公经费有没有超预算" is the whole's own rate), else one whose whole names nothing
    # unasked, the 一般公共预算 one first
    asked = {c.name for c in q.concepts}
    of = {s: {m.concept.name for m in lexicon().concepts_in(match_key(wholes.get(s, ""))) if not m.concept.department_total}
          for s in {*sections, *wholes}}
    chosen = [s for s in of if of[s] & asked]
    if not chosen and _whole_named_alone(q):
        return []  # ("三公经费没超预算吧", where no sentence states its budget beside its outturn: no 科目 to list)
    chosen = chosen or \
        sorted([s for s in sections if not of[s] - asked] or list(sections),
               key=lambda s: not wholes.get(s, "").startswith("一般公共预算"))
    return sections.get(chosen[0], []) if chosen else []


# the 科目 themselves asked for ("哪几项", "有没有超预算的科目"), not one figure's own execution
ITEMS_ASKED_RE = re.compile(r"哪|几项|几个|列出|科目|项目|款|类")


def _whole_named_alone(q: QueryPlan) -> bool:
    """The question names one figure of its own (三公经费, not the department's spending) and asks
    whether it went over, not which 科目 did."""
    return not ITEMS_ASKED_RE.search(q.text) and any(not c.department_total for c in q.concepts)


def _budget(text: str, stated: list[StatedFact]) -> StatedFact | None:
    """The budget the question names (年初 or 全年), else the adjusted 全年预算 where both are stated."""
    said = "年初预算" if "年初" in text else "全年预算" if re.search(r"全年|调整", text) else ""
    by = {f.qualifier: f for f in stated}
    return by.get(said) if said else next((by[k] for k in BUDGET_QUALIFIERS if k in by), None)


def _answered(q: QueryPlan, doc: Document, parts: list[Executed], asked: str) -> Answer | None:
    budget_word = parts[0].budget.qualifier
    if asked == "widest":
        return _gaps_ranked(q, doc, parts, budget_word)
    if asked in ("lowest", "highest"):
        rated = sorted((p for p in parts if p.rate is not None), key=lambda p: p.rate, reverse=asked == "highest")
        top = rated[0]
        word = "最低" if asked == "lowest" else "最高"
        figure = Figure(fmt(round(top.rate, 2), 2), "%", None, f"完成{budget_word}比例{word}的一项：{top.subject}",
                        doc.department, doc.year, derived=True,
                        formula=f"{top.outturn.value_text} ÷ {top.budget.value_text} × 100%")
        text = (f"{doc.department}{doc.year}年度决算说明逐项列出的{len(rated)}个科目中，完成{budget_word}比例{word}的是"
                f"{top.subject}：{_pair(top)}。依次为：{'；'.join(f'{p.subject}{fmt(round(p.rate, 2), 2)}%' for p in rated)}。")
        if has_cue("why", q.text):  # "…执行率最低？原因是什么": the sentence that says why, quoted
            text += f"说明原文：“{top.outturn.sentence}”"
        answer = finish(q, text, [figure], [stated_citation(doc, p.outturn) for p in rated], [],
                        _amounts(rated) | {float(doc.year), float(len(rated))}, LOOKUP)
        answer.items = _listed(doc, rated)
        return answer
    if (named := _one_named(q, parts)) is not None and asked != "zero":
        return _one_against_budget(q, doc, named, asked)
    found = [p for p in parts if AGAINST_BUDGET[asked](p)]
    said = {"over": f"决算数超过{budget_word}", "under": f"决算数小于{budget_word}", "level": f"决算数与{budget_word}持平",
            "zero": f"{budget_word}为0却有支出"}[asked]
    yes_no = bool(re.search(r"有没有|是否有|有无|吗", q.text))
    lead = ("有。" if found else "没有。") if yes_no else ""
    listing = "；".join(f"{p.subject}（{_pair(p)}）" for p in found)
    text = (f"{lead}{doc.department}{doc.year}年度决算说明逐项列出了{len(parts)}个科目的{budget_word}和支出决算，"
            + (f"{said}的有{len(found)}项：{listing}。" if found else f"没有{said}的科目。"))
    # ("有几类超了年初预算": how many, in the unit asked, heads the list)
    counted = [Figure(str(len(found)), m.group("unit"), None, f"{said}的科目数", doc.department, doc.year, derived=True)
               for m in [COUNTED_RE.search(q.text)] if m]
    answer = finish(q, text, counted, [stated_citation(doc, p.outturn) for p in (found or parts)], [],
                    _amounts(parts) | {float(doc.year), float(len(parts)), float(len(found))}, LOOKUP)
    if yes_no:
        answer.verdict = "yes" if found else "no"
    answer.items = _listed(doc, found)
    return answer


def _gaps_ranked(q: QueryPlan, doc: Document, parts: list[Executed], budget_word: str) -> Answer | None:
    """The 科目 whose outturn is furthest from its budget, over or under: the gap computed from the
    two figures its sentence states (in 万元 where any is: "支出决算0元" beside 万元), the others
    listed by their gaps."""
    units = {u for p in parts for u in (p.budget.unit, p.outturn.unit)}
    if not units <= set(YUAN_PER_UNIT):
        return None
    unit = "万元" if "万元" in units else units.pop()

    def gap(p: Executed) -> float:
        return round(abs(yuan(p.budget.value, p.budget.unit) - yuan(p.outturn.value, p.outturn.unit))
                     / YUAN_PER_UNIT[unit], 2)

    gapped = sorted(parts, key=lambda p: -gap(p))
    top = gapped[0]
    side = "超出" if yuan(top.outturn.value, top.outturn.unit) > yuan(top.budget.value, top.budget.unit) else "少于"
    figure = Figure(fmt(gap(top), 2), unit, yuan(gap(top), unit), f"决算与{budget_word}相差最多的一项：{top.subject}",
                    doc.department, doc.year, derived=True,
                    formula=f"|{top.outturn.value_text}{top.outturn.unit} − {top.budget.value_text}{top.budget.unit}|")
    listing = "；".join(f"{p.subject}{fmt(gap(p), 2)}{unit}" for p in gapped)
    text = (f"{doc.department}{doc.year}年度决算说明逐项列出的{len(parts)}个科目中，支出决算与{budget_word}相差最多的是"
            f"{top.subject}：{_pair(top)}，决算{side}{budget_word}{fmt(gap(top), 2)}{unit}。依次为：{listing}。")
    answer = finish(q, text, [figure], [stated_citation(doc, p.outturn) for p in gapped], [],
                    _amounts(parts) | {gap(p) for p in parts} | {float(doc.year), float(len(parts))}, LOOKUP)
    answer.items = _listed(doc, gapped)
    return answer


def _one_named(q: QueryPlan, parts: list[Executed]) -> Executed | None:
    """The one 科目 the question names ("住房保障支出有没有超过年初预算"), if it names one of them."""
    key = match_key(q.text)
    named = [p for p in parts if match_key(p.subject) in key]
    return named[0] if len(named) == 1 else None


def _one_against_budget(q: QueryPlan, doc: Document, part: Executed, asked: str) -> Answer:
    """Whether that 科目's outturn is over, under or level with its budget: yes or no, with its
    rate of completion."""
    holds = AGAINST_BUDGET[asked](part)
    lead = ("是。" if holds else "不是。") if re.search(r"是不是|是否", q.text) else ("有。" if holds else "没有。")
    text = f"{lead}{doc.department}{doc.year}年度{part.subject}：{_pair(part)}。"
    figures = [Figure(fmt(round(part.rate, 2), 2), "%", None, f"{part.subject}完成{part.budget.qualifier}的比例",
                      doc.department, doc.year, derived=True,
                      formula=f"{part.outturn.value_text} ÷ {part.budget.value_text} × 100%")] if part.rate is not None else []
    answer = finish(q, text, figures, [stated_citation(doc, part.outturn)], [], _amounts([part]) | {float(doc.year)}, LOOKUP)
    answer.verdict = "yes" if holds else "no"
    answer.items = _listed(doc, [part])
    return answer


def _pair(p: Executed) -> str:
    rate = f"，完成{fmt(round(p.rate, 2), 2)}%" if p.rate is not None else ""
    return f"{p.budget.qualifier}{p.budget.value_text}{p.budget.unit}，支出决算{p.outturn.value_text}{p.outturn.unit}{rate}"


def _amounts(parts: list[Executed]) -> set[float]:
    return {v for p in parts for v in (p.budget.value, p.outturn.value)} | \
        {round(p.rate, 2) for p in parts if p.rate is not None}


def _listed(doc: Document, parts: list[Executed]) -> list[Item]:
    return [Item(p.subject, p.outturn.value_text, p.outturn.unit, stated_citation(doc, p.outturn)) for p in parts]
