"""An employer's name typed on (or across) a form's printed dotted line ("Предприятие (учреждение) ........",
family AP): the engine reads the dots into the name's words ("Общински." "пазар." "гр..." for 'Общински пазар -
гр. Михайловград', AP dev 34003 p2: out as 'Общински. пазар. гр. Михайловград' without a doubt, its dash lost among
the dots) and the dots past the name's end as letters of their own ("пиано", "оо", "нненене").

A run of three dots or more in a word of the name, or a stop after two words that take none, is the dotted line's
(no name writes so): each run of dots is cut out, an abbreviation keeping its one stop ("гр..." -> "гр."), and so is a single dot after a word that
is no abbreviation, a place's mark or an initial ("пазар." -> "пазар"). Dots read among the letters may have
taken a dash or a stop into them: the name goes to a person (``dotted_line``)."""

from __future__ import annotations

import re
from dataclasses import replace

from .employer_doubts import doubt
from .employer_end import PLACE_MARKS
from .geometry import Word

_RUN = re.compile(r"\.{2,}|…|[.,]{3,}")  # dots as the engine reads a dotted line's ("..", ".,.", "…")
_LONG_RUN = re.compile(
    r"\.{3,}|…|[.,]{3,}"
)  # more than an abbreviation's stop read twice ("гр..", ``ocr.employer_spelling``)
_STOPPED = re.compile(r"^(?P<core>[^.]+)\.$")


def _abbreviated(core: str, abbreviations: frozenset[str]) -> bool:
    """Does ``core`` (a word without its stop) take a stop: a place's mark, a listed abbreviation, an initial
    ("Г." of "Г. Димитров"), a word of three letters or fewer ("ул.", "бул.", "обл.")?"""
    bare = core.strip('„“"«»(')
    return bare.lower() in PLACE_MARKS or bare in abbreviations or len(bare) <= 3


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
        if m is not None and not _abbreviated(m.group("core"), abbreviations):
            text = m.group("core")
        text = text.lstrip(".")
        if any(ch.isalnum() or ch in '„“"-–—' for ch in text):
            out.append(replace(w, text=text))
    if doubts is not None:
        doubts.append(doubt("dotted_line"))
    return out
