"""The page queue on rq + Redis (used when ARCHIVE_REDIS_URL is set).

The database's page ledger is the source of truth; Redis only carries work. A job is keyed by the
page's sha256 (``page-<sha256>``) and its only argument is that sha256 string: no local paths, nothing
pickled but a str. Enqueueing a page whose job is already waiting or running adds nothing (rq's atomic
``unique`` enqueue); a job that already ended is replaced.

Retries: every job carries ``Retry(max=settings.job_retries)``, but the job function
(``ingest.jobs.run_page_job``, named here, given by ``ingest.backends``) lets rq retry only retryable
errors (``BackendUnavailable``: a server did not answer). Any other failure is written to the ledger
as ``failed`` with its reason and the job fails at once (visible in rq's failed-job registry and in
``archive jobs``).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

import redis
from rq import Queue, Retry
from rq.exceptions import DeserializationError, DuplicateJobError, NoSuchJobError
from rq.job import Job, JobStatus
from rq.registry import FailedJobRegistry, StartedJobRegistry
from rq.utils import utcparse
from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

from archive_core.config import Settings
from archive_core.db import Database, Page, open_database
from archive_core.errors import BackendUnavailable, ConfigError, UsageError
from archive_core.hashing import is_sha256
from archive_core.progress import ProgressFactory, null_progress
from archive_core.records import PageStatus

from . import heartbeat
from .reconcile import reconcile

log = logging.getLogger(__name__)

JOB_FUNCTION = "ingest.jobs.run_page_job"  # the default job; a name, not an import
JOB_PREFIX = "page-"
# Seconds between retries of a retryable failure (needs a worker running with the rq scheduler).
RETRY_INTERVALS = (5, 30, 120, 300)
# Finished jobs go soon (the ledger knows a page is done; millions of job hashes would fill Redis);
# failed ones stay a week for `archive jobs`.
RESULT_TTL = 600
FAILURE_TTL = 7 * 24 * 3600
ACTIVE_JOB_STATES = frozenset({JobStatus.QUEUED, JobStatus.SCHEDULED, JobStatus.DEFERRED, JobStatus.STARTED})


@dataclass(frozen=True)
class JobState:
    status: JobStatus | None  # None: Redis has no such job
    started_at: datetime | None = None
    worker: str | None = None  # the rq worker that started it

    @staticmethod
    def _text(raw: object) -> str:
        return raw.decode() if isinstance(raw, bytes) else str(raw or "")

    @classmethod
    def parse(cls, raw: Sequence[object]) -> JobState:
        status_raw, started_raw = cls._text(raw[0]), cls._text(raw[1])
        try:
            status = JobStatus(status_raw) if status_raw else None
        except ValueError:
            status = None
        try:
            started = utcparse(started_raw) if started_raw else None
        except ValueError:
            started = None
        worker = cls._text(raw[2]) if len(raw) > 2 else ""
        return cls(status, started, worker or None)


def job_id_for(page_sha256: str) -> str:
    return JOB_PREFIX + page_sha256


def page_of_job(job_id: str) -> str | None:
    return job_id[len(JOB_PREFIX) :] if job_id.startswith(JOB_PREFIX) else None


def _check_sha(page_sha256: str) -> str:
    if not isinstance(page_sha256, str) or not is_sha256(page_sha256):
        raise UsageError(f"невалиден sha256 на страница: {page_sha256!r}")
    return page_sha256


def safe_url(url: str) -> str:
    """The URL without its password (for messages)."""
    return re.sub(r"//([^:/@]*):[^@/]*@", r"//\1:***@", url)


def redis_unavailable(url: str, err: Exception) -> BackendUnavailable:
    return BackendUnavailable(
        f"Redis на {safe_url(url)} не отговаря ({type(err).__name__}: {err}); "
        "проверете дали сървърът работи и ARCHIVE_REDIS_URL е верен"
    )


@contextmanager
def redis_errors(url: str) -> Iterator[None]:
    """Turn Redis connection failures into BackendUnavailable with a message a person can act on."""
    try:
        yield
    except (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError) as e:
        raise redis_unavailable(url, e) from e
    except redis.exceptions.BusyLoadingError as e:  # restarted, still loading its data
        raise redis_unavailable(url, e) from e


def connect_redis(settings: Settings) -> redis.Redis:
    if not settings.redis_url:
        raise UsageError("ARCHIVE_REDIS_URL не е зададен: опашката на rq иска сървър Redis")
    try:
        conn = redis.Redis.from_url(settings.redis_url, socket_connect_timeout=5, health_check_interval=30)
    except ValueError as e:
        raise ConfigError(f"невалиден ARCHIVE_REDIS_URL {safe_url(settings.redis_url)!r}: {e}") from None
    with redis_errors(settings.redis_url):
        conn.ping()
    return conn


class RqQueue:
    """archive_core.protocols.JobQueue on rq. Workers: ``archive worker --processes N``."""

    def __init__(
        self,
        settings: Settings,
        connection: redis.Redis,
        *,
        db: Database | None = None,
        job_function: str = JOB_FUNCTION,
    ) -> None:
        self.settings = settings
        self.job_function = job_function
        self.connection = connection
        self.url = settings.redis_url or ""
        self.queue = Queue(settings.queue_name, connection=connection, default_timeout=settings.job_timeout)
        self._db = db
        self.progress: ProgressFactory = null_progress  # set by a caller that shows progress

    @classmethod
    def from_settings(
        cls, settings: Settings, *, db: Database | None = None, job_function: str = JOB_FUNCTION
    ) -> RqQueue:
        return cls(settings, connect_redis(settings), db=db, job_function=job_function)

    @property
    def db(self) -> Database:
        if self._db is None:
            self._db = open_database(self.settings)
        return self._db

    def _retry(self) -> Retry | None:
        n = self.settings.job_retries
        if n <= 0:
            return None
        # never wait longer than the reconciler would (stuck_after)
        intervals = [
            min(RETRY_INTERVALS[min(i, len(RETRY_INTERVALS) - 1)], self.settings.stuck_after)
            for i in range(n)
        ]
        return Retry(max=n, interval=intervals, enqueue_at_front=True)  # a retry waits for no backlog

    def job_status(self, page_sha256: str) -> JobStatus | None:
        """The rq status of the page's job, None when Redis has no such job."""
        with redis_errors(self.url):
            raw = self.connection.hget(Job.key_for(job_id_for(page_sha256)), "status")
        if raw is None:
            return None
        value = raw.decode() if isinstance(raw, bytes) else str(raw)
        try:
            return JobStatus(value)
        except ValueError:
            return None

    def job_states(self, page_sha256s: Sequence[str]) -> dict[str, JobState]:
        """Status and start time of many pages' jobs in one round trip (status None: no such job)."""
        with redis_errors(self.url):
            pipe = self.connection.pipeline(transaction=False)
            for sha in page_sha256s:
                pipe.hmget(Job.key_for(job_id_for(sha)), ["status", "started_at", "worker_name"])
            raws = pipe.execute()
        return {sha: JobState.parse(raw) for sha, raw in zip(page_sha256s, raws, strict=True)}

    def enqueue_page(self, page_sha256: str) -> None:
        self._enqueue(_check_sha(page_sha256), keep=ACTIVE_JOB_STATES)

    def requeue_page(self, page_sha256: str, *, worker_died: bool = False) -> bool:
        """For the reconciler: like enqueue_page, but a 'started' job (whose worker may be dead) is
        replaced too, and the job goes to the front of the queue (a retry waits for no backlog).
        ``worker_died``: the job's worker is known dead, replace the job whatever its state (a
        worker killed just after taking the job leaves it 'queued' but out of the queue).
        Returns True when a job was added."""
        keep = frozenset() if worker_died else ACTIVE_JOB_STATES - {JobStatus.STARTED}
        return self._enqueue(_check_sha(page_sha256), keep=keep, at_front=True)

    def dangling(self, page_sha256s: Sequence[str], *, settle: float = 0.5) -> list[str]:
        """Pages whose job says 'queued' but is in no queue: a worker took it off the queue and died
        before marking it started (a host lost at that instant). Looked at twice, ``settle`` seconds
        apart, so a job a live worker is just starting is not taken for lost."""

        def candidates(shas: Sequence[str]) -> list[str]:
            states = self.job_states(shas)
            queued = [sha for sha in shas if states[sha].status == JobStatus.QUEUED]
            with redis_errors(self.url):
                pipe = self.connection.pipeline(transaction=False)
                for sha in queued:
                    pipe.lpos(self.queue.key, job_id_for(sha))
                places = pipe.execute()
            return [sha for sha, place in zip(queued, places, strict=True) if place is None]

        first = candidates(page_sha256s)
        if not first:
            return []
        time.sleep(settle)
        return candidates(first)

    def requeue_dangling(self, page_sha256: str) -> bool:
        """A fresh job for a page whose job was lost between the queue and a worker (see dangling)."""
        return self.requeue_page(page_sha256, worker_died=True)

    def dead_workers(self, workers: Sequence[str]) -> set[str]:
        """Those of ``workers`` whose heartbeat expired (``ingest.heartbeat``). None of them while
        Redis itself has been up for less than a heartbeat: a restarted Redis forgot every heartbeat,
        and the live workers renew theirs within a third of it."""
        if not workers:
            return set()
        with redis_errors(self.url):
            uptime = int(self.connection.info("server").get("uptime_in_seconds", 0))
            if uptime < self.settings.worker_heartbeat:
                return set()
            return set(workers) - heartbeat.alive(self.connection, self.settings, workers)

    def job_of_worker(self, worker: str) -> str | None:
        """The page of the job rq says ``worker`` had started (None: idle, or Redis forgot it)."""
        from rq import Worker

        with redis_errors(self.url):
            found = Worker.find_by_key(Worker.redis_worker_namespace_prefix + worker, connection=self.connection)
            job_id = found.get_current_job_id() if found is not None else None
        return page_of_job(job_id) if job_id else None

    def forget_worker(self, worker: str) -> None:
        """A worker known dead: drop its heartbeat and rq's registration of it (``archive jobs``
        counts live workers)."""
        from rq import Worker

        with redis_errors(self.url):
            heartbeat.forget(self.connection, self.settings, worker)
            found = Worker.find_by_key(Worker.redis_worker_namespace_prefix + worker, connection=self.connection)
            if found is not None:
                found.register_death()

    def _enqueue(self, sha: str, *, keep: frozenset[JobStatus], at_front: bool = False) -> bool:
        job_id = job_id_for(sha)
        with redis_errors(self.url):
            for _ in range(3):
                try:
                    self.queue.enqueue_call(
                        self.job_function,
                        args=(sha,),
                        timeout=self.settings.job_timeout,
                        result_ttl=RESULT_TTL,
                        failure_ttl=FAILURE_TTL,
                        description=f"page {sha[:12]}",
                        job_id=job_id,
                        retry=self._retry(),
                        unique=True,
                        at_front=at_front,
                    )
                    return True
                except DuplicateJobError:
                    status = self.job_status(sha)
                    if status in keep:
                        return False  # already waiting or running: adds nothing
                    # Ended (finished/failed/stopped/canceled) or, for the reconciler, abandoned:
                    # replace it. Another process racing us makes the next unique enqueue a no-op.
                    self._delete_job(job_id)
            return False

    def _delete_job(self, job_id: str) -> None:
        """Remove a job and its traces. rq's own delete trips over a killed worker's expired
        execution, so fall back to removing the keys by hand."""
        try:
            Job.fetch(job_id, connection=self.connection).delete(remove_from_queue=True)
            return
        except (NoSuchJobError, ValueError, DeserializationError) as e:
            log.info("job %s: rq delete failed (%s); removing its keys", job_id, e)
        started = StartedJobRegistry(queue=self.queue)
        members: list[str] = [
            str(m.decode() if isinstance(m, bytes) else m) for m in self.connection.zrange(started.key, 0, -1)
        ]
        members = [m for m in members if m.split(":", 1)[0] == job_id]
        pipe = self.connection.pipeline()
        if members:
            pipe.zrem(started.key, *members)
        pipe.zrem(FailedJobRegistry(queue=self.queue).key, job_id)
        pipe.lrem(self.queue.key, 0, job_id)
        pipe.delete(Job.key_for(job_id))
        pipe.execute()

    def pending(self, page_sha256s: Sequence[str]) -> list[str]:
        """Pages among ``page_sha256s`` whose ledger status is still queued or processing."""
        waiting = (PageStatus.queued.value, PageStatus.processing.value)
        out: list[str] = []
        with self.db.Session() as s:
            for i in range(0, len(page_sha256s), 500):
                chunk = list(page_sha256s[i : i + 500])
                out.extend(
                    s.scalars(select(Page.sha256).where(Page.sha256.in_(chunk), Page.status.in_(waiting)))
                )
        return out

    def workers_count(self) -> int:
        from rq import Worker

        with redis_errors(self.url):
            return len(Worker.all(queue=self.queue))

    def run_until_done(
        self, page_sha256s: Sequence[str], *, timeout: float | None = None, poll: float = 0.5
    ) -> None:
        """Wait until every listed page has left queued/processing in the ledger, running the
        reconciler meanwhile (re-queues pages of killed workers and jobs Redis lost)."""
        shas = list(dict.fromkeys(page_sha256s))
        if not shas:
            return
        deadline = None if timeout is None else time.monotonic() + timeout
        bar = self.progress(total=len(shas), desc="Разчитане", unit="стр.")
        try:
            self._wait(shas, deadline, timeout, poll, bar.update)
        finally:
            bar.close()

    def _wait(
        self,
        shas: list[str],
        deadline: float | None,
        timeout: float | None,
        poll: float,
        tick: Callable[[int], None],
    ) -> None:
        reconcile_every = max(1.0, min(30.0, self.settings.stuck_after / 3))
        next_reconcile = time.monotonic() + reconcile_every
        no_workers_seen = 0
        db_errors = 0
        while True:
            try:
                still = self.pending(shas)
                db_errors = 0
                if len(still) < len(shas):
                    tick(len(shas) - len(still))
                shas = still
            except DBAPIError as e:  # connection dropped: pool_pre_ping reconnects on the next poll
                db_errors += 1
                if db_errors > 20:
                    raise BackendUnavailable(f"базата данни не отговаря: {str(e).splitlines()[0]}") from e
                time.sleep(poll)
                continue
            if not shas:
                return
            now = time.monotonic()
            if now >= next_reconcile:
                try:
                    reconcile(self.settings, self.db, self, only=shas)
                    no_workers_seen = no_workers_seen + 1 if self.workers_count() == 0 else 0
                except (BackendUnavailable, DBAPIError) as e:
                    log.warning("reconciler: %s", e)
                if no_workers_seen == 2:
                    log.warning(
                        "няма работещи rq работници за опашка %r: стартирайте `archive worker`",
                        self.queue.name,
                    )
                next_reconcile = now + reconcile_every
            if deadline is not None and now >= deadline:
                raise BackendUnavailable(
                    f"{len(shas)} страници още чакат обработка след {timeout:.0f} s "
                    "(работят ли `archive worker` процесите?); вижте `archive jobs`"
                )
            time.sleep(poll)

    def failed_jobs(self, limit: int = 50) -> list[tuple[str, str]]:
        """(job id, last line of its error) from rq's failed-job registry, newest first."""
        with redis_errors(self.url):
            reg = FailedJobRegistry(queue=self.queue)
            ids = reg.get_job_ids(0, limit - 1, desc=True)
            out: list[tuple[str, str]] = []
            for job_id, job in zip(ids, Job.fetch_many(ids, connection=self.connection), strict=True):
                exc = ""
                if job is not None:
                    try:
                        result = job.latest_result()
                        exc = (result.exc_string or "") if result is not None else ""
                    except Exception:  # an unreadable result must not hide the others
                        exc = ""
                lines = [ln for ln in exc.strip().splitlines() if ln.strip()]
                out.append((job_id, lines[-1].strip() if lines else ""))
            return out

    def try_lead(self, key: str, owner: str, seconds: float) -> bool:
        """Take a lock in Redis for ``seconds`` (one of a fleet does a job); False if another holds it."""
        with redis_errors(self.url):
            return bool(self.connection.set(key, owner, nx=True, ex=max(1, int(seconds))))

    def counts(self) -> dict[str, int]:
        """rq's view: waiting, running (started), failed, workers."""
        from rq import Worker

        with redis_errors(self.url):
            return {
                "queued": self.queue.count,
                "started": StartedJobRegistry(queue=self.queue).count,
                "failed": FailedJobRegistry(queue=self.queue).count,
                "workers": len(Worker.all(queue=self.queue)),
            }
