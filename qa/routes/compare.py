"""Two or more figures set against each other, computed in code from cited cells with the
formula shown: departments, years, two concepts of one document, 预算数 against 决算数."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from core.concepts import lexicon
from core.model import YUAN_PER_UNIT, Document, StatedFact
from core.text import ORDINAL_RE, chinese_number, decimals, is_total, match_key, parse_amount
from core.vocab import CUT_WORDS, INSIDE, YEAR_BEFORE, has_cue
from index.lexical import shared_words
from qa.answers import cite, exact, finish, fmt, rounding, sentence_citation, yuan
from qa.claims import PERCENT_CHANGE_RE, multiple_verdict
from qa.context import Library
from ingest.stated import BUDGET_STAGES
from qa.model import ANSWERED, LOOKUP, NOT_FOUND, UNCLEAR, Answer, Figure
from qa.lookup import FLOW_SUFFIX_RE, Located, choose_column, default_measure, named_rows, named_table, row_name, table_phrases, table_priority
from qa.narrative import Stated, amounts, stated_figure
from qa.routes.stated import matching_facts, outturn_facts, stated_cell, stated_citation
from qa.routes.value import blank_as_zero, zero_said
from qa.pick import Pick, pick_cells
from qa.rounding import places_asked
from qa.understand import (ACTUAL_FIRST_RE, AMOUNT_ASKED_RE, CHOICE_RE, MEASURE_WORD_RE, MEASURES_NAMED_RE, PARTS_COUNTED_RE, PLUS_RE, RATE_ASKED_RE, SAID_WITHIN_RE, SHARE_RE,
                           SUM_RE, QueryPlan, budget_against_actual)
from qa.verify import allowed_from


def compare(lib: Library, q: QueryPlan, docs: list[Document]) -> Answer | None:
    """Two or more figures set against each other: departments, years, two concepts (or a
    科目 and a concept) of one document, or the 预算数 and 决算数 of one concept."""
    keys = {(lib.resolver.department_key(d.department), d.year) for d in docs}
    if len(keys) > 1 and (q.operation == "share" or SHARE_RE.search(q.text)):
        return None  # one department's figure is no share of another's (nor of another year's)
    picks: list[tuple[str, Pick]] = []  # (how the figure is named in the answer, its cells)
    if len(keys) > 1:
        picks = _picks_across(lib, q, docs)
    elif docs and MEASURES_NAMED_RE.search(q.text):
        picks = _measures_of_one_item(lib, q, docs)
        if picks is None:
            return None
    elif docs:
        doc = next((d for d in docs if d.tables), docs[0])
        if (each := _item_in_named_tables(q, doc) or _item_in_totals_tables(q, doc)) is not None:
            # "收支预算总表里X和财政拨款支出预算表里的X差了多少": one item, in each table
            return compare_answer(q, [(f"《{p.cells[0].table.title}》{p.cells[0].label}", p) for p in each])
        picks = _picks_within(lib, q, doc, docs)
    if len(picks) > 2 and q.operation != "sum" and not SUM_RE.search(q.text):
        # "政府采购里服务比货物多花了多少": the whole named as context is no operand of its parts
        named = {c.name for c in q.concepts}
        wholes = {c.name for c in q.concepts if c.parts and named & set(c.parts.concepts)}
        picks = [p for p in picks if p[0] not in wholes] or picks
    if len(picks) < 2 or (q.operation == "share" and picks[0][0] == picks[1][0]):
        return None  # (one figure over another of the same name, two printings of 人员经费, is no share)
    if q.operation == "sum" and len(keys) == 1 and len({p.cells[0].label for _, p in picks}) == 1:
        return None  # (one item's budget and outturn, or two printings of it, are never added)
    if q.operation == "sum" and has_cue("adds_up", q.text) and (checked := _parts_against_whole(q, picks)) is not None:
        return checked
    if q.operation == "sum" or SUM_RE.search(q.text):
        return compare_answer(q, picks)
    if q.operation == "change" and len(picks) > 2:
        # "17年到19年涨了多少": the last year against the first; "比上一年" with no year named: the
        # latest against the year just before it, never the first on file
        picks = sorted(picks, key=lambda p: -p[1].doc.year)
        if YEAR_BEFORE_RE.search(q.text) and not q.years:
            before = [p for p in picks if p[1].doc.year == picks[0][1].doc.year - 1]
            if not before:
                return None
            return _confirmed(lib, compare_answer(q, [picks[0], before[0]]), [picks[0], before[0]])
        return _confirmed(lib, compare_answer(q, [picks[0], picks[-1]]), [picks[0], picks[-1]])
    if len(keys) > 1:  # first named minus second: the order the question names the years in
        # (the year "比" names is the one compared against, said or not: "那比24年多了多少")
        picks.sort(key=lambda p: (p[1].doc.year in q.compared_years, _named_at(q.text, p[1].doc.year)))
    return _confirmed(lib, compare_answer(q, picks[:2]), picks[:2])


# a figure the question quotes, or a change with its figure ("635.10万元", "减少4.83%", "增加25万元")
TOLD_FIGURE_RE = re.compile(r"(?:(?:增加|减少|增长|下降|上升|降低|提高)了?)?\d[\d,]*(?:\.\d+)?\s*(?:%|万元|万|元|亿元|亿)")


# figures to be read from the tables, asked ("按表里的数算", "以表格为准")
# (a figure word or 为准 said: not the 以表 of "可以表示")
TABLE_BASIS_RE = re.compile(r"(?:按|用|以|照)表(?:格|里|中|上)?的?(?:数字?|金额)|以表格?为准")
OUTTURN_SAID_RE = re.compile(r"执行数")  # a year's outturn, which a budget document states only for the year before


def told_with_year_before(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """A year's figure against the year before's, both from the one sentence of the later year's
    budget that states them (see ``_year_before_told``); None elsewhere."""
    picks = _year_before_told(q, docs) if docs else None
    return compare_answer(q, picks) if picks else None


def _year_before_told(q: QueryPlan, docs: list[Document]) -> list[tuple[str, Pick]] | None:
    """One year set against the year before where the store holds only the later year's budget,
    whose sentence states both ("2023年当年预算执行数为44.17万元，2024年预算安排50.37万元"): the two
    figures of that sentence, in the order the question names the years; None elsewhere."""
    if TABLE_BASIS_RE.search(q.text):
        return None  # ("我按表里的数算，比23年执行数多了多少": the later year's figure is the table's, not the sentence's)
    years = sorted(set(q.years) | set(q.compared_years))
    if len(years) == 1 and re.search(rf"比(?:{YEAR_BEFORE})", q.text):
        years = [years[0] - 1, years[0]]  # ("比上一年实际执行的": the year before the one said)
    if len({d.year for d in docs}) > 1 and OUTTURN_SAID_RE.search(q.text) and all(d.kind == "预算" for d in docs):
        # ("2024年…的预算，比2023年执行数增长了百分之几": the 2023 budget prints no outturn; the 2024 one states it)
        docs = [d for d in docs if d.year == max(years, default=0)] or docs
    doc = docs[0]
    if len(years) != 2 or len({d.year for d in docs}) != 1 or years != [doc.year - 1, doc.year]:
        return None
    # (the figures the asker quotes, "635.10万元……比2022年预算执行数减少4.83%，具体少了多少钱", are
    # not the earlier level asked)
    # (nor is a rate asked the earlier level's unit: "比2023年执行数增长了百分之几")
    told = RATE_ASKED_RE.sub("", TOLD_FIGURE_RE.sub("", q.text))
    earlier = stated_pick(replace(q, years=[years[0]], compared_years=[], operation="value", intent="figure",
                                  measure="决算数", text=told, rest=TOLD_FIGURE_RE.sub("", q.rest)), doc)
    fact = _fact_of(doc, earlier.cells[0]) if earlier is not None and isinstance(earlier.cells[0], Stated) else None
    fact = fact if fact is not None and fact.year == years[0] else None
    later = next((f for f in doc.stated if fact is not None and f.sentence == fact.sentence and f.subject == fact.subject
                  and f.year == doc.year and f.unit == fact.unit), None)
    if later is None:
        return None
    name = fact.subject.strip("“”\"")
    picks = [(f"{name}{doc.year}年{later.measure or doc.kind}", Pick([stated_cell(doc, later)])),
             (f"{name}{years[0]}年{fact.measure or '执行数'}", Pick([stated_cell(doc, fact)]))]
    return picks if _named_at(q.text, doc.year) <= _named_at(q.text, years[0]) else picks[::-1]


def _picks_across(lib: Library, q: QueryPlan, docs: list[Document]) -> list[tuple[str, Pick]]:
    """One figure of each department and year asked about (the latest year of each where the
    question names departments and no year)."""
    picks: list[tuple[str, Pick]] = []
    if own := _year_of_each(lib, q):  # "万里街道23年跟区府办25年": each body in the year said with it
        docs = [d for d in docs if own.get(lib.resolver.department_key(d.department)) == d.year]
    for doc in docs:
        # (a change of a figure only sentences state: each year's level, "面向中小企业预留…332.00万元")
        pick = _printed_whole(q, doc, pick_cells(q, doc)) or \
            stated_pick(replace(q, operation="value", intent="figure") if q.operation == "change" else q, doc)
        key = (lib.resolver.department_key(doc.department), doc.year)
        if pick and not any((lib.resolver.department_key(p.doc.department), p.doc.year) == key
                            for _, p in picks):
            picks.append((f"{doc.department}{doc.year}年度{pick.cells[0].label}", pick))
    if len(q.departments) > 1 and not q.years and not q.compared_years:
        picks = _latest_of_each(lib, q, picks)  # "省政协的公车比省委办公厅多吗": this year's, not 省政协's two years
    if len(picks) < 2 and not q.concepts and not q.rows:
        picks = _levels_stated(q, docs) or picks
    return picks


def _levels_stated(q: QueryPlan, docs: list[Document]) -> list[tuple[str, Pick]]:
    """An amount only sentences state, of one department in each year compared ("编报绩效目标的项目
    涉及的资金比24年多了多少"): each year's level as that year's document states it, asked as a
    plain figure (the words asking the change are no part of the level); [] unless every year has
    one and all are the same subject."""
    picks = []
    for doc in docs:
        level = replace(q, years=[doc.year], compared_years=[], operation="value", intent="figure")
        pick = stated_pick(level, doc)
        if pick is None:
            return []
        picks.append((f"{doc.department}{doc.year}年度{pick.cells[0].label}", pick))
    return picks if len({p.cells[0].label for _, p in picks}) == 1 else []


BODIES_APART_RE = re.compile(r"跟|和|与|同|、|比|对比|相比")


def _year_of_each(lib: Library, q: QueryPlan) -> dict[str, int]:
    """Each department with the one year said beside it, where the question pairs them ("阳泉24年和
    临汾19年的三公经费谁多"): {department key: year}; {} where it does not (one year for all)."""
    pairs: dict[str, int] = {}
    for part in BODIES_APART_RE.split(q.text):
        m = lib.resolver.resolve(part, lib.latest_year)
        if len(m.departments) == 1 and len(set(m.years)) == 1:
            pairs.setdefault(m.departments[0], m.years[0])
    return pairs if len(pairs) == len(q.departments) > 1 and len(set(pairs.values())) > 1 else {}


def _measures_of_one_item(lib: Library, q: QueryPlan, docs: list[Document]) -> list[tuple[str, Pick]] | None:
    """"预算数和决算数分别是多少": the item's two measures, never two items (None when the two
    found are different items), in the order the question names them ("实际比预算少了多少"); a
    plan's outturn as the next year's plan states it."""
    doc = next((d for d in docs if d.tables), docs[0])
    if doc.kind == "预算":
        pair = plan_and_outturn(lib, q, doc)
        return _measures_in_said_order(q, pair) if pair else None
    if not q.rows and all(c.department_total for c in q.concepts) and (both := _stated_budget_and_outturn(q, doc)):
        return _measures_in_said_order(q, both)  # the department's, as one sentence states both
    if len([s for s in BUDGET_STAGES if s in q.text]) >= 2 and not OUTTURN_NAMED_RE.search(q.text):
        return None  # ("调整预算跟年初预算差多少": two budget stages, of which a 预算数 and a 决算数 are neither)
    picks = [(f"{pick.cells[0].label}{measure}", pick) for measure in ("预算数", "决算数")
             if (pick := measure_pick(q, doc, measure))]
    labels = [match_key(p.cells[0].label) for _, p in picks]
    if len(picks) == 2 and not (labels[0] in labels[1] or labels[1] in labels[0]):
        return None  # two items found, not one item's two measures
    picks = _from_one_sentence(doc, picks)
    return _measures_in_said_order(q, picks)


def plan_and_outturn(lib: Library, q: QueryPlan, doc: Document) -> list[tuple[str, Pick]] | None:
    """An item's budget in a plan and what its year actually spent, as the next year's plan states
    it (budget first); None where either is missing."""
    # (every column of a plan is a budget, whatever its heading says: "支出预算/合计")
    budget = pick_cells(q, doc, measure="预算数", concepts_only=bool(q.concepts) and not q.rows)
    outturn = _outturn_told_next_year(lib, q, doc) if budget else None
    if outturn is None:
        return None
    name = row_name(budget.cells[0].label)
    return [(f"{name}{doc.year}年预算", budget), (f"{name}{doc.year}年执行数", outturn)]


def _outturn_told_next_year(lib: Library, q: QueryPlan, doc: Document) -> Pick | None:
    """What a plan's year actually spent, as the next year's plan states it ("2023年当年预算执行数为
    830.24万元"): a 预算 prints no outturn of its own year."""
    for later in lib.documents_of(doc, doc.year + 1):
        if facts := outturn_facts(q, later, doc.year):
            return Pick([stated_cell(later, facts[0])])
    return None


def _measures_in_said_order(q: QueryPlan, picks: list[tuple[str, Pick]]) -> list[tuple[str, Pick]]:
    """An item's budget and outturn (picked budget first), the outturn first where the question
    says it first ("实际比预算少了多少", "决算是年初预算的几倍")."""
    return picks[::-1] if ACTUAL_FIRST_RE.search(q.text) else picks


def _from_one_sentence(doc: Document, picks: list[tuple[str, Pick]]) -> list[tuple[str, Pick]]:
    """A budget read from a sentence that states the outturn too ("社会保障和就业支出年初预算
    2569.42万元，支出决算3897.62万元") is set against that outturn: a table's figure of the same
    科目 may be of other funds (the 支出决算表's all-funds 7526.75), not what the budget planned."""
    stated = [pair for pair in picks if isinstance(pair[1].cells[0], Stated)]
    if len(picks) != 2 or len(stated) != 1:
        return picks
    said = _fact_of(doc, stated[0][1].cells[0])
    other = _sentence_partner(doc, said) if said is not None else None
    if other is None:
        return picks
    return [pair if pair is stated[0] else (f"{other.subject}{'决算' if other.qualifier == '决算' else other.qualifier}",
                                            Pick([stated_cell(doc, other)])) for pair in picks]



def _fact_of(doc: Document, cell: Stated) -> StatedFact | None:
    """The stated fact a cell read from a sentence prints."""
    return next((f for f in doc.stated if f.sentence == cell.sentence.text and f.subject == cell.label
                 and f.value_text == cell.printed), None)


def _sentence_partner(doc: Document, fact: StatedFact, qualifier: str = "") -> StatedFact | None:
    """The other measure the fact's sentence states for its subject: the 决算 beside a budget
    ("年初预算2569.42万元，支出决算3897.62万元"), a budget stage beside a 决算, or the ``qualifier``
    named (a second budget stage)."""
    wanted = (lambda f: f.qualifier == qualifier) if qualifier else \
        (lambda f: f.qualifier in BUDGET_STAGES) if fact.qualifier == "决算" else (lambda f: f.qualifier == "决算")
    return next((f for f in doc.stated if f.sentence == fact.sentence and f.subject == fact.subject and wanted(f)), None)


def _department_pair(doc: Document, stage: str, qualifier: str = "") -> tuple[StatedFact, StatedFact] | None:
    """A whole of the department stated at ``stage`` and what its sentence states beside it (see
    ``_sentence_partner``)."""
    for fact in doc.stated:
        whole = lexicon().named(fact.concept) if fact.concept else None
        if fact.qualifier == stage and whole is not None and whole.department_total and \
                (other := _sentence_partner(doc, fact, qualifier)) is not None:
            return fact, other
    return None


# the outturn said beside budget stages ("年初预算和全年预算" alone is how much the budget was adjusted)
OUTTURN_NAMED_RE = re.compile(r"决算|实际|执行|花了|支出数")


def _stated_budget_and_outturn(q: QueryPlan, doc: Document) -> list[tuple[str, Pick]] | None:
    """A department's budget and outturn where one sentence of its 决算 states both for a whole
    of the department ("一般公共预算财政拨款支出…全年预算为321.02万元，支出决算为307.82万元"): the
    stage the question names (else 全年预算, then 年初预算) and the 决算; two stages named without the
    outturn ("年初预算和全年预算差了多少"), those two in the order said."""
    said = [s for s in BUDGET_STAGES if s in q.text]
    asked = [tuple(sorted(said[:2], key=q.text.index))] if len(said) >= 2 and not OUTTURN_NAMED_RE.search(q.text) else \
        [(stage,) for stage in said or ["全年预算", "年初预算"]]
    pair = next((found for stages in asked if (found := _department_pair(doc, *stages)) is not None), None)
    return [(f"{f.subject}{f.qualifier}", Pick([stated_cell(doc, f)])) for f in pair] if pair else None


def _picks_within(lib: Library, q: QueryPlan, doc: Document, docs: list[Document]) -> list[tuple[str, Pick]]:
    """The figures one document gives the items asked: each 科目 or code named, each concept
    (or a figure the question tells), a part and its whole for a share, an operand left unsaid."""
    picks: list[tuple[str, Pick]] = []
    seen = set()  # figures already picked, by name and by cell
    if q.operation == "share" and (nested := _nested_rows(q, doc) or _part_said_by_word(q, doc)) is not None:
        return nested  # ("社会福利这一款当中养老服务占几成": the 款 the 项 is in; "这一类里，养老那块占几成")
    # (two set against each other inside a whole said before them, nothing added up)
    set_inside = q.operation in ("diff", "compare", "yesno") and not has_cue("adds_up", q.text)
    # "卫生健康和住房保障加起来": each 科目 named, in turn (and the concepts named beside them, for a
    # sum: "…三类支出加起来是不是正好等于支出合计")
    if len(q.rows) > 1 and (not q.concepts or q.operation == "sum" and has_cue("adds_up", q.text)):
        found = [pick_cells(replace(q, text=name, topic="", codes=[]), doc) for name in _rows_set_against(q)]
    elif len(q.codes) > 1 and (not q.concepts or _named_after_codes(q)):
        # "2081002和2081004加起来", "2010204政协会议费比2010205委员视察多多少": each code, in turn (the words
        # after a code name its row, whatever concept they also spell)
        found = [pick_cells(replace(q, codes=[code]), doc) for code in q.codes]
    elif q.operation == "sum" and not q.concepts and len(sides := _sides_added(q)) == 2:
        # "养老保险缴费加职业年金一共多少": each side of the 加, named in the rows' own everyday words
        found = [pick_cells(replace(q, text=side, rest=side, topic="", codes=[], rows=[]), doc) for side in sides]
    else:
        found = [pick_cells(q, doc, concept_index=-1)]  # a named 科目 that is not a concept word
        if found[0] is not None and match_key(found[0].cells[0].label) in whole_said_within(q) and \
                (len(q.concepts) >= 2 or set_inside):
            # ("基本支出里，人员经费比公用经费多多少": where the two lie, not a third figure; a row named
            # beside a concept is read by its own name: "基本支出里水费和公务接待费")
            found = [] if len(q.concepts) >= 2 else _rows_within(q, doc, found[0].cells[0].label)
    named = [pick_cells(q, doc, concept_index=i, concepts_only=True) or _told(q, concept, docs)
             for i, concept in enumerate(q.concepts)]
    if set_inside and (within := whole_between_items(q)):
        named = [p for p in named if p is None or match_key(p.cells[0].label) not in within]  # (the whole they lie in)
    if found and found[0] is not None and any(p is not None and _where(p) == _where(found[0]) for p in named):
        found = []  # (the last concept's own cell, read as a row: the concepts keep the order they were said in)
    found += named
    for pick in (part for whole in found if whole for part in whole.parts()):
        head = pick.cells[0]
        where = _where(pick)
        names = {head.label} | (set() if pick.summed else {where})
        if not names & seen:
            picks.append((_named_column(q, pick), pick))
            seen |= names
    if q.operation == "share" and len(picks) == 1 and (part := _stated_part(q, docs, picks[0][1])) is not None:
        picks.insert(0, (part.cells[0].label, part))  # "政府采购里留给中小企业的占几成"
    if len(picks) == 1 and (other := _elided_operand(q) or (_total_holding(q) if q.operation == "share" else None)) is not None:
        pick = pick_cells(replace(q, concepts=[other], text=other.name, rest=other.name, topic=""), doc, concept_index=0,
                          concepts_only=True)
        if pick is not None:
            picks.append((pick.cells[0].label, pick))
    if q.operation == "share" and len(picks) == 2:
        picks = _whole_stated_beside(_part_in_wholes_table(q, _within_whole_column(q, picks)))
    elif len(picks) == 2:
        picks = _columns_of_one_row(_in_whole_column_said(q, picks))
    if q.operation == "share" and picks and (row_whole := _own_row_whole(q, picks[0][1])) is not None:
        head = picks[0][1].cells[0].label
        picks = [picks[0], (f"{head}{_last(row_whole)}", row_whole)]
    if len(picks) < 2 and (q.concepts or q.rows) and budget_against_actual(q.text):
        # (one item's two measures, never its budget against another figure's outturn)
        picks = _measures_of_one_item(lib, q, [doc]) or []
    return picks


def _named_after_codes(q: QueryPlan) -> bool:
    """Every concept the question spells is said right after one of its codes, as that row's name."""
    key = match_key(q.text)
    said = [m for m in lexicon().concepts_in(key) if not m.generic]
    return bool(said) and all(any(re.search(rf"{code}[\u4e00-\u9fff]{{0,6}}$", key[:m.start]) for code in q.codes)
                              for m in said)


def _where(pick: Pick) -> tuple:
    """The cell a pick's first figure is read from (a told figure: its amount)."""
    head = pick.cells[0]
    return (head.table_seq, head.row_seq, head.column) if hasattr(head, "table_seq") else (head.printed, head.unit)


def _rows_set_against(q: QueryPlan) -> list[str]:
    """The rows the clause with 比 sets against each other, where it names two or more ("离退休的钱，
    事业单位离退休比行政单位离退休多了多少": the topic said first is where they are, no operand); else
    all the rows named."""
    for clause in re.split(r"[，,；;。？?]", q.text):
        if "比" in clause and len(named := [r for r in q.rows if match_key(r) in match_key(clause)]) >= 2:
            return named
    return q.rows


def _nested_rows(q: QueryPlan, doc: Document) -> list[tuple[str, Pick]] | None:
    """A share of two 科目 named, one under the other, beside a department total said as where
    they are: the part over the 科目 holding it (the innermost whole said); None otherwise."""
    if len(q.rows) != 2 or not q.concepts or not all(c.department_total for c in q.concepts):
        return None
    found = [pick_cells(replace(q, text=name, rest=name, topic="", codes=[], concepts=[]), doc) for name in q.rows]
    if None in found or any(len(p.cells) != 1 for p in found):
        return None
    (a, b) = (p.cells[0].row.code or "" for p in found)
    if not a or not b or a == b or not (a.startswith(b) or b.startswith(a)):
        return None
    part, whole = sorted(found, key=lambda p: -len(p.cells[0].row.code))
    return [(part.cells[0].label, part), (whole.cells[0].label, whole)]


# the part said after the whole it lies in, by a word of its name ("社会保障和就业这一类里，养老那块占几成")
PART_WORD_RE = re.compile(rf"(?:{INSIDE})[，,]?(?P<word>[\u4e00-\u9fff]{{2,8}}?)(?:那块|这块|那一块|那部分|这部分|方面|的钱|的)?"
                          r"(?:大概|大约)?占")


def _part_said_by_word(q: QueryPlan, doc: Document) -> list[tuple[str, Pick]] | None:
    """A share of one 科目 named as where the part lies, the part said by a word of its name: the
    topmost row under it whose name holds the word, over it, in its column; None where no row holds
    it, or rows under two branches do."""
    m = PART_WORD_RE.search(match_key(q.text))
    if len(q.rows) != 1 or m is None or any(not c.department_total for c in q.concepts) or m.group("word") in q.rows[0]:
        return None
    word = m.group("word")
    for _, _, ti, ri in sorted(named_rows(doc, q.rows[0]), key=lambda h: table_priority(doc.tables[h[2]], q.text)):
        table, row = doc.tables[ti], doc.tables[ti].rows[ri]
        column = choose_column(table, row, q.text, q.measure, doc)
        if not row.code or column is None:
            continue
        holding = [at for at, under in enumerate(table.rows) if under.code.startswith(row.code) and
                   len(under.code) > len(row.code) and word in row_name(under.label)]
        # (the topmost that hold it: 20805 行政事业单位养老支出, not its 项 besides; a 养老服务 项 under
        # another 款 as well leaves which one unsaid)
        top = {table.rows[at].code for at in holding}
        holding = [at for at in holding if not any(table.rows[at].code.startswith(c) and table.rows[at].code != c for c in top)]
        if not holding:
            continue  # (a summary table stops at the 类)
        if len({table.rows[at].code for at in holding}) > 1:
            return None
        part, whole = (Located(doc, ti, at, column, row_name(table.rows[at].label)) for at in (holding[0], ri))
        return [(part.label, Pick([part])), (whole.label, Pick([whole]))]
    return None


ADDED_END_RE = re.compile(r"(?:一共|总共|共计|加起来|合计|合起来|是|有|为|的)?(?:多少|几).*$|[，,？?].*$")


def _sides_added(q: QueryPlan) -> list[str]:
    """The two things a 加 joins ("养老保险缴费加职业年金一共多少钱": 养老保险缴费, 职业年金), each
    to be looked up on its own; [] where the question joins none or more than two."""
    sides = PLUS_RE.split(match_key(q.rest or q.text))
    if len(sides) != 2:
        return []
    left, right = re.split(r"[，,]", sides[0])[-1], ADDED_END_RE.sub("", sides[1])
    return [left, right] if len(left) >= 2 and len(right) >= 2 else []


# the row just named, pointed back at as the whole of a share ("城乡社区支出的项目支出占该类支出合计")
OWN_ROW_RE = re.compile(r"占(?:该|这一?|那一?|本)(?:类|款|项|科目|行)|占(?:其|它的?)(?:合计|总额|总数|小计|全部|总)")
TOTAL_COLUMN_RE = re.compile(r"(?:合计|小计|总计)$")


# the column of a row's whole amount where no 合计 is printed
ROW_WHOLE_COLUMNS = {"金额", "决算数", "预算数", "统计数"}


def _within_whole_column(q: QueryPlan, picks: list[tuple[str, Pick]]) -> list[tuple[str, Pick]]:
    """A part whose row has a column for the other figure's whole ("人员经费合计" beside "其中：
    基本支出", asked as 基本支出里人员经费占几成): the part within that whole is that column. The
    whole said first ("一般公共预算财政拨款支出里，项目支出占多大比例") is no part, whatever its size: the
    part is its row's column of that name (2907.06 of 4004.92, not all funds' 6177.21)."""
    said = whole_said_within(q)
    out = list(picks)
    for i, (name, part) in enumerate(picks):
        whole = picks[1 - i][1].cells[0]
        head = part.cells[0]
        if said and match_key(head.label) in said:
            continue
        if part.summed or not hasattr(head, "table_seq") or not _yuan(part) or (_yuan(picks[1 - i][1]) or 0.0) < _yuan(part):
            # (only the smaller figure is a part within the other; one larger than the whole said
            # first is read in that whole's row)
            if said and match_key(whole.label) in said and hasattr(whole, "table_seq") and not picks[1 - i][1].summed and \
                    (within := _columns_named(whole, match_key(head.label))):
                out[i] = (name, Pick([replace(whole, column=within[0], label=head.label)]))
            continue
        wanted = match_key(whole.label)
        own = head.column_path.rsplit("/", 1)[-1]
        if is_total(wanted) or not (is_total(own) or own in ROW_WHOLE_COLUMNS):
            continue  # (the whole is a named part of the row, read from the row's whole column)
        within = _columns_named(head, wanted)
        if within and match_key(head.label) != wanted:
            out[i] = (name, Pick([replace(head, column=within[0])]))
    return out


def _part_in_wholes_table(q: QueryPlan, picks: list[tuple[str, Pick]]) -> list[tuple[str, Pick]]:
    """A 科目's share of a department total read in the table that total's parts are printed in
    ("社会保障和就业支出占本年支出的比例": its 支出决算表 row, all funds, not its row of the
    一般公共预算 table a column word "本年支出" pointed at); as picked where that table lacks the row."""
    (part_name, part), (_, whole) = picks
    concept = next((c for c in q.concepts if c.department_total and c.parts and c.parts.table
                    and c.name == whole.cells[0].label), None)
    head = part.cells[0]
    if concept is None or part.summed or not hasattr(head, "table_seq") or not head.row.code or \
            head.table.type == concept.parts.table:
        return picks
    for ti, table in enumerate(head.doc.tables):
        if table.type != concept.parts.table:
            continue
        for ri, row in enumerate(table.rows):
            column = next((ci for ci, path in enumerate(table.columns) if row.code == head.row.code and row.values[ci]
                           and (is_total(leaf := path.rsplit("/", 1)[-1]) or leaf in ROW_WHOLE_COLUMNS)), None)
            if column is not None:
                return [(part_name, Pick([Located(head.doc, ti, ri, column, head.label)])), picks[1]]
    return picks


def _columns_named(head, wanted: str) -> list[int]:
    """The other columns of a cell's row headed by a name (a match key; "其中：基本支出" is
    基本支出) that hold a figure."""
    return [ci for ci, path in enumerate(head.table.columns) if ci != head.column and
            match_key(ORDINAL_RE.sub("", path.rsplit("/", 1)[-1].strip())) == wanted and head.row.values[ci] is not None]


# a whole said right before the items, no mark between ("基本支出里水费和公务接待费")
WITHIN_BEFORE_ITEMS_RE = re.compile(r"(?:里面|里边|当中|之中|里|中)(?=[\u4e00-\u9fff]{2,}(?:和|与|跟|及|、))")


def _rows_within(q: QueryPlan, doc: Document, whole: str) -> list[Pick | None]:
    """Each row named that no concept of the question names (the row, by its own name, is where it
    is printed); the first pick again where that leaves fewer than two figures to set against each
    other."""
    concepts = {match_key(c.name) for c in q.concepts}
    rows = [r for r in q.rows if match_key(r) not in concepts and match_key(r) != match_key(whole)]
    if len(rows) + len(q.concepts) < 2:
        return [pick_cells(q, doc, concept_index=-1)]
    return [pick_cells(replace(q, text=r, rest=r, rows=[r], concepts=[], topic="", codes=[]), doc)
            for r in rows]


def whole_between_items(q: QueryPlan) -> set[str]:
    """The whole said before the figures (``whole_said_within``) where two or more other items are
    named after it to be set against each other ("基本支出里水费和公务接待费"), else an empty set."""
    within = whole_said_within(q)
    others = {match_key(n) for n in [*q.rows, *(c.name for c in q.concepts)]} - within
    return within if len(others) >= 2 else set()


def whole_said_within(q: QueryPlan) -> set[str]:
    """The names (match keys) of the whole a question says its figures lie in ("基本支出里，…"), or
    an empty set."""
    key = match_key(q.match_text)
    said = SAID_WITHIN_RE.search(key) or WITHIN_BEFORE_ITEMS_RE.search(key)
    whole = next((m for m in lexicon().concepts_in(key[:said.start()]) if m.end == said.start()), None) if said else None
    return {match_key(whole.word), match_key(whole.concept.name)} if whole else set()


def _in_whole_column_said(q: QueryPlan, picks: list[tuple[str, Pick]]) -> list[tuple[str, Pick]]:
    """Two rows set against each other within a whole said first ("基本支出里，303…比302…多多少"):
    each read in that whole's column where both their rows have one; as picked otherwise."""
    wanted = whole_said_within(q)
    heads = [pick.cells[0] for _, pick in picks]
    if not wanted or any(pick.summed or not hasattr(head, "table_seq") for (_, pick), head in zip(picks, heads)):
        return picks
    if not all(is_total(own := head.column_path.rsplit("/", 1)[-1]) or own in ROW_WHOLE_COLUMNS for head in heads):
        return picks  # (figures read in columns of their own, "全部支出里，项目支出比基本支出…", stay there)
    columns = [next((ci for w in wanted for ci in _columns_named(head, w)), None) for head in heads]
    if None in columns:
        return picks
    return [(name, Pick([replace(head, column=ci)])) for (name, _), head, ci in zip(picks, heads, columns)]


def _columns_of_one_row(picks: list[tuple[str, Pick]]) -> list[tuple[str, Pick]]:
    """A 科目 read in a column the question names ("殡葬的财政拨款收入") set against a figure whose
    name heads another column of that row ("和经营收入哪个多"): that row's cell, not the department's
    whole 经营收入."""
    (_, first), (_, other) = picks
    head = first.cells[0]
    if first.summed or not hasattr(head, "table_seq") or is_total(_last(first)) or _last(first) in ROW_WHOLE_COLUMNS:
        return picks
    other_head = other.cells[0]
    if hasattr(other_head, "table_seq") and other_head.table_seq == head.table_seq and other_head.row_seq == head.row_seq:
        return picks
    wanted = match_key(other_head.label)  # (a fund's 支出 heads its column without the word: 政府性基金预算财政拨款)
    within = _columns_named(head, wanted) or _columns_named(head, FLOW_SUFFIX_RE.sub("", wanted))
    if not within:
        return picks
    row = "" if is_total(head.row.label) else row_name(head.row.label)
    other = Pick([replace(head, column=within[0])])
    return [(f"{row}{_last(first)}", first), (f"{row}{_last(other)}", other)]


def _own_row_whole(q: QueryPlan, part: Pick) -> Pick | None:
    """The 合计 of the row whose column the share is of: one row's 项目支出 over that row's total,
    not over the department's whole spending."""
    head = part.cells[0]
    if part.summed or not hasattr(head, "table_seq") or not OWN_ROW_RE.search(q.match_text) or \
            TOTAL_COLUMN_RE.search(head.column_path):
        return None
    group = head.column_path.rsplit("/", 1)[0] if "/" in head.column_path else ""
    totals = [ci for ci, path in enumerate(head.table.columns) if TOTAL_COLUMN_RE.search(path) and
              path.startswith(group) and head.row.values[ci] is not None]
    return Pick([replace(head, column=totals[0])]) if totals else None


def _last(pick: Pick) -> str:
    """The last words of a cell's column path ("支出预算/项目支出" → 项目支出)."""
    return pick.cells[0].column_path.rsplit("/", 1)[-1]


def _named_column(q: QueryPlan, pick: Pick) -> str:
    """A figure's name, with the column the question names when it is not the row's total
    ("城乡社区支出的项目支出": 城乡社区支出项目支出, not the whole row's name)."""
    head = pick.cells[0]
    if pick.summed or not hasattr(head, "table_seq"):
        return head.label
    last = _last(pick)
    named = last not in head.label and match_key(last) in q.match_text and not TOTAL_COLUMN_RE.search(last)
    return f"{head.label}{last}" if named else head.label


SHARE_ASKING_RE = re.compile(r"[,，]?(?:有没有|是不是|是否)?(?:占|超过|达到|不到).*$")


def _whole_stated_beside(picks: list[tuple[str, Pick]]) -> list[tuple[str, Pick]]:
    """A part the narrative states under a whole of its own in the same section ("财政拨款基本支出预算
    6,442.75万元，其中：（一）人员经费5,312.01万元"): that whole, not the table's all-funds figure of
    the name (a share of one scope over another is no share)."""
    (part_name, part), (whole_name, whole) = picks
    said, total = part.cells[0], whole.cells[0]
    if not isinstance(said, Stated) or isinstance(total, Stated) or said.value is None:
        return picks
    words = match_key(whole_name)
    beside = {f.value: f for f in said.doc.stated if f.section_seq == said.sentence.section_seq and f.value is not None
              and f.unit == said.unit and words in match_key(f.subject) and f.value > said.value and not f.qualifier}
    if len(beside) != 1:
        return picks
    fact = next(iter(beside.values()))
    return [(part_name, part), (fact.subject, Pick([stated_cell(said.doc, fact)]))]


def _stated_part(q: QueryPlan, docs: list[Document], whole: Pick) -> Pick | None:
    """The part a share asks about, where only the narrative states it ("面向中小企业预留政府采购
    项目预算金额1928.48万元" of the 政府采购 whole): the stated figure the question names, when it
    is less than the whole."""
    # (the amount of the part: not "占多少比例", asked in %)
    asked = replace(q.reworded(SHARE_ASKING_RE), operation="value", intent="figure")
    total = _yuan(whole)
    for doc in docs:
        part = stated_pick(asked, doc)
        if part is not None and total and (amount := _yuan(part)) is not None \
                and 0 < amount < total - rounding(part.cells[0].printed, part.cells[0].unit):
            return part  # (less than the whole by more than its rounding: not the whole said in 万元)
    return None


def _item_in_named_tables(q: QueryPlan, doc: Document) -> list[Pick] | None:
    """One 科目 named once or more and two tables named: the 科目's cell in each table."""
    tables = list(dict.fromkeys(ti for p in table_phrases(q.match_text) if (ti := named_table(doc, p)) is not None))
    if len(tables) != 2:
        return None
    titles = [match_key(doc.tables[ti].title) for ti in tables]
    rows = [r for r in q.rows if not any(match_key(r) in t for t in titles)]  # (not the titles' words)
    if len(rows) != 1:
        return None
    picks = [pick_cells(replace(q, text=f"{doc.tables[ti].title}里{rows[0]}", topic="", codes=[]), doc)
             for ti in tables]
    if not all(p is not None and not p.summed and p.cells[0].table_seq == ti for p, ti in zip(picks, tables)):
        return None
    return picks


def _item_in_totals_tables(q: QueryPlan, doc: Document) -> list[Pick] | None:
    """One 科目 and two department totals named ("殡葬那块收进来的钱比花出去的多了多少": 本年收入合计,
    本年支出合计): the 科目's cell in the table each total heads (收入决算表, 支出决算表)."""
    if len(q.rows) != 1 or len({c.name for c in q.concepts}) != 2 or len(q.concepts) != 2 or \
            not all(c.department_total for c in q.concepts) or q.operation not in ("diff", "compare"):
        return None
    picks = []
    for concept in q.concepts:
        kinds = [f.table for f in concept.finds if f.table != "total"]
        tables = [ti for ti, t in enumerate(doc.tables) if t.type in kinds]
        if len(tables) != 1:
            return None
        pick = pick_cells(replace(q, text=f"{doc.tables[tables[0]].title}里{q.rows[0]}", topic="", codes=[], concepts=[]), doc)
        if pick is None or pick.summed or pick.cells[0].table_seq != tables[0]:
            return None
        picks.append(pick)
    return picks


# an average month or day of a year's figure ("电费平均每个月多少钱", "月均", "一天合多少钱", "日均"):
# the year's ÷ 12 or ÷ 365, said so
MONTHLY_AVERAGE_RE = re.compile(r"(?:平均|大概|大约)?(?:摊到|合到|折合)?(?:每个?月|一个月)(?:平均)?|月均")
DAILY_AVERAGE_RE = re.compile(r"(?:平均|大概|大约)?(?:摊到|合到|折合)?(?:每一?天|一天)(?:合|折合|平均|大概|大约)?|日均")
PERIOD_AVERAGE_RE = re.compile(f"{MONTHLY_AVERAGE_RE.pattern}|{DAILY_AVERAGE_RE.pattern}")
SMALLEST_SHOWN = 1  # an average under 1 of a 万元 figure is shown in 元 (10.23万元 ÷ 365 = 280.27元)


def per_period(q: QueryPlan, annual: Answer) -> Answer | None:
    """The year's figure the question names, divided by 12 or 365 (the documents print years,
    never months or days: this is an average, not a month's spending), with the year's cells cited."""
    head = annual.figures[0] if annual.status == ANSWERED and annual.figures else None
    amount = parse_amount(head.value) if head is not None else None
    if amount is None or head.unit not in YUAN_PER_UNIT:
        return None
    periods, each = (12, "月") if MONTHLY_AVERAGE_RE.search(q.text) else (365, "天")
    unit = "元" if "元" in q.text and "万元" not in q.text else head.unit
    average = amount * YUAN_PER_UNIT[head.unit] / YUAN_PER_UNIT[unit] / periods
    if average < SMALLEST_SHOWN and unit != "元":
        unit, average = "元", amount * YUAN_PER_UNIT[head.unit] / periods
    shown = fmt(round(average, 2), 2)
    formula = f"{head.value}{head.unit} ÷ {periods} = {shown}{unit}"
    figure = Figure(shown, unit, yuan(average, unit), f"{head.label}（{each}均）", head.department, head.year,
                    derived=True, formula=formula)
    text = (f"平均每{each}约{shown}{unit}（全年{head.value}{head.unit}÷{periods}"
            f"{'，按365天计' if periods == 365 else ''}；公开文件只列全年数，不列逐{each}的数字，这是按全年平均算出的）。"
            f"{annual.answer}")
    return replace(annual, answer=text, figures=[figure, *annual.figures],
                   notes=[f"计算：{formula}", *annual.notes])


# a figure per vehicle or per person ("平均每辆车一年花多少", "一人多少钱", "人均"): the unit counted
# ("摊到财政拨款负担的每辆公车上平均多少", "平摊到…每辆公车上，一辆车一年要花多少": the lead-in goes with
# it; "离休费平均每个离休人员多少": the people counted are the retired, group 3)
PER_UNIT_RE = re.compile(r"(?:(?:平摊到|均摊到|摊到|分到|平均到|合到|落到)[^，,。？?每]{0,12}?)?(?:平均)?(?:每一?|一)(辆|台|套|个人|人|名)(?:公?车)?上?(?:平均)?"
                         r"(?:(?<=上)[，,])?(?=[\u4e00-\u9fff]{0,8}(?:多少|几))|人均|平均每(辆|台|套|个人|人|名)(?:公?车)?|"
                         r"(?:摊到|分到|平均到|合到|平均)?每(?:一|个|位|名)?(?:在编|在职|编制内|实有|工作|(离退休|离休|退休))?的?"
                         r"(?:人员|职工|员工|干部|人头)(?:头上|上)?|"
                         # "也按每辆车算" (a follow-up asking the same average of another body)
                         r"按每一?(辆|台|套|个人|人|名)(?:公?车)?(?:来)?算")
# what the count is of, when the question says it ("按财政拨款负担的公车数量平均", "按实有人数平均下来")
COUNT_BASIS_RE = re.compile(r"(?:按|以|按照|除以)([^，,。？?]{1,24}?)(?:来)?(?:平均|均摊|分摊|摊|算)(?:下来|一下)?")
# a count the question itself states ("福利院说有2辆车"): the document's own count is used
SAID_COUNT_RE = re.compile(r"(?:说|听说|据说)?(?:有|共)?[\d一二两三四五六七八九十]+(?:辆|台|套|个人|人|名)车?")
COUNTED_ITEMS = "项目|处室|科室|内设机构|机构|预算单位|单位"
COUNTED_UNITS = {"个": ("个", "家"), "辆": ("辆",), "台": ("台", "台（套）", "套"), "套": ("台", "台（套）", "套"), "人": ("人", "名"),
                 "名": ("人", "名")}
COUNTED_THINGS = {"辆": "车辆", "台": "设备", "套": "设备", "人": "实有人数", "名": "实有人数"}
# the count said as whose it is, not what it is of ("按他们有的车算", "按现有的人")
OWNED_RE = re.compile(r"^(?:他们|她们|它们|他|她|它|该单位|该部门|单位|部门)?(?:名下|现在|目前|现)?(?:有|拥有)?的?")
# every one of the things counted ("所有车辆", "全部的车"): the document's whole count of them
ALL_HELD_RE = re.compile(r"(?:所有|全部|一共|总共)的?(?:车辆?|公车|人员?|职工)(?:数|数量)?")
PLAIN_COUNTED = {"车", "车辆", "公车", "人", "人员", "人头"}
# where the count is printed, said before it ("按概况里写的离休人员人数算")
SAID_WHERE_RE = re.compile(r"^[\u4e00-\u9fff]{1,8}?(?:里|中|上)(?:面)?(?:写|说|列|提|讲)(?:到)?的")
# the vehicles' running cost said loosely ("运行费", "公车一年运行维护费"), not the 机关运行经费 nor the name spelt out
VEHICLE_RUNNING_RE = re.compile(r"(?:公务用?车|公车|车辆?)?的?(?:一年)?的?(?<!机关)(?<!公务用车)运行(?:维护|维修)?费")
# a question asked before, up to its question mark
FIRST_QUESTION_RE = re.compile(r"^[^？?]*[？?]")
# a day the count is taken on ("按截至2023年8月31日的车辆数算"): the document's count is of that day
COUNT_DATE_RE = re.compile(r"(?:截至|截止到?|到)?(?:\d{2,4}年)?\d{1,2}月(?:\d{1,2}日)?(?:止)?的?")


@dataclass
class PerUnit:
    """A figure asked per vehicle or per person, as two questions: the whole and the count."""
    whole: str  # the question asked of the whole ("公务用车运行维护费多少万元")
    counted: str  # what is counted ("财政拨款负担的公车数量", else 车辆 / 实有人数 by the unit)
    unit: str  # the unit counted (辆, 人)
    basis: str  # what the question says the count is of, or ""
    otherwise: str = ""  # what is counted where the document does not state ``counted`` (nothing said of it)

    @property
    def fallback(self) -> "PerUnit | None":
        return replace(self, counted=self.otherwise, otherwise="", basis="") if self.otherwise else None

    @property
    def count(self) -> str:
        """The question of the count ("财政拨款负担的公车数量有几辆")."""
        return f"{self.counted}有几{self.unit}"


# an average over things the narrative counts ("那些项目平均每个多少钱", "平均每个处室摊到多少公用经费",
# "平均每家花了多少"): the thing, said with it or before it
PER_ITEM_RE = re.compile(rf"平均(?:到|摊到|分到)?(?:每一?|一)(?:个|家|项)({COUNTED_ITEMS})?(?:平均|摊到|分到|摊|分)?|"
                         rf"每一?(?:个|家|项)({COUNTED_ITEMS})?(?:平均|摊到|分到)")
ITEM_NAMED_RE = re.compile(rf"([^，,。？?]*?)({COUNTED_ITEMS})(?:[^，,。？?]*)$")


def _per_item_parts(q: QueryPlan) -> PerUnit | None:
    """The two questions an average per project, office or unit stands for: the money of those
    things and how many of them, each asked with the words that say which things."""
    m = PER_ITEM_RE.search(q.text)
    if m is None:
        return None
    before = q.text[:m.start()]
    # (the things said in the clause before: "编报了绩效目标的项目，平均每个项目…")
    named = ITEM_NAMED_RE.search(([p for p in re.split(r"\d{2,4}年度?|[，,]", before) if p] or [""])[-1])
    noun = m.group(1) or m.group(2) or (named.group(2) if named else None)
    if noun is None:
        return None
    which = (named.group(1) + noun if named and named.group(2) == noun else noun).removeprefix("的")
    whole = before + q.text[m.end():]
    # (the things as said, else as the document may count them: "做绩效自评的那些二级项目" → 项目)
    return PerUnit(whole, which, "个", "", noun if which != noun else "")


def per_unit_parts(q: QueryPlan) -> PerUnit | None:
    """The two questions a figure asked per vehicle or per person stands for; None when it asks none."""
    m = PER_UNIT_RE.search(q.text)
    if m is None:
        return _per_item_parts(q)
    unit = (m.group(1) or m.group(2) or m.group(4) or "人").removeprefix("个")  # (每个人: 人)
    basis = COUNT_BASIS_RE.search(q.text)
    # (a question before it asks the count alone: "它一共几辆车？平均每辆车摊多少运行费")
    whole = SAID_COUNT_RE.sub("", PER_UNIT_RE.sub("", COUNT_BASIS_RE.sub("", FIRST_QUESTION_RE.sub("", q.text, count=1)
                                                                          if FIRST_QUESTION_RE.match(q.text[:m.start()]) else q.text)))
    if unit == "辆":
        whole = VEHICLE_RUNNING_RE.sub("公务用车运行维护费", whole)  # "每辆车摊多少运行费": the vehicles' running cost
    said = COUNT_DATE_RE.sub("", OWNED_RE.sub("", SAID_WHERE_RE.sub("", basis.group(1)))) if basis else ""
    every = bool(ALL_HELD_RE.fullmatch(said))  # ("按它名下所有车辆算": every vehicle it holds, not those 财政拨款 keeps)
    said = "" if said in PLAIN_COUNTED or every else said  # ("按他们有的车算": the vehicles, whichever count the document prints)
    if not said and m.group(3):
        return PerUnit(whole, f"{m.group(3)}人员", "人", "")
    if not said and unit == "人" and (paid := PAID_GROUP_RE.search(whole)):
        return PerUnit(whole, f"{paid.group(1)}人员", "人", "")  # "离休费平均每人多少": per 离休人员
    if not said and not every and unit == "辆" and any(c.name.startswith("公务用车") for c in q.concepts):
        # the 三公's 公务用车 money is spent on the vehicles 财政拨款 keeps (公务用车保有量), where
        # the document states them; all its vehicles (车辆数) only where it does not (its 一般公务用车
        # are not that count)
        return PerUnit(whole, "公务用车保有量", unit, "公务用车保有量", COUNTED_THINGS[unit])
    return PerUnit(whole, said or COUNTED_THINGS[unit], unit, said)


# money paid to one group of people ("离休费", "退休费"): per head, the people of that group
PAID_GROUP_RE = re.compile(r"(离退休|离休|退休)(?:费|人员经费|经费|人员的?(?:费用|钱))")
MIN_BASIS_SAID = 0.6  # of the words saying what the count is of, the count's answer must say


def per_unit(q: QueryPlan, asked: PerUnit, whole: Answer, count: Answer) -> Answer | None:
    """The whole's figure divided by the count the document prints, both cited: the documents
    print totals, never a figure per vehicle or per person. None unless the count found is of
    what the question says ("财政拨款负担的公车" is not all the department's vehicles)."""
    # (each a figure looked up, not a number in a sentence retrieval quotes)
    head = whole.figures[0] if whole.status == ANSWERED and whole.route == LOOKUP and whole.figures else None
    counted = count.figures[0] if count.status == ANSWERED and count.route == LOOKUP and count.figures else None
    unit = asked.unit
    if head is None or counted is None or head.unit not in YUAN_PER_UNIT or \
            counted.unit not in COUNTED_UNITS.get(unit, ()):
        return None
    basis = match_key(asked.basis)
    if basis and shared_words(basis, match_key(count.answer)) < MIN_BASIS_SAID * len(basis):
        return None
    if counted.label == COUNTED_THINGS["人"] and not basis and _of_a_project(head, whole):
        return None  # "三无人员和无名尸丧葬费，平均每人多少": the people it serves, not the staff
    amount, number = parse_amount(head.value), parse_amount(counted.value)
    if amount is None or not number:
        return None
    value = amount / number
    places = places_asked(q.typed)
    shown = fmt(round(value, places), places) if places is not None else \
        fmt(round(value, 4), 4).rstrip("0").rstrip(".") if round(value, 2) != round(value, 4) else fmt(round(value, 2), 2)
    formula = f"{head.value}{head.unit} ÷ {counted.value}{counted.unit} = {shown}{head.unit}"
    figure = Figure(shown, head.unit, yuan(float(shown), head.unit), f"{head.label}（每{unit}平均）", head.department,
                    head.year, derived=True, formula=formula)
    text = (f"平均每{unit}约{shown}{head.unit}（{head.label}{head.value}{head.unit} ÷ {counted.label}{counted.value}"
            f"{counted.unit}；公开文件只列总数，这是按总数平均算出的）。{whole.answer}{count.answer}")
    return replace(whole, answer=text, figures=[figure, head, counted], citations=whole.citations + count.citations,
                   notes=[f"计算：{formula}", *whole.notes, *count.notes])


def _of_a_project(head: Figure, whole: Answer) -> bool:
    """A figure of one project (its name ends in 项目, or the 绩效 part states it): spent on those
    it serves, not the department's staff."""
    return head.label.endswith("项目") or any("绩效" in (c.section or "") for c in whole.citations)


def change_on_year_before(lib: Library, q: QueryPlan, docs: list[Document]) -> Answer | None:
    """A change on the year before ("比上一年少了多少") that no sentence of the document states,
    computed from the same department's document of that year where the store holds one."""
    if q.operation != "change" or q.compared_years or len({d.year for d in docs}) != 1 or \
            len({lib.resolver.department_key(d.department) for d in docs}) != 1:
        return None
    year = docs[0].year
    # (the outturn asked: the year before's budget is no outturn of it)
    before = [d for d in lib.documents_of(docs[0], year - 1) if not (q.measure == "决算数" and d.kind == "预算")]
    if not before:
        return None
    found = compare(lib, replace(q, years=[year], compared_years=[year - 1], intent="compare"), docs + before)
    return found if found is not None and found.status == ANSWERED else None


def _latest_of_each(lib: Library, q: QueryPlan, picks: list[tuple[str, Pick]]) -> list[tuple[str, Pick]]:
    """Of departments compared without a year, each one's latest figure, in the order named."""
    latest: dict[str, tuple[str, Pick]] = {}
    for name, pick in picks:
        key = lib.resolver.department_key(pick.doc.department)
        if key not in latest or pick.doc.year > latest[key][1].doc.year:
            latest[key] = (name, pick)
    order = {key: n for n, key in enumerate(q.departments)}
    return sorted(latest.values(), key=lambda p: order.get(lib.resolver.department_key(p[1].doc.department), len(order)))


def _confirmed(lib: Library, answer: Answer, picks: list[tuple[str, Pick]]) -> Answer:
    """A change computed between two years of one department, cited too (after the cells it is
    computed from) on the later year's sentence that states it: the same amount as a change
    ("比上年增加3608.98万元") in a sentence that prints the later figure too; where that amount
    is off the computed one by more than its own rounding, the document's figure heads."""
    docs = [p.doc for _, p in picks]
    if answer.status != ANSWERED or not answer.figures or not answer.figures[0].derived or \
            answer.figures[0].unit in ("%", "倍") or len({d.year for d in docs}) != 2 or \
            len({lib.resolver.department_key(d.department) for d in docs}) != 1:
        return answer
    later = max(picks, key=lambda p: p[1].doc.year)[1]
    gap, level = abs(answer.figures[0].value_yuan or 0.0), _yuan(later)
    if level is None:
        return answer

    def near(value: float, printed: str, unit: str, target: float, rounded: int = 1) -> bool:  # to the rounding printed
        return abs(yuan(value, unit) - target) <= rounded * rounding(printed, unit) + 1e-6

    for doc in [later.doc, *lib.same_disclosure(later.doc)]:
        for fact in doc.stated:
            # (the later figure in the sentence may be printed in another unit: 15621.11万元 for 156,211,123元)
            # (a change the narrative works from two rounded figures may be off by both roundings:
            # 18976.76 − 15621.11 = 3355.65万元 for 33,556,428元)
            if fact.qualifier.startswith("比上年") and fact.unit in YUAN_PER_UNIT and \
                    near(fact.value, fact.value_text, fact.unit, gap, 2) and \
                    any(u in YUAN_PER_UNIT and near(v, p, u, level) for p, v, u in amounts(fact.sentence)):
                said = f"“{fact.sentence.rstrip('。；;')}”"
                if near(fact.value, fact.value_text, fact.unit, gap):  # (the same figure, rounded as printed)
                    answer.citations.append(stated_citation(doc, fact))  # after the operands' cells
                    answer.notes.append(f"文件亦载明：{said}。")
                    return answer
                return _said_first(answer, doc, fact, said)
    return answer


def _said_first(answer: Answer, doc: Document, fact: StatedFact, said: str) -> Answer:
    """A change the document states from two rounded figures (18976.76 − 15621.11 = 3355.65万元
    where the tables' 189,767,551 − 156,211,123 元 give 3355.64万元): the document's own figure
    heads, cited on its sentence, and the one worked from the tables follows with the reason
    they differ. A reader checks the figure against the page that prints it."""
    worked = answer.figures[0]
    sign = "-" if (worked.value_yuan or 0.0) < 0 else ""
    head = Figure(sign + fact.value_text, fact.unit, yuan(fact.value, fact.unit) * (-1 if sign else 1),
                  f"{fact.subject}{fact.qualifier}", doc.department, doc.year)
    return replace(answer, answer=f"文件载明：{said}，即{fact.value_text}{fact.unit}。按表计算：{answer.answer}"
                                  f"（与文件所载之差，是文件用取整后的数相减所致。）",
                   figures=[head, *answer.figures], citations=[stated_citation(doc, fact), *answer.citations])


ELIDED_RE = re.compile(r"比([\u4e00-\u9fff]{2,3}?)(?:的)?(?:多|少|高|低)")


# a whole said before the part ("…项目资金里，政府性基金拨款占了多大比例")
# (money said plainly, "24年的钱里", is no container: the part's own total is)
CONTAINER_SAID_RE = re.compile(r"[\u4e00-\u9fff]{2}(?<!钱)(?:里|中|里面|当中)[，,]?[^，,。？?]{0,14}占")


def _total_holding(q: QueryPlan):
    """The department total a share of one concept is of when no whole is said: the one whose
    parts hold it ("钱是不是全靠财政拨款": 财政拨款收入 of 本年收入合计)."""
    if CONTAINER_SAID_RE.search(q.match_text):
        return None  # "实行绩效目标管理的项目资金里，政府性基金拨款占…": a whole said, and not understood
    totals = [c for c in lexicon().wholes_of(q.concepts[0].name) if c.department_total] if len(q.concepts) == 1 else []
    return totals[0] if len(totals) == 1 else None


def _elided_operand(q: QueryPlan):
    """The second operand said by its distinguishing word alone: "年末结转结余比年初多了多少"
    (年初结转和结余), "基本支出比项目多多少" (项目支出): that word in place of the same-length
    start of the first concept's name, where the vocabulary has such a concept."""
    m = ELIDED_RE.search(q.match_text)
    if m is None or len(q.concepts) != 1:
        return None
    short, first = m.group(1), q.concepts[0].name
    name = short + first[len(short):]
    if name == first:
        return None
    return lexicon().named(name)


def _named_at(text: str, year: int) -> int:
    """Where the question names a year ("19年跟17年比": 2019 first), or its end when it does not."""
    for written in (f"{year}年", f"{year % 100:02d}年"):
        at = text.find(written)
        if at >= 0:
            return at
    return len(text)


def _printed_whole(q: QueryPlan, doc: Document, pick: Pick | None) -> Pick | None:
    """A figure the table prints only in parts (行政单位 + 参公 机关运行经费), as the narrative
    states it whole, where it states exactly that sum (no rounder): one figure the reader finds printed."""
    if pick is None or not pick.summed:
        return pick
    stated = stated_pick(q, doc)
    if stated is None or stated.cells[0].unit not in YUAN_PER_UNIT or pick.cells[0].unit not in YUAN_PER_UNIT:
        return pick
    total = _yuan(pick)
    said = stated.cells[0]
    return stated if abs(yuan(said.value, said.unit) - total) < 0.005 else pick


def measure_pick(q: QueryPlan, doc: Document, measure: str) -> Pick | None:
    """The concept's figure in one measure: a column of that measure (a 决算 table's unmarked
    columns are 决算数), else the narrative's figure stated as that measure ("年初预算2,678.56万元")."""
    pick = pick_cells(q, doc, measure=measure, concepts_only=bool(q.concepts) and not q.rows)  # (a 科目 named: its row)
    if pick:
        path = pick.cells[0].column_path
        if measure in path or (measure == default_measure(doc) and not MEASURE_WORD_RE.search(path)):
            return pick
    qualifier = measure.removesuffix("数")
    # a 预算 the sentence names by its stage (年初预算, 全年预算) is a 预算; the one asked, if any
    said = [qualifier] if qualifier != "预算" else \
        [s for s in BUDGET_STAGES if s in q.text] or [qualifier, *BUDGET_STAGES]
    named = {c.name for c in q.concepts}  # a fact of the very concept asked first

    def of_measure(f: StatedFact) -> bool:  # (an outturn is also a level stated as 执行数: "执行数为180万元")
        return f.qualifier in said or measure == "决算数" and not f.qualifier and f.measure in ("执行数", "决算")
    facts = [(doc, f) for f in doc.stated if f.concept and f.concept in named and of_measure(f)] + \
        [(doc, f) for _, doc, f in matching_facts(q, [doc]) if of_measure(f)]
    return Pick([stated_cell(*facts[0])]) if facts else None


def stated_pick(q: QueryPlan, doc: Document) -> Pick | None:
    """The concept asked, as the narrative states it, when no table of the document has it: a
    stated fact that alone fits best ("共有车辆7辆"), else the amount stated right after the
    concept's name ("政府采购预算4821.20万元" in a 预算 without a procurement table)."""
    facts = matching_facts(q, [doc])
    best = [f for score, _, f in facts if score >= facts[0][0] - 1e-9] if facts else []
    if best and len({(f.value, f.unit) for f in best}) == 1:
        return Pick([stated_cell(doc, best[0])])
    matches = [m for m in lexicon().concepts_in(q.match_text) if not m.generic]
    if not matches:
        return None
    concept = matches[-1].concept
    stated = stated_figure(doc, [matches[-1].word, *concept.terms, *concept.colloquial], concept.name)
    return Pick([stated]) if stated else None


def _told(q: QueryPlan, concept, docs: list[Document]) -> Pick | None:
    """A concept no table of the disclosure holds, as one of its files' narrative states it
    ("人员经费10,212.18万元" where the tables print only the 经济分类 rows)."""
    alone = replace(q, operation="value", intent="figure", text=concept.name, rest=concept.name, topic="",
                    concepts=[concept], inherited=set(), codes=[], rows=[])
    return next((pick for doc in docs if (pick := stated_pick(alone, doc)) is not None), None)


ITEM_UNITS = {"%", "项", "个", "类"}  # a share, or items counted ("这几项加起来"): nothing but figures asked


def compare_answer(q: QueryPlan, picks: list[tuple[str, Pick]]) -> Answer:
    units = [p.cells[0].unit for _, p in picks]
    if not all(units):
        return Answer(q.text, "参与计算的表格没有印金额单位，无法确定是元还是万元，不作计算。", NOT_FOUND, LOOKUP,
                      citations=[cite(c) for _, p in picks for c in p.cells[:1]])
    if any(u not in YUAN_PER_UNIT for u in units) and len(set(units)) > 1:
        return Answer(q.text, "两项数据单位不同且无法换算，不能直接比较。", UNCLEAR, LOOKUP)
    if q.units and not set(q.units) & (set(YUAN_PER_UNIT) | ITEM_UNITS) and not set(units) & set(q.units):
        # "一共培训了多少人": people counted, and these are amounts of money (养老服务, 培训费)
        return Answer(q.text, f"问的是多少{q.units[0]}，能找到的只有金额（{'、'.join(dict.fromkeys(units))}），"
                      "不能由它们算出。", NOT_FOUND, LOOKUP, citations=[cite(c) for _, p in picks for c in p.cells[:1]])
    unit = "万元" if "万元" in units else units[0]
    # whole yuan stay whole: 189,767,551 − 156,211,123 = 33,556,428, not 33556428.00
    places = 0 if all(p.cells[0].unit == unit and not decimals(c.printed) for _, p in picks for c in p.cells) else 2
    if (q.operation == "sum" or SUM_RE.search(q.text)) and (nested := _nested(picks)) is not None:
        return _not_added(q, *nested)
    # a blank the table's note or a sentence says is 0 ("本年度无此项支出") is 0; any other blank is no figure
    zeros = {name: said for name, pick in picks if _raw(pick) is None and not pick.summed
             and (said := _blank_zero(pick.cells[0])) is not None}
    blank = next(((name, pick) for name, pick in picks if _raw(pick) is None and name not in zeros), None)
    if blank is not None:
        name, pick = blank
        return Answer(q.text, f"{name}的{pick.cells[0].label}在表中为空，无法比较。", NOT_FOUND, LOOKUP,
                      citations=[cite(c) for c in pick.cells])
    operands = [_operand(name, pick, unit, zeros.get(name)) for name, pick in picks]
    values = [o.value for o in operands]
    notes = [n for o in operands for n in o.notes]
    result, headline, allowed, more_notes = _computed(q, picks, values, unit, places)
    notes += more_notes
    allowed |= {x for o in operands for x in o.allowed}
    text = "；".join(o.line for o in operands) + (f"。{result.lstrip('，')}。" if result else "。")
    verdict = multiple_verdict(q.text, values[0] / values[1]) if values[1] else ""
    notes.insert(0, f"计算：{headline.formula}")
    figures = [headline] + [o.figure for o in operands]
    if verdict and PERCENT_CHANGE_RE.search(q.text) and len(values) == 2 and headline.unit != "%":
        # ("同比大涨超17%，是真的吗": the rate of change decides, and heads the figures)
        rate = abs(values[0] / values[1] - 1) * 100
        way = "增长" if values[0] >= values[1] else "下降"
        formula = f"|{operands[0].figure.value} ÷ {operands[1].figure.value} − 1| × 100% = {rate:.2f}%"
        figures.insert(0, Figure(f"{rate:.2f}", "%", None, f"{way}率", headline.department, headline.year, derived=True,
                                 formula=formula))
        text += f"{way}{rate:.2f}%。"
        notes.insert(1, f"计算：{formula}")
    allowed |= allowed_from(notes)
    if q.operation == "compare" and CHOICE_RE.search(q.text) and not DIRECTION_ASKED_RE.search(q.text) and \
            len(values) == 2 and values[0] != values[1] and len(set(q.years)) <= 1 and not q.compared_years and len(q.departments) <= 1:
        # "主要是货物还是服务": the one that is more leads, its own figure, not the gap
        larger = operands[0 if values[0] > values[1] else 1].figure
        figures = [larger] + [f for f in figures if f is not larger]
        picks = picks if values[0] > values[1] else picks[::-1]  # (its cell cited first)
    answer = finish(q, (f"{verdict}。" if verdict else "") + text, figures,
                    [cite(c) for _, p in picks for c in p.cells] + [c for _, cited in zeros.values() if cited for c in [cited]],
                    notes, allowed | {0.0} if zeros else allowed, LOOKUP)
    return replace(answer, verdict={"是": "yes", "不是": "no"}.get(verdict)) if verdict else answer


# the parts added, then the whole they are set against, named last ("离休费和退休费加起来多少，跟…行政单位离退休那行对得上吗")
SET_AGAINST_LAST_RE = re.compile(r"加起来.*(?:跟|和|与|同)[^，,。？?]{1,30}?(?:对得上|对不上|相等|一致|吻合|一样)")


def _parts_against_whole(q: QueryPlan, picks: list[tuple[str, Pick]]) -> Answer | None:
    """"这三项加起来是不是正好等于支出总数": the parts added up, and whether their sum is the
    whole the question names (the figure that holds the others, or the department's total it
    names last); None when no one figure is that whole."""
    def holds(whole: Pick, part: Pick) -> bool:
        concept = lexicon().named(whole.cells[0].label)
        return concept is not None and concept.contains(part.cells[0].label)

    wholes = [w for w in picks if sum(holds(w[1], p[1]) for p in picks if p is not w) >= 2]
    if not wholes and ((last := lexicon().named(picks[-1][1].cells[0].label)) is not None and last.department_total
                       or SET_AGAINST_LAST_RE.search(q.text)):
        wholes = [picks[-1]]  # "…加起来是不是等于支出总数", "A和B加起来，跟C那行对得上吗"
    if len(wholes) != 1 or len(picks) < 3:
        return None
    whole = wholes[0]
    parts = [p for p in picks if p is not whole]
    said = PARTS_COUNTED_RE.search(q.text)
    if said and chinese_number(said.group(1).replace("两", "二")) != len(parts):
        return None  # "这三项" with one of the three not found: no sum of the others
    # a part printed blank adds nothing: the others alone reaching the whole show it is 0 (where
    # they fall short, the blank may hold the gap: nothing is said)
    blank = [name for name, pick in parts if _raw(pick) is None]
    filled = [p for p in parts if _raw(p[1]) is not None]
    if not filled:
        return None
    added = compare_answer(replace(q, operation="sum"), filled) if len(filled) > 1 else _alone(q, *filled[0])
    if added.status != ANSWERED or not added.figures or added.figures[0].value_yuan is None:
        return added
    total, printed = added.figures[0], whole[1].cells[0]
    whole_yuan = _yuan(whole[1])
    if whole_yuan is None:
        return None
    # figures rounded to the cent (or the yuan) may add up to a cent or so off the printed total:
    # not equal as printed, and said so, with the gap put down to the rounding
    gap = total.value_yuan - whole_yuan
    same = abs(gap) < 0.005
    rounding_only = not same and abs(gap) <= 0.0051 * len(parts) * YUAN_PER_UNIT.get(printed.unit, 1)
    if blank and not same:
        return None
    said_whole = f"{whole[0]}为{printed.printed if not whole[1].summed else fmt(_raw(whole[1]), 2)}{printed.unit}"
    lead = ("对得上" if same else "对不上") if re.search(r"对得上|对不上", q.text) else ("是" if same else "不是")
    empty = f"（{'、'.join(blank)}在表中为空，其余各项之和已等于{whole[0]}，空格只能为0）" if blank else ""
    unit = YUAN_PER_UNIT.get(printed.unit, 1)
    shown = fmt(abs(gap) / unit, max(decimals(printed.printed), 2 if unit > 1 else 0))
    verdict = "两者相等" if same else f"两者相差{shown}{printed.unit}" + ("，在各数四舍五入的误差之内" if rounding_only else "")
    differ = [Figure(shown, printed.unit, abs(gap), f"{total.label}与{whole[0]}之差", printed.doc.department,
                     printed.doc.year, derived=True)] if rounding_only else []
    found = replace(added, answer=f"{lead}。{added.answer}{said_whole}，{verdict}{empty}。",
                    figures=differ + added.figures + [Figure(printed.printed, printed.unit, whole_yuan, whole[0],
                                                             printed.doc.department, printed.doc.year)],
                    citations=added.citations + [cite(c) for c in whole[1].cells])
    found.verdict = "yes" if same else "no"
    return found


def _alone(q: QueryPlan, name: str, pick: Pick) -> Answer:
    """The one part printed, said as the sum of the parts would be."""
    operand = _operand(name, pick, pick.cells[0].unit)
    return Answer(q.text, f"{operand.line}。", ANSWERED, LOOKUP, [operand.figure],
                  [cite(c) for c in pick.cells])


def _nested(picks: list[tuple[str, Pick]]) -> tuple[tuple[str, Pick], tuple[str, Pick]] | None:
    """(part, whole) when one figure asked to be added up is inside another of the same document:
    a 科目 under another's code (养老服务 2080208 in 社会福利 20802), or a concept's part (公务接待费
    of 三公经费). Adding them counts the part twice."""
    for part in picks:
        for whole in picks:
            if part is whole or part[1].doc is not whole[1].doc or part[1].summed or whole[1].summed:
                continue
            a, b = part[1].cells[0], whole[1].cells[0]
            inside_code = getattr(a, "row", None) is not None and getattr(b, "row", None) is not None and \
                a.row.code and b.row.code and a.row.code != b.row.code and a.row.code.startswith(b.row.code)
            concept = lexicon().named(b.label)
            inside_concept = concept is not None and concept.contains(a.label)
            if inside_code or inside_concept:
                return part, whole
    return None


def _not_added(q: QueryPlan, part: tuple[str, Pick], whole: tuple[str, Pick]) -> Answer:
    """The whole, with the part shown inside it, instead of a sum that counts the part twice."""
    p, w = part[1].cells[0], whole[1].cells[0]
    shown = p.printed or "0"
    text = (f"{part[0]}已包含在{whole[0]}之内，两者相加会重复计算。{w.doc.department}{w.doc.year}年度"
            f"{whole[0]}为{w.printed}{w.unit}，其中{part[0]}{shown}{p.unit}{'' if p.printed else '（表中该格为空）'}。")
    figures = [Figure(w.printed, w.unit, yuan(w.value, w.unit), whole[0], w.doc.department, w.doc.year),
               Figure(shown, p.unit, yuan(p.value or 0.0, p.unit), part[0], p.doc.department, p.doc.year)]
    return finish(q, text, figures, [cite(w), cite(p)], [], {w.value, p.value or 0.0}, LOOKUP)


@dataclass
class Operand:
    """One figure of a computation, converted to the common unit, as the answer shows it."""
    value: float
    line: str
    figure: Figure
    notes: list[str]
    allowed: set[float]


def _yuan(pick: Pick) -> float | None:
    """A pick's amount in yuan (None when blank or in a unit of no money)."""
    return yuan(_raw(pick), pick.cells[0].unit)


def _raw(pick: Pick) -> float | None:
    return sum(c.value or 0.0 for c in pick.cells) if pick.summed else pick.cells[0].value


def _blank_zero(cell) -> tuple[str, object] | None:
    """Why a blank cell is 0 as the disclosure says it, with the sentence's citation (None where
    only the table's note says it); None where nothing says so."""
    said = zero_said(cell, [])
    why = blank_as_zero(cell, said)
    return None if why is None else (why, sentence_citation(*said) if said else None)


def _operand(name: str, pick: Pick, unit: str, zero: tuple[str, object] | None = None) -> Operand:
    cell, raw = pick.cells[0], (0.0 if zero else _raw(pick))
    converted = raw * YUAN_PER_UNIT.get(cell.unit, 1) / YUAN_PER_UNIT.get(unit, 1)
    shown = "0" if zero else cell.printed if not pick.summed else fmt(raw, 2)
    line, notes = f"{name}为{shown}{cell.unit}" + (f"（表中该格为空，{zero[0]}）" if zero else ""), []
    if cell.unit != unit:
        line += f"（换算为{exact(converted)}{unit}）"
        notes.append(f"{shown}{cell.unit} ÷ {int(YUAN_PER_UNIT[unit] / YUAN_PER_UNIT[cell.unit])} "
                     f"= {exact(converted)}{unit}")
    figure = Figure(shown, cell.unit, yuan(raw, cell.unit), name, cell.doc.department, cell.doc.year)
    return Operand(converted, line, figure, notes, {raw, round(converted, 6), round(converted, 2)})


YEAR_BEFORE_RE = re.compile(rf"{YEAR_BEFORE}|同比")


# a change asked as a rate ("多了百分之几", "涨幅多大"); with the amount asked too the amount leads
GROWTH_ASKED_RE = re.compile(rf"(?:多|增加|增长|涨|上升|{CUT_WORDS})了?(?:约|大约|大概|将近|近)?(?:百分之|多少%|几%|几成)|增幅|涨幅|降幅|增长率|下降率")


# one figure as a percent of another, in the order said ("项目支出相当于基本支出的百分之多少"); not a
# share taken within ("占…的百分之几", which reads the part over its whole)
RATIO_OF_RE = re.compile(r"(?:相当于|是|为|等于)[^，。？?占]{1,20}?的百分之(?:多少|几)")


# which way one figure moved against the other ("跟年初比，是多了还是少了"): the gap leads, not the larger
DIRECTION_ASKED_RE = re.compile(r"(?:多|增|涨|高|升)了?还是(?:少|减|降|低)了?|(?:少|减|降|低)了?还是(?:多|增|涨|高|升)了?")


RATIO_BETWEEN_RE = re.compile(r"之比|比值")  # "公用经费和人员经费之比": the first over the second, so named


def _rate_asked_last(text: str) -> bool:
    """"不会涨了好几倍吧？到底涨了百分之多少": the rate the last sentence asks, the multiple only
    guessed before it."""
    last = [s for s in re.split(r"[？?。！!]", text) if s.strip()][-1:]
    return bool(last) and bool(GROWTH_ASKED_RE.search(last[0])) and not has_cue("multiple", last[0])


def _computed(q: QueryPlan, picks, values: list[float], unit: str, places: int):
    """The sum, share or difference asked: its sentence, headline figure, numbers and notes."""
    a, b = values[0], values[1]
    if q.operation == "sum" or SUM_RE.search(q.text):
        total = round(sum(values), places)
        formula = " + ".join(exact(v) for v in values) + f" = {fmt(total, places)}"
        headline = Figure(fmt(total, places), unit, yuan(total, unit), "合计", "", None, derived=True, formula=formula)
        return f"合计{fmt(total, places)}{unit}", headline, {total}, []
    if RATIO_OF_RE.search(q.text) and a and b:
        # "项目支出相当于基本支出的百分之多少": the first over the second as said, whichever is larger
        ratio = round(a / b * 100, 2)
        result = f"{picks[0][0]}相当于{picks[1][0]}的{fmt(ratio, 2)}%"
        formula = f"{exact(a)} ÷ {exact(b)} × 100% = {fmt(ratio, 2)}%"
        return result, Figure(fmt(ratio, 2), "%", None, result, "", None, derived=True, formula=formula), {ratio, 100.0}, []
    if (q.operation == "share" or SHARE_RE.search(q.text)) and a and b:
        part, whole = (0, 1) if a <= b else (1, 0)  # a share is the part over the whole
        a, b = values[part], values[whole]
        ratio = round(a / b * 100, 2)
        result = f"{picks[part][0]}占{picks[whole][0]}的{fmt(ratio, 2)}%"
        formula = f"{exact(a)} ÷ {exact(b)} × 100% = {fmt(ratio, 2)}%"
        return result, Figure(fmt(ratio, 2), "%", None, result, "", None, derived=True, formula=formula), \
            {ratio, 100.0}, []
    multiple = has_cue("multiple", q.text) and a and b
    if multiple and not AMOUNT_ASKED_RE.search(q.text) and not _rate_asked_last(q.text):
        ratio = round(a / b, 2)
        result = f"{picks[0][0]}是{picks[1][0]}的{fmt(ratio, 2)}倍"
        result = f"{picks[0][0]}与{picks[1][0]}之比为{fmt(ratio, 2)}（即{result}）" if RATIO_BETWEEN_RE.search(q.text) else result
        formula = f"{exact(a)} ÷ {exact(b)} = {fmt(ratio, 2)}"
        return result, Figure(fmt(ratio, 2), "倍", None, result, "", None, derived=True, formula=formula), {ratio}, []
    diff = round(a - b, places)
    if b and GROWTH_ASKED_RE.search(q.text) and not AMOUNT_ASKED_RE.search(q.text):
        # "比24年多了百分之几": the change over the earlier figure, not the ratio of the two
        rate = round((a - b) / b * 100, 2)
        result = f"前者比后者{'增长' if rate > 0 else '下降'}{fmt(abs(rate), 2)}%"
        formula = f"({exact(a)} − {exact(b)}) ÷ {exact(b)} × 100% = {fmt(rate, 2)}%"
        return result, Figure(fmt(rate, 2), "%", None, result, "", None, derived=True, formula=formula), \
            {rate, abs(rate), diff, abs(diff), 100.0}, []
    result = f"，前者比后者{'多' if diff > 0 else '少'}{fmt(abs(diff), places)}{unit}" if diff else "，两者相等"
    if q.operation == "compare" and diff:  # "主要是货物还是服务": which is larger, said first in words
        result = f"，{picks[0 if diff > 0 else 1][0]}更多{result}"
    notes, allowed = [], {abs(diff), diff}
    if b and GROWTH_ASKED_RE.search(q.text):  # "多了多少万，涨了百分之几": both
        rate = round((a - b) / b * 100, 2)
        result += f"，{'增长' if rate > 0 else '下降'}{fmt(abs(rate), 2)}%"
        notes.append(f"计算：({exact(a)} − {exact(b)}) ÷ {exact(b)} × 100% = {fmt(rate, 2)}%")
        allowed |= {rate, abs(rate)}
    elif multiple:  # "多了多少钱？是不是翻了好几倍": the amount leads, the multiple follows
        ratio = round(a / b, 2)
        result += f"，是后者的{fmt(ratio, 2)}倍"
        notes.append(f"计算：{exact(a)} ÷ {exact(b)} = {fmt(ratio, 2)}")
        allowed |= {ratio}
    elif b:
        rate = round(a / b * 100, 2)
        result += f"，相当于后者的{fmt(rate, 2)}%"
        notes.append(f"计算：{exact(a)} ÷ {exact(b)} × 100% = {fmt(rate, 2)}%")
        allowed |= {rate, 100.0}
    formula = f"{exact(a)} − {exact(b)} = {fmt(diff, places)}{unit}"
    headline = Figure(fmt(diff, places), unit, yuan(diff, unit), "差额（前者减后者）", "", None, derived=True,
                      formula=formula)
    return result, headline, allowed, notes
