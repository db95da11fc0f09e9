"""Chinese budget vocabulary, kept as data files beside this module and loaded once.

``concepts.toml`` (what people call the template's figures and where each lives),
``budget_terms.txt`` (words jieba must keep whole), ``intents.toml`` (the words that say what a
question asks for), ``orgs.toml`` (how organisation names are shortened; common bodies),
``claims.toml`` (how a stated amount is said: vague numbers, bounds), ``english.toml`` (English
words mixed into a question), ``fillers.toml`` (words that ask or fill rather than name).
"""
from __future__ import annotations

import math
import re
import tomllib
from functools import lru_cache
from pathlib import Path

from core.text import QUALIFIER_RE, match_key

VOCAB_DIR = Path(__file__).resolve().parent


def _toml(name: str) -> dict:
    with open(VOCAB_DIR / name, "rb") as f:
        return tomllib.load(f)


# the words for the year before the one talked of ("上年", "去年" …) as one regex alternation, for
# the patterns in code that read a change on the year before (questions and narrative sentences)
YEAR_BEFORE = "|".join(_toml("intents.toml")["year_before"])
CUT_WORDS = "|".join(_toml("intents.toml")["cut"])  # (an alternation, longest word first)
# the words that put what follows inside what was said before ("基本支出里面取暖费"), likewise
INSIDE = "|".join(_toml("intents.toml")["inside"])


@lru_cache(maxsize=1)
def budget_terms() -> tuple[str, ...]:
    """Budget terms ("公务用车运行维护费", "机关运行经费") that word cutting keeps whole."""
    return tuple((VOCAB_DIR / "budget_terms.txt").read_text(encoding="utf-8").split())


@lru_cache(maxsize=None)
def filler_words(name: str) -> frozenset[str]:
    """A whole-word list of fillers.toml (``filler_words``, ``question_words``) as a set."""
    return frozenset(_toml("fillers.toml")[name])


@lru_cache(maxsize=None)
def filler_re(name: str) -> re.Pattern:
    """A pattern list of fillers.toml (``asking``, ``plain``, ``part_filler``) as one regex whose
    alternatives are tried in the order written."""
    return re.compile("|".join(_toml("fillers.toml")[name]))


@lru_cache(maxsize=1)
def english_words() -> dict[str, str]:
    """English word or phrase (lower case) → the Chinese it stands for in a question."""
    return {k.lower(): v for k, v in _toml("english.toml")["words"].items()}


@lru_cache(maxsize=1)
def english_dropped() -> frozenset[str]:
    """English words a question needs no Chinese for ("the", "of", "did"): read as nothing."""
    return frozenset(w.lower() for w in _toml("english.toml")["grammar"]["dropped"])


@lru_cache(maxsize=1)
def slang_re() -> re.Pattern:
    """Internet shorthand typed around a question ("u1s1", "yyds"), a whole word: read as nothing."""
    words = "|".join(_toml("english.toml")["grammar"]["slang"])
    return re.compile(rf"(?i)(?<![A-Za-z0-9])(?:{words})(?![A-Za-z0-9])")


@lru_cache(maxsize=1)
def english_reordered() -> tuple[tuple[re.Pattern, str], ...]:
    """English word orders read in the Chinese order ("what share of A went to B" → "B占A的百分之几")."""
    return tuple((re.compile(pattern), said) for pattern, said in _toml("english.toml")["grammar"]["reordered"])


@lru_cache(maxsize=1)
def pinyin_asking_words() -> tuple[str, ...]:
    """The asking words a question may type in pinyin ("you meiyou" → 有没有, "duoshao" → 多少)."""
    return tuple(_toml("english.toml")["pinyin"]["asking"])


@lru_cache(maxsize=1)
def colloquial_words() -> tuple[tuple[re.Pattern, str], ...]:
    """(pattern, standard words) of colloquial.toml, in the order they apply."""
    return tuple((re.compile(w["pattern"]), w["said"]) for w in _toml("colloquial.toml")["word"])


@lru_cache(maxsize=1)
def shortenings() -> tuple[tuple[str, str], ...]:
    """(full form, short form) pairs for organisation names, in the order they apply
    (orgs.toml: 人民检察院 → 检察院, 委员会 → 委, 人民政府办公室 → 府办 …)."""
    pairs = [(rule["full"], short) for rule in _toml("orgs.toml").get("shorten", []) for short in rule["short"]]
    return tuple(dict.fromkeys(pairs + [(_as_ting(full), _as_ting(short)) for full, short in pairs
                                        if full.endswith("局") and short.endswith("局")]))


