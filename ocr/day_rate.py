"""Days worked settled by the day's rate printed beside them (issue 9, family K: `Дневна ставка`, `Надник`).

The rate is what the base pay (the gross where the sheet has no base) pays a day worked, to the stotinka:
rate = pay / days. Its column is no payroll-page/1 field (``outside_columns`` keeps it out of the money),
yet on every row it binds the days to the pay. K dev 3001 p8 (a typewriter whose `1` the digits model
reads as `4`): `21` beside a rate of `127,26` and a pay of `2 672,39`, read 24 by one model and 2 by the
other, went to review on six rows; on one row both models read 24 and it went out wrong without a flag.

A column no field was placed in is the rate only where it proves itself: on ``MIN_FIT`` rows or more, and
on most rows where the column and a pay no check doubts were read, pay / rate is a whole number of days
(1-31) at which pay / days is the rate to within half a stotinka (by chance a figure of four or five
digits does that on one row in a hundred or so; on three, never). Then on each row where the pay and
the rate give a number of days:

- days in doubt (two readings disagree, read unsure) are that number where the pay is in no doubt and
  every reading is that number or it misread by one glyph (`24` or `2` for 21), out of review;
- days no one doubted that are another number go to review (``checks.OUT_OF_RANGE``, as days that do
  not fit the pay): the misread both models made alike.

A row whose rate was not read, or whose pay and rate give no whole number of days, is left as it was
(the rate misread itself: `81,44` for 81,41).
"""

from __future__ import annotations

from decimal import Decimal

from . import checks
from .normalise import money

MIN_FIT = 3  # rows on which pay / days is the column's figure, at the least
MAX_DAYS = 31
HALF_STOTINKA = Decimal("0.005")
UNSURE = (checks.READINGS_DISAGREE, checks.LOW_CONFIDENCE)


def _fits(pay: Decimal, days: int, rate: Decimal) -> bool:
    return days > 0 and abs(pay / days - rate) <= HALF_STOTINKA


def _pay_field(kinds: list[str | None]) -> str | None:
    return "base_pay" if "base_pay" in kinds else "gross_pay" if "gross_pay" in kinds else None


def _pay(d: checks.RowDraft, f: str) -> Decimal | None:
    p = d.dec(f)
    return p if p is not None and p > 0 and f not in d.review else None


def _days(d: checks.RowDraft) -> int | None:
    v = d.values.get("days_worked")
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def _rates(texts: list[list[str]], c: int) -> list[Decimal | None]:
    out: list[Decimal | None] = []
    for row in texts:
        v = money(row[c]) if c < len(row) else None
        out.append(Decimal(v) if v is not None and Decimal(v) > 0 else None)
    return out


def _implied(pay: Decimal | None, rate: Decimal | None) -> int | None:
    """The days the pay and the rate give: the whole number of days at which pay / days is the rate to
    within half a stotinka (None where there is none in a month)."""
    if pay is None or rate is None:
        return None
    x = int((pay / rate).to_integral_value())
    return x if 1 <= x <= MAX_DAYS and _fits(pay, x, rate) else None


def implied_days(
    drafts: list[checks.RowDraft], kinds: list[str | None], texts: list[list[str]]
) -> list[tuple[int, bool] | None] | None:
    """Each row's days as its pay and its day's rate give them, and whether no check doubts the pay (None
    where they give none), from the one column no field was placed in that proves itself the rate (see
    the module's doc); None without one."""
    f = _pay_field(kinds)
    if f is None or "days_worked" not in kinds or len(texts) != len(drafts):
        return None
    best: tuple[int, list[tuple[int, bool] | None]] | None = None
    for c, k in enumerate(kinds):
        if k is not None:
            continue
        rates = _rates(texts, c)
        sure = [_pay(d, f) for d in drafts]
        fit = sum(_implied(p, r) is not None for p, r in zip(sure, rates, strict=True))
        tried = sum(p is not None and r is not None for p, r in zip(sure, rates, strict=True))
        if fit < MIN_FIT or 2 * fit <= tried or (best is not None and fit <= best[0]):
            continue
        implied: list[tuple[int, bool] | None] = []
        for d, r, p in zip(drafts, rates, sure, strict=True):
            x = _implied(d.dec(f), r)
            implied.append(None if x is None else (x, p is not None))
        best = (fit, implied)
    return best[1] if best else None


def _misread_of(x: int, readings: set[int]) -> bool:
    """Every reading is ``x`` or ``x`` misread by one glyph: one digit changed (`24` for 21) or lost
    (`2` for 21)."""
    t = str(x)

    def near(y: int) -> bool:
        u = str(y)
        if len(u) == len(t):
            return sum(a != b for a, b in zip(t, u, strict=True)) <= 1
        return len(u) == len(t) - 1 and any(t[:i] + t[i + 1 :] == u for i in range(len(t)))

    return bool(readings) and all(near(y) for y in readings)


def settle_days(drafts: list[checks.RowDraft], kinds: list[str | None], texts: list[list[str]]) -> None:
    """Days in doubt settled by the rate and the pay, days they contradict sent to review (in place)."""
    implied = implied_days(drafts, kinds, texts)
    if implied is None:
        return
    for d, given in zip(drafts, implied, strict=True):
        days = _days(d)
        if given is None or days is None:
            continue
        x, sure = given
        readings = {days, *(y for y in d.alts.get("days_worked", []) if isinstance(y, int) and not isinstance(y, bool))}
        if "days_worked" in d.review:
            if sure and d.review.reasons.get("days_worked") in UNSURE and _misread_of(x, readings):
                d.values["days_worked"] = x
                d.review.discard("days_worked")
        elif days != x:
            d.review.add("days_worked", checks.OUT_OF_RANGE)
