"""Exact figures from the tables: a concept through the lexicon's locators, or a 科目 by name or
code, in the right table and column, with the measure (预算数/决算数) the question asks for."""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.concepts import Concept, lexicon, locate
from ingest.model import Document, Row, Table
from ingest.numbers import match_key, parse_amount

ORDINAL_RE = re.compile(r"^([一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．]|其中[:：])")
UNIT_SUFFIX_RE = re.compile(r"[(（][^)）]*[)）]$")
GENERIC_LABELS = {"合计", "小计", "总计", "其他", "项目", "栏次", "其中"}
# where a 科目 named in a question is looked for first
ROW_TABLE_PRIORITY = ("total", "spending", "general", "economic", "fund", "income", "appropriation",
                      "stats", "running", "procurement", "sangong", "state_capital")
SPENDING_WORDS = re.compile(r"支出|花|用于|开支|经费|费用")


@dataclass
class Located:
    """One cell chosen to answer, with what it is called."""
    doc: Document
    table_seq: int
    row_seq: int
    column: int
    label: str  # what the figure is (concept name or row label)

    @property
    def table(self) -> Table:
        return self.doc.tables[self.table_seq]

    @property
    def row(self) -> Row:
        return self.table.rows[self.row_seq]

    @property
    def printed(self) -> str:
        return (self.row.values[self.column] or "").strip()

    @property
    def value(self) -> float | None:
        return parse_amount(self.printed)

    @property
    def unit(self) -> str:
        return self.row.unit or self.table.unit

    @property
    def column_path(self) -> str:
        return self.table.columns[self.column]

    @property
    def blank(self) -> bool:
        return self.value is None


def table_kind(table: Table) -> str | None:
    """Which template table this is (total, income, spending, …), by the lexicon's title rules."""
    title = match_key(table.title)
    for name, pattern in lexicon().tables.items():
        if pattern.search(title):
            return name
    return None


AFFINITY_WORDS = ("一般公共预算", "财政拨款", "政府性基金", "国有资本经营", "三公", "基本支出", "采购", "机关运行",
                  "统计", "经济分类", "功能分类")


def table_affinity(table: Table, question: str, column: str = "") -> int:
    """How many table-naming words ("一般公共预算", "政府性基金"…) the question shares with the
    table's title or the cell's column."""
    key, title = match_key(question), match_key(table.title + " " + column)
    return sum(1 for w in AFFINITY_WORDS if w in key and w in title)


def named_table(doc: Document, question: str) -> int | None:
    """A table the question names outright ("收入决算表", "公开05表")."""
    key = match_key(question)
    best = None
    for ti, table in enumerate(doc.tables):
        names = [match_key(table.title)] + ([match_key(table.code)] if table.code else [])
        for name in names:
            if len(name) >= 4 and name in key and (best is None or len(name) > best[0]):
                best = (len(name), ti)
    return best[1] if best else None


def _column_score(column: str, key: str) -> int:
    """How much of a column's path the question spells out (characters of the levels named)."""
    return sum(len(part) for part in re.split(r"[/：:]", column)
               if len(part) >= 2 and part not in ("合计", "小计", "金额", "其中") and match_key(part) in key)


def column_hits(table: Table, columns: list[int], key: str) -> list[int]:
    """The columns the question names best ("本年支出项目支出" → 本年支出/项目支出, not /小计)."""
    scores = {ci: _column_score(table.columns[ci], key) for ci in columns}
    best = max(scores.values(), default=0)
    return [ci for ci in columns if best and scores[ci] == best]


def question_columns(cells: list["Located"], question: str) -> list["Located"]:
    """Cells whose column the question names (基本支出, 项目支出…), when it names one."""
    key = match_key(question)
    scores = [_column_score(c.column_path, key) for c in cells]
    best = max(scores, default=0)
    return [c for c, sc in zip(cells, scores) if sc == best] if best else cells


def default_measure(doc: Document) -> str:
    return "决算数" if doc.kind == "决算" else "预算数"


def prefer_measure(cells: list[Located], measure: str | None) -> list[Located]:
    """Where columns are split by 预算数/决算数, keep the requested one (default: the document's)."""
    if not cells:
        return cells
    want = measure or default_measure(cells[0].doc)
    measured = [c for c in cells if "预算数" in c.column_path or "决算数" in c.column_path]
    if not measured:
        return cells
    chosen = [c for c in cells if want in c.column_path]
    return chosen or cells


def locate_concept(doc: Document, concept: Concept, measure: str | None, question: str = "",
                   only_table: int | None = None, context: str | None = None) -> tuple[list[Located], bool]:
    """Cells for a concept in one document, and whether they are to be summed.

    The lexicon's locators are tried in order, but a table the question points at (by name, or
    by words such as 一般公共预算/政府性基金 in ``context``) wins over the default order. Column
    hints (基本支出, 项目支出…) come from the whole ``question``."""
    context = question if context is None else context
    options = []
    for rank, locator in enumerate(concept.finds):
        found = locate(Concept(concept.name, concept.terms, concept.colloquial, [locator], concept.generic), doc.tables)
        if found:
            options.append((rank, found[0], found[1]))
    if only_table is not None:
        options = [(r, loc, [c for c in cells if c.table_seq == only_table]) for r, loc, cells in options]
        options = [o for o in options if o[2]]
    extra = _term_in_columns(doc, concept, context, only_table)
    if extra:
        options.append((len(concept.finds), None, extra))
    if not options:
        return [], False
    rank, locator, cells = min(options, key=lambda o: (-max(
        table_affinity(doc.tables[c.table_seq], context, doc.tables[c.table_seq].columns[c.column]) for c in o[2]), o[0]))
    located = [Located(doc, c.table_seq, c.row_seq, c.column, concept.name) for c in cells]
    located = prefer_measure(question_columns(located, question), measure)
    if locator is not None and locator.sum:
        return located, True
    # the same concept in several places: take the first table's first row and column
    first = located[0]
    return [c for c in located if (c.table_seq, c.row_seq, c.column) == (first.table_seq, first.row_seq, first.column)], False


