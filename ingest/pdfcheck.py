"""A PDF's structure, checked before its pages are laid out, each fault with its own message.

pdfminer is lenient: it inflates every stream whole into memory, skips a page tree that loops,
and reads what it can of a file cut short. Any of these used to end as "no text layer, run
OCR", which sends the user the wrong way; a decompression bomb took the memory with it.
"""
from __future__ import annotations

import re
import zlib
from itertools import islice

from ingest.limits import MB, Limits, Refused

STREAM_RE = re.compile(rb"(?<!end)stream\r?\n")
CHUNK = MB
TRUNCATED = "PDF 文件不完整（结尾缺少 %%EOF，可能下载或复制时中断），请重新获取完整文件"
ENCRYPTED = "PDF 已加密，需要密码才能读取"


def truncated(data: bytes) -> bool:
    """No %%EOF near the end: the file was cut short."""
    return b"%%EOF" not in data[-1024:]


def unless_truncated(data: bytes, reason: str) -> str:
    """A cut-short file explains any fault found in it better than ``reason`` does."""
    return TRUNCATED if truncated(data) else reason


def inflated_size(data: bytes, start: int, cap: int) -> int:
    """Bytes the zlib stream at ``start`` inflates to, counted up to ``cap`` a piece at a time and
    kept nowhere (0 for a stream that is not zlib, such as a JPEG or an encrypted stream)."""
    inflater = zlib.decompressobj()
    view = memoryview(data)
    size, pos, pending = 0, start, b""
    try:
        while size <= cap and not inflater.eof:
            if not pending:
                if pos >= len(data):
                    break
                pending, pos = view[pos:pos + CHUNK], pos + CHUNK
            size += len(inflater.decompress(pending, CHUNK))
            pending = inflater.unconsumed_tail
    except zlib.error:
        pass  # not zlib, or damaged where pdfminer too stops reading
    return size


def check_streams(data: bytes, limits: Limits) -> None:
    """Refuse a file whose streams inflate past the limits, one alone or all together."""
    total = 0
    for match in STREAM_RE.finditer(data):
        size = inflated_size(data, match.end(), limits.stream_bytes)
        total += size
        if size > limits.stream_bytes:
            raise Refused(f"PDF 中有数据流解压后超过 {limits.stream_bytes // MB} MB（疑似压缩炸弹），已拒绝")
        if total > limits.decoded_bytes:
            raise Refused(f"PDF 的数据流解压后合计超过 {limits.decoded_bytes // MB} MB（疑似压缩炸弹），已拒绝")


def check_page_tree(doc) -> None:
    """Refuse a page tree that reaches a node twice (a loop, or a page listed twice): pdfminer
    would skip the repeat silently and the pages would be missing or out of order."""
    from pdfminer.pdftypes import PDFObjRef, resolve1

    seen: set[int] = set()
    stack = [doc.catalog.get("Pages")]
    while stack:
        ref = stack.pop()
        if isinstance(ref, PDFObjRef):
            if ref.objid in seen:
                raise Refused("PDF 的页面树有循环或重复引用（文件损坏），无法确定有哪些页")
            seen.add(ref.objid)
        node = resolve1(ref)
        if isinstance(node, dict) and isinstance(resolve1(node.get("Kids")), list):
            stack.extend(resolve1(node["Kids"]))


def check_pages(pdf, data: bytes, limits: Limits) -> None:
    """Refuse a PDF with no page, too many pages, or a page too large to be a printed one."""
    from pdfminer.pdfpage import PDFPage

    check_page_tree(pdf.doc)
    count = sum(1 for _ in islice(PDFPage.create_pages(pdf.doc), limits.pdf_pages + 1))
    if not count and getattr(pdf.doc, "encryption", None):
        raise Refused(ENCRYPTED)
    if not count:
        raise Refused(unless_truncated(data, "PDF 没有任何页面（页面树为空），请检查文件是否完整"))
    if count > limits.pdf_pages:
        raise Refused(f"PDF 超过 {limits.pdf_pages} 页，超出单个文件的页数上限")
    for number, page in enumerate(pdf.pages, start=1):
        if max(page.width, page.height) > limits.page_points:
            raise Refused(f"PDF 第{number}页尺寸异常（{page.width:.0f}×{page.height:.0f} 点，"
                          f"上限 {limits.page_points:.0f} 点），不是可打印的页面")


def check_page_content(page, number: int, limits: Limits) -> None:
    """Refuse a page with more drawing operators than a printed page holds, before pdfminer
    makes an object of each (half a megabyte of them takes it 300 MB)."""
    from pdfminer.pdftypes import PDFStream, resolve1

    streams = (resolve1(s) for s in page.page_obj.contents)
    size = sum(len(s.get_data()) for s in streams if isinstance(s, PDFStream))
    if size > limits.page_content_bytes:
        raise Refused(f"PDF 第{number}页的内容过多（{size / MB:.1f} MB，每页上限 "
                      f"{limits.page_content_bytes / MB:.1f} MB）")
