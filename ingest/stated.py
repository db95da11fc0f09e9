"""Narrative facts: every amount, count or percentage a sentence of the narrative states,
with what it is of.

The national templates word their 情况说明 in a few shapes ("机关运行经费支出123.45万元，比上年
增加6.78万元，增长5.80%", "本年收入合计X万元，其中：财政拨款收入Y万元，占Z%", "行政编制18人，
实有人数20人", "四个二级预算单位组成"). Each amount's subject is the words before it back to the
clause break, less the words that say how it relates (比上年增加, 占, 完成预算的, 其中) or what
it measures (预算, 决算); a clause that names no subject of its own ("增长5.80%") continues the
one before. A count may name its subject after it ("7 名人员", "四个二级预算单位").
"""
from __future__ import annotations

import re

from core.concepts import lexicon, locate_all
from core.model import YUAN_PER_UNIT, Document, StatedFact, Table
from core.schema import schema
from core.text import chinese_number, clean_line, decimals, match_key, parse_amount
from core.vocab import YEAR_BEFORE

MONEY_UNITS = ("亿元", "万元", "千元", "元")
COUNT_UNITS = ("分", "人次", "人", "名", "个", "家", "辆", "台（套）", "台(套)", "台/套", "台套", "台", "套", "批次", "次", "项",
               "户", "张", "床", "平方米")  # (an area: "房屋14609.83平方米", the assets section of a 预算)
UNIT_RE = "|".join(re.escape(u) for u in (*MONEY_UNITS, "%", "％", *COUNT_UNITS))
AMOUNT_RE = re.compile(rf"(?<![\d.,])(\d[\d,]*(?:\.\d+)?|[零〇一二两三四五六七八九十百]+)\s*({UNIT_RE})")
# "单价100万元（含）以上设备", "20万元以下": an amount inside a label, not a value
THRESHOLD_AFTER = re.compile(r"^\s*(?:[(（]含[)）])?\s*(?:以上|以下|以内|及以上)")
SENTENCE_RE = re.compile(r"[^。；;！？!?\n]+[。；;！？!?]?")
LEVEL_MARK_RE = re.compile(r"[（(]\s*[类款项]\s*[）)]")
REMARK_RE = re.compile(r"[（(](?:以[^（()）]{1,12}为准|含|单位[:：]?[^（()）]{0,4})[）)]")
EXCLUSION_RE = re.compile(r"[（(]((?:不含|不包括|未含)[^（()）]{1,40})[）)]")
BREAK_CHARS = "，,；;。：:、"
# ("收、支预算总计各增加": each of the totals named changed by the amount)
CHANGE_END = re.compile(r"(?:各|均|都|分别)?(增加|减少|增长|下降|上升|降低|增|减|节约|多|少)了?(约)?$")
COMPARED_RE = re.compile(rf"(?:比|较|与|同)(?:{YEAR_BEFORE}|同期|(?:19|20)\d{{2}}\s*年度?)(?:预算|决算|年初预算|执行数|同期)?"
                         r"(?:数)?(?:相比|比较)?")
SHARE_END = re.compile(r"占[^，,；;。]{0,20}?的?(比重|比例)?(为)?$")
COMPLETION_END = re.compile(r"完成(?:了)?(?:年初|全年|调整后?)?预算(?:数)?的?$")
AS_OF_RE = re.compile(r"截[至止](?:到)?\s*(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?(?:底|末)?")
MEASURE_END = re.compile(r"(年初预算|全年预算|调整预算|预算数|预算安排|预算|决算数|支出决算|决算|执行数|实际支出|执行)(?:数)?(?:为|是|达|共)?$")
COPULA_END = re.compile(r"(为|是|达到|达|共计|共|约|分别为|分别|总额|金额|资金|安排|列支)$")
LEADING_RE = re.compile(r"^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[、.．]|其中[:：]?|此外[,，]?"
                        r"|另外[,，]?|同时[,，]?|全年(?!预算)|当年|本年度[,，]|本部门|本单位|我单位|该单位|共有|共|合计|总计"
                        r"|(?:部门|单位)?预算安排)+")
