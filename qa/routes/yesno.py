"""Yes or no, with the cell that decides it: "有没有公车", "出国了吗" (a figure above zero or
not), "是不是比23年少了", "超过年初预算了吗" (the sign of a computed or stated change)."""
from __future__ import annotations

import re

from dataclasses import replace

from core.model import YUAN_PER_UNIT
from core.schema import schema, title_key
from index.lexical import shared_words
from core.text import decimals, match_key, parse_amount
from core.vocab import YEAR_BEFORE, cue_re, has_cue, intents
from ingest.stated import BUDGET_STAGES
from qa.claims import PERCENT_CHANGE_RE, TENTHS_CHANGE_RE, TIMES_CLAIM_RE, multiple_verdict
from qa.answers import agreement_word, budgets_only, citation, finish, fmt, named_infos, not_found, printed_and_converted, yuan
from qa.context import Library
from qa.documents import documents
from qa.lookup import named_table, row_name, same_code_cells, table_phrases, table_words
from qa.pick import pick_cells
from qa.narrative import change_way
from qa.model import ANSWERED, LOOKUP, NOT_FOUND, Answer, Figure
from qa.routes.execution import OVER_RE, UNDER_RE, next_year_held
from qa.routes.compare import change_on_year_before, compare, compare_answer, measure_pick, plan_and_outturn, whole_between_items
from qa.routes.stated import matching_facts, stated_answer, stated_citation, stated_label
from qa.routes.topic import topic_answer
from qa.routes.value import absent_figure, figure
from qa.understand import CHANGED_RE, CLAUSE_END_RE, DIFFERENCE_SAID_RE, SPENT_IN_FULL_RE, WITHIN_BUDGET_RE, QueryPlan, asking_part

LESS_RE = re.compile(r"少|低|减|降|跌|不到|没超|未超|节约|小于|压缩|缩减")
# asks an amount, or says how much ("涨了不少"): no direction in its 多 or 少
ASKING_AMOUNT_RE = re.compile(r"多少|多大|多高|不少|不小|好多|很多|许多")
# the two ways offered as a choice ("是多了还是少了", "增加还是减少"): no way said
DIRECTION_CHOICE_RE = re.compile(r"(?:多|少|高|低|增加|减少|增长|下降|上升|涨|降|跌|升|减)了?[，,]?(?:呢)?还是(?:多|少|高|低|增加|减少|增长|下降|上升|涨|降|跌|升|减)了?")
MORE_RE = re.compile(r"多|高|超|增加|增长|上升|大于|涨|升|提高")
# a rise or fall asked with nothing said to set it against ("涨了吗", "是不是减少了"): on the year before
CHANGE_ASKED_ALONE_RE = re.compile(r"(?:涨|增加|增长|上升|提高|降|下降|减少|压缩|缩减)了?(?:吗|没有?|么|吧)|是不是(?:又)?(?:涨|增加|增长|上升|下降|减少)")


# whether a cell is left empty ("公务用车购置费一栏是空的吗")
BLANK_ASKED_RE = re.compile(r"空(?:的|白|着)?(?:吗|没)|是不是空|为空")
HAS_ASKED_RE = re.compile(r"有没有|是否有|有无|有没")
# "有单价50万元以上的通用设备吗": whether there is any, the question ending on it (not "你知道有几辆车吗",
# a count asked)
HAS_ANY_RE = re.compile(r"有(?!没)(?![^，。？?]*(?:几|多少))[^，。？?]{1,30}(?:吗|么|嘛)[？?]?$")
# nothing asked to be confirmed ("那张表是不是也没有数", "是否也没有支出"): yes when it is zero
# whether there is none at all, asked ("是不是没有钱") or put up in disbelief ("难道真的一分钱都没花出去",
# "难道真的一辆都没有"): yes when the figure is 0
NOTHING_ASKED_RE = re.compile(r"(?:是不是|是否)(?:也|都|就|真的|确实)?(?:没有?|无)(?:数|钱|数字|数据|金额|支出|收入|安排)?|"
                              # ("是不是零", "是0吗": zero asked about)
                              r"(?:是不是|是否)(?:为|等于)?(?:零|0)(?![.\d])|(?:是|为|等于)(?:零|0)(?![.\d])(?:吗|么|嘛)|"
                              r"(?:一分钱?|一辆|一台|一套|一个|一项|一点|分文)[^，,。？?\d]{0,6}?(?:都|也)没|(?:是不是|是否)[^，,。？?]{0,8}?一分钱?没(?:有)?(?:花|安排|用|列|给)|"
                              # or told as a claim and checked ("有人说省委办公厅18年没安排买新公车的钱，对吗")
                              r"(?:说|称|讲|传)[^，,。？?]{0,24}?(?:没有?|未|无)(?:安排|花|买|列|给|发|用|支出|预算)"
                              r"[^。？?]{0,16}?(?:对|是真的|属实|真的|是这样)(?:吗|不|么)")


# two items asked to be one and the same ("人员经费和工资福利支出是一回事吗", "数一样不")
# (or one item's figures of two years: "一九年…跟一八年是不是一样的")
SAME_ASKED_RE = re.compile(r"一回事|一个东西|一码事|是一个数|同一个?数|数一样|一样(?:多|大|高)?吗|一样不|相同吗|相等吗|(?:是不是|是否)(?:一样|相同|相等|一致|持平)"
                           # ("2025年的预算是不是和2024年一样多": the other side said between)
                           r"|(?:是不是|是否)(?P<other>(?:和|跟|与|同)[^，,。？?]{1,12}?)(?:一样|相同|相等|一致|持平)(?:多|大|高)?")

