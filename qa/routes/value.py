"""One figure: the cell that answers it (with its unit, column and table cited), a blank cell
explained as zero only when the document says so, and the narrative sentence that confirms or
contradicts it."""
from __future__ import annotations

import re
from dataclasses import replace
from difflib import SequenceMatcher

from core.concepts import lexicon
from core.model import YUAN_PER_UNIT, Document
from core.text import decimals, is_total, match_key, parse_amount
from index.lexical import words
from ingest.forms import PROJECT_FUNDS
from qa.answers import citation, converted, exact, finish, fmt, item, sentence_citation, yuan
from qa.context import Library
from core.schema import LEVEL_BY_LENGTH, schema
from core.vocab import INSIDE
from qa.lookup import (FILLER_WORDS, AmbiguousRow, Located, column_hits, default_measure, labels_above, locate_concept, named_table,
                       own_name_left_out, row_key, row_name, row_names, unexplained_modifier, unexplained_phrase)
from qa.model import ANSWERED, LOOKUP, NOT_FOUND, UNCLEAR, Answer, Figure, Item
from qa.narrative import (AMOUNT_RE, Sentence, absence_statement, amounts, performance_aside, sentences, zero_outturn_stated,
                          zero_statement)
from qa.pick import Pick, pick_cells
from qa.routes.stated import PART_LEAD, PART_TAIL_RE, concepts_name_all_of, stated_answer, wholes_said
from qa.understand import QueryPlan, understand

# words between a name and an amount that make the amount something other than its level
NOT_LEVEL_RE = re.compile(r"比|较|增|减|上年|同比|下降|上升|占|预算|决算|年初|调整")


# the question asks where in the tables ("在决算表里是哪张表哪几行的数"): the cells are the answer
TABLE_ASKED_RE = re.compile(r"哪(?:一)?(?:张|个)表|哪几?行|表[里中上]")


def _printed_whole(lib: Library, q: QueryPlan, pick: Pick) -> Answer | None:
    """A figure the tables give only in parts (机关运行经费: 行政单位 + 参公) that the narrative
    prints whole: the printed figure, which a reader can find, with its sentence cited."""
    stated = stated_answer(lib, q, [pick.doc])
    total = sum(cell_amount(c) for c in pick.cells)
    if stated is None or not stated.figures or stated.figures[0].value_yuan is None or \
            round(stated.figures[0].value_yuan, 2) != round(total, 2):
        return None
    return stated


def figure(lib: Library, q: QueryPlan, docs: list[Document]) -> tuple[Answer | None, str]:
    """The figure from the tables; else no answer, and the phrase (if any) that the table
    cell found did not account for, which a quoted sentence must then contain."""
    focus = ""
    units = q.units
    for doc in docs:
        try:
            pick = pick_cells(q, doc)
        except AmbiguousRow as exc:
            if units and exc.cells[0].unit not in units:
                continue  # rows of money are not what "几个" asks after, whichever is meant
            raise
        if _unitless(pick) and (other := same_row_with_unit(pick.cells[0])) is not None:
            pick = Pick([other])  # the table prints no unit; another prints the same 科目 and figure with one
        if _unitless(pick) and (not units or set(units) & set(YUAN_PER_UNIT)):
            # money in a table without a unit: a sentence printing the same figure gives its unit;
            # one printing another figure for the name is of another scope (the 财政拨款 part
            # of the 科目), so the cell is shown without a headline
            stated = stated_answer(lib, q, [doc])
            if stated is not None and stated.figures and parse_amount(stated.figures[0].value) == pick.cells[0].value:
                return stated, ""
            return figure_answer(lib, q, pick), ""
        if pick is None or (units and pick.cells[0].unit not in units) or \
                q.operation == "count" and pick.cells[0].unit in YUAN_PER_UNIT:
            continue  # "接待了多少批次" is not answered in 万元, nor a count ("退休的呢" after 实有人数) in money
        focus, two_rows = _unexplained(lib, q, doc, pick)
        if two_rows is not None:
            return two_rows, ""  # "30211办公费": 30211 is 差旅费, 办公费 30201
        if focus:
            continue
        if fund_unsaid(q.text, pick.cells[0]):
            continue  # "财政拨款养着几辆车": the count of all vehicles is not the funded ones
        if others := other_funds_cells(q, pick.cells[0]):
            return funds_summed(q, pick.cells[0], others), ""  # "财政拨款的项目支出": 一般公共预算 + 政府性基金
        if context_unsaid(q, pick.cells[0]):
            continue  # "项目支出里财政拨款多少": not all 财政拨款, not all 项目支出
        if whole_unsaid(q, pick.cells[0]):
            continue  # "政府采购预算里，公车加油的钱": not the 三公 table's 运行维护费
        if q.measure and q.measure != default_measure(doc) and q.measure not in pick.cells[0].column_path:
            continue  # the 预算数 of a 决算 table without one (or the reverse): the narrative may state it
        if not answers_operation(q, pick):
            continue  # one operand of a difference is no answer to it: the narrative may state it
        others = [] if pick.summed or len(pick.cells) > 1 else (
            namesakes(doc, pick.cells[0], q) or stated_columns(pick.cells[0], q))
        if others:
            return candidates(q, [pick.cells[0], *others]), ""
        if scoped := fund_scopes(q, pick.cells[0]):
            return scope_candidates(q, [pick.cells[0], *scoped]), ""
        twins = disagreeing_copies(lib, q, docs, pick)
        if twins:
            return disagreement(q, [pick.cells[0], *twins]), ""
        if pick.summed and not TABLE_ASKED_RE.search(q.text) and (whole := _printed_whole(lib, q, pick)) is not None:
            return whole, ""
        return figure_answer(lib, q, pick), ""
    return None, focus


# "办公费里买电脑花了多少": a part asked within the figure named, after 里/中
WITHIN_PART_RE = re.compile(rf"(?<!表)(?:{INSIDE}|其中){PART_LEAD}(?:买|购买|购置|用于|花在|用在|给|交|缴|付)?([\u4e00-\u9fff]{{2,8}}?)"
                            r"(?:类|项|部分|那块|这块)?(?:的钱|的费用|花了|用了|安排了|(?:列|列支|支出|开支|拨付?)了|是多少|有多少|多少|呢|吗|$)")


