"""From a question (and the turns before it) to one QueryPlan: the operation its cue words ask
for, what it names, and what a follow-up keeps from the turn before."""
from __future__ import annotations

import pytest

from qa.context import Library, Shelf
from qa.understand import understand, understand_conversation


@pytest.fixture(scope="module")
def lib(plain_store):
    return Library(Shelf(plain_store, None), llm=False)


@pytest.mark.parametrize("question, operation", [
    ("阳泉民政局24年三公经费多少", "value"),
    ("福利院24年养老保险缴费加职业年金一共多少钱", "sum"),  # a plain 加 between two items
    ("阳泉民政局24年三公经费增加了多少", "change"),  # 增加 is no 加
    ("普陀区社会福利院24年社会福利事业单位全部资金加起来预算多少", "value"),  # one row's funds, not two items
    ("阳泉民政局24年有几辆车", "count"),
    ("阳泉民政局24年支出最多的是哪一项", "rank"),
    ("阳泉民政局24年基本支出里，按明细科目算，花钱第二多的是哪项", "rank"),  # a place other than the top, with 钱
    ("阳泉民政局24年支出按大类排，第二名是哪一类，多少钱", "rank"),
    ("阳泉民政局24年钱主要花在哪些方面", "breakdown"),
    ("普陀社工部24年支出大头在哪", "breakdown"),
    ("社工部24年那307.82万支出主要分在哪几类", "breakdown"),  # (not why: 分在哪几类 lists the parts)
    ("阳泉民政局下面有哪几个单位", "describe"),  # which bodies (哪几个 lists them), not how many
    ("阳泉民政局下属单位有哪些", "describe"),
    ("阳泉民政局24年决算里有哪些二级预算单位", "describe"),  # (two words before 单位)
    ("阳泉民政局下面有几个单位", "count"),
    ("阳泉民政局24年住房公积金是干什么用的，花了多少", "value"),  # one row's figure (what it is for with it)
    ("基本支出是干嘛的？阳泉民政局24年基本支出里人员经费和公用经费各多少", "breakdown"),  # (its parts asked)
    ("阳泉民政局24年有没有公车", "yesno"),
    ("阳泉民政局24年决算里包括哪些单位，一共几个？", "count"),  # (the list asked, then counted)
    ("阳泉民政局24年下属单位有几个？都列出来", "count"),
    ("临汾民政局19年彩票公益金花出去没有", "yesno"),
    ("阳泉民政局是干啥的", "describe"),
    ("区府办平时主要负责什么工作", "describe"),
    ("阳泉民政局24年人员经费加公用经费是多少", "sum"),
    ("阳泉民政局比临汾民政局多几辆车", "diff"),
    # why the asker asks, after the question, asks nothing ("有没有" in it is no yes-or-no)
    ("阳泉民政局24年支出里具体哪一项钱最多？想看看有没有能对接的", "rank"),
    ("阳泉民政局24年一共有多少个项目做了绩效自评？我们想看看有没有服务类项目", "count"),
    ("阳泉和临汾民政局的三公经费分别是多少", "value"),  # each department's figure, not a breakdown
    ("阳泉民政局24年三公经费、会议费、培训费各多少", "breakdown"),  # several items of one department
    ("省政协19年政协事务支出最多的两项是什么", "rank"),  # the items ranked, not a description
    ("阳泉民政局24年养老服务为什么最多", "describe"),  # a reason
    ("阳泉民政局24年用没用福彩公益金", "yesno"),
    ("阳泉民政局24年财政拨款年底还有结余没", "yesno"),
    ("阳泉民政局24年的政府采购比临汾民政局19年多吗", "yesno"),
    ("普陀区政府办公室还挂了哪几块牌子", "describe"),  # 哪几 asks which, not how many
    ("临汾民政局有几个科室", "count"),
    ("机关运行经费方面，阳泉民政局24年比临汾民政局19年多出多少", "diff"),
    ("阳泉民政局24年三公经费实际花的比预算少吗？", "yesno"),  # one figure's two measures, asked yes or no
    ("阳泉民政局24年三公经费预算数和决算数分别是多少？差了多少", "diff"),
    ("请问贵局2024年度本年收入合计主要由哪些来源构成，其中占比最高的收入来源为何，金额若干？", "rank"),
    ("恳请贵厅介绍一下，阳泉民政局2024年度政府采购是如何构成的，主要用在哪些方面？", "breakdown"),
    ("致临汾市民政局：恳请贵局介绍2019年度财政拨款支出的主要用途，即支出主要集中于哪些功能分类科目？", "breakdown"),
    ("临汾民政局19年208类一共支出了多少", "value"),  # 一共 of one 类, no sum with the whole
    ("政协办公厅19年三公经费平均每个月超没超过50万", "yesno"),
    ("阳泉民政局这个部门决算里一共包括几个二级预算单位？", "count"),  # 一共 of one thing counted, no sum
    ("阳泉民政局24年和临汾民政局19年一共有多少辆车", "sum"),  # two bodies' counts added
    ("临汾民政局这份决算的支出都落在哪几个大类里？", "breakdown"),
    ("阳泉民政局24年的收入有百分之多少是财政拨款？", "share"),  # the part said after the share asked
    ("阳泉民政局24年如果把会议费和培训费都省下来，能省多少？", "sum"),  # both given up: what they come to
    ("阳泉民政局24年会议费比培训费省了多少", "diff"),
    ("省委办公厅2019年因公出国费和公务接待费分别安排了多少？", "breakdown"),  # each figure named
])
def test_the_operation_asked(lib, question, operation):
    assert understand(question, lib).operation == operation


def test_how_many_of_the_top_are_asked(lib):
    assert understand("省政协19年政协事务支出最多的两项是什么", lib).top_n == 2
    assert understand("阳泉民政局24年支出前三名", lib).top_n == 3


def test_budget_and_actual_are_two_measures_of_one_figure_not_two_figures(lib):
    q = understand("社工部24年全年预算和实际支出差了多少", lib)
    assert [c.name for c in q.concepts] == ["本年支出合计"]


def test_a_whole_question_after_things_told_is_read_alone(lib):
    """A last sentence naming its department, year and subject after a statement or a colon is the
    question; after another question, or pointing back ("这一项"), the words before it count."""
    assert understand("我是退休教师，听说民政局发工资花了好多钱。阳泉民政局24年三公经费多少", lib).text == "阳泉民政局24年三公经费多少"
    assert understand("“三公”经费具体指哪几样？阳泉民政局24年三公经费多少", lib).text.startswith("“三公”")
    assert understand("给学生讲“机关运行经费”：阳泉民政局2024年这一项的决算是多少？", lib).text.startswith("给学生讲")


