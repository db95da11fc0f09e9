"""Print a DisclosureSpec as PDF(s) the way real disclosures look, optionally with layout hazards.

Everything is drawn with reportlab's canvas (no flowables) so that each hazard can be placed
exactly: where a title lands, whether a grid is ruled, which font a digit run uses. The renderer
records, for every table cell and narrative fact, the PDF page it was printed on.
"""

from __future__ import annotations

import io
import random
import re
from dataclasses import dataclass, field

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from .spec import CHINESE_NUMERALS, Block, DisclosureSpec, Table

FONT = "STSong-Light"
LATIN = "Helvetica"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

HAZARDS = ("split_digits", "caption_in_grid", "title_in_header", "title_prev_page", "lone_biao", "no_rules",
           "split_files", "short_name", "no_unit", "unit_variants", "budget_codes")

A4 = (595.3, 841.9)
MARGIN = 50.0
BODY = 15.0          # narrative font size (三号-like, as in the template)
LEADING = 26.0
RISE = 2.4           # split_digits: Latin runs sit this much higher; pdfplumber then sees another line
CELL = 9.0           # table text size
LATIN_RUN = re.compile(r"[0-9A-Za-z.,%“”]+")
NO_LINE_START = set("，。、；：？！）》”%")
NO_LINE_END = set("（《“")


@dataclass
class PlacedTable:
    """Where one table landed and how its title, code and unit were printed."""

    key: str
    title: str
    code: str
    unit_caption: list[str]   # caption lines as printed ([] when the unit was dropped)
    unit: str                 # unit a reader can know ("" when dropped)
    title_where: str          # above | header | grid | prev_page
    title_page: int
    grid_pages: list[int] = field(default_factory=list)
    ruled: bool = True
    stray: str = ""           # lone "表" / "附表" printed by the grid


@dataclass
class RenderedFile:
    name: str
    data: bytes
    pages: dict[str, int]                 # cell or fact id → 1-based PDF page
    tables: list[PlacedTable] = field(default_factory=list)


# ---------------------------------------------------------------- hazard plan


@dataclass
class _Plan:
    """Decides, once per document, what each hazard does to which table."""

    hazards: frozenset[str]
    codes: dict[str, str]
    title_where: dict[str, str]
    prev_page: list[str]
    stray: dict[str, str]
    unit_lines: dict[str, list[str]]
    footer: str

    def has(self, name: str) -> bool:
        return name in self.hazards


