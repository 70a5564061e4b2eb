"""Ingest as a clerk runs it: bad files fail alone, good pages become records, nothing twice.

Also the helpers the other ingest tests import: small page images, the four bad files of issue 2,
a fake OCR that returns registered ground truth.
"""

from __future__ import annotations

import io
import struct
import time
import zlib
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from sqlalchemy import func, select

from archive_cli.main import main
from archive_core.config import Settings
from archive_core.db import Batch, Page, PageEventRow, Record, open_database, person_month_from_record
from archive_core.errors import EXIT_SOME_PAGES_FAILED, BackendUnavailable, ExtractionError
from archive_core.hashing import sha256_hex
from archive_core.protocols import SearchQuery
from archive_core.records import SCORED_FIELDS, PageStatus, PayrollPage, PayrollRow, ReviewState
from archive_core.storage import open_store
from indexer.backend import open_index
from ingest.backends import open_backends
from ingest.pipeline import index_pending, ingest_paths, process_page
from ocr.engine import engine_from_settings

from .conftest import FIXTURES

EGNS = ("5503124567", "6101010009", "7212318881", "4408150012")


def page_image(seed: int, size: tuple[int, int] = (800, 1000), mode: str = "L") -> Image.Image:
    """A distinct page-sized image (ruled lines + noise) for each seed."""
    rng = np.random.default_rng(seed)
    w, h = size
    arr = np.full((h, w), 235, dtype=np.uint8)
    arr[::40, :] = 30
    arr[:, ::120] = 30
    arr = np.clip(arr.astype(np.int16) + rng.integers(-20, 20, size=(h, w)), 0, 255).astype(np.uint8)
    im = Image.fromarray(arr, mode="L")
    return im.convert(mode) if mode != "L" else im


def write_page(path: Path, seed: int, *, fmt: str = "PNG") -> Path:
    page_image(seed).save(path, format=fmt, dpi=(300, 300))
    return path


def truth_for(name: str, seed: int, rows: int = 2, review_first: bool = False) -> PayrollPage:
    return PayrollPage(
        image=name,
        employer={"name": "ДЗС „Напредък“"},
        period={"year": 1985, "month": 1 + seed % 12},
        sheet=seed,
        rows=[
            PayrollRow(
                row=i + 1,
                egn=EGNS[(seed + i) % len(EGNS)],
                name=f"Иван Петров {seed}-{i}",
                days_worked=20 + i,
                base_pay="210.00",
                extra_pay="35.60",
                gross_pay="245.60",
                deductions="29.47",
                net_pay="216.13",
                review=["name"] if review_first and i == 0 else [],
            )
            for i in range(rows)
        ],
    )


