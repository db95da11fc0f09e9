"""Give a parsed document the national templates' keys: a type for each table, a measure for
each column, a 科目 code for each row that has one.

A code is printed, or read from a standard name that only one 科目 of the table's
classification carries ("一般公共服务支出" → 201); a name several 科目 share ("行政运行") takes
the one under the nearest coded row above it, and otherwise stays without a code: a guessed code
would join the row to the wrong key.
"""
from __future__ import annotations

from core.model import Document, Table
from core.schema import OTHER, schema


def canonicalise(doc: Document) -> None:
    for table in doc.tables:
        if table.type == OTHER:  # a type the parser gave (a table of project forms) stands
            table.type = "performance" if table.category == "performance" else schema().table_type(table.title)
        table.measures = [schema().column_measure(c, doc.kind, doc.year) for c in table.columns]
        _code_rows(table)


def _code_rows(table: Table) -> None:
    kind = schema().row_kind(table.type) if table.type != OTHER else ""
    if not kind:
        return
    classification = "function" if kind in ("function", "items") else "economic"
    scheme = "政府" if "政府预算" in table.title else "部门"  # 政府预算经济分类 (501…) or 部门 (301…)
    above = ""  # the nearest coded row: a shared name ("行政运行") belongs under it
    for row in table.rows:
        if row.code.isdigit():
            row.code_source = row.code_source or "printed"
            above = row.code
            continue
        codes = schema().codes_named(classification, row.label, scheme)
        if kind == "items":
            codes = [c for c in codes if len(c) == 3]  # a summary table lists 类 only
        elif len(codes) > 1 and above:
            codes = [c for c in codes if c != above and c.startswith(above[:len(c) - 2])]
        if len(codes) == 1:
            row.code, row.code_source = codes[0], "name"
            above = row.code
