"""No personal data without sign-in: every route tried signed out, every role against every route,
CSRF, TOTP replay, session expiry, lockout after wrong passwords, API tokens, cookies, the audit log
(append-only on SQLite and PostgreSQL, ЕГН only as a keyed hash)."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError

from archive_api.access import ServedRoute, check_routes, served_routes
from archive_api.app import create_app
from archive_api.i18n import MESSAGES
from archive_core.accounts import STAFF_ROLES, Role
from archive_core.audit import Action, AuditLog, egn_hash
from archive_core.config import Settings
from archive_core.db import ApiToken, AuditEntry, Database, User, open_database, utcnow
from archive_core.errors import ConfigError
from archive_core.records import PersonMonth

from .test_api import page_setup  # noqa: F401  (fixture)
from .test_index_embedded import IVAN, MARIA
from .web_helpers import (
    Staff,
    add_staff,
    code_step,
    csrf_of,
    password_step,
    sign_in,
    token_client,
)

WHY = {"purpose": "certificate", "purpose_text": "заявление 7/2026"}
PAGES = [
    "/",
    "/search",
    "/admin/audit",
    "/docs",
    "/openapi.json",
    "/batches",
    "/verify",
    "/people/timeline",
    "/certificates",
    "/certificates/new",
]


@pytest.fixture
def app(page_setup: tuple[Settings, str, list[PersonMonth]]) -> FastAPI:  # noqa: F811
    return create_app(page_setup[0])


def concrete_path(path: str, sha: str, record_id: str) -> str:
    values = {
        "sha256": sha,
        "record_id": record_id,
        "cert_id": "0123456789abcdef",
        "field": "gross_pay",
        "batch_id": "1",
        "registration_no": "2026-000001",
    }
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "x"), path)


def every_call(app: FastAPI, sha: str, record_id: str) -> list[tuple[str, str, ServedRoute]]:
    calls = []
    for served in served_routes(app):
        for method in sorted(served.methods - {"HEAD"}):
            calls.append((method, concrete_path(served.path, sha, record_id), served))
    assert len(calls) >= 15, calls
    return calls


def personal_data(body: bytes) -> bool:
    """Names, an employer and an ЕГН the requests never send (MARIA's own ЕГН is in the request)."""
    return any(s.encode() in body for s in (IVAN, "Мария", "Щерю", "Пловдив"))


# --------------------------------------------------------------------------- deny by default


def test_every_route_signed_out_gives_401_or_sign_in_never_data(
    app: FastAPI,
    page_setup: tuple[Settings, str, list[PersonMonth]],  # noqa: F811
) -> None:
    _, sha, on_page = page_setup
    client = TestClient(app)
    calls = every_call(app, sha, on_page[0].id)
    schema_paths = set(app.openapi()["paths"])
    assert {"/api/search", "/api/records/{record_id}", "/api/pages/{sha256}"} <= schema_paths
    assert {route.path for _, _, route in calls} >= schema_paths
    public = {"/health", "/signin", "/signin/code", "/lang"}
    tried = 0
    for method, path, route in calls:
        params = {**WHY, "egn": MARIA}
        r = client.request(
            method, path, params=params, json={"kind": "service", "egn": MARIA}, follow_redirects=False
        )
        assert not personal_data(r.content), f"{method} {path} leaked data signed out"
        rule = route.rule
        assert rule is not None
        if rule.public:
            assert route.path in public, f"{route.path} is public: is that meant?"
            continue
        tried += 1
        if path.startswith("/api/") or path == "/openapi.json":  # the API answers 401
            assert r.status_code == 401, (method, path, r.status_code)
            assert r.headers["www-authenticate"] == "Bearer"
        else:
            assert r.status_code in (303, 403), (method, path, r.status_code)
            if r.status_code == 303:
                assert r.headers["location"].startswith("/signin"), (method, path)
    assert tried >= 12
    for page in PAGES:
        r = client.get(page, follow_redirects=False)
        assert r.status_code in (303, 401) and not personal_data(r.content), page
    r = client.get("/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/signin"
    # a made-up or revoked bearer token is no way in either
    r = client.get("/api/search", params={**WHY, "egn": MARIA}, headers={"Authorization": "Bearer pa_forged"})
    assert r.status_code == 401 and not personal_data(r.content)


def test_health_and_static_need_no_sign_in_and_hold_no_personal_data(app: FastAPI) -> None:
    client = TestClient(app)
    r = client.get("/health")
    assert r.status_code == 200 and not personal_data(r.content)
    assert client.get("/static/app.css").status_code == 200


def test_a_route_without_an_access_rule_is_refused_and_refused_at_build_time(app: FastAPI) -> None:
    @app.get("/api/forgotten")
    def forgotten() -> dict[str, str]:
        return {"egn": MARIA}

    client = token_client(app, "admin1", "administrator")
    r = client.get("/api/forgotten")
    assert r.status_code == 403 and MARIA not in r.text
    with pytest.raises(ConfigError, match="no access rule"):
        check_routes(app)


def test_role_matrix_every_route_every_role(
    app: FastAPI,
    page_setup: tuple[Settings, str, list[PersonMonth]],  # noqa: F811
) -> None:
    """A role the route does not name gets 403 and no data; a role it names gets past the gate."""
    _, sha, on_page = page_setup
    clients = {role: token_client(app, f"u-{role}".replace("_", "-"), str(role)) for role in STAFF_ROLES}
    for method, path, route in every_call(app, sha, on_page[0].id):
        rule = route.rule
        assert rule is not None
        if rule.public or path in ("/signout",):
            continue
        for role, client in clients.items():
            r = client.request(
                method,
                path,
                params={**WHY, "egn": MARIA},
                json={"kind": "service", "egn": MARIA},
                follow_redirects=False,
            )
            if role in rule.roles:
                assert r.status_code not in (401, 403), (role, method, path, r.text[:200])
            else:
                assert r.status_code == 403, (role, method, path, r.status_code)
                assert not personal_data(r.content)


def test_who_may_do_what(app: FastAPI, page_setup: tuple[Settings, str, list[PersonMonth]]) -> None:  # noqa: F811
    scan = token_client(app, "scan1", "scan_operator")
    verifier = token_client(app, "ver1", "verifier")
    clerk = token_client(app, "clerk1", "clerk")
    admin = token_client(app, "admin1", "administrator")
    search = {"egn": MARIA, **WHY}
    assert scan.get("/api/search", params=search).status_code == 403  # a scan operator sees no search
    assert admin.get("/api/search", params=search).status_code == 403
    assert clerk.get("/api/search", params=search).status_code == 200
    cert = {"kind": "service", "egn": IVAN}
    assert verifier.post("/api/certificates", json=cert).status_code == 403  # verifiers issue none
    assert clerk.post("/api/certificates", json=cert).status_code == 201
    _, sha, on_page = page_setup
    assert verifier.get(f"/api/pages/{sha}", params=WHY).status_code == 200
    assert verifier.get(f"/api/pages/{sha}/citizen-copy", params=search).status_code == 403
    assert clerk.get("/admin/audit").status_code == 403
    assert admin.get("/admin/audit").status_code == 200
    # the screens: a clerk corrects no record, a verifier issues no certificate, a scan operator
    # sees no search, timeline or certificate
    rec = f"/verify/{sha}/records/{on_page[0].id}/gross_pay"
    assert clerk.post(rec, data={"action": "correct", "value": "1.00"}).status_code == 403
    assert scan.post(rec, data={"action": "correct", "value": "1.00"}).status_code == 403
    assert verifier.post(rec, data={"action": "correct", "value": "x"}).status_code == 400
    form = {"egn": IVAN, "kind": "service", **WHY}
    assert verifier.post("/certificates/issue", data=form).status_code == 403
    assert verifier.get("/certificates/new", params=form).status_code == 403
    for url in ("/search", "/people/timeline", "/certificates/new", f"/pages/{sha}"):
        r = scan.get(url, params=form)
        assert r.status_code == 403 and not personal_data(r.content), url
    assert scan.get("/batches").status_code == 200 and clerk.get("/batches").status_code == 403
    assert clerk.post("/certificates/issue", data=form, follow_redirects=False).status_code == 303


# --------------------------------------------------------------------------- sign-in


def test_sign_in_with_password_and_totp_lands_on_the_home_page(app: FastAPI) -> None:
    vera = add_staff(app, "vera", "verifier")
    client = TestClient(app)
    r = password_step(client, vera)
    assert r.status_code == 303
    enrol = client.get("/signin/code")
    assert "data:image/svg+xml;base64," in enrol.text and vera.enrolment.totp_secret in enrol.text
    assert client.get("/", follow_redirects=False).status_code == 303  # password alone is not enough
    r = code_step(client, vera.code())
    assert r.status_code == 303 and r.headers["location"] == "/"
    home = client.get("/")
    assert home.status_code == 200 and "vera" in home.text and "проверител" in home.text
    # enrolled: the key is never shown again
    client2 = TestClient(app)
    password_step(client2, vera)
    assert vera.enrolment.totp_secret not in client2.get("/signin/code").text


def test_session_cookie_flags(app: FastAPI) -> None:
    ana = add_staff(app, "ana", "clerk")
    client = TestClient(app)
    password_step(client, ana)
    r = code_step(client, ana.code())
    cookie = r.headers["set-cookie"]
    assert "archive_session=" in cookie and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert "Secure" not in cookie  # plain HTTP here
    https = TestClient(app, base_url="https://testserver")
    password_step(https, ana)
    r = code_step(https, ana.code(1))
    assert "Secure" in r.headers["set-cookie"]


def test_replayed_totp_code_is_refused(app: FastAPI) -> None:
    ana = add_staff(app, "ana", "clerk")
    code = ana.code()
    first = TestClient(app)
    sign_in(first, ana, code)
    second = TestClient(app)
    assert password_step(second, ana).status_code == 303
    r = code_step(second, code)  # the same code again
    assert r.status_code == 401
    assert second.get("/", follow_redirects=False).status_code == 303
    assert code_step(second, ana.code(-1)).status_code == 401  # an older one neither
    assert code_step(second, "000000" if code != "000000" else "111111").status_code == 401
    with app.state.db.Session() as s:
        reasons = [
            e.detail["reason"]
            for e in s.scalars(select(AuditEntry).where(AuditEntry.action == "sign_in_failed"))
        ]
    assert "replayed_code" in reasons and "bad_code" in reasons


def test_fifty_wrong_passwords_are_each_refused_and_lock_the_account(app: FastAPI) -> None:
    ana = add_staff(app, "ana", "clerk")
    client = TestClient(app)
    for i in range(50):
        r = password_step(client, ana, password=f"wrong password {i}")
        assert r.status_code in (401, 429), (i, r.status_code)
        assert client.get("/", follow_redirects=False).status_code == 303
    other = TestClient(app, client=("10.0.0.9", 5000))  # another address: the account lock still holds
    r = password_step(other, ana)
    assert r.status_code == 401, "the right password must not open a locked account"
    with app.state.db.Session() as s:
        failed = s.scalars(select(AuditEntry).where(AuditEntry.action == "sign_in_failed")).all()
        user = s.scalar(select(User).where(User.username == "ana"))
    assert len(failed) == 51 and user is not None and user.locked_until is not None
    # the lock ends; then the right password and code work again
    later = utcnow() + timedelta(minutes=app.state.settings.signin_lock_minutes + 1)
    app.state.accounts.clock = lambda: later
    third = TestClient(app, client=("10.0.0.10", 5000))
    assert password_step(third, ana).status_code == 303


def test_expired_and_revoked_sessions_are_refused(app: FastAPI) -> None:
    ana = add_staff(app, "ana", "clerk")
    client = TestClient(app)
    sign_in(client, ana)
    assert client.get("/").status_code == 200
    accounts = app.state.accounts
    now = utcnow()
    accounts.clock = lambda: now + timedelta(minutes=app.state.settings.session_idle_minutes + 1)
    r = client.get("/", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/signin"
    assert client.get("/api/search", params={"egn": MARIA, **WHY}).status_code == 401
    accounts.clock = utcnow
    fresh = TestClient(app)
    sign_in(fresh, ana, ana.code(1))
    assert fresh.get("/").status_code == 200
    accounts.clock = lambda: now + timedelta(minutes=app.state.settings.session_minutes + 1)
    assert fresh.get("/", follow_redirects=False).status_code == 303  # absolute end, however active
    accounts.clock = utcnow
    accounts.revoke_sessions("ana")
    assert fresh.get("/", follow_redirects=False).status_code == 303


def test_sign_out_ends_the_session(app: FastAPI) -> None:
    ana = add_staff(app, "ana", "clerk")
    client = TestClient(app)
    sign_in(client, ana)
    cookie = client.cookies.get("archive_session")
    r = client.post("/signout", data={"csrf_token": csrf_of(client.get("/").text)}, follow_redirects=False)
    assert r.status_code == 303
    again = TestClient(app, cookies={"archive_session": cookie})
    assert again.get("/", follow_redirects=False).status_code == 303


def test_forged_or_missing_csrf_token_is_refused(app: FastAPI) -> None:
    ana = add_staff(app, "ana", "clerk")
    client = TestClient(app)
    # sign-in form without its cookie/token pair
    r = client.post("/signin", data={"username": "ana", "password": ana.password}, follow_redirects=False)
    assert r.status_code == 403
    r = client.post(
        "/signin",
        data={"username": "ana", "password": ana.password, "csrf_token": "forged" * 5},
        follow_redirects=False,
    )
    assert r.status_code == 403
    sign_in(client, ana)
    token = csrf_of(client.get("/").text)
    cert = {"kind": "service", "egn": IVAN}
    assert client.post("/api/certificates", json=cert).status_code == 403
    assert client.post("/api/certificates", json=cert, headers={"X-CSRF-Token": "x" * 43}).status_code == 403
    assert client.post("/api/certificates", json=cert, headers={"X-CSRF-Token": token}).status_code == 201
    assert client.post("/signout", data={"csrf_token": "x" * 43}, follow_redirects=False).status_code == 403
    assert client.get("/").status_code == 200  # still signed in
    # another user's token does not fit this session
    bob = add_staff(app, "bob", "clerk")
    other = TestClient(app)
    sign_in(other, bob)
    assert (
        client.post(
            "/signout", data={"csrf_token": csrf_of(other.get("/").text)}, follow_redirects=False
        ).status_code
        == 403
    )


def test_pages_forbid_framing_and_foreign_scripts(app: FastAPI) -> None:
    r = TestClient(app).get("/signin")
    assert (
        r.headers["x-frame-options"] == "DENY"
        and "frame-ancestors 'none'" in r.headers["content-security-policy"]
    )
    assert (
        "script-src 'self'" in r.headers["content-security-policy"]
        and r.headers["cache-control"] == "no-store"
    )


def test_sign_in_keeps_where_the_user_was_going(app: FastAPI) -> None:
    ana = add_staff(app, "ana", "clerk")
    client = TestClient(app)
    r = client.get("/search?name=x&purpose=other", follow_redirects=False)
    assert 'value="/search?name=x&amp;purpose=other"' in client.get(r.headers["location"]).text
    r = password_step(client, ana, next="/search?name=x&purpose=other")
    assert r.headers["location"] == "/signin/code?next=%2Fsearch%3Fname%3Dx%26purpose%3Dother"
    page = client.get(r.headers["location"])
    assert 'value="/search?name=x&amp;purpose=other"' in page.text
    r = client.post(
        "/signin/code",
        data={"code": ana.code(), "next": "/search?name=x&purpose=other", "csrf_token": csrf_of(page.text)},
        follow_redirects=False,
    )
    assert r.headers["location"] == "/search?name=x&purpose=other"


def test_sign_in_redirects_only_within_the_site(app: FastAPI) -> None:
    ana = add_staff(app, "ana", "clerk")
    client = TestClient(app)
    form = client.get("/signin", params={"next": "//evil.example/x"})
    assert 'value="/"' in form.text
    r = password_step(client, ana, next="https://evil.example")
    assert r.headers["location"] == "/signin/code"
    r = code_step(client, ana.code())
    assert r.headers["location"] == "/"
    signed_out = TestClient(app)
    r = signed_out.get("/search", params={"name": "x"}, follow_redirects=False)
    assert r.headers["location"] == "/signin?next=%2Fsearch%3Fname%3Dx"


# --------------------------------------------------------------------------- API tokens


def test_api_tokens_are_kept_hashed_and_revocable(app: FastAPI) -> None:
    add_staff(app, "robot", "clerk")
    token_id, token = app.state.accounts.create_token("robot", "nightly")
    client = TestClient(app, headers={"Authorization": f"Bearer {token}"})
    assert client.get("/api/search", params={"egn": MARIA, **WHY}).status_code == 200
    with app.state.db.Session() as s:
        row = s.get(ApiToken, token_id)
        assert row is not None and row.token_hash != token and token not in row.token_hash
    app.state.accounts.revoke_token(token_id)
    assert client.get("/api/search", params={"egn": MARIA, **WHY}).status_code == 401
    _, token2 = app.state.accounts.create_token("robot")
    client2 = TestClient(app, headers={"Authorization": f"Bearer {token2}"})
    assert client2.get("/api/search", params={"egn": MARIA, **WHY}).status_code == 200
    app.state.accounts.disable("robot")
    assert client2.get("/api/search", params={"egn": MARIA, **WHY}).status_code == 401


# --------------------------------------------------------------------------- audit


def test_searches_and_views_are_logged_with_purpose_and_egn_only_hashed(
    app: FastAPI,
    page_setup: tuple[Settings, str, list[PersonMonth]],  # noqa: F811
) -> None:
    settings, sha, on_page = page_setup
    clerk = token_client(app, "clerk1", "clerk")
    assert clerk.get("/api/search", params={"egn": MARIA}).status_code == 422  # no purpose, no data
    r = clerk.get("/api/search", params={"egn": MARIA, "purpose": "other"})
    assert r.status_code == 400 and "purpose_text" in r.json()["detail"]
    assert clerk.get("/api/search", params={"egn": MARIA, **WHY}).status_code == 200
    assert clerk.get(f"/api/records/{on_page[0].id}", params={"purpose": "authority"}).status_code == 200
    assert clerk.get(f"/api/pages/{sha}", params={"purpose": "person_request"}).status_code == 200
    with app.state.db.Session() as s:
        rows = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        dump = " ".join(str([getattr(e, c.name) for c in AuditEntry.__table__.columns]) for e in rows)
    assert MARIA not in dump, "an ЕГН must never be written in clear"
    search = next(e for e in rows if e.action == "search")
    assert search.actor == "clerk1" and search.role == "clerk" and search.purpose == "certificate"
    assert search.purpose_text == "заявление 7/2026" and search.egn_hash == egn_hash(
        AuditLog(app.state.db, settings).key, MARIA
    )
    assert [e.action for e in rows if e.action.startswith("view")] == ["view_record", "view_page"]
    # the administrator finds who looked at this person by typing the ЕГН
    admin = token_client(app, "admin1", "administrator")
    page = admin.get("/admin/audit", params={"egn": MARIA})
    table = page.text.split("<tbody>")[1]
    assert page.status_code == 200 and "clerk1" in table and MARIA not in table
    assert "Показани записи: 1" in page.text
    assert "Показани записи: 0" in admin.get("/admin/audit", params={"egn": "6001052020"}).text
    viewed = admin.get("/admin/audit", params={"egn": on_page[0].egn, "action": "view_record"})
    assert "Показани записи: 1" in viewed.text


def test_audit_key_is_generated_once_and_kept(settings: Settings) -> None:
    db = open_database(settings)
    k1 = AuditLog(db, settings).key
    k2 = AuditLog(db, settings).key
    assert k1 == k2 and len(k1) >= 32
    assert (settings.resolved_data_dir / "audit.key").stat().st_mode & 0o077 == 0
    db.dispose()


@pytest.mark.integration
@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_audit_log_refuses_update_and_delete(backend: str, request: pytest.FixtureRequest, tmp_path) -> None:
    url = request.getfixturevalue("pg_database_url") if backend == "postgresql" else None
    settings = Settings(data_dir=tmp_path / "d", database_url=url)
    db: Database = open_database(settings)
    log = AuditLog(db, settings)
    log.record("ana", Action.search, egn=MARIA, purpose=None)
    for stmt in (
        update(AuditEntry).values(actor="nobody"),
        delete(AuditEntry),
        text("UPDATE audit_log SET purpose = 'other'"),
        text("DELETE FROM audit_log"),
    ):
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
            conn.execute(stmt)
    if backend == "postgresql":
        with pytest.raises(DBAPIError, match="append-only"), db.engine.begin() as conn:
            conn.execute(text("TRUNCATE audit_log"))
    with db.Session() as s:
        assert [e.actor for e in s.scalars(select(AuditEntry))] == ["ana"]
    log.record("ana", Action.sign_out)  # adding still works
    db.dispose()


# --------------------------------------------------------------------------- interface


def test_every_message_exists_in_both_languages() -> None:
    assert MESSAGES["bg"].keys() == MESSAGES["en"].keys()


def test_home_shows_what_the_role_can_do_and_language_switch(app: FastAPI) -> None:
    cleo = add_staff(app, "cleo", "clerk")
    client = TestClient(app)
    sign_in(client, cleo)
    home = client.get("/")
    assert 'href="/search"' in home.text and 'href="/admin/audit"' not in home.text
    assert '<html lang="bg">' in home.text and 'class="skip" href="#main"' in home.text
    r = client.post(
        "/lang", data={"lang": "en", "next": "/", "csrf_token": csrf_of(home.text)}, follow_redirects=False
    )
    assert r.status_code == 303
    home = client.get("/")
    assert '<html lang="en">' in home.text and "Find a person" in home.text


def test_search_page_needs_a_purpose(app: FastAPI) -> None:
    cleo: Staff = add_staff(app, "cleo", "clerk")
    client = TestClient(app)
    sign_in(client, cleo)
    form = client.get("/search")
    assert form.status_code == 200 and 'name="purpose"' in form.text
    r = client.get("/search", params={"egn": MARIA})
    assert r.status_code == 400 and "Мария" not in r.text
    r = client.get("/search", params={"name": "Mariya Ivanova", "purpose": "certificate"})
    assert r.status_code == 200 and "Мария Иванова Петрова" in r.text


def test_roles_listed_are_the_staff_roles() -> None:
    assert Role.citizen not in STAFF_ROLES and len(STAFF_ROLES) == 4
