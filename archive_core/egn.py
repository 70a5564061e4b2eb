"""ЕГН (Bulgarian personal number): YYMMDDRRRC, check digit and decoding. Used by the sample
generator (to make valid ones) and by extraction (to catch and correct misread digits)."""

from __future__ import annotations

import calendar
import re
from datetime import date

WEIGHTS = (2, 4, 8, 5, 10, 9, 7, 3, 6)
PATTERN = r"^\d{10}$"  # the form of an ЕГН (ten digits); validity is ``is_valid``


def check_digit(first9: str) -> int:
    s = sum(int(d) * w for d, w in zip(first9, WEIGHTS, strict=True)) % 11
    return 0 if s == 10 else s


def birth_date(egn: str) -> date | None:
    """The date of birth an ЕГН encodes, or None when the date part is impossible."""
    if len(egn) != 10 or not egn.isdigit():
        return None
    yy, mm, dd = int(egn[0:2]), int(egn[2:4]), int(egn[4:6])
    if 1 <= mm <= 12:
        year = 1900 + yy
    elif 21 <= mm <= 32:
        year, mm = 1800 + yy, mm - 20
    elif 41 <= mm <= 52:
        year, mm = 2000 + yy, mm - 40
    else:
        return None
    try:
        return date(year, mm, dd)
    except ValueError:
        return None


def is_well_formed(egn: str | None) -> bool:
    """Ten digits: the form a query or a form field must have (a misread ЕГН on a page may still
    be searched for); the check digit and the date are ``is_valid``."""
    return egn is not None and re.fullmatch(PATTERN, egn) is not None


def is_valid(egn: str | None) -> bool:
    """The ЕГН's date of birth exists and its check digit is right: the one definition of validity."""
    return (
        is_well_formed(egn)
        and egn is not None
        and birth_date(egn) is not None
        and check_digit(egn[:9]) == int(egn[9])
    )


def is_female(egn: str) -> bool:
    return int(egn[8]) % 2 == 1


def make(born: date, serial: int, female: bool) -> str:
    """A valid ЕГН for a birth date; ``serial`` 0..499 picks the region/sequence digits."""
    mm = born.month + (20 if born.year < 1900 else 40 if born.year >= 2000 else 0)
    rrr = (serial % 500) * 2 + (1 if female else 0)
    first9 = f"{born.year % 100:02d}{mm:02d}{born.day:02d}{rrr:03d}"
    return first9 + str(check_digit(first9))


def days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]
