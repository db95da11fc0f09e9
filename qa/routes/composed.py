"""Answers composed from other answers, each part asked through the engine's router as if asked
alone: the gap between two shares in percentage points, a why whose premise (a rise, a fall) the
figures contradict, how many 科目 fit, a count with the money that buys it, and "X下面那个其他"
read as a 科目 code. ``route`` is the engine's: a plan and its documents to an answer."""
from __future__ import annotations

import re
from dataclasses import replace

from core.concepts import lexicon
from core.model import FORM_CATEGORIES, YUAN_PER_UNIT
from core.text import decimals, in_chinese, match_key, parse_amount
from core.vocab import YEAR_BEFORE, has_cue
from qa.answers import allowed_from, converted, finish, fmt, named_infos, not_found, yuan
from qa.context import Library
from qa.documents import documents
from qa.lookup import default_measure, row_key, row_name
from qa.model import ANSWERED, LOOKUP, UNCLEAR, Answer, Figure
from qa.rounding import places_asked
from qa.routes import Route
from qa.routes.compare import change_on_year_before
from qa.routes.describe import CAUSE_CLAUSE_RE, retrieval_answer
from qa.routes.stated import matching_facts, stage_said, stated_citation
from qa.routes.structure import structure_answer
from qa.understand import EITHER_RE, WHAT_FOR_RE, WHY_RE, QueryPlan, understand


# a gap between two shares in percentage points ("人员经费的占比比公用经费高几个百分点",
# "项目支出占总支出的比例，比18年高了几个百分点"): what the share is set against is said after 比
POINTS_RE = re.compile(r"[，,]?(?<!占)比(?P<other>[^，,。？?]{1,10}?)(?:高|低|多|少|增加|减少|上升|下降|提高|降低)了?(?:几|多少)个?百分点")
SHARE_SAID_RE = re.compile(r"占比|比例|比重|占")
WHOLE_NAMED_RE = re.compile(r"占(?!比)")  # "占基本支出的比例": the whole the share is of, said


def points(lib: Library, q: QueryPlan, route: Route) -> Answer | None:
    """The gap between two shares in percentage points: each share answered as if asked on its
    own (the document's stated share, or one computed from two cells, each cited), then the one
    less the other. The other side is a year ("比18年") or another item ("比公用经费")."""
    m = POINTS_RE.search(q.text)
    if m is None:
        return None
    asked = q.text[:m.start()]
    asked = asked if SHARE_SAID_RE.search(asked) else asked + "占比"
    first = understand(asked, lib)
    other_year = lib.resolver.years_in(m.group("other"), lib.latest_year)
    if other_year:
        second = replace(first, years=other_year[:1])
    else:
        words = [x.word for x in lexicon().concepts_in(asked) if not x.generic] or first.rows
        if len(words) != 1 or not lexicon().concepts_in(m.group("other")) and not lib.row_names_in(m.group("other")):
            return None
        other = m.group("other").removesuffix("的")
        second = understand(asked.replace(words[0], other), lib)
    shares = [_share_alone(lib, plan, route) for plan in (first, second)]
    if None in shares and not other_year and not WHOLE_NAMED_RE.search(asked):
        shares = _shares_of_common_whole(lib, first, second, asked, route)
    if None in shares:
        # ("人员经费的占比比公用经费高几个百分点": no share of either found; never one share of the other)
        sides = "两年各自的占比" if other_year else f"“{words[0]}”和“{other}”各自的占比，也没有找到两者共同所占的总数"
        return not_found(lib, q, f"问的是两个占比之差；文件没有写明{sides}，无法算出相差几个百分点。", named_infos(lib, q) or None)
    (a_found, a), (b_found, b) = shares
    gap = round(parse_amount(a.value) - parse_amount(b.value), 2)
    text = (f"{a_found.answer.rstrip('。')}；{b_found.answer.rstrip('。')}。两者相差{fmt(abs(gap), 2)}个百分点"
            f"（{a.value}% − {b.value}% = {fmt(gap, 2)}个百分点），前者{'高' if gap >= 0 else '低'}。")
    head = Figure(fmt(gap, 2), "个百分点", None, f"{a.label}与{b.label}之差", a.department, a.year, derived=True,
                  formula=f"{a.value} − {b.value} = {fmt(gap, 2)}")
    return finish(q, text, [head, a, b], a_found.citations[:3] + b_found.citations[:3], a_found.notes + b_found.notes,
                  {gap, abs(gap)} | {parse_amount(f.value) or 0 for f in a_found.figures + b_found.figures}, LOOKUP)


# a share set against the same share of another year, or of other bodies, asked which way it moved
# or which is higher ("…占总支出的比重，24年比23年是高了还是低了？差几个百分点", "…的占比，25年比24年是变
# 小了吗", "两家…人员经费占基本支出的比例哪家高？差几个百分点", "…是不是比社会福利院24年还低")
SHARE_MOVED_RE = re.compile(r"(?:高|低|大|小|多|少)了?还是(?:高|低|大|小|多|少)了?|变(?:大|小|高|低)|"
                            r"(?:高|低|多|少|涨|降|增加|减少|上升|下降|提高|降低|变|变化)了?(?:几|多少)个?百分点|差(?:几|多少)个?百分点|"
                            r"比(?:19|20)?\d{2}年(?:还|更)?(?:高|低|大|小)")
WHICH_BODY_RE = re.compile(r"哪(?:家|个|一家|一个)|谁")
GAP_SAID_RE = re.compile(r"百分点|(?:差|高|低|多|少)(?:了)?(?:多少|几)")
SHARE_OF_RE = re.compile(r"占(?!比)(?P<whole>[^，,。？?占]{2,20}?)的?(?:比重|比例|占比|百分)")
SHARE_TAIL_RE = re.compile(r"的?(?:比重|比例|占比)(?:呢|是多少)?$")
BODIES_SET_RE = re.compile(r"哪(?:家|个|一家|一个)|谁|(?:还|更)(?:高|低|大|小)|高出|差(?:几|多少)")
UP_WORDS, DOWN_WORDS = re.compile(r"变大|变高|大了|高了|多了|涨|上升|提高|增加|还高|更高"), re.compile(r"变小|变低|小了|低了|少了|降|下降|降低|减少|还低|更低")
# (the clause naming the share, without the years set against each other: "跟23年比", "24年比23年")
YEARS_SET_RE = re.compile(r"(?:(?:19|20)?\d{2}年)?(?:跟|和|与|同|比|较)(?:19|20)?\d{2}年(?:比|相比|比较|比起来)?")


