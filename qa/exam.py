"""Questions put the way exam papers put them (行测 资料分析): a blank to fill ("为____万元",
"是（　）") and options A–D written into the question. The blank is asked as 多少 (or, where the
options are names, as which of them); figures given as options are left out of the question so
they are never read as amounts asked about; the option the answer's headline matches is named.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from core.text import match_key, parse_amount
from qa.model import Answer

BLANK_RE = re.compile(r"_{2,}|＿{2,}|（\s*）|\(\s*\)|【\s*】|\[\s*\]")
OPTION_MARK_RE = re.compile(r"(?:(?<=[\s。.？?，,；;:：）)])|^)[（(]?([A-DＡ-Ｄ])[）)]?\s*[.．、:：]\s*")
CHOICE_WORDS_RE = re.compile(r"下列|以下|如下")
WHICH_RE = re.compile(r"哪(?:一|个)?(?:项|个|种|类)?")
# how near an option must be to the computed figure to be the one meant ("约为7.2倍": 7.18)
OPTION_TOLERANCE = 0.05


@dataclass
class ExamForm:
    text: str  # the question asked plainly
    options: list[str]  # as written, in order A, B, C …
    figures: bool  # the options are figures (not names)


def exam_form(question: str) -> ExamForm:
    """The question without its blank and options (see module docstring)."""
    marks = list(OPTION_MARK_RE.finditer(question))
    letters = [match_key(m.group(1)).upper() for m in marks]
    options: list[str] = []
    if len(marks) >= 2 and letters == [chr(ord("A") + i) for i in range(len(marks))]:
        ends = [m.start() for m in marks[1:]] + [len(question)]
        options = [question[m.end():end].strip(" 　;；,，。.") for m, end in zip(marks, ends)]
        question = question[:marks[0].start()].rstrip()
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


def option_chosen(form: ExamForm, answer: Answer) -> str:
    """The letter of the option the answer's headline figure (or its top item) is, "" if none."""
    if not form.options or not answer.figures and not answer.items:
        return ""
    if form.figures:
        value = parse_amount(answer.figures[0].value) if answer.figures else None
        if value is None:
            return ""
        sizes = [_option_amount(o) for o in form.options]
        near = [(abs(s - value), n) for n, s in enumerate(sizes) if s is not None and abs(s - value) <= max(abs(value), 1) * OPTION_TOLERANCE]
        return chr(ord("A") + min(near)[1]) if near else ""
    said = match_key(" ".join([f.label for f in answer.figures[:1]] + [i.label for i in answer.items[:1]]))
    chosen = [n for n, o in enumerate(form.options) if match_key(o) and match_key(o) in said]
    return chr(ord("A") + chosen[0]) if len(chosen) == 1 else ""


def _option_amount(option: str) -> float | None:
    """The number an option gives ("7.2", "49.89%", "5.2倍"), None for a name."""
    return parse_amount(re.sub(r"[^\d.\-]", "", option) or "x")
