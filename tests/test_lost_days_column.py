"""A days column the column finder lost (every money figure one column over, no row's sums hold) must not
send the rows out with no days and no word: the days go to review (E dev 507 --hard all, page 3)."""

from __future__ import annotations

from ocr.checks import RowDraft, run_checks

PRESENT = ["row", "egn", "name", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"]


def _shifted_rows() -> list[RowDraft]:
    # as read on the page: the gross in the base column, the deductions in the gross column, ...
    read = [("2981.47", "441.26", "2.35", "2540.21"), ("3089.68", "537.60", "2.33", "2552.08"),
            ("1359.69", "163.16", None, "11965.35")]  # fmt: skip
    return [RowDraft(values={"row": i + 1, "egn": "6606284000", "name": "Емил Пенчов Попов", "base_pay": b,
                             "extra_pay": None, "gross_pay": g, "deductions": dd, "net_pay": n})
            for i, (b, g, dd, n) in enumerate(read)]  # fmt: skip


def test_days_in_review_when_no_row_sum_holds_and_no_days_column() -> None:
    rows = _shifted_rows()
    run_checks(rows, {}, PRESENT, 1992, 1, {})
    assert all("days_worked" in r.review for r in rows)


def test_sums_that_hold_leave_a_sheet_without_days_alone() -> None:
    rows = [RowDraft(values={"row": i + 1, "egn": "6606284000", "name": "Емил Пенчов Попов", "base_pay": "2981.47",
                             "extra_pay": "0.00", "gross_pay": "2981.47", "deductions": "441.26",
                             "net_pay": "2540.21"}) for i in range(3)]  # fmt: skip
    run_checks(rows, {}, PRESENT, 1992, 1, {})
    assert not any("days_worked" in r.review for r in rows)


def test_a_sheet_with_a_days_column_is_left_to_check_days() -> None:
    rows = _shifted_rows()
    for r in rows:
        r.values["days_worked"] = 23
    run_checks(rows, {}, [*PRESENT, "days_worked"], 1992, 1, {})
    assert not any(r.review.reasons.get("days_worked") == "unreadable" for r in rows)
