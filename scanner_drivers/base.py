"""What every scanner driver yields: one captured page with its capture metadata."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from archive_core.errors import ArchiveError

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
TIFF_MAGICS = (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")
PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CSV_TYPE = "text/csv"


def _looks_csv(data: bytes) -> bool:
    """Text in lines with the same number (>= 3) of ; , or tab separated fields: a spreadsheet export."""
    head = data[:20000]
    if b"\x00" in head:
        return False
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = head.decode("cp1251")
        except UnicodeDecodeError:
            return False
    lines = [ln for ln in text.splitlines()[:20] if ln.strip()]
    if len(lines) < 2:
        return False
    for sep in (";", ",", "\t"):
        counts = [ln.count(sep) for ln in lines]
        if max(counts) >= 2 and sum(c == max(counts) for c in counts) >= max(2, len(counts) // 2):
            return True
    return False


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
    if data.startswith(ZIP_MAGIC) and b"xl/" in data[:65536]:
        return XLSX_TYPE
    if _looks_csv(data):
        return CSV_TYPE
    return None


class ScannerError(ArchiveError):
    """The scanner stopped or refused (empty feeder, jam, unreachable): one Bulgarian line with what to do.
    Pages scanned before it are kept."""

    exit_code = 6


@dataclass(frozen=True)
class CapturedPage:
    """One page as captured.

    ``image_bytes`` is the original, untouched, for single images (PNG/JPEG files, scanner output);
    for pages of a multi-page TIFF or PDF it is one lossless PNG per page, and ``container_sha256``
    is the digest of the file they came from (for the pages of a multi-page text PDF, one-page PDFs,
    with the file itself in ``container_bytes``). ``problem`` is set (a Bulgarian reason) when the
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
    # the whole file a born-digital page was taken from, kept untouched in the store beside its pages
    container_bytes: bytes | None = field(default=None, repr=False, compare=False)


@runtime_checkable
class ScannerDriver(Protocol):
    """A source of pages: files on disk, a SANE scanner, ..."""

    def pages(self) -> Iterator[CapturedPage]:
        """Yield each captured page in order. A source that cannot be read yields a page with
        ``problem`` set instead of raising, so the other sources carry on."""
        ...
