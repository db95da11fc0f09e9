"""Every limit of ingest/limits.py is applied, by every parser, and can be set."""
from __future__ import annotations

import pytest

from conftest import LINFEN, YANGQUAN
from hostile_files import bomb_pdf, dense_page_pdf, one_page_pdf, pdf_bytes, stream
from ingest import IngestError, parse_bytes, parse_file
from ingest.limits import DEFAULT_LIMITS, MB, Limits
from ingest.__main__ import main


def two_page_pdf() -> bytes:
    page = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R >>"
    return pdf_bytes([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
                      page, page, stream(b"")])


def refused(data: bytes, name: str, limits: Limits) -> str:
    with pytest.raises(IngestError) as err:
        parse_bytes(data, name, limits)
    return str(err.value)


def test_defaults_hold_every_real_sample():
    for path in (YANGQUAN, LINFEN):
        assert parse_file(path, DEFAULT_LIMITS).tables


def test_bytes_per_file(tmp_path):
    limits = Limits(file_bytes=1000)
    assert "文件过大" in refused(YANGQUAN.read_bytes(), YANGQUAN.name, limits)
    with pytest.raises(IngestError, match="文件过大"):  # refused by its size on disk, before it is read
        parse_file(YANGQUAN, limits)


def test_cells_per_table_in_text_and_html():
    assert "表格过大" in refused(YANGQUAN.read_bytes(), YANGQUAN.name, Limits(table_cells=100))
    html = "<table>" + "<tr><td>1</td><td>2</td></tr>" * 60 + "</table>"
    assert "每张表上限 100" in refused(html.encode(), "t.html", Limits(table_cells=100))


def test_cells_per_file_count_every_table_at_the_widest():
    """Tables under the per-table limit still add up: rows of all × the widest bounds any joining."""
    assert "每个文件" in refused(YANGQUAN.read_bytes(), YANGQUAN.name, Limits(file_cells=5000))


def test_pages_per_pdf():
    assert "超过 1 页" in refused(two_page_pdf(), "two.pdf", Limits(pdf_pages=1))


def test_page_size():
    message = refused(one_page_pdf("0 0 595 20000"), "tall.pdf", DEFAULT_LIMITS)
    assert "第1页尺寸异常（595×20000 点" in message


def test_one_stream_and_all_streams_inflated():
    assert "压缩炸弹" in refused(bomb_pdf(3), "bomb.pdf", Limits(stream_bytes=2 * MB))
    assert "合计超过 2 MB" in refused(bomb_pdf(3), "bomb.pdf", Limits(decoded_bytes=2 * MB))


def test_seconds_per_file_between_pages():
    assert "超时" in refused(two_page_pdf(), "slow.pdf", Limits(seconds=0))


def test_seconds_per_file_within_a_page():
    """A page that takes long is interrupted (where the parse runs in a process's main thread)."""
    assert "超时" in refused(dense_page_pdf(300), "slow.pdf", Limits(seconds=0.5))


def test_page_content():
    assert "第1页的内容过多" in refused(dense_page_pdf(100), "dense.pdf", Limits(page_content_bytes=50 * 1024))


def test_text_bytes_and_blocks():
    assert "文本或 HTML 文件过大" in refused(YANGQUAN.read_bytes(), YANGQUAN.name, Limits(text_bytes=100_000))
    assert "文字行与表格超过 1000 处" in refused(YANGQUAN.read_bytes(), YANGQUAN.name, Limits(blocks=1000))
    html = "<html><body>" + "<p>段落</p>" * 1001 + "</body></html>"
    assert "文字行与表格超过 1000 处" in refused(html.encode(), "p.html", Limits(blocks=1000))


def test_cells_counted_as_html_is_read():
    """Cells and rows of a table never closed are counted as they come, not when it ends."""
    assert "表格过大" in refused(b"<table><tr>" + b"<td>1</td>" * 101, "t.html", Limits(table_cells=100))
    assert "表格过大" in refused(b"<table>" + b"<tr>" * 101, "t.html", Limits(table_cells=100))


def test_cli_sets_size_and_pages(tmp_path, capsys):
    (tmp_path / "two.pdf").write_bytes(two_page_pdf())
    (tmp_path / "sample.txt").write_bytes(YANGQUAN.read_bytes())
    status = main([str(tmp_path), "--store", str(tmp_path / "store"), "--no-index", "--quiet", "--jobs", "1",
                   "--max-pages", "1", "--max-mb", "0.01"])
    out = capsys.readouterr().out
    assert status == 1
    assert "✗ two.pdf: PDF 超过 1 页" in out and "✗ sample.txt: 文件过大" in out
