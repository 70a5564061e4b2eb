"""Certificates from the database: PDF and JSON with the months, totals and evidence per line;
records under review are marked and kept out of the totals."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pdfplumber
import pytest

from archive_cli.main import main
from archive_core.config import Settings
from archive_core.db import Page, open_database
from archive_core.errors import NotFoundError, UsageError
from archive_core.records import PersonMonth, ReviewState
from certificates import issue, request_status, send_for_verification
from ingest.employer_doubt import confirm_employer

from .test_index_embedded import IVAN, MARIA, load_records, seed_archive


def pdf_text(path: Path) -> str:
    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


@pytest.fixture
def archive(settings: Settings) -> Settings:
    seed_archive(settings)
    return settings


def test_service_certificate_pdf_and_json(archive: Settings, tmp_path: Path) -> None:
    out = tmp_path / "cert" / "stazh.pdf"
    cert = issue(archive, "service", IVAN, None, None, out, user="test:clerk")
    assert out.is_file() and out.with_suffix(".json").is_file()
    data = json.loads(out.with_suffix(".json").read_text(encoding="utf-8"))
    assert data == json.loads(cert.model_dump_json())
    assert data["person"] == {"egn": IVAN, "name": "Иван Петров Георгиев", "birth_date": "1950-03-14"}
    assert [(ln["year"], ln["month"]) for ln in data["lines"]] == [(1985, m) for m in range(1, 7)] + [
        (1991, m) for m in range(1, 4)
    ]
    # Days from the fixture: 1985 -> 20 + m % 3, 1991 -> 18 + m.
    days = sum(20 + m % 3 for m in range(1, 7)) + sum(18 + m for m in range(1, 4))
    assert data["totals"]["days_worked"] == days
    assert data["totals"]["months"] == 9
    # A month is full when its days reach its working days (Mon-Fri; no holidays listed before 1991):
    # 1985: Jan 21/23, Feb 22/20, Mar 20/21, Apr 21/22, May 22/23, Jun 20/20; 1991: Jan 19/22
    # (1 Jan a holiday), Feb 20/20, Mar 21/21. Full: Feb and Jun 1985, Feb and Mar 1991.
    assert [(m["working_days"], m["full_month"]) for m in data["months"]] == [
        (23, False), (20, True), (21, False), (22, False), (23, False), (20, True),
        (22, False), (20, True), (21, True),
    ]  # fmt: skip
    assert data["totals"]["full_months"] == 4 and data["totals"]["partial_days"] == 21 + 20 + 21 + 22 + 19
    assert data["totals"]["years_months_days"] == [0, 4, 103]
    assert all(ln["basis"] == "ocr_checked" for ln in data["lines"])
    assert data["registration_no"].endswith("-000001") and data["issued_by"] == "test:clerk"
    assert data["totals"]["left_out_under_review"] == 0
    assert "method" in data and "месец" in data["method"]
    ev = data["lines"][0]["evidence"]
    assert ev["employer"] == 'ДЗС "Балкан"' and len(ev["page_sha256"]) == 64 and ev["row_no"] == 1
    assert ev["page_id"] == ev["page_sha256"][:12] and ev["row_index"] == 0

    text = pdf_text(out)
    assert "УДОСТОВЕРЕНИЕ за осигурителен стаж" in text
    assert "Иван Петров Георгиев" in text and IVAN in text
    for month in ("януари 1985", "юни 1985", "март 1991"):
        assert month in text
    assert f"Общо: {days} отработени дни" in text
    assert "0 г. 4 м. 103 д." in text
    assert f"Рег. № {cert.registration_no}" in text
    assert "Работни дни на месеца" in text  # the counting rule is stated
    assert ev["page_sha256"] in text.replace("\n", "")  # evidence: the original's sha256


def test_income_under_review_is_marked_and_left_out(archive: Settings, tmp_path: Path) -> None:
    out = tmp_path / "dohod.pdf"
    cert = issue(archive, "income", MARIA, (1985, 1), (1985, 6), out, user="test:clerk")
    april = next(ln for ln in cert.lines if ln.month == 4)
    assert not april.counted and april.mark == "за проверка" and april.review == ["gross_pay"]
    # Fixture: Мария's gross = 200 + m + 15.50 for m = 1..6, April under review.
    expected = sum(Decimal(200 + m) + Decimal("15.50") for m in (1, 2, 3, 5, 6))
    assert cert.totals.gross_pay == expected
    assert cert.totals.left_out_under_review == 1
    text = pdf_text(out)
    assert "УДОСТОВЕРЕНИЕ за осигурителен доход" in text
    assert "за проверка" in text
    assert "Не са включени 1 реда за проверка" in text
    assert f"{expected:,.2f}".replace(",", " ") in text
    assert "219.50" in text  # the April figure is still shown, only not counted


def test_period_filter(archive: Settings, tmp_path: Path) -> None:
    cert = issue(archive, "service", IVAN, (1985, 5), (1991, 1), tmp_path / "c.pdf", user="test:clerk")
    assert [(ln.year, ln.month) for ln in cert.lines] == [(1985, 5), (1985, 6), (1991, 1)]


def test_no_records_is_not_found(archive: Settings, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="няма записи за ЕГН 5003140242 в периода 1970-01"):
        issue(archive, "service", IVAN, (1970, 1), (1975, 12), tmp_path / "c.pdf", user="test:clerk")
    assert not (tmp_path / "c.pdf").exists()
    with pytest.raises(UsageError):
        issue(archive, "pension", IVAN, None, None, tmp_path / "c.pdf", user="test:clerk")


def test_certificate_cli(
    archive: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("ARCHIVE_DATA_DIR", str(archive.data_dir))
    out = tmp_path / "s.pdf"
    with pytest.raises(SystemExit) as exc:
        main(
            [
                "certificate",
                "service",
                "--egn",
                MARIA,
                "--from",
                "1985-01",
                "--to",
                "1985-06",
                "--out",
                str(out),
            ]
        )
    stdout, stderr = capsys.readouterr()
    assert exc.value.code == 0, stderr
    assert f"PDF: {out}" in stdout and f"JSON: {out.with_suffix('.json')}" in stdout
    assert "Не са включени 1 реда за проверка" in stdout
    assert out.is_file()

    with pytest.raises(SystemExit) as exc:
        main(["certificate", "service", "--egn", "7001010000", "--out", str(tmp_path / "x.pdf")])
    stdout, stderr = capsys.readouterr()
    assert exc.value.code == 4 and "няма записи за ЕГН 7001010000" in stderr and len(stderr.splitlines()) == 1

    with pytest.raises(SystemExit) as exc:
        main(
            ["certificate", "service", "--egn", MARIA, "--from", "1985-13", "--out", str(tmp_path / "x.pdf")]
        )
    _, stderr = capsys.readouterr()
    assert exc.value.code == 2 and "няма месец 13" in stderr


def test_rows_with_misread_egn_are_shown_as_possible_never_counted(
    settings: Settings, tmp_path: Path
) -> None:
    records = load_records()
    feb = next(r for r in records if r.egn == IVAN and (r.year, r.month) == (1985, 2))
    misread = feb.model_copy(
        update={
            "id": PersonMonth.make_id(feb.page_sha256, 7),
            "row_index": 7,
            "row_no": 8,
            "egn": "5003140248",  # check digit fails: OCR misread
            "name": "Иван Петрав Георгиев",
            "review": ["egn"],
            "review_state": ReviewState.needs_review,
            "days_worked": 11,
        }
    )
    unreadable = misread.model_copy(
        update={
            "id": PersonMonth.make_id(feb.page_sha256, 8),
            "row_index": 8,
            "egn": None,
            "name": "Иван Петров",
        }
    )
    stranger = misread.model_copy(
        update={
            "id": PersonMonth.make_id(feb.page_sha256, 9),
            "row_index": 9,
            "egn": None,
            "name": "Стоян Колев",
        }
    )
    seed_archive(settings, [*records, misread, unreadable, stranger])
    out = tmp_path / "s.pdf"
    cert = issue(settings, "service", IVAN, (1985, 1), (1985, 12), out, user="test:clerk")
    assert [ln.name_read for ln in cert.possible_lines] == ["Иван Петрав Георгиев", "Иван Петров"]
    assert all(not ln.counted and ln.mark == "за проверка: друго ЕГН" for ln in cert.possible_lines)
    assert cert.possible_lines[0].egn_read == "5003140248" and cert.possible_lines[0].evidence.row_no == 8
    assert cert.totals.possible_other_egn == 2
    assert cert.totals.days_worked == sum(20 + m % 3 for m in range(1, 7))  # the 11 days are not added
    text = pdf_text(out)
    assert "Възможни редове на лицето с друго или неразчетено ЕГН" in text and "5003140248" in text
    assert "Стоян Колев" not in text


def _doubt_employer_of(settings: Settings, page_sha256: str) -> None:
    """The reader doubted this page's employer name (payroll-page/1 ``employer.review``)."""
    db = open_database(settings)
    try:
        with db.Session.begin() as s:
            page = s.get(Page, page_sha256)
            assert page is not None
            page.extraction = {"employer": {"name": page.employer_printed, "review": "„Балкан“ неуверено разчетено"}}
    finally:
        db.dispose()


