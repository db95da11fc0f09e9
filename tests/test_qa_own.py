"""A figure the asker gives of their own body, set against a document's (qa/routes/own.py)."""
import pytest

from qa.model import ANSWERED
from qa.routes.own import own_figure

NAMES = ("三公经费", "项目支出", "机关运行经费", "物业费")


def names_item(text: str) -> bool:
    return any(n in text for n in NAMES)


@pytest.mark.parametrize("question, amount, operation, asked", [
    ("我们单位三公经费是8万元，阳泉民政局24年比我们多多少？", 80000, "diff", "阳泉民政局24年三公经费是多少？"),
    ("我们去年项目支出是50万，临汾民政局19年项目支出是我们的几倍？", 500000, "multiple", "临汾民政局19年项目支出是多少？"),
    # an explicit year of the asker's goes with the item; 今年 / 去年 are the asker's own, never the document's
    ("我们单位24年机关运行经费是30万元，阳泉市民政局比我们多多少？", 300000, "diff", "24年阳泉市民政局机关运行经费是多少？"),
    ("我们养老院24年物业管理费预算是100万元，普陀区社会福利院的物业费比我们多多少？", 1000000, "diff", "24年普陀区社会福利院的物业费是多少？"),
    ("我们单位去年项目支出是500万，他们是我们的百分之多少？", 5000000, "percent", "项目支出是多少？"),
    ("我们单位一年三公经费预算1.5亿元，江苏政协2019年的三公经费预算比我们少多少？", 1.5e8, "diff", "江苏政协2019年的三公经费预算是多少？"),
])
def test_the_askers_figure_and_the_documents_question(question, amount, operation, asked):
    own = own_figure(question, names_item)
    assert (own.amount, own.operation, own.question) == (amount, operation, asked)


@pytest.mark.parametrize("question", [
    "阳泉市民政局2024年三公经费多少",
    "我们单位有20个人，他们比我们多几个人？",  # a count, not an amount of money
    "我看到三公经费是12.02万元，对吗？",  # a claim to check, nothing computed against the asker
    "我们单位三公经费是8万元，阳泉民政局24年三公经费多少？",  # nothing set against the asker's figure
])
def test_no_figure_of_the_askers_own_set_against(question):
    assert own_figure(question, names_item) is None


def test_the_difference_multiple_and_percentage_are_computed_from_the_cited_cell(engine):
    answer = engine.ask("我们单位三公经费是8万元，阳泉民政局24年比我们多多少？")
    assert answer.status == ANSWERED and (answer.figures[0].value, answer.figures[0].unit) == ("4.02", "万元")
    assert answer.figures[1].value == "12.02" and answer.citations[0].table_code == "公开09表"
    assert "未核对" in answer.answer and answer.plan["operation"] == "diff"
    answer = engine.ask("我们去年项目支出是50万，临汾民政局19年项目支出是我们的几倍？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("2.92", "倍")  # 1459284.98元 ÷ 50万元
    answer = engine.ask("我们单位是50万元，他们比我们少多少？", ["临汾民政局19年机关运行经费多少"])
    assert (answer.figures[0].value, answer.figures[0].unit) == ("16.61", "万元")  # 50万 − 333925元
    assert "少16.61万元" in answer.answer and "50.00万元 − 33.39万元" in answer.answer


@pytest.mark.parametrize("question, count, asked", [
    ("按阳泉常住人口130万人算，阳泉民政局24年全年支出合计摊到每人多少钱", 1_300_000, "阳泉民政局24年全年支出合计多少钱"),
    ("临汾民政局19年养老福利机构消防改造的钱，要是平均分给18家养老机构，每家多少", 18, "临汾民政局19年养老福利机构消防改造的钱，多少"),
    ("政协19年培训费预算，要是按1000人次参训算，人均多少元", 1000, "政协19年培训费预算，多少元"),
])
def test_a_count_the_asker_gives_to_share_the_figure_among(question, count, asked):
    own = own_figure(question, names_item)
    assert (own.operation, own.amount, own.question) == ("share", count, asked)


@pytest.mark.parametrize("question, rate, asked", [
    ("要是阳泉民政局明年三公经费在24年决算的基础上再涨10%，会是多少", 10, "阳泉民政局三公经费24年决算，是多少"),
    ("如果明年三公经费下降20%，还剩多少", -20, "三公经费，是多少"),
])
def test_a_rate_the_asker_supposes_to_grow_the_figure_by(question, rate, asked):
    own = own_figure(question, names_item)
    assert (own.operation, own.amount, own.question) == ("grow", rate, asked)


def test_a_rate_heard_is_a_claim_not_a_supposition():
    assert own_figure("听说三公经费涨了10%，对吗", names_item) is None
    assert own_figure("阳泉民政局24年人均多少", names_item) is None  # no count given: the document's own


def test_the_share_and_the_grown_figure_are_computed_from_the_cited_figure(engine):
    answer = engine.ask("按阳泉常住人口130万人算，阳泉民政局24年全年支出合计摊到每人多少钱")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("64.67", "元")  # 8406.85万元 ÷ 130万
    assert answer.figures[1].value == "8406.85" and "未核对" in answer.answer
    answer = engine.ask("要是阳泉民政局明年三公经费在24年决算的基础上再涨10%，会是多少")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("13.22", "万元")
    answer = engine.ask("要是明年涨5%，会是多少元", ["临汾民政局19年住房保障支出多少"])
    assert (answer.figures[0].value, answer.figures[0].unit) == ("254244.69", "元")
