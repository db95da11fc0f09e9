"""How much work one file may cause, in one place: every parser takes a ``Limits``.

A hostile or broken file must be refused in bounded time and memory (a 133-byte HTML table
with colspan="30000" rowspan="30000" once asked for 900 million cells). The defaults are far
above any real disclosure (the shared corpus: at most 35 pages, 0.8 MB, streams under 0.4 MB,
tables of a few thousand cells) and far below what hurts a server.
"""
from __future__ import annotations

from dataclasses import dataclass

MB = 1024 * 1024


class Refused(ValueError):
    """A file past one of the limits, or malformed where reading on would mean guessing;
    ``str()`` is the one-line reason shown to users."""


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 64 * MB
    pdf_pages: int = 1000
    # the PDF specification's largest page (200 inches); A3 is 1191 points
    page_points: float = 14400
    # one decompressed PDF stream, and all of a file's streams together (decompression bombs)
    stream_bytes: int = 32 * MB
    decoded_bytes: int = 256 * MB
    # a table's cells once padded to a rectangle, and all tables of a file together (rows of
    # every table × the widest), which bounds tables joined across pages as well
    table_cells: int = 200_000
    file_cells: int = 2_000_000
    # a PDF's layout analysis, checked between pages
    pdf_seconds: float = 300


DEFAULT_LIMITS = Limits()


def check_file_size(size: int, limits: Limits) -> None:
    if size > limits.file_bytes:
        raise Refused(f"文件过大（{size / MB:.1f} MB，上限 {limits.file_bytes / MB:.0f} MB）")


class CellBudget:
    """Counts a file's table cells while a parser builds them, so that an oversized table is
    refused before its cells exist."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.rows = 0  # rows of the tables already added
        self.width = 0  # the widest of them

    def check(self, rows: int, width: int) -> None:
        """Raise Refused if a table of ``rows`` × ``width`` is too big, alone or with the others."""
        cells = rows * width
        if cells > self.limits.table_cells:
            raise Refused(f"表格过大（{rows} 行 × {width} 列 = {cells} 个单元格，每张表上限 "
                            f"{self.limits.table_cells} 个）")
        if (self.rows + rows) * max(self.width, width) > self.limits.file_cells:
            raise Refused(f"文件中的表格过大（共 {self.rows + rows} 行，最宽 {max(self.width, width)} 列，"
                            f"超过每个文件 {self.limits.file_cells} 个单元格的上限）")

    def add(self, rows: int, width: int) -> None:
        """Count a finished table."""
        self.check(rows, width)
        self.rows += rows
        self.width = max(self.width, width)
