"""A person's row typed on two lines (family L: the row number, ЕГН and name on the first, the figures on
the second) is one row. Read as two, every person became a row with a name and no figures and a row with
figures and no name (L dev 4005 p2-3: rows found 0 of 8 and 9 of 9 with no figure right, the row numbers
given to the figures' lines too).

Two neighbouring lines join only where the upper one carries the person (an ЕГН or a name) and no figure,
and the lower one figures and no person (no ЕГН, no name, no row number of its own; a position typed
under the name in its column is no name, and stays out of the name: L dev 4010 p2): two people are never
merged. And only where the sheet is typed so: two such pairs at the least, and half its people's lines or
more without figures (a lost name beside its figures on another sheet is no habit of the page); or, where
the grid kept the other people's two lines together, a pair as tall as their rows and each of its lines
far shorter (L dev 4005 p1: one person of ten split, a row of figures with no name below a name with none).

The grid loses the line between the two (its bands, cells and the people's rows joined: every stage after
reads one row whose cells hold the first line's words or the second's), and the columns are identified
again on the joined rows."""

from __future__ import annotations

from dataclasses import replace

from . import checks, columns, normalise, rownumbers
from .analysis import Analysis
from .geometry import Grid, Word
from .sheet import Sheet

FIGURES = ("days_worked", *checks.MONEY)


def _has_person(texts: list[str], kinds: list[str | None], strict: bool = False) -> bool:
    """An ЕГН, or a name: a word of three letters (``strict``: two capitalised words; a position typed in
    the name's column under it, `шофьор`, `общ работник`, is none)."""
    for t, k in zip(texts, kinds, strict=False):
        if k == "egn" and len(normalise.digits(t)) >= 6:
            return True
        if k == "name" and (
            _name_like(t) if strict else any(sum(ch.isalpha() for ch in w) >= 3 for w in t.split())
        ):
            return True
    return False


def _name_like(text: str) -> bool:
    words = [w for w in text.split() if sum(ch.isalpha() for ch in w) >= 2]
    return sum(w[0].isupper() for w in words) >= 2


def _figures(texts: list[str], kinds: list[str | None]) -> int:
    return sum(
        1 for t, k in zip(texts, kinds, strict=False) if k in FIGURES and any(ch.isdigit() for ch in t)
    )


def _numbered(texts: list[str], column: int | None) -> bool:
    return column is not None and column < len(texts) and any(ch.isdigit() for ch in texts[column])


def pairs(s: Sheet, kinds: list[str | None], ys: list[int] | None = None) -> list[int]:
    """The people's rows (indices into ``s.texts``) whose next row is their figures' line. ``ys``: the
    grid's row boundaries; with them a lone pair is taken where its two lines together are as tall as the
    sheet's other people's rows (the grid kept most people's two lines together and split one)."""
    t = s.texts
    numbers = rownumbers.row_column(s, kinds)
    persons = [i for i, row in enumerate(t) if _has_person(row, kinds)]
    bare = [i for i in persons if _figures(t[i], kinds) == 0]
    found = [
        i for i in bare
        if i + 1 < len(t) and s.body_rows[i + 1] == s.body_rows[i] + 1 and not _has_person(t[i + 1], kinds, strict=True)
        and _figures(t[i + 1], kinds) >= 2 and not (_numbered(t[i], numbers) and _numbered(t[i + 1], numbers))
    ]  # fmt: skip
    if len(found) >= 2 and 2 * len(bare) >= len(persons):
        return found
    if ys is None:
        return []

    def height(i: int) -> int:
        return ys[s.body_rows[i] + 1] - ys[s.body_rows[i]]

    whole = sorted(height(i) for i in persons if i not in bare)
    usual = whole[len(whole) // 2] if len(whole) >= 3 else None
    return [i for i in found if usual is not None and 0.75 * usual <= height(i) + height(i + 1) <= 1.3 * usual
            and max(height(i), height(i + 1)) <= 0.75 * usual]  # fmt: skip


def _merge_text(a: str, b: str) -> str:
    """One cell of the joined row: the line that has letters or digits in it (both: both, top first)."""
    ink = [x for x in (a, b) if any(ch.isalnum() for ch in x)]
    return " ".join(ink) if ink else (a or b)


def join_rows(
    a: Analysis, s: Sheet, kinds: list[str | None], totals: list[str] | None
) -> tuple[Analysis, list[str | None]]:
    """The two lines of each person as one row (``s`` changed in place); the analysis with the grid
    joined so, and the columns identified again. Unchanged where the sheet is not typed so."""
    found = pairs(s, kinds, a.grid.ys)
    if not found:
        return a, kinds
    g = a.grid
    gone = sorted(s.body_rows[i + 1] for i in found)  # the grid rows that join the row above them

    def new_row(r: int) -> int:
        return r - sum(1 for k in gone if k <= r)

    cells: dict[tuple[int, int], list[Word]] = {}
    for (r, c), ws in sorted(s.cells.items()):
        cells.setdefault((new_row(r), c), []).extend(ws)
    lines = [list(x) for x in g.row_lines]
    for k in reversed(gone):  # grid row k is row_lines[k - 1] (row 0: the heading)
        if 2 <= k <= len(lines):
            lines[k - 2].extend(lines.pop(k - 1))
    ys = [y for k, y in enumerate(g.ys) if k not in gone]
    texts = list(s.texts)
    for i in reversed(found):
        texts[i] = [x if k == "name" and _name_like(x) and not _name_like(y) else _merge_text(x, y)
                    for x, y, k in zip(texts[i], texts[i + 1], kinds, strict=True)]  # fmt: skip
        del texts[i + 1]
    s.cells = cells
    s.body_rows = [new_row(r) for k, r in enumerate(s.body_rows) if k - 1 not in found]
    s.texts = texts
    s.totals_row = new_row(s.totals_row) if s.totals_row is not None else None
    s.carried_row = new_row(s.carried_row) if s.carried_row is not None else None
    a = replace(a, grid=Grid(xs=g.xs, ys=ys, ruled=g.ruled, has_totals=g.has_totals, row_lines=lines))
    return a, columns.identify(s.texts, s.headings, totals)
