"""Amounts typed with their stotinki raised and underlined after the leva, no separator (family R, a brigade's
payroll: `430⁴⁷` with a stroke under the `47` for 430.47; a clerk's way on typewriters of the 1980s). The
digits model reads the small raised figures and their stroke run together as one or two odd digits or as
nothing (`4302`, `430`, `43047` for 430.47): most money cells of such a page came out wrong, the row sums
broken, the page's money in review (R dev 10093 p1: 31 of 35 money figures misread, the page in review whole).

A raised stotinki is, in the cell's line of figures, ink right after the leva's last digit (within a digit's
height of it), standing higher than the leva (its top above theirs, its foot above their middle), as wide as
two small digits and no wider than ``WIDE`` digits' heights, with a stroke under it: at its foot, rows inked
across nearly all its width (the underline, one blot with the figures or apart). Pieces of the column's rules
left in the cell (thin, upright, at its sides) and dust are no part of the figure.

Stotinki are set down only on a page one column of which carries them on most of its inked cells (three or
more), like ``equals_marks``; there every cell that carries them is set down (a faded copy's lower rows).
Setting down: the stroke made paper, the small figures grown to the leva's height (``GROW`` at the most, the
leva moved left into the cell's paper to make room) and put on the leva's baseline after a point, in the page's
clean image and ink map (``Analysis.clean``, ``Analysis.ink``), so the amount reads `430.47`;
``normalise.money`` takes the last two digits for the stotinki. A page of plain figures is left as it is: no
blot of its figures stands raised with a stroke under it (no cell found so on the dev pages of family R's
plain-money sheets, and families K, L, P, S, T, U and the hard set read byte for byte as before). A figure
misread after all is left to the checks: the row sums and the column totals send it to review.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from .analysis import Analysis
from .equals_marks import inked_cells

SHARE = 0.6  # of a column's inked cells carry raised stotinki
MIN_CELLS = 3
SPECK = 12  # blots of fewer pixels are dust
TALL = 0.6  # the leva's digits: blots this share of the tallest's height at the least
DUST = 0.35  # right of the leva, blots narrower and lower than this share of a digit's height are dust
WIDE = (0.6, 2.4)  # the raised stotinki with their stroke: this many of the leva's digit heights wide
NEAR = 1.0  # ... starting within this many digit heights right of the leva's last digit
ABOVE = 0.12  # ... their top this share of a digit's height above the leva's top at the least
FOOT = 0.7  # ... their foot above this share of the leva's height from the leva's top
UNDER = 0.85  # the stroke: a row of the blot inked across this share of its width
FULL = 0.85  # ... one of them across this share of it at the least
EDGE = 0.15  # ... no more than this share of a digit's height above the blot's foot
STROKE = 0.45  # ... the stroke's rows, from the blot's foot up, at most this share of a digit's height


@dataclass(frozen=True)
class Raised:
    """One cell's raised stotinki (page coordinates, x1, y1 exclusive): the blot's box, the stroke's first
    row (its rows run to ``y1``), the leva's baseline and digit height, and the leva's right end."""

    x0: int
    y0: int
    x1: int
    y1: int
    stroke: int
    base: int
    height: int
    leva_start: int  # the figure's first ink (x)
    leva_end: int
    room: int  # paper right of the blot inside the cell
    lead: int  # paper left of the figure inside the cell


def _rule_piece(blot: np.ndarray, width: int, height: int) -> bool:
    """A piece of a column's rule left in the cell: thin and upright, at its left or right side or running
    down most of the cell."""
    x, _y, w, h = (int(v) for v in blot[:4])
    near = max(EDGE_PX, round(SIDE * width))
    return h >= THIN * w and (x <= near or x + w >= width - near or h >= RULE_TALL * height)


def cell_raised(ink: np.ndarray, x0: int, y0: int, x1: int, y1: int) -> Raised | None:
    """The raised, underlined stotinki of the cell's figure (page coordinates), None when it has none."""
    if y1 - y0 < 8 or x1 - x0 < 8:
        return None
    cell = (ink[y0:y1, x0:x1] > 0).astype(np.uint8)
    _n, _lab, stats, _c = cv2.connectedComponentsWithStats(cell, connectivity=8)
    width = x1 - x0
    st = np.asarray([s for s in stats[1:] if s[4] >= SPECK and not _rule_piece(s, width, y1 - y0)])
    if len(st) < 2:
        return None
    # the leva: the tall blots standing lowest (dust, a dot of the stamp, are no digits)
    tall = st[st[:, 3] >= TALL * st[:, 3].max()]
    bottoms = tall[:, 1] + tall[:, 3]
    base = int(bottoms.max())
    leva = tall[bottoms >= base - 0.15 * tall[:, 3].max()]
    h = float(np.median(leva[:, 3]))
    if h < 8:
        return None
    last = leva[int(np.argmax(leva[:, 0] + leva[:, 2]))]  # the stotinki follow it (a line typed askew)
    top, base = float(last[1]), int(last[1] + last[3])
    leva_end = int(last[0] + last[2])
    # right of the leva in their line: the raised stotinki, dust left out
    big = (st[:, 2] >= DUST * h) | (st[:, 3] >= DUST * h)
    right = st[big & (st[:, 0] >= leva_end - 1) & (st[:, 1] + st[:, 3] > top - 0.5 * h) & (st[:, 1] < base)]
    if not len(right):
        return None
    # the stroke spans the stotinki: what stands beside it is no part of them (a rule's piece)
    under = right[int(np.argmax(right[:, 2]))]
    right = right[(right[:, 0] + right[:, 2] >= under[0] - 2) & (right[:, 0] <= under[0] + under[2] + 2)]
    first = int(st[big, 0].min())
    bx0, by0 = int(right[:, 0].min()), int(right[:, 1].min())
    bx1, by1 = int((right[:, 0] + right[:, 2]).max()), int((right[:, 1] + right[:, 3]).max())
    w = bx1 - bx0
    if not (WIDE[0] * h <= w <= WIDE[1] * h and bx0 - leva_end <= NEAR * h):
        return None
    if not (by0 <= top - ABOVE * h and by1 <= top + FOOT * h):
        return None
    # the stroke: at the blot's foot (a row or two of its blurred edge under it), rows inked across most
    # of its width, one nearly across all of it
    rows = cell[by0:by1, bx0:bx1].sum(axis=1)
    low = len(rows) // 2
    core = low + int(np.argmax(rows[low:]))
    if rows[core] < FULL * w or len(rows) - 1 - core > EDGE * h:
        return None
    k = core
    while k > 0 and rows[k - 1] >= UNDER * w:
        k -= 1
    if len(rows) - k > STROKE * h or k < 0.3 * h:
        return None
    return Raised(x0 + bx0, y0 + by0, x0 + bx1, y0 + by1, y0 + by0 + k, y0 + base, int(h), x0 + first, x0 + leva_end,
                  max(0, x1 - x0 - bx1 - 2), max(0, first - 2))


