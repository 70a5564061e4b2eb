"""The embedded queue: pages are recognised by worker processes of this machine, no server.

Jobs carry only the page's sha256 and the settings as JSON (no local paths, nothing else pickled).
``workers == 1`` runs every page in this process. Work is driven by the page ledger: pages that are
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

from archive_core.config import Settings
from archive_core.db import Database, Page, open_database
from archive_core.errors import BackendUnavailable
from archive_core.progress import ProgressFactory, null_progress
from archive_core.records import PageStatus

from .batches import add_event, worker_actor

_BACKOFF = 2.0  # seconds before a page whose backend was unavailable is tried again


def _run_job(page_sha256: str, settings_json: str) -> str:
    """Body of one job in a worker process (a module-level function: importable under spawn)."""
    from .pipeline import process_page

    settings = Settings.model_validate(json.loads(settings_json))
    return str(process_page(settings, page_sha256))


def _pending(db: Database, shas: Sequence[str]) -> list[str]:
    with db.Session() as s:
        rows = set(
            s.scalars(
                select(Page.sha256).where(Page.sha256.in_(list(shas)), Page.status == PageStatus.queued)
            )
        )
    return [sha for sha in shas if sha in rows]


def _mark_failed(db: Database, sha: str, error: str) -> None:
    with db.Session() as s:
        page = s.get(Page, sha)
        if page is not None and page.status in (PageStatus.queued, PageStatus.processing):
            page.status = PageStatus.failed
            page.error = error
            add_event(s, sha, "failed", worker_actor(), error)
            s.commit()


class InProcessQueue:
    """JobQueue without a server (see the module docstring).

    ``worker_initializer``: an importable module-level function run once in each worker process
    before its first page (e.g. to load models or install instrumentation); None by default.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        progress: ProgressFactory = null_progress,
        worker_initializer: Callable[[], None] | None = None,
    ) -> None:
        self.settings = settings
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
        db = open_database(self.settings)
        try:
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
        finally:
            db.dispose()

    def _run(self, db: Database, shas: list[str], tick, deadline: float | None) -> list[tuple[str, str]]:
        """One pass over ``shas``; returns the pages whose backend was unavailable (with the reason)."""
        from .pipeline import process_page

        unavailable: list[tuple[str, str]] = []
        workers = min(self.settings.effective_workers(), len(shas))
        if workers <= 1:
            for sha in shas:
                try:
                    process_page(self.settings, sha, db=db)
                except BackendUnavailable as e:
                    unavailable.append((sha, str(e)))
                tick(1)
            return unavailable
        settings_json = self.settings.model_dump_json()
        ctx = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(
            max_workers=workers, mp_context=ctx, initializer=self.worker_initializer
        ) as pool:
            futures = {pool.submit(_run_job, sha, settings_json): sha for sha in shas}
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            for fut in as_completed(futures, timeout=remaining):
                sha = futures[fut]
                try:
                    fut.result()
                except BackendUnavailable as e:
                    unavailable.append((sha, str(e)))
                except BrokenProcessPool as e:
                    _mark_failed(db, sha, f"работният процес спря неочаквано ({e})")
                tick(1)
        return unavailable
