"""A band of the grid between two people's rows that holds no letter and no digit (K dev 3001 p2: a
dotted rule typed through a slipped carbon, its doubled dots cut a band of their own, read `||`; K dev
3003 p5: a comma) and is thinner than a row: no person's line, and no figure a person's row lost. Left a
row, it went out as an empty row in review and took no place in the printed numbers, but a certificate's
reader had a line to check that the sheet does not have. A band as tall as a row keeps its row even
empty: a person's line a stamp or a blot left unreadable must not vanish.

A thin band whose ink is nothing but the column marks' strokes on the grid's column boundaries (and flat bits
of a rule) is as empty, whatever the reading made of them: a typed table's "|" marks, drawn as rules and taken
out a little narrower than typed (a grey or dithered scan's ragged strokes), leave a sliver either side of
each, read "1" or "!" (AH dev 26005 p3: three such bands between the people's rows and one over the first,
each an empty row in review, the printed numbers off the order and the whole page in review)."""

from __future__ import annotations

import cv2
import numpy as np

from .geometry import Grid
from .sheet import Sheet

THIN = 0.8  # share of the median height of the people's rows a band without a letter or digit stays below
MARK_WIDE = 10  # a column mark's stroke (or its sliver) at most this wide (px at 300 dpi) ...
MARK_NEAR = 14  # ... its middle at most this far from a column boundary of the grid
FLAT = 4  # a stroke at most this tall is a bit of a rule or a speck, no glyph (px at 300 dpi)


def _blank(texts: list[str]) -> bool:
    return not any(ch.isalnum() for t in texts for ch in t)


def _marks_only(ink: np.ndarray, g: Grid, r: int, unit: float) -> bool:
    """Whether grid row ``r``'s ink (``ink``: the text ink, rules taken out) within the table holds only
    strokes on its column boundaries, narrow, and flat strokes: no glyph of a letter or figure."""
    y0, y1 = max(0, g.ys[r]), min(ink.shape[0], g.ys[r + 1])
    x0, x1 = max(0, g.xs[0]), min(ink.shape[1], g.xs[-1])
    if y1 <= y0 or x1 <= x0:
        return False
    _, _, stats, _ = cv2.connectedComponentsWithStats((ink[y0:y1, x0:x1] > 0).view(np.uint8), connectivity=8)
    bounds = np.asarray(g.xs, dtype=np.float64) - x0
    for x, _y, w, h, _area in stats[1:]:
        if h <= FLAT * unit:
            continue
        if w > MARK_WIDE * unit or float(np.abs(bounds - (x + w / 2.0)).min()) > MARK_NEAR * unit:
            return False
    return True


def drop_empty_bands(s: Sheet, g: Grid, ink: np.ndarray | None = None, dpi: int = 300) -> list[int]:
    """Take the thin bands without a letter or digit out of ``s``'s people's rows, in place; returns their
    grid rows. ``ink``: the page's text ink (``Analysis.ink``, at ``dpi``), when known: a thin band holding
    only column marks' strokes on the column boundaries goes too, whatever was read in it."""
    if len(s.body_rows) < 3:
        return []
    heights = [g.ys[r + 1] - g.ys[r] for r in s.body_rows]
    median = float(np.median(heights))
    unit = dpi / 300.0
    gone = [
        i
        for i, (r, h, t) in enumerate(zip(s.body_rows, heights, s.texts, strict=True))
        if h < THIN * median and (_blank(t) or (ink is not None and _marks_only(ink, g, r, unit)))
    ]
    rows = [s.body_rows[i] for i in gone]
    for i in reversed(gone):
        del s.body_rows[i], s.texts[i]
    return rows
