"""A sheet bent on the glass (ocr.unbend): the bend measured along its long rules, their blots labelled
band by band (the same blots as one labelling of the page)."""

from __future__ import annotations

import cv2
import numpy as np

from ocr import unbend
from ocr.preprocess import components


def _ruled(bent: bool) -> np.ndarray:
    page = np.zeros((1200, 2000), np.uint8)
    xs = np.arange(100, 1900)
    for y in (150, 400, 650, 900):
        ys = y + (20 * np.sin(xs / 1800 * np.pi) if bent else 0 * xs)
        pts = np.column_stack([xs, ys]).astype(np.int32).reshape(-1, 1, 2)
        cv2.polylines(page, [pts], False, 255, 3)
    cv2.putText(page, "1 Ivan Petrov 1234.56", (150, 300), cv2.FONT_HERSHEY_SIMPLEX, 2, 255, 5)
    return page


def test_a_bent_sheets_rules_give_its_bend_and_a_flat_ones_none() -> None:
    bend = unbend.bend_of_rules(_ruled(bent=True))
    assert bend is not None and float(bend.max() - bend.min()) >= unbend.MIN_BEND
    assert unbend.bend_of_rules(_ruled(bent=False)) is None


def test_the_rules_blots_labelled_band_by_band_are_the_pages_blots() -> None:
    mask = cv2.dilate(_ruled(bent=True), np.ones((5, 41), np.uint8))
    whole = components(mask)[2][1:]
    bands = np.vstack(
        [stats[1:] + np.array([0, top, 0, 0, 0]) for top, _, stats in unbend.bands_labelled(mask)]
    )
    assert bands.tolist() == whole.tolist()  # the same blots, in the same order
    assert unbend.bands_labelled(np.zeros((50, 50), np.uint8)) == []


def test_the_lids_black_along_the_images_edges_is_no_rule() -> None:
    """A photocopy made with the lid open, scanned (AC dev 21003 p1): the binarised edge of the lid's black along
    the image's top and foot, bands 40-50 px tall leaning against the page's level rows and reaching across only
    part of it, were measured as the only long "rules": the page was "put flat" by their lean, its rows bent,
    and no table was found. A band that tall on the image's edge is no rule: a flat sheet stays as it is."""
    page = np.zeros((1200, 2000), np.uint8)
    cv2.putText(page, "1 Ivan Petrov 1234.56", (150, 300), cv2.FONT_HERSHEY_SIMPLEX, 2, 255, 5)
    top = np.array([[300, 0], [1990, 0], [1990, 20], [1200, 50], [300, 20]], np.int32)
    foot = np.array([[20, 1168], [1500, 1168], [1500, 1199], [20, 1199]], np.int32)
    cv2.fillPoly(page, [top, foot], 255)
    assert unbend.bend_of_rules(page) is None


def _cockled(double: bool = False) -> tuple[np.ndarray, np.ndarray]:
    """A flooded sheet's thin pen rules as it dried cockled (family AE): every strip of 100 px shifted up or down
    by its own few pixels beside a slow wave, each rule broken into pieces where two strips' shifts differ
    (``double``: each rule two lines 4 px apart, over each other); and the shift drawn, column by column."""
    page = np.zeros((1400, 3000), np.uint8)
    jitter = np.random.default_rng(3).integers(-7, 8, size=31)
    shift = np.zeros(3000)
    for x in range(300, 2700, 100):
        shift[x : x + 100] = round(10 * np.sin(2 * np.pi * x / 1400)) + int(jitter[x // 100])
    for y0 in (200, 450, 1000, 1150):
        for x in range(300, 2700, 100):
            for dy in (0, 4) if double else (0,):
                cv2.line(page, (x, y0 + dy + int(shift[x])), (x + 99, y0 + dy + int(shift[x])), 255, 2)
    return page, shift


def test_a_cockled_sheets_rules_broken_into_pieces_give_its_bend() -> None:
    # AE dev 23001 p7, 23002 p4: each rule in 11 to 14 pieces, none across 0.3 of the page: no bend was
    # measured, the rules under the heading and over the sums were lost and the page read as no table
    page, shift = _cockled()
    bend = unbend.bend_of_rules(page)
    assert bend is not None
    inside = slice(400, 2600)
    drawn, measured = shift[inside] - np.median(shift[inside]), bend[inside] - np.median(bend[inside])
    assert float(np.corrcoef(drawn, measured)[0, 1]) > 0.8
    # a band's pieces lying over each other are no one rule's (a double rule's lines each broken): as before
    over = np.array([[0, 0, 0, 0, 0], [300, 0, 800, 3, 0], [300, 4, 800, 3, 0]])
    assert unbend._rules_of_band(over, 3000, 1400) == []
    beside = np.array([[0, 0, 0, 0, 0], [300, 0, 500, 3, 0], [800, 6, 500, 3, 0], [1300, 2, 50, 3, 0]])
    assert unbend._rules_of_band(beside, 3000, 1400) == [(300, 0, 1000, 9, [1, 2])]
    apart = np.array([[0, 0, 0, 0, 0], [300, 0, 500, 3, 0], [1000, 6, 500, 3, 0]])  # lines to sign on: no rule
    assert unbend._rules_of_band(apart, 3000, 1400) == []
