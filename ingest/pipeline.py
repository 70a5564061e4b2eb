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
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path, PurePath
from typing import Any

import numpy as np
from sqlalchemy import delete, func, select

from archive_core.config import Settings
from archive_core.db import Batch, Database, Page, Record, open_database, person_month_from_record, utcnow
from archive_core.db import record_from_person_month as _record_row
from archive_core.errors import ArchiveError, BackendUnavailable, InputFileError, NotFoundError, UsageError
from archive_core.progress import ProgressFactory, null_progress
from archive_core.records import PageStatus, PayrollPage, PersonMonth
from scanner_drivers.base import CapturedPage
from scanner_drivers.files import FileDriver, expand_paths

from .batches import add_event, default_actor, get_or_create_batch, worker_actor
from .records import person_months
from .triage import triage

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


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


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


def _stuck(page: Page, settings: Settings) -> bool:
    """A page left 'processing' longer than ``settings.stuck_after`` (its worker died or was stopped)."""
    if page.status != PageStatus.processing or page.updated_at is None:
        return False
    updated = page.updated_at if page.updated_at.tzinfo else page.updated_at.replace(tzinfo=UTC)
    return (utcnow() - updated).total_seconds() > settings.stuck_after


def admit_page(
    settings: Settings, db: Database, captured: CapturedPage, *, batch_id: int, actor: str
) -> Admitted:
    """Triage, store and register one captured page (no queueing here)."""
    from archive_core.backends import open_store

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
            unfinished = existing.status in (PageStatus.queued, PageStatus.failed) or _stuck(
                existing, settings
            )
            if existing.status != PageStatus.queued and unfinished:
                existing.status = PageStatus.queued
                add_event(s, sha, "queued", actor, f"подадена отново ({captured.source})")
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
                s.add(
                    Page(
                        sha256=sha,
                        batch_id=batch_id,
                        source=captured.source,
                        page_no=captured.page_no,
                        container_sha256=captured.container_sha256,
                        content_type=captured.content_type,
                        dpi=captured.dpi,
                        size_bytes=len(data),
                        status=PageStatus.rejected,
                        error=reason,
                    )
                )
                add_event(s, sha, "captured", actor, captured.source)
                add_event(s, sha, "rejected", actor, reason)
                s.commit()
            return Admitted(sha, "rejected", reason)

        assert info is not None
        try:
            open_store(settings).put(data, content_type=info.content_type)
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
        page.status = PageStatus.queued
        page.error = None
        if existing is None:
            s.add(page)
        add_event(s, sha, "captured", actor, captured.source)
        add_event(s, sha, "stored", actor, f"{len(data)} байта, {info.content_type}")
        add_event(s, sha, "queued", actor)
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
    settings: Settings,
    captures: Iterable[CapturedPage],
    batch: BatchInfo,
    *,
    progress: ProgressFactory = null_progress,
    total: int | None = None,
) -> IngestSummary:
    """Admit every captured page into ``batch``, queue the new ones and wait for the queue."""
    from archive_core.backends import open_index, open_queue

    db = open_database(settings)
    try:
        with contextlib.suppress(BackendUnavailable):
            # Still down: those pages stay done-but-unindexed and the summary counts them.
            index_pending(settings, db=db)
        actor = batch.operator or default_actor()
        with db.Session() as s:
            b = get_or_create_batch(
                s, employer=batch.employer, file_no=batch.file_no, box=batch.box, operator=batch.operator
            )
            s.commit()
            batch_id = b.id
        queue = open_queue(settings)
        summary = IngestSummary()
        to_process: list[str] = []
        bar = progress(total=total, desc="Приемане", unit=" стр.")
        try:
            for captured in captures:
                summary.pages_in += 1
                adm = admit_page(settings, db, captured, batch_id=batch_id, actor=actor)
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
                index_pending(settings, db=db, only=to_process)
            with contextlib.suppress(BackendUnavailable):  # counted as index_pending below
                open_index(settings).refresh()
        _tally_results(db, summary, to_process)
        return summary
    finally:
        db.dispose()


