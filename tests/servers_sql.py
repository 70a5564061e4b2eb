"""Real PostgreSQL and Redis servers for tests and benchmarks, started in a temporary directory.

Both come from Debian packages (postgresql-15, redis-server). Nothing is skipped when a binary is
missing: the fixture fails with a message saying what to install. As root, PostgreSQL runs as the
``postgres`` user (it refuses to run as root); its data dir and socket dir are chowned to it.

Use as context managers (bench/) or through the session-scoped pytest fixtures
``postgres_server`` / ``redis_server`` and the per-test ``pg_database_url`` / ``redis_url``
(tests/conftest.py provides them to every test folder: one server each for the whole run; a test module
that imported them again would start servers of its own).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_port(port: int, proc: subprocess.Popen, what: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{what} exited with code {proc.returncode} before answering on port {port}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not answer on port {port} within {timeout:.0f}s")


def _stop(proc: subprocess.Popen | None, sig: int = signal.SIGTERM, timeout: float = 15.0) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.send_signal(sig)
    try:
        proc.wait(timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(5)


# --------------------------------------------------------------------------- PostgreSQL


def find_pg_bindir() -> Path:
    """The newest /usr/lib/postgresql/<version>/bin that has initdb (Debian layout)."""
    root = Path("/usr/lib/postgresql")
    candidates = sorted(
        (p / "bin" for p in root.glob("*") if (p / "bin" / "initdb").exists()),
        key=lambda p: int(p.parent.name) if p.parent.name.isdigit() else 0,
    )
    if candidates:
        return candidates[-1]
    initdb = shutil.which("initdb")
    if initdb:
        return Path(os.path.realpath(initdb)).parent
    raise RuntimeError(
        "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb): apt-get install postgresql"
    )


class PostgresServer:
    """A throw-away PostgreSQL cluster: trust auth, fsync off, TCP on a free port + socket in its dir."""

    def __init__(self, port: int | None = None) -> None:
        self.bindir = find_pg_bindir()
        self.port = port or free_port()
        self.tmp = Path(tempfile.mkdtemp(prefix="archive-pg-"))
        self.datadir = self.tmp / "data"
        self.sockdir = self.tmp / "sock"
        self.proc: subprocess.Popen | None = None
        self._as_postgres = os.geteuid() == 0

    @property
    def url(self) -> str:
        return self.url_for("postgres")

    def url_for(self, dbname: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def _user(self) -> dict:
        """Popen arguments that drop root to the postgres user (the server refuses to run as root)."""
        return {"user": "postgres", "group": "postgres", "extra_groups": []} if self._as_postgres else {}

    def start(self) -> PostgresServer:
        self.sockdir.mkdir(parents=True, exist_ok=True)
        if self._as_postgres:
            # runs as postgres: it must reach its dirs (mkdtemp makes them 0700)
            shutil.chown(self.tmp, "postgres", "postgres")
            shutil.chown(self.sockdir, "postgres", "postgres")
        if not self.datadir.exists():
            subprocess.run(
                [
                    str(self.bindir / "initdb"),
                    "-D",
                    str(self.datadir),
                    "-U",
                    "postgres",
                    "-A",
                    "trust",
                    "-E",
                    "UTF8",
                    "--locale=C.UTF-8",
                    "--no-sync",
                ],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                **self._user(),
            )
        self.proc = subprocess.Popen(
            [
                str(self.bindir / "postgres"),
                "-D",
                str(self.datadir),
                "-p",
                str(self.port),
                "-h",
                "127.0.0.1",
                "-k",
                str(self.sockdir),
                "-c",
                "fsync=off",
                "-c",
                "synchronous_commit=off",
                "-c",
                "full_page_writes=off",
                "-c",
                "max_connections=200",
            ],
            stdout=subprocess.DEVNULL,
            stderr=open(self.tmp / "postgres.log", "ab"),  # noqa: SIM115 - closed with the process
            start_new_session=True,
            **self._user(),
        )
        _wait_port(self.port, self.proc, "postgres")
        self._wait_ready()
        return self

    def _wait_ready(self, timeout: float = 30.0) -> None:
        import psycopg

        deadline = time.monotonic() + timeout
        while True:
            try:
                with psycopg.connect(self.url, connect_timeout=2):
                    return
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    def execute(self, sql: str, dbname: str = "postgres") -> list[tuple]:
        import psycopg

        with psycopg.connect(self.url_for(dbname), autocommit=True) as conn, conn.cursor() as cur:
            cur.execute(sql.encode())
            return list(cur.fetchall()) if cur.description else []

    def create_database(self, name: str | None = None) -> str:
        """A fresh empty database; returns its URL (ARCHIVE_DATABASE_URL form)."""
        name = name or f"t_{uuid.uuid4().hex[:12]}"
        self.execute(f'CREATE DATABASE "{name}"')
        return self.url_for(name)

    def terminate_connections(self, dbname: str) -> int:
        """Drop every client connection to ``dbname`` (pg_terminate_backend); returns how many."""
        rows = self.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            f"WHERE datname = '{dbname}' AND pid <> pg_backend_pid()"
        )
        return len(rows)

    def stop(self) -> None:
        _stop(self.proc, signal.SIGINT)  # fast shutdown
        self.proc = None

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self) -> PostgresServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


# --------------------------------------------------------------------------- Redis


class RedisServer:
    """A throw-away redis-server on a free port; ``persistent=True`` keeps an append-only file so a
    restart keeps the queue, otherwise a restart empties it (the reconciler's problem)."""

    def __init__(self, port: int | None = None, *, persistent: bool = False) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server not found: apt-get install redis-server")
        self.binary = binary
        self.port = port or free_port()
        self.persistent = persistent
        self.tmp = Path(tempfile.mkdtemp(prefix="archive-redis-"))
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        args = [
            self.binary,
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(self.tmp),
            "--save",
            "",
            "--appendonly",
            "yes" if self.persistent else "no",
            "--appendfsync",
            "always",
            "--loglevel",
            "warning",
        ]
        self.proc = subprocess.Popen(
            args,
            stdout=open(self.tmp / "redis.log", "ab"),  # noqa: SIM115 - closed with the process
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        _wait_port(self.port, self.proc, "redis-server")
        import redis

        client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + 10
        while True:
            try:
                client.ping()
                break
            except redis.exceptions.BusyLoadingError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        client.close()
        return self

    def stop(self, *, kill: bool = False) -> None:
        _stop(self.proc, signal.SIGKILL if kill else signal.SIGTERM)
        self.proc = None

    def restart(self, *, kill: bool = True, down_for: float = 0.0) -> None:
        """Stop (kill -9 by default) and start again on the same port."""
        self.stop(kill=kill)
        if down_for:
            time.sleep(down_for)
        self.start()

    def flushall(self) -> None:
        import redis

        client = redis.Redis.from_url(self.url)
        client.flushall()
        client.close()

    def close(self) -> None:
        self.stop()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self) -> RedisServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()


# --------------------------------------------------------------------------- pytest fixtures


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    try:
        server = PostgresServer().start()
    except (RuntimeError, subprocess.CalledProcessError) as e:
        pytest.fail(f"cannot start PostgreSQL for the tests: {e}", pytrace=False)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def pg_database_url(postgres_server: PostgresServer) -> str:
    """A fresh, empty PostgreSQL database per test (ARCHIVE_DATABASE_URL form)."""
    return postgres_server.create_database()


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    try:
        server = RedisServer().start()
    except RuntimeError as e:
        pytest.fail(f"cannot start redis-server for the tests: {e}", pytrace=False)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def redis_url(redis_server: RedisServer) -> Iterator[str]:
    """The session Redis, emptied before each test."""
    if redis_server.proc is None or redis_server.proc.poll() is not None:
        redis_server.start()
    redis_server.flushall()
    yield redis_server.url
