"""Several figures asked in one message ("基本支出多少？项目支出又是多少？", "公务接待费多少？车呢？",
"收入一共多少，财政拨款多少，其他资金又是多少"): each clause is a question of its own, the later
ones leaning on the earlier as a chat's follow-ups do. The message read whole answers one of
them; read clause by clause, each gets its own figure and citation, in the order asked.

A clause that relates the figures ("收入比支出多出多少", "占几成", "加起来") makes the message one
computation, read whole; so does any clause that asks no amount ("为什么", "精确到元").
"""
from __future__ import annotations

import re
from dataclasses import replace

from core.text import chinese_number, match_key
from core.concepts import lexicon
from core.vocab import filler_re, has_cue
from qa.claims import TENTHS_CHANGE_RE, ZERO_RE, claims_in
from qa.model import ANSWERED, Answer
from qa.understand import GAP_ASKED_RE, REPORTED_RE

CLAUSE_RE = re.compile(r"[^？?，,；;。！!]+[？?，,；;。！!]*")
CLAUSE_MARKS = "？?，,；;。！! "  # what closes a clause (stripped to read the clause's words)




def _clauses(question: str) -> list[str]:
    """The message's clauses, each with the marks closing it, none that is only marks; a clause
    that only says who and when is read with the one after it ("万里街道那个二五年，车子一共有几辆，…")."""
    clauses: list[str] = []
    for clause in (c for c in CLAUSE_RE.findall(question.strip()) if c.strip(CLAUSE_MARKS)):
        if clauses and YEAR_LAST_RE.search(clauses[-1]) and not filler_re("question").search(clauses[-1]):
            clauses[-1] += clause
        else:
            clauses.append(clause)
    return clauses

# a clause that asks an amount or points at one more thing after another ("车呢")
# (not "分几块": how many parts, which the clause after it names)
ASKS_AMOUNT_RE = re.compile(r"(?:多少|几)[个辆人张项台家元万分次件名]?(?:钱|万元|元)?(?:呢|啊|呀)?$|多少块钱?$|(?<![是有吗])呢$")
# a clause asking only a measure of the thing the clause before points at ("完成率是多少", "它的预算数呢")
MEASURE_OF_IT_RE = re.compile(r"^(?:它|其)?的?(?:完成率|执行率|完成比例|占比|比重|预算数|决算数|年初预算|全年预算|调整预算|增长率|增幅|降幅|变化)"
                              r"(?:是|为|有)?(?:多少|几|呢)")
# a clause saying the one before it again ("就是说…", "也就是…", "我是说…"), no question of its own
RESTATING_RE = re.compile(r"(?:也|我)?就是(?:说|问)?|我是说|我的意思是|意思是")
# the words a breakdown is asked in ("从哪来的", "花在哪些方面"): no relation of figures
BREAKDOWN_WORDS_RE = re.compile(r"从?哪(?:里|儿|几|些)?(?:块|项|个|方面|部分)?(?:来|去|花|用)?")
# a clause relating the figures asked, or asking something other than an amount
RELATES_RE = re.compile(r"比|差|相差|加起来|加一块|合起来|占|几成|百分之|倍|增长|下降|增加|减少|多出|少花|多花|"
                        r"涨|降|变化|剩|为什么|为啥|原因|哪|是否|吗")


def asked_parts(question: str) -> list[str]:
    """The clauses of a message that each ask an amount of their own, when there are several and
    no clause relates them; else [] (the message is read whole)."""
    clauses = _clauses(question)
    # (a breakdown asked first, "钱是从哪来的？一般公共预算资金给了多少", is a part of its own)
    # (not "分几块", how many parts, which the clause after it names; nor "由哪些构成？人员经费和公用经费
    # 各多少", the parts named after it)
    first = 1 if len(clauses) > 1 and not ASKS_AMOUNT_RE.search(clauses[0].rstrip(CLAUSE_MARKS)) and \
        has_cue("breakdown", clauses[0]) and "哪" in clauses[0] and not RELATES_RE.search(BREAKDOWN_WORDS_RE.sub("", clauses[0])) \
        and not has_cue("each", "".join(clauses[1:])) else 0
    if len(clauses) < 2 or any(RELATES_RE.search(c) for c in clauses[first:]) or \
            any(RESTATING_RE.match(c.strip()) for c in clauses[1:]) or \
            len(clauses) == 2 and clauses[0].rstrip(CLAUSE_MARKS).endswith("呢") and MEASURE_OF_IT_RE.match(clauses[1].strip()):
        # (nor "…公务车呢，就是说保有量几辆": the clause after says the one before again, narrower; nor
        # "那住房公积金那一项呢，完成率是多少": what is asked of the thing pointed at)
        return []
    if not all(ASKS_AMOUNT_RE.search(c.rstrip(CLAUSE_MARKS)) for c in clauses[first:]):
        return []
    return [c.rstrip("，,；;。！! ") for c in clauses]


