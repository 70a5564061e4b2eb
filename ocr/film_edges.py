"""A microfilm frame's dark edge along the image. A page printed or scanned from film keeps the film's
unexposed border as a dark band at the image's edge (family R: across the top or down a side), printed
straight with the film whatever the page's own skew. Left in, its long straight edges outweigh the page's
own lines: the deskew takes the film's angle for the page's (R dev 10007 p4, 10026 p8: landscape sheets 1.7
degrees askew under a black band across their tops, measured straight; their hand-drawn rules then found
nowhere and the pages failed with no table; R dev 10005 p13 so, fifteen people, four rows read).

The band is the run of whole lines (rows, or columns) from the image's edge in that are dark on average
(under half the paper's light: the page's median), within ``REACH`` of the edge, that ends sharply: ``MARGIN``
lines past it the page is paper again (``EDGE`` of its light); it is painted the paper's grey, with ``MARGIN`` lines
more for its soft inner edge. A page with no such band is returned as given. A desk's shadow beside a book
photographed open fades into the page over many lines, and a few dark lines at the edge left by a crop (under
``WIDE`` of the image) are no film either (S regression sheet `s-book-facing-page-title-as-employer`: its left six
columns painted, the deskew moved and the page's period lost)."""

from __future__ import annotations

import numpy as np

from . import order_stats

DARK = 0.5  # a line this dark on average (of the paper's light) is film, not page
REACH = 0.15  # of the image from each edge at most
MARGIN = 3  # lines past the band's inner edge painted too (its blur)
EDGE = 0.8  # of the paper's light, ``MARGIN`` lines past the band: a film's edge is sharp
WIDE = 0.005  # of the image at least: a film's border is wide; a few dark lines at the edge are a crop's


def whitened(gray: np.ndarray) -> np.ndarray:
    """``gray`` with the dark bands along its edges painted the paper's grey (a copy; ``gray`` itself where
    there are none)."""
    paper = order_stats.median_of(gray)
    out = gray
    for axis in (0, 1):
        means = gray.mean(axis=1 - axis)
        n = len(means)
        reach = int(REACH * n)
        for from_end in (False, True):
            k = 0
            while k < reach and means[n - 1 - k if from_end else k] < DARK * paper:
                k += 1
            if k < WIDE * n:
                continue
            inner = min(n - 1, k + MARGIN)
            if means[n - 1 - inner if from_end else inner] < EDGE * paper:  # a soft edge: a shadow, no film
                continue
            if out is gray:
                out = gray.copy()
            k = min(n, k + MARGIN)
            cut = slice(n - k, n) if from_end else slice(0, k)
            if axis == 0:
                out[cut, :] = paper
            else:
                out[:, cut] = paper
    return out