# "难道机关运行经费一点没变？", "跟上年比没变吧": a claim that it stayed the same, checked as sameness
UNCHANGED_CLAIM_RE = cue_re("unchanged_claim")

# an item's 预算 and 决算 said side by side ("三公经费预算和决算是不是一样")
BOTH_MEASURES_RE = re.compile(r"预算.{0,4}(?:和|与|跟|及).{0,4}决算|决算.{0,4}(?:和|与|跟|及).{0,4}预算")


def yes_no(lib: Library, q: QueryPlan, docs) -> Answer | None:
    items = len({c.name for c in q.concepts} | set(q.rows))
    if SAME_ASKED_RE.search(q.text) and (items >= 2 or items == 1 and BOTH_MEASURES_RE.search(q.text)) and \
            (same := _same(lib, q, docs, items >= 2)) is not None:
        return same
    if has_cue("agree", q.text):
        # ("机关运行经费，跟基本支出经济分类表里的公用经费合计对得上吗": two items, each in its place)
        named = [c for c in q.concepts if not any(_names_table(w, q.text) for w in c.words())]
        two = len({c.name for c in named}) >= 2 and all(_names_table(r, q.text) for r in q.rows)
        return (_same(lib, replace(q, concepts=named), docs, agree=True) if two else None) or _agrees(lib, q, docs)
    first, _, last = re.sub(r"[？?]+$", "", q.text).rpartition("？")
    if BLANK_ASKED_RE.search(asking_part(q.text, CLAUSE_END_RE)) and not (HAS_ASKED_RE.search(first) and BLANK_ASKED_RE.search(last)):
        # (not "…故本表为空表，那到底有没有三公经费预算", told before the question; nor "有没有…支出？那张表是
        # 不是空的", where whether there is any is asked first, and the blank cell tells it)
        return _blank(lib, q, docs)
    if has_cue("trend", q.text):
        return _trend(lib, q, docs)
    if WITHIN_BUDGET_RE.search(q.text):
        return _against_budget(lib, q, docs, within=True)
    if SPENT_IN_FULL_RE.search(q.text) and (found := _against_budget(lib, q, docs, in_full=True)) is not None:
        return found
    if CHANGED_RE.search(q.text):
        return _changed(lib, q, docs)
    if UNCHANGED_CLAIM_RE.search(q.text) or SAME_ASKED_RE.search(q.text) and len(set(q.years) | set(q.compared_years)) > 1:
        return _changed(lib, q, docs, same_asked=True)
    asks_direction = _says_less(q.text) or MORE_RE.search(ASKING_AMOUNT_RE.sub("", q.text))
    if asks_direction and re.search(r"超.{0,6}预算|预算.{0,6}(超|多|少|没花完|花完)", q.text):
        if (found := _against_budget(lib, q, docs)) is not None:
            return found  # (else "25年三公预算比24年少了吗": two budgets set against each other, below)
        if ("决算" in q.text or OVER_RE.search(q.text) or UNDER_RE.search(q.text)) and docs and all(d.kind == "预算" for d in docs):
            # "18年三公经费决算超没超预算", "是不是超预算了" where the store holds that year's budget only
            # (and the next year's plan states no outturn of what is asked)
            if next_year_held(lib, docs):
                return not_found(lib, q, f"{docs[0].year + 1}年预算说明列出的{docs[0].year}年执行数中没有找到所问的这一项，"
                                         f"无法判断是否超出预算。", named_infos(lib, q))
            return budgets_only(lib, q, docs, "无法判断是否超出预算。")
    if TIMES_CLAIM_RE.search(q.text) and (found := compare(lib, q, docs)) is not None and found.status == ANSWERED \
            and found.verdict:
        return found  # "决算是不是差不多是年初预算的一倍半": the ratio of the two, against the multiple said
    compared = q.compared_years or re.search(rf"比|超过|超出|高于|低于|大于|小于|{YEAR_BEFORE}", q.text)
    if asks_direction and (compared or CHANGE_ASKED_ALONE_RE.search(q.text)):
        found = _direction(lib, q, docs)
        # ("那19年呢，不会又涨了吧": against the year before, said by nobody: the year's own figure
        # heads, the change beside it)
        return found if compared or found is None or len(found.figures) < 2 or not found.figures[0].derived \
            else replace(found, figures=[found.figures[1], found.figures[0], *found.figures[2:]])
    groups: dict[str, list] = {}
    for doc in docs:
        groups.setdefault(lib.resolver.department_key(doc.department), []).append(doc)
    if len(groups) > 1:
        return _each_has(lib, q, list(groups.values()))
    if has_cue("rank", q.text):
        return None  # "差旅费是不是最多的": no 有 or 没有 answers it (the figure is given as asked)
    return _has(lib, q, docs)


# a figure asked, then whether it agrees with another ("支出总计是多少？跟收入总计对得上吗")
VALUE_THEN_AGREE_RE = re.compile(r"(?:是|有|为)?多少[^，,。？?]*[？?，,].*(?:对得上|对不上|一致|相等|相符|一样)")
# what _same says before the figures: the same; two items not; one item's two measures not
SAME_LEADS = ("数相同", "不是一回事，数不一样", "不一样")


