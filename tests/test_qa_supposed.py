"""What-ifs on a part of a printed whole (qa/routes/supposed.py): the part and the whole each
cited, the whole worked with the asker's change, said to be the asker's supposition."""
from __future__ import annotations

from qa.routes.supposed import supposed


def test_the_change_and_the_whole_asked_are_read():
    what = supposed("阳泉民政局24年政府采购里服务那块如果压减20%，采购总额会变成多少")
    assert (what.part, what.whole, what.factor) == ("阳泉民政局24年政府采购里服务那块是多少？", "采购总额是多少？", -0.2)
    assert supposed("区政府办25年因公出国费要是砍掉一半，三公经费合计会变成多少").factor == -0.5
    assert supposed("万里街道25年公务用车购置费要是不花了，三公经费合计还剩多少").factor == -1.0
    told = supposed("临汾民政局19年彩票公益金那8.5万要是当年都花掉了，本年支出合计会变成多少")
    assert (told.factor, told.told) == (1.0, 85000.0)
    # one figure grown or cut, no whole asked after it: not this route's
    assert supposed("省委办公厅17年三公经费要是再压减10%，是多少") is None
    assert supposed("阳泉民政局24年三公经费多少") is None
    # a part taken out is a what-if where what is left is asked, not where another figure is named
    assert supposed("要是把里面买车的钱去掉，还剩多少？").factor == -1.0
    assert supposed("万里街道24年支出预算里，把基本支出去掉，项目支出有多少？") is None


def test_a_whole_worked_with_its_parts_change(engine):
    answer = engine.ask("阳泉民政局24年政府采购里服务那块如果压减20%，采购总额会变成多少")
    assert (answer.figures[0].value, answer.figures[0].derived) == ("623.10", True)
    assert [c.cell for c in answer.citations[:2]] == ["755.08", "659.90"] and "假设" in answer.answer
    told = engine.ask("临汾民政局19年彩票公益金那8.5万要是当年都花掉了，本年支出合计会变成多少")
    assert told.figures[0].value == "5111731.11" and "你给出的8.5万" in told.answer


def test_a_forecast_is_declined(engine):
    for question in ("阳泉民政局24年三公经费12.02万，照这个数推，2026年大概会花多少", "阳泉民政局明年三公经费大概会花多少"):
        answer = engine.ask(question)
        assert answer.status == "not_found" and not answer.figures and "不作预测" in answer.answer


def test_more_things_supposed_is_declined(engine):
    """"如果…再添10辆公车，运行维护费要多花多少": a cost per vehicle as the count grows, printed nowhere."""
    answer = engine.ask("如果阳泉民政局2024年再添5辆公车，公务用车运行维护费要多花多少？")
    assert answer.status == "not_found" and not answer.figures and "不作推算" in answer.answer


def test_the_what_if_reads_the_cut_words_the_rankings_read():
    """One vocabulary of cutting (core/vocab intents.toml "cut"): "压缩" is a cut here too."""
    found = supposed("公务用车运行维护费要是压缩10%，三公经费合计会变成多少")
    assert found is not None and found.factor == -0.1


def test_a_part_said_as_not_bought_or_kept():
    """"如果…不买新车", "要是…不留…", "要是…没有…": that part dropped, the purchase keeping its verb."""
    assert supposed("如果万里街道2025年不买新车，三公经费还剩多少？").part == "万里街道2025年买新车是多少？"
    kept = supposed("要是省委办公厅2019年不留单位预留机动经费，支出预算总计还剩多少？")
    assert (kept.part, kept.factor) == ("省委办公厅2019年单位预留机动经费是多少？", -1.0)


def test_a_whole_put_up_as_a_claim_is_checked_against_the_result(engine):
    """"要是…没有经营支出，本年支出合计会不会降到8000万以下": 8406.85 − 1131.78 = 7275.07, under it."""
    answer = engine.ask("要是阳泉民政局2024年没有经营支出，本年支出合计会不会降到8000万以下？")
    assert (answer.figures[0].value, answer.verdict) == ("7275.07", "yes"), answer.answer
    higher = engine.ask("要是阳泉民政局2024年没有经营支出，本年支出合计还超过8000万吗？")
    assert (higher.figures[0].value, higher.verdict) == ("7275.07", "no"), higher.answer
