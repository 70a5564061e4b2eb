"""Money typed in whole leva (family R: from 1991, the inflation's years, some offices typed no stotinki:
`3 450` is 3450.00, `67` is 67.00). Read as everywhere else, the last two digits taken for the stotinki,
every amount of such a page came out a hundred times too small (R dev 10001: 8646 read 86.46): the sums
still held, the page's pay was no wage of its year and the whole page went to review; figures of one or two
digits (`67`, `0`) were read as nothing at all.

A page is read in whole leva when its amounts as typed say so, all three:
- no decimal separator: hardly any figure of its money columns shows one before its last two digits
  (``SEPARATED_AT_MOST``);
- its pay read in whole leva is a wage of the page's year (``data/wages.json``, as ``plausibility`` asks),
- and the same pay read with stotinki is none.
The wages' bounds (a quarter of the minimum wage to six times the average) are less than a hundredfold
apart: at most one of the two readings can be a wage. A page whose year is not read stays as it was read.
"""

from __future__ import annotations

from decimal import Decimal

from . import checks
from .columns import PART, SEPARATED
from .normalise import digits, is_dash
from .plausibility import HIGH, LOW, PAY_FIELDS, wages

SEPARATED_AT_MOST = 0.1  # share of the money figures showing a decimal separator a whole-leva page may have
MIN_FIGURES = 3  # pay figures needed to tell a wage


def _is_wage(pay: Decimal, year: int) -> bool:
    low, avg = wages()[year]
    return LOW * low <= pay <= HIGH * avg


def _median(values: list[int]) -> int | None:
    vals = sorted(v for v in values if v > 0)
    return vals[len(vals) // 2] if len(vals) >= MIN_FIGURES else None


def typed_whole(texts: list[list[str]], kinds: list[str | None], year: int | None) -> bool:
    """Are the page's amounts typed in whole leva? ``texts``: the body's cells, ``kinds``: the columns' fields
    as found reading the amounts with stotinki (any pay column found is enough)."""
    if year is None or year not in wages():
        return False
    money_cols = [c for c, k in enumerate(kinds) if k in checks.MONEY or k == PART]
    figures = [t for row in texts for c in money_cols if c < len(row)
               for t in [row[c].strip()] if digits(t) and not is_dash(t)]  # fmt: skip
    if len(figures) < MIN_FIGURES or sum(bool(SEPARATED.search(t)) for t in figures) > SEPARATED_AT_MOST * len(figures):
        return False
    for f in PAY_FIELDS:  # the first pay column found stands for the pay (as ``plausibility`` takes it)
        if f not in kinds:
            continue
        c = kinds.index(f)
        pay = _median([int(d) for row in texts if c < len(row) and 1 <= len(d := digits(row[c])) <= 8])
        if pay is None:
            return False
        return _is_wage(Decimal(pay), year) and not _is_wage(Decimal(pay) / 100, year)
    return False
