"""Which item changed most on another year ("哪个具体科目变化最大", "哪一类比上年砍得最多", "涨幅最大
的是哪一项？按百分比算"): the 科目 (or the parts of a whole named) of two years' documents set against
each other, or, with one year on file, the change its narrative states for each part; ranked by
amount or by rate, as asked. A change ranking asked that cannot be worked is said so: the largest
item is no answer to which changed most."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from core.concepts import lexicon
from core.model import YUAN_PER_UNIT, Document, StatedFact
from core.schema import LEVEL_BY_LENGTH
from core.text import chinese_number, decimals, match_key
from core.vocab import CUT_WORDS, has_cue
from qa.answers import finish, fmt, yuan
from qa.context import Library
from qa.lookup import named_rows, row_name
from ingest.stated import LEVEL_QUALIFIERS
from qa.model import ANSWERED, LOOKUP, NOT_FOUND, Answer, Citation, Figure, Item
from qa.routes.stated import stated_citation
from qa.routes.structure import Part, Structure, level_asked, spending_parts, structure, table_parts
from qa.understand import BOTH_CONDITIONS_RE, CHANGE_SIDE_RE, QueryPlan

# "哪几项多了、哪几项少了", "各项比上年有增有减吗": every part with its change, none ranked first
CHANGE_LISTED_RE = re.compile(r"哪(?:几|些)项(?:多|增加|涨|上升)了?.{0,8}哪(?:几|些)项(?:少|减少|降|下降)了?|"
                              r"哪(?:几|些)项(?:少|减少|降|下降)了?.{0,8}哪(?:几|些)项(?:多|增加|涨|上升)了?|各项.{0,6}(?:增减|变化)(?:情况|多少)?")
# "有几项比18年少了", "多少个科目比上年增加了": how many parts moved one way, each listed
CHANGE_COUNTED_RE = re.compile(r"(?<!哪)(?:几|多少)(?P<unit>项|类|款|个)(?:科目|支出)?(?:是)?(?:比|较|跟)[^，。？?]{1,8}?(?:相比)?"
                               r"(?:(?P<up>多|增加|增长|涨|上升|提高)|(?P<down>少|减少|降|下降|压缩|压减))了")
# "哪几类比2017年增加了", "哪几项比上年减少了": the parts that moved one way, listed
CHANGE_FILTERED_RE = re.compile(r"哪(?:几|些)(?:项|类|款|个科目|个|科目)?(?:支出)?(?:比|较|跟)[^，。？?]{1,8}?(?:比)?(?:相比)?"
                                r"(?:(?P<up>多|增加|增长|涨|上升|提高)|(?P<down>少|减少|降|下降|压缩|压减))了")
# what one year had, said before what the next has not ("23年还有、24年…", "去年有今年…")
HAD_THEN = r"(?:\d{2,4}年|去年|上年|前一年)(?:还|都)?有[、，,]?(?:今年|当年|本年|\d{2,4}年)(?:就|却)?"
# a part the year before had and this year spent nothing on ("23年还有、24年一分没花的", "去年有今年没花")
TO_ZERO_RE = re.compile(HAD_THEN + r"(?:一分钱?(?:都|也)?)?(?:没(?:有)?(?:花|安排|用)|为零|是零|是0)")
# the 科目 gone since asked ("去年有、今年没了", "18年有19年没有的"): they head the answer
GONE_ASKED_RE = re.compile(HAD_THEN + r"没(?:有)?了?|取消了|不再有")
# how much it moved, asked of the parts listed ("多了多少", "少了多少")
CHANGE_AMOUNT_ASKED_RE = re.compile(r"(?:多|少|增加|减少|涨|降)了?多少|差(?:了)?多少|变化了?多少")
# "是不是每一项都比上年减少了", "难道各项都压减了": whether all the parts moved that way, each part's change the proof
EVERY_CHANGED_RE = re.compile(r"(?:每一?(?:项|类|款|个科目|个)|各(?:项|类|款|个科目)|所有(?:项目|科目)?|全部)(?:都|全)?"
                              r"[^，。？?]{0,10}?(?:(?P<up>多|增加|增长|涨|上升|提高)|(?P<down>少|减少|降|下降|压缩|压减))了")
CHANGE_RANKED_RE = re.compile(
    r"(?:变化|变动)(?:得|的)?(?:最大|最多)|(?P<least>(?:变化|变动)(?:得|的)?(?:最小|最少))|(?P<up>增加|增长|上涨|涨|多|上升)(?:了|得|的)?(?:钱)?最多|"
    rf"(?P<down>{CUT_WORDS})(?:了|得|的|掉的)?(?:钱)?最多|"
    # by rate ("涨幅最大", "增长幅度（按百分比）最大", "降的百分比最大")
    r"(?P<up_rate>涨幅|增幅|增长幅度|增长率|升幅|涨的?(?:百分比|比例)|增长的?(?:百分比|比例))(?:[（(][^）)]{0,8}[）)])?(?:是|为)?最(?:大|高)|"
    rf"(?P<down_rate>降幅|减幅|下降率|(?:{CUT_WORDS})的?(?:幅度|百分比|比例))"  # ("压减幅度最大")
    r"(?:[（(][^）)]{0,8}[）)])?(?:是|为)?最(?:大|高)")
# a change ranking asked by its rate, said apart from the ranking words ("涨幅最大的是哪一项？按百分比算")
# (or a rate quoted: "各项‘比2023年预算执行数增加…%’，哪一项涨得最多")
BY_RATE_RE = re.compile(r"按(?:百分比|比例|比率|增幅|涨幅|降幅)|百分比算|[%％]|百分之")
SHOWN_CHANGES = 5
OUTTURN_RE = re.compile(r"执行数|执行情况|实际执行|实际花")
INCREASE, DECREASE = "比上年增加", "比上年减少"
RATE_SIGN = {"增长率": 1, "下降率": -1}


@dataclass(frozen=True)
class Asked:
    """How the question wants the changes: which way (1 up, -1 down, 0 either), by rate or not,
    or every part listed by its direction."""
    sign: int
    by_rate: bool
    listed: bool = False
    least: bool = False  # the smallest change ("变化最小的是哪一类")
    every: bool = False  # whether every part moved the way said ("是不是每一项都比上年减少了")
    # the parts that moved the way said (``sign``; 0 with ``level``: stayed level) and are within the
    # threshold the plan sets ("哪一类既比24年多、又超过1000万")
    both: bool = False
    level: bool = False
    to_zero: bool = False  # the parts the year before had and this year spent nothing on ("23年还有、24年一分没花的")
    counted: str = ""  # how many moved the way said is asked, in this measure word ("有几项比18年少了": 项)
    # a rate the change must reach, or stay under (percent): "涨了五成以上" → (50, True), "降幅不到10%" → (10, False)
    rate_bound: tuple[float, bool] | None = None

    @property
    def filtered(self) -> bool:
        """The parts are picked by a condition the whole's figure cannot answer."""
        return self.both or self.to_zero

    @property
    def word(self) -> str:
        way = "增加" if self.sign > 0 else "减少" if self.sign < 0 else "变化"
        if self.level:
            return "持平"
        if self.listed:
            return f"{way}了" if self.sign else "有增有减"
        if self.least:
            return "变化幅度最小" if self.by_rate else "变化最小"
        if self.by_rate:
            return {"增加": "增幅最大", "减少": "降幅最大", "变化": "变化幅度最大"}[way]
        return f"{way}最多" if self.sign else "变化最大"


