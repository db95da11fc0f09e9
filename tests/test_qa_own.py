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
