"""A hand's leading `1` lost before a `0` (`99.25` read for 1099.25, the `0` then going as a leading zero) is
one slip, not three: the itemised deductions that say 1099.25 overrule it as they overrule any one-digit slip,
instead of the net pay, read right, being mended to fit the `99.25` (issue 9, silent errors; T dev 12025 p2,
`samples --family T --seed 12025 --pages 2`, dev seed). And a deductions figure its parts confirm is not moved
to close a column another row's misread put off (the same page: `328.64` = 221.64 + 107.00 moved to 1328.64)."""

from __future__ import annotations

from decimal import Decimal

from ocr import checks

MONEY3 = ["gross_pay", "deductions", "net_pay"]


def _row(gross: str, ded: str, net: str, parts: list[str]) -> checks.RowDraft:
    r = checks.RowDraft(values={"name": "Иван Петров Попов", "gross_pay": gross, "deductions": ded, "net_pay": net},
                        conf={"gross_pay": 0.9, "deductions": 0.5, "net_pay": 0.9})  # fmt: skip
    r.parts = [Decimal(p) for p in parts]
    return r


def test_a_lost_leading_one_before_a_zero_is_one_slip_the_parts_mend():
    r = _row("9993.19", "99.25", "8893.94", ["739.50", "359.75"])
    checks.run_checks([r], {}, MONEY3, 1985, 5, {})
    assert r.values["deductions"] == "1099.25" and r.values["net_pay"] == "8893.94"
    assert r.as_read == {"deductions": ("99.25", "1099.25")}  # kept for the second pass to confirm or refuse


def test_digits_lost_elsewhere_are_not_a_lost_lead():
    assert checks._lead_lost("99.25", "1099.25")
    assert checks._lead_lost("5.10", "1005.10")
    assert not checks._lead_lost("99.25", "1199.25")  # the lost `1` leaves no zero to go with it
    assert not checks._lead_lost("99.25", "2099.00")
    assert not checks._lead_lost("1099.25", "1099.25")
    # and so a deductions figure three digits from its parts' sum otherwise is still not overruled
    r = _row("9993.19", "99.25", "8893.94", ["839.50", "359.75"])  # parts 1199.25: gross - net says 1099.25
    checks._deductions_from_parts(r)
    assert r.values["deductions"] == "99.25"


def test_a_deductions_figure_its_parts_confirm_is_not_moved_to_close_its_column():
    # row 1: the net `582.01` lost its leading 1 (1582.01); its deductions 328.64 = 221.64 + 107.00 read right.
    # row 2: deductions 1100.00 read `100.00` and its net 900.00 read `1900.00` (its sum holds, no parts): the
    # deductions column is 1000 short, and row 1's gross - net = 1328.64 would close it to the stotinka
    r1 = _row("1910.65", "328.64", "582.01", ["221.64", "107.00"])
    r1.conf["net_pay"] = 0.3
    r2 = checks.RowDraft(values={"name": "Петър Иванов Попов", "gross_pay": "2000.00", "deductions": "100.00",
                                 "net_pay": "1900.00"}, conf={"gross_pay": 0.9, "deductions": 0.5, "net_pay": 0.9})  # fmt: skip
    totals = {"gross_pay": "3910.65", "deductions": "1428.64", "net_pay": "2482.01"}  # as printed
    checks.run_checks([r1, r2], totals, MONEY3, 1985, 5, {})
    assert r1.values["deductions"] == "328.64"
    assert r1.values["net_pay"] == "1582.01" or "net_pay" in r1.review
    assert "deductions" in r2.review  # its column does not add up: the wrong figure is not passed silently


def _moved(base: str, extra: str, gross: str, f: str, old: str) -> checks.RowDraft:
    r = checks.RowDraft(values={"name": "Иван Петров Попов", "base_pay": base, "extra_pay": extra, "gross_pay": gross},
                        conf={"base_pay": 0.9, "extra_pay": 0.9, "gross_pay": 0.9})  # fmt: skip
    r.changed[f] = (checks.COLUMN_RECONCILE, old)
    return r


def test_changes_for_the_columns_another_choice_closes_as_well_go_to_review():
    # T dev 12021 p6: row 1's additional pay 103.50 read `3.50`, row 2's base 155.82 read `55.82`; the columns'
    # reconciliation moved row 1's base (258.74 -> 358.74) and row 2's additional pay (28.05 -> 128.05): every
    # sum and column holds, and so it does with the other figure of each row moved instead
    r1 = _moved("358.74", "3.50", "362.24", "base_pay", "258.74")
    r2 = _moved("55.82", "128.05", "183.87", "extra_pay", "28.05")
    totals = {"base_pay": "414.56", "extra_pay": "131.55", "gross_pay": "546.11"}
    fields = ["base_pay", "extra_pay", "gross_pay"]
    assert checks._changes_mirrored([r1, r2], totals, fields, {}) == {0: {"base_pay", "extra_pay"},
                                                                      1: {"base_pay", "extra_pay"}}  # fmt: skip
    checks._unconfirmed_changes([r1, r2], totals, fields, {})
    assert {"base_pay", "extra_pay"} <= r1.review and {"base_pay", "extra_pay"} <= r2.review


def test_changes_for_the_columns_no_other_choice_closes_stand():
    # the same rows, row 2's base read right (155.82): only row 1's additional pay was misread, and moving it
    # is the one choice that closes the columns
    r1 = _moved("258.74", "103.50", "362.24", "extra_pay", "3.50")
    r2 = checks.RowDraft(values={"name": "Петър Иванов Попов", "base_pay": "155.82", "extra_pay": "28.05",
                                 "gross_pay": "183.87"}, conf={"base_pay": 0.9, "extra_pay": 0.9, "gross_pay": 0.9})  # fmt: skip
    totals = {"base_pay": "414.56", "extra_pay": "131.55", "gross_pay": "546.11"}
    fields = ["base_pay", "extra_pay", "gross_pay"]
    assert checks._changes_mirrored([r1, r2], totals, fields, {}) == {}
    checks._unconfirmed_changes([r1, r2], totals, fields, {})
    assert not r1.review and not r2.review