@dataclass
class Change:
    """One part's change: its amount (yuan, signed) and rate (%, signed; None where the year
    before had nothing), how the answer says it, and what it rests on."""
    label: str
    amount: float
    rate: float | None
    said: str
    cited: list[Citation]
    printed: set[float]
    rate_text: str = ""  # the rate as the document prints it, where it does
    amount_text: str = ""  # the amount as the document prints it, where it does
    unit: str = ""
    now_text: str = ""  # the year's own figure as printed, where it is read from a table
    now_yuan: float | None = None  # the same in yuan


# a rate said of a change ("涨了五成以上", "增长超过20%", "降了不到一成")
RATE_BOUND_RE = re.compile(r"(?P<under>不到|不足|低于|少于)?(?:超过|高于|多于)?(?P<n>[一二两三四五六七八九]|\d+(?:\.\d+)?)\s*(?P<unit>成|%|％)"
                           r"(?P<more>以上|多)?(?P<less>以下|以内)?")


def _rate_bound(side: str) -> tuple[float, bool] | None:
    """The rate a change is said to reach (or stay under), in percent, from the words of one condition."""
    m = RATE_BOUND_RE.search(side)
    if m is None:
        return None
    n = float(m.group("n")) if m.group("n")[0].isdigit() else float(chinese_number(m.group("n")) or 0)
    return (n * 10 if m.group("unit") == "成" else n), not (m.group("under") or m.group("less"))


def asked_change(q: QueryPlan) -> Asked | None:
    if q.operation == "rank" and (m := CHANGE_RANKED_RE.search(q.text)):
        by_rate = bool(m.group("up_rate") or m.group("down_rate") or BY_RATE_RE.search(q.text))
        return Asked(1 if m.group("up") or m.group("up_rate") else -1 if m.group("down") or m.group("down_rate") else 0, by_rate,
                     least=bool(m.group("least")))
    if q.operation in ("rank", "breakdown") and CHANGE_LISTED_RE.search(q.text):
        return Asked(0, False, listed=True)
    if q.operation in ("rank", "breakdown", "change", "count") and (m := CHANGE_COUNTED_RE.search(q.text)):
        return Asked(1 if m.group("up") else -1, False, listed=True, counted=m.group("unit"))
    if q.operation in ("rank", "breakdown", "change") and (m := CHANGE_FILTERED_RE.search(q.text)):
        return Asked(1 if m.group("up") else -1, False, listed=True)
    if q.operation in ("yesno", "rank", "breakdown", "value") and TO_ZERO_RE.search(q.text) and re.search(r"哪", q.text):
        return Asked(-1, False, listed=True, to_zero=True)
    if q.operation == "yesno" and (m := EVERY_CHANGED_RE.search(q.text)):
        return Asked(1 if m.group("up") else -1, False, listed=True, every=True)
    if q.operation in ("rank", "yesno") and q.above is not None and (m := BOTH_CONDITIONS_RE.search(q.text)) and \
            (side := CHANGE_SIDE_RE.search(m.group("first") + m.group("second"))):
        way = side.group(0)
        sign = -1 if re.search(r"少|减少|降", way) else 0 if re.search(r"持平|一样|没变", way) else 1
        return Asked(sign, False, listed=True, both=True, level=sign == 0,
                     rate_bound=_rate_bound(m.group("first") if CHANGE_SIDE_RE.search(m.group("first")) else m.group("second")))
    return None


