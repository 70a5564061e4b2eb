"""A one-digit slip a row's own sums mended, against its column's printed total (issue 9, silent errors).

``checks._check_money`` mends a money figure by one digit where that alone makes the row's sums hold (base +
extra = gross, gross - deductions = net). The mended sum then holds by construction: it proves the mended
figure no more than it proves its partner, and the partner may be the figure misread. AH dev 26030 p1: a tape's
edge over the additional pay `89,83` read `129.83`; the base pay `393,00`, read right, was "mended" to 353.00 so
that base + extra = gross held, and both went out wrong without a flag. The column's printed total is the
witness the row lacks: the base column, 39.00 short of its `Всичко` with the mend, was within 1.00 of it (a
figure of another row already in doubt) with the figure as read.

Here a mend stands where its column has no total to ask, its figures are not all read, or it adds up; where
its column, with the figure as read, is off its total by less than half what the mend moved it (the total
says the figure as read), the mend goes to a person (``COLUMN_TOTAL``) with
the figures of the row's sums it made hold (``ROW_SUM``), but those whose own column vouches for them (every
figure read, none in doubt, the column adding up to its total). A printed total misread (the other totals'
sums give the column's) asks nothing.
"""

from __future__ import annotations

from decimal import Decimal

from . import checks


def _nearer_as_read(r: checks.RowDraft, f: str, total: Decimal, col: Decimal) -> bool:
    """Row ``r``'s figure ``f``, mended by its row's sums, moved its column away from its total: as read, the
    column is nearer its total than by half the move."""
    read, mended = r.as_read[f]
    if read is None or mended is None or r.values.get(f) != mended:
        return False
    moved = Decimal(str(mended)) - Decimal(str(read))
    # as read, the column is off its total by less than half what the mend moved it: the total says the
    # figure as read, not a total misread or another figure of the column in doubt far off (a gross total
    # read `2234.67` for 3232.67 is nearer whatever figure is made smaller: AH dev 26030 p4)
    return abs(total - (col - moved)) * 2 < abs(moved)


def doubt_mends_against_totals(
    drafts: list[checks.RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str] | None
) -> None:
    """Send to review each figure a row's sums mended whose column's printed total is nearer with it as read,
    and the figures of the row's sums through it that no column vouches for."""
    rows = checks.filled(drafts)
    for f in checks.MONEY:
        if f not in present or f not in totals:
            continue
        col = checks._column_sum(rows, f, carried)
        if col is None or col == Decimal(totals[f]) or checks.total_misread(totals, present, f, col):
            continue
        total = Decimal(totals[f])
        refused = [r for r in rows if f in r.as_read and f not in r.review and _nearer_as_read(r, f, total, col)]
        if not refused:
            continue
        vouched = {k for k in checks.MONEY if k in present and checks._column_vouches(rows, totals, present, k, carried)}
        for r in refused:
            r.review.add(f, checks.COLUMN_TOTAL)
            for _ok, names in r.sums(present):
                if f in names:
                    r.review.update((n for n in names if n != f and n not in vouched), reason=checks.ROW_SUM)
