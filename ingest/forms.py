"""Project forms (项目支出绩效目标表 / 绩效目标填报表 / 项目支出绩效自评表) -> one table of projects.

A disclosure prints one form per project, and a form is not a grid of 科目 by measure: its
money is written either as label–amount pairs along a line ("项目资金总额 | 4,100,000.00 |
年度资金申请总额 | 4,100,000.00") or, in the national 自评表, as a header line of measures over
lines of amounts ("年初预算数 | 全年预算数 | 全年执行数" over "年度资金总额 | 100 | 100 | 98"). Read
as a table, each form's lines become nonsense rows; read as forms, each project becomes one row
(its name) with a column per money item, so "就业援助基地补贴的项目资金总额" is an ordinary cell.

A form is read only where its name is plain: a name cell that is itself a form label, a person
or an organ (exports that shuffle a form's cells) leaves the form out, and a money item a form
prints twice with different amounts is left out of that form: a wrong project figure is worse
than none.
"""
from __future__ import annotations

import re

from core.model import Document, Grid, Row, Table
from core.text import clean_line, is_amount, match_key

PROJECT_FUNDS = "project_funds"  # the table type (core/schema/tables.toml)
NAME_LABEL = "项目名称"
# a cell that is a form field's label, never a project's name (a name may end in 资金: "城市社区提档升级资金")
FIELD_LABEL_RE = re.compile(r"(?:项目)?(?:负责人|联系电话|电话|主管部门|实施单位|(?:主要)?承担部门|性质|类别|起止时间|日期|金额|"
                            r"预算数|预算金额|资金|年度)")
# the name of an organ rather than of a project ("阳泉市民政局" where the export shuffled cells)
ORGAN_NAME_RE = re.compile(r"(?:局|厅|处|办公室|委员会|政府|部|院)$")
UNREAD_FORMS = "有项目表的项目名称或金额未能读出"
MIN_NAME_CHARS = 4  # shorter "names" are people ("王瑞星") or fragments
MONEY_LABEL_RE = re.compile(r"资金|金额|预算数|执行数|拨款")
# measures in a header line over lines of amounts; a score, a rate or 分值 is not money
MONEY_MEASURE_RE = re.compile(r"预算数|执行数|到位数|决算数")
NOT_MONEY_RE = re.compile(r"分值|得分|执行率|比例|%|％")
FORM_UNIT_RE = re.compile(r"[（(]\s*(万元|元)\s*[)）]")
SUBITEM_RE = re.compile(r"^其中[:：]\s*")
CJK_RE = re.compile(r"[\u4e00-\u9fff]")


def _text(cell: str | None) -> str:
    return clean_line(cell or "").strip()


def _money_label(cell: str) -> str:
    """A money item's label as a column: no "其中：", no unit in brackets, no spaces."""
    label = SUBITEM_RE.sub("", FORM_UNIT_RE.sub("", cell))
    return re.sub(r"\s+", "", label)


def _project_name(cells: list[str]) -> str:
    """The name written after 项目名称 on its line (in the next cell, or after a space in the
    same cell), or "" where that is not plainly a project's name."""
    for i, cell in enumerate(cells):
        key = match_key(cell)
        if key == NAME_LABEL:
            name = next((c for c in cells[i + 1:] if c), "")
        elif key.startswith(NAME_LABEL) and re.match(NAME_LABEL + r"\s+\S", cell):
            name = cell[len(NAME_LABEL):].strip()
        else:
            continue
        plain = (len(name) >= MIN_NAME_CHARS and not is_amount(name) and not FIELD_LABEL_RE.fullmatch(name)
                 and not ORGAN_NAME_RE.search(name) and not re.search(r"\s", name))
        return name if plain else ""
    return ""


