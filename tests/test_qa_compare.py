"""Figures set against each other within one document (qa/routes/compare.py)."""
import pytest

from qa.model import ANSWERED


@pytest.mark.parametrize("question, value, unit", [
    # "基本支出里，303…比302…": the 其中：基本支出 column of both rows, not their 金额 (where 302 is the
    # larger and the gap's sign flips)
    ("临汾民政局2019年基本支出里，303对个人和家庭的补助比302商品和服务支出多多少", "220109", "元"),
    # "全部支出里，项目支出比基本支出…": two columns of the total row; the whole said first moves
    # neither into the 合计 column
    ("阳泉民政局2024年全部支出里，项目支出是不是比基本支出多？多出多少", "5079.35", "万元"),
    # "占本年支出的比例": the 科目's row of the 支出决算表 (all funds), not its row of the 一般公共预算
    # table that the column word 本年支出 would point at
    ("阳泉民政局2024年社会保障和就业支出占本年支出的比例是多少", "89.53", "%"),
    # a project only the narrative names ("全年预算300万元，执行数为180万元"): 300 less 180
    ("临汾市民政局2019年那个农村老年人日间照料中心配套资金项目，预算里有多少钱没执行出去？", "120", "万元"),
])
def test_figures_set_against_each_other(engine, question, value, unit):
    answer = engine.ask(question)
    assert answer.status == ANSWERED and any((f.value, f.unit) == (value, unit) for f in answer.figures)


def test_two_rows_within_a_whole_are_cited_in_its_column(engine):
    answer = engine.ask("临汾民政局2019年基本支出里，303对个人和家庭的补助比302商品和服务支出多多少")
    assert all("基本支出" in c.column for c in answer.citations[:2])


def test_a_projects_budget_is_never_set_against_another_figures_outturn(engine):
    answer = engine.ask("临汾市民政局2019年农村老年人日间照料中心配套资金项目全年预算比执行数多多少")
    assert "收入总计" not in answer.answer
    assert engine.ask("临汾民政局19年用于社会福利的彩票公益金，有没有花出去").answer.startswith("没有")


@pytest.mark.parametrize("question, value, verdict", [
    # the concepts keep the order said, whichever of them a row search finds first
    ("阳泉市民政局2024年政府采购里，买服务的钱是买货物的几倍？", "6.93", None),
    ("阳泉市民政局2024年政府采购服务支出是政府采购货物支出的七倍吗", "6.93", "yes"),  # (not 本年支出合计's 支出)
    ("阳泉市民政局2024年一般公共预算财政拨款支出决算，是不是差不多是年初预算的一倍半？", "1.50", "yes"),
    ("阳泉民政局24年公用经费和人员经费之比是多少", "0.14", None),  # 134.29 ÷ 963.57, not one of the two
])
def test_a_multiple_is_the_first_said_over_the_second(engine, question, value, verdict):
    answer = engine.ask(question)
    assert answer.figures[0].unit == "倍" and answer.figures[0].value == value and answer.verdict == verdict, answer.answer


@pytest.mark.parametrize("text, said", [
    ("我按表里的数算，比23年执行数多了多少", True),
    ("以表格为准", True),
    ("这个说法可以表示什么", False),  # 以表 inside another word
])
def test_figures_asked_by_the_table(text, said):
    from qa.routes.compare import TABLE_BASIS_RE

    assert bool(TABLE_BASIS_RE.search(text)) is said


def test_two_columns_of_one_named_row_are_set_against_each_other(engine):
    """"殡葬这一项的收入，财政拨款比经营收入少多少": 殡葬's 451.86 against 殡葬's own 经营收入 681.31
    (229.45), not against the department's whole 经营收入 (1225.88)."""
    answer = engine.ask("阳泉民政局殡葬这一项的收入，财政拨款比经营收入少多少？")
    assert answer.figures[0].value.lstrip("-") == "229.45"
    assert {c.column for c in answer.citations} == {"财政拨款收入", "经营收入"} and {c.row for c in answer.citations} == {"殡葬"}


def test_two_funds_of_one_row_are_read_in_that_row(engine):
    """"年末财政拨款结转里，一般公共预算的比政府性基金的多多少": 168000 against 85000 in the row
    年末财政拨款结转和结余 (83000), not against the department's 政府性基金 spending (0)."""
    answer = engine.ask("临汾民政局年末财政拨款结转里，一般公共预算的比政府性基金的多多少？")
    assert answer.figures[0].value.lstrip("-") == "83000"
    assert {c.row for c in answer.citations} == {"年末财政拨款结转和结余"}


