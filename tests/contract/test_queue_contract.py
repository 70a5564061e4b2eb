"""JobQueue contract: the in-process queue (embedded default) and rq on Redis (real `archive worker`
processes on PostgreSQL) behave the same for the things a user notices: a page enqueued twice is
processed once, ``run_until_done`` returns when (and only when) every page has finished, a failing page
is recorded with its reason and not retried, a retryable error is retried.

Extraction is the fast fake of tests/faults/plugin.py (ground truth of synthetic sheets)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import func, select

import ingest.pipeline
from archive_core.config import Settings
from archive_core.db import Page, PageEventRow, open_database
from archive_core.protocols import JobQueue
from archive_core.records import PageStatus
from ingest.backends import open_backends
from ingest.batches import get_or_create_batch
from ingest.inprocess import InProcessQueue
from ingest.rq_queue import RqQueue, job_id_for
from scanner_drivers.files import FileDriver
from tests.faults import plugin
from tests.faults.harness import Background, fleet, make_sample_pages, worker_env

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """page-0001..0003 with ground truth; page-0004 without (its extraction fails)."""
    return make_sample_pages(tmp_path_factory.mktemp("queue-pages"), 4, seed=99, without_truth=1)


@dataclass
class Rig:
    kind: str
    settings: Settings
    queue: JobQueue
    log: Path
    tmp: Path
    env: dict[str, str] = field(default_factory=dict)

    def admit(self, paths: list[Path]) -> list[str]:
        """Pages into the store and the ledger ('queued'), without enqueueing them."""
        db = open_database(self.settings)
        try:
            with db.Session() as s:
                batch = get_or_create_batch(s, employer="ДЗС Тест", file_no="7/2026", box=None, operator=None)
                s.commit()
                batch_id = batch.id
            shas: list[str] = []
            driver = FileDriver(
                paths, max_pixels=self.settings.max_pixels, max_file_bytes=self.settings.max_file_bytes
            )
            for captured in driver.pages():
                adm = ingest.pipeline.admit_page(
                    open_backends(self.settings, with_queue=False), captured, batch_id=batch_id, actor="тест"
                )
                assert adm.outcome == "stored" and adm.sha256
                shas.append(adm.sha256)
            return shas
        finally:
            db.dispose()

    def drain(self, shas: list[str], *, start_workers_after: float = 0.0) -> None:
        """run_until_done with workers running (rq: `archive worker --processes 2`, started late if asked)."""
        if self.kind == "inprocess":
            self.queue.run_until_done(shas, timeout=120)
            return
        waiting = Background(self.queue.run_until_done, shas, timeout=120)
        if start_workers_after:
            time.sleep(start_workers_after)
            assert waiting.thread.is_alive(), "run_until_done returned before any worker ran"
        with fleet(self.env, self.tmp, processes=2):
            waiting.result(timeout=150)

    def attempts(self, path: Path) -> int:
        return plugin.extraction_log(self.log).count(path.name)

    def page(self, sha: str) -> Page:
        db = open_database(self.settings)
        try:
            with db.Session() as s:
                page = s.get(Page, sha)
                assert page is not None
                return page
        finally:
            db.dispose()

    def events(self, sha: str, kind: str) -> int:
        db = open_database(self.settings)
        try:
            with db.Session() as s:
                return int(
                    s.scalar(
                        select(func.count())
                        .select_from(PageEventRow)
                        .where(PageEventRow.page_sha256 == sha, PageEventRow.kind == kind)
                    )
                    or 0
                )
        finally:
            db.dispose()


@pytest.fixture(params=["inprocess", "rq"])
def rig(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pages: list[Path]
) -> Iterator[Rig]:
    log = tmp_path / "extract.log"
    truth = pages[0].parent
    monkeypatch.setenv(plugin.ENV_TRUTH, str(truth))
    monkeypatch.setenv(plugin.ENV_LOG, str(log))
    monkeypatch.setattr(ingest.pipeline, "recognise", plugin.fake_recognise)
    common = {
        "data_dir": tmp_path / "archive-data",
        "elasticsearch_url": None,
        "s3_endpoint": None,
        "workers": 1,
        "job_retries": 2,
        "stuck_after": 2,
        "job_timeout": 60,
    }
    if request.param == "inprocess":
        settings = Settings(database_url=None, redis_url=None, **common)
        backends = open_backends(settings)
        assert isinstance(backends.queue, InProcessQueue)
        yield Rig("inprocess", settings, backends.queue, log, tmp_path)
        return
    settings = Settings(
        database_url=request.getfixturevalue("pg_database_url"),
        redis_url=request.getfixturevalue("redis_url"),
        **common,
    )
    queue = RqQueue.from_settings(settings)
    yield Rig("rq", settings, queue, log, tmp_path, env=worker_env(settings, truth, log))


def test_enqueue_twice_is_processed_once(rig: Rig, pages: list[Path]) -> None:
    good = [pages[0], pages[2]]
    shas = rig.admit(good)
    for sha in shas + shas:
        rig.queue.enqueue_page(sha)
    if isinstance(rig.queue, RqQueue):
        assert rig.queue.queue.count == len(shas), "a second enqueue of a waiting page added a job"
    rig.drain(shas)
    for sha, path in zip(shas, good, strict=True):
        assert rig.page(sha).status == PageStatus.done
        assert rig.attempts(path) == 1
        assert rig.events(sha, "recognised") == 1
    # enqueueing a finished page again does not process it again
    rig.queue.enqueue_page(shas[0])
    rig.drain(shas[:1])
    assert rig.attempts(good[0]) == 1


def test_run_until_done_returns_when_every_page_finished(rig: Rig, pages: list[Path]) -> None:
    shas = rig.admit(pages[:3])
    for sha in shas:
        rig.queue.enqueue_page(sha)
    rig.drain(shas, start_workers_after=1.5)
    assert [rig.page(sha).status for sha in shas] == [PageStatus.done] * 3


def test_failed_page_is_recorded_with_reason_and_not_retried(rig: Rig, pages: list[Path]) -> None:
    bad, good = pages[3], pages[0]
    shas = rig.admit([bad, good])
    for sha in shas:
        rig.queue.enqueue_page(sha)
    rig.drain(shas)
    failed = rig.page(shas[0])
    assert failed.status == PageStatus.failed
    assert failed.error and "таблицата не е открита" in failed.error and bad.name in failed.error
    assert rig.events(shas[0], "failed") == 1
    assert rig.attempts(bad) == 1, "a page-level failure must not be retried"
    assert rig.page(shas[1]).status == PageStatus.done
    if isinstance(rig.queue, RqQueue):
        failed_jobs = dict(rig.queue.failed_jobs())
        assert job_id_for(shas[0]) in failed_jobs
        assert "таблицата не е открита" in failed_jobs[job_id_for(shas[0])]


def test_retryable_error_is_retried(rig: Rig, pages: list[Path], monkeypatch: pytest.MonkeyPatch) -> None:
    flaky = pages[1]
    monkeypatch.setenv(plugin.ENV_UNAVAILABLE_ONCE, flaky.stem)
    rig.env[plugin.ENV_UNAVAILABLE_ONCE] = flaky.stem
    shas = rig.admit([flaky])
    rig.queue.enqueue_page(shas[0])
    rig.drain(shas)
    assert rig.page(shas[0]).status == PageStatus.done
    assert rig.attempts(flaky) == 2
