"""The system of record: SQLAlchemy 2.0 models (SQLite embedded, PostgreSQL in production).

The page ledger (``pages``) is the source of truth for what entered and where it is; the queue is
only a way to get work done. Schema changes go through Alembic migrations (archive_core/migrations).
"""

from __future__ import annotations

import sqlite3
import time
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    create_engine,
    event,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

from .config import Settings
from .records import PersonMonth


def utcnow() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    pass


class Batch(Base):
    """One employer's file (дело) as brought to the scanner."""

    __tablename__ = "batches"
    __table_args__ = (UniqueConstraint("employer", "file_no", name="uq_batch_employer_file"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    employer: Mapped[str] = mapped_column(String(300))
    file_no: Mapped[str] = mapped_column(String(64))
    box: Mapped[str | None] = mapped_column(String(64))
    operator: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Page(Base):
    """The page ledger: every page that entered, with exactly one status."""

    __tablename__ = "pages"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("batches.id"))
    source: Mapped[str] = mapped_column(String(1000))  # file name as given (never used to re-read)
    page_no: Mapped[int] = mapped_column(Integer, default=1)  # page within the source file
    container_sha256: Mapped[str | None] = mapped_column(String(64))  # multi-page TIFF/PDF it came from
    content_type: Mapped[str | None] = mapped_column(String(100))
    dpi: Mapped[int | None] = mapped_column(Integer)
    width: Mapped[int | None] = mapped_column(Integer)
    height: Mapped[int | None] = mapped_column(Integer)
    size_bytes: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), index=True)
    error: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    worker: Mapped[str | None] = mapped_column(String(200))  # the worker that took it last (rq worker name)
    employer_printed: Mapped[str | None] = mapped_column(String(300))
    year: Mapped[int | None] = mapped_column(Integer)
    month: Mapped[int | None] = mapped_column(Integer)
    sheet: Mapped[int | None] = mapped_column(Integer)
    extraction: Mapped[dict | None] = mapped_column(JSON)  # the payroll-page/1 document
    indexed_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True)
    )  # None: records not yet in the index
    # What the checks at capture found (scanner_drivers.capture_checks.CaptureReport.to_json()):
    # resolution, blank, rotation, skew, cut-off edges, exposure, possible duplicates.
    capture_checks: Mapped[dict | None] = mapped_column(JSON)
    phash: Mapped[str | None] = mapped_column(String(64), index=True)  # perceptual hash, hex
    batch_seq: Mapped[int | None] = mapped_column(Integer)  # place in the employer's file (re-scan keeps it)
    # Set when this page holds the same sheet as another page: it gives no records until the
    # operator keeps it instead of the other (ingest/duplicates.py).
    duplicate_of: Mapped[str | None] = mapped_column(String(64))
    # The page as a whole goes to a person (payroll-page/1 ``page_review``: {reason, detail}), e.g. every
    # amount a hundred times too small; None when the page passed as a page.
    page_review: Mapped[dict | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class Record(Base):
    """One person's month on one page (PersonMonth)."""

    __tablename__ = "records"
    __table_args__ = (
        Index("ix_records_egn_period", "egn", "year", "month"),
        UniqueConstraint("page_sha256", "row_index", name="uq_record_page_row"),
    )

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    page_sha256: Mapped[str] = mapped_column(ForeignKey("pages.sha256"), index=True)
    row_index: Mapped[int] = mapped_column(Integer)
    row_no: Mapped[int | None] = mapped_column(Integer)
    egn: Mapped[str | None] = mapped_column(String(10))
    name: Mapped[str | None] = mapped_column(String(300), index=True)
    position: Mapped[str | None] = mapped_column(String(200))
    employer: Mapped[str | None] = mapped_column(String(300))
    file_no: Mapped[str | None] = mapped_column(String(64))
    box: Mapped[str | None] = mapped_column(String(64))
    year: Mapped[int | None] = mapped_column(Integer)
    month: Mapped[int | None] = mapped_column(Integer)
    sheet: Mapped[int | None] = mapped_column(Integer)
    days_worked: Mapped[int | None] = mapped_column(Integer)
    base_pay: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    extra_pay: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    gross_pay: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    deductions: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    net_pay: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    review: Mapped[list] = mapped_column(JSON, default=list)
    review_state: Mapped[str] = mapped_column(String(16), default="ok")
    bbox: Mapped[list | None] = mapped_column(JSON)
    # why each field went to review and where: {field: {"reason": ..., "bbox": [x0, y0, x1, y1]}}, as the
    # reading left it (kept after the field is verified; the screen shows it for fields still in ``review``)
    review_reasons: Mapped[dict | None] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)


