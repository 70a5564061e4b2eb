"""payroll-page/1 rows -> PersonMonth records (one per person and month on a page)."""

from __future__ import annotations

from decimal import Decimal

from archive_core.records import MONEY_FIELDS, PayrollPage, PersonMonth, ReviewReason, ReviewState

# The archive's sheets cover 01.1980 - 12.1996 (domain.md); a period outside that was misread.
FIRST_YEAR, LAST_YEAR = 1980, 1996


def period_review(page: PayrollPage) -> list[str]:
    """Period fields a person must check: missing, a year outside the archive's range, or the whole period
    when the reader doubted it (``period.review``: read unsure and not confirmed by a second reading)."""
    flags: list[str] = []
    year = page.period.year
    if year is None or not FIRST_YEAR <= year <= LAST_YEAR or page.period.review:
        flags.append("year")
    if page.period.month is None or page.period.review:
        flags.append("month")
    return flags


def _money(value: str | None) -> Decimal | None:
    return Decimal(value) if value is not None else None


def person_months(
    page: PayrollPage,
    *,
    page_sha256: str,
    employer: str | None,
    file_no: str | None,
    box: str | None,
) -> list[PersonMonth]:
    """One record per row, in reading order. ``employer`` is the batch's; the printed name is used
    when the batch has none. A row with anything in ``review`` needs review as a whole; so does
    every row of a page whose period is missing or implausible (it would count in the wrong month)."""
    out: list[PersonMonth] = []
    period_flags = period_review(page)
    for i, row in enumerate(page.rows):
        review = list(row.review or [])
        review += [f for f in period_flags if f not in review]
        reasons = {f: r for f, r in (row.review_reasons or {}).items() if f in review}
        for f in review:
            if f not in reasons and page.page_review is not None:
                reasons[f] = ReviewReason(reason=page.page_review.reason)
            elif f in period_flags and f not in reasons:
                reasons[f] = ReviewReason(reason="period", bbox=page.period.bbox)
        out.append(
            PersonMonth(
                id=PersonMonth.make_id(page_sha256, i),
                page_sha256=page_sha256,
                row_index=i,
                row_no=row.row,
                egn=row.egn,
                name=row.name,
                position=row.position,
                employer=employer or page.employer.name,
                file_no=file_no,
                box=box,
                year=page.period.year,
                month=page.period.month,
                sheet=page.sheet,
                days_worked=row.days_worked,
                review=review,
                review_reasons=reasons,
                review_state=ReviewState.needs_review if review else ReviewState.ok,
                bbox=row.bbox,
                **{f: _money(getattr(row, f)) for f in MONEY_FIELDS},
            )
        )
    return out
