"""Figures under a round stamp's ink: to a person unless the row's sums and their columns prove them.

Page shape: an office's round stamp (two rings, the employer's name in capitals between them, `ПЕЧАТ`
inside; grey or coloured ink, lighter than the typing) pressed across rows of the table (``--hard
stamp_rows``). Where its rings or letters cross a figure, the engine reads the arc as a stroke of a digit
(`50.52` read `60.52`, `1696.93` read `96.93`, an ЕГН's `3` read `5`) as sure as any, and nothing notices
where no sum holds the figure: an ЕГН valid by chance, a net pay whose deductions were unread,
a column that does not close.

The rings are found by a Hough transform of a quarter-size copy (radius 0.22-0.75 inch), each kept only
when ink lies along most of a circle at its radius (``RING_SHARE``) and most of a second circle inside
it (the stamp's inner ring, ``INNER_SHARE``): typed rows and ruled cells make no such closed double ring.
Measured against the generator's marks on hard dev seeds 55-61 and A, B, C dev pages (seeds 5, 102, 103,
101-103): 68 of 81 stamps found, no ring where there was none (at 0.6 along the ring, 18 rings were found
in dense ruled tables of clean pages, none above 0.66).
A figure whose line (the middle half of its cell) meets the stamp's disc is flagged (``LOW_CONFIDENCE``, kept as ``UNDER_STAMP``)
unless the arithmetic proves it (``arithmetic_proof.proven``: a sum of its row holding, every column of
that sum closing to the stotinka on the printed `Всичко`): a misreading so proved would need other
misreadings matching it in its row and in each column. So a page with its stamp under the table, or a
stamp over proven rows, gains no review; it only ever adds doubt, never changes a value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import cv2
import numpy as np

from . import arithmetic_proof, checks

UNDER_STAMP = "low_confidence/under_stamp"  # the cause kept in Flags.every (shown as low_confidence)
# the figures a stamp's arc is read into; not the days: family H's stamp and signatures across that column
# are read cut to the type band (ocr/crossed_days.py), and every one sent here doubled its review
# (tests/test_regression_crossed_days.py, 8 of 14 days)
FIELDS = (*checks.MONEY, "egn")
SCALE = 4  # the Hough transform's copy: this many times smaller
R_MIN, R_MAX = 0.22, 0.75  # a stamp's radius, inches
RING_SHARE = 0.7  # of the circle's length with ink along it, at the best radius near the found one
INNER_SHARE = 0.5  # ... and along the other ring (0.62-0.82 of it inside, or 1.22-1.55 outside)
# a cell's share (of its height, each side) left out of the figure's line: on hard dev seeds 59-78 the whole
# cell meeting the disc sent 28 right figures and the 2 wrong ones to review, its middle half 13 and the 2
LINE_MARGIN = 0.25


@dataclass(frozen=True)
class Ring:
    """A stamp's outer ring in the image as given: centre and radius, pixels."""

    x: float
    y: float
    r: float


def _share(ink: np.ndarray, x: float, y: float, radii: np.ndarray) -> float:
    """The largest share of a circle about (x, y), over ``radii``, whose points fall on ink (circles
    running off the image count only where more than half their points lie on it)."""
    ang = np.linspace(0, 2 * np.pi, 360, endpoint=False)
    px = (x + radii[:, None] * np.cos(ang)).astype(int)
    py = (y + radii[:, None] * np.sin(ang)).astype(int)
    inside = (px >= 0) & (px < ink.shape[1]) & (py >= 0) & (py < ink.shape[0])
    hit = np.zeros(inside.shape, dtype=bool)
    hit[inside] = ink[py[inside], px[inside]] > 0
    n = inside.sum(1)
    share = np.where(n > 180, hit.sum(1) / np.maximum(n, 1), 0.0)
    return float(share.max()) if len(share) else 0.0


