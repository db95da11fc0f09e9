"""The budgetqa command runs each stage's own main: its help lists the subcommands, a
subcommand's --help is that main's, and ask answers from the store named by the environment or
by --store before the subcommand."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from budgetqa.cli import COMMANDS
from conftest import ROOT
from core.config import STORE_ENV

QUESTION = "阳泉市民政局2024年三公经费多少"


def budgetqa(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "budgetqa", *args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **env}, timeout=300)


def test_help_lists_every_subcommand_and_passes_on_theirs():
    out = budgetqa("--help")
    assert out.returncode == 0 and all(name in out.stdout for name in COMMANDS)
    out = budgetqa("ask", "--help")
    assert out.returncode == 0 and "usage: python -m qa" in out.stdout


def test_ask_reads_the_store_from_the_environment(sample_store):
    out = budgetqa("ask", QUESTION, "--json", **{STORE_ENV: str(sample_store)})
    data = json.loads(out.stdout)
    assert data["figures"][0]["value"] == "12.02" and data["citations"][0]["table_code"] == "公开09表"


def test_store_before_the_subcommand_is_passed_on(sample_store, tmp_path):
    out = budgetqa("--store", str(sample_store), "ask", QUESTION, **{STORE_ENV: str(tmp_path / "none")})
    assert out.returncode == 0 and "12.02万元" in out.stdout
