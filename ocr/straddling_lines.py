"""A figure's cell where the typed line straddles the printed row rule: the typing's line spacing not the form's
(family AP: a payroll typed on a pre-printed form ruled for a pen, the typed lines creeping up or down across the
printed rows and slanting across them). The cell's crop, the printed row's, cut the figure: its foot left out
(`71,35` read `712`, `131,59` read `121`, `47,00` read `47`: AP dev 34001 p1's first row) and its foot read in the
row under it.

A cell's lines of writing are looked for a row's height above and below it: where one crosses the cell's top
or bottom, the cell's crop is the lines whose middle is in the cell (each whole), and the other lines' ink in
that crop, the rows' above and below, is paper. A cell whose writing keeps inside it is cropped as before.

Guarded (``off_grid``): only on a page whose rows are printed rules (a rule at nearly every row boundary) and
whose typing crosses them (a few cells' single typed line cut by a printed row rule), and there only across a
printed rule: a page without printed rows (a grid of the writing's lines, a spreadsheet's frame, a sheet ruled
only round its table) or whose typing keeps to its rows is cropped as before (session 50: acting everywhere,
the crop and ``across_rules`` lost rows of a sheet without printed rows and the row numbers of an unruled
spreadsheet, and cut wide bold digits and an italic face's figures apart at their column rules). The columns:
only where one printed rule cuts glyphs in two row after row, each glyph's pieces on its own side of the rule and
on one line (session 52: any 3 cuts on the page fired on rules typed with the typewriter's bar, AH, and on a
stencilled sheet's wobbling rules, AF: their own slivers and bars taken for cut glyphs).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .geometry import Box, Grid
from .lines import Rule, Rules

GAP = 8  # px: a line's pieces this near are one line (a printed rule taken out of a struck figure, a comma)
PAD = 3  # px around the lines in the crop
MIN_INK = 2  # a line's pixel rows hold at least this much ink in the cell's width


def lines_near(ink: np.ndarray, box: Box, x0: int, x1: int) -> list[tuple[int, int]]:
    """The lines of writing (top, bottom: pixel rows) between ``x0`` and ``x1`` from a row's height above
    ``box`` to a row's height below it."""
    top, bottom = max(0, box.y0 - box.h), min(ink.shape[0], box.y1 + box.h)
    on = (ink[top:bottom, x0:x1] > 0).sum(axis=1) >= MIN_INK
    lines: list[tuple[int, int]] = []
    for y in np.flatnonzero(on):
        if lines and y - lines[-1][1] <= GAP:
            lines[-1] = (lines[-1][0], int(y) + 1)
        else:
            lines.append((int(y), int(y) + 1))
    return [(a + top, b + top) for a, b in lines]


RULE_NEAR = 6  # px: a printed rule this near a cell's edge is that edge
PRINTED_ROWS = 0.8  # the page's rows are printed when a rule lies at this share of its row boundaries at least
MIN_CROSSED = 3  # and the typing does not keep to them when this many cells' single line crosses one at least
MIN_BISECTED = 3  # the typing does not keep to the printed columns when a rule cuts this many glyphs in two


@dataclass(frozen=True)
class Printed:
    """Where a page's typing crosses its printed grid (``off_grid``): the printed row rules (y) its typed lines
    cross, where the crop takes a line whole, and the printed column rules (x) its digits are typed across, where
    ``across_rules`` moves a glyph; each empty where the typing keeps to them."""

    rows: tuple[int, ...]
    cols: tuple[int, ...]

    def row_edge(self, y: int) -> bool:
        return any(abs(y - r) <= RULE_NEAR for r in self.rows)

    def col_edge(self, x: int) -> bool:
        return any(abs(x - c) <= RULE_NEAR for c in self.cols)


ON_GRID = Printed((), ())  # a page whose typing keeps to its grid, or one without printed rules: nothing moved


def _printed(along: list[int], rules: list[Rule], lo: int, hi: int) -> tuple[int, ...]:
    """The boundaries of ``along`` where a rule runs at least half of ``lo`` to ``hi``."""
    return tuple(
        p for p in along
        if any(abs(r.pos - p) <= RULE_NEAR and min(r.end, hi) - max(r.start, lo) >= (hi - lo) / 2 for r in rules)
    )  # fmt: skip


def _crosses(ink: np.ndarray, box: Box, x0: int, x1: int, printed: Printed) -> bool:
    """The cell's one line of writing (not a tall one) crosses its top or bottom where that is a printed rule."""
    lines = lines_near(ink, box, x0, x1)
    across = [
        (a, b) for a, b in lines
        if (a < box.y0 < b and printed.row_edge(box.y0)) or (a < box.y1 < b and printed.row_edge(box.y1))
    ]  # fmt: skip
    if not across:
        return False
    mine = [(a, b) for a, b in lines if box.y0 <= (a + b) / 2 < box.y1]
    return len(mine) <= 1 and max(b - a for a, b in lines) <= box.h