def test_one_figure_as_a_percent_of_another_is_in_the_order_said(engine):
    """"项目支出相当于基本支出的百分之多少": 6177.21 ÷ 1097.86 (562.66%), though the first is the
    larger; "是基本支出的百分之几" the same, never the stated 项目支出占比 73.48% (of all spending)."""
    answer = engine.ask("阳泉民政局24年项目支出相当于基本支出的百分之多少？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("562.66", "%")
    share = engine.ask("阳泉民政局24年项目支出是基本支出的百分之几？")
    assert share.figures[0].value == "562.66" and "73.48" not in share.answer


def test_over_its_budget_by_how_much_is_one_items_two_measures(engine):
    """"超出年初预算多少": the outturn its budget's sentence states (3897.62), less the budget — never
    the spending table's all-funds figure of the same 科目 (7526.75)."""
    answer = engine.ask("阳泉市民政局2024年社会保障和就业支出超出年初预算多少？")
    assert answer.figures[0].value == "1328.20" and "7526.75" not in answer.answer
    assert answer.answer.startswith("社会保障和就业支出决算")  # (the outturn said first, as asked)


def test_a_share_of_a_row_named_is_not_a_stated_share_of_a_word_it_shares(engine):
    """"基本工资占工资福利支出的比例": computed from the two rows, never 基本支出's stated share
    (13.06% of the spending), whose subject shares the word 基本."""
    answer = engine.ask("阳泉市民政局2024年基本工资占工资福利支出的比例")
    assert answer.figures[0].unit == "%" and answer.figures[0].derived and "13.06" not in answer.answer
    assert [f.label for f in answer.figures[1:]] == ["基本工资", "工资福利支出"]


def test_a_share_of_the_money_said_plainly_is_of_the_parts_own_total(pdf_engine):
    """"…24年的钱里财政拨款占几成": 钱 names no container; 财政拨款收入 over the income total (福利院 2024:
    9,501,164 of 12,121,164 元)."""
    found = pdf_engine.ask("福利院24年的钱里财政拨款占几成？")
    assert found.figures[0].value == "78.38" and found.figures[0].unit == "%"


def test_codes_said_with_their_names_are_set_against_by_code(pdf_engine):
    """"2010204政协会议费比2010205委员视察": the two 科目 by code (814.16 and 429.30万元), not 会议费 of the 三公 table."""
    found = pdf_engine.ask("江苏政协2018年2010204政协会议费比2010205委员视察多多少？")
    assert found.figures[0].value == "384.86" and [c.row_code for c in found.citations] == ["2010204", "2010205"]


def test_a_cut_asked_as_a_rate_is_the_rate_of_fall(pdf_engine):
    """"比上年压减了百分之几": any word for cutting asks the rate of the fall (27 against 28: 3.57%), not
    the ratio of the two years (96.43%)."""
    answer = pdf_engine.ask("省委办公厅18年公务接待费预算比上年压减了百分之几")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("-3.57", "%")


@pytest.mark.parametrize("question", ["省政协18年政府采购里占大头的是货物还是服务，多少钱",
                                      "省政协18年政府采购里货物多还是服务多，多少钱"])
def test_a_choice_of_two_with_its_amount_asked_heads_the_larger(pdf_engine, question):
    """"占大头的是货物还是服务，多少钱": the larger (服务 926.09万元) and its figure, its cell cited first,
    not the gap."""
    answer = pdf_engine.ask(question)
    assert (answer.figures[0].value, answer.figures[0].label) == ("926.09", "政府采购服务支出")
    assert "服务" in answer.citations[0].row


def test_two_budget_stages_are_not_a_budget_and_an_outturn(engine):
    """"三公经费调整后的预算跟年初预算差多少": the 三公 table prints one budget (adjusted) and the
    outturn; neither pair is the two stages asked, so no figure is worked."""
    answer = engine.ask("阳泉民政局24年三公经费调整后的预算跟年初预算差多少")
    assert not answer.figures


def test_a_part_said_by_a_word_of_its_name_inside_a_kemu_is_the_one_row_holding_it(pdf_engine, engine):
    """"社会保障和就业这一类里，养老那块占几成": the one 款 under 208 whose name holds 养老 (20805, 25.31% in
    万里街道's 2023 plan); where a 款 and a 项 under another 款 both hold it (阳泉: 20805 and 2081006 养老服务),
    which is meant is not said, so no share of either."""
    answer = pdf_engine.ask("万里街道23年社会保障和就业这一类里，养老那块占几成？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("25.31", "%")
    assert [c.row_code for c in answer.citations[:2]] == ["20805", "208"]
    assert not engine.ask("阳泉民政局24年社会保障和就业支出里，养老那块占多少").figures
