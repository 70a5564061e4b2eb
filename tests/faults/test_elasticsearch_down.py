"""Elasticsearch down in the middle of ingest: pages are still recognised and their records kept in
the database (ledger 'done', not yet indexed); when the index is back, ``index_pending`` puts every
record in it exactly once."""

from __future__ import annotations

from pathlib import Path

from archive_core.config import Settings
from ingest.backends import open_backends
from ingest.pipeline import index_pending
from tests.servers import ServerHandle

from .harness import (
    assert_exactly_once,
    batch_under_workers,
    ledger_count,
    wait_for,
)


def test_elasticsearch_down_during_ingest(
    tmp_path: Path, prod_settings: Settings, sample_pages: list[Path], es_server_restartable: ServerHandle
) -> None:
    es = es_server_restartable
    settings = prod_settings.model_copy(update={"elasticsearch_url": es.url})
    n = len(sample_pages)
    with batch_under_workers(settings, sample_pages, tmp_path, slow=0.5) as batch:
        wait_for(lambda: ledger_count(settings, "done") >= 1, 120, "a first page done")
        es.stop()
        summary = batch.run.result(timeout=300)
    assert ledger_count(settings, "done") == n, "pages must be recognised while the index is down"
    assert summary.index_pending > 0, "some pages should be waiting for the index"
    es.start()
    indexed = index_pending(open_backends(settings))
    assert indexed == summary.index_pending
    assert_exactly_once(batch.tally())
