"""QAEngine.ask, the one entry point of the UI, the CLI and the API: how long a question and a
conversation it reads."""
from __future__ import annotations

import time
import tracemalloc

import pytest

import qa.engine
from bench.long_question import QUESTION, padded
from conftest import changed_yangquan
from qa.engine import MAX_QUESTION_CHARS, QAEngine
from qa.model import ANSWERED, NOT_FOUND, UNCLEAR


@pytest.fixture(scope="module")
def plain_engine(plain_store):
    return QAEngine(plain_store, llm=False)


def test_a_question_over_the_limit_is_refused_with_a_message(plain_engine):
    answer = plain_engine.ask(padded(20_000))
    assert answer.status == UNCLEAR and not answer.figures and not answer.citations
    assert f"{MAX_QUESTION_CHARS}个字以内" in answer.answer and "20000个字" in answer.answer
    assert len(answer.question) == MAX_QUESTION_CHARS + 1  # its start, not all of it, echoed


def test_a_question_at_the_limit_is_answered(plain_engine):
    answer = plain_engine.ask(QUESTION + "？" * (MAX_QUESTION_CHARS - len(QUESTION)))
    assert answer.status == ANSWERED and answer.figures[0].value == "12.02"


def test_earlier_turns_over_the_limit_are_not_read(plain_engine):
    plain = plain_engine.ask("临汾市民政局呢？")
    after_long = plain_engine.ask("临汾市民政局呢？", [padded(20_000)])
    assert after_long.answer == plain.answer
    follow_up = plain_engine.ask("临汾市民政局呢？", [padded(20_000), QUESTION])
    assert follow_up.figures[0].value == "28,452.82"


