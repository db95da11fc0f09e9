"""What a figure someone has in hand is ("表里那个17.61万元是什么钱", "有个291万，是什么项目"), and
which items print a given amount ("哪几项正好是50万"): the table cells printing that amount, each
named by its row (or, in a table of one row, its column) and cited.

One item printing it is the answer, with the cell; several are listed side by side, none as the
headline. An amount no table prints may be one the narrative states ("写的321.02万元是什么数":
"全年预算为321.02万元"): its sentences are quoted. An amount printed nowhere is said to be so: a
figure is never matched to the nearest one, since the asker would take that row for theirs.
Asked which side it is on ("是收入还是支出", "这是一笔支出吧"), each cell says its side as its
column, row or table names it.
"""
from __future__ import annotations

import re

from core.model import YUAN_PER_UNIT, Document
from core.text import is_total, match_key, parse_amount
from core.vocab import has_cue
from qa.answers import citation, finish, sentence_citation, yuan
from qa.lookup import Located, named_table, printed_name, row_name, without_spent_word
from qa.model import LOOKUP, NOT_FOUND, Answer, Figure, Item
from qa.narrative import AMOUNT_RE, Sentence, amount_label, sentences
from qa.understand import HeldFigure, QueryPlan, held_figure, pointed_figure, seen_figures

SHOWN_CELLS = 12
SHOWN_SENTENCES = 4
SIDES = ("收入", "支出")
# which side the figure is on, asked as a choice or guessed ("是收入还是支出", "这是一笔支出吧")
SIDE_ASKED_RE = re.compile(r"(?:收入|支出)还是(?:收入|支出)|(?:是|是不是)?一?笔?(?P<guess>支出|收入)[吧吗]")


