"""A column the sheet has but that was not placed: its heading names a field (``Присъст- вени дни`` over
the days, typed in one cell with ``Получих сумата`` over the signatures, no rule between them), yet no
column was taken for that field. Every row's figure of it was then never read: empty, it looked like a
sheet without that column and went out without a doubt. It goes to review, unreadable, on every row.

A days column under a stamp names nothing: its heading and its figures are the stamp's ink (`стреса`
over `72/`, `(`, `1`: hard dev 55 p12, four days out empty without a flag). An unplaced column between
the person's columns and the money, inked on most rows with marks that are no words and no money, is
that column: the days go to review on every row (a figure of three digits where the stamp's ink joined a day's,
`178` over `8`, M dev 5011 p1, on fewer than half its rows)."""

from __future__ import annotations

import re
from decimal import Decimal

from archive_core.records import PayrollRow

from . import checks, columns
from .normalise import digits

# the fields a heading may name that a sheet may lack (name, gross, deductions and net every sheet has:
# ``checks.guard_page`` flags those when missing)
OPTIONAL = ("days_worked", "base_pay", "extra_pay")


PERSON = ("row", "name", "egn", "position")


def _days_under_stamp(kinds: list[str | None], texts: list[list[str]]) -> bool:
    """An unplaced column after the person's columns and before the first money column, with ink on most
    rows, none of it a word of three letters or a figure of three digits (days blotted out, not a
    position, a name's part or money)."""
    if not texts:
        return False
    n = max(len(row) for row in texts)  # (an ЕГН found in another column's cells is a kind beyond them)
    person = [c for c, k in enumerate(kinds[:n]) if k in PERSON]
    money = [c for c, k in enumerate(kinds[:n]) if k in checks.MONEY]
    if not person or not money:
        return False
    for c in range(max(person) + 1, min(money)):
        if kinds[c] is not None:
            continue
        cells = [row[c].strip() if c < len(row) else "" for row in texts]
        inked = [t for t in cells if t]
        if len(inked) < max(2, 0.5 * len(cells)):
            continue
        # (a stamp's ink may join a day's figure: `178` for `8`, M dev 5011 p1; a column most of whose
        # figures have three digits or more is another's, the hours or a personnel number)
        wide = sum(len(digits(t)) >= 3 for t in inked)
        if all(len(re.findall(r"[^\W\d_]", t)) < 3 for t in inked) and wide < 0.5 * len(inked):
            return True
    return False


# the field that stands in a row's sum where ``f`` does, so that the two taken for each other keep it
# (base + extra = gross, gross - deductions = net)
TWIN = {"base_pay": "extra_pay", "extra_pay": "base_pay", "deductions": "net_pay", "net_pay": "deductions"}


def _sums_prove_column(drafts: list[checks.RowDraft], f: str, present: list[str]) -> bool:
    """Every row's figure of column ``f`` (three or more) is read and held by its row's sums (gross = base +
    extra, net = gross - deductions), every figure of them read, none filled in from the sums: the figures
    are ``f``'s whatever its heading says (another field's would break them), but for its twin's (TWIN)."""
    rows = [d for d in drafts if d.values.get(f) is not None]
    if len(rows) < 3:
        return False
    for d in rows:
        rels = [(ok, names) for ok, names in checks.row_relations(d.money(present)) if f in names]
        made = d.derived | d.unconfirmed
        if checks._parts_confirm(d, f) and f not in made:
            continue  # its items or itemised deductions, read apart, add up to it: it is their total (family V)
        if not rels or not all(ok and not made.intersection(names) for ok, names in rels):
            return False
    return True


def _a_sum_holds_through(drafts: list[checks.RowDraft], f: str, present: list[str]) -> bool:
    """Every row's figure of column ``f`` (three or more) is in a sum of its row that holds, every figure of
    that sum read, none filled in: the figures are ``f``'s (another field's would break each sum it is in),
    though a figure of the row's other sum may be misread."""
    rows = [d for d in drafts if d.values.get(f) is not None]
    if len(rows) < 3:
        return False
    for d in rows:
        made = d.derived | d.unconfirmed
        rels = [ok and not made.intersection(names) for ok, names in checks.row_relations(d.money(present))
                if f in names]  # fmt: skip
        if not any(rels):
            return False
    return True


