"""OriginalStore contract: the embedded FileStore and S3Store (on moto) behave the same."""

from __future__ import annotations

import hashlib
import io
from collections.abc import Callable

import pytest

from archive_core.errors import BackendUnavailable, IntegrityError, NotFoundError, UsageError
from archive_core.protocols import OriginalStore
from archive_core.storage.s3 import S3Store

from .conftest import make_s3_store

pytestmark = pytest.mark.integration

PAGE = b"%PDF-1.4 payroll sheet, \xd0\x91\xd0\xbe\xd1\x80\xd0\xb8\xd1\x81 " * 50
OTHER = b"\x89PNG\r\n\x1a\n another page"


def test_implements_protocol(store: OriginalStore) -> None:
    assert isinstance(store, OriginalStore)


def test_put_get_roundtrip(store: OriginalStore) -> None:
    digest = store.put(PAGE, content_type="application/pdf")
    assert digest == hashlib.sha256(PAGE).hexdigest()
    assert store.get(digest) == PAGE
    assert store.exists(digest)
    assert store.read_unverified(digest) == PAGE


def test_same_bytes_twice_is_one_object(store: OriginalStore) -> None:
    first = store.put(PAGE)
    second = store.put(PAGE)
    other = store.put(OTHER)
    assert first == second
    assert sorted(store.digests()) == sorted([first, other])
    if isinstance(store, S3Store):  # not even a second version of the object
        versions = list(store.client.list_objects(store.bucket, include_version=True))
        assert [v.object_name for v in versions].count(first) == 1


def test_tampered_original_is_refused(
    store: OriginalStore, tamper_with: Callable[[OriginalStore, str, bytes], None]
) -> None:
    digest = store.put(PAGE)
    tamper_with(store, digest, PAGE.replace(b"payroll", b"PAYROLL"))
    with pytest.raises(IntegrityError):
        store.get(digest)
    # fixity reads what is there and re-hashes it itself
    assert hashlib.sha256(store.read_unverified(digest)).hexdigest() != digest


def test_missing_original(store: OriginalStore) -> None:
    absent = hashlib.sha256(b"never stored").hexdigest()
    assert not store.exists(absent)
    with pytest.raises(NotFoundError):
        store.get(absent)
    with pytest.raises(NotFoundError):
        store.read_unverified(absent)


def test_not_a_digest(store: OriginalStore) -> None:
    with pytest.raises(UsageError):
        store.get("../../etc/passwd")


def test_derivatives_are_kept_apart(store: OriginalStore) -> None:
    digest = store.put(PAGE)
    store.put_derivative(f"thumbs/{digest}.png", b"thumbnail v1")
    store.put_derivative(f"thumbs/{digest}.png", b"thumbnail v2")  # derivatives may be redone
    store.put_derivative(digest, b"a derivative named like the original")
    assert store.get_derivative(f"thumbs/{digest}.png") == b"thumbnail v2"
    assert store.get_derivative(digest) == b"a derivative named like the original"
    assert store.get(digest) == PAGE
    assert list(store.digests()) == [digest]
    with pytest.raises(NotFoundError):
        store.get_derivative(f"deskewed/{digest}.png")
    with pytest.raises(UsageError):
        store.put_derivative("../escape.png", b"x")


def test_s3_originals_bucket_is_versioned_and_derivatives_elsewhere(s3_server) -> None:  # type: ignore[no-untyped-def]
    store = make_s3_store(s3_server.url)
    digest = store.put(PAGE)
    store.put_derivative("thumb.png", b"t")
    assert store.versioning
    assert store.object_lock  # moto supports object lock; a server without it still works (versioning only)
    assert [o.object_name for o in store.client.list_objects(store.bucket)] == [digest]
    assert [o.object_name for o in store.client.list_objects(store.derivatives_bucket)] == ["thumb.png"]
    meta = store.client.stat_object(store.bucket, digest).metadata
    assert meta.get("x-amz-meta-sha256") == digest


def test_s3_corrupted_upload_leaves_nothing(s3_server, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The server stores other bytes than were sent (moto does not check x-amz-checksum-sha256): the
    read-back check refuses the upload and removes what was written."""
    store = make_s3_store(s3_server.url)
    real_put = store.client.put_object

    def corrupting_put(bucket, name, data, length, **kw):  # type: ignore[no-untyped-def]
        body = data.read()
        if bucket == store.bucket:
            body = body[:-1] + bytes([body[-1] ^ 0xFF])
        return real_put(bucket, name, io.BytesIO(body), length, **kw)

    monkeypatch.setattr(store.client, "put_object", corrupting_put)
    with pytest.raises(IntegrityError):
        store.put(PAGE)
    digest = hashlib.sha256(PAGE).hexdigest()
    monkeypatch.undo()
    assert not store.exists(digest)
    assert list(store.digests()) == []
    assert store.put(PAGE) == digest and store.get(digest) == PAGE  # a retry then succeeds


def test_s3_down_is_backend_unavailable(dead_endpoint: str) -> None:
    store = make_s3_store(dead_endpoint)
    for call in (lambda: store.put(PAGE), lambda: store.get("0" * 64), lambda: store.exists("0" * 64)):
        with pytest.raises(BackendUnavailable) as err:
            call()
        assert dead_endpoint in str(err.value)


def test_s3_server_going_down_and_back(s3_server_restartable) -> None:  # type: ignore[no-untyped-def]
    store = make_s3_store(s3_server_restartable.url)
    store.put(PAGE)
    s3_server_restartable.stop()
    with pytest.raises(BackendUnavailable):
        store.put(OTHER)
    s3_server_restartable.start()  # moto forgets everything: buckets must be created again
    store._ready = False
    digest = store.put(OTHER)
    assert store.get(digest) == OTHER
