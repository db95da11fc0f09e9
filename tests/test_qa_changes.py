"""Which item changed most on the year before (qa/routes/changes.py): by amount or by rate, as
the question says it; from the changes the narrative states where one year is on file; said to be
unworkable, never answered with the largest item."""
from __future__ import annotations

from qa.model import NOT_FOUND
from qa.routes.changes import EVERY_CHANGED_RE


def test_a_cut_asked_in_everyday_words_ranks_the_changes_not_the_levels(engine):
    """"按类看哪一类比上年砍得最多": the 类 whose stated change is the largest fall (社会保障和就业
    −4234.54), not the largest 类 (3897.62)."""
    answer = engine.ask("阳泉民政局24年一般公共预算拨款的支出，按类看哪一类比上年砍得最多（按金额算）？")
    assert answer.figures[0].value == "4234.54" and "社会保障和就业支出" in answer.answer


def test_a_fall_asked_by_rate_ranks_the_rates_a_part_spent_down_to_nothing_included(engine):
    """"三公经费里哪一项比上年降的百分比最大": 公务接待费 (0.03 → 0, 下降100%) beats 公务用车运行
    维护费 (−1.14, 8.66%), the larger fall by amount; the parts said to be unchanged rank with no rate."""
    answer = engine.ask("阳泉民政局24年三公经费里，哪一项比上年降的百分比最大？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("100", "%")
    assert "公务接待费" in answer.answer.split("。")[0]


def test_an_item_the_next_sentence_says_unchanged_ranks_at_nothing(engine):
    """临汾 "一般公共服务支出…支出决算0.96万元…。较2018年决算基本无变动": the ranking of the 类 is
    workable, 社会保障和就业支出 fell most (−209.21)."""
    answer = engine.ask("临汾民政局19年各类支出跟18年比，哪一类减得最多？")
    assert answer.figures[0].value == "209.21" and "社会保障和就业支出" in answer.answer.split("。")[0]
    assert "一般公共服务支出（与上年相比无变动）" in answer.answer


def test_a_change_ranking_that_cannot_be_worked_is_said_so(engine):
    """Every 项 of 阳泉's spending has no stated change on 2023 and no 2023 document is on file:
    no figure, never the largest 项 instead."""
    answer = engine.ask("阳泉民政局24年哪一项支出比上年涨幅最大")
    assert answer.status == NOT_FOUND and not answer.figures


def test_an_item_whose_figures_disagree_is_weighed_against_the_top_not_the_first_listed(engine):
    """Three items as a narrative lists them: A +10万元, B +50万元, and C whose year is printed as both
    30 and 60 against 20 the year before (+10 or +40). B ranks first, and no reading of C beats it,
    so C is named and left out — the first item listed (A) is not the bar it is held to."""
    from core.model import Document, StatedFact
    from qa.routes.changes import Asked, _stated_ranked
    from qa.understand import understand

    def fact(subject, qualifier, value, year=None):
        return StatedFact(subject, qualifier, f"{value:.2f}", value, "万元", f"{subject}{qualifier}{value}", -1, year=year)

    doc = Document("d", "d.txt", "", "某局", 2024, "决算", "部门", "", None)
    items = [("A", [fact("A", "", 110.0), fact("A", "比上年增加", 10.0)], True),
             ("B", [fact("B", "", 150.0), fact("B", "比上年增加", 50.0)], True),
             ("C", [fact("C", "", 30.0), fact("C", "", 20.0, 2023), fact("C", "", 60.0, 2024)], True)]
    found = _stated_ranked(understand("阳泉民政局24年哪一项比上年增加最多", engine.lib), doc, Asked(1, False), items)
    assert found is not None and found.figures[0].value == "50.00" and "B" in found.answer.split("。")[0]
    assert any(n.startswith("C：") for n in found.notes)


def test_new_items_asked_with_no_year_before_on_file_are_said_unworkable(engine):
    """Only 阳泉's 2024 决算 is on file: what 2024 added on 2023 cannot be listed, no figure given."""
    answer = engine.ask("阳泉市民政局2024年比2023年新增了哪些支出科目？")
    assert answer.status == NOT_FOUND and not answer.figures and "2023年" in answer.answer


def test_new_items_are_asked_by_what_one_year_has_and_the_other_has_not():
    """The cue reads 科目 new on a year, not new projects, vehicles or 新增资产."""
    from core.vocab import has_cue
    assert all(has_cue("new_items", q) for q in ["是不是多了一项2023年没有的教育支出", "哪些项是2017年没有、2018年新增的",
                                                 "新增了哪些支出科目", "去年没有、今年才有的支出有哪些"])
    assert not any(has_cue("new_items", q) for q in ["新增了哪些项目", "新增了几辆车", "新增资产多少"])


def test_every_item_claimed_to_have_fallen_is_checked_item_by_item(engine):
    """"不会每一项都比上年少了吧": 阳泉's narrative states each 三公 item's change; two stayed level,
    so not every item fell (the asker's doubt is right), each item's change listed."""
    answer = engine.ask("阳泉民政局24年的三公经费，不会每一项都比上年少了吧？")
    assert answer.verdict == "yes" and answer.answer.startswith("对")
    assert "因公出国（境）费、公务用车购置费没有减少" in answer.answer and "公务接待费（减少0.03万元" in answer.answer
    assert EVERY_CHANGED_RE.search("三公经费，难道每一项都比上年压减了？")
    assert not EVERY_CHANGED_RE.search("三公经费比上年压减了吗")  # (the whole's change: yesno.py)


def test_a_part_that_fell_to_nothing_is_found_among_the_stated_changes(engine):
    """"有没有哪一项是23年还有、24年一分没花的": 公务接待费 fell by 0.03万元, 100% — yes, that one; never
    the whole's 12.02 checked against "一分没花"."""
    answer = engine.ask("阳泉民政局的三公经费里，有没有哪一项是23年还有、24年一分没花的？")
    assert answer.verdict == "yes" and answer.figures[0].value == "0.03" and "公务接待费" in answer.answer


def test_how_many_parts_moved_one_way_is_counted_and_each_listed(pdf_engine):
    """"项级科目有几项比23年少了": the count heads (never the whole's change), every part that fell
    listed with its change; "哪几项比23年少了" lists them without a count."""
    counted = pdf_engine.ask("万里街道24年项级科目有几项比23年少了？")
    assert [f.unit for f in counted.figures] == ["项"]
    assert int(counted.figures[0].value) == len(counted.items) > 1
    assert all(float(i.value) < 0 for i in counted.items)
    listed = pdf_engine.ask("万里街道24年哪几项比23年少了？")
    assert not any(f.unit == "项" for f in listed.figures) and len(listed.items) == len(counted.items)


def test_a_change_the_document_says_is_level_with_the_year_before(pdf_engine):
    """区府办 2025 (no 2024 document held): "2025年“三公”经费预算数为867.50万元，与2024年预算持平"."""
    found = pdf_engine.ask("区府办25年三公经费跟24年比多了还是少了？")
    assert found.answer.startswith("持平。") and [f.value for f in found.figures] == ["867.50", "0"]  # (the way asked)
    assert "与2024年预算持平" in found.citations[0].quote
    assert pdf_engine.ask("区府办25年三公经费比24年多了多少？").figures[0].value == "0"  # (the amount asked)


def test_which_way_a_figure_moved_over_three_years_gives_each_year_and_step(pdf_engine):
    """万里街道 三公经费: 22.91 (2023), 47.91 (2024), 37.91 (2025) 万元: up, then down."""
    found = pdf_engine.ask("万里街道23、24、25三年三公经费是涨了还是跌了？")
    assert [f.value for f in found.figures] == ["22.91", "47.91", "37.91"]
    assert "2024年比2023年增加25.00万元" in found.answer and "2025年比2024年减少10.00万元" in found.answer


def test_a_changes_rate_asked_by_the_accountants_name(engine):
    """"同比增幅多少": the 增长率 the narrative states (阳泉 24 卫生健康支出 "较上年决算增加3.92万元，增长12.63%")."""
    found = engine.ask("阳泉民政局24年卫生健康支出同比增幅多少？")
    assert (found.figures[0].value, found.figures[0].unit) == ("12.63", "%")


def test_a_stated_rate_of_the_subject_spelt_in_full_and_not_of_the_shorter_concept(engine):
    """临汾 19 states 财政拨款支出总计 下降23.97% and 财政拨款支出 下降23.39%: each is the one its words name."""
    assert engine.ask("临汾民政局19年财政拨款支出总计较上年降幅多少？").figures[0].value == "23.97"
    assert engine.ask("临汾民政局19年财政拨款支出较上年降幅多少？").figures[0].value == "23.39"
