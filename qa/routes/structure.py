"""What a total is made of, and which part is largest: "钱主要花在哪", "哪一项支出最多",
"公用经费里哪项最多", "三公经费都花在哪了", and the same figure ranked across departments or
years ("哪个单位三公经费最多", "哪一年最高").

The parts of a 科目 are its 科目 one level down (by code, read from the fact store in one SQL
query); the parts of a concept are listed in the lexicon (other concepts, or the 科目 of one
table); with nothing named, the spending table's 类 (a breakdown) or its finest 科目 (a
ranking). The answer says at which level it read, lists every part with its cell, and gives as
its headline only the part asked for: the largest (or smallest).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from core.concepts import Concept, lexicon
from core.model import COUNT_UNITS, YUAN_PER_UNIT, Document, StatedFact, Table
from core.schema import LEVEL_BY_LENGTH, schema
from core.text import decimals, in_chinese, is_total, match_key, parse_amount
from core.vocab import has_cue, intents
from qa.answers import citation, finish, fmt, printed_and_converted, sentence_citation, yuan
from qa.context import Library
from qa.lookup import (SPENDING_SUFFIX_RE, AmbiguousRow, Located, choose_column, same_code_cells, printed_name, column_hits, default_measure, locate_concept,
                       locate_named_row, named_rows, named_table, row_key, row_name, table_phrases)
from qa.model import ANSWERED, LOOKUP, NOT_FOUND, UNCLEAR, Answer, Citation, Figure, Item
from ingest.forms import whole_projects
from ingest.stated import LEVEL_QUALIFIERS
from qa.narrative import stated_figure
from qa.routes.stated import matching_facts, stated_citation
from qa.pick import pick_cells
from qa.understand import LIST_MARK_RE, REMAINDER_RE, QueryPlan, aside_said, understand

# "财政拨款花得最多": money spent, whatever fund word names the table
SCORE_RE = re.compile(r"得分|评分|分数|打分|几分")  # a project's 绩效 score, no amount of money
EACH_ASKED_RE = re.compile(r"分别|各(?:自)?(?:花|用|安排|支出|花费|拨|收)?了?(?:是|为|有)?多少|各(?:是|为)(?:多少|几)")  # each figure named, as named
SPENDING_RE = re.compile(r"花|支出|用在|用于|开支|用了")
FROM_WHERE_RE = re.compile(r"从哪[^，。？?]{0,4}?来|哪(?:几|些)?(?:块|样|项|个|方面|部分)?来的|哪里来|哪儿来|来源")  # "钱都是从哪几块来的"
INCOME_RE = re.compile(r"收入|" + FROM_WHERE_RE.pattern)
LEVEL_LENGTH = {"类": 3, "款": 5, "项": 7}
CODE_LEVEL = {length: level for level, length in LEVEL_LENGTH.items()}
SHOWN_PARTS = 12


@dataclass
class Part:
    """One part of a whole: a table cell, or a figure the narrative states."""
    label: str
    printed: str
    value: float
    unit: str
    citation: Citation
    cell: Located | None = None

    @classmethod
    def of_cell(cls, cell: Located) -> "Part":
        return cls(cell.label, cell.printed or "0", cell.value or 0.0, cell.unit, citation(cell), cell)

    @property
    def yuan(self) -> float:
        return yuan(self.value, self.unit) or self.value


@dataclass
class Structure:
    whole: str  # what is broken down ("本年支出合计", "社会保障和就业支出")
    parts: list[Part]
    how: str  # where and at which level the parts were read ("《支出决算表》类级科目")
    exhaustive: bool = False  # the parts add up to the whole the document prints
    caveat: list[Part] = field(default_factory=list)  # a part's own parts, printed but not adding up to it
    computed: set[float] = field(default_factory=set)  # figures ``how`` states that no cell prints
    side_by_side: bool = False  # figures named together that are no parts of one whole (收入 and 支出)
    counted: Part | None = None  # the count its kinds are of, as a sentence states it ("共有车辆25辆")
    also: list[Citation] = field(default_factory=list)  # cells printing a part's figure under another name


def structure_answer(lib: Library, q: QueryPlan, docs: list[Document]) -> Answer | None:
    """A ranking or a breakdown within the first document that has the parts (two at least: one
    part "100%" of its whole is a breakdown that could not go deeper, or a part not parsed)."""
    if SCORE_RE.search(q.text):
        return _scores_ranked(q, docs)  # money is no score: the projects' scores the narrative states
    if has_cue("projects", q.text) and ("专项" in q.text or not any(c.parts and c.parts.concepts for c in q.concepts)) \
            and not _bought(q) and not _economic_rows_named(q):
        # 科目 are not projects: the project forms or the narrative may name them (but "三公经费主要
        # 花在哪些项目": a figure made of named parts has those for its items; a 政府采购 table names its 专项)
        return _projects_of_forms(q, docs)
    if q.operation == "breakdown" and (unsplit := _sources_unsplit(q, docs)) is not None:
        return unsplit
    for doc in docs:
        found = structure(lib, q, doc)
        if found is not None and (q.above is not None or q.share_above is not None):
            return _above_answer(lib, q, doc, found)
        measured = set(q.units) & COUNT_UNITS  # (not "哪几项", "占几成": the parts counted, their shares)
        if found is not None and (measured and any(p.unit not in measured for p in found.parts) or
                                  _things_counted(q) and any(p.unit in YUAN_PER_UNIT for p in found.parts)):
            continue  # ("哪种会议次数最多", "内设机构都是哪些": things counted asked, and these parts are money)
        nonzero = sum(1 for p in found.parts if p.value) if found else 0
        if (nonzero > 1 or (nonzero == 1 and found.exhaustive)) and len(found.parts) >= q.place:
            answer = _rank_answer(q, doc, found) if q.operation == "rank" else _breakdown_answer(q, doc, found)
            if answer is None:
                continue  # (the item whose place is asked is not among these parts, or the places asked past its end)
            return replace(answer, citations=answer.citations + found.also) if answer.citations else answer
    return None


def _projects_of_forms(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """Projects ranked or listed by the money their forms print (项目支出绩效目标表 …, read into
    one table of projects): by the money item the question names, else the form's first."""
    for doc in docs:
        if (seq := whole_projects(doc)) is None:
            continue
        table = doc.tables[seq]
        column = next(iter(column_hits(table, list(range(len(table.columns))), match_key(q.text))), 0)
        cells = [Located(doc, seq, i, column, row.label) for i, row in enumerate(table.rows)]
        parts = [Part.of_cell(c) for c in cells if c.value is not None]
        if sum(1 for p in parts if p.value) < 2 or len(parts) < q.place:
            continue
        found = Structure("项目资金", parts, f"《{table.title}》所列项目的“{table.columns[column]}”")
        return _rank_answer(q, doc, found) if q.operation == "rank" else _breakdown_answer(q, doc, found)
    return None


# a whole, then the sources asked within it ("政府采购预算120.6万，其中财政拨款出多少、事业收入出多少")
WITHIN_SOURCES_RE = re.compile(r"(?:[,，]?其中|里面?|当中)[,，]?(?:是|由)?(?P<sources>.*)$")


