"""A typed table whose column rules were found down its right-hand columns alone (AG dev 25004 p1-p4: the dotted
rules on the left too broken to be found; the № column, the names and the days off the grid, every row's number
lost and every field in review): the table runs to the ends of its rules across, and the columns there are cut
where every line leaves paper. No OCR."""

from __future__ import annotations

import numpy as np

from ocr.lines import Rule, Rules
from ocr.tables import find_grid

TOP, HEAD, BOTTOM = 100, 200, 700
ROWS = range(HEAD + 20, BOTTOM - 40, 50)


def _type(ink: np.ndarray, y: int, x0: int, x1: int) -> None:
    """Letters 10 x 24 px at a 16 px pitch from ``x0`` to ``x1``."""
    for x in range(x0, x1 - 9, 16):
        ink[y : y + 24, x : x + 10] = 255


def _table(left_rules: bool) -> tuple[np.ndarray, Rules]:
    """Rules across from x 100 to 2100; column rules every 200 px from 1300 (and over the left part too, if
    ``left_rules``); a row number, a name and a figure typed on the left of each row, figures in each right cell."""
    ink = np.zeros((900, 2300), np.uint8)
    horiz = [Rule(y, 100, 2100) for y in (TOP, HEAD, BOTTOM)]
    xs = list(range(1300, 2101, 200))
    if left_rules:
        xs = [100, 250, 900, *xs]
    vert = [Rule(x, TOP, BOTTOM) for x in xs]
    for y in ROWS:
        _type(ink, y, 160, 196)  # the row's number
        _type(ink, y, 280, 800)  # a name
        _type(ink, y, 1100, 1260)  # the days
        for x in xs[-5:-1]:
            _type(ink, y, x + 60, x + 180)
    for x in (150, 300, 1000, 1350, 1550, 1750, 1950):  # the headings
        _type(ink, TOP + 30, x, x + 80)
    mask = np.zeros_like(ink)
    return ink, Rules(horiz, vert, mask)


def test_the_columns_past_the_rules_found_are_the_tables():
    grid = find_grid(*_table(left_rules=False))
    assert grid.xs[0] <= 160, grid.xs  # the row numbers inside the table
    assert any(190 < x < 280 for x in grid.xs) and any(800 < x < 1100 for x in grid.xs), grid.xs
    assert grid.n_rows == 1 + len(ROWS), grid.ys


def test_a_table_ruled_across_its_width_keeps_its_columns():
    ink, rules = _table(left_rules=True)
    assert find_grid(ink, rules).xs == [100, 250, 900, 1300, 1500, 1700, 1900, 2100]
