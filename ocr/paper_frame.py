"""The sheet's own paper in a picture that shows more than the sheet: what lies outside it painted the paper's grey.

A sheet photographed on a copy stand lies on dark felt beside a centimetre ruler and a colour chart; a burned
sheet's edges are a ragged black band with the felt beyond. None of that is the sheet, but the reader took it
for some: the chart's patches and the ruler's long straight sides are rules (the chart a ruled table of its
own), the charred edge's long curving outline a rule bending over the page, and ``unbend`` put the page
"flat" by it, bending the table's own straight rows into a kink (AG dev 25002 p2: no table found, nothing
read; p1 one row of seven, the chart taken for the table).

The paper is the largest region of the shrunk picture lighter than the Otsu threshold between the dark
around it and the sheet (its holes filled: the typing, a stamp, a soot patch inside it stay the sheet's);
everything else, the char band along its edge (``EDGE`` more) with it, is painted the light of the paper near
it (a scorched edge's brown carried on, so that no step is left where the painting meets the paper).
Only a picture that shows a frame does so: the region is at least ``MIN_SHEET`` of the picture but leaves
``MIN_OUTSIDE`` of it out, and what is left out is dark (its median under ``DARK`` of the paper's). A
scan the sheet fills, or one on a white backing, is returned as given.

A sheet with a piece torn out of its edge into its table (``torn_into_table``) is painted the paper's light
between the table's lines, its typing, rules and punch holes taken out first: painted the grey they blur into at
the shrunk size, the piece was a block with a darker band and a step along the edge where the table's left end
had been (V dev 14001 p1: no row read, 56 fields wrong and unflagged). A bite's depth does not tell it from a burned edge's (both ~0.14 of
the sheet); the table's rules do: ``RUN_INTO`` long straight rules or more end at a torn-out piece, none at the
charred bites of AG dev 25001-25008 (painted as before: the paper's light there carried out whole, its scorch
with it)."""

from __future__ import annotations

import cv2
import numpy as np

SCALE = 8  # measured on the picture shrunk by this much (the typing's strokes blur into the paper there)
MIN_SHEET = 0.2  # of the picture at least: the sheet is the picture's subject
MIN_OUTSIDE = 0.025  # of the picture at least outside the sheet (a wedge of felt left by ``sheet_edges.squared``;
# AG dev 25001-25008 0.10-0.38, a spirit copy on a grey backing, AF dev 24001, 0.038-0.044); less is a film frame's
# dark edges around a page filmed whole (AB dev 20001-20040: 0.005-0.017): painted, the page no longer straightened
# by them (AB dev 20037 p1: 4 of 25 rows found, 147 fields wrong unflagged; 0.01 here since s40-agrows)
DARK = 0.6  # of the paper's median: what lies outside is felt or a backing, not paper
SPREAD = 6  # shrunk pixels: the paper's light near its edge carried out over what is painted (no step there)
CLEAR = 2  # shrunk pixels (16 at full size): around a sheet torn into its table, the paper's light between typed
# lines and the table's rules, not the grey they (and a punch hole) blur into (taken around every sheet, the
# paper's light carried over a scorched edge left a step there: AG dev 25001 p2 every field wrong, 25002 p1,
# 25004 p1 worse)
RUN_INTO = 2  # rules ending at a piece torn out of the sheet: it cut into the table (V dev 14001-14004: 2-6 at
# each of five torn pieces; AG dev 25001-25008's charred bites and a colour chart's notch: none)
RULE = 40  # of the picture's width at least: a rule, not a letter's stroke (measured at half size)
EDGE = 2  # shrunk pixels (16 at full size) past the paper's edge painted too: the char band, the edge's blur


def paper_mask(gray: np.ndarray) -> np.ndarray | None:
    """255 on the sheet's paper (``gray``'s size), or None when the picture shows no frame around it."""
    small = cv2.resize(gray, None, fx=1 / SCALE, fy=1 / SCALE, interpolation=cv2.INTER_AREA)
    small = cv2.medianBlur(small, 3)
    _, light = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(light, connectivity=4)
    if n < 2:
        return None
    k = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    region = (labels == k).astype(np.uint8) * 255
    contours, _ = cv2.findContours(region, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    sheet = np.zeros_like(region)
    cv2.drawContours(sheet, contours, -1, 255, thickness=cv2.FILLED)
    share = cv2.countNonZero(sheet) / sheet.size
    if share < MIN_SHEET or share > 1 - MIN_OUTSIDE:
        return None
    paper = float(np.median(small[region > 0]))
    if float(np.median(small[sheet == 0])) >= DARK * paper:
        return None
    sheet = cv2.erode(sheet, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * EDGE + 1, 2 * EDGE + 1)))
    return cv2.resize(sheet, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_NEAREST)


def _disc(radius: int) -> np.ndarray:
    return cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * radius + 1, 2 * radius + 1))


