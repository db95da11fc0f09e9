"""English words mixed into a Chinese question ("临汾民政局 2019年 money 都 spend 在什么地方?",
"Wanli street 万里街道 2025 buy new car, how much money?") read as the Chinese they stand for:
the words from ``core/vocab/english.toml``, the places the store holds from their pinyin
(Yangquan → 阳泉), budget words from theirs (sangong → 三公). A word none knows is left as written."""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import lru_cache

from core.vocab import budget_terms, english_dropped, english_reordered, english_words, pinyin_asking_words, slang_re

ENGLISH_RUN_RE = re.compile(r"[A-Za-z]+(?:[ '-]+[A-Za-z]+)*")
CJK = r"[\u4e00-\u9fff]"
GLOSS_RE = re.compile(rf"\s*[（(]{CJK}")  # a Chinese name in brackets after an English one


@lru_cache(maxsize=64)
def _pinyin(place: str) -> str:
    from pypinyin import lazy_pinyin

    return "".join(lazy_pinyin(place))


def place_readings(places) -> dict[str, str]:
    """{"yangquan": "阳泉", …} for the place stems given (a reading two places share is dropped)."""
    readings: dict[str, set[str]] = {}
    for place in places:
        readings.setdefault(_pinyin(place), set()).add(place)
    return {spelled: next(iter(names)) for spelled, names in readings.items() if len(names) == 1}


@lru_cache(maxsize=1)
def term_readings() -> dict[str, str]:
    """{"sangong": "三公", "jiben": "基本", "jibenzhichu": "基本支出", …}: the pinyin of the budget
    vocabulary's words and of the words inside them (typed in a hurry: "sangong经费", "jiben支出");
    a reading two words share is dropped, as are one-character words."""
    import jieba

    from core.concepts import lexicon

    terms = {*budget_terms(), *(w for c in lexicon().concepts for w in c.words()), *pinyin_asking_words()}
    words = {w for t in terms if re.fullmatch(rf"{CJK}{{2,8}}", t) for w in (t, *jieba.cut_for_search(t))}
    readings: dict[str, set[str]] = {}
    for word in words:
        if re.fullmatch(rf"{CJK}{{2,8}}", word):
            readings.setdefault(_pinyin(word), set()).add(word)
    return {spelled: next(iter(said)) for spelled, said in readings.items() if len(said) == 1}


def read_english(text: str, places: Callable[[], Mapping[str, str]]) -> str:
    """The question with each English word or phrase it knows replaced by its Chinese; the
    spaces that then stand between Chinese characters go. ``places`` gives the place readings,
    asked for only when the question has letters (reading pinyin costs a dictionary's load);
    budget words typed in pinyin are read too, below English words and places."""
    text = slang_re().sub(" ", text).strip() if re.search(r"[A-Za-z]", text) else text
    if not re.search(r"[A-Za-z]{2}", text):
        return text
    for pattern, said in english_reordered():
        text = pattern.sub(said, text)
    vocab = {**term_readings(), **english_words(), **places()}
    dropped = english_dropped()
    longest = max(len(k.split()) for k in vocab)

    def chinese(run: re.Match) -> str:
        words = re.split(r"[ '-]+", run.group(0))
        if GLOSS_RE.match(text, run.end()):
            # "the Jiangsu Party Committee General Office (省委办公厅)": a name glossed in Chinese right
            # after it is read from the gloss; of its English words only the places stay
            cut = len(words)
            while cut and words[cut - 1][:1].isupper():
                cut -= 1
            words = words[:cut] + [w for w in words[cut:] if w.lower() in vocab and w.lower() not in english_words()]
            if not words:
                return ""
        out, i = [], 0
        while i < len(words):
            for n in range(min(longest, len(words) - i), 0, -1):
                phrase = " ".join(words[i:i + n]).lower()
                said = vocab.get(phrase) or (vocab.get(phrase.replace(" ", "")) if n > 1 else None)
                if said:
                    out.append(said)
                    i += n
                    break
            else:
                if words[i].lower() not in dropped:  # ("the", "of", "did": nothing to read)
                    out.append(words[i])
                i += 1
        return " ".join(out)

    text = ENGLISH_RUN_RE.sub(chinese, text)
    return re.sub(rf"(?<={CJK})\s+|\s+(?={CJK})", "", text)
