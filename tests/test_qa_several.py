"""Several figures asked in one message (qa/several.py): split into clauses that each ask an
amount, answered in turn, the later leaning on the earlier; read whole when a clause relates them."""
from __future__ import annotations

from qa.several import asked_after_purpose, asked_parts, asked_questions, each_named, listed_request, summary_parts, years_then_compared, zero_asked_after


def test_clauses_that_each_ask_an_amount_are_parts():
    assert asked_parts("临汾民政局19年基本支出多少？项目支出又是多少？") == ["临汾民政局19年基本支出多少？", "项目支出又是多少？"]
    assert asked_parts("万里街道25年三公经费里公务接待费多少？车呢？") == ["万里街道25年三公经费里公务接待费多少？", "车呢？"]
    assert len(asked_parts("政协18年收入一共多少，财政拨款多少，其他资金又是多少？")) == 3
    # a breakdown asked first is a part of its own, the amount after it another
    assert asked_parts("区政府办2025年的钱是从哪来的？一般公共预算资金给了多少？") == [
        "区政府办2025年的钱是从哪来的？", "一般公共预算资金给了多少？"]
    assert asked_parts("阳泉民政局24年钱花在哪了？为什么比上年多？") == []  # (a reason after it)


def test_a_message_relating_its_figures_or_asking_no_amount_is_read_whole():
    for question in ("阳泉民政局24年本年收入合计多少，本年支出合计多少，收入比支出多出多少？",
                     "福利院24年总收入多少，事业收入多少，事业收入占总收入几成？",
                     "三公经费是多少？为什么比上年少？",
                     "阳泉民政局24年支出分几块 基本支出项目支出各多少".replace(" ", "，"),
                     "阳泉民政局24年三公经费多少？",
                     # (a clause saying the one before again, narrower: one question)
                     "用财政拨款养的公务车呢，就是说保有量几辆"):
        assert asked_parts(question) == [], question


def test_each_clause_gets_its_figure_and_citation_in_the_order_asked(engine):
    answer = engine.ask("临汾民政局19年基本支出多少？项目支出又是多少？")
    assert [f.value for f in answer.figures[:2]] == ["3567446.13", "1459284.98"]
    assert [c.column for c in answer.citations[:2]] == ["基本支出", "项目支出"]
    assert answer.plan["operation"] == "breakdown" and len(answer.plan["parts"]) == 2


def test_a_message_read_whole_answering_every_clause_stays_whole(engine):
    """"支出分几块 基本支出项目支出各多少": the breakdown read whole gives both figures asked."""
    answer = engine.ask("阳泉民政局24年支出分几块 基本支出项目支出各多少")
    assert "parts" not in answer.plan and "6177.21" in answer.answer


def test_a_summary_asked_in_parts_after_a_colon():
    assert summary_parts("用一句话说说阳泉民政局24年的三公经费：花了多少，比上年怎样") == \
        ("阳泉民政局24年的三公经费", "阳泉民政局24年的三公经费", ["花了多少", "比上年怎样"])
    assert summary_parts("给我江苏省委办公厅19年三个数：总支出、基本支出、项目支出。")[2] == ["总支出", "基本支出", "项目支出"]
    # the subject's own question first ("有多少人"), then the parts
    assert summary_parts("一句话说说临汾民政局机关有多少人：编制多少、实际多少、离退休多少") == \
        ("临汾民政局机关", "临汾民政局机关有多少人", ["有多少人", "编制多少", "实际多少", "离退休多少"])
    # a share asked with nothing of its own is of the part asked just before it
    assert summary_parts("用一句话说说江苏省政协办公厅17年的三公经费：一共多少，哪一块最大，占几成？")[2] == \
        ["一共多少", "哪一块最大，占几成"]
    for question in ("阳泉民政局24年三公经费多少", "备注：阳泉民政局24年三公经费多少，比上年怎样",
                     "用一句话说说阳泉民政局24年三公经费：为什么比上年少了这么多，是不是因为少买了车，还是别的原因"):
        assert summary_parts(question) is None, question


