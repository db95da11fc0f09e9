"""Narrative facts: every amount a sentence states, with its subject, qualifier, measure, unit
and page; checked against the table cell of the same concept."""
from __future__ import annotations

import json
import re

import pytest

from conftest import LINFEN, ROOT, SAMPLES, SHARED_PDFS, YANGQUAN, needs_shared, parsed
from core.text import match_key
from ingest.stated import _sentence_facts, check_disclosure

GOLD = ROOT / "eval" / "gold" / "stated_facts.jsonl"


def facts_of(sentence: str, kind: str = "决算", topic: str = "") -> list[tuple]:
    found, _ = _sentence_facts(sentence, topic, ["上海市xx局"], kind)
    return [(f.subject, f.qualifier, f.value_text, f.unit) for f in found]


# the template's sentence shapes (部门决算模板, 情况说明), with figures in place of XXX
@pytest.mark.parametrize("sentence, expected", [
    ("机关运行经费支出123.45万元，比2023年度增加6.78万元，增长5.80%。",
     [("机关运行经费支出", "", "123.45", "万元"), ("机关运行经费支出", "比上年增加", "6.78", "万元"),
      ("机关运行经费支出", "增长率", "5.80", "%")]),
    ("本年收入合计 100.50 万元，其中：财政拨款收入 80.40 万元，占 80%；事业收入 20.10 万元，占 20%。",
     [("本年收入合计", "", "100.50", "万元"), ("财政拨款收入", "其中", "80.40", "万元"),
      ("财政拨款收入", "占比", "80", "%"), ("事业收入", "其中", "20.10", "万元"), ("事业收入", "占比", "20", "%")]),
    ("一般公共预算财政拨款支出年初预算为 50 万元，支出决算为 49 万元，完成年初预算的 98%。",
     [("一般公共预算财政拨款支出", "年初预算", "50", "万元"), ("一般公共预算财政拨款支出", "决算", "49", "万元"),
      ("一般公共预算财政拨款支出", "完成预算的", "98", "%")]),
    # the budget stage a sentence tells apart ("全年" leads a clause elsewhere: "全年支出…")
    ("行政运行（项）年初预算为0万元，全年预算为52.00万元，支出决算为51.32万元。",
     [("行政运行", "年初预算", "0", "万元"), ("行政运行", "全年预算", "52.00", "万元"),
      ("行政运行", "决算", "51.32", "万元")]),
    ("行政编制18人，实有人数20人；", [("行政编制", "", "18", "人"), ("实有人数", "", "20", "人")]),
    ("本部门由阳泉市社会福利院、阳泉市救助站四个二级预算单位组成。", [("二级预算单位", "", "四", "个")]),
    ("上海市xx局2024年度政府采购金额（以合同签订为准）为 30 万元，其中：货物采购金额 10 万元、工程采购金额 0 万元、"
     "服务采购金额 20 万元。",
     [("政府采购", "", "30", "万元"), ("货物采购", "其中", "10", "万元"), ("工程采购", "其中", "0", "万元"),
      ("服务采购", "其中", "20", "万元")]),
    ("截至2024年12月31日，共有车辆 5 辆，其中：应急保障用车 2 辆。",
     [("车辆", "", "5", "辆"), ("应急保障用车", "其中", "2", "辆")]),
    ("单价 100 万元（含）以上设备（不含车辆）3 台（套）。", [("单价100万元以上设备", "不含车辆", "3", "台（套）")]),
    ("与上年相比减少 108.56 万元，下降 1.63%。", [("一般公共服务支出", "比上年减少", "108.56", "万元"),
                                        ("一般公共服务支出", "下降率", "1.63", "%")]),
    ("本部门预算还包括江苏省联谊俱乐部 8 名在职人员。", [("江苏省联谊俱乐部在职人员", "", "8", "名")]),
    ("还包括江苏省联谊俱乐部8名在职人员、南京中国近代史遗址博物馆管理建设办公室9名在职人员人员经费。",
     [("江苏省联谊俱乐部在职人员", "", "8", "名"), ("南京中国近代史遗址博物馆管理建设办公室在职人员", "", "9", "名")]),
    # the members listed before the count, and what is named after it, are not the noun counted
    ("省委办公厅内设机构：秘书处、综合处、财务处等20个处室和省委机要局。", [("处室", "", "20", "个")]),
    ("根据年初设定的绩效目标，项目自评得分91.21分。", [("项目自评得分", "", "91.21", "分")]),
    # the quotes around a grade are no part of the subject (not "项目自评等级为“优")
    ("自评结果为：33个项目自评等级为“优”，6个项目自评等级为“良”。",
     [("项目自评等级为优", "", "33", "个"), ("项目自评等级为良", "", "6", "个")]),
    ("局机关设办公室（机关党组织办公室）、社会救助科、区划地名科7个内设科室。", [("内设科室", "", "7", "个")]),
    ("这项工作十分重要，三分之一的资金用于培训，会议时长30分钟。", []),  # no score
    # the budget template's fill-in instruction, left in a published text, is no part of the subject
    ("（按“部门预算公开08表财政拨款基本支出预算表”中实际发生经济分类支出事项填写）（二）公用经费1,130.74万元。",
     [("公用经费", "", "1130.74", "万元")]),
    # an area, as a 预算's assets section states it
    ("固定资产3149.52万元，其中：房屋14609.83平方米；", [("固定资产", "", "3149.52", "万元"), ("房屋", "其中", "14609.83", "平方米")]),
])
def test_the_templates_sentence_shapes_give_their_facts(sentence, expected):
    assert facts_of(sentence, topic="一般公共服务支出") == expected


