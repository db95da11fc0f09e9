"""Gold questions as typed records, and the rule for "this fact is the cited cell".

The same matching serves the eval harness (is the answer's first citation right?) and the
ingest tests (did the parser produce the cell a person read off the page?).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from core.model import Fact
from core.text import match_key, parse_amount

# the day the gold questions were written as of: "今年", "去年" in them count from it
GOLD_AS_OF = "2026-12-07"
GOLD_DIR = Path(__file__).resolve().parent / "gold"


@dataclass
class Cite:
    doc: str
    table: str | None = None
    row: str | None = None
    row_code: str | None = None
    column: list[str] = field(default_factory=list)
    section: str | None = None
    page: int | None = None


@dataclass
class GoldItem:
    id: str
    q: str
    kind: str
    gold: dict
    cite: Cite | None
    history: list[str] = field(default_factory=list)
    note: str = ""
    file: str = ""
    plan: dict = field(default_factory=dict)  # how a correct reading understands the question

    @property
    def value(self) -> float | None:
        return parse_amount(self.gold.get("value"))

    @property
    def unit(self) -> str:
        return self.gold.get("unit", "")

    @property
    def refuse(self) -> bool:
        return bool(self.gold.get("refuse"))


def load_gold(paths: list[Path]) -> list[GoldItem]:
    items = []
    for path in paths:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            raw = json.loads(line)
            cite = raw.get("cite")
            items.append(GoldItem(
                id=raw["id"], q=raw["q"], kind=raw["kind"], gold=raw.get("gold") or {},
                cite=Cite(**{k: v for k, v in cite.items() if k in Cite.__dataclass_fields__}) if cite else None,
                history=raw.get("history") or [], note=raw.get("note", ""), file=path.name,
                plan=raw.get("plan") or {}))
    return items


def table_matches(cite: Cite, title: str, code: str = "") -> bool:
    want = match_key(cite.table or "")
    return bool(want) and (want == match_key(code) or want in match_key(title) or match_key(title) in want)


def row_matches(cite: Cite, label: str, code: str) -> bool:
    """Same 科目编码, or the same label; a hierarchical label ("其他资金/其他收入") matches
    on its last level too."""
    if cite.row_code and code == cite.row_code:
        return True
    want = match_key(cite.row or "")
    return match_key(label) == want or (bool(want) and match_key(label.rsplit("/", 1)[-1]) == want)


def column_matches(cite: Cite, column: str) -> bool:
    return all(match_key(word) in match_key(column) for word in cite.column)


def fact_matches(cite: Cite, fact: Fact, source: str) -> bool:
    """The fact is the cell the gold cites: same document, table, row and column words."""
    return (source == cite.doc and table_matches(cite, fact.table_title, fact.table_code)
            and row_matches(cite, fact.row_label, fact.row_code) and column_matches(cite, fact.column))
