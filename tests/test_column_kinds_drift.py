"""Column kinds from the alignment of the ink (ocr/align.py): a column's edges may drift down the page as
far as a sheet askew or bent moves them (``MAX_DRIFT``), no further. H dev seed 815 ``--hard all``
page 8 (two sheets side by side): on the left sheet the four names, left-aligned, were each shorter
than the one above, so their right ends lay on a steep straight line; taken for a slant, the names
were "right-aligned", read as figures by the digits model, and the half was no sheet: 33 fields wrong
without a flag, no row number read. Now 0 and 8/8."""

from __future__ import annotations

import numpy as np

from ocr import align
from ocr.geometry import Grid

CHAR_W, CHAR_H, PITCH = 18, 30, 26


def typed(ink: np.ndarray, x0: int, x1: int, y: int) -> None:
    """A line of type: narrow blots from ``x0`` to ``x1`` (its right end)."""
    x = x1 - CHAR_W
    while x >= x0:
        ink[y : y + CHAR_H, x : x + CHAR_W] = 255
        x -= PITCH


def test_names_each_shorter_than_the_one_above_are_not_figures():
    xs, ys = [0, 400, 700], [0, 100, 200, 300, 400, 500, 600]
    ink = np.zeros((600, 700), np.uint8)
    for i, r in enumerate(range(1, 5)):
        y = ys[r] + 35
        typed(ink, 20, 20 + 330 - 40 * i, y)  # a name, left-aligned, 40 px shorter row by row
        typed(ink, 560, 680, y)  # a figure, right-aligned
    kinds = align.column_kinds(ink, Grid(xs=xs, ys=ys, ruled=True))
    assert kinds == ["text", "numeric"]


def test_figures_on_a_sheet_a_little_askew_are_still_figures():
    xs, ys = [0, 400, 700], [0, 500, 1000, 1500, 2000, 2500, 3000]
    ink = np.zeros((3000, 700), np.uint8)
    drift = 0.025  # under MAX_DRIFT: 12 px every 500 px down the page, 38 px from the first row to the last
    for r in range(1, 5):
        y = ys[r] + 235
        shift = round(drift * y)
        typed(ink, 20 + shift, 20 + shift + 300 - 3 * PITCH * (r % 2), y)  # names: ragged on the right
        typed(ink, 540 + shift, 640 + shift, y)  # figures: one right edge, slanting with the page
    typed(ink, 100, 600, ys[5] + 235)  # the totals row (left out of the kinds)
    kinds = align.column_kinds(ink, Grid(xs=xs, ys=ys, ruled=True))
    assert kinds[1] == "numeric"
    assert drift <= align.MAX_DRIFT


def test_an_edges_spread_is_its_middle_80_percent_as_one_percentile_at_a_time() -> None:
    """The 10th and 90th percentiles of a column's edges taken in one call (issue 9: CPU per page): the
    same spread to the last bit as each taken on its own, so the same column kinds."""
    from ocr.align import MAX_DRIFT, _spread

    rng = np.random.default_rng(9)
    for n in (2, 3, 5, 12, 31):
        for _ in range(40):
            edges = rng.integers(100, 2400, n).astype(np.float64)
            ys = sorted(rng.uniform(300, 3300, n).tolist())
            raw = float(np.percentile(edges, 90) - np.percentile(edges, 10))
            want = raw
            if n >= 4:
                slope, icpt = np.polyfit(np.asarray(ys), edges, 1)
                if abs(slope) <= MAX_DRIFT:
                    rest = edges - (slope * np.asarray(ys) + icpt)
                    want = min(raw, float(np.percentile(rest, 90) - np.percentile(rest, 10)))
            assert _spread(edges, ys) == want


def test_a_forms_empty_printed_rows_under_the_people_do_not_make_their_columns_empty():
    """A form's 25 printed rows, 7 people typed on them, the rest left empty each with its printed number alone
    (AP dev 34001 p5: the ЕГН, gross and deductions columns 'empty' — written on under 30 % of the printed
    rows — never read, the page's columns unproved). The people's columns are read; a column left blank, empty."""
    xs, ys = [0, 60, 400, 700, 900], [100 * k for k in range(28)]
    ink = np.zeros((2800, 900), np.uint8)
    for r in range(1, 27):
        typed(ink, 20, 38, ys[r] + 35)  # the printed row number
        if r <= 7:
            typed(ink, 80, 330 - 3 * PITCH * (r % 3), ys[r] + 35)  # the name, ragged on the right
            typed(ink, 560, 680, ys[r] + 35)  # a figure
    kinds = align.column_kinds(ink, Grid(xs=xs, ys=ys, ruled=True))
    assert kinds[1:] == ["text", "numeric", "empty"]
