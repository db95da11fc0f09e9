"""The vocabularies as the stages read them: the unit a question asks, organisation names, the
words for the year before."""
import re

import pytest

from core.vocab import INSIDE, YEAR_BEFORE, asked_units, filler_re, filler_words, has_cue, organisations, shortenings

MONEY = ("亿元", "万元", "千元", "元")


@pytest.mark.parametrize("question, units", [
    ("有几辆车", ("辆",)),
    ("执法执勤的车有几辆", ("辆",)),
    ("公车有多少", ("辆",)),
    ("三公经费里公车的钱多少", MONEY),  # 车 … 多少 with 钱 between asks money
    ("接待了多少批次", ("批次", "批")),
    ("接待了多少人次", ("人次",)),  # not 人
    ("有多少人", ("人", "名")),
    ("那边包括几个在职的", ("人", "名")),  # people counted with 个
    ("包括几个单位", ("个", "家", "项")),
    ("单价100万元（含）以上设备（不含车辆）有几台", ("台（套）", "台", "套")),  # the bracket asks nothing
    ("下属预算单位是多少", ("家", "个")),
    ("占比多少", ("%",)),
    ("2025年的预算有没有安排购置车辆", ("辆",)),  # the vehicles bought, counted
    ("购置车辆花了多少钱", MONEY),  # their price
    ("工作职责是什么", ()),
])
def test_the_unit_a_question_asks(question, units):
    assert asked_units(question) == units


def test_a_rule_for_a_bureau_holds_for_its_provincial_department():
    """文化和旅游局 → 文旅局 gives 文化和旅游厅 → 文旅厅; a 厅 is a known body too."""
    assert ("文化和旅游厅", "文旅厅") in shortenings()
    assert "文化和旅游厅" in organisations() and "公安分局" in organisations()


@pytest.mark.parametrize("said", ["上年", "去年", "上一年", "前一年"])
def test_every_word_for_the_year_before_reaches_the_change_cues(said):
    """intents.toml's one list of these words fills the cues that write $YEAR_BEFORE."""
    assert re.fullmatch(YEAR_BEFORE, said)
    assert has_cue("change", f"三公经费比{said}少了多少")
    assert has_cue("change", f"跟{said}比呢")
    assert not has_cue("change", "三公经费是多少")


@pytest.mark.parametrize("said", ["里", "里面", "里边", "里头", "当中", "之中", "中"])
def test_every_word_for_inside_puts_a_row_inside_its_whole(said):
    """intents.toml's one list of these words fills the patterns that read "基本支出里面取暖费"."""
    from qa.lookup import INSIDE_RE

    assert re.fullmatch(INSIDE, said) and INSIDE_RE.fullmatch(f"{said}的")


def test_filler_lists_load_as_sets_and_ordered_patterns():
    """fillers.toml's word lists are sets of whole words; its pattern lists compile, and a plain
    word is never written after a shorter word it starts with (which would shadow it: "这笔|这笔钱"
    leaves 钱 behind)."""
    assert {"的", "听说", "这笔钱"} <= filler_words("filler_words")
    assert "为什么" in filler_words("question_words")
    for name in ("asking", "plain", "part_filler", "question", "grammar"):
        alternatives = filler_re(name).pattern.split("|")
        plain = [a for a in alternatives if re.escape(a) == a]
        for i, later in enumerate(plain):
            assert not any(later.startswith(earlier) and later != earlier for earlier in plain[:i]), (name, later)
    assert filler_re("part_filler").sub("", "出国的那块预算") == "出国"
    assert filler_re("question").search("好几年") is None and filler_re("question").search("有几个")


@pytest.mark.parametrize("text", ["有人说三公经费比省政协少，2019年是这样吗？", "这个数准确吗", "靠谱吗",
                                  "三公经费真的一分钱都没花？"])
def test_a_statement_put_up_to_be_confirmed(text):
    assert has_cue("truth", text)


def test_a_cue_named_inside_a_pattern_reads_that_cues_words():
    """"$share_part_after" in the share cue, "$question_word" in the yes/no cue: one list in
    intents.toml, read by each pattern that names it."""
    assert has_cue("share", "收入有百分之多少是财政拨款") and has_cue("share_part_after", "收入有百分之多少是财政拨款")
    assert has_cue("yesno", "阳泉民政局三公经费同比下降？")
    assert not has_cue("yesno", "阳泉民政局三公经费怎么还下降了？")  # (a question word asks why)


@pytest.mark.parametrize("question, asks", [
    ("万里街道25年预算比24年多了3000万以上吗", True), ("项目支出超过3000万吗", True), ("比去年多了3000多万吗", True),
    ("前三块是什么", False),  # (什么 asks what, not whether)
    ("三公经费决算是4.76万吧，那完成了预算的百分之多少", False),  # (a premise told, then the question)
])
def test_an_amount_asked_of_is_a_yes_or_no(question, asks):
    assert has_cue("yesno", question) is asks


def test_which_ones_are_named_not_counted():
    # "哪几家单位" asks which bodies (named in the sentence), not how many: the money asked beside it heads
    assert asked_units("机关运行经费是算哪几家单位的？一共多少钱？") != ("家", "个")
    assert not has_cue("count", "是算哪几家单位的") and has_cue("count", "下属有几家单位")
    assert asked_units("下属有几家单位") == ("家", "个") and asked_units("还有哪几项没花钱") != ("项", "个")


def test_a_prefecture_tells_its_province():
    from core.vocab import province_of_prefecture, provinces

    held = province_of_prefecture()
    assert held["阳泉市"] == "山西" and held["临汾市"] == "山西" and held["苏州市"] == "江苏"
    assert set(held.values()) <= set(provinces())  # keyed by the short names people say


@pytest.mark.parametrize("question, asks", [
    ("山西这两家民政局哪家的机关运行经费少？", True), ("谁的会议费低一些", True),
    ("哪家的机关运行经费多？", False), ("哪家花了多少", False),
])
def test_which_is_smaller_asked_without_zui_is_ascending(question, asks):
    assert has_cue("ascending", question) is asks


def test_equipment_quantity_asks_pieces_counted():
    assert asked_units("单价20万元（含）以上设备数量") == ("台（套）", "台", "套")
    assert has_cue("count", "设备的数量是多少")