def test_a_follow_up_keeps_what_it_does_not_restate(lib):
    q = understand_conversation("那临汾的呢", ["阳泉民政局24年钱主要花在哪些方面"], lib)
    assert q.operation == "breakdown" and q.departments == ["临汾市民政局"]
    q = understand_conversation("其中特种专业技术用车几辆", ["阳泉民政局有几辆车"], lib)
    assert q.departments == ["阳泉市民政局"] and "特种专业技术用车" in q.rows
    # a budget asked of it in short clauses ("全年预算是多少？完成了百分之几") is its budget, not 收入总计
    q = understand_conversation("全年预算是多少？完成了百分之几", ["阳泉民政局24年三公经费花了多少"], lib)
    assert [c.name for c in q.concepts] == ["“三公”经费"]


def test_the_fund_part_of_a_kemu_reads_its_column_not_the_funds_total(lib):
    q = understand_conversation("其中财政拨款的是多少", ["民政局24年养老服务花了多少钱"], lib)
    assert q.rows == ["养老服务"] and not q.concepts
    # a concept asked after a whole is that concept ("其中财政给了多少" after the budget total)
    q = understand_conversation("其中财政给了多少", ["阳泉民政局24年收入总计多少"], lib)
    assert [c.name for c in q.concepts] == ["财政拨款收入"]


def test_switching_to_a_column_after_a_kemu_reads_that_rows_column(lib):
    """"换成基本支出呢" after "社会福利这一块花了多少": 社会福利's 基本支出, not the department's."""
    q = understand_conversation("换成基本支出呢", ["阳泉民政局24年总共花了多少", "临汾民政局19年呢",
                                                "回到阳泉，社会福利这一块花了多少"], lib)
    assert q.rows == ["社会福利"] and not q.concepts and q.departments == ["阳泉市民政局"]


@pytest.mark.parametrize("history, question, departments, years, item", [
    # the first turn asked again, not the last one talked of
    (["临汾民政局19年三公经费花了多少", "阳泉民政局24年的呢", "阳泉那个里头公车运行维护费多少"], "刚才问的第一个，再说一遍多少",
     ["临汾市民政局"], [2019], "“三公”经费"),
    (["临汾民政局19年三公经费花了多少", "阳泉民政局24年的呢", "公车运行维护费呢"], "最开始问的那个换成18年",
     ["临汾市民政局"], [2018], "“三公”经费"),
    # the years of two turns, by their places
    (["阳泉民政局24年三公经费多少", "那23年呢", "22年的呢"], "第一个问的那年跟最后问的那年，三公经费差了多少",
     ["阳泉市民政局"], [2022, 2024], "“三公”经费"),
    # the figure of a turn set against the one asked now
    (["临汾民政局19年三公经费花了多少", "阳泉民政局24年呢"], "第一个问的那个数比现在这个少多少",
     ["临汾市民政局", "阳泉市民政局"], [2019, 2024], "“三公”经费"),
])
def test_a_turn_of_the_chat_pointed_at_by_its_place(lib, history, question, departments, years, item):
    q = understand_conversation(question, history, lib)
    assert q.departments == departments and sorted(set(q.years + q.compared_years)) == years
    assert [c.name for c in q.concepts][:1] == [item]


def test_a_follow_up_set_against_another_body_keeps_the_one_before(lib):
    q = understand_conversation("跟临汾比，多多少", ["阳泉民政局24年三公经费多少"], lib)
    assert q.departments == ["阳泉市民政局", "临汾市民政局"] and q.intent == "compare"


def test_the_plan_shows_the_year_read_when_an_inherited_year_has_no_document(lib):
    from qa.documents import documents

    q = understand_conversation("那临汾的呢", ["阳泉民政局24年三公经费多少"], lib)
    documents(lib, q)
    assert q.to_json()["years"] == [2019]


def test_a_budget_word_beside_a_named_concept_is_its_measure_not_the_whole_budget(lib):
    q = understand("阳泉民政局24年三公经费的预算和决算差多少", lib)
    assert [c.name for c in q.concepts] == ["“三公”经费"]
    assert [c.name for c in understand("万里街道25年的预算比24年多了多少钱", lib).concepts] == ["收入总计"]


def test_a_follow_up_naming_a_body_the_store_lacks_does_not_keep_the_earlier_one(lib):
    q = understand_conversation("那太原民政局的呢", ["阳泉民政局24年三公经费多少"], lib)
    assert q.unknown_orgs and not q.departments  # (one naming the earlier body shorter keeps it: real-PDF test)


@pytest.mark.parametrize("question, operation, concepts", [
    # the part asked within the whole it names first: one figure, not the two added up
    ("阳泉民政局24年政府采购里买服务的一共多少", "value", ["政府采购服务支出"]),
    # a colloquial word right before an official term describes it
    ("阳泉民政局24年日常运转的公用经费主要花在哪些地方", "breakdown", ["公用经费"]),
    # but several parts are set against each other within it, and a share is of the whole
    ("阳泉民政局24年政府采购里货物工程服务哪个最多", "rank",
     ["政府采购支出", "政府采购货物支出", "政府采购工程支出", "政府采购服务支出"]),
    ("阳泉民政局24年收入里财政拨款占几成", "share", ["财政拨款收入", "本年收入合计"]),
    # or its kind said before it
    ("阳泉民政局24年有没有工程类的政府采购", "yesno", ["政府采购工程支出"]),
    # a citizen's words for an official term
    ("阳泉民政局24年日常公用开支里哪一项最多", "rank", ["公用经费"]),
    # "一共（要）花了多少" beside 科目 named asks their spending, not the department's 本年支出合计
    ("阳泉民政局24年水费电费加起来一共花了多少", "sum", []),
    ("省委办公厅2019年办公用的水费电费加起来一共要花多少", "sum", []),
])
def test_a_whole_or_a_description_beside_the_figure_asked_is_not_a_second_figure(lib, question, operation, concepts):
    q = understand(question, lib)
    assert q.operation == operation and [c.name for c in q.concepts] == concepts


def test_how_come_it_rose_asks_why(lib):
    assert understand("阳泉民政局24年开会的钱怎么涨了这么多", lib).operation == "describe"
    assert understand("阳泉民政局24年开会的钱怎么一下涨了这么多", lib).operation == "describe"


def test_years_relative_to_the_year_asked(lib):
    q = understand("阳泉民政局24年三公经费比前年少了多少", lib)
    assert q.years == [2024] and q.compared_years == [2022] and q.operation == "change"
    # 比上一年 is the document's own 比上年: no second year to look for
    q = understand_conversation("比上一年少了多少", ["临汾民政局19年机关运行经费花了多少"], lib)
    assert q.years == [2019] and q.compared_years == [] and q.operation == "change"
    # "再往前一年" steps back from the year of the turn before; 前一 is no top-1
    q = understand_conversation("再往前一年呢", ["阳泉民政局24年机关运行经费多少", "那23年呢"], lib)
    assert q.years == [2022] and q.operation == "value"


