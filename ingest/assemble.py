"""Blocks (text lines and raw grids, from a PDF or a text export) -> a Document.

One code path for every source format: headings become sections, caption lines become a
table's title/code/unit, a grid at the top of a page with nothing printed before it continues
the previous table, notes attach to the table above them, and the department, year and
kind are read from the cover, the captions and, last, the file name (each recorded with its
source).
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from core.model import Block, Document, Grid, Section, Table, TextLine
from core.names import admin_chain, canonical_department, split_places
from core.text import chinese_number, clean_line, is_amount, match_key
from ingest.forms import project_table
from ingest.tables import NOTE_RE, TITLE_RE, build_table

HEADING_PATTERNS = [
    (1, re.compile(r"^第[一二三四五六七八九十]+部分")),
    (2, re.compile(r"^[一二三四五六七八九十]+[、.．]\s*\S")),
    (3, re.compile(r"^[(（][一二三四五六七八九十]+[)）]")),
    (4, re.compile(r"^\d{1,2}[、.．](?!\d)\s*\S")),
    (5, re.compile(r"^[(（]\d{1,2}[)）]")),
]
# the first heading of a numbered series ("一、", "（一）", "1.")
SERIES_START_RE = re.compile(r"^(?:一[、.．]|[(（]一[)）]|1[、.．](?!\d))")
PART_HEADING_RE = HEADING_PATTERNS[0][1]  # 第二部分 …: never a table's title, even when it ends in 表
EDGE_LINES = 2  # lines at the top and at the bottom of a page where running heads and stamps sit
CAPTION_FIELD_RE = re.compile(r"(?:部门名称|编制单位|单位名称|编制部门|部\s*门|金额单位|单位)\s*[:：]")
TABLE_CODE_RE = re.compile(r"公开\s*(\d{1,2})\s*表|公开表\s*([一二三四五六七八九十]+)|^表\s*([一二三四五六七八九十]+|\d{1,2})$")
UNIT_RE = re.compile(r"单位\s*[:：]\s*((?:万|亿|千)?\s*元)")
# "单位：万" with its "元" wrapped onto the next line
DANGLING_UNIT_RE = re.compile(r"单位\s*[:：]\s*(?:万|亿|千)$")
UNIT_TAIL_RE = re.compile(r"(?:万|亿|千)?元")
LONE_TABLE_WORD_RE = re.compile(r"附?表")
DEPT_CAPTION_RE = re.compile(
    r"(?:部门名称|编制单位|单位名称|预算主管部门|预算单位|编制部门|主管部门|填报单位|部\s*门)\s*[:：]\s*"
    r"(.+?)(?=\s*(?:金额)?单位\s*[:：]|\s*\d{4}\s*年|$)")
YEAR_RE = re.compile(r"((?:19|20)\d{2})\s*年")
UNNUMBERED_HEADING_RE = re.compile(r"(主要职能|机构设置|名词解释|编制说明|情况说明|部门概况|单位概况|预算说明|决算说明)$")
TITLE_LINE_RE = re.compile(
    r"^(?P<dept>.*?)\s*(?P<year>(?:19|20)\d{2})\s*年度?\s*(?:区级|省级|市级|县级)?\s*(?P<scope>部门|单位)?\s*(?P<kind>决算|预算)")
FURNITURE_RE = re.compile(r"^([-—–－\s]*\d{1,3}[-—–－\s]*|第\s*\d+\s*页(\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)$")
TOC_ENTRY_RE = re.compile(r"(\.{3,}|…{2,}|·{3,})\s*\d*$|\s\d{1,3}$")
# a line that opens with an amount continues a sentence: "…（项）支出" + "619.27万元，…"
AMOUNT_START_RE = re.compile(r"^\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|千元|元|%|％)")
# a line ending in an amount is a sentence, also when the unit wraps after 万/亿 ("…支出312.53万")
AMOUNT_AT_END_RE = re.compile(r"\S\s*\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元|%|％|万|亿)?$")
ADMIN_CHARS_RE = re.compile(r"[省市区县]")
RANK_WORD_RE = re.compile(r"(?:厅|局|委)$")  # the rank words one organ is called by at different levels
# a heading the national template prints with a full stop: a titled 说明/情况 with no figure in it
HEADING_FULL_STOP_RE = re.compile(r"^[^。；;，,\d]+(?:说明|情况)。$")
# a 科目 chain cut at the line's end ("4、社会保障和就业支出（类）行政事业单位养老支出（款）机" +
# "关事业单位基本养老保险缴费支出（项）。主要用于…"): the start of a sentence, not a heading
CUT_KEMU_CHAIN_RE = re.compile(r"[(（][类款][)）][^()（）]+$")
BRACKETED_SUFFIX_RE = re.compile(r"[(（](本级|本部|汇总|部门|单位)[)）]$")


class NotADisclosure(ValueError):
    """The file parsed, but no department and year of a budget disclosure could be found."""


@dataclass
class _OpenTable:
    captions: list[str]
    grid: Grid
    notes: list[str] = field(default_factory=list)
    page_end: int | None = None


def heading_level(text: str, markdown_level: int | None) -> int | None:
    """The outline level of a heading line, or None for running text."""
    if len(text) > 40 and markdown_level is None:
        return None
    if HEADING_FULL_STOP_RE.search(text):
        text = text[:-1]  # the template's "（二）“三公”经费财政拨款支出决算具体情况说明。"
    if markdown_level is None and (re.search(r"[。；;，,]", text) or re.search(r"[:：].{4,}", text)
                                   or AMOUNT_AT_END_RE.search(text) or CUT_KEMU_CHAIN_RE.search(text)):
        return None  # a sentence, or a wrapped line of one ("…提租补贴（项）支出 1235.41" + "万元，…")
    for level, pattern in HEADING_PATTERNS:
        if pattern.match(text):
            return level
    if len(text) <= 30 and UNNUMBERED_HEADING_RE.search(text) and not re.search(r"[，。；：:、]", text):
        return 2  # "上海市普陀区人民政府办公室（部门）主要职能", "名词解释"
    return 4 if markdown_level is not None and len(text) <= 40 else None


def normalise_title(text: str) -> str:
    """Drop the year prefix and spaces; keep the printed words and quotes."""
    t = clean_line(text)
    t = re.sub(r"^[一二三四五六七八九十]+[、.．]", "", t)
    t = re.sub(r"^(?:19|20)\d{2}\s*年度?", "", t)
    return t.replace('"', "“", 1).replace('"', "”", 1).strip()


def normalise_department(name: str) -> str:
    name = clean_line(name).strip("：:，, ")
    return BRACKETED_SUFFIX_RE.sub("", name).strip()


@dataclass
class Caption:
    title: str = ""
    raw_title: str = ""
    code: str = ""
    unit: str = ""
    unit_source: str = ""
    departments: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)


def parse_captions(lines: list[str]) -> Caption:
    """Title, 公开NN表 code, unit and department from the lines printed around a table."""
    cap = Caption()
    for line in join_wrapped_units(lines):
        if m := UNIT_RE.search(line):
            cap.unit, cap.unit_source = re.sub(r"\s", "", m.group(1)), line
        if m := DEPT_CAPTION_RE.search(line):
            dept = normalise_department(m.group(1))
            if dept and not dept.startswith(("万元", "元")):
                cap.departments.append(dept)
        if m := TABLE_CODE_RE.search(line):
            num = m.group(1) or m.group(2) or m.group(3)
            n = chinese_number(num)
            cap.code = f"公开{n:02d}表" if (m.group(1) or m.group(2)) and n else clean_line(m.group(0))
        for y in YEAR_RE.findall(line):
            cap.years.append(int(y))
        head = CAPTION_FIELD_RE.split(line)[0]
        head = TABLE_CODE_RE.sub("", head).strip()
        if head and TITLE_RE.search(head):
            cap.raw_title, cap.title = head, normalise_title(head)
    return cap


def join_wrapped_units(lines: list[str]) -> list[str]:
    """Caption lines with a unit wrapped after its first character ("单位：万" + "元") joined; a
    caption printed beside it (部门：…) may sit between the two."""
    out = list(lines)
    i = 0
    while i < len(out):
        tail = next((j for j in range(i + 1, min(i + 3, len(out))) if UNIT_TAIL_RE.fullmatch(out[j])), None)
        if DANGLING_UNIT_RE.search(out[i]) and tail is not None:
            out[i] += out.pop(tail)
        i += 1
    return out


def _table_category(title: str, context: str) -> str:
    if "绩效" in title or "绩效" in context or "附件" in context:
        return "performance"
    if re.search(r"收|支|三公|采购|结转|运行经费|统计表|预算表|决算表|总表", title):
        return "standard"
    return "other"


def _is_code_line(text: str) -> bool:
    """A line that prints only a table code ("公开01表", "公开表三")."""
    return bool(TABLE_CODE_RE.search(text)) and not TABLE_CODE_RE.sub("", text).strip(" ：:")


def grid_title(grid: Grid) -> str:
    """The table title printed inside the ruled area, if any (first non-empty line)."""
    for row in grid.cells[:3]:
        texts = [clean_line(c.split("\n")[0]) for c in row if c and c.strip()]
        if texts:
            for t in texts:
                head = CAPTION_FIELD_RE.split(t)[0]
                if TITLE_RE.search(head) and len(head) <= 60:
                    return normalise_title(head)
            return ""
    return ""


class _Assembler:
    def __init__(self, source: str, pages: int | None, furniture: set[str]):
        self.source = source
        self.pages = pages
        self.furniture = furniture
        self.sections: list[Section] = []
        self.tables: list[Table] = []
        self.heading_stack: list[tuple[float, str]] = []
        self.section_lines: list[str] = []
        self.section_length = 0  # characters in "\n".join(section_lines)
        self.section_page_starts: list[tuple[int, int]] = []
        self.section_start: tuple[int | None, int | None] = (None, None)
        self.pending: list[TextLine] = []  # lines since the last table or heading
        self.open: _OpenTable | None = None
        self.in_toc = False
        self.toc_page: int | None = None
        self.toc_entries: list[str] = []
        self.cover_lines: list[str] = []
        self.caption_departments: list[str] = []
        self.caption_years: list[int] = []
        self.last_grid_page: int | None = None
        self.text_since_grid = False
        self.heading_just_read: TextLine | None = None  # the previous block, when it was a heading

    # -- sections -------------------------------------------------------------------------
    def _flush_section(self) -> None:
        joined = "\n".join(self.section_lines)
        text = joined.strip()
        if text:
            path = [h for _, h in self.heading_stack] or [self.source]
            lead = len(joined) - len(joined.lstrip())
            self.sections.append(Section(heading_path=path, text=text,
                                         page=self.section_start[0], line=self.section_start[1],
                                         page_starts=[(max(o - lead, 0), p) for o, p in self.section_page_starts]))
        self.section_lines = []
        self.section_length = 0
        self.section_page_starts = []

    def _add_text(self, line: TextLine) -> None:
        if not self.section_lines:
            self.section_start = (line.page, line.line)
        wraps = (bool(self.section_lines) and line.page is not None
                 and not self.section_lines[-1].endswith(("。", "：", ":")))
        offset = self.section_length + (0 if wraps or not self.section_lines else 1)
        last_page = self.section_page_starts[-1][1] if self.section_page_starts else self.section_start[0]
        if self.section_lines and line.page is not None and line.page != last_page:
            self.section_page_starts.append((offset, line.page))
        if wraps:
            self.section_lines[-1] += line.text  # PDF lines wrap mid-sentence
        else:
            self.section_lines.append(line.text)
        self.section_length = offset + len(line.text)

    def _heading(self, level: int, text: str, line: TextLine) -> None:
        untexted = not self.section_lines
        self._flush_section()
        top = self.heading_stack[-1] if self.heading_stack else None
        if untexted and top is not None and top[0] == level and SERIES_START_RE.match(text) and \
                not any(p.match(top[1]) for _, p in HEADING_PATTERNS):
            # "…项目经费情况说明" then "一、项目概述": a title's own sections, numbered from 一
            # under it (not its siblings: the project they describe is in its title only)
            self.heading_stack[-1] = (level - 0.5, top[1])
        while self.heading_stack and self.heading_stack[-1][0] >= level:
            self.heading_stack.pop()
        self.heading_stack.append((level, text))
        self.section_start = (line.page, line.line)
        self.heading_just_read = line

    def _unread_heading(self, line: TextLine) -> None:
        """The numbered line before ``line`` began a sentence that wrapped before its amount
        ("1．一般公共服务支出（类）…（项）支出" + "619.27万元，…"): it is running text."""
        _, head = self.heading_stack.pop()
        self._add_text(TextLine(head + line.text, self.section_start[0], self.section_start[1]))

    def _release_pending(self) -> None:
        """Lines that turned out not to caption a table are running text."""
        for pl in self.pending:
            self._add_text(pl)
        self.pending = []

    def _release_pending_before_title(self) -> None:
        """A new title: lines pending before it are running text, except the 公开NN表 code
        printed on its own line right above the title (a lone 表 may sit between), which
        captions the same table."""
        codes = 0
        while codes < len(self.pending) and (_is_code_line(self.pending[-1 - codes].text)
                                             or LONE_TABLE_WORD_RE.fullmatch(self.pending[-1 - codes].text)):
            codes += 1
        keep = self.pending[len(self.pending) - codes:]
        self.pending = self.pending[:len(self.pending) - codes]
        self._release_pending()
        self.pending = keep

    # -- tables ---------------------------------------------------------------------------
    def _close_table(self) -> None:
        if self.open is None:
            return
        ot, self.open = self.open, None
        built = build_table(ot.grid)
        cap = parse_captions(ot.captions + built.captions)
        self.caption_departments += cap.departments
        self.caption_years += cap.years
        notes = ot.notes + built.notes
        if not built.columns or (not built.rows and not TITLE_RE.search(cap.title or "")):
            for row in ot.grid.cells:  # a stray grid (a signature line): keep its words
                text = " ".join(c for c in row if c)
                if text.strip():
                    self._add_text(TextLine(clean_line(text), ot.grid.page, ot.grid.line))
            return
        title = cap.title or (self.heading_stack[-1][1] if self.heading_stack else "")
        table = Table(
            title=title, raw_title=cap.raw_title or title, columns=built.columns, rows=built.rows,
            code=cap.code, unit=cap.unit, unit_source=cap.unit_source,
            page_start=ot.grid.page, page_end=ot.page_end or ot.grid.page, line=ot.grid.line,
            category=_table_category(title, " ".join(h for _, h in self.heading_stack)), note=" ".join(notes), warnings=list(built.warnings))
        if not table.unit and table.category == "standard":
            table.warnings.append("未找到本表金额单位，数值不换算为元")
        self.tables.append(table)
        if table.category == "performance":
            projects = project_table(ot.grid, table)
            if projects is not None:
                self.tables.append(projects)

    def _repeats_open_title(self, lines: list[str]) -> bool:
        """The lines title the open table again (a title repeated over its continuation pages)."""
        if self.open is None:
            return False
        title = parse_captions(lines).title
        return bool(title) and title == (parse_captions(self.open.captions).title or grid_title(self.open.grid))

    def _start_or_continue(self, grid: Grid) -> None:
        top_of_page = grid.page is not None and grid.page != self.last_grid_page
        title = grid_title(grid)
        repeated_title = self.open is not None and title and title == grid_title(self.open.grid)
        continues = (self.open is not None and not self.open.notes
                     and (not self.pending or self._repeats_open_title([pl.text for pl in self.pending]))
                     and (repeated_title or not title)
                     and not self.text_since_grid and grid.page is not None
                     and self.open.page_end is not None and grid.page == self.open.page_end + 1
                     and top_of_page)
        if continues and self._append_rows(grid):
            self.open.page_end = grid.page
        else:
            self._close_table()
            captions = [pl.text for pl in self.pending[-8:]]
            self._release_pending_before_captions()
            self.open = _OpenTable(captions=captions, grid=grid, page_end=grid.page)
        self.pending = []
        self.last_grid_page = grid.page
        self.text_since_grid = False

    def _release_pending_before_captions(self) -> None:
        for pl in self.pending[:-8]:
            self._add_text(pl)

    def _append_rows(self, grid: Grid) -> bool:
        """Stitch a continuation. A narrower grid skips the open grid's empty columns where it has
        as many as it lacks (a page drawn with a blank margin column); else it is right-aligned
        (merged code columns)."""
        assert self.open is not None
        target = max(len(r) for r in self.open.grid.cells)
        width = max(len(r) for r in grid.cells)
        if width > target:
            return False
        empty = _empty_columns(self.open.grid.cells, target)
        for row, page, line in zip(grid.cells, grid.row_pages or [grid.page] * len(grid.cells),
                                   grid.row_lines or [grid.line] * len(grid.cells)):
            if len(row) < target and row and len(empty) == target - len(row):
                cells = iter(row)
                row = [None if c in empty else next(cells) for c in range(target)]
            elif len(row) < target and row:
                row = [row[0]] + [None] * (target - len(row)) + list(row[1:])
            self.open.grid.cells.append(row)
            self.open.grid.row_pages.append(page)
            self.open.grid.row_lines.append(line)
        return True

    # -- driver ---------------------------------------------------------------------------
    def feed(self, block: Block) -> None:
        after_heading, self.heading_just_read = self.heading_just_read, None
        if isinstance(block, Grid):
            self._feed_grid(block)
            return
        text = clean_line(block.text)
        if not text or match_key(text) in self.furniture or FURNITURE_RE.match(text):
            return
        line = TextLine(text, block.page, block.line, block.heading_level)
        if self._takes_toc_line(line):
            return
        if len(self.cover_lines) < 12:
            self.cover_lines.append(text)
        if self.open is not None and (NOTE_RE.match(text) or (self.open.notes and not self.pending)
                                      and "本表" in text):
            self.open.notes.append(text)
            return
        if self._takes_caption(line):
            return
        self.text_since_grid = True
        if after_heading is not None and AMOUNT_START_RE.match(text):
            self._unread_heading(line)
            return
        level = heading_level(text, block.heading_level)
        if level is not None:
            self._close_table()
            if level > 1:  # a title printed in the page's header band sits above a part heading
                self._release_pending()
            if (not self.section_lines and self.heading_stack and UNNUMBERED_HEADING_RE.search(text)
                    and not any(p.match(text) for _, p in HEADING_PATTERNS)
                    and not UNNUMBERED_HEADING_RE.search(self.heading_stack[-1][1])):
                # a numbered heading wrapped onto a second line ("…支出预算" + "情况说明")
                lvl, head = self.heading_stack.pop()
                self.heading_stack.append((lvl, head + text))
                return
            self._heading(level, text, line)
            return
        if UNIT_RE.search(text) or TABLE_CODE_RE.search(text):
            self.pending.append(line)
            return
        self._close_table()
        self._release_pending()
        self._add_text(line)

    def _feed_grid(self, grid: Grid) -> None:
        """A grid without amounts inside a contents list is contents entries, not a table."""
        if not grid.row_pages:
            grid.row_pages = [grid.page] * len(grid.cells)
            grid.row_lines = [grid.line] * len(grid.cells)
        if self.in_toc and not any(is_amount(c) and not c.isdigit() for r in grid.cells for c in r):
            for row in grid.cells:
                self.feed(TextLine(" ".join(c for c in row if c), grid.page, grid.line))
            return
        self.in_toc = False
        self._start_or_continue(grid)

    def _takes_toc_line(self, line: TextLine) -> bool:
        """Contents entries are neither headings nor running text: they are only collected."""
        text = line.text
        if match_key(text) in ("目录", "目次"):
            self.in_toc, self.toc_page = True, line.page
            return True
        if self.in_toc and line.page is not None and self.toc_page is not None and (
                line.page > self.toc_page + 1 or line.page > self.toc_page and not _toc_entry(text)):
            # a contents list does not run past the next page, nor onto it but in entries (page
            # numbers, leaders, or a numbered short title): the body begins ("…主要职能" after a
            # list without page numbers)
            self.in_toc = False
        if self.in_toc:
            key = match_key(re.sub(r"[\d\s.…·]+$", "", TOC_ENTRY_RE.sub("", text)))
            if self.toc_entries and key == self.toc_entries[0] or len(self.toc_entries) > 80:
                self.in_toc = False
            else:
                self.toc_entries.append(key)
                return True
        return False

    def _takes_caption(self, line: TextLine) -> bool:
        """Code, title, department and unit lines wait in ``pending`` for the grid they caption."""
        text = line.text
        if TABLE_CODE_RE.search(text) and len(text) <= 30:
            self.pending.append(line)
            return True
        if TITLE_RE.search(text) and len(text) <= 60 and "。" not in text and not PART_HEADING_RE.match(text):
            if not self._repeats_open_title([text]):
                self._close_table()
                self._release_pending_before_title()
            self.pending.append(line)
            return True
        if self.pending and (_caption_part(text) or re.fullmatch(r"(?:19|20)\d{2}\s*年度?", text)
                             or LONE_TABLE_WORD_RE.fullmatch(text)):
            self.pending.append(line)
            return True
        return False

    def finish(self) -> tuple[list[Section], list[Table]]:
        self._close_table()
        self._release_pending()
        self._flush_section()
        return self.sections, self.tables


TOC_ORDINAL_RE = re.compile(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．])")


def _toc_entry(text: str) -> bool:
    """A line that reads as a contents entry: a page number or leader dots, or a numbered title
    short and without a full stop."""
    return bool(TOC_ENTRY_RE.search(text)) or bool(TOC_ORDINAL_RE.match(text.strip())) and "。" not in text \
        and len(text) <= 40


def find_furniture(blocks: list[Block]) -> set[str]:
    """Lines printed on many pages at the top or bottom (running heads, page stamps) are not
    content; a short line repeated inside the text ("一般性支出。" ending many paragraphs) is."""
    lines_by_page: dict[int, list[str]] = {}
    for b in blocks:
        if isinstance(b, TextLine) and b.page is not None:
            lines_by_page.setdefault(b.page, []).append(match_key(b.text))
    if len(lines_by_page) < 4:
        return set()
    pages_by_line: dict[str, set[int]] = {}
    for page, keys in lines_by_page.items():
        for k in keys[:EDGE_LINES] + keys[-EDGE_LINES:]:
            pages_by_line.setdefault(k, set()).add(page)
    return {k for k, ps in pages_by_line.items() if k and len(ps) >= max(3, len(lines_by_page) // 3)
            and not (_caption_part(k) or TITLE_RE.search(k))}


def _caption_part(line: str) -> bool:
    """A line with a table's code, department or unit, or the wrapped halves of a unit."""
    return bool(UNIT_RE.search(line) or DANGLING_UNIT_RE.search(line) or UNIT_TAIL_RE.fullmatch(line)
                or DEPT_CAPTION_RE.search(line) or TABLE_CODE_RE.search(line))


