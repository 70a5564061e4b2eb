"""A row whose sums hold among rows whose sums were misread nearly everywhere goes to review too
(``ocr.misread_page``); a column adding up to its total keeps its figures."""

from __future__ import annotations

from ocr import checks
from ocr.misread_page import doubt_rows_beside_misread

PRESENT = ["gross_pay", "deductions", "net_pay"]


def _rows(doubted: int) -> list[checks.RowDraft]:
    rows = []
    for k in range(4):
        d = checks.RowDraft(values={"gross_pay": f"{300 + k}.00", "deductions": "50.00", "net_pay": f"{250 + k}.00"})
        if k < doubted:
            d.review.add("net_pay", checks.ROW_SUM)
        rows.append(d)
    return rows


def test_the_row_whose_sums_hold_among_misread_rows_goes_to_review():
    rows = _rows(3)
    doubt_rows_beside_misread(rows, {}, PRESENT, None)
    assert {"gross_pay", "deductions", "net_pay"} <= set(rows[3].review)


def test_a_page_read_well_on_most_rows_keeps_its_rows():
    rows = _rows(2)
    doubt_rows_beside_misread(rows, {}, PRESENT, None)
    assert not set(rows[3].review)


def test_a_column_adding_up_to_its_total_is_proved():
    rows = _rows(3)
    doubt_rows_beside_misread(rows, {"deductions": "200.00"}, PRESENT, None)
    assert "deductions" not in rows[3].review and "gross_pay" in rows[3].review
