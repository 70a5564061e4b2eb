"""A carbon copy's typing, blurred by the carbon paper, is sharpened before it is read (family W: soft digits read
with one dropped, `52` as `2`); typing, print or handwriting that is sharp is read as it was."""

from __future__ import annotations

import cv2
import numpy as np

from ocr import carbon_blur
from ocr.geometry import Grid


def _typed_rows(sigma: float) -> tuple[np.ndarray, Grid]:
    page = np.full((700, 900), 255, np.uint8)
    for i in range(8):
        cv2.putText(page, f"{1234 + 97 * i}.{10 + 7 * i}  6610158260", (40, 140 + 65 * i),
                    cv2.FONT_HERSHEY_SIMPLEX, 1.4, 40, 4)  # fmt: skip
    if sigma:
        page = cv2.GaussianBlur(page, (0, 0), sigma)
    page[page > 245] = 255  # the clean image's paper is white
    return page, Grid([20, 880], [20, 90, 680], True)


def test_blurred_typing_is_sharpened_and_sharp_typing_is_left_as_it_is() -> None:
    soft, grid = _typed_rows(2.6)
    sharp, _ = _typed_rows(0)
    assert carbon_blur.sharpness(soft, grid) < carbon_blur.BLURRED <= carbon_blur.sharpness(sharp, grid)
    out = carbon_blur.sharpened(soft, grid)
    assert carbon_blur.sharpness(out, grid) > carbon_blur.sharpness(soft, grid)
    assert (out[:90] == soft[:90]).all()  # the heading and the header above the rows as they were
    assert carbon_blur.sharpened(sharp, grid) is sharp


def test_the_rows_are_sharpened_as_by_a_blur_of_the_whole_page() -> None:
    """Only the rows under the heading (and the few above them the blur reads) are blurred: the same values
    as an unsharp mask of the whole page, to the last grey."""
    soft, grid = _typed_rows(2.6)
    c = soft.astype(np.float32)
    whole = np.clip(c + carbon_blur.AMOUNT * (c - cv2.GaussianBlur(c, (0, 0), carbon_blur.SIGMA)), 0, 255)
    out = carbon_blur.sharpened(soft, grid)
    assert np.array_equal(out[90:], whole.astype(np.uint8)[90:])