def test_a_share_is_of_the_part_whatever_the_order_said(lib):
    q = understand("阳泉民政局24年收入里财政拨款占几成", lib)
    assert [c.name for c in q.concepts] == ["财政拨款收入", "本年收入合计"]


def test_a_follow_up_keeps_the_unit_asked(lib):
    """"那临汾的呢" after "有几辆车" still asks for 辆 (not the 公车 money)."""
    q = understand_conversation("那临汾的呢", ["阳泉民政局24年有几辆车"], lib)
    assert q.units == ("辆",) and q.departments == ["临汾市民政局"]


def test_a_generic_word_after_a_rows_everyday_name_is_that_rows(lib):
    """"社保就业支出" is the 社会保障和就业支出 row, not that row and 本年支出合计; "收支预算一共"
    (收支 is no row's name with 预算一共) is still the budget's total."""
    assert not understand("临汾民政局19年社保就业支出比年初预算少了多少", lib).concepts
    assert [c.name for c in understand("阳泉民政局24年收支预算一共多少钱", lib).concepts] == ["收入总计"]


def test_social_security_said_of_spending_is_its_kemu():
    """"社保方面的支出" (as "社保支出") is the 类 社会保障和就业支出; "交社保" stays a topic."""
    from qa.understand import standard_words

    assert standard_words("省委办公厅18年社保方面的支出为什么比上年少了") == "省委办公厅18年社会保障和就业支出为什么比上年少了"
    assert "社会保障和就业支出" in standard_words("社保这块支出多少")
    assert standard_words("单位给职工交社保支出多少") == "单位给职工交社保支出多少"


def test_the_item_pointed_at_is_the_one_asked(lib):
    q = understand("阳泉民政局24年政府采购里有货物也有工程，工程那块有多少", lib)
    assert [c.name for c in q.concepts] == ["政府采购工程支出"]


def test_dialect_words_are_read_as_the_standard_ones():
    from qa.understand import standard_words

    assert standard_words("俺们阳泉民政局24年光给人发工资就整了多老钱") == "我们阳泉民政局24年光给人发工资就花了多少钱"
    assert standard_words("咋比头一年少花了那老多钱？那个啥，啥原因嘛") == "怎么比上一年少花了那么多钱？什么原因"  # (嘛 ending it: tone only)
    # a dictated afterthought saying which kind of the thing counted: the kind said before it
    assert standard_words("福利院设了几个部门啊 就是内设的那种") == "福利院设了几个内设部门"
    assert standard_words("有几辆车，就是执法用的那种？") == "有几辆车，就是执法用的那种？"  # (not 几个: left alone)


@pytest.mark.parametrize("said, standard", [
    ("民政局去年喺培训上使咗几多钱？", "民政局去年在培训上花了多少钱？"),
    ("有冇买过新车", "有没有买过新车"),
    ("呢个数系唔系三公经费嘅", "呢个数是不是三公经费的"),
    ("边几项超过10万蚊", "哪几项超过10万元"),
    ("点解多咗咁多", "为什么多了这么多"),
    ("支出比上年多咗定少咗", "支出比上年多了还是少了"),
    ("年尾有几多架车", "年底有多少辆车"),
    ("局里一共有好多辆车", "局里一共有多少辆车"),
    ("预算同决算差了多少", "预算和决算差了多少"),
    ("其他支出那700多w里的彩票公益金", "其他支出那700多万元里的彩票公益金"),  # (no place called 万里)
    ("三公经费有12w吗", "三公经费有12万元吗"),
    ("会议费3k块", "会议费3千块"),
    # (not 同比, 同期, 不同, nor a place named with 同)
    ("大同市民政局同比增长多少", "大同市民政局同比增长多少"),
    ("与上年同期相比多了多少", "与上年同期相比多了多少"),
])
def test_written_cantonese_and_regional_words_are_read_as_mandarin(said, standard):
    from qa.understand import standard_words

    assert standard_words(said) == standard


def test_a_remark_after_the_question_is_left_out(lib):
    q = understand("那个啥，阳泉民政局24年有几辆小车啊？俺不晓得", lib)
    assert q.operation == "count" and "不知道" not in q.text
    assert "真的假的" in understand("听说阳泉民政局24年又买了新公车？真的假的", lib).text


def test_a_share_or_a_trend_put_up_to_be_checked(lib):
    assert understand("阳泉民政局24年其他收入占总收入有没有三成？", lib).operation == "share"
    assert understand("阳泉民政局的三公经费这几年是不是一直在涨？", lib).operation == "yesno"
    assert understand("阳泉民政局24年基本支出、项目支出、经营支出这三项加起来是不是正好等于支出总数", lib).operation == "sum"
    # the parts counted, not named: the vocabulary's parts of the one concept named, then it
    plan = understand("区政府办25年三公三项加起来等不等于三公合计数", lib)
    assert plan.operation == "sum" and [c.name for c in plan.concepts][-1] == "“三公”经费" and len(plan.concepts) == 4


@pytest.mark.parametrize("question", ["阳泉民政局24年购置了几辆车", "阳泉民政局24年购置多少辆公务车", "万里街道25年新购多少辆车"])
def test_vehicles_bought_said_with_any_verb_of_buying_are_the_vehicles_bought(lib, question):
    assert [c.name for c in understand(question, lib).concepts] == ["购置车辆数"]


def test_a_rows_ordinal_is_no_list(lib):
    """"一、一般公共服务支出…是多少" names one row; "三公经费、会议费、培训费多少" lists three."""
    assert understand("万里街道2023年部门财务收支预算总表201 一、一般公共服务支出本年支出预算数是多少", lib).operation == "value"
    assert understand("阳泉民政局24年三公经费、会议费、培训费多少", lib).operation == "breakdown"


def test_a_code_printed_with_spaces_is_one_code_and_a_gap_asked_is_a_gap(lib):
    q = understand("区政府办25年预算：三公表里的公务接待费和基本支出经济分类表里302 17公务接待费对不上，两个数差多少？", lib)
    assert q.codes == ["30217"] and q.operation == "diff"


def test_a_pasted_fragment_pointed_back_at_stands_for_what_it_is_about():
    from qa.understand import _pasted_subject

    said = _pasted_subject("“（二）公用经费 2144.60 万元。主要包括：办公费、水费、电费……” 省委办公厅17年的 这里面大头是哪几项")
    assert said.startswith("公用经费 ") and "办公费" not in said
    quoted = "住房公积金那条写着“2024年预算安排352.67万元”，跟表里的数对得上吗？"
    assert _pasted_subject(quoted) == quoted  # nothing points back at it: a figure quoted to be checked


def test_a_vague_count_in_the_story_told_first_asks_nothing():
    """"我退休好几年了，…。想问问阳泉民政局…": 好几年 counts, it does not ask; the question starts
    where the asking does."""
    from qa.understand import asking_part

    text = "我退休好几年了，老伴以前在福利院上班。想问问阳泉民政局2024年给退休的人一共发了多少钱？"
    assert asking_part(text).startswith("想问问")
    assert asking_part("阳泉民政局24年有几辆车？") == "阳泉民政局24年有几辆车？"


