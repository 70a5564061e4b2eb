"""A table whose heading alone is ruled (family L: the vertical rules end under the heading, the people's
lines stand unruled below them down to a rule across the table, the totals under it) is read to that
rule: the grid no longer ends under the heading, where the people were lost (L dev 4006 page 1: one row
found for nine people, 56 fields wrong without a flag; right 0 -> 98.4 %, silent 88.9 -> 0 %)."""

from __future__ import annotations

import numpy as np

from ocr.geometry import Grid
from ocr.lines import Rule, Rules
from ocr.tables import find_grid

XS = [50, 300, 500, 700, 900, 1150]
PEOPLE = 8


def _page(*, body_ruled: bool) -> tuple[np.ndarray, Rules]:
    ink = np.zeros((1000, 1200), np.uint8)
    mask = np.zeros_like(ink)
    bottom = 800 if body_ruled else 260  # where the vertical rules end
    vertical = [Rule(x, 100, bottom) for x in XS]
    horizontal = [Rule(y, 40, 1160) for y in (100, 200, 260, 800)]
    for r in vertical:
        mask[r.start : r.end, r.pos - 1 : r.pos + 2] = 255
    for r in horizontal:
        mask[r.pos - 1 : r.pos + 2, r.start : r.end] = 255
    for a, b in zip(XS, XS[1:], strict=False):  # the headings
        ink[130:170, a + 30 : b - 30] = 255
    for i in range(PEOPLE):
        y = 300 + 60 * i
        ink[y : y + 24, 70:90] = 255  # the row's number
        ink[y : y + 24, 120:280] = 255  # the name
        for a in XS[2:-1]:  # the figures
            ink[y : y + 24, a + 60 : a + 180] = 255
    for a in XS[2:-1]:  # the totals under the rule
        ink[820:844, a + 60 : a + 180] = 255
    return ink, Rules(horizontal=horizontal, vertical=vertical, mask=mask)


def _each_person_a_row(grid: Grid) -> None:
    """Every person's line lies in a row of the grid of its own."""
    centres = [300 + 60 * i + 12 for i in range(PEOPLE)]
    rows = [[c for c in centres if grid.ys[k] < c < grid.ys[k + 1]] for k in range(grid.n_rows)]
    assert [r for r in rows if r] == [[c] for c in centres]


def test_the_rows_below_a_ruled_heading_are_found():
    ink, rules = _page(body_ruled=False)
    grid = find_grid(ink, rules, layout=ink)
    assert grid.xs == XS
    _each_person_a_row(grid)
    assert grid.ys[-2] == 800 and grid.ys[-1] > 844  # the totals' line closes the grid


def test_a_table_ruled_throughout_keeps_its_grid():
    ink, rules = _page(body_ruled=True)
    grid = find_grid(ink, rules, layout=ink)
    assert grid.ys[-1] == 800  # no line of figures below its ruling: nothing added


def test_the_scans_border_beside_the_heading_is_no_rule_of_the_table():
    """The dark border of the glass down the image's side, beside the heading (L dev 4042 page 1: from the
    top of the image to below the heading, 480 px right of where the table's rules end): not the table's
    last rule, so no column of margin and the rows below the heading are found."""
    ink, rules = _page(body_ruled=False)
    rules.vertical.append(Rule(1196, 0, 400))
    grid = find_grid(ink, rules, layout=ink)
    assert grid.xs == XS
    _each_person_a_row(grid)


def test_a_tables_last_rule_near_the_side_stays():
    """A table cut close at the side keeps its last rule there, also where its broken horizontal rules end
    short of it (golden/broken): it does not run off the image's top or bottom as the glass's border does."""
    for reach in (1196, 1160):
        ink, rules = _page(body_ruled=False)
        rules.horizontal[:] = [Rule(r.pos, 40, reach) for r in rules.horizontal]
        rules.vertical.append(Rule(1192, 100, 260))
        grid = find_grid(ink, rules, layout=ink)
        assert grid.xs == [*XS, 1192]


def test_the_fill_beside_a_straightened_scan_is_no_rule_of_the_table():
    """A sheet scanned askew and straightened leaves a "rule" at the image's very edge that does not run off
    the image (L dev 4008 page 7, turned 1.8°: x 3501 of 3508, from the heading's foot to mid-page, beside
    rules ending at 3093): the rule under the people no longer spanned the table, no row was found and the
    page failed as "no table". Not the table's last rule: the people's rows are found."""
    ink, rules = _page(body_ruled=False)
    rules.vertical.append(Rule(1198, 255, 560))
    grid = find_grid(ink, rules, layout=ink)
    assert grid.xs == XS
    _each_person_a_row(grid)


def test_a_rule_beside_the_heading_does_not_widen_the_table_past_the_rule_under_the_people():
    """A vertical "rule" beside the heading's rules, from the table's top (a border the side tests keep): the
    table's width is where the heading's rules reach, so the rule under the people still spans it and the
    people's rows are found (the column of margin stays, empty)."""
    ink, rules = _page(body_ruled=False)
    ink = np.pad(ink, ((0, 0), (0, 300)))  # 300 px of margin right of the table
    rules = Rules(horizontal=rules.horizontal, vertical=[*rules.vertical, Rule(1496, 100, 560)],
                  mask=np.pad(rules.mask, ((0, 0), (0, 300))))  # fmt: skip
    grid = find_grid(ink, rules, layout=ink)
    assert grid.xs == [*XS, 1496]
    _each_person_a_row(grid)


def test_a_copys_paper_edge_from_top_to_bottom_is_no_rule_of_the_table():
    """A photocopy made with the lid open: the copy's paper edge, black beyond it, a "rule" from the image's top
    to its bottom well inside the image (AC dev 21004 p2: x 3403 of 3508, beside a table ruled by rows only, its
    two sides the only column rules): with it the grid was two columns, every row read as one line of text
    and the people's figures lost (right 0 %). It is no rule of the table: the columns are the writing's."""
    ink, rules = _page(body_ruled=True)
    ink = np.pad(ink, ((0, 0), (0, 300)))
    rules = Rules(horizontal=rules.horizontal, vertical=[*rules.vertical, Rule(1250, 2, 998)],
                  mask=np.pad(rules.mask, ((0, 0), (0, 300))))  # fmt: skip
    grid = find_grid(ink, rules, layout=ink)
    assert grid.xs == XS


def test_a_table_ruled_by_rows_only_is_not_ruled_by_lines_below_it():
    """A table ruled by rows only (its two sides its only column rules) over a stamp's frame, a copier's faint
    streak below the table and the copy's paper edge from the image's top to its bottom (AC dev 21025 p1): the
    lines below it outvoted its sides for the table's extent, and the streak became a column rule of a grid of
    two "columns" (7 rows for 15 people, none read). The extent is the long rules' (not the edge's): no ruled
    grid, the table's columns are its writing's."""
    from ocr.tables import _ruled_grid

    vertical = [Rule(88, 391, 1346), Rule(392, 1398, 2479), Rule(1883, 1329, 1580), Rule(2583, 1329, 1582),
                Rule(3359, 389, 1345), Rule(3439, 18, 2479)]  # fmt: skip
    horizontal = [Rule(y, 88, 3359) for y in range(410, 1330, 50)]
    rules = Rules(horizontal=horizontal, vertical=vertical, mask=np.zeros((2480, 3508), np.uint8))
    assert _ruled_grid(rules, size=(2480, 3508)) is None
