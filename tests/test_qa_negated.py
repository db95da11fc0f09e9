"""Yes/no questions asked with a negation (qa/negated.py): a rhetorical one asks the claim, a
guess that something did not happen asks whether it did, its yes or no turned round."""
from __future__ import annotations

import pytest

from qa.negated import Negated, negated


@pytest.mark.parametrize("question, plain, turned", [
    ("阳泉民政局24年三公经费是不是没超预算", "阳泉民政局24年三公经费有没有超预算", True),
    ("区府办25年没安排买公车的钱吧", "区府办25年有没有安排买公车的钱", True),
    ("社工部24年的预算不是全花完了吗", "社工部24年的预算是不是全花完了", False),
    ("阳泉民政局24年的车难道不比临汾民政局19年多？", "阳泉民政局24年的车是不是比临汾民政局19年多？", False),
    # said more strongly, the same guess
    ("万里街道2024年是不是压根没有三公经费预算？", "万里街道2024年有没有三公经费预算？", True),
    ("福利院2024年政府采购预算不会超过100万吧？", "福利院2024年政府采购预算有没有超过100万", True),
    ("区政府办2025年三公经费里面总没有公务用车的钱吧？", "区政府办2025年三公经费里面有没有公务用车的钱", True),
    # a doubt that not one was: whether any was
    ("省委办公厅2017年难道一辆公车都不打算买吗？", "省委办公厅2017年有没有打算买公车？", True),
    ("省委办公厅2018年一个项目都没搞绩效目标管理吗？", "省委办公厅2018年有没有搞绩效目标管理项目？", True),
    # a guess that it did not rise above the year before
    ("省委办公厅2018年的机关运行经费不超过上一年的数吧？", "省委办公厅2018年的机关运行经费有没有超过上一年的数", True),
])
def test_the_question_without_its_negation(question, plain, turned):
    assert negated(question) == Negated(plain, turned)


@pytest.mark.parametrize("question", [
    "阳泉民政局24年是不是没花完",  # 没花完 is itself the claim (under budget)
    "公车是不是一分钱没安排",  # a zero asked
    "三公经费是不是没有",  # nothing named after the negation
    "不是财政拨款的收入有多少",  # no yes or no
    "阳泉民政局24年三公经费多少",
    "区府办25年不会又安排钱买公车吧？",  # disbelief that it happened again: asked plainly
    "阳泉民政局24年到底有没有花钱买公务车？不会又买新车了吧",  # asked plainly first
    "万里街道2025年三公经费比上年少了10万元，不会是不买车了吧？",  # a reason guessed
])
def test_a_question_whose_negation_is_its_claim_or_no_yes_no_is_left_alone(question):
    assert negated(question) is None


def test_the_guess_that_it_did_not_happen_is_agreed_with_when_it_did_not(engine):
    """The 三公 outturn 12.02 equals its budget 12.02: not over it, so "是不是没超预算" is yes."""
    a = engine.ask("阳泉民政局24年三公经费是不是没超预算")
    assert a.verdict == "yes" and a.answer.startswith("对。") and "12.02" in a.answer
    assert engine.ask("阳泉民政局24年三公经费有没有超预算").verdict == "no"


def test_a_guess_of_what_a_whole_is_mostly_made_of_is_left_to_its_parts(engine):
    """"…全部支出，大头应该是儿童福利吧？主要花在哪几项": the parts of the whole said before the guess,
    which settle it; a guess of one figure ("行政编制是十八个人吧？实际有几个人") is no such guess."""
    assert negated("临汾民政局19年对个人和家庭的补助，主要是发救济费吧？都花在哪几项？") == \
        Negated("临汾民政局19年对个人和家庭的补助，都花在哪几项？", False)
    assert negated("临汾民政局19年行政编制是十八个人吧？实际有几个人？") is None
    answer = engine.ask("阳泉民政局24年社会福利方面的全部支出，大头应该是儿童福利吧？主要花在哪几项？")
    assert [i.label for i in answer.items[:3]] == ["养老服务", "社会福利事业单位", "殡葬"]


def test_a_rhetorical_guess_before_the_question_is_left_out():
    assert negated("省政协17年人员经费不就是发工资吗？按大类看都花在哪了？") == \
        Negated("省政协17年人员经费按大类看都花在哪了？", False)
    assert negated("这不就是三公经费吗？多少钱") is None  # the guess names the subject: kept


def test_a_doubt_that_not_one_was_bought_is_agreed_with_on_the_purchase(engine):
    """"一辆车都没买吗": 公务用车购置费 0 (blank, stated nil), agreed with; "一辆公车都不买吗" read as
    the purchase too (the thing bought said before its verb), never the 购置及运行维护费."""
    answer = engine.ask("阳泉民政局24年一辆车都没买吗？")
    assert answer.verdict == "yes" and answer.figures[0].label == "公务用车购置费"
    bought = engine.ask("阳泉民政局24年公车也没买吗？")
    assert bought.figures[0].label == "公务用车购置费" and bought.figures[0].value == "0"
