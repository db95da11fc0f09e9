"""Scoring one answer against one gold item: the figure, the citation, and both together.

Figures compare in yuan after unit conversion, within the rounding of whichever printed form is
coarser; only the headline counts (``figures[0]``, else the first amount in the answer), so an
answer listing many numbers gets no credit for one of them being right.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from eval.gold import Cite, GoldItem, column_matches, row_matches, table_matches
from core.model import YUAN_PER_UNIT
from core.names import canonical_department
from core.text import ORDINAL_RE, match_key, parse_amount
from qa.answers import rounding
from qa.model import ANSWERED, Answer, Citation

THOUSANDS_SEPARATOR_RE = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
AMOUNT_IN_TEXT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元|辆|%|个|人|台（套）|台\(套\)|台/套|台套|台|套)")


@dataclass
class Score:
    answer_ok: bool
    citation_ok: bool
    refused: bool
    plan_ok: bool | None = None

    @property
    def strict(self) -> bool:
        return self.answer_ok and self.citation_ok


# units that measure the same thing: people are counted 人 or 名 ("9名在职人员"), bodies 个 or 家
# ("下属5家预算单位"), items 个 or 项 ("有几项超过100万元": 4项, 4个); a gap between shares is said
# in 百分点 or 个百分点
SAME_COUNT_UNIT = {"名": "人", "家": "个", "项": "个", "个百分点": "百分点"}


def _unit(unit: str) -> str:
    per = (unit or "").split("/")[0]
    if per in YUAN_PER_UNIT and per != unit:
        return per  # an amount per thing ("万元/辆", "元/人/月") is money, said in its money unit
    bare = re.sub(r"[（）()/、，,\s]", "", unit or "")  # 台（套） ≡ 台/套 ≡ 台、套
    return SAME_COUNT_UNIT.get(bare, bare)


def same_amount(a_printed: str, a_unit: str, b_printed: str, b_unit: str, slack: float = 0.0) -> bool:
    """Equal up to the rounding of the printed figures (and, for money, ``slack`` yuan more: a
    rate or a count gets none, whatever the money it was computed from)."""
    a_unit, b_unit = _unit(a_unit), _unit(b_unit)
    a, b = parse_amount(a_printed), parse_amount(b_printed)
    if a is None or b is None:
        return False
    money = a_unit in YUAN_PER_UNIT and b_unit in YUAN_PER_UNIT
    if {a_unit, b_unit} == {"倍", "%"}:
        # one ratio said as a multiple or as a percent ("1.50倍" of "完成年初预算的149.52%"), to the
        # rounding of the multiple
        times, times_printed, percent = (a, a_printed, b) if a_unit == "倍" else (b, b_printed, a)
        return abs(times * 100 - percent) <= rounding(times_printed, "") * 100 + 1e-9
    if not money and a_unit != b_unit and a_unit and b_unit:
        return False
    fa, fb = (YUAN_PER_UNIT[a_unit], YUAN_PER_UNIT[b_unit]) if money else (1.0, 1.0)
    tolerance = max(rounding(a_printed, a_unit if money else ""), rounding(b_printed, b_unit if money else ""))
    return abs(a * fa - b * fb) <= tolerance + (slack if money else 0.0) + 1e-9


def input_rounding(gold: dict) -> float:
    """How far a gold figure computed from printed inputs may sit from the exact result: the
    rounding of each input (3355.65万元 from two 万元 figures is 33,556,428元 ± 0.01万元)."""
    return sum(rounding(str(i["value"]), _unit(i.get("unit", ""))) for i in gold.get("inputs", [])
               if i.get("value") is not None and _unit(i.get("unit", "")) in YUAN_PER_UNIT)


def headline(answer: Answer, gold_unit: str) -> tuple[str, str] | None:
    """The figure an answer stands behind: its first figure, else its first amount of the
    gold's kind (money or the same count unit)."""
    if answer.figures:
        f = answer.figures[0]
        return f.value, f.unit
    money = gold_unit in YUAN_PER_UNIT
    for printed, unit in AMOUNT_IN_TEXT.findall(answer.answer):
        if (unit in YUAN_PER_UNIT) == money and (money or _unit(unit) == _unit(gold_unit)):
            return printed, unit
    return None


