"""Strokes down through a table's rows (a mended tear's tape, its edges and its dithered patches run into
blots) are no line of writing: the rows of a table ruled only down its columns are cut between the people's
lines across them (AH dev 26008 p1: nine people in seven bands)."""

from __future__ import annotations

import numpy as np

from ocr.down_strokes import without_down_strokes
from ocr.geometry import Grid
from ocr.tables import split_ruled_rows

LINES = [120 + 60 * k for k in range(6)]  # six people's lines of type, 26 px tall, 60 px apart


def _page(*, tape: bool) -> np.ndarray:
    ink = np.zeros((560, 1200), dtype=np.uint8)
    for y in LINES:
        for x in range(40, 1150, 30):  # the letters and figures of each line
            ink[y : y + 26, x : x + 16] = 255
    if tape:  # the tape's edges down the sheet, a little askew, and a dithered patch run into one blot
        for edge in (300, 372, 820, 900):
            for y in range(100, 500):
                x = edge + (y - 100) // 40
                ink[y, x : x + 4] = 255
        ink[100:500, 600:1000:2] = 255  # (a dithered patch: its dots run together down the sheet)
    return ink


def test_tape_down_the_rows_leaves_the_people_apart():
    grid = Grid(xs=[20, 100, 400, 700, 1180], ys=[40, 100, 480, 540], ruled=True)  # the heading, the body, the totals
    plain = split_ruled_rows(_page(tape=False), grid)
    taped = split_ruled_rows(_page(tape=True), grid)
    assert len(plain.ys) - 1 == 2 + len(LINES)  # each person's line a row of its own
    assert len(taped.ys) == len(plain.ys)


def test_the_letters_stay():
    ink = _page(tape=False)
    assert without_down_strokes(ink, 100, 480, 20, 1180) is ink


def test_a_lone_pen_stroke_among_the_writing_stays():
    """One tall stroke (a correction's mark down two lines: regression sheet e-correction-row-whole-page-review)
    is no tape: the ink is cut as it stands, else the corrected row's half line merges into the row above."""
    ink = _page(tape=False)
    ink[150:250, 500:504] = 255
    assert without_down_strokes(ink, 100, 480, 20, 1180) is ink
