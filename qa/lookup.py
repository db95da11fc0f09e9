"""Exact figures from the tables: a concept through the lexicon's locators, or a 科目 by name or
code, in the right table and column, with the measure (预算数/决算数) the question asks for."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, replace

from core.concepts import Concept, lexicon, locate
from core.schema import schema
from index.lexical import shared_words
from core.model import NAMED_ROW_CATEGORIES, Document, Row, Table
from ingest.forms import PROJECT_FUNDS
from core.text import ORDINAL_RE, abbreviates, match_key, parse_amount
from core.vocab import INSIDE, filler_words

UNIT_SUFFIX_RE = re.compile(r"[(（][^)）]*[)）]$")
PROCUREMENT_CATEGORY_RE = re.compile(r"^(货物|工程|服务)[a-z]?$")
GENERIC_LABELS = {"合计", "小计", "总计", "其他", "项目", "栏次", "其中"}
# where a 科目 named in a question is looked for first
ROW_TABLE_PRIORITY = ("total", "spending", "general", "economic", "fund", "income", "appropriation",
                      "stats", "running", "procurement", "sangong", "state_capital")
SPENDING_WORDS = re.compile(r"支出|花|用于|开支|经费|费用")
RECEIVED_RE = re.compile(r"收入|拿到|收到|得到|获得|到账|到位")  # money said come in
CARRIED_RE = re.compile(r"结转|结余")


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


# words a question and a table title share that point at that table (besides the funds)
TABLE_TOPIC_WORDS = ("三公", "基本支出", "采购", "机关运行", "统计", "经济分类", "功能分类")


@lru_cache(maxsize=1)
def affinity_words() -> tuple[str, ...]:
    return (schema().all_funds, *schema().fund_words, *TABLE_TOPIC_WORDS)


def table_affinity(table: Table, question: str, column: str = "") -> int:
    """How many table-naming words ("一般公共预算", "政府性基金"…) the question shares with the
    table's title, the cell's column or the fund its template type is of."""
    kind = schema().by_id.get(table.type)
    key, title = match_key(question), match_key(" ".join([table.title, column, kind.fund if kind else ""]))
    return sum(1 for w in affinity_words() if w in key and w in title)


MIN_TABLE_WORDS = 5  # "收入决算表": the fewest title characters that still name a table
# where a table's name in a question starts: after the year, "的", "里", punctuation
# where the words naming a table begin: after these marks, or after another table's name (and the
# word joining the two: "收入决算表和支出决算表"; "那张表底下写着是空表" names one table)
LISTED_TITLE_RE = re.compile(r"(?:[^\W\d_年的里中在张那这份]{1,10}、)+$")
TABLE_PHRASE_START = re.compile(r".*(?:表(?:\([一二三四五六七八九十]\))?(?:和|与|跟|同|及|以及)|(?<=表[里中上])(?:和|与|跟|同|及)|"
                                r"[年的里中在，,、？?。:：表])")


# a table pointed at by the page it is printed on ("第13页那张表", "第5页的表")
PAGE_TABLE_RE = re.compile(r"第\s*(\d{1,3})\s*页(?:上|里|中)?的?(?:那|这)?[张个]?表")


def page_named(question: str) -> int | None:
    """The page number of a table the question points at by its page, if it does."""
    m = PAGE_TABLE_RE.search(question)
    return int(m.group(1)) if m else None


def named_table(doc: Document, question: str) -> int | None:
    """A table the question names: by code ("公开05表"), else by the words before a "表".

    People shorten titles ("三公经费支出决算表" for 财政拨款“三公”经费支出决算表, "基本支出决算表"
    for 一般公共预算财政拨款基本支出决算明细表): the table sharing the most title words with that
    phrase is meant; at a tie, one whose whole title is in the phrase ("支出决算表" is 支出决算表,
    not the 三公 table ending in it)."""
    key = match_key(question)
    codes = [(len(code), ti) for ti, code in enumerate(match_key(t.code) for t in doc.tables)
             if len(code) >= 4 and code in key]
    if codes:
        return max(codes)[1]
    if (page := page_named(question)) is not None:  # "第13页那张表": the table printed on that page
        on_page = [ti for ti, t in enumerate(doc.tables) if t.page_start is not None
                   and t.page_start <= page <= (t.page_end or t.page_start)]
        return min(on_page, key=lambda ti: doc.tables[ti].page_start != page) if on_page else None
    best, best_score = None, (0, False, False)
    # (two tables named, "收入决算表和支出决算表里数不一样，到底支出了多少": the one the asking clause says)
    asking = re.split(r"[，,。；;]", key.rstrip("？?。"))[-1]
    for phrase in table_phrases(key):
        for ti, table in enumerate(doc.tables):
            title = match_key(table.title)
            score = (shared_words(phrase, title), title in phrase, any(w in asking and w in title for w in ("支出", "收入")))
            if score[0] >= min(MIN_TABLE_WORDS, len(title)) and score > best_score:
                best, best_score = ti, score
    if best is None:  # "三公表": a table said by its short name, where the document has one of that type
        for phrase in table_phrases(key):
            kind = schema().short_named(phrase)
            # (or those read as that type, the first printed: "基本支出表" of a document with a 财政拨款
            # 基本支出预算表 and a 一般公共预算基本支出预算表, which print the same rows)
            found = [ti for ti, table in enumerate(doc.tables) if kind and schema().family(table.type) == kind]
            if len([ti for ti in found if doc.tables[ti].type == kind]) <= 1 and found:
                return found[0]
    return best


# between a whole and what is asked inside it ("基本支出里取暖费", "基本支出里交电费")
INSIDE_RE = re.compile(rf"(?:{INSIDE})的?(?:交|缴|付|发|用|花|买)?的?")


def breaks_down(doc: Document, table_seq: int, concept) -> bool:
    """The table is one of the concept's own: its title names the concept ("基本支出决算明细表"), or
    it is the kind of table the concept's parts are listed in (基本支出: the 经济分类 tables)."""
    table = doc.tables[table_seq]
    kinds = {concept.parts.table} if concept.parts and concept.parts.table else set()
    return any(match_key(w) in match_key(table.title) for w in concept.words()) or \
        bool(kinds & {table.type, schema().family(table.type)})


