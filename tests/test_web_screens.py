"""The staff screens through the app (TestClient, signed in with password + TOTP where CSRF matters):
batches with progress; the verification screen (fields under review first in the tab order, a
correction answered with the row's checks turning green, the change kept, the page approved); the
queue putting a page that holds up a certificate first; the clerk's timeline with gaps, the page one
click away, a certificate with the corrected figure marked verified, the four-eyes refusal in words, and
the two differing readings of one month side by side until the clerk chooses one."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from archive_api.app import create_app
from archive_core.config import Settings
from archive_core.db import AuditEntry, Database
from archive_core.protocols import SearchQuery
from indexer.backend import open_index
from ingest.verification import correct_field

from .screens_data import Scene, verification_scene
from .sheets import IVAN, Row, add_sheet
from .web_helpers import add_staff, csrf_of, sign_in, token_client

WHY = {"purpose": "certificate", "purpose_text": "заявление 9/2026"}


@pytest.fixture
def scene(settings: Settings) -> Scene:
    return verification_scene(settings)


@pytest.fixture
def app(settings: Settings, scene: Scene) -> FastAPI:
    return create_app(settings)


def verifier_session(app: FastAPI, name: str = "vera") -> TestClient:
    client = TestClient(app)
    sign_in(client, add_staff(app, name, "verifier"))
    return client


def _cell_url(scene: Scene, field: str = "gross_pay") -> str:
    return f"/verify/{scene.sha256}/records/{scene.wrong.id}/{field}"


def test_batches_show_status_capture_review_count_and_progress(app: FastAPI, scene: Scene) -> None:
    scan = token_client(app, "sam", "scan_operator")
    r = scan.get("/batches")
    assert r.status_code == 200
    assert scene.employer in r.text and "Оператор 1" in r.text
    assert re.search(r'<progress[^>]*max="1"[^>]*value="0"', r.text)  # 0 of 1 page finished
    detail = scan.get("/batches/1")
    assert detail.status_code == 200
    assert "image/png, 2480×3508, 300 dpi" in detail.text
    assert re.search(r'<td class="num">1</td>\s*</tr>', detail.text)  # one field under review
    assert scene.name not in detail.text and scene.egn not in detail.text  # no personal data
    assert f'href="/verify/{scene.sha256}"' not in detail.text  # scan operators do not verify


def test_verification_screen_review_field_first_and_correction_turns_checks_green(
    app: FastAPI, scene: Scene, settings: Settings
) -> None:
    client = verifier_session(app)
    page = client.get(f"/verify/{scene.sha256}")
    assert page.status_code == 200
    # the first field a Tab reaches is the one under review: every other cell is out of the tab order
    inputs = re.findall(r"<input id=\"(f-\d+-\w+)\"[^>]*?(tabindex=\"-1\")?>", page.text, re.S)
    reachable = [i for i, skip in inputs if not skip]
    assert reachable == ["f-2-gross_pay"], reachable
    assert f"/pages/{scene.sha256}/overlay.png" in page.text
    assert page.text.count('class="check fail"') >= 2  # gross sum and column total fail
    img = client.get(f"/pages/{scene.sha256}/overlay.png", params={"purpose": "verification"})
    assert img.status_code == 200 and img.content[:8] == b"\x89PNG\r\n\x1a\n"

    token = csrf_of(page.text)
    bad = client.post(
        _cell_url(scene),
        data={"action": "correct", "value": "26x.19", "expected": scene.wrong_gross, "csrf_token": token},
        headers={"HX-Request": "true"},
    )
    assert bad.status_code == 200 and 'role="alert"' in bad.text and "не е сума" in bad.text
    r = client.post(
        _cell_url(scene),
        data={"action": "correct", "value": scene.true_gross, "expected": scene.wrong_gross},
        headers={"HX-Request": "true", "X-CSRF-Token": token},
    )
    assert r.status_code == 200
    row = r.text.split('id="row-2"', 1)[1].split("</tbody>", 1)[0]
    assert 'class="check fail"' not in row and "Брутно = основна + допълнително" in row
    assert 'id="page-status"' in r.text and "Страницата е одобрена" in r.text
    history = r.text.split('id="history"', 1)[1]
    assert scene.wrong_gross in history and scene.true_gross in history and "vera" in history
    # the correction reached the index and the audit log (with the purpose of verification)
    hits = open_index(settings).search(SearchQuery(egn=scene.egn))
    assert [str(h.gross_pay) for h in hits] == [scene.true_gross]
    db = app.state.db
    with db.Session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "correction")).one()
        assert entry.actor == "vera" and entry.purpose == "verification"
    # without the CSRF token the same request is refused
    assert client.post(_cell_url(scene), data={"action": "confirm"}).status_code == 403


def test_stale_screen_is_told_and_nothing_changes(app: FastAPI, scene: Scene) -> None:
    client = token_client(app, "vera", "verifier")
    r = client.post(
        _cell_url(scene),
        data={"action": "correct", "value": "1.00", "expected": "999.99"},
        headers={"HX-Request": "true"},
    )
    assert "променена междувременно" in r.text
    assert scene.wrong_gross in client.get(f"/verify/{scene.sha256}").text


def test_queue_puts_the_page_holding_up_a_certificate_first(
    app: FastAPI, scene: Scene, settings: Settings, db: Database
) -> None:
    add_sheet(db, open_index(settings), seed="older", rows=[Row("5003140242", review=["days_worked"])],
              batch_age_days=30)  # fmt: skip
    verifier = token_client(app, "vera", "verifier")
    before = verifier.get("/verify").text
    assert before.index(scene.sha256) > before.index("older.png")  # the older batch first
    clerk = token_client(app, "cleo", "clerk")
    preview = clerk.get("/certificates/new", params={"egn": scene.egn, "kind": "service", **WHY})
    assert preview.status_code == 200 and "Месеци за проверка" in preview.text
    assert f"/pages/{scene.sha256}?" in preview.text
    sent = clerk.post(
        "/certificates/send-for-verification",
        data={"egn": scene.egn, "kind": "service", **WHY},
        follow_redirects=True,
    )
    assert sent.status_code == 200 and "изпратени за проверка" in sent.text
    after = verifier.get("/verify").text
    assert after.index(scene.sha256) < after.index("older.png")
    assert "заявка" in after.split(scene.sha256, 1)[1].split("</tr>", 1)[0]


def test_clerk_timeline_with_gap_page_one_click_away_and_certificate_marks_verified(
    app: FastAPI, scene: Scene, settings: Settings, db: Database
) -> None:
    first = scene.records[0]
    y, m = first.year or 1985, first.month or 1
    later = (y + 1, m)  # a year later at another employer: the months between are a gap
    add_sheet(db, open_index(settings), seed="later", employer="Завод „Искър“", year=later[0], month=later[1],
              rows=[Row(scene.egn, name=scene.name)])  # fmt: skip
    clerk = token_client(app, "cleo", "clerk")
    tl = clerk.get("/people/timeline", params={"egn": scene.egn, **WHY})
    assert tl.status_code == 200
    bars = tl.text.split('class="years"', 1)[1].split("</ol>", 1)[0]
    assert "Месеци без запис" in tl.text and bars.count('class="m gap"') == 11
    assert bars.count('class="m review"') == 1 and bars.count('class="m ok"') == 1
    link = re.search(rf'href="(/pages/{scene.sha256}\?row=2&amp;[^"]+)"', tl.text)
    assert link, "the month's page is one click away"
    page = clerk.get(link.group(1).replace("&amp;", "&"))
    assert page.status_code == 200 and 'id="person-row"' in page.text and scene.name in page.text
    # without a stated purpose the timeline asks for it and shows nothing
    asked = clerk.get("/people/timeline", params={"egn": scene.egn})
    assert scene.name not in asked.text and 'name="purpose"' in asked.text

    verifier = token_client(app, "vera", "verifier")
    verifier.post(_cell_url(scene), data={"action": "correct", "value": scene.true_gross})
    issued = clerk.post(
        "/certificates/issue", data={"egn": scene.egn, "kind": "income", **WHY}, follow_redirects=True
    )
    assert issued.status_code == 200
    assert re.search(r"Рег. № <strong>\d{4}-\d{6}</strong>", issued.text)
    line = issued.text.split(scene.true_gross, 1)[1].split("</tr>", 1)[0]
    assert "проверено от служител" in line
    register = clerk.get("/certificates")
    pdf = re.search(r'href="(/certificates/issued/[0-9-]+\.pdf)"', register.text)
    assert pdf and clerk.get(pdf.group(1)).headers["content-type"] == "application/pdf"


def test_four_eyes_refusal_is_said_in_words(
    app: FastAPI, scene: Scene, settings: Settings, db: Database
) -> None:
    correct_field(db, open_index(settings), scene.wrong.id, "gross_pay", scene.true_gross, user="cleo")
    clerk = token_client(app, "cleo", "clerk")
    preview = clerk.get("/certificates/new", params={"egn": scene.egn, "kind": "income", **WHY})
    assert "Не можете да издадете това удостоверение" in preview.text and "disabled" in preview.text
    r = clerk.post("/certificates/issue", data={"egn": scene.egn, "kind": "income", **WHY})
    assert r.status_code == 403
    assert "не може да го издаде" in r.text and "не е проверявал" in r.text


def test_roles_on_the_screens(app: FastAPI, scene: Scene) -> None:
    scan = token_client(app, "sam", "scan_operator")
    verifier = token_client(app, "vera", "verifier")
    clerk = token_client(app, "cleo", "clerk")
    assert clerk.post(_cell_url(scene), data={"action": "correct", "value": "1.00"}).status_code == 403
    assert verifier.post("/certificates/issue", data={"egn": scene.egn, "kind": "income"}).status_code == 403
    for url in ("/search", "/people/timeline", "/certificates", f"/verify/{scene.sha256}"):
        r = scan.get(url, params={"egn": scene.egn, **WHY})
        assert r.status_code == 403 and scene.name not in r.text, url
    assert clerk.get("/verify").status_code == 403 and clerk.get("/batches").status_code == 403


def _choice_forms(html: str) -> list[dict[str, str]]:
    """The hidden fields of each "choose this reading" form on the preview."""
    forms = re.findall(r'<form method="post" action="/certificates/choose-reading">(.*?)</form>', html, re.S)
    return [dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', f)) for f in forms]


def test_clerk_sees_both_readings_of_a_month_and_chooses_one(
    app: FastAPI, scene: Scene, settings: Settings, db: Database
) -> None:
    index = open_index(settings)
    right_sha, (right,) = add_sheet(
        db, index, seed="scan-a", year=1986, month=5, sheet=3, rows=[Row(IVAN, days=12)]
    )
    wrong_sha, (wrong,) = add_sheet(
        db, index, seed="scan-b", year=1986, month=5, sheet=3, rows=[Row(IVAN, days=24)]
    )
    add_sheet(db, index, seed="june", year=1986, month=6, sheet=3, rows=[Row(IVAN, days=21)])
    clerk = TestClient(app)
    sign_in(clerk, add_staff(app, "cleo", "clerk"))
    query = {"egn": IVAN, "kind": "service", **WHY}
    preview = clerk.get("/certificates/new", params=query)
    assert preview.status_code == 200
    assert "Общо: 21 отработени дни" in preview.text  # May counts neither 12 nor 24 (nor 36)
    table = preview.text.split('<table class="conflict">', 1)[1].split("</table>", 1)[0]
    assert "05.1986" in table and 'ДЗС "Балкан"' in table.replace("&#34;", '"')
    for sha in (right_sha, wrong_sha):  # both pages one click away, the stated purpose carried on
        assert f'href="/pages/{sha}?row=0&amp;purpose=certificate&amp;purpose_text=' in table
    days = re.search(r"<tr><th scope=\"row\">Дни</th>(.*?)</tr>", table, re.S)
    columns = re.findall(r"<strong>(\d+)</strong>", days.group(1)) if days else []
    assert sorted(columns) == ["12", "24"]  # both readings, the differing days marked
    forms = _choice_forms(preview.text)  # one button under each reading's column
    by_days = {int(d): f for d, f in zip(columns, forms, strict=True)}
    assert by_days[12]["record_id"] == right.id and by_days[24]["record_id"] == wrong.id
    assert all(f["csrf_token"] and f["purpose_text"] == WHY["purpose_text"] for f in forms)
    assert preview.text.count("Избери този прочит") == 2

    chosen = clerk.post("/certificates/choose-reading", data=by_days[12], follow_redirects=False)
    assert chosen.status_code == 303 and chosen.headers["location"].startswith("/certificates/new?")
    after = clerk.get(chosen.headers["location"])
    assert after.status_code == 200 and "Прочитът е избран" in after.text
    assert '<table class="conflict">' not in after.text and "Избери този прочит" not in after.text
    assert "Общо: 33 отработени дни" in after.text  # May counts once, with the chosen 12 days
    may = [row for row in after.text.split("<tr ")[1:] if "05.1986" in row]
    assert len(may) == 2 and "прочит, избран от служител" in next(r for r in may if ">12<" in r)
    assert "role-not_chosen" in next(r for r in may if ">24<" in r)
    with db.Session() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "reading_chosen")).one()
    assert (
        entry.actor == "cleo" and entry.purpose == "certificate" and entry.purpose_text == WHY["purpose_text"]
    )
    assert entry.detail and entry.detail["chosen"] == right.id and entry.detail["days"] == 12
    # the screen was stale (the month is chosen already): told, nothing changes
    again = clerk.post("/certificates/choose-reading", data=by_days[24], follow_redirects=False)
    assert again.status_code == 400 and "отворете удостоверението отново" in again.json()["detail"]
    assert "Общо: 33 отработени дни" in clerk.get("/certificates/new", params=query).text


def test_only_a_clerk_chooses_a_reading(app: FastAPI, scene: Scene, settings: Settings, db: Database) -> None:
    index = open_index(settings)
    _, (first,) = add_sheet(db, index, seed="scan-a", year=1986, month=5, sheet=3, rows=[Row(IVAN, days=12)])
    add_sheet(db, index, seed="scan-b", year=1986, month=5, sheet=3, rows=[Row(IVAN, days=24)])
    form = {"record_id": first.id, "egn": IVAN, "kind": "service", **WHY}
    verifier = token_client(app, "vera", "verifier")
    assert verifier.post("/certificates/choose-reading", data=form).status_code == 403
    clerk = token_client(app, "cleo", "clerk")
    assert (
        "Общо: 0 отработени дни"
        in clerk.get("/certificates/new", params={"egn": IVAN, "kind": "service", **WHY}).text
    )
    with db.Session() as s:
        assert s.scalars(select(AuditEntry).where(AuditEntry.action == "reading_chosen")).first() is None