def column_raised(a: Analysis, c: int, carries: bool = False) -> list[Raised]:
    """The raised stotinki of column ``c``'s cells, where most inked cells carry them; on a page that
    ``carries`` them (another column's cells mostly do), every cell's that does (a faded cell's stotinki
    broken, a figure struck out and corrected: those cells left as typed, the rest set down)."""
    cells = inked_cells(a, c)
    inked = len(cells)
    found: list[Raised] = []
    for k, (x0, y0, x1, y1) in enumerate(cells):
        if not carries and _too_few(len(found) + inked - k, inked):  # most cells can no longer carry them
            return []
        m = cell_raised(a.ink, x0, y0, x1, y1)
        if m is not None:
            found.append(m)
    return found if carries or not _too_few(len(found), inked) else []


def _too_few(marked: int, inked: int) -> bool:
    """Are ``marked`` cells too few of a column's ``inked`` cells to say it carries raised stotinki?"""
    return marked < MIN_CELLS or marked < SHARE * inked


THIN = 3  # a rule's piece: this many times as tall as wide at the least ...
SIDE, EDGE_PX = 0.1, 10  # ... within this share of the cell's width (pixels at least) from its side
RULE_TALL = 0.7  # ... or runs down this share of the cell's height
GROW = 1.6  # the small figures made at most this much bigger
MARGIN = 2  # pixels round the blot's ink its grey edge spreads over in the clean image


