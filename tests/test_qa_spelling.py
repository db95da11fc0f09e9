"""The speller reads slips as words the store and lexicon know, never rewrites a word spelled
right, and works in time linear in the question."""
from __future__ import annotations

import pytest

from qa.spelling import Correction, Speller

WORDS = ["民政局", "招待费", "公车的钱", "公车", "买车", "政协办公厅"]


def speller() -> Speller:
    return Speller(WORDS)


def test_a_slip_is_read_as_the_word_it_sounds_like():
    text, corrections = speller().correct("民证局24年招代费多少")
    assert text == "民政局24年招待费多少"
    assert [(c.written, c.meant) for c in corrections] == [("民证局", "民政局"), ("招代费", "招待费")]


def test_a_character_typed_twice_inside_a_word_is_dropped_once():
    """"民政政局": one 政 dropped (民政局 is known); a doubled character spelling nothing known
    ("天天搞培训") stays."""
    text, corrections = speller().correct("阳泉市民政政局24年招待费")
    assert text == "阳泉市民政局24年招待费" and [(c.written, c.meant) for c in corrections] == [("民政政局", "民政局")]
    assert speller().correct("政协天天搞培训") == ("政协天天搞培训", [])


def test_a_short_word_spelled_right_is_never_a_slip():
    # "买车的钱" is one character off "公车的钱", but 买车 is a word of its own
    assert speller().correct("买车的钱呢") == ("买车的钱呢", [])


def test_a_known_word_inside_the_window_stays():
    assert speller().correct("政协办公听2019年")[0] == "政协办公厅2019年"


SPELLER_WORDS = {"办公费", "民政局", "差旅费", "会议费", "培训费"}


@pytest.mark.timeout(30)  # a guard: every window was checked against every known word found (minutes here)
def test_slips_in_a_long_question_are_corrected_as_in_a_short_one():
    speller = Speller(SPELLER_WORDS)
    said = "阳泉民证局办工费会议费，"
    assert speller.correct(said) == ("阳泉民政局办公费会议费，",
                                     [Correction("民证局", "民政局"), Correction("办工费", "办公费")])
    text, corrections = speller.correct(said * 3500)
    assert text == "阳泉民政局办公费会议费，" * 3500
    assert corrections == [Correction("民证局", "民政局"), Correction("办工费", "办公费")] * 3500


def test_a_window_across_the_edge_of_a_word_spelled_right_is_no_slip():
    """In "会议费标" the window 议费标 sounds one character off 议费表, but 会议费 is spelled right
    across its edge; a window holding a right word whole may still be a slip ("政协办公听")."""
    speller = Speller(SPELLER_WORDS | {"议费表"})
    assert speller.correct("会议费标") == ("会议费标", [])
    assert speller.correct("议费标") == ("议费表", [Correction("议费标", "议费表")])


def test_a_known_word_spelled_right_with_a_neighbour_is_no_slip_for_a_longer_one():
    """"万里街道差多少": 万里街道 is spelled right and 差 follows it; no slip for 万里街道办."""
    speller = Speller({"万里街道", "万里街道办", "民政局"})
    assert speller.correct("政府办公室和万里街道差多少") == ("政府办公室和万里街道差多少", [])
    assert speller.correct("万里街道力的预算")[0] == "万里街道力的预算"
    assert speller.correct("阳泉民证局")[0] == "阳泉民政局"


def test_a_long_name_one_sound_off_is_read_even_across_a_word():
    from index.lexical import is_word

    speller = Speller(["住房公积金", "退休费", "基金"], is_word)
    # 基金 is a word, but five characters that sound like 住房公积金 are a slip for it
    assert speller.correct("住房公基金交了多少")[0] == "住房公积金交了多少"
    # 老 makes 老同志 with what follows: no slip for 退休费
    assert speller.correct("我是退休老同志")[0] == "我是退休老同志"


def test_the_share_word_is_never_a_slip():
    # "占收入" is one character off 总收入, but 占 asks for a share
    assert Speller(["总收入"]).correct("财政拨款占收入的百分之多少")[0] == "财政拨款占收入的百分之多少"


