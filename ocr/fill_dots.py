"""A form's dotted blanks filled in by hand or typewriter ("за месец ......X...... 19....88.... г.", family O):
the text model reads the dots into the words ("месец......М......", "19....88....", "19." ".88."), and the
header finds neither the month nor the year in them.

Each word of a header line is cut where a run of two or more dots (or an ellipsis) stands in it, the dots
dropped ("месец......М......" -> "месец", "М"), each piece's box cut in proportion to its letters; a word of
dots alone is dropped. Then a "19" and the two digits after it (the year's century printed on the form, its
last digits filled in) are one word, the year ("19", "88" -> "1988"), its box spanning both."""

from __future__ import annotations

import re
from dataclasses import replace

from .geometry import Box, Word

_DOTS = re.compile(r"[.,]{2,}|…+")  # a run of dots as read ("....", "..,.", "…")
_CENTURY = re.compile(r"19[.,]?")
_DECADE = re.compile(r"[.,]?(\d{2})([.,]?(?:г|год|r)?\.?)")


def _pieces(w: Word) -> list[Word]:
    """``w`` cut at its runs of dots, the dots dropped; a single dot at a piece's end stays ("19." stays "19.")."""
    text = w.text
    if not _DOTS.search(text):
        return [w]
    n = max(1, len(text))
    out = []
    start = 0
    for m in [*_DOTS.finditer(text), None]:
        end = m.start() if m is not None else n
        piece = (
            text[start:end].lstrip(".,„“\"'").rstrip("„“\"'")
        )  # ".„Х": a speck and a quote before the numeral
        if any(ch.isalnum() for ch in piece):
            x0 = w.box.x0 + round(w.box.w * start / n)
            x1 = w.box.x0 + round(w.box.w * end / n)
            out.append(replace(w, text=piece, box=Box(x0, w.box.y0, max(x1, x0 + 1), w.box.y1)))
        if m is not None:
            start = m.end()
    return out


def _join_years(line: list[Word]) -> list[Word]:
    """ "19" and the two digits after it as one word, the year: "19", "88г." -> "1988г."."""
    out: list[Word] = []
    i = 0
    while i < len(line):
        w = line[i]
        nxt = line[i + 1] if i + 1 < len(line) else None
        tail = _DECADE.fullmatch(nxt.text) if nxt is not None else None
        if nxt is not None and tail is not None and _CENTURY.fullmatch(w.text):
            box = Box(w.box.x0, min(w.box.y0, nxt.box.y0), nxt.box.x1, max(w.box.y1, nxt.box.y1))
            out.append(Word("19" + tail.group(1) + tail.group(2), min(w.conf, nxt.conf), box))
            i += 2
            continue
        out.append(w)
        i += 1
    return out


def fill_dots(line: list[Word]) -> list[Word]:
    """A header line's words with the dotted blanks taken out and a year split by them put together."""
    if not any(_DOTS.search(w.text) for w in line) and not any(_CENTURY.fullmatch(w.text) for w in line):
        return line
    return _join_years([p for w in line for p in _pieces(w)])


def undotted(text: str) -> str:
    """A reading of a dotted line as one text ("......1X.....19.....83....."): the year's two halves put
    together and each run of dots one dot (".1X.1983.")."""
    return re.sub(r"[.,]{2,}|…+", ".", re.sub(r"19(?:[.,]{2,}|…+)(\d{2})", r"19\1", text))
