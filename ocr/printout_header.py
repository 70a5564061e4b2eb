"""A computer centre's printout's header (family P): what stands above the client's header and beside its
name is neither the employer nor the period.

- The centre's line: its name ("ТИЦ – ЛОВЕЧ", "ИЗЧИСЛИТЕЛЕН ЦЕНТЪР КЪМ ОНС – ВРАЦА") on the left, the run's
  date ("ДАТА 05.04.1989", "ОБРАБОТЕНО НА 5.4.89") on the right: no employer's name, no period.
- The client's code before the employer's name ("КЛИЕНТ 0123", "ПРЕДПРИЯТИЕ N 8127", "ОБЕКТ 0045"; a
  district computing centre's listing, family AA: "ПОТРЕБИТЕЛ 0289", "ОРГ. 9021", "ШИФЪР 0232", "ПРЕДПР. КОД 5317"):
  no part of the name.
- The holes of the tractor strips read as letters ("е") down both sides, where the film's frame puts them well inside
  the image (family AA): no words.
- The employer typed in the top-right corner, the sheet's number on the left ("Л. № 10 ... ДИП „БАЛКАН“
  ТРОЯН"): the words right of the gap are the name.
- A year of two digits after the month ("за м. март 89 г.", "МАРТ '89"): the archive's years are 1980-1996,
  so "89" is 1989 (``ocr.period`` reads it again all the same)."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
from rapidfuzz.distance import Levenshtein

from .geometry import Word

_LATIN = str.maketrans({"A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О",
                        "P": "Р", "T": "Т", "X": "Х", "a": "а", "c": "с", "e": "е", "o": "о", "p": "р",
                        "x": "х", "y": "у"})  # fmt: skip
# the centres' abbreviations (информационен / изчислителен център: ИЦ, ТИЦ, МИЦ, ИОЦ) and the words of their names
CENTRE_FORMS = ("ИЦ", "ТИЦ", "МИЦ", "ИОЦ", "ОИЦ", "ЕИЦ")
CENTRE_WORDS = ("ИЗЧИСЛИТЕЛЕН", "ИНФОРМАЦИОНЕН", "ТЕРИТОРИАЛЕН", "ЦЕНТЪР")
RUN_WORDS = ("ДАТА", "ОБРАБОТЕНО")  # the run's date: "ДАТА 05.04.1989", "ОБРАБОТЕНО НА 5.4.89"
# the job line's word beside a date anywhere on it: "ЕС-1022 ПРОГРАМА ТРЗ040 ДАТА 12.03.86" (not "ДАТА" alone: a
# firm's line may end in the day it was printed, "Фирма „Х“ ООД   Дата: 05.04.1994")
JOB_WORDS = ("ПРОГРАМА",)
# the labels of the client's code (a short one only as printed, a letter of a longer one misread, two of a long one)
CLIENT_LABELS = ("КЛИЕНТ", "ПРЕДПРИЯТИЕ", "ОБЕКТ", "ПОТРЕБИТЕЛ", "ШИФЪР", "ОРГ", "ОРГАНИЗАЦИЯ", "ПРЕДПР", "КОД")
_DATE = re.compile(r"\d{1,2}[.,]\d{1,2}[.,]?(\d{2,4})?[.,]?")
_SHORT_YEAR = re.compile(r"['’‘`\"]?(\d{2})(?:[гГrR]|год)?\.?,?")
SHORT_YEARS = (80, 96)  # the archive's years (1980-1996) written with two digits


def _letters(text: str) -> str:
    return re.sub(r"[^А-Я]", "", text.translate(_LATIN).upper())


def short_year(text: str) -> int | None:
    """The year a word writes with two digits ("89", "'89", "89г.", "89Г."), 1980-1996; else None."""
    m = _SHORT_YEAR.fullmatch(text.strip())
    if m is None:
        return None
    n = int(m.group(1))
    return 1900 + n if SHORT_YEARS[0] <= n <= SHORT_YEARS[1] else None


def _near(word: str, targets: tuple[str, ...], limit: int) -> bool:
    return any(
        abs(len(word) - len(t)) <= limit and Levenshtein.distance(word, t, score_cutoff=limit) <= limit
        for t in targets
    )


# marks this close to the page's sides (the tractor strips' holes read "е", "Ф", "оф") are no words: ending
# left of 3.5 % of the page's width, beginning right of 95 % (the sheets' margins are wider)
EDGE_LEFT, EDGE_RIGHT = 0.035, 0.95


def edge_mark(w: Word, page_width: int) -> bool:
    """A word of two letters or fewer at the page's very side: a hole of the tractor strips, not text (its middle
    in the left strip: a hole read as wide as itself, P dev 8011 p3: "Ф" over x 51-101 of 2480, kept before the
    client's code, which then stood in the name)."""
    return sum(ch.isalnum() for ch in w.text) <= 2 and (
        w.box.cx < EDGE_LEFT * page_width or w.box.x0 > EDGE_RIGHT * page_width
    )