def test_a_wrong_two_character_word_read_the_same_is_a_slip():
    """An input method's homophone word inside a longer name ("万里接到": 接到 for 街道, both
    jie dao) is read as the name, though 接到 is a word; a label with a letter is never meant."""
    speller = Speller(["万里街道", "政府采购", "服务C"], is_word=lambda w: w == "接到")
    assert speller.correct("万里接到24年办公费")[0] == "万里街道24年办公费"
    assert speller.correct("万里接待24年")[0] == "万里接待24年"  # 接待 is not read jie dao
    assert speller.correct("政府采购里服务类多少")[0] == "政府采购里服务类多少"


def test_three_characters_with_one_unlike_are_no_slip():
    # "查政府" is one character off 区政府, but 查 does not sound like 区
    assert Speller(["区政府"]).correct("老师让我们查政府部门的钱")[0] == "老师让我们查政府部门的钱"


def test_everyday_phrases_with_grammar_are_no_slips_target(engine):
    speller = engine.lib.speller
    # "下面管着" is an everyday phrase of the vocabulary: "下面写着" is another phrase, not a slip for it
    assert speller.correct("决算表下面写着说明")[0] == "决算表下面写着说明"
    assert "招待费" in speller.correct("区府办25年招代费多少")[0]  # an everyday name still is a target


def test_a_long_budget_word_with_a_character_left_out_is_a_slip():
    """"一般公共预拨款" is 一般公共预算拨款 with 算 left out; a body's short name is no such slip
    ("阳泉民政局" is short for 阳泉市民政局, which only the resolver reads)."""
    speller = Speller(["一般公共预算拨款", "阳泉市民政局"], droppable={"一般公共预算拨款"})
    assert speller.correct("24年一般公共预拨款支出多少")[0] == "24年一般公共预算拨款支出多少"
    assert speller.correct("阳泉民政局有几辆车")[0] == "阳泉民政局有几辆车"
    assert Speller(["区政府办公室"]).correct("区政府办公多少")[0] == "区政府办公多少"  # (the end left out: no slip)


def test_a_name_in_office_shorthand_is_written_out():
    """"商品服务支出" is 商品和服务支出 without its 和, "个人家庭补助" 对个人和家庭的补助; a 及 or 与
    that makes a word with its neighbour stays (科学技术普及 has no shorthand 科学技术普)."""
    speller = Speller(["商品和服务支出", "对个人和家庭的补助", "科学技术普及"], is_word=lambda w: w in {"普及"})
    assert speller.correct("19年商品服务支出多少")[0] == "19年商品和服务支出多少"
    assert speller.correct("个人家庭补助多少")[0] == "对个人和家庭的补助多少"
    assert speller.correct("科学技术普多少")[0] == "科学技术普多少"


def test_a_verb_with_its_particle_is_no_word_left_short():
    """"一般公共预拨款" is 一般公共预算拨款 typed short; "财政拨款出了" says who paid, no 支 of
    支出 left out."""
    speller = Speller(["一般公共预算拨款", "财政拨款支出", "政府性基金支出"])
    assert speller.correct("一般公共预拨款多少")[0] == "一般公共预算拨款多少"
    assert speller.correct("养老服务财政拨款出了多少钱") == ("养老服务财政拨款出了多少钱", [])
    assert speller.correct("是政府性基金出的吗") == ("是政府性基金出的吗", [])


def test_a_slip_of_a_casual_word_is_read_as_the_standard_words(engine):
    """"工务车" is one character off 公务车, a casual word colloquial.toml rewrites as 公务用车: the
    slip corrected, then read as the standard words ("有没有安排钱买新的…": the 购置费 decides)."""
    from qa.understand import understand

    plan = understand("阳泉民政局24年有没有安排钱买新的工务车？", engine.lib)
    assert "公务用车" in plan.text and [(c.written, c.meant) for c in plan.corrections] == [("工务车", "公务车")]