YEAR_LEAD_RE = re.compile(r"^.*?((?:19|20)\d{2})\s*年度?(?:[,，]?)")
# words before a count that link it to its subject ("还包括江苏省联谊俱乐部 8 名在职人员")
COUNT_LINK_RE = re.compile(r"包括|包含|以及|由|设有|下设|内设|涉及|共有|现有|还有|拥有|开展了?|召开|接待|共计|累计|安排|购置")
COUNT_VERBS = re.compile(r"^(?:有|共有|设|设有|内设|下设|包括|由|现有|拥有|涉及|共计|累计|计划|安排|拟|核定|实有|购置|召开|接待|"
                         r"组织|开展)?$")
RIGHT_NOUN_RE = re.compile(r"^[\u4e00-\u9fff“][\u4e00-\u9fff“”\"（）()]{0,23}?(?=组成|开展|实行|的|，|,|。|；|;|、|$|工资|经费|人员经费|参加|和|及|以及)")
FOLLOWS_ON = re.compile(r"^(与上年相比|较上年|比上年|较\s*(?:19|20)\d{2}|比\s*(?:19|20)\d{2}|与\s*(?:19|20)\d{2}|同比|其中|增长|下降|增加|减少)")
# a line break inside a sentence (a text export wrapped at its width), not before a list item
UNWRAP_RE = re.compile(r"(?<![。；;！？!?：:])\n(?![（(]?[一二三四五六七八九十\d]{1,2}[、.．)）])")
PROJECT_HEADINGS = re.compile(r"绩效")
# a paragraph opened by the project it reports on ("福利院养老楼新建项目绩效自评综述：…得分91.21分")
PROJECT_LEAD_RE = re.compile(r"^([\u4e00-\u9fff（）()]{2,40}?项目)(?:绩效)?(?:自评)?(?:综述|情况|概况|简介)?\s*[:：]")
SKIP_HEADINGS = re.compile(r"名词解释|附件|附表")
GENERIC_PROJECT = re.compile(r"^(其他|行政运行|一般行政管理事务|机关服务|事业运行)")


def as_of_year(text: str) -> int | None:
    """The year of the date a stock is counted at ("截至2024年8月31日" → 2024), else None."""
    m = AS_OF_RE.search(text)
    return int(re.search(r"(?:19|20)\d{2}", m.group(0)).group(0)) if m else None


def stated_facts(doc: Document) -> list[StatedFact]:
    """The facts every narrative sentence of ``doc`` states (名词解释 and annexes left out)."""
    out: list[StatedFact] = []
    names = sorted({match_key(n) for n in [doc.department, *doc.aliases] if n}, key=len, reverse=True)
    for si, section in enumerate(doc.sections):
        if any(SKIP_HEADINGS.search(h) for h in section.heading_path):
            continue
        topic = _topic_of(section.heading)
        in_parts = False  # after "其中：" the items listed (up to the full stop) are parts
        lead = ""  # "XX项目绩效自评综述：": the project the paragraph's figures are of
        bare_lead = False  # the lead stood alone on its line: it opens the next one
        text = section.text if section.page_starts else UNWRAP_RE.sub("", section.text)
        for m in SENTENCE_RE.finditer(text):
            if len(m.group(0).strip()) < 3:
                continue
            page = section.page_at(m.start() + len(m.group(0)) - len(m.group(0).lstrip()))
            piece = m.group(0).strip()
            # a list after "其中：" runs on over "；" while its items stay short
            in_parts = in_parts and len(AMOUNT_RE.findall(piece)) <= 2
            if opened := PROJECT_LEAD_RE.match(piece):
                lead, bare_lead = opened.group(1), not piece[opened.end():].strip()
            elif m.start() and text[m.start() - 1] == "\n" and not bare_lead:
                lead = ""  # a new paragraph
            else:
                bare_lead = False
            found, topic = _sentence_facts(piece, lead or topic, names, doc.kind, in_parts)
            in_parts = (in_parts or "其中" in piece) and not piece.endswith(("。", "!", "！", "?", "？"))
            for fact in found:
                if lead and lead not in fact.subject:
                    fact.subject = lead + (fact.subject[2:] if fact.subject.startswith("项目") else fact.subject)
                fact.section_seq, fact.page, fact.line = si, page, section.line
                # a 绩效 section speaks of projects: its "一般公共预算支出" is a project's, not the department's
                if not any(PROJECT_HEADINGS.search(h) for h in section.heading_path):
                    fact.concept = concept_of(fact.subject, fact.unit)
                    fact.check = cross_check(fact, doc.tables, doc.year)
            out += found
    return out


