"""The reader's doubt about the employer's name reaches the verifier: a page whose reading flags the
name (``employer.review``) shows the name as read, marked "за проверка", with the reason in words
(Bulgarian, English with the switch), above the rows; the queue lists it although every row passed;
the JSON page view carries the flag; a verifier's confirmation closes it. A page without the flag shows
none of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_api.app import create_app
from archive_api.auth import LANG_COOKIE
from archive_core.config import Settings
from archive_core.records import PayrollPage
from ingest.backends import open_backends
from ingest.employer_doubt import parts_of
from ingest.pipeline import ingest_paths
from samples.generate import Options, generate_pages

from .web_helpers import token_client

NAME = "ТКЗС „Родина“ с. Загорци"
DOUBT = (
    "„Загарци“ прочетено като „Загорци“; „Родииа“ неуверено разчетено; "
    "ред под името, започващ под него: проверете дали е част от името"
)
WHY = {"purpose": "verification"}


def _ingest(settings: Settings, folder: Path, monkeypatch: pytest.MonkeyPatch, review: str | None) -> str:
    """A clean sample sheet (no field under review) ingested with the reading standing in for OCR;
    ``review``: the reader's doubt about the employer's name."""
    (image,) = generate_pages(folder, 1, 7, options=Options(degraded=False, unruled_share=0.0))
    reading = PayrollPage.load(image.with_suffix(".json"))
    for r in reading.rows:
        r.review, r.review_reasons = None, None
    reading.employer.name, reading.employer.review = NAME, review
    monkeypatch.setattr("ingest.pipeline.recognise", lambda *_a, **_k: reading.model_copy(deep=True))
    summary = ingest_paths(open_backends(settings), [image], employer="ТКЗС Загорци", file_no="8")
    assert summary.done == 1
    return summary.page_sha256s[0]


def _doubt_section(html: str) -> str:
    """The employer's section of the verification screen ("" when there is none)."""
    if 'id="employer-h"' not in html:
        return ""
    return html.split('<div id="employer-doubt">', 1)[1].split("</section>", 1)[0]


def test_the_reader_s_words_are_split_into_parts() -> None:
    parts = parts_of(DOUBT)
    assert [(p.kind, p.word, p.near) for p in parts] == [
        ("corrected", "Загарци", "Загорци"),
        ("unsure", "Родииа", ""),
        ("line_below", "", ""),
    ]
    assert parts_of("нещо друго")[0].kind == "other"


def test_a_doubted_employer_name_is_marked_with_its_reason(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sha = _ingest(settings, tmp_path / "in", monkeypatch, DOUBT)
    client = token_client(create_app(settings), "vera", "verifier")

    page = client.get(f"/verify/{sha}")
    assert page.status_code == 200
    section = _doubt_section(page.text)
    assert "Загорци" in section and "за проверка" in section
    assert "прочетена „Загарци“ и е поправена на „Загорци“" in section
    assert "думата „Родииа“ е разчетена неуверено" in section
    assert "под името има ред, започващ под него" in section and "проверете" not in section
    # above the rows, and the page is not shown as approved while the name is open
    assert page.text.index('id="employer-h"') < page.text.index('id="rows-h"')
    assert "Страницата е одобрена" not in page.text

    client.cookies.set(LANG_COOKIE, "en")
    english = _doubt_section(client.get(f"/verify/{sha}").text)
    assert "under review" in english and "corrected to “Загорци”" in english
    assert "whether it is part of the name" in english and "под името" not in english
    client.cookies.delete(LANG_COOKIE)

    # the queue counts the page although no row has a field under review
    queue = client.get("/verify").text
    assert f"/verify/{sha}" in queue and "името на работодателя е за проверка" in queue

    # the JSON page view carries the flag
    api = client.get(f"/api/pages/{sha}", params=WHY).json()
    assert api["employer_review"] == DOUBT and api["extraction"]["employer"]["review"] == DOUBT
    assert api["employer_confirmed_by"] is None

    # the verifier confirms the name: the mark goes, the page leaves the queue, the API says who
    r = client.post(f"/verify/{sha}/employer", follow_redirects=False)
    assert r.status_code == 303
    after = client.get(f"/verify/{sha}").text
    assert "за проверка" not in _doubt_section(after) and "потвърдено от vera" in _doubt_section(after)
    assert "Страницата е одобрена" in after
    assert f"/verify/{sha}" not in client.get("/verify").text
    assert client.get(f"/api/pages/{sha}", params=WHY).json()["employer_confirmed_by"] == "vera"


def test_a_page_without_the_flag_shows_no_mark(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sha = _ingest(settings, tmp_path / "in", monkeypatch, None)
    client = token_client(create_app(settings), "vera", "verifier")
    page = client.get(f"/verify/{sha}").text
    assert 'id="employer-h"' not in page and "review-mark" not in page
    assert f"/verify/{sha}" not in client.get("/verify").text
    assert client.get(f"/api/pages/{sha}", params=WHY).json()["employer_review"] is None
    assert client.post(f"/verify/{sha}/employer", follow_redirects=False).status_code == 404


def test_only_verifiers_confirm_an_employer_name(
    settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sha = _ingest(settings, tmp_path / "in", monkeypatch, DOUBT)
    clerk = token_client(create_app(settings), "klara", "clerk")
    assert clerk.post(f"/verify/{sha}/employer", follow_redirects=False).status_code == 403
    # the clerk's page screen shows the doubt (the months of the sheet wait for it) with no confirm button
    page = clerk.get(f"/pages/{sha}", params={"purpose": "certificate"}).text
    section = _doubt_section(page)
    assert "Загорци" in section and "за проверка" in section and "не се броят в удостоверенията" in section
    assert f'action="/verify/{sha}/employer"' not in page