@pytest.mark.parametrize("question, concepts", [
    ("阳泉民政局24年公车保有量几辆", ["公务用车保有量"]),
    ("阳泉民政局24年行政编制几个人", ["行政编制"]),
    ("阳泉民政局24年有几辆车", ["车辆数"]),  # alone, the asking words are the concept's
    ("阳泉民政局24年在编人数和实有人数各多少", ["实有人数"]),
])
def test_the_words_asking_for_a_count_name_no_second_concept(lib, question, concepts):
    assert [c.name for c in understand(question, lib).concepts] == concepts


def test_items_listed_with_a_pause_mark_are_each_added(lib):
    """"出国费、公务接待费、公车费三项加起来": 公车费 after "、" is a third item, not a qualifier of
    the one before (as 支出 is of 项目经费 in "项目经费支出一共多少")."""
    q = understand("万里街道25年出国费、公务接待费、公车费三项加起来多少", lib)
    assert len(q.concepts) == 3
    assert [c.name for c in understand("阳泉民政局24年项目经费支出一共多少", lib).concepts] == ["项目支出"]


def test_a_pasted_fragment_followed_by_what_comes_after_it_is_context(lib):
    """"那句“因公出国（境）费支出0万元”，后面说公务接待费是多少": the figure asked follows the
    fragment, which names no figure asked; "后面说比上年减少多少" asks on about its subject."""
    q = understand("阳泉民政局24年那句“因公出国（境）费支出0万元”，后面说公务接待费是多少", lib)
    assert [c.name for c in q.concepts] == ["公务接待费"]
    q = understand("阳泉民政局24年那句“本年收入合计8450.21万元”，后面说比上年减少多少", lib)
    assert [c.name for c in q.concepts] == ["本年收入合计"]


def test_relative_years_of_a_conversation_count_from_the_year_named(lib):
    """After 2024, "去年呢" is 2023 and "前年呢" 2022, not the year before 2023; "比上一年" is the
    year before the one talked of."""
    q = understand_conversation("前年呢", ["阳泉民政局24年三公经费多少", "去年呢"], lib)
    assert q.years == [2022]
    q = understand_conversation("前年呢", ["阳泉民政局24年三公经费多少", "去年呢", "那会议费呢"], lib)
    assert q.years == [2022]
    q = understand_conversation("比上一年少了多少", ["阳泉民政局24年三公经费多少", "去年呢"], lib)
    assert q.years == [2023] and q.operation == "change"  # (2023 against its year before)


def test_relative_years_counted_from_today_go_on_from_today(lib):
    """"万里街道去年的…" (2025, counted from the tests' today, 2026-12-07), then "那今年的呢" is 2026 and
    "那前年的呢" 2024; after a year written, "今年还要买几辆" is that year's."""
    assert understand_conversation("那今年的呢？", ["万里街道去年的三公经费预算是多少？"], lib).years == [2026]
    assert understand_conversation("那前年的呢？", ["万里街道去年的三公经费预算是多少？"], lib).years == [2024]
    assert understand_conversation("今年还要买几辆", ["万里街道25年有几辆公车"], lib).years == [2025]


def test_this_year_asked_alone_after_a_year_written_is_todays(lib):
    """"省政协19年…" then "那今年的呢": the year alone asked again is today's (2026), not 2019 once
    more; "那培训费今年安排了多少" asks a new item in the year talked of; after "去年呢", "那今年呢"
    comes back to the year that counted from."""
    assert understand_conversation("那今年的呢", ["省政协19年住房公积金预算多少"], lib).years == [2026]
    assert understand_conversation("那培训费今年安排了多少？", ["江苏政协2019年会议费为什么比去年多了那么多？"], lib).years == [2019]
    assert understand_conversation("那今年呢", ["阳泉民政局24年三公经费多少", "那去年呢"], lib).years == [2024]


def test_a_funds_name_is_no_budget_set_against_its_outturn(lib):
    """"决算里，一般公共预算财政拨款支出一共是多少": 一般公共预算 names a fund, not the 预算数 measure."""
    q = understand("阳泉民政局24年的决算里，一般公共预算财政拨款支出一共是多少？", lib)
    assert q.operation == "value"


def test_a_new_department_said_for_the_same_year_is_set_against_the_one_before(lib):
    """"阳泉民政局同一年的呢？两家谁花得多" after 临汾 2019: both departments, 2019 said (not
    carried, so no other year of 阳泉 stands in for it)."""
    q = understand_conversation("阳泉民政局同一年的呢？两家谁花得多", ["临汾民政局19年三公经费花了多少"], lib)
    assert q.operation == "compare" and len(q.departments) == 2 and q.years == [2019]
    assert "years" not in q.inherited


def test_a_row_by_its_everyday_name_is_not_the_row_before(lib):
    q = understand_conversation("那房补呢", ["阳泉民政局24年住房公积金多少"], lib)
    assert "concepts" not in q.inherited


def test_a_correcting_turn_reads_as_its_follow_up():
    from qa.understand import corrected
    assert corrected("不对，我问的是预算数，不是决算数") == "预算数呢"
    assert corrected("不是这个单位，我说的是万里街道") == "万里街道呢"
    assert corrected("我只要财政拨款那部分") == "其中财政拨款的是多少"
    assert corrected("我说的会议费只要基本支出里的那部分") == "其中基本支出的是多少"
    for question in ("那临汾的呢", "不是说三公经费下降了吗", "三公经费是不是比去年少"):
        assert corrected(question) == question


@pytest.mark.parametrize("question, department", [
    ("临汾那个管婚姻登记和殡葬改革的市局，19年城乡医疗救助花了多少", "临汾市民政局"),
    ("临汾市管低保和养老服务的那个部门，19年钱主要花在哪几块", "临汾市民政局"),
    ("阳泉那个管殡仪馆和福利院的局，24年收入总计多少", "阳泉市民政局"),
])
def test_a_body_described_by_what_it_does_is_the_one_of_that_place(lib, question, department):
    assert understand(question, lib).departments == [department]


def test_names_listed_before_the_word_they_share_each_take_it():
    from qa.understand import _shared_word_listed

    assert _shared_word_listed("一般公共服务、社会保障和就业、住房保障这三类支出加起来") == \
        "一般公共服务支出、社会保障和就业支出、住房保障支出加起来"
    assert _shared_word_listed("取暖费、办公费这两项支出多少") == "取暖费、办公费多少"  # names with a word of their own
    assert _shared_word_listed("卫生健康、住房保障这三类支出") == "卫生健康、住房保障这三类支出"  # the count is not the list's