@dataclass
class Metadata:
    department: str
    year: int
    kind: str
    scope: str
    title: str
    aliases: list[str]
    sources: dict[str, str]


ORG_NAME_RE = re.compile(r"[\u4e00-\u9fff]{3,24}?(?:局|厅|委员会|办公室|办公厅|法院|检察院|院|中心|部|所|馆|站|委|办事处)"
                         r"(?=[^\u4e00-\u9fff]|是|为|主要|负责|的|本级|机关|$)")


def official_name(name: str, text: str) -> str:
    """The department's full name when ``name`` is a short form without its places ("区财政",
    "省法院", "社会福利院") and the body prints one full name that spells it out in order
    ("成都市武侯区财政局"); else ``name`` unchanged. A name already carrying its places stays."""
    places, org = split_places(canonical_department(name))
    if places and len(ADMIN_CHARS_RE.sub("", org)) >= 3:
        return name
    wanted = ADMIN_CHARS_RE.sub("", canonical_department(name))
    # (a rank word said short may be another: "省财政厅" on the cover of 重庆市财政局's, a 直辖市's 局)
    stem = RANK_WORD_RE.sub("", wanted)
    if len(stem) < 2:
        return name
    counts = Counter(m.group(0) for m in ORG_NAME_RE.finditer(clean_line(text)[:30000]))
    fits = [(n, c) for c, n in counts.items() if split_places(canonical_department(c))[0] and len(c) > len(name)
            and _spells_out(stem, canonical_department(c)) and (stem == wanted or RANK_WORD_RE.search(c))]
    if not fits:
        return name
    best = max(fits)
    # two different full names fit equally often: which one is meant is not clear
    return name if sum(1 for n, _ in fits if n == best[0]) > 1 else best[1]


