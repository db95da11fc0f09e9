"""Which documents a question is about, in the order it names them, or the reply to give
instead (no such department, year or kind in the store; several departments where one is meant)."""
from __future__ import annotations

from core.model import Document
from core.store import DocumentInfo
from index.retriever import filter_documents
from qa.context import Library
from qa.model import LOOKUP, NOT_FOUND, UNCLEAR, Answer
from qa.understand import NARRATIVE_FIGURE_RE, QueryPlan


def documents(lib: Library, q: QueryPlan) -> tuple[list[Document], Answer | None]:
    """Documents the question is about (in the order the question names them), or the
    refusal/clarification to give instead."""
    depts = q.departments or sorted({lib.resolver.department_key(d.department) for d in lib.infos})
    if len(depts) > 1 and not q.departments and q.intent != "reason":
        names = "、".join(lib.resolver.display(k) for k in depts)
        return [], Answer(q.text, f"请说明是哪个部门的数据。可选：{names}。", UNCLEAR, LOOKUP, missing=["部门"])
    if len(depts) > 1 and q.intent not in ("compare", "reason"):
        names = "、".join(lib.resolver.display(k) for k in depts)
        return [], Answer(q.text, f"问题涉及多个部门（{names}），请说明要查哪一个，或改问比较。", UNCLEAR, LOOKUP,
                          missing=["部门"])
    chosen: list[DocumentInfo] = []
    for key in depts:
        infos = [d for d in lib.infos if lib.resolver.department_key(d.department) == key]
        picked = filter_documents(infos, lib.resolver, _mention(q))
        if not picked and ("years" in q.inherited or (q.intent == "compare" and len(depts) > 1)):
            picked = filter_documents(infos, lib.resolver, _mention(q, years=False))
        if not picked and q.kind and q.names_something:
            # "三公经费预算多少" in a 决算: the 预算数 column, not a 预算 document
            picked = filter_documents(infos, lib.resolver, _mention(q, kind=False))
            if picked and q.measure is None:
                q.measure = f"{q.kind}数"
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
        if q.intent == "compare" or NARRATIVE_FIGURE_RE.search(q.text):
            # the other side of "比23年": compared in code when the store has that year
            picked += [d for d in infos if d.year in q.compared_years and d not in picked
                       and (q.kind is None or d.kind == q.kind)]
        chosen += sorted(picked, key=lambda d: (q.compared_years.count(d.year), -d.year if not q.years
                                                else 0, -lib.docs[d.doc_id].tables.__len__(), d.source))
    q.resolved = chosen
    return [lib.docs[d.doc_id] for d in chosen], None


def _mention(q: QueryPlan, years: bool = True, kind: bool = True):
    from index.entities import Mention

    return Mention(departments=[], years=q.years if years else [], kind=q.kind if kind else None, scope=q.scope,
                   unknown_orgs=[])
