"""The page ledger: the one owner of a page's status. Every status change goes through here.

A page that entered has exactly one status (``archive_core.records.PageStatus``)::

    (captured) ──► rejected                       triage refused it: final, with the reason
    (captured) ──► queued ──► processing ──► done   recognised, records written
                     ▲            │
                     └────────────┤  retry: a server did not answer, a worker died (reconciler),
                                  │  or the same file was submitted again after a failure
                                  ▼
                                failed                the pipeline failed on it: final until resubmitted

The page records which worker took it (``pages.worker``, the rq worker's name). A worker that dies
leaves its page ``processing``; whoever learns of the death moves it back at once, conditionally on
the page still being held by that worker: the supervisor that saw its process exit
(``requeue_held``), the worker whose work horse was killed, or the reconciler when the worker's
heartbeat expired (a lost host). Only the worker that holds a page may finish it (``holds``): a
worker taken for dead that was only cut off cannot overwrite the retry's result.

One rule for failures: only a page that is still ``queued`` or ``processing`` can fail; a page that
is done, rejected or already failed stays as it is (a late failure of a duplicate job must not undo
a finished page). One rule for retries: ``requeue`` puts a page back to ``queued`` with the reason;
the conditional form (``requeue_if_stuck``) moves it only if nobody else has meanwhile. Every change
appends an event (``ingest.batches.add_event``) with its actor, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import ColumnElement, select, update
from sqlalchemy.orm import Session

from archive_core.db import Database, Page, utcnow
from archive_core.records import PageStatus

from .batches import add_event

CAN_FAIL = frozenset({PageStatus.queued, PageStatus.processing})
_ERROR_MAX = 2000


@dataclass(frozen=True)
class Claim:
    """What a worker needs of a page it has just claimed for recognition."""

    sha256: str
    source: str
    dpi: int | None
    batch_id: int | None


def is_stuck(page: Page, stuck_after: float, now: datetime | None = None) -> bool:
    """A page left ``processing`` longer than ``stuck_after`` seconds (its worker died or stopped)."""
    if page.status != PageStatus.processing or page.updated_at is None:
        return False
    updated = page.updated_at if page.updated_at.tzinfo else page.updated_at.replace(tzinfo=UTC)
    return ((now or utcnow()) - updated).total_seconds() > stuck_after


def claim(db: Database, sha: str, worker: str | None = None) -> Claim | PageStatus | None:
    """Mark a queued (or retried) page ``processing`` by ``worker`` and count the attempt. Returns the
    claim, the page's final status when it needs no work (done, rejected), or None when it is not in
    the ledger."""
    with db.Session() as s:
        page = s.get(Page, sha, with_for_update=True)
        if page is None:
            return None
        if page.status in (PageStatus.rejected, PageStatus.done):
            return PageStatus(page.status)
        page.status = PageStatus.processing
        page.attempts = (page.attempts or 0) + 1
        page.error = None
        page.worker = worker[:200] if worker else None
        page.updated_at = utcnow()
        s.commit()
        return Claim(sha256=sha, source=page.source, dpi=page.dpi, batch_id=page.batch_id)


def fail(db: Database, sha: str, reason: str, actor: str) -> bool:
    """The page failed for ``reason`` (only from queued/processing). True when the ledger changed."""
    with db.Session.begin() as s:
        page = s.get(Page, sha, with_for_update=True)
        if page is None or page.status not in CAN_FAIL:
            return False
        page.status = PageStatus.failed
        page.error = reason[:_ERROR_MAX]
        page.updated_at = utcnow()
        add_event(s, sha, "failed", actor, reason[:_ERROR_MAX])
    return True


def requeue(session: Session, page: Page, actor: str, reason: str | None = None) -> None:
    """Back to ``queued`` for another attempt (in the caller's transaction)."""
    page.status = PageStatus.queued
    page.error = reason[:_ERROR_MAX] if reason else None
    page.updated_at = utcnow()
    add_event(session, page.sha256, "queued", actor, reason)


def retry_later(db: Database, sha: str, reason: str, actor: str) -> None:
    """A server did not answer while the page was being worked on: queued again, reason kept."""
    with db.Session.begin() as s:
        page = s.get(Page, sha)
        if page is not None and page.status in CAN_FAIL:
            requeue(s, page, actor, reason)


def _requeue_processing(
    db: Database, sha: str, actor: str, reason: str, condition: ColumnElement[bool], **values: object
) -> bool:
    """``processing`` -> ``queued`` (with ``values``) where ``condition`` also holds, only if nobody
    moved the page meanwhile (a conditional update); with its event. True when moved."""
    with db.Session.begin() as s:
        changed = s.execute(
            update(Page)
            .where(Page.sha256 == sha, Page.status == PageStatus.processing.value, condition)
            .values(status=PageStatus.queued.value, **values, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        ).rowcount
        if changed != 1:
            return False
        add_event(s, sha, "queued", actor, reason)
    return True


def requeue_if_stuck(db: Database, sha: str, cutoff: datetime, actor: str, reason: str) -> bool:
    """The reconciler's move: ``processing`` since before ``cutoff`` -> ``queued``, only if nobody
    moved it meanwhile (a conditional update, safe with several reconcilers). True when moved."""
    return _requeue_processing(db, sha, actor, reason, Page.updated_at < cutoff)


def holds(page: Page, worker: str | None) -> bool:
    """``worker`` still holds the page (processing, taken by it): only then may it write the result.
    A page without a recorded worker (taken before workers were recorded) is held by anyone."""
    if page.status != PageStatus.processing:
        return False
    return worker is None or page.worker is None or page.worker == worker[:200]


def requeue_held(db: Database, sha: str, worker: str, actor: str, reason: str) -> bool:
    """Back to ``queued`` a page ``processing`` by ``worker``, which died (its process exited, its
    work horse was killed, or its heartbeat expired); only if nobody moved the page meanwhile.
    True when moved."""
    return _requeue_processing(db, sha, actor, reason, Page.worker == worker[:200], error=reason[:_ERROR_MAX])


def held_by(db: Database, workers: Sequence[str] | None = None) -> dict[str, list[str]]:
    """Pages ``processing`` with a recorded worker, by worker (all such, or those of ``workers``)."""
    q = select(Page.worker, Page.sha256).where(
        Page.status == PageStatus.processing.value, Page.worker.is_not(None)
    )
    if workers is not None:
        q = q.where(Page.worker.in_([w[:200] for w in workers]))
    out: dict[str, list[str]] = {}
    with db.Session() as s:
        for worker, sha in s.execute(q):
            out.setdefault(worker, []).append(sha)
    return out


def status_of(db: Database, sha: str) -> PageStatus | None:
    with db.Session() as s:
        value = s.scalar(select(Page.status).where(Page.sha256 == sha))
    return PageStatus(value) if value is not None else None


def reject(session: Session, page: Page, reason: str, actor: str) -> None:
    """Triage refused the page: final, with the reason (in the caller's transaction)."""
    page.status = PageStatus.rejected
    page.error = reason[:_ERROR_MAX]
    add_event(session, page.sha256, "rejected", actor, reason)


def admit(session: Session, page: Page, actor: str, detail: str) -> None:
    """Stored and waiting for recognition (in the caller's transaction)."""
    page.status = PageStatus.queued
    page.error = None
    add_event(session, page.sha256, "stored", actor, detail)
    add_event(session, page.sha256, "queued", actor)


def finish(session: Session, page: Page, actor: str, detail: str) -> None:
    """Recognised, records written (in the caller's transaction, with the records)."""
    page.status = PageStatus.done
    page.error = None
    page.indexed_at = None
    add_event(session, page.sha256, "recognised", actor, detail)


def mark_indexed(db: Database, sha: str, records: int, actor: str) -> None:
    with db.Session() as s:
        page = s.get(Page, sha)
        if page is not None:
            page.indexed_at = utcnow()
            add_event(s, sha, "indexed", actor, f"{records} записа")
            s.commit()