def _plan(spec: DisclosureSpec, hazards: frozenset[str]) -> _Plan:
    rng = random.Random(f"plan:{spec.seed}:{spec.kind}:{sorted(hazards)}")
    keys = [t.key for t in spec.tables]
    style = rng.choice(["cn", "none"]) if any(t.code for t in spec.tables) else "cn"
    codes = {}
    for i, t in enumerate(spec.tables):
        codes[t.key] = t.code
        if "budget_codes" in hazards:
            codes[t.key] = f"公开表{CHINESE_NUMERALS[i]}" if style == "cn" else ""
    where = {k: "header" if "title_in_header" in hazards else "above" for k in keys}
    for k in keys:
        if "caption_in_grid" in hazards and where[k] == "above" and rng.random() < 0.5:
            where[k] = "grid"     # the title too becomes a grid row
    prev = keys[1:] if "title_prev_page" in hazards else []
    stray = {k: rng.choice(["表", "附表"]) for k in rng.sample(keys, max(2, len(keys) // 3))} \
        if "lone_biao" in hazards else {}
    units = {}
    dropped = rng.choice([t.key for t in spec.tables if any(c.printed for c in t.cells())]) \
        if "no_unit" in hazards else ""
    for t in spec.tables:
        if t.key == dropped:
            units[t.key] = []
        elif "unit_variants" in hazards:
            units[t.key] = rng.choice([[f"单位:{t.unit}"], [f"金额单位：{t.unit}"], [f"单位：{t.unit[:-1]}", "元"]
                                       if t.unit == "万元" else [f"单位:{t.unit}"]])
        else:
            units[t.key] = [f"单位：{t.unit}"]
    if "unit_variants" in hazards and not any(len(v) == 2 for v in units.values()):
        wan = next((t.key for t in spec.tables if t.unit == "万元" and t.key != dropped), "")
        if wan:
            units[wan] = ["单位：万", "元"]
    return _Plan(hazards, codes, where, prev, stray, units, rng.choice(["- {} -", "第 {} 页", "{}"]))


# ---------------------------------------------------------------- canvas wrapper


def _width(text: str, size: float, font: str = FONT) -> float:
    return pdfmetrics.stringWidth(text, font, size)


class _Pdf:
    """A canvas that knows its page number, page size, running head and footer style."""

    def __init__(self, footer: str, numbered_from: int):
        self.buf = io.BytesIO()
        self.c = canvas.Canvas(self.buf, pagesize=A4)
        self.page = 0
        self.size = A4
        self.footer = footer
        self.numbered_from = numbered_from
        self.running = ""
        self.y = 0.0

    def new_page(self, landscape: bool = False) -> None:
        if self.page:
            self.c.showPage()
        self.page += 1
        self.size = (A4[1], A4[0]) if landscape else A4
        self.c.setPageSize(self.size)
        self.y = self.size[1] - MARGIN
        if self.page >= self.numbered_from:
            n = self.page - self.numbered_from + 1
            self.text(self.footer.format(n), self.size[0] / 2, 28, 10.5, align="center")
        if self.running:
            self.text(self.running, self.size[0] / 2, self.size[1] - 30, 10.5, align="center")

    @property
    def width(self) -> float:
        return self.size[0] - 2 * MARGIN

    def text(self, s: str, x: float, y: float, size: float, align: str = "left", bold: bool = False) -> None:
        w = _width(s, size)
        x = x - w / 2 if align == "center" else x - w if align == "right" else x
        t = self.c.beginText(x, y)
        t.setFont(FONT, size)
        if bold:
            t.setTextRenderMode(2)
            self.c.setLineWidth(0.35)
        t.textOut(s)
        self.c.drawText(t)
        if bold:
            self.c.setLineWidth(0.6)

    def room(self) -> float:
        return self.y - MARGIN

    def bytes(self) -> bytes:
        self.c.showPage()
        self.c.save()
        return self.buf.getvalue()


# ---------------------------------------------------------------- narrative


def _tokens(text: str) -> list[tuple[int, str]]:
    """Break opportunities: every CJK character, Latin/digit runs kept whole; with their offsets."""
    out, i = [], 0
    while i < len(text):
        m = LATIN_RUN.match(text, i)
        j = m.end() if m else i + 1
        out.append((i, text[i:j]))
        i = j
    return out


def _tok_width(tok: str, size: float, split: bool) -> float:
    latin = split and LATIN_RUN.fullmatch(tok)
    return _width(tok, size, LATIN if latin else FONT)


def _wrap(text: str, width: float, size: float, split: bool, indent: float = 0.0) -> list[tuple[int, str]]:
    """Greedy line breaking with hanging closing punctuation; returns (offset, line) pairs."""
    lines, cur, start, x = [], "", 0, indent
    for off, tok in _tokens(text):
        w = _tok_width(tok, size, split)
        if cur and x + w > width and tok[0] not in NO_LINE_START:
            carry = cur[-1] if cur[-1] in NO_LINE_END and len(cur) > 1 else ""
            lines.append((start, cur[: len(cur) - len(carry)]))
            cur, start, x = carry, off - len(carry), _tok_width(carry, size, split) if carry else 0.0
        if not cur:
            start = off
        cur += tok
        x += w
    if cur:
        lines.append((start, cur))
    return lines


def _draw_line(pdf: _Pdf, s: str, x: float, y: float, size: float, split: bool, bold: bool = False,
               center: bool = False) -> None:
    """One printed line; with split_digits its Latin runs go to Helvetica, raised by RISE."""
    if not split:
        pdf.text(s, x, y, size, align="center" if center else "left", bold=bold)
        return
    toks = [tok for _, tok in _tokens(s)]
    if center:
        x -= sum(_tok_width(tok, size, True) for tok in toks) / 2
    t = pdf.c.beginText(x, y)
    if bold:
        t.setTextRenderMode(2)
        pdf.c.setLineWidth(0.35)
    for tok in toks:
        latin = LATIN_RUN.fullmatch(tok)
        t.setFont(LATIN if latin else FONT, size)
        t.setRise(RISE if latin else 0)
        t.textOut(tok)
    pdf.c.drawText(t)
    pdf.c.setLineWidth(0.6)


def _paragraph(pdf: _Pdf, b: Block, pages: dict[str, int], split: bool, indent_chars: int = 2,
               bold: bool = False) -> None:
    indent = BODY * indent_chars
    lines = _wrap(b.text, pdf.width, BODY, split, indent)
    line_pages = []
    for i, (_, s) in enumerate(lines):
        if pdf.y - LEADING < MARGIN:
            pdf.new_page()
        pdf.y -= LEADING
        _draw_line(pdf, s, MARGIN + (indent if i == 0 else 0), pdf.y, BODY, split, bold)
        line_pages.append(pdf.page)
    for f in b.facts:
        idx = max(i for i, (off, _) in enumerate(lines) if off <= f.offset)
        pages[f.id] = line_pages[idx]


def _narrative(pdf: _Pdf, blocks: list[Block], pages: dict[str, int], split: bool) -> None:
    for b in blocks:
        if b.kind == "part":
            pdf.new_page()
            pdf.y -= 20
            for _, s in _wrap(b.text, pdf.width, 18, split):
                pdf.y -= 30
                _draw_line(pdf, s, pdf.size[0] / 2, pdf.y, 18, split, bold=True, center=True)
            pdf.y -= 12
        elif b.kind in ("h1", "h2"):
            if pdf.room() < LEADING * 4:
                pdf.new_page()
            _paragraph(pdf, b, pages, split, indent_chars=2 if b.kind == "h2" else 0, bold=b.kind == "h1")
        elif b.kind == "p":
            _paragraph(pdf, b, pages, split)
        else:
            _units_grid(pdf, b.rows)


def _units_grid(pdf: _Pdf, rows: list[list[str]]) -> None:
    """The 单位构成 list of the 概况 part: a small ruled grid."""
    widths = [0.12, 0.68, 0.2]
    h = 24.0
    if pdf.room() < h * 3:
        pdf.new_page()
    pdf.y -= 10
    for r, row in enumerate(rows):
        if pdf.room() < h:
            pdf.new_page()
        top, x = pdf.y, MARGIN
        for w, s in zip(widths, row):
            cw = pdf.width * w
            pdf.c.rect(x, top - h, cw, h)
            pdf.text(s, x + cw / 2 if r == 0 or w < 0.2 else x + 6, top - h + 8, 12,
                     align="center" if r == 0 or w < 0.2 else "left")
            x += cw
        pdf.y = top - h


# ---------------------------------------------------------------- tables


@dataclass
class _Box:
    """One drawn grid cell (rows and cols are half-open index ranges); `right` is drawn right-aligned."""

    r0: int
    r1: int
    c0: int
    c1: int
    text: str
    align: str       # left | right | center
    size: float = CELL
    right: tuple[str, ...] = ()


def _header_boxes(table: Table) -> tuple[int, list[_Box]]:
    """Merged header cells from the column paths: equal prefixes merge across, None merges down."""
    depth = max(len(c.path) for c in table.columns)
    paths = [tuple(c.path) + (None,) * (depth - len(c.path)) for c in table.columns]
    boxes = []
    for level in range(depth):
        c = 0
        while c < len(paths):
            if paths[c][level] is None:
                c += 1
                continue
            end = c + 1
            while end < len(paths) and paths[end][: level + 1] == paths[c][: level + 1]:
                end += 1
            down = level + 1
            while down < depth and paths[c][down] is None:
                down += 1
            boxes.append(_Box(level, down, c, end, paths[c][level], "center"))
            c = end
    return depth, boxes


def _body_boxes(table: Table, r: int) -> list[_Box]:
    """A body row's cells; a merged row's label covers its code columns (label in the first one)."""
    row, cols = table.rows[r], table.columns
    boxes, c = [], 0
    while c < len(cols):
        if row.merged and cols[c].role == "code":
            end = c
            while cols[end].role == "code":
                end += 1
            boxes.append(_Box(0, 1, c, end + 1, row.cells[end], "center"))
            c = end + 1
            continue
        boxes.append(_Box(0, 1, c, c + 1, row.cells[c], "right" if cols[c].role == "value" else "left"))
        c += 1
    return boxes


def _cell_lines(text: str, width: float, size: float, balanced: bool = False) -> list[str]:
    """A cell's lines; header labels (balanced) split into equal halves the way spreadsheets print them."""
    lines = [s for _, s in _wrap(text, width - 6, size, False)] or [""]
    if balanced and len(lines) > 1:
        n = -(-len(text) // len(lines))
        lines = [text[i:i + n] for i in range(0, len(text), n)]
    return lines


def _need(b: _Box, xs: list[float]) -> float:
    lines = _cell_lines(b.text, xs[b.c1] - xs[b.c0], b.size, b.align == "center")
    return max(len(lines), len(b.right)) * (b.size + 3) + 8


@dataclass
class _Grid:
    """Column positions and every box of one table, measured once."""

    xs: list[float]
    lead: list[_Box]          # caption_in_grid rows (title, 部门 / 单位) above the header
    lead_h: list[float]
    head: list[_Box]
    head_h: list[float]
    rows: list[list[_Box]]
    row_h: list[float]


def _measure(table: Table, width: float, lead: list[_Box]) -> _Grid:
    total = sum(c.width for c in table.columns)
    xs = [MARGIN]
    for c in table.columns:
        xs.append(xs[-1] + width * c.width / total)
    depth, head = _header_boxes(table)
    head_h = [20.0] * depth
    for b in sorted(head, key=lambda b: b.r1 - b.r0):
        have = sum(head_h[b.r0:b.r1])
        if _need(b, xs) > have:
            head_h[b.r1 - 1] += _need(b, xs) - have
    rows = [_body_boxes(table, r) for r in range(len(table.rows))]
    row_h = [max([18.0] + [_need(b, xs) for b in boxes]) for boxes in rows]
    return _Grid(xs, lead, [_need(b, xs) + 4 for b in lead], head, head_h, rows, row_h)


def _draw_band(pdf: _Pdf, g: _Grid, boxes: list[_Box], heights: list[float], ruled: bool) -> None:
    """Draw boxes whose rows have the given heights, starting at pdf.y; moves pdf.y below them."""
    tops = [pdf.y]
    for h in heights:
        tops.append(tops[-1] - h)
    for b in boxes:
        x0, x1, y0, y1 = g.xs[b.c0], g.xs[b.c1], tops[b.r1], tops[b.r0]
        if ruled:
            pdf.c.rect(x0, y0, x1 - x0, y1 - y0)
        lines = _cell_lines(b.text, x1 - x0, b.size, b.align == "center")
        step = b.size + 3
        y = (y0 + y1) / 2 + len(lines) * step / 2 - b.size + 1
        for s in lines:
            x = {"left": x0 + 3, "right": x1 - 3, "center": (x0 + x1) / 2}[b.align]
            pdf.text(s, x, y, b.size, align=b.align)
            y -= step
        y = (y0 + y1) / 2 + len(b.right) * step / 2 - b.size + 1
        for s in b.right:
            pdf.text(s, x1 - 4, y, b.size, align="right")
            y -= step
    pdf.y = tops[-1]


class _Tables:
    """Lays the tables out page by page, applying the plan's hazards, and records where each landed."""

    def __init__(self, pdf: _Pdf, spec: DisclosureSpec, plan: _Plan, pages: dict[str, int]):
        self.pdf, self.spec, self.plan, self.pages = pdf, spec, plan, pages
        self.placed: list[PlacedTable] = []

    def dept_caption(self) -> str:
        return f"{self.spec.caption_dept}{self.spec.dept.name}" if self.spec.caption_dept else ""

    def heading_height(self, t: Table, title: bool, captions: bool) -> float:
        code = 14 if self.plan.codes[t.key] else 0
        return code + (30 if title else 0) + (22 + 13 * max(0, len(self.plan.unit_lines[t.key]) - 1) if captions else 0) + 6

    def heading(self, t: Table, title: bool, captions: bool) -> None:
        """Code, title and the 部门 / 单位 caption line from pdf.y downwards."""
        pdf = self.pdf
        code = self.plan.codes[t.key]
        if code:
            pdf.y -= 14
            pdf.text(code, MARGIN, pdf.y, 10.5, bold=True)
        if title:
            pdf.y -= 30
            pdf.text(t.title, pdf.size[0] / 2, pdf.y, 17, align="center", bold=True)
        if captions:
            pdf.y -= 22
            if self.dept_caption():
                pdf.text(self.dept_caption(), MARGIN, pdf.y, 10.5)
            unit = self.plan.unit_lines[t.key]
            for i, s in enumerate(unit):
                pdf.text(s, pdf.size[0] - MARGIN, pdf.y - 13 * i, 10.5, align="right")
            pdf.y -= 13 * max(0, len(unit) - 1)
        pdf.y -= 6

    def draw(self, t: Table, part_heading: str = "") -> None:
        plan, pdf = self.plan, self.pdf
        in_grid = plan.has("caption_in_grid")
        where = plan.title_where[t.key]
        used = sum(p.title_where == "prev_page" for p in self.placed)
        if (t.key in plan.prev_page and used < 2 and pdf.page and not part_heading
                and pdf.room() > self.heading_height(t, True, not in_grid) + 20):
            where = "prev_page"
        unit = plan.unit_lines[t.key]
        placed = PlacedTable(t.key, t.title, plan.codes[t.key], unit, t.unit if unit else "", where, 0,
                             ruled=not plan.has("no_rules"), stray=plan.stray.get(t.key, ""))
        if where == "prev_page":
            placed.title_page = pdf.page
            pdf.y = MARGIN + self.heading_height(t, True, not in_grid)
            self.heading(t, True, not in_grid)
        pdf.running = t.title if where == "header" else ""
        pdf.new_page(t.landscape)
        if part_heading:
            pdf.y -= 22
            pdf.text(part_heading, pdf.size[0] / 2, pdf.y, 16, align="center", bold=True)
            pdf.y -= 4
        if where != "prev_page":
            placed.title_page = pdf.page
            self.heading(t, where == "above", not in_grid)
        if placed.stray:
            pdf.y -= 16
            pdf.text(placed.stray, MARGIN, pdf.y, 10.5)
            pdf.y -= 6
        n = len(t.columns)
        lead = [_Box(0, 1, 0, n, t.title, "center", 14.0)] if where == "grid" else []
        if in_grid and (self.dept_caption() or unit):
            lead.append(_Box(len(lead), len(lead) + 1, 0, n, self.dept_caption(), "left", 10.5, tuple(unit)))
        self.grid(t, _measure(t, pdf.width, lead), placed)
        pdf.running = ""
        self.placed.append(placed)

    def grid(self, t: Table, g: _Grid, placed: PlacedTable) -> None:
        """Body rows page by page with the header repeated; notes under the last row."""
        pdf = self.pdf
        notes = [s for s in (t.note, t.empty_note) if s]
        note_h = sum(len(_wrap(s, pdf.width, 10.5, False)) * 15 for s in notes) + 6
        r = 0
        while True:
            if r == 0 and g.lead:
                _draw_band(pdf, g, g.lead, g.lead_h, placed.ruled)
            _draw_band(pdf, g, g.head, g.head_h, placed.ruled)
            room = pdf.y - MARGIN - 10
            end = r
            while end < len(t.rows) and room - g.row_h[end] >= 0:
                room -= g.row_h[end]
                end += 1
            if end == len(t.rows) and room < note_h and end - r > 1:
                end -= 1
            for i in range(r, end):
                _draw_band(pdf, g, g.rows[i], [g.row_h[i]], placed.ruled)
                for c, col in enumerate(t.columns):
                    if col.role == "value":
                        self.pages[f"{t.key}:{i}:{c}"] = pdf.page
            placed.grid_pages.append(pdf.page)
            r = end
            if r >= len(t.rows):
                break
            pdf.new_page(t.landscape)
        for s in notes:
            for _, line in _wrap(s, pdf.width, 10.5, False):
                pdf.y -= 15
                pdf.text(line, MARGIN, pdf.y, 10.5)


# ---------------------------------------------------------------- the document


def _cover(pdf: _Pdf, spec: DisclosureSpec, short: bool) -> None:
    pdf.new_page()
    mid = pdf.size[0] / 2
    if short:
        pdf.text(f"{spec.dept.cover_short}{spec.year}年{spec.scope}{spec.kind}", mid, 560, 26, align="center", bold=True)
    else:
        pdf.text(spec.dept.name, mid, 580, 26, align="center", bold=True)
        pdf.text(spec.title, mid, 535, 26, align="center", bold=True)
    pdf.text(f"{_cn_year(spec.year + (1 if spec.kind == '决算' else 0))}年", mid, 180, 16, align="center")


def _cn_year(year: int) -> str:
    return "".join("〇一二三四五六七八九"[int(d)] for d in str(year))


def _contents(pdf: _Pdf, lines: list[str]) -> None:
    pdf.new_page()
    pdf.y -= 30
    pdf.text("目  录", pdf.size[0] / 2, pdf.y, 20, align="center", bold=True)
    pdf.y -= 14
    for s in lines:
        part = s.startswith("第")
        for _, line in _wrap(s, pdf.width - 30, 14, False):
            if pdf.room() < 24:
                pdf.new_page()
            pdf.y -= 24
            pdf.text(line, MARGIN + (0 if part else 28), pdf.y, 14, bold=part)


def render(spec: DisclosureSpec, hazards: frozenset[str] = frozenset()) -> list[RenderedFile]:
    """The document as one PDF, or two with split_files (narrative, then the tables)."""
    unknown = set(hazards) - set(HAZARDS)
    if unknown:
        raise ValueError(f"unknown hazards: {sorted(unknown)}")
    plan = _plan(spec, frozenset(hazards))
    split = plan.has("split_digits")
    short = plan.has("short_name")
    base = f"{spec.dept.name}{spec.title}"
    pages: dict[str, int] = {}
    pdf = _Pdf(plan.footer, 99)
    pdf.c.setTitle(f"{spec.dept.cover_short}{spec.year}年{spec.scope}{spec.kind}" if short else base)
    _cover(pdf, spec, short)
    _contents(pdf, spec.contents)
    pdf.numbered_from = pdf.page + 1
    _narrative(pdf, spec.front, pages, split)
    if plan.has("split_files"):
        _narrative(pdf, [Block("part", spec.table_part), Block("p", "具体公开表样附后。")], pages, split)
        _narrative(pdf, spec.back, pages, split)
        narrative = RenderedFile(f"{base}.pdf", pdf.bytes(), pages)
        table_pages: dict[str, int] = {}
        tpdf = _Pdf(plan.footer, 1)
        tpdf.c.setTitle(f"{base}公开表")
        tables = _Tables(tpdf, spec, plan, table_pages)
        for t in spec.tables:
            tables.draw(t)
        return [narrative, RenderedFile(f"{base}公开表.pdf", tpdf.bytes(), table_pages, tables.placed)]
    tables = _Tables(pdf, spec, plan, pages)
    for i, t in enumerate(spec.tables):
        tables.draw(t, spec.table_part if i == 0 else "")
    _narrative(pdf, spec.back, pages, split)
    return [RenderedFile(f"{base}.pdf", pdf.bytes(), pages, tables.placed)]
