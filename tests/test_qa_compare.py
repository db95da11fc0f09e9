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


def test_a_kemus_share_of_the_years_spending_is_read_in_the_spending_table(engine):
    """"占本年支出的比例": the 科目's row of the 支出决算表 (all funds), not its row of the
    一般公共预算 table that the column word 本年支出 would point at."""
    answer = engine.ask("阳泉民政局2024年社会保障和就业支出占本年支出的比例是多少")
    assert answer.figures[0].value == "89.53"


def test_what_a_project_left_unspent_is_its_budget_less_its_outturn(engine):
    """A project only the narrative names ("全年预算300万元，执行数为180万元"): 300 less 180."""
    answer = engine.ask("临汾市民政局2019年那个农村老年人日间照料中心配套资金项目，预算里有多少钱没执行出去？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("120", "万元")


def test_a_projects_budget_is_never_set_against_another_figures_outturn(engine):
    answer = engine.ask("临汾市民政局2019年农村老年人日间照料中心配套资金项目全年预算比执行数多多少")
    assert "收入总计" not in answer.answer
    assert engine.ask("临汾民政局19年用于社会福利的彩票公益金，有没有花出去").answer.startswith("没有")