class PageEventRow(Base):
    """Append-only event log per page: captured, stored, recognised, indexed, verified, fixity-checked."""

    __tablename__ = "page_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    page_sha256: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    actor: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    detail: Mapped[str | None] = mapped_column(Text)


class FixityCheck(Base):
    __tablename__ = "fixity_checks"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    outcome: Mapped[str] = mapped_column(String(16))  # ok | missing | changed
    detail: Mapped[str | None] = mapped_column(Text)


class FieldCorrection(Base):
    """Append-only history of a person's word on a field: a correction (new value) or a confirmation
    (the value read is right). Issue 12; written by ingest.verification."""

    __tablename__ = "field_corrections"
    __table_args__ = (Index("ix_field_corrections_record", "record_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[str] = mapped_column(String(40))
    page_sha256: Mapped[str] = mapped_column(String(64), index=True)
    row_index: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(16))  # correct | confirm
    old_value: Mapped[str | None] = mapped_column(Text)  # the value before this change
    ocr_value: Mapped[str | None] = mapped_column(Text)  # what OCR read (the page's extraction)
    new_value: Mapped[str | None] = mapped_column(Text)
    user: Mapped[str] = mapped_column(String(120), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    comment: Mapped[str | None] = mapped_column(Text)


class CertificateRequestRow(Base):
    """A certificate waiting for verification: the clerk sent the pages holding the person's months
    under review to the verifiers in one step. ``pages`` lists those pages (sha256)."""

    __tablename__ = "certificate_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    egn: Mapped[str] = mapped_column(String(10), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    period_from: Mapped[str | None] = mapped_column(String(7))
    period_to: Mapped[str | None] = mapped_column(String(7))
    requested_by: Mapped[str] = mapped_column(String(120))
    requested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    status: Mapped[str] = mapped_column(String(16), index=True)  # pending | ready | issued
    pages: Mapped[list] = mapped_column(JSON, default=list)
    record_ids: Mapped[list] = mapped_column(JSON, default=list)
    comment: Mapped[str | None] = mapped_column(Text)


class ReadingChoice(Base):
    """The clerk's choice between two readings of one person-month (a re-scan/copy of the same sheet
    whose readings differ): ``record_id`` is the reading that counts for the group ``group_key``."""

    __tablename__ = "reading_choices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    egn: Mapped[str] = mapped_column(String(10), index=True)
    group_key: Mapped[str] = mapped_column(String(400))
    record_id: Mapped[str] = mapped_column(String(40))
    user: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    comment: Mapped[str | None] = mapped_column(Text)


class CertificateIssued(Base):
    """The register of issued certificates: registration number per year ("2026-000123")."""

    __tablename__ = "certificates_issued"
    __table_args__ = (UniqueConstraint("reg_year", "reg_seq", name="uq_certificate_reg_no"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    registration_no: Mapped[str] = mapped_column(String(20), unique=True)
    reg_year: Mapped[int] = mapped_column(Integer)
    reg_seq: Mapped[int] = mapped_column(Integer)
    certificate_id: Mapped[str] = mapped_column(String(32), index=True)
    issued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    issued_by: Mapped[str] = mapped_column(String(120))
    egn: Mapped[str] = mapped_column(String(10), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    period_from: Mapped[str | None] = mapped_column(String(7))
    period_to: Mapped[str | None] = mapped_column(String(7))
    file_path: Mapped[str | None] = mapped_column(String(1000))
    content: Mapped[dict | None] = mapped_column(JSON)


# --------------------------------------------------------------------------- people and the audit log
# Roles are plain strings (archive_core.accounts.Role); citizens will get their own role.


class User(Base):
    """A member of staff who signs in (password argon2 hash + TOTP second factor)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(255))
    totp_secret: Mapped[str] = mapped_column(String(64))
    totp_confirmed: Mapped[bool] = mapped_column(Boolean, default=False)  # enrolment finished
    totp_last_step: Mapped[int] = mapped_column(Integer, default=0)  # no code of this step or older again
    failed_signins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    disabled: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class SessionRow(Base):
    """A browser session: the cookie holds a random token, the table only its sha256."""

    __tablename__ = "sessions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256 of the cookie value
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    stage: Mapped[str] = mapped_column(String(16))  # "password" (second factor pending) | "full"
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ApiToken(Base):
    """A machine client's bearer token (only its sha256 is kept)."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str | None] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class AuditEntry(Base):
    """Who did what to whose data, when and why. Append-only: database triggers refuse UPDATE and
    DELETE (migration 0002). An ЕГН is kept only as a keyed hash (archive_core.audit)."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_at", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    actor: Mapped[str] = mapped_column(String(64), index=True)  # username, or what was typed when unknown
    role: Mapped[str | None] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(32), index=True)
    outcome: Mapped[str] = mapped_column(String(16), default="ok")  # ok | refused
    target: Mapped[str | None] = mapped_column(String(200))  # record id, page sha256, certificate id
    egn_hash: Mapped[str | None] = mapped_column(String(64), index=True)
    purpose: Mapped[str | None] = mapped_column(String(32))
    purpose_text: Mapped[str | None] = mapped_column(String(500))
    detail: Mapped[dict | None] = mapped_column(JSON)
    client: Mapped[str | None] = mapped_column(String(64))  # IP address




class CopyRequest(Base):
    """The staff queue of citizen copies that could not be issued automatically (rows merged, row not
    found, leak check failed): a person prepares them by hand. The citizen is told only that."""

    __tablename__ = "copy_requests"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    page_sha256: Mapped[str] = mapped_column(String(64), index=True)
    egn: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(String(32), index=True)
    detail: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)  # open | done
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def connection_lost(err: BaseException) -> bool:
    """The database dropped the connection or could not be reached (a restart, a failover, an
    administrator's terminate): the work may be tried again on a new connection."""
    return isinstance(err, OperationalError) or (isinstance(err, DBAPIError) and err.connection_invalidated)


def _wal(cur: Any) -> None:
    """Write-ahead logging, set once per database file (it persists). Changing the journal mode takes the
    file for itself and does not wait for the busy timeout: several processes opening a new database at
    once try again for a few seconds instead of failing with "database is locked"."""
    for attempt in range(100):
        try:
            if cur.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as e:
            if "locked" not in str(e) or attempt == 99:
                raise
            time.sleep(0.05)


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            _wal(cur)
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def make_sessionmaker(engine: Engine) -> sessionmaker:
    return sessionmaker(engine, expire_on_commit=False)


class Database:
    """Engine + session factory for one database URL."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.Session = make_sessionmaker(self.engine)

    def create_all(self) -> None:
        Base.metadata.create_all(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()


def open_database(settings: Settings) -> Database:
    """Open the system of record and migrate its schema to the newest Alembic revision."""
    from .migrations import upgrade_to_head

    db = Database(settings.sqlalchemy_url)
    upgrade_to_head(db.engine)
    return db


_PM_COLUMNS = (
    "id",
    "page_sha256",
    "row_index",
    "row_no",
    "egn",
    "name",
    "position",
    "employer",
    "file_no",
    "box",
    "year",
    "month",
    "sheet",
    "days_worked",
    "base_pay",
    "extra_pay",
    "gross_pay",
    "deductions",
    "net_pay",
    "review",
    "review_state",
    "bbox",
)


def record_from_person_month(pm: PersonMonth) -> Record:
    """The database row for one person-month (same id: writing it again overwrites)."""
    return Record(
        **{c: getattr(pm, c) for c in _PM_COLUMNS if c not in ("review", "review_state")},
        review=list(pm.review),
        review_state=str(pm.review_state),
        review_reasons={f: r.model_dump(exclude_none=True) for f, r in pm.review_reasons.items()} or None,
    )


def person_month_from_record(r: Record) -> PersonMonth:
    return PersonMonth.model_validate(
        {**{c: getattr(r, c) for c in _PM_COLUMNS}, "review_reasons": r.review_reasons or {}}
    )
