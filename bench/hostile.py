"""python -m bench.hostile: time and peak memory of ingesting each hostile input of issue 14.

Every file (made by tests/hostile_files.py) is parsed by ``parse_file`` in a fresh process, so
its peak memory (the process's maximum RSS, from wait4) is its own; the first row is a process
that imports the parser and parses nothing, the last a real sample, for scale.
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from tests.hostile_files import HOSTILE, SAMPLE, bomb_pdf

# larger than the tests need: 1 MB of deflate that inflates to 1 GB
EXTRA = [("deflate-bomb-1GB.pdf", lambda: bomb_pdf(1024), "压缩炸弹")]

CHILD = """
import sys
from ingest import IngestError, parse_file
if len(sys.argv) > 1:
    try:
        doc = parse_file(sys.argv[1])
        print(f"stored: {len(doc.tables)} tables")
    except IngestError as exc:
        print(exc)
"""


def measure(path: Path | None, timeout: float) -> tuple[float, float, str]:
    """Seconds, peak MB and the outcome of parsing ``path`` in a fresh process."""
    with tempfile.TemporaryFile("w+") as out:
        started = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-c", CHILD, *([str(path)] if path else [])], stdout=out,
                                 stderr=subprocess.STDOUT)
        killer = threading.Timer(timeout, os.kill, (child.pid, signal.SIGKILL))
        killer.start()
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        killer.cancel()
        out.seek(0)
        outcome = out.read().strip().splitlines()
    killed = os.WIFSIGNALED(status)
    return seconds, usage.ru_maxrss / 1024, "killed after the timeout" if killed else (outcome or [""])[-1]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.hostile")
    parser.add_argument("--timeout", type=float, default=120, help="seconds before a parse is killed")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        rows: list[tuple[str, int, Path | None]] = [("(imports only)", 0, None)]
        for name, make, _ in HOSTILE + EXTRA:
            path = Path(folder) / name
            path.write_bytes(make())
            rows.append((name, path.stat().st_size, path))
        rows.append((SAMPLE.name, SAMPLE.stat().st_size, SAMPLE))
        print(f"{'input':<38}{'bytes':>10}{'seconds':>9}{'peak MB':>9}  outcome")
        for name, size, path in rows:
            seconds, peak, outcome = measure(path, args.timeout)
            print(f"{name:<38}{size:>10}{seconds:>9.2f}{peak:>9.0f}  {outcome[:70]}", flush=True)


if __name__ == "__main__":
    main()
