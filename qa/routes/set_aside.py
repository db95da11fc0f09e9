"""A part set aside from what is asked ("除了…", "不算…", "扣掉…以后还剩多少"): the whole less the
part with both cells cited, the whole's other parts, a ranking without it, or the row beside it
when the part was never in what is asked; declined, said why, where no cell answers. Sub-questions
go through the engine's router (``Router``), as if asked alone."""
from __future__ import annotations

import re
from dataclasses import replace

from core.concepts import lexicon
from core.model import YUAN_PER_UNIT
from core.text import decimals, match_key, parse_amount
from core.vocab import INSIDE, has_cue
from qa.answers import citation, fmt, yuan
from qa.claims import amount_verdict
from qa.context import Library
from qa.lookup import AmbiguousRow, Located, choose_column, locate_named_row, row_key, row_name, rows_said
from qa.model import ANSWERED, LOOKUP, UNCLEAR, Answer, Citation, Figure
from qa.pick import pick_cells
from qa.routes import Router
from qa.routes.compare import compare
from qa.routes.describe import given_amounts, table_columns_answer
from qa.routes.structure import INCOME_RE, SPENDING_RE, item_named_after_aside, other_parts_answer, structure_answer
from qa.routes.yesno import HAS_ASKED_RE
from qa.understand import REMAINDER_RE, TOLD_AMOUNT_RE, QueryPlan, aside_said, names_item, understand

REST_ASKED_RE = re.compile(r"别的|其他|其它|其余|另外的")  # what else there is, once a part is set aside


# the body's own office, beside the units under it ("街道本部", "局机关本级")
OWN_OFFICE_RE = re.compile(r"(?:本部|本级|机关本身)$")
# a part set aside said last, as an afterthought ("（不算离休的）", "，不含离休的"): maybe only a reminder
TRAILING_ASIDE_RE = re.compile(r"[（(，,]\s*(?:不算|不含|不包括|不计|除了|除去)(?P<part>[^（）()，,。？?]{2,10}?)(?:的|在内)?\s*[）)]?\s*[。？?！!]?\s*$")


# the blank items set aside ("，空着没花的不算", "（不算为零的）"): a ranking never places them (from the
# bottom it starts at the least that was spent), so the aside asks nothing more of it
BLANKS_ASIDE_RE = re.compile(r"[（(，,]\s*(?:(?:不算|不含|不计|除了|除去)(?:空着|空白|没花|没有花|没用|为零|为0|是零|是0|零)[^，,。？?]{0,4}|"
                             r"(?:空着|空白|没花|没有花|没用|为零|为0|是零|是0)[^，,。？?]{0,4}?的?(?:不算|除外|不计|别算)(?:在内)?)"
                             r"\s*[）)]?\s*[。？?！!]?\s*$")


def without_aside_beside(q: QueryPlan, docs: list) -> QueryPlan | None:
    """The question without a part it sets aside, where what it asks holds no such part: the body's
    own office set aside from the units under it ("除了街道本部，下面还有几家单位"), people the count
    asked never holds ("工作人员，不算退休的"), or a row of its own beside the row asked, set aside
    last (退休费 and 离休费)."""
    if (own := aside_said(q.text)) and OWN_OFFICE_RE.search(own[0]) and any(c.name.startswith("下属") for c in q.concepts):
        rest = aside_said(q.rest or "")
        return replace(q, text=q.text[:own[1]] + q.text[own[2]:], rest=q.rest[:rest[1]] + q.rest[rest[2]:] if rest else q.rest)
    if q.operation == "rank" and (blanks := BLANKS_ASIDE_RE.search(q.text)):
        return replace(q, text=q.text[:blanks.start()], rest=BLANKS_ASIDE_RE.sub("", q.rest or ""))
    m = TRAILING_ASIDE_RE.search(q.text)
    if m is None:
        return None
    text = q.text[:m.start()]
    if any(match_key(m.group("part")).rstrip("的") in c.leaves_out for c in q.concepts):
        return replace(q, text=text, rest=TRAILING_ASIDE_RE.sub("", q.rest or ""))  # ("工作人员，不算退休的")
    aside = match_key(m.group("part"))
    for doc in docs:
        hits = rows_said(doc, replace(q, text=text).match_text)
        if not hits:
            return None
        table = doc.tables[hits[0][2]]
        row = table.rows[hits[0][3]]
        under = [r for r in table.rows if row.code and r.code != row.code and r.code.startswith(row.code)]
        beside = [r for r in table.rows if aside in row_key(r.label) and r is not row]
        if aside in row_key(row.label) or any(aside in row_key(r.label) for r in under) or not beside:
            return None
    return replace(q, text=text, rest=TRAILING_ASIDE_RE.sub("", q.rest or ""))


