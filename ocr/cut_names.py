"""A person's name cut by a column's boundary (issue 9, silent errors; AH dev 26008 p2: a strip of tape down
the name column, its edge taken for a column's rule; the name's cell read `Радка Тодор`, the rest of the name,
`ова Златева`, fell into a column no field was placed for, and the short name went out without a flag where
the engine read it sure).

A name's cell whose neighbour on the right is a column no field was placed for, that neighbour's cell on the
row beginning with a small letter (a word's tail: no name, no rank and no figure of a column begins so but
the rank, which then stands after a whole name), is a name cut short: it goes to a person (``NAME_FORM``).
A name of three words or more before such a cell is whole (a rank after it in a column left unplaced)."""

from __future__ import annotations

from . import checks

WHOLE = 3  # words of a whole name (given name, father's name, family name)


def _tail(text: str) -> bool:
    """The cell begins with a small Cyrillic letter: a word's rest, cut off the cell before it."""
    t = text.strip()
    return bool(t) and t[0].isalpha() and t[0].islower() and "а" <= t[0].lower() <= "я"


def doubt_cut_names(drafts: list[checks.RowDraft], kinds: list[str | None], texts: list[list[str]]) -> None:
    """Send to review each row's name read short whose next cell (a column no field was placed for) begins with a
    word's tail. ``texts``: the body's cells, row by column, one row per draft."""
    at = [c for c, k in enumerate(kinds) if k == "name"]
    if len(at) != 1 or len(texts) != len(drafts):
        return
    nxt = at[0] + 1
    if nxt >= len(kinds) or kinds[nxt] is not None:
        return
    for d, row in zip(drafts, texts, strict=True):
        name = d.values.get("name")
        if not isinstance(name, str) or not name or "name" in d.review or nxt >= len(row):
            continue
        if len(name.split()) < WHOLE and name[-1].isalpha() and _tail(row[nxt]):
            d.review.add("name", checks.NAME_FORM)
