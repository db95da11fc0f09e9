"""Budget against outturn 科目 by 科目, from the narrative's 年初预算 / 支出决算 sentences
(qa/routes/execution.py)."""
import pytest

from qa.model import ANSWERED


def test_the_kemu_over_their_budget_are_listed_each_with_both_figures(engine):
    answer = engine.ask("阳泉民政局24年哪几项决算数超过了年初预算？")
    assert answer.status == ANSWERED and not answer.figures  # a list, no one headline figure
    assert [i.label for i in answer.items] == ["社会保障和就业支出", "住房保障支出"]
    assert "年初预算2569.42万元，支出决算3897.62万元" in answer.answer
    assert all(c.section and "具体情况" in c.section for c in answer.citations)


def test_the_lowest_rate_of_spending_is_ranked_from_the_stated_pairs(engine):
    answer = engine.ask("阳泉民政局24年一般公共预算拨款支出里，哪一类完成年初预算的比例最低？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("72.67", "%")
    assert answer.items[0].label == "一般公共服务支出" and answer.figures[0].derived
    highest = engine.ask("阳泉民政局24年哪一项执行率最高？")
    assert highest.items[0].label == "社会保障和就业支出" and highest.figures[0].value == "151.69"


def test_a_zero_budget_with_spending_is_yes_with_the_kemu(engine):
    answer = engine.ask("临汾民政局19年有没有年初预算是0却花了钱的支出科目？")
    assert answer.verdict == "yes" and [i.label for i in answer.items] == ["一般公共服务支出"]
    assert answer.items[0].value == "0.96"


@pytest.mark.parametrize("question", ["阳泉民政局24年支出超过100万的有哪几项？", "阳泉民政局24年决算数是多少？"])
def test_other_questions_are_left_to_their_routes(engine, question):
    answer = engine.ask(question)
    assert "逐项列出了" not in answer.answer


def test_a_reason_asked_with_the_ranking_quotes_the_sentence_that_gives_it(engine):
    answer = engine.ask("临汾民政局19年哪一类支出的年初预算执行率最低？原因是什么")
    assert answer.items[0].label == "灾害防治及应急管理支出" and answer.figures[0].value == "0.00"
    assert "机构改革" in answer.answer


def test_a_whole_named_whose_parts_state_no_budget_is_not_answered_by_another_section(engine):
    # (阳泉's 三公 section states a budget for its whole only: the whole's own rate answers)
    answer = engine.ask("阳泉民政局24年三公经费有没有超预算？")
    assert "逐项列出了" not in answer.answer and answer.verdict == "no"
    assert "社会保障和就业支出" not in answer.answer


def test_money_left_over_is_the_carry_over_not_a_kemu_under_budget(engine):
    answer = engine.ask("阳泉民政局24年有没有没花完、留到明年的钱（年末结转和结余）？")
    assert "逐项列出了" not in answer.answer


def test_one_kemus_budget_is_set_against_the_outturn_its_own_sentence_states(engine):
    """The 年初预算 of 社会保障和就业支出 is stated with its 财政拨款 outturn (3897.62); the 支出决算表's
    7526.75 is all funds, so 7526.75 − 2569.42 would set two scopes against each other."""
    answer = engine.ask("阳泉市民政局2024年社会保障和就业支出，决算比年初预算多花了多少钱？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("1328.20", "万元")
    assert "7526.75" not in answer.answer


def test_the_kemu_furthest_from_its_budget_is_ranked_by_the_gap_of_its_own_sentence(engine):
    """"偏离年初预算最大": |决算 − 年初预算| from each 科目's sentence, in 万元 though one states
    "支出决算0元"; not the largest 科目 of the spending table."""
    answer = engine.ask("临汾民政局19年哪个科目实际支出偏离年初预算最大")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("3913.40", "万元"), answer.answer
    assert answer.items[0].label == "社会保障和就业支出" and answer.figures[0].derived
    assert [i.label for i in answer.items][2] == "灾害防治及应急管理支出"  # 100万元 − 0元


def test_one_kemu_named_is_answered_alone_with_its_rate(engine):
    """"住房保障支出有没有超过年初预算": that 科目's verdict and rate, not every 科目 over budget."""
    answer = engine.ask("阳泉民政局2024年住房保障支出有没有超过年初预算？")
    assert answer.verdict == "yes" and answer.figures[0].value == "101.74", answer.answer
    assert "社会保障和就业" not in answer.answer
    assert engine.ask("阳泉民政局2024年卫生健康支出有没有超过年初预算？").verdict == "no"


def test_one_figure_asked_against_its_budget_is_no_list_of_kemu(engine):
    """"三公经费没超预算吧": 临汾 states no 三公 budget beside its outturn in one sentence; the
    table's 预算数 and 决算数 answer, never the 科目 over their budget; asked for the 科目, they are
    listed (and "超预算" asks for no 预算 document)."""
    answer = engine.ask("临汾民政局2019年三公经费没超预算吧？")
    assert answer.verdict == "yes" and "逐项列出了" not in answer.answer
    assert "28,452.82" in answer.answer and "141100" in answer.answer
    listed = engine.ask("临汾民政局2019年哪几项超预算了")
    assert [i.label for i in listed.items] == ["一般公共服务支出", "住房保障支出"]


def test_a_plans_execution_is_what_the_next_years_plan_states_over_its_budget(pdf_engine):
    """"万里街道23年城乡社区环境卫生预算执行了百分之几": the 2024 plan states "2023年当年预算执行数为830.24
    万元"; over the 2023 plan's 5,633,800元, 147.37%, both cited; "实际比预算多花了多少" the gap, and
    "是不是超预算了" yes."""
    answer = pdf_engine.ask("万里街道23年城乡社区环境卫生预算执行了百分之几")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("147.37", "%")
    assert {c.source for c in answer.citations} == {"上海市普陀区万里街道办事处_2023年部门预算.pdf",
                                                    "上海市普陀区万里街道办事处_2024年部门预算.pdf"}
    assert pdf_engine.ask("万里街道23年城乡社区环境卫生实际比预算多花了多少").figures[0].value == "266.86"
    assert pdf_engine.ask("万里街道23年城乡社区环境卫生是不是超预算了").verdict == "yes"


def test_a_plans_year_with_no_outturn_stated_anywhere_is_not_judged(pdf_engine):
    """2024's 城乡社区环境卫生: the 2025 plan states no 2024 outturn of it (and 2024's own "2023年当年预算
    执行数" is the year before's), so whether it went over cannot be told."""
    answer = pdf_engine.ask("万里街道24年城乡社区环境卫生是不是超预算了")
    assert answer.verdict is None and not answer.figures and "没有决算" in answer.answer


def test_the_outturn_asked_after_a_budget_is_read_in_the_next_years_plan(pdf_engine):
    """"万里街道23年城管执法预算多少" then "那最后执行了多少 超没超": 676.66万元 as the 2024 plan states it
    (the budget the turn before asked in is no part of what is asked now)."""
    answer = pdf_engine.ask("那最后执行了多少 超没超", ["万里街道23年城管执法预算多少"])
    assert (answer.figures[0].value, answer.figures[0].unit) == ("676.66", "万元")


def test_how_many_kemu_went_over_heads_the_count_in_the_unit_asked(engine):
    """"一般公共预算支出里有几类超了年初预算": 2 类 (社会保障和就业, 住房保障), listed; "哪几项" lists them
    with no count heading."""
    answer = engine.ask("阳泉民政局24年一般公共预算支出里有几类超了年初预算")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("2", "类") and len(answer.items) == 2
    answer = engine.ask("阳泉民政局24年哪几项超了预算")
    assert not answer.figures and len(answer.items) == 2


def test_an_item_the_next_years_plan_states_no_outturn_of_is_said_so(pdf_engine):
    """"万里街道23年宣传那块是不是超预算了": the 2024 plan states 2023's outturns, but none the question
    names: said so, never "no 决算 held" and never the budget's own figure as a yes."""
    answer = pdf_engine.ask("万里街道23年宣传那块是不是超预算了")
    assert answer.verdict is None and not answer.figures and "2023年执行数中没有找到" in answer.answer