def parts(line: list[Word], page_width: int) -> list[list[Word]]:
    """A line's words in groups parted by gaps wider than four letters' height (the left and right corners),
    without the marks at the page's sides."""
    line = [w for w in line if not edge_mark(w, page_width)]
    if not line:
        return []
    h = float(np.median([w.box.h for w in line]))
    out = [[line[0]]]
    for a, b in zip(line, line[1:], strict=False):
        if b.box.x0 - a.box.x1 > 4 * h:
            out.append([b])
        else:
            out[-1].append(b)
    return out


def _centre_name(group: list[Word]) -> bool:
    """Does a group of words begin with a computer centre's name ("ТИЦ", "ИОЦ „ЕЛЕКТРОНИКА“", "ИЗЧИСЛИТЕЛЕН
    ЦЕНТЪР")? A three-letter abbreviation ending in "Ц" one letter from a centre's ("ИБЦ") is one too."""
    first = _letters(group[0].text)
    if first in CENTRE_FORMS or (len(first) == 3 and first.endswith("Ц") and _near(first, CENTRE_FORMS, 1)):
        return True
    return any(len(_letters(w.text)) >= 5 and _near(_letters(w.text), CENTRE_WORDS, 2) for w in group[:3])


def _run_date(group: list[Word]) -> bool:
    """Is a group of words the run's date: "ДАТА"/"ОБРАБОТЕНО" (a letter or two misread) or a date of three
    numbers ("05.04.1989", "5.4.89")?"""
    first = _letters(group[0].text)
    text = "".join(w.text for w in group)
    # (a word a letter or two from the run's word stands for it with a figure of the date beside it: alone, "щата"
    # read off a mouse's bite at the right of a hotel's name is no "ДАТА", AJ dev 28019 p1, the name's line skipped)
    if len(first) >= 4 and (first in RUN_WORDS or (_near(first, RUN_WORDS, 2 if len(first) > 5 else 1) and any(ch.isdigit() for ch in text))):
        return True
    return re.search(r"\d{1,2}[.,]\d{1,2}[.,]\d{2,4}", text) is not None


def centre_line(line: list[Word], page_width: int) -> bool:
    """Is ``line`` the computer centre's: its name on the left, the run's date in the right corner, or a date
    of three numbers beside the job's words anywhere on it ("ОИЦ - СЛИВЕН  ЕС-1022  ПРОГРАМА ТРЗ040  ДАТА
    12.03.86", family AA: its centre misread "ОХРЪЖЕН ИЗЧ." and its date in the middle of the line, taken for
    the employer)?"""
    groups = parts(line, page_width)
    if not groups:
        return False
    left = [g for g in groups if g[0].box.x0 < 0.4 * page_width]
    right = [g for g in groups if g[0].box.x0 >= 0.6 * page_width]
    return (bool(left) and _centre_name(left[0])) or (bool(right) and _run_date(right[-1])) or _job_words(line)


def _job_words(line: list[Word]) -> bool:
    """A date of three numbers ("10.12.84") and the job's word ("ПРОГРАМА", a letter or two misread) on the line:
    the centre's job line, whatever its centre's name was read as."""
    dated = any(re.fullmatch(r"\d{1,2}[.,]\d{1,2}[.,]\d{2,4}[.,]?", w.text.strip()) for w in line)
    return dated and any(
        len(_letters(w.text)) >= 4 and _near(_letters(w.text), JOB_WORDS, 1 if len(_letters(w.text)) <= 5 else 2)
        for w in line
    )


def _label_limit(label: str) -> int:
    """How many letters of a client's label may be misread: none of a short one ("ОРГ", "КОД": "ОДЗ" is a
    kindergarten's form), one of "ШИФЪР", two of a long one."""
    return 0 if len(label) <= 3 else 1 if len(label) <= 6 else 2


def _client_label(letters: str) -> bool:
    return any(
        abs(len(letters) - len(t)) <= _label_limit(t)
        and Levenshtein.distance(letters, t, score_cutoff=_label_limit(t)) <= _label_limit(t)
        for t in CLIENT_LABELS
    )


