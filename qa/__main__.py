"""python -m qa "问题" [--json] | python -m qa --jsonl < questions.txt

Readable answers by default; JSON for scripts. --jsonl reads one question per line (a line may
also be a JSON object {"q": ..., "history": [...]}) and loads the models once; a bad line gets an
error object in its place, the lines after it are still answered, and the exit status is 1.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from core.config import STORE_HELP, default_store
from core.store import StoreError
from core.terminal import run_main, shown


class BadLine(ValueError):
    """A --jsonl line that is no question; ``str()`` says why."""


def render(answer) -> str:
    lines = [answer.answer]
    for note in answer.notes:
        lines.append(f"  注：{note}")
    for n, c in enumerate(answer.citations, start=1):
        row = " ".join(x for x in (c.row_code, c.row) if x)
        lines.append(f"  [{n}] {c.where}" + (f" · {row}" if row else "") + (f" · {c.column}" if c.column else ""))
        lines.append(f"      {c.quote[:160]}")
    if answer.status != "answered":
        lines.append(f"  （状态：{answer.status}）")
    return "\n".join(map(shown, lines))


def question_of(line: str) -> tuple[str, list[str]]:
    """A --jsonl line's question and history: the line itself, or a JSON object's "q" and "history"."""
    if not line.startswith("{"):
        return line, []
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadLine(f"无法解析的 JSON：{exc}") from exc
    question, history = item.get("q"), item.get("history", [])
    if not isinstance(question, str) or not question.strip():
        raise BadLine("“q”应为非空的问题文字")
    if not isinstance(history, list) or not all(isinstance(h, str) for h in history):
        raise BadLine("“history”应为之前问题的列表（每项是一段文字）")
    return question, history


def answer_lines(engine, lines) -> int:
    """One JSON answer per non-empty line, printed as soon as it is ready; a line that fails gets
    an error object instead and the batch goes on. Returns how many lines failed."""
    failed = 0
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line:
            continue
        try:
            out = engine.ask(*question_of(line)).to_json()
        except Exception as exc:  # one line, even one the engine fails on, never ends the batch
            failed += 1
            reason = str(exc) if isinstance(exc, BadLine) else f"回答时出错（{type(exc).__name__}: {exc}）"
            out = {"line": number, "question": line, "status": "error", "error": reason}
        print(json.dumps(out, ensure_ascii=False), flush=True)
    return failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m qa", description="就部门预算/决算公开文件提问，答案附出处")
    parser.add_argument("question", nargs="?")
    parser.add_argument("--store", default=default_store(), help=STORE_HELP)
    parser.add_argument("--json", action="store_true", help="输出 JSON")
    parser.add_argument("--jsonl", action="store_true", help="从标准输入逐行读取问题，每行输出一个 JSON")
    parser.add_argument("--history", action="append", default=[], help="之前的问题（可重复，按先后顺序）")
    args = parser.parse_args(argv)
    if not args.question and not args.jsonl:
        parser.error("请给出问题，或使用 --jsonl")
    from qa.engine import QAEngine

    try:
        engine = QAEngine(Path(args.store))
    except StoreError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    if args.jsonl:
        return 1 if answer_lines(engine, sys.stdin) else 0
    answer = engine.ask(args.question, args.history)
    print(json.dumps(answer.to_json(), ensure_ascii=False, indent=1) if args.json else render(answer))
    return 0


if __name__ == "__main__":
    run_main(main)
