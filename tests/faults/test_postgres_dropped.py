"""PostgreSQL drops every client connection (pg_terminate_backend) several times mid-batch: the
workers and the waiting ingest reconnect; a page whose write was cut retries; nothing lost or doubled."""

from __future__ import annotations

import time
from pathlib import Path

from archive_core.config import Settings
from tests.servers_sql import PostgresServer

from .harness import (
    assert_exactly_once,
    batch_under_workers,
    ledger_count,
    wait_for,
)


def test_postgres_connections_dropped_mid_batch(
    tmp_path: Path, prod_settings: Settings, sample_pages: list[Path], postgres_server: PostgresServer
) -> None:
    settings = prod_settings
    n = len(sample_pages)
    dbname = (settings.database_url or "").rsplit("/", 1)[1]
    with batch_under_workers(settings, sample_pages, tmp_path, slow=0.5) as batch:
        wait_for(lambda: ledger_count(settings, "processing", "done") >= 1, 90, "processing under way")
        dropped = 0
        for _ in range(6):
            dropped += postgres_server.terminate_connections(dbname)
            time.sleep(0.4)
        assert dropped > 0, "no connection was open to drop"
        summary = batch.run.result(timeout=180)
    print(f"connections dropped: {dropped}")
    assert_exactly_once(batch.tally())
    assert summary.done == n and not summary.problems
