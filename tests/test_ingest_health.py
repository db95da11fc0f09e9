"""The parse-health report: typed tables, units, measures, codes, sums and identities, stated
facts, for documents nobody labelled."""
from __future__ import annotations

import subprocess
import sys

from conftest import LINFEN, ROOT, SAMPLES, YANGQUAN, parsed
from ingest.health import format_health, health


def test_the_samples_are_fully_typed_with_units_and_their_identities_hold():
    for path in (YANGQUAN, LINFEN):
        h = health(parsed(path))
        assert h.tables >= 9 and h.typed == h.tables and h.with_unit == h.tables
        assert h.subject_rows and h.coded_printed + h.coded_by_name == h.subject_rows
        assert h.identities_checked >= 3 and not h.identity_failures
        # the rest are 年初预算 figures (a 决算 prints only the outturn) and zeros of blank cells
        assert h.stated >= 100 and h.stated_in_tables / h.stated_levels >= 0.5


def test_a_document_that_contradicts_itself_is_listed_with_both_figures():
    h = health(parsed(LINFEN))
    assert h.sums_failed == 1  # the 三公 table: 公务用车购置费 repeats 运行维护费
    text = format_health(h)
    assert "✗ 公务用车购置费（文字陈述 vs 表格）：0元" in text


def test_report_command_prints_each_file_and_a_total_without_writing_a_store(tmp_path):
    result = subprocess.run([sys.executable, "-m", "ingest", "--report", str(SAMPLES), "--quiet", "--jobs", "1"],
                            cwd=tmp_path, capture_output=True, text=True, env={"PYTHONPATH": str(ROOT)}, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "阳泉市民政局 2024年部门决算" in result.stdout and "临汾市民政局 2019年部门决算" in result.stdout
    assert result.stdout.count("表格：已识别类型") == 3  # two files and the total
    assert not any(tmp_path.iterdir())
