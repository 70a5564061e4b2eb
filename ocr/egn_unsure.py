"""A valid ЕГН the engine read with next to no confidence, beside a neighbour's ЕГН in review.

The check digit catches one misread digit, not two: an ЕГН misread by two digits holds its check by
chance one time in eleven, and then nothing else doubts it. Alone, an ЕГН read unsure yet valid is right
most times (its glyphs a face the model is unsure of, all the page alike). Beside a neighbour whose ЕГН is in
review (failing its check, unreadable, of no worker's age) the column's ink there is spoiled (a stamp, a
smear, a fold across the lines) and the valid reading is no proof: hard dev seed 59 p7, `5203258232` read
`5205258252` at confidence 0.0 under a stamp beside an unreadable and a failing ЕГН; seed 68 p2, a
neighbour's ЕГН under a stamp read as another valid number, both out unflagged. It goes to a person.
"""

from __future__ import annotations

from archive_core import egn as egn_mod

from .checks import LOW_CONFIDENCE, RowDraft

UNSURE = 0.1  # an ЕГН read below this confidence: the engine all but guessed its digits


def doubt_unsure_beside_doubted(drafts: list[RowDraft]) -> None:
    """Each valid ЕГН not in review read below ``UNSURE`` whose row above or below has its ЕГН in review
    (as the rows stood before this step: one doubt does not spread down the column)."""
    doubted = ["egn" in d.review for d in drafts]
    for i, d in enumerate(drafts):
        v, conf = d.values.get("egn"), d.conf.get("egn")
        if doubted[i] or not isinstance(v, str) or conf is None or conf >= UNSURE or not egn_mod.is_valid(v):
            continue
        if any(doubted[j] for j in (i - 1, i + 1) if 0 <= j < len(drafts)):
            d.review.add("egn", LOW_CONFIDENCE)
