"""Reading the figures a question states to have them checked (qa/claims.py), and checking them
against the samples (qa/routes/claim.py). Expected values read off the sample files."""
from __future__ import annotations

import math

import pytest

from core.text import arabic_amounts
from qa.claims import amount_verdict, checked_claims, claims_in


def _spans(text: str) -> list[tuple[float, float]]:
    return [(c.low, c.high) for c in claims_in(arabic_amounts(text))]


def test_an_exact_figure_holds_to_its_last_printed_digit():
    (claim,) = claims_in("有报道说三公经费花了13.19万元，对不对")
    assert claim.holds(131900) and claim.holds(131940) and not claim.holds(120200)
    (claim,) = claims_in("三公经费预算867.5万，对吗")
    assert claim.holds(8675000) and not claim.holds(8676000)


def test_vague_amounts_are_the_ranges_people_mean():
    assert _spans("花了5万多元，对吗") == [(50000, 60000)]
    assert _spans("花了30多万，对吗") == [(300000, 400000)]
    assert _spans("多了几十万元，真的吗") == [(100000, 1000000)]  # 几十 after arabic_amounts ("几10")
    assert _spans("花了好几百万，是真的吗") == [(1000000, 10000000)]
    assert _spans("政府采购一分钱都没花，是真的吗") == [(0, 0)]


def test_bounds_said_with_an_amount():
    (above,) = claims_in(arabic_amounts("有没有超过一千万"))
    assert above.low > 10_000_000 and above.high == math.inf and above.asked
    (reach,) = claims_in("有没有两个亿")
    assert (reach.low, reach.high) == (200_000_000, math.inf)
    (below,) = claims_in("三公经费不到10万吧，对吗")
    assert (below.low, below.high) == (0, 100000)
    (about,) = claims_in("支出合计差不多有500万吗")  # around it, 有 said between
    assert about.low < 5_026_731 < about.high and about.low > 4_000_000



def test_bounds_said_with_a_negation_or_at_least_and_at_most():
    """"不超过40万" is at most (not "超过40万" with its 不 dropped); "最多也就五十万" at most; "满两个亿"
    and "至少有两辆" at least."""
    (not_over,) = claims_in(arabic_amounts("机关运行经费不超过40万吧"))
    assert (not_over.low, not_over.high) == (0, 400000)
    (at_most,) = claims_in(arabic_amounts("政府采购预算最多也就五十万吧"))
    assert (at_most.low, at_most.high) == (0, 500000)
    (full,) = claims_in(arabic_amounts("部门预算满两个亿了吗"))
    assert (full.low, full.high) == (200_000_000, math.inf)
    (at_least,) = claims_in("车至少有两辆吧")
    assert at_least.counted and (at_least.low, at_least.high) == (2, math.inf)


def test_a_bound_in_words_is_answered_the_way_it_reads(engine):
    not_over = engine.ask("临汾市民政局2019年机关运行经费不超过40万吧？")
    assert not_over.verdict == "yes" and not_over.figures[0].value == "333925.00"
    at_most = engine.ask("阳泉民政局24年三公经费最多也就十万吧？")
    assert at_most.verdict == "no" and at_most.figures[0].value == "12.02"
    cars = engine.ask("阳泉民政局24年车至少有二十辆吧？")
    assert cars.verdict == "yes" and cars.figures[0].value == "25"

def test_a_clause_keeps_what_it_is_a_figure_of_and_a_change_is_marked():
    first, second = claims_in("网上说万里街道2024年三公经费预算是47.91万元，比上年增加了25万元，对吗")
    assert "三公经费" in first.clause and not first.change
    assert second.change and second.clause == "比上年增加了"


