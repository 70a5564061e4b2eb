"""The job an rq worker runs for one page (``ingest.jobs.run_page_job``, its only argument the
page's sha256), and what a worker process needs around it: its backends, opened once at its start
from its environment, and the fault-injection hook of the tests.

Retries: rq retries only retryable errors (``BackendUnavailable``: a server did not answer). Any
other failure is written to the ledger as ``failed`` with its reason and the job fails at once.

A worker's death: the work horse runs the job with the kernel's parent-death signal set (it dies
with its worker, so a killed worker leaves no horse writing behind the retry's back), and records
the rq worker's name on the page it claims. A worker whose horse is killed re-queues the horse's page
at once through the ledger (``horse_killed_handler``) and lets rq run the job again without waiting.

Fault injection for tests: ``ARCHIVE_FAULT_PLUGIN=<module>`` names a module whose ``install()`` is
called once per worker process before the first job (tests/faults/plugin.py makes extraction slow or
fake).
"""

from __future__ import annotations

import ctypes
import importlib
import logging
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

import redis
from rq import get_current_job
from rq.timeouts import JobTimeoutException
from sqlalchemy import select

from archive_core.backends import Backends
from archive_core.config import Settings
from archive_core.db import Database, Page, connection_lost
from archive_core.errors import ArchiveError, BackendUnavailable, PageError
from archive_core.hashing import check_sha256
from archive_core.records import PageStatus
from ocr.engine import OcrEngine, engine_from_settings

from . import ledger
from .backends import open_worker_backends
from .batches import worker_actor
from .pipeline import process_page
from .rq_queue import page_of_job

log = logging.getLogger(__name__)

FAULT_PLUGIN_ENV = "ARCHIVE_FAULT_PLUGIN"

_plugin_installed = False


def install_fault_plugin() -> None:
    global _plugin_installed
    if _plugin_installed:
        return
    _plugin_installed = True
    name = os.environ.get(FAULT_PLUGIN_ENV)
    if name:
        module = importlib.import_module(name)
        module.install()


def _as_retryable(err: Exception) -> BackendUnavailable | None:
    """Connection-level failures of the database or Redis count as 'backend unavailable'."""
    if isinstance(err, BackendUnavailable):
        return err
    if connection_lost(err):
        return BackendUnavailable(f"базата данни не отговаря: {str(err).splitlines()[0]}")
    if isinstance(err, (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)):
        return BackendUnavailable(f"Redis не отговаря: {err}")
    return None


def _reason(err: Exception) -> str:
    if isinstance(err, JobTimeoutException):
        return "страницата не беше обработена в срока за задача (ARCHIVE_JOB_TIMEOUT)"
    text = str(err).strip().splitlines()[0] if str(err).strip() else ""
    return text if isinstance(err, ArchiveError) else f"{type(err).__name__}: {text}"


def _ledger_error(backends: Backends, page_sha256: str) -> str | None:
    with backends.db.Session() as s:
        return s.scalar(select(Page.error).where(Page.sha256 == page_sha256))


_worker: tuple[int, Backends, OcrEngine] | None = None  # (pid, backends, engine): once per process


def _worker_backends() -> tuple[Backends, OcrEngine]:
    """This process's backends and OCR engine, made at its first job from its environment (rq forks
    a work horse per job: a fork gets its own connections, never its parent's)."""
    global _worker
    if _worker is None or _worker[0] != os.getpid():
        settings = Settings()
        _worker = (os.getpid(), open_worker_backends(settings), engine_from_settings(settings))
    return _worker[1], _worker[2]


WORKER_PID_ENV = "ARCHIVE_RQ_WORKER_PID"  # set by the worker process, inherited by its work horses
_PR_SET_PDEATHSIG = 1


def die_with_worker() -> None:
    """In a work horse: be killed (SIGKILL) when the worker process that forked it dies, so that a
    worker killed with ``kill -9`` leaves no orphan finishing its page behind the retry's back."""
    expected = os.environ.get(WORKER_PID_ENV)
    if not expected or not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        log.warning("prctl(PR_SET_PDEATHSIG) failed: errno %d", ctypes.get_errno())
        return
    if os.getppid() != int(expected):  # the worker died before the signal was armed
        os._exit(1)


def horse_killed_handler(settings: Settings, worker: str) -> Callable[..., None]:
    """rq's ``work_horse_killed_handler`` for ``worker``: the horse running a page died (killed,
    out of memory). The page goes back to ``queued`` at once (if ``worker`` still holds it) and rq
    runs the job again without waiting; when the job has no retries left, the page fails with the
    reason (a page that kills every horse must not loop for ever)."""
    actor = f"worker:{worker}"
    db = Database(settings.sqlalchemy_url)  # migrated by the supervisor; no connection until used

    def handle(job: Any, retpid: int | None, ret_val: int | None, rusage: Any) -> None:
        sha = page_of_job(job.id)
        if sha is None:
            return
        how = f"сигнал {os.WTERMSIG(ret_val)}" if ret_val and os.WIFSIGNALED(ret_val) else f"код {ret_val}"
        try:
            if (job.retries_left or 0) > 0:
                job.retry_intervals = None  # rq re-enqueues it now (at the front), not after an interval
                job.enqueue_at_front_on_retry = True
                ledger.requeue_held(
                    db, sha, worker, actor, f"отново в опашката: процесът, който я обработваше, спря ({how})"
                )
            else:
                ledger.fail(
                    db,
                    sha,
                    f"процесът, който обработваше страницата, спря ({how}) при всеки опит; "
                    "проверете паметта на работника и страницата",
                    actor,
                )
        except Exception as e:  # the database is down: the reconciler retries the page later
            log.error("page %s of a killed work horse: %s", sha[:12], e)
        finally:
            db.dispose()  # closed again: no connection is inherited by the next work horse

    return handle


def run_page_job(page_sha256: str) -> None:
    """What an rq worker runs for one page. Idempotent: the pipeline leaves a page already done
    alone and overwrites a page's records by their stable ids. A page the pipeline marks failed
    fails its job too (so rq's failed-job registry agrees with the ledger)."""
    die_with_worker()
    install_fault_plugin()
    job = get_current_job()
    worker = (job.worker_name if job is not None else None) or os.environ.get("RQ_WORKER_ID") or None
    backends: Backends | None = None
    try:
        check_sha256(page_sha256)
        backends, engine = _worker_backends()
        status = process_page(backends, page_sha256, engine=engine, worker=worker)
    except Exception as err:
        retryable = _as_retryable(err)
        retries_left = (job.retries_left or 0) if job is not None else 0
        if retryable is not None and retries_left > 0:
            if retryable is err:
                raise
            raise retryable from err
        if job is not None:
            job.retries_left = 0  # not retryable (or out of retries): fail now, no rq retry
        try:
            db_backends = backends or _worker_backends()[0]
            ledger.fail(db_backends.db, page_sha256, _reason(retryable or err), worker_actor())
        except Exception as mark_err:  # the database itself is down: the reconciler re-queues later
            log.error("could not mark page %s failed: %s", page_sha256[:12], mark_err)
        raise
    if status == PageStatus.failed:
        if job is not None:
            job.retries_left = 0
        raise PageError(
            _ledger_error(backends, page_sha256) or f"страница {page_sha256[:12]} не беше разчетена"
        )
