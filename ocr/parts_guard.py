"""The itemised deductions against the deductions figure (issue 9, silent errors): where a sheet itemises
the deductions (tax, insurance, advance, union fee), their sum and the `Всичко удържано` figure are two
readings of one amount that do not depend on each other. The row sums alone can be kept by two misreads
that make up for each other (E dev 501 page 3, 150 dpi: deductions `2.350,87` read `2350.37`, and the net
pay mended by one digit to fit it: `15877.27` for 15876.77, neither flagged). When the parts, all read,
say otherwise than the deductions figure, and the deductions column does not add up to its printed
total to prove the figure, the deductions and the net pay that hangs on them go to a person.
"""

from __future__ import annotations

from . import checks


def doubt_deductions_against_parts(
    drafts: list[checks.RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str]
) -> None:
    if "deductions" not in present or checks._adds_up(drafts, totals, "deductions", carried):
        return
    for d in drafts:
        parts, ded = checks._parts_sum(d), d.dec("deductions")
        if parts is None or ded is None or parts == ded:
            continue
        d.review.update([f for f in ("deductions", "net_pay") if f in present], reason=checks.ROW_SUM)
