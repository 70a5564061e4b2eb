"""A form's empty ruled lines struck through with one long stroke (family T's "Z", T dev 12014 p1: four empty
bands read as rows, the page in review whole) are no people's rows, from the foot of the table up; a person's line
keeps its row
(``ocr/struck_lines.py``)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import cv2
import numpy as np

from ocr import struck_lines
from ocr.geometry import Grid
from ocr.header import Header
from ocr.sheet import Sheet

ROW = 70


def _page(strike: bool, writing_in_struck: bool = False, pen: int = 3) -> tuple[Any, Sheet]:
    h, w = 1000, 2000
    ink = np.zeros((h, w), np.uint8)
    ys = [50 + ROW * k for k in range(12)]  # heading band, 10 bands, the totals' band
    grid = Grid(xs=[100, 300, 1000, 1400, 1900], ys=ys, ruled=True)
    for r in range(1, 5):  # four people: a line of handwriting each (letters of 12 x 30 px)
        for x in range(320, 1350, 40):
            ink[ys[r] + 20 : ys[r] + 50, x : x + 12] = 255
    for r in range(5, 11):  # specks of dust in the empty bands
        ink[ys[r] + 30 : ys[r] + 34, 500 + 37 * r : 504 + 37 * r] = 255
    if strike:  # from the first empty line's right end to the last one's left end
        cv2.line(ink, (1880, ys[5] + 8), (120, ys[11] - 8), 255, pen)
    if writing_in_struck:  # a person's line struck through all the same
        for x in range(320, 1350, 40):
            ink[ys[6] + 20 : ys[6] + 50, x : x + 12] = 255
    a = SimpleNamespace(grid=grid, ink=ink)
    rows = list(range(1, 11))
    return a, Sheet(cells={}, header=Header(), headings=[""] * 4, body_rows=rows, totals_row=11, carried_row=None,
                    texts=[["x"] * 4 for _ in rows])  # fmt: skip


def test_struck_empty_lines_are_no_rows() -> None:
    a, s = _page(True)
    gone = struck_lines.drop_struck_bands(a, s)
    assert gone == [5, 6, 7, 8, 9, 10] and s.body_rows == [1, 2, 3, 4] and len(s.texts) == 4


def test_a_struck_line_with_writing_keeps_its_row() -> None:
    a, s = _page(True, writing_in_struck=True)
    struck_lines.drop_struck_bands(a, s)
    assert s.body_rows == [1, 2, 3, 4, 5, 6]  # only the lines under the last written one are the unused ones


def test_without_a_stroke_nothing_changes() -> None:
    a, s = _page(False)
    assert struck_lines.drop_struck_bands(a, s) == [] and s.body_rows == list(range(1, 11))


def test_a_hairline_stroke_is_found_too() -> None:
    """The strokes are looked for at half scale: a pen's line one pixel wide is not lost in the halving."""
    a, s = _page(True, pen=1)
    assert struck_lines.drop_struck_bands(a, s) == [5, 6, 7, 8, 9, 10] and s.body_rows == [1, 2, 3, 4]
