"""Amounts typed with an equals mark between the leva and the stotinki (family O: `143=98` for 143.98,
`150=-` for 150 leva whole): the digits model reads the mark as a digit (`143298`, `143098`) or as
nothing, the text model as a letter (`143е98`); each amount of such a column came out ten times too big,
or its net pay another column's figure (O dev 7003 page 2: every money column in doubt, the page in review
whole).

A mark is two short bars, one above the other, between the figure's top and bottom, the same width, as
wide as about half a digit and thin (or, the copy's ink spread, one solid block half the figure's height,
floating between its top and bottom: no digit does, and a dash decimal, `1468-02`, is thinner); after it, in its line, two figures (the stotinki) or a dash (no
stotinki). A column's marks are taken off only where most of its inked cells (three or more) carry one:
each mark is made paper in the page's clean image and ink map (``Analysis.clean``, ``Analysis.ink``) and a
point put in its place, so the amount reads `143.98` (``normalise.money`` takes the last two digits for
the stotinki; a point and a dash after the leva, `150.-`, for a whole amount).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from .analysis import Analysis

SHARE = 0.6  # of a column's inked cells carry a mark
MIN_CELLS = 3
BAR_THIN = 0.3  # a bar is at most this share of the figure's height thick ...
BAR_WIDE = (0.25, 1.0)  # ... and this wide
GAP = (0.12, 0.7)  # the bars' middles lie this far apart (share of the figure's height)
OVERLAP = 0.6  # of the narrower bar's width, the bars overlap this much
BLOCK_TALL = (0.35, 0.65)  # the two bars run together into one block: this share of the figure's height
BLOCK_FILL = 0.75  # ... and solid


@dataclass(frozen=True)
class Mark:
    """An equals mark's ink in the page (x1, y1 exclusive), ``dash``: a dash after it, no stotinki."""

    x0: int
    y0: int
    x1: int
    y1: int
    height: int  # the figure's height beside it
    base: int  # the figure's baseline (y)
    dash: tuple[int, int, int, int] | None = None


def _components(cell: np.ndarray) -> np.ndarray:
    """The cell's blots' stats (x, y, w, h, area) without the background."""
    _, _, stats, _ = cv2.connectedComponentsWithStats(cell.view(np.uint8), connectivity=8)
    return np.asarray(stats[1:])


def _candidates(
    st: np.ndarray, bars: list[np.ndarray], h: float
) -> list[tuple[int, int, int, int, list[np.ndarray]]]:
    """Where an equals mark may be, (x0, y0, x1, y1, its blots): two bars stacked, or one solid block the
    copy's spread ink made of them (as wide as half a digit, half as tall, filled)."""
    out: list[tuple[int, int, int, int, list[np.ndarray]]] = []
    for i, a in enumerate(bars):
        for b in bars[i + 1 :]:
            up, lo = (a, b) if a[1] < b[1] else (b, a)
            gap = (lo[1] + lo[3] / 2) - (up[1] + up[3] / 2)
            over = min(up[0] + up[2], lo[0] + lo[2]) - max(up[0], lo[0])
            if GAP[0] * h <= gap <= GAP[1] * h and over >= OVERLAP * min(up[2], lo[2]):
                x0, x1 = min(up[0], lo[0]), max(up[0] + up[2], lo[0] + lo[2])
                out.append((int(x0), int(up[1]), int(x1), int(lo[1] + lo[3]), [up, lo]))
    for s in st:
        x, y, w, bh, area = (int(v) for v in s)
        if (
            BLOCK_TALL[0] * h <= bh <= BLOCK_TALL[1] * h
            and BAR_WIDE[0] * h <= w <= BAR_WIDE[1] * h
            and area >= BLOCK_FILL * w * bh
        ):
            out.append((x, y, x + w, y + bh, [s]))
    return out