def _spells_out(short: str, full: str) -> bool:
    """Every character of ``short`` appears in ``full``, in order (区财政 in 武侯区财政局)."""
    position = 0
    for ch in short:
        position = full.find(ch, position) + 1
        if not position:
            return False
    return True


def _title_fields(cover_lines: list[str]) -> tuple[str, int, str, str, str]:
    """The cover's title line ("XX局2024年部门决算"), which outranks every other source:
    department, year, kind, scope and the title itself, each empty when there is none."""
    windows = [clean_line(" ".join(cover_lines[i:i + n])) for i in range(len(cover_lines)) for n in (1, 2, 3)]
    matches = [(w, m) for w in windows if (m := TITLE_LINE_RE.search(w))]
    named = [(w, m) for w, m in matches if len(normalise_department(m.group("dept"))) >= 3
             and not re.match(r"第[一二三四五六七八九十]+部分", m.group("dept"))]
    if not matches:
        return "", 0, "", "", ""
    text, m = (named or matches)[0]
    title = text[m.start():m.end()] + text[m.end():].split(" ")[0]
    title_dept = normalise_department(re.sub(r"^.*?[:：]", "", m.group("dept")))
    return title_dept, int(m.group("year")), m.group("kind"), m.group("scope") or "", title


def _department(stem: str, file_m: re.Match | None, title_dept: str, cover_lines: list[str],
                caption_departments: list[str], all_text: str,
                sources: dict[str, str]) -> tuple[str, str, str]:
    """The department from the best source that names one (表头, 封面, 标题, 文件名), widened to
    the body's full name; also the cover's and the short name, which become aliases."""
    stem_parts = stem.split("_")
    dept_counts = Counter(caption_departments)
    department = ""
    if dept_counts:
        department, _ = dept_counts.most_common(1)[0]
        sources["department"] = "表头"
    cover_dept = ""
    for line in cover_lines:
        if m := DEPT_CAPTION_RE.search(line):
            cover_dept = normalise_department(m.group(1))
            break
    if not department and cover_dept:
        department, sources["department"] = cover_dept, "封面"
    if not department and title_dept and len(title_dept) >= 3:
        department, sources["department"] = title_dept, "标题"
    if not department and file_m and len(file_m.group("dept")) >= 3:
        department, sources["department"] = normalise_department(file_m.group("dept")), "文件名"
    if not department and len(stem_parts) > 1 and YEAR_RE.search(stem):
        department, sources["department"] = normalise_department(stem_parts[0]), "文件名"
    short_form = ""
    if department and (full := official_name(department, "\n".join(cover_lines) + "\n" + all_text)) != department:
        # the cover says "区财政", the body "XX市XX区财政局": the body's full name is the department
        short_form, department = department, full
        sources["department"] = f"正文（{sources.get('department', '')}为简称）"
    return department, cover_dept, short_form


