"""Figures the column reconciliation moved against the ink: the column totals vouch only for the sum of
the moves, so two misread rows can be "mended" in mirror (E dev 506 page 7: a net read `1258.57` for
1256.57 made base and gross `1568.79` on one row, and the base column's total then gave another row
`1434.42` for 1436.42: every row's sums and every column held, 6 figures wrong and no flag).
The independent evidence is the row's own ink: without additional pay the base and the gross are one
figure typed twice; where both cells were read alike in a digit the move changed (`1566.79` and
`1566.89` against `1568.79`), two readings say the move is wrong. The figure, the figures its row's sums
tie to it, and every other figure of its columns that the totals moved or that no ink gave go to a
person with the step that changed them."""

from __future__ import annotations

from . import checks

MOVED_BY = (checks.COLUMN_RECONCILE, checks.COLUMN_FILL)
# the row's sums: gross = base + extra, net = gross - deductions
TIES = (("base_pay", "extra_pay", "gross_pay"), ("gross_pay", "deductions", "net_pay"))
TWINS = {"base_pay": "gross_pay", "gross_pay": "base_pay"}  # one figure typed twice without additional pay


def _as_read(d: checks.RowDraft, f: str) -> str | None:
    """What the cell's ink gave before a column step moved it."""
    moved = d.changed.get(f)
    v = moved[1] if moved and moved[0] in MOVED_BY else d.values.get(f)
    return v if isinstance(v, str) else None


def _against_ink(d: checks.RowDraft, f: str, present: list[str]) -> bool:
    """The move of ``f`` changed a digit in which its own reading and its twin's agree."""
    twin = TWINS.get(f)
    if (
        twin is None
        or twin not in present
        or ("extra_pay" in present and d.values.get("extra_pay") not in (None, "0.00"))
    ):
        return False
    new, old, other = d.values.get(f), _as_read(d, f), _as_read(d, twin)
    if not isinstance(new, str) or old is None or other is None or not len(new) == len(old) == len(other):
        return False
    return any(n != o and o == t for n, o, t in zip(new, old, other, strict=True))


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
    culprits = [
        (i, f)
        for i, d in enumerate(drafts)
        for f, (reason, _old) in d.changed.items()
        if reason in MOVED_BY and f in money and _against_ink(d, f, present)
    ]  # fmt: skip
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
