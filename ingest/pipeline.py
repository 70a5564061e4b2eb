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
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

import numpy as np
from sqlalchemy import delete, func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from archive_core.backends import Backends
from archive_core.db import Batch, Database, Page, Record, connection_lost, person_month_from_record
from archive_core.db import record_from_person_month as _record_row
from archive_core.errors import ArchiveError, BackendUnavailable, InputFileError, NotFoundError, UsageError
from archive_core.hashing import sha256_hex
from archive_core.progress import ProgressFactory, null_progress
from archive_core.records import PageStatus, PayrollPage, PersonMonth
from ocr.engine import OcrEngine
from ocr.extract import extract_image
from scanner_drivers.base import CapturedPage, ScannerError
from scanner_drivers.capture_checks import CaptureReport, check_page
from scanner_drivers.files import FileDriver, expand_paths
from scanner_drivers.intake import decode_image, triage
from scanner_drivers.separator import Separator, read_separator

from . import batch_agreement, born_digital, duplicates, file_agreement, ledger
from .batches import add_event, default_actor, get_or_create_batch, worker_actor
from .records import person_months

log = logging.getLogger(__name__)

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
    blank: int = 0  # kept out by the checks at capture, each with a ledger row saying so
    separators: int = 0
    held_duplicates: int = 0  # the same sheet as another page: records taken once
    failed: int = 0
    done: int = 0
    records: int = 0
    fields_under_review: int = 0
    index_pending: int = 0
    problems: list[Problem] = field(default_factory=list)
    page_sha256s: list[str] = field(default_factory=list)  # every page of this run, in order
    notes: list[Problem] = field(default_factory=list)  # what the checks at capture found, per page
    interrupted: str | None = None  # why capture stopped early (the pages before it are kept)
    batch: BatchInfo | None = None  # the file the last page went into (a separator switches it)

    @property
    def ok(self) -> bool:
        return not self.problems

    def line(self) -> str:
        text = (
            f"Страници: {self.pages_in} постъпили, {self.stored} нови, {self.duplicates} повторни,"
            f" {self.rejected} отхвърлени, {self.failed} неразчетени; записи: {self.records};"
            f" полета за проверка: {self.fields_under_review}"
        )
        if self.blank or self.notes or self.held_duplicates or self.separators:
            text += (
                f"; при сканиране: {self.blank} празни, {len(self.notes)} бележки,"
                f" {self.held_duplicates} повторно сканирани листа, {self.separators} разделителя"
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
    outcome: str  # "stored" | "duplicate" | "rejected" | "blank" | "failed"
    message: str | None = None
    requeue: bool = False  # a duplicate whose earlier run did not finish
    report: CaptureReport | None = None  # what the checks at capture found


def next_seq(session, batch_id: int) -> int:
    """The next place in the employer's file."""
    top = session.scalar(select(func.max(Page.batch_seq)).where(Page.batch_id == batch_id))
    return int(top or 0) + 1


def capture_report(backends: Backends, data: bytes, *, name: str, dpi: int | None, sha: str) -> CaptureReport:
    """The checks at capture on one page image, with the pages it may repeat."""
    report = check_page(decode_image(data, name=name), dpi=dpi, lang=backends.settings.ocr_lang)
    if report.phash and not report.keeps_out:
        with backends.db.Session() as s:
            near = duplicates.near_pages(s, report.phash, exclude=sha)
            if near:
                sources = [p.source for p in s.scalars(select(Page).where(Page.sha256.in_(near)))]
                report.findings.append(duplicates.possible_duplicate_finding(near, sources))
    return report


def _reject_new(
    s: Session,
    captured: CapturedPage,
    sha: str,
    batch_id: int,
    size: int,
    actor: str,
    reason: str,
    **columns: Any,
) -> None:
    """A page new to the archive kept out at capture: its ledger row (with ``columns``), the
    'captured' event and the refusal, committed."""
    page = Page(
        sha256=sha,
        batch_id=batch_id,
        source=captured.source,
        page_no=captured.page_no,
        container_sha256=captured.container_sha256,
        content_type=captured.content_type,
        dpi=captured.dpi,
        size_bytes=size,
        **columns,
    )
    s.add(page)
    add_event(s, sha, "captured", actor, captured.source)
    ledger.reject(s, page, reason, actor)
    s.commit()


ADMIT_TRIES = 6


def _admit_retrying(
    backends: Backends, captured: CapturedPage, *, batch_id: int, actor: str, seq: int | None = None
) -> Admitted:
    """``admit_page``, tried again when the database dropped the connection mid-way (a restart, a
    failover, an administrator's terminate): the page's row was rolled back with it and the original is
    content-addressed, so a second try adds nothing twice. After ``ADMIT_TRIES`` the failure is the
    database's, and stops."""
    for attempt in range(ADMIT_TRIES):
        try:
            return admit_page(backends, captured, batch_id=batch_id, actor=actor, seq=seq)
        except DBAPIError as e:
            if attempt == ADMIT_TRIES - 1 or not connection_lost(e):
                raise
            time.sleep(min(0.5 * 2**attempt, 4.0))  # 0.5, 1, 2, 4, 4 s: a restart or failover has time
    raise AssertionError("unreachable")


def admit_page(
    backends: Backends, captured: CapturedPage, *, batch_id: int, actor: str, seq: int | None = None
) -> Admitted:
    """Triage, check, store and register one captured page (no queueing here). ``seq`` puts it at a
    given place in the file (a re-scan in place); by default it goes at the end."""
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
        report: CaptureReport | None = None
        digital = born_digital.is_born_digital(captured.content_type)
        if reason is None:
            try:
                if digital:
                    info = born_digital.triage_file(data, name=name, content_type=captured.content_type)
                    report = CaptureReport(provenance=born_digital.PROVENANCE)
                else:
                    info = triage(data, name=name, settings=settings)
                    report = capture_report(backends, data, name=name, dpi=captured.dpi or info.dpi, sha=sha)
            except InputFileError as e:
                reason = str(e)
        if report is not None and report.keeps_out:
            if existing is not None:  # submitted again, still blank
                return Admitted(sha, "blank", f"{name}: {report.summary()}", report=report)
            _reject_new(
                s,
                captured,
                sha,
                batch_id,
                len(data),
                actor,
                f"{name}: {report.summary()}",
                capture_checks=report.to_json(),
                phash=None,
                batch_seq=seq or next_seq(s, batch_id),
            )
            return Admitted(sha, "blank", f"{name}: {report.summary()}", report=report)
        if reason is not None:
            if existing is None:
                _reject_new(s, captured, sha, batch_id, len(data), actor, reason)
            return Admitted(sha, "rejected", reason)

        assert info is not None
        try:
            backends.store.put(data, content_type=info.content_type)
            if captured.container_bytes is not None:  # a page of a text PDF: the whole file kept too
                backends.store.put(captured.container_bytes, content_type=info.content_type)
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
        page.capture_checks = report.to_json() if report else None
        page.phash = report.phash if report else None
        page.batch_seq = seq or page.batch_seq or next_seq(s, batch_id)
        if existing is None:
            s.add(page)
        add_event(s, sha, "captured", actor, captured.source)
        detail = f"{len(data)} байта, {info.content_type}"
        if report and report.findings:
            detail += f"; при сканиране: {report.summary()}"
        ledger.admit(s, page, actor, detail)
        s.commit()
    return Admitted(sha, "stored", report=report)


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
                if p.duplicate_of:
                    summary.held_duplicates += 1
                    held = [f.message for f in CaptureReport.from_json(p.capture_checks).findings
                            if f.check == duplicates.DUPLICATE]  # fmt: skip
                    summary.notes.append(Problem(p.source, f"{p.source}: {'; '.join(held)}"))
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


def open_batch(db: Database, batch: BatchInfo) -> int:
    with db.Session() as s:
        b = get_or_create_batch(
            s, employer=batch.employer, file_no=batch.file_no, box=batch.box, operator=batch.operator
        )
        s.commit()
        return b.id


def separator_of(captured: CapturedPage) -> Separator | None:
    """The separator sheet this page is, if it is one (a QR code with the next file's data)."""
    if captured.problem or not captured.content_type.startswith("image/"):
        return None
    try:
        return read_separator(decode_image(captured.image_bytes, name=captured.source))
    except InputFileError:
        return None


_OUTCOME = {
    "stored": "приета",
    "duplicate": "вече е в архива",
    "rejected": "отхвърлена",
    "blank": "празна, не е приета",
    "failed": "неуспешно записване",
}


def page_line(n: int, captured: CapturedPage, adm: Admitted) -> str:
    """One line per captured page for the operator: number, source, outcome, what the checks found."""
    text = f"[{n}] {display_name(captured)}: {_OUTCOME.get(adm.outcome, adm.outcome)}"
    if adm.report is not None and adm.report.findings and adm.outcome != "blank":
        text += " — " + adm.report.summary()
    elif adm.message and adm.outcome != "stored":
        text += " — " + adm.message
    return text


def ingest_captures(
    backends: Backends,
    captures: Iterable[CapturedPage],
    batch: BatchInfo,
    *,
    progress: ProgressFactory = null_progress,
    total: int | None = None,
    on_page: Callable[[str], None] = lambda _line: None,
    on_admitted: Callable[[CapturedPage, Admitted], None] | None = None,
    replace: str | None = None,
) -> IngestSummary:
    """Admit every captured page into ``batch``, queue the new ones and wait for the queue.
    ``on_page`` gets one line per page as it is captured (what the checks found); a separator sheet
    in the stream switches to the employer's file it names. ``replace`` (a page's sha256 or its
    start): the one page captured is a re-scan of that page and takes its place in its file."""
    db, queue = backends.db, backends.queue
    if queue is None:
        raise UsageError("няма опашка за разчитане: програмата е отворила хранилищата без опашка")
    with contextlib.suppress(BackendUnavailable):
        # Still down: those pages stay done-but-unindexed and the summary counts them.
        index_pending(backends)
    actor = batch.operator or default_actor()
    batch_id = open_batch(db, batch)
    replace_seq: int | None = None
    if replace is not None:
        with db.Session() as s:
            old = duplicates.find_page(s, replace)
            replace, replace_seq = old.sha256, old.batch_seq
            if old.batch_id is not None:
                batch_id = old.batch_id
    summary = IngestSummary()
    to_process: list[str] = []
    bar = progress(total=total, desc="Приемане", unit=" стр.")
    stream = iter(captures)
    try:
        while True:
            try:
                captured = next(stream)
            except StopIteration:
                break
            except (ScannerError, KeyboardInterrupt) as e:
                # the scanner stopped (jam, empty feeder) or the operator pressed Ctrl-C: the pages
                # captured so far are kept and recognised; the scan can go on into the same file
                summary.interrupted = str(e) or "прекъснато от оператора"
                break
            sep = separator_of(captured)
            if sep is not None:
                # a separator sheet starts the next employer's file; it is not a page
                summary.separators += 1
                batch = BatchInfo(employer=sep.employer, file_no=sep.file_no, box=sep.box, operator=batch.operator)
                batch_id = open_batch(db, batch)
                on_page(f"{display_name(captured)}: разделител — следва дело {sep.file_no} на {sep.employer}")
                bar.update(1)
                continue
            summary.pages_in += 1
            adm = _admit_retrying(backends, captured, batch_id=batch_id, actor=actor, seq=replace_seq)
            if replace is not None and adm.sha256 and adm.outcome in ("stored", "duplicate"):
                with db.Session() as s:
                    old_page = s.get(Page, replace)
                    assert old_page is not None
                    duplicates.replace_in_place(s, old_page, adm.sha256, actor)
                    s.commit()
                with contextlib.suppress(BackendUnavailable):
                    backends.index.delete_page(replace)
                replace = None  # one page replaces one page
            if adm.outcome == "blank":
                summary.blank += 1
            elif adm.report is not None and adm.report.findings:
                summary.notes.append(Problem(captured.source, f"{display_name(captured)}: {adm.report.summary()}"))
            on_page(page_line(summary.pages_in, captured, adm))
            if on_admitted is not None:
                on_admitted(captured, adm)
            if adm.sha256 and adm.sha256 not in summary.page_sha256s:
                summary.page_sha256s.append(adm.sha256)
            if adm.outcome == "stored":
                summary.stored += 1
            elif adm.outcome == "duplicate":
                summary.duplicates += 1
            elif adm.outcome == "rejected":
                summary.rejected += 1
            elif adm.outcome == "blank":
                pass
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
        # the files whose pages were read: compared again here too (a page that failed last, or a worker
        # that died after its page was done, left it undone; a second pass adds nothing twice)
        for batch_of_page in _batches_of(db, to_process):
            _agree_when_read(backends, batch_of_page)
        # pages a worker recognised but could not index (the index was down, or the worker died
        # between the two) are indexed now; if the index is still down they are counted below
        with contextlib.suppress(BackendUnavailable):
            index_pending(backends, only=to_process)
        with contextlib.suppress(BackendUnavailable):  # counted as index_pending below
            backends.index.refresh()
    _tally_results(db, summary, to_process)
    summary.batch = batch
    return summary


def _batches_of(db: Database, shas: Sequence[str]) -> list[int]:
    with db.Session() as s:
        ids = {b for sha in shas if (p := s.get(Page, sha)) is not None and (b := p.batch_id) is not None}
    return sorted(ids)


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
    with db.Session() as s:
        page_row = s.get(Page, page_sha256)
        report = CaptureReport.from_json(page_row.capture_checks if page_row else None)
        content_type = page_row.content_type if page_row else None
    try:
        data = backends.store.get(page_sha256)
        if born_digital.is_born_digital(content_type):
            # read from the file's text: no picture, no OCR; the original stays as it came
            result = born_digital.read_payroll(data, content_type=content_type, name=source,
                                               mapping=backends.settings.data_dir / born_digital.MAPPING_FILE)  # fmt: skip
        else:
            image = decode_image(data, name=source)
            if report.quarter_turns:  # fed turned: the checks at capture found by how much
                image = np.ascontiguousarray(np.rot90(image, report.quarter_turns))
            result = recognise(image, image_name=PurePath(source).name, dpi=claimed.dpi, engine=engine)
    except BackendUnavailable as e:
        ledger.retry_later(db, page_sha256, str(e), actor)
        raise
    except ArchiveError as e:
        ledger.fail(db, page_sha256, str(e), actor)
        _agree_when_read(backends, claimed.batch_id)  # the file's last page may fail: the others are read
        return PageStatus.failed
    except Exception as e:  # a bug in recognition must not leave the page 'processing' forever
        ledger.fail(db, page_sha256, f"{source}: грешка при разчитане ({type(e).__name__}: {e})", actor)
        _agree_when_read(backends, claimed.batch_id)
        return PageStatus.failed

    records = person_months(result, page_sha256=page_sha256, employer=employer, file_no=file_no, box=box)
    n_review = sum(len(r.review) for r in records)
    with db.Session() as s:
        # the same sheet scanned twice and read by two workers at once: one decides after the other
        duplicates.lock_sheet(s, page_sha256)
        page = s.get(Page, page_sha256, with_for_update=True, populate_existing=True)
        assert page is not None
        if not ledger.holds(page, worker):  # taken for dead meanwhile: the retry writes the result
            s.rollback()
            return ledger.status_of(db, page_sha256) or PageStatus.queued
        s.execute(delete(Record).where(Record.page_sha256 == page_sha256))
        dup = duplicates.find_duplicate(s, page, records) if page.duplicate_of is None else None
        if dup is not None:
            duplicates.mark_duplicate(s, page, dup, actor)
        if page.duplicate_of is None:
            s.add_all([_record_row(r) for r in records])
        else:  # the same sheet as another page: its records are held back until the operator decides
            records = []
        page.extraction = json.loads(result.to_json())
        page.page_review = result.page_review.model_dump() if result.page_review is not None else None
        page.employer_printed = result.employer.name
        page.year, page.month, page.sheet = result.period.year, result.period.month, result.sheet
        ledger.finish(s, page, actor, f"{len(records)} реда, {n_review} полета за проверка")
        s.commit()
    _index_records(backends, page_sha256, records, actor)
    _agree_when_read(backends, claimed.batch_id)
    return PageStatus.done


def _agree_when_read(backends: Backends, batch_id: int | None) -> None:
    """The file's last page read: a person's ЕГН or name read otherwise on its other pages goes to review
    (``ingest.batch_agreement``), and so do an employer's name or a month the pages around it read otherwise
    (``ingest.file_agreement``). The page is done whatever happens here; a failure is logged and the file's next
    completion compares again."""
    if batch_id is None:
        return
    comparisons = (("the people", batch_agreement.agree_batch), ("the employers and months", file_agreement.agree_pages))
    for what, agree in comparisons:
        try:
            agree(backends, batch_id)
        except Exception:  # (the page's records are written; the comparison is extra doubt only)
            log.exception("batch %s: comparing %s across the file's pages failed", batch_id, what)


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
