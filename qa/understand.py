"""From a question (and the questions before it) to one typed query plan.

The plan says which departments (resolved to the store's documents), years and document kind
are asked about, what (a concept, a 科目 by name or code, a narrative subject), which measure,
and what to do with it (the operation: value, count, rank, breakdown, share, change, compare,
diff, sum, yes/no, describe). Department, year and kind come from the entity resolver; concepts
from the lexicon; the operation from the cues in core/vocab/intents.toml weighed against how
many departments, years and items the question names. Slips of typing are corrected against the
store's vocabulary first. A follow-up ("那临汾的呢？", "预算数呢") keeps whatever it does not
restate from the previous turn, the operation included.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from core.concepts import KIND_BEFORE_WHOLE_RE, Concept, lexicon
from core.text import EXCLUDING_WORDS, abbreviates, arabic_amounts, chinese_number, match_key
from core.schema import schema
from core.config import current_year
from core.vocab import CUT_WORDS, INSIDE, YEAR_BEFORE, asked_units, claimed_multiples, colloquial_words, cue_re, filler_re, has_cue, intents
from index.entities import COUNTED_FROM_DOCUMENT_RE, YEAR_RE, arabic_years, full_year, kind_in, relative_years
from index.retriever import asks_reason
from ingest.stated import as_of_year
from qa.claims import RANGE_RE, TENTHS_CHANGE_RE, checked_claims, claimed_share, claims_in, share_percent, span_yuan
from qa.described import named_by_duty
from qa.pasted import named_by_paste, quoted_out
from qa.english import read_english
from qa.rounding import ROUNDING_ASKED_RE, ROUNDING_CLAUSE_RE
from qa.spelling import Correction

# a 科目 code printed with spaces between its levels ("302 17", "208 05 01"), read as one code
SPACED_CODE_RE = re.compile(r"(?<![\d.])([23]\d{2})\s+(\d{2})(?:\s+(\d{2}))?(?![\d.])")
CODE_RE = re.compile(r"(?<![\d.])(\d{3}|\d{5}|\d{7})(?![\d.年万亿元%％台辆人个名套次]|[多来余][万亿元块])")  # (not "200多万", "500来万")
SUM_RE = re.compile(r"加起来|加上|之和|总和|合起来|(?<![增参追附更])加(?!油|班)(?:.{1,12})(是|共|等于)")
COMPARE_RE = re.compile(r"比较|对比|相比|(?<!好)几倍|多少倍|相差|差多少|差额|差距|(多|少)(了)?(多少|几)|谁(的)?.{0,6}(多|少|高|低)|哪个(多|少|高|低)"
                        r"|(增加|减少|增长|下降|变化|变动)了?多少|占.{0,12}(比例|比重|百分|多少)|占比|比例")
SHARE_RE = re.compile(r"占(?![用地有])[^，,。？?]{0,20}?(比例|比重|百分|多少(?![钱万元]))|占比|比例")
# the figure talked of as a multiple of another year's ("这是2017年的几倍")
OF_YEAR_MULTIPLE_RE = re.compile(r"是(?:(?:19|20)?\d{2})年(?:的)?(?:几|多少)倍")
GAP_ASKED_RE = re.compile(r"(?:多|少|增加|减少|增长|下降|涨|降)了?(?:多少|几)")
# the gap between two figures asked ("差多少", "相差", "多多少", "少几")
DIFFERENCE_SAID = r"差(?:多少|几|额|距)|相差|多(?:多少|几)|少(?:多少|几)"
DIFFERENCE_SAID_RE = re.compile(DIFFERENCE_SAID)
# ("有多少辆车，都是什么车": how many, then which kinds; "…支出包括些什么？一共多少钱"; "原因是什么"
# after a figure is still a why)
WHAT_AND_HOW_MUCH_RE = re.compile(r"(?:是|指|包括|包含)些?(?:什么|啥|哪几项|哪几样|哪些)[^？?]{0,3}[？?].{0,30}(?:多少|几)|是什么.{0,30}(?:多少|几)|(?<![那这])(?:多少|几).{0,30}(?:都|分别|各)是(?:什么|哪些|哪几)")
# a why put as a complaint, then the amount asked ("培训费凭什么安排这么多？到底多少？", "凭什么涨这么多，涨了多少"):
# the amount is the question, the why rhetorical
COMPLAINT_THEN_AMOUNT_RE = re.compile(r"(?:(?:凭什么|凭啥|为什么|为啥|怎么)[^？?！!]{0,20}?(?:这么|那么)(?:多|高|贵|大)[^？?！!，,。]{0,4}|"
                                      # ("养那么多车干嘛？…到底有几辆车")
                                      r"(?:这么|那么)(?:多|高|贵|大)[^？?！!，,。]{0,6}?(?:干嘛|干什么|做什么|为什么|为啥|凭什么))"
                                      r"[？?！!，,。]+\s*[^？?！!]{0,20}?(?:到底|究竟|具体|实际)?[^？?！!，,。]{0,12}(?:多少|几)")
# "人员经费里有多少不是基本支出": a figure minus a part of it, which no cell holds
# "不是编制，是实有的": what is denied before what is meant is no part of the question
DENIED_THEN_SAID_RE = re.compile(r"不是[^，,。？?！!]{1,12}[，,]\s*(?=(?:而|就)?是)")
# "我要的是预留机动那笔，不是结转": what is meant said first, what is denied after it
SAID_THEN_DENIED_RE = re.compile(r"(?<=的是)(?P<said>[^，,。？?！!]{1,16})[，,]\s*而?不是[^，,。？?！!]{1,12}(?=[。？?！!]|$)")
# the words leaving one part out of a whole ("不算项目支出的话", "去掉三公经费")
# (not "算不算翻了一番": a yes or no)
LEFT_OUT_WORDS = "刨除|刨去|刨掉|刨开|扣除|扣掉|扣去|(?:(?<!算)|(?<=[预决]算))不算|不计|去掉|拿掉|抛开|撇开|(?:要是|如果|假如|假设)没有"
# a scope said of the figure ("不含年初结转的收入"): a part set aside where one reads, else only
# what the figure asked already leaves out ("财政拨款口径，不含财政专户资金"); not a name's own
# bracketed qualifier ("设备（不含车辆）")
SCOPE_WORDS = "(?<![（(])(?:不含|不包含|不包括)"
SCOPE_RE = re.compile(SCOPE_WORDS)
SET_ASIDE_WORDS = LEFT_OUT_WORDS + "|除了|除去|除开|除掉"
# ("自有资金（不靠财政拨款的）": what does not come from a source)
EXCLUSION_RE = re.compile(r"(?<!是)不是(?![^，。？?]{0,12}吗)|不属于|不靠|不依靠|不来自|以外|之外|" + SET_ASIDE_WORDS)
EXCLUDING_QUALIFIER_RE = re.compile(rf"\((?:{EXCLUDING_WORDS})[^)]*\)")  # in a match key
# what a question sets aside from a whole, one reading for every route: "除了宣传事务，其余的钱…",
# "不算项目支出的话", "除了养老那一块", "收入里，不是财政拨款的那部分", "项目支出以外的支出"
ASIDE_RE = re.compile(rf"(?:{SET_ASIDE_WORDS}|{SCOPE_WORDS})(?P<part>[^，,。？?]{{1,12}}?)(?:那一?(?:块|部分|项))?(?:以外|之外|外)?"
                      rf"(?=的话|以后|之后|后|[，,]|还|一共|总共|要|花|剩|其余|其他|其它|别的|的(?:那)?(?:部分|块)|的那(?:个|笔|项|一?(?:个|笔|项)数)|的(?:其余|其他|其它|别的)|是多少|有多少"
                      rf"|的(?:收入|支出)(?!的))"  # ("不含年初结转的收入": the whole after it)
                      rf"|(?<!是)(?:不是|不属于|不靠|不依靠|不来自)(?P<other>[^，,。？?]{{1,12}}?)的(?:(?:那)?(?:部分|块)|(?=[)）]))"
                      rf"|(?:(?<=[，,年的])|^)(?P<beyond>[^，,。？?的]{{2,12}}?)(?:以外|之外)的")


# the words for what is left once a part is set aside ("剩下的钱", "其余的"): no 结转结余 asked
REMAINDER_RE = re.compile(r"(?:还)?剩(?:下|余)?(?:的|那部分|的部分)?|^的?(?:其他|其它|其余|别的)|"
                          r"(?:其他|其它|其余|别的)(?:来源|渠道|方面|部分)的?|其余的?")


# what the rest of a whole is, asked once a part is set aside ("剩下的钱主要是什么")
REST_DESCRIBED_RE = re.compile(r"(?:主要|都|还)?(?:是|有)(?:什么|啥|哪些)(?=[？?，,。、！!]|$)")  # (not "还有什么收入")


# "扣掉不是财政拨款的那部分，基本支出还剩多少": what is left once what is not X is taken off is X's part
DOUBLE_NEGATION_RE = re.compile(rf"(?:{SET_ASIDE_WORDS})(?:不是|不属于|非)(?P<kept>[^，,。？?]{{2,10}}?)的(?:那)?(?:部分|块|钱)[，,]?")


def _kept_by_double_negation(text: str) -> str:
    """"扣掉不是财政拨款的那部分，基本支出还剩多少" → "财政拨款的基本支出多少": the part kept, asked plainly."""
    if (m := DOUBLE_NEGATION_RE.search(text)) is None:
        return text
    return text[:m.start()] + m.group("kept") + "的" + REMAINDER_RE.sub("", text[m.end():], count=1)


# "难道除了工资就没别的了？": a doubt that the whole is only the part named, which its parts answer
ONLY_PART_DOUBTED_RE = re.compile(r"(?:难道|莫非)?(?:除了|除去)[^，,。？?]{1,12}?(?:以外|之外)?[，,]?(?:就|再|都)?没有?(?:别的|其他|其它)的?"
                                  r"(?:了|啦)?(?:吗|么|嘛)?[？?]?(?=[？?。！!，,]|$)")


def _only_part_doubted(text: str) -> str:
    """"…基本支出难道除了工资就没别的了？" → "…基本支出由哪几块组成？"; the doubt left out where a
    question of the parts follows it ("…就没别的了？由哪几块组成？")."""
    if (m := ONLY_PART_DOUBTED_RE.search(text)) is None:
        return text
    rest = text[m.end():]
    return text[:m.start()] + ("" if "哪" in rest else "由哪几块组成？") + rest.lstrip("？?，,")


def aside_said(text: str) -> tuple[str, int, int] | None:
    """What the question sets aside (ASIDE_RE), with where the words setting it aside start and end."""
    m = ASIDE_RE.search(text)
    if m is None:
        return None
    group = next(g for g in ("part", "other", "beyond") if m.group(g))
    return m.group(group), m.start(group) if group == "beyond" else m.start(), m.end()
# ("不含…" says a scope more often than it sets a part aside: "财政拨款口径，不含财政专户资金")
WHY_RE = cue_re("why")
MEASURE_WORDS = {"预算数": re.compile(r"预算数|预算是|预算(?:到底|究竟)?(?:是)?多少|年初预算|全年预算|预算安排|预算的?呢"),
                 "决算数": re.compile(r"决算数|决算是|决算多少|实际(?:上)?(?:一共|总共|共)?(支出|花|用)|实际决算|执行数|执行了|执行多少|决算的?呢")}
PURPOSE_RE = re.compile(r"用于|用在|用途|用来")  # what money went to ("主要用于哪些方面")
# what one item is for ("是干什么用的", "用来做什么", "用途是啥")
WHAT_FOR_RE = re.compile(r"(?:干|做)(?:什么|啥|嘛)(?:用)?的|用(?:来|于)?(?:干|做)(?:什么|啥)|用途(?:是)?(?:什么|啥)|给谁(?:用|花)|"
                         r"花在(?:什么|啥)(?:上|地方|方面)?的(?=[？?，,。]|$)")  # ("公务接待费是花在什么上的？")
SPENT_WITHIN_RE = re.compile(rf"的?(?:支出|收入|资金|经费|预算|决算)(?:{INSIDE})")  # "财政拨款支出里"
# two things added ("离休的加退休的", "床位费加上护理费"), not 加起来 over one thing nor a verb (加挂)
# "离休的加退休的", "A加上B", "养老保险缴费加职业年金" (not 增加, 参加, 追加, 加班, 加强, 加挂, 加起来 …)
# ("离休的和退休的": two groups of people, each said with its 的, not "三项的和" the sum of one)
PLUS_RE = re.compile(r"(?<=[\u4e00-\u9fff])(?:的加|加上)(?=[\u4e00-\u9fff]{2})|(?<=[\u4e00-\u9fff]{2})的和(?=[\u4e00-\u9fff]{2}的)|"
                     r"(?<=[\u4e00-\u9fff]{2})(?<![增参追附更外叠添施个])加(?![班强快大了油入工装挂起速深剧重以在一])(?=[\u4e00-\u9fff]{2})")
# the year of the document a figure is read in ("根据2017年预算文件", "17年的预算报告里")
# a figure someone has in hand, asked what it is ("表里那个17.61万元是什么钱", "有个291万，是什么项目",
# "看到一个755.08，这是收入还是支出", "写的321.02万元是什么数", "有个743.39，这是一笔支出吧",
# "有一项是2.43万元，那是啥开支", "有一项正好是314.03万元，是哪一项"),
# pointed at with 那个 / 有个 / 表里 / 看到 / 写着 so that a figure told of a named item
# ("三公经费47.91万元是怎么构成的") is not one; or asked which items print it ("哪几项正好是50万")
_HELD_AMOUNT = r"(?P<number>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d.]|,\d)(?P<unit>亿元|万元|万|元|%)?(?![年月日号表位辆人个次])"
FIGURE_HELD_RE = re.compile(rf"(?P<lead>(?:那个|这个|有个|有一个|那笔|这笔|有笔|有一笔|有一?项(?:正好|刚好|恰好)?|表里|表中|表上|看到了?(?:一个|个)?|写着|写的|出现了?(?:一个)?)"
                            # ("看到一个项目资金总额是4,563,800元": what the figure is called, then the figure)
                            # ("决算表里的17.70是哪一行": the table's own figure)
                            r"的?(?:数字?|数额|金额|[\u4e00-\u9fff]{0,8}?(?:是|为))?)?"
                            rf"{_HELD_AMOUNT}(?:的(?:钱|数)|这个数字?|这笔钱)?,?(?:这|它|那)?"
                            # ("这是发的什么": what the money went on)
                            r"(?:(?:是|为|指|属于|系|代表|对应的?是?)(?:的)?(?:买|用来买|用于|干|(?:发|花|给|付|用)的?)?(?!什么原因|啥原因)(?:什么|啥|哪|干嘛|干什么|做什么|多少钱)|"
                            r"(?:是|为)?(?:收入还是支出|支出还是收入)|"
                            # ("是收进来的钱还是花出去的钱")
                            r"(?:是|为)?(?:收进?来?的钱?|进账的?钱?)还是(?:花出去|花掉|用掉|支出去?)的钱?|"
                            r"(?:是|为)?(?:花出去|花掉|用掉|支出去?)的钱?还是(?:收进?来?的钱?|进账的?钱?)|"
                            r"是?一笔(?:支出|收入)|是(?:支出|收入)[吧吗])")
# a figure pointed at ("有个10,191.56万元", "有一项是1,157.63万元") with more asked of it after it
# ("它是由哪些部分组成的", "这是什么钱？比前一年多了多少"): the amount, and where the question goes on
POINTED_HELD_RE = re.compile(rf"(?:那个|这个|有个|有一个|有一?项|有笔|有一笔)(?:数字?|数额|金额)?(?:是|为)?{_HELD_AMOUNT}")
WHAT_IT_IS_RE = re.compile(r"^[,?]*(?:这|它|那)?(?:是|为|指|属于|对应的?是?)?(?:的)?(?:买|用来买|用于|干)?(?:什么|啥|哪一?[类项个款笔]|哪)的?(?:钱|数|支出|开支|科目|东西|项目)?的?[?,]*")


def _only_what_it_is(m: re.Match) -> bool:
    """A money unit and nothing but what the amount is follow it ("44200元是哪一项的钱？", "362.60万元
    对应的是什么"): an amount asked about with no word pointing at it (not "…10万元”，为什么减少",
    "…6511.85万，是哪几项加起来的")."""
    rest = m.string[m.end("unit"):] if m.group("unit") else ""
    return m.group("unit") not in (None, "%") and bool(WHAT_IT_IS_RE.fullmatch(rest)) and not re.match(r"[,?]*[这它那]?为", rest)


def pointed_figure(text: str) -> tuple[HeldFigure, int, int, str] | None:
    """A figure pointed at and what is asked of it beyond what it is: (the figure, where its words
    start and end in the match key, the words asking more); None where nothing more is asked."""
    key = match_key(text)
    if (m := POINTED_HELD_RE.search(key)) is None or not float(m.group("number").replace(",", "")):
        return None
    rest = re.sub(r"^[,?]*(?:它|这|那)?", "", WHAT_IT_IS_RE.sub("", key[m.end():]))
    if len(rest.strip("?,。")) < 3:
        return None
    return HeldFigure.said_in(m), m.start(), m.end(), rest


# figures someone saw in several places and asks which is right ("我看到一个185000元，又看到28.5万，到底是多少")
SEEN_RE = re.compile(rf"(?:看到|看见|写着|写的是|印着|印的是)了?(?:一个|个)?(?:数字?|数额|金额)?(?:是|为)?{_HELD_AMOUNT}")
WHICH_RIGHT_RE = re.compile(r"到底|究竟|哪个(?:对|准|是)|以哪个为准|哪个才是")
ITEMS_HELD_RE = re.compile(rf"哪(?:几|些|一)?(?:项|个|类|款|笔|块|行)?[^,。?]{{0,6}}?(?:正好|刚好|恰好|都)?(?:是|为|等于){_HELD_AMOUNT}")


@dataclass(frozen=True)
class HeldFigure:
    """A figure the question holds and asks about: what it is, or which items print it."""
    number: float
    unit: str  # as said ("万元", "元", "亿元"), "" when none is
    places: int  # decimals said
    listing: bool  # "哪几项…是": every item printing it asked

    @classmethod
    def said_in(cls, m: re.Match, listing: bool = False) -> "HeldFigure":
        """The figure as a match of _HELD_AMOUNT spells it ("1,157.63万" → 1157.63 万元, 2 places)."""
        number = m.group("number").replace(",", "")
        unit = {"万": "万元"}.get(m.group("unit") or "", m.group("unit") or "")
        return cls(float(number), unit, len(number.partition(".")[2]), listing)

    @property
    def said(self) -> str:
        """The figure as the asker said it, without separators ("1157.63万元")."""
        return f"{self.number:.{self.places}f}{self.unit}"


def _codes_said(text: str) -> list[str]:
    """The 科目 codes a question gives (not a figure it holds, "看到一个44200，是收入还是支出")."""
    held = held_figure(text)
    return [c for c in CODE_RE.findall(text) if held is None or float(c) != held.number]


def seen_figures(text: str) -> list[HeldFigure]:
    """The figures a question says were seen in different places, asked which is right (two or
    more, each as said); [] for any other question."""
    key = match_key(text)
    if not WHICH_RIGHT_RE.search(key):
        return []
    seen = [HeldFigure(float(m.group("number").replace(",", "")), {"万": "万元"}.get(m.group("unit") or "", m.group("unit") or ""),
                       len(m.group("number").partition(".")[2]), False) for m in SEEN_RE.finditer(key)]
    return seen if len({(f.number, f.unit) for f in seen}) >= 2 else []


def held_figure(text: str) -> HeldFigure | None:
    """The figure a question holds and asks what it is (``text``: its match key); None when it
    holds none, or asks of zero (the zero parts are answered as such)."""
    key = match_key(text)
    m = FIGURE_HELD_RE.search(key) or ITEMS_HELD_RE.search(key)
    if m is None or not float(m.group("number").replace(",", "")):
        return None
    if m.re is FIGURE_HELD_RE and not m.group("lead") and not _only_what_it_is(m):
        return None  # (a figure told of an item, asked why it changed or what it adds up from)
    if not m.group("unit") and any((kind, m.group("number").replace(",", "")) in schema().subjects for kind in ("function", "economic")):
        return None  # "哪个科目是2080201": a 科目's code, no amount
    return HeldFigure.said_in(m, m.re is ITEMS_HELD_RE)


# ("根据2017年预算文件", "24年决算里", "17年那份预算说明里": the document a year's figure is read in)
DOCUMENT_YEAR_RE = re.compile(r"((?:19|20)?\d{2})年度?的?(?:那份|这份)?(?:部门|单位)?(?:(?:预算|决算)(?:公开)?(?:文件|文档|报告|说明)?(?:里|中|上)"
                              r"|(?:预算|决算)?(?:公开)?(?:文件|文档|报告|说明|document))")
# the other year set against the document's ("2023年预算里的因公出国费，跟2025年的839万一样吗"): two
# years compared, not a year read in a document
YEAR_SET_AGAINST_RE = re.compile(r"(?:跟|和|与|同|比|较)(?:19|20)?\d{2}年")
# two documents named together before the one read in ("24年预算和25年预算里…差了几辆"): each year's figure asked
DOCUMENTS_JOINED_RE = re.compile(r"(?:19|20)?\d{2}年度?的?(?:部门|单位)?(?:预算|决算)(?:公开)?(?:文件)?(?:和|与|跟|及|同)$")
# between a whole and the part asked within it: "政府采购里买服务的", "三公经费中的公务接待费"
WITHIN_RE = re.compile(rf"的?(?:{INSIDE}|其中)[,:，：]?的?(?:买|购买|采购|用于|花在)?的?")
# "基本支出里，发工资交社保这些花在人身上的": the whole, a pause, then words that lead to its one
# part asked, in the same sentence
WITHIN_LEADING_RE = re.compile(rf"的?(?:{INSIDE}|其中)[,:][^。?!;]*")
# what a whole is made of, asked formally ("是如何构成的", "支出主要集中于哪些科目")
COMPOSED_OF_RE = re.compile(r"(?:如何|怎么|怎样)构成|由哪(?:些|几).{0,8}(?:构成|组成)|构成情况|集中(?:于|在)(?:哪|什么)")
# which money pays for an item, asked as a choice ("是一般公共预算出的还是政府性基金出的",
# "算基本支出还是项目支出")
FUND_SIDES = r"一般公共预算|政府性基金预算|政府性基金|国有资本经营预算|财政专户|其他资金|财政拨款|基本支出|项目支出|事业收入|经营收入"
# ("是算在基本支出里还是项目支出里": the side a row is counted in)
EITHER_RE = re.compile(rf"(?P<a>{FUND_SIDES})(?:出的|出|安排的|的|里面?|中)?[，,]?(?:还是|或是|或者是?)(?:由|从|用|算在|在)?"
                       rf"(?P<b>{FUND_SIDES})(?:出的|出|安排的|的|里面?|中)?")
BOUGHT_WHAT_RE = re.compile(r"(?:买|采购)(?:了|的)?(?:都)?(?:是|些)?(?:什么|啥|哪些)")
# the kinds of what is counted ("那几辆车都是什么车", "车辆分别是哪几类"): the counted parts, not their number
KINDS_ASKED_RE = re.compile(r"(?:都|分别|各)?是(?:什么|啥|哪些|哪几种|哪几类|哪种|哪类)(?:用?车|类型|性质)?|(?:什么|啥|哪种|哪类)用?车|什么类型|哪几种|哪几类|"
                            r"按类别|分类别|每一类")
CHOICE_RE = re.compile(r"还是")  # "主要是A还是B": one of two named
# a guess put after the question ("…多少，还是全是基本支出"): what it names is not asked
GUESSED_AFTER_RE = re.compile(r"(?<=[多少几么呢吗])[?,.!\s]*还是")
# a concept's whole matched word that only asks how many of a unit ("几辆", "多少辆车", "几个人",
# "多少名"); qa/routes/stated.py's COUNT_ASKING_RE strips such words from inside a subject
COUNT_ASKING_WORD_RE = re.compile(r"(有)?(几|多少)(个|名|位)?(辆|台|人|名)(车)?")
BUDGET_WORDS = re.compile(r"预算|决算|支出|收入|收支|经费|费用|资金|拨款|结余|结转|采购|科目|花|开支|钱|车辆|公车|"
                          r"增加|减少|下降|增长|"
                          r"三公|人员|工资|项目|绩效|万元|元")
# figures only the narrative states: change on last year, budget completion, shares of totals
NARRATIVE_FIGURE_RE = re.compile(rf"(比|较|与)({YEAR_BEFORE}|\d{{2,4}}年).{{0,8}}(增|减|多|少|降|涨|跌|下降|上升|变化|相比)"
                                 r"|(增加|减少|下降|增长|上升)(了)?(多少|百分之|几)|同比|完成.{0,4}预算的|执行率")
MEASURE_WORD_RE = re.compile(r"预算|决算")
MEASURE_ONLY_RE = re.compile(r"(全年|年初|调整|实际|年)?(预算|决算|执行)(数|额)?|实际")
JOINED_RE = re.compile(r"、|和|与|及|跟|加")
# "一共" of things said one after another ("三公经费、会议费一共", "基本支出5000万，项目支出3000万，
# 一共多少"), not of one thing a description happens to name twice ("将来买房用的钱（工资里单位配的那份）一共")
LOOSE_SUM_RE = re.compile(r"一共|总共")
LISTED_RE = re.compile(rf"{JOINED_RE.pattern}|还有|以及|连|[，,；;\s]")  # ("基本支出连项目支出在内一共多少")


def _sum_said(text: str, across: bool) -> bool:
    """A sum asked: of bodies or years named (``across``) by any sum word; of items by one that
    adds, or by "一共" after a list (not "基本支出一共多少，还有项目支出呢": one item's total, then
    another item asked)."""
    loose = LOOSE_SUM_RE.search(text)
    return has_cue("sum", text) and (across or has_cue("sum", LOOSE_SUM_RE.sub("", text)) or
                                     bool(LISTED_RE.search(text[:loose.start()] if loose else text)))


# a change asked as an amount ("多了多少"); asked with its rate too, the amount leads
AMOUNT_ASKED_RE = re.compile(r"(?:多|少|增加|减少|涨|降)了?多少(?![个点%％]|的?百分|的?比例)")  # ("下降了多少百分比": a rate)
RATE_ASKED_RE = re.compile(r"百分|%|％|幅|率|几成|多少个点")  # a change asked as a rate
# the actual set against its budget, the actual said first ("实际花的比全年预算少了多少")
# (or the outturn unsaid before "比预算超": "支出比年初预算超了多少"; "比预算少花了多少" keeps the budget
# first, its gap said as the budget's excess)
ACTUAL_FIRST_RE = re.compile(r"(?:实际|决算)[^，,。？?]{0,6}(?:比|较)(?:年初|全年|调整)?预算|比(?:年初|全年|调整)?预算数?(?:超|多)|"
                             r"超(?:出|了|过了?)(?:年初|全年|调整)?预算数?[^，,。？?]{0,2}(?:多少|几)|"  # ("超出年初预算多少")
                             # ("决算是不是差不多是年初预算的一倍半": the outturn said as a multiple of its budget)
                             r"(?:实际|决算)[^。？?]{0,12}(?:是|为|相当于)[^，,。？?]{0,4}(?:年初|全年|调整)?预算数?的[^，,。？?]{0,4}倍")
MEASURES_NAMED_RE = re.compile(r"(?:年初|全年|调整)?预算数?(?:和|与|跟|及|、|减去|减掉|减|[，,]?比)(?:实际|决算)|"
                               # "支出比年初预算超了多少": the outturn, unsaid, against its budget
                               r"比(?:年初|全年|调整)?预算数?(?:超|多|少|节约|结余)|"
                               r"决算数?(?:和|与|跟|及|、|减去|减掉|减)(?:年初|全年|调整)?预算|" + ACTUAL_FIRST_RE.pattern)
PLAIN_END_RE = re.compile(r"[呢吗啊呀？?。，,\s]+$")
BOTH_SUBJECTS_RE = re.compile(r"(?:这|那)?(?:两个|两家|两者|俩)(?:部门|单位)?(?:的)?(?:加起来|加在一起|一共|合计|总共|相比|比|差|相差|谁)")
SAME_YEAR_RE = re.compile(r"同一?年|同期|同一年度|(?<![新早近后])那一?年(?:的)?(?:也|还)?")  # "阳泉民政局同一年的呢", "那一年的也有吗": the year before, insisted on
BOTH_YEARS_RE = re.compile(r"(?:这|那)?两(?:个)?年(?:度)?(?:比|相比|对比|之间|间|差|一共|加起来|分别)")
FOLLOW_UP_RE = re.compile(r"^(那|那么|还有|再|同样|这个|它|只算|只看|光算|光看|单算|单看)|呢[？?]?$")
# "其中财政拨款的是多少" after a 科目: the part of that 科目 a fund pays, read from its columns
PART_OF_RE = re.compile(r"^其中")
# the figure before taken as one of two: pointed back at ("项目支出比它多多少") or added to
# ("再加上对个人和家庭的补助，一共多少")
BACK_REFERENCE_RE = re.compile(r"它|这个数|这一?项|前者|刚才那个|上面那个")
ADDED_ON_RE = re.compile(r"^那?(?:再|还要?)?(?:加上|算上|连同|连上)")
# a broad word said of the figure before ("那18年这块收入呢": the 财政专户 income asked before)
THIS_ONE_RE = re.compile(r"(?:这|那|该)(?:块|项|笔|部分)的?")
# between a fund and the item it pays for ("一般公共预算安排的培训费", "财政拨款基本支出")
PAID_BY_RE = re.compile(r"(?:一般公共预算|政府性基金)?(?:财政拨款|财政)(?:负担|安排|支付|开支)的?")
FUND_OF_RE = re.compile(r"(?:财政)?(?:拨款)?(?:安排|负担|支付|出)?的?")
FUND_PART_RE = re.compile(r"(?:(?:一般公共预算|政府性基金(?:预算)?)(?:财政)?(?:拨款)?|财政拨款|财政|基本支出|项目支出)(?:收入|支出|资金)?")


@dataclass
class QueryPlan:
    text: str
    departments: list[str] = field(default_factory=list)  # canonical department keys
    years: list[int] = field(default_factory=list)
    compared_years: list[int] = field(default_factory=list)  # "比23年": the other side of a comparison
    kind: str | None = None
    scope: str | None = None
    concepts: list[Concept] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    measure: str | None = None
    intent: str = "figure"  # figure | compare | reason
    unknown_orgs: list[str] = field(default_factory=list)
    inherited: set[str] = field(default_factory=set)
    budget_words: bool = False
    rest: str = ""  # the question without department names and years (for ranking sentences)
    topic: str = ""  # for a follow-up: what the earlier turn asked about ("行政运行支出")
    earlier: list[Concept] = field(default_factory=list)  # concepts of the turns before, latest first
    # (departments, years) of the turns before, latest first: "两个加起来", "两年比" are about them
    earlier_subjects: list[tuple[tuple[str, ...], tuple[int, ...]]] = field(default_factory=list)
    before: "QueryPlan | None" = None  # a follow-up: the turn before, as understood
    years_listed: str = ""  # "最早" / "最新" (the year so chosen among those held), or "有" (which years are held asked)
    operation: str = "value"  # value | count | rank | breakdown | share | change | compare | diff | sum | yesno | describe
    order: str = "desc"  # a ranking's direction: largest first, or smallest ("最少")
    top_n: int = 1  # "前三" asks for three
    guess: str = ""  # the item a ranking is guessed to find ("哪一项最多，是差旅费吗": 差旅费)
    place: int = 1  # "第二多的" asks for the second of the ranking
    # a named item's standing asked: "place" ("差旅费排第几"), "member" of the first ``top_n`` ("前五名里有没有退休费"),
    # "at" the place said ("住房保障支出排第二吗");
    # or "gap" between the items at ``place`` and ``gap_to`` ("排第一和排第二的差多少")
    standing: str = ""
    gap_to: int = 0
    above: float | None = None  # "超过100万的有哪几项": the items above this many yuan
    under: bool = False  # "少于20万的有哪些": the items below ``above`` (or ``share_above``) instead
    up_to: float | None = None  # "在10万到100万之间的有哪几项": the span's top, ``above`` its bottom
    share_above: float | None = None  # "占比超过两成的有哪几项": the items above this share (%) of the whole
    level: str = ""  # how fine a ranking or breakdown is read: "类" (broad areas), "项" (finest 科目), "" (as fits)
    names: list[str] = field(default_factory=list)  # the departments' names as their documents print them
    corrections: list[Correction] = field(default_factory=list)  # slips corrected before reading the question
    resolved: list = field(default_factory=list)  # the documents the answer rests on (DocumentInfo), once chosen
    carried_units: tuple[str, ...] = ()  # a follow-up's: the units the earlier turn asked in ("几辆")
    form_unit: str = ""  # the unit the figure is wanted in besides the printed one ("换成亿元")
    typed: str = ""  # the question as asked, before any rewording (a pasted sentence is read there)
    # the year a conversation's "去年呢" / "前年呢" count from: the one named before them (after
    # 2019, "去年呢" is 2018 and then "前年呢" 2017)
    year_anchor: int | None = None

    @property
    def units(self) -> tuple[str, ...]:
        """The units the question asks its figure in ("几辆" → 辆), or those of the turn it follows
        ("那18年呢" after "有多少辆公车" still asks for 辆, not the 公车 money; "占多少" after an
        amount asks a share, not money)."""
        # (who pays, "财政拨款负担的公务车", asks for no money)
        # (nor the document pointed at, "2025年那份预算里的呢")
        return asked_units(DOCUMENT_POINTED_RE.sub("", PAID_BY_RE.sub("", self.text))) or (
            () if self.operation == "share" else self.carried_units)

    @property
    def year_substituted(self) -> bool:
        """The year was carried from an earlier turn and the documents read are of another
        ("那临汾的呢" after 2024: 临汾 has 2019 only)."""
        return "years" in self.inherited and bool(self.resolved) and not (
            set(self.years) | set(self.compared_years)) & {d.year for d in self.resolved}

    def to_json(self) -> dict:
        """The plan as the CLI's --json and the eval harness show it."""
        asked = sorted(set(self.years) | set(self.compared_years))
        if self.year_substituted:
            asked = []  # "那临汾的呢" after 2024: the year 临汾's documents were read for
        names = self.names or list(dict.fromkeys(d.department for d in self.resolved))
        return {"operation": self.operation, "departments": names, "unknown_departments": self.unknown_orgs,
                "years": asked or sorted({d.year for d in self.resolved}),
                "documents": [d.source for d in self.resolved],
                "compared_years": self.compared_years, "kind": self.kind, "scope": self.scope,
                "measure": self.measure,
                "target": {"concepts": [c.name for c in self.concepts], "codes": self.codes, "words": self.rest},
                "order": self.order, "top_n": self.top_n, "place": self.place, "standing": self.standing, "level": self.level,
                "corrections": [[c.written, c.meant] for c in self.corrections],
                "inherited": sorted(self.inherited)}

    def within_threshold(self, amount: float) -> bool:
        """Whether an item of this many yuan is one the threshold asked picks (above it, below it,
        or inside the span said)."""
        if self.above is None:
            return True
        if self.up_to is not None:
            return self.above <= amount <= self.up_to
        return amount < self.above if self.under else amount > self.above

    def threshold_wan(self) -> set[float]:
        """The threshold's amounts in 万元, as an answer says them (numbers it may print)."""
        return {v / 1e4 for v in (self.above, self.up_to) if v is not None}

    def threshold_said(self) -> str:
        """The threshold as the answer says it ("超过100万元", "在10万元到100万元之间")."""
        def wan(amount: float) -> str:
            return f"{amount / 1e4:.2f}".rstrip("0").rstrip(".") + "万元"
        if self.up_to is not None:
            return f"在{wan(self.above)}到{wan(self.up_to)}之间"
        return f"{'少于' if self.under else '超过'}{wan(self.above)}"

    def reworded(self, pattern: re.Pattern, said: str = "") -> "QueryPlan":
        """The plan with what ``pattern`` matches in its words said as ``said`` (or left out): the
        same question asked plainly ("电费平均每个月多少钱" → "电费多少钱")."""
        return replace(self, text=pattern.sub(said, self.text), rest=pattern.sub(said, self.rest))

    @property
    def match_text(self) -> str:
        """The text to find concepts and 科目 in: the question, plus the topic it continues."""
        return f"{self.text}，{self.topic}" if self.topic else self.text

    rows: list[str] = field(default_factory=list)  # 科目 and row names of the store the question spells out
    one_name_for_several: bool = False  # the departments are those one name fits ("江苏办公厅"), not several named
    by_place: bool = False  # the departments are a place's ("普陀区这几家单位"): those without the year asked are left out
    left_out: list[str] = field(default_factory=list)  # of those, the ones without a document of the year asked

    @property
    def names_something(self) -> bool:
        return bool(self.concepts or self.codes or self.rows)

    @property
    def computed(self) -> bool:
        """A difference, comparison or sum: a figure no one cell or sentence holds, computed from
        its operands, each of which alone is no answer."""
        return self.operation in ("diff", "compare", "sum")


