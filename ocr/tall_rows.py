"""Rows as tall as two of the page's rows, on a page a person checks whole: two people the grid ran together.
Where the names are garbled past knowing (``unread_people.split_merged_names`` splits by known given names),
the band's height still says it: U dev 13018 p3, a faxed printout read as eight rows for eleven people, two
bands each twice the pitch of the others holding two people's names run together, the last people of the
page then missing.

A row's band (drawn over a skewed page, it is taller than the line by the same amount on every row) spans
``k`` of the page's row pitches (the median step between the tops of neighbouring rows) where its height
less that common extra is ``k`` pitches. Each band of two pitches or more gets ``k - 1`` empty rows in review
after it (every field unreadable, the band's lower part), so the rows after it stand at their own places.

Only on a page every scored field of which is in review already: the rows added are for a person to fill in
or strike, and no figure issued can be put at another person's line by them.
"""

from __future__ import annotations

from statistics import median

from archive_core.records import SCORED_FIELDS

from . import checks

MIN_ROWS = 4  # fewer rows give no pitch to trust
MAX_SPLIT = 3  # a band of more rows than this is no run-together pair or three: left alone


def _all_in_review(drafts: list[checks.RowDraft]) -> bool:
    return all(all(f in d.review for f in SCORED_FIELDS) for d in drafts)


def split_tall(drafts: list[checks.RowDraft]) -> int:
    """Empty rows in review after each band of two or more row pitches; the number added."""
    boxes = [d.bbox for d in drafts if d.bbox is not None]
    if len(boxes) < MIN_ROWS or len(boxes) != len(drafts) or not _all_in_review(drafts):
        return 0
    tops = sorted(b[1] for b in boxes)
    steps = [b - a for a, b in zip(tops, tops[1:], strict=False) if b > a]
    if len(steps) < MIN_ROWS - 1:
        return 0
    pitch = median(steps)
    extra = median(b[3] - b[1] for b in boxes) - pitch  # what a one-line band is taller than its pitch
    if pitch <= 0:
        return 0
    added = 0
    for d in list(drafts):
        assert d.bbox is not None
        k = round((d.bbox[3] - d.bbox[1] - extra) / pitch)
        if not 2 <= k <= MAX_SPLIT:
            continue
        at = next(i for i, o in enumerate(drafts) if o is d)
        x0, y0, x1, y1 = d.bbox
        for j in range(1, k):
            row = checks.RowDraft(
                values={}, bbox=[x0, round(y0 + j * pitch), x1, round(y1 - (k - 1 - j) * pitch)]
            )
            row.review.update(SCORED_FIELDS, reason=checks.UNREADABLE)
            drafts.insert(at + j, row)
            added += 1
    return added
