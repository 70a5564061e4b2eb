"""Days worked settled by the calendar where the two readings disagree and only one can be.

Some typefaces' serifed "1" is read as "4" by one model and right by the other ("21" read as 24 and 21,
family H): the two readings disagree and the figure went to a person, though the month settles it. On a
sheet of five-day weeks (every settled row at or under the month's working days) a reading above the
working days is no figure the sheet can carry; where the other reading is the one at or under them and
the two differ in one digit only (the one misread glyph), the readings, the calendar and the sheet's
other rows together vouch for it. Anything else is left as it was (in review). The pay check that runs
after (``plausibility.cross_check``) still doubts days the row's pay does not bear out.
"""

from __future__ import annotations

from collections import Counter

from .checks import LOW_CONFIDENCE, OUT_OF_RANGE, READINGS_DISAGREE, RowDraft
from .plausibility import working_days

MIN_SETTLED = 3  # rows whose days no one doubts, to tell the sheet counts five-day weeks
ONE_READ_AS = ("4", "7")  # a dot-matrix or serifed `1` read so by the models


def _days(d: RowDraft) -> int | None:
    v = d.values.get("days_worked")
    return v if isinstance(v, int) else None


def _one_digit_apart(a: int, b: int) -> bool:
    x, y = str(a), str(b)
    return len(x) == len(y) and sum(p != q for p, q in zip(x, y, strict=True)) == 1


def five_day_weeks(drafts: list[RowDraft], year: int | None, month: int | None) -> int | None:
    """The month's working days when the sheet counts five-day weeks: at least ``MIN_SETTLED`` rows carry
    days no one doubts, none beyond them (else None: Saturdays or calendar days counted, or too few)."""
    if not (year and month):
        return None
    wd = working_days(year, month)
    settled = [x for d in drafts if (x := _days(d)) is not None and "days_worked" not in d.review]
    return wd if len(settled) >= MIN_SETTLED and max(settled) <= wd else None


def settle_by_calendar(drafts: list[RowDraft], year: int | None, month: int | None) -> None:
    """Take the one reading within the month's working days, for the days figures whose two readings
    disagree by one digit and whose other reading is beyond them, on a sheet of five-day weeks."""
    wd = five_day_weeks(drafts, year, month)
    if wd is None:
        return
    for d in drafts:
        first = _days(d)
        if first is None or d.review.reasons.get("days_worked") != READINGS_DISAGREE:
            continue
        readings = {first, *(x for x in d.alts.get("days_worked", []) if isinstance(x, int))}
        fit = [x for x in readings if 1 <= x <= wd]
        if len(fit) != 1 or len(readings) < 2:
            continue
        x = fit[0]
        wide = d.ink_digits.get("days_worked")
        if wide is not None and wide != len(str(x)):
            continue
        if all(y == x or (y > wd and _one_digit_apart(x, y)) for y in readings):
            d.values["days_worked"] = x
            d.review.discard("days_worked")


def vouch_full_months(drafts: list[RowDraft], year: int | None, month: int | None) -> None:
    """Days read unsure that are the full month three ways: the figure is the month's working days (the
    calendar), it is what the sheet's settled rows carry most (``MIN_SETTLED`` or more of them, a third of
    the rows or more: the sheet counts five-day weeks; a settled figure above it is a misread for the pay
    check to find, `24` for 21 on the same page), and the ink is as wide as its digits, with no
    other reading saying otherwise (I dev 910 p1: three people's `21` in November 1981 read with
    confidence 0.4 and not read again, beside nine settled `21`, went to review). A misread that lost or
    changed a digit lands on that one figure by chance only; the pay check after it
    (``plausibility.cross_check``) still doubts days the row's pay does not bear out."""
    if not (year and month):
        return
    wd = working_days(year, month)
    settled = [x for d in drafts if (x := _days(d)) is not None and "days_worked" not in d.review]
    if not settled or settled.count(wd) < max(MIN_SETTLED, len(drafts) / 3) or Counter(settled).most_common(1)[0][0] != wd:
        return
    for d in drafts:
        if _days(d) != wd or d.review.reasons.get("days_worked") not in (LOW_CONFIDENCE, READINGS_DISAGREE):
            continue
        if d.conf.get("days_worked", 0.0) <= 0:
            continue  # (the figure is the second model's alone)
        if any(x != wd for x in d.alts.get("days_worked", [])) or d.ink_digits.get("days_worked") != len(str(wd)):
            continue
        d.review.discard("days_worked")



def doubt_beyond_calendar(drafts: list[RowDraft], year: int | None, month: int | None) -> None:
    """Days above the month's working days that are those days with a `1` read `4` or `7` (AK dev 29001 p3: April
    1994's 21 days printed by a 9-pin printer and read `24` on eight rows, none doubted): in review as out of range,
    a person tells whether the sheet counts Saturdays. Only with the period read sure (the caller's)."""
    if not (year and month):
        return
    wd = str(working_days(year, month))
    for d in drafts:
        x = _days(d)
        if x is None or "days_worked" in d.review or len(str(x)) != len(wd) or x <= int(wd):
            continue
        changed = [(p, q) for p, q in zip(wd, str(x), strict=True) if p != q]
        if len(changed) == 1 and changed[0][0] == "1" and changed[0][1] in ONE_READ_AS:
            d.review.add("days_worked", OUT_OF_RANGE)
