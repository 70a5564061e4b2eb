"""A page whose printed row numbers are mostly unproved cites no person by them. Where half or more of the
rows that carry a number have it in review as not following the order (the numbers read do not run 1, 2, 3 ... with the rows found: a
column of stotinki taken for the `№`, a person's two typed lines read as two rows, family L dev 4005), the
numbers that did fit are no proof either: each such row could be a neighbour's. Every field of every
numbered row then goes to review with the row-number reason, so no figure goes out under another person's
printed number without a word; and the numbers themselves do not go out (a guess cited on a certificate
would name another line of the sheet): the rows keep their order, their numbers are for a person to read."""

from __future__ import annotations

from archive_core.records import SCORED_FIELDS

from . import checks


def doubt_rows_of_unproved_numbering(drafts: list[checks.RowDraft]) -> None:
    """After ``rownumbers.number_rows``: the whole row in review where most of the page's numbers are."""
    numbered = [d for d in drafts if isinstance(d.values.get("row"), int)]
    # only numbers the order disputes: one inferred under a stamp between two that fit is no doubt of the order
    doubted = sum(d.review.reasons.get("row") == checks.ROW_NUMBER for d in numbered)
    if len(numbered) < 2 or 2 * doubted < len(numbered):
        return
    for d in numbered:
        d.values.pop("row", None)
        for f in ("row", *SCORED_FIELDS):
            if f == "row" or d.values.get(f) is not None:
                d.review.add(f, checks.ROW_NUMBER)
