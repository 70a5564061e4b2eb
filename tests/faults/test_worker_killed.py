"""kill -9 a worker in the middle of a page: rq does not re-queue its job (rq #1461, #2015). The
supervisor sees the worker process die and queues the page it held again at once (its work horse
dies with it); a work horse killed alone, its worker re-queues the page. Not after stuck_after,
here 15 minutes, longer than the test may run. Nothing lost, nothing doubled."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from archive_core.config import Settings
from archive_core.db import Page, PageEventRow, open_database
from ingest.rq_queue import page_of_job

from . import plugin
from .harness import (
    Background,
    assert_exactly_once,
    fleet,
    ingest_all,
    kill_busy_worker,
    ledger_count,
    tally,
    wait_for,
    worker_env,
)


@pytest.mark.parametrize("target", ["worker", "horse"])
def test_kill_9_worker_mid_page(
    target: str, tmp_path: Path, prod_settings: Settings, sample_pages: list[Path]
) -> None:
    settings = prod_settings.model_copy(update={"stuck_after": 900, "job_timeout": 600})
    log = tmp_path / "extract.log"
    env = worker_env(settings, sample_pages[0].parent, log, slow=1.0)
    with fleet(env, tmp_path, processes=2):
        run = Background(ingest_all, settings, sample_pages)
        wait_for(lambda: ledger_count(settings, "processing") >= 1, 90, "a page in processing")
        wait_for(lambda: len(plugin.extraction_log(log)) >= 1, 30, "an extraction under way")

        def extracting(job_id: str) -> bool:
            sha = page_of_job(job_id)
            name = Path(page_sources(settings).get(sha or "", "")).name
            return bool(name) and name in plugin.extraction_log(log)

        killed_job = kill_busy_worker(settings.redis_url or "", which=extracting, target=target)
        summary = run.result(timeout=180)
    killed = page_of_job(killed_job)
    assert killed is not None
    t = tally(settings, sample_pages[0].parent, len(sample_pages), log=log)
    assert_exactly_once(t)
    assert summary.done == len(sample_pages) and not summary.problems
    db = open_database(settings)
    with db.Session() as s:
        actors = list(
            s.scalars(
                select(PageEventRow.actor).where(
                    PageEventRow.page_sha256 == killed, PageEventRow.kind == "queued"
                )
            )
        )
    db.dispose()
    by = "supervisor:" if target == "worker" else "worker:"  # the worker whose horse was killed
    assert any(a.startswith(by) for a in actors), f"not re-queued at once by {by}: {actors}"
    assert "reconciler" not in actors
    assert t.extractions == len(sample_pages) + 1, "only the killed page is extracted twice"


def page_sources(settings: Settings) -> dict[str, str]:
    db = open_database(settings)
    with db.Session() as s:
        out = {sha: src for sha, src in s.execute(select(Page.sha256, Page.source))}
    db.dispose()
    return out