@pytest.mark.parametrize("text, span", [
    ("预算是不是一亿八九千万的样子", (1.8e8, 2.0e8)),  # two numerals side by side, after a whole 亿
    ("是不是三四十万", (3e5, 5e5)),
    ("有两三千万吗", (2e7, 4e7)),
    ("是不是两千万出头", (2e7, 2.3e7)),  # a little over it
    ("大概三千万出头吧", (3e7, 3.3e7)),  # (出头 says which side: 大概 widens nothing)
    ("估计十万出头吧", (1e5, 1.3e5)),
])
def test_spans_said_by_neighbouring_numerals_and_a_little_over(text, span):
    assert _spans(text) == [span]


def test_years_counts_and_bounds_to_count_by_are_no_claims():
    assert claims_in("阳泉民政局2024年三公经费多少") == []
    assert checked_claims(arabic_amounts("一百万以上的设备有几台")) == []
    assert checked_claims("有没有花钱搞公务接待") == []  # "没有花钱" inside 有没有 claims nothing
    # "几块" before no 钱 asks how many pieces ("由哪几块组成…几块加起来对不对")
    assert claims_in("基本支出5836.27，是由哪几块组成的？几块加起来对不对") == []


@pytest.mark.parametrize("question, verdict, value", [
    ("听说阳泉市民政局2024年三公经费是12.02万元，对吗", "yes", "12.02"),
    ("网上说阳泉民政局24年三公经费超过20万元，是真的吗", "no", "12.02"),
    ("有人说阳泉民政局2024年公务接待费花了好几万，属实吗", "no", "0"),
    ("有人说阳泉民政局2024年三公经费12.02万元，其中公车运行维护费12.02万元，对不对", "yes", "12.02"),
    ("阳泉民政局2024年支出一共多少，有没有超过一个亿", "no", "8406.85"),
])
def test_stated_figures_are_checked_against_the_printed_ones(engine, question, verdict, value):
    answer = engine.ask(question)
    assert answer.verdict == verdict, answer.answer
    assert answer.figures and answer.figures[0].value == value and answer.citations
    assert answer.answer.startswith(("对", "不对", "有", "没有", "是", "不是"))
    assert answer.question.endswith(question[-4:])  # the whole question, not the clause checked


def test_an_amount_describing_what_is_counted_is_no_claim():
    for question in ("阳泉民政局有没有单价100万以上的设备", "有没有一百万以上的大设备", "有没有超过50万的项目"):
        assert checked_claims(arabic_amounts(question)) == [], question


def test_an_amount_pointed_back_at_is_no_claim_what_is_said_of_it_is(engine):
    """"那8.5万一分都没花": the figure told before, pointed at; the claim is that none was spent."""
    claims = checked_claims(arabic_amounts("是不是政府性基金那8.5万一分都没花"))
    assert [(c.low, c.high) for c in claims] == [(0.0, 0.0)]
    answer = engine.ask("临汾民政局19年政府性基金结转了85000元，是不是那8.5万一分都没花？")
    assert answer.verdict == "yes"


def test_a_multiple_put_up_is_checked_against_the_ratio_it_claims():
    from qa.claims import multiple_verdict

    assert multiple_verdict("25年比24年翻了一倍吗", 2.90) == "是"
    assert multiple_verdict("是不是翻了两番", 3.0) == "不是"
    assert multiple_verdict("收入是不是比上年腰斩了", 0.38) == "是"
    assert multiple_verdict("比上年多了多少", 2.0) == ""