def _same(lib: Library, q: QueryPlan, docs, two_items: bool = True, agree: bool = False) -> Answer | None:
    """Whether two items named (or one item's 预算 and 决算) are the same figure: both, and their
    gap; None unless both are found. Asked whether they agree ("对得上吗"), said so."""
    # ("基本支出里水费和公务接待费是不是一样多": the whole they lie in is no third figure)
    within = whole_between_items(q)
    concepts = [c for c in q.concepts if match_key(c.name) not in within]
    found = compare(lib, replace(q, operation="diff", intent="compare", measure=None if not two_items else q.measure,
                                 concepts=concepts), docs)
    if found is None or found.status != ANSWERED or len(found.figures) < 3 or \
            (gap := parse_amount(found.figures[0].value)) is None:
        return None
    if agree:
        if VALUE_THEN_AGREE_RE.search(q.text):  # ("支出总计是多少？跟收入总计对得上吗": the figure asked heads)
            found.figures = [found.figures[1], found.figures[0], *found.figures[2:]]
        return _verdict(found, gap == 0, agreement_word(q.text, gap == 0))
    if gap == 0 and not DIFFERENCE_SAID_RE.search(q.text):  # (no gap asked besides: "一样多吗？差多少")
        # ("三公经费合计跟公务用车运行维护费是不是一样多": the amount both print heads, no gap asked)
        found.figures = [found.figures[1], found.figures[0], *found.figures[2:]]
    same, items_differ, measures_differ = SAME_LEADS
    return _verdict(found, gap == 0, same if gap == 0 else items_differ if two_items else measures_differ)


def places_compared(lib: Library, q: QueryPlan, docs) -> Answer | None:
    """One item's figure in two places the question names, set against each other ("公务接待费，三公
    表里的和经济分类表里的一样吗？差多少", "项目支出，总表里的和财政拨款表里的差多少"): whether they
    agree, and their gap; None unless two places are named and what is printed there is found."""
    if len(table_words(q.text)) < 2 or not (q.rows or any(not c.department_total for c in q.concepts)):
        return None  # (an item read as a department's total may be the tables' words: "支出决算表")
    found = _agrees(lib, replace(q, operation="yesno"), docs)
    two = found is not None and len([f for f in found.figures if not f.derived]) == 2
    return found if two else None  # (the places named not told apart: the comparison route reads them)


def _agrees(lib: Library, q: QueryPlan, docs) -> Answer | None:
    """Whether the places of a document that give one figure agree: its table cell (or the rows
    said to add up to it), the same 科目 (by code) in the document's other tables, and the
    narrative's sentence; each cited. None when only one place gives it."""
    # the item alone: the places named around it ("决算表里的…跟文字说明里写的") are where to look
    # (not a table named by its item, "基本支出表里和三公表里的会议费")
    rows = sorted((r for r in q.rows if not any(match_key(r) in match_key(c.name) for c in q.concepts)
                   and not _names_table(r, q.text)),
                  key=lambda r: (q.text.count(r), len(r)))[-1:]  # (said in each place asked about)
    summed = _rows_summed(q, docs, rows)
    if summed:
        rows = []  # "…行政单位、参公事业单位两行加起来，跟…机关运行经费总数": the concept they add up to
    concepts = [c for c in q.concepts if not any(_names_table(w, q.text) for w in c.words())] or q.concepts
    item = (rows or [c.name for c in concepts[-1:]] or [""])[0]
    plan = replace(q, operation="value", intent="figure", concepts=[] if rows else concepts[-1:], rows=rows,
                   text=item or q.text, rest=item or q.rest)
    # the table's cell, even where the figure route would decline it for disagreeing with the text
    cell = None if summed else next((pick.cells[0] for doc in docs if (pick := pick_cells(plan, doc))
                                     and pick.cells[0].value is not None
                                     and yuan(pick.cells[0].value, pick.cells[0].unit) is not None), None)
    if summed:
        total = sum(c.value for c in summed)
        head = Figure(fmt(total, 2), summed[0].unit, yuan(total, summed[0].unit), item,
                      summed[0].doc.department, summed[0].doc.year)
        said = "、".join(row_name(c.row.label) for c in summed) + "相加"
        places = [(f"{_place(citation(summed[0]))}{said}", head.value, head.unit, head.value_yuan, citation(summed[0]))]
        extra = [citation(c) for c in summed[1:]]
    elif cell is not None:
        head = Figure(cell.printed, cell.unit, yuan(cell.value, cell.unit), item or cell.label,
                      cell.doc.department, cell.doc.year)
        places = [(_place(citation(cell)), head.value, head.unit, head.value_yuan, citation(cell))]
        extra = []
        # (by code, and in each other table the question names: a 三公 table prints no codes)
        twins = same_code_cells(cell) if cell.row.code else []
        twins += [c for c in _in_other_tables_named(q, plan, cell) if c.table_seq not in {t.table_seq for t in twins}]
        for twin in twins:
            if twin.value is not None and (amount := yuan(twin.value, twin.unit)) is not None:
                places.append((_place(citation(twin)), twin.printed, twin.unit, amount, citation(twin)))
    else:
        return None
    stated = stated_answer(lib, plan, docs)
    if stated is not None and stated.figures and stated.figures[0].value_yuan is not None and stated.citations and \
            match_key(item or head.label) in match_key(stated.figures[0].label):  # (that item's sentence only)
        told = stated.figures[0]
        places.append((_place(stated.citations[0]), told.value, told.unit, told.value_yuan, stated.citations[0]))
    if len(places) < 2:
        return None
    places = _places_named(q.text, places)
    tolerance = max(0.005 * YUAN_PER_UNIT.get(unit, 1) for _, _, unit, _, _ in places) * max(len(summed), 1)
    same = max(p[3] for p in places) - min(p[3] for p in places) <= tolerance
    listing = "；".join(f"{where}：{value}{unit}" for where, value, unit, _, _ in places)
    figures = [Figure(v, u, a, head.label, head.department, head.year) for _, v, u, a, _ in places]
    gap = _gap_of_two(places, head) if not same and len(places) == 2 else None
    found = finish(q, f"{agreement_word(q.text, same)}。{head.label}：{listing}{f'，相差{gap.value}{gap.unit}' if gap else ''}。",
                   ([gap] if gap else []) + figures,
                   [places[0][4]] + extra + [c for *_, c in places[1:]], [],
                   {parse_amount(v) for _, v, _, _, _ in places} - {None} | {c.value for c in summed} |
                   ({parse_amount(gap.value)} if gap else set()), LOOKUP)
    found.verdict = "yes" if same else "no"
    return found


