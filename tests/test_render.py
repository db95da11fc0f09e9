"""qa.render without a browser: escaping, the cited row and full-table views, the structure
chart, the CSV, the filters."""
from __future__ import annotations

import csv
import io

import pytest

from core.model import Document, Row, Section, Table
from qa import render
from qa.model import ANSWERED, LOOKUP, NOT_FOUND, Answer, Citation, Figure, Item

EVIL = "<script>window.__pwned=1</script>"
SANSGONG_COLUMNS = ["预算数/合计", "预算数/因公出国(境)费", "预算数/公务用车购置及运行维护费/小计",
                    "预算数/公务用车购置及运行维护费/公务用车购置费", "预算数/公务用车购置及运行维护费/公务用车运行维护费",
                    "预算数/公务接待费", "决算数/合计", "决算数/因公出国(境)费", "决算数/公务用车购置及运行维护费/小计",
                    "决算数/公务用车购置及运行维护费/公务用车购置费", "决算数/公务用车购置及运行维护费/公务用车运行维护费",
                    "决算数/公务接待费"]


@pytest.fixture
def doc() -> Document:
    sangong = Table(title="财政拨款“三公”经费支出决算表", code="公开09表", unit="万元", columns=SANSGONG_COLUMNS,
                    rows=[Row(label="", values=["12.02", "", "12.02", "", "12.02", "", "12.02", "", "12.02", "",
                                                "12.02", ""], line=447)], note="注：本表反映……")
    total = Table(title="收入支出决算总表", code="公开01表", unit="万元", columns=["收入/金额", "支出/金额"], rows=[
        Row(label="一、一般公共预算财政拨款收入", values=["3946.60", None], line=88),
        Row(label="八、其他收入", values=["2504.93", None], line=95),
        Row(label="本年收入合计", values=["8450.21", None], line=115),
        Row(label="一、一般公共服务支出", values=[None, "1.09"], line=88),
        Row(label="二、外交支出", values=[None, ""], line=89),
        Row(label="八、社会保障和就业支出" + EVIL, values=[None, "7526.75"], line=95),
        Row(label="本年支出合计", values=[None, "8406.85"], line=115),
    ])
    section = Section(heading_path=["第三部分情况说明", "三、支出决算情况说明"],
                      text="2024年度支出合计8,406.85万元，其中：\n基本支出1,097.86万元。" + EVIL, line=506)
    return Document(doc_id="d1", source="yq.txt", sha256="", department="阳泉市民政局", year=2024, kind="决算",
                    scope="部门", title="", pages=None, sections=[section], tables=[sangong, total])


def cite_cell(doc, t, r, c) -> Citation:
    table, row = doc.tables[t], doc.tables[t].rows[r]
    return Citation(source=doc.source, department=doc.department, year=doc.year, kind=doc.kind,
                    table_code=table.code, table_title=table.title, row=row.label, column=table.columns[c],
                    cell=row.values[c], line=row.line, doc_id=doc.doc_id, table_seq=t, row_seq=r, column_seq=c,
                    quote=" | ".join(v for v in row.values if v is not None))


def test_everything_from_documents_is_escaped(doc):
    c = cite_cell(doc, 1, 5, 1)
    sentence = Citation(source="yq.txt", department="阳泉市民政局", year=2024, kind="决算", line=506, doc_id="d1",
                        quote="基本支出1,097.86万元。" + EVIL, section="第三部分情况说明 > 三、支出决算情况说明")
    answer = Answer("问" + EVIL, "答" + EVIL, ANSWERED, LOOKUP, [Figure("7526.75", "万元", None, EVIL, "d", 2024)],
                    [c, sentence], notes=["注" + EVIL])
    docs = {"d1": doc}
    for html in (render.evidence_block_html(answer, docs), render.source_html(c, docs),
                 render.source_html(sentence, docs), render.chat_markdown(answer)):
        assert "<script" not in html
        assert "&lt;script&gt;" in html
    assert "<script" not in render.md(EVIL) and "\\_\\_pwned" in render.md(EVIL)


def test_cited_row_has_grouped_headers_and_the_hit_cell(doc):
    c = cite_cell(doc, 0, 0, 6)
    html = render.evidence_html(1, render.resolve(c, {"d1": doc}))
    assert '<th class="qa-hit-group" colspan="6">决算数</th>' in html
    assert 'colspan="3">公务用车购置及运行维护费</th>' in html
    assert '<td class="qa-num qa-hit">12.02</td>' in html
    assert html.count('class="qa-num qa-hit"') == 1
    assert "公开09表" in html and "单位：万元" in html and "第447行" in html and "yq.txt" in html


def test_side_by_side_rows_show_only_their_own_columns(doc):
    html = render.evidence_html(1, render.resolve(cite_cell(doc, 1, 6, 1), {"d1": doc}))
    assert ">支出</th>" in html and ">收入</th>" not in html and "8406.85" in html


def test_full_table_highlights_the_cited_row(doc):
    html = render.source_html(cite_cell(doc, 1, 6, 1), {"d1": doc})
    assert html.count("qa-hit-row") == 1 and "本年收入合计" in html and "一、一般公共服务支出" in html