def _parts_asked_within(matches: list, key: str) -> list:
    """"政府采购里买服务的", "工程类政府采购" ask for the part (政府采购服务支出) within the whole it names first:
    the whole is where to look, not a second figure to add ("一共") or set beside it."""
    if has_cue("share", key) or claimed_share(key) is not None:
        return matches  # "收入里财政拨款占几成": the whole is what the share is of
    wholes = set()
    for n, whole in enumerate(matches):
        inside = [m for m in matches[n + 1:] if whole.concept.contains(m.concept.name)]
        before = [m for m in matches[:n] if whole.concept.contains(m.concept.name)]
        # (several of its parts named, "政府采购里货物工程服务哪个最多", are set against each other in it)
        gap = key[whole.end:inside[0].start] if len(inside) == 1 else ""
        if len(inside) == 1 and (WITHIN_RE.fullmatch(gap) or WITHIN_LEADING_RE.fullmatch(gap)) or \
                len(before) == 1 and not inside and KIND_BEFORE_WHOLE_RE.fullmatch(key[before[0].end:whole.start]):
            wholes.add(n)  # (or its kind said before it: "工程类政府采购")
            # with the words run into it that say whose it is ("财政拨款基本支出里，人员经费")
            if n and matches[n - 1].end == whole.start and matches[n - 1] not in before:
                wholes.add(n - 1)
    return [m for n, m in enumerate(matches) if n not in wholes]


POINTED_RE = re.compile(r"(?:那|这)一?(?:块|部分|项|笔)")


# a body described by what it does instead of named ("临汾那个管婚姻登记和殡葬改革的市局", "普陀那个跟机关
# 事务管理局合署办公的办公室"): the description is left out, the place and the kind of body kept
DESCRIBED_BODY_RE = re.compile(r"(?:的?那个|那家|那一个)?(?:管|负责|主管|专门管|收养|跟|给|搞|归)[^，,。？?]{1,30}?的(?:那个|那家)?"
                               r"(?:(?:部门|单位|机构)(?=[，,]|\d|$)|(?=(?:市|区|省|县)?(?:民政局|局|厅|办公厅|办公室|街道办|街道|福利院|部|"
                               r"委员会|委|中心|院)(?:[，,]|\d|[一二三四五六七八九零〇]{2}|$|的)))")


# what a document is told to say, then a question set against it ("三公说明里说公务用车保有量10辆，可
# 国有资产那块一共有几辆车"): the question is the second clause's, of the first's department and year
TOLD_RE = re.compile(r"^(?P<who>.*?(?:19|20)?\d{2}\s*年度?)[^，,。？?]*?(?:说明|表|文件|报告|文字|公告|新闻)[^，,。？?]{0,6}?"
                     r"(?:说|写|讲|提到|显示|列)[^，,。？?]*?\d[^，,。？?]*[，,](?:可是|但是|不过|可|但|而|那)(?P<asked>[^，,]*[？?]?)$")


BOTH_TOLD_RE = re.compile(r"两个|两者|两边|二者|两处|对得上|对不上|一致|一样|相符|差")


# a change told with its amount, then the year before's figure asked ("2018年一般公共预算收入比上年增加
# 了3756.18万，那上年的一般公共预算收入是多少"): that year's figure, of the department named before
# ("…公务接待费说比上年少了一点，那16年是多少": said without the amount, the year before by its number,
# the item named only in the change told)
CHANGE_TOLD_THEN_YEAR_BEFORE_RE = re.compile(
    r"^(?P<who>[^，,。？?]*?(?<!\d)(?P<year>(?:19|20)?\d{2})\s*年度?)(?P<item>[^，,。？?]*?)(?:比|较)(?:上年|上一年|去年)[^，,。？?]*?[，,]\s*"
    r"(?:那么?|那)?(?:上年|上一年|去年|(?P<before>(?:19|20)?\d{2})\s*年)(?P<asked>[^，,]*[？?]?)$")
# the words telling what a document says, before the item it says it of ("预算里说", "说明写着")
SAYS_RE = re.compile(r"^(?:的)?(?:(?:预算|决算|说明|文件|报告)?(?:里|中|上)?(?:说|写着?|讲|提到|显示))|(?:说|写着?|讲|提到|显示)$")


def _told_then_asked(text: str) -> str:
    """The question after what it says a document states, asked of the department and year named
    before (see TOLD_RE), or the year before's figure asked after a change told (the told amount is
    no answer); any other text as it is."""
    if (m := CHANGE_TOLD_THEN_YEAR_BEFORE_RE.match(text)) is not None and \
            (m.group("before") is None or full_year(int(m.group("before"))) == full_year(int(m.group("year"))) - 1):
        item = SAYS_RE.sub("", m.group("item")) if not lexicon().concepts_in(m.group("asked")) else ""
        who = m.group("who")[:m.start("year")]
        return f"{who}{full_year(int(m.group('year'))) - 1}年{item}{m.group('asked')}"
    m = TOLD_RE.match(text)
    if m is not None and BOTH_TOLD_RE.search(m.group("asked")):
        return text  # ("…175.52万，可支出表里项目支出是多少？两个差多少": the told figure is an operand)
    return f"{m.group('who')}{m.group('asked')}" if m else text


# a figure said and checked in passing, then the question ("省委办公厅17年决算一共花了20849.45万对吧，那18年的
# 预算总共是多少"): the question is what follows, of the department (and year, unless it names its own) said before
CONFIRMED_THEN_ASKED_RE = re.compile(r"^(?P<told>[^？?。]*?\d[^？?。]*?)(?:对吧|是吧|没错吧|对不对|对么|对吗|是吗)[？?，,。]\s*"
                                     r"(?:那么?)?(?P<asked>[^？?。]+[？?]?)$")


# a question of asking words only ("到底多少？", "准确是多少"): of the item said before it
ASKS_ONLY_RE = re.compile(r"^(?:那|那么)?(?:表里|文件里|原文)?(?:精确到(?:分|元|小数点后两位))?(?:到底|究竟|准确|具体|实际上?|正确的?)?(?:数)?"
                          r"(?:是|有|应该是)?(?:多少|几)(?:钱|元|块钱?)?[？?]?$")  # ("表里精确到分是多少元": the figure checked)


def _confirmed_then_asked(text: str) -> str:
    """The question after a figure it says and checks in passing (see CONFIRMED_THEN_ASKED_RE);
    any other text, or a question that sets the figure against another ("那比18年多多少"), as it is."""
    m = CONFIRMED_THEN_ASKED_RE.match(text)
    if m is None or (year := YEAR_RE.search(m.group("told"))) is None or \
            re.match(r"比|跟|和|与", m.group("asked")) or BOTH_TOLD_RE.search(m.group("asked")) or \
            ASKS_ONLY_RE.match(m.group("asked")):
        return text  # ("…4112万，对不对？到底多少？": the figure checked is the one asked)
    who = m.group("told")[:year.start() if YEAR_RE.search(m.group("asked")) else year.end()]
    return who + m.group("asked")


# names listed, then the word they share ("一般公共服务、社会保障和就业、住房保障这三类支出"): each is
# that 科目 with its word, said the way the tables print it
SHARED_WORD_LIST_RE = re.compile(r"((?:[\u4e00-\u9fff]{2,12}[、，,]){1,7}[\u4e00-\u9fff]{2,12}?)"
                                 r"(?:这|等)(?P<n>[两二三四五六七八九十几\d])?(?:个|类|项|块|方面)?的?(?P<word>支出|收入|经费)")


def _shared_word_listed(text: str) -> str:
    """Each name of a list that shares one word said after it, with that word ("A、B、C这三类支出" →
    "A支出、B支出、C支出"), when the count said is the list's."""
    def spelled(m: re.Match) -> str:
        names = re.split(r"[、，,]", m.group(1))
        said = chinese_number(m.group("n")) if m.group("n") and not m.group("n").isdigit() else m.group("n")
        if said not in (None, "几") and int(said) != len(names):
            return m.group(0)
        # (a name that ends in a word of its own, 取暖费, 彩票公益金, takes none)
        return "、".join(n if re.search(r"(?:费|金|支出|收入)$", n) else n + m.group("word") for n in names)
    return SHARED_WORD_LIST_RE.sub(spelled, text)


def _fund_said_first(text: str) -> str:
    """"项目支出里财政拨款出了多少", "三公经费中一般公共预算安排了多少": a fund said within a spending
    figure is which money of it is asked, said the way the tables' titles and the narratives
    say it ("财政拨款的项目支出"), not the fund's own income (or its row in a totals table)
    beside it; a share ("项目支出里财政拨款占几成") keeps both."""
    key = match_key(text)
    if has_cue("share", key):
        return text
    funds = _funds_alternation()
    for item in lexicon().concepts_in(text):
        fund = re.match(rf"(?:{WITHIN_RE.pattern})((?:{funds})+)", key[item.end:])  # ("政府性基金预算财政拨款")
        if fund is None or "收入" in item.concept.name or re.fullmatch(funds, match_key(item.word)):
            continue
        said = re.search(re.escape(item.word) + r"\s*" + WITHIN_RE.pattern + r"\s*" + re.escape(fund.group(1)), text)
        if said is not None:
            return f"{text[:said.start()]}{fund.group(1)}的{item.word}{text[said.end():]}"
    return text


# a fund said spent ("一般公共预算财政拨款实际花的比年初预算多了多少"): its 支出, not its 收入 row
# (or its budget set against its outturn, "一般公共预算财政拨款，全年预算和实际决算差多少": a 决算 sets
# the fund's spending against its budget)
FUND_SPENT_RE = re.compile(r"(?:实际|一共|总共|全年|当年|本年)?(?:花|用掉|开支)|[,，]?的?(?:年初|全年|调整后?)?预算数?"
                           r"(?:和|与|跟|比|对比)(?:实际)?(?:决算|执行|支出|花)")


def _fund_spent(text: str) -> str:
    """A fund's name said right before a verb of spending, read as the fund's spending."""
    return re.sub(rf"((?:{_funds_alternation()})+)(?={FUND_SPENT_RE.pattern})", r"\1支出", text)


@lru_cache(maxsize=1)
def _funds_alternation() -> str:
    """The schema's fund names as one regular-expression alternation, longest first."""
    return "|".join(sorted(map(re.escape, schema().funds), key=len, reverse=True))


def fund_spans(key: str, matches: list) -> list[tuple[int, int]]:
    """Where (in the match key) a fund's name is said of an item ("财政拨款基本支出", "一般公共预算
    安排的培训费"): which money of the item is asked, never the fund's own total or row.
    ``matches``: the concepts the text names (``lexicon().concepts_in``)."""
    items = [m for m in matches if not m.generic]
    spans = sorted((f.start(), f.end()) for fund in schema().funds for f in re.finditer(re.escape(fund), key)
                   if any(m.start >= f.end() and FUND_OF_RE.fullmatch(key[f.end():m.start]) for m in items))
    merged: list[tuple[int, int]] = []  # ("一般公共预算财政拨款基本支出": the two funds' names are one)
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


SAID_INSIDE_RE = re.compile(rf"(?:{INSIDE})的?(?:交|付|缴|发|用|花)?(?:的)?$")  # "基本支出里面(交)…"
# the whole two figures are set against each other in, said first ("基本支出中，人员经费是公用经费的几倍",
# "基本支出明细里的离休费和退休费加起来")
SAID_WITHIN_RE = re.compile(rf"(?:明细表?)?(?:{INSIDE})(?:[,:]|的)")


def _said_within(matches: list, rows: list[str], key: str) -> tuple[list, list[str]]:
    """"一般公共预算财政拨款基本支出中，人员经费是公用经费的几倍": what is named before "X中，" is where
    the two figures after it lie, not a third one set against them (a share keeps its whole, a
    ranking or breakdown reads it as the whole of its parts)."""
    if has_cue("share", key) or claimed_share(key) is not None or has_cue("rank", key) or has_cue("breakdown", key):
        return matches, rows  # (a share put up to be checked, "占了九成以上吗", is a share too)
    for within in reversed(list(SAID_WITHIN_RE.finditer(key))):
        after = [m for m in matches if m.start >= within.end() and not m.generic]
        after_rows = [r for r in rows if key.find(match_key(r), within.end()) >= 0]
        if len(after) + len([r for r in after_rows if not any(match_key(r) == match_key(m.word) for m in after)]) >= 2:
            return ([m for m in matches if m.start >= within.end()],
                    [r for r in rows if r in after_rows])
    return matches, rows


def _pointed_at(matches: list, key: str) -> list:
    """"有货物也有工程，工程那块安排了多少": the one item pointed at ("那块") is asked; the others
    named before it are context (a share's whole among them)."""
    if has_cue("share", key):
        return matches  # ("三公经费里公车那块的占比": the whole it is a share of is named too)
    pointed = [m for m in matches if re.search(re.escape(m.word) + POINTED_RE.pattern, key)]
    return pointed[-1:] if len(pointed) == 1 and len(matches) > 1 else matches


def _naming_an_alias(matches: list, key: str, lib) -> list:
    """"社保就业支出": a generic word right after a colloquial name of a 科目 row (an alias), the
    two naming a row the store holds (社会保障和就业支出), is that row's, not a second figure
    (本年支出合计) beside it; "收支预算一共" is still the budget's total."""
    ends = {key.find(a) + len(a): lexicon().aliases[a] for a in lexicon().aliases if match_key(a) in key}

    def names_row(m) -> bool:
        target = ends.get(m.start)
        return bool(target) and any(lib.row_names_in(t + m.word) for t in target.split())

    return [m for m in matches if not (m.generic and names_row(m))]


# a measure said right after an item ("机关运行经费支出预算"): that item's budget or outturn
MEASURE_TAIL_RE = re.compile(r"(?:支出)?(?:预算|决算)(?:支出)?数?")


def _measure_after_named(matches: list) -> list:
    """"机关运行经费支出预算中哪一项最大": 支出预算 right after a concept named is that concept's
    budget, not the department's 本年支出合计 (which the same words name when said alone)."""
    return [m for m in matches if not (m.concept.department_total and MEASURE_TAIL_RE.fullmatch(m.word) and any(
        o is not m and not o.generic and not o.concept.department_total and o.end == m.start for o in matches))]


def _qualifiers_dropped(matches: list, key: str) -> list:
    """A generic word said right after a concept's words is what that concept is ("项目经费支出一共
    多少", "项目经费的支出": the 支出 of 项目经费), not a second figure to add to it."""
    def generic_led(m) -> bool:  # "支出", or "支出一共" (a generic word with the sum's)
        return m.generic or any(m.word.startswith(match_key(g)) for g in m.concept.generic)

    return [m for m in matches if not (generic_led(m) and any(
        o is not m and not generic_led(o) and o.end <= m.start and key[o.end:m.start] in ("", "的") for o in matches))]


def _described(matches: list, key: str) -> list:
    """"日常运转的公用经费": a colloquial word right before an official term describes it; the
    figure asked is the official one's, not a second one (日常运转 → 基本支出) beside it."""
    return [m for n, m in enumerate(matches) if not (
        m.colloquial and n + 1 < len(matches) and not matches[n + 1].colloquial and not matches[n + 1].generic
        and matches[n + 1].concept is not m.concept and re.fullmatch("的?", key[m.end:matches[n + 1].start]))]


