"""A rule drawn by hand in pencil, faded into pieces and leaning (family R): found by the Hough transform of
its pieces (``cv2.HoughLines``), where the long-stroke morphology of ``ocr.lines`` sees no rule.

The pencil's rule under a table's heading, drawn along a ruler not quite square to the page and scanned
faint, breaks into strokes of 20-60 px that climb a pixel every 150 px or so: no row of pixels holds enough
of it for ``lines.find_rules`` (a fifth of the page's width), and no stroke is as long as its opening kernel.
Along the line they lie on, the pieces cover a good share of the table's width; a heading's words or a
person's line of type leave no such line (their letters' bars are shorter than the pieces and do not line up
across the columns), and a line the transform finds along a line of type (an italic heading's letters' feet or
tops lined up) has the letters against it on one side (``_along_writing``)."""

from __future__ import annotations

import cv2
import numpy as np

PIECE = 20  # px at 300 dpi: a faded rule's pieces at least this long (opened away: letters' bars, specks)
LEAN = 1.0  # degrees at most off the horizontal (a ruler not square to the page, the page's skew left)
VOTES = 0.15  # share of the width in pixels on the line for the transform to offer it
COVER = 0.4  # share of the width the pieces cover within ``NEAR`` px of the line for it to be a rule (R dev
# 10016 p1: 0.43; an italic heading's letters between two of its lines, 0.30-0.35: regression i-parts-overrule-...)
NEAR = 2
AGAINST = 8  # px above or below the line (beyond a pencil rule's own width) ...
AGAINST_SHARE = 0.2  # ... inked on more than this share of the width on either side: the line runs along a
# line of writing (its letters' feet or tops lined up), no rule between two. H dev 812 p1, an italic heading:
# a line along its third line's feet (300 dpi: 42 % covered, inked 8 px above on 36 % of the width) or tops
# (halved: 41 %, inked 8 px below on 42 %); R dev 10016 p1's pencil rule and regression r-pencil-...: 5 % at most


def faint_rule(ink: np.ndarray, x0: int, x1: int, y0: int, y1: int) -> float | None:
    """The height, at the middle of ``x0``..``x1``, of the faint leaning rule across that span between rows
    ``y0`` and ``y1`` of ``ink`` (the best covered of the lines the transform offers), or None."""
    region = ink[y0:y1, x0:x1]
    w = x1 - x0
    if region.size == 0 or w < 10 * PIECE:
        return None
    pieces = cv2.morphologyEx(region, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (PIECE, 1)))
    lean = np.deg2rad(LEAN)
    found = cv2.HoughLines(pieces, 1, np.pi / 1800, int(VOTES * w), min_theta=np.pi / 2 - lean,
                           max_theta=np.pi / 2 + lean)  # fmt: skip
    if found is None:
        return None
    xs = np.arange(w)
    best: tuple[float, float] | None = None
    for rho, theta in found[:50, 0]:
        ys = (rho - xs * np.cos(theta)) / np.sin(theta)
        on = np.zeros(w, bool)
        for dy in range(-NEAR, NEAR + 1):
            yy = np.round(ys + dy).astype(int)
            ok = (yy >= 0) & (yy < region.shape[0])
            on[ok] |= pieces[yy[ok], xs[ok]] > 0
        cover = float(on.mean())
        if cover >= COVER and (best is None or cover > best[0]) and not _along_writing(region, ys):
            best = (cover, float(ys[w // 2]) + y0)
    return None if best is None else best[1]


def _along_writing(region: np.ndarray, ys: np.ndarray) -> bool:
    """The line (``ys``: its height at every column of ``region``) runs along a line of writing: ink ``AGAINST``
    px above it, or below it, on more than ``AGAINST_SHARE`` of the width. A rule between two lines of writing
    has paper on both sides of it nearly everywhere; a line the transform found along a line of type (an italic
    heading's letters' feet or tops lined up) has the letters against it on one side."""
    xs = np.arange(len(ys))
    y = np.round(ys).astype(int)
    for side in (y - AGAINST, y + AGAINST):
        ok = (side >= 0) & (side < region.shape[0])
        if float((region[side[ok], xs[ok]] > 0).sum()) > AGAINST_SHARE * len(ys):
            return True
    return False
