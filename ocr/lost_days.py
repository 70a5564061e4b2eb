"""A days column the reading lost: typed figures in a column of the grid that no reading took and no
kind was given to, on a sheet where no days column was found (P dev 8007 p2: the `ОТР. ДНИ` column's
`22`s too light for typing, its heading misread; every row's days missing and out without a flag, once the
sheet's money columns proved themselves). Each row's days go to a person as unreadable: the figures are
on the sheet, not read."""

from __future__ import annotations

import cv2
import numpy as np

from . import checks
from .analysis import Analysis

MOST = 0.5  # of the body rows whose cell holds figure-like ink


def _figure_like(cell: np.ndarray, char_h: int) -> bool:
    """One to three blots the size of a typed digit, side by side (a day's figure; not a signature's
    strokes, a stamp's ring or dust)."""
    n, _, stats, _ = cv2.connectedComponentsWithStats((cell > 0).astype(np.uint8), connectivity=8)
    h, w = stats[1:, cv2.CC_STAT_HEIGHT], stats[1:, cv2.CC_STAT_WIDTH]
    digit = (h >= 0.6 * char_h) & (h <= 1.4 * char_h) & (w <= 1.2 * char_h) & (w >= 2)
    big = (h > 1.4 * char_h) | (w > 1.2 * char_h)
    return 1 <= int(digit.sum()) <= 3 and not big.any()


def doubt_lost_days(a: Analysis, kinds: list[str | None], drafts: list[checks.RowDraft], rows: list[int]) -> bool:
    """Every row's days in review (``UNREADABLE``) where no days column was found and a column of the grid
    with no kind holds figure-like ink on most body rows (``rows``: the drafts' grid rows). True if so."""
    if "days_worked" in kinds or not drafts:
        return False
    g = a.grid
    char_h = a.blobs.char_height()
    for c, k in enumerate(kinds):
        if k is not None or c + 1 >= len(g.xs):
            continue
        hits = 0
        for r in rows:
            if r + 1 >= len(g.ys):
                continue
            cell = a.ink[g.ys[r] + 3 : g.ys[r + 1] - 2, g.xs[c] + 4 : g.xs[c + 1] - 3]
            hits += cell.size > 0 and _figure_like(cell, char_h)
        if hits >= max(2, MOST * len(rows)):
            for d in drafts:
                d.values.setdefault("days_worked", None)
                d.review.add("days_worked", checks.UNREADABLE)
            return True
    return False
