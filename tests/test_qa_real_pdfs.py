"""Questions written by people reading the shared PDFs (eval/gold/shared_*.jsonl), answered over
a store of those PDFs: at least 93% right. Skipped when ../shared/pdfs is absent."""
from __future__ import annotations

import pytest

from conftest import needs_shared
from qa.understand import understand

pytestmark = needs_shared


def test_hand_written_questions_on_real_pdfs(pdf_engine):
    from eval.gold import GOLD_DIR, load_gold
    from eval.scoring import score

    items = [g for g in load_gold(sorted(GOLD_DIR.glob("shared_*.jsonl"))) if g.kind in ("figure", "followup", "refuse")]
    assert len(items) >= 40
    results = [(g, score(g, pdf_engine.ask(g.q, g.history))) for g in items]
    right = sum(s.answer_ok for _, s in results)
    wrong = [g.id for g, s in results if not s.answer_ok]
    assert right / len(items) >= 0.93, f"{right}/{len(items)} right; wrong: {wrong}"


def test_a_budget_compared_across_years_is_the_signed_total_the_document_states(pdf_engine):
    """"25年预算比24年多多少": the 收入总计 of two 预算 documents, later minus earlier (189,767,551
    − 156,211,123 = 33,556,428元); the 2025 narrative states the change from rounded 万元 figures
    ("比2024年预算增加3,355.65万元"), and the document's own figure heads, cited on its sentence,
    with the one worked from the tables beside it."""
    answer = pdf_engine.ask("万里街道25年预算比24年多多少")
    assert [(f.value, f.unit) for f in answer.figures[:2]] == [("3355.65", "万元"), ("33556428", "元")]
    assert "增加3,355.65万元" in answer.citations[0].quote
    assert [c.year for c in answer.citations[1:3]] == [2025, 2024]
    assert "取整" in answer.answer
    fewer = pdf_engine.ask("万里街道24年预算比25年少了多少").figures
    assert [f.value for f in fewer[:2]] == ["-3355.65", "-33556428"]


def test_a_department_name_is_not_read_as_a_kemu(pdf_engine):
    """"上海市普陀区社会福利院" holds "社会福利", a row of its own tables: the question asks for
    the income total, not that row."""
    answer = pdf_engine.ask("上海市普陀区社会福利院2024年收入多少")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("12,121,164", "元")
    assert answer.citations[0].row == "合计"
    assert pdf_engine.ask("福利院24年社会福利支出多少").citations[0].row == "社会福利"


def test_years_compared_from_the_narrative_when_no_table_holds_the_figure(pdf_engine):
    """万里街道 states its 政府采购预算 only in the narrative ("2025年本部门政府采购预算4821.20万元，
    其中：政府采购货物预算57.43万元…"): the comparison reads each year's total, not its parts."""
    answer = pdf_engine.ask("万里街道政府采购预算25年比24年多多少")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("3158.76", "万元")
    assert [c.section.split(" > ")[-1] for c in answer.citations] == ["三、政府采购预算情况"] * 2
    assert [c.year for c in answer.citations] == [2025, 2024]


@needs_shared
def test_a_budget_without_a_parsed_spending_table_is_broken_down_from_its_summary_table(pdf_engine):
    """Jiangsu's 支出预算总表 prints no 科目 rows: the 类 of all the spending are read from the
    功能分类 side of its 收支预算总表 (all funds), not from the 财政拨款 table (another whole)."""
    spread = pdf_engine.ask("省政协17年的钱都花哪去了")
    assert (spread.figures[0].value, spread.figures[0].unit) == ("6,543.55", "万元")
    assert spread.citations[0].table_title == "收支预算总表" and len(spread.items) >= 3
    top = pdf_engine.ask("省委办19年哪一类支出最多")
    assert top.figures[0].value == "22,395.50" and "一般公共服务支出" in top.answer


@needs_shared
def test_a_year_the_store_lacks_is_read_from_what_the_next_years_document_states(pdf_engine):
    """No 2016 document: the 2017 one states "（2016年度部门支出预算安排为8,648.07万元）". A change
    on 2016 ("比2016年增加2,173.13万元") is no level of 2016: with the 2017 level its sentence
    states, 2016 is worked back, the formula shown; nothing else is guessed."""
    stated = pdf_engine.ask("省政协16年部门预算是多少")
    assert stated.figures[0].value == "8,648.07" and "2017" in stated.answer and stated.notes
    assert stated.citations[0].source.endswith("2017年度部门预算.pdf")
    worked_back = pdf_engine.ask("省政协16年机关运行经费多少")
    assert worked_back.figures[0].value == "1175.85" and worked_back.figures[0].derived
    assert "3348.98 − 2173.13" in worked_back.answer
    assert not pdf_engine.ask("省政协16年三公经费多少").figures  # (no sentence states its 2017 level and change)


@needs_shared
def test_a_quote_ending_in_a_colon_goes_on_and_an_items_purpose_is_not_the_departments(pdf_engine):
    units = pdf_engine.ask("社工部决算包括哪些单位")
    assert "决算包括：" in units.answer and "本级决算" in units.answer
    item = pdf_engine.ask("政协17年预算里的其他交通费用是干什么的")
    assert "其他交通费用" in item.answer and not any("职能" in c.section for c in item.citations)


@needs_shared
def test_a_follow_up_naming_the_earlier_body_shorter_keeps_it(pdf_engine):
    a = pdf_engine.ask("那街道25年的三公呢", ["万里街道24年三公经费多少"])
    assert a.figures[0].value == "37.91" and "万里街道" in a.answer


@needs_shared
def test_a_blank_cell_is_zero_when_the_disclosures_other_file_says_so(pdf_engine):
    """Jiangsu publishes its tables and its narrative as two files: the 三公 table leaves 公务用车
    购置费 blank, the narrative file says "公务用车购置预算支出0万元"."""
    a = pdf_engine.ask("省委办公厅19年公务用车购置费多少")
    assert a.figures[0].value == "0"
    assert any(c.source.endswith("2019年度部门预算公开文件.pdf") and "0万元" in c.quote for c in a.citations)


@needs_shared
@pytest.mark.parametrize("question, source, said", [
    # the blank cell of the 财政拨款收支总表, explained by "…无国有资本经营预算财政拨款收入和支出"
    ("普陀社工部2024年国有资本经营预算支出是多少", "中共上海市普陀区委社会工作部_2024年度部门决算.pdf",
     "无国有资本经营预算财政拨款收入和支出"),
    ("江苏省委办公厅2017年政府性基金预算多少", "江苏省委办公厅_江苏省委办公厅2017年部门预算.pdf", "本部门无政府性基金预算"),
])
def test_a_blank_cell_is_zero_when_the_narrative_says_the_fund_is_absent(pdf_engine, question, source, said):
    a = pdf_engine.ask(question)
    assert [f.value for f in a.figures] == ["0"]
    assert any(c.source == source and said in c.quote for c in a.citations)


@needs_shared
def test_a_part_named_inside_a_whole_is_not_answered_with_either(pdf_engine):
    """项目支出 of all funds is 10688.66, 财政拨款 income 20702.25; neither is the 财政拨款 part
    of 项目支出 (10541.46), asked straight or as a follow-up."""
    for a in (pdf_engine.ask("省委办公厅2017年项目支出里财政拨款多少"),
              pdf_engine.ask("其中财政拨款的呢", ["省委办公厅2017年项目支出多少"])):
        assert not {f.value for f in a.figures} & {"10,688.66", "20,702.25"}


@needs_shared
def test_two_parts_asked_each_are_listed_from_the_narrative_file(pdf_engine):
    """The 2019 tables file prints no 人员经费/公用经费 row; the narrative file states both."""
    a = pdf_engine.ask("省委办公厅2019年基本支出里人员经费和公用经费各多少")
    assert {(i.label, i.value) for i in a.items} == {("人员经费", "9467.72"), ("公用经费", "2232.91")}


@needs_shared
def test_buying_a_car_is_answered_with_its_money_and_the_vehicles_the_narrative_plans(pdf_engine):
    a = pdf_engine.ask("万里街道24年预算里要买车吗")
    assert a.verdict == "yes" and [(f.value, f.unit) for f in a.figures] == [("25", "万元"), ("1", "辆")]
    assert any("购置车辆1辆" in c.quote for c in a.citations)


def test_counts_the_narrative_states_in_citizens_words(pdf_engine):
    def figure(answer):
        return (float(answer.figures[0].value.replace(",", "")), answer.figures[0].unit) if answer.figures else None

    assert figure(pdf_engine.ask("万里街道25年下面管着几家单位")) == (5, "家")  # "下属5家预算单位"
    assert figure(pdf_engine.ask("万里街道24年预算里准备新买几辆车")) == (1, "辆")  # bought, not the 7 held
    assert figure(pdf_engine.ask("省委办17年内设有多少个处室")) == (20, "个")  # "…等20个处室和省委机要局"


def test_last_years_carry_over_is_not_next_years(pdf_engine):
    # "上年结转下来没花完的钱": 年初结转和结余 (said by the longer words), never the 结转下年
    carried = pdf_engine.ask("省政协18年有上年结转下来没花完的钱吗")
    assert carried.answer.startswith("没有") and "年初结转和结余" in carried.answer


def test_a_row_named_in_everyday_words_with_a_plan_verb(pdf_engine):
    rent = pdf_engine.ask("万里街道24年房租打算花多少")
    assert rent.figures and rent.figures[0].value == "581,200" and rent.citations[0].row == "租赁费"


def test_the_top_two_under_a_named_kemu(pdf_engine):
    top = pdf_engine.ask("省政协19年政协事务支出最多的两项是什么")
    assert [i.label for i in top.items[:2]] == ["行政运行", "一般行政管理事务"]


def test_a_change_computed_between_years_is_cited_on_the_sentence_stating_it(pdf_engine):
    grown = pdf_engine.ask("省委办公厅18年的预算比17年多了多少钱")
    assert grown.figures[0].value == "3608.98"
    assert {c.cell for c in grown.citations[:2]} == {"24,458.43", "20,849.45"}  # the figures it is computed from
    assert "各增加3608.98万元" in grown.citations[2].quote  # and the 2018 narrative saying it, with 24458.43


def test_why_an_item_was_underspent_is_its_own_cause_not_its_purpose(pdf_engine):
    why = pdf_engine.ask("社工部24年行政运行为啥没花完预算")
    assert "人员变动引起实际支出低于预算" in why.answer  # the 行政运行 item's 主要原因, not its 主要用于


def test_a_ranking_from_a_table_short_of_all_spending_when_the_rest_cannot_change_it(pdf_engine):
    # 省政协 2018: 80.00万元 of 其他资金 lie outside the 财政拨款 table, far less than 行政运行's lead
    top = pdf_engine.ask("省政协18年按科目细分哪项花得最多")
    assert top.figures[0].value == "4,432.78" and "80.00" in top.answer


def test_staff_of_a_body_the_budget_covers_asked_with_ge(pdf_engine):
    staff = pdf_engine.ask("18年政协预算里博物馆管理建设办公室有几个在职人员")  # "几个" of people
    assert staff.figures and (staff.figures[0].value, staff.figures[0].unit) == ("9", "名")


def test_a_yes_no_between_years_cites_the_sentence_stating_the_change_in_another_unit(pdf_engine):
    less = pdf_engine.ask("万里街道24年的财政拨款是不是比23年少了")
    assert less.answer.startswith("是")
    # the tables print 元 (156,211,123), the narrative 万元 ("15621.11万元 … 减少876.75万元")
    assert any("876.75" in c.quote for c in less.citations)


def test_no_car_bought_gives_the_money_and_the_vehicles(pdf_engine):
    car = pdf_engine.ask("区政府办公室2025年预算有没有安排买车")
    assert car.answer.startswith("没有") and ("0", "辆") in [(f.value, f.unit) for f in car.figures]


def test_the_other_names_a_department_carries(pdf_engine):
    plates = pdf_engine.ask("普陀区政府办公室还挂了哪几块牌子")
    assert "外事办公室" in plates.answer and "合作交流办公室" in plates.answer


def test_a_budget_word_asked_of_a_final_account_reads_the_final_account(pdf_engine):
    """社工部 has a 2024 决算 only: its 全年预算 is the one the 决算 states for its whole
    一般公共预算财政拨款支出; why the budget was not spent is explained there too."""
    budget = pdf_engine.ask("社工部24年全年预算是多少")
    assert [(f.value, f.unit) for f in budget.figures][:1] == [("321.02", "万元")]
    why = pdf_engine.ask("社工部24年为什么没把预算花完")
    assert why.status == "answered" and why.citations[0].source.endswith("部门决算.pdf")


def test_water_and_electricity_is_the_sum_of_both_rows(pdf_engine):
    bills = pdf_engine.ask("福利院24年水电费一共预算多少")
    assert [(f.value, f.unit) for f in bills.figures][:1] == [("380000", "元")]


def test_the_part_asked_within_a_whole_and_a_reserved_share(pdf_engine):
    services = pdf_engine.ask("我们公司是做会议服务的，想了解下省委办公厅18年政府采购里买服务的预算一共多少")
    assert [(f.value, f.unit) for f in services.figures][:1] == [("1,359.50", "万元")]
    reserved = pdf_engine.ask("我是开小公司的，万里街道25年政府采购给中小企业预留了多少")
    assert [(f.value, f.unit) for f in reserved.figures][:1] == [("1928.48", "万元")]


def test_a_described_whole_is_broken_down_not_set_beside_another(pdf_engine):
    """"日常运转的公用经费": 公用经费's own items, not 基本支出 against 公用经费."""
    parts = pdf_engine.ask("福利院24年日常运转的公用经费主要花在哪些地方")
    assert parts.items[0].label == "物业管理费" and "基本支出" not in [i.label for i in parts.items]


def test_a_share_of_a_whole_said_in_other_words_is_the_share_stated(pdf_engine):
    """"占总支出的比例": the narrative's "本年支出合计…其中：基本支出…占34.30%" is that share."""
    share = pdf_engine.ask("社工部二零二四年基本支出占总支出的比例是多少")
    assert [(f.value, f.unit) for f in share.figures][:1] == [("34.30", "%")]
    assert "占34.30%" in share.citations[0].quote
    # the whole named by the line leading into the list the share is in ("…预算合计…，其中：")
    listed = pdf_engine.ask("我在做作业，老师让查省委办公厅2019年项目支出占全部支出的比重，是多少？")
    assert [(f.value, f.unit) for f in listed.figures][:1] == [("47.08", "%")]
    assert "占47.08%" in listed.citations[0].quote


def test_a_whole_with_its_parts_listed_as_examples_is_the_whole(pdf_engine):
    """"有没有三公经费啊 招待吃饭 公车 出国这些": the 三公 total decides, not the last part named."""
    none = pdf_engine.ask("区委社会工作部24年有没有三公经费啊 招待吃饭 公车 出国这些")
    assert none.answer.startswith("没有") and "“三公”经费决算数为0万元" in none.answer


def test_a_share_stated_beside_its_amount_is_of_that_amounts_concept(pdf_engine):
    """"因公出国（境）费支出70万元，占“三公”经费的13.75%": the share the narrative states."""
    share = pdf_engine.ask("省委办公厅17年出国经费占三公经费的比例是多少")
    assert [(f.value, f.unit) for f in share.figures][:1] == [("13.75", "%")]
    assert share.citations[0].table_seq is None and "13.75%" in share.citations[0].quote


def test_a_whole_one_part_holds_is_broken_down_into_that_parts_items(pdf_engine):
    """社工部's 人员经费 is all 工资福利支出 (303 empty): its items, largest first."""
    parts = pdf_engine.ask("社工部24年人员经费主要是哪些")
    assert [(i.label, i.value) for i in parts.items[:2]] == [("津贴补贴", "39.72"), ("住房公积金", "17.70")]


def test_a_follow_up_change_is_not_another_items_change(pdf_engine):
    """"比去年多了多少" after a total: a sentence on 公务接待费's change is no answer for it."""
    more = pdf_engine.ask("比去年多了多少", ["省政协19年一共预算多少钱"])
    assert not more.figures or more.figures[0].value not in ("15", "184.17")


def test_a_follow_up_naming_a_part_of_the_kept_concept_is_that_part(pdf_engine):
    """"那留给中小企业的呢" after 政府采购: the reserved share, not the 政府采购 total; a part no
    fact names well is not answered with the whole either."""
    reserved = pdf_engine.ask("那留给中小企业的呢", ["万里街道25年政府采购预算多少"])
    assert [(f.value, f.unit) for f in reserved.figures][:1] == [("1928.48", "万元")]
    small = pdf_engine.ask("那小微企业的呢", ["万里街道25年政府采购预算多少"])
    assert not small.figures or small.figures[0].value != "4821.20"
    # ("预留给小型和微型企业的…1349.94万元" is the 小微 part of the reserved share, said "小微")
    micro = pdf_engine.ask("小微呢", ["万里 25 采购 中小企业"])
    assert [(f.value, f.unit) for f in micro.figures][:1] == [("1349.94", "万元")], micro.answer


def test_a_kind_of_purchase_said_before_it_is_that_kind(pdf_engine):
    """"有没有工程方面的政府采购": the narrative's 拟采购工程支出0万元, not the whole's 1,624.42."""
    works = pdf_engine.ask("我是开装修公司的，想问下省政协19年有没有工程方面的政府采购预算？")
    assert works.answer.startswith("没有") and [(f.value, f.unit) for f in works.figures][:1] == [("0", "万元")]


def test_an_item_asked_of_a_table_named_is_there_only_if_that_table_prints_it(pdf_engine):
    """"基本支出预算表里有没有培训费这一项": neither 基本支出 table lists 培训费, so no, though the
    narrative states the 培训费 (cited after); the 三公 table, which does list it, says yes."""
    basic = pdf_engine.ask("江苏政协2019年的基本支出预算表里有没有培训费这一项？")
    assert basic.verdict == "no" and "不列“培训费”" in basic.answer
    sangong = pdf_engine.ask("江苏政协2019年的三公经费表里有没有培训费？")
    assert sangong.verdict == "yes" and sangong.figures[0].value == "281.77"


def test_a_gap_is_first_minus_second_and_the_answer_says_which_is_less(pdf_engine):
    """"比前年少了多少": −5,768,200元 (2025 minus 2023), said "少5768200元"; a yes/no reads the sign."""
    less = pdf_engine.ask("比前年少了多少啊", ["万里街道25年公益性岗位补贴预算多少"])
    assert [(f.value, f.unit) for f in less.figures][:1] == [("-5768200", "元")] and "少5768200元" in less.answer
    fewer = pdf_engine.ask("万里街道25年三公经费是不是比24年少了")
    assert fewer.answer.startswith("是")


def test_two_departments_compared_without_a_year_are_each_ones_latest(pdf_engine):
    more = pdf_engine.ask("省政协的三公经费比省委办公厅多多少")
    assert [c.source.split("_")[0] for c in more.citations][:2] == ["江苏省政协办公厅", "江苏省委办公厅"]
    assert [c.year for c in more.citations[:2]] == [2019, 2019]


def test_a_change_stated_for_a_subject_named_with_its_funding(pdf_engine):
    """"一般公共预算拨款安排的会议费预算支出…比上年预算增加398.4万元" is the 会议费's change;
    "涨了多少" asks it, also after a follow-up; "占多少" after an amount asks its share."""
    rose = pdf_engine.ask("涨了多少", ["省政协18年会议费多少", "19年呢"])
    assert [(f.value, f.unit) for f in rose.figures][:1] == [("398.4", "万元")]
    share = pdf_engine.ask("占多少", ["社工部24年基本支出多少"])
    assert [(f.value, f.unit) for f in share.figures][:1] == [("34.30", "%")]


def test_one_figure_of_several_years_is_listed_for_each(pdf_engine):
    each = pdf_engine.ask("万里街道2024年和2025年三公经费分别是多少")
    assert [(i.value, i.unit) for i in each.items] == [("47.91", "万元"), ("37.91", "万元")] and not each.figures


def test_a_concept_only_the_narrative_file_states_is_an_operand(pdf_engine):
    """省委办公厅's tables print no 人员经费 total; its narrative file does ("（一）人员经费9467.72万元"):
    the share over the tables' 基本支出 is computed from both, each cited."""
    share = pdf_engine.ask("省委办公厅19年人员经费占基本支出的比例")
    assert [(f.value, f.unit) for f in share.figures][:1] == [("80.92", "%")]
    assert any("9467.72" in c.quote for c in share.citations)


def test_follow_ups_on_a_kemu_and_on_another_year(pdf_engine):
    """"比上年多了多少" after "政协会议这个科目" is that 科目's change (its 政协 is no second mention
    of 省政协), not 会议费's; "25年少了多少" after 24年's figure sets 2025 against 2024."""
    row = pdf_engine.ask("比上年多了多少", ["省政协19年政协会议这个科目安排了多少"])
    assert [(f.value, f.unit) for f in row.figures][:1] == [("468.4", "万元")]
    year = pdf_engine.ask("25年少了多少", ["万里街道24年公益性岗位补贴安排了多少"])
    assert [(f.value, f.unit) for f in year.figures][:1] == [("-3629500", "元")]
    code = pdf_engine.ask("2080505是什么支出？万里街道24年在这上面安排了多少钱")
    assert [(f.value, f.unit) for f in code.figures][:1] == [("4,608,515", "元")]


def test_a_part_asked_within_a_figure_no_row_breaks_down_is_not_the_whole(pdf_engine):
    """"办公费里买电脑花了多少": the 办公费 total is not what computers cost, and nothing says that."""
    computers = pdf_engine.ask("万里街道23年办公费里买电脑花了多少")
    assert not computers.figures


def test_the_part_pointed_at_is_answered_from_the_narrative(pdf_engine):
    """"有货物也有工程，工程那块安排了多少": the 工程 figure the narrative states, not 货物's nor the whole's."""
    works = pdf_engine.ask("万里街道二零二三年政府采购预算里有货物也有工程，工程那块安排了多少")
    assert [(f.value, f.unit) for f in works.figures][:1] == [("550.00", "万元")]


def test_the_two_years_of_a_conversation_are_set_against_each_other(pdf_engine):
    """"两年比差了多少" after 25年's total and "那前年呢": 2025 against 2023, both cells cited."""
    history = ["万里街道25年一共打算花多少钱", "那前年呢"]
    answer = pdf_engine.ask("两年比差了多少", history)
    assert answer.plan["years"] == [2023, 2025]
    assert answer.figures[0].value.replace(",", "") == "24788911" and len(answer.citations) >= 2


def test_a_ranking_within_a_concept_reads_that_concepts_own_table(pdf_engine):
    """机关运行经费 has its own table (一般公共预算机关运行经费支出预算表): ranked on its rows,
    never on all the spending."""
    answer = pdf_engine.ask("省委办公厅18年机关运行经费里哪项花得最多")
    assert "办公费" in answer.answer and answer.figures[0].value == "489.30"


def test_a_rise_asked_in_percent_is_the_rate_of_change(pdf_engine):
    """"比24年多了百分之几" is (a − b) ÷ b, not a ÷ b; asked with the amount, the amount leads."""
    answer = pdf_engine.ask("万里街道25年财政拨款预算比24年多了百分之几")
    assert answer.figures[0].value == "21.48" and answer.figures[0].unit == "%"
    answer = pdf_engine.ask("省政协19年总支出比18年多了多少万 涨了百分之几")
    assert answer.figures[0].value == "3226.63" and "31.79%" in answer.answer


def test_a_follow_up_naming_only_another_year_sets_it_against_the_year_before(pdf_engine):
    """"19年比它多了多少" after 18年's 行政运行: the same row, 2019 against 2018."""
    answer = pdf_engine.ask("19年比它多了多少", ["省政协18年行政运行花了多少"])
    assert answer.plan["years"] == [2018, 2019] and answer.figures[0].value == "790.44"


def test_having_vehicles_is_answered_with_the_vehicles_counted(pdf_engine):
    answer = pdf_engine.ask("区府办25年有公车没")
    assert answer.verdict == "no" and answer.figures[0].unit == "辆"


def test_a_follow_up_naming_a_kind_asks_that_part_of_the_figure_before(pdf_engine):
    """"服务类的呢" after 政府采购: 政府采购服务支出, not every 科目 that says 服务."""
    answer = pdf_engine.ask("服务类的呢", ["万里街道二五年政府采购预算多少"])
    assert answer.plan["target"]["concepts"] == ["政府采购服务支出"] and answer.figures[0].value == "983.05"


def test_a_yes_no_is_about_the_year_of_the_sentence_that_asks(pdf_engine):
    """"25年还要买车？24年不是刚买过一辆吗": 2025's purchase; the remark after it is no exclusion."""
    answer = pdf_engine.ask("万里街道25年还要买车？24年不是刚买过一辆吗")
    assert answer.plan["years"] == [2025] and answer.verdict == "yes"
    assert any(f.unit == "辆" and f.value == "1" for f in answer.figures)


def test_a_multiple_put_up_to_be_checked_is_answered_yes_or_no(pdf_engine):
    """"翻了一倍吗" sets the later figure over the earlier; with the amount asked, the amount leads."""
    answer = pdf_engine.ask("万里街道政府采购预算25年比24年是不是翻了一倍")
    assert answer.figures[0].unit == "倍" and answer.answer.startswith("是。") and answer.verdict == "yes"
    answer = pdf_engine.ask("万里街道“其他城乡社区支出”2025年比2024年多了多少钱？翻了两番没有")
    assert answer.figures[0].value == "43128737" and "5.68倍" in answer.answer and answer.verdict == "yes"
    answer = pdf_engine.ask("省政协办公厅总支出从2017年到2019年涨了几成")
    assert answer.figures[0].value == "46.25" and answer.figures[0].unit == "%"


def test_the_finest_level_is_the_xiang(pdf_engine):
    answer = pdf_engine.ask("区政府办公室2025年最细一级科目里哪项最多")
    assert answer.plan["level"] == "项" and answer.items[0].label == "一般行政管理事务"


def test_someone_telling_who_saw_it_is_no_department(pdf_engine):
    answer = pdf_engine.ask("我妈看到省政协2019年开政协会议的钱涨了不少，为什么")
    assert answer.plan["departments"] == ["江苏省政协办公厅"] and not answer.plan["unknown_departments"]


def test_a_short_item_printed_twice_under_one_code_with_two_figures_is_asked_not_guessed(pdf_engine):
    """电费 30206: 300.00 in the 基本支出 table, 830.00 in the 机关运行经费 table (another scope)."""
    answer = pdf_engine.ask("省委办公厅2017年电费多少钱")
    assert answer.status == "unclear" and "300.00万元" in answer.answer and "830.00万元" in answer.answer


def test_a_part_asked_within_its_whole_is_the_part(pdf_engine):
    """"财政拨款基本支出里，人员经费": 人员经费 (inside 基本支出), not 基本支出's own figure."""
    answer = pdf_engine.ask("省委办公厅2019年财政拨款基本支出里，人员经费是多少？")
    assert answer.figures[0].value == "9467.72" and answer.figures[0].unit == "万元"


def test_a_share_of_its_own_row_is_over_that_rows_total(pdf_engine):
    """"城乡社区支出的项目支出占该类支出合计": the row's 项目支出 over the row's 合计."""
    answer = pdf_engine.ask("万里街道2025年部门支出预算中，城乡社区支出（类）的项目支出占该类支出合计的比重是多少？")
    assert answer.figures[0].value == "49.87" and "城乡社区支出合计" in answer.answer


def test_one_item_in_two_named_tables_is_set_against_itself(pdf_engine):
    answer = pdf_engine.ask("省政协办公厅2019年，收支预算总表里一般公共服务支出和财政拨款支出预算表里的一般公共服务支出，两个数差了多少？")
    assert answer.figures[0].value.lstrip("-") == "80.00"
    assert {c.row for c in answer.citations[:2]} == {"一、一般公共服务支出", "一般公共服务支出"}


