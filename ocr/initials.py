"""Names typed with their initials first ('И. П. Георгиев'), kept as printed.

A sheet headed "Фамилия и инициали" lists each person as one or two initials and the family name. The
name reader keeps only words of two letters or more (and capitals), without their dots: 'Т. Н. Иванов'
came out 'Т Н Иванов', an `с.` read small was lost ('Д Николова'), and every such name went to review
as a word no lexicon holds (family M dev 5005, 5006: 20 of 20 names wrong, in review).

On a sheet where most name cells read as one or two single letters and one word (a sheet of initials),
each such cell is read as initials, in capitals with their dots, and the family name (a known family
name's spelling mended by ``names.correct_word``). The name stays in review (``low_confidence``): an
initial has no lexicon, no sum and no ЕГН digit to check it against. Taking the clean-looking ones out of
review (each initial one capital, the family name known) let 15 % of family M's evaluation names out
wrong without a flag (session 11, bench/RESULTS.md; on dev pages 1 of 290, `Найденева` for `Найденова`):
the screen shows the name as printed, for a person to confirm.
"""

from __future__ import annotations

import re

from . import checks
from .checks import RowDraft
from .names import correct_word
from .sheet import Sheet

_LATIN_TO_CYR = str.maketrans({"A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О",
                               "P": "Р", "T": "Т", "X": "Х", "Y": "У", "3": "З"})  # fmt: skip
_LETTER = "А-ЯЁЍа-яёѝ"
_INITIAL = re.compile(rf"^([{_LETTER}])([.,]?)$")  # one letter, its dot (or a comma for it) or none
_JOINED = re.compile(rf"^([{_LETTER}])[.,]?([{_LETTER}])[.,]$")  # two initials run together: 'СД.', 'С.Д.'
_FAMILY = re.compile(rf"^[{_LETTER}][{_LETTER}\-]{{2,}}$")
_CLEAN = re.compile(r"^[А-ЯЁЍ]\.?$")  # an initial read clean: one capital, its dot (or the dot lost)
SHARE = 0.5  # of the name cells read as initials first, for the sheet to be one of initials


def parse(text: str) -> tuple[str, bool] | None:
    """(the name as 'И. П. Георгиев', sure of its initials) for a cell that reads as one or two initials
    and one family name; None otherwise."""
    raw = text.replace("„", " ").replace("“", " ").replace('"', " ").split()
    if len(raw) < 2:
        return None
    *heads, family = [t.translate(_LATIN_TO_CYR) for t in raw]
    if not _FAMILY.match(family):
        return None
    initials: list[str] = []
    clean = True
    for t, as_read in zip(heads, raw, strict=False):
        if m := _INITIAL.match(t):
            initials.append(m[1].upper())
            clean = clean and bool(_CLEAN.match(t)) and not any(ch.isdigit() for ch in as_read)  # `3` for З
        elif m := _JOINED.match(t):
            initials += [m[1].upper(), m[2].upper()]
            clean = False
        else:
            return None
    if not 1 <= len(initials) <= 2:
        return None
    return " ".join(f"{i}." for i in initials) + " " + family[:1].upper() + family[1:].lower(), clean


def read_initials(s: Sheet, kinds: list[str | None], drafts: list[RowDraft]) -> None:
    """On a sheet of initials-first names, each such name as printed, in review."""
    if "name" not in kinds:
        return
    c = kinds.index("name")
    parsed = [parse(texts[c]) if c < len(texts) else None for texts in s.texts]
    filled = sum(1 for texts in s.texts if c < len(texts) and texts[c].strip())
    if not filled or sum(p is not None for p in parsed) < SHARE * filled:
        return
    for d, p in zip(drafts, parsed, strict=True):
        if p is None:
            continue
        name, clean = p
        family = name.split()[-1]
        fixed, _known = correct_word(family)
        d.values["name"] = name[: -len(family)] + fixed
        d.review.add("name", checks.LOW_CONFIDENCE)  # no initial can be checked: a person reads them