def aside_read(q: QueryPlan) -> bool:
    """Whether a part set aside ("除了…") shapes the answer: a figure, a listing or a ranking asked,
    or a yes or no on the rest ("除了财政拨款，还有没有别的收入": its 有没有 no call for a reason; not
    "除了一般公共预算…，有没有国有资本经营预算的支出", an item named) — never a reason asked."""
    return q.intent != "reason" or q.operation in ("breakdown", "rank") or \
        bool(q.operation == "yesno" and HAS_ASKED_RE.search(q.text) and REST_ASKED_RE.search(q.text))


# the rest asked as one amount once a part is set aside: "…其他的一共多少", "还剩多少"
REST_SUMMED_RE = re.compile(r"一共|总共|合计|总计|加起来|还剩|剩下?多少|剩余多少")


WITHIN_RE = re.compile(rf"(?:{INSIDE}|中间)[，,]?$")  # the whole said before: "三公经费里"
CLAUSE_BEFORE_RE = re.compile(r"[，,]\s*$")  # the whole said as a clause of its own: "住房保障支出，"


def _holds(concept, name: str, depth: int = 3) -> bool:
    """The named concept is a part of this one, or of one of its parts ("三公经费" holds 公务用车购置费
    through 公务用车购置及运行维护费)."""
    return concept.contains(name) or depth > 0 and bool(concept.parts) and any(
        (inner := lexicon().named(p)) is not None and _holds(inner, name, depth - 1) for p in concept.parts.concepts)


# the rest said after the part set aside: "还剩下的", "以外的其他支出", "其他来源的收入" (not the
# 其他收入 row, which is one source of several)


def _column_set_aside(lib: Library, router: Router, asked: QueryPlan, part: str, docs: list) -> Answer | None:
    """One 科目 row less a column of it ("殡葬支出，如果不算经营支出，还有多少"): the row's total (its
    table's default column) less its cell in the column the part names, both cells of one row
    cited; None unless the part names a column of the row's table."""
    if len(asked.rows) != 1 or not asked.departments or not asked.years:
        return None
    said = f"{lib.resolver.display(asked.departments[0])}{asked.years[0]}年{asked.rows[0]}的{part}是多少"
    inner = router.routed(understand(said, lib), docs)
    cited = inner.citations[0] if inner.status == ANSWERED and inner.figures and inner.citations else None
    if cited is None or cited.table_seq is None or match_key(part) not in match_key(cited.column):
        return None
    doc = lib.docs[cited.doc_id]
    table = doc.tables[cited.table_seq]
    row = next((ri for ri, r in enumerate(table.rows) if r.label == cited.row), None)
    column = choose_column(table, table.rows[row], "", None, doc) if row is not None else None
    if column is None or table.columns[column] == cited.column:
        return None
    whole, within = Located(doc, cited.table_seq, row, column, cited.row), inner.figures[0]
    if whole.value is None or whole.unit not in YUAN_PER_UNIT or within.value_yuan is None or whole.unit != within.unit:
        return None
    places = max(decimals(whole.printed), decimals(within.value))
    rest = round(whole.value - within.value_yuan / YUAN_PER_UNIT[whole.unit], places)
    total = Figure(whole.printed, whole.unit, whole.value * YUAN_PER_UNIT[whole.unit], cited.row, doc.department, doc.year)
    head = Figure(fmt(rest, places), whole.unit, rest * YUAN_PER_UNIT[whole.unit], f"{cited.row}减去其{part}",
                  doc.department, doc.year)
    text = (f"{doc.department}{doc.year}年度{cited.row}不算{part}：{cited.row}（{whole.column_path}）{whole.printed}{whole.unit} − "
            f"其中{part}{within.value}{within.unit} = {head.value}{whole.unit}。")
    return Answer(asked.text, text, ANSWERED, LOOKUP, [head, total, within], [citation(whole), cited])


