"""Parse budget disclosures (PDF, text, markdown, HTML) into the shared typed model.

``parse_file(path)`` is the one entry point; it raises ``IngestError`` with a one-line,
user-facing reason for anything it cannot read, or anything past its ``Limits``.
"""
from __future__ import annotations

import codecs
import hashlib
import re
from pathlib import Path

from ingest.assemble import NotADisclosure, assemble
from ingest.canonical import canonicalise
from ingest.limits import (DEFAULT_LIMITS, CellBudget, Limits, Overtime, Refused, check_size, overtime_reason,
                           time_limit)
from ingest.stated import stated_facts
from ingest.checks import check_document
from core.model import Document

SUPPORTED_SUFFIXES = {".pdf", ".txt", ".md", ".markdown", ".html", ".htm", ".text"}


class IngestError(Exception):
    """A file that cannot be ingested; ``str()`` is the one-line reason shown to users."""


# longest first: the UTF-32 LE mark begins with the UTF-16 LE one
BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# characters no text export holds: what a binary file decodes to
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def _decoded(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 saved without a byte order mark, told by its zero bytes: the high byte of every
    ASCII character (digits, tabs, line breaks), all at odd offsets (little endian) or all at even."""
    zeros_even, zeros_odd = data[0::2].count(0), data[1::2].count(0)
    if len(data) % 2 or min(zeros_even, zeros_odd) * 20 > max(zeros_even, zeros_odd):
        return None
    return _decoded(data, "utf-16-le" if zeros_odd > zeros_even else "utf-16-be")


def decode_text(data: bytes) -> str | None:
    """A text export's characters: by its byte order mark, else UTF-8, else GB18030 (what Chinese
    Windows saves), else BOM-less UTF-16. None for a binary file."""
    encoding = next((name for bom, name in BOMS if data.startswith(bom)), None)
    if encoding:
        text = _decoded(data, encoding)
    elif b"\x00" in data:
        text = _bomless_utf16(data)
    else:
        text = _decoded(data, "utf-8")
        text = text if text is not None else _decoded(data, "gb18030")
    return None if text is None or CONTROL_RE.search(text[:4096]) else text


def _unsupported(suffix: str) -> IngestError:
    return IngestError(f"不支持的文件类型（{suffix or '无扩展名'}）：请提供 PDF、TXT、Markdown 或 HTML")


def _blocks(data: bytes, suffix: str, limits: Limits):
    """The file's blocks, its page count (None for text) and its pages of figures not tabled."""
    from ingest.export import read_html, read_text_export
    from ingest.pdf import read_pdf

    if data[:1024].lstrip().startswith(b"%PDF"):
        content = read_pdf(data, limits)
        return content.blocks, content.pages, content.untabled_pages
    if suffix == ".pdf":
        raise IngestError("文件扩展名是 .pdf，但内容不是 PDF（文件损坏或类型不符）")
    check_size(len(data), limits.text_bytes, "文本或 HTML 文件")
    text = decode_text(data)
    if text is None:
        raise _unsupported(suffix)
    head = text.lstrip()[:200].lower()
    if suffix in (".html", ".htm") or head.startswith(("<!doctype html", "<html")):
        return read_html(text, CellBudget(limits)), None, []
    return read_text_export(text, CellBudget(limits)), None, []


def parse_bytes(data: bytes, source: str, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse one disclosure given as bytes; ``source`` is the file name used in citations."""
    if not data.strip():
        raise IngestError("文件为空")
    try:
        check_size(len(data), limits.file_bytes)
        with time_limit(limits.seconds):
            return _parse(data, source, limits)
    except (Refused, NotADisclosure) as exc:
        raise IngestError(str(exc)) from exc
    except Overtime as exc:
        raise IngestError(overtime_reason(limits)) from exc


def _parse(data: bytes, source: str, limits: Limits) -> Document:
    """The parse proper, all of it inside the time limit."""
    blocks, pages, untabled = _blocks(data, Path(source).suffix.lower(), limits)
    doc = assemble(blocks, source=source, sha256=hashlib.sha256(data).hexdigest(), pages=pages)
    doc.untabled_pages = untabled
    canonicalise(doc)
    doc.stated = stated_facts(doc)
    if not doc.tables and not doc.stated:
        raise IngestError(f"不是部门预算/决算公开文件：“{doc.title}”之下没有表格，也没有带金额的说明文字")
    check_document(doc)
    return doc


def parse_file(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Parse one file from disk; one past the size limit is refused before it is read."""
    path = Path(path)
    if not path.is_file():
        raise IngestError(f"找不到文件：{path}")
    try:
        check_size(path.stat().st_size, limits.file_bytes)
    except Refused as exc:
        raise IngestError(str(exc)) from exc
    with open(path, "rb") as f:
        head = f.read(5)
    if path.suffix.lower() not in SUPPORTED_SUFFIXES and head != b"%PDF-":
        raise _unsupported(path.suffix)
    return parse_bytes(path.read_bytes(), path.name, limits)
