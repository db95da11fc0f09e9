"""Assembling blocks into sections: a section that runs onto later pages remembers where each
page begins, so a sentence is cited on its own page."""
from __future__ import annotations

from ingest.assemble import assemble
from core.model import TextLine


def _assembled(title: str, page: int, lines: list[str]):
    """A document of a cover title on page 1 and ``lines`` of running text on ``page``."""
    blocks = [TextLine(title, 1, 1)] + [TextLine(text, page, n) for n, text in enumerate(lines, start=2)]
    return assemble(blocks, source="t.pdf", sha256="x", pages=page)


def test_section_text_remembers_its_page_breaks():
    blocks = [TextLine("阳泉市民政局2024年度部门决算", 1, 1),
              TextLine("一、收入支出决算总体情况说明", 3, 2),
              TextLine("2024年度收入总计8,641.02万元。", 3, 3),
              TextLine("主要原因是殡仪馆迁建项目", 3, 4),
              TextLine("完工。", 4, 5),  # a wrapped line carried onto page 4
              TextLine("二、收入决算情况说明", 5, 6),
              TextLine("本年收入合计8,450.21万元。", 5, 7)]
    doc = assemble(blocks, source="t.pdf", sha256="x", pages=5)
    [first] = [s for s in doc.sections if s.heading == "一、收入支出决算总体情况说明"]
    assert first.page == 3
    assert first.page_at(first.text.index("2024年度")) == 3
    assert first.page_at(first.text.index("完工")) == 4
    [second] = [s for s in doc.sections if s.heading == "二、收入决算情况说明"]
    assert second.page_starts == [] and second.page_at(0) == 5


def test_template_subheading_with_full_stop_is_a_heading():
    """The national template prints "（二）“三公”经费财政拨款支出决算具体情况说明。" with a full
    stop; it heads the sentences on vehicles and receptions, while a numbered sentence stays text."""
    doc = _assembled("阳泉市民政局2024年度部门决算", 3, ["七、财政拨款“三公”经费支出决算情况说明",
                                                    "（二）“三公”经费财政拨款支出决算具体情况说明。",
                                                    "1、因公出国（境）费支出27.67万元。", "（三）加强管理，提高效率。"])
    headings = [s.heading for s in doc.sections]
    assert "（二）“三公”经费财政拨款支出决算具体情况说明。" in headings
    assert not any(h.startswith("1、") or h.startswith("（三）") for h in headings)


def test_an_outline_table_continued_on_a_narrower_grid_keeps_its_groups(tmp_path):
    """The 江苏 政府采购预算表 hazard: groups printed as merged cells (pdfplumber gives the first
    item line "" and the rest None), and a second page whose grid lacks the first page's blank
    margin column. Every item line carries its own group's labels; the second page's group
    (三、服务C) starts afresh, never under the first page's 一、货物A."""
    from pdf_fixtures import outline_procurement_pdf
    from ingest import parse_file

    doc = parse_file(outline_procurement_pdf(tmp_path / "outline.pdf"))
    (table,) = [t for t in doc.tables if "采购" in t.title]
    labels = {r.label: r.values[0] for r in table.rows}
    assert labels["一、货物A/办公设备购置费/办公设备购置/台式计算机（20万以下）/分散自行组织"] == "60.00"
    assert labels["一、货物A/信息化运维经费/办公设备购置/台式计算机（20万以下）/分散自行组织"] == "150.00"
    assert labels["三、服务C"] == "1,200.00"
    assert labels["三、服务C/会议费/会议费/会议服务/政府集中采购"] == "900.00"
    assert not any("货物" in label and "服务" in label for label in labels)


def test_sections_numbered_from_one_under_an_unnumbered_title_stay_under_it():
    """A project's own page (区府办 2025): "…项目经费情况说明", then "一、项目概述" "二、立项依据":
    the project is named in the title only, so its sections keep the title in their path; a
    numbered heading after text ("五、…" then a new title) is no child of the one before."""
    doc = _assembled("上海市普陀区人民政府办公室2025年部门预算", 2, [
        "其他相关情况说明", "一、2025年“三公”经费预算情况说明", "“三公”经费预算数为867.50万元。",
        "区政府督查及建议提案工作业务经费项目经费情况说明", "一、项目概述", "主要推进区委、区政府年度重点工作。",
        "二、立项依据", "《区政府2024年重点工作任务书》。"])
    paths = {s.heading_path[-1]: s.heading_path for s in doc.sections}
    assert paths["一、项目概述"][-2] == "区政府督查及建议提案工作业务经费项目经费情况说明"
    assert paths["二、立项依据"][-2] == "区政府督查及建议提案工作业务经费项目经费情况说明"
    assert "一、项目概述" not in paths["二、立项依据"]


def test_a_kemu_chain_cut_at_the_lines_end_is_a_sentence_not_a_heading():
    """"4、…（类）…（款）机" + "关事业单位…（项）。主要用于…": the numbered line is the start of a
    sentence wrapped mid-word (社工部 2024), so the 科目 reads whole in the text."""
    doc = _assembled("中共上海市普陀区委社会工作部2024年度部门决算", 2, [
        "五、一般公共预算财政拨款支出决算情况说明", "4、社会保障和就业支出（类）行政事业单位养老支出（款）机",
        "关事业单位基本养老保险缴费支出（项）。主要用于：机关事业单", "位基本养老保险支出。全年预算为 9.00 万元，支出决算为 6.18 万元。"])
    assert not any(s.heading.endswith("机") for s in doc.sections)
    assert any("机关事业单位基本养老保险缴费支出（项）" in s.text for s in doc.sections)