def _year(title_year: int, caption_years: list[int], file_m: re.Match | None, stem: str,
          sources: dict[str, str]) -> int:
    """The year from the title, else the table captions, else the file name; 0 when none says."""
    if title_year:
        sources["year"] = "标题"
        return title_year
    year = 0
    if caption_years:
        year, sources["year"] = Counter(caption_years).most_common(1)[0][0], "表头"
    elif file_m:
        year, sources["year"] = int(file_m.group("year")), "文件名"
    elif m := YEAR_RE.search(stem):
        year, sources["year"] = int(m.group(1)), "文件名"
    return year


def _kind(title_kind: str, tables: list[Table], stem: str, all_text: str, sources: dict[str, str]) -> str:
    """决算 or 预算 from the title, else whichever the table names (or else the body) say more often."""
    if title_kind:
        sources["kind"] = "标题"
        return title_kind
    kind = ""
    titles = " ".join(t.title for t in tables) + stem
    js, ys = titles.count("决算"), titles.count("预算")
    if js or ys:
        kind, sources["kind"] = ("决算" if js > ys else "预算"), "表名"
    else:
        js, ys = all_text.count("决算"), all_text.count("预算")
        if js or ys:
            kind, sources["kind"] = ("决算" if js > ys else "预算"), "正文"
    return kind


