"""Squared paper's faint page-wide grid is no table's rules (family O dev 7010 p1, 7013 p1, 7016 p1: the paper's
lines taken for the rows and columns, every row's number withheld)."""

from __future__ import annotations

import numpy as np

from ocr import squared_paper
from ocr.lines import find_rules
from ocr.preprocess import binarize


def _sheet(grid: bool) -> np.ndarray:
    h, w = 2480, 3508
    gray = np.full((h, w), 232, np.uint8)
    if grid:  # a 5 mm grid, faint, over the whole sheet
        gray[17::59, :] = 196
        gray[:, 31::59] = 196
        gray[18::59, :] = 205
    # a table: six dark rules 100 px apart across part of the page, three columns
    for y in range(700, 1301, 100):
        gray[y : y + 4, 400:3100] = 60
    for x in (400, 1300, 2200, 3096):
        gray[700:1304, x : x + 4] = 60
    for i in range(6):  # some typed text in the rows
        for j in range(8):
            gray[735 + 100 * i : 765 + 100 * i, 450 + 300 * j : 470 + 300 * j] = 40
    return gray


def test_grid_found_on_squared_paper_only() -> None:
    on = _sheet(True)
    gh, gv = squared_paper.grid_lines(on, 1), squared_paper.grid_lines(on, 0)
    assert gh is not None and abs(gh[0] - 59) <= 0.5
    assert gv is not None and abs(gv[0] - 59) <= 0.5
    off = _sheet(False)
    assert squared_paper.grid_lines(off, 1) is None
    assert squared_paper.grid_lines(off, 0) is None


def test_the_tables_rules_stay_the_papers_go() -> None:
    gray = _sheet(True)
    rules = find_rules(binarize(gray), gray=gray)
    hs = [r.pos for r in rules.horizontal]
    vs = [r.pos for r in rules.vertical]
    assert len(hs) == 7 and all(any(abs(p - y - 2) <= 10 for y in range(700, 1301, 100)) for p in hs)
    assert len(vs) == 4 and all(any(abs(p - x - 2) <= 10 for x in (400, 1300, 2200, 3096)) for p in vs)


def test_without_the_grey_nothing_changes() -> None:
    gray = _sheet(False)
    a = find_rules(binarize(gray))
    b = find_rules(binarize(gray), gray=gray)
    assert a.horizontal == b.horizontal and a.vertical == b.vertical


def test_a_forms_evenly_ruled_rows_are_no_paper() -> None:
    """A printed form's rows ruled at one pitch over half the page (T dev 12006 p2: 20 rules 68 px apart from
    y 387 to 1760 of 2480) stop at the table's top and foot: no squared paper, every rule kept."""
    h, w = 2480, 3508
    gray = np.full((h, w), 225, np.uint8)
    ys = list(range(387, 1700, 68))
    for y in ys:
        gray[y : y + 3, 160:3320] = 120
    for x in (190, 280, 920, 1670, 2280, 2860, 3290):
        gray[387 : ys[-1] + 3, x : x + 3] = 120
    assert squared_paper.grid_lines(gray, 1) is None
    rules = find_rules(binarize(gray), gray=gray)
    assert len(rules.horizontal) == len(ys)
