"""Layout hazards of real disclosure PDFs, one at a time, on generated documents with known
figures (eval.synthetic): every printed cell must come back with its value, row, column and
unit, and none under a wrong one; the narrative facts found must not drop against the same
document printed without the hazard."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

from core.model import Document, Grid
from eval.synthetic.__main__ import expected
from eval.synthetic.render import render
from eval.synthetic.spec import generate
from eval.synthetic_check import Expected, Tally, score_facts, score_tables
from ingest import parse_file
from ingest.layout import page_lines
from ingest.pdf import page_blocks


@dataclass
class Case:
    raw: dict  # expected.json's record of the document
    docs: list[Document]
    tally: Tally
    clean: Tally | None  # the same document printed without hazards, where the narrative is at stake


def _parse(tmp_path: Path, seed: int, kind: str, level: str, hazards: frozenset[str]) -> tuple[dict, list, Tally]:
    spec = generate(seed, kind, level)
    files = render(spec, hazards)
    out = tmp_path / ("-".join(sorted(hazards)) or "clean")
    out.mkdir(exist_ok=True)
    for f in files:
        (out / f.name).write_bytes(f.data)
    raw = expected(spec, files, hazards, "t")
    docs = [parse_file(out / f.name) for f in files]
    tally = Tally()
    score_tables(Expected(raw), docs, tally)
    score_facts(Expected(raw), docs, tally)
    return raw, docs, tally


def generated(tmp_path: Path, hazard: str, seed: int, kind: str = "决算", level: str = "city",
              narrative: bool = False) -> Case:
    raw, docs, tally = _parse(tmp_path, seed, kind, level, frozenset({hazard}))
    clean = _parse(tmp_path, seed, kind, level, frozenset())[2] if narrative else None
    return Case(raw, docs, tally, clean)


def assert_read_exactly(case: Case) -> None:
    """Every printed cell right, nothing under a wrong row/column/unit, every table titled,
    coded and unit-bearing as printed, and no narrative fact lost to the hazard."""
    t = case.tally
    assert (t.wrong_value, t.wrong_unit, t.unplaced) == (0, 0, 0), t.examples[:5]
    assert t.right == t.cells
    assert t.titled == t.unit_ok == t.code_ok == t.tables
    assert case.clean is None or t.facts_found >= case.clean.facts_found


def test_a_raised_digit_run_reads_back_in_its_line(tmp_path):
    case = generated(tmp_path, "split_digits", 1, narrative=True)
    assert_read_exactly(case)
    text = "".join(s.text for d in case.docs for s in d.sections).replace("\n", "")
    level, change = [f["value"] for f in case.raw["facts"] if f["subject"] == "机关运行经费支出" and f["unit"] == "万元"]
    year = case.raw["year"] - 1
    assert re.search(f"机关运行经费支出{level}万元，比{year}年度(增加|减少){change}万元", text)


def _lines_of(draw) -> list[str]:
    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    draw(c)
    c.save()
    with pdfplumber.open(io.BytesIO(buf.getvalue())) as pdf:
        return [line.text for line in page_lines(pdf.pages[0].extract_words())]


def _run(c, x: float, y: float, parts: list[tuple[str, str, float]]) -> None:
    t = c.beginText(x, y)
    for text, font, rise in parts:
        t.setFont(font, 15)
        t.setRise(rise)
        t.textOut(text)
    c.drawText(t)


def test_lines_are_joined_by_overlap_not_by_baseline():
    """A digit run 3 points above its CJK line is one line; two lines set with a leading below
    their glyph height, and a cell's single line centred beside a two-line cell, stay apart."""
    def draw(c):
        _run(c, 50, 700, [("年初预算为", "STSong-Light", 0), ("85.99", "Helvetica", 3.4), ("万元，", "STSong-Light", 0)])
        _run(c, 50, 600, [("第一行文字", "STSong-Light", 0)])
        _run(c, 50, 587, [("第二行文字", "STSong-Light", 0)])  # leading 13 < glyph height 15
        _run(c, 50, 500, [("上行", "STSong-Light", 0)])
        _run(c, 50, 482, [("下行", "STSong-Light", 0)])
        _run(c, 200, 491, [("居中", "STSong-Light", 0)])  # half a line below 上行, half above 下行
    assert _lines_of(draw) == ["年初预算为85.99万元，", "第一行文字", "第二行文字", "上行", "居中", "下行"]


@pytest.mark.parametrize("kind,seed", [("决算", 2), ("预算", 4)])
def test_caption_rows_inside_the_grid_are_table_metadata(tmp_path, kind, seed):
    case = generated(tmp_path, "caption_in_grid", seed, kind)
    assert any(t["title_where"] == "grid" for t in case.raw["tables"])
    assert_read_exactly(case)
    dept = case.raw["department"]["name"]
    assert all(dept not in c for d in case.docs for t in d.tables for c in t.columns)


@pytest.mark.parametrize("kind", ["决算", "预算"])
def test_a_title_in_the_page_header_band_titles_the_table_and_its_continuation(tmp_path, kind):
    case = generated(tmp_path, "title_in_header", 3, kind)
    assert any(len(t["grid_pages"]) > 1 for t in case.raw["tables"])
    assert_read_exactly(case)
    titles = [t.title for d in case.docs for t in d.tables]
    assert len(titles) == len(set(titles)) == len(case.raw["tables"])