def _asked_beside_told(q: QueryPlan, text: str, resolver, latest_year: int | None) -> None:
    """What the question asks once what it tells is set aside: "已知2024年收入总计比上年减少14279.38
    万元，那2023年收入总计约为多少" asks the level of the year its asking clause names (the change is
    told); "的车有没有 几辆" a count, its yes/no word no call for an explanation (nor the kinds
    asked with it, "有几辆车？是什么车")."""
    if q.operation == "count" and q.intent == "reason" and not asks_reason(KINDS_ASKED_RE.sub("", re.sub(r"有没有|是否", "", text))):
        q.intent = "figure"
    # ("说明里讲买车的钱比24年少了10万，那25年…安排了多少": the told year may be read as no year at all)
    # ("其他城乡社区支出2024年才九百多万元，2025年预算安排了多少": the year told with its amount is no
    # year asked)
    year_told = (asked := _asked_before_year_told(text)) != text
    asked = asked if year_told else untold(text)
    if q.operation in ("change", "diff", "value") and len(set(q.years)) <= 2 and asked != text and \
            not any(has_cue(cue, asked) for cue in ("change", "diff", "compare")) and \
            (q.operation != "value" or YEAR_RE.search(arabic_years(asked))) and \
            len(set(told := resolver.years_in(asked, latest_year))) == 1:  # (a value's year said, not "今年" of the file told)
        q.operation, q.intent, q.years, q.compared_years = "value", "figure", told, []
        if year_told:
            q.rest = re.split(r"(?<=[？?])", q.rest, maxsplit=1)[0]  # (what the year told says is not asked)


def _asked_before_year_told(text: str) -> str:
    """The question before its mark where what follows only tells another year's figure (see
    ASKED_THEN_YEAR_TOLD_RE); else the text as it is."""
    m = ASKED_THEN_YEAR_TOLD_RE.match(text)
    told = m.group("told") if m else ""
    if not (TOLD_AMOUNT_RE.search(told) and YEAR_RE.search(arabic_years(told))) or ASKING_RE.search(told):
        return text
    return m.group("asked")


def untold(text: str) -> str:
    """The question less its clauses that tell an amount ("预算有100万，到底花出去没有"): the measure
    or kind of a figure told is not the one asked."""
    clauses = [c for c in CLAUSE_END_RE.split(text) if c.strip()]
    return "".join(c for c in clauses if not TOLD_AMOUNT_RE.search(c)) or text if len(clauses) > 1 else text


def _measure(text: str) -> str | None:
    """The measure asked (预算数 or 决算数); where both are said, the one the question's own
    sentence says ("预算到底是多少？我看到的都是决算的数": 预算数)."""
    told, text = text, untold(text)
    found = [m for m, pattern in MEASURE_WORDS.items() if pattern.search(text)]
    said_before = FUND_WORDS_RE.sub("", told[:max(told.find(text), 0)]) if text and text in told else ""
    if not found and MONEY_POINTED_BACK_RE.search(text) and TOLD_AMOUNT_RE.search(said_before):
        # "三公经费预算就定了14万多，这钱打算花在哪几块上": the money told (an amount) is the one asked of
        found = [m for m, word in (("预算数", "预算"), ("决算数", "决算")) if word in said_before]
    elif not found and (described := AMOUNT_OF_MEASURE_RE.search(said_before)) is not None:
        # "三公经费那14万多的预算，都安排在哪几项上": the amount told describes the figure asked, in its measure
        found = [f"{described.group('measure')}数"]
    if len(found) > 1 and (marks := list(QUESTION_MARK_RE.finditer(text))):
        asked = text[:marks[0].end()]
        found = [m for m, pattern in MEASURE_WORDS.items() if pattern.search(asked)] or found
    return found[0] if len(found) == 1 else None


# an amount the asker tells ("预算有100万", "是12.02万元"): its clause is background, not the question
# ("总共一万八千多万": said in words; not "上百万", "几十万", a threshold or a guess)
TOLD_AMOUNT_RE = re.compile(r"\d+(?:\.\d+)?多?\s*(?:万元|万|元|亿元|亿)"
                            r"|(?<![上过近几数好])[一二两三四五六七八九十][〇零一二两三四五六七八九十百千万]*多?(?:万元|万|元|亿元|亿)")
TOLD_CHANGE_RE = re.compile(r"比|较|增|减|涨|降|翻")  # a change told, which the question may work from
# an amount told as what the figure asked is ("那14万多的预算"): its measure is the one asked
AMOUNT_OF_MEASURE_RE = re.compile(rf"(?:{TOLD_AMOUNT_RE.pattern})多?(?:的)?(?P<measure>预算|决算)[，,]?$")
ASKING_RE = filler_re("question")  # words that make a clause ask (fillers.toml); the clauses before are background
SENTENCE_END_RE = re.compile(r"(?<=[。！!；;])")
# a sentence reporting what others say, ended as a statement ("人家说局里编制没几个。"): its 几 tells,
# it does not ask
REPORTED_SENTENCE_RE = re.compile(r"(?:^|[。？?！!；;])(?P<clause>(?:人家|别人|有人|听人|听说|据说|网上)[^。？?！!；;]*)[。！!；;]")
CLAUSE_END_RE = re.compile(r"(?<=[，,。！!；;])")
# a question, then another year's figure told after its mark ("23年是多少？24年是12.02万元吧", "18年的收入总计是
# 多少？19年说是少了105万多")
ASKED_THEN_YEAR_TOLD_RE = re.compile(r"^(?P<asked>[^？?]+[？?])\s*(?P<told>[^？?]+?)[？?。]?$")


# the last clause asks whether what the clause before tells of a year is still so in another
STILL_ASKED_RE = re.compile(r"[^，,；;。？?]*还(?:有|在|是|列|保留|存在)[^，,；;。？?]*[？?]?\s*$")


def _year_asked(q: QueryPlan, text: str, resolver, latest_year: int | None) -> None:
    """Of several years said, the one asked of: the year of the sentence that asks, not the remark
    after it ("25年还要买车？24年不是刚买过一辆吗", "18年哪一项最多？17年好像只有一项"), and of the
    clause asking whether something is still so ("18年有会议费这一项，19年还有吗")."""
    q.years = resolver.years_in(SENTENCE_END_RE.split(asking_part(text))[0].split("？")[0], latest_year) or q.years
    still = STILL_ASKED_RE.search(text)
    if len(set(q.years)) > 1 and still:
        q.years = resolver.years_in(still.group(), latest_year) or q.years


def asking_part(text: str, by: re.Pattern = SENTENCE_END_RE) -> str:
    """The text from the first sentence (or clause) that asks something: what comes before it is
    background, told to explain the question."""
    pieces = [p for p in by.split(text) if p]
    first = next((i for i, p in enumerate(pieces) if ASKING_RE.search(p) and not REPORTED_SENTENCE_RE.fullmatch(p)), 0)
    if first and POINTED_BACK_RE.match(pieces[first]):
        first -= 1  # ("…比2022年预算执行数减少4.83%。这个减少具体是少了多少钱": what it points back at)
    return "".join(pieces[first:])


QUESTION_MARK_RE = re.compile(r"[？?]")
MONEY_POINTED_BACK_RE = re.compile(r"这(?:笔|些)?钱|这笔(?:资金|经费|预算)")  # the money just told, pointed at
FUND_WORDS_RE = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|预算单位")  # (no measure said)
# a sentence that starts by pointing back at the one before ("这个减少…", "这笔钱…", "它…")
POINTED_BACK_RE = re.compile(r"\s*(?:那|那么)?(?:这个|这笔|这项|这一项|这句话?|这些|它)")
# a remark reporting what someone said or thought, or that the asker is lost ("我儿子说…", "我也看不明白")
# what a document says, told after the question ("24年报告里说下降了62.63%", "19年的说明里说比18年下降了16.74%")
DOCUMENT_TOLD_RE = re.compile(r"(?:(?:19|20)?\d{2}年(?:度)?的?)?(?:报告|说明|文件|表|决算|预算)(?:里|中|上)?(?:说|写着?|显示|提到)[^？?]*\d[^？?]*[。.！!]*")
REPORTED_RE = re.compile(r"(?:我|他|她|人家|别人)[^，,。？?]{0,4}(?:说|讲|觉得|以为|看不|不懂|搞不)|听说|据说|听人说|有人说|网上说|网传|(?:大家|人们)?都说")
# bodies said to be under the department ("想对比下属宾馆的做法"): what is asked is one of them
UNDER_RE = re.compile(r"下属|所属|旗下|直属|下设|管的")
# a year named by its place among the years the store holds for the department ("最早那年的三公经费",
# "最新那年年底有几辆车"), and which years are held asked beside a figure ("库里有哪几年的？…")
EARLIEST_YEAR_RE = re.compile(r"最早(?:的)?(?:那|一)?一?年|最老的(?:那|一)?一?年|最早的?(?:预算|决算)?是哪一?年")
LATEST_YEAR_RE = re.compile(r"最新(?:的)?(?:那|一)?一?年|最近(?:的)?(?:那|一)一?年|最后(?:那|一)一?年|最新的?(?:一份|那份)?(?:预算|决算)?是哪一?年")
DOCUMENT_BY_PLACE_RE = re.compile(r"(最新|最近|最早|最老)(?:的)?(?:那|一)份")  # the latest (earliest) document, no year read otherwise
LATEST_BASIS_RE = re.compile(r"(?:就)?(?:按|以|用|根据)(?:最新|最近)的?(?:那|一)份(?:预算|决算|文件)?(?:来)?(?:说|算|看|为准)?[。！!]*")
# ("最新的预算是哪年的？那年…": the year asked is said by the answer, nothing to look up)
YEAR_BY_PLACE_ASKED_RE = re.compile(r"(?:最新|最早)的?(?:一份|那份)?(?:预算|决算)?是哪一?年的?[？?，,]")
YEARS_HELD_ASKED_RE = re.compile(r"(?:的)?(?:预算|决算)?(?:库里|你这里?|这里|库中)?(?:都)?(?:有|存了|收了)(?:哪几年|哪些年份?|几年)的?(?:预算|决算)?[？?，,]?|"
                                 r"(?:的)?(?:预算|决算)?(?:库里|你这里?|这里|库中)?有(?:19|20)?\d{2}年(?:以后|以前|之后|之前)的?(?:预算|决算)?吗[？?，,]?"
                                 r"(?:没有的话|如果没有|没有就)?[，,]?")
# a term's meaning asked before the term ("啥叫机关运行经费？", "什么叫基本支出"): said the usual way round
MEANING_FIRST_RE = re.compile(r"(?:啥|什么)叫(?:做)?(?P<term>[^，,。？?！!]{2,16}?)(?=[？?，,！!])")
# the unit a figure is wanted in, said beside the question ("换成万元", "用万元说", "帮我换算成元"): how
# to print the answer, nothing to look up (its 万元 is no row's "单价50万元以上")
FORM_UNIT_RE = re.compile(r"(?:帮我|请|麻烦)?(?:换算|折算|转换|换|折合|转)(?:一下)?成?为?(?P<into>亿元|万元|千元|元|亿)(?:来说|表示|显示)?"
                          r"|(?:用|以)(?P<said>亿元|万元|千元|元)(?:为单位)?来?(?:说|表示|显示|计|算|给我?)"
                          r"|单位(?:用|换成|要)(?P<unit>亿元|万元|千元|元)|(?:给我|只要|直接给)数字就?(?:行|好|可以)?")
# a figure asked for in a unit ("是多少元", "有几个亿", "多少块钱"): kept in the question's words
ASKED_IN_UNIT_RE = re.compile(r"(?:多少|几)个?(?P<asked>亿元|万元|千元|元|亿|块钱|块)(?![\u4e00-\u9fff])")
LEVEL_MARK_RE = re.compile(r"\([类款项]\)的?$")
LEVEL_MARKS = ("(类)", "(款)", "(项)")
MOST_RE = re.compile(r"最(?:多|少|大|小|高|低)|第[一二三四五六七八九十两\d]+(?:多|少|大|小|高|低)")  # the largest or smallest asked, or a place from either end
# a column pointed at ("一般公共预算财政拨款那一列")
COLUMN_POINTED_RE = re.compile(r"[”\"]?(?:那|这)?一?列")
# one row pointed at ("“住宿服务”那一行", "这一栏")
ONE_ROW_RE = re.compile(r"[那这]一?(?:行|栏)")
# items above (or below) an amount asked for ("超过100万的有哪几项", "1000万以上的科目有哪些", "少于20万的")
BOUND_SAID = r"超过|高于|大于|多于|(?P<under>少于|低于|小于|不到|不足|不超过)"  # (a bound said in words)
THRESHOLD_BOUND = rf"(?:{BOUND_SAID}|在)"
# (not the N of a top-N: "最多的前3是哪几项", "top3")
AMOUNT_SAID = r"(?<![前第\dA-Za-z.])(?P<number>\d+(?:\.\d+)?)(?P<magnitude>亿|万)?(?:元|块钱?)?"
THRESHOLD_AMOUNT = rf"{AMOUNT_SAID}(?:以上|(?P<below>以下))?"
# the items asked after an amount ("…的项目有哪些", "…的有几项")
ITEMS_ASKED_AFTER = (r"的?(?:[类款项]级)?(?:项目|科目|项|款|类|块)?(?:的?(?:支出|收入))?(?:有|是)?"
                     r"(?P<ask>哪些|哪几|哪一(?=[块项类款个笔])|哪一?个(?!月|季)|(?:几|多少)(?=个|项|类|款|笔))")  # (how many of them: "有几项")
ABOVE_RE = re.compile(rf"{THRESHOLD_BOUND}?{THRESHOLD_AMOUNT}{ITEMS_ASKED_AFTER}"
                      # ("哪些支出超过1000万元": the bound said after the question, never left out)
                      # ("有几个项级科目的支出超过50万元": how many, asked before the bound)
                      rf"|(?P<ask_first>哪些|哪几[个项类款]?|哪一[项类款个笔块]|(?:几|多少)(?=个|项|类|款))[^，,。？?\d]{{0,10}}?{(THRESHOLD_BOUND + THRESHOLD_AMOUNT).replace('?P<', '?P<x_')}")
# the same with the items named in words of their own after a bound said ("不到1万块的采购物品有几项"; a bare
# number, "18年三公经费里哪一项", is no threshold)
ABOVE_NAMED_RE = re.compile(rf"(?<![\d.])(?:{BOUND_SAID}){THRESHOLD_AMOUNT}的[\u4e00-\u9fff]{{2,6}}?(?:有|是)?"
                            r"(?P<ask>哪些|哪几|哪一?个(?!月|季)|(?:几|多少)(?=个|项|类|款|笔|样|件))")
# items near an amount asked for ("五十万上下的是哪几项", "100万左右的有哪些"): within NEAR_SPAN of it
NEAR_SPAN = 0.1
NEAR_ASKED_RE = re.compile(rf"{AMOUNT_SAID}(?:左右|上下|前后){ITEMS_ASKED_AFTER}")
# items inside a span asked for ("在10万到100万之间的有哪几项", "10到50万元的科目有几个")
SPAN_ASKED_RE = re.compile(rf"{RANGE_RE.pattern}的?(?:[类款项]级)?(?:项目|科目|项|款|类|块)?(?:有|是)?"
                           r"(?P<ask>哪些|哪几|哪一(?=[块项类款个笔])|(?:几|多少)(?=个|项|类|款|笔))")
# two conditions asked at once ("既比24年多、又超过1000万", "既跟24年持平，又超过100万")
BOTH_CONDITIONS_RE = re.compile(r"既(?P<first>[^，,。？?、]+?)[，,、]?\s*(?:又|也|还|而且|并且|同时)(?P<second>[^，,。？?]+)")
# a change on another year said as a condition ("比24年多", "跟上年持平", "较18年少")
CHANGE_SIDE_RE = re.compile(r"(?:比|跟|和|与|较)[^，,。？?]{0,8}?(?:多|少|增加|减少|涨|降|持平|一样|没变)")
# an amount said with its bound ("超过1000万", "不到50万")
BOUND_AMOUNT_RE = re.compile(THRESHOLD_BOUND + THRESHOLD_AMOUNT)
# whether any item is above an amount ("有没有哪一项超过50万元", "有没有哪一类支出上亿")
ANY_ABOVE_RE = re.compile(rf"(?:有没有|是否有|有无)(?:哪一?[个项类款笔样块]|什么)[^，,。？?\d]{{0,10}}?"
                          rf"(?:{THRESHOLD_BOUND}{THRESHOLD_AMOUNT}|(?:上|过|超)(?P<round>亿|千万|百万))")
ROUND_AMOUNTS = {"亿": 1e8, "千万": 1e7, "百万": 1e6}
# the parts above a share of their whole ("有没有哪一类超过一半", "占比超过10%的是哪几类")
SHARE_ABOVE_RE = re.compile(rf"(?P<bound>{THRESHOLD_BOUND})?(?:占了?)?(?:总支出的|总收入的|总数的|全部的|总额的|合计的|一共的)?"
                            r"(?P<share>一半|半数|[一二两三四五六七八九]成|\d+(?:\.\d+)?\s*[%％]|百分之[\d一二三四五六七八九十]+(?:\.\d+)?)"
                            r"(?:(?P<over>以上)|(?P<below>以下))?")


# spending kept within its budget, asked ("是否控制在年初预算以内"): the outturn against the budget
WITHIN_BUDGET_RE = re.compile(r"(?:控制在|在|没超出?|未超出?)[^，。？?]{0,10}预算数?(?:以内|之内|范围内)")
# whether a budget was spent in full ("那个项目钱全部花完了吗", "预算用完没有"): its outturn against it
SPENT_IN_FULL_RE = re.compile(r"(?:花|用|使用|支出)(?:完|光)了?(?:吗|没有?|么)|(?:花|用)没(?:花|用)完|(?:是否|是不是)(?:全部|全额|全|都)?(?:花|用|使用|支出)(?:完|光)")
# a figure the question gives right after a concept ("行政编制是十八个人吧", "行政编制18人，…"): told, not asked
GIVEN_AFTER_RE = re.compile(r"(?:是|为|有|共|才|只有|只|仅)?(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千]+(?:[万亿][一二两三四五六七八九十百千]+)?)多?"
                            r"(?:个?(?:人|名|辆|台|套|万元|元|万|亿元|亿)|个(?=[\s\d,，。;；]))")
TOTAL_ASKED_RE = re.compile(r"合计|总计|一共|总共|总数|总额")
# the generic words of spending said as a verb ("一共花了"), which name nothing beside a concept
SPENT_VERB_RE = re.compile(r"(?:一共|总共|打算|准备|一年)?要?花了?(?:多少)?")
# a guess at the answer after the question, naming an item but no amount ("哪项花得最多？该不会是吃吃喝喝吧")
# (or a suspicion no figure answers: "是不是拿公款出国旅游", "是不是乱花钱")
GUESS_RE = re.compile(r"(?:该不会|不会|难道|莫非|怕不是|估计|八成|是不是(?=[^？?。！!\d]{0,3}(?:公款|乱花|浪费|挥霍|大吃大喝)))"
                      r"[^？?。！!\d万亿元]*(?:吧|吗)?[？?。！!…]*")
# the question said again in other words after it ("？就是预算里没花掉的有多少", "？也就是执行率是多少")
RESTATED_RE = re.compile(r"(?<=[？?])\s*(?:也|我)?就是(?:说|问)?[^？?。！!]*[？?。！!]*$")
# which measure the figure asked is, asked after it ("…多少？文件里这个数是预算还是实际花的？"): every
# figure answered says its measure (预算数 / 决算数)
MEASURE_CHOICE_AFTER_RE = re.compile(r"(?<=[？?，,])\s*(?:文件里|表里|这里|那)?(?:这个数|这个|这笔钱?|这|它)(?:字)?(?:是|算)(?:年初)?(?:预算|计划|安排)(?:数|的)?"
                                     r"还是(?:实际|决算|真正|最后)(?:花|用|支出)?(?:的|数|掉的)?[？?]?$")
# a reading the asker rules out after the question ("，不是问结转结余", "我说的不是指预算数"): no part
# set aside (not a doubt put as a question, "，不是说三公经费减少了吗")
RULED_OUT_RE = re.compile(r"[，,；;]\s*(?:我)?(?:问的|说的|要的)?(?:并)?不是(?:问|说|指|要)(?:的)?[^，,。？?！!；;]*(?<![吗么吧呢])"
                          r"(?=[，,。！!；;]|$)[。！!]?")
GUESSED_RE = re.compile(r"我?猜[^？?。！!]*[？?。！!…]*")  # "我猜大部分是发工资的吧？": a guess said as one
# items listed one by one ("三公经费、会议费、培训费"), not the 、 of a row's ordinal ("一、一般公共服务支出")
# nor one between two asks ("包括哪几项、各多少")
LIST_MARK_RE = re.compile(r"(?<![一二三四五六七八九十\d])、(?!各|分别|都|是?多少)")
QUESTION_CLAUSE_RE = re.compile(r"[？?，,]")  # the clauses a question asks in
DEFINITION_FIRST_RE = re.compile(r"^[^?？。!！]{1,24}?(?:是指|指的是|具体指|主要指|是什么|是啥|什么意思|是哪几项|包括哪些|包含哪些|包括什么)[^?？。!！]{0,8}[?？。!！]")
# how the asker wants it worked out, after the question ("用24年决算说明里跟上年比的数推一下"): the
# figure asked is the question's; the way said is no second year or change asked
METHOD_RE = re.compile(r"(?:用|根据|按照?|拿|从|照)[^？?。！!]{1,40}?(?:推|算|倒推|推算|反推|计算|换算)(?:一下|出来|一算)?[。！!？?]*")


# why the asker asks, said after the question ("想看看有没有能对接的", "我们想了解一下")
PURPOSE_REMARK_RE = re.compile(r"(?:我们|我)?(?:就是|主要|是|只是)?想(?:看看|看下|看一下|了解|知道|找找|问问)")
# the asker's own reckoning, after the question ("有几个处室？我想算算平均每个处室花多少钱"): what is
# asked is what they reckon with
OWN_RECKONING_RE = re.compile(r"(?:我们|我)(?:是)?(?:想|要|打算|准备|好)(?:自己)?(?:算算|算一下|算一算|算下|算个|核算一下|估算一下)")
FIGURE_WORDS_RE = re.compile(r"多少|几|钱|支出|经费|收入|[万亿]?元")  # (a remark asking a figure is a question)
# the document the asker has, said after the question ("我这只有它2024年的单位预算", "我手上是24年的预算")
HOLDING_REMARK_RE = re.compile(r"我?(?:这|这边|这里|手上|手里|手头)?(?:只有|就有|有的是|看的是|拿到的是|拿的是|手上是|用的是)(?P<doc>[^。！!？?]{2,30}?(?:预算|决算|文件|报告))[。！!]*$")


def _without_restatement(text: str) -> str:
    """The question without a reading the asker rules out ("…没花掉的有多少，不是问结转结余": nothing
    set aside) and without the question said again after it ("…差了多少？就是预算里没花掉的有多少");
    one said again that adds a figure or names something new ("那人员的呢？就是发给工作人员那块",
    "基本支出多少？就是人员经费那块", "就是一台要20万元以上的那种") stays. What the ruled-out words name
    is nothing new."""
    ruled_out = {m.concept.name for r in RULED_OUT_RE.finditer(text) for m in lexicon().concepts_in(r.group())}
    text = RULED_OUT_RE.sub("", text)
    if (choice := MEASURE_CHOICE_AFTER_RE.search(text)) and re.search(r"多少|几", text[:choice.start()]):
        text = text[:choice.start()]  # (the answer says which measure its figure is)
    again = RESTATED_RE.search(text)
    if again is None or not re.search(r"多少|几|百分之", text[:again.start()]) or re.search(r"\d", again.group()):
        return text
    named_again = {m.concept.name for m in lexicon().concepts_in(again.group()) if not m.generic}
    named_before = {m.concept.name for m in lexicon().concepts_in(text[:again.start()])}
    return text[:again.start()] if named_again <= named_before | ruled_out else text


# where the item asked lies, said after the question ("取暖费是多少，就是机关运行经费里面那个")
WHOLE_SAID_AFTER_RE = re.compile(r"[，,\s]+(?:也)?就是(?:说)?(?:在)?(?P<whole>[^，,。？?\s]{2,20}?)(?:里面|里头|里边|里|当中|之中|中|下面|底下)"
                                 r"的?(?:那一项|那一块|那个|那项|那笔|那块)[。？?！!]*$")
YEAR_SAID_RE = re.compile(r"(?:19|20)\d{2}年度?的?")


def _whole_said_after(text: str) -> str:
    """The whole an item lies in, said after the question, put before the item as "X里的" (after
    the year said, or first): "…2017年的取暖费是多少，就是机关运行经费里面那个" asks the 取暖费 of
    the 机关运行经费 table, not the 机关运行经费 total."""
    m = WHOLE_SAID_AFTER_RE.search(text)
    if m is None:
        return text
    asked = text[:m.start()]
    year = list(YEAR_SAID_RE.finditer(asked))
    at = year[-1].end() if year else 0
    return f"{asked[:at]}{m.group('whole')}里的{asked[at:]}"


# a request after several questions to answer each ("，分别说下", "，都说一下")
# (not "都列出来", which asks for the parts listed)
EACH_TOLD_RE = re.compile(r"[，,]\s*(?:请|麻烦)?(?:分别|都|一起|各自|挨个)(?:说|讲|告诉我)(?:一?下|说|讲)?[。！!]*$")


def _without_trailing_remark(text: str) -> str:
    """A remark after the question ("…有几辆车啊？我不知道", "…多少？谢谢") asks nothing and names
    nothing: it is left out, so that its words are not read as part of what is asked."""
    marks = list(QUESTION_MARK_RE.finditer(text))
    if not marks:
        return text
    # ("…少了多少？下降了百分之几，分别说下": each question asked is answered; the request adds none)
    text = EACH_TOLD_RE.sub("", text)
    tail = text[marks[-1].end():]
    last = text[marks[-2].end():].strip() if len(marks) > 1 else ""
    if last and (GUESS_RE.fullmatch(last) or GUESSED_RE.fullmatch(last)) and has_cue("breakdown", text[:marks[-2].end()]):
        return text[:marks[-2].end()]  # "…主要花在哪几块？我猜大部分是发工资的吧？": the parts answer the guess
    if OWN_RECKONING_RE.match(tail.strip()) and not YEAR_RE.search(tail):
        return text[:marks[-1].end()]
    if PURPOSE_REMARK_RE.match(tail.strip()) and not (FIGURE_WORDS_RE.search(tail) or YEAR_RE.search(tail)):
        return text[:marks[-1].end()]  # "…哪一项钱最多？想看看有没有能对接的": why it is asked
    if held := HOLDING_REMARK_RE.match(tail.strip()):
        # "…有几辆车？我这只有它2024年的单位预算": the document the asker has says the year, asks nothing
        years = "".join(m.group(0) for m in YEAR_RE.finditer(held.group("doc")))
        return years + text[:marks[-1].end()]
    if (DOCUMENT_TOLD_RE.fullmatch(tail.strip()) or LATEST_BASIS_RE.fullmatch(tail.strip())) and not ASKING_RE.search(tail):
        # ("…按最新那份预算说。": which document, read from the question by _year_by_place)
        return text[:marks[-1].end()]  # "…23年的…是多少？24年报告里说下降了62.63%。": what the document says, told
    if REPORTED_RE.match(tail.strip()) or GUESS_RE.fullmatch(tail.strip()) or METHOD_RE.fullmatch(tail.strip()):
        # "…多少钱？我儿子说表里好几个数对不上": what someone said, not asked; "该不会是吃吃喝喝吧": a guess
        return text[:marks[-1].end()]
    if not tail.strip() or ASKING_RE.search(tail) or ROUNDING_ASKED_RE.search(tail) or UNDER_RE.search(tail) or \
            BUDGET_WORDS.search(tail) or YEAR_RE.search(tail) or \
            any(has_cue(cue, tail) for cue in ("truth", "yesno", "multiple", "trend")) or re.search(r"没有?[？?。！!]*$", tail) or \
            lexicon().concepts_in(tail):
        return text
    return text[:marks[-1].end()]


