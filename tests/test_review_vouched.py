"""A figure independent checks vouch for is not sent to a person; a figure they do not vouch for stays
flagged (issue 9, review load). Each rule of ocr/checks.py and ocr/plausibility.py that lifts a flag has a
case where it lifts it and a case where the figure is wrong and keeps it."""

from __future__ import annotations

from ocr import checks, plausibility

PRESENT = ["base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"]
FIVE = ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")


def _money(b: str, e: str, g: str, d: str, n: str, *, name: str = "Иван Петров Иванов") -> checks.RowDraft:
    return checks.RowDraft(values={"name": name, **dict(zip(FIVE, (b, e, g, d, n), strict=True))})


def _twice(r: checks.RowDraft, conf: float = 0.9) -> checks.RowDraft:
    """Both models read every figure of the row alike."""
    for f in FIVE:
        r.conf[f] = conf
        r.alts[f] = [r.values[f]]
    return r


# --- a row sum and the column's total -----------------------------------------------------------------

# row 2's base and additional pay are both misread (its first sum fails, and nothing says what they
# were: their columns' totals were not read); its gross, deductions and net keep net = gross - deductions
# and their columns add up to the stotinka
ROWS = (("100.00", "10.00", "110.00", "20.00", "90.00"), ("257.31", "8.88", "205.00", "30.00", "175.00"))


def test_a_figure_its_row_sum_and_its_column_total_both_confirm_is_not_flagged():
    rows = [_money(*r) for r in ROWS]
    checks.run_checks(rows, {"gross_pay": "315.00", "deductions": "50.00", "net_pay": "265.00"}, PRESENT, 1985, 3, {})
    assert {"base_pay", "extra_pay"} <= rows[1].review
    assert not {"gross_pay", "deductions", "net_pay"} & rows[1].review


def test_a_figure_whose_column_does_not_add_up_stays_flagged():
    rows = [_money(*r) for r in ROWS]
    checks.run_checks(rows, {"gross_pay": "325.00", "deductions": "50.00", "net_pay": "265.00"}, PRESENT, 1985, 3, {})
    assert {"base_pay", "extra_pay", "gross_pay"} <= rows[1].review


def test_no_figure_is_vouched_by_the_columns_on_a_page_with_a_line_of_figures_and_no_person():
    # a correction typed between rows split off as a line of its own: rows shifted by one keep both their
    # sums and the columns' totals, so neither vouches for anything
    rows = [*(_money(*r) for r in ROWS), _money("0.00", "0.00", "0.00", "0.00", "0.00", name=None)]  # type: ignore[arg-type]
    checks.run_checks(rows, {"gross_pay": "315.00", "deductions": "50.00", "net_pay": "265.00"}, PRESENT, 1985, 3, {})
    assert "gross_pay" in rows[1].review


# --- two readings and both row sums ------------------------------------------------------------------

TOTALS = {"base_pay": "450.00", "extra_pay": "15.00", "gross_pay": "465.00", "deductions": "65.00",
          "net_pay": "400.00"}  # fmt: skip


def _page_with_one_culprit() -> list[checks.RowDraft]:
    # the gross column is off: row 3's gross breaks both of its row's sums and no one slip mends it (the
    # culprit); rows 1 and 2 add up every way, each figure read alike by both models
    return [_twice(_money("100.00", "10.00", "110.00", "20.00", "90.00")),
            _twice(_money("200.00", "5.00", "205.00", "30.00", "175.00")),
            _twice(_money("150.00", "0.00", "213.57", "15.00", "135.00"))]  # fmt: skip


def _check(rows: list[checks.RowDraft], totals: dict[str, str]) -> None:
    """The row sums, then the columns (run_checks without the corrections the totals would prove)."""
    for r in rows:
        checks.check_money(r, PRESENT)
    checks.check_totals(rows, totals, PRESENT)


def test_a_row_both_models_read_alike_with_every_sum_holding_is_not_held_to_another_rows_error():
    rows = _page_with_one_culprit()
    _check(rows, TOTALS)
    assert "gross_pay" in rows[2].review
    assert not rows[0].review and not rows[1].review


def test_a_row_the_models_read_differently_stays_in_doubt_where_its_column_does_not_add_up():
    rows = _page_with_one_culprit()
    rows[0].alts["base_pay"] = ["180.00"]  # the second model read the base pay otherwise
    _check(rows, TOTALS)
    assert "gross_pay" in rows[0].review
    assert not rows[1].review


