"""The employer's address or registration line under its name: no part of the name, never the name.

A firm's sheet prints under its name its address, its BULSTAT or tax number ("Адрес: гр. Монтана, ж.к. „Младост“
бл. 12", "гр. Варна, ул. „Раковски“ 7; БУЛСТАТ 123456789", "Дан. № 4399650277, гр. Добрич"). Such a line is
told by a label of an address or a registration (its first word, or a street's word anywhere) or by a number of
six digits or more (a BULSTAT, a tax number, a telephone's), misread letters and all ("Дам. Ми 4842797711")."""

from __future__ import annotations

import re

from .geometry import Word

# the first word of an address or registration line, as its letters (a full stop or colon after it)
_OPENERS = ("адрес", "ул", "бул", "жк", "пк", "пл", "булстат", "еик", "дан", "данъчен", "дн", "ин", "тел", "идн")
# a street's, a block's or a registration's word anywhere on the line ("гр. Варна, ул. „Раковски“ 7")
_INSIDE = ("ул", "бул", "жк", "бл", "вх", "ап", "пк", "булстат", "еик", "тел")
_LATIN = str.maketrans({"A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О",
                        "P": "Р", "T": "Т", "X": "Х", "a": "а", "c": "с", "e": "е", "o": "о", "p": "р",
                        "x": "х", "y": "у"})  # fmt: skip


# "ж.к.", "п.к.": their letters are a legal form's too ("ПК", производствена кооперация): with the inner dot only
_DOTTED = ("жк", "пк")


def _letters(text: str) -> str:
    core = re.sub(r"[^а-я]", "", text.translate(_LATIN).lower())
    return core if core not in _DOTTED or re.search(r"\w\.\s?\w", text) else ""


def address_line(words: list[Word]) -> bool:
    """Is the line the employer's address or registration line (see the module's doc)?"""
    if not words:
        return False
    if _opener(words, 0):  # "Адрес:", "ул.", "ж.к.", "БУЛСТАТ", "Дан. №": an address's or registration's label
        return True
    return any(_sign(w) for w in words)


def starts_address(words: list[Word]) -> bool:
    """Does the line start as an address or registration (a label first, or a street's word or a long number
    within its first three words: "гр. Варна, ул. ...", "Дам. Ми 4842797711")? No employer's line does."""
    return bool(words) and (_opener(words, 0) or any(_sign(w) for w in words[:3]))


def _sign(w: Word) -> bool:
    """A BULSTAT's, a tax or telephone number (six digits or more), or a street's or registration's word."""
    t = w.text.translate(_LATIN)
    return re.search(r"\d{6,}", t) is not None or (
        _letters(t) in _INSIDE and (t.endswith(".") or (t.isupper() and len(t) >= 6))
    )


def _opener(words: list[Word], i: int) -> bool:
    first = words[i].text.translate(_LATIN)
    if _letters(first) in ("адрес", "булстат", "еик"):  # words no name holds
        return True
    return _letters(first) in _OPENERS and (
        first[-1:] in ".:" or len(_letters(first)) >= 5 or (i + 1 < len(words) and "№" in words[i + 1].text)
    )


def before_address(words: list[Word]) -> list[Word]:
    """The name's words before an address read on its line (the line under the name joined to it: "ЕТ „Юлия
    Славова“ Адрес: гр. Монтана, ж.к. „Младост“ ..."): cut at an address's or registration's label, or at the
    town's "гр."/"с." an address follows ("... гр. Варна, ул. „Раковски“ 7"); the words as they are else."""
    for i in range(1, len(words)):
        town = _letters(words[i].text) in ("гр", "с") and address_line(words[i + 1 :])
        if _opener(words, i) or town:
            return words[:i]
    return words
