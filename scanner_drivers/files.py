"""File driver: PNG and JPEG files as they are; multi-page TIFF and PDF split into one page each.

Single images are yielded untouched (the original is what is kept). A TIFF with several frames
and a PDF are containers: each page becomes a lossless PNG, with ``container_sha256`` naming the
file it came from. PDFs are rasterised with pypdfium2 at 300 dpi. Page sizes are checked from the
header before anything is decoded or rendered.

A PDF whose pages carry their writing as text (a payroll typed on a computer) is read from its text
(``ingest/born_digital.py``): a one-page file as it is, untouched; a file of several pages one page
at a time, in order, each its own one-page PDF (the file with its other pages taken out, by pdfium;
its identifier made from the file's digest and the page number, so the same file gives the same
pages again), with the whole file kept beside them (``container_bytes``). A page that is only a picture
is rendered for OCR as in a scanned PDF.
"""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path

from PIL import Image, ImageSequence

from archive_core.hashing import sha256_hex

from .base import CSV_TYPE, XLSX_TYPE, CapturedPage, sniff_content_type

PDF_DPI = 300
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".pdf", ".xlsx", ".csv")
TEXT_LAYER_CHARS = 40  # a PDF page with this much text is read from its text, not its picture
PASSWORD = (
    "PDF файлът е защитен с парола и не може да се отвори — поискайте файла без парола"
    " (или го отключете с паролата) и го подайте отново"
)


