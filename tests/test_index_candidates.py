"""Candidate sets as runs of chunk positions: the same chunks a boolean mask would allow."""
from __future__ import annotations

import numpy as np
import pytest

from index.candidates import Candidates
from index.engines import top_positive

N = 50
RUNS = Candidates([3, 10, 30], [7, 11, 42])
MASK = np.zeros(N, dtype=bool)
MASK[3:7] = MASK[10:11] = MASK[30:42] = True


def test_positions_and_local_numbers_follow_the_runs():
    assert RUNS.size == MASK.sum()
    assert np.array_equal(RUNS.positions(), np.flatnonzero(MASK))
    assert np.array_equal(RUNS.to_global(np.array([0, 4, 5, 16])), [3, 10, 30, 41])


def test_membership_matches_a_mask():
    everything = np.arange(N)
    assert np.array_equal(RUNS.contains(everything), MASK)
    assert not Candidates([], []).contains(everything).any()
    assert Candidates.everything(N).contains(everything).all()


def test_select_reads_only_the_allowed_part_of_a_posting():
    posting = np.array([0, 3, 6, 7, 9, 10, 29, 30, 41, 42, 49])
    picked, local = RUNS.select(posting)
    assert np.array_equal(posting[picked], posting[MASK[posting]])
    assert np.array_equal(RUNS.to_global(local), posting[picked])


def test_runs_of_a_mask_and_intersection():
    assert np.array_equal(Candidates.runs_of(MASK).positions(), np.flatnonzero(MASK))
    rng = np.random.default_rng(0)
    other = rng.random(N) < 0.4
    both = RUNS.intersect(Candidates.runs_of(other))
    assert np.array_equal(both.positions(), np.flatnonzero(MASK & other))
    assert RUNS.intersect(Candidates([], [])).size == 0


def test_bitmap_is_what_faiss_reads():
    import faiss

    bitmap = RUNS.bitmap(N)
    selector = faiss.IDSelectorBitmap(N, faiss.swig_ptr(bitmap))
    assert [selector.is_member(i) for i in range(N)] == MASK.tolist()


@pytest.mark.parametrize("seed", range(5))
def test_top_is_a_stable_sorts_head(seed):
    rng = np.random.default_rng(seed)
    scores = rng.integers(0, 4, 200).astype(np.float32)  # many ties and zeros
    order = np.argsort(-scores, kind="stable")[:20]
    assert top_positive(scores, 20).tolist() == [int(i) for i in order if scores[i] > 0]
