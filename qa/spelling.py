"""Typing slips in questions ("办工费", "民证局", "万里街到", "三公经废"): a run of the question
that is one character off a word the store or the lexicon knows is read as that word.

Only words of three characters or more are corrected, only to a word that is the one such
neighbour, never inside a word the question already spells right, and never where the odd
character makes a word with its neighbour ("就业支出" is not a slip for 总支出, "收入决算" not
for 收入预算) or is a function word (年, 的, 几 …). Place names are not in the vocabulary: a
question about "临沂民政局" must not be answered for 临汾.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import Callable

from core.vocab import filler_re

# pinyin left in a question: lower-case letters, syllables or initials, maybe spaced ("yq mzj")
PINYIN_RUN_RE = re.compile(r"(?<![a-z])[a-z]{2,}(?: [a-z]{1,6})*(?![a-z])")
CHINESE_RE = re.compile(r"[\u4e00-\u9fff]")
CHINESE_WORD_RE = re.compile(r"[\u4e00-\u9fff]{2,}")
MIN_CHINESE_AROUND = 2  # a question in English ("how much did…") has no pinyin left in it
# initials alone stand for so many words that two of them read only a body's name ("pt社工部"),
# never a budget word ("jt补贴": 津贴 or 交通)
MIN_INITIALS = 3
MIN_PINYIN_CHARS = 2  # a run stands for two characters or more ("fei" alone reads as too many)
MIN_LENGTH = 3
MAX_LENGTH = 8
PAIR_SLIP_LENGTH = 4  # a word this long may have a whole two-character word typed wrong
DROP_SLIP_LENGTH = 6  # a word this long may be typed with one character left out ("一般公共预拨款")
# the joining words of a long name that office shorthand leaves out ("商品服务支出" for 商品和服务支出,
# "个人家庭补助" for 对个人和家庭的补助)
JOINING_RE = re.compile(r"[和与及的对]")
MIN_SHORTHAND_LENGTH = 4
MAX_SHORTHAND_SOURCE = 16  # a name, not a sentence of the 绩效 tables
NAME_RE = re.compile(r"[\u4e00-\u9fff()（）]+")
DOUBLED_RE = re.compile(r"([\u4e00-\u9fff])(?=\1)")  # a character typed twice in a row
TELLING_LENGTH = 4  # a slip this long, sounding right, is read as the word even across a word
ASKING_RE = filler_re("grammar")  # words that carry grammar, not a name: never the slip
# a verb and its particle ending the window: "财政拨款出了多少", "政府性基金出的" say who paid,
# with no 支 of 支出 left out
VERB_PARTICLE_RE = re.compile(r"[出花用给拨发][了过着的]")
FUNCTION_CHARS = set("年月日的了是在和与及跟比有没多少几个家里中呢吗啊么一共哪谁各都也还就把被给为从对向按等这那其该本上下去今加减占"
                     "辆人名台套次项件位张间所座户批钱")  # and the counting words, and 钱


@dataclass(frozen=True)
class Correction:
    written: str
    meant: str


class Speller:
    def __init__(self, words, is_word: Callable[[str], bool] = lambda pair: False, also_known=(), droppable=None,
                 placed: dict[str, frozenset[int]] | None = None):
        """``words``: what the store and the lexicon know (a slip is read as one of them);
        ``also_known``: names spelled right that the store lacks (never "corrected" into a held
        one); ``is_word``: whether two characters make a common word (jieba's dictionary);
        ``droppable``: the words a slip leaving one character out may be meant for (all of
        ``words`` when not given); ``placed``: names that hold a place ("江苏政协"), each with
        where its place's characters stand — a slip there is another place, never corrected, and
        elsewhere it must sound alike ("江苏征协" → 江苏政协)."""
        self.placed = placed or {}
        words = [*words, *self.placed]
        self.known = {w for w in [*words, *also_known] if len(w) >= MIN_LENGTH and not w.isascii()}
        # short words spelled right too ("买车"): a character inside one is never a slip
        self.spelled = self.known | {w for w in words if len(w) == 2 and not w.isascii()}
        # a phrase that asks ("有多少人") is no name a slip could be meant for, nor a label with
        # letters or digits ("服务C" of a 政府采购 table: "服务类" is no slip for it)
        self.targets = {w for w in words if MIN_LENGTH <= len(w) <= MAX_LENGTH and not w.isascii()
                        and not ASKING_RE.search(w) and not re.search(r"[a-z0-9]", w, re.I)}
        self.is_word = is_word
        self._by_mask: dict[str, set[str]] = {}  # "办\0费" -> {办公费}
        self._by_pair_mask: dict[str, set[str]] = {}  # "万里\0\0" -> {万里街道}
        self._by_drop: dict[str, set[str]] = {}  # "一般公共预拨款" -> {一般公共预算拨款}
        self._by_shorthand: dict[str, set[str]] = {}  # "商品服务支出" -> {商品和服务支出}
        for word in self.known:  # (of any length: "对个人和家庭的补助" is nine characters)
            if len(word) > MAX_SHORTHAND_SOURCE or ASKING_RE.search(word) or not NAME_RE.fullmatch(word):
                continue
            for whole in {word, re.sub(r"(?:支出|费用)$", "", word)}:
                if len(short := self._shorthand(whole)) >= MIN_SHORTHAND_LENGTH and short != whole:
                    self._by_shorthand.setdefault(short, set()).add(whole)
        self._shorthands = sorted(self._by_shorthand, key=len, reverse=True)  # longest first
        for word in self.known:
            if len(word) <= MAX_LENGTH:
                for i in range(len(word)):
                    self._by_mask.setdefault(word[:i] + "\0" + word[i + 1:], set()).add(word)
                for i in range(len(word) - 1 if len(word) >= PAIR_SLIP_LENGTH else 0):
                    self._by_pair_mask.setdefault(word[:i] + "\0\0" + word[i + 2:], set()).add(word)
                # (an inner character: a word without its first or last is a shorter word, no slip)
                for i in range(1, len(word) - 1 if len(word) >= DROP_SLIP_LENGTH and (droppable is None or word in droppable) else 1):
                    self._by_drop.setdefault(word[:i] + word[i + 1:], set()).add(word)

    def correct(self, text: str) -> tuple[str, list[Correction]]:
        """The text with its slips replaced, and what was replaced."""
        text, read = self._pinyin_read(text)
        text, spelled_out = self._spelled_out(text)
        text, doubled = self._doubled_collapsed(text)
        text, slips = self._slips_corrected(text)
        return text, read + spelled_out + doubled + slips

    def _pinyin_read(self, text: str) -> tuple[str, list[Correction]]:
        """Pinyin an input method left unconverted, or its initials ("sangong经费", "gongyong经费",
        "yq mzj", "pt社工部", "sgjf"), read as the known word it spells with the characters around
        it; left as typed where no word, or more than one, reads so, or nothing Chinese is around."""
        if len(CHINESE_RE.findall(text)) < MIN_CHINESE_AROUND:
            return text, []
        corrections = []
        for m in reversed(list(PINYIN_RUN_RE.finditer(text))):
            meant = self._read_as(text, m.start(), m.end(), m.group().replace(" ", ""))
            if meant:
                corrections.append(Correction(m.group(), meant))
                text = text[:m.start()] + meant + text[m.end():]
        return text, corrections[::-1]

    def _read_as(self, text: str, start: int, end: int, run: str) -> str | None:
        """The characters a run of pinyin stands for: the one reading, over the known words, of two
        or more characters whose syllables (or their first letters, see MIN_INITIALS) spell the run
        while the rest of the word stands right beside it in the text."""
        readings = set()
        for word, (full, initials, syllables) in self._pinyin.items():
            if run not in full and run not in initials:
                continue
            for i in range(min(len(word), start + 1)):
                if text[start - i:start] != word[:i]:
                    continue
                for j in range(i + MIN_PINYIN_CHARS, len(word) + 1):
                    if text[end:end + len(word) - j] == word[j:] and (run == "".join(syllables[i:j]) or run == initials[i:j] and (
                            len(run) >= MIN_INITIALS or word in self.placed)):
                        readings.add(word[i:j])
        return next(iter(readings)) if len(readings) == 1 else None

    @cached_property
    def _pinyin(self) -> dict[str, tuple[str, str, list[str]]]:
        """Each known word of Chinese characters with its syllables, tones aside (pypinyin's
        first reading), run together, and their first letters (one per character)."""
        from pypinyin import Style, lazy_pinyin

        words = {w for w in self.spelled if CHINESE_WORD_RE.fullmatch(w)}
        return {w: ("".join(syllables), "".join(s[0] for s in syllables), syllables) for w in words
                if len(syllables := lazy_pinyin(w, style=Style.NORMAL)) == len(w)}

    def _doubled_collapsed(self, text: str) -> tuple[str, list[Correction]]:
        """A character typed twice inside a name ("临汾汾民政局", "阳泉市民政政局"): one of the two
        dropped where that spells a known word across the spot that the text did not spell."""
        corrections = []
        for m in reversed(list(DOUBLED_RE.finditer(text))):
            at = m.start()
            collapsed = text[:at] + text[at + 1:]
            spans = [(start, w) for w in self.known if w not in text
                     and 0 <= (start := collapsed.find(w, max(at - len(w) + 1, 0))) <= at < start + len(w)]
            if spans:
                start, word = max(spans, key=lambda sw: len(sw[1]))
                corrections.append(Correction(text[start:start + len(word) + 1], word))
                text = collapsed
        return text, corrections

    def _shorthand(self, name: str) -> str:
        """The name without its joining words: inside it (a leading 对 too), never a 及 or 与
        making a word with its neighbour (普及, 赠与, 及时)."""
        kept = [ch for i, ch in enumerate(name)
                if not (JOINING_RE.fullmatch(ch) and (0 < i < len(name) - 1 or (i == 0 and ch == "对"))
                        and not (ch in "及与" and (self.is_word(name[i - 1:i + 1]) or self.is_word(name[i:i + 2]))))]
        return "".join(kept)

    def _spelled_out(self, text: str) -> tuple[str, list[Correction]]:
        """Names written in office shorthand, without their joining words, written out in full
        (one name only for each shorthand, longest first; never a word the text already spells)."""
        corrections = []
        for short in self._shorthands:
            meant = self._by_shorthand[short]
            if len(meant) == 1 and short in text and short not in self.known and \
                    not any(short in w and w in text for w in self.known if len(w) > len(short)):
                whole = next(iter(meant))
                text = text.replace(short, whole)
                corrections.append(Correction(short, whole))
        return text, corrections

    @staticmethod
    def heard_as(name: str, text: str) -> list[str]:
        """The name with one character written as another that reads exactly alike and that
        ``text`` uses ("南京进代史" → 南京近代史 where the text says 近): a dictated name, heard right
        and written wrong."""
        used = set(text)
        return [name[:k] + ch + name[k + 1:] for k, written in enumerate(name) if written not in used
                for ch in sorted(used) if '\u4e00' <= ch <= '\u9fff' and _read_exactly_alike(written, ch)]

    def _slips_corrected(self, text: str) -> tuple[str, list[Correction]]:
        inside, spelled = self._known_words_at(text)
        found: list[tuple[int, int, str]] = []
        taken = [False] * len(text)
        for length in range(MAX_LENGTH, MIN_LENGTH - 1, -1):
            for start in range(len(text) - length + 1):
                window, end = text[start:start + length], start + length
                # a known word may lie wholly inside the window ("政协办" of 政协办公听), not across its edge
                if any(taken[start:end]) or inside[start] or inside[end] \
                        or window in self.known or not all("\u4e00" <= ch <= "\u9fff" for ch in window):
                    continue
                meant = self._meant(text, start, window)
                # (a long word with a character left out is a slip wherever it stands)
                if meant and (len(meant) != len(window) or _telling(window, meant) or not spelled[start + _odd(window, meant)]):
                    found.append((start, length, meant))
                    taken[start:start + length] = [True] * length
        corrections = []
        for start, length, meant in sorted(found, reverse=True):
            corrections.append(Correction(text[start:start + length], meant))
            text = text[:start] + meant + text[start + length:]
        return text, corrections[::-1]

    def _known_words_at(self, text: str) -> tuple[list[bool], list[bool]]:
        """Where the text spells known words right: for each edge between characters (0 …
        len(text)) whether such a word runs across it (a window overlaps one without holding it
        whole exactly when one of its two edges is crossed, so each window is checked in constant
        time), and for each character whether it lies in one (it is then no slip)."""
        inside, spelled = [False] * (len(text) + 1), [False] * len(text)
        for word in self.spelled:
            start = text.find(word)
            while start >= 0:
                inside[start + 1:start + len(word)] = [True] * (len(word) - 1)
                spelled[start:start + len(word)] = [True] * len(word)
                start = text.find(word, start + 1)
        return inside, spelled

    def _meant(self, text: str, start: int, window: str) -> str | None:
        """The one word the window is a slip for: among the words one character off, those
        sounding alike ("民证局" → 民政局, not 民宗局) if any; it must be a word the store or the
        lexicon knows, and the odd character must look like a slip where it stands."""
        near = {w for i in range(len(window)) for w in self._by_mask.get(window[:i] + "\0" + window[i + 1:], ())}
        alike = {w for w in near if _sounds_alike(window, w)}
        pick = alike or near
        if not pick:
            return self._homophone_pair(window) or (None if _ends_in_verb(text, start + len(window)) else self._dropped(window))
        if not alike and len(window) <= MIN_LENGTH:
            return None  # three characters, one of them unlike: "查政府" is no slip for 区政府
        if len(pick) != 1:
            return None
        meant = next(iter(pick))
        return meant if meant in self.targets and self._place_kept(window, meant) and self._slip_at(text, start, window, meant) else None

    def _place_kept(self, window: str, meant: str) -> bool:
        """A slip for a name holding a place sounds alike, and leaves the place as written, or
        writes it with a character read exactly alike, tone and all ("阳全" for 阳泉, "林汾" for
        临汾: never "临沂", another place)."""
        place = self.placed.get(meant)
        return place is None or _sounds_alike(window, meant) and all(
            window[k] == meant[k] or _read_exactly_alike(window[k], meant[k]) for k in place)

    def _homophone_pair(self, window: str) -> str | None:
        """The one word of four characters or more whose two adjacent characters the window
        replaces with a pair read the same: an input method's wrong word ("万里接到" → 万里街道,
        接到 for 街道, both jie dao), a real word itself, so no neighbour test applies."""
        pairs = {w for i in range(len(window) - 1)
                 if not set(window[i:i + 2]) & FUNCTION_CHARS
                 for w in self._by_pair_mask.get(window[:i] + "\0\0" + window[i + 2:], ())}
        alike = {w for w in pairs if _sounds_alike(window, w) and self._place_kept(window, w)}
        return next(iter(alike)) if len(alike) == 1 and alike <= self.targets else None

    def _dropped(self, window: str) -> str | None:
        """The one long word the window is with one character left out ("一般公共预拨款": 算)."""
        dropped = self._by_drop.get(window, set())
        return next(iter(dropped)) if len(dropped) == 1 and dropped <= self.targets else None

    def _slip_at(self, text: str, start: int, window: str, meant: str) -> bool:
        """The odd character looks like a slip: not a function word, and no common word with
        the character before or after it."""
        at = start + _odd(window, meant)
        odd = text[at]
        # (at the window's edge, beside a known word spelled right, it is that word's neighbour:
        # "万里街道差多少" says 万里街道, then 差, no slip for 万里街道办)
        if (window[1:] if at == start else window[:-1] if at == start + len(window) - 1 else "") in self.known:
            return False
        # the words the odd character would make with its neighbours: 老 of "退休老同志" is no
        # slip for 退休费
        words = [text[i:i + n] for n in (2, 3) for i in range(at - n + 1, at + 1) if 0 <= i and i + n <= len(text)]
        # (nor a verb with its particle: the 花 of "社会福利花了多少" is no slip for 社会福利院)
        return odd not in FUNCTION_CHARS and not _ends_in_verb(text, at + 1) and \
            (_telling(window, meant) or not any(self.is_word(w) for w in words))


def _ends_in_verb(text: str, end: int) -> bool:
    return end > 0 and bool(VERB_PARTICLE_RE.match(text, end - 1))


def _telling(window: str, meant: str) -> bool:
    """A long name with one character off that sounds the same ("住房公基金" → 住房公积金): a slip
    even where the odd character makes a word (基金) with its neighbour."""
    return len(window) >= TELLING_LENGTH and _sounds_alike(window, meant)


def _odd(window: str, meant: str) -> int:
    """Where a slip differs from the word meant (they differ in one character)."""
    return next(k for k in range(len(window)) if window[k] != meant[k])


def _read_exactly_alike(written: str, meant: str) -> bool:
    """Two characters that share a reading with its tone (全/泉 quan2; not 份/汾, fen4 and fen2)."""
    return _share_reading(written, meant, tone=True)


def _sounds_alike(written: str, meant: str) -> bool:
    """The characters that differ share a reading (证/政 zheng, 够/购 gou), tones aside."""
    return all(a == b or _share_reading(a, b, tone=False) for a, b in zip(written, meant))


def _share_reading(a: str, b: str, tone: bool) -> bool:
    """Two characters have a reading in common (pypinyin's heteronyms), with its tone or without."""
    from pypinyin import Style, pinyin

    style = Style.TONE3 if tone else Style.NORMAL
    return bool(set(pinyin(a, style=style, heteronym=True)[0]) & set(pinyin(b, style=style, heteronym=True)[0]))
