"""The 科目 tree a table prints, read from the codes its rows carry: which 款 and 类 a 科目 sits
under ("城乡医疗救助是哪个大类下面的"), what the table prints under it and how many ("社会福利下面
有哪些项", "政协事务这个款下面列了几个项"), and a 科目's code ("养老服务的科目编码是多少"). The
names are the table's own rows; a parent the table does not print is named by its standard name
(core/schema), and the answer says so. Codes come from the national classification, so this holds
for any document whose rows carry them."""
from __future__ import annotations

import re

from core.model import Document
from core.schema import LEVEL_BY_LENGTH, schema
from core.vocab import cue_re, has_cue
from qa.answers import citation, yuan
from qa.lookup import Located, choose_column, named_rows, row_name, rows_by_code, table_priority
from qa.model import ANSWERED, LOOKUP, Answer, Figure
from qa.understand import QueryPlan

# the level the children are asked at ("下面分了几个款", "有哪些项")
CHILD_LEVEL_RE = re.compile(r"(?:几|多少|哪些|哪几|什么)个?(?P<level>类|款|项(?!目))")
LENGTH_BY_LEVEL = {level: length for length, level in LEVEL_BY_LENGTH.items()}
# the 经济分类 (301 …, 501 …) has two levels, 类 and 款: its finest codes are five digits
ECONOMIC_FIRST_DIGITS, ECONOMIC_DEEPEST = "35", 5
# the parent pointed at after it is asked ("是哪个款下面的？那个款一共支出多少", "它所属的那个大类")
PARENT_POINTED_RE = re.compile(r"(?:那|这|该|所属的?|所在的?)(?:一|个)?个?(?:大类|类|款)")
SHOWN_CODES = 4  # namesakes under several 款 each get their chain, up to this many


def tree_asked(q: QueryPlan) -> str:
    """What of the tree is asked: "code", "parent", "children", or "" (no tree question; a
    ranking by level, "支出最多的是哪一类", asks no parent)."""
    if q.operation == "rank" or has_cue("bodies", q.text):
        return ""
    return next((name for name in ("code", "parent", "children") if has_cue(f"tree_{name}", q.text)), "")


