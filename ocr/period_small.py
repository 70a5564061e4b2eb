"""The period in small print under the title, where the header gave no period: a text line lower than the
header's lines of ordinary type is left out of the header's reading as dust (``ocr.reading.header_bands``),
and with it "за месец юли 1994 год." set small and italic (N dev 6004 p2: 17 px under a title of 27 px):
every row of the page went to review for its period.

Only on a page with no period: each line above the table the header's reading left out that is a line of
text (at least ``SMALLEST_LINE`` high, its ink in at least ``LETTERS`` columns per pixel of its height, so a
row of specks is none) is read alone as one line, and its month and year taken as the header's own lines'
are (``ocr.period`` reads the year again, and the month's doubts are the same)."""

from __future__ import annotations

import numpy as np

from . import tables
from .analysis import Analysis
from .engine import OcrEngine
from .header import Header, dated_period, read_period
from .reading import SMALLEST_LINE

LINE_PSM = 7  # tesseract: the image is one line of text
LETTERS = 6  # a line of text has at least this many inked columns per pixel of its height


def _left_out(a: Analysis, bands: list[tuple[int, int]]) -> list[tuple[int, int, int, int]]:
    """Lines of text above the table that are none of ``bands`` (the header's lines as read): (y0, y1, x0, x1)."""
    top = max(0, a.grid.ys[0] - 6)
    if top < 10:
        return []
    solid = a.blobs.at_least(60, rows=slice(0, top))
    out = []
    for y0, y1 in tables.text_bands(solid, 0, top, 0, solid.shape[1], min_h=SMALLEST_LINE):
        if any(y0 < b1 and b0 < y1 for b0, b1 in bands):
            continue
        cols = np.nonzero(solid[y0:y1].any(axis=0))[0]
        if cols.size >= LETTERS * (y1 - y0):
            out.append((y0, y1, int(cols[0]), int(cols[-1]) + 1))
    return out


def read_small_period(a: Analysis, h: Header, bands: list[tuple[int, int]], engine: OcrEngine) -> None:
    """Set ``h``'s month and year from a line of small print the header's reading left out, when it has none."""
    if h.month is not None or h.year is not None:
        return
    for y0, y1, x0, x1 in _left_out(a, bands):
        m = max(6, (y1 - y0) // 2)
        cy0, cx0 = max(0, y0 - m), max(0, x0 - 2 * m)
        crop = np.ascontiguousarray(a.clean[cy0 : y1 + m, cx0 : x1 + 2 * m])
        words = [
            w for w in engine.words(crop, psm=LINE_PSM, offset=(cx0, cy0)) if w.conf > 0.1 or len(w.text) > 2
        ]
        if not words:
            continue
        found = Header()
        if not read_period(words, found) and found.month is None:
            dated_period(words, found)
        if found.month is not None:
            h.month, h.year, h.month_word, h.year_word = (
                found.month,
                found.year,
                found.month_word,
                found.year_word,
            )
            h.period_conf, h.month_unsure, h.last_day, h.range_doubt = (
                found.period_conf, found.month_unsure, found.last_day, found.range_doubt)  # fmt: skip
            return
