"""PDF -> blocks with pdfplumber: ruled tables (``lines`` strategy) and the text around them.

Text inside a table's box is left to the table; the remaining lines and the tables are
interleaved in reading order (top to bottom) so captions precede their table and notes follow.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.model import Block, Grid, TextLine

CJK_RE = re.compile(r"[\u4e00-\u9fff]")
# two word boxes are one printed line when they share this much of the smaller one's height: a
# digit run set in another font sits a few points higher than the CJK around it, while lines
# of running text (and table rows) never overlap by more than their leading allows
LINE_OVERLAP = 0.6
WORD_GAP = 3.0  # pdfplumber's x_tolerance: a wider gap between two words prints a space


class UnreadablePDF(ValueError):
    """The PDF opened but holds no usable text (scanned, or a broken ToUnicode map)."""


def _inside(obj: dict, bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = bbox
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return x0 <= cx <= x1 and top <= cy <= bottom


@dataclass
class _Line:
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
    def text(self) -> str:
        words = sorted(self.words, key=lambda w: w["x0"])
        out = words[0]["text"]
        for prev, word in zip(words, words[1:]):
            out += (" " if word["x0"] - prev["x1"] > WORD_GAP else "") + word["text"]
        return out


def text_lines(page) -> list[tuple[float, str]]:
    """(top, text) of every printed line, rebuilt from words by the vertical overlap of their
    boxes rather than a fixed baseline tolerance: exports that set digit runs in another font
    raise them out of pdfplumber's line ("年初预算为 万元" + "85.99"), which reads back in place."""
    lines: list[_Line] = []
    for word in sorted(page.extract_words(), key=lambda w: (w["top"], w["x0"])):
        fits = [(line.overlap(word), i) for i, line in enumerate(lines[-8:], start=max(0, len(lines) - 8))]
        share, best = max(fits, default=(0.0, -1))
        if share >= LINE_OVERLAP:
            lines[best].add(word)
        else:
            lines.append(_Line(word["top"], word["bottom"], [word]))
    return sorted(((min(w["top"] for w in line.words), line.text) for line in lines), key=lambda t: t[0])


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
            for top, text in text_lines(outside):
                chars += len(text)
                cjk += len(CJK_RE.findall(text))
                cid += text.count("(cid:")
                items.append((top, 0, TextLine(text=text, page=number)))
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