def table_phrases(key: str) -> list[str]:
    """The words naming a table: from the last boundary before each "表" to its end ("(一)")."""
    return [key[start:end] for start, end in table_phrase_spans(key)]


# a table said by some of its title's words before 表 ("收支总表", "财政拨款那张表", "收入表")
TABLE_WORDS_RE = re.compile(r"([\u4e00-\u9fff]{1,14}?)(?:那一?张|这一?张|那个|的)?表")


def table_words(question: str) -> list[str]:
    """The words before each 表 the question says, clause by clause ("收支总表和财政拨款那张表":
    收支总, 财政拨款): unlike ``table_phrases``, "三公那张表" keeps its words, for questions about
    the tables themselves (their columns, notes, two of them set side by side)."""
    clauses = re.split(r"[，,。？?；;和跟与及、]", match_key(question))
    return [m.group(1) for clause in clauses for m in TABLE_WORDS_RE.finditer(clause)]


def table_phrase_spans(key: str) -> list[tuple[int, int]]:
    """Where ``table_phrases`` lie in the (match_key) question."""
    spans = []
    for m in re.finditer(r"表(\([一二三四五六七八九十]\))?", key):
        if re.search(r"[那这](?:一?张|个)?$", key[:m.start()]) and "、" not in re.split(r"[，,。？?；;]", key[:m.start()])[-1]:
            continue  # ("三公经费那张表": the table of the item named, not a title spelt out; a listed one is)
        start = max(0, m.start() - 30)
        cut = TABLE_PHRASE_START.match(key[start:m.start()])
        begin = start + (cut.end() if cut else 0)
        # ("三公经费、会议费、培训费表": a title that lists its items, read whole)
        listed = LISTED_TITLE_RE.search(key[start:begin]) if key[begin - 1:begin] == "、" else None
        spans.append((start + listed.start() if listed else begin, m.end()))
    return spans


FLOW_SUFFIX_RE = re.compile(r"(?:收入|支出)$")
# an item of a project's form said without its money word ("上年结转过来的钱" for 上年结转资金)
MONEY_SUFFIX_RE = re.compile(r"(?:资金|金额)$")


def _column_score(column: str, key: str) -> int:
    """How much of a column's path the question spells out: characters of the levels named, or
    of the fund words a level and the question share ("政府性基金" for 政府性基金预算财政拨款)."""
    score = 0
    for part in re.split(r"[/：:]", column):
        if len(part) < 2 or part in ("合计", "小计", "金额", "其中"):
            continue
        if match_key(part) in key:
            score += len(part)
        elif len(stem := FLOW_SUFFIX_RE.sub("", part)) >= 4 and match_key(stem) in key and part[len(stem):] in key:
            # "这一项的收入里，财政拨款出了多少" names 财政拨款收入: the source, its 收入 said apart
            score += len(stem)
        elif len(stem := MONEY_SUFFIX_RE.sub("", part)) >= 4 and stem != part and match_key(stem) in key:
            score += len(stem)
        else:
            score += sum(len(w) for w in schema().fund_words if w in part and w in key)
    return score


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
        return _one_column_of_one_table(located), True
    # the same concept in several places: take the first table's first row and column
    first = located[0]
    return [c for c in located if (c.table_seq, c.row_seq, c.column) == (first.table_seq, first.row_seq, first.column)], False


