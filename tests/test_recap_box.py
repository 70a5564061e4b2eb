"""A small ruled box beside a table ruled by rows only (family M's recap of the totals under the sheet) is
not the table: its three vertical rules, the only ones on the page, made the grid the box's, and the people's
rows were lost (M dev 5009 page 2: 2 of 11 rows, 72 fields wrong without a flag)."""

from __future__ import annotations

import numpy as np

from ocr.lines import Rule, Rules
from ocr.tables import _a_box_beside_the_table, _ruled_grid


def _rules(*, table_rules: bool) -> Rules:
    horizontal = [Rule(y, 100, 2360) for y in range(370, 1600, 60)] if table_rules else []
    horizontal += [Rule(y, 237, 738) for y in (1731, 1782, 1834, 1886, 1938, 1991, 2042)]  # the box's rows
    vertical = [Rule(x, 1710, 2065) for x in (268, 562, 704)]
    return Rules(horizontal=horizontal, vertical=vertical, mask=np.zeros((10, 10), np.uint8))


def test_a_recap_box_under_a_table_ruled_by_rows_is_no_table():
    rules = _rules(table_rules=True)
    grid = _ruled_grid(rules, size=(3508, 2480))
    assert grid is not None and _a_box_beside_the_table(grid, rules)


def test_a_ruled_box_alone_on_the_page_is_the_table():
    rules = _rules(table_rules=False)
    grid = _ruled_grid(rules, size=(3508, 2480))
    assert grid is not None and not _a_box_beside_the_table(grid, rules)