def check_disclosure(documents: list[Document]) -> None:
    """Cross-check the stated facts of files that are one disclosure (a narrative PDF and its
    公开表 PDF) against the tables of all of them."""
    tables = [t for d in documents for t in d.tables]
    for doc in documents:
        for fact in doc.stated:
            fact.check = cross_check(fact, tables, doc.year)


# qualifiers under which a stated amount is still the level of its subject (a part listed after
# 其中 is that part's own figure), not a change or a share
# the budget a "年初预算X万元，全年预算Y万元" sentence tells apart: kept as the qualifier
BUDGET_STAGES = ("年初预算", "全年预算", "调整预算")
LEVEL_QUALIFIERS = ("", "预算", "决算", "其中") + BUDGET_STAGES
MEASURE_COLUMNS = {"预算": ("预算数", "年初预算", "全年预算", "调整预算"), "决算": ("决算数",), "执行数": ("决算数",)}


def cross_check(fact: StatedFact, tables: list[Table], year: int) -> str:
    """"agrees" / "disagrees" with the table cell of the same concept and measure, or "" when no
    table holds it (or the fact is a change, a share, a part, or another year's figure)."""
    if not fact.concept or fact.unit not in YUAN_PER_UNIT or fact.qualifier not in LEVEL_QUALIFIERS \
            or (fact.year and fact.year != year):
        return ""
    concept = next(c for c in lexicon().concepts if c.name == fact.concept)
    wanted = MEASURE_COLUMNS.get(fact.measure, ())
    values = []  # (yuan, printed, unit) of every cell any locator finds: the narrative may speak
    for loc, cells in locate_all(concept, tables):  # of the 基本支出 table's figure, not the 三公 table's
        found = []
        for cell in cells:
            table = tables[cell.table_seq]
            if wanted and table.measures[cell.column] not in wanted:
                continue
            printed = table.rows[cell.row_seq].values[cell.column]
            unit = table.rows[cell.row_seq].unit or table.unit
            value = parse_amount(printed)
            if value is not None and unit in YUAN_PER_UNIT:
                found.append((value * YUAN_PER_UNIT[unit], printed, unit))
        if loc.sum and found:
            found = [(sum(v for v, _, _ in found), found[0][1], found[0][2])]
        values += found
    if not values:
        return ""
    stated = fact.value * YUAN_PER_UNIT[fact.unit]
    slack = 0.5 * 10 ** -decimals(fact.value_text) * YUAN_PER_UNIT[fact.unit] + 0.01
    return "agrees" if any(abs(v - stated) <= slack + 0.5 * 10 ** -decimals(p) * YUAN_PER_UNIT[u]
                           for v, p, u in values) else "disagrees"


def _topic_of(heading: str) -> str:
    """A 科目 item heading ("1、教育支出（类）普通教育（款）初中教育（项）") names what the
    amounts under it are of."""
    if not LEVEL_MARK_RE.search(heading):
        return ""
    return _subject_path(heading)


def _subject_path(text: str) -> str:
    """The 科目 a text names with level marks: its last level, said with the one above when
    that last name is shared by many 科目 (行政运行, 其他…支出)."""
    parts = [p for p in LEVEL_MARK_RE.split(_lead_stripped(text)) if p.strip()]
    parts = [re.sub(r"^[^\u4e00-\u9fff]+", "", p).strip("，,。：:") for p in parts]
    parts = [p for p in parts if p]
    if not parts:
        return ""
    last = parts[-1]
    if len(parts) > 1 and (GENERIC_PROJECT.match(last) or len(schema().codes_named("function", last)) > 1):
        return parts[-2] + last
    return last


def _lead_stripped(text: str) -> str:
    return LEADING_RE.sub("", text.strip())


