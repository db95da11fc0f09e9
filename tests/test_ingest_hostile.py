"""Hostile input (issue 14): each file is refused with its own one-line reason, in bounded work.

Time and memory per file are measured by ``python -m bench.hostile``, not asserted here.
"""
from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import YANGQUAN, parsed
from hostile_files import HOSTILE, TITLE, bad_colspan_html, span_bomb_html
from ingest import IngestError, decode_text, parse_bytes
from ingest.__main__ import main
from ingest.export import check_markup, read_html
from ingest.limits import CellBudget, Limits, Refused


@pytest.mark.parametrize("name, make, reason", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_each_hostile_file_is_refused_with_its_reason(name, make, reason):
    with pytest.raises(IngestError) as err:
        parse_bytes(make(), name)
    assert reason in str(err.value) and "\n" not in str(err.value)


def test_broken_pdfs_are_not_all_sent_to_ocr():
    pdfs = [(name, make) for name, make, _ in HOSTILE if name.endswith(".pdf")]
    messages = []
    for name, make in pdfs:
        with pytest.raises(IngestError) as err:
            parse_bytes(make(), name)
        messages.append(str(err.value))
    assert len(set(messages)) == len(messages) == len(pdfs)
    assert not any("OCR" in m for m in messages)


def test_the_span_bomb_expands_as_a_browser_would():
    """rowspan ends at the table's last row, colspan at 1000: one row of 1000 cells, not 900 million."""
    [grid] = [b for b in read_html(span_bomb_html().decode(), CellBudget(Limits())) if hasattr(b, "cells")]
    assert len(grid.cells) == 1 and len(grid.cells[0]) == 1000
    assert grid.cells[0][0] == "a" and set(grid.cells[0][1:]) == {None}


def test_a_rowspan_past_the_last_row_adds_no_rows():
    html = '<table><tr><td rowspan="5">a</td><td>b</td></tr><tr><td>c</td></tr></table>'
    [grid] = read_html(html, CellBudget(Limits()))
    assert grid.cells == [["a", "b"], [None, "c"]]


@pytest.mark.parametrize("value", ["abc", "-3", "0", "1.5"])
def test_a_bad_span_value_is_a_clear_reason_not_a_traceback(value):
    with pytest.raises(Refused, match="colspan.*不是正整数"):
        read_html(bad_colspan_html(value).decode(), CellBudget(Limits()))


@pytest.mark.parametrize("value", [" 2 ", "+2", "2"])
def test_a_span_written_loosely_is_read(value):
    [grid] = read_html(bad_colspan_html(value).decode(), CellBudget(Limits()))
    assert grid.cells == [["a", None, "b"]]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig", "gb18030"])
def test_text_exports_in_any_usual_encoding_are_read(encoding):
    """UTF-16 and UTF-32 by their byte order mark (Windows Notepad's "Unicode"), UTF-16 without
    one by its zero bytes, GB18030 when it is not UTF-8."""
    text = YANGQUAN.read_text(encoding="utf-8")
    doc = parse_bytes(text.encode(encoding), YANGQUAN.name)
    assert [replace(f, doc_id="") for f in doc.facts()] == [replace(f, doc_id="") for f in parsed(YANGQUAN).facts()]


def test_binary_files_are_still_not_text():
    assert decode_text(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64) is None
    assert decode_text(b"\xff\xfe" + b"\x00\xd8" * 10) is None  # UTF-16 of lone surrogates


def test_a_title_with_no_table_and_no_figure_is_not_a_disclosure():
    with pytest.raises(IngestError, match=f"“{TITLE}”之下没有表格"):
        parse_bytes(f"{TITLE}\n\n本部门认真贯彻落实各项决策部署。\n".encode(), "title.txt")
    narrative = parse_bytes(f"{TITLE}\n\n2024年度“三公”经费支出决算为12.02万元。\n".encode(), "narrative.txt")
    assert not narrative.tables and narrative.stated  # a narrative file of a disclosure is kept


def test_a_batch_of_hostile_files_reports_each_and_keeps_the_good_one(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, make, _ in HOSTILE:
        (folder / name).write_bytes(make())
    (folder / "sample.txt").write_bytes(YANGQUAN.read_bytes())
    status = main([str(folder), "--store", str(tmp_path / "store"), "--no-index", "--quiet", "--jobs", "1"])
    out = capsys.readouterr().out
    assert status == 1
    for name, _, reason in HOSTILE:
        line = next(line for line in out.splitlines() if line.startswith(f"✗ {name}:"))
        assert reason in line
    assert f"成功 1 份，失败 {len(HOSTILE)} 份" in out


def test_markup_of_real_exports_passes_the_html_guard():
    """What Word, Excel and saved web pages write: conditional comments holding tags, styles,
    scripts comparing with "<", a "<" in text, a doctype."""
    check_markup('<!DOCTYPE html><html><head><style>td{x:1}</style><!--[if gte mso 9]><xml><o:p>'
                 '</o:p></xml><![endif]--><script>for(i=0;i<n;i++){a<b}</script></head><body>'
                 '<![if !supportLists]><span>1.</span><![endif]><p>收入 < 支出</p>'
                 '<table><tr><td colspan=2 style="a:b">阳泉</td></tr></table></body></html>')
