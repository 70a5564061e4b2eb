"""Two re-scans of one sheet read by two workers at the same moment: only one gives records, and the
operator is asked which scan to keep. On PostgreSQL (the production database: row locks) and on
SQLite (the embedded default: one writer at a time). The OCR is the tests' fake."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import func, select

from archive_core.config import Settings
from archive_core.db import Page, Record
from archive_core.records import PageStatus, PayrollPage
from bench.capture_checks import rescan
from ingest import duplicates
from ingest.backends import open_backends
from ingest.pipeline import BatchInfo, admit_page, open_batch, process_page
from samples.generate import generate_pages
from scanner_drivers.base import CapturedPage

from .test_capture import gray, png, truth
from .test_ingest import FakeOcr, fake_ocr

__all__ = ["fake_ocr"]  # fixtures


@pytest.fixture(scope="module")
def sheet(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_pages(tmp_path_factory.mktemp("sheet"), 1, 23)[0]


@pytest.mark.integration
@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_two_workers_reading_two_scans_of_one_sheet_at_once_give_its_records_once(
    backend: str,
    request: pytest.FixtureRequest,
    tmp_path: Path,
    fake_ocr: FakeOcr,
    sheet: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = request.getfixturevalue("pg_database_url") if backend == "postgresql" else None
    settings = Settings(data_dir=tmp_path / "data", database_url=url, redis_url=None, elasticsearch_url=None,
                        s3_endpoint=None, workers=1)  # fmt: skip
    first = gray(sheet)
    again = rescan(first, np.random.default_rng(7), shift=(3, 2))
    rows = len(truth(sheet).rows)
    fake_ocr.truth.update({"a.png": truth(sheet), "a-again.png": truth(sheet)})
    backends = open_backends(settings, with_queue=False)
    batch_id = open_batch(backends.db, BatchInfo("Керамика", "1"))
    shas = []
    for name, image in (("a.png", first), ("a-again.png", again)):
        adm = admit_page(backends, CapturedPage(png(image), "image/png", name), batch_id=batch_id, actor="t")
        assert adm.outcome == "stored" and adm.sha256
        shas.append(adm.sha256)

    # Both workers finish reading at the same moment (a barrier in the reader), and each takes its
    # time over the decision: without a lock both would see the other scan unfinished.
    both_read = threading.Barrier(2, timeout=30)
    reader = fake_ocr.__call__

    def read_together(image: np.ndarray, **kw: object) -> PayrollPage:
        page = reader(image, **kw)  # type: ignore[arg-type]
        both_read.wait()
        return page

    decide = duplicates.find_duplicate

    def slow_decision(*args: object, **kw: object) -> duplicates.Duplicate | None:
        found = decide(*args, **kw)  # type: ignore[arg-type]
        time.sleep(0.5)
        return found

    monkeypatch.setattr("ingest.pipeline.recognise", read_together)
    monkeypatch.setattr("ingest.duplicates.find_duplicate", slow_decision)
    results: dict[str, PageStatus | BaseException] = {}

    def worker(sha: str, name: str) -> None:
        own = open_backends(settings, with_queue=False)  # each worker its own connections
        try:
            results[sha] = process_page(own, sha, engine=None, worker=name)  # type: ignore[arg-type]
        except BaseException as e:  # reported below
            results[sha] = e
        finally:
            own.db.dispose()

    threads = [threading.Thread(target=worker, args=(sha, f"worker-{i}")) for i, sha in enumerate(shas)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert results == {sha: PageStatus.done for sha in shas}

    with backends.db.Session() as s:
        counts = {sha: s.scalar(select(func.count()).select_from(Record).where(Record.page_sha256 == sha))
                  for sha in shas}  # fmt: skip
        pages = {sha: s.get(Page, sha) for sha in shas}
    print(f"{backend}: records per scan {sorted(counts.values())}")
    assert sorted(counts.values()) == [0, rows]  # the sheet's records once, not twice
    kept = next(sha for sha in shas if counts[sha] == rows)
    held = next(sha for sha in shas if counts[sha] == 0)
    assert pages[held].duplicate_of == kept and pages[kept].duplicate_of is None
    asked = [f for f in pages[held].capture_checks["findings"] if f["check"] == "duplicate"]
    assert asked and f"archive duplicates keep {held[:12]}" in asked[0]["message"]  # the operator chooses
    backends.db.dispose()