def off_grid(ink: np.ndarray, grid: Grid, rules: Rules) -> Printed:
    """Where the typing crosses the printed grid: its row rules when a rule lies at ``PRINTED_ROWS`` of the body's
    row boundaries and ``MIN_CROSSED`` cells' one typed line at least crosses one; its column rules when one of
    them cuts ``MIN_BISECTED`` glyphs at least in two (``bisected``, ``_cols_crossed``). Nothing on a grid of the
    writing (not ruled)."""
    if not grid.ruled or grid.n_rows < 3:
        return ON_GRID
    body = grid.ys[1:]
    rows = _printed(body, rules.horizontal, grid.xs[0], grid.xs[-1])
    cols = _printed(grid.xs[1:-1], rules.vertical, grid.ys[1], grid.ys[-1])
    crossed = rows if _rows_crossed(ink, grid, Printed(rows, ())) else ()
    return Printed(crossed, cols if _cols_crossed(ink, grid, cols) else ())


def _rows_crossed(ink: np.ndarray, grid: Grid, printed: Printed) -> bool:
    if len(printed.rows) < PRINTED_ROWS * (len(grid.ys) - 1):
        return False
    crossed = 0
    for r in range(1, grid.n_rows):
        for c in range(grid.n_cols):
            b = grid.cell(r, c)
            if b.h >= 4 and b.w >= 10 and _crosses(ink, b, b.x0 + 4, b.x1 - 3, printed):
                crossed += 1
                if crossed >= MIN_CROSSED:
                    return True
    return False


def _cols_crossed(ink: np.ndarray, grid: Grid, cols: tuple[int, ...]) -> bool:
    """One printed column rule cuts ``MIN_BISECTED`` glyphs in two at least: a typewriter's tab stop set across
    the form's rule cuts that column's figures row after row. A cut or two to a rule, scattered over the page's
    rules, are no such thing: a rule's own remnants (a rule typed with bars or run off a stencil, wobbling about
    its line, its pieces left beside the band taken out), a tape's edge across a figure."""
    for x in cols:
        cut = 0
        for r in range(1, grid.n_rows):
            y0, y1 = grid.ys[r] + 4, grid.ys[r + 1] - 2
            if y1 - y0 >= 4 and bisected(ink, x, y0, y1):
                cut += 1
                if cut >= MIN_BISECTED:
                    return True
    return False


def crop(
    clean: np.ndarray, ink: np.ndarray, box: Box, x0: int, x1: int, y0: int, y1: int, printed: Printed
) -> np.ndarray:
    """The cell's picture from ``clean`` between ``x0`` and ``x1``: rows ``y0`` to ``y1`` (the cell's own crop)
    unless the page's typed lines cross its printed rows (``printed``, from ``off_grid``) and a line of writing
    crosses the cell's top or bottom there; then its lines whose middle is in the cell, whole, the other lines'
    ink in it the paper."""
    if x1 - x0 < 2 or box.h < 4:
        return clean[y0:y1, x0:x1]
    if not printed.rows or not _crosses(ink, box, x0, x1, printed):
        x0, x1 = across_rules(ink, box, x0, x1, y0, y1, printed)
        return clean[y0:y1, x0:x1]
    lines = lines_near(ink, box, x0, x1)
    mine = [(a, b) for a, b in lines if box.y0 <= (a + b) / 2 < box.y1]
    top = max(0, min(y0, mine[0][0] - PAD)) if mine else y0
    bottom = min(clean.shape[0], max(y1, mine[-1][1] + PAD)) if mine else y1
    x0, x1 = across_rules(ink, box, x0, x1, top, bottom, printed)
    out = clean[top:bottom, x0:x1].copy()
    for a, b in lines:
        if (a, b) not in mine and a < bottom and b > top:
            out[max(a, top) - top : min(b, bottom) - top] = 255
    return out


RULE_REACH = 4  # px each side of a column rule's middle its removed ink may reach (a printed rule, 3-5 px wide)
EDGE = 6  # px beyond the removed rule: a glyph this near it is typed against the rule
WORD_GAP = 2.0  # a glyph against the rule joins the writing across it when its gap there is this many times
# narrower than the gap to the writing on its own side (a word's space; none: no writing there)


def _runs(on: np.ndarray) -> list[tuple[int, int]]:
    """Runs of True (start, end), gaps of one or two columns closed (a glyph's thin stroke)."""
    runs: list[tuple[int, int]] = []
    for x in np.flatnonzero(on):
        if runs and x - runs[-1][1] <= 2:
            runs[-1] = (runs[-1][0], int(x) + 1)
        else:
            runs.append((int(x), int(x) + 1))
    return runs


Run = tuple[int, int]  # a run of ink columns: its left, its right


def _against(ink: np.ndarray, x: int, y0: int, y1: int) -> tuple[list[Run], Run, Run] | None:
    """The runs of ink (columns) of rows ``y0`` to ``y1`` near the column rule at ``x``, and the two against the
    rule from the left and the right, or None."""
    h = y1 - y0
    if h <= 0:
        return None
    base = max(0, x - 3 * h)
    on = np.asarray((ink[y0:y1, base : x + 3 * h] > 0).any(axis=0), dtype=bool)
    runs = [(a + base, b + base) for a, b in _runs(on)]
    near = RULE_REACH + EDGE
    left = [r for r in runs if r[1] <= x + RULE_REACH and r[1] >= x - near]
    right = [r for r in runs if r[0] >= x - RULE_REACH and r[0] <= x + near]
    if not left or not right or left[-1] == right[0]:
        return None
    return runs, left[-1], right[0]


