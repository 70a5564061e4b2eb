"""A thin band of the grid with no letter or digit in it (the doubled dots of a dotted rule typed through
a slipped carbon, K dev 3001 p2) is no row; an empty band as tall as a row (a person's line a stamp left
unreadable) stays."""

from __future__ import annotations

import numpy as np

from ocr.empty_bands import drop_empty_bands
from ocr.geometry import Grid
from ocr.sheet import Sheet

P = ["1.", "ЙОРДАНОВ Любомир Стоянов", "4807201024", "21"]
Q = ["2.", "ВАСИЛЕВ Здравко Стоянов", "7307289901", "21"]
R = ["3.", "ХАДЖИЕВ Цанко Николов", "6305069887", "21"]


def _sheet(rows: list[list[str]]) -> Sheet:
    return Sheet({}, None, [], list(range(1, len(rows) + 1)), None, None, [list(r) for r in rows])  # type: ignore[arg-type]


def test_a_thin_band_of_dots_is_no_row():
    s = _sheet([P, ["", "||", "", ""], Q, R])
    g = Grid(xs=[0, 50, 400, 600, 700], ys=[0, 100, 150, 166, 216, 266, 300], ruled=True)
    assert drop_empty_bands(s, g) == [2]
    assert s.body_rows == [1, 3, 4] and [t[0] for t in s.texts] == ["1.", "2.", "3."]


def test_an_empty_band_as_tall_as_a_row_stays():
    s = _sheet([P, ["", "", ",", ""], Q, R])
    g = Grid(xs=[0, 50, 400, 600, 700], ys=[0, 100, 150, 198, 248, 298, 330], ruled=True)
    assert drop_empty_bands(s, g) == []
    assert len(s.texts) == 4


def _ink_with_marks(g: Grid, band: int, *, glyph: bool) -> np.ndarray:
    """A page's text ink: the slivers a typed "|" mark leaves either side of each column boundary down
    ``band``, and with ``glyph`` a figure's blot in the middle of a cell there."""
    ink = np.zeros((g.ys[-1] + 10, g.xs[-1] + 10), dtype=np.uint8)
    y0, y1 = g.ys[band] + 2, g.ys[band + 1] - 2
    for x in g.xs:
        ink[y0:y1, max(0, x - 4) : max(0, x - 2)] = 255
        ink[y0:y1, x + 2 : x + 4] = 255
    ink[y1 - 2 : y1, 100:160] = 255  # a flat bit of a rule
    if glyph:
        ink[y0:y1, 470:486] = 255
    return ink


def test_a_thin_band_of_column_marks_read_as_ones_is_no_row():
    # AH dev 26005 p3: the slivers of the typed marks between two people's rows read "1" and "!"
    s = _sheet([P, ["", "! 1", "1", "!"], Q, R])
    g = Grid(xs=[0, 50, 400, 600, 700], ys=[0, 100, 150, 176, 226, 276, 300], ruled=True)
    assert drop_empty_bands(s, g, _ink_with_marks(g, 2, glyph=False), 300) == [2]
    assert [t[0] for t in s.texts] == ["1.", "2.", "3."]


def test_a_thin_band_with_a_figure_in_a_cell_stays():
    s = _sheet([P, ["", "! 1", "1", "!"], Q, R])
    g = Grid(xs=[0, 50, 400, 600, 700], ys=[0, 100, 150, 176, 226, 276, 300], ruled=True)
    assert drop_empty_bands(s, g, _ink_with_marks(g, 2, glyph=True), 300) == []
    assert len(s.texts) == 4
