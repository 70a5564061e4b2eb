"""A spreadsheet printed with its frame (family U): the band of the sheet's column letters (`A`, `B`, `C` ...)
over the heading, boxed, taken by the grid for the table's heading row where the table has no rules of its own
(U dev 13005 p4: the letters read as the headings `А`, `в.`, `с` ..., the real heading's two lines taken for two
rows of people, no column placed by its heading and the page in review whole). The letters name no column: the
heading is the lines under them down to the first person's row. (The frame's row numbers left of the table's
`№` are ``columns._table_numbers``'.)"""

from __future__ import annotations

import re

from . import normalise

MIN_LETTERS = 3  # lone letters (or marks read so) at least in a letters' band, the rest of its cells unread
MAX_HEADING_LINES = 4  # lines of the heading under the band at most


def letters_band(headings: list[str]) -> bool:
    """The heading row as read is the frame's column letters: a lone letter (or a mark, or nothing) in every
    cell, three letters at least, no word anywhere."""
    cells = [re.sub(r"[\W_]", "", h) for h in headings]
    if any(len(c) > 2 for c in cells):
        return False
    return sum(len(c) >= 1 for c in cells) >= MIN_LETTERS  # (U dev 13001 p11: `в`, `о`, `с` of 14 read by fax)


AMOUNT = re.compile(r"\d[.,]\d{2}\b")  # a printed amount's stotinki


def _person(cells: list[str]) -> bool:
    """A row of a person (or of sums carried): an ЕГН, a name (two words capitalised), or amounts in two
    cells (a heading's garbled words read as digits are none: U dev 13001 p7, `10311`, `07000`)."""
    ds = [normalise.digits(t) for t in cells]
    named = any(len(re.findall(r"\b[А-Я][а-я]{2,}", t)) >= 2 for t in cells)
    return any(len(d) == 10 for d in ds) or named or sum(bool(AMOUNT.search(t)) for t in cells) >= 2


def _words(cells: list[str]) -> int:
    return sum(bool(re.search(r"[^\W\d_]{3,}", t)) for t in cells)


def heading_lines(headings: list[str], rows: list[list[str]]) -> int:
    """Where the heading row read (``headings``) is the frame's letters' band, how many of the grid's rows
    under it (``rows``, their cells' texts, from the first) are the heading's lines: down to the first
    person's row, a word among them (0: the heading row is the heading)."""
    if not letters_band(headings):
        return 0
    n = 0
    while n < min(MAX_HEADING_LINES, len(rows) - 1) and not _person(rows[n]):
        n += 1
    return n if n and sum(_words(row) for row in rows[:n]) >= 1 else 0
