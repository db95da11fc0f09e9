"""Pure presentation of answers for the web UI: the chat turn's answer card, the evidence cards,
the full source view, the list and chart data, the cited rows as CSV.

Every string that came from a document or an answer goes through ``esc`` (HTML) or ``md``
(markdown) before it reaches the page: a disclosure containing ``<script>`` shows that text,
it never runs it. Nothing here answers anything; it only lays out what ``QAEngine.ask`` returned.
"""
from __future__ import annotations

import csv
import html
import io
import re
from dataclasses import dataclass
from typing import Collection, Mapping

from core.model import Document, Row, Table
from core.text import is_total, match_key, parse_amount
from qa.model import Answer, Citation

STRUCTURE_RE = re.compile(r"结构|构成|分类|分布|占比")
ORDINAL_RE = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]")
ALL = "（全部）"

CSV_COLUMNS = ["document", "department", "year", "table_code", "table_title", "row_code", "row_label",
               "column", "value", "unit", "page", "line", "cited"]


def esc(value) -> str:
    """HTML-escape anything (None → empty)."""
    return html.escape("" if value is None else str(value), quote=True)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~$!])")


def md(value) -> str:
    """Text safe inside Gradio's markdown chat: HTML-escaped and markdown-neutral."""
    return _MD_SPECIAL.sub(r"\\\1", esc(value))


# -- lookups ---------------------------------------------------------------------------------

@dataclass
class Cited:
    """A citation resolved against its document (any part may be missing)."""
    citation: Citation
    doc: Document | None
    table: Table | None
    row: Row | None


def resolve(c: Citation, docs: Mapping[str, Document]) -> Cited:
    doc = docs.get(c.doc_id) if c.doc_id else None
    table = row = None
    if doc is not None and c.table_seq is not None and 0 <= c.table_seq < len(doc.tables):
        table = doc.tables[c.table_seq]
        if c.row_seq is not None and 0 <= c.row_seq < len(table.rows):
            row = table.rows[c.row_seq]
    return Cited(c, doc, table, row)


def place(page: int | None, line: int | None) -> str:
    return f"第{page}页" if page else (f"第{line}行" if line else "")


def row_unit(table: Table | None, row: Row | None, fallback: str = "") -> str:
    return (row.unit if row is not None and row.unit else "") or (table.unit if table is not None else "") or fallback


def row_name(row: Row | None, c: Citation | None = None) -> str:
    if row is not None:
        name = " ".join(x for x in (row.code, row.label) if x)
        return name or row.group or "（数据行）"
    if c is not None:
        return " ".join(x for x in (c.row_code, c.row) if x)
    return ""


def header_html(columns: list[str], shown: list[int], hit: int | None = None, label: str = "项目") -> str:
    """A multi-level header for the shown columns: path parts shared by neighbouring columns
    are merged (colspan), a column whose path ends early spans the rows below (rowspan)."""
    parts = {i: columns[i].split("/") for i in shown}
    depth = max((len(p) for p in parts.values()), default=1)
    rows = []
    for level in range(depth):
        cells = [f'<th rowspan="{depth}" class="qa-label-head">{esc(label)}</th>'] if level == 0 else []
        n = 0
        while n < len(shown):
            i = shown[n]
            p = parts[i]
            if len(p) <= level:
                n += 1
                continue
            leaf = len(p) == level + 1
            span = 1
            while not leaf and n + span < len(shown):
                q = parts[shown[n + span]]
                if len(q) > level + 1 and q[:level + 1] == p[:level + 1]:
                    span += 1
                else:
                    break
            covered = shown[n:n + span]
            cls = "qa-hit" if leaf and i == hit else ("qa-hit-group" if hit in covered else "")
            attrs = (f' colspan="{span}"' if span > 1 else "") + (f' rowspan="{depth - level}"' if leaf and
                                                                    depth - level > 1 else "")
            cells.append(f'<th class="{cls}"{attrs}>{esc(p[level])}</th>')
            n += span
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return f"<thead>{''.join(rows)}</thead>"


