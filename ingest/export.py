"""Text, markdown and HTML exports -> blocks.

Exports of disclosures come as tab-separated tables between plain lines, markdown headings
and pipe tables, ``<b>`` fragments, and whole ``<table>`` HTML (with rowspan/colspan) either
on its own or embedded in a cell. Line numbers stand in for pages in citations. Every table is
counted against the file's ``CellBudget`` as it is read (see ingest/limits.py).
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from core.model import Block, Grid, TextLine
from ingest.limits import CellBudget, Refused, check_blocks

TAG_RE = re.compile(r"<[^>]+>")
MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*)$")
MD_SEPARATOR_RE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")
SPAN_RE = re.compile(r"\s*\+?\d+\s*")
# HTML's own ceiling: browsers read a larger colspan as 1000
MAX_COLSPAN = 1000
# where str.splitlines breaks a line
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# what opens and closes markup, and the spans whose text is no markup (a comment, a script, a style)
MARKUP_RE = re.compile(r"<!--|-->|</?(?:script|style)\b|<[a-z/!?]|[<>]")
OPAQUE_ENDS = {"<!--": "-->", "<script": "</script", "<style": "</style"}


def line_count(text: str) -> int:
    """The lines ``text.splitlines()`` would make, counted without making them."""
    return sum(map(text.count, LINE_BREAKS)) - text.count("\r\n") + 1


def strip_markup(text: str) -> str:
    """Inline markup to plain text: tags, bold markers, list bullets, entities."""
    text = TAG_RE.sub(" ", text)
    text = text.replace("**", "")
    return html.unescape(text).strip()


class _HTMLTables(HTMLParser):
    """Collects text lines and tables (rowspan/colspan expanded to None-covered cells)."""

    BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "title"}

    def __init__(self, budget: CellBudget) -> None:
        super().__init__(convert_charrefs=True)
        self.budget = budget
        self.blocks: list[tuple[str, object]] = []
        self.text: list[str] = []
        self.heading: int | None = None
        self.tables: list[list[list[tuple[str, int, int]]]] = []
        self.cell: list[str] | None = None
        self.span = (1, 1)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "table":
            self._flush_text()
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.budget.check(len(self.tables[-1]) + 1, 1)
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self.cell = []
            self.span = (span(a.get("rowspan"), "rowspan"), span(a.get("colspan"), "colspan"))
        elif tag in ("h1", "h2", "h3", "h4", "h5", "h6") and not self.tables:
            self._flush_text()
            self.heading = int(tag[1])
        elif tag in self.BLOCK_TAGS and not self.tables:
            self._flush_text()
        elif tag == "br" and self.cell is not None:
            self.cell.append("\n")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None and self.tables and self.tables[-1]:
            table = self.tables[-1]
            table[-1].append(("".join(self.cell).strip(), *self.span))
            self.budget.check(len(table), len(table[-1]))  # cells as read, before any span
            self.cell = None
        elif tag == "table" and self.tables:
            rows = self.tables.pop()
            grid = expand_spans(rows, self.budget)
            if self.tables and self.cell is not None:  # nested table inside a cell: flatten
                self.cell.append(" ".join(c for r in grid for c in r if c))
            else:
                self.blocks.append(("grid", grid))
                check_blocks(len(self.blocks), self.budget.limits)
        elif tag in self.BLOCK_TAGS and not self.tables:
            self._flush_text()

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)
        elif not self.tables:
            self.text.append(data)

    def _flush_text(self):
        text = "".join(self.text).strip()
        check_blocks(len(self.blocks) + line_count(text), self.budget.limits)
        for line in text.splitlines():
            if line.strip():
                self.blocks.append(("line", (line.strip(), self.heading)))
        self.text = []
        self.heading = None

    def close(self):
        super().close()
        self._flush_text()


def span(value: str | None, name: str) -> int:
    """A rowspan/colspan attribute (1 when absent). Anything but a positive integer refuses the
    file: a misread span would put every later cell of the table under the wrong column."""
    if value is None or not value.strip():
        return 1
    if not SPAN_RE.fullmatch(value) or int(value) < 1:
        raise Refused(f"HTML 表格的 {name}=\"{value[:20]}\" 不是正整数，无法确定单元格所在的行列")
    return int(value)


def expand_spans(rows: list[list[tuple[str, int, int]]], budget: CellBudget) -> list[list[str | None]]:
    """HTML rows with rowspan/colspan -> a rectangular grid, covered cells as None (as pdfplumber).

    As in a browser, a rowspan ends at the table's last row and a colspan at 1000; the grid is
    checked against the cell limits whenever it widens, before its cells are made."""
    grid: dict[tuple[int, int], str | None] = {}
    width = 0
    for r, row in enumerate(rows):
        c = 0
        for text, rowspan, colspan in row:
            while (r, c) in grid:
                c += 1
            rowspan, colspan = min(rowspan, len(rows) - r), min(colspan, MAX_COLSPAN)
            if c + colspan > width:
                width = c + colspan
                budget.check(len(rows), width)
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = text if dr == dc == 0 else None
            c += colspan
    height = max((r for r, _ in grid), default=-1) + 1
    budget.add(height, width)
    return [[grid.get((r, c), "") for c in range(width)] for r in range(height)]


def check_markup(text: str) -> None:
    """Refuse markup that the standard library's HTML parser (before Python 3.12.11 / 3.13.4)
    reads in quadratic time: a comment never closed, or a tag interrupted by another "<" before
    its ">" (200 kB of "<a" took it minutes). One pass over the tokens, so linear itself."""
    opaque_end, in_tag = None, False
    for match in MARKUP_RE.finditer(text.lower()):
        token = match.group()
        if opaque_end:
            opaque_end = None if token == opaque_end else opaque_end
        elif in_tag and token != ">":
            raise Refused("HTML 中有未闭合的标签（“<”之后缺少“>”），无法可靠解析")
        elif token in OPAQUE_ENDS:
            opaque_end, in_tag = OPAQUE_ENDS[token], token != "<!--"
        else:
            in_tag = token != ">" and token != "-->" and token != "<"
    if opaque_end == "-->" or in_tag:
        raise Refused("HTML 中有未闭合的注释或标签（缺少“-->”或“>”），无法可靠解析")


def read_html(text: str, budget: CellBudget) -> list[Block]:
    check_markup(text)
    parser = _HTMLTables(budget)
    try:
        parser.feed(text)
        parser.close()
    except AssertionError as exc:  # how the standard library's parser reports a malformed <!...>
        raise Refused("HTML 中有无法识别的 <! 声明，无法可靠解析") from exc
    blocks: list[Block] = []
    for n, (kind, payload) in enumerate(parser.blocks, start=1):
        if kind == "grid":
            blocks.append(Grid(cells=payload, line=n, row_lines=[n] * len(payload)))
        else:
            line, heading = payload
            blocks.append(TextLine(text=line, line=n, heading_level=heading))
    return blocks


def _cells(line: str) -> list[str]:
    """Split a table line into cells (tabs, or markdown pipes), flattening embedded HTML."""
    if "\t" in line:
        parts = line.split("\t")
    else:
        parts = line.strip().strip("|").split("|")
    return [strip_markup(p) for p in parts]


def _close(grid: Grid | None, budget: CellBudget) -> None:
    """Count a finished text table (padded to its widest row, as ingest/tables.py will)."""
    if grid is not None:
        budget.add(len(grid.cells), max(len(r) for r in grid.cells))


def read_text_export(text: str, budget: CellBudget) -> list[Block]:
    """Plain text / markdown export: tab or pipe tables, headings, embedded HTML tables."""
    # counted before the text is split: a line is an object however short it is
    check_blocks(line_count(text), budget.limits)
    blocks: list[Block] = []
    grid: Grid | None = None
    width = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        stripped = line.strip()
        if not stripped:
            continue  # blank lines inside a table do not end it
        if stripped.lower().startswith("<table") and "</table>" in stripped.lower() and "\t" not in line:
            _close(grid, budget)
            grid = None
            for b in read_html(stripped, budget):
                if isinstance(b, Grid):
                    b.line, b.row_lines = number, [number] * len(b.cells)
                else:
                    b.line = number
                blocks.append(b)
            continue
        is_pipe = stripped.startswith("|") and stripped.count("|") >= 2
        if "\t" in line or is_pipe:
            if is_pipe and MD_SEPARATOR_RE.match(stripped):
                continue
            if grid is None:
                grid, width = Grid(cells=[], line=number), 0
                blocks.append(grid)
            # checked before the line is split: one line of a million tabs is a million cells
            width = max(width, line.count("\t" if "\t" in line else "|") + 1)
            budget.check(len(grid.cells) + 1, width)
            grid.cells.append(_cells(line))
            grid.row_lines.append(number)
            grid.row_pages.append(None)
            continue
        _close(grid, budget)
        grid = None
        heading = None
        if m := MD_HEADING_RE.match(stripped):
            heading, stripped = len(m.group(1)), m.group(2)
        stripped = re.sub(r"^[-*+]\s+", "", stripped)
        plain = strip_markup(stripped)
        if plain:
            blocks.append(TextLine(text=plain, line=number, heading_level=heading))
    _close(grid, budget)
    return blocks
