"""The FastAPI app: ``create_app(settings)`` builds it around one settings object (no globals)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles

from archive_core.accounts import Accounts
from archive_core.audit import AuditLog
from archive_core.config import Settings
from archive_core.errors import (
    ArchiveError,
    BackendUnavailable,
    ConfigError,
    InputFileError,
    IntegrityError,
    NotAllowedError,
    NotFoundError,
    UsageError,
)
from certificates.citizen_copy import CopyRefused
from indexer.embedded import IndexDamaged
from ingest.backends import open_backends

from .access import check_routes, gate
from .auth import AttemptLimiter, Forbidden, NotSignedIn
from .routers import (
    batches,
    certificate_screens,
    certificates,
    health,
    home,
    page_screens,
    pages,
    people,
    records,
    search,
    signin,
    staff_pages,
    verify,
)
from .web import STATIC_DIR, render

_STATUS: list[tuple[type[ArchiveError], int]] = [
    (NotFoundError, 404),
    (NotAllowedError, 403),
    (UsageError, 400),
    (BackendUnavailable, 503),
    (IndexDamaged, 503),
    (CopyRefused, 422),
    (InputFileError, 422),
    (IntegrityError, 500),
    (ConfigError, 500),
]


def status_for(err: ArchiveError) -> int:
    for cls, status in _STATUS:
        if isinstance(err, cls):
            return status
    return 500


# Pages use only their own files (and inline data: images such as the TOTP QR code).
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"
)


def _is_api(request: Request) -> bool:
    """JSON answers for the API and machine clients; pages get HTML and redirects."""
    path = request.url.path
    return path.startswith("/api/") or path == "/openapi.json" or "authorization" in request.headers


def create_app(settings: Settings) -> FastAPI:
    backends = open_backends(settings, with_queue=False)  # chosen once, here, for the app's life
    db, index, store = backends.db, backends.index, backends.store
    with contextlib.suppress(BackendUnavailable, IndexDamaged):
        index.ensure()  # index down or damaged at start: /health says so; searches fail with the reason

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        backends.close()

    app = FastAPI(
        title="payroll-archive",
        description="Осигурителен архив на НОИ: ведомости за заплати, записи по лица и месеци, удостоверения. "
        "Every route but /health needs a signed-in user: machine clients send `Authorization: Bearer <token>` "
        "(`archive users token NAME`).",
        version="0.1.0",
        lifespan=lifespan,
        dependencies=[Depends(gate)],  # deny by default: archive_api.access decides every route
        openapi_url=None,  # served by routers/home.py, behind sign-in
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.backends = backends
    app.state.db = db
    app.state.index = index
    app.state.store = store
    app.state.accounts = Accounts(db, settings)
    app.state.audit = AuditLog(db, settings)
    app.state.signin_limiter = AttemptLimiter(settings.signin_ip_attempts)

    @app.middleware("http")
    async def _security_headers(request: Request, call_next) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        if request.url.path != "/docs":  # Swagger UI comes from its CDN with an inline script
            response.headers.setdefault("Content-Security-Policy", CSP)
        return response

    @app.exception_handler(ArchiveError)
    async def _archive_error(request: Request, exc: ArchiveError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=status_for(exc))

    @app.exception_handler(NotSignedIn)
    async def _signed_out(request: Request, exc: NotSignedIn) -> Response:
        if _is_api(request):
            return JSONResponse(
                {"detail": "нужен е вход: Authorization: Bearer <ключ> (archive users token) или сесия"},
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        url = "/signin" if target == "/" else "/signin?" + urlencode({"next": target})
        return RedirectResponse(url, status_code=303)

    @app.exception_handler(Forbidden)
    async def _forbidden(request: Request, exc: Forbidden) -> Response:
        detail = {
            "csrf": "липсва или е грешен CSRF ключът (поле csrf_token или заглавие X-CSRF-Token)",
            "role": "ролята ви няма достъп до това",
        }.get(exc.reason, "достъпът е отказан")
        if _is_api(request):
            return JSONResponse({"detail": detail}, status_code=403)
        return render(
            request,
            "error.html",
            {"message": "error.csrf" if exc.reason == "csrf" else "error.forbidden"},
            403,
        )

    for module in (
        health,
        signin,
        home,
        staff_pages,
        batches,
        verify,
        page_screens,
        people,
        certificate_screens,
        search,
        records,
        pages,
        certificates,
    ):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    check_routes(app)
    return app
