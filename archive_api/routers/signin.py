"""Sign-in pages: password, then the TOTP code (with the QR enrolment the first time), sign-out and
the language switch. All are reachable signed out (``PUBLIC``) but, like every form, need their CSRF
token; attempts are limited per client address and every outcome goes to the audit log."""

from __future__ import annotations

import base64
from typing import Annotated
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response

from archive_core.accounts import Refusal
from archive_core.audit import Action, AuditLog

from ..access import PUBLIC, SIGNED_IN
from ..auth import (
    LANG_COOKIE,
    SESSION_COOKIE,
    AccountsDep,
    AuditDep,
    CurrentUser,
    client_address,
    set_cookie,
)
from ..i18n import LANGUAGES
from ..web import render, safe_next

router = APIRouter(include_in_schema=False)


def _redirect(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def _limited(request: Request) -> bool:
    return not request.app.state.signin_limiter.allow(client_address(request) or "?")


def _signin_page(
    request: Request, target: str, error: str | None, username: str | None, status: int = 200
) -> Response:
    return render(request, "signin.html", {"next": target, "error": error, "username": username}, status)


def _refused(
    audit: AuditLog, client: str | None, step: str, reason: str, who: str = "?", role: str | None = None
) -> None:
    """A sign-in step refused, in the audit log (``who`` as typed or known; "?" before it is)."""
    audit.record(
        who,
        Action.sign_in_failed,
        role=role,
        outcome="refused",
        detail={"step": step, "reason": reason},
        client=client,
    )


@router.get("/signin", dependencies=[PUBLIC])
def signin_form(
    request: Request,
    next: Annotated[str | None, Query(max_length=2000)] = None,
    expired: Annotated[bool, Query()] = False,
) -> Response:
    return _signin_page(request, safe_next(next), "signin.expired" if expired else None, None)


@router.post("/signin", dependencies=[PUBLIC])
def signin(
    request: Request,
    accounts: AccountsDep,
    audit: AuditDep,
    username: Annotated[str, Form(max_length=200)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str | None, Form(max_length=2000)] = None,
) -> Response:
    target = safe_next(next)
    client = client_address(request)
    if _limited(request):
        _refused(audit, client, "password", "rate_limited", username.strip().lower())
        return _signin_page(request, target, "signin.too_many", username, 429)
    result = accounts.check_password(username, password)
    if not result.ok:
        _refused(audit, client, "password", str(result.refusal), result.username, result.role)
        return _signin_page(request, target, "signin.failed", username, 401)
    assert result.user_id is not None
    accounts.end_session(request.cookies.get(SESSION_COOKIE))
    pending = accounts.start_session(result.user_id, "password")
    response = _redirect("/signin/code?" + urlencode({"next": target}) if target != "/" else "/signin/code")
    set_cookie(response, request, SESSION_COOKIE, pending)
    return response


def _code_page(
    request: Request, accounts: AccountsDep, user_id: int, target: str, error: str | None, status: int = 200
) -> Response:
    secret, uri, confirmed = accounts.totp_secret(user_id)
    ctx: dict[str, object] = {"next": target, "error": error, "enrol": not confirmed}
    if not confirmed:
        svg = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=10, border=2)
        ctx["qr_svg"] = base64.b64encode(svg.to_string()).decode()
        ctx["secret"] = secret
    return render(request, "code.html", ctx, status)


@router.get("/signin/code", dependencies=[PUBLIC])
def code_form(
    request: Request, accounts: AccountsDep, next: Annotated[str | None, Query(max_length=2000)] = None
) -> Response:
    user_id = accounts.pending_user(request.cookies.get(SESSION_COOKIE))
    if user_id is None:
        return _redirect("/signin")
    return _code_page(request, accounts, user_id, safe_next(next), None)


@router.post("/signin/code", dependencies=[PUBLIC])
def code(
    request: Request,
    accounts: AccountsDep,
    audit: AuditDep,
    code: Annotated[str, Form(max_length=20)],
    next: Annotated[str | None, Form(max_length=2000)] = None,
) -> Response:
    target = safe_next(next)
    client = client_address(request)
    pending_token = request.cookies.get(SESSION_COOKIE)
    user_id = accounts.pending_user(pending_token)
    if user_id is None:
        _refused(audit, client, "code", str(Refusal.no_session))
        return _redirect("/signin?expired=true")
    if _limited(request):
        _refused(audit, client, "code", "rate_limited")
        return _signin_page(request, target, "signin.too_many", None, 429)
    result = accounts.check_code(user_id, code)
    if not result.ok:
        _refused(audit, client, "code", str(result.refusal), result.username, result.role)
        if result.refusal in (Refusal.locked, Refusal.disabled):
            accounts.end_session(pending_token)
            return _signin_page(request, target, "signin.failed", None, 401)
        return _code_page(request, accounts, user_id, target, "code.failed", 401)
    accounts.end_session(pending_token)  # a new session id once fully signed in (no fixation)
    session = accounts.start_session(user_id, "full")
    audit.record(result.username, Action.sign_in, role=result.role, client=client)
    response = _redirect(target)
    set_cookie(response, request, SESSION_COOKIE, session)
    return response


@router.post("/signout", dependencies=[SIGNED_IN])
def signout(request: Request, user: CurrentUser, accounts: AccountsDep, audit: AuditDep) -> Response:
    accounts.end_session(request.cookies.get(SESSION_COOKIE))
    audit.record(user.username, Action.sign_out, role=user.role, client=client_address(request))
    response = _redirect("/signin")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.post("/lang", dependencies=[PUBLIC])
def set_language(
    request: Request,
    lang: Annotated[str, Form(max_length=5)],
    next: Annotated[str | None, Form(max_length=2000)] = None,
) -> Response:
    response = _redirect(safe_next(next))
    if lang in LANGUAGES:
        set_cookie(response, request, LANG_COOKIE, lang, max_age=365 * 24 * 3600)
    return response