def find_rings(gray: np.ndarray, dpi: int) -> list[Ring]:
    """The round stamps on a grayscale page (see the module's docstring)."""
    small = cv2.resize(gray, (gray.shape[1] // SCALE, gray.shape[0] // SCALE), interpolation=cv2.INTER_AREA)
    small = cv2.GaussianBlur(small, (3, 3), 0)
    rmin, rmax = int(R_MIN * dpi / SCALE), int(R_MAX * dpi / SCALE)
    found = cv2.HoughCircles(small, cv2.HOUGH_GRADIENT, dp=1, minDist=rmin * 2, param1=80, param2=28,
                             minRadius=rmin, maxRadius=rmax)  # fmt: skip
    if found is None:
        return []
    ink = cv2.adaptiveThreshold(gray, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, 31, 15)
    ink = cv2.dilate(ink, np.ones((5, 5), np.uint8))
    out = []
    for x, y, r in found[0]:
        x, y, r = x * SCALE, y * SCALE, r * SCALE
        if _share(ink, x, y, np.arange(0.85 * r, 1.15 * r, 2)) < RING_SHARE:
            continue
        if _share(ink, x, y, np.arange(0.62 * r, 0.82 * r, 2)) >= INNER_SHARE:
            out.append(Ring(float(x), float(y), float(r)))
        elif _share(ink, x, y, np.arange(1.22 * r, 1.55 * r, 2)) >= INNER_SHARE:  # the inner ring was found
            out.append(Ring(float(x), float(y), float(1.39 * r)))
    return out


def under(box: Sequence[int], ring: Ring, sideways: bool = False) -> bool:
    """The figure's line in the cell [x0, y0, x1, y1] (its middle half across the line: the typing sits
    there, the ruling and the gap to the next row outside) meets the ring's disc. ``sideways``: the page
    given turned by a quarter, its lines running down the image."""
    x0, y0, x1, y1 = map(float, box)
    if sideways:
        x0, x1 = x0 + LINE_MARGIN * (x1 - x0), x1 - LINE_MARGIN * (x1 - x0)
    else:
        y0, y1 = y0 + LINE_MARGIN * (y1 - y0), y1 - LINE_MARGIN * (y1 - y0)
    dx = max(x0 - ring.x, 0.0, ring.x - x1)
    dy = max(y0 - ring.y, 0.0, ring.y - y1)
    return bool(dx * dx + dy * dy < ring.r**2)


def doubt_under_stamps(
    gray: np.ndarray,
    dpi: int,
    drafts: Sequence[checks.RowDraft],
    totals: Mapping[str, str],
    carried: Mapping[str, str] | None = None,
    sideways: bool = False,
) -> int:
    """Flag every figure (``FIELDS``) not in review whose cell (``RowDraft.boxes``, the image as given)
    meets a stamp's disc (``under``; ``sideways``: the page given turned by a quarter) and that the
    arithmetic does not prove (the columns closed with the sums ``carried`` from the sheet before);
    returns how many."""
    if not any(d.boxes for d in drafts):
        return 0
    closed = arithmetic_proof.closed_for(drafts, totals, carried)
    closed = arithmetic_proof.closed_by_sums_of_totals(drafts, totals, closed, carried)  # a total under the stamp too
    open_ = []  # the figures a stamp could put in doubt: not in review, not proved
    for d in drafts:
        sure = arithmetic_proof.proven(d.values, closed) if closed else set()
        for f in FIELDS:
            box = d.boxes.get(f)
            if box is None or f in d.review or f in sure or d.values.get(f) is None:
                continue
            open_.append((d, f, box))
    # none: no stamp is looked for (its Hough transform, ~0.3 s of a dense page's CPU, AA dev 19001)
    rings = find_rings(gray, dpi) if open_ else []
    n = 0
    for d, f, box in open_:
        if any(under(box, ring, sideways) for ring in rings):
            d.review.add_as(f, checks.LOW_CONFIDENCE, UNDER_STAMP)
            n += 1
    return n