def _any_figure(answer: Answer, printed: str, unit: str) -> bool:
    """The figure is among those the answer lists (its figures or its items): a breakdown or a
    ranking gives several, and the one asked about may be any of them (a gold difference written
    unsigned, by its size: "是不是比23年少了" is answered with a negative difference)."""
    listed = [(f.value, f.unit) for f in answer.figures] + [(i.value, i.unit) for i in answer.items]
    if not printed.startswith("-"):
        listed = [(v.lstrip("-"), u) for v, u in listed]
    return any(same_amount(v, u, printed, unit) for v, u in listed)


GAP_OPERATIONS = ("diff", "change")


def answer_correct(item: GoldItem, answer: Answer) -> bool:
    gold = item.gold
    if item.refuse:
        return answer.status != ANSWERED
    if "candidates" in gold:
        # several rows fit: no headline figure, and every candidate listed with its figure
        return not answer.figures and all(
            any(same_amount(i.value, i.unit, c["value"], c.get("unit", item.unit)) for i in answer.items)
            for c in gold["candidates"])
    # a value that is a name, not an amount ("谁降得更厉害" → "临汾市民政局"): the answer must name it
    named = gold.get("value") is not None and not re.search(r"\d", str(gold["value"]))
    if gold.get("value") is not None and not named and not item.unit and item.kind in ("figure", "compare"):
        return _unit_unprinted_answer(item, answer)
    if answer.status != ANSWERED:
        return False
    if "yes" in gold and answer.verdict != ("yes" if gold["yes"] else "no"):
        return False
    if "contains" in gold:
        # (a figure asked is there whether written 4704.35 or 4,704.35)
        text = _unseparated(answer.answer + " " + " ".join(i.label for i in answer.items))
        if not all(_unseparated(s) in text for s in gold["contains"]):
            return False
    if named:
        return _unseparated(gold["value"]) in _unseparated(answer.answer)
    if gold.get("value") is None:  # (a yes or no with no deciding figure: "value": null)
        return "contains" in gold or "yes" in gold
    if item.kind in ("breakdown", "yesno"):
        return _any_figure(answer, gold["value"], item.unit)
    if item.kind == "compare" and item.unit == "个百分点" and any(
            f.derived and f.unit == "个百分点" and same_amount(f.value.lstrip("-"), f.unit, gold["value"].lstrip("-"), item.unit)
            for f in answer.figures):
        return True  # "哪个涨得快": the faster rate heads, the gap between the rates beside it is as asked
    head = headline(answer, item.unit)
    if head is None:
        return False
    value = head[0]
    if (item.kind == "compare" or item.plan.get("operation") in GAP_OPERATIONS) and not gold["value"].startswith("-"):
        # an unsigned gold difference is the size of the gap, either way round (also asked as a
        # follow-up: "比前年少了多少" → 5768200 against the signed first-minus-second −5768200)
        value = value.lstrip("-")
    return same_amount(value, head[1], gold["value"], item.unit, input_rounding(gold))


def _unseparated(text: str) -> str:
    """The matching key of a text with its numbers' thousands separators taken out."""
    return THOUSANDS_SEPARATOR_RE.sub("", match_key(text))


def _unit_unprinted_answer(item: GoldItem, answer: Answer) -> bool:
    """A figure from a table that prints no unit (gold unit ""): no figure may carry a unit the
    table does not give, so the right answer either gives no headline and shows the printed
    value with its cell cited (a computed one: cites its inputs, computes nothing), or takes its
    unit from a sentence, or another table, of the document that states the same figure."""
    gold = item.gold
    if not answer.figures:
        shown = "inputs" in gold or gold["value"] in answer.answer.replace(",", "")
        return shown and bool(answer.citations)
    first = answer.citations[0] if answer.citations else None
    head = answer.figures[0]
    # the gold's number is in some money unit the page does not say: the headline's, read in either
    return first is not None and item.kind == "figure" and not (
        first.cell and item.cite and table_matches(item.cite, first.table_title, first.table_code)) and \
        any(same_amount(head.value, head.unit, gold["value"], unit) for unit in ("元", "万元", ""))


def _name_key(name: str) -> str:
    """A department's name without the words people leave out (省/市/区/县, 人民)."""
    return re.sub(r"[省市区县]|人民", "", canonical_department(name))


