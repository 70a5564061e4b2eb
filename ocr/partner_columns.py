"""A figure whose row sum fails through a partner the column totals name (issue 9, review load).

When net = gross - deductions does not hold, every figure of it goes to a person as ``row_sum``, the right
ones beside the misread one (I dev 910 p4: a gross `168.20` read for 168.21, its deductions `17.49` right
and in review; I dev 901 p4: a net `141037.57` for 14037.57, the deductions beside it in review). Yet the
page can say which figure of the sum is off: the figure's own column has every figure read and adds up
to its printed total to the stotinka, the totals obey the row's sums (they were read right), and the
sum's failure is carried by a partner whose column does not add up, moved by one slip (one digit
changed, dropped or added): what the row lacks put on that partner makes the sum hold. Then the figure
is cleared; its partners stay in review.

Only a figure read sure (both models alike, or the first surely and not read again), not filled in;
not where its column holds a figure filled in from the column totals, corrected or changed by a
page-level step (the total may have been made to close); not below a line of figures and no person (rows shifted by one keep the
columns' totals); not where a third of the rows or more fail a sum through the column (a column read
one row off also keeps its total); and not where the printed total is another column's too (one column
read twice). A wrong figure cleared here would need a second one of its column misread to the stotinka
the other way, and the partner's one slip to come out exactly.
"""

from __future__ import annotations

from . import checks


def _column_closes(
    drafts: list[checks.RowDraft], totals: dict[str, str], present: list[str], f: str, carried: dict[str, str]
) -> bool:
    """Every figure of column ``f`` there (none filled in from the column totals, corrected or moved by a
    page-level step: those make a column close) and adding up to its own printed total, the totals obeying
    the row's sums. A figure its row's sums filled in the total confirms (``checks.check_totals``)."""
    if f not in totals or not checks.totals_consistent(totals, present):
        return False
    if any(g != f and g in totals and totals[g] == totals[f] for g in present):
        return False
    for d in drafts:
        if d.dec(f) is None or f in (d.unconfirmed | d.corrected | set(d.changed)):
            return False
    return checks._adds_up(drafts, totals, f, carried)


def _partner_carries(
    d: checks.RowDraft, f: str, names: tuple[str, ...], present: list[str], closes: dict[str, bool]
) -> bool:
    """A partner of ``f`` in the failing sum ``names``, in a column that does not add up, that one slip
    moves by what the row lacks so that the sum holds."""
    v = d.money(present)
    for g in names:
        x = v.get(g)
        if g == f or closes.get(g, True) or x is None:
            continue
        for y in checks._solve(g, {**v, g: None}):
            if y != x and checks.one_edit(checks.fmt(x), checks.fmt(y)) and all(
                ok for ok, _ in checks.row_relations({**v, g: y})
            ):
                return True
    return False


def clear_partners(
    drafts: list[checks.RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str]
) -> int:
    """Lift the row-sum flag of figures their closed column vouches for, beside a partner the columns name;
    how many were lifted."""
    money = [f for f in checks.MONEY if f in present]
    if not drafts or not money:
        return 0
    if len(checks._above_stray_lines(drafts)) < len(drafts):
        return 0
    closes = {f: _column_closes(drafts, totals, present, f, carried) for f in money}
    lifted = 0
    for f in money:
        if not closes[f]:
            continue
        failing = [d for d in drafts if any(not ok and f in names for ok, names in d.sums(present))]
        if 3 * len(failing) >= len(drafts):
            continue
        for d in drafts:
            if d.review.reasons.get(f) != checks.ROW_SUM or "row" in d.review or f in d.derived:
                continue
            if not checks._read_twice_alike(d, f):
                continue
            rels = [(ok, names) for ok, names in d.sums(present) if f in names]
            if rels and all(ok or _partner_carries(d, f, names, present, closes) for ok, names in rels):
                d.review.discard(f)
                d.proven.add(f)
                lifted += 1
    return lifted
