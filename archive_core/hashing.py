"""sha256, the address of every original: one pattern, one check."""

from __future__ import annotations

import hashlib
import re

from .errors import UsageError

SHA256_PATTERN = r"^[0-9a-f]{64}$"
_SHA256 = re.compile(SHA256_PATTERN)


def is_sha256(value: str) -> bool:
    """A lower-case hex sha256 digest (64 characters): the only form a page or original key takes."""
    return _SHA256.fullmatch(value) is not None


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def check_sha256(value: str) -> str:
    """``value`` as a sha256 digest (lower-cased), or a UsageError naming what was given."""
    value = value.strip().lower() if isinstance(value, str) else value
    if not isinstance(value, str) or not is_sha256(value):
        raise UsageError(f"това не е sha256 отпечатък (64 шестнадесетични знака): {value!r}")
    return value