def ingest_paths(
    settings: Settings,
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
    driver = FileDriver(files, max_pixels=settings.max_pixels, max_file_bytes=settings.max_file_bytes)
    return ingest_captures(
        settings,
        driver.pages(),
        BatchInfo(employer=employer, file_no=file_no, box=box, operator=operator),
        progress=progress,
        total=None,
    )


# --------------------------------------------------------------------------------------------------
# Recognition side


def decode_image(data: bytes, *, name: str) -> np.ndarray:
    """The page as OpenCV decodes it: uint8 grayscale for grey originals, BGR otherwise."""
    import cv2

    buf = np.frombuffer(data, dtype=np.uint8)
    image = cv2.imdecode(buf, cv2.IMREAD_UNCHANGED)
    if image is None or image.dtype != np.uint8 or image.ndim != 2:
        image = cv2.imdecode(buf, cv2.IMREAD_COLOR)
    if image is None:
        raise InputFileError(f"{name}: изображението не се декодира — сканирайте страницата отново")
    return image


def recognise(image: np.ndarray, *, image_name: str, dpi: int | None) -> PayrollPage:
    """OCR + table extraction (the ``ocr`` package), imported only when a page is processed."""
    from ocr.engine import engine_from_settings
    from ocr.extract import extract_image

    # bridge until the engine is made once at the worker's start and passed down (issue 8)
    return extract_image(image, image_name=image_name, engine=engine_from_settings(Settings()), dpi=dpi)


def _set_status(
    db: Database, sha: str, status: PageStatus, *, error: str | None, event: str, actor: str
) -> None:
    with db.Session() as s:
        page = s.get(Page, sha)
        if page is None:
            return
        page.status = status
        page.error = error
        add_event(s, sha, event, actor, error)
        s.commit()


def _index_records(
    settings: Settings, db: Database, sha: str, records: Sequence[PersonMonth], actor: str
) -> bool:
    """Put a page's records in the search index; False (page stays pending) if the index is down."""
    from archive_core.backends import open_index

    try:
        index = open_index(settings)
        index.delete_page(sha)
        if records:
            index.upsert(records)
    except BackendUnavailable:
        return False
    with db.Session() as s:
        page = s.get(Page, sha)
        if page is not None:
            page.indexed_at = utcnow()
            add_event(s, sha, "indexed", actor, f"{len(records)} записа")
            s.commit()
    return True


def process_page(settings: Settings, page_sha256: str, *, db: Database | None = None) -> PageStatus:
    """Recognise one page and write its records (idempotent; safe to run again). Returns the status.

    Page-level failures (undecodable, extraction error, original missing) mark the page ``failed``
    with the reason. ``BackendUnavailable`` puts it back to ``queued`` and propagates (retryable).
    """
    own_db = db is None
    database = db or open_database(settings)
    actor = worker_actor()
    try:
        with database.Session() as s:
            page = s.get(Page, page_sha256)
            if page is None:
                raise NotFoundError(f"страница {page_sha256} не е в регистъра")
            if page.status == PageStatus.rejected:
                return PageStatus.rejected
            if page.status == PageStatus.done:
                if page.indexed_at is None:
                    index_pending(settings, db=database, only=[page_sha256])
                return PageStatus.done
            page.status = PageStatus.processing
            page.attempts = (page.attempts or 0) + 1
            page.error = None
            s.commit()
            batch = s.get(Batch, page.batch_id) if page.batch_id is not None else None
            source, dpi = page.source, page.dpi
            employer = batch.employer if batch else None
            file_no = batch.file_no if batch else None
            box = batch.box if batch else None

        try:
            from archive_core.backends import open_store

            data = open_store(settings).get(page_sha256)
            image = decode_image(data, name=source)
            result = recognise(image, image_name=PurePath(source).name, dpi=dpi)
        except BackendUnavailable as e:
            _set_status(database, page_sha256, PageStatus.queued, error=str(e), event="queued", actor=actor)
            raise
        except ArchiveError as e:
            _set_status(database, page_sha256, PageStatus.failed, error=str(e), event="failed", actor=actor)
            return PageStatus.failed
        except Exception as e:  # a bug in recognition must not leave the page 'processing' forever
            msg = f"{source}: грешка при разчитане ({type(e).__name__}: {e})"
            _set_status(database, page_sha256, PageStatus.failed, error=msg, event="failed", actor=actor)
            return PageStatus.failed

        records = person_months(result, page_sha256=page_sha256, employer=employer, file_no=file_no, box=box)
        n_review = sum(len(r.review) for r in records)
        with database.Session() as s:
            s.execute(delete(Record).where(Record.page_sha256 == page_sha256))
            s.add_all([_record_row(r) for r in records])
            page = s.get(Page, page_sha256)
            assert page is not None
            page.status = PageStatus.done
            page.error = None
            page.extraction = json.loads(result.to_json())
            page.employer_printed = result.employer.name
            page.year, page.month, page.sheet = result.period.year, result.period.month, result.sheet
            page.indexed_at = None
            add_event(
                s, page_sha256, "recognised", actor, f"{len(records)} реда, {n_review} полета за проверка"
            )
            s.commit()
        _index_records(settings, database, page_sha256, records, actor)
        return PageStatus.done
    finally:
        if own_db:
            database.dispose()


def index_pending(
    settings: Settings, *, db: Database | None = None, only: Sequence[str] | None = None
) -> int:
    """Index the records of pages that are done but not yet in the search index (the index was
    down when they were recognised). Returns how many pages were indexed; raises
    BackendUnavailable if the index is still down."""
    from archive_core.backends import open_index

    own_db = db is None
    database = db or open_database(settings)
    try:
        with database.Session() as s:
            q = select(Page.sha256).where(Page.status == PageStatus.done, Page.indexed_at.is_(None))
            if only is not None:
                q = q.where(Page.sha256.in_(list(only)))
            shas = list(s.scalars(q))
        if not shas:
            return 0
        index = open_index(settings)
        actor = worker_actor()
        for sha in shas:
            with database.Session() as s:
                records = [
                    person_month_from_record(r)
                    for r in s.scalars(
                        select(Record).where(Record.page_sha256 == sha).order_by(Record.row_index)
                    )
                ]
            index.delete_page(sha)
            if records:
                index.upsert(records)
            with database.Session() as s:
                page = s.get(Page, sha)
                if page is not None:
                    page.indexed_at = utcnow()
                    add_event(s, sha, "indexed", actor, f"{len(records)} записа")
                    s.commit()
        return len(shas)
    finally:
        if own_db:
            database.dispose()


def process_page_job(page_sha256: str) -> None:
    """The queue job (rq): only the sha256 travels; Settings come from this worker's environment."""
    process_page(Settings(), page_sha256)


def ledger_counts(db: Database) -> dict[str, Any]:
    """Pages per status (for summaries)."""
    with db.Session() as s:
        rows = s.execute(select(Page.status, func.count()).group_by(Page.status)).all()
    return {str(k): int(v) for k, v in rows}