def _printed_as(lib: Library, answer: Answer) -> Answer:
    """A remainder the table prints itself, in the row or the column of the whole it was computed
    from (殡葬 less its 经营支出 is its 项目支出 cell; 收入总计 less 本年收入合计 its 年初结转和结余):
    that cell named and cited first, the computation kept beside it."""
    head, cited = answer.figures[0], answer.citations[0]
    if cited.table_seq is None or not head.value_yuan or any(
            f.value_yuan is not None and abs(f.value_yuan - head.value_yuan) < 0.005 for f in answer.figures[1:]):
        return answer  # (less a part of 0 the rest is the whole itself, cited already)
    doc = lib.docs[cited.doc_id]
    table = doc.tables[cited.table_seq]
    taken = {(c.row, c.column) for c in answer.citations}
    found = []
    for ri, row in enumerate(table.rows):
        for ci, printed in enumerate(row.values):
            unit, amount = row.unit or table.unit, parse_amount(printed)
            if amount is None or unit not in YUAN_PER_UNIT or (row.label, table.columns[ci]) in taken or \
                    (row.label != cited.row and table.columns[ci] != cited.column) or _other_measure(table, ci, cited):
                continue  # (not the 预算数 beside a 决算数 whole: another measure of it)
            if abs(amount * YUAN_PER_UNIT[unit] - head.value_yuan) <= 0.005 * YUAN_PER_UNIT[unit]:
                found.append((row.label != cited.row, ri, ci))
    if not found:
        return answer
    _, ri, ci = min(found)
    cell = Located(doc, cited.table_seq, ri, ci, table.rows[ri].label)
    said = f"表中{f'“{row_name(cell.row.label)}”行' if row_name(cell.row.label) else ''}“{cell.column_path}”列印的正是此数。"
    return replace(answer, answer=answer.answer + said, citations=[citation(cell), *answer.citations])


def with_aside(lib: Library, router: Router, q: QueryPlan, docs: list, said: str) -> Answer:
    """A question that sets something aside ("除了…", "不算…"): the table's other columns, the
    whole's other parts, a ranking without it, or the whole less it; else declined, said why."""
    if (columns := table_columns_answer(q, docs)) is not None:
        return columns  # "除了科目编码和科目名称，后面一共有几列": the figure columns, none of those
    rest_summed = REST_SUMMED_RE.search(q.text)  # ("刨去财政拨款，其他来源的收入一共多少": one sum, no list)
    if not rest_summed and (others := other_parts_answer(lib, q, docs)) is not None:
        return others  # "除了财政拨款还有别的收入吗": the whole's other parts
    if not rest_summed and q.operation in ("rank", "breakdown") and (ranked := structure_answer(lib, q, docs)) is not None and (
            "除" in ranked.answer or item_named_after_aside(q.text) or q.operation == "rank" and not _aside_among(q, ranked.items)):
        # "除了社会保障和就业支出，哪一类花得最多": the ranking with the part left out, said so; "除去
        # 工资福利，公用经费里哪一项最多": an aside that is none of the items ranked leaves it as it is
        return ranked
    if q.operation != "rank" and (rest_of := set_aside(lib, router, q, docs)) is not None:
        return rest_of  # "不算项目支出的话花了多少": the whole less the part, both cited (a remainder is no ranking)
    if SHARE_OF_REST_RE.search(q.text) and (share := _share_of_rest(lib, router, q, docs)) is not None:
        return share  # "收入里，不是财政拨款的那部分占多少": the rest over the whole it is the rest of
    return Answer(q.text, f"问题含有排除条件（“{said}”），没有哪一格数据直接回答它，为免算错不作推算。"
                  f"请分别查询两项，再问“A比B多多少”，答案会列出两处出处和算式。", UNCLEAR, LOOKUP,
                  missing=["不含排除条件的问法"])


