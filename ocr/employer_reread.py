"""A second reading of the employer's name, only when the first is unsure: its line alone, read as one
line of text (tesseract's page segmentation mode 7) instead of inside the block of the whole page. The
second reading is taken only when it has no doubt; else the first stands, with its doubts."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

import cv2
import numpy as np

from .employer_doubts import doubt, kind_of
from .employer_spelling import check, is_word
from .engine import OcrEngine
from .form_years import out_of_years
from .geometry import Box, Word
from .header import LINE_BELOW, LOW_CONF, Header, read_employer, vocabulary
from .names import lexicon as name_lexicon
from .unread_ink import UNREAD

LINE_PSM = 7  # tesseract: the image is one line of text
# doubts no second reading of the name's line takes away (a word apart after the name: the line is read again only
# as far as the name reaches, ``ocr.name_run``)
STICKY = ("ministry", "title_block", "above_table", "tail_apart", "dotted_line")


def line_crop(image: np.ndarray, box: Box) -> tuple[np.ndarray, tuple[int, int]]:
    """The name's line with a margin of half a letter's height, and where it starts on the page."""
    m = max(6, box.h // 2)
    y0, x0 = max(0, box.y0 - m), max(0, box.x0 - 2 * m)
    return image[y0 : box.y1 + m, x0 : box.x1 + 2 * m], (x0, y0)


def _pieces(text: str) -> set[str]:
    return {p for p in re.split(r"[^А-Яа-яA-Za-z]+", text) if len(p) >= 2}


def _marks(name: str) -> str:
    """The name's digits, dashes and quotes in order: what the two readings must agree on besides words."""
    return "".join(ch for ch in name.replace("—", "–") if ch.isdigit() or ch in "-–„“")


@lru_cache(maxsize=1)
def known_words() -> frozenset[str]:
    """Words the name may hold without a doubt: legal forms, places, enterprises' nouns, dedications,
    people's names."""
    v = vocabulary()
    words = set(v["legal_forms"]) | set(name_lexicon())
    for group in ("words", "places", "dedications"):
        words |= {p for entry in v[group] for p in _pieces(entry)}
    return frozenset(words)


def _place_marks(name: str) -> list[str]:
    """The "с." and "гр." of ``name`` (also glued to the place: "с..Бяла"), in order."""
    return [m.lower() for m in re.findall(r"(?:^|\s)(с|гр|С|ГР)\.", name)]


def _before_quotes(name: str) -> set[str]:
    """The words of ``name`` before its quoted name (its legal form, "ТКЗС", "Кооперативна ферма"); none when
    it has no quotes."""
    return _pieces(name.split("„", 1)[0]) if "„" in name else set()


def _form_agrees(form: str, header: Header, first_sure: set[str], words: list[Word]) -> bool:
    """A legal form of the second reading stands when the first read it with confidence, or the first
    reading came to it (unsure, or one letter too many dropped) and the second read it with confidence; a
    form the first reading put in for another letter by letter ("КГ" -> "КД") is no agreement."""
    if form in first_sure and doubt("form_unsure", form) not in (header.employer_review or ""):
        return True  # (not a form read with confidence too low for a form another is near: ``FORM_SURE``)
    sure_now = any(w.conf >= LOW_CONF and form in _pieces(w.text) for w in words)
    substituted = f"правна форма „{form}“" in (header.employer_review or "")
    return sure_now and form in _pieces(header.employer or "") and not substituted


