"""Figures the sums made up must never come out as read and vouched for (family G dev sheets, `samples
--family G --seed 708` page-0006 and a layout-1 G sheet, tests/fixtures/regression/README.md): a figure
filled in from its row's sums, a column's difference pinned on a figure no sum of its row checks."""

from decimal import Decimal

import pytest

from ocr import checks

MONEY = ["base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"]


def _row(**values: str | None) -> checks.RowDraft:
    return checks.RowDraft(values=dict(values))


def test_a_filled_figure_is_not_taken_for_a_read_one_on_the_second_pass():
    # base '194.13' misread for 194.14, the additional pay a dash nobody read: the sums fill it as 0.01
    r = _row(base_pay="194.13", extra_pay=None, gross_pay="194.14")
    present = ["base_pay", "extra_pay", "gross_pay"]
    checks.run_checks([r], {}, present, 1990, 5, {})
    assert r.values["extra_pay"] == "0.01" and "extra_pay" in r.review
    checks.forget_verdicts([r])
    checks.run_checks([r], {}, present, 1990, 5, {})
    assert "extra_pay" in r.review, "the filled 0.01 came back vouched for by the sum it was made from"


def test_a_misread_total_does_not_pull_a_filled_figure_one_digit_off():
    # the net of the second row unread (filled as 180.00 from its sums); a signature across the totals
    # made the net total 1270.00 and the deductions total 3.00
    rows = [_row(gross_pay="100.00", deductions="10.00", net_pay="90.00"),
            _row(gross_pay="200.00", deductions="20.00", net_pay=None)]  # fmt: skip
    totals = {"gross_pay": "300.00", "deductions": "3.00", "net_pay": "1270.00"}
    checks.run_checks(rows, totals, ["gross_pay", "deductions", "net_pay"], 1990, 5, {})
    assert rows[1].values["net_pay"] == "180.00"
    assert "net_pay" in rows[1].review


def test_a_columns_difference_is_not_put_on_a_figure_no_sum_of_its_row_checks():
    # base column off by 350.00 (the second row's base '4.27' for 354.27), net column off by 0.10 (the
    # first row's net '90.10'): the first row's base, unchecked with its additional pay unread, must not
    # take the 350.00
    rows = [_row(base_pay="100.00", extra_pay=None, gross_pay="100.00", deductions="10.00", net_pay="90.10"),
            _row(base_pay="4.27", extra_pay="0.00", gross_pay="354.27", deductions="54.27", net_pay="300.00")]
    totals = {"base_pay": "454.27", "extra_pay": "0.00", "gross_pay": "454.27", "deductions": "64.27",
              "net_pay": "390.00"}  # fmt: skip
    checks.run_checks(rows, totals, MONEY, 1990, 5, {})
    assert rows[0].values["base_pay"] == "100.00"
    for r in rows:
        for f in MONEY:
            assert f in r.review or r.values[f] is not None


@pytest.mark.xfail(strict=True, reason="not fixed: the two one-slip explanations (a fix per column) are the unique "
                   "explanation with the fewest changes; flagging every fix made while a partner column was off "
                   "sent once-fixed sheets back to review (tests/test_regression_review.py), and a second reading "
                   "of the fixed figures read the same 9s as 0s on the real page")
def test_two_columns_off_are_not_explained_by_each_others_figures():
    # dot-matrix 9 read as 0 (`samples --family G --seed 710` page-0005): the first row's net '222.05' for
    # 222.95, the second row's deduction '24.02' for 24.92 and net '220.51' for 229.51. Each column alone
    # is "fixed" from the other (the first deduction to 81.96, the second net to 230.41), and then every
    # sum holds: two wrong figures out unflagged.
    rows = [_row(gross_pay="304.01", deductions="81.06", net_pay="222.05"),
            _row(gross_pay="254.43", deductions="24.02", net_pay="220.51"),
            _row(gross_pay="100.00", deductions="10.00", net_pay="90.00")]  # fmt: skip
    totals = {"gross_pay": "658.44", "deductions": "115.98", "net_pay": "542.46"}
    checks.run_checks(rows, totals, ["gross_pay", "deductions", "net_pay"], 1990, 5, {})
    truth = [("81.06", "222.95"), ("24.92", "229.51")]
    for r, (d, n) in zip(rows, truth, strict=False):
        assert r.values["deductions"] == d or "deductions" in r.review
        assert r.values["net_pay"] == n or "net_pay" in r.review


