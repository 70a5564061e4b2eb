"""The printed form's own furniture above the table: its number, set small in a top corner by the printing house
("Образец № 1-05-12", "Обр. № 47 – ТКЗС", "Образец Сч. 5-08", "Бланка № 2-34 (ЦСУ)", "Формуляр 5"). It names the
form, never the employer, yet it is the first line of the page: read as a line of its own it was taken for the
employer ("Образец Сч. 5-08", family T dev 12001 p2), read on the employer's line or as the line above it, it
was glued before the name ("Образец Сч – 6.08 ТКЗС „Г. Димитров“ с. Крушуна", T dev 12003 p2).

A word that is one of the words forms were numbered by ("Образец", "Бланка", "Формуляр", "Обр.", "Форма" before
a number), also read with a letter wrong or glued to its number ("ОбразецС+.5.08"), and the words that follow it
on its line in print no taller than it, close to it (the number, "№", the series "Сч.", the office "(ЦСУ)"), are
the form's number and leave the header's words. The employer's name handwritten on the form is taller and
stands apart; the words of the title are never the form's number."""

from __future__ import annotations

import re

from rapidfuzz.distance import Levenshtein

from .geometry import Word

# the words forms were numbered by: the word itself or, for the long ones, one letter off ("Обрезец")
_ANCHORS = ("образец", "бланка", "формуляр")
_SHORT = ("обр", "бл", "форма", "ф-р")  # abbreviated, or a word that numbers a form only before its number
_LATIN = str.maketrans({"O": "О", "o": "о", "p": "р", "a": "а", "e": "е", "c": "с", "B": "В", "E": "Е", "H": "Н",
                        "K": "К", "M": "М", "P": "Р", "T": "Т", "X": "Х", "x": "х", "y": "у", "A": "А", "C": "С"})  # fmt: skip
GAP = 3.0  # a word of the form's number follows the one before it within this many of the anchor's heights
SMALL = 1.3  # a printing house's name in the number's print: no taller than this many of the anchor's heights
TALLER = 2.0  # a word taller than this many of the anchor's heights is handwriting (the name), not the form's print


def _letters(text: str) -> str:
    return re.sub(r"[^а-я]", "", text.translate(_LATIN).lower())


def _nought_o(text: str) -> str:
    return re.sub(r"^0(?=[бБ])", "О", text.strip())  # the "О" of "Обр." read as a nought ("0бр", T dev 12013 p8)


def may_anchor(text: str) -> bool:
    """``anchor`` may hold for ``text`` with some word after it: it holds with none, or ``text`` is a short word
    that numbers a form only before its number (the word after it decides). False: no word after it can make
    it an anchor, and ``without_form_numbers`` need not gather its line (the gathering was most of its CPU)."""
    return anchor(text) or _letters(_nought_o(text)) in _SHORT


def anchor(text: str, nxt: str = "") -> bool:
    """``text`` is a word forms were numbered by ("Образец", "ОбразецС+.5.08", "Бланка", "Обр."), ``nxt`` the
    word after it (a short word numbers a form only before its number or "№")."""
    text = _nought_o(text)
    letters = _letters(text)
    for a in _ANCHORS:
        head = letters[: len(a)]
        if head == a or (len(letters) >= len(a) - 1 and Levenshtein.distance(head, a, score_cutoff=1) <= 1
                         and letters[:2] == a[:2]):  # fmt: skip
            return True
    if series(text):
        return True
    if re.match(r"обр\.", text.translate(_LATIN).strip().lower()) and len(letters) > len("обр"):
        return True  # "Обр." with its stop and its "№" glued on ("Обр.ме" for "Обр. №", T dev 12001 p3)
    sign = nxt.strip().lower() in ("no", "nо", "ма", "мо", "но")  # "№" read as letters
    numbered = bool(re.match(r"[№N#0-9]", nxt.strip())) or sign
    # "Форма Т-5 (МСС)": a form's code of a letter or two and its number (a machine-accounting station's form,
    # family Z: Z dev 18022 p11, the code's line out as the employer without a doubt)
    numbered = numbered or (letters == "форма" and re.fullmatch(r"[А-ЯA-Z]{1,3}-?[0-9]{1,3}[.,]?", nxt.strip()) is not None)
    # "Обр." with its stop, "Форма №"; "Обр" with its stop lost before a number ("Обр 3-ЗП", Z dev 18003 p2)
    return letters in _SHORT and numbered and (
        len(letters) < len(text.strip()) or letters == "форма" or (letters == "обр" and (bool(re.match(r"[№0-9]", nxt.strip())) or sign))
    )


