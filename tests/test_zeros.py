"""Slashed zeros (ocr.zeros): a zero with a '/' bar is redrawn plain before the figures are read; an 8,
an italic 8 and other digits are left as they are."""

from __future__ import annotations

import cv2
import numpy as np

from ocr.zeros import unbar_zeros

from .conftest import FIXTURES


def _glyph(kind: str) -> np.ndarray:
    """One bold digit, 28 px high, on a white cell: 'slashed0', '8', 'italic8', '0', '6'."""
    im = np.full((40, 30), 255, np.uint8)
    if kind in ("slashed0", "0"):
        cv2.ellipse(im, (15, 20), (8, 13), 0, 0, 360, 60, 5)
        if kind == "slashed0":
            cv2.line(im, (10, 28), (20, 12), 60, 4)
    elif kind == "8":
        cv2.ellipse(im, (15, 13), (7, 6), 0, 0, 360, 60, 4)
        cv2.ellipse(im, (15, 26), (8, 7), 0, 0, 360, 60, 4)
    elif kind == "italic8":
        cv2.ellipse(im, (18, 13), (7, 6), 0, 0, 360, 60, 4)
        cv2.ellipse(im, (13, 26), (8, 7), 0, 0, 360, 60, 4)
    elif kind == "6":
        cv2.ellipse(im, (15, 26), (8, 7), 0, 0, 360, 60, 4)
        cv2.line(im, (8, 26), (16, 6), 60, 4)
    return im


def _holes(im: np.ndarray) -> int:
    _, ink = cv2.threshold(im, 128, 255, cv2.THRESH_BINARY_INV)
    _, hier = cv2.findContours(ink, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_NONE)
    return 0 if hier is None else int((hier[0][:, 3] >= 0).sum())


def test_a_slashed_zero_becomes_a_plain_ring():
    im = _glyph("slashed0")
    assert _holes(im) == 2
    out, n = unbar_zeros(im)
    assert n == 1
    assert _holes(out) == 1, "the bar is gone: one hole, as a plain zero"
    assert (out < 128).sum() > 0.5 * (im < 128).sum(), "the ring stays as dark and thick"


def test_eights_sixes_and_plain_zeros_are_left_alone():
    for kind in ("8", "italic8", "0", "6"):
        im = _glyph(kind)
        out, n = unbar_zeros(im)
        assert n == 0, kind
        assert np.array_equal(out, im), kind


def test_a_blank_mosaic_is_left_alone():
    im = np.full((50, 80), 255, np.uint8)
    out, n = unbar_zeros(im)
    assert n == 0 and out is im


def test_glyphs_cut_from_dev_sheets():
    """A slashed zero of E dev 504 page 5 and of E dev 501 page 3 (its upper hole a third of the lower)
    are redrawn; a 6 of E dev 501 page 4 whose tail closes a small loop is not (read as 0: '7.866,06'), nor a thin 8 of an ЕГН of E dev 502
    page 4 whose waist nearly closes."""
    for name, zero in (("slashed-zero-e504", True), ("slashed-zero-small-loop-e501", True),
                       ("six-closed-loop-e501", False), ("thin-eight-e502", False)):  # fmt: skip
        im = cv2.imread(str(FIXTURES / "zeros" / f"{name}.png"), cv2.IMREAD_GRAYSCALE)
        assert unbar_zeros(im)[1] == int(zero), name
