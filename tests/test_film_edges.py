"""A microfilm frame's dark edge along the image is no part of the page: painted paper before the deskew,
whose profile it would otherwise set by the film's angle (ocr/film_edges.py: R dev 10007 p4, 10026 p8,
landscape sheets 1.7 degrees askew under a black band, measured straight and failed with no table; the page
itself is the regression fixture `r-film-edge-over-askew-sheet-no-table`). No OCR."""

from __future__ import annotations

import cv2
import numpy as np

from ocr import preprocess
from ocr.film_edges import whitened


def _page(angle: float, band: int = 0) -> np.ndarray:
    """A page of ruled lines of type-like dashes turned by ``angle`` degrees, the film's band ``band`` px
    tall across its top, straight."""
    page = np.full((1240, 1754), 235, np.uint8)
    for y in range(200, 1100, 45):
        for x in range(150, 1600, 60):
            page[y : y + 18, x : x + 40 : 3] = 40  # a line of writing
        cv2.line(page, (120, y + 30), (1630, y + 30), 60, 2)  # its rule
    m = cv2.getRotationMatrix2D((877, 620), angle, 1.0)
    page = cv2.warpAffine(page, m, (1754, 1240), borderValue=235)
    page[:band] = 20
    return page


def test_the_films_band_is_painted_paper_and_the_page_keeps_its_skew():
    page = _page(1.7, band=60)
    clean = whitened(page)
    assert clean[:63].min() == int(np.median(page))
    assert abs(preprocess.estimate_skew(preprocess.binarize(clean)) + 1.7) <= 0.1  # (the turn that undoes it)
    assert np.array_equal(clean[100:], page[100:])  # the page itself as given
    side = _page(0.0)
    side[:, -40:] = 20  # down the right side
    assert whitened(side)[:, -43:].min() == int(np.median(side))


def test_a_page_without_a_band_is_left_as_given():
    page = _page(0.0)
    assert whitened(page) is page


def test_a_dark_line_inside_the_page_is_no_band():
    page = _page(0.0)
    page[400:440] = 20  # a black bar across the middle (a form's), far from every edge
    assert whitened(page) is page


def test_a_desks_soft_shadow_and_a_crops_few_dark_lines_are_no_film():
    """A book photographed open on a dark desk (S regression sheet `s-book-facing-page-title-as-employer`): the
    desk's shadow fades into the page over many columns, and a crop leaves three dark columns at the edge;
    neither is painted (painting them moved the deskew and the page's period was lost)."""
    page = _page(0.0)
    page[:, :52] = 100  # the desk, as dark as a film's band by half the paper's light ...
    page[:, 52:75] = np.linspace(110, 190, 23).astype(np.uint8)  # ... fading into the page
    assert (whitened(page) == page).all()
    page = _page(0.0)
    page[:, :3] = 30  # a crop's three dark columns, sharp
    assert (whitened(page) == page).all()
    page[:, :60] = 30  # a film's border as wide: painted
    assert (whitened(page)[:, :60] == np.median(page)).all()
