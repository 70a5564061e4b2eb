"""Tesseract passes (tesserocr, the tesseract library in this process): one call per pass, words with
boxes and confidences back.

Each model is loaded once per process and thread and kept (``_api``): a tesseract process per pass
loaded its model every time (the English model alone ~0.1 s of CPU, a tenth of a sparse page's plain
tesseract), and wrote, read and parsed the image and its TSV. The pixels are handed over as they are;
the words, boxes and confidences are the TSV the ``tesseract`` command writes (the same library, the
same settings: tests/test_tess.py). One single-threaded tesseract per core (``archive_core.runtime``):
OpenMP reads its thread limit once, when tesserocr loads it, so the limit is set before the import.
``TesseractEngine`` is the reader's OCR engine (``ocr.engine.OcrEngine``) on top of these passes.
"""

from __future__ import annotations

import hashlib
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

from archive_core.errors import ConfigError, ExtractionError
from archive_core.runtime import limit_ocr_threads
from scanner_drivers.orientation import osd

from .geometry import Box, Word

limit_ocr_threads()  # before tesserocr loads OpenMP, which reads the limit once
import tesserocr  # noqa: E402

_local = threading.local()  # a tesseract handle serves one thread at a time: one set per thread

DIGITS = "0123456789"
READS_KEPT = 64  # a thread's last passes kept by their pixels and settings (``_tsv``)


def _api(lang: str) -> tesserocr.PyTessBaseAPI:
    """This thread's tesseract handle for ``lang``, the model loaded on first use and kept."""
    apis: dict[str, tesserocr.PyTessBaseAPI] = _local.__dict__.setdefault("apis", {})
    api = apis.get(lang)
    if api is None:
        try:
            api = tesserocr.PyTessBaseAPI(lang=lang, psm=tesserocr.PSM.SINGLE_BLOCK)
        except RuntimeError as e:
            raise ConfigError(
                f"tesseract не зарежда модела „{lang}“ ({tesserocr.get_languages()[0]}): "
                "инсталирайте езиковия пакет (scripts/setup.sh) или поправете настройката ocr_lang"
            ) from e
        # a line read with low confidence is not read again inverted (white on black): the reader's images
        # are dark ink on white paper (flattened, the rules taken out), and the second, inverted reading of
        # every unsure line (a tick, a heading in small print, a smudge) was an eighth of the passes' CPU
        api.SetVariable("tessedit_do_invert", "0")
        apis[lang] = api
    return api


def words(
    image: np.ndarray,
    *,
    lang: str,
    psm: int = 6,
    whitelist: str | None = None,
    offset: tuple[int, int] = (0, 0),
) -> list[Word]:
    """Recognise ``image`` (uint8, dark text on white) and return its words in page coordinates."""
    if image.ndim != 2 or image.dtype != np.uint8 or 0 in image.shape:
        raise ExtractionError(f"OCR приема само непразно 8-битово сиво изображение, не {image.dtype} {image.shape}")
    tsv = _tsv(np.ascontiguousarray(image), lang, psm, whitelist or "")
    ox, oy = offset
    out: list[Word] = []
    # level, page, block, paragraph, line, word, left, top, width, height, confidence, text
    for row in tsv.splitlines():
        f = row.split("\t")
        if len(f) < 12 or not f[11].strip():
            continue
        x, y, bw, bh = int(f[6]), int(f[7]), int(f[8]), int(f[9])
        out.append(
            Word(
                text=f[11].strip(),
                conf=max(0, int(float(f[10]))) / 100.0,  # whole percents, as the command's TSV was read
                box=Box(x + ox, y + oy, x + bw + ox, y + bh + oy),
                line=(int(f[2]), int(f[3]), int(f[4])),
            )
        )
    return out


def _tsv(pixels: np.ndarray, lang: str, psm: int, whitelist: str) -> str:
    """Tesseract's TSV of ``pixels``, the same pixels read with the same settings read once: the reader asks
    for some crops again (a stacked sheet's part holds the whole page's figure cells; the LSTM model keeps
    nothing from one pass to the next, so the answer cannot differ), each such pass a whole pass's CPU. The
    pixels are known by their SHA-1 (the processor's SHA instructions: ~8 ms for a page's 12 MB)."""
    h, w = pixels.shape
    data = pixels.tobytes()
    key = (lang, psm, whitelist, h, w, hashlib.sha1(data, usedforsecurity=False).digest())
    kept: OrderedDict[tuple[object, ...], str] = _local.__dict__.setdefault("tsv", OrderedDict())
    tsv = kept.get(key)
    if tsv is not None:
        kept.move_to_end(key)
        return tsv
    api = _api(lang)
    try:
        api.SetPageSegMode(psm)
        api.SetVariable("preserve_interword_spaces", "0")
        api.SetVariable("tessedit_char_whitelist", whitelist)
        api.SetImageBytes(data, w, h, 1, w)
        tsv = api.GetTSVText(0)
    except RuntimeError as e:
        raise ExtractionError(f"tesseract: {e}") from e
    finally:
        api.Clear()
    kept[key] = tsv
    if len(kept) > READS_KEPT:
        kept.popitem(last=False)
    return tsv


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

    def load(self, *, figures: bool = True) -> None:
        """Load this thread's models now (the figures' model too unless ``figures`` is False): a process
        that loads them before it forks its workers loads them once for all of them."""
        _api(self.lang)
        if figures:
            _api(self.digits_lang)

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
