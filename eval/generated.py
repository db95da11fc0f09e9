"""The generated set: one templated question per printed figure of the standard tables, answered
back through qa, to measure extraction + lookup coverage.

It can only find errors (a figure the engine cannot reach, or reaches wrongly); it cannot prove
the parser right, since questions and expected values both come from the parser's output.
"""
from __future__ import annotations

from collections import Counter

from core.text import parse_amount
from qa.engine import QAEngine


WRONG_EXAMPLES = 12


def questions(engine: QAEngine):
    """(question, fact) for every non-blank figure in a standard table."""
    for info in engine.infos:
        doc = engine.docs[info.doc_id]
        for fact in doc.facts():
            table = doc.tables[fact.table_index]
            if fact.blank or table.category != "standard":
                continue
            row = " ".join(x for x in (fact.row_code, fact.row_label.split("/")[-1]) if x)
            column = "".join(fact.column.split("/"))
            yield f"{doc.department}{doc.year}年{table.title}{row}{column}是多少", fact


def run_generated(engine: QAEngine, limit: int | None = None) -> str:
    total = exact = cited = 0
    misses: Counter = Counter()
    wrong: list[str] = []  # a different figure given: the failure that matters most
    for n, (question, fact) in enumerate(questions(engine)):
        if limit is not None and n >= limit:
            break
        total += 1
        answer = engine.ask(question)
        head = answer.figures[0] if answer.figures else None
        value_ok = head is not None and parse_amount(head.value) == fact.value and head.unit == fact.unit
        cite = answer.citations[0] if answer.citations else None
        cell_ok = cite is not None and (cite.doc_id, cite.table_seq, cite.row_seq, cite.column_seq) == (
            fact.doc_id, fact.table_index, fact.row_index, fact.column_index)
        exact += value_ok
        cited += value_ok and cell_ok
        if not value_ok:
            misses[fact.table_title] += 1
            if head is not None:
                wrong.append(f"  {question} → {head.value}{head.unit}（表中 {fact.value_text}{fact.unit}）")
    lines = [f"generated set: {total} figures of the standard tables",
             f"answered with the exact value: {exact} ({exact / max(total, 1):.1%})",
             f"...and citing that very cell: {cited} ({cited / max(total, 1):.1%})",
             f"answered with another figure: {len(wrong)} ({len(wrong) / max(total, 1):.1%}); "
             f"the rest of the misses say the figure was not found"]
    if misses:
        lines.append("misses by table: " + "；".join(f"{t} {c}" for t, c in misses.most_common(8)))
    if wrong:
        lines += ["another figure given, first examples:", *wrong[:WRONG_EXAMPLES]]
    return "\n".join(lines)
