"""Rows whose printed numbers are mostly unproved go to review whole: no figure under another's number."""

from __future__ import annotations

from ocr import checks
from ocr.rownumbers import number_rows
from ocr.unproved_numbers import doubt_rows_of_unproved_numbering


def _row(n: int | None, egn: str, name: str) -> checks.RowDraft:
    values: dict[str, object] = {"egn": egn, "name": name, "net_pay": "100.00"}
    if n is not None:
        values["row"] = n
    return checks.RowDraft(values=values)


def test_a_page_whose_numbers_mostly_fail_the_order_sends_every_numbered_row_to_review():
    # as read on `samples --family L --seed 4005` page-0001 (a person's two typed lines, leva and stotinki in
    # columns of their own): a column of stotinki taken for the `№`; the order numbered the rows 0, 1, 2 ...
    # for the people printed 1, 2, 3 ..., every ЕГН and name out unflagged under its neighbour's number
    read = [0, 13, None, 94, 93, 82, 9, None, 21, 65, 88]
    drafts = [_row(n, f"470422019{i}", f"Радка Борисова {i}") for i, n in enumerate(read)]
    number_rows(drafts)
    doubt_rows_of_unproved_numbering(drafts)
    assert all({"row", "egn", "name", "net_pay"} <= set(d.review) for d in drafts)
    assert drafts[4].review.reasons["egn"] == checks.ROW_NUMBER
    assert not any("row" in d.values for d in drafts)  # no guess cited as the printed number


def test_one_misread_number_leaves_the_other_rows_alone():
    drafts = [_row(n, f"470422019{i}", f"Радка Борисова {i}") for i, n in enumerate([1, 2, 8, 4, 5, 6])]
    number_rows(drafts)
    doubt_rows_of_unproved_numbering(drafts)
    assert "row" in drafts[2].review and not any("egn" in d.review for d in drafts)
