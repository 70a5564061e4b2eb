"""A word of the employer's name read with confidence that is itself a common Bulgarian word is no
near-miss of a listed word one letter from it: "Мини „Марица-изток“", "„Мини Бобов дол“ ЕАД" (R, X dev
10001, 16002: the plural "Мини" read at 0.91-0.95 and taken for the list's "Мина", the name out wrong, silently
where it stood outside the quotes). The lists of employers' words hold one form of a word; the names use
others (plural, feminine, definite), so a word the dictionary knows stays as read, unless the listed word
near it is a place's ("Горна Липница" read "Горка Липхица" at 0.86: a village's words are adjectives a letter
from common ones; there the list wins, as before).

Safe because only a word read with ``SURE`` confidence or more stays: a letter misread that happens to make
another word is read with less, and the near-miss correction (with its doubt where it has one) goes on as
before. Proper names only (a family name one letter from a town: "Троянова") are not enough: the dictionary
must know the word in small letters."""

from __future__ import annotations

from .geometry import Word
from .hunspell_bg import common_word, dictionary

SURE = 0.85  # as ``ocr.employer_spelling.SURE``: a word read so is taken as it was read when it is a word


def confidence(piece: str, words: list[Word] | tuple[Word, ...]) -> float:
    """The confidence ``piece`` was read with: the lowest of the words holding it (0 when none does)."""
    confs = [w.conf for w in words if piece in w.text]
    return min(confs) if confs else 0.0


def stands(piece: str, conf: float) -> bool:
    """``piece`` (letters only, as read) is a common word read with confidence: it stays as read."""
    return conf >= SURE and len(piece) >= 3 and piece.isalpha() and common_word(piece)


def name_for_name(piece: str, fix: str, conf: float, listed: frozenset[str]) -> bool:
    """``piece``, a capitalised word that no list or dictionary holds, one letter from ``fix``, a word only the
    dictionary knows and only as a proper name ("Трояново", a village the lists lack, one letter from the family
    name "Троянова": X dev 16002, every page out as "„Троянова-1“"): one proper name is not mended into another;
    it stays as read (the caller doubts it all the same). Whatever the confidence it was read with (0.74 on X dev
    16025 p1: mended, the page wrong): a proper name only the dictionary knows is no likelier than the reading
    (``conf`` is kept for the callers; a word read unsure is doubted as such besides)."""
    del conf
    proper_only = bool(dictionary().spell(fix)) and not common_word(fix)  # (not a compound, not a listed place)
    known = fix in listed or fix.capitalize() in listed or fix.lower() in listed  # (a name in capitals: "КАЗАНЛЪК")
    return piece[:1].isupper() and not known and proper_only

