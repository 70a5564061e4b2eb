"""ocr.row_opening.open_rows: a long row opening made on the rows a shorter one left ink on is the
opening of the whole image, pixel for pixel (runs at the image's edges too); open_long_rows, made on the rows
whose samples may hold a run that long, likewise."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from ocr.row_opening import dilate_rows, open_long_rows, open_rows


def _opened(binary: np.ndarray, length: int) -> np.ndarray:
    return cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1)))


def _page(seed: int) -> np.ndarray:
    """Speckle, short and long strokes, some touching the left and right edges."""
    rng = np.random.default_rng(seed)
    b = np.where(rng.random((120, 700)) < 0.2, 255, 0).astype(np.uint8)
    for _ in range(60):
        y, x, n = int(rng.integers(0, 120)), int(rng.integers(-60, 700)), int(rng.integers(20, 260))
        b[y, max(0, x) : max(0, x + n)] = 255
    return b


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize(("short", "length"), [(80, 110), (80, 80), (31, 110), (2, 57)])
def test_same_pixels_as_opening_every_row(seed, short, length):
    b = _page(seed)
    assert np.array_equal(open_rows(b, length, _opened(b, short)), _opened(b, length))


def test_without_a_shorter_opening_every_row_is_opened():
    b = _page(7)
    assert np.array_equal(open_rows(b, 110), _opened(b, 110))


def test_no_ink_left_by_the_shorter_one_no_rows_opened():
    b = _page(8)
    empty = np.zeros_like(b)
    assert not open_rows(b, 110, empty).any()


def test_a_shorter_opening_of_another_size_is_refused():
    b = _page(9)
    with pytest.raises(ValueError):
        open_rows(b, 110, _opened(b[:50], 80))


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize(("width", "height"), [(60, 3), (41, 5), (3, 1), (7, 9)])
def test_dilate_rows_same_pixels_as_dilating_every_row(seed, width, height):
    b = _opened(_page(seed), 80)  # sparse rows of strokes, as the rules leave
    b[0, 5:90] = 255  # strokes on the first and last rows and on rows close together
    b[-1, 600:] = 255
    b[50:53, 100:200] = 255
    want = cv2.dilate(b, cv2.getStructuringElement(cv2.MORPH_RECT, (width, height)))
    assert np.array_equal(dilate_rows(b, width, height), want)
    dense = _page(seed)
    want = cv2.dilate(dense, cv2.getStructuringElement(cv2.MORPH_RECT, (width, height)))
    assert np.array_equal(dilate_rows(dense, width, height), want)


def test_dilate_rows_of_paper_is_paper_and_an_even_height_refused():
    assert not dilate_rows(np.zeros((40, 50), np.uint8), 9, 3).any()
    with pytest.raises(ValueError):
        dilate_rows(np.zeros((40, 50), np.uint8), 9, 4)


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("length", [24, 57, 80, 110, 161])
def test_long_rows_same_pixels_as_opening_every_row(seed, length):
    """Runs just long enough and just too short, from the edges and within, on speckle light and dense."""
    rng = np.random.default_rng(100 + seed)
    b = _page(seed)
    if seed % 2:  # dense speckle: short runs everywhere, runs of every length by chance
        b |= np.where(rng.random(b.shape) < 0.6, 255, 0).astype(np.uint8)
    for y in range(0, b.shape[0], 7):
        x = int(rng.integers(-length, b.shape[1]))
        n = length + int(rng.integers(-2, 3))
        b[y, max(0, x) : max(0, x + n)] = 255
    assert np.array_equal(open_long_rows(b, length), _opened(b, length))


def test_long_rows_of_paper_is_paper():
    b = np.zeros((50, 900), np.uint8)
    assert not open_long_rows(b, 80).any()


@pytest.mark.parametrize("length", [24, 57, 80, 110])
def test_long_rows_keep_what_opencv_keeps_of_runs_from_the_edges(length):
    """OpenCV counts beyond the image's edge as ink: a run from the edge half as long as the kernel stays."""
    b = np.zeros((2 * length, 900), np.uint8)
    for i, n in enumerate(range(length // 2 - 3, length + 1)):
        b[2 * i, :n] = 255  # from the left edge
        b[2 * i + 1, b.shape[1] - n :] = 255  # to the right edge
    assert _opened(b, length).any()
    assert np.array_equal(open_long_rows(b, length), _opened(b, length))
