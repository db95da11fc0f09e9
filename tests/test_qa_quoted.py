"""A sentence of the document pasted into the question (qa/routes/quoted.py)."""
import pytest

from qa.model import ANSWERED
from qa.routes.quoted import quoted_fragment


@pytest.mark.parametrize("question, fragment", [
    ("文件里写“比上年度减少1.17万元，下降___%”，这个空里是多少？", "比上年度减少1.17万元，下降___%"),
    # the outermost pair holds it, quotes nested inside it included
    ("说明里“因公出国（境）费支出106万元，占‘三公’经费的（ ）%”，空的地方是多少？", "因公出国（境）费支出106万元，占‘三公’经费的（ ）%"),
    ("决算说'支出决算为307.82万元'，这里的预算数是多少？", "支出决算为307.82万元"),
    ("阳泉民政局24年“三公”经费多少", None),  # a name in quotes is too short to be a pasted sentence
])
def test_the_pasted_fragment_is_the_quoted_stretch_around_the_blank(question, fragment):
    said = quoted_fragment(question)
    assert (said[0] if said else None) == fragment


@pytest.mark.parametrize("question, value, unit", [
    ("阳泉民政局24年决算说明里“比上年度减少1.17万元，下降___%”，空着的是多少", "8.87", "%"),
    ("临汾民政局19年说明写“比上年减少（ ）万元，下降40.13%”，括号里填什么", "1.91", "万元"),
])
def test_the_blank_is_filled_from_the_document_s_own_sentence(engine, question, value, unit):
    answer = engine.ask(question)
    assert answer.status == ANSWERED and (answer.figures[0].value, answer.figures[0].unit) == (value, unit)
    assert answer.citations[0].quote and answer.citations[0].table_seq is None  # the sentence, cited


def test_the_question_is_echoed_with_its_pasted_words(engine):
    """The answer echoes the question with the quoted figures kept (the plan's text drops an amount
    it reads as a claim, "1.91万元")."""
    answer = engine.ask("临汾民政局文件里写三公经费“比上年减少1.91万元，下降___%”，这个空里是多少？")
    assert answer.figures[0].value == "40.13" and "1.91万元" in answer.question


def test_a_blank_no_sentence_holds_is_not_filled_from_a_neighbour(engine):
    answer = engine.ask("阳泉民政局24年说明里“比上年度减少9.99万元，下降___%”，空里是多少")
    assert not answer.figures or answer.figures[0].value != "8.87"


def test_what_a_quoted_sentence_is_of_and_its_budget(engine):
    answer = engine.ask("临汾民政局19年说明里有一句“完成年初预算的9.64%”，这是哪一类支出，年初预算多少？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("4331.02", "万元")
    assert "社会保障和就业支出" in answer.answer


def test_a_fragment_asked_something_else_is_left_to_the_other_routes(engine):
    # (a sum with a table figure: the compare route's, not a quote of the sentence)
    answer = engine.ask("“卫生健康（类）支出 59.88 万元，占 11.91%” 临汾民政局这个比住房保障那类多了多少？")
    assert not answer.answer.startswith("这句话出自")
