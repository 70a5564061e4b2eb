"""Stotinki typed raised and underlined after the leva (`430⁴⁷`, family R) are set down on the leva's line
after a point, in a column most of whose cells carry them (ocr/raised_cents.py: R dev 10093 p1, the small
figures and their stroke read as odd digits, 31 of 35 money figures wrong); plain figures, and an amount
underlined whole, are left as typed."""

from __future__ import annotations

import cv2
import numpy as np

from ocr import raised_cents
from ocr.analysis import Analysis
from ocr.geometry import Grid

ROW = 70
FONT = cv2.FONT_HERSHEY_SIMPLEX


def _cell(img: np.ndarray, y: int, leva: str, cents: str | None, underline_all: bool = False) -> None:
    """An amount right-aligned in the band from ``y``: the leva at full size, the stotinki raised and small,
    a stroke under them (or, ``cents`` None, the leva alone; ``underline_all``: a stroke under the figure)."""
    base = y + 50
    (lw, _), _ = cv2.getTextSize(leva, FONT, 1.0, 2)
    right = 360
    if cents is not None:
        (cw, _), _ = cv2.getTextSize(cents, FONT, 0.7, 2)
        cx = right - cw
        cv2.putText(img, cents, (cx, base - 14), FONT, 0.7, 0, 2)
        cv2.line(img, (cx - 1, base - 10), (right + 1, base - 10), 0, 2)
        right = cx - 5
    cv2.putText(img, leva, (right - lw, base), FONT, 1.0, 0, 2)
    if underline_all:
        cv2.line(img, (right - lw - 2, base + 6), (right + 2, base + 6), 0, 2)


def _column(cells: list[tuple[str, str | None]], underline_all: bool = False) -> Analysis:
    ys = [0, 40, *(40 + ROW * (r + 1) for r in range(len(cells)))]
    clean = np.full((ys[-1] + 10, 400), 255, np.uint8)
    for (leva, cents), y in zip(cells, ys[1:], strict=False):
        _cell(clean, y, leva, cents, underline_all)
    ink = np.where(clean < 128, 255, 0).astype(np.uint8)
    grid = Grid(xs=[0, 400], ys=ys, ruled=True)
    return Analysis(clean.copy(), ink, clean, grid, None, 300, 0.0, 0, None, None)  # type: ignore[arg-type]


def _stroke_rows(a: Analysis, r: int) -> int:
    """Rows of the cell's ink right of its middle inked across 40 pixels or more (a stroke)."""
    box = a.grid.cell(r, 0)
    ink = a.ink[box.y0 : box.y1, 200 : box.x1] > 0
    return int(sum(run.max(initial=0) >= 40 for run in (_runs(row) for row in ink)))


def _runs(row: np.ndarray) -> np.ndarray:
    edges = np.diff(np.concatenate([[0], row.astype(np.int8), [0]]))
    return np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)


def test_raised_underlined_stotinki_are_set_down_on_the_leva_line_without_their_stroke() -> None:
    a = _column([("430", "47"), ("343", "07"), ("56", "15"), ("1280", "90")])
    found = raised_cents.column_raised(a, 0)
    assert len(found) == 4
    assert raised_cents.set_down_cents(a, ["numeric"]) == 4
    for r, m in enumerate(found, start=1):
        assert _stroke_rows(a, r) == 0
        right = a.ink[m.base - 3 * m.height : m.base + 3, m.x0 : m.x1 + m.room] > 0
        assert right.any()  # the stotinki are still there ...
        assert int(np.flatnonzero(right.any(axis=1)).max()) >= 3 * m.height - 3  # ... down on the baseline


def test_plain_figures_and_an_amount_underlined_whole_are_left_as_typed() -> None:
    for a in (_column([("430", None), ("343", None), ("5615", None)]),
              _column([("430", None), ("343", None), ("5615", None)], underline_all=True)):  # fmt: skip
        before = a.ink.copy()
        assert raised_cents.set_down_cents(a, ["numeric"]) == 0
        assert (a.ink == before).all()


def test_a_column_with_raised_stotinki_on_few_of_its_cells_is_left_as_typed() -> None:
    a = _column([("430", "47"), ("343", None), ("5615", None), ("280", None), ("196", "13")])
    before = a.ink.copy()
    assert raised_cents.set_down_cents(a, ["numeric"]) == 0
    assert (a.ink == before).all()


def test_on_a_page_whose_column_carries_them_a_column_carrying_them_on_few_cells_is_set_down_there() -> None:
    # R dev 10088 p1: a faded copy, the lower rows' stotinki broken, found on fewer than most cells
    a = _column([("430", "47"), ("343", "07"), ("5615", None), ("280", None), ("196", "13")])
    wide = Analysis(*(np.hstack([m, m]) for m in (a.gray, a.ink, a.clean)), Grid(xs=[0, 400, 800], ys=a.grid.ys,
                    ruled=True), None, 300, 0.0, 0, None, None)  # type: ignore[arg-type]
    left = _column([("430", "47"), ("343", "07"), ("56", "15"), ("280", "75"), ("196", "13")])
    wide.ink[:, :400], wide.clean[:, :400] = left.ink, left.clean
    assert raised_cents.set_down_cents(wide, ["numeric", "numeric"]) == 5 + 3
