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
        x0, x1 = across_rules(ink, box, x0, x1, y0, y1)
        return clean[y0:y1, x0:x1]
    mine = [(a, b) for a, b in lines if box.y0 <= (a + b) / 2 < box.y1]
    if len(mine) > 1 or max((b - a for a, b in lines), default=0) > box.h:  # a cell of several lines, a tall one
        x0, x1 = across_rules(ink, box, x0, x1, y0, y1)
        return clean[y0:y1, x0:x1]
    top = max(0, min(y0, mine[0][0] - PAD)) if mine else y0
    bottom = min(clean.shape[0], max(y1, mine[-1][1] + PAD)) if mine else y1
    x0, x1 = across_rules(ink, box, x0, x1, top, bottom)
    out = clean[top:bottom, x0:x1].copy()
    for a, b in lines:
        if (a, b) not in mine and a < bottom and b > top:
            out[max(a, top) - top : min(b, bottom) - top] = 255
    return out


RULE_REACH = 4  # px each side of a column rule's middle its removed ink may reach (a printed rule, 3-5 px wide)
EDGE = 6  # px beyond the removed rule: a glyph this near it is typed against the rule
WORD_GAP = 2.0  # a glyph against the rule joins the writing across it when its gap there is this many times
# narrower than the gap to the writing on its own side (a word's space; none: no writing there)


def _runs(on: np.ndarray) -> list[tuple[int, int]]:
    """Runs of True (start, end), gaps of one or two columns closed (a glyph's thin stroke)."""
    runs: list[tuple[int, int]] = []
    for x in np.flatnonzero(on):
        if runs and x - runs[-1][1] <= 2:
            runs[-1] = (runs[-1][0], int(x) + 1)
        else:
            runs.append((int(x), int(x) + 1))
    return runs


def cut_glyph(ink: np.ndarray, x: int, y0: int, y1: int) -> tuple[int, int, int] | None:
    """A glyph typed against the column rule at ``x`` (rows ``y0`` to ``y1``) that belongs to the writing across
    the rule: the glyph's gap to the writing across the rule a letter's, narrower by ``WORD_GAP`` times than its
    gap to the writing on its own side (a figure run over the rule, its last digit past it). (its left, its right,
    -1 when it belongs to the writing left of the rule, +1 to the right's), or None."""
    h = y1 - y0
    if h <= 0:
        return None
    base = max(0, x - 3 * h)
    on = np.asarray((ink[y0:y1, base : x + 3 * h] > 0).any(axis=0), dtype=bool)
    runs = [(a + base, b + base) for a, b in _runs(on)]
    near = RULE_REACH + EDGE
    left = [r for r in runs if r[1] <= x + RULE_REACH and r[1] >= x - near]
    right = [r for r in runs if r[0] >= x - RULE_REACH and r[0] <= x + near]
    if not left or not right or left[-1] == right[0]:
        return None
    lg, rg = left[-1], right[0]
    gap = rg[0] - lg[1]
    if gap > h:
        return None
    i, k = runs.index(lg), runs.index(rg)
    after = runs[k + 1][0] - rg[1] if k + 1 < len(runs) else 10**6
    before = lg[0] - runs[i - 1][1] if i > 0 else 10**6
    if gap * WORD_GAP <= after and not gap * WORD_GAP <= before:
        return rg[0], rg[1], -1
    if gap * WORD_GAP <= before and not gap * WORD_GAP <= after:
        return lg[0], lg[1], 1
    return None


def across_rules(ink: np.ndarray, box: Box, x0: int, x1: int, y0: int, y1: int) -> tuple[int, int]:
    """The crop's left and right (``x0``, ``x1``) with a glyph the cell's column rules cut (``cut_glyph``) taken in
    whole when it is typed with this cell's writing, left out when with the neighbour's."""
    right = cut_glyph(ink, box.x1, y0, y1)
    if right is not None:
        x1 = max(x1, right[1] + PAD) if right[2] < 0 else min(x1, max(x0 + 1, right[0]))
    left = cut_glyph(ink, box.x0, y0, y1)
    if left is not None:
        x0 = min(x0, max(0, left[0] - PAD)) if left[2] > 0 else max(x0, min(x1 - 1, left[1]))
    return x0, min(x1, ink.shape[1])
