"""Dotted zeros read as eights (issue 9, family E): a dot-matrix face whose zero carries a dot or a bar
inside, printed at 300 dpi, has the dot merged with the ring, so the digits model reads the zero as an 8
(`0,00` -> `8,88`, E dev 501 pages 5 and 8, E dev 504 page 6) and ``ocr.zeros`` cannot see a bar to take
out. The glyph alone cannot tell that zero from the face's 8 (both are a blot with one or two specks of
hole), but the page can: a face that prints zeros this way reads stotinki `88` in several money cells.

On such a page every money figure of a row in doubt is offered with its eights read as zeros (each
choice of them, up to ``MAX_EIGHTS`` eights, else all or one at a time) as other readings beside the
first (``RowDraft.alts``): the row sums choose among them (ocr/checks.py), and where several fit (a row of
zeros read `8,88` with its net `0,00`), a column whose other figures no check doubts and whose printed total
only one choice meets (``choose_by_columns``). None is ever taken on its own; a figure only a column chose
leaves review only if its row's sums then hold.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from itertools import combinations, product

from . import checks
from .sheet import Sheet, Target

MIN_EIGHTY_CELLS = 2  # money cells with stotinki `88` before a page is taken for a dotted-zero face
MAX_EIGHTS = 3  # eights in a figure for which every choice of them is offered as zeros
_STOTINKI_88 = re.compile(r"[.,]\s*88\s*$")


def page_reads_zeros_as_eights(s: Sheet, kinds: list[str | None]) -> bool:
    """Enough of the page's money cells end in stotinki `88` to say its zeros are read as eights."""
    money = [c for c, k in enumerate(kinds) if k in checks.MONEY]
    n = sum(bool(_STOTINKI_88.search(row[c])) for row in s.texts for c in money if c < len(row))
    return n >= MIN_EIGHTY_CELLS


def eights_as_zeros(value: str) -> list[str]:
    """The amounts a figure read with eights could be if some of them were zeros: every choice of its
    eights up to ``MAX_EIGHTS`` of them, else all of them and each one alone (`8.88` -> 0.88, 8.08,
    8.80, 0.08, 0.80, 8.00, 0.00)."""
    at = [i for i, ch in enumerate(value) if ch == "8"]
    if not at:
        return []
    if len(at) <= MAX_EIGHTS:
        picks = [c for k in range(1, len(at) + 1) for c in combinations(at, k)]
    else:
        picks = [tuple(at), *((i,) for i in at)]
    out: list[str] = []
    for pick in picks:
        s = "".join("0" if i in pick else ch for i, ch in enumerate(value))
        try:
            v = Decimal(s)
        except InvalidOperation:
            continue
        m = f"{v:.2f}"
        if m != value and m not in out:
            out.append(m)
    return out


def add_zero_readings(
    s: Sheet, kinds: list[str | None], drafts: list[checks.RowDraft], targets: list[Target]
) -> set[int]:
    """On a page whose face's zeros read as eights: the money figures of the rows in doubt offered with
    their eights as zeros, as other readings beside the first; the rows offered them."""
    if not page_reads_zeros_as_eights(s, kinds):
        return set()
    rows = sorted({t.row for t in targets if 0 <= t.row < len(drafts)})
    fields = [k for k in checks.MONEY if k in kinds]
    for r in rows:
        d = drafts[r]
        for f in fields:
            first = d.values.get(f)
            if first is None:
                continue
            alts = d.alts.setdefault(f, [])
            for seen in [first, *alts]:
                if seen is None:
                    continue
                for v in eights_as_zeros(str(seen)):
                    if v not in alts and v != str(first):
                        alts.append(v)
            if not alts:
                d.alts.pop(f, None)
    return set(rows)


MAX_CHOICES = 4096  # combinations of the doubted rows' readings tried against one column's total


def choose_by_columns(
    drafts: list[checks.RowDraft],
    totals: dict[str, str],
    present: list[str],
    carried: dict[str, str] | None,
    offered: set[int],
) -> None:
    """A column whose every figure but the doubted ones with eights-as-zeros readings is vouched for, and
    exactly one choice among those readings that makes it add up to its printed total: that choice is
    taken, and the row sums are checked again (a figure both the column total and its row's sums confirm
    leaves review; one they do not stays there)."""
    changed: dict[int, set[str]] = {}
    for f in [k for k in checks.MONEY if k in present and k in totals]:
        doubted = [i for i, d in enumerate(drafts) if f in d.review]
        if (
            not doubted
            or not set(doubted) <= offered
            or any(not drafts[i].alts.get(f) or drafts[i].dec(f) is None for i in doubted)
        ):
            continue
        others = [d.dec(f) for i, d in enumerate(drafts) if i not in doubted]
        if any(x is None for x in others):
            continue
        try:
            need = (
                Decimal(totals[f])
                - Decimal((carried or {}).get(f, "0"))
                - sum(x for x in others if x is not None)
            )
        except InvalidOperation:
            continue
        options = [
            [drafts[i].dec(f), *(Decimal(str(a)) for a in drafts[i].alts[f] if a is not None)]
            for i in doubted
        ]
        n = 1
        for o in options:
            n *= len(o)
        if n > MAX_CHOICES:
            continue
        found = {c for c in product(*options) if sum(x for x in c if x is not None) == need}
        if len(found) != 1:
            continue
        for i, x in zip(doubted, next(iter(found)), strict=True):
            d = drafts[i]
            if x is not None and x != d.dec(f):
                d.values[f] = f"{x:.2f}"
                changed.setdefault(i, set()).add(f)
            d.alts.pop(f, None)
    for i, fields in changed.items():  # only what a column chose leaves review, if its row's sums hold too
        d = drafts[i]
        for f in fields:
            d.review.discard(f)
        d.proven.difference_update(checks.MONEY)
        d.derived.difference_update(fields)
        checks.check_money(d, present)
