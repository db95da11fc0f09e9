"""python -m bench.ingest [PDF or folder...]: parsing speed next to a bare pdfplumber pass.

The bare pass (extract_text + extract_tables per page) is the floor any pdfplumber-based
parser pays; the difference is what structure recovery costs.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from ingest import parse_file
from ingest.pipeline import expand

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "pdfs"


def bare_pdfplumber(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.extract_tables()
        return len(pdf.pages)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.ingest")
    parser.add_argument("paths", nargs="*", default=[str(DEFAULT)])
    args = parser.parse_args(argv)
    pdfs = [p for p in expand(args.paths) if p.suffix.lower() == ".pdf"]
    if not pdfs:
        raise SystemExit(f"没有找到 PDF：{args.paths}")

    t0 = time.perf_counter()
    pages = sum(bare_pdfplumber(p) for p in pdfs)
    bare = time.perf_counter() - t0

    t0 = time.perf_counter()
    docs = [parse_file(p) for p in pdfs]
    ours = time.perf_counter() - t0
    facts = sum(len(d.facts()) for d in docs)

    print(f"{len(pdfs)} PDFs, {pages} pages, single process")
    print(f"{'pass':<34}{'seconds':>9}{'pages/s':>9}")
    print(f"{'bare pdfplumber text+tables':<34}{bare:>9.2f}{pages / bare:>9.1f}")
    print(f"{'python -m ingest parse (full)':<34}{ours:>9.2f}{pages / ours:>9.1f}")
    print(f"parse/bare time ratio: {ours / bare:.2f}; {sum(len(d.tables) for d in docs)} tables, {facts} facts")


if __name__ == "__main__":
    main()