def biggest_change(lib: Library, q: QueryPlan, docs: list[Document]) -> Answer | None:
    """The part whose figure changed most between the year asked and the year it is set against
    (the year before where none is named): read at the level asked (the finest by default) in
    each year's spending table, matched by code, a 科目 one year lacks counted from 0; a whole
    other than the department's spending named ("三公经费里哪一项…"): its parts, matched by name.
    With one year on file, the changes its narrative states. None unless such a change is asked."""
    asked = asked_change(q)
    docs = [d for d in docs if d.tables]
    if asked is None or not docs:
        return None
    new = max(docs, key=lambda d: d.year)
    year = min(q.compared_years or [y for y in q.years if y != new.year] or [new.year - 1])
    old = next((d for d in [*docs, *lib.documents_of(new, year)] if d.year == year and d.tables), None)
    if old is None or (OUTTURN_RE.search(q.text) and new.kind == "预算"):
        # ("跟上一年执行数比": the year before's outturn, which its budget document does not hold)
        missing = f"库中没有{new.department}{year}年的{new.kind}公开文件，" if old is None else \
            f"{year}年的{new.kind}公开文件只有当年的预算，没有执行数；"
        return _stated_changes_ranked(lib, q, new, asked) or _not_workable(
            q, f"{missing}{new.year}年文件的说明部分也没有逐项写出与上年相比的增减，"
               f"无法比较哪一项{asked.word}；可以问某一项“比上年增加了多少”。")
    after, before, key = _both_years(lib, q, new, old)
    if not after or not before or not after.parts or not before.parts or \
            after.parts[0].unit != before.parts[0].unit or after.parts[0].unit not in YUAN_PER_UNIT:
        return _not_workable(q, f"{new.department}{new.year}年与{old.year}年的表格无法逐项对应，无法比较哪一项{asked.word}。")
    was = {key(p): p for p in before.parts if key(p)}
    now = {key(p): p for p in after.parts if key(p)}
    if (scope := _code_named(q, new)) and (beneath := {k for k in set(was) | set(now) if k.startswith(scope) and k != scope}):
        # "政协事务下面各项，哪一项砍得最多": the 科目 under the one named
        was, now = ({k: p for k, p in parts.items() if k in beneath} for parts in (was, now))
    unit = after.parts[0].unit
    places = max(decimals(p.printed) for p in [*was.values(), *now.values()])
    changes = [_table_change(now.get(k), was.get(k), unit, places, old.year, new.year) for k in dict.fromkeys([*now, *was])]
    head = f"{new.department}{new.year}年与{old.year}年相比，按{after.how}"
    allowed = {float(new.year), float(old.year)} | after.computed
    if asked.every:
        return _every_changed(q, head, changes, unit, places, allowed, asked.sign, new)
    if asked.filtered:
        return _meeting_condition(q, head, changes, unit, places, allowed, asked, new)
    if asked.listed:
        listed = _changes_listed(q, head, changes, unit, places, allowed, asked.sign)
        if asked.counted:  # (the count heads: "有几项比18年少了" → 2项, each listed with its change)
            listed.figures = [Figure(str(len(listed.items)), asked.counted, None, f"{asked.word}的项数", new.department,
                                     new.year, derived=True, formula="逐项计数")]
        return listed
    return _ranked(q, head, changes, asked, unit, places, allowed, new)


def new_items(lib: Library, q: QueryPlan, docs: list[Document]) -> Answer | None:
    """"是不是多了一项2023年没有的教育支出", "哪些项是2017年没有、2018年新增的": the spending 科目 one
    year prints and the year set against it does not, by code, under the 科目 named where one is;
    a 类 or 款 new as a whole is said once, not each 项 under it. The 科目 gone since are said too."""
    if not has_cue("new_items", q.text) or not (docs := [d for d in docs if d.tables]):
        return None
    latest = max(d.year for d in docs)
    year = min(q.compared_years or [y for y in q.years if y != latest] or [latest - 1])
    (new, now), (old, was) = (_kemu_of_year(lib, q, [*docs, *lib.documents_of(docs[0], y)], y) for y in (latest, year))
    if old is None:
        return _not_workable(q, f"库中没有{new.department}{year}年的{new.kind}公开文件，无法列出{latest}年新增的科目。")
    if not now or not was:
        return _not_workable(q, f"{new.department}{latest}年与{year}年的支出表无法按科目对应，无法列出新增的科目。")
    scope = _code_named(q, new) or _code_named(q, old)
    scope = scope if scope in now or scope in was else ""
    added = _topmost([c for c in now if c.startswith(scope) and c not in was])
    gone = _topmost([c for c in was if c.startswith(scope) and c not in now])
    new_parts = sorted((now[c] for c in added), key=lambda p: -p.yuan)
    if scope in added:  # ("是不是多了一项2023年没有的教育支出": the 科目 named is itself new)
        text = f"{new.department}{latest}年的{now[scope].label}（{scope}）为{now[scope].printed}{now[scope].unit}，{year}年没有这一科目。"
    else:
        within = f"{(now.get(scope) or was[scope]).label}（{scope}）下" if scope else ""
        text = (f"{new.department}{latest}年与{year}年相比，{within}{year}年没有、{latest}年新增的科目"
                + (f"有{len(new_parts)}项：{_listed_with_codes(new_parts, latest)}" if new_parts else "：没有") + "。")
    if gone and GONE_ASKED_RE.search(q.text):  # ("去年有、今年没了的是哪几项": those lead)
        text = f"{new.department}{year}年有、{latest}年没有的科目有{len(gone)}项：{_listed_with_codes([was[c] for c in gone], year)}。" \
               + (f"另有{year}年没有、{latest}年新增的：{_listed_with_codes(new_parts, latest)}。" if new_parts else "")
    elif gone:
        text += f"另有{year}年有、{latest}年没有的：{_listed_with_codes([was[c] for c in gone], year)}。"
    verdict = ("yes" if scope in added or not scope and added else "no") if q.operation == "yesno" else None
    shown = [*new_parts, *(was[c] for c in gone)]
    allowed = {float(latest), float(year), float(len(new_parts)), float(len(gone))} | {p.value for p in shown} | {
        float(c) for c in [scope, *added, *gone] if c}
    said = {"yes": "有。", "no": "没有。"} if re.search(r"有没有|有无|是否有", q.text) else {"yes": "是。", "no": "不是。"}
    gone_parts = sorted((was[c] for c in gone), key=lambda p: -p.yuan)
    figures = [Figure(p.printed, p.unit, p.yuan, f"{year}年有、{latest}年没有：{p.label}", old.department, year) for p in gone_parts[:1]] \
        if GONE_ASKED_RE.search(q.text) else \
        [Figure(p.printed, p.unit, p.yuan, f"{latest}年新增：{p.label}", new.department, latest) for p in new_parts[:1]]
    answer = finish(q, said.get(verdict, "") + text, figures,
                    [p.citation for p in shown], [], allowed, LOOKUP)
    answer.items, answer.verdict = [Item(p.label, p.printed, p.unit, p.citation, p.yuan) for p in new_parts], verdict
    return answer


