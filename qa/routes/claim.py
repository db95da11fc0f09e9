"""A figure someone states, checked against the document: "有报道说三公经费花了13.19万元，对不对"
is answered 不对 with the printed 12.02万元 cited; "光出国就安排了839万" is checked on its own
figure; "比上年增加了25万元" against the stated or computed change; "有没有超过一千万" against
the figure asked. Each clause is read as a follow-up of the question, so it keeps its department
and year and names its own item, or the item of the clause before."""
from __future__ import annotations

import re
from dataclasses import replace

from core.concepts import lexicon
from core.schema import schema
from core.model import YUAN_PER_UNIT
from core.text import decimals, format_amount, match_key, parse_amount
from core.vocab import has_cue
from qa.answers import agreement_word, fmt, yuan
from qa.claims import Claim, asks_truth, checked_claims, claimed_share
from qa.context import Library
from qa.documents import documents
from qa.lookup import SPENDING_SUFFIX_RE
from qa.model import ANSWERED, LOOKUP, Answer, Figure
from qa.routes.compare import PERIOD_AVERAGE_RE, compare, per_period
from qa.routes.stated import stated_answer, stated_citation
from qa.routes.structure import structure_answer
from qa.routes.value import figure
from qa.routes.yesno import NARRATIVE_PLACE_RE, SAME_ASKED_RE, looked_up
from qa.understand import FUND_PART_RE, QueryPlan, understand

DOWN_RE = re.compile(r"减少|少|下降|降|节约|压减")


def check_claims(lib: Library, q: QueryPlan, docs) -> Answer | None:
    """Whether each figure the question states holds, with the printed figure that decides it; None
    when one of them cannot be looked up (nothing is confirmed on part of what was said)."""
    claims = checked_claims(q.text)
    if not claims:
        return None
    checked: list[tuple[Claim, Answer, bool]] = []
    previous = q
    asked_names = {c.name for c in q.concepts}
    for claim in claims:
        told = {m.concept.name for m in lexicon().concepts_in(claim.clause) if not m.generic}
        if told and asked_names and not told & asked_names and has_cue("figure", q.text.replace(claim.clause, "")):
            return None  # "行政编制才18个，实际有几个人啊": the 18 is told of another figure than the one asked
        # a clause with nothing but the amount ("有没有两个亿") checks the figure asked before it
        asked = _clause_plan(lib, q, claim, previous)
        if claim.change:  # (against an earlier year, or one item against another: "收入比支出多了二十来万")
            asked = replace(asked, operation=asked.operation if asked.operation in ("diff", "compare") else "change",
                            intent="compare")
        else:  # ("有没有超过…" reads as asking for a description: it asks for the figure; "150辆": a count)
            asked = replace(asked, operation="count" if claim.counted or asked.operation == "count" else "value",
                            intent="figure")
        if has_cue("rank", q.text) and not claim.change:
            # "哪一项科目花钱最多？是不是差不多五千万": the claim is of the largest item's figure
            found = structure_answer(lib, replace(q, operation="rank", intent="figure"), docs)
            found = found if found is not None and found.status == ANSWERED and found.figures else None
        elif NARRATIVE_PLACE_RE.search(claim.clause) and not claim.change and (printed := _in_tables(lib, asked, docs)):
            # "说明里写738.66万，跟表里的数对得上吗": the sentence is what is checked, against its tables,
            # never against itself; the cell that agrees, else every cell the tables print for it
            found = next((f for f in printed if (a := _amount(claim, f)) is not None and claim.holds(abs(a))), None) or \
                _together(printed)
        else:
            found = _printed(lib, asked, docs)
        if found is None:
            return None
        amount = _amount(claim, found)
        if amount is None:
            return None
        went_down = bool(DOWN_RE.search(found.figures[0].label) or amount < 0)
        holds = claim.holds(abs(amount)) and (not claim.change or went_down == bool(DOWN_RE.search(claim.clause)))
        checked.append((claim, found, holds))
        previous = asked
    return _verdict(q, checked)


