"""The national templates as data: table types, column measures and the standard 科目.

Every parsed table gets a type from its title (``tables.toml``), every column a measure, and
every 科目 row a code (printed, or looked up from a standard name that only one code carries),
so the same row of two documents, of two provinces or two years, is the same key.
"""
from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

from core.text import match_key

HERE = Path(__file__).resolve().parent
TITLE_PREFIX_RE = re.compile(r"^(?:(?:19|20)\d{2}年度?)?(?:部门|单位|预算单位|本级)?")
# "（功能科目）", "(经济分类)", "（一般公共预算）": which classification or fund, said again
TITLE_SUFFIX_RE = re.compile(r"\((?:功能|经济)(?:科目|分类)\)$|\(一般公共预算\)$")
YEAR_IN_COLUMN_RE = re.compile(r"((?:19|20)\d{2})年")
LEVEL_BY_LENGTH = {3: "类", 5: "款", 7: "项"}
OTHER = "other"


@dataclass(frozen=True)
class TableType:
    id: str
    name: str
    rows: str  # "function" | "economic" | "items" | ""
    titles: tuple[re.Pattern, ...]
    family: str = ""  # the type a regional variant stands in for
    short: tuple[str, ...] = ()  # what people call the table ("三公表"), too short for its title's words
    # the fund the template's table is of whether or not its title says so (the 三公 table is the
    # general budget's)
    fund: str = ""


@dataclass(frozen=True)
class Identity:
    """Figures the templates make equal: one concept across tables, or two concepts in one."""
    concepts: tuple[str, ...]
    tables: tuple[str, ...]


@dataclass(frozen=True)
class Subject:
    """One standard 科目: its code, standard name, level and the other names it is printed as."""
    code: str
    name: str
    level: str
    classification: str  # "function" | "economic"
    aliases: tuple[str, ...] = ()
    scheme: str = ""  # economic only: 部门 | 政府


def title_key(title: str) -> str:
    """A table title as the type patterns read it: normalised, without year or 部门/单位 prefix."""
    return TITLE_SUFFIX_RE.sub("", TITLE_PREFIX_RE.sub("", match_key(title)))


def subject_key(label: str) -> str:
    """A row label as a standard name is compared: no ordinal, level marks or spaces."""
    key = match_key(label)
    key = re.sub(r"^([一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d{1,2}[.、]|其中:)", "", key)
    return re.sub(r"\((类|款|项)\)", "", key)


