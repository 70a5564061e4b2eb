"""The employer's name when the grid's first bands hold the header: a page edge or a shadow taken for the
table's top rule (C dev 106 page-0002, a landscape sheet), or a printout's perforation and shaded bands
(family P: the grid begins at the fanfold's tear line, the header in its first two or three bands) leave no
words above the table, so the header reader found no name and no period. When one of the grid's first
bands holds the sheet's title, the bands down to it (and the next one when it holds the period) are the
header: read again alone as the header is (the words of the whole page's reading there were read across the
table's columns, some of them blanked as figures), else their words as read are taken."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .engine import OcrEngine
from .geometry import Grid, Word
from .header import Header, parse_header, read_period, title_word

FIRST_BANDS = 6  # the title is looked for in this many of the grid's first bands ...
HEADER_SHARE = 0.3  # ... that begin in this top share of the page
HEADER_PSM = 6  # tesseract: a block of text (as the page is read)


def _title_band(words: list[Word], grid: Grid, page_height: int | None = None) -> int | None:
    """The first of the grid's first bands whose words hold a title word; None when none does."""
    for r in range(min(FIRST_BANDS, grid.n_rows - 1)):
        if page_height is not None and grid.ys[r] > HEADER_SHARE * page_height:
            break
        band = [w for w in words if grid.ys[r] <= w.box.cy < grid.ys[r + 1]]
        if any(title_word(w.text) for w in band):
            return r
    return None


def header_in_first_band(
    header: Header,
    words: list[Word],
    grid: Grid,
    page_width: int,
    bands: list[tuple[int, int]],
    gray: np.ndarray,
    clean: np.ndarray | None = None,
    engine: OcrEngine | None = None,
) -> Header:
    """``header`` with the employer (and the period, when it lacked one) read from the grid's first bands,
    when the header above the table gave no employer and those bands are a header (``clean`` and ``engine``:
    the page and the engine to read them again with)."""
    if header.employer is not None or grid.n_rows < 2:
        return header
    r = _title_band(words, grid, gray.shape[0] if gray is not None else None)
    if r is None:
        return header  # the first band is the table's headings: no header inside the grid
    bottom = grid.ys[r + 1]
    if r + 2 < len(grid.ys):  # the period under the title in a band of its own
        nxt = [w for w in words if grid.ys[r + 1] <= w.box.cy < grid.ys[r + 2]]
        if read_period(sorted(nxt, key=lambda w: w.box.x0), Header()) and grid.ys[r + 2] - grid.ys[r + 1] < 3 * (
            bottom - grid.ys[r]
        ):
            bottom = grid.ys[r + 2]
    band = [w for w in words if w.box.cy < bottom]
    if clean is not None and engine is not None and bottom > 10:
        again = [
            w
            for w in engine.words(np.ascontiguousarray(clean[:bottom]), psm=HEADER_PSM)
            if w.conf > 0.1 or len(w.text) > 2
        ]
        band = again or band
    # the header's text bands were found above the grid: inside it the words are grouped by their own lines
    h = parse_header(band, page_width, None, gray)
    if h.employer is None and (header.year is not None or h.year is None):
        return header
    if header.year is None and h.year is not None:
        return h
    return replace(header, employer=h.employer, employer_review=h.employer_review,
                   employer_conf=h.employer_conf, employer_words=h.employer_words)  # fmt: skip
