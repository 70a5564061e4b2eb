"""A bookkeeping machine's control total: the net pay summed line by line, printed in a column of its own at the
right of each line (family Z: `Контролна сума`, `Салдо (контр.)`, `Натрупано (контр.)`, an Ascota's or a
Robotron's register). It is money in the sheet's format and totalled like pay, but no payroll-page/1 field: taken
for pay, it left no order of the money columns to fit, and the one chosen moved the pay one along (Z dev 18005
p1: the control total read as the deductions, the deductions as an itemised one; Z dev 18006 p1: the net pay
as an itemised deduction).

It is told by what it holds, not by its small pale heading (a bitonal scan drops it out): on most lines its
figure is the line above's plus another money column's on this line, the first line's that column's own. No
column of pay is so: the gross is base plus extra on the same line, never a running sum down the page.
"""

from __future__ import annotations

from decimal import Decimal

from .normalise import amount

HELD = 3  # lines on which the running sum holds, at the least ...
SHARE = 0.5  # ... and this share of the lines it can be checked on


def sums_down(cells: list[str], other: list[str]) -> bool:
    """``cells`` is the running sum of ``other``, line by line: each figure the figure above it plus
    ``other``'s on its line (``other``'s not nought), on ``HELD`` lines at the least and ``SHARE`` of those
    where both figures and the one above are read; the first figure, where read, counts when it is ``other``'s."""
    return _sums_down([amount(t) for t in cells], [amount(t) for t in other])


def _sums_down(values: list[Decimal | None], other: list[Decimal | None]) -> bool:
    """``sums_down`` of the figures as read (None: unread)."""
    held = checked = 0
    above: Decimal | None = None
    first = True
    for x, y in zip(values, other, strict=False):
        if x is None:
            continue
        if first and y:
            checked += 1
            held += x == y
        elif above is not None and y:
            checked += 1
            held += above + y == x
        above, first = x, False
    return held >= HELD and held >= SHARE * checked


def control_columns(cols: list[list[str]], money_cols: list[int]) -> list[int]:
    """The columns of ``money_cols`` that are the running sum of another of them (``sums_down``); each column's
    figures read once, not again for every pair it is tried in (AA dev 19001: 12 money columns, 132 pairs)."""
    values = {c: [amount(t) for t in cols[c]] for c in money_cols}
    return [c for c in money_cols if any(_sums_down(values[c], values[o]) for o in money_cols if o != c)]