def _other_measure(table, column: int, cited: Citation) -> bool:
    """The column measures something other than the whole's cited column (预算数 beside 决算数)."""
    measures = table.measures
    whole = cited.column_seq
    return bool(measures) and whole is not None and column < len(measures) and whole < len(measures) and \
        measures[column] != measures[whole]


# a share asked of what is left once a part is set aside ("不是财政拨款的那部分占多少", "剩下的占几成")
SHARE_OF_REST_RE = re.compile(r"占(?:了)?(?:全部|总数|总额|合计|一共|总共|总收入|总支出|全部收入|全部支出|收入|支出)?(?:的)?(?:多大|多少)?(?:的)?(?:比例|比重|百分之(?:几|多少)|几成|多少)")


def _share_of_rest(lib: Library, router: Router, q: QueryPlan, docs: list) -> Answer | None:
    """The share of the whole that is left once a part is set aside: the remainder worked as
    ``set_aside`` works it (whole − part, both cited), over that whole."""
    rest = set_aside(lib, router, q.reworded(SHARE_OF_REST_RE, "是多少"), docs)
    if rest is None or rest.status != ANSWERED or len(rest.figures) < 3:
        return None
    left, whole = rest.figures[0], rest.figures[1]
    if not left.value_yuan or not whole.value_yuan or left.value_yuan >= whole.value_yuan:
        return None
    share = left.value_yuan / whole.value_yuan * 100
    head = Figure(fmt(share, 2), "%", None, f"{left.label}占{whole.label}的比例", left.department, left.year, derived=True,
                  formula=f"{left.value} ÷ {whole.value} × 100%")
    return replace(rest, answer=f"{rest.answer}这部分占{whole.label}的{head.value}%（{head.formula}）。", figures=[head, *rest.figures],
                   notes=[*rest.notes, f"计算：{head.formula} = {head.value}%"])


def set_aside(lib: Library, router: Router, q: QueryPlan, docs: list) -> Answer | None:
    """A part set aside from a whole: the whole less the part, both cells cited ("三公经费里除了
    出国的钱还剩多少"; the department's spending or income total when only a verb says the whole:
    "除了工资福利以外还花了多少"); or, where the question goes on to name an item of its own
    that is no whole of the part ("除了财政给的钱，自己的事业收入有多少"), that item. None
    where neither reads."""
    said = aside_said(q.text)
    if said is None:
        return None
    # ("…不算本年收入合计，剩下那部分是多少": what is left of the whole, not its 结转结余)
    before, after = _innermost(_whole_told_before(q, q.text[:said[1]])), REMAINDER_RE.sub("", q.text[said[2]:].lstrip("，, "))
    part = said[0]
    concepts = lexicon().concepts_in(part)
    in_context = [m for m in lexicon().concepts_in(q.text[:said[2]]) if match_key(m.word) == match_key(part)]
    if not concepts and len(in_context) == 1:
        # "三公经费里除了公务用车": the word names the 三公 item there, not the vehicles it names alone
        concepts, part = in_context, in_context[0].concept.name
    parts = concepts or lib.row_names_in(part)
    if parts and has_cue("share", after):
        return None  # ("…占全部支出的百分之几": a share of the rest)
    if len(parts) > 1:
        # ("除去基本工资和津贴补贴，其他部分加起来是多少": each part off the one whole, in turn)
        return _less_each(lib, router, q, docs, said, [m.word for m in concepts] if concepts else parts)
    if not parts and not (NO_FIGURE_ASIDE_RE.search(part) and names_item(after, lib)):
        return None
    asked = understand(_named_for(lib, q, before + after) + before + after, lib)
    if (asked.departments, asked.years) != (q.departments, q.years):
        return None
    if not parts:
        # "不算那80万其他资金的话，财政拨款有多少": an aside that is an amount told or a body takes
        # nothing off; the item named after it is asked on its own
        return router.unless_declined(asked, docs) if asked.names_something else None
    # ("住房保障支出，除了住房公积金还剩多少", "人员经费，除了工资福利支出还有多少")
    rest_said = bool(REMAINDER_RE.search(q.text[said[2]:].lstrip("，, ")) or REST_AMOUNT_RE.match(q.text[said[2]:]))
    if (of_row := _column_set_aside(lib, router, asked, part, docs)) is not None:
        return _printed_as(lib, of_row)
    holds_part = _wholes_holding(asked, part) or _printed_beneath(asked, part, docs)
    # ("预算里，除了财政拨款，事业收入有多少": an item of its own named after the aside is asked)
    named_after = [m for m in lexicon().concepts_in(after) if not m.generic] or lib.row_names_in(after)
    if asked.names_something and not holds_part and (named_after or not WITHIN_RE.search(before) and not rest_said):
        return router.unless_declined(asked, docs)
    if (whole := _whole_of_aside(lib, holds_part, before, after, rest_said, part)) is None and \
            (whole := _whole_asked_before(q, asked, rest_said)) is None:
        return None
    named = _named_for(lib, q, before)  # ("刨去财政拨款，阳泉民政局24年…": said after the aside)
    if whole and _already_without(whole, part):
        # "不含年初结转的收入": the 本年收入合计 holds no 年初结转和结余 (its sources are listed):
        # that total as printed, nothing taken off it
        plain = router.routed(understand(f"{named}{whole}是多少", lib), docs)
        return replace(plain, question=q.text, notes=[*plain.notes, f"{whole}本身不含{part}。"]) \
            if plain is not None and plain.status == ANSWERED else None
    return _told_checked(q, _whole_less_part(lib, router, q, docs, named + before, whole, part))


