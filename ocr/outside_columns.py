"""Columns a payroll prints that are no payroll-page/1 field yet look like one (issue 9, family K): a day's
rate (`Дневна ставка`, `Надник`: an amount, what the base pays a day, never totalled) looks like money,
a class for years of service (`Клас %`, `Процент за клас`: 0-30) looks like days. Taken for pay, the rate
pushed every money column one field along and some row sums still held "somewhere" (K dev 3003 p1: the
rate as base pay, the base as additional pay, ... none flagged); taken for days, the class sent the days
out wrong. Sums that hold somewhere are not enough: a column whose heading names a rate or a class, or
that has no figure in the `Всичко` row while the other money columns have one, is no pay column unless
the sums need it; the one left in place unchecked goes to review (``doubt_untotalled``)."""

from __future__ import annotations

import re
from collections import Counter

from . import checks
from .header import levenshtein
from .normalise import digits, money

# a day's rate (`ставка` alone is any pay: `Тарифна ставка`, `Заработено по ставка`)
RATE_WORDS = ("дневна", "дневни", "надник", "надница")
CLASS_WORDS = ("клас", "процент", "прослужени", "стаж")  # a class for years of service
PAY_FIELDS = (*checks.MONEY, "deduction_part")


def _near(w: str, key: str) -> bool:
    """The word is the key, misread by one letter at most (a key of five letters or more)."""
    return w == key or (len(key) >= 5 and abs(len(w) - len(key)) <= 1 and levenshtein(w, key) <= 1)


def named_not_pay(heading: str) -> bool:
    """The heading names the norm's fulfilment (`Изпълнение на нормата %`) or a worker's grade (`Тарифен
    разряд`), or a day's rate (`Дневна ставка`, `Ставка на ден`, `Надник`) or a class for years
    of service (`Клас %`, `Процент за клас`, `Клас за стаж`), and no pay field (`Клас, премии, добавки` is
    additional pay, `Заработено по ставка` the base)."""
    from .columns import GRADE, NORM, heading_votes  # (columns asks this module: imported late)

    words = re.findall(r"[а-яА-Я]+", heading.lower())
    votes = heading_votes(heading)
    if any(votes.get(f) for f in (*PAY_FIELDS, "days_worked")):  # (`Отработени дни` misread `дневно`)
        return False
    if votes.get(NORM) or votes.get(GRADE):  # the norm's fulfilment in per cent, a worker's grade (family R)
        return True
    rate = any(_near(w, k) for w in words for k in RATE_WORDS) or ("ставка" in words and "ден" in words)
    klass = any(_near(w, k) for w in words for k in CLASS_WORDS) or ("%" in heading and not votes)
    return rate or klass


def _has_figure(text: str) -> bool:
    return money(text) is not None


def untotalled(totals: list[str] | None, c: int, money_cols: list[int]) -> bool:
    """The `Всичко` row has no figure under column ``c`` while two other money columns have one there."""
    if not totals or c >= len(totals) or _has_figure(totals[c]):
        return False
    others = sum(1 for o in money_cols if o != c and o < len(totals) and _has_figure(totals[o]))
    return others >= 2


def repeats(cells: list[str]) -> int:
    """How often the column's most common figure comes: most people work the month's every working day,
    so days repeat; a class for years of service differs from person to person."""
    figures = [digits(t) for t in cells if digits(t)]
    return Counter(figures).most_common(1)[0][1] if figures else 0


def doubt_untotalled(
    drafts: list[checks.RowDraft], kinds: list[str | None], totals: list[str] | None, headings: list[str]
) -> list[str]:
    """A money field whose column has no figure in the `Всичко` row while the other money columns have one,
    whose heading does not name it, and whose row sums hold on fewer than half of the rows (a day's rate
    placed as pay because some sums held "somewhere"): nothing vouches for the column's place, its figures
    go to review on every row; returns those fields. A total the reader missed under a column whose
    sums hold on most rows (A dev 101 p1: the deductions' total unread, its heading read `Бани`) is no
    doubt."""
    from .columns import heading_votes

    placed = [c for c, k in enumerate(kinds) if k in checks.MONEY]
    out = [str(kinds[c]) for c in placed if untotalled(totals, c, placed)
           and not (c < len(headings) and heading_votes(headings[c]).get(str(kinds[c])))
           and not _sums_hold_mostly(drafts, str(kinds[c]), [str(k) for k in kinds if k])]  # fmt: skip
    for d in drafts:
        d.review.update(out, reason=checks.COLUMN_UNCHECKED)
    return out


def _sums_hold_mostly(drafts: list[checks.RowDraft], f: str, present: list[str]) -> bool:
    """A row sum through ``f`` holds on half of the rows that have a figure for it, or more."""
    rows = [d for d in drafts if d.values.get(f) is not None]
    held = sum(1 for d in rows if any(ok and f in names for ok, names in d.sums(present)))
    return bool(rows) and 2 * held >= len(rows)


def doubt_days_between_two(
    drafts: list[checks.RowDraft], kinds: list[str | None], texts: list[list[str]], headings: list[str]
) -> bool:
    """The days placed where no heading names them while another column left unplaced holds day-like
    figures (1-31) on half of the rows or more right of the names, its heading naming nothing else (a class for years of
    service, 0-30 %, with its heading unread: K dev 3002 p1 took it for the days, every figure wrong and
    none flagged): which of the two are the days, nothing says; the days go to review on every row. Not
    where the placed days repeat as days do and the other column's figures do not (``_days_repeat_clearly``)."""
    from .columns import _day_like, heading_votes

    if "days_worked" not in kinds or not texts:
        return False
    days = kinds.index("days_worked")
    if days < len(headings) and heading_votes(headings[days]).get("days_worked"):
        return False
    person = max((c for c, k in enumerate(kinds) if k in ("name", "egn")), default=-1)
    for c, k in enumerate(kinds):
        if k is not None or c == days or c < person:  # (row numbers left of the names are day-like too)
            continue
        heading = headings[c] if c < len(headings) else ""
        if heading_votes(heading) or named_not_pay(heading):
            continue
        cells = [row[c] if c < len(row) else "" for row in texts]
        if _day_like(cells) >= max(2, 0.5 * len(cells)) and not _days_repeat_clearly(texts, days, cells):
            for d in drafts:
                if d.values.get("days_worked") is not None:
                    d.review.add("days_worked", checks.COLUMN_AMBIGUOUS)
            return True
    return False


def _days_repeat_clearly(texts: list[list[str]], days: int, other: list[str]) -> bool:
    """The placed days column's most common figure (the month's working days) is on half of its figures
    or more, and twice as often as the other column's most common one: the days, as most people work
    the whole month (K dev 3004 p1: `23` five times of eight beside a class whose figures all differ)."""
    cells = [row[days] if days < len(row) else "" for row in texts]
    figures = sum(1 for t in cells if digits(t))
    top = repeats(cells)
    return figures > 0 and 2 * top >= figures and top >= 2 * repeats(other)
