"""What every route builds its answer from (qa/answers.py): amounts said in a second unit."""
from __future__ import annotations

from qa.answers import converted, printed_and_converted


def test_an_amount_in_yuan_is_said_in_wan_too_and_any_unit_asked_for():
    assert printed_and_converted("6,351,000", "元") == "6,351,000元（折合635.10万元）"
    assert printed_and_converted("9,800", "元") == "9,800元"  # under 10000: as printed
    assert printed_and_converted("12.02", "万元") == "12.02万元"
    assert printed_and_converted("12.02", "万元", "元") == "12.02万元（折合120200元）"  # (no .00 on whole 元)
    assert converted(164978640, "元", "亿元") == ("1.6498亿元", 1.6498, "亿元")
    assert converted(None, "元") is None and converted(5, "辆", "万元") is None


def test_the_rest_after_setting_a_part_aside_is_set_against_the_amount_asked(engine):
    a = engine.ask("阳泉民政局24年三公经费里除了公务接待费，其他加起来超过20万了吗？")
    assert a.verdict == "no" and a.answer.startswith("不是。") and a.figures[0].value == "12.02"


def test_a_provinces_bodies_counted_are_its_cities_bodies_of_that_kind(engine):
    # "山西这两家民政局": 阳泉市民政局 and 临汾市民政局 (their documents print no province; the prefecture
    # list tells it), each in its own year, added and said
    a = engine.ask("山西这两家民政局的三公经费决算加起来多少？")
    assert a.figures[0].value == "14.87" and "阳泉市民政局" in a.answer and "临汾市民政局" in a.answer
    assert engine.ask("山西的民政局2024年三公经费多少").status != "answered"  # the province's own 民政厅 is not on file


def test_whether_any_of_the_bodies_has_an_item(engine):
    a = engine.ask("阳泉和临汾两家民政局有没有哪家有公务接待费？")
    assert a.verdict == "no" and a.answer.startswith("没有") and len(a.items) == 2