def _one_column_of_one_table(cells: list[Located]) -> list[Located]:
    """The rows to sum, read in one table and the first column every one of them fills (水费 and
    电费 on the 合计 column, not also on 人员经费 / 公用经费); none when no column holds them all
    (a partial sum would be a wrong figure)."""
    table = cells[0].table_seq
    cells = [c for c in cells if c.table_seq == table]
    rows = {c.row_seq for c in cells}
    shared = sorted(col for col in {c.column for c in cells}
                    if {c.row_seq for c in cells if c.column == col} == rows)
    return [c for c in cells if c.column == shared[0]] if shared else []


def _term_in_columns(doc: Document, concept: Concept, question: str, only_table: int | None):
    """The concept as a column of the table the question points at (政府性基金…年末结转和结余),
    read on that table's 合计 row (or its only row), when the lexicon has no locator for that table."""
    from core.concepts import Cell

    tables = [only_table] if only_table is not None else [
        ti for ti, t in enumerate(doc.tables) if t.category == "standard" and table_affinity(t, question)]
    terms = [match_key(t) for t in concept.terms if len(t) >= 3]
    cells = []
    for ti in tables:
        table = doc.tables[ti]
        for ci, col in enumerate(table.columns):
            if any(t in match_key(col) for t in terms):
                for ri, row in enumerate(table.rows):
                    whole = match_key(row.label) in ("合计", "总计") or len(table.rows) == 1
                    if whole and row.values[ci] is not None:
                        cells.append(Cell(ti, ri, ci))
    return cells


# how a procurement is organised (the last label column of a 政府采购预算表): no item's name
PROCUREMENT_FORM_RE = re.compile(r"(?:分散|集中|自行|委托|政府|部门)+(?:组织|采购)")


def _how_bought(level: str) -> bool:
    """A label level saying how an item is bought (分散自行组织), not what it is."""
    return bool(PROCUREMENT_FORM_RE.fullmatch(match_key(level)))


def _last_level(label: str) -> str:
    """The row's own level of its label path; a 政府采购预算表's last column says how an item is
    bought ("住宿服务/分散自行组织"), not what: the item is the level before it."""
    levels = label.split("/")
    return levels[-2] if len(levels) > 1 and _how_bought(levels[-1]) else levels[-1]


def row_key(label: str) -> str:
    """A row's name for matching: last level, no ordinal, no unit in brackets."""
    last = _last_level(label)
    return match_key(UNIT_SUFFIX_RE.sub("", ORDINAL_RE.sub("", last.strip())))


def without_spent_word(name: str) -> str:
    """A name without a trailing 支出/费用/经费 ("机关事业单位基本养老保险缴费支出" → …缴费)."""
    return re.sub(r"(支出|费用|经费)$", "", name)


def row_names(label: str) -> list[str]:
    """The row's name, and the name without a trailing 支出/费用 ("流浪乞讨人员救助(支出)"); a
    procurement category's letter ("服务C") read as people say it ("服务类")."""
    name = row_key(label)
    short = without_spent_word(name)
    category = PROCUREMENT_CATEGORY_RE.match(name)
    return [name] + ([short] if short != name and len(short) >= 3 else []) + (
        [category.group(1) + "类"] if category else [])


def outline_names(label: str) -> list[str]:
    """The names inside a row label read as a path of label columns ("三、服务C/省政协专项会议/会议费/
    住宿服务/分散自行组织"): a 政府采购预算表 printed in outline form names its 品目 (住宿服务) in a
    middle column, so every row carrying it is one the question may mean."""
    parts = [match_key(ORDINAL_RE.sub("", p)) for p in label.split("/")[:-1]]
    return [p for p in parts if len(p) >= 2 and not _how_bought(p)]


def rows_said(doc: Document, text: str) -> list[tuple[int, int, int, int]]:
    """The document's rows the text names, also by their everyday names ("房贴": 提租补贴)."""
    return named_rows(doc, lexicon().expand(text, concepts=False))


