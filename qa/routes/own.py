"""A number the asker brings, worked with a document's figure: their own body's figure set
against it ("我们单位三公经费是8万元，阳泉民政局24年比我们多多少？", "…他们是我们的几倍？"), a count to
share it among ("按阳泉常住人口130万人算，…摊到每人多少钱", "要是平均分给18家养老机构，每家多少"), or a
rate to grow it by ("要是明年再涨10%，会是多少").

The asker's number is taken as told (it is in no document, so it is said to be unchecked); the
document's figure is asked as its own question (the asker's clause left out, the item and an
explicit year carried over where the asking clause does not say them) and answered with its
citation; the difference, multiple, percentage, share or grown figure is computed from the two.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from core.model import YUAN_PER_UNIT
from core.text import arabic_amounts, parse_amount
from qa.answers import exact, fmt, yuan
from qa.claims import MAGNITUDE
from qa.model import ANSWERED, UNCLEAR, Answer, Figure

WE = r"(?:我们|咱们|俺们|我|咱)"
# the asker's own figure, a clause of its own: "我们单位三公经费是8万元", "我们单位一年三公经费预算80万元"
OWN_FIGURE_RE = re.compile(
    rf"(?:^|(?<=[，,。；;！!？?]))\s*{WE}(?P<said>(?:[^，,。；;？?！!\d]|\d{{2,4}}年){{0,30}}?)(?:是|为|有|花了|用了|大概|大约|约|共|一共|才)?"
    r"(?P<number>\d+(?:\.\d+)?)(?P<magnitude>亿|千万|百万|万|千)?(?P<unit>元|块钱|块)?(?:左右)?\s*[，,。；;]")
# where the asking clause sets the document's figure against the asker's ("比我们", "是我们的")
AGAINST_US_RE = re.compile(rf"(?P<reversed>{WE}(?:单位|局|这边)?(?:比|是))|(?:比|跟|和|与|同|是)?{WE}")
MULTIPLE_ASKED_RE = re.compile(r"几倍|多少倍|倍数")
PERCENT_ASKED_RE = re.compile(r"百分之(?:几|多少)|百分比|百分之")
DIFF_ASKED_RE = re.compile(r"多(?:了|出|出来)?多少|少(?:了)?多少|差(?:了)?多少|相差|差距|差额|高(?:了|出)?多少|低(?:了)?多少|多几|少几")
# the words of the asker's clause that say whose and when, not what ("单位", "今年", "24年")
OWN_BODY_RE = re.compile(r"^(?:单位|局|街道|院|养老院|部门|这边|家|公司|学校|医院|科室|机关|处|科)+")
TIME_WORD_RE = re.compile(r"今年|去年|明年|前年|一年|每年|全年|年度|\d{2,4}年")
EXPLICIT_YEAR_RE = re.compile(r"\d{2,4}年")
THEY_RE = re.compile(r"^(?:他们|她们|人家|对方|那边)")
# a count to share the figure among: "按阳泉常住人口130万人算", "要是按单位10个人平摊", "按1000人次参训算",
# "平均分给18家养老机构"
SHARED_AMONG_RE = re.compile(
    r"(?:要是|如果|假如|假设|若)?(?:按(?:照)?|以)(?P<who>[^，,。？?\d]{0,8}?)(?P<number>\d+(?:\.\d+)?)(?P<magnitude>万|千|百)?"
    r"(?P<unit>个人|人次|名|位|人|家|个|户|项|辆)(?P<whom>[^，,。？?\d]{0,6}?)(?:来)?(?:算|计算|平摊|平均|分摊|摊)|"
    r"(?:要是|如果|假如|假设|若)?(?:平均)?(?:分给|分到|摊给|摊到|分成)(?P<number2>\d+(?:\.\d+)?)(?P<unit2>个人|名|位|人|家|个|户|项|份)(?P<whom2>[^，,。？?\d]{0,6})")
# where the share is asked: "摊到每人", "人均", "每家", "合"
PER_ASKED_RE = re.compile(r"(?:摊到|分到|平均到|合到|平均)?(?:每(?:个|一)?(?:人|家|位|户|项|个|份)|人均)(?:合|摊|能分到|分到)?|(?<=[，,])合(?=多少)")
# a rate to grow the figure by ("再涨10%", "下降20%"), said as a supposition ("要是", "如果" before it)
GROWN_BY_RE = re.compile(r"(?:再|又|继续)?(?:(?P<down>减少|下降|降低|缩减|压缩|压减|削减|核减|少|砍)|涨|增加|增长|提高|上涨|多)(?:了|掉)?"
                         r"(?P<number>\d+(?:\.\d+)?)\s*[%％]")
SUPPOSED_RE = re.compile(r"要是|如果|假如|假设|若是?")
ON_BASIS_RE = re.compile(r"在(?P<basis>[^，,。？?]{1,12}?)的?基础上")
FUTURE_WORDS_RE = re.compile(r"明年|下一年|下年|来年|今后|以后")
WOULD_BE_RE = re.compile(r"会是|会变成|会有|能有|该是|就是|将是|会达到|还剩|还有|剩下")


@dataclass(frozen=True)
class OwnFigure:
    amount: float  # in yuan; a count shared among; a rate in percent
    said: str  # as the asker wrote it ("8万元", "130万人", "10%")
    unit: str  # the unit to give a difference in (万元 where the asker said 万, else 元); "" for a count or rate
    operation: str  # "diff" | "multiple" | "percent" | "share" | "grow"
    reversed: bool  # the asker's figure is the one set against the document's ("我们比他们少多少")
    question: str  # the document's figure, asked on its own


def own_figure(text: str, names_item) -> OwnFigure | None:
    """The asker's number and what is asked of it (see module docstring), None where the
    question brings no number of its own or asks nothing computed from it. ``names_item`` says
    whether a text names an item a figure could be of."""
    text = arabic_amounts(text)
    return _against_theirs(text, names_item) or _shared_among(text) or _grown_by(text)


def _shared_among(text: str) -> OwnFigure | None:
    """"按130万人算，…摊到每人多少钱": the figure divided by the asker's count."""
    among, per = SHARED_AMONG_RE.search(text), PER_ASKED_RE.search(text)
    if among is None or per is None:
        return None
    number = float(among.group("number") or among.group("number2"))
    count = number * MAGNITUDE[among.group("magnitude") or ""]
    unit = among.group("unit") or among.group("unit2")
    whom = (among.group("whom") or among.group("whom2") or "").strip()
    rest = text[:among.start()] + text[among.end():]
    asked = _tidy(PER_ASKED_RE.sub("", rest, count=1))
    said = f"{among.group('number') or among.group('number2')}{among.group('magnitude') or ''}{unit}{whom}"
    return OwnFigure(count, said, "", "share", False, asked) if count > 0 else None