def torn_into_table(gray: np.ndarray, sheet: np.ndarray) -> np.ndarray:
    """255 where a piece torn out of the sheet (``sheet`` 0 there, inside its convex hull) has ``RUN_INTO`` or more
    of the table's rules ending at it: the sheet is then painted around with the light between the table's lines.
    A rule ends at a piece when it touches it and most of it lies further than its least length from it (a
    scorched band running along an edge lies along it)."""
    small = cv2.resize(sheet, None, fx=1 / SCALE, fy=1 / SCALE, interpolation=cv2.INTER_NEAREST)
    torn = np.zeros_like(small)
    hull = np.zeros_like(small)
    cv2.fillConvexPoly(hull, cv2.convexHull(cv2.findNonZero(small)), 255)
    # the hull's slivers along a straight edge are no piece
    pieces = cv2.bitwise_and(hull, cv2.bitwise_not(small))
    pieces = cv2.morphologyEx(pieces, cv2.MORPH_OPEN, _disc(max(2, min(small.shape) // 100)))
    n, labels, stats, _ = cv2.connectedComponentsWithStats(pieces, connectivity=8)
    run = max(20, gray.shape[1] // (2 * RULE))  # at half size
    for k in range(1, n):
        x, y, w, h = (int(v) * SCALE // 2 for v in stats[k, :4])  # the piece's box at half size
        x0, y0 = max(0, x - 4 * run), max(0, y - 4 * run)
        x1, y1 = x + w + 4 * run, y + h + 4 * run
        half = cv2.resize(gray[2 * y0 : 2 * y1, 2 * x0 : 2 * x1], None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
        size = (half.shape[1], half.shape[0])
        paper = cv2.resize(sheet[2 * y0 : 2 * y1, 2 * x0 : 2 * x1], size, interpolation=cv2.INTER_NEAREST) > 0
        piece = cv2.resize((labels == k).astype(np.uint8), (gray.shape[1] // 2, gray.shape[0] // 2),
                           interpolation=cv2.INTER_NEAREST)[y0:y1, x0:x1]
        piece = cv2.resize(piece, size, interpolation=cv2.INTER_NEAREST)
        dark = half < 0.8 * cv2.dilate(half, np.ones((9, 9), np.uint8))  # darker than the paper around it
        ink = (dark & paper).astype(np.uint8)
        rim = (cv2.dilate(piece, _disc(3)) > 0) & paper
        near = cv2.dilate(piece, _disc(run // 2)) > 0
        ending = 0
        for shape in ((1, run), (run, 1)):
            found = cv2.connectedComponents(cv2.morphologyEx(ink, cv2.MORPH_OPEN, np.ones(shape, np.uint8)))[1]
            for j in np.unique(found[rim]):
                rule = found == j
                ending += int(j > 0 and np.count_nonzero(rule & near) < 0.5 * np.count_nonzero(rule))
        if ending >= RUN_INTO:
            piece_whole = cv2.dilate((labels == k).astype(np.uint8) * 255, _disc(2))  # the piece whole: no step
            torn = cv2.bitwise_or(torn, cv2.bitwise_and(piece_whole, hull))
    torn = cv2.resize(torn, (sheet.shape[1], sheet.shape[0]), interpolation=cv2.INTER_NEAREST)
    return cv2.bitwise_and(torn, cv2.bitwise_not(sheet))


def whitened(gray: np.ndarray) -> np.ndarray:
    """``gray`` with everything outside the sheet's paper painted the paper's median grey (a copy; ``gray``
    itself where the picture shows no frame)."""
    sheet = paper_mask(gray)
    if sheet is None:
        return gray
    small = cv2.resize(gray, None, fx=1 / SCALE, fy=1 / SCALE, interpolation=cv2.INTER_AREA).astype(np.float32)
    inside = cv2.resize(sheet, (small.shape[1], small.shape[0]), interpolation=cv2.INTER_AREA).astype(np.float32) / 255
    size = (4 * SPREAD + 1, 4 * SPREAD + 1)
    weight = cv2.GaussianBlur(inside, size, SPREAD)
    paper = float(np.median(gray[sheet > 0]))

    def fill_of(light: np.ndarray) -> np.ndarray:
        near = cv2.GaussianBlur(light * inside, size, SPREAD) / np.maximum(weight, 1e-3)
        near = np.where(weight > 0.01, near, paper)  # far from the sheet: its median grey
        return cv2.resize(near, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)

    if cv2.countNonZero(torn_into_table(gray, sheet)):  # the typing, the table's rules, a punch hole taken out
        fill = fill_of(cv2.dilate(small * inside, np.ones((2 * CLEAR + 1, 2 * CLEAR + 1), np.uint8)))
    else:
        fill = fill_of(small)
    out = gray.copy()
    out[sheet == 0] = np.clip(fill[sheet == 0], 0, 255).astype(gray.dtype)
    return out
