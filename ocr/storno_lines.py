"""A line a bookkeeping machine's operator got wrong, reversed by a storno line and printed again right
(family Z: a big enterprise's payroll printed line by line on a continuous form): the wrong line is printed
with no row number, the storno line under it repeats its figures (each followed by "-", in the ribbon's red
half, which the digits model reads without the sign) and sets the machine's running control total back where
it was, and the person's line follows with the next row number. Neither the wrong nor the storno line is a
person's row (Z dev 18001 p5, 18002 p1: each pair read as two more people, the numbers then no longer ran 1,
2, 3 with the rows and the page went to review whole as ``layout_unproved``).

Two neighbouring lines are taken out of the people's rows only where all of this holds: neither has a row
number printed; their figures mirror each other (the figure columns holding digits on both read the same
digits but for one digit misread, three such at the least; one other, or one in three of those alike,
allowed); and the sheet itself proves the pair stands outside the people's rows: the row numbers step by one across it (n on the line above, n + 1 on the line after), or a
column of running totals reads the same on the storno line as on the line above the wrong one (the control
total back where it was) and another figure on the wrong line. Two people of one pay are two numbered lines,
so no person's row is ever taken for a pair.
"""

from __future__ import annotations

from . import normalise, rownumbers
from .header import levenshtein
from .sheet import Sheet

MIRRORED = 3  # figure columns reading the same digits on both lines, at the least
MISREAD = 1  # figure columns allowed to differ (one misread figure; one in three of those alike where more,
# a column the grid cut through a figure cutting both lines' figures at another digit: Z dev 18005 p2)
LEAST = 3  # people's lines on the sheet for the rule to look at it
NOT_FIGURES = ("row", "name", "egn", "position", "signature")  # columns that hold no figure of the pay
FIGURES = ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay", "deduction_part", "days_worked")


def _number(text: str) -> int | None:
    """A row number as printed (zero-padded on some files: "07" is 7)."""
    return normalise.integer(text) if not any(ch.isalpha() for ch in text) else None


def _mirrored(a: list[str], b: list[str], kinds: list[str | None]) -> bool:
    """The figures of two lines read the same digits (the storno line's sign aside)."""
    same = differ = 0
    for c, k in enumerate(kinds):
        if k not in FIGURES or c >= len(a) or c >= len(b):
            continue
        da, db = normalise.digits(a[c]), normalise.digits(b[c])
        if not da or not db:
            continue
        if levenshtein(da, db) <= 1:  # (the storno line's red print read a digit off now and then)
            same += 1
        else:
            differ += 1
    return same >= MIRRORED and differ <= max(MISREAD, same // 3)


def _numbers_step(s: Sheet, c: int, i: int) -> bool:
    """The row numbers step by one across the lines ``i`` and ``i + 1``."""
    if i < 1 or i + 2 >= len(s.texts):
        return False
    before, after = _number(s.texts[i - 1][c]), _number(s.texts[i + 2][c])
    return before is not None and after is not None and after == before + 1


def _control_back(s: Sheet, kinds: list[str | None], i: int) -> bool:
    """A column of running totals (its kind unknown, or ``control``) reads on the storno line ``i + 1`` what it
    read on the line above the wrong one, and another figure on the wrong line ``i``."""
    if i < 1:
        return False
    above, wrong, storno = s.texts[i - 1], s.texts[i], s.texts[i + 1]
    for c, k in enumerate(kinds):
        if k not in (None, "control") or c >= min(len(above), len(wrong), len(storno)):
            continue
        da, dw, ds = (normalise.digits(t[c]) for t in (above, wrong, storno))
        if len(da) >= 3 and len(dw) >= 3 and da == ds and dw != da:
            return True
    return False


def storno_pairs(s: Sheet, kinds: list[str | None]) -> list[int]:
    """The indices (of ``s.texts``) of the wrong lines whose storno line follows them."""
    c = rownumbers.row_column(s, kinds)
    if c is None or len(s.texts) < LEAST:
        return []
    out: list[int] = []
    i = 0
    while i + 1 < len(s.texts):
        wrong, storno = s.texts[i], s.texts[i + 1]
        unnumbered = not normalise.digits(wrong[c]) and not normalise.digits(storno[c])
        if (unnumbered and _mirrored(wrong, storno, kinds)
                and (_numbers_step(s, c, i) or _control_back(s, kinds, i))):  # fmt: skip
            out.append(i)
            i += 2
        else:
            i += 1
    return out


def drop_storno_pairs(s: Sheet, kinds: list[str | None]) -> list[int]:
    """Take every wrong line and its storno line out of ``s``'s people's rows, in place; returns their grid
    rows."""
    gone = [j for i in storno_pairs(s, kinds) for j in (i, i + 1)]
    rows = [s.body_rows[i] for i in gone]
    for i in reversed(gone):
        del s.body_rows[i], s.texts[i]
    return rows
