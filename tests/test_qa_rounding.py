"""A figure asked rounded or said roughly (qa/rounding.py): the printed figure stays the answer;
the rounded form is said beside it, in the unit and to the place asked."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, said", [
    ("阳泉民政局24年养老服务一共花了多少？取个整数万元就行", "约2750万元"),  # 2749.67万元
    ("临汾民政局19年一般公共预算拨款收入换算成万元是多少？保留两位小数", "约515.05万元"),  # 5150531.11元
    ("阳泉民政局24年本年支出合计大概多少亿？保留两位小数", "约0.84亿元"),  # 8406.85万元
    ("阳泉民政局24年本年支出合计四舍五入到百万元是多少", "约8400万元"),  # a coarser step of 万
    ("阳泉民政局24年经营收入有多少？精确到小数点后一位", "约1225.9万元"),  # 1225.88万元
    ("阳泉民政局24年三公经费精确到元是多少", "约120200元"),  # 12.02万元 in 元
])
def test_the_rounded_form_is_said_beside_the_printed_figure(engine, question, said):
    answer = engine.ask(question)
    assert said in answer.answer and not answer.figures[0].derived, answer.answer


def test_the_unit_asked_is_read_beside_the_ask_not_in_a_place_name():
    from qa.rounding import unit_asked

    assert unit_asked("万里街道24年哪一大类支出最多？大概多少亿，保留两位小数") == ("亿元", 1)
    assert unit_asked("万里街道24年住房公积金花了多少？取个整数就行") == ("", 1)  # 万里's 万 is a name
    assert unit_asked("万州区民政局24年住房公积金花了多少？取个整数就行") == ("", 1)  # so is any place's
    assert unit_asked("大概多少万？四舍五入到百万元") == ("万元", 100)
    assert unit_asked("取个整数万元就行") == ("万元", 1)


def test_each_part_is_rounded_when_each_is_asked(engine):
    answer = engine.ask("阳泉民政局24年基本支出里人员经费和公用经费大概各多少万？取整数")
    assert "人员经费约964万元" in answer.answer and "公用经费约134万元" in answer.answer, answer.answer


def test_nothing_is_added_where_no_rounding_is_asked_or_it_is_already_so(engine):
    assert "四舍五入" not in engine.ask("阳泉民政局24年养老服务一共花了多少").answer
    assert "四舍五入" not in engine.ask("阳泉民政局24年经营收入有多少？精确到小数点后两位").answer  # printed so
    # (an average worked to the two decimals asked is not said again)
    worked = engine.ask("阳泉市民政局2024年公车的运行维护费分到财政拨款负担的每辆车上平均是多少？保留两位小数")
    assert worked.figures[0].value == "1.20" and "按要求四舍五入" not in worked.answer, worked.answer


@pytest.mark.parametrize("question, rough", [
    ("阳泉民政局24年养老服务一共大概多少亿？", "约0.27亿元"),  # 2749.67万元: two figures kept, not 约0亿元
    ("临汾民政局19年本年支出合计大概多少万", "约503万元"),  # 5026731.11元: whole 万 from ten up
    ("阳泉民政局24年本年支出合计大概多少万？", "约8407万元"),  # 8406.85万元
    ("阳泉民政局24年本年支出合计四舍五入是多少亿？", "约1亿元"),  # rounded with no place said: whole
])
def test_a_figure_said_roughly_keeps_two_figures(engine, question, rough):
    answer = engine.ask(question).answer
    assert rough in answer, answer


def test_a_change_asked_by_its_accountants_name_is_signed(pdf_engine):
    """"同比增减额": 万里街道 2025 三公经费 比2024年预算减少10万元 → −10."""
    assert pdf_engine.ask("万里街道25年三公经费预算同比增减额是多少？").figures[0].value.startswith("-10")