def test_a_place_after_a_body_is_that_bodys_own(pdf_engine):
    """"CPPCC office Jiangsu": 江苏 is 政协办公厅's place, not a second 江苏 办公厅 to add."""
    answer = pdf_engine.ask("CPPCC office Jiangsu 2019 total budget how much? 全部的钱")
    assert answer.plan["departments"] == ["江苏省政协办公厅"] and answer.figures[0].value == "13,377.11"


def test_parts_added_up_are_set_against_their_whole(pdf_engine):
    answer = pdf_engine.ask("备课用：江苏省政协办公厅2017年的基本支出、项目支出、单位预留机动经费，这三项加起来是不是正好等于支出总数？")
    assert answer.verdict == "yes" and answer.figures[0].value == "9146.79"
    answer = pdf_engine.ask("万里街道2025年三公经费里出国、接待、公务用车这三项加起来是多少？跟表上的合计对得上吗？")
    assert answer.verdict == "yes" and answer.figures[0].value == "37.91"


def test_a_trend_is_read_over_every_year_on_file(pdf_engine):
    answer = pdf_engine.ask("省政协办公厅三公经费是不是逐年减少")
    assert answer.verdict == "yes" and [f.value for f in answer.figures] == ["676.10", "675.10", "660.10"]


def test_a_share_of_a_part_only_the_narrative_states(pdf_engine):
    answer = pdf_engine.ask("万里街道25年政府采购里留给中小企业的，有没有占到四成？")
    assert answer.verdict == "yes" and answer.figures[0].value == "40.00"


def test_a_change_no_sentence_states_is_computed_from_last_years_document(pdf_engine):
    answer = pdf_engine.ask("比上一年少了多少？", ["万里街道2024年收入预算多少？"])
    assert answer.figures[0].value.lstrip("-") == "8767517"
    assert {c.source for c in answer.citations} >= {"上海市普陀区万里街道办事处_2024年部门预算.pdf",
                                                    "上海市普陀区万里街道办事处_2023年部门预算.pdf"}


def test_a_claim_about_the_largest_item_is_checked_on_its_figure(pdf_engine):
    answer = pdf_engine.ask("万里街道23年哪一项科目花钱最多？是不是差不多五千万？")
    assert answer.verdict == "yes" and answer.figures[0].value == "49,927,105"


def test_a_count_at_the_end_of_a_year_without_a_document_is_read_from_the_next_years(pdf_engine):
    answer = pdf_engine.ask("万里街道办事处截至2022年底一共有几辆车辆？")
    assert answer.figures[0].value == "7" and "2023" in answer.citations[0].source
    assert "截至2022年底" in answer.answer
    assert pdf_engine.ask("万里街道2021年有几辆车").status != "answered"


def test_a_guessed_amount_with_a_question_is_checked(pdf_engine):
    answer = pdf_engine.ask("江苏省委办公厅2019年预算总共差不多两个多亿吧？准确数是多少？")
    assert answer.verdict == "yes" and answer.figures[0].value == "27,664.22"


def test_buying_an_official_car_said_in_everyday_words(pdf_engine):
    answer = pdf_engine.ask("江蘇省委辦公廳2019年有沒有編列預算買新的公務車？")
    assert answer.verdict == "no" and answer.plan["target"]["concepts"] == ["公务用车购置费"]


def test_a_search_box_year_right_after_the_name_is_read(pdf_engine):
    """"省委办公厅17采购": 2017's, not the latest year's; a year with no document is refused."""
    answer = pdf_engine.ask("省委办公厅17采购")
    assert answer.plan["years"] == [2017] and answer.figures[0].value == "1,774.70"
    assert pdf_engine.ask("社工部23决算人员经费").status != "answered"
    answer = pdf_engine.ask("政协19 买公车没")
    assert answer.verdict == "no"


def test_a_ranking_in_a_table_named_in_full_is_of_that_tables_rows(pdf_engine):
    answer = pdf_engine.ask("中共江苏省委办公厅2017年一般公共预算机关运行经费支出预算表中，哪个款级科目金额最大？")
    assert answer.items[0].label == "其他商品和服务支出" and answer.items[0].value == "4,458.00"


def test_a_ranking_of_figures_listed_one_by_one_is_among_them(pdf_engine):
    answer = pdf_engine.ask("省委办公厅18年预算里基本支出、项目支出、机动经费各多少？哪块最大？")
    assert [i.label for i in answer.items] == ["项目支出", "基本支出", "单位预留机动经费"]


def test_a_unit_under_the_department_is_not_answered_with_the_departments_figure(pdf_engine):
    answer = pdf_engine.ask("省委办公厅管的东郊国宾馆19年预算收入多少")
    assert answer.status != "answered" and not answer.figures and "东郊国宾馆" in answer.answer


def test_a_street_office_is_called_by_its_own_name(pdf_engine):
    answer = pdf_engine.ask("万里的三公经费")
    assert answer.plan["departments"] == ["上海市普陀区人民政府万里街道办事处"]


def test_an_average_month_is_the_years_figure_divided_by_twelve(pdf_engine):
    answer = pdf_engine.ask("省委办公厅19年公务接待费平均一个月多少元")
    assert answer.figures[0].derived and answer.figures[0].value == "22500.00" and answer.figures[0].unit == "元"
    assert "÷ 12" in answer.figures[0].formula


def test_search_box_nouns_and_everyday_row_names(pdf_engine):
    assert pdf_engine.ask("政协19车").figures[0].value == "46"
    assert pdf_engine.ask("省委办18房贴").figures[0].value == "2,299.88"


def test_a_yes_no_then_how_many(pdf_engine):
    """"是不是又要买公车？买几辆？": yes, with the purchase money and the number of cars."""
    answer = pdf_engine.ask("万里街道25年是不是又要买公车？买几辆？")
    assert answer.verdict == "yes" and any(f.value == "1" and f.unit == "辆" for f in answer.figures)


def test_each_and_the_gap_asked_together_is_the_gap(pdf_engine):
    answer = pdf_engine.ask("万里街道23年和24年的机关运行经费各是多少？差了多少？")
    assert answer.figures[0].value.lstrip("-") == "342.91"


def test_a_share_follow_up_is_of_the_whole_asked_before(pdf_engine):
    answer = pdf_engine.ask("接待费在里面占几成？给个百分比", ["政协17年三公经费一共多少"])
    assert answer.figures[0].value == "65.60"


def test_a_name_several_rows_of_a_named_table_share_is_asked_about(pdf_engine):
    """The 政府采购预算表's three 会议费 rows: asked which, never the table's total."""
    answer = pdf_engine.ask("中共江苏省委办公厅2018年政府采购预算表会议费总计是多少")
    assert answer.status == "unclear" and not answer.figures


def test_what_someone_said_after_the_question_is_not_asked(pdf_engine):
    """"…一共给了多少钱？我儿子说表里好几个数对不上": the rows of 离退休 are listed, no "一致"."""
    answer = pdf_engine.ask("我是政协退休的，19年政协办公厅预算里，离退休这块一共给了多少钱？我儿子说表里好几个数对不上，我也看不明白。")
    assert answer.verdict is None and not answer.figures and len(answer.items) >= 3


def test_office_money_is_the_public_funds_and_an_unknown_item_is_not_the_one_before(pdf_engine):
    answer = pdf_engine.ask("那办公经费呢？", ["省委办公厅18年人员经费多少"])
    assert answer.figures[0].value == "2094.58" and "公用经费" in answer.answer
    assert "人员经费" not in pdf_engine.ask("那装修经费呢？", ["省委办公厅18年人员经费多少"]).plan["target"]["concepts"]


def test_a_breakdown_one_broad_part_nearly_fills_goes_a_level_down(pdf_engine):
    """机关运行经费: 302 商品和服务支出 is 97% of it; its items (会议费, 差旅费 …) are what it went on."""
    answer = pdf_engine.ask("政协办公厅17年的机关运行经费有3348.98万，主要花在哪几项上？")
    assert [i.label for i in answer.items[:2]] == ["会议费", "差旅费"]


def test_a_code_named_is_never_answered_with_a_total_its_tables_title_calls_up(pdf_engine):
    """"财政拨款支出预算表20131 党委办公厅（室）…是多少": that 科目 or nothing, not 财政拨款支出's total."""
    answer = pdf_engine.ask("中共江苏省委办公厅2018年财政拨款支出预算表20131 党委办公厅（室）及相关机构事务金额是多少")
    assert not answer.figures or answer.figures[0].value != "24458.43"


def test_a_table_said_by_its_short_name_and_one_item_in_two_tables(pdf_engine):
    """"三公表里的公务接待费和基本支出经济分类表里302 17公务接待费…差多少": 28.50万元 against 185,000元."""
    answer = pdf_engine.ask("区政府办25年预算我对了一下：三公表里的公务接待费和基本支出经济分类表里302 17公务接待费对不上，两个数差多少？")
    assert answer.figures[0].value.lstrip("-") == "10.00" and answer.figures[0].unit == "万元"


def test_a_figure_per_vehicle_rounded_as_asked(pdf_engine):
    answer = pdf_engine.ask("省委办公厅19年平均每辆公车一年的运行维护费是多少万？保留两位小数")
    assert answer.figures[0].value == "3.24" and answer.figures[0].unit == "万元", answer.answer  # 411.20 ÷ 127


def test_a_figure_per_vehicle_over_the_count_of_the_day_said(pdf_engine):
    """"按截至2023年8月31日的车辆数算": the count is the 2024 budget's (7辆), not a 2023 document's."""
    answer = pdf_engine.ask("万里街道24年公务用车运行费按截至2023年8月31日的车辆数平均，每辆多少万元，保留两位小数")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("3.08", "万元"), answer.answer  # 21.56 ÷ 7