@lru_cache(maxsize=1)
def provinces() -> tuple[str, ...]:
    """Provinces and province-level cities by their short names (orgs.toml)."""
    return tuple(_toml("orgs.toml").get("provinces", []))


@lru_cache(maxsize=1)
def province_of_prefecture() -> dict[str, str]:
    """Each prefecture-level division ("阳泉市") → its province's short name (prefectures.toml); a
    name two provinces share is left out (it tells no province)."""
    held: dict[str, set[str]] = {}
    for province, names in _toml("prefectures.toml").items():
        for name in names:
            held.setdefault(name, set()).add(province)
    return {name: next(iter(p)) for name, p in held.items() if len(p) == 1}


def organisations() -> tuple[str, ...]:
    """Names of government bodies, with or without a place (民政局, 人民检察院, 卫健委 …)."""
    names = _toml("orgs.toml").get("organisations", [])
    return tuple(dict.fromkeys(names + [_as_ting(n) for n in names if n.endswith("局") and not n.endswith("分局")]))


def _as_ting(name: str) -> str:
    """A province names its body 厅 where a city names it 局 (文化和旅游局 / 文化和旅游厅, 文旅局 /
    文旅厅): each rule for a 局 holds for its 厅."""
    return name[:-1] + "厅"


@lru_cache(maxsize=1)
def intents() -> dict[str, list]:
    """The cue patterns of intents.toml, compiled, by name (describe, rank, breakdown …); "$name" in a
    pattern stands for the patterns of the cue so named (one list read by two purposes)."""
    raw = {name: patterns for name, patterns in _toml("intents.toml").items() if name != "asked_unit"}

    def expanded(pattern: str) -> str:
        return re.sub(r"\$([a-z_]+)", lambda m: "(?:" + "|".join(raw[m.group(1)]) + ")", pattern.replace("$YEAR_BEFORE", YEAR_BEFORE))

    return {name: [re.compile(expanded(p)) for p in patterns] for name, patterns in raw.items()}


def has_cue(name: str, text: str) -> bool:
    """Whether ``text`` holds one of the cue patterns named ``name`` in intents.toml."""
    return any(p.search(text) for p in intents()[name])


@lru_cache(maxsize=None)
def cue_re(name: str) -> re.Pattern:
    """The cue patterns named ``name`` as one pattern: to find where the cue is said, or to take
    it out of a question."""
    return re.compile("|".join(p.pattern for p in intents()[name]))


@lru_cache(maxsize=1)
def _asked_units() -> tuple[tuple[re.Pattern, tuple[str, ...]], ...]:
    return tuple((re.compile(u["pattern"]), tuple(u["units"])) for u in _toml("intents.toml")["asked_unit"])


UNIT_PRICE_RE = re.compile(r"单价\d+(?:\.\d+)?万?元(?:\(含\))?(?:以上|以下)?的?")


def asked_units(question: str) -> tuple[str, ...]:
    """The units a question asks its figure in ("几辆" → 辆; "多少钱" → 元/万元 …), or () when
    its words do not say."""
    key = QUALIFIER_RE.sub("", match_key(question))  # "（不含车辆）有几台" asks for 台, not 辆
    key = UNIT_PRICE_RE.sub("", key)  # "单价100万元以上的设备有没有": a price says what is counted
    return next((units for pattern, units in _asked_units() if pattern.search(key)), ())


@lru_cache(maxsize=1)
def claim_words() -> tuple[dict[str, tuple[float, float]], dict[str, tuple[str, ...]]]:
    """(vague numbers with the multipliers they span, open above where one is given, bound words by
    kind) of claims.toml."""
    data = _toml("claims.toml")
    return ({word: (span[0], span[1] if len(span) > 1 else math.inf) for word, span in data["vague"].items()},
            {kind: tuple(words) for kind, words in data["bounds"].items()})


@lru_cache(maxsize=1)
def claimed_multiples() -> tuple[tuple[re.Pattern, float, bool], ...]:
    """(pattern, bound, whether the ratio claimed is at least the bound) of claims.toml's multiples."""
    return tuple((re.compile(m["pattern"]), m.get("at_least", m.get("at_most")), "at_least" in m)
                 for m in _toml("claims.toml")["multiple"])