def series(text: str) -> bool:
    """``text`` is the payroll forms' series "ТРЗ" (труд и работна заплата: "Обр. 16 ТРЗ", "Образец ТРЗ-3",
    "Бланка № 112 (ТРЗ)"), exactly: a word no employer's name holds, so it marks the form's number even where
    the word before it ("Обр.", "Бланка") is lost under a staple's stroke (W dev 15001 p2, p5: the number's
    print taken for the employer)."""
    # (its number's "3" read as the letter "З": "ТРЗ-З,", W dev 15001 p7)
    return re.fullmatch(r"[(0-9]*ТРЗ(?:-[0-9З]{1,3})?[),.]*", text.translate(_LATIN).upper().strip()) is not None


UNREAD = 0.3  # a word read with less confidence before the series is the form's print unread ("бенка" for "Бланка")


def _before_series(w: Word, line_of: list[Word]) -> list[Word]:
    """The words before the series word ``w`` on its line, nearest first, while each is a piece of a form's
    number or unread ink of its print (``UNREAD``), within ``GAP`` heights of the one after it."""
    out: list[Word] = []
    left = w.box.x0
    for x in sorted((x for x in line_of if x is not w and x.box.x1 <= w.box.x0 + w.box.h
                     and abs(x.box.cy - w.box.cy) < max(w.box.h, 8) * 0.8), key=lambda x: -x.box.x1):  # fmt: skip
        if left - x.box.x1 > GAP * w.box.h or not (_part(x) or x.conf < UNREAD):
            break
        out.append(x)
        left = x.box.x0
    return out


def _part(w: Word, anchor_word: Word | None = None) -> bool:
    """A word a form's number is made of: a number, "№", a short series or office ("Сч.", "(ЦСУ)", "ТКЗС"), a dash;
    after the anchor ``anchor_word`` also a word in capitals in its print, no taller than ``SMALL`` of it (the
    computing station that printed the form: "Обр. 3-ЗП / ИЗЧ. СТАНЦИЯ", Z dev 18003 p2)."""
    t = w.text.strip()
    if any(ch.isdigit() for ch in t) or "(" in t or ")" in t or len(_letters(t)) <= 4:
        return True
    letters = re.sub(r"[^А-Яа-я]", "", t.translate(_LATIN))
    return anchor_word is not None and letters.isupper() and w.box.h <= SMALL * anchor_word.box.h


def _printer(prev: Word, x: Word, w: Word) -> bool:
    """``x`` is the quoted name of the printing house after its legal form ``prev`` in the form's number's small
    print, no taller than ``SMALL`` of the anchor ``w`` ("Обр. 16 ТРЗ – ДП „Образци“", W dev 15007 p2)."""
    form = prev.text.strip(".,")
    return (len(form) <= 4 and form.isalpha() and form.isupper() and x.text.startswith(("„", '"'))
            and x.box.h <= SMALL * w.box.h)  # fmt: skip


def _inside(x: Word, w: Word) -> bool:
    """``x`` lies over the anchor ``w`` (a piece of the number the engine cut out of it, its box taller)."""
    return x is not w and w.box.x0 <= x.box.cx <= w.box.x1 + w.box.h and w.box.y0 <= x.box.cy <= w.box.y1


def without_form_numbers(words: list[Word]) -> list[Word]:
    """``words`` without the form's number: each anchor word and the words after it on its line, in print no
    taller than it, each within ``GAP`` heights of the one before (their kind a number's, ``_part``)."""
    line_of = sorted(words, key=lambda w: w.box.x0)
    drop: set[int] = set()
    for w in line_of:
        if not may_anchor(w.text):
            continue
        same = [x for x in line_of if x is not w and abs(x.box.cy - w.box.cy) < max(w.box.h, 8) * 0.8
                and x.box.cx > w.box.x1 - w.box.h and not _inside(x, w)]  # fmt: skip
        after = sorted(same + [x for x in line_of if _inside(x, w)], key=lambda x: x.box.x0)
        # (the word after it may lie over the anchor's end: "Обр." and its "16" close set, W dev 15007 p2)
        nxt = after[0].text if after else ""
        if not anchor(w.text, nxt) or w.box.h <= 0:
            continue
        drop.add(id(w))
        if series(w.text):
            drop |= {id(x) for x in _before_series(w, line_of)}
        right = w.box.x1
        prev = w
        for x in after:
            if not _part(x, w) and not _printer(prev, x, w):
                break
            prev = x
            if x.box.x0 >= right and (x.box.x0 - right > GAP * w.box.h or x.box.h > TALLER * w.box.h):
                break  # (a word over the number's span so far is a piece of it, however tall its box: "№" read "Ме")
            drop.add(id(x))
            right = max(right, x.box.x1)
    return [w for w in words if id(w) not in drop]
