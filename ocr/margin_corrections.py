"""A correction written in the right margin (family Q): the clerk struck a figure through in its cell and
wrote the right one beside the row, right of the table. The reader reads the struck figure in the cell
(the strike is one thin line through typed digits) and the row's sums may hold with it, the typist having
worked the others out from it, or a figure under a stamp filled in from it (Q dev 9004 p1: a net pay
`163,97` struck and `163,98` in the margin, the deductions worked out from the struck one: both out
wrong without a flag).

A figure in the margin beside a row, right of the table's last column, one or two digits off one of the
row's money figures of its length, is that figure's correction: the figure goes to a person
(``checks.CORRECTION``), and so do the row's figures worked out or changed from it. The margin's figure
is handwritten: it is not put in the figure's place."""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz.distance import Hamming

from . import checks
from .geometry import Box, Grid, Word
from .normalise import digits, money

GAP = 10  # pixels right of the table's last rule a margin's figure starts at least
MAX_OFF = 2  # digits a correction differs in from the figure it corrects


def _off(a: str, b: str) -> int | None:
    """How many digits two figures of one length differ in (None: of different lengths)."""
    da, db = digits(a), digits(b)
    return Hamming.distance(da, db) if len(da) == len(db) else None


def doubt_margin_corrections(
    words: list[Word], grid: Grid, drafts: list[checks.RowDraft], to_original: Callable[[Box], list[int]]
) -> None:
    """Send to review the figures a correction in the right margin corrects (module docstring)."""
    right = grid.xs[-1]
    for w in words:
        if w.box.x0 < right + GAP or not grid.ys[0] < w.box.cy < grid.ys[-1]:
            continue
        fixed = money(w.text)
        if fixed is None:
            continue
        # the row on the table's band the figure stands in (on the page as read, where rows lie level: in
        # the image as given a slanted row's box reaches over its neighbours')
        band = next((r for r in range(len(grid.ys) - 1) if grid.ys[r] <= w.box.cy < grid.ys[r + 1]), None)
        if band is None:
            continue
        box = to_original(Box(grid.xs[0], grid.ys[band], grid.xs[-1], grid.ys[band + 1]))
        row = next((d for d in drafts if d.bbox == box), None)
        if row is None:
            continue
        figures = {f: str(row.values[f]) for f in checks.MONEY if row.values.get(f) is not None}
        if fixed in figures.values():
            continue  # the correction stands in its cell already
        struck = [f for f, v in figures.items() if (n := _off(v, fixed)) is not None and 1 <= n <= MAX_OFF]
        if struck:  # and what was worked out or changed from the struck figure
            for f in {*struck, *((row.derived | set(row.changed) | row.unconfirmed) & set(figures))}:
                row.review.add(f, checks.CORRECTION)