def _clause_plan(lib: Library, q: QueryPlan, claim: Claim, previous: QueryPlan) -> QueryPlan:
    """What the claim's clause asks, read as a follow-up of what came before it; a clause that
    says its own department and year stands alone (nothing of the whole question is its topic)."""
    if not claim.clause or _names_no_item(lib, claim.clause) and _names_item_itself(previous):
        # ("职业年金缴费，说明里写“预算安排441.25万元”": a clause of a measure or a fund only is of
        # the item said before it, not the department's 预算 total)
        items = [c for c in previous.concepts if not c.department_total] if previous.rows else previous.concepts
        return replace(previous, text=previous.text.replace(claim.said, ""), concepts=items)
    beside = _tables_named_beside(lib, q.text, claim.clause)
    clause = _without_tables(lib, claim.clause) + beside if beside else claim.clause
    alone = understand(clause, lib)
    return alone if alone.departments and alone.years else understand(clause, lib, previous=previous)


def _names_no_item(lib: Library, clause: str) -> bool:
    """The clause names no row and no concept but a department's totals (预算, 财政拨款)."""
    rows = [r for r in lib.row_names_in(clause) if not FUND_PART_RE.fullmatch(match_key(r))]  # (a fund names no item)
    return not rows and all(m.generic or m.concept.department_total for m in lexicon().concepts_in(clause))


def _names_item_itself(q: QueryPlan) -> bool:
    """The question names a 科目 row or an item concept (not only a department's total)."""
    return bool(q.rows or q.codes or any(not c.department_total for c in q.concepts))


def _amount(claim: Claim, found: Answer) -> float | None:
    """The printed figure in the claim's terms: yuan for an amount, the number itself for a count
    (none when the figure found is money and a count was claimed, or the other way round)."""
    shown = found.figures[0]
    money = yuan(parse_amount(shown.value), shown.unit)
    if claim.counted:
        return parse_amount(shown.value) if money is None else None
    return money


def _tables_named_beside(lib: Library, question: str, clause: str) -> str:
    """The tables the question names outside the clause stating a figure ("说明里写的是738.66万元，
    这和功能分类预算表里该项的金额一致吗"): where that figure is to be checked."""
    key = match_key(question)
    named = [key[start:end] for start, end in lib.title_spans(key)]
    return "".join(f"，{title}" for title in named if title not in match_key(clause))


def _without_tables(lib: Library, clause: str) -> str:
    """The clause stating a figure without the table it says the figure is from ("三公表里公务接待费
    是28.5万，那经济分类表里的…对得上吗" checks it in the other table named)."""
    key = match_key(clause)
    for start, end in reversed(lib.title_spans(key)):
        key = key[:start] + key[end:]
    for short in sorted((s for kind in schema().table_types for s in kind.short), key=len, reverse=True):
        key = key.replace(short, "")  # ("三公表", too short to be read as a title)
    return key


def _printed(lib: Library, q: QueryPlan, docs) -> Answer | None:
    """The figure a claim is about, as the document prints it (a change: as it states it, else
    computed from the two years' cells)."""
    if q.operation in ("diff", "compare"):
        found = compare(lib, q, docs)
        return found if found is not None and found.status == ANSWERED and found.figures else None
    if q.operation == "change":
        found = stated_answer(lib, q, docs)
        if found is None or found.status != ANSWERED or not found.figures:
            across, problem = documents(lib, q)
            found = compare(lib, q, across) if problem is None else None
        return found if found is not None and found.status == ANSWERED and found.figures else None
    if PERIOD_AVERAGE_RE.search(q.text):  # "平均每个月超没超过50万": the year's figure averaged
        annual = looked_up(lib, q.reworded(PERIOD_AVERAGE_RE), docs)
        return per_period(q, annual) if annual is not None else None
    return looked_up(lib, q, docs)


def _in_tables(lib: Library, q: QueryPlan, docs) -> list[Answer]:
    """The item's figures as its tables print them: the one cell, or each of the cells a choice is
    offered between (the fund scopes of a 科目 row), one answer each; [] where no table holds it."""
    found, _ = figure(lib, q, docs)
    if found is None or not found.citations:
        return []
    if found.status == ANSWERED and found.figures:
        return [found] if found.citations[0].table_seq is not None else []
    return [Answer(q.text, f"{i.label}为{i.value}{i.unit}。", ANSWERED, LOOKUP,
                   [replace(i.figure(), department=i.citation.department, year=i.citation.year)], [i.citation])
            for i in found.items if i.citation.table_seq is not None]


def _together(printed: list[Answer]) -> Answer:
    """Several answers as one, their figures and citations in order."""
    return replace(printed[0], answer="".join(a.answer for a in printed), figures=[f for a in printed for f in a.figures],
                   citations=[c for a in printed for c in a.citations])


