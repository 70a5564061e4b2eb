"""The search index the settings name: Elasticsearch when ARCHIVE_ELASTICSEARCH_URL is set, else the
embedded index under the data dir."""

from __future__ import annotations

from archive_core.config import Settings
from archive_core.protocols import RecordIndex

from .elastic import ElasticIndex
from .embedded import EmbeddedIndex


def open_index(settings: Settings) -> RecordIndex:
    if settings.elasticsearch_url:
        return ElasticIndex.from_settings(settings)
    return EmbeddedIndex(settings.resolved_data_dir / "index.sqlite")
