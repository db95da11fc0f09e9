"""Which documents a question is about, in the order it names them, or the reply to give
instead (no such department, year or kind in the store; several departments where one is meant)."""
from __future__ import annotations

import re

from core.model import Document
from core.store import DocumentInfo
from core.vocab import has_cue
from index.entities import DATE_AFTER_YEAR_RE
from index.retriever import filter_documents
from ingest.stated import as_of_year
from qa.context import Library
from qa.model import LOOKUP, NOT_FOUND, UNCLEAR, Answer
from qa.narrative import narrative_key
from qa.understand import ACTUAL_FIRST_RE, NARRATIVE_FIGURE_RE, QueryPlan


def documents(lib: Library, q: QueryPlan) -> tuple[list[Document], Answer | None]:
    """Documents the question is about (in the order the question names them), or the
    refusal/clarification to give instead."""
    depts = q.departments or sorted({lib.resolver.department_key(d.department) for d in lib.infos})
    # (a reason may be searched for in every document; a ranking or a breakdown is one document's)
    if len(depts) > 1 and not q.departments and (q.intent != "reason" or q.operation in ("rank", "breakdown")):
        names = "、".join(lib.resolver.display(k) for k in depts)
        return [], Answer(q.text, f"请说明是哪个部门的数据。可选：{names}。", UNCLEAR, LOOKUP, missing=["部门"])
    if len(depts) > 1 and q.intent not in ("compare", "reason"):
        names = "、".join(lib.resolver.display(k) for k in depts)
        return [], Answer(q.text, f"问题涉及多个部门（{names}），请说明要查哪一个，或改问比较。", UNCLEAR, LOOKUP,
                          missing=["部门"])
    chosen: list[DocumentInfo] = []
    # (a year said of one side of a comparison is not asked of the other, "阳泉民政局24年和临汾民政局比";
    # a year none of them holds is asked of all: "省委办公厅和省政协办公厅2020年的三公经费加起来")
    year_of_one_side = any(d.year in q.years for d in lib.infos if lib.resolver.department_key(d.department) in depts)
    for key in depts:
        infos = [d for d in lib.infos if lib.resolver.department_key(d.department) == key]
        picked = filter_documents(infos, lib.resolver, _mention(q))
        if not picked and ("years" in q.inherited or (q.intent == "compare" and len(depts) > 1 and year_of_one_side
                                                      and not q.by_place)):
            picked = filter_documents(infos, lib.resolver, _mention(q, years=False))
        budget_kept = q.kind == "预算" and (has_cue("completion", q.text) or "项目" in q.text or
                                           bool(ACTUAL_FIRST_RE.search(q.text)))  # ("实际花的比预算少")
        if not picked and q.kind and (q.names_something or q.operation == "describe" or budget_kept):
            # "三公经费预算多少" in a 决算: the 预算数 column, not a 预算 document (of the year
            # asked; of any, when the year was only carried over from an earlier turn); "为什么
            # 没把预算花完": the 决算 explains its budget's execution ("那个项目预算多少": the 全年预算 its
            # 绩效 summary states)
            picked = filter_documents(infos, lib.resolver, _mention(q, kind=False)) or (
                filter_documents(infos, lib.resolver, _mention(q, years=False, kind=False))
                if "years" in q.inherited else [])
            if picked and q.measure is None and (q.names_something or budget_kept):
                q.measure = f"{q.kind}数"
        if not picked and q.by_place and len(depts) > 1 and (chosen or key != depts[-1]):
            # ("普陀区这几家单位2025年的…": those of the place with that year's document; none left: said so)
            q.left_out += [key] if key not in q.left_out else []
            continue
        if not picked:
            asked = "、".join(f"{y}年" for y in q.years) + (q.kind or "")
            have = "、".join(sorted({f"{d.year}年{d.scope}{d.kind}" for d in infos}))
            return [], Answer(q.text, f"库中没有{lib.resolver.display(key)}{asked}的公开文件；"
                              f"该部门现有：{have}。", NOT_FOUND, LOOKUP)
        if not q.years and len({d.year for d in picked}) > 1 and q.intent != "compare":
            latest = max(d.year for d in picked)
            picked = [d for d in picked if d.year == latest]
        if q.kind is None and len({d.kind for d in picked}) > 1:
            picked = [d for d in picked if d.kind == "决算"] or picked
        if q.intent == "compare" or NARRATIVE_FIGURE_RE.search(q.text) and q.intent != "reason":
            # the other side of "比23年": compared in code when the store has that year (a reason
            # for the change is given in the later year's document, not in the earlier one)
            picked += [d for d in infos if d.year in q.compared_years and d not in picked
                       and (q.kind is None or d.kind == q.kind)]
        picked = _stock_counted_at(lib, q, infos, picked)
        # the user's own upload before the shared library's document of the same disclosure
        chosen += sorted(picked, key=lambda d: (q.compared_years.count(d.year), -d.year if not q.years
                                                else 0, d.doc_id not in lib.own_ids,
                                                -lib.docs[d.doc_id].tables.__len__(), d.source))
    q.resolved = chosen
    return [lib.docs[d.doc_id] for d in chosen], None