def _verdict(q: QueryPlan, checked: list[tuple[Claim, Answer, bool]]) -> Answer:
    """One answer: 对/不对 (or 有/没有 for "有没有超过…"), what each stated figure is against the
    printed one, then the lookups themselves with their citations."""
    yes = all(holds for _, _, holds in checked)
    truth = asks_truth(q.text) or has_cue("agree", q.text)
    if has_cue("agree", q.text):  # "写着…，跟表里的数对得上吗"
        lead = agreement_word(q.text, yes)
    elif truth:
        lead = "对" if yes else "不对"
    else:  # "有没有超过一千万" → 有 / 没有
        lead = checked[0][0].answer_word(yes)
    first = checked[0][1]
    lines = [f"{lead}。"]
    for claim, found, holds in checked:
        shown = found.figures[0]
        # (a figure the document's own text states, set against its table: the two places, not a rumour)
        own_text = NARRATIVE_PLACE_RE.search(claim.clause) and found.citations and found.citations[0].table_title
        if own_text:
            cells = "、".join(f"{f.value}{f.unit}" + (f"（{f.label}）" if len(found.figures) > 1 else "") for f in found.figures)
            lines.append(f"说明中的“{claim.said}”与表中数字{'一致' if holds else '不一致'}：表中为{cells}。")
        else:
            # (a change said the wrong way round, "涨了15万" where it fell 15万: the way said too)
            way = ("减少" if DOWN_RE.search(shown.label) or shown.value.startswith("-") else "增加") if claim.change else ""
            printed = f"{way}{shown.value.lstrip('-')}{shown.unit}"
            lines.append(f"说法“{claim.said}”{'与文件相符' if holds else '与文件不符'}：文件中为{printed}。"
                         if truth else f"文件中为{printed}。")
    gap = _gap_of_claim(q, checked)
    if gap is not None:
        lines.append(f"两者相差{gap.value}{gap.unit}。")
    # the gap heads where it is asked ("差多少"); else it follows the printed figure that decides it
    printed = [f for _, found, _ in checked for f in found.figures]
    figures = [gap] + printed if gap and GAP_ASKED_RE.search(q.text) else printed[:1] + ([gap] if gap else []) + printed[1:]
    answer = replace(first, question=q.text, answer="".join(lines) + " ".join(f.answer for _, f, _ in checked),
                     figures=figures,
                     citations=[c for _, found, _ in checked for c in found.citations],
                     notes=[n for _, found, _ in checked for n in found.notes])
    answer.verdict = "yes" if yes else "no"
    return answer


GAP_ASKED_RE = re.compile(r"差(?:了)?多少|相差多少|差距(?:是)?多(?:少|大)|差额")


def _gap_of_claim(q: QueryPlan, checked: list) -> Figure | None:
    """How far one exact amount stated is from the printed figure, where the question asks that
    ("…跟表里的数一样吗？差多少") or whether the two agree ("和表里的一样吗"), in the unit it was
    said in; none where the tables print several figures for it (a gap to which one?)."""
    if len(checked) != 1 or not (GAP_ASKED_RE.search(q.text) or has_cue("agree", q.text) or SAME_ASKED_RE.search(q.text)):
        return None
    claim, found, holds = checked[0]
    shown = found.figures[0]
    if holds or len(found.figures) > 1 or claim.counted or claim.change or shown.value_yuan is None or shown.unit not in YUAN_PER_UNIT or \
            claim.high - claim.low > 0.01 * max(claim.low, 1):
        return None  # (a bound, "五千多万", has no one gap)
    unit = "亿元" if "亿" in claim.said else "万元" if "万" in claim.said else "元"  # (in the unit it was said in)
    gap = abs((claim.low + claim.high) / 2 - shown.value_yuan) / YUAN_PER_UNIT[unit]
    return Figure(fmt(gap, 2), unit, gap * YUAN_PER_UNIT[unit], f"说法与{shown.label}之差", shown.department, shown.year,
                  derived=True)


RATE_CHECKED_RE = re.compile(r"率|完成")  # a rate put up to be checked, not a share of a whole


