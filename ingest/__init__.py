"""Parse budget disclosures (PDF, text, markdown, HTML) into the shared typed model.

``parse_file(path)`` is the one entry point; it raises ``IngestError`` with a one-line,
user-facing reason for anything it cannot read.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from ingest.assemble import NotADisclosure, assemble
from ingest.canonical import canonicalise
from ingest.stated import stated_facts
from ingest.checks import check_document
from core.model import Document

SUPPORTED_SUFFIXES = {".pdf", ".txt", ".md", ".markdown", ".html", ".htm", ".text"}


class IngestError(Exception):
    """A file that cannot be ingested; ``str()`` is the one-line reason shown to users."""


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise IngestError("不是可识别的文本文件（编码既非 UTF-8 也非 GB18030）")


def parse_bytes(data: bytes, source: str) -> Document:
    """Parse one disclosure given as bytes; ``source`` is the file name used in citations."""
    from ingest.export import read_html, read_text_export

    if not data.strip():
        raise IngestError("文件为空")
    sha = hashlib.sha256(data).hexdigest()
    suffix = Path(source).suffix.lower()
    pages, untabled = None, []
    if data[:1024].lstrip().startswith(b"%PDF"):
        content = _read_pdf_bytes(data)
        blocks, pages, untabled = content.blocks, content.pages, content.untabled_pages
    elif suffix == ".pdf":
        raise IngestError("文件扩展名是 .pdf，但内容不是 PDF（文件损坏或类型不符）")
    else:
        if b"\x00" in data[:4096]:
            raise IngestError(f"不支持的文件类型（{suffix or '无扩展名'}）：请提供 PDF、TXT、Markdown 或 HTML")
        text = _decode(data)
        head = text.lstrip()[:200].lower()
        if suffix in (".html", ".htm") or head.startswith(("<!doctype html", "<html")):
            blocks = read_html(text)
        else:
            blocks = read_text_export(text)
    try:
        doc = assemble(blocks, source=source, sha256=sha, pages=pages)
    except NotADisclosure as exc:
        raise IngestError(str(exc)) from exc
    doc.untabled_pages = untabled
    canonicalise(doc)
    doc.stated = stated_facts(doc)
    check_document(doc)
    return doc


def _read_pdf_bytes(data: bytes):
    from ingest.pdf import UnreadablePDF, read_pdf

    try:
        return read_pdf(data)
    except UnreadablePDF as exc:
        raise IngestError(str(exc)) from exc
    except Exception as exc:  # pdfminer raises many types for damaged files
        name = type(exc).__name__
        inner = type(exc.args[0]).__name__ if exc.args and isinstance(exc.args[0], Exception) else ""
        if any(word in n for n in (name, inner) for word in ("Password", "Encrypt")):
            raise IngestError("PDF 已加密，需要密码才能读取") from exc
        raise IngestError(f"PDF 文件损坏或不完整，无法解析（{name}）") from exc


def parse_file(path: str | Path) -> Document:
    """Parse one file from disk."""
    path = Path(path)
    if not path.is_file():
        raise IngestError(f"找不到文件：{path}")
    if path.suffix.lower() not in SUPPORTED_SUFFIXES and not path.read_bytes()[:5] == b"%PDF-":
        raise IngestError(f"不支持的文件类型（{path.suffix or '无扩展名'}）：请提供 PDF、TXT、Markdown 或 HTML")
    return parse_bytes(path.read_bytes(), path.name)
