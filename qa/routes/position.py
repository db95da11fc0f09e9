"""A cell pointed at by its place on the page ("第三张表最后一行", "表三倒数第二行", "支出决算表
第3栏的合计", "第一张表，支出那边第一行"): what a fact-checker holding the printed document says.
The table by its printed number or its order, the row by its order among the rows printing a
figure (or the total row named), the column by its order; nothing is answered unless all of
what the question points at is found."""
from __future__ import annotations

import re

from core.model import Document, Table
from core.text import chinese_number, is_total, match_key
from qa.answers import cell_figure, citation, finish
from qa.lookup import Located, named_table, row_key, row_name
from qa.model import ANSWERED, LOOKUP, NOT_FOUND, Answer, Figure, Item
from qa.routes.describe import TABLE_ASKED_RE, numbered_tables, table_said
from qa.understand import QueryPlan

NUMBER = r"[一二三四五六七八九十]{1,3}|\d{1,2}"
# the table: its printed code or order (TABLE_ASKED_RE), or "表三" said bare ("决算表三")
TABLE_AT_RE = re.compile(rf"{TABLE_ASKED_RE.pattern}|(?<!公开)表\s*(?P<bare>[一二三四五六七八九十]{{1,3}})(?![一二三四五六七八九十])")
ROW_AT_RE = re.compile(rf"(?P<back>倒数)?第\s*(?P<n>{NUMBER})\s*行|(?P<last>最后一行|最末一行|末行)|(?P<first>首行)")
COLUMN_AT_RE = re.compile(rf"第\s*(?P<n>{NUMBER})\s*(?:栏|列)")
# one side of a table printing 收入 beside 支出 ("支出那边第一行")
# ("支出那一栏第一行" of a 总表, said apart: not the 支出 of 本年支出, 项目支出)
SIDE_RE = re.compile(r"(?P<side>收入|支出)(?:那边|这边|一边|那一边|一侧|那侧)|"
                     r"(?:(?<![\u4e00-\u9fff])|(?<=的))(?P<column_side>收入|支出)(?:那|这)一?栏")
# the last column pointed at ("最右边那一格", "最后一栏")
RIGHTMOST_RE = re.compile(r"最右(?:边|侧|面)?(?:那|的)?一?(?:格|栏|列)|最后一(?:栏|列)")
# a column said by its heading ("基本支出那一栏", "项目支出列")
COLUMN_NAMED_RE = re.compile(r"[\u4e00-\u9fff]{2,10}?(?:那一?|这一?)?(?:栏|列)(?:的|里)?(?:数|合计)?(?:是|为)?多少")
TOTAL_ROW_RE = re.compile(r"(?P<total>合计|总计)(?:那一?行|行|数)?")
# a table's own total asked, said apart from any column's name ("第五张表的合计数是多少", "第9张表，“合计”
# 那一格是多少"; not "公开05表2080201行政运行本年支出合计多少")
TABLE_TOTAL_ASKED_RE = re.compile(r"(?:的|[“，,])(?:合计|总计)”?(?:那一?格|那一?行|数)?(?:是|为)?多少")


def _sided(table: Table, side: str) -> list[int]:
    """The columns of one side, all of them when no side is said."""
    return [ci for ci, path in enumerate(table.columns) if not side or side in path.split("/")[0]]


def _printing(table: Table, columns: list[int]) -> list[int]:
    """The rows printing a figure in any of those columns, in order."""
    return [ri for ri, row in enumerate(table.rows) if any((row.values[ci] or "").strip() for ci in columns)]


def _total_row(table: Table) -> int | None:
    """The table's 合计 (or 总计) row, where it has one."""
    return next((ri for ri, row in enumerate(table.rows) if row_key(row.label) in ("合计", "总计")), None)


