"""budgetqa [--store DIR] ingest|index|ask|eval|serve [ARGS...]: one command for every stage.

Each subcommand runs the stage's own `python -m …` main with the rest of the arguments, so
options, output and exit status are those documented for it; a --store given before the
subcommand is passed on (each main defaults to core.config.default_store()).
"""
from __future__ import annotations

import argparse
import runpy
import sys

from core.config import STORE_HELP

# subcommand -> (module run as __main__, what it does)
COMMANDS = {
    "ingest": ("ingest", "解析公开文件（PDF、TXT、Markdown、HTML）写入数据库并更新检索索引（python -m ingest）"),
    "index": ("index", "建立或查询检索索引：index build | index search 问题（python -m index）"),
    "ask": ("qa", "提问，答案附出处（python -m qa）"),
    "eval": ("eval", "用金标准问题评测答案与引用（python -m eval）"),
    "serve": ("app", "网页问答界面（python app.py）"),
}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="budgetqa", description="部门预算/决算公开问答：每个数字都注明出处",
                                epilog="各子命令的选项：budgetqa 子命令 --help")
    p.add_argument("--store", help=STORE_HELP)
    sub = p.add_subparsers(dest="command", required=True, metavar="子命令")
    for name, (_, summary) in COMMANDS.items():
        sub.add_parser(name, help=summary, add_help=False)  # its own main answers --help
    return p


def run_module(module: str, argv: list[str]) -> None:
    """Runs `python -m module argv` in this process; runpy, so no stage's __main__ is imported."""
    saved = sys.argv
    sys.argv = [module, *argv]
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    finally:
        sys.argv = saved


def main(argv: list[str] | None = None) -> int:
    """Dispatches to the subcommand's main; its sys.exit ends the command with its status."""
    args, rest = parser().parse_known_args(argv)
    store = ["--store", args.store] if args.store else []
    run_module(COMMANDS[args.command][0], rest + store)
    return 0
