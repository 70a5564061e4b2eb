"""A money figure the sheet's own arithmetic proves is not shown to a person (issue 9, review load).

The checks flag a figure for many reasons that doubt how it was *read*: its row's sum failed on the first
reading, the engine was unsure, two passes read it differently, its column did not add up before a
correction, the deductions or net pay had no proof at the time. Where in the end

* a sum of its row that it takes part in holds (gross = base + additional, net = gross - deductions),
  every figure of that sum present, and
* the column of every figure of that sum adds up, to the stotinka, to the printed `Всичко` row (every
  row of the page read in that column),

the figure is what the sheet says: a misreading would have to be matched by another misreading in its
row and another in each of its columns, all to the stotinka. Such a figure leaves review when its only
doubt was about its reading (``READING_DOUBTS``). Doubts the arithmetic cannot answer stay: the page's
layout, which person a row is, the unit (whole leva), the place of a column, a ditto mark, a correction,
a page sent to review as a whole (``page_review``), a figure filled in from the very total that would
prove it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation

from archive_core.records import PayrollPage

from . import checks
from .names import GARBLED_SHARE, check_name

# Reasons that doubt only the reading of the figure (what the arithmetic, closed both ways, answers).
READING_DOUBTS = frozenset({
    checks.ROW_SUM, checks.COLUMN_TOTAL, checks.LOW_CONFIDENCE, checks.READINGS_DISAGREE, checks.UNPROVED,
})  # fmt: skip
# Figures a step put in or moved so that a sum or a column holds (not read so): the column they stand in adds up
# because they were made to, which proves nothing of them nor of the column's other figures (regression sheet
# e-mirrored-reconcile-two-rows: two rows' gross and net moved mirror-wise, every column closing, 4 wrong).
MADE = frozenset({checks.COLUMN_FILL, checks.COLUMN_RECONCILE, checks.TOTAL_FIX, checks.UNREADABLE})

_SUMS = (("base_pay", "extra_pay", "gross_pay"), ("gross_pay", "deductions", "net_pay"))


def _dec(v: object) -> Decimal | None:
    if not isinstance(v, str | Decimal):
        return None
    try:
        return Decimal(v)
    except InvalidOperation:
        return None


def closed_columns(
    rows: Sequence[Mapping[str, object]], totals: Mapping[str, str], carried: Mapping[str, str] | None = None
) -> set[str]:
    """The money columns every row has a figure in and that add up, to the stotinka, to the printed total
    (``rows``: each row's values by field), with the sums carried from the sheet before where given
    (``carried``: its `От пренос` row; a column the carried row has no figure for starts at nought)."""
    out = set()
    for f in checks.MONEY:
        total = _dec(totals.get(f))
        vals = [_dec(r.get(f)) for r in rows]
        start = _dec((carried or {}).get(f)) or Decimal(0)
        if total is None or not vals or any(v is None for v in vals):
            continue
        if start + sum(v for v in vals if v is not None) == total:
            out.add(f)
    return out


def proven(values: Mapping[str, object], closed: set[str]) -> set[str]:
    """The row's money figures proven by a sum of the row that holds, every figure of it present and its
    column closed (see the module's docstring). One such sum proves the gross pay: the other failing says
    that the deductions or the net pay was misread, and they stay."""
    out: set[str] = set()
    for names in _SUMS:
        a, b, c = (_dec(values.get(n)) for n in names)
        if a is None or b is None or c is None or not all(n in closed for n in names):
            continue
        if (a + b == c) if names[0] == "base_pay" else (a - b == c):
            out.update(names)
    return out


def page_proven(drafts: Sequence[checks.RowDraft], closed: set[str]) -> bool:
    """Every money figure of every row proved (``proven``), two columns at least closed: the figures were
    read in place, whatever the ЕГН say (checks.guard_page's doubt)."""
    money = [f for f in checks.MONEY if any(d.values.get(f) is not None for d in drafts)]
    return len(closed) >= 2 and bool(drafts) and all(
        set(money) <= proven(d.values, closed) for d in drafts
    )


def _made(drafts: Sequence[checks.RowDraft], *, noughts: bool = True) -> set[str]:
    """The fields of ``drafts`` a step made (``MADE``: filled in, derived, not confirmed by a reading): their
    adding up proves nothing. ``noughts`` False: not a nought derived (for a dash: it adds nothing to a column)."""
    return {f for d in drafts for f in d.review if d.review.every(f) & MADE} | {
        f for d in drafts for f in (*d.unconfirmed, *(g for g in d.derived if noughts or _dec(d.values.get(g)) != 0))
    }


def closed_for(
    drafts: Sequence[checks.RowDraft], totals: Mapping[str, str], carried: Mapping[str, str] | None = None
) -> set[str]:
    """``closed_columns`` of the drafts' filled rows, less the columns of a figure a step made (``MADE``, a
    figure filled in or derived): their adding up proves nothing."""
    made = _made(drafts)
    rows = checks.filled(list(drafts))  # the form's unfilled lines at the foot add nothing to a column
    return closed_columns([d.values for d in rows], totals, carried) - made


def closed_by_sums_of_totals(
    drafts: Sequence[checks.RowDraft], totals: Mapping[str, str], closed: set[str],
    carried: Mapping[str, str] | None = None,
) -> set[str]:
    """``closed`` and each column whose own printed total is misread or unread but whose figures add up to
    what the `Всичко` row's sum says it is: the other two columns of a row's sum (base + additional = gross,
    gross - deductions = net) closed on their printed totals, this column's figures (every row's, the sums
    ``carried`` from the sheet before added) adding up to their sum or difference. Page shape: a round stamp
    pressed over the last row and the `Всичко` line (A dev seed 12 p54: net total `2632.55` read
    `26385.95`); a misread figure in that column would need another misreading matching it to the stotinka
    in the same column, as with a printed total. Not a column a step made (``MADE``)."""
    made = _made(drafts)
    rows = checks.filled(list(drafts))
    out = set(closed)
    for a, b, c in _SUMS:
        ta, tb, tc = (_dec(totals.get(n)) for n in (a, b, c))
        sign = 1 if a == "base_pay" else -1
        for col, want in ((c, None if ta is None or tb is None else ta + sign * tb),
                          (a, None if tc is None or tb is None else tc - sign * tb),
                          (b, None if tc is None or ta is None else sign * (tc - ta))):
            others = {a, b, c} - {col}
            if col in out or col in made or want is None or not others <= closed:
                continue
            vals = [_dec(d.values.get(col)) for d in rows]
            start = _dec((carried or {}).get(col)) or Decimal(0)
            if vals and all(v is not None for v in vals) and start + sum(v for v in vals if v is not None) == want:
                out.add(col)
    return out


IN_PLACE_ROWS = 2  # fewer rows than this prove no page read in place by their sums
# where one column's misread figure keeps it from its total (one column closed, not two), the rows' own sums as
# read holding on this share of the rows, three at least, show the page in place: those rows leave its doubt
ROWS_HOLDING = 0.75
ROWS_HOLDING_AT_LEAST = 3


def _people_in_order(rows: Sequence[checks.RowDraft]) -> bool:
    """Every row names a person in two words or more, most of the names known to the lexicon
    (``names.check_name``, as ``names.names_garbled`` counts); the printed numbers, where the page has them,
    run 1, 2, 3 ... with the rows, none in doubt."""
    named = [n for d in rows if isinstance(n := d.values.get("name"), str)
             and sum(len(w) >= 2 and w.isalpha() for w in n.split()) >= 2]  # fmt: skip
    if len(named) < len(rows) or sum(not check_name(n)[1] for n in named) > GARBLED_SHARE * len(named):
        return False
    numbers = [n for d in rows if isinstance(n := d.values.get("row"), int)]
    return not numbers or (
        len(numbers) == len(rows) and not any("row" in d.review for d in rows)
        and all(b == a + 1 for a, b in zip(numbers, numbers[1:], strict=False))
    )  # fmt: skip


def _sums_hold_as_read(d: checks.RowDraft) -> bool:
    """A sum of the row checkable on figures as read (none filled in, derived or made), every such sum holding."""
    made = _made([d])
    held = []
    for names in _SUMS:
        a, b, c = (_dec(d.values.get(n)) for n in names)
        if a is None or b is None or c is None or made & set(names):
            continue
        held.append((a + b == c) if names[0] == "base_pay" else (a - b == c))
    return bool(held) and all(held)


def in_place_without_egn(drafts: Sequence[checks.RowDraft], totals: Mapping[str, str]) -> list[checks.RowDraft]:
    """The rows of a page that gives no ЕГН (its layout prints none: sheets with names only) that what else
    the page gives shows read in place, as the ЕГН's check digits would (``checks.guard_page``'s doubt), every
    row naming a person and the numbers in order (``_people_in_order``): every row, where two money columns or
    more add up, to the stotinka, to their printed totals (none a step made; a nought derived for a dash adds
    nothing and leaves its column closed on the figures read) and every row proves itself, a sum of the row
    holding with each of its figures' columns closed (``proven``); else, where one column adds up (to a total
    not nought: a column of noughts adds up on any sheet) and most
    rows' sums hold as read (``ROWS_HOLDING``), those rows (the others, a figure misread, stay with the page's
    doubt). A page turned, two sheets read as one or a stranger's layout read in the wrong columns add up to no
    printed total, row by row."""
    rows = checks.filled(list(drafts))
    if len(rows) < IN_PLACE_ROWS or any(d.values.get("egn") for d in drafts) or not _people_in_order(rows):
        return []
    # a nought derived for a dash (the row's gross its net) adds nothing to its column: the column's figures as
    # read add up to the printed total by themselves (AG dev 25002: `-` in the deductions of three rows)
    made = _made(drafts, noughts=False)
    closed = closed_columns([d.values for d in rows], totals) - made
    if len(closed) >= 2 and all(proven(d.values, closed) for d in rows):
        return list(drafts)
    holding = [d for d in rows if _sums_hold_as_read(d)]
    if any(_dec(totals.get(f)) for f in closed) and len(holding) >= max(ROWS_HOLDING_AT_LEAST, ROWS_HOLDING * len(rows)):
        return holding
    return []


def clear_proven_drafts(drafts: Sequence[checks.RowDraft], totals: Mapping[str, str]) -> int:
    """Take out of review every money figure the arithmetic proves whose every reason is a reading doubt
    (figures filled in from the totals no reading confirms stay); where every money figure of the page is
    proved, also those doubted only because the ЕГН did not show the page read in place; on a page without
    ЕГН that its own evidence shows read in place (``in_place_without_egn``), that doubt leaves every field of
    the rows it shows so (each keeps its other doubts); returns how many taken out of review.
    Call only on a page not in review as a whole."""
    rows = checks.filled(list(drafts))  # the form's unfilled lines at the foot add nothing to a column
    closed = closed_for(drafts, totals)
    in_place = in_place_without_egn(drafts, totals)
    every_row = len(in_place) == len(drafts)
    answerable = READING_DOUBTS | {checks.PAGE_NOT_PROVED_IN_PLACE} if every_row or page_proven(rows, closed) else READING_DOUBTS
    n = 0
    for d in drafts:
        for f in proven(d.values, closed) if closed else ():
            if f in d.review and f not in d.unconfirmed and d.review.every(f) <= answerable:
                d.review.discard(f)
                n += 1
    for d in in_place:  # what the ЕГН would have told, the page's other evidence tells
        for f in [f for f in d.review if checks.PAGE_NOT_PROVED_IN_PLACE in d.review.every(f)]:
            d.review.drop_cause(f, checks.PAGE_NOT_PROVED_IN_PLACE)
            n += f not in d.review
    return n


def clear_proven(page: PayrollPage) -> int:
    """``clear_proven_drafts`` on a page as written (payroll-page/1: the one reason shown per field)."""
    if page.page_review is not None:
        return 0
    rows = [r.model_dump() for r in page.rows]
    made = {f for r in page.rows for f, why in (r.review_reasons or {}).items() if why.reason in MADE}
    closed = closed_columns(rows, page.totals) - made
    n = 0
    for row, values in zip(page.rows, rows, strict=True):
        reasons = row.review_reasons or {}
        for f in proven(values, closed) if closed else ():
            if row.review and f in row.review and f in reasons and reasons[f].reason in READING_DOUBTS:
                row.review.remove(f)
                del reasons[f]
                n += 1
    return n
