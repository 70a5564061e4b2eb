"""Film grain over faint type: a page scanned from microfilm at its own resolution (family AB: a daisy-wheel
printout filmed onto 16 mm roll film, the film scanned at 300 dpi) has the film's grain in every pixel, as
strong against the grey type's contrast with the clear film as a scanner's noise never is. Flattened as it is
(``preprocess.flatten``), each stroke of the type breaks into specks and tesseract reads the cells' figures as
other figures or none (AB dev 20003 p1: `270 03` read `2.00`, every ЕГН unreadable, 11.5 % of the fields
right; AB dev 20004 p1 65 %).

The grain is measured on the paper (the image's middle, away from any ink): the spread of each pixel about the
median of its 5 x 5 neighbourhood, over the ink's contrast with that paper. On a page whose type is faint (under
``FAINT`` grey levels from the paper) and whose grain is ``GRAINY`` of that contrast or more, the table's rows
are smoothed at the grain's scale (a Gaussian of ``SIGMA`` pixels) and flattened again for the figures' cells
alone (``Analysis.figures``, read by ``reading.recognise``): the grain averages out and the digits' strokes stay
whole (AB dev 20003 p1 11.5 -> 31 % of the fields right, 20004 p1 65 -> 84 %). The names and the header are read
as they were: smoothed, a faint `Ш` was read `Ж` and `ШИШКОВ` became the known name `ЖИВКОВ`, unflagged (AA dev
19001 p7).
A page scaled up to 300 dpi from a coarser scan is left alone: the scaling spread its grain over several pixels
already, and smoothed again its small type runs together. A scan's noise under dark type is no film's grain:
smoothed, the figures of E dev 501 p1 (a grey flatbed scan, type 114 levels under the paper) were read worse
(`22` as `1`). Every other page is read as before."""

from __future__ import annotations

import cv2
import numpy as np

GRAINY = 0.03  # the paper's grain over the type's contrast at which a page is smoothed
FAINT = 90  # the type's contrast with the paper (grey levels) under which it is faint: a film's thin grey
SIGMA = 1.2  # the smoothing's Gaussian (pixels at 300 dpi): the grain's own scale
CLEAR = 9  # a paper pixel is this far (a square, pixels) from any ink
MIN_PAPER = 10000  # pixels of paper at the least, to measure anything
MIN_INK = 2000  # ... and of ink
CLIP = 40  # a pixel's departure from its neighbourhood counted up to this (a speck of dust is no grain)


def grain(gray: np.ndarray, binary: np.ndarray) -> float | None:
    """The paper's grain (the spread of a pixel about its neighbourhood's median) over the type's contrast
    with the paper (the paper's median less the ink's 10th percentile), in the middle of the image (none of a
    frame's edge or a film's margin); None where too little paper or ink to tell, or the type is not faint."""
    h, w = gray.shape[:2]
    g = gray[h // 8 : 7 * h // 8, w // 8 : 7 * w // 8]
    b = binary[h // 8 : 7 * h // 8, w // 8 : 7 * w // 8]
    ink = b > 0
    paper = cv2.dilate(b, np.ones((CLEAR, CLEAR), np.uint8)) == 0
    if int(paper.sum()) < MIN_PAPER or int(ink.sum()) < MIN_INK:
        return None
    spread = g.astype(np.int16) - cv2.medianBlur(g, 5).astype(np.int16)
    noise = float(np.std(np.clip(spread[paper], -CLIP, CLIP)))
    contrast = float(np.median(g[paper])) - float(np.percentile(g[ink], 10))
    if contrast <= 0 or contrast >= FAINT:  # no ink, or type dark enough that no grain breaks it
        return None
    return noise / contrast


def smoothed(gray: np.ndarray, binary: np.ndarray, *, scaled_up: bool, top: int) -> np.ndarray:
    """``gray`` with the table's rows (from ``top`` down) smoothed at the grain's scale where the film's grain
    is ``GRAINY`` of the type's contrast or more and the page was not scaled up; else ``gray`` itself. The
    header above is read as it was (AB dev 20003 p1: its period's line smoothed was read wrong)."""
    if scaled_up:
        return gray
    g = grain(gray, binary)
    if g is None or g < GRAINY:
        return gray
    out = gray.copy()
    out[top:] = cv2.GaussianBlur(gray, (0, 0), SIGMA)[top:]
    return out
