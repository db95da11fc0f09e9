"""BM25 over jieba tokens.

llama-index's BM25Retriever treats a run of Chinese characters as one token (scores come out 0
on Chinese), so tokenisation is ours: jieba's search mode, with the national template's budget
terms and the store's own row labels added to its dictionary so "公务用车运行维护费" stays one
term as well as its parts.
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import numpy as np

from core.vocab import budget_terms
from index.candidates import Candidates

STOPWORDS = set("的 了 是 呢 吗 吧 啊 和 与 及 在 为 有 多少 几 哪些 什么 怎么 请问 一下 一共 总共 年 年度 元 万元 ， 。 ？ ? ！ ： : 、 （ ） ( ) “ ” \" ' ； ; / -".split())
TOKEN_OK = re.compile(r"[\w\u4e00-\u9fff]")

class WordCutter:
    """jieba's cut with the national template's budget terms and one store's labels as words.

    Each store gets its own dictionary, so the tokens of a store never depend on which other
    stores the process loaded before (jieba's default dictionary is process-global)."""

    def __init__(self, terms: Iterable[str] = ()):
        import jieba

        jieba.setLogLevel(logging.WARNING)
        base = _base_dictionary()
        self._jieba = jieba.Tokenizer()
        self._jieba.FREQ, self._jieba.total = dict(base.FREQ), base.total
        self._jieba.initialized = True
        self._longest = _longest_word()  # no longer piece of a token can be a known word
        self._added: set[str] = set()
        self.add(terms)

    def add(self, terms: Iterable[str]) -> None:
        """Teach the cutter labels (short ones only: long labels are phrases)."""
        for term in terms:
            term = term.strip()
            if 2 <= len(term) <= 12 and term not in self._added:
                self._jieba.add_word(term, freq=20000)
                self._added.add(term)
                self._longest = max(self._longest, len(term))

    def tokenize(self, text: str) -> list[str]:
        """Search-mode words, plus the known words of four characters or more inside a longer word
        (jieba's search mode adds only two- and three-character ones): "一般公共预算财政拨款" also
        gives 一般公共预算, whichever of the two the dictionary learnt first."""
        freq = self._jieba.FREQ
        tokens = []
        for tok in self._jieba.cut_for_search(text.lower()):
            tok = tok.strip()
            if tok and tok not in STOPWORDS and TOKEN_OK.search(tok):
                tokens.append(tok)
                tokens += [tok[i:i + n] for n in range(4, min(len(tok), self._longest + 1))
                           for i in range(len(tok) - n + 1)
                           if freq.get(tok[i:i + n])]
        return tokens

    def is_word(self, text: str) -> bool:
        """A common word of the dictionary (or a budget term): "就业", "决算", not "办工"."""
        return self._jieba.FREQ.get(text, 0) >= COMMON_WORD_FREQ

    def words(self, text: str) -> list[str]:
        """The text cut into words (accurate mode): for reading a question, where search mode's
        overlapping pieces would count a word twice."""
        return [w for w in self._jieba.lcut(text) if w.strip()]


COMMON_WORD_FREQ = 20  # jieba counts rare pairs ("够花": 3) that are no evidence of a word


@lru_cache(maxsize=1)
def _base_dictionary():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    base = jieba.Tokenizer()
    base.initialize()
    for term in budget_terms():
        base.add_word(term, freq=20000)
    return base


@lru_cache(maxsize=1)
def _longest_word() -> int:
    """The longest word of the base dictionary (a run of 20,000 letters is one jieba token)."""
    return max(map(len, _base_dictionary().FREQ), default=0)


@lru_cache(maxsize=1)
def _shared() -> WordCutter:
    return WordCutter()


def add_terms(terms: Iterable[str]) -> None:
    """Teach the process-wide cutter (used to read questions and narrative) a library's labels."""
    _shared().add(terms)


def tokenize(text: str) -> list[str]:
    return _shared().tokenize(text)


def is_word(text: str) -> bool:
    return _shared().is_word(text)


def words(text: str) -> list[str]:
    return _shared().words(text)


class BM25Index:
    """bm25s over pre-tokenised chunks, scored over a candidate set only: its sparse matrix lists,
    per word, the chunks holding it, so a search reads just the allowed part of each list."""

    def __init__(self, model, size: int, cutter: WordCutter, ignore: set[str] = frozenset()):
        self.bm25 = model  # a bm25s.BM25 with its scores built
        self.size = size
        self.cutter = cutter  # the cutter that made the chunks' tokens: a query is cut the same way
        self.ignore = set(ignore)  # query words the filters already handle (department names)

    @classmethod
    def indexed(cls, token_lists: list[list[str]], cutter: WordCutter, ignore: set[str] = frozenset()) -> "BM25Index":
        import bm25s

        model = bm25s.BM25()
        if token_lists:
            model.index([toks or ["∅"] for toks in token_lists], show_progress=False)
        return cls(model, len(token_lists), cutter, ignore)

    def save(self, folder: Path) -> None:
        """Written once at build time: loading it is a memory map, not the seconds of scoring
        every chunk's words again at each start (most of the load time of a large corpus)."""
        if self.size:
            self.bm25.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path, size: int, cutter: WordCutter, ignore: set[str] = frozenset()) -> "BM25Index | None":
        """The index ``save`` wrote for ``size`` chunks, memory-mapped; None when there is none that fits."""
        import bm25s

        if not (folder / "params.index.json").exists():
            return None
        try:
            model = bm25s.BM25.load(str(folder), mmap=True, show_progress=False)
        except (OSError, ValueError, KeyError):
            return None
        return cls(model, size, cutter, ignore) if model.scores.get("num_docs") == size else None

    def _column(self, token_id: int) -> tuple[np.ndarray, np.ndarray]:
        """The chunks holding a word (ascending) and the word's BM25 score in each."""
        matrix = self.bm25.scores
        start, end = matrix["indptr"][token_id], matrix["indptr"][token_id + 1]
        return matrix["indices"][start:end], matrix["data"][start:end]

    def scores(self, query: str, candidates: Candidates) -> np.ndarray:
        return self.scores_of(self.query_token_ids(query), candidates)

    def scores_of(self, token_ids: list[int], candidates: Candidates) -> np.ndarray:
        """BM25 score of each candidate (by local number): bm25s's sum, word by word in the
        query's order, over the candidates' part of each word's list."""
        out = np.zeros(candidates.size, dtype=np.float32)
        for token_id in token_ids:
            chunks, values = self._column(token_id)
            picked, local = candidates.select(chunks)
            out[local] += values[picked]
        return out

    def exact_scores(self, token_ids: list[int], positions: np.ndarray) -> np.ndarray:
        """BM25 score of each chunk at ``positions``, summed in float64 word by word in the query's
        order (repeats counted): the one sum an engine holding the same per-word scores also makes."""
        positions = np.asarray(positions, dtype=np.int64)
        out = np.zeros(len(positions), dtype=np.float64)
        for token_id in token_ids:
            chunks, values = self._column(token_id)
            at = np.minimum(np.searchsorted(chunks, positions), max(len(chunks) - 1, 0))
            held = chunks[at] == positions if len(chunks) else np.zeros(len(positions), dtype=bool)
            out[held] += values[at[held]].astype(np.float64)
        return out

    def query_token_ids(self, query: str) -> list[int]:
        """The vocabulary numbers of the question's scoring words, repeats kept (each counts)."""
        tokens = self.query_tokens(query)
        return list(self.bm25.get_tokens_ids(tokens)) if tokens and self.size else []

    def chunk_weights(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per chunk, its words' vocabulary numbers and BM25 scores: the saved per-word lists
        turned round, for an engine that stores a sparse vector per chunk."""
        if not self.size:
            return []
        matrix = self.bm25.scores
        indptr = np.asarray(matrix["indptr"])
        words = np.repeat(np.arange(len(indptr) - 1), np.diff(indptr))
        order = np.argsort(np.asarray(matrix["indices"]), kind="stable")
        chunks = np.asarray(matrix["indices"])[order]
        words, values = words[order], np.asarray(matrix["data"])[order]
        bounds = np.searchsorted(chunks, np.arange(self.size + 1))
        return [(words[a:b], values[a:b]) for a, b in zip(bounds[:-1], bounds[1:])]

    def holding(self, token: str, candidates: Candidates) -> np.ndarray:
        """Local numbers of the candidates whose words include ``token``."""
        token_id = self.bm25.vocab_dict.get(token) if self.size else None
        if token_id is None:
            return np.zeros(0, dtype=np.int64)
        return candidates.select(self._column(token_id)[0])[1]

    def query_tokens(self, query: str) -> list[str]:
        """The question's words that can score: no department names, no bare numbers."""
        return [t for t in self.cutter.tokenize(query) if t not in self.ignore and not t.isdigit()]


def shared_words(a: str, b: str) -> int:
    """Characters of ``b`` that ``a`` repeats in runs of two or more ("基本支出决算" of
    一般公共预算财政拨款基本支出决算明细表); stray single characters (the 政 of 民政局 against
    财政拨款) do not count."""
    total = 0
    while True:
        length, end_a, end_b = _longest_common_run(a, b)
        if length < 2:
            return total
        total += length
        a = a[:end_a - length] + "\0" + a[end_a:]
        b = b[:end_b - length] + "\1" + b[end_b:]


def _longest_common_run(a: str, b: str) -> tuple[int, int, int]:
    """(length, end in a, end in b) of the longest run both share; at a tie the one ending first
    in ``a``, then in ``b``. Runs of ``b`` are looked up in ``a`` (a question, against a title):
    linear in the question, where comparing every pair of characters took its length times the
    title's, once per run found."""
    low, high = 0, min(len(a), len(b))
    while low < high:  # halving: the parts of a shared run are shared too
        mid = (low + high + 1) // 2
        if any(b[j:j + mid] in a for j in range(len(b) - mid + 1)):
            low = mid
        else:
            high = mid - 1
    if not low:
        return 0, 0, 0
    ends = [(a.find(b[j - low:j]) + low, j) for j in range(low, len(b) + 1) if b[j - low:j] in a]
    return (low, *min(ends))


def longest_shared_run(a: str, b: str) -> int:
    """The longest stretch of characters ``a`` and ``b`` share."""
    return _longest_common_run(a, b)[0]
