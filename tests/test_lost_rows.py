"""A person's row the grid lost is never silent: the printed numbers' gap brings it back in review."""

from __future__ import annotations

from archive_core.records import SCORED_FIELDS
from ocr import checks, lost_rows, rownumbers


def _drafts(numbers: list[int], gross: list[str]) -> list[checks.RowDraft]:
    return [
        checks.RowDraft(
            values={"row": n, "name": f"Лице {n}", "gross_pay": g}, bbox=[0, 100 * k, 900, 100 * k + 80]
        )
        for k, (n, g) in enumerate(zip(numbers, gross, strict=True))
    ]


def test_rows_lost_between_printed_numbers_come_back_in_review_and_the_page_goes_to_review():
    drafts = _drafts([1, 7, 8, 9], ["100.00", "200.00", "300.00", "400.00"])
    drafts.insert(1, checks.RowDraft(values={"gross_pay": "1000.00"}, bbox=[0, 80, 900, 100]))  # the band
    read = lost_rows.read_numbers(drafts)
    rownumbers.number_rows(drafts)
    why = lost_rows.restore_lost(drafts, read, {"gross_pay": "1700.00"})
    assert [d.values["row"] for d in drafts] == [1, 2, 3, 4, 5, 6, 7, 8, 9]
    assert drafts[0].values["name"] == "Лице 1"  # the first row keeps its printed number
    for k, d in enumerate(drafts[1:6]):
        assert set(SCORED_FIELDS) <= d.review and d.bbox == [0, 80 + 4 * k, 900, 84 + 4 * k]
    assert why is not None and "2, 3, 4, 5, 6" in why.detail


def test_a_misread_number_or_columns_that_add_up_lose_no_row():
    drafts = _drafts([1, 2, 8, 4], ["1.00", "2.00", "3.00", "4.00"])
    read = lost_rows.read_numbers(drafts)
    rownumbers.number_rows(drafts)
    assert lost_rows.restore_lost(drafts, read, {"gross_pay": "99.00"}) is None and len(drafts) == 4
    drafts = _drafts([1, 7, 8, 9], ["1.00", "2.00", "3.00", "4.00"])
    read = lost_rows.read_numbers(drafts)
    assert lost_rows.restore_lost(drafts, read, {"gross_pay": "10.00"}) is None and len(drafts) == 4