def share_moved(lib: Library, q: QueryPlan, route: Route) -> Answer | None:
    """The same share of two years of one department, or of several departments (each in the one
    year of it asked or held), side by side: each answered as if asked alone (stated, or computed
    from two cited cells); of two, the gap in percentage points (a guess of which is higher
    answered yes or no); of more, the highest. None unless every share is found."""
    if not SHARE_SAID_RE.search(q.text):
        return None
    subjects = _share_subjects(lib, q)
    if isinstance(subjects, Answer) or not subjects:
        return subjects or None
    # (the words up to the clause saying the share: "社会保障和就业这块，占各自当年支出合计的比重")
    clauses = re.split(r"[，,。？?；;]", q.text)
    upto = next((n for n, c in enumerate(clauses) if SHARE_SAID_RE.search(c)), 0)
    share_words = YEARS_SET_RE.sub("", SHARE_MOVED_RE.sub("", "，".join(clauses[:upto + 1])))
    if not WHOLE_NAMED_RE.search(share_words) and q.before is not None and (of := SHARE_OF_RE.search(q.before.text)) \
            and (lexicon().concepts_in(share_words) or lib.row_names_in(share_words)):
        # ("那社会保障和就业支出的比重呢" after "城乡社区支出占支出总计的比重…": of the same whole)
        share_words = f"{SHARE_TAIL_RE.sub('', share_words)}占{of.group('whole')}的比重"
    # ("那福利院24年呢？哪家比重高": the share the turn before asked, of each body)
    asked = q.before if q.before is not None and not lexicon().concepts_in(share_words) else \
        understand(share_words, lib, previous=q)
    shares = []
    for key, year, whose in subjects:
        plan = replace(asked, years=[year], compared_years=[], departments=[key], operation="share")
        if (found := _share_alone(lib, plan, route, year)) is None:
            return None
        shares.append((whose, *found))
    quoted = "；".join(f.answer.rstrip("。") for _, f, _ in shares)
    citations = [c for _, f, _ in shares for c in f.citations[:3]]
    allowed = {parse_amount(x.value) or 0 for _, f, _ in shares for x in f.figures}
    one_body = len({key for key, _, _ in subjects}) == 1
    if len(shares) > 2 and not one_body:  # "这三家…谁最高": the highest, all listed
        whose, _, top = max(shares, key=lambda x: parse_amount(x[2].value))
        text = f"{quoted}。比重最高的是{whose}（{top.value}%）。"
        return finish(q, text, [top] + [x for _, _, x in shares if x is not top], citations, [], allowed, LOOKUP)
    # (of one body's several years, "2023到2025年…变了几个百分点": the last year's against the first, all listed)
    (a_said, a_found, a), (b_said, b_found, b) = shares[0], shares[-1]
    gap = round(parse_amount(a.value) - parse_amount(b.value), 2)
    way = "高" if gap > 0 else "低" if gap < 0 else ""
    moved = f"{a_said}比{b_said}{way}{fmt(abs(gap), 2)}个百分点" if way else f"{a_said}与{b_said}相同"
    text = f"{quoted}。{moved}（{a.value}% − {b.value}% = {fmt(gap, 2)}个百分点）。"
    verdict = None
    if has_cue("yesno", q.text) and (UP_WORDS.search(q.text) or DOWN_WORDS.search(q.text)):
        guessed_up = bool(UP_WORDS.search(q.text)) and not DOWN_WORDS.search(q.text)
        verdict = "yes" if gap and (gap > 0) == guessed_up else "no"
        text = f"{'是' if verdict == 'yes' else '不是'}。{text}"
    head = Figure(fmt(_points_as_asked(q.text, gap) if one_body else abs(gap), 2), "个百分点", None,
                  f"{a.label}：{a_said}与{b_said}之差", a.department, a.year, derived=True,
                  formula=f"{a.value} − {b.value} = {fmt(gap, 2)}")
    # ("那福利院24年呢？哪家比重高": the body this turn names is asked its share first, then the gap)
    named_now = len(q.departments) == 1 and "departments" not in q.inherited and subjects[0][0] != subjects[1][0]
    figures = [a, head, b] if named_now else [head, a, b]
    if not one_body and not named_now and WHICH_BODY_RE.search(q.text) and not GAP_SAID_RE.search(q.text) and gap:
        # ("两家…的比例谁高": the higher share heads, the gap after it; "…谁高？差多少个百分点" asks the gap)
        (top_said, top), low = ((a_said, a), b) if gap > 0 else ((b_said, b), a)
        text += f"{top_said}的比重更高（{top.value}%）。"
        figures = [top, head, low]
    answer = finish(q, text, figures, citations, a_found.notes + b_found.notes, allowed | {gap, abs(gap)}, LOOKUP)
    answer.verdict = verdict
    return answer


def _shares_of_common_whole(lib: Library, first: QueryPlan, second: QueryPlan, asked: str, route: Route) -> list:
    """Each share asked of the one whole both items are parts of (人员经费 and 公用经费: of 基本支出),
    where no share of either is stated: [None] when they have no such whole or it is not found."""
    own = [c.name for c in first.concepts], [c.name for c in second.concepts]
    if len(own[0]) != 1 or len(own[1]) != 1:
        return [None]
    wholes = [w for w in lexicon().wholes_of(own[0][0]) if w.contains(own[1][0]) and w.terms]
    if len(wholes) != 1:
        return [None]
    of_whole = f"{SHARE_SAID_RE.sub('', asked).rstrip('的')}占{wholes[0].name}的比例"
    return [_share_alone(lib, understand(text, lib), route) for text in (of_whole, of_whole.replace(own[0][0], own[1][0]))]


def _share_alone(lib: Library, plan: QueryPlan, route: Route, year: int | None = None) -> tuple[Answer, Figure] | None:
    """A share answered as if asked alone (the document's stated share, or one computed from two
    cells, each cited): the answer and its figure in %; None where none is found, or (``year``
    given) where it is read in another year's document."""
    docs, problem = documents(lib, plan)
    if problem is not None or plan.operation != "share" or (year is not None and {d.year for d in docs} != {year}):
        return None
    found = route(plan, docs)
    share = next((f for f in found.figures if f.unit == "%"), None) if found.status == ANSWERED else None
    return (found, share) if share is not None and parse_amount(share.value) is not None else None


# the way the points are asked in ("高了几个百分点", "降了多少个百分点", "变了几个百分点", "差几个百分点")
POINTS_WAY_RE = re.compile(r"(?:(?P<up>高|涨|升|增加|增长|上升|提高|多|大)|(?P<down>低|降|减少|下降|降低|少|小)|(?P<moved>变化|变))"
                           r"了?(?:几|多少)个?百分点")


def _points_as_asked(text: str, gap: float) -> float:
    """One body's share over the years, in the way asked: "降了几个百分点" counts a fall up,
    "高了几个" a rise, "变了几个" signed (later less earlier); "差几个" the size alone."""
    m = POINTS_WAY_RE.search(text)
    if m is None:
        return abs(gap)
    return -gap if m.group("down") else gap


