"""From a question (and the turns before it) to one QueryPlan: the operation its cue words ask
for, what it names, and what a follow-up keeps from the turn before."""
from __future__ import annotations

import pytest

from qa.context import Library, Shelf
from qa.understand import understand, understand_conversation


@pytest.fixture(scope="module")
def lib(plain_store):
    return Library(Shelf(plain_store, None), llm=False)


@pytest.mark.parametrize("question, operation", [
    ("阳泉民政局24年三公经费多少", "value"),
    ("阳泉民政局24年有几辆车", "count"),
    ("阳泉民政局24年支出最多的是哪一项", "rank"),
    ("阳泉民政局24年钱主要花在哪些方面", "breakdown"),
    ("普陀社工部24年支出大头在哪", "breakdown"),
    ("阳泉民政局24年有没有公车", "yesno"),
    ("临汾民政局19年彩票公益金花出去没有", "yesno"),
    ("阳泉民政局是干啥的", "describe"),
    ("区府办平时主要负责什么工作", "describe"),
    ("阳泉民政局24年人员经费加公用经费是多少", "sum"),
    ("阳泉民政局比临汾民政局多几辆车", "diff"),
    ("阳泉和临汾民政局的三公经费分别是多少", "value"),  # each department's figure, not a breakdown
    ("阳泉民政局24年三公经费、会议费、培训费各多少", "breakdown"),  # several items of one department
    ("省政协19年政协事务支出最多的两项是什么", "rank"),  # the items ranked, not a description
    ("阳泉民政局24年养老服务为什么最多", "describe"),  # a reason
    ("阳泉民政局24年用没用福彩公益金", "yesno"),
    ("阳泉民政局24年财政拨款年底还有结余没", "yesno"),
    ("阳泉民政局24年的政府采购比临汾民政局19年多吗", "yesno"),
    ("普陀区政府办公室还挂了哪几块牌子", "describe"),  # 哪几 asks which, not how many
    ("临汾民政局有几个科室", "count"),
])
def test_the_operation_asked(lib, question, operation):
    assert understand(question, lib).operation == operation


def test_how_many_of_the_top_are_asked(lib):
    assert understand("省政协19年政协事务支出最多的两项是什么", lib).top_n == 2
    assert understand("阳泉民政局24年支出前三名", lib).top_n == 3


def test_budget_and_actual_are_two_measures_of_one_figure_not_two_figures(lib):
    q = understand("社工部24年全年预算和实际支出差了多少", lib)
    assert [c.name for c in q.concepts] == ["本年支出合计"]


def test_a_follow_up_keeps_what_it_does_not_restate(lib):
    q = understand_conversation("那临汾的呢", ["阳泉民政局24年钱主要花在哪些方面"], lib)
    assert q.operation == "breakdown" and q.departments == ["临汾市民政局"]
    q = understand_conversation("其中特种专业技术用车几辆", ["阳泉民政局有几辆车"], lib)
    assert q.departments == ["阳泉市民政局"] and "特种专业技术用车" in q.rows


def test_the_fund_part_of_a_kemu_reads_its_column_not_the_funds_total(lib):
    q = understand_conversation("其中财政拨款的是多少", ["民政局24年养老服务花了多少钱"], lib)
    assert q.rows == ["养老服务"] and not q.concepts
    # a concept asked after a whole is that concept ("其中财政给了多少" after the budget total)
    q = understand_conversation("其中财政给了多少", ["阳泉民政局24年收入总计多少"], lib)
    assert [c.name for c in q.concepts] == ["财政拨款收入"]


def test_the_plan_shows_the_year_read_when_an_inherited_year_has_no_document(lib):
    from qa.documents import documents

    q = understand_conversation("那临汾的呢", ["阳泉民政局24年三公经费多少"], lib)
    documents(lib, q)
    assert q.to_json()["years"] == [2019]


def test_a_budget_word_beside_a_named_concept_is_its_measure_not_the_whole_budget(lib):
    q = understand("阳泉民政局24年三公经费的预算和决算差多少", lib)
    assert [c.name for c in q.concepts] == ["“三公”经费"]
    assert [c.name for c in understand("万里街道25年的预算比24年多了多少钱", lib).concepts] == ["收入总计"]


def test_a_follow_up_naming_a_body_the_store_lacks_does_not_keep_the_earlier_one(lib):
    q = understand_conversation("那太原民政局的呢", ["阳泉民政局24年三公经费多少"], lib)
    assert q.unknown_orgs and not q.departments  # (one naming the earlier body shorter keeps it: real-PDF test)
