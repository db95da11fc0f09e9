"""Questions that ask two things in turn (qa/routes/composed.py), on the samples: a yes or no on a
change then its reason, a change then its reason as a follow-up, a figure asked after a why."""
from __future__ import annotations


def test_a_yes_or_no_on_a_change_then_why_heads_the_change_and_cites_the_reason_first(engine):
    a = engine.ask("阳泉民政局24年收入难道不是比上年涨了？怎么回事")
    assert a.verdict == "no" and a.answer.startswith("不是。")
    assert a.figures[0].value == "14279.38" and a.figures[0].unit == "万元"
    assert "殡仪馆迁建" in a.answer and "殡仪馆迁建" in a.citations[0].quote  # the sentence stating this change's reason


def test_a_yes_or_no_of_something_other_than_a_change_is_not_answered_as_one(engine):
    # "涨了…，是不是乱花钱": the yes or no is a complaint, not whether it rose
    a = engine.ask("阳泉民政局24年机关运行经费涨了4万多，是不是乱花钱？文件怎么解释的")
    assert not a.answer.startswith(("是。", "不是。"))


def test_a_change_asked_in_a_follow_up_with_why_is_the_change_of_the_earlier_figure(engine):
    a = engine.ask("比上年少了多少？文件里说为什么降这么多", ["阳泉民政局24年收入总计是多少？"])
    assert a.figures[0].value == "14279.38" and "殡仪馆迁建" in a.answer


def test_a_figure_asked_after_a_why_is_a_figure(engine):
    # "那这一类…又是多少" after "为什么…少了": its own 多少 asks the figure, not the reason again
    a = engine.ask("那这一类决算数又是多少？", ["阳泉民政局24年社会保障和就业支出为什么比上年少了？"])
    assert a.figures and a.figures[0].value == "7526.75" and a.citations[0].table_title


def test_a_rate_compared_as_a_yes_or_no_heads_the_first_ones_rate(engine):
    """"A的降幅是不是比B还大": each one's rate, the verdict, and A's rate as the figure (not the
    faster one's, which answers "哪个降得快"); never the two amounts set against each other."""
    a = engine.ask("阳泉民政局24年三公经费降的幅度是不是比收入总计降得还大")
    assert a.verdict == "no" and a.answer.startswith("不是。")
    assert (a.figures[0].value, a.figures[0].unit) == ("8.87", "%")
    assert "收入总计降得更多" in a.answer


def test_two_bodies_rates_are_each_read_in_the_year_asked_of_it(engine):
    a = engine.ask("阳泉民政局24年和临汾民政局19年，谁的三公经费比上年降得更厉害")
    assert (a.figures[0].value, a.figures[0].unit) == ("40.13", "%")
    assert "临汾市民政局三公经费降得更多" in a.answer