def _share_subjects(lib: Library, q: QueryPlan) -> list[tuple[str, int, str]] | Answer | None:
    """Whose shares are set side by side, each (department key, year, how the answer says it):
    one department's years (the latest first; a year it holds no document of refused), or each
    department named in the one year of it asked or held; None for any other question."""
    years = sorted(set(q.years) | set(q.compared_years))
    if len(q.departments) == 1 and len(years) == 1 and SHARE_MOVED_RE.search(q.text) and re.search(YEAR_BEFORE, q.text):
        years = [years[0] - 1, years[0]]  # ("2019年和上年比变化了几个百分点": that year and the one before)
    if len(q.departments) == 1 and len(years) >= 2 and SHARE_MOVED_RE.search(q.text):
        if missing := [y for y in years if y not in lib.years_held(q.departments[0])]:
            # ("阳泉民政局24年…的占比，跟23年比": no 2023 document, so no 2023 share; never the one year's share alone)
            held = "、".join(f"{y}年" for y in sorted(lib.years_held(q.departments[0])))
            return not_found(lib, q, f"问的是{years[0]}年到{years[-1]}年比重的变化；库中{q.names[0] if q.names else ''}只有{held}的"
                             f"公开文件，没有{missing[0]}年的，{missing[0]}年的比重无法从表中算出。", named_infos(lib, q))
        return [(q.departments[0], year, f"{year}年") for year in reversed(years)]
    # ("哪家…占…比例更高" after turns naming two bodies: those bodies; "那福利院24年呢？哪家比重高": it and the one before)
    bodies = list(dict.fromkeys([*q.departments, *(key for keys, _ in q.earlier_subjects for key in keys)]))
    if len(q.departments) < 2 and len(bodies) >= 2 and re.search(r"哪(?:家|个)|谁|两家", q.text):
        years = sorted({y for _, ys in q.earlier_subjects for y in ys} | set(years))
        q = replace(q, departments=bodies[:2], names=[lib.resolver.display(k) for k in bodies[:2]])
    if len(q.departments) >= 2 and (SHARE_MOVED_RE.search(q.text) or BODIES_SET_RE.search(q.text)):
        subjects = []
        for key, name in zip(q.departments, q.names or q.departments):
            held = lib.years_held(key)
            own = [y for y in years if y in held] if years else sorted(held)[-1:]
            if len(own) != 1:
                return None
            subjects.append((key, own[0], f"{name}{own[0]}年" if len(set(years)) > 1 else name))
        return subjects
    return None


# items added up, then the sum set against something: a whole ("…两项加起来，占本年支出合计的比例"),
# another item ("…加起来比住房公积金多多少", "…加起来，减掉授予中小企业的合同金额，还剩多少") or the
# same sum of another year ("…两项加起来比18年多了多少", "…加起来，2025年比2024年多了多少")
ADDED_THEN_RE = re.compile(r"^(?P<added>.+?(?:和|与|跟|及|、).+?)(?:这?[两三四五几]项|这?[两三四五几]类|这?[两三四五几]个|二者|两者)?"
                           r"(?:加起来|加在一起|合起来|相加|之和)(?:的钱|的总额|以后|后)?[，,\s]*(?P<then>\S.*)$")
SUM_ASKED_RE = re.compile(r"^(?:一共|总共|合计)?(?:是|有|为)?(?:多少|几)")
THEN_SHARE_RE = re.compile(r"^(?:一共|总共)?占(?P<other>[^，,。？?]+?)的?(?:比例|比重|百分之?(?:多少|几)|百分比|几成|多少|占比)")
THEN_YEAR_RE = re.compile(r"^(?:(?P<later>\d{2,4})年)?的?比(?P<earlier>\d{2,4})年的?(?:多|少|增加|减少|涨|降|上升|下降)")
THEN_ITEM_RE = re.compile(r"^比(?P<other>[^，,。？?]+?)(?:多|少|高|低)了?(?:多少|几)")
THEN_LESS_RE = re.compile(r"^(?:再)?(?:减掉|减去|扣掉|扣除|去掉|刨去)(?P<other>[^，,。？?]+?)[，,]?(?:还剩|剩下|余下|剩)")


def added_then(lib: Library, q: QueryPlan, route: Route) -> Answer | None:
    """Items added up, then the sum set against a whole, an item or another year's sum: each
    figure asked as if on its own (the sum with its parts, each cited), then the share or the gap.
    None when the question asks no such thing, or a step finds no figure (a sum alone would answer
    another question)."""
    m = ADDED_THEN_RE.search(q.text)
    if m is None or len(q.departments) != 1 or not q.years:
        return None
    added, then = m.group("added"), m.group("then")
    if (year := THEN_YEAR_RE.match(then)) is not None:
        later = lib.resolver.years_in(year.group("later") + "年", lib.latest_year) if year.group("later") else q.years[-1:]
        earlier = lib.resolver.years_in(year.group("earlier") + "年", lib.latest_year)
        if not later or not earlier:
            return None
        first, second = (_figure_asked(lib, _in_year(added, y[0]) + "加起来是多少", route, summed=True)
                         for y in (later, earlier))
        return _worked(q, first, second, "change", f"{earlier[0]}年的合计") or _not_worked(lib, q)
    other = next(((kind, t.group("other").removesuffix("的")) for kind, pattern in
                  (("share", THEN_SHARE_RE), ("diff", THEN_ITEM_RE), ("less", THEN_LESS_RE)) if (t := pattern.match(then))), None)
    if other is None:  # (a second step said otherwise is still not answered by the sum alone; the
        # sum asked first, "加起来是多少？跟合计对得上吗", is the sum's own route's)
        return _not_worked(lib, q) if not SUM_ASKED_RE.match(then) and any(
            has_cue(c, then) for c in ("share", "diff", "change")) else None
    first = _figure_asked(lib, f"{added}加起来是多少", route, summed=True)
    second = _figure_asked(lib, f"{q.departments[0]}{q.years[0]}年{other[1]}是多少", route, summed=False)
    return _worked(q, first, second, *other) or _not_worked(lib, q)


def measure_summed(lib: Library, q: QueryPlan, docs: list, route: Route) -> Answer | None:
    """Items added up in a measure their tables do not print ("社会保障和就业支出和卫生健康支出的年初
    预算一共多少" of a 决算, whose tables print the outturn; the narrative states each 年初预算): each
    item's figure asked on its own in that measure, then added. None when the tables print the
    measure asked; refused when an item's figure is not found (its outturn would be another sum)."""
    if q.operation != "sum" or not q.measure or not docs or q.measure == default_measure(docs[0]) or \
            len(q.rows) + len(q.concepts) < 2:
        return None
    stage = stage_said(q.text) or "预算"
    names = list(dict.fromkeys([*q.rows, *(c.name for c in q.concepts)]))
    if any(_printed_in(doc, name, stage, q.measure) for doc in docs for name in names):
        return None
    found = [_figure_asked(lib, f"{q.departments[0]}{q.years[0]}年{name}{stage}是多少", route, summed=False)
             for name in names] if q.departments and q.years else [None]
    if any(f is None for f in found) or len({f[1].unit for f in found}) != 1:
        return _not_worked(lib, q)
    unit = found[0][1].unit
    places = max(decimals(f.value) for _, f in found)
    total = round(sum(parse_amount(f.value) for _, f in found), places)
    formula = " + ".join(f"{f.value}{f.unit}" for _, f in found) + f" = {fmt(total, places)}{unit}"
    text = "；".join(a.answer.rstrip("。") for a, _ in found) + f"。合计{fmt(total, places)}{unit}（{formula}）。"
    head = Figure(fmt(total, places), unit, yuan(total, unit), f"{'、'.join(names)}{stage}合计", found[0][1].department,
                  found[0][1].year, derived=True, formula=formula)
    return finish(q, text, [head, *(f for _, f in found)], [c for a, _ in found for c in a.citations[:2]],
                  [n for a, _ in found for n in a.notes], {total} | allowed_from([a.answer for a, _ in found]), LOOKUP)


