"""Counting service and the clerk's services: working days and full months (partial month, February,
a leap year, holidays), a re-scan counted once, differing readings left out until the clerk chooses,
a supplementary payroll adding income but not days; the register's numbers, the four-eyes rule, the
requests for verification and the person's timeline."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from archive_api.app import create_app
from archive_core.config import Settings
from archive_core.db import Database
from archive_core.errors import NotAllowedError, UsageError
from archive_core.protocols import RecordIndex
from certificates import (
    CountingRules,
    build_from,
    choose_reading,
    issue,
    issued_certificate,
    issued_certificates,
    pending_requests,
    person_timeline,
    request_status,
    send_for_verification,
)
from ingest.verification import correct_field, verification_queue

from .sheets import IVAN, MARIA, Row, add_sheet
from .web_helpers import token_client


def ivan(days: int | None, gross: str = "234.56", **kw: object) -> Row:
    return Row(IVAN, days=days, base=None, extra=None, gross=gross, deductions="24.45",
               net=f"{Decimal(gross) - Decimal('24.45'):.2f}", **kw)  # type: ignore[arg-type]  # fmt: skip


# --------------------------------------------------------------------------- working days


def test_working_days_february_leap_year_and_holidays() -> None:
    rules = CountingRules()
    assert rules.working_days(1987, 2) == 20  # 28 days, Sunday 1st
    assert rules.working_days(1988, 2) == 21  # leap year: 29 February 1988 is a Monday
    assert rules.working_days(1985, 1) == 23  # before 1991: Mon-Fri only
    assert rules.working_days(1991, 1) == 22  # 1 January 1991 a public holiday (Tuesday)
    assert CountingRules(calendar="five_day_week").working_days(1991, 1) == 23
    assert CountingRules(extra_holidays=(date(1985, 1, 1),)).working_days(1985, 1) == 22
    assert rules.years_months_days(14, 30) == (1, 2, 30)
    assert CountingRules(days_per_month=22).years_months_days(14, 30) == (1, 3, 8)


def test_partial_month_counts_its_days_not_a_month(db: Database, index: RecordIndex) -> None:
    add_sheet(db, index, seed="jan", year=1987, month=1, rows=[ivan(22)])  # Jan 1987: 22 working days
    add_sheet(db, index, seed="mar", year=1987, month=3, rows=[ivan(10)])  # 22 working days
    cert = build_from(db, "service", IVAN)
    assert [(m.month, m.days_read, m.working_days, m.full_month) for m in cert.months] == [
        (1, 22, 22, True),
        (3, 10, 22, False),
    ]
    t = cert.totals
    assert (t.days_worked, t.months, t.full_months, t.partial_months, t.partial_days) == (32, 2, 1, 1, 10)
    assert t.years_months_days == (0, 1, 10)
    assert "0 г. 1 м. 10 д." in t.text
    assert "не е пълен месец" in cert.method and "Работни дни на месеца" in cert.method
    assert [ln.working_days for ln in cert.lines] == [22, 22]


def test_february_and_the_leap_year(db: Database, index: RecordIndex) -> None:
    add_sheet(db, index, seed="f87", year=1987, month=2, rows=[ivan(20)])
    add_sheet(db, index, seed="f88", year=1988, month=2, rows=[ivan(20)])
    cert = build_from(db, "service", IVAN)
    assert [(m.year, m.working_days, m.full_month) for m in cert.months] == [
        (1987, 20, True),
        (1988, 21, False),
    ]
    assert cert.totals.years_months_days == (0, 1, 20)


def test_a_rescan_of_the_same_sheet_is_one_month(db: Database, index: RecordIndex) -> None:
    add_sheet(db, index, seed="scan1", year=1986, month=5, sheet=3, rows=[ivan(12)])
    add_sheet(db, index, seed="scan2", year=1986, month=5, sheet=3, rows=[ivan(12)])  # re-scan
    add_sheet(db, index, seed="copy", year=1986, month=5, sheet=None, rows=[ivan(12)])  # sheet no. unread
    cert = build_from(db, "service", IVAN)
    assert cert.totals.days_worked == 12 and cert.totals.duplicates == 2
    assert [ln.role for ln in cert.lines].count("counted") == 1
    assert [m.days_read for m in cert.months] == [12]
    income = build_from(db, "income", IVAN)
    assert income.totals.gross_pay == Decimal("234.56")  # not three times


def test_differing_readings_are_a_conflict_until_the_clerk_chooses(db: Database, index: RecordIndex) -> None:
    add_sheet(db, index, seed="a", year=1986, month=5, sheet=3, rows=[ivan(12)])
    _, recs = add_sheet(db, index, seed="b", year=1986, month=5, sheet=3, rows=[ivan(24)])  # misread
    add_sheet(db, index, seed="c", year=1986, month=6, sheet=3, rows=[ivan(21)])
    cert = build_from(db, "service", IVAN)
    assert cert.totals.days_worked == 21 and cert.totals.conflicts == 1  # neither 12 nor 24 (nor 36)
    (conflict,) = cert.conflicts
    assert sorted(r.days_worked or 0 for r in conflict.readings) == [12, 24]
    assert all(ln.mark.startswith("два различни прочита") for ln in cert.lines if ln.month == 5)
    right = next(r for r in conflict.readings if r.days_worked == 12).evidence.record_id
    choose_reading(db, right, user="clerk1")
    cert = build_from(db, "service", IVAN)
    assert cert.totals.days_worked == 33 and cert.totals.conflicts == 0 and cert.conflicts == []
    may = [ln for ln in cert.lines if ln.month == 5]
    assert sorted((ln.role, ln.days_worked) for ln in may) == [("counted", 12), ("not_chosen", 24)]
    assert next(ln for ln in may if ln.role == "counted").basis == "chosen"
    assert recs[0].id != right


def test_a_supplementary_payroll_adds_income_not_days(db: Database, index: RecordIndex) -> None:
    add_sheet(db, index, seed="main", year=1986, month=5, sheet=3, rows=[ivan(21, gross="234.56")])
    add_sheet(db, index, seed="supp", year=1986, month=5, sheet=9, rows=[ivan(None, gross="50.00")])
    add_sheet(db, index, seed="supp0", year=1986, month=5, sheet=10, rows=[ivan(0, gross="10.00")])
    service = build_from(db, "service", IVAN)
    assert service.totals.days_worked == 21 and service.totals.supplementary == 2
    assert [m.days_read for m in service.months] == [21]
    income = build_from(db, "income", IVAN)
    assert income.totals.gross_pay == Decimal("294.56")
    assert sorted(ln.role for ln in income.lines) == ["counted", "supplementary", "supplementary"]


# --------------------------------------------------------------------------- issuing


def test_register_numbers_four_eyes_and_verified_figures(
    settings: Settings, db: Database, index: RecordIndex, tmp_path: Path
) -> None:
    _, recs = add_sheet(db, index, seed="p", year=1987, month=1, rows=[ivan(12, review=["days_worked"])])
    add_sheet(db, index, seed="q", year=1987, month=2, rows=[ivan(20)])
    correct_field(db, index, recs[0].id, "days_worked", "22", user="verifier1")

    with pytest.raises(NotAllowedError, match="verifier1 е проверил\\(а\\) записи от това удостоверение"):
        issue(settings, "service", IVAN, None, None, tmp_path / "x.pdf", user="verifier1")
    assert not (tmp_path / "x.pdf").exists() and issued_certificates(db) == []

    c1 = issue(settings, "service", IVAN, None, None, tmp_path / "a.pdf", user="clerk1")
    c2 = issue(settings, "income", IVAN, None, None, tmp_path / "b.pdf", user="clerk1")
    year = c1.registered_on.year if c1.registered_on else 0
    assert (c1.registration_no, c2.registration_no) == (f"{year}-000001", f"{year}-000002")
    assert [ln.basis for ln in c1.lines] == ["verified", "ocr_checked"]
    assert c1.lines[0].days_worked == 22 and c1.lines[0].verified_fields == ["days_worked"]
    assert c1.totals.verified_lines == 1 and c1.totals.days_worked == 42
    assert [ln.basis for ln in c2.lines] == ["ocr_checked", "ocr_checked"]  # gross was read, not corrected
    entries = issued_certificates(db, egn=IVAN)
    assert [e.registration_no for e in entries] == [c2.registration_no, c1.registration_no]
    assert entries[1].issued_by == "clerk1" and entries[1].file_path == str(tmp_path / "a.pdf")
    assert issued_certificate(db, c1.registration_no or "").totals.days_worked == 42
    data = json.loads((tmp_path / "a.pdf").with_suffix(".json").read_text(encoding="utf-8"))
    assert data["registration_no"] == c1.registration_no and data["lines"][0]["basis"] == "verified"


def test_send_for_verification_puts_the_pages_first_and_clears(
    settings: Settings, db: Database, index: RecordIndex, tmp_path: Path
) -> None:
    other, _ = add_sheet(
        db,
        index,
        seed="other",
        file_no="9",
        rows=[Row(MARIA, name="Мария Петрова", review=["name"])],
        batch_age_days=90,
    )
    page, recs = add_sheet(db, index, seed="p", year=1987, month=1, rows=[ivan(12, review=["days_worked"])])
    assert [i.page_sha256 for i in verification_queue(db)] == [other, page]
    with pytest.raises(UsageError, match="посочете кой"):
        send_for_verification(db, IVAN, "service", user=" ")
    req = send_for_verification(db, IVAN, "service", user="clerk1")
    assert req.status == "pending" and req.pages == [page] and req.pages_left == [page]
    q = verification_queue(db)
    assert [i.page_sha256 for i in q] == [page, other] and q[0].blocking_requests == [req.id]
    correct_field(db, index, recs[0].id, "days_worked", "22", user="verifier1")
    assert request_status(db, req.id).status == "ready"
    assert [i.page_sha256 for i in verification_queue(db)] == [other]
    issue(settings, "service", IVAN, None, None, tmp_path / "s.pdf", user="clerk1")
    assert pending_requests(db, egn=IVAN) == []
    assert request_status(db, req.id).status == "issued"
    with pytest.raises(UsageError, match="няма месеци за проверка"):
        send_for_verification(db, IVAN, "service", user="clerk1")


def test_timeline_across_employers_with_gaps(db: Database, index: RecordIndex) -> None:
    a1, _ = add_sheet(db, index, seed="a1", year=1985, month=11, rows=[ivan(20)])
    add_sheet(db, index, seed="a2", year=1985, month=12, rows=[ivan(20)])
    b1, _ = add_sheet(db, index, seed="b1", employer="ТКЗС Тракия", file_no="7", year=1986, month=3,
                      rows=[Row(MARIA), ivan(18)])  # fmt: skip
    add_sheet(db, index, seed="b2", employer="ТКЗС Тракия", file_no="7", year=1986, month=5, rows=[ivan(18)])
    t = person_timeline(db, IVAN)
    assert [(m.year, m.month, m.gap) for m in t.months] == [
        (1985, 11, False), (1985, 12, False), (1986, 1, True), (1986, 2, True),
        (1986, 3, False), (1986, 4, True), (1986, 5, False),
    ]  # fmt: skip
    assert t.gaps == [("1986-01", "1986-02"), ("1986-04", "1986-04")]
    first = t.months[0].entries[0]
    assert (first.page_sha256, first.row_no, first.employer) == (a1, 1, 'ДЗС "Балкан"')
    march = t.months[4].entries[0]
    assert (march.page_sha256, march.row_no, march.row_index, march.employer) == (b1, 2, 1, "ТКЗС Тракия")


def test_api_issues_with_a_registration_number_and_refuses_its_own_verifier(
    settings: Settings, db: Database, index: RecordIndex
) -> None:
    _, recs = add_sheet(db, index, seed="p", year=1987, month=1, rows=[ivan(12, review=["days_worked"])])
    correct_field(db, index, recs[0].id, "days_worked", "22", user="verifier1")
    app = create_app(settings)
    client = token_client(app, "clerk1", "clerk")
    r = client.post("/api/certificates", json={"kind": "service", "egn": IVAN})
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["registration_no"].endswith("-000001") and body["lines"][0]["basis"] == "verified"
    assert body["totals"]["days_worked"] == 22 and client.get(body["json_url"]).json()["registration_no"]
    # a month the signed-in clerk itself verified: the API refuses
    _, more = add_sheet(db, index, seed="q", year=1987, month=2, rows=[ivan(2, review=["days_worked"])])
    correct_field(db, index, more[0].id, "days_worked", "20", user="clerk1")
    r = client.post("/api/certificates", json={"kind": "service", "egn": IVAN})
    assert r.status_code == 403 and "не може да го издаде" in r.json()["detail"]
