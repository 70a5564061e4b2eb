"""Two people's lines grouped into one band of the grid: the `№ по ред` cell holds their printed numbers one
under the other (`1` over `2`, read together as 12). I dev 907 --hard all p1: rows typed without rules, a
figure typed between the first two people's lines joined them into one band; the band was numbered 2 by
the order, the first person had no row of its own and was cited under the second's number.
The band keeps the last of its numbers (the person whose line ends it) and every field of it goes to
review (its figures are two people's); each number above it comes back as an empty row in review, in the
band's upper part, as ``lost_rows`` brings back a lost row; the page goes to review with the numbers to
copy from the sheet. A band with no name and no ЕГН is no person's line (D's
`d-rows-lost-printed-numbers-skip`: the lost people's sums under `2` to `6`): left to ``lost_rows``. Only numbers that rise one by one count: two lines of a cell that do not are no
such band (a correction over a number is left to ``checks.number_rows``)."""

from __future__ import annotations

from archive_core.records import SCORED_FIELDS, PageReview

from . import checks, normalise, rownumbers
from .lost_rows import ROWS_MISSING, band_slice
from .sheet import Sheet


def stacked(text: str) -> list[int] | None:
    """'1\\n2' -> [1, 2]: two or more lines of a cell, each a number, rising one by one; else None."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < 2:
        return None
    numbers = [normalise.integer(line) for line in lines]
    if any(n is None or n < 1 for n in numbers):
        return None
    if any(b != a + 1 for a, b in zip(numbers, numbers[1:], strict=False)):  # type: ignore[operator]
        return None
    return [n for n in numbers if n is not None]


def split_stacked(s: Sheet, kinds: list[str | None], drafts: list[checks.RowDraft]) -> PageReview | None:
    """Before ``lost_rows.read_numbers`` (``drafts`` one per row of ``s.texts``): each band whose `№` cell
    holds stacked numbers numbered by its last, in review, with an empty row in review for each number
    above it (inserted in ``drafts``); the page's review reason, or None when no band holds two numbers."""
    c = rownumbers.row_column(s, kinds)
    if c is None or len(drafts) != len(s.texts):
        return None
    restored: list[int] = []
    for i in reversed(range(len(drafts))):
        numbers = stacked(s.texts[i][c]) if c < len(s.texts[i]) else None
        if numbers is None:
            continue
        band = drafts[i]
        if not band.values.get("name") and not band.values.get("egn"):
            continue  # no person's line in it: lost people's band (their sums), ``lost_rows`` brings them back
        band.values["row"] = numbers[-1]
        band.review.update(SCORED_FIELDS, reason=checks.ROW_NUMBER)
        for k, n in reversed(list(enumerate(numbers[:-1]))):
            d = checks.RowDraft(values={"row": n}, bbox=band_slice(band.bbox, k, len(numbers)))
            # the number is read and in order (no doubt of the order for ``unproved_numbers``); the line is not
            d.review.update(("row", *SCORED_FIELDS), reason=checks.UNREADABLE)
            drafts.insert(i, d)
        restored[:0] = numbers
    if not restored:
        return None
    return PageReview(
        reason=ROWS_MISSING,
        detail=f"редове № {', '.join(map(str, restored))} са разчетени като един ред (без линия между тях): "
        "препишете ги от листа",
    )
