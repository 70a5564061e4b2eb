"""A figure typed across its cell's printed row rule (ocr.straddling_lines): the cell's crop takes its line whole,
and the neighbour row's line reaching into the cell is left out (AP dev 34001 p1: `71,35` read `712`, `131,59`
read `121` — the printed rule through the figure's foot, the crop the printed row's). A cell whose writing keeps
inside it is cropped as before."""

from __future__ import annotations

import numpy as np

from ocr.geometry import Box, Grid
from ocr.lines import Rule, Rules
from ocr.straddling_lines import Printed, across_rules, crop, lines_near, off_grid

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


PRINTED = Printed(tuple(ROWS), (20, 280))  # a page whose typing crosses its printed rows (``off_grid``)
ACROSS = Printed((0, 80), (0, 300))  # the column rule at x=300 of the ``_typed`` lines printed


def _crop(clean: np.ndarray, ink: np.ndarray, b: Box, printed: Printed = PRINTED) -> np.ndarray:
    return crop(clean, ink, b, b.x0 + 4, b.x1 - 3, b.y0 + 4, b.y1 - 2, printed)


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
    assert across_rules(ink, cell, 4, 297, 4, 78, ACROSS)[1] >= egn[-1] + 18  # the tenth digit taken in
    assert across_rules(ink, days, 304, 417, 4, 78, ACROSS)[0] >= egn[-1] + 18  # and left out of the days


def test_figures_typed_against_the_rule_from_both_sides_stay_apart():
    ink = _typed([230, 258, 280, 306, 334, 362])  # two figures, each a word, both against the rule
    assert across_rules(ink, Box(0, 0, 300, 80), 4, 297, 4, 78, ACROSS) == (4, 297)


def test_a_cell_of_several_lines_is_cropped_as_before():
    """A tall cell holding two lines of its own, one across its foot (AO dev 33001 p1: lines glued into one
    figure, `181881819209.87`, the page in review whole): cropped as before."""
    clean, ink = _sheet([104, 150])
    b = _cell(0)
    assert np.array_equal(_crop(clean, ink, b), clean[b.y0 + 4 : b.y1 - 2, b.x0 + 4 : b.x1 - 3])


# The guard (``off_grid``): a page of five printed rows (every boundary a rule), typed a line to each row.
YS = [40, 100, 180, 260, 340, 420]
CREEPING = [150, 230, 310, 390]  # each typed line's foot across the printed rule under it
KEPT = [120, 200, 280, 360]  # each typed line inside its printed row


def _page(tops: list[int], row_rules: list[int], ruled: bool = True) -> tuple[np.ndarray, np.ndarray, Grid, Rules]:
    """clean, ink, the grid and the rules of a one-column table: lines typed from ``tops``, the horizontal rules
    printed at ``row_rules`` (taken out of the ink, as the reader does), the column's sides printed."""
    clean = np.full((480, W), 255, np.uint8)
    for t in tops:
        for x in (60, 110, 160):
            clean[t : t + LINE, x : x + 30] = 40
    ink = np.where(clean < 128, 255, 0).astype(np.uint8)
    for y in row_rules:
        ink[y - 1 : y + 2] = 0
    horizontal = [Rule(y, 20, 280) for y in row_rules]
    vertical = [Rule(20, YS[0], YS[-1]), Rule(280, YS[0], YS[-1])]
    return clean, ink, Grid([20, 280], YS, ruled), Rules(horizontal, vertical, np.zeros_like(ink))


def test_typing_across_printed_rows_is_read_by_its_lines():
    """It must act: the printed rows every one ruled, the typed lines creeping across them (family AP, a
    payroll typed on a form ruled for a pen): the cell's line whole."""
    clean, ink, grid, rules = _page(CREEPING, YS)
    printed = off_grid(ink, grid, rules)
    assert printed.rows == tuple(YS[1:])
    b = grid.cell(2, 0)  # 180-260: the line typed from 230 is its own, its foot under the rule at 260
    assert _lines_in(_crop(clean, ink, b, printed)) == [LINE]


def test_a_grid_of_the_writing_without_printed_rows_is_cropped_as_before():
    """It must not act: the same typing where only the table's top, heading and foot are printed (a sheet ruled
    round its table, the rows the writing's lines: AB; a spreadsheet's frame: U) — the session-50 crop lost 8 of
    11 people of such a sheet and the row numbers of an unruled spreadsheet."""
    clean, ink, grid, rules = _page(CREEPING, [YS[0], YS[1], YS[-1]])
    assert off_grid(ink, grid, rules) == Printed((), ())
    b = grid.cell(2, 0)
    assert np.array_equal(_crop(clean, ink, b, off_grid(ink, grid, rules)), clean[b.y0 + 4 : b.y1 - 2, b.x0 + 4 : b.x1 - 3])
    clean, ink, grid, rules = _page(CREEPING, YS, ruled=False)  # the grid the writing's, not the rules'
    assert off_grid(ink, grid, rules) == Printed((), ())


def test_typing_that_keeps_to_its_printed_rows_is_cropped_as_before():
    """It must not act: the rows printed and the typing inside them (the most common sheet)."""
    clean, ink, grid, rules = _page(KEPT, YS)
    assert off_grid(ink, grid, rules).rows == ()


