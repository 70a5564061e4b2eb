"""The system of record: SQLAlchemy 2.0 models (SQLite embedded, PostgreSQL in production).

The page ledger (``pages``) is the source of truth for what entered and where it is; the queue is
only a way to get work done. Schema changes go through Alembic migrations (archive_core/migrations).
"""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import (
    JSON,
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
    employer_printed: Mapped[str | None] = mapped_column(String(300))
    year: Mapped[int | None] = mapped_column(Integer)
    month: Mapped[int | None] = mapped_column(Integer)
    sheet: Mapped[int | None] = mapped_column(Integer)
    extraction: Mapped[dict | None] = mapped_column(JSON)  # the payroll-page/1 document
    indexed_at: Mapped[datetime | None] = mapped_column(
        DateTime(timezone=True)
    )  # None: records not yet in the index
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


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
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
    )


def person_month_from_record(r: Record) -> PersonMonth:
    return PersonMonth.model_validate({c: getattr(r, c) for c in _PM_COLUMNS})
