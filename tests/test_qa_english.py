"""English words mixed into a Chinese question, and years written without 年 or said in words."""
from __future__ import annotations

from index.entities import arabic_years
from qa.english import place_readings, read_english

PLACES = place_readings({"阳泉", "临汾", "万里", "江苏"})


def test_known_words_and_place_pinyin_are_read_as_chinese():
    assert read_english("Yangquan 民政局 2024年, 请客吃饭的钱 how much?", lambda: PLACES) == "阳泉民政局2024年,请客吃饭的钱多少?"
    assert read_english("临汾民政局 2019年 money 都 spend 在什么地方?", lambda: PLACES) == "临汾民政局2019年钱都花在什么地方?"
    assert read_english("Wanli street 2025 buy new car", lambda: PLACES) == "万里街道2025购置新车"


def test_retirees_and_spending_categories_in_english():
    assert read_english("How many retired staff does the Linfen Civil Affairs Bureau have?", lambda: PLACES).startswith("多少离退休人员")
    assert "类级科目最多" in read_english("Which spending category takes the biggest slice of Wanli's 2025 budget?", lambda: PLACES)


def test_insurance_and_running_costs_are_read_as_the_words_a_disclosure_files_them_under():
    assert read_english("省委办公厅19年 social insurance 交了多少", lambda: PLACES) == "省委办公厅19年社保交了多少"
    assert read_english("机关 running cost 里哪三项最多", lambda: PLACES) == "机关运行经费里哪三项最多"


def test_personnel_cost_overseas_trips_and_retirement_in_english():
    assert read_english("临汾民政局19年 personnel cost 是多少", lambda: PLACES) == "临汾民政局19年人员经费是多少"
    assert read_english("区府办25年三公 budget 里面 overseas trip 占了多大比例", lambda: PLACES) == "区府办25年三公预算里面因公出国（境）费占了多大比例"
    assert read_english("省委办公厅18年 retirement 那块 spending 为啥少了", lambda: PLACES) == "省委办公厅18年离退休那块支出为啥少了"


def test_words_nobody_listed_are_left_as_written():
    assert read_english("阳泉民政局 xyzzy 三公经费", lambda: PLACES) == "阳泉民政局xyzzy三公经费"
    assert read_english("阳泉民政局三公经费多少", lambda: PLACES) == "阳泉民政局三公经费多少"


def test_a_place_two_names_share_in_pinyin_is_not_guessed():
    assert "shanxi" not in place_readings({"山西", "陕西"})  # both read shanxi


def test_years_without_nian_or_said_in_words_get_their_nian():
    assert arabic_years("政协 2017 三公") == "政协 2017年 三公"
    assert arabic_years("2023、2024、2025这三年") == "2023年、2024年、2025年这三年"
    assert arabic_years("临汾民政局两千零一十九年三公经费") == "临汾民政局2019年三公经费"
    assert arabic_years("二零二四年") == "2024年"
    # a letter typed for the digit it looks like ("20l8", "二O一九"); no year, no change
    assert arabic_years("政协20l8年委员视察") == "政协2018年委员视察"
    assert arabic_years("二O一九年的三公") == "2019年的三公" and arabic_years("2O19年") == "2019年"
    assert arabic_years("IOOO年") == "IOOO年"
    # a year no disclosure has, two neighbouring digits swapped: the one budget year a swap gives
    assert arabic_years("阳泉市民政局2204年三公经费") == "阳泉市民政局2024年三公经费"
    assert arabic_years("2030年目标") == "2030年目标" and arabic_years("2240年") == "2240年"
    # a relative year counted from the year said before it, or from the present said as a year
    assert arabic_years("临汾市民政局2021年的上上年，三公经费") == "临汾市民政局2019年，三公经费"
    assert arabic_years("现在都2026年了，阳泉民政局上上年的社保支出") == "阳泉民政局2024年的社保支出"
    assert arabic_years("2019年的上年结转") == "2019年的上年结转"  # (上年结转 is a row, no year)
    # a search box's two digits right after the name
    assert arabic_years("省委办公厅17采购") == "省委办公厅17年采购"
    assert arabic_years("政协19 买公车没") == "政协19年 买公车没"
    assert arabic_years("委办18 人员经费？") == "委办18年 人员经费？"  # (人员 is no count of 人)
    assert arabic_years("委办19 项目支出多少") == "委办19年 项目支出多少"  # (项目 is no count of 项)
    assert arabic_years("政协 2019 项目支出") == "政协 2019年 项目支出"
    # a year said by its last two numbers, as people say it aloud
    assert arabic_years("政协办公厅十八年委员视察") == "政协办公厅18年委员视察"
    assert arabic_years("万里街道二十四年预算") == "万里街道24年预算"


