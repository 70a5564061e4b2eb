"""A dot-matrix printout's column marks: the printer has no vertical rules, so the program types a "!" or
"|" between the columns on every text line of the table. Each mark is a short thin stroke, one a line,
and the paper between two lines (and a typed rule between two rows) breaks them: no stroke long enough
for a vertical rule, and every mark, standing between two gaps, read as a thin column of its own (P dev
8008 p1: seventeen columns for nine, the table unruled, the people's figures in review). Marks in
line down the table, one a text line, are its vertical rule.
"""

from __future__ import annotations

import cv2
import numpy as np

MARK_THIN = 10  # a mark's stroke is at most this wide (px at 300 dpi) ...
MARK_SHORT = 14  # ... at least this tall (a letter's height: a dot or a hyphen is none) ...
MARK_TALL = 48  # ... at most this tall (a text line's; a "!" with its dot run into its stem) ...
MARK_SLENDER = 2.5  # ... and this many times taller than wide
MARK_DRIFT = 3  # how far one mark's middle may stand off the last one's, across
MARK_GAP = 2.2  # paper between two marks of one column at most, in marks' heights (a line's spacing and a rule)
MARK_RUN = 6  # marks in line at the least (three rows of two lines; a column of "1"s one a row is further apart)


def column_marks(stats: np.ndarray, centroids: np.ndarray, shape: tuple[int, int], unit: float) -> np.ndarray:
    """The column marks drawn as vertical rules, each from its first mark's top to its last mark's bottom
    (``stats``/``centroids``: ``preprocess.components``, background first)."""
    mask = np.zeros(shape, dtype=np.uint8)
    x, y, w, h = (stats[1:, k] for k in range(4))
    mark = (w <= MARK_THIN * unit) & (h >= MARK_SHORT * unit) & (h <= MARK_TALL * unit) & (h >= MARK_SLENDER * w)
    idx = np.nonzero(mark)[0]
    if idx.size < MARK_RUN:
        return mask
    cx = centroids[1:, 0]
    for run in _in_line(idx, cx, y, h, unit):
        if len(run) < MARK_RUN:
            continue
        xm = int(round(float(np.median(cx[run]))))
        y0, y1 = int(y[run].min()), int((y[run] + h[run]).max())
        cv2.line(mask, (xm, y0), (xm, y1 - 1), 255, max(1, int(np.median(w[run]))))
    return mask


def _in_line(idx: np.ndarray, cx: np.ndarray, y: np.ndarray, h: np.ndarray, unit: float) -> list[list[int]]:
    """Marks chained down the page: each joins the chain whose last mark stands within ``MARK_DRIFT``
    across and ends at most ``MARK_GAP`` marks' heights above it."""
    chains: list[list[int]] = []
    near: dict[int, list[int]] = {}  # chains by their last mark's middle, in steps of the drift
    step = 2 * MARK_DRIFT * unit
    for i in sorted(idx.tolist(), key=lambda k: int(y[k])):
        key = int(cx[i] // step)
        best = -1
        for k in (key - 1, key, key + 1):
            for n in near.get(k, []):
                last = chains[n][-1]
                gap = int(y[i]) - int(y[last] + h[last])
                if abs(float(cx[i] - cx[last])) <= MARK_DRIFT * unit and -2 <= gap <= MARK_GAP * float(h[last]):
                    best = n
                    break
            if best >= 0:
                break
        if best < 0:
            chains.append([i])
            best = len(chains) - 1
        else:
            old = int(cx[chains[best][-1]] // step)
            near[old].remove(best)
            chains[best].append(i)
        near.setdefault(key, []).append(best)
    return chains
