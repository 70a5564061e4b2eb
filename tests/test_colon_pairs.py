"""A listing's colons and "!" marks are paired with the dot under each (``column_marks._over_dots``) as the
plain loop over every dot within reach pairs them: the first dot free, in line and close enough, top to
bottom. On a dot-matrix page (AA dev 19005) each stem has a line's thousands of pin dots within reach: the
dots are tested together now, the same pairs (AA and AB dev pages: 18 calls, the same pairs and marks)."""

from __future__ import annotations

import numpy as np
import pytest

from ocr.column_marks import COLON_DOT, COLON_GAP, MARK_DRIFT, _over_dots


def _loop(upper, dots, x, y, h, cx, used, unit, tall):  # the pairing as it was written, one dot at a time
    order = dots[np.argsort(y[dots], kind="stable")]
    tops = y[order]
    below = y[upper] + h[upper]
    first = np.searchsorted(tops, below, side="left")
    last = np.searchsorted(tops, below + COLON_GAP * COLON_DOT[1] * unit, side="right")
    pairs = []
    for i, a, b in sorted(zip(upper.tolist(), first.tolist(), last.tolist(), strict=True), key=lambda t: int(y[t[0]])):
        if used[i]:
            continue
        for j in order[a:b].tolist():
            near = int(y[j]) - int(y[i] + h[i]) <= COLON_GAP * h[j] and int(y[j] + h[j] - y[i]) <= tall
            if not used[j] and j != i and near and abs(float(cx[i] - cx[j])) <= MARK_DRIFT * unit:
                used[i] = used[j] = True
                pairs.append((i, j))
                break
    return pairs


@pytest.mark.parametrize("seed", range(6))
def test_the_pairs_are_the_loops(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = 3000
    x = rng.integers(0, 400, n).astype(np.int32)
    y = rng.integers(0, 800, n).astype(np.int32)  # dense: many dots within each stem's reach
    h = rng.integers(3, 20, n).astype(np.int32)
    cx = x + rng.random(n) * 6
    upper = np.flatnonzero(h >= 12)
    dots = np.flatnonzero(h <= 16)  # some blots both: a stem may be another's dot, never its own
    used = rng.random(n) < 0.05
    want_used = used.copy()
    want = _loop(upper, dots, x, y, h, cx, want_used, 1.0, 30.0)
    got = _over_dots(upper, dots, x, y, h, cx, used, 1.0, 30.0)
    assert len(want) > 50
    assert got == want and np.array_equal(used, want_used)