def named_rows(doc: Document, question: str, only_table: int | None = None,
               skip: list[tuple[int, int]] = ()) -> list[tuple[int, int, int, int]]:
    """(match length, start, table, row) for rows whose name the question spells out, longest first.
    Generic labels (合计, 总计) count only inside a table the question names; a name found within
    the ``skip`` spans (words already understood as something else) or inside a longer row name
    found in the question ("城乡社区" in "城乡社区管理事务") does not count; one that goes on past
    such a word ("项目支出结转和结余" past 项目支出) does."""
    key = match_key(question)
    hits = []
    for ti, table in enumerate(doc.tables):
        if table.category not in NAMED_ROW_CATEGORIES or (only_table is not None and ti != only_table):
            continue
        for ri, row in enumerate(table.rows):
            for name in row_names(row.label) + own_name_left_out(doc, table, row.label) + (
                    outline_names(row.label) if table.type == "procurement" else []):
                if len(name) < 2 or (name in GENERIC_LABELS and only_table is None):
                    continue
                # the first place the name is said that is not inside the department's name
                # ("越秀区法院25年法院支出": the second 法院)
                start = next((m.start() for m in re.finditer(re.escape(name), key)
                              if not _in_department_name(doc, key, m.start(), m.end())), -1)
                if start >= 0:
                    hits.append((len(name), start, ti, ri))
                    break
    spans = {(h[1], h[1] + h[0]) for h in hits}
    hits = [h for h in hits if not any(a <= h[1] and h[1] + h[0] <= b and b - a > h[0] for a, b in spans)
            and not any(a <= h[1] and h[1] + h[0] <= b for a, b in skip)]
    return sorted(hits, key=lambda h: (-h[0], h[1]))


MIN_NAME_LEFT = 6  # what stays of a project's name once the body's own name is left out


def own_name_left_out(doc: Document, table: Table, label: str) -> list[str]:
    """A project's name said without the body's own name inside it ("新建万里街道社区公共服务中心"
    said "新建社区公共服务中心"): the label less the longest run of two or more characters of the
    department's name (its place, its body), where enough of the label stays to name it."""
    if table.category != "projects":
        return []
    return list(_without_longest_run(row_key(label), tuple(_department_names(doc))))


@lru_cache(maxsize=4096)
def _without_longest_run(label: str, names: tuple[str, ...]) -> tuple[str, ...]:
    runs = [label[i:j] for i in range(len(label)) for j in range(len(label), i + 1, -1)
            if any(label[i:j] in n for n in names)]
    run = max(runs, key=len, default="")
    left = label.replace(run, "", 1) if len(run) >= 2 else ""
    return (left,) if len(left) >= MIN_NAME_LEFT else ()


def prints_row(doc: Document, name: str, only: int | None = None) -> bool:
    """Whether the document prints a row the name says whole (not only a shorter row inside it,
    政府采购's "服务" of 养老服务; "服务类" is the 服务 a document prints)."""
    stem = match_key(name).removesuffix("类")
    return any(length >= len(stem) for length, *_ in named_rows(doc, match_key(name), only))


def _without_row(question: str, row: Row) -> str:
    """The question with the row's name blanked, so that its words do not also pick the column
    ("红十字事业收入预算合计": 红十字事业 is the row; 事业收入 is not asked)."""
    key = match_key(question)
    name = next((n for n in row_names(row.label) if n in key), "")
    return key.replace(name, " ", 1) if name else key


def _department_names(doc: Document) -> list[str]:
    return [match_key(n) for n in [doc.department, *doc.aliases] if n]


def without_department(doc: Document, question: str) -> str:
    """The question (as a key) with the department's name, or the part of it the question writes
    ("省委办公厅"), blanked: its words say who, not which row."""
    key = match_key(question)
    names = _department_names(doc)
    longest = max(map(len, names), default=0)  # no longer stretch can be part of a name
    out, i = [], 0
    while i < len(key):
        length = max((n for n in range(min(len(key) - i, longest), 2, -1)
                      if any(key[i:i + n] in name for name in names)), default=0)
        out.append(" " if length else key[i])
        i += length or 1
    return "".join(out)


def _in_department_name(doc: Document, key: str, start: int, end: int) -> bool:
    """The words at key[start:end] are part of the department's name as the question writes it
    ("社会福利" in "社会福利院", "法院" in "越秀区法院"), not a 科目: the name goes on around them."""
    names = _department_names(doc)
    around = [key[max(start - 1, 0):end], key[start:end + 1]]
    if any(len(a) > end - start and a in n for a in around for n in names):
        return True
    # "越秀区法院": the place before it and the name shortened (广州市越秀区人民法院)
    return any(abbreviates(key[a:end], n) for a in range(max(start - 8, 0), start - 1) for n in names)


def names_row(label: str, question: str) -> bool:
    """The question spells out the row's name, or says it the colloquial way ("参公" for a row
    holding "参照公务员法管理")."""
    name = row_key(label)
    if not name:
        return False
    official = lexicon().expand(question, concepts=False)[len(question):].split()
    return name in match_key(question) or any(len(w) >= 4 and match_key(w) in name for w in official)