def _grown_by(text: str) -> OwnFigure | None:
    """"要是明年再涨10%，会是多少": the figure grown (or cut) by the asker's rate."""
    grown = GROWN_BY_RE.search(text)
    supposed = SUPPOSED_RE.search(text[:grown.start()]) if grown else None
    if grown is None or supposed is None or not re.search(r"多少|几", text[grown.end():]):
        return None  # ("听说涨了10%，对吗": a claim to check, no supposition)
    rate = float(grown.group("number")) * (-1 if grown.group("down") else 1)
    asked = text[:supposed.start()] + text[supposed.end():grown.start()] + text[grown.end():]
    asked = WOULD_BE_RE.sub("是", ON_BASIS_RE.sub(r"\g<basis>", FUTURE_WORDS_RE.sub("", asked)))
    return OwnFigure(rate, f"{'增长' if rate > 0 else '下降'}{grown.group('number')}%", "", "grow", False, _tidy(asked))


def _tidy(text: str) -> str:
    """The document's question without the punctuation left doubled where a clause was taken out."""
    return re.sub(r"[，,]\s*(?=[，,？?])", "", text).strip("，, ")


def _against_theirs(text: str, names_item) -> OwnFigure | None:
    """"我们单位三公经费是8万元，阳泉民政局24年比我们多多少": the asker's own figure set against."""
    own = OWN_FIGURE_RE.search(text)
    if own is None:
        return None
    asking = text[own.end():].strip()
    against = AGAINST_US_RE.search(asking)
    if against is None or not asking:
        return None
    operation = "multiple" if MULTIPLE_ASKED_RE.search(asking) else "percent" if PERCENT_ASKED_RE.search(asking) else \
        "diff" if DIFF_ASKED_RE.search(asking) else ""
    if not operation:
        return None
    magnitude = own.group("magnitude") or ""
    amount = float(own.group("number")) * MAGNITUDE[magnitude]
    said = own.group("said")
    subject = THEY_RE.sub("", asking[:against.start()].rstrip("的是 "))
    item = TIME_WORD_RE.sub("", OWN_BODY_RE.sub("", said.strip()))
    if item and not names_item(subject):
        subject += item  # "阳泉民政局24年比我们多多少": the item the asker named of their own
    if (year := EXPLICIT_YEAR_RE.search(said)) and not EXPLICIT_YEAR_RE.search(subject):
        subject = year.group(0) + subject  # "我们单位24年…，阳泉市民政局比我们多多少": the same year
    shown = f"{own.group('number')}{magnitude}{own.group('unit') or '元'}"
    return OwnFigure(amount, shown, "万元" if magnitude == "万" else "亿元" if magnitude == "亿" else "元",
                     operation, bool(against.group("reversed")), f"{subject}是多少？")