def without_client_label(words: list[Word]) -> list[Word]:
    """The employer's words without the client's code before them ("КЛИЕНТ 0123", "ПРЕДПРИЯТИЕ N 8127",
    "ОБЕКТ 0045", "ПРЕДПР. КОД 5317"): label words (a letter or two misread) and a number of two to four digits,
    or the number alone after the label's place."""
    for i, w in enumerate(words[:3]):
        core = w.text.strip(".,:;№")
        if core.isdigit() and 2 <= len(core) <= 4 and i + 1 < len(words):
            before = [_letters(x.text) for x in words[:i]]
            # the "№" between the label and the number read "N", "Н", "М" (P dev 8002 p4: "ПРЕДПРИЯТИЕ М 9282"
            # kept before the name, out without a doubt)
            if all(b in ("", "N", "Н", "НО", "М") or _client_label(b) for b in before) and (
                i > 0 or len(core) == 4
            ):
                return words[i + 1 :]
    return words


def unknown_client_label(words: list[Word], known: Callable[[str], bool], forms: frozenset[str]) -> list[Word]:
    """The words of a client's code whose label no list holds, misread beyond a letter or two ("ВНОЪР 4171" for
    "ШИФЪР 4171", family AA), before the employer's name: a word in capitals that is no word (``known``) and a
    number of four digits, then a word of three letters at least that is no legal form (``forms``); [] when the
    line does not start so. The
    caller leaves them out and doubts the name (the label was guessed)."""
    if len(words) < 3:
        return []
    label, number = words[0].text.strip(".,:;"), words[1].text.strip(".,:;№")
    letters = _letters(label)
    if not (number.isdigit() and len(number) == 4 and len(letters) >= 3 and letters == label.translate(_LATIN)):
        return []
    # (a word of the name after the number, not a legal form alone: "ЕКОС 2000 ООД" is a firm's name)
    if known(label) or not any(sum(ch.isalpha() for ch in w.text) >= 3 and _letters(w.text) not in forms for w in words[2:]):
        return []
    return words[:2]


def tractor_holes(words: list[Word]) -> list[Word]:
    """The tractor strips' holes read as letters ("е", "о", "Ф"): marks of two letters or digits at most, each
    apart from the words of its line (more than two letters' height away), standing one under another (their left
    edges within half a letter) on three lines or more. On a computer centre's listing filmed with its frame the
    holes stand well inside the image (family AA), where ``edge_mark`` does not look."""
    marks = [w for w in words if 1 <= sum(ch.isalnum() for ch in w.text) <= 2]
    if len(marks) < 3:
        return []

    def apart(m: Word) -> bool:
        same = [w for w in words if w is not m and abs(w.box.cy - m.box.cy) < 0.5 * max(w.box.h, m.box.h)]
        return all(w.box.x0 - m.box.x1 > 2 * m.box.h or m.box.x0 - w.box.x1 > 2 * m.box.h for w in same)

    alone = [m for m in marks if apart(m)]
    out = []
    for m in alone:
        column = {round(o.box.cy / max(1, o.box.h)) for o in alone if abs(o.box.x0 - m.box.x0) <= 0.5 * m.box.h}
        if len(column) >= 3:
            out.append(m)
    return out


def sheet_label(group: list[Word]) -> bool:
    """A group of words that is the sheet's number ("Л. № 10", "ЛИСТ 6", "лист?", "Гистно 31"): a word like
    "лист"/"л." first, or three words at most ending in a number of one to three digits."""
    first = _letters(group[0].text)
    if first == "Л" or (2 <= len(first) <= 5 and _near(first, ("ЛИСТ",), 1)):
        return True
    last = group[-1].text.strip(".,:;?")
    return len(group) <= 3 and last.isdigit() and len(last) <= 3


def right_employer(line: list[Word], page_width: int) -> list[Word] | None:
    """The employer's name typed in the line's right corner, the sheet's number on its left: the words of the
    right corner; None when the line is not so."""
    groups = parts(line, page_width)
    if len(groups) < 2 or groups[-1][0].box.x0 < 0.45 * page_width:
        return None
    left = [g for g in groups[:-1] if g[0].box.x0 < 0.4 * page_width]
    middle = [g for g in groups[:-1] if g[0].box.x0 >= 0.4 * page_width]
    if (
        not left
        or middle
        or not all(sheet_label(g) or sum(ch.isalpha() for w in g for ch in w.text) <= 2 for g in left)
    ):
        return None
    right = groups[-1]
    return right if sum(ch.isalpha() for w in right for ch in w.text) >= 4 else None
