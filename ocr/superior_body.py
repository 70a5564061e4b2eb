"""The body an enterprise belonged to, typed on a line of its own above the enterprise's name (a ministry,
a state economic association, a district council, a union: "Министерство на строителството и
архитектурата" / "ДСО „Млечна промишленост“ – София"): it names no employer. The employer is the name on
the line below it (``header.parse_header`` reads that line instead).

A line names such a body when a word of it outside quotes is one of the data's ``superiors``
(ocr/data/employer_words.json), read with a letter or, for a long word, a quarter of its letters misread
("Миниетеретко"); abbreviations ("ДСО") only as typed."""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from .geometry import Word

WORDS_FILE = Path(__file__).with_name("data") / "employer_words.json"


@lru_cache(maxsize=1)
def _superiors() -> tuple[frozenset[str], frozenset[str]]:
    """(words in small letters, abbreviations in capitals)"""
    raw = json.loads(WORDS_FILE.read_text(encoding="utf-8"))["superiors"]
    return frozenset(w.lower() for w in raw if not w.isupper()), frozenset(w for w in raw if w.isupper())


def _is_superior_word(text: str) -> bool:
    words, abbreviations = _superiors()
    core = re.sub(r"[^А-Яа-я]", "", text)
    if core in abbreviations:
        return True
    low = core.lower()
    if len(low) < 4 or core.isupper() and len(core) <= 4:
        return False
    return any(Levenshtein.distance(low, w, score_cutoff=_limit(w)) <= _limit(w) for w in words)


def _limit(word: str) -> int:
    """How many letters of ``word`` may be misread: none of a short one, one, a quarter of a long one."""
    return 0 if len(word) <= 4 else 1 if len(word) <= 7 else len(word) // 4


@lru_cache(maxsize=1)
def _fields() -> frozenset[str]:
    return frozenset(json.loads(WORDS_FILE.read_text(encoding="utf-8"))["superior_fields"])


def _is_field(text: str) -> bool:
    """A ministry's field as its name gives it after "на" ("строителството", "земеделието"), a quarter of
    a long word's letters misread ("Стройтейството")."""
    low = re.sub(r"[^А-Яа-я]", "", text).lower()
    return len(low) >= 4 and any(Levenshtein.distance(low, f, score_cutoff=_limit(f)) <= _limit(f) for f in _fields())


def names_superior(words: list[Word]) -> bool:
    """Does the line (its words left to right) name a body enterprises belonged to? A word of the data's
    ``superiors``, or "на" before a ministry's field ("... на земеделието и ...": K dev 3017 p1, the word
    "Министерство" read "аспотортато", the ministry's line came out as the employer)."""
    quoted = False
    specks = _speck_openings(words)
    for k, w in enumerate(words):
        opens = w.text[:1] in "„\"«" and k not in specks
        if not (quoted or opens) and _is_superior_word(w.text):
            return True
        free = not (quoted or opens)
        if free and k > 0 and w.text.strip(".,") == "на" and k + 1 < len(words) and _is_field(words[k + 1].text):
            return True
        quoted = (quoted or opens) and not any(ch in w.text[1:] for ch in "“\"»")
    return False


def names_ministry(words: list[Word]) -> str | None:
    """The word that makes the line a ministry's ("МИНИСТЕРСТВО НА ОТБРАНАТА", "Мимистерство ...", "МНЗ"): its
    first or second word "министерство" (a quarter of its letters misread) or a ministry's abbreviation of the
    data's ``superiors`` ("МНО"); None when it is none. A line so taken for the employer is doubted (family AB:
    the institution's line under it lost, the ministry's out as the employer without a doubt)."""
    for w in words[:2]:
        core = re.sub(r"[^А-Яа-я]", "", w.text)
        word = "министерство"
        if core.lower() and Levenshtein.distance(core.lower(), word, score_cutoff=_limit(word)) <= _limit(word):
            return w.text
        if core in _superiors()[1] and core.startswith("МН"):
            return w.text
    return None


def _speck_openings(words: list[Word]) -> set[int]:
    """The words whose opening quote is a speck: another opening follows before anything closes it
    ('„Окръжен отдел „Народна просвета“': Q dev 9006 p1, the council's "отдел" taken for a quoted word)."""
    out: set[int] = set()
    last: int | None = None
    for k, w in enumerate(words):
        if w.text[:1] in "„\"«":
            if last is not None:
                out.add(last)
            last = k
        if any(ch in w.text[1:] for ch in "“\"»"):
            last = None
    return out