def _printed_in(doc, name: str, stage: str, measure: str) -> bool:
    """A table of the document prints the item's row with a column of the measure asked."""
    key = match_key(name)
    return any(any(key in row_key(r.label) for r in t.rows) and
               any(stage in c or m == measure for c, m in zip(t.columns, t.measures)) for t in doc.tables)


def _not_worked(lib: Library, q: QueryPlan) -> Answer:
    """A step found no figure: said so (the sum alone, or the figures added with the other side,
    would answer another question)."""
    return not_found(lib, q, "问题要先把几项加起来、再与另一个数比较；其中有一步在公开文件中找不到对应的数（或几项不能相加），"
                             "无法计算。可分开询问各项。", named_infos(lib, q))


def _in_year(text: str, year: int) -> str:
    """The text asked of another year: its year said replaced, else the year said before it."""
    said = YEAR_SAID_RE.search(text)
    return f"{text[:said.start()]}{year}年{text[said.end():]}" if said else f"{year}年{text}"


YEAR_SAID_RE = re.compile(r"(?:19|20)?\d{2}年度?")


def _figure_asked(lib: Library, text: str, route: Route, summed: bool) -> tuple[Answer, Figure] | None:
    """One step's answer and figure: a sum of cells (``summed``: the 合计 of two or more parts
    it names), else a single figure looked up; None when the step finds neither."""
    plan = understand(text, lib)
    docs, problem = documents(lib, plan)
    found = route(plan, docs) if problem is None else None
    if found is None or found.status != ANSWERED or found.route != LOOKUP or not found.figures:
        return None
    head = found.figures[0]
    if head.value_yuan is None or summed != (head.derived and len(found.figures) >= 3 and "合计" in found.answer):
        return None
    return found, head


def _worked(q: QueryPlan, first: tuple | None, second: tuple | None, kind: str, against: str) -> Answer | None:
    """The sum set against the second figure (``against`` says what it is): its share of it, or the
    gap (the sum less it)."""
    if first is None or second is None:
        return None
    (a_found, a), (b_found, b) = first, second
    if kind == "share":
        places = places_asked(q.typed)
        value = round(a.value_yuan / b.value_yuan * 100, 2 if places is None else places) if b.value_yuan else None
        shown, unit, sign = (fmt(value, 2 if places is None else places), "%", "÷") if value is not None else ("", "", "")
        said = f"几项之和占{against}的{shown}%"
    else:
        places = max(decimals(a.value), decimals(b.value))
        value = round((a.value_yuan - b.value_yuan) / YUAN_PER_UNIT[a.unit], places) if a.unit in YUAN_PER_UNIT else None
        shown, unit, sign = (fmt(value, places), a.unit, "−") if value is not None else ("", "", "")
        if value is None:
            return None
        said = f"几项之和{'减去' if kind == 'less' else '比'}{against}{'后为' if kind == 'less' else '多' if value >= 0 else '少'}" \
               f"{shown if kind == 'less' else fmt(abs(value), places)}{unit}"
    formula = f"{a.value}{a.unit} {sign} {b.value}{b.unit}" + (" × 100%" if kind == "share" else "") + f" = {shown}{unit}"
    text = f"{a_found.answer.rstrip('。')}；{b_found.answer.rstrip('。')}。{said}（{formula}）。"
    head = Figure(shown, unit, None if kind == "share" else value * YUAN_PER_UNIT.get(a.unit, 1), f"{a.label}与{b.label}",
                  a.department, a.year, derived=True, formula=formula)
    return finish(q, text, [head, a, b], a_found.citations[:4] + b_found.citations[:3], a_found.notes + b_found.notes,
                  {value, abs(value)} | allowed_from([a_found.answer, b_found.answer]), LOOKUP)


# "抚恤里面那个其他支出", "民政管理事务下面那个“其他”": the 科目 a 款 files as its 其他 (code 99)
OTHER_UNDER_RE = re.compile(r"(?:里面|里边|里头|下面|下边|底下|之下|当中|中|里)的?(?:那个|那项|那一项)?[“\"]?其他[”\"]?(?:的|支出)*")


def other_under(q: QueryPlan, docs: list) -> QueryPlan:
    """The plan with "X下面那个其他" read as the 科目 X files as its 其他 (its code + 99, the
    templates' place for 其他…支出), where one row named X has such a child; else as it was."""
    m = OTHER_UNDER_RE.search(q.text)
    if m is None or len(q.rows) < 2:
        return q
    parent = next((r for r in q.rows if match_key(q.text[:m.start()]).endswith(match_key(r))), None)
    codes = {row.code for d in docs for t in d.tables for row in t.rows if parent and row.code and row_name(row.label) == parent}
    children = {c + "99" for c in codes if len(c) in (3, 5)}
    if len(codes) != 1 or not any(row.code in children for d in docs for t in d.tables for row in t.rows):
        return q
    return replace(q, rows=[], codes=sorted(children), text=q.text[:m.start()] + q.text[m.end():])


# money asked at the end of a question that counts ("买了几辆新公车，花了多少钱")
MONEY_LAST_RE = re.compile(r"[，,]?[^，,。？?]*(?:多少钱|花了?多少)[？?。！!]*$")
GUESSED_RE = re.compile(r"吧[，,？?。]|吧$")  # "又买了几辆新公车吧": a guess, checked


def count_and_money(q: QueryPlan, docs: list, route: Route) -> Answer | None:
    """The money that buys what the question counts (公务用车购置费 for 购置车辆数, the vocabulary's
    ``counted_by``), then the count; a guess that some were bought, where none was, answered no."""
    counted = {c.name for c in q.concepts if c.counts}
    payers = [c for c in lexicon().concepts if c.counted_by in counted]
    if len(payers) != 1:
        return None
    payer = payers[0]
    money = route(replace(q, text=f"{payer.name}花了多少钱", rest=payer.name, concepts=[payer], operation="value",
                                 intent="figure", carried_units=()), docs)
    count = route(q.reworded(MONEY_LAST_RE), docs)
    if money.status != ANSWERED or count.status != ANSWERED or not money.figures or not count.figures:
        return None
    none_bought = count.figures[0].value_yuan == 0 or parse_amount(count.figures[0].value) == 0
    verdict = "no" if none_bought and GUESSED_RE.search(q.text) else None
    return replace(money, question=q.text, answer=f"{'没有。' if verdict else ''}{money.answer}{count.answer}",
                   figures=money.figures + count.figures, citations=money.citations + count.citations,
                   notes=money.notes + count.notes, verdict=verdict)