def test_both_totals_said_as_one_word_and_their_scope_carried_on():
    """"收入、支出预算总计…，与上年相比收、支预算总计各增加…": one subject for both totals (not
    "支预算总计各"), of the whole budget; after "财政拨款收、支总预算…。" the next sentence's
    totals are the 财政拨款 ones (not the department's)."""
    assert facts_of("收入、支出预算总计9,146.79万元，与上年相比收、支预算总计各增加498.72万元，增长5.77%。", "预算") == [
        ("收入、支出预算总计", "", "9146.79", "万元"), ("收支预算总计", "比上年增加", "498.72", "万元"),
        ("收支预算总计", "增长率", "5.77", "%")]
    _, topic = _sentence_facts("2018年度财政拨款收、支总预算24458.43万元。", "", [], "预算")
    assert facts_of("与上年相比收、支预算总计各增加3756.18万元，增长18.14%。", "预算", topic)[0][:2] == \
        ("财政拨款收支预算总计", "比上年增加")


def test_a_科目_item_heading_names_the_figures_under_it():
    found, topic = _sentence_facts("1、教育支出（类）普通教育（款）初中教育（项）。", "", [], "决算")
    assert not found and topic == "初中教育"
    found, _ = _sentence_facts("年初预算为 30 万元，支出决算为 29 万元。", topic, [], "决算")
    assert [(f.subject, f.qualifier) for f in found] == [("初中教育", "年初预算"), ("初中教育", "决算")]
    _, topic = _sentence_facts("1．住房改革支出（款）行政运行（项）。", "", [], "决算")
    assert topic == "住房改革支出行政运行"  # a name many 科目 share is said with its parent


def _gold(docs: set[str]) -> list[dict]:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if r["doc"] in docs and re.fullmatch(r"[\d.,]+", str(r["value"]))]


def key(subject: str) -> str:
    """A subject as two readers may write it: without quotes or a trailing 支出/金额/总额."""
    return re.sub(r"(支出|金额|总额)$", "", match_key(subject).replace("“", "").replace("”", ""))


def _found(doc, g: dict) -> tuple[bool, bool, bool]:
    """(value and unit, + subject, + qualifier) among the document's stated facts."""
    value = float(g["value"].replace(",", ""))
    unit = g["unit"].replace("台/套", "台（套）")
    same = [f for f in doc.stated if abs(f.value - value) < 1e-9 and f.unit == unit]
    subject = [f for f in same if key(f.subject) and (key(g["subject"]) in key(f.subject) or key(f.subject) in key(g["subject"]))]
    return bool(same), bool(subject), any(f.qualifier == g["qualifier"] for f in subject)


