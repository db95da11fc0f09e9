"""What a question gets back: the answer text, its figures, and the citations that prove them.

One result type for the UI, the CLI's JSON and the eval harness. Citations are created by the
system from the cells and sentences it used, never by a model.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

ANSWERED, NOT_FOUND, UNCLEAR = "answered", "not_found", "unclear"
LOOKUP, RETRIEVAL, LLM = "lookup", "retrieval", "llm"


@dataclass
class Citation:
    source: str  # file name
    department: str
    year: int
    kind: str  # 决算 / 预算
    table_code: str = ""
    table_title: str = ""
    row: str = ""  # the row label as printed
    row_code: str = ""  # its 科目编码, when it has one
    column: str = ""
    cell: str = ""  # the cited cell as printed
    page: int | None = None
    line: int | None = None
    quote: str = ""  # the cited row or sentence as printed
    doc_id: str = ""
    table_seq: int | None = None
    row_seq: int | None = None
    column_seq: int | None = None
    section: str = ""  # heading path of a cited sentence
    section_seq: int | None = None

    @property
    def where(self) -> str:
        place = f"第{self.page}页" if self.page else (f"第{self.line}行" if self.line else "")
        table = " ".join(x for x in (self.table_code, f"《{self.table_title}》" if self.table_title else "") if x)
        return " ".join(x for x in (self.source, table or self.section, place) if x)


@dataclass
class Figure:
    value: str  # as printed (or as computed, for derived figures)
    unit: str
    value_yuan: float | None
    label: str
    department: str
    year: int | None
    derived: bool = False
    formula: str = ""


@dataclass
class Item:
    """One entry of a list an answer gives: a candidate row when several fit the question, a
    part of a breakdown, a place in a ranking, a department in a comparison. Each cites its cell."""
    label: str
    value: str  # as printed
    unit: str
    citation: Citation
    value_yuan: float | None = None
    share: float | None = None  # percent of the whole, for a breakdown

    def figure(self) -> Figure:
        """The entry as a figure of the answer (where each entry is what was asked)."""
        return Figure(self.value, self.unit, self.value_yuan, self.label, "", None)


@dataclass
class Answer:
    question: str
    answer: str
    status: str
    route: str
    figures: list[Figure] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # caveats: conversions, blanks, contradictions
    missing: list[str] = field(default_factory=list)  # for "unclear": what to add to the question
    items: list[Item] = field(default_factory=list)  # candidates, parts, ranked rows (see ``Item``)
    verdict: str | None = None  # "yes" / "no" for a yes-no question
    plan: dict = field(default_factory=dict)  # how the question was understood (QueryPlan.to_json())

    def to_json(self) -> dict:
        data = asdict(self)
        data["citations"] = [{k: v for k, v in c.items() if v not in (None, "")} for c in data["citations"]]
        for item in data["items"]:
            item["citation"] = {k: v for k, v in item["citation"].items() if v not in (None, "")}
        return data