def share_checked(q: QueryPlan, found: Answer) -> Answer:
    """A share computed or stated, with the verdict on the share the question puts up to be
    checked ("其他收入占总收入有没有三成": 没有, 29.64%)."""
    claim = claimed_share(q.text)
    share = next((f for f in found.figures if f.unit == "%"), None) if found.status == ANSWERED else None
    # (a share set as a threshold, "有没有哪一类超过一半", was answered yes or no by the items above it)
    if claim is None or share is None or q.share_above is not None or found.verdict is not None or \
            (value := parse_amount(share.value)) is None:
        return found  # (nor where the share is already checked: "说明里写占9.55%，算得对吗")
    holds = claim.holds(value)
    lead = ("有" if holds else "没有") if claim.said.startswith("有") else ("是" if holds else "不是")
    rest = _rest_of_whole(found) if claim.low >= 100 and not holds else None
    said = f"其余{rest.value}{rest.unit}不是{rest.label}。" if rest else ""
    held = "占" if "占" in q.text or not RATE_CHECKED_RE.search(q.text) else "为"  # ("执行率到九成了吗": a rate, 为 95.89%)
    return replace(found, answer=f"{lead}。{held}{share.value}%。{said}{found.answer}", verdict="yes" if holds else "no",
                   figures=found.figures + ([rest] if rest else []))


def _rest_of_whole(found: Answer) -> Figure | None:
    """What of the whole is not the part, where "是不是全都是…" is answered no: the money that
    came from elsewhere is what the asker doubted (whole less part, in the whole's unit)."""
    money = [f for f in found.figures if not f.derived and f.value_yuan is not None and f.unit in YUAN_PER_UNIT]
    if len(money) != 2:
        return None
    part, whole = sorted(money, key=lambda f: f.value_yuan)
    gap = (whole.value_yuan - part.value_yuan) / YUAN_PER_UNIT[whole.unit]
    shown = format_amount(gap, decimals(whole.value)) if "," in whole.value else fmt(gap, decimals(whole.value))
    return Figure(shown, whole.unit, whole.value_yuan - part.value_yuan, part.label,
                  whole.department, whole.year, derived=True, formula=f"{whole.value} − {part.value}")


# whether a figure is a whole number ("是整数万元吗", "是不是整数")
WHOLE_NUMBER_ASKED_RE = re.compile(r"是(?:不是|否)?(?:为)?整数|是整数吗")
VERDICT_SAID_RE = re.compile(r"^(?:(?:是|不是|有|没有|对|不对)[。，,])+")


def whole_number_checked(q: QueryPlan, found: Answer) -> Answer:
    """A figure asked whether it is a whole number in its printed unit ("培训费预算是整数万元吗"):
    不是 where it prints a fraction other than nothing (81.60), 是 where it does not."""
    if not WHOLE_NUMBER_ASKED_RE.search(q.text) or found.status != ANSWERED or not found.figures:
        return found
    fraction = found.figures[0].value.partition(".")[2]
    whole = not fraction.strip("0")
    said = VERDICT_SAID_RE.sub("", found.answer)  # (a yes or no on something else read from "是不是": not this one)
    return replace(found, answer=f"{'是' if whole else '不是'}。{said}", verdict="yes" if whole else "no")


def guess_checked(q: QueryPlan, found: Answer) -> Answer:
    """A ranking with the verdict on the item the question guesses it finds ("哪一项最多，是差旅费
    吗", "公务接待费所占比重最高，对吗"): 是 where the item found is the one guessed, 不是 where the
    guess is another item ranked; no verdict where the guess names none of them (or several)."""
    if not q.guess or q.operation != "rank" or found.status != ANSWERED or not found.figures or not found.items:
        return found
    # (named as the item is, bar a 支出 said or not: "其他社会保障和就业支出" is no guess of 社会保障和就业支出)
    # (or by an everyday word wholly naming one concept: "公务接待" is 公务接待费)
    said = match_key(q.guess)
    whole = [m.concept for m in lexicon().concepts_in(said) if (m.start, m.end) == (0, len(said))]
    guessed = {SPENDING_SUFFIX_RE.sub("", match_key(w)) for w in [said, *(t for c in whole for t in c.terms)]}
    ranked = [i for i in found.items if SPENDING_SUFFIX_RE.sub("", match_key(i.label)) in guessed]
    if len(ranked) != 1:
        return found
    found_name = found.figures[0].label.rsplit("：", 1)[-1]
    holds = match_key(ranked[0].label) == match_key(found_name)
    return replace(found, answer=f"{'是' if holds else '不是'}。{found.answer}", verdict="yes" if holds else "no")


# a rate the question quotes from the document, to be checked ("说明写增长30%，对不对", "增加60.54%，算得对吗")
RATE_SAID_RE = re.compile(r"(\d+(?:\.\d+)?)\s*[%％]")
RATE_CHECK_RE = re.compile(r"算得?对|算错|对不对|对吗|对么|准确吗|准不准|有没有错|没错吧")
RATE_QUALIFIERS = ("增长率", "下降率")


