"""PDF -> blocks with pdfplumber: ruled tables (``lines`` strategy) and the text around them.

Text inside a table's box is left to the table; the remaining lines and the tables are
interleaved in reading order (top to bottom) so captions precede their table and notes follow.
"""
from __future__ import annotations

import re
from core.model import Block, Grid, TextLine

CJK_RE = re.compile(r"[\u4e00-\u9fff]")


class UnreadablePDF(ValueError):
    """The PDF opened but holds no usable text (scanned, or a broken ToUnicode map)."""


def _inside(obj: dict, bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = bbox
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


def read_pdf(data: bytes) -> tuple[list[Block], int]:
    """Blocks of every page, and the page count. Raises UnreadablePDF or pdfplumber errors."""
    import io

    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    blocks: list[Block] = []
    cjk = cid = chars = 0
    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except PDFPasswordIncorrect as exc:
        raise UnreadablePDF("PDF 已加密，需要密码才能读取") from exc
    with pdf:
        if getattr(pdf.doc, "encryption", None) and not pdf.pages:
            raise UnreadablePDF("PDF 已加密，需要密码才能读取")
        npages = len(pdf.pages)
        for number, page in enumerate(pdf.pages, start=1):
            found = page.find_tables()
            # text is left to a table only where a cell holds it: captions printed inside the
            # ruled frame but outside any cell ("公开03表") stay running text
            boxes = [cell for t in found for cell in t.cells]
            outside = page.filter(lambda o: not any(_inside(o, b) for b in boxes)) if boxes else page
            items: list[tuple[float, int, Block]] = []
            for line in outside.extract_text_lines(return_chars=False):
                text = line["text"]
                chars += len(text)
                cjk += len(CJK_RE.findall(text))
                cid += text.count("(cid:")
                items.append((line["top"], 0, TextLine(text=text, page=number)))
            for table in found:
                cells = table.extract()
                for row in cells:
                    for c in row:
                        if c:
                            chars += len(c)
                            cjk += len(CJK_RE.findall(c))
                            cid += c.count("(cid:")
                if cells:
                    # order by the first row that prints something, not by the frame
                    tops = [r.bbox[1] for r, texts in zip(table.rows, cells) if any(c for c in texts)]
                    items.append((tops[0] if tops else table.bbox[1], 1, Grid(cells=cells, page=number,
                                                         row_pages=[number] * len(cells),
                                                         row_lines=[None] * len(cells))))
            items.sort(key=lambda it: (it[0], it[1]))
            blocks.extend(b for _, _, b in items)
    if cid > 20 and cid * 5 > cjk:
        raise UnreadablePDF(f"PDF 文字编码缺少 ToUnicode 映射，读出的是“(cid:…)”乱码（{cid} 处），无法可靠解析")
    if cjk < 20:
        raise UnreadablePDF("PDF 没有可提取的文字层（可能是扫描件），请先做 OCR")
    return blocks, npages
