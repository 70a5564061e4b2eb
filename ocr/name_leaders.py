"""An employer's name typed on (or across) a form's printed dotted line ("Предприятие (учреждение) ........",
family AP): the engine reads the dots into the name's words ("Общински." "пазар." "гр..." for 'Общински пазар -
гр. Михайловград', AP dev 34003 p2: out as 'Общински. пазар. гр. Михайловград' without a doubt, its dash lost among
the dots) and the dots past the name's end as letters of their own ("пиано", "оо", "нненене").

A run of three dots or more in a word of the name, or a stop after two words that take none, is the dotted line's
(no name writes so): each run of dots is cut out, an abbreviation keeping its one stop ("гр..." -> "гр."), and so is a single dot after a word that
is no abbreviation, a place's mark or an initial ("пазар." -> "пазар"). Dots read among the letters may have
taken a dash or a stop into them: the name goes to a person (``dotted_line``).

Past the name's end the dots come out as words of letters of their own: flat ("пиано" 4 pixels high under letters
of 34, AP dev 34003 p4), no letters at all, they are dropped; stretched (four letters as wide as sixteen of the
name's, read unsure: "пили", AP dev 34005 p3), dropped, and the name goes to a person."""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np

from .employer_doubts import doubt
from .employer_end import JOINING, PLACE_MARKS
from .geometry import Word
from .hunspell_bg import common_word

_RUN = re.compile(r"\.{2,}|…|[.,]{3,}")  # dots as the engine reads a dotted line's ("..", ".,.", "…")
_LONG_RUN = re.compile(
    r"\.{3,}|…|[.,]{3,}"
)  # more than an abbreviation's stop read twice ("гр..", ``ocr.employer_spelling``)
FLAT = 0.35  # of the name's letter height: a word of letters no taller is a row of dots read as letters
STRETCHED = 3.0  # of the name's width per letter: a word at the name's end this much wider per letter ...
UNSURE = 0.5  # ... read with less confidence is dots and ink read as letters
_STOPPED = re.compile(r"^(?P<core>[^.]+)\.$")


def _abbreviated(core: str, abbreviations: frozenset[str]) -> bool:
    """Does ``core`` (a word without its stop) take a stop: a place's mark, a listed abbreviation, an initial
    ("Г." of "Г. Димитров"), a word of three letters or fewer ("ул.", "бул.", "обл.")?"""
    bare = core.strip('„“"«»(')
    if bare.lower() in JOINING and len(bare) >= 2:  # "за.", "при.": a joining word takes no stop
        return False
    return bare.lower() in PLACE_MARKS or bare in abbreviations or len(bare) <= 3


def _short_word(core: str) -> bool:
    """A short word of the dictionary, no place's mark ("Дом." of "Дом. за. деца", AP dev 34005 p4): on a dotted
    line its stop is the line's (an "им." or "ген." so lost, the name goes to a person all the same)."""
    bare = core.strip('„“"«»(')
    return len(bare) == 3 and bare.lower() not in PLACE_MARKS and common_word(bare)


def dotted(words: list[Word], abbreviations: frozenset[str]) -> bool:
    """Did the engine read a dotted line into the name's ``words``: a run of three dots or more in one of them, or
    a stop after two of them that take none ("Общински." "пазар.")? (A stop read twice, "гр..", is no line.)"""
    stopped = [m for w in words if (m := _STOPPED.match(_RUN.sub(".", w.text))) is not None]
    loose = sum(not _abbreviated(m.group("core"), abbreviations) for m in stopped)
    return any(_LONG_RUN.search(w.text) for w in words) or loose >= 2


def without_leaders(words: list[Word], abbreviations: frozenset[str], doubts: list[str] | None) -> list[Word]:
    """``words`` with a dotted line's dots taken out of them (``dotted``), a doubt ``dotted_line`` added; as they
    are when no word holds a run of dots. A word of dots alone is dropped."""
    if not dotted(words, abbreviations):
        return words
    out: list[Word] = []
    for w in words:
        text = _RUN.sub(".", w.text)
        m = _STOPPED.match(text)
        if m is not None and (
            not _abbreviated(m.group("core"), abbreviations) or _short_word(m.group("core"))
        ):
            text = m.group("core")
        text = text.lstrip(".")
        if any(ch.isalnum() or ch in '„“"-–—' for ch in text):
            out.append(replace(w, text=text))
    if doubts is not None and doubt("dotted_line") not in doubts:
        doubts.append(doubt("dotted_line"))
    return out


def _lettered(w: Word) -> int:
    return sum(ch.isalpha() for ch in w.text)


def without_dot_words(words: list[Word], known: frozenset[str], doubts: list[str] | None) -> list[Word]:
    """``words`` without the words of letters a dotted line was read as: flat ones anywhere (dropped), stretched
    ones read unsure at the name's end that are no ``known`` word (dropped, a doubt ``dotted_line`` added: a
    town's name read with the dots after it, "Толбухин" 0.21 over 1160 pixels, AP dev 34005 p4, stays)."""
    lettered = [w for w in words if _lettered(w) >= 2]
    if len(lettered) < 2:
        return words
    height = float(np.median([w.box.h for w in lettered]))
    out = [w for w in words if not (_lettered(w) >= 2 and w.box.h < FLAT * height)]
    normal = [w for w in out if _lettered(w) >= 2]
    pitch = float(np.median([w.box.w / len(w.text) for w in normal])) if normal else 0.0
    cut = False
    while (
        len(out) > 1
        and _lettered(out[-1]) >= 2
        and out[-1].conf < UNSURE
        and out[-1].box.w > STRETCHED * pitch * len(out[-1].text)
        and out[-1].text.strip('.,:;„“"') not in known
    ):
        out.pop()
        cut = True
    if cut and doubts is not None and doubt("dotted_line") not in doubts:
        doubts.append(doubt("dotted_line"))
    return out
