"""A page upright beyond doubt at a glance (the capture checks' first witness, ``scanner_drivers.
orientation.upright_at_a_glance``): its text lines run across and the writing sits in the upper part of
the sheet. A reading that finds few valid ЕГН on such a page is not a page fed turned (a face the model
reads poorly, dashed rules the grid misses): reading it three more times turned, and its turned halves,
cannot give the sheet and cost three times the CPU of plain tesseract (issue 9, family J). Only a page
that fails this glance is turned and read again (``extract.extract_image``). Nor is a page whose
reading as given found people's names on most rows (``names_read``): text read the wrong way up never
gives two words of the name lexicon in a row, and a sheet whose ЕГН are boxed digit by digit, spread over
a dusty scan, can fail the glance (N dev 6013: read four times turned and in halves, 10.9 s CPU against
plain tesseract's 1.8 s, the reading as given kept).
"""

from __future__ import annotations

import numpy as np

from archive_core.records import PayrollPage
from scanner_drivers import capture_checks, orientation

from . import names, preprocess
from .engine import OcrEngine
from .geometry import Word

NAMED_SHARE = 0.6  # rows with a person's name read (two words of the lexicon) that make a reading upright
MIN_NAMED = 3  # and at least this many such rows


def at_a_glance(image: np.ndarray, dpi: int | None) -> bool:
    """True when ``image`` (as given, grey or BGR) is a payroll the right way up at a glance."""
    return glance(image, dpi)[0]


def glance(image: np.ndarray, dpi: int | None) -> tuple[bool, bool]:
    """(upright at a glance, text lines surely across) of ``image`` as given. Lines that surely run across
    (``orientation.line_axis`` at least AXIS_SURE; sheets measure 0.7-1.3) are not of a page fed sideways:
    turned a quarter its lines would run down. A page whose table fills the sheet to its foot fails the
    glance by its ink's weight alone (AA dev 19005: every page read at three more turns, 64 s of CPU on
    p1 against plain tesseract's 3.6 s); it is read turned upside down only, not sideways."""
    small = capture_checks.working_copy(preprocess.to_gray(image), dpi)
    _, text = capture_checks.split_rules(capture_checks.ink_mask(small))
    axis = orientation.line_axis(text)
    return orientation.upright_at_a_glance(axis, text), axis is not None and axis >= orientation.AXIS_SURE


def upside_down_ruled_out(image: np.ndarray, dpi: int | None, engine: OcrEngine) -> bool:
    """The page's densest lines read as they lie beat them turned by 180° by STRIP_SURE points of mean word
    confidence, as the capture checks decide a page is not upside down (``orientation.strip_reading``): a
    page whose lines run across is then not read again turned (AA dev 19005: 25-33 against 11-14, each
    turned reading 10-20 s of CPU)."""
    gray = preprocess.to_gray(image)
    small = capture_checks.working_copy(gray, dpi)
    _, text = capture_checks.split_rules(capture_checks.ink_mask(small))
    strip = orientation.densest_lines(gray, text, dpi)
    if strip is None:
        return False
    as_is = _mean_confidence(engine.words(strip, psm=6))
    turned = _mean_confidence(engine.words(np.ascontiguousarray(np.rot90(strip, 2)), psm=6))
    return as_is - turned >= orientation.STRIP_SURE


def _mean_confidence(words: list[Word]) -> float:
    """Mean word confidence in points (weighted by the letters and digits of words of two or more)."""
    total = weight = 0.0
    for w in words:
        n = sum(ch.isalnum() for ch in w.text)
        if n >= 2:
            total += 100 * w.conf * n
            weight += n
    return total / weight if weight else 0.0


def names_read(page: PayrollPage) -> bool:
    """The reading as given found a person's name (two words or more of the name lexicon: given names,
    patronymics, surnames) on most of its rows, and on three rows at least: the text was read upright."""
    named = named_rows(page)
    return named >= MIN_NAMED and named >= NAMED_SHARE * len(page.rows)


def upright_by_names(page: PayrollPage) -> bool:
    """The reading as given found a person's name (two words or more of the name lexicon) on ``MIN_NAMED``
    rows at least, however few of its rows they are: text read turned a quarter or upside down never gives
    two lexicon words in a row, and a turned reading found better (more valid ЕГН by chance) would be wrong.
    A typed table whose ЕГН and names the models read poorly (family AB: 9-18 of 41-43 rows named, no valid
    ЕГН) failed the glance and was read three more times turned and in halves, 25 s of CPU a page against
    5-6 s, the reading as given kept every time (AB dev 20005 p2, p3)."""
    return named_rows(page) >= MIN_NAMED


def named_rows(page: PayrollPage) -> int:
    """The rows whose name has two words or more of the name lexicon (given names, patronymics, surnames)."""
    lexicon = names.lexicon() | names.patronymics()
    return sum(1 for r in page.rows if r.name and sum(w in lexicon for w in r.name.split()) >= 2)
