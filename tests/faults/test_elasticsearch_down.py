"""Elasticsearch down in the middle of ingest: pages are still recognised and their records kept in
the database (ledger 'done', not yet indexed); when the index is back, ``index_pending`` puts every
record in it exactly once."""

from __future__ import annotations

from pathlib import Path

from archive_core.config import Settings
from ingest.pipeline import index_pending
from tests.servers import ServerHandle

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


def test_elasticsearch_down_during_ingest(
    tmp_path: Path, prod_settings: Settings, sample_pages: list[Path], es_server_restartable: ServerHandle
) -> None:
    es = es_server_restartable
    settings = prod_settings.model_copy(update={"elasticsearch_url": es.url})
    n = len(sample_pages)
    log = tmp_path / "extract.log"
    env = worker_env(settings, sample_pages[0].parent, log, slow=0.5)
    with fleet(env, tmp_path, processes=2):
        run = Background(ingest_all, settings, sample_pages)
        wait_for(lambda: ledger_count(settings, "done") >= 1, 120, "a first page done")
        es.stop()
        summary = run.result(timeout=300)
    assert ledger_count(settings, "done") == n, "pages must be recognised while the index is down"
    assert summary.index_pending > 0, "some pages should be waiting for the index"
    es.start()
    indexed = index_pending(settings)
    assert indexed == summary.index_pending
    t = tally(settings, sample_pages[0].parent, n, log=log)
    assert_exactly_once(t)
