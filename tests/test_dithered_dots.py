"""A dithered tint's dots are no colons: a bitonal scan's yellowed tape, its tint dithered into a lattice of dots,
its columns of dots taken for a line printer's colon marks drew rules down the table (AH dev 26005 p1: 20 columns
where 13 are printed); a listing's colons, a dot over a dot with paper or figures beside them, stay marks
(``ocr.column_marks._dots``)."""

from __future__ import annotations

import numpy as np

from ocr.column_marks import _listing_columns
from ocr.preprocess import components

H, W = 900, 1400
COLUMNS = (300, 700, 1100)


def _stats(binary: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    _, _, stats, centroids = components(binary)
    return stats, centroids


def _dithered_band(binary: np.ndarray) -> None:
    """An ordered dither's dots, 4 x 5 px at a pitch of 8, over a band across the page."""
    for y in range(200, 420, 8):
        for x in range(100, 1300, 8):
            binary[y : y + 5, x : x + 4] = 255


def _colon_listing(binary: np.ndarray) -> None:
    """Colons typed down ten lines at three columns, figures beside them."""
    for line in range(10):
        y = 450 + 40 * line
        for x in COLUMNS:
            binary[y : y + 6, x : x + 6] = 255
            binary[y + 14 : y + 20, x : x + 6] = 255
            binary[y : y + 22, x - 40 : x - 26] = 255  # a figure before the colon ...
            binary[y : y + 22, x + 30 : x + 44] = 255  # ... and one after it


def _figures(binary: np.ndarray) -> None:
    """Lines of figures under the band (the type's height the marks are measured by)."""
    for y in range(460, 860, 40):
        for x in range(150, 1250, 24):
            binary[y : y + 22, x : x + 14] = 255


def test_a_dithered_tints_dots_make_no_column():
    binary = np.zeros((H, W), np.uint8)
    _figures(binary)
    _dithered_band(binary)
    assert _listing_columns(*_stats(binary), 1.0, binary) == []


def test_a_listings_colons_stay_its_columns_beside_a_dithered_band():
    binary = np.zeros((H, W), np.uint8)
    _colon_listing(binary)
    alone = [c[0] for c in _listing_columns(*_stats(binary), 1.0, binary)]
    assert len(alone) == len(COLUMNS)
    _dithered_band(binary)
    assert [c[0] for c in _listing_columns(*_stats(binary), 1.0, binary)] == alone
