"""Printed row numbers with leading zeros ("01", "007") in a dot-matrix face whose zero carries a dot
inside: the engine reads that zero as a 6, 8 or 9, and "01" ... "07" come out as 61 ... 67, a run that
rises one by one with the rows as printed numbers do (P dev 8008 p1: every person cited under a number
that is on no line of the sheet, none in review). The numbers are read again with their leading 6s, 8s
and 9s as zeros; that reading is taken where it follows the rows' order at least as well as the first
(a page of twelve: 61 ... 69, 10, 11, 12 follows it only as 1 ... 12). Where both follow it alike (a sheet
that could go on from row 61) the zeros are taken and the numbers go to review: a certificate must not
cite a line of the sheet on a guess.
"""

from __future__ import annotations

from . import checks

ZERO_MISREAD = "689"  # what a dotted zero is read as


def as_zeros(v: int) -> int:
    """``v`` with its leading 6s, 8s and 9s taken for zeros (its last digit kept): 61 -> 1, 667 -> 7, 16 -> 16."""
    s = str(v)
    k = 0
    while k < len(s) - 1 and s[k] in ZERO_MISREAD:
        k += 1
    return int(s[k:])


def _agreeing(numbers: list[int | None]) -> int:
    offsets: dict[int, int] = {}
    for i, v in enumerate(numbers):
        if v is not None:
            offsets[v - i] = offsets.get(v - i, 0) + 1
    return max(offsets.values(), default=0)


def read_leading_zeros(drafts: list[checks.RowDraft]) -> None:
    """Before the numbers are put in order (``rownumbers.number_rows``): the row numbers read with their
    dotted zeros as zeros, where that follows the rows' order as well as the reading or better."""
    read = [v if isinstance(v := d.values.get("row"), int) else None for d in drafts]
    zeros = [as_zeros(v) if v is not None else None for v in read]
    changed = [i for i, (a, b) in enumerate(zip(read, zeros, strict=True)) if a != b]
    if len(changed) < 2 or sum(v is not None for v in read) < 3:
        return
    before, after = _agreeing(read), _agreeing(zeros)
    if after < before or min(v for v in zeros if v is not None) < 1:
        return
    for i in changed:
        drafts[i].values["row"] = zeros[i]
        if after == before:
            drafts[i].review.add("row", checks.LOW_CONFIDENCE)