def test_rows_are_not_vouched_when_no_other_figure_of_the_column_explains_its_total():
    # every row adds up every way, read twice alike, and the columns are still off: one of these rows was
    # misread alike (its sums kept) or the totals were; the columns' figures go to a person
    rows = [_twice(_money("100.00", "10.00", "110.00", "20.00", "90.00")),
            _twice(_money("200.00", "5.00", "205.00", "30.00", "175.00"))]  # fmt: skip
    totals = {"base_pay": "400.00", "extra_pay": "15.00", "gross_pay": "415.00", "deductions": "50.00",
              "net_pay": "365.00"}  # fmt: skip
    _check(rows, totals)
    assert all({"base_pay", "gross_pay", "net_pay"} <= r.review for r in rows)


# --- days: the ink and the pay ------------------------------------------------------------------------

def _days_row(days: int, lost: int, base: str, conf: float = 0.9) -> checks.RowDraft:
    r = checks.RowDraft(values={"days_worked": days, "base_pay": base})
    r.conf["days_worked"] = conf
    r.alts["days_worked"] = [lost]
    r.ink_digits["days_worked"] = 2
    return r


def _full_month_rows() -> list[checks.RowDraft]:
    rows = []
    for base in ("210.00", "190.00", "230.00", "205.00"):
        r = checks.RowDraft(values={"days_worked": 21, "base_pay": base})
        r.conf["days_worked"] = 0.95
        rows.append(r)
    return rows


def test_days_the_ink_and_the_pay_both_vouch_for_are_not_flagged():
    # '21' and '2' read; the ink is two digits wide; 2 days would pay ten times a full month's rate
    r = _days_row(21, 2, "200.00")
    checks.check_days(r, 1985, 3)
    assert r.values["days_worked"] == 21 and "days_worked" in r.review  # the ink alone does not decide
    rows = [*_full_month_rows(), r]
    plausibility.cross_check(rows, ["days_worked", "base_pay"], 1985, 3)
    assert "days_worked" not in r.review


def test_days_the_pay_does_not_vouch_for_stay_flagged():
    # '21' and '2' read, but the row's pay is what two days pay on this sheet: the ink's '21' is in doubt
    r = _days_row(21, 2, "20.00")
    checks.check_days(r, 1985, 3)
    rows = [*_full_month_rows(), r]
    plausibility.cross_check(rows, ["days_worked", "base_pay"], 1985, 3)
    assert "days_worked" in r.review


def test_days_whose_readings_differ_otherwise_stay_flagged_whatever_the_pay():
    r = _days_row(21, 24, "200.00")  # two readings of two digits: the ink cannot tell, nor the pay
    checks.check_days(r, 1985, 3)
    rows = [*_full_month_rows(), r]
    plausibility.cross_check(rows, ["days_worked", "base_pay"], 1985, 3)
    assert "days_worked" in r.review


# --- a column not found -------------------------------------------------------------------------------

def test_names_of_a_sheet_whose_name_column_was_not_found_go_to_review():
    # (hard set, seed 55: a sheet whose names were never read went out with every name empty, unflagged)
    kinds = ["egn", "gross_pay", "deductions", "net_pay"]
    rows = [checks.RowDraft(values={"egn": "4512145460", "gross_pay": "463.39", "deductions": "82.95",
                                    "net_pay": "380.44"})]  # fmt: skip
    checks.guard_page(rows, kinds, [["", "", "", ""]])
    assert rows[0].review.reasons.get("name") == checks.UNREADABLE


def test_days_the_second_model_alone_read_as_wide_as_the_ink_stay_flagged_whatever_the_pay():
    # (family G, seed 701: '2' first, '22' second, the ink two digits wide, the pay that of a full
    # month; the figure was 23) the pay tells two digits from one, not which second digit
    r = _days_row(2, 22, "200.00", conf=0.0)
    checks.check_days(r, 1985, 3)
    rows = [*_full_month_rows(), r]
    plausibility.cross_check(rows, ["days_worked", "base_pay"], 1985, 3)
    assert r.values["days_worked"] == 22 and "days_worked" in r.review


# --- a printed total a round factor off the rows ------------------------------------------------------

def _pay_rows(gross: str, ded: str, net: str) -> list[checks.RowDraft]:
    return [checks.RowDraft(values={"name": "Иван Петров Иванов", "gross_pay": gross, "deductions": ded,
                                    "net_pay": net}) for _ in range(5)]  # fmt: skip


def test_rows_whose_pay_ten_times_over_no_one_earned_that_year_are_not_sent_for_a_misread_total():
    # (E dev 516 p2: the gross total 416716.30 read as 4167163.08, ten times the rows' sum; the rows pay
    # 28 thousand leva in 1996, 280 thousand no one earned: the total was misread, not the rows)
    rows = _pay_rows("28394.08", "2356.71", "26037.37")
    assert plausibility.check(rows, {"gross_pay": "1419764.20"}, ["gross_pay", "deductions", "net_pay"], 1996, 11) is None


