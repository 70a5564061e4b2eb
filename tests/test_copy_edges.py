"""A photocopy's paper edge (family AC: a copy of a copy, the lid shut, the edge of the sheet before it a thin line
across the top of the image) is no rule of the table: a toner streak from the image's top to its bottom stays a
streak beside it, and the table ruled by rows only begins where its sides do (AC dev 21025 p2: the edge taken for
the table's top rule, the title for its heading, 26 rows for 14 people)."""

from __future__ import annotations

from ocr.lines import Rule
from ocr.tables import _above_the_sides
from ocr.toner_streaks import is_streak

SIZE = (2480, 3508)
ROWS = [Rule(y, 108, 3417) for y in range(370, 1160, 46)]
EDGE = Rule(81, 4, 2463)  # the copy's paper edge near the image's top


def test_a_streak_from_top_to_bottom_past_the_table_is_a_streak_with_the_copys_edge_above_it():
    streak = Rule(2019, 0, 2479)
    assert is_streak(streak, [EDGE, *ROWS], SIZE)
    assert not is_streak(Rule(1500, 350, 1160), [EDGE, *ROWS], SIZE)  # a column rule within the table


def test_a_tables_rule_from_top_to_bottom_stays_where_its_rules_run_as_far():
    rows = [Rule(y, 108, 3417) for y in range(30, 2460, 60)]  # a ledger ruled over the whole sheet
    assert not is_streak(Rule(1500, 10, 2470), rows, SIZE)


def test_the_rules_across_begin_where_the_tables_sides_do():
    sides = [Rule(138, 356, 1173), Rule(3384, 336, 1187)]
    assert _above_the_sides([EDGE, *ROWS], sides) == ROWS
    assert _above_the_sides([EDGE, *ROWS], []) == [EDGE, *ROWS]  # no sides: nothing to tell by
