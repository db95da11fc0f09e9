"""A year the store holds no document for, which the next year's document speaks of: "省政协16年
部门预算是多少" is answered from the 2017 document's "（2016年度部门支出预算安排为8,648.07万元）",
quoted and cited, saying where it comes from; "临汾18年三公经费" from the 2019 sentence stating
the year's figure and its change on 2018 (2.85 + 1.91), the formula shown. Only an amount stated
right after words naming that year and what was asked, or such a sentence, answers; anything
else stays a refusal."""
from __future__ import annotations

import re
from dataclasses import replace

from core.concepts import lexicon
from core.model import YUAN_PER_UNIT
from core.text import decimals, match_key, parse_amount
from qa.answers import finish, fmt, sentence_citation, yuan
from qa.context import Library
from qa.model import LOOKUP, Answer, Figure
from index.lexical import longest_shared_run, shared_words
from qa.narrative import AMOUNT_RE, MIN_SAID_RUN, sentences
from qa.routes.stated import change_level, matching_facts, stated_answer, stated_citation, year_before
from qa.understand import QueryPlan
from qa.routes.yesno import HAS_ASKED_RE

CHANGE_RE = re.compile(r"增加|减少|增长|下降|降低|上升|持平|比|较|相比|同比")
MIN_SHARED = 4  # characters a label shares with the question, measure words included
MAX_LABEL_CHARS = 24  # between "2016年度" and its amount: the words that say what the amount is
# words of a label that say which measure or that it changed, not what: not enough to match on
MEASURE_WORDS_RE = re.compile(r"年度|年|预算|决算|安排|支出|收入|为|是|达|共|合计|总计|的")
OUTTURN_RE = re.compile(r"(?:当年)?(?:预算)?执行数|当年|实际")  # the year's outturn, as a later budget states it
# the 科目 a 编制说明 item is about, quoted at its start ("2.“社会保障和就业支出（类）…（项）”76.76万元")
SUBJECT_QUOTED_RE = re.compile(r"^\s*\d{0,2}[.、．]?\s*[“\"]([^”\"]{2,80})[”\"]")


def earlier_year_answer(lib: Library, q: QueryPlan) -> Answer | None:
    """The figure of year Y (not in the store) that a document of Y+1 for the same department
    states, when exactly one amount there is labelled with Y and with what the question asks."""
    if len(q.years) != 1 or len(q.departments) != 1:
        return None
    year = q.years[0]
    later = lib.department_documents(q.departments[0], year + 1)
    if q.operation == "count":
        return _stock_at_year_end(lib, q, later, year)
    if q.operation == "yesno" and HAS_ASKED_RE.search(q.text):
        # "临汾民政局18年有没有公务接待费": the year's figure worked out, led by 有 or 没有 as it decides
        found = earlier_year_answer(lib, replace(q, operation="value", intent="figure"))
        if found is None or not found.figures or (value := found.figures[0].value_yuan) is None:
            return None
        return replace(found, answer=("有。" if value else "没有。") + found.answer, verdict="yes" if value else "no")
    if q.operation != "value" or q.intent != "figure":
        return None
    if (derived := _from_stated_change(q, later, year)) is not None:
        return derived  # (the figure's own sentence, read by what the question names, before a label's words)
    asked = _asked(q)
    found = [(doc, s, m, label) for doc in later for s in sentences(doc) for m in _amounts_of_year(s.text, year)
             if _names(asked, label := _label(s.text, m, year)) and not (q.measure == "预算数" and OUTTURN_RE.search(label))]
    # (the labels saying most of what was asked: 机关事业单位基本养老保险缴费, not the 养老支出 款 over it)
    best = max((_said_run(asked, label) for *_, label in found), default=0)
    found = [(doc, s, m) for doc, s, m, label in found if _said_run(asked, label) == best]
    values = {round(parse_amount(m.group(1)) * YUAN_PER_UNIT[m.group(2)], 2) for _, _, m in found}
    if len(values) != 1:
        return None  # none, or several that differ: not guessed
    doc, s, m = found[0]
    printed, unit = m.group(1), m.group(2)
    text = (f"库中没有{doc.department}{year}年的公开文件；其{year + 1}年{doc.kind}公开文件写到{year}年："
            f"“{s.text.rstrip('。；;')}”，即{year}年为{printed}{unit}。")
    figure = Figure(printed, unit, yuan(parse_amount(printed), unit), f"{year}年（据{year + 1}年文件）",
                    doc.department, year)
    return finish(q, text, [figure], [sentence_citation(doc, s)],
                  [f"{year}年的数字取自{year + 1}年文件中的说明，不是{year}年文件本身。"], {parse_amount(printed)}, LOOKUP)


