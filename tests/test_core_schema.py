"""The national templates as data: table types by title (决算 and 预算, regional variants),
column measures, and the standard 科目 with their names."""
from __future__ import annotations

import pytest

from conftest import LINFEN, SHARED_PDFS, YANGQUAN, needs_shared, parsed
from core.concepts import lexicon
from core.model import Table
from core.schema import OTHER, schema


@pytest.mark.parametrize("title, kind", [
    ("收入支出决算总表", "total"), ("部门财务收支预算总表", "total"), ("收支预算总表", "total"),
    ("预算单位财务收支预算总表", "total"),
    ("收入决算表", "income"), ("部门收入预算总表", "income"), ("支出决算表", "spending"),
    ("部门支出预算总表", "spending"),
    ("财政拨款收入支出决算总表", "appropriation"), ("部门财政拨款收支预算总表", "appropriation"),
    ("一般公共预算财政拨款支出决算表", "general"), ("部门一般公共预算支出功能分类预算表", "general"),
    ("一般公共预算支出预算表（功能科目）", "general"), ("一般公共预算财政拨款支出决算表（一）", "general"),
    ("一般公共预算财政拨款支出决算表（二）", "general_economic"),
    ("一般公共预算财政拨款基本支出决算明细表", "economic"),
    ("部门一般公共预算基本支出部门预算经济分类预算表", "economic"),
    ("财政拨款支出预算表（功能科目）", "appropriation_spending"), ("财政拨款基本支出预算表", "appropriation_basic"),
    ("政府性基金预算财政拨款收入支出决算表", "fund"), ("财政拨款政府性基金支出预算表", "fund"),
    ("国有资本经营预算财政拨款支出决算表", "state_capital"),
    ("财政拨款“三公”经费支出决算表", "sangong"), ("部门“三公”经费和机关运行经费预算表", "sangong"),
    ("“三公”经费、会议费、培训费支出预算表（一般公共预算）", "sangong"),
    ("一般公共预算机关运行经费支出预算表", "running"), ("政府采购预算表", "procurement"),
    ("部门决算公开相关信息统计表", "stats"), ("2024年度收入支出决算总表", "total"),
    ("财政项目支出绩效目标填报表", "performance"), ("本部门职责", OTHER),
])
def test_titles_of_both_templates_and_their_regional_variants_get_their_type(title, kind):
    assert schema().table_type(title) == kind


def test_variants_stand_in_for_the_table_they_replace():
    assert schema().family("appropriation_basic") == "economic"
    assert schema().family("appropriation_spending") == "general"
    assert schema().family("total") == "total"


@pytest.mark.parametrize("path, kind, year, measure", [
    ("决算数/合计", "决算", 2024, "决算数"), ("预算数/公务接待费", "决算", 2024, "预算数"),
    ("财政拨款支出/一般公共预算", "预算", 2024, "预算数"),  # a fund, not a measure
    ("本年支出/基本支出", "决算", 2024, "决算数"), ("2023年“三公”经费预算数/合计", "预算", 2024, "上年预算"),
    ("2024年“三公”经费预算数/合计", "预算", 2024, "预算数"), ("年初预算", "决算", 2024, "年初预算"),
    ("全年预算数", "决算", 2024, "全年预算"), ("上年决算数", "预算", 2024, "上年决算"),
])
def test_columns_carry_the_measure_their_header_names_else_the_documents_own(path, kind, year, measure):
    assert schema().column_measure(path, kind, year) == measure


def test_standard_names_give_codes_and_a_standard_name_beats_an_old_alias():
    s = schema()
    assert s.codes_named("function", "一、一般公共服务支出") == ["201"]
    assert s.codes_named("function", "文化体育与传媒支出") == ["207"]  # the pre-2018 name
    assert len(s.codes_named("function", "行政运行")) > 10  # shared by every 款's first 项
    assert s.codes_named("economic", "住房公积金") == ["30113"]  # 30311 printed it so before 2018
    assert s.codes_named("economic", "住房公积金", scheme="政府") == ["50103"]
    assert s.subject("function", "2080505").level == "项"


def test_every_identity_names_concepts_the_lexicon_has():
    names = {c.name for c in lexicon().concepts}
    for identity in schema().identities:
        assert set(identity.concepts) <= names
        assert all(t in schema().by_id for t in identity.tables)


def _template_tables(doc):
    return [t for t in doc.tables if t.category != "performance"]


def test_every_table_of_the_samples_is_typed_and_every_column_measured():
    for doc in (parsed(YANGQUAN), parsed(LINFEN)):
        for table in _template_tables(doc):
            assert table.type != OTHER, table.title
            assert len(table.measures) == len(table.columns) and all(table.measures)


@needs_shared
def test_every_table_of_the_shared_pdfs_is_typed():
    for path in sorted(SHARED_PDFS.glob("*.pdf")):
        for table in _template_tables(parsed(path)):
            assert table.type != OTHER, (path.name, table.title)


@pytest.mark.parametrize("note, empty", [
    ("说明：本表无数据。", True),
    ("注：本部门2023年无政府性基金预算财政拨款安排的预算，故本表为空表。", True),
    ("本单位不涉及国有资本经营预算财政拨款收支。", True),
    ("注：此表为空。", True),
    ("注：本表反映部门本年度的总收支和年末结转结余情况。", False),
    ("", False),
])
def test_a_note_saying_the_table_is_empty_makes_its_blanks_zero(note, empty):
    table = Table(title="政府性基金预算支出表", columns=[], rows=[], note=note)
    assert table.says_empty is empty


def test_tables_people_call_by_a_short_name():
    from core.schema import schema

    assert schema().short_named("三公表") == "sangong" and schema().short_named("政府采购表") == "procurement"
    assert schema().short_named("支出决算表") is None
    # the longest short name the phrase ends in: "支出总表" is the spending table, not the 总表 of both
    assert schema().short_named("支出总表") == "spending" and schema().short_named("收支总表") == "total"


@pytest.mark.parametrize("note, empty", [
    ("注：我单位无2017年政府性基金支出安排。", True),
    ("说明：本表无数据", True),
    ("注：本表反映部门本年度政府性基金预算财政拨款收入支出情况。", False),
])
def test_a_note_saying_the_table_holds_nothing(note, empty):
    assert bool(schema().empty_notes.search(note)) is empty
