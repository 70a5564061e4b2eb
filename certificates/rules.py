"""The counting rules of certificates, in one place: which days and months count, and how they add up.
The rules' text (``CountingRules.text``) is printed on every certificate; change the rules here (or
pass another ``CountingRules`` to ``certificates.build``/``issue``), never in the counting code.

Working days of a month (the measure of a full month): Monday to Friday less the Bulgarian public
holidays of that year that fall on a weekday, from the ``holidays`` library (its Bulgarian calendar
begins in 1991); for 1980-1990 no holidays are subtracted (a plain 5-day week) unless listed in
``extra_holidays``. ``calendar="five_day_week"`` drops the holidays altogether.

One person-month:
- a month with fewer days worked (all employers of that month together) than its working days is
  not a full month: it adds its days, not a month;
- two readings of the same sheet (a re-scan or a copy: same employer, year and month, and the same
  sheet number or the same row content) are ONE month: its days are counted once; where the readings
  differ both are listed as a conflict and neither counts until the clerk chooses one;
- a supplementary payroll of the same month (another sheet of the same employer and month) adds its
  income but not its days: the days are those of the main sheet (the one with the most days).
"""

from __future__ import annotations

import calendar as calendar_mod
from datetime import date
from functools import lru_cache
from typing import Literal

import holidays
from pydantic import BaseModel, ConfigDict, Field

MONTH_RULE = (
    "Месец с по-малко отработени дни от работните дни на месеца не е пълен месец: зачитат се дните му."
)
COPY_RULE = (
    "Два прочита на една и съща ведомост (повторно сканиране или копие: същият работодател, месец и "
    "номер на ведомост или същото съдържание на реда) са един месец: дните не се събират два пъти; "
    "ако прочитите се различават, и двата са показани като противоречие и не се зачитат, докато "
    "служител не избере верния."
)
SUPPLEMENTARY_RULE = (
    "Допълнителна ведомост за същия месец (друга ведомост на същия работодател, или без отработени дни) "
    "добавя доход, но не и дни."
)


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[date]:
    return frozenset(holidays.country_holidays("BG", years=year))


class CountingRules(BaseModel):
    """The rules a certificate counts by. Frozen: a certificate states exactly the rules it used."""

    model_config = ConfigDict(frozen=True)

    calendar: Literal["bg_holidays", "five_day_week"] = Field(
        "bg_holidays",
        description="working days: Mon-Fri less Bulgarian public holidays (library, 1991 on), or Mon-Fri only",
    )
    extra_holidays: tuple[date, ...] = Field(
        (), description="more non-working weekdays (e.g. holidays before 1991 the library does not list)"
    )
    days_per_month: int | None = Field(
        None,
        ge=1,
        le=31,
        description="convert the days of partial months into months at this many days; None: keep them as days",
    )

    def working_days(self, year: int, month: int) -> int:
        """Working days of the month under these rules."""
        days_n = calendar_mod.monthrange(year, month)[1]
        off = set(self.extra_holidays)
        if self.calendar == "bg_holidays":
            off |= _public_holidays(year)
        return sum(
            1 for d in range(1, days_n + 1) if (day := date(year, month, d)).weekday() < 5 and day not in off
        )

    def is_full_month(self, year: int, month: int, days: int) -> bool:
        return days >= self.working_days(year, month)

    def years_months_days(self, full_months: int, partial_days: int) -> tuple[int, int, int]:
        """Service as years, months and days: full months 12 to the year; the days of partial months
        stay days (or, with ``days_per_month``, every so many days make one more month)."""
        months, days = full_months, partial_days
        if self.days_per_month:
            months += days // self.days_per_month
            days %= self.days_per_month
        return months // 12, months % 12, days

    def text(self) -> str:
        """The rules as printed on the certificate (Bulgarian)."""
        if self.calendar == "bg_holidays":
            cal = (
                "Работни дни на месеца: от понеделник до петък без официалните празници в Република "
                "България (за 1980–1990 г.: само от понеделник до петък)"
            )
        else:
            cal = "Работни дни на месеца: от понеделник до петък (петдневна работна седмица)"
        if self.extra_holidays:
            cal += "; неработни са и " + ", ".join(f"{d:%d.%m.%Y}" for d in self.extra_holidays)
        conv = (
            f"Дните на непълните месеци се превръщат в месеци по {self.days_per_month} дни."
            if self.days_per_month
            else "Дните на непълните месеци се посочват като дни."
        )
        return " ".join(
            [
                cal + ".",
                MONTH_RULE,
                "Пълните месеци се събират, 12 месеца са една година.",
                conv,
                COPY_RULE,
                SUPPLEMENTARY_RULE,
                "Редове за проверка не се зачитат.",
            ]
        )


DEFAULT_RULES = CountingRules()