def test_months_on_a_page_whose_employer_name_is_in_doubt_wait_for_a_verifier(
    archive: Settings, tmp_path: Path
) -> None:
    """A certificate names the employer of every month: while the reader's doubt about a page's employer
    name is open, that page's months are listed 'за проверка' and not counted; the clerk's request for
    verification holds them; a verifier's confirmation of the name lets them count."""
    before = issue(archive, "service", IVAN, None, None, tmp_path / "a.pdf", user="test:clerk")
    march = next(ln for ln in before.lines if (ln.year, ln.month) == (1985, 3))
    _doubt_employer_of(archive, march.evidence.page_sha256)

    cert = issue(archive, "service", IVAN, None, None, tmp_path / "b.pdf", user="test:clerk")
    held = [ln for ln in cert.lines if ln.evidence.page_sha256 == march.evidence.page_sha256]
    assert held and all(not ln.counted and "employer" in ln.review for ln in held)
    assert all(ln.mark == "за проверка: името на работодателя" for ln in held)
    assert cert.totals.days_worked == before.totals.days_worked - sum(ln.days_worked or 0 for ln in held)
    assert cert.totals.left_out_under_review == len(held)
    assert "име на работодателя за проверка" in pdf_text(tmp_path / "b.pdf")

    db = open_database(archive)
    try:
        req = send_for_verification(db, IVAN, "service", user="test:clerk")
        assert req.status == "pending" and req.pages_left == [march.evidence.page_sha256]
        confirm_employer(db, march.evidence.page_sha256, user="test:verifier")
        assert request_status(db, req.id).status == "ready"
    finally:
        db.dispose()
    after = issue(archive, "service", IVAN, None, None, tmp_path / "c.pdf", user="test:clerk")
    assert after.totals.days_worked == before.totals.days_worked and after.totals.left_out_under_review == 0