def citation_label(n: int, c: Citation) -> str:
    """One line naming a citation (plain text: the radio widget escapes it)."""
    if c.table_seq is not None:
        table = " ".join(x for x in (c.table_code, f"《{c.table_title}》" if c.table_title else "") if x)
        row = " ".join(x for x in (c.row_code, c.row) if x)
        parts = [table, row and f"“{row}”", c.column and f"{c.column}", c.cell and f"= {c.cell}"]
    else:
        section = c.section.split(" > ")[-1] if c.section else "情况说明"
        quote = c.quote if len(c.quote) <= 24 else c.quote[:24] + "…"
        parts = [section, f"“{quote}”"]
    return f"[{n}] " + " ".join(p for p in parts if p)


# -- the answer card -------------------------------------------------------------------------

def evidence_html(n: int, cited: Cited) -> str:
    """One citation as a small card: the cited row (header + values, cited cell marked) with
    table title, code, unit and place, or the quoted sentence with its section and place."""
    c = cited.citation
    doc_line = " · ".join(x for x in (c.source, c.department, f"{c.year}年{c.kind}" if c.year else "",
                                       place(c.page, c.line)) if x)
    foot = f'<div class="qa-where">{esc(doc_line)}</div>'
    if c.table_seq is None:
        section = c.section or "情况说明"
        return (f'<div class="qa-card qa-sentence" data-cite="{n - 1}"><div class="qa-card-head">'
                f'<span class="qa-n">[{n}]</span> 情况说明：{esc(section)}</div>'
                f'<blockquote class="qa-quote">{esc(c.quote)}</blockquote>{foot}</div>')
    table, row = cited.table, cited.row
    title = " ".join(x for x in (c.table_code or (table.code if table else ""),
                                 f"《{c.table_title or (table.title if table else '')}》") if x)
    unit = row_unit(table, row)
    head = (f'<div class="qa-card-head"><span class="qa-n">[{n}]</span> {esc(title)}'
            f'{f"<span class=qa-unit-tag>单位：{esc(unit)}</span>" if unit else ""}</div>')
    if table is None or row is None:  # the document is gone: show what the citation recorded
        body = f'<div class="qa-quote">{esc(c.quote)}</div>'
    else:
        shown = [i for i, v in enumerate(row.values) if v is not None and i < len(table.columns)]
        tds = "".join(f'<td class="qa-num {"qa-hit" if i == c.column_seq else ""}">{esc(row.values[i])}</td>'
                      for i in shown)
        body = (f'<div class="qa-scroll"><table class="qa-table">{header_html(table.columns, shown, c.column_seq)}'
                f'<tbody><tr><th class="qa-label">{esc(row_name(row, c))}</th>{tds}</tr></tbody></table></div>')
    return f'<div class="qa-card" data-cite="{n - 1}">{head}{body}{foot}</div>'


def evidence_block_html(answer: Answer | None, docs: Mapping[str, Document]) -> str:
    """The cells and sentences the current answer rests on, one card each (the answer itself is
    in the chat turn)."""
    if answer is None:
        return '<div class="qa-empty">提出问题后，这里显示答案所依据的表格行和原文。</div>'
    if not answer.citations:
        return '<div class="qa-empty">这个回答没有引用任何表格或原文。</div>'
    cards = "".join(evidence_html(i, resolve(c, docs)) for i, c in enumerate(answer.citations, start=1))
    return (f'<div class="qa-evidence-title">出处（点击在右侧查看原表/原文）</div>'
            f'<div class="qa-evidence">{cards}</div>')


# -- the side panel: a whole table or section ------------------------------------------------