def _kemu_of_year(lib: Library, q: QueryPlan, docs: list[Document], year: int) -> tuple[Document | None, dict[str, Part]]:
    """The year's document printing the most spending 科目 (a year's tables may be a file apart
    from its narrative), with those 科目."""
    held = [(d, _kemu_printed(lib, q, d)) for d in {d.doc_id: d for d in docs}.values() if d.year == year and d.tables]
    return max(held, key=lambda h: len(h[1]), default=(None, {}))


# the tables whose rows are spending 科目 (功能分类), the whole spending's first
KEMU_TABLE_FAMILIES = ("spending", "total", "general", "fund")
# a table by economic class named ("基本支出表里", "经济分类"): its 科目 (301, 30101 …) are the ones set against each other
ECONOMIC_NAMED_RE = re.compile(r"基本支出(?:预算|决算)?表|经济分类")


def _kemu_printed(lib: Library, q: QueryPlan, doc: Document) -> dict[str, Part]:
    """The spending 科目 the document prints with an amount in any of its spending tables, by
    code, at every level: a 科目 outside the general budget is still one the year has (of the
    economic classes where a table of them is named)."""
    families = ("economic",) if ECONOMIC_NAMED_RE.search(q.text) else KEMU_TABLE_FAMILIES
    parts = [p for family in families for level in (3, 5, 7)
             if (found := table_parts(lib, q, doc, family, "", level, (), "本年支出")) for p in found.parts]
    found: dict[str, Part] = {}
    for p in parts:
        if p.cell is not None and p.cell.row.code and p.value:
            found.setdefault(p.cell.row.code, p)
    return found


def _code_named(q: QueryPlan, doc: Document) -> str:
    """The code of the 科目 the question names (by code or by its longest printed name), else ""."""
    if q.codes:
        return q.codes[0]
    key = match_key(q.match_text)
    hits = [(length, doc.tables[t].rows[r].code) for length, _, t, r in named_rows(doc, key) if doc.tables[t].rows[r].code]
    return max(hits)[1] if hits else ""


def _listed_with_codes(parts: list[Part], year: int) -> str:
    return "；".join(f"{p.label}（{p.cell.row.code}）{year}年{p.printed}{p.unit}" for p in parts)


def _topmost(codes: list[str]) -> list[str]:
    """The codes whose parent (two digits shorter) is not among them: a new 类 said once."""
    held = set(codes)
    return [c for c in codes if c[:-2] not in held]


def _both_years(lib: Library, q: QueryPlan, new: Document, old: Document):
    """Each year's parts and the key that pairs them: the parts of the whole named, by name, or
    every spending 科目 at the level asked, by code."""
    if any(not c.department_total for c in q.concepts):
        return structure(lib, q, new), structure(lib, q, old), lambda p: match_key(p.label)
    level = level_asked(q, 7)
    after = spending_parts(lib, q, new, level, "本年支出")
    before = spending_parts(lib, q, old, level, "本年支出") if after else None
    return after, before, lambda p: p.cell.row.code if p.cell is not None else None


def _table_change(now: Part | None, was: Part | None, unit: str, places: int, old_year: int, new_year: int) -> Change:
    amount = (now.yuan if now else 0.0) - (was.yuan if was else 0.0)
    rate = amount / was.yuan * 100 if was is not None and was.yuan else None
    said = (f"{(now or was).label}（{old_year}年{was.printed if was else '无此科目'}，{new_year}年{now.printed if now else '无此科目'}，"
            f"{'增加' if amount >= 0 else '减少'}{fmt(abs(amount) / YUAN_PER_UNIT[unit], places)}{unit}"
            + (f"，{'增长' if rate >= 0 else '下降'}{abs(rate):.2f}%" if rate is not None else "") + "）")
    return Change((now or was).label, amount, rate, said, [p.citation for p in (now, was) if p is not None],
                  {p.value for p in (now, was) if p is not None} | {abs(amount) / YUAN_PER_UNIT[unit]},
                  now_text=now.printed if now else "", now_yuan=now.yuan if now else None)