def expand_paths(paths: Sequence[Path]) -> list[Path]:
    """Files as given, folders replaced by the page files they hold (sorted by name)."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(c for c in p.iterdir() if c.is_file() and c.suffix.lower() in IMAGE_SUFFIXES))
        else:
            out.append(p)
    return out


def _png_bytes(im: Image.Image, dpi: int | None) -> bytes:
    if im.mode not in ("1", "L", "LA", "RGB", "RGBA", "I;16", "I", "P"):
        im = im.convert("RGB")
    buf = io.BytesIO()
    kwargs = {"dpi": (dpi, dpi)} if dpi else {}
    im.save(buf, format="PNG", compress_level=6, **kwargs)
    return buf.getvalue()


def _frame_dpi(im: Image.Image) -> int | None:
    dpi = im.info.get("dpi")
    if isinstance(dpi, tuple) and dpi and dpi[0]:
        try:
            v = round(float(dpi[0]))
        except (TypeError, ValueError):
            return None
        return v if 50 <= v <= 2400 else None
    return None


def has_text_layer(doc, index: int = 0) -> bool:
    """The page carries its writing as text (a payroll typed on a computer), not only a picture."""
    if len(doc) <= index:
        return False
    page = doc[index]
    try:
        textpage = page.get_textpage()
        try:
            return len(textpage.get_text_range().strip()) >= TEXT_LAYER_CHARS
        finally:
            textpage.close()
    finally:
        page.close()


_TRAILER_ID = re.compile(rb"/ID\s*\[\s*<([0-9A-Fa-f]{32})>\s*<([0-9A-Fa-f]{32})>\s*\]")


def single_page_pdf(data: bytes, index: int, container_sha256: str) -> bytes:
    """Page ``index`` of a PDF as a one-page PDF, the same bytes every time: the file with its other
    pages taken out, saved by pdfium (the file's own document information kept). pdfium writes a
    random file identifier; it is replaced (same length, so no offset moves) by one made from the
    container's digest and the page number."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(data)
    try:
        for other in reversed(range(len(doc))):
            if other != index:
                doc.del_page(other)
        buf = io.BytesIO()
        doc.save(buf)
    finally:
        doc.close()
    data = buf.getvalue()
    ids = list(_TRAILER_ID.finditer(data))
    if not ids:
        return data
    found = ids[-1]  # the trailer's
    ident = hashlib.md5(f"{container_sha256}:{index + 1}".encode(), usedforsecurity=False).hexdigest().upper()
    fixed = b"/ID[<" + ident.encode() + b"><" + ident.encode() + b">]"
    fixed += b" " * (found.end() - found.start() - len(fixed))
    return data[: found.start()] + fixed + data[found.end() :]


class FileDriver:
    """Pages from files on disk. ``max_pixels`` bounds every page before it is decoded or rendered."""

    def __init__(self, paths: Sequence[Path], *, max_pixels: int, max_file_bytes: int | None = None) -> None:
        self.paths = list(paths)
        self.max_pixels = max_pixels
        self.max_file_bytes = max_file_bytes

    def pages(self) -> Iterator[CapturedPage]:
        for path in self.paths:
            yield from self.capture_file(path)

    def capture_file(self, path: Path) -> Iterator[CapturedPage]:
        name = str(path)
        if self.max_file_bytes is not None:
            try:
                size = path.stat().st_size
            except OSError:
                size = 0
            if size > self.max_file_bytes:
                # Do not read it; triage refuses it by size. Key it by its first bytes' digest.
                yield CapturedPage(
                    b"",
                    "application/octet-stream",
                    name,
                    problem=f"файлът е твърде голям ({size / 2**20:.1f} MB,"
                    f" най-много {self.max_file_bytes / 2**20:.1f} MB) — сканирайте страницата с 300 dpi",
                )
                return
        try:
            data = path.read_bytes()
        except OSError as e:
            reason = (
                "файлът не съществува" if isinstance(e, FileNotFoundError) else f"файлът не се чете ({e})"
            )
            yield CapturedPage(b"", "application/octet-stream", name, problem=f"{reason} — проверете пътя")
            return
        ctype = sniff_content_type(data) or "application/octet-stream"
        if ctype == "image/tiff":
            yield from self._tiff(data, name)
        elif ctype == "application/pdf":
            yield from self._pdf(data, name)
        elif ctype in (XLSX_TYPE, CSV_TYPE):
            yield CapturedPage(data, ctype, name)  # a born-digital payroll: read from its cells
        else:
            # PNG, JPEG, or not an image at all: the bytes as they are; triage decides.
            yield CapturedPage(data, ctype, name)

    def _problem(self, data: bytes, name: str, page_no: int, reason: str) -> CapturedPage:
        return CapturedPage(data, "application/octet-stream", name, page_no=page_no, problem=reason)

    def _too_big(self, w: int, h: int) -> str | None:
        if w * h > self.max_pixels:
            return (
                f"страницата е твърде голяма: {w}×{h} пиксела (най-много"
                f" {self.max_pixels / 1_000_000:.0f} мегапиксела) — сканирайте страницата с 300 dpi"
            )
        return None

    def _tiff(self, data: bytes, name: str) -> Iterator[CapturedPage]:
        digest = sha256_hex(data)
        Image.MAX_IMAGE_PIXELS = self.max_pixels
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error", Image.DecompressionBombWarning)
                im = Image.open(io.BytesIO(data))
            n = getattr(im, "n_frames", 1)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            yield self._problem(data, name, 1, self._too_big(self.max_pixels + 1, 1) or "")
            return
        except Exception as e:  # Pillow raises many types for corrupt TIFFs
            yield self._problem(
                data, name, 1, f"TIFF файлът е повреден и не се чете ({e}) — копирайте го отново"
            )
            return
        with im:
            if n == 1:
                yield CapturedPage(data, "image/tiff", name)  # a single image: kept untouched
                return
            for i, frame in enumerate(ImageSequence.Iterator(im), start=1):
                too_big = self._too_big(*frame.size)
                if too_big:
                    yield self._problem(data, name, i, f"страница {i}: {too_big}")
                    continue
                try:
                    dpi = _frame_dpi(frame)
                    png = _png_bytes(frame, dpi)
                except Exception as e:
                    yield self._problem(
                        data, name, i, f"страница {i} е повредена ({e}) — сканирайте страницата отново"
                    )
                    continue
                yield CapturedPage(png, "image/png", name, page_no=i, dpi=dpi, container_sha256=digest)

    def _pdf(self, data: bytes, name: str) -> Iterator[CapturedPage]:
        import pypdfium2 as pdfium

        digest = sha256_hex(data)
        try:
            doc = pdfium.PdfDocument(data)
        except Exception as e:  # pdfium.PdfiumError and friends
            if "password" in str(e).lower():
                yield self._problem(data, name, 1, PASSWORD)
                return
            yield self._problem(
                data, name, 1, f"PDF файлът е повреден и не се чете ({e}) — копирайте го отново"
            )
            return
        if len(doc) == 1 and has_text_layer(doc):
            doc.close()
            yield CapturedPage(data, "application/pdf", name)  # born digital: read from its text
            return
        try:
            scale = PDF_DPI / 72.0
            for i in range(len(doc)):
                if has_text_layer(doc, i):  # born digital: this page read from its text
                    try:
                        one = single_page_pdf(data, i, digest)
                    except Exception as e:  # pdfium raises its own error types
                        yield self._problem(
                            data, name, i + 1, f"страница {i + 1} не се отделя от PDF ({e}) — копирайте PDF отново"
                        )
                        continue
                    yield CapturedPage(one, "application/pdf", name, page_no=i + 1, container_sha256=digest,
                                       container_bytes=data)  # fmt: skip
                    continue
                page = doc[i]
                try:
                    w_pt, h_pt = page.get_size()
                    w, h = round(w_pt * scale), round(h_pt * scale)
                    too_big = self._too_big(w, h)
                    if too_big:
                        yield self._problem(data, name, i + 1, f"страница {i + 1}: {too_big}")
                        continue
                    try:
                        pil = page.render(scale=scale).to_pil()
                        png = _png_bytes(pil, PDF_DPI)
                    except Exception as e:
                        yield self._problem(
                            data,
                            name,
                            i + 1,
                            f"страница {i + 1} не се изобразява ({e}) — копирайте PDF отново",
                        )
                        continue
                finally:
                    page.close()
                yield CapturedPage(
                    png, "image/png", name, page_no=i + 1, dpi=PDF_DPI, container_sha256=digest
                )
        finally:
            doc.close()
