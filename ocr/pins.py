"""A dot-matrix printout whose pin rows stand apart: every letter a stack of thin strips with a pixel or
two of paper between them. Tesseract reads such letters as noise (J dev 1003 p4: no name, no ЕГН, no
figure of the body read), and the strips of a text line look like the dashes of a rule. Where the page
shows many such stacks, the gaps are closed before anything else looks at the ink.
"""

from __future__ import annotations

import cv2
import numpy as np

STRIP_THIN = 7  # a pin row's strip is at most this tall (pixels at 300 dpi) ...
STRIP_ELONGATED = 2  # ... and this many times wider than tall
STRIP_GAP = 2  # paper between two strips of one letter, at most
STACKED_MIN = 80  # strips with another right under them, on a page of pin rows apart ...
STACKED_SHARE = 0.08  # ... and their share of the page's blots (20 px or more)


def stacked(stats: np.ndarray) -> np.ndarray:
    """Per blot (``stats``: ``preprocess.components``' stats, background first): a thin strip with another
    such strip one or two pixels above or below it, overlapping across: a pin row of a dot-matrix
    letter. A dashed rule's dashes have none; a solid face has no strips."""
    x, y, w, h, area = (stats[:, k] for k in range(5))
    thin = (area >= 20) & (h <= STRIP_THIN) & (w >= STRIP_ELONGATED * h)
    thin[0] = False
    out = np.zeros(len(stats), dtype=bool)
    idx = np.nonzero(thin)[0]
    if idx.size < 2:
        return out
    order = idx[np.argsort(y[idx], kind="stable")]
    tops = y[order]
    lo = np.searchsorted(tops, y[idx] + h[idx], side="left")  # the first row of paper under each strip
    hi = np.searchsorted(tops, y[idx] + h[idx] + STRIP_GAP, side="right")
    for i, a, b in zip(idx.tolist(), lo.tolist(), hi.tolist(), strict=True):
        js = order[a:b]
        if js.size:
            hit = js[(np.minimum(x[i] + w[i], x[js] + w[js]) - np.maximum(x[i], x[js])) > 0]
            if hit.size:
                out[i] = True
                out[hit] = True
    return out


def rows_apart(stats: np.ndarray) -> bool:
    """Whether the page's ink is typed in pin rows that stand apart: many strips stacked (``stacked``)."""
    n = int(np.count_nonzero(stacked(stats)))
    return n >= STACKED_MIN and n >= STACKED_SHARE * int(np.count_nonzero(stats[1:, 4] >= 20))


def joined(gray: np.ndarray) -> np.ndarray:
    """The grayscale as scanned (before the deskew's interpolation greys the gaps) with the paper between
    pin rows closed: each dark pixel spread one pixel up and down (a gap of two closes; the letters grow
    by a pixel above and below)."""
    return cv2.erode(gray, cv2.getStructuringElement(cv2.MORPH_RECT, (1, STRIP_GAP + 1)))