def _innermost(before: str) -> str:
    """The words before an aside with a whole said of another it holds read as inside it ("基本支出的人员经费里，
    除了工资福利": the 人员经费 of the 基本支出, as "基本支出里的人员经费" reads; not 基本支出 less it)."""
    named = [m for m in lexicon().concepts_in(before) if not m.generic]
    key = match_key(before)
    outer = [m for m in named[:-1] if _holds(m.concept, named[-1].concept.name) and key[m.end:m.end + 1] == "的"]
    for m in reversed(outer):
        key = key[:m.end] + "里" + key[m.end:]
    return key if outer else before


def _less_each(lib: Library, router: Router, q: QueryPlan, docs: list, said: tuple[str, int, int], parts: list[str]) -> Answer | None:
    """The whole less each of several parts set aside ("扣掉行政运行和事业运行这两块以后，其余还有
    多少"): each part taken off the same whole cell, all cited; None unless every part reads off
    one whole, in one unit."""
    start = q.text.index(said[0], said[1])
    each = [set_aside(lib, router, replace(q, text=q.text[:start] + name + q.text[start + len(said[0]):]), docs) for name in parts]
    if any(a is None or a.status != ANSWERED or len(a.figures) < 3 for a in each):
        return None
    whole, taken = each[0].figures[1], [a.figures[2] for a in each]
    if any(a.figures[1].value_yuan != whole.value_yuan or not a.figures[0].derived for a in each) or \
            len({f.label for f in taken} - {whole.label}) < len(taken) or {f.unit for f in taken} != {whole.unit} or \
            whole.value_yuan is None or any(f.value_yuan is None for f in taken):
        return None  # (each part its own cell, off one whole)
    places = max(decimals(f.value) for f in [whole, *taken])
    rest = round(parse_amount(whole.value) - sum(parse_amount(f.value) for f in taken), places)
    if rest < 0:
        return None  # (parts larger than the whole are no parts of it)
    formula = " − ".join(f"{f.label}{f.value}{f.unit}" for f in [whole, *taken]) + f" = {fmt(rest, places)}{whole.unit}"
    head = Figure(fmt(rest, places), whole.unit, yuan(rest, whole.unit), f"{whole.label}减去{'、'.join(f.label for f in taken)}",
                  whole.department, whole.year, derived=True, formula=formula)
    text = f"{whole.department}{whole.year}年度不算{'、'.join(f.label for f in taken)}：{formula}。"
    return replace(each[0], question=q.text, answer=text, figures=[head, whole, *taken],
                   citations=[each[0].citations[0], *(c for a in each for c in a.citations[1:2])],
                   notes=[f"计算：{formula}"])


