"""A hand's `1` every model drops from a days figure (family T: `11` read `1`, `15` read `5`): the ink says
there were two digits, and the figure goes to review instead of out wrong (ocr/inkcount.py, checks.check_days)."""

from __future__ import annotations

import cv2
import numpy as np

from ocr import checks, inkcount
from ocr.geometry import Box

CELL = Box(0, 0, 160, 70)


def _cell(*strokes: tuple[int, int, int, int]) -> np.ndarray:
    """Ink (255) of the strokes, each (x0, y0, x1, y1) a line 4 px thick, in a cell of CELL's size."""
    ink = np.zeros((CELL.y1, CELL.x1), np.uint8)
    for x0, y0, x1, y1 in strokes:
        cv2.line(ink, (x0, y0), (x1, y1), 255, 4)
    return ink


def _digit(x: int) -> list[tuple[int, int, int, int]]:
    """A digit as a box of four strokes, 20 px wide and 36 tall, from x."""
    return [(x, 15, x + 20, 15), (x + 20, 15, x + 20, 51), (x + 20, 51, x, 51), (x, 51, x, 15)]


def test_two_digits_written_apart_are_two_blots_and_a_letter_after_them_is_none():
    one, eight = (60, 15, 60, 51), _digit(70)
    assert inkcount.upright_blots(_cell(one, *eight), CELL) == 2
    # `8д.`: a letter lower than the figure's top, its tail under the line, is no digit
    assert inkcount.upright_blots(_cell(*eight, (100, 30, 118, 30), (100, 30, 100, 58), (118, 30, 118, 58)), CELL) == 1
    assert inkcount.upright_blots(np.zeros((CELL.y1, CELL.x1), np.uint8), CELL) is None


def test_a_figure_read_with_one_digit_as_wide_as_two_holds_two():
    ink = np.zeros((70, 160 * 5), np.uint8)
    cells = []
    for i, (strokes, read) in enumerate([(_digit(40) + _digit(66), 20), (_digit(40) + _digit(66), 21),
                                         (_digit(40) + _digit(66), 22), ([(52, 15, 52, 51)] + _digit(58), 5),
                                         (_digit(40), 8)]):  # fmt: skip
        ink[:, i * 160 : (i + 1) * 160] = _cell(*strokes)
        cells.append((Box(i * 160, 0, (i + 1) * 160, 70), read))
    # the `5` with a `1` set close before it is as wide as 0.6 of the `20`s; a lone `8` is not
    assert inkcount.wider_than_read(ink, cells) == [False, False, False, True, False]
    assert inkcount.wider_than_read(ink, cells[3:]) == [False, False], "fewer than three two-digit figures"


def test_days_read_with_fewer_digits_than_the_ink_holds_go_to_review():
    row = checks.RowDraft(values={"days_worked": 1}, ink_blots={"days_worked": 2})
    checks.check_days(row, 1985, 3)
    assert row.review.reasons["days_worked"] == checks.READINGS_DISAGREE
    kept = checks.RowDraft(values={"days_worked": 11}, ink_blots={"days_worked": 2})
    checks.check_days(kept, 1985, 3)
    assert "days_worked" not in kept.review
    wide = checks.RowDraft(values={"days_worked": 5}, ink_digits={"days_worked": 2})
    checks.check_days(wide, 1985, 3)
    assert "days_worked" in wide.review