def _sources_unsplit(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """An item's money asked by source ("…其中财政拨款、事业收入各多少") where no table prints that
    item in a row with those sources for columns: said so, never the department's own totals of
    those sources listed as its parts."""
    key, source_re = match_key(q.match_text), schema().income_source_re
    within = WITHIN_SOURCES_RE.search(key)
    if within is None or len(set(source_re.findall(within.group("sources")))) < 2:
        return None
    wholes = [m for m in lexicon().concepts_in(key[:within.start()]) if not m.generic and not source_re.search(m.word)]
    if not wholes or not docs:
        return None
    whole = wholes[-1].word
    sources = list(dict.fromkeys(source_re.findall(within.group("sources"))))
    for doc in docs:
        for _, _, ti, _ in named_rows(doc, match_key(whole)):
            if sum(any(s in c for c in doc.tables[ti].columns) for s in sources) >= 2:
                return None  # (a row of it under those sources' columns: the tables answer)
    return Answer(q.text, f"{docs[0].department}{docs[0].year}年的公开表没有把“{whole}”按资金来源（{'、'.join(sources)}）分开列示，"
                          f"无法说出其中{'、'.join(sources)}各是多少。", NOT_FOUND, LOOKUP, missing=["按资金来源的分项"])


def _things_counted(q: QueryPlan) -> bool:
    """Whether every concept asked is a number of things (内设机构, 车辆数), none an amount."""
    return bool(q.concepts) and all(c.counts for c in q.concepts)


def _economic_rows_named(q: QueryPlan) -> bool:
    """Whether the question names 经济分类 rows only ("工资福利支出，哪一个项目最多"): no project is
    broken down under such a row, so its "项目" are the 科目 beneath it."""
    return bool(q.rows) and not q.concepts and all(schema().codes_named("economic", r) for r in q.rows)


SCORED_RE = re.compile(r"(?:项目)?(?:绩效)?(?:自评|评价)?(?:综合)?得分$")  # "…项目自评得分": a project's score
SHOWN_SCORES = 5


def _scores_ranked(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """"自评得分最高的是哪一个项目": the projects' 绩效 scores the narrative states ("孤儿基本生活保障
    配套资金项目…自评得分95.78分"), ranked within the first document stating two or more, the one
    asked cited and the first few listed; None where no document states them."""
    if q.operation != "rank":
        return None
    for doc in docs:
        scores: dict[str, StatedFact] = {}
        for fact in doc.stated:
            project = SCORED_RE.sub("", fact.subject)
            if fact.unit == "分" and project and project != fact.subject:
                scores.setdefault(project, fact)
        ranked = sorted(scores.items(), key=lambda item: item[1].value, reverse=q.order != "asc")
        if len(ranked) < max(2, q.place):
            continue
        name, fact = ranked[q.place - 1]
        word = ("最低" if q.order == "asc" else "最高") if q.place == 1 else \
            f"第{q.place}{'低' if q.order == 'asc' else '高'}"
        tied = [n for n, f in ranked if f.value == fact.value and n != name]
        listed = "；".join(f"{n}{f.value_text}分" for n, f in ranked[:SHOWN_SCORES])
        text = (f"{doc.department}{doc.year}年情况说明列出的{len(ranked)}个项目绩效自评得分中，{word}的是{name}"
                f"（{fact.value_text}分）{'，与' + '、'.join(tied) + '并列' if tied else ''}。"
                f"{'依次为' if q.order != 'asc' else '从低到高'}：{listed}{'…' if len(ranked) > SHOWN_SCORES else ''}。")
        figure = Figure(fact.value_text, "分", None, f"自评得分{word}的项目：{name}", doc.department, doc.year)
        return finish(q, text, [figure], [stated_citation(doc, f) for _, f in ranked[:SHOWN_SCORES]], [],
                      {f.value for _, f in ranked} | {float(doc.year), float(len(ranked)), float(q.place)}, LOOKUP)
    return None


def structure(lib: Library, q: QueryPlan, doc: Document) -> Structure | None:
    """The parts of what the question names in one document (see module docstring); a part it
    sets aside ("除了一般公共服务，钱还花在哪些地方") left out."""
    if (by_columns := _total_row_by_columns(q, doc)) is not None:
        return by_columns
    aside = _aside_said(q)
    found = _structure(lib, _without_aside(q) if aside else q, doc, aside)
    if found is None or not aside:
        return found
    kept = [p for p in found.parts if not _is_aside(p.label, aside)]
    return replace(found, parts=kept, how=f"{found.how}，除{aside}外") if len(kept) < len(found.parts) else found


# a table's total row asked by its columns ("支出决算表合计那一行分成哪几栏，钱主要落在哪两栏")
ROW_BY_COLUMNS_RE = re.compile(r"(?:合计|总计)(?:那一?|这一?)?行[^。？?]{0,8}?(?:分(?:成|在|为)?|落在|在)(?:了)?(?:哪几|哪些|几)(?:栏|列)")


def _total_row_by_columns(q: QueryPlan, doc: Document) -> Structure | None:
    """The total row of a table the question names, across its figure columns (the columns that
    are no total of the others): where the table's money falls (基本支出, 项目支出, 经营支出 …)."""
    if not ROW_BY_COLUMNS_RE.search(q.text):
        return None
    index = named_table(doc, q.match_text)
    if index is None:
        return None
    table = doc.tables[index]
    row = next((ri for ri, r in enumerate(table.rows) if is_total(r.label)), None)
    if row is None:
        return None
    leaves = [path.split("/")[-1] for path in table.columns]
    totals = [ci for ci, leaf in enumerate(leaves) if TOTAL_COLUMN_RE.search(leaf)]
    cells = [c for ci, leaf in enumerate(leaves) if ci not in totals
             for c in [Located(doc, index, row, ci, leaf)] if c.value is not None and c.unit]
    whole = Located(doc, index, row, totals[0], table.columns[totals[0]]) if totals else None
    if len(cells) < 2:
        return None
    return Structure(row_name(table.rows[row].label) or "合计", [Part.of_cell(c) for c in cells],
                     f"《{table.title}》“{table.rows[row].label}”行各栏",
                     exhaustive=whole is not None and _sum_is(cells, whole) is True)


TOTAL_COLUMN_RE = re.compile(r"合计|总计|小计")


def _without_aside(q: QueryPlan) -> QueryPlan:
    """The question with the part it sets aside and its words for the rest left out, to read the
    whole in: "一般公共服务支出除了宣传事务，其余的钱主要花在哪" is of 一般公共服务支出 (not of the
    宣传事务 row), "不算社会保障和就业，剩下的钱都花在哪" of the spending (no 结转结余)."""
    item_after = item_named_after_aside(q.text)

    def cut(text: str) -> str:
        said = aside_said(text)
        if said is None:
            return text
        # ("基本支出里除开人员经费，公用经费主要花在哪几项": the item named after the aside is asked)
        return REMAINDER_RE.sub('', text[said[2]:]) if item_after else f"{text[:said[1]]}，{REMAINDER_RE.sub('', text[said[2]:])}"

    text = cut(q.text)
    named = list({m.concept.name: m.concept for m in lexicon().concepts_in(text) if not m.generic}.values())
    # (the plan's concepts still said, else those the words left name: "三公经费里，不算公车的部分",
    # read as a place and a part, names 三公经费 once the part is set aside)
    concepts = [c for c in q.concepts if c.name in {n.name for n in named}] or named
    return replace(q, text=text, rest=cut(q.rest), concepts=concepts, rows=[r for r in q.rows if match_key(r) in match_key(text)])


def item_named_after_aside(text: str) -> bool:
    """The question names, after the part it sets aside, an item of its own that neither is nor
    holds that part ("除开人员经费，公用经费主要花在哪几项"): the aside only says what is not asked."""
    said = aside_said(text)
    if said is None:
        return False
    aside = {m.concept.name for m in lexicon().concepts_in(said[0])}
    after = [m.concept for m in lexicon().concepts_in(REMAINDER_RE.sub("", text[said[2]:])) if not m.generic]  # (not "剩下的": what is left)
    return bool(aside and after) and not any(c.name in aside or any(c.contains(a) for a in aside) for c in after)


def _aside_said(q: QueryPlan) -> str:
    said = aside_said(q.text)
    return said[0] if said else ""


def _is_aside(label: str, aside: str) -> bool:
    """A part or row is the one set aside: the one's name holds the other ("一般公共服务" of
    一般公共服务支出), 支出 aside; or the aside names its concept in other words ("公车":
    公务用车购置及运行维护费)."""
    name, said = (SPENDING_SUFFIX_RE.sub("", match_key(row_name(x))) for x in (label, aside))
    return bool(name and said) and (said in name or name in said) or any(
        match_key(row_name(label)) in map(match_key, m.concept.words()) for m in lexicon().concepts_in(aside)
        if not m.generic or len(m.word) == len(match_key(aside)))  # (a generic word is it when said alone)


def _structure(lib: Library, q: QueryPlan, doc: Document, aside: str) -> Structure | None:
    text = q.match_text
    rank = q.operation == "rank"
    if _each_row_asked(q):
        return _each_row(q, doc)
    table = _spelled_table(q, doc)
    named = _named_in_table(q, doc, aside, table)
    if named is not None and named.row.code and q.standing in ("place", "member", "at"):
        named, q = _placed_within(q, doc, named)
    if named is not None and named.row.code:
        for whole in [named, *_same_code_elsewhere(doc, named)]:
            found = _children(lib, doc, whole, rank and q.level != "类", LEVEL_LENGTH.get(q.level))
            if found:
                return found
        if not q.concepts and not rank and len(q.rows) <= 1 and row_key(named.label) in match_key(q.match_text):
            return None  # ("其他商品和服务支出具体买了啥": a 科目 spelt out that is printed with no parts
            #              under it has none to list; never the department's spending broken down instead)
    sources = FROM_WHERE_RE.search(text) and not SPENDING_RE.search(text)
    if named is None and table is not None and not sources and _columns_only(q, doc.tables[table]) and (found := table_parts(
            lib, q, doc, schema().family(doc.tables[table].type), "", level_asked(q, 3), (), doc.tables[table].title,
            only=table)) is not None:
        return found  # "一般公共预算机关运行经费支出预算表中，哪个款级科目金额最大": that table's 科目
    if (by_fund := _fund_columns(q, doc)) is not None:
        return by_fund
    if names := _listed_names(q):
        if named is not None and named.row.code and (row_parts := _row_columns(doc, named, names)) is not None:
            return row_parts  # "2080208…基本支出和项目支出各是多少": that 科目's columns
        return _named_parts(q, doc, names)
    if rank and len(_rows_listed(q)) >= 2 and not q.codes:
        # "取暖费、物业管理费、办公费哪个最多": among the rows listed, never all the spending
        return _listed_rows(q, doc)
    if len(q.rows) == 1 and not q.codes and (same := _same_named(lib, q, doc)) is not None:
        # "那么多个一般行政管理事务，哪个花得最多": the rows of that name, each under its 款 (asked each,
        # "一般行政管理事务各是多少", they are no parts of a whole: the value route lists them)
        return same if rank else None
    spending = bool(SPENDING_RE.search(text)) and not INCOME_RE.search(text)
    concept = _whole_read(q, text)
    if (found := _by_what_it_buys(lib, q, doc, concept, text)) is not None or \
            concept is not None and concept.counts and (found := _counted_kinds(doc, concept)) is not None:
        return found  # (the kinds a count's sentence counts: "那几辆车都是什么车")
    if concept is not None and concept.holds and HELD_KIND_ASKED_RE.search(q.typed or q.text) and \
            (held := _named_parts(q, doc, [c for name in concept.holds if (c := lexicon().named(name))])) is not None:
        return replace(held, whole=concept.name)  # "基本支出由哪几块经费组成": 人员经费 and 公用经费
    if concept is not None and (bought := _procurement_lines(doc, concept, q)) is not None:
        return bought
    if concept is not None and concept.parts is not None and not (spending and "收入" in concept.name):
        return _concept_parts(lib, q, doc, concept)  # its own parts or none: never another table's
    if concept is not None and q.level and not spending and (by_kemu := _column_by_kemu(lib, q, doc, concept)) is not None:
        return by_kemu  # "其他收入按项级科目哪一项最多": its column of the income table, 科目 by 科目
    if concept is not None and concept.parts is None and concept.finds and not concept.department_total and (
            not any(schema().family(f.table) in SPENDING_FAMILIES for f in concept.finds)
            or all(f.row is not None and f.column is None and not f.row.search("合计") for f in concept.finds)):
        # "政府采购里买的货物哪一样最多": a figure of another table; "年底结转的那25.3万都是哪块的钱":
        # one row of the totals, not a column the 科目 are spent in: the 科目 are no parts of either
        return None
    if _income_total_said(concept, text) and not spending:
        return None  # ("收入总计是由哪几块钱加起来的": an income total is never broken down by what is spent)
    return _spending_by_kemu(lib, q, doc, text)


def _income_total_said(concept: Concept | None, text: str) -> bool:
    """The department's income total said by one of its own terms ("收入总计"), not a generic word
    of it ("万里街道25年预算里哪个科目最多" asks of the spending)."""
    return concept is not None and concept.department_total and "收入" in concept.name and \
        any(m.concept is concept and not m.generic for m in lexicon().concepts_in(text))


def _named_in_table(q: QueryPlan, doc: Document, aside: str, table: int | None) -> Located | None:
    """The 科目 named as the whole, as the table named prints it ("支出决算表里，社会保障和就业支出主要
    由哪几块组成"); none where it is what is set aside (the whole is what is left once it is), or a
    row the title's own words name ("一般公共预算" of 一般公共预算机关运行经费支出预算表)."""
    named = _named_whole(q, doc)
    if named is None or aside and _is_aside(named.row.label, aside):
        return None
    if table is not None and named.table_seq != table:
        return next((c for c in _same_code_elsewhere(doc, named) if c.table_seq == table), None) if named.row.code else None
    return named


def _placed_within(q: QueryPlan, doc: Document, named: Located) -> tuple[Located | None, QueryPlan]:
    """The whole a 科目 whose place is asked is ranked within: its parent where the question names
    that too ("政协会议在政协事务下面的几个项里排第几"), else none where it is the one item named
    ("支出按款来分，医疗救助排第几": ranked among the department's 科目 at its own level unless one is
    said), else the 科目 found."""
    if (parent := _parent_said(q, doc, named)) is not None:
        return parent, q
    if len(q.rows) <= 1 and not [c for c in q.concepts if not c.department_total]:
        return None, q if q.level else replace(q, level=CODE_LEVEL.get(len(named.row.code), ""))
    return named, q


def _parent_said(q: QueryPlan, doc: Document, named: Located) -> Located | None:
    """The 科目 one level above the row found, where the question names it too (the whole the
    row is placed within); None otherwise."""
    table = doc.tables[named.table_seq]
    code = named.row.code[:-2] if len(named.row.code) > 3 else ""
    at = next((i for i, r in enumerate(table.rows) if code and r.code == code), None)
    if at is None or row_key(table.rows[at].label) not in match_key(q.match_text):
        return None
    return Located(doc, named.table_seq, at, named.column, table.rows[at].label)


def _each_row_asked(q: QueryPlan) -> bool:
    """Rows listed, each figure asked ("离休费和退休费各是多少", "一般公共服务、社会保障和就业、住房
    保障各花了多少"), with no concept but a generic word or the whole they are listed within."""
    key = match_key(q.match_text)
    start = _listing_start(key)  # (a whole said first, "财政拨款支出里，社保就业、卫生健康…各花了多少", is where they lie)
    return bool(EACH_ASKED_RE.search(q.text)) and not q.codes and \
        all(m.generic or m.end <= start for m in lexicon().concepts_in(key) if m.concept in q.concepts) and \
        (len(_rows_listed(q)) >= 2 or bool(LIST_MARK_RE.search(key)))


def _each_row(q: QueryPlan, doc: Document) -> Structure | None:
    """Each row listed, as printed; never all the spending, nor one of the rows, broken down (nor
    anything where not every item listed is a row found: "一般公共服务、社保、住房各花了多少")."""
    listed = _listed_rows(q, doc) if len(_rows_listed(q)) >= 2 else None
    return replace(listed, side_by_side=True) if listed and listed.parts else None


def _column_by_kemu(lib: Library, q: QueryPlan, doc: Document, concept: Concept) -> Structure | None:
    """A figure printed as the 合计 row of one column of a 科目 table (其他收入: the 收入决算表's
    其他收入 column), broken down or ranked at the level asked: that column's 科目 rows."""
    for find in concept.finds:
        if find.column is None or find.row is None or not find.row.search("合计"):
            continue
        column = next((c for table in doc.tables if table.type == find.table
                       for c in table.columns if find.column.search(c)), None)
        if column is not None and (found := table_parts(lib, q, doc, schema().family(find.table), column,
                                                        level_asked(q, 3), (), concept.name)) is not None:
            return found
    return None


# which items, or how many 科目, asked ("哪几个方面", "有几个大类科目", "超过1000万的有几项"): the 科目 answer
KEMU_ASKED_RE = re.compile(r"哪|科目|[类款]|项(?!目)")


def _spending_by_kemu(lib: Library, q: QueryPlan, doc: Document, text: str) -> Structure | None:
    """Nothing broken down by name: the spending (财政拨款: the general budget's) 科目 table; none
    where a whole another table holds, or a count of something else than 科目, is asked ("三公经费
    不会都是吃吃喝喝吧，都花哪了", "评优的评良的各多少个"): the department's spending is no answer."""
    if any(c.finds and not any(schema().family(f.table) in KEMU_FAMILIES for f in c.finds)
           or not c.finds and not c.parts and not c.department_total for c in q.concepts) or \
            set(q.units) - set(YUAN_PER_UNIT) - {"%"} and not KEMU_ASKED_RE.search(q.text):
        return None  # (nor a figure only sentences state, "社会保险基金预算收支各是多少": no 科目 table's)
    family = "general" if re.search(r"一般公共预算|财政拨款", text) else "fund" if "政府性基金" in text else "spending"
    whole = {"general": "一般公共预算财政拨款支出", "fund": "政府性基金预算财政拨款支出"}.get(family, "本年支出")
    if family == "spending":
        return spending_parts(lib, q, doc, level_asked(q, 3), whole)
    return table_parts(lib, q, doc, family, "", level_asked(q, 3), (), whole)


ECONOMIC_SAID_RE = re.compile(r"经济分类|经济科目|按经济")  # the spending read by what it buys


def _by_what_it_buys(lib: Library, q: QueryPlan, doc: Document, concept: Concept | None, text: str) -> Structure | None:
    """"按经济分类的支出里，最小的一项": the 经济分类 table's 款, not the 功能分类 项, where the
    classification is said and no figure of its own (only the department's spending) is named."""
    if not ECONOMIC_SAID_RE.search(text) or concept is not None and not concept.department_total:
        return None
    return table_parts(lib, q, doc, "economic", "", level_asked(q, 5), (), "基本支出")


def _whole_read(q: QueryPlan, text: str) -> Concept | None:
    """The concept a breakdown is of: the one the question names, or the income where it asks
    where the money comes from ("钱都是从哪来的(，全靠财政给吗)": the part said lies within it)."""
    concept = _whole_concept(q)
    income = lexicon().named("本年收入合计")
    if INCOME_RE.search(text) and not SPENDING_RE.search(text) and (concept is None or (
            FROM_WHERE_RE.search(text) and concept.name in income.parts.concepts)):
        return income
    return concept


# tables whose rows are the spending's 科目: the fallback breakdown is of these
SPENDING_FAMILIES = {"spending", "general", "total", "fund", "economic"}
# tables a concept broken down by the spending's 科目 may be found in (财政拨款支出: the appropriation table)
KEMU_FAMILIES = SPENDING_FAMILIES | {"appropriation"}


def spending_parts(lib: Library, q: QueryPlan, doc: Document, level: int, whole: str) -> Structure | None:
    """The 科目 of all the spending: the spending table's; where it has no 科目 rows (not printed,
    or not parsed), the 收支(预算)总表's 功能分类 side (all the spending by 类); or the general
    budget's table, only where it is all the spending (else it breaks down another whole)."""
    found = table_parts(lib, q, doc, "spending", "", level, (), whole) or \
        table_parts(lib, q, doc, "total", "", level, (), whole)
    if found is None:
        general = table_parts(lib, q, doc, "general", "", 3, (), "一般公共预算财政拨款支出")
        if general is not None and _is_all_spending(doc, general):
            found = table_parts(lib, q, doc, "general", "", level, (), whole)
        elif general is not None and q.operation == "rank" and q.order != "asc":
            found = _ranked_despite_the_rest(q, doc, general, table_parts(lib, q, doc, "general", "", level, (), whole))
    return found


def _ranked_despite_the_rest(q: QueryPlan, doc: Document, general: Structure, fine: Structure | None) -> Structure | None:
    """The general budget's 科目 ranked for all the spending, where the money outside that budget
    (all spending less the general budget's 类) is smaller than the lead of each item asked for
    over the next one: however that money were spread, the top items stay the top."""
    concept = lexicon().named("本年支出合计")
    cells, _ = locate_concept(doc, concept, None)
    total = next((yuan(c.value, c.unit) for c in cells if c.value is not None and c.unit in YUAN_PER_UNIT), None)
    if fine is None or total is None:
        return None
    rest = total - sum(p.yuan for p in general.parts)
    ordered, n = _by_size(fine.parts), max(q.top_n, 1)
    if rest < 0 or len(ordered) <= n or not all(ordered[i].yuan - ordered[n].yuan > rest for i in range(n)):
        return None
    unit = ordered[0].unit
    shown = fmt(rest / YUAN_PER_UNIT[unit], 2) if unit in YUAN_PER_UNIT else fmt(rest, 2)
    return replace(fine, how=f"{fine.how}（该表口径；表外其余{shown}{unit}支出不足以改变排名）",
                   computed={float(shown.replace(",", ""))})


def _is_all_spending(doc: Document, broad: Structure) -> bool:
    """The 类 of a table add up to the document's 本年支出合计 (to a unit of print)."""
    concept = lexicon().named("本年支出合计")
    cells, _ = locate_concept(doc, concept, None)
    total = [c for c in cells if c.value is not None and c.unit in YUAN_PER_UNIT]
    parts = sum(yuan(p.value, p.unit) or 0 for p in broad.parts)
    return bool(total) and abs(yuan(total[0].value, total[0].unit) - parts) <= YUAN_PER_UNIT[total[0].unit]


def level_asked(q: QueryPlan, default: int) -> int:
    """The code length asked: 类 (3) or the finest (7) when the question says so; a ranking
    reads the finest 科目 unless told otherwise, a breakdown the given default."""
    return LEVEL_LENGTH.get(q.level) or (7 if q.operation == "rank" else default)


def _named_whole(q: QueryPlan, doc: Document) -> Located | None:
    """A 科目 the question names by code or name (not a concept's own word)."""
    spans = [(m.start, m.end) for m in lexicon().concepts_in(q.match_text) if not m.generic]
    try:
        return locate_named_row(doc, q.match_text, q.codes, q.measure, skip=spans)
    except AmbiguousRow:
        return None


def _same_code_elsewhere(doc: Document, cell: Located) -> list[Located]:
    """The same 科目 in the document's other tables, the spending table first: a summary table
    names 社会保障和就业支出 without the 款 under it."""
    return same_code_cells(cell, ("spending", "general", "income", "economic", "fund", "appropriation_spending"))


def _listed_names(q: QueryPlan) -> list[Concept]:
    """The figures a breakdown (or ranking) question names, two or more ("基本支出项目支出各多少"), less a
    whole named as where they lie ("基本支出里人员经费和公用经费各多少": X里, X中, or one the
    lexicon makes of them)."""
    key = match_key(q.match_text)
    start = _listing_start(key)
    planned = [m for m in _planned(q) if m.start >= start]
    said = [m for m in planned if not m.generic]
    # a generic word listed with parts of the same whole is that whole's part too ("因公出国、公车、
    # 公务接待": 公车 beside two other parts of 三公经费 is its 公务用车 fee, no count of cars)
    matches = [m for m in planned if not m.generic or any(
        w.contains(n.concept.name) for w in lexicon().wholes_of(m.concept.name) for n in said)]
    names = list({m.concept.name: m.concept for m in matches}.values())
    wholes = {c.name for c in names if any(c.contains(n.name) for n in names)} | {
        m.concept.name for m in matches if re.match(r"(里面?|之?中的?|当中)", key[m.end:])
        and sum(1 for n in matches if n.start >= m.end) >= 2}
    names = [c for c in names if c.name not in wholes]
    # (a ranking of figures listed one by one, "基本支出、项目支出、机动经费…哪块最大", is among them)
    listed = q.operation == "breakdown" or (q.operation == "rank" and (len(names) >= 3 or LIST_MARK_RE.search(key)))
    return names if listed and len(names) >= 2 else []


def _rows_listed(q: QueryPlan) -> list[str]:
    """The rows the question names that are no concept's own words ("财政拨款基本支出" names
    concepts that rows of a totals table are also called), after the whole they are listed in."""
    key = match_key(q.match_text)
    start = _listing_start(key)
    return [r for r in q.rows if not any(m.start == 0 and m.end == len(match_key(r)) for m in lexicon().concepts_in(r))
            and key.find(match_key(r), start) >= 0]


# the whole a list is read within, said before the list ("…基本支出的公用经费里，办公费、取暖费…哪项最多")
LISTED_WITHIN_RE = re.compile(r"(?:里面?|当中|之中|中)[,:]")


def _listing_start(key: str) -> int:
    """Where the items listed begin: after the whole they are said within ("公用经费里，"), if
    the list (A、B、C) follows it; else 0."""
    first = LIST_MARK_RE.search(key)
    within = [m for m in LISTED_WITHIN_RE.finditer(key[:first.start()])] if first else []
    return within[-1].end() if within else 0


def _listed_rows(q: QueryPlan, doc: Document) -> Structure:
    """Each row the question lists, read as the sum route reads it (within the whole it names:
    机关运行经费's 取暖费, not the basic spending table's); no parts unless every one is found."""
    key = match_key(q.match_text)
    start = _listing_start(key)
    said_before = [m for m in _planned(q) if not m.generic and m.end <= start]
    whole = said_before[-1].concept if said_before else _whole_concept(q)
    # (concepts listed among the rows are items too: "差旅费、会议费、物业管理费…哪一项最大")
    plain_rows = _rows_listed(q)
    spans = [(at, at + len(match_key(r))) for r in plain_rows if (at := key.find(match_key(r), start)) >= 0]
    listed = [m.word for m in _planned(q) if not m.generic and m.start >= start and start and m.concept is not whole
              and not any(a <= m.start and m.end <= b for a, b in spans)]  # ("车辆运行" of the row 车辆运行费)
    rows = sorted(dict.fromkeys(plain_rows + listed), key=lambda name: key.find(match_key(name)))
    # (a department's whole said first, "一般公共预算拨款里…A. 殡葬 B. …": each read in it, or in its
    # other side where it is read as income, where it holds them; else where they are printed)
    within = [f"{whole.name}里"] if whole is not None and not whole.department_total else \
        [f"{c.name}里" for c in (whole, lexicon().other_side(whole)) if c is not None] + [""] if whole is not None else [""]
    if whole is not None and not whole.department_total and (cells := locate_concept(doc, whole, q.measure, q.match_text)[0]):
        within.insert(0, f"{cells[0].table.title}里")  # the whole's own table first: 机关运行经费's 差旅费
    picks = [next((p for w in within if (p := pick_cells(replace(q, text=f"{w}{name}", topic="", codes=[], operation="value"),
                                                         doc)) and _names_item(p, name)), None) for name in rows]
    if not all(picks):
        return Structure("、".join(rows), [], "")
    cells = [p.cells[0] for p in picks]
    # (a whole said with its parts, "电费、物业管理费…这几项商品和服务支出", is where they are, not one of them)
    cells = [c for c in cells if not (c.row.code and any(o.row.code != c.row.code and o.row.code.startswith(c.row.code)
                                                          for o in cells if o.row.code))]
    return Structure("、".join(rows), [Part.of_cell(c) for c in cells if isinstance(c, Located)],
                     "".join(dict.fromkeys(f"《{c.table.title}》" for c in cells if isinstance(c, Located))) + "中所列各项")


def _names_item(pick, name: str) -> bool:
    """A cell picked for a listed item is that item's: its row or its label carries the name (or
    the name carries the row's: "殡葬" of 殡葬支出), never the whole it was looked for in."""
    head = pick.cells[0]
    said = match_key(name)
    held = [match_key(head.label)] + ([row_key(head.row.label)] if isinstance(head, Located) else [])
    return any(said in h or (len(h) >= 2 and h in said) for h in held)


def _same_named(lib: Library, q: QueryPlan, doc: Document) -> Structure | None:
    """The 科目 of one name filed under several 款 (行政运行, 一般行政管理事务), in the first table
    of 科目 that prints two or more of them, each named with the 款 it is under; None when the name
    is printed once."""
    name = q.rows[0]
    for ti, table in enumerate(doc.tables):
        if schema().family(table.type) not in SPENDING_FAMILIES or not table.unit:
            continue
        rows = [(ri, r) for ri, r in enumerate(table.rows) if r.code and row_name(r.label) == name]
        ci = _column(table, q, doc, "", ()) if len(rows) >= 2 else None
        if ci is None:
            continue
        heads = {r.code: row_name(r.label) for r in table.rows if r.code}
        cells = [Located(doc, ti, ri, ci, f"{heads.get(r.code[:-2], r.code[:-2])}·{name}") for ri, r in rows]
        return Structure(name, [Part.of_cell(c) for c in cells], f"《{table.title}》中名为“{name}”的各项科目")
    return None


# the funds a 财政拨款 row is split by, each a column of its own (公开04表's 一般公共预算财政拨款,
# 政府性基金预算财政拨款)
FUND_WORD_RE = re.compile(r"一般公共预算|政府性基金|国有资本经营")


def _fund_columns(q: QueryPlan, doc: Document) -> Structure | None:
    """A row asked by fund ("年末财政拨款结转和结余中一般公共预算和政府性基金各多少"): the row of
    the figure named first, in the columns under the same heading that name each fund; None
    unless two or more funds are listed after it and each is one such column."""
    key = match_key(q.match_text)
    named = [m for m in lexicon().concepts_in(key) if not m.generic and not FUND_WORD_RE.search(m.word)]
    # (wherever said beside it: "一般公共预算的年末财政拨款结转和结余和政府性基金" as the question reads reworded)
    funds = list(dict.fromkeys(m.group(0) for m in FUND_WORD_RE.finditer(key)
                               if not named[0].start <= m.start() < named[0].end)) if named else []
    if len(funds) < 2:
        return None
    cells = locate_concept(doc, named[0].concept, q.measure)[0]  # (its whole column: the funds are asked of it)
    if len(cells) != 1 or not isinstance(cells[0], Located):
        return None
    whole = cells[0]
    heading = whole.table.columns[whole.column].rsplit("/", 1)[0]
    columns = [[ci for ci, path in enumerate(whole.table.columns) if path.rsplit("/", 1)[0] == heading
                and fund in path.rsplit("/", 1)[-1] and whole.row.values[ci] is not None] for fund in funds]
    if any(len(c) != 1 for c in columns):
        return None
    parts = [Located(doc, whole.table_seq, whole.row_seq, c[0], whole.table.columns[c[0]].rsplit("/", 1)[-1]) for c in columns]
    return Structure(row_name(whole.row.label), [Part.of_cell(c) for c in parts], f"《{whole.table.title}》“{row_name(whole.row.label)}”行",
                     side_by_side=True)


def _row_columns(doc: Document, named: Located, names: list[Concept]) -> Structure | None:
    """The named 科目's cells in the columns the listed figures name (基本支出, 项目支出), each
    column found by its own words; None unless every one is a column of that row's table."""
    table, row = named.table, named.row
    usable = [ci for ci, v in enumerate(row.values) if v is not None]
    columns = []
    for concept in names:
        hits = column_hits(table, usable, match_key(concept.name))
        if len(hits) != 1 or hits[0] in columns:
            return None
        columns.append(hits[0])
    cells = [Located(doc, named.table_seq, named.row_seq, ci, table.columns[ci].rsplit("/", 1)[-1]) for ci in columns]
    return Structure(row_name(row.label), [Part.of_cell(c) for c in cells], f"《{table.title}》“{row_name(row.label)}”行")


def _named_parts(q: QueryPlan, doc: Document, names: list[Concept]) -> Structure | None:
    """Those figures: when they are columns of one row, every column of that row; else just
    those named, from the tables, or all of them from the narrative where no table holds them
    (never one of them broken down in their place)."""
    cells = [c for concept in names for c in locate_concept(doc, concept, q.measure, q.match_text)[0][:1]]
    if len(cells) < 2:
        stated = [f for c in names if (f := stated_figure(doc, c.terms + c.colloquial, c.name))]
        if len(stated) < len(names):
            return None
        parts = [Part(f.label, f.printed, f.value or 0.0, f.unit, sentence_citation(doc, f.sentence)) for f in stated]
        return Structure("、".join(c.name for c in names), parts, "情况说明")
    first = cells[0]
    row_cells = cells
    if all((c.table_seq, c.row_seq) == (first.table_seq, first.row_seq) for c in cells):
        row = first.row
        row_cells = [Located(doc, first.table_seq, first.row_seq, ci, first.table.columns[ci].rsplit("/", 1)[-1])
                     for ci, v in enumerate(row.values) if v is not None and not is_total(first.table.columns[ci])
                     and first.table.measures[ci] == first.table.measures[first.column]]
    if q.operation == "rank":
        # "因公出国、公车、公务接待三项中哪一项最大": among those named, never the rest of their row
        return Structure("、".join(c.name for c in names), [Part.of_cell(c) for c in cells], f"《{first.table.title}》")
    if len({"收入" in c.name for c in names}) > 1 or (EACH_ASKED_RE.search(q.text) and not _parts_asked(q.text)):
        # "收入总计和支出总计各是多少": income and spending, each figure as named, no shares of a sum;
        # "基本支出和项目支出分别是多少": those two only, in the order asked, not every column of their
        # row (whose shares of the two named would mislead)
        return Structure("、".join(c.name for c in names), [Part.of_cell(c) for c in cells], f"《{first.table.title}》",
                         side_by_side=True)
    cells = row_cells
    return Structure("、".join(c.name for c in names), [Part.of_cell(c) for c in cells], f"《{first.table.title}》")


def _parts_asked(text: str) -> bool:
    """The question asks what a whole is made of ("支出分几块"), beyond each figure it names."""
    each = {p.pattern for p in intents()["each"]}
    return any(p.search(text) for p in intents()["breakdown"] if p.pattern not in each)


def _planned(q: QueryPlan) -> list:
    """The concepts the question says, as the plan understood them ("日常运转的公用经费" names
    公用经费 only); all it says where the plan's come from an earlier turn."""
    planned = {c.name for c in q.concepts}
    matches = []
    for m in lexicon().concepts_in(q.match_text):  # (a name the plan read on its other side, as read)
        side = lexicon().other_side(m.concept)
        matches.append(replace(m, concept=side) if m.concept.name not in planned and side and side.name in planned else m)
    return [m for m in matches if m.concept.name in planned] or matches


ASKING_WORD_RE = re.compile(r"哪|什么|啥")


def _whole_concept(q: QueryPlan) -> Concept | None:
    """The concept the question breaks down: one whose parts it also names ("政府采购里货物工程
    服务哪个最多"), else the last one it names that is not a generic word ("支出"); a generic one
    when nothing else is named."""
    matches = _planned(q)
    specific = [m for m in matches if not m.generic]
    named = {m.concept.name for m in specific}
    # (one part said within its whole before the asking word, "采购的货物里哪样最多", is what is
    # broken down; said after it, "三公经费里哪项最多？总不会是接待费吧", it is a guess among the parts)
    key = match_key(q.match_text)
    asked = ASKING_WORD_RE.search(key)
    if asked is not None:  # (the whole said again as what is ranked, "货物里…哪样采购物品": still the part)
        before = {m.concept.name for m in specific if m.start < asked.start()}
        specific = [m for m in specific if m.start < asked.start() or not (m.concept.parts and
                                                                          before & set(m.concept.parts.concepts))]
        named = {m.concept.name for m in specific}
    guessed = {m.concept.name for m in specific if asked is not None and m.start > asked.start()}

    def breaks_down(m) -> bool:
        parts = named & set(m.concept.parts.concepts)
        # (or one part said after the whole in a guess of its own, before the question: "政府采购1600多万，
        # 是不是都拿去买东西了？哪一类最多" ranks the whole's parts)
        guess = [p for p in specific if p.concept.name in parts and p.start > m.end and asked is not None and
                 "?" in key[p.end:asked.start()]]
        return len(parts) >= 2 or bool(parts & guessed) or bool(guess)

    wholes = [m for m in specific if m.concept.parts and breaks_down(m)]
    return (wholes or specific or matches)[-1].concept if matches else None


def _children(lib: Library, doc: Document, whole: Located, finest: bool, asked: int | None = None) -> Structure | None:
    """The 科目 under a named one: one level down, the finest level the table has, or the level
    asked ("这一类下面哪个款")."""
    code = whole.row.code
    lengths = [n for n in (5, 7) if n > len(code)]
    if not lengths or not whole.unit:
        return None
    order = lengths[::-1] if finest else lengths
    if asked in lengths:  # the level asked first; where it has no rows ("哪一项" asks which item), as before
        order = [asked] + [n for n in order if n != asked]
    for length in order:
        facts = lib.ranked_facts(doc.doc_id, whole.table_seq, whole.column, code, length)
        if facts:
            parts = [Part.of_cell(Located(doc, f.table_index, f.row_index, f.column_index, row_name(f.row_label)))
                     for f in facts]
            if sum(1 for p in parts if p.value) == 1 and length != order[-1]:
                continue  # 201 whose one 款 20139 is all of it: the 项 under that 款 say where it went
            how = f"《{whole.table.title}》“{row_name(whole.row.label)}”之下的{LEVEL_BY_LENGTH[length]}级科目"
            return Structure(row_name(whole.row.label), parts, how,
                             exhaustive=_sum_is([p.cell for p in parts], whole) is True)
    return None


DOMINANT_SHARE = 0.9  # a part this much of an economic breakdown is broken down in turn


def _economic(part: Part) -> bool:
    """The part is a 经济分类 科目 (301 工资福利支出, 302 商品和服务支出…)."""
    return part.cell is not None and part.cell.row.code.startswith("3")


def _concept_parts(lib: Library, q: QueryPlan, doc: Document, concept: Concept, depth: int = 0) -> Structure | None:
    """A concept's parts as the lexicon lists them; a single part that holds it all is broken
    down in turn ("三公经费" all 公务用车 → its 购置费 and 运行维护费)."""
    spec = concept.parts
    if not spec.concepts:
        level = level_asked(q, spec.level) if not spec.codes else 0
        found = spending_parts(lib, q, doc, level, concept.name) \
            if spec.table == "spending" and not spec.column and not spec.codes else \
            table_parts(lib, q, doc, spec.table, spec.column, level, spec.codes, concept.name)
        nonzero = [p for p in found.parts if p.value] if found else []
        # "明细里哪一项最少"; "最多的三项" where the level holds no more (人员经费: 301 and 303 only;
        # 基本支出's three 类: a top three of three ranks nothing)
        finer = q.level == "项" or q.operation == "rank" and 1 < q.top_n >= len(nonzero)
        if finer and depth < 1 and nonzero and (finest := _each_broken_down(lib, doc, nonzero)) is not None:
            return replace(found, parts=finest, how=found.how.replace("类级", "最末级"))
        total = sum(p.yuan for p in nonzero)
        # one part holds it all (人员经费 all 工资福利支出, 303 empty), or all but a sliver of an
        # economic breakdown (机关运行经费: 302 is 97%): that part's items, with the rest beside them
        # (a breakdown by function, "一般公共预算的钱用在了哪些方面", stays by 类: one 类 is no answer)
        main = [p for p in nonzero if len(nonzero) == 1 or p.yuan >= DOMINANT_SHARE * total and _economic(p)]
        if main and depth < 1 and main[0].cell is not None:
            deeper = _children(lib, doc, main[0].cell, q.level == "项")
            if deeper:
                # (the rest at the same level: 310's 办公设备购置 beside 302's items, not the 类 itself)
                level = len(deeper.parts[0].cell.row.code) if deeper.parts and deeper.parts[0].cell is not None else 0
                rest = [c for p in nonzero if p is not main[0] for c in _at_level(lib, doc, p, level)]
                how = f"《{main[0].cell.table.title}》{LEVEL_BY_LENGTH[level]}级科目" if level in LEVEL_BY_LENGTH and \
                    any(p.cell is not None and p.cell.row.code and len(p.cell.row.code) == level for p in rest) else deeper.how
                return replace(deeper, whole=concept.name, parts=deeper.parts + rest, how=how,
                               exhaustive=deeper.exhaustive and not rest)
        return found
    by_name = {c.name: c for c in lexicon().concepts}
    cells = []
    every = has_cue("list_all", q.text)  # ("一个不落": a part of nothing is listed too)
    for name in spec.concepts:
        found, _ = locate_concept(doc, by_name[name], q.measure, q.match_text)
        if found and (found[0].value or every and found[0].value is not None) and found[0].unit:
            cells.append(found[0])
    adds_up = _adds_up(doc, concept, cells, q) if cells else None
    if adds_up is False:
        # parts that do not add up to their whole are no breakdown of it (a misprinted table, or
        # a template naming its lines otherwise: "三、其他资金"), unless the table lists its own
        return _numbered_above(doc, concept, q) if concept.department_total else None
    caveat: list[Part] = []
    if len(cells) == 1 and depth < 1 and (inner := by_name[cells[0].label]).parts is not None:
        deeper = _concept_parts(lib, q, doc, inner, depth + 1)
        if deeper is not None:
            # one part is all of the whole ("三公" all 公务用车): its own parts, as parts of the whole asked
            return replace(deeper, whole=concept.name, exhaustive=deeper.exhaustive and bool(adds_up))
        # its parts are printed but do not add up to it (a misprinted table): shown, not used
        caveat = [replace(Part.of_cell(c[0]), label=printed_name(c[0])) for name in inner.parts.concepts
                  if (c := locate_concept(doc, by_name[name], q.measure, q.match_text)[0]) and c[0].printed]
    if cells:
        where = "、".join(dict.fromkeys(f"《{c.table.title}》" for c in cells))
        parts = [replace(Part.of_cell(c), label=printed_name(c)) for c in cells]
        return Structure(concept.name, parts, f"{where}中{concept.name}的组成", exhaustive=bool(adds_up),
                         caveat=caveat)
    return _stated_parts(doc, concept)


def _stated_parts(doc: Document, concept: Concept) -> Structure | None:
    """A concept's parts as the narrative states them; all of it when they add up to the whole it
    states ("政府采购金额21.07万元，其中：货物采购金额21.07万元、工程采购金额0万元、服务采购金额0万元")."""
    stated = [Part(f.subject, f.value_text, f.value, f.unit, stated_citation(doc, f)) for f in doc.stated
              if f.concept in concept.parts.concepts and f.qualifier in LEVEL_QUALIFIERS and f.value]
    stated = list({p.label: p for p in stated}.values())  # a part stated twice counts once
    wholes = {round(f.value * YUAN_PER_UNIT.get(f.unit, 1), 2) for f in doc.stated
              if f.concept == concept.name and f.qualifier in LEVEL_QUALIFIERS and f.unit in YUAN_PER_UNIT}
    whole = round(sum(p.yuan for p in stated), 2)
    return Structure(concept.name, stated, "情况说明所述", exhaustive=wholes == {whole}) if stated else None


def _each_broken_down(lib: Library, doc: Document, parts: list[Part]) -> list[Part] | None:
    """Every part replaced by its own parts where the table prints them ("人员经费的明细里，哪一项
    最少": 工资福利支出's 款 and 对个人和家庭的补助's, not the two 类); None when none has any."""
    finer, deeper = [], False
    for part in parts:
        inner = _children(lib, doc, part.cell, True) if part.cell is not None else None
        deeper |= inner is not None
        finer += inner.parts if inner is not None else [part]
    return finer if deeper else None


def _counted_kinds(doc: Document, concept: Concept) -> Structure | None:
    """The kinds a counted concept's sentence goes on to count ("车辆7辆（一般公务用车3辆，执法执勤
    用车4辆…）", "共有车辆0辆，其中：部级领导干部用车0辆…"): the facts after it in its sentence,
    in its unit, up to one of another concept ("购置车辆1辆"); None where it names none."""
    facts = doc.stated
    for at, fact in enumerate(facts):
        if fact.concept != concept.name:
            continue
        kinds, sentences = [], {fact.sentence}
        for after in facts[at + 1:]:
            if after.sentence not in sentences and len(sentences) == 1 and after.sentence.startswith("其中"):
                sentences.add(after.sentence)  # "…共有车辆25辆。其中：特种专业技术用车2辆…"
            if after.sentence not in sentences or after.unit != fact.unit or after.concept:
                break
            kinds.append(Part(after.subject, after.value_text, after.value, after.unit, stated_citation(doc, after)))
        if kinds:
            return Structure(concept.name, kinds, "情况说明所述", exhaustive=sum(k.value for k in kinds) == fact.value,
                             counted=Part(fact.subject, fact.value_text, fact.value, fact.unit, stated_citation(doc, fact)))
    return None


TOP_LINE_RE = re.compile(r"^\s*[一二三四五六七八九十]+、")
SUB_LINE_RE = re.compile(r"^\s*(?:\d+[.．、]|[（(]\d+[)）])")  # "1.一般公共预算" under "一、财政拨款"


def _numbered_above(doc: Document, concept: Concept, q: QueryPlan) -> Structure | None:
    """A department total's parts as its table lists them above it: the numbered lines of its
    column ("一、财政拨款" "二、财政专户管理资金" "三、其他资金" over 当年收入小计), where they add up
    to it — the template's own breakdown, whatever a region names its lines."""
    found, _ = locate_concept(doc, concept, q.measure, q.match_text)
    if not found or found[0].value is None or found[0].unit not in YUAN_PER_UNIT:
        return None
    whole = found[0]
    cells = [Located(doc, whole.table_seq, i, whole.column, row_name(row.label))
             for i, row in enumerate(whole.table.rows[:whole.row_seq])
             if TOP_LINE_RE.match(row.label) and whole.column < len(row.values) and row.values[whole.column] is not None]
    cells = [c for c in cells if c.value is not None]  # (a line left blank adds nothing)
    if len(cells) < 2 or _sum_is(cells, whole) is not True:
        return None
    read = [_line_parts(line) for line in cells]
    return Structure(concept.name, [part for parts, _ in read for part in parts],
                     f"《{whole.table.title}》中{whole.label}所列各项", exhaustive=True,
                     also=[cited for _, also in read for cited in also])


def _filled_sub_lines(line: Located) -> list[Located]:
    """The numbered lines printed under a line ("1.一般公共预算" "2.政府性基金预算" under
    "一、财政拨款") that are filled in."""
    rows = line.table.rows
    subs = []
    for i in range(line.row_seq + 1, len(rows)):
        if not SUB_LINE_RE.match(rows[i].label):
            break
        sub = Located(line.doc, line.table_seq, i, line.column, row_name(rows[i].label))
        if line.column < len(rows[i].values) and sub.value is not None:
            subs.append(sub)
    return subs


def _line_parts(line: Located) -> tuple[list[Part], list[Citation]]:
    """A line's filled sub-lines where two or more add up to it; else the line itself (one filled
    in is all of it by another name, said beside it, "财政拨款（一般公共预算）", its cell cited too)."""
    subs = _filled_sub_lines(line)
    adds_up = _sum_is(subs, line) is True if subs else False
    if len(subs) > 1 and adds_up:
        return [replace(Part.of_cell(sub), label=printed_name(sub)) for sub in subs], []
    alias = subs if len(subs) == 1 and adds_up else []
    return [replace(Part.of_cell(line), label=printed_name(line) + "".join(f"（{printed_name(s)}）" for s in alias))], \
        [citation(s) for s in alias]


def _procurement_lines(doc: Document, concept: Concept, q: QueryPlan) -> Structure | None:
    """What a 政府采购 table's lines break the concept into: the projects its lines are for ("政府
    采购里哪个专项最多"), or the items they buy ("采购的货物里哪样花钱最多"; "政府采购预算表里金额最大的
    一笔具体采购品目": the items of all its lines, not 货物/工程/服务)."""
    if has_cue("projects", q.text) and (projects := _projects_bought(doc, concept, q)) is not None:
        return projects
    if concept.parts is None or ITEMS_ASKED_RE.search(q.text):
        return _items_bought(doc, concept, q)
    return None


def _items_bought(doc: Document, concept: Concept, q: QueryPlan) -> Structure | None:
    """The items a numbered line of a 政府采购 table buys ("一、货物A" down to the next numbered
    line): the lines ending in how each is bought ("…/家具用具/分散自行组织"), named by the word
    before it, where they add up to the line; None elsewhere."""
    found, _ = locate_concept(doc, concept, q.measure, q.match_text)
    if not found or found[0].table.type != "procurement":
        return None
    whole, methods = found[0], schema().procurement_methods
    rows = whole.table.rows
    lines = []
    for top in _numbered_lines(whole):
        for i, path in _lines_under(rows, top):
            if len(path) >= 2 and path[-1] in methods:
                cell = Located(doc, whole.table_seq, i, whole.column, path[-2])
                if cell.value is not None:
                    lines.append((cell, [p for p in path[:-2] if p != rows[top].label]))
    if len(lines) < 2 or _sum_is([cell for cell, _ in lines], whole) is not True:
        return None
    # an item bought for several projects (住宿服务 for 专项会议 and for 培训) is named with its project
    names = Counter(cell.label for cell, _ in lines)
    items = [replace(Part.of_cell(cell), label=cell.label if names[cell.label] == 1 or not project
                     else f"{cell.label}（{'/'.join(project)}）") for cell, project in lines]
    return Structure(concept.name, items, f"《{whole.table.title}》“{row_name(whole.row.label)}”所列采购品目", exhaustive=True)


def _numbered_lines(whole: Located) -> list[int]:
    """The numbered lines of a 政府采购 table ("一、货物A") a cell stands for: its own line, or for
    the table's 合计 every numbered line."""
    rows = whole.table.rows
    return [whole.row_seq] if TOP_LINE_RE.match(whole.row.label) else \
        [i for i, row in enumerate(rows) if TOP_LINE_RE.match(row.label) and "/" not in row.label]


def _lines_under(rows: list, top: int):
    """The lines under a numbered line of a 政府采购 table ("一、货物A"), down to the next numbered
    line, each with its label's parts (its own lines may carry its label first: "一、货物A/…/家具用具/
    分散自行组织")."""
    for i in range(top + 1, len(rows)):
        path = rows[i].label.split("/")
        if TOP_LINE_RE.match(path[0]) and path[0] != rows[top].label:
            return
        yield i, path


# the single items a 政府采购 table lists, asked for themselves ("具体采购品目", "哪一笔", "采购物品")
ITEMS_ASKED_RE = re.compile(r"品目|采购物品|具体(?:买|采购|购买)?的?(?:东西|物品)|哪一笔|一笔")


def _bought(q: QueryPlan) -> bool:
    """The question is of what a 政府采购 table lists (its concept read from such a table)."""
    return any(f.table == "procurement" for c in q.concepts for f in c.finds)


def _projects_bought(doc: Document, concept: Concept, q: QueryPlan) -> Structure | None:
    """The projects (专项) a 政府采购 table buys for, under the numbered line asked or under all
    of them: each project's lines ("省政协全委会/会议费", above the items it buys) summed over every
    line it has, where each numbered line's project lines add up to it; None elsewhere."""
    found, _ = locate_concept(doc, concept, q.measure, q.match_text)
    if not found or found[0].table.type != "procurement":
        return None
    whole, methods = found[0], schema().procurement_methods
    rows = whole.table.rows
    projects: dict[str, list[Located]] = {}
    for top in _numbered_lines(whole):
        top_cell = Located(doc, whole.table_seq, top, whole.column, row_name(rows[top].label))
        lines, name = [], ""
        for i, path in _lines_under(rows, top):
            path = path[1:] if TOP_LINE_RE.match(path[0]) else path  # ("一、货物A/机要及电子政务业务费/办公设备购置")
            if not path or path[-1] in methods:
                continue  # an item bought, not a project
            name = path[0] if len(path) >= 2 else name  # (a project named once for two lines: a merged cell)
            if name and (cell := Located(doc, whole.table_seq, i, whole.column, name)).value is not None:
                lines.append(cell)
        if not lines or _sum_is(lines, top_cell) is not True:
            return None
        for cell in lines:
            projects.setdefault(cell.label, []).append(cell)
    if len(projects) < 2:
        return None
    parts = []
    for name, cells in projects.items():
        total = sum(c.value for c in cells)
        parts.append(Part(name, fmt(total, max(decimals(c.printed) for c in cells)), total, cells[0].unit,
                          citation(cells[0]), cells[0] if len(cells) == 1 else None))
    under = f"“{row_name(whole.row.label)}”下" if TOP_LINE_RE.match(whole.row.label) else ""
    return Structure(concept.name, parts, f"《{whole.table.title}》{under}各专项（同一专项的各行相加）",
                     exhaustive=True, also=[citation(c) for cells in projects.values() for c in cells[1:]])


def _adds_up(doc: Document, concept: Concept, cells: list[Located], q: QueryPlan) -> bool | None:
    """Whether the parts' sum is the whole the document prints for the concept (to the rounding
    of each part); None where no whole is printed to set them against."""
    whole, _ = locate_concept(doc, concept, q.measure, q.match_text)
    return _sum_is(cells, whole[0]) if whole else None


def _add_up_to_total(doc: Document, ti: int, ci: int, parts: list[Part]) -> bool:
    """The 类 of a column add up to its table's total row (合计, 本年支出合计)."""
    table = doc.tables[ti]
    at = next((i for i, r in enumerate(table.rows) if not r.code and is_total(r.label)), None)
    return at is not None and all(p.cell is not None for p in parts) and \
        _sum_is([p.cell for p in parts], Located(doc, ti, at, ci, table.rows[at].label)) is True


def _sum_is(cells: list[Located], whole: Located) -> bool | None:
    """Whether the cells add up to the whole cell, to the rounding of each; None where either
    prints no amount of money."""
    if whole.value is None or whole.unit not in YUAN_PER_UNIT or any(c.unit not in YUAN_PER_UNIT for c in cells):
        return None
    slack = sum(0.005 * YUAN_PER_UNIT[c.unit] for c in cells) + 0.005 * YUAN_PER_UNIT[whole.unit]
    return abs(sum(yuan(c.value, c.unit) for c in cells) - yuan(whole.value, whole.unit)) <= slack + 1e-6


def _spelled_table(q: QueryPlan, doc: Document) -> int | None:
    """The table a question names by its full title, its code ("公开05表") or its type's short name
    ("支出总表"), not by a few of its words."""
    only = named_table(doc, q.match_text)
    if only is None:
        return None
    key, table = match_key(q.match_text), doc.tables[only]
    short = any(schema().short_named(phrase) == table.type for phrase in table_phrases(key))
    return only if match_key(table.title) in key or (table.code and match_key(table.code) in key) or short else None


def _columns_only(q: QueryPlan, table) -> bool:
    """What the question names beside the table is nothing, or one column of it with the level of its
    科目 said ("支出总表里，基本支出是0的大类": the 基本支出 column of that table's 类, not 基本支出's own
    breakdown)."""
    leaves = {match_key(path.split("/")[-1]) for path in table.columns}
    return not q.concepts or bool(q.level) and len(q.concepts) == 1 and any(match_key(w) in leaves for w in q.concepts[0].words())


def table_parts(lib: Library, q: QueryPlan, doc: Document, family: str, column: str, level: int,
                 codes: tuple[str, ...], whole: str, only: int | None = None) -> Structure | None:
    """科目 rows of the document's table of one family (or the one table ``only``): under ``codes``
    (one level down when a single code is given), or at one code length, in the column named (or
    the table's total)."""
    for ti, table in enumerate(doc.tables):
        if only is not None and ti != only:
            continue
        if schema().family(table.type) != family or not any(r.code for r in table.rows) or not table.unit:
            continue  # (a table without a printed unit gives no figures)
        ci = _column(table, q, doc, column, codes)
        if ci is None:
            continue
        # (a table printing two lists side by side, 人员经费 | 公用经费, read whole: both sides)
        sides = (_sides(table, codes) or [ci]) if not column and not column_hits(table, [ci], match_key(q.text)) else [ci]
        if len(codes) == 1:  # one code: the 科目 one level under it
            length = len(codes[0]) + 2
            facts = [f for c in sides for f in lib.ranked_facts(doc.doc_id, ti, c, codes[0], length)]
        elif codes:  # several codes: those 科目 themselves
            length = len(codes[0])
            facts = [f for c in sides for f in lib.ranked_facts(doc.doc_id, ti, c, "", length) if f.row_code in codes]
        else:
            length = level
            facts = [f for c in sides for f in lib.ranked_facts(doc.doc_id, ti, c, "", length)]
        if not facts and length == 7:  # a table without 项: its finest level is 款
            facts = [f for c in sides for f in lib.ranked_facts(doc.doc_id, ti, c, "", 5)]
            length = 5
        facts.sort(key=lambda f: -(f.value_yuan if f.value_yuan is not None else f.value or 0))
        both = _both_columns(table, q)
        facts = [f for f in facts if all(parse_amount(table.rows[f.row_index].values[c] or "") for c in both)]
        if facts:
            parts = [Part.of_cell(Located(doc, f.table_index, f.row_index, f.column_index, row_name(f.row_label)))
                     for f in facts]
            what = f"“{table.columns[ci]}”列" if len(table.columns) > 1 and len(sides) == 1 else \
                f"“{'”“'.join(table.columns[c] for c in sides)}”两侧" if len(sides) > 1 else ""
            what += f"（“{'”“'.join(table.columns[c] for c in both)}”都有数的）" if both else ""
            return Structure("各科目" if both else whole, parts, f"《{table.title}》{what}{LEVEL_BY_LENGTH.get(length, '')}级科目",
                             exhaustive=not codes and len(sides) == 1 and _add_up_to_total(doc, ti, ci, parts))
    return None


# rows asked to print two figures ("既有项目支出又有经营支出的项级科目里", "哪些项既有基本支出又有项目支出")
BOTH_ASKED_RE = re.compile(r"既有(?P<one>[\u4e00-\u9fff]{2,8}?)又有(?P<other>[\u4e00-\u9fff]{2,8}?)(?=的|[？?，,。]|$)")


def _both_columns(table: Table, q: QueryPlan) -> list[int]:
    """The two columns a question asks its rows to print figures in (each named by one column
    of the table alone), else none."""
    m = BOTH_ASKED_RE.search(q.text)
    if m is None:
        return []
    named = [column_hits(table, list(range(len(table.columns))), match_key(m.group(side))) for side in ("one", "other")]
    return [hits[0] for hits in named] if all(len(hits) == 1 for hits in named) else []


# the parts asked as kinds of 经费 ("由哪几块经费组成"): the figures a whole holds, not its 科目
HELD_KIND_ASKED_RE = re.compile(r"(?:哪|几)(?:几|些)?(?:块|部分|类|种|项)?经费")


# whether printed parts add up to their whole ("…这几款加起来正好的吗", "底下那几项加起来，正好等于合计吗")
ADDS_UP_ASKED_RE = re.compile(r"加(?:起来|在一起|一块儿?)[^。？?]{0,20}?(?:吗|么|不|没有?)[？?]?(?:差(?:了)?多少[？?]?)?$"
                              r"|(?:正好|刚好|恰好)等于[^。？?]{0,16}?(?:吗|么)")


def adds_up_answer(lib: Library, q: QueryPlan, docs: list[Document]) -> Answer | None:
    """Whether the 科目 printed one level under the one named add up to it: yes where their sum
    is its printed figure, else no with the gap; the whole and each part cited. None unless a
    科目 with parts under it is named."""
    if not ADDS_UP_ASKED_RE.search(q.text):
        return None
    for doc in docs:
        if (whole_and_parts := _whole_with_parts(lib, q, doc) or _concept_with_parts(lib, q, doc)) is None:
            continue
        whole, found = whole_and_parts
        places = max(decimals(printed) for printed in [*(p.printed for p in found.parts), whole.printed or "0"])
        total = round(sum(yuan(p.value, p.unit) or 0.0 for p in found.parts) / YUAN_PER_UNIT[whole.unit], places)
        gap = round(total - whole.value, places)
        listed = "＋".join(f"{p.label}{p.printed}" for p in found.parts)
        text = (f"{'是' if gap == 0 else '不是'}。{doc.department}{doc.year}年度{whole.label}为{whole.printed}{whole.unit}，"
                f"其下各{LEVEL_BY_LENGTH.get(len(found.parts[0].cell.row.code), '') if found.parts[0].cell else ''}："
                f"{listed}＝{fmt(total, places)}{whole.unit}，"
                + ("正好相等。" if gap == 0 else f"相差{fmt(abs(gap), places)}{whole.unit}（可能是各项四舍五入所致）。"))
        figures = [Figure(whole.printed, whole.unit, yuan(whole.value, whole.unit), whole.label, doc.department, doc.year),
                   Figure(fmt(total, places), whole.unit, yuan(total, whole.unit), f"{whole.label}以下各项之和", doc.department,
                          doc.year, derived=True, formula=f"{listed} = {fmt(total, places)}")]
        if GAP_ASKED_RE.search(q.text):  # ("…一样吗？差多少": the gap leads)
            figures.insert(0, Figure(fmt(abs(gap), places), whole.unit, yuan(abs(gap), whole.unit), f"{whole.label}与各项之和相差",
                                     doc.department, doc.year, derived=True, formula=f"{fmt(total, places)} − {whole.printed}"))
        answer = finish(q, text, figures, [citation(whole)] + [p.citation for p in found.parts], [],
                        {p.value for p in found.parts} | {whole.value, total, abs(gap)}, LOOKUP)
        answer.verdict = "yes" if gap == 0 else "no"
        return answer
    return None


def _whole_with_parts(lib: Library, q: QueryPlan, doc: Document) -> tuple[Located, Structure] | None:
    """Of the 科目 a question names, the first with 科目 printed under it (the whole the others,
    if named, are parts of), and those parts."""
    key = match_key(q.text)
    names = [c.name for c in q.concepts] + [r for r in q.rows if r not in {c.name for c in q.concepts}]
    # (in the order the question says them, longer first where they start alike; one it does not spell, last)
    names.sort(key=lambda n: (key.find(match_key(n)) < 0, key.find(match_key(n)), -len(n)))
    for name in names:
        for whole in _coded_rows_named(q, doc, name):
            found = _children(lib, doc, whole, False)
            if found is not None and len(found.parts) >= 2:
                return whole, found
    return None


def _concept_with_parts(lib: Library, q: QueryPlan, doc: Document) -> tuple[Located, Structure] | None:
    """A total named by its concept ("本年支出合计", printed with no 科目 code) and the parts the
    lexicon breaks it into ("支出那边各类加起来，跟本年支出合计一样吗"), each printed."""
    if len(q.concepts) != 1 or q.concepts[0].parts is None:
        return None  # (parts named beside it are added as named: compare.py)
    whole, _ = locate_concept(doc, q.concepts[0], q.measure, q.match_text)
    found = _concept_parts(lib, q, doc, q.concepts[0])
    if whole and whole[0].unit in YUAN_PER_UNIT and found is not None and len(found.parts) >= 2 and \
            all(p.cell is not None for p in found.parts):
        return whole[0], found
    return None


def _coded_rows_named(q: QueryPlan, doc: Document, name: str) -> list[Located]:
    """The rows of that 科目 name printed with a code and a figure, spending tables first."""
    order = sorted(range(len(doc.tables)), key=lambda ti: schema().family(doc.tables[ti].type) not in SPENDING_FAMILIES)
    found = []
    for ti in order:
        table = doc.tables[ti]
        for ri, row in enumerate(table.rows):
            if row.code and row_key(row.label) == match_key(name) and table.unit and \
                    (ci := choose_column(table, row, "", q.measure, doc)) is not None:
                cell = Located(doc, ti, ri, ci, row.label)
                if cell.value is not None:
                    found.append(cell)
    return found


def _sides(table: Table, codes: tuple[str, ...]) -> list[int]:
    """The columns of a table that prints its 科目 in lists side by side (each coded row printing
    in one column only, 人员经费 | 公用经费): all of them; [] for any other table."""
    coded = [r for r in table.rows if r.code and (not codes or r.code.startswith(codes[0]))]
    printing = [[ci for ci, v in enumerate(r.values) if (v or "").strip()] for r in coded]
    used = sorted({ci for cols in printing for ci in cols})
    return used if len(used) > 1 and all(len(cols) <= 1 for cols in printing) else []


def _column(table: Table, q: QueryPlan, doc: Document, column: str, codes: tuple[str, ...] = ()) -> int | None:
    """The column the parts are read in: one the question (or the lexicon) names, else the
    table's own total of the document's measure, on the side of the table the codes are on."""
    coded = [r for r in table.rows if r.code and (not codes or r.code.startswith(codes[0]))]
    if not coded:
        return None
    # (a table printing two lists side by side, 人员经费 and 公用经费, has codes in both halves)
    usable = sorted({ci for r in coded for ci, v in enumerate(r.values) if v is not None})
    # ("既有项目支出又有经营支出的…，哪个的经营支出最多", "…？按合计看哪个最大": the one column the
    # ranking clause names, whatever the question names before it)
    asked = RANKED_CLAUSE_RE.findall(q.text) if _both_columns(table, q) else []
    if len(said := column_hits(table, usable, match_key(asked[-1])) if asked else []) == 1:
        return said[0]
    if asked and TOTAL_SAID_RE.search(asked[-1]) and (
            total := next((ci for ci in usable if is_total(table.columns[ci].split("/")[-1])), None)) is not None:
        return total
    if column:
        named = [ci for ci in usable if column in table.columns[ci]]
        if named:
            return named[0]
    hits = column_hits(table, usable, match_key(q.text))
    if hits:
        return hits[0]
    return choose_column(table, coded[0], "", q.measure, doc)


TOTAL_SAID_RE = re.compile(r"合计|总计|总额|加起来")
RANKED_CLAUSE_RE = re.compile(r"[^，,。；;？?]*(?:最|第[一二三四五六七八九十\d]+)[^，,。；;？?]*")


def _listing(parts: list[Part], total: float | None, shown: int = SHOWN_PARTS) -> tuple[list[Item], str]:
    """Every part as an item (what is counted, and the table beside the answer), the first
    ``shown`` of them in the text."""
    items = [Item(p.label, p.printed, p.unit, p.citation, p.yuan, round(p.yuan / total * 100, 2) if total else None)
             for p in parts]
    text = "；".join(f"{i.label}{i.value}{i.unit}" + (f"（{i.share:.2f}%）" if i.share is not None else "")
                    for i in items[:shown])
    more = f"等{len(parts)}项" if len(parts) > shown else ""
    return items, text + more


def _by_size(parts: list[Part]) -> list[Part]:
    return sorted(parts, key=lambda p: -p.yuan)


ASIDE_SAID_RE = re.compile(r"，(除.+外)$")


def _breakdown_answer(q: QueryPlan, doc: Document, found: Structure) -> Answer:
    if found.side_by_side:
        return _side_by_side_answer(q, doc, found)
    parts = _by_size([p for p in found.parts if p.value])  # a part of nothing is not where the money went
    every = has_cue("list_all", q.text)  # ("一个不落": the parts of nothing too, and all of them shown)
    if not parts or every:
        parts += [p for p in found.parts if not p.value]
    total = sum(p.yuan for p in parts)
    rising = q.order == "asc" and len(parts) > 1  # ("按金额从小到大排一下": the smallest first)
    parts = parts[::-1] if rising else parts
    items, listing = _listing(parts, total, len(parts) if every else SHOWN_PARTS)
    head = parts[0]
    aside = ASIDE_SAID_RE.search(found.how)  # ("…，除财政拨款外": what is left once a part is set aside)
    text = (f"{doc.department}{doc.year}年度{found.whole}按{found.how}，从少到多依次为：{listing}。") if rising else (
        f"{doc.department}{doc.year}年度{found.whole}按{found.how}看，主要是{head.label}"
        f"{head.printed}{head.unit}。依次为：{listing}。") if len(parts) > 1 else (
        f"{doc.department}{doc.year}年度{found.whole}{aside.group(1) + '的部分' if aside else ''}全部是{head.label}"
        f"{head.printed}{head.unit}（{ASIDE_SAID_RE.sub('', found.how)}：其余各项为空或0{'' if aside else '，与合计相符'}）。")
    if found.exhaustive and len(parts) > 1 and TOTAL_FIRST_RE.search(q.text) and \
            len({p.unit for p in parts}) == 1 and head.unit in YUAN_PER_UNIT:
        # "先读总数，再按类一个一个读": the whole the parts add up to, said first
        whole = fmt(total / YUAN_PER_UNIT[head.unit], max(decimals(p.printed) for p in parts))
        text = text.replace(f"{found.whole}按", f"{found.whole}为{whole}{head.unit}（各项之和），按", 1)
        allowed = {parse_amount(whole)}
    else:
        allowed = set()
    if found.caveat:
        text += (f"表中其下各项（{'、'.join(f'{p.label}{p.printed}{p.unit}' for p in found.caveat)}）之和与之不符，"
                 f"未再细分，请以原件核对。")
    figure = Figure(head.printed, head.unit, yuan(head.value, head.unit), f"{found.whole}中{'最小' if rising else '最大'}的一项：{head.label}",
                    doc.department, doc.year)
    allowed |= {p.value for p in parts + found.caveat} | {i.share for i in items if i.share is not None} | \
        {float(len(parts)), 0.0}
    counted = found.counted if found.counted is not None and has_cue("count", q.text) else None
    if counted is not None:
        # "每一类都列出来，总共几辆": the count asked heads, its kinds after it
        text = f"{doc.department}{doc.year}年度共有{counted.label}{counted.printed}{counted.unit}。{text}"
        figure = Figure(counted.printed, counted.unit, None, counted.label, doc.department, doc.year)
        allowed |= {counted.value}
    answer = finish(q, text, [figure], [c.citation for c in ([counted] if counted else [])] +
                    [p.citation for p in (parts + found.caveat)[:len(items) + len(found.caveat)]],
                    [f"占比为各项之和中的比重（{'、'.join(i.label for i in items[:3])}…）。"], allowed, LOOKUP)
    answer.items = items
    return answer


# the whole asked for first, before its parts ("先读总数", "一共多少，再按用途一项一项读")
TOTAL_FIRST_RE = re.compile(r"总数|总额|一共(?:是)?多少|合计(?:是)?多少|总共(?:是)?多少")


def _side_by_side_answer(q: QueryPlan, doc: Document, found: Structure) -> Answer:
    """Figures named together that are no parts of one whole, each as named, in the question's order."""
    items, listing = _listing(found.parts, None)
    head = found.parts[0]
    figure = Figure(head.printed, head.unit, yuan(head.value, head.unit), head.label, doc.department, doc.year)
    answer = finish(q, f"{doc.department}{doc.year}年度：{listing}。", [figure], [p.citation for p in found.parts],
                    [], {p.value for p in found.parts}, LOOKUP)
    answer.items = items
    return answer


# how many parts are nothing, said plainly ("有几项是零")
ZERO_COUNTED_RE = re.compile(r"(?<![哪那这])几(?P<unit>项|个|类|块|栏)(?:是|为|等于)(?:零|0|空)|"
                             r"(?:是|为|等于)(?:零|0|空)的[^，,。？?]{0,6}?(?:有)?(?:几|多少)(?P<unit2>项|个|类|款|块|栏)|"
                             # ("哪些科目没有项目支出？一共几个": the ones with none, counted after)
                             r"没有[^，,。？?]{2,8}[？?，,]\s*(?:一共|总共)?(?:有)?(?:几|多少)(?P<unit3>项|个|类|款)")
# "三公经费里哪几项是零", "哪些来源是0", "有哪一项是0吗", "哪些科目一分钱没花": the parts of
# nothing, listed
ZERO_ASKED_RE = re.compile(r"(?:哪|那)(?:几|些|一)?(?:项|个|块|科目|来源|部分|类)?(?:是|为|等于)(?:零|0|空)|哪(?:几|些|一)?(?:栏|列|格)(?:是|为|等于)(?:零|0|空)|"
                           r"(?:是|为|等于)(?:零|0|空)的[^，,。？?]{0,6}?(?:有)?(?:几|多少)(?:项|个|类|款|块|栏)|"
                           r"哪(?:些|几)个?(?:科目|项|类|款)?(?:[（(][^）)]{0,8}[）)])?(?:是)?没有(?:安排)?(?=[^，,。？?]{2,8}[？?，,])|"
                           r"(?:是|为)(?:零|0|空)的(?:有)?(?:哪|那)|哪(?:些|几)[^，,。？?]{0,6}?(?:一分钱?(?:都|也)?)?没(?:有)?花|"
                           # ("有没有哪一栏是一分钱都没安排的": a part of nothing, in a 预算 too)
                           r"哪(?:几|些|一)?(?:项|个|栏|列|格)[^，,。？?]{0,4}?一分钱?(?:都|也)?没(?:有)?(?:花|安排|用)|"
                           # (or how many, or which one, said plainly: "有几项是零", "哪项没花钱")
                           rf"{ZERO_COUNTED_RE.pattern}|哪(?:一)?(?:项|个)没(?:有)?花钱?")
# ("为什么一分没花", "是不是一分钱没花" ask of the whole: a reason, a yes or no)
# the parts that are not zero, asked beside those that are ("不是零的那类有多少辆", "其余的各多少")
NONZERO_ASKED_RE = re.compile(r"(?:不是|不为|非)(?:零|0|空)的|超过0元的|其余的?|剩下的")  # (understand writes 不是零的 as 超过0元)


def zero_parts_answer(lib: Library, q: QueryPlan, docs: list[Document]) -> Answer | None:
    """The parts of what the question names that are zero or blank, each cited; yes or no where
    it asks whether any is. None when no breakdown of it is found."""
    if not ZERO_ASKED_RE.search(q.text):
        return None
    plan = replace(q.reworded(ZERO_ASKED_RE, "由哪些部分构成"), operation="breakdown", intent="figure")
    concept = _whole_concept(plan)
    for doc in docs:
        leaves = _concept_leaves(doc, concept, plan) if concept is not None and concept.parts is not None \
            and concept.parts.concepts else []
        found = Structure(concept.name, leaves, f"《{leaves[0].cell.table.title}》中{concept.name}的组成") \
            if len(leaves) > 1 and leaves[0].cell is not None else structure(lib, plan, doc)
        if found is None or len(found.parts) < 2:
            continue
        finest = found.parts if plan.level else _finest(lib, plan, doc, found.parts)  # (at the level said: "大类")
        zeros = [p for p in finest if not p.value]
        asks_yes_no = bool(re.search(r"吗|是不是|有没有", q.text))
        if not zeros and len(leaves) < 2:
            return None  # (a 科目 table's breakdown may leave its blank rows out: no "none is zero" from it)
        if not zeros:
            text = f"{'没有。' if asks_yes_no else ''}{doc.department}{doc.year}年度{found.whole}的各项（{found.how}）都不为零。"
            answer = finish(q, text, [], [p.citation for p in found.parts[:SHOWN_PARTS]], [],
                            {p.value for p in found.parts}, LOOKUP)
        else:
            listing = "、".join(p.label for p in zeros)
            text = (f"{'有。' if asks_yes_no else ''}{doc.department}{doc.year}年度{found.whole}中为零或空的有："
                    f"{listing}（{found.how}）。")
            figures = [Figure(p.printed if p.value is not None else "0", p.unit, 0.0, p.label, doc.department, doc.year)
                       for p in zeros]
            cited = [p.citation for p in zeros[:SHOWN_PARTS]]
            spent_asked = has_cue("breakdown", ZERO_ASKED_RE.sub("", q.text))  # ("都花在哪了？哪几项是零")
            if (NONZERO_ASKED_RE.search(q.text) or spent_asked) and (others := [p for p in finest if p.value]):
                # "哪几类是零？不是零的那类有多少辆": the others too, the one left the headline; "三公经费都花在
                # 哪了？哪几项是零": where it went, largest first, heading
                others.sort(key=lambda p: -(yuan(p.value, p.unit) or p.value))
                text += f"不为零的：{'；'.join(f'{p.label}{p.printed}{p.unit}' for p in others)}。"
                shown = [Figure(p.printed, p.unit, yuan(p.value, p.unit), p.label, doc.department, doc.year) for p in others]
                figures = shown + figures if len(others) == 1 or spent_asked else figures
                cited = [p.citation for p in others[:SHOWN_PARTS]] + cited
            if counted := ZERO_COUNTED_RE.search(q.text):  # ("三公经费里有几项是零": the count heads, the items after it)
                unit = next(u for u in counted.groups() if u)  # (counted in the word asked: 几类, 几个)
                text = f"共{len(zeros)}{unit}。{text}"
                figures = [Figure(str(len(zeros)), unit, None, "为零或空的项数", doc.department, doc.year, derived=True,
                                  formula="逐项计数"), *figures]
            answer = finish(q, text, figures, cited, [], {0.0, float(len(zeros))} | {p.value for p in finest if p.value},
                            LOOKUP)
        if asks_yes_no:
            answer.verdict = "yes" if zeros else "no"
        return answer
    return None


def _concept_leaves(doc: Document, concept: Concept, q: QueryPlan) -> list[Part]:
    """Every part of a concept down to the last, zero ones too (the breakdown leaves those out):
    三公经费's 因公出国（境）费, 公务用车购置费, 公务用车运行维护费, 公务接待费."""
    out = []
    for name in concept.parts.concepts:
        inner = lexicon().named(name)
        cells, _ = locate_concept(doc, inner, q.measure, q.match_text)
        if not cells or not cells[0].unit:
            continue
        if cells[0].value and inner.parts is not None and inner.parts.concepts and (finer := _concept_leaves(doc, inner, q)):
            out += finer
        else:
            out.append(replace(Part.of_cell(cells[0]), label=printed_name(cells[0])))
    return out


def _at_level(lib: Library, doc: Document, part: Part, length: int) -> list[Part]:
    """The part's own 科目 of that code length where its table prints them, else the part itself."""
    code = part.cell.row.code if part.cell is not None else ""
    if not code or len(code) >= length:
        return [part]
    facts = lib.ranked_facts(doc.doc_id, part.cell.table_seq, part.cell.column, code, length)
    return [Part.of_cell(Located(doc, f.table_index, f.row_index, f.column_index, row_name(f.row_label)))
            for f in facts] or [part]


def _finest(lib: Library, q: QueryPlan, doc: Document, parts: list[Part]) -> list[Part]:
    """Each part, or its own parts where it has them (公务用车购置及运行维护费: 购置费 and 运行
    维护费; a 款: its 项), so that a zero inside a part that is not zero is found."""
    out = []
    for part in parts:
        concept = lexicon().named(part.label)
        finer = _concept_parts(lib, q, doc, concept) if concept is not None and concept.parts is not None and \
            concept.parts.concepts and part.value else \
            _children(lib, doc, part.cell, True) if part.cell is not None and part.cell.row.code and part.value else None
        out += finer.parts if finer and len(finer.parts) > 1 else [part]
    return out


KIND_SUFFIX_RE = re.compile(r"(?:支出|收入)$")  # what a figure is of: money spent or money in
# "除了财政拨款(之外)，还有别的收入吗": the whole's parts other than the one set aside
OTHER_PARTS_RE = re.compile(r"除(?:了|去)?(?P<aside>[^，,。？?]{2,12}?)(?:之外|以外|外)?[，,]?(?:还)?(?:有)?(?:别的|其他|其它|什么|哪些|哪几[块项种样个])")


def other_parts_answer(lib: Library, q: QueryPlan, docs: list[Document]) -> Answer | None:
    """The parts of a whole other than the one the question sets aside, each cited; yes/no by
    whether any of them is above zero. None unless the aside is one of the whole's parts."""
    m = OTHER_PARTS_RE.search(q.text)
    said = aside_said(q.text) if m is None and q.operation in ("breakdown", "rank") else None
    if m is None and said is None:
        return None
    aside = [x.concept.name for x in lexicon().concepts_in(m.group("aside") if m else said[0])]

    def wholes_named(noun: str, totals_only: bool = True) -> list[Concept]:  # of that name, whose parts hold the aside
        return [c for c in lexicon().concepts if (c.department_total or not totals_only) and c.parts and
                c.parts.concepts and noun and noun in c.name and any(a in c.parts.concepts for a in aside)]

    # the whole is said after 别的/其他 ("收入"): the department's total of that name; else it is
    # the aside's own kind ("项目支出以外的那部分都花在哪了": the parts the spending is split by with it)
    noun = re.sub(r"(?:来源|渠道|方面)$", "", re.split(r"[吗呢么？?，,。有没]", q.text[m.end() if m else said[2]:].lstrip("的"))[0])
    # (several set aside, "除了基本支出和项目支出", of one kind)
    kinds = {k.group() for a in aside if (k := KIND_SUFFIX_RE.search(a))} if said else set()
    kind = kinds.pop() if len(kinds) == 1 and all(KIND_SUFFIX_RE.search(a) for a in aside) else None
    wholes = wholes_named(noun) or (wholes_named(kind, totals_only=False) if kind else [])
    if not aside or len(wholes) != 1:
        return None
    asks_yes_no = q.operation == "yesno"  # ("除了财政拨款还有什么收入" lists them, no yes or no)

    def set_aside(part: Part) -> bool:  # (一般公共预算财政拨款收入 is of 财政拨款收入)
        # (or the line a template prints for it: "一、财政拨款" for 财政拨款收入)
        return any(part.label.endswith(a) or (c := lexicon().named(a)) is not None and (
            c.contains(part.label) or match_key(part.label) in map(match_key, c.words())) for a in aside)

    whole, set_aside_names = wholes[0], "、".join(aside)
    plain = replace(q, operation="breakdown", text=f"{whole.name}的构成", rest=whole.name, concepts=[whole], topic="")
    for doc in docs:
        found = _concept_parts(lib, plain, doc, whole)
        if found is None or not any(set_aside(p) for p in found.parts):
            continue
        others = _by_size([p for p in found.parts if not set_aside(p) and p.value])
        if not others:
            answer = finish(q, f"{'没有。' if asks_yes_no else ''}{doc.department}{doc.year}年度{found.whole}中，除{set_aside_names}外其余各项为空或0（{found.how}）。",
                            [], [p.citation for p in found.parts[:SHOWN_PARTS]], [], {0.0}, LOOKUP)
            answer.verdict = "no" if asks_yes_no else answer.verdict
            return answer
        listing = "；".join(f"{p.label}{p.printed}{p.unit}" for p in others)
        figures = [Figure(p.printed, p.unit, yuan(p.value, p.unit), p.label, doc.department, doc.year) for p in others]
        answer = finish(q, f"{'有。' if asks_yes_no else ''}{doc.department}{doc.year}年度{found.whole}中，除{set_aside_names}外：{listing}（{found.how}）。",
                        figures, [p.citation for p in others[:SHOWN_PARTS]], [], {p.value for p in others}, LOOKUP)
        answer.verdict = "yes" if asks_yes_no else answer.verdict
        return answer
    return None


# a ranking by share ("占比最高"), and a share asked as a figure beside it ("占总支出百分之多少")
SHARE_RANKED_RE = re.compile(r"(?:占比|比重|比例)(?:最高|最大|最多|最低|最小|最少)")
SHARE_AMOUNT_ASKED_RE = re.compile(r"百分之(?:多少|几)|(?:多少|几)[%％]|几成|(?:占比|比例|比重)(?:是|为|有)?(?:多少|多大)")


def _rank_answer(q: QueryPlan, doc: Document, found: Structure) -> Answer | None:
    parts = _by_size(found.parts)
    if q.order == "asc":
        parts = parts[::-1]
        parts = [p for p in parts if p.value] or parts  # "最少" among what was spent, not the blanks
    if q.standing == "gap":
        return _gap_answer(q, doc, found, parts)
    if q.standing:
        return _standing_answer(q, doc, found, parts)
    top = parts[q.place - 1:q.place] if q.place > 1 else parts[:max(q.top_n, 1)]
    items, listing = _listing(parts, None)
    word = ("最少" if q.order == "asc" else "最多") if q.place == 1 else f"第{in_chinese(q.place)}{'少' if q.order == 'asc' else '多'}"
    named = "、".join(f"{p.label}（{p.printed}{p.unit}）" for p in top)
    text = (f"{doc.department}{doc.year}年度{found.whole}中，按{found.how}，{word}的"
            f"{'是' if len(top) == 1 else f'前{len(top)}项是'}{named}。全部：{listing}。")
    head, figure = top[0], None
    total, computed = sum(p.yuan for p in parts), set(found.computed)
    if has_cue("share", q.text) and found.exhaustive and total and head.unit in YUAN_PER_UNIT:
        # "哪个科目钱最多？占政协事务合计的百分之几": the top one's share of the whole its parts add up to
        share, whole = round(head.yuan / total * 100, 2), round(total / YUAN_PER_UNIT[head.unit], 2)
        text += f"{head.label}占{found.whole}的{share:.2f}%（{head.printed}÷{fmt(whole, 2)}）。"
        computed |= {share, whole}
        if SHARE_RANKED_RE.search(q.text) and SHARE_AMOUNT_ASKED_RE.search(q.text):
            # "哪个款占比最高，占总支出百分之多少": ranked by share, the share is the figure asked ("哪个科目钱最多？
            # 占…的百分之几" ranks amounts: the amount heads)
            figure = Figure(f"{share:.2f}", "%", None, f"{head.label}占{found.whole}的比例", doc.department, doc.year)
    figure = figure or Figure(head.printed, head.unit, yuan(head.value, head.unit), f"{word}的一项：{head.label}",
                              doc.department, doc.year)
    answer = finish(q, text, [figure], [p.citation for p in top + [p for p in parts if p not in top][:4]], [],
                    {p.value for p in parts} | {float(len(top)), float(len(parts))} | computed, LOOKUP)
    answer.items = items
    return answer


def _standing_answer(q: QueryPlan, doc: Document, found: Structure, parts: list[Part]) -> Answer | None:
    """Where the item named stands in the ranking ("差旅费排第几"), or whether it is among the
    first ``top_n`` ("前五名里有没有退休费", "能排进前三不"): its place, its figure cited, and the
    ranking beside it; None when no part is the item named (its place is not this ranking's to say)."""
    whole = match_key(found.whole)
    named = [key for key in [match_key(r) for r in q.rows] + [match_key(c.name) for c in q.concepts] if key != whole] or \
        [whole]  # (not the whole the parts are placed within: "就业补助在社会保障和就业支出下面排第几")
    asked = next((p for key in named for p in parts if match_key(p.label) == key), None) or next(
        (p for key in named for p in parts if key in match_key(p.label)), None)
    if asked is None:
        return None
    place = parts.index(asked) + 1
    ordinal = in_chinese(place)
    tied = [p for p in parts if p is not asked and p.yuan == asked.yuan]
    items, listing = _listing(parts, None)
    order = "从少到多" if q.order == "asc" else "从多到少"
    text = (f"{doc.department}{doc.year}年度{found.whole}中，按{found.how}{order}排，{asked.label}"
            f"（{asked.printed}{asked.unit}）排第{ordinal}{'（与' + '、'.join(p.label for p in tied) + '并列）' if tied else ''}"
            f"，共{len(parts)}项。全部：{listing}。")
    verdict = None
    if q.standing == "at":
        verdict = "yes" if place == q.place else "no"
        at = parts[q.place - 1] if q.place <= len(parts) else None
        said = f"它排第{ordinal}" + (f"，排第{in_chinese(q.place)}的是{at.label}（{at.printed}{at.unit}）" if verdict == "no" and at else "")
        text = f"{'是' if verdict == 'yes' else '不是'}，{said}。{text}"
    elif q.standing == "member":
        verdict = "yes" if place <= q.top_n else "no"
        most = "最少" if q.order == "asc" else "最多"
        said = (f"它就是{most}的一项" if verdict == "yes" else f"{most}的是{parts[0].label}（{parts[0].printed}{parts[0].unit}）") \
            if q.top_n == 1 else f"在前{q.top_n}项{'之内' if verdict == 'yes' else '之外'}"
        text = f"{'是' if verdict == 'yes' else '不是'}，{said}。{text}"
    figure = Figure(asked.printed, asked.unit, yuan(asked.value, asked.unit), f"{asked.label}（排第{ordinal}）",
                    doc.department, doc.year)
    answer = finish(q, text, [figure], [asked.citation] + [p.citation for p in parts if p is not asked][:4], [],
                    {p.value for p in parts} | {float(place), float(len(parts)), float(q.top_n), float(q.place)}, LOOKUP)
    answer.items, answer.verdict = items, verdict
    return answer


def _gap_answer(q: QueryPlan, doc: Document, found: Structure, parts: list[Part]) -> Answer | None:
    """The gap between two places of the ranking ("排第一和排第二的差多少"): both items cited, the
    difference computed in their unit; None when the ranking is shorter than the places asked."""
    if max(q.place, q.gap_to) > len(parts) or len({p.unit for p in parts}) != 1:
        return None
    first, second = parts[q.place - 1], parts[q.gap_to - 1]
    places = max(decimals(first.printed), decimals(second.printed))
    gap = round(first.value - second.value, places)
    formula = f"{first.printed} - {second.printed} = {fmt(gap, places)}"
    items, listing = _listing(parts, None)
    text = (f"{doc.department}{doc.year}年度{found.whole}中，按{found.how}，第{q.place}是{first.label}（{first.printed}{first.unit}），"
            f"第{q.gap_to}是{second.label}（{second.printed}{second.unit}），相差{fmt(gap, places)}{first.unit}"
            f"（{formula}）。全部：{listing}。")
    figures = [Figure(fmt(gap, places), first.unit, yuan(gap, first.unit), f"{first.label}与{second.label}之差", doc.department,
                      doc.year, derived=True, formula=formula),
               *(Figure(p.printed, p.unit, yuan(p.value, p.unit), p.label, doc.department, doc.year) for p in (first, second))]
    answer = finish(q, text, figures, [first.citation, second.citation], [],
                    {p.value for p in parts} | {gap, float(q.place), float(q.gap_to)}, LOOKUP)
    answer.items = items
    return answer


def _leaves(lib: Library, doc: Document, found: Structure) -> tuple[list[Part], str]:
    """Each part, or the finest 科目 under it where the table has them, and how they were read:
    the items a threshold is asked of ("超过1000万的科目" under 一般公共服务支出 are its 项, not
    its one 款)."""
    out, how = [], found.how
    for part in found.parts:
        finer = _children(lib, doc, part.cell, True) if part.cell is not None and part.cell.row.code else None
        out += finer.parts if finer else [part]
        if finer:
            how = f"《{part.cell.table.title}》最细一级科目"
    return out, how


# the item the others are set against ("跟水费一样多", "和它一样多")
TIED_WITH_RE = re.compile(r"(?:跟|和|与|同)[^，。？?、]{1,12}?(?=(?:是不是|是否)?(?:一样多|相等|相同|一模一样|同样多|一样))")


def ties_answer(lib: Library, q: QueryPlan, docs: list[Document]) -> Answer | None:
    """The parts of the whole asked that print the same amount ("哪几项预算是一样多的", "有没有哪项
    跟水费一样多"): each group of two or more, cited; the group holding an item the question names
    (or the one with most members, then the larger amount) heads. No group is the honest no."""
    # (the item the others are set against is no whole to break down: "有没有哪项跟水费一样多")
    against = TIED_WITH_RE.search(q.text)
    whole = replace(understand(q.text[:against.start()] + q.text[against.end():], lib, q.before), resolved=q.resolved) \
        if against else q
    for doc in docs:
        found = structure(lib, replace(whole, operation="rank"), doc)
        if found is None or len(found.parts) < 2:
            continue
        parts, how = _leaves(lib, doc, found)
        groups: dict[float, list[Part]] = {}
        for part in parts:
            if part.value:
                groups.setdefault(round(part.yuan, 2), []).append(part)
        tied = sorted((g for g in groups.values() if len(g) > 1), key=lambda g: (-len(g), -g[0].yuan))
        key = match_key(" ".join([q.match_text, q.topic]))

        def said(part: Part) -> bool:
            return len(k := match_key(part.label)) >= 2 and k in key

        named = [g for g in tied if any(said(p) for p in g)]
        # (the ties of the item set against, where it is among the parts: none is the honest no)
        tied = named if against and any(said(p) for p in parts) else named + [g for g in tied if g not in named]
        told = "；".join(f"{'、'.join(p.label for p in g)}均为{g[0].printed}{g[0].unit}" for g in tied)
        if not tied:
            item = next((p.label for p in parts if said(p)), None) if against else None
            text = f"没有。{doc.department}{doc.year}年度{found.whole}中（按{how}），" + (
                f"没有与{item}金额相同的一项。" if item else "没有金额相同的两项。")
            answer = finish(q, text, [], [p.citation for p in parts[:1]], [], {p.value for p in parts}, LOOKUP)
            answer.verdict = "no"
            return answer
        head = tied[0][0]
        figure = Figure(head.printed, head.unit, head.yuan, f"金额相同的{len(tied[0])}项：{'、'.join(p.label for p in tied[0])}",
                        doc.department, doc.year)
        text = f"有。{doc.department}{doc.year}年度{found.whole}中（按{how}），金额相同的有：{told}。"
        answer = finish(q, text, [figure], [p.citation for g in tied for p in g], [], {p.value for p in parts}, LOOKUP)
        answer.items, _ = _listing([p for g in tied for p in g], None)
        answer.verdict = "yes"
        return answer
    return None


def _above_answer(lib: Library, q: QueryPlan, doc: Document, found: Structure) -> Answer:
    """The items above (or below) the amount or the share of the whole asked, largest first,
    each cited; the largest is the figure, and "有没有哪一类超过一半" is answered yes or no."""
    # (a level said, "按大类看哪些超过1000万", is the level listed, and a share is of the whole's
    # own parts; else the finest 科目)
    said_level = q.level in ("类", "款") and (has_cue("level_broad", q.text) or has_cue("level_middle", q.text))
    leaves, how = (found.parts, found.how) if said_level or q.share_above is not None else _leaves(lib, doc, found)
    parts = _by_size(leaves)
    total = sum(p.yuan for p in parts)
    if q.share_above is not None:
        cut, said = q.share_above / 100 * total, f"{'少于' if q.under else '超过'}{fmt(q.share_above, 2).rstrip('0').rstrip('.')}%"
        above = [p for p in parts if (p.yuan < cut if q.under else p.yuan > cut)]
    else:
        said, above = q.threshold_said(), [p for p in parts if q.within_threshold(p.yuan)]
    share = (lambda p: f"（{fmt(p.yuan / total * 100, 2)}%）" if total and q.share_above is not None else "")
    asked_yes_no = q.operation == "yesno"
    threshold = q.threshold_wan() if q.above is not None else {q.share_above}
    if not above:
        last = parts[-1 if q.under else 0] if parts else None
        text = f"{'没有。' if asked_yes_no else ''}{doc.department}{doc.year}年度{found.whole}中，没有{said}的一项（按{how}）；" \
               f"最{'小' if q.under else '大'}的是{last.label}{last.printed}{last.unit}{share(last)}。" \
            if last else f"{doc.department}{doc.year}年度{found.whole}中没有可列的项目。"
        answer = finish(q, text, [], [p.citation for p in parts[:1]], [], {p.value for p in parts} | threshold, LOOKUP)
        answer.verdict = "no" if asked_yes_no and last else answer.verdict
        return answer
    listing = "；".join(f"{p.label}{p.printed}{p.unit}{share(p)}" for p in above)
    text = f"{'有。' if asked_yes_no else ''}{doc.department}{doc.year}年度{found.whole}中，按{how}，{said}的有{len(above)}项：{listing}。"
    head = above[0]
    figure = Figure(head.printed, head.unit, yuan(head.value, head.unit), f"{said}的最大一项：{head.label}",
                    doc.department, doc.year)
    shares = {round(p.yuan / total * 100, 2) for p in above} if total else set()
    # (a share asked is worked out beside the amount: "有没有哪一类超过一半" → 97.32%)
    worked = [Figure(fmt(head.yuan / total * 100, 2), "%", None, f"{head.label}占{found.whole}的比例", doc.department,
                     doc.year, derived=True, formula=f"{head.printed}÷{fmt(total / YUAN_PER_UNIT[head.unit], 2)}")] \
        if q.share_above is not None and total and head.unit in YUAN_PER_UNIT else []
    answer = finish(q, text, [figure, *worked], [p.citation for p in above], [],
                    {p.value for p in parts} | {float(len(above))} | threshold | shares | found.computed, LOOKUP)
    answer.items, _ = _listing(above, total if q.share_above is not None else None)
    answer.verdict = "yes" if asked_yes_no else answer.verdict
    return answer


@dataclass
class Entry:
    """One department-year's figure in a comparison: a table cell or a stated fact."""
    doc: Document
    label: str
    printed: str
    value: float
    unit: str
    cite: Citation
    measure: str


def rank_across(lib: Library, q: QueryPlan, docs: list[Document]) -> Answer | None:
    """The same figure in several departments or years, largest first: each read from its own
    documents with the lookup a single question gets (a table cell, else a stated fact), each
    cited."""
    entries: dict[tuple[str, int], Entry] = {}
    for doc in docs:
        key = (lib.resolver.department_key(doc.department), doc.year)
        if key not in entries and (entry := _entry(q, doc)) is not None:
            entries[key] = entry
    ranked = sorted(entries.values(), key=lambda e: (yuan(e.value, e.unit) or e.value) * (1 if q.order == "asc" else -1))
    if len(ranked) < 2:
        return None
    head = ranked[0]
    word = "最少" if q.order == "asc" else "最多"
    known = {e.doc.department: lib.resolver.known_as(e.doc.department) for e in ranked}
    items = [Item(f"{known[e.doc.department]}{e.doc.year}年{e.doc.kind}", e.printed, e.unit, e.cite,
                  yuan(e.value, e.unit)) for e in ranked]
    compared = "；".join(f"{i.label}{i.value}{i.unit}" for i in items)
    note = [] if len({e.doc.kind for e in ranked}) == 1 else ["比较的文件既有预算也有决算：预算是计划数，决算是实际数。"]
    text = (f"比较了{len(ranked)}份文件的“{head.label}”（{head.measure}）：{known[head.doc.department]}{head.doc.year}年{word}，为"
            f"{head.printed}{head.unit}。各文件：{compared}。")
    figure = Figure(head.printed, head.unit, yuan(head.value, head.unit),
                    f"{head.label}{word}：{head.doc.department}{head.doc.year}年", head.doc.department, head.doc.year)
    gap = _gap_of_two(q, ranked)
    if gap is not None:
        text += f"两者相差{gap.value}{gap.unit}。"
    answer = finish(q, text, [gap, figure] if gap else [figure], [i.citation for i in items], note,
                    {e.value for e in ranked} | {float(len(ranked))} | ({parse_amount(gap.value)} if gap else set()), LOOKUP)
    answer.items = items
    return answer


# how much one is above the other, asked beside which is larger ("谁的预算大？大多少")
GAP_ASKED_RE = re.compile(r"(?:多|少|大|小|高|低)了?多少(?![个点%％]|的?百分|的?比例)|差了?多少|差距|差额|相差")


def _gap_of_two(q: QueryPlan, ranked: list) -> Figure | None:
    """The larger of two figures less the smaller, where the question asks how much larger: in
    their unit when they share it (to the places printed), else in 元."""
    if len(ranked) != 2 or not GAP_ASKED_RE.search(q.text) or any(e.unit not in YUAN_PER_UNIT for e in ranked):
        return None
    big, small = sorted(ranked, key=lambda e: -yuan(e.value, e.unit))
    unit = big.unit if big.unit == small.unit else "元"
    places = max(decimals(big.printed), decimals(small.printed)) if big.unit == small.unit else 2
    value = (yuan(big.value, big.unit) - yuan(small.value, small.unit)) / YUAN_PER_UNIT[unit]
    return Figure(fmt(value, places), unit, value * YUAN_PER_UNIT[unit],
                  f"{big.doc.department}{big.doc.year}年比{small.doc.department}{small.doc.year}年多",
                  big.doc.department, big.doc.year, derived=True, formula=f"{big.printed} - {small.printed}")


def _entry(q: QueryPlan, doc: Document) -> Entry | None:
    pick = pick_cells(q, doc)
    if pick is not None and not pick.summed:
        cell = pick.cells[0]
        if cell.value is None and cell.table.says_empty and cell.unit:  # "本表无数据": nothing spent
            return Entry(doc, cell.label, "0", 0.0, cell.unit, citation(cell), default_measure(doc))
        if cell.value is not None and cell.unit:
            measure = cell.table.measures[cell.column] if cell.column < len(cell.table.measures) else ""
            return Entry(doc, cell.label, cell.printed, cell.value, cell.unit, citation(cell),
                         measure or default_measure(doc))
    found = matching_facts(q, [doc])
    if found:
        _, _, fact = found[0]
        return Entry(doc, fact.subject, fact.value_text, fact.value, fact.unit, stated_citation(doc, fact),
                     fact.measure or "文字陈述")
    return None


# (or "三年平均每年", "这几年的平均")
YEARLY_AVERAGE_RE = re.compile(r"平均每年|每年平均|年均|平均一年|一年平均|平均下来每年|(?<![\d一二三四五六七八九十〇零])[两三四五六七八九几]年(?:的)?平均")


def _yearly_average(q: QueryPlan, entries: list) -> Figure | None:
    """"17年到19年的三公经费，平均每年多少": the years' printed figures added and divided by their
    number, rounded to the places they are printed with; None unless asked, or where the figures
    are of different units or measures (a budget is not averaged with an outturn)."""
    if not YEARLY_AVERAGE_RE.search(q.text) or len({(e.unit, e.measure) for e in entries}) != 1 or \
            entries[0].unit not in YUAN_PER_UNIT:
        return None
    return mean_of_years([e.printed for e in entries], entries[0].unit, entries[0].label, entries[0].doc.department)


def mean_of_years(printed: list[str], unit: str, label: str, department: str) -> Figure:
    """The years' printed figures added and divided by their number, to the places printed."""
    places = max(decimals(p) for p in printed)
    mean = round(sum(parse_amount(p) for p in printed) / len(printed), places)
    formula = f"({' + '.join(printed)}) ÷ {len(printed)}"
    return Figure(fmt(mean, places), unit, mean * YUAN_PER_UNIT[unit], f"{label}年平均", department, None,
                  derived=True, formula=formula)


ONE_OF_THEM_ASKED = "如只问其中一个部门，请说明。"


def each_across(lib: Library, q: QueryPlan, docs: list[Document]) -> Answer | None:
    """One figure asked of several departments at once ("普陀区24年三公经费多少"), or of one
    department's several years ("24年和25年分别是多少"): each one's own figure, each cited, none
    of them the headline; those without a document for the year asked are named."""
    by_year = len(q.departments) <= 1  # "24年和25年三公经费分别是多少": each year's
    entries: dict[tuple[str, int], Entry] = {}
    for doc in docs:
        key = (lib.resolver.department_key(doc.department), doc.year if by_year else 0)
        if key not in entries and (entry := _entry(q, doc)) is not None:
            entries[key] = entry
    if len(entries) < 2:
        return None
    items = [Item(f"{e.doc.department}（{e.doc.year}年{e.doc.kind}）", e.printed, e.unit, e.cite, yuan(e.value, e.unit))
             for e in sorted(entries.values(), key=lambda e: e.doc.year if by_year else 0)]
    # ("23、24、25年的预算总额分别是多少万元": each in the unit asked, else 元 in 万元 too)
    listed = "；".join(f"{i.label}{printed_and_converted(i.value, i.unit, q.form_unit)}" for i in items)
    label = next(iter(entries.values())).label
    if by_year:
        missing = [f"{y}年" for y in q.years if not any(k[1] == y for k in entries)]
        text = f"各年度的“{label}”：{listed}。" + (f"{'、'.join(missing)}没有找到这项数据。" if missing else "")
        figures = [average] if not missing and (average := _yearly_average(q, list(entries.values()))) else []
        if figures:
            text = f"{len(items)}年平均每年{average.value}{average.unit}（{average.formula}）。{text}"
        return Answer(q.text, text, ANSWERED, LOOKUP, figures, citations=[i.citation for i in items], items=items)
    missing = [lib.resolver.display(k) for k in q.departments if (k, 0) not in entries]
    text = f"问题涉及{len(q.departments)}个部门，各自的“{label}”：{listed}。"
    if missing:
        text += f"{'、'.join(missing)}没有找到{('、'.join(f'{y}年' for y in q.years))}的这项数据。"
    if has_cue("each", q.text):  # ("两家各有几辆车": each one's figure is what is asked)
        return Answer(q.text, text, ANSWERED, LOOKUP, [i.figure() for i in items],
                      citations=[i.citation for i in items], items=items)
    return Answer(q.text, text + ONE_OF_THEM_ASKED, UNCLEAR, LOOKUP,
                  citations=[i.citation for i in items], missing=["部门"], items=items)
