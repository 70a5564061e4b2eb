"""The JSON API through fastapi's TestClient on create_app(settings): health, search, records, pages,
page images, citizen copies (other people's rows redacted) and certificates."""

from __future__ import annotations

import io

import pytest
from fastapi.testclient import TestClient
from PIL import Image, ImageDraw

from archive_api.app import create_app
from archive_core.config import Settings
from archive_core.db import Page, open_database
from archive_core.errors import BackendUnavailable
from archive_core.records import PersonMonth, ReviewReason, ReviewState
from archive_core.storage import open_store

from .test_index_embedded import IVAN, MARIA, load_records, seed_archive
from .web_helpers import token_client

HEADER = (20, 20, 3380, 300)  # header band of the test page
TOTALS = (200, 1200, 3300, 1260)  # the "Всичко" row
HEADER_COLOUR = (200, 30, 30)
TOTALS_COLOUR = (30, 30, 200)


def row_colour(i: int) -> tuple[int, int, int]:
    return (40 + 60 * i, 160, 90)


def make_page(records: list[PersonMonth]) -> bytes:
    im = Image.new("RGB", (3400, 1400), "white")
    d = ImageDraw.Draw(im)
    d.rectangle(HEADER, fill=HEADER_COLOUR)
    d.rectangle(TOTALS, fill=TOTALS_COLOUR)
    for r in records:
        assert r.bbox is not None
        d.rectangle(tuple(r.bbox), fill=row_colour(r.row_index))
    buf = io.BytesIO()
    im.save(buf, format="PNG")
    return buf.getvalue()


