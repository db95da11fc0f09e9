"""A question that pastes from a document names it by what it pastes (qa/pasted.py)."""
import pytest

from qa.model import ANSWERED, UNCLEAR
from qa.pasted import outside_quotes, pasted_pieces, quoted_out


@pytest.mark.parametrize("question, passages, amounts", [
    # a quoted table line: one passage (its spaces and thousands separators gone), its amount
    ("“201 03 99 其他政府办公厅（室）及相关机构事务支出 20,120,000.00” 这笔钱", ["2010399其他政府办公厅(室)及相关机构事务支出20120000.00"],
     ["20120000.00"]),
    # split where the asker left an ellipsis; amounts outside the quotes count too
    ("“社会保障和就业支出（类）……公益性岗位补贴（项）”635.10万元", ["社会保障和就业支出(类)", "公益性岗位补贴(项)"], ["635.10"]),
    # a pasted line without quotes: its exact amount only (not the code, not a round figure)
    ("2081004 殡葬 1626.49 这行是收入还是支出，超过10.5万了吗", [], ["1626.49"]),
    ("阳泉民政局24年“三公”经费多少", [], []),  # a short quoted name is no passage
])
def test_what_a_question_pastes(question, passages, amounts):
    assert pasted_pieces(question) == (passages, amounts)


def test_names_inside_a_quoted_passage_are_the_documents_words():
    text = "文中说“主要原因是阳泉市社会福利院养老公益苑二期工程完成”，那临汾福利院呢"
    assert quoted_out(["阳泉社会福利院", "临汾福利院"], text) == ["临汾福利院"]
    assert quoted_out(["阳泉市财政局"], "“阳泉市财政局”的三公经费") == ["阳泉市财政局"]  # a name quoted alone names it
    assert outside_quotes("说“甲乙丙”，那丁呢") == "说“”，那丁呢"


def test_a_pasted_row_and_amount_name_the_one_document_holding_them(engine):
    answer = engine.ask("“2080299 其他民政管理事务支出 844644.42” 这是收入表里的，那支出决算表里这一行实际花了多少")
    assert answer.status == ANSWERED and answer.figures[0].value == "676644.42"
    assert answer.figures[0].department == "临汾市民政局" and answer.citations[0].row == "其他民政管理事务支出"


def test_an_amount_said_with_its_row_names_the_document(engine):
    answer = engine.ask("302商品和服务支出134.29万元，主要花在哪几个款上")
    assert answer.figures[0].department == "阳泉市民政局" and "取暖费" in answer.answer


def test_a_quoted_sentence_names_the_document_and_what_changed(engine):
    answer = engine.ask("文中说“主要原因是阳泉市社会福利院养老公益苑二期工程完成当前工程量、殡仪馆迁建项目完工、"
                        "居民养老服务提升工程完工”，这是说哪个数变了，变了多少")
    assert "14,279.38" in answer.answer and "62.3%" in answer.answer


def test_a_shorter_figure_with_its_year_said_names_the_one_document_of_that_year(engine):
    """"2024年收入支出总计比上年下降62.3%": three digits tell the one 2024 disclosure stating them."""
    answer = engine.ask("文件里是怎么解释2024年收入支出总计比上年下降62.3%的？把原话找出来")
    assert answer.status == ANSWERED and "殡仪馆迁建项目完工" in answer.answer
    assert answer.citations[0].department == "阳泉市民政局"


@pytest.mark.parametrize("question", [
    "“一般公共预算财政拨款支出”这一行是多少",  # words both documents print
    "“2080299 其他民政管理事务支出 999999.99”这一行是多少",  # an amount no document prints
])
def test_what_several_documents_or_none_hold_names_no_document(engine, question):
    answer = engine.ask(question)
    assert answer.status == UNCLEAR and "哪个部门" in answer.answer