# "发工资交社保、给离退休老同志发钱这些花在人身上的": things listed as examples of the everyday
# name after them (这些, 这类, 之类的, 等)
EXAMPLES_RE = re.compile(r"[^,，:：。？?！!；;\d年]*、[^,，:：。？?！!；;]*?(?=(?:这些|这类|之类的?|等等?)的?$)")


# examples in brackets after what they illustrate ("钱主要花在哪几方面（比如行政、社保、住房这种）",
# "公用开销（办公用品、水电、出差、用车这些）里"): a list, led by 比如 or closed by 这些, naming no
# figure of its own (not "（不含会议费、培训费）", "（含事业收入等）": what is counted)
BRACKETED_EXAMPLES_RE = re.compile(r"[（(](?!不?含|包括|包含|除|扣除|剔除)(?:(?:比如|例如|譬如|诸如|像)[^（）()]*、[^（）()]*"
                                   r"|[^（）()]*、[^（）()]*(?:这种|这些|这类|之类的?|等等|什么的))[）)]")


# examples that say how fine a ranking is read ("具体到水费电费这种细项"): the level, not the items
LEVEL_EXAMPLES_RE = re.compile(r"(?:具体到|细到|像|比如|例如)?[^,，:：。？?！!；;\d年]{2,16}?(?:这种|这类|这样的?|之类的?)的?"
                               r"(?P<level>细项|明细|小项|最细的项|末级科目)")


# "有没有政府性基金的钱啊 收入支出什么的": a vague "and such" after the question names nothing new
# (not "，是买什么的": what something is for, asked)
AND_SUCH_RE = re.compile(r"[\s,，、]+(?![这那它]?(?:是|为|用来|用于|干))[^\s,，、？?。！!]{1,12}(?:什么的|之类的?|等等)[。？?！!]*$")


def _without_and_such(text: str) -> str:
    """A trailing "…什么的" elaborates what was asked; it is left out when what is before it names a
    figure of its own."""
    m = AND_SUCH_RE.search(text)
    return text[:m.start()] if m and any(not c.generic for c in lexicon().concepts_in(text[:m.start()])) else text


# words pointing back at a pasted fragment ("…” 这里面大头是哪几项", "这行是什么意思")
POINTER_RE = re.compile(r"这(?:个|行|一行|里面|里|笔|项|句|段|一项)|它")
# words asking about what the document says after a pasted fragment, not in it
AFTER_PASTE_RE = re.compile(r"^[，,。；;、\s]*(?:那)?(?:后面|后边|接下来|接着|下面|再往后|之后)")
# what asks, says or compares, not what is asked about ("说的…是多少", "比上年度减少了多少")
AFTER_ASKING_RE = re.compile(rf"[说写讲提]|的|是|多少|几|了|呢|吗|比(?:{YEAR_BEFORE})度?|增加|减少|增长|下降|百分之|占")
# the ordinal a pasted line of the narrative starts with ("（二）", "（12）", "3.")
PASTED_ORDINAL_RE = re.compile(r"^\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十\d]+[、.．])\s*")


def _pasted_subject(text: str) -> str:
    """A pasted fragment the rest of the question points back at stands for what it is about, the
    words before its first amount ("（二）公用经费 2144.60 万元。主要包括：办公费、水费…" → 公用经费):
    the parts it goes on to list are not asked about."""
    m = PASTED_RE.search(text)
    if m is not None and (after := AFTER_PASTE_RE.search(text[m.end():])) and \
            len(re.findall(r"[\u4e00-\u9fff]", AFTER_ASKING_RE.sub("", text[m.end() + after.end():]))) >= 4:
        # "那段“…”，后面说留给小微企业的是多少": a subject of its own, after the fragment (but
        # "后面说比上年减少了多少" asks on about the fragment's subject)
        return text[:m.start()] + "，" + text[m.end():]
    if m is None or not POINTER_RE.search(text[:m.start()] + text[m.end():]):
        return text
    lead = re.split(r"\s\d|(?<=[\u4e00-\u9fff）)])\d", PASTED_ORDINAL_RE.sub("", m.group(1)), maxsplit=1)[0].strip()
    return text[:m.start()] + lead + text[m.end():] if lead else text


def _without_examples(text: str, resolver) -> str:
    """Examples listed before the name of what is asked describe it: their words name no second
    figure (工资 of "发工资" is not the 工资福利支出 row) and are left out (not a department or
    year said among them); examples of a level ("水费电费这种细项") leave the level said, and examples
    in brackets after it go."""
    text = BRACKETED_EXAMPLES_RE.sub("", LEVEL_EXAMPLES_RE.sub(r"\g<level>", text))
    for m in reversed(lexicon().concepts_in(text)):
        if not m.generic and (example := EXAMPLES_RE.search(text[:m.start])) and \
                not YEAR_RE.search(example.group()) and not resolver.resolve(example.group(), None).departments:
            return text[:example.start()] + text[example.end():]
    return text


# what was left of an item's budget ("三公经费预算里，没花掉的有多少"): its 预算数 less its 决算数
UNSPENT_RE = re.compile(r"(?:的?预算)?(?:里|中|里面)?[，,]?(?:有多少钱?)?(?:(?<!有)没(?:有)?(?:花|用|执行|支出)(?:掉|完|出去)|花剩下?|用剩下?)的?(?:钱)?(?:有|是|还有)?")


def _unspent_of_item(text: str, lib) -> str:
    """"三公经费预算里，没花掉的有多少", "行政运行没用完多少" ask the item's 预算数 less its 决算数
    (no item but the department's whole carries a 年末结转和结余 of its own): said as that gap."""
    m = UNSPENT_RE.search(text)
    if m is None:
        return text
    before = [c for c in lexicon().concepts_in(text[:m.start()]) if not c.generic]
    if any(c.concept.department_total or c.concept.holds for c in before) or not (
            before or lib.row_names_in(lib.resolver.resolve(text[:m.start()], None).rest) or "项目" in text[:m.start()]):
        return text  # "阳泉民政局24年没花完的钱", "年底还有多少钱没用完": the department's 年末结转和结余
    return f"{text[:m.start()]}预算比决算多{text[m.end():]}"


def standard_words(text: str) -> str:
    """Dialect and casual words as the standard ones ("整了多老钱" → 花了多少钱; core/vocab/colloquial.toml)."""
    for pattern, said in colloquial_words():
        text = pattern.sub(said, text)
    return text


def _without_funds_said_of(matches: list, rows: list[str], key: str, text: str) -> tuple[list, list[str]]:
    """"财政拨款负担的公务车", "财政拨款本年收入合计比本年支出合计多多少": the fund says which
    vehicles are counted, which money is summed; no income (nor row) of its own."""
    spans = fund_spans(key, lexicon().concepts_in(text))
    said_of = {key[a:b] for a, b in spans}
    return ([m for m in matches if not any(a <= m.start and m.end <= b for a, b in spans)],
            [r for r in rows if match_key(r) not in said_of])


def _rows_outside_concepts(rows: list[str], matches: list, key: str) -> list[str]:
    """A row name said only inside a longer concept word ("一般公共预算" of 一般公共预算支出) is that
    concept's word, no row of its own."""
    def only_inside(name: str) -> bool:
        spots = [s.start() for s in re.finditer(re.escape(name), key)]
        return bool(spots) and all(any(m.start <= at and at + len(name) <= m.end and m.end - m.start > len(name)
                                       for m in matches if not m.generic) for at in spots)
    return [r for r in rows if not only_inside(match_key(r))]


def _without_table_names(matches: list, key: str) -> list:
    """"三公表里公车那几格", "机关运行经费在三公那张表的哪一栏": a concept said as its table's name is
    where to look, not what is asked
    (where something else is asked: "三公表里合计多少" still asks the 三公)."""
    kept = [m for m in matches if not TABLE_NAMED_AFTER_RE.match(key, m.end)]
    return kept if kept and kept != matches else matches


TABLE_NAMED_AFTER_RE = re.compile(r"(?:那一?张|这一?张)(?:预算|决算)?(?:支出)?(?:明细)?表(?:格)?[，,]|"
                                  r"(?:那一?张|这一?张|的)?(?:预算|决算)?(?:支出)?(?:明细)?表(?:格)?(?:里|中|上|内|的(?=哪))")


def understand(question: str, lib, previous: QueryPlan | None = None) -> QueryPlan:
    """One question as a plan; ``lib`` gives the resolver, the latest year and the speller."""
    text, corrections = _asked_text(question, lib)
    resolver, latest_year = lib.resolver, lib.latest_year
    mention = resolver.resolve(text, latest_year)
    key = match_key(text)
    titles = lib.title_spans(key)
    # (rows named in a bracketed exclusion, "“三公”经费（不含会议费、培训费）", are not asked)
    rows = _with_aliased_rows(lib, _finest_of_path([r for r in lib.row_names_in(EXCLUDING_QUALIFIER_RE.sub("□", match_key(mention.rest)))
                                                    if not lexicon().read_across(r, key)], key), mention.rest)
    matches = _concept_matches(text, key, titles, rows, lib, previous)
    matches, rows = _said_within(matches, rows, key)
    matches = _without_table_names(matches, key)
    matches, rows = _without_funds_said_of(matches, rows, key, text)
    rows = _rows_outside_concepts(rows, matches, key)
    if choice := EITHER_RE.search(text):
        # "是一般公共预算出的还是政府性基金出的": the funds are what an item named (or talked of
        # before) is read in, not the item ("支出主要是基本支出还是项目支出" names no other: the two
        # are what is compared)
        other_rows = [r for r in rows if r not in (choice.group("a"), choice.group("b"))]
        other_matches = [m for m in matches if m.word not in choice.group(0)]
        if other_rows or other_matches or previous is not None:
            rows, matches = other_rows, other_matches
    q = QueryPlan(text=text, typed=question, departments=mention.departments, years=_without_counted_at(mention.years, text),
                  compared_years=resolver.years_in(text, latest_year, compared=True),
                  kind=mention.kind if kind_in(untold(text)) == mention.kind else None,
                  scope=mention.scope, concepts=list({m.concept.name: m.concept for m in matches}.values()),
                  codes=_codes_said(text), measure=_measure(text),
                  unknown_orgs=quoted_out(mention.unknown_orgs, text) if mention.departments else mention.unknown_orgs, budget_words=bool(BUDGET_WORDS.search(text)),
                  one_name_for_several=mention.one_name_for_several, by_place=mention.by_place,
                  rest=mention.rest, corrections=corrections, rows=list(dict.fromkeys(rows)), form_unit=form_unit(question))
    compare = _read_intent(q, text)
    # (of two that exclude each other, "去年剩下没花完", one is meant: no list of two)
    named = len({c.name for c in _without_contradicted([m for m in matches if not m.generic], key)} - _asking_beside_counted(matches)) + len(q.codes)
    asking = _asking_part(text)
    read_operation(q, max(named, len(q.rows)), _masked(asking, titles if asking == key else lib.title_spans(asking)))
    _table_total_set_against(q, key, titles)
    if len(q.codes) == 1 and q.operation == "sum" and not has_cue("sum", text):
        # "20607 科学技术普及收入预算合计是多少", "30240 税金及附加费用决算数": one 科目's cell (its 合计
        # column, the 及 of its name), not a sum with the totals or the table's words around it
        q.operation, q.intent, matches, compare = "value", "figure", [], False
    _concepts_of_operation(q, _without_rank_guess(q, matches), key, compare)
    _targets_settled(q, matches, text)
    _counted_parts_added(q, text)
    _share_of_its_clause(q, text)
    if q.operation in ("describe", "value") and (q.concepts or q.rows) and aside_said(key) and REST_DESCRIBED_RE.search(key):
        q.operation = "breakdown"  # "社保和就业支出里，除了养老那一块，剩下的钱主要是什么": the other parts
    # (a ranking only where the question opens asking, a remark after it: not "我在看19年的预算。它上一年的…")
    if (q.operation == "yesno" or q.operation == "rank" and ASKING_RE.search(SENTENCE_END_RE.split(text)[0])) and \
            len(set(q.years)) > 1 and \
            not compare and not has_cue("change", text):
        _year_asked(q, text, resolver, latest_year)
    _asked_beside_told(q, text, resolver, latest_year)
    _document_year_dropped(q, text)
    q = replace(_inherit(q, previous), before=previous) if previous is not None else q
    _outturn_year_read_in_next(q, text, resolver)
    _year_by_place(q, question, lib)
    q.names = [resolver.display(k) for k in q.departments]
    return q


def _share_of_its_clause(q: QueryPlan, text: str) -> None:
    """"说明里讲福利院24年收入有财政拨款也有事业收入，事业收入占总收入几成": a share is of the two things its own
    clause names (the part before 占, the whole after it); the concepts told before are background."""
    if q.operation != "share" or len(q.concepts) < 3:
        return
    clause = next((c for c in reversed(CLAUSE_END_RE.split(text)) if "占" in c), "")
    said = {m.concept.name for m in lexicon().concepts_in(clause)}
    if len(kept := [c for c in q.concepts if c.name in said]) >= 2:
        q.concepts = kept


def _without_counted_at(years: list[int], text: str) -> list[int]:
    """The years asked, less the date a stock is counted at when another year is said ("2023年预算里说的
    截止2022年底固定资产": the 2023 document's figure; the 2022 date is only when it was counted)."""
    counted_at = as_of_year(text)
    return [y for y in years if y != counted_at] if len(set(years)) == 2 and counted_at in years else years


def _year_by_place(q: QueryPlan, question: str, lib) -> None:
    """"最早那年的三公经费": the first (or last) of the years the store holds for the one department
    asked about, said so by the answer; "有哪几年的" asked beside a figure: the years held, listed."""
    # ("…几辆车？按最新那份预算说", "最早那份预算里…"; not "最新那份…比上一份少了多少": two documents)
    document = DOCUMENT_BY_PLACE_RE.search(question) if not q.years and not q.compared_years \
        and not re.search(r"比|前一|上一", question) else None
    place = "最早" if EARLIEST_YEAR_RE.search(question) or (document and document[1] in ("最早", "最老")) \
        else "最新" if LATEST_YEAR_RE.search(question) or document else ""
    if len(q.departments) != 1 or not (held := lib.years_held(q.departments[0])):
        return
    if place:
        q.years, q.compared_years = [min(held) if place == "最早" else max(held)], []
        q.inherited.discard("years")
    q.years_listed = place or ("有" if YEARS_HELD_ASKED_RE.search(question) else "")


# a year's outturn as the next year's budget states it ("2023年当年预算执行数", "2022年执行数")
OUTTURN_YEAR_RE = re.compile(r"(?:(?P<year>(?:19|20)\d{2})年|(?P<before>上一?年度?|去年|前一年))(?:当年)?(?:的)?(?:预算)?执行数")


def _outturn_year_read_in_next(q: QueryPlan, text: str, resolver) -> None:
    """"万里街道2024年部门预算里，…2023年当年预算执行数": a year's outturn is what the next year's
    budget states, so that document is read (where the store holds it for the department)."""
    if (m := OUTTURN_YEAR_RE.search(text)) is None or len(q.departments) != 1 or not q.years:
        return
    said = int(m.group("year")) if m.group("year") else min(q.years) if len(set(q.years)) == 2 and m.group("before") else None
    if said is None or said not in q.years or said + 1 not in resolver.by_key[q.departments[0]].years:
        return  # ("24年预算说明里，跟上一年执行数比": 2024's document, not 2023's)
    q.years = list(dict.fromkeys(said + 1 if y == said else y for y in q.years))


PARTS_COUNTED_RE = re.compile(r"(?:这|那|以上|上述)?([两二三四五六七八九])(?:项|个|者|部分|块)")


def _counted_parts_added(q: QueryPlan, text: str) -> None:
    """"三公三项加起来等不等于三公合计数": the parts the vocabulary lists for the one concept
    named, as many as said, added and set against it (not the whole's figure alone)."""
    said = PARTS_COUNTED_RE.search(text)
    # (the sum set against the whole as the comparison route checks it: "加起来等不等于合计")
    if not said or not has_cue("sum", text) or not has_cue("adds_up", text[said.end():]) or len(q.concepts) != 1:
        return
    whole = q.concepts[0]
    parts = [lexicon().named(name) for name in (whole.parts.concepts if whole.parts else [])]
    if len(parts) != chinese_number(said.group(1).replace("两", "二")) or None in parts:
        return
    q.concepts, q.rows, q.operation, q.intent = [*parts, whole], [], "sum", "compare"


# where a question begins after what was told before it: a statement's end, or a "说具体点吧：" colon
# (not after another question: "“三公”经费具体指哪几样？万里街道23年三公预算多少" asks both)
QUESTION_START_RE = re.compile(r"[。！!；;：:]")
# words pointing back at what was said before ("这一项的预算", "这块", "各是多少")
POINTS_BACK_RE = re.compile(r"这一?项|这一?块|这部分|这个|这笔|那笔|它|其|各|分别|两者|二者|两项")


def _own_question_start(text: str, resolver, latest_year: int | None) -> int:
    """Where the last sentence starts, when it is a whole question of its own (its department,
    year and a subject named, nothing pointed back at) after things told; else 0."""
    body = text.rstrip("?？。!！")
    ends = [m.end() for m in QUESTION_START_RE.finditer(body)]
    if not ends or re.search(r"[？?]", body[ends[-1]:]):
        return 0
    mention = resolver.resolve(text[ends[-1]:], latest_year)
    whole = mention.departments and mention.years and lexicon().concepts_in(mention.rest) and \
        not POINTS_BACK_RE.search(mention.rest)
    return ends[-1] if whole else 0


def _targets_settled(q: QueryPlan, matches: list, text: str) -> None:
    """The concepts and rows the operation reads, settled once it is known."""
    if q.operation == "yesno" and matches and all(m.generic for m in matches) and lexicon().officials_of(text):
        # "预算里有没有给低保户的救助钱": the everyday name of a 科目 is asked after, not the budget's
        # total the generic "的预算" would read
        q.concepts = []
    # "一般公共预算财政拨款，全年预算": a row's name the plan reads as one side of it (the fund's
    # 支出, the 全年预算 being a spending column) is that concept, not every row of the name
    q.rows = [r for r in q.rows if not side_read(r, q.concepts)]
    if q.operation == "share" and q.rows and not q.codes and len(q.concepts) == 1 and SPENDING_KEMU_RE.search(text):
        # "一般公共预算拨款里，社保就业这一类占多少": a class of spending is a share of the fund's spending
        # (its 支出 twin), not of the fund's income
        name = q.concepts[0].name
        if name.endswith("收入") and (twin := lexicon().named(name[:-2] + "支出")) is not None:
            q.concepts = [twin]


# a class or item of spending said as such ("这一类", "那一款", or a name ending in 支出) beside a fund's money
SPENDING_KEMU_RE = re.compile(r"(?:这|那)一?(?:类|款|项)|支出(?:类|款|项)?(?:占|是)")


def _read_intent(q: QueryPlan, text: str) -> bool:
    """The plan's intent (a reason, figures computed against each other, else a figure); whether
    figures are compared. The amounts a question puts up to be checked are not looked for."""
    claims = checked_claims(text)
    for claim in claims:
        q.rest = q.rest.replace(claim.said, "")  # "有没有两个亿" is checked, not looked for
    compare = bool(COMPARE_RE.search(text) or SUM_RE.search(text)) or "预决算" in text or bool(
        re.search(r"预算.{0,4}(和|与|跟|及).{0,4}决算|决算.{0,4}(和|与|跟|及).{0,4}预算", text))
    # "2080208是什么支出，多少钱": a figure asked with what it is, not an explanation (a why
    # asked with a figure, "为什么下降了多少", still is one)
    if asks_reason(text) and not compare and not claims and claimed_share(text) is None and not (WHAT_AND_HOW_MUCH_RE.search(text) and not has_cue("why", text)) \
            and not COMPLAINT_THEN_AMOUNT_RE.search(text):
        q.intent = "reason"
    elif compare:
        q.intent = "compare"
    return compare


def _asking_part(text: str) -> str:
    """The words the operation is read from: a pasted fragment's words ask nothing ("占11.91%");
    a term asked about first leaves the operation to the figure asked after it ("三公经费是指
    哪几项？19年政协的…比省委办公厅多多少")."""
    asking = match_key(_told_dropped(PASTED_RE.sub("□", text)))
    m = DEFINITION_FIRST_RE.match(asking)
    return asking[m.end():] if m and len(asking) - m.end() >= 6 else asking


def _told_dropped(text: str) -> str:
    """The question less the clauses that only tell an amount ("万里街道25年预算总共一万八千多万，
    平均每天要花多少": its 总共 sums nothing asked); a clause asking too ("有没有超过100万") stays,
    and so does one telling a change the question works from ("比上年减少14279.38万元，那2023年…")."""
    if held_figure(text) is not None:
        return text  # ("表里有个193234元，这是发的什么": the amount told is the one asked about)
    clauses = [c for c in CLAUSE_END_RE.split(text) if c.strip()]
    kept = [c for c in clauses if not TOLD_AMOUNT_RE.search(c) or ASKING_RE.search(c) or TOLD_CHANGE_RE.search(c)
            or has_cue("truth", c)]  # ("本年收入合计约等于523.55万元对吧？": a claim put up asks)
    return "".join(kept) if kept and len(clauses) > 1 else text


def form_unit(question: str) -> str:
    """The unit the question wants its figure in ("帮我换成亿元", "三公经费是多少元", "有几个亿" →
    亿元), else ""; the printed figure stays the answer, the conversion is said beside it."""
    m = FORM_UNIT_RE.search(question) or ASKED_IN_UNIT_RE.search(question)
    unit = next((u for u in (m.groups() if m else ()) if u), "")
    return {"亿": "亿元", "块": "元", "块钱": "元"}.get(unit, unit)


# "哪几项不是0": the items above nothing (not 是不是0, asked of one figure)
NONZERO_RE = re.compile(r"(?<![是还])(?:不是|不为|并非|不等于)(?:0|零)元?(?![.\d])")
# the items named before counted with their kind ("养老服务跟殡葬这两项支出"): the kind is theirs,
# no total of its own
ITEMS_COUNTED_RE = re.compile(r"(?P<items>(?:这|那)?[两二三四五六几](?:项|笔|块|类))的?(?:支出|收入|经费|费用)")


# a doubt put as a question ("不会就是街道办自己一家的吧？", "下面难道没别的单位？"): no question asked
DOUBT_RE = re.compile(r"难道|莫非|不会[^？?]*吧|该不会|总不(?:会|能)|不可能吧")
# a count asked by its unit alone ("到底几辆", "有多少个人"): the unit says no thing counted
COUNT_ASKED_RE = re.compile(r"(?:几|多少)(?:个?[家辆台名人处项套]|个(?=[？?。！!]|$))")
# a doing said before a count asked ("设了几个", "一共买了几辆"): no thing named
COUNTED_VERB_RE = re.compile(r"^(?:一共|总共|到底|究竟|实际)?(?:设|买|配|招|养|建|办|开|有)了?(?=(?:几|多少))")
# a count asked of a thing named ("事业单位到底几家"), not of nothing named ("到底几台")
NOUN_COUNTED_RE = re.compile(r"(?:^|[，,])(?!(?:到底|究竟|一共|实际|具体|那么?|总共)+(?:有)?(?:几|多少))[\u4e00-\u9fff]{2,}?"
                             r"(?:到底|究竟|一共|共)?有?(?:几|多少)[家个辆台名人处项]")


# a count guessed roughly, then asked exactly ("大概有一百来辆车？具体是几辆"): the count asked of the thing
# the guess names
GUESSED_COUNT_RE = re.compile(r"^(?P<lead>.*?)(?:大概|大约|差不多|好像|估计|听说)?(?:有|是)?"
                              r"(?:[一二两三四五六七八九十百千\d]+(?:来|多|几)?|几十|几百)(?P<unit>辆|个|人|名|台|套|家)"
                              r"(?P<noun>[\u4e00-\u9fff]{0,6}?)(?:吧|吗|呢)?[？?，,]\s*(?:那|具体|到底|准确|究竟)+(?:是|有)?"
                              r"(?:多少|几)(?P=unit)(?P=noun)?[？?]?$")


def _doubts_then_asked(text: str, lib) -> str:
    """Doubts said as questions before the one question that asks and names its own subject
    ("…一家的吧？下面难道没别的单位？事业单位到底几家？"): that question, of the department and year
    the doubts name."""
    parts = [p for p in re.split(r"(?<=[？?])", text) if p.strip()]
    asked = parts[-1].strip() if parts else ""
    if len(parts) < 2 or DOUBT_RE.search(asked) or not all(DOUBT_RE.search(p) for p in parts[:-1]) or \
            not (names_item(asked, lib) or NOUN_COUNTED_RE.search(asked)) or _counted_in_doubt(asked, parts[:-1], lib):
        return text  # ("…难道比24年还少？差了多少？": the doubt says what is asked)
    if lib.resolver.resolve(asked, lib.latest_year).departments:
        return asked
    told = lib.resolver.resolve("".join(parts[:-1]), lib.latest_year)
    if len(told.departments) != 1:
        return text
    return lib.resolver.display(told.departments[0]) + "".join(f"{y}年" for y in told.years[:1]) + asked


def _counted_in_doubt(asked: str, doubts: list[str], lib) -> bool:
    """"…用财政拨款负担的公务用车不会有25辆那么多吧？到底几辆？": the question asks a count by its
    unit alone, and the doubt names a narrower thing counted in that unit: the doubt's thing."""
    # ("事业单位有几家": a thing named before its count; "设了几个" names a doing, no thing)
    if names_item(COUNT_ASKED_RE.sub("", asked), lib) or NOUN_COUNTED_RE.search(COUNTED_VERB_RE.sub("", asked)) or \
            not COUNT_ASKED_RE.search(asked):
        return False
    by_unit = {m.concept.name for m in lexicon().concepts_in(asked)}
    return any(m.concept.counts and not m.generic and m.concept.name not in by_unit for m in lexicon().concepts_in("".join(doubts)))


