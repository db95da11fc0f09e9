"""Shares and multiples said in everyday money ("每100块钱里有多少是…", "十块钱里有几块是…",
"基本支出每花1块钱，项目支出对应花几块"): read as a share or multiple, said per that many yuan."""
from qa.routes.per_yuan import per_yuan


def test_a_share_said_per_hundred_or_ten_yuan_is_asked_as_a_share():
    asked = per_yuan("阳泉民政局24年的收入，每100块钱里有多少是财政拨款给的？")
    assert asked.plain == "阳泉民政局24年的收入，有百分之多少是财政拨款给的？" and asked.base == 100
    asked = per_yuan("临汾民政局2019年花出去的钱，每十块里有几块是人员经费？")
    assert asked.plain == "临汾民政局2019年花出去的钱，有百分之多少是人员经费？" and asked.base == 10
    asked = per_yuan("江苏政协2018年财政拨款基本支出，十块钱里有几块是人员经费？")
    assert asked.plain == "江苏政协2018年财政拨款基本支出，有百分之多少是人员经费？" and asked.base == 10
    # (money spent: the whole is the spending)
    assert per_yuan("江苏政协2019年预算，每花100块钱大概有多少用在住房保障上？").plain == \
        "江苏政协2019年预算，支出有百分之多少用在住房保障上？"


def test_one_figure_per_yuan_of_another_is_a_multiple():
    asked = per_yuan("阳泉民政局24年的支出，基本支出每花1块钱，项目支出对应花几块？")
    assert asked.plain == "阳泉民政局24年的支出，项目支出是基本支出的几倍？" and asked.multiple


def test_money_said_otherwise_is_no_share():
    assert per_yuan("阳泉民政局24年三公经费多少") is None
    assert per_yuan("每个月花100块钱有多少是") is None  # (a sum of money, not a base)
    assert per_yuan("他们花了100块钱有多少是") is None


def test_the_share_is_said_per_that_many_yuan_with_its_cells_cited(engine):
    found = engine.ask("阳泉民政局24年的支出，每100块钱里有多少是项目支出？")
    assert (found.figures[0].value, found.figures[0].unit) == ("73.48", "元") and found.figures[0].derived
    assert found.citations
    found = engine.ask("阳泉民政局24年的支出，基本支出每花1块钱，项目支出对应花几块？")
    assert (found.figures[0].value, found.figures[0].unit) == ("5.63", "元")


def test_no_share_found_gives_no_figure_of_the_part_alone(engine):
    found = engine.ask("阳泉民政局24年每花100块钱有多少用在买飞机上")
    assert not found.figures


def test_the_spending_said_first_is_no_third_figure_of_a_multiple(engine):
    found = engine.ask("阳泉民政局24年的支出，项目支出是基本支出的几倍？")
    assert (found.figures[0].value, found.figures[0].unit) == ("5.63", "倍")


def test_one_body_per_hundred_yuan_of_another_is_worked_from_the_two_figures():
    asked = per_yuan("江苏省委办和江苏政协19年的三公经费，政协每花100块，省委办大概花多少？")
    assert asked.plain == "江苏省委办和江苏政协19年的三公经费，省委办是政协的几倍？" and (asked.base, asked.multiple) == (100, True)
