"""The year of a period whose readings disagree (``ocr.period``: "1991" and "1992", "1980" and "1989"), chosen
by what the page itself says of its year: the people on it and their pay. The period stays in review; the
year shown to the person checking it is the one the page bears out.

- Ages: every valid ЕГН on the page gives its holder's birth date; a year in which one of them would be
  under 15 or over 75 (``ocr.egn_age.WORKING_AGE``) is not the page's year when another reading's is not.
- Wages: the page's median pay (``ocr.plausibility``) against each year's average wage (``data/wages.json``,
  data, not code): a year whose average is at least ``APART`` times nearer the pay than the other years'
  is taken (1991 and 1992: an average wage of 1012 and 2047 leva).

Each choice adds its reason to the period's doubt (``REASONS``: ``period.ages`` and ``period.wages``, in
words on the verification screen by ``archive_api/i18n_reasons.py``)."""

from __future__ import annotations

import math
from decimal import Decimal

from archive_core import egn as egn_mod

from .checks import RowDraft
from .egn_age import WORKING_AGE, age_in
from .header import Header
from .plausibility import median_pay, wages

APART = 1.5  # how many times nearer (as a ratio) one year's average wage must be to the pay than the others'

REASONS: dict[str, str] = {
    "ages": "по ЕГН на лицата в листа годината може да е само {year}: взета {year}",
    "wages": "заплатите в листа (средно {pay} лв.) отговарят на {year} г.: взета {year}",
    "wages_far": "заплатите в листа (средно {pay} лв.) са далеч от заплатите за {read} г. и отговарят на {year} г.: "
    "проверете годината",
}
FAR = (
    3.0  # times off the page's pay a year's average wage must be for a year read without doubt to be doubted
)


def _out_of_age(egns: list[str], year: int, month: int | None) -> int:
    ages = (age_in(e, year, month) for e in egns)
    return sum(1 for a in ages if a is not None and not WORKING_AGE[0] <= a <= WORKING_AGE[1])


def _by_ages(years: list[int], egns: list[str], month: int | None) -> list[int]:
    """The years in which no holder of a valid ЕГН is out of working age (all of them when none is)."""
    fit = [y for y in years if _out_of_age(egns, y, month) == 0]
    return fit or years


def _by_wages(years: list[int], pay: Decimal | None) -> int | None:
    """The one year whose average wage is ``APART`` times nearer the page's pay than every other's."""
    table = wages()
    if pay is None or pay <= 0 or any(y not in table for y in years) or len(years) < 2:
        return None
    far = sorted((abs(math.log(float(pay) / float(table[y][1]))), y) for y in years)
    return far[0][1] if far[1][0] - far[0][0] >= math.log(APART) else None


def choose_year(h: Header, drafts: list[RowDraft], present: list[str]) -> None:
    """Set ``h.year`` to the reading the page's people and pay bear out, with the reason, when its readings
    disagree; else leave it."""
    years = list(h.year_readings)
    if len(years) < 2 or h.period_review is None or h.year is None:
        return
    egns = [v for d in drafts if isinstance(v := d.values.get("egn"), str) and egn_mod.is_valid(v)]
    fit = _by_ages(years, egns, h.month)
    reason = None
    if len(fit) == 1:
        year, reason = fit[0], "ages"
    elif (by_pay := _by_wages(fit, median_pay(drafts, present))) is not None:
        year, reason = by_pay, "wages"
    if reason is None:
        return
    pay = median_pay(drafts, present)
    h.year = year
    h.period_review += "; " + REASONS[reason].format(year=year, pay=pay)


def _one_digit_apart(year: int, years: list[int]) -> list[int]:
    """The years of ``years`` that are ``year`` with one digit read otherwise (1991 for 1994)."""
    return [y for y in years if y != year and len(str(y)) == len(str(year))
            and sum(a != b for a, b in zip(str(y), str(year), strict=True)) == 1]  # fmt: skip


def doubt_year_against_wages(h: Header, drafts: list[RowDraft], present: list[str]) -> None:
    """A year read without doubt whose average wage is ``FAR`` times off the page's pay, where a year one digit
    of it apart fits the pay within ``APART`` times: the period goes to a person, naming that year (AK dev
    29002 p2: a continuation page's running line "1991" read "1994", its pay of about 1100 leva a quarter of
    1994's average wage and 1991's to a tenth; the year is never changed)."""
    table = wages()
    pay = median_pay(drafts, present)
    if h.year is None or h.period_review is not None or h.year not in table or pay is None or pay <= 0:
        return

    def off(y: int) -> float:
        return abs(math.log(float(pay) / float(table[y][1])))

    if off(h.year) < math.log(FAR):
        return
    fits = sorted((off(y), y) for y in _one_digit_apart(h.year, list(table)) if off(y) <= math.log(APART))
    if fits:
        h.period_review = REASONS["wages_far"].format(year=fits[0][1], pay=pay, read=h.year)
