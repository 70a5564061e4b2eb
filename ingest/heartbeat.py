"""Worker heartbeats in Redis: how the fleet learns that a worker, or a whole host, is gone.

Every rq worker process of ``archive worker`` keeps a key ``archive:<queue>:alive:<worker name>``
alive with a TTL of ``settings.worker_heartbeat`` seconds, refreshed three times per TTL by a thread
of its own. A worker killed with ``kill -9``, or a host that lost power or its network, stops
refreshing; its key expires, and the reconciler re-queues the pages it held (``ingest.reconcile``).
rq keeps heartbeats of its own, but they outlive a busy worker by 90 s or more (its job monitoring
interval plus 60 s), too long for a page's retry "within a minute".
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence

import redis

from archive_core.config import Settings

log = logging.getLogger(__name__)


def heartbeat_key(settings: Settings, worker: str) -> str:
    return f"archive:{settings.queue_name}:alive:{worker}"


def beat(connection: redis.Redis, settings: Settings, worker: str) -> None:
    connection.set(heartbeat_key(settings, worker), "1", ex=settings.worker_heartbeat)


def forget(connection: redis.Redis, settings: Settings, worker: str) -> None:
    """The worker is known dead (its supervisor saw it exit): no need to wait for the TTL."""
    connection.delete(heartbeat_key(settings, worker))


def alive(connection: redis.Redis, settings: Settings, workers: Sequence[str]) -> set[str]:
    """Those of ``workers`` whose heartbeat has not expired (one round trip)."""
    names = list(dict.fromkeys(workers))
    if not names:
        return set()
    pipe = connection.pipeline(transaction=False)
    for w in names:
        pipe.exists(heartbeat_key(settings, w))
    return {w for w, n in zip(names, pipe.execute(), strict=True) if n}


class Heartbeat:
    """A daemon thread that keeps one worker's heartbeat alive until ``stop()`` or the process ends.

    A beat that fails (Redis down for a moment) is logged and tried again at the next tick; if Redis
    stays down longer than the TTL, the worker's pages may be retried elsewhere, which is harmless:
    a page is written only by the worker that holds it (``ingest.ledger.holds``)."""

    def __init__(self, connection: redis.Redis, settings: Settings, worker: str) -> None:
        self.connection = connection
        self.settings = settings
        self.worker = worker
        self.every = max(0.5, settings.worker_heartbeat / 3)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"heartbeat-{worker}", daemon=True)

    def start(self) -> Heartbeat:
        beat(self.connection, self.settings, self.worker)  # before the first job is taken
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.every):
            try:
                beat(self.connection, self.settings, self.worker)
            except redis.exceptions.RedisError as e:
                log.warning("heartbeat of %s: %s", self.worker, e)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        try:
            forget(self.connection, self.settings, self.worker)
        except redis.exceptions.RedisError as e:
            log.warning("heartbeat of %s: %s", self.worker, e)
