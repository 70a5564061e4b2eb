"""The header's text lines are found on the page before it is read (``reading.header_bands``): a line of
small print (the period under the title, J dev 1011: 17 px under a 21 px title) is a line, not dust, when
the whole header is set that small; on a header of ordinary type a band that low is still dust."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from ocr.preprocess import Blobs
from ocr.reading import header_bands


def _page(lines: list[tuple[int, int]], top: int = 300) -> SimpleNamespace:
    """A page whose header holds a line of "letters" (8 px blocks of ink, 10 px apart) for each (y, height)."""
    binary = np.zeros((top + 100, 1200), np.uint8)
    for y, h in lines:
        for x in range(300, 900, 18):
            binary[y : y + h, x : x + 8] = 255
    return SimpleNamespace(grid=SimpleNamespace(ys=[top, top + 50]), blobs=Blobs(binary))


def test_a_line_of_small_print_under_a_small_title_is_a_header_line():
    assert header_bands(_page([(100, 21), (150, 20), (200, 17)])) == [(100, 121), (150, 170), (200, 217)]  # type: ignore[arg-type]


def test_a_low_band_under_a_header_of_ordinary_type_is_dust():
    assert header_bands(_page([(60, 40), (130, 45), (200, 17)])) == [(60, 100), (130, 175)]  # type: ignore[arg-type]