def names_column(doc: Document, hit: tuple[int, int, int, int]) -> bool:
    """A row label that is also a column name of its table ("一般公共预算财政拨款"): in a
    question it names the column, not the row."""
    table = doc.tables[hit[2]]
    return row_key(table.rows[hit[3]].label) in {match_key(p) for c in table.columns for p in c.split("/")}


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
    sides = all(any(side in table.columns[ci] for ci in usable) for side in ("收入", "支出"))
    pool = named or sorted(usable, key=lambda ci: _default_column_rank(table.columns[ci], row.values[ci], key, sides))
    want = measure or default_measure(doc)
    measured = [ci for ci in pool if want in table.columns[ci]]
    return (measured or pool)[0]


def _default_column_rank(column: str, value: str, key: str, sides: bool) -> tuple[bool, bool, bool]:
    """Without a column named, a 支出 question reads a 支出 column (not 年初结转和结余) and a 收入
    question ("拿到了多少") a 收入 one, where the table has ``sides`` (columns of both); the year's
    flow comes before what was carried in or out (结转和结余) unless that is asked; a printed cell
    before a blank one; otherwise the table's order."""
    side = "支出" if SPENDING_WORDS.search(key) else "收入" if RECEIVED_RE.search(key) else None
    carried = bool(CARRIED_RE.search(column)) and not CARRIED_RE.search(key)
    return (side is not None and sides and side not in column), carried, parse_amount(value) is None


def table_priority(table: Table, question: str) -> tuple[int, int, int]:
    """Tables whose title or columns the question names first, then the template's order."""
    kind = schema().family(table.type)
    order = list(ROW_TABLE_PRIORITY)
    if "收入" in question and not SPENDING_WORDS.search(question):
        order.remove("income")
        order.insert(0, "income")
    if "财政拨款" in question:
        order.remove("general")
        order.insert(0, "general")
    column = max((_column_score(c, match_key(question)) for c in table.columns), default=0)
    return -table_affinity(table, question), -column, order.index(kind) if kind in order else len(order)


def locate_named_row(doc: Document, question: str, codes: list[str], measure: str | None,
                     only_table: int | None = None, skip: list[tuple[int, int]] = ()) -> Located | None:
    """A 科目 the question names by code or by label, in the most fitting table."""
    candidates: list[tuple[int, int]] = []
    for code in codes:
        candidates += [c for c in rows_by_code(doc, code) if only_table is None or c[0] == only_table]
    if not candidates:
        # the question's own words first; the aliases' official words only when those find nothing
        hits = named_rows(doc, question, only_table, skip) or named_rows(
            doc, lexicon().expand(question, concepts=False), only_table, skip)
        # "城乡社区管理事务行政运行": a 科目 under another one the question names is the target,
        # and only the one under it (not every 款's 行政运行)
        code_of = {h: doc.tables[h[2]].rows[h[3]].code or "" for h in hits}
        codes = set(code_of.values()) - {""}
        parents = {p for p in codes if any(c != p and c.startswith(p) for c in codes)}
        if parents:
            hits = [h for h in hits if code_of[h] not in parents
                    and any(code_of[h].startswith(p) for p in parents)]
        hits = [h for h in hits if not names_column(doc, h)] or hits
        if hits:
            longest = max(h[0] for h in hits)
            candidates = [(ti, ri) for length, _, ti, ri in hits if length == longest]
    # ("208类收入决算数": the 收入决算表's row, never the 收支总表's, whose 208 prints its 支出 only)
    candidates = [c for c in candidates if not _other_side_only(doc.tables[c[0]], c[1], question)]
    if not candidates:
        return None
    ti, ri = min(candidates, key=lambda c: (table_priority(doc.tables[c[0]], question), c[0], c[1]))
    table = doc.tables[ti]
    # rows of that table under the same name ("卫生健康和住房保障" names two rows, not namesakes)
    namesakes = [r for t, r in candidates if t == ti and row_key(table.rows[r].label) == row_key(table.rows[ri].label)]
    rows = _most_named(table, namesakes, without_department(doc, question))
    # one of several rows of that name is called by its parent too ("资本性支出(基本建设)中的办公设备购置")
    name = (lambda r: "中的".join(filter(None, [parent_name(table, r), row_name(table.rows[r].label)]))) if len(
        namesakes) > 1 else (lambda r: row_name(table.rows[r].label))
    cells = [Located(doc, ti, r, column, name(r)) for r in rows
             for column in [choose_column(table, table.rows[r], _without_row(question, table.rows[r]), measure, doc)]
             if column is not None]
    if len(cells) == 1 and table.type == PROJECT_FUNDS:
        cells = _project_amounts(cells[0], question)
    if len({c.printed for c in cells}) > 1:
        raise AmbiguousRow(cells)
    return cells[0] if cells else None


