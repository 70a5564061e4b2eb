"""Fixtures shared by every test folder. Each test gets its own data dir and Settings (no globals)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from archive_core.config import Settings
from archive_core.db import Database, open_database
from archive_core.protocols import RecordIndex
from indexer.backend import open_index
from ocr.engine import OcrEngine, engine_from_settings

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Embedded defaults under a fresh data dir; server URLs explicitly unset."""
    return Settings(
        data_dir=tmp_path / "archive-data",
        database_url=None,
        redis_url=None,
        elasticsearch_url=None,
        s3_endpoint=None,
        workers=1,
    )


@pytest.fixture
def db(settings: Settings) -> Iterator[Database]:
    """The database of ``settings`` (migrated), disposed of after the test."""
    database = open_database(settings)
    yield database
    database.dispose()


@pytest.fixture
def index(settings: Settings) -> RecordIndex:
    """The search index of ``settings``, created."""
    idx = open_index(settings)
    idx.ensure()
    return idx


@pytest.fixture(scope="session")
def ocr_engine(tmp_path_factory: pytest.TempPathFactory) -> OcrEngine:
    """The OCR engine of the default settings (tesseract, Bulgarian text model, English digits model)."""
    return engine_from_settings(Settings(data_dir=tmp_path_factory.mktemp("ocr-settings")))
