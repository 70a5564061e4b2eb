"""Fixtures of the contract suites: each backend Protocol parametrised over [embedded, real server].

The real servers (noida-db for the Elasticsearch API, moto for S3) are started once per session by
``tests.servers``; every test gets fresh buckets / a fresh index alias on them, so tests do not see
each other's data. A missing server binary fails the run (never skipped).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from archive_core.config import Settings
from archive_core.protocols import OriginalStore, RecordIndex
from archive_core.storage.files import FileStore
from archive_core.storage.s3 import S3Store
from indexer.elastic import ElasticIndex
from tests.servers import (  # noqa: F401  (fixtures)
    ServerHandle,
    es_server,
    es_server_restartable,
    free_port,
    s3_server,
    s3_server_restartable,
)


def unique(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def s3_settings(endpoint: str) -> Settings:
    return Settings(
        s3_endpoint=endpoint,
        s3_access_key="test",
        s3_secret_key="test",
        s3_region="us-east-1",
        s3_bucket=unique("orig"),
        s3_derivatives_bucket=unique("deriv"),
    )


def make_s3_store(endpoint: str) -> S3Store:
    return S3Store.from_settings(s3_settings(endpoint))


def make_elastic_index(url: str) -> ElasticIndex:
    idx = ElasticIndex.from_settings(Settings(elasticsearch_url=url, index_alias=unique("records")))
    idx.initial_backoff = 0.05  # keep back-off tests quick
    return idx


@pytest.fixture(params=["files", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> OriginalStore:
    if request.param == "files":
        return FileStore(tmp_path / "originals", tmp_path / "derivatives")
    server: ServerHandle = request.getfixturevalue("s3_server")
    return make_s3_store(server.url)


def tamper(store: OriginalStore, sha256: str, data: bytes) -> None:
    """Replace a stored original's bytes behind the store's back (a disk error, an intruder)."""
    if isinstance(store, FileStore):
        path = store._path(sha256)
        path.chmod(0o644)
        path.write_bytes(data)
    elif isinstance(store, S3Store):
        import io

        store.client.put_object(store.bucket, sha256, io.BytesIO(data), len(data))
    else:  # pragma: no cover
        raise TypeError(type(store))


@pytest.fixture
def tamper_with() -> Callable[[OriginalStore, str, bytes], None]:
    return tamper


@pytest.fixture(params=["embedded", "elastic"])
def index(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[RecordIndex]:
    if request.param == "embedded":
        from indexer.embedded import EmbeddedIndex

        yield EmbeddedIndex(tmp_path / "index.sqlite")
        return
    server: ServerHandle = request.getfixturevalue("es_server")
    idx = make_elastic_index(server.url)
    yield idx
    # Drop this test's indices so the session server stays small.
    names = list(idx.client.indices.get(index=f"{idx.alias}-*", allow_no_indices=True))
    if names:
        idx.client.indices.delete(index=",".join(names), ignore_unavailable=True)


@pytest.fixture
def dead_endpoint() -> str:
    """host:port where nothing listens."""
    return f"127.0.0.1:{free_port()}"
