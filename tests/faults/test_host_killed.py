"""Two worker hosts share PostgreSQL, Redis, the object store (S3) and the index (Elasticsearch API);
one host dies mid-batch (kill -9 on every process it runs). Nobody sees its processes exit: its
workers' heartbeats expire and the other host's supervisor re-queues the pages they held, long
before stuck_after (15 minutes here). Nothing lost, nothing doubled."""

from __future__ import annotations

import socket
from pathlib import Path

from sqlalchemy import select

from archive_core.config import Settings
from archive_core.db import Page, PageEventRow, open_database
from tests.servers import ServerHandle

from .harness import (
    Background,
    WorkerFleet,
    assert_exactly_once,
    ingest_all,
    ledger_count,
    tally,
    wait_for,
    worker_env,
)


def test_a_host_killed_mid_batch_loses_and_doubles_nothing(
    tmp_path: Path,
    prod_settings: Settings,
    sample_pages: list[Path],
    es_server_restartable: ServerHandle,
    s3_server_restartable: ServerHandle,
) -> None:
    settings = prod_settings.model_copy(
        update={
            "stuck_after": 900,
            "job_timeout": 600,
            "worker_heartbeat": 3,
            "elasticsearch_url": es_server_restartable.url,
            "s3_endpoint": s3_server_restartable.url,
            "s3_access_key": "test",
            "s3_secret_key": "test",
            "s3_region": "us-east-1",
        }
    )
    log = tmp_path / "extract.log"
    hosts = []
    for name in ("a", "b"):
        folder = tmp_path / f"host-{name}"
        folder.mkdir()
        env = worker_env(settings, sample_pages[0].parent, log, slow=1.5)
        env["ARCHIVE_DATA_DIR"] = str(folder / "data")
        hosts.append(WorkerFleet(env, 2, folder / "worker.log", cwd=folder).start())
    host_a, host_b = hosts
    try:
        run = Background(ingest_all, settings, sample_pages)
        assert host_b.proc is not None
        prefix = f"{socket.gethostname()}.{host_b.proc.pid}."

        def held_by_b() -> list[str]:
            db = open_database(settings)
            with db.Session() as s:
                out = list(
                    s.scalars(
                        select(Page.sha256).where(Page.status == "processing", Page.worker.startswith(prefix))
                    )
                )
            db.dispose()
            return out

        wait_for(lambda: bool(held_by_b()), 120, "host b working on a page")
        held = held_by_b()
        assert host_b.kill_host() >= 3  # its supervisor, workers, work horses
        summary = run.result(timeout=240)
    except BaseException:
        print(host_a.log_tail(40), host_b.log_tail(40), sep="\n")
        raise
    finally:
        host_a.stop()
        host_b.stop()
    assert summary.done == len(sample_pages) and not summary.problems
    assert ledger_count(settings, "done") == len(sample_pages)
    assert_exactly_once(tally(settings, sample_pages[0].parent, len(sample_pages), log=log))
    db = open_database(settings)
    with db.Session() as s:
        for sha in held:
            details = list(
                s.scalars(
                    select(PageEventRow.detail).where(
                        PageEventRow.page_sha256 == sha,
                        PageEventRow.kind == "queued",
                        PageEventRow.actor == "reconciler",
                    )
                )
            )
            assert any("признак на живот" in (d or "") for d in details), details
    db.dispose()
