"""Typing blurred as a carbon copy blurs it (family W: the copy on onionskin, each letter spread by the carbon
paper to a grey blot with soft edges, W dev 15001 p1 and 15003 p1): read as it is, tesseract drops a digit of a
soft pair (`52` read `2`, `111` read `1`) or takes a `5` for an `8`, and a page's columns of split amounts no
longer pair up. Its edges sharpened (an unsharp mask), the same cells read right.

The blur is measured on the table's own writing: how steep its strokes' edges are for how dark they are (the
90th percentile of the grey's slope inside the writing over the writing's contrast with the paper; a step
blurred by a Gaussian of sigma s has a slope of at most 0.4 / s of its contrast). Typed, printed or written
sharp, a page measures 0.21 or more (K, L, P, S dev pages 0.21-0.39); a carbon spread to a sigma of two
pixels or more measures below ``BLURRED``, and only such a page is sharpened: every other page is read as
before."""

from __future__ import annotations

import cv2
import numpy as np

from .geometry import Grid

BLURRED = 0.19  # slope over contrast below which the writing is blurred (sigma about 2 px at 300 dpi)
PAPER = 250  # the clean image's paper is white (255); writing is darker than this
MIN_WRITING = 2000  # pixels of writing in the table at the least, to measure anything
SIGMA = 2.0  # the unsharp mask's blur (pixels at 300 dpi)
AMOUNT = 1.5  # ... and its strength
REACH = int(4 * SIGMA) + 2  # rows a float image's Gaussian of ``SIGMA`` reads each side (OpenCV: 4 sigma) and more


def sharpness(clean: np.ndarray, grid: Grid) -> float | None:
    """The steepness of the writing's edges under the table's heading (a form's print is sharp where the carbon's
    typing is not) for its contrast (None: too little writing to tell)."""
    body = clean[_top(grid) : grid.ys[-1], grid.xs[0] : grid.xs[-1]]
    writing = body < PAPER
    inner = cv2.erode(writing.view(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    if int(inner.sum()) < MIN_WRITING:
        return None
    contrast = 255.0 - float(np.percentile(body[writing].astype(np.float32), 2))
    if contrast <= 0:
        return None
    # the slope inside the writing only (a few per cent of the table): the same values as over the whole.
    # Sobel's sums of 8-bit greys are whole numbers within 16 bits: taken so (not of a float copy of the
    # table, four times the memory) and made float at the writing's pixels alone, the same values
    dx, dy = cv2.Sobel(body, cv2.CV_16S, 1, 0, ksize=3), cv2.Sobel(body, cv2.CV_16S, 0, 1, ksize=3)
    slope = np.hypot(dx[inner].astype(np.float32), dy[inner].astype(np.float32)) / 8
    return float(np.percentile(slope, 90)) / contrast


def sharpened(clean: np.ndarray, grid: Grid) -> np.ndarray:
    """``clean`` with the table rows' edges sharpened where the table's writing is blurred (``BLURRED``), else itself."""
    s = sharpness(clean, grid)
    if s is None or s >= BLURRED:
        return clean
    out = clean.copy()
    top = _top(grid)  # the people's rows only: the header's lines are read as they were (W dev 15003 p1: its
    # employer's line sharpened read as letters of nothing)
    # blurred from ``REACH`` rows above them (all the kernel reads of the rows above: the same sums as the whole
    # page's blur), not the heading's too: a float copy and a blur of the rows kept only
    lead = max(0, top - REACH)
    c = clean[lead:].astype(np.float32)
    soft = cv2.GaussianBlur(c, (0, 0), SIGMA)
    c, soft = c[top - lead :], soft[top - lead :]
    out[top:] = np.clip(c + AMOUNT * (c - soft), 0, 255).astype(np.uint8)
    return out


def _top(grid: Grid) -> int:
    """The top of the table's rows under its heading."""
    return grid.ys[1] if len(grid.ys) > 2 else grid.ys[0]
