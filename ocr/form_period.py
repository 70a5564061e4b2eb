"""The period typed on a printed form's blanks, "за месец ........ 19 .. г." (family AP): the month typed a little
above the dotted line after the printed "за месец" (a word, capitals or two digits), the year's last two digits
typed after the printed "19", before the printed "г.". The page's reading loses them: the typing stands higher
than the printed words' line and is cut off or read with the dots ("по", "попа"), the printed small "19" and the
typed "89" come out as one word ("189"): no period on 9 of 16 pages of AP's evaluation.

Where the header has no month or no year and a line above the table holds the printed "за месец", the strip right
of "месец" (as far as a blank and the year reach, up to a typed line's height above the label) is read alone, on
the grey page with the dotted line's dots whitened, and its month and year taken as the header's own lines'
are (``ocr.period`` reads the year again, and the month's doubts are the same). A year read "1dd" (the printed "19"
with its "9" under the typed figures) is "19dd", and goes to a person."""

from __future__ import annotations

import re
from dataclasses import replace

import cv2
import numpy as np
from rapidfuzz.distance import Levenshtein

from .analysis import Analysis
from .engine import OcrEngine
from .geometry import Box, Word
from .header import Header, read_period

LINE_PSM = 7  # tesseract: the image is one line of text
SCALES = (1, 2)
ABOVE = 2.8  # of the label's letter height: how far above the label's foot the typed month and year may reach
BELOW = 0.5  # ... and below it
REACH = 32  # of the label's letter height: how far right of "месец" the blanks and "19 .. г." reach
FAINT = 40  # grey levels under the strip's paper: ink
DOT = 0.25  # of the label's letter height: a mark no higher and little wider is a dot of the dotted line
JUNK = 0.3  # a word of one or two marks (no figures) read with less confidence is a speck or dots, not the period's
_CENTURY_HALVES = ("1", "9")  # what is left of the printed "19" read apart from the typed figures
_CENTURY_UNDER = re.compile(r"1(\d\d)([.,]?(?:г|r)?\.?)")  # "189": the printed "19" with its "9" under "89"


def _label(words: list[Word]) -> tuple[Word, Word] | None:
    """The printed "за" and "месец" of the period's blank, side by side on one line."""
    for m in words:
        if Levenshtein.distance(m.text.lower().strip(".,:"), "месец") > 1:
            continue
        for z in words:
            gap = m.box.x0 - z.box.x1
            if z.text.lower() == "за" and 0 <= gap < 2 * z.box.h and abs(z.box.y1 - m.box.y1) < 2 * z.box.h:
                return z, m
    return None


def _strip(a: Analysis, za: Word, month: Word) -> tuple[np.ndarray, tuple[int, int]]:
    """The grey strip right of "месец" where the month and year are typed, the dotted line's dots whitened."""
    # ("месец" may be read together with the typing over it: "за" is the label's own height)
    h = 1.1 * za.box.h
    foot = za.box.y1
    y0, y1 = max(0, int(foot - ABOVE * h)), min(a.gray.shape[0], int(foot + BELOW * h))
    x0, x1 = month.box.x1 + 2, min(a.gray.shape[1], int(month.box.x1 + REACH * h))
    crop = a.gray[y0:y1, x0:x1].copy()
    if crop.size == 0:
        return crop, (x0, y0)
    ink = (crop < float(np.median(crop)) - FAINT).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    for i in range(1, n):
        w, hh = int(stats[i][cv2.CC_STAT_WIDTH]), int(stats[i][cv2.CC_STAT_HEIGHT])
        if hh <= max(4.0, DOT * h) and w <= max(5.0, 1.2 * DOT * h):
            crop[labels == i] = 255
    return np.ascontiguousarray(crop), (x0, y0)


def _typed_year(words: list[Word]) -> tuple[list[Word], str | None]:
    """``words`` with a year read "1dd" as "19dd" (the printed "19" lost its "9" under the typed figures), or read
    "9" "dd" (half the printed "19" apart) as one word "19dd", and the doubt when one was so read."""
    out: list[Word] = []
    doubt = None
    for w in words:
        m = _CENTURY_UNDER.fullmatch(w.text)
        half = bool(out) and out[-1].text in _CENTURY_HALVES and re.fullmatch(r"\d\d", w.text) is not None
        if doubt is None and half:
            first = out.pop()
            box = Box(first.box.x0, min(first.box.y0, w.box.y0), w.box.x1, max(first.box.y1, w.box.y1))
            doubt = _doubt(f"{first.text} {w.text}", "19" + w.text)
            w = replace(w, text="19" + w.text, box=box)
        elif doubt is None and m is not None:
            doubt = _doubt(w.text, "19" + m.group(1))
            w = replace(w, text="19" + m.group(1) + m.group(2))
        out.append(w)
    return out, doubt


def _doubt(read: str, year: str) -> str:
    return f"годината е прочетена „{read}“ (отпечатано „19“ и написани две цифри): взета {year}"


def _period_at(
    crop: np.ndarray, offset: tuple[int, int], scale: int, label: tuple[Word, Word], engine: OcrEngine
) -> tuple[Header, str | None]:
    """The month and year of the strip read at ``scale`` times its size (boxes on the page), and the year's doubt."""
    big = crop if scale == 1 else cv2.resize(crop, None, fx=scale, fy=scale, interpolation=cv2.INTER_CUBIC)
    read = []
    for w in engine.words(np.ascontiguousarray(big), psm=LINE_PSM):
        if w.conf >= JUNK or sum(ch.isalnum() for ch in w.text) > 2 or w.text.isdigit():
            b = w.box
            box = Box(
                offset[0] + b.x0 // scale,
                offset[1] + b.y0 // scale,
                offset[0] + b.x1 // scale,
                offset[1] + b.y1 // scale,
            )
            read.append(replace(w, box=box))
    read, doubt = _typed_year(read)
    found = Header()
    read_period([*label, *read], found)
    return found, doubt


def read_form_period(a: Analysis, h: Header, words: list[Word], engine: OcrEngine) -> None:
    """Set ``h``'s month and year (those it lacks) from a form's blank "за месец ... 19 .. г." among ``words`` (the
    page's words above the table), read again alone; a year read otherwise than ``h``'s, or a month, leaves ``h``
    as it is."""
    if h.month is not None and h.year is not None:
        return
    label = _label(words)
    if label is None:
        return
    za, month = label
    crop, offset = _strip(a, za, month)
    if crop.size == 0:
        return
    for scale in SCALES:  # (the engine reads the typing at its size, or else twice as large)
        found, doubt = _period_at(crop, offset, scale, (za, month), engine)
        if found.month is not None and found.year is not None:
            break
    else:
        return
    if (h.month is not None and h.month != found.month) or (h.year is not None and h.year != found.year):
        return  # the first reading gave another: no second reading settles it here
    h.month, h.year, h.month_word, h.year_word = found.month, found.year, found.month_word, found.year_word
    h.period_conf, h.month_unsure = found.period_conf, found.month_unsure
    if doubt is not None:
        h.period_review = "; ".join([r for r in (h.period_review, doubt) if r])
