"""The document itself asked about (qa/routes/document.py): what it is, its numbered parts,
whether it has a part of the template, whether its 名词解释 defines a term."""
from __future__ import annotations


def test_which_year_and_kind_the_document_is(engine):
    answer = engine.ask("临汾民政局这份东西是哪一年的？是预算还是决算？")
    assert "2019年部门决算" in answer.answer and not answer.figures
    assert answer.citations[0].section == "临汾市民政局2019年度部门决算"


def test_a_numbered_part_and_how_many_parts(engine):
    answer = engine.ask("阳泉民政局24年决算第四部分叫什么？")
    assert "第四部分名词解释" in answer.answer and answer.citations[0].section.startswith("第四部分")
    counted = engine.ask("阳泉民政局24年决算分几个部分")
    assert "共5个部分" in counted.answer  # (第二部分 prints tables only: the last part's number counts)


def test_whether_a_part_of_the_template_is_there(engine):
    answer = engine.ask("临汾民政局19年决算有没有名词解释这一部分？")
    assert answer.verdict == "yes" and "名词解释" in answer.citations[0].section


def test_whether_the_terms_part_explains_a_word(engine):
    answer = engine.ask("临汾民政局这份决算有没有名词解释？里面解释了机关运行经费没有？")
    assert answer.verdict == "yes" and "日常公用经费" in answer.answer
    answer = engine.ask("临汾民政局19年决算的名词解释里有没有解释“三公经费预算执行率”？")
    assert answer.verdict == "no"