# a thing said in everyday words, then named again after 就是 ("给离退休人员的钱 就是对个人和家庭的补助")
SAID_AGAIN_RE = re.compile(r"(?<=年)(?P<said>[^，,。？?\s]{2,14}?)[\s，,]*(?:也)?就是(?:说)?(?P<named>[^，,。？?\s]{3,20})")


def _named_officially(text: str, lib) -> str:
    """The thing as named again in the documents' words after 就是, where the longest start of
    what follows is a row's name or a concept's term: the everyday words before it only said it
    first."""
    m = SAID_AGAIN_RE.search(text)
    if m is None:
        return text
    run = m.group("named")
    for end in range(len(run), 2, -1):
        named = match_key(run[:end])
        if any(match_key(r) == named for r in lib.row_names_in(named)) or \
                any(not c.generic and c.end - c.start == len(named) for c in lexicon().concepts_in(named)):
            return text[:m.start()] + run[:end] + text[m.start("named") + end:]
    return text


def _asked_text(question: str, lib) -> tuple[str, list]:
    """The question in standard words and spelling, less what only tells (examples, a remark
    after it, background before the department asked about), and the slips corrected."""
    text, corrections = lib.speller.correct(arabic_amounts(arabic_years(standard_words(
        read_english(question, lambda: lib.place_readings)))))
    text = standard_words(text) if corrections else text  # ("工务车" corrected to a casual word, 公务车)
    text = lexicon().joined(text)  # "服务类的采购": a term with a 的 inside it
    text = MEANING_FIRST_RE.sub(r"\g<term>是什么意思", text)
    for asked in (YEARS_HELD_ASKED_RE, YEAR_BY_PLACE_ASKED_RE):  # (answered by the years listed: see _year_by_place)
        text = asked.sub("", text) if asked.sub("", text).strip("？?，, ") else text
    text = named_by_duty(lib, ROUNDING_CLAUSE_RE.sub("", FORM_UNIT_RE.sub("", _only_part_doubted(_kept_by_double_negation(text)))))  # "阳泉那个管低保和养老的局": the department so described
    text = named_by_paste(lib, text)  # "“2080299 其他民政管理事务支出 844644.42” 这是收入表里的": the one document holding it
    text = SPACED_CODE_RE.sub(lambda m: "".join(g for g in m.groups() if g), text)  # "302 17" as tables print it
    text = _pasted_subject(_without_examples(_without_and_such(_without_trailing_remark(SAID_THEN_DENIED_RE.sub(r"\g<said>", DENIED_THEN_SAID_RE.sub("", text)))), lib.resolver))
    text = _shared_word_listed(_fund_spent(_fund_said_first(_confirmed_then_asked(_told_then_asked(DESCRIBED_BODY_RE.sub("", text))))))
    text = _ranked_claim_as_guess(ITEMS_COUNTED_RE.sub(r"\g<items>", NONZERO_RE.sub("超过0元", _doubts_then_asked(text, lib))))
    text = GUESSED_COUNT_RE.sub(r"\g<lead>有几\g<unit>\g<noun>？", text)
    text = _unspent_of_item(_named_officially(_whole_said_after(text), lib), lib)
    text = _largest_part_asked(_told_top(_asked_first(text, lib), lib), lib)
    text = ALL_FUNDS_BASIS_RE.sub("", text)  # ("按全部支出算（不光是财政拨款）": all funds, as read by default)
    text = _without_restatement(text)
    # "…是不是都给人发工资了？说具体点吧：江苏省委办公厅19年的支出主要花在哪几块": the words before
    # a question that names its own department, year and subject were context
    text = text[_own_question_start(text, lib.resolver, lib.latest_year):]
    if (named := _from_naming_sentence(text, lib)) != text:
        return named, corrections
    for cut in (SENTENCE_END_RE, CLAUSE_END_RE):
        # the department asked about is in the question: the background told before it names
        # none ("我家老人在市福利院住着。…", "我是开小超市的，想问问阳泉民政局…"); a clause
        # before it that says what is asked about is no background ("机关运行经费方面，…")
        asked = asking_part(text, cut)
        told = text[:len(text) - len(asked)]
        if asked != text and lib.resolver.resolve(asked, lib.latest_year).departments and (cut is SENTENCE_END_RE or (
                REPORTED_RE.match(told) and names_item(asked, lib)) or not (
                BUDGET_WORDS.search(told) or lexicon().concepts_in(told) or CODE_RE.search(told) or YEAR_RE.search(told)
                or EXCLUSION_RE.search(told)
                or re.search(rf"{YEAR_BEFORE}|前年|同期|同比", told))):  # ("跟去年比，…压缩了多少": the year compared with)
            return asked, corrections
    return text, corrections


# what is asked now, after what the asker means to work out with it ("我想算算…平均每个处室摊多少钱，
# 先问下17年它内设多少个处室")
ASKED_FIRST_RE = re.compile(r"[，,。；;]\s*(?:那|所以)?我?(?:先|首先)(?:要|得|想)?(?:问|查|看|了解)(?:问|一下|下|查|看)?[，,：:]?"
                            # (or the working-out said first as the asker's plan: "我想算…每辆公车摊多少运行费，他们…几辆车")
                            r"|^(?:我|我们)?(?:想|要|打算|准备)(?:自己)?(?:算算|算一算|算一下|算|估算|计算)[^，,。；;]*[，,。；;]\s*")


def _asked_first(text: str, lib) -> str:
    """The question asked first, where the asker says so after what they mean to work out: the
    department named before it kept, the rest of the plan left aside."""
    m = ASKED_FIRST_RE.search(text)
    if m is None or lib.resolver.resolve(text[m.end():], lib.latest_year).departments:
        return text[m.end():] if m else text
    said = lib.resolver.resolve(text[:m.end()], lib.latest_year)
    years = "" if YEAR_RE.search(text[m.end():]) else "、".join(f"{y}年" for y in said.years)
    return "、".join(said.departments) + years + text[m.end():] if said.departments else text


# all funds said as the basis of a figure ("按全部支出算", "（不光是财政拨款）"): what is read anyway,
# no item of its own (never "按财政拨款算", which narrows it)
ALL_FUNDS_BASIS_RE = re.compile(r"按(?:全部|所有|全口径|总的?)(?:的)?(?:支出|收入|资金|钱)?(?:口径)?(?:来)?算[，,]?"
                                r"|[（(]?不(?:光|只|仅)(?:是|算)?财政拨款(?:的)?[)）]?[，,]?")


# a ranking told as what the item asked about is ("涨得最多的城乡社区支出这一类多了多少"): the
# asker's description, not a ranking asked
TOLD_TOP_RE = re.compile(r"(?:[涨增降减花用砍压]得)?最(?:多|大|高|少|小|低|快)的(?=[\u4e00-\u9fff]{2})")


def _told_top(text: str, lib) -> str:
    """The question less a ranking it tells of the item it names, where it asks that item's
    figure (never where it asks which: "哪一类涨得最多")."""
    m = TOLD_TOP_RE.search(text)
    if m is None or re.search(r"哪|什么|谁|排", text):
        return text
    rest = text[m.end():]
    return text[:m.start()] + rest if re.search(r"多少|几", rest) and names_item(rest, lib) else text


# whether one part is the biggest ("城乡社区支出是不是占了大头"): a ranking, its top set against the guess
BIG_SHARE_RE = re.compile(r"(?:是不是|是否|有没有)?(?:占|是)(?:了)?(?:大头|最大头|大部分|绝大部分|大多数|最大的一块|最大一块)(?:吗|呢|吧)?")


def _largest_part_asked(text: str, lib) -> str:
    """"城乡社区支出是不是占了大头？钱主要花在哪几类上": which part at that 科目's level is the
    largest, and whether it is the one named (the ranking lists the parts a breakdown asked after
    it would); the text as it was where no 科目 is named before the words."""
    m = BIG_SHARE_RE.search(text)
    if m is None:
        return text
    start = max(text.rfind(c, 0, m.start()) for c in "，,。；;？?！!") + 1
    named = lib.row_names_in(text[start:m.start()])
    levels = lib.row_levels(named[-1]) if named else set()
    if len(levels) != 1 or "" in levels:
        return text
    before = text[:m.start()].replace(named[-1], "", 1) if named[-1] in text[:m.start()] else text[:m.start()]
    after = text[m.end():].lstrip("？?，,。 ")
    rest = "" if has_cue("breakdown", after) else after  # (the ranking lists the parts)
    return f"{before}支出最多的是哪一{levels.pop()}，是{named[-1]}吗？{rest}"


def names_item(text: str, lib) -> bool:
    """Whether the text names an item a figure could be of (a concept, not a generic word, or a row)."""
    return any(not m.generic for m in lexicon().concepts_in(text)) or bool(lib.row_names_in(text))


def _from_naming_sentence(text: str, lib) -> str:
    """A story told first, then the question in a sentence of its own that names the department
    and what is asked of it ("报纸上说福利彩票卖的钱要用在社会福利上，我每周都买几张，就想知道钱到没到民政
    部门。临汾民政局19年有没有拿到彩票公益金"): that sentence on; its own words say what is asked (the
    story's "几张", "想知道" ask nothing of the store), unless only the story names the item ("我想问
    三公经费。阳泉民政局24年花了多少？")."""
    pieces = [p for p in SENTENCE_END_RE.split(text) if p]
    resolve = lambda part: lib.resolver.resolve(part, lib.latest_year).departments  # noqa: E731
    for i in range(1, len(pieces)):
        asked = "".join(pieces[i:])
        told = "".join(pieces[:i])
        if resolve(pieces[i]) and ASKING_RE.search(pieces[i]) and not resolve(told) and (
                names_item(asked, lib) or not any(not m.generic for m in lexicon().concepts_in(told))):
            return asked
    return text


PERFORMANCE_SCOPE_RE = re.compile(r"(?:绩效|评价|自评|目标管理)[^，,。？?]{0,8}的$")
CLAUSE_SPLIT_RE = re.compile(r"[？?。，,；;！!]+")


# a project named by its name, then a measure of it ("…配套资金项目全年预算", "那个项目的执行数")
PROJECT_MEASURED_RE = re.compile(r"[\u4e00-\u9fff]{4,}项目的?(?:全年|年初|调整)?(?:预算|决算|执行数)")


def _concept_matches(text: str, key: str, titles: list, rows: list[str], lib, previous: QueryPlan | None) -> list:
    """The concepts the question names, less the words that only qualify or measure another
    name (a generic 支出 inside a 科目 named, the 预算 of what is named, a table's title)."""
    matches = _on_side_said(_outside_titles(lexicon().concepts_in(text), titles), key)
    # "编报绩效目标的项目资金", "实行绩效目标管理的项目资金": the money of the projects under
    # performance management the narrative states, not the 项目支出 of the tables
    matches = [m for m in matches if not PERFORMANCE_SCOPE_RE.search(key[:m.start])]
    if budget_against_actual(text):
        # "全年预算和实际支出差了多少": 预算 and 实际 are the two measures of one figure, not figures
        matches = [m for m in matches if not MEASURE_ONLY_RE.fullmatch(m.word)] or matches
    if CODE_RE.search(text):
        # "2080208是什么支出": the 科目 named by its code; its 支出 is no second figure (本年支出合计)
        matches = [m for m in matches if not m.generic]
    if previous is not None and matches and all(m.generic and MEASURE_WORD_RE.search(m.word) for m in matches) and \
            (FOLLOW_UP_RE.search(text.strip()) or all(len(clause) <= 12 for clause in CLAUSE_SPLIT_RE.split(key))):
        # "全年预算是多少(？完成了百分之几)" after "三公经费多少": that figure's budget, not the whole budget
        matches = []
    if any(not m.generic for m in matches) or rows or PROJECT_MEASURED_RE.search(key):
        # "三公经费的预算", "行政运行全年预算52万", "…配套资金项目全年预算": the 预算 of what is named,
        # not the whole budget (收入总计)
        matches = [m for m in matches if not (m.generic and MEASURE_WORD_RE.search(m.word))]
    # "卫生健康（类）支出": the 支出 of a 科目 said the way the narratives say it is that 科目's name,
    # as is a generic word inside a 科目 named ("卫生健康支出的决算数比年初预算少了多少")
    # (and a 科目 said with 支出 after it, "社会福利支出" for the row 社会福利)
    row_spans = [(m.start(), m.end()) for r in rows for m in re.finditer(re.escape(match_key(r)) + "(?:支出)?", key)]
    # ("社会保障和就业支出（类）就业补助（款）…": the 支出 of a 科目 named with its level mark)
    matches = [m for m in matches if not (m.generic and (LEVEL_MARK_RE.search(key[:m.start]) or key.startswith(LEVEL_MARKS, m.end)
                                                         or any(a <= m.start and m.end <= b for a, b in row_spans)))]
    if (any(not m.generic for m in matches) or rows) and not has_cue("share", text):
        # "政府采购一共花了多少", "水费电费加起来一共花了多少": how much was spent on what is named
        # (a concept or a 科目), not the whole 本年支出 beside it
        matches = [m for m in matches if not (m.generic and SPENT_VERB_RE.fullmatch(m.word))]
    matches = _described(_parts_asked_within(_naming_an_alias(_pointed_at(_measure_after_named(matches), key), key, lib), key), key)
    return _qualifiers_dropped(matches, key) if has_cue("sum", text) else matches


SPENDING_CLASSES_RE = re.compile(r"功能科目|功能分类|经济分类|经济科目")  # (how spending is classified)
# the measures the narrative states of spending only (the template's "…支出年初预算为…，全年预算为…，
# 支出决算为…，完成年初预算的…%"): a fund named with them is its spending
SPENDING_MEASURES_RE = re.compile(r"年初预算|全年预算|调整预算|执行率|完成率|完成[^，,。？?]{0,4}预算")


def _on_side_said(matches: list, key: str) -> list:
    """A name said without its side ("政府性基金") read on the one side a department total the
    question names is on ("收入里政府性基金占了多少": 政府性基金预算财政拨款收入, not its 支出),
    or the classification or budget measure it names is of ("财政拨款按功能科目", "一般公共预算拨款
    全年预算和实际决算差了多少": its spending)."""
    sides = {side for m in matches for side in ("收入", "支出") if side in m.word and m.concept.department_total}
    if SPENDING_CLASSES_RE.search(key) or not sides and SPENDING_MEASURES_RE.search(key) and "收入" not in key:
        sides.add("支出")
    if len(sides) != 1:
        return matches
    side = sides.pop()
    twins = [lexicon().other_side(m.concept) if not m.concept.name.endswith(side) and "收入" not in m.word and
             "支出" not in m.word else None for m in matches]
    return [replace(m, concept=twin) if twin else m for m, twin in zip(matches, twins)]


def _whole_beside_its_breakdown(q: QueryPlan) -> None:
    """"那9146.79万元的支出预算，按用途分是哪几块": the total said beside a way of breaking it down
    (found at the same row) is the whole that way breaks down, not a second figure to list."""
    if q.operation != "breakdown" or len(q.concepts) != 2:
        return
    total, way = sorted(q.concepts, key=lambda c: not c.department_total)
    if total.department_total and not way.department_total and way.parts and way.parts.concepts and \
            {f.row for f in total.finds} & {f.row for f in way.finds}:
        q.concepts = [way]


def _without_told(q: QueryPlan, matches: list, key: str) -> None:
    """The concepts asked without one the question gives the figure of ("行政编制是十八个人吧？实际有
    几个人", "行政编制才18个…"): that figure is told, the other concept asked."""
    aside = aside_said(key)
    # ("财政拨款基本支出一万一千多万，不算人员经费还剩多少": the told whole is what a part is set aside from)
    told = {m.concept.name: (key[m.start:m.end], g.group(0)) for m in matches
            if m.concept in q.concepts and (g := GIVEN_AFTER_RE.match(key[m.end:])) and not (aside and m.end < aside[1])}
    if q.operation not in ("value", "count") or not told or len(told) >= len(q.concepts):
        return
    for word, given in told.values():  # (the rest may have lost the figure already: "行政编制才 实际…")
        q.text = q.text.replace(word + given, "，")
        q.rest = q.rest.replace(word + given if word + given in q.rest else word, "，")
    q.concepts = [c for c in q.concepts if c.name not in told]


# a clause about the asker's own place or body ("我们县民政局编制不到十个人", "我们那儿三公才十几万")
OWN_PLACE_CLAUSE_RE = re.compile(r"(?:^|[，,。？?！!；;])(?P<clause>(?:我们|咱们|俺们|我家)[^，,。？?！!；;]*)")


def _own_place_clauses(text: str) -> list[re.Match]:
    """The clauses about the asker's own place, and the sentences reporting what others say, but
    the last one (the question)."""
    told = [*OWN_PLACE_CLAUSE_RE.finditer(text), *REPORTED_SENTENCE_RE.finditer(text)]
    return sorted((m for m in told if m.end("clause") < len(text.rstrip("?？"))), key=lambda m: m.start("clause"))


def _without_own_place(q: QueryPlan, matches: list, key: str) -> None:
    """The concepts said only in a clause about the asker's own place, before the question about
    the documents' body: told as a comparison, not asked."""
    spans = [m.span("clause") for m in _own_place_clauses(key)]
    own, asked = set(), set()
    for m in matches:
        (own if any(a <= m.start and m.end <= b for a, b in spans) else asked).add(m.concept.name)
    if own - asked and asked & {c.name for c in q.concepts}:
        q.concepts = [c for c in q.concepts if c.name not in own - asked]
        for m in reversed(_own_place_clauses(q.rest)):
            q.rest = q.rest[:m.start("clause")] + q.rest[m.end("clause"):]


def _share_asked_last(q: QueryPlan, matches: list, key: str) -> None:
    """"政府采购里货物和服务各多少？服务占了百分之几": the share asked last is of the one item its clause
    names over the whole said as where they lie, read as "政府采购里服务占了百分之几" (not one listed
    item over the other); the figures listed before are asked on their own."""
    last = key.rstrip("?").rfind("?")
    if q.operation != "share" or last < 0 or "占" not in key[last:] or len(key) != len(q.text) or \
            re.search(r"占[^?]{2,}的", key[last:]):
        return
    parts = {m.concept.name for m in matches if not m.generic and m.word in key[last:]}
    wholes = [m for m in matches if m.start < last and _said_as_where(key, m.end)]
    listed = [m for m in matches if m.start < last and m not in wholes]
    if len(parts) != 1 or len(wholes) > 1 or not listed:
        return
    # (no whole said: the item's share of what it is not told, never one listed item over another)
    cut = (SPENT_WITHIN_RE.match(key, wholes[0].end) or WITHIN_RE.match(key, wholes[0].end)).end() if wholes else \
        min(m.start for m in listed)
    q.text, q.rest = q.text[:cut] + q.text[last + 1:], q.rest.replace(key[cut:last + 1], "")
    q.concepts = [c for c in q.concepts if c.name in parts] + [m.concept for m in wholes]
    q.rows = [r for r in q.rows if match_key(r) in key[last:]]


def _said_as_where(key: str, end: int) -> bool:
    """The words said at ``end`` make what came before a place, not an operand ("财政拨款支出里")."""
    return bool(WITHIN_RE.match(key[end:]) or SPENT_WITHIN_RE.match(key[end:]))


def _without_remainder_words(q: QueryPlan, matches: list, key: str) -> None:
    """Once a part is set aside, the words for what is left ("除了住房公积金还剩多少", "剩下的钱")
    say the rest of the whole, not the 年末结转和结余 they name alone."""
    if (said := aside_said(key)) is None:
        return
    spans = [r.span() for r in REMAINDER_RE.finditer(key, said[2])]

    def inside(m) -> bool:
        return any(start <= m.start and m.end <= end for start, end in spans)

    rest_only = {m.concept.name for m in matches if inside(m)} - {m.concept.name for m in matches if not inside(m)}
    q.concepts = [c for c in q.concepts if c.name not in rest_only]


TOPIC_CLAUSE_END_RE = re.compile(r"(?:里|中|里面|当中|方面)?[，,]")


def _concepts_of_operation(q: QueryPlan, matches: list, key: str, compare: bool) -> None:
    """The concepts the operation reads, out of all those named: the figure asked (not a guess
    after it, nor a figure the question tells), the things counted, the part before its whole."""
    if q.operation in ("value", "yesno", "count") and not compare:
        q.concepts = _without_contradicted(matches, key)
    generic = {m.concept.name for m in matches if m.generic} - {m.concept.name for m in matches if not m.generic}
    if q.operation in ("diff", "compare") and MEASURES_NAMED_RE.search(key) and generic and \
            len([c for c in q.concepts if c.name not in generic]) == 1:
        # "全年预算，比实际决算支出多出多少": one figure's two measures; the 支出 of "决算支出" is
        # that figure's outturn, not the department's whole spending
        q.concepts = [c for c in q.concepts if c.name not in generic]
    elif q.operation in ("diff", "compare") and len([c for c in q.concepts if c.name not in generic]) >= 2 and \
            (topic := {m.concept.name for m in matches if m.generic and TOPIC_CLAUSE_END_RE.match(key, m.end)} & generic):
        # "阳泉民政局24年的支出，项目支出是基本支出的几倍": the spending said in a clause of its own is
        # where the two figures set against each other are, not a third figure
        q.concepts = [c for c in q.concepts if c.name not in topic]
    columns = {m.concept.name for m in matches if COLUMN_POINTED_RE.match(key[m.end:])}
    if q.operation in ("value", "yesno") and columns and len(columns) < len({c.name for c in q.concepts}):
        # "年末财政拨款结转和结余里，一般公共预算财政拨款那一列": the column of the figure, not it
        q.concepts = [c for c in q.concepts if c.name not in columns]
    if q.operation in ("value", "count") and (guess := GUESSED_AFTER_RE.search(key)) and \
            has_cue("figure", key[:guess.start()]) and (asked := [m for m in matches if m.end <= guess.start()]):
        # "项目支出多少 还是全是基本支出": the figure asked, not the guess put after it
        q.concepts = [c for c in q.concepts if c.name in {m.concept.name for m in asked}] or q.concepts
    if q.operation == "count" and matches and all(m.generic for m in matches):
        q.concepts = []  # "预算…专用设备一共多少台套": a budget's generic words name nothing counted
    counted = [c for c in q.concepts if c.counts]
    if q.operation == "breakdown" and counted and len(counted) == len(q.concepts) and not KINDS_ASKED_RE.search(key):
        q.operation = "count"  # "在编人数和实有人数各多少": counts, each asked, not money broken down
    if q.operation == "count" and counted:
        q.concepts = counted  # "养了多少辆公车": the vehicles, not the 公车 money 公车 also names
    _without_told(q, matches, key)
    _without_own_place(q, matches, key)
    _without_remainder_words(q, matches, key)
    _share_asked_last(q, matches, key)
    if q.operation == "count" and len(q.concepts) > 1:
        # "公车保有量几辆", "行政编制几个人": the words that ask for the count name no second
        # concept beside one the question names (几辆 is 车辆数's everyday word only alone)
        if (asking_only := _asking_only(matches)) and len(asking_only) < len({c.name for c in q.concepts}):
            q.concepts = [c for c in q.concepts if c.name not in asking_only]
    if q.operation == "yesno" and len(q.concepts) == 2 and q.concepts[0].counted_by == q.concepts[1].name:
        # "是不是要买公车？买几辆": the purchase decides, its count is given with it (not the unit asked)
        q.concepts = q.concepts[:1]
        q.text, q.rest = (t[:m.end()] if (m := QUESTION_CLAUSE_RE.search(t)) else t for t in (q.text, q.rest))
    _whole_beside_its_breakdown(q)
    if q.operation == "share" and len(q.concepts) == 2 and q.concepts[0].contains(q.concepts[1].name):
        q.concepts = q.concepts[::-1]  # "收入里财政拨款占几成", "基本支出里人员经费": the part's share of the whole
    if q.operation in ("diff", "compare", "sum") and len(q.rows) >= 2:
        # "财拨里行政运行比一般行政管理事务少多少": the rows set against each other; the concept
        # said as where they lie is no third figure
        where = {m.concept.name for m in matches if WITHIN_RE.match(key[m.end:])}
        # (nor is the department's total said beside two rows set against each other: the column
        # they are read in, "…than on funeral services, counting total expenditure")
        q.concepts = [c for c in q.concepts if c.name not in where and not (c.department_total and q.operation != "sum")]
        rows = [r for r in q.rows if not any(WITHIN_RE.match(key[m.end():]) for m in re.finditer(re.escape(match_key(r)), key))]
        q.rows = rows if len(rows) >= 2 else q.rows
    if q.operation == "sum" and not has_cue("each", key):
        _sum_inside_a_whole(q, matches, key)
    if q.operation == "compare" and len(q.concepts) >= 2 and CHOICE_RE.search(key):
        _choice_read(q)


def _choice_read(q: QueryPlan) -> None:
    """"支出主要是基本支出还是项目支出": the two set against each other, not the whole they are of;
    "政府采购…买的是东西还是服务", one part named of the two, is never set against its whole: what the
    whole is made of answers which."""
    parts = [c for c in q.concepts if not any(c.contains(o.name) for o in q.concepts) and not c.department_total]
    wholes = [c for c in q.concepts if any(c.contains(o.name) for o in parts)]
    if len(parts) == 2 or not wholes:
        q.concepts = parts if len(parts) == 2 else q.concepts
    else:
        q.operation, q.intent, q.concepts = "breakdown", "figure", wholes[:1]


SIDE_OF_NAME_RE = re.compile(r"支出|收入")
# assets counted by unit price, as the template's 国有资产占用 sentence counts them
PRICED_ASSETS_RE = re.compile(r"单价\s*\d+\s*万元?(?:[(（]含[)）])?以上的?(?:通用|专用)?设备")


def side_read(row: str, concepts: list[Concept]) -> bool:
    """Whether a row name is read as one side of it that a concept of the plan is
    ("一般公共预算财政拨款" as 一般公共预算财政拨款支出)."""
    said = match_key(row)
    return any(match_key(c.name).startswith(said) and SIDE_OF_NAME_RE.fullmatch(match_key(c.name)[len(said):])
               for c in concepts)


