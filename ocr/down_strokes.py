"""Strokes down through a table's rows that are no writing: a mended tear's tape, its edges darker lines across
several rows (slanted a little, so not taken for a column's rule) and its yellowed patches dithered into blots
that run together, a scratch or a stray pen line down the sheet. Left in the ink, they fill the paper between
the people's lines: the profile across never falls to paper there, and two or three people's lines stay one
band (AH dev 26008 p1: a bitonal scan, four strips of tape down the sheet, nine people in seven bands, rows
merged and split again wrong, the whole page in review). Where the rows are cut by the lines of writing
(``tables.split_ruled_rows``), such strokes are left out: a blot far taller than the type's letters is no line's.
"""

from __future__ import annotations

import cv2
import numpy as np

from .preprocess import components

TALL = 2.5  # a blot this many times the median blot's height at the least runs down through the lines
LEAST_AREA = 30  # the blots the type's height is measured on (px): no dither dot or speck
LEAST_BLOTS = 20  # blots in the region at the least to tell the type's height by
LEAST_STROKES = 3  # tall blots at the least: a tape's edges and patches come broken in many (AH dev 26005 p1: 12,
# 26008 p1-2: 8-9); one alone is a pen's stroke among the writing (a correction's mark: regression sheet
# e-correction-row-whole-page-review, its corrected row's half line merged into the row above without it)


def without_down_strokes(ink: np.ndarray, y0: int, y1: int, x0: int, x1: int) -> np.ndarray:
    """``ink`` with the blots inside the region (rows ``y0:y1``, columns ``x0:x1``) that stand far taller
    than the type's (``TALL`` times the median blot's height) taken out; ``ink`` itself when there are
    fewer than ``LEAST_STROKES``, or too few blots to tell the type's height."""
    y0, y1, x0, x1 = max(0, y0), min(ink.shape[0], y1), max(0, x0), min(ink.shape[1], x1)
    if y1 <= y0 or x1 <= x0:
        return ink
    region = (ink[y0:y1, x0:x1] > 0).view(np.uint8)
    n, labels, stats, _ = components(region)  # (Grana, 16-bit: the same labels)
    sized = stats[1:, cv2.CC_STAT_AREA] >= LEAST_AREA
    if int(sized.sum()) < LEAST_BLOTS:
        return ink
    heights = stats[1:, cv2.CC_STAT_HEIGHT]
    tall = np.zeros(n, dtype=bool)
    tall[1:] = heights > TALL * float(np.median(heights[sized]))
    if int(tall.sum()) < LEAST_STROKES:
        return ink
    out = ink.copy()
    out[y0:y1, x0:x1][tall[labels]] = 0
    return out
