"""The period written as the month's first and last day ("от 01.08.1992 до 31.08.1992 г.", family N): the
month and year are written twice, so the two dates must agree, and the last day must be the month's last.

- Two dates that give the same month and year: that month and year. The month's word (a piece of the
  second date) carries the surer of the two readings' confidence: two readings agree.
- Only one date read as a date, or two that disagree, or a last day of 28-31 that is not the month's last
  (``31.06``): the month goes to a person with the reason (``RangeRead.doubt``; ``ocr.period`` keeps it
  whatever a second reading of the month's numeral says).

The year is a piece of the date as a word of its own, so that ``ocr.period`` reads it again alone."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace

from .geometry import Box, Word

_DATE = re.compile(r"(\d{1,2})[.,](\d{1,2})[.,](\d{4})")
# a day and a Roman month, the year after the last: "1.IX", "30.IX.1984" ("1.ТХ", "30.1Х.1384" as read)
_ROMAN_DATE = re.compile(r"(\d{1,2})[.,]([IVXІХхxУуТт1l|]{1,5})(?:[.,](\S{4,6}))?\.?")
ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")  # the months as Roman numerals
# the text model's readings of a numeral's strokes (as ``ocr.roman_month`` takes them)
_STROKES = str.maketrans({"У": "V", "у": "V", "Т": "I", "т": "I", "1": "I", "І": "I", "l": "I", "|": "I",
                          "Х": "X", "х": "X", "x": "X"})  # fmt: skip


@dataclass(frozen=True)
class RangeRead:
    month: int
    year: int | None  # None: the year's digits are no year of the archive as read ("1384"): read again
    month_word: Word  # the month's digits of the date the period is taken from
    year_word: Word  # its year's digits
    doubt: str | None  # why a person should check the month (None: the two dates agree)


@dataclass(frozen=True)
class _Date:
    day: int
    month: int
    year: int | None
    word: Word
    span: tuple[int, int, int, int]  # where the month and the year start and end in the word's text


def _piece(w: Word, start: int, end: int, conf: float) -> Word:
    """The part ``w.text[start:end]`` as a word of its own, its box cut in proportion to the letters."""
    n = max(1, len(w.text))
    x0 = w.box.x0 + round(w.box.w * start / n)
    x1 = w.box.x0 + round(w.box.w * end / n)
    return replace(w, text=w.text[start:end], conf=conf, box=Box(x0, w.box.y0, max(x1, x0 + 1), w.box.y1))


def _year(text: str, years: tuple[int, int]) -> int | None:
    """The year a date's last part gives: four digits of the archive's years ("1384", a worn "9": None, the
    year is read again by ``ocr.period``)."""
    core = re.sub(r"(г|год|r)?\.?$", "", text.strip(".,:;"))
    return int(core) if re.fullmatch(r"\d{4}", core) and years[0] <= int(core) <= years[1] else None


def _roman(text: str) -> int | None:
    """The month a Roman numeral's strokes give as the text model reads them ("ТХ", "1Х": IX); None when
    they give none, or are digits only (a number, not a numeral)."""
    if text.isdigit():
        return None
    roman = text.translate(_STROKES)
    return ROMAN_MONTHS.index(roman) + 1 if roman in ROMAN_MONTHS else None


def _dates(line: list[Word], years: tuple[int, int]) -> list[_Date]:
    out = []
    for w in line:
        if m := _DATE.search(w.text):
            day, month, year = int(m.group(1)), int(m.group(2)), _year(m.group(3), years)
            if 1 <= month <= 12 and (year is not None or re.fullmatch(r"\d{4}", m.group(3))):
                out.append(_Date(day, month, year, w, (m.start(2), m.end(2), m.start(3), m.end(3))))
        elif (m := _ROMAN_DATE.fullmatch(w.text.rstrip(",:;"))) and (numeral := _roman(m.group(2))) is not None:
            year = _year(m.group(3), years) if m.group(3) else None
            span = (
                (m.start(2), m.end(2), m.start(3), m.end(3)) if m.group(3) else (m.start(2), m.end(2), -1, -1)
            )
            out.append(_Date(int(m.group(1)), numeral, year, w, span))
    return out


# a fax's digits read as letters in a date ("й1.й9.1992", "Зй.09.1992"): the same length, so the date's spans hold
_DIGIT_LOOKALIKES = str.maketrans({"й": "0", "Й": "0", "О": "0", "о": "0", "З": "3", "з": "3"})
_DAY_MONTH = re.compile(r"\S{1,2}[.,]\S{1,2}[.,]")


def _as_digits(line: list[Word]) -> list[Word]:
    """The line's dates with a fax's look-alikes as digits, a date's day and month joined to the year written
    apart ("й1.й9. 1992"); the other words as they are."""
    out: list[Word] = []
    for w in line:
        text = w.text.translate(_DIGIT_LOOKALIKES)
        if out and _DAY_MONTH.fullmatch(out[-1].text) and re.fullmatch(r"\d{4}\S*", text):
            a = out.pop()
            box = Box(a.box.x0, min(a.box.y0, w.box.y0), w.box.x1, max(a.box.y1, w.box.y1))
            out.append(replace(a, text=a.text + text, conf=min(a.conf, w.conf), box=box))
        elif text != w.text and re.fullmatch(r"[\d.,]+\S?", text) and sum(ch.isdigit() for ch in w.text) >= 2:
            out.append(replace(w, text=text))
        else:
            out.append(w)
    return out


def dated_range(line: list[Word], years: tuple[int, int]) -> RangeRead | None:
    """The month and year of a line that writes the period as dates ("от 01.08.1992 до 31.08.1992 г.", "за
    периода 1.IX - 30.IX.1984 г."); None when the line holds no date with a year. A date read with a fax's
    look-alikes for digits ("й1.й9.1992") goes to a person."""
    digits = _as_digits(line)
    found = _dated_range(digits, years)
    if found is None or digits == line:
        return found
    shown = " ".join(w.text for w in line)
    lookalike = f"датите на периода са прочетени с букви вместо цифри: „{shown}“"
    return replace(found, doubt="; ".join(d for d in (found.doubt, lookalike) if d))


def _dated_range(line: list[Word], years: tuple[int, int]) -> RangeRead | None:
    dates = _dates(line, years)
    if not dates or dates[-1].span[2] < 0:
        return None
    last = dates[-1]
    ms, me, ys, ye = last.span
    doubt = None
    if len(dates) == 1:
        doubt = f"периодът е прочетен от една дата „{last.word.text}“: месецът не е потвърден от втората"
    elif len({d.month for d in dates}) > 1 or len({d.year for d in dates if d.year is not None}) > 1:
        shown = " – ".join(d.word.text for d in dates)
        doubt = f"датите на периода не са за един и същ месец: „{shown}“"
    elif 28 <= last.day <= 31 and last.day != calendar.monthrange(last.year or 1985, last.month)[1]:
        doubt = f"последният ден „{last.word.text}“ не е последният ден на месеца: месецът може да е друг"
    conf = max(d.word.conf for d in dates) if doubt is None else min(d.word.conf for d in dates)
    year = next((d.year for d in reversed(dates) if d.year is not None), None) if doubt is None else last.year
    return RangeRead(
        last.month, year, _piece(last.word, ms, me, conf), _piece(last.word, ys, ye, last.word.conf), doubt
    )
