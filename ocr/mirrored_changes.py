"""Figures the column reconciliation moved against the ink: the column totals vouch only for the sum of
the moves, so two misread rows can be "mended" in mirror (E dev 506 page 7: a net read `1258.57` for
1256.57 made base and gross `1568.79` on one row, and the base column's total then gave another row
`1434.42` for 1436.42: every row's sums and every column held, 6 figures wrong and no flag).
The independent evidence is the row's own ink: without additional pay the base and the gross are one
figure typed twice; where both cells were read alike in a digit the move changed (`1566.79` and
`1566.89` against `1568.79`), two readings say the move is wrong. The figure, the figures its row's sums
tie to it, and every other figure of its columns that the totals moved or that no ink gave go to a
person with the step that changed them.

Unless the other model, reading both cells again, reads that digit as the move made it (H dev 802 p3: base
and gross `5290.50` and `5290.29` for 3290.59, a 3 the first model read as 5 in both, moved right by the
totals; three rows' moves went to review, eleven right figures): the two readings that agreed against the
move were one model's habit, and the move stands as any other the page confirms. A move the other model
reads as the first did there, or could not read, stays in doubt as before.
"""

from __future__ import annotations

from . import checks, sheet
from .analysis import Analysis
from .engine import OcrEngine
from .reading import second_pass

MOVED_BY = (checks.COLUMN_RECONCILE, checks.COLUMN_FILL)
# the row's sums: gross = base + extra, net = gross - deductions
TIES = (("base_pay", "extra_pay", "gross_pay"), ("gross_pay", "deductions", "net_pay"))
TWINS = {"base_pay": "gross_pay", "gross_pay": "base_pay"}  # one figure typed twice without additional pay


def _as_read(d: checks.RowDraft, f: str) -> str | None:
    """What the cell's ink gave before a column step moved it."""
    moved = d.changed.get(f)
    v = moved[1] if moved and moved[0] in MOVED_BY else d.values.get(f)
    return v if isinstance(v, str) else None


def _positions_against_ink(d: checks.RowDraft, f: str, present: list[str]) -> list[int]:
    """Where the move of ``f`` changed a digit in which its own reading and its twin's agree."""
    twin = TWINS.get(f)
    if (
        twin is None
        or twin not in present
        or ("extra_pay" in present and d.values.get("extra_pay") not in (None, "0.00"))
    ):
        return []
    new, old, other = d.values.get(f), _as_read(d, f), _as_read(d, twin)
    if not isinstance(new, str) or old is None or other is None or not len(new) == len(old) == len(other):
        return []
    return [k for k, (n, o, t) in enumerate(zip(new, old, other, strict=True)) if n != o and o == t]


def _against_ink(d: checks.RowDraft, f: str, present: list[str]) -> bool:
    """The move of ``f`` changed a digit in which its own reading and its twin's agree, and the other model
    did not read that digit as the move made it in both cells."""
    at = _positions_against_ink(d, f, present)
    return bool(at) and not all(_other_model_reads_as_moved(d, g, f, at) for g in (f, TWINS[f]))


def _other_model_reads_as_moved(d: checks.RowDraft, g: str, f: str, at: list[int]) -> bool:
    """Every other reading of cell ``g`` (one at least) has, at each place of ``at``, the digit the move
    of ``f`` put there (H dev 802 p3: `5290.50` and `5290.29` read by the first model, `3290.50` and
    `3290.29` by the other, the move `3290.59`: the 3 is the other model's as well as the totals')."""
    new = d.values.get(f)
    alts = [a for a in d.alts.get(g, []) if a is not None]
    if not isinstance(new, str) or not alts:
        return False
    return all(len(str(a)) == len(new) and all(str(a)[k] == new[k] for k in at) for a in alts)