def against_own(own: OwnFigure, found: Answer) -> Answer:
    """The document's answer with the asker's number worked into its headline, where that is an
    amount of money; the document's answer as it is otherwise."""
    head = found.figures[0] if found.status == ANSWERED and found.figures else None
    if head is None:
        return found  # (not found, unclear, or several rows listed: nothing to work with)
    theirs = yuan(parse_amount(head.value), head.unit)
    if theirs is None or (own.amount <= 0 and own.operation != "grow"):
        return replace(found, answer=f"文件中的数字是{head.value}{head.unit}，不是金额，无法按你给出的{own.said}计算。{found.answer}",
                       status=UNCLEAR, figures=[], missing=["与文件中数字同一单位的数"])
    if own.operation in ("share", "grow"):
        value, unit, sentence, formula = _worked(own, head, theirs)
    else:
        value, unit, sentence, formula = _set_against(own, head, theirs)
    figure = Figure(value, unit, yuan(float(value), unit) if unit.endswith("元") else None,
                    f"{head.label}（按你给出的{own.said}计算）", head.department, head.year, derived=True,
                    formula=f"{formula} = {value}{unit}")
    text = (f"{sentence}（{formula}）。你给出的{own.said}不在公开文件中，按你说的数计算，未核对。"
            f"文件中的数字：{found.answer}")
    return replace(found, answer=text, figures=[figure, *found.figures], notes=[f"计算：{figure.formula}", *found.notes])


def _set_against(own: OwnFigure, head: Figure, theirs: float) -> tuple[str, str, str, str]:
    """The document's figure against the asker's own: (value, unit, sentence, formula)."""
    first, second = (own.amount, theirs) if own.reversed else (theirs, own.amount)
    theirs_said = f"{head.department}{head.year or ''}{'年' if head.year else ''}的数字"
    first_said, second_said = ("你给出的数字", theirs_said) if own.reversed else (theirs_said, "你给出的数字")
    if own.operation == "diff":
        value, unit = fmt(round(abs(first - second) / MAGNITUDE[own.unit[:-1]], 2), 2), own.unit
        word = "多" if first > second else "少" if first < second else "一样多，相差"
        return value, unit, f"{first_said}比{second_said}{word}{value}{unit}", \
            f"{_shown(max(first, second))} − {_shown(min(first, second))}"
    if own.operation == "multiple":
        value = fmt(round(first / second, 2), 2)
        return value, "倍", f"{first_said}是{second_said}的{value}倍", f"{_shown(first)} ÷ {_shown(second)}"
    value = fmt(round(first / second * 100, 2), 2)
    return value, "%", f"{first_said}是{second_said}的{value}%", f"{_shown(first)} ÷ {_shown(second)} × 100%"


def _worked(own: OwnFigure, head: Figure, theirs: float) -> tuple[str, str, str, str]:
    """The document's figure shared among the asker's count, or grown by their rate."""
    result = theirs / own.amount if own.operation == "share" else theirs * (1 + own.amount / 100)
    unit = _unit_wanted(own.question, head.unit, result)
    value = fmt(round(result / YUAN_PER_UNIT[unit], 2), 2)
    if own.operation == "share":
        return value, unit, f"按{own.said}平均，每份约{value}{unit}", f"{head.value}{head.unit} ÷ {own.said}"
    return value, unit, f"在{head.value}{head.unit}的基础上{own.said}，约为{value}{unit}", \
        f"{head.value}{head.unit} × (1 {'+' if own.amount > 0 else '−'} {exact(abs(own.amount))}%)"


def _unit_wanted(question: str, printed: str, amount_yuan: float) -> str:
    """The unit the question asks ("多少元"), else the printed one, else 元 for less than one of it."""
    if re.search(r"(?<![万亿])元", question):
        return "元"
    if (said := re.search(r"(万元|亿元)", question)) is not None:
        return said.group(1)
    return printed if amount_yuan >= YUAN_PER_UNIT.get(printed, 1.0) else "元"


def _shown(amount_yuan: float) -> str:
    """An amount in 万元 as the sum is written out (the two sides in one unit)."""
    return f"{fmt(round(amount_yuan / 1e4, 2), 2)}万元"
