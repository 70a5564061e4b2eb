"""A band of the grid between two people's rows that holds no letter and no digit (K dev 3001 p2: a
dotted rule typed through a slipped carbon, its doubled dots cut a band of their own, read `||`; K dev
3003 p5: a comma) and is thinner than a row: no person's line, and no figure a person's row lost. Left a
row, it went out as an empty row in review and took no place in the printed numbers, but a certificate's
reader had a line to check that the sheet does not have. A band as tall as a row keeps its row even
empty: a person's line a stamp or a blot left unreadable must not vanish."""

from __future__ import annotations

import numpy as np

from .geometry import Grid
from .sheet import Sheet

THIN = 0.8  # share of the median height of the people's rows a band without a letter or digit stays below


def _blank(texts: list[str]) -> bool:
    return not any(ch.isalnum() for t in texts for ch in t)


def drop_empty_bands(s: Sheet, g: Grid) -> list[int]:
    """Take the thin bands without a letter or digit out of ``s``'s people's rows, in place; returns their
    grid rows."""
    if len(s.body_rows) < 3:
        return []
    heights = [g.ys[r + 1] - g.ys[r] for r in s.body_rows]
    median = float(np.median(heights))
    gone = [i for i, (h, t) in enumerate(zip(heights, s.texts, strict=True)) if h < THIN * median and _blank(t)]
    rows = [s.body_rows[i] for i in gone]
    for i in reversed(gone):
        del s.body_rows[i], s.texts[i]
    return rows
