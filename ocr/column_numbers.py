"""The line of column numbers under a printed form's heading (`1 | 2 | 3 | ... | 10`, one number a column,
K dev 3003 p4: its `1` in the `№ по ред` column was taken for the first person's printed number, every
person below it took the number above their own). It is part of the heading, never a person: its grid
row leaves the people's rows, and a row of sums carried in ("От пренос") below it is found again.

A line is the column numbers when most of its cells read as small whole numbers that rise from 1, 2
or 3 one a column (a grid that split a column reads its number twice, K dev 3001 p2: `6 | 6`; one that
joined two skips one; a number misread, K dev 3003 p5: `2 4 4 8 6 7`, K dev 3001 p1: `2 3 4 8 . 8 7 8`,
is left out; columns read empty, K dev 3002 p2, are stepped over), and no cell holds a word (a letter or two is a digit
read as a letter) or a figure longer than a column's number."""

from __future__ import annotations

import re

from . import normalise, sheet
from .geometry import Grid
from .header import levenshtein
from .sheet import Sheet

MAX_NUMBER = 40  # a form has fewer columns than this
MIN_NUMBERS = 4  # cells read as the column's number, at the least
# of the numbers read, those that rise one a column, at the least: on a faint line a few are misread (K dev
# 3001 p11: `4 2 _ _ 6 _ 7 8 9 18`, 1, 5 and 10 misread; a person's line never gets here, its name, ЕГН and
# amounts are longer than a column's number)
RISING = 0.6
# a band this much thinner than the people's rows (its median), under the heading, holds the column numbers
# typed small where short marks fill fewer of its columns (K dev 3007 p2: `2 г з 4 _ _ _ _ 2 28`, the
# numbers of columns 5-8 read empty; taken for the first person's row, its `2` numbered the row 0 and every
# printed number on the page was withheld)
THIN = 0.7
ABOVE = 3  # lines of the heading the grid cut as rows over the column numbers, at the most (W dev 15007 p4: two)
THIN_FILLED = 0.6  # of the columns, at the least, marked in a thin band (in a band of a row's height: 0.8)


def _number(text: str) -> int | None:
    t = text.strip().rstrip(".")
    if not t or sum(ch.isalpha() for ch in t) > 1:
        return None
    n = normalise.integer(t, max_digits=2)
    return n if n is not None and 1 <= n <= MAX_NUMBER else None


def _marks(cells: list[str]) -> list[tuple[int, str]]:
    """Each mark of ``cells`` (whitespace apart) with its place: a cell's place, or one place a mark where
    a grid that joined columns holds two or more of their numbers (K dev 3001 p7: `2 з 4`, `9 10`)."""
    out: list[tuple[int, str]] = []
    place = 0
    for t in cells:
        words = t.split()
        out += [(place + i, w) for i, w in enumerate(words)]
        place += max(1, len(words))
    return out


def is_column_numbers(cells: list[str]) -> bool:
    """``cells`` (one grid row's texts, left to right) are a form's column numbers."""
    filled = [t.strip() for t in cells if t.strip()]
    if len(filled) < MIN_NUMBERS:
        return False
    if _marks_in_every_column(cells):
        return True
    marks = _marks(cells)
    if any(sum(ch.isalpha() for ch in t) > 2 or len(normalise.digits(t)) > 2 for _, t in marks):
        return False  # a word, an ЕГН or an amount: a person's line
    numbers = [(c, n) for c, t in marks if (n := _number(t)) is not None]
    if len(numbers) < MIN_NUMBERS or len(numbers) < 0.7 * len(marks):
        return False
    rising = _rising(numbers)
    return (
        len(rising) >= max(MIN_NUMBERS, RISING * len(numbers))
        and rising[0] <= 3
        and rising[-1] - rising[0] >= (len(rising) - 1) / 2
    )


def _marks_in_every_column(cells: list[str], filled_share: float = 0.8) -> bool:
    """A mark of a character or two in nearly every column and nothing longer, some of them digits: the
    column numbers misread on a faint line (K dev 3018 p4: `4 2 з а 5 5 т з » зе`; taken for a person's
    row, every person below was scored against the one above). A person's line holds a name, an ЕГН or
    amounts, longer than two characters."""
    filled = [t.strip().strip(".,") for t in cells if t.strip()]
    return (
        len(filled) >= max(MIN_NUMBERS, filled_share * len(cells))
        and all(len(t.replace(" ", "")) <= 2 for t in filled)
        and sum(bool(normalise.digits(t)) for t in filled) >= 0.5 * len(filled)
    )


def _rising(numbers: list[tuple[int, int]]) -> list[int]:
    """The longest run of ``numbers`` ((column, number), left to right; some left out) that rises at most
    one a column, and one more (a grid that joined two columns): a number misread (`8` for `5`) is left
    out, a split column's number read twice (`6 | 6`) stays, columns read empty are stepped over."""
    best: list[list[int]] = []
    for i, (c, n) in enumerate(numbers):
        prev = [best[j] for j in range(i) if 0 <= n - numbers[j][1] <= c - numbers[j][0] + 1]
        best.append([*max(prev, key=_longer_lower, default=[]), n])
    return max(best, key=_longer_lower)


