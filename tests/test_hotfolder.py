"""Hot folder: 200 files dropped while the watcher runs — some written slowly over several seconds,
some dropped twice, the watcher restarted once in the middle — and every page is ingested exactly once."""

from __future__ import annotations

import io
import random
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from archive_core.config import Settings
from archive_core.db import Page, Record, open_database
from archive_core.records import PageStatus
from ingest.backends import open_backends
from ingest.hotfolder import FolderSummary, watch_folder
from ingest.pipeline import BatchInfo
from scanner_drivers.hotfolder import HotFolderDriver

from .test_ingest import FakeOcr, fake_ocr, page_image, truth_for

__all__ = ["fake_ocr"]  # fixture

N_FILES = 200
STABLE_FOR = 1.0


def _png(seed: int) -> bytes:
    buf = io.BytesIO()
    page_image(seed, size=(560, 620)).save(buf, format="PNG", dpi=(300, 300))
    return buf.getvalue()


def _drop(folder: Path, fake: FakeOcr, log: list[str]) -> None:
    """Drop N_FILES files: most at once, every tenth slowly (4 chunks 0.6 s apart), every fifteenth
    dropped a second time (same name after it was taken, or a copy under another name)."""
    rng = random.Random(7)
    slow_threads: list[threading.Thread] = []
    for i in range(N_FILES):
        name = f"scan-{i:04d}.png"
        data = _png(i)
        sheet = truth_for(name, i, rows=1)
        sheet.period.year, sheet.period.month = 1980 + i // 12, 1 + i % 12  # a different month each
        fake.truth[name] = sheet
        path = folder / name
        if i % 10 == 3:

            def slow(path: Path = path, data: bytes = data) -> None:
                with open(path, "wb") as fh:
                    step = len(data) // 4 + 1
                    for k in range(0, len(data), step):
                        fh.write(data[k : k + step])
                        fh.flush()
                        time.sleep(0.6)
                log.append(f"slow {path.name}")

            t = threading.Thread(target=slow)
            t.start()
            slow_threads.append(t)
        else:
            path.write_bytes(data)
        if i % 15 == 7:
            again = folder / (name if rng.random() < 0.5 else f"copy-{name}")
            fake.truth[again.name] = sheet  # the same sheet, whichever name the ledger keeps

            def twice(again: Path = again, data: bytes = data) -> None:
                time.sleep(3 * STABLE_FOR)  # after the first one was taken
                again.write_bytes(data)
                log.append(f"twice {again.name}")

            t = threading.Thread(target=twice)
            t.start()
            slow_threads.append(t)
        time.sleep(0.02)
    for t in slow_threads:
        t.join()


def _taken(folder: Path) -> int:
    """How many files the watchers have recorded as handed on."""
    state = folder / ".archive-hotfolder" / "processed.jsonl"
    return len(state.read_text(encoding="utf-8").splitlines()) if state.exists() else 0


