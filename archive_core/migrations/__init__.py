"""Alembic migrations of the system-of-record schema (archive_core.db), applied by ``open_database``.

``upgrade_to_head(engine)`` is safe to call from many processes at once (workers start together):
PostgreSQL serialises it with an advisory lock, SQLite with a lock file beside the database. A
database made before migrations existed (tables present, no ``alembic_version``) is stamped with
the initial revision, then upgraded.
"""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text
from sqlalchemy.engine import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent
INITIAL_REVISION = "0001"
_PG_LOCK_KEY = 0x5041_5952  # "PAYR": advisory lock id for migrations


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


@cache
def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


@contextlib.contextmanager
def _sqlite_file_lock(engine: Engine) -> Iterator[None]:
    db_path = engine.url.database
    if not db_path or db_path == ":memory:":
        yield
        return
    lock_path = Path(db_path).with_name(Path(db_path).name + ".migrate.lock")
    with open(lock_path, "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _upgrade(conn: Connection) -> None:
    cfg = alembic_config()
    cfg.attributes["connection"] = conn
    if current_revision(conn) is None and inspect(conn).has_table("pages"):
        command.stamp(cfg, INITIAL_REVISION)
    command.upgrade(cfg, "head")


def upgrade_to_head(engine: Engine) -> None:
    """Bring the schema to the newest revision (no-op, one query, when it already is)."""
    with engine.connect() as conn:
        if current_revision(conn) == head_revision():
            return
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
            _upgrade(conn)
        return
    with _sqlite_file_lock(engine), engine.begin() as conn:
        _upgrade(conn)
