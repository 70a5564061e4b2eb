"""A column's total moved a figure of one row while another row's figure of that column stands proved by
nothing (issue 9, silent errors).

The column steps (``checks.fill_from_columns``, ``reconcile_columns``) move a figure in doubt so that its
column adds up to the printed total. The total vouches for the column's sum only: where another row's
figure of the column was misread and nothing of its own row checks it (its row's sum runs through a
figure filled in or in doubt), the move carries that row's error onto the moved one. R dev 10074 p6 (raised
stotinki on black-and-white microfilm): one row's deductions `44⁸⁶` read 44.26 at 0.74, its net pay unread
and filled in from them; another row's net pay `125⁸⁶` read 125.26, and its deductions, read right 20.15, moved
to 20.75 to close the column: both rows' sums held, the column added up, three figures wrong and no flag.

Here, for each money column a column step moved on some row, the figures of that column on other rows
whose row's sum through them runs through a figure in doubt, and that no holding sum of
undoubted figures proves, go to a person, and so do the moved figures and the
figures of their rows' sums through them (which of them was misread, the total cannot say). A column
whose other figures are each proved by their own rows is left as the steps made it.
"""

from __future__ import annotations

from . import checks

MOVED_BY = (checks.COLUMN_RECONCILE, checks.COLUMN_FILL)


def _moved(d: checks.RowDraft, f: str) -> bool:
    step = d.changed.get(f)
    return step is not None and step[0] in MOVED_BY


def _proved_by_row(d: checks.RowDraft, f: str, present: list[str]) -> bool:
    """A holding sum of the row through ``f`` whose other figures are out of doubt."""
    return any(
        ok and all(n == f or n not in d.review for n in names)
        for ok, names in d.sums(present)
        if f in names
    )


def _leans_on_doubt(d: checks.RowDraft, f: str, present: list[str]) -> bool:
    """A sum of the row through ``f`` runs through a figure in doubt (one filled in stays so): the row's one check of
    ``f`` is no check (a row none of whose figures is in doubt, or whose sums cannot reach ``f``, is left to
    the column's total as before)."""
    return any(
        n != f and n in d.review for _ok, names in d.sums(present) if f in names for n in names
    )


def doubt_moves_beside_unproven(drafts: list[checks.RowDraft], present: list[str]) -> int:
    """Flag the figures described in the module's docstring; how many were flagged."""
    flagged = 0
    for f in (m for m in checks.MONEY if m in present):
        moved = [d for d in drafts if _moved(d, f)]
        if not moved:
            continue
        unproven = [
            d for d in drafts
            if not _moved(d, f) and d.values.get(f) is not None and f not in d.review and f not in d.derived
            and _leans_on_doubt(d, f, present) and not _proved_by_row(d, f, present)
        ]  # fmt: skip
        if not unproven:
            continue
        for d in unproven:
            d.review.add(f, checks.COLUMN_RECONCILE)
            flagged += 1
        for d in moved:
            for h in {n for _ok, names in d.sums(present) if f in names for n in names} | {f}:
                if h not in d.review:
                    d.review.add(h, checks.COLUMN_RECONCILE)
                    flagged += 1
    return flagged