def _sentence_facts(sentence: str, topic: str, names: list[str], kind: str,
                    in_parts: bool = False) -> tuple[list[StatedFact], str]:
    """Facts of one sentence, and the subject a following sentence continues."""
    sentence = clean_line(sentence)
    # ("收、支预算总计": the two totals said as one word, not a list)
    text = REMARK_RE.sub("", sentence).replace("收、支", "收支")
    if LEVEL_MARK_RE.search(text):
        # "1.一般公共服务（类）支出 6,543.55 万元": the marks name the subject; the words between stay
        text = LEVEL_MARK_RE.sub("", text)
    amounts = [m for m in AMOUNT_RE.finditer(text) if not THRESHOLD_AFTER.match(text[m.end():])]
    if not amounts:
        heading_like = re.match(r"^(?:\d{1,2}[、.．]|[(（][一二三四五六七八九十\d]+[)）])", sentence.strip())
        if heading_like and LEVEL_MARK_RE.search(sentence) and len(sentence) <= 60:
            return [], _subject_path(sentence.rstrip("。；;"))
        return [], topic
    facts: list[StatedFact] = []
    subject = topic if FOLLOWS_ON.match(_lead_stripped(text)) else ""
    parts_start = 0 if in_parts else text.find("其中")
    measures: set[str] = set()
    stages: list[str] = []  # per fact: 年初预算 / 全年预算 / 调整预算 where the sentence says which
    for n, m in enumerate(amounts):
        value_text, unit = m.group(1), m.group(2).replace("％", "%")
        value = parse_amount(value_text)
        if unit == "分" and (value is None or text[m.end():m.end() + 1] in ("之", "钟", "别", "配")):
            continue  # a score in digits ("得分91.21分"), not 十分 / 三分之一 / 5分钟
        if value is None:
            if unit in MONEY_UNITS or unit == "%":
                continue
            number = chinese_number(value_text.replace("〇", "零").replace("两", "二"))
            if number is None:
                continue
            value = float(number)
        previous = amounts[n - 1].end() if n else 0
        # "、" separates listed amounts ("货物10万元、工程5万元"), not the words of one subject
        # ("收入、支出预算总计")
        start = max(text.rfind(c, previous, m.start()) for c in BREAK_CHARS if c != "、" or n)
        start = max(start + 1, previous)
        clause = text[start:m.start()]
        own, qualifier, measure, stage, year = _read_clause(clause, unit, names)
        exclusion = EXCLUSION_RE.search(text[m.start() - 30 if m.start() > 30 else 0:m.end() + 20])
        right = RIGHT_NOUN_RE.match(text[m.end():].lstrip()) if unit in COUNT_UNITS else None
        if right and (not own or COUNT_LINK_RE.search(clause) or clause.rstrip().endswith("等") or "、" in clause):
            # the subject follows the count ("四个二级预算单位", "包括…俱乐部 8 名在职人员"): the
            # noun after it, with whatever the clause says after its last linking word
            before = re.split(r"和|及|与", COUNT_LINK_RE.split(_bare(clause, names))[-1])[-1] if own else ""
            if "、" in before or len(before) > 16:
                before = ""  # the members listed ("福利院、救助站四个二级预算单位"), not a qualifier
            own = before + re.sub("[“”\"]", "", right.group(0))  # (a quote it cuts: "自评等级为“优”")
        elif right and own and re.fullmatch(r"(?:在职|在编|退休|离休)?(?:人员|职工|干部)", right.group(0)):
            own += right.group(0)  # "…办公室9名在职人员": that body's staff, not the body
        if own:
            # the scope said before, in this sentence or the one it follows on from
            before = facts[-1].subject if facts else (topic if subject and subject == topic else "")
            if before and re.match(r"(收入|支出|收支)", own):
                # "财政拨款收入总计X万元，支出总计Y万元": the second is the 财政拨款 支出总计 too;
                # "…财政拨款收、支总预算24458.43万元。与上年相比收、支预算总计各增加…": so is this
                scope = re.match(r"([^收支、]+?)(收入|支出|收支)", before)
                own = scope.group(1) + own if scope and not own.startswith(scope.group(1)) else own
            subject = own
            if not qualifier and 0 <= parts_start < m.start() and (n or parts_start < start + 3):
                qualifier = "其中"
        elif not subject:
            subject = topic
        if not subject:
            continue
        if exclusion and qualifier in ("", "其中"):
            qualifier = exclusion.group(1)
        facts.append(StatedFact(subject=subject, qualifier=qualifier, value_text=value_text.replace(",", ""),
                                value=value, unit=_unit(unit), sentence=sentence.strip(), section_seq=0,
                                year=year, measure=measure or _default_measure(unit, kind)))
        stages.append(stage)
        if measure:
            measures.add(stage or measure)
    if len(measures) > 1:  # "年初预算X万元，全年预算Y万元，支出决算Z万元": the measure tells them apart
        for fact, stage in zip(facts, stages):
            if not fact.qualifier and fact.measure in ("预算", "决算"):
                fact.qualifier = stage or fact.measure
    return facts, (facts[-1].subject if facts else topic)


