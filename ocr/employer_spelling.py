"""Is every word of the employer's name a word? A Bulgarian spelling dictionary (Debian's hunspell-bg,
read through hunspell) tells a real word from a misread one, beyond the word list of employers' names.

- a word the list or the dictionary knows passes;
- a word one letter from exactly one known word is that word: silently when the word stands outside the
  quoted name and is no place's (the name's first word or a small letter), was read with confidence, the letter is one the engine confuses with the other ("Напредьк",
  "Машиностроитепен") and the word is a common word; otherwise corrected and the name goes to a person;
- several words one letter away: the one a confused letter makes is taken, and the name goes to a person;
- a word two known words or an enterprise's stems glued together ("Балкантурист", "Стройинвест", the list's
  `stems`) passes: the names of enterprises were compounded so, and a misreading seldom splits into two
  words of four letters or stems;
- any other word goes to a person with the name, a brand made up for a quoted name ("„Булмаш“") too: the
  dictionary cannot tell it from a misreading.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from .employer_doubts import doubt
from .form_years import out_of_years
from .geometry import Word
from .header import LATIN_LETTERS, Header, vocabulary
from .hunspell_bg import common_word, dictionary
from .joined_places import split_places
from .names import lexicon as name_lexicon
from .plate_letters import plate_word
from .read_as_written import name_for_name
from .settlements import mend_place

SURE = 0.85  # a word read with at least this confidence may be corrected by one letter without a person
_ALPHABET = "абвгдежзийклмнопрстуфхцчшщъьюя"
# letters the engine reads one for another in typed Cyrillic (both ways): a one-letter fix between them is
# a misreading, any other one-letter difference may be another word
CONFUSED = frozenset(
    frozenset(p) for p in ("ьъ", "пл", "ни", "нп", "ий", "шщ", "цщ", "ец", "ес", "ос", "оа", "вб", "зэ", "ую", "кх", "лд", "ря", "тг", "жх")
)
_LETTERS = re.compile(r"[А-Яа-я]+")
_DOUBLED_STOP = re.compile(r"(?<=[А-Яа-я])\.{2,}(?=\s|$)")  # an abbreviation's stop read twice
# a number with a small letter or two glued after it at a word's end ("„Петров-9г“" for "„Петров-91“", N dev 6023
# p1): a digit read as a letter; no employer's name writes a number so (an ordinal takes a hyphen: "2-ри")
_DIGITS_LETTERED = re.compile(r"(?<![А-Яа-я\d])\d+[а-я]{1,2}(?=[“”\"\s.,]|$)")


@lru_cache(maxsize=1)
def listed_words() -> frozenset[str]:
    """Words of employers' names the project's lists hold: legal forms, councils, places, enterprises' nouns,
    dedications, people's names."""
    v = vocabulary()
    words = set(v["legal_forms"]) | set(v["councils"]) | set(name_lexicon())
    for group in ("words", "places", "dedications"):
        words |= {p for entry in v[group] for p in _LETTERS.findall(entry)}
    return frozenset(words)


@lru_cache(maxsize=4096)
def is_word(word: str) -> bool:
    """A word the lists or the dictionary know; one in capitals (a printout's, family P: "ТОШЕВО") as its
    lists' or the dictionary's word in small letters or with a capital first."""
    if word in listed_words() or bool(dictionary().spell(word)) or _adjective_of_noun(word):
        return True
    # a capital read inside a word of capitals read small ("ПътНо" for "ПЪТНО": a line printer's capitals, family AA,
    # AA dev 19005 p5, mended into "Пътна"): the word in one case (the capital inside is doubted by ``clean_employer``)
    mixed = len(word) > 2 and re.search(r"[а-я][А-Я]", word) is not None
    return len(word) > 1 and (word.isupper() or mixed) and any(is_word(w) for w in (word.capitalize(), word.lower()))


ADJECTIVE_ENDINGS = ("нни", "нна", "нно", "нния", "нната")  # a noun in -н made an adjective: "бетон" -> "бетонни"
MIN_NOUN = 5


def _adjective_of_noun(word: str) -> bool:
    """An adjective the dictionary lacks, made regularly of a noun in -н it holds ("стоманобетон" ->
    "стоманобетонни елементи", V dev 14022: the doubled "н" taken for a misreading and one dropped, the name
    mended into a noun's plural). Only the ending "н" + the adjective's ending; the noun at least
    ``MIN_NOUN`` letters and not itself an adjective in -ен ("текстилен": "текстиленни" is no word)."""
    low = word.lower()
    for end in ADJECTIVE_ENDINGS:
        noun = low[: len(low) - len(end) + 1]
        if (low.endswith(end) and len(noun) >= MIN_NOUN and noun.isalpha() and not noun.endswith("ен")
                and bool(dictionary().spell(noun))):  # fmt: skip
            return True
    return False


