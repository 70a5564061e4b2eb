"""The itemised deductions against the deductions figure (issue 9, silent errors): where a sheet itemises
the deductions (tax, insurance, advance, union fee), their sum and the `Всичко удържано` figure are two
readings of one amount that do not depend on each other. The row sums alone can be kept by two misreads
that make up for each other (E dev 501 page 3, 150 dpi: deductions `2.350,87` read `2350.37`, and the net
pay mended by one digit to fit it: `15877.27` for 15876.77, neither flagged). When the parts, all read,
say otherwise than the deductions figure, and the deductions column does not add up to its printed
total to prove the figure, the deductions and the net pay that hangs on them go to a person, where
either of them is not what its cell read the first time.
"""

from __future__ import annotations

from . import checks, sheet

HUNG = ("deductions", "net_pay")


def doubt_deductions_against_parts(
    drafts: list[checks.RowDraft],
    totals: dict[str, str],
    present: list[str],
    carried: dict[str, str],
    s: sheet.Sheet,
    kinds: list[str | None],
) -> None:
    """Only where the deductions or the net pay is not what the first reading of its cell said (mended by
    a slip, taken from the second pass): as read, both holding the row's sum would take two misreads."""
    if "deductions" not in present or checks._adds_up(drafts, totals, "deductions", carried):
        return
    cols = {f: kinds.index(f) for f in HUNG if f in kinds}
    for d, texts in zip(drafts, s.texts, strict=True):
        parts, ded = checks._parts_sum(d), d.dec("deductions")
        if parts is None or ded is None or parts == ded:
            continue
        as_read = {f: sheet.value(f, texts[c]) for f, c in cols.items()}
        if all(as_read[f] == d.values.get(f) for f in cols):
            continue
        d.review.update([f for f in HUNG if f in present], reason=checks.ROW_SUM)
