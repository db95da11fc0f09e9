"""Text and number normalisation shared by every parser and by question matching.

Real PDFs put spaces between CJK characters and digits, newlines inside wrapped cells and
full-width punctuation everywhere; matching must see through all of it while citations keep
the printed form.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_CJK = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’"
_SPACE_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")
_SPACES = re.compile(r"\s+")
_AMOUNT = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")

_FULLWIDTH = str.maketrans({"（": "(", "）": ")", "：": ":", "，": ",", "；": ";", "　": " ",
                            "【": "[", "】": "]", "－": "-", "﹣": "-", "．": "."})
QUOTES_RE = re.compile(r"[\"'“”‘’「」『』〝〞]")
# the ordinal a list item or heading starts with ("一、", "（二）", "3.", "其中："), in either width
ORDINAL_RE = re.compile(r"^([一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,2}[.、．]|其中[:：])")
TOTAL_RE = re.compile(r"合计|总计|小计")


@lru_cache(maxsize=1)
def _to_simplified():
    from opencc_purepy import OpenCC  # (its dictionaries load in about 0.1 s: once, when first needed)

    return OpenCC("t2s")


# full-width digits and Latin letters a phone keyboard types ("２０２４年"), as the ASCII ones
# every year and number reader expects; full-width punctuation (，？％) is left as typed
HALF_WIDTH = {code: code - 0xFEE0 for code in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}


# a space a phone user types between two phrases in place of a comma ("有没有买新公车 购置费多少"):
# between two runs of four or more characters (not "阳泉 民政局", a name spaced out; nor "省委办公厅18
# 采购总额", a year run into the name before it)
SPACED_PAUSE_RE = re.compile(r"(?<=[\u4e00-\u9fff][^\s，,？?。]{2}[\u4e00-\u9fff])\s+(?=[^\s，,？?。]{3}[\u4e00-\u9fff]|"
                             r"(?P<verb>[\u4e00-\u9fff])[没不](?P=verb))")  # (and before "超没超", "对不对")


def spaced_pauses(text: str) -> str:
    """A question's spaces between phrases read as the commas they stand for."""
    return SPACED_PAUSE_RE.sub("，", text)


def simplified(text: str) -> str:
    """Text typed in traditional characters (臨汾, 經費, 辦公廳) or full-width digits (２０２４) in
    the simplified characters and ASCII digits the disclosures print; other text comes back unchanged."""
    return text if text.isascii() else _to_simplified().convert(text.translate(HALF_WIDTH))


def is_total(label: str) -> bool:
    """A total row or column (合计 / 总计 / 小计), which is never one of the items it adds up."""
    return bool(TOTAL_RE.search(label))


def clean_cell(text: str | None) -> str | None:
    """Join wrapped lines and drop spaces a PDF put between CJK characters."""
    if text is None:
        return None
    text = text.replace("\u00a0", " ").replace("\n", "").replace("\r", "")
    text = _SPACE_NEAR_CJK.sub("", text)
    return _SPACES.sub(" ", text).strip()


def clean_line(text: str) -> str:
    """Normalise a line of running text the same way as a cell."""
    return clean_cell(text) or ""


# "（不含车辆）" qualifies a name: the 车辆 in it is not what is asked about (in match keys)
QUALIFIER_RE = re.compile(r"\((?:不含|含|不包括|包括)[^)]*\)")
EXCLUDING_WORDS = "不含|不包括|不包含"  # a bracket opening with these leaves something out


@lru_cache(maxsize=1 << 16)
def match_key(text: str) -> str:
    """A key for comparing labels: no spaces or quotes, half-width brackets and digits."""
    text = unicodedata.normalize("NFKC", text or "").translate(_FULLWIDTH)
    text = QUOTES_RE.sub("", text)
    return re.sub(r"\s+", "", text).lower()


def abbreviates(short: str, long: str) -> bool:
    """``short`` is ``long`` shortened the way Chinese shortens names: its characters in order
    (公车 → 公务用车, 社保 → 社会保障)."""
    at = 0
    for ch in short:
        at = long.find(ch, at) + 1
        if not at:
            return False
    return bool(short)


def parse_amount(text: str | None) -> float | None:
    """The number printed in a value cell ("2,946.25", "80", "-3.5"), or None for anything else."""
    if text is None:
        return None
    t = unicodedata.normalize("NFKC", text).strip().replace(" ", "")
    if not _AMOUNT.match(t):
        return None
    return float(t.replace(",", ""))


def is_amount(text: str | None) -> bool:
    return parse_amount(text) is not None


def decimals(text: str) -> int:
    """How many decimals were printed: the rounding a comparison must allow."""
    t = text.strip()
    return len(t.split(".", 1)[1]) if "." in t else 0


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
              "八": 8, "九": 9}


def chinese_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十三 → 23 (enough for table and section numbering)."""
    if not text:
        return None
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for ch in text:
        if ch in _CN_DIGITS:
            current = _CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        elif ch == "千":
            total += (current or 1) * 1000
            current = 0
        elif ch != "零":
            return None
    return total + current


def in_chinese(n: int) -> str:
    """1 → 一, 12 → 十二, 23 → 二十三 (1–99: how a document numbers its tables in words)."""
    digits = "零一二三四五六七八九"
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else digits[tens]) + "十" if tens else "") + (digits[ones] if ones or not tens else "")


# a numeral people write in words before a money unit: "一百万以上的设备", "五十万元"; not one
# that goes on ("一万四千多万" is read as a rough amount where it is asked)
# ("两千六百多万", "十二点零二万": a rough amount, a decimal, said in words too)
AMOUNT_NUMERAL_RE = re.compile(r"(?<![零一二两三四五六七八九十百千万亿\d])([一二两三四五六七八九十][零一二两三四五六七八九十百千]*)"
                               r"(?:点([零一二三四五六七八九]+))?"
                               r"(?=(?:多|余)?(?:万|亿|元)(?![零一二两三四五六七八九十百千多来余]))")


def arabic_amounts(text: str) -> str:
    """Numerals before 万/亿/元 written with digits ("一百万" → "100万", "十二点零二万" → "12.02万"),
    as tables print them."""
    def digits(m: re.Match) -> str:
        value = chinese_number(m.group(1))
        if not value or re.search(r"[一两二三四五六七八九]{2}", m.group(1)):
            return m.group(0)  # ("三四十万", "两三千万": two numerals side by side say a span, no one number)
        return f"{value}.{''.join(str(_CN_DIGITS[c]) for c in m.group(2))}" if m.group(2) else str(value)
    return AMOUNT_NUMERAL_RE.sub(digits, text)


def format_amount(value: float, decimals_: int = 2) -> str:
    """Human formatting with thousands separators, as budget documents print figures."""
    return f"{value:,.{decimals_}f}"