def _recall(paths) -> tuple[float, float, float]:
    docs = {p.name: parsed(p) for p in paths}
    gold = _gold(set(docs))
    hits = [_found(docs[g["doc"]], g) for g in gold]
    return tuple(sum(h[i] for h in hits) / len(hits) for i in range(3))


def test_the_samples_narrative_facts_come_out_with_subject_and_qualifier():
    """Measured against eval/gold/stated_facts.jsonl (written from the documents alone)."""
    value, subject, qualifier = _recall([YANGQUAN, LINFEN])
    # the misses are 临汾's 绩效 summaries, printed in table cells rather than the narrative
    assert value >= 0.95 and subject >= 0.86 and qualifier >= 0.76, (value, subject, qualifier)


@needs_shared
def test_the_shared_pdfs_narrative_facts_come_out_with_subject_and_qualifier():
    value, subject, qualifier = _recall(sorted(p for p in SHARED_PDFS.glob("*.pdf") if "表" not in p.stem[-6:]))
    assert value >= 0.97 and subject >= 0.88 and qualifier >= 0.78, (value, subject, qualifier)


# (file, subject, value, unit, page, qualifier): read off the documents (eval/gold/stated_facts.jsonl)
SPECIFIC = [
    ("linfen-minzheng-2019-juesuan.md", "行政编制", "18", "人", None, ""),
    ("linfen-minzheng-2019-juesuan.md", "实行绩效目标管理的项目", "16", "个", None, ""),
    ("linfen-minzheng-2019-juesuan.md", "实有车辆", "1", "辆", None, ""),
    ("linfen-minzheng-2019-juesuan.md", "社会保障和就业支出", "33.38", "%", None, "下降率"),
    ("linfen-minzheng-2019-juesuan.md", "财政拨款收入", "523.55", "万元", None, "其中"),
    ("yangquan-minzheng-2024-juesuan.txt", "一般公共服务支出", "1.09", "万元", None, ""),
    ("yangquan-minzheng-2024-juesuan.txt", "出国（境）团组", "0", "人次", None, ""),
    ("yangquan-minzheng-2024-juesuan.txt", "车辆", "25", "辆", None, ""),
    ("yangquan-minzheng-2024-juesuan.txt", "一般公共服务支出", "96.49", "%", None, "下降率"),
    ("yangquan-minzheng-2024-juesuan.txt", "单价100万元以上设备", "0", "台（套）", None, "不含车辆"),
    ("上海市普陀区万里街道办事处_2023年部门预算.pdf", "编报绩效目标的项目", "5", "个", 29, ""),
    ("上海市普陀区万里街道办事处_2023年部门预算.pdf", "下属预算单位", "5", "家", 4, ""),
    ("上海市普陀区万里街道办事处_2023年部门预算.pdf", "车辆", "7", "辆", 29, ""),
    ("上海市普陀区万里街道办事处_2023年部门预算.pdf", "长期投资", "0", "项", 29, ""),
    ("上海市普陀区万里街道办事处_2023年部门预算.pdf", "财政拨款收入", "16497.86", "万元", 6, "其中"),
    ("上海市普陀区万里街道办事处_2024年部门预算.pdf", "编报绩效目标的项目", "50", "个", 32, ""),
    ("上海市普陀区万里街道办事处_2024年部门预算.pdf", "单价100万元以上设备", "0", "台（套）", 32, "不含车辆"),
    ("上海市普陀区万里街道办事处_2024年部门预算.pdf", "部级领导干部用车", "0", "辆", 32, "其中"),
    ("上海市普陀区万里街道办事处_2025年部门预算.pdf", "收入", "18976.76", "万元", 6, ""),
    ("上海市普陀区万里街道办事处_2025年部门预算.pdf", "编报绩效目标的项目", "49", "个", 30, ""),
    ("上海市普陀区人民政府办公室_2025年部门预算.pdf", "收入", "9101.68", "万元", 6, ""),
    ("上海市普陀区人民政府办公室_2025年部门预算.pdf", "编报绩效目标的项目", "11", "个", 21, ""),
    ("上海市普陀区人民政府办公室_2025年部门预算.pdf", "下属事业单位", "1", "家", 4, ""),
    ("上海市普陀区社会福利院_2024年单位预算.pdf", "收入", "1212.12", "万元", 6, ""),
    ("上海市普陀区社会福利院_2024年单位预算.pdf", "内设机构", "5", "个", 4, ""),
    ("上海市普陀区社会福利院_2024年单位预算.pdf", "车辆", "2", "辆", 16, ""),
    ("上海市普陀区社会福利院_2024年单位预算.pdf", "财政拨款收入", "950.12", "万元", 6, "其中"),
    ("中共上海市普陀区委社会工作部_2024年度部门决算.pdf", "一般公共服务支出", "264.87", "万元", 18, ""),
    ("中共上海市普陀区委社会工作部_2024年度部门决算.pdf", "财政拨款收入", "307.82", "万元", 17, "其中"),
    ("中共上海市普陀区委社会工作部_2024年度部门决算.pdf", "绩效评级为“优”的项目", "1", "个", 21, "其中"),
    # a paragraph opened by its project ("…项目绩效自评综述：") gives that project's figures
    ("linfen-minzheng-2019-juesuan.md", "福利院养老楼新建项目自评得分", "91.21", "分", None, ""),
    ("linfen-minzheng-2019-juesuan.md", "福利院养老楼新建项目", "800", "万元", None, "全年预算"),
    ("江苏省委办公厅_江苏省委办公厅2017年部门预算.pdf", "处室", "20", "个", 4, ""),
    ("江苏省委办公厅_江苏省委办公厅2017年部门预算.pdf", "一般公共预算收入", "20702.25", "万元", 6, ""),
    ("江苏省委办公厅_江苏省委办公厅2017年部门预算.pdf", "一般公共预算收入", "10.95", "%", 6, "增长率"),
    ("江苏省委办公厅_江苏省委办公厅2017年部门预算.pdf", "一般公共预算收入", "2043.58", "万元", 6, "比上年增加"),
    ("江苏省委办公厅_江苏省委办公厅2017年部门预算.pdf", "公务接待费", "5.50", "%", 11, "占比"),
    ("江苏省委办公厅_江苏省委办公厅2018年度部门预算公开文件.pdf", "社会保障和就业支出", "35.54", "%", 6, "下降率"),
    ("江苏省委办公厅_江苏省委办公厅2018年度部门预算公开文件.pdf", "社会保障和就业支出", "710.87", "万元", 6, "比上年减少"),
    ("江苏省委办公厅_江苏省委办公厅2019年度部门预算公开文件.pdf", "车辆", "127", "辆", 13, ""),
    ("江苏省委办公厅_江苏省委办公厅2019年度部门预算公开文件.pdf", "一般公务用车", "127", "辆", 13, "其中"),
    ("江苏省委办公厅_江苏省委办公厅2019年度部门预算公开文件.pdf", "单位预留机动经费", "10.62", "%", 8, "占比"),
    ("江苏省政协办公厅_江苏省政协办公厅2017年度部门预算.pdf", "一般公共服务支出", "6543.55", "万元", 7, ""),
    ("江苏省政协办公厅_江苏省政协办公厅2017年度部门预算.pdf", "江苏省政协联谊俱乐部在职人员", "7", "名", 6, ""),
    ("江苏省政协办公厅_江苏省政协办公厅2017年度部门预算.pdf", "常委会议", "4", "次", 3, ""),
    ("江苏省政协办公厅_江苏省政协办公厅2017年度部门预算.pdf", "主席专题协商会议", "2", "次", 3, "其中"),
    ("江苏省政协办公厅_江苏省政协办公厅2018年度部门预算.pdf", "专门委员会", "10", "个", 4, ""),
    ("江苏省政协办公厅_江苏省政协办公厅2018年度部门预算.pdf", "社会保障和就业支出", "45.44", "%", 8, "下降率"),
    ("江苏省政协办公厅_江苏省政协办公厅2019年度部门预算.pdf", "车辆", "46", "辆", 17, ""),
    ("江苏省政协办公厅_江苏省政协办公厅2019年度部门预算.pdf", "一般公共预算收入", "99.4", "%", 11, "占比"),
]


