"""A dot-matrix face whose pin rows stand apart (issue 9, family J): told from solid type and dashed
rules, and its letters joined before reading."""

from __future__ import annotations

import cv2
import numpy as np

from ocr import pins, preprocess


def _text(striped: bool) -> np.ndarray:
    img = np.zeros((600, 2400), dtype=np.uint8)
    for i, y in enumerate((150, 300, 450)):
        text = f"{i + 1} Vasil Iliev Kolev 1295 27090871"
        cv2.putText(img, text, (60, y), cv2.FONT_HERSHEY_SIMPLEX, 3, 255, 9)
    if striped:
        img[np.arange(img.shape[0]) % 5 >= 3] = 0  # two rows of paper between pin rows
    return img


def _stats(binary: np.ndarray) -> np.ndarray:
    return preprocess.components(binary)[2]


def test_pin_rows_apart_are_told_from_solid_type_and_dashes() -> None:
    assert pins.rows_apart(_stats(_text(striped=True)))
    assert not pins.rows_apart(_stats(_text(striped=False)))
    dashes = np.zeros((600, 2400), dtype=np.uint8)
    for y in range(50, 600, 60):  # rules of dashes: thin strips too, but none right under another
        for x in range(50, 2350, 28):
            cv2.rectangle(dashes, (x, y), (x + 17, y + 6), 255, -1)
    assert not pins.rows_apart(_stats(dashes))


def test_the_gaps_between_pin_rows_close() -> None:
    ink = _text(striped=True)
    gray = 255 - ink
    joined = 255 - pins.joined(gray)
    n_before = preprocess.components(ink)[0]
    n_after = preprocess.components(joined)[0]
    assert n_after < n_before / 3  # each letter one blot again, not a stack of strips
    assert not pins.rows_apart(_stats(joined))
