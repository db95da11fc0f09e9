"""How much work one file may cause, in one place: every parser takes a ``Limits``.

A hostile or broken file must be refused in bounded time and memory (a 133-byte HTML table
with colspan="30000" rowspan="30000" once asked for 900 million cells; 60 MB of one-letter
lines took 4.4 GB; half a megabyte of drawing operators on one PDF page takes 300 MB). The
defaults are far above any real disclosure (the shared corpus: at most 35 pages, 0.8 MB, page
contents under 71 kB, tables of a few thousand cells; text exports under 0.2 MB) and far below
what hurts a server.
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass

MB = 1024 * 1024


class Refused(ValueError):
    """A file past one of the limits, or malformed where reading on would mean guessing;
    ``str()`` is the one-line reason shown to users."""


class Overtime(BaseException):
    """Raised into a parse that ran out of time; a BaseException, so that no parser's
    ``except Exception`` swallows it."""


@dataclass(frozen=True)
class Limits:
    file_bytes: int = 64 * MB
    # text and HTML exports: parsing them costs far more per byte than a PDF's bytes
    text_bytes: int = 8 * MB
    pdf_pages: int = 1000
    # the PDF specification's largest page (200 inches); A3 is 1191 points
    page_points: float = 14400
    # one page's drawing operators: pdfminer keeps an object for each character and line
    page_content_bytes: int = 512 * 1024
    # one decompressed PDF stream, and all of a file's streams together (decompression bombs)
    stream_bytes: int = 32 * MB
    decoded_bytes: int = 256 * MB
    # a table's cells once padded to a rectangle, and all tables of a file together (rows of
    # every table × the widest), which bounds tables joined across pages as well
    table_cells: int = 200_000
    file_cells: int = 2_000_000
    # lines of text and tables: each is an object the assembler walks
    blocks: int = 200_000
    # one file's parse
    seconds: float = 300


DEFAULT_LIMITS = Limits()


def check_size(size: int, limit: int, what: str = "文件") -> None:
    if size > limit:
        raise Refused(f"{what}过大（{size / MB:.1f} MB，上限 {limit / MB:.0f} MB）")


def check_blocks(count: int, limits: Limits) -> None:
    if count > limits.blocks:
        raise Refused(f"文件的文字行与表格超过 {limits.blocks} 处，超出单个文件的上限")


def overtime_reason(limits: Limits) -> str:
    return f"解析超时（超过 {limits.seconds:.0f} 秒的上限），文件可能过大或已损坏"


@contextmanager
def time_limit(seconds: float):
    """Raise Overtime into the block once it has run ``seconds`` (and every second after). Only
    a process's main thread receives signals, and one alarm at a time: elsewhere (a web server's
    worker thread) this does nothing and the parser's own checks between pages are the bound."""
    if threading.current_thread() is not threading.main_thread() or signal.getitimer(signal.ITIMER_REAL)[0]:
        yield
        return

    def expire(signum, frame):
        raise Overtime

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.001), 1.0)  # 0 would set no alarm
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


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