def test_rows_whose_pay_ten_times_over_is_still_a_wage_of_the_year_fail_the_page():
    # the same factor in 1993, where 1 468 leva and 14 680 leva could both be a month's pay: the wages do
    # not tell which was misread, the total or every row
    rows = _pay_rows("1468.02", "176.16", "1291.86")
    doubt = plausibility.check(rows, {"gross_pay": "73461.20"}, ["gross_pay", "deductions", "net_pay"], 1993, 5)
    assert doubt is not None and doubt.reason == checks.PAGE_PLAUSIBILITY and "10" in doubt.detail


# --- a column off while every row's sums hold ---------------------------------------------------------

THREE = ["name", "gross_pay", "deductions", "net_pay"]


def _pay(g: str, d: str, n: str) -> checks.RowDraft:
    return checks.RowDraft(values={"name": "Иван Петров Иванов", "gross_pay": g, "deductions": d, "net_pay": n})


def _page_off_by_two_stotinki() -> list[checks.RowDraft]:
    # (E dev 501 page 1) the last row's gross and net misread alike, `3` read `5` in both (1240.95 and
    # 995.25 for 1240.93 and 995.23): every row's sum holds, the gross and net columns are 0.02 over
    return [_pay("6499.37", "1163.39", "5335.98"), _pay("8632.51", "690.60", "7941.91"),
            _pay("5138.71", "596.09", "4542.62"), _pay("1240.95", "245.70", "995.25")]  # fmt: skip


TOTALS_OFF = {"gross_pay": "21511.52", "deductions": "2695.78", "net_pay": "18815.74"}


def _run(rows: list[checks.RowDraft], totals: dict[str, str]) -> None:
    for r in rows:
        checks.check_money(r, THREE)
    checks.check_totals(rows, totals, THREE)


def test_with_every_row_sum_holding_only_the_rows_one_slip_explains_go_to_review_for_a_column():
    rows = _page_off_by_two_stotinki()
    _run(rows, TOTALS_OFF)
    # the first row's gross and net could each be 0.02 over too (`6499.37` for 6499.35): it stays in doubt
    assert all({"gross_pay", "net_pay"} <= r.review for r in (rows[0], rows[3]))
    # `8632.51` is two digits from 8632.49; `4542.62` one from 4542.60, but its gross `5138.71` would have
    # to be 0.02 off with it, two digits from 5138.69: no slip of these rows makes the columns add up
    assert not rows[1].review and not rows[2].review


def test_with_every_row_sum_holding_a_difference_no_one_slip_explains_keeps_the_whole_column():
    rows = _page_off_by_two_stotinki()
    rows[3] = _pay("1203.93", "245.70", "958.23")  # 37 off: `1203` for 1240, `958` for 995 (two digits each)
    _run(rows, TOTALS_OFF)
    assert all({"gross_pay", "net_pay"} <= r.review for r in rows)


# --- the base pay equal to the gross (no additional pay on the sheet) ---------------------------------

NO_EXTRA = ["name", "base_pay", "gross_pay", "deductions", "net_pay"]


def _base_row(b: str, g: str, d: str, n: str) -> checks.RowDraft:
    return checks.RowDraft(values={"name": "Иван Петров Иванов", "base_pay": b, "gross_pay": g,
                                   "deductions": d, "net_pay": n})  # fmt: skip


def test_a_base_equal_to_its_gross_with_its_column_adding_up_is_vouched_like_any_figure():
    # (H dev 805) the base's one tie is its equality with the gross; its column adds up to the stotinka
    rows = [_base_row("300.00", "300.00", "40.00", "260.00"), _base_row("250.00", "250.00", "30.00", "220.00")]
    rows[1].review.add("base_pay", checks.ROW_SUM)
    checks.clear_doubly_vouched(rows, {"base_pay": "550.00", "gross_pay": "550.00"}, NO_EXTRA)
    assert "base_pay" not in rows[1].review


def test_a_base_equal_to_its_gross_whose_column_does_not_add_up_stays_flagged():
    rows = [_base_row("300.00", "300.00", "40.00", "260.00"), _base_row("250.00", "250.00", "30.00", "220.00")]
    rows[1].review.add("base_pay", checks.ROW_SUM)
    checks.clear_doubly_vouched(rows, {"base_pay": "560.00", "gross_pay": "550.00"}, NO_EXTRA)
    assert "base_pay" in rows[1].review
