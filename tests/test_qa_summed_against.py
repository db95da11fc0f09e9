"""Whether named parts add up to a named or told whole ("基本支出加项目支出等不等于合计",
"…加起来等不等于合计1656.86")."""
from qa.routes.summed_against import all_on, sum_against


def test_the_parts_and_the_whole_are_each_asked_where_the_question_says():
    asked = sum_against("万里街道23年支出预算总表，基本支出加项目支出等不等于合计？")
    assert asked.parts == "万里街道23年支出预算总表，基本支出加项目支出加起来一共多少"
    assert (asked.whole, asked.named, asked.told) == ("万里街道23年支出预算总表，合计是多少", "合计", None)
    asked = sum_against("江苏政协2018年那张表，三公小计+会议费+培训费加起来等不等于合计1656.86？")
    assert (asked.named, asked.told) == ("合计", "1656.86")


def test_no_check_where_nothing_is_added_or_the_parts_are_told():
    assert sum_against("阳泉民政局24年三公经费等于多少") is None
    assert sum_against("人员经费95.36万加公用经费10.23万，是不是正好等于基本支出105.58万") is None  # (a claim: claim.py)
    assert sum_against("阳泉民政局24年基本支出加项目支出等于本年支出合计吗") is None  # (one clause: compare.py)


def test_a_sum_set_against_the_printed_or_told_whole(engine):
    found = engine.ask("阳泉市民政局2024年支出决算表里，基本支出加项目支出再加经营支出，等不等于本年支出合计？")
    assert found.verdict == "yes" and found.figures[0].value == "8406.85"
    found = engine.ask("阳泉民政局24年支出决算表，基本支出加项目支出加起来等不等于合计？")
    assert found.verdict == "no" and "相差1131.78万元" in found.answer
    found = engine.ask("阳泉民政局24年支出决算表，基本支出加项目支出加起来等不等于7275.08万元？")
    assert found.verdict == "no" and "相差0.01万元" in found.answer


def test_no_verdict_on_a_whole_that_is_not_the_cell_named(engine):
    # "小计" found as the table's 合计 column (the two parts sit under no heading with a 小计): not
    # the whole asked, so no yes or no on it
    found = engine.ask("阳泉民政局24年三公经费表，决算数那边公务接待费加因公出国费，等于小计吗？")
    assert found.verdict is None and not found.figures and "没有找到问题所说的“小计”" in found.answer


def test_a_bare_subtotal_is_the_one_beside_the_parts_under_their_heading(engine):
    """临汾 19 公开07表 prints 购置费 28,452.82 and 运行维护费 28,452.82 under 公务用车购置及运行维护费,
    whose 小计 is 28,452.82: the parts do not add up to it (the document disagrees with itself)."""
    found = engine.ask("临汾民政局19年三公经费决算表，公务用车购置费加运行维护费等于小计吗？")
    assert found.verdict == "no" and "相差28452.82元" in found.answer
    assert found.citations[-1].column == "决算数/公务用车购置及运行维护费/小计"


def test_a_sum_asked_then_set_against_a_whole_in_a_sentence_of_its_own(pdf_engine):
    asked = sum_against("万里街道25年支出总表里基本支出加项目支出一共多少？跟收支总表的支出总计对得上吗？")
    assert (asked.parts, asked.whole, asked.named, asked.follows) == (
        "万里街道25年支出总表里基本支出加项目支出一共多少", "收支总表的支出总计是多少", "支出总计", True)
    found = pdf_engine.ask("万里街道25年支出总表里基本支出加项目支出一共多少？跟收支总表的支出总计对得上吗？")
    assert found.answer.startswith("对得上。") and found.figures[0].value == "189767551"
    assert [c.table_title for c in found.citations] == ["部门支出预算总表"] * 2 + ["部门财务收支预算总表"]


def test_one_part_said_to_be_all_of_the_whole(engine):
    """"三公经费全花在公务用车上？": yes where the part is the whole's figure (12.02 both), no where less."""
    found = engine.ask("阳泉民政局24年三公经费全花在公务用车上了吗")
    assert found.verdict == "yes" and found.figures[0].value == "12.02" and found.answer.startswith("是。")
    found = engine.ask("阳泉民政局24年支出都花在社会保障和就业上了吗")
    assert found.verdict == "no" and found.answer.startswith("不是。")
    assert all_on("阳泉民政局24年三公经费多少") is None
    assert all_on("社工部24年公用经费都花在什么上了") is None  # (which parts: a breakdown)


def test_the_share_of_the_item_at_a_place_of_a_ranking(engine):
    """"最大的那一类支出占多少": the ranking's first (社会保障和就业支出 7526.75), then its share of
    the spending (89.53%), both cited."""
    found = engine.ask("阳泉民政局24年最大的那一类支出占多少")
    assert (found.figures[0].value, found.figures[0].unit) == ("89.53", "%") and "社会保障和就业支出" in found.answer


def test_a_sum_asked_with_equals_how_much_sets_nothing_against_it(engine):
    """"…加…等于多少": the sum asked, no whole to check it against (neither a "多少" cell nor the
    whole the parts sit under), no yes or no."""
    assert sum_against("阳泉民政局2024年，基本支出里人员经费加公用经费等于多少？") is None
    answer = engine.ask("阳泉民政局2024年基本支出里人员经费加公用经费等于多少？")
    assert answer.verdict is None and (answer.figures[0].value, answer.figures[0].unit) == ("1097.86", "万元")