def plan_correct(item: GoldItem, plan: dict) -> bool | None:
    """The question was understood as the gold reads it: operation, departments (by canonical
    name) and years. None when the gold states no plan."""
    want = item.plan
    if not want:
        return None
    operation, wanted = plan.get("operation"), want.get("operation")
    years_asked = sorted(want.get("years", []))
    if operation != wanted and not ({operation, wanted} == {"change", "diff"} and len(years_asked) > 1
                                    and len(want.get("departments", [])) <= 1):
        return False  # (one department's figure in two years set against each other is its change)
    # the departments in any order (which is set against which is the answer's business: its
    # sign); a name the store lacks as the question writes it (太原民政局 for 太原市民政局)
    asked = sorted(_name_key(d) for d in want.get("departments", []))
    found = sorted(_name_key(d) for d in plan.get("departments") or plan.get("unknown_departments", []))
    years = years_asked  # a question that names no year is read for the store's year
    got = sorted(plan.get("years", []))
    if asked != found:
        return False
    if not years or years == got:
        return True
    # a reason for, or size of, a change: the year compared against may be listed or left out
    # ("为啥比18年少", "跟上年比") as long as the year asked about is the same
    compared = set(plan.get("compared_years", [])) | {max(years) - 1}
    return wanted in ("describe", "change", "diff") and bool(got) and max(got) == max(years) and \
        set(got) ^ set(years) <= compared


def equivalent_cell(cite: Cite, citation: Citation, gold_value: tuple[str, str] | None) -> bool:
    """Another cell of the same document holding the same figure under the same name: the gold
    row (or, for a one-row table, its column words) appears in the cited row or column, and
    the cited cell prints the gold value."""
    if gold_value is None or not citation.cell:
        return False
    name = match_key(ORDINAL_RE.sub("", cite.row or "")) or "".join(match_key(w) for w in cite.column[-1:])
    if not name or (name not in match_key(citation.row) and name not in match_key(citation.column)):
        return False
    return same_amount(citation.cell, gold_value[1], gold_value[0], gold_value[1])


TOTAL_ROW_RE = re.compile(r"(合计|小计|总计)$")


def _same_total(cite: Cite, citation: Citation, gold_value: tuple[str, str] | None) -> bool:
    """Another total row of the same table printing the same (non-zero) figure: a summary table
    balances, printing one total on its 收入 and its 支出 side ("收入合计" and "支出合计" of
    a 收支预算总表, or its "当年支出小计"), and either is where a reader finds the figure."""
    return bool(citation.cell) and table_matches(cite, citation.table_title, citation.table_code) and \
        bool(TOTAL_ROW_RE.search(match_key(cite.row or ""))) and bool(TOTAL_ROW_RE.search(match_key(citation.row))) \
        and _same_nonzero(citation.cell, gold_value)


def _same_nonzero(printed: str, gold_value: tuple[str, str] | None) -> bool:
    """A cited cell printing the gold figure, when that figure is not zero (a zero is printed in
    too many cells to tell which one was meant)."""
    if gold_value is None or not parse_amount(gold_value[0]):
        return False
    # a citation records no unit: a money cell may be printed in 元 or 万元 where the sentence says the other
    units = [gold_value[1]] + (["元", "万元"] if _unit(gold_value[1]) in YUAN_PER_UNIT else [])
    return any(same_amount(printed, u, gold_value[0], gold_value[1]) for u in units)


def _prints_nonzero(quote: str, gold_value: tuple[str, str] | None) -> bool:
    """A cited sentence printing the gold cell's (non-zero) figure: the same figure, as checkable
    in the document's words as in its table (the converse of ``_same_nonzero``)."""
    if gold_value is None or not parse_amount(gold_value[0]):
        return False
    return any(same_amount(printed, unit, gold_value[0], gold_value[1]) for printed, unit in AMOUNT_IN_TEXT.findall(quote)
               if unit in YUAN_PER_UNIT or not gold_value[1] or _unit(unit) == _unit(gold_value[1]))


Disclosure = tuple[str, int, str]  # department key, year, kind (决算 / 预算)


def _companion_prints(cite: Cite, citation: Citation, gold_value: tuple[str, str] | None,
                      disclosures: Mapping[str, Disclosure]) -> bool:
    """The cited file is the other file of the gold's disclosure and prints the gold's non-zero figure."""
    if cite.doc not in disclosures or disclosures[cite.doc] != disclosures.get(citation.source):
        return False
    return _same_nonzero(citation.cell, gold_value) if citation.cell else _prints_nonzero(citation.quote, gold_value)


