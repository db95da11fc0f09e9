"""PDFs for ingest tests, generated with reportlab so none has to be committed.

``disclosure_pdf`` renders tables of an already parsed document (the text sample) the way a
real 部门决算 PDF prints them: a cover line, caption paragraphs above each table (title,
公开NN表, 部门名称, 年度, 金额单位), a ruled grid with a merged multi-level header built from
the column paths, a long table that breaks across pages with its header repeated, notes under
the tables and page numbers in the footer. Parsing it back must give the same facts.

``outline_procurement_pdf`` prints a 政府采购预算表 the way 江苏's are printed: an outline whose
groups are vertically merged cells, continued on a second page whose grid lacks the first page's
blank margin column.

``encrypted_pdf``, ``textless_pdf`` and ``truncated_pdf`` build the bad inputs a user may
upload: password protected, scanned (no text layer), and cut off mid-file.
"""
from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from core.model import Document
from core.model import Table as ModelTable

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "samples" / "yangquan-minzheng-2024-juesuan.txt"
# 收入决算表 (43 rows, breaks across pages), an ordinary table, and the 三公 table's 3-level header
ROUNDTRIP_CODES = ("公开02表", "公开05表", "公开09表")
FONT = "STSong-Light"
PAGE = landscape(A4)
MARGIN = 15 * mm
FONT_SIZE = 9


def _font() -> str:
    if FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    return FONT


def _styles() -> dict[str, ParagraphStyle]:
    font = _font()
    return {
        "cover": ParagraphStyle("cover", fontName=font, fontSize=20, leading=28, alignment=TA_CENTER,
                                spaceAfter=12),
        "title": ParagraphStyle("title", fontName=font, fontSize=14, leading=20, alignment=TA_CENTER),
        "caption": ParagraphStyle("caption", fontName=font, fontSize=10, leading=14),
        "head": ParagraphStyle("head", fontName=font, fontSize=FONT_SIZE, leading=FONT_SIZE + 2,
                               alignment=TA_CENTER, wordWrap="CJK"),
        "note": ParagraphStyle("note", fontName=font, fontSize=9, leading=12, wordWrap="CJK"),
    }


def header_grid(columns: list[str], labels: list[str]) -> tuple[list[list[str]], list[tuple]]:
    """Header rows and SPAN commands for value columns given as paths ("决算数/合计").

    At each level, adjacent columns with the same path prefix share one merged cell; a column
    whose path ends above the deepest level spans down to the last header row; the label
    columns span every header row. Covered cells are left empty, as a PDF prints them.
    """
    paths = [c.split("/") for c in columns]
    depth = max(len(p) for p in paths)
    nlab = len(labels)
    rows = [[""] * (nlab + len(paths)) for _ in range(depth)]
    spans: list[tuple] = []
    for i, name in enumerate(labels):
        rows[0][i] = name
        if depth > 1:
            spans.append(("SPAN", (i, 0), (i, depth - 1)))
    for level in range(depth):
        j = 0
        while j < len(paths):
            if len(paths[j]) <= level:
                j += 1  # covered by a cell spanning down from above
                continue
            prefix = paths[j][:level + 1]
            end = j
            while end + 1 < len(paths) and paths[end + 1][:level + 1] == prefix:
                end += 1
            rows[level][nlab + j] = prefix[-1]
            bottom = depth - 1 if all(len(paths[k]) == level + 1 for k in range(j, end + 1)) else level
            if end > j or bottom > level:
                spans.append(("SPAN", (nlab + j, level), (nlab + end, bottom)))
            j = end + 1
    return rows, spans