def bisected(ink: np.ndarray, x: int, y0: int, y1: int) -> bool:
    """A glyph the column rule at ``x`` cuts in two (rows ``y0`` to ``y1``): ink against the rule from both sides,
    the two pieces together no wider than the glyph is tall (a digit typed across the rule, family AP) — not two
    figures typed up to the rule from both sides (wide bold digits, a blurred italic face: each piece a figure),
    nor a typed rule's bar or slivers (``_either_side``)."""
    sides = _against(ink, x, y0, y1)
    if sides is None:
        return False
    _, lg, rg = sides
    if not _either_side(ink, x, lg, rg, y0, y1):
        return False
    if rg[0] - lg[1] > 2 * RULE_REACH + 2:  # the pieces apart by more than a rule
        return False
    tall = int((ink[y0:y1, lg[0] : rg[1]] > 0).any(axis=1).sum())
    return rg[1] - lg[0] <= tall


def _either_side(ink: np.ndarray, x: int, lg: Run, rg: Run, y0: int, y1: int) -> bool:
    """The two pieces against the rule at ``x`` (rows ``y0`` to ``y1``) are the halves of a glyph the rule was
    taken out of: the left one ends at the rule's middle at the latest and the right one starts there at the
    earliest (the rule's line found to a pixel), on one line (their rows shared by half the shorter piece at
    least). Not a rule typed with the typewriter's bar, off the rule's line from line to line (family AH): where
    its bar was not taken out it stands across the middle, a glyph beside it (`¦4203,13`); where it was, the
    slivers left beside the band taken out cross (the "left" one right of the middle, the "right" one left of
    it). Nor the dashes of a rule run off a stencil, wobbling about its line (family AF): one left of it, the
    next right of it, each at its own height."""
    if not lg[1] - 1 <= x <= rg[0]:
        return False
    a, b = _rows(ink, lg, y0, y1), _rows(ink, rg, y0, y1)
    return 2 * (min(a[1], b[1]) - max(a[0], b[0])) >= min(a[1] - a[0], b[1] - b[0])


def _rows(ink: np.ndarray, run: Run, y0: int, y1: int) -> tuple[int, int]:
    """The first and past-the-last row of ``y0`` to ``y1`` holding ink in the columns of ``run``."""
    rows = np.flatnonzero((ink[y0:y1, run[0] : run[1]] > 0).any(axis=1))
    return (int(rows[0]), int(rows[-1]) + 1) if rows.size else (0, 0)


def cut_glyph(ink: np.ndarray, x: int, y0: int, y1: int) -> tuple[int, int, int] | None:
    """A glyph typed against the column rule at ``x`` (rows ``y0`` to ``y1``) that belongs to the writing across
    the rule: the glyph's gap to the writing across the rule a letter's, narrower by ``WORD_GAP`` times than its
    gap to the writing on its own side (a figure run over the rule, its last digit past it). (its left, its right,
    -1 when it belongs to the writing left of the rule, +1 to the right's), or None."""
    h = y1 - y0
    sides = _against(ink, x, y0, y1)
    if sides is None:
        return None
    runs, lg, rg = sides
    gap = rg[0] - lg[1]
    if gap > h:
        return None
    i, k = runs.index(lg), runs.index(rg)
    after = runs[k + 1][0] - rg[1] if k + 1 < len(runs) else 10**6
    before = lg[0] - runs[i - 1][1] if i > 0 else 10**6
    if gap * WORD_GAP <= after and not gap * WORD_GAP <= before:
        return rg[0], rg[1], -1
    if gap * WORD_GAP <= before and not gap * WORD_GAP <= after:
        return lg[0], lg[1], 1
    return None


def across_rules(
    ink: np.ndarray, box: Box, x0: int, x1: int, y0: int, y1: int, printed: Printed
) -> tuple[int, int]:
    """The crop's left and right (``x0``, ``x1``) with a glyph the cell's printed column rules cut (``cut_glyph``)
    taken in whole when it is typed with this cell's writing, left out when with the neighbour's; as given on a
    page whose typing keeps to its grid (``printed`` None) and at a column edge no printed rule."""
    right = cut_glyph(ink, box.x1, y0, y1) if printed.col_edge(box.x1) else None
    if right is not None:
        x1 = max(x1, right[1] + PAD) if right[2] < 0 else min(x1, max(x0 + 1, right[0]))
    left = cut_glyph(ink, box.x0, y0, y1) if printed.col_edge(box.x0) else None
    if left is not None:
        x0 = min(x0, max(0, left[0] - PAD)) if left[2] > 0 else max(x0, min(x1 - 1, left[1]))
    return x0, min(x1, ink.shape[1])