def _aliases(department: str, names: set[str], file_m: re.Match | None, stem: str) -> list[str]:
    """Other names the document gives its department, so a question naming any of them finds it;
    bare place names ("南京市") and the department itself are left out."""
    aliases = set(names)
    stem_parts = stem.split("_")
    if file_m:
        aliases.add(normalise_department(file_m.group("dept")))
    if len(stem_parts) > 1:
        aliases.add(normalise_department(stem_parts[0]))
    return sorted(a for a in aliases if a and a != department and len(a) >= 3
                  and not re.fullmatch(r"(?:[\u4e00-\u9fff]{2,6}?[省市区县])+", a))


def detect_metadata(source: str, cover_lines: list[str], caption_departments: list[str],
                    caption_years: list[int], tables: list[Table], all_text: str) -> Metadata:
    """Department, year, kind (决算/预算) and scope (部门/单位), each with where it came from."""
    sources: dict[str, str] = {}
    stem = Path(source).stem
    title_dept, title_year, title_kind, title_scope, title = _title_fields(cover_lines)
    file_m = TITLE_LINE_RE.search(clean_line(stem.split("_")[-1]))
    department, cover_dept, short_form = _department(stem, file_m, title_dept, cover_lines,
                                                     caption_departments, all_text, sources)
    year = _year(title_year, caption_years, file_m, stem, sources)
    kind = _kind(title_kind, tables, stem, all_text, sources)
    scope = title_scope or ("单位" if re.search(r"单位(预算|决算)", stem + " " + title) else "部门")
    names = {normalise_department(d) for d in caption_departments} | {title_dept, cover_dept, short_form}
    aliases = _aliases(department, names, file_m, stem)
    if not department or not year or not kind:
        missing = [n for n, v in (("部门", department), ("年度", year), ("决算/预算", kind)) if not v]
        raise NotADisclosure(f"不是部门预算/决算公开文件：找不到{'、'.join(missing)}")
    if not title:
        title = f"{department}{year}年度{scope}{kind}"
    return Metadata(department, year, kind, scope, title, aliases, sources)


def assemble(blocks: list[Block], *, source: str, sha256: str, pages: int | None) -> Document:
    furniture = find_furniture(blocks)
    asm = _Assembler(source, pages, furniture)
    for block in blocks:
        asm.feed(block)
    sections, tables = asm.finish()
    all_text = "\n".join(s.text for s in sections)
    meta = detect_metadata(source, asm.cover_lines, asm.caption_departments, asm.caption_years,
                           tables, all_text)
    province, city, district = admin_chain(meta.department)
    return Document(doc_id=sha256[:16], source=source, sha256=sha256, department=meta.department,
                    year=meta.year, kind=meta.kind, scope=meta.scope, title=meta.title, pages=pages,
                    sections=sections, tables=tables, metadata_sources=meta.sources,
                    aliases=meta.aliases, province=province, city=city, district=district)


def _empty_columns(cells: list[list[str | None]], width: int) -> list[int]:
    """Columns no line of the grid writes in, title and caption lines (a single cell) aside."""
    lines = [r for r in cells if sum(1 for c in r if c not in (None, "")) > 1]
    return [c for c in range(width) if lines and all(c >= len(r) or r[c] in (None, "") for r in lines)]
