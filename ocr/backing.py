"""The scanner's backing where it shows on the page: around the sheet, through a piece torn out of its edge, through
its punched holes (family V: a sheet kept in a damp store room, scanned on a black or grey backing).

The backing is no ink, but a local threshold (``preprocess.binarize``) takes the dark side of its edge for a
band of ink as wide as its window: a torn piece's ragged outline, reaching into the table's first columns,
stays in the clean image tesseract reads, and tesseract's page layout takes the whole table for a picture (V
dev 14001 p1: one row of seven read, the employer's line lost). ``backing_mask`` finds it: a region darker than
half the paper's brightness and thick (a square of ``THICK`` pixels fits inside it on the page shrunk by
``SCALE``: 40 px at 300 dpi; bold type's densest cluster, E dev 501 p5's `0,00`, is thinner) — no typed or
written stroke is that, a ruled line neither; a filled dark area of ink (a redaction, a heavy stamp) would be,
and there nothing is legible to read anyway. A hole punched for a ring binder scanned at 200 dpi is too small
for that square (47 px across: 6 px shrunk): a round, filled, nearly black blot of that size is one too
(``_punched_holes``; family AF dev 24001 p7: four holes over the backing left in the header's image, tesseract's
threshold fell between their black and the paper, the violet employer's line went white and was not read).
"""

from __future__ import annotations

import cv2
import numpy as np

SCALE = 8  # measured on the page shrunk by this much: a thick region is a few pixels there
THICK = 5  # the opening's side there (40 px at 300 dpi: 3.4 mm): thicker than any stroke or bold type's cluster
EDGE = 3  # the backing's edge as the JPEG and the threshold blur it: pixels at 300 dpi
HOLE_SIDES = (5, 16)  # a punched hole's width and height shrunk (40-128 px: 5-16 mm at 200 dpi, 3.4-11 at 300)
HOLE_FILL = 0.65  # ... the share of its box it fills (a disc: 0.79) ...
HOLE_DARK = 0.35  # ... its mean brightness under this share of the paper's (the backing, not type's grey) ...
HOLE_CLEAR = 2  # ... and nothing dark this far around it, shrunk (16 px): a letter of bold or bitonal type has neighbours


def backing_mask(gray: np.ndarray) -> np.ndarray | None:
    """255 where the scanner's backing shows (dark, thick, see the module's docstring), at ``gray``'s size; None
    when none does (a white backing, a sheet filling the scan)."""
    small = cv2.resize(gray, None, fx=1 / SCALE, fy=1 / SCALE, interpolation=cv2.INTER_AREA)
    paper = float(np.percentile(small, 75))
    limit = 0.5 * paper
    dark: np.ndarray = (small < limit).astype(np.uint8) * 255
    holes = _punched_holes(dark, small, paper)
    dark = cv2.morphologyEx(dark, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (THICK, THICK)))
    dark = cv2.bitwise_or(dark, holes)
    if not cv2.countNonZero(dark):
        return None
    # back to full size: the dark pixels near the region (its edge as scanned, not the shrunk image's steps)
    near = cv2.resize(dark, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_NEAREST)
    near = cv2.dilate(near, cv2.getStructuringElement(cv2.MORPH_RECT, (2 * SCALE + 1, 2 * SCALE + 1)))
    blurred = cv2.blur(gray, (5, 5))
    mask = cv2.bitwise_and(near, (blurred < limit).astype(np.uint8) * 255)
    return cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (2 * EDGE + 1, 2 * EDGE + 1)))


def _punched_holes(dark: np.ndarray, small: np.ndarray, paper: float) -> np.ndarray:
    """The round holes a ring binder's punch left, on the shrunk page: blots of ``dark`` of a hole's size
    (``HOLE_SIDES``), about as wide as high, filling their box, far darker than type shrunk to this scale, alone
    on the paper (R's bitonal scan: a word's letters shrunk to dark squares of 4 px, side by side)."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    out = np.zeros_like(dark)
    lo, hi = HOLE_SIDES
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in stats[i])
        if not (lo <= w <= hi and lo <= h <= hi and 0.7 <= w / h <= 1.4 and area >= HOLE_FILL * w * h):
            continue
        blot = labels[y : y + h, x : x + w] == i
        c = HOLE_CLEAR
        around = labels[max(0, y - c) : y + h + c, max(0, x - c) : x + w + c]
        if np.any((around != i) & (around != 0)):
            continue
        if float(small[y : y + h, x : x + w][blot].mean()) < HOLE_DARK * paper:
            out[y : y + h, x : x + w][blot] = 255
    return out
