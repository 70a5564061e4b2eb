"""Annotated dependencies: the app's settings, database, search index and original store (app.state)."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from archive_core.config import Settings
from archive_core.db import Database
from archive_core.protocols import OriginalStore, RecordIndex


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_database(request: Request) -> Database:
    return request.app.state.db


def get_index(request: Request) -> RecordIndex:
    return request.app.state.index


def get_store(request: Request) -> OriginalStore:
    return request.app.state.store


SettingsDep = Annotated[Settings, Depends(get_settings)]
DatabaseDep = Annotated[Database, Depends(get_database)]
IndexDep = Annotated[RecordIndex, Depends(get_index)]
StoreDep = Annotated[OriginalStore, Depends(get_store)]
