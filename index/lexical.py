"""BM25 over jieba tokens.

llama-index's BM25Retriever treats a run of Chinese characters as one token (scores come out 0
on Chinese), so tokenisation is ours: jieba's search mode, with the national template's budget
terms and the store's own row labels added to its dictionary so "公务用车运行维护费" stays one
term as well as its parts.
"""
from __future__ import annotations

import logging
import re

import numpy as np

from core.vocab import budget_terms

STOPWORDS = set("的 了 是 呢 吗 吧 啊 和 与 及 在 为 有 多少 几 哪些 什么 怎么 请问 一下 一共 总共 年 年度 元 万元 ， 。 ？ ? ！ ： : 、 （ ） ( ) “ ” \" ' ； ; / -".split())
TOKEN_OK = re.compile(r"[\w\u4e00-\u9fff]")

_added: set[str] = set()


def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    if not _added:
        for term in budget_terms():
            jieba.add_word(term, freq=20000)
            _added.add(term)
    return jieba


def add_terms(terms: list[str]) -> None:
    """Teach jieba the store's own labels (short ones only: long labels are phrases)."""
    jieba = _jieba()
    for term in terms:
        term = term.strip()
        if 2 <= len(term) <= 12 and term not in _added:
            jieba.add_word(term, freq=20000)
            _added.add(term)


def tokenize(text: str) -> list[str]:
    jieba = _jieba()
    tokens = []
    for tok in jieba.cut_for_search(text.lower()):
        tok = tok.strip()
        if tok and tok not in STOPWORDS and TOKEN_OK.search(tok):
            tokens.append(tok)
    return tokens


COMMON_WORD_FREQ = 20  # jieba counts rare pairs ("够花": 3) that are no evidence of a word


def is_word(text: str) -> bool:
    """A common word of jieba's dictionary (or a budget term): "就业", "决算", not "办工"."""
    return _jieba().dt.FREQ.get(text, 0) >= COMMON_WORD_FREQ


def words(text: str) -> list[str]:
    """The text cut into words (jieba's accurate mode, with the budget terms): for reading a
    question, where search mode's overlapping pieces would count a word twice."""
    return [w for w in _jieba().lcut(text) if w.strip()]


class BM25Index:
    """bm25s over pre-tokenised chunks; scores every chunk so callers can filter first."""

    def __init__(self, token_lists: list[list[str]], ignore: set[str] = frozenset()):
        import bm25s

        self.ignore = set(ignore)  # query words the filters already handle (department names)
        self.size = len(token_lists)
        self.bm25 = bm25s.BM25()
        if token_lists:
            self.bm25.index([toks or ["∅"] for toks in token_lists], show_progress=False)

    def scores(self, query: str) -> np.ndarray:
        tokens = [t for t in tokenize(query) if t not in self.ignore and not t.isdigit()]
        if not tokens or not self.size:
            return np.zeros(self.size, dtype=np.float32)
        return np.asarray(self.bm25.get_scores(tokens), dtype=np.float32)


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
    best = (0, 0, 0)
    previous = [0] * (len(b) + 1)
    for i, ch in enumerate(a, 1):
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, 1):
            if ch == other:
                current[j] = previous[j - 1] + 1
                if current[j] > best[0]:
                    best = (current[j], i, j)
        previous = current
    return best


def longest_shared_run(a: str, b: str) -> int:
    """The longest stretch of characters ``a`` and ``b`` share."""
    return _longest_common_run(a, b)[0]