def _row_at(table: Table, text: str, columns: list[int]) -> int | None:
    printing = _printing(table, columns)
    if m := ROW_AT_RE.search(text):
        if m.group("last"):
            return printing[-1] if printing else None
        n = 1 if m.group("first") else chinese_number(m.group("n"))
        return printing[-n if m.group("back") else n - 1] if 0 < n <= len(printing) else None
    if m := TOTAL_ROW_RE.search(text):
        # (a table of one printing row, its first column the 合计: "第一列合计" is that row's)
        return next((ri for ri, row in enumerate(table.rows) if row_key(row.label) == m.group("total")),
                    printing[0] if len(printing) == 1 else None)
    return None


# the row after (or before) the one the turn before cited ("同一张表的下一行呢", "上一行是多少")
NEXT_ROW_RE = re.compile(r"(?P<step>下|上)(?:面)?一行")


def row_step(text: str) -> int:
    """+1 or -1 where the question points at the row next to the one cited before; else 0."""
    m = NEXT_ROW_RE.search(text)
    return 0 if m is None or ROW_AT_RE.search(text) else (1 if m.group("step") == "下" else -1)


def _cited_cell(docs: dict, before: Answer):
    """The table cell ``before`` cited first, where it cited one of a document on file."""
    cited = before.citations[0] if before.citations else None
    if cited is None or cited.table_seq is None or cited.row_seq is None or cited.column_seq is None \
            or cited.doc_id not in docs:
        return None
    return cited


def adjacent_row_answer(docs: dict, before: Answer, step: int, question: str) -> Answer | None:
    """The cell of the same column in the row printing a figure next to the one ``before``
    cited first (``step`` rows on), or that there is none; None where it cited no cell."""
    if (cited := _cited_cell(docs, before)) is None:
        return None
    doc = docs[cited.doc_id]
    table = doc.tables[cited.table_seq]
    ci = cited.column_seq
    printing = [ri for ri, row in enumerate(table.rows) if (row.values[ci] or "").strip()]
    if cited.row_seq not in printing:
        return None
    at = printing.index(cited.row_seq) + step
    if not 0 <= at < len(printing):
        return Answer(question, f"{table.code or ''}《{table.title}》中“{cited.row or '该行'}”已是印有数字的"
                                f"{'最后' if step > 0 else '第'}一行，没有{'下' if step > 0 else '上'}一行。", NOT_FOUND, LOOKUP,
                      citations=[cited])
    row = table.rows[printing[at]]
    cell = Located(doc, cited.table_seq, printing[at], ci, row.label)
    text = (f"{doc.department}{doc.year}年{doc.kind}公开文件{table.code or ''}《{table.title}》中，“{cited.row}”的"
            f"{'下' if step > 0 else '上'}一行是“{_row_named(row)}”，“{table.columns[ci]}”为{cell.printed}{cell.unit}。")
    return Answer(question, text, ANSWERED, LOOKUP, [cell_figure(cell)], [citation(cell)])


# an item asked by its place in a list read out, after a whole or one of its items ("按顺序念 第一项是多少"
# after 政府采购, "第二项呢" after "下面第一项住房公积金是多少")
ORDINAL_ASKED_RE = re.compile(rf"^(?:请)?(?:按顺序|依次)?(?:念|读|说|报)?(?:一下)?[，,\s]*(?:那么?)?(?:下面|其中|里面)?的?"
                              rf"第(?P<n>{NUMBER})(?:项|个|行|类|块|名|位)(?:的)?(?:是什么|是啥|是哪个|是哪项|呢)?(?:是?多少钱?)?[？?。！!\s]*$")


def ordinal_asked(text: str) -> int:
    """The place of the item asked by its place alone ("第二项呢": 2); else 0."""
    m = ORDINAL_ASKED_RE.match(text.strip())
    return chinese_number(m.group("n")) or 0 if m else 0


# a place of the ranking the turn before read out, with something else asked of it ("第二项的全年预算是
# 多少", "排第三的那个比上年增加了多少"): the item's name said in its place
RANKED_PLACE_RE = re.compile(rf"^(?:那么?|那)?(?:其中)?(?:排(?:在)?第(?P<placed>{NUMBER})(?:项|个|名|位)?|第(?P<n>{NUMBER})(?:项|个|名|位))"
                             rf"(?P<of>的)?(?:那个|那项|那一项)?(?=[\u4e00-\u9fff])")


