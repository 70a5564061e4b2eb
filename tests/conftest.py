"""Fixtures shared by every test folder. Each test gets its own data dir and Settings (no globals)."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_core.config import Settings
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


@pytest.fixture(scope="session")
def ocr_engine(tmp_path_factory: pytest.TempPathFactory) -> OcrEngine:
    """The OCR engine of the default settings (tesseract, Bulgarian text model, English digits model)."""
    return engine_from_settings(Settings(data_dir=tmp_path_factory.mktemp("ocr-settings")))
