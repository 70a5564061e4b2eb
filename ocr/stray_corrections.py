"""A correction the grid left as a row of its own (issue 9, review load): a clerk typed the new figure
between two rows, above the struck one, and the table's rows (``ocr.tables.group_lines``) did not join
that line to the person's row below it (E dev 503 page 7: `198,96` over a struck `448,96`; E dev 504
page 2). As a row of its own it was a line of figures with no person: every field of it went to review,
and no figure of the page could be vouched for by the columns (the rows below it may have shifted), so
a page of right figures went to a person.

Once the columns' meanings are known, such a line (no row number, no name, no ЕГН, a few figures in
money columns, each over a figure of the person's row below) is put into that row's cells as a
correction over the struck figure, the way a cell holding both reads (`new\\nold`,
``normalise.money_of_cell``): the row's sums and the column totals then check the corrected figure, and
where they do not hold it goes to review as a correction.
"""

from __future__ import annotations

from . import checks, columns, normalise
from .sheet import Sheet

PERSON = ("row", "name", "egn", "position")  # a line with any of these is someone's row
MAX_FIGURES = 3  # corrections on one line between two rows


def _figure_columns(row: list[str], kinds: list[str | None]) -> list[int] | None:
    """The money columns a line of corrections holds figures in (None: the line is anything else)."""
    figures: list[int] = []
    for c, text in enumerate(row):
        if not text.strip():
            continue
        kind = kinds[c] if c < len(kinds) else None
        if kind in checks.MONEY or kind == columns.PART:
            if "\n" in text or len(normalise.digits(text)) < 3:
                return None
            figures.append(c)
        else:  # a person's field, days, a signature or an unplaced column with ink: not a correction line
            return None
    return figures if 1 <= len(figures) <= MAX_FIGURES else None


def _person(row: list[str], kinds: list[str | None]) -> bool:
    return any(row[c].strip() for c, k in enumerate(kinds) if k in PERSON and c < len(row))


def join_corrections(s: Sheet, kinds: list[str | None]) -> int:
    """Lines of corrections with no person put into the row below (``s`` changed in place); how many."""
    if not any(k in PERSON for k in kinds):
        return 0
    joined = 0
    i = 0
    while i < len(s.texts) - 1:
        row, below = s.texts[i], s.texts[i + 1]
        figs = _figure_columns(row, kinds) if not _person(row, kinds) else None
        if figs is None or not _person(below, kinds) or any(not below[c].strip() for c in figs):
            i += 1
            continue
        r, r_below = s.body_rows[i], s.body_rows[i + 1]
        for c in figs:
            below[c] = f"{row[c].strip()}\n{below[c]}"
            s.cells[(r_below, c)] = [*s.cells.get((r, c), []), *s.cells.get((r_below, c), [])]
        del s.texts[i], s.body_rows[i]
        joined += 1
    return joined
