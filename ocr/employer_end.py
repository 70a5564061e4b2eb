"""A name that ends where no employer's name does: its end was cut off (the reading stopped short of the line's
end, a crease or a wide gap parted the town from the name) or never read. A town's or village's mark ("гр",
"гр.", "с.", "ж.к."), a preposition ("при", "на", "към"), a dash, an opening quote or bracket stand before more
of the name, never at its end ('... стопанство“ – гр' for '... стопанство" - гр. Тетевен', AO dev
33001 p1: out without a doubt). The reader keeps the name as read and sends it to a person (``name_cut``)."""

from __future__ import annotations

import re

from .employer_doubts import doubt

# marks that stand before a place's or street's name: "гр. Тетевен", "с. Славотин", "ж.к. Младост", "кв. Бели брег"
PLACE_MARKS = frozenset({"гр", "с", "ж.к", "жк", "кв", "ул", "бул", "общ", "обл", "окр", "р-н", "п.к"})
# words that join two parts of a name: "ОДЗ „Слънце“ при ОбНС", "Министерство на ...", "Завод за ..."
JOINING = frozenset({"при", "на", "за", "към", "и", "до", "от", "по", "в", "във", "със", "с"})
_OPENINGS = "„«("  # (a straight quote glued after a word closes the name: 'Слънце"')


def cut_end(tokens: list[str]) -> str | None:
    """The last of the name's ``tokens`` (as read, before marks and dust at the ends are trimmed) when the name
    ends in one that stands before more of a name: a place's mark, a joining word, a dash, an opening quote with
    nothing after it, a bracket left open; None when the name ends as names do. (Not a comma: the reader cuts an
    address off the name's line at its town, "ЕТ „Х“, гр. Варна, ул. ...", and the comma before it goes too.)"""
    words = [t for t in tokens if t.strip()]
    if not words:
        return None
    last = words[-1]
    core = last.strip("„“\"«»").lower().rstrip(".")
    if core in PLACE_MARKS or core in JOINING:
        return last
    if re.fullmatch(r"[-–—]+|\"", last) or last[-1] in _OPENINGS:
        return last
    if sum(t.count("(") for t in words) > sum(t.count(")") for t in words):
        return last
    return None


def cut_doubt(tokens: list[str]) -> str | None:
    """``name_cut`` for a name that ends cut (``cut_end``), else None."""
    end = cut_end(tokens)
    return doubt("name_cut", end) if end is not None else None