def cell_mark(ink: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> Mark | None:
    """The equals mark in the cell (page coordinates), when the cell's figure carries one: two bars
    stacked between the figure's top and bottom, figures before them, and after them in their line two
    figures (or a dash)."""
    if y1 - y0 < 6 or x1 - x0 < 6:
        return None
    cell = (ink[y0:y1, x0:x1] > 0).astype(np.uint8)
    st = _components(cell)
    if len(st) < 4:
        return None
    hs = st[:, 3]
    tall_h = float(np.percentile(hs, 90))
    glyphs = st[hs >= 0.6 * tall_h]
    if len(glyphs) < 3:
        return None
    h = float(np.median(glyphs[:, 3]))
    if h < 8:
        return None
    w, bh = st[:, 2], st[:, 3]
    wide = (BAR_WIDE[0] * h <= w) & (w <= BAR_WIDE[1] * h)
    is_bar = wide & (bh <= BAR_THIN * h) & (w >= 1.8 * bh)
    # a cell with no bar and no block (most cells: plain figures) carries no mark, and no blot is looked at
    if not is_bar.any() and not (
        wide & (BLOCK_TALL[0] * h <= bh) & (bh <= BLOCK_TALL[1] * h) & (st[:, 4] >= BLOCK_FILL * w * bh)
    ).any():
        return None
    bars = [st[i] for i in np.flatnonzero(is_bar)]
    for mx0, my0, mx1, my1, parts in _candidates(st, bars, h):
        mid = (my0 + my1) / 2
        # the figures of its line: tall blots across the mark's middle
        line = glyphs[(glyphs[:, 1] <= mid) & (glyphs[:, 1] + glyphs[:, 3] >= mid)]
        if not len(line):
            continue
        top, bottom = float(np.median(line[:, 1])), float(np.median(line[:, 1] + line[:, 3]))
        if not (top + 0.1 * h <= my0 and my1 <= bottom - 0.05 * h):
            continue
        before = line[line[:, 0] + line[:, 2] <= mx0 + 2]
        after = line[line[:, 0] >= mx1 - 2]
        if not len(before):
            continue
        if len(after) in (2, 3) and float(after[:, 0].max() - mx1) <= 2.5 * h:
            return Mark(x0 + mx0, y0 + my0, x0 + mx1, y0 + my1, int(h), y0 + int(bottom))
        # no stotinki: a dash after the mark, in its line, between the figure's top and bottom
        dashes = [
            s for s in bars
            if not any(s is q for q in parts) and s[0] >= mx1 - 2 and s[0] - mx1 <= h and top <= s[1] <= bottom
        ]  # fmt: skip
        if not len(after) and dashes:
            d = dashes[0]
            dash = (x0 + int(d[0]), y0 + int(d[1]), x0 + int(d[0] + d[2]), y0 + int(d[1] + d[3]))
            return Mark(x0 + mx0, y0 + my0, x0 + mx1, y0 + my1, int(h), y0 + int(bottom), dash)
    return None


def inked_cells(a: Analysis, c: int) -> list[tuple[int, int, int, int]]:
    """Column ``c``'s inked cells (the heading left out), a little inside their rules: (x0, y0, x1, y1)."""
    g = a.grid
    cells = []
    for r in range(1, g.n_rows):
        box = g.cell(r, c)
        y0, y1, x0, x1 = box.y0 + 2, box.y1 - 1, box.x0 + 2, box.x1 - 1
        if (a.ink[y0:y1, x0:x1] > 0).any():
            cells.append((x0, y0, x1, y1))
    return cells


def column_marks(a: Analysis, c: int) -> list[Mark]:
    """The marks of column ``c``'s cells (the heading's left out), where most inked cells carry one."""
    cells = inked_cells(a, c)
    inked = len(cells)
    marks: list[Mark] = []
    for k, (x0, y0, x1, y1) in enumerate(cells):
        if _too_few(len(marks) + inked - k, inked):  # a mark in every cell left would not make it most of them:
            return []  # those cells are not looked into (a column of plain figures, most columns; issue 9: CPU)
        m = cell_mark(a.ink, x0, y0, x1, y1)
        if m is not None:
            marks.append(m)
    if _too_few(len(marks), inked):
        return []
    return marks


def _too_few(marked: int, inked: int) -> bool:
    """Are ``marked`` cells too few of a column's ``inked`` cells to say it carries marks?"""
    return marked < MIN_CELLS or marked < SHARE * inked


def take_off_marks(a: Analysis, kinds: list[str]) -> int:
    """Every equals mark of the ``kinds``' 'numeric' columns made a point (``a`` changed in place); returns
    how many. A column without marks on most of its cells is left as it is."""
    taken = 0
    for c in [c for c, k in enumerate(kinds) if k == "numeric"]:
        for m in column_marks(a, c):
            a.clean[m.y0 - 1 : m.y1 + 1, m.x0 - 1 : m.x1 + 1] = 255
            a.ink[m.y0 - 1 : m.y1 + 1, m.x0 - 1 : m.x1 + 1] = 0
            # a point on the figure's baseline, where the mark stood
            r = max(2, m.height // 8)
            cx = (m.x0 + m.x1) // 2
            cv2.circle(a.clean, (cx, m.base - r), r, 0, -1)
            cv2.circle(a.ink, (cx, m.base - r), r, 255, -1)
            taken += 1
    return taken
