"""Parse health without hand-written gold: how much of each document became typed, measured,
coded, unit-bearing facts, and whether the figures agree with each other.

The national templates make many figures equal (a total and its parts, the 收支总表 and the
收入表, a table and the narrative sentence about it); where they do not, either the document
contradicts itself or the parser misread it. Both are worth seeing before anyone asks.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from core.concepts import lexicon, locate
from core.model import FORM_CATEGORIES, YUAN_PER_UNIT, Document, Table
from core.schema import OTHER, schema
from core.text import decimals, parse_amount
from core.terminal import shown
from ingest.checks import check_columns, check_rows
from ingest.stated import LEVEL_QUALIFIERS

TOTAL_LABELS = ("合计", "总计", "小计", "")


@dataclass
class Disagreement:
    what: str
    values: list[str]  # each "printed unit @ where"


@dataclass
class Health:
    source: str
    label: str
    tables: int = 0  # standard tables (not 绩效 forms)
    typed: int = 0
    with_unit: int = 0
    untyped: list[str] = field(default_factory=list)
    unitless: list[str] = field(default_factory=list)
    columns: int = 0
    measure_from_header: int = 0
    subject_rows: int = 0
    coded_printed: int = 0
    coded_by_name: int = 0
    sums_checked: int = 0
    sums_failed: int = 0
    identities_checked: int = 0
    identity_failures: list[Disagreement] = field(default_factory=list)
    stated: int = 0
    stated_with_concept: int = 0
    stated_agree: int = 0
    stated_disagree: list[Disagreement] = field(default_factory=list)
    stated_levels: int = 0  # money amounts stated as levels (not changes, shares, parts of a list)
    stated_in_tables: int = 0  # … of which some table cell of the disclosure prints the same figure
    untabled_pages: list[int] = field(default_factory=list)

    def add(self, other: "Health") -> None:
        for name, value in vars(other).items():
            if isinstance(value, int) and not isinstance(value, bool):
                setattr(self, name, getattr(self, name) + value)
            elif isinstance(value, list):
                getattr(self, name).extend(value)


def health(doc: Document, disclosure_tables: list[Table] | None = None) -> Health:
    """The health of one file; ``disclosure_tables`` are the tables of every file of its
    disclosure (a narrative PDF's figures are in its 公开表 PDF)."""
    h = Health(doc.source, doc.label, untabled_pages=list(doc.untabled_pages))
    for table in doc.tables:
        if table.category in FORM_CATEGORIES or table.type == "performance":
            continue
        name = table.code or table.title
        h.tables += 1
        h.typed += table.type != OTHER
        h.with_unit += bool(table.unit)
        if table.type == OTHER:
            h.untyped.append(name)
        if not table.unit:
            h.unitless.append(name)
        h.columns += len(table.columns)
        h.measure_from_header += sum(bool(schema().measure_named(c, doc.year)) for c in table.columns)
        if schema().row_kind(table.type) in ("function", "economic") and any(r.code for r in table.rows):
            subjects = [r for r in table.rows if r.label.strip() not in TOTAL_LABELS and "合计" not in r.label]
            h.subject_rows += len(subjects)
            h.coded_printed += sum(r.code_source == "printed" for r in subjects)
            h.coded_by_name += sum(r.code_source == "name" for r in subjects)
        for checked, failed in (check_rows(table), check_columns(table)):
            h.sums_checked += checked
            h.sums_failed += len(failed)
    _identities(doc, h)
    h.stated = len(doc.stated)
    cells = _cell_values(disclosure_tables if disclosure_tables is not None else doc.tables)
    for fact in doc.stated:
        if fact.unit in YUAN_PER_UNIT and fact.qualifier in LEVEL_QUALIFIERS:
            h.stated_levels += 1
            stated = round(fact.value * YUAN_PER_UNIT[fact.unit] / 100)  # to the 百元: 万元 to 2 places
            h.stated_in_tables += any(v in cells for v in (stated - 1, stated, stated + 1))
        h.stated_with_concept += bool(fact.concept)
        h.stated_agree += fact.check == "agrees"
        if fact.check == "disagrees":
            h.stated_disagree.append(Disagreement(f"{fact.subject}（文字陈述 vs 表格）",
                                                  [f"{fact.value_text}{fact.unit} @ 第{fact.page or '?'}页文字"]))
    return h


def _cell_values(tables: list[Table]) -> set[int]:
    """Every figure printed in the tables, in hundreds of yuan (the 0.01万元 a narrative rounds to)."""
    out = set()
    for table in tables:
        for row in table.rows:
            unit = row.unit or table.unit
            if unit not in YUAN_PER_UNIT:
                continue
            for printed in row.values:
                value = parse_amount(printed)
                if value is not None:
                    out.add(round(value * YUAN_PER_UNIT[unit] / 100))
    return out


def _first_value(doc: Document, concept_name: str, table_type: str) -> tuple[float, float, str] | None:
    """The figure a concept has in one table type of the document (the document's own measure)."""
    concept = lexicon().named(concept_name)
    if concept is None:
        return None
    tables = [t if schema().family(t.type) == table_type or t.type == table_type else _EMPTY for t in doc.tables]
    found = locate(concept, tables)
    if found is None:
        return None
    own = "决算数" if doc.kind == "决算" else "预算数"
    cells = found[1]
    cells = [c for c in cells if doc.tables[c.table_seq].measures[c.column] == own] or cells
    cell = cells[0]
    table = doc.tables[cell.table_seq]
    printed = table.rows[cell.row_seq].values[cell.column] or ""
    value, unit = parse_amount(printed), table.rows[cell.row_seq].unit or table.unit
    if value is None or unit not in YUAN_PER_UNIT:
        return None
    rounding = 0.5 * 10 ** -decimals(printed) * YUAN_PER_UNIT[unit]  # half the last printed digit
    return value * YUAN_PER_UNIT[unit], rounding, f"{printed}{unit} @ {table.code or table.title}"


_EMPTY = Table(title="", columns=[], rows=[], type="")


def _identities(doc: Document, h: Health) -> None:
    for identity in schema().identities:
        found = [(f"{c}（{t}）", v) for c in identity.concepts for t in identity.tables
                 if (v := _first_value(doc, c, t)) is not None]
        if len(found) < 2:
            continue
        h.identities_checked += 1
        values = [v for _, (v, _, _) in found]
        if max(values) - min(values) > 2 * max(r for _, (_, r, _) in found) + 0.01:
            h.identity_failures.append(Disagreement("=".join(n for n, _ in found), [w for _, (_, _, w) in found]))


def _ratio(part: int, whole: int) -> str:
    return f"{part}/{whole}" + (f"（{100 * part / whole:.0f}%）" if whole else "")


def format_health(h: Health, total: bool = False) -> str:
    lines = [("合计" if total else f"{h.label}  [{h.source}]")]
    lines.append(f"  表格：已识别类型 {_ratio(h.typed, h.tables)}，有金额单位 {_ratio(h.with_unit, h.tables)}"
                 + (f"；未识别：{'、'.join(h.untyped[:6])}" if h.untyped and not total else "")
                 + (f"；无单位：{'、'.join(h.unitless[:6])}" if h.unitless and not total else ""))
    lines.append(f"  栏目：{h.columns} 列，口径由表头读出 {_ratio(h.measure_from_header, h.columns)}，其余按文件类型")
    lines.append(f"  科目行：有编码 {_ratio(h.coded_printed + h.coded_by_name, h.subject_rows)}"
                 f"（印出 {h.coded_printed}，按标准名称 {h.coded_by_name}）")
    lines.append(f"  表内合计：核对 {h.sums_checked} 处，不符 {h.sums_failed} 处")
    lines.append(f"  跨表核对：{h.identities_checked} 项，不符 {len(h.identity_failures)} 项")
    for d in ([] if total else h.identity_failures):
        lines.append(f"    ✗ {d.what}：{' ≠ '.join(d.values)}")
    lines.append(f"  文字陈述的数字：{h.stated} 个，对应到概念 {h.stated_with_concept} 个，"
                 f"与表格一致 {h.stated_agree} 个，不一致 {len(h.stated_disagree)} 个；"
                 f"所述金额见于表格 {_ratio(h.stated_in_tables, h.stated_levels)}")
    for d in ([] if total else h.stated_disagree):
        lines.append(f"    ✗ {d.what}：{'；'.join(d.values)}")
    if h.untabled_pages:
        pages = "、".join(str(p) for p in sorted(set(h.untabled_pages))[:12])
        lines.append(f"  未能成表的数字页：{len(set(h.untabled_pages)) if total else pages}"
                     + ("" if total else "（这些页的数字不作答）"))
    return "\n".join(map(shown, lines))  # each line one record: a name cannot break it