def _whole_told_before(q: QueryPlan, before: str) -> str:
    """The words before an aside, with the whole the asker told with its amount put back
    ("日常公用经费162.9万，扣掉三公经费还剩多少": 公用经费 less it, the told amount left out;
    the figure is the document's own)."""
    typed = aside_said(q.typed or "")
    if typed is None or match_key(before) == match_key(q.typed[:typed[1]]):
        return before
    told = TOLD_AMOUNT_RE.sub("", q.typed[:typed[1]])
    return told if lexicon().concepts_in(told) and not lexicon().concepts_in(before) else before


def _told_checked(q: QueryPlan, answer: Answer | None) -> Answer | None:
    """The whole less the part, with a note where the asker told the whole's amount and the
    document prints another ("日常公用经费162.9万，扣掉…": 公用经费 is 134.29万元)."""
    if answer is None or len(answer.figures) < 2 or answer.figures[1].value_yuan is None:
        return answer
    whole, typed = answer.figures[1], aside_said(q.typed or "")
    for m, told, per in given_amounts(q.typed[:typed[1]] if typed else ""):  # (an amount told before the aside: the whole's)
        if abs(told - whole.value_yuan) > per * 0.5 * 10 ** -decimals(m.group(1)):
            return replace(answer, notes=[*answer.notes, f"问题中所说的“{m.group(0)}”与文件不符："
                                                         f"文件中{whole.label}为{whole.value}{whole.unit}，以上按文件计算。"])
    return answer


def _whole_less_part(lib: Library, router: Router, q: QueryPlan, docs: list, said: str, whole: str, part: str) -> Answer | None:
    """The whole less the part set aside, both cited; ``said``: the department and year, then
    what the question says before the aside (where the whole is said when ``whole`` is "")."""
    # (the whole said before the aside is the item said last before it, in the table said before that:
    # "财政拨款支出表里，政协事务除了行政运行" is 政协事务 of that table, not 财政拨款)
    less = understand(f"{re.sub(r'[，,]', '', WITHIN_RE.sub('', said)) if not whole else said}{whole}比{part}多多少", lib)
    if (less.departments, less.years) != (q.departments, q.years) or len(less.concepts) + len(less.rows) < 2:
        return None
    found = compare(lib, less, docs)
    if found is None or found.status != ANSWERED or len(found.figures) < 3:
        return None
    gap, first, second = found.figures[:3]
    whole_figure, part_figure = (first, second) if (_amount(first) or 0) >= (_amount(second) or 0) else (second, first)
    if whole_figure.label == part_figure.label or _amount(gap) is None:
        return None
    if not whole and (inside := _part_inside(lib, router, f"{said}{part}是多少", docs, part)) is not None and \
            inside[0].value_yuan != part_figure.value_yuan:
        # "基本支出里，不算人员经费的那部分": the 人员经费 of the 基本支出, not all of it
        if (redone := _less_the_inside_part(found, gap, whole_figure, *inside)) is None:
            return None
        found, gap, part_figure = redone
    if match_key(part_figure.label) == match_key(whole_figure.label):
        return None  # (the part read as the whole itself: nothing set aside)
    head = replace(gap, value=gap.value.lstrip("-"), value_yuan=None if gap.value_yuan is None else abs(gap.value_yuan),
                   label=f"{whole_figure.label}减去{part_figure.label}")
    # ("…其他加起来超过300万了吗": the remainder against that amount; "…还有别的收入吗": whether any is left)
    verdict, word = amount_verdict(q.text, head.value_yuan) or \
        ((("yes", "有") if (_amount(head) or 0) > 0 else ("no", "没有")) if q.operation == "yesno" else (None, ""))
    return _printed_as(lib, replace(found, question=q.text, verdict=verdict,
                   answer=f"{word + '。' if word else ''}{whole_figure.department}{whole_figure.year}年度不算{part_figure.label}："
                          f"{whole_figure.label}{whole_figure.value}{whole_figure.unit} − {part_figure.label}{part_figure.value}"
                          f"{part_figure.unit} = {head.value}{head.unit}。",
                   figures=[head, whole_figure, part_figure], notes=[n for n in found.notes if "÷" not in n]))  # (no ratio asked)


