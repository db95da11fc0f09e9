"""Figures a question states in order to have them checked: "有报道说三公经费花了13.19万元，对不对",
"有没有超过一千万", "比23年多了几十万元，真的吗", "一分钱都没花，是真的吗".

Each claim is a range of yuan the speaker commits to (an exact figure to its last printed digit,
"几十万" as ten to a hundred 万, "超过一千万" as anything above), with the clause that says what it
is a figure of. Checking a claim is the claim route's business; this module only reads them.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from core.text import chinese_number, decimals
from core.vocab import YEAR_BEFORE, claim_words, claimed_multiples, has_cue

OVER_A_LITTLE = 0.3  # "出头": up to this much of the number's leading place over it ("三十出头": 30 to 33)
MAGNITUDE = {"亿": 1e8, "千万": 1e7, "百万": 1e6, "万": 1e4, "千": 1e3, "百": 100, "": 1}
VAGUE, BOUNDS = claim_words()
# two numerals side by side say a span ("三四十万": 30万 to 50万; "一亿八九千万": 1.8亿 to 2亿)
NEIGHBOURS_RE = re.compile(r"(?:(?P<lead>[一二两三四五六七八九十]+)(?P<lead_magnitude>亿|万))?"
                           r"(?P<a>[一两二三四五六七八])(?P<b>[二三四五六七八九])(?P<place>[十百千])")
NUMBER = r"\d+(?:\.\d+)?|" + "|".join(sorted(VAGUE, key=len, reverse=True)) + "|" + re.sub(r"\?P<\w+>", "?:", NEIGHBOURS_RE.pattern) + \
    r"|[一二两三四五六七八九十][一二两三四五六七八九十百千零]*(?=个?[多来]?(?:亿|千万|百万|万))"
# the measure words of a count claimed ("有150辆公车", "好几个项目"); a bare 几 before one asks
COUNTED = "辆|台|套|个|项|人|名|家|处|次"
# (the 过 of a verb, "买过一辆", says it happened, no floor)
BOUND = "|".join(r"(?<![买用花去来做经通看听办拿发给配])过" if w == "过" else w
                 for w in sorted({w for words in BOUNDS.values() for w in words}, key=len, reverse=True))
CLAIM_RE = re.compile(
    rf"(?:(?P<bound>{BOUND})了?)?"
    # (not the 百 of a percentage, "超过百分之二十": a share, claimed_share's)
    rf"(?P<number>{NUMBER})(?!分之)个?(?P<more>多|来)?个?(?P<magnitude>亿|千万|百万|万|千|百)?(?!分之)(?P<more2>多)?(?P<unit>元|块钱|块)?"
    rf"(?P<after>以上|以下|左右|出头)?")
# a count claimed ("有150辆公车", "好几个项目", "超过100辆"); not "两个亿" (an amount), nor "几个" (asked),
# nor a one-character floor word before a measure word ("上个月", "通过项目")
COUNT_CLAIM_RE = re.compile(
    rf"(?<![这那前后头第每哪])(?:(?P<bound>{BOUND})了?)?(?P<number>\d+|{'|'.join(w for w in VAGUE if len(w) > 1)}|[一二两三四五六七八九十][一二两三四五六七八九十百千零]*)"
    rf"(?P<more>多|来)?(?P<counted>{COUNTED})(?![多来]?(?:亿|千万|百万|万|元|块))(?![^，,。？?]{{0,6}}(?:都|也)没)(?P<magnitude>)(?P<more2>)(?P<unit>)"
    rf"(?P<after>以上|以下|左右|出头)?")
# nothing at all, said to be checked: "一分钱都没花", "一分三公预算都没有", "分文未用", "是0"
ZERO_RE = re.compile(r"一分钱?(?:都|也)?没(?:有)?花|一分钱?(?P<item>[^，,。？?\d]{0,8}?)(?:都|也)没(?:有)?(?:花|用|安排)?|"
                     rf"一(?P<measure>{COUNTED})(?P<counted>[^，,。？?\d]{{0,6}}?)(?:都|也)没(?:有)?(?P<verb>买|购置|配|招|安排|花|用)?|"
                     r"(?<!有)没(?:有)?花(?:一分)?钱|分文未(?:花|用)|(?:是|为)(?:零|0)(?:元|万元)?(?![.\d])")
# a span claimed, both ends said ("在10万到50万之间", "10到50万元之间", "1000万至2000万元")
RANGE_RE = re.compile(r"在?(?P<a>\d+(?:\.\d+)?)(?P<ma>亿|万)?元?(?:到|至|~|～|－|-)(?P<b>\d+(?:\.\d+)?)(?P<mb>亿|万)元?(?:之间|以内|范围内?)?")
CHANGE_CLAUSE_RE = re.compile(rf"(?:比|较|和|跟|与)(?:{YEAR_BEFORE}|前年|\d{{2,4}}年).{{0,8}}(?:增加|减少|多|少|增长|下降|涨|降|上升|减|提高|压缩)"
                              r"|比[^，,。？?]{1,12}?(?:多|少)(?:了|出)?")  # (or one item against another)
CHANGED_BY_RE = re.compile(r"(?:多|少|增加|减少|增长|下降|涨|降|压减|压缩|削减|缩减|核减|提高|降低)了")
ATTRIBUTE_RE = re.compile(r"(?:\(含\)|（含）)?(?:以上|以下)?的(?!样子|水平|规模)")  # (not "一亿八九千万的样子": about that)
# "超没超过50万", "够不够": asked either way, read as said once ("超过50万"; 有没有 keeps its own words)
A_NOT_A_RE = re.compile(r"([^\W\d有是])[没不]\1")
CLAUSE_SPLIT_RE = re.compile(r"[，,；;。？?！!]")


@dataclass(frozen=True)
class Claim:
    said: str  # as the question writes it ("5万多元")
    low: float  # yuan; the claim holds for low <= figure < high (equal ends for an exact zero)
    high: float
    clause: str  # the clause stating it, without the amount ("光出国就安排了")
    change: bool  # a change against an earlier year ("比上年增加了25万元")
    asked: bool  # its clause asks whether it holds ("有没有超过一千万")
    counted: str | None = None  # the measure word of a count ("辆"): low and high are then counts, not yuan

    def holds(self, amount: float) -> bool:
        if self.low == self.high:
            return abs(amount - self.low) < 0.005
        return self.low <= amount < self.high

    def answer_word(self, holds: bool) -> str:
        """有 / 没有 for "有没有超过一千万", else 是 / 不是."""
        return ("有" if holds else "没有") if self.said.startswith("有") else ("是" if holds else "不是")


# the words that make a sentence ask rather than state
# (a choice between two things asks too: "105万多，主要是人员经费还是公用经费"; not one between two amounts)
ASKING_WORD_RE = re.compile(r"多少|几|哪|什么|啥|吗|么|呢|吧|嘛|咋|是否|是不是|有没有|有无|怎么|怎样|为何|为啥|如何|多大|多高|谁|到底|用途"
                            r"|还是(?![\d一二三四五六七八九十两几])")


def asks_truth(text: str) -> bool:
    """The question puts a statement up to be confirmed ("…，对不对", "是真的吗"), or ends with a
    figure stated with only a question mark to ask by ("三公一共才花了2.85元？", "有1270辆公车？";
    not a sum said so, "…加一块一千多万？", which the sum answers)."""
    last = (re.findall(r"[^？?。！!]+[？?]\s*$", text) or [""])[0]
    return has_cue("truth", text) or bool(last and claims_in(last) and not ASKING_WORD_RE.search(last)
                                          and not ADDED_RE.search(last))


ADDED_RE = re.compile(r"加(?:起来|一起|在一起|一块儿?|上)|之和|总和|合起来")  # figures added, the sum said


def claims_in(text: str) -> list[Claim]:
    """The money and count claims a question states, in order. Numbers that are years, codes, percentages or
    counts asked are none: a claim needs a money magnitude (万/亿), a unit (元/块) or a measure word
    said with a number ("150辆", "好几个"), which makes it a count claimed."""
    found = []
    for said, clause in zip(CLAUSE_SPLIT_RE.split(text), CLAUSE_SPLIT_RE.split(A_NOT_A_RE.sub(r"\1", text))):
        # ("比上一年多了多少？是不是多了一千多万": a clause that only says 多了 goes on with the change asked)
        change = bool(CHANGE_CLAUSE_RE.search(clause) or (CHANGED_BY_RE.search(clause) and CHANGE_CLAUSE_RE.search(text)))
        asked = has_cue("yesno", said)
        in_clause = []
        if (span := RANGE_RE.search(clause)) is not None:
            # ("在10万到50万之间吗": one claim, both ends in it)
            low, high = span_yuan(span)
            rest = (clause[:span.start()] + clause[span.end():]).strip()
            found.append(Claim(span.group(0), low, high + 0.005, rest, change, asked))
            continue
        for m in _amounts_and_counts(clause):
            if not (m.group("magnitude") or m.group("unit") or m.groupdict().get("counted")) or re.match(r"年|%|％", clause[m.end():]) or \
                    ATTRIBUTE_RE.match(clause[m.end():]) or clause[:m.start()].endswith(("单价", "哪", "第", "那", "这", "那笔", "这笔")):
                # "单价100万以上的设备": a bound describing what is counted; "分成哪几块": a question;
                # "那8.5万一分都没花": the figure said before, pointed back at (what is claimed of it follows)
                continue
            if (span := _span(m)) is not None:
                # ("有150辆公车" asks "有多少辆公车": the count's measure word says what is counted)
                asked_for = f"多少{m.groupdict()['counted']}" if m.groupdict().get("counted") else ""
                rest = (clause[:m.start()] + asked_for + clause[m.end():]).strip()
                said = m.group(0).replace("几10", "几十").replace("数10", "数十")  # (as arabic_amounts left it)
                in_clause.append(Claim(said, *span, rest, change, asked, m.groupdict().get("counted")))
        if not in_clause and (zero := ZERO_RE.search(clause)):
            # (the item said inside the phrase stays in the clause: "一分三公预算都没有" is of 三公预算;
            # "一辆车都没买" is of the vehicles bought, a flow; the verb said stays)
            # ("一辆公务车都没有" asks "有多少辆公务车": a count, its measure word saying what is counted)
            counted = zero.group("counted") is not None
            done = f"{zero.group('verb') or '有'}多少{zero.group('measure')}{zero.group('counted')}" if counted else \
                f"{zero.group('item') or ''}花了"
            in_clause.append(Claim(zero.group(0), 0.0, 0.0, clause.replace(zero.group(0), done), change, asked,
                                   zero.group("measure") if counted else None))
        found += in_clause
    return found


def span_yuan(m: re.Match) -> tuple[float, float]:
    """The two ends of a span said (a RANGE_RE match), in yuan; the first end in the second's
    magnitude where it says none ("10到50万")."""
    return float(m.group("a")) * MAGNITUDE[m.group("ma") or m.group("mb")], float(m.group("b")) * MAGNITUDE[m.group("mb")]


def _amounts_and_counts(clause: str) -> list[re.Match]:
    """Amounts said in the clause, then counts said where no amount is."""
    amounts = [m for m in CLAIM_RE.finditer(clause) if m.group("number") and not _pieces_asked(m)]
    counts = [m for m in COUNT_CLAIM_RE.finditer(clause)
              if not any(a.start() < m.end() and m.start() < a.end() and (a.group("magnitude") or a.group("unit")) for a in amounts)]
    return sorted(amounts + counts, key=lambda m: m.start())


def _pieces_asked(m: re.Match) -> bool:
    """"由哪几块组成", "几块加起来": a vague number before a bare 块 counts pieces, no amount of
    money ("才几块钱" says 钱)."""
    return m.group("unit") == "块" and m.group("number") in VAGUE and not m.group("magnitude")


# a change claimed in tenths of the earlier figure ("少了六成多": a fall of 60% to 70%; "增长了三成": 25% to 35%)
TENTHS_CHANGE_RE = re.compile(r"(?P<way>减少|下降|降低|少|减|降|缩水|增加|增长|多|涨|上升|提高)了?"
                              # (with a bound said before the tenths: "涨了超过三成", "降了不到两成")
                              rf"(?:(?P<bound>{BOUND})了?)?(?P<n>[一二两三四五六七八九1-9])成(?P<more>多)?")
FALLS = ("减少", "下降", "降低", "少", "减", "降", "缩水")
# a change claimed as a percentage ("比上年增长30%", "下降了约12%")
PERCENT_CHANGE_RE = re.compile(r"(?P<way>减少|下降|降低|缩水|增加|增长|上升|提高|大涨|上涨|暴涨|涨)了?"
                               # (with a bound said before the rate: "同比大涨超17%", "下降了不到5%")
                               rf"(?:(?P<bound>{BOUND})了?)?(?P<about>约|大约|大概|近|将近)?"
                               r"(?P<n>\d+(?:\.\d+)?)\s*[%％](?P<after>左右|以上|以下)?")


def _bounded(bound: str, after: str, value: float, floor: float, over: float,
             near: tuple[float, float]) -> tuple[float, float] | None:
    """The range a bound word said before a number (claims.toml ``bounds``) or 以上/以下 after it makes
    of it: under it down to ``floor``, above it by more than ``over``, at least it, or ``near`` (a
    little under it); None where none is said. Amounts, shares and changes in tenths all read them so."""
    if bound in BOUNDS["below"] or after == "以下":
        return floor, value
    if bound in BOUNDS["above"] or after == "以上":
        return value + over, math.inf
    if bound in BOUNDS["reach"]:
        return value, math.inf
    if bound in BOUNDS["near"]:
        return near
    return None


def multiple_verdict(text: str, ratio: float) -> str:
    """"是" or "不是" for a multiple the question puts up to be checked ("翻了一倍吗": the later
    figure at least twice the earlier; "腰斩": at most half; "少了六成多": a fall of 60% to 70%),
    else nothing."""
    if (m := PERCENT_CHANGE_RE.search(text)) is not None and (has_cue("yesno", text) or has_cue("truth", text)):
        # "比上年增长30%，这个增长率对吗": the rate of change, to the claim's own rounding (5% of it said roughly)
        claimed, change = float(m.group("n")), ((1 - ratio) if m.group("way") in FALLS else (ratio - 1)) * 100
        if (span := _bounded(m.group("bound") or "", m.group("after") or "", claimed, -math.inf, 1e-9,
                             (claimed * 0.95, claimed))) is not None:
            return "是" if span[0] - 1e-9 <= round(change, 2) < span[1] else "不是"
        tolerance = max(0.5 * 10 ** -decimals(m.group("n")), claimed * 0.05 if m.group("about") or m.group("after") else 0)
        return "是" if abs(round(change, 2) - claimed) <= tolerance + 1e-9 else "不是"
    if (m := TENTHS_CHANGE_RE.search(text)) is not None:
        tenths = (int(m.group("n")) if m.group("n").isdigit() else chinese_number(m.group("n")) or 0) / 10
        low, high = _bounded(m.group("bound") or "", "", tenths, -math.inf, 1e-4, (tenths - 0.1, tenths)) or \
            ((tenths, tenths + 0.1) if m.group("more") else (tenths - 0.05, tenths + 0.05))
        change = 1 - ratio if m.group("way") in FALLS else ratio - 1
        return "是" if low - 1e-9 <= round(change, 4) < high else "不是"
    for pattern, bound, at_least in claimed_multiples():
        if pattern.search(text):
            return "是" if (ratio >= bound if at_least else ratio <= bound) else "不是"
    return _times_verdict(text, ratio)


# a multiple of the other figure put up to be checked ("是不是超过了三公经费的两倍", "差不多是年初预算的
# 一倍半", "是货物的五倍多吗"): read with the bound word said before it in its clause
TIMES_CLAIM_RE = re.compile(r"的(?P<n>\d+(?:\.\d+)?|[一二两三四五六七八九十]{1,2})倍(?P<half>半)?(?P<after>多|以上|以下|左右)?")
NEAR_ENOUGH = 0.05  # a multiple said roughly ("差不多是一倍半", "是两倍吗") holds within 5% of it


def _times_verdict(text: str, ratio: float) -> str:
    """"是" or "不是" for "…是B的N倍" put up to be checked, the ratio the first figure over the second;
    nothing where no such multiple is said."""
    m = TIMES_CLAIM_RE.search(text)
    if m is None or not has_cue("yesno", text):
        return ""
    n = (float(m.group("n")) if m.group("n")[0].isdigit() else chinese_number(m.group("n")) or 0) + (0.5 if m.group("half") else 0)
    if not n:
        return ""
    before = CLAUSE_SPLIT_RE.split(text[:m.start()])[-1]
    said = [(kind, w) for kind, words in BOUNDS.items() for w in words if w in before and (w != "过" or "超过" in before)]
    kind = max(said, key=lambda s: len(s[1]))[0] if said else ""
    if m.group("after") == "多":
        holds = n <= ratio < n + 1  # ("五倍多": five and some)
    elif kind == "above" or m.group("after") == "以上":
        holds = ratio > n
    elif kind == "below" or m.group("after") == "以下":
        holds = ratio < n
    elif kind == "reach":
        holds = ratio >= n * (1 - 1e-9)
    elif kind == "near":
        holds = n * (1 - NEAR_ENOUGH) <= ratio < n
    else:
        holds = abs(ratio - n) <= n * NEAR_ENOUGH
    return "是" if holds else "不是"


# a share put up to be checked ("其他收入占总收入有没有三成", "接待费是不是占了六成", "超过一半了吗")
SHARE_CLAIM_RE = re.compile(
    # ("超过了财政拨款支出的一半": the whole may be said between the bound and the share; "到九成" a rate
    # reached, not "精确到0.1%", "保留到")
    rf"(?:(?P<bound>{BOUND}|占到|达到|(?<![确留])到)了?(?:[^，,。？?\d]{{1,12}}?的)?)?(?:占(?:了|到)?)?"
    # ("住了大半辈子", "等了大半天": a span of time, no share)
    r"(?P<share>[一二两三四五六七八九]成|绝?大(?:部分|多数)|一?大半(?!辈子|生|天|年|夜|个月|晌)|一半|半数|[二三四五六七八九十]分之[一二三四五六七八九]|百分之(?:\d+(?:\.\d+)?|[一二两三四五六七八九十]+)|\d+(?:\.\d+)?[%％])"
    r"(?P<after>以上|以下|左右|多)?")
# a rate of change said the same way ("比上年增长了三成") is no share of a whole
# the whole of it from one source, put up to be checked ("钱是不是全靠财政拨款", "都是财政拨的吗")
# (not "那几格都是空的", "全是0": cells said empty, no share of a source)
WHOLLY_RE = re.compile(r"(?:全|都|全部|完全|百分之百)(?:都)?(?:靠|是|来自|来源于|由|是由)(?![空零0〇]|一样|相同|一致)")
RATE_BEFORE_RE = re.compile(r"(?:增长|增加|下降|减少|上升|降低|涨|降|提高)了?$")


@dataclass(frozen=True)
class ShareClaim:
    said: str  # as the question writes it ("有没有三成")
    low: float  # percent; the claim holds for low <= share < high
    high: float

    def holds(self, percent: float) -> bool:
        return self.low - 0.005 <= percent < self.high


FALL_OR_RISE_BEFORE_RE = re.compile(r"(?:少|减少|减|降|下降|砍|缩水|掉|涨|增加|增|多)(?:掉)?了?$")


def share_percent(share: str) -> float:
    """A share said in words, in percent: "一半" 50, "两成" 20, "三分之一" 33.33…, "10%" 10, "百分之三十" 30."""
    if share in ("一半", "半数"):
        return 50.0
    if share.endswith("成"):
        return 10.0 * chinese_number(share[0].replace("两", "二"))
    if "分之" in share and not share.startswith("百分之"):
        whole, part = share.split("分之")
        return 100.0 * chinese_number(part) / chinese_number(whole)
    number = share.removeprefix("百分之").rstrip("%％ ")
    return float(number) if re.fullmatch(r"\d+(?:\.\d+)?", number) else float(chinese_number(number))


def claimed_share(text: str) -> ShareClaim | None:
    """The share of a whole a question puts up to be checked, as a range of percent: "有没有三成"
    (at least 30), "不到一半" (under 50), "占了六成" (about 60: 55 to 65), "三成多" (30 to 40),
    "一大半" (over 50), "是不是全靠…" (all of it)."""
    if (whole := WHOLLY_RE.search(text)) is not None and (has_cue("yesno", text) or re.search(r"吗[？?]*$", text)):
        return ShareClaim(whole.group(0), 100.0, math.inf)
    for m in SHARE_CLAIM_RE.finditer(text):
        if FALL_OR_RISE_BEFORE_RE.search(text[:m.start()]):
            continue  # "比上年少了一半", "砍掉了一大半": a fall by half (a multiple), no share of a whole
        if RATE_BEFORE_RE.search(text[:m.start()]) or not (m.group("bound") or "占" in m.group(0) or m.group("after")
                                                             or has_cue("yesno", text)):
            continue
        share = m.group("share")
        if "大" in share:  # "一大半", "大部分": over half
            return ShareClaim(m.group(0), 50.01, math.inf)
        value = share_percent(share)
        step = 10.0 if share.endswith("成") or share in ("一半", "半数") else 5.0 if "分之" in share else \
            10 ** -len(share.rstrip("%％").partition(".")[2])
        bound, after = m.group("bound") or "", m.group("after") or ""
        # (over it: 50.00% is not over half)
        if (bounded := _bounded(bound, after, value, 0.0, 0.01, (value - step, value))) is not None:
            low, high = bounded
        elif bound in ("占到", "达到", "到"):
            low, high = value, math.inf
        elif after == "多":
            low, high = value, value + step
        else:  # "占了六成": about that, to half a step either way
            low, high = value - step / 2, value + step / 2
        return ShareClaim(m.group(0), low, high)
    return None


def amount_verdict(text: str, amount_yuan: float | None) -> tuple[str, str] | None:
    """A computed amount against the one amount the question puts up ("除了接待费，其他加起来超过300万了吗"):
    yes or no and the word that says it; None where the question states no such bound."""
    claims = checked_claims(text)
    if len(claims) != 1 or claims[0].change or claims[0].counted or amount_yuan is None:
        return None
    holds = claims[0].holds(abs(amount_yuan))
    return ("yes" if holds else "no"), claims[0].answer_word(holds)


def checked_claims(text: str) -> list[Claim]:
    """The claims a question asks to have checked: all it states when it asks whether something
    is true, else those whose own clause asks yes or no ("有没有超过一千万"); "100万以上的设备
    有几台" states a bound to count by, not a claim."""
    claims = claims_in(text)
    # ("写着“…352.67万元”，跟表里的数对得上吗": a figure quoted to be set against the table's)
    return claims if asks_truth(text) or has_cue("agree", text) else [c for c in claims if c.asked]