QUESTION_RE = re.compile(r"[^？?]+[？?]+")
# a ratio asked last, typed without its question mark ("…分别是多少？人员经费是公用经费的几倍")
# (one figure set against another it names, not "完成了百分之几", a stated rate)
UNMARKED_LAST_RE = re.compile(r"(?:是|占|相当于)[^，,。？?]{2,20}?(?:几倍|多少倍|几成|百分之(?:几|多少)|(?:比例|比重|占比)(?:是|为)?多少)$")
MIN_QUESTION = 4  # characters of a question of its own ("比上年多还是少？"), not an echo ("是吗？")


# thanks and asks to reply closing a message ("烦请告知，谢谢。", "盼复为谢"): no question of their own
COURTESY_RE = re.compile(r"^(?:(?:烦请|恳请|敬请|请|麻烦)?(?:您)?(?:告知|回复|答复|逐项答复|解答)|谢谢(?:您)?|多谢|感谢|盼复为谢|盼复|麻烦了|[，,。.！!\s])*$")


# each of several things named asked after them ("车辆总数和财政拨款负担的公务用车保有量分别是多少")
EACH_ASKED_AFTER_RE = re.compile(r"(?:分别|各自?)(?:是|有|为)?(?:多少|几)(?:个|辆|台|人|名|项|家)?[?？]?$")
JOINER_RE = re.compile(r"[和与及跟、]")
BETWEEN_CLAUSES_RE = re.compile(r"[，,。？?；;！!]")
YEAR_SAID_RE = re.compile(r"(?:19|20)?\d{2}年度?的?")
YEAR_LAST_RE = re.compile(rf"(?:{YEAR_SAID_RE.pattern}|[〇零一二三四五六七八九两]{{2,4}}年度?的?)[\s，,]*$")  # a clause ending at its year


def each_named(question: str) -> list[str] | None:
    """The question asked of each thing it names, in turn ("阳泉民政局车辆总数是多少",
    "阳泉民政局财政拨款负担的公务用车保有量是多少"): the words between the year (else the first
    thing named) and the asking words, split at the joining words, each with the words before it;
    None unless two or more are joined in one clause and each asked after them."""
    key = match_key(question)
    asked = EACH_ASKED_AFTER_RE.search(key)
    if asked is None:
        return None
    years = list(YEAR_SAID_RE.finditer(key[:asked.start()]))
    named = lexicon().concepts_in(key[:asked.start()])
    start = years[-1].end() if years else named[0].start if named else None
    if start is None or BETWEEN_CLAUSES_RE.search(key[start:asked.start()]):
        return None
    items = JOINER_RE.split(key[start:asked.start()])
    if len(items) < 2 or any(len(item) < 2 for item in items):
        return None
    return [f"{key[:start]}{item}是多少" for item in items]


def asked_questions(message: str) -> list[str]:
    """The questions of a message asked one after another, each ended by its question mark
    ("三公经费多少？其中接待费多少？比上年多还是少？"), whatever thanks close it; [] where there is one."""
    questions = [q.strip() for q in QUESTION_RE.findall(message.strip())]
    rest = QUESTION_RE.sub("", message.strip()).strip(CLAUSE_MARKS)
    if questions and UNMARKED_LAST_RE.search(rest):
        questions, rest = [*questions, rest], ""  # (the last one typed without its mark: "…分别是多少？X是Y的几倍")
    if rest and not COURTESY_RE.match(rest) or len(questions) < 2 or any(len(q.strip(CLAUSE_MARKS)) < MIN_QUESTION for q in questions):
        return []
    return questions