MIN_PART = 4  # a piece of a compound that is no stem is a known word of at least this many letters


def _part(piece: str) -> bool:
    return piece in vocabulary()["stems"] or (len(piece) >= MIN_PART and is_word(piece))


@lru_cache(maxsize=1024)
def compound(word: str) -> bool:
    """``word`` is a stem or two known words/stems glued together ("Балкан|турист", "Строй|инвест"), also by the
    linking "о" of a compound noun ("Хлеб|о|производство", "Машин|о|строене")."""
    low = word.lower()
    if low in vocabulary()["stems"]:
        return True
    if any(_part(low[:i]) and _part(low[i:]) for i in range(2, len(low) - 1)):
        return True
    return any(low[i] == "о" and _part(low[:i]) and _part(low[i + 1 :]) for i in range(3, len(low) - 4))


def _cased(word: str, like: str) -> str:
    return word.upper() if like.isupper() and len(like) > 1 else word.capitalize() if like[:1].isupper() else word


@lru_cache(maxsize=1024)
def neighbours(word: str) -> tuple[str, ...]:
    """The known words one letter from ``word`` (a letter changed, dropped or added), cased like it."""
    low = word.lower()
    edits = {low[:i] + ch + low[i + 1 :] for i in range(len(low)) for ch in _ALPHABET}
    edits |= {low[:i] + low[i + 1 :] for i in range(len(low))} if len(low) > 3 else set()
    edits |= {low[:i] + ch + low[i:] for i in range(len(low) + 1) for ch in _ALPHABET}
    edits.discard(low)
    return tuple(sorted(c for c in {_cased(e, word) for e in edits} if len(c) >= 3 and is_word(c)))


@lru_cache(maxsize=1024)
def compound_neighbours(word: str) -> tuple[str, ...]:
    """The compounds of known words or stems one letter from ``word`` (a letter too many: "Стрройинвест";
    one the engine confuses), cased like it: never taken silently (``check``: the word is no dictionary's)."""
    low = word.lower()
    if len(low) <= 5 or not low.isalpha():
        return ()
    edits = {low[:i] + low[i + 1 :] for i in range(len(low))}  # a letter too many
    edits |= {low[:i] + other + low[i + 1 :] for i, ch in enumerate(low)
              for pair in CONFUSED if ch in pair for other in pair if other != ch}  # fmt: skip
    edits.discard(low)
    return tuple(sorted({_cased(e, word) for e in edits if compound(e)}))


MAX_YA = 4  # a word in capitals with more "Я" than this is not tried with each read as "А"


@lru_cache(maxsize=1024)
def capital_a(word: str) -> tuple[str, ...]:
    """The known words or compounds ``word`` in capitals is with some of its "Я" read for "А" (the engine reads
    the capital "А" of a worn ribbon or a dot-matrix print as "Я", often twice in a word: "БЯЛКЯНКАР" for
    "БАЛКАНКАР", Z dev 18003 p1): more than one letter from the word, so never taken silently (``check``: the
    word is no dictionary's)."""
    at = [i for i, ch in enumerate(word) if ch == "Я"]
    if not word.isupper() or len(word) <= 5 or not at or len(at) > MAX_YA:
        return ()
    out = set()
    for mask in range(1, 2 ** len(at)):
        chars = list(word)
        for k, i in enumerate(at):
            if mask >> k & 1:
                chars[i] = "А"
        w = "".join(chars)
        if is_word(w) or compound(w):
            out.add(w)
    return tuple(sorted(out))


def listed_near(word: str) -> tuple[str, ...]:
    """The listed words (a place's, an enterprise's) one letter from ``word``: a word that is two dictionary
    words glued ("ОРЯХ|ИВИЦА") but one letter from a listed place ("ОРЯХОВИЦА", Z dev 18002 p1) is that place
    misread, not a compound."""
    known = listed_words()
    return tuple(n for n in neighbours(word) if n in known or n.capitalize() in known or n.lower() in known)


def _confused(a: str, b: str) -> bool:
    """``a`` and ``b`` (same length) differ in one letter the engine confuses."""
    diff = [(x, y) for x, y in zip(a.lower(), b.lower(), strict=True) if x != y]
    return len(diff) == 1 and frozenset(diff[0]) in CONFUSED


def _conf(piece: str, words: tuple[Word, ...]) -> float:
    """The confidence the piece was read with (its word's; 0 when no word holds it)."""
    confs = [w.conf for w in words if piece in w.text.translate(LATIN_LETTERS)]
    return min(confs) if confs else 0.0


