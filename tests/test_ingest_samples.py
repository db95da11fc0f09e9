"""The two sample exports: every standard table found, with facts read by eye from the files."""
from __future__ import annotations

from conftest import find_fact


def standard(doc):
    return [t for t in doc.tables if t.category == "standard"]


def test_yangquan_metadata(yangquan):
    assert (yangquan.department, yangquan.year, yangquan.kind, yangquan.scope) == ("阳泉市民政局", 2024, "决算", "部门")


def test_yangquan_has_the_ten_public_tables_in_wan_yuan(yangquan):
    tables = standard(yangquan)
    assert [t.code for t in tables] == [f"公开{n:02d}表" for n in range(1, 11)]
    assert {t.unit for t in tables} == {"万元"}
    assert tables[8].title == "财政拨款“三公”经费支出决算表"
    assert tables[0].title == "收入支出决算总表"


def test_yangquan_performance_annex_is_recognised(yangquan):
    annex = [t for t in yangquan.tables if t.category == "performance"]
    assert len(annex) >= 10
    assert all(not t.code for t in annex)


def test_yangquan_figures(yangquan):
    sangong = find_fact(yangquan, table="三公", column=("决算数", "合计"))
    assert (sangong.value_text, sangong.unit, sangong.value_yuan, sangong.table_code) == ("12.02", "万元", 120200.0, "公开09表")
    budget = find_fact(yangquan, table="三公", column=("预算数", "公务用车运行维护费"))
    assert budget.value == 12.02
    assert find_fact(yangquan, table="公开01表", row="本年收入合计").value_text == "8450.21"
    assert find_fact(yangquan, table="公开01表", row="年末结转和结余").value_text == "127.25"
    assert find_fact(yangquan, table="收入决算表", row="合计", column=("本年收入合计",)).value == 8450.21
    assert find_fact(yangquan, table="支出决算表", row="合计", column=("经营支出",)).value == 1131.78
    assert find_fact(yangquan, table="一般公共预算财政拨款支出决算表", code="2080505",
                     column=("基本支出",)).value_text == "73.10"
    vehicles = find_fact(yangquan, table="相关信息统计表", row="(一)车辆数合计(辆)")
    assert (vehicles.value_text, vehicles.unit, vehicles.value_yuan) == ("25", "辆", None)
    assert find_fact(yangquan, table="相关信息统计表", row="(一)行政单位").row_group == "二、机关运行经费"


def test_yangquan_side_by_side_groups_become_separate_rows(yangquan):
    total = next(t for t in yangquan.tables if t.code == "公开01表")
    assert total.columns == ["收入/金额", "支出/金额"]
    assert find_fact(yangquan, table="公开01表", row="本年支出合计").column == "支出/金额"
    detail = next(t for t in yangquan.tables if t.code == "公开06表")
    assert detail.columns == ["人员经费/决算数", "公用经费/决算数"]
    assert find_fact(yangquan, table="基本支出决算明细表", row="公用经费合计").value_text == "134.29"
    assert find_fact(yangquan, table="基本支出决算明细表", code="30231").value_text == "12.02"


def test_blank_cells_stay_blank_and_empty_tables_say_so(yangquan):
    carry = find_fact(yangquan, table="财政拨款收入支出决算总表", row="年末财政拨款结转和结余", column=("支出", "合计"))
    assert carry.blank and carry.value is None
    state = next(t for t in yangquan.tables if t.code == "公开08表")
    assert state.says_empty
    assert all(f.blank for f in yangquan.facts() if f.table_code == "公开08表")


def test_hierarchy_from_code_length(yangquan):
    table = next(t for t in yangquan.tables if t.code == "公开05表")
    levels = {r.code: r.level for r in table.rows if r.code}
    assert (levels["208"], levels["20802"], levels["2080201"]) == ("类", "款", "项")


def test_yangquan_header_repair_is_recorded(yangquan):
    sangong = next(t for t in yangquan.tables if t.code == "公开09表")
    assert any("对齐" in w for w in sangong.warnings)


def test_linfen_metadata_and_nine_tables_in_yuan(linfen):
    assert (linfen.department, linfen.year, linfen.kind) == ("临汾市民政局", 2019, "决算")
    tables = standard(linfen)
    assert [t.code for t in tables] == [f"公开{n:02d}表" for n in range(1, 10)]
    assert {t.unit for t in tables} == {"元"}


def test_linfen_figures(linfen):
    sangong = find_fact(linfen, table="三公", column=("决算数", "合计"))
    assert (sangong.value_text, sangong.value, sangong.unit, sangong.table_code) == ("28,452.82", 28452.82, "元", "公开07表")
    assert find_fact(linfen, table="三公", column=("预算数", "公务接待费")).value == 41100.0
    assert find_fact(linfen, table="公开01表", row="本年收入合计").value == 5235531.11
    assert find_fact(linfen, table="公开01表", row="年末结转和结余").value_text == "253000.00"
    # 公开05表 prints its value headers one column left of the data; the repair realigns them
    assert find_fact(linfen, table="支出决算表（一）", row="合计", column=("基本支出",)).value == 3567446.13
    assert find_fact(linfen, table="相关信息统计表", row="（一）行政单位").value_text == "333,925.00"


def test_linfen_sangong_contradiction_is_a_warning(linfen):
    """The document prints 28,452.82 for both 购置费 and 运行维护费 under a 小计 of 28,452.82."""
    sangong = next(t for t in linfen.tables if t.code == "公开07表")
    assert any("小计" in w and "28,452.82" in w for w in sangong.warnings)


def test_sections_carry_heading_paths(yangquan, linfen):
    reasons = [s for s in yangquan.sections if s.heading.startswith("一、收入支出决算总体情况说明")]
    assert reasons and "殡仪馆迁建项目完工" in reasons[0].text
    assert reasons[0].heading_path[0].startswith("第三部分")
    assert any("机关运行经费支出 33.39 万元" in s.text or "机关运行经费支出33.39万元" in s.text for s in linfen.sections)
    assert not any("目录" in s.heading for s in yangquan.sections)
