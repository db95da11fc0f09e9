"""A question corrected while typed is read as corrected (qa/corrected.py)."""
from __future__ import annotations

import re

import pytest

from qa.corrected import corrected

BODIES = re.compile(r"临汾民政局|阳泉民政局|万里街道|江苏政协|社工部")


ITEMS = re.compile(r"三公经费|公务接待费|项目支出|工资福利支出|绩效自评")


def said(text: str) -> list[str]:
    return BODIES.findall(text)


def named(text: str) -> bool:
    return bool(ITEMS.search(text))


@pytest.mark.parametrize("typed, meant", [
    # the thing after the department and its year
    ("临汾民政局19年三公经费，哦不对，是公务接待费，花了多少？", "临汾民政局19年公务接待费，花了多少？"),
    # words with a year of their own: from the department on
    ("阳泉民政局有几个二级预算单位——不对，我想问的是，24年绩效自评一共涉及几个二级项目？",
     "阳泉民政局24年绩效自评一共涉及几个二级项目？"),
    ("万里街道23年的……不，24年的301工资福利支出，比25年少多少？", "万里街道24年的301工资福利支出，比25年少多少？"),
    # a year alone: the year said before it
    ("万里街道2025年编报绩效目标的项目有几个——我说错了，是2024年的。", "万里街道2024年编报绩效目标的项目有几个"),
    # closed by a dash: the rest of the question follows
    ("江苏政协2017年的支出按用途——不，按功能分类——分成哪几类？", "江苏政协2017年按功能分类分成哪几类？"),
    # a year with nothing named after it: the year, the item kept
    ("江苏政协2018年的项目支出，哦不对，是2019年的，多少？", "江苏政协2019年的项目支出的，多少？"),
    # a year compared against is no year of the correction's own
    ("江苏政协2018年的三公经费，哦不对，是会议费，比2017年少了多少？", "江苏政协2018年会议费，比2017年少了多少？"),
])
def test_the_corrected_words_take_the_place_of_those_they_correct(typed, meant):
    assert corrected(typed, said, named) == meant


@pytest.mark.parametrize("typed", [
    "阳泉民政局24年三公经费对不对，是12.02万吗",  # 对不对 asks, takes nothing back
    "阳泉民政局24年三公经费是不是12万",
    "不对，是会议费",  # nothing before it to correct (a follow-up's business)
    "三公经费，不对，是多少",  # no department or year to keep before the words corrected
    "阳泉民政局24年机关运行经费多少，哦不对，我想问的是其中行政单位那部分",  # a part of it: read whole
    "阳泉民政局24年三公经费多少，哦不对，我想问临汾民政局19年的",  # another body: a follow-up of what is withdrawn
])
def test_no_correction_is_read_where_nothing_is_taken_back(typed):
    assert corrected(typed, said, named) is None


def test_a_corrected_question_is_answered_as_corrected(engine):
    answer = engine.ask("临汾民政局19年三公经费，哦不对，是公务接待费，花了多少？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("0", "元") and "公务接待费" in answer.answer
    assert any(n.startswith("按更正后的问题回答") for n in answer.notes)