def reread_employer(header: Header, image: np.ndarray, gray: np.ndarray, engine: OcrEngine) -> Header:
    """``header`` with the name read again from ``image`` (the page as the engine reads it) when the first
    reading sent it to a person, and the second has no doubt and every word of it is known or was read
    with confidence the first time."""
    first = header.employer_words
    if header.employer is None or header.employer_review is None or not first:
        return header
    if LINE_BELOW in header.employer_review or UNREAD in header.employer_review or max(w.box.y0 for w in first) > min(w.box.y1 for w in first):
        return header  # a line below the name: no second reading of one line tells whether it belongs to it
    if any((k := kind_of(d)) is not None and k[0] in STICKY for d in header.employer_review.split("; ")):
        return header  # a ministry's line: read again it is still no institution's name (nor is a doubt of which
        # cell of a title block names the employer settled by reading it again)
    box = Box(min(w.box.x0 for w in first), min(w.box.y0 for w in first),
              max(w.box.x1 for w in first), max(w.box.y1 for w in first))  # fmt: skip
    crop, offset = line_crop(image, box)
    if crop.size == 0:
        return header
    words = [w for w in engine.words(np.ascontiguousarray(crop), psm=LINE_PSM, offset=offset) if w.conf > 0.1 or len(w.text) > 2]
    doubts: list[str] = []
    name = read_employer(words, gray, doubts) if words else None
    if name is None or doubts or sum(ch.isalpha() for ch in name) < 4:
        return header
    name, doubts = check(name, tuple(words))
    if doubts or out_of_years(name, header.year):  # a word no dictionary holds, a form not of the sheet's year
        return header  # either: the first stands, with its doubts
    if _marks(name) != _marks(header.employer):
        return header  # a digit, dash or quote read differently ("„Родопа-94“" again as "„Родопа 94“"): a person decides
    if _before_quotes(header.employer) and not _before_quotes(name):
        return header  # the legal form before the quoted name not read again (T dev 12020 p2: "ППК" lost): a person decides
    if _place_marks(header.employer) != _place_marks(name):
        return header  # a village's "с." or a town's "гр." read once only ("с..Бяла" then "Бяла", T 12032 p2): a person decides
    first_sure = {p for w in first if w.conf >= LOW_CONF for p in _pieces(w.text)}
    # a word the first reading was mended to by the dictionary ("Обушарски" -> "Обущарски") and now read so
    mended = {p for p in _pieces(header.employer) if is_word(p)} - {p for w in first for p in _pieces(w.text)}
    if any(p not in known_words() and p not in first_sure and p not in mended for p in _pieces(name)):
        return header  # a word neither known nor read so before: two readings disagree, a person decides
    if not all(_form_agrees(p, header, first_sure, words) for p in _pieces(name) if p in vocabulary()["legal_forms"]):
        return header  # a legal form is known but one letter from another ("КД"/"ЕТ"): two readings must agree
    return replace(header, employer=name, employer_review=None, employer_conf=min(w.conf for w in words))


def _same(a: str, b: str) -> bool:
    """Two readings of the name give the same words, digits and dashes (case aside, a hyphen or a dash alike),
    and the same quotes where both read quotes."""
    if [p.casefold() for p in re.findall(r"[А-Яа-яA-Za-z0-9]+", a)] != [
        p.casefold() for p in re.findall(r"[А-Яа-яA-Za-z0-9]+", b)
    ]:
        return False
    ma, mb = _marks(a).replace("-", "–"), _marks(b).replace("-", "–")
    if "„" not in ma + "“" or "„" not in mb + "“":  # one reading saw no quotes at all: the quotes say nothing
        ma, mb = ma.replace("„", "").replace("“", ""), mb.replace("„", "").replace("“", "")
    return ma == mb


BORDER = 20  # white around the tight crop of the name's line


def confirm_employer(header: Header, image: np.ndarray, gray: np.ndarray, engine: OcrEngine) -> Header:
    """``header`` with a doubt when its name, read without one, comes out otherwise when its line is read a
    second time alone (tesseract's one-line mode, the line cut at the name's first and last letters): every
    check of the first reading passed, yet a misread that makes other known words ("Мелница „Зора“ Попово
    гр", a name without its dash) passes them too. A second reading that itself fails a check (a word no
    dictionary holds, a mark no name has) or gives nothing says nothing: the first stands."""
    first = header.employer_words
    if header.employer is None or header.employer_review is not None or not first:
        return header
    box = Box(min(w.box.x0 for w in first), min(w.box.y0 for w in first),
              max(w.box.x1 for w in first), max(w.box.y1 for w in first))  # fmt: skip
    if box.y1 > image.shape[0]:
        return header  # the name inside the grid's first band (``ocr.employer_band``): not on the header's image
    m = max(6, box.h // 2)
    y0, x0 = max(0, box.y0 - m), max(0, box.x0 - 3)
    crop = image[y0 : box.y1 + m, x0 : box.x1 + 3]
    if crop.size == 0:
        return header
    crop = cv2.copyMakeBorder(crop, BORDER, BORDER, BORDER, BORDER, cv2.BORDER_CONSTANT, value=255)
    words = engine.words(np.ascontiguousarray(crop), psm=LINE_PSM, offset=(x0 - BORDER, y0 - BORDER))
    words = [w for w in words if w.conf > 0.1 or len(w.text) > 2]
    doubts: list[str] = []
    name = read_employer(words, gray, doubts) if words else None
    if name is None or doubts:
        return header
    name, doubts = check(name, tuple(words))  # mended as the first reading was ("Напредьк")
    if doubts or _same(name, header.employer):
        return header
    return replace(header, employer_review=doubt("reread_differs", near=name))
