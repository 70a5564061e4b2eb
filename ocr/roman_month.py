"""The month in Roman numerals ("за м. VI 1988 г.", "за месец VII.1991 г."), read again with the figures'
model: the text model reads the numeral's strokes as Cyrillic letters and digits ("УТ", "У1Т1", "1М")
and the header finds no month, or takes "1" for a month where "III" was typed.

- No month on the period's line (``Header.period_line``): the line is read again by the figures' model
  with only Roman numerals, digits and separators allowed; the numeral just before the year is the month.
  It is sure only when the first reading, its look-alikes taken as strokes ("У" V, "Т" I, "Х" X, "П" II),
  gives the same numeral; else the month goes to a person with both readings.
- A month read as a number or a numeral is read again the same way, alone: a reading that gives another
  month sends it to a person; one that gives the same numeral letter for letter takes the first
  reading's doubt away (two models agree).

The year stays the first reading's (``ocr.period`` reads it again)."""

from __future__ import annotations

import re
from dataclasses import replace

import cv2
import numpy as np

from .analysis import Analysis
from .engine import OcrEngine
from .fill_dots import undotted
from .geometry import Box, Word
from .header import Header, month_as_number
from .period import SURE, as_year
from .period_range import ROMAN_MONTHS

NUMERALS = "IVX0123456789.-/"  # what the second reading may read on the period's line
# the text model's readings of a numeral's strokes: Cyrillic look-alikes, a stroke as a digit or a bar
_STROKES = str.maketrans({"У": "V", "у": "V", "Т": "I", "т": "I", "1": "I", "І": "I", "l": "I", "|": "I",
                          "Х": "X", "х": "X", "x": "X", "v": "V", "Ш": "III", "!": "I"})  # fmt: skip
_BEFORE_YEAR = re.compile(r"([IVX1]+?)[.\-/]?(\d{4})(?!\d)")


BORDER = 20  # white around the crop: the figures' model misses a numeral at the crop's very edge ("Х-": "-")


