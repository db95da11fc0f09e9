"""Retrieval units built from the store: one per table row, one per table, and sentence windows
of each section, every one carrying the ids that lead back to the cited cell or sentence.

A row chunk repeats the department, year, kind, table title, unit and column headers with its
values, so a number-only row still matches a question phrased in words.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from core.model import Document, Row, Table

SECTION_WINDOW = 450  # characters of text per section chunk (e5 reads up to 512 tokens)
SENTENCE_END = re.compile(r"(?<=[。；;！？!?\n])")


@dataclass
class Chunk:
    chunk_id: str
    doc_id: str
    source: str
    department: str
    year: int
    kind: str  # 决算 / 预算
    scope: str
    unit_kind: str  # "row" | "table" | "section" | "form" (text laid out as a table)
    text: str
    title: str  # table title, or the section heading path
    label: str = ""  # what the chunk is named by: the row label, the section heading, the table title
    table_seq: int | None = None
    row_seq: int | None = None
    section_seq: int | None = None
    page: int | None = None
    line: int | None = None

    def to_json(self) -> dict:
        return asdict(self)

    def search_text(self) -> str:
        """What the searches see: the text without the department and year every chunk repeats.
        Filters handle those; as words they would pull every chunk towards every question."""
        return self.text.replace(self.department, " ").replace(f"{self.year}年", " ").strip()


def row_text(doc: Document, table: Table, row: Row) -> str:
    # blank cells are listed too: "因公出国（境）费：—" still answers a question about it
    cells = [f"{col}：{val or '—'}" for col, val in zip(table.columns, row.values) if val is not None]
    label = " ".join(x for x in (row.group, row.code, row.label) if x)
    unit = row.unit or table.unit
    body = "；".join(cells) if cells else "（空白）"
    return (f"{doc.department} {doc.year}年{doc.scope}{doc.kind} {table.title} {table.code} 单位：{unit}\n"
            f"{label}：{body}")


def table_text(doc: Document, table: Table) -> str:
    labels = "、".join(r.label for r in table.rows[:40] if r.label)
    return (f"{doc.department} {doc.year}年{doc.scope}{doc.kind} {table.title} {table.code} 单位：{table.unit}\n"
            f"栏目：{'，'.join(table.columns)}\n项目：{labels}\n{table.note}").strip()


def section_windows(text: str, size: int = SECTION_WINDOW) -> list[tuple[int, str]]:
    """Consecutive sentences packed into windows of about ``size`` characters, each with the
    offset in ``text`` where it starts (for the page it is printed on)."""
    windows, current, start, offset = [], "", 0, 0
    for piece in SENTENCE_END.split(text):
        sentence = piece.strip()
        if sentence:
            if current and len(current) + len(sentence) > size:
                windows.append((start, current))
                current = ""
            if not current:
                start = offset + len(piece) - len(piece.lstrip())
            current += sentence
        offset += len(piece)
    if current:
        windows.append((start, current))
    return windows


def chunks_for_document(doc: Document) -> list[Chunk]:
    base = dict(doc_id=doc.doc_id, source=doc.source, department=doc.department, year=doc.year,
                kind=doc.kind, scope=doc.scope)
    out: list[Chunk] = []
    for ti, table in enumerate(doc.tables):
        out.append(Chunk(chunk_id=f"{doc.doc_id}:t:{ti}", unit_kind="table", text=table_text(doc, table),
                         title=table.title, label=table.title, table_seq=ti, page=table.page_start,
                         line=table.line, **base))
        if table.category != "standard":
            # forms such as 绩效自评表 are text laid out in cells: index them as running text
            lines = ["：".join(x for x in (r.label, "；".join(v for v in r.values if v)) if x) for r in table.rows]
            for wi, (_, window) in enumerate(section_windows("\n".join(lines))):
                out.append(Chunk(chunk_id=f"{doc.doc_id}:f:{ti}:{wi}", unit_kind="form",
                                 text=f"{doc.department} {doc.year}年{doc.scope}{doc.kind} {table.title}\n{window}",
                                 title=table.title, label=table.title, table_seq=ti, page=table.page_start,
                                 line=table.line, **base))
            continue
        for ri, row in enumerate(table.rows):
            out.append(Chunk(chunk_id=f"{doc.doc_id}:r:{ti}:{ri}", unit_kind="row", text=row_text(doc, table, row),
                             title=table.title, label=row.label, table_seq=ti, row_seq=ri, page=row.page,
                             line=row.line, **base))
    prefix = f"{doc.department} {doc.year}年{doc.scope}{doc.kind}"
    for si, section in enumerate(doc.sections):
        heading = " > ".join(section.heading_path)
        for wi, (start, window) in enumerate(section_windows(section.text)):
            out.append(Chunk(chunk_id=f"{doc.doc_id}:s:{si}:{wi}", unit_kind="section",
                             text=f"{prefix} {heading}\n{window}", title=heading, label=section.heading,
                             section_seq=si,
                             page=section.page_at(start), line=section.line, **base))
    return out


