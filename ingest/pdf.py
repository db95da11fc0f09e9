"""PDF -> blocks with pdfplumber: ruled tables (``lines`` strategy), tables printed without rules
(ingest/layout.py) and the text around them.

Text inside a table's box is left to the table; the remaining lines and the tables are
interleaved in reading order (top to bottom) so captions precede their table and notes follow.
Whatever cannot be read is refused with its reason (``Refused``), its structure checked first
(ingest/pdfcheck.py) and its work bounded by ``Limits``.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field

from core.model import Block, Grid, TextLine
from ingest.layout import page_lines, unruled_tables
from ingest.limits import CellBudget, Limits, Refused, check_blocks, overtime_reason
from ingest.pdfcheck import ENCRYPTED, check_page_content, check_pages, check_streams, unless_truncated

CJK_RE = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class PdfContent:
    blocks: list[Block]
    pages: int
    # pages with a table-like block of figures that could not be read without doubt
    untabled_pages: list[int] = field(default_factory=list)


def _inside(obj: dict, bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = bbox
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def _grid(cells: list[list[str | None]], page: int) -> Grid:
    return Grid(cells=cells, page=page, row_pages=[page] * len(cells), row_lines=[None] * len(cells))


def page_blocks(page, number: int) -> tuple[list[Block], bool]:
    """One page's blocks in reading order, and whether figures on it could not be tabled.

    Ruling-less tables are looked for only where pdfplumber finds no ruled one."""
    found = page.find_tables()
    # text is left to a table only where a cell holds it: captions printed inside the
    # ruled frame but outside any cell ("公开03表") stay running text
    boxes = [cell for t in found for cell in t.cells]
    outside = page.filter(lambda o: not any(_inside(o, b) for b in boxes)) if boxes else page
    lines = page_lines(outside.extract_words())
    unruled, doubtful = unruled_tables(lines) if not found else ([], False)
    in_tables = {i for t in unruled for i in range(t.first, t.last + 1)}
    items: list[tuple[float, int, Block]] = [(line.first_top, 0, TextLine(text=line.text, page=number))
                                             for i, line in enumerate(lines) if i not in in_tables]
    items += [(lines[t.first].first_top, 1, _grid(t.cells, number)) for t in unruled]
    for table in found:
        cells = table.extract()
        if cells:
            # order by the first row that prints something, not by the frame
            tops = [r.bbox[1] for r, texts in zip(table.rows, cells) if any(c for c in texts)]
            items.append((tops[0] if tops else table.bbox[1], 1, _grid(cells, number)))
    items.sort(key=lambda it: (it[0], it[1]))
    return [b for _, _, b in items], doubtful


def _check_text(blocks: list[Block], data: bytes) -> None:
    """Refuse a PDF whose text is "(cid:…)" garbage or hardly any."""
    texts = [b.text for b in blocks if isinstance(b, TextLine)]
    texts += [c for b in blocks if isinstance(b, Grid) for row in b.cells for c in row if c]
    cjk = sum(len(CJK_RE.findall(t)) for t in texts)
    cid = sum(t.count("(cid:") for t in texts)
    if cid > 20 and cid * 5 > cjk:
        raise Refused(f"PDF 文字编码缺少 ToUnicode 映射，读出的是“(cid:…)”乱码（{cid} 处），无法可靠解析")
    if cjk < 20:
        raise Refused(unless_truncated(data, "PDF 没有可提取的文字层（可能是扫描件），请先做 OCR"))


def _damage(exc: Exception, data: bytes) -> str:
    """Why pdfminer failed, for the user: pdfminer raises many types for damaged files."""
    name = type(exc).__name__
    inner = type(exc.args[0]).__name__ if exc.args and isinstance(exc.args[0], Exception) else ""
    if any(word in n for n in (name, inner) for word in ("Password", "Encrypt")):
        return ENCRYPTED
    return unless_truncated(data, f"PDF 文件损坏，无法解析（{name}）")


def _read(data: bytes, limits: Limits) -> PdfContent:
    import io

    import pdfplumber

    content = PdfContent(blocks=[], pages=0)
    budget = CellBudget(limits)
    started = time.monotonic()
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        check_pages(pdf, data, limits)
        content.pages = len(pdf.pages)
        for number, page in enumerate(pdf.pages, start=1):
            if time.monotonic() - started > limits.seconds:  # where no alarm can interrupt a page
                raise Refused(overtime_reason(limits))
            check_page_content(page, number, limits)
            blocks, doubtful = page_blocks(page, number)
            page.close()  # its layout objects are not needed again
            for grid in (b for b in blocks if isinstance(b, Grid)):
                budget.add(len(grid.cells), max((len(r) for r in grid.cells), default=0))
            content.blocks += blocks
            check_blocks(len(content.blocks), limits)
            if doubtful:
                content.untabled_pages.append(number)
    _check_text(content.blocks, data)
    return content


def read_pdf(data: bytes, limits: Limits) -> PdfContent:
    """Blocks of every page. Raises Refused with the reason a PDF cannot be read."""
    check_streams(data, limits)
    try:
        return _read(data, limits)
    except Refused:
        raise
    except Exception as exc:
        raise Refused(_damage(exc, data)) from exc