class _Form:
    """One project's form: its name, where it starts, and its money items."""

    def __init__(self, name: str, page: int | None, line: int | None):
        self.name, self.page, self.line = name, page, line
        self.unit = ""  # the unit a label of the form last gave ("项目资金（元）")
        self.header: dict[int, str] = {}  # column -> measure, from a header line of measures
        self.money: dict[str, str] = {}
        self.unit_of: dict[str, str] = {}
        self.doubtful: set[str] = set()

    def put(self, label: str, amount: str, unit: str) -> None:
        if not label or label in self.doubtful:
            return
        if label in self.money and self.money[label] != amount:
            self.doubtful.add(label)  # printed twice with two amounts: which is which is unclear
            del self.money[label]
            return
        self.money.setdefault(label, amount)
        self.unit_of.setdefault(label, unit)

    def read(self, cells: list[str]) -> None:
        for cell in cells:
            found = FORM_UNIT_RE.search(cell)
            if found and not is_amount(cell):
                self.unit = found.group(1)
        measures = {i: c for i, c in enumerate(cells) if MONEY_MEASURE_RE.search(c) and not NOT_MONEY_RE.search(c)}
        if len(measures) >= 2 and not any(is_amount(c) for c in cells):
            self.header = {i: _money_label(c) for i, c in measures.items()}
            return
        if self.header and self._read_under_header(cells):
            return
        self._read_pairs(cells)

    def _read_under_header(self, cells: list[str]) -> bool:
        """A line of amounts under the header of measures: its label by each measure."""
        label = next((c for c in cells if CJK_RE.search(c) and not is_amount(c)), "")
        amounts = {i: c for i, c in enumerate(cells) if is_amount(c) and i in self.header}
        if not label or not amounts:
            return False
        for i, amount in amounts.items():
            self.put(f"{_money_label(label)}/{self.header[i]}", amount, self._unit(label))
        return True

    def _read_pairs(self, cells: list[str]) -> None:
        """Label–amount pairs along a line: a money label, then the next written cell an amount."""
        for i, cell in enumerate(cells):
            if not cell or is_amount(cell) or not MONEY_LABEL_RE.search(cell) or NOT_MONEY_RE.search(cell):
                continue
            nxt = next((c for c in cells[i + 1:] if c), "")
            if is_amount(nxt):
                self.put(_money_label(cell), nxt, self._unit(cell))

    def _unit(self, label: str) -> str:
        found = FORM_UNIT_RE.search(label)
        return found.group(1) if found else self.unit


def _forms(grid: Grid) -> tuple[list[_Form], int]:
    """The forms read, and how many forms the grid holds."""
    forms: list[_Form] = []
    seen = 0
    current: _Form | None = None
    pages = grid.row_pages or [grid.page] * len(grid.cells)
    lines = grid.row_lines or [grid.line] * len(grid.cells)
    for row, page, line in zip(grid.cells, pages, lines):
        cells = [_text(c) for c in row]
        if any(match_key(c).startswith(NAME_LABEL) for c in cells):
            seen += 1
            name = _project_name(cells)
            current = _Form(name, page, line) if name else None
            if current:
                forms.append(current)
            continue
        if current is not None:
            current.read(cells)
    return [f for f in forms if f.money], seen


def project_table(grid: Grid, forms_table: Table) -> Table | None:
    """The projects of the forms in ``grid`` as one table (a row per project, a column per
    money item), titled and placed as the forms are; None where no form could be read."""
    forms, seen = _forms(grid)
    if not forms:
        return None
    columns = list(dict.fromkeys(label for f in forms for label in f.money))
    rows = []
    for form in forms:
        units = {form.unit_of[label] for label in form.money}
        unit = units.pop() if len(units) == 1 else ""
        if not unit and not forms_table.unit:
            continue  # amounts in two units on one form, or in none: no figure to stand by
        rows.append(Row(label=form.name, values=[form.money.get(c) for c in columns], unit=unit,
                        page=form.page, line=form.line))
    if not rows:
        return None
    warnings = [UNREAD_FORMS] if len(rows) < seen else []
    return Table(title=forms_table.title, raw_title=forms_table.raw_title, columns=columns, rows=rows,
                 code=forms_table.code, unit=forms_table.unit, unit_source=forms_table.unit_source,
                 page_start=forms_table.page_start, page_end=forms_table.page_end, line=forms_table.line,
                 category="projects", type=PROJECT_FUNDS, warnings=warnings)


def whole_projects(doc: Document) -> int | None:
    """The index of the document's one table of projects where every project form is a row of it:
    only then is a ranking or a count over its projects whole (a form left unread, or read as
    running text, would be missing from it); None elsewhere."""
    found = [i for i, t in enumerate(doc.tables) if t.type == PROJECT_FUNDS]
    whole = len(found) == 1 and UNREAD_FORMS not in doc.tables[found[0]].warnings \
        and not any(NAME_LABEL in match_key(s.text) for s in doc.sections)
    return found[0] if whole else None

