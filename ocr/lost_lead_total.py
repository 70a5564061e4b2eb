"""A printed total read with its leading digit lost, the other totals one slip from it put back (issue 9, silent errors).

Page shape: the `Всичко` row of a sheet whose totals obey the row's sums (gross = base + extra, net = gross -
deductions). A total whose first digit was not read (a faint dot-matrix `1`) breaks those sums, and the checks
then take what the other totals give for it (``checks.total_misread``): right when the total alone was misread.
But the other totals may be misread too, alike with a row of the column: AK dev 29005 p2, the gross total
`187182.78` read `87182.78`, one row's gross and net and the net total all read 10.00 high (a `8` read `9`), so
the row's sums held, the net column added up to its total and the gross column to net + deductions: the row's
two figures went out wrong without a flag.

The printed total's own digits say more than "misread": put back the leading digits the other totals' sum has
before them, and where that is not their sum but one slip from it (a digit changed), the total as printed is
that restored figure, and its column, off it by the slip, holds a figure misread. The rows whose figure one slip
moves by the difference, with the partners of their sums moved by what the restored totals give their columns
(``checks._carriers``), go to a person (``COLUMN_TOTAL``): a doubt only, no figure is changed. Where more rows
can carry it than ``MAX_CARRIERS`` or a quarter of the page's, the slip points at no row and nothing is doubted
here (AK dev 29005 p2 itself: a 10.00 slip that 31 of its 40 rows could carry, and a row split off empty that
leaves the column unsummed: still silent, see the lead's notes).
"""

from __future__ import annotations

from decimal import Decimal

from . import checks

MAX_CARRIERS = 3  # rows that can carry the slip, past a quarter of the page's, that still point at a figure


def _decimals(totals: dict[str, str], present: list[str]) -> dict[str, Decimal | None]:
    """The page's money columns' printed totals as numbers (None where a column has none)."""
    return {k: (Decimal(totals[k]) if k in totals else None) for k in checks.MONEY if k in present}


def restored_total(totals: dict[str, str], present: list[str], f: str) -> Decimal | None:
    """The printed total of ``f`` with the leading digits it lacks of what the other totals give put back, where
    the totals break their sums and that is one slip from what they give, not equal to it; else None."""
    v = _decimals(totals, present)
    printed = v.get(f)
    if printed is None or printed < 0 or checks.totals_consistent(totals, present):
        return None
    read = checks.fmt(printed)
    for given in checks._solve(f, {**v, f: None}):
        whole = checks.fmt(given)
        head = whole[: len(whole) - len(read)]
        if len(whole) <= len(read) or not head.isdigit() or head.startswith("0"):
            continue
        restored = Decimal(head + read)
        if restored != given and checks._one_edit(checks.fmt(restored), whole):
            return restored
    return None


def _given(totals: dict[str, str], present: list[str], f: str, restored: Decimal, g: str) -> Decimal | None:
    """What the totals, ``f``'s restored, give column ``g``: its printed total where no sum with ``f`` gives it."""
    v = _decimals(totals, present)
    v[f] = restored
    if g == f:
        return restored
    solved = checks._solve(g, {**v, g: None})
    if len(solved) == 1:
        return solved[0]
    return v.get(g)


def doubt_columns_under_lost_lead(
    drafts: list[checks.RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str] | None
) -> int:
    """Send to review the figures that can carry the slip between a column and its total restored
    (``restored_total``), with their sums' partners; returns how many rows."""
    rows = checks.filled(drafts)
    doubted: set[int] = set()
    for f in checks.MONEY:
        if f not in present or (restored := restored_total(totals, present, f)) is None:
            continue
        col = checks._column_sum(rows, f, carried)
        if col is None or col == restored:
            continue
        diffs: dict[str, Decimal] = {}
        for g in checks.MONEY:
            c = checks._column_sum(rows, g, carried) if g in present and g in totals else None
            if c is not None and (want := _given(totals, present, f, restored, g)) is not None:
                diffs[g] = want - c
        carriers = checks._carriers(checks._slip_suspects(rows, f, diffs[f]), f, diffs, present)
        if len(carriers) > max(MAX_CARRIERS, len(rows) // 4):
            continue  # a slip most rows' figures could carry (`10.00` over 40 rows: 31 could) points at none
        for r in carriers:
            doubted.add(id(r))
            r.review.add(f, checks.COLUMN_TOTAL)
            for g, d in diffs.items():
                x = r.dec(g)
                if (
                    g != f
                    and d != 0
                    and x is not None
                    and x + d >= 0
                    and checks._one_edit(checks.fmt(x), checks.fmt(x + d))
                ):
                    r.review.add(g, checks.COLUMN_TOTAL)
    return len(doubted)
