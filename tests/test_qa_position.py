"""A cell pointed at by its place in the printed tables (qa/routes/position.py)."""
import pytest

from conftest import needs_shared
from qa.model import ANSWERED, NOT_FOUND
from qa.routes.position import points_at_cell


@pytest.mark.parametrize("question, row, column, value", [
    # by the printed number, counted from the end among the rows printing a figure
    ("阳泉民政局24年决算表三倒数第二行是多少钱", "彩票公益金安排的支出", "本年支出合计", "654.72"),
    ("阳泉民政局24年公开02表最后一行是多少", "用于社会福利的彩票公益金支出", "本年收入合计", "654.72"),
    # by the table's order in the document, from the top
    ("阳泉民政局24年第五张表第一行是什么", "合计", "本年支出/小计", "4004.92"),
    # a table named by its title, the total row and a column by its order
    ("临汾民政局19年支出决算表第2栏的合计是多少", "合计", "基本支出", "3567446.13"),
])
def test_the_cell_at_the_place_pointed_at(engine, question, row, column, value):
    answer = engine.ask(question)
    assert answer.status == ANSWERED
    assert (answer.citations[0].row, answer.citations[0].column, answer.figures[0].value) == (row, column, value)


def test_a_place_the_table_does_not_have_is_not_answered(engine):
    """The 100th row of a table of 43: nothing there, and nothing else answered for it."""
    answer = engine.ask("阳泉民政局24年表三第100行是多少")
    assert answer.status == NOT_FOUND and not answer.figures


def test_a_share_at_a_place_is_left_to_the_routes_that_compute_it(engine):
    """"第三张表合计那一行，项目支出占了百分之几": no printed cell is that share."""
    answer = engine.ask("阳泉民政局24年第三张表第一行，项目支出占了百分之几")
    assert not answer.figures or answer.figures[0].unit == "%"


def test_pointing_at_a_row_names_a_figure():
    assert points_at_cell("第五张表第一行是什么") and points_at_cell("表三倒数第二行")
    assert not points_at_cell("第五张表是什么表")


@needs_shared
def test_one_side_of_a_table_printing_income_beside_spending(pdf_engine):
    """"第一张表，支出那边第一行": the first row printing a figure under the 支出 columns."""
    answer = pdf_engine.ask("万里街道2024年预算第一张表，支出那边第一行是啥")
    assert (answer.citations[0].row, answer.figures[0].value) == ("一、一般公共服务支出", "2,932,700")
    named = pdf_engine.ask("万里街道23年部门预算，公开表8最后一行合计里，公用经费是多少？")
    assert named.figures[0].value == "15,381,432"


@pytest.fixture(scope="module")
def pdf_engine(tmp_path_factory):
    from conftest import SHARED_PDFS
    from ingest.pipeline import expand, ingest_paths
    from qa.engine import QAEngine

    store = tmp_path_factory.mktemp("pdfstore")
    paths = [p for p in expand([str(SHARED_PDFS)]) if "万里" in p.name]
    assert not ingest_paths(paths, store, jobs=2, progress=False, out=open("/dev/null", "w")).failed
    return QAEngine(store, llm=False)


@pytest.mark.parametrize("history, question, value, label", [
    (["阳泉市民政局2024年政府采购一共多少钱"], "按顺序念 第一项是多少", "95.18", "货物"),  # its group's lines
    (["阳泉民政局24年民政管理事务支出多少"], "按顺序读 第一项是多少", "177.97", "行政运行"),  # its 项, printed order
    (["阳泉民政局24年民政管理事务支出多少", "下面第一项行政运行是多少"], "第二项呢", "74.08", "一般行政管理事务"),
    (["阳泉民政局24年民政管理事务下面分了哪几项"], "那第二项是多少钱？", "74.08", "一般行政管理事务"),
])
def test_an_item_asked_by_its_place_in_the_list_read_out_before(engine, history, question, value, label):
    """A screen-reader user's "第一项", "第二项呢": the item at that place, in printed order, of the
    whole asked before, or of the list the item asked before is in."""
    answer = engine.ask(question, history)
    assert [f.value for f in answer.figures] == [value] and label in answer.answer, answer.answer


def test_a_place_past_the_end_of_the_list_is_said_so(engine):
    answer = engine.ask("第九项呢", ["阳泉民政局24年民政管理事务支出多少"])
    assert answer.status == "not_found" and not answer.figures and "只列了4项" in answer.answer


@pytest.mark.parametrize("question, value, label", [
    ("第二项呢", "654.72", "彩票公益金安排的支出"),  # not the 款 printed second under 社会福利's 类
    ("第三项的基本支出是多少", "395.07", "民政管理事务"),  # more asked of it: the item's name in its place
])
def test_a_place_of_the_ranking_read_out_before(engine, question, value, label):
    """"第二项呢" after a top three is the ranking's second, not the row printed second beside its first."""
    answer = engine.ask(question, ["阳泉市民政局2024年支出最多的三个款级科目是哪些"])
    assert [f.value for f in answer.figures] == [value] and label in answer.answer, answer.answer


def test_one_side_of_a_two_sided_summary_said_as_its_column(engine):
    """"收入支出决算总表，支出那一栏第一行": the first row of the 支出 side, not of the 收入 side."""
    a = engine.ask("阳泉民政局24年收入支出决算总表，支出那一栏第一行是什么？多少钱？")
    assert (a.figures[0].value, a.citations[0].column) == ("1.09", "支出/金额")


def test_a_table_the_document_does_not_have_is_said_so_never_another_figure(engine):
    a = engine.ask("阳泉民政局24年决算第十三张表的合计是多少？")
    assert a.status == NOT_FOUND and not a.figures and "共有10张表" in a.answer


def test_the_total_of_a_table_by_its_place(engine):
    a = engine.ask("阳泉民政局24年决算第九张表，“合计”那一格是多少？")
    assert a.figures[0].value == "12.02" and "三公" in a.citations[0].table_title
