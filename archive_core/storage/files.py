"""Embedded original store: content-addressed files ``originals/ab/cd/<sha256>``, write-once.

Writes go to a temporary file in the same folder, are fsynced, verified and then renamed into
place, so a crash never leaves a half-written original under its digest. Files are made read-only.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import IntegrityError, NotFoundError, UsageError
from ..hashing import is_sha256, sha256_hex

_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]{0,300}$")


def _check_digest(sha256: str) -> str:
    if not is_sha256(sha256):
        raise UsageError(f"това не е sha256 отпечатък: {sha256!r}")
    return sha256


def _atomic_write(path: Path, data: bytes, mode: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class FileStore:
    def __init__(self, originals_dir: Path, derivatives_dir: Path) -> None:
        self.originals_dir = originals_dir
        self.derivatives_dir = derivatives_dir
        originals_dir.mkdir(parents=True, exist_ok=True)
        derivatives_dir.mkdir(parents=True, exist_ok=True)

    def _path(self, sha256: str) -> Path:
        _check_digest(sha256)
        return self.originals_dir / sha256[:2] / sha256[2:4] / sha256

    def put(self, data: bytes, *, content_type: str = "application/octet-stream") -> str:
        digest = sha256_hex(data)
        path = self._path(digest)
        if path.exists():
            return digest  # write-once: the same bytes are already there
        _atomic_write(path, data, 0o444)
        return digest

    def read_unverified(self, sha256: str) -> bytes:
        path = self._path(sha256)
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise NotFoundError(f"original {sha256} is not in the store") from None

    def get(self, sha256: str) -> bytes:
        data = self.read_unverified(sha256)
        if sha256_hex(data) != sha256:
            raise IntegrityError(f"original {sha256} no longer matches its digest (run 'archive fixity')")
        return data

    def exists(self, sha256: str) -> bool:
        return self._path(sha256).exists()

    def digests(self) -> Iterator[str]:
        for p in sorted(self.originals_dir.glob("*/*/*")):
            if is_sha256(p.name):
                yield p.name

    def _derivative_path(self, key: str) -> Path:
        if not _KEY.match(key) or ".." in key.split("/"):
            raise UsageError(f"bad derivative key: {key!r}")
        return self.derivatives_dir / key

    def put_derivative(self, key: str, data: bytes, *, content_type: str = "image/png") -> None:
        _atomic_write(self._derivative_path(key), data, 0o644)

    def get_derivative(self, key: str) -> bytes:
        try:
            return self._derivative_path(key).read_bytes()
        except FileNotFoundError:
            raise NotFoundError(f"derivative {key} is not in the store") from None
