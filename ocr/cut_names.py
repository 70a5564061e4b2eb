"""A person's name cut by a column's boundary (issue 9, silent errors; AH dev 26008 p2: a strip of tape down
the name column, its edge taken for a column's rule; the name's cell read `Радка Тодор`, the rest of the name,
`ова Златева`, fell into a column no field was placed for, and the short name went out without a flag where
the engine read it sure).

A name's cell whose neighbour on the right is a column no field was placed for, that neighbour's cell on the
row beginning with a small letter (a word's tail: no name, no rank and no figure of a column begins so but
the rank, which then stands after a whole name), is a name cut short: it goes to a person (``NAME_FORM``).
A name of three words or more before such a cell is whole (a rank after it in a column left unplaced).

A name of fewer than three words whose last word's ink runs to the column's right boundary (within a quarter
of the letters' height) is cut by it too, whatever the cells after it hold (AH dev 26008 p2: eight of nine names ending at the tape's
edge, their rest read as the next column's figures or a rank)."""

from __future__ import annotations

import numpy as np

from . import checks
from .geometry import Word

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


REACH = 0.25  # of the name's letter height: a last word ending this near the column's boundary runs into it


def _runs_to_boundary(words: list[Word], right: int) -> bool:
    """The cell's last word ends at the column's right boundary (its ink cut there)."""
    words = [w for w in words if any(ch.isalpha() for ch in w.text)]
    if not words:
        return False
    last = max(words, key=lambda w: w.box.x1)
    height = float(np.median([w.box.h for w in words]))
    return last.box.x1 >= right - REACH * height


def doubt_names_at_boundary(
    drafts: list[checks.RowDraft], kinds: list[str | None], cells: dict[tuple[int, int], list[Word]],
    body_rows: list[int], xs: list[int],
) -> None:
    """Send to review each row's name of fewer than three words whose last word runs to its column's right
    boundary (``xs``: the grid's column boundaries; ``cells``: the words of each (row, column) cell)."""
    at = [c for c, k in enumerate(kinds) if k == "name"]
    if len(at) != 1 or len(body_rows) != len(drafts) or at[0] + 1 >= len(xs):
        return
    c = at[0]
    for d, r in zip(drafts, body_rows, strict=True):
        name = d.values.get("name")
        if not isinstance(name, str) or len(name.split()) >= WHOLE or "name" in d.review:
            continue  # (three words: a whole name the typist ran up to the rule, AH dev 26031 p2, 26013 p4)
        if _runs_to_boundary(cells.get((r, c), []), xs[c + 1]):
            d.review.add("name", checks.NAME_FORM)
