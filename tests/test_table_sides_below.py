"""A ruled table whose rules between the rows broke up under a black-and-white scan's threshold (R dev
10061 p2: the last rule found across it under the fifth person of eleven): its two sides run on down to its
foot, and the people's lines between them are the table's rows, not lost without a word."""

from __future__ import annotations

import numpy as np

from ocr.geometry import Grid
from ocr.lines import Rule, Rules
from ocr.tables import _columns_foot, _sides_below

XS = [100, 400, 600, 900]
GRID = Grid(xs=XS, ys=[50, 100, 160, 220], ruled=True)


def _page(lines: list[int], columns: tuple[int, ...] = (0, 1, 2)) -> np.ndarray:
    """Ink: a line of writing (30 px tall) at each y of ``lines`` in each of ``columns``, and the two lines
    of the grid's people above its last rule."""
    ink = np.zeros((700, 1000), np.uint8)
    for y in (115, 175, *lines):
        for k in columns if y in lines else (0, 1, 2):
            ink[y : y + 30, XS[k] + 20 : XS[k + 1] - 20] = 255
    return ink


def _rules(side_end: int) -> Rules:
    return Rules([Rule(p, 100, 900) for p in GRID.ys], [Rule(x, 50, side_end) for x in (100, 900)],
                 np.zeros((700, 1000), np.uint8))  # fmt: skip


def test_the_sides_running_on_past_the_last_rule_carry_the_people_below_it() -> None:
    grid = _sides_below(_page([235, 295, 355, 415]), _rules(470), GRID)
    assert grid.ys == [*GRID.ys, 470]


def test_a_table_ruled_to_its_foot_or_a_note_below_it_changes_nothing() -> None:
    assert _sides_below(_page([235, 295, 355, 415]), _rules(225), GRID).ys == GRID.ys  # sides end with the rules
    # the sides run on, but what stands there is writing in one column (signatures, a note), no person's line
    assert _sides_below(_page([235, 295], columns=(0,)), _rules(470), GRID).ys == GRID.ys


def _pieces_page(lines: list[int], pieces: int) -> np.ndarray:
    """Ink: a line of writing (30 px tall) at each y of ``lines``, in ``pieces`` pieces 100 px apart."""
    ink = np.zeros((700, 1000), np.uint8)
    for y in lines:
        for k in range(pieces):
            ink[y : y + 30, 60 + 220 * k : 200 + 220 * k] = 255
    return ink


def _column_rules(end: int) -> Rules:
    return Rules([], [Rule(x, 40, end) for x in (50, 270, 490, 710, 930)], np.zeros((700, 1000), np.uint8))


def test_column_rules_running_on_past_the_last_rule_across_end_the_body_where_they_end() -> None:
    """R dev 10004 p1: the rules between the rows lost but one under the second person, the column rules
    running on to the totals: the body ends where they end, not at that rule (eight people of ten lost)."""
    ink = _pieces_page([110, 170, 230, 290, 350, 410], 4)
    assert _columns_foot(ink, _column_rules(470), 60, 200, 50, 930, 30) == 470
    assert _columns_foot(ink, _column_rules(205), 60, 200, 50, 930, 30) is None  # ruled to its foot
    # below the rule, writing in two pieces a line (signatures, a note): no person's line
    assert _columns_foot(_pieces_page([110, 170, 230, 290], 2), _column_rules(470), 60, 200, 50, 930, 30) is None
