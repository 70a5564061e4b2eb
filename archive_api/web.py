"""Server-rendered pages: Jinja2 templates (archive_api/templates) and ``render``.

Every page extends ``base.html`` (skip link, language switch, who is signed in, sign-out). ``render``
gives each template ``t`` (the words of the chosen language), ``lang``, ``user`` (Principal or None),
``csrf_token`` (put ``{{ csrf_field() }}`` in every form) and ``nav`` (the links of the user's role).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from archive_core.accounts import Principal, Role

from .auth import CSRF_FIELD, PRE_CSRF_COOKIE, csrf_token_for, pre_session_token, set_cookie
from .i18n import language_of, translator

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent / "static"

templates = Jinja2Templates(directory=str(TEMPLATES_DIR))


@dataclass(frozen=True)
class NavLink:
    """A link on the home page: the screen, what it is for, and who sees it."""

    key: str  # i18n key of the title; "<key>_desc" is its description
    href: str | None  # None: not built yet (shown without a link)
    roles: tuple[Role, ...]


# The home page of each role: add a screen here when you build it.
NAV: list[NavLink] = [
    NavLink("home.search", "/search", (Role.clerk,)),
    NavLink("home.certificates", "/certificates", (Role.clerk,)),
    NavLink("home.verify", "/verify", (Role.verifier,)),
    NavLink("home.batches", "/batches", (Role.scan_operator, Role.verifier)),
    NavLink("home.scan", None, (Role.scan_operator,)),
    NavLink("home.audit", "/admin/audit", (Role.administrator,)),
    NavLink("home.users", None, (Role.administrator,)),
    NavLink("home.api", "/docs", (Role.scan_operator, Role.verifier, Role.clerk, Role.administrator)),
]


def nav_for(principal: Principal | None) -> list[NavLink]:
    if principal is None:
        return []
    return [n for n in NAV if principal.role in n.roles]


def safe_next(target: str | None, default: str = "/") -> str:
    """Only a path on this site (no scheme, no host, no '//' or '\\' tricks) may be a redirect."""
    if not target:
        return default
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith(("//", "/\\")):
        return default
    return target


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> HTMLResponse:
    principal: Principal | None = getattr(request.state, "principal", None)
    lang = language_of(request)
    token = csrf_token_for(request)

    def csrf_field() -> Markup:
        return Markup(f'<input type="hidden" name="{CSRF_FIELD}" value="{escape(token)}">')

    ctx = {
        "t": translator(lang),
        "lang": lang,
        "user": principal,
        "csrf_token": token,
        "csrf_field": csrf_field,
        "nav": nav_for(principal),
        "here": request.url.path + (f"?{request.url.query}" if request.url.query else ""),
        **(context or {}),
    }
    response = templates.TemplateResponse(request, name, ctx, status_code=status_code)
    response.headers["Cache-Control"] = "no-store"
    if principal is None:
        value, new = pre_session_token(request)
        if new:
            set_cookie(response, request, PRE_CSRF_COOKIE, value)
    return response
