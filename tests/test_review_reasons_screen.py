"""A flag's reason and region reach the verifier (issue 9): a page whose reading flags a figure with
its reason and cell is ingested (the reading stands in for OCR), the reason is kept in the database and
the verification screen says it in words (Bulgarian, English with the switch), marks the cell on the
page image and says why a page went to review as a whole."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from archive_api.app import create_app
from archive_api.auth import LANG_COOKIE
from archive_api.i18n import MESSAGES
from archive_core.config import Settings
from archive_core.db import Record, open_database, person_month_from_record
from archive_core.records import PageReview, PayrollPage, ReviewReason
from ingest.backends import open_backends
from ingest.pipeline import ingest_paths
from ocr import checks, layout_gate, plausibility
from ocr.overlay import FIELD_COLOUR
from samples.generate import Options, generate_pages

from .web_helpers import token_client

ROW = 2  # the row whose gross pay the reading flags


def _flagged_reading(truth: PayrollPage, page_review: PageReview | None = None) -> tuple[PayrollPage, list[int]]:
    """The truth as a reading that doubts one figure (the row's sum) and the whole page (its pay, unless
    ``page_review`` says another reason)."""
    page = truth.model_copy(deep=True)
    row = page.rows[ROW]
    assert row.bbox is not None
    x0, y0, x1, y1 = row.bbox
    cell = [x0 + (x1 - x0) * 6 // 10, y0 + 4, x0 + (x1 - x0) * 7 // 10, y1 - 4]
    row.review = ["gross_pay"]
    row.review_reasons = {"gross_pay": ReviewReason(reason=checks.ROW_SUM, bbox=cell)}
    page.page_review = page_review or PageReview(
        reason=checks.PAGE_PLAUSIBILITY, detail="сборът на брутното е 100 пъти по-малък"
    )
    return page, cell


def ingest_flagged(
    settings: Settings, folder: Path, monkeypatch: pytest.MonkeyPatch, page_review: PageReview | None = None
) -> tuple[str, list[int]]:
    """A sample sheet ingested through the pipeline, its reading (standing in for OCR) flagging one
    figure; returns the page's sha256 and the flagged cell."""
    (image,) = generate_pages(folder, 1, 5, options=Options(degraded=False, unruled_share=0.0))
    reading, cell = _flagged_reading(PayrollPage.load(image.with_suffix(".json")), page_review)
    monkeypatch.setattr("ingest.pipeline.recognise", lambda *_a, **_k: reading.model_copy(deep=True))
    summary = ingest_paths(open_backends(settings), [image], employer="Завод", file_no="3")
    assert summary.done == 1
    return summary.page_sha256s[0], cell


@pytest.fixture
def ingested(settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[int]]:
    return ingest_flagged(settings, tmp_path / "in", monkeypatch)


def test_the_reason_is_stored_with_the_record(settings: Settings, ingested: tuple[str, list[int]]) -> None:
    sha, cell = ingested
    db = open_database(settings)
    with db.Session() as s:
        rec = s.query(Record).filter_by(page_sha256=sha, row_index=ROW).one()
        pm = person_month_from_record(rec)
    assert pm.review == ["gross_pay"]
    assert pm.review_reasons["gross_pay"].reason == "row_sum" and pm.review_reasons["gross_pay"].bbox == cell


