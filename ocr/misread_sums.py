"""A row sum that fails by a misread figure, not by a column out of place (issue 9, review load: E dev 501
p14, the net pay column misread on 7 of 13 rows, `347.28` for 847.24, `43.35` for 433.54, sent the whole
page to review as ``layout_unproved``, though every column was placed by its heading and its total).

The layout gate asks the row sums to hold on most rows, because a column taken for another (a day's rate
for the base pay) leaves the sums failing; its figures are then another column's, far from what the
sum needs. A figure misread is near it: the value the row's other figures give for one member of the
failing sum differs from the one read by a digit or two (changed, lost or added). Such a row still
speaks for the columns' places; its figures stay in review for the sum (``checks.ROW_SUM``).
"""

from __future__ import annotations

from decimal import Decimal

from . import checks
from .header import levenshtein

MAX_SLIPS = 2  # digits changed, lost or added between the figure read and the one the sum needs


def _digits(x: Decimal) -> str:
    return "".join(ch for ch in f"{x:.2f}" if ch.isdigit()).lstrip("0") or "0"


def _near(read: Decimal, needed: Decimal) -> bool:
    return needed >= 0 and levenshtein(_digits(read), _digits(needed)) <= MAX_SLIPS


def _fits(v: dict[str, Decimal | None], names: tuple[str, ...]) -> dict[str, Decimal]:
    """What each member of the sum ``names`` (a + b = c) must be for the other two to hold."""
    a, b, c = (v[n] for n in names)
    assert a is not None and b is not None and c is not None
    if names == ("base_pay", "extra_pay", "gross_pay"):
        return {names[0]: c - b, names[1]: c - a, names[2]: a + b}
    return {names[0]: b + c, names[1]: a - c, names[2]: a - b}  # gross - deductions = net


def misread_only(d: checks.RowDraft, present: list[str]) -> bool:
    """Every sum of the row that fails would hold with one of its figures changed by a digit or two (and
    at least one fails)."""
    v = d.money(present)
    failing = [names for ok, names in checks.row_relations(v) if not ok]
    if not failing:
        return False
    for names in failing:
        fits = _fits(v, names)
        if not any(_near(x, fits[n]) for n in names if (x := v[n]) is not None):
            return False
    return True
