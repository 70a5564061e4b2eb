"""The one image intake: every page image that enters the system (ingest, `archive extract`,
`archive tables`, the benchmarks) passes these checks and is decoded here, and only here.

Triage refuses bad input before anything is stored, with one Bulgarian line naming the file, the
reason and what to do.

Checks, cheapest first: empty file, too large a file, not an image (magic bytes, never the file
name), too many pixels (from the header, before any pixel is decoded), too small, and finally a
full decode (truncated or corrupt data).
"""

from __future__ import annotations

import io
import struct
import warnings
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, UnidentifiedImageError

from archive_core.config import Settings
from archive_core.errors import InputFileError

from .base import PNG_MAGIC, sniff_content_type

MIN_SIDE = 500  # a payroll sheet at any usable resolution is far larger than this
RESCAN = "сканирайте страницата отново"
RESCAN_300 = "сканирайте страницата с 300 dpi"


@dataclass(frozen=True)
class ImageInfo:
    content_type: str
    width: int
    height: int
    dpi: int | None
    mode: str


def _fail(name: str, reason: str, todo: str) -> InputFileError:
    return InputFileError(f"{name}: {reason} — {todo}")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def set_pixel_limit(max_pixels: int) -> None:
    """Make Pillow's own decompression-bomb guard agree with the settings."""
    Image.MAX_IMAGE_PIXELS = max_pixels


def png_header_size(data: bytes) -> tuple[int, int] | None:
    """Width and height from a PNG's IHDR, without decoding anything."""
    if len(data) >= 24 and data.startswith(PNG_MAGIC) and data[12:16] == b"IHDR":
        w, h = struct.unpack(">II", data[16:24])
        return int(w), int(h)
    return None


def _too_many(name: str, w: int | None, h: int | None, max_pixels: int) -> InputFileError:
    limit = f"най-много {max_pixels / 1_000_000:.0f} мегапиксела"
    size = f"{w}×{h} пиксела" if w and h else "над допустимия брой пиксели"
    return _fail(name, f"изображението е твърде голямо: {size} ({limit})", RESCAN_300)


def check_file(data: bytes, *, name: str, max_file_bytes: int) -> str:
    """Checks that need no image library: empty, too large, not a supported type. Returns the type."""
    if not data:
        raise _fail(name, "файлът е празен (0 байта)", RESCAN)
    if len(data) > max_file_bytes:
        raise _fail(
            name,
            f"файлът е твърде голям ({_mb(len(data))}, най-много {_mb(max_file_bytes)})",
            RESCAN_300,
        )
    ctype = sniff_content_type(data)
    if ctype is None:
        raise _fail(
            name,
            "файлът не е изображение (очаква се PNG, JPEG, TIFF или PDF)",
            "проверете дали е избран верният файл",
        )
    return ctype


def _dpi(im: Image.Image) -> int | None:
    dpi = im.info.get("dpi")
    if isinstance(dpi, tuple) and dpi and dpi[0]:
        try:
            value = round(float(dpi[0]))
        except (TypeError, ValueError):
            return None
        return value if 50 <= value <= 2400 else None
    return None


def open_header(data: bytes, *, name: str, max_pixels: int) -> Image.Image:
    """Open an image reading only its header: a PNG's pixel count is checked before Pillow sees it,
    every other format's by Pillow's bomb guard set to ``max_pixels``. Nothing is decoded yet."""
    hdr = png_header_size(data)
    if hdr is not None and hdr[0] * hdr[1] > max_pixels:
        raise _too_many(name, hdr[0], hdr[1], max_pixels)
    set_pixel_limit(max_pixels)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            im = Image.open(io.BytesIO(data))
            w, h = im.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        w0, h0 = hdr or (None, None)
        raise _too_many(name, w0, h0, max_pixels) from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, struct.error) as e:
        raise _fail(name, f"изображението е повредено и не се чете ({e})", RESCAN) from None
    if w * h > max_pixels:
        im.close()
        raise _too_many(name, w, h, max_pixels)
    return im


def image_dpi(im: Image.Image) -> int | None:
    return _dpi(im)


def triage(data: bytes, *, name: str, settings: Settings) -> ImageInfo:
    """Accept one page image or raise InputFileError. Decodes it fully once (in memory, bounded
    by ``settings.max_pixels``) so that a truncated file is refused here, not in a worker."""
    ctype = check_file(data, name=name, max_file_bytes=settings.max_file_bytes)
    if ctype == "application/pdf":
        raise _fail(name, "PDF файл не е една страница", "подайте PDF файла като цяло, не като страница")
    im = open_header(data, name=name, max_pixels=settings.max_pixels)
    w, h = im.size
    with im:
        if min(w, h) < MIN_SIDE:
            raise _fail(
                name,
                f"изображението е твърде малко: {w}×{h} пиксела (поне {MIN_SIDE} на страна)",
                RESCAN_300,
            )
        if getattr(im, "n_frames", 1) > 1:
            raise _fail(name, "файлът съдържа няколко страници", "подайте го като цял файл за разделяне")
        try:
            im.load()
        except Exception as e:  # Pillow raises OSError/SyntaxError/ValueError/zlib.error for bad data
            detail = (
                "данните свършват преждевременно" if "truncated" in str(e) else f"{type(e).__name__}: {e}"
            )
            raise _fail(name, f"изображението е непълно или повредено ({detail})", RESCAN) from None
        return ImageInfo(content_type=ctype, width=w, height=h, dpi=_dpi(im), mode=im.mode)


COLOUR_MODES = ("RGB", "RGBA")  # Pillow's modes of an image OpenCV never decodes to one 8-bit grey plane


def decode_image(data: bytes, *, name: str, mode: str | None = None) -> np.ndarray:
    """The page as OpenCV decodes it: uint8 grayscale for grey originals, BGR otherwise (alpha and
    16-bit depth dropped). The one decoder of page images. ``mode``: Pillow's mode from the header, when
    read: a colour image is then decoded once, as BGR, not first as it is stored and then again (a
    colour page's decode was twice the grey's, ~0.05 s of CPU: issue 9, family V)."""
    buf = np.frombuffer(data, dtype=np.uint8)
    image = None if mode in COLOUR_MODES else cv2.imdecode(buf, cv2.IMREAD_UNCHANGED)
    if image is None or image.dtype != np.uint8 or image.ndim != 2:
        image = cv2.imdecode(buf, cv2.IMREAD_COLOR)
    if image is None:
        raise _fail(name, "изображението не се декодира (повреден или непълен файл)", RESCAN)
    return image


def read_image(path: Path, *, max_file_bytes: int, max_pixels: int) -> tuple[np.ndarray, int | None]:
    """Read and decode an image file after the same checks as triage (empty, too large, not an image,
    too many pixels read from the header); its resolution from the header when it has one."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputFileError(f"{path}: не може да се прочете ({e.strerror})") from e
    check_file(data, name=str(path), max_file_bytes=max_file_bytes)
    with open_header(data, name=str(path), max_pixels=max_pixels) as im:
        dpi, mode = image_dpi(im), im.mode
    return decode_image(data, name=str(path), mode=mode), dpi
