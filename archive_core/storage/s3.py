"""Original store on MinIO / S3 through the ``minio`` client.

* Object key = sha256 hex of the bytes; originals and derivatives live in two buckets.
* Every upload sends the digest twice: ``x-amz-checksum-sha256`` (base64; MinIO and AWS reject the
  PUT with BadDigest/XAmzContentChecksumMismatch when the body differs) and, over plain HTTP with
  credentials, the signed ``x-amz-content-sha256`` that minio-py computes itself. The stored object is
  then read back and re-hashed, because not every server checks those headers (moto does not). A
  mismatching version is deleted again and the upload refused, so nothing half-written remains under
  the digest. A single PUT (no multipart) is used for originals: an object appears whole or not at all.
* The originals bucket is created with object lock (which also turns versioning on); a server that
  refuses object lock gets a plain bucket with versioning enabled, and a server that refuses
  versioning too is used as it is (``S3Store.object_lock`` / ``.versioning`` tell which). No default
  retention period is set here: that is the archive's policy, set on the bucket by its operator (or
  pass ``retention_days`` to lock each original in GOVERNANCE mode).
* A server that does not answer -> ``BackendUnavailable`` (retryable) with the endpoint in the message.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import urllib3
from minio import Minio
from minio.commonconfig import ENABLED, GOVERNANCE
from minio.error import InvalidResponseError, MinioException, S3Error, ServerError
from minio.helpers import MIN_PART_SIZE, DictType
from minio.retention import Retention
from minio.versioningconfig import VersioningConfig

from ..config import Settings
from ..errors import ArchiveError, BackendUnavailable, ConfigError, IntegrityError, NotFoundError, UsageError
from ..hashing import is_sha256, sha256_hex

_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,300}$")
_MISSING = {"NoSuchKey", "NoSuchObject", "NoSuchVersion", "NotFound", "ResourceNotFound"}
_DIGEST_MISMATCH = {"BadDigest", "InvalidDigest", "XAmzContentSHA256Mismatch", "XAmzContentChecksumMismatch"}
_ACCESS = {"AccessDenied", "InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidToken", "ExpiredToken"}
_ALREADY = {"BucketAlreadyOwnedByYou", "BucketAlreadyExists"}


def _check_digest(sha256: str) -> str:
    if not is_sha256(sha256):
        raise UsageError(f"това не е sha256 отпечатък: {sha256!r}")
    return sha256


def _check_key(key: str) -> str:
    if not _KEY.match(key) or ".." in key.split("/"):
        raise UsageError(f"неправилен ключ на производен файл: {key!r}")
    return key


class S3Store:
    """``OriginalStore`` on an S3 server. Buckets are created (or checked) on first use."""

    def __init__(
        self,
        client: Minio,
        bucket: str,
        derivatives_bucket: str,
        *,
        endpoint: str,
        retention_days: int | None = None,
    ) -> None:
        if bucket == derivatives_bucket:
            raise ConfigError(
                f"оригиналите и производните файлове трябва да са в различни кофи (и двете са {bucket!r})"
            )
        self.client = client
        self.bucket = bucket
        self.derivatives_bucket = derivatives_bucket
        self.endpoint = endpoint
        self.retention_days = retention_days
        self.object_lock = False
        self.versioning = False
        self._ready = False

    @classmethod
    def from_settings(cls, settings: Settings, *, retention_days: int | None = None) -> S3Store:
        endpoint = settings.s3_endpoint
        if not endpoint:
            raise ConfigError("ARCHIVE_S3_ENDPOINT не е зададен")
        secure = settings.s3_secure
        for scheme, is_secure in (("https://", True), ("http://", False)):
            if endpoint.startswith(scheme):
                endpoint, secure = endpoint[len(scheme) :], is_secure
        endpoint = endpoint.rstrip("/")
        http = urllib3.PoolManager(
            timeout=urllib3.Timeout(connect=5.0, read=120.0),
            retries=urllib3.Retry(total=3, backoff_factor=0.2, status_forcelist=[500, 502, 503, 504]),
            maxsize=16,
        )
        try:
            client = Minio(
                endpoint,
                access_key=settings.s3_access_key,
                secret_key=settings.s3_secret_key,
                secure=secure,
                region=settings.s3_region,
                http_client=http,
            )
        except ValueError as e:
            raise ConfigError(f"неправилен ARCHIVE_S3_ENDPOINT {settings.s3_endpoint!r}: {e}") from None
        return cls(
            client,
            settings.s3_bucket,
            settings.s3_derivatives_bucket,
            endpoint=endpoint,
            retention_days=retention_days,
        )

    # -- errors ------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _errors(self, what: str) -> Iterator[None]:
        """Translate client/transport failures into the project's errors."""
        try:
            yield
        except ArchiveError:
            raise
        except S3Error as e:
            if e.code in _MISSING:
                raise NotFoundError(f"{what}: няма го в хранилището S3 ({self.endpoint})") from None
            if e.code in _ACCESS:
                raise ConfigError(
                    f"{what}: сървърът S3 {self.endpoint} отказа достъп ({e.code}); проверете "
                    "ARCHIVE_S3_ACCESS_KEY и ARCHIVE_S3_SECRET_KEY"
                ) from None
            if e.code in _DIGEST_MISMATCH:
                raise IntegrityError(
                    f"{what}: байтовете се промениха по пътя към S3 ({e.code}); нищо не е записано"
                ) from None
            if e.code in {"SlowDown", "ServiceUnavailable", "InternalError", "RequestTimeout"}:
                raise BackendUnavailable(
                    f"{what}: сървърът S3 {self.endpoint} е претоварен ({e.code}); опитайте пак"
                ) from None
            raise ArchiveError(
                f"{what}: сървърът S3 {self.endpoint} върна грешка {e.code}: {e.message}"
            ) from None
        except (ServerError, InvalidResponseError) as e:
            raise BackendUnavailable(
                f"{what}: сървърът S3 {self.endpoint} не отговаря правилно ({e}); опитайте пак"
            ) from None
        except (urllib3.exceptions.HTTPError, OSError) as e:
            raise BackendUnavailable(
                f"{what}: сървърът S3 {self.endpoint} не отговаря ({type(e).__name__}); опитайте пак по-късно"
            ) from None
        except MinioException as e:
            raise ArchiveError(f"{what}: грешка от клиента S3: {e}") from None

    # -- buckets -----------------------------------------------------------------------------------

    def ensure(self) -> None:
        """Create both buckets if missing: originals with object lock (or at least versioning)."""
        if self._ready:
            return
        with self._errors("създаване на кофите"):
            self._ensure_originals_bucket()
            if not self.client.bucket_exists(self.derivatives_bucket):
                self._make_bucket(self.derivatives_bucket, object_lock=False)
        self._ready = True

    def _make_bucket(self, name: str, *, object_lock: bool) -> None:
        try:
            self.client.make_bucket(name, object_lock=object_lock)
        except S3Error as e:
            if e.code not in _ALREADY:
                raise

    def _ensure_originals_bucket(self) -> None:
        if not self.client.bucket_exists(self.bucket):
            try:
                self._make_bucket(self.bucket, object_lock=True)
            except S3Error as e:
                if e.code in _ACCESS:
                    raise
                self._make_bucket(self.bucket, object_lock=False)  # server without object lock
        try:
            lock = self.client.get_object_lock_config(self.bucket)
            self.object_lock = lock is not None
        except S3Error:
            self.object_lock = False
        try:
            status = self.client.get_bucket_versioning(self.bucket).status
            if status != ENABLED:
                self.client.set_bucket_versioning(self.bucket, VersioningConfig(ENABLED))
                status = self.client.get_bucket_versioning(self.bucket).status
            self.versioning = status == ENABLED
        except S3Error as e:
            if e.code in _ACCESS:
                raise
            self.versioning = False  # server without versioning: used as it is

    # -- originals ---------------------------------------------------------------------------------

    def _stat(self, bucket: str, key: str) -> Any | None:
        try:
            return self.client.stat_object(bucket, key)
        except S3Error as e:
            if e.code in _MISSING:
                return None
            raise

    def put(self, data: bytes, *, content_type: str = "application/octet-stream") -> str:
        self.ensure()
        raw = hashlib.sha256(data).digest()
        digest = raw.hex()
        what = f"запис на оригинал {digest[:12]}"
        with self._errors(what):
            existing = self._stat(self.bucket, digest)
            if existing is not None:
                if existing.size != len(data):
                    raise IntegrityError(
                        f"{what}: в хранилището вече има обект с този отпечатък, но с друг размер "
                        "(пуснете 'archive fixity')"
                    )
                return digest  # write-once: the same bytes are already there
            headers: DictType = {
                "x-amz-checksum-sha256": base64.b64encode(raw).decode("ascii"),
                "sha256": digest,
            }
            retention = None
            if self.retention_days and self.object_lock:
                until = datetime.now(UTC).replace(microsecond=0) + timedelta(days=self.retention_days)
                retention = Retention(GOVERNANCE, until)
            result = self.client.put_object(
                self.bucket,
                digest,
                io.BytesIO(data),
                len(data),
                content_type=content_type,
                metadata=headers,
                part_size=max(MIN_PART_SIZE, len(data)),  # one PUT: the object appears whole or not at all
                retention=retention,
            )
            self._verify_upload(digest, result.version_id, what)
        return digest

    def _verify_upload(self, digest: str, version_id: str | None, what: str) -> None:
        """Read the stored version back and re-hash it; remove it again if it does not match."""
        resp = self.client.get_object(self.bucket, digest, version_id=version_id)
        try:
            stored = resp.read()
        finally:
            resp.close()
            resp.release_conn()
        if sha256_hex(stored) == digest:
            return
        with contextlib.suppress(S3Error):
            self.client.remove_object(self.bucket, digest, version_id=version_id)
        raise IntegrityError(f"{what}: записаните в S3 байтове не съвпадат с отпечатъка; записът е отменен")

    def read_unverified(self, sha256: str) -> bytes:
        _check_digest(sha256)
        self.ensure()
        with self._errors(f"оригинал {sha256}"):
            resp = self.client.get_object(self.bucket, sha256)
            try:
                return resp.read()
            finally:
                resp.close()
                resp.release_conn()

    def get(self, sha256: str) -> bytes:
        data = self.read_unverified(sha256)
        if sha256_hex(data) != sha256:
            raise IntegrityError(
                f"оригинал {sha256} вече не съвпада с отпечатъка си (пуснете 'archive fixity')"
            )
        return data

    def exists(self, sha256: str) -> bool:
        _check_digest(sha256)
        self.ensure()
        with self._errors(f"оригинал {sha256}"):
            return self._stat(self.bucket, sha256) is not None

    def digests(self) -> Iterator[str]:
        self.ensure()
        with self._errors("списък на оригиналите"):  # S3 lists keys in order, page by page
            for obj in self.client.list_objects(self.bucket, recursive=True):
                if obj.object_name and is_sha256(obj.object_name):
                    yield obj.object_name

    # -- derivatives -------------------------------------------------------------------------------

    def put_derivative(self, key: str, data: bytes, *, content_type: str = "image/png") -> None:
        _check_key(key)
        self.ensure()
        raw = hashlib.sha256(data).digest()
        with self._errors(f"запис на производен файл {key}"):
            self.client.put_object(
                self.derivatives_bucket,
                key,
                io.BytesIO(data),
                len(data),
                content_type=content_type,
                metadata={"x-amz-checksum-sha256": base64.b64encode(raw).decode("ascii")},
                part_size=max(MIN_PART_SIZE, len(data)),
            )

    def get_derivative(self, key: str) -> bytes:
        _check_key(key)
        self.ensure()
        with self._errors(f"производен файл {key}"):
            resp = self.client.get_object(self.derivatives_bucket, key)
            try:
                return resp.read()
            finally:
                resp.close()
                resp.release_conn()