def rate_checked(q: QueryPlan, docs) -> Answer | None:
    """A rate of change or a share the document prints, checked against its own amounts: the
    change over the year before's amount (the current amount less the change, or the earlier
    amount its sentence states), or the part over its whole (see ``_share_worked``), recomputed at
    the printed precision; 对 or 不对 with the working, each figure cited. None unless the
    question quotes a printed rate and asks whether it is right."""
    if not RATE_CHECK_RE.search(q.text):
        return None
    said = {float(m.group(1)) for m in RATE_SAID_RE.finditer(q.text)}
    key = match_key(q.text)
    # (of the rates printed with that value, the one whose subject the question says most of)
    printed = sorted(((_said_of(fact.subject, key), at, doc, fact) for doc in docs for at, fact in enumerate(doc.stated)
                      if (fact.qualifier in RATE_QUALIFIERS or fact.qualifier == SHARE_QUALIFIER) and fact.value in said),
                     key=lambda x: (-x[0], x[1]))
    for shared, at, doc, fact in printed:
        worked = _share_worked(doc, at, fact) if fact.qualifier == SHARE_QUALIFIER else _rate_worked(doc, at, fact)
        if shared >= MIN_SUBJECT_SAID and worked is not None:
            return _rate_verdict(q, doc, fact, *worked)
    return None


SHARE_QUALIFIER = "占比"


def _share_worked(doc, at: int, fact):
    """(share, formula, facts used) of a printed share: its part the amount its sentence states
    for the same subject; its whole the one the sentence names ("占政府采购支出总额的12.34%": the
    amount stated of that subject, or of a concept whose parts the document states, each as a share
    of it, summed), else the total the section opens with ("一般公共预算财政拨款支出307.82万元，主要用于
    以下方面：…住房保障支出（类）29.42万元，占9.55%"). None where either is not there."""
    part = next((f for f in doc.stated[at::-1] if f.sentence == fact.sentence and f.subject == fact.subject
                 and f.unit in YUAN_PER_UNIT), None)
    if part is None or not part.value:
        return None
    named = re.search(rf"占(.{{2,16}}?)的?{re.escape(fact.value_text)}\s*%", match_key(fact.sentence))
    wholes = _named_whole(doc, named.group(1), part) if named else _section_total(doc, part)
    if not wholes:
        return None
    total = sum(yuan(w.value, w.unit) for w in wholes)
    if not total:
        return None
    formula = f"{part.value_text} ÷ " + (wholes[0].value_text if len(wholes) == 1 else
                                         f"({' + '.join(w.value_text for w in wholes)})")
    return yuan(part.value, part.unit) / total * 100, formula, [part, *wholes]


def _named_whole(doc, named: str, part) -> list:
    """The whole a share's sentence names: the amount stated of that subject ("政府采购支出总额":
    政府采购支出), else the amounts of the concept's parts, each stated as a share of it."""
    bare = re.sub(r"(?:总额|总计|合计|总数)$", "", named)
    said = [m.concept for m in lexicon().concepts_in(named) if not m.generic]
    money = [f for f in doc.stated if f.unit in YUAN_PER_UNIT and f.value is not None and f.qualifier in ("", "决算", "预算")]
    stated = [f for f in money if f is not part and (match_key(f.subject) == bare or f.concept in {c.name for c in said})]
    if stated:
        return stated[:1]
    concept = next((c for c in said if c.parts), None)
    if concept is None:
        return []
    listed = [f for f in money if f.concept in concept.parts.concepts and f"占{named}" in match_key(f.sentence)]
    return listed if sorted(f.concept for f in listed) == sorted(concept.parts.concepts) else []


def _section_total(doc, part) -> list:
    """The amount a section opens with, the whole its parts' shares are of, when the part is not it."""
    first = next((f for f in doc.stated if f.section_seq == part.section_seq and f.unit in YUAN_PER_UNIT
                  and f.value is not None), None)
    return [first] if first is not None and first is not part and first.sentence != part.sentence else []


MIN_SUBJECT_SAID = 4  # characters of the rate's subject the question must say ("三公经费", "住房保障")


def _said_of(subject: str, key: str) -> int:
    """How many characters in a row of the rate's subject the question says (its longest run)."""
    name = re.sub(r"[“”\"（）()]", "", match_key(subject))
    return max((n for i in range(len(name)) for n in range(len(name) - i, 0, -1) if name[i:i + n] in key), default=0)


