"""python -m bench.load [--url URL | --store DIR] [--clients 1,20] [--seconds 60]: latency of
the web app's /ask API under concurrent clients.

Each client is a thread asking over real HTTP (Gradio's two-step API, as ``bench.app.ask``)
one question after another for ``--seconds``, cycling through the samples' gold questions
(figures, follow-ups, comparisons, reasons, refusals; with their earlier turns) from its own
starting point. Per client count: requests, errors, requests per second, and
latency p50 / p95 / max. Without --url the app is started over a copy of --store (built from
the samples when missing), with any --app-option passed on (e.g. --app-option=--concurrency=1).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.app import ROOT, ask, prepared_store, running_app
from eval.gold import GOLD_DIR, load_gold

QUESTIONS = [(g.q, g.history) for g in load_gold([GOLD_DIR / "samples.jsonl"])]


def client(base: str, first: int, deadline: float, times: list[float], errors: list[str]) -> None:
    """Ask until the deadline; each latency (or error) is recorded."""
    n = first
    while time.perf_counter() < deadline:
        question, history = QUESTIONS[n % len(QUESTIONS)]
        n += 1
        t = time.perf_counter()
        try:
            ask(base, question, history, timeout=120)
        except Exception as exc:  # noqa: BLE001 - every failure counts, whatever it is
            errors.append(f"{type(exc).__name__}: {exc}"[:200])
        else:
            times.append(time.perf_counter() - t)


def load(base: str, clients: int, seconds: float) -> dict:
    """``clients`` threads asking for ``seconds``: the latencies and errors they saw."""
    times: list[float] = []
    errors: list[str] = []
    deadline = time.perf_counter() + seconds
    step = len(QUESTIONS) // clients
    threads = [threading.Thread(target=client, args=(base, i * step, deadline, times, errors)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    times.sort()
    return {"clients": clients, "requests": len(times), "errors": errors, "per_s": len(times) / seconds,
            "p50": statistics.median(times) if times else float("nan"),
            "p95": times[int(0.95 * (len(times) - 1))] if times else float("nan"),
            "max": times[-1] if times else float("nan")}


def report(base: str, counts: list[int], seconds: float) -> None:
    for question, history in QUESTIONS:  # warm: the first retrieval answer loads the embedding model
        ask(base, question, history, timeout=600)
    print(f"{'clients':>8}{'requests':>10}{'errors':>8}{'req/s':>8}{'p50 s':>8}{'p95 s':>8}{'max s':>8}")
    for n in counts:
        r = load(base, n, seconds)
        print(f"{n:>8}{r['requests']:>10}{len(r['errors']):>8}{r['per_s']:>8.1f}{r['p50']:>8.3f}{r['p95']:>8.3f}"
              f"{r['max']:>8.3f}", flush=True)
        for error in sorted(set(r["errors"]))[:5]:
            print(f"         {error}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.load")
    parser.add_argument("--url", help="a running app (default: start one)")
    parser.add_argument("--store", default=str(ROOT / "store"), help="store to copy for the app started")
    parser.add_argument("--clients", default="1,20", help="client counts, run in turn")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--app-option", action="append", default=[], help="option for the app started")
    args = parser.parse_args(argv)
    counts = [int(n) for n in args.clients.split(",")]
    if args.url:
        report(args.url.rstrip("/") + "/", counts, args.seconds)
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        store = prepared_store(Path(args.store), Path(tmp))
        with running_app(store, Path(tmp) / "app.log", args.app_option) as (base, _, _):
            report(base, counts, args.seconds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