@pytest.mark.parametrize("question, ratio, verdict", [
    ("会议费是不是超过了三公经费的两倍？", 1.943, "不是"),  # over it: more than twice
    ("会议费是不是超过了三公经费的两倍？", 2.1, "是"),
    ("决算是不是差不多是年初预算的一倍半？", 1.4952, "是"),  # said roughly: within 5%
    ("决算是不是差不多是年初预算的一倍半？", 1.3, "不是"),
    ("服务是不是货物的五倍多？", 6.93, "不是"),  # "五倍多": five and some
    ("服务是不是货物的五倍多？", 5.4, "是"),
    ("有没有达到上年的3倍", 2.99, "不是"),
    ("服务是货物的几倍", 6.93, ""),  # asked, not put up
    ("说明里说比上年增长30%，这个增长率对吗", 1.2915, "不是"),  # a rate of change: 29.15% is not 30%
    ("说明里说比上年增长30%，这个增长率对吗", 1.3012, "是"),  # (to the claim's own rounding)
    ("是不是比上年下降了约12%", 0.885, "是"),  # said roughly: within 5% of it
    # a change in tenths with a bound said before them
    ("收支预算总计比上年涨了超过三成吗", 1.3179, "是"),
    ("收支预算总计比上年涨了超过三成吗", 1.29, "不是"),
    ("比上年降了不到两成吧", 0.85, "是"),
    ("比上年降了不到两成吧", 0.75, "不是"),
])
def test_a_multiple_of_the_other_figure_put_up(question, ratio, verdict):
    from qa.claims import multiple_verdict
    assert multiple_verdict(question, ratio) == verdict


def test_a_share_put_up_is_a_range_of_percent():
    from qa.claims import claimed_share

    at_least = claimed_share("其他收入占总收入有没有三成")
    assert at_least.holds(30.0) and not at_least.holds(29.64)
    about = claimed_share("接待费是不是占了六成")
    assert about.holds(60.22) and not about.holds(66.0)
    assert claimed_share("财政拨款是不是超过一半").holds(55.85) and not claimed_share("是不是超过一半").holds(50.0)
    assert claimed_share("有三成多吗").holds(35.0) and not claimed_share("有三成多吗").holds(41.0)
    # a rate of change, or a share asked for, is no share put up
    assert claimed_share("比上年增长了三成吗") is None and claimed_share("占比多少") is None
    # cells said empty or zero ("那几格都是空的", "全是0") are no "all of it from one source"
    assert claimed_share("三公表里公务用车那几格都是空的，是一辆公务车都没有吗？") is None
    assert claimed_share("政府采购表全是0，是真的一点没采购吗") is None
    assert claimed_share("钱是不是全靠财政拨款？").holds(100.0)
    # a percentage in words, and a rate reached ("到九成"); a precision asked is no bound
    assert claimed_share("三公经费占支出总计不到百分之三吧").holds(2.08) and not claimed_share("不到百分之三吧").holds(3.5)
    assert claimed_share("预算执行率到九成了没有").holds(95.89) and not claimed_share("执行率到九成了吗").holds(89.0)
    assert claimed_share("人员经费占基本支出的百分之几，精确到0.1%") is None


def test_the_hundred_of_a_percentage_is_no_amount_claimed():
    """"超过百分之二十吗" puts up a share, not an amount over 100 (过百)."""
    from qa.claims import claims_in
    assert claims_in("三公经费占支出总计超过百分之二十吗？") == []
    assert claims_in("三公经费过百万了吗")[0].low == 1e6


def test_an_order_of_magnitude_reached_is_that_much_or_more():
    """"上亿", "上万", "上百万": at least that much, with no ceiling (12.02万 is 上万)."""
    assert _spans("总支出有没有上亿") == [(1e8, math.inf)]
    assert _spans("接待费居然上百万？") == [(1e6, math.inf)]
    (ten_thousands,) = claims_in("三公经费上万了吗")
    assert ten_thousands.holds(120200) and not ten_thousands.holds(9000)


@pytest.mark.parametrize("question, verdict, value", [
    ("阳泉民政局二零二四年总支出有没有上亿？", "no", "8406.85"),  # 公开01表 本年支出合计
    ("阳泉民政局24年三公经费上万了吗", "yes", "12.02"),
])
def test_an_order_of_magnitude_is_checked_against_the_figure(engine, question, verdict, value):
    answer = engine.ask(question)
    assert answer.verdict == verdict, answer.answer
    assert answer.figures[0].value == value


def test_amounts_said_in_words_with_more_or_about():
    two_hundred_million_plus = claims_in("预算总共差不多两个多亿吧")[0]
    assert two_hundred_million_plus.holds(2.77e8) and not two_hundred_million_plus.holds(3.5e8)
    twenty_odd = claims_in("收入比支出多了二十来万吧")[0]
    assert twenty_odd.change and twenty_odd.holds(208800) and not twenty_odd.holds(310000)


