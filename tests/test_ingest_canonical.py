"""Codes for 科目 rows printed without one: from a standard name only one code carries, or the
one under the nearest coded row when many share the name; never a guess."""
from __future__ import annotations

from core.model import Document, Row, Table
from ingest.canonical import canonicalise


def _doc(*tables: Table, kind: str = "预算") -> Document:
    return Document(doc_id="t", source="t.txt", sha256="", department="某市某局", year=2024, kind=kind, scope="部门",
                    title="", pages=None, tables=list(tables))


def _rows(*labels_codes) -> list[Row]:
    return [Row(label=label, values=["1.00"], code=code) for label, code in labels_codes]


def test_rows_named_by_standard_names_get_codes_and_shared_names_take_the_one_under_their_parent():
    table = Table(title="一般公共预算支出功能分类预算表", columns=["合计"], rows=_rows(
        ("合计", ""), ("一般公共服务支出", ""), ("政府办公厅（室）及相关机构事务", ""), ("行政运行", ""),
        ("一般行政管理事务", ""), ("住房保障支出", "221"), ("住房改革支出", ""), ("住房公积金", "")))
    canonicalise(_doc(table))
    assert [(r.code, r.code_source) for r in table.rows] == [
        ("", ""), ("201", "name"), ("20103", "name"), ("2010301", "name"), ("2010302", "name"),
        ("221", "printed"), ("22102", "name"), ("2210201", "name")]


def test_a_shared_name_with_no_coded_row_above_stays_without_a_code():
    table = Table(title="支出预算总表", columns=["合计"], rows=_rows(("行政运行", ""), ("事业运行", "")))
    canonicalise(_doc(table))
    assert [r.code for r in table.rows] == ["", ""]


def test_a_summary_table_codes_its_类_rows_only_and_economic_tables_use_the_economic_scheme():
    total = Table(title="收支预算总表", columns=["收入", "支出"], rows=_rows(
        ("一、一般公共服务支出", ""), ("行政运行", ""), ("一般公共预算拨款收入", "")))
    economic = Table(title="一般公共预算基本支出预算表", columns=["合计"], rows=_rows(
        ("工资福利支出", ""), ("基本工资", ""), ("住房公积金", ""), ("办公费", "")))
    canonicalise(_doc(total, economic))
    assert [r.code for r in total.rows] == ["201", "", ""]
    assert [r.code for r in economic.rows] == ["301", "30101", "30113", "30201"]
    assert total.type == "total" and economic.type == "economic"
    assert total.measures == ["预算数", "预算数"]
