"""What the library holds, asked as such ("你这里有哪些部门的数据", "2019年的一共有几份", "普陀区这几份
材料里有几份是预算", "是不是都是决算？有没有预算"): the documents of the departments, years and kind
asked, counted, listed or checked, each cited by its file. No figure in them is read.
"""
from __future__ import annotations

import re

from qa.context import Library
from qa.model import ANSWERED, LOOKUP, Answer, Figure, Item
from qa.routes.document import title_citation
from qa.understand import QueryPlan

COUNTED_RE = re.compile(r"(?<![这那])(?:几|多少)份")  # (not "这几份决算里": the documents, said as where)
KIND_COUNTED_RE = re.compile(r"(?:几|多少)份(?:是|为)(?P<kind>预算|决算)")  # "有几份是预算"
ALL_OF_KIND_RE = re.compile(r"(?:是不是|是否)都是(?P<kind>决算|预算)|都是(?P<kind2>决算|预算)(?:的?吗|的?么|的?嘛)")
ANY_OF_KIND_RE = re.compile(r"有没有(?P<kind>决算|预算)(?:文件|材料|资料)?(?=[？?，,。]|$)")
LISTED_RE = re.compile(r"(?:哪些|哪几个|哪几家)(?:部门|单位)的?(?:数据|文件|材料|资料)|有(?:哪些|什么)(?:数据|文件|材料|资料)"
                       r"|(?:数据|文件|材料|资料)(?:都)?有(?:哪些|什么)")


def catalogue_answer(lib: Library, q: QueryPlan) -> Answer | None:
    """The documents held for what the question names (all of them where it names nothing), or
    None unless it asks about the documents themselves and names no item in them."""
    asked = [r.search(q.text) for r in (COUNTED_RE, ALL_OF_KIND_RE, ANY_OF_KIND_RE, LISTED_RE)]
    if not any(asked) or q.rows or q.codes or any(not c.department_total for c in q.concepts):
        return None
    counted, all_of, any_of, _ = asked
    infos = [d for d in lib.infos if (not q.departments or lib.resolver.department_key(d.department) in q.departments)
             and (not q.years or d.year in q.years)]
    if counted and (kind := (m.group("kind") if (m := KIND_COUNTED_RE.search(q.text)) else q.kind)) and not (all_of or any_of):
        infos = [d for d in infos if d.kind == kind]  # "有几份是预算（不是决算）": those of that kind
    infos.sort(key=lambda d: (d.department, d.year, d.source))
    items = [Item(f"{d.department}{d.year}年{d.kind}（{d.source}）", "1", "份", title_citation(d)) for d in infos]
    listed = "；".join(i.label for i in items) or "没有"
    lead, verdict = "", None
    if all_of or any_of:
        kind = (all_of or any_of).group("kind") or all_of.group("kind2")
        holds = bool(infos) and (all(d.kind == kind for d in infos) if all_of else any(d.kind == kind for d in infos))
        verdict = "yes" if holds else "no"
        lead = ("是。" if holds else "不是。") if all_of else ("有。" if holds else "没有。")
    figures = [Figure(str(len(infos)), "份", None, "文件份数", "", None)] if counted else []
    text = f"{lead}库中{'所问的' if q.departments or q.years else ''}公开文件共{len(infos)}份：{listed}。"
    return Answer(q.text, text, ANSWERED, LOOKUP, figures, [i.citation for i in items], items=items, verdict=verdict)
