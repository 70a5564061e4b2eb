"""A figure's cell where the typed line straddles the printed row rule: the typing's line spacing not the form's
(family AP: a payroll typed on a pre-printed form ruled for a pen, the typed lines creeping up or down across the
printed rows and slanting across them). The cell's crop, the printed row's, cut the figure: its foot left out
(`71,35` read `712`, `131,59` read `121`, `47,00` read `47`: AP dev 34001 p1's first row) and its foot read in the
row under it.

A cell's lines of writing are looked for a row's height above and below it: where one crosses the cell's top
or bottom, the cell's crop is the lines whose middle is in the cell (each whole), and the other lines' ink in
that crop, the rows' above and below, is paper. A cell whose writing keeps inside it is cropped as before.
"""

from __future__ import annotations

import numpy as np

from .geometry import Box

GAP = 8  # px: a line's pieces this near are one line (a printed rule taken out of a struck figure, a comma)
PAD = 3  # px around the lines in the crop
MIN_INK = 2  # a line's pixel rows hold at least this much ink in the cell's width


def lines_near(ink: np.ndarray, box: Box, x0: int, x1: int) -> list[tuple[int, int]]:
    """The lines of writing (top, bottom: pixel rows) between ``x0`` and ``x1`` from a row's height above
    ``box`` to a row's height below it."""
    top, bottom = max(0, box.y0 - box.h), min(ink.shape[0], box.y1 + box.h)
    on = (ink[top:bottom, x0:x1] > 0).sum(axis=1) >= MIN_INK
    lines: list[tuple[int, int]] = []
    for y in np.flatnonzero(on):
        if lines and y - lines[-1][1] <= GAP:
            lines[-1] = (lines[-1][0], int(y) + 1)
        else:
            lines.append((int(y), int(y) + 1))
    return [(a + top, b + top) for a, b in lines]


def crop(clean: np.ndarray, ink: np.ndarray, box: Box, x0: int, x1: int, y0: int, y1: int) -> np.ndarray:
    """The cell's picture from ``clean`` between ``x0`` and ``x1``: rows ``y0`` to ``y1`` (the cell's own crop)
    unless a line of writing crosses the cell's top or bottom; then its lines whose middle is in the cell,
    whole, the other lines' ink in it the paper."""
    if x1 - x0 < 2 or box.h < 4:
        return clean[y0:y1, x0:x1]
    lines = lines_near(ink, box, x0, x1)
    if not any(a < box.y0 < b or a < box.y1 < b for a, b in lines):
        return clean[y0:y1, x0:x1]
    mine = [(a, b) for a, b in lines if box.y0 <= (a + b) / 2 < box.y1]
    top = max(0, min(y0, mine[0][0] - PAD)) if mine else y0
    bottom = min(clean.shape[0], max(y1, mine[-1][1] + PAD)) if mine else y1
    out = clean[top:bottom, x0:x1].copy()
    for a, b in lines:
        if (a, b) not in mine and a < bottom and b > top:
            out[max(a, top) - top : min(b, bottom) - top] = 255
    return out
