"""Which documents a question is about (qa/documents.py, and the rankings across them in qa/engine.py)."""
from qa.model import ANSWERED, NOT_FOUND, UNCLEAR


def test_a_ranking_of_no_named_department_asks_which(engine):
    answer = engine.ask("301工资福利支出下面，哪个款金额最大")
    assert answer.status == UNCLEAR and "哪个部门" in answer.answer and not answer.figures


def test_a_whole_population_of_bodies_is_more_than_the_store_holds(engine):
    """"全省所有单位里谁最多": the documents held are shown, none named the largest of all."""
    answer = engine.ask("全省所有单位里谁的三公经费最多")
    assert answer.status == NOT_FOUND and not answer.figures and "阳泉市民政局" in answer.answer


def test_two_bodies_ranked_with_how_much_more(engine):
    answer = engine.ask("阳泉民政局和临汾民政局，谁的三公经费多？多多少")
    assert answer.status == ANSWERED and any(f.value in ("9.17", "91747.18") for f in answer.figures)


def test_a_unit_under_the_department_asked_for_its_own_figure(engine):
    """"阳泉市社会福利院的支出": a body under the department, never printed apart (not its 社会福利 row)."""
    answer = engine.ask("阳泉民政局2024年阳泉市社会福利院的支出是多少")
    assert answer.status == NOT_FOUND and not answer.figures and "下属单位" in answer.answer