def _span(m: re.Match) -> tuple[float, float] | None:
    """[low, high) in yuan for one written amount, its vagueness and the bound said with it."""
    number, scale = m.group("number"), MAGNITUDE[m.group("magnitude") or ""]
    if (pair := NEIGHBOURS_RE.fullmatch(number)) is not None:
        lead = chinese_number(pair.group("lead")) * MAGNITUDE[pair.group("lead_magnitude")] if pair.group("lead") else 0.0
        place = {"十": 10, "百": 100, "千": 1000}[pair.group("place")] * scale
        first, second = (chinese_number(pair.group(n).replace("两", "二")) for n in ("a", "b"))
        if second <= first:
            return None  # ("五三十": no span)
        value = low = lead + first * place
        high = lead + (second + 1) * place
    elif number in VAGUE:
        low, high = (v * scale for v in VAGUE[number])
        value = low
    elif re.fullmatch(r"\d+(?:\.\d+)?", number):
        value = float(number) * scale
        if m.group("after") == "出头":
            # "两千万出头" (2000万 written by arabic_amounts) is a little over it: 2000万 to 2300万
            low, high = value, value + OVER_A_LITTLE * 10 ** math.floor(math.log10(max(float(number), 1))) * scale
        elif m.group("more") or m.group("more2"):
            # "5万多" is 5万 to 6万; "30多万" is 30万 to 40万
            step = scale if not m.group("more") else 10 ** math.floor(math.log10(max(float(number), 1))) * scale
            low, high = value, value + step
        else:
            half = 0.5 * 10 ** -len(number.partition(".")[2]) * scale  # to its last printed digit
            low, high = value - half, value + half
    else:
        counted = chinese_number(number.replace("两", "二"))
        if not counted:
            return None
        value = counted * scale
        # "两个多亿" is 2亿 to 3亿, "二十来万" 20万 to 30万; "两个亿" 1.5亿 to 2.5亿
        step = 10 ** math.floor(math.log10(counted)) * scale
        low, high = (value, value + step) if m.group("more") or m.group("more2") else (value - 0.5 * step, value + 0.5 * step)
    bound, after = m.group("bound") or "", m.group("after") or ""
    # ("有没有两个亿": does it reach that; "将近两个亿": up to a fifth under it)
    if (bounded := _bounded(bound, after, value, 0.0, 0.005, (0.8 * value, value + 0.005))) is not None:
        return bounded
    if bound in BOUNDS["about"] and after != "出头" or after == "左右":  # ("大概三千万出头": 出头 says which side)
        return 0.9 * low, 1.1 * high
    return low, high