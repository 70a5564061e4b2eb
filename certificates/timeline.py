"""A person's timeline: every month from the first record to the last, across employers, in order;
a month with no record in between is a gap. Each record names its page (sha256) and row, one click
from the page image."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select

from archive_core import egn as egn_mod
from archive_core.db import Database, Page, Record, person_month_from_record
from archive_core.errors import NotFoundError, UsageError


@dataclass(frozen=True)
class TimelineEntry:
    record_id: str
    employer: str | None
    page_sha256: str
    page_id: str  # sha256[:12], as search and the screens show it
    page_source: str | None
    row_no: int | None
    row_index: int
    sheet: int | None
    days_worked: int | None
    gross_pay: Decimal | None
    review_state: str  # ok | needs_review | verified


@dataclass(frozen=True)
class TimelineMonth:
    year: int
    month: int
    gap: bool  # no record in this month (between the first and the last)
    entries: list[TimelineEntry] = field(default_factory=list)


@dataclass(frozen=True)
class Timeline:
    egn: str
    months: list[TimelineMonth]
    gaps: list[tuple[str, str]]  # runs of gap months, ("YYYY-MM", "YYYY-MM") inclusive
    undated: list[TimelineEntry]  # records whose year or month was not read


def _next(y: int, m: int) -> tuple[int, int]:
    return (y + 1, 1) if m == 12 else (y, m + 1)


def person_timeline(db: Database, egn: str) -> Timeline:
    """The person's months across employers in order, gaps marked."""
    egn = egn.strip()
    if not egn_mod.is_well_formed(egn):
        raise UsageError(f"ЕГН се състои от 10 цифри, а не {egn!r}")
    with db.Session() as s:
        rows = s.execute(
            select(Record, Page.source, Page.page_no)
            .join(Page, Page.sha256 == Record.page_sha256, isouter=True)
            .where(Record.egn == egn)
        ).all()
    if not rows:
        raise NotFoundError(f"няма записи за ЕГН {egn}")
    dated: dict[tuple[int, int], list[TimelineEntry]] = {}
    undated: list[TimelineEntry] = []
    for rec, source, page_no in rows:
        pm = person_month_from_record(rec)
        entry = TimelineEntry(
            record_id=pm.id,
            employer=pm.employer,
            page_sha256=pm.page_sha256,
            page_id=pm.page_sha256[:12],
            page_source=None if source is None else f"{source}, стр. {page_no or 1}",
            row_no=pm.row_no,
            row_index=pm.row_index,
            sheet=pm.sheet,
            days_worked=pm.days_worked,
            gross_pay=pm.gross_pay,
            review_state=str(pm.review_state),
        )
        if pm.year and pm.month and 1 <= pm.month <= 12:
            dated.setdefault((pm.year, pm.month), []).append(entry)
        else:
            undated.append(entry)
    months: list[TimelineMonth] = []
    gaps: list[tuple[str, str]] = []
    if dated:
        cur, last = min(dated), max(dated)
        while cur <= last:
            entries = sorted(dated.get(cur, []), key=lambda e: (e.employer or "", e.page_sha256, e.row_index))
            months.append(TimelineMonth(year=cur[0], month=cur[1], gap=not entries, entries=entries))
            cur = _next(*cur)
        run: list[TimelineMonth] = []
        for m in [*months, None]:
            if m is not None and m.gap:
                run.append(m)
                continue
            if run:
                gaps.append(
                    (f"{run[0].year:04d}-{run[0].month:02d}", f"{run[-1].year:04d}-{run[-1].month:02d}")
                )
                run = []
    undated.sort(key=lambda e: (e.employer or "", e.page_sha256, e.row_index))
    return Timeline(egn=egn, months=months, gaps=gaps, undated=undated)
