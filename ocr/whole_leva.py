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
apart: at most one of the two readings can be a wage of one year. A page whose year is not read is read in
whole leva where its pay so read is a wage of some year of the table and read with stotinki of none; where
either could be, its money goes to review (``doubt_unit``).
"""

from __future__ import annotations

import re
from decimal import Decimal

from . import checks
from .columns import PART, SEPARATED
from .normalise import digits, is_dash
from .plausibility import HIGH, LOW, PAY_FIELDS, wages

# a dash for the decimal separator (family K: `1468-02`, `1 468-02`): stotinki typed, as a point or a comma
# says (read as no separator, a K sheet of 1980 whose class column was taken for the gross, `1-88`, went out
# in whole leva: every amount a hundred times too large, the page to review; K dev 3001 p18)
DASH_DECIMAL = re.compile(r"\d\s?[-–—]\s?\d{2}\s*$")
SEPARATED_AT_MOST = 0.1  # share of the money figures showing a decimal separator a whole-leva page may have
MIN_FIGURES = 3  # pay figures needed to tell a wage


def _separated(figure: str) -> bool:
    """The figure shows a decimal separator before its last two digits (a point, a comma, a dash)."""
    return bool(SEPARATED.search(figure) or DASH_DECIMAL.search(figure))


def _is_wage(pay: Decimal, year: int) -> bool:
    low, avg = wages()[year]
    return LOW * low <= pay <= HIGH * avg


def _median(values: list[int]) -> int | None:
    vals = sorted(v for v in values if v > 0)
    return vals[len(vals) // 2] if len(vals) >= MIN_FIGURES else None


WHOLE, STOTINKI, UNKNOWN = "whole", "stotinki", "unknown"


def unit(texts: list[list[str]], kinds: list[str | None], year: int | None) -> str:
    """How the page's amounts are typed: ``WHOLE`` leva, with ``STOTINKI`` (the last two digits, as every
    other page), or ``UNKNOWN``: no separator shown, no year read, and both readings a wage of some year of
    the table (`1910` is 1910 leva in 1991, 19.10 a wage of no year: whole; `8646` a wage of 1995 and 86.46
    of 1985: unknown). ``texts``: the body's cells, ``kinds``: the columns' fields as found reading the
    amounts with stotinki (any pay column found is enough)."""
    money_cols = [c for c, k in enumerate(kinds) if k in checks.MONEY or k == PART]
    figures = [t for row in texts for c in money_cols if c < len(row)
               for t in [row[c].strip()] if digits(t) and not is_dash(t)]  # fmt: skip
    if len(figures) < MIN_FIGURES or sum(_separated(t) for t in figures) > SEPARATED_AT_MOST * len(figures):
        return STOTINKI
    pay = next((p for f in PAY_FIELDS if f in kinds for p in [_pay(texts, kinds.index(f))]), None)
    if pay is None:
        return STOTINKI
    years = [year] if year in wages() else [] if year is not None else list(wages())
    whole = any(_is_wage(pay, y) for y in years)
    stotinki = any(_is_wage(pay / 100, y) for y in years)
    if whole and not stotinki:
        return WHOLE
    return UNKNOWN if whole and year is None else STOTINKI


def _pay(texts: list[list[str]], c: int) -> Decimal | None:
    """The median of column ``c``'s figures read in whole leva (the first pay column stands for the pay, as
    ``plausibility`` takes it)."""
    pay = _median([int(d) for row in texts if c < len(row) and 1 <= len(d := digits(row[c])) <= 8])
    return Decimal(pay) if pay is not None else None


def typed_whole(texts: list[list[str]], kinds: list[str | None], year: int | None) -> bool:
    """Are the page's amounts typed in whole leva (``unit``)?"""
    return unit(texts, kinds, year) == WHOLE


def doubt_unit(drafts: list[checks.RowDraft], present: list[str]) -> None:
    """Every money figure of a page whose amounts' unit nothing tells (``UNKNOWN``: no separator, no year)
    goes to review: read with stotinki they may be a hundred times too small (R dev 10018 p2, its period
    unread: 1877 leva out as 18.77 without a flag)."""
    for d in drafts:
        for f in checks.MONEY:
            if f in present and d.values.get(f) is not None:
                d.review.add(f, checks.PAGE_PLAUSIBILITY)