def test_verifier_sees_the_reason_in_words_and_its_cell(
    settings: Settings, ingested: tuple[str, list[int]]
) -> None:
    sha, cell = ingested
    app = create_app(settings)
    client = token_client(app, "vera", "verifier")
    page = client.get(f"/verify/{sha}")
    assert page.status_code == 200
    field = page.text.split(f'id="f-{ROW}-gross_pay"', 1)[1].split("</td>", 1)[0]
    assert f'data-bbox="{",".join(map(str, cell))}"' in field
    assert "сумите на реда не излизат" in field and f'aria-describedby="why-{ROW}-gross_pay"' in field
    # the page as a whole, with the reading's own detail
    assert "Цялата страница е за проверка" in page.text and "100 пъти по-малък" in page.text
    # no other field carries a reason
    assert page.text.count('class="why"') == 1

    client.cookies.set(LANG_COOKIE, "en")
    english = client.get(f"/verify/{sha}").text
    assert "the row&#39;s sums do not hold" in english or "the row's sums do not hold" in english
    assert "The whole page is under review" in english

    # the cell is framed on the page image (drawn at half size)
    png = client.get(f"/pages/{sha}/overlay.png", params={"purpose": "verification"})
    assert png.status_code == 200
    img = np.asarray(Image.open(io.BytesIO(png.content)).convert("RGB"))
    x0, y0, x1, y1 = (v // 2 for v in cell)
    left_edge = img[y0 + 2 : y1 - 2, x0 - 1]
    assert (np.abs(left_edge.astype(int) - FIELD_COLOUR).sum(axis=1) < 60).mean() > 0.8


def test_a_confirmed_field_no_longer_shows_its_reason(
    settings: Settings, ingested: tuple[str, list[int]]
) -> None:
    sha, _ = ingested
    app = create_app(settings)
    client = token_client(app, "vera", "verifier")
    db = open_database(settings)
    with db.Session() as s:
        rec = s.query(Record).filter_by(page_sha256=sha, row_index=ROW).one()
        rid, gross = rec.id, f"{rec.gross_pay:.2f}"
    r = client.post(f"/verify/{sha}/records/{rid}/gross_pay", data={"action": "confirm", "expected": gross},
                    headers={"HX-Request": "true"})  # fmt: skip
    assert r.status_code == 200
    assert 'class="why"' not in client.get(f"/verify/{sha}").text


def test_every_reason_the_reader_gives_has_words_in_both_languages() -> None:
    for lang in ("bg", "en"):
        missing = [r for r in (*checks.REASONS, "period") if f"reason.{r}" not in MESSAGES[lang]]
        assert not missing, (lang, missing)


def test_a_period_out_of_the_archive_says_why_beside_the_month(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (image,) = generate_pages(tmp_path / "p", 1, 6, options=Options(degraded=False, unruled_share=0.0))
    reading = PayrollPage.load(image.with_suffix(".json"))
    reading.period.year = 2019  # misread: outside 1980-1996
    monkeypatch.setattr("ingest.pipeline.recognise", lambda *_a, **_k: reading.model_copy(deep=True))
    sha = ingest_paths(open_backends(settings), [image], employer="Завод", file_no="4").page_sha256s[0]
    page = token_client(create_app(settings), "vera", "verifier").get(f"/verify/{sha}").text
    label = page.split('<label for="pf-year">', 1)[1].split("</label>", 1)[0]
    assert "месецът или годината липсват, са извън периода на архива" in label


def test_a_page_whose_layout_is_unproved_says_which_proofs_failed_in_the_screens_language(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The layout gate's page review (ocr/layout_gate.py) names the proofs the page did not give: the
    verifier reads them in Bulgarian, or in English with the switch, not the reader's Bulgarian detail."""
    review = layout_gate.send_to_review([], ["rows", "columns"])
    sha, _ = ingest_flagged(settings, tmp_path / "in", monkeypatch, review)
    client = token_client(create_app(settings), "vera", "verifier")
    page = client.get(f"/verify/{sha}").text
    assert 'data-reason="layout_unproved"' in page
    assert 'data-proof="rows"' in page and 'data-proof="columns"' in page and 'data-proof="numbers"' not in page
    assert "редовете не носят всеки свое лице" in page
    client.cookies.set(LANG_COOKIE, "en")
    english = client.get(f"/verify/{sha}").text
    assert "the rows do not each carry a person of their own" in english
    assert "the columns are not confirmed by a heading" in english
    assert "редовете не носят" not in english  # the reader's Bulgarian detail is not shown in English
    api = client.get(f"/api/pages/{sha}", params={"purpose": "verification"})
    assert api.status_code == 200 and api.json()["page_review"]["proofs"] == "rows columns"


def test_a_page_whose_money_is_not_believable_says_so_with_its_figures_in_the_screens_language(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The plausibility check's page review (ocr/plausibility.py: the `Всичко` total a hundred times the rows'
    sum) is stored in Bulgarian; the screen gives its figures in the verifier's language."""
    rows = [checks.RowDraft(values={"gross_pay": g}) for g in ("56.51", "65.12", "93.85")]
    review = plausibility.check(rows, {"gross_pay": "21548.00"}, ["gross_pay"], 1994, 9)
    assert review is not None and "100 пъти по-голяма" in review.detail
    sha, _ = ingest_flagged(settings, tmp_path / "in", monkeypatch, review)
    client = token_client(create_app(settings), "vera", "verifier")
    page = client.get(f"/verify/{sha}").text
    assert 'data-kind="total.larger"' in page
    assert "колона „Брутно възнаграждение“: сумата „Всичко“ 21548.00 е 100 пъти по-голяма" in page
    client.cookies.set(LANG_COOKIE, "en")
    english = client.get(f"/verify/{sha}").text
    assert "the “Всичко” total 21548.00 is 100 times the sum of the rows 215.48" in english
    assert "пъти по-голяма" not in english  # the reader's Bulgarian detail is not shown in English
    api = client.get(f"/api/pages/{sha}", params={"purpose": "verification"}).json()["page_review"]
    assert api["plausibility"] == "total.larger" and api["factor"] == "100" and api["column"] == "gross_pay"


def test_the_wage_details_figures_are_read_back_and_other_text_is_left_alone() -> None:
    rows = [checks.RowDraft(values={"gross_pay": g}) for g in ("1.20", "1.30", "1.10")]
    review = plausibility.check(rows, {}, ["gross_pay"], 1987, 5)
    assert review is not None
    found = plausibility.facts(review.detail)
    assert found is not None and found["kind"] == "wage" and found["median"] == "1.20" and found["year"] == "1987"
    assert plausibility.facts("колона gross_pay: ръкописна бележка") is None