PLACE_ALONE_RE = re.compile(r"(?:呢|是(?:哪|什么|啥)[^，,。？?]{0,3})?[？?。！!\s]*$")


def ranked_place(text: str) -> int:
    """The place of the ranking asked about with something more ("第二项的全年预算": 2); else 0."""
    m = RANKED_PLACE_RE.match(text.strip())
    if not m or ordinal_asked(text) or PLACE_ALONE_RE.match(text.strip()[m.end():]):
        return 0  # ("那排第三的呢": the ranking asked again at another place)
    return chinese_number(m.group("n") or m.group("placed")) or 0


def ranked_item(before: Answer, n: int) -> Item | None:
    """The item at place ``n`` of the ranking the turn before read out (its items, in ranked order);
    None where the turn before was no ranking or listed fewer."""
    return before.items[n - 1] if before.plan.get("operation") == "rank" and 0 < n <= len(before.items) else None


def ranked_answer(before: Answer, n: int, question: str) -> Answer | None:
    """"第二项呢" after a ranking: the item at that place of the ranking, with its figure as cited
    there (not the item printed second in the table)."""
    if (item := ranked_item(before, n)) is None:
        return None
    head = before.figures[0] if before.figures else None
    figure = Figure(item.value, item.unit, item.value_yuan, item.label, head.department if head else "",
                    head.year if head else None)
    text = f"上面的排序中，第{n}项是“{item.label}”，{item.value}{item.unit}。"
    return Answer(question, text, ANSWERED, LOOKUP, [figure], [item.citation])


def with_ranked_item(text: str, before: Answer) -> str | None:
    """The question with the place it asks about replaced by the name of the item the ranking
    ``before`` put there; None where the turn before was no ranking or listed fewer."""
    item = ranked_item(before, ranked_place(text))
    return RANKED_PLACE_RE.sub(lambda m: item.label + (m.group("of") or ""), text.strip(), count=1) if item is not None else None


def ordinal_answer(docs: dict, before: Answer, n: int, question: str) -> Answer | None:
    """The ``n``-th item, in printed order, of the whole the turn before answered (its 科目 one
    level down, or its group's lines after it: 政府采购's 货物, 工程, 服务), or of the list the item
    it answered is in (the 项 beside 住房公积金 under their 款); None where it cited no such cell."""
    if (cited := _cited_cell(docs, before)) is None:
        return None
    doc = docs[cited.doc_id]
    table = doc.tables[cited.table_seq]
    items = _listed_with(table, cited.row_seq)
    if not items:
        return None
    if n > len(items):
        return Answer(question, f"{table.code or ''}《{table.title}》中这一组只列了{len(items)}项。", NOT_FOUND, LOOKUP,
                      citations=[cited])
    row = table.rows[items[n - 1]]
    cell = Located(doc, cited.table_seq, items[n - 1], cited.column_seq, row.label)
    shown = f"{cell.printed}{cell.unit}" if cell.printed else "空白（未填数）"
    text = (f"{doc.department}{doc.year}年{doc.kind}公开文件{table.code or ''}《{table.title}》中，这一组的第{n}项是"
            f"“{_row_named(row)}”，“{table.columns[cited.column_seq]}”为{shown}。")
    return Answer(question, text, ANSWERED, LOOKUP, [cell_figure(cell)] if cell.printed else [], [citation(cell)])


def _listed_with(table: Table, at: int) -> list[int]:
    """The rows listed as the items of the row at ``at`` where it is a whole (its 科目 one level
    down, or the lines after a group's total), else the items listed beside it (same parent 科目,
    or the same group's lines but its total)."""
    rows, row = table.rows, table.rows[at]
    if row.code:
        under = [i for i, r in enumerate(rows) if r.code.startswith(row.code) and len(r.code) > len(row.code)]
        if under:
            finest = min(len(rows[i].code) for i in under)
            return [i for i in under if len(rows[i].code) == finest]
        parent = row.code[:-2]
        return [i for i, r in enumerate(rows) if r.code.startswith(parent) and len(r.code) == len(row.code)]
    if not row.group:
        return []
    grouped = [i for i, r in enumerate(rows) if r.group == row.group and not is_total(r.label)]
    return grouped if is_total(row.label) or at in grouped else []