# a day of a year said without 截至 ("去年8月底", "2024年12月底"): the date a stock is counted at
DATED_YEAR_RE = re.compile("年" + DATE_AFTER_YEAR_RE.pattern)


def _stock_counted_at(lib: Library, q: QueryPlan, infos: list[DocumentInfo], picked: list[DocumentInfo]) -> list[DocumentInfo]:
    """A stock asked as of a date ("截至2024年8月底一共有几辆车"): the documents that count it at that
    date — a budget counts its assets at the August before its year, so the 2025 budget's, not the
    2024 budget's (counted at 2023年8月31日); the documents picked when none does."""
    year = as_of_year(q.text) or (q.years[0] if len(q.years) == 1 and DATED_YEAR_RE.search(q.text) else None)
    if year is None:
        return picked
    dated = [d for d in infos if re.search(rf"截[至止]到?{year}年", narrative_key(lib.docs[d.doc_id]))]
    return picked if not dated or any(d in dated for d in picked) else dated


def _mention(q: QueryPlan, years: bool = True, kind: bool = True):
    from index.entities import Mention

    return Mention(departments=[], years=q.years if years else [], kind=q.kind if kind else None, scope=q.scope,
                   unknown_orgs=[])


WHICH_YEAR = r"哪(?:一)?年|哪个年度"
# a share ranked ("哪家项目支出占总支出的比例最高"): each one's share, not the figures themselves
SHARE_RANKED_RE = re.compile(r"占[^，。？?]*(?:比例|比重|百分之|几成)|占比")
ACROSS_RE = re.compile(r"哪(?:个|一个|家|些)?(?:部门|单位|局|机关|街道)|哪一?家|哪(?:一)?年|哪个年度|各(?:部门|单位)|谁")


def compared_across(lib: Library, q: QueryPlan) -> bool:
    """The question ranks one figure across departments or years ("哪个单位最多", "哪一年最高",
    "谁的多"), rather than within one document."""
    if q.operation == "compare":  # (not "是…的几倍": a ratio computed between two figures)
        return (len(q.departments) > 1 or len(set(q.years)) > 1) and not has_cue("multiple", q.text)
    return q.operation == "rank" and bool(ACROSS_RE.search(q.text)) and not SHARE_RANKED_RE.search(q.text) and (
        len(q.departments) != 1 or "年" in ACROSS_RE.search(q.text).group(0))


def years_lacking(lib: Library, q: QueryPlan) -> list[int]:
    """The years a "哪一年" question of one department names ("2020到2024这五年") that the store
    holds no document of: they took no part in the ranking, and where fewer than two are held
    there is nothing to rank."""
    if len(q.departments) != 1 or len(set(q.years)) < 2 or not re.search(WHICH_YEAR, q.text):
        return []
    return sorted(set(q.years) - lib.years_held(q.departments[0]))


def across_documents(lib: Library, q: QueryPlan) -> list[Document]:
    """One document per department and year compared: the departments named (else all), the
    years asked (else each department's latest, or all its years when the question asks which
    year), the kind asked (决算 where it says 实际/决算)."""
    which_year = bool(re.search(WHICH_YEAR, q.text))
    kind = q.kind or ("决算" if q.measure == "决算数" else None)
    keys = q.departments or sorted({lib.resolver.department_key(d.department) for d in lib.infos})
    chosen: list[DocumentInfo] = []  # every file of each disclosure compared, tables first
    for key in keys:
        infos = [d for d in lib.infos if lib.resolver.department_key(d.department) == key
                 and (kind is None or d.kind == kind)]
        # (the years said, when several: "2023到2025这三年，哪一年最多" ranks those three)
        years = set(q.years) if q.years and (not which_year or len(set(q.years)) > 1) else \
            {d.year for d in infos} if which_year else {max((d.year for d in infos), default=0)}
        chosen += sorted((d for d in infos if d.year in years),
                         key=lambda d: (d.doc_id not in lib.own_ids, -lib.docs[d.doc_id].tables.__len__()))
    q.resolved = chosen
    return [lib.docs[d.doc_id] for d in chosen]