def items_counted(lib: Library, q: QueryPlan, docs: list) -> Answer | None:
    """How many 科目 (at the level asked, above the amount asked) have a figure: the ranking of
    them, each cited, with its count leading."""
    ranked = structure_answer(lib, replace(q, operation="rank"), docs)
    if ranked is None or ranked.status != ANSWERED or not ranked.items:
        return None
    items = [i for i in ranked.items if i.value_yuan and q.within_threshold(i.value_yuan)]
    # (counted in the measure word asked: "有几项超过100万元" → 项, "有几个" → 个)
    unit = next((u for u in ("项", "类", "款") if f"几{u}" in q.text or f"多少{u}" in q.text), "个")
    head = Figure(str(len(items)), unit, None, "科目数", ranked.figures[0].department if ranked.figures else "",
                  ranked.figures[0].year if ranked.figures else None, derived=True, formula="逐项计数")
    text = f"{f'共{len(items)}{unit}' if items else '没有'}。{ranked.answer}"
    answer = finish(q, text, [head], ranked.citations, ranked.notes,
                    {float(len(items))} | {i.value_yuan for i in ranked.items if i.value_yuan} |
                    ({q.above, q.above / 1e4, q.above / 1e8} if q.above is not None else set()) |
                    ({q.up_to, q.up_to / 1e4, q.up_to / 1e8} if q.up_to is not None else set()) |
                    {parse_amount(i.value) or 0 for i in ranked.items}, LOOKUP)
    answer.items = items
    return answer


# a why asked of a rise or a fall ("三公经费为啥涨了这么多", "怎么又降了"): the direction is its premise
PREMISE_RE = re.compile(r"(?:为啥|为什么|为何|怎么|咋)(?:会|又|还|一下子?|突然)*(?P<way>涨|增加|增长|上升|提高|多|降|减少|下降|减|少)了?"
                        r"(?:这么多|那么多|很多|不少|这么少|那么少)?")
RISE_WORDS = ("涨", "增", "上升", "提高", "多")


def premise_checked(lib: Library, q: QueryPlan, docs: list, route: Route) -> Answer | None:
    """A why asked of a rise (or a fall) that did not happen: said so, with the change the
    document states (or last year's document gives) and the year's own figure, instead of a
    reason quoted for what did not happen. None where the direction holds or no change is known."""
    m = PREMISE_RE.search(q.text)
    if m is None or not q.names_something or len({(d.department, d.year) for d in docs}) != 1:
        return None
    asked_rise = m.group("way").startswith(RISE_WORDS)
    plain = q.reworded(PREMISE_RE)  # "三公经费为啥涨了这么多" → 三公经费
    changed = replace(plain, operation="change", intent="figure")
    stated = [(doc, fact) for _, doc, fact in matching_facts(changed, docs)[:1] if fact.qualifier.startswith("比上年")]
    if stated:
        doc, fact = stated[0]
        rose = fact.qualifier == "比上年增加"
        said = f"{doc.department}{doc.year}年度{fact.subject}{fact.qualifier}{fact.value_text}{fact.unit}（原文：“{fact.sentence}”）"
        citations, notes, allowed = [stated_citation(doc, fact)], [], {fact.value}
    elif (computed := change_on_year_before(lib, changed, docs)) is not None and computed.figures[0].value_yuan:
        rose, said = computed.figures[0].value_yuan > 0, computed.answer.rstrip("。")
        citations, notes, allowed = computed.citations, computed.notes, set()
    else:
        return None
    if rose == asked_rise:
        return None
    level = route(replace(plain, intent="figure", operation="value"), docs)
    figures = level.figures if level.status == ANSWERED else []
    text = f"{'并没有上涨，而是下降了' if asked_rise else '并没有下降，而是增加了'}：{said}。" + \
        (level.answer if figures else "")
    answer = finish(q, text, figures, citations + (level.citations if figures else []), notes,
                    allowed | {abs(f.value_yuan or 0) for f in figures}, LOOKUP)
    answer.verdict = "no"
    return answer


# which of two changed faster ("基本支出和项目支出哪个涨得快", "谁比上年降得多", "培训费涨得比会议费
# 快吗", "哪个下降幅度大", "会议费的涨幅是不是比培训费的涨幅还大", "降的幅度是不是比收入降得还大")
FASTER_RE = re.compile(r"(?:增加|增长|下降|减少|上升|降低|涨|增|降|减|跌|升)(?:得|的)?(?:更|还|比[^，,。？?]{1,12}?还?)?(?:快|慢|猛|厉害|多)(?!少)|"
                       r"(?:增幅|降幅|涨幅|跌幅|增长率|下降率|增速|(?:增长|下降|减少|变化|涨|降|增|减|跌|升)的?幅度)"
                       r"(?:是不是|是否)?(?:比[^，,。？?]{1,20}?)?(?:更|还要?)?(?:大|小|高|低)")
FALL_RE = re.compile(r"降|减|跌|少")
SLOWER_RE = re.compile(r"慢|小|低")


def faster(lib: Library, q: QueryPlan, route: Route) -> Answer | None:
    """Which of two items (or two departments' one item) changed faster on the year before: each
    rate as the document states it, or computed from the two years' figures, each cited; the
    faster one's rate first, the gap in percentage points after it. No figure when either rate
    is missing (a year not on file, a change not stated)."""
    m = FASTER_RE.search(q.text)
    if m is None:
        return None
    sides = _two_sides(lib, q)
    if sides is None:
        return None
    rates = []
    for name, item, year in sides:
        plan = understand(f"{name}{year}{item}比上年增长了百分之几", lib)
        docs, problem = documents(lib, plan)
        found = route(plan, docs) if problem is None else None
        rate = _rate(found) if found is not None and found.status == ANSWERED else None
        if rate is None:
            return not_found(lib, q, f"文件中没有{name}{item}比上年的变化率，库中也没有能算出它的上一年数字，无法比较哪个变得快。")
        rates.append((f"{name}{item}" if len(q.departments) > 1 else item, rate, found))
    fall = bool(FALL_RE.search(m.group(0))) != bool(SLOWER_RE.search(m.group(0)))
    (a_name, a, a_found), (b_name, b, b_found) = rates
    first_wins = (a < b) if fall else (a > b)
    asked_yes_no = bool(re.search(r"吗|是不是|是否", q.text))
    # (the faster one heads; a yes or no asked of the first one ("A的涨幅是不是比B的还大"): its own rate)
    faster_name = rates[0 if first_wins else 1][0]
    head_name, head_rate, head_found = rates[0 if first_wins or asked_yes_no else 1]
    gap = round(abs(a - b), 2)
    said = lambda r: f"{'下降' if r < 0 else '增长'}{fmt(abs(r), 2)}%"
    text = (f"{a_name}比上年{said(a)}，{b_name}比上年{said(b)}；{faster_name}"
            f"{'降得更多' if fall else '涨得更快'}，两者相差{fmt(gap, 2)}个百分点。")
    head = Figure(fmt(abs(head_rate), 2), "%", None, f"{head_name}（{'下降率' if head_rate < 0 else '增长率'}）",
                  head_found.figures[0].department, head_found.figures[0].year, derived=True)
    points_gap = Figure(fmt(gap, 2), "个百分点", None, f"{a_name}与{b_name}变化率之差", head.department, head.year,
                        derived=True, formula=f"{fmt(a, 2)} − {fmt(b, 2)}")
    found = finish(q, text + " " + a_found.answer + " " + b_found.answer, [head, points_gap, *a_found.figures, *b_found.figures],
                   a_found.citations[:2] + b_found.citations[:2], a_found.notes + b_found.notes,
                   {gap, a, b, abs(a), abs(b)}, LOOKUP)
    if asked_yes_no:
        found.verdict = "yes" if first_wins else "no"
        found.answer = f"{'是' if first_wins else '不是'}。{found.answer}"
    return found