def _aside_among(q: QueryPlan, items: list) -> bool:
    """The part a question sets aside may be among the items ranked (so it was not left out): one
    of them by name, or a part of a whole the question asks about ("除了财政拨款" of the income,
    whose items name it 一般公共预算)."""
    said = aside_said(q.text)
    aside = match_key(said[0] if said else "")
    parts = {x.concept.name for x in lexicon().concepts_in(aside)}
    return not aside or any(match_key(i.label) in aside or aside in match_key(i.label) for i in items) or \
        any(_holds(c, n) for c in q.concepts for n in parts)


PLAIN_MONEY_RE = re.compile(r"钱|资金|经费")
ALLOCATED_RE = re.compile(r"安排")  # "除了基本支出以外，还安排了多少钱": money set aside to spend


# an aside that is an amount told ("那80万其他资金") or a body ("办公厅本级"), not a part of a figure
# the store could take off (an unknown 科目 word, "离退休的", may still be a part of the figure asked)
REST_AMOUNT_RE = re.compile(r"[，,]?\s*(?:还|另外还?)有(?:多少|几)")  # "除了工资福利支出还有多少": the rest's amount
NO_FIGURE_ASIDE_RE = re.compile(r"\d|本级|机关本身|单位本身")


def _amount(figure: Figure) -> float | None:
    """A figure's amount: in yuan where it is money, else as printed (a count of vehicles)."""
    return figure.value_yuan if figure.value_yuan is not None else parse_amount(figure.value)


def _printed_beneath(asked: QueryPlan, part: str, docs: list) -> list:
    """The concepts asked whose cell a row the part names is printed beneath, in the same table
    and column and no larger ("除了特种专业技术用车，还有几辆车": the 车辆数合计 with its 其中 rows)."""
    held = []
    for concept in asked.concepts:
        for doc in docs:
            try:
                whole = pick_cells(replace(asked, concepts=[concept], rows=[]), doc)
                row = locate_named_row(doc, part, [], None)
            except AmbiguousRow:
                continue
            if whole is None or whole.summed or row is None or whole.cells[0].value is None:
                continue
            cell = whole.cells[0]
            beneath = row.table_seq == cell.table_seq and row.row_seq > cell.row_seq and \
                row.row.values[cell.column] is not None and (parse_amount(row.row.values[cell.column]) or 0) <= cell.value
            if beneath:
                held.append(concept)
                break
    return held


def _already_without(whole: str, part: str) -> bool:
    """A whole whose parts the vocabulary lists in full holds none of the concepts the part names."""
    concept = lexicon().named(whole)
    names = {m.concept.name for m in lexicon().concepts_in(part) if not m.generic}
    return bool(concept and concept.parts and concept.parts.concepts and names) and \
        not any(_holds(concept, n) for n in names)


def _wholes_holding(asked: QueryPlan, part: str) -> list:
    """The concepts asked that a part set aside can come off: a whole that holds it first, then a
    department total of the part's side ("预算里，除了城乡社区支出以外的其他支出" is the spending
    total less it, not the 收入总计)."""
    part_names = {c.name for c in (x.concept for x in lexicon().concepts_in(part))}
    return sorted([c for c in asked.concepts if c.department_total or any(_holds(c, n) for n in part_names)],
                  key=lambda c: (not any(_holds(c, n) for n in part_names),
                                 bool(SPENDING_RE.search(part)) != bool(SPENDING_RE.search(c.name))))


