"""Alembic environment. Two ways in:

- from the application: ``archive_core.migrate.upgrade`` passes an open connection in
  ``config.attributes["connection"]``;
- from the ``alembic`` command line (developers): the URL comes from the ARCHIVE_* settings.

SQLite needs batch mode ("move and copy") for ALTERs, so ``render_as_batch`` is on for it.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from archive_core.db import Base

config = context.config
target_metadata = Base.metadata


def _configure_and_run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_offline() -> None:
    from archive_core.config import Settings

    url = config.get_main_option("sqlalchemy.url") or Settings().sqlalchemy_url
    context.configure(
        url=url,
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=url.startswith("sqlite"),
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure_and_run(connection)
        return
    from archive_core.config import Settings
    from archive_core.db import make_engine

    url = config.get_main_option("sqlalchemy.url") or Settings().sqlalchemy_url
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            _configure_and_run(conn)
            conn.commit()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