def _split_words(name: str, doubts: list[str]) -> str:
    """Two words outside quotes that are one word with a letter lost between them (a faint key: "комби ат"
    for "Комбинат", N dev 6001 p2): joined when exactly one letter makes them a known word and the first is
    no word alone; the name goes to a person (the letter was not read)."""
    toks = name.split(" ")
    out: list[str] = []
    quoted = False
    i = 0
    while i < len(toks):
        a = toks[i]
        b = toks[i + 1] if i + 1 < len(toks) else ""
        free = not quoted and "„" not in a
        if free and a.isalpha() and b.isalpha() and len(a) >= 3 and len(a + b) >= 6 and not is_word(a):
            joined = {c for c in (_cased(a.lower() + ch + b.lower(), a) for ch in _ALPHABET) if is_word(c)}
            if len(joined) == 1:
                fix = joined.pop()
                fix = fix[:1].upper() + fix[1:] if not out else fix  # a name's first word begins with a capital
                doubts.append(doubt("corrected", f"{a} {b}", fix))
                out.append(fix)
                i += 2
                continue
        quoted = (quoted or "„" in a) and "“" not in a
        out.append(a)
        i += 1
    return " ".join(out)


def _quoted_place(name: str, doubts: list[str]) -> str:
    """A quoted name of two or three words one letter from exactly one listed place of as many words („Бобов доп“,
    X dev 16015 p1: the short word's letter misread, its several neighbours no help): that place, and the name
    to a person. A quoted name that is a place's already stays."""
    places = vocabulary()["places"]

    def fix(m: re.Match[str]) -> str:
        inner = m[1]
        n = len(inner.split())
        if not 2 <= n <= 3 or inner in places or len(inner) < 8:
            return m[0]
        near = [p for p in places if len(p.split()) == n and Levenshtein.distance(inner.casefold(), p.casefold(), score_cutoff=1) <= 1]
        if len(near) != 1:
            return m[0]
        doubts.append(doubt("corrected", inner, near[0]))
        return f"„{near[0]}“"

    return re.sub(r"„([^„“]+)“", fix, name)


def _town_stop(name: str, doubts: list[str]) -> str:
    """A full stop after a town's name in capitals before the name's next word in capitals ("КЦМ – ПЛОВДИВ. ЦЕХ
    ОЛОВО", Z dev 18021 p15, p16): a plate's comma read as a stop (no name ends a sentence there); the name goes
    to a person."""
    places = vocabulary()["places"]

    def fix(m: re.Match[str]) -> str:
        if m[1].capitalize() not in places:
            return m[0]
        doubts.append(doubt("corrected", m[1] + ".", m[1] + ","))
        return m[1] + ","

    return re.sub(r"(?<![\w.])([А-Я]{4,})\.(?= [А-Я]{2,}\b)", fix, name)


def _plate_mended(piece: str, plates: bool) -> str | None:
    """In a name in capitals (``plates``), a word no list or dictionary holds that the plates' blocky letters
    make exactly one known word of (``ocr.plate_letters``: "НЕФТОХНИ" -> "НЕФТОХИМ", "НДК" -> "МДК", Z dev 18022
    p1, p12): a short one only a legal form or a combine's abbreviation, a longer one a word or a compound; in
    small letters among the capitals ("кци" for "КЦМ", Z dev 18022 p6) read as capitals. Never silent."""
    cap = piece.upper()
    if not plates or len(cap) < 3 or not (piece.isupper() or piece.islower()):
        return None
    forms = vocabulary()["legal_forms"]
    if cap in forms:
        return None
    if len(cap) <= 5:
        fix = plate_word(cap, forms.__contains__)
    # (a compound only, "НЕФТ|ОХНИ", is tried: the plates' letters may make a likelier one); a word a letter from
    # a listed place ("ОРЯХИВИЦА") is that place's (``listed_near``), not the plates' ("ОРАХИВИЦА")
    elif is_word(cap) or listed_near(cap):
        return None
    else:
        fix = plate_word(cap, lambda s: is_word(s) or compound(s))
        if fix is None:  # a town's letter the engine confuses ("КАЗАНПЪК", Z dev 18021 p1): the one town so near
            towns = [n for n in neighbours(cap) if len(n) == len(cap) and _confused(cap, n)
                     and n.capitalize() in vocabulary()["places"]]  # fmt: skip
            fix = towns[0] if len(towns) == 1 else None
    return fix if fix is None or piece.isupper() else fix.upper()