def _term_in_columns(doc: Document, concept: Concept, question: str, only_table: int | None):
    """The concept as a column of the table the question points at (政府性基金…年末结转和结余),
    read on that table's 合计 row, when the lexicon has no locator for that table."""
    from index.concepts import Cell

    tables = [only_table] if only_table is not None else [
        ti for ti, t in enumerate(doc.tables) if t.category == "standard" and table_affinity(t, question)]
    terms = [match_key(t) for t in concept.terms if len(t) >= 3]
    cells = []
    for ti in tables:
        table = doc.tables[ti]
        for ci, col in enumerate(table.columns):
            if any(t in match_key(col) for t in terms):
                for ri, row in enumerate(table.rows):
                    if match_key(row.label) in ("合计", "总计") and row.values[ci] is not None:
                        cells.append(Cell(ti, ri, ci))
    return cells


def row_key(label: str) -> str:
    """A row's name for matching: last level, no ordinal, no unit in brackets."""
    last = label.rsplit("/", 1)[-1]
    return match_key(UNIT_SUFFIX_RE.sub("", ORDINAL_RE.sub("", last.strip())))


def row_names(label: str) -> list[str]:
    """The row's name, and the name without a trailing 支出/费用 ("流浪乞讨人员救助(支出)")."""
    name = row_key(label)
    short = re.sub(r"(支出|费用|经费)$", "", name)
    return [name] + ([short] if short != name and len(short) >= 3 else [])


def named_rows(doc: Document, question: str, only_table: int | None = None) -> list[tuple[int, int, int, int]]:
    """(match length, start, table, row) for rows whose name the question spells out, longest first.
    Generic labels (合计, 总计) count only inside a table the question names."""
    key = match_key(question)
    hits = []
    for ti, table in enumerate(doc.tables):
        if table.category != "standard" or (only_table is not None and ti != only_table):
            continue
        for ri, row in enumerate(table.rows):
            for name in row_names(row.label):
                if len(name) < 2 or (name in GENERIC_LABELS and only_table is None):
                    continue
                start = key.find(name)
                if start >= 0:
                    hits.append((len(name), start, ti, ri))
                    break
    return sorted(hits, key=lambda h: (-h[0], h[1]))


def rows_by_code(doc: Document, code: str) -> list[tuple[int, int]]:
    return [(ti, ri) for ti, t in enumerate(doc.tables) if t.category == "standard"
            for ri, r in enumerate(t.rows) if r.code == code]


def choose_column(table: Table, row: Row, question: str, measure: str | None, doc: Document) -> int | None:
    """The column a question names (基本支出, 项目支出, 财政拨款…), else the row's first value."""
    key = match_key(question)
    usable = [ci for ci, v in enumerate(row.values) if v is not None]
    if not usable:
        return None
    named = column_hits(table, usable, key)
    pool = named or usable
    want = measure or default_measure(doc)
    measured = [ci for ci in pool if want in table.columns[ci]]
    return (measured or pool)[0]


def table_priority(table: Table, question: str) -> tuple[int, int]:
    kind = table_kind(table)
    order = list(ROW_TABLE_PRIORITY)
    if "收入" in question and not SPENDING_WORDS.search(question):
        order.remove("income")
        order.insert(0, "income")
    if "财政拨款" in question:
        order.remove("general")
        order.insert(0, "general")
    return -table_affinity(table, question), order.index(kind) if kind in order else len(order)


def locate_named_row(doc: Document, question: str, codes: list[str], measure: str | None,
                     only_table: int | None = None) -> Located | None:
    """A 科目 the question names by code or by label, in the most fitting table."""
    candidates: list[tuple[int, int]] = []
    for code in codes:
        candidates += [c for c in rows_by_code(doc, code) if only_table is None or c[0] == only_table]
    if not candidates:
        # the question's own words first; the aliases' official words only when those find nothing
        hits = named_rows(doc, question, only_table) or named_rows(
            doc, lexicon().expand(question, concepts=False), only_table)
        # "城乡社区管理事务行政运行": a 科目 under another one the question names is the target
        codes = {doc.tables[ti].rows[ri].code for _, _, ti, ri in hits if doc.tables[ti].rows[ri].code}
        hits = [h for h in hits if not any(c != doc.tables[h[2]].rows[h[3]].code and
                                           c.startswith(doc.tables[h[2]].rows[h[3]].code or "∅") for c in codes)]
        # a row label that is also a column name of its table ("一般公共预算财政拨款") names the column
        as_columns = [h for h in hits if row_key(doc.tables[h[2]].rows[h[3]].label) in
                      {match_key(p) for c in doc.tables[h[2]].columns for p in c.split("/")}]
        hits = [h for h in hits if h not in as_columns] or hits
        if hits:
            longest = max(h[0] for h in hits)
            candidates = [(ti, ri) for length, _, ti, ri in hits if length == longest]
    if not candidates:
        return None
    ti, ri = min(candidates, key=lambda c: (table_priority(doc.tables[c[0]], question), c[0], c[1]))
    table, row = doc.tables[ti], doc.tables[ti].rows[ri]
    column = choose_column(table, row, question, measure, doc)
    if column is None:
        return None
    return Located(doc, ti, ri, column, ORDINAL_RE.sub("", row.label.rsplit("/", 1)[-1]) or row.label)