# money asked of a project without naming an item of its form ("给了多少钱", "预算多少", "执行了多少")
PROJECT_MONEY_ASKED_RE = re.compile(r"钱|资金|金额|预算|拨款|经费|执行|花|安排|[万千]?元")
# a form's fields that are no money ("年度指标值", "起止时间", "实施单位", "自评得分")
PROJECT_FIELD_ASKED_RE = re.compile(r"指标|满意度|起止|时间|日期|开始|完成|单位|负责人|电话|得分|评分|分值|目标|性质|类别")


def _project_amounts(cell: Located, question: str) -> list[Located]:
    """A project's money asked without naming an item of its form ("这个项目给了多少钱"): the
    item read, or every item printing a different amount (项目资金总额 10,903,043 against 当年财政拨款
    11,419,043; 项目预算金额 against 实际执行金额) — which is meant is asked, not guessed. Items
    printing 0 are parts left empty (上年结转资金), no rival to the total."""
    row = cell.row
    usable = [ci for ci, v in enumerate(row.values) if v is not None]
    rest = _without_row(question, row)
    if column_hits(cell.table, usable, match_key(rest)):
        return [cell]
    if PROJECT_FIELD_ASKED_RE.search(rest) and not PROJECT_MONEY_ASKED_RE.search(rest):
        return []  # ("这个项目的满意度指标值是多少": a form's other fields, no amount of money)
    first: dict[str, int] = {}
    for ci in usable:
        if parse_amount(row.values[ci]):
            first.setdefault(row.values[ci].strip(), ci)
    return [replace(cell, column=ci) for ci in first.values()] or [cell]


def _other_side_only(table: Table, ri: int, question: str) -> bool:
    """Whether the question asks a 收入 (in words besides the row's own name) and the row prints
    figures only in 支出 columns: its 支出 is no answer."""
    row = table.rows[ri]
    key = match_key(_without_row(question, row))
    if not RECEIVED_RE.search(key) or SPENDING_WORDS.search(key):
        return False
    printed = [table.columns[ci] for ci, v in enumerate(row.values) if v is not None]
    return bool(printed) and all("支出" in c and "收入" not in c for c in printed)


class AmbiguousRow(Exception):
    """Several rows of one table carry the name the question gives, with different figures
    ("分散自行组织" under each item of a 政府采购预算表): which one is meant must be asked, not guessed."""

    def __init__(self, cells: list[Located]):
        super().__init__(cells[0].label)
        self.cells = cells


def code_ancestors(table: Table, row: Row) -> list[Row]:
    """The 类/款 rows above a row by code (201 and 20105 above 2010506)."""
    return [r for r in table.rows if r.code and row.code.startswith(r.code) and r.code != row.code]


def parent_name(table: Table, ri: int) -> str:
    """The row above a row: the level before it in its label, the 科目 its code falls under, or,
    for a "其中：" row, the row it is part of (the nearest one before it on the same side)."""
    row = table.rows[ri]
    levels = row.label.split("/")
    if _how_bought(levels[-1]):
        levels = levels[:-1]  # ("住宿服务/分散自行组织": the item is 住宿服务, its parent the level before)
        if len(levels) == 1:  # its parents left blank in an outline-style table: the item row above
            above = next((r for r in reversed(table.rows[:ri]) if not _how_bought(r.label.split("/")[-1])), None)
            return "·".join(ORDINAL_RE.sub("", p) for p in above.label.split("/")) if above else ""
    if len(levels) > 1:
        return row_name(levels[-2])
    parents = code_ancestors(table, row)
    if parents:
        return ORDINAL_RE.sub("", max(parents, key=lambda r: len(r.code)).label)
    if re.match(r"其中[:：]", row.label.strip()):
        side = [v is not None for v in row.values]
        for above in reversed(table.rows[:ri]):
            if not re.match(r"其中[:：]", above.label.strip()) and [v is not None for v in above.values] == side:
                return row_name(above.label)
    return ""


def _said(label: str, key: str) -> float:
    """How fully the question says a row's name: all of it ("资本性支出(基本建设)"), or just its
    name without the bracket, which then counts a little less than a row named exactly that."""
    full, short = match_key(ORDINAL_RE.sub("", label.strip())), row_key(label)
    if len(full) >= 2 and full in key:
        return len(full)
    return len(short) - (0.5 if short != full else 0) if len(short) >= 2 and short in key else 0


