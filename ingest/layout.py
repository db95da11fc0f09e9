"""Page layout from word boxes: the printed lines, and the tables printed without ruling lines.

Lines: words are one line when their boxes overlap by most of a glyph's height, not when their
baselines agree within a fixed tolerance, so a digit run set a few points higher in another font
reads back in its sentence.

Tables without rules: pdfplumber finds ruled tables from their lines; a table drawn without any
is only words placed in columns. Its columns are the header's bottom cells (a label is centred
over its column), their edges follow from those centres and the figures' right edges (a figure
is right-aligned in its column), each upper header cell covers the run of columns it is centred
on, and the result is the Grid a ruled table gives. Whenever the positions leave a doubt (a
figure outside every column, a header cell centred on no run of columns, two figures in one
cell) no table is built and the page is reported: a figure under the wrong column is worse
than none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

from core.text import clean_cell, parse_amount
from ingest.tables import CODE_HEADER_RE

LINE_OVERLAP = 0.6  # share of the smaller glyph height two word boxes share to be one line
WORD_GAP = 3.0  # pdfplumber's x_tolerance: a wider gap between two words prints a space
# the rest are multiples of the table's glyph height
BELOW = 0.4  # a header cell this far below another sits in a lower row
WRAP = 1.5  # lines of one row (a wrapped label beside its figures) are closer than this
BREAK = 3.0  # a wider blank ends a table's header or body
SLACK = 0.5  # how far a word may stand outside its column, or a header cell off its centre
PAD = 0.3  # the usual space between a figure and its column's right edge
SAME_SIZE = 0.15  # lines whose glyphs differ more in height are not part of the table
# lines that caption, title or annotate a table, or are prose: never inside it
NOT_IN_TABLE_RE = re.compile(r"单位\s*[:：]|部门\s*[:：]|编制|表$|表[（(]|^公开|^(注|说明|备注)\s*[:：\d]|[。；，]"
                             r"|\.{3,}|…{2,}|·{3,}")


@dataclass
class Line:
    """Words of one printed line; its band is the tallest word's, so a line cannot creep down."""
    top: float
    bottom: float
    words: list[dict] = field(default_factory=list)

    def overlap(self, word: dict) -> float:
        shared = min(self.bottom, word["bottom"]) - max(self.top, word["top"])
        return shared / max(min(self.bottom - self.top, word["bottom"] - word["top"]), 0.1)

    def add(self, word: dict) -> None:
        self.words.append(word)
        if word["bottom"] - word["top"] > self.bottom - self.top:
            self.top, self.bottom = word["top"], word["bottom"]

    @property
    def first_top(self) -> float:
        return min(w["top"] for w in self.words)

    @property
    def height(self) -> float:
        return self.bottom - self.top

    @property
    def center(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def text(self) -> str:
        return join_words(self.words)


def join_words(words: list[dict]) -> str:
    """Words of one line left to right, a space where the gap between two is wide."""
    words = sorted(words, key=lambda w: w["x0"])
    out = words[0]["text"]
    for prev, word in zip(words, words[1:]):
        out += (" " if word["x0"] - prev["x1"] > WORD_GAP else "") + word["text"]
    return out


def page_lines(words: list[dict]) -> list[Line]:
    """The printed lines, top to bottom: each word joins the open line it overlaps most."""
    lines: list[Line] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        recent = range(max(0, len(lines) - 8), len(lines))
        share, best = max(((lines[i].overlap(word), i) for i in recent), default=(0.0, -1))
        if share >= LINE_OVERLAP:
            lines[best].add(word)
        else:
            lines.append(Line(word["top"], word["bottom"], [word]))
    return sorted(lines, key=lambda line: line.first_top)


# -- tables without rules ----------------------------------------------------------------------


@dataclass
class HeaderCell:
    """One header label (its wrapped lines together)."""
    words: list[dict]

    @property
    def x0(self) -> float:
        return min(w["x0"] for w in self.words)

    @property
    def x1(self) -> float:
        return max(w["x1"] for w in self.words)

    @property
    def top(self) -> float:
        return min(w["top"] for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w["bottom"] for w in self.words)

    @property
    def center(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def text(self) -> str:
        return cell_text(self.words)

    def above(self, other: "HeaderCell", glyph: float) -> bool:
        """In a higher header row than ``other`` (not merely a taller neighbour)."""
        return self.bottom + BELOW * glyph <= other.top


@dataclass
class UnruledTable:
    first: int  # index of its first line (header included)
    last: int  # index of its last line
    cells: list[list[str | None]]


def cell_text(words: list[dict]) -> str:
    """A cell's words as pdfplumber gives a ruled cell's text: wrapped lines joined by newlines."""
    return "\n".join(line.text for line in page_lines(words))


def is_figure(word: dict, line: Line) -> bool:
    """A printed amount standing alone (a digit run inside a sentence, a column number is not)."""
    if parse_amount(word["text"]) is None or _column_numbers(line):
        return False
    return all(other is word or other["x1"] + WORD_GAP <= word["x0"] or word["x1"] + WORD_GAP <= other["x0"]
               for other in line.words)


def _column_numbers(line: Line) -> bool:
    """A 栏次 line: the columns numbered 1, 2, 3 … under the header."""
    texts = [w["text"] for w in sorted(line.words, key=lambda w: w["x0"])]
    numbers = [int(t) for t in texts if t.isdigit() and len(t) <= 3]
    return "栏次" in texts or (len(numbers) >= 2 and len(numbers) >= len(texts) - 1
                               and all(b > a for a, b in zip(numbers, numbers[1:])))


def _same_size(line: Line, glyph: float) -> bool:
    return abs(line.height - glyph) <= SAME_SIZE * glyph


def _in_table(line: Line, glyph: float) -> bool:
    return _same_size(line, glyph) and not NOT_IN_TABLE_RE.search(line.text)


def _header_start(lines: list[Line], first_row: int, glyph: float) -> int:
    """The first line of the header above a table's first row of figures."""
    start = first_row
    while (start > 0 and _in_table(lines[start - 1], glyph)
           and not any(is_figure(w, lines[start - 1]) for w in lines[start - 1].words)
           and lines[start].top - lines[start - 1].bottom <= BREAK * glyph):
        start -= 1
    return start


def _body_start(lines: list[Line], first_figures: int, end: int, glyph: float) -> int:
    """The first body line: rows above the first figures whose words all start where the
    body's labels start (a continuation page's rows with blank figures) belong to the body."""
    starts = [w["x0"] for ln in lines[first_figures:end] for w in ln.words if not is_figure(w, ln)]
    row = first_figures
    while row > 0 and _in_table(lines[row - 1], glyph) and lines[row].top - lines[row - 1].bottom <= BREAK * glyph \
            and all(not is_figure(w, lines[row - 1]) and any(abs(w["x0"] - x) <= 1 for x in starts)
                    for w in lines[row - 1].words):
        row -= 1
    return row


def _body_end(lines: list[Line], first_row: int, glyph: float) -> int:
    """One past the last line of the table's body."""
    end = first_row + 1
    while (end < len(lines) and _in_table(lines[end], glyph)
           and lines[end].top - lines[end - 1].bottom <= BREAK * glyph):
        end += 1
    return end


def unruled_tables(lines: list[Line]) -> tuple[list[UnruledTable], bool]:
    """Tables printed without rules among a page's lines, and whether some table-like block of
    figures under a header could not be read without doubt (its page is then reported)."""
    tables: list[UnruledTable] = []
    doubtful = False
    row = 0
    while row < len(lines):
        line = lines[row]
        if not any(is_figure(w, line) for w in line.words) or NOT_IN_TABLE_RE.search(line.text):
            row += 1
            continue
        glyph = line.height
        end = _body_end(lines, row, glyph)
        row = _body_start(lines, row, end, glyph)
        start = _header_start(lines, row, glyph)
        header = _header_cells([w for ln in lines[start:row] for w in ln.words], glyph)
        figures = sum(is_figure(w, ln) for ln in lines[row:end] for w in ln.words)
        cells = _grid(header, lines[row:end], glyph) if len(header) >= 2 else None
        if cells is not None:
            tables.append(UnruledTable(start, end - 1, cells))
        # figures under a header that could not be read: reported (one stray number is no table)
        doubtful |= cells is None and len(header) >= 2 and figures >= 2
        row = end
    return tables, doubtful


def _beside(cell: HeaderCell, cells: list[HeaderCell], glyph: float) -> list[HeaderCell]:
    """The other cells of the same header row (neither above nor below ``cell``)."""
    return [o for o in cells if o is not cell and not o.above(cell, glyph) and not cell.above(o, glyph)]


def _column_at(edges: list[float], x: float) -> int | None:
    return next((k for k in range(len(edges) - 1) if edges[k] <= x < edges[k + 1]), None)


def _header_cells(words: list[dict], glyph: float) -> list[HeaderCell]:
    """Header words grouped into labels: a word joins the label it continues on the same line
    (a narrow gap) or on the next line (centred or left-aligned on it, close below)."""
    cells: list[HeaderCell] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        home = next((c for c in cells if _continues(c, word, glyph)), None)
        if home is None:
            cells.append(HeaderCell([word]))
        else:
            home.words.append(word)
    return cells


def _continues(cell: HeaderCell, word: dict, glyph: float) -> bool:
    """``word`` carries on the label: next on its line, or its next line (centred or flush left)."""
    last = max(cell.words, key=lambda w: (w["top"], w["x1"]))
    same_line = abs(word["top"] - last["top"]) < BELOW * glyph
    if same_line:
        return 0 <= word["x0"] - last["x1"] <= SLACK * glyph
    width = min(cell.x1 - cell.x0, word["x1"] - word["x0"])
    centred = abs((word["x0"] + word["x1"]) / 2 - cell.center) <= SLACK * width
    return 0 <= word["top"] - cell.bottom <= (WRAP - 1) * glyph and (centred or abs(word["x0"] - cell.x0) <= 1)


def _leaves(cells: list[HeaderCell], glyph: float) -> list[HeaderCell] | None:
    """The bottom header cells, one per column, left to right. A cell with lower cells under its
    middle, or on both sides of it, between its neighbours in its own row, heads them."""
    leaves = []
    for cell in cells:
        beside = _beside(cell, cells, glyph)
        left = max((o.x1 for o in beside if o.x1 <= cell.x0), default=float("-inf"))
        right = min((o.x0 for o in beside if o.x0 >= cell.x1), default=float("inf"))
        under = [o for o in cells if cell.above(o, glyph) and left < o.center < right]
        if not (any(o.x0 <= cell.center <= o.x1 for o in under)
                or (any(o.center < cell.center for o in under) and any(o.center > cell.center for o in under))):
            leaves.append(cell)
    leaves.sort(key=lambda c: c.center)
    if any(a.x1 > b.x0 for a, b in zip(leaves, leaves[1:])):
        return None  # two bottom cells side by side over one column
    return leaves


def _right_of(centres: list[float], x1: float) -> int:
    """The column a right-aligned figure ending at x1 stands in: the last centre left of it."""
    return max((k for k, c in enumerate(centres) if c < x1), default=-1)


def _edges(centres: list[float], figures: list[tuple[int, dict]], glyph: float) -> list[float] | None:
    """Column edges e0 < e1 < … from the column centres and the figures' right edges: column k
    spans [e_k, e_k+1] around its centre, so e_k+1 = 2·c_k − e_k once one edge is known."""
    right: dict[int, list[float]] = {}
    for k, word in figures:
        right.setdefault(k, []).append(word["x1"])
    if not right or any(max(xs) - min(xs) > 1.5 for xs in right.values()):
        return None  # figures not right-aligned: their column is a guess
    offsets = [0.0]  # e_k = (-1)^k · e_0 + offsets[k]
    for c in centres:
        offsets.append(2 * c - offsets[-1])
    anchors = {k + 1: max(xs) + PAD * glyph for k, xs in right.items()}
    e0 = median((v - offsets[k]) * (-1) ** k for k, v in anchors.items())
    edges = [(-1) ** k * e0 + offsets[k] for k in range(len(offsets))]
    if any(b - a <= 0 for a, b in zip(edges, edges[1:])) \
            or any(abs(edges[k] - v) > SLACK * glyph for k, v in anchors.items()):
        return None
    return edges


@dataclass
class _Columns:
    """The columns found so far: their centres, and which hold 科目 codes (left-aligned numbers)."""
    centres: list[float]
    codes: set[int]

    def nearest(self, word: dict) -> int:
        middle = (word["x0"] + word["x1"]) / 2
        return min(range(len(self.centres)), key=lambda k: abs(self.centres[k] - middle))

    def figure(self, word: dict, line: Line) -> bool:
        """A right-aligned amount: a figure not standing in a code column."""
        return is_figure(word, line) and self.nearest(word) not in self.codes


def _column_of(word: dict, edges: list[float], figure: bool, glyph: float) -> int | None:
    """The column a word stands in: a figure by its right edge, a label by its middle; None when
    it sticks out of that column."""
    k = _column_at(edges, word["x1"] - PAD * glyph if figure else (word["x0"] + word["x1"]) / 2)
    slack = SLACK * glyph
    if k is None or word["x0"] < edges[k] - slack or word["x1"] > edges[k + 1] + slack:
        return None
    return k


def _spans(cells: list[HeaderCell], leaves: list[HeaderCell], edges: list[float], bottom: float,
           glyph: float) -> dict[int, tuple[int, int]] | None:
    """The run of columns each upper header cell covers, lowest cells first: whole runs of its
    children, centred under it, clear of the cells beside it; the widest of equally good ones.

    Its children all start in the row under it, which tells them from a cell merged down from
    its own row (centred lower, yet starting higher). Where a cell's row starts follows from
    its text being centred in it: leaves end at the header's ``bottom``, a cell ends where its
    children start."""
    spans = {id(leaf): (k, k) for k, leaf in enumerate(leaves)}
    starts = {id(leaf): 2 * leaf.middle - bottom for leaf in leaves}
    owner: list[HeaderCell] = list(leaves)
    leaf_ids = {id(leaf) for leaf in leaves}
    for cell in sorted((c for c in cells if id(c) not in leaf_ids), key=lambda c: -c.top):
        home = _column_at(edges, cell.center)
        if home is None:
            return None
        child_row = starts[id(owner[home])]
        blocked = {k for k in range(len(leaves)) if not cell.above(owner[k], glyph)
                   or abs(starts[id(owner[k])] - child_row) > SLACK * glyph}
        blocked |= {_column_at(edges, o.center) for o in _beside(cell, cells, glyph)}
        best = _best_span(cell, _blocks(owner), home, blocked, edges, glyph)
        if best is None:
            return None
        spans[id(cell)] = best
        starts[id(cell)] = 2 * cell.middle - child_row
        for k in range(best[0], best[1] + 1):
            owner[k] = cell
    return spans


def _blocks(owner: list[HeaderCell]) -> list[tuple[int, int]]:
    """Runs of columns under one cell."""
    runs: list[tuple[int, int]] = []
    for k, cell in enumerate(owner):
        if runs and owner[runs[-1][0]] is cell:
            runs[-1] = (runs[-1][0], k)
        else:
            runs.append((k, k))
    return runs


def _best_span(cell: HeaderCell, blocks: list[tuple[int, int]], home: int, blocked: set[int],
               edges: list[float], glyph: float) -> tuple[int, int] | None:
    """Among runs of two or more blocks around the home column, clear of blocked columns, the
    one centred under the cell with its text inside: the nearest centre, then the widest."""
    at = next(i for i, (a, b) in enumerate(blocks) if a <= home <= b)
    fits = []
    for i in range(at + 1):
        for j in range(max(at, i + 1), len(blocks)):
            a, b = blocks[i][0], blocks[j][1]
            if blocked & set(range(a, b + 1)):
                continue
            error = abs((edges[a] + edges[b + 1]) / 2 - cell.center)
            inside = edges[a] - SLACK * glyph <= cell.x0 and cell.x1 <= edges[b + 1] + SLACK * glyph
            if error <= SLACK * glyph + 1 and inside:
                fits.append((round(error), a - b, (a, b)))
    return min(fits)[2] if fits else None


def _header_rows(cells: list[HeaderCell], spans: dict[int, tuple[int, int]], ncols: int) -> list[list[str | None]]:
    """Header rows as a ruled grid gives them: each label in the first column of its run, at the
    depth of its ancestors; cells it covers and rows below a shorter path are None."""
    placed = sorted((c for c in cells if id(c) in spans), key=lambda c: c.top)
    paths: list[list[HeaderCell]] = [[c for c in placed if spans[id(c)][0] <= k <= spans[id(c)][1]]
                                     for k in range(ncols)]
    rows: list[list[str | None]] = [[None] * ncols for _ in range(max(len(p) for p in paths))]
    for k, path in enumerate(paths):
        for depth, cell in enumerate(path):
            if spans[id(cell)][0] == k:
                rows[depth][k] = cell.text
    return rows


def _row_groups(lines: list[Line], columns: _Columns, glyph: float) -> list[list[Line]]:
    """Body lines grouped into rows: a wrapped label's lines go with the figures beside them.
    Rows are at least as far apart as the lines of figures are, and hold one line of figures."""
    has_figures = [any(columns.figure(w, line) for w in line.words) for line in lines]
    pitches = [b.center - a.center for a, b, fa, fb in zip(lines, lines[1:], has_figures, has_figures[1:])
               if fa and fb]
    near = min(WRAP * glyph, 0.75 * median(pitches)) if pitches else WRAP * glyph
    groups: list[list[Line]] = []
    group_figures: list[bool] = []
    for line, figures in zip(lines, has_figures):
        if groups and line.center - groups[-1][-1].center < near and not (figures and group_figures[-1]):
            groups[-1].append(line)
            group_figures[-1] |= figures
        else:
            groups.append([line])
            group_figures.append(figures)
    return groups


def _cut_row(group: list[Line], columns: _Columns, edges: list[float], glyph: float) -> list[str | None] | None:
    """One row's cells; None when a word sticks out of its column or a cell gets two figures."""
    by_column: dict[int, list[dict]] = {}
    with_figure: set[int] = set()
    for line in group:
        for word in line.words:
            figure = columns.figure(word, line)
            k = _column_of(word, edges, figure, glyph)
            if k is None or (figure and k in with_figure):
                return None
            if figure:
                with_figure.add(k)
            by_column.setdefault(k, []).append(word)
    return [cell_text(by_column[k]) if k in by_column else "" for k in range(len(edges) - 1)]


def _grid(cells: list[HeaderCell], lines: list[Line], glyph: float) -> list[list[str | None]] | None:
    """The grid of one table, or None when its layout leaves a doubt."""
    leaves = _leaves(cells, glyph)
    if not leaves or len(leaves) < 2:
        return None
    columns = _Columns([leaf.center for leaf in leaves],
                       {k for k, leaf in enumerate(leaves) if CODE_HEADER_RE.search(clean_cell(leaf.text) or "")})
    figures = [(_right_of(columns.centres, w["x1"]), w) for line in lines for w in line.words
               if columns.figure(w, line)]
    if any(k < 0 for k, _ in figures):
        return None
    edges = _edges(columns.centres, figures, glyph)
    slack = SLACK * glyph
    if edges is None or any(leaf.x0 < edges[k] - slack or leaf.x1 > edges[k + 1] + slack
                            for k, leaf in enumerate(leaves)):
        return None
    # the header's bottom edge: halfway between the lowest header labels and the first row
    bottom = (max(leaf.middle for leaf in leaves) + lines[0].center) / 2
    spans = _spans(cells, leaves, edges, bottom, glyph)
    body = [_cut_row(group, columns, edges, glyph) for group in _row_groups(lines, columns, glyph)]
    if spans is None or any(row is None for row in body):
        return None
    return _header_rows(cells, spans, len(leaves)) + body