def _grid(table: ModelTable, width: float, styles: dict[str, ParagraphStyle]) -> Table:
    """One model table as a ruled platypus Table whose header repeats on every page."""
    labels = []
    with_code = any(r.code for r in table.rows)
    with_label = any(r.label for r in table.rows)
    if with_code:
        labels.append("科目编码")
    if with_label:
        labels.append("科目名称" if with_code else "项目")
    head, spans = header_grid(table.columns, labels)
    data: list[list] = [[Paragraph(c, styles["head"]) if c else "" for c in row] for row in head]
    for row in table.rows:
        cells = ([row.code] if with_code else []) + ([row.label] if with_label else [])
        data.append(cells + [v or "" for v in row.values])

    nlab, nval = len(labels), len(table.columns)
    code_w, label_w = (22 * mm if with_code else 0), (75 * mm if with_label else 0)
    value_w = (width - code_w - label_w) / nval
    widths = ([code_w] if with_code else []) + ([label_w] if with_label else []) + [value_w] * nval
    depth = len(head)
    style = TableStyle([
        ("FONT", (0, 0), (-1, -1), FONT, FONT_SIZE, FONT_SIZE + 2),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (nlab, depth), (-1, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        *spans,
    ])
    return Table(data, colWidths=widths, repeatRows=depth, style=style)


def disclosure_pdf(path: str | Path, doc: Document, codes: tuple[str, ...] = ROUNDTRIP_CODES) -> Path:
    """Render the tables of ``doc`` with the given 公开NN表 codes as a disclosure PDF."""
    styles = _styles()
    path = Path(path)
    width = PAGE[0] - 2 * MARGIN
    story: list = [Paragraph(f"{doc.department}{doc.year}年度部门{doc.kind}", styles["cover"])]
    tables = [t for t in doc.tables if t.code in codes]
    for n, table in enumerate(tables):
        if n:
            story.append(PageBreak())
        story += [Paragraph(table.raw_title or table.title, styles["title"]),
                  Paragraph(table.code, styles["caption"]),
                  Paragraph(f"部门名称：{doc.department}", styles["caption"]),
                  Paragraph(f"{doc.year}年度", styles["caption"]),
                  Paragraph(f"金额单位：{table.unit}", styles["caption"]),
                  Spacer(1, 4),
                  _grid(table, width, styles)]
        if table.note:
            story += [Spacer(1, 4), Paragraph(table.note, styles["note"])]

    def footer(canv, _doc):
        canv.setFont(FONT, 9)
        canv.drawCentredString(PAGE[0] / 2, 8 * mm, f"- {canv.getPageNumber()} -")

    SimpleDocTemplate(str(path), pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN,
                      topMargin=MARGIN, bottomMargin=MARGIN, title=f"{doc.department}{doc.year}年度部门{doc.kind}",
                      ).build(story, onFirstPage=footer, onLaterPages=footer)
    return path


def _small_pdf(encrypt=None) -> bytes:
    """A one-page disclosure-like page with enough Chinese text to count as a text layer."""
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, encrypt=encrypt)
    c.setFont(_font(), 14)
    lines = ["阳泉市民政局2024年度部门决算", "财政拨款“三公”经费支出决算表", "公开09表",
             "部门名称：阳泉市民政局", "金额单位：万元", "决算数合计 12.02"]
    for i, line in enumerate(lines):
        c.drawString(30 * mm, A4[1] - (30 + 10 * i) * mm, line)
    c.showPage()
    c.save()
    return buf.getvalue()


def encrypted_pdf(path: str | Path) -> Path:
    """Password protected (user password "secret"): cannot be opened without it."""
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = Path(path)
    path.write_bytes(_small_pdf(StandardEncryption("secret", ownerPassword="owner", strength=128)))
    return path


def textless_pdf(path: str | Path) -> Path:
    """A "scanned" page: a grey image and ruled rectangles, no text layer at all."""
    from PIL import Image
    from reportlab.lib.utils import ImageReader

    path = Path(path)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.drawImage(ImageReader(Image.new("L", (200, 280), 200)), 20 * mm, 40 * mm, 170 * mm, 230 * mm)
    for i in range(12):  # grey bars where scanned text lines would be
        c.setFillGray(0.3)
        c.rect(30 * mm, (250 - 15 * i) * mm, 150 * mm, 4 * mm, stroke=0, fill=1)
    c.showPage()
    c.save()
    return path