@pytest.mark.parametrize("question, verdict, value", [
    ("听说阳泉民政局24年三公经费翻了一倍？", "no", "12.02"),  # hearsay: 比上年下降8.87%
    ("临汾民政局接待费居然上百万？19年公务接待到底花了多少", "no", "0"),  # disbelief put as a question
])
def test_hearsay_and_disbelief_are_claims_to_check(engine, question, verdict, value):
    answer = engine.ask(question)
    assert answer.verdict == verdict, answer.answer
    assert value in [f.value for f in answer.figures] and answer.citations


def test_a_figure_quoted_from_the_text_is_checked_against_the_table(engine):
    answer = engine.ask("阳泉民政局24年说明里写的三公经费是13.19万元，跟表里的数对得上吗？")
    assert answer.verdict == "no" and answer.answer.startswith("对不上"), answer.answer
    assert answer.figures[0].value == "12.02" and answer.citations[0].table_title.endswith("三公”经费支出决算表")


def test_numerals_in_words_with_hundreds_and_thousands():
    """"一百多万" is 100万 to 200万, "三千多万" 3000万 to 4000万 (not 一 before a bare 百)."""
    assert _spans("不是有一百多万吗") == [(1e6, 2e6)]
    assert _spans("我记得是三千多万") == [(3e7, 4e7)]


@pytest.mark.parametrize("question, verdict, value", [
    ("我记得阳泉民政局2024年三公经费是15万，对吗？", "no", "12.02"),  # a figure remembered wrongly
    ("阳泉市民政局2024年三公经费是12.02万元吗", "yes", "12.02"),  # the printed figure put as a question
    ("阳泉民政局24年三公经费不是有一百多万吗", "no", "12.02"),  # a rhetorical 不是…吗
    ("我记得阳泉民政局24年总支出是八千多万", "yes", "8406.85"),  # remembered, said without 对吗
])
def test_a_remembered_figure_is_confirmed_or_corrected(engine, question, verdict, value):
    answer = engine.ask(question)
    assert answer.verdict == verdict, answer.answer
    assert answer.figures[0].value == value and answer.citations


def test_counts_claimed_are_ranges_of_things_not_money():
    (vehicles,) = claims_in("我记得省委办公厅19年有150辆公车，是这个数吗？")
    assert vehicles.counted == "辆" and vehicles.holds(150) and not vehicles.holds(127)
    assert "多少辆" in vehicles.clause  # what is counted stays said: "有多少辆公车"
    (several,) = claims_in("听说有好几个项目搞了绩效目标管理，是吗？")
    assert several.counted == "个" and not several.holds(0)
    # a count asked, a determiner, an ordinal or an amount in 亿 is no count claimed
    for text in ("一共有几个项目", "这两个民政局有没有花钱出国的", "第2个项目", "预算总共两个多亿吧"):
        assert not [c for c in claims_in(text) if c.counted], text



def test_a_clause_saying_only_more_goes_on_with_the_change_asked_before_it(engine):
    """"比上年多了多少？是不是多了四万多？": the 四万多 is a change (the stated 4.38万元), not the level."""
    (claim,) = claims_in("阳泉民政局24年机关运行经费比上年多了多少？是不是多了四万多？")
    assert claim.change
    answer = engine.ask("阳泉民政局24年机关运行经费比上年多了多少？是不是多了四万多？")
    assert answer.verdict == "yes" and answer.figures[0].value == "4.38"


def test_a_floor_said_with_guo_or_po():
    """"过千万", "破亿" with no number: that much or more; a one-character floor word before a
    measure word ("通过项目") is no count claimed."""
    assert _spans("总支出有没有过千万") == [(1e7, math.inf)]
    assert _spans("三公经费破亿了吗") == [(1e8, math.inf)]
    assert claims_in("通过项目支出安排") == []


