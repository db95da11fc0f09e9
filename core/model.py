"""The typed model every stage shares: documents, sections, tables, rows and facts.

Ingest builds it, the store persists it, the index chunks it and qa cites it. Values are kept
exactly as printed (``value_text``) next to their parsed number, so a citation can always quote
the document verbatim.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from core.schema import schema
from core.text import parse_amount

# Units whose amounts convert to yuan; anything else (辆, 台套, %, 人) is a count or a ratio.
YUAN_PER_UNIT = {"元": 1.0, "万元": 10_000.0, "亿元": 100_000_000.0, "千元": 1_000.0}
# units of things counted (times, vehicles, people, scores), not of items of a list (个, 项): no
# amount of money answers a question asking in them
COUNT_UNITS = frozenset({"次", "批次", "批", "人次", "辆", "人", "名", "台", "套", "台（套）", "分"})


@dataclass
class TextLine:
    """One line of running text, where it was found."""
    text: str
    page: int | None = None
    line: int | None = None
    heading_level: int | None = None  # markdown "#" depth, when the export marked it


@dataclass
class Grid:
    """A raw table as the source gave it: ``None`` marks a cell covered by a merged cell."""
    cells: list[list[str | None]]
    page: int | None = None
    line: int | None = None
    row_pages: list[int | None] = field(default_factory=list)
    row_lines: list[int | None] = field(default_factory=list)


Block = TextLine | Grid


@dataclass
class Section:
    heading_path: list[str]
    text: str
    page: int | None = None
    line: int | None = None
    # where the text runs onto a later page: (offset in ``text``, page), so a sentence is cited
    # on the page it is printed on, not the page its heading is on
    page_starts: list[tuple[int, int]] = field(default_factory=list)

    @property
    def heading(self) -> str:
        return self.heading_path[-1] if self.heading_path else ""

    def page_at(self, offset: int) -> int | None:
        """The page the character at ``offset`` of the text is printed on."""
        page = self.page
        for start, later in self.page_starts:
            if start > offset:
                break
            page = later
        return page


@dataclass
class Row:
    """One logical row: a label (and 科目编码) with one printed value per table column.

    A printed line holding two record groups side by side (收入 | 支出) becomes two rows.
    ``values[i]`` is ``None`` where the row has no cell under ``Table.columns[i]``.
    """
    label: str
    values: list[str | None]
    code: str = ""
    group: str = ""  # sub-heading inside the table, e.g. "二、机关运行经费"
    unit: str = ""  # a unit printed in the label itself, e.g. "车辆数合计(辆)" -> "辆"
    page: int | None = None
    line: int | None = None
    code_source: str = ""  # "printed" | "name" (a standard name only one 科目 carries) | ""

    @property
    def level(self) -> str:
        """类/款/项 from the length of a 功能分类 (3/5/7) or 经济分类 (3/5) code."""
        return {3: "类", 5: "款", 7: "项"}.get(len(self.code), "") if self.code.isdigit() else ""


# tables whose rows a question names: the template's, and the projects read from project forms
NAMED_ROW_CATEGORIES = ("standard", "projects")
# tables of the 绩效 forms (as printed, and the projects read from them): not the templates' tables
FORM_CATEGORIES = ("performance", "projects")


@dataclass
class Table:
    title: str  # normalised: no spaces, no year prefix, standard quotes
    columns: list[str]  # column paths of the value columns, e.g. "决算数/公务用车购置及运行维护费/小计"
    rows: list[Row]
    raw_title: str = ""
    code: str = ""  # e.g. "公开09表" when printed
    unit: str = ""  # "万元" / "元" / "" when the caption gave none
    unit_source: str = ""  # the caption text the unit was read from
    page_start: int | None = None
    page_end: int | None = None
    line: int | None = None
    category: str = "standard"  # "standard" | "performance" (绩效自评) | "projects" (read from project forms) | "other"
    note: str = ""  # printed notes under the table ("注：…", "本表无数据")
    warnings: list[str] = field(default_factory=list)
    type: str = "other"  # template table type (core/schema/tables.toml), e.g. "sangong"
    measures: list[str] = field(default_factory=list)  # per column: 决算数 / 预算数 / 年初预算 / 上年预算 …

    @property
    def says_empty(self) -> bool:
        """The document states the table has no data, so its blank cells mean zero."""
        return bool(schema().empty_notes.search(self.note))


@dataclass
class Fact:
    """One value cell of a table, with everything needed to answer and cite it."""
    doc_id: str
    table_index: int
    row_index: int
    column_index: int
    department: str
    year: int
    kind: str
    table_title: str
    table_code: str
    row_code: str
    row_label: str
    row_group: str
    column: str
    value_text: str
    value: float | None
    unit: str
    value_yuan: float | None
    page: int | None
    blank: bool
    table_type: str = "other"
    measure: str = ""
    code_source: str = ""
    unit_source: str = ""  # where the unit was read: the table caption, the row label, or "" (none printed)


@dataclass
class StatedFact:
    """An amount, count or percentage a narrative sentence states, with what it is of.

    "机关运行经费支出123.45万元，比上年增加6.78万元" gives two: subject 机关运行经费支出 at 123.45
    万元, and the same subject with qualifier 比上年增加 at 6.78 万元. ``concept`` is the canonical
    concept when one fits, so the figure can be checked against the table that holds it.
    """
    subject: str
    qualifier: str  # "" | 比上年增加 | 比上年减少 | 增长率 | 下降率 | 完成预算的 | 其中 | 占比 | 不含… | 预算 | 决算
    value_text: str
    value: float
    unit: str
    sentence: str
    section_seq: int
    page: int | None = None
    line: int | None = None
    measure: str = ""  # 预算 | 决算 | 执行数 | "" (counts)
    concept: str = ""
    year: int | None = None  # the year the sentence says the figure is for, when it names one
    check: str = ""  # "agrees" | "disagrees" with the table cell of the same concept, or ""


@dataclass
class Document:
    doc_id: str
    source: str  # file name as given
    sha256: str
    department: str
    year: int
    kind: str  # "决算" | "预算"
    scope: str  # "部门" | "单位"
    title: str
    pages: int | None
    sections: list[Section] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    metadata_sources: dict[str, str] = field(default_factory=dict)  # field -> where it was read
    aliases: list[str] = field(default_factory=list)  # other names the document uses for itself
    stated: list[StatedFact] = field(default_factory=list)
    # the administrative chain of the department ("江苏省", "南京市", "玄武区"): a city bureau and a
    # district bureau of the same name stay apart
    province: str = ""
    city: str = ""
    district: str = ""
    # pages whose printed numbers could not be put into any table: never answered from
    untabled_pages: list[int] = field(default_factory=list)

    @property
    def label(self) -> str:
        return f"{self.department} {self.year}年{self.scope}{self.kind}"

    def all_warnings(self) -> list[str]:
        """Document-level warnings, then each table's, prefixed with the table's name."""
        return self.warnings + [f"{t.code or t.title}：{w}" for t in self.tables for w in t.warnings]

    def facts(self) -> list[Fact]:
        """Every value cell of every table, blank cells included and flagged."""
        out: list[Fact] = []
        for ti, table in enumerate(self.tables):
            for ri, row in enumerate(table.rows):
                for ci, printed in enumerate(row.values):
                    if printed is None:
                        continue
                    value = parse_amount(printed)
                    if value is None and printed.strip() not in ("", "-", "—", "——", "/"):
                        continue  # text in a value column (e.g. 绩效 indicators): not a figure
                    unit = row.unit or table.unit
                    unit_source = "行名" if row.unit else (table.unit_source if table.unit else "")
                    factor = YUAN_PER_UNIT.get(unit)
                    out.append(Fact(
                        doc_id=self.doc_id, table_index=ti, row_index=ri, column_index=ci,
                        department=self.department, year=self.year, kind=self.kind,
                        table_title=table.title, table_code=table.code,
                        row_code=row.code, row_label=row.label, row_group=row.group,
                        column=table.columns[ci], value_text=printed.strip(), value=value,
                        unit=unit,
                        value_yuan=None if value is None or factor is None else round(value * factor, 4),
                        page=row.page, blank=value is None, table_type=table.type,
                        measure=table.measures[ci] if ci < len(table.measures) else "",
                        code_source=row.code_source, unit_source=unit_source,
                    ))
        return out
