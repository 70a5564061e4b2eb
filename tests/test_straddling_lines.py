"""A figure typed across its cell's printed row rule (ocr.straddling_lines): the cell's crop takes its line whole,
and the neighbour row's line reaching into the cell is left out (AP dev 34001 p1: `71,35` read `712`, `131,59`
read `121` — the printed rule through the figure's foot, the crop the printed row's). A cell whose writing keeps
inside it is cropped as before."""

from __future__ import annotations

import numpy as np

from ocr.geometry import Box
from ocr.straddling_lines import across_rules, crop, lines_near

W = 300
ROWS = [100, 180, 260, 340]  # the printed row rules
LINE = 34  # a typed line's height


def _sheet(tops: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """clean and ink: a typed line of figures (three blocks) from each of ``tops``."""
    clean = np.full((440, W), 255, np.uint8)
    for t in tops:
        for x in (60, 110, 160):
            clean[t : t + LINE, x : x + 30] = 40
    return clean, np.where(clean < 128, 255, 0).astype(np.uint8)


def _cell(r: int) -> Box:
    return Box(20, ROWS[r], 280, ROWS[r + 1])


def _crop(clean: np.ndarray, ink: np.ndarray, b: Box) -> np.ndarray:
    return crop(clean, ink, b, b.x0 + 4, b.x1 - 3, b.y0 + 4, b.y1 - 2)


def _lines_in(picture: np.ndarray) -> list[int]:
    on = (picture < 128).any(axis=1)
    return [int(n) for n in np.diff(np.flatnonzero(np.diff(np.r_[0, on.astype(int), 0])))[::2]]


def test_a_line_across_the_row_rule_is_read_whole_in_its_row():
    clean, ink = _sheet([150, 205])  # row 0's line its foot 16 px under the rule; row 1's own line
    first = _crop(clean, ink, _cell(0))
    assert _lines_in(first) == [LINE]  # the line whole
    second = _crop(clean, ink, _cell(1))
    assert _lines_in(second) == [LINE]  # its own line, nothing of the line above


def test_a_cell_whose_writing_keeps_inside_is_cropped_as_before():
    clean, ink = _sheet([120, 200])
    b = _cell(0)
    assert np.array_equal(_crop(clean, ink, b), clean[b.y0 + 4 : b.y1 - 2, b.x0 + 4 : b.x1 - 3])


def test_a_struck_line_is_one_line():
    clean, ink = _sheet([150])
    ink[ROWS[1] - 2 : ROWS[1] + 3] = 0  # the printed rule taken out of the ink through the figures
    assert lines_near(ink, _cell(0), 24, 277) == [(150, 150 + LINE)]


def _typed(xs: list[int], width: int = 18) -> np.ndarray:
    """ink: a line of glyphs (rows 20-54) starting at ``xs``, a column rule at x=300 taken out of it."""
    ink = np.zeros((80, 500), np.uint8)
    for x in xs:
        ink[20:54, x : x + width] = 255
    ink[:, 298:303] = 0
    return ink


def test_a_figures_last_digit_over_the_column_rule_is_the_figures():
    # an ЕГН's ten digits at a pitch of 28 px (gaps of 10), the tenth past the rule; the days `14` a space
    # further (AP dev 34001 p9: `6207145262` read `620714526`, the days `2 14`)
    egn = [305 - 28 * (9 - k) for k in range(10)]
    ink = _typed(egn + [egn[-1] + 56, egn[-1] + 84])
    cell, days = Box(0, 0, 300, 80), Box(300, 0, 420, 80)
    assert across_rules(ink, cell, 4, 297, 4, 78)[1] >= egn[-1] + 18  # the tenth digit taken in
    assert across_rules(ink, days, 304, 417, 4, 78)[0] >= egn[-1] + 18  # and left out of the days


def test_figures_typed_against_the_rule_from_both_sides_stay_apart():
    ink = _typed([230, 258, 280, 306, 334, 362])  # two figures, each a word, both against the rule
    assert across_rules(ink, Box(0, 0, 300, 80), 4, 297, 4, 78) == (4, 297)


def test_a_cell_of_several_lines_is_cropped_as_before():
    """A tall cell holding two lines of its own, one across its foot (AO dev 33001 p1: lines glued into one
    figure, `181881819209.87`, the page in review whole): cropped as before."""
    clean, ink = _sheet([104, 150])
    b = _cell(0)
    assert np.array_equal(_crop(clean, ink, b), clean[b.y0 + 4 : b.y1 - 2, b.x0 + 4 : b.x1 - 3])
