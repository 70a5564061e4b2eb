"""A place of two words read as one: the space between them lost ("„Мини Бобовдол“ ЕАД" for "„Мини Бобов дол“",
R dev 10001 p3). The spelling dictionary knows "Бобовдол" as a name, so the word check passed it and the name
went out wrong without a doubt. A word that is a listed place of several words with its spaces taken out (case
aside) is that place as the lists spell it, and the name goes to a person: the typist may have written it
together, the lists hold the official spelling."""

from __future__ import annotations

import re
from functools import lru_cache

from .employer_doubts import doubt
from .header import vocabulary


@lru_cache(maxsize=1)
def _joined() -> dict[str, str]:
    """Each listed place of several words, its spaces and hyphens taken out and case folded, to its spelling."""
    return {re.sub(r"[\s-]", "", p).casefold(): p for p in vocabulary()["places"] if len(p.split()) > 1}


def split_places(name: str, doubts: list[str]) -> str:
    """``name`` with each word that is a listed place of several words run together written as the lists do."""

    def mend(m: re.Match[str]) -> str:
        place = _joined().get(m.group(0).casefold())
        if place is None:
            return m.group(0)
        doubts.append(doubt("corrected", m.group(0), place))
        return place

    return re.sub(r"[А-Яа-я]{5,}", mend, name)