def _whole_of_aside(lib: Library, holds_part: list, before: str, after: str, rest_said: bool, part: str) -> str | None:
    """The whole a part is set aside from: "" when said before the aside ("三公经费里除了…", kept in
    ``before``; not "预算里", which names no whole; "住房保障支出，除了住房公积金还剩多少": said
    before the clause, the rest of it asked), a concept asked that holds the part, the spending or
    income total a verb says ("还花了多少", "还安排了多少钱"), or the total of the part's own side
    where money is said plainly ("基本支出以外的钱"); else None."""
    if (WITHIN_RE.search(before) or rest_said and CLAUSE_BEFORE_RE.search(before)) and \
            (lib.row_names_in(before) or any(not c.generic for c in lexicon().concepts_in(before))) \
            or rest_said and _named_last(lib, before):
        return ""
    if holds_part:
        return holds_part[0].name
    # ("花的钱里，项目支出以外的有多少": the money spent, said as the whole the part is taken from)
    if SPENDING_RE.search(after) or ALLOCATED_RE.search(after) or WITHIN_RE.search(before) and SPENDING_RE.search(before):
        return "本年支出合计"
    if INCOME_RE.search(after):
        return "本年收入合计"
    # ("基本支出以外的钱一共有多少": money said plainly is of the part's own side)
    side = {"支出": "本年支出合计", "收入": "本年收入合计"}
    named = [m.concept.name for m in lexicon().concepts_in(part) if not m.generic]
    return next((total for word, total in side.items() if named and all(word in n for n in named)), None) \
        if PLAIN_MONEY_RE.search(after) else None


def _whole_asked_before(q: QueryPlan, asked: QueryPlan, rest_said: bool) -> str | None:
    """The one concept the turn before asked, when this turn only takes a part off it and asks
    the rest ("人员经费花了多少" then "扣掉工资福利那块，还剩多少")."""
    if not rest_said or asked.names_something or q.before is None or len(q.before.concepts) != 1:
        return None
    return q.before.concepts[0].name


def _named_last(lib: Library, before: str) -> bool:
    """The words right before the aside name a whole ("公用经费扣掉三公经费，还剩多少": 公用经费
    less it), not a department or a year ("阳泉民政局24年扣掉…")."""
    key = match_key(re.sub(r"(?:的|那一?[块部分项]+|这一?[块部分项]+)$", "", before.rstrip("，, ")))
    return any(key.endswith(name) for name in lib.row_names_in(key)) or \
        any(m.end == len(key) and not m.generic for m in lexicon().concepts_in(key))


def _less_the_inside_part(found: Answer, gap: Figure, whole: Figure, part: Figure, cited: Citation):
    """The whole less the part read inside it (not the part's figure the comparison took), its cell
    cited in place of the other: (answer, difference, part), or None where the part is larger."""
    places = max(decimals(whole.value), decimals(part.value))
    rest = round((whole.value_yuan - part.value_yuan) / YUAN_PER_UNIT[whole.unit], places)
    if rest < 0:
        return None  # (another scope: nothing to subtract)
    gap = replace(gap, value=fmt(rest, places), unit=whole.unit, value_yuan=rest * YUAN_PER_UNIT[whole.unit])
    return replace(found, citations=[c for c in found.citations if c.row != part.label][:1] + [cited]), gap, part


def _named_for(lib: Library, q: QueryPlan, text: str) -> str:
    """The department and year to say before ``text`` when it names none: they were said
    elsewhere in the question, or in the question before ("除了因公出国的，剩下的三公经费是多少")."""
    if lib.resolver.resolve(text, lib.latest_year).departments or len(q.departments) != 1 or len(q.years) > 1:
        return ""
    return lib.resolver.display(q.departments[0]) + "".join(f"{y}年" for y in q.years)  # (no year said: the latest)


def _part_inside(lib: Library, router: Router, asked: str, docs: list, part: str) -> tuple[Figure, Citation] | None:
    """The part read inside the whole said before it ("基本支出里人员经费是多少"): its one figure in
    a money unit and its cell, else None (also where what was found does not carry the part's name:
    another figure, not the part)."""
    found = router.routed(understand(asked, lib), docs)
    if found.status != ANSWERED or len(found.figures) != 1 or not found.citations or \
            found.figures[0].unit not in YUAN_PER_UNIT or found.figures[0].value_yuan is None:
        return None
    named = {match_key(part), *(match_key(w) for m in lexicon().concepts_in(part) for w in m.concept.words())}
    carried = match_key(f"{found.figures[0].label}/{found.citations[0].row}/{found.citations[0].column}")
    if not any(n and n in carried for n in named):
        return None
    return found.figures[0], found.citations[0]


