"""Narrative sentences: what is kept together, and how a question's rough amount steers ranking."""
from __future__ import annotations

import hashlib

import pytest

from core.model import TextLine
from ingest.assemble import assemble
from qa.narrative import absence_statement, rank_sentences, rough_amounts, sentences


@pytest.mark.parametrize("question, low, high", [
    ("为啥比上年多了两千多万", 20_000_000, 30_000_000),
    ("增加了3000多万", 30_000_000, 40_000_000),
    ("少了十多万", 100_000, 200_000),
    ("下降了一百来万", 1_000_000, 2_000_000),
    ("多了三百五十万", 3_325_000, 3_675_000),  # a plain amount: within 5%
    ("少了一亿四千多万", 140_000_000, 150_000_000),
    ("少了1.4亿多", 140_000_000, 150_000_000),
    ("少了一万四千多万", 140_000_000, 150_000_000),  # ten thousands of 万
])
def test_rough_amounts(question, low, high):
    assert rough_amounts(question) == [(pytest.approx(low), pytest.approx(high))]


def test_no_rough_amount_in_a_plain_question():
    assert rough_amounts("三公经费为什么下降") == []


def test_a_change_without_its_own_subject_stays_with_the_sentence_before(yangquan):
    merged = [s.text for s in sentences(yangquan) if s.text.startswith("卫生健康支出年初预算")]
    assert merged and "主要原因是社保基数增加" in merged[0]
    assert not any(s.text.startswith("较上年决算") for s in sentences(yangquan))


def test_the_rough_amount_picks_the_sentence_with_that_change(yangquan):
    """Both sentences explain a fall in 支出; the one whose decrease is "八千多万" wins, and a
    total that happens to be 8千多万 (支出总计8,641.02万元) does not count as the change."""
    def best(question):
        return rank_sentences(question, sentences(yangquan), want_reason=True)[0][1].text

    assert "减少8,005.82万元" in best("支出为啥比上年少了八千多万")
    assert "减少14,279.38万元" in best("支出为啥比上年少了一亿四千多万")


def test_level_marks_do_not_hide_a_subject():
    from qa.narrative import Sentence

    sentence = Sentence("3．住房保障（类）支出3894.09万元，与上年相比增加878.93万元，增长30%。", 0, "", None, None)
    assert rank_sentences("住房保障支出比上年增长百分之几", [sentence], want_reason=False)[0][0] >= 0.5


def test_the_amount_quoted_is_the_one_whose_own_label_is_asked():
    from qa.narrative import best_amount

    sentence = ("本部门共有车辆1辆。其中，主要领导干部用车0辆、特种专业技术用车1辆、离退休干部用车0辆、其他用车0辆")
    assert best_amount("离退休干部用车有几辆", sentence)[:2] == ("0", 0.0)
    assert best_amount("特种专业技术用车几辆", sentence)[:2] == ("1", 1.0)


def test_a_figure_stated_right_after_its_name_for_the_documents_own_year(yangquan):
    from qa.narrative import stated_figure

    # "2024年机关运行经费支出39.89万元，比2023年增加4.38万元": the amount after the name, not the change
    stated = stated_figure(yangquan, ["机关运行经费"], "机关运行经费")
    assert (stated.printed, stated.unit) == ("39.89", "万元") and stated.sentence.text.startswith("2024年")
    # a narrower name between (政府采购货物预算) or another year before it is not that figure
    assert stated_figure(yangquan, ["不存在的名称"], "x") is None


def _document(*sections):
    from core.model import Document, Section

    return Document(doc_id="", source="t.pdf", sha256="", department="某部门", year=2024, kind="决算", scope="部门",
                    title="", pages=None, sections=[Section(path, text, 1) for path, text in sections])


def test_a_reason_with_a_short_subject_stays_with_the_figure_it_explains():
    doc = _document((["事业运行"], "事业运行全年预算为52.00万元，支出决算为51.32万元。"
                                   "决算数小于全年预算数的主要原因：人员变动引起实际支出低于预算。"))
    [only] = sentences(doc)
    assert only.text.startswith("事业运行") and "人员变动" in only.text


def test_the_heading_names_the_subject_of_its_sentences():
    """Under "一、“三公”经费预算情况说明" a sentence on 公务用车 with its reason answers why
    三公经费 rose; the same sentence elsewhere is not about 三公."""
    text = "（二）公务用车购置及运行费46.56万元，比上年增加25万元，主要原因是购置公务用车。"
    under = _document((["一、“三公”经费预算情况说明"], text))
    elsewhere = _document((["五、其他说明"], text))
    question = "三公经费为什么涨了"
    assert rank_sentences(question, sentences(under), want_reason=True)[0][0] > \
        (rank_sentences(question, sentences(elsewhere), want_reason=True) or [(0, None)])[0][0]