def check(name: str, words: tuple[Word, ...]) -> tuple[str, list[str]]:
    """``name`` with a misread letter mended where that is sure, and the doubts a person should check."""
    doubts: list[str] = []
    name = _DOUBLED_STOP.sub(".", name)  # a speck read as a second stop: "гр.. Попово" (A seed 12 p9)
    name = split_places(name, doubts)  # "Бобовдол": the listed "Бобов дол" with its space lost
    name, places = mend_place(name, doubts)  # "с. Болярова": the register's settlement one letter away
    name = _split_words(name, doubts) if not places else name
    name = _quoted_place(name, doubts)
    name = _town_stop(name, doubts)
    out: list[str] = []
    quoted = False
    # a name in capitals (an enterprise's header plate, family Z): a word misread by the plates' blocky letters
    plates = sum(t.isupper() and len(t) >= 3 for t in name.split(" ")) >= 2
    for k, tok in enumerate(name.split(" ")):
        if k in places:  # a settlement's name as the register has it ("Крушуна"): no dictionary's word
            out.append(tok)
            continue
        opens = "„" in tok
        # inside the quotes a made-up name; a capital after the first word outside them a place: either
        # may be a word no dictionary holds, so a letter mended there is never silent
        proper = quoted or opens or (k > 0 and tok[:1].isupper())
        # the settlement's name after "с." or "гр.": where the register is not at hand (``ocr.settlements``), a
        # village's name the lists lack ("с. Гложене", Y dev 17003) is no misread of a word one letter from it
        placed = bool(out) and out[-1].lower() in ("с.", "гр.") and not quoted
        # a place's name of two or three words ("с. Горско Косово"): its later words too
        later = len(out) >= 2 and out[-2].lower() in ("с.", "гр.") and out[-1][:1].isupper() and out[-1].isalpha()
        later = later or (len(out) >= 3 and out[-3].lower() in ("с.", "гр.") and all(t.isalpha() for t in out[-2:]))
        in_place = (placed or later) and not quoted and tok[:1].isupper()

        def mend(m: re.Match[str], proper: bool = proper, placed: bool = placed, in_place: bool = in_place) -> str:
            piece = m.group(0)
            plate = _plate_mended(piece, plates)
            if plate is not None:
                doubts.append(doubt("corrected", piece, plate))
                return plate
            if len(piece) < 3 or (piece.isupper() and len(piece) <= 5) or is_word(piece):
                return piece
            if compound(piece) and not listed_near(piece):
                return piece  # an abbreviation or legal form is the header's to check ("ДЗС", "МК")
            near = neighbours(piece) or compound_neighbours(piece) or capital_a(piece)
            if near and placed and piece[:1].isupper() and _conf(piece, words) >= SURE:
                doubts.append(doubt("maybe", piece, "“, „".join(near[:3])))  # read with confidence: kept, a person checks
                return piece
            if len(near) > 1 and in_place:
                # a village's name the lists lack ("с. Горско Косово", T dev 12013 p6: "Косово" mended into the
                # dictionary's "Касово" by its confused letter, every page of the file wrong): of several words
                # near none is surer than the word as read (the register of settlements decides where it is at hand)
                doubts.append(doubt("maybe", piece, "“, „".join(near[:3])))
                return piece
            if len(near) > 1:  # several words near: the one a confused letter makes, if only one
                confused = [n for n in near if len(n) == len(piece) and _confused(piece, n)]
                if len(confused) == 1 and proper and name_for_name(piece, confused[0], _conf(piece, words), listed_words()):
                    doubts.append(doubt("maybe", piece, confused[0]))
                    return piece
                if len(confused) == 1:
                    doubts.append(doubt("corrected", piece, confused[0]))
                    return confused[0]
            if len(near) != 1:
                doubts.append(doubt("maybe", piece, "“, „".join(near[:3])) if near else doubt("not_a_word", piece))
                return piece
            fix = near[0]
            if proper and name_for_name(piece, fix, _conf(piece, words), listed_words()):
                doubts.append(doubt("maybe", piece, fix))
                return piece
            sure = (not proper and _conf(piece, words) >= SURE and len(fix) == len(piece)
                    and _confused(piece, fix) and common_word(fix))  # fmt: skip
            if not sure:
                doubts.append(doubt("corrected", piece, fix))
            return fix

        out.append(_LETTERS.sub(mend, tok))
        if opens:
            quoted = True
        if "“" in tok:
            quoted = False
    name = " ".join(out)
    doubts += [doubt("not_a_word", m.group(0)) for m in _DIGITS_LETTERED.finditer(name)]
    # (again after the words' mending: „Вобов доп“, X dev 16015 p1, one letter from the place once "Вобов" is mended)
    return _quoted_place(name, doubts), doubts


def check_header(header: Header) -> Header:
    """``header`` with its employer's name checked word by word; new doubts join the old ones."""
    if header.employer is None:
        return header
    name, doubts = check(header.employer, header.employer_words)
    known = header.employer_review or ""
    doubts += [d for d in out_of_years(name, header.year) if d not in known and d not in doubts]  # "АПК" in 1992
    if name == header.employer and not doubts:
        return header
    review = "; ".join([d for d in (header.employer_review or "").split("; ") if d] + doubts) or None
    return replace(header, employer=name, employer_review=review)