def test_each_part_of_a_summary_is_asked_of_its_subject_the_first_heading(engine):
    answer = engine.ask("用一句话说说阳泉民政局24年的三公经费：花了多少，比上年怎样")
    assert [f.value for f in answer.figures[:2]] == ["12.02", "1.17"], answer.answer
    people = engine.ask("一句话说说临汾民政局机关有多少人：编制多少、实际多少、离退休多少")
    assert [f.value for f in people.figures[:4]] == ["20", "18", "20", "25"], people.answer
    assert "同①" in people.answer  # (实有人数 asked twice: said once)
    three = engine.ask("阳泉民政局24年给我三个数：当年进账多少、当年花了多少、年底还剩多少")
    assert [f.value for f in three.figures[:3]] == ["8450.21", "8406.85", "127.25"], three.answer


def test_a_purpose_said_first_leaves_what_is_asked_after_it():
    assert asked_after_purpose("想算每辆车平均花多少，先问下省委办公厅19年一共有几辆公车") == "省委办公厅19年一共有几辆公车"
    assert asked_after_purpose("省委办公厅19年一共有几辆公车，想算每辆车平均花多少") is None


def test_whether_the_amount_just_asked_is_none():
    assert zero_asked_after("江苏政协办公厅19年的车里，执法执勤用车有几辆？是不是一辆都没有？") == "江苏政协办公厅19年的车里，执法执勤用车有几辆"
    assert zero_asked_after("阳泉民政局24年三公经费多少？是不是比上年少了？") is None  # no zero claimed
    assert zero_asked_after("网上有人说三公经费花了好几万，是不是一分钱没花？") is None  # no amount asked


def test_a_count_asked_then_whether_it_is_none_is_of_that_count(engine):
    """"执法执勤用车有几辆？是不是一辆都没有": the 执法执勤用车 row, blank in 阳泉's 公开10表, whose
    printed parts (2 + 23) make up all 25 vehicles — so 0, yes, none (never "no" for the 25 vehicles);
    "车辆有几辆？是不是一辆都没有": 25, so no."""
    blank = engine.ask("阳泉民政局24年执法执勤用车有几辆？是不是一辆都没有？")
    assert blank.verdict == "yes" and blank.figures[0].value == "0" and "等于已列各项之和" in blank.answer, blank.answer
    held = engine.ask("阳泉民政局24年车辆有几辆？是不是一辆都没有？")
    assert held.verdict == "no" and held.figures[0].value == "25", held.answer


def test_years_listed_then_two_of_them_compared():
    assert years_then_compared("省政协17到19年公务接待费预算分别多少？19年比17年少了多少") == \
        ("省政协17到19年公务接待费预算分别多少", "19年比17年少了多少")
    assert years_then_compared("万里街道一般公共服务支出23、24、25年各多少？25年比23年多了多少")[1] == "25年比23年多了多少"
    assert years_then_compared("省政协19年公务接待费比17年少了多少") is None  # one comparison, nothing listed
    assert years_then_compared("省政协19年公务接待费多少？比17年少了多少") is None  # the years compared are not both said


def test_a_score_asked_beside_a_count_is_a_question_of_its_own():
    from qa.several import asked_parts
    assert asked_parts("社工部2024年做了绩效自评的项目有几个？自评平均得了多少分？") == [
        "社工部2024年做了绩效自评的项目有几个？", "自评平均得了多少分？"]


def test_questions_asked_one_after_another_are_each_a_part():
    assert asked_questions("阳泉民政局24年三公经费花了多少？其中公务用车运行维护费多少？比上年少了多少？") == [
        "阳泉民政局24年三公经费花了多少？", "其中公务用车运行维护费多少？", "比上年少了多少？"]
    assert asked_questions("阳泉民政局24年三公经费多少？") == []
    assert asked_questions("阳泉民政局24年三公经费多少？是吗？") == []  # (an echo is no question of its own)
    assert asked_questions("三公经费多少？其中接待费多少，麻烦告诉我") == []  # (words after the last question)


