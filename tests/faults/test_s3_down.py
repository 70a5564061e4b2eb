"""S3 down at ingest: each page is refused with a clear error naming the file, and nothing is
half-written (no ledger row, no record, no object). When S3 is back, the same ingest processes every
page exactly once."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from archive_core.config import Settings
from archive_core.db import Page, Record, open_database
from tests.servers import ServerHandle

from .harness import assert_exactly_once, fleet, ingest_all, tally, worker_env


def test_s3_down_refuses_pages_then_recovers(
    tmp_path: Path, prod_settings: Settings, sample_pages: list[Path], s3_server_restartable: ServerHandle
) -> None:
    s3 = s3_server_restartable
    settings = prod_settings.model_copy(
        update={
            "s3_endpoint": s3.url,
            "s3_access_key": "test",
            "s3_secret_key": "test",
            "s3_region": "us-east-1",
        }
    )
    n = len(sample_pages)
    log = tmp_path / "extract.log"
    env = worker_env(settings, sample_pages[0].parent, log)
    with fleet(env, tmp_path, processes=2):
        s3.stop()
        refused = ingest_all(settings, sample_pages)
        print(refused.line())
        assert refused.failed == n and refused.done == 0
        assert len(refused.problems) == n
        for p, problem in zip(sample_pages, refused.problems, strict=True):
            assert p.name in problem.message and "хранилището за оригинали не отговаря" in problem.message
        db = open_database(settings)
        with db.Session() as s:
            assert s.scalar(select(func.count()).select_from(Page)) == 0, "a refused page entered the ledger"
            assert s.scalar(select(func.count()).select_from(Record)) == 0
        db.dispose()

        s3.start()
        summary = ingest_all(settings, sample_pages)
    assert summary.done == n and not summary.problems
    t = tally(settings, sample_pages[0].parent, n, log=log)
    assert_exactly_once(t)
    assert t.extractions == n
