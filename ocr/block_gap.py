"""The blank strip between two blocks of one table typed side by side on a wide sheet (a payroll's people
snaked into two blocks like a newspaper's columns, each block under the same headings): where the sheet is
cut to read each block as a table of its own. Not blindly the page's middle: the blocks need not be centred
on the sheet, nor the seam of a sheet captured in two passes fall between them."""

from __future__ import annotations

import numpy as np

from . import preprocess
from .geometry import true_runs

NEAR_MIDDLE = 0.15  # the strip looked for within this share of the width either side of the middle
BLANK_SHARE = 0.02  # an x inked over at most this share of the height (a title's or footer's line across)
MIN_WIDTH = 0.008  # share of the width: narrower blank strips are a column's blank side within a block


def between_blocks(gray: np.ndarray) -> int | None:
    """The page's middle where a blank strip crosses it (two sheets' gutter: H hard regression page), else the
    middle of the blank strip nearest it (a seam's doubled stroke may cut the strip in two: either part is
    blank); blank from top to bottom of the writing (a title or footer line across allowed); None if none."""
    h, w = gray.shape[:2]
    ink = preprocess.binarize(preprocess.to_gray(gray)) > 0
    per_x = ink[int(0.1 * h) : int(0.9 * h)].sum(axis=0)
    lo, hi = int((0.5 - NEAR_MIDDLE) * w), int((0.5 + NEAR_MIDDLE) * w)
    strips = [(a + lo, b + lo) for a, b in true_runs(per_x[lo:hi] <= BLANK_SHARE * h)]
    wide = [(a, b) for a, b in strips if b - a >= MIN_WIDTH * w]
    if not wide:
        return None
    if any(a <= w // 2 < b for a, b in wide):  # the middle blank already: cut there (two sheets' gutter as ever)
        return w // 2
    a, b = min(wide, key=lambda s: abs((s[0] + s[1]) / 2 - w / 2))
    return (a + b) // 2

