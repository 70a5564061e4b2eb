"""Figures typed in the boxes of a printed form (family N: the ЕГН in ten boxes, `|6|6|0|3|0|2|2|4|1|2|`):
the boxes' short upright sides are taken off before the digits pass. The long rules above and below go
with the table's ruling; the sides, as tall as a digit, stayed and were read as figures (`442`, `47470`
for a ЕГН: N dev 6001 p6-p8, no ЕГН column found and every field of every row sent to review for it).

A cell's sides are thin upright strokes as tall as its line of figures, eight or more of them at one pitch
(a box's width) down the cell; a figure's own stroke (a `1` in the middle of its box) is off that pitch and
stays. Only those strokes are made paper, in the clean image and the ink map (``Analysis`` changed in
place).
"""

from __future__ import annotations

import numpy as np

from .analysis import Analysis
from .geometry import Box, true_runs

MIN_SIDES = 8  # a row of boxes for ten digits has eleven sides; some may be faint or touch a digit
THIN = 0.15  # a side's width, at most this share of its height
TALL = 0.9  # a side's height, at least this share of the tallest stroke's (the box's)
TALLER = 1.1  # the sides are this much taller than the digits' strokes at least
PITCH = 0.15  # the sides' spacing is a whole number of pitches to this share


def _longest_runs(cell: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per pixel column: the longest vertical run of ink (the first of equal ones), its first row and its
    end (exclusive); 0, 0, 0 for a column with no ink. Every run of every column found at once (the edges
    of the ink down the columns), not a pass row by row."""
    w = cell.shape[1]
    best, end = np.zeros(w, int), np.zeros(w, int)
    edges = np.diff(np.pad(cell.T.astype(np.int8), ((0, 0), (1, 1))), axis=1)
    col, first = np.nonzero(edges == 1)  # in order down each column, columns in order
    _, last = np.nonzero(edges == -1)
    if col.size:
        length = last - first
        order = np.lexsort((first, -length, col))  # per column the longest run first, of equal ones the top one
        top = order[np.flatnonzero(np.diff(col[order], prepend=-1))]
        best[col[top]], end[col[top]] = length[top], last[top]
    return best, end - best, end


def sides(ink: np.ndarray, box: Box) -> list[tuple[int, int, int, int]]:
    """The boxes' sides in one cell, as (x, y, w, h) in the page; none where the cell has no row of boxes.
    A side is a thin upright stroke as tall as the box (taller than the digits in it), touching a digit
    or not: only its own pixel columns' longest run of ink is the side."""
    y0, y1, x0, x1 = box.y0 + 2, box.y1 - 1, box.x0 + 2, box.x1 - 1
    if y1 - y0 < 8 or x1 - x0 < 8:
        return []
    cell = ink[y0:y1, x0:x1] > 0
    best, start, end = _longest_runs(cell)
    tall = int(best.max())
    if tall < 8:
        return []
    upright = best >= TALL * tall
    strokes = [(a, b) for a, b in true_runs(upright) if b - a <= max(3, THIN * tall)]
    if len(strokes) < MIN_SIDES:
        return []
    # a box is taller than the digits in it: a digit's stems, as tall as it, at a monospaced face's pitch
    # are no sides (N dev 6001 p20)
    rest = np.ones(len(best), bool)
    for a, b in strokes:
        rest[max(0, a - 1) : b + 1] = False
    inked = cell.any(axis=0) & rest
    if inked.any():  # each other pixel column's ink from its top to its bottom: the digits' height
        first = np.argmax(cell, axis=0)
        last = cell.shape[0] - np.argmax(cell[::-1], axis=0)
        if tall < TALLER * float(np.percentile((last - first)[inked], 75)):
            return []
    centres = np.array([(a + b) / 2 for a, b in strokes])
    pitch = float(np.median(np.diff(centres)))
    if pitch < 0.3 * tall:
        return []
    steps = np.diff(centres) / pitch
    on = np.abs(steps - np.round(steps)) <= PITCH  # a side lost under a digit: two pitches apart
    if on.sum() < MIN_SIDES - 1 or (np.round(steps) < 1).any():
        return []
    out = []
    for a, b in strokes:
        top, bottom = int(start[a:b].min()), int(end[a:b].max())
        out.append((x0 + a, y0 + top, b - a, bottom - top))
    return out


def take_off_sides(a: Analysis, kinds: list[str]) -> int:
    """The boxes' sides in the ``kinds``' 'numeric' columns made paper; returns how many cells had boxes."""
    g = a.grid
    boxed = 0
    for c in [c for c, k in enumerate(kinds) if k == "numeric"]:
        for r in range(1, g.n_rows):
            found = sides(a.ink, g.cell(r, c))
            boxed += bool(found)
            for x, y, w, h in found:
                a.ink[y : y + h, x : x + w] = 0
                a.clean[max(0, y - 3) : y + h + 3, max(0, x - 2) : x + w + 2] = 255
    return boxed
