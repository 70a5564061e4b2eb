"""A figure column's heading the page's reading garbled, read again alone before the layout gate judges it
(issue 9, family F dev 605 p1: a noisy page's headings read `ди“` for `Явявания (дни)`, `нашслена` for
`Начислена`: the days column, read right and placed by no heading, no total, no row sum, sent the well-read
page to review whole; E dev 516 p6 likewise). Dev pages (A, D, E, F, H, J, hard, K, L: 262 pages), s20-gatefp:
false fires F 1 -> 0 of 48 pages, E 1 -> 0 of 60; no other page's gate decision moved, K and L unchanged.

Only where the gate's one failed proof is the columns' and it fails for columns placed by nothing (the rows,
their printed numbers and the row sums hold): each such column's heading cell is read again on its own. The
reading replaces the first only where it names a field (the gate then asks whether it names the column's
kind: a heading naming another field places nothing). Every other page costs nothing and reads as before."""

from __future__ import annotations

import numpy as np

from . import columns, layout_gate
from .analysis import Analysis
from .engine import OcrEngine
from .geometry import reading_text
from .sheet import Sheet

PAD = 4  # pixels inside the cell's rules


def read_again(a: Analysis, s: Sheet, kinds: list[str | None], engine: OcrEngine, proof: layout_gate.Proof) -> bool:
    """Read again the headings of the columns ``proof`` leaves unplaced where nothing else fails; True where
    a heading changed (``s.headings`` updated)."""
    unplaced = layout_gate.unplaced(proof)
    if not unplaced or layout_gate.failures(proof) != ["columns"] or not layout_gate.sums_hold(proof):
        return False
    g = a.grid
    if len(g.ys) < 2:
        return False
    y0, y1 = g.ys[0] + PAD, g.ys[1] - PAD
    changed = False
    for c, k in enumerate(kinds):
        if k not in unplaced or c >= len(s.headings) or c + 1 >= len(g.xs):
            continue
        x0, x1 = g.xs[c] + PAD, g.xs[c + 1] - PAD
        if x1 <= x0 or y1 <= y0:
            continue
        cell = np.ascontiguousarray(a.gray[y0:y1, x0:x1])
        if cell.size == 0 or cell.min() > 128:  # no ink
            continue
        text = reading_text(engine.words(cell, psm=6))
        if columns.heading_votes(text):
            s.headings[c] = text
            changed = True
    return changed