def test_a_figure_per_vehicle_over_all_vehicles_where_no_保有量_is_stated(pdf_engine):
    """The 三公's 公务用车 money per vehicle is over the 公务用车保有量 where stated; where not, over all
    the vehicles (车辆7辆), never the 一般公务用车 (3辆) among them."""
    answer = pdf_engine.ask("万里街道23年预算里，平均每辆公车一年的运行费是多少？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("3.08", "万元"), answer.answer  # 21.56 ÷ 7


def test_what_an_item_is_spent_on_and_its_figure(pdf_engine):
    """"公务接待费是花在什么上的？…是多少": the item's figure, not the department's spending broken down."""
    answer = pdf_engine.ask("公务接待费是花在什么上的？普陀区政府办公室2025年预算里公务接待费是多少？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("28.50", "万元"), answer.answer


def test_vehicles_counted_when_the_question_says_公车(pdf_engine):
    assert pdf_engine.ask("省委办公厅到底养了多少辆公车？19年那份").figures[0].value == "127"
    answer = pdf_engine.ask("万里街道是不是公车一大堆？24年预算里说到底有几辆车？")
    assert answer.figures[0].value == "7" and answer.figures[0].unit == "辆", answer.answer


def test_the_last_question_asking_the_largest_is_the_one_answered(pdf_engine):
    answer = pdf_engine.ask("万里街道24年政府采购1600多万，是不是都拿去买东西了？哪一类最多？")
    assert answer.figures[0].value == "815.87" and "工程" in answer.answer, answer.answer


def test_a_follow_up_against_an_earlier_year_is_the_later_minus_the_earlier(pdf_engine):
    answer = pdf_engine.ask("那具体比24年多了多少？", ["万里街道25年预算一下子比去年多了三千多万，文件里是怎么解释的？"])
    assert answer.figures and not answer.figures[0].value.startswith("-"), answer.answer


def test_the_summary_table_said_as_总表(pdf_engine):
    answer = pdf_engine.ask("省委办17年一般公共服务支出，总表和财政拨款支出表为什么差了一截，差多少")
    assert answer.figures[0].value == "147.20", answer.answer  # 收支预算总表 16,992.37 - 财政拨款支出预算表 16,845.17


def test_a_share_of_a_row_named_by_its_code(pdf_engine):
    answer = pdf_engine.ask("决算表里“2080505 机关事业单位基本养老保险缴费支出 6.18”这行是什么意思？占社工部总支出多少？")
    assert answer.figures[-1].value == "2.01" or "2.01%" in answer.answer, answer.answer  # 6.18 / 307.82


def test_whether_a_cell_is_empty(pdf_engine):
    answer = pdf_engine.ask("省委办公厅2019年“三公”经费预算表中，公务用车购置费一栏是空的吗？")
    assert answer.verdict == "yes", answer.answer
    assert pdf_engine.ask("省委办公厅2019年“三公”经费预算表中，公务接待费一栏是空的吗？").verdict == "no"


def test_a_fund_the_narrative_says_is_absent_is_not_had(pdf_engine):
    answer = pdf_engine.ask("社工部24年决蒜里面 有没有政府性基金的钱啊 收入支出什么的")
    assert answer.verdict == "no" and answer.answer.startswith("没有"), answer.answer


def test_a_named_unit_under_the_department_is_declined(pdf_engine):
    answer = pdf_engine.ask("省委办公厅2018年部门预算里东郊国宾馆的收入预算是多少？想对比下属宾馆的做法")
    assert answer.status == "not_found" and not answer.figures and "东郊国宾馆" in answer.answer, answer.answer


def test_headcounts_not_printed_are_not_a_breakdown_of_money(pdf_engine):
    answer = pdf_engine.ask("区府办25年在编人数和实有人数各多少？")
    assert not answer.figures, answer.answer


def test_a_follow_up_asking_the_tables_total_after_a_ranking(pdf_engine):
    answer = pdf_engine.ask("那第二年（2018年）这张表合计是多少？统计口径是不是变了",
                            ["省政协2017年一般公共预算机关运行经费支出预算表里，款级最大的是哪一项？"])
    assert answer.figures[0].value == "1,115.85", answer.answer


def test_english_words_for_procurement_parts_and_a_shortfall(pdf_engine):
    answer = pdf_engine.ask("Putuo 社工部 2024 决算: by how much did actual general-public-budget spending "
                            "fall short of the full-year budget?")
    assert answer.figures[0].value == "13.20", answer.answer  # 全年预算 321.02 - 决算 307.82
    answer = pdf_engine.ask("Putuo District Civil Affairs Bureau (普陀区民政局) – how much was budgeted for 养老服务 in 2024?")
    assert answer.status == "not_found" and not answer.figures


def test_a_kemu_named_as_its_path_is_the_last_of_it(pdf_engine):
    answer = pdf_engine.ask("请核实：区委社会工作部2024年度决算中，社会工作事务（款）事业运行（项）的支出决算数比全年预算数少了多少？")
    assert answer.figures[0].value.lstrip("-") == "6.37", answer.answer  # 全年预算17.68, 决算11.31


def test_items_above_an_amount_under_a_named_kemu(pdf_engine):
    answer = pdf_engine.ask("省政协办公厅19年一般公共服务支出下面，超过1000万的科目有哪些")
    assert [i.label for i in answer.items] == ["行政运行", "一般行政管理事务", "政协会议"], answer.answer


def test_within_the_full_year_budget_is_read_against_that_budget(pdf_engine):
    answer = pdf_engine.ask("区委社会工作部2024年一般公共预算财政拨款支出决算是否控制在全年预算以内？")
    assert answer.verdict == "yes", answer.answer  # 307.82 against 全年预算 321.02 (年初预算 is 0)


def test_a_change_asked_with_its_reason_heads_with_the_change(pdf_engine):
    answer = pdf_engine.ask("与上年相比变化了多少？预算说明是如何解释的？",
                            ["请问江苏省政协办公厅2018年一般公共预算机关运行经费预算是多少？"])
    assert answer.figures[0].value.replace(",", "") == "2233.13", answer.answer
    assert "统计口径发生变化" in answer.answer  # and the reason the 说明 gives for it


def test_one_kemu_by_code_with_the_tables_words_around_it_is_its_cell(pdf_engine):
    answer = pdf_engine.ask("上海市普陀区人民政府万里街道办事处2023年部门收入预算总表20607 科学技术普及收入预算合计是多少")
    assert answer.figures[0].value == "100,000", answer.answer  # not a sum with 本年收入合计
    answer = pdf_engine.ask("中共上海市普陀区委社会工作部2024年一般公共预算财政拨款基本支出决算表30240 税金及附加费用决算数是多少")
    assert len(answer.figures) == 1 and answer.figures[0].value in ("0.00", "0"), answer.answer  # the 加 of 附加 adds nothing


def test_a_procurement_item_printed_under_several_projects_is_asked_about(pdf_engine):
    # the 政府采购预算表 prints its rows in outline form: 会议服务 under two projects, each bought
    # 分散自行组织 (how, not what): both rows are offered, each with its project, no total guessed
    answer = pdf_engine.ask("政协2019年政府采购表里“会议服务”一项是多少钱")
    assert answer.status == "unclear" and not answer.figures, answer.answer
    assert "省政协专项会议·会议费" in answer.answer and "省政协业务工作经费·培训费" in answer.answer
    assert {c.cell for c in answer.citations} == {"892.65", "271.77"}


def test_a_part_within_a_whole_is_not_the_wholes_stated_figure(pdf_engine):
    answer = pdf_engine.ask("省委办公厅19年政府采购里台式电脑安排了多少钱")
    assert not any(f.value == "1422.50" for f in answer.figures), answer.answer  # the procurement total


def test_everyday_words_for_procured_items(pdf_engine):
    """表十二 政府采购预算表 (省政协 2017): "电脑" is every 计算机 row, listed; "台式电脑", also
    said inside the 政府采购 it belongs to, is the 台式计算机 row alone (10.80), never the total."""
    listed = pdf_engine.ask("省政协17年买电脑的预算有多少？")
    assert not listed.figures and {"10.80", "2.00"} <= {i.value for i in listed.items}, listed.answer
    for question in ("省政协17年台式电脑多少钱", "省政协17年政府采购里台式电脑多少钱"):
        answer = pdf_engine.ask(question)
        assert [(f.value, f.unit) for f in answer.figures] == [("10.80", "万元")], answer.answer


@pytest.mark.parametrize("question, value", [("江苏政协办公厅17年最后那张采购表里，买家具的钱是多少？", "48.00"),
                                             ("省政协17年买打印机多少钱", "0.20")])
def test_everyday_words_for_procurement_catalogue_items(pdf_engine, question, value):
    """表十二 政府采购预算表 (省政协 2017) prints the catalogue's 家具用具 and 打印设备（20万以下）:
    "家具" and "打印机" are those rows, never the procurement total 1,271.22."""
    answer = pdf_engine.ask(question)
    assert [(f.value, f.unit) for f in answer.figures] == [(value, "万元")], answer.answer


def test_a_share_of_another_part_is_no_answer(pdf_engine):
    """省政协 2017 states "服务类政府采购支出预算1,011.90万元,占79.60%" and nothing of 中小企业:
    the 服务 share is no share of the contracts asked."""
    answer = pdf_engine.ask("省政协17年政府采购给中小企业的合同有多少，占几成")
    assert not answer.figures, answer.answer


def test_stated_parts_adding_up_to_their_stated_whole_are_all_of_it(pdf_engine):
    """社工部 2024 prints no procurement table; its narrative states 政府采购金额21.07万元, 货物21.07,
    工程0, 服务0: all of it is goods, whichever way the kind is asked (never "服务 0" as the headline)."""
    for question in ("普陀社工部24年政府采购主要买的是什么",
                     "普陀社工部24年政府采购实际签了多少钱的合同？买的是东西还是服务？"):
        answer = pdf_engine.ask(question)
        assert [(f.value, f.unit) for f in answer.figures[:1]] == [("21.07", "万元")] and "全部是货物" in answer.answer, answer.answer


def test_a_part_guessed_before_a_ranking_ranks_the_whole(pdf_engine):
    """"政府采购1600多万，是不是都拿去买东西了？哪一类最多": 万里 2024's 政府采购 by kind, 工程 first."""
    answer = pdf_engine.ask("万里街道24年政府采购1600多万，是不是都拿去买东西了？哪一类最多？")
    assert answer.figures[0].value == "815.87", answer.answer


def test_the_bodys_own_office_set_aside_from_the_units_under_it(pdf_engine):
    """"包括万里街道本部以及下属5家预算单位": the units under it already leave the 本部 out."""
    answer = pdf_engine.ask("万里街道23年部门预算里，除了街道本部，下面还有几家单位？")
    assert [(f.value, f.unit) for f in answer.figures] == [("5", "家")], answer.answer


def test_rent_allowance_said_the_everyday_way(pdf_engine):
    """"房租补贴" is 提租补贴 (2210202, 2,928.22), not 租赁费: set against 住房公积金 965.87."""
    answer = pdf_engine.ask("省委办公厅19年住房这块，公积金和房租补贴哪个多？多多少")
    assert "1962.35" in answer.answer and "提租补贴" in answer.answer, answer.answer


def test_a_body_corrected_after_the_question(pdf_engine):
    answer = pdf_engine.ask("省政协19年有多少辆车，哦我是说省委办公厅的")
    assert [(f.value, f.unit) for f in answer.figures] == [("127", "辆")], answer.answer


def test_a_summary_share_asked_after_the_largest_part(pdf_engine):
    """"一共多少，哪一块最大，占几成": 676.10 heads, the largest part 公务接待费 443.50 and its share after."""
    answer = pdf_engine.ask("用一句话说说江苏省政协办公厅17年的三公经费：一共多少，哪一块最大，占几成？")
    assert [f.value for f in answer.figures[:2]] == ["676.10", "443.50"] and "65.60%" in answer.answer, answer.answer


def test_a_part_of_the_document_named_as_where_to_look_is_no_subject(pdf_engine):
    """"“其他重要事项说明”里，有没有项目实行了绩效目标管理": the heading says where, so its 其他 is not
    the 其他资金80万元 the 收入 section states (省政协 2018 states 0 projects)."""
    answer = pdf_engine.ask("省政协2018年预算的“其他重要事项说明”里，有没有项目实行了绩效目标管理？")
    assert not any(f.value == "80" for f in answer.figures) and answer.verdict != "yes", answer.answer


@pytest.mark.parametrize("question, first", [("万里街道25年三公经费逐项列一下", "36.56"),
                                             ("万里街道23年工资福利支出逐项列一下", "37,884,108")])
def test_a_listing_asked_is_the_parts_each(pdf_engine, question, first):
    """"逐项列一下" asks each part (as "分别是多少" does): the largest first, not the total."""
    answer = pdf_engine.ask(question)
    assert answer.figures[0].value == first, answer.answer


def test_a_figure_listed_by_year(pdf_engine):
    answer = pdf_engine.ask("省政协17到19年的会议费按年份列出来")
    assert all(v in answer.answer for v in ("1,094.62", "884.16", "1,282.56")), answer.answer


@pytest.mark.parametrize("question, value", [("省政协17年公务接待费说比上年少了一点，那16年是多少？", "444.30"),
                                             ("省委办公厅17年预算里说机关运行经费比上年多了好多，那16年是多少？", "2149.46")])
def test_the_year_before_asked_after_its_change_told(pdf_engine, question, value):
    """The change told (no amount needed) names the item; 16年 is the year before 2017, which only
    the 2017 document's 比上年 sentence gives: level less or plus the change."""
    answer = pdf_engine.ask(question)
    assert [f.value for f in answer.figures[:1]] == [value], answer.answer


def test_the_official_cars_money_is_no_count_of_cars(pdf_engine):
    """"有没有公车方面的预算": the 三公 item 公务用车购置及运行费 (0), not "车辆0辆"."""
    answer = pdf_engine.ask("普陀区政府办25年有没有公车方面的预算")
    assert not any(f.unit == "辆" for f in answer.figures), answer.answer


def test_sessions_counted_are_no_money(pdf_engine):
    answer = pdf_engine.ask("省政协19年要办几期全省政协系统领导干部培训班")
    assert not any(f.unit in ("万元", "元") for f in answer.figures), answer.answer


def test_rows_listed_each_are_side_by_side(pdf_engine):
    """"一般公共服务、社会保障和就业、住房保障各花了多少": the three 类 as printed; a list whose items
    are not all rows ("社保、住房") is no breakdown of one of them (住房改革支出)."""
    answer = pdf_engine.ask("省委办公厅17年一般公共服务、社会保障和就业、住房保障各花了多少？")
    assert all(v in answer.answer for v in ("16,992.37", "2,000.39", "1,856.69")), answer.answer
    loose = pdf_engine.ask("省委办公厅17年的支出按大类列一下，一般公共服务、社保、住房各花了多少？")
    assert not any(f.value == "1,235.41" for f in loose.figures), loose.answer


def test_a_body_typed_by_sound_outside_its_place(pdf_engine):
    """"江苏省正协" (with 省 written) is 江苏省政协办公厅, not both 江苏 bodies."""
    answer = pdf_engine.ask("江苏省正协17年培训费安排了多少")
    assert [f.value for f in answer.figures] == ["81.60"], answer.answer


def test_the_year_before_s_outturn_a_budget_states_under_its_kemu(pdf_engine):
    """福利院 2024 budget, 编制说明 item 2: "“…机关事业单位基本养老保险缴费支出（项）”76.76万元，…2023年
    当年预算执行数为70.70万元" — the 2023 outturn of that 科目, not its 养老支出 neighbours (54.60, 35.35);
    a 2023 budget asked is no outturn."""
    spent = pdf_engine.ask("福利院23年养老保险缴费实际花了多少")
    assert [(f.value, f.unit) for f in spent.figures] == [("70.70", "万元")], spent.answer
    budget = pdf_engine.ask("福利院23年养老保险缴费预算是多少")
    assert not budget.figures, budget.answer


def test_a_ranking_within_a_figure_with_no_parts_known_is_not_the_spendings(pdf_engine):
    # 政府采购货物 has items in the 政府采购预算表 only; the 功能科目 are no parts of it
    answer = pdf_engine.ask("省政协19年政府采购里买的货物，哪一样金额最大？")
    assert not any(f.value == "5223.22" for f in answer.figures), answer.answer  # 行政运行


def test_the_goods_bought_are_the_procurement_tables_item_lines_beneath_its_goods_line(pdf_engine):
    # 政府采购预算表 2018: "一、货物A" 355.67 = its lines ending in how each is bought
    # ("…/家具用具/分散自行组织" 198.00 …); the goods are the whole, not 政府采购 (服务 926.09 is no goods)
    answer = pdf_engine.ask("省政协办公厅18年采购的货物里，哪样花钱最多？")
    assert [f.value for f in answer.figures] == ["198.00"] and "家具用具" in answer.answer, answer.answer
    assert "926.09" not in answer.answer
    # a part said after the asking word is a guess among the parts, not what is broken down
    guessed = pdf_engine.ask("政协办公厅18年三公经费里哪项花得最多？总不会是接待费吧？")
    assert [f.value for f in guessed.figures] == ["412.50"], guessed.answer


def test_the_reason_for_a_change_is_the_later_years_documents(pdf_engine):
    # the 2018 narrative explains the fall (退休费由省社保机构统一发放); the 2017 one its own rise
    answer = pdf_engine.ask("省政协18年社会保障和就业支出比17年少了多少，为什么少这么多")
    assert "685.96" in answer.answer and "省社保机构统一发放" in answer.answer, answer.answer
    assert "增加140.96" not in answer.answer


def test_a_projects_own_page_answers_what_the_project_is_for(pdf_engine):
    # 区府办 2025 p22: "区政府督查…项目经费情况说明" then "一、项目概述": the project is named in
    # the title the sections sit under
    answer = pdf_engine.ask("区府办那个“区政府督查及建议提案工作业务经费”项目是干什么用的")
    assert "人大代表建议政协提案办理" in answer.answer, answer.answer


def test_a_breakdown_of_a_subject_lists_its_kemu_not_all_spending(pdf_engine):
    answer = pdf_engine.ask("社工部24年在养老这块花的钱，都花在哪几样上了？")
    assert not answer.figures and "机关事业单位基本养老保险缴费支出" in answer.answer, answer.answer
    assert "一般公共服务支出" not in answer.answer


def test_a_breakdown_of_a_subject_that_is_one_kemu_lists_the_kemu_beneath_it(pdf_engine):
    # "社会保障" is part of one 类 only (208, 823.76 in three tables): its 项, not its total
    answer = pdf_engine.ask("省政协办公厅18年社会保障那块的钱，是给老百姓的吗？都花哪了？")
    assert {"407.81", "252.82", "163.13"} <= {i.value for i in answer.items}, answer.answer


def test_pension_money_of_two_classifications_is_offered_as_candidates(pdf_engine):
    """"退休金": 30302 退休费 (707.43, 经济分类) and 2080504 未归口管理的行政单位离退休 (277.05, 功能分类)
    both fit and are not one figure; both are offered, with no headline (two readers of the
    document disagreed on which one "the" answer is)."""
    answer = pdf_engine.ask("政协19年给退休人员发的退休金那块有多少钱")
    assert not answer.figures and {"707.43", "277.05"} <= {i.value for i in answer.items}, answer.answer


def test_a_kemu_asked_by_code_is_not_the_amount_of_a_xiang_under_it(pdf_engine):
    """The 2018 narrative prints "2．党委办公厅（室）及相关机构事务（款）一般行政管理事务（项）支出
    12081.46万元": that is the 项's amount, not the 款 20131's (20,153.75 in the tables)."""
    answer = pdf_engine.ask("中共江苏省委办公厅2018年财政拨款支出预算表20131 党委办公厅（室）及相关机构事务金额是多少")
    assert not any(f.value in ("12081.46", "8072.29") for f in answer.figures), answer.answer
    # the same as a stated fact of 2017 (its subject: that 款's 行政运行支出 6106.99)
    stated = pdf_engine.ask("中国共产党江苏省委员会办公厅2017年财政拨款支出预算表20131 党委办公厅（室）及相关机构事务金额是多少")
    assert not any(f.value in ("6106.99", "10738.18") for f in stated.figures), stated.answer


@pytest.mark.parametrize("question, verdict", [
    ("政协这三年三公经费是不是一直在降", "是"),  # 676.10, 675.10, 660.10
    ("万里街道机关运行经费23到25年是不是一年比一年少", "不是"),  # 786.09, 443.18, 464.64: 2024 counts
    ("万里街道三公经费预算这三年（23到25年）是不是年年都在涨？", "不是"),  # 22.91, 47.91, 37.91
])
def test_a_trend_reads_every_year_held_in_the_range(pdf_engine, question, verdict):
    assert pdf_engine.ask(question).answer.startswith(verdict + "。")


def test_two_rows_set_against_each_other_within_a_fund_named_first(pdf_engine):
    """"财拨里行政运行比一般行政管理事务少多少": the two 项 (9,370.12 and 13,025.38); 财政拨款,
    where they lie, is no operand."""
    a = pdf_engine.ask("省委办公厅19年财拨里行政运行比一般行政管理事务少多少")
    assert "3655.26" in a.answer and "27,664.22" not in a.answer


@pytest.mark.parametrize("question, listing", [
    ("万里街道这三年三公经费怎么变的", "2023年22.91万元；2024年47.91万元；2025年37.91万元"),
    ("政协这几年三公经费分别多少", "2017年676.10万元；2018年675.10万元；2019年660.10万元"),
])
def test_a_figure_over_the_years_covered_is_listed_year_by_year(pdf_engine, question, listing):
    a = pdf_engine.ask(question)
    assert listing in a.answer and len(a.citations) == 3


def test_what_an_item_is_for_is_the_sentence_under_its_heading(pdf_engine):
    """The narrative heads each 科目 with a bare numbered line and says what it is for in the next
    sentence (here on the next page): that one, not another item's "主要用于"; "200多万" is an
    amount told, not 科目 code 200."""
    answer = pdf_engine.ask("社工部24年那个“其他社会工作事务支出”200多万是干嘛用的？")
    assert answer.plan["target"]["codes"] == [] and "新建部门开办费" in answer.answer
    assert "行政单位人员支出" not in answer.answer


def test_a_guessed_cause_and_a_department_completion_rate(pdf_engine):
    answer = pdf_engine.ask("社工部24年事业运行只花了11万多，没花完是因为人员变动吗？")
    assert answer.verdict == "yes" and "人员变动" in answer.answer
    answer = pdf_engine.ask("普陀社工部24年预算执行得咋样，完成了预算的百分之几？")
    assert answer.figures[0].value == "95.89"  # the 一般公共预算财政拨款支出's, not an item's 98.69


def test_budget_against_actual_of_the_department_and_of_one_item(pdf_engine):
    answer = pdf_engine.ask("社工部2024年实际花的比全年预算少了多少？")
    assert answer.figures[0].value == "-13.20"  # 307.82 − 321.02, the actual named first
    # the narrative names the item by 款 and 项 ("社会工作事务事业运行"); the question by the 项
    answer = pdf_engine.ask("社工部2024年事业运行的budget和actual差多少？")
    assert answer.figures[0].value == "6.37"


def test_everyday_running_costs_are_the_public_funds_not_the_salaries(pdf_engine):
    """"日常开支": the running costs (公用经费), not 基本支出 with its 绩效工资."""
    answer = pdf_engine.ask("福利院24年日常开支里哪样花钱最多")
    assert "物业管理费" in answer.answer and answer.figures[0].value == "1,206,000"


def test_a_total_is_broken_down_by_the_lines_its_table_lists(pdf_engine):
    """The 江苏 收支预算总表 lists 一、财政拨款 二、财政专户管理资金 三、其他资金 over 当年收入小计:
    those lines, where no standard income concept (事业收入 …) is printed."""
    answer = pdf_engine.ask("政协办公厅18年的收入都是从哪几块来的")
    assert "其他资金" in answer.answer and answer.figures[0].value == "10,070.48"
    # the one sub-line filled in under a line is all of it by another name, said beside it
    assert answer.items[0].label == "财政拨款（一般公共预算）"


def test_a_part_set_aside_of_a_named_whole_and_a_broad_word_for_the_figure_before(pdf_engine):
    answer = pdf_engine.ask("区政府办25年三公经费里，除了出国的钱，还剩多少")
    assert answer.figures[0].value == "28.50"
    answer = pdf_engine.ask("那18年这块收入呢", ["省委办公厅17年财政专户管理资金收入有多少"])
    assert answer.figures[0].value == "0"


def test_a_rise_asked_why_checked_against_last_years_document(pdf_engine):
    """政协's 2018 三公 budget (675.10) is below 2017's (676.10): no document states the change,
    the two years' tables give it."""
    answer = pdf_engine.ask("政协18年三公经费为啥涨了这么多？")
    assert answer.verdict == "no" and answer.figures[0].value == "675.10" and "676.10" in answer.answer


def test_shares_of_two_years_in_percentage_points_and_years_listed_once(pdf_engine):
    answer = pdf_engine.ask("政协19年项目支出占总支出的比例，比18年高了几个百分点？")
    assert answer.figures[0].value == "4.48"  # 37.14% − 32.66%, both stated
    answer = pdf_engine.ask("政协委员视察这块，17、18、19三年一共安排了多少钱？")
    assert answer.figures[0].value == "1284.60"


def test_rows_of_one_name_under_several_kuan_are_ranked_among_themselves(pdf_engine):
    answer = pdf_engine.ask("万里街道24年那么多个一般行政管理事务，哪个花得最多？")
    assert answer.figures[0].value == "17,591,003" and "城乡社区管理事务" in answer.answer


def test_a_totals_change_is_not_the_change_of_a_part(pdf_engine):
    """"一般公共预算收入…增长18.14%" is no rate of the whole income (17.31%, from the two years)."""
    answer = pdf_engine.ask("比上年涨了百分之几？", ["省委办公厅2018年收入预算一共多少？"])
    assert answer.figures[0].value == "17.31"


def test_a_purchase_asked_with_its_premise_and_filler(pdf_engine):
    answer = pdf_engine.ask("万里街道25年又要买新车了？买几辆？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("1", "辆")


def test_changed_or_not_against_a_year_before(pdf_engine):
    """"与2023年预算持平" says no change; two years' cells that differ say there was one."""
    answer = pdf_engine.ask("普陀区社会福利院24年三公经费跟23年比有没有变化")
    assert answer.verdict == "no" and answer.figures[0].value == "6.40"
    answer = pdf_engine.ask("万里街道25年城管执法跟24年比有没有变化")
    assert answer.verdict == "yes" and answer.figures[0].value.replace(",", "") == "479291"


def test_an_average_month_put_up_against_an_amount(pdf_engine):
    answer = pdf_engine.ask("政协办公厅19年三公经费平均每个月超没超过50万")
    assert answer.verdict == "yes" and answer.figures[0].value == "55.01"
    assert pdf_engine.ask("政协办公厅19年三公经费超没超过1000万").verdict == "no"


def test_a_class_with_one_kuan_is_broken_down_by_its_xiang(pdf_engine):
    answer = pdf_engine.ask("普陀社工部24年代码201开头的钱都花在哪了")
    assert answer.figures[0].value == "202.24" and "行政运行" in answer.answer


def test_a_dated_holding_and_the_document_year_said_beside_it(pdf_engine):
    answer = pdf_engine.ask("请问上海市普陀区人民政府万里街道办事处2025年部门预算所载，截至2024年8月31日该部门共有车辆多少辆？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("8", "辆")


def test_follow_ups_by_an_everyday_row_name_and_by_whose_vehicles(pdf_engine):
    answer = pdf_engine.ask("那房补呢", ["省委办公厅18年给职工交住房公积金多少"])
    assert answer.figures[0].value == "2,299.88"
    answer = pdf_engine.ask("按他们有的车算，平均每辆车一年多少钱", ["省委办公厅19年公务用车运行维护费预算多少"])
    assert answer.figures[0].value.startswith("3.23")


def test_an_items_figure_under_each_of_two_columns_asked_as_a_choice(pdf_engine):
    answer = pdf_engine.ask("普陀区政府办25年行政运行这笔钱是基本支出还是项目支出")
    assert "主要由基本支出安排" in answer.answer and answer.figures[0].value == "11,919,501.84"
    answer = pdf_engine.ask("普陀社工部24年其他社会工作事务支出算基本支出还是项目支出，花了多少")
    assert answer.answer.startswith("由项目支出安排") and answer.figures[0].value == "202.24"


def test_a_rise_set_against_another_items_and_a_guessed_cause_in_other_words(pdf_engine):
    answer = pdf_engine.ask("政协19年培训费涨得比会议费快吗")
    assert answer.verdict == "yes" and answer.figures[0].value == "188.70"
    answer = pdf_engine.ask("省委办公厅17年机关运行经费比上年多了三倍多，是因为统计口径变了吗")
    assert answer.verdict == "yes"  # "统计口径发生调整"
    assert pdf_engine.ask("政协18年有没有安排买新公车的钱").verdict == "no"


def test_zero_items_down_to_the_last_part_and_a_table_by_its_place(pdf_engine):
    answer = pdf_engine.ask("里面有哪一项是0吗", ["政协17年三公经费预算一共多少"])
    assert answer.verdict == "yes" and "公务用车购置费" in answer.answer
    answer = pdf_engine.ask("社工部24年工资福利支出里哪几项是0")
    assert all(word in answer.answer for word in ("奖金", "伙食补助费", "医疗费"))
    answer = pdf_engine.ask("区政府办公室25年预算里第8张表是什么表，都有哪几列")
    assert "一般公共预算基本支出部门预算经济分类预算表" in answer.answer and "人员经费" in answer.answer


def test_a_fund_choice_for_an_item_no_row_names_is_asked_back(pdf_engine):
    """"医疗那块的钱，是一般公共预算出的还是政府性基金出的": no row is called 医疗; never the
    政府性基金's own total (0) as the item's figure."""
    answer = pdf_engine.ask("普陀区福利院24年医疗那块的钱，是一般公共预算出的还是政府性基金出的？出了多少")
    assert answer.status == "unclear" and not answer.figures


def test_budget_words_of_set_27(pdf_engine):
    """压缩 as a fall; a lead clause naming the year compared with is kept; a renamed heading found
    under either name; a budget stage said never takes another stage's amount in a sentence."""
    answer = pdf_engine.ask("跟去年比，省委办18年三公经费预算压缩了多少？")
    assert answer.figures[0].value.lstrip("-") == "1.00"
    assert pdf_engine.ask("省委办19年的公务接待费是不是比去年压缩了？").verdict == "no"  # 27 and 27
    assert pdf_engine.ask("省委办18年的公务接待费是不是比去年压缩了？").verdict == "yes"  # 27 against 28
    answer = pdf_engine.ask("万里街道24年医疗卫生与计划生育支出预算多少")
    assert answer.figures[0].value == "3,223,657"
    answer = pdf_engine.ask("普陀社工部24年一般公共预算拨款全年预算是多少")  # (not the 年初预算's 0 beside it)
    assert not answer.figures or answer.figures[0].value == "321.02"
    assert all(f.unit != "辆" for f in pdf_engine.ask("区政府办25年有没有公务车的钱").figures)  # money, not cars


def test_a_fund_said_of_an_item_is_not_the_funds_own_row(pdf_engine):
    """A budget's 财政拨款收支总表 prints 项目支出 of 财政拨款 (10,541.46) where the all-funds
    tables print 10,688.66; the 收支总表's own "一、财政拨款" / "1.一般公共预算" rows are not asked."""
    for question in ("省委办17年项目支出里财政拨款出了多少？", "省委办2017年财政拨款的项目支出是多少"):
        assert pdf_engine.ask(question).figures[0].value == "10,541.46"
    assert pdf_engine.ask("省委办17年三公经费里一般公共预算安排了多少").figures[0].value != "20,702.25"


def test_a_table_said_to_be_empty_before_the_question_is_not_what_is_asked(pdf_engine):
    """"三公表下面注着…故本表为空表，那到底有没有三公经费预算": the question is whether there is
    any (the table prints 47.91), not whether the table is empty; a table's name ends at 表."""
    for question in ("万里街道24年三公表下面注着“本部门2024年无三公经费和机关运行经费预算，故本表为空表”，那24年到底有没有三公经费预算？",
                     "万里24年三公经费那张表底下写着是空表，那到底有没有三公经费预算"):
        answer = pdf_engine.ask(question)
        assert answer.verdict == "yes" and answer.figures[0].value == "47.91"
    answer = pdf_engine.ask("社工部24年决算说明里说没有政府性基金收支，那政府性基金那张表是不是也没有数？")
    assert answer.verdict == "yes"
    assert "几块" not in pdf_engine.ask("政协办公厅17年情况说明里三公经费分成哪几块？").answer


def test_exam_style_rates_and_a_share_within_a_funded_whole(pdf_engine):
    """Options that are percentages ask a rate; "财政拨款基本支出中，人员经费所占比重" is of the
    基本支出 (10,403.11), not of the 收支总表's "财政拨款" row."""
    answer = pdf_engine.ask("2019年江苏省政协办公厅项目支出预算比上年增长约（ ）。A.6.11% B.31.79% C.49.89% D.62.92%")
    assert answer.figures[0].value == "49.89" and answer.answer.endswith("（对应选项C）")
    answer = pdf_engine.ask("2018年江苏省委办公厅财政拨款基本支出中，人员经费所占比重约为（ ）。A.20.13% B.42.53% C.79.87% D.83.05%")
    assert answer.figures[0].value == "79.87"
    answer = pdf_engine.ask("万里街道2024年“三公”经费预算比2023年增长约百分之几？（保留两位小数）")
    assert answer.figures[0].value == "109.12"


def test_a_budgets_spending_asked_in_plain_words(pdf_engine):
    for question in ("万里街道25年一年要花多少钱", "万里街道25年要花多少钱"):
        assert pdf_engine.ask(question).figures[0].value == "189,767,551"
    assert pdf_engine.ask("万里街道25年公车要花多少钱").figures[0].value == "36.56"


def test_items_listed_within_a_whole_are_read_in_the_wholes_table(pdf_engine):
    """"机关运行经费中，差旅费、会议费、物业管理费…哪一项最大": each in the 机关运行经费 table (差旅费
    794.80 there, 200.00 in the basic spending table), a concept word among them (会议费) too; the
    三公 table is the general budget's even where its title does not say so."""
    answer = pdf_engine.ask("2017年江苏省政协办公厅一般公共预算机关运行经费中，金额最大的一项是（ ）。"
                            "A.差旅费 B.会议费 C.物业管理费 D.其他商品和服务支出")
    assert answer.figures[0].value == "1,094.62" and "差旅费794.80万元" in answer.answer and "（对应选项B）" in answer.answer
    assert pdf_engine.ask("2018年江苏省政协办公厅一般公共预算安排的培训费预算为____万元。").figures[0].value == "97.60"


def test_the_narratives_running_cost_is_set_against_the_tables(pdf_engine):
    """The budget template's "…下属1家机关和1家参公事业单位财政拨款的机关运行经费预算为464.64万元"
    is the 机关运行经费 the table prints; asked whether the two agree, both are cited."""
    answer = pdf_engine.ask("万里街道25年说明里讲的机关运行经费是多少？表里是多少，一样吗")
    assert answer.answer.startswith("一致") and len(answer.citations) == 2
    assert not any("……" in c.quote for c in pdf_engine.ask("万里街道25年机关运行经费说明和表里一致吗").citations)


def test_a_figure_quoted_from_one_table_is_checked_in_the_other_named(pdf_engine):
    """"三公表里公务接待费是28.5万，那经济分类表里的…是多少？两边对得上吗": the 经济分类 table prints
    185,000.00元, which is not 28.5万."""
    answer = pdf_engine.ask("区政府办公室25年三公表里公务接待费是28.5万，那经济分类表里的公务接待费是多少？两边对得上吗")
    assert answer.answer.startswith("对不上") and answer.figures[0].value == "185,000.00"


def test_a_body_described_or_said_by_its_kind_and_places(pdf_engine):
    """"上海普陀那个街道办", "普陀那个跟机关事务管理局合署办公的办公室": the places and the kind of body
    (街道办 is the 街道办事处 said short) fit one department; "江苏…的办公厅" fits two by kind and place,
    and the duties said (省委大院, 机要文件传递) are in 省委办公厅's documents alone (qa/described.py)."""
    resolve = lambda q: understand(q, pdf_engine.lib).departments
    assert resolve("上海普陀那个街道办，25年的钱主要花在哪几块") == ["上海市普陀区人民政府万里街道办事处"]
    assert resolve("普陀那个跟机关事务管理局合署办公的办公室，25年公用经费里哪项最大") == ["上海市普陀区人民政府办公室"]
    assert resolve("江苏那个管省委大院、负责机要文件传递的办公厅，19年一共有多少辆车？") == ["江苏省委办公厅"]


def test_one_name_that_fits_two_bodies_is_never_added_up(pdf_engine):
    """"江苏那个办公厅一共有多少辆车": one body is meant; which is asked back (two named are summed)."""
    answer = pdf_engine.ask("江苏那个办公厅，19年一共有多少辆车？")
    assert answer.status != "answered" and not answer.figures
    assert pdf_engine.ask("省委办公厅和政协办公厅19年一共有多少辆车").figures[0].value == "173"
    assert pdf_engine.ask("江苏两个办公厅19年一共有多少辆车").figures[0].value == "173"  # both meant


def test_going_back_to_an_earlier_subject_and_the_year_before_with_no_year_named(pdf_engine):
    """"回到省委办公厅，项目支出比上一年多了多少" after a turn about 政协: 省委办公厅's latest year
    against the year just before (943.92), never against the first year on file."""
    history = ["省委办公厅19年基本支出多少", "项目支出呢", "顺便问下，政协那边19年有几辆车"]
    answer = pdf_engine.ask("回到省委办公厅，项目支出比上一年多了多少？", history)
    assert answer.figures[0].value.lstrip("-") == "943.92"
    assert pdf_engine.ask("省委办公厅，项目支出比上一年多了多少？").figures[0].value.lstrip("-") == "943.92"


def test_comparing_two_bodies_said_with_the_verb_bi_yi_bi(pdf_engine):
    """"想比一比2019年A和B的三公经费预算，哪家多，多多少": the year after 比一比 is the one asked, not
    the other side of a comparison (which had set 省委办公厅's 2018 against its 2017)."""
    answer = pdf_engine.ask("我在单位管后勤，老觉得机关出国、用车、接待这些钱花得多。想比一比2019年省委办公厅和省政协办公厅的三公经费预算，哪家多，多多少？")
    assert answer.figures[0].value.lstrip("-") == "151.90"
    assert {c.year for c in answer.citations[:2]} == {2019}


def test_a_figure_checked_in_passing_then_the_question(pdf_engine):
    """"…17年决算一共花了20849.45万对吧，那18年的预算总共是多少": 2018's total alone, never the two added."""
    answer = pdf_engine.ask("省委办公厅17年决算一共花了20849.45万对吧，那18年的预算总共是多少")
    assert answer.figures[0].value.replace(",", "") == "24458.43" and len(answer.figures) == 1


def test_one_items_budget_of_two_years_asked_to_be_the_same(pdf_engine):
    same = pdf_engine.ask("政协办公厅一九年出国的经费预算跟一八年是不是一样的")
    assert same.verdict == "yes" and {f.value for f in same.figures} >= {"106.00"}
    differs = pdf_engine.ask("政协办公厅一九年会议费预算跟一八年是不是一样的")
    assert differs.verdict == "no"


def test_the_plan_asked_again_after_a_final_figure(pdf_engine):
    """"那当初全年预算是多少" after 住房公积金's 决算: the 全年预算 its sentence states."""
    answer = pdf_engine.ask("那当初全年预算是多少", ["普陀社工部2024年住房公积金决算多少"])
    assert answer.figures[0].value == "18.12"


def test_an_outturn_of_a_year_on_file_only_as_a_plan_is_read_from_the_next_years_plan(pdf_engine):
    """"2023年…实际花了多少" of a body whose 2023 document is a budget: the 2024 budget's
    "2023年当年预算执行数为389.59万元", said as 2023's figure from the 2024 document."""
    answer = pdf_engine.ask("万里街道2023年公益性岗位补贴实际花了多少？我要的是实际执行数，不是预算")
    assert answer.figures[0].value == "389.59" and answer.figures[0].year == 2023
    assert answer.citations[0].year == 2024 and "2023年度" in answer.answer


def test_a_stock_asked_at_a_date_is_read_where_it_is_counted_at_that_date(pdf_engine):
    """A budget counts its vehicles at the August before its year: "截至2024年8月底" is the 2025
    budget's 8辆, not the 2024 budget's 7 (counted at 2023年8月31日)."""
    answer = pdf_engine.ask("萬里街道辦事處截至2024年8月底一共有幾輛車")
    assert answer.figures[0].value == "8"
    assert pdf_engine.ask("万里街道2024年一共有几辆车").figures[0].value == "7"  # the 2024 document's own


def test_classes_listed_before_their_shared_word_added_against_the_total(pdf_engine):
    answer = pdf_engine.ask("省政协2018年一般公共服务、社会保障和就业、住房保障这三类支出加起来是不是正好等于支出合计")
    assert answer.verdict == "yes" and answer.figures[0].value == "10150.48"


def test_the_largest_item_under_a_heading_with_its_share(pdf_engine):
    """"哪个科目钱最多？占政协事务合计的百分之几": the ranking, its top one's share with it (占 is no body)."""
    answer = pdf_engine.ask("省政协19年政协事务下面哪个科目钱最多？占政协事务合计的百分之几（精确到0.1%）")
    assert answer.figures[0].value == "5,223.22" and "行政运行" in answer.answer and "51.25%" in answer.answer


def test_money_to_buy_official_cars_is_the_purchase_column(pdf_engine):
    answer = pdf_engine.ask("万里街道25年预算里有没有安排买公务车的钱")
    assert answer.verdict == "yes" and answer.figures[0].value == "15"


def test_the_item_that_changed_most_between_two_budgets(pdf_engine):
    answer = pdf_engine.ask("万里街道25年预算跟24年比，哪个具体科目变化最大")
    assert answer.figures[0].value == "43128737" and "其他城乡社区支出" in answer.answer
    assert {c.year for c in answer.citations} == {2024, 2025}


def test_a_search_box_year_before_a_space(pdf_engine):
    assert pdf_engine.ask("省委办公厅18 采购总额").figures[0].value.replace(",", "") == "1449.50"


def test_a_column_set_aside_from_a_row_said_before_it(pdf_engine):
    assert pdf_engine.ask("社工部24年要是不算项目支出，一般公共服务支出还剩多少？").figures[0].value == "62.63"


def test_two_bodies_each_with_its_own_year(pdf_engine):
    answer = pdf_engine.ask("万里街道23年跟普陀区府办25年的三公经费，哪个多？多多少？")
    assert answer.figures[0].value.lstrip("-") == "844.59"
    each = pdf_engine.ask("政协17年和委办19年会议费差多少")  # 委办: the 省委办公厅 the store holds
    assert each.figures[0].value == "161.12" and [c.year for c in each.citations[:2]] == [2017, 2019]


def test_a_part_of_a_part_set_aside_from_the_whole(pdf_engine):
    """"三公经费，要是不算买车的钱": 公务用车购置费 lies in the 三公 through its 公务用车 part."""
    assert pdf_engine.ask("万里街道24年的三公经费，要是不算买车的钱，还剩多少？").figures[0].value == "22.91"


def test_bodies_to_be_counted_in_that_the_disclosure_does_not_print(pdf_engine):
    """"委办…要是把东郊国宾馆和西康宾馆也算进去，总支出": the hotels' figures are no part of the
    disclosure; never the office's own total as if it held them."""
    answer = pdf_engine.ask("委办19年要是把东郊国宾馆和西康宾馆也算进去，总支出是多少")
    assert answer.status != "answered" and not answer.figures
    assert pdf_engine.ask("委办18年三公经费多少").figures[0].value == "508.20"


def test_a_budget_word_naming_the_document_names_no_figure(pdf_engine):
    """"23年预算说明里…表上到底是多少": the 预算说明 is where the user read, not the whole budget
    (收入总计); the figures the user quotes are no part of the row asked."""
    answer = pdf_engine.ask("万里街道23年预算说明里职业年金先写220.63万，后面又说预算安排441.25万，表上到底是多少")
    assert answer.figures[0].value == "2,206,272" and answer.route == "lookup"


def test_a_count_claimed_is_checked_against_the_count_printed(pdf_engine):
    """"我记得…有150辆公车": the 127辆 the 2019 document states, not the vehicles' money."""
    answer = pdf_engine.ask("我记得省委办公厅19年有150辆公车，是这个数吗？")
    assert answer.verdict == "no" and (answer.figures[0].value, answer.figures[0].unit) == ("127", "辆")


def test_a_change_against_a_year_named_is_not_the_change_on_the_year_before(pdf_engine):
    """"19年…比17年多了300多万": 1282.56 − 1094.62 = 187.94, not the 398.4 the 2019 document
    states against 2018."""
    answer = pdf_engine.ask("政协19年会议费是不是比17年多了300多万？")
    assert answer.verdict == "no" and answer.figures[0].value == "187.94"


def test_a_column_with_nothing_in_it_is_named(pdf_engine):
    answer = pdf_engine.ask("省政协19年三公经费那张表里，有没有哪一栏是一分钱都没安排的？")
    assert answer.answer.startswith("有") and "公务用车购置费" in answer.answer


def test_a_title_that_lists_its_items_names_no_item(pdf_engine):
    """"那张“三公经费、会议费、培训费”表里，不算三公经费的那部分": the title's 会议费 is no whole
    to set 三公经费 aside from (never 会议费 − 三公经费); only the table's 合计 less it would do."""
    answer = pdf_engine.ask("省政协18年那张“三公经费、会议费、培训费”表里，不算三公经费的那部分一共多少？")
    assert not answer.figures or answer.figures[0].value == "981.76"


def test_an_outturn_the_next_budget_states_is_not_last_years_budget(pdf_engine):
    """"比23年预算执行数增加了百分之几": the 8.12% the 2024 budget states against 2023's 执行数, never
    a change computed from the 2023 budget document (a budget, not an outturn)."""
    answer = pdf_engine.ask("万里街道24年公益性岗位补贴比23年预算执行数增加了百分之几")
    assert not answer.figures or answer.figures[0].value == "8.12"


def test_a_standard_kemu_a_document_does_not_print_gets_no_broader_figure(pdf_engine):
    """"机关运行经费里，取暖费": the 2019 budget prints no 取暖费 row, so neither the 机关运行经费
    total nor the sentence stating it answers; the 2017 budget prints the row (1,080.00)."""
    answer = pdf_engine.ask("省委办公厅2019年机关运行经费里，取暖费预算是多少？")
    assert answer.status != "answered" and not answer.figures
    assert pdf_engine.ask("省委办公厅2017年机关运行经费里，取暖费预算是多少？").figures[0].value == "1,080.00"


def test_an_item_named_after_an_aside_is_asked_not_the_whole_less_the_part(pdf_engine):
    """"预算里，除了财政拨款，单位自己挣的事业收入有多少": 事业收入 itself (2,620,000元)."""
    answer = pdf_engine.ask("普陀区社会福利院24年预算里，除了财政拨款，单位自己挣的事业收入有多少？")
    assert answer.figures[0].value == "2,620,000"


def test_a_kemu_code_in_brackets_is_answered_by_the_sentence_under_its_heading(pdf_engine):
    """"事业单位医疗（2101102）的全年预算数" of a 决算: the 2.29万元 its narrative states."""
    answer = pdf_engine.ask("社工部24年决算里，事业单位医疗（2101102）的全年预算数是多少？")
    assert answer.figures[0].value == "2.29"


def test_what_an_amount_the_question_states_was_used_for_is_described(pdf_engine):
    """"…“其他社会工作事务支出（项）”决算202.24万元，主要用于哪些方面": the sentence saying what it
    paid for, not a breakdown of the department's spending."""
    answer = pdf_engine.ask("请问中共上海市普陀区委社会工作部2024年度“其他社会工作事务支出（项）”决算202.24万元，"
                            "主要用于哪些方面？烦请说明。")
    assert answer.plan["operation"] == "describe" and "开办费" in answer.answer


def test_a_special_project_asked_is_no_purchase_category(pdf_engine):
    """"政府采购预算里，哪个专项的采购金额最大": the categories 货物/服务 are no 专项; never 服务C's total."""
    answer = pdf_engine.ask("省委办公厅18年政府采购预算里，哪个专项的采购金额最大？")
    assert not answer.figures or answer.figures[0].value == "872.10"


def test_the_year_of_the_document_read_in_is_not_the_year_asked(pdf_engine):
    """"根据2017年预算文件，…2016年的总支出预算": the 8,648.07万元 the 2017 document states for 2016,
    never the 2017 figure (9,146.79)."""
    for question in ("根据2017年预算文件，江苏省政协办公厅2016年的总支出预算是多少",
                     "According to its 2017 budget document, what was the 江苏省政协办公厅's total expenditure budget for 2016?"):
        answer = pdf_engine.ask(question)
        assert not answer.figures or answer.figures[0].value == "8,648.07", question
        assert "9,146.79" not in answer.answer


def test_money_for_retired_staff_lists_every_kemu_paying_them(pdf_engine):
    """"给退休干部发的钱": the 离退休 功能 rows and the 退休费 line are candidates, no one headline."""
    answer = pdf_engine.ask("省委办公厅19年给退休干部发的钱有多少？")
    assert answer.plan["operation"] == "candidates" and "275.54" in answer.answer and "864.75" in answer.answer


def test_a_rhetorical_zhende_question_gets_its_verdict(pdf_engine):
    """"不是说三公经费都在压缩吗，…25年三公预算真的比24年少了？": 是, 37.91 against 47.91, said once."""
    answer = pdf_engine.ask("不是说三公经费都在压缩吗，万里街道25年三公预算真的比24年少了？")
    assert answer.verdict == "yes" and answer.answer.startswith("是。") and not answer.answer.startswith("是。是。")
    assert pdf_engine.ask("万里街道25年三公预算比24年多了吗").verdict == "no"


def test_a_follow_up_asking_the_count_then_the_running_cost_per_vehicle(pdf_engine):
    """"它一共几辆车？平均每辆车摊多少运行费": the count is asked on the way; the average is of the
    vehicles' running cost (公务用车运行维护费 6.4万元 ÷ 2辆), not of the count."""
    answer = pdf_engine.ask("它一共几辆车？平均每辆车摊多少运行费（万元，保留两位小数）？",
                            ["普陀区社会福利院24年公务用车运行费预算多少"])
    assert (answer.figures[0].value, answer.figures[0].unit) == ("3.20", "万元"), answer.answer


def test_items_added_then_set_against_the_same_sum_of_the_year_before(pdf_engine):
    """"会议费和培训费加起来比18年多了多少": the two years' sums, each of its own document."""
    answer = pdf_engine.ask("政协办公厅19年会议费和培训费加起来，比18年多了多少")
    years = [pdf_engine.ask(f"政协办公厅{y}年会议费和培训费加起来是多少").figures[0].value_yuan for y in (19, 18)]
    assert answer.figures[0].derived and answer.figures[0].value_yuan == pytest.approx(years[0] - years[1]), answer.answer


@pytest.mark.parametrize("question, department", [
    ("普陀区那个给在院老人提供生活照料的福利院，2024年预算收入合计多少", "上海市普陀区社会福利院"),
    ("普陀区管社会工作的那个区委部门，2024年决算支出合计多少", "中共上海市普陀区委社会工作部"),
    ("管着东郊国宾馆的那个省委部门 19年三公经费预算多少", "江苏省委办公厅"),
])
def test_a_body_described_by_its_duties_among_the_shared_pdfs(pdf_engine, question, department):
    answer = pdf_engine.ask(question)
    assert answer.status == "answered" and department in answer.answer, answer.answer


def test_a_fund_the_note_says_none_is_planned_for_is_none_not_a_namesake_of_it(pdf_engine):
    """"我单位无2017年政府性基金支出安排" under a blank table: no, none; never the "奖金(款)支出"
    sentence, which shares 金支出 with 政府性基金支出 and no word."""
    answer = pdf_engine.ask("江苏省政协办公厅2017年有没有安排政府性基金支出？")
    assert answer.verdict == "no" and "奖金" not in answer.answer, answer.answer


def test_an_outturn_against_its_budget_asked_of_a_budget_only_is_not_answered(pdf_engine):
    """The store holds 省委办公厅's 2018 预算 only: "决算超没超预算" has no outturn to set."""
    answer = pdf_engine.ask("省委办公厅18年三公经费决算超没超预算")
    assert answer.status != "answered" and not answer.figures and "没有决算" in answer.answer, answer.answer


def test_a_fall_on_a_year_named_reads_both_years(pdf_engine):
    """"比17年降了吗": the 2017 document is read too, and the verdict follows the two figures."""
    answer = pdf_engine.ask("江苏省政协办公厅18年的三公经费预算比17年降了吗")
    assert answer.verdict == "yes" and "676.10" in answer.answer, answer.answer


def test_a_completion_rate_the_narrative_does_not_state_is_computed_from_its_two_figures(pdf_engine):
    """社工部 2024 事业单位医疗: "全年预算为2.29万元，支出决算为0.49万元" and no rate; never the
    行政单位医疗 sentence's 99.55% beside it."""
    answer = pdf_engine.ask("普陀社工部24年事业单位医疗的执行率是多少？保留两位小数")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("21.40", "%") and answer.figures[0].derived, answer.answer


def test_a_body_named_by_where_its_parent_set_it_up(pdf_engine):
    """"普陀区政府在万里地区设的那个派出机关": the 街道办事处, not the 区政府办公室 the parent's
    words would otherwise name beside it."""
    answer = pdf_engine.ask("普陀区政府在万里地区设的那个派出机关，2023年城管执法预算安排了多少？")
    assert answer.plan["departments"] == ["上海市普陀区人民政府万里街道办事处"], answer.answer
    assert (answer.figures[0].value, answer.figures[0].unit) == ("6,905,798", "元"), answer.answer


def test_a_row_said_in_the_words_of_the_concept_asked_is_not_a_second_item_to_add(pdf_engine):
    """"政府采购预算里货物类一共多少": 货物类 is the 货物 asked, inside the 政府采购 said as where;
    one figure, no sum of two."""
    answer = pdf_engine.ask("省委办公厅19年政府采购预算里货物类一共多少")
    assert answer.plan["operation"] == "value" and answer.figures[0].value_yuan == pytest.approx(840000), answer.answer


def test_a_doubt_that_several_rows_fit_is_answered_by_listing_them(pdf_engine):
    """"…一般行政管理事务预算多少钱 真的假的有好几个？": the seven 项 of that name, each with its
    figure; never one of them (the 城乡社区 one the narrative happens to state)."""
    for question in ("万里街道25年一般行政管理事务预算多少钱 真的假的有好几个？",
                     "万里街道25年一般行政管理事务预算多少钱 有没有懂哥"):
        answer = pdf_engine.ask(question)
        assert answer.plan["operation"] == "candidates" and not answer.figures, answer.answer
        assert answer.answer.count("一般行政管理事务") >= 7, answer.answer


@pytest.mark.parametrize("question, value", [
    ("万里街道24年一般公共预算基本支出里，刨掉工资福利支出，还剩多少", 11423509),
    ("普陀社会福利院24年的收入，刨去财政拨款，剩下的收入一共多少", 2620000),
    ("万里街道25年预算里，除了城乡社区支出以外的其他支出加起来是多少", 35398225),
    ("省政协19年的收入刨去财政拨款，其他来源的收入一共多少", 800000),
])
def test_what_is_left_once_a_part_is_left_out(pdf_engine, question, value):
    """The whole less the part, both cited: 刨去/刨掉 leave a part out as 扣除 does; "以外的其他支出"
    and "其他来源的收入" are the rest (not the 其他支出 类 or the 其他收入 row); "预算里" names no
    whole, and a spending part is taken from the spending total."""
    answer = pdf_engine.ask(question)
    assert answer.figures[0].value_yuan == pytest.approx(value), answer.answer
    assert len(answer.citations) >= 2, answer.answer


def test_a_term_asked_which_items_then_its_figure_gets_the_figure_and_the_glossary(pdf_engine):
    """"“三公”经费具体指哪几样？万里街道23年三公预算多少": the 三公 total (never its largest part as
    a breakdown's headline), with the 名词解释 entry, which says "：是与…" rather than "是指"."""
    answer = pdf_engine.ask("“三公”经费具体指哪几样？万里街道23年三公预算多少")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("22.91", "万元"), answer.answer
    assert "公务接待费" in answer.answer.split("名词解释")[1], answer.answer
    total = pdf_engine.ask("三公经费具体指哪几项？省委办公厅19年的三公经费预算是多少")
    assert (total.figures[0].value, total.figures[0].unit) == ("508.20", "万元"), total.answer


def test_a_rise_asked_of_a_figure_the_narrative_says_stayed_level_is_denied(pdf_engine):
    """"比23年涨了吗" where the store holds no 2023 document and the narrative says "与2023年预算
    持平": no, level; never "有" for the figure existing."""
    answer = pdf_engine.ask("听说普陀区社会福利院24年的三公经费预算比23年涨了，有这回事吗")
    assert answer.verdict == "no" and "持平" in answer.answer, answer.answer


def test_a_yearly_average_over_the_years_a_body_publishes(pdf_engine):
    """"17年到19年的三公经费，平均每年多少": the three budgets' figures added and divided by three,
    each year cited; the average is the headline, marked as computed."""
    answer = pdf_engine.ask("省政协17年到19年的三公经费，平均每年多少")
    head = answer.figures[0]
    assert (head.value, head.unit, head.derived) == ("670.43", "万元", True), answer.answer
    assert sorted(c.year for c in answer.citations) == [2017, 2018, 2019]


@pytest.mark.parametrize("question, history, value", [
    ("省委办公厅19年除了基本支出以外，还安排了多少钱", [], 159635900),
    ("除了因公出国的，剩下的三公经费是多少？", ["普陀区政府办25年三公经费预算多少"], 285000),
    ("省委办公厅19年住房保障支出，除了住房公积金还剩多少？", [], 29282200),  # the whole said as a clause before
])
def test_what_is_left_when_the_whole_is_allocated_or_carried_from_before(pdf_engine, question, history, value):
    """"还安排了多少钱" is spending (the spending total less the part); a follow-up's aside reads
    the department and year of the question before."""
    answer = pdf_engine.ask(question, history)
    assert answer.figures[0].value_yuan == pytest.approx(value), answer.answer


@pytest.mark.parametrize("question, history", [
    ("万里街道25年预算里说他们一共有几辆车", []),
    ("那他们单位名下一共有几辆车", ["普陀区府办25年三公经费预算多少"]),
])
def test_a_pronoun_for_the_body_named_changes_nothing_asked(pdf_engine, question, history):
    answer = pdf_engine.ask(question, history)
    assert answer.status == "answered" and answer.figures and answer.figures[0].unit == "辆", answer.answer


def test_when_the_asker_came_to_a_body_is_no_part_of_its_name(pdf_engine):
    """"刚了解省委办公厅，它17年…": 刚 is when, 它 the body named; not a body called 刚了解省委."""
    answer = pdf_engine.ask("刚了解省委办公厅，它17年预算里说内设了多少个处室")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("20", "个"), answer.answer


def test_a_rise_said_as_several_times_then_why_asks_the_reason(pdf_engine):
    """"涨了好几倍，怎么回事": 好几倍 is told, not a multiple asked; the reason the narrative gives."""
    answer = pdf_engine.ask("听说省委办公厅17年机关运行经费一下子涨了好几倍，怎么回事")
    assert "统计口径" in answer.answer, answer.answer


def test_a_follow_up_pointing_at_the_item_before_with_this_one(pdf_engine):
    answer = pdf_engine.ask("那这一项全年预算安排了多少？", ["普陀社工部24年住房公积金花了多少"])
    assert (answer.figures[0].value, answer.figures[0].unit) == ("18.12", "万元"), answer.answer


def test_which_vehicles_those_few_are_lists_their_kinds(pdf_engine):
    """"那几辆车都是什么车": 那几辆 points at the vehicles, it asks no count."""
    answer = pdf_engine.ask("万里街道23年那几辆车都是什么车？")
    assert "执法执勤用车4辆" in answer.answer and "一般公务用车3辆" in answer.answer, answer.answer


def test_a_budget_against_its_outturn_said_as_actual_spending_is_one_figure_measured_twice(pdf_engine):
    """"一般公共预算拨款的全年预算，比实际决算支出多出多少": the 全年预算 and the 决算 of that one
    figure (321.02 − 307.82), not it against the department's whole spending."""
    answer = pdf_engine.ask("社工部24年一般公共预算拨款的全年预算，比实际决算支出多出多少没花？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("13.20", "万元"), answer.answer


def test_an_item_asked_inside_a_whole_is_never_that_whole_nor_a_namesake_elsewhere(pdf_engine):
    """"政府采购预算里，公车加油的钱": neither the 政府采购 total nor the 三公 table's (or sentence's)
    公务用车运行维护费; "加油" is no sum."""
    for question in ("省委办公厅17年政府采购预算里，公车加油的钱是多少？", "省委办公厅17年政府采购预算里，给公车买油的钱是多少？"):
        answer = pdf_engine.ask(question)
        assert not answer.figures, answer.answer
        assert answer.plan["operation"] == "value", answer.answer


def test_the_parts_of_spending_by_use_are_its_basic_and_project_spending(pdf_engine):
    answer = pdf_engine.ask("省委办公厅19年的预算按支出用途分，主要由哪几块组成？")
    assert answer.plan["operation"] == "breakdown" and "基本支出" in answer.answer and "项目支出13,025.38万元" in answer.answer, answer.answer


@pytest.mark.parametrize("question, value", [
    ("省政协办公厅18年政府采购里家具用具打算花多少", "198.00"),  # 打算花 names no part of its own
    ("江苏省政协办公厅2019年的预算里，当年给委员视察安排了多少钱？", "426.00"),  # 预算里 names no whole
])
def test_a_part_asked_inside_is_found_in_its_table(pdf_engine, question, value):
    answer = pdf_engine.ask(question)
    assert answer.figures[0].value == value and answer.citations[0].table_title, answer.answer


def test_a_part_said_after_the_budget_word_is_never_the_budget_total(pdf_engine):
    """"预算里说的房屋有多少平方": 预算 names the document, not a figure whose part is asked; the 收入
    总计 (found from the word 预算) is no answer."""
    answer = pdf_engine.ask("万里街道23年预算里说的房屋有多少平方")
    assert not any(f.unit in ("元", "万元") for f in answer.figures), answer.answer


def test_budget_against_outturn_kemu_by_kemu_on_real_pdfs(pdf_engine):
    """A 部门预算 has no outturn to set against its budget (no figure); a 决算's narrative pairs
    are compared 科目 by 科目 (qa/routes/execution.py)."""
    from qa.model import ANSWERED, NOT_FOUND

    answer = pdf_engine.ask("江苏省政协办公厅2018年哪几项决算数超过了预算数？")
    assert answer.status == NOT_FOUND and not answer.figures and "没有决算" in answer.answer
    none_over = pdf_engine.ask("普陀社工部24年决算，有没有哪一项支出超过了全年预算？")
    assert none_over.verdict == "no" and none_over.status == ANSWERED
    level = pdf_engine.ask("普陀区委社会工作部2024年哪几项支出是决算数和全年预算数正好持平的？")
    assert [i.label for i in level.items] == ["社会工作事务其他社会工作事务支出", "购房补贴"]


def test_a_count_asked_with_its_kinds_is_read_from_the_assets_sentence(pdf_engine):
    """"有几辆车？都是什么用车": the kinds asked beside the count are no reason to quote, nor words
    a stated subject must hold; "预算公开里说街道…" names the document, not another subject."""
    answer = pdf_engine.ask("普陀社会福利院有几辆车？都是什么用车？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("2", "辆"), answer.answer
    answer = pdf_engine.ask("万里街道25年预算公开里说街道一共有几辆车？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("8", "辆"), answer.answer
    answer = pdf_engine.ask("万里街道24年预算安排买几辆车？什么车？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("1", "辆"), answer.answer


def test_the_parts_of_a_named_whole_are_set_against_last_years(pdf_engine):
    """"三公经费里哪一项比上年增加最多" ranks the 三公经费's parts (never every spending 科目, whose
    largest rise was 行政运行's); "哪几项多了、哪几项少了" lists each part by its direction."""
    answer = pdf_engine.ask("江苏政协2018年三公经费里哪一项比上年增加最多？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("30.00", "万元"), answer.answer
    assert "因公出国" in answer.figures[0].label and "行政运行" not in answer.answer
    listed = pdf_engine.ask("江苏政协2018年三公经费预算跟上年比，哪几项多了、哪几项少了？")
    assert not listed.figures and "增加的有因公出国（境）费" in listed.answer and "减少的有公务接待费" in listed.answer
    assert {i.label: i.value for i in listed.items}["公务接待费"] == "-31.00"
    ranked = pdf_engine.ask("江苏政协2019年财政拨款支出按项级科目看，比上年增加最多的是哪一项？")
    assert ranked.answer.startswith("江苏省政协办公厅2019年与2018年相比") and ranked.figures[0].value == "1379.56"


@pytest.mark.parametrize("question", ["万里街道2023年预算公开里，街道的房屋面积有多少？", "万里街道2023年房屋面积多少"])
def test_an_area_the_assets_section_states_is_answered_in_square_metres(pdf_engine, question):
    answer = pdf_engine.ask(question)
    assert (answer.figures[0].value, answer.figures[0].unit) == ("14609.83", "平方米"), answer.answer


def test_a_rise_asked_of_a_follow_up_year_heads_with_that_years_figure(pdf_engine):
    """"那19年呢，不会又涨了吧？" after 18年's 培训费: 不是, with 2019's 30.00万元 first and the change
    (none) beside it; "比上年涨了吗", which names what it is set against, heads with the change."""
    answer = pdf_engine.ask("那19年呢，不会又涨了吧？", ["省委办公厅18年培训费预算多少"])
    assert answer.verdict == "no" and [f.value for f in answer.figures[:2]] == ["30.00", "0.00"]
    answer = pdf_engine.ask("省委办公厅19年培训费比上年涨了吗？")
    assert answer.verdict == "no" and answer.figures[0].derived


@pytest.mark.parametrize("question, label, value", [
    ("万里街道25年一般公共服务支出除了宣传事务，其余的钱主要花在哪", "组织事务", "1,075,000"),  # the whole before the aside
    ("江苏政协办公厅19年政协事务里，除了行政运行，哪一项钱最多？", "一般行政管理事务", "3,159.78"),
    ("省委办公厅2019年项目支出以外的支出有哪些，各多少？", "基本支出", "11,700.63"),  # its 哪些 asks a list, not why
])
def test_the_parts_left_once_one_is_set_aside(pdf_engine, question, label, value):
    answer = pdf_engine.ask(question)
    assert (answer.figures[0].value, label in answer.figures[0].label) == (value, True), answer.answer


def test_the_level_of_what_a_pasted_sentence_is_of(pdf_engine):
    """A pasted change ("与上年相比减少685.96万元，下降45.44%") and "当年多少": the level its sentence
    states for the same subject (社会保障和就业支出 823.76万元), not the change pasted."""
    answer = pdf_engine.ask("江苏省政协办公厅2018年预算说明里“与上年相比减少685.96万元，下降45.44%”，这说的是什么支出，当年是多少")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("823.76", "万元"), answer.answer


def test_a_part_set_aside_by_its_everyday_name_is_left_out_of_the_parts(pdf_engine):
    """"三公经费里，不算公车的部分有哪些": the other parts, 公车 being 公务用车购置及运行维护费."""
    answer = pdf_engine.ask("省委办公厅19年三公经费里，不算公车的部分有哪些？")
    assert answer.figures[0].value == "70.00" and "公务用车" not in answer.answer.split("依次为")[1], answer.answer


def test_body_names_and_asking_words_typed_in_pinyin(pdf_engine):
    """The organisation part of the store's names is read from its pinyin ("zhengxie" → 政协, one
    body, not every 江苏 body added up), as are asking words ("zengjia le duoshao wan")."""
    answer = pdf_engine.ask("jiangsu zhengxie 2019 san gong jingfei total how much?")
    assert answer.figures[0].value == "660.10" and "委办公厅" not in answer.answer, answer.answer
    answer = pdf_engine.ask("shengwei bangongting total budget 2017 dao 2019 zengjia le duoshao wan?")
    assert answer.figures[0].value == "6814.77", answer.answer  # 27664.22 − 20849.45
    answer = pdf_engine.ask("shehui gongzuobu 2024 you meiyou sangong jingfei?")
    assert answer.verdict == "no", answer.answer


def test_the_two_parts_of_basic_spending_said_by_their_first_words(pdf_engine):
    """"人员和公用各多少" after 基本支出: its two parts, and the whole not listed as a third part."""
    answer = pdf_engine.ask("社工部 2024 jiben zhichu 105.58万 is made of what? 人员 and 公用 each 多少")
    assert [(i.label, i.value) for i in answer.items] == [("人员经费", "95.36"), ("公用经费", "10.23")], answer.answer
    answer = pdf_engine.ask("社工部2024基本支出由哪些构成？人员经费和公用经费各多少")
    assert [i.label for i in answer.items] == ["人员经费", "公用经费"], answer.answer


def test_which_year_ranks_the_years_said_and_names_those_the_store_lacks(pdf_engine):
    """"2021到2025这五年，哪一年最多": the three years held are ranked (the sentence naming the
    winner kept), 2021 and 2022 said to be missing."""
    answer = pdf_engine.ask("万里街道2021到2025这五年，哪一年总支出最多？")
    assert answer.figures[0].value == "189,767,551" and "2025年最多" in answer.answer, answer.answer
    assert "没有2021年、2022年的公开文件" in answer.answer
    answer = pdf_engine.ask("万里街道2024到2025哪一年总支出最多？")
    assert [i.label[-7:] for i in answer.items] == ["2025年预算", "2024年预算"], answer.answer


def test_the_kemu_whose_outturn_is_furthest_from_the_full_year_budget(pdf_engine):
    answer = pdf_engine.ask("社工部24年决算里，哪一个项级科目实际支出和全年预算差得最多？差了多少？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("6.37", "万元"), answer.answer  # 17.68 − 11.31
    assert answer.items[0].label == "社会工作事务事业运行"


def test_how_a_budget_turned_out_asked_of_a_budget_only_year_is_not_disclosed(pdf_engine):
    answer = pdf_engine.ask("省政协办公厅2018年的预算最后执行得怎么样？决算实际花了多少，完成了预算的百分之几？")
    assert answer.status == "not_found" and not answer.figures and "只有预算" in answer.answer, answer.answer
    # (a year whose execution the next year's budget states is answered from there)
    answer = pdf_engine.ask("万里街道23年城乡社区环境卫生实际花了多少")
    assert answer.figures[0].value == "830.24", answer.answer


def test_a_follow_up_about_retired_cadres_names_no_body(pdf_engine):
    """"老干部" ends in 部 but is people, not a body the store lacks; "买房补贴" is 购房补贴."""
    answer = pdf_engine.ask("那离休老干部的离休费呢？", ["省政协2017年住房公积金预算多少？"])
    assert answer.figures and answer.figures[0].value in ("163", "163.00"), answer.answer
    answer = pdf_engine.ask("那买房补贴呢？", ["普陀社工部24年住房公积金花了多少？"])
    assert answer.figures[0].value == "11.72", answer.answer


def test_a_stated_cut_answered_yes_shows_the_years_own_figure_too(pdf_engine):
    """"是不是比2017年压缩了": the narrative's "比上年预算减少1万元" decides it; the year's 27万元 is
    shown beside the change."""
    answer = pdf_engine.ask("省委办公厅2018年的公务接待费是不是比2017年压缩了？")
    assert answer.verdict == "yes" and [f.value for f in answer.figures] == ["1", "27"], answer.answer


def test_an_everyday_word_that_also_fits_a_kemu_lists_both(pdf_engine):
    """"开会的钱" of 政协 is its 会议费 and the 政协会议 科目 (2010204), two figures; "会议费" asks
    for the fee alone, and a body with no such 科目 gets its 会议费."""
    answer = pdf_engine.ask("江苏政协18年开会方面的预算有多少？")
    assert not answer.figures and {i.value for i in answer.items} == {"884.16", "814.16"}, answer.answer
    assert pdf_engine.ask("江苏政协18年会议费预算多少").figures[0].value == "884.16"
    assert pdf_engine.ask("省委办2017年开会花多少钱").figures[0].value == "933.50"


def test_official_cars_where_the_narrative_counts_them_apart(pdf_engine):
    """万里 2023: "车辆7辆（一般公务用车3辆，执法执勤用车4辆…）" gives 7 and 3 for "公车"; 省委办公厅 2019
    prints 127 for both, so 127 is the answer."""
    answer = pdf_engine.ask("万里街道23年有几辆公车")
    assert not answer.figures and {i.value for i in answer.items} == {"7", "3"}, answer.answer
    assert pdf_engine.ask("省委办公厅19年有几辆公车").figures[0].value == "127"


def test_a_top_three_of_a_level_with_three_items_ranks_the_level_below(pdf_engine):
    """基本支出's 经济分类 has three 类: "排前三" of three ranks nothing, so its 款 are ranked."""
    answer = pdf_engine.ask("政协18年基本支出里按经济科目排前三的是哪几项")
    assert [i.label for i in answer.items[:3]] == ["津贴补贴", "基本工资", "退休费"], answer.answer


def test_a_budget_said_right_after_a_concept_is_its_budget_not_the_departments(pdf_engine):
    """"机关运行经费支出预算中，哪一经济科目最大": the 机关运行经费 table, not 本年支出合计's 科目."""
    answer = pdf_engine.ask("中共江苏省委办公厅2017年度一般公共预算机关运行经费支出预算中，哪一经济科目的预算数额最大？")
    assert answer.items[0].label == "其他商品和服务支出" and answer.figures[0].value == "4,458.00", answer.answer


def test_a_table_pointed_at_by_its_page(pdf_engine):
    """"第13页那张表" is the table printed on page 13 (一般公共预算机关运行经费支出预算表); a page the
    file has no table on is said so, not answered with another figure."""
    answer = pdf_engine.ask("省委办公厅18年那个预算公开表，第13页那张表的合计是多少？")
    assert answer.figures[0].value == "2,094.58" and "机关运行经费" in answer.citations[0].table_title, answer.answer
    answer = pdf_engine.ask("省委办公厅19年预算公开表格第15页那张表合计多少？")
    assert answer.status == "not_found" and not answer.figures and "共12页" in answer.answer, answer.answer


def test_a_completion_rate_asked_with_both_measures_and_a_rounding_is_computed(pdf_engine):
    """"支出决算完成了全年预算的百分之几？（保留一位小数）": 0.49 ÷ 2.29, the rate no sentence states."""
    answer = pdf_engine.ask("社工部2024年事业单位医疗支出决算完成了全年预算的百分之几？（保留一位小数）")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("21.4", "%"), answer.answer


def test_what_the_asker_wants_done_is_no_body(pdf_engine):
    answer = pdf_engine.ask("列出省委办公厅18年基本支出里商品和服务支出最多的前三项及金额")
    assert answer.figures[0].value == "489.30" and "办公费" in answer.answer, answer.answer


def test_a_count_asked_with_a_yes_no_word_is_counted(pdf_engine):
    """"的车有没有 几辆": a count (0辆, cited) led by 没有, not an explanation looked for."""
    answer = pdf_engine.ask("社工部24年的车有没有 几辆")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("0", "辆"), answer.answer
    assert answer.verdict == "no" and answer.answer.startswith("没有")


def test_a_summary_asked_in_one_sentence_quotes_the_section_on_it(pdf_engine):
    """"用一句话说说…三公经费的情况，关键数字给我": the 三公经费 section quoted, not "nothing found"
    for words ("一句话", "关键数字") no row explains."""
    answer = pdf_engine.ask("用一句话说说万里街道2025年三公经费的情况，关键数字给我")
    assert answer.status == "answered" and all("三公" in c.section for c in answer.citations), answer.answer


def test_a_subject_whose_kemu_print_one_figure_is_answered_with_the_words_of_their_name(pdf_engine):
    """"给困难群众的生活救助": 20825 其他生活救助 and its only 项 2082501 print 300,000; "生活救助" is
    words of that 科目's own name, nothing it leaves unexplained."""
    answer = pdf_engine.ask("万里街道23年给困难群众的生活救助安排了多少钱？")
    assert answer.figures and answer.figures[0].value == "300,000", answer.answer


def test_now_said_of_a_count_is_no_subject(pdf_engine):
    """"现在有几辆车": 现在 asks the latest count, nothing a stated fact must name."""
    for question in ("福利院现在有几辆车", "福利院现在有几辆车？24年还安排买车吗"):
        answer = pdf_engine.ask(question)
        assert (answer.figures[0].value, answer.figures[0].unit) == ("2", "辆"), answer.answer


def test_a_suspicion_after_the_question_is_a_remark(pdf_engine):
    """"有出国费吗？是不是拿公款出国旅游": the suspicion asks nothing a figure answers; the 出国费 is asked."""
    answer = pdf_engine.ask("区府办25年预算里有出国费吗？是不是拿公款出国旅游")
    assert answer.verdict == "yes" and answer.figures[0].value in ("839", "839.00"), answer.answer


def test_a_fund_named_then_a_spending_stage_is_the_fund_s_spending_at_that_stage(pdf_engine):
    """"一般公共预算财政拨款，全年预算是多少": the fund's 支出 at its 全年预算 (321.02万元, stated), not
    a question of which of the two rows of that name (收入 and 支出) is meant."""
    a = pdf_engine.ask("普陀区委社会工作部2024年度一般公共预算财政拨款，全年预算是多少？")
    assert [(f.value, f.unit) for f in a.figures] == [("321.02", "万元")], a.answer


def test_why_and_how_much_quotes_the_reason_stated_apart_from_the_change(pdf_engine):
    """福利院 2024 states "财政拨款收入950.12万元，比2023年预算增加0.46万元" and, sentences later,
    "财政拨款收入支出增加的主要原因是机关事业单位退休人员活动费增加": both, each cited."""
    answer = pdf_engine.ask("福利院2024年财政拨款预算为啥比上年多了？多了多少")
    assert answer.figures and answer.figures[0].value == "0.46", answer.answer
    assert "退休人员活动费" in answer.answer and len(answer.citations) >= 2


def test_assets_asked_by_unit_price_are_counted_not_bought(pdf_engine):
    """"有没有单价100万以上的设备": the 国有资产 sentence's count (0台（套）: no), never the 办公设备购置
    row's money that "设备" also spells."""
    answer = pdf_engine.ask("社工部有没有单价100万以上的设备")
    assert answer.verdict == "no" and [(f.value, f.unit) for f in answer.figures[:1]] == [("0", "台（套）")], answer.answer


def test_a_rhetorical_guess_at_the_largest_is_the_ranking(pdf_engine):
    """"花钱最多的一项难道不是开会": the largest said first and an item put up as it is the
    ranking with the item as its guess, not a part set aside by 不是."""
    answer = pdf_engine.ask("省政协19年花钱最多的一项难道不是开会？政协会议那么多")
    assert answer.figures and answer.figures[0].value == "5,223.22"
    assert answer.citations[0].row == "行政运行"


def test_what_is_denied_after_what_is_meant_asks_nothing(pdf_engine):
    """"我要的是预留机动那笔，不是结转": the denied words after the meant ones set nothing aside."""
    answer = pdf_engine.ask("省委办公厅18年单位预留机动经费预算留了多少？我要的是预留机动那笔，不是结转")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("1,973.86", "万元")


def test_doubt_that_a_whole_is_only_one_part_is_answered_by_its_parts(pdf_engine):
    """"都说…不就是发工资嘛，…基本支出难道除了工资就没别的了？由哪几块组成？": hearsay told
    first, then a doubt answered by the whole's parts, not refused as a part set aside."""
    answer = pdf_engine.ask("都说街道的基本支出不就是发工资嘛，万里街道24年基本支出难道除了工资就没别的了？由哪几块组成？")
    assert "工资福利支出" in answer.figures[0].label and "商品和服务支出" in answer.answer
    alone = pdf_engine.ask("万里街道24年基本支出除了工资就没别的了吗")
    assert "商品和服务支出" in alone.answer


def test_a_bound_on_a_count_no_document_prints_is_not_answered_with_money(pdf_engine):
    """政协's 2017 budget prints no number of cars: "是不是不到30辆" is not found, not the 公车
    money of two years set side by side."""
    from qa.model import NOT_FOUND

    answer = pdf_engine.ask("江苏省政协17年公车是不是不到30辆")
    assert answer.status == NOT_FOUND and not answer.figures


def test_a_scope_said_picks_the_table_of_that_scope(pdf_engine):
    """"基本支出里的差旅费": the 基本支出 table's 差旅费, not which of it and the 机关运行经费
    table's to choose."""
    answer = pdf_engine.ask("江苏省委办公厅2017年基本支出里的差旅费是多少")
    assert answer.figures[0].value == "360.00" and "基本支出" in answer.citations[0].table_title


def test_doubts_before_the_question_are_context(pdf_engine):
    """"…不会就是街道办一家的吧？下面难道没有别的单位？事业单位有几家？": the doubts name the
    department; the last question, naming its own subject, is what is asked."""
    answer = pdf_engine.ask("万里街道25年不会就只有街道办一家的吧？难道没有下属单位？事业单位有几家？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("4", "家")


def test_disbelief_puts_a_count_of_nothing_up_to_be_checked(pdf_engine):
    """"一辆公车都没有，这不可能吧": the count of cars checked (0 辆), not the money for them."""
    answer = pdf_engine.ask("区府办25年一辆公车都没有，不可能吧？")
    assert answer.verdict == "yes" and answer.figures[0].unit == "辆"


def test_the_biggest_share_doubted_is_the_ranking_with_its_guess(pdf_engine):
    """"商品和服务支出里，最大头难道不是办公费？到底哪项最多？": the ranking, its guess confirmed."""
    answer = pdf_engine.ask("万里街道23年商品和服务支出里，最大头难道不是办公费？到底哪项最多？")
    assert answer.verdict == "yes" and answer.citations[0].row == "办公费"


@pytest.mark.parametrize("question", ["万里街道2024年预算里城管执法2023年当年预算执行数是多少",
                                      "万里街道24年预算里城管执法上一年执行数是多少"])
def test_a_years_outturn_is_read_from_the_next_years_budget(pdf_engine, question):
    """"2024年预算里…2023年当年预算执行数": the 2024 budget states it, in the sentence after the
    item's own ("26.“…城管执法（项）”604.34万元…。2023年当年预算执行数为676.66万元…")."""
    answer = pdf_engine.ask(question)
    # (read in the 2024 budget; the figure is 2023's outturn, quoted or looked up as that year's)
    assert (answer.figures[0].value, answer.citations[0].year) == ("676.66", 2024)
    assert answer.figures[0].year in (2023, 2024)


def test_which_item_is_not_answered_with_one_sentences_amount(pdf_engine):
    """"降得最狠的是哪个科目": a quoted sentence's amount does not name the item asked for."""
    answer = pdf_engine.ask("万里街道24年预算说明里，跟上一年执行数比，按百分比降得最狠的是哪个科目？")
    assert not answer.figures and answer.citations and answer.citations[0].year == 2024


def test_the_page_asked_alone_is_the_figure(pdf_engine):
    """"那张表在第几页": the page the table is printed on is what is asked (the amount beside it);
    with an amount asked too ("…是多少？在第几页") the amount stays the figure."""
    answer = pdf_engine.ask("区府办2025年预算里，三公经费那张表在第几页？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("20", "页")
    followed = pdf_engine.ask("那张表在公开表格文件里是第几页？", ["政协办公厅2019年三公经费预算多少"])
    assert followed.figures[0].unit == "页"
    both = pdf_engine.ask("区府办2025年三公经费预算是多少？在第几页")
    assert both.figures[0].unit == "万元"


def test_more_spent_than_a_year_with_nothing_named_is_the_spending_total(pdf_engine):
    """"2025年比2024年多花了多少钱": the spending totals of the two budgets set against each other
    (after the sentence stating the change, where the narrative states it)."""
    answer = pdf_engine.ask("万里街道2025年比2024年多花了多少钱")
    cells = [c for c in answer.citations if c.row]
    assert cells[0].row in ("本年支出合计", "支出总计", "合计") and answer.figures[0].value.lstrip("-")
    assert [c.year for c in cells[:2]] == [2025, 2024]


def test_a_follow_up_naming_another_part_of_the_same_whole_by_one_word(pdf_engine):
    """"车呢" after 三公经费's 公务接待费 is its 公务用车 fee; asked in one message, each figure is given."""
    answer = pdf_engine.ask("车呢？", ["万里街道25年三公经费里公务接待费多少？"])
    assert answer.figures[0].value == "36.56"
    both = pdf_engine.ask("万里街道25年三公经费里公务接待费多少？车呢？")
    assert [f.value for f in both.figures[:2]] == ["1.35", "36.56"]


def test_a_generic_word_listed_with_parts_of_its_whole_is_that_part(pdf_engine):
    """"因公出国、公车、公务接待分别是多少": 公车 among two other 三公 parts is the 公务用车 fee."""
    answer = pdf_engine.ask("省委办公厅2017年因公出国、公车、公务接待分别是多少？")
    assert "411.20" in answer.answer


@pytest.mark.parametrize("question, standing", [("省委办公厅19年机关运行经费里，差旅费排第几？多少钱？", ("350.00", None)),
                                                ("省委办公厅19年基本支出明细科目花钱前五名里，有没有退休费？", ("864.75", "yes")),
                                                ("省委办公厅19年基本支出明细科目花钱前三名里，有没有退休费？", ("864.75", "no"))])
def test_a_named_items_place_in_a_ranking(pdf_engine, question, standing):
    answer = pdf_engine.ask(question)
    assert (answer.figures[0].value, answer.verdict) == standing and answer.plan["operation"] in ("rank", "yesno")


def test_places_counted_from_the_bottom_and_a_level_said_with_an(pdf_engine):
    """"倒数第二" is the second smallest; "按类算" ranks the 类 (no slip for 分类)."""
    answer = pdf_engine.ask("福利院24年商品和服务支出里倒数第二的是哪项？多少钱")
    assert "办公设备购置费" in answer.figures[0].label
    answer = pdf_engine.ask("社工部24年决算支出按类算，第二多的是啥")
    assert "住房保障支出" in answer.figures[0].label and not answer.plan.get("corrections")


def test_income_had_in_dialect_and_tables_counted_by_kind(pdf_engine):
    """"收入预算总共弄了几个子儿": income had, not spent; "几张预算表": the tables counted."""
    assert pdf_engine.ask("万里街道24年收入预算总共弄了几个子儿？").figures[0].value == "156,211,123"
    assert pdf_engine.ask("万里街道25年部门预算里一共有几张预算表？").figures[0].value == "9"


@pytest.mark.parametrize("question, gap", [("区政府办25年项级科目里排第一和排第二的差多少钱？", "26020000.00"),
                                           ("政协办公厅18年政协事务下面，花钱最多的项和第二多的项差了多少？", "2652.56")])
def test_the_gap_between_two_places_of_a_ranking(pdf_engine, question, gap):
    answer = pdf_engine.ask(question)
    assert answer.figures[0].value == gap and answer.figures[0].derived and len(answer.citations) == 2
    assert answer.plan["operation"] == "diff"


def test_examples_of_a_level_say_the_level_not_the_items(pdf_engine):
    """"具体到水费电费这种细项，花钱第二多的是哪项": the second of 基本支出's finest items, not a
    ranking of 水费 and 电费."""
    answer = pdf_engine.ask("省委办公厅18年基本支出里，具体到水费电费这种细项，花钱第二多的是哪项？")
    assert "基本工资" in answer.figures[0].label and answer.figures[0].value == "1,475.07"


def test_the_total_column_of_a_table_of_one_row_pointed_at(pdf_engine):
    """"表十一…第一列合计是多少": the one row the table prints, its first column (合计)."""
    answer = pdf_engine.ask("江苏省政协办公厅2017年那套公开表里，表十一那张三公经费、会议费、培训费表，第一列合计是多少？单位是万元还是元？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("1,852.32", "万元") and "只有一行" in answer.answer


def test_an_average_per_head_said_with_de_and_no_head_count_printed(pdf_engine):
    """"平均到每个在职的人头上": per person; the 2018 documents print no count of all staff."""
    answer = pdf_engine.ask("那平均到每个在职的人头上是多少？", ["江苏省政协办公厅2018年人员经费是多少"])
    assert answer.status == "not_found" and "实有人数" in answer.answer


def test_a_ranking_of_named_items_is_among_them_only(pdf_engine):
    """"因公出国、公车、公务接待三项中哪一项最大": not 会议费, printed in the same row."""
    answer = pdf_engine.ask("您好，现就江苏省政协办公厅2017年度“三公”经费预算咨询如下：因公出国（境）费、公务用车购置及运行维护费、"
                            "公务接待费三项中哪一项金额最大？请予答复。")
    assert "公务接待费" in answer.figures[0].label and answer.figures[0].value == "443.50"


def test_an_amount_asked_with_zhan_of_a_rows_column(pdf_engine):
    answer = pdf_engine.ask("万里街道24年其他社会保障和就业支出里，基本支出占多少钱")
    assert answer.figures[0].value == "6,133,194" and answer.figures[0].unit == "元"


def test_a_chat_switching_bodies_and_coming_back_to_the_same_year(pdf_engine):
    """"换成省政协的" names the body switched to (no body called 换成政协); "回到住房公积金，换成省委办公厅同一年的"
    keeps the year talked of."""
    answer = pdf_engine.ask("那18年的呢", ["省委办公厅19年三公经费多少", "换成省政协的"])
    assert (answer.figures[0].value, answer.figures[0].year) == ("675.10", 2018)
    answer = pdf_engine.ask("回到住房公积金，换成省委办公厅同一年的", ["省政协17年住房公积金预算多少", "提租补贴呢"])
    assert (answer.figures[0].value, answer.figures[0].year) == ("621.28", 2017)


def test_an_item_in_two_tables_called_by_nicknames_set_side_by_side(pdf_engine):
    """"会议费，三公表里和基本支出表里的数对得上吗": the 三公 table's 933.50 against the 基本支出
    tables' 50.00 — no (基本支出表 names two tables, each read; neither is the item)."""
    answer = pdf_engine.ask("省委办公厅19年会议费，三公表里和基本支出表里的数对得上吗？")
    assert answer.verdict == "no" and "933.50" in answer.answer and "50.00" in answer.answer


def test_every_item_listed_past_the_usual_dozen(pdf_engine):
    answer = pdf_engine.ask("福利院24年商品和服务支出都花在哪，每一项都告诉我")
    assert len(answer.items) >= 13 and "机关事业单位退休人员活动费" in answer.answer


def test_everything_listed_shows_the_parts_of_nothing_too(pdf_engine):
    """"一个不落列出来": 因公出国(境)费 0 is listed beside the two 三公 parts with money."""
    answer = pdf_engine.ask("万里街道2025年三公经费一个不落列出来，每项多少")
    assert answer.plan["operation"] == "breakdown" and "因公出国(境)费0万元" in answer.answer


def test_each_of_a_row_name_printed_under_several_kuan(pdf_engine):
    """"一般行政管理事务各是多少": the seven rows of that name, each with its 款, listed — no
    breakdown of the whole spending."""
    answer = pdf_engine.ask("万里街道2025年一般行政管理事务各是多少")
    assert not answer.figures and len(answer.items) == 7


@pytest.mark.parametrize("question, verdict, worked", [
    ("省委办公厅19年住房保障支出3894.09万元，比上年多878.93万元，说明写增长30%，对不对", "no", "29.15"),
    ("政协18年单位预留机动经费从106.84万涨到1157.63万，说明写增长983.52%，这数对吗", "yes", "983.52")])
def test_a_printed_rate_of_change_checked_against_the_printed_amounts(pdf_engine, question, verdict, worked):
    """"说明写增长30%，对不对": the increase over the year before's amount (the year's less the
    increase), at the printed precision: 878.93 ÷ 3015.16 = 29.15%, not 30%."""
    answer = pdf_engine.ask(question)
    assert (answer.verdict, answer.figures[0].value, answer.figures[0].derived) == (verdict, worked, True)


def test_a_budgets_items_ranked_by_the_outturn_changes_its_narrative_states(pdf_engine):
    """万里 2023: each 项 "2022年当年预算执行数为…，2023年预算安排…，比2022年预算执行数增加…%"; by rate
    其他城市生活救助 (500.00%) first, the 职业年金 item whose figures disagree (220.63 / 441.25) named and
    left out because no reading of it ranks first. Against 2023's outturn (执行数), 2024's cut most is
    其他城乡社区支出 (1822.46 → 922.02), never set against the 2023 budget document."""
    rate = pdf_engine.ask("万里街道23年预算，跟22年执行数比，哪一项的增长幅度（按百分比）最大？")
    assert (rate.figures[0].value, rate.figures[0].unit) == ("500.00", "%") and "其他城市生活救助" in rate.answer.split("。")[0]
    assert any("职业年金" in n for n in rate.notes)
    cut = pdf_engine.ask("万里街道24年预算跟上一年执行数比，哪一项砍掉的钱最多？")
    assert cut.figures[0].value == "900.44" and "其他城乡社区支出" in cut.answer.split("。")[0]
    follow = pdf_engine.ask("那这一项比上年执行数降了百分之几？", history=["万里街道24年预算跟上一年执行数比，哪一项砍掉的钱最多？"])
    # (not 2023's budget: 36.41%; stated or worked from the sentence's two figures, a fall of 49.41%)
    assert (follow.figures[0].value.lstrip("-"), follow.figures[0].unit) == ("49.41", "%") and "49.41%" in follow.answer


def test_a_total_told_in_words_is_not_summed_with_the_one_asked(pdf_engine):
    """"预算总共一万八千多万，平均每天要花多少": the told amount's clause sums nothing; the year's
    spending ÷ 365 (189,767,551 ÷ 365), never 收入总计 plus 支出合计."""
    answer = pdf_engine.ask("万里街道25年预算总共一万八千多万，平均每天要花多少？")
    assert answer.figures[0].value == "519911.10"


def test_a_claim_told_then_the_figure_asked(pdf_engine):
    """"网上说…翻了一倍，25年三公预算到底多少": the claim checked (no), the figure asked heads."""
    answer = pdf_engine.ask("网上说万里街道25年三公经费比24年翻了一倍，25年三公预算到底多少")
    assert answer.verdict == "no" and answer.figures[0].value == "37.91"


def test_a_claim_of_nothing_spent_is_true_when_the_figure_is_zero(pdf_engine):
    """"有人说…没安排买新公车的钱，对吗": the claim says none; 0 makes it right."""
    answer = pdf_engine.ask("有人说省委办公厅18年没安排买新公车的钱，对吗")
    assert answer.verdict == "yes" and answer.figures[0].value == "0"


@pytest.mark.parametrize("question, value", [
    ("我想算算省委办公厅平均每个处室摊多少钱，先问下17年它内设多少个处室", "20"),
    ("我想算万里街道25年每辆公车摊多少运行费，他们现在一共有几辆车", "8")])
def test_the_question_asked_after_the_askers_plan(pdf_engine, question, value):
    """What the asker means to work out is said first; the count asked after it is answered."""
    assert pdf_engine.ask(question).figures[0].value == value


def test_a_ranking_told_of_the_item_asked_is_no_ranking_asked(pdf_engine):
    """"涨得最多的城乡社区支出这一类多了多少": that 类's own change (154,369,326 − 119,385,303),
    not the 项 that rose most."""
    answer = pdf_engine.ask("万里街道25年比24年预算多了3355万，涨得最多的城乡社区支出这一类多了多少？")
    assert answer.figures[0].value == "34984023"


def test_per_vehicle_said_as_average_each_car(pdf_engine):
    """"平均每辆车一年的运行维护费": the vehicles' running cost ÷ the 46 vehicles, not the
    ambiguous 运行维护费 rows."""
    answer = pdf_engine.ask("江苏省政协办公厅2019年平均每辆车一年的运行维护费是多少")
    assert answer.figures[0].formula.startswith("156.60万元 ÷ 46辆")


def test_the_whole_budgets_change_stated_for_both_totals(pdf_engine):
    """"政协办公厅17年的部门预算比16年涨了百分之几": no 2016 document; the 2017 narrative's
    "收、支预算总计各增加498.72万元，增长5.77%"."""
    answer = pdf_engine.ask("政协办公厅17年的部门预算比16年涨了百分之几")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("5.77", "%")


def test_a_share_of_the_years_spending_budget_is_no_completion(pdf_engine):
    """"基本支出占全年支出预算的百分之多少": a share (55.94% stated), not a completion rate."""
    answer = pdf_engine.ask("政协办公厅18年的基本支出占全年支出预算的百分之多少")
    assert answer.figures[0].value == "55.94"


def test_how_many_official_cars_is_a_count(pdf_engine):
    """"有多少公务用车": the vehicles (127), not their running cost (411.20万元)."""
    answer = pdf_engine.ask("江苏省委办公厅2019年有多少公务用车")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("127", "辆")


def test_a_ranking_word_run_into_a_bodys_name(pdf_engine):
    """"…最多万里街道…" (an English question read word by word): 万里街道, not an unknown body."""
    answer = pdf_engine.ask("Which 项-level line got the biggest allocation in 万里街道's 2024 budget?")
    assert answer.plan["departments"] == ["上海市普陀区人民政府万里街道办事处"]


@pytest.mark.parametrize("question, verdict, worked, formula", [
    # no whole named: the section's opening total (一般公共预算财政拨款支出307.82万元)
    ("社工部24年决算说明里住房保障支出占9.55%，这个比例算得对吗", "no", "9.56", "29.42 ÷ 307.82"),
    # the whole named (三公经费) stated only as its three parts, each as a share of it
    ("省委办公厅18年说明里写公务用车购置及运行费占三公经费80.92%，算得对吗", "no", "80.91", "411.20 ÷ (70 + 411.20 + 27)")])
def test_a_printed_share_recomputed_from_the_documents_amounts(pdf_engine, question, verdict, worked, formula):
    answer = pdf_engine.ask(question)
    assert (answer.verdict, answer.figures[0].value, answer.figures[0].formula) == (verdict, worked, formula)


def test_whether_a_part_is_the_big_one_is_a_ranking_with_its_verdict(pdf_engine):
    """"城乡社区支出是不是占了大头？钱主要花在哪几类上": the 类 ranked (城乡社区支出 first, yes), the
    parts listed — never "有" for any part above nothing, nor that 类's own breakdown."""
    answer = pdf_engine.ask("万里街道23年的预算里城乡社区支出是不是占了大头？钱主要花在哪几类上")
    assert answer.verdict == "yes" and answer.figures[0].value == "121,319,878"
    assert "社会保障和就业支出" in answer.answer


def test_a_period_said_in_the_background_is_not_asked(pdf_engine):
    """"…每个月拿离休的钱。前两天听…讲…。我就想问问，2019年他们预算里离休费整了多少钱": the year's
    离休费 (236.12万元) — no monthly average ("每个月" is told), no top two ("前两天" is days ago)."""
    answer = pdf_engine.ask("我家老头子原来在省政协机关上班，退下来好些年了，每个月拿离休的钱。前两天听楼下老张讲政协办公厅每年都要做"
                            "预算，给老干部留一笔。我就想问问，2019年他们预算里离休费整了多少钱嘞")
    assert answer.figures[0].value == "236.12"


def test_a_multiple_of_another_year_asked_after_a_figure(pdf_engine):
    """"这是2017年的几倍" after 2018's 提租补贴: 2299.88 ÷ 1235.41 = 1.86 (the year named the base)."""
    answer = pdf_engine.ask("这是2017年的几倍？", history=["省委办公厅2018年提租补贴多少钱？"])
    assert (answer.figures[0].value, answer.figures[0].unit) == ("1.86", "倍")


def test_a_fraction_of_an_earlier_year_not_reached(pdf_engine):
    """"25年的预算是不是连23年的十分之一都不到了": 582,800 ÷ 6,351,000 = 0.09 — yes."""
    answer = pdf_engine.ask("万里街道的公益性岗位补贴，25年的预算是不是连23年的十分之一都不到了？")
    assert answer.verdict == "yes"


def test_steadily_falling_said_with_wang(pdf_engine):
    """"是不是一直在往下降": 509.20 → 508.20 → 508.20 is no steady fall."""
    answer = pdf_engine.ask("省委办公厅的三公经费，17、18、19这三年是不是一直在往下降？")
    assert answer.verdict == "no" and len(answer.figures) == 3


def test_whether_it_counts_as_doubled_is_no_exclusion(pdf_engine):
    """"是23年的几倍？算不算翻了一番": 189,767,551 ÷ 164,978,640 = 1.15 — no; "不算" here asks."""
    answer = pdf_engine.ask("万里街道25年的预算总盘子是23年的几倍？算不算翻了一番？")
    assert answer.verdict == "no" and answer.figures[0].value == "1.15"


def test_a_row_named_in_a_table_said_by_number(pdf_engine):
    """"表四里面，基本支出那一栏是多少": table 4 (财政拨款收支预算总表) lists 基本支出 as a row:
    5,836.27 — not the all-funds 5,916.27 the narrative states."""
    answer = pdf_engine.ask("政协办公厅2017年表四里面，基本支出那一栏是多少？")
    assert answer.figures[0].value == "5,836.27" and answer.citations[0].table_title == "财政拨款收支预算总表"


@pytest.mark.parametrize("question, value", [
    ("万里街道25年预算里三公那张表，最右边那一格是多少？", "464.64"),  # 机关运行经费预算数
    ("江苏省委办公厅18年三公那张表，最右边那格是多少钱？", "30.00")])  # 培训费
def test_the_rightmost_cell_of_the_table_a_word_names(pdf_engine, question, value):
    assert pdf_engine.ask(question).figures[0].value == value


@pytest.mark.parametrize("question, history, value", [
    ("普陀社工部24年要是差旅费一分不花，公用经费还剩多少？", [], "9.08"),  # the part said after 要是
    ("把会议费全砍了的话，江苏省委办公厅17年的机关运行经费还剩多少？", [], "9168.26"),  # only the whole names the body
    ("要是出国那块全砍了，还剩多少？", ["区政府办25年三公经费预算多少？"], "28.50")])  # the whole the turn before asked
def test_what_ifs_said_the_other_way_round(pdf_engine, question, history, value):
    assert pdf_engine.ask(question, history=history).figures[0].value == value


def test_whether_there_is_other_income_once_a_part_is_set_aside(pdf_engine):
    """"除了财政拨款，还有没有别的收入": yes, 20,849.45 − 20,702.25 = 147.20万元 (its 有没有 asks no
    reason); "除了…，有没有国有资本经营预算的支出" still asks that item itself."""
    answer = pdf_engine.ask("江苏省委办公厅17年除了财政拨款，还有没有别的收入？")
    assert answer.verdict == "yes" and answer.figures[0].value == "147.20"


@pytest.mark.parametrize("question, value", [
    ("万里街道23年新建社区公共服务中心那个工程，第一季度用款计划多少？", "25.88"),
    ("万里街道24年新建社区公共服务中心工程第四季度用款计划多少", "158.05")])
def test_a_quarter_a_projects_plan_states_is_read_not_refused(pdf_engine, question, value):
    """A project's 年度预算安排 may give its 用款计划 by quarter: a quarter asked is read there (a
    quarter no sentence gives stays refused: see the samples' months)."""
    assert pdf_engine.ask(question).figures[0].value == value


def test_a_quarter_stated_of_a_project_is_no_quarter_of_another_thing(pdf_engine):
    """"第三季度的三公经费": the project's quarterly plan ("第三季度用款计划158.05万元") is not the 三公
    经费's; no document gives that by quarter."""
    answer = pdf_engine.ask("万里街道2024年第三季度的三公经费花了多少？")
    assert answer.status == "not_found" and not answer.figures


@pytest.mark.parametrize("question, gap, verdict", [
    ("万里街道社保和就业支出占总支出的比重，24年比23年是高了还是低了？差几个百分点", "3.86", None),  # 12.55% vs 16.41%
    ("万里街道三公经费里公车那块的占比，25年比24年是变小了吗？差几个百分点", "0.74", "yes"),  # 96.44% vs 97.18%
    ("江苏省政协办公厅三公经费里接待费的占比，19年比18年是高了还是低了，差几个百分点？", "0.88", None),  # stated shares
    # three years: each listed, the last against the first
    ("万里街道城乡社区支出占全部支出的比重，2023到2025年分别是多少？从23年到25年变了几个百分点？", "7.81", None),  # 81.35% vs 73.54%
    ("江苏省委办公厅2017到2019年项目支出占总支出的比重是怎么变的？从多少变到多少，降了几个百分点？", "4.19", None)])
def test_a_share_moved_between_years_documents(pdf_engine, question, gap, verdict):
    """Each year's share answered as if asked alone, the later less the earlier, in percentage points;
    a guess of the way it moved answered yes or no."""
    answer = pdf_engine.ask(question)
    assert (answer.figures[0].value, answer.figures[0].unit) == (gap, "个百分点") and answer.verdict == verdict, answer.answer
    assert len({c.year for c in answer.citations}) == (3 if "到" in question else 2), answer.answer  # each year cited


@needs_shared
@pytest.mark.parametrize("question, gap, listed", [
    ("省政协17到19年公务接待费预算分别多少？19年比17年少了多少", "-46.00", ["443.50", "412.50", "397.50"]),
    ("万里街道23到25年的机关运行经费各是多少？25年比23年少了多少", "-321.45", ["786.09", "443.18", "464.64"]),
])
def test_years_listed_then_the_two_named_compared(pdf_engine, question, gap, listed):
    """The gap of the two years the last clause names (never the last two listed), each year's
    figure listed before it."""
    a = pdf_engine.ask(question)
    assert a.figures[0].value == gap and all(v in a.answer for v in listed)


@needs_shared
@pytest.mark.parametrize("question", ["区府办25年公务接待费为啥要安排28.5万", "省委办公厅19年因公出国费为啥跟18年一样，还是70万"])
def test_a_why_the_document_gives_no_reason_for_is_not_answered(pdf_engine, question):
    """The sentences stating the figure ("公务接待费28.50万元，与2024年预算持平") give no reason:
    said so, the nearest sentence cited, no figure."""
    a = pdf_engine.ask(question)
    assert a.status == "not_found" and not a.figures and a.answer.startswith("文件中没有说明原因") and a.citations


@needs_shared
def test_each_years_amount_in_yuan_is_listed_in_wan_too(pdf_engine):
    listed = pdf_engine.ask("万里街道23、24、25年的预算总额分别是多少万元").answer
    assert "164,978,640元（折合16497.86万元）" in listed and "189,767,551元（折合18976.76万元）" in listed
    trend = pdf_engine.ask("万里街道的公益性岗位补贴23到25年是不是一年比一年少").answer
    assert trend.startswith("是。") and "582,800元（折合58.28万元）" in trend


@needs_shared
def test_the_reason_quoted_is_for_a_change_the_way_asked(pdf_engine):
    """"为啥少": the reason the section gives for a fall (车辆类型不同), not its "持平。主要原因是…"."""
    a = pdf_engine.ask("万里街道25年三公经费为啥比24年少了")
    assert "车辆类型不同" in a.answer


@needs_shared
def test_a_share_the_sentence_prints_answers_only_a_share_asked(pdf_engine):
    """"占“三公”经费的65.60%" is 公务接待费's share: no answer to what 三公 would be cut 10% to."""
    assert not any(f.value == "65.60" for f in pdf_engine.ask("省政协17年三公经费要是再压10%，能压到600万以内吗").figures)
    assert pdf_engine.ask("省政协17年公务接待费占三公经费的比重是多少").figures[0].value == "65.60"


@needs_shared
def test_the_reason_for_a_quoted_totals_change_is_its_own_sections(pdf_engine):
    """"“三公”经费" headed section gives the reason (购置公务用车), not a 公共安全 科目's sentence
    sharing only 经费 and 增加."""
    assert "购置公务用车" in pdf_engine.ask("万里街道24年三公经费为啥比23年多了，多了多少").answer


@needs_shared
def test_whether_a_kind_of_vehicle_was_bought_reads_the_purchase_not_the_fleet(pdf_engine):
    """"执法执勤车有没有买": the 2024 budget's "安排购置车辆1辆，其中…执法执勤用车0辆", not the
    fleet's "共有车辆7辆，其中…" (both say 0 here: the sentence cited is what differs)."""
    a = pdf_engine.ask("万里街道24年执法执勤车有没有买")
    assert a.verdict == "no" and "购置车辆1辆" in a.citations[0].quote


def test_a_figure_the_narrative_states_of_an_item_is_checked_against_that_items_cell(pdf_engine):
    """"职业年金缴费，说明里写“2023年预算安排441.25万元”，跟表里的数一样吗？差多少": the clause of
    a measure only is of the item said before it (not the 收入总计), the gap asked heading."""
    answer = pdf_engine.ask("万里街道23年职业年金缴费，说明里写“2023年预算安排441.25万元”，跟表里的数一样吗？差多少")
    assert answer.verdict == "no" and (answer.figures[0].value, answer.figures[0].unit) == ("220.62", "万元")
    assert "职业年金" in answer.citations[0].row


def test_parts_adding_up_to_a_cent_off_their_whole_are_not_exactly_it(pdf_engine):
    """社工部: 人员经费 95.36 + 公用经费 10.23 = 105.59 against 基本支出 105.58: not equal as printed."""
    answer = pdf_engine.ask("社工部24年人员经费加公用经费，加起来是不是正好等于基本支出")
    assert answer.verdict == "no" and answer.figures[0].value == "0.01" and "四舍五入" in answer.answer


@pytest.mark.parametrize("history, question, verdict, value", [
    # a fund said after a spending figure: that figure's part
    (["政协19年基本支出预算多少"], "只算财政拨款的呢", None, "6,442.75"),
    # two tables named by short or partial names, set against each other
    ([], "政协17年的基本支出，收支总表和财政拨款那张表里的数对得上吗", "no", "80.00"),
])
def test_a_fund_or_two_tables_said_short(pdf_engine, history, question, verdict, value):
    answer = pdf_engine.ask(question, history)
    assert answer.verdict == verdict and answer.figures[0].value == value


def test_one_item_in_two_tables_named_short_with_the_gap_asked(pdf_engine):
    """"公务接待费，三公表里的和经济分类表里的一样吗？差多少": the two tables named, their gap."""
    answer = pdf_engine.ask("区府办25年公务接待费，三公表里的和经济分类表里的一样吗？差多少")
    assert answer.verdict == "no" and (answer.figures[0].value, answer.figures[0].unit) in {("10.00", "万元"), ("100000.00", "元")}
    answer = pdf_engine.ask("省委办公厅17年的项目支出，总表里的和财政拨款表里的差多少")
    assert answer.figures[0].value == "147.20"


def test_the_narratives_figure_set_against_the_table_gives_the_gap(pdf_engine):
    answer = pdf_engine.ask("福利院24年社会福利事业单位那项，说明里写的财政拨款738.66万，和表里的一样吗")
    assert answer.verdict == "no" and [f.value for f in answer.figures[:2]] == ["6,964,796", "42.18"]
    assert "说明中的“738.66万”与表中数字不一致" in answer.answer


def test_an_item_in_the_table_named_with_that_table_pointed_at(pdf_engine):
    """"三公那张表里的会议费": the table is where, 会议费 what (not the 三公 total)."""
    answer = pdf_engine.ask("政协18年三公那张表里的会议费是多少")
    assert answer.figures[0].value == "884.16"


def test_an_empty_tables_reason_is_the_narratives_where_no_note_is_printed(pdf_engine):
    """省委办公厅 2017: the 政府性基金 table prints nothing and no note; the narrative file says
    "本部门无政府性基金预算"."""
    answer = pdf_engine.ask("省委办公厅17年政府性基金支出预算表一个数都没有，是漏填了还是怎么回事？")
    assert "本部门无政府性基金预算" in answer.answer and len(answer.citations) == 2


def test_the_rightmost_column_of_a_one_row_table_is_its_name_and_cell(pdf_engine):
    answer = pdf_engine.ask("政协19年那张三公经费的表，最右边那一栏是啥？填的多少？")
    assert "“培训费”" in answer.answer and answer.figures[0].value == "281.77"


@pytest.mark.parametrize("history, question, value", [
    # a figure checked, then asked with asking words only: the item said before
    ([], "省委办公厅19年公务用车运行维护费我记得是4112万，对不对？到底多少？", "411.20"),
    ([], "政协办公厅18年预算总共10个亿出头吧？准确是多少？", "10,150.48"),  # (十个亿: 亿 counted with 个)
    # years added to the one talked of
    (["省委办公厅2017年公务接待费预算是多少？"], "那把18、19年的也加上，三年一共多少？", "82.00"),
])
def test_figures_checked_or_added_in_a_chat(pdf_engine, history, question, value):
    assert pdf_engine.ask(question, history).figures[0].value.replace(",", "") == value.replace(",", "")


def test_counts_of_two_bodies_added(pdf_engine):
    """"两家19年的公车加起来有多少辆": each body's count as its own question reads it (127 + 46)."""
    answer = pdf_engine.ask("省委办公厅和省政协办公厅19年的公车加起来有多少辆？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("173", "辆") and len(answer.citations) == 2


def test_an_item_in_a_table_named_after_another_is_the_item_asked(pdf_engine):
    """"机关运行经费在三公那张表的哪一栏": 三公 names the table (部门“三公”经费和机关运行经费预算表),
    机关运行经费 is asked — not the 三公 total of the same table."""
    a = pdf_engine.ask("万里街道25年机关运行经费在三公那张表的哪一栏，数是多少？")
    assert (a.figures[0].value, a.figures[0].unit) == ("464.64", "万元") and a.answer.startswith("见"), a.answer


@pytest.mark.parametrize("question, value, unit", [
    ("省委办公厅18年项支比基支多多少", "1678.35", "万元"),  # 项目支出 − 基本支出
    ("政协19年财拨的基支是多少", "6,442.75", "万元"),  # not the 财政拨款 income
    ("万里街道25年政采主要买的是啥", "3780.72", "万元"),  # 政府采购's parts, not the spending's 类
])
def test_office_shorthand_on_budgets(pdf_engine, question, value, unit):
    a = pdf_engine.ask(question)
    assert (a.figures[0].value, a.figures[0].unit) == (value, unit), a.answer


def test_an_average_over_every_vehicle_when_the_question_says_so(pdf_engine):
    """"按它名下所有车辆算": 21.56 ÷ all 7 vehicles, not the 3 公务用车 its 公务用车 money is spent on."""
    a = pdf_engine.ask("万里街道23年公车运行费平均到每辆车是多少，按它名下所有车辆算")
    assert a.figures[0].value == "3.08" and a.figures[0].derived and "车辆7辆" in a.answer, a.answer


def test_a_figure_averaged_over_the_years_asked(pdf_engine):
    """"这三年平均每年": the three years' figures added and divided by three, each year cited —
    not refused as a per-head figure no disclosure prints."""
    a = pdf_engine.ask("政协17到19这三年培训费平均每年多少")
    assert (a.figures[0].value, a.figures[0].unit) == ("153.66", "万元") and a.figures[0].derived, a.answer
    assert {c.year for c in a.citations} == {2017, 2018, 2019}


@pytest.mark.parametrize("question, value", [
    ("江苏省委办公厅19年单价超过200000元的设备有几台", "33"),  # 200000元 is the 20万元 the sentence says
    ("政协19 20万以上设备几台", "4"),
])
def test_a_price_said_in_other_units_is_the_stated_one(pdf_engine, question, value):
    a = pdf_engine.ask(question)
    assert a.figures and a.figures[0].value == value, a.answer


def test_a_word_with_its_particle_names_no_single_kemu(pdf_engine):
    """"实行绩效目标管理的项目": "管理的" is 管理 with its particle, which many 科目 carry — not the
    未归口管理的行政单位离退休 row whose name happens to hold it."""
    a = pdf_engine.ask("省委办公厅2018年实行绩效目标管理的项目一共覆盖多少钱？")
    assert "未归口管理" not in a.answer and not any(f.value == "248.77" for f in a.figures), a.answer


def test_a_ranking_of_counts_is_not_answered_with_money(pdf_engine):
    """"哪种会议次数最多": times asked; the 科目 ranked by money answer another question."""
    a = pdf_engine.ask("省政协17年计划开的全体会议、常委会议、主席会议，哪种次数最多？")
    assert not any(f.unit in ("万元", "元") for f in a.figures) and "行政运行" not in a.answer, a.answer


@pytest.mark.parametrize("question", ["万里街道24年预算里，街道还有执法执勤用车吗", "万里街道24年有没有执法执勤用车"])
def test_a_kind_of_vehicle_held_asked_yes_or_no(pdf_engine, question):
    """The template's kinds of vehicles held, counted in the narrative (执法执勤用车0辆): 没有, with the
    count; "预算里，" says where, not what."""
    a = pdf_engine.ask(question)
    assert a.answer.startswith("没有") and (a.figures[0].value, a.figures[0].unit) == ("0", "辆"), a.answer


@pytest.mark.parametrize("question, value", [
    ("福利院内部一共设了几个部门？", "5"),  # 内设机构, said with its count asked inside
    ("万里街道24年预算里包括的那些单位，事业单位有几家？", "4"),
])
def test_a_count_the_narrative_states_asked_in_everyday_words(pdf_engine, question, value):
    a = pdf_engine.ask(question)
    assert a.figures and a.figures[0].value == value, a.answer


def test_an_amount_only_sentences_state_compared_across_two_years(pdf_engine):
    """"编报绩效目标的项目涉及的资金比24年多了多少": no table prints it; each year's sentence (8825.98,
    5634.81万元), then the gap, each cited in its own year's document."""
    a = pdf_engine.ask("万里街道25年编报绩效目标的项目涉及的资金比24年多了多少")
    assert (a.figures[0].value, a.figures[0].unit) == ("3191.17", "万元") and a.figures[0].derived, a.answer
    assert [c.year for c in a.citations] == [2025, 2024]


def test_an_average_per_project_over_the_money_their_count_is_stated_with(pdf_engine):
    """"报了绩效目标的项目平均每个项目多少钱": the sentence gives the count (49个) and, after it, the
    money they involve (8825.98万元): the one divided by the other, both cited."""
    a = pdf_engine.ask("万里街道25年报了绩效目标的项目平均每个项目多少钱？")
    assert a.figures[0].derived and round(float(a.figures[0].value), 2) == 180.12, a.answer


@pytest.mark.parametrize("question, value", [
    # the things counted said in the clause before the average (their count's own words: 编报绩效目标的项目11个)
    ("区府办25年编报了绩效目标的项目，平均每个项目涉及多少预算资金？", 602.36),  # 6626 ÷ 11
    # 内设机构 counted (设5个内设机构): the spending total over them
    ("普陀区社会福利院2024年的支出预算总额，平均到每个内设机构是多少？", 2424232.80),  # 12,121,164元 ÷ 5
])
def test_an_average_over_things_the_narrative_counts(pdf_engine, question, value):
    a = pdf_engine.ask(question)
    assert a.figures[0].derived and round(float(a.figures[0].value.replace(",", "")), 2) == value, a.answer


def test_the_askers_own_reckoning_after_a_count_asks_the_count(pdf_engine):
    """"有几个处室？我想算算平均每个处室花多少钱": the count they reckon with, not a refusal of a per-head figure."""
    a = pdf_engine.ask("江苏政协办公厅有几个处室？我想算算平均每个处室花多少钱。")
    assert [(f.value, f.unit) for f in a.figures][:1] == [("21", "个")], a.answer


@pytest.mark.parametrize("question, verdict", [
    ("省委办公厅17年的预算把东郊国宾馆算进去了吗", "no"),  # "仅包含厅机关本级，不含东郊国宾馆"
    ("省委办公厅18年的预算把东郊国宾馆算进去了吗", "no"),  # not "下属单位包括：东郊国宾馆", which says no scope
    ("区府办25年的部门预算包不包括下面那个交流服务中心？", "yes"),  # "不单列预算，并入本部"
])
def test_whether_a_unit_under_the_department_is_in_its_disclosure(pdf_engine, question, verdict):
    a = pdf_engine.ask(question)
    assert a.verdict == verdict and a.citations and a.citations[0].quote, a.answer


def test_an_average_per_office_once_the_templates_instruction_is_no_subject(pdf_engine):
    """江苏省政协 2019 prints "（按“部门预算公开08表…”中实际发生经济分类支出事项填写）（二）公用经费1,130.74万元":
    the instruction is no part of the subject, so 公用经费 is looked up and averaged over its 21 处室."""
    a = pdf_engine.ask("政协19年平均每个处室摊到多少公用经费")
    assert a.figures[0].derived and round(float(a.figures[0].value), 2) == 53.84, a.answer


def test_a_dictated_afterthought_says_which_kind_is_counted(pdf_engine):
    """"设了几个部门啊 就是内设的那种": the 内设机构 the 福利院 states (设5个内设机构)."""
    answer = pdf_engine.ask("那个社会福利院里头 设了几个部门啊 就是内设的那种")
    assert [(f.value, f.unit) for f in answer.figures] == [("5", "个")], answer.answer


def test_a_unit_under_the_department_that_its_own_document_counts(pdf_engine):
    """"南京进代史遗址博物馆…有几个在职的人": no document of its own, but the 政协办公厅 2017 narrative
    states its staff (南京中国近代史遗址博物馆管理建设办公室在职10名), dictated with 近 heard as 进."""
    answer = pdf_engine.ask("政协一七年那个预算里头 南京进代史遗址博物馆管理建设办公室 有几个在职的人算进去了")
    assert [(f.value, f.unit) for f in answer.figures] == [("10", "名")], answer.answer
    other = pdf_engine.ask("省政协17年下属的南京博爱医院在职几个人")
    assert other.status == "not_found" and not other.figures, other.answer  # a unit it does not state


def test_the_units_a_document_covers_counted_off_its_list(pdf_engine):
    """No sentence counts them: "纳入…编制范围的单位包括：1 …（本级） 2 …服务中心" is two units."""
    answer = pdf_engine.ask("普陀社工部24年决算包括几个单位")
    assert [(f.value, f.unit) for f in answer.figures] == [("2", "个")] and "社会工作发展服务中心" in answer.answer
    under = pdf_engine.ask("省委办公厅19年的预算除了本级还包括几个单位")  # (the 预算单位, not the 直属单位)
    assert [f.value for f in under.figures] == ["3"] and "东郊国宾馆" not in under.answer, under.answer
    listed = pdf_engine.ask("省委办公厅2019年纳入部门预算的单位有哪些？一共几家？")  # (the list asked, then counted)
    assert [f.value for f in listed.figures] == ["4"] and "机关文印中心" in listed.answer, listed.answer



@pytest.mark.parametrize("question, count", [
    # "包括万里街道本部以及下属5家预算单位": the office and the five under it
    ("万里街道23年这份预算连街道本部在内一共包括几家单位", "6"),
    ("区府办的部门预算包括哪些单位？一个不落列出来，一共几家", "2"),
    # (never "本部门1个预算单位开展了…绩效目标编报工作": the units that did that)
    ("区府办的部门预算包括几个单位", "2"),
    # those under it, or one kind of unit, as the sentence counts them
    ("万里街道23年除了本部，下面还有几家预算单位", "5"),
])
def test_all_the_units_with_the_office_itself(pdf_engine, question, count):
    answer = pdf_engine.ask(question)
    assert [f.value for f in answer.figures] == [count], answer.answer


def test_people_counted_are_not_answered_by_sentences_of_money(pdf_engine):
    """"编制数和实有人数各是多少": the 万里街道 2023 budget states neither; its 科目 sentences count no one."""
    answer = pdf_engine.ask("万里街道2023年编制数和实有人数各是多少 想算个人均经费")
    assert answer.status == "not_found" and not answer.figures, answer.answer


def test_a_budget_against_the_year_befores_outturn_its_own_sentence_states(pdf_engine):
    """No 2023 document of the 福利院: its 2024 budget states both ("2023年当年预算执行数为44.17万元，
    2024年预算安排50.37万元"): 50.37 − 44.17."""
    answer = pdf_engine.ask("福利院给职工交的医保（事业单位医疗） 2024年预算比2023年实际执行的多了多少")
    assert answer.figures[0].value == "6.20" and answer.figures[0].unit == "万元", answer.answer


@pytest.mark.parametrize("question, verdict", [
    ("省委办公厅2018年的机关运行经费是不是两千万出头？", "yes"),  # 2,094.58万元
    ("省委办公厅2019年的提租补贴大概三千万出头吧？", "no"),  # 2,928.22万元: under it
    ("万里街道2025年的预算是不是一亿八九千万的样子？", "yes"),  # 189,767,551元
])
def test_rough_guesses_in_words_are_checked(pdf_engine, question, verdict):
    assert pdf_engine.ask(question).verdict == verdict


def test_the_year_befores_outturn_asked_of_a_budget_is_the_one_it_states(pdf_engine):
    """"社会福利事业单位那一项，上年执行数是多少？就按2024年的文件": the 2024 budget's "2023年当年预算执行数
    为711.34万元", not its 2024 budget (738.66万元) quoted first."""
    answer = pdf_engine.ask("福利院“社会福利事业单位”那一项，上年执行数是多少？就按2024年的文件。")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("711.34", "万元"), answer.answer


def test_a_function_class_a_year_does_not_print_is_never_the_department_total(pdf_engine):
    """万里街道's 2023 budget prints no 教育支出 (its 2024 one does: 250,000元): "2023年教育支出预算多少"
    was answered with the 本年支出合计 (164,978,640元) by "支出预算" read across the 类's name."""
    answer = pdf_engine.ask("万里街道2023年教育支出预算多少")
    assert not answer.figures or answer.figures[0].value not in ("164,978,640", "16497.86"), answer.answer
    assert pdf_engine.ask("万里街道2024年教育支出预算多少").figures[0].value == "250,000"


def test_the_zero_kinds_and_the_one_that_is_not(pdf_engine):
    """"哪几类是零？不是零的那类有多少辆": the zero kinds listed, the one left (一般公务用车 46辆) the headline."""
    answer = pdf_engine.ask("政协办公厅2019年的车按类别看，哪几类是零？不是零的那类有多少辆？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("46", "辆") and "执法执勤用车" in answer.answer


def test_two_items_in_their_own_places_asked_whether_they_agree(pdf_engine):
    """"机关运行经费，跟基本支出经济分类表里的公用经费合计对得上吗": the two figures set against each other
    (213.28万元 stated; 2,132,777.54元 in the table), not one item checked in several places."""
    answer = pdf_engine.ask("区政府办公室2025年的机关运行经费，跟基本支出经济分类表里的公用经费合计对得上吗？")
    assert answer.verdict == "yes" and answer.answer.startswith("对得上")
    assert {"213.28", "2,132,777.54"} <= {f.value for f in answer.figures}, answer.answer


def test_a_question_said_again_and_a_reading_ruled_out_set_nothing_aside(pdf_engine):
    """"…全年预算和实际支出差了多少？就是预算里没花掉的有多少，不是问结转结余。": the gap of the two
    (321.02 − 307.82), not refused as an exclusion ("不是") nor read as 结转结余."""
    answer = pdf_engine.ask("社工部2024年一般公共预算财政拨款，全年预算和实际支出差了多少？就是预算里没花掉的有多少，不是问结转结余。")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("13.20", "万元"), answer.answer


def test_how_much_of_a_budget_went_asked_in_other_words_is_its_completion_rate(pdf_engine):
    """"全年预算花出去了百分之多少": the outturn over the full-year budget its sentence states (11.31 ÷ 17.68)."""
    answer = pdf_engine.ask("社工部2024年“事业运行”这一项，全年预算花出去了百分之多少？也就是预算执行率是多少")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("63.97", "%"), answer.answer


def test_a_budget_against_an_outturn_only_the_next_budget_states_beside_that_year_s_budget(pdf_engine):
    """万里街道 has a 2023 budget, which prints no 2023 outturn: "2024年…的预算，比2023年执行数增长了百分之几"
    is read in the 2024 budget's sentence (11.91 against 9.00), of the 款 the question names too
    (统战事务, not another 款's 一般行政管理事务); "按表里的数算" leaves that sentence alone."""
    answer = pdf_engine.ask("2024年万里街道统战事务（一般行政管理事务）的预算，比2023年执行数增长了百分之几？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("32.33", "%"), answer.answer
    by_table = pdf_engine.ask("万里街道24年预算说明里住房公积金那条，一会儿写350.35万、一会儿写2024年安排352.67万，"
                              "我按表里的数算，比23年执行数多了多少")
    assert not by_table.figures or by_table.figures[0].value != "4.15", by_table.answer


def test_a_follow_up_s_item_named_only_in_a_reason_is_not_the_amount_s_subject(pdf_engine):
    """退休费 asked, then "那第二年呢？怎么一下少了那么多": the quoted sentence's fall is 离退休（项）'s
    (减少1,256.90万元), whose reason names 退休费; that is no figure of 退休费's, so none is headlined."""
    answer = pdf_engine.ask("那第二年呢？怎么一下少了那么多", ["想问下省政协2017年退休费预算多少"])
    assert "省社保机构统一发放" in answer.answer
    assert not any(f.value.replace(",", "").startswith("1256.9") for f in answer.figures), answer.answer


def test_an_aside_after_a_budget_and_items_excluded_in_brackets(pdf_engine):
    """"…预算不算公务接待费的话" (预算不算 is no "算不算"): 三公 less 公务接待费; "（不含会议费、培训费）"
    names no part of 三公经费 (they sit beside it in the table): the 三公 total, not a listing of the three."""
    less = pdf_engine.ask("江苏省政协办公厅2018年“三公”经费预算不算公务接待费的话是多少万元？")
    assert less.figures[0].value == "262.60", less.answer
    unbracketed = pdf_engine.ask("江苏省政协办公厅2018年“三公”经费不包括公务接待费是多少")
    assert unbracketed.figures[0].value == "262.60", unbracketed.answer
    reminder = pdf_engine.ask("江苏省政协办公厅2018年“三公”经费预算（不含会议费、培训费）是多少万元？")
    assert [(f.value, f.unit) for f in reminder.figures] == [("675.10", "万元")], reminder.answer


def test_units_inside_a_body_listed_are_no_money_breakdown(pdf_engine):
    """"内设机构都是哪些": the sentence listing them, never the spending broken down by 科目."""
    answer = pdf_engine.ask("普陀区社会福利院的内设机构都是哪些")
    assert "护理部" in answer.answer and not any(f.unit == "元" for f in answer.figures), answer.answer


def test_a_blank_class_of_a_summary_table_whose_printed_classes_make_the_subtotal(pdf_engine):
    """收支预算总表 lists every 类 of the template; 一般公共服务 + 社会保障和就业 + 住房保障 printed add up
    to 当年支出小计 (13,377.11), so the blank 农林水支出 is 0: "没有", shown with the sum; asked with the
    budget's verb ("预算里，有没有安排农林水方面的钱") the same."""
    for question in ("省政协办公厅2019年有没有农林水支出", "省政协办公厅2019年的预算里，有没有安排农林水方面的钱？"):
        answer = pdf_engine.ask(question)
        assert answer.verdict == "no" and [f.value for f in answer.figures] == ["0"], answer.answer
        assert "当年支出小计" in answer.answer and "10,271.56" in answer.answer


def test_a_follow_up_after_a_subject_found_by_its_words(pdf_engine):
    """"给困难群众的生活救助钱" names no row (其他城市生活救助 is found by its words): "那前一年呢" asks
    the same subject of 2024, not which figure is meant."""
    answer = pdf_engine.ask("那前一年呢？", ["万里街道2025年给困难群众的生活救助钱安排了多少？"])
    assert [(f.value, f.unit, f.year) for f in answer.figures] == [("300,000", "元", 2024)], answer.answer


def test_a_national_kemu_name_typed_with_a_character_left_out(pdf_engine):
    """"公益岗位补贴" is the standard 项 公益性岗位补贴 (2080705) with 性 left out."""
    answer = pdf_engine.ask("万里街道2025年公益岗位补贴是多少")
    assert [(f.value, f.unit) for f in answer.figures] == [("582,800", "元")], answer.answer


def test_the_money_a_budget_will_spend_said_as_a_noun(pdf_engine):
    """"一共要花的钱" is the budget's 本年支出合计 (a generic word: said beside an item, it is that item's)."""
    answer = pdf_engine.ask("省政协办公厅2019年一共要花的钱比2018年多了多少？")
    assert answer.figures[0].value == "3226.63", answer.answer


def test_the_share_of_purchases_set_aside_for_smaller_firms_is_its_own_figure(pdf_engine):
    """"面向中小企业预留" is a figure of its own that only sentences state: its two years' levels
    set against each other (664.98 − 332.00); never the purchases' total where no sentence states
    it (福利院, 省委办公厅)."""
    change = pdf_engine.ask("万里街道面向中小企业预留的政府采购预算，2024年比2023年多了多少？")
    assert change.figures[0].value == "332.98", change.answer
    for question in ("普陀区社会福利院2024年的政府采购里，面向中小企业预留了多少？", "省委办公厅19年政府采购给中小企业预留了多少？"):
        answer = pdf_engine.ask(question)
        assert answer.status != "answered" and not answer.figures, answer.answer


def test_a_count_two_budgets_state_set_against_each_other(pdf_engine):
    """车辆 stated in each year's budget (7 in 2024's, 8 in 2025's): the later less the earlier."""
    answer = pdf_engine.ask("万里街道的车，25年预算里报的比24年预算里报的多了几辆")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("1", "辆"), answer.answer


@pytest.mark.parametrize("question, count", [("万里街道2023年的预算说，他们有几个车？", "7"), ("省委办公厅2019年有几个车？", "127")])
def test_vehicles_counted_with_the_wrong_measure_word(pdf_engine, question, count):
    """"几个车" (个 for 辆, as a learner says it) asks the vehicles counted."""
    answer = pdf_engine.ask(question)
    assert [(f.value, f.unit) for f in answer.figures] == [(count, "辆")], answer.answer


def test_a_stock_asked_as_of_a_date_is_read_in_the_document_counting_it_then(pdf_engine):
    """"截止24年8月底有几辆车": the 2025 budget counts them 截至2024年8月31日 (8), not the 2024 budget
    (截至2023年8月31日, 7); the 2024 budget named for that date gives no figure."""
    answer = pdf_engine.ask("万里街道截止24年8月底一共有几俩车？")
    assert (answer.figures[0].value, answer.citations[0].year) == ("8", 2025), answer.answer
    named = pdf_engine.ask("万里街道24年预算里，截止24年8月底一共有几辆车？")
    assert not named.figures, named.answer


def test_the_single_items_of_a_procurement_table_asked_for_themselves(pdf_engine):
    """"金额最大的一笔具体采购品目": the items under every numbered line, not 货物A/服务C."""
    answer = pdf_engine.ask("省委办公厅2017年政府采购预算表里，金额最大的一笔具体采购品目是什么？多少钱？")
    assert answer.figures[0].value == "872.10" and "会议服务" in answer.answer, answer.answer


@pytest.mark.parametrize("question, head, said", [
    # a pasted table line names its document; "是基本支出还是项目支出" reads the row under each
    ("“201 03 99 其他政府办公厅（室）及相关机构事务支出 20,120,000.00” 这笔钱是基本支出还是项目支出？项目支出是多少？",
     "20,120,000.00", "由项目支出安排"),
    # a quoted sentence names its document; the change it states is the figure
    ("文中说“单位预留机动经费预算为 1,157.63 万元”，这比上年多了多少？", "1050.79", "江苏省政协办公厅"),
    # the figures the asker quotes are not the earlier level asked
    ("“社会保障和就业支出（类）就业补助（款）公益性岗位补贴（项）”635.10万元……比2022年预算执行数减少4.83%。"
     "这个减少具体是少了多少钱？", "32.22", "667.32"),
    # two bodies ranked, and how much more the larger is
    ("2025年万里街道和区政府办公室，谁的预算大？大多少？", "98750775.65", "189,767,551"),
    # the whole said first is where the two lie, no third figure
    ("省委办公厅2019年基本支出里，人员经费比公用经费多多少？", "7234.81", "公用经费"),
    ("按功能分类的大类（类级科目）来看，万里街道2025年有没有哪一类支出上亿？", "154,369,326", "有。"),
    ("中共普陀区委社会工作部2024年的三公经费是不是零？", "0", "是"),
])
def test_pasted_lines_thresholds_and_gaps(pdf_engine, question, head, said):
    answer = pdf_engine.ask(question)
    assert answer.figures and answer.figures[0].value.lstrip("-") == head and said in answer.answer


def test_a_whole_population_of_bodies_is_not_ranked_from_two(pdf_engine):
    from qa.model import NOT_FOUND
    answer = pdf_engine.ask("江苏省级机关里哪个单位的三公经费最多？")
    assert answer.status == NOT_FOUND and not answer.figures and "江苏省政协办公厅" in answer.answer


def test_a_quoted_project_line_is_read_from_its_row(pdf_engine):
    """A procurement line quoted by a name holding a department's ("省委办公厅承办的会议费"): its row,
    not the table's 合计; a quoted name in a 绩效 form's text cells is no figure."""
    answer = pdf_engine.ask("省委办公厅2018年政府采购表里有个“省委办公厅承办的会议费”，这个项目采购预算是多少？")
    assert answer.figures[0].value == "872.10" and "省委办公厅承办的会议费" in answer.citations[0].row
    answer = pdf_engine.ask("万里街道23年预算里那个'就业援助基地补贴'项目，上年结转资金是多少？")
    assert not answer.figures or answer.figures[0].value != "项目性质"


@pytest.mark.parametrize("question, head", [
    ("有人说万里街道2023年给行政单位离退休的预算，比上一年实际执行的翻了一番，是真的吗？", "2.06"),  # 比上一年: 2022's 执行数
    ("有人说省委办公厅2019年政府采购预算里，买货物的钱连一成都不到，对吗？", "5.91"),
    ("听说万里街道2025年的日常公用开支里物业管理费花得最多，是这样吗？", "4,333,478"),
])
def test_claims_put_up_in_everyday_words(pdf_engine, question, head):
    answer = pdf_engine.ask(question)
    assert answer.figures[0].value == head and answer.answer[:2] in ("是。", "不是")


def test_the_names_of_bodies_counted_are_listed_after_their_count(pdf_engine):
    """"几家单位？都是哪几家": the count's sentence, then the entries the narrative prints line by
    line after it ("1.…（本部）" … "6.…综合行政执法队"); the count alone when names are not asked."""
    answer = pdf_engine.ask("万里街道办事处2025年下面管着几家单位？都是哪几家？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("5", "家")
    for name in ("社区事务受理服务中心", "社区党群服务中心", "城市运行管理中心", "经济发展服务中心", "综合行政执法队"):
        assert name in answer.answer
    assert "执法队" not in pdf_engine.ask("万里街道办事处2025年下面管着几家单位？").answer


@pytest.mark.parametrize("question, head", [
    # the money for official cars asked whether there is any: no count of vehicles
    ("区政府办2025年有没有公务用车购置及运行费", ("0", "万元")),
    # the body's own sub-units said as set up under it
    ("省政协办公厅2019年下面设了多少个处室？", ("21", "个")),
    # a quarter's plan asked of every quarter: the 用款计划 the project's sentence gives
    ("万里街道那个新建的社区公共服务中心，2024年每个季度计划用多少钱？", ("158.05", "万元")),
    # a cut said as 压减: ranked by its rate
    ("万里街道2023年预算跟2022年执行数比，哪个项级科目压减幅度最大？", ("62.37", "%")),
])
def test_everyday_words_for_money_units_quarters_and_cuts(pdf_engine, question, head):
    answer = pdf_engine.ask(question)
    assert (answer.figures[0].value, answer.figures[0].unit) == head


def test_the_document_and_the_date_said_the_everyday_way(pdf_engine):
    """"最新那份预算里说，去年8月底…几辆车": the latest budget (2025) counts its vehicles at 2024年8月31日;
    "比上一年那份预算里安排的" is the 2023 budget's own figure, not the 2023 执行数 the 2024 budget
    states; "最新那份…今年比去年" counts from that budget's year."""
    cars = pdf_engine.ask("万里街道最新那份预算里说，去年8月底街道一共有几辆车？")
    assert (cars.figures[0].value, cars.figures[0].unit) == ("8", "辆") and cars.citations[0].year == 2025
    cut = pdf_engine.ask("万里街道的公益性岗位补贴，2024年预算比上一年那份预算里安排的少了多少？")
    assert cut.figures[0].value.lstrip("-") == "2138700"
    rent = pdf_engine.ask("看省委办公厅最新那份预算，提租补贴今年比去年多了多少？")
    assert (rent.figures[0].value, rent.figures[0].unit) == ("628.34", "万元")


def test_an_amount_said_to_be_one_item_is_looked_up(pdf_engine):
    answer = pdf_engine.ask("普陀区委社会工作部那份决算里有一项是2.43万元，那是啥开支？")
    assert "其他交通费用" in answer.answer
    both = pdf_engine.ask("省委办公厅2019年有一项正好是314.03万元，是哪一项？")
    assert "职业年金" in both.answer


def test_questions_asked_one_after_another_keep_the_fund_said_first(pdf_engine):
    """"财政拨款基本支出里，人员经费和公用经费各多少？人员经费占基本支出的百分之几？": the second
    question's 基本支出 is the 财政拨款 one (6442.75万元), not all funds' (6522.75万元, with 80万元
    其他资金); the share computed heads the answer."""
    answer = pdf_engine.ask("政协办公厅2019年财政拨款基本支出里，人员经费和公用经费各多少？人员经费占基本支出的百分之几？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("82.45", "%")
    assert "5,312.01" in answer.answer and "1,130.74" in answer.answer


def test_a_figure_in_hand_with_more_asked_of_it(pdf_engine):
    """"有个10,191.56万元，它是由哪些部分组成的": the item printing it (政协事务) broken down; "有个
    1,157.63万元，这是什么钱？比前一年多了多少": that item's change."""
    parts = pdf_engine.ask("政协办公厅2019年有个10,191.56万元，它是由哪些部分组成的？")
    assert "政协事务" in parts.answer and parts.figures[0].value == "5,223.22"
    change = pdf_engine.ask("政协办公厅2018年有个1,157.63万元，这是什么钱？比前一年多了多少？")
    assert "单位预留机动经费" in change.answer and change.figures[0].value == "1050.79"


def test_a_follow_up_on_a_figure_in_hand_and_on_a_rate_asks_it_of_the_item(pdf_engine):
    """"这一项上一年是多少" after "有一项是3159.78万元，这是什么支出": that row (2010202 一般行政管理事务,
    by its code: 一般行政管理事务 lies under several 款) in 2018; "职业年金缴费呢" after a growth rate
    asked: that item's rate, not its increase in 万元."""
    before = pdf_engine.ask("这一项上一年是多少？", ["江苏省政协办公厅2019年有一项是3159.78万元，这是什么支出？"])
    assert before.figures[0].value == "1,780.22" and before.citations[0].year == 2018
    rate = pdf_engine.ask("职业年金缴费呢？", ["江苏省政协办公厅2019年机关事业单位基本养老保险缴费支出比上年增长了百分之几？"])
    assert (rate.figures[0].value, rate.figures[0].unit) == ("1.84", "%")


def test_a_figure_asked_what_it_was_bought_for_is_the_row_printing_it(pdf_engine):
    """"有个892.65万元，是买什么的": what it is (会议服务), not the 政府采购 total nor the 服务 breakdown
    ("是买什么的" was cut off as a trailing "…什么的" of examples)."""
    answer = pdf_engine.ask("政协办公厅2019年政府采购表里有个892.65万元，是买什么的？")
    assert answer.figures[0].value == "892.65" and answer.citations[0].row.startswith("会议服务")


def test_a_yes_or_no_among_questions_and_the_largest_item_with_its_page(pdf_engine):
    answer = pdf_engine.ask("政协办公厅2018年的培训费预算是多少？比2017年多了吗？多多少？")
    assert answer.verdict == "yes" and "97.60" in answer.answer and "16.00" in answer.answer
    largest = pdf_engine.ask("万里街道2023年的支出预算总表里，哪个项级科目金额最大？在第几页？")
    assert largest.figures[0].value == "49,927,105" and "第17页" in largest.answer


def test_a_year_told_with_its_amount_is_no_year_asked_and_a_guessed_largest_is_left_out(pdf_engine):
    """"2024年才九百多万元，2025年预算安排了多少": 2025's figure alone; "肯定是出国花得最多吧？最多的
    到底是哪一项": the ranking, whatever the guess."""
    answer = pdf_engine.ask("万里街道的“其他城乡社区支出”2024年才九百多万元，2025年预算安排了多少？")
    assert (answer.figures[0].value, answer.citations[0].year) == ("52,348,937", 2025)
    ranked = pdf_engine.ask("省政协办公厅2017年的三公经费里，肯定是出国花得最多吧？最多的到底是哪一项，多少钱？")
    assert ranked.figures[0].value == "443.50" and "公务接待费" in ranked.answer


def test_whether_a_figure_stayed_the_same_as_another_year_said_between(pdf_engine):
    answer = pdf_engine.ask("万里街道的“其他城市生活救助”，2025年的预算是不是和2024年一样多？")
    assert answer.verdict == "yes" and {c.year for c in answer.citations} >= {2024, 2025}


def test_the_kemu_one_year_has_and_the_year_before_had_not_are_listed_by_code(pdf_engine):
    """"有哪些项是2017年没有、2018年新增的": the 项 under 208 the 2018 tables print and the 2017 ones
    do not (2080505, 2080506), largest first; 2080504, printed both years, is no new item."""
    answer = pdf_engine.ask("政协办公厅2018年社会保障和就业支出下面，有哪些项是2017年没有、2018年新增的？各多少？")
    assert answer.figures[0].value == "407.81" and [i.label for i in answer.items] == [
        "机关事业单位基本养老保险缴费支出", "机关事业单位职业年金缴费支出"]
    assert "2080504" not in answer.answer
    same = pdf_engine.ask("省委办公厅2019年比2018年新增了哪些支出科目")
    assert not same.figures and "新增的科目：没有" in same.answer


def test_a_whole_class_new_on_the_year_before_is_said_once_and_answers_yes(pdf_engine):
    """"2024年的预算里，是不是多了一项2023年没有的教育支出": 205 (not each 项 under it) is new, so yes;
    both years are read although "2024年的预算里" names the document read in. Listed, the 科目 gone
    since (20802) are said too."""
    answer = pdf_engine.ask("万里街道2024年的预算里，是不是多了一项2023年没有的教育支出？")
    assert answer.verdict == "yes" and answer.figures[0].value == "250,000"
    assert answer.citations[0].row_code == "205"
    listed = pdf_engine.ask("万里街道2024年比2023年新增了哪些支出科目？")
    assert [i.label for i in listed.items] == ["教育支出"] and "民政管理事务（20802）" in listed.answer


def test_an_items_sources_are_read_together_or_said_not_split(pdf_engine):
    """"钱是财政拨款还是事业收入出的": both read in the 收入预算总表 row of the item, as sources;
    "政府采购预算…其中财政拨款出多少、事业收入出多少": no table splits 政府采购 by source, so no figure
    (never the body's own 财政拨款 and 事业收入 listed as its parts)."""
    from qa.model import NOT_FOUND
    both = pdf_engine.ask("福利院2024年社会福利事业单位这项，钱是财政拨款还是事业收入出的？各多少？")
    assert {"收入预算/财政拨款收入", "收入预算/事业收入"} <= {c.column for c in both.citations}
    unsplit = pdf_engine.ask("福利院2024年政府采购预算120.6万，其中财政拨款出多少、事业收入出多少？")
    assert unsplit.status == NOT_FOUND and not unsplit.figures


def test_a_bound_on_a_count_not_printed_that_year_is_no_money_figure(pdf_engine):
    """"江苏政协2018年公车至少有十辆吧": the 2018 documents print no vehicle count; never the 公务用车
    money with 有."""
    from qa.model import NOT_FOUND
    answer = pdf_engine.ask("江苏政协2018年公车至少有十辆吧？")
    assert answer.status == NOT_FOUND and not answer.figures


def test_a_listed_choice_is_never_ranked_as_a_tables_total(pdf_engine):
    """"…哪一项最多？A. 公务用车运行维护费 B. 差旅费 C. 其他交通费用": each choice's own row; a cell
    found for a choice that is not that item (the 支出预算总表's 合计) is no part of the ranking."""
    answer = pdf_engine.ask("省政协办公厅2018年财政拨款基本支出的商品和服务支出里，哪一项最多？A. 公务用车运行维护费 B. 差旅费 C. 其他交通费用")
    assert answer.figures[0].value == "200.00" and "支出预算总表" not in answer.answer


def test_the_outturn_asked_after_a_budget_in_everyday_words(pdf_engine):
    """"那实际决算花了多少" after "事业运行的全年预算是多少": 11.31 (决算), not 17.68 again."""
    answer = pdf_engine.ask("那实际决算花了多少？", ["区委社会工作部2024年事业运行的全年预算是多少？"])
    assert answer.figures[0].value == "11.31"


def test_a_follow_up_after_a_bound_asks_the_figure_not_whether_it_exists(pdf_engine):
    """"那前一年呢" after "…满一个亿了吗": the bound is not said again; 2017's figure, never "有"."""
    answer = pdf_engine.ask("那前一年呢？", ["江苏省政协办公厅2018年收支预算总计满一个亿了吗？"])
    assert answer.figures[0].value == "9146.79" and answer.verdict is None and not answer.answer.startswith("有")


@pytest.mark.parametrize("question, figure", [
    # a growth rate asked last, though a multiple was guessed before it
    ("万里街道2025年“其他城乡社区支出”这一项，比2024年不会涨了好几倍吧？到底涨了百分之多少？", ("467.76", "%")),
    # 手上 names nothing a stated fact is about (2 vehicles, 截至2023年12月31日)
    ("福利院手上有几辆车？", ("2", "辆")),
    # a table called by part of its title (一般公共预算机关运行经费支出预算表), its row read there
    ("省委办公厅17年运行经费表里取暖费列了多少？", ("1,080.00", "万元")),
])
def test_figures_asked_in_everyday_ways(pdf_engine, question, figure):
    answer = pdf_engine.ask(question)
    assert (answer.figures[0].value, answer.figures[0].unit) == figure


def test_a_ranking_reads_every_part_at_one_level(pdf_engine):
    """"机关运行经费，哪三项最少" (江苏省委办公厅 2017: 302 is 99%, 310 其他资本性支出 holds one 款,
    办公设备购置 90.00): the 款 of both 类, never the 类 310 beside 302's 款."""
    answer = pdf_engine.ask("省委办公厅2017年的机关运行经费，哪三项最少？各多少？")
    assert "前3项是福利费（20.00万元）、邮电费（70.00万元）、办公设备购置（90.00万元）" in answer.answer, answer.answer
    assert "其他资本性支出" not in answer.answer


def test_the_same_every_year_put_up(pdf_engine):
    """"这三年的公务接待费预算是不是每年都一样": each year held set against the one before (28.00,
    27.00, 27.00): no; never "有" of one year's figure."""
    answer = pdf_engine.ask("省委办公厅这三年的公务接待费预算是不是每年都一样？")
    assert answer.verdict == "no" and [f.value for f in answer.figures] == ["28.00", "27.00", "27.00"], answer.answer


def test_a_year_typed_with_a_letter_for_a_digit(pdf_engine):
    """"20l8年": 2018 (委员视察 429.30), not the latest year held."""
    assert pdf_engine.ask("江苏省政协办公厅20l8年委员视察那一项预算安排了多少钱？").figures[0].value == "429.30"


def test_an_average_over_the_years_held_when_none_is_said(pdf_engine):
    """"三年平均每年项目支出预算": each year held (10,688.66, 12,081.46, 13,025.38) and their mean,
    never the refusal that per-person or per-month figures get."""
    answer = pdf_engine.ask("省委办公厅三年平均每年项目支出预算是多少？")
    assert answer.figures[0].value == "11931.83" and answer.figures[0].derived, answer.answer


def test_one_item_of_two_tables_asked_to_be_the_same_number(pdf_engine):
    """"…是同一个数吗": whether the two tables print one figure (not whether the item has money)."""
    answer = pdf_engine.ask("江苏省委办公厅2017年收支预算总表和财政拨款收支预算总表里的项目支出是同一个数吗")
    assert answer.verdict == "no" and "10,541.46" in answer.answer and "10,688.66" in answer.answer, answer.answer


def test_a_part_set_aside_is_never_read_as_the_whole_itself(pdf_engine):
    """"基本支出不算人员经费还剩多少": 11,700.63 − 9467.72 (never the whole less itself, 0.00, where
    the part's own lookup found the whole)."""
    answer = pdf_engine.ask("省委办公厅2019年基本支出不算人员经费还剩多少")
    assert answer.figures and answer.figures[0].value == "2232.91", answer.answer


def test_the_parts_that_moved_one_way_are_listed(pdf_engine):
    """"哪几类比2017年增加了": the 类 that rose, each with its change, none given as the one answer."""
    answer = pdf_engine.ask("省委办公厅2018年几大类支出里，哪几类比2017年增加了？")
    assert not answer.figures and "增加的有2项" in answer.answer, answer.answer
    assert {i.label for i in answer.items} >= {"一般公共服务支出", "住房保障支出"} and all(not i.value.startswith("-") for i in answer.items)


@pytest.mark.parametrize("question, verdict", [
    ("“省委办公厅2018年预算同比大涨超17%”，是真的吗？", "yes"),  # 24,458.43 / 20,849.45: up 17.31%
    ("“省委办公厅2018年预算同比大涨超18%”，是真的吗？", "no"),
])
def test_a_rise_claimed_past_a_rate(pdf_engine, question, verdict):
    """"大涨超17%": a rise (涨, 大涨) with a bound before its rate, checked against the rate worked out."""
    assert pdf_engine.ask(question).verdict == verdict


def test_an_item_claimed_unchanged_is_set_against_the_year_before(pdf_engine):
    """"难道…一点没变？": yes where the year before's document holds the same figure (万里 接待费 1.35
    both years), no where the narrative states a change (省委办公厅 机关运行经费 +138.33)."""
    same = pdf_engine.ask("难道万里街道25年的公务接待费一点没变？")
    assert same.verdict == "yes" and same.answer.startswith("是，没有变化")
    moved = pdf_engine.ask("省委办公厅2019年的机关运行经费难道跟上年一点没变？")
    assert moved.verdict == "no" and moved.figures[0].value == "138.33" and moved.answer.startswith("不是，有变化")


def test_every_part_claimed_to_move_one_way_is_checked_part_by_part(pdf_engine):
    """"难道每一项都比上年压减了": two 三公 items stayed level (因公出国 70.00), so no; "每一类都比上年增加了"
    of 2019's 项级 spending: yes, each part's change listed."""
    answer = pdf_engine.ask("省委办公厅2018年的三公经费，难道每一项都比上年压减了？")
    assert answer.verdict == "no" and answer.figures[0].value == "70.00"
    assert answer.answer.startswith("不是，因公出国（境）费、公务用车购置及运行维护费没有减少")
    assert pdf_engine.ask("省委办公厅2019年的支出，是不是每一类都比上年增加了？").verdict == "yes"


def test_a_year_none_of_the_bodies_added_holds_is_said_so(pdf_engine):
    answer = pdf_engine.ask("江苏省委办公厅和省政协办公厅2020年的三公经费加起来多少？")
    assert not answer.figures and "2020年" in answer.answer


def test_where_this_figure_is_printed_keeps_the_figure(pdf_engine):
    """"这个数在哪张表里，第几页": the table and page said first, the amount still the figure (a
    table's page alone, "那张表在第几页", is the page)."""
    answer = pdf_engine.ask("这个数在哪张表里，第几页能看到？", ["万里街道2024年预算的三公经费是多少"])
    assert answer.figures[0].value == "47.91" and "第31页" in answer.answer


def test_a_whole_told_with_a_rough_amount_is_still_the_whole_a_part_is_set_aside_from(pdf_engine):
    answer = pdf_engine.ask("省委办公厅2019年财政拨款基本支出一万一千多万，不算人员经费的话还剩多少？")
    assert answer.figures[0].value == "2232.91" and "基本支出11,700.63万元" in answer.answer


def test_a_total_said_beside_the_way_it_is_broken_down_is_not_a_part(pdf_engine):
    answer = pdf_engine.ask("江苏政协2017年那9146.79万元的支出预算，按用途分是哪几块？")
    assert answer.figures[0].value == "5,916.27" and "本年支出合计9,146.79万元（" not in answer.answer


def test_a_ranking_asked_first_then_its_tops_share(pdf_engine):
    answer = pdf_engine.ask("福利院24年基本支出里的人员经费，最大的几块是什么？最大那块占人员经费几成？")
    assert [f.value for f in answer.figures[:2]] == ["3,580,522", "48.52"]
    assert answer.answer.index("绩效工资") < answer.answer.index("占人员经费的48.52%")


def test_the_rest_after_a_share_is_the_whole_less_that_part(pdf_engine):
    """"…一般公共服务支出占了多大比例" then "剩下的主要是哪几类": the spending less that 类, broken down."""
    answer = pdf_engine.ask("剩下的主要是哪几类？", ["区府办25年的支出里，一般公共服务支出占了多大比例？"])
    assert answer.figures[0].value == "4,213,779.28" and "除一般公共服务支出外" in answer.answer


def test_the_report_named_as_where_to_look_names_no_subject(pdf_engine):
    assert pdf_engine.ask("万里街道25年的报告里，一共有几辆车？").figures[0].value == "8"
    answer = pdf_engine.ask("按万里街道25年的预算报告，街道一共有几辆车？这个是在报告哪一部分写的？")
    assert answer.figures[0].value == "8" and "五、国有资产占有使用情况" in answer.answer


def test_a_count_asked_by_a_doing_after_a_doubt_is_of_the_thing_doubted(pdf_engine):
    """"不会连一个内设机构都没有吧？设了几个？": 设了 names no thing, the doubt's 内设机构 is counted."""
    assert pdf_engine.ask("福利院不会连一个内设机构都没有吧？设了几个？").figures[0].value == "5"


def test_a_rate_of_change_claimed_heads_with_the_rate_worked(pdf_engine):
    """"同比大涨超17%，是真的吗": the two years' totals set against each other; the rate (17.31%)
    decides and heads, the amount (3608.98) beside it."""
    answer = pdf_engine.ask("“省委办公厅2018年预算同比大涨超17%”，是真的吗？")
    assert answer.verdict == "yes" and [f.value for f in answer.figures[:2]] == ["17.31", "3608.98"]
    assert answer.answer.count("增长17.31%") == 1


def test_which_one_item_is_above_an_amount_within_a_named_whole(pdf_engine):
    answer = pdf_engine.ask("省委办公厅2018年对个人和家庭的补助里，哪一项超过500万？是多少？")
    assert answer.figures[0].value == "708.05" and "退休费" in answer.answer


def test_spending_asked_by_its_xiang_is_broken_down_at_that_level(pdf_engine):
    answer = pdf_engine.ask("普陀区府办25年的支出结构怎么样，钱主要花在哪几个项上？")
    assert answer.figures[0].value == "46,140,000.00" and "项级科目" in answer.answer


def test_new_economic_classes_when_the_basic_spending_table_is_named(pdf_engine):
    """"基本支出表里，有没有18年没有、19年新列出来的科目": the economic classes of the two years'
    basic-spending tables set against each other (30299, 50.00), not the functional 科目."""
    answer = pdf_engine.ask("省委办公厅19年基本支出表里，有没有18年没有、19年新列出来的科目？")
    assert answer.verdict == "yes" and answer.figures[0].value == "50.00" and answer.answer.startswith("有。")


def test_parts_meeting_a_change_and_an_amount_at_once(pdf_engine):
    """"既比18年少、又超过300万": only 公务接待费 (412.50 → 397.50) is both; none both rose and is
    above it; "多了多少" asked heads with the change (34984023 of 城乡社区支出)."""
    fell = pdf_engine.ask("江苏政协19年三公经费里，有没有哪项既比18年少、又超过300万？")
    assert fell.verdict == "yes" and fell.figures[0].value == "397.50"
    assert pdf_engine.ask("江苏政协19年三公经费里，有没有哪项既比18年多、又超过300万？").verdict == "no"
    grew = pdf_engine.ask("万里街道25年支出功能类里，哪一类既比24年多、又超过1000万？多了多少？")
    assert grew.figures[0].value == "34984023" and "城乡社区支出" in grew.answer


def test_items_gone_since_the_year_before_lead_where_asked(pdf_engine):
    answer = pdf_engine.ask("江苏政协19年基本支出表里，18年还有、19年没了的是哪几项？")
    assert answer.figures[0].value == "70.00"
    assert answer.answer.startswith("江苏省政协办公厅2018年有、2019年没有的科目有3项：会议费（30215）")


def test_new_items_asked_in_other_words_and_an_item_described_as_new(pdf_engine):
    listed = pdf_engine.ask("省委办公厅18年预算里，哪些功能科目是当年新增的？")
    assert "机关事业单位职业年金缴费支出（2080506）" in listed.answer
    # ("新冒出来的那个…科目，安排了多少": the item's figure, its being new only told)
    assert pdf_engine.ask("省委办公厅18年新冒出来的那个职业年金缴费科目，安排了多少？").figures[0].value == "297.36"


def test_the_first_year_an_item_shows_up_among_the_years_held(pdf_engine):
    """万里街道: 2023, 2024, 2025 held; 教育支出 is first printed in 2024 (250,000元)."""
    answer = pdf_engine.ask("万里街道的教育支出是从哪年开始有的？第一年安排了多少？")
    assert answer.figures[0].value == "250,000" and "从2024年起才有" in answer.answer


def test_an_amount_asked_then_whether_it_is_more_than_another_years(pdf_engine):
    """"单位一共有几辆车？比24年那份多了吗？": 8辆 heads, then yes (7 in 2024)."""
    answer = pdf_engine.ask("万里街道25年那份预算里说单位一共有几辆车？比24年那份多了吗？")
    assert answer.figures[0].value == "8" and answer.verdict == "yes" and "\n是。" in answer.answer


def test_a_rate_said_of_the_change_is_a_condition_too(pdf_engine):
    """"既比去年涨了五成以上、又超过1000万": 行政运行 (5,223.22, +17.83%) is above the amount but not the
    rate; the three that are both are listed, the largest heading."""
    answer = pdf_engine.ask("江苏政协19年按功能科目的项看，哪些既比去年涨了五成以上、又超过1000万？最大的是哪个？")
    assert answer.figures[0].value == "3,159.78" and "行政运行" not in answer.answer and "有3项" in answer.answer


def test_a_follow_up_naming_another_body_and_year_keeps_the_first_ones_year(pdf_engine):
    """"省委办公厅17年项目支出预算多少" then "那政协19年的呢？两家差多少": 省委办公厅 2017 (10,688.66)
    against 政协 2019 (4,968.34), not both in 2019."""
    answer = pdf_engine.ask("那政协19年的呢？两家差多少？", ["省委办公厅17年项目支出预算多少？"])
    assert answer.figures[0].value == "5720.32"
    swapped = pdf_engine.ask("换成省委办公厅、18年的呢？比刚才那个少多少？", ["江苏政协2017年会议费预算多少？"])
    assert swapped.figures[0].value == "161.12" and "中共江苏省委办公厅2018年度会议费为933.50万元" in swapped.answer


def test_a_share_of_a_part_the_narrative_states_is_of_the_whole_it_states_it_under(pdf_engine):
    """"人员经费占了基本支出的九成？": 人员经费 5,312.01 is stated under 财政拨款基本支出 6,442.75 (82.45%),
    not set over the all-funds 基本支出 6,522.75 of the tables (81.44%, a share of two scopes)."""
    answer = pdf_engine.ask("江苏政协2019年人员经费占了基本支出的九成？")
    assert answer.verdict == "no" and answer.figures[0].value == "82.45" and "财政拨款基本支出为6442.75万元" in answer.answer


def test_a_part_set_aside_read_in_its_whole(pdf_engine):
    """"三公经费里除了公务用车": 公务用车 there is the 三公 item (公务用车购置及运行费), not the vehicles
    it names alone: the whole less that item."""
    a = pdf_engine.ask("万里街道25年三公经费里除了公务用车，其他两项加起来多少？")
    assert (a.figures[0].value, a.figures[0].unit) == ("1.35", "万元") and a.figures[0].derived, a.answer


def test_which_measure_asked_after_the_figure_is_said_by_it(pdf_engine):
    """"…会议费是多少？文件里这个数是预算还是实际花的？": the figure, which says it is the 预算数."""
    a = pdf_engine.ask("省委办公厅2017年的会议费是多少？文件里这个数是预算还是实际花的？")
    assert a.figures[0].value == "933.50" and "预算数" in a.answer, a.answer


def test_two_years_documents_named_together_set_their_counts_against_each_other(pdf_engine):
    """"24年预算和25年预算里披露的车辆数，差了几辆": both years' documents (25年预算里 is no single
    document read in), the gap in vehicles (7 and 8)."""
    a = pdf_engine.ask("万里街道24年预算和25年预算里披露的车辆数，差了几辆？")
    assert (a.figures[0].value.lstrip("-"), a.figures[0].unit) == ("1", "辆") and {c.year for c in a.citations} == {2024, 2025}, a.answer


def test_the_share_of_what_is_not_a_part_of_a_whole_said(pdf_engine):
    """"财政拨款以外的钱占总收入多大比例": the rest of the income (80.00万元) over it, not refused."""
    a = pdf_engine.ask("江苏政协2017年财政拨款以外的钱占总收入多大比例？")
    assert (a.figures[0].value, a.figures[0].unit) == ("0.87", "%"), a.answer


def test_an_empty_tables_figure_asked_is_nothing(pdf_engine):
    """"那张政府性基金支出预算表怎么是空的？到底是多少？": its note, and 0 in its unit."""
    a = pdf_engine.ask("江苏政协19年那张政府性基金支出预算表怎么是空的？到底是多少？")
    assert (a.figures[0].value, a.figures[0].unit) == ("0", "万元") and "本部门无该项目" in a.answer, a.answer
    assert not pdf_engine.ask("江苏政协19年那张政府性基金支出预算表怎么是空的？").figures  # (why, no amount asked)


def test_the_latest_document_asked_then_its_figure(pdf_engine):
    """"能查到的最新一份是哪年的？那年收支总计多少": the latest year held, then that year's figure."""
    a = pdf_engine.ask("江苏省委办公厅能查到的最新一份是哪年的？那年收支总计多少？")
    assert a.figures[0].value == "27,664.22" and "最新的是2019年" in a.answer, a.answer


def test_the_money_the_projects_counted_before_involve(pdf_engine):
    """"0个项目实行绩效目标管理，涉及财政性资金合计0万元": the money is of those projects, so
    "绩效目标覆盖了多少资金" is answered with it."""
    a = pdf_engine.ask("江苏政协18年绩效目标覆盖了多少资金？")
    assert [(f.value, f.unit) for f in a.figures][:1] == [("0", "万元")], a.answer


def test_an_average_asked_is_never_a_sentences_total(pdf_engine):
    """"平均一个项目多少钱": the total over the projects counted (5634.81万元 ÷ 50), never the total."""
    a = pdf_engine.ask("万里街道24年编报绩效目标的项目，平均一个项目多少钱")
    assert a.figures[0].derived and round(float(a.figures[0].value), 2) == 112.70, a.answer


@pytest.mark.parametrize("question, rate", [
    ("万里街道从23年到25年，部门收入预算年均增长多少？", "7.25"),  # (189,767,551 ÷ 164,978,640)^(1/2) − 1
    ("江苏省委办公厅的住房公积金（2210201）从2017年到2019年年均增长多少？", "24.69"),  # (965.87 ÷ 621.28)^(1/2) − 1
])
def test_an_average_yearly_growth_is_a_rate_over_the_years_held(pdf_engine, question, rate):
    a = pdf_engine.ask(question)
    assert (a.figures[0].value, a.figures[0].unit) == (rate, "%") and a.figures[0].derived, a.answer
    assert len({c.year for c in a.citations}) == 3


def test_an_average_yearly_growth_without_the_years_is_refused(pdf_engine):
    """Only 2025 of 区府办 is held: no rate, and never the mean of the levels."""
    a = pdf_engine.ask("区府办从2023年到2025年预算年均增长多少？")
    assert a.status != "answered" and not a.figures, a.answer


@pytest.mark.parametrize("question, history, value, said", [
    # one question: the item the follow-up points at, its completion rate (not its amount)
    ("那住房公积金那一项呢，完成率是多少？", ["社工部24年决算里，哪一项支出完成全年预算的比例最低？"], "97.68", "97.68%"),
    # the 科目 under the one named (政协会议 −213.74), not one outside 政协事务 that fell more
    ("江苏政协2018年政协事务下面各项，和上年预算比哪一项砍得最多？", [], "213.74", "政协会议"),
    # the two budget stages the 决算 states (0 and 321.02), not a stage and the outturn
    ("普陀社工部2024年一般公共预算财政拨款支出，年初预算和全年预算差了多少？也就是预算调整了多少？", [], "321.02", "全年预算"),
])
def test_what_is_asked_of_the_item_named(pdf_engine, question, history, value, said):
    a = pdf_engine.ask(question, history)
    assert a.figures[0].value.lstrip("-") == value and said in a.answer, a.answer


def test_the_latest_document_said_after_the_question(pdf_engine):
    """"万里街道一共有几辆车？按最新那份预算说。": the 2025 budget's count, the years held said."""
    a = pdf_engine.ask("万里街道一共有几辆车？按最新那份预算说。")
    assert (a.figures[0].value, a.figures[0].unit) == ("8", "辆") and "最新的是2025年" in a.answer, a.answer


def test_two_bodies_of_one_place_a_year_between_are_both_asked(pdf_engine):
    """"省委办公厅19年政协19年…": 政协 is a department of 江苏 like the first, not a unit of it."""
    mention = pdf_engine.lib.resolver.resolve("省委办公厅19年政协19年三公经费哪个多", 2025)
    assert mention.departments == ["江苏省委办公厅", "江苏省政协办公厅"]


def test_projects_ranked_are_never_answered_with_kemu(pdf_engine):
    """"填了绩效目标表的那几个项目里，哪个资金最多": projects, which no table of 科目 ranks — no 科目's figure
    (49,927,105元 of 其他城乡社区管理事务支出) given for them."""
    a = pdf_engine.ask("万里街道2023年填了绩效目标表的那几个项目里，哪个资金最多？")
    assert all(f.value != "49,927,105" for f in a.figures), a.answer


def test_a_project_named_is_answered_from_its_form_with_the_item_asked(pdf_engine):
    """万里街道 2023 prints a 绩效目标填报表 per project: the project's row, and the item named by the
    words people use ("上年结转过来的钱" for 上年结转资金)."""
    total = pdf_engine.ask("万里街道2023年那个“就业援助基地补贴”项目，项目资金总额是多少？")
    assert [(f.value, f.unit) for f in total.figures][:1] == [("6,351,000.00", "元")]
    assert total.citations[0].page == 32 and total.citations[0].column == "项目资金总额"
    carried = pdf_engine.ask("万里街道23年就业援助基地补贴这个项目，上年结转过来的钱有多少？")
    assert [f.value for f in carried.figures][:1] == ["0.00"], carried.answer


def test_a_project_whose_form_prints_two_amounts_is_asked_which(pdf_engine):
    """"公共服务设施运行经费" prints 项目资金总额 10,903,043.00 and 当年财政拨款 11,419,043.00: "给了多少钱"
    names neither, so both are listed to choose from, none headlined."""
    answer = pdf_engine.ask("万里街道2023年“公共服务设施运行经费”这个项目给了多少钱？")
    assert not answer.figures
    assert {i.value for i in answer.items} == {"10,903,043.00", "11,419,043.00"}


def test_projects_are_ranked_by_their_forms(pdf_engine):
    answer = pdf_engine.ask("万里街道2023年填了绩效目标表的那几个项目里，哪个资金最多？")
    assert [(f.value, f.unit) for f in answer.figures][:1] == [("10,903,043.00", "元")]
    assert "公共服务设施运行经费" in answer.answer and len(answer.items) == 5


def test_items_are_counted_past_those_the_text_lists(pdf_engine):
    """The 2018 机关运行经费表 of 省委办公厅 prints 14 款 under 302: the count is 14, though the answer's
    text lists the first 12 (it counted the shown ones: 12)."""
    answer = pdf_engine.ask("那这张表里一共列了几个具体的支出科目？", ["江苏省委办公厅2018年一般公共预算机关运行经费是多少？"])
    assert [(f.value, f.unit) for f in answer.figures] == [("14", "个")], answer.answer
    assert len(answer.items) == 14


def test_the_item_said_right_before_an_aside_is_the_whole_it_is_taken_from(pdf_engine):
    """"财政拨款支出表里，政协事务除了行政运行，其他几项加起来多少": 政协事务 less 行政运行, not 财政拨款
    less 政协事务 (2323.02)."""
    answer = pdf_engine.ask("江苏政协18年财政拨款支出表里，政协事务除了行政运行，其他几项加起来多少？")
    assert [(f.value, f.unit) for f in answer.figures][:1] == [("3314.68", "万元")], answer.answer


def test_a_projects_form_field_that_is_no_money_is_not_answered_with_its_money(pdf_engine):
    answer = pdf_engine.ask("万里街道23年就业援助基地补贴项目的补贴对象满意度年度指标值是多少？")
    assert not any(f.value == "6,351,000.00" for f in answer.figures), answer.answer


def test_a_quoted_project_the_document_names_only_in_a_heading_gets_no_other_figure(pdf_engine):
    """区府办 2025 has a section on "区政府督查及建议提案工作业务经费" but no form or amount for it: the
    total of all projects with targets (6626万元) is no answer."""
    answer = pdf_engine.ask("普陀区政府办2025年预算里“区政府督查及建议提案工作业务经费”这个项目，绩效目标表上的项目资金总额是多少？")
    assert not answer.figures and answer.status == "not_found", answer.answer


@pytest.mark.parametrize("question, value", [
    ("万里街道2023年那个新建社区公共服务中心的项目，用了多少上年结转的钱？", "0.00"),  # its own name left out
    # (the 中 of 中心 is no "within": the whole project's money, not "心这个项目" looked for)
    ("想问下万里街道2023年预算里“新建万里街道社区公共服务中心”这个项目安排了多少钱？", "4,100,000.00"),
])
def test_a_project_named_with_or_without_the_bodys_own_name_is_that_project(pdf_engine, question, value):
    answer = pdf_engine.ask(question)
    assert answer.figures[0].value == value and answer.citations[0].row == "新建万里街道社区公共服务中心", answer.answer


@pytest.mark.parametrize("history, question, gap", [
    # "2019年和上年比": that year and the one before (6.70% → 4.96%; "变化了" is signed, later less earlier)
    ([], "江苏政协三公经费占一般公共预算支出的比例，2019年和上年比变化了几个百分点？", "-1.74"),
    # the follow-up's share is of the whole the turn before named (支出总计: 12.55% → 8.48%)
    (["万里街道25年城乡社区支出占支出总计的比重，比24年高了几个百分点？"],
     "那社会保障和就业支出的比重呢，25年比24年变了几个百分点？", "-4.07"),
    ([], "万里街道社保和就业支出占总支出的比重，24年比23年降了几个百分点？", "3.86"),  # a fall asked: counted up
])
def test_a_share_set_against_the_year_before_in_percentage_points(pdf_engine, history, question, gap):
    answer = pdf_engine.ask(question, history)
    assert (answer.figures[0].value, answer.figures[0].unit) == (gap, "个百分点"), answer.answer


def test_a_blank_numbered_part_under_a_whole_printed_whole_by_its_other_parts_is_zero(pdf_engine):
    """万里 2025 收支总表: "一、财政拨款收入" 189,767,551 = "1.一般公共预算资金" 189,767,551, so the
    blank "2.政府性基金" is 0 (worked and cited): "有没有政府性基金预算的拨款" — no."""
    answer = pdf_engine.ask("万里街道25年有没有政府性基金预算的拨款？")
    assert answer.verdict == "no" and (answer.figures[0].value, answer.figures[0].unit) == ("0", "元"), answer.answer
    assert "等于已列各项之和" in answer.answer


def test_a_change_asked_where_only_the_years_own_figure_is_stated_is_not_found(pdf_engine):
    # 区政府办公室 has its 2025 budget only, whose sentence gives 213.28万元 and no change: no headline
    a = pdf_engine.ask("区政府办公室2025年机关运行经费比去年变了多少？文件里说是什么原因？")
    assert a.status != "answered" and not a.figures


def test_which_bodies_and_how_much_heads_the_money(pdf_engine):
    a = pdf_engine.ask("万里街道23年的机关运行经费预算是算哪几家单位的？一共多少钱？")
    assert a.figures[0].value == "786.09" and a.figures[0].unit == "万元"


def test_a_share_is_of_what_its_own_clause_names(pdf_engine):
    # the income sources told first are background: 事业收入 over the total, not over 财政拨款收入
    a = pdf_engine.ask("说明里讲福利院24年收入有财政拨款也有事业收入，事业收入占总收入几成？")
    assert a.figures[0].value == "21.62" and a.figures[0].unit == "%"


def test_the_largest_procurement_project_counts_lines_carrying_their_numbered_line_first(pdf_engine):
    # "一、货物A/机要及电子政务业务费/办公设备购置" is a project line too: the projects add up to each numbered line
    a = pdf_engine.ask("省委办公厅2017年政府采购预算里，哪一笔专项最大？")
    assert a.figures[0].value == "872.10" and "省委办公厅承办的会议费" in a.answer


def test_a_places_bodies_asked_of_a_year_are_those_with_that_years_document(pdf_engine):
    # 普陀区: 万里街道 and 区府办 have 2025 budgets, 福利院 (2024) and 社工部 (2024 决算) do not: they are
    # left out and said so, never added with another year's figure
    total = pdf_engine.ask("普陀区这几家单位2025年的三公经费预算加起来一共多少？")
    assert total.figures[0].value == "905.41" and any("未计入" in n and "社会福利院" in n for n in total.notes)
    most = pdf_engine.ask("普陀区的几家单位里，2025年谁的机关运行经费最多？")
    assert most.figures[0].value == "464.64" and "万里街道" in most.answer


def test_whether_any_of_a_places_bodies_has_an_item_heads_the_one_that_does(pdf_engine):
    a = pdf_engine.ask("普陀区这几家单位里，有没有哪家安排了因公出国（境）经费？")
    assert a.verdict == "yes" and a.figures[0].value == "839.00" and "人民政府办公室" in a.answer.split("。")[0]


def test_which_body_has_more_vehicles_asked_with_which_one(pdf_engine):
    # "哪家" asks which body, it names nothing: the vehicles each holds are compared
    a = pdf_engine.ask("江苏省委办和省政协办19年哪家公车多")
    assert a.figures[0].value == "127" and a.figures[0].unit == "辆" and "江苏省委办公厅" in a.answer


def test_each_item_of_a_disclosure_request_is_answered(pdf_engine):
    # "本人依申请公开…的以下信息：一是…；四是…": the request's own words name nothing asked
    a = pdf_engine.ask("江苏省政协办公厅：本人依申请公开贵厅2019年度部门预算的以下信息：一是一般公共预算机关运行经费预算数；"
                       "二是政府采购支出预算总额；三是单价20万元（含）以上的设备数量；四是实行绩效目标管理的项目个数。恳请逐项答复，谢谢。")
    assert [f.value for f in a.figures[:3]] == ["1,130.74", "1,624.42", "4"] and "0个项目实行绩效目标管理" in a.answer


def test_which_of_a_places_bodies_ranks_them_and_a_share_ranked_is_each_ones_share(pdf_engine):
    most = pdf_engine.ask("普陀这几家单位里，哪家的人员经费最多？")
    assert most.figures[0].value == "90,514,044" and "万里街道" in most.answer
    share = pdf_engine.ask("24年这三家——万里街道、福利院、社工部，哪家项目支出占总支出的比例最高？")
    assert share.figures and share.figures[0].unit == "%"  # never the spending totals themselves


def test_the_earliest_document_on_file_is_read_when_no_year_is_said(pdf_engine):
    """"最早那份预算" of a body held for 2017–2019: the 2017 document, and the answer says so."""
    a = pdf_engine.ask("江苏政协手上最早那份预算，收入总计是多少？")
    assert (a.figures[0].value, a.figures[0].unit, a.figures[0].year) == ("9,146.79", "万元", 2017)
    assert "最早的是2017年" in a.answer
    assert pdf_engine.ask("江苏政协最新那份预算，收入总计是多少？").figures[0].year == 2019


def test_a_count_said_with_the_latest_document_reads_that_documents_sentence(pdf_engine):
    """"最新那份预算里说…几辆车": the words that pick the document name no part of what is counted."""
    a = pdf_engine.ask("万里街道最新那份预算里说单位一共有几辆车")
    assert (a.figures[0].value, a.figures[0].unit, a.figures[0].year) == ("8", "辆", 2025)


def test_basic_spending_of_all_funds_and_of_appropriations_are_both_listed(pdf_engine):
    """"基本支出多少" of a 预算 with 80万元 of 其他资金: the 支出预算总表's 6,522.75 and the 财政拨款收支预算
    总表's 6,442.75万元 are both listed; the whole ("一共") is the former."""
    answer = pdf_engine.ask("江苏政协2019年基本支出多少")
    assert not answer.figures and [i.value for i in answer.items] == ["6,522.75", "6,442.75"]
    assert pdf_engine.ask("江苏政协2019年基本支出一共多少").figures[0].value == "6,522.75"


def test_items_of_one_whole_with_the_same_amount_are_listed_together(pdf_engine):
    """"哪几项金额相同": the parts printing one amount, grouped (邮电费、培训费、劳务费 30,000元 each
    in 商品和服务支出); an item set against the others keeps only its own group, or the honest no."""
    answer = pdf_engine.ask("普陀区府办25年商品和服务支出里，哪几项金额相同")
    assert answer.verdict == "yes" and answer.figures[0].value == "30,000.00"
    assert all(name in answer.answer for name in ("邮电费", "培训费", "劳务费"))
    water = pdf_engine.ask("普陀区社会福利院24年商品和服务支出里，有没有哪项跟水费一样多？")
    assert water.verdict == "yes" and "其他商品和服务支出" in water.answer
    alone = pdf_engine.ask("普陀区社会福利院24年商品和服务支出里，有没有哪项跟办公费一样多？")
    assert alone.verdict == "no" and not alone.figures


def test_a_clause_asking_whether_it_is_still_so_is_about_its_own_year(pdf_engine):
    """"基本支出表18年有会议费这一项，19年还有吗": 2019's 基本支出 tables (the short name "基本支出表"
    reads as them) list no 会议费, so no; the 2018 one does."""
    assert pdf_engine.ask("江苏政协的基本支出表18年有会议费这一项，19年还有吗？").verdict == "no"
    assert pdf_engine.ask("江苏政协的基本支出表18年有会议费这一项吗？").verdict == "yes"


def test_two_items_named_inside_a_whole_are_set_against_each_other_not_the_whole(pdf_engine):
    """"基本支出里水费和公务接待费差多少": 水费 15.00 and the 基本支出 table's 公务接待费 15.00万元 (not
    the 三公 table's 412.50, nor 基本支出's own 5,678.17 as an operand)."""
    answer = pdf_engine.ask("江苏政协18年基本支出里水费和公务接待费差多少")
    assert [f.value for f in answer.figures] == ["0.00", "15.00", "15.00"]


def test_two_items_inside_a_whole_asked_whether_the_same(pdf_engine):
    """"基本支出里水费和公务接待费一样多吗": both 15.00万元 in the 基本支出 table, so yes and the amount (the
    whole they lie in is no third figure, and 公务接待费 is the 基本支出 table's, not the 三公 table's 412.50)."""
    answer = pdf_engine.ask("江苏政协18年基本支出里水费和公务接待费一样多吗")
    assert answer.verdict == "yes" and answer.figures[0].value == "15.00"
