"""A page scanned from microfilm at its own resolution, the film's grain strong against its faint grey type, has
its table's rows smoothed at the grain's scale before tesseract reads them (family AB: the strokes broken into
specks, `270 03` read `2.00`); a clean scan, a page scaled up from a coarser scan and the header above the table
are read as they were."""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np

from ocr import film_grain, preprocess, reading
from ocr.analysis import Analysis

TOP = 200  # the table's rows start here; the header above


def _page(grain: float, seed: int = 1, depth: float = 55) -> np.ndarray:
    """Grey figures (``depth`` levels under the film's grey: faint) on film of ``grain`` (a pixel's spread)."""
    rng = np.random.default_rng(seed)
    img = np.full((800, 900), 255, np.uint8)
    cv2.putText(img, "VEDOMOST 1995", (200, 120), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 2)
    for i, t in enumerate(("270.03", "324.55", "350.94", "6002211282", "3511252461", "40.72", "62.85")):
        cv2.putText(img, t, (300, 260 + 75 * i), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 0, 2)
    page = 230 - (255 - cv2.GaussianBlur(img, (0, 0), 1.2).astype(np.float32)) * depth / 255
    page += rng.normal(0, grain, page.shape)
    return np.clip(page, 0, 255).astype(np.uint8)


def _speckle(gray: np.ndarray) -> float:
    """The pixels' spread about their neighbourhood's median in the table's rows: the specks tesseract sees."""
    rows = gray[TOP:]
    return float(np.std(rows.astype(np.int16) - cv2.medianBlur(rows, 5).astype(np.int16)))


def test_grainy_film_rows_are_smoothed_and_the_header_left_as_it_is() -> None:
    page = _page(8.0)
    binary = preprocess.binarize(page)
    grain = film_grain.grain(page, binary)
    assert grain is not None and grain >= film_grain.GRAINY
    out = film_grain.smoothed(page, binary, scaled_up=False, top=TOP)
    assert _speckle(out) < 0.5 * _speckle(page)  # the grain averaged out in the rows
    assert (out[:TOP] == page[:TOP]).all()  # the header as scanned


def test_clean_scan_and_scaled_up_scan_are_read_as_they_were() -> None:
    clean = _page(0.8)
    binary = preprocess.binarize(clean)
    grain = film_grain.grain(clean, binary)
    assert grain is not None and grain < film_grain.GRAINY
    assert film_grain.smoothed(clean, binary, scaled_up=False, top=TOP) is clean
    grainy = _page(8.0)  # scaled up from 200 dpi: the scaling spread the grain already
    assert film_grain.smoothed(grainy, preprocess.binarize(grainy), scaled_up=True, top=TOP) is grainy


def test_blank_image_is_not_measured() -> None:
    blank = np.full((400, 400), 230, np.uint8)
    assert film_grain.grain(blank, np.zeros_like(blank)) is None
    assert film_grain.smoothed(blank, np.zeros_like(blank), scaled_up=False, top=0) is blank


def test_figures_are_read_from_the_smoothed_image_and_the_rest_from_the_clean_one() -> None:
    page = _page(8.0)
    smooth = film_grain.smoothed(page, preprocess.binarize(page), scaled_up=False, top=TOP)
    fields = {f: None for f in Analysis.__dataclass_fields__ if f not in ("memo", "figures")}
    a = Analysis(**{**fields, "clean": page})  # type: ignore[arg-type]
    assert reading.figures_image(a) is a  # no grain measured: the figures read from ``clean``
    grained = replace(a, figures=smooth)
    assert reading.figures_image(grained).clean is smooth
    assert grained.clean is page  # names and header: as flattened from the scan


def test_noisy_scan_of_dark_type_is_read_as_it_was() -> None:
    dark = _page(8.0, depth=200)  # a grey flatbed scan's noise under dark type (E dev 501 p1): no film's grain
    binary = preprocess.binarize(dark)
    assert film_grain.grain(dark, binary) is None
    assert film_grain.smoothed(dark, binary, scaled_up=False, top=TOP) is dark