def centre(box: tuple[int, int, int, int] | list[int]) -> tuple[int, int]:
    return ((box[0] + box[2]) // 2, (box[1] + box[3]) // 2)


@pytest.fixture
def page_setup(settings: Settings) -> tuple[Settings, str, list[PersonMonth]]:
    """The fixture records, with the January 1985 page stored as a real PNG in the store and its
    extraction (payroll-page/1 with row boxes) in the ledger."""
    records = load_records()
    first_sha = records[0].page_sha256
    on_page = [r for r in records if r.page_sha256 == first_sha]
    png = make_page(on_page)
    sha = open_store(settings).put(png, content_type="image/png")
    moved = {
        r.id: r.model_copy(update={"page_sha256": sha, "id": PersonMonth.make_id(sha, r.row_index)})
        for r in on_page
    }
    records = [moved.get(r.id, r) for r in records]
    seed_archive(settings, records)
    db = open_database(settings)
    with db.Session.begin() as s:
        page = s.get(Page, sha)
        assert page is not None
        page.extraction = {
            "schema": "payroll-page/1",
            "image": "jan-1985.png",
            "employer": {"name": 'ДЗС "Балкан"'},
            "period": {"year": 1985, "month": 1},
            "sheet": 1,
            "rows": [{"row": r.row_no, "egn": r.egn, "name": r.name, "bbox": r.bbox} for r in moved.values()],
            "totals": {"gross_pay": "999.99"},
        }
    db.dispose()
    return settings, sha, list(moved.values())


WHY = {"purpose": "certificate", "purpose_text": "заявление 12/2026"}


@pytest.fixture
def client(page_setup: tuple[Settings, str, list[PersonMonth]]) -> TestClient:
    """A clerk's API client (Bearer token)."""
    return token_client(create_app(page_setup[0]), "clerk1", "clerk")


def test_health_and_openapi(client: TestClient) -> None:
    r = client.get("/health")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok" and body["database"] == body["index"] == body["store"] == "ok"
    assert body["records_indexed"] == 24
    assert client.get("/openapi.json").json()["paths"].keys() >= {"/api/search", "/api/certificates"}


def test_search(client: TestClient) -> None:
    r = client.get("/api/search", params={"egn": MARIA, "from": "1985-02", "to": "1985-03", **WHY})
    assert r.status_code == 200
    body = r.json()
    assert body["count"] == 2 and [x["month"] for x in body["records"]] == [2, 3]
    rec = body["records"][0]
    assert rec["page_url"] == f"/api/pages/{rec['page_sha256']}" and rec["row_no"] == 2
    r = client.get("/api/search", params={"name": "Shteryu Tsonev", **WHY})
    assert {x["name"] for x in r.json()["records"]} == {"Щерю Жеков Цонев"}
    r = client.get("/api/search", params={"employer": "Пловдив", "limit": 2, **WHY})
    assert r.json()["count"] == 2


@pytest.mark.parametrize(
    ("params", "needle"),
    [
        ({}, "посочете поне едно"),
        ({"egn": MARIA, "from": "1985-02", "to": "1985-01"}, "след края"),
        ({"egn": "abc"}, "10 цифри"),
    ],
)
def test_search_bad_input(client: TestClient, params: dict[str, str], needle: str) -> None:
    r = client.get("/api/search", params={**params, **WHY})
    assert r.status_code == 400 and needle in r.json()["detail"]


def test_period_outside_its_format_is_refused_by_the_schema(client: TestClient) -> None:
    r = client.get("/api/search", params={"egn": MARIA, "from": "1985-13", **WHY})
    assert r.status_code == 422 and "pattern" in r.text


def test_record_by_id(client: TestClient, page_setup: tuple[Settings, str, list[PersonMonth]]) -> None:
    _, _, on_page = page_setup
    pm = on_page[1]
    r = client.get(f"/api/records/{pm.id}", params=WHY)
    assert r.status_code == 200
    assert r.json()["name"] == pm.name and r.json()["gross_pay"] == str(pm.gross_pay)
    r = client.get("/api/records/nope-000", params=WHY)
    assert r.status_code == 404 and "няма запис" in r.json()["detail"]


def test_record_says_why_a_field_is_under_review(settings: Settings) -> None:
    """A clerk reading a record through the API sees which figure is in doubt, why, and where on the
    page, as the verification screen shows it."""
    records = load_records()
    pm = records[0].model_copy(
        update={
            "review": ["gross_pay"],
            "review_reasons": {"gross_pay": ReviewReason(reason="row_sum", bbox=[10, 20, 30, 40])},
            "review_state": ReviewState.needs_review,
        }
    )
    seed_archive(settings, [pm, *records[1:]])
    client = token_client(create_app(settings), "clerk1", "clerk")
    body = client.get(f"/api/records/{pm.id}", params=WHY).json()
    assert body["review"] == ["gross_pay"]
    assert body["review_reasons"] == {"gross_pay": {"reason": "row_sum", "bbox": [10, 20, 30, 40]}}
    other = client.get(f"/api/records/{records[1].id}", params=WHY).json()
    assert other["review_reasons"] == {}


def test_page_and_image(client: TestClient, page_setup: tuple[Settings, str, list[PersonMonth]]) -> None:
    settings, sha, on_page = page_setup
    r = client.get(f"/api/pages/{sha}", params=WHY)
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "done" and body["extraction"]["totals"] == {"gross_pay": "999.99"}
    assert [x["row_index"] for x in body["records"]] == [0, 1, 2]
    r = client.get(body["image_url"], params=WHY)
    assert r.status_code == 200 and r.headers["content-type"] == "image/png"
    assert r.content == open_store(settings).get(sha)
    assert client.get("/api/pages/" + "0" * 64, params=WHY).status_code == 404
    assert client.get("/api/pages/not-a-digest", params=WHY).status_code == 400
    assert client.get("/api/pages/" + "0" * 64 + "/image", params=WHY).status_code == 404


def test_certificates(client: TestClient) -> None:
    r = client.post(
        "/api/certificates", json={"kind": "income", "egn": MARIA, "from": "1985-01", "to": "1985-06"}
    )
    assert r.status_code == 201, r.text
    cert = r.json()
    assert cert["person"]["name"] == "Мария Иванова Петрова"
    assert cert["totals"]["left_out_under_review"] == 1 and len(cert["lines"]) == 6
    pdf = client.get(cert["pdf_url"])
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    again = client.get(cert["json_url"])
    assert again.status_code == 200 and again.json()["totals"] == cert["totals"]

    r = client.post(
        "/api/certificates", json={"kind": "service", "egn": IVAN}, headers={"Accept": "application/pdf"}
    )
    assert r.status_code == 201 and r.content.startswith(b"%PDF")

    r = client.post("/api/certificates", json={"kind": "service", "egn": "7001010000"})
    assert r.status_code == 404 and "няма записи" in r.json()["detail"]
    assert client.post("/api/certificates", json={"kind": "pension", "egn": IVAN}).status_code == 422
    assert client.get("/api/certificates/0123456789abcdef.pdf").status_code == 404


class DownIndex:
    """A search index whose server does not answer."""

    def _down(self, *args: object, **kwargs: object) -> None:
        raise BackendUnavailable("Elasticsearch не отговаря")

    ensure = upsert = delete_page = search = count = rebuild = refresh = _down


def test_index_down_is_reported_not_hidden(page_setup: tuple[Settings, str, list[PersonMonth]]) -> None:
    app = create_app(page_setup[0])
    app.state.index = DownIndex()
    client = token_client(app, "clerk1", "clerk")
    r = client.get("/health")
    assert r.status_code == 503
    assert r.json()["status"] == "degraded" and "Elasticsearch не отговаря" in r.json()["index"]
    r = client.get("/api/search", params={"egn": MARIA, **WHY})
    assert r.status_code == 503 and "не отговаря" in r.json()["detail"]
    # The database is the system of record: certificates still work.
    assert client.post("/api/certificates", json={"kind": "service", "egn": IVAN}).status_code == 201
