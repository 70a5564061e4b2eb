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
scan the sheet fills, or one on a white backing, is returned as given."""

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
    near = cv2.GaussianBlur(small * inside, size, SPREAD) / np.maximum(weight, 1e-3)
    paper = float(np.median(gray[sheet > 0]))
    near = np.where(weight > 0.01, near, paper)  # far from the sheet: its median grey
    fill = cv2.resize(near, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    out = gray.copy()
    out[sheet == 0] = np.clip(fill[sheet == 0], 0, 255).astype(gray.dtype)
    return out