def test_figures_seen_in_two_places_asked_which_is_right():
    from qa.understand import seen_figures

    seen = seen_figures("区府办25年公务接待费，我看到一个185000元，又看到28.5万，到底是多少？")
    assert [(f.number, f.unit) for f in seen] == [(185000.0, "元"), (28.5, "万元")]
    assert seen_figures("我看到一个12.02万，到底是多少") == []  # one figure: no choice between two
    assert seen_figures("我看到一个185000元，又看到28.5万") == []  # no "which is right" asked


@pytest.mark.parametrize("question, held", [
    ("表里那个 17.61 万元是什么钱", (17.61, "万元", 2, False)),
    ("财政拨款支出表里面有个291万，是什么项目", (291.0, "万元", 0, False)),
    ("预算表里有个 1,206,000 元，是什么钱", (1206000.0, "元", 0, False)),
    ("三公经费表里那个 839 是什么钱", (839.0, "", 0, False)),
    ("表里有个4458.00，这是什么钱", (4458.0, "", 2, False)),  # a comma after the number
    ("我看到一个44200，这是收入还是支出", (44200.0, "", 0, False)),
    ("预算说明里写着983.52%，这是什么数", (983.52, "%", 2, False)),
    ("有个743.39，这是一笔支出吧", (743.39, "", 2, False)),
    ("基本支出表里，哪几项正好是50万", (50.0, "万元", 0, True)),
    ("决算里44200元是哪一项的钱？", (44200.0, "元", 0, False)),  # nothing pointing at it: the amount and
    ("采购预算里362.60万元对应的是什么？", (362.6, "万元", 2, False)),  # what it is, and nothing else
    ("政府采购表里有个892.65万元，是买什么的？", (892.65, "万元", 2, False)),
    ("我看到一个项目资金总额是4,563,800元，这是哪个项目？", (4563800.0, "元", 0, False)),  # its name first
    ("表里有个193234元，这是发的什么？", (193234.0, "元", 0, False)),  # what the money went on
    ("决算表里的17.70是哪一行？", (17.7, "", 2, False)),  # the table's own figure, 的 between
    ("三公经费47.91万元是怎么构成的", None),  # a figure told of the item it names
    ("社会福利这一款支出6511.85万，是哪几项加起来的", None),  # its parts asked
    ("会议费比18年多了398万，为啥涨这么多", None),  # why it changed
    ("“比上年减少10万元”，为什么减少", None),
    ("哪个科目是2080201", None),  # a 科目 code
    ("三公经费里哪一项正好是0", None),  # the zero parts
])
def test_a_figure_held_and_asked_what_it_is(question, held):
    from qa.understand import held_figure

    found = held_figure(question)
    assert (found and (found.number, found.unit, found.places, found.listing)) == held if held else found is None


@pytest.mark.parametrize("question, concept", [
    ("阳泉民政局24年一般公共预算拨款全年预算和实际决算差了多少", "一般公共预算财政拨款支出"),
    ("阳泉民政局24年一般公共预算拨款年初预算完成了多少", "一般公共预算财政拨款支出"),
    ("阳泉民政局24年一般公共预算拨款收入年初预算多少", "一般公共预算财政拨款收入"),  # the side said
])
def test_a_fund_named_with_a_budget_measure_the_narrative_states_of_spending_is_its_spending(lib, question, concept):
    assert [c.name for c in understand(question, lib).concepts][:1] == [concept]


@pytest.mark.parametrize("question, aside", [
    ("一般公共服务支出除了宣传事务，其余的钱主要花在哪", "宣传事务"),
    ("普陀社工部24年支出除掉住房保障，其他一共多少", "住房保障"),
    ("基本支出里除开人员经费，公用经费主要花在哪几项", "人员经费"),
    ("社保和就业支出里，除了养老那一块，剩下的钱主要是什么", "养老"),
    ("阳泉民政局24年的支出，项目支出以外的那部分都花在哪了", "项目支出"),
    ("省委办公厅2019年项目支出以外的支出有哪些", "项目支出"),
    ("收入里，不是财政拨款的那部分有多少", "财政拨款"),
    ("我要的是财政拨款安排的基本支出，不含其他资金的那个。", "其他资金"),  # ("…的那个": the figure so scoped)
    ("阳泉民政局24年三公经费多少", None),
])
def test_the_part_a_question_sets_aside_is_read_one_way_for_every_route(question, aside):
    from qa.understand import aside_said
    said = aside_said(question)
    assert (said[0] if said else None) == aside


def test_the_rest_once_a_part_is_set_aside_is_no_carry_over(lib):
    """"剩下的钱" after an aside is the rest of the whole; alone, what was left unspent."""
    aside = understand("临汾民政局19年的支出，不算社会保障和就业，剩下的钱都花在哪了", lib)
    assert "年末结转和结余" not in [c.name for c in aside.concepts]
    alone = understand("临汾民政局19年年底还剩下多少钱", lib)
    assert "年末结转和结余" in [c.name for c in alone.concepts]


def test_what_the_rest_is_once_a_part_is_set_aside_is_a_breakdown(lib):
    q = understand("临汾民政局19年社会保障和就业支出里，除了民政管理事务，剩下的主要是什么", lib)
    assert q.operation == "breakdown"
    assert understand("临汾民政局19年社会保障和就业支出是什么", lib).operation == "describe"  # no aside: what it is


def test_taking_off_what_is_not_a_part_keeps_that_part(lib):
    """"扣掉不是财政拨款的那部分，基本支出还剩多少": the 财政拨款 part of 基本支出, no carry-over asked."""
    q = understand("阳泉民政局24年扣掉不是财政拨款的那部分，基本支出还剩多少？", lib)
    assert q.text.startswith("阳泉民政局24年财政拨款的基本支出") and "年末结转和结余" not in [c.name for c in q.concepts]


def test_a_follow_up_swapping_only_the_item_asks_the_same_of_it(lib):
    """"那公务接待费呢" after a change asked: the change of 公务接待费, not its level."""
    q = understand_conversation("那公务接待费呢", ["阳泉民政局24年三公经费花了多少", "比上年少了多少"], lib)
    assert q.operation == "change" and [c.name for c in q.concepts] == ["公务接待费"]


def test_a_change_told_before_asking_the_year_before_asks_its_level(lib):
    """"已知2024年…比上年减少14279.38万元，那2023年…约为多少": the change is told, 2023's level asked;
    "…12.02万元，比2023年多还是少" still sets the two years against each other."""
    q = understand("已知阳泉民政局2024年收入总计比上年减少14279.38万元，那2023年收入总计约为多少万元？", lib)
    assert (q.operation, q.years) == ("value", [2023])
    q = understand("阳泉民政局2024年三公经费12.02万元，比2023年多还是少", lib)
    assert q.operation != "value" and set(q.years) | set(q.compared_years) == {2023, 2024}


def test_what_was_heard_after_the_question_is_not_asked(lib):
    """"…有几个？听说23年才5个": hearsay after the question, its year and figure no part of what is asked."""
    q = understand("阳泉民政局24年车辆有几辆？听说23年才5辆", lib)
    assert q.years == [2024] and q.operation == "count"


