"""A deductions or net pay figure nothing proves (issue 9, family K dev 3016/3017: silent errors): the
deductions `42.95` for 42.35 and `0.00` for 62.79 where the gross and the net pay of the row were not
read; a net pay `1.93` for 193.90 (the dash decimal `193-90` cut) where the deductions were not. The row sum
net = gross - deductions proves these two only where all three are read and none is in doubt; otherwise the
itemised deductions beside the figure (their sum) or the column adding up to the `Всичко` row must prove
it. A figure none of the three proves goes to a person with that reason, on a page with a gross pay column
(K dev 3016 p3 and p6: the net pay's column, or the deductions', not found at all, the other one's figures
went out on nothing). A column whose printed total is another money
column's too proves nothing: one column read twice (K dev 3019 p5: the gross column's figures and its
total `1908.43` taken for the deductions' as well, each row's deductions its gross pay). Deductions as
large as the gross pay only a net pay of nought read beside them proves (K dev 3016 p3, 3019 p5: the
parts or the column seemed to).
"""

from __future__ import annotations

from decimal import Decimal

from . import checks

PROVED = ("deductions", "net_pay")
SUM = ("gross_pay", "deductions", "net_pay")


def doubt_unproved(
    drafts: list[checks.RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str]
) -> None:
    if "gross_pay" not in present:
        return
    by_column = {f: checks._adds_up(drafts, totals, f, carried) and _own_total(totals, f) for f in PROVED}
    lone = _lone_of_the_other_size(drafts, present)
    if lone is not None:  # adding up to its total proves its figures, not what they are
        by_column[lone] = False
        for d in drafts:
            if d.values.get(lone) is not None and lone not in d.review:
                d.review.update([lone], reason=checks.UNPROVED)
    for d in drafts:
        for f in PROVED:
            if f not in present or d.values.get(f) is None or f in d.review:
                continue
            if f == "deductions" and _whole_pay(d):
                d.review.update([f], reason=checks.UNPROVED)
                continue
            if by_column[f] and not _read_otherwise(d, f):
                continue
            if _row_proves(d) or (f == "deductions" and checks._parts_sum(d) == d.dec(f)):
                continue
            d.review.update([f], reason=checks.UNPROVED)


def _row_proves(d: checks.RowDraft) -> bool:
    """net = gross - deductions holds on three figures read, none of them in doubt."""
    g, ded, n = (d.dec(f) for f in SUM)
    if g is None or ded is None or n is None or any(f in d.review for f in SUM):
        return False
    return g - ded == n


def _read_otherwise(d: checks.RowDraft, f: str) -> bool:
    """The other model read the figure otherwise: the column adding up proves it only with its row (T dev 12021
    p4: deductions `3.35`, read `33.15` by the other model, its gross and net misread to keep the row's sum and
    in doubt on the page; the column added up through a stray line's figures in doubt)."""
    v = d.dec(f)
    return any(a is not None and v is not None and Decimal(str(a)) != v for a in d.alts.get(f, []))


def _own_total(totals: dict[str, str], f: str) -> bool:
    """The column's printed total is no other money column's (not one column, or one total, read twice)."""
    return not any(g != f and g in totals and totals[g] == totals[f] for g in checks.MONEY)


def _whole_pay(d: checks.RowDraft) -> bool:
    """The deductions take the whole gross pay (or more), and no net pay of nought read says so."""
    g, ded, n = (d.dec(f) for f in SUM)
    if g is None or ded is None or ded < g or ded <= 0:
        return False
    return n != 0 or "net_pay" in d.review


def _lone_of_the_other_size(drafts: list[checks.RowDraft], present: list[str]) -> str | None:
    """Where only one of the deductions and the net pay was found beside the gross pay, no row sum says which
    it is (headings and the columns' order alone named it). A net pay under half the row's gross pay on most
    rows is the deductions' size, deductions over half of it the net pay's: that column, else None (N dev 6001
    p16: the net pay's column not found, the deductions' taken for it, every row's net pay its deductions)."""
    found = [f for f in PROVED if f in present]
    if len(found) != 1:
        return None
    f = found[0]
    pairs = [(g, v) for d in drafts if (g := d.dec("gross_pay")) and g > 0 and (v := d.dec(f)) is not None]
    other = sum((v < g / 2) if f == "net_pay" else (v > g / 2) for g, v in pairs)
    return f if pairs and other > len(pairs) / 2 else None
