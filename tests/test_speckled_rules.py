"""Rules lost to a black-and-white scan's threshold (family R, pencil): found again from their specks, or
implied by the typing when none is left (``ocr.speckled_rules``); and rules leaning on a straight line are
no bend of the sheet (``ocr.unbend``)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ocr.speckled_rules import speckled_rules, typed_rules
from ocr.unbend import bend_of_rules

H, W = 1200, 2400


def _dust(rng: np.random.Generator, n: int = 1500) -> np.ndarray:
    page = np.zeros((H, W), np.uint8)
    for x, y in zip(rng.integers(0, W, n), rng.integers(0, H, n), strict=True):
        page[y, x] = 255
    return page


def test_a_rule_of_specks_is_found_and_drawn_where_it_lies():
    rng = np.random.default_rng(7)
    page = _dust(rng)
    x = 200
    while x < 2200:  # a pencil rule leaning 6 px, a speck of 1-3 px every 8-40 px
        y = 500 + int(6 * (x - 200) / 2000)
        page[y : y + rng.integers(1, 3), x : x + rng.integers(1, 4)] = 255
        x += int(rng.integers(8, 40))
    drawn = speckled_rules(page)
    assert drawn is not None
    rows = np.flatnonzero(drawn[:, 1200] > 0)
    assert rows.size and abs(float(rows.mean()) - 503) <= 3
    cols = np.flatnonzero(drawn[495:512].any(axis=0))
    assert cols[0] <= 260 and cols[-1] >= 2140  # over the specks' extent
    assert not drawn[:400].any() and not drawn[600:].any()  # the dust is no rule


def test_dust_alone_is_no_rule():
    assert speckled_rules(_dust(np.random.default_rng(8))) is None


def _line(ink: np.ndarray, y: int, pieces: list[tuple[int, int]], tall: int = 30) -> None:
    for x0, x1 in pieces:
        ink[y : y + tall, x0:x1] = 255


def test_the_typing_implies_the_heading_and_the_peoples_rules():
    ink = np.zeros((H, W), np.uint8)
    _line(ink, 60, [(700, 1500)])  # the title: one piece
    for y in (180, 215, 250):  # the heading, three lines set close
        _line(ink, y, [(100, 300), (500, 900), (1200, 1400), (1600, 1800)], tall=25)
    people = [330 + 62 * k for k in range(10)]
    for y in people:  # ЕГН, name, days, two figures
        _line(ink, y, [(100, 330), (380, 900), (1250, 1300), (1550, 1750), (1950, 2150)])
    _line(ink, 1080, [(200, 500)])  # a signature's line under the table: one piece
    rules = typed_rules(ink)
    assert rules is not None
    (top, left, right), (head, _, _), (under, _, _) = rules
    assert top < 180 and 275 < head < 330  # over the heading, between it and the first person
    assert people[-1] + 30 <= under < 1080  # under the last person, over the signature
    assert left <= 100 and right >= 2149


def test_no_run_of_figured_lines_implies_no_table():
    ink = np.zeros((H, W), np.uint8)
    for k in range(10):  # a letter's lines of writing: one piece each
        _line(ink, 100 + 60 * k, [(200, 2000)])
    assert typed_rules(ink) is None


def _ruled(offset: Callable[[int], float]) -> np.ndarray:
    """Five rules of dots 3 px across, stood off their rows by ``offset`` column by column."""
    page = np.zeros((H, W), np.uint8)
    xs = np.arange(100, 2300)
    for y in (200, 400, 600, 800, 1000):
        for x in xs[::2]:
            yy = int(round(y + offset(x)))
            page[yy : yy + 3, x : x + 3] = 255
    return page


def test_rules_leaning_on_a_straight_line_are_no_bend():
    # drawn by hand along a ruler not square to the page: 30 px across, in a straight line
    assert bend_of_rules(_ruled(lambda x: 30 * (x - 100) / 2200)) is None


def test_rules_curved_alike_are_a_bend():
    # a sheet bent on the glass: the rules curve, 16 px high in the middle
    bend = bend_of_rules(_ruled(lambda x: 16 * np.sin(np.pi * (x - 100) / 2200)))
    assert bend is not None and float(bend.max() - bend.min()) >= 10
