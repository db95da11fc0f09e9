"""python -m eval --synthetic: generated PDFs with known figures, parsed and answered, per hazard.

eval.synthetic prints documents with layout hazards and writes what a perfect parser would
recover (expected.json) and questions with exact answers (gold.jsonl). This module parses the
PDFs with ingest.parse_file, compares every table cell and narrative fact with what was printed,
then answers the questions over a temporary store. The count that matters most is the wrong
cells: a figure under the wrong row, column or unit is worse than a figure left out.
"""
from __future__ import annotations

import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from core.model import Document, Fact
from core.names import disclosure_key
from core.schema import schema
from core.text import match_key, parse_amount
from eval.gold import load_gold, row_matches, Cite
from eval.synthetic.render import HAZARDS
from ingest import IngestError, parse_file
from ingest.assemble import normalise_title, parse_captions

BRACKETS_RE = re.compile(r"[（(][^（()）]*[)）]")


@dataclass
class Tally:
    """Counts for one group of documents (one hazard, the control, or all)."""
    docs: int = 0
    failed: int = 0  # documents whose files did not parse
    cells: int = 0  # printed (non-blank) cells
    right: int = 0  # … found with the printed value and the table's unit
    wrong_value: int = 0  # a parsed cell whose row and column exist, with another value
    wrong_unit: int = 0  # … with the right value and another unit
    unplaced: int = 0  # parsed figures under a row, column or table the document does not print
    tables: int = 0
    titled: int = 0  # found under their printed title, with the right type
    unit_ok: int = 0  # … with the unit a reader can know ("" when none is printed)
    code_ok: int = 0  # … with the printed 公开表 code ("" when none is printed)
    facts: int = 0
    facts_found: int = 0
    questions: int = 0
    strict: int = 0
    wrong_figures: int = 0
    examples: list[str] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        for name, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)
        self.examples += other.examples


@dataclass
class Expected:
    """One generated document as expected.json describes it."""
    raw: dict

    @property
    def doc_id(self) -> str:
        return self.raw["doc_id"]

    @property
    def groups(self) -> list[str]:
        return self.raw["hazards"] or ["control"]


# -- tables ---------------------------------------------------------------------------------


def _title_key(title: str) -> str:
    return match_key(normalise_title(title))


def _row_ok(cell: dict, fact: Fact) -> bool:
    """The parsed row is the cell's row: same 科目编码 where one is printed, else the same label
    (a row named over several text columns, 项目/品目/方式, is named by its first)."""
    if cell["row_code"]:
        return fact.row_code == cell["row_code"]
    return row_matches(Cite(doc="", row=cell["row_label"]), fact.row_label, "") \
        or match_key(fact.row_label.split("/")[0]) == match_key(cell["row_label"])


def _column_ok(cell: dict, fact: Fact) -> bool:
    return match_key("/".join(cell["column"])) == match_key(fact.column)


def _score_table(want: dict, facts: list[Fact], tally: Tally, where: str) -> set[str]:
    """Compare the parsed cells of one table with the printed ones; returns the ids found right."""
    found: set[str] = set()
    for fact in facts:
        same_place = [c for c in want["cells"] if _row_ok(c, fact) and _column_ok(c, fact)]
        if not same_place:
            if not fact.blank:
                tally.unplaced += 1
                _example(tally, f"{where} 多出：{fact.row_label}·{fact.column}={fact.value_text}")
            continue
        same_value = [c for c in same_place if parse_amount(c["printed"]) == fact.value]
        if not same_value:
            tally.wrong_value += 1
            _example(tally, f"{where} 错值：{fact.row_label}·{fact.column}={fact.value_text}"
                            f"（应为 {same_place[0]['printed'] or '空'}）")
        elif fact.value is not None and fact.unit != want["unit"]:
            tally.wrong_unit += 1
            _example(tally, f"{where} 错单位：{fact.row_label}·{fact.column}={fact.value_text}{fact.unit}"
                            f"（应为 {want['unit'] or '无单位'}）")
        elif fact.value is not None:
            found.update(c["id"] for c in same_value)
    return found


def _example(tally: Tally, text: str) -> None:
    if len(tally.examples) < 40:
        tally.examples.append(text)


def score_tables(exp: Expected, docs: list[Document], tally: Tally) -> None:
    """Cells and tables of one generated document against its parsed files."""
    by_file = {d.source: d for d in docs}
    claimed: set[tuple[str, int]] = set()
    for want in exp.raw["tables"]:
        tally.tables += 1
        printed = [c for c in want["cells"] if c["printed"]]
        tally.cells += len(printed)
        doc = by_file.get(want["file"])
        if doc is None:
            continue
        key = _title_key(want["title"])
        matches = [i for i, t in enumerate(doc.tables) if match_key(t.title) == key]
        if not matches:
            continue
        claimed.update((doc.source, i) for i in matches)
        first = doc.tables[matches[0]]
        if first.type == schema().table_type(normalise_title(want["title"])):
            tally.titled += 1
            tally.unit_ok += all(doc.tables[i].unit == want["unit"] for i in matches)
            tally.code_ok += first.code == (parse_captions([want["code"]]).code if want["code"] else "")
        facts = [f for f in doc.facts() if f.table_index in matches]
        found = _score_table(want, facts, tally, f"{exp.doc_id} {want['title']}")
        tally.right += sum(c["id"] in found for c in printed)
    for doc in docs:
        for fact in doc.facts():
            if (doc.source, fact.table_index) not in claimed and not fact.blank \
                    and doc.tables[fact.table_index].category == "standard":
                tally.unplaced += 1
                _example(tally, f"{exp.doc_id} 表名未识别《{fact.table_title}》：{fact.row_label}={fact.value_text}")