def _most_named(table: Table, rows: list[int], question: str) -> list[int]:
    """Of rows sharing a name, those whose parents or group the question also names."""
    key = match_key(question)

    def score(ri: int) -> tuple[float, int]:
        """How fully the question says a parent; then how many of its words it shares ("年初…
        结转和结余" against 年初结转和结余 and 年末结转和结余)."""
        row = table.rows[ri]
        parents = [p for p in row.label.split("/")[:-1] + [row.group, parent_name(table, ri)] if p]
        rest = key.replace(row_key(row.label), " ")  # the row's own name says nothing of its parent
        return (max((_said(p, rest) for p in parents), default=0),
                max((shared_words(rest, match_key(p)) for p in parents), default=0))

    scores = {ri: score(ri) for ri in rows}
    best = max(scores.values(), default=(0, 0))
    return [ri for ri in rows if scores[ri] == best]


def code_row_names(docs: list[Document], codes: list[str]) -> set[str]:
    """The printed names (match keys) of the rows the tables give those 科目 codes."""
    return {match_key(row_name(r.label)) for d in docs for t in d.tables for r in t.rows if r.code in codes}


# a 科目 named with or without its 支出 ("政协事务行政运行支出" is the 行政运行 row's)
SPENDING_SUFFIX_RE = re.compile(r"支出$")


def row_name(label: str) -> str:
    """A row's name as an answer says it: the last level, without its ordinal."""
    return ORDINAL_RE.sub("", _last_level(label)) or label


TOTAL_SEGMENT_RE = re.compile(r"^(合计|小计|总计|金额)$")


def printed_name(cell: "Located") -> str:
    """What the table itself calls the cell: its row's name, or for a table of one row (the 三公
    table) the last header word of its column that is neither a total nor a measure
    ("…预算数/公务用车购置及运行费/小计" → 公务用车购置及运行费); the concept name when neither says it."""
    name = row_name(cell.row.label)
    if name and not TOTAL_SEGMENT_RE.match(row_key(name)):
        return name
    words = [w for w in cell.column_path.split("/")
             if not TOTAL_SEGMENT_RE.match(match_key(w)) and not schema().measure_named(w)]
    return words[-1] if words else cell.label


def same_code_cells(cell: Located, families: tuple[str, ...] | None = None) -> list[Located]:
    """The cell's 科目 (by its code) in the document's other tables, each at the column its row
    reads by default: of the table families given, in their order, else of every table in turn."""
    doc = cell.doc
    found = []
    for ti, table in enumerate(doc.tables):
        if ti == cell.table_seq or (families is not None and schema().family(table.type) not in families):
            continue
        for ri, row in enumerate(table.rows):
            if row.code == cell.row.code:
                column = choose_column(table, row, "", None, doc)
                if column is not None:
                    found.append(Located(doc, ti, ri, column, cell.label))
    return found if families is None else sorted(found, key=lambda c: families.index(schema().family(c.table.type)))


FILLER_WORDS = filler_words("filler_words")  # words that say nothing about which figure is meant


def unexplained_modifier(question: str, cell: Located) -> str | None:
    """A concept said right before the one answered, narrowing it ("项目支出结转和结余": the
    结转和结余 of 项目支出), that the cell does not carry in its table, row or column: the
    cell is the whole, not the part asked for. Returns the phrase asked ("项目支出结转和结余")."""
    key = match_key(question)
    matches = [m for m in lexicon().concepts_in(question) if not m.generic]
    table = cell.table
    carried = match_key(" ".join([table.title, cell.column_path, cell.row.label, cell.row.group, cell.label,
                                  parent_name(table, cell.row_seq),
                                  *(r.label for r in code_ancestors(table, cell.row))]))
    for before, head in zip(matches, matches[1:]):
        if _spelled_from(key, head) != before.end or before.concept is head.concept or head.concept.name != cell.label:
            continue
        if not any(match_key(w) in carried for w in [before.word, *before.concept.words()]):
            return key[before.start:head.end]
    return None


def _spelled_from(key: str, match) -> int:
    """Where the question starts spelling a concept whose match is only the end of one of its
    names ("结转和结余" ends 年末结转和结余, matched as 结余)."""
    start = match.start
    for name in map(match_key, match.concept.words()):
        if name.endswith(match.word):
            head = name[:-len(match.word)]
            k = next((k for k in range(len(head), 0, -1) if key[match.start - k:match.start] == head[-k:]), 0)
            start = min(start, match.start - k)
    return start


HEADING_TAIL_RE = re.compile(r"(?:占用|使用|支出|收支)?(?:情况|说明|明细)$")


def labels_above(cell: Located) -> list[str]:
    """The names a cell's row sits under: the 类/款 above it by code ("城乡社区管理事务" over 行政运行),
    by layout ("资本性支出(基本建设)" over its 办公设备购置), and its group."""
    return [r.label for r in code_ancestors(cell.table, cell.row)] + [
        p for p in (parent_name(cell.table, cell.row_seq), cell.row.group) if p]