def _two_sides(lib: Library, q: QueryPlan) -> list[tuple[str, str, str]] | None:
    """(department, item, year said) of each side: two departments' one item (each in the year
    asked of it: "阳泉民政局24年和临汾民政局19年"), or one department's two items."""
    words = [x.word for x in lexicon().concepts_in(q.text) if not x.generic]
    items = list(dict.fromkeys(words + [r for r in q.rows if not any(r in w for w in words)]))
    if not items and len(q.concepts) == 1:
        items = [q.concepts[0].name]  # the whole the question means without naming it ("两家的预算谁涨得多": 收入总计)
    if len(q.departments) == 2 and len(items) == 1:
        return [(name, items[0], _year_of(lib, q, key)) for key, name in zip(q.departments, q.names)]
    if len(q.departments) == 1 and len(items) == 2:
        return [(q.names[0], item, _year_said(q)) for item in items]
    return None


def _year_of(lib: Library, q: QueryPlan, key: str) -> str:
    """The year said of one of two departments: the one asked it holds, when only one is."""
    held = [y for y in q.years if y in lib.years_held(key)]
    return f"{held[0]}年" if len(held) == 1 else _year_said(q)


def _year_said(q: QueryPlan) -> str:
    return f"{q.years[0]}年" if q.years else ""


def _rate(found: Answer) -> float | None:
    """The change rate an answer gives, signed (a 下降率 printed as 0.53 is −0.53)."""
    figure = next((f for f in found.figures if f.unit == "%"), None)
    value = parse_amount(figure.value) if figure is not None else None
    if value is None:
        return None
    if re.search(r"下降|减少", figure.label):
        return -abs(value)
    if re.search(r"增长|增加", figure.label) or found.route == LOOKUP:
        return value
    # a rate quoted from the narrative: the way its own sentence says it went
    said = re.search(rf"(下降|减少|降低|增长|增加|上升|提高)了?{re.escape(figure.value)}%", found.answer)
    return None if said is None else -abs(value) if said.group(1) in ("下降", "减少", "降低") else value


PAID_BY_RE = re.compile(r"(?<!支)出|安排的|拨的")  # (the 出 of 支出 says no payer)


def either_side(lib: Library, q: QueryPlan, docs: list, route: Route) -> Answer | None:
    """The item's figure under each of the two named, both cited, the one that pays first (a
    blank cell of the item read as nothing paid; a side whose tables do not list the item said
    so). None unless a side is read off the item's own row (not the fund's total), so a choice
    between funds never answers with a fund's total."""
    m = EITHER_RE.search(q.text)
    if m is None or m.group("a") == m.group("b"):
        return None
    rows = [r for r in q.rows if r not in (m.group("a"), m.group("b"))]  # the item, not the funds
    if not rows:
        if not PAID_BY_RE.search(m.group(0)):
            return None  # ("支出主要是基本支出还是项目支出": the two compared, no item)
        # "医疗那块的钱，是一般公共预算出的还是政府性基金出的": an item no row is named by; never
        # a fund's own total for it
        return Answer(q.text, f"请说明是哪一项支出（用公开表里的科目名称），再问它是{m.group('a')}"
                      f"还是{m.group('b')}安排的。", UNCLEAR, LOOKUP, missing=["哪一项"])
    found, unlisted = [], []
    # (one side a source of income, "财政拨款还是事业收入": both read as sources, 财政拨款收入 beside 事业收入)
    income = "收入" if any(s.endswith("收入") for s in (m.group("a"), m.group("b"))) else ""
    for side in (m.group("a"), m.group("b")):
        text = f"{rows[0]}{side.removesuffix(income)}{income}多少"  # (the item named first: a fund's own row never stands for it)
        answer = route(replace(q, text=text, rest=text, rows=rows, operation="value", intent="figure"), docs)
        cited = answer.citations[0] if answer.citations else None
        # (a sentence counts only where the figure it gives is the item's own, not a total naming it)
        of_item = cited is not None and (match_key(row_name(cited.row)) in map(match_key, rows) if cited.cell else
                                         answer.status == ANSWERED and bool(answer.figures) and
                                         any(match_key(answer.figures[0].label).endswith(match_key(r)) for r in rows))
        if not of_item:
            unlisted.append(side)
            continue
        value = parse_amount(answer.figures[0].value) if answer.status == ANSWERED and answer.figures else 0.0
        found.append((side, answer, value or 0.0))
    if not any(value for *_, value in found):
        return None
    found.sort(key=lambda x: -abs(x[2]))
    (side, head, _), rest = found[0], found[1:]
    others = [f"{other}一栏为零或空" for other, _, value in rest if not value] + \
        [f"{other}下没有“{rows[0]}”的数字" for other in unlisted]
    lead = f"{'两者都有，主要由' if any(value for *_, value in rest) else '由'}{side}安排" + \
        "".join(f"，{o}" for o in others) + "。"
    answers = [head] + [a for _, a, _ in rest]
    return finish(q, lead + " ".join(a.answer for a in answers), [f for a in answers for f in a.figures],
                  [c for a in answers for c in a.citations[:2]], [n for a in answers for n in a.notes],
                  allowed_from([a.answer for a in answers]), LOOKUP)


