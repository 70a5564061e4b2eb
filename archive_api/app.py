"""The FastAPI app: ``create_app(settings)`` builds it around one settings object (no globals)."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from archive_core.backends import open_index, open_store
from archive_core.config import Settings
from archive_core.db import open_database
from archive_core.errors import (
    ArchiveError,
    BackendUnavailable,
    ConfigError,
    InputFileError,
    IntegrityError,
    NotFoundError,
    UsageError,
)
from certificates.citizen_copy import CopyRefused
from indexer.embedded import IndexDamaged

from .routers import certificates, health, pages, records, search

_STATUS: list[tuple[type[ArchiveError], int]] = [
    (NotFoundError, 404),
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


def create_app(settings: Settings) -> FastAPI:
    db = open_database(settings)
    index = open_index(settings)
    with contextlib.suppress(BackendUnavailable, IndexDamaged):
        index.ensure()  # index down or damaged at start: /health says so; searches fail with the reason
    store = open_store(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        db.dispose()

    app = FastAPI(
        title="payroll-archive",
        description="Осигурителен архив на НОИ: ведомости за заплати, записи по лица и месеци, удостоверения.",
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.db = db
    app.state.index = index
    app.state.store = store

    @app.exception_handler(ArchiveError)
    async def _archive_error(request: Request, exc: ArchiveError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=status_for(exc))

    for module in (health, search, records, pages, certificates):
        app.include_router(module.router)
    return app
