"""The employer's name when the grid's first band holds the header: a page edge or a shadow taken for the
table's top rule (C dev 106 page-0002, a landscape sheet) leaves no words above the table, so the header
reader found no name and no period. When the first band holds the sheet's title or its period, its words
are the header and are read as one."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from .geometry import Grid, Word
from .header import _TITLE_WORDS, Header, parse_header


def header_in_first_band(
    header: Header, words: list[Word], grid: Grid, page_width: int, bands: list[tuple[int, int]], gray: np.ndarray
) -> Header:
    """``header`` with the employer (and the period, when it lacked one) read from the words of the grid's
    first band, when the header above the table gave no employer and that band is a header."""
    if header.employer is not None or grid.n_rows < 2:
        return header
    top, bottom = grid.ys[0], grid.ys[1]
    band = [w for w in words if top <= w.box.cy < bottom]
    if not any(t in w.text.upper() for w in band for t in _TITLE_WORDS):
        return header  # the first band is the table's headings: no header inside the grid
    h = parse_header(band, page_width, bands, gray)
    if h.employer is None:
        return header
    if header.year is None and h.year is not None:
        return h
    return replace(header, employer=h.employer, employer_review=h.employer_review,
                   employer_conf=h.employer_conf, employer_words=h.employer_words)  # fmt: skip
