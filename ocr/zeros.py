"""Slashed zeros (issue 9, family E): a dot-matrix or typewriter face whose zero carries a bar ('0' with
'/' inside) is read as an 8 or a 9 by the digits model (E dev 504 page 5: '0,00' read '8,00' and '9,00'
on every row; '103,76' read '183,76'). Before the figures are read, such a zero is redrawn plain: its
bar is taken out and the ring kept.

A slashed zero is told from an 8 by its two holes: an 8's holes lie one above the other with its waist
between them (their heights do not overlap) and its outline pinches in at the waist; a slashed zero's
holes lie side by side along the bar (their heights overlap, the upper one to the left: the bar runs
'/'), and its outline is an oval (it fills its convex hull). An italic 8 leans the other way (its upper
hole to the right); a 6 whose tail closes a loop has a small upper hole. Anything else is left as it is.
"""

from __future__ import annotations

import cv2
import numpy as np

MIN_HEIGHT = 10  # pixels: smaller ink is no digit of a typed figure
# the barred faces' zeros are wide and bold (0.64-0.8 of their height); a thin 8 whose waist nearly
# closes looks alike in its holes (E dev 502 page 4: 0.6, an ЕГН's 8 read as 0)
MIN_ASPECT = 0.62
MIN_SOLIDITY = 0.92  # an oval fills its convex hull; an 8 with its waist fills ~0.87-0.91
MIN_OVERLAP = -0.10  # the holes' heights overlap or nearly (share of the height); an 8's are 0.16+ apart
MAX_SHIFT = -0.04  # the upper hole's middle left of the lower one's (share of the width): the bar is '/'
# a 6 whose tail closes a small loop over its bowl (E dev 501 page 4: upper hole a quarter of the lower,
# outline 0.93 of its hull): a zero's bar halves it more evenly, or its outline is rounder
SIX_HOLES = 0.26
EVEN_HOLES = 0.4
ROUND = 0.94


def unbar_zeros(gray: np.ndarray) -> tuple[np.ndarray, int]:
    """``gray`` (dark figures on white) with every slashed zero redrawn as a plain ring, and how many."""
    if gray.size == 0 or int(gray.max()) - int(gray.min()) < 40:  # blank: nothing to binarise
        return gray, 0
    _, ink = cv2.threshold(gray, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    contours, hierarchy = cv2.findContours(ink, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_NONE)
    if hierarchy is None:
        return gray, 0
    links = hierarchy[0]
    out = gray
    n = 0
    for i, (_, _, child, parent) in enumerate(links):
        if parent >= 0 or child < 0:
            continue
        holes = []
        c = child
        while c >= 0:
            if cv2.contourArea(contours[c]) > 4:
                holes.append(c)
            c = links[c][0]
        if len(holes) != 2 or not is_slashed_zero(contours[i], contours[holes[0]], contours[holes[1]]):
            continue
        if n == 0:
            out = gray.copy()
        _redraw_plain(out, ink, contours[i])
        n += 1
    return out, n


def is_slashed_zero(outline: np.ndarray, hole_a: np.ndarray, hole_b: np.ndarray) -> bool:
    """Whether a glyph of this outline and these two holes is a zero with a '/' bar (not an 8)."""
    x, y, w, h = cv2.boundingRect(outline)
    if h < MIN_HEIGHT or not MIN_ASPECT <= w / h <= 1.0:
        return False
    hull = cv2.contourArea(cv2.convexHull(outline))
    if hull <= 0 or cv2.contourArea(outline) / hull < MIN_SOLIDITY:
        return False
    (ax, ay, aw, ah), (bx, by, bw, bh) = sorted(
        (cv2.boundingRect(hole_a), cv2.boundingRect(hole_b)), key=lambda b: b[1]
    )
    overlap = (ay + ah - by) / h
    shift = ((ax + aw / 2) - (bx + bw / 2)) / w
    if overlap < MIN_OVERLAP or shift > MAX_SHIFT:
        return False
    upper, lower = sorted((hole_a, hole_b), key=lambda c: cv2.boundingRect(c)[1])
    holes = cv2.contourArea(upper) / max(1e-9, cv2.contourArea(lower))
    return holes >= SIX_HOLES and (holes >= EVEN_HOLES or cv2.contourArea(outline) / hull >= ROUND)


def _redraw_plain(out: np.ndarray, ink: np.ndarray, outline: np.ndarray) -> None:
    """Put a plain oval ring, as thick as the glyph's sides and as dark as its ink, in place of the glyph."""
    x, y, w, h = cv2.boundingRect(outline)
    hull = np.zeros((h, w), np.uint8)
    cv2.drawContours(hull, [cv2.convexHull(outline)], -1, 255, -1, offset=(-x, -y))
    glyph = ink[y : y + h, x : x + w] > 0
    t = stroke_width(glyph)
    region = out[y : y + h, x : x + w]
    tone = int(np.median(region[glyph & (hull > 0)]))
    region[hull > 0] = 255
    ring = np.zeros((h, w), np.uint8)
    centre, axes = ((w - 1) / 2, (h - 1) / 2), ((w - t) / 2, (h - t) / 2)
    cv2.ellipse(ring, (centre, (axes[0] * 2, axes[1] * 2), 0), 255, t)
    region[ring > 0] = tone


def stroke_width(glyph: np.ndarray) -> int:
    """The glyph's stroke: the median run of ink from either side inwards over the middle half of its
    rows (the bar crosses the middle, not the sides)."""
    h, w = glyph.shape
    runs = []
    for r in range(h // 4, h - h // 4):
        for side in (glyph[r], glyph[r, ::-1]):
            on = np.flatnonzero(side)
            if on.size == 0:
                continue
            rest = side[on[0] :]
            off = np.flatnonzero(~rest)
            runs.append(int(off[0]) if off.size else rest.size // 4)
    return max(1, min(int(np.median(runs)) if runs else 1, w // 3))