def test_the_adjusted_budget_said_in_words_is_that_stage(lib):
    """"年中追加调整以后的预算": the 调整预算 a 决算 may state (never its 决算 instead)."""
    assert "调整预算" in understand("阳泉民政局24年一般公共预算年中追加调整以后的预算是多少？", lib).text


def test_a_generic_budget_word_beside_a_kemu_s_everyday_name_asks_no_total(lib):
    """"预算里有没有给低保户的救助钱": the everyday name (低保 → 最低生活保障) is asked after, not the
    budget's total that "的预算" alone would read."""
    q = understand("阳泉民政局24年的预算里有没有给低保户的救助钱？", lib)
    assert q.operation == "yesno" and not q.concepts


@pytest.mark.parametrize("message, parts", [
    ("社工部24年三公经费花了多少，哦不对，我是想问机关运行经费", ("社工部24年三公经费花了多少", "不对，我是想问机关运行经费")),
    ("民政局23年的…啊不是，2024年的", ("民政局23年的", "不对，2024年的")),
    ("福利院24年退休费预算多少……算了，问下工资福利支出", ("福利院24年退休费预算多少", "不对，问下工资福利支出")),
    ("省政协19年有多少辆车，哦我是说省委办公厅的", ("省政协19年有多少辆车", "不对，省委办公厅的")),  # what is meant, said again
    ("阳泉民政局24年三公经费对不对", None),  # (asks whether it is right)
    ("您好，我是说明一下情况：阳泉民政局24年三公经费多少", None),  # (说明 is no correction)
    ("我算了一下阳泉民政局24年三公经费是12万，对吗", None),
    ("阳泉民政局24年三公经费多少，不是说下降了吗", None),
    # what the asker concedes is not printed, then what is asked instead
    ("万里街道25年工程包给哪家公司我知道查不到，那工程类采购预算多少", ("万里街道25年工程包给哪家公司", "不对，工程类采购预算多少")),
    ("区政府办25年出国去哪些国家我估计不会写吧，不过出国费预算多少", ("区政府办25年出国去哪些国家", "不对，出国费预算多少")),
    ("阳泉民政局24年三公经费我估计查不到吧？", None),
    # what to give instead if the first is not printed
    ("省委办公厅19年公车每辆一年运行费多少？要是没有单车的数，就告诉我全年公务用车运行维护费总共多少",
     ("省委办公厅19年公车每辆一年运行费多少", "不对，全年公务用车运行维护费总共多少")),
])
def test_a_message_withdrawing_what_it_began_to_ask(message, parts):
    from qa.understand import self_corrected
    assert self_corrected(message) == parts


def test_a_concept_said_as_its_tables_name_is_where_to_look(lib):
    """"三公表里公车…": 三公 names the table, the 公车 money is asked; said alone ("三公表里合计多少")
    it is still what is asked."""
    asked = understand("区政府办25年三公表里公车是不是一分钱没安排", lib)
    assert [c.name for c in asked.concepts] == ["公务用车购置及运行维护费"]
    assert [c.name for c in understand("阳泉民政局24年三公表里合计多少", lib).concepts] == ["“三公”经费"]


def test_a_thing_named_again_in_the_documents_words_after_jiushi(lib):
    """"给离退休人员的钱 就是对个人和家庭的补助": the row named after 就是 is what is asked; the
    everyday words before it only said it first."""
    q = understand("阳泉民政局24年给离退休人员的钱，就是对个人和家庭的补助，由哪几块组成", lib)
    assert "对个人和家庭的补助" in q.text and "离退休人员的钱" not in q.text
    plain = understand("阳泉民政局24年三公经费，就是出国的钱多吗", lib)  # (no row's name after it: left alone)
    assert "就是出国" in plain.text


def test_a_sentence_pointing_back_asks_about_the_one_before():
    from qa.understand import asking_part
    assert asking_part("公益性岗位补贴比2022年预算执行数减少4.83%。这个减少具体是少了多少钱？").startswith("公益性岗位补贴")
    assert asking_part("我家在万里街道。三公经费多少？") == "三公经费多少？"  # background, no pointer


def test_specifically_asks_no_level(lib):
    assert understand("阳泉民政局24年三公经费具体是多少", lib).level == ""
    assert understand("阳泉民政局24年支出具体花在哪些科目上", lib).level == "项"


def test_a_row_name_said_with_a_de_inside_is_that_row(lib):
    q = understand("阳泉民政局24年参照公务员法管理的事业单位的机关运行经费是多少", lib)
    assert "参照公务员法管理事业单位" in q.rows


def test_a_held_figure_asked_whether_income_or_spending_is_described(lib):
    assert understand("阳泉民政局24年表里那个1626.49是收进来的钱还是花出去的钱", lib).operation == "describe"


def test_a_years_money_nothing_else_named_is_its_income_total(lib):
    assert [c.name for c in understand("阳泉民政局2024年的钱是多少", lib).concepts] == ["收入总计"]
    assert understand("阳泉民政局2024年给老人的钱是多少", lib).concepts != ["收入总计"]


@pytest.mark.parametrize("question, meant", [
    ("说错了，是行政运行，不是事业运行。", "行政运行呢"),
    ("我说错了，是会议费。", "会议费呢"),
    ("不是货物，我要问的是服务类的。", "服务类的呢"),
    ("不是这个，我是说2025年那份预算里的。", "2025年那份预算里的呢"),
    ("不对，我不是要决算数。我想知道这笔钱的支出决算比年初预算多出来多少？", "我想知道这笔钱的支出决算比年初预算多出来多少？"),
    ("不对，我问的是预算数，而且是公务接待费那一项，不是三公合计。", "预算数，而且是公务接待费那一项。"),
    ("不是编制数，我想问局里实际有多少人？", "局里实际有多少人"),
    ("我说的会议费只要基本支出里的那部分", "其中基本支出的是多少"),  # a narrowing, not a correction
    ("是会议费吗", "是会议费吗"),
])
def test_a_correcting_turn_as_the_follow_up_it_amounts_to(question, meant):
    from qa.understand import corrected
    assert corrected(question) == meant


def test_a_correction_swapping_the_item_of_a_computed_question_asks_it_again(lib):
    from qa.understand import understand_conversation
    q = understand_conversation("说错了，是行政运行，不是殡葬。", ["阳泉民政局2024年殡葬的年初预算和决算差了多少"], lib)
    assert q.operation == "diff" and q.rows == ["行政运行"] and q.departments == ["阳泉市民政局"]


def test_its_budget_asked_after_an_item_is_that_items(lib):
    from qa.understand import understand_conversation
    q = understand_conversation("说错了，我不是要决算数，我想问它的年初预算比决算多出来多少？",
                                ["临汾市民政局2019年社会保障和就业支出决算是多少？"], lib)
    assert q.operation == "diff" and q.rows == ["社会保障和就业支出"]
    # "它" of a count points at the body, not an item
    q = understand_conversation("那它一共有几辆车", ["阳泉民政局2024年三公经费多少"], lib)
    assert q.operation == "count" and q.departments == ["阳泉市民政局"]