def tree_answer(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """The tree question answered from the first document printing the 科目 named, else None."""
    asked = tree_asked(q)
    if not asked:
        return None
    for doc in docs:
        by_code = _named_subjects(q, doc)
        if by_code:
            return {"code": _codes_told, "parent": _parents_told, "children": _children_listed}[asked](q, doc, by_code)
    return None


def _named_subjects(q: QueryPlan, doc: Document) -> dict[str, list[tuple[int, int]]]:
    """The coded rows the question names, by code (a name printed under several 款, 行政运行,
    has several codes): by the codes it says, else by the longest row name it spells out."""
    found = [hit for code in q.codes for hit in rows_by_code(doc, code)]
    if not found:
        hits = named_rows(doc, q.match_text)
        longest = max((h[0] for h in hits), default=0)
        found = [(ti, ri) for length, _, ti, ri in hits if length == longest]
        # every table printing a row of that name, not only the first one found
        found += [(ti, ri) for ti, table in enumerate(doc.tables) if table.category == "standard"
                  for ri, row in enumerate(table.rows)
                  if (ti, ri) not in found and any(row_name(row.label) == row_name(doc.tables[t].rows[r].label) for t, r in found)]
    by_code: dict[str, list[tuple[int, int]]] = {}
    for ti, ri in sorted(found, key=lambda hit: (table_priority(doc.tables[hit[0]], q.text), hit)):
        code = doc.tables[ti].rows[ri].code
        if code.isdigit() and len(code) in LEVEL_BY_LENGTH:
            by_code.setdefault(code, []).append((ti, ri))
    return by_code


def _cell(doc: Document, ti: int, ri: int) -> Located | None:
    table = doc.tables[ti]
    column = choose_column(table, table.rows[ri], "", None, doc)
    return None if column is None else Located(doc, ti, ri, column, row_name(table.rows[ri].label))


def _named(doc: Document, code: str, tables: list[int]) -> tuple[str, Located | None]:
    """A code's name as the document prints it (its row in one of ``tables`` first), else its
    standard name, marked so; with the row found, if any."""
    for ti in tables + [t for t in range(len(doc.tables)) if t not in tables]:
        for ri, row in enumerate(doc.tables[ti].rows):
            if row.code == code and doc.tables[ti].category == "standard":
                return row_name(row.label), _cell(doc, ti, ri)
    standard = schema().subject("function" if code.startswith("2") else "economic", code)
    return (f"{standard.name}（表中未列，按标准科目名称）" if standard else ""), None


def _figure(cell: Located) -> Figure:
    """A 科目 row's figure, labelled with the row's name as the answer says it."""
    return Figure(cell.printed, cell.unit, yuan(cell.value, cell.unit), cell.label, cell.doc.department, cell.doc.year)


def _label(name: str, code: str) -> str:
    return f"“{name}”（{code}，{LEVEL_BY_LENGTH[len(code)]}）"


def _parents_told(q: QueryPlan, doc: Document, by_code: dict) -> Answer:
    """Each code's 类 and 款 above it, the row and the parents the table prints cited; where one
    科目 is named and an amount is asked after, that amount heads: the parent's where the question
    points at it ("是哪个款下面的？那个款一共支出多少"), else the 科目's own ("属于哪一类？安排了多少")."""
    lines, cited, figures = [], [], []
    asked = cue_re("tree_parent").search(q.text)
    after = q.text[asked.end():] if asked else ""
    pointed = PARENT_POINTED_RE.search(after)
    for code, rows in list(by_code.items())[:SHOWN_CODES]:
        ti, ri = rows[0]
        name = row_name(doc.tables[ti].rows[ri].label)
        if len(code) == 3:
            lines.append(f"{_label(name, code)}本身就是类级科目，上面没有更大的类。")
        else:
            chain = []
            for length in (3, 5):
                if length < len(code):
                    parent, at = _named(doc, code[:length], [ti])
                    chain.append(_label(parent, code[:length]) if parent else f"{code[:length]}（{LEVEL_BY_LENGTH[length]}）")
                    cited += [citation(at)] if at else []
            lines.append(f"{_label(name, code)}属于{'下的'.join(chain)}。")
        own = _cell(doc, ti, ri)
        cited[:0] = [citation(c) for c in [own] if c]
        if len(by_code) == 1 and has_cue("figure", after):
            length = LENGTH_BY_LEVEL["类" if "类" in pointed.group() else "款"] if pointed else len(code)
            amount = own if length >= len(code) else _named(doc, code[:length], [ti])[1]
            if amount is not None and amount.printed:
                lines.append(f"{_label(amount.label, code[:length])}为{amount.printed}{amount.unit}，见《{amount.table.title}》"
                             f"“{amount.label}”行、“{amount.table.columns[amount.column]}”列。")
                figures.append(_figure(amount))
                cited[:0] = [citation(amount)]
    intro = f"“{name}”在表中出现在{len(by_code)}处不同科目下：" if len(by_code) > 1 else ""
    return Answer(q.text, f"{doc.department}{doc.year}年度：{intro}{''.join(lines)}", ANSWERED, LOOKUP, figures, cited)


def _codes_told(q: QueryPlan, doc: Document, by_code: dict) -> Answer:
    """Each 科目 named with its code, where it is printed (a code the parser matched by the
    standard name, the table printing none, is said so); its figure too where the question asks
    that beside the code ("津贴补贴是多少？对应的科目编码是几")."""
    amount_asked = has_cue("figure", cue_re("tree_code").sub("", q.text))
    lines, cited, figures = [], [], []
    for code, rows in list(by_code.items())[:SHOWN_CODES]:
        ti, ri = rows[0]
        table, row = doc.tables[ti], doc.tables[ti].rows[ri]
        parent = _named(doc, code[:-2], [ti])[0] if len(code) > 3 else ""
        under = f"（在“{parent}”下）" if len(by_code) > 1 and parent else ""
        how = "（表中未印编码，按标准科目名称对应）" if row.code_source == "name" else ""
        cell = _cell(doc, ti, ri)
        printed = f"，表中数为{cell.printed}{cell.unit}" if amount_asked and cell and cell.printed else ""
        lines.append(f"“{row_name(row.label)}”{under}的科目编码是{code}，{LEVEL_BY_LENGTH[len(code)]}级科目，见《{table.title}》{how}{printed}。")
        cited += [citation(cell)] if cell else []
        figures += [_figure(cell)] if printed else []
    if len(by_code) > 1:
        figures = []  # (one figure for each namesake: none heads the answer)
    return Answer(q.text, f"{doc.department}{doc.year}年度：{''.join(lines)}", ANSWERED, LOOKUP, figures, cited)


def _children_listed(q: QueryPlan, doc: Document, by_code: dict) -> Answer | None:
    """How many rows a table prints under one 科目 at the level asked (one level down unless
    said), each named with its figure in the table's order, the 科目 itself cited first. The
    table printing most of them is read (a summary table stops at the 类), the one the question
    names or the spending table first. What is under it without a count asked is a breakdown
    (qa/routes/structure.py), its largest part first."""
    if len(by_code) != 1 or not has_cue("count", q.text):
        return None  # (行政运行 under several 款: whose children is not said)
    code, rows = next(iter(by_code.items()))
    m = CHILD_LEVEL_RE.search(q.text)
    length = LENGTH_BY_LEVEL[m.group("level")] if m else len(code) + 2
    if code[0] in ECONOMIC_FIRST_DIGITS:
        length = min(length, ECONOMIC_DEEPEST)  # ("301下面有几项": the 经济分类 has no 项; its 款 are the items)
    if length <= len(code):
        return None
    under = {ti: [ri for ri, row in enumerate(doc.tables[ti].rows) if row.code.startswith(code) and len(row.code) == length]
             for ti, _ in rows}
    ti = min(under, key=lambda t: (-len(under[t]), table_priority(doc.tables[t], q.text), t))
    table, level = doc.tables[ti], LEVEL_BY_LENGTH[length]
    itself = _cell(doc, ti, next(ri for t, ri in rows if t == ti))
    name = row_name(table.rows[itself.row_seq].label) if itself else row_name(doc.tables[rows[0][0]].rows[rows[0][1]].label)
    cells = [c for c in (_cell(doc, ti, ri) for ri in under[ti]) if c]
    listed = "；".join(f"{c.label}（{c.row.code}）{c.printed + c.unit if c.printed else '空白'}" for c in cells)
    said = f"列了{len(under[ti])}个{level}：{listed}" if cells else f"没有列出{level}级科目"
    figure = Figure(str(len(under[ti])), "个", None, f"{name}下的{level}级科目数", doc.department, doc.year, derived=True)
    return Answer(q.text, f"{doc.department}{doc.year}年度《{table.title}》在{_label(name, code)}下面{said}。", ANSWERED,
                  LOOKUP, [figure], [citation(c) for c in [itself, *cells] if c])
