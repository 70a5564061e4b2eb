"""The sign before an institution's number in the employer's name: the "№" of a typewriter that has it ("ДКЦ № 2
– Русе", family Q) or a plain Latin "N" typed where it has not ("Детска градина N 7 - Сливен", family Y). The
name is kept as typed, so the two must not be merged: the text model (Bulgarian, no Latin letters) reads
either as "М", "м", "Н", "ю" (``header._NUMBER_SIGN_LOOKALIKES``), and the text alone cannot tell them apart.

The glyph can. An N's right stem runs down from the letter's top to its foot without a break; the sign's
right part is a small raised "o", over a bar or nothing, with blank rows between it and the foot. Only
such a clear picture decides; a glyph blurred or broken so that neither holds is "unsure", and the name
goes to a person (``employer_doubts`` ``number_sign``)."""

from __future__ import annotations

import re

import cv2
import numpy as np

from .employer_doubts import doubt
from .geometry import Box, Word

PLAIN_N = "N"
SIGN = "№"
RIGHT_PART = 0.25  # the share of the glyph's width, from its right edge, where the stem or the raised "o" stands
STEM_COVER = 0.9  # an N's right stem has ink on this share of the glyph's rows at least
GAP_SHARE = 0.12  # the sign: blank rows under the raised "o", this share of the glyph's height at least
MIN_CONTRAST = 40  # grey levels between the ink and the paper at least: else no glyph to look at
LOOKALIKES = frozenset({"м", "М", "N", "No", "Nо", "Ne", "Н", "н", "ю", "Ю", "мн", "Мн"})  # the sign as the text model reads it
SIGN_AS_TWO = re.compile(r"[МмНнХхКкN][оеo]")  # the sign read as two letters: only its glyph tells (``unread_signs``)
THREE_AS_ZE = re.compile(r"([мМнНN])([зЗ])")  # a typed "N 3" read "нз": the sign glued to a 3 read as the letter з


