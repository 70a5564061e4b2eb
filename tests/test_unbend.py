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
