"""A printed total read with its leading digit lost, the other totals one slip from it put back: the rows that can
carry the slip go to a person (issue 9, silent errors; AK dev 29005 p2: the gross total `187182.78` read
`87182.78`, one row's gross and net and the net total read 10.00 high alike, so the row's sum held, the net column
added up to its total and the gross column to net + deductions: the row's two figures out wrong, no flag). Rows
built here as the checks see them."""

from __future__ import annotations

from decimal import Decimal

from ocr import checks
from ocr.lost_lead_total import doubt_columns_under_lost_lead, restored_total

FIELDS = ["gross_pay", "deductions", "net_pay"]


def _row(gross: str, ded: str, net: str) -> checks.RowDraft:
    return checks.RowDraft(
        values={"name": "ХРИСТОВ НИКОЛА СТОЯНОВ", "gross_pay": gross, "deductions": ded, "net_pay": net},
        conf=dict.fromkeys(FIELDS, 0.9),
    )


def _page() -> list[checks.RowDraft]:
    return [_row("1000.00", "200.00", "800.00"),
            _row("5820.05", "1824.76", "3995.29"),  # printed 5810.05 and 3985.29: both read 10.00 high
            _row("2000.00", "500.00", "1500.00")]  # fmt: skip


def _checked(totals: dict[str, str]) -> list[checks.RowDraft]:
    rows = _page()
    checks.run_checks(rows, totals, FIELDS, 1993, 12, {})
    doubt_columns_under_lost_lead(rows, totals, FIELDS, {})
    return rows


def test_a_total_s_lost_leading_digit_is_put_back_from_what_the_other_totals_give():
    # printed 8810.05, read `810.05`; net + deductions (the net total read 10.00 high) give 8820.05
    totals = {"gross_pay": "810.05", "deductions": "2524.76", "net_pay": "6295.29"}
    assert restored_total(totals, FIELDS, "gross_pay") == Decimal("8810.05")
    # the lead lost alone (the others give the total exactly): the checks' misread total already answers it
    assert restored_total({**totals, "net_pay": "6285.29"}, FIELDS, "gross_pay") is None
    # totals that obey their sums: nothing lost
    assert restored_total({**totals, "gross_pay": "8820.05"}, FIELDS, "gross_pay") is None


def test_the_row_that_carries_the_slip_goes_to_review_in_both_its_figures_the_others_not():
    rows = _checked({"gross_pay": "810.05", "deductions": "2524.76", "net_pay": "6295.29"})
    assert {"gross_pay", "net_pay"} <= rows[1].review
    assert rows[1].review.reasons["gross_pay"] == checks.COLUMN_TOTAL
    assert "gross_pay" not in rows[0].review and "gross_pay" not in rows[2].review
    # with the gross total put back, the net or the deductions total was misread: either partner may carry it
    assert not any(f in r.review for r in (rows[0], rows[2]) for f in FIELDS)


def test_totals_read_right_doubt_nothing_here():
    rows = _page()
    rows[1].values.update(gross_pay="5810.05", net_pay="3985.29")
    totals = {"gross_pay": "8810.05", "deductions": "2524.76", "net_pay": "6285.29"}
    checks.run_checks(rows, totals, FIELDS, 1993, 12, {})
    assert doubt_columns_under_lost_lead(rows, totals, FIELDS, {}) == 0
    assert not any(r.review & set(FIELDS) for r in rows)


def test_a_slip_most_rows_could_carry_points_at_none():
    rows = [_row("1010.00", "200.00", "810.00") for _ in range(12)]
    rows[5].values.update(
        gross_pay="1020.00", net_pay="820.00"
    )  # printed 1010.00 and 810.00, read 10.00 high
    totals = {
        "gross_pay": "2120.00",
        "deductions": "2400.00",
        "net_pay": "9730.00",
    }  # 12120.00 and 9720.00 printed
    assert restored_total(totals, FIELDS, "gross_pay") == Decimal("12120.00")
    assert doubt_columns_under_lost_lead(rows, totals, FIELDS, {}) == 0
