"""An employer's file read whole: a person's ЕГН, name or days read otherwise on the file's other pages go to
review (``ocr.batch_agreement``'s rules) in the system of record.

A person recurs month after month in an employer's file (a batch); a speck turning a 5 into a 3 keeps a
valid ЕГН on its page but disagrees with the person's other months. A page is read alone (a worker, one
page at a time), so the check waits for the file: when the worker that finishes a page finds none of the
batch's pages still queued or processing (``process_page``), it compares the records of the batch's read
pages and adds the field to review with reason ``readings_disagree``, so that the verification screen
shows it. Only ever adds doubt: a field a person has checked (a ``field_corrections`` row) is evidence
and never doubted again; a page a person reads whole (``page_review``) is nobody's evidence but its rows
can be doubted; a page held as another's duplicate has no records. Running it twice adds nothing twice (two workers finishing a file's last
pages at once may both run it); a page read again gets its records anew and the file's next completion
compares again.
"""

from __future__ import annotations

import contextlib
import logging
from collections import defaultdict
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from archive_core.backends import Backends
from archive_core.db import FieldCorrection, Page, Record, person_month_from_record
from archive_core.errors import BackendUnavailable
from archive_core.records import PageStatus, ReviewState
from ocr.batch_agreement import FIELDS, Reading, disagreeing, full_days
from ocr.checks import READINGS_DISAGREE

log = logging.getLogger(__name__)


def batch_read(s: Session, batch_id: int) -> bool:
    """No page of the batch is still waiting to be read (queued) or being read."""
    pending = s.scalar(
        select(func.count())
        .select_from(Page)
        .where(Page.batch_id == batch_id, Page.status.in_([PageStatus.queued.value, PageStatus.processing.value]))
    )
    return not pending


def _records(s: Session, batch_id: int) -> list[tuple[Record, bool]]:
    """The records of the batch's read pages (not a duplicate's) in file order, each with whether it is
    evidence (not on a page a person reads whole)."""
    rows = s.execute(
        select(Record, Page.page_review)
        .join(Page, Page.sha256 == Record.page_sha256)
        .where(Page.batch_id == batch_id, Page.status == PageStatus.done.value, Page.duplicate_of.is_(None))
        .order_by(Page.batch_seq, Record.row_index)
    ).all()
    return [(r, not page_review) for r, page_review in rows]


def _full_days(recs: list[tuple[Record, bool]]) -> dict[str, int | None]:
    """Each page's days of a full month (``ocr.batch_agreement.full_days``) from its records."""
    pages: dict[str, list[Record]] = defaultdict(list)
    for r, _ in recs:
        pages[r.page_sha256].append(r)
    return {sha: full_days([r.days_worked for r in rs], rs[0].year, rs[0].month) for sha, rs in pages.items()}


def _settled(s: Session, batch_id: int) -> set[tuple[str, str]]:
    """(record id, field) of every ЕГН, name or days a person has checked in the batch."""
    q = (
        select(FieldCorrection.record_id, FieldCorrection.field)
        .join(Record, Record.id == FieldCorrection.record_id)
        .join(Page, Page.sha256 == Record.page_sha256)
        .where(Page.batch_id == batch_id, FieldCorrection.field.in_(FIELDS))
    )
    return {(rid, f) for rid, f in s.execute(q).all()}


def _doubt(rec: Record, field: str) -> None:
    reason: dict[str, object] = {"reason": READINGS_DISAGREE}
    if rec.bbox:
        reason["bbox"] = list(rec.bbox)
    rec.review = [*(rec.review or []), field]  # new lists and dicts: the JSON columns see the change
    rec.review_reasons = {**(rec.review_reasons or {}), field: reason}
    rec.review_state = str(ReviewState.needs_review)


def agree_batch(backends: Backends, batch_id: int) -> int:
    """Compare the batch's people across its pages once all are read; the fields that gained review, how
    many (0 while pages are still to be read). The records changed are indexed again (left as they were in
    the index if it is down: the database is the system of record)."""
    db = backends.db
    with db.Session() as s:
        if not batch_read(s, batch_id):
            return 0
        recs = _records(s, batch_id)
        settled = _settled(s, batch_id)
        full = _full_days(recs)
        readings = [
            Reading(
                r.egn,
                r.name,
                doubted=frozenset(r.review or []),
                settled=frozenset(f for f in FIELDS if (r.id, f) in settled),
                evidence=evidence,
                days=r.days_worked,
                pay=Decimal(r.base_pay) if r.base_pay is not None else None,
                full=full[r.page_sha256],
                year=r.year,
            )
            for r, evidence in recs
        ]
        found = [(recs[i][0].id, field) for i, field in disagreeing(readings)]
    if not found:
        return 0
    changed: dict[str, Record] = {}
    flagged = 0
    with db.Session() as s:
        for rid, field in found:
            # read again under a lock: a person may have checked the field, a page been read again meanwhile
            rec = s.get(Record, rid, with_for_update=True, populate_existing=True)
            if rec is None or field in (rec.review or []):
                continue
            checked = s.scalar(
                select(func.count())
                .select_from(FieldCorrection)
                .where(FieldCorrection.record_id == rid, FieldCorrection.field == field)
            )
            if checked:
                continue
            _doubt(rec, field)
            changed[rid] = rec
            flagged += 1
        s.commit()
        records = [person_month_from_record(r) for r in changed.values()]
    if records:
        with contextlib.suppress(BackendUnavailable):
            backends.index.upsert(records)
        log.info("batch %s: %d fields read otherwise on the file's other pages sent to review", batch_id, flagged)
    return flagged
