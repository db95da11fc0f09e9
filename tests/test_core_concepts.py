"""The concept lexicon: what its data must hold together, and how concepts are found in text."""
import pytest

from core.concepts import lexicon
from core.text import match_key


def test_an_alias_never_stands_for_a_concept():
    """Aliases name table rows for colloquial words; a word for a concept belongs in its
    colloquial list, or the alias's row (公务接待费 of the 基本支出 table) outbids the concept's
    own table (the 三公 table)."""
    terms = {match_key(t) for c in lexicon().concepts for t in c.terms}
    for phrase, official in lexicon().aliases.items():
        assert not [w for w in official.split() if match_key(w) in terms], phrase


def test_every_part_named_is_a_concept():
    names = {c.name for c in lexicon().concepts}
    for concept in lexicon().concepts:
        if concept.parts:
            assert set(concept.parts.concepts) <= names, concept.name


def found(text: str) -> list[str]:
    return [m.concept.name for m in lexicon().concepts_in(text)]


def test_a_part_said_by_the_end_of_its_name_after_its_whole():
    assert found("公务用车购置及运行费里的运行费") == ["公务用车购置及运行维护费", "公务用车运行维护费"]
    assert found("三公经费中接待费") == ["“三公”经费", "公务接待费"]
    assert found("运行费") == []  # alone it names nothing
    # the whole said last before the tail claims it: the 购置费's sibling, not the 三公 part ending so
    assert found("三公经费里公务用车购置费加运行维护费") == ["“三公”经费", "公务用车购置费", "公务用车运行维护费"]


def test_a_bracketed_qualifier_names_nothing():
    assert "车辆数" not in found("单价100万元（含）以上设备（不含车辆）有几台")


def test_an_alias_inside_a_concepts_word_is_not_said():
    assert "差旅费" not in lexicon().expand("基本支出和项目支出差多少", concepts=False)
    assert "差旅费" in lexicon().expand("出差花了多少", concepts=False)


def test_a_part_said_by_what_its_name_adds_to_its_whole():
    assert found("政府采购里服务类采购多少")[:2] == ["政府采购支出", "政府采购服务支出"]
    assert found("政府采购预算里货物类多少")[-1] == "政府采购货物支出"
    # or as a kind right before it
    assert found("工程类政府采购预算多少") == ["政府采购工程支出", "政府采购支出"]
    assert found("有没有工程方面的政府采购预算") == ["政府采购工程支出", "政府采购支出"]
    assert found("工程款和政府采购") == ["政府采购支出"]  # 工程 said apart from it is no kind of it


@pytest.mark.timeout(10)  # a guard: each mention searched the whole text again (30 s here)
def test_parts_and_aliases_in_a_long_text_are_found_as_in_a_short_one():
    said = "公务用车购置及运行费里的运行费，出差的差旅费，"
    assert found(said * 8000) == found(said) * 8000
    assert lexicon().expand(said * 8000, concepts=False).endswith(lexicon().expand(said, concepts=False)[len(said):])


@pytest.mark.parametrize("text, concept", [
    ("买公车的钱预算了多少", "公务用车购置费"),  # the verb makes "公车的钱" the purchase
    ("养车的钱花了多少", "公务用车运行维护费"),
    ("公车的钱花了多少", "公务用车购置及运行维护费"),  # no verb: the whole
])
def test_a_verb_before_the_vehicle_names_the_part(text, concept):
    assert found(text)[0] == concept


def test_money_earned_by_trading_is_the_operating_income():
    """"自己经营挣了多少": 经营收入, not 经营支出 nor the income total."""
    assert found("自己经营挣了多少") == ["经营收入"]


def test_words_that_exclude_each_other():
    assert lexicon().contradicts("农村老年人日间照料中心配套资金", "城市老年人日间照料中心配套资金项目")
    assert not lexicon().contradicts("农村老年人日间照料中心", "农村老年人日间照料中心配套资金项目")
    assert lexicon().contradicts("在职人员", "离退休人员")
    assert not lexicon().contradicts("离退休人员", "离休人员")  # 离退休 says both


def test_the_concept_named_with_the_word_it_excludes():
    start = lexicon().named("年初结转和结余")
    assert lexicon().contrasted(start, "年末").name == "年末结转和结余"
    assert lexicon().contrasted(lexicon().named("年末结转和结余"), "年初") is start
    assert lexicon().contrasted(start, "年初") is None  # the word it already says
    assert lexicon().contrasted(start, "农村") is None  # a word it excludes nothing of


def test_everyday_count_words_said_of_other_people_are_not_the_staff_count():
    names = lambda text: [m.concept.name for m in lexicon().concepts_in(text)]
    assert "实有人数" in names("临汾民政局19年有多少人")
    assert "实有人数" not in names("决算里有没有写全市低保对象有多少人")  # the people served, not the staff
    assert "实有人数" in names("低保对象的在职人员有多少")  # (its own term still names it)


def test_a_word_for_two_concepts_is_undecided_until_a_word_tells_them_apart():
    word, concepts = lexicon().undecided_in("临汾民政局19年结转和结余多少")
    assert word == "结转和结余" and [c.name for c in concepts] == ["年初结转和结余", "年末结转和结余"]
    assert lexicon().undecided_in("年底还剩多少结转结余") is None
    assert lexicon().undecided_in("三公经费多少") is None
    # "结余" said short for both; not the 结余分配 row, nor a carry-over told apart
    assert lexicon().undecided_in("阳泉民政局的结余有多少")[0] == "结余"
    assert lexicon().undecided_in("结余分配是多少") is None and lexicon().undecided_in("年末结余多少") is None
    assert lexicon().undecided_in("阳泉民政局24年使用非财政拨款结余多少") is None  # (a row's own name)


def test_a_fund_said_by_its_bare_name_then_a_verb_of_receiving_is_its_income():
    assert found("政府性基金给了多少") == ["政府性基金预算财政拨款收入"]
    assert found("有政府性基金的钱吗？拨了多少") == ["政府性基金预算财政拨款收入"]
    assert found("政府性基金支出给了多少") == ["政府性基金预算财政拨款支出"]  # (its spending said)
    assert found("政府性基金花了多少") == ["政府性基金预算财政拨款支出"]


def test_an_alias_inside_a_longer_topic_word_is_not_said():
    # "离退休" files 离休费 and 退休费 both: its 退休 is no "退休" → 退休费
    assert lexicon().expand("离退休", concepts=False) == "离退休"
    assert lexicon().expand("退休的钱", concepts=False) == "退休的钱 退休费"
