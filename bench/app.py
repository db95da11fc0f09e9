"""python -m bench.app [--store DIR] [--rounds N]: start-up to first answer, and warm latency,
of the web app over HTTP.

Copies a store (default ./store; built from data/samples into a temp folder when missing) to a
temp folder, starts ``python app.py`` on a free port, waits for HTTP 200, asks through the
Gradio HTTP API (the ``/ask`` endpoint: the same ``QAEngine.ask`` the chat calls) and prints
the seconds to the first answer and the per-question latency once warm.
"""
from __future__ import annotations

import argparse
import json
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST = "阳泉市民政局2024年三公经费多少"
QUESTIONS = [FIRST, "临汾市民政局2019年本年收入合计是多少", "阳泉民政局24年有几辆车", "阳泉市民政局2024年支出结构",
             "阳泉民政局收入为什么比上年下降"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ask(base: str, question: str, history: list[str] | None = None, timeout: float = 300) -> dict:
    """One call of the app's /ask endpoint (Gradio's two-step HTTP API: POST, then read the
    event stream until 'complete')."""
    body = json.dumps({"data": [question, history or []]}).encode()
    req = urllib.request.Request(f"{base}gradio_api/call/ask", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=timeout) as r:
        event_id = json.load(r)["event_id"]
    with urllib.request.urlopen(f"{base}gradio_api/call/ask/{event_id}", timeout=timeout) as r:
        event = None
        for raw in r:
            line = raw.decode("utf-8").rstrip("\n")
            if line.startswith("event:"):
                event = line.split(":", 1)[1].strip()
            elif line.startswith("data:") and event in ("complete", "error"):
                data = line.split(":", 1)[1].strip()
                if event == "error":
                    raise RuntimeError(f"/ask failed for {question!r}: {data}")
                return json.loads(data)[0]
    raise RuntimeError(f"/ask: no answer for {question!r}")


class AppNotReady(RuntimeError):
    """The app process exited, or did not answer HTTP 200 in time."""


def wait_ready(base: str, proc: subprocess.Popen, timeout: float = 300) -> None:
    """Poll the app until it answers HTTP 200 (shared by the benchmark and the browser tests)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if proc.poll() is not None:
            raise AppNotReady(f"app exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(base, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise AppNotReady(f"app did not answer HTTP 200 on {base}")


def prepared_store(seed: Path, folder: Path) -> Path:
    """A copy of the store ``seed`` in ``folder`` (built from data/samples when ``seed`` has none)."""
    store = folder / "store"
    if (seed / "budget.sqlite").exists():
        shutil.copytree(seed, store)
    else:
        print(f"{seed} has no store: building one from data/samples (not timed)…", flush=True)
        subprocess.run([sys.executable, "-m", "ingest", str(ROOT / "data" / "samples"), "--store", str(store),
                        "--quiet"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return store


@contextmanager
def running_app(store: Path, log_path: Path, options: list[str] = ()):
    """``python app.py`` over ``store`` on a free port, stopped on exit; yields (base URL,
    process, the seconds it took to answer HTTP 200)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    with open(log_path, "w") as log:
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "app.py", "--store", str(store), "--port", str(port), *options],
                                cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_ready(base, proc)
            yield base, proc, time.perf_counter() - t0
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.app")
    parser.add_argument("--store", default=str(ROOT / "store"), help="store to copy (built from the samples if missing)")
    parser.add_argument("--rounds", type=int, default=3, help="warm rounds over the questions")
    parser.add_argument("--no-warmup", action="store_true", help="start the app with --no-warmup")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-app-") as tmp:
        store = prepared_store(Path(args.store), Path(tmp))
        options = ["--no-warmup"] if args.no_warmup else []
        with running_app(store, Path(tmp) / "app.log", options) as (base, _, ready):
            t0 = time.perf_counter()
            answer = ask(base, FIRST)
            first_call = time.perf_counter() - t0
            first = ready + first_call
            figure = answer["figures"][0] if answer["figures"] else {}
            print(f"app start-up to HTTP 200:        {ready:6.2f} s")
            print(f"start-up to first answer:        {first:6.2f} s  (the call itself {first_call:.2f} s)")
            print(f"  {FIRST} → {figure.get('value', '')}{figure.get('unit', '')} [{answer['status']}]")
            times: dict[str, list[float]] = {q: [] for q in QUESTIONS}
            first_seen: dict[str, float] = {}
            for n in range(args.rounds + 1):
                for q in QUESTIONS:
                    t = time.perf_counter()
                    ask(base, q)
                    dt = time.perf_counter() - t
                    if n == 0:
                        first_seen[q] = dt  # first time each question type runs (model loads land here)
                    else:
                        times[q].append(dt)
            print(f"per question (first call, then median / max of {args.rounds} warm calls), seconds:")
            for q in QUESTIONS:
                print(f"  {first_seen[q]:6.3f}   {statistics.median(times[q]):6.3f} / {max(times[q]):6.3f}   {q}")
            warm = [t for ts in times.values() for t in ts]
            print(f"warm latency over all questions: median {statistics.median(warm):.3f} s, "
                  f"mean {statistics.mean(warm):.3f} s, max {max(warm):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