def test_an_item_claimed_largest_is_checked_against_the_ranking(engine):
    """"X所占比重最高，对吗" and "哪一项最多，是X吗": the ranking, with 是 or 不是 for the item
    guessed; a guess that names no ranked item (or only part of one's name) gets no verdict."""
    wrong = engine.ask("判断对错：阳泉市民政局2024年支出里，卫生健康支出所占比重最高。")
    assert wrong.verdict == "no" and wrong.answer.startswith("不是")
    right = engine.ask("阳泉市民政局2024年支出里，哪一类最多，是社会保障和就业吗？")
    assert right.verdict == "yes" and right.figures[0].value == "7526.75"
    unnamed = engine.ask("阳泉市民政局2024年支出里，哪一类最多，是会议费吗？")
    assert unnamed.verdict is None and unnamed.figures[0].value == "7526.75"
    everyday = engine.ask("临汾民政局19年商品和服务支出里哪一项最多，不会是公务接待吧？")  # 公务接待费, ranked lower
    assert everyday.verdict == "no" and everyday.answer.startswith("不是")


@pytest.mark.parametrize("text, clause", [
    ("万里街道24年是不是真的一分三公预算都没有？", "万里街道24年是不是真的三公预算花了"),  # the item inside stays
    # a count of nothing asks the count, by its measure word ("一辆…都没" asks 多少辆)
    ("阳泉民政局24年一辆车都没买吗？", "阳泉民政局24年买多少辆车吗"),  # vehicles bought, a flow, not the 25 held
    ("区政府办25年是一辆公务车都没有吗？", "区政府办25年是有多少辆公务车吗"),
])
def test_nothing_at_all_is_a_zero_claim_of_what_it_names(text, clause):
    claims = claims_in(text)
    assert [(c.low, c.high) for c in claims] == [(0.0, 0.0)] and claims[0].clause == clause
    assert claims[0].counted == ("辆" if "辆" in text else None)


def test_none_at_all_put_up_in_disbelief_is_answered_on_that_proposition(engine):
    """"那8.5万彩票公益金，难道真的一分钱都没花出去？": 临汾 公开08表 彩票公益金支出 0 — yes,
    none was spent (not "没有" read as a no)."""
    answer = engine.ask("临汾民政局19年拿到的那8.5万彩票公益金，难道真的一分钱都没花出去？")
    assert answer.verdict == "yes" and answer.figures[0].value == "0", answer.answer


def test_a_count_of_nothing_held_is_checked_against_the_vehicles_held(engine):
    """"一辆公车都没有吗": the 25 vehicles 阳泉 holds (公开10表), not the 12.02万元 spent on them."""
    answer = engine.ask("阳泉民政局24年一辆公车都没有吗")
    assert answer.verdict == "no" and answer.figures[0].value == "25" and answer.figures[0].unit == "辆", answer.answer


def test_disbelief_put_as_a_question_is_checked(engine):
    """"真的一分钱都没花？", "难道…一辆车都没买？", "不会吧，…比上年还多？", "…不会又…吧？": the claim
    checked, yes or no, with the figure that decides it."""
    none_bought = engine.ask("难道阳泉民政局24年一辆车都没买？")
    assert none_bought.verdict == "yes" and none_bought.figures[0].value == "0" and "25辆" not in none_bought.answer
    spent = engine.ask("阳泉民政局24年三公经费真的一分钱都没花？")
    assert spent.verdict == "no" and any(f.value == "12.02" for f in spent.figures)
    bought = engine.ask("阳泉民政局24年不会又买公车了吧？")
    assert bought.verdict == "no"
    restated = engine.ask("阳泉民政局24年买公车了吗？难道一分都没花？")  # the 难道 restates the question
    assert restated.verdict == "no" and restated.answer.startswith("没有")


