"""The letter case a name's words were typed in.

Most sheets type a name's words capitalised ('Иван Петров Иванов'); some type the family name in
capitals ('ПЕТРОВ Иван Георгиев'), and the record keeps the name as printed. Many Cyrillic small
letters are their capital's shape made smaller (к о с т п н ш ...), so a word in capitals comes out of
the engine with a small letter or two ('ПЕТРоВ') and a capitalised word now and then with a capital
inside: a word is in capitals when most of its letters after the first are capitals.
"""

from __future__ import annotations

MIN_LETTERS = 3  # a shorter word (an initial, a stray mark) tells no case


def in_capitals(word: str) -> bool:
    """Is the word typed in capitals (most of its letters after the first are)?"""
    rest = [ch for ch in word[1:] if ch.isalpha()]
    return len(rest) >= MIN_LETTERS - 1 and 2 * sum(ch.isupper() for ch in rest) > len(rest)


def as_typed(word: str) -> str:
    """The word in capitals or capitalised, as ``in_capitals`` tells."""
    return word.upper() if in_capitals(word) else word[:1].upper() + word[1:].lower()


def whole_in_capitals(words: list[str]) -> list[str]:
    """A name's words in one case where the sheet types it all in capitals: a sheet types a name's words
    capitalised, or its family name alone in capitals, or the whole name in capitals (a printout); two
    of its words in capitals and another capitalised is none of these, but a word in capitals read with
    small letters (the engine reads Cyrillic capitals that look like their small letters so: P dev 8013
    page 1, `СТОЯН КИРИЛОВ Василев` and `Чавдар ДИМИТРОВ КИРИЛОВ` out without a flag)."""
    long = [w for w in words if len(w) >= MIN_LETTERS]
    caps = sum(w.isupper() for w in long)
    if caps >= 2 and caps < len(long):
        return [w.upper() for w in words]
    return words


def capitalised(word: str) -> str:
    """The word as the name lists write it ('ПЕТРОВ' -> 'Петров')."""
    return word[:1].upper() + word[1:].lower()


def case_like(word: str, model: str) -> str:
    """``word`` (as the name lists write it) in the case of ``model`` (the word as read)."""
    return word.upper() if model.isupper() and len(model) >= MIN_LETTERS else word


def mixed(word: str) -> bool:
    """A word read with both capitals and small letters after its first: its case is a guess."""
    rest = [ch for ch in word[1:] if ch.isalpha()]
    return any(ch.isupper() for ch in rest) and any(ch.islower() for ch in rest)


def capitals_at(name: str) -> frozenset[int]:
    """Which words of the name are in capitals (the family name's place on a sheet that types it so)."""
    return frozenset(k for k, w in enumerate(name.split()) if len(w) >= MIN_LETTERS and w.isupper())


def out_of_case(names: list[str | None]) -> list[int]:
    """The rows whose name is typed in other capitals than most on the sheet ('Петров Иван Георгиев'
    among 'ПЕТРОВ Иван Георгиев's, or one word in capitals where no other name has one): a word read
    in the wrong case. Too few names, or no clear custom (under three in four alike): none."""
    at = [capitals_at(n) if n else None for n in names]
    known = [x for x in at if x is not None]
    if len(known) < 3:
        return []
    usual = max(set(known), key=known.count)
    if known.count(usual) < 0.75 * len(known):
        return []
    return [i for i, x in enumerate(at) if x is not None and x != usual]


def out_of_case_of_sure(names: list[str | None], doubted: list[bool]) -> list[int]:
    """``out_of_case`` of all the names, and of the names not in doubt alone: a name garbled by the engine
    ('ОРАЧН ИЛИЕВ ЛИРВ ИЛИЕВ', 'МКСКА Беорг') already goes to a person and tells nothing of the sheet's
    custom, yet counts against it among all (hard dev seed 64 p6: four names read sure, three of them
    capitalised and `ВЕЛИЧКА Атанасова Ангелова` for Величка, out unflagged beside three garbled names
    that kept the custom under three in four). Either custom's odd names: only more review, never less."""
    sure = [n if not d else None for n, d in zip(names, doubted, strict=True)]
    return sorted({*out_of_case(names), *out_of_case(sure)})


def wholly_in_capitals(name: str) -> bool:
    """Every word of the name (two or more long enough to tell) in capitals."""
    long = [w for w in name.split() if len(w) >= MIN_LETTERS]
    return len(long) >= 2 and all(w.isupper() for w in long)


def sheet_in_capitals(names: list[str | None]) -> tuple[list[int], list[int]]:
    """(rows whose name to put in capitals, rows whose case is in doubt) on a sheet that types names wholly
    in capitals (a printout: P dev 8018 page 1, eight names of twelve read in capitals, the others
    `Йорданка Йорданова Лазарова` for ЙОРДАНКА ЙОРДАНОВА ЛАЗАРОВА and out without a flag: the engine
    reads a capital Cyrillic word whose capitals look like small letters as small letters; it does not
    read a capitalised name's small letters as capitals, word after word). More names wholly in capitals
    than not: the sheet types them so, the others are put in capitals. Two or more wholly in capitals but
    no more than the others (a clear custom, three in four alike, is ``out_of_case``'s): the sheet does
    not tell its case, every name goes to a person."""
    known = [i for i, n in enumerate(names) if n and len([w for w in n.split() if len(w) >= MIN_LETTERS]) >= 2]
    whole = [i for i in known if wholly_in_capitals(names[i] or "")]
    others = [i for i in known if i not in whole]
    if len(known) < 3 or len(whole) < 2 or not others:
        return [], []
    if len(whole) > len(others):
        return others, []
    if len(whole) >= 0.25 * len(known) and len(others) >= 0.25 * len(known):
        return [], known
    return [], []
