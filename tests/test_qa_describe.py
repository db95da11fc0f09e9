"""Answers the narrative gives: what a department does, a count the best sentence states, the
reason for a change in the direction asked. Expected text read off the samples by eye."""
from __future__ import annotations

import pytest

from qa.engine import QAEngine
from qa.model import ANSWERED


@pytest.fixture(scope="module")
def plain_engine(plain_store):
    return QAEngine(plain_store, llm=False)


def test_what_a_department_does_quotes_its_duties_section(plain_engine):
    for question, words in [("阳泉民政局是干啥的", "民政事业"), ("临汾民政局主要管哪些事", "民政工作")]:
        a = plain_engine.ask(question)
        assert a.status == ANSWERED and not a.figures and words in a.answer
        assert all("职责" in c.section for c in a.citations)


def test_a_count_is_the_best_sentences_one_number_in_that_measure_word(plain_engine):
    a = plain_engine.ask("临汾民政局19年搞了几个绩效项目")
    assert a.status == ANSWERED and (a.figures[0].value, a.figures[0].unit) == ("16", "个")
    # a qualifier the sentence does not carry ("评成优的") is not answered by its count of all projects
    # (39), but by the count whose own words carry it
    rated = plain_engine.ask("民政局24年绩效自评评成优的有几个项目")
    assert [(f.value, f.unit) for f in rated.figures] == [("33", "个")]


def test_the_reason_for_a_change_is_the_one_given_for_that_direction(plain_engine):
    a = plain_engine.ask("临汾民政局19年花的钱为啥比18年少那么多")
    assert a.status == ANSWERED and "机构改革" in a.answer


def test_a_figure_asked_with_its_terms_meaning_gets_both(plain_engine):
    """"X是什么意思？这一项花了多少": the figure (公开10表, 29.03 + 10.86) and, after it, the
    document's own 名词解释 of X, quoted and cited."""
    a = plain_engine.ask("“机关运行经费”到底指什么钱？阳泉民政局2024年这一项花了多少？")
    assert a.status == ANSWERED and (a.figures[0].value, a.figures[0].unit) == ("39.89", "万元")
    assert "财政拨款基本支出中的公用经费支出" in a.answer
    assert "名词解释" in a.citations[-1].section and a.question.startswith("“机关运行经费”到底指什么钱")
    # the meaning alone is no figure
    meaning = plain_engine.ask("阳泉民政局2024年机关运行经费是什么意思")
    assert not meaning.figures and "公用经费支出" in meaning.answer


def test_how_come_it_fell_against_last_year_asks_the_reason(plain_engine):
    """"怎么比上一年少了": why, not how much (the amount is in the reason's sentence anyway)."""
    a = plain_engine.ask("临汾民政局19年机关运行经费怎么比上一年少了")
    assert a.route == "retrieval" and "机构改革" in a.answer


def test_a_count_quoted_must_be_of_what_is_counted(engine):
    """"多少个80岁以上老人": the 绩效 text's "2个区域养老服务综合体" counts another thing: no figure."""
    answer = engine.ask("阳泉民政局24年给多少个80岁以上老人发了高龄津贴？")
    assert not answer.figures


@pytest.mark.parametrize("sentence, question, count", [
    ("本部门中，行政单位1家，参公单位1家，事业单位4家，具体包括：", "几家事业单位", "4"),
    ("本部门下属事业单位共有4家。", "有几家事业单位", "4"),
    ("下属4家事业单位和1家参公单位。", "几家事业单位", "4"),
    ("下属1家机关和1家参公事业单位的机关运行经费预算为786.09万元。", "几家事业单位", None),  # narrower
    ("事业单位4家，其中事业单位2家为公益一类。", "几家事业单位", None),  # two counts touch it
])
def test_the_count_printed_beside_what_is_counted(sentence, question, count):
    from qa.routes.describe import _count_beside_noun

    found = _count_beside_noun(sentence, question, ("家",))
    assert (found.printed if found else None) == count


def test_the_amount_the_asker_gives_is_not_the_answer(engine):
    """"年初预算了100万，最后花了没有？为啥": the sentence's 年初预算100万元 is what the asker said; no
    headline (the 支出决算0元 and the reason are quoted)."""
    a = engine.ask("临汾民政局19年灾害防治那块年初预算了100万，最后花了没有？为啥")
    assert not any(f.value == "100" for f in a.figures) and "支出决算0元" in a.answer and "机构改革" in a.answer


def test_the_units_a_list_names_numbered_or_separated():
    from qa.routes.describe import _units_in

    numbered = "序号单位名称备注1中共上海市普陀区委社会工作部（本级）2上海市普陀区社会工作发展服务中心中共上海市普陀区委社会工作部2024年度部门决算表"
    assert _units_in(numbered, "中共上海市普陀区委社会工作部") == ["中共上海市普陀区委社会工作部（本级）", "上海市普陀区社会工作发展服务中心"]
    listed = "江苏省委办公厅（本级）、省委机要局（省国家密码管理局）、机关后勤服务中心、机关文印中心。不含东郊国宾馆。"
    assert len(_units_in(listed, "中共江苏省委办公厅")) == 4



def test_a_term_asked_before_its_figure_is_defined_beside_it(plain_engine):
    """"什么是机关运行经费？…是多少": the figure, then the 名词解释; a yes or no asked after the
    meaning ("…指什么？这项支出是不是比2018年多了") is answered with the definition too."""
    answer = plain_engine.ask("什么是机关运行经费？阳泉民政局24年机关运行经费是多少？")
    assert answer.figures[0].value == "39.89" and "名词解释" in answer.answer and "公用经费支出" in answer.answer
    answer = plain_engine.ask("“住房保障支出”指什么？临汾民政局2019年这项支出是不是比2018年多了？")
    assert answer.verdict == "no" and "集中反映政府用于住房方面的支出" in answer.answer


def test_a_term_asked_before_its_parts_and_a_count_asked_with_where_it_is(plain_engine):
    parts = plain_engine.ask("“社会保障和就业支出”指的是啥？临汾民政局2019年这块钱主要花在哪几方面？")
    assert parts.figures[0].value == "3314713.85" and "反映政府在社会保障和就业方面的支出" in parts.answer
    where = plain_engine.ask("临汾市民政局机关设了几个内设科室？这个在文件哪一部分写着？")
    assert where.figures[0].value == "7" and "「第一部分概况」中的「二、机构设置情况」" in where.answer


def test_a_change_asked_without_an_amount_word_heads_the_change_not_the_level(engine):
    # "请予说明其较上年增减情况": the sentence's 支出决算12.02万元 is the level; 比上年度减少1.17万元 is asked
    a = engine.ask("请予说明其较上年增减情况。", ["烦请告知阳泉市民政局2024年度“三公”经费决算数。"])
    assert a.figures and a.figures[0].value == "1.17" and a.figures[0].unit == "万元"


def test_a_reason_asked_of_income_never_heads_a_spending_figure(engine):
    # the best-ranked sentence states 一般公共预算财政拨款支出's fall (4,260.95万元): not 总收入's
    a = engine.ask("阳泉民政局2024年总收入为什么比上年减少这么多？")
    assert not a.figures or a.figures[0].value.replace(",", "") != "4260.95"