@pytest.mark.parametrize("name, subject, value, unit, page, qualifier", SPECIFIC)
def test_specific_stated_facts(name, subject, value, unit, page, qualifier):
    path = SAMPLES / name if name.startswith(("linfen", "yangquan")) else SHARED_PDFS / name
    if not path.exists():
        pytest.skip("../shared/pdfs is not present")
    doc = parsed(path)
    assert any(key(f.subject) == key(subject) and abs(f.value - float(value)) < 1e-9 and f.unit == unit
               and f.page == page and f.qualifier == qualifier for f in doc.stated), \
        [(f.subject, f.value_text, f.unit, f.page, f.qualifier) for f in doc.stated if abs(f.value - float(value)) < 1e-9]


def test_stated_figures_are_checked_against_the_table_of_the_same_concept():
    yq = parsed(YANGQUAN)
    sangong = [f for f in yq.stated if f.concept == "“三公”经费" and f.measure == "决算" and f.qualifier in ("", "决算")]
    assert sangong and all(f.check == "agrees" for f in sangong)
    # 临汾's 三公 table prints 28,452.82 as 公务用车购置费 where the narrative says 0元; its narrative
    # calls 本年收入合计 and 本年支出合计 收入总计 and 支出总计 (the table's 总计 is 5,279,731.11元),
    # and so too the 财政拨款 收入总计 of its section 四
    disagree = {(f.concept, f.value_text) for f in parsed(LINFEN).stated if f.check == "disagrees"}
    assert disagree == {("公务用车购置费", "0"), ("收入总计", "523.55"), ("支出总计", "502.67"),
                        ("财政拨款收支总计", "523.55")}