def _set_down(img: np.ndarray, m: Raised, ink: int) -> None:
    """In ``img`` (the clean image: ink dark; the ink map: ink 255): the stroke made paper (the shade of the
    paper round it), the small figures above it made as tall as the leva's (``GROW`` at the most) and set on
    their baseline, ending where the cell's paper ends, a point between the leva and them; where the leva
    stand too near, they are moved left into the cell's paper to make room (else the figures are set down
    as small as typed)."""
    gap = m.x0 - m.leva_end
    x0, x1 = m.x0 - min(MARGIN, gap // 2), m.x1 + MARGIN
    y0, y1 = m.y0 - MARGIN, m.y1 + MARGIN
    paper = int(np.percentile(img[y0 - m.height : y1 + m.height, m.leva_start - 2 : x1], 90 if ink < 128 else 10))
    figures = img[y0 : m.stroke, x0:x1].copy()
    img[y0:y1, x0:x1] = paper
    r = max(2, m.height // 10)
    grow = min(GROW, max(1.0, m.height / max(1, m.stroke - m.y0)))
    fw, fh = round(figures.shape[1] * grow), round(figures.shape[0] * grow)
    end = min(m.x1 + MARGIN + m.room, m.leva_end + 2 * r + 6 + fw)  # (not far from the leva)
    need = m.leva_end + 2 * r + 4 + fw - end  # pixels the leva must move left
    if need > m.lead:  # no room for them grown: as typed, moved right as far as the cell allows
        fw, fh, need = figures.shape[1], figures.shape[0], 0
        end = min(end, max(x1, m.leva_end + 2 * r + 4 + fw))
    if need > 0:  # the leva moved left into the cell's paper
        lx0 = m.leva_start - MARGIN
        leva = img[m.base - m.height - 2 * MARGIN : m.base + MARGIN, lx0 : m.leva_end + 1].copy()
        img[m.base - m.height - 2 * MARGIN : m.base + MARGIN, lx0 : m.leva_end + 1] = paper
        img[m.base - m.height - 2 * MARGIN : m.base + MARGIN, lx0 - need : m.leva_end + 1 - need] = leva
    grown = cv2.resize(figures, (fw, fh), interpolation=cv2.INTER_LINEAR)
    if ink > paper:  # the ink map stays two-valued
        grown = np.where(grown >= 128, ink, paper).astype(img.dtype)
    ty1 = m.base
    spot = img[ty1 - fh : ty1, end - fw : end]
    spot[:] = np.maximum(spot, grown) if ink > paper else np.minimum(spot, grown)
    mid = (m.leva_end - need + end - fw) // 2
    if end - fw - (m.leva_end - need) >= 2 * r + 2:
        cv2.circle(img, (mid, m.base - r), r, ink, -1)


def set_down_cents(a: Analysis, kinds: list[str]) -> int:
    """Every raised stotinki of the ``kinds``' 'numeric' columns set down after a point (``a`` changed in
    place); returns how many. A page none of whose columns carries them on most of its cells is left as it
    is; on a page one does, every cell that carries them is set down (the lower rows of a faded copy, their
    stotinki found on fewer than most cells of a column: R dev 10088 p1)."""
    numeric = [c for c, k in enumerate(kinds) if k == "numeric"]
    found = {c: column_raised(a, c) for c in numeric}
    if not any(found.values()):
        return 0
    done = 0
    for c in numeric:
        for m in found[c] or column_raised(a, c, carries=True):
            _set_down(a.clean, m, 0)
            _set_down(a.ink, m, 255)
            done += 1
    return done