def source_html(c: Citation | None, docs: Mapping[str, Document]) -> str:
    """The whole cited table (cited row and cell highlighted), or the cited section's text with
    the quoted sentence marked."""
    if c is None:
        return '<div class="qa-empty">点击答案中的出处，在这里查看整张原表或原文段落。</div>'
    cited = resolve(c, docs)
    doc = cited.doc
    meta = " · ".join(x for x in (c.source, c.department, f"{c.year}年{c.kind}" if c.year else "") if x)
    if doc is None:
        return (f'<div class="qa-source"><div class="qa-source-meta">{esc(meta)}</div>'
                f'<div class="qa-quote">{esc(c.quote)}</div><div class="qa-where">原文件已不在库中。</div></div>')
    if cited.table is not None:
        return table_html(cited.table, meta, c.row_seq, c.column_seq)
    return section_html(doc, c, meta)


def table_html(table: Table, meta: str, hit_row: int | None = None, hit_col: int | None = None) -> str:
    title = " ".join(x for x in (table.code, f"《{table.title}》") if x)
    info = " · ".join(x for x in (f"单位：{table.unit}" if table.unit else "", place(table.page_start, table.line))
                      if x)
    head = header_html(table.columns, list(range(len(table.columns))), hit_col)
    body = []
    group = None
    for ri, row in enumerate(table.rows):
        if row.group and row.group != group:
            body.append(f'<tr class="qa-group"><th colspan="{len(table.columns) + 1}">{esc(row.group)}</th></tr>')
        group = row.group
        hit = ri == hit_row
        tds = "".join(
            f'<td class="qa-num{" qa-hit" if hit and ci == hit_col else ""}">{esc(v) if v is not None else ""}</td>'
            for ci, v in enumerate(row.values))
        where = place(row.page, row.line)
        body.append(f'<tr class="{"qa-hit-row" if hit else ""}" title="{esc(where)}">'
                    f'<th class="qa-label">{esc(row_name(row))}</th>{tds}</tr>')
    extra = "".join(f'<div class="qa-note">{esc(x)}</div>' for x in ([table.note] if table.note else []))
    extra += "".join(f'<div class="qa-warning">注意：{esc(w)}</div>' for w in table.warnings)
    return (f'<div class="qa-source"><div class="qa-source-title">{esc(title)}</div>'
            f'<div class="qa-source-meta">{esc(meta)}{" · " + esc(info) if info else ""}</div>'
            f'<div class="qa-scroll"><table class="qa-table qa-full">{head}'
            f'<tbody>{"".join(body)}</tbody></table></div>{extra}</div>')


def _find_section(doc: Document, c: Citation) -> int | None:
    key = match_key(c.quote)[:30]
    candidates = [i for i, s in enumerate(doc.sections) if " > ".join(s.heading_path) == c.section] \
        or list(range(len(doc.sections)))
    for i in candidates:
        if key and key in match_key(doc.sections[i].text):
            return i
    return candidates[0] if candidates and c.section else None


def _mark(text: str, quote: str) -> str:
    """The section text, escaped, with the quote marked. Whitespace is ignored when matching (a
    quote may join two printed lines); a quote not found whole is marked from where its first
    twenty characters are."""
    kept = [i for i, ch in enumerate(text) if not ch.isspace()]
    compact = "".join(text[i] for i in kept)
    q = "".join(quote.split())
    at, size = compact.find(q), len(q)
    if at < 0 and len(q) > 20:
        at, size = compact.find(q[:20]), 20
    if at < 0 or not q:
        return esc(text)
    start, end = kept[at], kept[at + size - 1] + 1
    return f'{esc(text[:start])}<mark class="qa-hit">{esc(text[start:end])}</mark>{esc(text[end:])}'


def section_html(doc: Document, c: Citation, meta: str) -> str:
    i = _find_section(doc, c)
    heading = c.section or "情况说明"
    if i is None:
        text = f'<div class="qa-quote">{esc(c.quote)}</div>'
    else:
        s = doc.sections[i]
        heading = " > ".join(s.heading_path) or heading
        text = f'<div class="qa-section-text">{_mark(s.text, c.quote)}</div>'
    return (f'<div class="qa-source"><div class="qa-source-title">{esc(heading)}</div>'
            f'<div class="qa-source-meta">{esc(meta)}{" · " + esc(place(c.page, c.line)) if place(c.page, c.line) else ""}'
            f'</div>{text}</div>')


