"""The backends' Protocols. Each has an embedded default (no server) and a real-server implementation;
one contract test suite (tests/contract/) runs against both. Implementations are chosen in
``archive_core.backends`` from the settings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from .records import PersonMonth


@runtime_checkable
class OriginalStore(Protocol):
    """Originals, content-addressed by sha256 and write-once; derivatives kept apart."""

    def put(self, data: bytes, *, content_type: str = "application/octet-stream") -> str:
        """Store bytes under their sha256 (verified on the way in) and return the hex digest.
        Storing the same bytes again is a no-op. Raises BackendUnavailable if the server is down;
        on any failure nothing half-written remains under the digest."""
        ...

    def get(self, sha256: str) -> bytes:
        """The original bytes; NotFoundError if absent, IntegrityError if they no longer match."""
        ...

    def exists(self, sha256: str) -> bool: ...

    def digests(self) -> Iterator[str]:
        """Every stored original's digest (for fixity)."""
        ...

    def read_unverified(self, sha256: str) -> bytes:
        """The stored bytes as they are (for fixity: the caller re-hashes)."""
        ...

    def put_derivative(self, key: str, data: bytes, *, content_type: str = "image/png") -> None:
        """Derivatives (deskewed image, thumbnail, overlay) live apart from originals; overwritable."""
        ...

    def get_derivative(self, key: str) -> bytes: ...


@dataclass(frozen=True)
class SearchQuery:
    egn: str | None = None
    name: str | None = None
    employer: str | None = None
    period_from: tuple[int, int] | None = None  # (year, month) inclusive
    period_to: tuple[int, int] | None = None
    limit: int = 200


@runtime_checkable
class RecordIndex(Protocol):
    """Search over person-month records. Addressed by PersonMonth.id: a retry overwrites."""

    def ensure(self) -> None:
        """Create the index (and alias) if missing."""
        ...

    def upsert(self, records: Sequence[PersonMonth]) -> None: ...

    def delete_page(self, page_sha256: str) -> None: ...

    def search(self, query: SearchQuery) -> list[PersonMonth]:
        """ЕГН exact; name tolerant to case, to one or two misread letters and to Latin spelling;
        employer by words; period inclusive. Best matches first, then by period."""
        ...

    def count(self) -> int: ...

    def rebuild(self, records: Iterable[PersonMonth]) -> int:
        """Build a fresh index from ``records`` and switch searches to it atomically; returns count."""
        ...

    def refresh(self) -> None:
        """Make everything upserted so far visible to search."""
        ...


@runtime_checkable
class JobQueue(Protocol):
    """Page jobs. A job carries only the page's sha256 (no local paths, nothing pickled but a str)."""

    def enqueue_page(self, page_sha256: str) -> None: ...

    def run_until_done(self, page_sha256s: Sequence[str], *, timeout: float | None = None) -> None:
        """Block until every page listed has left queued/processing (in-process: do the work here)."""
        ...
