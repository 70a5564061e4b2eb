"""Leva and stotinki typed in columns of their own (family L: `лв.` | `ст.` under one heading, a rule
between them): `164` | `18` is one amount, 164.18. Read apart, the stotinki column was taken for the
printed row numbers (two-digit figures on every row: L dev 4005 p2, numbers 17 to 31 on a sheet of 8
people) and the leva for amounts without stotinki. The stotinki join their leva in the people's rows, the
totals and the carried sums (``Sheet`` changed in place, before ``columns.identify``), and the line of
`лв.` / `ст.` under the heading, no person, leaves the people's rows.

A pair is taken only where the column on the right holds two digits and nothing else on every row that
has anything in it (but one row in four: a stamp, a correction over the figure, whose amount is then left
unread, never leva alone), beside a whole number of leva on two rows or more, no amount of the left column has
stotinki of its own, and the right column's heading is empty (the heading spans both) or says `ст.`."""

from __future__ import annotations

import re

from . import columns
from .geometry import Box, Word
from .sheet import Sheet

_LEVA = re.compile(r"^\d{1,3}(?:['’` ]?\d{3})*[.,]?$")  # whole leva, thousands apart or not, a stray point
_CENTS = re.compile(r"^\d{2}$")
_DECIMALS = re.compile(r"\d[.,]\d{2}$")
_CENTS_HEADING = re.compile(r"^\W*(с|c)?т\W*$", re.IGNORECASE)
_NOISE = re.compile(r"[|\[\]_]")


def _clean(text: str) -> str:
    """Without rules' and specks' marks, and without a separator read before the leva (`, 798`, `'893`: the
    point of the stotinki beside it, or a thousands mark, seen at the cell's edge)."""
    return " ".join(_NOISE.sub(" ", text).split()).lstrip(".,'’` ")


def _inked(text: str) -> bool:
    return any(ch.isalnum() for ch in text)


def cents_columns(body: list[list[str]], headings: list[str]) -> list[int]:
    """The columns of stotinki (each right of its leva column), left to right."""
    n = max((len(r) for r in body), default=0)
    out: list[int] = []
    for c in range(n - 1):
        if out and out[-1] in (c, c + 1):  # a column is the stotinki of one pair at most
            continue
        head = headings[c + 1] if c + 1 < len(headings) else ""
        if _inked(head) and not _CENTS_HEADING.match(head):
            continue
        pairs = [
            (_clean(r[c]) if c < len(r) else "", _clean(r[c + 1]) if c + 1 < len(r) else "") for r in body
        ]
        if any(_DECIMALS.search(a) for a, _ in pairs):
            continue
        joined = sum(bool(_LEVA.match(a) and _CENTS.match(b)) for a, b in pairs)
        stray = sum(_inked(b) and not (_LEVA.match(a) and _CENTS.match(b)) for a, b in pairs)
        if joined >= 2 and stray <= max(1, joined // 4):
            out.append(c + 1)
    return out


def _amount(leva: str, cents: str) -> str | None:
    a, b = _clean(leva), _clean(cents)
    if not (_LEVA.match(a) and _CENTS.match(b)):
        return None
    return f"{a.rstrip('.,')}.{b}"


def _join_cells(s: Sheet, r: int, c: int, cents: str | None = None) -> None:
    """The totals' or the carried row's leva and stotinki cells as one word (``sheet.sums`` reads cells);
    ``cents``: the stotinki cell's text as to be read (default: as read)."""
    joined = _amount(s.text(r, c - 1), s.text(r, c) if cents is None else cents)
    ws = s.cells.get((r, c - 1), []) + s.cells.get((r, c), [])
    if joined is None or not ws:
        return
    box = Box(
        min(w.box.x0 for w in ws),
        min(w.box.y0 for w in ws),
        max(w.box.x1 for w in ws),
        max(w.box.y1 for w in ws),
    )
    s.cells[(r, c - 1)] = [Word(joined, min(w.conf for w in ws), box)]
    s.cells.pop((r, c), None)


def _subheading(texts: list[str]) -> bool:
    """The line under the heading that says `лв.` / `ст.` over each pair: no figure of three digits (`лв.` may
    read `8`: L dev 4020 p2, or `38.`: W dev 15010 p4, its typing sharpened), no word of three letters (a person's
    line has a name)."""
    words = " ".join(texts).split()
    return not any(sum(ch.isdigit() for ch in w) >= 3 for w in words) and not any(
        sum(ch.isalpha() for ch in w) >= 3 for w in words
    )


def join_cents(s: Sheet) -> list[int]:
    """Each stotinki column's figures joined to their leva (``s`` changed in place); returns the stotinki
    columns, emptied."""
    body = s.texts[1:] if s.texts and _subheading(s.texts[0]) else s.texts
    cents = cents_columns(body, s.headings)
    if not cents:
        return []
    if body is not s.texts:  # the `лв.` / `ст.` line: part of the heading
        s.body_rows.pop(0)
        s.texts.pop(0)
    for row in s.texts:
        for c in cents:
            joined = _amount(row[c - 1], row[c])
            if joined is not None:
                row[c - 1], row[c] = joined, ""
            elif _inked(row[c]):  # stotinki not read as two digits (a stamp, a correction): no amount
                row[c - 1], row[c] = "", ""
    for r in (s.totals_row, s.carried_row):
        if r is not None:
            for c in cents:
                _join_cells(s, r, c)
    s.cents = cents
    return cents


def join_sums_cut_at_point(s: Sheet, emptied: list[int]) -> None:
    """The totals' and the carried row's amounts in the columns the grid cut at their decimal point
    (``columns.join_split_amounts`` joined the people's rows' and returned ``emptied``): joined the same way,
    a speck read after the stotinki left out (N dev 6001 p1: `1998` | `07`, the net pay's total read 19.98
    and the column placed by nothing)."""
    for r in (s.totals_row, s.carried_row):
        if r is not None:
            for c in emptied:
                cents = columns.stotinki_of(s.text(r, c))
                if cents is not None:
                    _join_cells(s, r, c, cents)