def test_a_follow_up_pointing_at_another_years_document_asks_the_same_count(lib):
    from qa.understand import understand_conversation
    q = understand_conversation("搞错了，我要问的是2023年那份里的。", ["阳泉民政局2024年一共有几辆车？"], lib)
    assert q.units == ("辆",) and q.years == [2023]


def test_money_from_elsewhere_is_the_other_income(lib):
    q = understand("阳泉市民政局2024年本年收入的钱都是从哪来的？财政拨的、自己经营挣的、其他来的各多少？", lib)
    assert "其他收入" in [c.name for c in q.concepts]


@pytest.mark.parametrize("text, ruled_out", [
    ("差了多少？就是预算里没花掉的有多少，不是问结转结余。", ["，不是问结转结余。"]),
    ("多少，我说的不是指预算数", ["，我说的不是指预算数"]),
    ("三公经费多少，不是说三公经费减少了吗？", []),  # a doubt put as a question, not a reading ruled out
    ("多少，不是说减少了吗", []),
])
def test_a_reading_ruled_out_is_told_from_a_doubt(text, ruled_out):
    from qa.understand import RULED_OUT_RE

    assert [m.group() for m in RULED_OUT_RE.finditer(text)] == ruled_out


def test_the_date_a_stock_is_counted_at_is_no_year_asked(lib):
    """"2023年预算里说的截止2022年底固定资产一共多少": the 2023 document's figure (2022 is when it was
    counted), one value, not a sum over two years; the date said alone is still the year asked."""
    q = understand("万里街道2023年预算里说的截止2022年底固定资产一共多少", lib)
    assert q.years == [2023] and q.operation == "value"
    assert understand("万里街道截止2022年底固定资产多少", lib).years == [2022]


def test_where_the_item_lies_said_after_the_question(lib):
    """"办公费是多少，就是公用经费里面那个": the 办公费 within 公用经费 is asked, not 公用经费's total
    (which "就是" alone would read as the item's official name)."""
    q = understand("阳泉市民政局2024年的办公费是多少，就是公用经费里面那个", lib)
    assert "公用经费里的" in q.text and "办公费" in q.text


def test_which_n_asks_that_many(lib):
    """"哪三项最少": the three smallest, as "最少的三项" would say."""
    q = understand("阳泉市民政局2024年商品和服务支出哪三项最少？", lib)
    assert q.operation == "rank" and q.top_n == 3 and q.order == "asc"
    assert understand("阳泉市民政局2024年商品和服务支出哪一项最少？", lib).top_n == 1


def test_a_complaint_then_the_amount_asks_the_amount(lib):
    """"培训费凭什么安排这么多？到底多少？": the why is rhetorical; the figure is asked."""
    assert understand("阳泉民政局24年培训费凭什么安排这么多？到底多少？", lib).intent != "reason"
    assert understand("阳泉民政局24年培训费为什么这么多？", lib).intent == "reason"
    assert understand("养那么多车干嘛？阳泉民政局24年到底有几辆车？", lib).intent != "reason"


def test_the_measure_of_the_money_told_and_pointed_back_at(lib):
    """"三公经费预算就定了14万多，这钱打算花在哪几块上": the budget told is the money asked of."""
    assert understand("临汾市民政局2019年三公经费预算就定了14万多，这钱打算花在哪几块上？", lib).measure == "预算数"


def test_a_document_year_set_against_another_year_keeps_both(lib):
    """"2023年预算里的…，跟2025年的839万一样吗": two years compared, not a year read in a document."""
    assert sorted(understand("阳泉民政局2023年预算里的三公经费，跟2024年的12.02万一样吗？", lib).years) == [2023, 2024]
    assert understand("根据2025年预算文件，阳泉民政局2024年的三公经费", lib).years == [2024]


def test_an_amount_told_as_the_figure_asked_gives_its_measure(lib):
    """"三公经费那14万多的预算，都安排在哪几项上": the 预算 told with its amount is the measure asked."""
    assert understand("临汾民政局19年三公经费那14万多的预算，都安排在哪几项上？", lib).measure == "预算数"
    assert understand("临汾民政局19年三公经费那两万多的决算，都花在哪几项上？", lib).measure == "决算数"


def test_a_count_asked_by_its_unit_after_a_doubt_is_of_the_thing_doubted(lib):
    """"…用财政拨款负担的公务用车不会有25辆那么多吧？到底几辆？": 几辆 alone names no thing counted, so
    the doubt's 公务用车 is what is counted (10), not all vehicles (25)."""
    q = understand("阳泉民政局用财政拨款负担的公务用车不会有25辆那么多吧？到底几辆？", lib)
    assert [c.name for c in q.concepts] == ["公务用车保有量"]
    assert [c.name for c in understand("阳泉民政局24年的车总不会超过30辆吧？到底有几辆", lib).concepts] == ["车辆数"]


def test_retired_comrades_are_the_retired_not_the_staff(lib):
    """"退休的老同志有多少人": 退休人员 (23), not 实有人数, which "有多少人" alone would ask."""
    assert [c.name for c in understand("临汾民政局退休的老同志有多少人？", lib).concepts] == ["退休人员"]
    assert [c.name for c in understand("临汾民政局离退休的老同志有多少人？", lib).concepts] == ["离退休人员"]


def test_two_conditions_set_the_threshold_beside_the_change(lib):
    q = understand("阳泉民政局24年支出里，哪一类既比23年多、又超过100万？", lib)
    assert (q.operation, q.above) == ("rank", 1000000.0)
    assert understand("阳泉民政局24年三公经费里，有没有哪项既跟23年持平、又超过10万？", lib).operation == "yesno"


def test_an_accountants_gap_is_spending_set_against_income(lib):
    """"收支有没有缺口": whether the year's spending is above its income; "收支缺口多少": the two's gap."""
    asked = understand("临汾民政局19年本年收支有没有缺口？", lib)
    assert asked.operation == "yesno" and {c.name for c in asked.concepts} == {"本年支出合计", "本年收入合计"}
    assert understand("临汾民政局19年收支缺口多少？", lib).operation == "diff"


def test_a_rough_amount_told_is_no_code(lib):
    """"那500来万", "200多万", "300余万": amounts said roughly, never the 科目 500."""
    for said in ["临汾民政局19年一般公共预算财政拨款那500来万主要花在哪几类上？", "临汾民政局19年那200多万是什么钱", "那300余万呢"]:
        assert understand(said, lib).codes == []
    assert understand("临汾民政局19年208科目是多少", lib).codes == ["208"]


