"""A broad subject (养老, 离退休, 职业年金) and other questions with more than one right figure:
each listed with its cell, none the headline. Expected values read off the samples by eye."""
from __future__ import annotations

import pytest

from qa.engine import QAEngine
from qa.model import ANSWERED, UNCLEAR


@pytest.fixture(scope="module")
def plain_engine(plain_store):
    return QAEngine(plain_store, llm=False)


def listed(answer) -> dict[str, str]:
    return {i.citation.row_code or i.label: i.value for i in answer.items}


def test_a_subject_carried_by_several_kemu_lists_each_without_a_headline(plain_engine):
    a = plain_engine.ask("阳泉民政局24年职业年金交了多少")
    assert a.status == UNCLEAR and not a.figures
    assert listed(a) == {"2080506": "53.92", "30109": "53.21"}  # 功能分类 and 经济分类 rows


def test_a_subject_takes_the_rows_the_topics_vocabulary_files_under_it(plain_engine):
    a = plain_engine.ask("阳泉民政局24年养老花了多少钱")
    rows = listed(a)
    assert not a.figures
    assert {"2081006": "2749.67", "2081002": "112.34", "20805": "243.81"}.items() <= rows.items()
    assert "30302" in rows  # 退休费: a pension row by the topics vocabulary, not by its name


def test_a_row_inside_a_broader_word_is_no_row_named(plain_engine):
    """"离退休费" says the topic 离退休 and its money, not the 退休费 row its last three characters
    spell; "退休费" alone is that row."""
    a = plain_engine.ask("临汾民政局19年离退休费花了多少")
    rows = listed(a)
    assert a.status == UNCLEAR and not a.figures
    assert {"2080501", "30302"} <= rows.keys()
    a = plain_engine.ask("临汾民政局19年退休费花了多少")
    assert a.status == ANSWERED and a.figures[0].value == "139060"


def test_a_row_named_in_full_is_answered_not_listed(plain_engine):
    for question, value in [("阳泉民政局24年养老服务一共花了多少", "2749.67"),
                            ("阳泉民政局24年养老院一共花了多少", "2749.67")]:  # 养老院 is one word, not 养老
        a = plain_engine.ask(question)
        assert a.status == ANSWERED and a.figures[0].value == value


def test_kemu_of_one_figure_answer_it_cited_on_the_finest(plain_engine):
    """彩票公益金: the 款 22960 and its one 项 2296002 print the same 654.72."""
    a = plain_engine.ask("民政局24年彩票公益金花了多少")
    assert a.status == ANSWERED and a.figures[0].value == "654.72"
    assert a.citations[0].row_code == "2296002"


def test_a_column_word_the_cells_were_not_read_for_gives_no_headline(plain_engine):
    a = plain_engine.ask("临汾民政局19年彩票公益金年末结转多少")
    assert not a.figures


def test_a_budget_word_is_no_subject(plain_engine):
    a = plain_engine.ask("临汾民政局三公经费多少", )
    follow = plain_engine.ask("预算是多少", ["临汾民政局三公经费多少"])
    assert a.status == ANSWERED and follow.status == ANSWERED and follow.figures[0].value == "141100"


def test_two_columns_the_narrative_both_names_are_both_listed(plain_engine):
    """临汾's 人员经费合计 row: 339.77万元 of all 财政拨款 spending and 323.35万元 of 基本支出, each
    stated as "人员经费" in the narrative; asking for the 合计 or for 基本支出 chooses."""
    a = plain_engine.ask("临汾民政局19年人员经费多少")
    assert not a.figures and sorted(i.value for i in a.items) == ["3233521.13", "3397721.13"]
    assert plain_engine.ask("临汾民政局19年人员经费合计多少").figures[0].value == "3397721.13"
    assert plain_engine.ask("临汾民政局19年基本支出里人员经费是多少").figures[0].value == "3233521.13"


def test_one_figure_asked_of_several_departments_lists_each(plain_engine):
    """"各多少": each one's figure is the answer, each cited (no asking which one is meant); asked
    without 各, the figures are listed and which one is meant asked."""
    a = plain_engine.ask("这两个民政局三公经费各多少")
    assert a.status == ANSWERED and len(a.figures) == len(a.items) == 2 and "请说明" not in a.answer
    assert {i.citation.department for i in a.items} == {"阳泉市民政局", "临汾市民政局"}
    listed = plain_engine.ask("这两个民政局三公经费多少")
    assert not listed.figures and len(listed.items) == 2


def test_the_fund_part_of_a_kemu_asked_after_it(plain_engine):
    a = plain_engine.ask("其中财政拨款的是多少", ["民政局24年养老服务花了多少钱"])
    assert a.status == ANSWERED and a.figures[0].value == "1470.12"


def test_overspending_is_read_from_the_sentence_stating_budget_and_outturn(plain_engine):
    a = plain_engine.ask("民政局24年一般公共预算花的钱超过年初预算了吗")
    assert a.verdict == "yes" and a.figures[0].value == "149.52"


