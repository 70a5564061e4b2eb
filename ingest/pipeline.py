"""The ingest pipeline as plain typed stage functions and a thin driver (OCRmyPDF style).

Capture side (``ingest_captures``/``ingest_paths``), for each captured page: sha256 -> triage ->
store the original (write-once) -> page ledger row (status ``queued``) + events -> enqueue. Then the
queue runs the recognition side (``process_page``): decode -> extract -> person-month records ->
database (idempotent: a page's records are replaced) -> search index.

The page ledger (``pages``) is the source of truth: every page that entered has exactly one status,
rejected pages included (with the reason). Jobs carry only the page's sha256.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath

import numpy as np
from sqlalchemy import delete, func, select

from archive_core.backends import Backends
from archive_core.db import Batch, Database, Page, Record, person_month_from_record
from archive_core.db import record_from_person_month as _record_row
from archive_core.errors import ArchiveError, BackendUnavailable, InputFileError, NotFoundError, UsageError
from archive_core.hashing import sha256_hex
from archive_core.progress import ProgressFactory, null_progress
from archive_core.records import PageStatus, PayrollPage, PersonMonth
from ocr.engine import OcrEngine
from ocr.extract import extract_image
from scanner_drivers.base import CapturedPage
from scanner_drivers.files import FileDriver, expand_paths
from scanner_drivers.intake import decode_image, triage

from . import ledger
from .batches import add_event, default_actor, get_or_create_batch, worker_actor
from .records import person_months

# --------------------------------------------------------------------------------------------------
# Results


@dataclass
class Problem:
    source: str
    message: str  # one Bulgarian line naming the file


@dataclass
class IngestSummary:
    pages_in: int = 0
    stored: int = 0
    duplicates: int = 0
    rejected: int = 0
    failed: int = 0
    done: int = 0
    records: int = 0
    fields_under_review: int = 0
    index_pending: int = 0
    problems: list[Problem] = field(default_factory=list)
    page_sha256s: list[str] = field(default_factory=list)  # every page of this run, in order

    @property
    def ok(self) -> bool:
        return not self.problems

    def line(self) -> str:
        text = (
            f"Страници: {self.pages_in} постъпили, {self.stored} нови, {self.duplicates} повторни,"
            f" {self.rejected} отхвърлени, {self.failed} неразчетени; записи: {self.records};"
            f" полета за проверка: {self.fields_under_review}"
        )
        if self.index_pending:
            text += f"; чакат индексиране: {self.index_pending}"
        return text


def display_name(c: CapturedPage) -> str:
    return f"{c.source} (стр. {c.page_no})" if c.container_sha256 or c.page_no > 1 else c.source


# --------------------------------------------------------------------------------------------------
# Capture side


@dataclass(frozen=True)
class BatchInfo:
    employer: str
    file_no: str
    box: str | None = None
    operator: str | None = None


@dataclass(frozen=True)
class Admitted:
    sha256: str | None
    outcome: str  # "stored" | "duplicate" | "rejected" | "failed"
    message: str | None = None
    requeue: bool = False  # a duplicate whose earlier run did not finish


def admit_page(backends: Backends, captured: CapturedPage, *, batch_id: int, actor: str) -> Admitted:
    """Triage, store and register one captured page (no queueing here)."""
    settings, db = backends.settings, backends.db
    name = display_name(captured)
    if captured.problem and not captured.image_bytes:
        # Not even readable: nothing to key a ledger row on.
        return Admitted(None, "rejected", f"{name}: {captured.problem}")
    data = captured.image_bytes
    sha = sha256_hex(data)
    with db.Session() as s:
        existing = s.get(Page, sha)
        if existing is not None and existing.status != PageStatus.rejected:
            # Already in the archive. One that failed (or whose run never finished) is tried again.
            unfinished = existing.status in (PageStatus.queued, PageStatus.failed) or ledger.is_stuck(
                existing, settings.stuck_after
            )
            if existing.status != PageStatus.queued and unfinished:
                ledger.requeue(s, existing, actor, f"подадена отново ({captured.source})")
                s.commit()
            return Admitted(sha, "duplicate", requeue=unfinished)

        reason: str | None = f"{name}: {captured.problem}" if captured.problem else None
        info = None
        if reason is None:
            try:
                info = triage(data, name=name, settings=settings)
            except InputFileError as e:
                reason = str(e)
        if reason is not None:
            if existing is None:
                page = Page(
                    sha256=sha,
                    batch_id=batch_id,
                    source=captured.source,
                    page_no=captured.page_no,
                    container_sha256=captured.container_sha256,
                    content_type=captured.content_type,
                    dpi=captured.dpi,
                    size_bytes=len(data),
                )
                s.add(page)
                add_event(s, sha, "captured", actor, captured.source)
                ledger.reject(s, page, reason, actor)
                s.commit()
            return Admitted(sha, "rejected", reason)

        assert info is not None
        try:
            backends.store.put(data, content_type=info.content_type)
        except BackendUnavailable as e:
            return Admitted(
                sha, "failed", f"{name}: хранилището за оригинали не отговаря ({e}) — опитайте отново"
            )

        page = existing or Page(sha256=sha, attempts=0)
        page.batch_id = batch_id
        page.source = captured.source
        page.page_no = captured.page_no
        page.container_sha256 = captured.container_sha256
        page.content_type = info.content_type
        page.dpi = captured.dpi or info.dpi
        page.width, page.height = info.width, info.height
        page.size_bytes = len(data)
        if existing is None:
            s.add(page)
        add_event(s, sha, "captured", actor, captured.source)
        ledger.admit(s, page, actor, f"{len(data)} байта, {info.content_type}")
        s.commit()
    return Admitted(sha, "stored")


def _tally_results(db: Database, summary: IngestSummary, processed: Sequence[str]) -> None:
    with db.Session() as s:
        summary.index_pending = int(
            s.scalar(
                select(func.count())
                .select_from(Page)
                .where(Page.status == PageStatus.done, Page.indexed_at.is_(None))
            )
            or 0
        )
        if not processed:
            return
        pages = {p.sha256: p for p in s.scalars(select(Page).where(Page.sha256.in_(processed)))}
        for sha in processed:
            p = pages.get(sha)
            if p is None:
                continue
            if p.status == PageStatus.done:
                summary.done += 1
            elif p.status == PageStatus.failed:
                summary.failed += 1
                err = p.error or "неразчетена страница"
                summary.problems.append(Problem(p.source, err if p.source in err else f"{p.source}: {err}"))
            elif p.status in (PageStatus.queued, PageStatus.processing):
                summary.failed += 1
                summary.problems.append(
                    Problem(p.source, f"{p.source}: страницата още не е обработена (статус {p.status})")
                )
        recs = s.execute(select(Record.review).where(Record.page_sha256.in_(processed))).all()
        summary.records += len(recs)
        summary.fields_under_review += sum(len(r[0] or []) for r in recs)


def ingest_captures(
    backends: Backends,
    captures: Iterable[CapturedPage],
    batch: BatchInfo,
    *,
    progress: ProgressFactory = null_progress,
    total: int | None = None,
) -> IngestSummary:
    """Admit every captured page into ``batch``, queue the new ones and wait for the queue."""
    db, queue = backends.db, backends.queue
    if queue is None:
        raise UsageError("няма опашка за разчитане: програмата е отворила хранилищата без опашка")
    with contextlib.suppress(BackendUnavailable):
        # Still down: those pages stay done-but-unindexed and the summary counts them.
        index_pending(backends)
    actor = batch.operator or default_actor()
    with db.Session() as s:
        b = get_or_create_batch(
            s, employer=batch.employer, file_no=batch.file_no, box=batch.box, operator=batch.operator
        )
        s.commit()
        batch_id = b.id
    summary = IngestSummary()
    to_process: list[str] = []
    bar = progress(total=total, desc="Приемане", unit=" стр.")
    try:
        for captured in captures:
            summary.pages_in += 1
            adm = admit_page(backends, captured, batch_id=batch_id, actor=actor)
            if adm.sha256 and adm.sha256 not in summary.page_sha256s:
                summary.page_sha256s.append(adm.sha256)
            if adm.outcome == "stored":
                summary.stored += 1
            elif adm.outcome == "duplicate":
                summary.duplicates += 1
            elif adm.outcome == "rejected":
                summary.rejected += 1
            else:
                summary.failed += 1
            if adm.message and adm.outcome in ("rejected", "failed"):
                summary.problems.append(Problem(captured.source, adm.message))
            if adm.sha256 and (adm.outcome == "stored" or adm.requeue) and adm.sha256 not in to_process:
                queue.enqueue_page(adm.sha256)
                to_process.append(adm.sha256)
            bar.update(1)
    finally:
        bar.close()
    if to_process:
        if hasattr(queue, "progress"):  # in-process workers and rq both show the "Разчитане" bar
            queue.progress = progress
        queue.run_until_done(to_process)
        # pages a worker recognised but could not index (the index was down, or the worker died
        # between the two) are indexed now; if the index is still down they are counted below
        with contextlib.suppress(BackendUnavailable):
            index_pending(backends, only=to_process)
        with contextlib.suppress(BackendUnavailable):  # counted as index_pending below
            backends.index.refresh()
    _tally_results(db, summary, to_process)
    return summary


def ingest_paths(
    backends: Backends,
    paths: Sequence[Path],
    *,
    employer: str,
    file_no: str,
    box: str | None = None,
    operator: str | None = None,
    progress: ProgressFactory = null_progress,
) -> IngestSummary:
    """Ingest files (PNG, JPEG, TIFF, PDF; folders are expanded) as one employer's file."""
    files = expand_paths(paths)
    if not files:
        shown = ", ".join(str(p) for p in paths)
        raise UsageError(f"{shown}: няма файлове за въвеждане (PNG, JPEG, TIFF или PDF)")
    settings = backends.settings
    driver = FileDriver(files, max_pixels=settings.max_pixels, max_file_bytes=settings.max_file_bytes)
    return ingest_captures(
        backends,
        driver.pages(),
        BatchInfo(employer=employer, file_no=file_no, box=box, operator=operator),
        progress=progress,
        total=None,
    )


