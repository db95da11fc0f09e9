"""Answers over generated disclosures (eval.synthetic) with a layout hazard: an empty table drawn
without rules (no grid to find, only its note), and a summary table printing no unit. Expected
values come from the generator's own record of what it printed."""
from __future__ import annotations

from pathlib import Path

import pytest

from eval.synthetic.__main__ import expected
from eval.synthetic.render import render
from eval.synthetic.spec import generate
from ingest.pipeline import expand, ingest_paths
from qa.engine import QAEngine


def _engine(tmp_path: Path, seed: int, hazard: str) -> tuple[QAEngine, dict]:
    spec = generate(seed, "决算", "city" if hazard == "no_unit" else "province")
    files = render(spec, frozenset({hazard}))
    for f in files:
        (tmp_path / f.name).write_bytes(f.data)
    store = tmp_path / "store"
    assert not ingest_paths(expand([str(tmp_path)]), store, jobs=1, progress=False,
                            out=open("/dev/null", "w")).failed
    return QAEngine(store, llm=False), expected(spec, files, frozenset({hazard}), "t")


@pytest.mark.parametrize("fund", ["政府性基金", "国有资本经营预算"])
def test_a_fund_whose_empty_table_was_drawn_without_rules_is_zero_by_its_note(tmp_path, fund):
    engine, raw = _engine(tmp_path, 100, "no_rules")
    a = engine.ask(f"{raw['department']['name']}{raw['year']}年{fund}支出多少")
    assert [f.value for f in a.figures] == ["0"]
    assert any("没有" in c.quote and fund[:4] in c.quote for c in a.citations)  # the note, cited


def test_a_figure_of_a_summary_table_without_its_unit_is_read_where_the_templates_print_it_again(tmp_path):
    """The 收入支出决算总表 prints no unit; the 收入决算表 prints 事业收入 (and the others) with
    one: the figure comes from there, never with a unit guessed for the summary table."""
    engine, raw = _engine(tmp_path, 4, "no_unit")
    income = next(t for t in raw["tables"] if t["title"] == "收入决算表")
    printed = next(c["printed"] for c in income["cells"] if c["row_label"] == "合计" and "财政拨款收入" in c["column"])
    a = engine.ask(f"{raw['department']['name']}{raw['year']}年财政拨款收入多少")
    assert [(f.value, f.unit) for f in a.figures] == [(printed, income["unit"])]
    assert a.citations[0].table_title == "收入决算表"


def test_a_kemu_of_a_summary_table_without_its_unit_is_read_in_the_spending_table(tmp_path):
    """The 收入支出决算总表 prints no unit; its 支出 by 类 is the 支出决算表's, which prints the
    same figure with its unit. Never the narrative's 财政拨款 part of that 类 (another figure)."""
    engine, raw = _engine(tmp_path, 4, "no_unit")
    spending = next(t for t in raw["tables"] if t["title"] == "支出决算表")
    kind = next(c for c in spending["cells"] if len(c["row_code"]) == 3 and c["column"] == ["本年支出合计"])
    a = engine.ask(f"{raw['department']['name']}{raw['year']}年{kind['row_label']}多少")
    assert [(f.value, f.unit) for f in a.figures][:1] == [(kind["printed"], spending["unit"])], a.answer
    assert a.citations[0].table_title == "支出决算表"
