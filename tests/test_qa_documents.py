"""Which documents a question is about (qa/documents.py, and the rankings across them in qa/engine.py)."""
from qa.model import ANSWERED, NOT_FOUND, UNCLEAR


def test_a_ranking_of_no_named_department_asks_which(engine):
    answer = engine.ask("301工资福利支出下面，哪个款金额最大")
    assert answer.status == UNCLEAR and "哪个部门" in answer.answer and not answer.figures


def test_a_whole_population_of_bodies_is_more_than_the_store_holds(engine):
    """"全省所有单位里谁最多": the documents held are shown, none named the largest of all."""
    answer = engine.ask("全省所有单位里谁的三公经费最多")
    assert answer.status == NOT_FOUND and not answer.figures and "阳泉市民政局" in answer.answer


def test_two_bodies_ranked_with_how_much_more(engine):
    answer = engine.ask("阳泉民政局和临汾民政局，谁的三公经费多？多多少")
    assert answer.status == ANSWERED and any(f.value in ("9.17", "91747.18") for f in answer.figures)


def test_a_unit_under_the_department_asked_for_its_own_figure(engine):
    """"阳泉市社会福利院的支出": a body under the department, never printed apart (not its 社会福利 row)."""
    answer = engine.ask("阳泉民政局2024年阳泉市社会福利院的支出是多少")
    assert answer.status == NOT_FOUND and not answer.figures and "下属单位" in answer.answer


def test_a_body_not_on_file_added_to_one_that_is_is_refused(engine):
    """"阳泉民政局和太原市民政局…加起来": one side of the sum is not held, so no sum (not 阳泉's figure
    alone); a body that is no department ("跟全委会、常委会有关的") is no side of a sum."""
    answer = engine.ask("阳泉民政局和太原市民政局24年的三公经费加起来是多少？")
    assert answer.status == NOT_FOUND and not answer.figures and "太原" in answer.answer and "相加" in answer.answer
    from qa.engine import BODY_JOINED_RE
    assert [m.group("body") for m in BODY_JOINED_RE.finditer("阳泉民政局和太原市民政局24年")] == ["太原市民政局"]
    assert not BODY_JOINED_RE.search("政府采购里跟全委会、常委会有关的都列出来")


def test_a_year_said_of_one_side_of_a_comparison_is_not_asked_of_the_other(engine):
    """"阳泉民政局24年和临汾民政局比": 2024 is 阳泉's; 临汾 is read in the year it holds (2019)."""
    answer = engine.ask("阳泉民政局2024年和临汾民政局比，谁的三公经费多？")
    assert answer.status == ANSWERED and "临汾市民政局2019年" in answer.answer


def test_each_bodys_figure_asked_is_answered_and_all_of_them_checked(engine):
    """"两家的公务接待费各是多少": each one's figure is the answer (no asking which one is meant);
    "是不是两家都一分钱…没花": yes where each is nothing."""
    each = engine.ask("阳泉民政局24年和临汾民政局19年的公务接待费各是多少？")
    assert each.status == ANSWERED and [f.value for f in each.figures] == ["0", "0"] and "请说明" not in each.answer
    both = engine.ask("阳泉民政局24年和临汾民政局19年，是不是两家都一分钱公务接待费没花？")
    assert both.verdict == "yes" and both.answer.startswith("是。")