def test_without_the_limit_a_long_question_takes_little_memory(plain_engine, monkeypatch):
    """The limit is not what keeps a long question cheap: with it lifted, 5,000 characters of
    the padding that used to take gigabytes are answered in a few megabytes."""
    monkeypatch.setattr(qa.engine, "MAX_QUESTION_CHARS", 10 ** 9)
    plain_engine.ask(padded(400))  # the word cutter and the narrative load once
    tracemalloc.start()
    try:
        answer = plain_engine.ask(padded(5_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert answer.status == ANSWERED and "授予中小企业合同金额" in answer.answer
    assert peak < 100_000_000


@pytest.fixture(scope="module")
def own_store(tmp_path_factory):
    """A session's own store holding a changed copy of the 阳泉 sample."""
    from ingest.pipeline import ingest_paths

    folder = tmp_path_factory.mktemp("own")
    assert not ingest_paths([changed_yangquan(folder)], folder / "store", progress=False,
                               out=open("/dev/null", "w")).failed
    return folder / "store"


def test_an_own_upload_answers_its_uploader_only_and_says_so(plain_engine, own_store):
    own = plain_engine.with_own(own_store)
    mine = own.ask(QUESTION)
    assert mine.figures[0].value == "99.99"
    assert mine.citations[0].source == "a-yangquan-minzheng-2024-juesuan.txt"
    assert any("你本次上传的文件" in n and "a-yangquan-minzheng-2024-juesuan.txt" in n for n in mine.notes)
    theirs = plain_engine.ask(QUESTION)
    assert theirs.figures[0].value == "12.02" and not any("上传" in n for n in theirs.notes)
    assert len(own.infos) == len(plain_engine.infos) + 1 and len(own.lib.own_ids) == 1
    assert own.ask("临汾市民政局2019年三公经费多少").figures == plain_engine.ask("临汾市民政局2019年三公经费多少").figures


def test_a_document_the_shared_store_holds_is_not_the_users_own(plain_engine, plain_store):
    own = plain_engine.with_own(plain_store)
    assert not own.lib.own_ids and own.infos == plain_engine.infos
    assert own.ask(QUESTION).notes == plain_engine.ask(QUESTION).notes


def test_retrieval_hits_of_both_stores_are_ranked_together(plain_engine, own_store, monkeypatch):
    from types import SimpleNamespace

    own = plain_engine.with_own(own_store)
    shared, mine = own.lib.shelves
    hit = lambda name, score: SimpleNamespace(chunk=name, score=score)  # noqa: E731
    for shelf, hits in ((shared, [hit("a", 0.03), hit("b", 0.01)]), (mine, [hit("c", 0.02)])):
        monkeypatch.setattr(shelf, "retriever", lambda hits=hits: SimpleNamespace(
            search=lambda query, k: SimpleNamespace(hits=hits[:k])))
    assert [h.chunk for h in own.lib.search("三公经费", k=2)] == ["a", "c"]


def test_an_own_upload_teaches_no_words_to_the_cutter_every_question_is_read_with(plain_engine, tmp_path):
    from conftest import YANGQUAN
    from index.lexical import words
    from ingest.pipeline import ingest_paths

    label = "甲乙丙丁戊己庚"
    path = tmp_path / "label.txt"
    path.write_text(YANGQUAN.read_text(encoding="utf-8").replace("个人农业生产补贴", label), encoding="utf-8")
    ingest_paths([path], tmp_path / "store", progress=False, out=open("/dev/null", "w"))
    before = words(label)
    plain_engine.with_own(tmp_path / "store")
    assert words(label) == before != [label]


def test_questions_asked_at_once_get_the_answers_they_get_one_by_one(plain_engine):
    """The web app answers on several threads: the engine's caches, word cutter and store
    connections hold under it (the samples' gold questions, eight at a time)."""
    from concurrent.futures import ThreadPoolExecutor

    from eval.gold import GOLD_DIR, load_gold

    asked = [(g.q, g.history) for g in load_gold([GOLD_DIR / "samples.jsonl"])]
    one_by_one = [plain_engine.ask(q, h).to_json() for q, h in asked]
    with ThreadPoolExecutor(8) as pool:
        at_once = list(pool.map(lambda qh: plain_engine.ask(*qh).to_json(), asked))
    assert at_once == one_by_one


def test_two_copies_of_one_disclosure_that_disagree_give_both_values_and_a_warning(tmp_path):
    """A changed copy of the 阳泉 sample in the shared library, under a name that sorts first:
    the figure is not chosen by file name; both are shown, both cited."""
    from conftest import SAMPLES
    from ingest.pipeline import ingest_paths

    paths = [SAMPLES / "yangquan-minzheng-2024-juesuan.txt", changed_yangquan(tmp_path)]
    assert not ingest_paths(paths, tmp_path / "store", progress=False, out=open("/dev/null", "w")).failed
    answer = QAEngine(tmp_path / "store", llm=False).ask(QUESTION)
    assert answer.status == UNCLEAR and not answer.figures
    assert sorted(i.value for i in answer.items) == ["12.02", "99.99"]
    assert {c.source for c in answer.citations} == {p.name for p in paths} and answer.notes


def test_a_question_over_its_time_budget_is_given_up_with_a_message(plain_store, monkeypatch):
    def slow(lib, q):
        time.sleep(2)
        return qa.engine.not_found(lib, q, "不会用到")

    monkeypatch.setattr(qa.engine, "answer", slow)
    hurried = QAEngine(plain_store, llm=False, time_budget=0.1)
    reply = hurried.ask("阳泉市民政局2024年三公经费多少")
    assert reply.status == UNCLEAR and "没有算完" in reply.answer and not reply.figures
    unhurried = QAEngine(plain_store, llm=False, time_budget=None)  # no budget: the caller's thread
    assert "不会用到" in unhurried.ask("阳泉市民政局2024年三公经费多少").answer


def test_a_figure_per_person_is_the_total_over_the_printed_headcount(engine):
    answer = engine.ask("临汾民政局19年公开06表里的基本工资，按机构设置里写的实有人数平均下来，一人多少钱？")
    assert answer.figures[0].value == "55488.45" and answer.figures[0].unit == "元", answer.answer
    assert answer.figures[0].derived and {f.value for f in answer.figures[1:]} == {"1109769", "20"}
    assert len(answer.citations) >= 2  # the total's cell and the headcount's sentence


def test_the_words_asking_a_count_are_no_second_count_to_add(engine):
    """"公务车一共有几辆": 一共 and 几辆 ask the count of the vehicles named, not 车辆数 beside them."""
    answer = engine.ask("阳泉市民政局用财政拨款负担的公务车一共有几辆")
    assert [f.value for f in answer.figures] == ["10"], answer.answer
    assert "35" not in answer.answer


@pytest.mark.parametrize("question", [
    "阳泉民政局24年公务用车运行维护费，按财政拨款负担的公车数量平均，每辆车一年花多少万元？",
    # the lead-in with its own "每辆公车上", then the unit asked again after a comma
    "阳泉民政局24年公务用车运行维护费，均摊到财政拨款负担的每辆公车上，一辆车一年要花多少？",
])
def test_a_figure_per_vehicle_divides_by_the_vehicles_the_question_says(engine, question):
    # the vehicles 财政拨款 pays for are 10 (a sentence), all the department's 25 (a table)
    answer = engine.ask(question)
    assert answer.figures[0].value == "1.202" and answer.figures[0].unit == "万元", answer.answer


def test_no_average_over_a_count_the_document_does_not_give(engine):
    for question in ("临汾民政局19年基本工资按编制外人数平均一人多少", "阳泉民政局24年三公经费人均多少"):
        answer = engine.ask(question)  # (编制外 is not the 行政编制 printed; 阳泉 prints no headcount)
        assert answer.status == "not_found" and not answer.figures, answer.answer
        assert "无法按它平均" in answer.answer


def test_examples_listed_before_an_everyday_name_are_not_second_figures(engine):
    answer = engine.ask("临汾民政局19年基本支出里，发工资交社保、给离退休老同志发钱这些花在人身上的一共多少？")
    assert answer.figures[0].value == "3233521.13", answer.answer  # 人员经费 in the 基本支出 column
    assert answer.citations[0].row == "人员经费合计"


def test_rows_said_to_add_up_are_checked_against_the_narratives_total(engine):
    answer = engine.ask("阳泉民政局24年公开10表里机关运行经费行政单位、参公事业单位两行加起来，跟情况说明里写的机关运行经费总数对得上吗？")
    assert answer.verdict == "yes" and answer.answer.startswith("对得上"), answer.answer
    assert answer.figures[0].value == "39.89" and len(answer.citations) == 3


def test_a_figure_printed_in_parts_agrees_as_their_sum(engine):
    answer = engine.ask("阳泉民政局24年机关运行经费表里和文字说明里一致吗")
    assert answer.verdict == "yes", answer.answer  # 29.03 + 10.86 = 39.89, not 29.03 against 39.89


def test_a_guess_after_a_ranking_does_not_change_what_is_ranked(engine):
    answer = engine.ask("阳泉民政局24年公用经费里哪项花得最多？该不会是吃吃喝喝吧")
    assert answer.figures[0].value == "37.89" and "取暖费" in answer.answer, answer.answer


def test_a_breakdown_by_function_stays_by_class(engine):
    answer = engine.ask("阳泉民政局24年一般公共预算的钱主要用在了哪些方面？")
    assert answer.figures[0].value == "3897.62" and "住房保障支出" in answer.answer, answer.answer


def test_a_tables_title_names_no_subject(engine):
    answer = engine.ask("临汾市民政局2019年部门决算公开相关信息统计表2.主要领导干部用车统计数是多少")
    assert "信息网络" not in answer.answer, answer.answer  # 相关信息 of the title is not 信息网络及软件购置更新


def test_one_item_in_two_tables_named_side_by_side(engine):
    answer = engine.ask("临汾市民政局2019年，社会保障和就业支出（类）在收入决算表和支出决算表中的金额相差多少元？")
    assert answer.figures[0].value in ("123800", "123800.00"), answer.answer  # 4299952.75 - 4176152.75


def test_the_table_a_row_is_asked_in_is_no_part_of_it(engine):
    answer = engine.ask("临汾市民政局2019年社会保障和就业支出在支出决算表中是多少")
    assert answer.figures[0].value == "4176152.75" and answer.citations[0].table_title == "支出决算表", answer.answer


def test_a_pasted_fragment_names_its_item_but_asks_nothing(engine):
    answer = engine.ask("“卫生健康（类）支出 59.88 万元，占 11.91%” 临汾民政局这个比住房保障那类多了多少？")
    assert answer.figures[0].value in ("356702.76", "35.67"), answer.answer  # a difference, not the quoted share


def test_a_rows_income_against_its_spending(engine):
    answer = engine.ask("然后就是阳泉民正局24年殡葬那块收进来的钱比花出去的多了多少啊")
    assert answer.figures[0].value == "95.37", answer.answer  # 收入决算表 1626.49 - 支出决算表 1531.12


def test_dictation_errors_and_fillers(engine):
    assert engine.ask("阳泉民正局24年三工经费多少").figures[0].value == "12.02"
    answer = engine.ask("那个就是里头财政拨款出的是多少", ["阳泉民正局24年养老服物花了多少"])
    assert answer.figures[0].value == "1470.12", answer.answer  # the 财政拨款 part of 养老服务


def test_english_for_procurement_services_and_income_sources(engine):
    answer = engine.ask("Yangquan civil affairs bureau 2024 government procurement (政府采购): how much of it was for services?")
    assert answer.figures[0].value == "659.90", answer.answer
    answer = engine.ask("Where did Yangquan civil affairs' 2024 income come from? Main sources please.")
    assert answer.figures[0].value == "4719.40" and "其他收入" in answer.answer, answer.answer


def test_a_rows_outturn_against_the_budget_its_sentence_states(engine):
    answer = engine.ask("阳泉市民政局2024年卫生健康支出（类）的决算数比年初预算少了多少？")
    assert answer.figures[0].value.lstrip("-") == "2.64", answer.answer  # 年初预算37.59, 支出决算34.95 (a sentence)
    answer = engine.ask("临汾市民政局2019年住房保障支出的决算数超出年初预算多少万元？")
    assert answer.figures[0].value.lstrip("-") == "3.24", answer.answer


def test_whether_spending_stayed_within_the_budget(engine):
    answer = engine.ask("阳泉市民政局2024年一般公共预算财政拨款支出决算是否控制在年初预算以内？请说明年初预算数、决算数和完成比例。")
    assert answer.verdict == "no" and "149.52%" in answer.answer, answer.answer  # 4004.92 against 2678.56


def test_items_above_an_amount_are_listed_from_the_finest_rows(engine):
    answer = engine.ask("阳泉民政局24年基本支出里的人员经费，超过100万的有哪几项")
    assert answer.figures[0].value == "247.44", answer.answer
    assert [i.label for i in answer.items] == ["基本工资", "绩效工资", "津贴补贴"]
    answer = engine.ask("阳泉民政局24年公用经费超过1000万的有哪些")
    assert not answer.figures and "没有超过1000万元" in answer.answer, answer.answer


def test_the_unit_of_the_tables_is_said_not_a_figure(engine):
    answer = engine.ask("临汾民政局19年决算里那些表是按万元算的吗")
    assert answer.verdict == "no" and "元" in answer.answer and not answer.figures, answer.answer  # 临汾 prints 元
    assert engine.ask("阳泉民政局24年决算表的单位是什么").answer.find("万元") >= 0
    pointed = engine.ask("临汾民政局2019年决算那几张表，金额单位是万元吗？")  # 那几张: the tables, not a count
    assert pointed.verdict == "no" and not pointed.figures, pointed.answer
    choice = engine.ask("临汾民政局2019年决算那些表，金额单位是元还是万元？")  # a choice, no yes or no
    assert choice.verdict is None and "元：9张表" in choice.answer, choice.answer


def test_a_subjects_area_word_is_not_part_of_its_name(engine):
    answer = engine.ask("临汾市民政厅19年离退休方面花了多少钱")
    assert answer.status == "unclear" and "离退休" in answer.answer, answer.answer  # several 科目 carry it
    answer = engine.ask("阳泉民政局24年哪方面花钱最多")
    assert "类级" in answer.answer and "社会保障和就业支出" in answer.answer, answer.answer


@pytest.mark.parametrize("question, value", [
    ("阳泉民政局24年服务类采购多少", "659.90"),  # the template's "服务采购金额", said with 类
    ("阳泉民政局24年政府采购里服务类采购多少", "659.90"),
    ("阳泉民政局24年货物采购多少", "95.18"),
    ("阳泉民政局24年项目类支出一共多少", "6177.21"),  # the 类 between a part's name and its 支出
    ("阳泉民政局24年人员类经费多少", "963.57"),
])
def test_a_part_said_with_its_kind_word_is_that_part(engine, question, value):
    answer = engine.ask(question)
    assert answer.figures and answer.figures[0].value == value, answer.answer


@pytest.mark.parametrize("question", ["阳泉民政局24年设备类采购多少", "阳泉民政局24年车辆类采购花了多少"])
def test_a_kind_a_whole_is_not_broken_down_by_is_never_the_whole(engine, question):
    """政府采购 is split into 货物, 工程 and 服务: "设备类采购" is none of them (not the 755.08万元 total)."""
    answer = engine.ask(question)
    assert not answer.figures and "没有单列" in answer.answer and "755.08" not in answer.answer


def test_two_items_joined_by_a_plain_jia_are_added_or_not_answered(engine):
    """"办公费加水费": each side looked up and added; never one side's figure for the sum."""
    answer = engine.ask("阳泉民政局24年办公费加水费多少钱")
    assert [f.value for f in answer.figures] == ["21.78", "21.29", "0.49"]


def test_a_kemu_asked_after_a_ranking_within_a_fund_is_read_within_it(engine):
    """"殡葬那一项花了多少" after a ranking of the 一般公共预算财政拨款 spending: that fund's 殡葬 (451.86),
    not all its money (1531.12)."""
    answer = engine.ask("殡葬那一项花了多少？", ["阳泉市民政局2024年一般公共预算财政拨款支出里，社会福利下面哪个项目花钱最多？"])
    assert answer.figures[0].value == "451.86", answer.answer


def test_several_parts_set_aside_come_off_one_whole(engine):
    """"除去基本工资和津贴补贴，其他部分加起来是多少": 833.02 − 247.44 − 129.94, every cell cited."""
    answer = engine.ask("阳泉市民政局2024年工资福利支出里，除去基本工资和津贴补贴，其他部分加起来是多少？")
    assert [f.value for f in answer.figures] == ["455.64", "833.02", "247.44", "129.94"] and len(answer.citations) == 3, answer.answer


@pytest.mark.parametrize("question, value, verdict", [
    ("阳泉民政局24年公用钱最多的是哪一项", "37.89", None),  # 公用钱: 公用经费 (取暖费 its largest)
    ("临汾民政局19年一般预算支出一共多少", "5026731.11", None),  # 一般预算: 一般公共预算
    ("阳泉民政局24年人头经费多少", "963.57", None),  # 人头经费: 人员经费
    ("阳泉民政局24年机关经费多少", "39.89", None),  # 机关经费: 机关运行经费
    ("阳泉民政局24年有国有资本经营预算的拨款支出吗", "0", "no"),  # the fund's 的 拨款: its 财政拨款 (an empty table)
])
def test_terms_said_short(engine, question, value, verdict):
    """Terms cut short the way insiders write them read as the rows they stand for."""
    answer = engine.ask(question)
    assert answer.figures[0].value == value and answer.verdict == verdict, answer.answer


def test_the_funds_short_name_is_not_read_inside_another_word():
    from qa.understand import standard_words
    assert standard_words("住房公基金预算多少") == "住房公基金预算多少"
    assert standard_words("政府性鸡金的钱 就是基金预算那个") == "政府性鸡金的钱 就是基金预算那个"  # (said already)
    assert standard_words("有没有基金预算的钱") == "有没有政府性基金预算的钱"
    assert standard_words("社会保险基金预算收支是多少") == "社会保险基金预算收支是多少"
    assert standard_words("社保基金预算多少") == "社保基金预算多少"  # (said inside another fund's name)


def test_a_fund_the_document_does_not_hold_reads_no_other_row(engine):
    """"社会保险基金支出了多少": no 政府性基金 row, no 代缴社会保险费 — not in the document."""
    answer = engine.ask("临汾民政局19年社会保险基金支出了多少")
    assert answer.status == "not_found" and not answer.figures, answer.answer


def test_last_year_said_of_a_document_named():
    """"按2018年的文件，上年的机关运行经费": the year before the one named; the document's own 比上年
    and 上年结转 stay as they are."""
    from qa.understand import standard_words
    assert standard_words("按2018年的文件，上年的机关运行经费是多少") == "按2018年的文件，上一年的机关运行经费是多少"
    assert standard_words("机关运行经费比上年的多了多少") == "机关运行经费比上年的多了多少"
    assert standard_words("上年的结转有多少") == "上年的结转有多少"


def test_how_much_less_after_why_it_fell_is_the_change(engine):
    """"那具体少了多少" after "…为什么比上年少了那么多": the change against the year before, not the figure."""
    answer = engine.ask("那具体少了多少？", ["阳泉市民政局2024年一般公共服务支出为什么比上年少了那么多？"])
    assert answer.figures[0].value == "29.94", answer.answer


def test_the_share_of_what_is_left_once_a_part_is_set_aside(plain_engine):
    """"收入里，不是财政拨款的那部分占几成" (or "自有资金（不靠财政拨款的）占多大比例"): 本年收入合计 8450.21
    less 财政拨款收入 4719.40 = 3730.81, over the whole: 44.15% — never 财政拨款's own 55.85%."""
    for question in ["阳泉民政局24年收入里，不是财政拨款的那部分占几成？", "阳泉民政局24年收入里，自有资金（不靠财政拨款的）占多大比例？"]:
        answer = plain_engine.ask(question)
        assert [f.value for f in answer.figures[:2]] == ["44.15", "3730.81"] and "55.85" not in answer.answer


def test_a_body_called_danwei_is_no_unit_asked(engine):
    """"项目的实施单位是什么" asks who carries out a project, not the tables' amount unit."""
    answer = engine.ask("临汾民政局2019年城市老年人日间照料中心配套资金项目，项目起止时间和实施单位是什么？")
    assert "金额单位" not in answer.answer, answer.answer


def test_a_change_on_the_month_before_is_declined_unless_two_years_are_named(engine):
    """Disclosures give whole years: "环比" alone cannot be worked; "2024年比2023年环比" says the year before."""
    found = engine.ask("阳泉民政局24年总支出环比变化多少？")
    assert found.status == NOT_FOUND and not found.figures and "环比" in found.answer
    assert engine.ask("阳泉市民政局机关运行经费2024年比2023年环比增长了多少？").figures[0].value == "4.38"