def part_unsaid(q: QueryPlan, cell: Located) -> str:
    """The part a question asks for within the figure it names ("办公费里买电脑"), when the cell
    found is the whole and no word of its row, column or table, nor a concept, names that part:
    the whole is not its part's figure (the part is then looked for in the narrative)."""
    key = match_key(q.rest)
    m = WITHIN_PART_RE.search(key)
    if not m:
        return ""
    # (the 中 of the row's own name is no "within": "…社区公共服务中心这个项目安排了多少")
    names = [n for n in row_names(cell.row.label) + own_name_left_out(cell.doc, cell.table, cell.row.label) if n in key]
    if any(key.find(n) <= m.start() < key.find(n) + len(n) for n in names):
        return ""
    # ("预算里，当年给委员视察安排了多少": 委员视察; "预算里，有没有安排农林水方面的钱": 农林水)
    part = PART_TAIL_RE.sub("", ALLOCATED_RE.sub("", WHEN_RE.sub("", m.group(1))))
    said = match_key(" ".join([cell.label, cell.column_path, cell.table.title, cell.row.group or ""]))
    # (an everyday word for the part explains it where the cell carries its official words)
    label = iter(match_key(cell.label))  # (or the row's name says it with words between: "其他支出" of 其他优抚支出)
    core = re.sub(r"费?了?$", "", part.replace("的", ""))  # ("办公设备购置费了" is the 办公设备购置 row's)
    if core in said or concepts_name_all_of(part) or any(o in said for o in lexicon().officials_of(part)) \
            or part in FILLER_PARTS or POINTER_PART_RE.fullmatch(part) or all(ch in label for ch in part) \
            or _row_itself(part, names):
        return ""
    return part


def _row_itself(part: str, names: list[str]) -> bool:
    """The part said is the cell's own row with filler words only ("其中殡葬那块挣了" of the 殡葬 row)."""
    rest = part
    for name in sorted(names, key=len, reverse=True):
        rest = rest.replace(name, " ")
    return rest != part and all(w in FILLER_WORDS for w in words(rest) if w.strip())


ALLOCATED_RE = re.compile(r"^(?:安排|列支|拨付)了?")  # the budget's verb, said before the part
WHEN_RE = re.compile(r"^(?:当年|今年|全年|本年|去年|上年|明年)(?:给|用于|花在)?")  # when, said before the part

FILLER_PARTS = {"一共", "总共", "合计", "多少钱", "具体", "是多少", "有多少"}
# the item asked pointed at, not a part of it ("2080505是什么科目？…预算里这个科目安排了多少钱")
POINTER_PART_RE = re.compile(r"(?:(?:这|那|该)(?:个|一)?)?(?:科目|项|笔|款|类|行)?")


NOTE_START_RE = re.compile(r"(?:注|说明)\s*[:：]")


def note_words(text: str, limit: int = 60) -> str:
    """What a note says, for quoting in an answer: from its "注：/说明：" on where an empty table's
    printed headers ran into it, at most ``limit`` characters (the citation keeps it whole)."""
    starts = [m.start() for m in NOTE_START_RE.finditer(text)]
    text = text[starts[-1]:] if starts and len(text) > limit else text
    text = text.rstrip("。；;")
    return text if len(text) <= limit else text[:limit] + "…"


def _unitless(pick: Pick | None) -> bool:
    """One printed figure whose table prints no unit (123.45: 元 or 万元?)."""
    return pick is not None and not pick.summed and not pick.cells[0].unit and not pick.cells[0].blank