def _itemised(gross: str, parts: list[str | None], ded: str, net: str | None) -> checks.RowDraft:
    r = _row(gross_pay=gross, deductions=ded, net_pay=net)
    r.parts = [Decimal(p) if p is not None else None for p in parts]
    return r


def test_the_itemised_deductions_and_the_net_pay_agree_on_a_misread_deductions_total():
    # `samples --family G --seed 711` page-0001: '35.85' read for 34.85 = 23.58 + 8.65 + 2.62, with the
    # printed deductions and net totals misread too (308.86, 1880.89): the sums had made the net 226.98
    rows = [_itemised("262.03", ["23.58", "8.65", "2.62"], "35.85", "227.18"),
            _itemised("100.00", ["6.00", "3.00", "1.00"], "10.00", None)]  # fmt: skip
    totals = {"gross_pay": "362.03", "deductions": "45.05", "net_pay": "337.38"}
    checks.run_checks(rows, totals, ["gross_pay", "deductions", "net_pay"], 1990, 5, {})
    assert (rows[0].values["deductions"], rows[0].values["net_pay"]) == ("34.85", "227.18")


def test_a_figure_filled_in_from_a_doubtful_one_is_not_vouched_for_by_a_column_that_adds_up_by_chance():
    # K dev 3007 page 2: the first row's base read `200.92` once and `200.91` once (in doubt), its additional
    # pay unread and filled in from the sums as 8.03 (for 8.04); the second row's additional pay misread
    # `3.32` (for 3.31): the additional pays off by a stotinka each, the other way, so their column adds up,
    # and the printed total must not vouch for the filled-in 8.03
    rows = [_row(base_pay="200.92", extra_pay=None, gross_pay="208.95", deductions="23.19", net_pay="185.76"),
            _row(base_pay="18.37", extra_pay="3.32", gross_pay="21.69", deductions="3.30", net_pay="18.39")]
    rows[0].review.add("base_pay", checks.READINGS_DISAGREE)
    totals = {"base_pay": "219.29", "extra_pay": "11.35", "gross_pay": "230.64", "deductions": "26.49",
              "net_pay": "204.15"}  # fmt: skip
    checks.run_checks(rows, totals, MONEY, 1990, 5, {})
    assert rows[0].values["extra_pay"] == "8.03"
    assert "extra_pay" in rows[0].review, dict(rows[0].review.reasons)


def test_a_slip_mended_from_figures_both_passes_read_otherwise_goes_to_review():
    # Q dev 9018 page 1 (a phone photo): the net `1809.24` read `1899.24` and the deductions `301.89` read
    # `501.89`, both unsure and read `1890.24` and `101.80` by the other pass; the gross `2111.13` read
    # `201.13`, one digit from their sum 2401.13: three wrong figures whose sum holds must not go out as read
    def row(net_alt: str, ded_alt: str, conf: float) -> checks.RowDraft:
        r = _row(gross_pay="201.13", deductions="501.89", net_pay="1899.24")
        r.conf.update(gross_pay=0.0, deductions=conf, net_pay=conf)
        r.alts.update(gross_pay=["2.11"], deductions=[ded_alt], net_pay=[net_alt])
        return r

    present = ["gross_pay", "deductions", "net_pay"]
    shaky = row("1890.24", "101.80", 0.45)
    checks.run_checks([shaky], {}, present, 1991, 5, {})
    assert shaky.values["gross_pay"] == "2401.13"
    assert {"gross_pay", "deductions", "net_pay"} <= set(shaky.review), dict(shaky.review.reasons)
    # the same mend from figures read alike by both passes stands: a sure sum mends one slip
    sure = row("1899.24", "501.89", 0.45)
    checks.run_checks([sure], {}, present, 1991, 5, {})
    assert sure.values["gross_pay"] == "2401.13" and "gross_pay" not in sure.review, dict(sure.review.reasons)
