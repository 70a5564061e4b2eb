"""The place an employer's name ends with after "с." (a village) or "гр." (a town), checked against the register of
Bulgaria's settlements (the NSI's ЕКАТТЕ, ocr/data/settlements.json: its source and licence there).

A co-operative, a farm or a plant was named with its village: "ТКЗС „Сеятел“ с. Горско Косово". A handwritten
village's name read with one letter wrong is often another word the dictionaries hold ("Болярова" a family name,
"Касово"), so a word-by-word check passes it without a doubt (family T, its one measurement: "с. Болярова",
"с. Горско Касово" out silent). The register knows every settlement by its name:

- the words after the mark that are a settlement's name (case aside) are a place: no dictionary's doubt for them
  ("с. Крушуна" is no misreading because no dictionary holds "Крушуна");
- not a settlement's name, but one letter from exactly one (two for a long name): that settlement's name, and the
  name goes to a person (``corrected``): the register holds the settlements of today, and a village renamed or
  merged since may have been written so;
- anything else is left as read, to the word-by-word check: nothing is guessed.

The mark's kind is not checked: villages became towns ("с. Болярово" in the 1980s, "гр. Болярово" now).

The register is public data kept beside the project, not in it: shared/data/ekatte/settlements.json (its source,
the NSI, and its licence in the file; ``ARCHIVE_SETTLEMENTS`` names another file). Where it is not there, no
place is checked: the names go out as the word checks leave them."""

from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from .employer_doubts import doubt

REGISTER = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "ekatte" / "settlements.json"


def register_path() -> Path:
    """Where the register is read from: ``ARCHIVE_SETTLEMENTS``, else shared/data/ekatte beside the project."""
    return Path(os.environ.get("ARCHIVE_SETTLEMENTS") or REGISTER)
MARKS = ("с", "гр")  # "с." a village, "гр." a town
MAX_WORDS = 3  # the longest settlement's name in words ("Горско ново село")
LONG = 10  # a name of this many letters or more may be two letters from the register's (handwriting)
_TRAIL = ".,;:“\"'"


@lru_cache(maxsize=1)
def names() -> dict[str, str]:
    """Every settlement's name, case folded, to its spelling in the register (none where it is not there)."""
    path = register_path()
    if not path.is_file():
        return {}
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {name.casefold(): name for _, name, _ in raw["settlements"]}


@lru_cache(maxsize=4)
def _by_words(n: int) -> tuple[str, ...]:
    return tuple(k for k in names() if len(k.split()) == n)


def nearest(place: str) -> list[str]:
    """The register's names one letter from ``place`` (two for a name of ``LONG`` letters), the nearest first;
    [] when none is that near."""
    key = place.casefold()
    limit = 2 if len(key) >= LONG else 1
    found = [(Levenshtein.distance(key, k, score_cutoff=limit), k) for k in _by_words(len(key.split()))]
    found = sorted((d, k) for d, k in found if d <= limit)
    if not found:
        return []
    best = found[0][0]
    return [names()[k] for d, k in found if d == best]


def _cased(name: str, like: str) -> str:
    return name.upper() if like.isupper() and len(like) > 1 else name


def _mark(tok: str) -> bool:
    return tok.rstrip(".,").lower() in MARKS and tok[:1].lower() in ("с", "г") and not tok.startswith("„")


def place_span(toks: list[str]) -> tuple[int, int] | None:
    """(first, end) of the words after the name's "с."/"гр." outside its quotes, up to a quote, a dash or a
    comma (at most ``MAX_WORDS``); None when the name has no such mark."""
    quoted = False
    for i, tok in enumerate(toks):
        opens = tok.startswith("„")
        if not quoted and not opens and _mark(tok) and i + 1 < len(toks):
            end = i + 1
            while end < len(toks) and end - i - 1 < MAX_WORDS:
                t = toks[end]
                if "„" in t or t in ("-", "–", "—") or not re.sub(r"[^\w]", "", t):
                    break
                end += 1
                if t.endswith(","):
                    break
            return (i + 1, end) if end > i + 1 else None
        quoted = (quoted or opens) and "“" not in tok
    return None


def mend_place(name: str, doubts: list[str]) -> tuple[str, set[int]]:
    """``name`` with its village's or town's name checked against the register, and the indices of its words
    (split on " ") that are a settlement's name as the register has it: the word checks leave them be."""
    toks = name.split(" ")
    span = place_span(toks)
    if span is None:
        return name, set()
    first, end = span
    # the longest run of words that is a settlement's name, or one letter from exactly one ("Горско Касово" is
    # "Горско Косово", though "Горско" alone is a village too)
    for stop in range(end, first, -1):
        read = [t.rstrip(_TRAIL) for t in toks[first:stop]]
        place = " ".join(read)
        if place.casefold() in names():
            return name, set(range(first, stop))
        if sum(ch.isalpha() for ch in place) < 4 or not place[:1].isupper():
            continue
        near = nearest(place)
        if len(near) != 1:
            continue
        fix = _cased(near[0], place).split(" ")
        if len(fix) != len(read):
            continue
        for k, (tok, word) in enumerate(zip(toks[first:stop], read, strict=True)):
            toks[first + k] = fix[k] + tok[len(word) :]
        doubts.append(doubt("corrected", place, " ".join(fix)))
        return " ".join(toks), set(range(first, stop))
    return name, set()