def _from_stated_change(q: QueryPlan, later: list, year: int) -> Answer | None:
    """Year Y's figure worked back from one sentence of Y+1's document that states both the
    year's figure and its change on the year before ("…支出决算2.85万元，…比上年减少1.91万元":
    2.85 + 1.91 = 4.76), the formula shown; None unless one such sentence, in one unit, is found."""
    asked = replace(q, years=[year + 1], intent="figure", operation="change")
    changes = [(doc, f) for _, doc, f in matching_facts(asked, later)
               if f.qualifier.startswith("比上年") and f.unit in YUAN_PER_UNIT][:1]
    if not changes:
        return None
    doc, change = changes[0]
    level = change_level(doc, change)
    if level is None:
        return None
    places = max(decimals(level.value_text), decimals(change.value_text))
    value = round(year_before(level, change), places)
    formula = f"{level.value_text} {'−' if change.qualifier == '比上年增加' else '+'} {change.value_text} = {fmt(value, places)}"
    said = [f.sentence.rstrip("。；;") for f in ((level, change) if level.sentence != change.sentence else (change,))]
    text = (f"库中没有{doc.department}{year}年的公开文件；其{year + 1}年{doc.kind}公开文件写道：“{'。'.join(said)}”，"
            f"由此推算{year}年为{formula}{change.unit}。")
    figure = Figure(fmt(value, places), change.unit, yuan(value, change.unit), f"{year}年（据{year + 1}年文件推算）",
                    doc.department, year, derived=True, formula=formula)
    cited = [stated_citation(doc, change)] + ([stated_citation(doc, level)] if level.sentence != change.sentence else [])
    return finish(q, text, [figure], cited,
                  [f"{year}年的数字由{year + 1}年文件所载的当年数和比上年的增减额推算，不是{year}年文件本身。"],
                  {value, level.value, change.value}, LOOKUP)


def _stock_at_year_end(lib: Library, q: QueryPlan, later: list, year: int) -> Answer | None:
    """"截至2022年底有几辆车" where the store has no 2022 document: the 2023 document's count of
    what the department held at the end of 2022 ("截至2022年12月31日，共有车辆7辆"), said so."""
    found = stated_answer(lib, replace(q, years=[year + 1]), later) if later else None
    if found is None or not found.figures or not found.citations:
        return None
    cited = found.citations[0]
    doc = next((d for d in later if d.doc_id == cited.doc_id), None)
    section = doc.sections[cited.section_seq].text if doc and 0 <= cited.section_seq < len(doc.sections) else ""
    # the date the stock was counted, in the sentence or the one before it in its section
    lead = "。".join(section[:max(section.find(cited.quote or ""), 0)].split("。")[-2:]) + (cited.quote or "")
    if not re.search(f"截[至止]\\s*{year}\\s*年|{year}\\s*年(?:底|末|12月31日)", lead):
        return None
    found.answer = f"库中没有{year}年的公开文件；{year + 1}年文件载有截至{year}年底的数字：{found.answer}"
    return found


def _asked(q: QueryPlan) -> str:
    """What the question asks about, in the document's words, without its asking words."""
    return re.sub(r"多少钱?|几|是|呢|吗|了", "", match_key(lexicon().in_official_words(q.rest)))


def _names(asked: str, label: str) -> bool:
    """The label says what was asked: a stretch of three characters beyond measure words
    ("三公经费"), or four characters in all that include them ("部门…预算" of 部门支出预算安排)."""
    return bool(label) and (_said_run(asked, label) >= MIN_SAID_RUN or shared_words(asked, label) >= MIN_SHARED)


def _said_run(asked: str, label: str) -> int:
    """The longest run of characters the question and a label share, measure words aside."""
    return longest_shared_run(MEASURE_WORDS_RE.sub("", asked), MEASURE_WORDS_RE.sub("", label))


def _amounts_of_year(sentence: str, year: int) -> list[re.Match]:
    """Money amounts of a sentence that come after a mention of the year, within a label's length."""
    out = []
    for m in AMOUNT_RE.finditer(sentence):
        if m.group(2) in YUAN_PER_UNIT and parse_amount(m.group(1)) is not None and \
                re.search(f"{year}年", sentence[max(0, m.start() - MAX_LABEL_CHARS):m.start()]):
            out.append(m)
    return out


def _label(sentence: str, amount: re.Match, year: int) -> str:
    """The words between the year and the amount ("2016年度部门支出预算安排为" → 部门支出预算安排);
    where they say only the measure ("2023年当年预算执行数为"), with the 科目 the sentence is about
    before them ("“…机关事业单位基本养老保险缴费支出（项）”76.76万元，…。2023年当年预算执行数为70.70万元")."""
    before = sentence[max(0, amount.start() - MAX_LABEL_CHARS):amount.start()]
    at = before.rfind(f"{year}年")
    label = re.split(f"{year}年度?", before)[-1]
    if re.search(r"[，。；（）()、]", label) or CHANGE_RE.search(label) or CHANGE_RE.search(before[max(0, at - 1):at]):
        return ""  # the year belongs to another clause, or the amount is a change on it ("比2016年增加")
    subject = SUBJECT_QUOTED_RE.match(sentence)
    if not MEASURE_WORDS_RE.sub("", OUTTURN_RE.sub("", match_key(label))) and subject:
        return match_key(subject.group(1) + label)
    return match_key(label)
