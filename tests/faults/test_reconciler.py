"""The reconciler on its own (no workers): which pages it re-queues, and which it leaves alone."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from archive_core.config import Settings
from archive_core.db import Page, PageEventRow, open_database, utcnow
from ingest.reconcile import reconcile, reconcile_if_leader
from ingest.rq_queue import RqQueue, job_id_for


def sha(n: int) -> str:
    return f"{n:02d}" * 32


def add_pages(settings: Settings, rows: list[tuple[int, str, int]]) -> None:
    """(n, status, seconds since last change)"""
    db = open_database(settings)
    with db.Session.begin() as s:
        for n, status, age in rows:
            at = utcnow() - timedelta(seconds=age)
            s.add(
                Page(
                    sha256=sha(n),
                    source=f"p{n}.png",
                    status=status,
                    size_bytes=1,
                    created_at=at,
                    updated_at=at,
                )
            )
    db.dispose()


def requeue_events(settings: Settings) -> dict[str, int]:
    db = open_database(settings)
    with db.Session() as s:
        rows = s.scalars(
            select(PageEventRow.page_sha256).where(
                PageEventRow.kind == "queued", PageEventRow.actor == "reconciler"
            )
        ).all()
    db.dispose()
    out: dict[str, int] = {}
    for r in rows:
        out[r] = out.get(r, 0) + 1
    return out


def test_requeues_stuck_and_lost_pages_only(prod_settings: Settings) -> None:
    settings = prod_settings  # stuck_after = 4 s
    add_pages(
        settings,
        [
            (1, "processing", 3600),  # its worker died an hour ago
            (2, "processing", 0),  # being worked on right now
            (3, "queued", 0),  # queued, but Redis has no job (e.g. Redis restarted)
            (4, "queued", 0),  # queued with its job waiting
            (5, "done", 3600),
            (6, "failed", 3600),
        ],
    )
    queue = RqQueue.from_settings(settings)
    queue.enqueue_page(sha(4))
    db = open_database(settings)
    report = reconcile(settings, db, queue)
    assert set(report.stuck) == {sha(1)}
    assert set(report.missing) == {sha(3)}
    with db.Session() as s:
        assert s.get(Page, sha(1)).status == "queued"  # type: ignore[union-attr]
        assert s.get(Page, sha(2)).status == "processing"  # type: ignore[union-attr]
    assert sorted(queue.queue.get_job_ids()) == sorted(job_id_for(sha(n)) for n in (1, 3, 4))
    assert requeue_events(settings) == {sha(1): 1, sha(3): 1}
    # a second pass finds nothing more to do
    again = reconcile(settings, db, queue)
    assert again.total == 0
    assert queue.queue.count == 3
    db.dispose()


def test_only_one_supervisor_passes_at_a_time(prod_settings: Settings) -> None:
    settings = prod_settings
    add_pages(settings, [(7, "queued", 0)])
    queue = RqQueue.from_settings(settings)
    db = open_database(settings)
    first = reconcile_if_leader(settings, db, queue, owner="a", every=30)
    second = reconcile_if_leader(settings, db, queue, owner="b", every=30)
    assert first is not None and first.missing == [sha(7)]
    assert second is None
    db.dispose()


def test_pages_of_a_worker_without_heartbeat_are_requeued_at_once(prod_settings: Settings) -> None:
    """A host that died: its workers' heartbeats expire and their pages are retried long before
    stuck_after (15 minutes here); pages of a worker whose heartbeat is alive stay as they are."""
    import time

    from ingest import heartbeat
    from ingest.reconcile import requeue_orphaned

    settings = prod_settings.model_copy(update={"stuck_after": 900, "worker_heartbeat": 2})
    add_pages(settings, [(21, "processing", 0), (22, "processing", 0), (23, "processing", 0)])
    db = open_database(settings)
    with db.Session.begin() as s:
        for n, worker in ((21, "hostB.1.0"), (22, "hostA.1.0"), (23, None)):
            page = s.get(Page, sha(n))
            assert page is not None
            page.worker = worker
    queue = RqQueue.from_settings(settings)
    heartbeat.beat(queue.connection, settings, "hostA.1.0")
    heartbeat.beat(queue.connection, settings, "hostB.1.0")
    assert requeue_orphaned(settings, db, queue).orphaned == []  # both alive
    time.sleep(2.5)  # hostB stops beating (and Redis has been up longer than a heartbeat)
    heartbeat.beat(queue.connection, settings, "hostA.1.0")
    report = reconcile(settings, db, queue)
    assert report.orphaned == [sha(21)] and report.stuck == []
    with db.Session() as s:
        statuses = {n: s.get(Page, sha(n)).status for n in (21, 22, 23)}  # type: ignore[union-attr]
    assert statuses == {21: "queued", 22: "processing", 23: "processing"}
    assert queue.queue.get_job_ids() == [job_id_for(sha(21))]
    assert requeue_events(settings) == {sha(21): 1}
    db.dispose()