@pytest.mark.parametrize("text, asked", [
    ("阳泉民政局的三公经费，23年是多少？24年是12.02万元吧", "阳泉民政局的三公经费，23年是多少？"),
    ("临汾民政局18年的收入总计是多少？19年说是少了105万多", "临汾民政局18年的收入总计是多少？"),
    # a second question, or a figure told without a year of its own, is no year told
    ("阳泉民政局23年三公经费是多少？24年是12.02万元吗", "阳泉民政局23年三公经费是多少？24年是12.02万元吗"),
    ("政协18年培训费到底多少？基本支出表里写16万", "政协18年培训费到底多少？基本支出表里写16万"),
])
def test_a_question_before_another_years_figure_told(text, asked):
    from qa.understand import _asked_before_year_told
    assert _asked_before_year_told(text) == asked


def test_examples_in_brackets_after_what_they_illustrate_name_nothing(lib):
    """"（比如社保、卫生这种）" says what kind of parts are meant; "（不含会议费、培训费）" says what is counted."""
    q = understand("阳泉民政局24年钱主要花在哪几方面（比如社保、卫生这种）", lib)
    assert q.operation == "breakdown" and not q.concepts and not q.rows
    assert "（不含会议费、培训费）" in understand("阳泉民政局24年三公经费（不含会议费、培训费）多少", lib).text


def test_one_row_said_in_several_everyday_words_is_one_row(lib):
    q = understand("阳泉民政局24年物业、保洁、保安的钱多少", lib)
    assert q.rows == ["物业管理费"] and q.operation == "value"


def test_yigong_adds_bodies_or_items_listed_not_what_one_description_happens_to_name(lib):
    assert understand("两个民政局住房公积金一共交了多少", lib).operation == "sum"
    assert understand("阳泉民政局24年基本支出、项目支出一共多少", lib).operation == "sum"
    assert understand("临汾民政局2019年单位给职工交的那个将来买房用的钱（工资里单位配的那份）一共花了多少", lib).operation != "sum"


def test_the_money_that_keeps_people_is_personnel_funding(lib):
    assert [c.name for c in understand("阳泉民政局24年养人的钱多少", lib).concepts] == ["人员经费"]


def test_the_former_and_the_latter_are_the_two_items_asked_before(lib):
    history = ["阳泉民政局24年基本工资和津贴补贴各是多少？"]
    assert understand_conversation("后者占多少？", history, lib).rows[:1] == ["津贴补贴"]
    assert understand_conversation("前者占多少？", history, lib).rows[:1] == ["基本工资"]


def test_a_change_asked_as_percent_how_much_is_a_change(lib):
    assert understand("阳泉民政局24年公务用车运行维护费降了百分之多少", lib).operation == "change"


def test_these_two_are_the_two_items_named_in_the_last_turn_or_the_last_two(lib):
    one_turn = understand_conversation("这两项加起来呢？", ["阳泉民政局24年基本工资和津贴补贴各是多少？"], lib)
    assert one_turn.operation == "sum" and one_turn.rows == ["基本工资", "津贴补贴"]
    two_turns = understand_conversation("这两项加起来呢？", ["阳泉民政局24年支出决算表里养老服务花了多少？", "殡葬呢？"], lib)
    assert two_turns.operation == "sum" and two_turns.rows == ["养老服务", "殡葬"]


@pytest.mark.parametrize("question, operation, above, level", [
    ("临汾民政局19年支出决算表里，项一级超过50万的支出有几项？", "count", 500000.0, "项"),  # (the spending word, 项一级)
    ("阳泉民政局24年项目支出里，单个科目超过1500万的是哪个？", "rank", 15000000.0, ""),  # (哪个: the one above it)
    ("省委办公厅19年政府采购里，不到1万块的采购物品有几项？", "count", 10000.0, ""),  # (块, and the items named)
])
def test_items_above_an_amount_said_as_citizens_say_it(lib, question, operation, above, level):
    q = understand(question, lib)
    assert (q.operation, q.above, q.level) == (operation, above, level)


def test_an_engine_counts_the_items_above_at_the_level_said(engine):
    """临汾 19 公开03表 项 above 50万: 行政运行, 其他民政管理事务支出, 城乡医疗救助."""
    found = engine.ask("临汾民政局19年支出决算表里，项一级超过50万的支出有几项？")
    assert found.figures[0].value == "3" and {c.row_code for c in found.citations} == {"2080201", "2080299", "2101301"}


def test_a_kemu_said_within_a_column_concept_asked_before_is_read_in_that_column(lib):
    """"其中殡葬那块挣了多少" after 经营收入: 殡葬's 经营收入 (681.31万元 in 公开02表), not its spending."""
    q = understand_conversation("其中殡葬那块挣了多少？", ["阳泉民政局24年经营收入多少？"], lib)
    assert [c.name for c in q.concepts] == ["经营收入"] and q.rows == ["殡葬"]


def test_the_kemu_cell_of_the_column_asked_before(engine):
    found = engine.ask("其中殡葬那块挣了多少？", ["阳泉民政局24年经营收入多少？"])
    assert found.figures[0].value == "681.31" and found.citations[0].column == "经营收入"


def test_a_row_within_a_concept_that_is_no_column_of_kemu_keeps_its_own_row(engine):
    # 机关运行经费 is a row group of 公开10表 (行政单位, 参照公务员法管理事业单位), no column of the 科目 tables
    found = engine.ask("其中参照公务员法管理的事业单位那部分是多少", ["阳泉市民政局2024年机关运行经费是多少"])
    assert found.figures[0].value == "10.86"


def test_a_count_guessed_roughly_then_asked_exactly_is_the_count_asked(lib):
    """"大概有一百来辆车？具体是几辆": how many vehicles, the guess naming what is counted."""
    q = understand("省委办公厅19年大概有一百来辆车？具体是几辆", lib)
    assert q.operation == "count" and [c.name for c in q.concepts] == ["车辆数"]


def test_spending_said_as_actual_with_a_sum_word_between_asks_the_outturn(lib):
    """"实际一共花了多少钱": the outturn (决算数), as "实际花了多少" is; of a year with a plan only, no
    budget figure answers it."""
    assert understand("万里街道2024年实际一共花了多少钱", lib).measure == "决算数"
    assert understand("临汾民政局19年行政编制是十八个人吧？实际有几个人？", lib).concepts[0].name == "实有人数"


def test_a_total_word_said_of_one_item_before_another_is_asked_adds_nothing(lib):
    """"基本支出一共多少，还有项目支出呢": 基本支出's figure, then 项目支出's; "基本支出、项目支出一共多少" and
    "基本支出连项目支出在内一共多少" list them before the total word: a sum."""
    assert understand("临汾民政局19年基本支出一共多少，还有项目支出呢", lib).operation != "sum"
    assert understand("临汾民政局19年基本支出、项目支出一共多少", lib).operation == "sum"
    assert understand("临汾民政局19年基本支出连项目支出在内一共多少", lib).operation == "sum"