def test_section_view_marks_the_quote(doc):
    c = Citation(source="yq.txt", department="阳泉市民政局", year=2024, kind="决算", line=506, doc_id="d1",
                 quote="2024年度支出合计8,406.85万元，其中：基本支出1,097.86万元。",
                 section="第三部分情况说明 > 三、支出决算情况说明")
    html = render.source_html(c, {"d1": doc})
    # the quote joins two printed lines: marked across the line break
    assert '<mark class="qa-hit">2024年度支出合计8,406.85万元，其中：\n基本支出1,097.86万元。</mark>&lt;script' in html


def test_structure_chart_plots_top_level_rows_of_the_cited_column(doc):
    c = cite_cell(doc, 1, 6, 1)
    answer = Answer("阳泉市民政局2024年支出结构", "…", ANSWERED, LOOKUP, citations=[c])
    column, unit, bars = render.structure_rows(doc.tables[1], 1)
    assert column == "支出/金额" and unit == "万元"
    assert [b[1] for b in bars] == [1.09, 7526.75]  # blank 外交支出 and the total left out
    title, unit, bars = render.chart_bars(answer, {"d1": doc})
    assert unit == "万元" and [b[1] for b in bars] == [1.09, 7526.75] and "支出/金额" in title
    assert render.chart_bars(Answer("阳泉市民政局支出多少", "…", ANSWERED, LOOKUP, citations=[c]), {"d1": doc}) == \
        ("", "", [])


def test_a_breakdown_or_list_is_charted_and_tabled_from_its_items(doc):
    c = cite_cell(doc, 1, 6, 1)
    items = [Item("社会保障和就业支出", "7526.75", "万元", c, share=89.5), Item("一般公共服务支出", "1.09", "万元", c)]
    answer = Answer("阳泉民政局24年钱主要花在哪", "…", ANSWERED, LOOKUP, citations=[c], items=items,
                    plan={"operation": "breakdown"})
    title, unit, bars = render.chart_bars(answer, {"d1": doc})
    assert unit == "万元" and [(b[0], b[1]) for b in bars] == [("社会保障和就业支出", 7526.75), ("一般公共服务支出", 1.09)]
    rows = render.items_rows(answer)
    assert rows[0][:4] == ["社会保障和就业支出", "7526.75", "万元", "89.5%"] and rows[1][3] == ""
    assert rows[0][4].startswith("[1] ") and len(rows[0]) == len(render.ITEMS_HEADERS)
    mixed = Answer("q", "…", ANSWERED, LOOKUP, items=[items[0], Item("车辆", "25", "辆", c)], plan={"operation": "breakdown"})
    assert render.chart_bars(mixed, {"d1": doc}) == ("", "", [])  # two units: no one axis


def test_the_chat_turn_carries_the_headline_with_what_it_is():
    f = Figure("12.02", "万元", 120200.0, "“三公”经费", "阳泉市民政局", 2024)
    text = render.chat_markdown(Answer("q", "答", ANSWERED, LOOKUP, [f], notes=["注意"]))
    assert text.startswith("**12.02万元**") and "阳泉市民政局2024年 · “三公”经费" in text and "注：注意" in text


def test_csv_lists_every_cell_of_the_cited_rows(doc):
    answer = Answer("q", "a", ANSWERED, LOOKUP, citations=[cite_cell(doc, 0, 0, 6)])
    rows = list(csv.reader(io.StringIO(render.csv_text(answer, {"d1": doc}))))
    assert rows[0] == render.CSV_COLUMNS
    assert len(rows) == 13
    hit = [r for r in rows[1:] if r[-1]]
    assert len(hit) == 1 and hit[0][7] == "决算数/合计" and hit[0][8] == "12.02" and hit[0][9] == "万元"
    assert hit[0][0] == "yq.txt" and hit[0][3] == "公开09表"


def test_csv_neutralises_formulas():
    assert render._cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert render._cell("-12.5") == "-12.5"


def test_not_found_answer_has_no_headline():
    text = render.chat_markdown(Answer("q", "库中没有“太原民政局”", NOT_FOUND, LOOKUP))
    assert "**" not in text and "太原民政局" in text
    assert "qa-empty" in render.evidence_block_html(Answer("q", "库中没有", NOT_FOUND, LOOKUP), {})


class FakeResolver:
    def __init__(self, departments=(), years=(), unknown=()):
        self.m = type("M", (), {"departments": list(departments), "years": list(years),
                                "unknown_orgs": list(unknown)})()

    def resolve(self, question, latest_year=None):
        return self.m


def test_filters_are_prepended_only_when_the_question_names_none():
    assert render.scoped_question("三公经费多少", "阳泉市民政局", render.ALL, FakeResolver()) == "阳泉市民政局 三公经费多少"
    assert render.scoped_question("三公经费多少", "阳泉市民政局", "2024", FakeResolver()) == "阳泉市民政局2024年 三公经费多少"
    assert render.scoped_question("临汾市民政局三公经费", "阳泉市民政局", "2024",
                                  FakeResolver(["临汾市民政局"])) == "2024年 临汾市民政局三公经费"
    assert render.scoped_question("太原市民政局三公", "阳泉市民政局", render.ALL,
                                  FakeResolver(unknown=["太原民政局"])) == "太原市民政局三公"
    assert render.scoped_question("19年三公", render.ALL, "2024", FakeResolver(years=[2019])) == "19年三公"
