"""What the reader asks of an OCR engine, as a small Protocol: the words of an image, the figures of a
mosaic of cells, and which way up a page is. The tesseract implementation is ``ocr.tess.TesseractEngine``;
tests hand a fake. One engine is made where a program starts (``engine_from_settings``) and passed down.
"""

from __future__ import annotations

from typing import Protocol

import numpy as np

from archive_core.config import Settings

from .geometry import Word
from .tess import TesseractEngine


class OcrEngine(Protocol):
    def words(
        self,
        image: np.ndarray,
        *,
        psm: int = 6,
        whitelist: str | None = None,
        offset: tuple[int, int] = (0, 0),
    ) -> list[Word]:
        """Words of ``image`` (uint8, dark text on white) read with the text model, boxes shifted by
        ``offset`` into page coordinates; ``whitelist`` limits the characters (a mosaic of figures)."""
        ...

    def figures(self, image: np.ndarray, *, whitelist: str) -> list[Word]:
        """Words of a mosaic of figure cells (one cell per line) read with the digits model."""
        ...

    def orientation(self, gray: np.ndarray, *, dpi: int) -> int:
        """Quarter turns (counter-clockwise, as numpy.rot90 counts) that put the page upright; 0 if unsure."""
        ...


def engine_from_settings(settings: Settings) -> OcrEngine:
    """The tesseract engine with the settings' models (``ocr_lang``, ``ocr_digits_lang``)."""
    return TesseractEngine(lang=settings.ocr_lang, digits_lang=settings.ocr_digits_lang)
