"""A body named by what it does instead of its name (qa/described.py), over the sample corpus."""
import pytest

from qa.described import named_by_duty


@pytest.mark.parametrize("question, named", [
    ("阳泉那个管养老服务和殡葬的局24年三公经费多少", "阳泉市民政局24年三公经费多少"),
    ("临汾那个管婚姻登记的局，19年本年支出合计多少", "临汾市民政局，19年本年支出合计多少"),
])
def test_a_body_described_by_its_duties_is_the_department_whose_documents_say_them(engine, question, named):
    assert named_by_duty(engine.lib, question) == named
    assert engine.ask(question).status == "answered"


@pytest.mark.parametrize("question", [
    "那个管交通的局24年花了多少",  # words no department's documents single out
    "那个管养老服务的福利院24年花了多少",  # no body of that kind in the store
    "阳泉民政局24年给困难群众的补助是多少",  # no body described
])
def test_a_description_that_singles_out_no_department_is_left_as_it_is(engine, question):
    assert named_by_duty(engine.lib, question) == question