def test_a_verb_with_its_particle_is_no_slip():
    """"社会福利花了多少": 花了 is what was done, not a slip for the 院 of 社会福利院."""
    speller_with_body = Speller(WORDS + ["社会福利院"])
    assert speller_with_body.correct("阳泉民政局24年社会福利花了多少") == ("阳泉民政局24年社会福利花了多少", [])
    assert speller_with_body.correct("社会福利园24年预算多少")[0] == "社会福利院24年预算多少"


def test_a_name_holding_a_place_is_corrected_outside_the_place_only():
    """"江苏征协" is 江苏政协 typed by sound; "临沂民政局" is another place's body, never 临汾's,
    and a slip that does not sound alike is no slip for a name holding a place."""
    placed = {"江苏政协": frozenset({0, 1}), "临汾民政局": frozenset({0, 1})}
    spell = Speller(WORDS, placed=placed)
    assert spell.correct("江苏征协19年有几辆车")[0] == "江苏政协19年有几辆车"
    assert spell.correct("临沂民政局19年三公经费")[0] == "临沂民政局19年三公经费"
    assert spell.correct("江苏正协17年预算")[0] == "江苏政协17年预算"
    assert spell.correct("江苏新协17年预算")[0] == "江苏新协17年预算"


def test_a_place_written_with_a_character_read_exactly_alike_is_that_place():
    """"林汾" (lin2 fen2) is 临汾 typed by sound, tone and all; "临沂" is another place, and "临粉"
    (fen3) another reading: neither is corrected."""
    spell = Speller(WORDS, placed={"临汾民政局": frozenset({0, 1}), "阳泉民政局": frozenset({0, 1})})
    assert spell.correct("林汾民政局19年三公经费")[0] == "临汾民政局19年三公经费"
    assert spell.correct("杨泉民政局24年有几辆车")[0] == "阳泉民政局24年有几辆车"
    for other in ("临沂民政局19年三公经费", "临粉民政局19年三公经费"):
        assert spell.correct(other)[0] == other


def test_a_name_heard_right_and_written_wrong_is_read_with_the_characters_the_text_uses():
    from qa.spelling import Speller

    heard = Speller.heard_as("南京进代史遗址", "南京中国近代史遗址博物馆管理建设办公室在职10名人员")
    assert "南京近代史遗址" in heard
    assert Speller.heard_as("南京近代史", "南京中国近代史遗址") == []  # nothing written wrong
    assert Speller.heard_as("南京远代史", "南京中国近代史遗址") == []  # 远 does not read as 近


def test_pinyin_left_in_a_question_is_read_as_the_word_it_spells_with_its_neighbours():
    """Syllables ("sangong经费", "gongyong经费") or initials ("sgjf", "yq mzj") an input method left
    unconverted: read as the one known word they spell beside the characters around them."""
    speller = Speller(["三公经费", "公用经费", "阳泉民政局", "民政局"], placed={"阳泉民政局": frozenset({0, 1})})
    assert speller.correct("阳泉民政局24年sangong经费多少")[0] == "阳泉民政局24年三公经费多少"
    assert speller.correct("民政局24年gongyong经费里哪项最多")[0] == "民政局24年公用经费里哪项最多"
    assert speller.correct("阳泉民政局24年sgjf多少")[0] == "阳泉民政局24年三公经费多少"
    text, corrections = speller.correct("yq mzj 24年三公经费多少")
    assert text == "阳泉民政局 24年三公经费多少" and [(c.written, c.meant) for c in corrections] == [("yq mzj", "阳泉民政局")]


def test_pinyin_that_reads_as_no_word_or_several_or_two_initials_of_a_budget_word_stays():
    speller = Speller(["津贴补贴", "交通补贴", "三公经费"])
    assert speller.correct("政协17年jt补贴是多少")[0] == "政协17年jt补贴是多少"  # (津贴 or 交通)
    assert speller.correct("政协17年hello是多少")[0] == "政协17年hello是多少"
    assert speller.correct("how much is sgjf")[0] == "how much is sgjf"  # (nothing Chinese around it)
