"""Real disclosure PDFs from ../shared/pdfs (skipped when absent): every file ingests, and the
cells people read off the rendered pages are among the parsed facts."""
from __future__ import annotations

import pytest

from conftest import SHARED_PDFS, find_fact, needs_shared
from conftest import parsed as parse_cached

pytestmark = needs_shared

EXPECTED = {  # file -> (department, year, kind, scope), read from each cover
    "上海市普陀区万里街道办事处_2023年部门预算.pdf": ("上海市普陀区人民政府万里街道办事处", 2023, "预算", "部门"),
    "上海市普陀区万里街道办事处_2024年部门预算.pdf": ("上海市普陀区人民政府万里街道办事处", 2024, "预算", "部门"),
    "上海市普陀区万里街道办事处_2025年部门预算.pdf": ("上海市普陀区人民政府万里街道办事处", 2025, "预算", "部门"),
    "上海市普陀区人民政府办公室_2025年部门预算.pdf": ("上海市普陀区人民政府办公室", 2025, "预算", "部门"),
    "上海市普陀区社会福利院_2024年单位预算.pdf": ("上海市普陀区社会福利院", 2024, "预算", "单位"),
    "中共上海市普陀区委社会工作部_2024年度部门决算.pdf": ("中共上海市普陀区委社会工作部", 2024, "决算", "部门"),
    "江苏省委办公厅_江苏省委办公厅2017年部门预算.pdf": ("江苏省委办公厅", 2017, "预算", "部门"),
    "江苏省委办公厅_江苏省委办公厅2017年预算公开表格.pdf": ("中国共产党江苏省委员会办公厅", 2017, "预算", "部门"),
    "江苏省委办公厅_江苏省委办公厅2018年度部门预算公开文件.pdf": ("江苏省委办公厅", 2018, "预算", "部门"),
    "江苏省委办公厅_江苏省委办公厅2018年度部门预算公开表.pdf": ("中共江苏省委办公厅", 2018, "预算", "部门"),
    "江苏省委办公厅_江苏省委办公厅2019年度部门预算公开文件.pdf": ("江苏省委办公厅", 2019, "预算", "部门"),
    "江苏省委办公厅_江苏省委办公厅2019年度部门预算公开表格.pdf": ("中共江苏省委办公厅", 2019, "预算", "部门"),
    "江苏省政协办公厅_2017年度部门预算公开表.pdf": ("江苏省政协办公厅", 2017, "预算", "部门"),
    "江苏省政协办公厅_江苏省政协办公厅2017年度部门预算.pdf": ("江苏省政协办公厅", 2017, "预算", "部门"),
    "江苏省政协办公厅_江苏省政协办公厅2018年度部门预算.pdf": ("江苏省政协办公厅", 2018, "预算", "部门"),
    "江苏省政协办公厅_江苏省政协办公厅2018度部门预算公开表.pdf": ("江苏省政协办公厅", 2018, "预算", "部门"),
    "江苏省政协办公厅_江苏省政协办公厅2019年度部门预算.pdf": ("江苏省政协办公厅", 2019, "预算", "部门"),
    "江苏省政协办公厅_江苏省政协办公厅2019年预算公开表.pdf": ("江苏省政协办公厅", 2019, "预算", "部门"),
}

def parsed(name: str):
    return parse_cached(SHARED_PDFS / name)


