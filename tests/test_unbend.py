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
        [stats[1:] + np.array([0, top, 0, 0, 0]) for top, _, stats in unbend._bands_labelled(mask)]
    )
    assert bands.tolist() == whole.tolist()  # the same blots, in the same order
    assert unbend._bands_labelled(np.zeros((50, 50), np.uint8)) == []


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
