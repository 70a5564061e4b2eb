"""People the sheet shows whom no row holds. A valid ЕГН (date and check digit right) that the page's
reading found anywhere, and that no row read holds, not even inside another of its cells or as a reading
one or two digits off, nor stands in the band of a row whose own ЕГН was not read, is a person the grid lost: on a table printed very small on a landscape scan, the
grid took the heading for the one row and the eight people under it vanished without a word (J dev 1001
p16). Each such person comes back as a row in review (every field unreadable, the ЕГН as the page shows
it, the region of its line), and the page goes to review as a page with the ЕГН a person must find on the
sheet. Chance is small: a run of ten digits is a valid ЕГН about once in fifteen times, and it must also
be a date and stand alone as a word."""

from __future__ import annotations

import re
from collections.abc import Callable

from archive_core import egn as egn_mod
from archive_core.records import SCORED_FIELDS, PageReview

from . import checks
from .geometry import Box, Grid, Word

PEOPLE_UNREAD = "people_unread"  # page review: a valid ЕГН on the sheet with no row read for it
NEAR = 2  # digits: a row's ЕГН this close is a reading of the same one
_TEN = re.compile(r"(?<!\d)\d{10}(?!\d)")


def egns_on_page(words: list[Word]) -> dict[str, Box]:
    """Every valid ЕГН the page's words hold as a run of ten digits alone, with the first word's box."""
    found: dict[str, Box] = {}
    for w in words:
        for m in _TEN.finditer(w.text):
            if egn_mod.is_valid(m.group()):
                found.setdefault(m.group(), w.box)
    return found


def _texts(d: checks.RowDraft) -> list[str]:
    out = [str(v) for v in d.values.values() if v is not None]
    return out + [str(a) for alts in d.alts.values() for a in alts if a is not None]


def _held(egn: str, drafts: list[checks.RowDraft]) -> bool:
    for d in drafts:
        for text in _texts(d):
            if egn in text:
                return True
            if len(text) == 10 and sum(x != y for x, y in zip(text, egn, strict=True)) <= NEAR:
                return True
    return False


def _in_a_row(box: Box, drafts: list[checks.RowDraft], to_original: Callable[[Box], list[int]]) -> bool:
    """Does the ЕГН stand in the band of a row that has no valid ЕГН of its own (its ЕГН cell misread or
    not placed: that row is the person, and in review for its ЕГН)?"""
    b = to_original(box)
    mid = (b[1] + b[3]) / 2
    return any(
        d.bbox is not None and d.bbox[1] <= mid <= d.bbox[3] and not egn_mod.is_valid(str(d.values.get("egn") or ""))
        for d in drafts
    )


def restore_unread(
    drafts: list[checks.RowDraft], words: list[Word], grid: Grid, to_original: Callable[[Box], list[int]]
) -> PageReview | None:
    """After the rows are final: a row in review for each valid ЕГН on the page that no row holds (put
    among the rows by its height on the page), and the page's review reason; None when every ЕГН the page
    shows has its row. ``to_original`` maps a box of the deskewed page to the image as given."""
    lost = {e: b for e, b in egns_on_page(words).items() if not _held(e, drafts) and not _in_a_row(b, drafts, to_original)}
    if not lost:
        return None
    for egn, box in sorted(lost.items(), key=lambda kv: kv[1].y0):
        line = Box(grid.xs[0], box.y0, grid.xs[-1], box.y1)
        bbox = to_original(line)
        d = checks.RowDraft(values={"egn": egn}, bbox=bbox)
        d.review.update(SCORED_FIELDS, reason=checks.UNREADABLE)
        mid = (bbox[1] + bbox[3]) / 2
        at = sum(1 for o in drafts if o.bbox is not None and (o.bbox[1] + o.bbox[3]) / 2 < mid)
        drafts.insert(at, d)
    return PageReview(reason=PEOPLE_UNREAD, detail=", ".join(sorted(lost, key=lambda e: lost[e].y0)))