def _unit(unit: str) -> str:
    return {"台(套)": "台（套）", "台/套": "台（套）", "台套": "台（套）"}.get(unit, unit)


def _default_measure(unit: str, kind: str) -> str:
    return kind if unit in MONEY_UNITS else ""


# the template's fill-in instruction left in the text ("（按“部门预算公开08表…”中实际发生经济分类支出事项填写）")
TEMPLATE_NOTE_RE = re.compile(r"[（(]按[^（）()]{0,60}?(?:填写|填列|列示)[）)]")


def _bare(clause: str, names: list[str]) -> str:
    """A clause without the template's instructions, its ordinal, department name, year and
    leading filler."""
    text = _lead_stripped(TEMPLATE_NOTE_RE.sub("", clause.strip()))
    for name in names:
        text = text.replace(name, "")
    text = re.sub(r"^[（(](?:部门|单位|本级)[)）]", "", text)
    text = re.sub(r"^.*?(?:19|20)\d{2}\s*年度?", "", text) if re.search(r"(?:19|20)\d{2}\s*年", text) else text
    return _lead_stripped(text.strip("，,：: "))


def _read_clause(clause: str, unit: str, names: list[str]) -> tuple[str, str, str, str, int | None]:
    """(subject, qualifier, measure, budget stage, year) from the words before an amount."""
    raw = clause.strip()
    # "截至2024年8月31日共有车辆8辆" in a 2025 budget: the date a stock was counted, not another year's figure
    dated = AS_OF_RE.sub("", raw)
    years = [int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", dated) if not COMPARED_RE.search(raw)]
    year = years[-1] if years else None
    text = _bare(raw, names)
    qualifier, measure, stage = "", "", ""
    if m := CHANGE_END.search(text):
        down = m.group(1) in ("减少", "下降", "降低", "减", "节约", "少")
        qualifier = ("下降率" if down else "增长率") if unit in ("%", "％") else ("比上年减少" if down else "比上年增加")
        text = text[:m.start()]
        text = COMPARED_RE.sub("", text)
    elif m := COMPLETION_END.search(text):
        qualifier, text = "完成预算的", text[:m.start()]
    elif (m := SHARE_END.search(text)) and unit in ("%", "％"):
        qualifier, text = "占比", text[:m.start()]
    text = COMPARED_RE.sub("", text)
    for _ in range(3):
        if m := MEASURE_END.search(text):
            word = m.group(1)
            measure = measure or ("执行数" if word.startswith("执行") else "决算" if "决算" in word or "实际" in word
                                  else "预算")
            stage = stage or (word if word in BUDGET_STAGES else "")
            text = text[:m.start()]
        if m := COPULA_END.search(text):
            text = text[:m.start()]
    text = _balanced_quotes(EXCLUSION_RE.sub("", text.strip("，,：: ")).strip())
    if not re.search(r"[\u4e00-\u9fff]{2}", text) or COUNT_VERBS.fullmatch(text):
        text = ""
    return text, qualifier, measure, stage, year


def _balanced_quotes(text: str) -> str:
    """"三公”经费" (its opening quote fell before the clause) reads "“三公”经费"."""
    if text.count("”") > text.count("“"):
        text = "“" + text
    text = text.lstrip("（(").rstrip("）)") if text.count("（") + text.count("(") != text.count("）") + text.count(")") else text
    return text.strip("“") if text.count("“") > text.count("”") and text.startswith("“") else text


def concept_of(subject: str, unit: str) -> str:
    """The lexicon concept a subject names as a whole ("机关运行经费", "“三公”经费"), or ""."""
    key = match_key(subject)
    for concept in lexicon().concepts:
        if concept.stated_unit and unit not in concept.stated_unit:
            continue
        if any(p.fullmatch(key) for p in concept.stated):
            return concept.name
        if unit in MONEY_UNITS and not concept.stated_unit and any(
                match_key(w) in (key, re.sub(r"(支出|总额|金额|经费)$", "", key)) for w in concept.terms):
            return concept.name
    return ""
