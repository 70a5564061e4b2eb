"""A sheet-fed scanner's dust streaks: a speck of dust on the glass over the sensor draws a thin line down the
whole scan, dark (the speck shades the light) or light (a bright speck, or the sensor's pixel stuck), one to four
pixels wide, at the same place on every line the sensor reads (family Z: a production scanner's ADF). The rule
finder took a dark one for a column's rule, so the figures between it and the next rule were read as another
column's (Z dev 18001 p5, p6: base pay read as deductions, every row's sums broken, the page in review whole); a
light one cuts every figure and rule it crosses in two.

A streak is told from a rule by what the sensor does and a form cannot: it stands at one pixel column of the scan
from the image's top edge to its bottom edge, through the margins, the title and the figures alike, exactly
upright whatever the sheet's skew. A form's rule stops at the table's frame and leans with the sheet; a run of
one to four columns dark on nearly every row of the image, the columns beside it not, is no rule of a form
(a rule the whole height of a scan cropped to its table leans by its skew off any one pixel column over the
height, unless the scan is straight to the pixel: only a perfectly upright page cut to its table would lose a
rule here, and no development family has one).

The streak is mended, not kept: each of its pixel columns is drawn anew between the columns beside it (linear
interpolation across the streak), so the rules across it join, and a figure it crossed keeps its strokes as the
columns beside show them (a dark streak's pixels are no `1` or `I`; a light one's gap no space in a figure).
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from .geometry import true_runs

WIDEST = 4  # a streak is at most this many pixel columns wide
DARK_ROWS = 0.97  # a dark streak is dark on this share of the image's rows at the least ...
BESIDE = 0.5  # ... and the columns two pixels beside it on fewer than this share
DARK = 50.0  # dark: this much darker than the paper (the image's median) at the least
LIGHT = 40.0  # a light streak's pixel is this much lighter than the lighter of its two neighbours ...
CROSSINGS = 8  # ... across this many strokes at the least (where both neighbours are ink) ...
CROSSED = 0.9  # ... on this share of the rows where both neighbours are ink
INKLESS = 2  # a light streak's column has no more ink pixels than this (noise)
LONGEST = 0.05  # no crossing longer than this share of the height (the gap between a doubled rule is no streak)


def _darker_per_column(gray: np.ndarray, level: float) -> np.ndarray:
    """Per pixel column of an 8-bit image, how many of its pixels are darker than ``level`` (``gray < level``
    counted down each column): a threshold and a column sum in OpenCV, not a page of booleans summed by numpy
    down its columns (several times slower; the same counts)."""
    below = np.empty_like(gray)
    cv2.threshold(gray, math.ceil(level) - 1, 1, cv2.THRESH_BINARY_INV, dst=below)  # (1 where gray <= ceil - 1)
    return cv2.reduce(below, 0, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel()


def dark_streaks(gray: np.ndarray) -> list[tuple[int, int]]:
    """The dark streaks of a grey (or bitonal) scan: runs of at most ``WIDEST`` pixel columns dark on
    ``DARK_ROWS`` of its rows, the columns two pixels beside them on fewer than ``BESIDE`` (a sheet's edge, a
    shadow or the backing beside the sheet is wider). As (x0, x1), x1 exclusive."""
    h, w = gray.shape
    paper = float(np.median(gray[:: max(1, h // 400), :: max(1, w // 400)]))
    share = _darker_per_column(gray, paper - DARK) / h
    out = []
    for x0, x1 in true_runs(share >= DARK_ROWS):
        if x1 - x0 > WIDEST or x0 < 2 or x1 > w - 2:
            continue
        if share[x0 - 2] < BESIDE and share[x1 + 1] < BESIDE:
            out.append((x0, x1))
    return out


def light_streaks(gray: np.ndarray) -> list[tuple[int, int]]:
    """The light streaks of a grey (or bitonal) scan: runs of at most ``WIDEST`` pixel columns with no ink on
    them, light wherever the columns either side are ink, across ``CROSSINGS`` strokes at the least and on
    ``CROSSED`` of such rows, no crossing longer than ``LONGEST`` of the height (two rules side by side have
    paper between them all the way down). As (x0, x1), x1 exclusive."""
    h, w = gray.shape
    paper = float(np.median(gray[:: max(1, h // 400), :: max(1, w // 400)]))
    level = paper - 2 * DARK
    found = []
    for x0, x1 in true_runs(_darker_per_column(gray, level) <= INKLESS):
        if x1 - x0 > WIDEST or x0 < 1 or x1 >= w:
            continue
        both = (gray[:, x0 - 1] < level) & (gray[:, x1] < level)
        crossings = true_runs(both)
        if len(crossings) < CROSSINGS or max(b - a for a, b in crossings) > LONGEST * h:
            continue
        beside = np.maximum(gray[:, x0 - 1], gray[:, x1]).astype(np.int16) + int(LIGHT)
        light = (gray[:, x0:x1].astype(np.int16) >= beside[:, None]).all(axis=1)
        if (both & light).sum() >= CROSSED * both.sum():
            found.append((x0, x1))
    return found


def mended(gray: np.ndarray) -> np.ndarray:
    """``gray`` with its dust streaks, dark and light, drawn anew between the pixel columns beside them; the
    image itself where it has none."""
    streaks = dark_streaks(gray) + light_streaks(gray)
    if not streaks:
        return gray
    out = gray.copy()
    for x0, x1 in streaks:
        left = gray[:, x0 - 1].astype(np.float32)
        right = gray[:, x1].astype(np.float32)
        n = x1 - x0 + 1
        for k, x in enumerate(range(x0, x1), start=1):
            out[:, x] = np.clip(np.rint(left + (right - left) * k / n), 0, 255).astype(gray.dtype)
    return out
