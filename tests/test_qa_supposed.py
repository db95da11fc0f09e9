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


def test_the_what_if_reads_the_cut_words_the_rankings_read():
    """One vocabulary of cutting (core/vocab intents.toml "cut"): "压缩" is a cut here too."""
    found = supposed("公务用车运行维护费要是压缩10%，三公经费合计会变成多少")
    assert found is not None and found.factor == -0.1
