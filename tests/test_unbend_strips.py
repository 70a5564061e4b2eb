"""A bent sheet is put flat a strip of rows at a time (ocr.unbend.flatten): the same pixels as one remap of
the page with two page-sized maps, without writing and reading 70 MB of maps (~0.1 s of CPU a bent page
on family N)."""

from __future__ import annotations

import tracemalloc

import cv2
import numpy as np

from ocr import unbend


def _one_remap(gray: np.ndarray, bend: np.ndarray) -> np.ndarray:
    h, w = gray.shape
    map_x = np.empty((h, w), dtype=np.float32)
    map_x[:] = np.arange(w, dtype=np.float32)
    map_y = np.arange(h, dtype=np.float32)[:, None] + bend[None, :].astype(np.float32)
    return cv2.remap(gray, map_x, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)


def _bent_page(h: int, w: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    gray = np.full((h, w), 235, np.uint8)
    for y in range(40, h - 40, 70):  # rules and a line of "type" under each
        gray[y : y + 3] = 30
        gray[y + 20 : y + 45, 60 : w - 60 : 9] = 60
    bend = 12 * np.sin(np.linspace(0, np.pi, w)) + rng.normal(0, 0.2, w).cumsum() * 0.1
    return gray, bend


def test_a_bent_page_is_put_flat_strip_by_strip_to_the_same_pixels():
    for h, w, seed in ((2480, 3508, 1), (300, 129, 2), (unbend.FLATTEN_STRIP, 40, 3), (97, 61, 4)):
        gray, bend = _bent_page(h, w, seed)
        assert np.array_equal(unbend.flatten(gray, bend), _one_remap(gray, bend))


def test_putting_a_page_flat_makes_no_page_sized_maps():
    gray, bend = _bent_page(2480, 3508, 5)
    tracemalloc.start()
    try:
        unbend.flatten(gray, bend)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 16 << 20  # the page (8.7 MB) and one strip's maps, not two maps of 35 MB each
