"""qa.lookup on long questions: the phrase a cell leaves unexplained and the department's name
blanked, with the same results as before in memory and time linear in the question."""
from __future__ import annotations

import random
import tracemalloc

import pytest

from core.concepts import lexicon
from qa.lookup import locate_concept, stated_stretch, unexplained_phrase, without_department

WORDS = ["最低", "生活", "保障", "城乡", "社区", "管理事务", "授予", "中小企业", "合同", "金额", "市"]


def every_stretch(runs: list[list[str]], story: str, anywhere: bool) -> str | None:
    """What ``stated_stretch`` replaced: every stretch of every run listed, then ranked."""
    pieces = ["".join(r[i:j]) for r in runs for i in range(len(r)) for j in range(i + 1, len(r) + 1)]
    ranked = sorted((p for p in pieces if len(p) >= 4), key=lambda p: (p in story, len(p)), reverse=True)
    return next((p for p in ranked if anywhere or p in story), None)


def test_the_longest_stated_stretch_is_the_one_every_stretch_ranked_first():
    rng = random.Random(14)
    for _ in range(3000):
        runs = [[rng.choice(WORDS) for _ in range(rng.randint(0, 6))] for _ in range(rng.randint(0, 3))]
        story = "".join(rng.choice(WORDS) for _ in range(rng.randint(0, 12)))
        for anywhere in (False, True):
            assert stated_stretch(runs, story, anywhere) == every_stretch(runs, story, anywhere), (runs, story)


@pytest.fixture(scope="module")
def purchase_cell(yangquan):
    concept = next(c for c in lexicon().concepts if c.name == "政府采购支出")
    cells, _ = locate_concept(yangquan, concept, None, "政府采购支出")
    return cells[0]


def test_a_long_question_leaves_the_same_phrase_unexplained_in_little_memory(purchase_cell):
    unexplained_phrase("政府采购授予中小企业合同金额", purchase_cell)  # the word cutter loads once
    rest = "政府采购授予中小企业合同金额" + "城乡社区管理事务最低生活保障资金发放" * 110  # 2,000 characters
    tracemalloc.start()
    try:
        found = unexplained_phrase(rest, purchase_cell)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert found == "授予中小企业合同金额"
    assert peak < 20_000_000  # listing every stretch of the one long run took 300 MB


@pytest.mark.timeout(60)  # a guard: comparing every stretch with the name took hours at this length
def test_the_department_name_is_blanked_in_a_long_question(yangquan):
    assert without_department(yangquan, "阳泉市民政局的差旅费") == " 的差旅费"
    assert without_department(yangquan, "阳泉市民政局" + "的差旅费" * 5000) == " " + "的差旅费" * 5000


def test_a_kemu_inside_the_department_name_as_written_is_not_asked():
    """"越秀区法院" shortens 广州市越秀区人民法院: its 法院 says who, and is no 法院 科目 row; a
    法院 said after it is."""
    from core.model import Document
    from qa.lookup import _in_department_name

    doc = Document.__new__(Document)
    doc.department, doc.aliases = "广州市越秀区人民法院", []
    key = "越秀区法院25年法院支出预算多少"
    assert _in_department_name(doc, key, 3, 5)
    assert not _in_department_name(doc, key, 8, 10)


def test_two_tables_named_side_by_side_are_two_phrases(linfen):
    from core.text import match_key
    from qa.lookup import named_table, table_phrases

    phrases = table_phrases(match_key("社会保障和就业支出在收入决算表和支出决算表中相差多少"))
    assert phrases == ["收入决算表", "支出决算表"]
    assert [linfen.tables[named_table(linfen, p)].title for p in phrases] == ["收入决算表", "支出决算表"]


def test_a_procurement_rows_name_is_the_item_not_how_it_is_bought():
    from qa.lookup import outline_names, row_key, row_name

    assert row_key("住宿服务/分散自行组织") == "住宿服务" and row_name("会议服务/政府集中采购") == "会议服务"
    assert outline_names("三、服务C/省政协专项会议/会议费/住宿服务/分散自行组织") == ["服务c", "省政协专项会议", "会议费", "住宿服务"]
    assert row_key("一般公共预算资金/小计") == "小计"  # other paths keep their last level


