"""The chunks a search may return, as sorted runs of chunk positions.

The index keeps each document's chunks together, so a filter on documents is a handful of
ranges: every step of a search then costs what the allowed documents hold, not the corpus.
"""
from __future__ import annotations

import numpy as np


class Candidates:
    """Sorted, disjoint ``[start, end)`` runs of chunk positions; ``local`` numbers the chunks
    of the runs 0..size-1 in position order."""

    def __init__(self, starts, ends):
        self.starts = np.asarray(starts, dtype=np.int64)
        self.ends = np.asarray(ends, dtype=np.int64)
        lengths = self.ends - self.starts
        self.offsets = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64) if len(lengths) else lengths
        self.size = int(lengths.sum())

    @classmethod
    def everything(cls, n: int) -> "Candidates":
        return cls([0], [n]) if n else cls([], [])

    @classmethod
    def runs_of(cls, mask: np.ndarray) -> "Candidates":
        """The runs of True in a boolean mask over all chunks."""
        edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
        return cls(np.flatnonzero(edges == 1), np.flatnonzero(edges == -1))

    def positions(self) -> np.ndarray:
        """Every chunk position, ascending."""
        return self.to_global(np.arange(self.size, dtype=np.int64))

    def to_global(self, local: np.ndarray) -> np.ndarray:
        run = np.searchsorted(self.offsets, local, side="right") - 1
        return self.starts[run] + (local - self.offsets[run])

    def contains(self, positions: np.ndarray) -> np.ndarray:
        run = np.searchsorted(self.ends, positions, side="right")
        inside = run < len(self.ends)
        return inside & (positions >= self.starts[np.minimum(run, len(self.ends) - 1)]) if len(self.ends) else inside

    def select(self, posting: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For a sorted array of chunk positions: which entries fall in the runs, and their local
        numbers. Costs a binary search per run, not a pass over the posting."""
        lo = np.searchsorted(posting, self.starts)
        hi = np.searchsorted(posting, self.ends)
        counts = hi - lo
        picked = np.arange(int(counts.sum()), dtype=np.int64) + np.repeat(lo - (np.cumsum(counts) - counts), counts)
        return picked, posting[picked] - np.repeat(self.starts - self.offsets, counts)

    def intersect(self, other: "Candidates") -> "Candidates":
        """The positions in both sets of runs."""
        first = np.searchsorted(other.ends, self.starts, side="right")
        last = np.searchsorted(other.starts, self.ends, side="left")
        counts = np.maximum(last - first, 0)
        mine = np.repeat(np.arange(len(self.starts)), counts)
        theirs = np.arange(int(counts.sum())) + np.repeat(first - (np.cumsum(counts) - counts), counts)
        starts = np.maximum(self.starts[mine], other.starts[theirs])
        ends = np.minimum(self.ends[mine], other.ends[theirs])
        keep = starts < ends
        return Candidates(starts[keep], ends[keep])

    def bitmap(self, n: int) -> np.ndarray:
        """Membership of positions 0..n-1 packed as FAISS's IDSelectorBitmap reads it."""
        delta = np.zeros(n + 1, dtype=np.int32)
        delta[self.starts] += 1
        delta[self.ends] -= 1
        return np.packbits(np.cumsum(delta[:n]) > 0, bitorder="little")
