"""``archive worker`` and ``archive jobs``.

``archive worker --processes N`` starts N rq worker processes (each its own process, one OCR thread
each: OMP_THREAD_LIMIT=1) on the queue in Redis, and runs the reconciler in the supervising process.
A worker process that dies is started again (unless --burst), and the page it held is re-queued at
once (the supervisor named the worker, so it asks the ledger which page that worker holds and Redis
which job it had started). Each worker keeps a heartbeat in Redis; every few seconds the supervisor
re-queues the pages of workers of any host whose heartbeat expired (``ingest.reconcile``).
SIGTERM/SIGINT: the workers finish the page in hand, then everything stops (a second signal stops at
once). Under systemd use
``KillMode=mixed``, so that only the supervisor gets the SIGTERM.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from multiprocessing.process import BaseProcess
from typing import Any

import click

from archive_core.config import Settings, load_settings
from archive_core.errors import BackendUnavailable, UsageError
from archive_core.runtime import keep_freed_memory, limit_ocr_threads

log = logging.getLogger("archive.worker")

STATUS_LABELS = {
    "queued": "в опашката",
    "processing": "в обработка",
    "done": "готови",
    "failed": "неуспешни",
    "rejected": "отхвърлени",
}


def _preload(settings: Settings) -> None:
    """Import the pipeline, OCR and backend modules once in the worker process: rq forks a work horse
    per job, and a horse that had to import numpy/OpenCV/the OCR itself would spend a second on it."""
    import importlib

    modules = ["ingest.jobs", "ocr.extract", "archive_core.db", "archive_core.migrations"]
    modules.append("indexer.elastic" if settings.elasticsearch_url else "indexer.embedded")
    modules.append("archive_core.storage.s3" if settings.s3_endpoint else "archive_core.storage.files")
    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError as e:  # the job will report it properly, on the page
            log.warning("preload %s: %s", name, e)


def _worker_main(settings_data: dict[str, Any], name: str, burst: bool, log_level: str) -> None:
    """Body of one worker process (spawned): a plain rq Worker on the page queue.

    It leaves the supervisor's process group, so that a Ctrl-C or a signal to the group reaches the
    supervisor alone, which asks each worker once for a warm shutdown (rq: a second signal would be
    a cold one, and a signal reaching the work horse kills the page in hand). If the supervisor dies,
    the worker finishes its page and stops."""
    os.setpgid(0, 0)
    parent = os.getppid()

    def watch_parent() -> None:
        while os.getppid() == parent:
            time.sleep(2.0)
        os.kill(os.getpid(), signal.SIGTERM)  # warm shutdown

    threading.Thread(target=watch_parent, name="watch-supervisor", daemon=True).start()
    logging.basicConfig(level=log_level, format="%(asctime)s %(name)s: %(message)s")
    limit_ocr_threads()
    keep_freed_memory()
    from rq import Worker

    from .heartbeat import Heartbeat
    from .jobs import WORKER_PID_ENV, horse_killed_handler, install_fault_plugin
    from .rq_queue import RqQueue

    settings = Settings(**settings_data)
    _preload(settings)
    install_fault_plugin()
    os.environ[WORKER_PID_ENV] = str(os.getpid())  # its work horses die with it
    queue = RqQueue.from_settings(settings)
    beat = Heartbeat(queue.connection, settings, name).start()
    worker = Worker(
        [queue.queue],
        connection=queue.connection,
        name=name,
        work_horse_killed_handler=horse_killed_handler(settings, name),
    )
    try:
        worker.work(burst=burst, with_scheduler=True, logging_level=log_level)
    finally:
        beat.stop()


def _settings_data(settings: Settings) -> dict[str, Any]:
    return settings.model_dump(mode="json")


class Supervisor:
    def __init__(self, settings: Settings, processes: int, burst: bool, reconcile_every: float) -> None:
        self.settings = settings
        self.processes = processes
        self.burst = burst
        self.reconcile_every = reconcile_every
        self.ctx = multiprocessing.get_context("spawn")
        self.children: dict[int, BaseProcess] = {}
        self.names: dict[int, str] = {}  # slot -> rq worker name of the process in it
        self.stopping = False
        self.host = socket.gethostname()
        self.log_level = logging.getLevelName(log.getEffectiveLevel())

    def _spawn(self, slot: int) -> None:
        name = f"{self.host}.{os.getpid()}.{slot}.{int(time.time() * 1000) % 100000}"
        proc = self.ctx.Process(
            target=_worker_main,
            args=(_settings_data(self.settings), name, self.burst, self.log_level),
            name=f"archive-worker-{slot}",
            daemon=False,
        )
        proc.start()
        self.children[slot] = proc
        self.names[slot] = name

    def _on_signal(self, signum: int, _frame: object) -> None:
        if self.stopping:  # second signal: stop now
            for p in self.children.values():
                if p.is_alive() and p.pid:
                    os.kill(p.pid, signal.SIGKILL)
            return
        self.stopping = True
        for p in self.children.values():
            if p.is_alive() and p.pid:
                os.kill(p.pid, signal.SIGTERM)  # rq warm shutdown: finish the current page

    def _reconcile(self, queue: Any, db: Any) -> None:
        from .reconcile import reconcile_if_leader

        try:
            report = reconcile_if_leader(
                self.settings, db, queue, owner=f"{self.host}:{os.getpid()}", every=self.reconcile_every
            )
            if report is None:
                return  # another supervisor of the fleet does this pass
        except BackendUnavailable as e:
            log.warning("reconciler: %s", e)
            return
        except Exception as e:  # keep supervising; the next pass tries again
            log.error("reconciler failed: %s: %s", type(e).__name__, e)
            return
        if report.total:
            click.echo(
                f"archive worker: върнати в опашката {len(report.stuck)} блокирали "
                f"и {len(report.missing)} изгубени страници",
                err=True,
            )

    def _retry_held(self, queue: Any, db: Any, slot: int, exitcode: int | None) -> None:
        """The worker process in ``slot`` died: re-queue at once the page it held."""
        from .reconcile import retry_dead_worker

        name = self.names.pop(slot, None)
        if name is None:  # already done for this process
            return
        try:
            job_page = queue.job_of_worker(name)
            retried = retry_dead_worker(
                db,
                queue,
                name,
                actor=f"supervisor:{self.host}:{os.getpid()}",
                reason=f"отново в опашката: работникът {name} спря (код {exitcode})",
                job_page=job_page,
            )
            queue.forget_worker(name)
        except Exception as e:  # Redis or the database down: the heartbeat pass retries it later
            log.error("retry of worker %s's page: %s: %s", name, type(e).__name__, e)
            return
        if retried:
            click.echo(
                f"archive worker: страница {', '.join(sha[:12] for sha in retried)} на спрелия процес "
                f"{slot} е отново в опашката",
                err=True,
            )

    def _check_heartbeats(self, queue: Any, db: Any) -> None:
        from .reconcile import requeue_orphaned

        try:
            report = requeue_orphaned(self.settings, db, queue)
        except Exception as e:  # keep supervising; the next pass tries again
            log.warning("heartbeats: %s: %s", type(e).__name__, e)
            return
        if report.orphaned:
            click.echo(
                f"archive worker: върнати в опашката {len(report.orphaned)} страници на работници "
                "без признак на живот",
                err=True,
            )

    def run(self) -> int:
        from archive_core.db import open_database

        from .rq_queue import RqQueue, safe_url

        queue = RqQueue.from_settings(self.settings)  # fails fast if Redis is down
        db = open_database(self.settings)  # migrates the schema once, before the workers start
        limit_ocr_threads()
        signal.signal(signal.SIGTERM, self._on_signal)
        signal.signal(signal.SIGINT, self._on_signal)
        for slot in range(self.processes):
            self._spawn(slot)
        click.echo(
            f"archive worker: {self.processes} процеса на опашка {self.settings.queue_name!r} "
            f"({safe_url(self.settings.redis_url or '')})",
            err=True,
        )
        self._reconcile(queue, db)
        next_reconcile = time.monotonic() + self.reconcile_every
        heartbeat_every = max(1.0, self.settings.worker_heartbeat / 3)
        next_heartbeats = time.monotonic() + heartbeat_every
        restarts: dict[int, float] = {}
        exit_code = 0
        while True:
            for slot, proc in list(self.children.items()):
                if proc.is_alive():
                    continue
                proc.join()
                if proc.exitcode != 0:
                    self._retry_held(queue, db, slot, proc.exitcode)
                if self.stopping or self.burst:
                    del self.children[slot]
                    if proc.exitcode not in (0, None) and not self.stopping:
                        exit_code = 1
                    continue
                # died unexpectedly: start again (at most once every 2 s per slot)
                if time.monotonic() - restarts.get(slot, 0.0) >= 2.0:
                    click.echo(
                        f"archive worker: процес {slot} спря (код {proc.exitcode}); стартирам нов", err=True
                    )
                    restarts[slot] = time.monotonic()
                    self._spawn(slot)
            if not self.children:
                break
            if not self.stopping and time.monotonic() >= next_reconcile:
                self._reconcile(queue, db)
                next_reconcile = time.monotonic() + self.reconcile_every
            elif not self.stopping and time.monotonic() >= next_heartbeats:
                self._check_heartbeats(queue, db)
                next_heartbeats = time.monotonic() + heartbeat_every
            time.sleep(0.2)
        if self.burst and not self.stopping:
            self._reconcile(queue, db)
        db.dispose()
        return exit_code


@click.command("worker")
@click.option(
    "--processes", "-p", type=click.IntRange(min=1), default=None, help="Worker processes (default: cores)."
)
@click.option("--burst", is_flag=True, help="Stop when the queue is empty.")
@click.option(
    "--reconcile-every",
    type=click.FloatRange(min=0.5),
    default=None,
    help="Seconds between reconciler passes (default: stuck-after/3, at most 30).",
)
@click.option("--verbose", "-v", is_flag=True, help="Log every job.")
def worker(processes: int | None, burst: bool, reconcile_every: float | None, verbose: bool) -> None:
    """Run OCR workers on the page queue in Redis (ARCHIVE_REDIS_URL), plus the reconciler that
    re-queues pages of killed workers and jobs Redis lost."""
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING, format="%(asctime)s %(message)s")
    settings = load_settings()
    if not settings.redis_url:
        raise UsageError(
            "archive worker иска ARCHIVE_REDIS_URL (без него страниците се обработват в процеса)"
        )
    if settings.stuck_after <= settings.job_timeout:
        click.echo(
            f"archive worker: внимание: ARCHIVE_STUCK_AFTER ({settings.stuck_after} s) не е по-голямо от "
            f"ARCHIVE_JOB_TIMEOUT ({settings.job_timeout} s); бавни страници ще се обработват повторно",
            err=True,
        )
    n = processes or settings.effective_workers()
    every = reconcile_every or max(1.0, min(30.0, settings.stuck_after / 3))
    code = Supervisor(settings, n, burst, every).run()
    if code:
        sys.exit(code)


@click.command("jobs")
@click.option("--limit", type=click.IntRange(min=1), default=20, help="How many failed pages/jobs to list.")
def jobs(limit: int) -> None:
    """Show how many pages are queued, processing, done, failed; failed pages with their reason and
    rq's failed-job registry."""
    from sqlalchemy import func, select

    from archive_core.db import Page, open_database

    settings = load_settings()
    db = open_database(settings)
    try:
        with db.Session() as s:
            counts = dict(s.execute(select(Page.status, func.count()).group_by(Page.status)).all())
            failed = list(
                s.execute(
                    select(Page.sha256, Page.source, Page.page_no, Page.error)
                    .where(Page.status.in_(("failed", "rejected")))
                    .order_by(Page.updated_at.desc())
                    .limit(limit)
                )
            )
    finally:
        db.dispose()
    click.echo("Страници по състояние:")
    for status, label in STATUS_LABELS.items():
        click.echo(f"  {label:<12} {counts.get(status, 0):>8}")
    click.echo(f"  {'общо':<12} {sum(counts.values()):>8}")
    if failed:
        click.echo("Неуспешни и отхвърлени страници:")
        for sha, source, page_no, error in failed:
            click.echo(f"  {sha[:12]}  {source} (стр. {page_no}): {error or '(без причина)'}")
    if not settings.redis_url:
        click.echo("Опашка: в процеса (ARCHIVE_REDIS_URL не е зададен)")
        return
    from .rq_queue import RqQueue

    queue = RqQueue.from_settings(settings)
    rq_counts = queue.counts()
    rq_failed = queue.failed_jobs(limit)
    click.echo(
        f"Опашка rq {settings.queue_name!r}: чакащи {rq_counts['queued']}, в изпълнение {rq_counts['started']}, "
        f"неуспешни {rq_counts['failed']}, работници {rq_counts['workers']}"
    )
    if rq_failed:
        click.echo("Неуспешни задачи в rq:")
        for job_id, exc in rq_failed:
            click.echo(f"  {job_id}: {exc}")