# the items of a request listed one by one after what it is about ("…申请公开贵局2019年度部门决算…表中的
# 以下信息：一是…；二是…；三是…。盼复为谢。"): each marked 一是/（一）/1. in turn from the first
LIST_MARK_RE = re.compile(r"(?<=[：:；;，,。\s])(?:(?P<cn>[一二三四五六七八九十])是|[（(](?P<paren>[一二三四五六七八九十]|\d)[)）]|(?P<dot>\d)[、.．](?!\d))")
# the words of the request itself, no part of what is asked ("依据《…条例》", "以下信息：")
REQUEST_WORDS_RE = re.compile(r"(?:依据|根据|按照)《[^》]*》[，,]?|的?(?:以下|如下|几项)(?:相关)?(?:信息|内容|事项|数据|数字|情况|问题|几项)?(?:[：:]|$)|"
                              r"(?:以下|如下)|"
                              r"[，,]?(?:烦请|恳请|敬请|请)(?:您)?(?:告知|答复|回复)[：:]?$|[：:，,\s]+$")


def listed_request(message: str) -> tuple[str, list[str]] | None:
    """What a request listing its items is about (the words before the list) and the items, each
    without the marks and thanks around it; None unless two or more are listed, numbered from one."""
    marks = list(LIST_MARK_RE.finditer(message.strip()))
    numbers = [chinese_number(m.group("cn") or m.group("paren") or m.group("dot")) for m in marks]
    if len(marks) < 2 or numbers != list(range(1, len(marks) + 1)):
        return None
    text = message.strip()
    # (twice: words at its end come off only once the words after them have: "…，请告知以下信息：")
    head = REQUEST_WORDS_RE.sub("", REQUEST_WORDS_RE.sub("", text[:marks[0].start()]))
    ends = [m.start() for m in marks[1:]] + [len(text)]
    items = [text[m.end():end] for m, end in zip(marks, ends)]
    items[-1] = re.split(r"[。？?！!]", items[-1])[0]  # ("…项目个数。恳请逐项答复，谢谢。": the thanks after it)
    items = [i.strip("；;，,。 ") for i in items]
    if not head or not all(items):
        return None
    return head, [f"{head}{'' if head.endswith(('的', '中', '里')) else '的'}{item}" for item in items]


# the asker's purpose said first, then what they ask on the way to it ("想算每辆车平均花多少，先问下…
# 一共有几辆公车"): only what follows 先问下 is asked
PURPOSE_FIRST_RE = re.compile(r"^[^。？?]*?(?:想|要|打算|准备)[^。？?]*?[，,。]\s*(?:那|我)?(?:先|首先)(?:问问|问|查查|查|看看|看|确认|了解)(?:一)?下?[，,：:]?")


def asked_after_purpose(question: str) -> str | None:
    """The question asked after the purpose it serves ("想算人均，先问下…有多少人"), else None."""
    m = PURPOSE_FIRST_RE.match(question.strip())
    rest = question.strip()[m.end():] if m else ""
    return rest if len(rest) >= 4 else None


# a summary asked in parts after a colon ("用一句话说说阳泉民政局24年的三公经费：花了多少，比上年怎样",
# "给我江苏省委办公厅19年三个数：总支出、基本支出、项目支出"): the words that ask for the summary,
# and what the subject may end with that asks rather than names ("临汾民政局机关有多少人：编制多少…")
SUMMARY_LEAD_RE = re.compile(r"(?:请|帮我)?(?:用)?(?:一两句话|一句话|简单|简要)?(?:说说|说一下|介绍一下|介绍|总结一下|总结|概括一下|概括|讲讲)|"
                             r"给我|[两三四五几]个(?:最重要的|关键)?数(?:字)?|一句话|家底|的?摊子")
SUMMARY_ASKS_RE = re.compile(r"(?:(?:执行|花|用|做|干)得)?(?:有|是)?(?:多少人|多少钱|多少|几个人|怎么样|咋样|怎样|如何|情况)$")
MAX_SUMMARY_PART = 14  # characters of one part asked ("多少台20万以上的设备")


