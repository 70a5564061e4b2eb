"""The sheet's period read once more where the first reading was unsure: a wrong month or year would count
every row of the sheet in another month, and no row sum or check digit would notice.

- The year, also one not read as a year of the archive ("Г994", "1895"), is read again alone, with the digits model and, when that does not confirm it, with the text model as one
  word of digits. Two readings agree and none gives another year: taken. Else the year the digits model
  reads (else the one most readings give) goes to review with the readings, and the page's people and pay
  may choose among them (``ocr.period_evidence``). No reading gives a year: no period.
- A month written as a number or in Roman numerals read unsure, or with a stroke read as another mark,
  goes to review.
- A month word that lies within two letters of another month too (юни / юли, май / март) goes to review
  when it was read unsure or not letter for letter.

The doubt is ``period.review`` (payroll-page/1 extension) with the words' box; ``ingest.records`` sends the
page's rows to review for their period."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable

import cv2
import numpy as np

from .analysis import Analysis
from .engine import OcrEngine
from .geometry import Box, Word
from .header import MONTHS, YEARS, Header, levenshtein, month_letters
from .normalise import digits
from .printout_header import short_year
from .reading import mosaic_read

SURE = 0.9  # below it a month word is doubted
NEAR = 2  # a month word this close to two months could be either
WORD_PSM = 8  # tesseract: the image is one word


def _without_suffix(text: str) -> str:
    """A year word without its punctuation and the "г." (year) after it."""
    return re.sub(r"(г|год|r)\.?$", "", text.strip(".,:;"))


def as_year(text: str, short: bool = False) -> int | None:
    """The year of the archive a reading of the year word gives: 19xx in 1980-1996, the first two marks
    forced by the range ("Г994", "1895" -> 1994, 1995; "994" with its 1 lost), "г." after it dropped (or
    read as a fifth digit). ``short``: the year is written with two digits ("март '89"), and read so."""
    core = _without_suffix(text)
    if short:
        # the apostrophe before the two digits read as a digit by a model allowed digits only ("184")
        return short_year(core[1:] if len(core) == 3 and core.isdigit() else core)
    if len(core) == 5 and core.startswith("19"):  # "19941": the "г" glued to the year read as a digit
        core = core[:4]
    tail = core[2:] if len(core) == 4 else core[1:] if len(core) == 3 and core[0] == "9" else ""
    if not (len(tail) == 2 and tail.isdigit()):
        return None
    year = 1900 + int(tail)
    return year if YEARS[0] <= year <= YEARS[1] else None


def _read_year(a: Analysis, w: Word, read: Callable[[np.ndarray], list[Word]]) -> str:
    """The year word read again alone by ``read``: its digits."""
    b = w.box
    pad = max(6, b.h // 3)
    (ws,) = mosaic_read(a, [Box(b.x0 - pad, b.y0 - pad, b.x1 + pad, b.y1 + pad)], read)
    return digits("".join(x.text for x in ws))


def _enlarged(read: Callable[[np.ndarray], list[Word]]) -> Callable[[np.ndarray], list[Word]]:
    """``read`` on the image twice as large, the words' boxes back at its size."""

    def big(m: np.ndarray) -> list[Word]:
        ws = read(cv2.resize(m, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC))
        return [Word(w.text, w.conf, Box(w.box.x0 // 2, w.box.y0 // 2, w.box.x1 // 2, w.box.y1 // 2), w.line) for w in ws]

    return big


def _year_again(a: Analysis, h: Header, engine: OcrEngine) -> str | None:
    """The year word read again alone, also when the first reading was sure (a year misread with confidence
    would put every row in another year, unflagged) or found no year of the archive (``h.year`` None:
    "Г994", "1895"): by the digits model; when that does not give the first reading's
    year, by the text model too, as one word of digits (a dot-matrix year the digits model reads '5', J dev
    1007). ``h.year`` becomes the year most readings give (the first's on a tie). Returns the doubt: None
    when two readings give the year and none another, but for a first reading that took a letter for a
    digit ('198!' for 1984). No year in any reading: no period."""
    w = h.year_word
    if w is None:
        return None
    # "март '89": two digits read, two read again (also where they were read as letters: '"ВЗ', S dev 11001 p1)
    short = short_year(w.text) is not None or h.year_short
    first = as_year(w.text, short) if h.year is None else h.year
    second = _read_year(a, w, lambda m: engine.figures(m, whitelist="0123456789"))
    if first is not None and as_year(second, short) == first:
        h.year = first
        return None
    if short and as_year(second, short) is None:
        # two small digits (a dot-matrix "'83" 26 pixels high, S dev 11001 p1): no model reads them at their
        # size; twice as large, the digits model does
        second = _read_year(a, w, _enlarged(lambda m: engine.figures(m, whitelist="0123456789")))
    third = _read_year(a, w, lambda m: engine.words(m, psm=WORD_PSM, whitelist="0123456789"))
    if short and as_year(third, short) is None:
        third = _read_year(a, w, _enlarged(lambda m: engine.words(m, psm=WORD_PSM, whitelist="0123456789")))
    years = [y for y in (first, as_year(second, short), as_year(third, short)) if y is not None]
    if not years:
        h.month, h.month_word, h.year_word, h.month_unsure = None, None, None, None
        return None
    h.year = year = max(dict.fromkeys(years), key=years.count)
    # (a reading of the archive's century, or two digits of a short year: "2983" is no reading of 1983, K dev 3007 p2)
    whole = re.fullmatch(r"\d\d" if short else r"19\d\d", second)
    if whole and (digit_year := as_year(second, short)) is not None and digit_year != year:
        # the readings disagree: the digits model's year, also against the text model's two (K dev 3002 p2:
        # "1988" twice for 1983; K 3004, 3010, M 5007 likewise); the period goes to review all the same
        h.year = year = digit_year
    others = {y for y in years if y != year}
    # a letter read for a digit ("198!"); an apostrophe before a year of two digits ("'94") is none
    lettered = not re.fullmatch(r"\d{4}" if not short else r"['’‘`\"]?\d{2}", _without_suffix(w.text))
    if years.count(year) >= 2 and (not others or (others == {first} and lettered)):
        return None
    if year == first and not others and w.conf >= SURE and not h.year_lost:  # read with confidence, no other year
        return None
    h.year_readings = tuple(dict.fromkeys([year, *years]))  # ``ocr.period_evidence`` may choose among them
    shown = next((r for r in (second, third) if r and as_year(r, short) != first), second)
    return f"годината е прочетена „{w.text}“, при втори прочит „{shown or '?'}“: взета {year}"


def _month_doubt(h: Header) -> str | None:
    w = h.month_word
    if h.month is None or w is None:
        return None
    read = month_letters(w.text)
    if not read:  # a month's number or Roman numeral: one model's reading of a digit or a stroke
        return None if w.conf >= SURE else f"месецът е разчетен „{w.text}“ неуверено и е взет за {h.month}"
    near = [m for m in MONTHS if levenshtein(read, m) <= NEAR]
    if h.last_day is not None and h.year is not None:  # "до 31 яли": only a month of 31 days (юли, not юни)
        days = {m: calendar.monthrange(h.year, k)[1] for k, m in enumerate(MONTHS, 1)}
        near = [m for m in near if days[m] == h.last_day]
    if len(near) < 2 or (read == MONTHS[h.month - 1] and w.conf >= SURE):
        return None
    return (
        f"месецът е разчетен „{w.text}“ и е взет за „{MONTHS[h.month - 1]}“ (близко до „{'“, „'.join(near)}“)"
    )


def confirm(a: Analysis, h: Header, engine: OcrEngine) -> None:
    """Set ``h.period_review`` (and the words' box) when the period as read is in doubt."""
    doubts: list[str] = []
    boxes: list[Box] = []
    again = _year_again(a, h, engine)
    if again is not None and h.year_word is not None:
        doubts.append(again)
        boxes.append(h.year_word.box)
    if h.month_unsure is not None and h.month_word is not None:
        doubts.append(h.month_unsure)
        boxes.append(h.month_word.box)
    if h.range_doubt is not None and h.month_word is not None and h.month is not None:
        # the period's dates disagree: no second reading of one of them settles it
        doubts.append(h.range_doubt)
        boxes.append(h.month_word.box)
    if (month := _month_doubt(h)) is not None and h.month_word is not None:
        doubts.append(month)
        boxes.append(h.month_word.box)
    if doubts:  # (after a doubt an earlier stage had: ``ocr.title_block``'s)
        h.period_review = "; ".join(([h.period_review] if h.period_review else []) + doubts)
        h.period_bbox = a.transform.box_to_original(
            Box(
                min(b.x0 for b in boxes),
                min(b.y0 for b in boxes),
                max(b.x1 for b in boxes),
                max(b.y1 for b in boxes),
            )
        )
