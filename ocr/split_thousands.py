"""Amounts whose thousands the grid cut off: a printer that sets the thousands apart by a space (`24 591,84`)
leaves a gap as wide as a column's on an unruled page, and the grid takes the group for a column of its own
(AK dev 29007 p4: `24` | `591,84`, `7` | `226,49`, `23` | `992,09`). Read apart, every amount lost its thousands
and the row's sums still held on what was left (24591.84 - 9297.35 = 15294.49, so 591.84 - 297.35 = 294.49):
the figures read wrong with no flag. The groups join their figures in the people's rows (``Sheet.texts``
changed in place, after ``columns.identify``); the checks then judge the whole amounts.

A column is taken as a money column's thousands only where it has no kind of its own, stands right before a
money column, holds nothing but groups of one to three digits, and two rows or more put such a group
before a figure of exactly three leva digits and its stotinki (what a group's remainder is); a group
bigger than a day count or a column of days placed elsewhere tells it is no column of days; and two money
columns or more are so cut. A row whose figure is not of three leva digits is left as read (its sums will not
hold)."""

from __future__ import annotations

import re

from . import checks, columns
from .sheet import Sheet

_GROUP = re.compile(r"^\d{1,3}$")
_REMAINDER = re.compile(r"^\d{3}[.,]\d{2}$")  # what is left of an amount of a thousand or more past its group
MAX_DAYS = 31
TARGETS = (*checks.MONEY, columns.PART)


def join_thousands(s: Sheet, kinds: list[str | None]) -> list[int]:
    """Join the thousands' groups to their amounts (``s.texts``); returns the money columns joined to. Two
    money columns or more so cut, or none is joined: a printer sets every amount's thousands apart alike (the
    net of a gross of thousands has thousands too), a lone column of small numbers before one money column
    is a class, a per cent, a count of its own."""
    found: list[tuple[int, list[int]]] = []
    for c in range(len(kinds) - 1):
        if kinds[c] is not None or kinds[c + 1] not in TARGETS:
            continue
        pairs = [(r[c].strip(), r[c + 1].strip()) for r in s.texts if c + 1 < len(r)]
        groups = [a for a, _ in pairs if a]
        if not groups or not all(_GROUP.match(a) for a in groups):
            continue
        if "days_worked" not in kinds and all(int(a) <= MAX_DAYS for a in groups):
            continue  # a column of day counts the identification left without a kind
        whole = [i for i, (a, b) in enumerate(pairs) if a and _REMAINDER.match(b)]
        if len(whole) >= 2:
            found.append((c, whole))
    if len(found) < 2:
        return []
    for c, whole in found:
        for i in whole:
            s.texts[i][c + 1] = f"{s.texts[i][c].strip()} {s.texts[i][c + 1].strip()}"
            s.texts[i][c] = ""
    return [c + 1 for c, _ in found]
