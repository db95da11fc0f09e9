"""The 科目 tree a table prints, read from its rows' codes (qa/routes/tree.py)."""
import pytest

from qa.model import ANSWERED
from qa.routes.tree import tree_asked
from qa.understand import QueryPlan


def test_the_parents_of_a_subject_are_its_own_kuan_and_lei(engine):
    answer = engine.ask("临汾民政局的城乡医疗救助是哪个大类下面的")
    assert answer.status == ANSWERED and not answer.figures
    assert "“卫生健康支出”（210，类）" in answer.answer and "“医疗救助”（21013，款）" in answer.answer
    assert [c.row_code for c in answer.citations][:1] == ["2101301"]


def test_what_is_printed_under_a_kuan_is_its_breakdown(engine):
    """"社会福利下面有哪些项": the 项 under it, largest first, from the spending table (not the
    income table printing the same codes)."""
    answer = engine.ask("阳泉民政局24年社会福利下面有哪些项")
    assert answer.status == ANSWERED and "支出决算表" in answer.answer
    assert (answer.figures[0].value, answer.citations[0].row_code) == ("2749.67", "2081006")
    assert all(name in answer.answer for name in ("社会福利事业单位", "殡葬", "老年福利", "儿童福利"))


def test_the_count_under_a_kuan_cites_it_then_each_row(engine):
    answer = engine.ask("阳泉民政局24年社会福利下面列了几个项")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("5", "个")
    assert [c.row_code for c in answer.citations] == ["20810", "2081001", "2081002", "2081004", "2081005", "2081006"]
    assert "养老服务（2081006）2749.67万元" in answer.answer  # the spending table's cell, not the income table's


def test_the_count_under_a_lei_is_the_level_asked(engine):
    answer = engine.ask("临汾民政局19年支出表里，社会保障和就业支出下面分了几个款")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("4", "个")
    assert answer.citations[0].row_code == "208"
    assert all(len(c.row_code) == 5 and c.row_code.startswith("208") for c in answer.citations[1:])


def test_a_subjects_code_is_told(engine):
    answer = engine.ask("阳泉民政局24年养老服务的科目编码是多少")
    assert "科目编码是2081006" in answer.answer and answer.citations[0].row_code == "2081006"


def test_a_figure_asked_beside_the_code_is_given_too(engine):
    answer = engine.ask("阳泉民政局24年养老服务是多少？对应的科目编码是几？")
    assert "科目编码是2081006" in answer.answer and (answer.figures[0].value, answer.figures[0].unit) == ("2749.67", "万元")
    assert not engine.ask("阳泉民政局24年养老服务的科目编码是多少").figures  # (a code asked alone: no amount heads it)


@pytest.mark.parametrize("question, asked", [
    ("阳泉民政局24年支出最多的是哪一类", ""),  # a ranking by level asks no parent
    ("阳泉民政局下面有哪些单位", ""),  # bodies, not 科目
    ("行政运行是挂在哪个款下面的", "parent"),
    ("社会福利下面都有哪些项", ""),  # (a listing: the breakdown route)
    ("政协事务这个款下面列了几个项", "children"),
    ("养老服务对应什么科目编码", "code"),
    ("阳泉民政局24年三公经费多少", ""),
])
def test_what_of_the_tree_is_asked(question, asked):
    operation = "rank" if "最多" in question else "value"
    assert tree_asked(QueryPlan(text=question, typed=question, operation=operation)) == asked


def test_an_amount_asked_of_the_parent_pointed_at_heads_the_answer(engine):
    """"是哪个款下面的？那个款一共支出多少": the 款's figure; "属于哪一类？…安排了多少" with no
    pointer: the 科目's own."""
    answer = engine.ask("阳泉民政局的“养老服务”是哪个款下面的？那个款24年一共支出多少")
    assert (answer.figures[0].value, answer.citations[0].row_code) == ("6511.85", "20810")
    answer = engine.ask("养老服务属于哪一类支出？阳泉民政局2024年养老服务支出多少？")
    assert (answer.figures[0].value, answer.citations[0].row_code) == ("2749.67", "2081006")


def test_it_asked_where_in_the_tree_is_the_item_asked_before(engine):
    answer = engine.ask("它是哪个款里的？那个款一共支出多少", ["阳泉民政局2024年养老服务花了多少"])
    assert answer.figures[0].value == "6511.85" and "“社会福利”（20810，款）" in answer.answer


def test_the_items_under_an_economic_lei_are_its_kuan_whatever_level_is_said(pdf_engine):
    """"经济分类301下面有几项": the 经济分类 has no 项 level; its 款 (30101 …) are the items, 9 of them
    in 江苏政协's 2019 基本支出 table."""
    answer = pdf_engine.ask("省政协19年经济分类301下面有几项")
    assert answer.figures[0].value == "9" and "30199" in answer.answer
