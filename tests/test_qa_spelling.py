"""The speller reads slips as words the store and lexicon know, and never rewrites a word
spelled right."""
from __future__ import annotations

from qa.spelling import Speller

WORDS = ["民政局", "招待费", "公车的钱", "公车", "买车", "政协办公厅"]


def speller() -> Speller:
    return Speller(WORDS)


def test_a_slip_is_read_as_the_word_it_sounds_like():
    text, corrections = speller().correct("民证局24年招代费多少")
    assert text == "民政局24年招待费多少"
    assert [(c.written, c.meant) for c in corrections] == [("民证局", "民政局"), ("招代费", "招待费")]


def test_a_short_word_spelled_right_is_never_a_slip():
    # "买车的钱" is one character off "公车的钱", but 买车 is a word of its own
    assert speller().correct("买车的钱呢") == ("买车的钱呢", [])


def test_a_known_word_inside_the_window_stays():
    assert speller().correct("政协办公听2019年")[0] == "政协办公厅2019年"