def _ranked(q: QueryPlan, head: str, changes: list[Change], asked: Asked, unit: str, places: int,
            allowed: set[float], doc: Document, notes: list[str] | None = None, stated: bool = False) -> Answer | None:
    """The changes ranked the way asked, the top one's sources cited, the next ones listed; by
    rate, the parts with nothing the year before are left out (a rate on nothing is no rate)."""
    if asked.by_rate:
        changes = [c for c in changes if c.rate is not None]
    if len(changes) < 2:
        return None
    changes = sorted(changes, key=lambda c: -_rank_key(asked, c))
    top = changes[0]
    text = f"{head}，{asked.word}的是{top.said}。依次为：{'；'.join(c.said for c in changes[:SHOWN_CHANGES])}。"
    if asked.by_rate:
        figure = Figure(top.rate_text or f"{abs(top.rate):.2f}", "%", None, f"{asked.word}的一项：{top.label}",
                        doc.department, doc.year, derived=not top.rate_text)
    else:
        shift = abs(top.amount) / YUAN_PER_UNIT[unit]
        figure = Figure(top.amount_text or fmt(shift, places), unit, abs(top.amount), f"{asked.word}的一项：{top.label}", doc.department, doc.year)
    shown = changes[:SHOWN_CHANGES]
    allowed = allowed | {v for c in shown for v in c.printed} | {round(abs(c.rate), 2) for c in shown if c.rate is not None}
    # (each sentence a stated change is read from is cited, the top one's first; two cells of the top where tables are set against each other)
    cited = top.cited + [c for other in changes[1:] for c in other.cited] if stated else top.cited
    answer = finish(q, text, [figure], cited, notes or [], allowed, LOOKUP)
    answer.items = _items(shown, unit, places)
    return answer


def _changes_listed(q: QueryPlan, head: str, changes: list[Change], unit: str, places: int, allowed: set[float],
                    sign: int = 0) -> Answer:
    """Each part's change, grouped into rises, falls and the level ones (only those that moved the
    way asked, ``sign``, where one way is asked); no one headline figure."""
    groups = {"增加": [c for c in changes if c.amount > 0], "减少": [c for c in changes if c.amount < 0],
              "持平": [c for c in changes if c.amount == 0]}
    if sign:
        way = "增加" if sign > 0 else "减少"
        groups, changes = {way: groups[way]}, groups[way]
    said = [f"{word}的有" + (f"{len(group)}项：" if sign else "") + "、".join(c.said for c in group)
            for word, group in groups.items() if group] or [f"没有比上年{way}的"]
    answer = finish(q, f"{head}：{'；'.join(said)}。", [], [x for c in changes for x in c.cited], [],
                    allowed | {v for c in changes for v in c.printed} | {round(abs(c.rate), 2) for c in changes if c.rate is not None}
                    | {float(len(group)) for group in groups.values()}, LOOKUP)
    answer.items = _items(changes, unit, places)
    return answer


def _every_changed(q: QueryPlan, head: str, changes: list[Change], unit: str, places: int, allowed: set[float],
                   sign: int, doc: Document) -> Answer:
    """Whether every part moved the way said: yes when all did; else no, the first part that did
    not its figure (the one that decides), every part's change listed."""
    listed = _changes_listed(q, head, changes, unit, places, allowed)
    against = [c for c in changes if c.amount * sign <= 0]
    way = "增加" if sign > 0 else "减少"
    if not against:
        listed.answer = f"是，各项都比上年{way}了。{listed.answer}"
        listed.verdict = "yes"
        return listed
    # (one that moved the other way, by how much; else one that stayed level, at its figure)
    first = next((c for c in against if c.amount), against[0])
    listed.answer = f"不是，{'、'.join(c.label for c in against)}没有{way}。{listed.answer}"
    listed.verdict = "no"
    level = not first.amount and first.now_text
    shown = first.now_text if level else first.amount_text or fmt(abs(first.amount) / YUAN_PER_UNIT[unit], places)
    listed.figures = [Figure(shown, unit, None if level else abs(first.amount), f"没有{way}的一项：{first.label}",
                             doc.department, doc.year)]
    return listed