def _crop(a: Analysis, box: Box, side: int) -> tuple[np.ndarray, tuple[int, int]]:
    """The box with half a letter above and below and ``side`` pixels left and right, in a white border; and
    where the bordered crop's corner stands on the page."""
    m = max(6, box.h // 2)
    y0, x0 = max(0, box.y0 - m), max(0, box.x0 - side)
    crop = a.clean[y0 : box.y1 + m, x0 : box.x1 + side]
    bordered = cv2.copyMakeBorder(crop, BORDER, BORDER, BORDER, BORDER, cv2.BORDER_CONSTANT, value=255)
    return np.ascontiguousarray(bordered), (x0 - BORDER, y0 - BORDER)


def _span(words: list[Word] | tuple[Word, ...]) -> Box:
    return Box(min(w.box.x0 for w in words), min(w.box.y0 for w in words),
               max(w.box.x1 for w in words), max(w.box.y1 for w in words))  # fmt: skip


def numeral_before_year(text: str, year: str | None = None) -> str | None:
    """The Roman numeral of a month just before a year in a reading of the period's line ("3.VI1988." ->
    "VI"; a stroke read as "1" is a stroke: "X1.1993" -> "XI"); None when there is none. With ``year`` (the
    first reading's), that year may have digits after it: the word after it ("за VII месец 1980 година" read
    "3VII198020": "месец" left out by the figures' model, "година" read as digits; V dev 14024 p1)."""
    pattern = _BEFORE_YEAR if year is None else re.compile(rf"([IVX1]+?)[.\-/]?({year})")
    for m in pattern.finditer(undotted(text)):  # a form's dotted blank filled in: "....V....19..88.."
        roman = m.group(1).replace("1", "I")
        if any(ch in "IVX" for ch in m.group(1)) and roman in ROMAN_MONTHS:
            return roman
        # the slash before the year read as a stroke ("VIIV1994" for VII/1994): the numeral before it
        if m.group(0)[len(m.group(1)) - 1 : len(m.group(1))] in "IV" and roman[:-1] in ROMAN_MONTHS and len(roman) >= 3:
            return roman[:-1]
    return None


def _as_strokes(words: list[Word]) -> str:
    """The first reading of what stands between the period's context and its year, as a numeral's strokes."""
    return "".join(re.sub(r"[^IVX]", "", w.text.translate(_STROKES)) for w in words)


def _year_word(line: tuple[Word, ...]) -> tuple[int, Word] | None:
    """The word of the line that holds the year (its index) and the year's part of it: "1988", "У1Т1.1981 г."
    -> "1981" (a box cut as the letters are)."""
    for i, w in enumerate(line):
        m = re.search(r"(\d{4})(г|год|r)?\.?$", w.text.strip(".,:;"))
        if m and as_year(m.group(1)) is not None:
            if m.start() == 0:
                return i, w
            cut = w.box.x0 + round(w.box.w * m.start() / len(w.text))
            return i, replace(w, text=w.text[m.start() :], box=Box(cut, w.box.y0, w.box.x1, w.box.y1))
    return None


def _read(a: Analysis, box: Box, engine: OcrEngine, side: int) -> list[Word]:
    crop, (x0, y0) = _crop(a, box, side)
    if crop.shape[0] <= 2 * BORDER or crop.shape[1] <= 2 * BORDER:
        return []
    ws = engine.figures(crop, whitelist=NUMERALS)
    return [replace(w, box=Box(w.box.x0 + x0, w.box.y0 + y0, w.box.x1 + x0, w.box.y1 + y0)) for w in ws]


def _month_found(a: Analysis, h: Header, engine: OcrEngine) -> None:
    line = h.period_line
    found = _year_word(line)
    if found is None:
        return
    at, year = found
    ws = _read(a, _span(line), engine, _span(line).h)
    read = "".join(w.text for w in ws)
    roman = numeral_before_year(read) or numeral_before_year(read, year.text[:4])
    if roman is None:
        if not _number_found(line, ws, year, h):  # the line's opening read as digits too ("за" as "34": "3403.1994")
            _number_found(line, _read(a, _span(_around_year(line, at, year)), engine, year.box.h // 3), year, h)
        return
    first = _as_strokes([w for w in line[:at] if w.box.x1 > year.box.x0 - 6 * year.box.h][-2:])
    if year is not line[at]:  # the numeral glued to the year: "У1Т1.1981"
        first += _as_strokes([replace(year, text=line[at].text[: -len(year.text)])])
    # a mark of the word before the year that is no stroke of a numeral ("И!" for VIII): what it stood for is
    # unknown, the numeral read again may have lost it as the first reading did ("Х!" for XI, both "X")
    strokes = line[at - 1].text.translate(_STROKES) if at > 0 and year is line[at] else ""
    if re.search(r"[IVX]", strokes) and re.search(r"[^IVX.,\-/]", strokes):  # (not "месец", "м." before it)
        first += "?"
    holder = next((w for w in ws if roman in w.text.replace("1", "I")), None)
    box = holder.box if holder is not None else year.box
    h.month = ROMAN_MONTHS.index(roman) + 1
    h.month_word = Word(roman, 1.0 if first == roman else min(w.conf for w in ws), box)
    h.year_word = year
    if first != roman:
        shown = " ".join(w.text for w in line)
        h.month_unsure = f"месецът в римски цифри: „{shown}“, при втори прочит „{roman}“ ({h.month})"


_NUMBER_BEFORE_YEAR = re.compile(r"(?<!\d)(\d{1,2})[./-](\d{4})(?!\d)")


def _as_month(number: str) -> int | None:
    """A month's number as read; its leading zero read as a 6, 8 or 9 (a fax's coarse dots: "86" for 06) is a zero."""
    if len(number) == 2 and number[0] in "689" and number[1] != "0":
        number = "0" + number[1]
    return int(number) if 1 <= int(number) <= 12 else None


def _around_year(line: tuple[Word, ...], at: int, year: Word) -> tuple[Word, ...]:
    """The year's word and the word before it (where the month's number stands: "за 03.1994 г."), or the year's
    word alone when the month is glued to it ("03.1994")."""
    return line[at - 1 : at + 1] if at > 0 and year is line[at] else line[at : at + 1]


def _number_found(line: tuple[Word, ...], ws: list[Word], year: Word, h: Header) -> bool:
    """The month as a number before the year in the second reading of the period's line ("за м. 06/1994", "Месец:
    11.1993") where the first reading gave none ("86/1994", "0571995": a fax's dots): taken when the second reading
    gives the first one's year, and always in doubt (one reading gave it); True when so taken."""
    text = "".join(w.text for w in ws)
    found = [m for m in _NUMBER_BEFORE_YEAR.finditer(text) if _as_month(m.group(1)) is not None]
    if len(found) != 1 or as_year(found[0].group(2)) is None or found[0].group(2) != year.text[:4]:
        return False
    month = _as_month(found[0].group(1))
    assert month is not None
    holder = next((w for w in ws if found[0].group(0) in w.text), None)
    h.month = month
    h.month_word = Word(found[0].group(1), min(w.conf for w in ws), holder.box if holder is not None else year.box)
    h.year_word = year
    shown = " ".join(w.text for w in line)
    h.month_unsure = f"месецът е разчетен „{shown}“, при втори прочит „{text}“: взет {month}"
    return True


def _month_again(a: Analysis, h: Header, engine: OcrEngine) -> None:
    w = h.month_word
    assert w is not None
    ws = _read(a, w.box, engine, w.box.h // 3)
    text = "".join(x.text for x in ws)
    again = month_in(text)
    if again is None:
        return
    if (ROMAN_MONTHS.index(again) + 1 if again in ROMAN_MONTHS else int(again)) != h.month:
        h.month_unsure = f"месецът е разчетен „{w.text}“, при втори прочит „{text}“: взет {h.month}"
    elif h.year_short and not (again == w.text.strip(".,:;/-") and again in ROMAN_MONTHS and set(again) - {"I"}):
        # "за м. VII/85 г." in a clerk's hand: a stroke both models lose ("У1" and "VI" for VII, T dev 12035 p2),
        # a numeral of strokes alone ("1" for II) or one read with a look-alike stays in doubt however read again
        h.month_unsure = h.month_unsure or f"месецът е разчетен „{w.text}“, при втори прочит „{text}“: взет {h.month}"
    elif again in ROMAN_MONTHS or again == w.text.strip(".,:;/-"):  # two models read the same numeral or number
        h.month_unsure = None  # ("111" taken for III, and the figures' model reads "III")
        h.month_word = replace(w, conf=max(w.conf, SURE))


def month_in(text: str) -> str | None:
    """The month a reading of the month's word alone gives, as read: a numeral ("X-3": the year's first
    digit beside it), else the one number of one or two digits; None when neither or several."""
    parts = [p for p in re.split(r"[.\-/\s]+", text) if p]
    roman = [p for p in parts if p in ROMAN_MONTHS]
    numbers = [p for p in parts if p.isdigit() and len(p) <= 2 and 1 <= int(p) <= 12]
    return roman[0] if len(roman) == 1 else numbers[0] if not roman and len(numbers) == 1 else None


def _slashed_month(a: Analysis, h: Header, engine: OcrEngine) -> None:
    """The month of "за м. VIII/93 г." where the first reading read no numeral before the slash ("М/9З": a hand's
    V): its strokes read again alone; the month so found always goes to a person (one reading only)."""
    w = h.month_word
    assert w is not None
    ws = _read(a, w.box, engine, w.box.h // 3)
    text = "".join(x.text for x in ws)
    again = month_in(text.split("/")[0])
    if again is None:
        return
    h.month = ROMAN_MONTHS.index(again) + 1 if again in ROMAN_MONTHS else int(again)
    h.month_unsure = f"месецът в римски цифри: „{w.text}“, при втори прочит „{text}“ ({h.month})"


def read_again(a: Analysis, h: Header, engine: OcrEngine) -> None:
    """Set the month written in Roman numerals (or as a number) where the first reading found none or
    may have misread its strokes; ``h.month_unsure`` says why a person should check it."""
    if h.month is None and h.month_word is not None and h.year_short:
        _slashed_month(a, h, engine)
    elif h.month is None and h.period_line:
        _month_found(a, h, engine)
    elif h.month is not None and h.month_word is not None and month_as_number(h.month_word.text)[0] is not None:
        _month_again(a, h, engine)