def flag_headed_otherwise(drafts: list[checks.RowDraft], kinds: list[str | None], headings: list[str]) -> list[str]:
    """A money column whose heading names another money field and not the one it was taken for (E dev 507
    --hard all p2: the base pay placed under `Брутна сума`, the additional pay under `Удръжки`): its
    figures were read into the wrong field, and go to review on every row; returns those fields. Not where
    every row's sums hold through the column's figures: they are the field's, the heading was misread; nor
    where the heading names only any pay (``columns.any_pay``) and a sum holds through the figure on
    every row.
    Not where the heading names the field's twin, either (deductions and net pay taken for each other keep
    every sum)."""
    out = []
    present = [k for k in checks.MONEY if k in kinds]
    for c in range(min(len(kinds), len(headings))):
        f = kinds[c]
        if f not in checks.MONEY:
            continue
        votes = columns.heading_votes(headings[c])
        if votes.get(f) or not any(g in checks.MONEY and g != f for g in votes):
            continue
        if TWIN.get(f) not in votes and _sums_prove_column(drafts, f, present):
            continue  # the heading misread (`заплата` of `Чиста заплата` over the net pay, J dev 1001 p4)
        if columns.any_pay(headings[c]) and _a_sum_holds_through(drafts, f, present):
            # a word that is any pay names no other field: `Заработено` of `Заработено всичко` over the
            # gross (M dev 5002 p2, 5006 p2: every gross, and the net pay and deductions it proves, in
            # review, all read right but a deductions its own sum flags); a sum through it on every row
            continue
        out.append(f)
        for d in drafts:
            if d.values.get(f) is not None:
                d.review.add(f, checks.PAGE_PLAUSIBILITY)
    return out


def no_extra_pay(drafts: list[checks.RowDraft], totals: dict[str, str] | None) -> bool:
    """The sheet pays no additional pay, two ways: its printed `Всичко` gives the base pay and the gross
    alike (gross = base + extra, and no extra is below nought), and at least half its rows read their base
    pay equal to their gross (H dev 802 p1: `Думи отгработени`, the days' heading misread, names `други`,
    additional pay, beside them; no such column on the sheet, yet every row's additional pay went to review
    and the row sums through it sent the rows' right figures after it)."""
    base, gross = (totals or {}).get("base_pay"), (totals or {}).get("gross_pay")
    if base is None or gross is None or Decimal(base) != Decimal(gross) or not drafts:
        return False
    alike = sum(1 for d in drafts if d.dec("base_pay") is not None and d.dec("base_pay") == d.dec("gross_pay"))
    return alike >= 0.5 * len(drafts)


def flag_unplaced(
    drafts: list[checks.RowDraft],
    kinds: list[str | None],
    headings: list[str],
    texts: list[list[str]] | None = None,
    totals: dict[str, str] | None = None,
) -> list[str]:
    """Send to review the fields a column's heading names (an unplaced column's, or a placed one's beside
    the field it was taken for) that no column was placed for, and the days a column blotted out by a
    stamp holds (``texts``: the body's cells, row by column); returns them. Not the additional pay where
    the printed ``totals`` and the rows show the sheet pays none (``no_extra_pay``)."""
    present = {k for k in kinds if k}
    named: list[str] = []
    if "days_worked" not in present and _days_under_stamp(kinds, texts or []):
        named.append("days_worked")
    flag_headed_otherwise(drafts, kinds, headings)
    for c in range(min(len(kinds), len(headings))):
        # a placed column's heading may name a second field: two columns read as one, no rule between
        # them ('Дни Основно отработени граждение' over '21356.08': the days glued to the base pay)
        for f in columns.heading_votes(headings[c]):
            if f in OPTIONAL and f not in present and f not in named and f in PayrollRow.model_fields:
                if f == "extra_pay" and no_extra_pay(drafts, totals):
                    continue
                named.append(f)
    # additional pay is paid on top of a base: a sheet with the one has the other, and a base no column was
    # placed for stood with the additional pay in one column (L dev 4046 p6: `2643,76 343,69` read as one
    # figure under the group heading that hid `Заплата`, the base of every row empty without a flag)
    if "extra_pay" in present and "base_pay" not in present and "base_pay" not in named:
        named.append("base_pay")
    # a page not read as a whole (no ЕГН column, or every field of every row in doubt): a field no column was found for may
    # be on it all the same
    scored = present & set(PayrollRow.model_fields) - {"row", "position"}
    if drafts and ("egn" not in present or all(scored <= set(d.review) for d in drafts)):
        named += [f for f in OPTIONAL if f not in present and f not in named]
    for d in drafts:
        for f in named:
            if d.values.get(f) is None:
                d.values[f] = None
                d.review.add(f, checks.UNREADABLE)
    return named
