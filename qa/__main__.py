"""python -m qa "问题" [--json] | python -m qa --jsonl < questions.txt

Readable answers by default; JSON for scripts. --jsonl reads one question per line (a line may
also be a JSON object {"q": ..., "history": [...]}) and loads the models once.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from core.config import STORE_HELP, default_store
from core.store import StoreError


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
    return "\n".join(lines)


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
        for line in sys.stdin:
            line = line.strip()
            if not line:
                continue
            try:
                item = json.loads(line) if line.startswith("{") else {"q": line}
            except json.JSONDecodeError as exc:  # one bad line does not end the batch
                print(json.dumps({"question": line, "status": "error", "error": f"无法解析的 JSON：{exc}"},
                                 ensure_ascii=False), flush=True)
                continue
            answer = engine.ask(str(item.get("q", "")), list(item.get("history", [])))
            print(json.dumps(answer.to_json(), ensure_ascii=False), flush=True)
        return 0
    answer = engine.ask(args.question, args.history)
    print(json.dumps(answer.to_json(), ensure_ascii=False, indent=1) if args.json else render(answer))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # the reader stopped early ("| head"): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