def _meeting_condition(q: QueryPlan, head: str, changes: list[Change], unit: str, places: int, allowed: set[float],
                       asked: Asked, doc: Document) -> Answer:
    """The parts that moved the way said and whose figure is within the threshold asked (or that
    fell to nothing), each with its change; the first one's change heads where how much it moved is
    asked ("多了多少", or it fell to nothing), else its own figure ("有没有哪项…": yes or no by
    whether any is)."""
    moved = [c for c in changes if (c.amount == 0 if asked.level else c.amount * asked.sign > 0)]
    if asked.to_zero:  # (nothing this year: none printed, or a fall of 100%)
        meeting = [c for c in moved if c.now_yuan == 0 or c.now_yuan is None and c.rate is not None and round(c.rate, 2) == -100]
    else:
        meeting = sorted((c for c in moved if c.now_yuan is not None and q.within_threshold(c.now_yuan)
                          and _rate_within(c, asked.rate_bound)), key=lambda c: -(c.now_yuan or 0))
    way = "持平" if asked.level else "增加" if asked.sign > 0 else "减少"
    rate = f"（幅度{'达到' if asked.rate_bound[1] else '不到'}{asked.rate_bound[0]:g}%）" if asked.rate_bound else ""
    said = "上年有、本年为零" if asked.to_zero else f"比上年{way}{rate}、且{q.threshold_said()}"
    listed = "、".join(c.said for c in meeting)
    text = f"{head}，{said}的有{len(meeting)}项：{listed}。" if meeting else f"{head}，没有{said}的一项。"
    figures = []
    if meeting:
        top = meeting[0]
        by_change = (CHANGE_AMOUNT_ASKED_RE.search(q.text) or asked.to_zero) and not asked.level
        figures = [Figure(top.amount_text or fmt(abs(top.amount) / YUAN_PER_UNIT[unit], places), unit, abs(top.amount),
                          f"{way}的一项：{top.label}", doc.department, doc.year) if by_change else
                   Figure(top.now_text, unit, top.now_yuan, f"{said}的一项：{top.label}", doc.department, doc.year)]
    if q.operation == "yesno":
        text = ("有。" if meeting else "没有。") + text
    thresholds = q.threshold_wan() | ({asked.rate_bound[0]} if asked.rate_bound else set())
    answer = finish(q, text, figures, [x for c in meeting for x in c.cited], [],
                    allowed | thresholds | {float(len(meeting))} | {v for c in moved for v in c.printed}
                    | {round(abs(c.rate), 2) for c in moved if c.rate is not None}, LOOKUP)
    answer.items = _items(meeting, unit, places)
    answer.verdict = ("yes" if meeting else "no") if q.operation == "yesno" else answer.verdict
    return answer


def _rate_within(change: Change, bound: tuple[float, bool] | None) -> bool:
    """Whether the change's rate reaches the rate said (or stays under it); a part with nothing the
    year before has no rate and meets no rate said."""
    if bound is None:
        return True
    if change.rate is None:
        return False
    return abs(change.rate) >= bound[0] if bound[1] else abs(change.rate) < bound[0]


def _items(changes: list[Change], unit: str, places: int) -> list[Item]:
    """Each change as a listed item (signed, in the answer's unit), cited where it is read."""
    return [Item(c.label, fmt(c.amount / YUAN_PER_UNIT[unit], places), unit, c.cited[0], c.amount) for c in changes]


def _not_workable(q: QueryPlan, why: str) -> Answer:
    return Answer(q.text, why, NOT_FOUND, LOOKUP, missing=["逐项的上年数"])


def _stated_changes_ranked(lib: Library, q: QueryPlan, doc: Document, asked: Asked) -> Answer | None:
    """"各大类跟上年比哪一类涨得最多" with no earlier document: the change on the year before that
    the narrative states for each item ("卫生健康支出…较上年决算增加3.92万元", "2022年当年预算执行数为
    5.00万元，2023年预算安排30.00万元，比2022年预算执行数增加500.00%"), ranked, each sentence cited:
    the parts of the breakdown asked, else the items its own list marks at the level asked
    ("…（项）"). None unless every item with spending has one, in one unit."""
    whole = next((c for c in q.concepts if not c.department_total and c.parts and c.parts.concepts), None)
    if whole is not None:
        # ("三公经费里哪一项降的百分比最大": its finest parts, a part spent down to nothing too)
        return _stated_ranked(q, doc, asked, [(name, _facts_named(doc, name), True) for name in _leaves(whole)])
    parts = _parts_asked(lib, q, doc)
    if parts and (found := _stated_ranked(q, doc, asked, [(row_name(p.label), _facts_of(doc, p), bool(p.value))
                                                          for p in parts.parts])) is not None:
        return found
    # (a table that lists other items than the narrative: the narrative's own list)
    listed = _listed_at_level(q, doc) if all(c.department_total for c in q.concepts) else []
    return _stated_ranked(q, doc, asked, listed) if len(listed) >= 2 else None


def _stated_ranked(q: QueryPlan, doc: Document, asked: Asked, items: list) -> Answer | None:
    """The items ranked by the change the narrative states for each (see above)."""
    readings = [(label, _readings(doc, label, facts), spent) for label, facts, spent in items]
    if any(spent and not found for _, found, spent in readings):
        return None  # (an item with spending and no change stated: no ranking of them all)
    single = [found[0] for _, found, _ in readings if len(found) == 1]
    if len(single) < 2 or len({c.unit for c in single}) > 1:
        return None
    head = f"{doc.department}{doc.year}年与上年相比，按情况说明所载各{q.level or '项'}的增减"
    if asked.listed and len(single) < len(readings) or asked.both:  # (to nothing: a fall of 100% says it)
        return None  # (a list of the parts' changes is of every part, each read once; with a threshold, of their figures)
    if asked.every:
        return _every_changed(q, head, single, single[0].unit, 2, set(), asked.sign, doc)
    if asked.to_zero:
        return _meeting_condition(q, head, single, single[0].unit, 2, set(), asked, doc)
    if asked.listed:
        return _changes_listed(q, head, single, single[0].unit, 2, set(), asked.sign)
    found = _ranked(q, head, single, asked, single[0].unit, 2, set(), doc, stated=True)
    if found is None or not found.figures:
        return found
    # (an item whose figures disagree is left out only where no reading of them could rank first)
    top = max(_rank_key(asked, c) for c in single)
    doubtful = [label for label, found_, _ in readings if len(found_) > 1]
    if any(_rank_key(asked, c) > top for _, found_, _ in readings if len(found_) > 1 for c in found_):
        return None
    if doubtful:
        found.notes.append(f"{'、'.join(doubtful)}：说明中所写数字前后不一，未列入比较（按其中任何一个数算都不会排在首位）。")
    return found