def test_hot_folder_ingests_every_page_exactly_once(
    settings: Settings,
    fake_ocr: FakeOcr,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the pages hold no writing: tesseract's orientation detector cannot tell which way up they lie, and
    # says so after a process start per page (some 1 s of CPU each on a loaded machine, 200 s a run)
    monkeypatch.setattr("scanner_drivers.orientation.osd", lambda _gray, _dpi: (0, 0.0))
    folder = tmp_path / "scan-to-folder"
    folder.mkdir()
    batch = BatchInfo(employer="Керамика", file_no="3")
    results: list[FolderSummary] = []

    def run(stop: threading.Event | None, idle_exit: float | None) -> threading.Thread:
        def body() -> None:
            backends = open_backends(settings)
            try:
                driver = HotFolderDriver(folder, max_pixels=settings.max_pixels, stable_for=STABLE_FOR, poll=0.1)
                results.append(watch_folder(backends, driver, batch, idle_exit=idle_exit, stop=stop))
            finally:
                backends.close()

        t = threading.Thread(target=body)
        t.start()
        return t

    log: list[str] = []
    dropper = threading.Thread(target=_drop, args=(folder, fake_ocr, log))
    first_stop = threading.Event()
    first = run(first_stop, None)
    dropper.start()
    time.sleep(3.0)  # the watcher is restarted while files keep arriving, once it has taken some
    deadline = time.monotonic() + 120
    while _taken(folder) == 0 and first.is_alive() and time.monotonic() < deadline:
        time.sleep(0.1)
    first_stop.set()
    first.join()
    second = run(None, idle_exit=4 * STABLE_FOR)
    dropper.join()
    second.join(timeout=300)
    assert not second.is_alive()

    db = open_database(settings)
    with db.Session() as s:
        pages = list(s.scalars(select(Page)))
        n_records = s.scalar(select(func.count()).select_from(Record))
    calls = fake_ocr.calls
    dropped_twice = sum(1 for x in log if x.startswith("twice"))
    slow = sum(1 for x in log if x.startswith("slow"))
    with capsys.disabled():
        print(
            f"\nhot folder: {N_FILES} files dropped ({slow} written slowly, {dropped_twice} dropped twice),"
            f" watcher restarted once; ledger pages {len(pages)}, done"
            f" {sum(p.status == PageStatus.done for p in pages)}, rejected {sum(p.status == PageStatus.rejected for p in pages)},"
            f" recognitions {len(calls)} ({len(set(calls))} distinct), records {n_records};"
            f" files taken per run {[r.files for r in results]}, already-known pages {[r.pages.duplicates for r in results]}"
        )
    assert len(pages) == N_FILES and all(p.status == PageStatus.done for p in pages)
    assert len(calls) == len(set(calls)) == N_FILES  # each page recognised once
    assert n_records == N_FILES  # one row per sheet: nothing twice
    assert len(results) == 2 and results[0].files > 0 and results[1].files > 0
    assert not (folder / "rejected").exists()


def test_a_file_that_fails_triage_goes_to_rejected_with_the_reason(
    settings: Settings, fake_ocr: FakeOcr, tmp_path: Path
) -> None:
    folder = tmp_path / "hot"
    folder.mkdir()
    (folder / "notes.png").write_text("не е изображение", encoding="utf-8")
    (folder / "good.png").write_bytes(_png(1))
    backends = open_backends(settings)
    driver = HotFolderDriver(folder, max_pixels=settings.max_pixels, stable_for=0.3, poll=0.1)
    result = watch_folder(backends, driver, BatchInfo("Керамика", "1"), idle_exit=1.5)
    assert result.files == 2 and result.rejected_files == 1
    assert (folder / "rejected" / "notes.png").exists()
    assert "не е изображение" in (folder / "rejected" / "notes.png.txt").read_text(encoding="utf-8")
    assert (folder / "good.png").exists()
    # a restarted watcher takes nothing again
    again = watch_folder(backends, HotFolderDriver(folder, max_pixels=settings.max_pixels, stable_for=0.3, poll=0.1),
                         BatchInfo("Керамика", "1"), idle_exit=1.5)  # fmt: skip
    assert again.files == 0


def test_a_watcher_asked_to_stop_leaves_the_rest_of_a_backlog(tmp_path: Path) -> None:
    """Files dropped while no watcher ran are handed on a group at a time: a watcher stopped after the
    first group stops then, not after ingesting the whole backlog (under load that took minutes)."""
    folder = tmp_path / "hot"
    folder.mkdir()
    for i in range(12):
        (folder / f"scan-{i:02d}.png").write_bytes(_png(i))
    driver = HotFolderDriver(folder, max_pixels=100_000_000, stable_for=0.2, poll=0.05, max_group=5)
    stop = threading.Event()
    groups = []
    for group in driver.wait(idle_exit=5.0, stop=stop):
        groups.append(len(group))
        for taken in group:
            driver.record(taken, "taken")
        stop.set()
    assert groups == [5]
    # the next start takes the rest, five at a time, and nothing twice
    again = HotFolderDriver(folder, max_pixels=100_000_000, stable_for=0.2, poll=0.05, max_group=5)
    assert [len(g) for g in again.wait(idle_exit=1.0)] == [5, 2]
