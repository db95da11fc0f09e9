"""qa.spelling on long questions: the same slips corrected, in time linear in the question."""
from __future__ import annotations

import pytest

from qa.spelling import Correction, Speller

SPELLER_WORDS = {"办公费", "民政局", "差旅费", "会议费", "培训费"}


@pytest.mark.timeout(30)  # a guard: every window was checked against every known word found (minutes here)
def test_slips_in_a_long_question_are_corrected_as_in_a_short_one():
    speller = Speller(SPELLER_WORDS)
    said = "阳泉民证局办工费会议费，"
    assert speller.correct(said) == ("阳泉民政局办公费会议费，",
                                     [Correction("民证局", "民政局"), Correction("办工费", "办公费")])
    text, corrections = speller.correct(said * 3500)
    assert text == "阳泉民政局办公费会议费，" * 3500
    assert corrections == [Correction("民证局", "民政局"), Correction("办工费", "办公费")] * 3500


def test_a_window_across_the_edge_of_a_word_spelled_right_is_no_slip():
    """In "会议费用" the window 议费用 is one character off 议费表, but 会议费 is spelled right
    across its edge; a window holding a right word whole may still be a slip ("政协办公听")."""
    speller = Speller(SPELLER_WORDS | {"议费表"})
    assert speller.correct("会议费用") == ("会议费用", [])
    assert speller.correct("议费用") == ("议费表", [Correction("议费用", "议费表")])
