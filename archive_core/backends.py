"""The small registry that picks each backend from the settings (rq style).

Unset server settings mean the embedded default. Imports are lazy so that a machine without a
server's client library can still run on embedded defaults.
"""

from __future__ import annotations

from .config import Settings
from .protocols import JobQueue, OriginalStore, RecordIndex


def open_store(settings: Settings) -> OriginalStore:
    if settings.s3_endpoint:
        from .storage.s3 import S3Store

        return S3Store.from_settings(settings)
    from .storage.files import FileStore

    return FileStore(settings.resolved_data_dir / "originals", settings.resolved_data_dir / "derivatives")


def open_index(settings: Settings) -> RecordIndex:
    if settings.elasticsearch_url:
        from indexer.elastic import ElasticIndex

        return ElasticIndex.from_settings(settings)
    from indexer.embedded import EmbeddedIndex

    return EmbeddedIndex(settings.resolved_data_dir / "index.sqlite")


def open_queue(settings: Settings) -> JobQueue:
    if settings.redis_url:
        from ingest.rq_queue import RqQueue

        return RqQueue.from_settings(settings)
    from ingest.inprocess import InProcessQueue

    return InProcessQueue(settings)
