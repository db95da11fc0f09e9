"""A part said to be counted in, or taken off in brackets: read before the question is answered."""
from __future__ import annotations

import pytest

from qa.included import part_in_brackets_set_aside, without_blank_explanation_asked, without_measure_counted_in, without_parts_told


@pytest.mark.parametrize("question, plain", [
    # a measure the row's total column adds up: the row's total answers
    ("殡葬这一项连经营支出在内一共支出了多少", "殡葬这一项一共支出了多少"),
    ("殡葬包括项目支出在内一共花了多少", "殡葬一共花了多少"),
    # a row of its own (离休费), or a measure beside a measure asked: the two are added, as asked
    ("退休费连离休费在内一共多少", None),
    ("基本支出连项目支出在内一共多少", None),
    ("殡葬一共支出了多少", None),
])
def test_a_measure_counted_in_is_the_row_s_total(question, plain):
    assert without_measure_counted_in(question) == plain


@pytest.mark.parametrize("question, aside", [
    ("三公经费（不含公务接待费）是多少", "三公经费不算公务接待费的话是多少"),
    # what the figure leaves out anyway (会议费 and 培训费 are no part of 三公经费): a reminder
    ("“三公”经费预算（不含会议费、培训费）是多少万元", None),
    ("三公经费是多少", None),
])
def test_a_part_taken_off_in_brackets_is_an_aside(question, aside):
    assert part_in_brackets_set_aside(question) == aside


def test_the_questions_answered(engine):
    counted_in = engine.ask("阳泉市民政局2024年决算，2081004殡葬这一项连经营支出在内一共支出了多少？")
    assert [(f.value, f.unit) for f in counted_in.figures] == [("1531.12", "万元")], counted_in.answer
    assert counted_in.citations[0].column == "本年支出合计"
    both = engine.ask("阳泉民政局24年基本支出连项目支出在内一共多少")
    assert both.figures[0].value == "7275.07", both.answer
    taken_off = engine.ask("阳泉民政局24年三公经费（不含公务用车购置及运行维护费）多少")
    assert taken_off.figures[0].derived and "−" in taken_off.answer, taken_off.answer


@pytest.mark.parametrize("question, plain", [
    ("三公经费（因公出国、公务用车、公务接待三项合起来）比上年少了多少", "三公经费比上年少了多少"),
    ("三公经费（不含公务接待费）是多少", None),  # (an aside, read by its own rule)
    ("三公经费（会议费、培训费）是多少", None),  # (no parts of 三公经费)
])
def test_a_bracket_naming_the_figure_s_parts_only_tells_what_it_is(question, plain):
    assert without_parts_told(question) == plain


def test_spending_asked_with_a_learner_s_word_order(engine):
    """"用了多少钱全部": 本年支出合计."""
    assert engine.ask("阳泉民政局2024年用了多少钱全部？").figures[0].value == "8406.85"


@pytest.mark.parametrize("question, plain", [
    ("那公务用车购置费呢？表中该格为空，文件对此如何说明？", "那公务用车购置费呢"),
    ("公务用车购置费是多少，这一格是空的，文件怎么解释的", "公务用车购置费是多少"),
    ("公务用车购置费是多少", None),
])
def test_a_blank_cell_s_explanation_asked_after_its_figure(question, plain):
    assert without_blank_explanation_asked(question) == plain


def test_a_blank_cell_asked_with_its_explanation_gets_the_document_s_words(engine):
    answer = engine.ask("阳泉民政局24年因公出国（境）费是多少？表中该格为空，文件对此如何说明？")
    assert answer.figures[0].value == "0" and "本年度无因公出国" in answer.answer, answer.answer


def test_whether_there_is_more_asked_after_a_breakdown_is_the_breakdown(engine):
    """"收入都是从哪来的？除了财政拨款还有别的吗": the breakdown lists every source."""
    from qa.included import without_others_asked_after_breakdown
    assert without_others_asked_after_breakdown("阳泉民政局24年收入都是从哪来的？除了财政拨款还有别的吗？") == "阳泉民政局24年收入都是从哪来的？"
    assert without_others_asked_after_breakdown("阳泉民政局24年收入多少？除了财政拨款还有别的吗？") is None  # (no breakdown)
    answer = engine.ask("阳泉民政局24年收入都是从哪来的？除了财政拨款还有别的吗？")
    assert {"其他收入", "经营收入"} <= {i.label for i in answer.items}, answer.answer


def test_a_part_set_aside_comes_off_the_innermost_whole_said_before_it(pdf_engine):
    """"基本支出的人员经费里，除了工资福利以外": 人员经费 7819.47 − 工资福利支出 3,920.22 = 3899.25万元 (省委办公厅 2017),
    not 基本支出 less it."""
    found = pdf_engine.ask("省委办公厅17年基本支出的人员经费里，除了工资福利以外的那部分是多少？")
    assert found.figures[0].value == "3899.25"