# the narrative named as one of the places set against each other ("说明里写的…跟表里的一样吗")
NARRATIVE_PLACE_RE = re.compile(r"说明|文字|正文")


def _places_named(question: str, places: list) -> list:
    """The two places the question names ("收入决算表和支出决算表里", "收支总表和财政拨款那张表",
    "说明里写的…跟表里的"), when it names just two: for each table phrase, the place whose title
    shares most of its words (the shorter title at a tie); else every place printing the figure."""
    phrases = table_words(question)
    tables = [p for p in places if p[4].table_title]
    picked = []
    for phrase in phrases:
        kind = schema().short_named(phrase + "表")  # ("总表": the totals table by its short name)
        scored = [(len(phrase) if kind and schema().table_type(p[4].table_title) == kind else
                   shared_words(phrase, title_key(p[4].table_title)), -len(p[4].table_title), i) for i, p in enumerate(tables)]
        best = max(scored, default=(0, 0, -1))
        if best[0] >= min(2, len(phrase)) and best[0] and tables[best[2]] not in picked:
            picked.append(tables[best[2]])
    if NARRATIVE_PLACE_RE.search(match_key(question)):
        picked += [p for p in places if not p[4].table_title][:1]
    return picked if len(picked) == 2 else places


def _gap_of_two(places: list, head: Figure) -> Figure:
    """How far apart the two places' figures are, in the larger unit of the two (28.50万元 against
    185,000元: 10.00万元), to the places that figure prints."""
    (_, first, unit, a, _), (_, second, other_unit, b, _) = places
    printed, shown_unit = max((first, unit), (second, other_unit), key=lambda p: YUAN_PER_UNIT.get(p[1], 1))
    shown = fmt(abs(a - b) / YUAN_PER_UNIT.get(shown_unit, 1), max(decimals(printed), 0))
    return Figure(shown, shown_unit, abs(a - b), f"{head.label}两处之差", head.department, head.year, derived=True,
                  formula=f"|{first}{unit} − {second}{other_unit}| = {shown}{shown_unit}")


def _in_other_tables_named(q: QueryPlan, plan: QueryPlan, cell) -> list:
    """The item's cell in each other table the question names ("总表里的本年支出合计和支出决算表的
    合计对得上吗"): a total no code ties across tables, found in each table by its own words."""
    doc = cell.doc
    # (a nickname several titles share, "基本支出表": each of them)
    others = dict.fromkeys(ti for p in table_words(q.match_text) for ti in _tables_called(doc, p + "表") if ti != cell.table_seq)
    picks = [(ti, pick_cells(replace(plan, text=f"{doc.tables[ti].title}里{plan.text}"), doc)) for ti in others]
    return [p.cells[0] for ti, p in picks if p is not None and not p.summed and p.cells[0].table_seq == ti]


def _tables_called(doc, phrase: str) -> list[int]:
    """The table a phrase names, else every table whose title holds its words ("基本支出表")."""
    if (ti := named_table(doc, phrase)) is not None:
        return [ti]
    words = match_key(re.sub(r"(?:明细|总)?表$", "", phrase))
    return [ti for ti, table in enumerate(doc.tables) if len(words) >= 2 and words in match_key(table.title)]


def _names_table(word: str, text: str) -> bool:
    """The word names a table where it is said ("三公表", "基本支出明细表", "基本支出经济分类表"), not an item."""
    return bool(re.search(re.escape(word) + r"(?:的|那张|这张|那个|那一张)?(?:经济分类|功能分类)?(?:明细|总|收支总|收支预算总|决算|预算)?表", text))


def _rows_summed(q: QueryPlan, docs, rows: list[str]) -> list:
    """The cells of a concept whose figure is a sum of rows (机关运行经费: 行政单位 + 参公事业单位), when
    the question names no row or those rows ("两行加起来"); else none: the sum is what agrees or not."""
    if not q.concepts:
        return []
    name = q.concepts[-1].name
    plan = replace(q, operation="value", intent="figure", concepts=q.concepts[-1:], rows=[], text=name, rest=name)
    for doc in docs:
        pick = pick_cells(plan, doc)
        if pick is not None and pick.summed and all(c.value is not None for c in pick.cells) and \
                (not rows or any(match_key(r) in match_key(c.row.label) for r in rows for c in pick.cells)):
            return pick.cells
    return []


def _place(cite) -> str:
    """Where a figure is printed, said as a reader looks for it (the page or line is in the citation)."""
    return f"《{cite.table_title}》" if cite.table_title else f"情况说明「{cite.section.rsplit(' > ', 1)[-1]}」"


def _each_has(lib: Library, q: QueryPlan, groups: list[list]) -> Answer | None:
    """"这两个民政局有没有花钱出国的": each department answered on its own documents; 有 where
    any of them has it, each one's figure and citations kept (none when one cannot be told)."""
    found = [_has(lib, q, docs) for docs in groups]
    if any(f is None for f in found):
        return None
    yes = any(f.verdict == "yes" for f in found)
    answer = found[0]
    answer.answer = ("有。" if yes else "没有。") + "".join(f.answer.split("。", 1)[1] for f in found)
    answer.figures = [x for f in found for x in f.figures]
    answer.citations = [c for f in found for c in f.citations]
    answer.notes = [n for f in found for n in f.notes]
    answer.verdict = "yes" if yes else "no"
    return answer


