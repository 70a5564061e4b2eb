"""Small payroll sheets written straight into a test database (pages, batch, records, extraction),
as the pipeline would leave them: for the verification, timeline and counting tests."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from archive_core.db import Batch, Database, Page, record_from_person_month, utcnow
from archive_core.protocols import RecordIndex
from archive_core.records import MONEY_FIELDS, PersonMonth, ReviewState

IVAN = "5003140242"
MARIA = "5511020813"
PETAR = "6001052020"


@dataclass
class Row:
    egn: str | None
    name: str | None = "Иван Петров Георгиев"
    days: int | None = 21
    base: str | None = "200.00"
    extra: str | None = "34.56"
    gross: str | None = "234.56"
    deductions: str | None = "24.45"
    net: str | None = "210.11"
    review: list[str] = field(default_factory=list)


def sha(seed: str) -> str:
    return hashlib.sha256(seed.encode()).hexdigest()


def add_sheet(
    db: Database,
    index: RecordIndex | None,
    *,
    seed: str,
    employer: str = 'ДЗС "Балкан"',
    file_no: str = "1",
    year: int = 1985,
    month: int = 3,
    sheet: int | None = 1,
    rows: list[Row],
    totals: dict[str, str] | None = None,
    batch_age_days: int = 0,
) -> tuple[str, list[PersonMonth]]:
    """One page with its batch, records and extraction (the OCR reading, with ``totals``: the
    column sums of ``rows`` unless given). Returns the page's sha256 and its records."""
    page_sha = sha(seed)
    money = ("base", "extra", "gross", "deductions", "net")
    if totals is None:
        totals = {}
        for f, attr in zip(MONEY_FIELDS, money, strict=True):
            vals = [getattr(r, attr) for r in rows]
            if all(v is not None for v in vals):
                totals[f] = f"{sum(Decimal(v) for v in vals):.2f}"
    extraction = {
        "schema": "payroll-page/1",
        "image": f"{seed}.png",
        "employer": {"name": employer},
        "period": {"year": year, "month": month},
        "sheet": sheet,
        "rows": [
            {
                "row": i + 1,
                "egn": r.egn,
                "name": r.name,
                "days_worked": r.days,
                **{f: getattr(r, a) for f, a in zip(MONEY_FIELDS, money, strict=True)},
                "review": r.review,
            }
            for i, r in enumerate(rows)
        ],
        "totals": totals,
    }
    records = [
        PersonMonth(
            id=PersonMonth.make_id(page_sha, i),
            page_sha256=page_sha,
            row_index=i,
            row_no=i + 1,
            egn=r.egn,
            name=r.name,
            employer=employer,
            file_no=file_no,
            year=year,
            month=month,
            sheet=sheet,
            days_worked=r.days,
            review=list(r.review),
            review_state=ReviewState.needs_review if r.review else ReviewState.ok,
            **{
                f: (None if getattr(r, a) is None else Decimal(getattr(r, a)))
                for f, a in zip(MONEY_FIELDS, money, strict=True)
            },
        )
        for i, r in enumerate(rows)
    ]
    created: datetime = utcnow() - timedelta(days=batch_age_days)
    with db.Session.begin() as s:
        batch = s.query(Batch).filter_by(employer=employer, file_no=file_no).one_or_none()
        if batch is None:
            batch = Batch(employer=employer, file_no=file_no, created_at=created)
            s.add(batch)
            s.flush()
        s.add(
            Page(
                sha256=page_sha,
                batch_id=batch.id,
                source=f"{seed}.png",
                status="done",
                size_bytes=1,
                year=year,
                month=month,
                sheet=sheet,
                employer_printed=employer,
                extraction=extraction,
                created_at=created,
                indexed_at=utcnow(),
            )
        )
        s.flush()
        for pm in records:
            s.add(record_from_person_month(pm))
    if index is not None:
        index.upsert(records)
    return page_sha, records