def citation_correct(cite: Cite | None, citation: Citation | None, gold_value: tuple[str, str] | None = None,
                     disclosures: Mapping[str, Disclosure] | None = None) -> bool:
    """The first citation names the right document, table/row/column (or section), and page.

    A table can repeat a figure another table holds (a 类 total in 收入支出决算总表 and 支出决算表);
    a citation of the same row label and value in another table of the same document is just as
    checkable, so it counts (see ``equivalent_cell``); so does, for a figure the gold reads from a
    sentence, a cell of the same document printing that (non-zero) figure, and for one it reads
    from a cell, a sentence of the same document printing it. A disclosure published as two files
    (its 说明 and its 公开表, as 江苏 departments publish) is one disclosure: a cell or sentence of
    the other file printing the (non-zero) figure counts too (``disclosures`` maps each file to
    its department, year and kind)."""
    if cite is None:
        return citation is None
    if citation is None:
        return False
    if citation.source != cite.doc:
        return _companion_prints(cite, citation, gold_value, disclosures or {})
    same_page = not (cite.page and citation.page and cite.page != citation.page)
    if cite.table:  # the very cell, or the same figure under the same name in another table (any page)
        return (same_page and table_matches(cite, citation.table_title, citation.table_code)
                and row_matches(cite, citation.row, citation.row_code)
                and column_matches(cite, citation.column)) or equivalent_cell(cite, citation, gold_value) \
            or _same_total(cite, citation, gold_value) \
            or (not citation.cell and _prints_nonzero(citation.quote, gold_value))
    if citation.cell and _same_nonzero(citation.cell, gold_value):
        return True  # the sentence's figure as a table of the same document prints it: as checkable
    if not same_page:
        return False
    if cite.section:
        return _under_section(cite.section, citation.section)
    return True


SECTION_JOIN_RE = re.compile(r"\s*>\s*|\s+")


def _under_section(gold: str, cited: str) -> bool:
    """The cited sentence sits under the gold heading: its innermost heading, or the headings it
    lists, outermost first, whether joined by " > " or by spaces as a reader copies them."""
    headings = [match_key(h) for h in SECTION_JOIN_RE.split(gold) if h.strip()]
    cited = "".join(match_key(h) for h in SECTION_JOIN_RE.split(cited))
    return bool(headings) and (headings[-1] in cited or "".join(headings) in cited)


def score(item: GoldItem, answer: Answer, disclosures: Mapping[str, Disclosure] | None = None) -> Score:
    refused = answer.status != ANSWERED
    ok = answer_correct(item, answer)
    planned = plan_correct(item, answer.plan)
    if item.refuse:
        return Score(ok, ok, refused, planned)
    first = answer.citations[0] if answer.citations else None
    gold_value = (item.gold["value"], item.unit) if item.gold.get("value") is not None else None
    cited = citation_correct(item.cite, first, gold_value, disclosures)
    if not cited and item.kind == "compare" and first is not None:
        # a computed figure rests on all its inputs, in no particular order: the first citation
        # may support any of them
        cited = any(citation_correct(Cite(**{k: v for k, v in cell.items() if k in Cite.__dataclass_fields__}),
                                     first, (cell["value"], cell.get("unit", item.unit)), disclosures)
                    for cell in item.gold.get("inputs", []) if cell.get("doc") and cell.get("value"))
    if not cited and "candidates" in item.gold:
        # a list has no first entry that matters more: the gold cell may be any listed one (or
        # the same figure under the same name in another table, as for a single figure)
        cited = any(citation_correct(item.cite, i.citation, (c["value"], c.get("unit", item.unit)), disclosures)
                    for i in answer.items for c in item.gold["candidates"]
                    if same_amount(i.value, i.unit, c["value"], c.get("unit", item.unit)))
    if not cited and item.kind == "breakdown":
        # a breakdown gives several figures, each cited, and the gold's may be any of them (as its
        # value may be any figure listed)
        cited = any(citation_correct(item.cite, c, gold_value, disclosures)
                    for c in answer.citations[1:] + [i.citation for i in answer.items])
    if not cited and item.kind == "yesno":
        # "没有" rests on the blank cell and the sentence saying it is zero, in either order
        cited = any(citation_correct(item.cite, c, gold_value, disclosures) for c in answer.citations[1:])
    return Score(ok, cited, refused, planned)