def _columns(pieces: list[tuple[int, int]]) -> tuple[np.ndarray, Grid, Rules]:
    """ink, grid and rules of a table of three printed rows under its heading and two columns (rules at x=20, 300, 480), a line typed
    in each row: glyphs (left, right) of ``pieces``, the rule at x=300 taken out of them."""
    ys = [40, 100, 180, 260, 340]
    ink = np.zeros((400, 500), np.uint8)
    for y0 in ys[1:-1]:
        for x0, x1 in pieces:
            ink[y0 + 20 : y0 + 54, x0:x1] = 255
    ink[:, 298:303] = 0
    horizontal = [Rule(y, 20, 480) for y in ys]
    vertical = [Rule(x, ys[0], ys[-1]) for x in (20, 300, 480)]
    return ink, Grid([20, 300, 480], ys, True), Rules(horizontal, vertical, np.zeros_like(ink))


def test_digits_typed_across_the_column_rule_are_joined_to_their_figure():
    """It must act: on each row a figure's last digit typed across the printed column rule, the rule cutting
    it in two (family AP: the typewriter's tab stops not the form's columns)."""
    ink, grid, rules = _columns([(208, 226), (234, 252), (260, 278), (286, 310)])  # the last cut at 298-303
    printed = off_grid(ink, grid, rules)
    assert printed.cols == (300,)
    assert across_rules(ink, grid.cell(1, 0), 24, 297, 104, 178, printed)[1] >= 310  # the digit whole


def test_figures_typed_up_to_the_column_rule_stay_apart():
    """It must not act: wide bold figures typed up to the rule from both sides (E regression sheets: `0,00`
    joined to the next column's figure, the figures cut in two) — each side a figure, no glyph cut in two."""
    ink, grid, rules = _columns([(200, 298), (303, 420)])
    printed = off_grid(ink, grid, rules)
    assert printed.cols == ()
    assert across_rules(ink, grid.cell(1, 0), 24, 297, 104, 178, printed) == (24, 297)


def test_a_digit_against_a_column_rule_stays_where_no_rule_cuts_a_glyph():
    """It must not act: a digit typed against a column's rule on a page whose rules cut no glyph in two."""
    egn = [305 - 28 * (9 - k) for k in range(10)]
    ink = _typed(egn + [egn[-1] + 56, egn[-1] + 84])
    cell = Box(0, 0, 300, 80)
    assert across_rules(ink, cell, 4, 297, 4, 78, Printed((), ())) == (4, 297)


def _typed_bars(
    draw: list[list[tuple[int, int, int, int]]], xs: tuple[int, ...] = (20, 300, 480)
) -> tuple[np.ndarray, Grid, Rules]:
    """ink, grid and rules of a table of three rows under its heading, column rules at ``xs`` (the inner ones
    found at their line, the typist's bars a pixel or more off it from line to line): in row ``r`` the strokes
    of ``draw[r]`` (left, right, top, bottom: from the row's top)."""
    ys = [40, 100, 180, 260, 340]
    ink = np.zeros((400, 500), np.uint8)
    for y0, strokes in zip(ys[1:-1], draw, strict=True):
        for x0, x1, t, b in strokes:
            ink[y0 + t : y0 + b, x0:x1] = 255
    horizontal = [Rule(y, xs[0], xs[-1]) for y in ys]
    vertical = [Rule(x, ys[0], ys[-1]) for x in xs]
    return ink, Grid(list(xs), ys, True), Rules(horizontal, vertical, np.zeros_like(ink))


def test_a_rule_typed_with_bars_is_no_rule_typed_across():
    """It must not act: the column rule typed with the typewriter's bar (`|` or `!`), each line's bar a few
    pixels off the rule's line (family AH: 16 "cut glyphs" on a page, 50.85 % fields right against 51.75). Where
    a bar was taken out with the rule, its slivers are left beside the band crossed (the left one right of the
    rule's middle, the right one left of it); where it was not, it stands on the rule's line, a figure typed
    after it (`¦4203,13`): no glyph cut in two either way."""
    slivers = [(302, 304, 10, 30), (296, 298, 32, 50)]  # two dashes of the bar, each off the line its own way
    beside = [(294, 303, 5, 60), (310, 328, 20, 54)]  # the bar across the rule's line, a digit typed after it
    ink, grid, rules = _typed_bars([slivers, beside, slivers])
    printed = off_grid(ink, grid, rules)
    assert printed.cols == ()
    assert across_rules(ink, grid.cell(1, 0), 24, 297, 104, 178, printed) == (24, 297)


def test_glyphs_cut_here_and_there_are_no_typing_across_the_rules():
    """It must not act: a glyph cut by one column rule and two by another (a tape's edge across a figure, a
    stencilled rule's pieces wobbling about its line) — not one column's figures cut row after row by the same
    rule, as a typewriter's tab stop set across the form's rule cuts them."""
    cut = [(282, 298, 20, 54), (303, 310, 20, 54)]  # a digit the rule at x=300 cuts in two
    other = [(392, 398, 20, 54), (403, 416, 20, 54)]  # one the rule at x=400 cuts
    ink, grid, rules = _typed_bars([cut, cut + other, []], xs=(20, 300, 400, 480))
    assert off_grid(ink, grid, rules).cols == ()
    ink, grid, rules = _typed_bars([cut, cut, cut], xs=(20, 300, 400, 480))  # the same rule thrice: it acts
    assert off_grid(ink, grid, rules).cols == (300, 400)


def test_a_stencilled_rule_wobbling_about_its_line_is_no_rule_typed_across():
    """It must not act: a rule run off a stencil, its dashes wobbling about the line it was found at (family AF,
    a spirit-duplicated sheet: the dashes left beside the band taken out, one left of it, the next right of it)
    — on every row a piece each side of the rule, but each at its own height: no glyph cut in two."""
    dashes = [(294, 297, 8, 30), (304, 307, 34, 60)]
    ink, grid, rules = _typed_bars([dashes, dashes, dashes])
    assert off_grid(ink, grid, rules).cols == ()