def _asking_only(matches: list) -> set[str]:
    """Concepts named only by the words that ask for a count ("几辆" of 车辆数)."""
    return {m.concept.name for m in matches if COUNT_ASKING_WORD_RE.fullmatch(m.word)} - \
        {m.concept.name for m in matches if not COUNT_ASKING_WORD_RE.fullmatch(m.word)}


def _asking_beside_counted(matches: list) -> set[str]:
    """Those where the question names something else counted: "公务车一共有几辆" asks that count,
    not a second one to add to it."""
    asking = _asking_only(matches)
    return asking if any(m.concept.counts and not m.generic and m.concept.name not in asking for m in matches) else set()


def _sum_inside_a_whole(q: QueryPlan, matches: list, key: str) -> None:
    """A sum asked of items said inside a whole: "财政拨款支出里培训费一共多少" is the one item inside
    the fund (a value), not the two added up; "政府采购预算里货物和服务加起来" the two parts, not
    their whole besides."""
    inside = {m.concept.name for m in matches if _said_as_where(key, m.end)}
    concepts = [c for c in q.concepts if c.name not in inside]
    rows = [r for r in q.rows if not any(_said_as_where(key, m.end()) for m in re.finditer(re.escape(match_key(r)), key))]
    # a row said in the words of a concept kept ("货物类" over 货物) is that item, not a second one
    kept = [(m.start, m.end) for m in matches if m.concept.name in {c.name for c in concepts}]
    other_rows = [r for r in rows if not any(a < m.end() and m.start() < b for a, b in kept
                                             for m in re.finditer(re.escape(match_key(r)), key))]
    if len({c.name for c in concepts} | set(other_rows)) == 1 and len(concepts) <= 1 and len(rows) <= 1 and \
            (len(concepts) < len(q.concepts) or len(rows) < len(q.rows)):
        q.operation, q.intent, q.concepts, q.rows = "value", "figure", concepts or q.concepts[-1:], rows
    elif len(concepts) + len(rows) >= 2 and len(concepts) < len(q.concepts) and not has_cue("adds_up", key):
        q.concepts = concepts


def _without_rank_guess(q: QueryPlan, matches: list) -> list:
    """A ranking's plan without the guess said after it ("哪一项最多，是差旅费吗": the guessed item
    is no whole to rank within); the concept matches left."""
    if q.operation != "rank" or (guess := RANK_GUESS_RE.search(q.text)) is None:
        return matches
    guessed = match_key(guess.group(0))
    q.guess = guess.group("item")
    q.text, q.rest = q.text[:guess.start()], RANK_GUESS_RE.sub("", q.rest)
    q.rows = [r for r in q.rows if match_key(r) not in guessed]
    return [m for m in matches if m.word not in guessed]


def _ranks_last(text: str) -> bool:
    """The last of several questions asks for the largest or smallest ("是不是都拿去买东西了？哪一类
    最多？"): that is the question; the one before it leads up to it. So too where a guess of
    which it is follows the ranking ("哪一项最多，是差旅费吗"): the ranking answers the guess."""
    asked = [c for c in re.split(r"[？?]", text) if c.strip()]
    if len(asked) > 1 and has_cue("rank", asked[-1]) and bool(MOST_RE.search(asked[-1])):
        return True
    guess = RANK_GUESS_RE.search(text)
    return guess is not None and has_cue("rank", text[:guess.start()]) and bool(MOST_RE.search(text[:guess.start()])) \
        and "哪" in text[:guess.start()]


# a guess of which item a ranking finds, said after it ("哪一项最多，是差旅费吗", "…最多 是不是会议费")
# ("…最多？是那个“其他政协事务支出”吗": asked after the ranking's own question mark, the item quoted)
# ("…花得最多？我猜是会议费。": a guess said as one)
RANK_GUESS_RE = re.compile(r"[，,\s？?](?:我?(?:猜|估计|觉得)(?:应该)?(?:是|就是)|应该是|可能是|是不是|是)(?![^，,？?]*(?:哪|什么|几|多少))(?:那个|这个)?"
                           r"[“\"‘]?(?P<item>[\u4e00-\u9fff（）()]{2,16}?)[”\"’]?(?:吗|么|嘛|呀|啊|吧)?[？?。]?$")
# the ranking asked again after a guess at it ("…难道不是办公费？到底哪项最多？")
RANK_ASKED_AGAIN_RE = re.compile(r"[^？?，,]{0,4}哪[^？?，,]{0,4}(?:最多|最高|最大|最少|最低|最小)[^？?，,]{0,3}[？?]?")
# an item said to be the largest or smallest of what is named before it, put up to be checked
# ("三公经费中，公务接待费所占比重最高，对吗", "…里，公务接待费是不是最多的"): the ranking, with the
# item as its guess ("…中，哪个最高，是公务接待费吗")
RANKED_CLAIM_RE = re.compile(
    r"(?:(?:中|里|里面|当中|之中)[，,]?|[，,])(?P<item>[^，,。？?；;:：]{2,16}?)(?P<pre>是不是|是)?(?:所占的?|占的)?(?:比重|占比|比例|份额|金额|预算|花的钱|花钱|花得|用得)?"
    r"(?:应该|肯定|估计|可能)?(?P<asked>是不是|是|占)?(?P<most>最多|最高|最大头|最大|最少|最低|最小|大头)(?:的)?(?:一项|一类|那项|那一项|那个)?"
    r"(?P<mark>吧|吗|么|呀|啊)?(?:[，,]?\s*(?P<check>对吗|对不对|是吗|是不是|对么|没错吧|是这样吗|是真的吗|对吧|是吧))?[？?。]*"
    rf"(?:{RANK_ASKED_AGAIN_RE.pattern})?[？?。]*$")  # ("…吧？到底哪项最多")
# the largest or smallest said first and an item put up as it, rhetorically or not ("花钱最多的一项
# 难道不是开会", "最多的是不是差旅费"): the same ranking with the item as its guess
MOST_SAID = r"(?P<most>最多|最高|最大头|大头|最大|最少|最低|最小)"  # the largest or smallest, as a ranking's guess says it
ONE_OF_THEM = r"的?(?:一项|一类|那项|那一项|那个|一块)?"
MOST_THEN_GUESS_RE = re.compile(
    rf"{MOST_SAID}{ONE_OF_THEM}"
    r"(?:难道不是|难道是|不就是|该不会是|是不是|不会是)(?P<item>[^，,。？?；;:：]{2,16}?)(?:吗|吧|么|嘛|呀|啊)?(?=[？?。！!]|$)")
# the item said first, then the whole it is said to lead ("公务接待费是三公经费里面最多的吗"): the
# same ranking within that whole, the item its guess
ITEM_THEN_WHOLE_CLAIM_RE = re.compile(
    r"(?P<item>[^，,。？?；;:：的]{2,16}?)(?:是不是|是)(?P<whole>[^，,。？?；;:：]{2,16}?)(?:里面|里|当中|之中|中)的?(?:花得|用得|花钱)?"
    rf"{MOST_SAID}{ONE_OF_THEM}(?:吗|么|吧|呀|啊)[？?。]*$")
# (a change or a question, not an item; nor where the whole is said, "在商品和服务支出里算")
CLAIMED_ITEM_EXCLUDED_RE = re.compile(r"哪|多少|几|什么|比|增|减|涨|降|变|年|^在.*(?:里|中)|算$")


def _ranked_claim_as_guess(text: str) -> str:
    """A claim that one item is the largest or smallest, asked as the ranking with that item as
    its guess (see ``RANKED_CLAIM_RE``); other text as it is."""
    if (m := MOST_THEN_GUESS_RE.search(text)) and not CLAIMED_ITEM_EXCLUDED_RE.search(m.group("item")):
        rest = text[m.end():].lstrip("？?")
        # ("…难道不是办公费？到底哪项最多？"; "大头是不是办公费？主要花在哪几项": the ranking lists them all)
        rest = "" if RANK_ASKED_AGAIN_RE.fullmatch(rest) or has_cue("breakdown", rest) and not lexicon().concepts_in(rest) else rest
        return f"{text[:m.start()]}{_which_of_level(m.group('item'))}{_most_asked(m.group('most'))}，是{m.group('item')}吗？{rest}"
    if (m := ITEM_THEN_WHOLE_CLAIM_RE.search(text)) and not CLAIMED_ITEM_EXCLUDED_RE.search(m.group("item")):
        return f"{text[:m.start('item')]}{m.group('whole')}里，{_which_of_level(m.group('item'))}{_most_asked(m.group('most'))}，是{m.group('item')}吗？"
    m = RANKED_CLAIM_RE.search(text)
    if m is None or not ("是不是" in (m.group("asked"), m.group("pre")) or m.group("mark") or m.group("check")) or \
            CLAIMED_ITEM_EXCLUDED_RE.search(m.group("item")):
        return text
    return f"{text[:m.start('item')]}{_which_of_level(m.group('item'))}{_most_asked(m.group('most'))}，是{m.group('item')}吗？"


def _most_asked(most: str) -> str:
    """The ranking word as a ranking asks it: "(最)大头" is the largest amount, 最多."""
    return "最多" if "大头" in most else most


RANK_LEVEL_WORDS = {3: "哪一类", 5: "哪个款", 7: "哪一项"}  # by the length of a 科目 code


def _which_of_level(item: str) -> str:
    """The words that rank at the level of a 科目 the item's standard name is ("卫生健康支出": 类,
    哪一类), so the guess is among the items ranked; "哪个" for anything else."""
    for name in (item, f"{item}支出"):
        codes = schema().codes_named("function", name) or schema().codes_named("economic", name)
        if codes and len({len(c) for c in codes}) == 1 and len(codes[0]) in RANK_LEVEL_WORDS:
            return RANK_LEVEL_WORDS[len(codes[0])]
    return "哪个"


def _with_aliased_rows(lib, rows: list[str], text: str) -> list[str]:
    """The rows named, with those said by their everyday names in the order said ("暖气费和物业费
    加起来": 取暖费 and 物业管理费, two items to add); an everyday name standing for several rows
    ("住房": 住房保障 or 住房改革) or inside a row named in full names no row of its own."""
    key = match_key(text)
    named = [(key.find(match_key(r)), r) for r in rows]
    spans = [(start, start + len(match_key(r))) for start, r in named]
    for start, official in sorted(lexicon().aliases_said(text)):
        if " " in official or any(a <= start < b for a, b in spans) or official in rows:
            continue
        if (found := lib.row_names_in(official)) and match_key(official) in found:
            named.append((start, official))
            spans.append((start, start + 1))
    # (one row said by its everyday name alone is found by the figure route's own reading of
    # aliases: it is counted here only as one of several items, or where a whole is said before
    # it as the place it lies, "基本支出里面出差花了多少": the row, not the whole)
    inside = len(named) == 1 and not rows and SAID_INSIDE_RE.search(key[:named[0][0]])
    return [r for _, r in sorted(named)] if len(rows) < len(named) >= 2 or inside else rows


def _finest_of_path(rows: list[str], key: str) -> list[str]:
    """Of 科目 named as a path the way the narratives name one ("社会工作事务（款）事业运行（项）"),
    the last: the others say where it sits, they are not figures asked beside it."""
    def parent(row: str) -> bool:
        return any(re.search(re.escape(match_key(row)) + r"\((?:类|款)\)" + re.escape(match_key(other)), key)
                   for other in rows if other != row)
    return [r for r in rows if not parent(r)]


# words between two figures that set them against each other ("年末结余比年初结转和结余多了还是少了")
SET_AGAINST_RE = re.compile(r"比|和|跟|与|同|对比|相比|及")


def _without_contradicted(matches: list, key: str) -> list:
    """Of two concepts that exclude each other (年初 and 年末结转和结余), one figure asked for is the
    one said by the longer words ("上年结转下来没花完的钱" is last year's carry-over, 没花完
    describing it) — unless the question sets the two against each other or joins them."""
    kept = []
    for m in matches:
        rivals = [o for o in matches if o is not m and lexicon().contradicts(o.concept.name, m.concept.name)
                  and not SET_AGAINST_RE.search(key[min(o.end, m.end):max(o.start, m.start)])]
        if not any(len(o.word) > len(m.word) or (len(o.word) == len(m.word) and o.start < m.start) for o in rivals) \
                and all(k.name != m.concept.name for k in kept):  # (said twice, "日常运转的公用经费": one)
            kept.append(m.concept)
    return kept


def _outside_titles(matches: list, titles: list[tuple[int, int]]) -> list:
    """Concepts the question names outside the table titles it spells out: "一般公共预算财政拨款
    基本支出决算明细表里的基本工资" asks for 基本工资, not 基本支出; a title alone still names its concepts."""
    outside = [m for m in matches if not any(m.start < b and a < m.end for a, b in titles)]
    return outside if outside or not titles else matches


# a fragment of the document pasted into the question, in quotes, with figures in it
# ("“卫生健康（类）支出 59.88 万元，占 11.91%” 这个比住房保障多了多少"): what it is about is asked
# about, but its words say nothing of what is asked
PASTED_RE = re.compile(r"[“\"‘「『]([^”\"’」』]*\d[^”\"’」』]*)[”\"’」』]")


def _masked(key: str, spans: list[tuple[int, int]]) -> str:
    """The question without the table titles it spells out ("明细表" asks for no breakdown) nor
    the names that hold a cue word ("最低生活保障" asks for no ranking)."""
    for start, end in reversed(spans):
        key = key[:start] + "□" + key[end:]
    for name in intents()["names"]:
        key = name.sub("□", key)
    return key


TABLE_TOTAL_RE = re.compile(r"的?(?:合计|总计|总数|总额)")


def _table_total_set_against(q: QueryPlan, key: str, titles: list[tuple[int, int]]) -> None:
    """"三项相加，等于支出预算总表的合计吗": the whole the parts are set against is the named
    table's total row (本年支出合计 of a 支出 table), which the title's words, read as a title,
    do not name."""
    if q.operation != "sum" or not has_cue("adds_up", key):
        return
    for start, end in titles:
        if TABLE_TOTAL_RE.match(key, end) and (total := _total_of(schema().table_type(key[start:end]))) is not None \
                and total.name not in {c.name for c in q.concepts}:
            q.concepts.append(total)


def _total_of(table_type: str) -> Concept | None:
    """The department's total a table of that type prints in its 合计 row, where one concept is it."""
    if not table_type:
        return None
    totals = [c for c in lexicon().concepts if c.department_total and any(
        f.table in (table_type, schema().family(table_type)) and f.row is not None and f.row.search("合计")
        and (f.column is None or f.column.search("合计")) for f in c.finds)]
    return totals[0] if len(totals) == 1 else None


# 预算 in a fund's or a unit's name is no measure ("一般公共预算财政拨款支出", "预算单位")
NAMED_BUDGET_RE = re.compile(r"一般公共预算|政府性基金预算|国有资本经营预算|社会保险基金预算|预算单位")


def budget_against_actual(text: str) -> bool:
    """The question sets a figure's 预算数 against its 决算数: both said, or "比预算少花了多少"
    (spending against its budget, though 决算 is unsaid)."""
    text = NAMED_BUDGET_RE.sub("", text)
    return bool(re.search(r"预算", text) and
                re.search(r"决算|实际|执行|花|超|(?:比|和|跟|与)(?:年初|全年|调整)?预算", text))


# "跟23年比有没有变化": whether the figure changed at all, either way
CHANGED_RE = re.compile(r"有没有(?:什么)?(?:变化|变动|改变)|(?:变化|变动|改变)了?吗|变没变|有无(?:变化|变动)|是否(?:有)?(?:变化|变动)")


# whether two figures are the same, then their gap ("一样多吗？差多少")
SAME_THEN_GAP_RE = re.compile(rf"(?:一样|相等|相同)[^，,。？?]{{0,4}}[？?，,].{{0,6}}(?:{DIFFERENCE_SAID})")


def read_operation(q: QueryPlan, items: int, text: str) -> None:
    """The operation the question asks for (``text``: its match key, table titles masked): its cue
    words, weighed against how many departments, years and items (concepts, 科目) it names ("谁多"
    needs two of something)."""
    _read_ranking(q, text)
    named = _Named.of(q, items, text)
    q.operation = _shaped_operation(q, text, named) or _worded_operation(q, text, named) or q.operation
    if q.operation == "yesno" and named.departments > 1 and SAME_THEN_GAP_RE.search(text):
        q.operation = "diff"  # "两家的…一样多吗？差多少": the gap between the departments
    if q.operation == "breakdown" and q.place > 1 and not q.standing:
        q.operation = "rank"  # "按来源分，排第二的是哪一块": a place among the breakdown's parts
    if q.operation == "rank" and not q.level and has_cue("breakdown", text):
        q.level = "类"  # "钱都花在什么地方？最大的是哪个": the largest of the breakdown's broad parts
    if q.operation in ("sum", "diff", "change", "share", "compare") and q.intent != "reason":
        q.intent = "compare"  # figures computed from cells, formula shown
    elif q.operation == "yesno" and (named.departments > 1 and re.search(r"比.{0,12}(?:多|少|高|低|大|小)", text) or
                                     named.years > 1 and CHANGED_RE.search(text)):
        q.intent = "compare"  # "A是不是比B少", "跟23年比有没有变化": the two figures set against each other


@dataclass(frozen=True)
class _Named:
    """How many of each thing a question names, which its operation is weighed against."""
    departments: int
    years: int
    items: int
    both_measures: bool
    figure: bool

    @classmethod
    def of(cls, q: QueryPlan, items: int, text: str) -> "_Named":
        return cls(len(q.departments), len(set(q.years) | set(q.compared_years)), items,
                   budget_against_actual(text),
                   has_cue("figure", text.replace("哪几", "哪些")))  # "哪几块牌子" asks which, not how many

    @property
    def several(self) -> bool:
        return self.departments > 1 or self.years > 1 or self.items > 1 or self.both_measures


def _threshold_operation(q: QueryPlan, text: str) -> str | None:
    """The items above or below a share of their whole or an amount, asked: the threshold set
    on the plan, and listed (a ranking cut at it), counted or answered yes or no."""
    if (m := SHARE_ABOVE_RE.search(text)) and (m.group("bound") or m.group("over") or m.group("below")) and "哪" in text:
        # "有没有哪一类超过一半", "占比超过两成的有哪几项": the parts above a share of their whole
        q.share_above, q.under = share_percent(m.group("share")), bool(m.group("under") or m.group("below"))
        return "yesno" if has_cue("yesno", text) else "rank"
    if m := SPAN_ASKED_RE.search(text):
        # "在10万到100万之间的有哪几项": the items inside the span, listed or counted
        q.above, q.up_to = span_yuan(m)
        return "rank" if m.group("ask").startswith("哪") else "count"
    if m := NEAR_ASKED_RE.search(text):
        # "五十万上下的是哪几项": the items within a tenth of the amount either way (the span said in the answer)
        _set_threshold(q, m)
        q.above, q.up_to = q.above * (1 - NEAR_SPAN), q.above * (1 + NEAR_SPAN)
        return "rank" if m.group("ask").startswith("哪") else "count"
    if m := ANY_ABOVE_RE.search(text):
        _set_threshold(q, m)  # "有没有哪一项超过50万元", "有没有哪一类上亿"
        return "yesno"
    if m := ABOVE_RE.search(text) or ABOVE_NAMED_RE.search(text):
        # "超过100万的有哪几项": the items above an amount, listed (a ranking cut at it), or counted
        _set_threshold(q, m)
        return "rank" if (m.group("ask") or m.groupdict().get("ask_first") or "").startswith("哪") else "count"
    return None


def _change_and_threshold(q: QueryPlan, text: str) -> str | None:
    """"哪一类既比24年多、又超过1000万", "有没有哪项既跟24年持平、又超过100万": the parts that moved the
    way said (qa/routes/changes.py reads that side) and are above the amount said: the threshold set
    on the plan; listed, or answered yes or no."""
    m = BOTH_CONDITIONS_RE.search(text)
    if m is None or not CHANGE_SIDE_RE.search(m.group("first") + m.group("second")):
        return None
    amount = next((a for side in ("first", "second") if (a := BOUND_AMOUNT_RE.search(m.group(side)))), None)
    if amount is None:
        return None
    _set_threshold(q, amount)
    return "yesno" if re.search(r"有没有|是否有|有无", text) else "rank"


def _set_threshold(q: QueryPlan, m: re.Match) -> None:
    """The amount (in yuan) a threshold said sets on the plan, and whether the items asked are
    below it (the groups of ABOVE_RE or ANY_ABOVE_RE; "x_" names the bound said after the asking)."""
    said = {name.removeprefix("x_"): value for name, value in m.groupdict().items() if value is not None}
    q.above = ROUND_AMOUNTS[said["round"]] if "round" in said else \
        float(said["number"]) * {"亿": 1e8, "万": 1e4}.get(said.get("magnitude", ""), 1)
    q.under = bool(said.get("under") or said.get("below"))


def _shaped_operation(q: QueryPlan, text: str, named: _Named) -> str | None:
    """An operation read from the question's shape: one row, a threshold, a budget set against its
    outturn, a breakdown, a description, a share, a multiple, a trend."""
    departments, years, both_measures, figure = named.departments, named.years, named.both_measures, named.figure
    if held_figure(text) is not None:
        return "describe"  # "表里那个17.61万元是什么钱": the row printing it (several: candidates)
    if has_cue("bodies", match_key(text)) and not has_cue("count", text):
        return "describe"  # "下面有哪几个单位": the bodies its 机构设置 section names (not how many)
    if has_cue("overview", text) and not q.rows and not q.codes and all(c.department_total for c in q.concepts):
        return "describe"  # "总的来说收支情况怎么样", "用几个数字说说": the headline figures, none of them asked
    if ONE_ROW_RE.search(text) and len(q.rows) == 1 and not has_cue("rank", text):
        return "value"  # "采购明细里“住宿服务”那一行是多少钱": that row, not a breakdown of the table
    if q.standing and departments <= 1 and years <= 1:
        return "rank"  # "差旅费排第几", "能排进前三不": the ranking, the named item's place in it
    if departments <= 1 and years <= 2 and (both := _change_and_threshold(q, text)):
        return both
    if departments <= 1 and years <= 1 and (threshold := _threshold_operation(q, text)):
        return threshold
    if WITHIN_BUDGET_RE.search(text) and (has_cue("yesno", text) or has_cue("truth", text)) or \
            SPENT_IN_FULL_RE.search(text) and not figure:
        return "yesno"  # "是否控制在年初预算以内？请说明…完成比例": within or not, the figures with it
    if both_measures and MEASURES_NAMED_RE.search(text) and departments <= 1 and years <= 1:
        # "预算数和决算数分别是多少？差了多少": one figure's two measures, set side by side (asked
        # "实际花的比预算少吗": whether the one is below the other)
        return "yesno" if _asks_yes_or_no(text, figure) else "diff" if has_cue("diff", text) or "差" in text else "compare"
    if PURPOSE_RE.search(text) and not figure and claims_in(text) and not checked_claims(text):
        return "describe"  # "…决算202.24万元，主要用于哪些方面": the amount is told, what it was for asked
    if KINDS_ASKED_RE.search(text) and any(c.counts for c in q.concepts) and \
            not re.search(r"(?<![那这])(?:多少|几)", KINDS_ASKED_RE.sub("", text)):
        return "breakdown"  # "那几辆车都是什么车": the kinds counted (a count asked too stays a count)
    if figure and (q.rows or q.codes) and WHAT_FOR_RE.search(text) and departments <= 1 and years <= 1 and \
            not has_cue("breakdown", WHAT_FOR_RE.sub("", text)):  # (not "…各多少": its parts)
        return "value"  # "医疗费是干什么用的，安排了多少": the row's figure, what it is for with it
    if has_cue("breakdown", text) and ("钱" in text or BOUGHT_WHAT_RE.search(text) or COMPOSED_OF_RE.search(text)) and \
            not (has_cue("rank", text) and MOST_RE.search(text)):
        return "breakdown"  # "民政管理事务的钱都干啥用了", "政府采购主要买的是什么", "是如何构成的"
    if (has_cue("why", text) or has_cue("describe", text) or has_cue("meaning", text) or has_cue("duties", text)) and not figure and \
            not (has_cue("rank", text) and not WHY_RE.search(text)):
        # (but "最多的两项是什么" names the items of a ranking; "对个人和家庭的补助都有哪些" a 科目
        # row's parts)
        parts = q.rows and has_cue("breakdown", text) and not (has_cue("why", text) or has_cue("meaning", text)
                                                                or PURPOSE_RE.search(text) or re.search(r"干(?:什么|啥|嘛)", text))
        return "breakdown" if parts else "describe"
    return _proportion_operation(q, text, named)


# a share of each part asked of a whole said as where they lie ("对个人和家庭的补助里，各项各占几成")
EACH_SHARE_RE = re.compile(rf"(?:{INSIDE})[^。？?]*?(?:各占|分别占|各自占|各自的?占比|占比各(?:是|为)?)")


def _proportion_operation(q: QueryPlan, text: str, named: _Named) -> str | None:
    """The operation of a figure set over another: a rate stated, a share, a rate of one figure
    against another, a multiple, a trend."""
    departments, years = named.departments, named.years
    if has_cue("completion", text):
        return "value"  # a rate the document states, not a share of a whole
    if claimed_share(text) is not None and departments <= 1 and years <= 1:
        return "share"  # "其他收入占总收入有没有三成": the share, then checked against the claim
    if RATE_AGAINST_RE.search(text) and "占" not in text and named.items >= 2 and departments <= 1 and years <= 1:
        return "diff"  # "项目支出比基本支出多了百分之几": the change over the second, no share of it
    if EACH_SHARE_RE.search(text) and departments <= 1 and years <= 1 and named.items <= 1:
        return "breakdown"  # ("对个人和家庭的补助里，各项各占几成": the whole's parts, each with its share)
    if has_cue("share", text) and ("占" in text or not has_cue("change", text) and not RATE_AGAINST_RE.search(text)) and \
            not (has_cue("breakdown", text) and re.search(r"各占|分别占|各自占", text)) and \
            not re.search(r"占比?(?:最高|最大|最多|最低|最小|最少)", text) and \
            not (has_cue("rank", text) and MOST_RE.search(text) and re.search(r"哪", text)):
        # ("占比最高的来源为何", "哪个科目钱最多？占…的百分之几": which, a ranking, its share with it)
        return "share"  # (“比上年下降百分之几” is a rate of change; "从哪来的，各占多少" a breakdown)
    if has_cue("multiple", text) and departments <= 1 and (years > 1 or q.compared_years or
                                                           re.search(rf"{YEAR_BEFORE}|前年", text) or
                                                           any(p.search(text) for p, _, _ in claimed_multiples()) or
                                                           TENTHS_CHANGE_RE.search(text)):
        # "2025年比2024年翻了一倍吗": the later figure over the earlier ("翻了一倍" alone: over the year before)
        return "change"
    if has_cue("trend", text) and departments <= 1:
        return "yesno"  # "这几年是不是一直在涨": each year against the one before
    return None


