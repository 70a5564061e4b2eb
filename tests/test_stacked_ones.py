"""A column of figures' "1"s typed one under another on a single-spaced sheet (the row numbers 10-17, their
tens) is no vertical rule: AF dev 24008 p6 took them for a dashed rule, their ink went with the rules and the
numbers 10-17 were read 0-7. No OCR here."""

from __future__ import annotations

import numpy as np

from ocr import lines
from ocr.lines import Rule


def _sheet() -> tuple[np.ndarray, list[tuple[int, int]]]:
    binary = np.zeros((1400, 1200), np.uint8)
    for x in (100, 200, 500, 800, 1100):  # the table's rules, from its heading down
        binary[100:1300, x - 1 : x + 2] = 255
    for y in (100, 200, 1300):
        binary[y - 1 : y + 2, 100:1101] = 255
    ones = [(160, 700 + 49 * k) for k in range(9)]  # the tens' "1"s of rows 10-18, 30 px tall, 49 apart
    for x, y in ones:
        binary[y : y + 30, x - 2 : x + 2] = 255
        binary[y : y + 30, x + 14 : x + 30] = 255  # the units' digit beside
    return binary, ones


def test_the_tens_ones_of_the_row_numbers_are_no_rule_and_keep_their_ink():
    binary, ones = _sheet()
    rules = lines.find_rules(binary)
    assert not any(abs(r.pos - 160) < 20 for r in rules.vertical)
    assert [r.pos for r in rules.vertical] == [100, 200, 500, 800, 1100]
    for x, y in ones:
        assert not rules.mask[y + 15, x]  # the "1" stays ink to be read


def test_a_sub_column_rule_under_a_group_heading_stays():
    table = [Rule(x, 100, 1300) for x in (100, 200, 500, 800, 1100)]
    sub = Rule(650, 260, 1300)  # a group heading's two columns, apart from under its rule down
    ones = Rule(160, 700, 1120)
    kept, dropped = lines._without_stacked_ones([*table, sub, ones])
    assert sub in kept and dropped == [ones]


def _days_sheet() -> tuple[np.ndarray, list[tuple[int, int]]]:
    """A single-spaced typed table whose days column holds "21" on most rows: the "1"s one under another from
    the first row under the heading down (AM dev 31001 p1: taken for a rule, the days read "2")."""
    binary = np.zeros((1400, 1200), np.uint8)
    for x in (100, 200, 500, 800, 1100):
        binary[100:1300, x - 1 : x + 2] = 255
    for y in (100, 260, 1300):  # the heading's two lines of words between the first two
        binary[y - 1 : y + 2, 100:1101] = 255
    ones = [(460, 268 + 49 * k) for k in range(18)]  # rows 1-18's "21", 30 px tall, 49 apart
    for x, y in ones:
        binary[y : y + 30, x - 2 : x + 2] = 255
        binary[y : y + 30, x - 30 : x - 14] = 255  # the "2" before it
    return binary, ones


def test_the_ones_of_a_days_column_from_the_first_row_down_are_no_rule_and_keep_their_ink():
    binary, ones = _days_sheet()
    rules = lines.find_rules(binary)
    assert [r.pos for r in rules.vertical] == [100, 200, 500, 800, 1100]
    for x, y in ones:
        assert rules.mask[y + 15, x] == 0  # the "1" stays ink to be read


def test_a_drawn_rule_begun_under_the_heading_stays():
    binary, _ = _days_sheet()
    binary[261:1300, 649:652] = 255  # leva | stotinki apart under one heading: a rule drawn from its foot down
    rules = lines.find_rules(binary)
    assert 650 in [r.pos for r in rules.vertical]
