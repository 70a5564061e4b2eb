"""ocr.runs.true_runs: the runs of True in a mask, as a plain scan finds them."""

from __future__ import annotations

import numpy as np

from ocr.runs import true_runs


def _scan(flag: list[bool]) -> list[tuple[int, int]]:
    runs, i = [], 0
    while i < len(flag):
        if flag[i]:
            j = i
            while j < len(flag) and flag[j]:
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def test_runs_at_the_edges_and_between():
    assert true_runs(np.array([True, True, False, True, False, False, True])) == [(0, 2), (3, 4), (6, 7)]
    assert true_runs(np.array([False, False])) == []
    assert true_runs(np.array([True] * 5)) == [(0, 5)]
    assert true_runs(np.zeros(0, dtype=bool)) == []


def test_same_runs_as_a_scan_on_random_masks():
    rng = np.random.default_rng(9)
    for n in (1, 2, 17, 300):
        for p in (0.1, 0.5, 0.9):
            flag = rng.random(n) < p
            assert true_runs(flag) == _scan(flag.tolist())


def test_a_mask_of_ink_levels_counts_nonzero_as_true():
    row = np.array([0, 255, 255, 0, 7], dtype=np.uint8)
    assert true_runs(row > 0) == [(1, 3), (4, 5)]
    runs = true_runs(row > 0)
    assert all(isinstance(v, int) for r in runs for v in r)  # plain ints, as the grid's positions are
