"""Counting: which lines of a person's records count, and the totals of service and income.

Records still under review are listed with the mark "за проверка" and are NOT added to the totals;
the totals say how many lines were left out. Method of the service totals (also written into the
JSON as ``method``): every calendar month with days worked > 0 on a counted line is one month of
service; 12 months are one year; the days part of years/months/days is always 0, and the plain sum
of days worked is given beside it.
"""

from __future__ import annotations

import uuid
from collections import Counter
from datetime import UTC, datetime
from decimal import Decimal

from archive_core import egn as egn_mod
from archive_core.config import Settings
from archive_core.errors import NotFoundError, UsageError
from archive_core.records import ReviewState

from .model import (
    INCOME_METHOD,
    OTHER_EGN,
    SERVICE_METHOD,
    TITLES,
    UNDER_REVIEW,
    Certificate,
    CertificateLine,
    Person,
    Totals,
    line_of,
    money,
    period_text,
)
from .queries import load_records


def build(
    settings: Settings,
    kind: str,
    egn: str,
    period_from: tuple[int, int] | None = None,
    period_to: tuple[int, int] | None = None,
) -> Certificate:
    """The certificate's content (no files written)."""
    if kind not in TITLES:
        raise UsageError(f"непознат вид удостоверение {kind!r}: service (стаж) или income (доход)")
    egn = egn.strip()
    if not egn_mod.is_well_formed(egn):
        raise UsageError(f"ЕГН се състои от 10 цифри, а не {egn!r}")
    if period_from and period_to and period_from > period_to:
        raise UsageError(
            f"началото на периода ({period_text(period_from)}) е след края му ({period_text(period_to)})"
        )
    found, possible = load_records(settings, egn, period_from, period_to)
    if not found:
        span = ""
        if period_from or period_to:
            span = f" в периода {period_text(period_from) or '…'} – {period_text(period_to) or '…'}"
        raise NotFoundError(f"няма записи за ЕГН {egn}{span}")

    lines: list[CertificateLine] = []
    for pm, source in found:
        counted = pm.review_state != ReviewState.needs_review
        lines.append(line_of(pm, source, counted=counted, mark="" if counted else UNDER_REVIEW))
    counted_lines = [ln for ln in lines if ln.counted]
    left_out = len(lines) - len(counted_lines)
    names = Counter(pm.name for pm, _ in found if pm.name and pm.review_state != ReviewState.needs_review)
    names = names or Counter(pm.name for pm, _ in found if pm.name)
    person = Person(
        egn=egn, name=names.most_common(1)[0][0] if names else None, birth_date=egn_mod.birth_date(egn)
    )
    left_text = f"Не са включени {left_out} реда за проверка." if left_out else "Всички редове са включени."
    possible_lines = [
        line_of(pm, source, counted=False, mark=OTHER_EGN, egn_read=pm.egn, name_read=pm.name)
        for pm, source in possible
    ]
    if possible_lines:
        left_text += (
            f" Възможни редове на лицето с друго или неразчетено ЕГН: {len(possible_lines)} "
            "(за проверка, не са включени)."
        )
    if kind == "service":
        days = sum(ln.days_worked or 0 for ln in counted_lines)
        months = len({(ln.year, ln.month) for ln in counted_lines if (ln.days_worked or 0) > 0})
        ymd = (months // 12, months % 12, 0)
        totals = Totals(
            lines=len(lines),
            counted_lines=len(counted_lines),
            left_out_under_review=left_out,
            possible_other_egn=len(possible_lines),
            days_worked=days,
            months=months,
            years_months_days=ymd,
            text=(
                f"Общо: {days} отработени дни; стаж {ymd[0]} г. {ymd[1]} м. {ymd[2]} д. "
                f"({months} месеца). {left_text}"
            ),
        )
        method = SERVICE_METHOD
    else:
        gross = sum((ln.gross_pay or Decimal("0") for ln in counted_lines), Decimal("0.00"))
        totals = Totals(
            lines=len(lines),
            counted_lines=len(counted_lines),
            left_out_under_review=left_out,
            possible_other_egn=len(possible_lines),
            gross_pay=gross,
            text=f"Общо брутно възнаграждение: {money(gross)} лв. {left_text}",
        )
        method = INCOME_METHOD
    return Certificate(
        id=uuid.uuid4().hex[:16],
        kind=kind,
        title=TITLES[kind],
        issued_at=datetime.now(UTC).replace(microsecond=0),
        person=person,
        period_from=period_text(period_from),
        period_to=period_text(period_to),
        lines=lines,
        possible_lines=possible_lines,
        totals=totals,
        method=method,
    )
