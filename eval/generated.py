"""The generated set: one templated question per printed figure of the standard tables and per
figure the narrative states (its stated facts), answered back through qa, to measure extraction
+ lookup coverage.

It can only find errors (a figure the engine cannot reach, or reaches wrongly); it cannot prove
the parser right, since questions and expected values both come from the parser's output.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from eval.scoring import same_amount
from qa.engine import QAEngine
from qa.lookup import row_name

WRONG_EXAMPLES = 12


@dataclass
class Expected:
    unit: str
    printed: str
    source: str  # the table's title, or "情况说明" for a stated fact
    cell: tuple | None = None  # (doc_id, table, row, column) of a table figure


def questions(engine: QAEngine):
    """(question, expected) for every non-blank figure in a standard table, then for every level
    figure a narrative states once (a subject stated with two figures is left out)."""
    for info in engine.infos:
        doc = engine.docs[info.doc_id]
        for fact in doc.facts():
            table = doc.tables[fact.table_index]
            if fact.blank or table.category != "standard" or not fact.unit:
                continue
            row = " ".join(x for x in (fact.row_code, row_name(fact.row_label)) if x)  # (named as answers name it)
            column = "".join(fact.column.split("/"))
            yield (f"{doc.department}{doc.year}年{table.title}{row}{column}是多少",
                   Expected(fact.unit, fact.value_text, table.title,
                            (fact.doc_id, fact.table_index, fact.row_index, fact.column_index)))
    for info in engine.infos:
        doc = engine.docs[info.doc_id]
        stated = [f for f in doc.stated if f.qualifier == "" and (f.year in (None, doc.year)) and len(f.subject) >= 4]
        values = Counter(f.subject for f in {(f.subject, f.value, f.unit): f for f in stated}.values())
        for fact in {f.subject: f for f in stated}.values():
            if values[fact.subject] == 1:
                yield (f"{doc.department}{doc.year}年{fact.subject}是多少",
                       Expected(fact.unit, fact.value_text, "情况说明"))


def run_generated(engine: QAEngine, limit: int | None = None) -> str:
    totals: Counter = Counter()
    exact: Counter = Counter()
    cited = 0
    misses: Counter = Counter()
    wrong: list[str] = []  # a different figure given: the failure that matters most
    for n, (question, expected) in enumerate(questions(engine)):
        if limit is not None and n >= limit:
            break
        kind = "table" if expected.cell else "stated"
        totals[kind] += 1
        answer = engine.ask(question)
        head = answer.figures[0] if answer.figures else None
        value_ok = head is not None and same_amount(head.value, head.unit, expected.printed, expected.unit)
        cite = answer.citations[0] if answer.citations else None
        exact[kind] += value_ok
        cited += bool(value_ok and expected.cell and cite is not None and
                      (cite.doc_id, cite.table_seq, cite.row_seq, cite.column_seq) == expected.cell)
        if not value_ok:
            misses[expected.source] += 1
            if head is not None:
                wrong.append(f"  {question} → {head.value}{head.unit}（{expected.source} {expected.printed}{expected.unit}）")
    total = sum(totals.values())
    lines = [f"generated set: {totals['table']} figures of the standard tables, {totals['stated']} stated in the "
             f"narratives",
             f"answered with the exact value: tables {exact['table']} ({exact['table'] / max(totals['table'], 1):.1%}), "
             f"narratives {exact['stated']} ({exact['stated'] / max(totals['stated'], 1):.1%})",
             f"...table figures citing that very cell: {cited} ({cited / max(totals['table'], 1):.1%})",
             f"answered with another figure: {len(wrong)} ({len(wrong) / max(total, 1):.1%}); "
             f"the rest of the misses say the figure was not found"]
    if misses:
        lines.append("misses by source: " + "；".join(f"{t} {c}" for t, c in misses.most_common(8)))
    if wrong:
        lines += ["another figure given, first examples:", *wrong[:WRONG_EXAMPLES]]
    return "\n".join(lines)
