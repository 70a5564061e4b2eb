"""An employer's file ingested whole, one page with a person's ЕГН misread (a speck's 5 read 3: still a valid
ЕГН): once all its pages are read the field is in review with reason ``readings_disagree`` in the system of
record, SQLite and PostgreSQL alike, and the verification screen shows it; a person's confirmation stands
when the file is completed again. So with a page's month or employer read otherwise than the file's other pages
(``ingest.file_agreement``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select

from archive_core.config import Settings
from archive_core.db import Page, Record
from archive_core.doubts import open_employer_doubts
from archive_core.errors import ExtractionError
from archive_core.records import PageReview, PayrollPage, PayrollRow, ReviewState
from ingest import batch_agreement, file_agreement
from ingest.backends import open_backends
from ingest.pipeline import ingest_paths
from ingest.verification import confirm_field, correct_field, page_review, verification_queue
from ocr.checks import READINGS_DISAGREE
from tests.test_ingest import write_page

pytestmark = pytest.mark.integration

STEFAN, STEFAN_EGN, MISREAD = "Стефан Маринов Добрев", "4705052340", "4703052340"  # both check digits hold
DONKA, DONKA_EGN = "Донка Христова Ценова", "6102034561"


@pytest.fixture(params=["sqlite", "postgresql"])
def settings(request: pytest.FixtureRequest, tmp_path: Path) -> Settings:
    url = request.getfixturevalue("pg_database_url") if request.param == "postgresql" else None
    return Settings(data_dir=tmp_path / "archive-data", database_url=url, redis_url=None,
                    elasticsearch_url=None, s3_endpoint=None, workers=1)  # fmt: skip


def _month(name: str, month: int, stefan_egn: str) -> PayrollPage:
    rows = [
        PayrollRow(row=1, egn=stefan_egn, name=STEFAN, gross_pay="245.60", review=[], bbox=[10, 100, 900, 130]),
        PayrollRow(row=2, egn=DONKA_EGN, name=DONKA, gross_pay="198.20", review=[]),
    ]
    return PayrollPage(image=name, employer={"name": "ДЗС „Напредък“"}, period={"year": 1985, "month": month},
                       rows=rows)  # fmt: skip


def _ingest(settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, months: Sequence[int], odd: int,
            unreadable: int = 0, whole: int = 0,
            alter: dict[int, Callable[[PayrollPage], None]] | None = None) -> None:  # fmt: skip
    read: dict[str, PayrollPage] = {}
    paths = []
    for m in months:
        p = write_page(tmp_path / f"month-{m:02d}.png", m)
        read[p.name] = _month(p.name, m, MISREAD if m == odd else STEFAN_EGN)
        if m == whole:  # the page goes to review as a whole (its columns unproved)
            read[p.name].page_review = PageReview(reason="layout_unproved")
        if alter and m in alter:  # the month's page read otherwise (its period, its employer)
            alter[m](read[p.name])
        paths.append(p)

    def recognise(image: np.ndarray, *, image_name: str, dpi: int | None, engine: object = None) -> PayrollPage:
        if image_name == f"month-{unreadable:02d}.png":
            raise ExtractionError(f"{image_name}: таблицата не е намерена")
        return read[image_name].model_copy(deep=True)

    monkeypatch.setattr("ingest.pipeline.recognise", recognise)
    backends = open_backends(settings)
    try:
        summary = ingest_paths(backends, paths, employer="ДЗС Напредък", file_no="17")
        assert summary.done == len(paths) - (unreadable in months)
    finally:
        backends.db.dispose()


def _stefan(settings: Settings) -> dict[str, Record]:
    db = open_backends(settings, with_queue=False).db
    try:
        with db.Session() as s:
            q = select(Record, Page.source).join(Page, Page.sha256 == Record.page_sha256).where(Record.name == STEFAN)
            return {Path(src).name: r for r, src in s.execute(q).all()}
    finally:
        db.dispose()


def test_a_misread_egn_goes_to_review_once_the_file_is_read(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ingest(settings, tmp_path, monkeypatch, range(1, 5), odd=3)
    recs = _stefan(settings)
    odd = recs.pop("month-03.png")
    assert odd.review == ["egn"] and odd.review_state == ReviewState.needs_review
    assert odd.review_reasons == {"egn": {"reason": READINGS_DISAGREE, "bbox": [10, 100, 900, 130]}}
    assert all(r.review == [] and r.review_state == ReviewState.ok for r in recs.values())

    backends = open_backends(settings, with_queue=False)
    try:
        (item,) = verification_queue(backends.db)  # the screen lists the page, the field in its row
        assert item.page_sha256 == odd.page_sha256 and item.fields_under_review == 1
        row = page_review(backends.db, odd.page_sha256).rows[0]
        assert row.record.review == ["egn"] and row.record.review_reasons["egn"].reason == READINGS_DISAGREE

        # a person checks it on the sheet: the reading stands, and no later completion doubts it again
        confirm_field(backends.db, backends.index, odd.id, "egn", user="vera")
        assert verification_queue(backends.db) == []
        with backends.db.Session() as s:
            batch_id = s.scalars(select(Page.batch_id).where(Page.sha256 == odd.page_sha256)).one()
        assert batch_id is not None and batch_agreement.agree_batch(backends, batch_id) == 0
        assert verification_queue(backends.db) == []
    finally:
        backends.db.dispose()


def test_a_file_read_alike_on_every_page_gains_no_review(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ingest(settings, tmp_path, monkeypatch, range(1, 4), odd=0)
    assert all(r.review == [] for r in _stefan(settings).values())


def test_the_file_is_compared_when_its_last_page_fails(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ingest(settings, tmp_path, monkeypatch, range(1, 6), odd=2, unreadable=5)
    recs = _stefan(settings)
    assert recs.pop("month-02.png").review == ["egn"]
    assert sorted(recs) == ["month-01.png", "month-03.png", "month-04.png"]
    assert all(r.review == [] for r in recs.values())


def test_a_page_read_whole_is_doubted_not_evidence(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the odd month's page goes to review whole (its columns unproved): its ЕГН is doubted all the same
    _ingest(settings, tmp_path, monkeypatch, range(1, 5), odd=3, whole=3)
    recs = _stefan(settings)
    assert recs.pop("month-03.png").review == ["egn"]
    assert all(r.review == [] for r in recs.values())



def test_days_the_persons_base_pay_on_other_months_contradicts_go_to_review(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 1985: January 23 working days, February 20, March 21; Stefan's monthly pay 245.60, 10 days in February
    # (122.80) read 16; Donka works every month whole
    days = {1: (23, "245.60"), 2: (16, "122.80"), 3: (21, "245.60")}
    full = {1: 23, 2: 20, 3: 21}

    def month(name: str, m: int, _egn: str) -> PayrollPage:
        rows = [PayrollRow(row=1, egn=STEFAN_EGN, name=STEFAN, days_worked=days[m][0], base_pay=days[m][1],
                           review=[], bbox=[10, 100, 900, 130]),
                PayrollRow(row=2, egn=DONKA_EGN, name=DONKA, days_worked=full[m], base_pay="198.20", review=[])]  # fmt: skip
        return PayrollPage(image=name, employer={"name": "ДЗС „Напредък“"}, period={"year": 1985, "month": m},
                           rows=rows)  # fmt: skip

    monkeypatch.setattr(f"{__name__}._month", month)
    _ingest(settings, tmp_path, monkeypatch, range(1, 4), odd=0)
    recs = _stefan(settings)
    odd = recs.pop("month-02.png")
    assert odd.review == ["days_worked"] and odd.review_state == ReviewState.needs_review
    assert odd.review_reasons == {"days_worked": {"reason": READINGS_DISAGREE, "bbox": [10, 100, 900, 130]}}
    assert all(r.review == [] for r in recs.values())


def _pages_by_name(settings: Settings) -> dict[str, tuple[Page, list[Record]]]:
    db = open_backends(settings, with_queue=False).db
    try:
        with db.Session() as s:
            out = {}
            for page in s.scalars(select(Page)):
                recs = list(s.scalars(select(Record).where(Record.page_sha256 == page.sha256)))
                out[Path(page.source).name] = (page, recs)
            return out
    finally:
        db.dispose()


def _read_as_november(doc: PayrollPage) -> None:
    doc.period.month = 11  # "за месец II.1985 г." on a typewriter: the Roman II read as the figures 11


def test_a_month_out_of_step_with_the_files_other_pages_goes_to_review_once_the_file_is_read(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """January to April 1985, February read "11": every row of that page has its year and month in review (reason
    period_run; a certificate would count them in November), the page's period doubt names the month its
    neighbours give; the other pages stay as read. A person's check of the month stands at the next completion."""
    _ingest(settings, tmp_path, monkeypatch, range(1, 5), odd=0, alter={2: _read_as_november})
    pages = _pages_by_name(settings)
    page, recs = pages.pop("month-02.png")
    assert (page.year, page.month) == (1985, 11) and "02.1985" in page.extraction["period"]["review"]
    assert len(recs) == 2 and all(r.review == ["year", "month"] for r in recs)
    assert all(r.review_reasons["month"]["reason"] == file_agreement.PERIOD_RUN for r in recs)
    assert all(r.review_state == ReviewState.needs_review for r in recs)
    for other, other_recs in pages.values():
        assert "review" not in other.extraction["period"] and all(r.review == [] for r in other_recs)

    backends = open_backends(settings, with_queue=False)
    try:
        (item,) = verification_queue(backends.db)
        assert item.page_sha256 == page.sha256 and item.fields_under_review == 4
        # a person reads "II" on the sheet: February; no later completion doubts the page again
        correct_field(backends.db, backends.index, recs[0].id, "month", "2", user="vera")
        confirm_field(backends.db, backends.index, recs[0].id, "year", user="vera")
        assert verification_queue(backends.db) == []
        assert file_agreement.agree_pages(backends, page.batch_id) == 0
        assert verification_queue(backends.db) == []
    finally:
        backends.db.dispose()
    assert all(r.month == 2 and r.review == [] for r in _pages_by_name(settings)["month-02.png"][1])


def test_an_employer_a_letter_off_the_files_other_pages_is_in_doubt_once_the_file_is_read(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def misread(doc: PayrollPage) -> None:
        doc.employer.name = "ДЗС „Напредьк“"

    _ingest(settings, tmp_path, monkeypatch, range(1, 5), odd=0, alter={3: misread})
    pages = _pages_by_name(settings)
    odd = pages["month-03.png"][0]
    assert "Напредък" in odd.extraction["employer"]["review"]
    db = open_backends(settings, with_queue=False).db
    try:
        with db.Session() as s:
            assert open_employer_doubts(s) == {odd.sha256}
        assert [i.page_sha256 for i in verification_queue(db)] == [odd.sha256]
    finally:
        db.dispose()
    assert all(r.review == [] for _, recs in pages.values() for r in recs)


def test_a_file_whose_months_follow_one_another_gains_no_doubt(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a run that skips a month (April missing) keeps in step
    _ingest(settings, tmp_path, monkeypatch, [1, 2, 3, 5, 6], odd=0)
    assert all("review" not in p.extraction["period"] and p.extraction["employer"].get("review") is None
               for p, _ in _pages_by_name(settings).values())  # fmt: skip
