"""A what-if on one printed figure inside another ("政府采购里服务那块如果压减20%，采购总额会变成多少",
"公务接待费要是砍掉一半，三公经费合计会变成多少", "公务用车购置费要是不花了，三公经费还剩多少",
"彩票公益金那8.5万要是当年都花掉了，本年支出合计会变成多少"): the part and the whole are each
asked as questions of their own (the whole as a follow-up, so it keeps the department and year)
and cited; the whole is worked with the part's change. The supposition is the asker's, said so.
A rate applied to one figure alone ("三公经费要是再压减10%，是多少") is qa.routes.own's.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from core.model import YUAN_PER_UNIT
from core.text import arabic_amounts, chinese_number, parse_amount
from core.vocab import CUT_WORDS
from qa.answers import fmt, yuan
from qa.claims import MAGNITUDE, Claim, claims_in
from qa.model import ANSWERED, Answer, Figure

SUPPOSED = r"(?:要是|如果|假如|假设|若是?)"
CUT = rf"(?:{CUT_WORDS})"
# the part dropped altogether ("一分不花", "全砍了", "取消了", "把买车的钱去掉")
DROPPED = r"(?:一分钱?(?:都|也)?)?不花了?|取消了?|全(?:都|部)?砍(?:掉|光)?了?|砍光了?|(?:去|减|扣|拿)掉了?"
# a part taken out ("把里面买车的钱去掉"): a what-if only where what is left is asked ("还剩多少"), not
# "把基本支出去掉，项目支出有多少" (another figure named) — qa/engine's set-aside reading
REMOVED_RE = re.compile(r"(?:去|减|扣|拿)掉了?$")
# how the part changes: by a rate, a fraction, all of it, an amount, or spent in full
CHANGE_RE = re.compile(
    rf"{SUPPOSED}(?:再|又)?(?:(?P<cut>{CUT})了?(?:掉)?(?P<rate>\d+(?:\.\d+)?)\s*[%％]|(?P<half>{CUT}?掉?一半|减半)|"
    rf"(?P<tenths_cut>{CUT})了?掉?(?P<tenths>[一二三四五六七八九])成|"
    rf"(?P<none>{DROPPED}|没有了)|"
    r"(?P<more>多|增加|追加)了?(?P<amount>\d+(?:\.\d+)?)(?P<magnitude>亿|万|千)?元?|(?P<spent>(?:当年)?(?:都|全部?)?花(?:掉|完|出去)了?))")
# the whole asked after it ("，采购总额会变成多少", "，三公经费合计还剩多少")
# (or none said, in a chat: "要是出国那块全砍了，还剩多少" — the whole talked of before)
WHOLE_ASKED_RE = re.compile(r"^(?:的话)?[，,]\s*(?:(?P<whole>[^，,。？?]{2,20}?)(?:会|就|将|能)?(?:变成|变为|还剩下?|剩下|剩|是|有)"
                            r"|(?:那)?(?:还剩下?|剩下|剩))多少")
# the part said after the supposing word ("要是差旅费一分不花", "把会议费全砍了的话"): read as said before it
PART_AFTER_RE = re.compile(rf"(?:{SUPPOSED}|把)(?P<part>[^，,。？?要如假若把]{{2,16}}?(?:那块|那一块|这块|这一块)?)(?={DROPPED})")
# the part said as what would not be bought or kept ("如果万里街道2025年不买新车", "要是…不留单位预留机动
# 经费", "要是…没有那80万其他资金"): read as that part dropped (a purchase keeps its verb: 买新车)
NOT_SPENT_RE = re.compile(rf"{SUPPOSED}(?P<before>[^，,。？?]*?)(?:不(?P<bought>买|购置|购买)|不(?:留|安排|花)|(?P<none>没有|不要)了?)"
                          r"(?P<part>[^，,。？?]{2,16})(?=[，,])")
# the whole asked as a claim to check ("，2025年三公经费会不会降到30万以下", "，收入总计还过一个亿吗")
WHOLE_CLAIMED_RE = re.compile(r"^(?:的话)?[，,]\s*(?P<whole>[^，,。？?]{2,24}?)(?:会不会|会|还能|还|能不能|是不是|能)?"
                              r"(?:降到|降至|低于|少于|不到|不足|超过|高于|多于|过|达到|到)")
# more things supposed ("如果…再添10辆公车，运行维护费要多花多少"): a cost per thing as the count grows,
# which no document prints (declined, not worked)
MORE_THINGS_SUPPOSED_RE = re.compile(rf"{SUPPOSED}[^，,。？?]{{0,20}}?(?:再|多|新)(?:添|买|增加|增|配|招|购置|进)了?"
                                     r"(?:\d+|[一二两三四五六七八九十几]+)(?:辆|台|套|个|人|名)")
# an amount the part is told by ("彩票公益金那8.5万"): the asker's figure for it
TOLD_PART_RE = re.compile(r"(?:那|这)?(?P<number>\d+(?:\.\d+)?)(?P<magnitude>亿|万|千)?元?$")


@dataclass(frozen=True)
class Supposed:
    part: str  # the part, asked on its own ("阳泉民政局24年政府采购里服务那块是多少？")
    whole: str  # the whole, asked after it ("采购总额是多少？"); "" where the chat's last turn asked it
    said: str  # the change as the asker put it ("压减20%")
    factor: float  # of the part, added to the whole: -0.2 for a cut of 20%, +1 for spent in full
    amount: float | None = None  # an amount added (元), instead of a factor
    told: float | None = None  # the part as the asker told it (元), where they did
    told_said: str = ""  # as they wrote it ("8.5万")
    claim: Claim | None = None  # what the whole is put up to be ("降到30万以下"), checked against the result


def supposed(text: str) -> Supposed | None:
    """The what-if a question puts (see module docstring), None where it puts none."""
    text = NOT_SPENT_RE.sub(lambda p: f"{p.group('before')}{p.group('bought') or ''}{p.group('part')}要是"
                            f"{'没有了' if p.group('none') else '不花了'}", arabic_amounts(text), count=1)
    text = PART_AFTER_RE.sub(lambda p: f"{p.group('part')}要是", text, count=1)
    m = CHANGE_RE.search(text)
    if m is None:
        return None
    asked, claim = _whole_asked(text[m.end():])
    if asked is None or REMOVED_RE.search(m.group()) and "剩" not in text[m.end():]:
        return None
    part = text[:m.start()].rstrip("，, 的")
    if not part:
        return None
    told, told_said = None, ""
    if t := TOLD_PART_RE.search(part):
        told, told_said, part = float(t.group("number")) * MAGNITUDE[t.group("magnitude") or ""], t.group(0).lstrip("那这"), part[:t.start()]
    factor, amount = _change(m)
    whole = f"{asked.group('whole')}是多少？" if asked.group("whole") else ""
    return Supposed(f"{part}是多少？", whole, re.sub(rf"^{SUPPOSED}", "", m.group(0)), factor, amount, told, told_said, claim)


def _whole_asked(after: str) -> tuple[re.Match | None, Claim | None]:
    """The whole asked after the change: as a figure ("，采购总额会变成多少"), or as one amount put up
    to be checked ("，三公经费会不会降到30万以下": the claim with it); (None, None) where neither."""
    if (asked := WHOLE_ASKED_RE.search(after)) is not None:
        return asked, None
    if (asked := WHOLE_CLAIMED_RE.search(after)) is None:
        return None, None
    claims = claims_in(after[asked.end("whole"):])
    return (asked, claims[0]) if len(claims) == 1 and claims[0].counted is None else (None, None)


def _change(m: re.Match) -> tuple[float, float | None]:
    if m.group("rate"):
        return -float(m.group("rate")) / 100, None
    if m.group("half"):
        return -0.5, None
    if m.group("tenths"):
        return -(chinese_number(m.group("tenths")) or 0) / 10, None
    if m.group("none"):
        return -1.0, None
    if m.group("more"):
        return 0.0, float(m.group("amount")) * MAGNITUDE[m.group("magnitude") or ""]
    return 1.0, None  # spent in full: the part is added to the spending


def supposed_answer(what: Supposed, part: Answer | None, whole: Answer) -> Answer:
    """The whole worked with the part's change, both cited; the whole's answer as it is where
    either figure is missing or not money."""
    head = whole.figures[0] if whole.status == ANSWERED and whole.figures else None
    of_part = part.figures[0] if part is not None and part.status == ANSWERED and part.figures else None
    part_yuan = what.told if what.told is not None else \
        yuan(parse_amount(of_part.value), of_part.unit) if of_part is not None else None
    whole_yuan = yuan(parse_amount(head.value), head.unit) if head is not None else None
    if whole_yuan is None or (part_yuan is None and what.amount is None) or head.unit not in YUAN_PER_UNIT:
        return whole
    change = what.amount if what.amount is not None else part_yuan * what.factor
    result = whole_yuan + change
    value = fmt(round(result / YUAN_PER_UNIT[head.unit], 2), 2)
    shown_change = fmt(round(abs(change) / YUAN_PER_UNIT[head.unit], 2), 2)
    part_said = f"你给出的{what.told_said}" if what.told is not None else of_part.label if of_part is not None else ""
    formula = f"{head.value}{head.unit} {'+' if change >= 0 else '−'} {shown_change}{head.unit} = {value}{head.unit}"
    figure = Figure(value, head.unit, yuan(float(value), head.unit), f"{head.label}（假设{part_said}{what.said}）",
                    head.department, head.year, derived=True, formula=formula)
    holds = what.claim.holds(result) if what.claim is not None else None
    text = (("是。" if holds else "不是。") if holds is not None else "") + (
        f"假设{part_said}{what.said}，{head.label}约为{value}{head.unit}（{formula}）" +
        (f"，{'在' if holds else '不在'}“{what.claim.said}”之内" if holds is not None else "") +
        f"。这是按你的假设计算的，不是文件中的数字。文件中的数字：{whole.answer}" + (f" {part.answer}" if of_part is not None else ""))
    # (a part the asker told is no answer of its own: of_part is then None)
    citations = whole.citations[:1] + (part.citations[:1] if of_part is not None else []) + whole.citations[1:]
    return replace(whole, answer=text, figures=[figure, *whole.figures, *([of_part] if of_part else [])],
                   citations=citations, notes=[f"计算：{formula}", *whole.notes],
                   verdict=None if holds is None else "yes" if holds else "no")