def bad_files(folder: Path) -> dict[str, Path]:
    """The four bad files of issue 2's acceptance."""
    folder.mkdir(parents=True, exist_ok=True)
    empty = folder / "empty.png"
    empty.write_bytes(b"")
    text = folder / "notes.png"
    text.write_text("Това е бележка, не изображение.\n", encoding="utf-8")
    good = io.BytesIO()
    page_image(999).save(good, format="PNG")
    truncated = folder / "truncated.png"
    truncated.write_bytes(good.getvalue()[: len(good.getvalue()) // 2])
    huge = folder / "huge.png"
    huge.write_bytes(huge_png(20000, 20000))
    return {"empty": empty, "text": text, "truncated": truncated, "huge": huge}


def huge_png(w: int, h: int) -> bytes:
    """A PNG whose header says w x h (8-bit grey) with only a few rows of data: cheap to make."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return (
            struct.pack(">I", len(body))
            + kind
            + body
            + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)
        )

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00" * (w + 1) * 4)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


class FakeOcr:
    """Stands in for ocr.extract: returns the registered truth for an image name."""

    def __init__(self) -> None:
        self.truth: dict[str, PayrollPage] = {}
        self.calls: list[str] = []
        self.fail: dict[str, Exception] = {}
        self.truth_dir: Path | None = None  # ground truth <stem>.json beside the images

    def __call__(
        self, image: np.ndarray, *, image_name: str, dpi: int | None, engine: object = None
    ) -> PayrollPage:
        self.calls.append(image_name)
        assert image.dtype == np.uint8 and image.ndim in (2, 3)
        if image_name in self.fail:
            raise self.fail[image_name]
        if image_name in self.truth:
            return self.truth[image_name].model_copy(deep=True)
        if self.truth_dir is not None and (self.truth_dir / image_name).with_suffix(".json").exists():
            return PayrollPage.load((self.truth_dir / image_name).with_suffix(".json"))
        return PayrollPage(image=image_name)


@pytest.fixture
def fake_ocr(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeOcr]:
    fake = FakeOcr()
    monkeypatch.setattr("ingest.pipeline.recognise", fake)
    yield fake


@pytest.fixture
def cli_env(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """The CLI reads its settings from the environment: point it at the test's data dir."""
    for var in ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "S3_ENDPOINT"):
        monkeypatch.delenv(f"ARCHIVE_{var}", raising=False)
    monkeypatch.setenv("ARCHIVE_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("ARCHIVE_WORKERS", "1")
    return settings


def run_cli(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(argv)
    out, err = capsys.readouterr()
    code = exc.value.code
    return (code if isinstance(code, int) else 1), out, err


# --------------------------------------------------------------------------------------------------
# The pipeline as a clerk uses it


def _page_files(folder: Path, fake: FakeOcr, seeds: range, *, review_first: bool = False) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in seeds:
        p = write_page(folder / f"sheet-{seed:02d}.png", seed)
        fake.truth[p.name] = truth_for(p.name, seed, review_first=review_first)
        paths.append(p)
    return paths


def _ledger(settings: Settings) -> dict[str, tuple[str, str | None, str]]:
    db = open_database(settings)
    try:
        with db.Session() as s:
            return {p.source: (p.status, p.error, p.sha256) for p in s.scalars(select(Page))}
    finally:
        db.dispose()


def _counts(settings: Settings) -> tuple[int, int, int, int]:
    db = open_database(settings)
    try:
        with db.Session() as s:
            return (
                s.scalar(select(func.count()).select_from(Page)) or 0,
                s.scalar(select(func.count()).select_from(Record)) or 0,
                s.scalar(select(func.count()).select_from(PageEventRow)) or 0,
                s.scalar(select(func.count()).select_from(Batch)) or 0,
            )
    finally:
        db.dispose()


def _events(settings: Settings, sha: str) -> list[str]:
    db = open_database(settings)
    try:
        with db.Session() as s:
            return [
                e.kind
                for e in s.scalars(
                    select(PageEventRow).where(PageEventRow.page_sha256 == sha).order_by(PageEventRow.id)
                )
            ]
    finally:
        db.dispose()


def test_bad_files_fail_alone_and_good_pages_become_records(
    cli_env: Settings, fake_ocr: FakeOcr, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _page_files(tmp_path / "in", fake_ocr, range(1, 3))
    bad = bad_files(tmp_path / "in")
    argv = [
        "ingest",
        *map(str, good),
        *map(str, bad.values()),
        "--employer",
        "ДЗС Напредък",
        "--file-no",
        "17",
    ]
    code, out, err = run_cli(argv, capsys)

    assert code == EXIT_SOME_PAGES_FAILED
    # One clear line per bad file, naming it and the reason; none for the good pages.
    reasons = {"empty": "празен", "text": "не е изображение", "truncated": "повредено", "huge": "20000×20000"}
    for key, path in bad.items():
        lines = [ln for ln in err.splitlines() if str(path) in ln]
        assert len(lines) == 1, (key, err)
        assert reasons[key] in lines[0]
    for path in good:
        assert str(path) not in err
    assert "6 постъпили, 2 нови, 0 повторни, 4 отхвърлени, 0 неразчетени; записи: 4" in out

    # Every page that entered is in the ledger; the good ones are done with their records.
    ledger = _ledger(cli_env)
    assert {ledger[str(p)][0] for p in good} == {"done"}
    assert {ledger[str(p)][0] for p in bad.values()} == {"rejected"}
    assert all(ledger[str(p)][1] for p in bad.values())
    assert _counts(cli_env)[:2] == (6, 4)  # all six pages in the ledger, four records
    # Rejected pages were not stored; good ones were, untouched.
    store = open_store(cli_env)
    assert not any(store.exists(ledger[str(p)][2]) for p in bad.values())
    assert all(store.get(ledger[str(p)][2]) == p.read_bytes() for p in good)


def test_ingesting_twice_adds_nothing(
    cli_env: Settings, fake_ocr: FakeOcr, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = _page_files(tmp_path / "in", fake_ocr, range(1, 4))
    argv = ["ingest", str(tmp_path / "in"), "--employer", "ДЗС Напредък", "--file-no", "17", "--box", "К-3"]
    code, out, err = run_cli(argv, capsys)
    assert code == 0, err
    first = _counts(cli_env)
    assert first[:2] == (3, 6)
    ocr_calls = len(fake_ocr.calls)

    code, out, err = run_cli(argv, capsys)
    assert code == 0, err
    assert "3 постъпили, 0 нови, 3 повторни" in out
    assert _counts(cli_env) == first
    assert len(fake_ocr.calls) == ocr_calls  # nothing was recognised again
    assert len(good) == 3


def test_summary_counts_fields_under_review_and_records_carry_batch(
    settings: Settings, fake_ocr: FakeOcr, tmp_path: Path
) -> None:
    paths = _page_files(tmp_path / "in", fake_ocr, range(1, 3), review_first=True)
    summary = ingest_paths(
        open_backends(settings), paths, employer="Завод „Балкан“", file_no="9", box="К-1", operator="мария"
    )
    assert summary.ok and summary.records == 4 and summary.fields_under_review == 2
    db = open_database(settings)
    with db.Session() as s:
        recs = [person_month_from_record(r) for r in s.scalars(select(Record).order_by(Record.id))]
    db.dispose()
    assert {r.employer for r in recs} == {"Завод „Балкан“"}  # the batch's employer, not the printed one
    assert {r.file_no for r in recs} == {"9"} and {r.box for r in recs} == {"К-1"}
    under_review = [r for r in recs if r.review_state == ReviewState.needs_review]
    assert len(under_review) == 2 and all(r.review == ["name"] for r in under_review)
    assert {str(r.gross_pay) for r in recs} == {"245.60"}
    # Searchable by ЕГН straight after the ingest.
    hits = open_index(settings).search(SearchQuery(egn=recs[0].egn))
    assert recs[0].id in {h.id for h in hits}


def test_event_log_tells_each_page_story(settings: Settings, fake_ocr: FakeOcr, tmp_path: Path) -> None:
    paths = _page_files(tmp_path / "in", fake_ocr, range(1, 2))
    bad = bad_files(tmp_path / "bad")
    summary = ingest_paths(
        open_backends(settings), [*paths, bad["text"]], employer="Завод", file_no="1", operator="иван"
    )
    good_sha, bad_sha = summary.page_sha256s
    assert _events(settings, good_sha) == ["captured", "stored", "queued", "recognised", "indexed"]
    assert _events(settings, bad_sha) == ["captured", "rejected"]
    db = open_database(settings)
    with db.Session() as s:
        actors = {e.actor for e in s.scalars(select(PageEventRow).where(PageEventRow.kind == "stored"))}
    db.dispose()
    assert actors == {"иван"}


def _set_status(settings: Settings, sha: str, status: str) -> None:
    """Put a page's ledger row in a state a crash or a retry leaves behind."""
    db = open_database(settings)
    with db.Session() as s:
        page = s.get(Page, sha)
        assert page is not None
        page.status = status
        s.commit()
    db.dispose()


def test_process_page_again_replaces_records_without_duplicates(
    settings: Settings, fake_ocr: FakeOcr, tmp_path: Path
) -> None:
    paths = _page_files(tmp_path / "in", fake_ocr, range(1, 2))
    summary = ingest_paths(open_backends(settings), paths, employer="Завод", file_no="1")
    sha = summary.page_sha256s[0]
    # Re-run the page as a retried job would (status put back to queued), with one row fewer now.
    _set_status(settings, sha, "queued")
    fake_ocr.truth[paths[0].name] = truth_for(paths[0].name, 1, rows=1)
    assert process_page(open_backends(settings), sha, engine=engine_from_settings(settings)) == PageStatus.done
    assert _counts(settings)[1] == 1
    index = open_index(settings)
    assert index.count() == 1
    # A job for a page already done does nothing.
    calls = len(fake_ocr.calls)
    assert process_page(open_backends(settings), sha, engine=engine_from_settings(settings)) == PageStatus.done
    assert len(fake_ocr.calls) == calls


def test_page_stuck_in_processing_is_taken_again(
    settings: Settings, fake_ocr: FakeOcr, tmp_path: Path
) -> None:
    """An ingest interrupted mid-page (Ctrl-C, power cut) leaves it 'processing'; ingesting the
    same files later finishes it once it has been stuck longer than stuck_after."""
    paths = _page_files(tmp_path / "in", fake_ocr, range(1, 2))
    summary = ingest_paths(open_backends(settings), paths, employer="Завод", file_no="1")
    sha = summary.page_sha256s[0]
    _set_status(settings, sha, "processing")
    again = ingest_paths(open_backends(settings), paths, employer="Завод", file_no="1")
    assert again.done == 0 and _ledger(settings)[str(paths[0])][0] == "processing"  # maybe still running

    impatient = settings.model_copy(update={"stuck_after": 1})
    time.sleep(1.5)
    again = ingest_paths(open_backends(impatient), paths, employer="Завод", file_no="1")
    assert again.ok and again.done == 1 and again.records == 2
    assert _ledger(settings)[str(paths[0])][0] == "done" and _counts(settings)[1] == 2


def test_extraction_error_fails_that_page_alone(
    settings: Settings, fake_ocr: FakeOcr, tmp_path: Path
) -> None:
    paths = _page_files(tmp_path / "in", fake_ocr, range(1, 4))
    fake_ocr.fail[paths[1].name] = ExtractionError(f"{paths[1].name}: не е намерена таблица")
    summary = ingest_paths(open_backends(settings), paths, employer="Завод", file_no="1")
    assert not summary.ok
    assert summary.done == 2 and summary.failed == 1 and summary.records == 4
    assert [p.source for p in summary.problems] == [str(paths[1])]
    assert "не е намерена таблица" in summary.problems[0].message
    ledger = _ledger(settings)
    assert ledger[str(paths[1])][0] == "failed"
    assert _events(settings, ledger[str(paths[1])][2])[-1] == "failed"

    # Once recognition is fixed, ingesting the file again retries the failed page only.
    del fake_ocr.fail[paths[1].name]
    calls = len(fake_ocr.calls)
    again = ingest_paths(open_backends(settings), paths, employer="Завод", file_no="1")
    assert again.ok and again.duplicates == 3 and again.done == 1 and again.records == 2
    assert fake_ocr.calls[calls:] == [paths[1].name]
    assert _ledger(settings)[str(paths[1])][0] == "done"


class DownIndex:
    """A search index whose server does not answer: every call raises BackendUnavailable."""

    def __getattr__(self, name: str) -> object:
        def down(*_args: object, **_kwargs: object) -> object:
            raise BackendUnavailable("search index down")

        return down


def test_index_down_keeps_records_and_indexes_them_later(
    settings: Settings, fake_ocr: FakeOcr, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _page_files(tmp_path / "in", fake_ocr, range(1, 3))

    down = open_backends(settings)
    down.index = DownIndex()
    summary = ingest_paths(down, paths, employer="Завод", file_no="1")
    assert summary.done == 2 and summary.records == 4 and summary.index_pending == 2
    assert "чакат индексиране: 2" in summary.line()
    monkeypatch.undo()
    monkeypatch.setattr("ingest.pipeline.recognise", fake_ocr)

    assert open_index(settings).count() == 0
    assert index_pending(open_backends(settings)) == 2
    assert open_index(settings).count() == 4
    assert index_pending(open_backends(settings)) == 0
    sha = summary.page_sha256s[0]
    assert _events(settings, sha)[-1] == "indexed"


def test_next_ingest_indexes_pages_left_pending(
    settings: Settings, fake_ocr: FakeOcr, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = _page_files(tmp_path / "a", fake_ocr, range(1, 2))
    down = open_backends(settings)
    down.index = DownIndex()
    ingest_paths(down, first, employer="Завод", file_no="1")
    second = _page_files(tmp_path / "b", fake_ocr, range(5, 6))
    summary = ingest_paths(open_backends(settings), second, employer="Завод", file_no="1")
    assert summary.index_pending == 0
    assert open_index(settings).count() == 4


def test_multipage_tiff_and_pdf_give_one_page_each(
    settings: Settings, fake_ocr: FakeOcr, tmp_path: Path
) -> None:
    tiff = tmp_path / "file.tif"
    frames = [page_image(s) for s in (1, 2, 3)]
    frames[0].save(tiff, format="TIFF", save_all=True, append_images=frames[1:], dpi=(300, 300))
    pdf = tmp_path / "file.pdf"
    frames[0].save(pdf, format="PDF", save_all=True, append_images=frames[1:2], resolution=150)
    summary = ingest_paths(open_backends(settings), [tiff, pdf], employer="Завод", file_no="1")
    assert summary.ok, summary.problems
    assert summary.pages_in == 5 and summary.stored == 5 and summary.done == 5
    db = open_database(settings)
    with db.Session() as s:
        pages = list(s.scalars(select(Page).order_by(Page.source, Page.page_no)))
    db.dispose()
    assert [(p.source, p.page_no) for p in pages] == [
        (str(pdf), 1),
        (str(pdf), 2),
        (str(tiff), 1),
        (str(tiff), 2),
        (str(tiff), 3),
    ]
    assert {p.container_sha256 for p in pages if p.source == str(tiff)} == {sha256_hex(tiff.read_bytes())}
    pdf_pages = [p for p in pages if p.source == str(pdf)]
    # 800x1000 px at 150 dpi -> rasterised at 300 dpi.
    for p in pdf_pages:
        assert p.dpi == 300 and abs(p.width - 1600) <= 2 and abs(p.height - 2000) <= 2


def test_store_down_refuses_pages_and_writes_nothing(
    settings: Settings, fake_ocr: FakeOcr, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _page_files(tmp_path / "in", fake_ocr, range(1, 3))

    class DownStore:
        def put(self, data: bytes, *, content_type: str = "") -> str:
            raise BackendUnavailable("S3 127.0.0.1:9 refused the connection")

    backends = open_backends(settings)
    backends.store = DownStore()  # type: ignore[assignment]
    summary = ingest_paths(backends, paths, employer="Завод", file_no="1")
    assert summary.failed == 2 and summary.stored == 0
    for path, problem in zip(paths, summary.problems, strict=True):
        assert problem.message.startswith(f"{path}: хранилището за оригинали не отговаря")
    assert _counts(settings)[:3] == (0, 0, 0)  # no page row, no record, no event
    assert fake_ocr.calls == []

    # When the store is back, the same files go in as if nothing had happened.
    monkeypatch.undo()
    monkeypatch.setattr("ingest.pipeline.recognise", fake_ocr)
    summary = ingest_paths(open_backends(settings), paths, employer="Завод", file_no="1")
    assert summary.ok and summary.stored == 2 and summary.records == 4


def test_missing_path_is_reported_and_others_go_on(
    settings: Settings, fake_ocr: FakeOcr, tmp_path: Path
) -> None:
    good = _page_files(tmp_path / "in", fake_ocr, range(1, 2))
    missing = tmp_path / "in" / "nowhere.png"
    summary = ingest_paths(open_backends(settings), [missing, *good], employer="Завод", file_no="1")
    assert summary.done == 1 and summary.rejected == 1
    assert (
        summary.problems[0].message.startswith(str(missing))
        and "не съществува" in summary.problems[0].message
    )


def test_ingest_requires_employer_and_file_no(cli_env: Settings, tmp_path: Path, capsys) -> None:
    code, out, err = run_cli(["ingest", str(tmp_path), "--file-no", "1"], capsys)
    assert code == 2 and "--employer" in err


def test_ingest_of_a_folder_without_pages_says_so(cli_env: Settings, tmp_path: Path, capsys) -> None:
    (tmp_path / "notes.txt").write_text("x")
    code, out, err = run_cli(["ingest", str(tmp_path), "--employer", "Завод", "--file-no", "1"], capsys)
    assert (
        code == 2
        and err.strip() == f"archive: {tmp_path}: няма файлове за въвеждане (PNG, JPEG, TIFF или PDF)"
    )


def test_real_ocr_on_a_sample_page(settings: Settings, tmp_path: Path) -> None:
    """The pipeline with the real recogniser on a sample sheet (a committed fixture, else a freshly
    generated one): the rows become records with the ЕГН and money of the ground truth."""
    pages = sorted((FIXTURES / "pages").glob("*.png"))
    if pages:
        page = pages[0]
    else:
        from samples.generate import generate_pages

        page = generate_pages(tmp_path / "samples", 1, 11)[0]
    truth = PayrollPage.load(page.with_suffix(".json"))
    summary = ingest_paths(open_backends(settings), [page], employer="Завод", file_no="1")
    assert summary.done == 1, summary.problems
    assert summary.records == len(truth.rows)
    db = open_database(settings)
    with db.Session() as s:
        recs = [person_month_from_record(r) for r in s.scalars(select(Record).order_by(Record.row_index))]
    db.dispose()
    # Most ЕГН read right, and every field that differs from the truth is marked for review.
    assert sum(r.egn == t.egn for r, t in zip(recs, truth.rows, strict=True)) >= 2 * len(recs) / 3
    for r, t in zip(recs, truth.rows, strict=True):
        wrong = [f for f in SCORED_FIELDS if str(getattr(r, f)) != str(getattr(t, f))]
        assert set(wrong) <= set(r.review), (r.row_index, wrong, r.review)
    egn = next(r.egn for r, t in zip(recs, truth.rows, strict=True) if r.egn == t.egn)
    hits = open_index(settings).search(SearchQuery(egn=egn))
    assert summary.page_sha256s[0] in {h.page_sha256 for h in hits}


# --------------------------------------------------------------------------------------------------
# Worker processes (spawned: they get only the sha256 and the settings as JSON)

TRUTH_ENV = "ARCHIVE_TEST_TRUTH_DIR"


def _truth_from_env(
    image: np.ndarray, *, image_name: str, dpi: int | None, engine: object = None
) -> PayrollPage:
    import os

    folder = Path(os.environ[TRUTH_ENV])
    with (folder / "pids.log").open("a", encoding="utf-8") as fh:
        fh.write(f"{os.getpid()}\n")
    return PayrollPage.load((folder / image_name).with_suffix(".json"))


def install_truth_ocr() -> None:
    """Worker-process initializer: recognition returns the ground truth beside the images."""
    import ingest.pipeline

    ingest.pipeline.recognise = _truth_from_env  # type: ignore[assignment]


def test_pages_are_recognised_in_worker_processes(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from ingest.backends import open_worker_backends
    from ingest.inprocess import InProcessQueue

    folder = tmp_path / "in"
    folder.mkdir()
    paths = []
    for seed in range(1, 5):
        p = write_page(folder / f"sheet-{seed}.png", seed)
        (folder / f"sheet-{seed}.json").write_text(truth_for(p.name, seed).to_json(), encoding="utf-8")
        paths.append(p)
    monkeypatch.setenv(TRUTH_ENV, str(folder))
    two = settings.model_copy(update={"workers": 2})
    backends = open_backends(two)
    backends.queue = InProcessQueue(
        backends,
        work=partial(process_page, engine=engine_from_settings(two)),
        open_backends=open_worker_backends,
        worker_initializer=install_truth_ocr,
    )
    summary = ingest_paths(backends, paths, employer="Завод", file_no="1")
    assert summary.ok, summary.problems
    assert summary.done == 4 and summary.records == 8
    pids = {int(x) for x in (folder / "pids.log").read_text().split()}
    assert pids and os.getpid() not in pids
    assert open_index(settings).count() == 8


@pytest.mark.parametrize(
    ("year", "month", "flags"),
    [
        (1985, 3, []),
        (1901, 1, ["year"]),
        (None, 4, ["year"]),
        (1990, None, ["month"]),
        (None, None, ["year", "month"]),
    ],
)
def test_missing_or_implausible_period_puts_rows_under_review(
    year: int | None, month: int | None, flags: list[str]
) -> None:
    from ingest.records import person_months

    page = truth_for("p.png", 1)
    page.period.year, page.period.month = year, month
    page.rows[0].review = ["name"]
    recs = person_months(page, page_sha256="a" * 64, employer=None, file_no="1", box=None)
    assert recs[0].review == ["name", *flags] and recs[1].review == flags
    assert recs[1].review_state == (ReviewState.needs_review if flags else ReviewState.ok)
    assert recs[0].employer == "ДЗС „Напредък“"  # printed name when the batch has none


def test_a_page_is_admitted_again_when_the_database_drops_the_connection(monkeypatch: pytest.MonkeyPatch):
    """An administrator's terminate or a failover mid-admission loses nothing: the page is admitted on the
    next try; an error that is not the connection's is not retried."""
    from sqlalchemy.exc import IntegrityError, OperationalError

    from ingest import pipeline

    calls: list[int] = []

    def flaky(*_a: object, **_k: object) -> str:
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("SELECT 1", {}, Exception("terminating connection due to administrator command"))
        if len(calls) == 3:
            raise IntegrityError("INSERT", {}, Exception("duplicate key"))
        return "admitted"

    monkeypatch.setattr(pipeline, "admit_page", flaky)
    monkeypatch.setattr(pipeline.time, "sleep", lambda _s: None)
    assert pipeline._admit_retrying(None, None, batch_id=1, actor="a") == "admitted"  # type: ignore[arg-type]
    assert len(calls) == 2
    with pytest.raises(IntegrityError):
        pipeline._admit_retrying(None, None, batch_id=1, actor="a")  # type: ignore[arg-type]
    assert len(calls) == 3
