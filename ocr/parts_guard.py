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
SURE = 0.9  # a figure read once at this confidence or more is what its cell holds


def doubt_deductions_against_parts(
    drafts: list[checks.RowDraft],
    totals: dict[str, str],
    present: list[str],
    carried: dict[str, str],
    s: sheet.Sheet,
    kinds: list[str | None],
) -> None:
    """Only where the deductions or the net pay is not what the first reading of its cell said (mended by
    a slip, taken from the second pass), or was read so unsure (under ``SURE``, the second pass not reading it
    alike): read so surely, both holding the row's sum would take two misreads."""
    if "deductions" not in present or checks._adds_up(drafts, totals, "deductions", carried):
        return
    cols = {f: kinds.index(f) for f in HUNG if f in kinds}
    for d, texts in zip(drafts, s.texts, strict=True):
        parts, ded = checks._parts_sum(d), d.dec("deductions")
        if parts is None or ded is None or parts == ded:
            continue
        as_read = {f: sheet.value(f, texts[c]) for f, c in cols.items()}
        if all(as_read[f] == d.values.get(f) and _sure(d, f) for f in cols):
            continue
        if _read_so(d, as_read) and all(ok for ok, _ in d.sums(present)):
            continue
        d.review.update([f for f in HUNG if f in present], reason=checks.ROW_SUM)


def _read_so(d: checks.RowDraft, as_read: dict[str, object]) -> bool:
    """The deductions and the net pay are each what a model read in their cell surely: the first reading, or
    one the second pass gave (``RowDraft.alts``), not a figure mended to fit a sum; and either read alike by
    both passes or read with confidence ``SURE``. One model's unsure readings of both that make up for each
    other are two misreads the parts catch (R dev 10066 p5: raised stotinki `82²⁵` read 82.75 at 0.62 and
    `129⁹²` read 129.42 at 0.73, the row's sum kept, the parts `25.67 + 6.58 + 50.00` saying 82.25)."""
    for f, first in as_read.items():
        v = d.dec(f)
        readings = [Decimal(str(r)) for r in [first, *d.alts.get(f, [])] if r is not None]
        if v is None or v not in readings:
            return False
        if not _sure(d, f):
            return False
    return len(as_read) == len(HUNG)


def _sure(d: checks.RowDraft, f: str) -> bool:
    """Read with confidence ``SURE``, or read alike by the second pass."""
    v = d.dec(f)
    return d.conf.get(f, 1.0) >= SURE or any(a is not None and Decimal(str(a)) == v for a in d.alts.get(f, []))
