"""A line of corrections the grid left as a row of its own (issue 9): a clerk typed or wrote the new figure
between two rows, above the struck one, and the table's rows (``ocr.tables.group_lines``) did not join
that line to the person's row below it (E dev 503 page 7: `198,96` over a struck `448,96`; E dev 504
page 2; G dev 702 p8: `282.60` over a struck `282.50`). Left a row, it was a line of figures with no
person: every field of it went to review or out as a row, its figure counted in its column (which then
could not add up, so no figure of the page could be vouched for), and the struck figure stood for the
person.

A line between rows that holds only a correction belongs to the figure it corrects: its cells go on top
of the person's cells below it, the way a cell holding both reads (`new\\nold`;
``normalise.money_of_cell`` takes the upper figure and marks it corrected, ``checks.run_checks`` lets a
corrected figure stand only where a sum vouches for it), and the line is no row any more.

Never two people in one row. A line is folded only when no person's field (number, name, ЕГН, position)
holds ink on it and it holds nothing but figures in columns of figures, and either
- it is a few typed corrections over a person's figures: at most ``MAX_TYPED`` figures of three digits or
  more in money columns (or itemised deductions), no other ink on the line, the row below is a
  person's with a figure in each of those columns, and a person's line above it has ink in each of them
  too (figures a person's line above lacks are its own, split off); or
- it lies between two rows whose figures it could correct: fewer figures than half the columns of figures
  (a person whose name and ЕГН a stamp hid has figures in every column), the lines above and below both
  have a figure in each of its columns (it corrects one, and is not the line above's own figures, split
  off), and the figure below is not corrected already.
"""

from __future__ import annotations

from . import checks, columns, normalise
from .sheet import Sheet

PERSON = ("row", "name", "egn", "position")  # a line with any of these is someone's row
FIGURES = ("days_worked", *checks.MONEY)  # the columns of figures a line between two rows may correct
TYPED = (*checks.MONEY, columns.PART)  # the columns a typed correction over a person's row may stand in
MAX_TYPED = 3  # typed corrections on one line between two rows


def _text(row: list[str], c: int) -> str:
    return row[c].strip() if c < len(row) else ""


def _person(row: list[str], kinds: list[str | None]) -> bool:
    return any(_text(row, c) for c, k in enumerate(kinds) if k in PERSON)


def _figure(text: str) -> bool:
    return len(normalise.digits(text)) >= 1 and not any(ch.isalpha() for ch in text)


def _has_figure(text: str) -> bool:
    return bool(normalise.figure_lines(text)) or (len(normalise.digits(text)) >= 1 and len(text.strip()) <= 3)


def _speck(text: str) -> bool:
    """A cell whose reading is one character at most: a speck or a stroke of the rule read as a letter
    (`р` in the ЕГН column of J dev 1003 p2's line of a typed correction), no one's word or number."""
    return sum(ch.isalnum() for ch in text) <= 1 and len(text) <= 2


def correction_only(row: list[str], kinds: list[str | None]) -> list[int] | None:
    """The columns of figures (days, money) a line holds, when figures in those columns are all it holds
    (ink that is no letter or digit elsewhere aside)."""
    cols: list[int] = []
    for c, kind in enumerate(kinds):
        t = _text(row, c)
        if not t or (kind not in (*FIGURES, "row") and _speck(t)):  # (a row number of one digit is no speck)
            continue
        if kind in FIGURES and _figure(t):
            cols.append(c)
        elif kind in PERSON or kind in FIGURES or any(ch.isalnum() for ch in t):
            return None  # a person's word, or ink in a column of figures that is no figure
    return cols or None


def _typed_over_person(row: list[str], below: list[str], kinds: list[str | None]) -> list[int] | None:
    """The money columns of a line of a few typed corrections over figures of the person's row below it."""
    cols: list[int] = []
    for c, text in enumerate(row):
        if not text.strip():
            continue
        if (
            (kinds[c] if c < len(kinds) else None) not in TYPED
            or "\n" in text
            or len(normalise.digits(text)) < 3
        ):
            return None  # a person's field, days, a signature, an unplaced column with ink, or no figure
        cols.append(c)
    if not 1 <= len(cols) <= MAX_TYPED or not _person(below, kinds):
        return None
    return cols if all(_text(below, c) for c in cols) else None


def _between_rows(
    above: list[str], row: list[str], below: list[str], kinds: list[str | None]
) -> list[int] | None:
    """The columns of a line of corrections between two rows that both have figures there."""
    cols = correction_only(row, kinds)
    if (
        cols is None
        or 2 * len(cols) >= sum(1 for k in kinds if k in FIGURES)
        or correction_only(below, kinds) is not None
        or correction_only(above, kinds) is not None
        or not all(_has_figure(below[c]) and _has_figure(above[c]) for c in cols)
        or any(len(normalise.figure_lines(below[c])) >= 2 for c in cols)  # corrected already
    ):
        return None
    return cols


def fold_correction_lines(s: Sheet, kinds: list[str | None]) -> list[int]:
    """Put each line of corrections on top of the person's row below it (``s`` changed in place: cells,
    texts and body rows); returns the grid rows folded away."""
    folded: list[int] = []
    i = 0
    while i < len(s.texts) - 1:
        row, below = s.texts[i], s.texts[i + 1]
        cols = _typed_over_person(row, below, kinds)
        above = s.texts[i - 1] if i > 0 else None
        if (
            cols is not None
            and above is not None
            and _person(above, kinds)
            and not all(_text(above, c) for c in cols)
        ):
            cols = None  # figures a person's line above lacks: its own, split off, not a correction
        if cols is None and above is not None:
            cols = _between_rows(above, row, below, kinds)
        if cols is None:
            i += 1
            continue
        r, r_below = s.body_rows[i], s.body_rows[i + 1]
        for c in cols:
            below[c] = f"{row[c].strip()}\n{below[c]}"
            s.cells[(r_below, c)] = s.cells.pop((r, c), []) + s.cells.get((r_below, c), [])
        del s.texts[i], s.body_rows[i]
        folded.append(r)
        i = max(i - 1, 0)  # the line above has a new row below it: a correction over the correction
    return folded