def looked_up(lib: Library, q: QueryPlan, docs) -> Answer | None:
    """The item's figure as printed, whatever the question asks of it: a table cell, else the one
    figure of a 科目 topic ("彩票公益金花出去没有"), else a stated fact; None when none answers."""
    found, _ = figure(lib, q, docs)
    if found is None or not found.figures:
        # (a yes/no asks its item's figure; a count stays a count, which no 科目 topic answers)
        found = topic_answer(lib, replace(q, operation="value", intent="figure") if q.operation == "yesno" else q, docs)
    if found is None or not found.figures:
        found = stated_answer(lib, q, docs)
    return found if found is not None and found.status == ANSWERED and found.figures else None


def _blank(lib: Library, q: QueryPlan, docs) -> Answer | None:
    """Whether the cell asked about is printed empty (an empty cell is read as 0, but the question
    is whether it is empty), the cell cited."""
    found = looked_up(lib, replace(q, operation="value"), docs)
    if found is None or not found.citations or found.citations[0].table_seq is None:
        return None
    empty = not (found.citations[0].cell or "").strip()
    return _verdict(found, empty, "是，表中该格为空" if empty else f"不是，表中该格为{found.citations[0].cell}")


def _has(lib: Library, q: QueryPlan, docs) -> Answer | None:
    """Whether the one department's documents show the item above zero (the figure that decides it cited)."""
    # (no cell holds it: the document may say it has none, "本年度无政府性基金预算财政拨款收入和支出")
    found = looked_up(lib, q, docs) or absent_figure(replace(q, operation="value"), docs)
    if found is None:
        return None
    value = parse_amount(found.figures[0].value)
    if value is None:
        return None
    _with_count(found, q, docs)
    if (elsewhere := _not_in_tables_named(q, docs, found)) is not None:
        return elsewhere
    if NOTHING_ASKED_RE.search(q.text):
        return _verdict(found, value == 0, "是，没有" if value == 0 else "不是，有")
    return _verdict(found, value != 0, "有" if value else "没有")


def _not_in_tables_named(q: QueryPlan, docs, found: Answer) -> Answer | None:
    """"基本支出预算表里有没有培训费这一项": an item asked of the tables the question names is not
    there where none so called prints it, whatever other place states it (cited after, as said
    elsewhere); None where one of them is cited or no table is named."""
    if not q.concepts and not q.rows or any(c.generic or c.department_total for c in q.concepts):
        return None  # ("政府性基金支出表里有没有列支出": whether the table has figures, not an item)
    item = q.concepts[-1].name if q.concepts else q.rows[-1]
    words = {match_key(w) for w in (q.concepts[-1].terms if q.concepts else [item])}
    cited = {(c.source, c.table_seq) for c in found.citations if c.table_seq is not None}
    for doc in docs:
        if (named := named_table(doc, q.text)) is None:
            continue
        called = {named, *(ti for phrase in table_phrases(match_key(q.text)) for ti in _tables_titled(doc, phrase))}
        printed = [match_key(label) for ti in called for label in
                   (*doc.tables[ti].columns, *(r.label for r in doc.tables[ti].rows))]
        if any((doc.source, ti) in cited for ti in called) or any(w in label for w in words for label in printed):
            return None  # (the 三公 table's 公务用车购置费 column, whatever figure the answer cites)
        titles = "、".join(f"《{doc.tables[ti].title}》" for ti in sorted(called))
        found.answer = f"{titles}不列“{item}”这一项。另据文件：{found.answer}"
        return _verdict(found, False, "没有")
    return None


def _tables_titled(doc, phrase: str) -> list[int]:
    """The tables whose titles hold a phrase's words less its 预算/决算 and 表 ("基本支出预算表": both
    基本支出 tables, 财政拨款 and 一般公共预算)."""
    words = match_key(re.sub(r"(?:预算|决算)?(?:明细|总)?表$", "", phrase))
    return [ti for ti, table in enumerate(doc.tables) if len(words) >= 2 and words in match_key(table.title)]


def _with_count(found: Answer, q: QueryPlan, docs) -> None:
    """"要买车吗" answered with the 购置费: the number of vehicles the narrative says are bought
    goes with it, cited, where the vocabulary links the two (``counted_by``)."""
    for concept in q.concepts:
        for doc in docs:
            fact = next((f for f in doc.stated if concept.counted_by and f.concept == concept.counted_by
                         and f.value is not None and (f.year in (None, doc.year))), None)
            if fact is not None:
                found.answer += f"另据文件：“{fact.sentence.rstrip('。；;')}”。"
                found.figures.append(Figure(fact.value_text, fact.unit, None, stated_label(fact), doc.department, doc.year))
                found.citations.append(stated_citation(doc, fact))
                return


