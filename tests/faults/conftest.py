"""Fixtures of the fault tests: real servers (PostgreSQL, Redis from Debian; noida-db and moto from
PyPI), sample pages with ground truth, settings that point at the servers."""

from __future__ import annotations

from pathlib import Path

import pytest

from archive_core.config import Settings
from tests.servers import es_server_restartable, s3_server_restartable  # noqa: F401  (fixtures)

from .harness import make_sample_pages

pytestmark = pytest.mark.integration

PAGES = 10


@pytest.fixture(scope="session")
def sample_pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """PAGES pristine sheets with their ground truth (same folder, <stem>.json)."""
    return make_sample_pages(tmp_path_factory.mktemp("fault-pages"), PAGES)


@pytest.fixture
def prod_settings(tmp_path: Path, pg_database_url: str, redis_url: str) -> Settings:  # noqa: F811
    """PostgreSQL + Redis (index and store embedded unless a test adds servers); short stuck-after so
    the reconciler acts within the test."""
    return Settings(
        data_dir=tmp_path / "archive-data",
        database_url=pg_database_url,
        redis_url=redis_url,
        elasticsearch_url=None,
        s3_endpoint=None,
        stuck_after=4,
        job_timeout=60,
        job_retries=3,
        workers=1,
    )