def summary_parts(question: str) -> tuple[str, str, list[str]] | None:
    """The subject of a summary asked in parts after a colon (without, then with, what it ends
    asking: "临汾民政局机关", "临汾民政局机关有多少人"), and the parts, each a question of its own
    about the subject; None for any other message."""
    lead, colon, rest = re.sub(r"\s", "", question).partition("：") if "：" in question else question.partition(":")
    if not colon or not SUMMARY_LEAD_RE.search(lead):
        return None
    said = SUMMARY_LEAD_RE.sub("", lead).strip("，,的 ")
    subject = SUMMARY_ASKS_RE.sub("", said)
    parts = []
    for p in (p for p in re.split(r"[，,、；;？?。！!]", rest) if p.strip()):
        # ("哪一块最大，占几成": the share of the part just asked for, not a part of its own)
        parts = [*parts[:-1], f"{parts[-1]}，{p}"] if parts and SHARE_ONLY_RE.match(p) else [*parts, p]
    if AMOUNT_ASKED_RE.search(tail := said[len(subject):]):
        parts = [tail, *parts]  # ("临汾民政局机关有多少人：编制多少…": the subject's own question first)
    if len(parts) < 2 or not subject or ASKED_BEFORE.search(subject) or \
            any(len(p) > MAX_SUMMARY_PART or CONTINUES_RE.match(p) for p in parts):
        return None
    return subject, said, parts


ASKED_BEFORE = re.compile(r"多少|几|哪|什么|吗|怎|咋")
SHARE_ONLY_RE = re.compile(r"^(?:大概|大约|能)?占(?:了|到)?(?:几成|多少|百分之几|百分之多少|多大比例|多大比重|比多少)$")
AMOUNT_ASKED_RE = re.compile(r"多少|几")
# a clause carrying on the one before, not a part of its own ("…为什么少了，是不是因为少买了车，还是别的原因")
CONTINUES_RE = re.compile(r"还是|或者|是不是因为|因为|所以|而且|并且")


# a yes or no that sets one figure against another ("实有人数有没有超过行政编制")
# (a change asked again, or the gap: the plan's own words for it, and 差)
CHANGE_ASKED_RE = re.compile(rf"{GAP_ASKED_RE.pattern}|差了?(?:多少|几)")
SET_AGAINST_RE = re.compile(r"超过|超出|多于|少于|高于|低于|不到|不足|比")


def amount_asked_after(question: str) -> tuple[str, str] | None:
    """"实有人数有没有超过行政编制？实际有几个人？", "网上说…翻了一倍，25年…到底多少": a yes or
    no (asked, or a claim told to be checked), then an amount asked on its own (the two clauses,
    the first without a change it claims in tenths); None for any other message."""
    clauses = [c.strip() for c in _clauses(question)]
    if len(clauses) != 2:
        return None
    # ("涨了一成多？到底花了多少": a change claimed with a question mark)
    # ("比上年涨了15万吧？现在是多少": a change claimed with its amount)
    asked_whether = clauses[0].endswith(("？", "?")) and (has_cue("yesno", clauses[0]) and SET_AGAINST_RE.search(clauses[0])
                                                         or TENTHS_CHANGE_RE.search(clauses[0])
                                                         or any(c.change for c in claims_in(clauses[0])))
    if not (asked_whether or REPORTED_RE.match(clauses[0])):  # ("网上说…翻了一倍，25年…到底多少": a claim told)
        return None
    last = clauses[1].rstrip(CLAUSE_MARKS)
    # (nor the change itself asked again: "少了差不多九百万吧？具体少了多少")
    if RELATES_RE.search(last) or CHANGE_ASKED_RE.search(last) or not (has_cue("count", last) or has_cue("figure", last)):
        return None
    # (the amount asked after a change claimed is the year's own, not the change: "到底花了多少")
    return TENTHS_CHANGE_RE.sub("", clauses[0]), last


def verdict_asked_after(question: str) -> tuple[str, str] | None:
    """"单位一共有几辆车？比24年那份多了吗？": an amount asked, then whether it is above or below
    another (the two clauses); None for any other message."""
    clauses = [c.strip() for c in _clauses(question)]
    if len(clauses) != 2 or not clauses[1].endswith(("？", "?")):
        return None
    first, last = clauses[0].rstrip(CLAUSE_MARKS), clauses[1]
    if has_cue("yesno", first) or not (has_cue("count", first) or has_cue("figure", first)):
        return None
    return (first, last) if has_cue("yesno", last) and MORE_OR_LESS_ASKED_RE.search(last) else None


def direction_asked_after(question: str) -> str | None:
    """The first of two clauses where it asks an amount and the second which way the figure moved
    (the two answered, the amount heading); None for any other message."""
    clauses = [c.strip() for c in _clauses(question)]
    if len(clauses) != 2 or not has_cue("direction", clauses[1]):
        return None
    first = clauses[0].rstrip(CLAUSE_MARKS)
    return first if not has_cue("yesno", first) and (has_cue("figure", first) or has_cue("count", first)) else None