# one figure's rate of change against another's ("年末结转结余比年初少了百分之几"): (B − A) / B, no share
RATE_AGAINST_RE = re.compile(rf"比[^，,。？?]{{1,24}}?(?:多|增加|高|低|涨|增长|{CUT_WORDS})了?(?:约|大约|大概)?(?:百分之|几成|多少%|几%)")


# rows picked out by a word in their names ("带“救助”两个字的科目", "名字里有养老的")
NAMED_BY_WORD_RE = re.compile(r"(?:带|含|有)(?:着)?[“\"]?[\u4e00-\u9fff]{1,6}[”\"]?(?:两|几|这|那)?(?:个)?字(?:眼)?的")


# every item named given up, what that saves asked ("把会议费和培训费都省下来，能省多少")
ALL_DROPPED_RE = re.compile(r"都(?:省|砍|取消|去掉|减掉|免掉|不花|不要|节约|节省)(?:下来|下|掉|了)?[^。？?]{0,8}(?:能|可以|可)?(?:省|节约|节省)(?:下来?)?了?(?:多少|几)")


def _worded_operation(q: QueryPlan, text: str, named: _Named) -> str | None:
    """An operation read from its cue words alone, weighed against how much the question names."""
    departments, years, items, several = named.departments, named.years, named.items, named.several
    figure, both_measures = named.figure, named.both_measures
    if has_cue("sum", text) and has_cue("adds_up", text) and items > 2 and departments <= 1 and years <= 1:
        return "sum"  # "这三项加起来是不是正好等于支出总数": the parts added, set against the whole
    if _asks_yes_or_no(text, figure):
        return "yesno"
    if PLUS_RE.search(text) and items <= 1 and departments <= 1 and years <= 1 and has_cue("sum", text):
        return "sum"  # "离休的加退休的一共多少" with one of the two found: no one cell is their sum
    if has_cue("rank", text) and not (departments == 2 and has_cue("compare", text)):
        return "rank"
    if ALL_DROPPED_RE.search(text) and items >= 2 and departments <= 1 and years <= 1:
        return "sum"  # "把会议费和培训费都省下来，能省多少": what both come to, no gap between them
    if has_cue("diff", text) and items == 2 and departments <= 1 and years <= 1 and not has_cue("rank", text):
        return "diff"  # "各是多少，基本支出比项目支出多多少": the gap, both figures with it
    if has_cue("sum", text) and has_cue("each", text) and items >= 2 and departments <= 1 and years <= 1 and \
            not WHOLE_THEN_PARTS_RE.search(text):
        return "sum"  # "离休费和退休费各是多少，加起来多少": the total, each figure with it
    if has_cue("breakdown", text) and (COUNT_LAST_RE.search(text) or COUNT_THEN_LIST_RE.search(text)) and \
            departments <= 1 and years <= 1 and not BY_KIND_RE.search(text):
        return "count"  # "包括哪些单位，一共几个", "有几个？都列出来": the list asked for, counted (the count is the figure)
    if has_cue("breakdown", text) and not NAMED_BY_WORD_RE.search(text):
        # (not "带“救助”两个字的科目，各多少": the rows a word picks out, each a candidate)
        return ("diff" if has_cue("diff", text) else "value") \
            if (departments > 1 or years > 1) and items <= 1 and has_cue("each", text) else "breakdown"
    if (_sum_said(text, departments > 1 or years > 1) or has_cue("sum_joined", text) and JOINED_RE.search(text)) and several and not (has_cue("change", text) and years > 1 and departments <= 1) \
            and not (has_cue("count", text) and items <= 1 and departments <= 1 and years <= 1):
        # "23年到25年一共涨了多少" is a change, not a sum; "部门决算里一共有几个二级预算单位" one thing counted
        return "sum"
    if has_cue("change", text) and departments <= 1 and (
            q.compared_years or years > 1 or re.search(rf"{YEAR_BEFORE}|同比|(增加|增长|上升|涨|{CUT_WORDS})了?(?:多少|百分之(?:几|多少)|(?:几|多少)个百分点|几成)", text)):
        return "change"
    if (has_cue("compare", text) or has_cue("diff", text)) and several:
        gap = has_cue("diff", text) or bool(re.search(r"多(花|出)?了?(多少|几)|少(花|出)?了?(多少|几)", text))
        return ("change" if years > 1 and departments <= 1 and items <= 1 and not both_measures
                else "diff" if gap else "compare")
    if has_cue("diff", text):
        return "diff"  # "年末结转结余比年初多了多少": a gap, its second figure said short
    if has_cue("count", text):
        return "count"
    if items > 1 and LIST_MARK_RE.search(text) and departments <= 1 and years <= 1:
        return "breakdown"  # "三公经费、会议费、培训费多少": each of them, none the headline
    return None


# how many in all, asked last ("…有哪些？一共几家？", "都买了什么，总共几样")
COUNT_LAST_RE = re.compile(r"(?:一共|总共|共计|总计|合计|共)(?:有|是)?几(?:个|家|项|所|类|种|样|辆|人|名|处)[？?。！!]*$")
# (not each kind listed with its count, "车按类别每一类都列出来，总共几辆": a breakdown with its total)
BY_KIND_RE = re.compile(r"按(?:类别|类型|种类|类)|每一?类|各类|分类|哪几类|哪些类")
# (or how many first, then the list: "项目有几个？都列出来", "下面有几个二级单位？都是哪些")
COUNT_THEN_LIST_RE = re.compile(r"(?<!哪)几(?:个|家|项|所|类|种|样)[\u4e00-\u9fff]{0,8}[？?，,。]\s*(?:都|全部|全|分别|一一)?(?:列(?:出来|一下|下)?|是(?:哪些|什么)|有哪些)")


PLACE_NUMBER = "[一二三四五六七八九十两\\d]+"
# the gap between two places of a ranking ("排第一和排第二的差多少", "最多的项和第二多的项差了多少")
RANK_GAP_RE = re.compile(rf"(?:排)?(?:第(?P<a>{PLACE_NUMBER})(?:多|大|高|名|位)?|最(?:多|大|高))的?(?:那?一?(?P<unit>[项个名类款]))?"
                         rf"(?:和|跟|与|比)(?:排)?第(?P<b>{PLACE_NUMBER})(?:多|大|高|名|位)?的?(?:那?一?[项个名类款])?"
                         r"[^，。？?]{0,3}?(?:差|相差|多出|高出|多了|多(?=多少))")


# the first asked in a clause of its own before a place is ("哪一类支出最多？排第二的…")
MOST_THEN_PLACE_RE = re.compile(r"最(?:多|大|高|少|小|低)[^，,。？?]{0,6}[，,。？?]")


def _read_ranking(q: QueryPlan, text: str) -> None:
    """A ranking's order, how many (前三, 最多的两项), at which level (类/款/项) and which place
    (第二多的)."""
    if has_cue("ascending", text):
        q.order = "asc"
    # ("前两天听人讲": days ago, no ranking's first two)
    # (or "哪三项最少": which N)
    if m := re.search(r"前([一二三四五六七八九十两\d]+)(?![一二三四五六七八九十两\d年天日月周回次])|最(?:多|大|高|少|小|低)的([一二三四五六七八九十两\d]+)(?:项|个|类|位|家)"
                      r"|哪([二三四五六七八九十两\d]+)(?:项|个|类|款|位|家)", text):
        q.top_n = chinese_number(next(g for g in m.groups() if g).replace("两", "二")) or 1
    q.level = "项" if has_cue("level_fine", text) else "款" if has_cue("level_middle", text) else \
        "类" if has_cue("level_broad", text) else ""
    if m := next((m for p in intents()["ranked_place"] if (m := p.search(text))), None):
        q.place = chinese_number(m.group(1).replace("两", "二")) or 1
        if MOST_THEN_PLACE_RE.search(text[:m.start()]) and q.place > 1:
            q.top_n, q.place = q.place, 1  # "哪一类最多？排第二的是哪一类": the first and the second
    q.standing = "member" if has_cue("top_member", text) else "place" if has_cue("place_asked", text) else ""
    if not q.standing and (m := cue_re("place_claimed").search(text)):
        q.standing, q.place = "at", chinese_number(next(g for g in m.groups() if g).replace("两", "二")) or 2
    if m := RANK_GAP_RE.search(text):
        q.standing, q.place = "gap", chinese_number((m.group("a") or "一").replace("两", "二")) or 1
        q.gap_to = chinese_number(m.group("b").replace("两", "二")) or 2
        if not q.level and m.group("unit") in ("类", "款"):
            q.level = m.group("unit")  # ("最多的那一类比第二多的那一类多出多少": 类 are ranked)


def _asks_yes_or_no(text: str, figure: bool) -> bool:
    """Whether two figures are asked to agree, a yes or no is asked (and no figure), or a yes or
    no first and then how many or how much ("是不是又要买公车？买几辆？", "有没有买新公车，购置费
    多少"); never a ranking asked last."""
    clauses = [c for c in QUESTION_CLAUSE_RE.split(text) if c]
    # (the yes or no in any clause before the last: "培训费预算是多少？比2017年多了吗？多多少？")
    asked = next((n for n, c in enumerate(clauses[:-1]) if has_cue("yesno", c) and not has_cue("figure", c)), None)
    asked_after = "".join(clauses[asked + 1:]) if asked is not None else ""
    return ((has_cue("agree", text) and not re.search(r"差(?:了|额)?(?:多少|几)", text)) or (
        (has_cue("yesno", text) or has_cue("truth", text)) and not figure) or (
        asked is not None and (has_cue("count", asked_after) or has_cue("figure", asked_after)))) and not _ranks_last(text)


MONEY_SAID_RE = re.compile(r"费|钱|支出|经费|资金|元|预算|决算")  # ("其中离休费呢": money, whatever came before)


# a whole asked "in all", then its parts ("年末财政拨款结转和结余一共多少？其中一般公共预算和政府性基金各多少"):
# no sum of the parts
WHOLE_THEN_PARTS_RE = re.compile(r"(?:一共|总共|合计|共计)[^？?。]{0,8}[？?，,。]\s*其中")


def _inherit(q: QueryPlan, prev: QueryPlan) -> QueryPlan:
    """A follow-up keeps the previous turn's department, year, kind and concept unless restated."""
    follow_up = bool(FOLLOW_UP_RE.search(q.text.strip())) or len(match_key(q.text)) <= 12
    if not q.years and prev.years and SAME_YEAR_RE.search(q.text):
        q = replace(q, years=prev.years)  # "换成省委办公厅同一年的": the year talked of, said, not carried
    if not follow_up and (q.departments or q.unknown_orgs) and q.names_something:
        return q
    inherited = set()
    changes: dict = {}
    if (this := THIS_ONE_RE.search(q.text)) and (said := lexicon().concepts_in(q.text[this.end():])) and \
            said[0].start == 0 and said[0].generic:
        q = replace(q, concepts=[c for c in q.concepts if c is not said[0].concept],
                    rest=q.rest.replace(this.group(0) + said[0].word, ""))
    q, relative = _inherit_subject(q, prev, changes, inherited)
    _inherit_target(q, prev, changes, inherited, follow_up)
    if PART_OF_RE.match(q.text.strip()) and not q.units and not MONEY_SAID_RE.search(q.text) and \
            (counted := prev.units or tuple(u for c in prev.concepts if c.counts for u in c.stated_unit)):
        changes["carried_units"] = counted  # "其中离休的呢" after "离退休人员有多少": its people counted, no money
    _earlier_as_operand(q, prev, changes, inherited)
    _inherit_operation(q, prev, changes, inherited, relative)
    changes["earlier"] = [c for i, c in enumerate(prev.concepts + prev.earlier)
                          if c not in (prev.concepts + prev.earlier)[:i]]
    if q.operation == "share" and "concepts" not in inherited and len(q.concepts) == 1 and \
            q.concepts[0].department_total and len(prev.concepts) == 1 and q.concepts[0].name != prev.concepts[0].name:
        # "占支出的多少" after "三公经费多少": the figure before, over the whole this names
        changes.update(concepts=prev.concepts + q.concepts, topic=prev.topic or prev.rest)
        inherited.add("concepts")
    if q.operation == "share" and "concepts" not in inherited and len(q.concepts) == 1 and len(prev.concepts) == 1 \
            and prev.concepts[0].name != q.concepts[0].name and (
            prev.concepts[0].contains(q.concepts[0].name) or prev.concepts[0].department_total):
        # "那经营收入占了百分之多少" after 收入合计, "接待费在里面占几成" after 三公经费: of the whole before
        changes.update(concepts=q.concepts + prev.concepts)
    named_part = changes.get("concepts", [])
    if "concepts" in inherited and SHARE_RE.search(q.text) and len(prev.concepts) == 1 and len(named_part) == 1 and \
            named_part[0] is not prev.concepts[0] and prev.concepts[0].contains(named_part[0].name):
        changes["concepts"] = named_part + prev.concepts  # "其中公务接待费占了多大比例" after 三公经费: of it
    elif "concepts" in inherited and SHARE_RE.search(q.text) and len(prev.concepts) == 1:
        # "占比多少" after "一共收入多少" / "其中财政拨款收入多少": the part over the whole before it
        whole = next((c for c in changes["earlier"] if c not in prev.concepts), None)
        if whole is not None:
            changes["concepts"] = prev.concepts + [whole]
    if q.measure is None and prev.measure and "concepts" in inherited:
        changes["measure"] = prev.measure
    changes["budget_words"] = q.budget_words or prev.budget_words
    if "concepts" in inherited and q.rest and len(DOCUMENT_POINTED_RE.sub("", match_key(q.rest))) <= 4:
        changes["rest"] = prev.rest  # "那临汾的呢", "2025年那份预算里的呢" say nothing of their own to search for
    return replace(q, inherited=inherited | q.inherited, **changes)


# the words of a follow-up that point at another document of the same body ("那份预算里的", "那年的")
DOCUMENT_POINTED_RE = re.compile(r"(?:那|这)(?:一)?(?:份|年)(?:的)?(?:预算|决算)?(?:文件|报告|公开文件)?(?:里|中|上)?")


# a follow-up setting the figure before against another body's ("跟省委办公厅同一项比，少多少",
# "比临汾的多多少"): both bodies, the one before first
AGAINST_BODY_RE = re.compile(r"^(?:那|那么)?(?:跟|和|与|同|比)")


# years added to the one talked of ("把18、19年的也加上", "再加上19年的")
YEARS_ADDED_RE = re.compile(r"(?:也|再|都)(?:加上|加进来|算上|算进来|加进去)|加上[^，,。？?]{0,6}年")


def _inherit_subject(q: QueryPlan, prev: QueryPlan, changes: dict, inherited: set) -> tuple[QueryPlan, list]:
    """The follow-up's departments, years and kind: its own, else the turn's before (a year said
    relative to the one before, "去年呢"); returns the plan and the relative years said."""
    if q.unknown_orgs and not q.departments and prev.departments and all(
            any(match_key(u) in match_key(name) for name in prev.names) for u in q.unknown_orgs):
        # "那街道25年的三公呢" after 万里街道: the body named before, said shorter
        q = replace(q, unknown_orgs=[])
    if not q.departments and not q.unknown_orgs and prev.departments:
        changes["departments"] = prev.departments
        inherited.add("departments")
    if q.departments and prev.departments and not set(q.departments) <= set(prev.departments) and (
            BOTH_SUBJECTS_RE.search(q.text) or q.intent == "compare" and AGAINST_BODY_RE.match(q.text.strip())):
        # "阳泉民政局同一年的呢？两家谁花得多" after 临汾's figure: the one before and the one named
        changes.update(departments=list(dict.fromkeys(prev.departments + q.departments)), intent="compare",
                       operation=q.operation if q.operation in ("diff", "sum") else "compare")
    if not q.years and prev.years and SAME_YEAR_RE.search(q.text):
        changes["years"] = prev.years  # said, not carried: no other year of the department instead
        return q, []
    if q.years and prev.years and YEARS_ADDED_RE.search(q.text) and not set(q.years) & set(prev.years):
        # "那把18、19年的也加上，三年一共多少" after 2017's figure: the year before and those said
        changes["years"] = sorted(set(prev.years) | set(q.years))
        return q, []
    relative = relative_years(q.text)
    subjects = list(dict.fromkeys([(tuple(prev.departments), tuple(prev.years)), *prev.earlier_subjects]))
    changes["earlier_subjects"] = subjects
    talked_of = list(dict.fromkeys(y for _, years in subjects for y in years))  # the years, latest turn first
    if not q.departments and not q.years and BOTH_SUBJECTS_RE.search(q.text) and len(subjects) > 1 and \
            subjects[0][0] != subjects[1][0]:
        # "两个加起来多少" after 阳泉's figure and "那临汾19年的呢": the two the talk was about
        changes.update(departments=list(dict.fromkeys(subjects[1][0] + subjects[0][0])),
                       years=sorted(set(subjects[1][1] + subjects[0][1])))
        if has_cue("sum", q.text):
            changes.update(operation="sum", intent="compare")  # (read before the two were known)
        inherited.add("departments")
    elif not q.years and BOTH_YEARS_RE.search(q.text) and len(talked_of) > 1:
        # "两年比差了多少" after 25年's figure and "那前年呢": the two years the talk was about
        two = sorted({prev.years[0], next(y for y in talked_of if y not in prev.years[:1])})
        changes.update(years=[two[1]], compared_years=[two[0]])  # the later year against the earlier
    elif relative and prev.years:
        # "去年呢" after 2024 means 2023; "比上一年少了多少" sets 2024 against 2023 (the year
        # before the one talked of; "去年", "前年" count from the year named before them)
        anchor = prev.year_anchor or prev.years[0]
        # ("万里街道去年的…" then "那今年的呢", "那前年的呢": the year before was counted from today, so these are)
        from_today = prev.year_anchor is None and _counted_from_today(prev.text)
        # ("省政协19年…" then "那今年的呢", the year alone asked again: this year is today's, not the
        # year just asked; "那培训费今年安排了多少" asks a new item in the year talked of, and after "那去年呢"
        # has counted from the year talked of, "那今年呢" comes back to it)
        today = prev.year_anchor is None and not (q.concepts or q.rows or q.codes)
        changes["years"] = [(current_year() if from_today or d == 0 and today else anchor) + d
                            for d, compared in relative if not compared] or prev.years
        changes["compared_years"] = [prev.years[0] + d for d, compared in relative if compared]
        changes["year_anchor"] = anchor if any(not compared for _, compared in relative) and not from_today else None
    elif not q.years and prev.years:
        changes.update(years=prev.years, year_anchor=prev.year_anchor)
        inherited.add("years")
    if q.kind is None and prev.kind and not (q.measure and q.measure != f"{prev.kind}数"):
        changes["kind"] = prev.kind  # (not "那实际执行了多少" after a 预算 asked of a 决算)
    return q, relative


def _document_year_dropped(q: QueryPlan, text: str) -> None:
    """"根据2017年预算文件，2016年的总支出": the year read in, not the year asked (no figure of the
    document's own year answers it); not where what one year has and the other has not is asked,
    where the other year is set against it, nor where two documents are named together ("24年预算和
    25年预算里…"); a year's outturn read in the next year's budget is read below."""
    if len(set(q.years)) == 2 and not q.computed and q.operation != "change" and (m := DOCUMENT_YEAR_RE.search(text)) \
            and not OUTTURN_YEAR_RE.search(text) and not has_cue("new_items", text) and not YEAR_SET_AGAINST_RE.search(text, m.end()) \
            and not DOCUMENTS_JOINED_RE.search(text[:m.start()]):
        q.years = [y for y in q.years if y != full_year(int(m.group(1)))] or q.years


def _counted_from_today(text: str) -> bool:
    """Whether a question's year was said counting from today ("万里街道去年的…"): no year written,
    a relative year said, not one counted from a document ("最新那份…", "前一年")."""
    return not YEAR_RE.search(arabic_years(text)) and any(not compared for _, compared in relative_years(text)) and \
        not COUNTED_FROM_DOCUMENT_RE.search(text)


def _inherit_target(q: QueryPlan, prev: QueryPlan, changes: dict, inherited: set, follow_up: bool) -> None:
    """What the follow-up asks about: a part of the figure before, its column, or that figure."""
    part_of = bool(PART_OF_RE.match(q.text.strip()))
    sibling = _sibling_named(q, prev) if follow_up and not q.concepts else None
    if (follow_up and not q.concepts or part_of) and (part := _part_named(q, prev) or sibling) is not None:
        # "服务类的呢" after 政府采购: its part, not the 科目 that say 服务 ("其中财政拨款的": the
        # part's own row, the fund no column of it); "车呢" after 公务接待费: no word of that one
        changes.update(concepts=[part], codes=[], rows=[], topic=part.name if part is sibling else prev.topic or prev.rest)
        if part_of:
            changes.update(rest=part.name, topic=part.name)
        inherited.add("concepts")
    elif part_of and q.concepts and prev.concepts and all(c.department_total for c in prev.concepts) and \
            not {c.name for c in q.concepts} & {c.name for c in prev.concepts} and FUND_PART_RE.search(q.text):
        # "其中基本支出的是多少" after 一般公共预算财政拨款支出: that figure, read where the whole was
        changes.update(topic=prev.topic or prev.rest)
    elif (part_of and (prev.rows or prev.codes or any(not c.department_total for c in prev.concepts))
          or follow_up and (q.rows or q.concepts) and _one_item(prev, q)
          and all(FUND_PART_RE.fullmatch(match_key(c.name)) for c in q.concepts)) and not q.codes and \
            FUND_PART_RE.search(q.text) and \
            all(FUND_PART_RE.fullmatch(match_key(r)) for r in q.rows):
        # the fund words name a column of the earlier 科目, not the fund's own total ("换成基本支出呢"
        # after "社会福利这一块花了多少": that row's 基本支出; "只算财政拨款的呢" after 基本支出: its
        # 财政拨款 part)
        concepts = [c for c in prev.concepts if not c.department_total] if prev.rows or prev.codes else prev.concepts
        changes.update(concepts=concepts, codes=prev.codes, rows=prev.rows, topic=prev.topic or prev.rest)
        inherited.add("concepts")
    elif part_of and q.rows and not q.concepts and not q.codes and len(prev.concepts) == 1 and not prev.codes and \
            any(f.column is not None and schema().row_kind(f.table) == "function" for f in prev.concepts[0].finds) and \
            all(match_key(r) in map(match_key, prev.concepts[0].words()) for r in prev.rows) and not FUND_PART_RE.search(q.text):
        # "其中殡葬那块挣了多少" after 经营收入, a column of the 科目 tables: that 科目's cell in it, not
        # the 科目's own spending
        changes.update(concepts=prev.concepts, topic=prev.topic or prev.rest)
        inherited.add("concepts")
    elif follow_up and q.rows and not q.concepts and not q.codes and prev.operation in ("rank", "breakdown") and \
            (funds := [c for c in prev.concepts if FUND_ONLY_RE.fullmatch(match_key(c.name)) and "收入" not in c.name]):
        # "殡葬那一项花了多少" after a ranking of the 一般公共预算财政拨款 spending: that 科目 within
        # the fund the ranking was of, not all its money
        changes.update(concepts=funds, topic=prev.topic or prev.rest)
    elif not q.names_something and (prev.names_something or prev.topic or prev.rest) and not _names_unknown(q) and \
            not lexicon().aliases_said(q.text):  # ("那房补呢": a row by its everyday name, not the one before)
        inherited.add("concepts")
        if (whole := _whole_checked(prev)) is not None:
            # "主要是花在公车上吗" checked what 三公经费 goes to: the talk is still of 三公经费
            changes.update(concepts=[whole], codes=[], rows=[], topic=prev.topic, carried_units=())
        else:
            spent = _spent_side(q.text, prev.concepts)  # (its topic the spending too, not the income's words)
            changes.update(concepts=spent, codes=prev.codes, rows=prev.rows, carried_units=prev.units,
                           topic="，".join(c.name for c in spent) if spent != prev.concepts else prev.topic or prev.rest)
            if q.intent == "figure" and prev.intent == "compare" and not COMPARE_RE.search(q.text):
                changes["intent"] = "figure"
            elif q.intent == "figure" and not (prev.intent == "reason" and has_cue("figure", q.text)):
                # ("那19年呢" after a why asks why again; "那19年这一类又是多少" asks the figure)
                changes["intent"] = prev.intent


# a fund alone, no item of its own ("只算财政拨款的呢", "一般公共预算的呢"; not 基本支出, 项目支出)
FUND_ONLY_RE = re.compile(r"(?:一般公共预算|政府性基金(?:预算)?|财政)(?:财政)?(?:拨款)?(?:收入|支出|资金)?")


def _one_item(prev: QueryPlan, q: QueryPlan) -> bool:
    """The turn before asked of one item: a 科目 row (its totals word, "一共", beside it), or one
    spending concept where this turn names a fund only ("基本支出" then "只算财政拨款的呢")."""
    named = {match_key(w) for c in prev.concepts for w in [c.name, *c.terms]}
    if prev.codes or any(match_key(r) not in named and not FUND_PART_RE.fullmatch(match_key(r)) for r in prev.rows):
        return all(c.department_total for c in prev.concepts)  # (a 科目 row, not a concept's own words)
    fund_only = all(FUND_ONLY_RE.fullmatch(match_key(c.name)) for c in q.concepts) and \
        all(FUND_ONLY_RE.fullmatch(match_key(r)) for r in q.rows)
    return fund_only and len(prev.concepts) == 1 and not FUND_ONLY_RE.fullmatch(match_key(prev.concepts[0].name)) and \
        "收入" not in prev.concepts[0].name


# the money said spent ("那这笔钱当年花出去多少", "用掉了多少"), after a figure of what came in
SPENT_AFTER_RE = re.compile(r"花(?:出去|掉|了)|用(?:掉|出去|了)|支出(?:了|多少|是)")


def _spent_side(text: str, concepts: list[Concept]) -> list[Concept]:
    """The earlier concepts, an income among them turned to its spending where the follow-up
    asks what of it was spent (政府性基金预算财政拨款收入 → …支出)."""
    if not SPENT_AFTER_RE.search(text):
        return concepts
    return [side if c.name.endswith("收入") and (side := lexicon().other_side(c)) is not None else c for c in concepts]