def sign_kind(gray: np.ndarray, box: Box, tall: int = 0) -> str | None:
    """``PLAIN_N`` or ``SIGN`` for the one glyph in ``box`` of ``gray`` (dark ink on light paper), None when the
    glyph shows neither clearly (too small, blurred, broken, or less than two thirds of ``tall``, the number's
    height, high: a quote or a speck)."""
    m = 2
    crop = gray[max(0, box.y0 - m) : box.y1 + m, max(0, box.x0 - m) : box.x1 + m]
    if crop.size == 0 or min(crop.shape) < 8 or int(crop.max()) - int(crop.min()) < MIN_CONTRAST:
        return None  # (no ink: the paper's grain alone)
    _, ink = cv2.threshold(np.ascontiguousarray(crop), 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    # the glyph: the largest connected piece of ink and the pieces beside it (the sign's "o" and bar)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count < 2:
        return None
    main = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    top, height = stats[main, cv2.CC_STAT_TOP], stats[main, cv2.CC_STAT_HEIGHT]
    if height < max(8, 2 * tall / 3) or stats[main, cv2.CC_STAT_WIDTH] < 0.4 * height:
        return None  # (a stroke, or a glyph's remnant as thin as one: no letter's width to tell by)
    keep = [k for k in range(1, count) if stats[k, cv2.CC_STAT_AREA] >= 4
            and stats[k, cv2.CC_STAT_TOP] + stats[k, cv2.CC_STAT_HEIGHT] > top
            and stats[k, cv2.CC_STAT_TOP] < top + height]  # fmt: skip
    x0 = min(stats[k, cv2.CC_STAT_LEFT] for k in keep)
    x1 = max(stats[k, cv2.CC_STAT_LEFT] + stats[k, cv2.CC_STAT_WIDTH] for k in keep)
    rows = ink[top : top + height, x1 - max(2, round(RIGHT_PART * (x1 - x0))) : x1] > 0
    inked = np.asarray(rows.any(axis=1), dtype=bool)
    gap = longest = 0
    for r in inked.tolist():
        gap = 0 if r else gap + 1
        longest = max(longest, gap)
    if longest == 0 and inked.mean() >= STEM_COVER and _straight_right_edge(ink, keep, stats, top, height):
        return PLAIN_N
    if longest >= max(2, GAP_SHARE * height):
        return SIGN
    return None


def _straight_right_edge(ink: np.ndarray, keep: list[int], stats: np.ndarray, top: int, height: int) -> bool:
    """Does the glyph end on the right in a straight stem, as an N does? Its rightmost ink, row by row, moves no
    more than ``EDGE_BULGE`` of its height. A sign whose raised "o" and bar ran into one blot with its N on a
    blurred photograph bulges out there (AG dev 25001 p1, 25001 p3: the sign taken for a plain N for sure, the
    name out as "трест N 3")."""
    x0 = min(int(stats[k, cv2.CC_STAT_LEFT]) for k in keep)
    x1 = max(int(stats[k, cv2.CC_STAT_LEFT] + stats[k, cv2.CC_STAT_WIDTH]) for k in keep)
    rows = ink[top : top + height, x0:x1] > 0
    edge = [int(np.flatnonzero(r)[-1]) for r in rows if r.any()]
    return bool(edge) and max(edge) - min(edge) <= max(1.0, EDGE_BULGE * height)


EDGE_BULGE = 0.08  # an N's right edge moves this share of its height at most from row to row over the glyph


def sign_and_three(kept: list[str], dashes: set[str]) -> list[str]:
    """An institution's sign and number "N 3"/"№ 3" read as the sign's look-alike and the letter "з" ("м з"), or
    the two glued ("нз", "Мз": Y dev 17001, 17005), between a word and the quoted name or the name's dash
    (``dashes``): the sign and the digit 3. No Bulgarian word is "з" or "нз", and a 3 is what the text model
    reads so."""
    out: list[str] = []
    for i, t in enumerate(kept):
        nxt = kept[i + 1] if i + 1 < len(kept) else ""
        before_name = nxt[:1] in "„\"«" or nxt in dashes
        m = THREE_AS_ZE.fullmatch(t)
        if m and before_name and out and out[-1].isalpha() and len(out[-1]) >= 2:
            out += [m[1], "3"]
        elif t in ("з", "З") and before_name and len(out) >= 2 and out[-1] in LOOKALIKES and out[-2].isalpha():
            out.append("3")
        else:
            out.append(t)
    return out


def typed_sign(name: str, words: list[Word], gray: np.ndarray, doubts: list[str] | None) -> str:
    """``name`` (its number signs made "№") with each as the sheet typed it: a plain "N" where the glyph of
    ``words`` before the number is one, "№" where it is the sign; where a glyph shows neither clearly, "№" and
    the name goes to a person (``doubts``)."""
    signs = [w.box for i, w in enumerate(words[:-1]) if (w.text in LOOKALIKES or w.text == SIGN)
             and (words[i + 1].text[:1].isdigit() or words[i + 1].text in ("з", "З"))]  # fmt: skip
    # the sign glued to its number ("нз"): the glyph is the box's left part (a typewriter's letter, a space, a digit)
    signs += [Box(w.box.x0, w.box.y0, w.box.x0 + round(0.4 * w.box.w), w.box.y1) for w in words
              if THREE_AS_ZE.fullmatch(w.text)]  # fmt: skip
    kinds = {sign_kind(gray, box) for box in signs}
    if kinds == {PLAIN_N} and name.count(SIGN) == len(signs):
        return name.replace(SIGN, PLAIN_N)
    if kinds != {SIGN} and doubts is not None:
        doubts.append(doubt("number_sign"))
    return name


def unread_signs(words: list[Word], gray: np.ndarray) -> list[Word]:
    """``words`` with a mark or a look-alike read unsure between a word and a number ('Поликлиника " 3': Q dev
    9003, the sign read as a quote and dropped as a speck, the name out with a doubt of its sign lost) made the
    sign or the letter its glyph on the page shows, looked at as high as the number beside it; a glyph that
    shows neither stays as read."""
    out = list(words)
    for i in range(1, len(words) - 1):
        w, before, after = words[i], words[i - 1], words[i + 1]
        # (or two letters the sign's "N" and raised "o" are read as: "Мо", "Хе", "Ко", Q dev 9017 p1-p4)
        mark = not any(ch.isalnum() for ch in w.text) or w.text in LOOKALIKES or SIGN_AS_TWO.fullmatch(w.text) is not None
        if not (mark and before.text[-1:].isalpha() and after.text[:1].isdigit()):
            continue
        box = Box(w.box.x0, min(w.box.y0, after.box.y0), w.box.x1, max(w.box.y1, after.box.y1))
        kind = sign_kind(gray, box, after.box.h)
        if kind is not None:
            out[i] = Word(kind, max(w.conf, 0.5), box, w.line)
    return [part for w, before in zip(out, [None, *out[:-1]], strict=True) for part in _glued_sign(w, before, gray)]


GLUED = re.compile(r"([\"“”«»'`]+)(\d{1,3}[.,]?)")  # a mark glued before the number: '"5' (Q dev 9006 p2)


def _glued_sign(w: Word, before: Word | None, gray: np.ndarray) -> list[Word]:
    """A word of a mark glued before a number after a word ('ОДЗ "5': the sign read as a quote): the sign or the
    letter its glyph shows and the number, as two words; else the word as read."""
    m = GLUED.fullmatch(w.text)
    if m is None or before is None or not before.text[-1:].isalpha():
        return [w]
    cut = w.box.x0 + round(w.box.w * len(m[1]) / len(w.text)) if len(w.text) > 2 else w.box.x0 + w.box.w // 2
    kind = sign_kind(gray, Box(w.box.x0, w.box.y0, cut, w.box.y1), w.box.h)
    if kind is None:
        return [w]
    return [Word(kind, max(w.conf, 0.5), Box(w.box.x0, w.box.y0, cut, w.box.y1), w.line),
            Word(m[2], w.conf, Box(cut, w.box.y0, w.box.x1, w.box.y1), w.line)]  # fmt: skip


def lost_signs(words: list[Word], gray: np.ndarray) -> list[Word]:
    """``words`` with the sign the engine read nothing for put back: between a word and a number of up to three
    digits, a gap as wide as a glyph and two spaces holding one glyph's ink as tall as the number (AG dev 25001
    p1-p3, a burned sheet photographed at 200 dpi: "трест № 3" read "трест 3"). The sign or the plain N its
    glyph shows; "№" where the glyph shows neither clearly (the name then goes to a person, ``typed_sign``)."""
    out: list[Word] = []
    for i, w in enumerate(words):
        before = words[i - 1] if i else None
        number = w.text.strip(".,") if len(w.text.strip(".,")) <= 3 else ""
        if before is not None and number.isdigit() and sum(ch.isalpha() for ch in before.text) >= 2:
            box = _glyph_between(before, w, gray)
            if box is not None:
                out.append(Word(sign_kind(gray, box, w.box.h) or SIGN, 0.5, box, w.line))
        out.append(w)
    return out


def _glyph_between(before: Word, after: Word, gray: np.ndarray) -> Box | None:
    """The box of the one glyph of ink in the gap between two words, when the gap is wider than
    ``SIGN_GAP`` of the number's height and the glyph as tall as two thirds of it; else None."""
    tall = after.box.h
    if after.box.x0 - before.box.x1 < SIGN_GAP * tall:
        return None
    y0, y1 = max(0, after.box.y0 - 2), after.box.y1 + 2
    x0, x1 = before.box.x1 + 2, after.box.x0 - 2
    crop = np.ascontiguousarray(gray[y0:y1, x0:x1])
    if crop.size == 0 or int(crop.max()) - int(crop.min()) < MIN_CONTRAST:
        return None
    _, ink = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    big = [k for k in range(1, count) if stats[k, cv2.CC_STAT_HEIGHT] >= 2 * tall / 3
           and stats[k, cv2.CC_STAT_WIDTH] >= 0.4 * tall]  # fmt: skip
    if len(big) != 1:
        return None
    k = big[0]
    left, top = int(stats[k, cv2.CC_STAT_LEFT]), int(stats[k, cv2.CC_STAT_TOP])
    return Box(x0 + left, y0 + top, x0 + left + int(stats[k, cv2.CC_STAT_WIDTH]), y0 + top + int(stats[k, cv2.CC_STAT_HEIGHT]))


SIGN_GAP = 1.6  # a gap between a word and its number this many times the number's height holds a glyph and two spaces