def _rank_key(asked: Asked, change: Change) -> float:
    value = change.rate if asked.by_rate else change.amount
    if value is None:
        return float("-inf")
    size = asked.sign * value if asked.sign else abs(value)
    return -size if asked.least else size


def _listed_at_level(q: QueryPlan, doc: Document) -> list[tuple[str, list[StatedFact], bool]]:
    """The items the narrative lists with their level marked ("…其他城市生活救助（项）”30.00万元"), at
    the level asked, each with its figures: the list the document itself sets out item by item."""
    level = level_asked(q, 3)
    mark = f"（{LEVEL_BY_LENGTH[level]}）"
    deeper = [f"（{m}）" for length, m in LEVEL_BY_LENGTH.items() if length > level]
    # (in the document's order: items tied on their change stay as it lists them)
    subjects = list(dict.fromkeys(f.subject for f in doc.stated if mark in f.sentence and not any(d in f.sentence for d in deeper)))
    named = {s: _names(s, doc) for s in subjects}
    shared = Counter(names[-1] for names in named.values())
    # (一般行政管理事务 under several 款: each said with its 款)
    return [("".join(names[-2:]) if shared[names[-1]] > 1 else names[-1], [f for f in doc.stated if f.subject == s], True)
            for s, names in named.items()]


def _names(subject: str, doc: Document) -> list[str]:
    """The item's names by level, as its sentence prints them before the level marks ("社会保障和就业
    支出（类）其他生活救助（款）其他城市生活救助（项）"); the subject as stated where none shows them."""
    for fact in doc.stated:
        if fact.subject == subject and (names := re.findall(r"([^（）()“”\"，。；：:、\d.]+)[（(][类款项][）)]", fact.sentence)):
            return names
    return [re.sub(r"[“”\"]", "", subject)]


def _parts_asked(lib: Library, q: QueryPlan, doc: Document) -> Structure | None:
    """The parts whose changes are ranked: of the whole named; of the 一般公共预算 table where the
    question says that fund (the narrative states theirs); else every spending 科目 at the level asked."""
    if any(not c.department_total for c in q.concepts):
        return structure(lib, q, doc)
    level = level_asked(q, 3)
    return (table_parts(lib, q, doc, "general", "", level, (), "一般公共预算财政拨款支出") if "一般公共预算" in q.text
            else None) or spending_parts(lib, q, doc, level, "本年支出")


def _readings(doc: Document, label: str, facts: list[StatedFact]) -> list[Change]:
    """Every way the narrative's figures of one item read as a change on the year before: one where
    they agree; several where they disagree (two amounts for the year); none where no change is
    stated. The amount stated (or the year's amount less the year before's), the rate stated (or
    worked from them)."""
    money = [f for f in facts if f.unit in YUAN_PER_UNIT]
    if not money:
        return []
    unit, places = money[0].unit, max(decimals(f.value_text) for f in money)
    stated = {(f.value if f.qualifier == INCREASE else -f.value): f for f in money if f.qualifier in (INCREASE, DECREASE)}
    before = {f.value: f for f in money if not f.qualifier and f.year == doc.year - 1}
    now = {f.value for f in money if not f.qualifier and f.year != doc.year - 1}
    amounts = dict(stated) or {n - b: None for n in now for b in before} or ({0.0: None} if _unchanged(doc, money) else {})
    rates = {RATE_SIGN[f.qualifier] * f.value: f for f in facts if f.qualifier in RATE_SIGN}
    used = [f for f in facts if f.qualifier in (INCREASE, DECREASE, *RATE_SIGN) or f.year == doc.year - 1] or money
    cited = list({(f.sentence, f.line): stated_citation(doc, f) for f in used}.values())
    found = []
    for amount, amount_fact in amounts.items():
        bases = set(before) or {n - amount for n in now}
        worked = {(amount / b * 100 if b else None): None for b in bases} or {None: None}
        for rate, rate_fact in (rates.items() or worked.items()):
            said = f"{label}（与上年相比无变动）" if not amount and not stated else \
                (f"{label}（{'增加' if amount >= 0 else '减少'}{fmt(abs(amount), places)}{unit}"
                    + (f"，{'增长' if rate >= 0 else '下降'}{rate_fact.value_text if rate_fact else f'{abs(rate):.2f}'}%"
                       if rate is not None else "") + "）")
            found.append(Change(label, yuan(amount, unit) or amount, rate, said, list(cited),
                                {f.value for f in facts} | {abs(amount)}, rate_fact.value_text if rate_fact else "",
                                amount_fact.value_text if amount_fact else "", unit))
    return found


