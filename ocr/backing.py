"""The scanner's backing where it shows on the page: around the sheet, through a piece torn out of its edge, through
its punched holes (family V: a sheet kept in a damp store room, scanned on a black or grey backing).

The backing is no ink, but a local threshold (``preprocess.binarize``) takes the dark side of its edge for a
band of ink as wide as its window: a torn piece's ragged outline, reaching into the table's first columns,
stays in the clean image tesseract reads, and tesseract's page layout takes the whole table for a picture (V
dev 14001 p1: one row of seven read, the employer's line lost). ``backing_mask`` finds it: a region darker than
half the paper's brightness and thick (a square of ``THICK`` pixels fits inside it on the page shrunk by
``SCALE``: 40 px at 300 dpi; bold type's densest cluster, E dev 501 p5's `0,00`, is thinner) — no typed or
written stroke is that, a ruled line neither; a filled dark area of ink (a redaction, a heavy stamp) would be,
and there nothing is legible to read anyway.
"""

from __future__ import annotations

import cv2
import numpy as np

SCALE = 8  # measured on the page shrunk by this much: a thick region is a few pixels there
THICK = 5  # the opening's side there (40 px at 300 dpi: 3.4 mm): thicker than any stroke or bold type's cluster
EDGE = 3  # the backing's edge as the JPEG and the threshold blur it: pixels at 300 dpi


def backing_mask(gray: np.ndarray) -> np.ndarray | None:
    """255 where the scanner's backing shows (dark, thick, see the module's docstring), at ``gray``'s size; None
    when none does (a white backing, a sheet filling the scan)."""
    small = cv2.resize(gray, None, fx=1 / SCALE, fy=1 / SCALE, interpolation=cv2.INTER_AREA)
    paper = float(np.percentile(small, 75))
    limit = 0.5 * paper
    dark: np.ndarray = (small < limit).astype(np.uint8) * 255
    dark = cv2.morphologyEx(dark, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (THICK, THICK)))
    if not cv2.countNonZero(dark):
        return None
    # back to full size: the dark pixels near the region (its edge as scanned, not the shrunk image's steps)
    near = cv2.resize(dark, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_NEAREST)
    near = cv2.dilate(near, cv2.getStructuringElement(cv2.MORPH_RECT, (2 * SCALE + 1, 2 * SCALE + 1)))
    blurred = cv2.blur(gray, (5, 5))
    mask = cv2.bitwise_and(near, (blurred < limit).astype(np.uint8) * 255)
    return cv2.dilate(mask, cv2.getStructuringElement(cv2.MORPH_RECT, (2 * EDGE + 1, 2 * EDGE + 1)))
