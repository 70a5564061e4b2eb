"""What every scanner driver yields: one captured page with its capture metadata."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
TIFF_MAGICS = (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")
PDF_MAGIC = b"%PDF-"


def sniff_content_type(data: bytes) -> str | None:
    """The content type from the magic bytes (never from the file name); None if not one we take."""
    if data.startswith(PNG_MAGIC):
        return "image/png"
    if data.startswith(JPEG_MAGIC):
        return "image/jpeg"
    if data.startswith(TIFF_MAGICS):
        return "image/tiff"
    # PDF allows some junk before the header; real scanners' PDFs start with it.
    if PDF_MAGIC in data[:1024]:
        return "application/pdf"
    return None


@dataclass(frozen=True)
class CapturedPage:
    """One page as captured.

    ``image_bytes`` is the original, untouched, for single images (PNG/JPEG files, scanner output);
    for pages of a multi-page TIFF or PDF it is one lossless PNG per page, and ``container_sha256``
    is the digest of the file they came from. ``problem`` is set (a Bulgarian reason) when the
    driver could not even split/read the source: ``image_bytes`` then holds the source's bytes as
    read, so the page can still be accounted for in the ledger.
    """

    image_bytes: bytes
    content_type: str
    source: str
    page_no: int = 1
    dpi: int | None = None
    container_sha256: str | None = None
    problem: str | None = None


@runtime_checkable
class ScannerDriver(Protocol):
    """A source of pages: files on disk, a SANE scanner, ..."""

    def pages(self) -> Iterator[CapturedPage]:
        """Yield each captured page in order. A source that cannot be read yields a page with
        ``problem`` set instead of raising, so the other sources carry on."""
        ...
