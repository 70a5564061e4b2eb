"""The job an rq worker runs for one page (``ingest.jobs.run_page_job``, its only argument the
page's sha256), and what a worker process needs around it: its backends, opened once at its start
from its environment, and the fault-injection hook of the tests.

Retries: rq retries only retryable errors (``BackendUnavailable``: a server did not answer). Any
other failure is written to the ledger as ``failed`` with its reason and the job fails at once.

Fault injection for tests: ``ARCHIVE_FAULT_PLUGIN=<module>`` names a module whose ``install()`` is
called once per worker process before the first job (tests/faults/plugin.py makes extraction slow or
fake).
"""

from __future__ import annotations

import importlib
import logging
import os

import redis
from rq import get_current_job
from rq.timeouts import JobTimeoutException
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError, OperationalError

from archive_core.backends import Backends
from archive_core.config import Settings
from archive_core.db import Page
from archive_core.errors import ArchiveError, BackendUnavailable, PageError
from archive_core.hashing import check_sha256
from archive_core.records import PageStatus
from ocr.engine import OcrEngine, engine_from_settings

from . import ledger
from .backends import open_worker_backends
from .batches import worker_actor
from .pipeline import process_page

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
    if isinstance(err, OperationalError) or (isinstance(err, DBAPIError) and err.connection_invalidated):
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


def run_page_job(page_sha256: str) -> None:
    """What an rq worker runs for one page. Idempotent: the pipeline leaves a page already done
    alone and overwrites a page's records by their stable ids. A page the pipeline marks failed
    fails its job too (so rq's failed-job registry agrees with the ledger)."""
    install_fault_plugin()
    job = get_current_job()
    backends: Backends | None = None
    try:
        check_sha256(page_sha256)
        backends, engine = _worker_backends()
        status = process_page(backends, page_sha256, engine=engine)
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