# the one item the turn before named, pointed back at ("那一类降了百分之几", "那这一项19年还剩多少")
NAMED_BEFORE_RE = re.compile(r"(?:那|这|该)一?(?:类|款|项|块)(?:支出|科目)?|它(?!们)")


def points_at_named(text: str) -> bool:
    return bool(NAMED_BEFORE_RE.search(text))


def with_named_item(text: str, before: Answer) -> str | None:
    """The question with its pointing word replaced by the item ``before`` named: the one a
    ranking's headline figure is for, or the row a figure in hand was found in ("有一项是3159.78万元，
    这是什么支出" → 2010202 一般行政管理事务: by its code where it has one, a name many 款 share);
    None where ``before`` named no one item."""
    if len(before.figures) != 1:
        return None
    if before.plan.get("operation") == "describe" and before.citations and before.citations[0].row:
        cited = before.citations[0]
        return NAMED_BEFORE_RE.sub(f"{cited.row_code or ''}{before.figures[0].label}", text, count=1)
    if before.plan.get("operation") != "rank":
        return None
    named = [item.label for item in before.items if before.figures[0].label.endswith(f"：{item.label}")]
    return NAMED_BEFORE_RE.sub(named[0], text, count=1) if len(named) == 1 else None


def points_at_cell(text: str) -> bool:
    """The question points at a table's row by its place ("第五张表第一行"): it names a figure."""
    return bool(TABLE_AT_RE.search(text) and ROW_AT_RE.search(text))