# another figure set against the one just asked ("比24年那份多了吗", "是不是比上年少")
MORE_OR_LESS_ASKED_RE = re.compile(r"比[^，,。？?]{1,12}?(?:多|少|高|低|大|小|增加|减少)")


# two of the years just listed set against each other ("…17到19年…分别多少？19年比17年少了多少")
YEARS_COMPARED_RE = re.compile(r"^(?:那|而)?(?:(?:19|20)?\d{2}|[二〇零一三四五六七八九十]{2,4})年?(?:的)?比(?:(?:19|20)?\d{2}|[二〇零一三四五六七八九十]{2,4})年")
YEARS_LISTED_RE = re.compile(r"分别|各(?:是|有|年)?(?:多少|几)|每年|逐年|都是多少")


def years_then_compared(question: str) -> tuple[str, str] | None:
    """A figure asked for each of several years, then two of them compared in the last clause:
    (the listing, the comparison), each to be read as a question (the comparison as a follow-up
    of the listing); None for any other message."""
    clauses = _clauses(question)
    if len(clauses) < 2 or not YEARS_COMPARED_RE.match(clauses[-1].strip()):
        return None
    listing = "".join(clauses[:-1]).rstrip(CLAUSE_MARKS)
    return (listing, clauses[-1].strip().rstrip(CLAUSE_MARKS)) if YEARS_LISTED_RE.search(listing) else None


def listed_then_compared(question: str, listing: Answer, compared: Answer) -> Answer:
    """One answer: each year's figure as listed, then the two years compared, whose gap heads
    (it is the one figure the message asks)."""
    return replace(compared, question=question, answer=f"{listing.answer}\n{compared.answer}",
                   figures=[*compared.figures, *listing.figures], citations=[*compared.citations, *listing.citations],
                   items=[*listing.items, *compared.items], notes=[*listing.notes, *compared.notes])


def zero_asked_after(question: str) -> str | None:
    """"执法执勤用车有几辆？是不是一辆都没有？": an amount asked, then whether it is none, naming
    nothing of its own (the amount's clause); None for any other message."""
    clauses = [c.strip() for c in _clauses(question)]
    if len(clauses) < 2 or not ZERO_RE.search(clauses[-1]) or lexicon().concepts_in(clauses[-1]):
        return None
    first = "".join(clauses[:-1]).rstrip(CLAUSE_MARKS)
    return first if ASKS_AMOUNT_RE.search(first) and not re.search(r"好几|十几|几十", first) else None


def verdict_and_amount(question: str, verdict: Answer, amount: Answer, amount_first: bool = False) -> Answer:
    """One answer: the yes or no as worked and the amount asked, in the order asked ("…有没有超过…？
    实际有几个人？", or "…一共有几辆车？比24年那份多了吗？" with ``amount_first``); the amount's figure heads
    either way (the yes or no's worked figure, a gap, is no amount asked)."""
    said = [amount, verdict] if amount_first else [verdict, amount]
    return replace(verdict, question=question, answer="\n".join(a.answer for a in said),
                   figures=[*amount.figures, *verdict.figures], citations=[*amount.citations, *verdict.citations],
                   notes=[n for a in said for n in a.notes])


def answered_more(whole: Answer, parts: list[Answer]) -> bool:
    """Clause by clause answers more of the message than the whole read did: every clause found
    its figure, and the whole read left out one of their figures (an amount the whole gives, or
    lists, is one it answers)."""
    if not all(p.status == ANSWERED and (p.figures or p.items) for p in parts):
        # (a part may list its figures side by side: "其中一般公共预算和政府性基金各多少"; where the whole
        # read found nothing, the first question answered is more, the others said not found)
        return whole.status != ANSWERED and parts[0].status == ANSWERED and bool(parts[0].figures) and \
            not claims_in(parts[0].question)  # (nor a figure the asker tells and checks, "编制是十八个人吧")
    given = _amounts_given(whole)
    return whole.status != ANSWERED or any(
        _amount_key(f.value) not in given for p in parts for f in [*p.figures, *p.items])


