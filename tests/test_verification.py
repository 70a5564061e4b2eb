"""Verification service: a person corrects or confirms a field, the row's checks run again at once,
every change is kept, the page is approved when nothing is left under review, and the correction
reaches the records and the search index; the queue puts pages blocking a certificate first."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select

from archive_core.db import (
    CertificateRequestRow,
    Database,
    FieldCorrection,
    PageEventRow,
    Record,
)
from archive_core.errors import UsageError
from archive_core.protocols import RecordIndex, SearchQuery
from archive_core.records import ReviewState
from ingest.verification import (
    confirm_field,
    correct_field,
    page_changes,
    page_review,
    record_history,
    row_checks,
    verification_queue,
)

from .sheets import IVAN, MARIA, Row, add_sheet


def wrong_gross_page(db: Database, index: RecordIndex, **kw: object) -> tuple[str, str]:
    """Ivan's gross read as 243.56 (the sheet says 234.56); the printed total is right."""
    rows = [
        Row(IVAN, gross="243.56", review=["gross_pay"]),
        Row(
            MARIA,
            name="Мария Иванова Петрова",
            days=20,
            base="180.00",
            extra="0.00",
            gross="180.00",
            deductions="18.00",
            net="162.00",
        ),
    ]
    totals = {
        "base_pay": "380.00",
        "extra_pay": "34.56",
        "gross_pay": "414.56",
        "deductions": "42.45",
        "net_pay": "372.11",
    }
    sha, recs = add_sheet(
        db,
        index,
        seed=str(kw.get("seed", "p1")),
        rows=rows,
        totals=totals,
        batch_age_days=int(kw.get("age", 0)),
    )  # type: ignore[arg-type]
    return sha, recs[0].id


def by_check(checks: list) -> dict[str, bool | None]:
    return {c.check: c.ok for c in checks}


def test_correction_reruns_checks_keeps_history_approves_page_and_reaches_index(
    db: Database, index: RecordIndex
) -> None:
    sha, rid = wrong_gross_page(db, index)
    before = by_check(row_checks(db, rid))
    assert before["gross_sum"] is False and before["net_sum"] is False
    assert before["column_total:gross_pay"] is False and before["egn"] is True
    assert page_review(db, sha).fields_under_review == 1

    result = correct_field(db, index, rid, "gross_pay", "234,56", user="verifier1", comment="по оригинала")

    after = by_check(result.checks)
    assert after["gross_sum"] is True and after["net_sum"] is True and after["column_total:gross_pay"] is True
    assert all(c.ok is not False for c in result.checks)
    assert next(c for c in result.checks if c.check == "gross_sum").message.startswith("Брутно = основна")
    assert result.record.gross_pay == Decimal("234.56")
    assert result.record.review == [] and result.record.review_state == ReviewState.verified
    assert result.page_approved and result.page_fields_under_review == 0 and result.indexed
    with db.Session() as s:
        rec = s.get(Record, rid)
        assert rec is not None and rec.gross_pay == Decimal("234.56") and rec.review_state == "verified"
        events = s.scalars(select(PageEventRow).where(PageEventRow.page_sha256 == sha)).all()
        assert [(e.kind, e.actor) for e in events] == [("verified", "verifier1")]
    (change,) = record_history(db, rid)
    assert (
        change.field,
        change.action,
        change.old_value,
        change.ocr_value,
        change.new_value,
        change.user,
    ) == ("gross_pay", "correct", "243.56", "243.56", "234.56", "verifier1")
    assert change.comment == "по оригинала" and change.at is not None
    hits = index.search(SearchQuery(egn=IVAN))
    assert [h.gross_pay for h in hits] == [Decimal("234.56")]
    assert hits[0].review_state == ReviewState.verified
    assert page_review(db, sha).approved