def test_a_rise_asked_alone_is_against_the_year_before(engine):
    """"三公经费下降了吗" (nothing said to set it against): the change on the year before the
    narrative states, yes or no; never 有 for the figure existing."""
    answer = engine.ask("阳泉民政局24年三公经费下降了吗")
    assert answer.verdict == "yes" and answer.answer.startswith("是") and "1.17" in answer.answer
    answer = engine.ask("阳泉民政局24年三公经费涨了吗")
    assert answer.verdict == "no" and not answer.answer.startswith("有")


def test_the_over_of_a_verb_is_no_floor_and_over_asked_with_mei_is_a_yes_no():
    """"买过一辆" says a car was bought (过 of the verb), no floor to check; "过一个亿没" asks."""
    assert not [c for c in claims_in("24年不是刚买过一辆吗") if c.high == math.inf]
    (over,) = checked_claims(arabic_amounts("预算总共过一个亿没"))
    assert over.asked and over.low > 100_000_000


@pytest.mark.parametrize("question, verdict", [
    ("阳泉民政局24年三公经费是整数吗", "no"),  # 12.02
    ("临汾民政局19年政府采购是不是整数", "yes"),  # 0: no other yes or no read from 是不是 stays beside it
])
def test_whether_a_figure_is_a_whole_number(engine, question, verdict):
    answer = engine.ask(question)
    assert answer.verdict == verdict and answer.answer.count("。", 0, 4) == 1


def test_a_count_of_kinds_asked_is_never_an_amount(engine):
    """"空着的有几类": a count; no sum of money answers it."""
    answer = engine.ask("阳泉民政局24年支出决算表里，空着的有几类？")
    assert not any(f.unit in ("万元", "元") for f in answer.figures)


def test_a_statement_asking_what_for_is_no_claim(engine):
    """"…200多万是干嘛用的？": what it is for, not whether 200多万 is right."""
    assert not engine.ask("阳泉民政局24年养老服务2749万是干嘛用的？").verdict


@pytest.mark.parametrize("question, verdict", [
    # a fall of 62.3% (stated): "六成多" is 60% to 70%, "七成多" 70% to 80%
    ("听说阳泉市民政局2024年的收入总计比上一年少了六成多，是真的吗？", "是"),
    ("听说阳泉市民政局2024年的收入总计比上一年少了七成多，是真的吗？", "不是"),
])
def test_a_change_claimed_in_tenths(engine, question, verdict):
    assert engine.ask(question).answer.startswith(verdict + "。")


def test_the_tenths_a_change_claims():
    from qa.claims import multiple_verdict
    assert multiple_verdict("比上年少了六成多", 1 - 0.623) == "是"
    assert multiple_verdict("比上年增长了三成", 1.28) == "是"  # (三成 said alone: 25% to 35%)
    assert multiple_verdict("比上年增长了三成", 1.36) == "不是"


@pytest.mark.parametrize("question, verdict, value", [
    # a rate reached, put up: the rate decides and leads ("为", not a share's "占")
    ("阳泉市民政局2024年一般公共预算财政拨款支出完成年初预算的比例到九成了没有？", "yes", "149.52"),
    # a change in tenths with a bound: the stated rate of the change decides and leads
    ("临汾市民政局2019年三公经费比上年降了超过三成吗？", "yes", "40.13"),
    ("临汾市民政局2019年三公经费比上年降了不到三成吧？", "no", "40.13"),
])
def test_a_rate_put_up_with_a_bound_is_decided_by_the_rate(engine, question, verdict, value):
    answer = engine.ask(question)
    assert answer.verdict == verdict and answer.figures[0].value == value and answer.figures[0].unit == "%", answer.answer


@pytest.mark.parametrize("question, verdict", [
    ("说阳泉民政局24年三公经费比上年压减了1.17万，是真的吗？", "yes"),  # a change claimed in an office verb
    ("说阳泉民政局24年三公经费比上年压减了5万，是真的吗？", "no"),
])
def test_a_cut_claimed_in_office_words_is_a_change(engine, question, verdict):
    answer = engine.ask(question)
    assert answer.verdict == verdict and answer.figures[0].value == "1.17", answer.answer


