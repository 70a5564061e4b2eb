"""The embedded queue: pages are recognised by worker processes of this machine, no server.

Jobs carry only the page's sha256 (no local paths, nothing else pickled). The queue is given the
work to do (``work(backends, sha256)``, the pipeline's ``process_page``) and, for worker processes,
how to open their own backends at their start (``open_backends(settings)``); it imports neither.
``workers == 1`` runs every page in this process, on the program's own backends. Work is driven by the page ledger: pages that are
still ``queued`` are processed; anything else is already finished (or rejected).
"""

from __future__ import annotations

import json
import multiprocessing
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from sqlalchemy import select

from archive_core.backends import Backends
from archive_core.config import Settings
from archive_core.db import Database, Page
from archive_core.errors import BackendUnavailable
from archive_core.progress import ProgressFactory, null_progress
from archive_core.records import PageStatus

from . import ledger
from .batches import worker_actor

Work = Callable[[Backends, str], object]
OpenBackends = Callable[[Settings], Backends]

_BACKOFF = 2.0  # seconds before a page whose backend was unavailable is tried again


_worker_backends: Backends | None = None  # a worker process's own backends, opened at its start


def _start_worker(
    open_backends: OpenBackends, settings_json: str, initializer: Callable[[], None] | None
) -> None:
    """Run once in each worker process (spawn): open its backends, then the caller's initializer."""
    global _worker_backends
    _worker_backends = open_backends(Settings.model_validate(json.loads(settings_json)))
    if initializer is not None:
        initializer()


def _run_job(work: Work, page_sha256: str) -> str:
    """Body of one job in a worker process (module-level, so importable under spawn)."""
    assert _worker_backends is not None, "worker started without its backends"
    return str(work(_worker_backends, page_sha256))


def _pending(db: Database, shas: Sequence[str]) -> list[str]:
    with db.Session() as s:
        rows = set(
            s.scalars(
                select(Page.sha256).where(Page.sha256.in_(list(shas)), Page.status == PageStatus.queued)
            )
        )
    return [sha for sha in shas if sha in rows]


class InProcessQueue:
    """JobQueue without a server (see the module docstring).

    ``worker_initializer``: an importable module-level function run once in each worker process
    before its first page (e.g. to load models or install instrumentation); None by default.
    """

    def __init__(
        self,
        backends: Backends,
        *,
        work: Work,
        open_backends: OpenBackends,
        progress: ProgressFactory = null_progress,
        worker_initializer: Callable[[], None] | None = None,
    ) -> None:
        self.backends = backends
        self.settings = backends.settings
        self.work = work
        self.open_backends = open_backends
        self.progress = progress
        self.worker_initializer = worker_initializer
        self.enqueued: list[str] = []

    def enqueue_page(self, page_sha256: str) -> None:
        if page_sha256 not in self.enqueued:
            self.enqueued.append(page_sha256)

    def run_until_done(self, page_sha256s: Sequence[str], *, timeout: float | None = None) -> None:
        """Process every listed page still queued; returns when none is queued or processing.

        A page whose backend is unavailable is retried up to ``settings.job_retries`` times, then
        left ``queued`` (the next run picks it up) and BackendUnavailable is raised.
        """
        db = self.backends.db
        pending = _pending(db, list(dict.fromkeys(page_sha256s)))
        bar = self.progress(total=len(pending), desc="Разчитане", unit=" стр.")
        try:
            attempt = 0
            deadline = None if timeout is None else time.monotonic() + timeout
            while pending:
                unavailable = self._run(db, pending, bar.update, deadline)
                if not unavailable:
                    break
                attempt += 1
                if attempt > self.settings.job_retries:
                    raise BackendUnavailable(
                        f"{len(unavailable)} страници остават на опашката: {unavailable[0][1]}"
                    )
                time.sleep(_BACKOFF * attempt)
                pending = _pending(db, [sha for sha, _ in unavailable])
        finally:
            bar.close()
        for sha in page_sha256s:
            self.enqueued = [s for s in self.enqueued if s != sha]

    def _run(self, db: Database, shas: list[str], tick, deadline: float | None) -> list[tuple[str, str]]:
        """One pass over ``shas``; returns the pages whose backend was unavailable (with the reason)."""
        unavailable: list[tuple[str, str]] = []
        workers = min(self.settings.effective_workers(), len(shas))
        if workers <= 1:
            for sha in shas:
                try:
                    self.work(self.backends, sha)
                except BackendUnavailable as e:
                    unavailable.append((sha, str(e)))
                tick(1)
            return unavailable
        settings_json = self.settings.model_dump_json()
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=ctx,
            initializer=_start_worker,
            initargs=(self.open_backends, settings_json, self.worker_initializer),
        ) as pool:
            futures = {pool.submit(_run_job, self.work, sha): sha for sha in shas}
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            for fut in as_completed(futures, timeout=remaining):
                sha = futures[fut]
                try:
                    fut.result()
                except BackendUnavailable as e:
                    unavailable.append((sha, str(e)))
                except BrokenProcessPool as e:
                    ledger.fail(db, sha, f"работният процес спря неочаквано ({e})", worker_actor())
                tick(1)
        return unavailable
