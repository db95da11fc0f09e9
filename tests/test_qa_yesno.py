"""Questions answered yes or no (qa/routes/yesno.py)."""
import pytest


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