def _changed(lib: Library, q: QueryPlan, docs, same_asked: bool = False) -> Answer | None:
    """"跟23年比有没有变化": yes when the two years' figures differ (computed from both, else the
    change a sentence states); no when they are equal, or when the sentence stating the figure says
    it stayed level ("与2023年预算持平"). ``same_asked`` ("跟一八年是不是一样的"): the other way round."""
    asking = SAME_ASKED_RE if same_asked else CHANGED_RE

    def plain_words(text: str) -> str:
        asked = asking.sub(_change_asked, text)
        return UNCHANGED_CLAIM_RE.sub(_change_asked, asked) if same_asked else asked

    plain = replace(q, text=plain_words(q.text), rest=plain_words(q.rest))
    if q.compared_years and not any(d.year in q.compared_years for d in docs):
        docs = documents(lib, replace(plain, intent="compare"))[0] or docs  # (the other year's document too)
    found = compare(lib, _as_change(plain), docs) if q.compared_years or len(set(q.years)) > 1 else None
    if found is None or found.status != ANSWERED or not found.figures:
        found = stated_answer(lib, _as_change(plain), docs)  # (only where the two years' cells give none)
    if (found is None or found.status != ANSWERED or not found.figures) and same_asked:
        found = change_on_year_before(lib, _as_change(plain), docs)  # ("一点没变？": the year before's document)
    # ("一点没变？" answered 有变化 / 没有变化, not 一样)
    said_as_change = same_asked and not SAME_ASKED_RE.search(q.text)
    if found is not None and found.status == ANSWERED and found.figures and \
            (diff := parse_amount(found.figures[0].value)) is not None:
        return _verdict(found, (diff != 0) != same_asked, _change_said(diff != 0, same_asked, said_as_change))
    if (level := _stated_level(lib, q.reworded(asking), docs)) is not None:
        return _verdict(level, same_asked, _change_said(False, same_asked, said_as_change))
    return None


def _change_asked(m: re.Match) -> str:
    """The words asking whether it changed, said as asking how much (the other side said with
    them stays: "是不是和2024年一样多" → "和2024年比变化了多少")."""
    other = m.group("other") if "other" in m.re.groupindex else None
    return f"{other}比变化了多少" if other else "变化了多少"


def _change_said(changed: bool, same_asked: bool, claimed_unchanged: bool = False) -> str:
    if claimed_unchanged:
        return "不是，有变化" if changed else "是，没有变化"
    return ("不一样" if changed else "一样") if same_asked else ("有变化" if changed else "没有变化")


def _says_less(text: str) -> bool:
    """The question says the figure fell or is smaller ("是不是比基本支出还多？多出来多少" does not:
    its 少 is in 多少)."""
    return bool(LESS_RE.search(ASKING_AMOUNT_RE.sub("", DIRECTION_CHOICE_RE.sub("", text))))


def _direction(lib: Library, q: QueryPlan, docs) -> Answer | None:
    """Whether the figure went the way the question says: from a difference computed between
    two cells, else from a change the narrative states."""
    less = _says_less(q.text)
    computed = compare(lib, q, docs)
    if (computed is None or computed.status != ANSWERED) and not q.compared_years:
        # "是不是比去年压缩了": the year before, where the store holds its document
        computed = change_on_year_before(lib, _as_change(q), docs)
    if computed is not None and computed.status == ANSWERED and computed.verdict:
        return computed  # ("是不是超过了三公经费的两倍": the multiple said, checked by the comparison)
    if computed is not None and computed.status == ANSWERED and computed.figures:
        diff = parse_amount(computed.figures[0].value)
        if diff is not None:
            return _verdict(computed, (diff < 0) if less else (diff > 0), None)
    stated = stated_answer(lib, _as_change(q), docs)
    if stated is not None and stated.status == ANSWERED and stated.figures:
        found = _verdict(stated, _went_down(stated) == less and _rate_claim_holds(q.text, stated), None)
        # "公务接待费预算支出27万元，比上年预算减少1万元": the year's own figure as the document
        # states it, beside the change
        level = stated_answer(lib, replace(q, operation="value", intent="figure"), docs)
        if level is not None and level.status == ANSWERED and level.figures and level.citations and stated.citations \
                and level.citations[0].source == stated.citations[0].source and not level.figures[0].derived:
            found = replace(found, figures=found.figures + level.figures[:1])
        return found
    if (level := _stated_level(lib, q, docs)) is not None:
        return _verdict(level, False, "没有，持平")  # "与2023年预算持平": neither up nor down
    return None


def _stated_level(lib: Library, q: QueryPlan, docs) -> Answer | None:
    """The figure's stated answer where its sentence says it stayed level ("与2023年预算持平"), else None."""
    level = stated_answer(lib, replace(q, operation="value", intent="figure"), docs)
    if level is not None and level.status == ANSWERED and level.citations and \
            change_way(level.citations[0].quote or "") == "level":
        return level
    return None


def _against_budget(lib: Library, q: QueryPlan, docs, within: bool = False, in_full: bool = False) -> Answer | None:
    """"超预算了吗": the outturn (决算) against the budget (预算) of the same figure. One narrative
    sentence stating both (with its completion rate) answers as it stands; else each measure's
    figure (a cell of its column, or the narrative's 年初预算) is cited and the difference computed.
    ``within``: asked whether it stayed within the budget (yes when not overspent); ``in_full``:
    whether the budget was spent in full (yes when nothing of it is left). A plan's outturn is what
    the next year's plan states of it."""
    less = _says_less(q.text) and "超" not in q.text

    def as_asked(diff: float) -> bool:  # diff: the outturn less its budget
        return diff <= 0 if within else diff >= 0 if in_full else diff < 0 if less else diff > 0

    def said(diff: float) -> str | None:
        return ("花完了" if as_asked(diff) else "没有花完") if in_full else None
    stated = _stated_against_budget(q, docs)
    if stated is not None:
        found, diff = stated
        return _verdict(found, as_asked(diff), said(diff))
    for doc in docs:
        if doc.kind == "决算":
            spent, planned = measure_pick(q, doc, "决算数"), measure_pick(q, doc, "预算数")
            pair = [(f"{spent.cells[0].label}决算数", spent), (f"{planned.cells[0].label}预算数", planned)] \
                if spent and planned else None
        else:
            pair = (plan_and_outturn(lib, q, doc) or [])[::-1] or None  # (the outturn first)
        if pair:
            computed = compare_answer(q, pair)
            diff = parse_amount(computed.figures[0].value) if computed.figures else None
            if diff is not None:
                return _verdict(computed, as_asked(diff), said(diff))
    return None


