"""An employer's file read whole: its pages' employer names and months compared, as ``archive extract`` compares
them (``ocr.runner.agree``), in the system of record.

A file is one employer's monthly sheets in order (``Page.batch_seq``). Once none of its pages is still to be read
(``batch_agreement.batch_read``):
- an employer's name read a letter or two otherwise than as many of the file's other pages read it goes to
  review naming their reading (``ocr.batch_agreement.doubt_employers``): the page's ``employer.review``, which
  the verification screen shows and a verifier confirms (``ingest.employer_doubt``);
- a month out of step with the pages around it, or not read where they pin one (``ocr.period_run``), goes to
  review: the page's ``period.review`` and the year and month of every row, with reason ``period_run``, so that
  a certificate does not count the rows in a month nobody checked.
Only ever adds doubt. A page whose month a person has checked (a ``field_corrections`` row for its year or
month) keeps it; a page held as another's duplicate, or not read, is no part of the comparison. Running it twice
adds nothing twice: a page in doubt pins nothing and is never doubted again."""

from __future__ import annotations

import contextlib
import json
import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_core.backends import Backends
from archive_core.db import FieldCorrection, Page, Record, person_month_from_record
from archive_core.errors import BackendUnavailable
from archive_core.records import PageStatus, PayrollPage, ReviewState
from ocr import batch_agreement, period_run

from .batch_agreement import batch_read

log = logging.getLogger(__name__)

PERIOD_RUN = "period_run"  # the reason of a row's year and month in doubt by the file's other pages
PERIOD_FIELDS = ("year", "month")


def _pages(s: Session, batch_id: int) -> list[Page]:
    """The file's read pages (not a duplicate's) in the file's order, locked while they are compared."""
    q = (
        select(Page)
        .where(Page.batch_id == batch_id, Page.status == PageStatus.done.value, Page.duplicate_of.is_(None),
               Page.extraction.is_not(None))
        .order_by(Page.batch_seq, Page.page_no, Page.sha256)
        .with_for_update()
    )  # fmt: skip
    return list(s.scalars(q))


def _checked_months(s: Session, shas: list[str]) -> set[str]:
    """The pages (sha256) whose year or month a person has checked."""
    if not shas:
        return set()
    q = select(FieldCorrection.page_sha256).where(
        FieldCorrection.page_sha256.in_(shas), FieldCorrection.field.in_(PERIOD_FIELDS)
    )
    return set(s.scalars(q))


def _doubt_rows(s: Session, page: Page, doc: PayrollPage) -> list[Record]:
    """Every row of ``page`` in the month ``doc`` gives, its year and month in review (reason ``period_run``)."""
    recs = list(s.scalars(select(Record).where(Record.page_sha256 == page.sha256).with_for_update()))
    reason: dict[str, object] = {"reason": PERIOD_RUN}
    if doc.period.bbox:
        reason["bbox"] = list(doc.period.bbox)
    for rec in recs:
        rec.year, rec.month = doc.period.year, doc.period.month
        rec.review = [*(rec.review or []), *(f for f in PERIOD_FIELDS if f not in (rec.review or []))]
        rec.review_reasons = {**(rec.review_reasons or {}), **{f: dict(reason) for f in PERIOD_FIELDS}}
        rec.review_state = str(ReviewState.needs_review)
    return recs


def agree_pages(backends: Backends, batch_id: int) -> int:
    """Compare the file's employer names and months once all its pages are read; how many pages gained doubt (0
    while pages are still to be read). The rows changed are indexed again (left as they were in the index if it is
    down: the database is the system of record)."""
    db = backends.db
    changed: list[Record] = []
    doubted = 0
    with db.Session() as s:
        if not batch_read(s, batch_id):
            return 0
        pages = _pages(s, batch_id)
        docs = [PayrollPage.model_validate(p.extraction) for p in pages]
        before = [d.model_copy(deep=True) for d in docs]
        batch_agreement.doubt_employers(docs)
        period_run.doubt_out_of_step(docs)
        checked = _checked_months(s, [p.sha256 for p in pages])
        for page, doc, old in zip(pages, docs, before, strict=True):
            if page.sha256 in checked:
                doc.period = old.period  # a person's check of the month stands
            if doc == old:
                continue
            page.extraction = json.loads(doc.to_json())
            if doc.period != old.period:
                page.year, page.month = doc.period.year, doc.period.month
                changed += _doubt_rows(s, page, doc)
            doubted += 1
        s.commit()
        records = [person_month_from_record(r) for r in changed]
    if records:
        with contextlib.suppress(BackendUnavailable):
            backends.index.upsert(records)
    if doubted:
        log.info("batch %s: %d pages whose employer or month the file's other pages read otherwise", batch_id, doubted)
    return doubted
