"""Redis killed and restarted without persistence in the middle of a batch: every job in Redis is
gone; the ledger still says 'queued', and the reconciler gives those pages new jobs."""

from __future__ import annotations

from pathlib import Path

from archive_core.config import Settings
from tests.servers_sql import RedisServer

from .harness import (
    assert_exactly_once,
    batch_under_workers,
    ledger_count,
    wait_for,
)


def test_redis_restart_mid_batch(
    tmp_path: Path, prod_settings: Settings, sample_pages: list[Path], redis_server: RedisServer
) -> None:
    settings = prod_settings
    n = len(sample_pages)
    # 2 s a page: the batch outlasts the ledger polls even on a loaded machine (a second pytest worker reads
    # pages beside it; at 1 s all ten were taken before the restart once)
    with batch_under_workers(settings, sample_pages, tmp_path, slow=2.0) as batch:
        # every page admitted (so the ingest itself has enqueued them all), some done, most not
        wait_for(lambda: ledger_count(settings) == n, 90, "all pages admitted")
        wait_for(lambda: ledger_count(settings, "done") >= 1, 90, "a first page done")
        assert ledger_count(settings, "queued") >= 2, "the batch finished before Redis could be restarted"
        redis_server.restart(kill=True, down_for=1.0)  # no persistence: the queue is empty now
        summary = batch.run.result(timeout=180)
    assert_exactly_once(batch.tally())
    assert summary.done == n and not summary.problems