def test_each_question_of_a_message_is_answered_after_those_before_it(engine):
    """Three questions in one message: each read as the chat would read it, every figure given;
    a whole asked "in all" with its parts after 其中 is no sum of the parts."""
    answer = engine.ask("阳泉市民政局2024年政府采购一共多少钱？其中服务类多少？服务占了百分之几？")
    assert all(s in answer.answer for s in ("755.08", "659.90", "87.39%"))
    answer = engine.ask("临汾市民政局2019年年末财政拨款结转和结余一共多少？其中一般公共预算和政府性基金各多少？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("253000", "元")
    assert "168000" in answer.answer and "85000" in answer.answer
    unspent = engine.ask("临汾市民政局2019年公务用车运行维护费预算多少？实际花了多少？没花掉的有多少？")
    assert "71547.18" in unspent.answer and "253000" not in unspent.answer  # (the item's, not the 年末结转)


def test_a_request_listing_its_items():
    """"…申请公开…以下信息：一是…；二是…。谢谢。": each item asked of what the request names first."""
    head, items = listed_request("阳泉市民政局：依据《政府信息公开条例》，申请公开贵局2024年度部门决算中的以下信息："
                                 "一是“三公”经费决算数；二是机关运行经费；三是政府采购总额。谢谢。")
    assert head == "阳泉市民政局：申请公开贵局2024年度部门决算中"
    assert items == [head + "“三公”经费决算数", head + "机关运行经费", head + "政府采购总额"]
    assert listed_request("（一）收入多少；（二）支出多少") is None  # (nothing named before the list)
    assert listed_request("阳泉民政局24年：二是收入；三是支出") is None  # (not numbered from one)
    assert listed_request("阳泉民政局24年收入1.5万元，2.3万元是什么") is None  # (amounts, no list)


def test_each_item_of_a_listed_request_answered_in_turn(engine):
    answer = engine.ask("阳泉市民政局：依据《政府信息公开条例》，申请公开贵局2024年度部门决算中的以下信息："
                        "一是“三公”经费决算数；二是机关运行经费；三是政府采购总额。谢谢。")
    assert [f.value for f in answer.figures][:3] == ["12.02", "39.89", "755.08"], answer.answer


def test_thanks_closing_a_message_ask_nothing():
    assert asked_questions("阳泉民政局24年三公经费多少？其中公务接待费多少？烦请告知，谢谢。") == \
        ["阳泉民政局24年三公经费多少？", "其中公务接待费多少？"]
    assert asked_questions("阳泉民政局24年三公经费多少？其中公务接待费多少？另外再说说原因") == []


def test_questions_the_whole_read_mixes_into_one_figure_are_answered_apart(engine):
    # read whole, "…多多少？年末结转和结余又是多少？" added all three; asked apart, the difference heads
    a = engine.ask("阳泉民政局2024年本年收入合计比本年支出合计多多少？年末结转和结余又是多少？")
    assert a.figures[0].value == "43.36" and "127.25" in a.answer and "16984.31" not in a.answer
    share = engine.ask("阳泉民政局2024年财政拨款收入里一般公共预算拨款占几成？政府性基金拨款又是多少？")
    assert share.figures[0].value == "83.63" and "772.80" in share.answer


def test_a_ratio_asked_last_without_its_question_mark_is_a_question_of_its_own():
    assert asked_questions("阳泉民政局24年人员经费和公用经费分别是多少？人员经费是公用经费的几倍") == [
        "阳泉民政局24年人员经费和公用经费分别是多少？", "人员经费是公用经费的几倍"]
    assert asked_questions("全年预算是多少？完成了百分之几") == []  # (a stated rate, no figure set against another)


def test_the_ratio_asked_after_each_figure_heads_with_both_figures(engine):
    answer = engine.ask("阳泉民政局24年人员经费和公用经费分别是多少？人员经费是公用经费的几倍")
    assert [(f.value, f.unit) for f in answer.figures[:1]] == [("7.18", "倍")]
    assert "963.57万元" in answer.answer and "134.29万元" in answer.answer



def test_a_relation_the_clauses_read_apart_work_out_otherwise_keeps_the_whole_read(engine):
    """"货物和服务各多少？服务占了百分之几": the whole read's share of 政府采购, never the follow-up's
    服务 over 货物."""
    answer = engine.ask("阳泉民政局24年政府采购里货物和服务各多少？服务占了百分之几？")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("87.39", "%")


def test_each_thing_named_is_asked_in_turn():
    assert each_named("阳泉民政局车辆总数和财政拨款负担的公务用车保有量分别是多少") == [
        "阳泉民政局车辆总数是多少", "阳泉民政局财政拨款负担的公务用车保有量是多少"]
    assert each_named("阳泉民政局2024年执法执勤用车和特种专业技术用车各有几辆") == [
        "阳泉民政局2024年执法执勤用车是多少", "阳泉民政局2024年特种专业技术用车是多少"]
    assert each_named("阳泉民政局2024年有几辆车，执法执勤用车和特种专业技术用车各有几辆") is None  # (across clauses)
    assert each_named("阳泉民政局2024年三公经费是多少") is None


def test_several_counts_asked_each_are_each_answered_in_the_order_named(engine):
    answer = engine.ask("阳泉民政局车辆总数和财政拨款负担的公务用车保有量分别是多少")
    assert [(f.value, f.unit) for f in answer.figures[:2]] == [("25", "辆"), ("10", "辆")]


def test_a_request_to_answer_each_adds_no_question(engine):
    """"…少了多少？下降了百分之几，分别说下": the amount asked first heads, as without the request."""
    answer = engine.ask("那跟上年比少了多少？下降了百分之几，分别说下", ["阳泉民政局2024年三公经费决算是多少"])
    assert (answer.figures[0].value, answer.figures[0].unit) == ("1.17", "万元")
    listed = engine.ask("阳泉市民政局2024年底一共有多少辆车？都是什么车，分别几辆，都列出来")
    assert "其他用车23辆" in listed.answer and "特种专业技术用车2辆" in listed.answer  # ("都列出来" asks the list)


def test_an_amount_then_which_way_it_moved():
    from qa.several import direction_asked_after

    assert direction_asked_after("阳泉民政局23年机关运行经费大概多少？24年是涨了还是跌了") == "阳泉民政局23年机关运行经费大概多少"
    assert direction_asked_after("阳泉民政局24年机关运行经费是涨了还是跌了") is None  # (one clause: the change alone)


def test_the_amount_heads_and_the_change_follows(engine):
    # 2023 worked back from the 2024 sentence (39.89 − 4.38), then the rise itself
    found = engine.ask("阳泉民政局23年机关运行经费大概多少？24年是涨了还是跌了")
    assert found.figures[0].value == "35.51" and "增加4.38万元" in found.answer


def test_a_clause_saying_only_who_and_when_goes_with_the_clause_after_it():
    """"万里街道那个二五年，车子一共有几辆，还要再买几辆" (a phone's spaces read as commas): two
    questions, the body and year said before the first; a clause naming a 科目 first stays its own."""
    assert asked_parts("万里街道二五年，车子一共有几辆，还要再买几辆") == ["万里街道二五年，车子一共有几辆", "还要再买几辆"]
    assert asked_parts("2080208基层政权建设和社区治理，阳泉市民政局2024年支出多少？基本支出和项目支出各是多少") == []


def test_a_dictated_message_answers_its_first_question_first(engine, pdf_engine):
    answer = pdf_engine.ask("万里街道那个二五年 车子一共有几辆 还要再买几辆")
    assert (answer.figures[0].value, answer.figures[0].unit) == ("8", "辆")
    # ("…多少来着 就是说执行了多少": the question said again names nothing new; 年初预算 is asked)
    answer = engine.ask("嗯 那年初预算是多少来着 就是说执行了多少", ["临汾民政局19年卫生健康支出花了多少"])
    assert (answer.figures[0].value, answer.figures[0].unit) == ("1400", "万元")


def test_where_the_whole_read_finds_nothing_the_first_question_found_is_answered(engine):
    """"那实际花了多少，执行率呢" after 公务接待费's budget: its outturn (0元) first, the rate said not found."""
    answer = engine.ask("那实际花了多少，执行率呢", ["临汾民政局19年公务接待费预算是多少"])
    assert (answer.figures[0].value, answer.figures[0].unit) == ("0", "元") and answer.answer.startswith("①")