def _longer_lower(run: list[int]) -> tuple[int, int]:
    """Runs compared: the longer, and of two as long the one from the lower number (the first column's `1`
    misread as `4` starts a run as long as the one from `2`)."""
    return len(run), -run[0]


def thin_band(grid: Grid, body_rows: list[int]) -> bool:
    """The first of ``body_rows`` is a band thinner than ``THIN`` of the people's rows' (their median)."""
    heights = sorted(grid.ys[r + 1] - grid.ys[r] for r in body_rows[1:] if r + 1 < len(grid.ys))
    if len(heights) < 2 or body_rows[0] + 1 >= len(grid.ys):
        return False
    return grid.ys[body_rows[0] + 1] - grid.ys[body_rows[0]] <= THIN * heights[len(heights) // 2]


def drop_column_numbers(s: Sheet, grid: Grid | None = None) -> int | None:
    """Take the line of column numbers (the first of the people's rows, as the grid found them) out of
    ``s``'s people's rows, in place; returns its grid row (None when the first row is a person's).
    ``grid``: where given, a thin first band (``thin_band``) with short marks in fewer of its columns is
    the column numbers too. A line of the heading over the numbers (``above_numbers``) goes with them, into the headings."""
    if not s.texts:
        return None
    at = _under_heading_lines(s.texts)
    thin = grid is not None and thin_band(grid, s.body_rows) and _marks_in_every_column(s.texts[0], THIN_FILLED)
    if not at and not thin and not is_column_numbers(s.texts[0]):
        return None
    r = s.body_rows[at]
    for cells in s.texts[:at]:  # the heading's lines over them: their words after the headings above them
        _join_headings(s, cells)
    del s.body_rows[: at + 1], s.texts[: at + 1]
    if s.carried_row is None and s.texts:  # "От пренос" under the column numbers: sums carried in
        first = " ".join(s.texts[0])
        if sheet.is_carried_label(first) and not any(len(normalise.digits(w)) == 10 for w in first.split()):
            s.carried_row = s.body_rows.pop(0)
            del s.texts[0]
    return r


def _under_heading_lines(texts: list[list[str]]) -> int:
    """The index of the column numbers' line under up to ``ABOVE`` lines of the heading (``above_numbers``) the
    grid took for rows, with a person's line under it; 0 where there is none such."""
    for at in range(1, min(ABOVE, len(texts) - 2) + 1):
        if not above_numbers(texts[at - 1]):
            break
        if is_column_numbers(texts[at]):
            return at
    return 0


def above_numbers(cells: list[str]) -> bool:
    """``cells`` may be a line of the heading over the column numbers: no figure of three digits or more (no ЕГН,
    no amount, nothing a person's line holds). A line of units (W dev 15001 p1: `лв.` | `ст.` over each pair of
    a split amount's columns, read `8.` | `.` or `18.`), or the heading's lower level where the grid ended the
    heading at a group's rule (W dev 15007 p1: `ЕГН (от л. карта)` | ... under `Начислено` | `Удръжки`). Over
    the column numbers (a person's line is never between the heading and them) it is the heading's."""
    return not any(sum(ch.isdigit() for ch in w) >= 3 for w in " ".join(cells).split())


def _heading_words(text: str) -> bool:
    """A cell's text is words (three letters or more), not a person's name: no word of it capitalised but
    the first, none of them a name's three."""
    words = [w for w in re.findall(r"[^\W\d_]+", text) if len(w) >= 3]
    return bool(words) and len(words) < 3 and not all(w[0].isupper() for w in words[1:] or ["x"])


def is_heading_line(cells: list[str]) -> bool:
    """``cells`` are a heading's last line under a group's rule the grid took for the first row (L dev 4028
    p1: `или служител` | `Общо` under `Работник` and `Възнаграждение`): words in two cells or more and no
    ЕГН, no amount, no more than a few digits (specks read as digits) in any cell, no name."""
    filled = [t.strip() for t in cells if t.strip()]
    if sum(ch.isdigit() for t in filled for ch in t) > 4 or any(re.search(r"\d[.,]\d\d", t) for t in filled):
        return False
    worded = [t for t in filled if any(len(w) >= 3 for w in re.findall(r"[^\W\d_]+", t))]
    words = [w.lower() for t in worded for w in re.findall(r"[^\W\d_]+", t)]
    if any(w == g or (len(g) >= 5 and levenshtein(w, g) <= 1) for w in words for g in sheet.GROUP_WORDS):
        return False  # a department's heading row over its people (`Цех | Механичен`): sheet.group_rows
    return len(worded) >= 2 and all(_heading_words(t) for t in worded)


def join_heading_line(s: Sheet) -> int | None:
    """The first of the people's rows, when it is the heading's last line (``is_heading_line``), taken out of
    them and its words put after the headings above them, in place; returns its grid row (else None)."""
    if len(s.texts) < 3 or not is_heading_line(s.texts[0]):
        return None
    r = s.body_rows.pop(0)
    _join_headings(s, s.texts.pop(0))
    return r


def _join_headings(s: Sheet, cells: list[str]) -> None:
    """The words of a heading's line ``cells`` put after the headings above them, in place."""
    for c, t in enumerate(cells):
        if t.strip() and c < len(s.headings):
            s.headings[c] = f"{s.headings[c]} {t.strip()}".strip()
