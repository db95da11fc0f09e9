"""core.text: match keys."""
import pytest

from core.text import abbreviates, match_key, simplified


def test_match_keys_are_computed_once_per_text():
    """The engine keys the same labels and titles for every question: a key is looked up, not
    normalised again (this halved the time per question)."""
    assert match_key("“三公”经费（合计）") == "三公经费(合计)"
    before = match_key.cache_info().hits
    match_key("“三公”经费（合计）")
    assert match_key.cache_info().hits == before + 1


@pytest.mark.parametrize("short, long, fits", [
    ("公车", "使用财政拨款负担的公务用车保有量", True),
    ("社保", "社会保障和就业支出", True),
    ("车公", "公务用车", False),  # out of order
    ("", "公务用车", False),
])
def test_a_short_form_keeps_its_characters_in_order(short, long, fits):
    assert abbreviates(short, long) is fits


def test_numerals_before_a_money_unit_are_written_in_digits():
    from core.text import arabic_amounts

    assert arabic_amounts("一百万以上的设备有几台") == "100万以上的设备有几台"
    assert arabic_amounts("单价五十万元以上") == "单价50万元以上"
    assert arabic_amounts("两千万") == "2000万"
    # a rough amount stays as said; numerals before no money unit stay
    assert arabic_amounts("少了一万四千多万") == "少了一万四千多万"
    assert arabic_amounts("三公经费一共多少万元") == "三公经费一共多少万元"
    # a rough amount of one numeral, and a decimal, in words ("两千六百多万", "十二点零二万")
    assert arabic_amounts("年初预算两千六百多万，最后") == "年初预算2600多万，最后"
    assert arabic_amounts("三公经费十二点零二万") == "三公经费12.02万"
    assert arabic_amounts("五百来万") == "五百来万"  # (read as said by the claims)
    assert arabic_amounts("是不是三四十万") == "是不是三四十万"  # two numerals side by side: a span
    assert arabic_amounts("有两三千万吗") == "有两三千万吗"


def test_traditional_characters_are_read_as_simplified():
    assert simplified("江蘇省政協辦公廳2018年「三公」經費裡的公務接待費") == "江苏省政协办公厅2018年「三公」经费里的公务接待费"
    assert simplified("阳泉民政局24年三公经费多少") == "阳泉民政局24年三公经费多少"
    assert simplified("万里街道２０２４年三公经费ＡＢｃ，多少？") == "万里街道2024年三公经费ABc，多少？"


def test_a_space_between_two_phrases_is_a_pause():
    from core.text import spaced_pauses
    assert spaced_pauses("省政协17年有没有买新公车 公务用车购置费多少") == "省政协17年有没有买新公车，公务用车购置费多少"
    assert spaced_pauses("阳泉 民政局 24年 三公经费") == "阳泉 民政局 24年 三公经费"  # a name spaced out
    assert spaced_pauses("省委办公厅18 采购总额") == "省委办公厅18 采购总额"  # a year run into the name
    assert spaced_pauses("政协 2018 year, money for 开会") == "政协 2018 year, money for 开会"
    assert spaced_pauses("那最后执行了多少 超没超") == "那最后执行了多少，超没超"  # a yes or no asked after it


def test_a_number_written_in_words_reads_back_as_itself():
    from core.text import chinese_number, in_chinese
    assert [in_chinese(n) for n in (1, 7, 10, 12, 20, 23, 99)] == ["一", "七", "十", "十二", "二十", "二十三", "九十九"]
    assert all(chinese_number(in_chinese(n)) == n for n in range(1, 100))