# -- structure chart -------------------------------------------------------------------------

def structure_rows(table: Table, column: int | None = None) -> tuple[str, str, list[tuple[str, float, str]]]:
    """Top-level rows of a table (3-digit 类 codes, else "一、…" labels; totals left out) and
    their values in the cited column, or else the first column where at least two of them have
    a non-zero number. Returns (column path, unit, [(label, value, printed)]), or ("", "", [])."""
    top = [r for r in table.rows if r.code.isdigit() and len(r.code) == 3]
    if len(top) < 2:
        top = [r for r in table.rows if ORDINAL_RE.match(r.label) and not is_total(r.label)]
    order = ([column] if column is not None else []) + [i for i in range(len(table.columns)) if i != column]
    for ci in order:
        if not 0 <= ci < len(table.columns):
            continue
        bars = []
        for r in top:
            printed = r.values[ci] if ci < len(r.values) else None
            value = parse_amount(printed)
            if value:
                bars.append((row_name(r), value, printed.strip()))
        if len(bars) >= 2:
            return table.columns[ci], table.unit, bars
    return "", "", []


CHARTED_OPERATIONS = ("breakdown", "rank", "candidates")


def chart_bars(answer: Answer, docs: Mapping[str, Document]) -> tuple[str, str, list[tuple[str, float, str]]]:
    """What the bar chart plots: the items of a breakdown, ranking or list (one unit, two or
    more), else, for a question about a structure (结构/构成/分布/占比), the top-level rows of
    the first cited table. Returns (title, unit, [(label, value, printed)]), or ("", "", [])."""
    numbers = [(i.label, parse_amount(i.value), i.value) for i in answer.items]
    if answer.plan.get("operation") in CHARTED_OPERATIONS and len(numbers) >= 2 and \
            len({i.unit for i in answer.items}) == 1 and all(v is not None for _, v, _ in numbers):
        return answer.question, answer.items[0].unit, numbers
    if not STRUCTURE_RE.search(answer.question or ""):
        return "", "", []
    for c in answer.citations:
        cited = resolve(c, docs)
        if cited.table is None:
            continue
        column, unit, bars = structure_rows(cited.table, c.column_seq)
        if bars:
            return f"{cited.table.code} 《{cited.table.title}》 · {column}", unit, bars
    return "", "", []


def items_rows(answer: Answer) -> list[list[str]]:
    """The answer's list (candidates, parts, places in a ranking) as table rows: what, figure,
    unit, share of the whole where known, and where it is printed."""
    return [[i.label, i.value, i.unit, f"{i.share:.1f}%" if i.share is not None else "",
             citation_label(n, i.citation)] for n, i in enumerate(answer.items, start=1)]


ITEMS_HEADERS = ["项目", "数值", "单位", "占比", "出处"]


# -- CSV -------------------------------------------------------------------------------------