def _rate_worked(doc, at: int, fact):
    """(rate, formula, facts used) from the amounts the rate's sentence (or its subject's sentence
    before it) states; None where they are not there."""
    money = [f for f in doc.stated if f.sentence == fact.sentence and f.unit in YUAN_PER_UNIT]
    change = next((f for f in money if f.qualifier.startswith("比上年")), None)
    if change is not None:
        current = next((f for f in doc.stated[at::-1] if f.subject == fact.subject and f.qualifier in ("", "决算")
                        and f.unit == change.unit), None)  # (the year's own amount: no 全年预算 said beside it)
        if current is None:
            return None
        before = current.value - change.value if fact.qualifier == "增长率" else current.value + change.value
        if before <= 0:
            return None
        sign = "-" if fact.qualifier == "增长率" else "+"
        return change.value / before * 100, (f"{change.value_text} ÷ ({current.value_text} {sign} {change.value_text})"), [current, change]
    plain = [f for f in money if not f.qualifier]
    if len(plain) < 2 or not plain[0].value:
        return None
    first, last = plain[0], plain[-1]
    return abs(last.value - first.value) / first.value * 100, f"|{last.value_text} - {first.value_text}| ÷ {first.value_text}", [first, last]


def _rate_verdict(q: QueryPlan, doc, fact, rate: float, formula: str, used: list) -> Answer:
    places = decimals(fact.value_text)
    right = round(rate, places) == round(fact.value, places)
    how = {"增长率": "增长", "下降率": "下降"}.get(fact.qualifier, "占")
    text = (f"{'对' if right else '不对'}。文件写{fact.subject}{how}"
            f"{fact.value_text}%；按文件中的数计算：{formula} × 100% = {rate:.2f}%"
            f"{'，与所写一致' if right else f'，与所写的{fact.value_text}%不符'}。")
    figures = [Figure(f"{rate:.2f}", "%", None, f"{fact.subject}（按文件数字重算）", doc.department, doc.year, derived=True,
                      formula=formula),
               Figure(fact.value_text, "%", None, f"{fact.subject}（文件所写）", doc.department, doc.year)]
    # (the amounts the rate is worked from first: what the recomputed figure rests on)
    found = Answer(q.text, text, ANSWERED, LOOKUP, figures, [stated_citation(doc, f) for f in used] + [stated_citation(doc, fact)])
    found.verdict = "yes" if right else "no"
    return found


# a sum of told figures put up against a told total ("人员经费95.36万加公用经费10.23万，是不是正好等于基本支出105.58万")
TOLD_SUM_RE = re.compile(r"(?P<a>\d+(?:\.\d+)?)\s*万?元?[^，,。？?\d]{0,12}?(?:加上?|\+|＋)[^，,。？?\d]{0,16}?(?P<b>\d+(?:\.\d+)?)\s*万?元?"
                         r"[^。？?\d]{0,12}?(?:等于|是)[^。？?\d]{0,16}?(?P<c>\d+(?:\.\d+)?)")


def told_sum_checked(q: QueryPlan, found: Answer) -> Answer:
    """The claims checked, and the sum they are put up as: whether the first two told figures add up
    to the third is worked out here (95.36 + 10.23 = 105.59, not 105.58). The answer as found where
    no such sum is told, or a told figure the claims check read is not the document's (it may not
    read every told figure: the sum is of them as told)."""
    m = TOLD_SUM_RE.search(q.text)
    if m is None or found.verdict == "no":
        return found
    a, b, c = (float(m.group(g)) for g in "abc")
    places = max(decimals(m.group(g)) for g in "abc")
    total = round(a + b, places)
    equal = total == round(c, places)
    lead = (f"{'是' if equal else '不是'}。{m.group('a')}＋{m.group('b')}＝{fmt(total, places)}，"
            f"{'正好等于' if equal else '不等于'}{m.group('c')}" + ("" if equal else f"（相差{fmt(abs(total - c), places)}）") + "。")
    head = found.figures[0] if found.figures else Figure("", "", None, "", "", None)
    figure = Figure(fmt(total, places), head.unit, None, "所说两项之和", head.department, head.year,
                    derived=True, formula=f"{m.group('a')} + {m.group('b')}")
    body = VERDICT_SAID_RE.sub("", found.answer)
    return replace(found, answer=lead + body, figures=[figure, *found.figures], verdict="yes" if equal else "no")
