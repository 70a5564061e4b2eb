"""A band two row pitches tall, on a page every field of which is in review, is two people run together
(ocr/tall_rows.py: U dev 13018 p3)."""

from __future__ import annotations

from archive_core.records import SCORED_FIELDS
from ocr import checks
from ocr.tall_rows import split_tall


def _rows(spans: list[tuple[int, int]], in_review: bool = True) -> list[checks.RowDraft]:
    out = []
    for k, (top, bottom) in enumerate(spans):
        d = checks.RowDraft(values={"name": f"Ред {k}"}, bbox=[100, top, 1500, bottom])
        if in_review:
            d.review.update(SCORED_FIELDS, reason=checks.LAYOUT_UNPROVED)
        out.append(d)
    return out


# a skewed page: each band 53 px taller than its 46 px line; the third and the last hold two lines each
SPANS = [(422, 520), (468, 566), (514, 658), (606, 704), (652, 750), (698, 842)]


def test_a_band_two_rows_tall_gets_an_empty_row_in_review_after_it() -> None:
    drafts = _rows(SPANS)
    assert split_tall(drafts) == 2
    assert [d.values.get("name") for d in drafts] == [
        "Ред 0",
        "Ред 1",
        "Ред 2",
        None,
        "Ред 3",
        "Ред 4",
        "Ред 5",
        None,
    ]
    assert all(set(d.review) >= set(SCORED_FIELDS) for d in drafts)


def test_a_page_issuing_any_field_is_left_as_read() -> None:
    drafts = _rows(SPANS)
    drafts[0].review.discard("name")
    assert split_tall(drafts) == 0 and len(drafts) == len(SPANS)


def test_rows_all_alike_are_left_alone() -> None:
    drafts = _rows([(100 + 50 * k, 200 + 50 * k) for k in range(6)])
    assert split_tall(drafts) == 0 and len(drafts) == 6
