"""python -m eval.synthetic OUTDIR [--n 5] [--seed 1] [--kind 决算|预算|both] [--hazards none|all|name,name]

Writes the PDFs, gold.jsonl (questions for every document) and expected.json (every table cell and
stated fact with its page, per document). One extra hazard-free control document is always written.
"""

from __future__ import annotations

import argparse
import json
import random
from collections import Counter
from pathlib import Path

from .questions import questions
from .render import HAZARDS, RenderedFile, render
from .spec import DisclosureSpec, generate

LEVELS = ("province", "city", "district")


def _hazard_sets(arg: str, n: int, rng: random.Random) -> list[frozenset[str]]:
    """Per document: none, the named ones, or (all) 3–5 drawn so that every hazard gets used."""
    if arg == "none":
        return [frozenset()] * n
    if arg != "all":
        names = frozenset(h.strip() for h in arg.split(",") if h.strip())
        unknown = names - set(HAZARDS)
        if unknown:
            raise SystemExit(f"unknown hazards: {', '.join(sorted(unknown))}; known: {', '.join(HAZARDS)}")
        return [names] * n
    used: Counter[str] = Counter()
    out: list[frozenset[str]] = []
    for _ in range(n):
        while True:
            order = sorted(HAZARDS, key=lambda h: (used[h], rng.random()))
            pick = frozenset(order[: rng.randint(3, 5)])
            if pick not in out or len(out) > 40:
                break
        used.update(pick)
        out.append(pick)
    return out


def expected(spec: DisclosureSpec, files: list[RenderedFile], hazards: frozenset[str], doc_id: str) -> dict:
    """What a perfect parser would recover from the files: tables, cells and facts with pages."""
    where = {i: (f.name, p) for f in files for i, p in f.pages.items()}
    placed = {p.key: (f.name, p) for f in files for p in f.tables}
    tables = []
    for t in spec.tables:
        name, p = placed[t.key]
        tables.append({
            "key": t.key, "type": t.type_name, "title": p.title, "code": p.code, "unit": p.unit,
            "unit_caption": p.unit_caption, "unit_missing": not p.unit_caption, "file": name,
            "title_where": p.title_where, "title_page": p.title_page, "grid_pages": p.grid_pages, "ruled": p.ruled,
            "stray_line": p.stray, "note": t.note, "empty_note": t.empty_note,
            "cells": [{"id": c.id, "row_code": c.row_code, "row_label": c.row_label, "column": c.column,
                       "printed": c.printed, "value": c.value, "page": where[c.id][1]} for c in t.cells()],
        })
    facts = [{"id": f.id, "subject": f.subject, "value": f.value, "unit": f.unit, "qualifier": f.qualifier,
              "section": f.section, "file": where[f.id][0], "page": where[f.id][1]} for f in spec.facts()]
    d = spec.dept
    return {"doc_id": doc_id, "seed": spec.seed, "kind": spec.kind, "year": spec.year, "scope": spec.scope,
            "control": not hazards, "hazards": sorted(hazards),
            "department": {"name": d.name, "level": d.level, "province": d.province, "city": d.city,
                           "district": d.district, "org": d.org, "cover_short": d.cover_short,
                           "spoken": list(d.spoken)},
            "files": [f.name for f in files], "tables": tables, "facts": facts}


def write_set(outdir: Path, n: int, seed: int, kind: str = "both", hazards: str = "all", log=print) -> None:
    """Generate n documents (plus a control) into outdir with gold.jsonl and expected.json."""
    rng = random.Random(seed)
    sets = _hazard_sets(hazards, n, rng) + [frozenset()]
    outdir.mkdir(parents=True, exist_ok=True)
    names: set[str] = set()
    docs, gold = [], []
    for i, drawn in enumerate(sets):
        doc_kind = kind if kind != "both" else ("决算", "预算")[i % 2]
        level = rng.choice(LEVELS)
        doc_seed = seed * 1000 + i
        spec = generate(doc_seed, doc_kind, level)
        while {spec.dept.name, *spec.dept.spoken} & names:   # short names must point at one document
            doc_seed += 100_000
            spec = generate(doc_seed, doc_kind, level)
        names |= {spec.dept.name, *spec.dept.spoken}
        files = render(spec, drawn)
        for f in files:
            (outdir / f.name).write_bytes(f.data)
        qs = questions(spec, files)
        docs.append(expected(spec, files, drawn, qs[0]["id"].rsplit("-", 1)[0]))
        gold += qs
        tag = "control" if not drawn else ",".join(sorted(drawn))
        log(f"{spec.dept.name} {spec.year} {doc_kind}: {len(files)} file(s), {len(qs)} questions [{tag}]")
    (outdir / "gold.jsonl").write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in gold),
                                       encoding="utf-8")
    (outdir / "expected.json").write_text(json.dumps({"documents": docs}, ensure_ascii=False, indent=1),
                                          encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m eval.synthetic", description=__doc__.splitlines()[0])
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--n", type=int, default=5)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--kind", choices=("决算", "预算", "both"), default="both")
    ap.add_argument("--hazards", default="all")
    args = ap.parse_args(argv)
    write_set(args.outdir, args.n, args.seed, args.kind, args.hazards)


if __name__ == "__main__":
    main()
