"""Figures set against each other within one document (qa/routes/compare.py)."""
from qa.model import ANSWERED


def test_two_rows_within_a_whole_said_first_are_read_in_that_wholes_column(engine):
    """"基本支出里，303…比302…多多少": the 其中：基本支出 column of both rows, not their 金额
    (where 302 is the larger and the gap's sign flips)."""
    answer = engine.ask("临汾民政局2019年基本支出里，303对个人和家庭的补助比302商品和服务支出多多少")
    assert answer.status == ANSWERED and (answer.figures[0].value, answer.figures[0].unit) == ("220109", "元")
    assert all("基本支出" in c.column for c in answer.citations[:2])


def test_figures_read_in_columns_of_their_own_stay_there(engine):
    """"全部支出里，项目支出比基本支出多多少": the two are columns of the total row; the whole said
    first moves neither into the 合计 column."""
    answer = engine.ask("阳泉民政局2024年全部支出里，项目支出是不是比基本支出多？多出多少")
    assert any(f.value == "5079.35" for f in answer.figures)
