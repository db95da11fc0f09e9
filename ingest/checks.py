"""Arithmetic checks at ingest: totals against their parts, stored as warnings, never "fixed".

Real disclosures contradict themselves; a staff member checking a figure needs to know when
the table it comes from does not add up.
"""
from __future__ import annotations

from core.model import Document, Table
from core.schema import schema
from core.text import decimals, parse_amount

TOTAL_NAMES = ("合计", "小计", "总计")


def _tolerance(texts: list[str]) -> float:
    """Rounding slack: half a unit of the last printed decimal per summed part."""
    places = max((decimals(t) for t in texts), default=0)
    return 0.5 * 10 ** -places * max(len(texts), 1) + 1e-9


def _value(cells: list[str | None]) -> tuple[float, list[str]]:
    printed = [c for c in cells if c not in (None, "")]
    return sum(parse_amount(c) or 0.0 for c in printed), printed


def check_rows(table: Table) -> tuple[int, list[str]]:
    """合计 row = Σ 类 rows; each 类 = Σ its 款; each 款 = Σ its 项 (by 科目编码 prefix).
    Returns how many sums were checked, and the ones that fail."""
    warnings: list[str] = []
    checked = 0
    coded = [r for r in table.rows if r.code.isdigit()]
    if not coded or schema().row_kind(table.type) == "items":  # a summary table: 收入 and 支出 side by side
        return checked, warnings
    total_rows = [r for r in table.rows if not r.code and r.label.replace(" ", "") in TOTAL_NAMES]
    for ci, column in enumerate(table.columns):
        def check(parent_label: str, parent_text: str | None, children: list) -> None:
            nonlocal checked
            if parent_text in (None, "") or parse_amount(parent_text) is None or not children:
                return
            parts, printed = _value([c.values[ci] for c in children])
            if not printed:
                return
            checked += 1
            parent = parse_amount(parent_text)
            if abs(parent - parts) > _tolerance(printed + [parent_text]):
                warnings.append(f"{column}：{parent_label} {parent_text} ≠ 下级科目之和 {parts:.2f}")

        top = [r for r in coded if len(r.code) == 3]
        for total in total_rows[:1]:
            check(total.label, total.values[ci], top)
        for parent in coded:
            kids = [r for r in coded if len(r.code) == len(parent.code) + 2 and r.code.startswith(parent.code)]
            check(f"{parent.code} {parent.label}", parent.values[ci], kids)
    return checked, warnings


def _children(columns: list[str]) -> dict[str, list[str]]:
    tree: dict[str, list[str]] = {}
    for col in columns:
        parts = col.split("/")
        for depth in range(1, len(parts) + 1):
            parent, node = "/".join(parts[:depth - 1]), "/".join(parts[:depth])
            tree.setdefault(parent, [])
            if node not in tree[parent]:
                tree[parent].append(node)
    return tree


def check_columns(table: Table) -> tuple[int, list[str]]:
    """For sibling columns where one is a 合计/小计: it equals the sum of the others, per row.

    A node with sub-columns counts through its own 小计, so 三公 合计 = 因公出国 +
    公务用车(小计) + 公务接待, and 公务用车 小计 = 购置费 + 运行维护费. Where the measure sits
    below the items (合计/预算数, 合计/决算数), the check runs per measure.
    """
    warnings: list[str] = []
    checked = 0
    tree = _children(table.columns)
    index = {c: i for i, c in enumerate(table.columns)}

    def node_value(node: str, suffix: str, row) -> list[str]:
        """Printed cells that make up a column node: itself, its 小计, or all its sub-columns."""
        path = f"{node}/{suffix}" if suffix else node
        if path in index:
            cell = row.values[index[path]]
            return [] if cell is None else [cell]
        kids = tree.get(node, [])
        for kid in kids:
            if kid.rsplit("/", 1)[-1] in TOTAL_NAMES:
                return node_value(kid, suffix, row)
        return [c for kid in kids for c in node_value(kid, suffix, row)]

    for parent, kids in tree.items():
        totals = [k for k in kids if k.rsplit("/", 1)[-1] in TOTAL_NAMES]
        if len(totals) != 1 or len(kids) < 3:
            continue
        total, parts = totals[0], [k for k in kids if k != totals[0]]
        suffixes = sorted({c[len(total) + 1:] for c in table.columns if c.startswith(total + "/")}) or [""]
        for suffix in suffixes:
            for row in table.rows:
                total_cells = node_value(total, suffix, row)
                if len(total_cells) != 1 or parse_amount(total_cells[0]) is None:
                    continue
                total_text = total_cells[0]
                s, printed = _value([c for p in parts for c in node_value(p, suffix, row)])
                checked += 1
                if abs(parse_amount(total_text) - s) > _tolerance(printed + [total_text]):
                    name = f"{total}/{suffix}" if suffix else total
                    warnings.append(f"{row.label or '数据行'}：{name} {total_text} ≠ 各分项之和 {s:.2f}")
    return checked, warnings


def check_document(doc: Document) -> None:
    """Run the checks on every table and record failures with the table."""
    for table in doc.tables:
        table.warnings.extend(check_rows(table)[1] + check_columns(table)[1])
