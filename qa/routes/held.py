"""What a figure someone has in hand is ("表里那个17.61万元是什么钱", "有个291万，是什么项目"), and
which items print a given amount ("哪几项正好是50万"): the table cells printing that amount, each
named by its row (or, in a table of one row, its column) and cited.

One item printing it is the answer, with the cell; several are listed side by side, none as the
headline. An amount printed nowhere is said to be so: a figure is never matched to the nearest
one, since the asker would take that row for theirs.
"""
from __future__ import annotations

from core.model import YUAN_PER_UNIT, Document
from core.text import is_total
from qa.answers import citation, finish, yuan
from qa.lookup import Located, named_table, printed_name
from qa.model import LOOKUP, NOT_FOUND, Answer, Figure, Item
from qa.understand import HeldFigure, QueryPlan, held_figure

SHOWN_CELLS = 12


def held_figure_answer(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """The cells of the documents asked about that print the figure the question holds; None when
    it holds none."""
    held = held_figure(q.text)
    if held is None or not docs:
        return None
    cells = _printing(held, docs, q.text)
    said = f"{held.number:,.{held.places}f}".replace(",", "") + held.unit
    where = "、".join(dict.fromkeys(f"{d.department}{d.year}年度{d.kind}" for d in docs))
    if not cells:
        return Answer(q.text, f"{where}公开文件的表中没有找到数值为{said}的单元格；请核对数字或单位（万元/元）。",
                      NOT_FOUND, LOOKUP)
    rows: dict[tuple, list[Located]] = {}
    for c in cells:  # (one row printing it in two columns, 合计 and 公用经费, is one item)
        rows.setdefault((c.doc.doc_id, c.table_seq, c.row_seq, _name(c)), []).append(c)
    names = list(dict.fromkeys(_name(c) for c in cells))
    shown = list(rows.values())[:SHOWN_CELLS]
    items = [Item(_name(c), c.printed, c.unit, citation(c), yuan(c.value, c.unit)) for c, *_ in shown]
    listing = "；".join(f"《{same[0].table.title}》“{_name(same[0])}”（{'、'.join(c.column_path for c in same)}）"
                       f"{same[0].printed}{same[0].unit}" for same in shown)
    more = f"等{len(rows)}处" if len(rows) > SHOWN_CELLS else ""
    if len(names) == 1 and not held.listing:
        head = cells[0]
        text = f"{said}是{where}“{names[0]}”的数：{listing}{more}。"
        figures = [Figure(head.printed, head.unit, yuan(head.value, head.unit), names[0], head.doc.department, head.doc.year)]
    else:
        text = f"{where}表中数值为{said}的共有{len(names)}项：{'、'.join(names)}。分别见：{listing}{more}。"
        figures = []
    answer = finish(q, text, figures, [i.citation for i in items], [], {c.value for c in cells} | {held.number, float(len(names))},
                    LOOKUP)
    answer.items = items if figures == [] else []
    return answer


def _printing(held: HeldFigure, docs: list[Document], question: str) -> list[Located]:
    """Every value cell printing the amount, in the table the question names where it names one
    that prints it; totals after the items."""
    found = []
    for doc in docs:
        named = named_table(doc, question)
        for ti, table in enumerate(doc.tables):
            for ri, row in enumerate(table.rows):
                for ci in range(len(row.values)):
                    cell = Located(doc, ti, ri, ci, "")
                    if (value := _in_unit_said(held, cell)) is not None:
                        found.append((named is not None and ti != named, is_total(row.label), value, cell))
    exact = [f for f in found if abs(f[2] - held.number) < 1e-6 * max(1.0, held.number)]
    # ("17.61万元" of a cell printing 176,123元: an amount said to the cent, rounded)
    close = [f for f in found if held.places and not held.listing and round(f[2], held.places) == held.number]
    found = exact or close
    in_named = [f for f in found if not f[0]]
    return [f[3] for f in sorted(in_named or found, key=lambda f: f[:2])]


def _in_unit_said(held: HeldFigure, cell: Located) -> float | None:
    """The cell's amount in the unit the question says it in (an amount said without a unit is
    the number as the table prints it); None for a cell printing no amount or no money."""
    if cell.value is None:
        return None
    if not held.unit:
        return cell.value
    if cell.unit not in YUAN_PER_UNIT:
        return None
    return cell.value * YUAN_PER_UNIT[cell.unit] / YUAN_PER_UNIT[held.unit]


def _name(cell: Located) -> str:
    return printed_name(cell) or cell.column_path
