"""Exam-style questions: a blank to fill, options A–D written into the question."""
from core.text import chinese_number
from qa.exam import exam_form, option_chosen
from qa.model import ANSWERED, LOOKUP, Answer, Figure


def test_a_blank_is_asked_as_how_much():
    assert exam_form("2019年临汾市民政局基本支出比项目支出多______元。").text == "2019年临汾市民政局基本支出比项目支出多多少元。"
    assert exam_form("该局三公经费为（　）万元").text == "该局三公经费为多少万元"


def test_figure_options_are_left_out_and_name_options_are_listed():
    form = exam_form("人员经费约是公用经费的（　）倍。A. 5.2　B. 6.2　C. 7.2　D. 8.2")
    assert form.figures and form.options == ["5.2", "6.2", "7.2", "8.2"] and "5.2" not in form.text
    form = exam_form("公用经费里，下列哪一项花得最多？A. 办公费　B. 取暖费　C. 其他交通费用")
    assert not form.figures and "办公费、取暖费、其他交通费用这几项哪一项花得最多" in form.text
    form = exam_form("机关运行经费中，金额最大的一项是（ ）。A.差旅费 B.会议费")
    assert "差旅费、会议费中的哪一项" in form.text


def test_no_options_without_letters_in_order():
    for question in ("A股市场2080201", "阳泉市民政局2024年三公经费多少", "B. 5 A. 6"):
        assert exam_form(question).options == []


def test_the_option_an_answer_is():
    answer = Answer("q", "7.18倍", ANSWERED, LOOKUP, [Figure("7.18", "倍", None, "倍数", "", 2024)])
    assert option_chosen(exam_form("几倍 A. 5.2 B. 6.2 C. 7.2 D. 8.2"), answer) == "C"
    assert option_chosen(exam_form("几倍 A. 5.2 B. 6.2"), answer) == ""  # none near enough


def test_a_true_false_item_is_asked_as_a_claim_to_check():
    for item in ("判断对错：阳泉市民政局2024年项目支出大于基本支出。", "阳泉市民政局2024年项目支出大于基本支出。（对/错）",
                 "请判断：阳泉市民政局2024年项目支出大于基本支出，对还是错？", "判断题：阳泉市民政局2024年项目支出大于基本支出（√/×）"):
        assert exam_form(item).text == "阳泉市民政局2024年项目支出大于基本支出，对吗？", item
    # a fact-check's own "对不对" is left to the claim route, as asked
    assert exam_form("阳泉三公经费12.02万元，对不对？").text == "阳泉三公经费12.02万元，对不对？"
    assert exam_form("判断：").text == "判断："  # nothing to judge


def test_an_option_said_as_a_fall_is_the_gap_below_zero(engine):
    """"跟年初比，是多了还是少了？A. 少了63.56万元 B. 多了63.56万元": the gap (−63.56) leads and
    is option A; the larger figure (190.81) is not what was asked."""
    answer = engine.ask("阳泉市民政局2024年年末结转和结余跟年初比，是多了还是少了？A. 少了63.56万元 B. 多了63.56万元 C. 少了58.32万元")
    assert answer.figures[0].value == "-63.56" and answer.answer.endswith("（对应选项A）")


def test_the_last_option_ends_where_the_question_asks_on():
    """"C. 其他社会保障和就业支出；再说说主要由哪几款组成": the option is the name; what follows is asked too."""
    form = exam_form("万里街道2023年社会保障和就业支出里哪一款最大？A. 行政事业单位养老支出  B. 就业补助  "
                     "C. 其他社会保障和就业支出；再说说主要由哪几款组成。")
    assert form.options[-1] == "其他社会保障和就业支出" and form.text.endswith("再说说主要由哪几款组成。")


def test_a_place_option_is_the_place_the_ranking_gives(engine):
    """"住房保障支出排第几？A. 第一 B. 第二 C. 第三": the option is the item's place in the ranking
    (its name is in no option); a name option is still matched by name."""
    answer = engine.ask("阳泉市民政局2024年一般公共预算财政拨款支出按类分，卫生健康支出排第几？A. 第一  B. 第二  C. 第三  D. 第四")
    place = chinese_number(answer.figures[0].label.split("排第")[1].rstrip("）"))
    assert answer.answer.endswith(f"（对应选项{'ABCD'[place - 1]}）")
    ranked = Answer("q", "…", ANSWERED, LOOKUP, [Figure("29.42", "万元", None, "住房保障支出（排第二）", "", 2024)])
    assert option_chosen(exam_form("排第几？A. 第一 B. 排第二名 C. 第3"), ranked) == "B"
    assert option_chosen(exam_form("排第几？A. 第一 B. 住房保障支出"), ranked) == "B"