def test_every_shared_pdf_is_listed():
    assert sorted(p.name for p in SHARED_PDFS.glob("*.pdf")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_pdf_ingests_with_metadata(name):
    doc = parsed(name)
    assert (doc.department, doc.year, doc.kind, doc.scope) == EXPECTED[name]
    assert doc.pages and (doc.sections or doc.tables)
    for table in doc.tables:
        if table.category == "standard":
            assert table.unit in ("万元", "元"), f"{table.title} has no unit"
            assert table.page_start and table.page_end >= table.page_start


def test_juesuan_pdf_facts():
    doc = parsed("中共上海市普陀区委社会工作部_2024年度部门决算.pdf")
    spent = find_fact(doc, table="收入支出决算总表", row="本年支出合计")
    assert (spent.value_text, spent.unit, spent.page, spent.column) == ("307.82", "万元", 5, "支出/决算数")
    assert find_fact(doc, table="支出决算表", row="合计", column=("基本支出",)).value == 105.58
    assert find_fact(doc, table="一般公共预算财政拨款基本支出决算表", code="30226").value_text == "0.68"
    sangong = next(t for t in doc.tables if "三公" in t.title)
    assert sangong.says_empty and sangong.rows
    assert all(f.blank for f in doc.facts() if "三公" in f.table_title)
    # the 收入决算表 runs over pages 6-7 without repeating its header
    income = next(t for t in doc.tables if t.title == "收入决算表")
    assert (income.page_start, income.page_end) == (6, 7)
    assert find_fact(doc, table="收入决算表", code="2210203", column=("本年收入合计",)).page == 7


def test_shanghai_budget_split_codes_and_totals_on_a_later_page():
    doc = parsed("上海市普陀区万里街道办事处_2024年部门预算.pdf")
    income = find_fact(doc, table="部门财务收支预算总表", row="收入总计")
    assert (income.value, income.unit) == (156211123.0, "元")
    spending = next(t for t in doc.tables if t.title == "部门支出预算总表")
    assert (spending.page_start, spending.page_end) == (16, 20)
    total = find_fact(doc, table="部门支出预算总表", row="合计", column=("基本支出",))
    assert (total.value, total.page) == (99706020.0, 20)
    assert find_fact(doc, table="部门支出预算总表", code="2013802", column=("合计",)).value == 135200.0
    # "301 | 2" printed without the leading zero is 30102 津贴补贴
    assert find_fact(doc, table="经济分类预算表", code="30102", column=("合计",)).value == 16623810.0
    sangong = find_fact(doc, table="三公", column=("公务接待费",))
    assert (sangong.value_text, sangong.unit) == ("1.35", "万元")


def test_unit_budget_scope():
    doc = parsed("上海市普陀区社会福利院_2024年单位预算.pdf")
    assert doc.scope == "单位"
    assert find_fact(doc, table="预算单位支出预算总表", row="合计", column=("合计",)).value == 12121164.0


def test_jiangsu_tables_file():
    doc = parsed("江苏省政协办公厅_江苏省政协办公厅2019年预算公开表.pdf")
    assert [t.code for t in doc.tables][:12] == [f"公开{n:02d}表" for n in range(1, 13)]
    total = next(t for t in doc.tables if t.code == "公开01表")
    assert total.columns == ["收入/金额", "支出/功能分类/金额", "支出/支出用途/金额"]
    assert find_fact(doc, table="公开01表", row="当年支出小计", column=("支出用途",)).value == 13377.11
    assert find_fact(doc, table="公开01表", row="十八、住房保障支出").value == 2247.04
    # the 三公 total is “三公”经费/小计; the leftmost 合计 also holds 会议费 and 培训费
    assert find_fact(doc, table="公开09表", column=("“三公”经费/小计",)).value == 660.10
    assert find_fact(doc, table="公开09表", column=("合计",)).value == 2224.43
    assert find_fact(doc, table="公开02表", row="其他资金/其他收入").value == 80.0


def test_jiangsu_table_titles_inside_the_frame():
    doc = parsed("江苏省委办公厅_江苏省委办公厅2018年度部门预算公开表.pdf")
    titles = [t.title for t in doc.tables]
    assert titles[:3] == ["收支预算总表", "收入预算总表", "支出预算总表"]
    assert find_fact(doc, table="收入预算总表", row="收入总计").value == 24458.43


def test_narrative_only_pdf_has_sections_not_tables():
    doc = parsed("江苏省政协办公厅_江苏省政协办公厅2019年度部门预算.pdf")
    assert not doc.tables
    assert any("会议费预算支出" in s.text for s in doc.sections)


def test_gold_cells_are_among_the_facts():
    """Every table cell in the hand-written gold sets (read off the rendered pages) was parsed."""
    from eval.gold import GOLD_DIR, fact_matches, load_gold

    items = [g for g in load_gold(sorted(GOLD_DIR.glob("shared_*.jsonl")))
             if g.cite and g.cite.table and g.value is not None and g.kind in ("figure", "followup")]
    assert len(items) >= 100
    missing = []
    for g in items:
        doc = parsed(g.cite.doc)
        hits = [f for f in doc.facts() if fact_matches(g.cite, f, doc.source)
                and (f.value == g.value or (f.blank and g.gold.get("blank")))]
        if not hits:
            missing.append(g.id)
    # two known document/layout quirks: a code printed wrongly (7|11|02) and a header word that
    # wrapped into the 合计 row's label cell
    assert len(missing) <= 2, missing


def test_a_sentence_is_on_the_page_it_is_printed_on_not_its_headings():
    """Section 九 of this file starts on page 10; its 培训费 sentence is printed on page 11."""
    from qa.narrative import sentences

    doc = parsed("江苏省委办公厅_江苏省委办公厅2018年度部门预算公开文件.pdf")
    [training] = [s for s in sentences(doc) if "新增省委机要局培训费" in s.text]
    assert doc.sections[training.section_seq].page == 10
    assert training.page == 11
