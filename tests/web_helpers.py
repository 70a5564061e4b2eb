"""Signing in from tests: accounts, API-token clients, and the password + TOTP sign-in of a browser
session through the sign-in pages (TestClient)."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

import pyotp
from fastapi import FastAPI
from fastapi.testclient import TestClient

from archive_core.accounts import Enrolment

PASSWORD = "a long test password"


@dataclass
class Staff:
    enrolment: Enrolment
    password: str = PASSWORD

    @property
    def name(self) -> str:
        return self.enrolment.username

    def code(self, offset_steps: int = 0) -> str:
        """The TOTP code now (or ``offset_steps`` 30 s steps away)."""
        return pyotp.TOTP(self.enrolment.totp_secret).at(time.time() + 30 * offset_steps)


def add_staff(app: FastAPI, name: str, role: str) -> Staff:
    return Staff(app.state.accounts.add_user(name, role, PASSWORD))


def token_client(app: FastAPI, name: str, role: str) -> TestClient:
    """A TestClient that sends a fresh API token of a new user with this role."""
    add_staff(app, name, role)
    _, token = app.state.accounts.create_token(name, "tests")
    return TestClient(app, headers={"Authorization": f"Bearer {token}"})


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "the page has no CSRF field"
    return m.group(1)


def password_step(client: TestClient, staff: Staff, password: str | None = None, next: str | None = None):
    """The sign-in form's first step, sending ``next`` (where to go after) when given."""
    form = client.get("/signin")
    assert form.status_code == 200
    data = {"username": staff.name, "password": password or staff.password, "csrf_token": csrf_of(form.text)}
    if next is not None:
        data["next"] = next
    return client.post("/signin", data=data, follow_redirects=False)


def code_step(client: TestClient, code: str):
    page = client.get("/signin/code", follow_redirects=False)
    token = csrf_of(page.text) if page.status_code == 200 else client.cookies.get("archive_csrf", "")
    return client.post("/signin/code", data={"code": code, "csrf_token": token}, follow_redirects=False)


def sign_in(client: TestClient, staff: Staff, code: str | None = None) -> None:
    r = password_step(client, staff)
    assert r.status_code == 303 and r.headers["location"].startswith("/signin/code"), r.text
    r = code_step(client, code or staff.code())
    assert r.status_code == 303, r.text