def held_figure_answer(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """The cells of the documents asked about that print the figure the question holds; None when
    it holds none."""
    held = held_figure(q.text)
    if held is None or not docs:
        return None
    cells = _without_parts(_printing(held, docs, q.text))
    said = held.said
    where = "、".join(dict.fromkeys(f"{d.department}{d.year}年度{d.kind}" for d in docs))
    if not cells:
        stating = _stating(held, docs)
        if stating and not held.listing:
            return _stated_answer(q, said, where, stating)
        return Answer(q.text, f"{where}公开文件的表{'和说明' if not held.listing else ''}中没有找到数值为{said}的"
                      f"{'单元格' if held.listing else '数字'}；请核对数字或单位（万元/元）。", NOT_FOUND, LOOKUP)
    rows: dict[tuple, list[Located]] = {}
    for c in cells:  # (one row printing it in two columns, 合计 and 公用经费, is one item)
        rows.setdefault((c.doc.doc_id, c.table_seq, c.row_seq, _name(c)), []).append(c)
    names = list({_same_item(_name(c)): _name(c) for c in cells}.values())
    shown = list(rows.values())[:SHOWN_CELLS]
    side_asked = SIDE_ASKED_RE.search(match_key(q.text))
    sides = [_side(same[0]) for same in shown]
    items = [Item(_name(c), c.printed, c.unit, citation(c), yuan(c.value, c.unit)) for c, *_ in shown]
    listing = "；".join(f"《{same[0].table.title}》“{_name(same[0])}”（{'、'.join(c.column_path for c in same)}）"
                       f"{same[0].printed}{same[0].unit}" + (f"，属{side}" if side_asked and side else "")
                       for same, side in zip(shown, sides))
    more = f"等{len(rows)}处" if len(rows) > SHOWN_CELLS else ""
    if len(names) == 1 and not held.listing:
        head = cells[0]
        text = f"{said}是{where}“{names[0]}”的数：{listing}{more}。"
        figures = [Figure(head.printed, head.unit, yuan(head.value, head.unit), names[0], head.doc.department, head.doc.year)]
    else:
        text = f"{where}表中数值为{said}的共有{len(names)}项：{'、'.join(names)}。分别见：{listing}{more}。"
        figures = []
    verdict = None
    if side_asked and side_asked.group("guess") and len(set(sides)) == 1 and sides[0] and not more:
        verdict = "yes" if sides[0] == side_asked.group("guess") else "no"  # "这是一笔支出吧": every place says which
        text = f"{'是' if verdict == 'yes' else '不是'}，这个数是{sides[0]}。{text}"
    answer = finish(q, text, figures, [i.citation for i in items], [], {c.value for c in cells} | {held.number, float(len(names))},
                    LOOKUP)
    answer.items = items if figures == [] else []
    answer.verdict = verdict if answer.status != NOT_FOUND else None
    return answer


def held_item(q: QueryPlan, docs: list[Document]) -> tuple[str, str, str, str] | None:
    """A figure pointed at with more asked of it ("有个10,191.56万元，它是由哪些部分组成的"): where
    one item prints it, (what the figure is, said with its cells, the item's 科目 code or name, the
    words before the figure, the words asking more); None otherwise."""
    pointed = pointed_figure(q.text)
    if pointed is None or not docs:
        return None
    held, start, end, rest = pointed
    if not (has_cue("breakdown", rest) or has_cue("change", rest)) or "还是" in rest:
        return None  # (what else is asked of it: its parts or its change, not its side nor a sum)
    cells = _without_parts(_printing(held, docs, q.text))
    names = {c.row.code or _name(c) for c in cells}
    if len(names) != 1:
        return None
    said = held.said
    places = "；".join(dict.fromkeys(f"《{c.table.title}》“{_name(c)}”（{c.column_path}）" for c in cells[:SHOWN_CELLS]))
    key = match_key(q.text)
    return f"{said}是“{_name(cells[0])}”的数：{places}。", names.pop(), key[:start], rest


def seen_figures_answer(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """Figures the asker saw in different places, asked which is right ("看到一个185000元，又看到
    28.5万，到底是多少"): where each is printed, side by side, none as the headline (each is
    right for what its table counts); None unless every one is printed in a table."""
    seen = seen_figures(q.text)
    if not seen or not docs:
        return None
    named = [match_key(w) for c in q.concepts for w in (c.name, *c.terms)]
    places = []
    for held in seen:
        cells = _without_parts(_printing(held, docs, q.text))
        # (of the cells printing it, those of the item the question names, where some are)
        cells = [c for c in cells if any(n and n in match_key(_name(c) + c.column_path) for n in named)] or cells
        if not cells:
            return None
        places.append((held, cells[0]))
    items = [Item(_name(c), c.printed, c.unit, citation(c), yuan(c.value, c.unit)) for _, c in places]
    listing = "；".join(f"{h.said}是《{c.table.title}》“{_name(c)}”"
                       f"（{c.column_path}）的数" for h, c in places)
    text = f"这{len(places)}个数都印在文件里，分别是不同表、不同口径的数：{listing}。"
    answer = finish(q, text, [], [i.citation for i in items], [], {h.number for h, _ in places}, LOOKUP)
    answer.items = items
    return answer


def _side(cell: Located) -> str:
    """收入 or 支出, as the cell's column, else its row, else its table names one of them only; ""
    where none does."""
    for text in (cell.column_path, cell.row.label, cell.table.title):
        named = [side for side in SIDES if side in text]
        if len(named) == 1:
            return named[0]
    return ""


def _stating(held: HeldFigure, docs: list[Document]) -> list[tuple[Document, Sentence, str, str, str]]:
    """The narrative sentences stating the amount in the unit said (any unit where none is said):
    each with the words it belongs to ("全年预算为"), and the amount as printed with its unit."""
    found = []
    for doc in docs:
        for s in sentences(doc):
            for m in AMOUNT_RE.finditer(s.text):
                value = parse_amount(m.group(1))
                if value is not None and _is_held(value, held) and (not held.unit or held.unit == m.group(2)):
                    found.append((doc, s, amount_label(s.text, m.start()).strip(), m.group(1), m.group(2)))
                    break
    return found


def _stated_answer(q: QueryPlan, said: str, where: str, stating: list[tuple[Document, Sentence, str, str, str]]) -> Answer:
    """The sentences stating an amount no table prints, quoted; the amount heads where one
    sentence states it (several are listed, for the asker to tell apart)."""
    shown = stating[:SHOWN_SENTENCES]
    quoted = "；".join(f"「{s.heading.split(' > ')[-1]}」：“{s.text}”" for _, s, *_ in shown)
    citations = [sentence_citation(doc, s) for doc, s, *_ in shown]
    if len(stating) == 1:
        doc, _, label, printed, unit = stating[0]
        figures = [Figure(printed, unit, yuan(parse_amount(printed), unit), label, doc.department, doc.year)]
        text = f"{said}是{where}公开文件说明中“{label}”后面的数（表中没有印这个数）：{quoted}。"
    else:
        figures = []
        text = f"{where}公开文件说明中有{len(stating)}处写到{said}：{quoted}。"
    return finish(q, text, figures, citations, [], {float(len(stating))}, LOOKUP)


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
    exact = [f for f in found if _is_held(f[2], held)]
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
    if held.unit not in YUAN_PER_UNIT:  # ("983.52%": a rate, printed as such)
        return cell.value if cell.unit == held.unit else None
    if cell.unit not in YUAN_PER_UNIT:
        return None
    return cell.value * YUAN_PER_UNIT[cell.unit] / YUAN_PER_UNIT[held.unit]


def _name(cell: Located) -> str:
    """The row's name; a total row under a group by its group ("一、政府采购情况" 合计 → 政府采购情况合计)."""
    if is_total(cell.row.label) and cell.row.group:
        return row_name(cell.row.group) + row_name(cell.row.label)
    return printed_name(cell) or cell.column_path


def _same_item(name: str) -> str:
    """One item however a table words it ("机关事业单位基本养老保险缴费支出" of the 功能 table and
    "机关事业单位基本养老保险缴费" of the 经济 one)."""
    return without_spent_word(match_key(name))


def _is_held(value: float, held: HeldFigure) -> bool:
    """The amount is the one held (to a millionth of it: the float of a printed decimal)."""
    return abs(value - held.number) < 1e-6 * max(1.0, held.number)


def _without_parts(cells: list[Located]) -> list[Located]:
    """Of cells printing the same amount in one column of one table, the one that holds the others:
    the total row where the column's whole amount is one 科目's (合计, 208 and 20810 all 1131.78:
    the column's figure), else the deepest 科目 of a chain of codes (20808 抚恤 and 2080899 其他优抚
    支出: the item itself)."""
    by_column: dict[tuple, list[Located]] = {}
    for c in cells:
        by_column.setdefault((c.doc.doc_id, c.table_seq, c.column), []).append(c)
    kept = []
    for same in by_column.values():
        totals = [c for c in same if is_total(c.row.label)]
        if totals:
            same = totals
        same = [c for c in same if not (c.row.code and any(o.row.code != c.row.code and o.row.code.startswith(c.row.code)
                                                          for o in same))]
        kept.extend(same)
    return [c for c in cells if c in kept]