def test_a_span_claimed_is_one_claim_with_both_ends():
    """"在10万到50万之间吗": one claim holding from 10万 to 50万 (both ends), not two exact figures."""
    (claim,) = claims_in("临汾民政局19年的公用经费在10万到50万之间吗？")
    assert (claim.low, claim.asked) == (100000.0, True) and claim.holds(500000.0) and not claim.holds(500100.0)
    (claim,) = claims_in("三公经费在10到20万元之间？")
    assert claim.holds(120200.0) and not claim.holds(99999.0)


def test_a_span_or_an_amount_doubted_with_nandao_is_checked(engine):
    assert engine.ask("阳泉民政局24年三公经费在10万到20万之间吗？").verdict == "yes"
    assert engine.ask("阳泉民政局24年三公经费在20万到30万之间？").verdict == "no"
    assert engine.ask("阳泉民政局24年三公经费难道只有十几万？").verdict == "yes"
    # (a negation after 难道 is the negation module's, no amount claim: "难道没比17年多")
    from core.vocab import has_cue
    assert not has_cue("yesno", "难道没比17年多？到底差了多少")


def test_a_change_claimed_in_tenths_then_the_amount_asked(engine):
    """"涨了一成多？到底花了多少": the claim checked (12.33%), the year's own amount (39.89) heading,
    not the change (4.38)."""
    answer = engine.ask("阳泉民政局24年机关运行经费涨了一成多？到底花了多少？")
    assert answer.verdict == "yes" and answer.figures[0].value == "39.89"


def test_a_choice_asked_after_an_amount_told_is_the_question():
    """"基本支出105万多，主要是人员经费还是公用经费": the amount is background, the choice asks; a
    choice between two amounts ("是12.02万还是13.19万") still checks a figure."""
    from qa.claims import asks_truth
    assert not asks_truth("普陀社工部24年基本支出105万多，主要是人员经费还是公用经费？")
    assert asks_truth("阳泉民政局24年三公经费是12.02万还是13.19万？")


def test_a_change_claimed_the_wrong_way_then_the_amount_asked(engine):
    """"比上年涨了1.17万吧？现在是多少": 三公经费 fell 1.17万元 — 不对, said with the way it went —
    and the year's own figure (12.02) heads, the change after it."""
    answer = engine.ask("阳泉民政局24年三公经费是比上年涨了1.17万吧？现在是多少？")
    assert answer.verdict == "no" and "文件中为减少1.17万元" in answer.answer, answer.answer
    assert [f.value for f in answer.figures][:2] == ["12.02", "1.17"]


def test_a_computed_amount_is_set_against_the_one_amount_the_question_puts_up():
    # "其他加起来超过300万了吗": 262.60万 is not; the word answers as the question asks (有没有 → 有/没有)
    assert amount_verdict("除了公务接待费，其他加起来超过300万了吗？", 2_626_000) == ("no", "不是")
    assert amount_verdict("除了公务接待费，其他加起来有没有超过200万？", 2_626_000) == ("yes", "有")
    assert amount_verdict("除了公务接待费，其他加起来是多少？", 2_626_000) is None  # no amount put up
    assert amount_verdict("比上年增加了30万吗？", 300_000) is None  # a change claimed is checked against the change


def test_a_figure_the_narrative_states_is_checked_against_the_tables_not_itself(pdf_engine):
    """福利院 2024: the 编制说明 says 社会福利事业单位 738.66万; the tables print 9,584,796 元 (all funds)
    and 6,964,796 元 (一般公共预算): neither agrees, both shown."""
    found = pdf_engine.ask("福利院24年说明里写社会福利事业单位738.66万，跟表里的数对得上吗？")
    assert found.verdict == "no" and found.answer.startswith("对不上。")
    assert "9,584,796元" in found.answer and "6,964,796元" in found.answer
    assert all(c.table_title for c in found.citations)
