"""A table ruled between its rows only (ocr.tables.split_at_rules): a row of lines never spans one of
those rules when the lines below start a row of their own; a correction between rows stays with its row."""

from __future__ import annotations

import numpy as np

from ocr.tables import split_at_rules

XS = [0, 100, 400, 600, 800]  # №, name, two figure columns


def _ink(lines: list[tuple[int, int, list[int]]]) -> np.ndarray:
    ink = np.zeros((300, 800), np.uint8)
    for a, b, cols in lines:
        for k in cols:
            ink[a:b, XS[k] + 20 : XS[k + 1] - 10] = 255
    return ink


def test_the_totals_line_below_the_last_rule_is_a_row_of_its_own():
    # person, person, then the "ВСИЧКО" line whose label the dust filter dropped: figures only
    ink = _ink([(10, 30, [0, 1, 2, 3]), (60, 80, [0, 1, 2, 3]), (110, 130, [2, 3])])
    rows = [[(10, 30)], [(60, 80), (110, 130)]]  # group_lines took the totals for a wrapped line
    assert split_at_rules(ink, rows, [45, 95], XS) == [[(10, 30)], [(60, 80)], [(110, 130)]]


def test_a_line_with_a_name_below_a_rule_starts_a_row():
    ink = _ink([(10, 30, [0, 1, 2, 3]), (60, 80, [1]), (110, 130, [0, 1, 2, 3])])
    rows = [[(10, 30), (60, 80)], [(110, 130)]]
    assert split_at_rules(ink, rows, [45, 95], XS) == [[(10, 30)], [(60, 80)], [(110, 130)]]


def test_a_correction_between_rows_stays_with_its_row():
    # a corrected figure typed above the second person's line, a rule between them: not a person
    ink = _ink([(10, 30, [0, 1, 2, 3]), (50, 62, [3]), (75, 95, [0, 1, 2, 3])])
    rows = [[(10, 30)], [(50, 62), (75, 95)]]
    assert split_at_rules(ink, rows, [40, 68], XS) == rows


def test_lines_without_a_rule_between_them_stay_one_row():
    ink = _ink([(10, 30, [0, 1, 2, 3]), (35, 50, [1])])
    rows = [[(10, 30), (35, 50)]]
    assert split_at_rules(ink, rows, [], XS) == rows