def _stated_against_budget(q: QueryPlan, docs) -> tuple[Answer, float] | None:
    """The 预算 and 决算 of the figure asked as one sentence states them (a fact of the concept
    asked first), and the outturn less the budget, in 元."""
    named = {c.name for c in q.concepts}
    tagged = [(doc, f) for doc in docs for f in doc.stated if f.concept and f.concept in named]
    for doc, fact in tagged + [(doc, f) for _, doc, f in matching_facts(replace(q, measure=None), docs)]:
        # (the 执行数 a sentence states beside its 预算 is the outturn of that budget)
        if fact.qualifier == "完成预算的" or fact.measure not in ("决算", "执行数") or fact.unit not in YUAN_PER_UNIT or \
                fact.year not in (None, doc.year):
            continue  # (a plan's "2023年当年预算执行数" is the year before's outturn, not of its own budget)
        budgets = [f for f in doc.stated if f.sentence == fact.sentence and f.subject == fact.subject
                   and f.measure == "预算" and f.unit in YUAN_PER_UNIT and f.year in (None, doc.year)]
        said = [f for f in budgets if f.qualifier in BUDGET_STAGES and f.qualifier in q.text]
        budget = (said or budgets or [None])[0]  # ("控制在全年预算以内": the 全年预算, not the 年初 beside it)
        if budget is None:
            continue
        diff = fact.value * YUAN_PER_UNIT[fact.unit] - budget.value * YUAN_PER_UNIT[budget.unit]
        rate = next((f for f in doc.stated if f.sentence == fact.sentence and f.qualifier == "完成预算的"), None)
        figures = [Figure(f.value_text, f.unit, yuan(f.value, f.unit), stated_label(f), doc.department, doc.year)
                   for f in (rate, fact, budget) if f is not None]
        gap = ""
        if has_cue("diff", q.text) and budget.unit == fact.unit:
            # "是不是超了年初预算？超了多少": the amount over (or under) the budget leads, computed
            places = max(decimals(fact.value_text), decimals(budget.value_text))
            over, amount = diff >= 0, round(abs(fact.value - budget.value), places)
            formula = " - ".join(x.value_text for x in ((fact, budget) if over else (budget, fact))) + f" = {fmt(amount, places)}"
            gap = f"，{'超出预算' if over else '比预算少'}{fmt(amount, places)}{fact.unit}（{formula}）"
            figures.insert(0, Figure(fmt(amount, places), fact.unit, yuan(amount, fact.unit),
                                     f"{fact.subject}{'超出预算' if over else '比预算少'}", doc.department, doc.year,
                                     derived=True, formula=formula))
        text = (f"{fact.subject}预算{budget.value_text}{budget.unit}，决算{fact.value_text}{fact.unit}"
                f"{f'，完成预算的{rate.value_text}%' if rate else ''}{gap}：“{fact.sentence}”")
        found = finish(q, text, figures, [stated_citation(doc, fact)], [],
                       {f.value for f in (rate, fact, budget) if f} | {parse_amount(figures[0].value)}, LOOKUP)
        return found, diff
    return None


# the same every year put up ("是不是每年都一样", "一直没变"), not a rise or a fall
SAME_EVERY_YEAR_RE = re.compile(r"(?:每年|年年|历年)都?(?:是)?(?:一样|相同|一致|不变|没变)|一直(?:都)?(?:没|不)(?:有)?变|始终(?:一样|不变|没变)")


def _trend(lib: Library, q: QueryPlan, docs) -> Answer | None:
    """"这几年是不是一直在涨": the figure of every year the store holds for the department (or the
    years asked), each against the year before; with one year only, the change on last year it
    states can say no, never yes (one rise is not "一直")."""
    if not docs:
        return None
    # ("2019、2020、2021这三年是不是一年比一年少" with 2019's document only: those years are not held;
    # a held document's 比上年 speaks for the year before it)
    held = {d.year for d in lib.documents_of(docs[0])}
    missing = sorted(set(q.years) - held - {y - 1 for y in held})
    if missing:
        return Answer(q.text, f"库中没有{docs[0].department}{'、'.join(f'{y}年' for y in missing)}的公开文件（现有"
                              f"{'、'.join(f'{y}年' for y in sorted(held))}），无法判断这几年是否一直如此。", NOT_FOUND, LOOKUP)
    less, same = _says_less(q.text), bool(SAME_EVERY_YEAR_RE.search(q.text))
    if (yearly := year_by_year(lib, q, docs)) is not None:
        values = [f.value_yuan for f in yearly.figures]
        steps = [b == a if same else b < a if less else b > a for a, b in zip(values, values[1:])]
        return _verdict(replace(yearly, question=q.text), all(steps), None)
    if same:
        return None  # (one year's change on the last says nothing of every year being the same)
    stated = stated_answer(lib, replace(_trend_said(q, "比上年变化了多少"), operation="change"), docs)
    if stated is None or stated.status != ANSWERED or not stated.figures:
        return None
    if _went_down(stated) == less:
        stated.answer = f"文件只载明与上一年相比的变化，更早的年份库中没有，无法判断是否一直如此。{stated.answer}"
        return stated  # (the same way once: not enough to say "一直")
    return _verdict(stated, False, None)


