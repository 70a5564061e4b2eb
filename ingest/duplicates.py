"""The same sheet twice: in one batch or across batches, also re-scanned (noise, a few pixels' shift).

A page is the same sheet as an earlier one when both are true:

1. its perceptual hash (``scanner_drivers.capture_checks.perceptual_hash``) is within
   ``PHASH_NEAR`` bits of the earlier page's (found at capture: ``near_pages``), and
2. once read, it holds the same records: the same people (ЕГН), the same month and the same
   amounts (``same_records``). Sheets of one employer's file look alike month after month; the
   records tell them apart.

Only one of the two gives records. The later scan is marked ``duplicate_of`` the earlier one and its
records are held back (its reading stays in ``extraction``); the operator decides which scan to keep
(``keep_scan``), and the records move to it.

The decision is atomic (``lock_sheet``): a worker that is about to write a page's records first
locks the ledger rows of that page and of every page that looks like it, always in the same
order, and holds them to its commit. Two workers finishing two scans of one sheet at the same
moment thus decide one after the other, and the second sees the first's records.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from archive_core.db import Batch, Page, Record, person_month_from_record, utcnow
from archive_core.db import record_from_person_month as _record_row
from archive_core.errors import NotFoundError, UsageError
from archive_core.records import PageStatus, PayrollPage, PersonMonth
from scanner_drivers.capture_checks import DUPLICATE, CaptureReport, Finding, hash_distance

from .batches import add_event
from .records import person_months

PHASH_NEAR = 30  # of 256 bits: re-scans measure up to ~10, other sheets of one file 58 and more
SAME_SHARE = 0.8  # of the records that must agree


def near_pages(session: Session, phash: str, *, exclude: str) -> list[str]:
    """Pages (not rejected, not themselves held back as duplicates) whose look is within PHASH_NEAR."""
    rows = session.execute(
        select(Page.sha256, Page.phash).where(
            Page.phash.is_not(None),
            Page.sha256 != exclude,
            Page.status != PageStatus.rejected.value,
            Page.duplicate_of.is_(None),
        )
    ).all()
    found = [(hash_distance(phash, h), sha) for sha, h in rows if h]
    return [sha for d, sha in sorted(found) if d <= PHASH_NEAR]


def lock_sheet(session: Session, sha: str) -> list[str]:
    """Lock the sheet ``sha`` shows before deciding whether it repeats another page (in the caller's
    transaction, held to its commit): the ledger rows of the page and of the pages that look like it
    (perceptual hash within PHASH_NEAR, and capture's candidates), in sha256 order, so two deciders
    of one sheet never deadlock and never decide at the same time. PostgreSQL: row locks
    (SELECT ... FOR UPDATE). SQLite has no row locks: the transaction's first write takes the
    database's write lock, held to commit, which orders all deciders. Returns the rows locked."""
    row = session.execute(select(Page.phash, Page.capture_checks).where(Page.sha256 == sha)).first()
    if row is None:
        return []
    group = {sha}
    group.update(report_candidates(CaptureReport.from_json(row.capture_checks)))
    if row.phash:
        group.update(near_pages(session, row.phash, exclude=sha))
    if session.get_bind().dialect.name == "sqlite":
        session.execute(update(Page).where(Page.sha256 == sha).values(updated_at=utcnow()))
        return [sha]
    locked = sorted(group)
    for member in locked:
        session.execute(select(Page.sha256).where(Page.sha256 == member).with_for_update())
    return locked


def _key(r: PersonMonth) -> tuple[object, ...]:
    return (r.egn, r.year, r.month, r.gross_pay if r.gross_pay is not None else r.net_pay)


def same_records(a: Sequence[PersonMonth], b: Sequence[PersonMonth]) -> bool:
    """Two readings of one sheet: most of their (ЕГН, month, amount) keys agree."""
    if not a or not b:
        return False
    ka, kb = {_key(r) for r in a}, {_key(r) for r in b}
    return len(ka & kb) >= SAME_SHARE * max(len(ka), len(kb))


@dataclass(frozen=True)
class Duplicate:
    of: str
    message: str


def find_duplicate(session: Session, page: Page, records: Sequence[PersonMonth]) -> Duplicate | None:
    """The earlier page this one repeats (capture's near candidates whose records agree), or None."""
    report = CaptureReport.from_json(page.capture_checks)
    candidates = list(dict.fromkeys(report_candidates(report)))
    if page.phash:  # pages that came in after this one was captured (same batch, read in parallel)
        candidates += [c for c in near_pages(session, page.phash, exclude=page.sha256) if c not in candidates]
    for sha in candidates:
        other = session.get(Page, sha)
        if other is None or other.duplicate_of is not None or other.status != PageStatus.done.value:
            continue
        theirs = [
            person_month_from_record(r) for r in session.scalars(select(Record).where(Record.page_sha256 == sha))
        ]
        if same_records(records, theirs):
            return Duplicate(
                sha,
                f"същият лист като {other.source} (стр. {other.page_no}) — записите са взети само от"
                f" едното сканиране; изберете кое да остане: archive duplicates keep {page.sha256[:12]}",
            )
    return None


def report_candidates(report: CaptureReport) -> list[str]:
    return [c for f in report.findings if f.check == DUPLICATE for c in f.detail.get("candidates", [])]


def mark_duplicate(session: Session, page: Page, dup: Duplicate, actor: str) -> None:
    """Hold back this page's records: it repeats ``dup.of`` (in the caller's transaction)."""
    page.duplicate_of = dup.of
    report = CaptureReport.from_json(page.capture_checks)
    report.findings = [f for f in report.findings if f.check != DUPLICATE]
    report.findings.append(Finding(DUPLICATE, dup.message, detail={"of": dup.of}))
    page.capture_checks = report.to_json()
    add_event(session, page.sha256, "duplicate", actor, dup.message)


def possible_duplicate_finding(candidates: Sequence[str], sources: Sequence[str]) -> Finding:
    shown = ", ".join(sources[:3])
    return Finding(
        DUPLICATE,
        f"прилича на вече сканиран лист ({shown}) — ако записите съвпаднат, ще се вземат само веднъж",
        detail={"candidates": list(candidates)},
    )


def _records_of(page: Page, employer: str | None, file_no: str | None, box: str | None) -> list[PersonMonth]:
    if not page.extraction:
        return []
    return person_months(
        PayrollPage.model_validate(page.extraction),
        page_sha256=page.sha256,
        employer=employer,
        file_no=file_no,
        box=box,
    )


def keep_scan(session: Session, sha_prefix: str, actor: str) -> tuple[str, str]:
    """The operator keeps this scan of a sheet: it gives the records, the other scan is held back.
    Returns (kept sha256, held sha256). The search index is updated by the caller."""
    page = find_page(session, sha_prefix)
    if page.duplicate_of is None:
        raise UsageError(f"{page.source}: страницата не е отбелязана като повторно сканиране — няма какво да се избира")
    other = session.get(Page, page.duplicate_of)
    assert other is not None
    batch = session.get(Batch, page.batch_id) if page.batch_id is not None else None
    records = _records_of(page, batch.employer if batch else None, batch.file_no if batch else None,
                          batch.box if batch else None)  # fmt: skip
    session.execute(delete(Record).where(Record.page_sha256 == other.sha256))
    session.execute(delete(Record).where(Record.page_sha256 == page.sha256))
    session.add_all([_record_row(r) for r in records])
    msg = f"операторът запази {page.source} (стр. {page.page_no}) вместо това сканиране"
    other.duplicate_of = page.sha256
    page.duplicate_of = None
    for p, text in ((other, msg), (page, None)):
        report = CaptureReport.from_json(p.capture_checks)
        report.findings = [f for f in report.findings if f.check != DUPLICATE]
        if text:
            report.findings.append(Finding(DUPLICATE, text, detail={"of": page.sha256}))
        p.capture_checks = report.to_json()
        p.indexed_at = None
    add_event(session, page.sha256, "kept", actor, f"запазено вместо {other.source}")
    add_event(session, other.sha256, "duplicate", actor, msg)
    return page.sha256, other.sha256


def find_page(session: Session, sha_prefix: str) -> Page:
    matches = list(session.scalars(select(Page).where(Page.sha256.like(f"{sha_prefix}%"))))
    if len(matches) != 1:
        raise NotFoundError(f"{sha_prefix}: {'няма такава страница' if not matches else 'повече от една страница'}")
    return matches[0]


def replace_in_place(session: Session, old: Page, new_sha: str, actor: str) -> None:
    """A re-scan takes the old scan's place in the file: the old one gives no records any more
    (in the caller's transaction; the caller takes its records out of the search index)."""
    session.execute(delete(Record).where(Record.page_sha256 == old.sha256))
    old.duplicate_of = new_sha
    report = CaptureReport.from_json(old.capture_checks)
    report.findings = [f for f in report.findings if f.check != DUPLICATE]
    msg = f"заменена от повторно сканиране ({new_sha[:12]}) на същото място в делото"
    report.findings.append(Finding(DUPLICATE, msg, detail={"of": new_sha, "replaced": True}))
    old.capture_checks = report.to_json()
    add_event(session, old.sha256, "duplicate", actor, msg)