def test_a_span_of_years_said_in_words_is_no_year():
    for text in ("近十九年", "十八年来", "工作了二十四年", "第十八年", "连续十二年"):
        assert arabic_years(text) == text


def test_amounts_counts_and_codes_are_no_years():
    for text in ("支出2019万元", "2,019,000元", "2019.5", "2080505", "2020辆", "20190101", "共19项", "2019项",
                 "三公经费12万", "前10名", "公开09表", "占比12", "有15辆车", "第12项", "30211差旅费"):
        assert arabic_years(text) == text


def test_an_english_name_glossed_in_chinese_is_read_from_the_gloss():
    said = read_english("What was the total 2018 budget of the Jiangsu Party Committee General Office (省委办公厅)?",
                        lambda: PLACES)
    assert "江苏(省委办公厅)" in said and "党委" not in said  # the place kept, the rest of the name from the gloss
    assert read_english("Wanli subdistrict (万里街道) 2025", lambda: PLACES).startswith("万里街道(万里街道)")


def test_comparisons_and_parts_said_in_english():
    said = read_english("How much more did Yangquan spend on 三公经费 in 2024 than Linfen did in 2019?", lambda: PLACES)
    assert said.startswith("多多少") and "比临汾" in said
    assert "服务" in read_english("government procurement: how much of it was for services?", lambda: PLACES)


def test_comparisons_compositions_and_totals_said_in_english():
    """"how much bigger … than" is a difference, "what makes up" a breakdown, "total budget" the
    whole budget (总预算), not the 总共 that adds two bodies up."""
    said = read_english("In 2025, how much bigger was the total budget of 万里街道 than that of 区府办?", lambda: PLACES)
    assert "多多少" in said and "总预算" in said and "总共" not in said
    assert "由哪些构成" in read_english("What makes up the 一般公共服务支出?", lambda: PLACES)
    assert "运行维护" in read_english("running and maintaining the cars", lambda: PLACES)


def test_grammar_words_are_read_as_nothing_and_names_of_bodies_in_english():
    """"the", "of", "did" need no Chinese (left in, they were "not recognised"); the template's
    bodies in English: Government Office, Social Welfare Institute, the General Office of a
    Provincial Party Committee (said in either order)."""
    assert read_english("How much did the Linfen Civil Affairs Bureau spend on urban and rural medical assistance in 2019?",
                        lambda: PLACES) == "临汾民政局城乡医疗救助2019花了多少?"
    assert read_english("How many official vehicles does the General Office of the Jiangsu Provincial Party Committee have?",
                        lambda: PLACES).startswith("多少辆公务用车江苏省委办公厅")


def test_english_word_orders_read_in_the_chinese_order():
    """"What share of A went to B" is "B占A的百分之几"; "total 2024 expenditure" the year's 总支出;
    "split between A and B" each of the two."""
    assert read_english("What share of the Yangquan Civil Affairs Bureau's total 2024 expenditure went to housing?",
                        lambda: PLACES) == "住房保障支出占阳泉民政局2024总支出的百分之几?"
    assert read_english("How is it split between routine running costs and project spending?",
                        lambda: PLACES).endswith("基本支出和项目支出各是多少?")


def test_internet_shorthand_is_read_as_nothing():
    # (its digit would otherwise join the next word: "u1s1万里" read as 1万)
    assert read_english("u1s1 万里街道24年预算里公务用车购置费安排了多少钱？", lambda: PLACES) == "万里街道24年预算里公务用车购置费安排了多少钱？"
    assert read_english("阳泉民政局24年三公经费多少 yyds", lambda: PLACES) == "阳泉民政局24年三公经费多少"
    assert read_english("阳泉民政局 dd", lambda: PLACES) == "阳泉民政局"


def test_a_yes_or_no_asked_in_english_and_its_words():
    # "Did …?" asks as Chinese does with 吗; "buying" is 购置, "housing provident fund" 住房公积金
    said = read_english("Did the Wanli street office budget any money for buying official cars in 2025?", lambda: PLACES)
    assert said.endswith("吗？") and "购置" in said and "公务用车" in said
    assert "住房公积金" in read_english("What is Wanli's 2025 budget for the housing provident fund?", lambda: PLACES)
    assert read_english("And the year before that?", lambda: PLACES).startswith("和那前一年呢")


def test_changes_and_comparisons_in_english():
    said = read_english("Why did Yangquan's total income fall so much in 2024 compared with the year before?", lambda: PLACES)
    assert "减少这么多" in said and "比上年" in said
    assert "增加" in read_english("Why did spending jump in 2024?", lambda: PLACES)


def test_how_much_did_someone_spend_on_something_reads_who_what_then_how_much():
    said = read_english("And how much did it spend on running its official vehicles that year?", lambda: PLACES)
    assert said.endswith("花了多少?") and "公务用车运行维护费" in said and "是否" not in said
