"""Aggregate per-question scores into the tables ``python -m eval`` prints and writes."""
from __future__ import annotations

import statistics
from collections.abc import Mapping

from eval.gold import GoldItem
from eval.scoring import Disclosure, score
from qa.model import Answer


def _rates(rows: list[dict]) -> dict:
    n = len(rows)
    if not n:
        return {"n": 0}
    latencies = sorted(r["seconds"] for r in rows)
    refusals_expected = [r for r in rows if r["kind_refuse"]]
    refused = [r for r in rows if r["refused"]]
    planned = [r["plan_ok"] for r in rows if r["plan_ok"] is not None]
    return {
        "n": n,
        "plan": sum(planned) / len(planned) if planned else None,
        "wrong_figures": sum(r["wrong_figure"] for r in rows),
        "answer": sum(r["answer_ok"] for r in rows) / n,
        "citation": sum(r["citation_ok"] for r in rows) / n,
        "strict": sum(r["strict"] for r in rows) / n,
        "refusal_precision": (sum(r["kind_refuse"] for r in refused) / len(refused)) if refused else None,
        "refusal_recall": (sum(r["refused"] for r in refusals_expected) / len(refusals_expected))
        if refusals_expected else None,
        "p50_ms": 1000 * statistics.median(latencies),
        "p95_ms": 1000 * latencies[min(n - 1, int(round(0.95 * (n - 1))))],
    }


def build_report(results: list[tuple[GoldItem, Answer, float]], disclosures: Mapping[str, Disclosure] | None = None) -> dict:
    rows = []
    for item, answer, seconds in results:
        s = score(item, answer, disclosures)
        rows.append({"id": item.id, "q": item.q, "kind": item.kind, "set": item.file, "doc": item.cite.doc if item.cite else "(拒答)",
                     "gold": item.gold, "answer": answer.answer, "status": answer.status, "route": answer.route,
                     "figure": answer.figures[0].value + answer.figures[0].unit if answer.figures else "",
                     "citation": answer.citations[0].where + " · " + answer.citations[0].row + " · " +
                     answer.citations[0].column if answer.citations else "",
                     "answer_ok": s.answer_ok, "citation_ok": s.citation_ok, "strict": s.strict,
                     "plan": answer.plan, "plan_ok": s.plan_ok,
                     # a headline figure that is not the answer: worse than saying "not found" (a
                     # quoted explanation may carry figures; it is judged by its words)
                     "wrong_figure": bool(answer.figures) and not s.answer_ok and item.kind != "text",
                     "refused": s.refused, "kind_refuse": item.refuse, "seconds": seconds})
    report = {"overall": _rates(rows), "by_set": {}, "by_kind": {}, "by_doc": {}, "questions": rows}
    for key, field in (("by_set", "set"), ("by_kind", "kind"), ("by_doc", "doc")):
        for value in sorted({r[field] for r in rows}):
            report[key][value] = _rates([r for r in rows if r[field] == value])
    return report


def _line(name: str, r: dict) -> str:
    if not r.get("n"):
        return f"{name:<44}{0:>5}"
    fmt = lambda v: "   -  " if v is None else f"{v:6.3f}"  # noqa: E731
    return (f"{name[:44]:<44}{r['n']:>5}{r['answer']:>8.3f}{r['citation']:>8.3f}{r['strict']:>8.3f}"
            f"{fmt(r['plan']):>8}{r['wrong_figures']:>7}"
            f"{fmt(r['refusal_precision']):>8}{fmt(r['refusal_recall']):>8}{r['p50_ms']:>8.0f}{r['p95_ms']:>8.0f}")


def format_report(report: dict) -> str:
    head = (f"{'':<44}{'n':>5}{'answer':>8}{'cite':>8}{'strict':>8}{'plan':>8}{'wrong':>7}{'ref.P':>8}{'ref.R':>8}"
            f"{'p50ms':>8}{'p95ms':>8}")
    lines = [head, _line("overall", report["overall"]), "-- by gold set"]
    lines += [_line(k, v) for k, v in report["by_set"].items()]
    lines.append("-- by kind")
    lines += [_line(k, v) for k, v in report["by_kind"].items()]
    lines.append("-- by document")
    lines += [_line(k, v) for k, v in report["by_doc"].items()]
    return "\n".join(lines)
