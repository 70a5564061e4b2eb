"""Original stores: content-addressed files (embedded default) or S3/MinIO."""

from __future__ import annotations

from ..config import Settings
from ..protocols import OriginalStore
from .files import FileStore
from .s3 import S3Store


def open_store(settings: Settings) -> OriginalStore:
    """S3/MinIO when ARCHIVE_S3_ENDPOINT is set, else files under the data dir."""
    if settings.s3_endpoint:
        return S3Store.from_settings(settings)
    return FileStore(settings.resolved_data_dir / "originals", settings.resolved_data_dir / "derivatives")
