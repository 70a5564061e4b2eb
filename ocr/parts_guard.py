"""The itemised deductions against the deductions figure (issue 9, silent errors): where a sheet itemises
the deductions (tax, insurance, advance, union fee), their sum and the `Всичко удържано` figure are two
readings of one amount that do not depend on each other. The row sums alone can be kept by two misreads
that make up for each other (E dev 501 page 3, 150 dpi: deductions `2.350,87` read `2350.37`, and the net
pay mended by one digit to fit it: `15877.27` for 15876.77, neither flagged). When the parts, all read,
say otherwise than the deductions figure, and the deductions column does not add up to its printed
total to prove the figure, the deductions and the net pay that hangs on them go to a person, where
either of them is not what its cell read the first time. Not where each of them is what a model read in its
cell (the first pass or the second) and every sum of the row holds: then the parts are the misread ones
(E dev 501 page 3, 300 dpi: parts read `48364.09`, `500.90`, `9.00`; the deductions and net pay, right and read
so by the second pass, went to review on four rows). Two misreads of two models that make up for
each other to the stotinka are not what the guard is for: a figure mended by a slip (read by no model) is.
"""

from __future__ import annotations

from decimal import Decimal

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
        if _read_so(d, as_read) and all(ok for ok, _ in d.sums(present)):
            continue
        d.review.update([f for f in HUNG if f in present], reason=checks.ROW_SUM)


def _read_so(d: checks.RowDraft, as_read: dict[str, object]) -> bool:
    """The deductions and the net pay are each what a model read in their cell: the first reading, or one
    the second pass gave (``RowDraft.alts``), not a figure mended to fit a sum."""
    for f, first in as_read.items():
        v = d.dec(f)
        readings = [first, *d.alts.get(f, [])]
        if v is None or not any(r is not None and Decimal(str(r)) == v for r in readings):
            return False
    return len(as_read) == len(HUNG)