# "较2018年决算基本无变动", "与上年持平": the sentence after an item's figures saying it did not change
UNCHANGED_RE = re.compile(r"^(?:较|比|与|和)?[^，。；]{0,14}?(?:基本)?(?:无变动|无变化|没有变化|持平|相同|一致)")
# level with a year said ("与上年预算持平", "与2024年预算持平"): ``year`` the words for that year
LEVEL_WITH = r"(?:与|和|同|较|比)(?:{year})度?(?:预算|决算)?(?:数)?(?:基本)?(?:相同|持平|一致|无变动|无变化)"
SAID_UNCHANGED_RE = re.compile(LEVEL_WITH.format(year="上年") + r"|(?:基本)?(?:无变动|无变化|持平)")


def stated_level(q: QueryPlan, docs: list[Document]) -> Answer | None:
    """"区府办25年三公经费跟24年比多了还是少了": a change on the year before no amount states and no
    document of that year gives, where the sentence stating the item's figure says it is level with
    that year ("…预算数为867.50万元，与2024年预算持平"): 持平, a change of 0, cited on that sentence."""
    if q.operation != "change" or len(q.concepts) != 1 or len({d.year for d in docs}) != 1:
        return None
    name = q.concepts[0].name
    for doc in docs:
        before = q.compared_years[0] if q.compared_years else doc.year - 1
        if before != doc.year - 1:
            continue
        level = re.compile(LEVEL_WITH.format(year=f"{before}年|上年"))
        said = [f for f in _facts_named(doc, name) if f.unit in YUAN_PER_UNIT and f.qualifier in LEVEL_QUALIFIERS and
                level.search(f.sentence)]
        if not said:
            continue
        fact = said[0]
        figures = [Figure("0", fact.unit, 0.0, f"{name}比{before}年的变化", doc.department, doc.year, derived=True),
                   Figure(fact.value_text, fact.unit, yuan(fact.value, fact.unit), name, doc.department, doc.year)]
        if not CHANGE_AMOUNT_ASKED_RE.search(q.text):  # ("多了还是少了": the way asked, the year's figure heads)
            figures.reverse()
        text = f"持平。{doc.department}{doc.year}年度{name}为{fact.value_text}{fact.unit}，文件载明与{before}年持平：“{fact.sentence}”"
        return Answer(q.text, text, ANSWERED, LOOKUP, figures, [stated_citation(doc, fact)])
    return None


def _unchanged(doc: Document, money: list[StatedFact]) -> bool:
    """Whether a sentence of the item's figures, or the one right after it, says it did not change
    on the year before."""
    return any(SAID_UNCHANGED_RE.search(f.sentence) or UNCHANGED_RE.match(_sentence_after(doc, f)) for f in money)


def _sentence_after(doc: Document, fact: StatedFact) -> str:
    if not 0 <= fact.section_seq < len(doc.sections):
        return ""
    text, sentence = doc.sections[fact.section_seq].text.replace(" ", ""), fact.sentence.replace(" ", "")
    at = text.find(sentence)
    return text[at + len(sentence):].lstrip("。；;，, \n") if at >= 0 else ""


def _leaves(concept) -> list[str]:
    """The finest parts a concept is broken down into (公务用车购置费 and 运行维护费, not their sum)."""
    named = [lexicon().named(n) for n in concept.parts.concepts]
    return [leaf for c in named if c is not None
            for leaf in (_leaves(c) if c.parts and c.parts.concepts else [c.name])]


def _facts_named(doc: Document, name: str) -> list[StatedFact]:
    """The narrative's figures of one concept: the facts it is stated as, of one subject."""
    tagged = {f.subject for f in doc.stated if f.concept == name}
    said = {f.subject for f in doc.stated if _bare(f.subject) == _bare(name)}
    # (several subjects tagged with it, "公务用车购置支出" and "公务用车购置费支出": the one named as it is)
    subjects = tagged & said if len(tagged) > 1 else tagged or said
    return [f for f in doc.stated if f.subject == next(iter(subjects))] if len(subjects) == 1 else []


def _facts_of(doc: Document, part: Part) -> list[StatedFact]:
    """The narrative's figures of one part: its subject named exactly, else the one subject that
    ends with its name (a 项 stated with its 类 and 款: "社会保障和就业支出其他生活救助其他城市生活救助")."""
    name = _bare(row_name(part.label))
    if len(name) < 2:
        return []
    subjects = {f.subject for f in doc.stated if _bare(f.subject).endswith(name)}
    chosen = {s for s in subjects if _bare(s) == name} or subjects
    if len(chosen) > 1 and (path := _code_path(part)):
        chosen = {s for s in chosen if _bare(s) == path}  # (一般行政管理事务 under several 款: the one of its code)
    if len(chosen) != 1:
        return []
    subject = next(iter(chosen))
    return [f for f in doc.stated if f.subject == subject]


def _code_path(part: Part) -> str:
    """The 项's name with its 类's and 款's before it, as its own table prints them by code
    ("一般公共服务支出群众团体事务一般行政管理事务"); "" where the table does not print them."""
    if part.cell is None or len(code := part.cell.row.code) != 7:
        return ""
    names = {row.code: row_name(row.label) for row in part.cell.table.rows if row.code in (code[:3], code[:5])}
    return _bare("".join(names.get(c, "") for c in (code[:3], code[:5])) + row_name(part.label)) if len(names) == 2 else ""


def _bare(name: str) -> str:
    """A name compared without quotes, level marks or a trailing 支出 (公务接待费 / 公务接待费支出)."""
    return re.sub(r"支出$", "", re.sub(r"[“”\"]|[（(][类款项][）)]", "", match_key(name)))