def positioned_answer(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """The figure at the place the question points at in the tables of the one document that
    has that place, cited; None unless a table (by its number, order or title) and a row (by
    order, or the total with a column by order) are found, and the figure is asked as it is
    printed (no share or change of it)."""
    table_at = TABLE_AT_RE.search(q.text)
    if q.operation not in ("value", "describe") or \
            not (ROW_AT_RE.search(q.text) or COLUMN_AT_RE.search(q.text) and TOTAL_ROW_RE.search(q.text)
                 or table_at and (COLUMN_NAMED_RE.search(q.text) or TABLE_TOTAL_ASKED_RE.search(q.text)) or RIGHTMOST_RE.search(q.text)):
        return None
    if table_at and table_at.group("place") and docs and all(table_said(doc, table_at) is None for doc in docs):
        # (by its place only: a table asked by a code the document does not print may still be found by its words)
        return _no_such_table(q, docs, table_at.group(0))
    found = [answer for doc in docs if (answer := _cell_at(q, doc)) is not None]
    return found[0] if len(found) == 1 else None


def _no_such_table(q: QueryPlan, docs: list[Document], said: str) -> Answer:
    """A table pointed at by a number none of the documents has ("第十三张表" of twelve): said so,
    with how many tables each holds, never another figure in its place."""
    held = "；".join(f"{doc.source}共有{len(numbered)}张表" for doc in docs if (numbered := numbered_tables(doc))) \
        or "这些文件里没有表格"
    return Answer(q.text, f"所问的文件中没有{said}：{held}。", NOT_FOUND, LOOKUP)


def _cell_at(q: QueryPlan, doc: Document) -> Answer | None:
    if (table_at := TABLE_AT_RE.search(q.text)) is not None:
        found = table_said(doc, table_at)
    else:
        named = named_table(doc, q.match_text)
        if named is None:
            named = _table_said_loosely(doc, q.text)
        found = (named, doc.tables[named]) if named is not None else None
    if found is None:
        return None
    ti, table = found
    side = (m.group("side") or m.group("column_side") if (m := SIDE_RE.search(q.text)) else "")
    columns = _sided(table, side)
    ri = _row_at(table, q.text, columns)
    if ri is None and table_at is not None and COLUMN_NAMED_RE.search(q.text):
        # "表四里面，基本支出那一栏是多少": the row of that name in the table said (a summary table
        # lists 基本支出 as a row), else that column of the table's total row
        key = match_key(q.text)
        named = [i for i in _printing(table, columns) if len(name := match_key(row_name(table.rows[i].label))) >= 2
                 and name in key and not is_total(name)]
        ri = named[0] if len(named) == 1 else _total_row(table)
    rightmost = RIGHTMOST_RE.search(q.text) is not None
    if ri is None and rightmost:
        # "三公那张表，最右边那一格": the table's one row of figures, else its total row
        printing = _printing(table, columns)
        ri = printing[0] if len(printing) == 1 else _total_row(table)
    if ri is None:
        return None
    row = table.rows[ri]
    if rightmost:
        return _blank_or_cell(q, doc, ti, ri, columns[-1]) if columns else None
    if m := COLUMN_AT_RE.search(q.text):
        n = chinese_number(m.group("n"))
        ci = columns[n - 1] if 0 < n <= len(columns) else None
    else:  # a column the question names ("最后一行合计里，公用经费是多少"), else the first printing one
        # (by any level of its heading, "决算数那栏合计": 决算数/合计; the one whose last level is said too first)
        key = match_key(q.text)
        named = [c for c in columns if any(len(part) >= 2 and part not in ("合计", "小计", "总计") and match_key(part) in key
                                           for part in table.columns[c].split("/"))]
        whole = [c for c in named if match_key(table.columns[c].split("/")[-1]) in key]
        ci = next((c for c in whole or named or columns if (row.values[c] or "").strip()), None)
    if ci is None or not (row.values[ci] or "").strip():
        return None
    cell = Located(doc, ti, ri, ci, row.label)
    where = f"{table.code or ''}《{table.title}》"
    named_row = _row_named(row)
    text = (f"{doc.department}{doc.year}年{doc.kind}公开文件{where}中，"
            f"{f'所指的一行是“{named_row}”' if named_row else '表中只有一行数字'}，“{table.columns[ci]}”为{cell.printed}{cell.unit}。")
    return finish(q, text, [cell_figure(cell)], [citation(cell)], [], {cell.value or 0.0}, LOOKUP)


# a table said by a word of its title ("三公那张表", "采购那个表")
LOOSE_TABLE_RE = re.compile(r"(?:那|这)(?:一)?(?:张|个)表")


def _table_said_loosely(doc: Document, text: str) -> int | None:
    """The one table of the document whose title holds the word said right before "那张表"
    (the shortest such word, two characters or more)."""
    m = LOOSE_TABLE_RE.search(text)
    if m is None:
        return None
    before = match_key(text[:m.start()])
    for n in range(2, 7):
        found = [ti for ti, t in enumerate(doc.tables) if before[-n:] in match_key(t.title)]
        if found:
            return found[0] if len(found) == 1 else None
    return None


def _blank_or_cell(q: QueryPlan, doc: Document, ti: int, ri: int, ci: int) -> Answer:
    """The cell at that place, said as printed, or said to be empty (nothing entered: 0)."""
    table, row = doc.tables[ti], doc.tables[ti].rows[ri]
    cell = Located(doc, ti, ri, ci, row.label)
    where = f"{doc.department}{doc.year}年{doc.kind}公开文件{table.code or ''}《{table.title}》中，最右边一格（“{table.columns[ci]}”）"
    if (row.values[ci] or "").strip():
        return finish(q, f"{where}为{cell.printed}{cell.unit}。", [cell_figure(cell)], [citation(cell)], [], {cell.value or 0.0}, LOOKUP)
    unit = table.unit or ""
    figure = Figure("0", unit, 0.0, f"{row.label}（{table.columns[ci]}）", doc.department, doc.year)
    return Answer(q.text, f"{where}是空的，没有填数，即为0{unit}。", ANSWERED, LOOKUP, [figure], [citation(cell)])


def _row_named(row) -> str:
    """A row as the answer names it: its code and label, as printed."""
    return " ".join(filter(None, (row.code, row.label)))


