"""Turn a raw grid (from pdfplumber or a text export) into column paths and logical rows.

Budget tables share a few shapes, whatever the province: merged multi-level headers, a
栏次 line of column numbers, 科目编码 split over 类|款|项 columns, several record groups
side by side (收入 | 支出), captions and notes inside the ruled area, and sub-headings such as
"二、机关运行经费" inside the body. Everything here is decided from the grid itself, never
from a known template, so unseen layouts degrade to fewer facts rather than wrong ones.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.model import Grid, Row
from core.text import clean_cell, clean_line, is_amount, match_key

CODE_RE = re.compile(r"^\d{3}(?:\d{2}){0,2}$")
CODE_PART_RE = re.compile(r"^\d{1,3}$")
ORDINAL_GROUP_RE = re.compile(r"^[一二三四五六七八九十]+、\S")
SUB_ORDINAL_RE = re.compile(r"^([(（][一二三四五六七八九十]+[)）]|\d{1,2}[.、．])")
# a title names something before its 表: a line holding only "表" or "附表" (a label printed by
# the grid) is no title
TITLE_RE = re.compile(r"(?:[^\s附]|\S附)表(?:[（(][^（()）]{1,12}[)）])?$")
CAPTION_RE = re.compile(
    r"(表(?:[（(][^（()）]{1,12}[)）])?$|^公开\s*\d+\s*表$|^公开表[一二三四五六七八九十]+$|^表[一二三四五六七八九十\d]+$"
    r"|单位\s*[:：]|部门\s*[:：]|编制|^\d{4}\s*年度?$|^部门名称|^单位名称)")
NOTE_RE = re.compile(r"^(注|说明|备注)\s*[:：\d]")
HEADER_WORD_RE = re.compile(r"项目|科目|名称|编码|代码|栏次|行次|金额|合计|预算数|决算数")
LABEL_HEADER_RE = re.compile(r"项目|名称|科目(?!编码|代码)|品目|用途")
CODE_HEADER_RE = re.compile(r"编码|代码|^类$|^款$|^项$")
SERIAL_HEADER_RE = re.compile(r"行次|序号|栏次")
UNIT_IN_LABEL_RE = re.compile(r"[(（]\s*(辆|台|套|台\s*[、,，/]\s*套|台（套）|个|人|人次|批次|%)\s*[)）]")
TOTAL_LABEL_RE = re.compile(r"^(合\s*计|总\s*计|小\s*计)$")


@dataclass
class BuiltTable:
    columns: list[str]
    rows: list[Row]
    captions: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    header_rows: int = 0


def _blank(cell: str | None) -> bool:
    return cell is None or cell == ""


def _is_int(cell: str | None) -> bool:
    return cell is not None and cell.isdigit() and len(cell) <= 3


def _is_colnum_row(row: list[str | None]) -> bool:
    """A 栏次 line: column numbers, or the 类/款/项 marker, nothing else."""
    texts = [c for c in row if not _blank(c)]
    if not texts:
        return False
    ints = [int(c) for c in texts if _is_int(c)]
    markers = [c for c in texts if c in ("栏次", "类", "款", "项")]
    if len(ints) + len(markers) != len(texts):
        return False
    if "栏次" in markers or set(markers) == {"类", "款", "项"}:
        return True
    return len(ints) >= 2 and ints == sorted(ints) and len(set(ints)) == len(ints)


def _is_caption_row(row: list[str | None]) -> bool:
    texts = [c for c in row if not _blank(c)]
    return bool(texts) and all(CAPTION_RE.search(t) for t in texts) and not any(is_amount(t) for t in texts)


def _is_note_row(row: list[str | None]) -> bool:
    texts = [c for c in row if not _blank(c)]
    return bool(texts) and bool(NOTE_RE.match(texts[0]))


def _is_group_row(row: list[str | None], next_row: list[str | None] | None) -> bool:
    """A sub-heading inside a table ("一、政府采购情况") that introduces the rows below it."""
    texts = [c for c in row if not _blank(c)]
    if len(texts) != 1 or not ORDINAL_GROUP_RE.match(texts[0]) or is_amount(texts[0]) or _blank(row[0]):
        return False
    if next_row is None:
        return False
    next_texts = [c for c in next_row if not _blank(c)]
    if not next_texts:
        return False
    if not any(is_amount(c) for c in next_texts) and all(HEADER_WORD_RE.search(c) or c.endswith("数")
                                                         for c in next_texts):
        return True  # followed by its own header line
    return bool(SUB_ORDINAL_RE.match(next_texts[0])) or bool(TOTAL_LABEL_RE.match(next_texts[0]))


def _is_data_row(row: list[str | None]) -> bool:
    texts = [c for c in row if not _blank(c)]
    if not texts:
        return False
    if any(is_amount(c) and not _is_int(c) for c in texts):
        return True
    if any(CODE_RE.match(c) for c in texts) and any(not is_amount(c) for c in texts):
        return True
    if TOTAL_LABEL_RE.match(texts[0]) and all(is_amount(c) or c in ("-", "—", "——") for c in texts[1:]):
        return True
    if all(is_amount(c) for c in texts) and not _is_colnum_row(row):
        return True  # a table without a label column: whole amounts ("95") under the header
    # a label followed by small integers: "(一) 车辆数合计(辆) | 7 | 25"
    return not HEADER_WORD_RE.search(texts[0]) and len(texts) >= 2 and all(_is_int(c) for c in texts[1:])


def _is_repeated_header(cells: list[str | None], roles: list[str]) -> bool:
    """A header line printed again inside the body (sub-tables, continuation pages)."""
    texts = [c for c in cells if not _blank(c)]
    if len(texts) < 2 or any(is_amount(c) for c in texts):
        return False
    value_texts = [cells[i] for i, r in enumerate(roles) if r == "value" and not _blank(cells[i])]
    return bool(value_texts) and all(HEADER_WORD_RE.search(c) or c.endswith("数") for c in value_texts)


def _header_paths(header: list[list[str | None]], ncols: int) -> list[str]:
    """Column paths from merged header rows: fill a blank right when it sits inside its left
    neighbour's span (same parent, sub-columns below), otherwise it is covered from above."""
    rows = [[None if (c is None or c == "" or _is_int(c)) else c for c in r] for r in header]
    filled: list[list[str | None]] = [list(r) for r in rows]
    for r, row in enumerate(rows):
        for c in range(ncols):
            if row[c] is not None or c == 0 or filled[r][c - 1] is None:
                continue
            parent = tuple(filled[k][c] for k in range(r))
            left_parent = tuple(filled[k][c - 1] for k in range(r))
            has_below = any(rows[k][c] is not None for k in range(r + 1, len(rows)))
            if parent == left_parent and has_below:
                filled[r][c] = filled[r][c - 1]
    paths = []
    for c in range(ncols):
        parts: list[str] = []
        for r in range(len(rows)):
            v = filled[r][c]
            if v and (not parts or parts[-1] != v):
                parts.append(v)
        paths.append("/".join(parts))
    return paths


