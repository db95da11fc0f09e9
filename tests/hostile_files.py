"""Hostile and broken inputs, made at test time (no binary file is committed): the files of
issue 14 that once exhausted memory or got the wrong message. The tests and bench/hostile.py
use them; each entry is (file name, bytes maker, a fragment of the reason it is refused).
"""
from __future__ import annotations

import zlib
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "samples" / "yangquan-minzheng-2024-juesuan.txt"
MB = 1024 * 1024
TITLE = "阳泉市民政局2024年部门决算"


def pdf_bytes(objects: list[bytes], *, eof: bool = True) -> bytes:
    """A PDF of the given objects (numbered from 1, object 1 the catalog) with a correct xref."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n" % (len(objects) + 1, xref)
    return bytes(out) + (b"%%EOF\n" if eof else b"")


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def one_page_pdf(mediabox: str = "0 0 595 842", content: bytes = b"", extra: bytes = b"") -> bytes:
    return pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                      b"<< /Type /Page /Parent 2 0 R /MediaBox [%s] /Contents 4 0 R >>" % mediabox.encode(),
                      stream(content, extra)])


def zero_page_pdf() -> bytes:
    return pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [] /Count 0 >>"])


def looped_pdf() -> bytes:
    """The page tree's root lists a child whose only kid is the root again."""
    return pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                      b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"])


def bomb_pdf(megabytes: int = 40) -> bytes:
    """A page whose content stream is a few kB of deflate that inflates to ``megabytes`` of spaces."""
    deflate = zlib.compressobj(9)
    packed = b"".join(deflate.compress(b" " * MB) for _ in range(megabytes)) + deflate.flush()
    return one_page_pdf(content=packed, extra=b"/Filter /FlateDecode ")


def dense_page_pdf(kilobytes: int = 1024) -> bytes:
    """One page of ``kilobytes`` of text-drawing operators (a real page has under 71 kB)."""
    op = b"BT /F1 10 Tf 40 800 Td (abcdefghij) Tj ET\n"
    content = op * (kilobytes * 1024 // len(op))
    return pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                      b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
                      b" /Contents 4 0 R >>",
                      stream(zlib.compress(content), b"/Filter /FlateDecode "),
                      b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"])


def huge_page_pdf() -> bytes:
    """A page a billion points square (the largest real page is 14,400)."""
    return one_page_pdf("0 0 1000000000 1000000000", b"0 0 1000000000 1000000000 re S")


def truncated_pdf() -> bytes:
    """A one-page PDF cut off before its cross-reference table (an interrupted download)."""
    data = one_page_pdf(content=b"BT /F1 12 Tf 40 800 Td (hello) Tj ET")
    return data[:data.index(b"xref")]


def span_bomb_html() -> bytes:
    """The 133-byte table that asked for 900 million cells."""
    return (b'<html><body><p>x</p><table><tr><td colspan="30000" rowspan="30000">'
            b'a</td></tr></table></body></html>\n')


def wide_rows_html(rows: int = 300, colspan: int = 1000) -> bytes:
    """Each row one cell spanning ``colspan`` columns: rows × colspan cells once expanded."""
    return b"<table>" + b'<tr><td colspan="%d">a</td></tr>' % colspan * rows + b"</table>"


def unclosed_tags_html() -> bytes:
    """200 kB of "<a" that the standard library's HTML parser (Python 3.11) reads in minutes."""
    return b"<html>" + b"<a" * 100_000


def unclosed_comment_html() -> bytes:
    return b"<html><p>" + "阳泉市民政局".encode() + b"</p><!--" * 50_000


def bad_declaration_html() -> bytes:
    """A marked section with no name, on which the standard library's parser fails an assert."""
    return b"<html><![ ]><table><tr><td>1</td></tr></table></html>"


def bad_colspan_html(value: str) -> bytes:
    return f'<table><tr><td colspan="{value}">a</td><td>b</td></tr></table>'.encode()


def short_lines() -> bytes:
    """A table-free text of 300,000 one-letter lines: 600 kB that once became 300,000 objects."""
    return TITLE.encode() + b"\n" + b"a\n" * 300_000


def many_rows_html() -> bytes:
    """A table of 300,000 empty rows, never closed."""
    return b"<table>" + b"<tr>" * 300_000


def wide_text() -> bytes:
    """One tab-separated row of 300,001 cells, checked before the line is split."""
    return ("a\t" * 300_000 + "a\n").encode()


def title_only() -> bytes:
    return (TITLE + "\n").encode()


def utf16_sample() -> bytes:
    return SAMPLE.read_text(encoding="utf-8").encode("utf-16")


# (file name, bytes maker, fragment of the reason given)
HOSTILE = [
    ("span-bomb.html", span_bomb_html, "不是部门预算/决算公开文件"),
    ("wide-rows.html", wide_rows_html, "表格过大"),
    ("bad-colspan.html", lambda: bad_colspan_html("abc"), "colspan"),
    ("unclosed-tags.html", unclosed_tags_html, "未闭合的标签"),
    ("unclosed-comment.html", unclosed_comment_html, "未闭合的注释"),
    ("bad-declaration.html", bad_declaration_html, "<! 声明"),
    ("wide-line.txt", wide_text, "表格过大"),
    ("short-lines.txt", short_lines, "文字行与表格超过"),
    ("many-rows.html", many_rows_html, "表格过大"),
    ("title-only.txt", title_only, "没有表格"),
    ("zero-pages.pdf", zero_page_pdf, "没有任何页面"),
    ("looped-tree.pdf", looped_pdf, "循环"),
    ("deflate-bomb.pdf", bomb_pdf, "压缩炸弹"),
    ("huge-page.pdf", huge_page_pdf, "尺寸异常"),
    ("dense-page.pdf", dense_page_pdf, "内容过多"),
    ("truncated.pdf", truncated_pdf, "不完整"),
]