# where a figure is printed ("三公经费在哪张表能查到", "花了多少？在哪能查到")
WHERE_PRINTED_RE = re.compile(r"[，,]?(?:在|从)?哪(?:张|个|一张|一个)表(?:里|上|中)?(?:能|可以)?(?:查到|看到|找到|有)?|"
                              r"[，,？?]?(?:在)?哪(?:里|儿)(?:能|可以)?(?:查到|看到|找到)|[，,？?]?在哪(?:里|儿)?(?:能|可以)?查|"
                              # "这个数写在哪一段", "分别在哪一行", "在第几页"
                              r"[，,？?]?(?:这个数|这个数字|它)?(?:分别)?(?:写|印|列)?在(?:第几|哪一?)(?:页|行|段|栏)|"
                              # "在三公那张表的哪一栏", "算在哪一栏"
                              # (not "有没有哪一栏是空的", "哪一栏的钱最多": the columns themselves asked)
                              r"(?:[，,]?(?:算|列|记)?在|(?<=表)的)哪一?(?:栏|列)(?:里|中|上)?(?![是的为最钱])|"
                              # "是第几号表的", "在第几张表上", "是在第几号表里"
                              r"[，,？?]?(?:是)?(?:在|列在)?第几(?:号|张|个)?表(?:的|里|上|中)?|"
                              # "那张表在公开表格文件里是第几页"
                              r"在[^，,。？?]{0,12}?(?:里|中)?是?第几页|"
                              # "在报告哪一部分说的", "报告哪部分写的", "报告第几页写的"
                              r"[，,？?]?(?:这个数|这个数字|它)?(?:是)?(?:在)?(?:报告|文件|说明|文档|公开文件)(?:的|里)?"
                              r"(?:哪一?个?(?:部分|节|章|段)|第几页)(?:里|中)?(?:写|说|讲|提|列|印)?(?:的|到的?)?")
PAGE_ASKED_RE = re.compile(r"第几页|哪一?页")
TABLE_PLACE_ASKED_RE = re.compile(r"第几(?:张|个|号)?表")
# ("…是多少？在第几页", "…2928.22万元在第几页", "哪个项级科目金额最大？在第几页", "这个数在哪张表里，第几页",
# "那张表是空的吗？在第几页": the amount, or the yes or no, is still the figure)
FIGURE_ASKED_TOO_RE = re.compile(r"多少|几|比例|占比|百分|\d(?:\.\d+)?\s*(?:万|亿|元)|最(?:大|多|高|少|小|低)|"
                                 r"这(?:个|一|笔)?(?:数|金额|钱)|吗")


ASKED_BEFORE_RE = re.compile(r"多少|几|哪|什么|吗|是否")


def place_asked_after(question: str) -> str | None:
    """A question that asks where its figure is printed in a clause of its own after it ("公用经费里
    哪一项花得最多？哪张表能看到", "其中工程是多少？这个数写在哪一段"): the question without that
    clause, read as if alone; None otherwise ("三公经费在哪张表能查到" is read whole)."""
    m = WHERE_PRINTED_RE.search(question)
    if m is None or question[m.end():].strip("？?。！! ") or not ASKED_BEFORE_RE.search(before := question[:m.start()]):
        return None
    return before if re.search(r"[？?，,]\s*$", before) or m.group()[:1] in "，,？?" else None


def said_where(found: Answer, question: str, docs=()) -> Answer:
    """The answer with where the document prints its figure said first: the table (code, title)
    or the section, and the page (or line of a text export); its place among the document's
    tables where that is asked ("是第几张表")."""
    # (several figures of one table, "哪张表能查到人员经费": the table is the answer all the same)
    one_table = all(c.table_title for c in found.citations) and len({(c.source, c.table_title) for c in found.citations}) == 1
    if not found.citations or not (found.status == ANSWERED or found.status == UNCLEAR and one_table):
        return replace(found, question=question)
    cited = found.citations[0]
    # (a section by its whole path: "「第一部分概况」中的「二、机构设置情况」" says which part it is in)
    place = f"{cited.table_code}《{cited.table_title}》" if cited.table_title else \
        "「" + "」中的「".join(cited.section.split(" > ")) + "」"
    doc = next((d for d in docs if d.doc_id == cited.doc_id), None)
    page_asked = PAGE_ASKED_RE.search(question) is not None
    page_only = page_asked and not FIGURE_ASKED_TOO_RE.search(PAGE_ASKED_RE.sub("", question))
    page = f"第{cited.page}页" if cited.page else f"第{cited.line}行" if cited.line else ""
    page += "（该文件为文本导出，不带页码）" if page and not cited.page and page_asked else ""
    if TABLE_PLACE_ASKED_RE.search(question) and doc is not None:
        printed = [i for i, t in enumerate(doc.tables) if t.category not in FORM_CATEGORIES]
        place += f"（第{in_chinese(printed.index(cited.table_seq) + 1)}张表）" if cited.table_seq in printed else ""
    # ("三公经费那张表在第几页": the page is the figure asked, the amount beside it, unless an
    # amount is asked too; where the document prints no pages, no amount stands in for the page)
    figures = found.figures if not page_only else \
        [Figure(str(cited.page), "页", None, "所在页码", cited.department, cited.year), *found.figures] if cited.page else []
    # (the one table is what was asked where no amount is: its several figures need no choosing)
    settled = found.status == UNCLEAR and not FIGURE_ASKED_TOO_RE.search(WHERE_PRINTED_RE.sub("", question))
    said = found.answer.replace("请说明要哪一个。", "") if settled else found.answer
    return replace(found, question=question, answer=f"见{cited.source}中的{place}{page}。{said}", figures=figures,
                   status=ANSWERED if settled else found.status)


def where_printed(q: QueryPlan, docs: list, route: Route) -> Answer | None:
    """The figure asked, with where the document prints it said first: the table (code, title)
    or the section, and the page."""
    m = WHERE_PRINTED_RE.search(q.text)
    if m is None or WHY_RE.search(q.text):
        return None  # ("为啥涨这么多？报告里哪一段说的": the sentence giving the reason is the place)
    # (the figure as asked: a ranking stays one, "哪一项花得最多？哪张表能看到"; the place asked alone reads as a description)
    operation = "value" if q.operation == "describe" else q.operation
    found = route(replace(q.reworded(WHERE_PRINTED_RE), operation=operation, intent="figure"), docs)
    placed = said_where(found, q.text, docs)
    return placed if placed.answer != found.answer else None  # (none said where: several places)


def overview(lib: Library, q: QueryPlan, docs: list, route: Route) -> Answer | None:
    """The whole picture asked with no item named ("总的来说收支情况怎么样", "用几个数字说说"): the
    totals table's headline figures (the vocabulary's ``overview``: this year's income, spending
    and its basic and project parts, what is carried on, the grand total), each asked as if alone
    and cited; an amount in 元 also read in 万元. None where an item is named or none is found."""
    if q.operation != "describe" or not has_cue("overview", q.text) or q.rows or q.codes or \
            any(not c.department_total for c in q.concepts) or \
            len({(lib.resolver.department_key(d.department), d.year) for d in docs}) != 1:
        return None
    found: list[Answer] = []
    grand_total = lexicon().overview[-1]
    for name in lexicon().overview:
        plan = understand(name, lib, previous=q)
        if (plan.departments, plan.years) != (q.departments, q.years):
            return None
        answer = route(replace(plan, operation="value", intent="figure"), docs)
        if answer.status != ANSWERED or not answer.figures or answer.figures[0].derived:
            continue
        if name == grand_total and any(f.figures[0].value_yuan == answer.figures[0].value_yuan for f in found):
            continue  # (no carry-over: the grand total is this year's income again)
        found.append(answer)
    if len(found) < 2:
        return None
    heads = [a.figures[0] for a in found]
    listing = "；".join(f"{f.label}{f.value}{f.unit}{_in_wan(f)}" for f in heads)
    text = f"{heads[0].department}{heads[0].year}年度收支概况：{listing}。"
    allowed = {parse_amount(f.value) or 0 for f in heads} | {round((f.value_yuan or 0) / 1e4, 2) for f in heads}
    return finish(q, text, heads, [a.citations[0] for a in found if a.citations], [n for a in found for n in a.notes],
                  allowed, LOOKUP)