def test_an_amount_whose_label_the_question_does_not_use_is_not_its_answer():
    """The quote is shown, but "人员经费963.57万元" does not answer a 局长's pay (qa then says the
    file does not state it); "共有车辆7辆" does answer 车辆."""
    from qa.narrative import best_amount

    assert best_amount("局长一个月工资多少", "人员经费963.57万元，主要包括在职人员津贴补贴").named == 0
    assert best_amount("有车辆数", "本部门共有车辆7辆，其中：其他用车7辆").named > 0
    # the label sharing the longest stretch wins over one sharing several short words
    sentence = "政府采购授予中小企业合同金额93.14万元。其中：授予小微企业合同金额76.87万元"
    assert best_amount("授予小微企业的政府采购合同多少钱", sentence).printed == "76.87"


def test_sentences_of_only_the_recent_documents_stay_cached(yangquan, linfen, monkeypatch):
    from collections import OrderedDict

    import qa.narrative as narrative

    monkeypatch.setattr(narrative, "SENTENCE_CACHE_SIZE", 1)
    monkeypatch.setattr(narrative, "_CACHE", OrderedDict())  # as if nothing was read before
    first = narrative.sentences(yangquan)
    assert narrative.sentences(yangquan) is first  # read once
    narrative.sentences(linfen)
    assert list(narrative._CACHE) == [linfen.doc_id]  # the older one dropped
    again = narrative.sentences(yangquan)
    assert again is not first and [s.text for s in again] == [s.text for s in first]


def test_the_way_a_sentence_says_something_changed():
    from qa.narrative import change_way

    assert change_way("比2024年预算减少10万元，主要原因是2025年新增1辆公务用车购置") == "down"
    assert change_way("因公出国（境）费0万元，比2024年预算持平。主要原因是保持不变") == "level"
    assert change_way("支出1289.52万元，主要用于离退休人员支出。与上年相比减少710.87万元，主要原因：") == "down"
    assert change_way("比上年增长8.57%") == "up" and change_way("支出1.09万元") == ""


def _narrative(*lines: str):
    blocks = [TextLine("某市某局2024年度部门决算", 1, 1), TextLine("八、政府性基金预算财政拨款收入支出决算情况说明", 2, 2)]
    blocks += [TextLine(text, 2, 3 + n) for n, text in enumerate(lines)]
    digest = hashlib.sha256("".join(lines).encode()).hexdigest()  # sentences are cached by document id
    return assemble(blocks, source="t.pdf", sha256=digest, pages=2)


@pytest.mark.parametrize("line, name, absent", [
    ("本局本年度没有政府性基金预算财政拨款收入和支出。", "政府性基金预算财政拨款支出", True),
    ("本单位不涉及国有资本经营预算。", "国有资本经营预算", True),
    ("本部门无政府性基金预算财政拨款安排的预算，故本表为空表。", "政府性基金预算财政拨款支出", True),
    ("本局本年度没有政府性基金预算财政拨款支出。", "政府性基金预算财政拨款收入", False),  # the other flow
    ("政府性基金预算财政拨款支出12.50万元，无偿用于公益项目。", "政府性基金预算财政拨款支出", False),  # an amount
    ("为没有家庭养老床位的老年人提供服务。", "政府性基金预算财政拨款支出", False),
])
def test_a_sentence_saying_an_item_is_absent(line, name, absent):
    assert (absence_statement(_narrative(line), [name]) is not None) is absent


def test_this_item_absent_under_the_heading_that_names_it():
    doc = _narrative("本年度无此项支出。")  # under 八、政府性基金预算财政拨款收入支出决算情况说明
    assert absence_statement(doc, ["政府性基金预算财政拨款支出"]) is not None
    assert absence_statement(doc, ["国有资本经营预算财政拨款支出"]) is None  # another heading's item


def test_a_contents_list_run_into_the_text_is_no_sentence():
    """A cover whose contents list was extracted as running text ("目录一、部门主要职能……二、…")."""
    doc = assemble([TextLine("某某局2025年部门预算", 1, 1),
                    TextLine("目录一、部门主要职能………………1二、部门机构设置………………2三、名词解释………3", 1, 2),
                    TextLine("一、部门主要职能", 2, 3), TextLine("本局负责全市的民政工作。", 2, 4)],
                   source="x.pdf", sha256=hashlib.sha256(b"contents").hexdigest(), pages=2)
    assert not any("……" in s.text for s in sentences(doc))
    assert any("民政工作" in s.text for s in sentences(doc))


def test_a_budget_of_zero_is_no_zero_of_the_item_itself():
    """"…支出年初预算为0万元，全年预算为321.02万元": the 年初预算 is 0, the item is not."""
    from qa.narrative import zero_statement

    said = _narrative("一般公共预算财政拨款支出年初预算为0万元，全年预算为321.02万元，支出决算为307.82万元。")
    assert zero_statement(said, ["一般公共预算财政拨款支出"]) is None
    said = _narrative("本年度政府性基金预算财政拨款支出为0万元。")
    assert zero_statement(said, ["政府性基金预算财政拨款支出"]) is not None
    # one kind of the item at 0 is not the item at 0 ("工程类政府采购支出预算0万元")
    said = _narrative("2017年度政府采购支出预算1271.22万元，其中：货物类政府采购支出预算41.22万元，工程类政府采购支出预算0万元。")
    assert zero_statement(said, ["政府采购支出", "政府采购"]) is None