def _cell(text: str) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas: quote those unless a number."""
    if text and text[0] in "=+-@\t\r" and parse_amount(text) is None:
        return "'" + text
    return text


def csv_rows(answer: Answer, docs: Mapping[str, Document]) -> list[list[str]]:
    """Every cell of every cited row (long format), the cited cells flagged; sentences as one
    line each with the quote as value."""
    out: list[list[str]] = []
    seen = set()
    for c in answer.citations:
        cited = resolve(c, docs)
        base = [c.source, c.department, str(c.year or "")]
        if c.table_seq is None:
            out.append(base + ["", c.section, "", "", "", c.quote, "", str(c.page or ""), str(c.line or ""), "是"])
            continue
        table, row = cited.table, cited.row
        if table is None or row is None:
            out.append(base + [c.table_code, c.table_title, c.row_code, c.row, c.column, c.cell, "",
                               str(c.page or ""), str(c.line or ""), "是"])
            continue
        for ci, value in enumerate(row.values):
            if value is None or ci >= len(table.columns):
                continue
            key = (c.doc_id, c.table_seq, c.row_seq, ci)
            if key in seen:
                continue
            seen.add(key)
            hit = any(x.doc_id == c.doc_id and x.table_seq == c.table_seq and x.row_seq == c.row_seq
                      and x.column_seq == ci for x in answer.citations)
            out.append(base + [table.code, table.title, row.code, row.label, table.columns[ci], value,
                               row_unit(table, row), str(row.page or ""), str(row.line or ""), "是" if hit else ""])
    return [[_cell(v) for v in line] for line in out]


def csv_text(answer: Answer, docs: Mapping[str, Document]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    writer.writerows(csv_rows(answer, docs))
    return buf.getvalue()


# -- chat log, documents, filters ------------------------------------------------------------

def chat_markdown(answer: Answer) -> str:
    """The answer card of the chat turn: the headline figure with what it is (department, year,
    label) and how it was computed, the answer, what to add, the notes, and where its list and
    sources are shown."""
    lines = []
    if answer.figures:
        f = answer.figures[0]
        who = "".join(x for x in (f.department, f"{f.year}年" if f.year else "") if x)
        label = " · ".join(x for x in (who, f.label) if x)
        lines.append(f"**{md(f.value)}{md(f.unit)}**　{md(label)}")
        if f.derived and f.formula:
            lines.append(f"计算：{md(f.formula)}")
    lines.append(md(answer.answer))
    if answer.missing:
        lines.append(f"请补充：{md('、'.join(answer.missing))}")
    lines += [f"注：{md(n)}" for n in answer.notes]
    if answer.items:
        lines.append(f"（共{len(answer.items)}项，见下方表格；点击一行在右侧查看原表）")
    if answer.citations:
        lines.append(f"（{len(answer.citations)}处出处，见下方“出处”）")
    return "\n\n".join(lines)


def documents_html(infos, own: Collection[str] = ()) -> str:
    """The library as a table; documents of ``own`` (the session's uploads) are marked."""
    if not infos:
        return '<div class="qa-empty">库中还没有文件。</div>'
    rows = "".join(
        f"<tr><td>{esc(d.department)}</td><td>{esc(d.year)}</td><td>{esc(d.scope)}{esc(d.kind)}</td>"
        f"<td>{esc(d.source)}{OWN_MARK if d.doc_id in own else ''}</td>"
        f"<td class=qa-num>{esc(d.tables)}</td><td class=qa-num>{esc(d.facts)}</td></tr>"
        for d in infos)
    return (f'<div class="qa-scroll"><table class="qa-table qa-docs"><thead><tr><th>部门</th><th>年度</th><th>类型</th>'
            f'<th>文件</th><th>表</th><th>数据</th></tr></thead><tbody>{rows}</tbody></table></div>')


OWN_MARK = ' <span class="qa-own">（你上传的，仅你可见）</span>'


def filter_choices(infos) -> tuple[list[str], list[str]]:
    """Department and year choices for the filters (``ALL`` first)."""
    depts = sorted({d.department for d in infos})
    years = sorted({str(d.year) for d in infos}, reverse=True)
    return [ALL] + depts, [ALL] + years


def scoped_question(question: str, department: str | None, year: str | int | None, resolver,
                    latest_year: int | None = None) -> str:
    """The question with the department / year filters prepended when it names none itself
    ("三公经费多少" with 阳泉市民政局 → "阳泉市民政局 三公经费多少")."""
    question = (question or "").strip()
    if not question:
        return question
    department = "" if department in (None, "", ALL) else str(department)
    year = "" if year in (None, "", ALL) else str(year)
    mention = resolver.resolve(question, latest_year) if resolver is not None else None
    prefix = []
    if department and not (mention and (mention.departments or mention.unknown_orgs)) and department not in question:
        prefix.append(department)
    if year and not (mention and mention.years) and f"{year}年" not in question:
        prefix.append(f"{year}年")
    return f"{''.join(prefix)} {question}" if prefix else question
