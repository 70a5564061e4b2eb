"""Which words of the employer's line are its name: the words of the line's left part (what stands far right on
the line is the sheet's number, a date or an approval's words), and the words that carry them on past that part
at the spacing of the name's own words. A long name typed across an upright sheet reaches past the left part
('Предприятие "Благоустройство и комунално стопанство" - гр. Тетевен', AO dev 33001: "Тетевен" began right of
the left part, the name went out '... стопанство“ – гр' without a doubt)."""

from __future__ import annotations

import numpy as np

from .geometry import Word

LEFT_SHARE = 0.62  # of the page's width: a word starting left of it is of the name's part of the line
SPACE = 1.5  # of the name's letter height: a gap this wide or narrower is a space between the name's words


def name_words(line: list[Word], taken: list[Word], page_width: int) -> list[Word]:
    """The words of ``line`` (left to right) that may be the employer's name: those starting in the line's left
    part that are not ``taken`` (the sheet number's words), then each word after them that stands within a
    space of the word before it, up to the first ``taken`` word or wider gap."""
    left = [w for w in line if w not in taken and w.box.x0 < page_width * LEFT_SHARE]
    if not left:
        return left
    height = float(np.median([w.box.h for w in left]))
    out = list(left)
    for w in line[line.index(left[-1]) + 1 :]:
        if w in taken or w.box.x0 - out[-1].box.x1 > SPACE * height:
            break
        if w.box.x0 >= page_width * LEFT_SHARE:
            out.append(w)
    return out


APART = 4.0  # of the name's letter height: a word nearer than this after the name may still be of it
_DASHES = "-–—"
_PLACE_MARKS = ("гр", "с", "ж.к", "кв", "общ", "обл")


def word_after(line: list[Word], name: list[Word], taken: list[Word]) -> Word | None:
    """The word of ``line`` right after the ``name_words`` ``name``, farther than a space but nearer than the
    corner's gap (a crease or a wide space in the typing), when it reads as more of a name: a dash, a place's
    mark ("гр.", "с."), a word begun with a small letter or a closing quote; None else (also a ``taken`` word)."""
    if not name or name[-1] not in line:
        return None
    at = line.index(name[-1]) + 1
    if at >= len(line) or line[at] in taken:
        return None
    w = line[at]
    height = float(np.median([x.box.h for x in name]))
    if w.box.x0 - name[-1].box.x1 > APART * height:
        return None
    text = w.text.strip()
    core = text.strip(".,").lower()
    more = text[:1] in _DASHES or text[:1] in "“\"" or core in _PLACE_MARKS or text[:1].islower()
    return w if more and any(ch.isalnum() or ch in _DASHES for ch in text) else None