def _culprits(drafts: list[checks.RowDraft], present: list[str]) -> list[tuple[int, str]]:
    """The moves against two readings of the row's ink."""
    money = [f for f in checks.MONEY if f in present]
    return [
        (i, f)
        for i, d in enumerate(drafts)
        for f, (reason, _old) in d.changed.items()
        if reason in MOVED_BY and f in money and _against_ink(d, f, present)
    ]  # fmt: skip


def reread_moves(
    a: Analysis, s: sheet.Sheet, kinds: list[str | None], drafts: list[checks.RowDraft], engine: OcrEngine
) -> None:
    """The other model reads the cells of a move against the ink (the figure and its twin) that it has not
    read yet: the second pass reads what the checks doubted, and a move the page confirmed was not."""
    present = [k for k in kinds if k]
    targets = [
        sheet.Target(i, g, s.figure_box(a.grid, s.body_rows[i], kinds.index(g)))
        for i, f in _culprits(drafts, present)
        for g in (f, TWINS[f])
        if not drafts[i].alts.get(g)
    ]
    targets = list({(t.row, t.kind): t for t in targets}.values())
    if targets:
        sheet.add_readings(drafts, targets, second_pass(a, [(k, t.box) for k, t in enumerate(targets)], engine))


def _doubt_row(d: checks.RowDraft, f: str, money: list[str]) -> int:
    n = 0
    if f not in d.review:
        d.review.add(f, checks.COLUMN_RECONCILE)
        d.review.reasons[f] = checks.COLUMN_RECONCILE
        n += 1
    for tie in TIES:
        if f in tie:
            for g in tie:
                if g in money and g not in d.review:
                    d.review.add(g, checks.ROW_SUM)
                    n += 1
    return n


def doubt_moves_against_ink(drafts: list[checks.RowDraft], present: list[str]) -> int:
    """Flag the figures the columns' totals moved against two readings of the row, and what the same
    columns' totals gave other rows on their strength. How many figures were flagged."""
    money = [f for f in checks.MONEY if f in present]
    culprits = _culprits(drafts, present)
    flagged = 0
    for i, f in culprits:
        d = drafts[i]
        flagged += _doubt_row(d, f, money)
        twin = TWINS[f]
        flagged += _doubt_row(d, twin, money)
        for col in (f, twin):  # the same totals made the other moves of these columns
            for j, e in enumerate(drafts):
                if j == i:
                    continue
                moved = e.changed.get(col)
                if (moved and moved[0] in MOVED_BY) or (col in e.conf and e.conf[col] == 0.0):
                    flagged += _doubt_row(e, col, money)
    return flagged


def doubt_traded_moves(drafts: list[checks.RowDraft], present: list[str]) -> int:
    """Two rows in doubt in the same two figures of one sum (the base pay and the additional pay, say), the
    totals having moved one of them at least: an amount taken from one column and given to the other in the
    one row, and back in the other, keeps every row's sums and every column's total, so neither those sums
    nor the totals prove the moves (X dev 16004 p1: two rows' base and additional pay 20.00 off each, both
    ways, every sum holding and none flagged). Those figures of both rows go to a person (not the rest of
    their sums: those the sums and the totals still prove). How many were flagged."""
    money = [f for f in checks.MONEY if f in present]

    def moved(d: checks.RowDraft, f: str) -> bool:
        step = d.changed.get(f)
        return step is not None and step[0] in MOVED_BY

    doubted = [{f for f in money if f in d.review or moved(d, f)} for d in drafts]
    flagged = 0
    for tie in TIES:
        for i, di in enumerate(doubted):
            mine = di & set(tie)
            if len(mine) < 2:
                continue
            for j in range(i + 1, len(drafts)):
                shared = mine & doubted[j]
                if len(shared) < 2 or not any(moved(drafts[k], f) for k in (i, j) for f in shared):
                    continue
                for k in (i, j):
                    for f in shared - drafts[k].review:
                        drafts[k].review.add(f, checks.COLUMN_RECONCILE)
                        drafts[k].review.reasons[f] = checks.COLUMN_RECONCILE
                        flagged += 1
    return flagged