def truncated_pdf(path: str | Path) -> Path:
    """The first 40% of the bytes of a valid multi-page disclosure PDF (an interrupted download)."""
    from ingest import parse_file

    path = Path(path)
    full = disclosure_pdf(path.with_name(path.stem + ".full.pdf"), parse_file(SAMPLE))
    data = full.read_bytes()
    full.unlink()
    path.write_bytes(data[: int(len(data) * 0.4)])
    return path


# (大类, 专项名称, 经济科目, 采购物品名称, 采购组织形式, 总计) per line; "" where the outline leaves
# a cell to the line above (a merged cell in the print)
OUTLINE_HEADER = ["采购品目大类", "专项名称", "经济科目", "采购物品名称", "采购组织形式", "总计"]
OUTLINE_FIRST_PAGE = [
    ["合计", "", "", "", "", "1,500.00"],
    ["一、货物A", "", "", "", "", "300.00"],
    ["", "办公设备购置费", "办公设备购置", "", "", "100.00"],
    ["", "", "", "台式计算机（20万以下）", "分散自行组织", "60.00"],
    ["", "", "", "复印机", "分散自行组织", "40.00"],
    ["", "信息化运维经费", "办公设备购置", "", "", "200.00"],
    ["", "", "", "台式计算机（20万以下）", "分散自行组织", "150.00"],
    ["", "", "", "交换设备", "分散自行组织", "50.00"],
]
OUTLINE_NEXT_PAGE = [
    ["三、服务C", "", "", "", "", "1,200.00"],
    ["", "会议费", "会议费", "", "", "1,200.00"],
    ["", "", "", "会议服务", "政府集中采购", "900.00"],
    ["", "", "", "住宿服务", "政府集中采购", "300.00"],
]


def _outline_grid(lines: list[list[str]], margin: bool, with_header: bool) -> Table:
    """One page's grid; an item line's blank group cells are merged with the group line's
    (SPAN down the item lines), and ``margin`` adds the blank first column some pages print."""
    data = ([OUTLINE_HEADER] if with_header else []) + [list(line) for line in lines]
    first = 1 if with_header else 0
    spans = []
    r = first
    while r < len(data):
        if data[r][3]:  # an item line: the run of item lines under one group
            end = r
            while end + 1 < len(data) and data[end + 1][3]:
                end += 1
            if end > r:
                spans += [("SPAN", (c, r), (c, end)) for c in range(3)]
            r = end + 1
        else:
            r += 1
    widths = [30 * mm, 45 * mm, 35 * mm, 55 * mm, 35 * mm, 30 * mm]
    if margin:
        data = [[""] + row for row in data]
        widths = [6 * mm] + widths
        spans = [(kind, (a[0] + 1, a[1]), (b[0] + 1, b[1])) for kind, a, b in spans]
    style = TableStyle([("FONT", (0, 0), (-1, -1), _font(), FONT_SIZE, FONT_SIZE + 2),
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("ALIGN", (-1, 0), (-1, -1), "RIGHT"),
                        *spans])
    return Table(data, colWidths=widths, style=style)


def outline_procurement_pdf(path: str | Path, pages: tuple[list[list[str]], list[list[str]]] = (
        OUTLINE_FIRST_PAGE, OUTLINE_NEXT_PAGE)) -> Path:
    """A 政府采购预算表 of two pages: an outline of merged group cells, the first page's grid with a
    blank margin column the second page's lacks (as 江苏省委办公厅 2017 prints it)."""
    first, following = pages
    styles = _styles()
    story = [Paragraph("江苏省示例办公厅2017年部门预算公开表", styles["cover"]), PageBreak(),
             Paragraph("2017年政府采购预算表", styles["title"]),
             Paragraph("部门：江苏省示例办公厅　　　　　单位：万元", styles["caption"]), Spacer(1, 4 * mm),
             _outline_grid(first, margin=True, with_header=True), PageBreak(),
             _outline_grid(following, margin=False, with_header=False)]
    SimpleDocTemplate(str(path), pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                      bottomMargin=MARGIN).build(story)
    return Path(path)


