"""Rankings and breakdowns read from a table's structure (qa/routes/structure.py), on generated
disclosures whose figures are known."""
from __future__ import annotations

import pytest

from qa.model import ANSWERED
from pdf_fixtures import OUTLINE_FIRST_PAGE, OUTLINE_NEXT_PAGE, outline_procurement_pdf

# the same project (信息化运维经费) buys goods and services: its lines are summed (200 + 250)
SERVICES_PAGE = [["三、服务C", "", "", "", "", "1,450.00"], *OUTLINE_NEXT_PAGE[1:],
                 ["", "信息化运维经费", "委托业务费", "", "", "250.00"],
                 ["", "", "", "运行维护服务", "分散自行组织", "250.00"]]


@pytest.fixture(scope="module")
def procurement_engine(tmp_path_factory):
    from ingest.pipeline import ingest_paths
    from qa.engine import QAEngine

    folder = tmp_path_factory.mktemp("procurement")
    first = [["合计", "", "", "", "", "1,750.00"], *OUTLINE_FIRST_PAGE[1:]]
    path = outline_procurement_pdf(folder / "江苏省示例办公厅2017年部门预算公开表.pdf", (first, SERVICES_PAGE))
    store = folder / "store"
    assert not ingest_paths([path], store, jobs=1, progress=False, out=open("/dev/null", "w")).failed
    return QAEngine(store, llm=False)


def test_the_projects_a_procurement_table_buys_for_sum_each_projects_lines(procurement_engine):
    answer = procurement_engine.ask("示例办公厅17年政府采购里哪个专项花钱最多？")
    assert [f.value for f in answer.figures] == ["1200.00"] and "会议费" in answer.answer, answer.answer
    second = procurement_engine.ask("示例办公厅17年政府采购里哪个专项第二多？")
    assert [f.value for f in second.figures] == ["450.00"] and "信息化运维经费" in second.answer, second.answer


def test_the_projects_under_one_numbered_line_are_its_own(procurement_engine):
    answer = procurement_engine.ask("示例办公厅17年政府采购服务主要是哪几个专项？")
    assert "会议费1200.00万元" in answer.answer and "信息化运维经费250.00万元" in answer.answer, answer.answer
    assert "办公设备购置费" not in answer.answer  # (goods only)


def test_a_ranking_within_a_part_named_before_the_asking_word_is_within_it(procurement_engine):
    """"货物里…哪样采购物品": the goods' items, never the parts of all 政府采购 (服务C)."""
    answer = procurement_engine.ask("示例办公厅2017年政府采购货物里，预算最多的是哪样采购物品？")
    assert [f.value for f in answer.figures] == ["150.00"] and "台式计算机" in answer.answer, answer.answer


def test_spending_ranked_by_what_it_buys_when_the_economic_classification_is_said(engine):
    """"按经济分类的支出里，不是0的最小一项": the 经济分类 table's 款 (其他社会保障缴费 3433.12元), not the
    功能分类 项 of the spending table."""
    answer = engine.ask("临汾民政局19年按经济分类的支出里，不是0的最小一项是什么？多少钱？")
    assert answer.figures[0].value == "3433.12" and "其他社会保障缴费" in answer.answer


@pytest.mark.parametrize("question, standing", [
    # the 科目 placed is one of the parts ranked, at the level said, not the whole broken down
    ("临汾市民政局2019年的支出按“款”来分，医疗救助排第几？", ("598840.56", None, "排第三")),
    # placed within the whole said beside it (its parent), not among its own parts nor the whole's name
    ("临汾市民政局2019年城乡医疗救助在医疗救助下面的几个项里排第几？", ("598840.56", None, "排第一")),
    # placed within a fund said by its everyday word (一般公共预算支出, whose 一般公共预算 is no row of its own)
    ("阳泉民政局24年社会保障和就业支出在一般公共预算支出里排第几", ("3897.62", None, "排第一")),
    # a 类 named by its own name, though an alias of its words names the one 款 under it (住房改革支出)
    ("阳泉市民政局2024年一般公共预算支出里住房保障支出排第几", ("71.27", None, "排第二")),
    # the first place put up, said of the item first and the whole after
    ("阳泉市民政局2024年的公务用车运行维护费是三公经费里面最多的吗？", ("12.02", "yes", "是")),
    ("阳泉市民政局2024年的三公经费里，公务用车运行维护费是花得最多的一项吗？", ("12.02", "yes", "是")),
    # the first few said as the items they are, and the first place guessed with 应该…吧
    ("临汾市民政局2019年商品和服务支出里，花钱前五的项目有没有办公费？", ("63132.5", "no", "排第六")),
    ("阳泉市民政局2024年工资福利支出里，基本工资应该是排第一的吧？它具体是多少钱？", ("247.44", "yes", "是")),
    # a large part asked with no bound said: its place among the whole's parts, no verdict
    ("阳泉市民政局2024年财政拨款基本支出的商品和服务支出里，办公费算大头吗？", ("21.29", None, "排第二")),
    # a place other than the first put up: yes or no by the item's own place, the item at that place named
    ("阳泉民政局24年一般公共预算财政拨款支出里，住房保障支出在各类支出中排第二吗？", ("71.27", "yes", "是，它排第二")),
    ("阳泉民政局24年社会保障和就业支出是第二多的吗？", ("7526.75", "no", "不是，它排第一，排第二的是其他支出")),
])
def test_a_named_items_place(engine, question, standing):
    answer = engine.ask(question)
    value, verdict, said = standing
    assert value in [f.value for f in answer.figures] and answer.verdict == verdict and said in answer.answer, answer.answer


