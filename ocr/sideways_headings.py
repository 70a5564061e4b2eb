"""Column headings printed on their side (issue 9, family K: a printed form's narrow columns headed bottom to
top, `Изработени работни дни`, `Всичко начислено възнаграждение`), read again turned upright. Read as
printed, such a heading is a handful of letters no field's words are made of (K dev 3001 p1: every money
column's heading), so the page's columns were proved by nothing and it went to review whole.

A heading cell is read again only where its first reading names no field and the cell is taller than wide
(a heading on its side needs the height); the upright reading replaces the first only where it names a
field (or a day's rate, a class: ``outside_columns``), so an upright heading read sideways (a few letters of garbage) changes nothing."""

from __future__ import annotations

import numpy as np

from . import columns, group_headings, outside_columns
from .analysis import Analysis
from .engine import OcrEngine
from .geometry import reading_text
from .sheet import Sheet

PAD = 4  # pixels inside the cell's rules


def read_again(a: Analysis, s: Sheet, engine: OcrEngine) -> None:
    """Replace ``s.headings`` read as printed by their upright reading, where the cell is on its side."""
    g = a.grid
    if len(g.ys) < 2 or not s.body_rows:  # no row read: no column to name
        return
    rules = group_headings.group_rules(a)
    y1 = g.ys[1] - PAD
    for c in range(min(len(s.headings), len(g.xs) - 1)):
        x0, x1 = g.xs[c] + PAD, g.xs[c + 1] - PAD
        y0 = group_headings.under_groups(a, c, rules) + PAD  # (under a group's cell: the column's own heading)
        first = s.headings[c]
        if (
            x1 <= x0
            or y1 - y0 <= x1 - x0
            or columns.heading_votes(first)
            or outside_columns.named_not_pay(first)
        ):
            continue
        # text printed bottom to top: turned a quarter clockwise
        cell = np.ascontiguousarray(np.rot90(a.gray[y0:y1, x0:x1], k=-1))
        if cell.size == 0 or cell.min() > 128:  # no ink
            continue
        text = reading_text(engine.words(cell, psm=6))
        if columns.heading_votes(text) or outside_columns.named_not_pay(text):  # a field, or a rate, a class
            s.headings[c] = text
