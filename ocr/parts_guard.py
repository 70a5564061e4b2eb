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
            mended = _mended_above(d, texts, kinds, present)
            if mended:  # the sums kept by a slip above them: the whole chain is in doubt
                d.review.update([f for f in checks.MONEY if f in present], reason=checks.ROW_SUM)
            continue
        if _read_so(d, as_read) and all(ok for ok, _ in d.sums(present)):
            continue
        d.review.update([f for f in HUNG if f in present], reason=checks.ROW_SUM)


def _mended_above(
    d: checks.RowDraft, texts: list[str], kinds: list[str | None], present: list[str]
) -> list[str]:
    """The row's pay figures above the deductions (base, additional, gross) that are neither what their cell
    read the first time nor what the second pass read, and not in review: mended by a slip so that the row's sums
    hold, silently (a figure filled in and shown to a person already puts the row before one: O dev 7001 p4). With the
    deductions and net pay as read and the parts saying other deductions, such a mend is the checks choosing
    one of two chains that both add up (AA dev 19005 p4: `226.85`, `226.85`, `13.84` read `226.25`, `226.55`,
    `13.24`, the tax part `13.84`; the gross mended to 226.25 and all three out wrong, none in review)."""
    out: list[str] = []
    for f in ("base_pay", "extra_pay", "gross_pay"):
        if f not in present or f not in kinds or f in d.review or (v := d.dec(f)) is None:
            continue
        first = sheet.value(f, texts[kinds.index(f)]) if kinds.index(f) < len(texts) else None
        readings = [first, *d.alts.get(f, [])]
        if not any(r is not None and Decimal(str(r)) == v for r in readings):
            out.append(f)
    return out


def _read_so(d: checks.RowDraft, as_read: dict[str, object]) -> bool:
    """The deductions and the net pay are each what a model read in their cell: the first reading, or one
    the second pass gave (``RowDraft.alts``), not a figure mended to fit a sum."""
    for f, first in as_read.items():
        v = d.dec(f)
        readings = [first, *d.alts.get(f, [])]
        if v is None or not any(r is not None and Decimal(str(r)) == v for r in readings):
            return False
    return len(as_read) == len(HUNG)
