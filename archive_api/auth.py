"""Who is asking: the signed-in user of a request, from an API token (``Authorization: Bearer``) or
the session cookie, as Annotated dependencies.

    CurrentUser    -- the signed-in Principal (401 / redirect to sign-in when there is none)
    OptionalUser   -- Principal | None (sign-in pages)
    AccountsDep, AuditDep -- the app's Accounts and AuditLog

Access (which role may call which route) is decided in one place only: archive_api.access.
"""

from __future__ import annotations

import secrets
import time
from collections import deque
from typing import Annotated

from fastapi import Depends, Request, Response

from archive_core.accounts import Accounts, Principal
from archive_core.audit import AuditLog
from archive_core.config import Settings

SESSION_COOKIE = "archive_session"
PRE_CSRF_COOKIE = "archive_csrf"  # double-submit token for the forms of signed-out pages
LANG_COOKIE = "archive_lang"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"


class NotSignedIn(Exception):
    """No valid session or API token: 401 for the API, a redirect to sign-in for pages."""


class Forbidden(Exception):
    """Signed in, but the route is not for this role (or the CSRF token is missing/wrong)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def get_accounts(request: Request) -> Accounts:
    return request.app.state.accounts


def get_audit(request: Request) -> AuditLog:
    return request.app.state.audit


AccountsDep = Annotated[Accounts, Depends(get_accounts)]
AuditDep = Annotated[AuditLog, Depends(get_audit)]


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    return value.strip() if scheme.lower() == "bearer" else ""


def resolve_principal(request: Request, accounts: AccountsDep) -> Principal | None:
    """The API token when an Authorization header is sent (a wrong one is never retried as a
    cookie), else the session cookie. Cached per request by FastAPI; kept on request.state."""
    token = bearer_token(request)
    if token is not None:
        principal = accounts.principal_from_token(token)
    else:
        principal = accounts.principal_from_session(request.cookies.get(SESSION_COOKIE))
    request.state.principal = principal
    return principal


OptionalUser = Annotated[Principal | None, Depends(resolve_principal)]


def current_user(principal: OptionalUser) -> Principal:
    if principal is None:
        raise NotSignedIn()
    return principal


CurrentUser = Annotated[Principal, Depends(current_user)]


def client_address(request: Request) -> str | None:
    return request.client.host if request.client else None


def cookie_secure(request: Request, settings: Settings) -> bool:
    if settings.cookie_secure is not None:
        return settings.cookie_secure
    return request.url.scheme == "https"


def set_cookie(
    response: Response, request: Request, name: str, value: str, *, max_age: int | None = None
) -> None:
    settings: Settings = request.app.state.settings
    response.set_cookie(
        name,
        value,
        max_age=max_age,
        httponly=True,
        secure=cookie_secure(request, settings),
        samesite="lax" if name == LANG_COOKIE else "strict",
        path="/",
    )


def pre_session_token(request: Request) -> tuple[str, bool]:
    """The signed-out forms' CSRF token: (token, True when it is new and must be set as a cookie)."""
    existing = request.cookies.get(PRE_CSRF_COOKIE)
    if existing and 20 <= len(existing) <= 100:
        return existing, False
    token = getattr(request.state, "new_pre_csrf", None) or secrets.token_urlsafe(32)
    request.state.new_pre_csrf = token
    return token, True


def csrf_token_for(request: Request) -> str:
    """The token a form on this page must send back."""
    principal: Principal | None = getattr(request.state, "principal", None)
    if principal is not None and principal.csrf_token:
        return principal.csrf_token
    return pre_session_token(request)[0]


class AttemptLimiter:
    """Sign-in attempts per client address in a sliding window (in memory, per process)."""

    def __init__(self, limit: int, window_s: float = 900.0) -> None:
        self.limit = limit
        self.window_s = window_s
        self._seen: dict[str, deque[float]] = {}

    def allow(self, key: str) -> bool:
        now = time.monotonic()
        if len(self._seen) > 10_000:  # forget addresses whose attempts are all out of the window
            self._seen = {k: q for k, q in self._seen.items() if q and q[-1] > now - self.window_s}
        q = self._seen.setdefault(key, deque())
        while q and q[0] <= now - self.window_s:
            q.popleft()
        if len(q) >= self.limit:
            return False
        q.append(now)
        return True