def _earlier_as_operand(q: QueryPlan, prev: QueryPlan, changes: dict, inherited: set) -> None:
    """The figure before as one operand and the item this names as the other: "项目支出比它多多少"
    (the two set against each other in the order said), "再加上对个人和家庭的补助，一共多少" (added)."""
    added = ADDED_ON_RE.search(q.text.strip())
    pointed = BACK_REFERENCE_RE.search(q.text)
    if "concepts" in inherited or len(q.concepts or q.rows) != 1 or not (prev.concepts or prev.rows) or \
            not (added or pointed and q.intent == "compare"):
        return
    before = added or pointed.start() < q.text.find("比")  # ("它比项目支出多多少": the figure before first)
    concepts, rows = (prev.concepts + q.concepts, prev.rows + q.rows) if before else (q.concepts + prev.concepts, q.rows + prev.rows)
    changes.update(concepts=concepts, rows=rows, codes=prev.codes + q.codes, topic=prev.topic or prev.rest)
    if added:
        changes.update(operation="sum", intent="compare")
    inherited.add("concepts")


def _inherit_operation(q: QueryPlan, prev: QueryPlan, changes: dict, inherited: set, relative: list) -> None:
    """The operation the follow-up carries on: the same ranking, a change against the year
    before, the breakdown asked again of another department."""
    if q.operation == prev.operation == "rank" and "concepts" in inherited and not q.level:
        changes["level"] = prev.level  # "那第二多的呢": the same ranking, another place in it
    # another year than the one before, said plainly (no department, no year compared or relative)
    other_year = q.operation in ("value", "diff", "change") and q.years and prev.years and \
        set(q.years) != set(prev.years) and not q.compared_years and not q.departments and not relative
    if other_year and OF_YEAR_MULTIPLE_RE.search(q.text):
        # "这是2017年的几倍" after 2018's figure: 2018 over 2017, the year named the base
        changes.update(operation="change", years=prev.years, compared_years=[y for y in q.years if y not in prev.years])
    elif other_year and GAP_ASKED_RE.search(q.text):
        # "25年少了多少", "19年比它多了多少" after 24年's figure: 2025 set against 2024
        changes.update(operation="change", compared_years=[y for y in prev.years if y not in q.years])
    elif q.operation == "value" and not q.names_something and "concepts" in inherited and GAP_ASKED_RE.search(q.text) and \
            re.search(rf"比(?:{YEAR_BEFORE})", prev.text):
        # "那具体少了多少" after "…为什么比上年少了那么多": the change against the year before
        changes["operation"] = "change"
    elif q.operation == "value" and prev.operation not in ("value", "describe") and not (
            prev.operation == "share" and re.search(r"多少(?:钱|万|元)?$|几(?:个|辆|人)?$", PLAIN_END_RE.sub("", q.text))) and (
            "concepts" in inherited or not q.names_something) and not TOTAL_ASKED_RE.search(q.text) and \
            not (prev.operation == "yesno" and checked_claims(prev.text)):
        # (not "那前一年呢" after "…满一个亿了吗": the bound is not said again, so the figure is asked, no 有)
        # (but "这张表合计是多少" after a ranking asks the total, not another ranking)
        # "那临汾的呢？" after a breakdown asks for 临汾's breakdown
        changes.update(operation=prev.operation, order=prev.order, top_n=prev.top_n, level=prev.level)
    elif q.operation == "value" and prev.operation in ("change", "rank", "breakdown") and q.names_something and \
            SWAPPED_ONLY_RE.fullmatch(match_key(q.text)):
        # "那公车运行费呢" after "比上年少了多少": the same question of another item
        changes.update(operation=prev.operation, order=prev.order, top_n=prev.top_n, level=prev.level,
                       compared_years=q.compared_years or prev.compared_years)


# a follow-up that only swaps the item asked ("那公车运行费呢", "人员经费的呢")
SWAPPED_ONLY_RE = re.compile(r"(?:那|那么|那个)?[\u4e00-\u9fff]{2,12}?(?:的)?呢[?？]?")

# a yes/no on what a whole mostly goes to ("主要是花在公车上吗", "大部分用在…了吧")
MAINLY_RE = re.compile(r"(?:主要|大部分|大头|多半)(?:是|都)?(?:花|用)在")


def _whole_checked(prev: QueryPlan) -> Concept | None:
    """The whole a yes/no turn checked the main part of (三公经费, for "主要是花在公车上吗" after
    it), or None when the turn was no such check."""
    if prev.operation != "yesno" or not MAINLY_RE.search(prev.text) or len(prev.concepts) != 1 or not prev.earlier:
        return None
    whole = prev.earlier[0]
    return whole if whole.contains(prev.concepts[0].name) else None


UNKNOWN_ITEM_RE = re.compile(r"[\u4e00-\u9fff]{2,}(?:经费|费用|费|资金|支出|收入)")
FOLLOW_UP_FILLER_RE = re.compile(r"^(?:那么?|还有|另外)|(?:的)?(?:呢|吗|啊|呀)?[？?。，,\s]*$")


def _names_unknown(q: QueryPlan) -> bool:
    """A follow-up naming an item the vocabulary does not know ("那办公经费呢" after 人员经费): it
    asks about that item, not about the one before."""
    return bool(UNKNOWN_ITEM_RE.fullmatch(FOLLOW_UP_FILLER_RE.sub("", match_key(q.rest))))


# what a follow-up says around the part it names ("其中财政拨款的有多少", "那服务类的呢")
PART_ASKING_RE = re.compile(r"^(?:那|那么|还有|其中)|(?:的)?(?:是|有|占)?(?:多少钱?|几)?(?:呢|吗|啊|呀)?[？?。，,\s]*$")


def _part_named(q: QueryPlan, prev: QueryPlan) -> Concept | None:
    """The part of the earlier turn's figure a follow-up names by its kind ("服务类的呢" after
    政府采购 is 政府采购服务支出), read as if the whole were said after it."""
    kind = PART_ASKING_RE.sub("", q.rest)
    for whole in prev.concepts:
        parts = (whole.parts.concepts if whole.parts else ()) + tuple(whole.holds)
        for joined in (f"{kind}的{whole.name}", f"{kind}{whole.name}"):  # ("财政拨款" + 年初结转和结余)
            said = lexicon().concepts_in(joined)
            part = next((m.concept for m in said if m.concept.name in parts), None)
            if part is not None:
                return part
    return None


def _sibling_named(q: QueryPlan, prev: QueryPlan) -> Concept | None:
    """The other part of the same whole a follow-up names by a word of its name ("车呢" after
    三公经费's 公务接待费 is its 公务用车购置及运行维护费): the one sibling the word shortens; or
    the same figure with the word it excludes said in its place (年初 → 年末)."""
    word = match_key(PART_ASKING_RE.sub("", q.rest))
    if not word or len(word) > 4:
        return None
    if len(prev.concepts) == 1 and (contrasted := lexicon().contrasted(prev.concepts[0], word)) is not None:
        return contrasted  # the word it excludes said in its place ("年末呢" after 年初结转和结余)
    fits = {s.name: s for c in prev.concepts for whole in lexicon().wholes_of(c.name) if whole.parts
            for name in whole.parts.concepts if name != c.name and (s := lexicon().named(name)) is not None
            and any(abbreviates(word, match_key(w)) for w in s.terms + s.colloquial)}
    return next(iter(fits.values())) if len(fits) == 1 else None


# a turn correcting how the one before was read ("不对，我问的是预算数，不是决算数", "搞错了，是公用经费
# 不是人员经费", "不是这个单位，我说的是万里街道") or narrowing it ("我只要财政拨款那部分")
CORRECTION_LEAD_RE = re.compile(r"^(?:不对不对|不对|不是不是|不是的|不是这个(?=[，,。！!\s])|错了|(?:我|你)?(?:搞错了|弄错了|说错了|打错了|写错了|问错了|理解错了|看错了))"
                                r"[了啦吧呀]?[，,。！!\s]*"
                                # (and what it denies, said alone: "我不是要决算数。")
                                r"(?:我?(?:不是要|不是问|不要|要的不是|问的不是)[^，,。？?！!]{1,12}[，,。！!\s]+(?=\S))?")
ASKED_AGAIN_RE = re.compile(r"^(?:我|俺)?(?:是|其实是)?(?:想|要)?(?:问|查)(?:的是|一下|下)?(?!题)")  # ("我是想问…", "问下…")
ASKED_INSTEAD = r"(?:我|俺)?(?:是说|(?:问|说|要|要问|想问|要查|想查|想要|想知道|指|找)的?(?:是|其实是))"
INSTEAD_RES = (re.compile(rf"^(?:{ASKED_INSTEAD}|是)(?P<x>[^，,。？?]+?)[，,]?(?:而)?不是(?:问)?[^，,。？?]+[。？?！!]*$"),
               re.compile(rf"^(?:不是|并非)[^，,。？?]+?[，,](?:{ASKED_INSTEAD}|而是|是)?(?P<x>[^，,。？?]+?)[。？?！!]*$"),
               re.compile(rf"^{ASKED_INSTEAD}(?P<x>[^，,。？?]+?)[。？?！!]*$"))
# what a correcting turn says instead, alone ("我说错了，是会议费。"), and what it denies last
SAID_ALONE_RE = re.compile(r"^是(?P<x>[^，,。？?！!]{2,16})[。！!]*$")
DENIED_LAST_RE = re.compile(r"[，,]\s*而?不是(?![吗么嘛])[^，,。？?！!]{1,14}(?=[。！!]?$)")
ASKING_IN_RE = re.compile(r"多少|几|哪|吗|什么|啥")
NARROWED_RE = re.compile(r"^(?:我(?:说|问)的[^，,。？?]{0,10}?)?(?:我)?(?:只要|只问|只想知道|就要)(?P<x>[^，,。？?]+?)(?:里|中)?"
                         r"(?:出的|安排的|拨的|负担的)?(?:的?那一?部分|的?那块|的部分|的)[。？?！!]*$")

# a part of the turn before pointed at ("其中行政单位那部分呢", "财政拨款那块"): its share of that figure
POINTED_PART_RE = re.compile(r"^(?:其中|里面|这里面|那)?(?P<x>[^，,。？?]{2,12}?)的?(?:那一?部分|那一?块)(?:呢|是多少|多少)?[。？?！!]*$")

# a turn going back to what was asked before ("回到刚才那个三公经费，…"): what it names is asked
# again, nothing of the turn just before it carried over
RETURN_RE = re.compile(r"^(?:我们?)?(?:再)?回到(?:刚才|之前|前面|上面|最开始|一开始)?(?:说的|问的|聊的)?(?:那个|那|的)?")


def corrected(question: str) -> str:
    """A correcting turn as the follow-up it amounts to: "预算数呢", "万里街道呢", "其中财政拨款的是多少";
    a turn going back to an earlier subject as that subject asked; any other question as it is."""
    if (back := RETURN_RE.match(question.strip())) is not None:
        return question.strip()[back.end():]
    text = CORRECTION_LEAD_RE.sub("", question.strip())
    if text != question.strip():  # ("…，而且是公务接待费那一项，不是三公合计": what it denies last)
        text = DENIED_LAST_RE.sub("", text)
    for pattern in INSTEAD_RES + ((SAID_ALONE_RE,) if text != question.strip() else ()):
        if (m := pattern.match(text)) is not None:
            text = m.group("x")
            if ASKING_IN_RE.search(text):
                return ASKED_AGAIN_RE.sub("", text)  # ("不是编制数，我想问局里实际有多少人": a question of its own)
            if NARROWED_RE.match(text) is None and POINTED_PART_RE.match(text) is None:
                return f"{text}呢"
            break
    if (m := NARROWED_RE.match(text)) is not None:
        return f"其中{m.group('x')}的是多少"
    if (m := POINTED_PART_RE.match(text)) is not None:
        return f"其中{m.group('x')}的是多少"  # ("其中行政单位那部分呢")
    # ("不对，我是想问它现在一共有几辆车": the question after the correcting words)
    return ASKED_AGAIN_RE.sub("", text) if text != question.strip() else question


# a message that withdraws what it began to ask ("…三公经费多少，哦不对，我是想问机关运行经费",
# "2023年的…啊不是，2024年的", "…的三公…算了，问下财政局的", "…，哦我是说省委办公厅的"): the mark,
# between two parts
SELF_CORRECTION_RE = re.compile(r"(?:[，,。.…—！!？?\s]+|(?<=[的了吗呢]))(?:哦|噢|喔|啊|呃|嗯|额)?[，,]?"
                                r"(?:(?:不对|不是不是|(?<=[哦噢喔啊呃嗯额])不是|说错了|打错了|搞错了|错了|算了)[，,。！!…—\s]+"
                                # ("…有多少辆车，哦我是说省委办公厅的": what is meant, said again)
                                r"|(?:我是说|我是想说|我指的是|我的意思是)(?![明服])[，,：:\s]*)")  # (not 说明, 说服)


# a part the asker concedes is not printed, then what they ask instead ("…工程具体包给哪家公司我知道查不到，
# 那工程类的采购预算一共多少", "…那栋楼值多少钱我估计查不到，那…固定资产一共多少"): the concession, then 那/但/不过
# (or what to give instead if it is not: "公车每辆一年运行费多少？要是没有单车的数，就告诉我全年…总共多少")
CONCEDED_RE = re.compile(r"(?:我知道|我估计|估计|我猜|我明白|我清楚|肯定|应该)[^，,。？?]{0,8}?"
                         r"(?:查不到|查不着|找不到|不会写|不会列|没细列|没有细列|没列|没写|没有写|不公开|没有公开|不会公开)"
                         r"[的吧啊哈了]*[，,。；;\s]+(?:那么|那|但是|但|不过)(?=\S)"
                         r"|[？?。，,；;]\s*(?:要是|如果|若是?|假如|万一)(?:没有|没|查不到|找不到)[^，,。？?]{0,16}[，,]\s*(?:那)?(?:就)?"
                         r"(?:告诉我|给我|说说?|查查?|看看?)(?:一下|下)?(?=\S)")


def self_corrected(question: str) -> tuple[str, str] | None:
    """A message that withdraws what it began to ask (or concedes it is not printed), as the turn
    withdrawn and the correcting turn after it ("不对，" and what is asked instead), which the
    conversation reads as a follow-up; None when it withdraws nothing."""
    m = SELF_CORRECTION_RE.search(question) or CONCEDED_RE.search(question)
    if m is None or m.start() < 2 or not question[m.end():].strip() or CORRECTION_LEAD_RE.match(question):
        return None  # (nor "不是这个，我是说…": a turn correcting the one before, withdrawing nothing of its own)
    withdrawn = question[:m.start()].rstrip("，,。.…—！!？? ")
    return withdrawn, "不对，" + question[m.end():].strip()


def understand_conversation(question: str, history: list[str], lib) -> QueryPlan:
    """The last question, understood in the context of the earlier ones (oldest first); a turn
    that corrects or narrows the one before is read as the follow-up it amounts to, and so is
    a message that corrects itself."""
    if (parts := self_corrected(question)) is not None:
        history, question = [*history, parts[0]], parts[1]
    plans: list[QueryPlan] = []
    for n, earlier in enumerate(history):
        plans.append(understand(corrected(earlier) if n else earlier, lib, plans[-1] if plans else None))
    question, previous = _turn_pointed_at(question, plans, lib)
    question = corrected(question) if history else question
    question = _other_side_kept(_former_or_latter(_both_named(question, plans), previous), previous, lib) \
        if previous else question
    return understand(_said_in_full(question, previous, lib) if previous else question, lib, previous)


FORMER_LATTER_RE = re.compile(r"前者|后者")
# the two items named before, pointed back at together ("这两项加起来呢", "两者差多少")
BOTH_NAMED_RE = re.compile(r"这两(?:项|个|样|笔|块)|两者|二者|它们(?:俩|两个)?")


def _items_named(plan: QueryPlan) -> list[str]:
    """The items a turn named (its concepts as said, its rows), in the order it said them."""
    key = match_key(plan.text)
    words = [m.word for m in lexicon().concepts_in(plan.text) if m.concept in plan.concepts and not m.generic]
    named = sorted({w for w in words + plan.rows if match_key(w) in key}, key=lambda w: key.find(match_key(w)))
    return [w for w in named if not any(w != other and match_key(w) in match_key(other) for other in named)]


def _former_or_latter(question: str, prev: QueryPlan) -> str:
    """"后者比上年多了多少" after "住房公积金和提租补贴各是多少": 前者 / 后者 said as the first or the
    second of the two items the turn before named (in the order it said them); else as it is."""
    if not FORMER_LATTER_RE.search(question) or len(named := _items_named(prev)) != 2:
        return question
    return FORMER_LATTER_RE.sub(lambda m: named[0] if m.group(0) == "前者" else named[1], question)


def _both_named(question: str, plans: list[QueryPlan]) -> str:
    """"这两项加起来呢": the two items of the turn before ("住房公积金和购房补贴各花了多少"), or of the
    last two turns one each ("养老服务花了多少？" then "殡葬呢？"), said by name; else as it is."""
    if not plans or not (m := BOTH_NAMED_RE.search(question)):
        return question
    named = _items_named(plans[-1])
    if len(named) == 1 and len(plans) > 1 and len(earlier := _items_named(plans[-2])) == 1 and earlier != named:
        named = earlier + named
    return question[:m.start()] + "和".join(named) + question[m.end():] if len(named) == 2 else question


# the two bodies of the turn before and this one set against each other ("两家差多少", "比刚才那个少多少")
BOTH_TURNS_COMPARED_RE = re.compile(r"两家|两个单位|两边|二者|比刚才|跟刚才|和刚才|比前面|比上面")


def _other_side_kept(question: str, prev: QueryPlan, lib) -> str:
    """"省委办公厅17年项目支出预算多少" then "那政协19年的呢？两家差多少": a follow-up that names another
    body and year and sets the two against each other keeps the first body's own year, said in
    full ("中共江苏省委办公厅2017年和政协19年的呢…"); any other follow-up as it is."""
    if len(prev.departments) != 1 or len(set(prev.years)) != 1 or not BOTH_TURNS_COMPARED_RE.search(question):
        return question
    now = lib.resolver.resolve(question, lib.latest_year)
    if len(now.departments) != 1 or now.departments == prev.departments or len(set(now.years)) != 1 or now.years == prev.years:
        return question
    # (the body and its year said together: "换成省委办公厅、18年的呢" → "省委办公厅18年的呢")
    said = re.sub(r"[、，,]\s*(?=(?:19|20)?\d{2}年)", "", re.sub(r"^(?:那|换成)", "", question))
    return f"{lib.resolver.display(prev.departments[0])}{prev.years[0]}年和{said}"


# what is left of the whole a share was just asked of ("剩下的主要是哪几类", "其余的呢")
REST_AFTER_SHARE_RE = re.compile(r"^(?:那)?(?:剩下|剩余|其余|其他|其它|别的)")


def _said_in_full(question: str, prev: QueryPlan, lib) -> str:
    """A follow-up that only points back at the one item asked before ("它的年初预算比决算多出来多少")
    or only swaps it in a question computed from two figures ("行政运行呢" after "事业运行的全年预算和
    决算差了多少"; "职业年金缴费呢" after "基本养老保险缴费比上年增长了百分之几"), said in full: the
    item's name in place of 它, or the question before with the other item in its place; any other
    follow-up as it is."""
    question = _fund_carried(question, prev.text)
    said = [m.word for m in lexicon().concepts_in(prev.text) if m.concept in prev.concepts]
    item = prev.rows[0] if len(prev.rows) == 1 and not prev.concepts else said[0] if len(said) == 1 and not prev.rows else None
    if item is None and prev.operation == "share":
        # ("…财政拨款支出里，社会保障和就业支出占比多少" then "那住房保障呢": the part, said last)
        named = [(at, w) for w in dict.fromkeys(said + prev.rows) if (at := match_key(prev.text).find(match_key(w))) >= 0]
        item = max(named)[1] if len(named) == 2 else None
    if item and prev.operation == "share" and REST_AFTER_SHARE_RE.match(question):
        # "…一般公共服务支出占了多大比例" then "剩下的主要是哪几类": the whole less that part
        return f"除了{item}，{question}"
    talked_of = item or (prev.rows[0] if len(prev.rows) == 1 else prev.concepts[0].name if len(prev.concepts) == 1 else None)
    if talked_of and (m := AMOUNT_POINTED_BACK_RE.match(question)):
        # "这339.77万元占当年财政拨款支出的百分之几", "你说的867.50万元里，公务接待费是多少": the
        # figure the last answer gave is the item asked before, said by its name
        return f"{talked_of}{question[m.end():]}"
    if talked_of and UNSPENT_ONLY_RE.fullmatch(match_key(question)):
        # "没花掉的有多少" after an item's budget and outturn (its name carried on): its unspent part
        return f"{talked_of}{question}"
    if item is None:
        return question
    if m := POINTED_ITEM_RE.match(question):
        return f"{item}{m.group('of') or ''}{question[m.end():]}"
    swapped = SWAPPED_ONLY_RE.fullmatch(match_key(question))
    other = re.sub(r"^(?:那么|那个|那)|的?呢[?？]?$", "", match_key(question)) if swapped else ""
    key = match_key(prev.text)
    if prev.operation in ("diff", "compare", "change", "share") and other and key.count(match_key(item)) == 1 and \
            (lib.row_names_in(other) or lexicon().concepts_in(other)):
        return key.replace(match_key(item), other)
    return question


# the fund a part of the spending was said in ("财政拨款基本支出里…"): the same part said bare in the
# follow-up ("人员经费占基本支出的百分之几") is of that fund still
FUND_SAID_OF_RE = re.compile(r"(?P<fund>财政拨款|一般公共预算(?:财政拨款)?)(?:安排)?的?(?P<part>基本支出|项目支出)")


def _fund_carried(question: str, before: str) -> str:
    """The follow-up with the fund said before put back before the same part said bare."""
    if (m := FUND_SAID_OF_RE.search(before)) is None or FUND_SAID_OF_RE.search(question):
        return question
    return re.sub(rf"(?<![款算的]){m.group('part')}", m.group("fund") + m.group("part"), question)


# the amount the last answer gave, pointed back at ("这339.77万元", "你说的2.85万元，", "那47.91万元"),
# or said bare with what is asked of it next ("15万元比上一年少了"; never a threshold, "100万元以上的…")
BACK_AMOUNT = r"\d[\d,]*(?:\.\d+)?(?:亿元|万元|元|万)(?:的?钱)?"
AMOUNT_POINTED_BACK_RE = re.compile(rf"^(?:那么|那)?(?:(?:这|那|你说的|你刚才说的|刚才说的|上面说的)(?:个|笔)?{BACK_AMOUNT}"
                                    rf"|{BACK_AMOUNT}(?=比|占|里|中|是|对应|[，,]))[，,]?")


# a follow-up asking only what was left unspent ("没花掉的有多少？"), of the item talked of
UNSPENT_ONLY_RE = re.compile(r"(?:那|那么)?(?:还)?(?:" + UNSPENT_RE.pattern + r")(?:多少|几)(?:钱)?(?:呢)?[?？]?")


# the item asked before, by its measures, set against something or placed in the 科目 tree ("它的年初
# 预算", "它比上年多了还是少了", "它是哪个款里的"); not "它有几辆车", "它有几个内设机构", "它24年的三公
# 经费": the body talked of
# (the tree's own cue words, intents.toml tree_parent)
POINTED_ITEM_RE = re.compile(rf"^(?:那|那么)?它(?P<of>的)?(?=(?:全年|年初|调整)?(?:预算|决算|执行)|比|{cue_re('tree_parent').pattern})")


# a year or a question of the chat pointed at by its place ("第一个问的那年跟最后问的那年", "刚才问的
# 第一个，再说一遍多少", "最开始问的那个换成17年"): that turn's year, or that turn as the one continued
TURN_PLACE_RE = re.compile(r"第(?P<n>[一二三四五六七八九\d])个|(?P<last>最后)(?:一个)?|(?P<first>最开始|一开始|开头)")
TURN_YEAR_RE = re.compile(rf"(?:{TURN_PLACE_RE.pattern})(?:问题)?问的(?:那一?年|那个年份?)")
_PLACE = "(?:" + re.sub(r"\(\?P<\w+>", "(?:", TURN_PLACE_RE.pattern) + ")"  # (the same places, unnamed)
# a turn's figure pointed at ("第一个问的那个数比现在这个少多少"): that turn's department, year and item said
TURN_FIGURE_RE = re.compile(rf"(?:{TURN_PLACE_RE.pattern})(?:问题)?问的(?:那个|那一个)?(?:数字?|金额|钱)"
                            r"|(?P<now>现在(?:问的)?这个)(?:数字?|金额)?")
TURN_ASKED_RE = re.compile(rf"^(?:刚才|之前|前面|我)?(?:问的{_PLACE}(?:问题|那个)?|{_PLACE}(?:问题|问的(?:那个|问题)?))"
                           r"(?:[，,。\s]+|(?=再|换|改))")  # (not "第一个问的那个数比现在这个少多少": two turns set against each other)


def _turn_place(said: str, turns: int) -> int | None:
    """The 0-based turn a place said points at, None past the chat's turns."""
    m = TURN_PLACE_RE.search(said)
    n = turns - 1 if m.group("last") else 0 if m.group("first") else (chinese_number(m.group("n")) or 0) - 1
    return n if 0 <= n < turns else None


def _turn_pointed_at(question: str, plans: list[QueryPlan], lib) -> tuple[str, QueryPlan | None]:
    """The question with each year or figure pointed at by its turn said as that year, or that
    department, year and item, and the turn it continues: the one pointed at ("刚才问的第一个")
    rather than the last."""
    def year_of(m: re.Match) -> str:
        n = _turn_place(m.group(0), len(plans))
        return f"{plans[n].years[0]}年" if n is not None and len(plans[n].years) == 1 else m.group(0)

    def figure_of(m: re.Match) -> str:
        n = len(plans) - 1 if m.group("now") else _turn_place(m.group(0), len(plans))
        turn = plans[n] if n is not None else None
        item = turn and ("、".join(c.name for c in turn.concepts) or "".join(turn.rows) or turn.topic)
        if not item or len(turn.departments) != 1 or len(turn.years) != 1:
            return m.group(0)
        return f"{lib.resolver.display(turn.departments[0])}{turn.years[0]}年{item}"
    question = TURN_FIGURE_RE.sub(figure_of, TURN_YEAR_RE.sub(year_of, question)) if plans else question
    m = TURN_ASKED_RE.match(question)
    if m is None or (n := _turn_place(m.group(0), len(plans))) is None or not question[m.end():].strip():
        return question, plans[-1] if plans else None
    return question[m.end():], plans[n]