def left_out(whole: Answer, first: Answer) -> bool:
    """The whole read gives none of the figures the message's first question is answered with, or
    leaves out one it lists ("人员经费和公用经费各多少？…": each of the two); never where that
    question tells its figure itself ("行政编制是十八个人吧？实际有几个人")."""
    if claims_in(first.question):
        return False
    given, said = _amounts_given(whole), QUOTED_RE.sub("", whole.answer)  # (a figure quoted beside another is not given)
    gives = lambda f: _amount_key(f.value) in given or f.value in said  # noqa: E731
    return bool(first.figures) and (not any(gives(f) for f in first.figures) or not all(gives(i) for i in first.items))


QUOTED_RE = re.compile(r"“[^”]*”")


def relation_left_out(whole: Answer, parts: list[Answer]) -> bool:
    """The message's last question relates the figures asked before it and the whole read worked
    out nothing ("…分别是多少？人员经费是公用经费的几倍" answered with the two amounts only)."""
    last = parts[-1]
    return len(parts) > 1 and bool(last.figures) and last.figures[0].derived and not any(f.derived for f in whole.figures) and \
        (last.plan or {}).get("operation") in RELATING_OPERATIONS and _amount_key(last.figures[0].value) not in _amounts_given(whole)


def relation_disagrees(whole: Answer, parts: list[Answer]) -> bool:
    """The whole read and the last question read after the others work out different relations
    ("货物和服务各多少？服务占了百分之几": the whole's share of 政府采购, not the follow-up's 服务 over
    货物): the whole, which reads every word of the message, is kept."""
    last = parts[-1] if parts else None
    return bool(last and last.figures and whole.figures and last.figures[0].derived and whole.figures[0].derived
                and _amount_key(last.figures[0].value) != _amount_key(whole.figures[0].value))


def mixes_questions(whole: Answer, parts: list[Answer]) -> bool:
    """The whole read computed its figure from the answers of different questions of the message
    ("本年收入合计比本年支出合计多多少？年末结转和结余又是多少？" read as one sum of all three): an
    input of the first question's and one that only a later question gives."""
    if not whole.figures or not whole.figures[0].derived or len(parts) < 2:
        return False
    first = {_amount_key(f.value) for f in parts[0].figures}
    later = {_amount_key(f.value) for p in parts[1:] for f in p.figures[:1]} - first
    inputs = {_amount_key(f.value) for f in whole.figures[1:]}
    return bool(inputs & first) and bool(inputs & later)


def _amounts_given(answer: Answer) -> set[str]:
    """The amounts an answer gives or lists, as matching keys."""
    return {_amount_key(f.value) for f in [*answer.figures, *answer.items]}


def _amount_key(value: str) -> str:
    return match_key(value).replace(",", "")


# a last question relating figures asked before it ("服务占了百分之几", "没花掉的有多少"), not a
# change over the years of one of them: its figure is what the message comes to
RELATING_OPERATIONS = ("share", "diff", "sum", "compare")


def answered_together(question: str, parts: list[Answer]) -> Answer:
    """One answer to the message: each clause's answer in turn, each clause's first figure and
    citation in the order asked before the rest (the first clause's figure heads, unless the last
    relates the figures before it: "…一共多少？其中服务类多少？服务占了百分之几？"); the
    one yes or no asked, where one is."""
    marks = "①②③④⑤⑥⑦⑧⑨"
    mark = [marks[n] if n < len(marks) else str(n + 1) for n in range(len(parts))]
    first = {}
    for n, p in enumerate(parts):
        first.setdefault(p.answer, n)
    # (two parts one sentence answers: quoted once, "③同②")
    text = "\n".join(mark[n] + (p.answer if first[p.answer] == n else f"同{mark[first[p.answer]]}")
                     for n, p in enumerate(parts))
    plans = [p.plan for p in parts]
    relates = parts[-1].figures and parts[-1].figures[0].derived and (parts[-1].plan or {}).get("operation") in RELATING_OPERATIONS
    order = [len(parts) - 1, *range(len(parts) - 1)] if relates else range(len(parts))
    verdicts = [p.verdict for p in parts if p.verdict]
    return replace(parts[0], question=question, answer=text,
                   figures=[f for n in order for f in parts[n].figures[:1]] + [f for p in parts for f in p.figures[1:]],
                   citations=[c for n in order for c in parts[n].citations[:1]] + [c for p in parts for c in p.citations[1:]],
                   notes=[n for p in parts for n in p.notes if n],
                   items=[i for p in parts for i in p.items], verdict=verdicts[0] if len(verdicts) == 1 else None,
                   plan={**plans[0], "operation": "breakdown", "parts": plans})