# One project per form, as 上海's 财政项目支出绩效目标填报表 prints it: money as label–amount pairs
# along a line, the unit in a merged label cell ("项目资金（元）") beside them.
PAIRS_FORM = [
    ["项目名称", "", "{name}", "", "项目性质", "经常性项目", "项目类别", "其他运转类"],
    ["主管部门", "", "示例区民政局", "", "实施单位", "示例区民政局", "", ""],
    ["项目资金\n（元）", "", "项目资金总额", "", "{total}", "年度资金申请总额", "", "{total}"],
    ["", "", "其中：财政资金", "", "{total}", "其中：当年财政拨款", "", "{granted}"],
    ["", "", "其他资金", "", "0.00", "上年结转资金", "", "0.00"],
]
# the national 项目支出绩效自评表: a header line of measures over lines of amounts (万元), with a
# score and a rate that are not money
MEASURES_FORM = [
    ["项目名称", "{name}", "", "", "", "", "", ""],
    ["主管部门", "示例区民政局", "", "", "实施单位", "示例区民政局", "", ""],
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "{planned}", "{budget}", "{spent}", "10", "92.00%", "9.2"],
    ["", "其中：当年财政拨款", "{planned}", "{budget}", "{spent}", "—", "—", "—"],
    ["", "上年结转资金", "0", "0", "0", "—", "—", "—"],
]
# an export that shuffled a form's cells: a person where the project's name belongs
SHUFFLED_FORM = [
    ["项目名称", "王小明", "联系电话", "12345678", "", "", "", ""],
    ["项目资金（万元）", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
    ["", "年度资金总额", "5.00", "5.00", "5.00", "10", "100%", "10"],
]


def _form_grid(lines: list[list[str]], fields: dict[str, str]) -> Table:
    """A form's ruled grid; the "项目资金" label cell merged down its lines (and over the blank
    cell beside it in the pairs layout)."""
    data = [[cell.format(**fields) for cell in line] for line in lines]
    label = next(i for i, line in enumerate(data) if line[0].startswith("项目资金"))
    across = 1 if lines is PAIRS_FORM else 0
    style = TableStyle([("FONT", (0, 0), (-1, -1), _font(), FONT_SIZE, FONT_SIZE + 2),
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                        ("SPAN", (0, label), (across, len(data) - 1))])
    return Table(data, colWidths=[w * mm for w in (30, 48, 48, 22, 30, 36, 24, 24)], style=style)


def project_forms_pdf(path: str | Path, shuffled: bool = False) -> Path:
    """A 部门预算 with project forms after its narrative, one form per page: two drawn as label–
    amount pairs (元), two as the national 自评表's measures over amounts (万元); ``shuffled`` adds a
    form whose name cell holds a person."""
    styles = _styles()
    story: list = [Paragraph("示例区民政局2024年度部门预算", styles["cover"]),
                   Paragraph("附件：项目支出绩效目标表", styles["title"])]
    forms = [("财政项目支出绩效目标填报表", PAIRS_FORM, {"name": "社区助餐服务补贴", "total": "1,250,000.00",
                                                "granted": "1,250,000.00"}),
             ("财政项目支出绩效目标填报表", PAIRS_FORM, {"name": "养老服务设施运营经费", "total": "3,400,500.00",
                                                "granted": "3,600,500.00"}),
             ("项目支出绩效自评表", MEASURES_FORM, {"name": "老年人助浴服务项目", "planned": "80.00",
                                           "budget": "85.00", "spent": "78.20"}),
             ("项目支出绩效自评表", MEASURES_FORM, {"name": "困难群众临时救助工作经费", "planned": "120.00",
                                           "budget": "120.00", "spent": "119.50"})]
    if shuffled:
        forms.append(("项目支出绩效自评表", SHUFFLED_FORM, {}))
    for title, lines, fields in forms:
        story += [PageBreak(), Paragraph(title, styles["title"]), Spacer(1, 4 * mm), _form_grid(lines, fields)]
    SimpleDocTemplate(str(path), pagesize=PAGE, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN,
                      bottomMargin=MARGIN).build(story)
    return Path(path)
