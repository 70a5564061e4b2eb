"""Fixtures shared by every test folder. Each test gets its own data dir and Settings (no globals)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import cv2
import pytest
from PIL import Image

from archive_core.config import Settings
from archive_core.db import Database, open_database
from archive_core.protocols import RecordIndex
from archive_core.records import PayrollPage
from indexer.backend import open_index
from ocr.engine import OcrEngine, engine_from_settings
from ocr.extract import extract_image

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"


def read_regression_sheet(name: str, engine: OcrEngine) -> tuple[PayrollPage, PayrollPage]:
    """A sheet that once failed (tests/fixtures/regression/<name>.png) read at the dpi it was kept at: its
    truth and what the reader gives now."""
    png = FIXTURES / "regression" / f"{name}.png"
    truth = PayrollPage.load(png.with_suffix(".json"))
    dpi = round(Image.open(png).info.get("dpi", (300, 300))[0])
    got = extract_image(cv2.imread(str(png), cv2.IMREAD_UNCHANGED), image_name=png.name, engine=engine, dpi=dpi)
    return truth, got


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
