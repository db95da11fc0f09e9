"""Questions put the way exam papers put them (行测 资料分析): a blank to fill ("为____万元",
"是（　）"), options A–D written into the question, or a statement to mark true or false
("判断对错：…。", "…。（对/错）"). The blank is asked as 多少 (or, where the options are names, as
which of them); figures given as options are left out of the question so they are never read as
amounts asked about; the option the answer's headline matches is named; a statement is asked as
"…，对吗？", the claim check it is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from core.text import chinese_number, match_key, parse_amount
from qa.model import Answer

BLANK_RE = re.compile(r"_{2,}|＿{2,}|（\s*）|\(\s*\)|【\s*】|\[\s*\]")
OPTION_MARK_RE = re.compile(r"(?:(?<=[\s。.？?，,；;:：）)])|^)[（(]?([A-DＡ-Ｄ])[）)]?\s*[.．、:：]\s*")
CHOICE_WORDS_RE = re.compile(r"下列|以下|如下")
LAST_OPTION_END_RE = re.compile(r"[；;。？?]\s*(?=\S)")
WHICH_RE = re.compile(r"哪(?:一|个)?(?:项|个|种|类)?")
# how near an option must be to the computed figure to be the one meant ("约为7.2倍": 7.18)
OPTION_TOLERANCE = 0.05
# "判断对错：", "判断正误：", "请判断：", "判断题：": a statement to mark, before it …
TRUE_FALSE_LEAD_RE = re.compile(r"^\s*(?:请)?判断(?:题|一下)?(?:对错|正误|真假|是否正确)?\s*[：:]\s*")
# … or after it ("（对/错）", "（√/×）", "对还是错？", "是否正确？")
TRUE_FALSE_TAIL_RE = re.compile(r"[，,。.]?\s*(?:[（(]\s*(?:对|√|正确|是)\s*[/／、或]\s*(?:错|×|错误|否)\s*[）)]|"
                                r"(?:这句话|这种说法|这个说法|说法)?(?:对还是错|是对是错|对不对|是否正确|正确吗|正确与否)[？?]?)\s*$")


@dataclass
class ExamForm:
    text: str  # the question asked plainly
    options: list[str]  # as written, in order A, B, C …
    figures: bool  # the options are figures (not names)


def exam_form(question: str) -> ExamForm:
    """The question without its blank and options (see module docstring)."""
    if (statement := _true_false_statement(question)) is not None:
        return ExamForm(f"{statement}，对吗？", [], False)
    marks = list(OPTION_MARK_RE.finditer(question))
    letters = [match_key(m.group(1)).upper() for m in marks]
    options: list[str] = []
    if len(marks) >= 2 and letters == [chr(ord("A") + i) for i in range(len(marks))]:
        # (the last option ends at a clause's end: "C. 其他社会保障和就业支出；再说说主要由哪几款组成" asks on)
        last = LAST_OPTION_END_RE.search(question, marks[-1].end())
        ends = [m.start() for m in marks[1:]] + [last.start() if last else len(question)]
        options = [question[m.end():end].strip(" 　;；,，。.") for m, end in zip(marks, ends)]
        question = question[:marks[0].start()].rstrip() + (question[last.end():] if last else "")
    figures = bool(options) and all(_option_amount(o) is not None for o in options)
    if options and not figures:
        listed = "、".join(options)
        if CHOICE_WORDS_RE.search(question):
            question = CHOICE_WORDS_RE.sub(f"{listed}这几项", question, count=1)
        elif BLANK_RE.search(question):
            question = BLANK_RE.sub(f"{listed}中的哪一项", question, count=1)
        elif (which := WHICH_RE.search(question)) is not None:
            question = f"{question[:which.start()]}{listed}中{question[which.start():]}"
        else:
            question = f"{question}（{listed}）"
    # (options that are percentages ask a rate or a share: "比上年增长约（ ）。A.6.11% B.31.79%")
    asked = "百分之几" if figures and all(o.rstrip().endswith(("%", "％")) for o in options) else "多少"
    return ExamForm(BLANK_RE.sub(asked, question), options, figures)


def _true_false_statement(question: str) -> str | None:
    """The statement of a true/false item without its marks, None for any other question."""
    lead, tail = TRUE_FALSE_LEAD_RE.search(question), TRUE_FALSE_TAIL_RE.search(question)
    if lead is None and (tail is None or "判断" not in question and "（" not in tail.group(0) and "(" not in tail.group(0)):
        return None  # ("…对不对？" alone is a fact-check the claim route reads as it is)
    statement = question[lead.end() if lead else 0:tail.start() if tail else len(question)]
    return statement.strip(" 　。.；;，,") or None


def option_chosen(form: ExamForm, answer: Answer) -> str:
    """The letter of the option the answer's headline figure (or its top item) is, "" if none."""
    if not form.options or not answer.figures and not answer.items:
        return ""
    if form.figures:
        # (the figures in the answer's order: "是多了还是少了？A. 少了63.56万元…" is decided by the gap,
        # signed, though the larger figure leads)
        sizes = [_option_amount(o) for o in form.options]
        for value in (v for f in answer.figures if (v := parse_amount(f.value)) is not None):
            near = [(abs(s - value), n) for n, s in enumerate(sizes)
                    if s is not None and abs(s - value) <= max(abs(value), 1) * OPTION_TOLERANCE]
            if near:
                return chr(ord("A") + min(near)[1])
        return ""
    said = match_key(" ".join([f.label for f in answer.figures[:1]] + [i.label for i in answer.items[:1]]))
    places = [chinese_number(m.group(1)) if (m := PLACE_OPTION_RE.fullmatch(match_key(o))) else None for o in form.options]
    if all(places) and (placed := PLACE_SAID_RE.search(said)):
        # ("住房保障支出排第几？A. 第一 B. 第二": the place the ranking gives the item named)
        chosen = [n for n, p in enumerate(places) if p == chinese_number(placed.group(1))]
    else:
        chosen = [n for n, o in enumerate(form.options) if match_key(o) and match_key(o) in said]
    return chr(ord("A") + chosen[0]) if len(chosen) == 1 else ""


# an option that is a place in a ranking ("第二", "排第3名"), and the place a standing answer gives its item
PLACE_OPTION_RE = re.compile(r"排?第([一二三四五六七八九十\d]+)(?:名|位|大|多)?")
PLACE_SAID_RE = re.compile(r"排第([一二三四五六七八九十\d]+)")

# an option's amount said as a fall ("少了63.56万元", "下降5%"): the gap below zero
FALL_SAID_RE = re.compile(r"少|减|降|低|缩")


def _option_amount(option: str) -> float | None:
    """The number an option gives ("7.2", "49.89%", "5.2倍"; "少了63.56万元" below zero), None for a name."""
    amount = parse_amount(re.sub(r"[^\d.\-]", "", option) or "x")
    return -abs(amount) if amount is not None and FALL_SAID_RE.search(option) else amount
