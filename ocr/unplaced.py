"""A column the sheet has but that was not placed: its heading names a field (``Присъст- вени дни`` over
the days, typed in one cell with ``Получих сумата`` over the signatures, no rule between them), yet no
column was taken for that field. Every row's figure of it was then never read: empty, it looked like a
sheet without that column and went out without a doubt. It goes to review, unreadable, on every row."""

from __future__ import annotations

from archive_core.records import PayrollRow

from . import checks, columns

# the fields a heading may name that a sheet may lack (name, gross, deductions and net every sheet has:
# ``checks.guard_page`` flags those when missing)
OPTIONAL = ("days_worked", "base_pay", "extra_pay")


def flag_unplaced(drafts: list[checks.RowDraft], kinds: list[str | None], headings: list[str]) -> list[str]:
    """Send to review the fields a column's heading names (an unplaced column's, or a placed one's beside
    the field it was taken for) that no column was placed for; returns them."""
    present = {k for k in kinds if k}
    named: list[str] = []
    for c in range(min(len(kinds), len(headings))):
        # a placed column's heading may name a second field: two columns read as one, no rule between
        # them ('Дни Основно отработени граждение' over '21356.08': the days glued to the base pay)
        for f in columns.heading_votes(headings[c]):
            if f in OPTIONAL and f not in present and f not in named and f in PayrollRow.model_fields:
                named.append(f)
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
