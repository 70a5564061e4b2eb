"""Cells something lies over: a slip stapled on, an archive's sticky label, a paper clip over the table (family Y:
a small organisation's payroll kept in a bundle; what they hide stays in the truth, and a reader must flag what
it cannot see, never guess). Under such a piece of paper the typing is gone and the reading of what shows
beside its edge is a guess (`6` read for 22 where a label lies over the lower half of the days, `0` for 22).

The table's own rules say where: a rule drawn down the whole table (or across it) is there in every band it
runs through, and a piece of paper lying over the table cuts it. Where a rule present on most of its bands is
missing on one or a few (its ink on less than ``GAP`` of the band's stretch, against ``PRESENT`` or more on the
most of the others), the cells on both sides of the missing stretch are covered there, and every field those
cells hold goes to a person (``checks.UNREADABLE``) unless the engine read it surely (``SURE``: a glare on the sleeve
washes a pencil rule away too, and the figures under it read well; a piece of paper leaves at most a guess at
what shows beside its edge). A table ruled by its columns only says so by its column
rules; one whose rules are faint everywhere says nothing (no rule is present on most bands).

Safe because it only adds doubt: a rule broken by anything else (a tear, a stamp's white, a glare that washed
the pencil away) sends those few cells to a person who finds them legible. A page with its rules missing on
many bands (a rule too faint to trust) is left alone: a rule's gaps count only where it is there on ``MOST_BANDS``
of its bands, and only in a band most of whose rules are there.
"""

from __future__ import annotations

import numpy as np

from archive_core.records import SCORED_FIELDS

from . import checks, columns
from .analysis import Analysis

COVERED = "covered"  # the cause kept with the shown reason (``checks.Flags.add_as``): a piece of paper over the cell
PRESENT = 0.8  # a rule's stretch across a band holds ink on this share of it at least: the rule is there
GAP = 0.35  # ... on less than this share: cut there (a piece of paper over it)
MOST_BANDS = 0.6  # a rule present on this share of the table's bands at least counts (else too faint to tell)
NEAR = 5  # px either side of the rule's place where its ink may lie (a hand-ruled line wavers)
SURE = 0.9  # a reading this sure in a cell beside the cut stands (the paper beside it, not over it)
INSET = 3  # px of a stretch's ends left out (the crossing rules' own ink)


def _vertical(mask: np.ndarray, x: int, y0: int, y1: int) -> float:
    """The share of the stretch ``y0``..``y1`` of the column rule at ``x`` that holds rule ink."""
    seg = mask[y0 + INSET : y1 - INSET, max(0, x - NEAR) : x + NEAR + 1]
    return float(seg.any(axis=1).mean()) if seg.size else 1.0


def _horizontal(mask: np.ndarray, y: int, x0: int, x1: int) -> float:
    """The share of the stretch ``x0``..``x1`` of the row rule at ``y`` that holds rule ink."""
    seg = mask[max(0, y - NEAR) : y + NEAR + 1, x0 + INSET : x1 - INSET]
    return float(seg.any(axis=0).mean()) if seg.size else 1.0


def _cuts(shares: np.ndarray) -> list[tuple[int, int]]:
    """The stretches ``(i, j)`` of a matrix of rule shares (line ``j``'s stretch across band ``i``) that are cut:
    their line there on most bands (``MOST_BANDS``), and their band's other lines there on most of them too (a
    band where the rules are missing across the table is no table's band, or a rule the grid only inferred)."""
    if shares.shape[0] < 3 or shares.shape[1] < 2:
        return []
    there = shares >= PRESENT
    lines = there.mean(axis=0) >= MOST_BANDS
    bands = there.mean(axis=1) >= MOST_BANDS
    return [(int(i), int(j)) for i, j in zip(*np.nonzero(shares < GAP), strict=True) if lines[j] and bands[i]]


def covered(a: Analysis, bands: list[int]) -> set[tuple[int, int]]:
    """The cells (grid row, grid column) of the table's ``bands`` (its grid rows: the people's rows and the
    totals) that a piece of paper lying over the table covers, by the rules it cuts."""
    g = a.grid
    if not g.ruled or len(bands) < 3:
        return set()
    mask = a.rules.mask > 0
    out: set[tuple[int, int]] = set()
    vert = np.array([[_vertical(mask, x, g.ys[r], g.ys[r + 1]) for x in g.xs] for r in bands])
    for i, k in _cuts(vert):  # a column rule cut across a band: the cells either side of it
        out.update((bands[i], c) for c in (k - 1, k) if 0 <= c < g.n_cols)
    ys = sorted({*bands, *(r + 1 for r in bands)} & set(range(len(g.ys))))  # the row rules about each band
    horiz = np.array([[_horizontal(mask, g.ys[y], g.xs[c], g.xs[c + 1]) for c in range(g.n_cols)] for y in ys])
    for i, c in _cuts(horiz):  # a row rule cut in a column: the cells above and below it
        out.update((r, c) for r in (ys[i] - 1, ys[i]) if r in bands)
    return out


def doubt_covered(a: Analysis, body_rows: list[int], totals_row: int | None, kinds: list[str | None],
                  drafts: list[checks.RowDraft]) -> list[int]:  # fmt: skip
    """Every field of a people's row whose cell something lies over, not read surely, goes to review (in place);
    returns the indices of the drafts so doubted."""
    bands = [*body_rows, *([totals_row] if totals_row is not None else [])]
    cells = covered(a, bands)
    if not cells:
        return []
    out = []
    for i, (r, d) in enumerate(zip(body_rows, drafts, strict=True)):
        fields = set()
        for rr, c in cells:
            if rr != r or c >= len(kinds):
                continue
            k = kinds[c]
            if k in SCORED_FIELDS:
                fields.add(k)
            elif k == columns.PART and "deductions" not in kinds:  # the deductions are its parts' sum
                fields.add("deductions")
        for f in sorted(fields):
            if d.values.get(f) is not None and d.conf.get(f, 0.0) >= SURE:
                continue  # read surely: the paper lies beside the figure, or a glare washed the rule away
            d.values.setdefault(f, None)
            d.review.add_as(f, checks.UNREADABLE, COVERED)
        if fields:
            out.append(i)
    return out
