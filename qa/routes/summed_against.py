"""Whether named parts add up to a named whole: "基本支出加项目支出等不等于合计", "三公小计+会议费+培训费
加起来等不等于合计1656.86"; whether one part is all of it ("三公经费全花在公务用车上？"); the share
of the part at a place of a ranking ("最小的那一类支出占总预算多少"). The parts' sum is asked as its own question, the whole as another (or taken
as told), and the two set against each other at the rounding of the printed figures: yes, or no with
the gap. No verdict where the whole found is not the cell the question names (its words are not in
the cited row or column) or is in another unit.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from core.model import YUAN_PER_UNIT
from core.text import QUOTES_RE, decimals, is_total, match_key, parse_amount
from core.vocab import has_cue
from qa.answers import agreement_word, citation, fmt, yuan
from qa.context import Library
from qa.lookup import Located
from qa.model import ANSWERED, LOOKUP, NOT_FOUND, Answer, Figure
from qa.routes.yesno import SAME_LEADS

# "…加起来等不等于合计？", "…，等于小计吗", "…是不是正好等于合计1656.86"
SUM_AGAINST_RE = re.compile(r"(?:加起来|相加|加在一起|合起来)?[，,]?(?:是不是|是否|能不能)?(?:正好|刚好|恰好)?(?:等不等于|等于)"
                            r"(?P<whole>[^，,。？?加+＋]{1,24}?)(?:吗|么|嘛|呢)?[？?]?$")
PARTS_ADDED_RE = re.compile(r"[加+＋]")
ASKING_WORD_RE = re.compile(r"多少|几|什么|啥|多少钱")
TOLD_WHOLE_RE = re.compile(r"(?P<name>[^\d]*?)(?P<number>\d+(?:\.\d+)?)\s*(?P<unit>万元|元|万)?$")
NUMBER_TOLD_RE = re.compile(r"\d+(?:\.\d+)?(?![\d.]|\s*年)")
# the sum asked in a sentence of its own, then set against a whole ("…基本支出加项目支出一共多少？跟收支总表的
# 支出总计对得上吗"): the whole asked as the next turn of a chat (its department and year carried)
SUM_THEN_AGAINST_RE = re.compile(r"(?P<parts>[^？?。]*[加+＋][^？?。]*?(?:多少|几)(?:钱|万元|元)?)\s*[？?。，,]\s*(?:那)?(?:跟|和|与|同)"
                                 r"(?P<whole>[^，,。？?]{2,24}?)(?:能)?(?:对得上|对不上|一致|相等|一样|相符|吻合)(?:吗|么|嘛|不)?[？?]?$")
WHOLE_IN_TABLE_RE = re.compile(r"^.*?表(?:里|中|上)?的?")  # ("收支总表的支出总计": 支出总计 is the cell named)


@dataclass(frozen=True)
class SumAgainst:
    parts: str  # the parts' sum, asked ("万里街道23年支出预算总表，基本支出加项目支出加起来一共多少")
    whole: str  # the whole, asked ("万里街道23年支出预算总表，合计是多少")
    named: str  # the whole's words ("合计")
    told: str | None  # a whole told as a number ("1656.86"), else None
    told_unit: str = ""  # its unit as told ("万元"), "" where none is said
    follows: bool = False  # the whole is asked after the parts, as the next turn (it says no department or year)


def sum_against(text: str) -> SumAgainst | None:
    """The parts and the whole a question sets against each other, None where it asks no such check."""
    if (then := SUM_THEN_AGAINST_RE.search(text)) is not None and not NUMBER_TOLD_RE.search(then.group("whole")):
        whole = QUOTES_RE.sub("", then.group("whole")).strip()
        return SumAgainst(then.group("parts"), f"{whole}是多少", WHOLE_IN_TABLE_RE.sub("", whole) or whole, None, follows=True)
    m = SUM_AGAINST_RE.search(text)
    if m is None or not PARTS_ADDED_RE.search(text[:m.start()]):
        return None
    parts = text[:m.start()].rstrip("，, ")
    # (the clauses before the one adding the parts say where: department, year, table)
    where = parts[:max(parts.rfind("，"), parts.rfind(",")) + 1]
    if NUMBER_TOLD_RE.search(parts[len(where):]):
        return None  # parts told as numbers: a claim to check (see claim.told_sum_checked)
    whole = QUOTES_RE.sub("", m.group("whole")).strip()
    if ASKING_WORD_RE.fullmatch(whole):
        return None  # ("…加公用经费合计等于多少": the sum asked, nothing set against it)
    told = TOLD_WHOLE_RE.fullmatch(whole)
    named = told.group("name") if told else whole
    if told is None and not where:
        return None  # (a whole said in the same clause as its parts is the comparison's own: compare.py)
    return SumAgainst(f"{parts}加起来一共多少", f"{where}{named}是多少", named or "所说的数",
                      told.group("number") if told else None, {"万": "万元"}.get(unit := told and told.group("unit") or "", unit))


def total_beside(lib: Library, summed: Answer, named: str) -> Answer | None:
    """The total a bare word names ("小计", "合计") beside the parts added, where they are cells of one
    row under one heading: that heading's column ending in the word ("决算数/公务用车购置及运行维护费/小计"
    beside its 购置费 and 运行维护费 cells); None elsewhere."""
    cited = summed.citations if summed.status == ANSWERED else []
    if not is_total(named) or len(named) > 3 or len(cited) < 2 or \
            any(c.table_seq is None or c.row_seq is None or c.column_seq is None for c in cited) or \
            len({(c.doc_id, c.table_seq, c.row_seq) for c in cited}) != 1:
        return None
    doc = lib.docs[cited[0].doc_id]
    table = doc.tables[cited[0].table_seq]
    heads = [table.columns[c.column_seq].split("/")[:-1] for c in cited]
    common = next((heads[0][:n] for n in range(len(heads[0]), 0, -1) if all(h[:n] == heads[0][:n] for h in heads)), [])
    wanted = match_key("/".join([*common, named]))
    column = next((ci for ci, path in enumerate(table.columns) if common and match_key(path) == wanted), None)
    cell = Located(doc, cited[0].table_seq, cited[0].row_seq, column, f"{common[-1]}{named}") if column is not None else None
    if cell is None or cell.value is None:
        return None
    figure = Figure(cell.printed, cell.unit, yuan(cell.value, cell.unit), cell.label, doc.department, doc.year)
    return Answer(summed.question, f"{cell.label}为{cell.printed}{cell.unit}。", ANSWERED, LOOKUP, [figure], [citation(cell)])


def sum_against_answer(asked: SumAgainst, summed: Answer, whole: Answer | None, said: str = "") -> Answer | None:
    """Yes where the parts' sum is the whole's printed figure (at its rounding), no with the gap; None
    where the parts were not summed as asked. Where the whole named is not found (or what is found
    is another cell), the sum is shown with no verdict and no headline: a yes or no on another
    reading would answer another question. ``said``: the question as typed, whose words the verdict
    takes ("对得上吗": 对得上 / 对不上)."""
    if summed.status != ANSWERED or not summed.figures or not summed.figures[0].derived:
        return None
    total = summed.figures[0]
    if asked.told is not None:
        printed, unit, label, cited = asked.told, asked.told_unit or total.unit, f"{asked.named}（所说）", []
    elif whole is not None and whole.status == ANSWERED and whole.figures and not whole.figures[0].derived and \
            whole.citations and match_key(asked.named) in match_key(f"{whole.citations[0].row}/{whole.citations[0].column}"):
        printed, unit, label, cited = whole.figures[0].value, whole.figures[0].unit, whole.figures[0].label, whole.citations
    elif asked.follows:
        return None  # (a whole said in its own sentence, "说明里的数", "那行": the comparison route's reading)
    else:
        return replace(summed, status=NOT_FOUND, figures=[], verdict=None,
                       answer=f"没有找到问题所说的“{asked.named}”这一格，无法判断各项之和是否等于它。{summed.answer}")
    amount, summed_amount = parse_amount(printed), parse_amount(total.value)
    if amount is None or summed_amount is None or unit not in YUAN_PER_UNIT or total.unit not in YUAN_PER_UNIT:
        return None
    places = max(decimals(printed), decimals(total.value))
    gap = round(summed_amount * YUAN_PER_UNIT[total.unit] / YUAN_PER_UNIT[unit] - amount, places)
    lead = f"{agreement_word(said, gap == 0) if has_cue('agree', said) else '是' if gap == 0 else '不是'}。各项相加为{total.value}{total.unit}，{asked.named}为{printed}{unit}，"
    lead += "正好相等。" if gap == 0 else f"相差{fmt(abs(gap), places)}{unit}。"
    figures = [total, Figure(printed, unit, amount * YUAN_PER_UNIT[unit], label, total.department, total.year), *summed.figures[1:]]
    return replace(summed, answer=lead + summed.answer, figures=figures, citations=[*summed.citations, *cited],
                   verdict="yes" if gap == 0 else "no")


ASKED_WHERE_RE = re.compile(r"哪|什么|啥|何|几")
SAME_SAID_RE = re.compile("^(?:" + "|".join(map(re.escape, SAME_LEADS)) + ")。")  # (the sameness said, before is 是 or 不是)
# one part said to be all of the whole ("三公经费全花在公务用车上？", "项目支出都用在社会福利上了吗")
ALL_ON_RE = re.compile(r"^(?P<whole>[^，,。？?]+?)(?:全部|全都|全|都)(?:花|用|安排)在(?:了)?(?P<part>[^，,。？?]+?)(?:上|上面)(?:了)?"
                       r"(?:吗|么|嘛)?[？?]?$")


def all_on(text: str) -> str | None:
    """The whole and the one part said to be all of it, asked as whether the two are the same figure."""
    m = ALL_ON_RE.match(text)
    if m is None or ASKED_WHERE_RE.search(m.group("part")):
        return None  # ("都花在哪些项上了": which parts, a breakdown)
    return f"{m.group('whole')}和{m.group('part')}一样吗？"


def all_on_answer(found: Answer) -> Answer | None:
    """Yes where the part is the whole's figure, no where it is less; None where no two figures were
    set against each other."""
    if found.status != ANSWERED or found.verdict not in ("yes", "no"):
        return None
    # (the two figures lead, the gap between them after: it is no answer of its own here)
    figures = [f for f in found.figures if not f.derived] + [f for f in found.figures if f.derived]
    return replace(found, answer=f"{'是' if found.verdict == 'yes' else '不是'}。{SAME_SAID_RE.sub('', found.answer)}", figures=figures)


# the share of the item at a place of a ranking ("最小的那一类支出占总预算多少", "最大那块占人员经费几成"):
# the ranking, then the share
RANKED_SHARE_RE = re.compile(r"(?P<place>最(?:大|小|多|少)|第[一二三四五六七八九十\d]+(?:大|多|少|小))的?(?:那)?一?(?P<level>类|项|款|块)"
                             r"(?P<what>[^，,。？?占]{0,6}?)占(?:了)?(?P<whole>[^，,。？?]{0,12}?)的?(?:多少|百分之(?:几|多少)|几成|比例|比重)")
# a ranking asked in a sentence of its own before ("…人员经费，最大的几块是什么？最大那块占…")
RANKING_SENTENCE_RE = re.compile(r"最(?:大|小|多|少)[^？?。]*[？?。]\s*$")


@dataclass(frozen=True)
class RankedShare:
    ranking: str  # the ranking asked on its own ("区府办25年支出最小的是哪一类")
    before: str  # what the question says before the place (department, year)
    whole: str  # the whole said after 占 ("总预算"), or ""
    ranking_asked: bool = False  # the ranking was asked first, in a sentence of its own: it leads


def ranked_share(text: str) -> RankedShare | None:
    m = RANKED_SHARE_RE.search(text)
    if m is None:
        return None
    before = text[:m.start()]
    if RANKING_SENTENCE_RE.search(before):
        # (its first clause says whose figures: "福利院24年基本支出里的人员经费")
        return RankedShare(before, re.split(r"[，,？?。]", before)[0], m.group("whole"), ranking_asked=True)
    return RankedShare(f"{before}{m.group('what')}{m.group('place')}的是哪一{m.group('level')}", before, m.group("whole"))


def ranked_share_answer(asked: RankedShare, ranked: Answer, share_of) -> Answer | None:
    """The item the ranking puts first, its share asked (``share_of(question)``), the ranking's
    first sentence before it (its whole answer and figures first, where it was asked first); None
    where either step finds no figure."""
    if ranked.status != ANSWERED or not ranked.items:
        return None
    top = ranked.items[0]
    share = share_of(f"{asked.before}{top.label}占{asked.whole or '本年支出合计'}的百分之多少")
    if share.status != ANSWERED or not share.figures or share.figures[0].unit != "%":
        return None
    if asked.ranking_asked:
        return replace(ranked, answer=f"{ranked.answer}{share.answer}", figures=[*ranked.figures, *share.figures],
                       citations=[*ranked.citations, *share.citations])
    return replace(share, answer=f"{ranked.answer.split('。')[0]}。{share.answer}",
                   citations=[*share.citations, top.citation], items=ranked.items)
