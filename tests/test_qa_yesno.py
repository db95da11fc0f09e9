"""Questions answered yes or no (qa/routes/yesno.py)."""
import pytest

from qa.model import NOT_FOUND


@pytest.mark.parametrize("question, verdict", [
    ("阳泉民政局2024年公务接待费是不是零？", "是"),
    ("阳泉民政局2024年三公经费是零吗", "不是"),
])
def test_whether_a_figure_is_zero(engine, question, verdict):
    assert engine.ask(question).answer.startswith(verdict)


@pytest.mark.parametrize("question, verdict, head", [
    ("临汾民政局商品和服务支出里有没有哪一项超过50万元？是哪一项", "有", "673240.56"),
    ("临汾民政局商品和服务支出里有没有哪一项超过100万元", "没有", None),
    ("阳泉民政局2024年按大类看有没有哪一类支出上千万", "有", "7526.75"),
])
def test_whether_any_item_is_above_an_amount(engine, question, verdict, head):
    """The items above it listed, the largest the figure; where none is, the largest named and no
    figure headed."""
    answer = engine.ask(question)
    assert answer.answer.startswith(verdict + "。")
    assert (answer.figures[0].value if answer.figures else None) == head


@pytest.mark.parametrize("question, verdict, share", [
    # a share said as where the whole goes; a stated share of another whole (the 一般公共预算's
    # 97.32%) is not it
    ("阳泉民政局2024年的本年支出，八成多都花在社会保障和就业上了，是真的吗？", "是", "89.53"),
    ("阳泉民政局2024年的本年支出，九成多都花在社会保障和就业上了，是真的吗？", "不是", "89.53"),
    ("阳泉民政局2024年本年支出里，卫生健康支出连一成都不到，对吗？", "是", "0.42"),  # 连…都不到: 不到…
])
def test_an_approximate_share_put_up_to_be_checked(engine, question, verdict, share):
    answer = engine.ask(question)
    assert answer.answer.startswith(verdict + "。") and answer.figures[0].value == share


def test_a_claim_that_an_item_is_the_largest_is_checked_against_the_ranking(engine):
    answer = engine.ask("阳泉民政局2024年商品和服务支出里办公费花得最多，是这样吗？")
    assert answer.answer.startswith("不是") and "取暖费" in answer.answer


@pytest.mark.parametrize("question, verdict", [
    ("听说阳泉民政局2024年七成以上的钱都是项目支出，对吗？", "是"),  # a share of the money said of it
    ("听说阳泉民政局2024年八成以上的钱都是项目支出，对吗？", "不是"),
])
def test_a_share_of_the_money_said_of_an_item(engine, question, verdict):
    answer = engine.ask(question)
    assert answer.answer.startswith(verdict + "。") and answer.figures[0].value == "73.48"


def test_besides_one_fund_another_named_is_asked_about_not_set_aside(engine):
    """"除了一般公共预算，还有彩票公益金这类政府性基金的钱吧？它占…": the fund named after it (but
    "除了财政拨款，还有别的收入吗" asks what is left once it is set aside)."""
    answer = engine.ask("临汾市民政局2019年除了一般公共预算，还有彩票公益金这类政府性基金的钱吧？它占本年收入合计的百分之多少？")
    assert answer.figures[0].value == "1.62"


def test_whether_there_is_any_asked_of_a_count_is_led_by_yes_or_no(engine):
    """"有单价50万元以上的通用设备吗": 0 台（套）, said 没有; "你知道有几辆车吗" is a count, no verdict."""
    answer = engine.ask("临汾民政局有单价50万元以上的通用设备吗？")
    assert answer.verdict == "no" and answer.answer.startswith("没有")
    counted = engine.ask("阳泉民政局你知道有几辆车吗？")
    assert counted.verdict is None and counted.figures[0].value == "25"


@pytest.mark.parametrize("question, gap", [
    ("阳泉市民政局2024年社会保障和就业支出是不是超了年初预算？超了多少？", "1328.20"),
    ("临汾市民政局2019年住房保障支出是不是超了年初预算？超出多少？", "3.24"),
])
def test_over_budget_then_by_how_much(engine, question, gap):
    """"是不是超了年初预算？超了多少": yes, and the amount over leads (the outturn less the budget its
    sentence states beside it), not the completion rate."""
    answer = engine.ask(question)
    assert answer.verdict == "yes" and answer.figures[0].value == gap and answer.figures[0].derived


