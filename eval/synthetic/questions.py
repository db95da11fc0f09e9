"""Gold questions about a synthetic document, in the format of eval/gold/README.md.

Questions are phrased as citizens type them (short names, two-digit years, colloquial words) and
answered from what the document prints: the value as printed (separators dropped), the unit a
reader can know from the page ("" where the table's unit was dropped), and the cell or sentence
that states it, with its PDF page.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

from .render import PlacedTable, RenderedFile
from .spec import ABSENT_ORGS, Cell, DisclosureSpec, Fact, Table

YEAR_PREFIX = re.compile(r"^\d{4}年度?")

# 经济分类 items citizens ask about, with the words they use (公务接待费 / 公务用车运行维护费 are left
# out: a citizen asking about them means the 三公 table).
ECON_WORDS = {"30201": "办公费", "30211": "差旅费", "30205": "水费", "30206": "电费", "30207": "电话网络邮电费",
              "30209": "物业费", "30213": "维修费", "30215": "开会的会议费", "30216": "培训费", "30228": "工会经费",
              "30229": "福利费", "30101": "基本工资", "30102": "津贴补贴", "30103": "奖金", "30107": "绩效工资",
              "30113": "住房公积金"}


class _Doc:
    """Looks up cells, facts and where they were printed."""

    def __init__(self, spec: DisclosureSpec, files: list[RenderedFile]):
        self.spec = spec
        self.where = {i: (f.name, p) for f in files for i, p in f.pages.items()}
        self.placed: dict[str, PlacedTable] = {p.key: p for f in files for p in f.tables}
        self.tables = {t.key: t for t in spec.tables}
        self.cells = {t.key: t.cells() for t in spec.tables}

    def unit(self, key: str) -> str:
        return self.placed[key].unit

    def cell(self, key: str, label: str = "", words: tuple[str, ...] = (), code: str = "") -> Cell | None:
        for c in self.cells.get(key, []):
            if (c.row_code == code if code else c.row_label == label) and all(w in c.column for w in words):
                return c
        return None

    def fact(self, subject: str, qualifier: str = "") -> Fact | None:
        return next((f for f in self.spec.facts() if f.subject == subject and f.qualifier == qualifier), None)

    def cite_cell(self, key: str, c: Cell) -> dict:
        doc, page = self.where[c.id]
        cite = {"doc": doc, "table": YEAR_PREFIX.sub("", self.placed[key].title), "row": c.row_label,
                "column": c.column, "page": page}
        if c.row_code:
            cite["row_code"] = c.row_code
        return cite

    def cite_fact(self, f: Fact) -> dict:
        doc, page = self.where[f.id]
        return {"doc": doc, "table": None, "row": "", "column": [], "section": f.section, "page": page}

    def explained_zero(self, key: str, subject: str) -> bool:
        """A blank the document explains as zero: an empty table with its note, or a sentence saying 0."""
        f = self.fact(subject) if subject else None
        return bool(self.tables[key].empty_note) or f is not None and not Decimal(f.value)


class _Asker:
    """Collects questions with ids, phrasing helpers and the plan every question carries."""

    def __init__(self, spec: DisclosureSpec, doc: _Doc):
        self.spec, self.doc = spec, doc
        self.rng = random.Random(f"q:{spec.seed}:{spec.kind}")
        self.out: list[dict] = []
        self.prefix = f"syn{spec.seed}{'j' if spec.kind == '决算' else 'y'}"

    def d(self) -> str:
        return self.rng.choice(self.spec.dept.spoken)

    def y(self) -> str:
        y = self.spec.year
        return self.rng.choice([f"{y % 100:02d}年", f"{y % 100:02d}年", f"{y}年"])

    def add(self, kind: str, q: str, gold: dict, cite: dict | None, operation: str, note: str = "",
            departments: list[str] | None = None, years: list[int] | None = None) -> None:
        plan = {"operation": operation,
                "departments": [self.spec.dept.name] if departments is None else departments,
                "years": [self.spec.year] if years is None else years}
        row = {"id": f"{self.prefix}-{len(self.out) + 1:03d}", "q": q, "kind": kind, "history": [], "gold": gold,
               "cite": cite, "plan": plan}
        if note:
            row["note"] = note
        self.out.append(row)

    def cell(self, q: str, key: str, label: str = "", words: tuple[str, ...] = (), code: str = "",
             note: str = "", zero: str = "") -> Cell | None:
        """A figure question on one table cell; a blank one only where the document explains it as 0
        (an empty-table note, or the narrative sentence `zero`)."""
        c = self.doc.cell(key, label, words, code)
        if c is None:
            return None
        gold = {"value": c.value, "unit": self.doc.unit(key)}
        if not c.printed:
            if not self.doc.explained_zero(key, zero):
                return None
            gold = {"value": "0", "unit": self.doc.unit(key), "blank": True}
        self.add("figure", q, gold, self.doc.cite_cell(key, c), "value", note)
        return c

    def fact(self, q: str, subject: str, qualifier: str = "", kind: str = "figure", operation: str = "value") -> None:
        f = self.doc.fact(subject, qualifier)
        if f is not None:
            self.add(kind, q, {"value": f.value, "unit": f.unit}, self.doc.cite_fact(f), operation)

    def combine(self, q: str, op: str, key: str, cells: list[Cell | None], note: str) -> None:
        """A compare question computed from cells of one table: unsigned diff, sum or share."""
        if any(c is None or not c.printed for c in cells):
            return
        nums = [Decimal(c.value) for c in cells]
        places = max(len(c.value.split(".")[1]) if "." in c.value else 0 for c in cells)
        q_unit = self.doc.unit(key)
        if op == "diff":
            value, unit = abs(nums[0] - nums[1]), q_unit
        elif op == "sum":
            value, unit = sum(nums), q_unit
        else:
            if not nums[1]:
                return
            value, unit, places = nums[0] * 100 / nums[1], "%", 2
        value = value.quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
        inputs = [{**{k: v for k, v in self.doc.cite_cell(key, c).items() if k in ("doc", "table", "row", "column")},
                   "value": c.value, "unit": q_unit} for c in cells]
        self.add("compare", q, {"value": str(value), "unit": unit, "inputs": inputs}, self.doc.cite_cell(key, cells[0]),
                 op, note)


def _unique_items(t: Table) -> list[Cell]:
    """One cell per 项-level row whose name appears once in the table (naming the 科目 is then unambiguous)."""
    rows = {c.row_code: c for c in reversed(t.cells()) if len(c.row_code) == 7 and c.printed}
    names = Counter(c.row_label for c in {c.row_code: c for c in t.cells() if len(c.row_code) == 7}.values())
    return [c for code, c in sorted(rows.items()) if names[c.row_label] == 1]


def _nonzero(doc: _Doc, key: str, code: str, words: tuple[str, ...]) -> str:
    """The first of the column words whose cell in this row holds a non-zero figure (else the first)."""
    for w in words:
        c = doc.cell(key, code=code, words=(w,))
        if c and c.printed and Decimal(c.value):
            return w
    return words[0]


def _juesuan(a: _Asker) -> None:
    d, y, doc = a.d, a.y, a.doc
    a.cell(f"{d()}{y()}一共收入了多少钱", "total", "本年收入合计", ("收入",))
    a.cell(f"{d()}{y()}年末结转和结余还剩多少", "total", "年末结转和结余", ("支出",))
    a.cell(f"{d()}{y()}财政拨款收入是多少", "income", "合计", ("财政拨款收入",))
    a.cell(f"{d()}{y()}事业收入有多少", "income", "合计", ("事业收入",))
    a.cell(f"{d()}{y()}基本支出花了多少", "expense", "合计", ("基本支出",))
    items = _unique_items(doc.tables["expense"])
    for c in a.rng.sample(items, min(2, len(items))):
        a.cell(f"{d()}{y()}{c.row_label}一共花了多少钱", "expense", code=c.row_code, words=("本年支出合计",),
               note="项 named as printed; 支出决算表 counts every source of funds")
    classes = [c for c in doc.cells["expense"] if len(c.row_code) == 3 and "本年支出合计" in c.column]
    if classes:
        c = a.rng.choice(classes)
        a.cell(f"{d()}{y()}{c.row_label}总共支出多少", "expense", code=c.row_code, words=("本年支出合计",))
    a.cell(f"{d()}{y()}财政拨款收支总计是多少", "fiscal", "总计", ("支出", "合计"))
    gp_items = _unique_items(doc.tables["gp"])
    for c in a.rng.sample(gp_items, min(2, len(gp_items))):
        word = _nonzero(doc, "gp", c.row_code, ("基本支出", "项目支出"))
        a.cell(f"{d()}{y()}一般公共预算财政拨款里“{c.row_label}”的{word}是多少", "gp", code=c.row_code,
               words=(word,))
    econ = [k for k in ECON_WORDS if doc.cell("econ", code=k) and doc.cell("econ", code=k).printed not in ("", "0.00")]
    for k in a.rng.sample(econ, min(2, len(econ))):
        a.cell(f"{d()}{y()}{ECON_WORDS[k]}花了多少", "econ", code=k, words=("决算数",))
    a.cell(f"{d()}{y()}人员经费一共多少", "econ", "人员经费合计", ("决算数",))
    a.cell(f"{d()}{y()}三公经费花了多少", "sangong", words=("合计", "决算数"), zero="“三公”经费财政拨款支出决算")
    if not doc.tables["sangong"].empty_note:
        a.cell(f"{d()}{y()}招待费实际花了多少", "sangong", words=("公务接待费", "决算数"), zero="公务接待费支出")
        a.cell(f"{d()}{y()}公车费用年初预算是多少", "sangong", words=("公务用车购置及运行维护费", "小计", "预算数"))
        a.cell(f"{d()}{y()}出国花了多少钱", "sangong", words=("因公出国（境）费", "决算数"), zero="因公出国（境）费支出")
    a.cell(f"{d()}{y()}政府性基金支出多少", "fund", "合计", ("本年支出", "合计"),
           note="an empty table explained by 本表无数据 is a blank 0" if doc.tables["fund"].empty_note else "")
    a.cell(f"{d()}{y()}国有资本经营预算支出多少", "soe", "合计", ("本年支出", "合计"),
           note="empty table explained by 本表无数据")
    a.fact(f"{d()}{y()}一般公共预算支出完成年初预算的百分之多少", "一般公共预算财政拨款支出", "完成预算的")
    a.fact(f"{d()}{y()}机关运行经费花了多少", "机关运行经费支出")
    a.fact(f"{d()}{y()}政府采购一共多少钱", "政府采购金额")
    a.fact(f"{d()}{y()}政府采购里服务类采购多少", "服务采购金额", "其中")
    a.fact(f"{d()}{y()}收支总计比上年多了多少", "收入支出总计", "比上年增加", operation="change")
    a.fact(f"{d()}{y()}收支总计比上年少了多少", "收入支出总计", "比上年减少", operation="change")
    a.fact(f"{d()}{y()}公车保有量是几辆", "公务用车保有量", kind="count", operation="count")
    a.fact(f"{d()}{y()}接待了多少批次", "公务接待批次", kind="count", operation="count")
    sg = [doc.cell("sangong", words=("合计", w)) for w in ("预算数", "决算数")]
    a.combine(f"{d()}{y()}三公经费决算比预算少了多少", "diff", "sangong", sg, "|预算数 − 决算数| of the 合计 column")
    a.combine(f"{d()}{y()}招待费占三公经费的比例", "share", "sangong",
              [doc.cell("sangong", words=("公务接待费", "决算数")), sg[1]], "公务接待费 ÷ 合计, 决算数")
    a.combine(f"{d()}{y()}人员经费和公用经费加起来多少", "sum", "econ",
              [doc.cell("econ", "人员经费合计", ("决算数",)), doc.cell("econ", "公用经费合计", ("决算数",))],
              "人员经费合计 + 公用经费合计 of the 基本支出决算表")


def _yusuan(a: _Asker) -> None:
    d, y, doc = a.d, a.y, a.doc
    a.cell(f"{d()}{y()}预算收入一共多少", "total", "收入总计", ("本年收入",))
    a.cell(f"{d()}{y()}财政拨款收入预算多少", "income", "合计", ("财政拨款收入",))
    a.cell(f"{d()}{y()}项目支出预算是多少", "expense", "合计", ("项目支出",))
    items = _unique_items(doc.tables["expense"])
    for c in a.rng.sample(items, min(2, len(items))):
        a.cell(f"{d()}{y()}{c.row_label}预算安排了多少", "expense", code=c.row_code, words=("合计",),
               note="项 named as printed; 支出预算总表 counts every source of funds")
    a.cell(f"{d()}{y()}一般公共预算支出一共多少", "fiscal", "支出总计", ("一般公共预算",))
    gp_items = _unique_items(doc.tables["gp"])
    for c in a.rng.sample(gp_items, min(2, len(gp_items))):
        word = _nonzero(doc, "gp", c.row_code, ("基本支出", "项目支出"))
        a.cell(f"{d()}{y()}一般公共预算“{c.row_label}”{word}多少", "gp", code=c.row_code, words=(word,))
    econ = [k for k in ECON_WORDS if doc.cell("econ", code=k, words=("合计",))]
    for k in a.rng.sample(econ, min(2, len(econ))):
        a.cell(f"{d()}{y()}{ECON_WORDS[k]}预算多少", "econ", code=k, words=("合计",))
    a.cell(f"{d()}{y()}人员经费预算一共多少", "econ", "合计", ("人员经费",))
    a.cell(f"{d()}{y()}三公经费预算多少", "sangong", words=("合计",), zero="“三公”经费预算数")
    a.cell(f"{d()}{y()}招待费预算多少", "sangong", words=("公务接待费",), zero="公务接待费预算")
    a.cell(f"{d()}{y()}公车运行费预算多少", "sangong", words=("运行费",), zero="公务用车运行费预算")
    a.cell(f"{d()}{y()}机关运行经费预算是多少", "sangong", words=(f"{a.spec.year}年机关运行经费预算数",))
    a.cell(f"{d()}{y()}政府性基金预算多少", "fund", "合计", ("合计",))
    a.cell(f"{d()}{y()}国有资本经营预算安排了多少", "soe", "合计", ("合计",), note="empty table explained by its note")
    if "buy" in doc.tables:
        a.cell(f"{d()}{y()}政府采购预算一共多少", "buy", "合计", ("预算金额",))
    a.fact(f"{d()}{y()}政府采购预算里货物类多少", "货物类政府采购预算", "其中")
    a.fact(f"{d()}{y()}收支预算总计比上年增加了多少", "收入、支出预算总计", "比上年增加", operation="change")
    a.fact(f"{d()}{y()}收支预算总计比上年减少了多少", "收入、支出预算总计", "比上年减少", operation="change")
    a.fact(f"{d()}{y()}基本支出占多少比例", "基本支出", "占比", operation="share")
    a.fact(f"{d()}{y()}有多少个项目做了绩效目标", "实行绩效目标管理的项目", kind="count", operation="count")
    exp = [doc.cell("expense", "合计", (w,)) for w in ("基本支出", "项目支出")]
    a.combine(f"{d()}{y()}基本支出和项目支出差多少", "diff", "expense", exp, "合计 row of 支出预算总表")
    sg = [doc.cell("sangong", words=("公务用车购置及运行费", w)) for w in ("购置费", "运行费")]
    a.combine(f"{d()}{y()}买车和公车运行加起来预算多少", "sum", "sangong", sg, "购置费 + 运行费")


def _common(a: _Asker) -> None:
    d, y = a.d, a.y
    a.fact(f"{d()}有几个内设机构", "内设机构", kind="count", operation="count")
    a.fact(f"{d()}{y()}行政编制有多少人", "行政编制", "其中", kind="count", operation="count")
    a.fact(f"{d()}{y()}实际有多少人", "实有人数", kind="count", operation="count")
    a.fact(f"{d()}下面有几个下属单位", "下属单位", kind="count", operation="count")
    a.fact(f"{d()}{y()}一共有几辆车", "车辆", kind="count", operation="count")
    a.fact(f"{d()}{y()}单价100万以上的设备有几台", "单价100万元（含）以上设备", kind="count", operation="count")
    dept = a.spec.dept
    old = a.rng.choice([2014, 2015, 2016])
    a.add("refuse", f"{d()}{old % 100:02d}年三公经费花了多少", {"refuse": True}, None, "value",
          "years before 2017 are never generated", years=[old])
    org = a.rng.choice(ABSENT_ORGS)
    place = dept.name.removesuffix(dept.org)
    spoken = dept.district or dept.city.removesuffix("市") or dept.province.removesuffix("省")
    a.add("refuse", f"{spoken}{org}{y()}的{a.spec.kind}一共多少钱", {"refuse": True}, None, "value",
          "no such department is generated", departments=[place + org])
    a.add("refuse", f"{d()}{y()}领导一年工资多少", {"refuse": True}, None, "value",
          "not disclosed: documents give no individual pay")


def questions(spec: DisclosureSpec, files: list[RenderedFile]) -> list[dict]:
    """Gold questions for one rendered document."""
    a = _Asker(spec, _Doc(spec, files))
    (_juesuan if spec.kind == "决算" else _yusuan)(a)
    _common(a)
    return a.out
