"""What every route builds its answer from: citations of cells and sentences, the number
check that finishes an answer, and the replies that ask back or refuse."""
from __future__ import annotations

import re

from core.model import YUAN_PER_UNIT, Document
from core.store import DocumentInfo
from core.text import decimals, format_amount, parse_amount
from qa.lookup import Located, parent_name, row_name
from qa.model import ANSWERED, LOOKUP, NOT_FOUND, UNCLEAR, Answer, Citation, Figure, Item
from qa.narrative import Sentence, Stated
from qa.understand import QueryPlan
from qa.verify import allowed_from, enforce

MAX_ROW_CHOICES = 8  # rows listed when a name is ambiguous


def agreement_word(question: str, same: bool) -> str:
    """How an answer says two places agree or not, in the question's own words ("对得上吗": 对得上 /
    对不上), else 一致 / 不一致."""
    if re.search(r"对得上|对不上", question):
        return "对得上" if same else "对不上"
    return "一致" if same else "不一致"


def fmt(value: float, places: int) -> str:
    return format_amount(value, places).replace(",", "") if places >= 0 else str(value)


def exact(value: float) -> str:
    """A converted value without trailing zeros: 2.845282, not 2.845282000000."""
    return fmt(round(value, 6), 6).rstrip("0").rstrip(".")


def yuan(value: float | None, unit: str) -> float | None:
    factor = YUAN_PER_UNIT.get(unit)
    return None if value is None or factor is None else round(value * factor, 4)


def converted(value: float | None, unit: str, wanted: str = "") -> tuple[str, float, str] | None:
    """A printed amount in the unit asked (``wanted``), else one in 元 of 10000 or more in 万元
    too: (its text, its value, its unit), or None where there is nothing to convert."""
    wanted = wanted or ("万元" if unit == "元" and value is not None and abs(value) >= 10000 else "")
    if not wanted or wanted == unit or value is None or unit not in YUAN_PER_UNIT:
        return None
    places = 4 if wanted == "亿元" else 2
    value = round(value * YUAN_PER_UNIT[unit] / YUAN_PER_UNIT[wanted], places)
    places = 0 if wanted == "元" and value == int(value) else places  # (120200元, not 120200.00元)
    return f"{fmt(value, places)}{wanted}", value, wanted


def printed_and_converted(printed: str, unit: str, wanted: str = "") -> str:
    """A printed amount with its unit, then (see ``converted``) "（折合…）" where it converts."""
    other = converted(parse_amount(printed), unit, wanted)
    return f"{printed}{unit}" + (f"（折合{other[0]}）" if other else "")


def rounding(printed: str, unit: str) -> float:
    """Half a unit of the last printed decimal, in yuan (8589.40万元: 50 元; in a count's own unit)."""
    return 0.5 * 10 ** -decimals(printed) * YUAN_PER_UNIT.get(unit, 1.0)


def cell_figure(cell: Located) -> Figure:
    """The figure of a cell pointed at, labelled with its row and column."""
    return Figure(cell.printed, cell.unit, yuan(cell.value, cell.unit), f"{cell.row.label}（{cell.table.columns[cell.column]}）",
                  cell.doc.department, cell.doc.year)


def citation(cell: Located) -> Citation:
    doc, table, row = cell.doc, cell.table, cell.row
    printed = " | ".join(v or "" for v in row.values if v is not None)
    label = " ".join(x for x in (row.code, row.label) if x)
    return Citation(source=doc.source, department=doc.department, year=doc.year, kind=doc.kind,
                    table_code=table.code, table_title=table.title, row=row.label, row_code=row.code,
                    column=cell.column_path, cell=cell.printed,
                    page=row.page, line=row.line, quote=f"{label} | {printed}" if label else printed,
                    doc_id=doc.doc_id, table_seq=cell.table_seq, row_seq=cell.row_seq, column_seq=cell.column)


def table_citation(doc: Document, index: int, row: str = "", quote: str = "") -> Citation:
    """A table itself cited (its title, code and first page), where the answer is about the table
    and no one cell: its columns, its note, that it is empty."""
    table = doc.tables[index]
    return Citation(doc.source, doc.department, doc.year, doc.kind, table.code, table.title, row=row,
                    page=table.page_start, line=table.line, quote=quote, doc_id=doc.doc_id, table_seq=index)


def added_figure(printed: list[str], unit: str, label: str, department: str, year: int | None) -> Figure:
    """Figures as printed added up, to the places the most precise of them prints, the formula
    kept ("0.50 + 9.60 = 10.10")."""
    places = max(decimals(p) for p in printed)
    total = round(sum(parse_amount(p) for p in printed), places)
    formula = " + ".join(printed) + f" = {fmt(total, places)}"
    return Figure(fmt(total, places), unit, yuan(total, unit), label, department, year, derived=True, formula=formula)


def sentence_citation(doc: Document, s: Sentence) -> Citation:
    return Citation(source=doc.source, department=doc.department, year=doc.year, kind=doc.kind,
                    page=s.page, line=s.line, quote=s.text, doc_id=doc.doc_id, section=s.heading,
                    section_seq=s.section_seq)