def test_a_title_at_the_bottom_of_the_previous_page_titles_the_table(tmp_path):
    case = generated(tmp_path, "title_prev_page", 1, "预算", "district")
    assert any(t["title_where"] == "prev_page" for t in case.raw["tables"])
    assert_read_exactly(case)


def test_a_lone_biao_line_is_never_a_title(tmp_path):
    case = generated(tmp_path, "lone_biao", 5)
    assert {t["stray_line"] for t in case.raw["tables"]} & {"表", "附表"}
    assert_read_exactly(case)
    assert not {t.title for d in case.docs for t in d.tables} & {"表", "附表"}


@pytest.mark.parametrize("kind,seed", [("决算", 1), ("预算", 4)])
def test_unit_variants_are_read(tmp_path, kind, seed):
    case = generated(tmp_path, "unit_variants", seed, kind)
    assert ["单位：万", "元"] in [t["unit_caption"] for t in case.raw["tables"]]
    assert_read_exactly(case)


def test_a_table_without_a_unit_keeps_none(tmp_path):
    case = generated(tmp_path, "no_unit", 2)
    [dropped] = [t for t in case.raw["tables"] if not t["unit_caption"]]
    assert_read_exactly(case)
    [table] = [t for d in case.docs for t in d.tables if t.title == dropped["title"]]
    assert table.unit == "" and "未找到本表金额单位" in " ".join(table.warnings)


@pytest.mark.parametrize("seed", [1, 3])  # 公开表一…十二, and no codes at all
def test_budget_codes_and_uncoded_tables_keep_titles_and_types(tmp_path, seed):
    case = generated(tmp_path, "budget_codes", seed, "预算")
    assert_read_exactly(case)


def test_a_disclosure_split_over_two_files(tmp_path):
    case = generated(tmp_path, "split_files", 1, narrative=True)
    assert len(case.docs) == 2 and {d.department for d in case.docs} == {case.raw["department"]["name"]}
    assert_read_exactly(case)


@pytest.mark.parametrize("kind,seed,level", [("决算", 100, "province"), ("预算", 102, "district")])
def test_a_table_without_rules_reads_like_a_ruled_one(tmp_path, kind, seed, level):
    """Merged headers over several levels (三公), split 类/款/项 codes, side-by-side groups and
    blank columns: every printed figure under its row and column path."""
    case = generated(tmp_path, "no_rules", seed, kind, level)
    t = case.tally
    assert (t.wrong_value, t.wrong_unit, t.unplaced) == (0, 0, 0), t.examples[:5]
    assert t.right == t.cells
    empty = [w["title"] for w in case.raw["tables"] if not any(c["printed"] for c in w["cells"])]
    assert t.titled == t.unit_ok == t.code_ok == t.tables - len(empty)  # an empty table has no figure to place
    assert not any(d.untabled_pages for d in case.docs)


def _ruling_less_page(second_column_right: dict[str, float]):
    """A 3-column table drawn without rules: headers centred on their columns (50–150–250–350),
    labels left-aligned, figures right-aligned 3 points inside their column's edge."""
    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFont("STSong-Light", 10)
    for x, text in ((100, "项目"), (200, "预算数"), (300, "决算数")):
        c.drawCentredString(x, 700, text)
    for y, label, a, b in ((680, "合计", "12.50", "13.00"), (665, "工资", "10.00", "11.00"), (650, "福利", "2.50", "2.00")):
        c.drawString(53, y, label)
        c.drawRightString(247, y, a)
        c.drawRightString(second_column_right.get(label, 347), y, b)
    c.save()
    with pdfplumber.open(io.BytesIO(buf.getvalue())) as pdf:
        return page_blocks(pdf.pages[0], 1)


def test_a_ruling_less_table_in_doubt_is_left_out_and_its_page_reported():
    blocks, doubtful = _ruling_less_page({})
    [grid] = [b for b in blocks if isinstance(b, Grid)]
    assert grid.cells == [["项目", "预算数", "决算数"], ["合计", "12.50", "13.00"], ["工资", "10.00", "11.00"],
                          ["福利", "2.50", "2.00"]] and not doubtful
    blocks, doubtful = _ruling_less_page({"工资": 290})  # a figure between two columns
    assert doubtful and not any(isinstance(b, Grid) for b in blocks)


def test_the_page_after_a_contents_list_without_page_numbers_is_body_text(tmp_path):
    """A contents page whose entries print no page numbers, then the body on the next page:
    the body's heading and sentences are text, not more contents entries (a 单位预算 lost its
    主要职能 page this way)."""
    if "STSong-Light" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    path = tmp_path / "某区某单位_2024年单位预算.pdf"
    c = canvas.Canvas(str(path))
    lines = ["目 录", "一、单位主要职能", "二、单位机构设置", "三、名词解释", "四、单位预算编制说明"]
    for i, text in enumerate(lines):
        c.setFont("STSong-Light", 14)
        c.drawString(72, 760 - 28 * i, text)
    c.showPage()
    body = ["某区社会福利院主要职能", "某区社会福利院是收养社会孤老的事业单位。", "主要职能包括：负责院内老人的生活照料。",
            "一、预算编制说明", "2024年单位预算收入1,212.12万元。"]
    for i, text in enumerate(body):
        c.setFont("STSong-Light", 12)
        c.drawString(72, 760 - 24 * i, text)
    c.showPage()
    c.save()
    doc = parse_file(path)
    text = "".join(s.heading + s.text for s in doc.sections).replace("\n", "")
    assert "收养社会孤老" in text and "负责院内老人的生活照料" in text