def test_an_amount_labelled_only_by_its_year_takes_the_item_named_before_it():
    """"17.“…公益性岗位补贴（项）”421.23万元…。2023年当年预算执行数为389.59万元": the outturn's
    label names no item, so the item the sentence begins with is what it is of."""
    from qa.narrative import best_amount

    sentence = ("17.“社会保障和就业支出（类）就业补助（款）公益性岗位补贴（项）”421.23万元，主要用于公益性岗位补贴。"
                "2023年当年预算执行数为389.59万元，2024年预算安排421.23万元，比2023年预算执行数增加8.12%。")
    head = best_amount("公益性岗位补贴当年预算执行数是多少", sentence)
    assert (head.printed, head.said) == ("389.59", True)


def test_a_budget_glossary_defines_the_term_with_its_kind_appended():
    """A 预算 glossary prints "基本支出预算：是…" for what a reader calls 基本支出; a term whose own
    name ends in 预算 (一般公共预算) still answers to itself."""
    from qa.narrative import definition

    doc = assemble([TextLine("某区某局2025年部门预算", 1, 1), TextLine("名词解释", 2, 2),
                    TextLine("（五）基本支出预算：是为保障其机构正常运转、完成日常工作任务而编制的年度基本支出计划。", 2, 3),
                    TextLine("（六）一般公共预算：是对以税收为主体的财政收入安排用于保障和改善民生的收支预算。", 2, 4)],
                   source="g.pdf", sha256=hashlib.sha256(b"glossary").hexdigest(), pages=2)
    assert "正常运转" in definition(doc, "基本支出").text
    assert "以税收为主体" in definition(doc, "一般公共预算").text
    assert definition(doc, "项目支出") is None


def test_a_quoted_term_is_the_word_people_type():
    """"“三公”经费" in a sentence or heading is also the 三公经费 a question types; a short quoted
    word ("等级为“良”") is still a word of its own."""
    from qa.narrative import Sentence, heading_tokens

    about = Sentence("2024年“三公”经费预算数为47.91万元，比2023年预算增加25万元。", 0, "", None, None)
    assert "三公经费" in about.tokens
    assert "三公经费" in heading_tokens("其他相关情况说明 > 一、2024年“三公”经费预算情况说明")
    rated = Sentence("33个项目自评等级为“优”，6个项目自评等级为“良”。", 0, "", None, None)
    assert "良" in rated.tokens


ITEMS = ("3、一般公共服务支出（类）社会工作事务（款）其他社会工作事务支出（项）。主要用于：新建部门开办费。"
         "全年预算为202.24万元，支出决算为202.24万元。"
         "4、社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费支出（项）。"
         "主要用于：机关事业单位基本养老保险支出。"
         "全年预算为9.00万元，支出决算为6.18万元。决算数小于全年预算数的主要原因：单位新成立，人员变动。")


def test_sentences_under_a_numbered_item_know_its_heading():
    """"全年预算为9.00万元…主要原因：…" does not say which item it is about; its item's bare heading does."""
    said = {s.text[:8]: s.item for s in sentences(_document((["（三）具体情况"], ITEMS)))}
    assert said["全年预算为9.0"].startswith("4、社会保障和就业支出")
    assert said["全年预算为202"].startswith("3、一般公共服务支出")
    assert said["4、社会保障和就"] == ""  # the heading itself goes under none


def test_a_why_question_ranks_the_item_s_cause_above_other_items():
    """"养老保险为啥决算比预算少": the 4th item's "主要原因：…", found through the item's heading,
    above the 3rd item's sentences (which state a 预算 and a 决算 too)."""
    ranked = [s for _, s in rank_sentences("养老保险决算为啥比预算少",
                                           sentences(_document((["（三）具体情况"], ITEMS))), want_reason=True)]
    cause = next(i for i, s in enumerate(ranked) if "人员变动" in s.text)
    assert all(s.item.startswith("4、") or s.text.startswith("4、") for s in ranked[:cause + 1])


def test_a_use_is_no_cause():
    """Asked why, "主要用于…" earns no reason's bonus; asked what for, it does."""
    use = _document((["说明"], "机关运行经费主要用于办公费和印刷费。"))
    why = rank_sentences("机关运行经费为什么增加", sentences(use), want_reason=True)[0][0]
    what_for = rank_sentences("机关运行经费用在哪里", sentences(use), want_reason=True)[0][0]
    plain = rank_sentences("机关运行经费为什么增加", sentences(use), want_reason=False)[0][0]
    assert why == pytest.approx(plain) and what_for > rank_sentences("机关运行经费用在哪里", sentences(use),
                                                                    want_reason=False)[0][0]
