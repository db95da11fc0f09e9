"""The cells that answer one figure in one document: a concept through the lexicon's locators,
or a 科目 named by code or by label, in the right table and column."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from core.concepts import lexicon
from core.model import Document
from core.schema import schema
from core.text import match_key
from qa.lookup import (INSIDE_RE, Located, breaks_down, choose_column, locate_concept, locate_named_row, named_rows, named_table,
                       names_column, names_row, prints_row, row_name)
from qa.understand import FUND_PART_RE, QueryPlan, fund_spans, side_read


@dataclass
class Pick:
    """The cells that answer one figure, and how they combine: summed, or (when not) the first
    answers and the others are further parts the question named ("行政单位加参公")."""
    cells: list[Located]
    summed: bool = False
    vague: bool = False  # found from a generic word only ("支出", "一共花了")

    def parts(self) -> list["Pick"]:
        return [self] if self.summed else [Pick([c]) for c in self.cells]

    @property
    def doc(self) -> Document:
        return self.cells[0].doc


def pick_cells(q: QueryPlan, doc: Document, concept_index: int | None = None, measure: str | None = None,
               concepts_only: bool = False) -> Pick | None:
    """The cells for the figure asked, in one document.

    The target is the last concept named that is not a generic word ("三公经费里公车的钱" asks
    about 公车). A 科目 named by code, or by a label more specific than (or said after) the
    concept word, wins — as does a 科目 whose table has the concept as a column ("行政运行
    基本支出")."""
    measure = measure or q.measure
    if not doc.tables:
        return None
    only = named_table(doc, q.match_text)
    text = q.match_text if only is None else q.match_text.replace(doc.tables[only].title, " ")
    if q.codes and not concepts_only:  # (a concept asked beside a 科目 is the concept's own cell)
        cell = locate_named_row(doc, text, q.codes, measure, only)
        if cell:
            return Pick([cell])
    named = lexicon().concepts_in(text)
    # a "row" that is a concept's own name (本年收入合计, 一、基本支出) is the concept's business
    unprinted = _unprinted_rows(q, doc, text, only)
    # (a concept word read into a 功能分类 类 this document does not print, "支出预算" of 教育支出预算,
    # is no figure asked of it: not the department's 本年支出合计)
    in_plan = [m for m in named if m.concept in q.concepts]
    key = match_key(text)
    classes = [(a, b) for a, b in unprinted if key[a:b] in schema().function_classes]
    matches = [m for m in in_plan if not any(a < m.end and m.start < b and not (m.start <= a and b <= m.end) for a, b in classes)]
    target, concept = _target(q, matches, concept_index, only) if matches or not in_plan else (None, None)
    concept_spans = [(m.start, m.end) for m in matches if not m.generic] + fund_spans(key, named) + unprinted
    found_rows = [] if concepts_only else named_rows(doc, lexicon().expand(text, concepts=False), only, unprinted)
    if not concepts_only and _row_wins(doc, text, target, concept, concept_index, only, concept_spans):
        cell = locate_named_row(doc, text, [], measure, only, skip=concept_spans)
        if cell:
            return Pick([cell])
    if concept is None or concept_index == -1:
        return _one_row_table(doc, only, text, measure) if concept_index is None else None
    picked = _concept_pick(q, doc, concept, target, text, measure, only, concepts_only)
    if picked is None and found_rows and concept_index is None:
        # the concept is not in these tables, but the row the question names is (not a row named
        # by a concept the plan set aside: "基本支出里的人员经费" is not answered with 基本支出)
        set_aside = [(m.start, m.end) for m in lexicon().concepts_in(text) if not m.generic and m.concept not in q.concepts] + \
            unprinted
        cell = locate_named_row(doc, text, [], measure, only, skip=set_aside)
        return Pick([cell]) if cell else None
    return picked


def _unprinted_rows(q: QueryPlan, doc: Document, text: str, only: int | None) -> list[tuple[int, int]]:
    """Where the question names a row other documents print and this one does not ("养老服务" in
    a document without it): a shorter row inside that name (政府采购's "服务") is not what is asked."""
    key = match_key(text)
    return [(m.start(), m.end()) for name in map(match_key, q.rows) if not prints_row(doc, name, only)
            for m in re.finditer(re.escape(name), key)]


def _target(q: QueryPlan, matches: list, concept_index: int | None, only: int | None):
    """The concept the figure is of, and where the question says it (None: a named 科目 instead)."""
    if concept_index is not None:
        concept = q.concepts[concept_index] if 0 <= concept_index < len(q.concepts) else None
        return next((m for m in matches if m.concept is concept), None), concept
    named = [m for m in matches if not m.generic]
    # a whole said again after its part ("服务类采购") does not take the question back from the part
    # (but one that several of its parts follow as examples, "三公经费啊 招待 公车 出国这些", is asked)
    inner = {m.concept.name for m in named}
    listed = [m for m in named if m.concept.parts and len(inner & set(m.concept.parts.concepts)) > 1]
    named = listed[:1] or [m for m in named if not (m.concept.parts and inner & set(m.concept.parts.concepts))] or named
    # (of weak words only, an item's beats the department's whole: "公车要花多少钱" is the 公车's)
    target = (named or sorted(matches, key=lambda m: not m.concept.department_total) or [None])[-1]
    # concepts said only inside a table's title ("财政拨款“三公”经费支出决算表") name the table
    return target, target.concept if target else (q.concepts[-1] if q.concepts and only is None else None)


def _row_wins(doc: Document, text: str, target, concept, concept_index: int | None, only: int | None,
              concept_spans: list) -> bool:
    """Whether a row the question names is the figure rather than the concept: it is more
    specific or said after it, or the concept is one of its columns or its part."""
    rows = named_rows(doc, lexicon().expand(text, concepts=False), only, skip=concept_spans)
    key = match_key(text)
    if target is None and concept is not None:
        rows = [h for h in rows if not side_read(key[h[1]:h[1] + h[0]], [concept])]
    if not rows or target is None or target.generic or concept_index == -1:
        return bool(rows)
    # (a fund or a spending kind said of an item asked, "其中基本支出的" of 会议费, is no row asked)
    rows = [h for h in rows if not names_column(doc, h) and not (
        FUND_PART_RE.fullmatch(key[h[1]:h[1] + h[0]]) and not FUND_PART_RE.fullmatch(match_key(target.word)))]
    if not rows:
        return False
    as_column = any(match_key(w) in match_key(c) for w in concept.words()
                    for h in rows if h[0] == rows[0][0] for c in doc.tables[h[2]].columns)
    # "政府采购里服务类": a row of the concept's own table named after it is a part of it; named
    # before a fund's whole, that fund (spent or received) says the table it is read in
    # ("城乡医疗救助这笔钱，一般公共预算财政拨款出了多少")
    before = rows[0][1] + rows[0][0] <= target.start and concept.department_total
    sides = [concept] + [c for c in [lexicon().other_side(concept)] if before and c is not None]
    part = (rows[0][1] >= target.end or before) and any(
        f.table in (doc.tables[h[2]].type, schema().family(doc.tables[h[2]].type))
        for h in rows for c in sides for f in c.finds)
    # "基本支出里取暖费": a row said right after the concept and a word that puts it inside, of a
    # table of that concept (基本支出决算明细表; never 项目支出里的办公费 from it)
    said_at = _said_at(text, key, rows[0])
    inside = said_at >= target.end and bool(INSIDE_RE.fullmatch(key[target.end:said_at])) and \
        breaks_down(doc, rows[0][2], concept)
    return not ((rows[0][0], rows[0][1]) <= (target.end - target.start, target.start) and not (as_column or part or inside))


def _said_at(text: str, key: str, row: tuple) -> int:
    """Where the question says a row: a row found by the official words of an everyday name
    ("出差" → 差旅费, appended after the question) is said where that name is."""
    if row[1] < len(key):
        return row[1]
    found = match_key(lexicon().expand(text, concepts=False))[row[1]:row[1] + row[0]]
    return next((start for start, official in lexicon().aliases_said(text) if found in match_key(official)), row[1])


def _one_row_table(doc: Document, only: int | None, text: str, measure: str | None) -> Pick | None:
    """A one-row table the question names ("…三公经费支出决算表预算数合计")."""
    table = doc.tables[only] if only is not None else None
    if table is None or len(table.rows) != 1:
        return None
    column = choose_column(table, table.rows[0], text, measure, doc)
    return Pick([Located(doc, only, 0, column, table.title)]) if column is not None else None


def _concept_pick(q: QueryPlan, doc: Document, concept, target, text: str, measure: str | None,
                  only: int | None, concepts_only: bool) -> Pick | None:
    """The concept's cells, the table chosen by the words around the concept: not its own
    ("基本支出" names a figure, not the 基本支出 table), nor, when concepts are compared, the others'."""
    # (and the words of its other side: "政府性基金" read as the 收入 of it is still its word)
    dropped = [c for c in q.concepts if c is concept or concepts_only]
    drop = [t for c in dropped + [lexicon().other_side(c) for c in dropped] if c is not None for t in c.words()]
    context = text
    for word in sorted(drop, key=len, reverse=True):
        context = context.replace(word, " ")
    cells, summed = locate_concept(doc, concept, measure, context if concepts_only else text, only, context)
    if summed:
        # "行政单位机关运行经费": one of the parts, when the question names it
        named = [replace(c, label=f"{row_name(c.row.label)}{c.label}") for c in cells
                 if names_row(c.row.label, context)]  # (not inside the concept's own word: 水电费)
        if named:
            return Pick(named)
    return Pick(cells, summed, vague=target is None or target.generic) if cells else None