def test_a_part_asked_after_li_mian_is_read_whole():
    """"里面印刷服务": the part is 印刷服务 (里面 read as one word), not "面印刷服务"."""
    from qa.routes.value import WITHIN_PART_RE

    assert WITHIN_PART_RE.search("上面那个服务类里面印刷服务是多少").group(1) == "印刷服务"
    assert WITHIN_PART_RE.search("办公费里买电脑花了多少").group(1) == "电脑"


def test_a_page_is_read_only_where_it_points_at_a_table():
    from qa.lookup import page_named
    assert page_named("第13页那张表的合计是多少") == 13
    assert page_named("第 5 页的表") == 5
    assert page_named("第13页说了什么") is None and page_named("三公经费多少") is None


def test_a_source_said_apart_from_its_income_word_names_its_column(engine):
    """"“社会福利事业单位”这一项的收入里，财政拨款出了多少": that row's 财政拨款收入 cell (811.22), not the
    department's stated 财政拨款收入 (4719.40) — the 科目 named is not in that sentence."""
    answer = engine.ask("阳泉市民政局“社会福利事业单位”这一项的收入里，财政拨款出了多少钱？")
    assert answer.figures[0].value == "811.22"
    assert (answer.citations[0].row, answer.citations[0].column) == ("社会福利事业单位", "财政拨款收入")


def test_a_row_named_before_a_funds_whole_is_read_in_that_funds_table(engine):
    """"城乡医疗救助这笔钱，一般公共预算财政拨款出了多少": the row of the general budget's spending
    table (598840.56), though the fund is read as its income; not the fund's total."""
    answer = engine.ask("临汾民政局城乡医疗救助这笔钱，一般公共预算财政拨款出了多少？")
    assert answer.figures[0].value == "598840.56" and answer.citations[0].table_code == "公开05表"
    burial = engine.ask("阳泉民政局24年殡葬这块用了多少一般公共预算的钱")
    assert burial.figures[0].value == "451.86" and burial.citations[0].row == "殡葬"


def test_a_year_end_appropriation_carried_over_said_short_is_that_row(engine):
    """"年末财政拨款结转" (without 和结余): the 年末财政拨款结转和结余 row (253000), never the
    财政拨款收入 its 财政拨款 also names (523.55万元)."""
    answer = engine.ask("临汾民政局年末财政拨款结转是多少")
    assert answer.figures[0].value == "253000" and answer.citations[0].row == "年末财政拨款结转和结余"


def test_a_table_called_by_part_of_its_title_explains_those_words(engine):
    """"相关信息统计表里“服务”这一行": the table said short (部门决算公开相关信息统计表) names the cell's
    table, no phrase the cell leaves unexplained (it sent the question to the narrative)."""
    answer = engine.ask("阳泉民政局24年决算相关信息统计表里“服务 4”这一行，后面那个统计数是多少？")
    assert answer.figures[0].value == "659.90" and answer.citations[0].table_code == "公开10表"


def test_a_project_is_named_without_the_bodys_own_name_inside_it():
    """"新建社区公共服务中心" names the project "新建万里街道社区公共服务中心" of 万里街道办事处 (its own name
    left out); a 科目 row is never read that way, nor a name that keeps too little."""
    from core.model import Document, Row, Table
    from qa.lookup import named_rows, own_name_left_out

    projects = Table(title="财政项目支出绩效目标填报表", columns=["项目资金总额"], category="projects",
                     type="project_funds", rows=[Row("新建万里街道社区公共服务中心", ["4,100,000.00"]),
                                                 Row("万里街道保洁", ["1.00"])])
    doc = Document(doc_id="w", source="w.pdf", sha256="", department="上海市普陀区人民政府万里街道办事处", year=2023,
                   kind="预算", scope="部门", title="", pages=None, tables=[projects])
    assert own_name_left_out(doc, projects, "新建万里街道社区公共服务中心") == ["新建社区公共服务中心"]
    assert own_name_left_out(doc, projects, "万里街道保洁") == []  # "保洁" alone names nothing
    assert [(ti, ri) for _, _, ti, ri in named_rows(doc, "万里街道23年新建社区公共服务中心项目资金总额")] == [(0, 0)]
    standard = Table(title="支出功能分类预算表", columns=["合计"], rows=[Row("新建万里街道社区公共服务中心", ["1"])])
    assert own_name_left_out(doc, standard, standard.rows[0].label) == []