# -- narrative facts -------------------------------------------------------------------------


def _subject_key(text: str) -> str:
    return match_key(BRACKETS_RE.sub("", text))


def score_facts(exp: Expected, docs: list[Document], tally: Tally) -> None:
    """Narrative facts found with their value, unit and (a form of) their subject."""
    by_file = {d.source: d for d in docs}
    for want in exp.raw["facts"]:
        tally.facts += 1
        doc = by_file.get(want["file"])
        if doc is None:
            continue
        subject, value = _subject_key(want["subject"]), parse_amount(want["value"])
        tally.facts_found += any(
            match_key(s.unit) == match_key(want["unit"]) and s.value == value
            and (k := _subject_key(s.subject)) and (k in subject or subject in k)
            for s in doc.stated)


# -- questions -------------------------------------------------------------------------------


def answer_gold(docs: list[Document], gold: Path) -> list[dict]:
    """The generated questions answered over a temporary store of the parsed documents."""
    from core.store import write_documents
    from eval.report import build_report
    from ingest.stated import check_disclosure
    from qa.engine import QAEngine

    groups: dict[tuple, list[Document]] = defaultdict(list)
    for doc in docs:
        groups[disclosure_key(doc.department, doc.year, doc.kind, doc.scope)].append(doc)
    for group in groups.values():
        check_disclosure(group)
    with tempfile.TemporaryDirectory(prefix="synthetic-store-") as store:
        write_documents(store, docs)
        engine = QAEngine(store, llm=False)
        results = [(item, engine.ask(item.q, item.history), 0.0) for item in load_gold([gold])]
    return build_report(results)["questions"]


# -- the run ---------------------------------------------------------------------------------


def parse_documents(outdir: Path, expected: list[Expected]) -> dict[str, list[Document]]:
    """Every file of every generated document parsed; a failure leaves the file out."""
    parsed: dict[str, list[Document]] = {}
    for exp in expected:
        docs = []
        for name in exp.raw["files"]:
            try:
                docs.append(parse_file(outdir / name))
            except IngestError:
                continue
        parsed[exp.doc_id] = docs
    return parsed


def evaluate(outdir: Path) -> dict[str, Tally]:
    """Tallies per hazard, for the control document and for all documents of a generated set."""
    import json

    expected = [Expected(d) for d in json.loads((outdir / "expected.json").read_text(encoding="utf-8"))["documents"]]
    parsed = parse_documents(outdir, expected)
    per_doc: dict[str, Tally] = {}
    for exp in expected:
        tally = per_doc[exp.doc_id] = Tally(docs=1, failed=int(len(parsed[exp.doc_id]) < len(exp.raw["files"])))
        score_tables(exp, parsed[exp.doc_id], tally)
        score_facts(exp, parsed[exp.doc_id], tally)
    for row in answer_gold([d for docs in parsed.values() for d in docs], outdir / "gold.jsonl"):
        tally = per_doc[row["id"].rsplit("-", 1)[0]]
        tally.questions += 1
        tally.strict += row["strict"]
        tally.wrong_figures += row["wrong_figure"]
        if row["wrong_figure"]:
            _example(tally, f"{row['id']} 答错：{row['q']} → {row['figure']}（应为 {row['gold'].get('value')}）")
    groups: dict[str, Tally] = {name: Tally() for name in (*HAZARDS, "control", "all")}
    for exp in expected:
        for name in (*exp.groups, "all"):
            groups[name].add(per_doc[exp.doc_id])
    return {k: v for k, v in groups.items() if v.docs}


def _pct(part: int, whole: int) -> str:
    return f"{part / whole:6.1%}" if whole else "     -"


def format_tallies(groups: dict[str, Tally], examples: int = 0) -> str:
    head = (f"{'hazard':<16}{'docs':>5}{'cells':>7}{'recall':>8}{'wrong':>7}{'w.unit':>7}{'extra':>7}"
            f"{'titled':>9}{'unit':>8}{'code':>8}{'stated':>8}{'qa n':>6}{'strict':>8}{'w.fig':>6}")
    lines = [head]
    for name, t in groups.items():
        lines.append(f"{name:<16}{t.docs:>5}{t.cells:>7}{_pct(t.right, t.cells):>8}{t.wrong_value:>7}"
                     f"{t.wrong_unit:>7}{t.unplaced:>7}{f'{t.titled}/{t.tables}':>9}{f'{t.unit_ok}':>8}"
                     f"{f'{t.code_ok}':>8}{_pct(t.facts_found, t.facts):>8}{t.questions:>6}"
                     f"{_pct(t.strict, t.questions):>8}{t.wrong_figures:>6}")
    failed = groups["all"].failed if "all" in groups else 0
    if failed:
        lines.append(f"documents with a file that did not parse: {failed}")
    if examples and "all" in groups:
        lines += ["examples:", *(f"  {e}" for e in groups["all"].examples[:examples])]
    return "\n".join(lines)


def run(n: int, seed: int, hazards: str, keep: Path | None, examples: int = 0) -> str:
    """Generate, parse, score and answer one set; the generated files stay in ``keep`` if given."""
    from eval.synthetic.__main__ import write_set

    with tempfile.TemporaryDirectory(prefix="synthetic-") as tmp:
        outdir = keep or Path(tmp)
        write_set(outdir, n, seed, hazards=hazards, log=lambda _: None)
        return format_tallies(evaluate(outdir), examples)
