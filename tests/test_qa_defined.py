"""Whether a term takes in something, by the document's own definition (qa/routes/defined.py),
and two terms' definitions set side by side."""
from __future__ import annotations

from qa.model import ANSWERED


def test_a_thing_the_definition_does_not_name_is_not_included(engine):
    answer = engine.ask("阳泉民政局的三公经费包括会议费吗？")
    assert answer.status == ANSWERED and answer.verdict == "no" and not answer.figures
    assert answer.answer.startswith("不包括") and "因公出国（境）费、公务用车购置及运行维护费和公务接待费" in answer.answer
    assert "名词解释" in answer.citations[0].section


def test_a_thing_the_definition_names_is_included(engine):
    answer = engine.ask("阳泉民政局2024年三公经费里含不含公务接待费")
    assert answer.verdict == "yes" and answer.answer.startswith("包括")


def test_a_term_defined_inside_another_terms_definition_is_read_from_its_clause(engine):
    """"其中，因公出国（境）费反映…培训费…": the clause defining it, not the whole sentence."""
    answer = engine.ask("阳泉民政局2024年因公出国（境）费包括培训费吗？")
    assert answer.verdict == "yes" and "培训费" in answer.answer


def test_an_amount_asked_after_the_verdict_heads_it(engine):
    answer = engine.ask("临汾民政局的机关运行经费算不算人员工资？19年机关运行经费是多少？")
    assert answer.verdict == "no" and answer.figures and "日常公用经费" in answer.answer


def test_words_that_tell_or_ask_an_amount_are_no_such_question(engine):
    for question in ("阳泉民政局2024年三公经费里包括多少公务接待费",
                     "阳泉民政局2024年三公经费算不算多",
                     "我要的是阳泉民政局2024年的基本支出，不含项目支出的那个。"):
        assert not engine.ask(question).answer.startswith(("包括", "不包括")), question


def test_two_terms_asked_how_they_differ_get_both_definitions(engine):
    answer = engine.ask("阳泉民政局决算里的基本支出和项目支出有啥区别")
    assert answer.status == ANSWERED and not answer.figures
    assert "“基本支出”：" in answer.answer and "“项目支出”：" in answer.answer and len(answer.citations) == 2