def test_over_budget_asked_alone_leads_with_the_rate(engine):
    """"超预算了吗" asks no amount: the sentence's completion rate leads."""
    assert engine.ask("阳泉市民政局2024年社会保障和就业支出超预算了吗").figures[0].unit == "%"


def test_a_figure_of_a_year_not_on_file_asked_to_be_the_same_as_another_years(engine):
    """"2022年决算里的三公经费，跟2024年的12.02万一样吗": 2022 is not on file (nor 2023, whose
    document would state it), so there is nothing to compare; never a yes on 2024's own figure."""
    answer = engine.ask("阳泉民政局2022年决算里的三公经费，跟2024年的12.02万一样吗？")
    assert answer.status != "answered" and not answer.figures and "2022" in answer.answer, answer.answer


@pytest.mark.parametrize("question, verdict", [
    ("阳泉民政局三公经费同比下降？", "yes"),  # a headline with a question mark: whether it moved so
    ("阳泉民政局三公经费同比增加了吗", "no"),
    ("临汾民政局19年三公经费比上年增加了？", "no"),
    ("阳泉民政局24年三公经费超10万？", "yes"),  # 超 a bound, like 超过
    ("阳泉民政局24年三公经费超20万？", "no"),
    ("阳泉民政局24年三公经费怎么还下降了？", None),  # (asked why, not whether)
    ("阳泉民政局24年项目支出占支出七成多？", "yes"),  # a share put with a question mark (73.48%)
    ("阳泉民政局24年项目支出占支出九成？", "no"),
    ("阳泉民政局24年三公经费比上年下降了超过10%，对吗", "no"),  # the stated fall is 8.87%: the way holds, the rate not
    ("阳泉民政局24年三公经费比上年下降了不到10%，对吗", "yes"),
    # the two ways offered as a choice say no way: the yes or no is of the way asked after it
    ("阳泉民政局24年卫生健康支出比上一年是增加还是减少？", None),
    ("阳泉民政局24年卫生健康支出比上一年是多了还是少了？是不是增加了？", "yes"),
    ("阳泉民政局24年卫生健康支出比上一年是多了还是少了？是不是减少了？", "no"),
])
def test_a_claim_put_as_a_headline_with_a_question_mark(engine, question, verdict):
    assert engine.ask(question).verdict == verdict


def test_the_first_year_an_item_shows_up_cannot_be_told_from_one_year(engine):
    """"彩票公益金支出是从哪一年开始有的": only 2024 is held and it has the item, so when it began is
    not known — said so, no figure given as the answer."""
    answer = engine.ask("阳泉民政局的彩票公益金支出是从哪一年开始有的？")
    assert answer.status == NOT_FOUND and not answer.figures and "无法判断从哪一年开始有" in answer.answer


def test_a_figure_asked_then_checked_against_another_heads_with_the_figure(engine):
    """"支出总计是多少？跟收入总计对得上吗": the 支出总计 asked heads; the check and their gap follow."""
    answer = engine.ask("阳泉民政局24年支出总计是多少？跟收入总计对得上吗？")
    assert answer.answer.startswith("对得上")
    assert [(f.value, f.unit) for f in answer.figures][:1] == [("8641.02", "万元")]
    only_checked = engine.ask("阳泉民政局24年支出总计跟收入总计对得上吗？")
    assert only_checked.figures[0].derived  # (the gap heads where no figure is asked)


def test_a_fund_asked_whether_it_gave_any_money_reads_its_income(engine):
    """临汾 19: 政府性基金预算财政拨款收入 85000.00 元, none of it spent (公开08表)."""
    found = engine.ask("临汾民政局19年有政府性基金的钱吗？给了多少")
    assert found.verdict == "yes" and found.figures[0].value == "85000.00"


def test_several_years_in_a_row_said_with_lianzhe(pdf_engine):
    found = pdf_engine.ask("万里街道的公益性岗位补贴是不是连着几年都在减少？")
    assert found.verdict == "yes" and len(found.citations) == 3
