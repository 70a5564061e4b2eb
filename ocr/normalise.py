"""From recognised cell text to payroll-page/1 values: ЕГН, names, integers, money.

Tesseract's Cyrillic model reads some digits as look-alike letters and some Cyrillic letters as
Latin ones; these tables undo that where the column's type says which alphabet is right.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal

from archive_core import egn as egn_mod

from .name_case import as_typed, whole_in_capitals

# Letters that stand for digits in a numeric column.
_DIGIT_LOOKALIKES = str.maketrans(
    {
        "О": "0", "о": "0", "O": "0", "o": "0", "Q": "0", "D": "0",
        "З": "3", "з": "3",
        "б": "6", "Б": "6",
        "I": "1", "l": "1", "|": "1", "i": "1", "!": "1", "]": "1", "[": "1",
        "S": "5", "s": "5",
        "B": "8", "В": "8",
        "Ч": "4", "ч": "4",
        "Z": "2", "z": "2",
        "g": "9", "q": "9",
        "T": "7", "Т": "7",
    }
)  # fmt: skip
# Latin letters that look like Cyrillic ones, in a text column.
_LATIN_TO_CYR = str.maketrans(
    {
        "A": "А", "a": "а", "B": "В", "C": "С", "c": "с", "E": "Е", "e": "е", "H": "Н", "K": "К",
        "k": "к", "M": "М", "m": "м", "O": "О", "o": "о", "P": "Р", "p": "р", "T": "Т", "X": "Х",
        "x": "х", "y": "у", "Y": "У", "n": "п", "r": "г", "u": "и", "3": "З", "6": "б", "0": "О",
    }
)  # fmt: skip
_NAME_CHARS = re.compile(r"[^А-Яа-яЁёЍѝ\- ]+")


def digits(text: str) -> str:
    """Only the digits of a numeric cell, look-alike letters read as the digits they resemble."""
    return re.sub(r"\D", "", text.translate(_DIGIT_LOOKALIKES))


def egn(text: str) -> str | None:
    """The cell's ЕГН: its ten digits; or, where a typed rule beside it (`|`, `!` of a typewriter's columns) was
    read as a `1` joined to it (`12607133398`, `16601196842 1`: AH dev 26004 p2, the column lost as an ЕГН's and
    every row's ЕГН with it), the ten digits without that `1` at either end, where those alone pass the check
    digit (both ends passing: which is the ЕГН nothing says, None)."""
    d = digits(text)
    if len(d) == 10:
        return d
    if not 11 <= len(d) <= 2 * RULE_ONES + 10:
        return None
    found = {w for i in range(len(d) - 9) if set(d[:i] + d[i + 10 :]) == {"1"} and i <= RULE_ONES
             and len(d) - i - 10 <= RULE_ONES and egn_mod.is_valid(w := d[i : i + 10])}  # fmt: skip
    return found.pop() if len(found) == 1 else None


RULE_ONES = 2  # `1`s each side of the ЕГН from a typed rule (`|`, `!`, and its `|` read `1` too), at most


ZEROS_BEFORE = 2  # leading zeros a number may be printed with past its digits' most (`0001`: a computing
# centre's listing numbers its rows to four places, AA dev 19003 p6: no row number read, the page in review)


def integer(text: str, *, max_digits: int = 3) -> int | None:
    d = digits(text)
    if not d or len(d.lstrip("0")) > max_digits or len(d) > max_digits + ZEROS_BEFORE:
        return None
    return int(d)


def is_dash(text: str) -> bool:
    t = text.strip().strip(".,'\"“„”`")
    return t in {"-", "–", "—", "--", "=", "_", "~"}


_WHOLE = re.compile(r"^\s*(\d[\d ]*?)\s*[.,=]\s*[-–—]\s*$")  # `150.-`, `150=-`: leva whole, no stotinki
# `.00`, `,05-`, `.00*`: a bookkeeping machine's nought leva printed as nothing before the point (family Z: the
# numeric print unit's files that print nought as ".00"), a deduction's or a total's symbol after it
_NO_LEVA = re.compile(r"^\s*[.,]\s*(\d\d)\s*(?:[-–]|CR|\*{1,2})?\s*$")

# The page being read has its money typed in whole leva (``ocr/whole_leva.py``: family R from 1991, `3 450` is
# 3450.00, `67` is 67.00): set for one page's reading by ``whole_leva.reading_in_whole_leva``, off otherwise.
WHOLE_LEVA: ContextVar[bool] = ContextVar("whole_leva", default=False)
WHOLE_MAX_DIGITS = 8  # a month's pay in whole leva (1996: tens of thousands); ten digits are an ЕГН


def in_whole_leva() -> bool:
    """Is the page being read typed in whole leva (``WHOLE_LEVA``)?"""
    return WHOLE_LEVA.get()


@contextmanager
def money_reading(whole: bool) -> Iterator[None]:
    """Within the block amounts are read in whole leva (``whole``) or with their last two digits the
    stotinki; as before after it."""
    token = WHOLE_LEVA.set(whole)
    try:
        yield
    finally:
        WHOLE_LEVA.reset(token)


def money(text: str) -> str | None:
    """'1 234,56' / '1234.56' / '267..61' -> '1234.56'; a dash -> '0.00'; leva and a dash for the
    stotinki ('150.-', '150=-') -> '150.00'; None when unreadable.

    Every amount on these sheets has two decimals, so the separators themselves are not needed:
    the last two digits are the stotinki. On a page typed in whole leva (``in_whole_leva``) every digit
    is the leva: '3 450' -> '3450.00', '67' -> '67.00'.
    """
    if is_dash(text):
        return "0.00"
    leva = _WHOLE.match(text)
    if leva:
        return f"{int(leva.group(1).replace(' ', ''))}.00"
    stotinki = _NO_LEVA.match(text)
    if stotinki and not in_whole_leva():
        return f"0.{stotinki.group(1)}"
    d = digits(text)
    if in_whole_leva():
        return f"{int(d)}.00" if 1 <= len(d) <= WHOLE_MAX_DIGITS else None
    if len(d) < 3:
        return None
    whole = d[:-2].lstrip("0") or "0"
    return f"{whole}.{d[-2:]}"


def amount(text: str) -> Decimal | None:
    """The amount a cell holds, None where blank or unreadable (no nought for a blank: a total's cell, a sum)."""
    m = money(text) if text.strip() else None
    return Decimal(m) if m is not None else None


def figure_lines(text: str) -> list[str]:
    """The lines of a figure cell that hold a figure (three digits or more, or a dash), top to bottom. Two
    of them: a clerk's correction above the struck-through figure."""
    least = 2 if in_whole_leva() else 3  # (in whole leva `67` is an amount)
    return [t for t in text.split("\n") if len(digits(t)) >= least or is_dash(t)]


def days_of_cell(text: str) -> tuple[int | None, bool]:
    """(the days, corrected?): two lines of one or two digits each (a checker's `23` pencilled over the struck
    typed `22`, AJ dev 28002 p1, read `232` as one): the upper one; else the cell's integer."""
    lines = [t for t in text.split("\n") if 1 <= len(digits(t)) <= 2]
    if len(lines) >= 2 and len(lines) == len([t for t in text.split("\n") if t.strip()]):
        return integer(lines[0]), True
    return integer(text), False


def money_of_cell(text: str) -> tuple[str | None, bool]:
    """(the amount, corrected?): with a correction above a struck-through figure, the correction."""
    lines = figure_lines(text)
    if len(lines) >= 2:
        return money(lines[0]), True
    return money(lines[0] if lines else text), False


def name(text: str) -> str | None:
    """Cyrillic words, single spaces, each word capitalised or in capitals (as typed on the sheet:
    ``name_case``)."""
    t = text.translate(_LATIN_TO_CYR)
    t = _NAME_CHARS.sub(" ", t)
    words = [w.strip("-") for w in t.split()]
    words = [w for w in words if len(w) >= 2 or w.isupper()]
    if not words:
        return None
    return " ".join(whole_in_capitals([as_typed(w) for w in words]))


def text_value(text: str) -> str | None:
    t = text.translate(_LATIN_TO_CYR)
    t = re.sub(r"[^А-Яа-яЁёЍѝ0-9.,\- ]+", " ", t)
    t = " ".join(t.split()).strip(" .,-")
    return t.lower() or None


def quotes(text: str) -> str:
    """Straight or stray quotes around a word -> the Bulgarian „…“ pair."""
    t = re.sub(r"[\"“”„'`]{1,2}(?=\w)", "„", text)
    return re.sub(r"(?<=[\w.])[\"“”„'`]{1,2}", "“", t)