def cite(cell: Located | Stated) -> Citation:
    return sentence_citation(cell.doc, cell.sentence) if isinstance(cell, Stated) else citation(cell)


def finish(q: QueryPlan, text: str, figures, citations, notes, allowed: set[float], route: str) -> Answer:
    allowed = set(allowed) | allowed_from([c.quote for c in citations])
    clean, dropped = enforce(text, allowed)
    if dropped:
        notes = notes + [f"已删除无法溯源的数字：{'、'.join(dropped)}"]
    if not clean:
        return Answer(q.text, "无法给出可溯源的答案。", NOT_FOUND, route, [], citations, notes)
    return Answer(q.text, clean, ANSWERED, route, figures, citations, notes)


# two things asked added up ("这两个项目预算加起来多少", "两项一共多少")
# (not the last digit of a code: "302类商品和服务支出合计")
TWO_SUMMED_RE = re.compile(r"(?:这|那)?(?<![\d.一二三四五六七八九十百])(?:两|二|2)(?:个|项|笔|块|类)[^，。？?]{0,10}(?:加起来|加在一起|合起来|合计|一共|总共)")


def two_summed_checked(q: QueryPlan, found: Answer) -> Answer:
    """Two things asked added up and answered with one printed figure that is no sum: the figure
    of one of the two is not their sum, so the answer says so and gives no figure."""
    if found.status != ANSWERED or not TWO_SUMMED_RE.search(q.text) or not found.figures or \
            found.figures[0].derived or q.operation == "sum":
        return found
    return Answer(q.text, f"问的是两项加起来的数；文件中只找到“{found.figures[0].label}”{found.figures[0].value}{found.figures[0].unit}，"
                          f"不是两项之和。请分别询问两项。", NOT_FOUND, found.route, citations=found.citations)


def named_infos(lib, q: QueryPlan) -> list[DocumentInfo]:
    """The documents of the departments the question names (listed with a refusal)."""
    return [d for d in lib.infos if lib.resolver.department_key(d.department) in q.departments]


def not_found(lib, q: QueryPlan, reason: str, infos: list[DocumentInfo] | None = None) -> Answer:
    return Answer(q.text, f"{reason}库中现有：{lib.catalogue(infos)}。", NOT_FOUND, LOOKUP)


def budgets_only(lib, q: QueryPlan, docs: list[Document], cannot: str) -> Answer:
    """The refusal where outturn is asked of a department and year the store holds budgets for
    only: no 决算 to set against the 预算, so no figure (``cannot`` says what cannot be told)."""
    years = "、".join(sorted({str(d.year) for d in docs}))
    return not_found(lib, q, f"库中{docs[0].department}{years}年只有预算，没有决算（实际支出），{cannot}", named_infos(lib, q))


def which_row(q: QueryPlan, cells: list[Located]) -> Answer:
    """Several rows answer to the name asked, or one row prints several amounts none of which the
    question names (a project's 项目资金总额 and 当年财政拨款): list them to choose from."""
    shown = cells[:MAX_ROW_CHOICES]
    by_column = len({c.column_path for c in cells}) > 1
    one_row = len({(c.table_seq, c.row_seq) for c in cells}) == 1
    names = "、".join((f"“{c.column_path}”" if one_row else row_choice(c, by_column))
                     + (f"{c.printed}{c.unit}" if c.printed else "（空白）") for c in shown)
    more = f"等{len(cells)}行" if len(cells) > len(shown) else ""
    name = row_name(cells[0].row.label)
    lead = f"《{cells[0].table.title}》“{name}”一行有{len(cells)}个不同的数" if one_row \
        else f"《{cells[0].table.title}》中有{len(cells)}行都叫“{name}”，数值不同"
    return Answer(q.text, f"{lead}：{names}{more}。请说明是哪一{'项' if one_row else '行'}。", UNCLEAR, LOOKUP,
                  citations=[citation(c) for c in shown], missing=["哪一行"],
                  items=[item(c, row_choice(c, by_column)) for c in shown])


def item(cell: Located, label: str = "") -> Item:
    """A cell as one entry of a list an answer gives (a candidate, a part, a place in a ranking)."""
    return Item(label or cell.label, cell.printed or "0", cell.unit, citation(cell), yuan(cell.value, cell.unit))


def ask_what(docs: list[Document], question: str = "") -> Answer:
    who = "、".join(sorted({d.department for d in docs})) or "该部门"
    return Answer(question, f"请问想了解{who}的哪项数据？例如：三公经费、本年收入合计、本年支出合计、"
                  f"基本支出、项目支出、机关运行经费、政府采购、车辆数，或某个支出科目。",
                  UNCLEAR, LOOKUP, missing=["要查询的数据项"])

def row_choice(cell: Located, with_column: bool) -> str:
    """A row as one of several of the same name: its code, its parent ("小型机/分散自行组织" or
    the 科目 its code falls under), its group, and its column where those differ."""
    row = cell.row
    where = [w for w in (parent_name(cell.table, cell.row_seq), row.group) if w]
    return (f"{row.code} " if row.code else "") + f"“{row_name(row.label)}”" + \
        (f"（{'，'.join(where)}）" if where else "") + (f"“{cell.column_path}”列" if with_column else "")
