"""Where a program chooses its backends: once, at its start, from the settings.

``open_backends(settings)`` returns one ``archive_core.backends.Backends`` (database, original store,
search index and, when asked, the page queue) that the program passes down. The queue is given the
work it runs (the pipeline's ``process_page`` with the OCR engine made here) and how a worker process
opens its own backends; the queue modules import neither.
"""

from __future__ import annotations

from functools import partial

from archive_core.backends import Backends
from archive_core.config import Settings
from archive_core.db import open_database
from archive_core.protocols import JobQueue
from archive_core.storage import open_store
from indexer.backend import open_index
from ocr.engine import engine_from_settings

from .inprocess import InProcessQueue
from .pipeline import process_page
from .rq_queue import JOB_FUNCTION, RqQueue


def open_worker_backends(settings: Settings) -> Backends:
    """A worker's backends: no queue of its own (module-level: passed to spawned processes)."""
    return open_backends(settings, with_queue=False)


def open_queue(backends: Backends) -> JobQueue:
    """rq on Redis when ARCHIVE_REDIS_URL is set, else in-process workers."""
    if backends.settings.redis_url:
        return RqQueue.from_settings(backends.settings, db=backends.db, job_function=JOB_FUNCTION)
    engine = engine_from_settings(backends.settings)  # made once here; pickled into worker processes
    work = partial(process_page, engine=engine)
    return InProcessQueue(backends, work=work, open_backends=open_worker_backends)


def open_backends(settings: Settings, *, with_queue: bool = True) -> Backends:
    backends = Backends(
        settings=settings, db=open_database(settings), store=open_store(settings), index=open_index(settings)
    )
    if with_queue:
        backends.queue = open_queue(backends)
    return backends
