"""A spreadsheet printed with its frame (family U): the band of the sheet's column letters (`A`, `B`, `C` ...)
over the heading, boxed, taken by the grid for the table's heading row where the table has no rules of its own
(U dev 13005 p4: the letters read as the headings `А`, `в.`, `с` ..., the real heading's two lines taken for two
rows of people, no column placed by its heading and the page in review whole). The letters name no column: the
heading is the lines under them down to the first person's row. (The frame's row numbers left of the table's
`№` are ``columns._table_numbers``'.)"""

from __future__ import annotations

import re

from . import normalise
from .sheet import Sheet

LETTERS = 0.6  # share of the grid's columns whose heading cell is a lone letter (or nothing) in a letters' band
MIN_LETTERS = 4  # ... and at least this many lone letters
MAX_HEADING_LINES = 4  # lines of the heading under the band at most


def letters_band(headings: list[str]) -> bool:
    """The heading row as read is the frame's column letters: a lone letter (or a mark, or nothing) in every
    cell, most cells a letter, no word anywhere."""
    cells = [re.sub(r"[\W_]", "", h) for h in headings]
    if any(len(c) > 2 for c in cells):
        return False
    lone = sum(len(c) >= 1 for c in cells)
    return lone >= MIN_LETTERS and lone >= LETTERS * len(cells)


def _person(cells: list[str]) -> bool:
    """A row of a person: an ЕГН, or amounts in two cells."""
    ds = [normalise.digits(t) for t in cells]
    return any(len(d) == 10 for d in ds) or sum(len(d) >= 3 for d in ds) >= 2


def _words(cells: list[str]) -> int:
    return sum(bool(re.search(r"[^\W\d_]{3,}", t)) for t in cells)


def take_letters_band(s: Sheet) -> list[int]:
    """Where the heading row read is the frame's letters' band, the rows under it down to the first person's
    (the heading's lines, words in two cells or more among them) made the headings, in place; returns their
    grid rows (none: nothing changed)."""
    if not letters_band(s.headings):
        return []
    n = 0
    while n < min(MAX_HEADING_LINES, len(s.texts) - 1) and not _person(s.texts[n]):
        n += 1
    if n == 0 or sum(_words(row) for row in s.texts[:n]) < 2:
        return []
    lines = s.texts[:n]
    s.headings = [" ".join(t.strip() for t in (row[c] for row in lines) if t.strip()) for c in range(len(s.headings))]
    taken = s.body_rows[:n]
    del s.body_rows[:n]
    del s.texts[:n]
    return taken