def test_a_second_correction_keeps_both_with_the_ocr_value(db: Database, index: RecordIndex) -> None:
    sha, rid = wrong_gross_page(db, index)
    correct_field(db, index, rid, "gross_pay", "234.65", user="v1", expected="243.56")
    with pytest.raises(UsageError, match="променена междувременно \\(сега е 234.65\\)"):
        correct_field(db, index, rid, "gross_pay", "234.56", user="v2", expected="243.56")  # a stale screen
    r = correct_field(db, index, rid, "gross_pay", "234.56", user="v2")
    hist = record_history(db, rid)
    assert [(h.old_value, h.ocr_value, h.new_value, h.user) for h in hist] == [
        ("243.56", "243.56", "234.65", "v1"),
        ("234.65", "243.56", "234.56", "v2"),
    ]
    assert by_check(r.checks)["gross_sum"] is True
    assert [c.new_value for c in page_changes(db, sha)] == ["234.65", "234.56"]


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("egn", "5003140243", "невалидно"),
        ("egn", "50031402", "10 цифри"),
        ("days_worked", "32", "повече от дните на месеца \\(31\\)"),
        ("gross_pay", "12a.5", "не е сума"),
        ("year", "1975", "извън периода на архива"),
        ("month", "13", "не е месец"),
        ("salary", "1", "не се проверява"),
    ],
)
def test_a_value_of_the_wrong_type_is_refused_and_nothing_changes(
    db: Database, index: RecordIndex, field: str, value: str, message: str
) -> None:
    _, rid = wrong_gross_page(db, index)
    with pytest.raises(UsageError, match=message):
        correct_field(db, index, rid, field, value, user="v1")
    assert record_history(db, rid) == []
    with db.Session() as s:
        rec = s.get(Record, rid)
        assert rec is not None and rec.review == ["gross_pay"]


def test_days_beyond_february_are_refused(db: Database, index: RecordIndex) -> None:
    _, recs = add_sheet(
        db, index, seed="feb", year=1985, month=2, rows=[Row(IVAN, days=20, review=["days_worked"])]
    )
    with pytest.raises(UsageError, match="повече от дните на месеца \\(28\\)"):
        correct_field(db, index, recs[0].id, "days_worked", "29", user="v1")
    r = correct_field(db, index, recs[0].id, "days_worked", "19", user="v1")
    assert r.record.days_worked == 19 and by_check(r.checks)["days"] is True


def test_confirm_keeps_the_value_as_written_and_clears_review(db: Database, index: RecordIndex) -> None:
    bad = "5003140243"  # as typed on the sheet: check digit wrong
    sha, recs = add_sheet(db, index, seed="c", rows=[Row(bad, review=["egn"]), Row(MARIA, review=["name"])])
    r = confirm_field(db, index, recs[0].id, "egn", user="v1", comment="така е на ведомостта")
    assert r.record.egn == bad and r.record.review == [] and by_check(r.checks)["egn"] is False
    assert not r.page_approved and r.page_fields_under_review == 1
    (h,) = record_history(db, recs[0].id)
    assert (h.action, h.old_value, h.new_value) == ("confirm", bad, bad)
    r2 = confirm_field(db, index, recs[1].id, "name", user="v1")
    assert r2.page_approved


def test_page_period_correction_changes_every_row(db: Database, index: RecordIndex) -> None:
    sha, recs = add_sheet(
        db, index, seed="y", year=1895, rows=[Row(IVAN, review=["year"]), Row(MARIA, review=["year"])]
    )
    r = correct_field(db, index, recs[0].id, "year", "1985", user="v1")
    assert r.page_approved and len(r.changes) == 2
    review = page_review(db, sha)
    assert review.year == 1985 and {row.record.year for row in review.rows} == {1985}
    assert {h.year for h in index.search(SearchQuery(egn=MARIA))} == {1985}


def test_queue_puts_pages_blocking_a_certificate_first_then_oldest_batch(
    db: Database, index: RecordIndex
) -> None:
    old, _ = wrong_gross_page(db, index, seed="old", age=30)
    new, _ = add_sheet(db, index, seed="new", file_no="2", rows=[Row(MARIA, review=["name"])])
    done, _ = add_sheet(db, index, seed="done", file_no="3", rows=[Row(MARIA)], batch_age_days=60)
    q = verification_queue(db)
    assert [i.page_sha256 for i in q] == [old, new]  # no page without review; oldest batch first
    assert (q[0].rows_under_review, q[0].fields_under_review) == (1, 1)
    with db.Session.begin() as s:
        s.add(
            CertificateRequestRow(
                egn=MARIA, kind="service", requested_by="clerk", status="pending", pages=[new]
            )
        )
    q = verification_queue(db)
    assert [i.page_sha256 for i in q] == [new, old] and q[0].blocking_requests and not q[1].blocking_requests
    assert done not in [i.page_sha256 for i in q]


def test_corrections_table_is_append_only_history(db: Database, index: RecordIndex) -> None:
    _, rid = wrong_gross_page(db, index)
    confirm_field(db, index, rid, "egn", user="v1")
    correct_field(db, index, rid, "gross_pay", "234.56", user="v1")
    with db.Session() as s:
        assert len(s.scalars(select(FieldCorrection)).all()) == 2