def _role(path: str, body: list[str | None]) -> str:
    """code | label | serial | value, from the header leaf first and the body cells second."""
    leaf = path.rsplit("/", 1)[-1]
    cells = [c for c in body if not _blank(c)]
    if SERIAL_HEADER_RE.search(leaf):
        return "serial"
    if CODE_HEADER_RE.search(leaf):
        return "code"
    if LABEL_HEADER_RE.search(leaf) and not re.search(r"金额|数$|合计|小计|支出$|收入$", leaf):
        return "label"
    if not cells:
        return "value"
    textual = [c for c in cells if not is_amount(c) and c not in ("-", "—", "——", "/", "－")]
    if len(textual) >= max(1, len(cells) // 2):
        return "label"
    return "value"


def _repair_shifted_header(header: list[list[str | None]], roles: list[str], live: list[bool]) -> bool:
    """Some exports print the value headers one column left of their data (over the 科目名称
    column). Shift such a row right when the label column carries a value header and the last
    value column is left without one. Returns True when a row was moved."""
    label_cols = [i for i, r in enumerate(roles) if r == "label" and live[i]]
    value_cols = [i for i, r in enumerate(roles) if r == "value" and live[i]]
    if not label_cols or not value_cols or len(_split_groups([r for r, ok in zip(roles, live) if ok])) > 1:
        return False
    lc, last = label_cols[-1], value_cols[-1]
    if last < lc:
        return False
    moved = False
    for row in header:
        cell = row[lc]
        if (cell and not LABEL_HEADER_RE.search(cell) and not CODE_HEADER_RE.search(cell)
                and not _is_int(cell) and _blank(row[last])
                and all(not _blank(row[i]) for i in range(lc, last))):
            row[lc + 1:last + 1] = row[lc:last]
            row[lc] = None
            moved = True
    return moved


def _realign_to_repeated_blocks(header: list[list[str | None]]) -> bool:
    """A top header row with two labels (预算数 | 决算数) over a sub-header that repeats
    itself: put the second label where the repetition starts. Text exports sometimes drop one
    placeholder cell of a merged span, which would file every 预算数 cell under 决算数."""
    moved = False
    for r in range(len(header) - 1):
        top, below = header[r], header[r + 1]
        labels = [i for i, c in enumerate(top) if not _blank(c)]
        if len(labels) != 2:
            continue
        p1, p2 = labels
        for period in range(2, len(below) // 2 + 1):
            if period == p2 - p1 or p1 + 2 * period > len(below):
                continue
            block = below[p1:p1 + period]
            if block == below[p1 + period:p1 + 2 * period] and sum(not _blank(c) for c in block) >= 2 \
                    and abs(p1 + period - p2) <= 2 and _blank(top[p1 + period]):
                top[p1 + period], top[p2] = top[p2], None
                moved = True
                break
    return moved


def _split_groups(roles: list[str]) -> list[list[int]]:
    """Record groups side by side: a new group starts at a code/label column after a value."""
    groups: list[list[int]] = []
    seen_value = False
    for i, role in enumerate(roles):
        if role in ("code", "label") and (not groups or seen_value):
            groups.append([])
            seen_value = False
        if not groups:
            groups.append([])
        groups[-1].append(i)
        if role == "value":
            seen_value = True
    return groups


def _row_unit(label: str, group: str = "") -> str:
    """A unit the row states for itself: "车辆数合计(辆)"; rows under 国有资产占用情况 count
    vehicles (辆) and equipment (台套) even when only the first says so."""
    m = UNIT_IN_LABEL_RE.search(label)
    if m:
        unit = re.sub(r"\s", "", m.group(1))
        return "台套" if unit.startswith("台") and "套" in unit else unit
    if "资产占用" in group:
        if "车" in label:
            return "辆"
        if "设备" in label:
            return "台套"
    return ""


def _strip_captions_and_notes(grid: Grid, rows: list[list[str | None]], built: BuiltTable) -> list[int]:
    """Captions above the ruled body and notes below it are text, not rows: move them to
    ``built`` and return the indices of the non-empty rows left in between."""
    keep = [i for i, r in enumerate(rows) if any(not _blank(c) for c in r)]
    while keep and _is_caption_row(rows[keep[0]]):
        raw = grid.cells[keep.pop(0)]
        built.captions.extend(clean_line(x) for c in raw if c for x in c.split("\n") if x.strip())
    while keep and _is_note_row(rows[keep[-1]]):
        built.notes.insert(0, " ".join(c for c in rows[keep.pop()] if not _blank(c)))
    return keep


@dataclass
class _Layout:
    """Where a grid's header ends and its body begins, and what the header says besides paths."""
    header_idx: list[int]
    header: list[list[str | None]]
    body_idx: list[int]
    code_marked: set[int]  # columns a 科目编码 is split over
    initial_group: str  # a sub-heading above the first data row
    blank_body: bool  # an empty table ("本表无数据") printing one blank line under its header


def _split_header(rows: list[list[str | None]], keep: list[int]) -> _Layout:
    """Header: rows before the first data row, 栏次 lines dropped, a leading sub-heading kept
    aside; body: the rest, less the header lines repeated on continuation pages."""
    first_data = next((k for k, i in enumerate(keep) if _is_data_row(rows[i])), len(keep))
    header_idx = [i for i in keep[:first_data] if not _is_colnum_row(rows[i])]
    # a "类 | 款 | 项" line marks the columns a 科目编码 is split over
    code_marked = {c for i in keep[:first_data] if _is_colnum_row(rows[i])
                   for c, cell in enumerate(rows[i]) if cell in ("类", "款", "项")}
    initial_group = ""
    if header_idx and len(header_idx) > 1 and _is_group_row(rows[header_idx[0]], rows[header_idx[1]]):
        initial_group = next(c for c in rows[header_idx.pop(0)] if not _blank(c))
    header = [list(rows[i]) for i in header_idx]
    body_idx = keep[first_data:]
    # an empty table ("本表无数据") still prints one blank line under its header
    blank_body = not body_idx and any(all(_blank(c) for c in rows[i]) for i in range(len(rows))
                                      if header_idx and i > header_idx[-1])
    # header lines repeated on continuation pages are not data: leave them out before columns
    # are classified, or a blank column gets its role from its own header text
    header_keys = {tuple(match_key(c or "") for c in h) for h in header}
    body_idx = [i for i in body_idx if tuple(match_key(c or "") for c in rows[i]) not in header_keys
                and not _is_colnum_row(rows[i]) and not _is_caption_row(rows[i])]
    return _Layout(header_idx, header, body_idx, code_marked, initial_group, blank_body)


def _column_roles(paths: list[str], body_cols: list[list[str | None]], code_marked: set[int]) -> list[str]:
    """Each column's role from its path and body; a column marked 类/款/项 holds code parts."""
    return ["code" if c in code_marked else _role(paths[c], body_cols[c]) for c in range(len(body_cols))]


def _classify_columns(header: list[list[str | None]], body_cols: list[list[str | None]], code_marked: set[int],
                      built: BuiltTable) -> tuple[list[str], list[str]]:
    """Column paths and roles, after the header is realigned with the data under it; columns
    empty in the body and without a value header are "dead"."""
    ncols = len(body_cols)
    if _realign_to_repeated_blocks(header):
        built.warnings.append("表头上层标题未对齐其下重复的分栏，已按分栏起点对齐")
    paths = _header_paths(header, ncols)
    roles = _column_roles(paths, body_cols, code_marked)
    # drop columns empty in the body; hand their header to an unnamed neighbour on the right
    for c in range(ncols - 1):
        if all(_blank(x) for x in body_cols[c]) and roles[c] == "label" and not paths[c + 1] \
                and any(not _blank(x) for x in body_cols[c + 1]):
            for h in header:
                if _blank(h[c + 1]):
                    h[c + 1], h[c] = h[c], None
    has_body = [any(not _blank(x) for x in body_cols[c]) for c in range(ncols)]
    if _repair_shifted_header(header, roles, has_body):
        built.warnings.append("表头与数据错位一列，已按数据列对齐表头")
    paths = _header_paths(header, ncols)
    roles = _column_roles(paths, body_cols, code_marked)
    live = [c for c in range(ncols) if any(not _blank(x) for x in body_cols[c]) or
            (roles[c] == "value" and paths[c])]
    return paths, [r if c in live else "dead" for c, r in enumerate(roles)]


def _value_columns(groups: list[list[int]], roles: list[str], paths: list[str],
                   built: BuiltTable) -> tuple[list[int], dict[int, int]]:
    """The grid's value columns and, for each, its index in ``built.columns``: side-by-side
    groups with the same header ("公用经费/决算数" three times) share one column."""
    value_cols = [c for g in groups for c in g if roles[c] == "value"]
    col_index: dict[int, int] = {}
    for c in value_cols:
        if not paths[c]:
            built.warnings.append(f"第{c + 1}列有数据但没有表头，无法确定其含义")
        name = paths[c] or f"第{c + 1}列"
        if name not in built.columns:
            built.columns.append(name)
        col_index[c] = built.columns.index(name)
    return value_cols, col_index


def _label_and_code(label_parts: list[str], code_parts: list[str]) -> tuple[str, str]:
    """Join a row's label and 科目编码 parts; a code printed inside the label is split off."""
    label = "/".join(label_parts)
    # 款/项 parts are two digits; some PDFs lose the leading zero ("301 | 2" is 30102)
    code = "".join(p if k == 0 else p.zfill(2) for k, p in enumerate(code_parts))
    if not code and (m := re.match(r"^(\d{3}(?:\d{2}){0,2})\s*(\D.*)$", label)):
        code, label = m.group(1), m.group(2)
    return label, code


def _merged_tops_covered(cells: list[str | None], nxt: list[str | None] | None) -> list[str | None]:
    """A blank cell whose neighbour below is covered is the top of a merged cell (pdfplumber
    gives a merged cell's top "" and the rest None): read as covered too, so that the first
    line of an outline's group carries its parents' labels as the lines after it do."""
    if nxt is None:
        return cells
    return [None if cell == "" and c < len(nxt) and nxt[c] is None else cell for c, cell in enumerate(cells)]


@dataclass
class _BodyReader:
    """Reads body lines into rows, one list per side-by-side group; holds what carries from
    line to line: the current sub-heading and the labels of vertically merged cells."""
    roles: list[str]
    groups: list[list[int]]
    value_cols: list[int]
    col_index: dict[int, int]
    built: BuiltTable
    group_label: str
    prev_labels: dict[int, str] = field(default_factory=dict)
    by_group: list[list[Row]] = field(default_factory=list)

    def read(self, rows: list[list[str | None]], body_idx: list[int], pages: list, lines: list) -> list[Row]:
        """All body lines, then the rows of each group in turn."""
        self.by_group = [[] for _ in self.groups]
        for pos, i in enumerate(body_idx):
            cells = rows[i]
            nxt = rows[body_idx[pos + 1]] if pos + 1 < len(body_idx) else None
            if _is_group_row(cells, nxt):
                self.group_label = next(c for c in cells if not _blank(c))
            elif _is_repeated_header(cells, self.roles):
                self._take_sub_header(cells)
            else:
                self._read_line(_merged_tops_covered(cells, nxt), pages[i], lines[i])
        return [row for rows_of_group in self.by_group for row in rows_of_group]

    def _take_sub_header(self, cells: list[str | None]) -> None:
        """A sub-table's own header ("项目 | 统计数" after "项目 | 采购金额"): later rows use it."""
        columns = self.built.columns
        for c in self.value_cols:
            if not _blank(cells[c]) and cells[c] != columns[self.col_index[c]]:
                if cells[c] not in columns:
                    columns.append(cells[c])
                self.col_index[c] = columns.index(cells[c])

    def _read_line(self, cells: list[str | None], page: int | None, line: int | None) -> None:
        """One row per group of a body line; a label merged across groups goes to the values."""
        carried_label = ""
        blank_row_at: tuple[int, int] | None = None  # (group, index) of a row whose values are blank
        for gi, g in enumerate(self.groups):
            code_parts, label_parts, all_none = self._key_parts(g, cells)
            cells = self._amount_out_of_label(g, cells, label_parts)
            label, code = _label_and_code(label_parts, code_parts)
            values: list[str | None] = [None] * len(self.built.columns)
            for c in g:
                if self.roles[c] == "value":
                    values[self.col_index[c]] = cells[c]
            if not label and not code and any(not _blank(v) for v in values):
                # a label merged across groups: "公用经费合计 | | … | 134.29"
                if blank_row_at is not None:
                    merged_from = self.by_group[blank_row_at[0]].pop(blank_row_at[1])
                    label, code = merged_from.label, merged_from.code
                    blank_row_at = None
                elif all_none and carried_label:
                    label = carried_label
            carried_label = label or carried_label
            if all(v is None for v in values) or (not label and not code and all(_blank(v) for v in values)):
                continue
            if all(_blank(v) for v in values):
                blank_row_at = (gi, len(self.by_group[gi]))
            self.by_group[gi].append(Row(label=label, values=values, code=code, group=self.group_label,
                                         unit=_row_unit(label, self.group_label), page=page, line=line))

    def _key_parts(self, g: list[int], cells: list[str | None]) -> tuple[list[str], list[str], bool]:
        """The code and label parts of one group's cells, and whether all of them are None."""
        code_parts: list[str] = []
        label_parts: list[str] = []
        all_none = True
        for c in g:
            cell, role = cells[c], self.roles[c]
            if role not in ("code", "label"):
                continue
            if cell is not None:
                all_none = False
            if _blank(cell):
                if cell is None and role == "label" and c in self.prev_labels and c != g[-1] \
                        and any(self.roles[x] == "label" for x in g if x > c):
                    label_parts.append(self.prev_labels[c])  # vertically merged parent label
                continue
            if role == "code" and (CODE_RE.match(cell) or CODE_PART_RE.match(cell)):
                code_parts.append(cell)
            elif role == "code" and CODE_RE.match(cell.split(" ")[0]) and " " in cell:
                code, _, rest = cell.partition(" ")
                code_parts.append(code)
                label_parts.append(rest)
            else:
                label_parts.append(cell)
                if role == "label":
                    self.prev_labels[c] = cell
                    # an outline's new parent: the children carried under the old one end here
                    for deeper in [x for x in self.prev_labels if x > c]:
                        del self.prev_labels[deeper]
        return code_parts, label_parts, all_none

    def _amount_out_of_label(self, g: list[int], cells: list[str | None],
                             label_parts: list[str]) -> list[str | None]:
        """A text export dropped a merged placeholder and the amount slid into the label column:
        move it back to the group's last value column (on a copy of ``cells``)."""
        value_in_group = [c for c in g if self.roles[c] == "value"]
        if value_in_group and all(_blank(cells[c]) for c in value_in_group) \
                and label_parts and is_amount(label_parts[-1]) and "." in label_parts[-1]:
            cells = list(cells)
            cells[value_in_group[-1]] = label_parts.pop()
        return cells


def build_table(grid: Grid) -> BuiltTable:
    """Grid -> value columns and logical rows (see module docstring)."""
    ncols = max((len(r) for r in grid.cells), default=0)
    rows = [[clean_cell(c) for c in r] + [""] * (ncols - len(r)) for r in grid.cells]
    pages = grid.row_pages or [grid.page] * len(rows)
    lines = grid.row_lines or [grid.line] * len(rows)
    built = BuiltTable(columns=[], rows=[])
    keep = _strip_captions_and_notes(grid, rows, built)
    if not keep:
        return built
    layout = _split_header(rows, keep)
    built.header_rows = len(layout.header)
    body_cols = [[rows[i][c] for i in layout.body_idx] for c in range(ncols)]
    paths, roles = _classify_columns(layout.header, body_cols, layout.code_marked, built)
    groups = [[c for c in g if roles[c] != "dead"] for g in _split_groups(roles)]
    groups = [g for g in groups if g]
    value_cols, col_index = _value_columns(groups, roles, paths, built)
    reader = _BodyReader(roles, groups, value_cols, col_index, built, layout.initial_group)
    built.rows = reader.read(rows, layout.body_idx, pages, lines)
    for row in built.rows:  # rows read before a sub-table header added columns
        row.values += [None] * (len(built.columns) - len(row.values))
    if layout.blank_body and built.columns:
        last = layout.header_idx[-1] + 1
        built.rows.append(Row(label="", values=[""] * len(built.columns), group=reader.group_label,
                              page=pages[last] if last < len(pages) else grid.page,
                              line=lines[last] if last < len(lines) else grid.line))
    return built
