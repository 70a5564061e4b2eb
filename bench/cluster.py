"""A small intake cluster on one machine, for the multi-host benchmark and the kill soak.

The shared servers of a real deployment, each a throw-away process: PostgreSQL and Redis
(tests/servers_sql.py), an Elasticsearch-API server (noida-db) and an S3 server (moto)
(tests/servers.py). Each run gets a fresh database, index alias and buckets, and an empty Redis.
"Hosts" are ``archive worker`` supervisors, each in its own session and working folder with its own
data folder: they share nothing but the servers, as machines would. Killing a host kills every
process of its session with ``kill -9``.
"""

from __future__ import annotations

import contextlib
import os
import signal
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import redis
from rq import Worker
from sqlalchemy import func, select

from archive_core.config import Settings
from archive_core.db import Page, Record, open_database
from tests.faults import harness, plugin
from tests.servers import moto_server, noida_server
from tests.servers_sql import PostgresServer, RedisServer


class Cluster:
    """The shared servers; ``settings(name)`` gives a fresh, empty archive on them."""

    def __init__(self, stack: ExitStack, tmp: Path) -> None:
        self.tmp = tmp
        self.pg = stack.enter_context(PostgresServer())
        self.redis = stack.enter_context(RedisServer())
        self.es = stack.enter_context(noida_server())
        self.s3 = stack.enter_context(moto_server())

    def settings(self, name: str, **overrides: object) -> Settings:
        """A fresh database, index alias and buckets named ``name`` (lower-case letters, digits, -)."""
        self.redis.flushall()
        values: dict[str, object] = {
            "data_dir": self.tmp / name / "capture-data",
            "database_url": self.pg.create_database(name.replace("-", "_")),
            "redis_url": self.redis.url,
            "elasticsearch_url": self.es.url,
            "index_alias": name,
            "s3_endpoint": self.s3.url,
            "s3_access_key": "test",
            "s3_secret_key": "test",
            "s3_region": "us-east-1",
            "s3_bucket": f"{name}-originals",
            "s3_derivatives_bucket": f"{name}-derivatives",
        }
        values.update(overrides)
        return Settings(**values)  # type: ignore[arg-type]


def host_env(settings: Settings, host_dir: Path, pages: Path, log: Path, extractor: str) -> dict[str, str]:
    """A worker host's environment: the shared servers, its own data folder; real OCR (each
    extraction start logged) or the fake extractor of the fault tests."""
    env = harness.server_env(settings)
    env["ARCHIVE_DATA_DIR"] = str(host_dir / "data")
    env["ARCHIVE_FAULT_PLUGIN"] = "tests.faults.plugin"
    env[plugin.ENV_LOG] = str(log)
    if extractor == "real":
        env[plugin.ENV_REAL] = "1"
    else:
        env[plugin.ENV_TRUTH] = str(pages)
    return env


def start_hosts(
    settings: Settings, processes: list[int], run_dir: Path, pages: Path, log: Path, extractor: str
) -> list[harness.WorkerFleet]:
    """One ``archive worker`` per entry of ``processes`` (its worker count), each a "host"."""
    fleets = []
    for i, n in enumerate(processes):
        host_dir = run_dir / f"host{i}"
        host_dir.mkdir(parents=True, exist_ok=True)
        env = host_env(settings, host_dir, pages, log, extractor)
        fleets.append(harness.WorkerFleet(env, n, host_dir / "worker.log", cwd=host_dir).start())
    return fleets


def wait_for_workers(settings: Settings, n: int, timeout: float = 90.0) -> None:
    conn = redis.Redis.from_url(settings.redis_url or "")
    harness.wait_for(lambda: len(Worker.all(connection=conn)) >= n, timeout, f"{n} rq workers", poll=0.2)


@dataclass
class Busy:
    worker: str
    pid: int
    job_id: str


def busy_workers(settings: Settings, pids: set[int] | None = None) -> list[Busy]:
    """rq workers in the middle of a job (optionally only those with these pids)."""
    conn = redis.Redis.from_url(settings.redis_url or "")
    out = []
    for w in Worker.all(connection=conn):
        job_id = w.get_current_job_id()
        if job_id and w.pid and (pids is None or w.pid in pids):
            out.append(Busy(w.name, w.pid, job_id))
    return out


def work_horse(worker_pid: int) -> int | None:
    """The work horse of an rq worker: the child in a process group of its own (rq's scheduler
    is a child too, but stays in the worker's group)."""
    for child in harness.children_of(worker_pid):
        with contextlib.suppress(ProcessLookupError):
            if os.getpgid(child) == child:
                return child
    return None


def kill9(pid: int) -> bool:
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return False
    return True


def records_per_page(settings: Settings) -> dict[str, int]:
    db = open_database(settings)
    try:
        with db.Session() as s:
            rows = s.execute(select(Record.page_sha256, func.count()).group_by(Record.page_sha256)).all()
            return {sha: int(n) for sha, n in rows}
    finally:
        db.dispose()


def page_names(settings: Settings) -> dict[str, str]:
    """sha256 -> image file name, as the extraction log names it."""
    db = open_database(settings)
    try:
        with db.Session() as s:
            return {sha: Path(src).name for sha, src in s.execute(select(Page.sha256, Page.source))}
    finally:
        db.dispose()


def stop_all(fleets: list[harness.WorkerFleet]) -> None:
    for f in fleets:
        f.stop()