class Schema:
    def __init__(self, tables: dict, function_rows: list[dict], economic_rows: list[dict]):
        self.table_types = [TableType(t["id"], t["name"], t.get("rows", ""),
                                      tuple(re.compile(p) for p in t["titles"]), t.get("family", t["id"]),
                                      tuple(match_key(n) for n in t.get("short", ())), match_key(t.get("fund", "")))
                            for t in tables["table"]]
        self.by_id = {t.id: t for t in self.table_types}
        self.funds = [match_key(f) for f in tables.get("funds", [])]
        self.all_funds = match_key(tables.get("all_funds", ""))
        self.appropriated_funds: dict[str, str] = {match_key(f): typ for f, typ in tables.get("appropriated_funds", {}).items()}
        # each fund by its shortest name (政府性基金 for 政府性基金预算): what a question and a
        # column share when they name the same fund
        self.fund_words = [f for f in self.funds if f != self.all_funds and not any(
            g != f and g in f for g in self.funds)]
        self.empty_notes = re.compile("|".join(tables.get("empty_notes", [])) or "(?!)")
        self.procurement_methods = frozenset(tables.get("procurement_methods", []))
        self.income_source_re = re.compile("|".join(map(re.escape, tables.get("income_sources", []))) or "(?!)")
        self.measures = [(m["id"], [re.compile(p) for p in m["patterns"]]) for m in tables["measure"]]
        self.identities = [Identity(tuple(i["concepts"]), tuple(i["tables"])) for i in tables.get("identity", [])]
        self.subjects: dict[tuple[str, str], Subject] = {}
        for classification, rows in (("function", function_rows), ("economic", economic_rows)):
            for r in rows:
                code = r["code"].strip()
                if not code.isdigit():
                    continue
                aliases = tuple(a.strip() for a in (r.get("aliases") or "").split("|") if a.strip())
                self.subjects[(classification, code)] = Subject(
                    code, r["name"].strip(), r.get("level") or LEVEL_BY_LENGTH.get(len(code), ""),
                    classification, aliases, (r.get("scheme") or "").strip())
        # a standard name wins over another code's old name ("住房公积金" is 30113; before 2018
        # 30311 was printed so): aliases are consulted only for names no code carries as standard
        self._by_name: dict[tuple[str, str], list[str]] = {}
        self._by_alias: dict[tuple[str, str], list[str]] = {}
        for (classification, code), s in self.subjects.items():
            for index, names in ((self._by_name, [s.name]), (self._by_alias, s.aliases)):
                for name in names:
                    codes = index.setdefault((classification, subject_key(name)), [])
                    if code not in codes:
                        codes.append(code)

    def table_type(self, title: str) -> str:
        """The template table a title names, or "other"."""
        key = title_key(title)
        for table_type in self.table_types:
            if any(p.search(key) for p in table_type.titles):
                return table_type.id
        return OTHER

    def short_named(self, phrase: str) -> str | None:
        """The table type a phrase names by its short name ("三公表"), if any: the longest one it ends
        in ("支出总表" is the spending table's, not the 总表 of income and spending)."""
        said = [(len(n), t.id) for t in self.table_types for n in t.short if phrase.endswith(n)]
        return max(said)[1] if said else None

    def family(self, table_type: str) -> str:
        """The type a table stands for when figures are looked up ("appropriation_basic" → economic)."""
        found = self.by_id.get(table_type)
        return found.family if found else table_type

    def row_kind(self, table_type: str) -> str:
        found = self.by_id.get(table_type)
        return found.rows if found else ""

    def measure_named(self, path: str, year: int | None = None) -> str:
        """The measure a column's header words name (years before ``year`` read as 上年), or ""."""
        key = match_key(path)
        for fund in sorted(self.funds, key=len, reverse=True):
            key = key.replace(fund, "□")
        earlier = bool(year) and any(int(y) < year for y in YEAR_IN_COLUMN_RE.findall(key))
        for measure, patterns in self.measures:
            if any(p.search(key) for p in patterns):
                return "上年" + measure[:2] if earlier and measure in ("预算数", "决算数") else measure
        return "上年" if earlier else ""

    def column_measure(self, path: str, kind: str, year: int | None) -> str:
        """What a column measures: the measure its header names, else the document's own
        (决算数 / 预算数), of the year before where the header names an earlier year."""
        named = self.measure_named(path, year)
        own = "决算数" if kind == "决算" else "预算数"
        if named == "上年":
            return "上年" + own[:2]
        return named or own

    @cached_property
    def function_classes(self) -> frozenset[str]:
        """The names (match keys) of the 功能分类 类 (教育支出, 社会保障和就业支出 …): a department
        without one prints no row of it."""
        return frozenset(match_key(s.name) for (kind, code), s in self.subjects.items() if kind == "function" and len(code) == 3)

    @cached_property
    def subject_name_re(self) -> re.Pattern:
        """Any standard 科目 name (function or economic), the longest first: a name a question
        says names that 科目, whether or not a document prints it."""
        names = sorted({match_key(s.name) for s in self.subjects.values() if len(s.name) >= 2}, key=len, reverse=True)
        return re.compile("|".join(map(re.escape, names)) or "(?!)")

    def subject(self, classification: str, code: str) -> Subject | None:
        return self.subjects.get((classification, code))

    def codes_named(self, classification: str, label: str, scheme: str = "部门") -> list[str]:
        """Codes whose standard name (else a known variant of it) is this label; economic codes
        of one scheme (部门预算 or 政府预算 经济分类)."""
        key = (classification, subject_key(label))
        codes = self._by_name.get(key) or self._by_alias.get(key, [])
        return [c for c in codes if classification != "economic" or self.subjects[(classification, c)].scheme == scheme]


def _tsv(name: str) -> list[dict]:
    path = HERE / name
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


@lru_cache(maxsize=1)
def schema() -> Schema:
    with open(HERE / "tables.toml", "rb") as f:
        tables = tomllib.load(f)
    return Schema(tables, _tsv("function_subjects.tsv"), _tsv("economic_subjects.tsv"))