# --------------------------------------------------------------------------------------------------
# Recognition side


def recognise(image: np.ndarray, *, image_name: str, dpi: int | None, engine: OcrEngine) -> PayrollPage:
    """OCR + table extraction (the ``ocr`` package) with the program's engine."""
    return extract_image(image, image_name=image_name, engine=engine, dpi=dpi)


def _index_records(backends: Backends, sha: str, records: Sequence[PersonMonth], actor: str) -> bool:
    """Put a page's records in the search index; False (page stays pending) if the index is down."""
    try:
        backends.index.delete_page(sha)
        if records:
            backends.index.upsert(records)
    except BackendUnavailable:
        return False
    ledger.mark_indexed(backends.db, sha, len(records), actor)
    return True


def process_page(
    backends: Backends, page_sha256: str, *, engine: OcrEngine, worker: str | None = None
) -> PageStatus:
    """Recognise one page and write its records (idempotent; safe to run again). Returns the status.

    ``worker`` (the rq worker's name; default: this process) is recorded on the page while it is
    processed; the records are written only if the page is still held by it (a worker taken for
    dead and retried elsewhere does not overwrite the retry).

    Page-level failures (undecodable, extraction error, original missing) mark the page ``failed``
    with the reason. ``BackendUnavailable`` puts it back to ``queued`` and propagates (retryable).
    """
    db = backends.db
    actor = worker_actor()
    worker = worker or actor
    claimed = ledger.claim(db, page_sha256, worker)
    if claimed is None:
        raise NotFoundError(f"страница {page_sha256} не е в регистъра")
    if claimed == PageStatus.done:
        index_pending(backends, only=[page_sha256])
        return PageStatus.done
    if isinstance(claimed, PageStatus):
        return claimed
    with db.Session() as s:
        batch = s.get(Batch, claimed.batch_id) if claimed.batch_id is not None else None
        employer = batch.employer if batch else None
        file_no = batch.file_no if batch else None
        box = batch.box if batch else None
    source = claimed.source
    try:
        data = backends.store.get(page_sha256)
        image = decode_image(data, name=source)
        result = recognise(image, image_name=PurePath(source).name, dpi=claimed.dpi, engine=engine)
    except BackendUnavailable as e:
        ledger.retry_later(db, page_sha256, str(e), actor)
        raise
    except ArchiveError as e:
        ledger.fail(db, page_sha256, str(e), actor)
        return PageStatus.failed
    except Exception as e:  # a bug in recognition must not leave the page 'processing' forever
        ledger.fail(db, page_sha256, f"{source}: грешка при разчитане ({type(e).__name__}: {e})", actor)
        return PageStatus.failed

    records = person_months(result, page_sha256=page_sha256, employer=employer, file_no=file_no, box=box)
    n_review = sum(len(r.review) for r in records)
    with db.Session() as s:
        page = s.get(Page, page_sha256, with_for_update=True)
        assert page is not None
        if not ledger.holds(page, worker):  # taken for dead meanwhile: the retry writes the result
            s.rollback()
            return ledger.status_of(db, page_sha256) or PageStatus.queued
        s.execute(delete(Record).where(Record.page_sha256 == page_sha256))
        s.add_all([_record_row(r) for r in records])
        page.extraction = json.loads(result.to_json())
        page.employer_printed = result.employer.name
        page.year, page.month, page.sheet = result.period.year, result.period.month, result.sheet
        ledger.finish(s, page, actor, f"{len(records)} реда, {n_review} полета за проверка")
        s.commit()
    _index_records(backends, page_sha256, records, actor)
    return PageStatus.done


def index_pending(backends: Backends, *, only: Sequence[str] | None = None) -> int:
    """Index the records of pages that are done but not yet in the search index (the index was
    down when they were recognised). Returns how many pages were indexed; raises
    BackendUnavailable if the index is still down."""
    db = backends.db
    with db.Session() as s:
        q = select(Page.sha256).where(Page.status == PageStatus.done, Page.indexed_at.is_(None))
        if only is not None:
            q = q.where(Page.sha256.in_(list(only)))
        shas = list(s.scalars(q))
    if not shas:
        return 0
    actor = worker_actor()
    for sha in shas:
        with db.Session() as s:
            records = [
                person_month_from_record(r)
                for r in s.scalars(select(Record).where(Record.page_sha256 == sha).order_by(Record.row_index))
            ]
        backends.index.delete_page(sha)
        if records:
            backends.index.upsert(records)
        ledger.mark_indexed(db, sha, len(records), actor)
    return len(shas)