def year_by_year(lib: Library, q: QueryPlan, docs) -> Answer | None:
    """The figure asked in every year the store holds for the department (or the years asked,
    and every year held between them), oldest first, each cited; None with fewer than two."""
    asked = set(q.years) | set(q.compared_years)
    held = sorted({d.year for d in lib.documents_of(docs[0])})
    # ("23到25年是不是一年比一年少": every year held from the first asked to the last)
    years = [y for y in held if min(asked) <= y <= max(asked)] if len(asked) > 1 else held
    found = []
    plain = replace(_trend_said(q, ""), operation="value", intent="figure", compared_years=[])
    for year in years:
        figure_of_year = looked_up(lib, replace(plain, years=[year]), lib.documents_of(docs[0], year))
        if figure_of_year is not None and figure_of_year.figures[0].value_yuan is not None:
            found.append((year, figure_of_year))
    if len(found) < 2:
        return None
    listing = "；".join(f"{y}年{printed_and_converted(f.figures[0].value, f.figures[0].unit, q.form_unit)}" for y, f in found)
    head = found[-1][1]
    steps = "；".join(_step(a, b) for a, b in zip(found, found[1:])) if has_cue("direction", q.text) else ""
    return replace(head, answer=f"{head.figures[0].department}{head.figures[0].label}：{listing}。" + (f"{steps}。" if steps else ""),
                   figures=[f.figures[0] for _, f in found], citations=[c for _, f in found for c in f.citations[:1]])


def _step(before: tuple[int, Answer], after: tuple[int, Answer]) -> str:
    """Which way the figure moved from one year to the next, and by how much (in the later year's unit)."""
    (y0, a0), (y1, a1) = before, after
    gap = (a1.figures[0].value_yuan - a0.figures[0].value_yuan) / YUAN_PER_UNIT[a1.figures[0].unit]
    places = max(decimals(a0.figures[0].value), decimals(a1.figures[0].value))
    way = "持平" if round(gap, places) == 0 else f"{'增加' if gap > 0 else '减少'}{fmt(abs(gap), places)}{a1.figures[0].unit}"
    return f"{y1}年比{y0}年{way}"


# the first year an item shows up, asked ("是从哪一年开始有的", "哪年起有教育支出", "第一年安排了多少")
FIRST_YEAR_RE = re.compile(r"(?:从|是)?哪(?:一)?年(?:开始|起)(?:才)?有|哪一?年(?:才)?(?:开始)?有的|从哪(?:一)?年(?:开始|起)")
FIRST_YEAR_SAID_RE = re.compile(rf"(?:{FIRST_YEAR_RE.pattern})[^，,。？?]*[，,。？?]?|第一年")


def first_year(lib: Library, q: QueryPlan, docs) -> Answer | None:
    """"万里街道的教育支出是从哪年开始有的？第一年安排了多少": the item's figure in each year the store
    holds for the one department, the first year with one said (its figure heads); where the
    earliest year held has it already, the store cannot tell when it began, and says so."""
    if not FIRST_YEAR_RE.search(q.text) or len(q.departments) != 1 or not docs or not q.names_something:
        return None
    plain = replace(q.reworded(FIRST_YEAR_SAID_RE), operation="value", intent="figure", compared_years=[])
    held = sorted({d.year for d in lib.documents_of(docs[0])})
    found = [(year, f) for year in held if (f := looked_up(lib, replace(plain, years=[year]), lib.documents_of(docs[0], year)))
             is not None and f.figures[0].value_yuan]
    if not found:
        return None
    year, head = found[0]
    checked = "、".join(f"{y}年" for y in held)
    if year == held[0]:
        said = f"库中{docs[0].department}的文件只有{checked}，最早的{year}年已有这一项，更早的年份库中没有，无法判断从哪一年开始有。"
        return replace(head, answer=said + head.answer, status=NOT_FOUND, figures=[])
    return replace(head, answer=f"库中{docs[0].department}的文件有{checked}；这一项从{year}年起才有（此前各年的文件里没有找到它）。{head.answer}")


# a span of the years the documents cover, said without the years ("这三年", "近几年", "历年"):
# the years a listing reads; SEVERAL_YEARS_RE below is the words a trend question drops
OVER_YEARS_RE = re.compile(r"(?:这|近|最近|过去)(?:几|两|三|四|五|些)年|历年|每年|逐年")
SEVERAL_YEARS_RE = re.compile(r"(?:这|近|最近|前)?(?:几|些|两|三|四|五)年(?:来|里|间)?|历年|是不是|是否|有没有")


def _trend_said(q: QueryPlan, instead: str) -> QueryPlan:
    """The question with its trend ("这几年是不是一直在涨") said as ``instead``: the figure of one
    year asked plainly (""), or its change on the year before."""
    plain = q.reworded(SEVERAL_YEARS_RE)
    for pattern in intents()["trend"]:
        plain = plain.reworded(pattern, instead)
    return plain


def _rate_claim_holds(text: str, stated: Answer) -> bool:
    """A rate said with the way ("下降了超过10%", "涨了不到两成") holds against the rate the sentence
    states; true where none is said, or the stated figure is no rate."""
    head = stated.figures[0]
    rate = parse_amount(head.value)
    if head.unit != "%" or rate is None or not (PERCENT_CHANGE_RE.search(text) or TENTHS_CHANGE_RE.search(text)):
        return True
    return multiple_verdict(text, 1 + (-rate if _went_down(stated) else rate) / 100) != "不是"


def _went_down(stated: Answer) -> bool:
    """Whether the change a sentence states is a fall (its label: "（比上年减少）", "（下降率）")."""
    return "减少" in stated.figures[0].label or "下降" in stated.figures[0].label


def _as_change(q: QueryPlan) -> QueryPlan:
    return replace(q, operation="change")


def _verdict(found: Answer, yes: bool, word: str | None) -> Answer:
    found.verdict = "yes" if yes else "no"
    lead = word or ("是" if yes else "不是")
    found.answer = f"{lead}。{found.answer}"
    return found
