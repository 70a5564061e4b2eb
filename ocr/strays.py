"""A line of corrections the grid took for a row of its own: a clerk typed or wrote the new figure above
the struck one, between the rules, and the correction's line was cut from the person's line below it
(G dev 702 p8: `282.60` over a struck `282.50`). Left a row, it went out as a line with no person, its
figure counted in its column (which then could not add up), and the struck figure stood for the person.

Issue 9: a line between rows that holds only a correction belongs to the figure it corrects. Its cells go
on top of the person's cells below it, as a correction above a struck figure in one cell
(``normalise.money_of_cell`` takes the upper figure and marks it corrected; ``checks.run_checks`` lets a
corrected figure stand only where a sum vouches for it), and the line is no row any more.

Never two people in one row: a line is folded only when nothing but figures stands on it (no name, ЕГН,
number or position), it holds fewer figures than half the columns of figures (a person whose name and
ЕГН a stamp hid has figures in every column), and the person's line below it and the line above it both
have a figure in each of its columns (it corrects one, and is not the line above's own figures, split
off).
"""

from __future__ import annotations

from . import checks, normalise
from .sheet import Sheet

FIGURES = ("days_worked", *checks.MONEY)
PERSON = ("row", "name", "egn", "position")


def _figure(text: str) -> bool:
    return len(normalise.digits(text)) >= 1 and not any(ch.isalpha() for ch in text)


def _has_figure(text: str) -> bool:
    return bool(normalise.figure_lines(text)) or (len(normalise.digits(text)) >= 1 and len(text.strip()) <= 3)


def correction_only(texts: list[str], kinds: list[str | None]) -> list[int] | None:
    """The columns of figures a line holds, when figures in those columns are all it holds."""
    cols: list[int] = []
    for c, kind in enumerate(kinds):
        t = texts[c].strip() if c < len(texts) else ""
        if not t:
            continue
        if kind in FIGURES and _figure(t):
            cols.append(c)
        elif kind in PERSON or kind in FIGURES or any(ch.isalnum() for ch in t):
            return None  # a person's word, or ink in a column of figures that is no figure
    return cols or None


def fold_correction_lines(s: Sheet, kinds: list[str | None]) -> list[int]:
    """Put each line of corrections on top of the person's line below it (``s`` changed in place: cells,
    texts and body rows); returns the grid rows folded away."""
    n_figures = sum(1 for k in kinds if k in FIGURES)
    folded: list[int] = []
    i = 1
    while i < len(s.body_rows) - 1:
        cols = correction_only(s.texts[i], kinds)
        below, above = s.texts[i + 1], s.texts[i - 1]
        if (
            cols is None
            or 2 * len(cols) >= n_figures
            or correction_only(below, kinds) is not None
            or correction_only(above, kinds) is not None
            or not all(_has_figure(below[c]) and _has_figure(above[c]) for c in cols)
            or any(len(normalise.figure_lines(below[c])) >= 2 for c in cols)  # corrected already
        ):
            i += 1
            continue
        r, r_below = s.body_rows[i], s.body_rows[i + 1]
        for c in cols:
            below[c] = f"{s.texts[i][c]}\n{below[c]}"
            s.cells[(r_below, c)] = s.cells.pop((r, c), []) + s.cells.get((r_below, c), [])
        del s.body_rows[i], s.texts[i]
        folded.append(r)
    return folded
