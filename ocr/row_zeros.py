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

from collections.abc import Mapping

from . import checks

ZERO_MISREAD = "689"  # what a dotted zero is read as


def as_zeros(v: int) -> int:
    """``v`` with its leading 6s, 8s and 9s taken for zeros (its last digit kept): 61 -> 1, 667 -> 7, 16 -> 16."""
    s = str(v)
    k = 0
    while k < len(s) - 1 and s[k] in ZERO_MISREAD:
        k += 1
    return int(s[k:])


def readings(v: int) -> set[int]:
    """What ``v`` could be with any of its 6s, 8s and 9s a zero (at most ``MAX_MISREAD`` of them), itself
    included, none below 1: 616 -> {616, 16, 610, 10}."""
    s = str(v)
    at = [i for i, ch in enumerate(s) if ch in ZERO_MISREAD][:MAX_MISREAD]
    out = set()
    for mask in range(1 << len(at)):
        t = list(s)
        for b, i in enumerate(at):
            if mask >> b & 1:
                t[i] = "0"
        n = int("".join(t))
        if n >= 1:
            out.add(n)
    return out


MAX_MISREAD = 3


def _fitting(numbers: list[int | None]) -> tuple[int, int]:
    """The offset (number - place) most of the numbers fit with one of their ``readings``, and how many."""
    offsets: dict[int, int] = {}
    for i, v in enumerate(numbers):
        if v is not None:
            for r in readings(v):
                offsets[r - i] = offsets.get(r - i, 0) + 1
    if not offsets:
        return 0, 0
    off = max(offsets, key=lambda k: (offsets[k], -k))
    return off, offsets[off]


def _agreeing(numbers: list[int | None]) -> int:
    offsets: dict[int, int] = {}
    for i, v in enumerate(numbers):
        if v is not None:
            offsets[v - i] = offsets.get(v - i, 0) + 1
    return max(offsets.values(), default=0)


def read_leading_zeros(drafts: list[checks.RowDraft], carried: Mapping[str, object] | None = None) -> None:
    """Before the numbers are put in order (``rownumbers.number_rows``): the row numbers read with their
    dotted zeros as zeros, where that follows the rows' order better than the reading, or as well on a sheet
    that does not go on from another (``carried``: the sums brought from the sheet before). A sheet that
    carries sums in goes on numbering its rows from there: `0062` ... `0064` under `ОТ ПРЕДХОДНА СТРАНИЦА`
    are rows 62-64, not 2-4 whose row 1 was lost (AA dev 19005 p7: every figure of its three people under
    a number no line of the sheet has)."""
    read = [v if isinstance(v := d.values.get("row"), int) else None for d in drafts]
    if sum(v is not None for v in read) < 3:
        return
    off, fit = _fitting(read)
    before = _agreeing(read)
    zeros = [i + off if v is not None and i + off in readings(v) else v for i, v in enumerate(read)]
    changed = [i for i, (a, b) in enumerate(zip(read, zeros, strict=True)) if a != b]
    if len(changed) < 2 or fit < before or off + 0 < 1 or (fit == before and carried):
        return
    for i in changed:
        drafts[i].values["row"] = zeros[i]
        if fit == before:
            drafts[i].review.add("row", checks.LOW_CONFIDENCE)


def _cell_number(text: str) -> int | None:
    t = text.strip().rstrip(".)")
    return int(t) if t.isdigit() and len(t) <= 4 else None


def take_row_column(texts: list[list[str]], kinds: list[str | None]) -> list[str | None]:
    """``kinds`` with the column left of the names whose cells, their dotted zeros as zeros, count the rows
    1, 2, 3 ... taken for the printed row numbers, where no column was (P dev 8010 p1: `Пор. N` read
    `пер м`, `001` ... `010` read `604`, `602`, ... `616`: no number on any person)."""
    if "row" in kinds:
        return kinds
    first_named = min((c for c, k in enumerate(kinds) if k in ("name", "egn")), default=None)
    if first_named is None:
        return kinds
    for c in range(first_named):
        if kinds[c] is not None:
            continue
        numbers = [_cell_number(row[c]) if c < len(row) else None for row in texts]
        read = [v for v in numbers if v is not None]
        off, fit = _fitting(numbers)
        if len(read) >= 3 and off >= 1 and (fit >= max(3, 0.6 * len(texts))
                                            or (fit >= max(4, 0.4 * len(texts)) and _run(numbers, off) >= 3)):
            return [*kinds[:c], "row", *kinds[c + 1 :]]
    return kinds


def _run(numbers: list[int | None], off: int) -> int:
    """The longest run of neighbouring cells that count the rows on offset ``off`` (with their dotted zeros
    as zeros): `82 63 64` for 02, 03, 04 (P dev 8012 p2: `Пор. N` read `ПР. м`, 6 numbers of 13 fitting,
    three of them one under another; no column of figures counts so)."""
    best = n = 0
    for i, v in enumerate(numbers):
        n = n + 1 if v is not None and i + off in readings(v) else 0
        best = max(best, n)
    return best