def unexplained_phrase(question_rest: str, cell: Located, anywhere: bool = False) -> str | None:
    """A phrase of the question that the chosen cell does not account for, while the document's
    narrative states it or its tables name a row by it ("政府采购授予中小企业合同金额": the 政府采购
    total answers another question). Then the table cell is not the answer, and the narrative is
    searched instead. When the cell was found from a generic word only (``anywhere``: "最低生活保障支出" → 支出),
    any such phrase counts, stated in the narrative or not."""
    from qa.narrative import worded_key

    text = match_key(question_rest)
    # the row, the 类/款 above it by code ("城乡社区管理事务行政运行") or by layout ("资本性支出
    # (基本建设)" over its 办公设备购置), its group, its column and table
    above = labels_above(cell)
    # an everyday word explains the cell only when the cell carries its official words ("买电脑"
    # within 办公费 names 计算机, which the 办公费 row does not)
    carried = match_key(" ".join([cell.row.label, *above, cell.column_path, cell.table.title]))
    known = [m.word for m in lexicon().concepts_in(text)] + [
        phrase for phrase, official in lexicon().aliases.items()
        if any(match_key(word) in carried for word in official.split())]
    known += [n for label in [cell.row.label] + above for part in label.split("/")
              for n in row_names(part) + [match_key(ORDINAL_RE.sub("", part.strip()))]]
    known += own_name_left_out(cell.doc, cell.table, cell.row.label)
    # a group heading said without its closing words ("国有资产" of "三、国有资产占用情况")
    known += [HEADING_TAIL_RE.sub("", match_key(ORDINAL_RE.sub("", p.strip()))) for p in above]
    # the row's name as people shorten it: "参公事业单位" for 参照公务员法管理事业单位
    known += [row_key(cell.row.label).replace(match_key(official), match_key(phrase))
              for phrase, official in lexicon().aliases.items() if match_key(official) in row_key(cell.row.label)]
    known += affinity_words()
    known += cell.column_path.split("/") + [cell.table.title, cell.table.code or ""]
    known += _table_said_short(text, cell.table.title)
    for word in sorted({match_key(w) for w in known if w}, key=len, reverse=True):
        text = text.replace(word, " ")
    # a standard 科目 the cell is not ("机关运行经费里，取暖费" on the 机关运行经费 total), even one
    # this document never prints and too short to be caught below
    subject = schema().subject_name_re.search(text)
    other_subject = subject.group() if subject and subject.group() not in carried else None
    if not re.search(r"[\u4e00-\u9fff]{4}", text):
        return other_subject  # nothing else long enough to name something (and no need to cut words)
    runs = word_runs(text)
    # any stretch of whole words in a run ("最低生活保障" in "市最低生活保障") that the narrative
    # states or another row of the tables is named by ("彩票公益金年末结转": that row's, not the total's)
    return stated_stretch(runs, worded_key(cell.doc), anywhere) or other_subject


def _table_said_short(text: str, title: str) -> list[str]:
    """The words naming a table in the question (``table_phrase_spans``) that the cell's table title
    holds, with their 表 ("运行经费表" of 一般公共预算机关运行经费支出预算表, "相关信息统计表" of
    "决算相关信息统计表"): the table called by part of its name, the longest such tail of each."""
    title = match_key(title)
    said = []
    for begin, end in table_phrase_spans(text):
        words_end = text.rfind("表", begin, end)
        start = next((s for s in range(begin, words_end - 1) if text[s:words_end] in title), None)
        if start is not None:
            said.append(text[start:end])
    return said


def word_runs(text: str) -> list[list[str]]:
    """The text cut into words, in runs split at filler words and anything not Chinese: the
    stretches that can name something ("最低生活保障" in "最低生活保障支出多少")."""
    from index.lexical import words

    runs, run = [], []
    for word in words(text) + [" "]:
        if word in FILLER_WORDS or not re.fullmatch(r"[\u4e00-\u9fff]+", word):
            runs.append(run)
            run = []
        else:
            run.append(word)
    return runs


def stated_stretch(runs: list[list[str]], story: str, anywhere: bool = False) -> str | None:
    """The longest stretch of whole words of a run (four characters or more) that ``story``
    contains, the first at a tie; else, ``anywhere``, the longest run. A stretch inside one the
    story contains is in it too, so two ends moving forward through each run find it: linear in
    the question, where listing every stretch took memory cubic in it."""
    best = ""
    for run in runs:
        end = 0
        for start in range(len(run)):
            end = max(end, start)
            while end < len(run) and "".join(run[start:end + 1]) in story:
                end += 1
            if end - start and len(piece := "".join(run[start:end])) > len(best):
                best = piece
    if len(best) < 4 and anywhere:
        best = max(("".join(r) for r in runs), key=len, default="")
    return best if len(best) >= 4 else None