@needs_shared
def test_a_narrative_file_is_checked_against_the_tables_file_of_its_disclosure():
    narrative = parsed(SHARED_PDFS / "江苏省政协办公厅_江苏省政协办公厅2019年度部门预算.pdf")
    tables = parsed(SHARED_PDFS / "江苏省政协办公厅_江苏省政协办公厅2019年预算公开表.pdf")
    assert not narrative.tables and not any(f.check for f in narrative.stated)
    check_disclosure([narrative, tables])
    checked = [f for f in narrative.stated if f.check]
    assert len(checked) >= 8 and all(f.check == "agrees" for f in checked)


def test_a_stock_counted_on_a_date_of_the_year_before_is_the_documents_own_figure():
    """A 2025 budget says "截至2024年8月31日，共有车辆8辆": the date of the count, not a 2024 figure
    (while "2023年预算执行数…" in a 2024 budget is another year's)."""
    found, _ = _sentence_facts("截至2024年8月31日，共有车辆8辆，其中：其他用车8辆。", "", ["万里街道"], "预算")
    assert [(f.subject, f.value_text, f.year) for f in found] == [("车辆", "8", None), ("其他用车", "8", None)]
    found, _ = _sentence_facts("2023年公益性岗位补贴执行数389.59万元。", "", ["万里街道"], "预算")
    assert [(f.subject, f.year) for f in found] == [("公益性岗位补贴", 2023)]


@pytest.mark.parametrize("subject, concept", [
    ("所属各预算单位开支财政拨款的公务用车保有量", "公务用车保有量"),  # the template's 三公 sentence
    ("使用财政拨款负担的公务用车保有量", "公务用车保有量"),
    ("车辆", "车辆数"),
])
def test_a_vehicle_stock_is_told_from_all_vehicles(subject, concept):
    from ingest.stated import concept_of
    assert concept_of(subject, "辆") == concept


def test_the_budget_templates_running_cost_sentence_names_the_concept():
    """"…（部门）下属1家机关和1家参公事业单位财政拨款的机关运行经费预算为464.64万元": the scope said
    before the name is no other figure."""
    from ingest.stated import concept_of
    assert concept_of("参公事业单位财政拨款的机关运行经费", "万元") == "机关运行经费"
    assert concept_of("机关运行经费", "万元") == "机关运行经费"
    assert concept_of("机关运行经费以外的支出", "万元") == ""


def test_the_year_a_stock_is_counted_at():
    from ingest.stated import as_of_year

    assert as_of_year("截至2024年8月31日，共有车辆8辆") == 2024
    assert as_of_year("截止到2023年底") == 2023
    assert as_of_year("2024年部门预算安排购置车辆1辆") is None
