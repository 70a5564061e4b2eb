"""The FastAPI app: ``create_app(settings)`` builds it around one settings object (no globals)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

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
from indexer.embedded import IndexDamaged
from ingest.backends import open_backends

from .redact import CannotRedact
from .routers import certificates, health, pages, records, search

_STATUS: list[tuple[type[ArchiveError], int]] = [
    (NotFoundError, 404),
    (NotAllowedError, 403),
    (UsageError, 400),
    (BackendUnavailable, 503),
    (IndexDamaged, 503),
    (CannotRedact, 422),
    (InputFileError, 422),
    (IntegrityError, 500),
    (ConfigError, 500),
]


def status_for(err: ArchiveError) -> int:
    for cls, status in _STATUS:
        if isinstance(err, cls):
            return status
    return 500


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
        description="Осигурителен архив на НОИ: ведомости за заплати, записи по лица и месеци, удостоверения.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.backends = backends
    app.state.db = db
    app.state.index = index
    app.state.store = store

    @app.exception_handler(ArchiveError)
    async def _archive_error(request: Request, exc: ArchiveError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=status_for(exc))

    for module in (health, search, records, pages, certificates):
        app.include_router(module.router)
    return app