def absent_figure(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """A sum of money the document says the department does not have ("本年度没有政府性基金预算
    财政拨款收入和支出") where no table row holds it (an empty table left out, or not parsed): 0,
    with that sentence cited."""
    if q.operation != "value" or q.computed or any(u not in YUAN_PER_UNIT for u in q.units):
        return None
    for concept in q.concepts:
        for doc in docs:
            said = zero_statement(doc, concept.terms) or absence_statement(doc, concept.terms)
            if said is None or performance_aside(doc, said.section_seq, q.text):
                continue
            unit = next((t.unit for t in doc.tables if t.unit), "万元")
            text = f"{doc.department}{doc.year}年度{concept.name}为0{unit}，文件载明：“{note_words(said.text)}”。"
            figure = Figure("0", unit, 0.0, concept.name, doc.department, doc.year)
            return finish(q, text, [figure], [sentence_citation(doc, said)],
                          ["表中没有这一项的数字，按文件的文字说明视为0。"], {0.0}, LOOKUP)
    return None


def disagreeing_copies(lib: Library, q: QueryPlan, docs: list[Document], pick: Pick) -> list[Located]:
    """The same figure in another document claiming the same department, year, kind and scope
    (a republished file, a changed copy uploaded to the shared library) where it prints another
    value: which one is right is not chosen by file name. A session's own upload is its user's
    choice and is set against nothing."""
    doc, cell = pick.doc, pick.cells[0]
    own = doc.doc_id in lib.own_ids
    key = (lib.resolver.department_key(doc.department), doc.year, doc.kind, doc.scope)
    found = []
    for other in docs:
        if other is doc or (other.doc_id in lib.own_ids) != own or \
                (lib.resolver.department_key(other.department), other.year, other.kind, other.scope) != key:
            continue
        twin = pick_cells(q, other)
        if twin and not twin.summed and twin.cells[0].value is not None and cell.value is not None and \
                abs(cell_amount(twin.cells[0]) - cell_amount(cell)) > 0.005:
            found.append(twin.cells[0])
    return found


def _unexplained(lib: Library, q: QueryPlan, doc: Document, pick: Pick) -> tuple[str, Answer | None]:
    """What of the question the cell picked does not account for ("" where all of it), or, for a
    code given with the name of another row, both rows listed."""
    cell = pick.cells[0]
    focus = (unexplained_modifier(q.match_text, cell) or unexplained_phrase(q.rest, cell, anywhere=pick.vague)
             or part_unsaid(q, cell) or "")
    if focus and q.operation == "yesno" and cell.value == 0 and not pick.summed:
        return "", None  # a part of a whole that is zero is zero: "彩票公益金有没有支出" of a fund spending 0
    if focus and cell.row.code in q.codes:
        same, other = code_and_name(lib, q, doc, cell)
        if other is not None:
            return focus, code_name_candidates(q, cell, other)
        return ("" if same else focus), None
    return focus, None


# a code given with a name beside it ("30211办公费是多少", "2081005社会福利支出了多少")
CODE_NAMED_RE = re.compile(r"(\d{3}\s?\d{2}(?:\s?\d{2})?)\s*([\u4e00-\u9fff]{2,20}?)"
                           r"(?=是|有|花|为|多少|的|了|呢|安排|预算|决算|支出了|[，,。？?]|$)")
# how much of a row's name a name said with its code must share, in order, to be that row's
# (机关事业单位养老保险缴费支出 of 2080505 机关事业单位基本养老保险缴费支出)
NAME_LIKENESS = 0.8


def code_and_name(lib: Library, q: QueryPlan, doc: Document, cell: Located) -> tuple[bool, Located | None]:
    """A code and a name given together, where the code's row does not account for the name:
    whether the name is that row's as people shorten it; else the row the name picks where that
    is another row of the document (30211 is 差旅费, 办公费 is 30201), both then being listed, since
    which was meant cannot be told; (False, None) where the name picks nothing of its own."""
    m = next((m for m in CODE_NAMED_RE.finditer(q.text) if re.sub(r"\s", "", m.group(1)) == cell.row.code), None)
    if m is None:
        return False, None
    if SequenceMatcher(None, match_key(m.group(2)), row_key(cell.row.label)).ratio() >= NAME_LIKENESS:
        return True, None
    named = understand(q.text[:m.start()] + m.group(2) + q.text[m.end():], lib, q.before)
    try:
        pick = pick_cells(replace(named, resolved=q.resolved), doc)
    except AmbiguousRow:
        return False, None
    if pick is None or pick.summed or pick.cells[0].row.code == cell.row.code or pick.cells[0].value is None:
        return False, None
    return False, pick.cells[0]


def cell_amount(cell: Located) -> float:
    """A cell's value in yuan where it is money (12.02万元 = 120200元), else as printed."""
    return yuan(cell.value, cell.unit) or cell.value


def _which_one(q: QueryPlan, items: list[Item], text: str, missing: str) -> Answer:
    """Several cells that each fit the question, listed and cited, none heading: which is meant is asked."""
    return Answer(q.text, text, UNCLEAR, LOOKUP, citations=[i.citation for i in items], missing=[missing], items=items)


def _listed(items: list[Item]) -> str:
    return "；".join(f"{i.label} {i.value}{i.unit}" for i in items)


def disagreement(q: QueryPlan, cells: list[Located]) -> Answer:
    items = [item(c, f"{c.doc.source}·{c.table.title}“{c.column_path}”") for c in cells]
    answer = _which_one(q, items, f"库中有{len(cells)}份文件都是{cells[0].doc.department}{cells[0].doc.year}年{cells[0].doc.kind}，"
                                  f"“{cells[0].label}”的数字却不同：{_listed(items)}。无法判断哪一份正确，请核对原件。", "哪一份文件")
    answer.notes.append("注意：同一部门同一年度的两份文件数字不一致，两处均已引用。")
    return answer


# a clause leaving something out ("不含财政专户资金", "除了其他资金"): what it names is not asked
LEFT_OUT_RE = re.compile(r"(?:不含|不包括|不包含|除了?|扣除|不算|排除)[^，。；？?,]{0,12}")


def fund_unsaid(question: str, cell: Located) -> bool:
    """A fund asked of, read from a cell whose table, row and column say nothing of that fund: a
    count ("财政拨款负担的车") counts all of them; money of a fund other than the general budget
    ("其他资金收入", "财政专户的钱") is not the whole it is part of (本年收入合计). (财政拨款 and the
    general budget, which most money tables hold, are matched by the lookup itself.)"""
    key = match_key(question)
    carried = match_key(" ".join([cell.table.title, cell.column_path, cell.row.label]))
    if cell.unit in YUAN_PER_UNIT:
        general, asked = match_key("一般公共预算"), match_key(LEFT_OUT_RE.sub("", question))  # ("不含财政专户资金")
        return any(w in asked and w not in carried for w in schema().fund_words if w != general)
    return any(w in key and w not in carried for w in [schema().all_funds, *schema().fund_words, "财政负担"])


def context_unsaid(q: QueryPlan, cell: Located) -> bool:
    """A fund and a spending item asked together ("项目支出里财政拨款", "其中财政拨款的" after 项目
    支出, "财政拨款的项目支出") where the cell carries only one of them: a fund's total is not its
    part in one item, nor an item's total (all funds) the part one fund pays. 财政拨款 is carried
    by any of its funds (一般公共预算 …) in the cell's table, row or column."""
    funds = schema().funds
    carried = match_key(" ".join([cell.table.title, cell.column_path, cell.row.label, cell.label]))
    # the cell is a fund's own total (财政拨款收入, 一般公共预算财政拨款收入), not a row that names a fund
    own = lexicon().named(cell.label)
    fund_cell = own is not None and any(f in match_key(cell.label) for f in funds)
    for m in lexicon().concepts_in(q.match_text):
        word = match_key(m.word)
        if m.generic or m.concept.name == cell.label or m.colloquial and own is not None and m.concept.contains(own.name):
            continue  # (the whole the cell's concept is the funded part of, said in everyday words:
            #           "年末财政拨款结转和结余还剩")
        if any(f in word for f in funds):
            if not any(f in carried for f in (funds if schema().all_funds in word else [f for f in funds if f in word])):
                return True  # the fund asked is not the cell's
        elif fund_cell and word not in carried and not any(match_key(t) in carried for t in m.concept.terms):
            return True  # the fund's total, not its part in the item asked
    return False


def whole_unsaid(q: QueryPlan, cell: Located) -> bool:
    """The question says the whole the figure lies in ("政府采购预算里，公车加油的钱") and the cell
    is of another table that no word of that whole names: an item of that name elsewhere (the 三公
    table's 公务用车运行维护费) is not the whole's part."""
    # (the 类 or 款 above the row names it too: 办公设备购置 is under 资本性支出)
    carried = match_key(" ".join([cell.table.title, cell.column_path, cell.row.label, cell.label, *labels_above(cell)]))
    family = schema().family(cell.table.type)
    return any(whole.name != cell.label and not any(match_key(w) in carried for w in whole.words())
               and family not in {schema().family(f.table) for f in whole.finds} for whole in wholes_said(q.match_text))


def other_funds_cells(q: QueryPlan, cell: Located) -> list[Located]:
    """"财政拨款的项目支出" read from the general budget's table alone (一般公共预算财政拨款…) in a
    document whose 政府性基金 (or 国有资本经营) table shows money on the same row (the same 科目
    code, or the total) in the same column (its 项目支出; else any spending column): those cells,
    the rest of what 财政拨款 paid. [] where 财政拨款 is not asked of the cell or nothing else paid."""
    key = match_key(q.match_text)
    others = schema().appropriated_funds
    carried = match_key(" ".join([cell.table.title, cell.column_path, cell.row.label, cell.label]))
    if schema().all_funds not in key or any(f in key for f in schema().fund_words) or \
            "一般公共预算" not in carried or any(f in carried for f in others):
        return []
    part = cell.column_path.rsplit("/", 1)[-1]
    found = []
    for ti, table in enumerate(cell.doc.tables):
        if table.type not in others.values() or table.unit not in YUAN_PER_UNIT:
            continue
        columns = [i for i, c in enumerate(table.columns) if c.rsplit("/", 1)[-1] == part] or \
            [i for i, c in enumerate(table.columns) if "支出" in c]
        for ri, row in enumerate(table.rows):
            if not (row.code == cell.row.code if cell.row.code else is_total(row.label)):
                continue
            found += [Located(cell.doc, ti, ri, ci, f"{table.title}·{part}") for ci in columns[:1]
                      if ci < len(row.values) and parse_amount(row.values[ci] or "")]
            break
    return found


def funds_summed(q: QueryPlan, general: Located, others: list[Located]) -> Answer:
    """What 财政拨款 paid for an item printed per fund only: the general budget's cell plus the
    other funds', each cited, the sum shown."""
    cells = [general, *others]
    total = sum(yuan(c.value or 0.0, c.unit) or 0.0 for c in cells)
    value = round(total / YUAN_PER_UNIT[general.unit], 2)
    printed = fmt(value, 2)
    parts = " + ".join(f"{_where(c)}{c.printed}{c.unit}" for c in cells)
    asked = item_name(general)
    text = (f"{_who(general)}财政拨款安排的{asked}为{printed}{general.unit}，文件没有单列这个合计，"
            f"由各项财政拨款相加：{parts} = {printed}{general.unit}。")
    figure = Figure(printed, general.unit, round(total, 4), f"财政拨款{asked}", general.doc.department, general.doc.year,
                    derived=True, formula=" + ".join(c.printed or "0" for c in cells) + f" = {printed}")
    return finish(q, text, [figure], [citation(c) for c in cells], [],
                  {value, *(c.value or 0.0 for c in cells)}, LOOKUP)


CHANGE_COLUMN_RE = re.compile(r"增减|增长|变动|比上年|同比")


def answers_operation(q: QueryPlan, pick: Pick) -> bool:
    """Whether the picked cells are the figure asked for, not one of its operands: a change needs a
    change column, a sum the summed cells; a difference or comparison is computed elsewhere, and
    a ranking or breakdown is of the items, never their total."""
    if q.operation in ("rank", "breakdown"):
        return False
    if q.operation == "change":
        return bool(CHANGE_COLUMN_RE.search(pick.cells[0].column_path))
    if q.operation == "sum":
        return pick.summed
    return not q.computed


TOTAL_NAMES = re.compile(r"^(合计|小计|总计|金额|本年支出合计|本年收入合计)?$")


def item_name(cell: Located) -> str:
    """What a cell is a figure of: its row's name, or for a total row its column's last level
    ("公务接待费" of the 三公 table's 合计 row)."""
    name = row_key(cell.row.label)
    return match_key(cell.column_path.rsplit("/", 1)[-1]) if TOTAL_NAMES.match(name) else name


# tables that print one expense item (差旅费, 公务接待费 …) for different scopes: the 基本支出
# tables only its basic part, the 机关运行经费 table its running part, the 三公/会议费/培训费
# table all of it
ITEM_TABLES = ("economic", "running", "sangong")


def namesakes(doc: Document, cell: Located, q: QueryPlan) -> list[Located]:
    """The same expense item printed with another figure in another table, when the question
    names no table or column that tells them apart: 差旅费 in the 基本支出 table and in the 机关
    运行经费 table. Then which is meant is asked, not guessed; but where one of them is the 三公
    table's, that one is the item's whole and answers (the others are parts of it)."""
    family = schema().family(cell.table.type)
    if family not in ITEM_TABLES or family == "sangong" or named_table(doc, q.match_text) is not None \
            or cell.value is None:
        return []
    name = item_name(cell)
    # a two-character name ("电费") is the same item only under the same 经济分类 code
    short = len(name) < 3
    if (short and not cell.row.code) or TOTAL_NAMES.match(name):
        return []
    # a scope said that the cell's table names and another's does not ("基本支出里的差旅费": the
    # 基本支出 table's, not the 机关运行经费 table's)
    scopes = [key for m in lexicon().concepts_in(q.match_text) if not m.generic
              for key in {match_key(m.word), match_key(m.concept.name)} if key in match_key(cell.table.title)]
    found: dict[float, Located] = {}
    for ti, table in enumerate(doc.tables):
        if ti == cell.table_seq or schema().family(table.type) not in ITEM_TABLES or \
                scopes and not any(key in match_key(table.title) for key in scopes):
            continue
        for ri, row in enumerate(table.rows):
            if short and row.code != cell.row.code:
                continue
            for ci, printed in enumerate(row.values):
                other = Located(doc, ti, ri, ci, cell.label)
                if printed is None or other.value is None or table.measures[ci] != cell.table.measures[cell.column] \
                        or item_name(other) != name or column_named(table.columns[ci], q.match_text):
                    continue
                if schema().family(table.type) == "sangong":
                    return []  # the whole of the item is printed: the value route answers from it
                if abs(cell_amount(other) - cell_amount(cell)) > 0.5:
                    found.setdefault(round(cell_amount(other), 2), other)
    return list(found.values())


# the tables printing what 财政拨款 (or the general budget's part of it) paid, against the tables of
# all the department's money (支出表, 收支总表)
APPROPRIATED_FAMILIES = ("appropriation", "general")
# an amount said in the question ("过两千万了吗", "超过5600万"): a yes or no that turns on the figure
AMOUNT_SAID_RE = re.compile(r"[\d一二两三四五六七八九十百千]+(?:\.\d+)?\s*(?:万|亿|千|百|元)")
# a scope said: a fund, all of the money, or income other than 财政拨款 ("全部资金", "含事业收入")
SCOPE_SAID_RE = re.compile(r"全部资金|所有资金|各项资金|全口径|资金来源|单位资金|其他资金|事业收入|经营收入|自有资金")


def fund_scopes(q: QueryPlan, cell: Located) -> list[Located]:
    """The same 科目 row or concept printed with a smaller figure in a table of what 财政拨款 paid
    (殡葬 1531.12万元 in the 支出决算表, all funds; 451.86万元 in the 一般公共预算财政拨款支出决算
    表), where the cell is of a table of all the department's money and the question names no fund,
    scope or table: both are "the" figure of what was asked, so both are listed, each with its table."""
    if schema().family(cell.table.type) not in ("total", "spending") or cell.value is None or \
            named_table(cell.doc, q.match_text) is not None or WHOLE_ASKED_RE.search(q.text) or q.before is not None \
            or q.operation == "yesno" and not AMOUNT_SAID_RE.search(q.text):
        # ("一共花了多少": all of the money; "其中殡葬呢": the scope the turn before answered in;
        # "有殡葬支出吗": there is, in either)
        return []
    key = match_key(q.match_text)
    if schema().all_funds in key or any(f in key for f in schema().fund_words) or SCOPE_SAID_RE.search(key):
        return []
    concept = lexicon().named(cell.label)
    if concept is not None and concept.department_total:
        return []  # (the department's whole spending is all of its money)
    whole = cell_amount(cell)
    found: dict[float, Located] = {}
    for ti, table in enumerate(cell.doc.tables):
        if schema().family(table.type) not in APPROPRIATED_FAMILIES:
            continue
        other = _same_row_scoped(cell, ti) or (_concept_in(q, cell, concept, ti) if concept is not None else None)
        # (a row naming its fund is an item of its own: 年初财政拨款结转和结余 beside 年初结转和结余)
        if other is not None and other.value is not None and 0.5 < cell_amount(other) < whole - 0.5 and \
                not any(f in match_key(other.row.label) for f in schema().funds):
            found.setdefault(round(cell_amount(other), 2), other)
    return list(found.values())


def _same_row_scoped(cell: Located, ti: int) -> Located | None:
    """The cell's 科目 row (by code) in table ``ti``, in the column of the same part (基本支出,
    项目支出) or, for the row's whole, the table's first spending column."""
    if not cell.row.code:
        return None
    table = cell.doc.tables[ti]
    part = cell.column_path.rsplit("/", 1)[-1]
    spending = [ci for ci, c in enumerate(table.columns) if "收入" not in c and table.measures[ci] == cell.table.measures[cell.column]]
    if part in ("基本支出", "项目支出"):
        columns = [ci for ci in spending if table.columns[ci].rsplit("/", 1)[-1] == part]
    else:  # (the row's whole; 经营支出 and the like are no 财政拨款 spending)
        columns = spending[:1] if TOTAL_NAMES.match(part) or WHOLE_ASKED_RE.search(part) else []
    for ri, row in enumerate(table.rows):
        if row.code == cell.row.code and columns and columns[0] < len(row.values) and row.values[columns[0]]:
            return Located(cell.doc, ti, ri, columns[0], cell.label)
    return None


def _concept_in(q: QueryPlan, cell: Located, concept, ti: int) -> Located | None:
    """A concept of the department's whole (基本支出) as table ``ti`` prints it."""
    if cell.row.code:
        return None
    cells, summed = locate_concept(cell.doc, concept, q.measure, q.match_text, only_table=ti)
    return cells[0] if cells and not summed and len(cells) == 1 and cells[0].unit == cell.unit else None


WHOLE_ASKED_RE = re.compile(r"合计|总计|总共|一共|全部|总额|共计")


def stated_columns(cell: Located, q: QueryPlan) -> list[Located]:
    """Other columns of the cell's row whose figures the narrative also gives under the same name
    (人员经费 339.77万元 of all 财政拨款 spending, and 323.35万元 of its 基本支出): each is "the"
    figure somewhere in the document, so which is meant is asked. A question naming a column, or
    asking for the whole (合计, 一共), has chosen already."""
    table, key = cell.table, match_key(q.match_text)
    usable = [ci for ci, v in enumerate(cell.row.values) if v is not None]
    if WHOLE_ASKED_RE.search(q.text) or column_hits(table, usable, key) or cell.value is None:
        return []
    words = [cell.label] + [w for c in q.concepts if c.name == cell.label for w in c.terms]
    found = []
    for ci in usable:
        other = Located(cell.doc, cell.table_seq, cell.row_seq, ci, cell.label)
        if ci == cell.column or other.value is None or table.measures[ci] != table.measures[cell.column] \
                or item_name(other) != item_name(cell) or abs(cell_amount(other) - cell_amount(cell)) <= 0.5:
            continue  # (a total row's other columns are other items: 三公's 购置费)
        if other.unit in YUAN_PER_UNIT and states_right_after(cell.doc, words, cell_amount(other)):
            found.append(other)
    return found


def states_right_after(doc: Document, words: list[str], yuan_value: float) -> bool:
    """A narrative sentence gives the amount right after one of the names ("其中：人员经费323.35
    万元"), not as a change or another measure of it, to the cent of its printed unit."""
    names = [k for k in map(match_key, words) if len(k) >= 3]
    for s in sentences(doc):
        key = match_key(s.text)
        for name in names:
            at = key.find(name)
            while at >= 0:
                near = AMOUNT_RE.search(key, at + len(name), at + len(name) + 12)
                if near and near.group(2) in YUAN_PER_UNIT and \
                        not NOT_LEVEL_RE.search(key[at + len(name):near.start()]) and \
                        abs(parse_amount(near.group(1)) * YUAN_PER_UNIT[near.group(2)] - yuan_value) <= \
                        0.005 * YUAN_PER_UNIT[near.group(2)] + 1e-6:
                    return True
                at = key.find(name, at + 1)
    return False


def column_named(column: str, question: str) -> bool:
    """The question names a level of this column ("基本支出", "项目支出"): it picks its own."""
    key = match_key(question)
    return any(len(part) >= 2 and match_key(part) in key for part in column.split("/")[:-1])


def _printed_at(cell: Located) -> str:
    """Where a candidate is printed: its table, row (not a total's) and column."""
    row = row_name(cell.row.label) if not TOTAL_NAMES.match(row_key(cell.row.label)) else ""
    return f"{cell.table.title}·{row}“{cell.column_path}”"


def candidates(q: QueryPlan, cells: list[Located]) -> Answer:
    items = [item(c, _printed_at(c)) for c in cells]
    return _which_one(q, items, f"文件中“{cells[0].label}”有{len(cells)}个不同的数字，口径不同：{_listed(items)}。请说明要哪一个。",
                      "哪一个口径")


def code_name_candidates(q: QueryPlan, by_code: Located, by_name: Located) -> Answer:
    """The row a code given prints and the row the name beside it names, each with its figure."""
    items = [item(c, f"{c.row.code or '（无编码）'} {row_name(c.row.label)}：{_printed_at(c)}") for c in (by_code, by_name)]
    named = row_name(by_name.row.label)
    return _which_one(q, items, f"编码{by_code.row.code}在文件中是“{row_name(by_code.row.label)}”（{items[0].value}{items[0].unit}），"
                                f"而“{named}”" + (f"的编码是{by_name.row.code}" if by_name.row.code else "是另一行") +
                                f"（{items[1].value}{items[1].unit}）。请说明要哪一个。", "编码还是名称")


def scope_candidates(q: QueryPlan, cells: list[Located]) -> Answer:
    """The figure of all the department's money and of what 财政拨款 paid, each named by its scope."""
    def scope(cell: Located) -> str:
        if schema().family(cell.table.type) not in APPROPRIATED_FAMILIES:
            return "全部资金"
        return "一般公共预算财政拨款" if "一般公共预算" in cell.table.title + cell.column_path else schema().all_funds

    items = [item(c, f"{scope(c)}：{_printed_at(c)}") for c in cells]
    head = cells[0]
    return _which_one(q, items, f"{head.doc.department}{head.doc.year}年度“{head.label}”按资金口径有{len(cells)}个数：{_listed(items)}。"
                                f"全部资金含事业收入、经营收入等财政拨款以外的资金，财政拨款只算财政拨款。请说明要哪一个口径。",
                      "哪一个资金口径")


def measure_word(cell: Located, q: QueryPlan) -> str:
    if cell.table.type == PROJECT_FUNDS:
        return f"（{cell.column_path}）"  # a project's form names each of its amounts
    for word in ("预算数", "决算数"):
        if word in cell.column_path:
            return word
    return default_measure(cell.doc)


MIN_DIGITS_READ_ACROSS = 4


def printed_elsewhere(q: QueryPlan, head: Located) -> Located | None:
    """The same concept in another table of the document that prints it, with its unit, where the
    cell picked is blank or its table prints no unit (收入支出总表's blank 事业收入, the 收入表's
    0.00), in a table the templates make hold the same figure (core/schema/tables.toml identities)."""
    concept = lexicon().named(head.label)
    own = schema().family(head.table.type)
    same = {t for i in schema().identities if concept is not None and concept.name in i.concepts
            and own in i.tables for t in i.tables} - {own}
    for ti, table in enumerate(head.doc.tables):
        if schema().family(table.type) not in same:
            continue
        cells, summed = locate_concept(head.doc, concept, q.measure, q.match_text, only_table=ti)
        if cells and not summed and not cells[0].blank and cells[0].unit and cells[0].value is not None:
            return cells[0]
    return None


def same_row_with_unit(head: Located) -> Located | None:
    """The same 科目 printing the same figure in another table of the document that prints its
    unit (收入支出决算总表 without a unit, 支出决算表 with 万元: "社会保障和就业支出 3,590.09"
    in both): that table's unit is the figure's. A figure of three significant digits or fewer
    could repeat by chance, so it is not read across."""
    digits = re.sub(r"\D", "", head.printed).lstrip("0")
    if head.value is None or len(digits) < MIN_DIGITS_READ_ACROSS:
        return None
    name, code = row_key(head.row.label), head.row.code
    own = schema().family(head.table.type)
    # (the 收支总表's 支出 by 类 is the 支出表's; an income table's row of the same name is not)
    families = {own, "spending"} if own == "total" else {own}
    for ti, table in enumerate(head.doc.tables):
        if ti == head.table_seq or schema().family(table.type) not in families:
            continue
        for ri, row in enumerate(table.rows):
            if not (row.unit or table.unit) or not ((code and row.code == code) or row_key(row.label) == name):
                continue
            for ci, printed in enumerate(row.values):
                if printed is not None and parse_amount(printed) == head.value:
                    return Located(head.doc, ti, ri, ci, head.label)
    return None


def figure_answer(lib: Library, q: QueryPlan, pick: Pick) -> Answer:
    if not pick.summed and (pick.cells[0].blank or not pick.cells[0].unit) and \
            (other := printed_elsewhere(q, pick.cells[0])) is not None:
        pick = Pick([other])
    doc, head = pick.doc, pick.cells[0]
    citations = [citation(c) for c in (pick.cells if pick.summed else [head])]
    notes: list[str] = []
    if q.years == [] and len({d.year for d in lib.infos
                              if lib.resolver.department_key(d.department) ==
                              lib.resolver.department_key(doc.department)}) > 1:
        notes.append(f"问题未指定年度，按库中最新的{doc.year}年{doc.kind}回答。")
    if not head.unit and not head.blank:
        # no unit printed for the table: 123.45 could be 元 or 万元, a 10,000-fold difference
        text = (f"{_who(head)}{_where(head)}中“{head.label}”（{head.column_path}）印为{head.printed}，但该表没有印金额单位，"
                f"无法确定是元还是万元，因此不给出数值。请以原件核对。")
        return Answer(q.text, text, NOT_FOUND, LOOKUP, [], citations, notes + ["该表未印金额单位。"])
    if pick.summed:
        return _summed_answer(q, pick, citations, notes)
    if head.blank:
        return _blank_answer(q, head, citations, notes, lib.same_disclosure(head.doc))
    return _cell_answer(q, head, citations, notes)


def _who(cell: Located) -> str:
    return f"{cell.doc.department}{cell.doc.year}年度"


def _where(cell: Located) -> str:
    return f"{cell.table.code + ' ' if cell.table.code else ''}《{cell.table.title}》"


def _summed_answer(q: QueryPlan, pick: Pick, citations: list, notes: list[str]) -> Answer:
    """A figure the table prints in parts only (基本支出 + 项目支出), added up with the sum shown."""
    cells, head = pick.cells, pick.cells[0]
    values = [c.value or 0.0 for c in cells]
    places = max(decimals(c.printed) for c in cells if c.printed) if any(c.printed for c in cells) else 2
    total = round(sum(values), places)
    parts = " + ".join(f"{c.row.label.split('/')[-1]}{c.printed or '0'}" for c in cells)
    printed = fmt(total, places)
    formula = f"{' + '.join(c.printed or '0' for c in cells)} = {printed}"
    text = f"{_who(head)}{head.label}为{printed}{head.unit}（{parts}，据{_where(head)}计算）。"
    figure = Figure(printed, head.unit, yuan(total, head.unit), head.label, head.doc.department, head.doc.year,
                    derived=True, formula=formula)
    return finish(q, text, [figure], citations, notes, {total, *values}, LOOKUP)


def zero_said(head: Located, concepts: list, siblings: list[Document] = ()) -> tuple[Document, object] | None:
    """The sentence saying a blank cell's item is zero or absent (in this file or in the other file
    of the same disclosure), with its document; None where none does."""
    words = [head.label, head.row.label.split("/")[-1]] + [w for c in concepts for w in c.terms]
    outturn = "预算" not in head.column_path  # (a blank budget column is not explained by an outturn of 0)
    return next(((d, z) for d in [head.doc, *siblings]
                 if (z := zero_statement(d, words) or (zero_outturn_stated(d, words) if outturn else None)
                     or absence_statement(d, words)) is not None), None)


def blank_as_zero(head: Located, said: tuple | None) -> str | None:
    """Why a blank cell reads as 0: the table's note that it is empty, the sentence saying so, or
    both; None where neither does (a blank is then no figure)."""
    if not head.table.says_empty and said is None:
        return None
    return "，".join(([f"表下注明“{note_words(head.table.note)}”"] if head.table.says_empty else []) +
                    ([f"文件载明“{note_words(said[1].text)}”"] if said is not None else []))


def _blank_answer(q: QueryPlan, head: Located, citations: list, notes: list[str],
                  siblings: list[Document]) -> Answer:
    """A blank cell is 0 only where the disclosure says so (the table "无数据", or the narrative,
    in this file or in the other file of the same disclosure)."""
    doc = head.doc
    said = zero_said(head, q.concepts[:1], siblings)
    totals = zero_by_totals(head) if not head.table.says_empty and said is None else None
    if totals is None and not head.table.says_empty and said is None and \
            (parts := zero_by_parts(head) or zero_by_classes(head)) is not None:
        whole, printed = parts
        citations += [citation(whole)] + [citation(c) for c in printed]
        added = " + ".join(c.printed for c in printed)
        text = (f"{_who(head)}{_where(head)}“{head.row.label}”{measure_word(head, q)}为0{head.unit}"
                f"（表中该格为空；同表“{whole.row.label}”{whole.printed}{head.unit}等于已列各项之和（{added}），"
                f"其余各项只能为0）。")
        notes.append(f"推算：{whole.printed} − ({added}) = 0。")
        figure = Figure("0", head.unit, 0.0, head.label, doc.department, doc.year)
        return finish(q, text, [figure], citations, notes, {0.0, whole.value, *(c.value for c in printed)}, LOOKUP)
    if totals is not None:
        subtotal, total, between = totals
        citations += [citation(subtotal), citation(total)] + [citation(c) for c in between]
        added = [subtotal, *between]
        said_sum = f"与“{subtotal.row.label}”{subtotal.printed}{head.unit}相等" if not between else \
            "等于" + "与".join(f"“{c.row.label}”{c.printed}{head.unit}" for c in added) + "之和"
        text = (f"{_who(head)}{_where(head)}“{head.row.label}”{measure_word(head, q)}为0{head.unit}"
                f"（表中该格为空；同表“{total.row.label}”{total.printed}{head.unit}{said_sum}，"
                f"其余各项只能为0）。")
        figure = Figure("0", head.unit, 0.0, head.label, doc.department, doc.year)
        notes.append(f"推算：{total.printed} − {' − '.join(c.printed for c in added)} = 0。")
        return finish(q, text, [figure], citations, notes, {0.0, total.value, *(c.value for c in added)}, LOOKUP)
    if (source := blank_as_zero(head, said)) is not None:
        # (both where both say it: "为什么是空的" is answered by the narrative's "本年度无此项支出")
        if said is not None:
            citations.append(sentence_citation(*said))
        text = f"{_who(head)}{head.label}{measure_word(head, q)}为0{head.unit}（表中该格为空，{source}）。"
        figure = Figure("0", head.unit, 0.0, head.label, doc.department, doc.year)
        notes.append("表中该格为空白，按文件说明视为0。")
        return finish(q, text, [figure], citations, notes, {0.0}, LOOKUP)
    text = (f"{_who(head)}{_where(head)}中“{head.label}”（{head.column_path}）一栏为空，"
            f"文件没有说明其金额，无法确认该数据。")
    return Answer(q.text, text, NOT_FOUND, LOOKUP, [], citations, notes)


SUBTOTAL_RE = re.compile(r"合计$")
GRAND_TOTAL_RE = re.compile(r"总计$")


NUMBERED_PART_RE = re.compile(r"^\s*\d{1,2}\s*[.、．]")  # "5. 执法执勤用车": one of a whole's numbered parts
# "(一) 车辆数合计(辆)", "一、财政拨款收入" (over "1.一般公共预算资金", "2.政府性基金" …)
WHOLE_ROW_RE = re.compile(r"^\s*(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．])")


def zero_by_parts(head: Located) -> tuple[Located, list[Located]] | None:
    """A blank among a whole's numbered parts ("(一) 车辆数合计 25" over "1. …" to "8. 其他用车") where
    the parts printed add up to the whole: the blank part is 0. None otherwise."""
    rows, ci = head.table.rows, head.column
    if not NUMBERED_PART_RE.match(head.row.label):
        return None
    top = next((i for i in range(head.row_seq - 1, -1, -1) if not NUMBERED_PART_RE.match(rows[i].label)), None)
    if top is None or not WHOLE_ROW_RE.match(rows[top].label):
        return None
    end = next((i for i in range(top + 1, len(rows)) if not NUMBERED_PART_RE.match(rows[i].label)), len(rows))
    whole = Located(head.doc, head.table_seq, top, ci, rows[top].label)
    parts = [Located(head.doc, head.table_seq, i, ci, rows[i].label) for i in range(top + 1, end)]
    printed = [c for c in parts if c.value is not None]
    if whole.value is None or not printed:
        return None
    return (whole, printed) if _made_up_of(whole, printed) else None


def _made_up_of(whole: Located, printed: list[Located]) -> bool:
    """The figures printed (none negative) add up to the whole, to the rounding of the finest
    printed place: any part left blank beside them is 0."""
    places = max(decimals(c.printed) for c in [whole, *printed])
    return not any(c.value < 0 for c in printed) and abs(whole.value - sum(c.value for c in printed)) <= 0.5 * 10 ** -places


CLASS_ORDINAL_RE = re.compile(r"^\s*[一二三四五六七八九十]+[、.．]\s*")
SPENDING_SUBTOTAL_RE = re.compile(r"^(?:当年|本年)支出(?:小计|合计)$")


def zero_by_classes(head: Located) -> tuple[Located, list[Located]] | None:
    """A blank among a summary table's 类 rows ("十二、农林水支出" of a 收支预算总表 that lists every
    类 of the template) where the classes printed add up to the table's spending subtotal
    (当年支出小计, in whichever column it is printed): the blank class is 0. None otherwise."""
    def is_class(label: str) -> bool:
        return any(len(c) == 3 for c in schema().codes_named("function", CLASS_ORDINAL_RE.sub("", label)))

    rows, ci = head.table.rows, head.column
    if not is_class(head.row.label):
        return None
    parts = [Located(head.doc, head.table_seq, i, ci, r.label) for i, r in enumerate(rows) if is_class(r.label)]
    printed = [c for c in parts if c.value is not None]
    whole = next((Located(head.doc, head.table_seq, i, cj, r.label) for i, r in enumerate(rows)
                  if SPENDING_SUBTOTAL_RE.match(row_key(r.label))
                  for cj, v in enumerate(r.values) if parse_amount((v or "").strip()) is not None), None)
    if whole is None or whole.value is None or len(printed) < 1:
        return None
    return (whole, printed) if _made_up_of(whole, printed) else None


def zero_by_totals(head: Located) -> tuple[Located, Located, list[Located]] | None:
    """A blank cell between a 合计 and the 总计 below it (年末结转和结余 between 本年支出合计 and
    支出总计) where the 总计 is the 合计 plus the figures printed between them (本年收入合计 8450.21
    + 年初结转和结余 190.81 = 总计 8641.02): the blank adds nothing, so it is 0. Only where no figure
    between them is negative, and the template's totals are not coded 科目 rows; with the figures
    printed between."""
    rows, ci = head.table.rows, head.column
    above = next((i for i in range(head.row_seq - 1, -1, -1) if not rows[i].code
                  and SUBTOTAL_RE.search(row_key(rows[i].label))), None)
    below = next((i for i in range(head.row_seq + 1, len(rows)) if not rows[i].code
                  and GRAND_TOTAL_RE.search(row_key(rows[i].label))), None)
    if above is None or below is None:
        return None
    cells = [Located(head.doc, head.table_seq, i, ci, rows[i].label) for i in (above, below)]
    subtotal, total = cells
    if subtotal.value is None or total.value is None or subtotal.value <= 0:
        return None
    between = [c for c in (Located(head.doc, head.table_seq, i, ci, rows[i].label) for i in range(above + 1, below))
               if c.value]
    return (subtotal, total, between) if _made_up_of(total, [subtotal, *between]) else None


def _cell_answer(q: QueryPlan, head: Located, citations: list, notes: list[str]) -> Answer:
    """One printed cell, in 万元 too where printed in 元, checked against the narrative."""
    doc, value, measure, where = head.doc, head.value, measure_word(head, q), _where(head)
    text = f"{_who(head)}{head.label}{measure}为{head.printed}{head.unit}"
    allowed = {value}
    if (other := converted(value, head.unit, q.form_unit)) is not None:
        said, amount, wanted = other
        text += f"（折合{said}）"
        notes.append(f"原表单位为{head.unit}，{head.printed}{head.unit} = {said}"
                     f"（1{wanted} = {exact(YUAN_PER_UNIT[wanted] / YUAN_PER_UNIT[head.unit])}{head.unit}）。")
        allowed.add(amount)
    row_part = f"“{head.row.label}”行、" if head.row.label else ""
    text += f"，见{where}{row_part}“{head.column_path}”列。"
    notes += warnings_for(head)
    figure = Figure(head.printed, head.unit, yuan(value, head.unit), head.label, doc.department, doc.year)
    support = narrative_check(head, q)
    if support is not None:
        s, agrees = support
        citations.append(sentence_citation(doc, s))
        if not agrees and warnings_for(head):
            # the table fails its own arithmetic and the narrative says otherwise: no figure
            text = (f"{_who(head)}{head.label}{measure}无法确认：{where}{row_part}“{head.column_path}”列印为"
                    f"{head.printed}{head.unit}，但情况说明写道“{s.text}”，且该表分项之和与合计不符。"
                    f"两处均已引用，请以原件核对。")
            return Answer(q.text, text, NOT_FOUND, LOOKUP, [], citations, notes)
        if not agrees:
            notes.append(f"注意：情况说明中的表述与表格不一致：“{s.text}”（以表格为准，两处均已引用）。")
    return finish(q, text, [figure], citations, notes, allowed, LOOKUP)


def warnings_for(cell: Located) -> list[str]:
    """Arithmetic warnings of the table that touch the cited row or column."""
    col_key, row_key = match_key(cell.column_path.split("/")[0]), match_key(cell.row.label)
    out = []
    for w in cell.table.warnings:
        k = match_key(w)
        if (row_key and row_key in k) or (col_key and col_key in k and "数据行" in w):
            out.append(f"注意：该表数据自身不一致——{w}。")
    return out


def narrative_check(cell: Located, q: QueryPlan) -> tuple[Sentence, bool] | None:
    """A narrative sentence naming the same figure: it supports the cell, or contradicts it."""
    if cell.value is None or cell.unit not in YUAN_PER_UNIT:
        return None
    words = [cell.label] + [w for c in q.concepts if c.name == cell.label for w in c.terms]
    target = cell.value * YUAN_PER_UNIT[cell.unit]

    def same(v: float, u: str) -> bool:
        return abs(v * YUAN_PER_UNIT[u] - target) <= 0.5 * YUAN_PER_UNIT[u] * 0.01 + 1e-6

    contradiction = None
    for s in sentences(cell.doc):
        key = match_key(s.text)
        hits = [match_key(w) for w in words if len(match_key(w)) >= 3 and match_key(w) in key]
        if not hits:
            continue
        start = key.find(hits[0])
        found = [(v, u) for _, v, u in amounts(key[start:][:40]) if u in YUAN_PER_UNIT]
        if any(same(v, u) for v, u in found):
            return s, True
        # the amount stated right after the name ("公务用车购置费0元") is another one; not a
        # change or another measure ("比上年增加5万元", "预算5万元")
        near = AMOUNT_RE.search(key, start + len(hits[0]), start + len(hits[0]) + 12)
        if contradiction is None and near and near.group(2) in YUAN_PER_UNIT and \
                not NOT_LEVEL_RE.search(key[start + len(hits[0]):near.start()]) and \
                not same(parse_amount(near.group(1)), near.group(2)):
            contradiction = s
    return (contradiction, False) if contradiction is not None else None


def code_described(lib: Library, q: QueryPlan, docs: list[Document]) -> Answer | None:
    """"2080208是什么": the 科目 a code names, as the document prints it, with its level and figure."""
    if not q.codes:
        return None
    found, _ = figure(lib, replace(q, operation="value", intent="figure"), docs)
    if found is None or found.status != ANSWERED or not found.citations or not found.citations[0].row_code:
        return None
    cited = found.citations[0]
    level = LEVEL_BY_LENGTH.get(len(cited.row_code), "")
    found.answer = f"{cited.row_code}是“{cited.row}”{f'（{level}级科目）' if level else ''}。" + found.answer
    return found