def test_a_question_the_documents_do_not_speak_to_is_out_of_scope(plain_engine):
    assert plain_engine.ask("阳泉明天天气怎么样").status != ANSWERED


def test_two_kemu_named_by_their_short_names_are_summed_not_taken_for_namesakes(plain_engine):
    a = plain_engine.ask("临汾民政局19年卫生健康和住房保障加起来花了多少")
    assert a.plan["operation"] == "sum" and a.figures[0].value == "840978.36"


def test_a_whole_named_as_where_the_parts_lie_is_not_one_of_them(plain_engine):
    a = plain_engine.ask("阳泉民政局24年基本支出里人员经费和公用经费各多少")
    assert [i.label for i in a.items] == ["人员经费", "公用经费"] and a.items[0].value == "963.57"


def test_rows_carrying_a_quoted_word_within_a_whole_are_its_own_rows(plain_engine):
    """"基本支出里带“其他”两个字的科目": the 经济分类 rows of the 基本支出 table whose names carry
    其他, not every 其他 row of the document."""
    a = plain_engine.ask("阳泉民政局24年基本支出里带“其他”两个字的科目各花了多少")
    assert a.status == UNCLEAR and not a.figures and listed(a), a.answer
    assert all(code.startswith("3") for code in listed(a)), listed(a)


def test_rows_asked_by_a_word_their_names_carry_are_each_listed(plain_engine):
    """"支出决算表里带养老的那几行": every 科目 of that table whose name carries 养老, each with its
    figure (2080505 under 20805 too), none the headline — not the table broken down by 类."""
    a = plain_engine.ask("阳泉民政局支出决算表里带养老的那几行各是多少")
    assert a.status == UNCLEAR and not a.figures
    assert listed(a) == {"20805": "243.81", "2080505": "73.10", "2081006": "2749.67"}


def test_a_word_for_two_concepts_alike_lists_both_until_told_apart(plain_engine):
    """"结转结余" is carried into the year (年初) or out of it (年末): said alone both are listed;
    a word saying which ("年底", "还剩", "上年") or the fund ("财政拨款") decides what is read."""
    a = plain_engine.ask("阳泉市民政局2024年的结转结余有多少钱？")
    assert a.status == UNCLEAR and not a.figures
    assert [(i.label.split("（")[0], i.value) for i in a.items] == [("年初结转和结余", "190.81"), ("年末结转和结余", "127.25")]
    a = plain_engine.ask("阳泉民政局24年财政拨款结转结余多少")
    assert [(i.label.split("（")[0], i.value) for i in a.items] == [("年初财政拨款结转和结余", "58.32"),
                                                                 ("年末财政拨款结转和结余", "0")]
    for told in ("阳泉民政局24年到12月底账上还结转结余多少钱", "阳泉民政局24年年末结转结余多少"):
        a = plain_engine.ask(told)
        assert a.status == ANSWERED and a.figures[0].value == "127.25", told
    a = plain_engine.ask("阳泉民政局24年上年结转结余多少")
    assert a.status == ANSWERED and a.figures[0].value == "190.81"


def test_the_de_before_spending_goes_with_the_subject(plain_engine):
    """"社会福利方面的支出": 社会福利 (a 科目 the question names), not the one row carrying "社会福利的"
    (用于社会福利的彩票公益金支出)."""
    answer = plain_engine.ask("阳泉市民政局2024年在社会福利方面的支出是多少？")
    # (all funds first, then the general budget's part: both scopes listed, none heading)
    values = [f.value for f in answer.figures] or [i.value for i in answer.items]
    assert "彩票" not in answer.answer and values[0] == "6511.85", answer.answer


def test_the_whole_of_a_thing_is_not_one_kind_of_it_a_kemu_names(plain_engine):
    """"资产总额" asks all assets; 无形资产购置 (intangible assets bought, 0 in 临汾 2019) names one kind
    of them: listed, never the headline (it was "0元")."""
    a = plain_engine.ask("临汾市民政局2019年底的资产总额是多少？")
    assert not a.figures and a.status == UNCLEAR


def test_money_said_to_come_from_the_budget_before_a_topic_asks_the_topic(engine):
    """"财政给离退休拨了多少钱": 财政 says whose money; the 离退休 科目 are listed, not the income total."""
    found = engine.ask("临汾民政局19年财政给离退休拨了多少钱？")
    assert found.status == UNCLEAR and not found.figures
    assert {"687238.9", "360800"} <= {i.value for i in found.items}


def test_a_subject_said_with_a_spending_word_its_row_leaves_off_is_a_topic(engine):
    """"离退休支出": 行政事业单位离退休 and its parts (the narrative's 名词解释 names 离退休支出 too, which
    is no subject of its own); the candidates, never the 社会保障和就业 sentence quoting it."""
    answer = engine.ask("临汾民政局19年离退休支出决算数是多少？")
    assert not answer.figures and {"687238.9", "360800"} <= {i.value for i in answer.items}
