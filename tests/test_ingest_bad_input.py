"""Bad input gets a clear one-line error and the rest of a batch goes on."""
from __future__ import annotations

import pytest

from conftest import YANGQUAN
from hostile_files import pdf_bytes, stream
from ingest import IngestError, parse_file
from ingest.__main__ import main
from pdf_fixtures import encrypted_pdf, textless_pdf, truncated_pdf


def cid_only_pdf(path):
    """A PDF whose font has no ToUnicode map: pdfminer can only print "(cid:N)" for its text."""
    glyphs = "".join(f"{0x4E00 + i:04X}" for i in range(40))
    content = "".join(f"BT /F1 12 Tf 40 {800 - 20 * n} Td <{glyphs}> Tj ET\n" for n in range(30)).encode()
    path.write_bytes(pdf_bytes([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >>"
        b" /Contents 4 0 R >>",
        stream(content),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /NoMap /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoMap /CIDSystemInfo << /Registry (Adobe)"
        b" /Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R >>",
        b"<< /Type /FontDescriptor /FontName /NoMap /Flags 4 /FontBBox [0 0 1000 1000] /ItalicAngle 0"
        b" /Ascent 1000 /Descent 0 /CapHeight 1000 /StemV 80 >>",
    ]))
    return path


@pytest.mark.parametrize("make, message", [
    (lambda p: encrypted_pdf(p / "locked.pdf"), "加密"),
    (lambda p: textless_pdf(p / "scan.pdf"), "文字层"),
    (lambda p: truncated_pdf(p / "cut.pdf"), "不完整"),
    (lambda p: cid_only_pdf(p / "nomap.pdf"), "ToUnicode"),
])
def test_unreadable_pdfs(tmp_path, make, message):
    path = make(tmp_path)
    with pytest.raises(IngestError) as err:
        parse_file(path)
    assert message in str(err.value) and "\n" not in str(err.value)


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(IngestError, match="文件为空"):
        parse_file(tmp_path / "empty.txt")


def test_other_file_types(tmp_path):
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    with pytest.raises(IngestError, match="不支持的文件类型"):
        parse_file(tmp_path / "photo.png")
    (tmp_path / "fake.pdf").write_bytes(b"PK\x03\x04 this is a zip, not a pdf")
    with pytest.raises(IngestError, match="不是 PDF"):
        parse_file(tmp_path / "fake.pdf")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(IngestError, match="不支持的文件类型"):
        parse_file(tmp_path / "binary.txt")


def test_not_a_disclosure(tmp_path):
    (tmp_path / "notes.md").write_text("# 会议纪要\n\n今天讨论了食堂菜单。\n", encoding="utf-8")
    with pytest.raises(IngestError, match="不是部门预算/决算公开文件"):
        parse_file(tmp_path / "notes.md")


def test_batch_continues_past_bad_files_and_fails_overall(tmp_path, capsys):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    truncated_pdf(bad / "cut.pdf")
    (bad / "sample.txt").write_bytes(YANGQUAN.read_bytes())
    status = main([str(bad), "--store", str(tmp_path / "store"), "--no-index", "--quiet", "--jobs", "1"])
    out = capsys.readouterr().out
    assert status == 1
    assert "✗ empty.txt: 文件为空" in out and "✗ cut.pdf" in out
    assert "✓ sample.txt: 阳泉市民政局" in out
    assert "成功 1 份，失败 2 份" in out
    assert (tmp_path / "store" / "budget.sqlite").exists()