def misread_above_form(words: list[Word], below: list[Word], forms: frozenset[str]) -> bool:
    """The line opens with two to four capitals that are no legal form (``forms``) but one letter from a body's
    abbreviation ("ДО" for "ДСО"), and the line below opens with a legal form, a letter of a long one misread ("ТКЗС „Георги Димитров“ с. Баня"):
    two names stacked, the upper one the body's (K dev 3002 p4: the union's line in small print read "ДО „Млечна
    промишленост“ – София" and taken for the employer). A form opening the line below is a name of its own,
    never the rest of the line above, so the upper line names no employer."""
    if not words or not below:
        return False
    first = re.sub(r"[^А-Яа-я]", "", words[0].text)
    opens = re.sub(r"[^А-Яа-я]", "", below[0].text).upper()
    # (the form below read with a letter wrong too: "ТЕЗС")
    form_below = opens in forms or len(opens) >= 3 and any(
        len(a) >= 3 and Levenshtein.distance(opens, a, score_cutoff=1) <= 1 for a in forms
    )
    if not (2 <= len(first) <= 4 and first.isupper()) or first in forms or not form_below:
        return False
    return any(Levenshtein.distance(first, a, score_cutoff=1) <= 1 for a in _superiors()[1] if len(a) >= 3)


TRAILING_FORMS = frozenset({"АД", "ЕАД", "ООД", "ЕООД", "КД", "КДА", "СД", "ДЗЗД"})  # typed after the name, not before


def municipality_above_form(words: list[Word], below: list[Word], forms: frozenset[str]) -> bool:
    """The line is a municipality's ("Община Бяла Слатина", "Община" a letter misread) and the line below opens
    with a form an institution's name starts with ("НЧ „Напредък – 1869“ – гр. Бяла Слатина", "ЦДГ № 12 ..."):
    the municipality is the body the institution belonged to, not the employer (family AF dev 24004 p1, 24008
    p2). A municipality is an employer of its own too (family Q: "Община Котел" over "Дейност „Благоустройство“"),
    so only a name opened by such a form below makes it the body above one."""
    if not words or len(below) < 2:
        return False
    first = re.sub(r"[^А-Яа-я]", "", words[0].text)
    if not first[:1].isupper() or Levenshtein.distance(first.lower(), "община", score_cutoff=1) > 1:
        return False
    opens = re.sub(r"[^А-Яа-я]", "", below[0].text)
    return opens in forms and opens not in TRAILING_FORMS


@lru_cache(maxsize=1)
def _units() -> frozenset[str]:
    return frozenset(json.loads(WORDS_FILE.read_text(encoding="utf-8"))["units"])


# a vessel's kind before its quoted name: `м/к` моторен кораб, `т/к`, `ф/к`, `м/п`, a trawler's `БМРТ`, `РТМ`,
# `СРТ`, a pusher, a tug, a tanker (a shipping company's crew payroll: the ship's line under the company's)
VESSEL_MARK = re.compile(r"^[мтфпМТФП]/[кпКП]$")
VESSEL_ABBREVIATIONS = frozenset({"БМРТ", "РТМ", "СРТ", "РМТ", "ПСТ"})
VESSEL_WORDS = frozenset({"тласкач", "влекач", "танкер", "кораб", "траулер", "шлеп", "моторен"})


def names_vessel(words: list[Word]) -> bool:
    """Does the line open with a vessel's kind (``VESSEL_MARK``, ``VESSEL_ABBREVIATIONS``, ``VESSEL_WORDS``, as
    typed) before a quoted name ('м/к "Вихрен"', 'БМРТ "Орион"', 'тласкач "Видин"')? A ship is no employer: the
    company whose crew it carries is, on the line above (AH dev 26004 p2: the ship's line out as the employer,
    the company's line above it skipped as a state association's)."""
    toks = [w.text.strip(".,:") for w in words]
    for k, t in enumerate(toks[:2]):
        if k + 1 < len(toks) and toks[k + 1][:1] in "„\"«" and (
            VESSEL_MARK.match(t) or t in VESSEL_ABBREVIATIONS or t.lower() in VESSEL_WORDS
        ):
            return True
    return False


def names_unit(words: list[Word]) -> bool:
    """Does the line name a ward, a department or a group of the staff ("Вътрешно отделение", "Педагогически
    персонал", "Дейност „Благоустройство“"), or a ship (``names_vessel``): a word outside quotes one of the data's
    ``units``, a letter of a long one misread? Printed under an institution's name it is no part of it (family Q:
    "Детско отделение" under "Окръжна болница – Габрово")."""
    if names_vessel(words):
        return True
    quoted = False
    for w in words:
        opens = w.text[:1] in "„\"«"
        low = re.sub(r"[^А-Яа-я]", "", w.text).lower()
        # (a letter of a word of five letters or more misread too: "Отдея „Култура“", Q dev 9020 p1, the council's
        # line above it then taken for a superior body's and the ward's line out as the employer)
        if not (quoted or opens) and len(low) >= 4 and any(
            Levenshtein.distance(low, u, score_cutoff=1 if len(u) >= 5 else 0) <= (1 if len(u) >= 5 else 0) for u in _units()
        ):
            return True
        quoted = (quoted or opens) and not any(ch in w.text[1:] for ch in "“\"»")
    return False
