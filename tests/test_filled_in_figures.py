"""A figure nobody could read that the row's sums filled in is no reading: the second run of the checks
(after the second pass) must not take it for one (as read on `samples --hard all --seed 55` page-0001, a
stamp over the deductions and the net pay of the first row)."""

from __future__ import annotations

from ocr import checks

PRESENT = list(checks.MONEY)


def _row() -> checks.RowDraft:
    # the deductions under the stamp unread, the net pay `220.51` misread `122.28` (the ring read as a 1)
    return checks.RowDraft(values={"base_pay": "243.31", "extra_pay": "34.06", "gross_pay": "277.37",
                                   "deductions": None, "net_pay": "122.28"})  # fmt: skip


def test_a_filled_in_figure_stays_in_review_when_the_checks_run_again():
    drafts = [_row()]
    checks.run_checks(drafts, {}, PRESENT, 1986, 9, {})
    assert drafts[0].values["deductions"] == "155.09"
    assert drafts[0].review.reasons["deductions"] == checks.UNREADABLE
    checks.forget_verdicts(drafts)
    checks.run_checks(drafts, {}, PRESENT, 1986, 9, {})
    assert drafts[0].review.reasons.get("deductions") == checks.UNREADABLE
    assert "net_pay" in drafts[0].review, "the net pay the filled-in figure was made from is as doubtful"


def test_a_filled_in_figure_the_column_total_confirms_goes_out():
    right = checks.RowDraft(values={"base_pay": "237.25", "extra_pay": "83.04", "gross_pay": "320.29",
                                    "deductions": "58.61", "net_pay": "261.68"})  # fmt: skip
    row = _row()
    row.values["net_pay"] = "220.51"
    drafts = [row, right]
    totals = {"base_pay": "480.56", "extra_pay": "117.10", "gross_pay": "597.66", "deductions": "115.47",
              "net_pay": "482.19"}  # fmt: skip
    for _ in range(2):
        checks.forget_verdicts(drafts)
        checks.run_checks(drafts, totals, PRESENT, 1986, 9, {})
    assert row.values["deductions"] == "56.86"
    assert not row.review and not right.review


def test_a_column_total_does_not_move_a_filled_in_figure_off_its_row_sum():
    # `samples --hard all --seed 55` page-0012: the base pay of one row unread (filled in as 303.76 - 39.62),
    # another row's `234.03` misread `334.03` with its additional pay unread; the base column is 100 over
    filled = checks.RowDraft(values={"base_pay": None, "extra_pay": "39.62", "gross_pay": "303.76"})
    misread = checks.RowDraft(values={"base_pay": "334.03", "extra_pay": None, "gross_pay": "311.26"})
    drafts = [filled, misread]
    present = ["base_pay", "extra_pay", "gross_pay"]
    checks.run_checks(drafts, {"base_pay": "498.17"}, present, 1986, 9, {})
    assert filled.values["base_pay"] == "264.14", "moved to 164.14: the column adds up, the row sum breaks"
    assert "base_pay" in misread.review or misread.values["base_pay"] == "234.03"
