"""Round trip through the PDF reader: tables of the text sample, rendered as a realistic PDF
(captions, merged multi-level headers, a table broken across pages with its header repeated),
must parse back to exactly the facts the text export gives."""
from __future__ import annotations

import pdfplumber
import pytest
from conftest import find_fact
from pdf_fixtures import ROUNDTRIP_CODES, disclosure_pdf, encrypted_pdf, textless_pdf, truncated_pdf

from ingest import parse_file

LONG = "公开02表"  # 收入决算表, 43 rows: breaks across two pages


@pytest.fixture(scope="module")
def pdf_doc(yangquan, tmp_path_factory):
    path = tmp_path_factory.mktemp("roundtrip") / "roundtrip.pdf"  # no metadata in the name
    return parse_file(disclosure_pdf(path, yangquan))


def fact_keys(doc, code: str) -> set[tuple]:
    return {(f.table_title, f.table_code, f.unit, f.row_code, f.row_label, f.column, f.value_text, f.blank)
            for f in doc.facts() if f.table_code == code}


def table(doc, code: str):
    [t] = [t for t in doc.tables if t.code == code]
    return t


def test_metadata_read_from_the_pdf(pdf_doc):
    assert (pdf_doc.department, pdf_doc.year, pdf_doc.kind, pdf_doc.scope) == ("阳泉市民政局", 2024, "决算", "部门")
    assert "文件名" not in pdf_doc.metadata_sources.values()
    assert pdf_doc.pages and pdf_doc.pages >= 4


def test_each_rendered_table_appears_once_with_its_captions(pdf_doc, yangquan):
    assert [t.code for t in pdf_doc.tables] == list(ROUNDTRIP_CODES)
    for t in pdf_doc.tables:
        src = table(yangquan, t.code)
        assert (t.title, t.unit, t.category) == (src.title, src.unit, "standard")
        assert t.note.startswith("注")


@pytest.mark.parametrize("code", ROUNDTRIP_CODES)
def test_facts_equal_the_text_sample(pdf_doc, yangquan, code):
    assert table(pdf_doc, code).columns == table(yangquan, code).columns
    assert len(table(pdf_doc, code).rows) == len(table(yangquan, code).rows)
    assert fact_keys(pdf_doc, code) == fact_keys(yangquan, code)


def test_long_table_is_stitched_across_pages(pdf_doc, yangquan):
    t, src = table(pdf_doc, LONG), table(yangquan, LONG)
    assert t.page_start is not None and t.page_end is not None and t.page_start < t.page_end
    assert {r.page for r in t.rows} == {t.page_start, t.page_end}
    # every printed row once, in order: the repeated header adds none
    labelled = [(r.code, r.label) for r in t.rows if r.code or r.label]
    assert labelled == [(r.code, r.label) for r in src.rows]


def test_pdf_facts_carry_page_numbers(pdf_doc):
    facts = pdf_doc.facts()
    assert facts and all(f.page is not None and 1 <= f.page <= pdf_doc.pages for f in facts)
    pages = {t.code: (t.page_start, t.page_end) for t in pdf_doc.tables}
    assert pages["公开02表"][0] == 1 and pages["公开05表"][0] > pages["公开02表"][1]
    assert pages["公开09表"][0] == pdf_doc.pages


def test_anchor_figures(pdf_doc):
    sangong = find_fact(pdf_doc, table="三公", column=("决算数", "合计"))
    assert (sangong.value_text, sangong.unit, sangong.value_yuan, sangong.table_code) == ("12.02", "万元", 120200.0, "公开09表")
    assert sangong.column == "决算数/合计" and sangong.page == pdf_doc.pages
    assert "决算数/公务用车购置及运行维护费/小计" in table(pdf_doc, "公开09表").columns
    income = find_fact(pdf_doc, table="收入决算表", row="合计", column=("本年收入合计",))
    assert (income.value_text, income.value, income.page) == ("8450.21", 8450.21, 1)


def test_bad_input_builders(tmp_path):
    enc = encrypted_pdf(tmp_path / "encrypted.pdf").read_bytes()
    assert enc.startswith(b"%PDF") and b"/Encrypt" in enc
    with pdfplumber.open(textless_pdf(tmp_path / "scanned.pdf")) as pdf:
        assert not pdf.pages[0].chars and pdf.pages[0].images
    cut = truncated_pdf(tmp_path / "truncated.pdf").read_bytes()
    assert cut.startswith(b"%PDF") and b"%%EOF" not in cut and len(cut) > 1000
    assert not list(tmp_path.glob("*.full.pdf"))  # the intermediate full PDF is removed
