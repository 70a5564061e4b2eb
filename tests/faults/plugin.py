"""A test plugin for worker processes: fast (or deliberately slow) fake extraction.

Loaded by ``ingest.rq_queue`` when ``ARCHIVE_FAULT_PLUGIN=tests.faults.plugin`` is set in a worker's
environment (``install()`` once per process); in-process tests call ``install()`` directly.

- ``ARCHIVE_FAULT_TRUTH_DIR``: where the ground truth of sample pages lives (``<stem>.json`` beside
  ``<stem>.png``); the fake extractor returns it instead of running OCR. A page without ground truth
  fails extraction (ExtractionError), which is how tests make a page fail on purpose.
- ``ARCHIVE_FAULT_SLOW_EXTRACT``: seconds each extraction sleeps (so a test can kill a worker or a
  server while pages are in the middle of being processed).
- ``ARCHIVE_FAULT_LOG``: a file that gets one line ``<image name> <pid> <unix time>`` per extraction
  started.
- ``ARCHIVE_FAULT_REAL_OCR=1``: keep the real OCR, only log each extraction started (the soak
  measures when a killed page was taken up again).
- ``ARCHIVE_FAULT_UNAVAILABLE_ONCE``: comma-separated image stems whose first extraction raises
  BackendUnavailable (a retryable error); needs ``ARCHIVE_FAULT_LOG`` to count attempts.
"""

from __future__ import annotations

import os
import time
from pathlib import Path, PurePath
from typing import Any

from archive_core.errors import BackendUnavailable, ExtractionError
from archive_core.records import PayrollPage

ENV_TRUTH = "ARCHIVE_FAULT_TRUTH_DIR"
ENV_SLOW = "ARCHIVE_FAULT_SLOW_EXTRACT"
ENV_LOG = "ARCHIVE_FAULT_LOG"
ENV_UNAVAILABLE_ONCE = "ARCHIVE_FAULT_UNAVAILABLE_ONCE"
ENV_REAL = "ARCHIVE_FAULT_REAL_OCR"


def _log_start(image_name: str) -> None:
    log = os.environ.get(ENV_LOG)
    if log:
        fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            os.write(fd, f"{image_name} {os.getpid()} {time.time():.3f}\n".encode())
        finally:
            os.close(fd)


def fake_recognise(image: Any, *, image_name: str, dpi: int | None, engine: object = None) -> PayrollPage:
    log = os.environ.get(ENV_LOG)
    _log_start(image_name)
    flaky = {x.strip() for x in (os.environ.get(ENV_UNAVAILABLE_ONCE) or "").split(",") if x.strip()}
    if log and PurePath(image_name).stem in flaky and extraction_log(Path(log)).count(image_name) == 1:
        raise BackendUnavailable(f"{image_name}: тестов сървър временно недостъпен")
    slow = float(os.environ.get(ENV_SLOW) or 0)
    if slow > 0:
        time.sleep(slow)
    truth_dir = os.environ.get(ENV_TRUTH)
    truth = Path(truth_dir) / f"{PurePath(image_name).stem}.json" if truth_dir else None
    if truth is None or not truth.exists():
        raise ExtractionError(f"{image_name}: таблицата не е открита (тестов извличач без еталон)")
    page = PayrollPage.load(truth)
    page.image = image_name
    return page


def install() -> None:
    import ingest.pipeline

    if os.environ.get(ENV_REAL) == "1":
        real = ingest.pipeline.recognise

        def logged_recognise(image: Any, *, image_name: str, dpi: int | None, engine: Any) -> PayrollPage:
            _log_start(image_name)
            return real(image, image_name=image_name, dpi=dpi, engine=engine)

        ingest.pipeline.recognise = logged_recognise
        return
    ingest.pipeline.recognise = fake_recognise


def extraction_starts(path: Path) -> list[tuple[str, float]]:
    """(image name, unix time) of every extraction started, in order."""
    if not path.exists():
        return []
    out: list[tuple[str, float]] = []
    for line in path.read_text().splitlines():
        parts = line.split()
        if len(parts) >= 3:
            out.append((parts[0], float(parts[2])))
    return out


def extraction_log(path: Path) -> list[str]:
    """Image names in the order their extraction started (one per attempt)."""
    if not path.exists():
        return []
    return [line.split(" ", 1)[0] for line in path.read_text().splitlines() if line.strip()]