def test_what_is_left_once_a_part_is_set_aside_broken_down(engine):
    """"除了财政拨款以外，剩下的都是些什么": the whole's other parts ("剩下的" names no 结转结余)."""
    answer = engine.ask("阳泉市民政局2024年的收入，除了财政拨款以外，剩下的都是些什么？")
    assert [i.label for i in answer.items][:2] == ["其他收入", "经营收入"] and answer.figures[0].value == "2504.93", answer.answer


def test_listed_choices_are_ranked_in_the_fund_said_first(engine):
    """"一般公共预算拨款里，花钱最多的项级科目是哪个？A. 殡葬 B. 社会福利事业单位 C. 养老服务": each
    read in the general budget's table (养老服务 1470.12), not all funds (2749.67), though the fund
    is read as its income."""
    answer = engine.ask("阳泉市民政局2024年一般公共预算拨款里，花钱最多的项级科目是哪个？A. 殡葬 B. 社会福利事业单位 C. 养老服务")
    assert answer.figures[0].value == "1470.12" and "选项C" in answer.answer


def test_an_income_total_is_never_broken_down_by_what_is_spent(engine):
    """"收入总计是由哪几块加起来的": no spending by 类 (社会保障和就业支出 7526.75) for an income total;
    its sentence quoted instead. Its generic word ("预算里哪个科目最多") still asks of the spending."""
    answer = engine.ask("阳泉市民政局2024年收入总计是由哪几块加起来的？")
    assert "社会保障和就业支出" not in answer.answer and "7526.75" not in answer.answer, answer.answer


def test_a_total_without_a_code_against_the_sum_of_its_parts(engine):
    """"支出各类加起来，跟本年支出合计一样吗？差多少": the 类 of the spending add to 8406.86, the total
    printed is 8406.85 — not equal, by 0.01 (rounding), the gap leading as asked."""
    answer = engine.ask("阳泉民政局2024年支出那边各类加起来，跟本年支出合计一样吗？差多少？")
    assert answer.verdict == "no" and (answer.figures[0].value, answer.figures[0].unit) == ("0.01", "万元"), answer.answer
    assert "8406.86" in answer.answer


def test_the_items_inside_a_span_are_listed_or_counted(engine):
    """"在100万到1000万之间的有哪几项": the 项 between the two amounts (654.72 … 112.34), none outside."""
    listed = engine.ask("阳泉民政局24年支出在100万到1000万之间的有哪几项？")
    assert listed.figures[0].value == "654.72" and "在100万元到1000万元之间的有6项" in listed.answer
    assert "7526.75" not in listed.answer
    counted = engine.ask("阳泉民政局24年支出在100万到1000万之间的有几项？")
    assert counted.figures[0].value == "6"


