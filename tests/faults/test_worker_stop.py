"""Stopping `archive worker` (SIGTERM, as Ctrl-C or a service manager): the page in hand is finished,
not abandoned; pages still waiting stay queued and are done when the workers come back."""

from __future__ import annotations

from pathlib import Path

from archive_core.config import Settings

from . import plugin
from .harness import (
    Background,
    WorkerFleet,
    assert_exactly_once,
    fleet,
    ingest_all,
    ledger_count,
    tally,
    wait_for,
    worker_env,
)


def test_sigterm_finishes_the_page_in_hand(
    tmp_path: Path, prod_settings: Settings, sample_pages: list[Path]
) -> None:
    settings = prod_settings.model_copy(update={"stuck_after": 600})  # no reconciler rescue here
    pages = sample_pages[:4]
    log = tmp_path / "extract.log"
    env = worker_env(settings, sample_pages[0].parent, log, slow=2.0)
    first = WorkerFleet(env, 1, tmp_path / "first.log").start()
    try:
        run = Background(ingest_all, settings, pages)
        wait_for(lambda: len(plugin.extraction_log(log)) >= 1, 90, "an extraction under way")
        first.terminate()
        assert first.proc is not None
        first.proc.wait(60)
        assert first.proc.returncode == 0, first.log_tail()
    finally:
        first.stop()
    done = ledger_count(settings, "done")
    assert done >= 1, "the page in hand was abandoned"
    assert ledger_count(settings, "processing") == 0
    assert ledger_count(settings, "queued") == len(pages) - done
    with fleet(env, tmp_path, processes=2):
        run.result(timeout=120)
    t = tally(settings, sample_pages[0].parent, len(pages), log=log)
    assert_exactly_once(t)
    assert t.extractions == len(pages)