def _in_wan(figure: Figure) -> str:
    """A large amount printed in 元 also read in 万元 ("5235531.11元（合523.55万元）")."""
    other = converted(figure.value_yuan, "元") if figure.unit == "元" else None
    return f"（合{other[0]}）" if other else ""


# a clause asking why, to its question mark; what a change is against
WHY_CLAUSE_RE = re.compile(rf"[^？?。！!，,]*(?:{WHY_RE.pattern})[^？?。！!]*[？?。！!]*")
AGAINST_RE = re.compile(r"比|较|同比|环比")


def why_and_how_much(lib: Library, q: QueryPlan, docs: list, route: Route) -> Answer | None:
    """"为啥比上年多了？多了多少": the change asked, as the document states it, then the reason it
    gives, each cited; None unless both are found (the change alone is no answer to a why)."""
    if not (q.operation == "change" and q.intent == "compare" and WHY_RE.search(q.text)):
        return None
    plain = q.reworded(WHY_CLAUSE_RE)
    # ("比上年少了多少？文件里说为什么降这么多": the clause asking the change; "为啥比上年多了？多了多少":
    # the words without the why, the later clause saying no year)
    plain = plain if AGAINST_RE.search(plain.text) and has_cue("figure", plain.text) else q.reworded(WHY_RE)
    change = route(replace(plain, intent="figure"), docs)
    # the reason for a change is the later year's document's (the earlier one explains its own change)
    later = [d for d in docs if d.year in q.years] or docs
    return _figure_then_quote(lib, q, change, later, CAUSE_CLAUSE_RE, "原因")


# a question's clauses, each ended by its question mark or full stop
ASKED_CLAUSE_RE = re.compile(r"[^？?。！!]+[？?。！!]*")
# a yes or no asked of a change itself ("是不是比23年多了", "涨了吗", "有没有减少")
CHANGE_ASKED_YES_NO_RE = re.compile(r"(?:是不是|是否|有没有|难道不是)[^，,。？?]{0,12}(?:多|少|涨|增|降|减|高|低|超)"
                                    r"|(?:多|少|涨|增|降|减|高|低|超)[^，,。？?]{0,4}(?:吗|么|嘛|没有?)[？?]*$")


def whether_and_why(lib: Library, q: QueryPlan, docs: list, route: Route) -> Answer | None:
    """"是不是比23年多了？文件里怎么解释的": the yes or no on the change the first clause asks, as the
    figures decide it (they head), put before the sentences giving the reason; None unless the clause
    asks of a change and a reason is found."""
    clauses = ASKED_CLAUSE_RE.findall(q.text)
    if len(clauses) < 2 or WHY_RE.search(clauses[0]) or not has_cue("yesno", clauses[0]) or \
            not all(WHY_RE.search(c) for c in clauses[1:]):
        return None
    if not CHANGE_ASKED_YES_NO_RE.search(clauses[0]):
        return None  # ("涨了30万，是不是拿公款出国旅游": the yes or no is of something else)
    asked = understand(clauses[0], lib, previous=q)
    verdict = route(asked, docs)
    if verdict is None or not verdict.verdict or not verdict.figures:
        return None
    later = [d for d in docs if d.year in q.years] or docs
    # (the reason for the change the clause names: "收入难道不是比上年涨了？怎么回事" is of 收入)
    found = _figure_then_quote(lib, replace(asked, text=q.text), verdict, later, CAUSE_CLAUSE_RE, "原因")
    if found is None:
        return None
    # the why is what the question ends on: the sentence giving the reason is cited first (one printing
    # the figure that decided the yes or no before others)
    printed, read = verdict.figures[0].value.replace(",", ""), {d.doc_id for d in later}
    reasons = sorted((c for c in found.citations if c.quote and CAUSE_CLAUSE_RE.search(c.quote) and c.doc_id in read),
                     key=lambda c: printed not in c.quote.replace(",", ""))
    return replace(found, citations=reasons + [c for c in found.citations if c not in reasons])


# what a sentence says an item is for ("用于儿童医疗统筹费支出")
PURPOSE_CLAUSE_RE = re.compile(r"用于[^。]*|用途[^。]*")


def what_for_and_how_much(lib: Library, q: QueryPlan, docs: list, route: Route) -> Answer | None:
    """"医疗费是干什么用的，安排了多少": the item's figure, then what the document says it is for,
    each cited; None unless both are found."""
    if not (q.operation in ("describe", "value") and (q.rows or q.codes) and WHAT_FOR_RE.search(q.text)
            and has_cue("figure", q.text)):
        return None
    figure = route(replace(q.reworded(WHAT_FOR_RE), operation="value", intent="figure"), docs)
    return _figure_then_quote(lib, q, figure, docs, PURPOSE_CLAUSE_RE, "用途")


def _figure_then_quote(lib: Library, q: QueryPlan, found: Answer | None, docs: list, said_re: re.Pattern,
                       word: str) -> Answer | None:
    """The figure found, then the sentences the documents state ``said_re`` in (a reason, a
    purpose), each cited; None unless both are found."""
    if found is None or found.status != ANSWERED or not found.figures:
        return None
    read = {d.doc_id for d in docs}
    if told := [c for c in found.citations if c.quote and c.doc_id in read and said_re.search(c.quote)]:
        # (a sentence the figure rests on says it too, in the documents read: quoted, where the
        # answer does not quote it already)
        unquoted = [c.quote for c in told if match_key(c.quote) not in match_key(found.answer)]
        more = f" {word}，文件写道：“{unquoted[0]}”" if unquoted and len(unquoted) == len(told) else ""
        return replace(found, question=q.text, answer=found.answer + more)
    said = retrieval_answer(lib, replace(q, intent="reason", operation="describe"), docs)
    quoted = [c for c in said.citations if c.quote and said_re.search(c.quote)]
    if said.status != ANSWERED or not quoted:
        return None
    quotes = "；".join(f"“{c.quote}”" for c in quoted[:2])
    return replace(found, question=q.text, answer=f"{found.answer} {word}，文件写道：{quotes}",
                   citations=[*found.citations, *quoted[:2]])
