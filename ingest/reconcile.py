"""The reconciler: the page ledger is the source of truth, the queue only carries work.

rq does not re-queue the job of a worker that was killed (rq issues #1461, #2015), and a Redis
restarted without persistence forgets every job. Who retries what:

- the supervisor (``archive worker``) sees one of its worker processes exit and at once re-queues
  the page that worker held (``retry_dead_worker``: the pages the ledger says it holds, and the job
  Redis says it had started, in case it died before claiming the page);
- a worker whose work horse was killed re-queues the horse's page itself (``ingest.jobs``);
- a worker that stopped sending heartbeats (``ingest.heartbeat``; its host died or lost the
  network) is taken for dead after ``settings.worker_heartbeat`` seconds: the next pass below
  re-queues its pages (``_requeue_orphaned``), and a job it had started but not yet claimed;
- ``stuck_after`` is the last resort, for pages without a recorded worker.

Periodically (``archive worker`` runs it in a loop, ``RqQueue.run_until_done`` while waiting):

- a page ``processing`` by a worker whose heartbeat expired goes back to ``queued`` with a fresh job;
- a page ``processing`` for longer than ``settings.stuck_after`` seconds goes back to ``queued`` and
  gets a fresh job (its worker died, or its job timed out without the ledger hearing of it);
- a page ``queued`` whose job Redis does not have, or whose job already ended, gets a job; so does
  one whose job was 'started' longer than ``job_timeout + stuck_after`` ago (a live worker would have
  ended it at ``job_timeout``; its worker died before the page was claimed).

``stuck_after`` must exceed ``job_timeout`` (the defaults do: 900 > 600), otherwise a slow page that
is still being worked on is re-queued too (harmless, records are replaced, but wasted work).

``archive worker`` supervisors pass over the whole ledger, one of the fleet at a time (a lock in
Redis); ``run_until_done`` checks only the pages it waits for. Every re-queue appends a ``queued``
event by actor ``reconciler``. Running several reconcilers at once is safe: the ledger update is conditional and the enqueue is idempotent. Processing a page
twice is harmless (records are overwritten by their stable ids).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from rq.job import JobStatus
from sqlalchemy import select

from archive_core.config import Settings
from archive_core.db import Database, Page, utcnow
from archive_core.records import PageStatus

from . import ledger
from .batches import add_event


class JobView(Protocol):
    @property
    def status(self) -> JobStatus | None: ...

    @property
    def started_at(self) -> datetime | None: ...

    @property
    def worker(self) -> str | None: ...


class ReconciledQueue(Protocol):
    """What the reconciler needs of a queue (``ingest.rq_queue.RqQueue`` has it)."""

    def requeue_page(self, page_sha256: str, *, worker_died: bool = False) -> bool: ...

    def job_states(self, page_sha256s: Sequence[str]) -> Mapping[str, JobView]: ...

    def try_lead(self, key: str, owner: str, seconds: float) -> bool: ...

    def dead_workers(self, workers: Sequence[str]) -> set[str]: ...

    def dangling(self, page_sha256s: Sequence[str]) -> list[str]: ...

    def requeue_dangling(self, page_sha256: str) -> bool: ...

    def job_of_worker(self, worker: str) -> str | None: ...


log = logging.getLogger(__name__)

ACTOR = "reconciler"
CHUNK = 1000
ENDED = frozenset({JobStatus.FINISHED, JobStatus.FAILED, JobStatus.STOPPED, JobStatus.CANCELED})


@dataclass
class ReconcileReport:
    stuck: list[str] = field(default_factory=list)  # processing too long -> queued again
    missing: list[str] = field(default_factory=list)  # queued, but Redis had no live job
    orphaned: list[str] = field(default_factory=list)  # processing by a worker whose heartbeat expired

    @property
    def total(self) -> int:
        return len(self.stuck) + len(self.missing) + len(self.orphaned)


def _scopes(only: Sequence[str] | None) -> list[list[str] | None]:
    if only is None:
        return [None]
    pages = list(dict.fromkeys(only))
    return [pages[i : i + CHUNK] for i in range(0, len(pages), CHUNK)]


def _requeue_stuck(
    settings: Settings, db: Database, queue: ReconciledQueue, report: ReconcileReport, scope: list[str] | None
) -> None:
    cutoff = utcnow() - timedelta(seconds=settings.stuck_after)
    q = select(Page.sha256).where(Page.status == PageStatus.processing.value, Page.updated_at < cutoff)
    if scope is not None:
        q = q.where(Page.sha256.in_(scope))
    with db.Session() as s:
        stuck = list(s.scalars(q.limit(10 * CHUNK)))
    why = f"отново в опашката: обработката не завърши за {settings.stuck_after} s"
    for sha in stuck:
        if not ledger.requeue_if_stuck(db, sha, cutoff, ACTOR, why):
            continue  # someone else moved it meanwhile
        queue.requeue_page(sha)  # if Redis is down now, the next pass finds it queued without a job
        report.stuck.append(sha)


def _requeue_orphaned(
    settings: Settings, db: Database, queue: ReconciledQueue, report: ReconcileReport, scope: list[str] | None
) -> None:
    held = ledger.held_by(db)
    if scope is not None:
        wanted = set(scope)
        held = {w: [p for p in pages if p in wanted] for w, pages in held.items()}
        held = {w: pages for w, pages in held.items() if pages}
    if not held:
        return
    dead = queue.dead_workers(list(held))
    for worker in sorted(dead):
        why = (
            f"отново в опашката: работникът {worker} не е давал признак на живот "
            f"над {settings.worker_heartbeat} s"
        )
        for sha in held[worker]:
            if ledger.requeue_held(db, sha, worker, ACTOR, why):
                queue.requeue_page(sha, worker_died=True)
                report.orphaned.append(sha)


def retry_dead_worker(
    db: Database, queue: ReconciledQueue, worker: str, *, actor: str, reason: str, job_page: str | None = None
) -> list[str]:
    """Re-queue at once what the dead ``worker`` held: the pages the ledger has ``processing`` by it,
    and ``job_page``, the page of the job Redis says it had started (it may have died before
    claiming it, leaving the page ``queued`` under a job nobody runs). Returns the pages re-queued."""
    retried: list[str] = []
    pages = ledger.held_by(db, [worker]).get(worker, [])
    for sha in pages:
        if ledger.requeue_held(db, sha, worker, actor, reason):
            queue.requeue_page(sha, worker_died=True)
            retried.append(sha)
    # it may have died between taking the job and claiming the page
    unclaimed = job_page is not None and job_page not in pages
    if (
        unclaimed
        and job_page
        and ledger.status_of(db, job_page) == PageStatus.queued
        and queue.requeue_page(job_page, worker_died=True)
    ):
        with db.Session.begin() as s:
            add_event(s, job_page, "queued", actor, f"{reason} (преди да поеме страницата)")
        retried.append(job_page)
    return retried


def _requeue_lost(
    settings: Settings, db: Database, queue: ReconciledQueue, report: ReconcileReport, scope: list[str] | None
) -> None:
    # A live worker kills its job at job_timeout; a job 'started' for longer lost its worker.
    abandoned_before = utcnow() - timedelta(seconds=settings.job_timeout + settings.stuck_after)
    after = ""
    while True:
        q = select(Page.sha256).where(Page.status == PageStatus.queued.value, Page.sha256 > after)
        if scope is not None:
            q = q.where(Page.sha256.in_(scope))
        with db.Session() as s:
            rows = list(s.scalars(q.order_by(Page.sha256).limit(CHUNK)))
        if not rows:
            return
        after = rows[-1]
        states = queue.job_states(rows)
        started_by = sorted({w for st in states.values() if st.status == JobStatus.STARTED and (w := st.worker)})
        dead = queue.dead_workers(started_by) if started_by else set()
        for sha in rows:
            state = states[sha]
            abandoned = state.status == JobStatus.STARTED and (
                (state.started_at is not None and state.started_at < abandoned_before)
                or (state.worker is not None and state.worker in dead)
            )
            if (state.status is None or state.status in ENDED or abandoned) and queue.requeue_page(sha):
                why = "липсваше в Redis" if state.status is None else f"беше {state.status.value}"
                with db.Session.begin() as s:
                    add_event(s, sha, "queued", ACTOR, f"отново в опашката: задачата {why}")
                report.missing.append(sha)
        # taken off the queue by a worker that died before it could start it: in no queue, never started
        waiting = [sha for sha in rows if states[sha].status == JobStatus.QUEUED]
        for sha in queue.dangling(waiting) if waiting else []:
            if queue.requeue_dangling(sha):
                with db.Session.begin() as s:
                    add_event(s, sha, "queued", ACTOR, "отново в опашката: задачата не беше в опашката")
                report.missing.append(sha)


def reconcile(
    settings: Settings, db: Database, queue: ReconciledQueue, *, only: Sequence[str] | None = None
) -> ReconcileReport:
    """One pass over the whole ledger, or over the pages ``only`` (what a waiting ingest cares
    about); returns what was re-queued. Raises BackendUnavailable if Redis is down."""
    report = ReconcileReport()
    for scope in _scopes(only):
        _requeue_orphaned(settings, db, queue, report, scope)
        _requeue_stuck(settings, db, queue, report, scope)
        _requeue_lost(settings, db, queue, report, scope)
    if report.total:
        log.warning(
            "reconciler: re-queued %d page(s) of dead workers, %d stuck and %d lost",
            len(report.orphaned),
            len(report.stuck),
            len(report.missing),
        )
    return report


def requeue_orphaned(settings: Settings, db: Database, queue: ReconciledQueue) -> ReconcileReport:
    """The cheap part of a pass, run often: pages held by workers whose heartbeat expired."""
    report = ReconcileReport()
    _requeue_orphaned(settings, db, queue, report, None)
    if report.orphaned:
        log.warning("reconciler: re-queued %d page(s) of dead workers", len(report.orphaned))
    return report


def reconcile_if_leader(
    settings: Settings, db: Database, queue: ReconciledQueue, *, owner: str, every: float
) -> ReconcileReport | None:
    """A whole-ledger pass, run by one supervisor of the fleet at a time (a Redis lock that expires
    after ``every`` seconds); None when another one holds it."""
    if not queue.try_lead(f"archive:reconciler:{settings.queue_name}", owner, every):
        return None
    return reconcile(settings, db, queue)
