"""Bulgarian Cyrillic <-> Latin by the Streamlined System (Transliteration Act, 2009), and ``fold``
for matching names however they were typed or read.

``to_latin("Иван Петров") == "Ivan Petrov"``; ``to_cyrillic("Ivan Petrov") == "Иван Петров"``.
``fold`` lowercases, transliterates to Latin and collapses spaces, so "ИВАН  петров" and
"Ivan Petrov" fold to the same "ivan petrov".
"""

from __future__ import annotations

import functools
import re
import unicodedata

_CYR_TO_LAT: dict[str, str] = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "g",
    "д": "d",
    "е": "e",
    "ж": "zh",
    "з": "z",
    "и": "i",
    "й": "y",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "h",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "sht",
    "ъ": "a",
    "ь": "y",
    "ю": "yu",
    "я": "ya",
    # Letters seen on old sheets / foreign names, folded to their nearest Latin form.
    "ѝ": "i",
    "ё": "yo",
    "ы": "i",
    "э": "e",
}

# Latin -> Cyrillic, longest sequence first. Ambiguous letters take their common reading:
# "a" -> "а" (not "ъ"), "y" -> "й" (not "ь").
_LAT_TO_CYR: list[tuple[str, str]] = [
    ("sht", "щ"),
    ("zh", "ж"),
    ("ts", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("yu", "ю"),
    ("ya", "я"),
    ("a", "а"),
    ("b", "б"),
    ("v", "в"),
    ("g", "г"),
    ("d", "д"),
    ("e", "е"),
    ("z", "з"),
    ("i", "и"),
    ("y", "й"),
    ("k", "к"),
    ("l", "л"),
    ("m", "м"),
    ("n", "н"),
    ("o", "о"),
    ("p", "п"),
    ("r", "р"),
    ("s", "с"),
    ("t", "т"),
    ("u", "у"),
    ("f", "ф"),
    ("h", "х"),
    ("j", "й"),
    ("c", "ц"),
    ("w", "в"),
    ("x", "кс"),
    ("q", "к"),
]

_SPACES = re.compile(r"\s+")


def _match_case(src: str, out: str) -> str:
    if src.isupper():
        # "Ж" alone at the start of a capitalised word -> "Zh"; in an all-caps word the caller
        # upper-cases the whole word afterwards.
        return out[:1].upper() + out[1:]
    return out


def _word_to_latin(word: str, *, final_ia: bool) -> str:
    letters = [
        _match_case(ch, _CYR_TO_LAT.get(ch.lower(), ch.lower())) if ch.isalpha() else ch for ch in word
    ]
    if final_ia and len(word) >= 2 and word[-2:].lower() == "ия":
        letters[-1] = (
            "a" if word[-1].islower() else "A"
        )  # the Act: word-final "ия" is "ia" (България -> Bulgaria)
    return "".join(letters)


def to_latin(text: str, *, final_ia: bool = True) -> str:
    """Cyrillic -> Latin (Streamlined System); other characters pass through."""
    out: list[str] = []
    for word in re.split(r"(\s+)", text):
        w = _word_to_latin(word, final_ia=final_ia)
        alpha = [c for c in word if c.isalpha()]
        if len(alpha) > 1 and all(c.isupper() for c in alpha):
            w = w.upper()
        out.append(w)
    return "".join(out)


_LAT_DICT = dict(_LAT_TO_CYR)
_LAT_RE = re.compile("|".join(lat for lat, _ in _LAT_TO_CYR if len(lat) > 1) + "|[a-z]", re.IGNORECASE)


def _lat_sub(m: re.Match[str]) -> str:
    src = m.group(0)
    cyr = _LAT_DICT.get(src.lower(), src)
    return cyr.upper() if src[0].isupper() else cyr


def to_cyrillic(text: str) -> str:
    """Latin -> Cyrillic (inverse of the Streamlined System, with the common reading of
    ambiguous letters); characters that are already Cyrillic pass through."""
    return _LAT_RE.sub(_lat_sub, text)


def fold(text: str | None) -> str:
    """The matching key of a name: lowercase Latin, accents dropped, punctuation to spaces, single spaces."""
    if not text:
        return ""
    t = to_latin(text.lower(), final_ia=False)
    t = unicodedata.normalize("NFKD", t)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = "".join(c if c.isalnum() else " " for c in t)
    return _SPACES.sub(" ", t).strip()


# Latin letters that look like Cyrillic ones: OCR puts them inside Cyrillic words ("Пeтров" with a Latin e).
_HOMOGLYPHS = str.maketrans(
    "AaBCcEeHKkMOoPpTXxYy",
    "АаВСсЕеНКкМОоРрТХхУу",
)
# Cyrillic letters folded onto the letter their Latin spelling reads back as (ъ is "a", ь is "y").
_CYR_CANON = str.maketrans({"ъ": "а", "ь": "й", "ѝ": "и", "ы": "и", "э": "е"})
_WORD = re.compile(r"[^\W_]+")


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


@functools.lru_cache(maxsize=65536)
def match_key(text: str | None) -> str:
    """The key names are compared on: lowercase Cyrillic, one letter per Cyrillic letter, so that one
    misread letter is one edit ("ц" for "ч"). A word with any Cyrillic letter stays Cyrillic (Latin
    look-alikes in it are read as the Cyrillic letters they resemble); an all-Latin word is read back
    from the Streamlined System. So "Ivan Petrov", "ИВАН  ПЕТРОВ" and "Иван Пeтров" (Latin e) all give
    "иван петров"."""
    if not text:
        return ""
    words: list[str] = []
    for word in _WORD.findall(unicodedata.normalize("NFC", text)):
        if any(_is_cyrillic(c) for c in word):
            words.append(word.translate(_HOMOGLYPHS).lower().translate(_CYR_CANON))
        else:
            words.append(to_cyrillic(fold(word)).replace(" ", ""))
    return " ".join(w for w in words if w)
