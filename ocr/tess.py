"""Tesseract passes (pytesseract): one call per pass, words with boxes and confidences back.

Each pass is one tesseract process on one image; the image is written once as uncompressed 8-bit BMP
so nothing is re-encoded (leptonica reads a PGM one pixel per fread: a fifth of a pass's CPU on a page;
a BMP in one read). One single-threaded tesseract per core (``archive_core.runtime``).
``TesseractEngine`` is the reader's OCR engine (``ocr.engine.OcrEngine``) on top of these passes.
"""

from __future__ import annotations

import shlex
import tempfile
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pytesseract

from archive_core.errors import ConfigError, ExtractionError
from archive_core.runtime import limit_ocr_threads
from scanner_drivers.orientation import osd

from .geometry import Box, Word

DIGITS = "0123456789"


def _config(psm: int, whitelist: str | None, extra: str) -> str:
    cfg = f"--psm {psm} -c preserve_interword_spaces=0"
    if whitelist:
        cfg += f" -c tessedit_char_whitelist={shlex.quote(whitelist)}"  # (an apostrophe among them)
    return (cfg + " " + extra).strip()


def words(
    image: np.ndarray,
    *,
    lang: str,
    psm: int = 6,
    whitelist: str | None = None,
    offset: tuple[int, int] = (0, 0),
    extra: str = "",
) -> list[Word]:
    """Recognise ``image`` (uint8, dark text on white) and return its words in page coordinates."""
    limit_ocr_threads()
    with tempfile.TemporaryDirectory(prefix="archive-ocr-") as tmp:
        path = Path(tmp) / "pass.bmp"
        if not cv2.imwrite(str(path), image):
            raise ExtractionError("неуспешен запис на временно изображение за OCR")
        try:
            data = pytesseract.image_to_data(
                str(path),
                lang=lang,
                config=_config(psm, whitelist, extra),
                output_type=pytesseract.Output.DICT,
            )
        except pytesseract.TesseractNotFoundError as e:
            raise ConfigError("tesseract не е инсталиран — изпълнете scripts/setup.sh") from e
        except pytesseract.TesseractError as e:
            raise ExtractionError(f"tesseract: {e.message or e}") from e
    ox, oy = offset
    out: list[Word] = []
    for i, text in enumerate(data["text"]):
        t = (text or "").strip()
        if not t:
            continue
        conf = float(data["conf"][i])
        x, y, w, h = data["left"][i], data["top"][i], data["width"][i], data["height"][i]
        out.append(
            Word(
                text=t,
                conf=max(0.0, conf) / 100.0,
                box=Box(x + ox, y + oy, x + w + ox, y + h + oy),
                line=(data["block_num"][i], data["par_num"][i], data["line_num"][i]),
            )
        )
    return out


def orientation(gray: np.ndarray, *, dpi: int = 300) -> int:
    """Quarter turns (counter-clockwise, as numpy.rot90 counts) that put the page upright; 0 if unsure.
    Tesseract's orientation detector, the one the capture checks ask (``scanner_drivers.orientation.osd``)."""
    return osd(gray, dpi)[0]


@dataclass(frozen=True)
class TesseractEngine:
    """The OCR engine on tesseract: ``lang`` reads text (and second readings of figures), ``digits_lang``
    the first reading of the figures' columns. Plain strings: a worker process can be handed one."""

    lang: str
    digits_lang: str

    def words(
        self,
        image: np.ndarray,
        *,
        psm: int = 6,
        whitelist: str | None = None,
        offset: tuple[int, int] = (0, 0),
    ) -> list[Word]:
        return words(image, lang=self.lang, psm=psm, whitelist=whitelist, offset=offset)

    def figures(self, image: np.ndarray, *, whitelist: str) -> list[Word]:
        return words(image, lang=self.digits_lang, psm=6, whitelist=whitelist)

    def orientation(self, gray: np.ndarray, *, dpi: int) -> int:
        return orientation(gray, dpi=dpi)