def test_a_place_asked_in_a_breakdown_heads_with_the_part_at_that_place(engine):
    """"按来源分，排第二的是哪一块": the second of the breakdown's parts, not its largest."""
    answer = engine.ask("阳泉民政局24年的收入，按来源分，排第二的是哪一块？多少钱？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("2504.93", "万元"), answer.answer
    assert "第二多的是其他收入" in answer.answer


def test_rows_asked_to_print_two_figures_are_ranked_by_the_column_the_ranking_names(engine):
    """"既有项目支出又有经营支出的项级科目里，哪个的经营支出最多": only the 项 printing both (殡葬,
    社会福利事业单位), ranked by 经营支出 — not every 项 ranked by the 项目支出 said first."""
    answer = engine.ask("阳泉民政局24年那些既有项目支出又有经营支出的项级科目里，哪个的经营支出最多？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("574.39", "万元"), answer.answer
    assert [i.label for i in answer.items] == ["殡葬", "社会福利事业单位"]


@pytest.mark.parametrize("question, verdict, place", [
    ("阳泉民政局24年住房保障支出在各类支出里算不算前三？", "yes", "排第三"),
    ("临汾民政局19年卫生健康支出是不是各类支出里第二多的？", "yes", "排第二"),
])
def test_whether_an_item_stands_among_the_first_few_or_at_a_place(engine, question, verdict, place):
    a = engine.ask(question)
    assert a.verdict == verdict and place in a.figures[0].label


def test_an_average_over_years_not_all_held_is_refused_not_one_years_figure(engine):
    a = engine.ask("阳泉民政局22年到24年三公经费平均每年多少")
    assert a.status != ANSWERED and not a.figures and "2022年、2023年" in a.answer


def test_zero_items_counted_at_the_level_said_in_a_column_of_the_table_named(pdf_engine):
    """万里街道 2023 部门支出预算总表: 201, 204, 206 and 207 print 0 under 基本支出."""
    found = pdf_engine.ask("万里街道23年支出总表里，基本支出是0的大类有几个？")
    assert found.figures[0].value == "4"
    assert {c.row_code for c in found.citations} == {"201", "204", "206", "207"}


def test_where_a_whole_went_and_which_parts_are_zero(pdf_engine):
    """福利院 2024 三公经费: only 运行费 6.4万元 is spent; 因公出国, 购置费, 公务接待费 are 0."""
    found = pdf_engine.ask("福利院24年三公经费都花在哪了？哪几项是零？")
    assert found.figures[0].value == "6.4" and "不为零的：运行费6.4万元" in found.answer
    assert "因公出国(境)费、购置费、公务接待费" in found.answer


def test_items_with_none_in_a_column_counted_at_the_level_said(engine):
    """临汾 19 公开03表, 项: 行政运行, 归口管理的行政单位离退休, 基本养老保险缴费 and 住房公积金 print no 项目支出."""
    found = engine.ask("临汾民政局19年支出决算表里，最细一级（项）哪些科目没有项目支出？一共几个")
    assert found.figures[0].value == "4" and found.figures[0].unit == "个"


def test_a_class_of_spending_inside_a_funds_money_is_a_share_of_its_spending(engine):
    """阳泉 24 公开05表: 社会保障和就业支出 3897.62 of 一般公共预算财政拨款支出 4004.92 (not its income 3946.60)."""
    assert engine.ask("阳泉民政局24年一般公共预算拨款里，社保就业这一类占多少？").figures[0].value == "97.32"


def test_two_items_said_nearly_as_much_are_the_ones_printing_the_same_amount(pdf_engine):
    found = pdf_engine.ask("省委办公厅18年基本支出里有没有差不多一样多的两项？")
    assert found.verdict == "yes" and {c.row_code for c in found.citations} == {"30213", "30215"}


def test_a_ranking_by_share_with_the_share_asked_heads_the_share(engine):
    """"哪个款占比最高，占总支出百分之多少": 社会福利's 77.46%; ranked by amount ("哪一类支出最多？大概占
    几成") the amount heads."""
    answer = engine.ask("阳泉民政局24年支出里哪个款占比最高，占总支出百分之多少")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("77.46", "%")
    answer = engine.ask("阳泉民政局24年支出里哪个款最多？大概占几成")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("6511.85", "万元")


@pytest.mark.parametrize("level, first", [("一款", "红十字事业"), ("一项", "其他行政事业单位养老支出")])
def test_the_level_said_after_a_superlative_is_ranked(pdf_engine, level, first):
    """"社会保障和就业这一类里最少的一款": its 款 (红十字事业 44,400元), not its 项."""
    answer = pdf_engine.ask(f"万里街道24年社会保障和就业这一类里最少的{level}是哪个")
    assert first in answer.figures[0].label


def test_blanks_set_aside_leave_a_ranking_as_it_is(engine):
    """"倒数第二的是哪个，空着没花的不算": a ranking from the bottom starts at the least spent (水费 0.49)."""
    answer = engine.ask("阳泉民政局24年商品和服务支出里倒数第二的是哪个，空着没花的不算")
    assert answer.figures[0].value == "0.49" and "水费" in answer.figures[0].label


def test_items_near_an_amount_are_those_within_a_tenth_of_it(pdf_engine):
    """"五十万上下的是哪几项": the 基本支出 items between 45万元 and 55万元 (水费, 会议费, both 50.00), the span said."""
    answer = pdf_engine.ask("省委办公厅17年基本支出里五十万上下的是哪几项？")
    assert "在45万元到55万元之间" in answer.answer and {i.value for i in answer.items} == {"50.00"} and len(answer.items) == 2


def test_each_parts_share_inside_a_whole_is_its_breakdown(engine):
    """"对个人和家庭的补助里，各项各占几成": its 款 with their shares (离休费 30.87% first), never one stated
    figure over the table's whole."""
    answer = engine.ask("临汾民政局19年对个人和家庭的补助里，各项各占几成？")
    assert answer.figures[0].value == "221740" and "（30.87%）" in answer.answer
