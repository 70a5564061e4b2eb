"""PostgreSQL drops every client connection (pg_terminate_backend) several times mid-batch: the
workers and the waiting ingest reconnect; a page whose write was cut retries; nothing lost or doubled."""

from __future__ import annotations

import time
from pathlib import Path

from archive_core.config import Settings
from tests.servers_sql import PostgresServer

from .harness import (
    Background,
    assert_exactly_once,
    fleet,
    ingest_all,
    ledger_count,
    tally,
    wait_for,
    worker_env,
)


def test_postgres_connections_dropped_mid_batch(
    tmp_path: Path, prod_settings: Settings, sample_pages: list[Path], postgres_server: PostgresServer
) -> None:
    settings = prod_settings
    n = len(sample_pages)
    dbname = (settings.database_url or "").rsplit("/", 1)[1]
    log = tmp_path / "extract.log"
    env = worker_env(settings, sample_pages[0].parent, log, slow=0.5)
    with fleet(env, tmp_path, processes=2):
        run = Background(ingest_all, settings, sample_pages)
        wait_for(lambda: ledger_count(settings, "processing", "done") >= 1, 90, "processing under way")
        dropped = 0
        for _ in range(6):
            dropped += postgres_server.terminate_connections(dbname)
            time.sleep(0.4)
        assert dropped > 0, "no connection was open to drop"
        summary = run.result(timeout=180)
    t = tally(settings, sample_pages[0].parent, n, log=log)
    print(f"connections dropped: {dropped}")
    assert_exactly_once(t)
    assert summary.done == n and not summary.problems
