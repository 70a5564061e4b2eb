"""A table with no rule across it is found from its writing (family U dev 13001 p12-14, 13003 p12: a spreadsheet
faxed in standard mode, its thin grid's horizontal rules lost, some of its column rules left or none; the page
failed as "no table", every person's figures lost): its lines are the run of lines whose writing stands in pieces
apart (or those between its column rules), the first its heading, the last its totals; its columns are the
writing's. A page without such a run still fails with its reason."""

from __future__ import annotations

import numpy as np
import pytest

from archive_core.errors import ExtractionError
from ocr.geometry import Grid
from ocr.lines import Rule, Rules
from ocr.tables import find_grid

W, H = 1200, 1400
XS = [60, 140, 420, 640, 860, 1100]  # the columns' sides as printed
PEOPLE = 7
TOP = 300  # the heading's line
FIRST = 380  # the first person's line


def _line(ink: np.ndarray, y: int, pieces: list[tuple[int, int]]) -> None:
    for a, b in pieces:
        ink[y : y + 24, a:b] = 255


def _page(*, column_rules: bool = False, letters: bool = False, crowded: bool = False) -> tuple[np.ndarray, Rules]:
    ink = np.zeros((H, W), np.uint8)
    mask = np.zeros_like(ink)
    if crowded:  # the fax's line at the top, the firm's name, the title and the period set close over the heading
        _line(ink, TOP - 200, [(80, 200), (240, 300), (350, 600), (650, 800), (900, 1000)])
        _line(ink, TOP - 150, [(80, 500), (900, 1050)])
        _line(ink, TOP - 100, [(400, 800)])
        _line(ink, TOP - 50, [(500, 700)])
    else:
        _line(ink, 60, [(300, 900)])  # the title
        _line(ink, 130, [(80, 500)])  # the firm's name
    _line(ink, TOP, [(a + 20, b - 20) for a, b in zip(XS, XS[1:], strict=False)])  # the headings
    for i in range(PEOPLE):
        y = FIRST + 50 * i
        _line(ink, y, [(90, 120), (160, 380), *((a + 60, b - 20) for a, b in zip(XS[2:], XS[3:], strict=False))])
    y_tot = FIRST + 50 * PEOPLE
    _line(ink, y_tot, [(160, 300), *((a + 60, b - 20) for a, b in zip(XS[2:], XS[3:], strict=False))])
    if letters:  # a spreadsheet's column letters over the heading; a speck of the stamp under the totals, and
        # the signatures' line under it, no further off than the lines are apart, across the columns
        for a, b in zip(XS, XS[1:], strict=False):
            ink[TOP - 40 : TOP - 26, (a + b) // 2 : (a + b) // 2 + 10] = 255
        ink[y_tot + 45 : y_tot + 57, 700:760] = 255
        _line(ink, y_tot + 85, [(80, 250), (300, 470), (600, 700), (850, 950)])
    else:
        _line(ink, y_tot + 200, [(80, 250), (300, 380), (600, 800), (850, 950)])  # the signatures, further off
    vertical: list[Rule] = []
    if column_rules:  # the column rules only, the first one lost; a streak down the whole page
        vertical = [Rule(x, TOP - 20, y_tot + 40) for x in XS[1:]] + [Rule(500, 0, H)]
        for r in vertical:
            mask[r.start : r.end, r.pos - 1 : r.pos + 2] = 255
    return ink, Rules(horizontal=[], vertical=vertical, mask=mask)


def _each_person_a_row(grid: Grid) -> None:
    centres = [FIRST + 50 * i + 12 for i in range(PEOPLE)]
    rows = [[c for c in centres if grid.ys[k] < c < grid.ys[k + 1]] for k in range(grid.n_rows)]
    assert rows[0] == [] and rows[-1] == []  # the heading and the totals: no person
    assert [r for r in rows if r] == [[c] for c in centres]
    assert grid.ys[1] < FIRST and grid.ys[0] < TOP + 12 < grid.ys[1]  # the heading's line heads the table
    y_tot = FIRST + 50 * PEOPLE + 12
    assert grid.ys[-2] < y_tot < grid.ys[-1] < y_tot + 60  # the totals close it, the signatures stay out


@pytest.mark.parametrize("column_rules", [False, True])
def test_a_table_without_rules_across_is_found(column_rules):
    ink, rules = _page(column_rules=column_rules)
    grid = find_grid(ink, rules, layout=ink)
    _each_person_a_row(grid)
    assert grid.n_cols == len(XS) - 1  # the writing's columns (the streak through the name none)
    assert grid.xs[0] < 90 and grid.xs[-1] > 1080  # the row numbers left of the first rule inside


def test_a_spreadsheets_column_letters_and_the_signatures_stay_out():
    """U dev 13013 p2: the column letters taken for the heading, the heading for a person; the stamp's speck
    carried the table down to the signatures, the totals read as a person."""
    ink, rules = _page(letters=True)
    grid = find_grid(ink, rules, layout=ink)
    _each_person_a_row(grid)
    assert grid.ys[0] > TOP - 26  # the heading's line, not the letters over it


def test_the_lines_over_the_heading_stay_out():
    """U dev 13009 p9: the fax's line in pieces at the page's top, the firm's name, the title and the period
    under it set as close as the table's lines: the firm's name taken for the heading, the heading for a
    person."""
    ink, rules = _page(crowded=True)
    grid = find_grid(ink, rules, layout=ink)
    _each_person_a_row(grid)
    assert grid.ys[0] > TOP - 26


def test_a_page_of_prose_still_fails():
    ink = np.zeros((H, W), np.uint8)
    for k in range(12):
        _line(ink, 100 + 50 * k, [(80, 600), (640, 1000)] if k % 2 else [(80, 1100)])
    with pytest.raises(ExtractionError):
        find_grid(ink, Rules(horizontal=[], vertical=[], mask=np.zeros_like(ink)), layout=ink)
