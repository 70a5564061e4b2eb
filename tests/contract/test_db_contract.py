"""Database contract: SQLite (embedded default) and PostgreSQL (production) behave the same for the
system of record: the migrated schema matches the models, the page ledger moves through its statuses
(and the reconciler's "stuck since" query finds the same pages), a page's records are replaced and
never duplicated, money is exact to the stotinka, the event log keeps its order."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import delete, func, inspect, select, text, update
from sqlalchemy.exc import IntegrityError

from archive_core.config import Settings
from archive_core.db import (
    Base,
    Database,
    Page,
    PageEventRow,
    Record,
    open_database,
    person_month_from_record,
    record_from_person_month,
    utcnow,
)
from archive_core.migrations import head_revision
from archive_core.records import PageStatus, PersonMonth

pytestmark = pytest.mark.integration


@pytest.fixture(params=["sqlite", "postgresql"])
def db_settings(request: pytest.FixtureRequest, tmp_path) -> Settings:
    url = request.getfixturevalue("pg_database_url") if request.param == "postgresql" else None
    return Settings(data_dir=tmp_path / "archive-data", database_url=url)


@pytest.fixture
def db(db_settings: Settings) -> Iterator[Database]:
    database = open_database(db_settings)
    yield database
    database.dispose()


def sha(n: int) -> str:
    return hashlib.sha256(str(n).encode()).hexdigest()


def add_page(db: Database, n: int, status: PageStatus = PageStatus.queued, **kw: object) -> str:
    with db.Session.begin() as s:
        s.add(Page(sha256=sha(n), source=f"page-{n}.png", status=status.value, size_bytes=1, **kw))
    return sha(n)


def as_utc(dt: datetime) -> datetime:
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def person_month(page: str, i: int, **kw: object) -> PersonMonth:
    data: dict[str, object] = {
        "id": PersonMonth.make_id(page, i),
        "page_sha256": page,
        "row_index": i,
        "row_no": i + 1,
        "egn": "7501020018",
        "name": "Иван Петров Иванов",
        "year": 1986,
        "month": 3,
        "days_worked": 22,
        "gross_pay": Decimal("234.56"),
        "net_pay": Decimal("210.11"),
    }
    data.update(kw)
    return PersonMonth.model_validate(data)


# --------------------------------------------------------------------------- schema


def test_migrated_schema_matches_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(conn)
        assert ctx.get_current_revision() == head_revision()
        assert compare_metadata(ctx, Base.metadata) == []


def test_open_database_from_many_processes_at_once_migrates_once(db_settings: Settings) -> None:
    errors: list[BaseException] = []

    def open_it() -> None:
        try:
            open_database(db_settings).dispose()
        except BaseException as e:
            errors.append(e)

    threads = [threading.Thread(target=open_it) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    db = open_database(db_settings)
    with db.engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [
            head_revision()
        ]
    db.dispose()


def test_migrations_go_down_to_nothing_and_up_again(db: Database) -> None:
    from alembic import command

    from archive_core.migrations import alembic_config, upgrade_to_head

    with db.engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "base")
    with db.engine.connect() as conn:
        assert set(inspect(conn).get_table_names()) <= {"alembic_version"}
    upgrade_to_head(db.engine)
    with db.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_database_made_before_migrations_is_adopted(db_settings: Settings) -> None:
    legacy = Database(db_settings.sqlalchemy_url)
    legacy.create_all()  # the pre-Alembic way
    add_page(legacy, 1, PageStatus.done)
    legacy.dispose()
    db = open_database(db_settings)
    with db.Session() as s:
        assert s.get(Page, sha(1)) is not None, "existing pages must survive the adoption"
    with db.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
    db.dispose()


# --------------------------------------------------------------------------- ledger


def test_ledger_status_transitions_and_counts(db: Database) -> None:
    pages = [add_page(db, n) for n in range(1, 6)]
    path = {
        pages[0]: [PageStatus.processing, PageStatus.done],
        pages[1]: [PageStatus.processing, PageStatus.failed],
        pages[2]: [PageStatus.processing],
        pages[3]: [PageStatus.rejected],
    }
    for page, steps in path.items():
        for status in steps:
            with db.Session.begin() as s:
                p = s.get(Page, page)
                assert p is not None
                p.status = status.value
                p.error = "таблицата не е открита" if status == PageStatus.failed else None
    with db.Session() as s:
        counts = dict(s.execute(select(Page.status, func.count()).group_by(Page.status)).all())
        failed = s.get(Page, pages[1])
    assert counts == {"done": 1, "failed": 1, "processing": 1, "rejected": 1, "queued": 1}
    assert failed is not None and failed.error == "таблицата не е открита"


def test_stuck_since_query_and_conditional_requeue(db: Database) -> None:
    """What the reconciler relies on: comparing updated_at with a UTC cutoff, and a conditional
    update that only one of two racing reconcilers wins."""
    old = utcnow() - timedelta(hours=2)
    stuck = add_page(db, 1, PageStatus.processing, updated_at=old, created_at=old)
    fresh = add_page(db, 2, PageStatus.processing)
    add_page(db, 3, PageStatus.done, updated_at=old, created_at=old)
    cutoff = utcnow() - timedelta(minutes=15)
    with db.Session() as s:
        found = set(
            s.scalars(select(Page.sha256).where(Page.status == "processing", Page.updated_at < cutoff))
        )
    assert found == {stuck}
    assert fresh not in found
    wins = 0
    for _ in range(2):
        with db.Session.begin() as s:
            wins += s.execute(
                update(Page)
                .where(Page.sha256 == stuck, Page.status == "processing", Page.updated_at < cutoff)
                .values(status="queued", updated_at=utcnow())
            ).rowcount
    assert wins == 1
    with db.Session() as s:
        page = s.get(Page, stuck)
        assert page is not None and page.status == "queued"
        assert as_utc(page.updated_at) > cutoff


# --------------------------------------------------------------------------- records


def test_record_replace_is_idempotent(db: Database) -> None:
    page = add_page(db, 7, PageStatus.processing)
    first = [person_month(page, i) for i in range(3)]
    again = [person_month(page, i, name=f"Петър Петров {i}") for i in range(3)]
    for batch in (first, again, again):  # the pipeline's write: replace the page's records
        with db.Session.begin() as s:
            s.execute(delete(Record).where(Record.page_sha256 == page))
            s.add_all([record_from_person_month(pm) for pm in batch])
    with db.Session() as s:
        rows = list(s.scalars(select(Record).where(Record.page_sha256 == page).order_by(Record.row_index)))
        assert [person_month_from_record(r) for r in rows] == again


def test_same_record_twice_is_refused(db: Database) -> None:
    page = add_page(db, 8, PageStatus.processing)
    with db.Session.begin() as s:
        s.add(record_from_person_month(person_month(page, 0)))
    with pytest.raises(IntegrityError), db.Session.begin() as s:
        s.add(record_from_person_month(person_month(page, 0)))
    with db.Session() as s:
        assert s.scalar(select(func.count()).select_from(Record)) == 1


def test_money_is_exact(db: Database) -> None:
    page = add_page(db, 9, PageStatus.done)
    amounts = [
        Decimal("0.10"),
        Decimal("0.20"),
        Decimal("99999999999.99"),
        Decimal("-12.34"),
        Decimal("1234.05"),
    ]
    with db.Session.begin() as s:
        for i, amount in enumerate(amounts):
            s.add(record_from_person_month(person_month(page, i, gross_pay=amount, net_pay=Decimal("0.01"))))
    with db.Session() as s:
        back = list(s.scalars(select(Record.gross_pay).order_by(Record.row_index)))
        assert back == amounts
        assert all(isinstance(v, Decimal) for v in back)
        assert s.scalar(select(Record.row_index).where(Record.gross_pay == Decimal("1234.05"))) == 4
    # a thousand ten-stotinka amounts add up to exactly 100.00 leva
    page2 = add_page(db, 10, PageStatus.done)
    with db.Session.begin() as s:
        s.add_all(
            [record_from_person_month(person_month(page2, i, gross_pay=Decimal("0.10"))) for i in range(1000)]
        )
    with db.Session() as s:
        total = s.scalar(select(func.sum(Record.gross_pay)).where(Record.page_sha256 == page2))
    assert Decimal(total).quantize(Decimal("0.01")) == Decimal("100.00")
    assert abs(Decimal(total) - Decimal("100.00")) < Decimal("0.000001")


# --------------------------------------------------------------------------- events


def test_events_are_appended_in_order(db: Database) -> None:
    from ingest.batches import add_event

    page = add_page(db, 11)
    kinds = ["captured", "stored", "queued", "recognised", "indexed", "verified", "fixity-checked"]
    before = utcnow()
    for kind in kinds:  # one session each, as the stages write them
        with db.Session.begin() as s:
            add_event(s, page, kind, "тест", None)
    with db.Session() as s:
        rows = list(
            s.execute(
                select(PageEventRow.kind, PageEventRow.at)
                .where(PageEventRow.page_sha256 == page)
                .order_by(PageEventRow.id)
            )
        )
    assert [k for k, _ in rows] == kinds
    times = [as_utc(at) for _, at in rows]
    assert times == sorted(times)
    assert times[0] >= before - timedelta(seconds=1)
