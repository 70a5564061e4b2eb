"""Cross-field checks (issue 9, silent errors): a figure that no row sum can see but the other fields of
its row and page can — each goes to a person with its reason, and nothing right is flagged for it."""

from __future__ import annotations

from ocr.checks import OUT_OF_RANGE, PAGE_PLAUSIBILITY, ROW_SUM, RowDraft, check_totals
from ocr.names import check_name
from ocr.plausibility import cross_check, working_days

MONEY5 = ["base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"]


def _row(days: int, base: str, extra: str = "0.00") -> RowDraft:
    gross = f"{float(base) + float(extra):.2f}"
    return RowDraft(values={"days_worked": days, "base_pay": base, "extra_pay": extra, "gross_pay": gross})


def test_working_days_count_monday_to_friday():
    assert working_days(1994, 6) == 22 and working_days(1987, 2) == 20


def test_a_days_figure_that_lost_a_digit_is_flagged_by_its_pay():
    rows = [_row(22, "900.00"), _row(22, "760.00"), _row(2, "820.00"), _row(11, "400.00"), _row(22, "640.00")]
    cross_check(rows, ["days_worked", "base_pay", "extra_pay", "gross_pay"], 1994, 6)
    assert [r.review.reasons.get("days_worked") for r in rows] == [None, None, OUT_OF_RANGE, None, None]


def test_every_22_read_as_2_is_flagged():
    rows = [_row(2, "900.00"), _row(2, "760.00"), _row(2, "820.00"), _row(14, "500.00")]
    cross_check(rows, ["days_worked", "base_pay"], 1994, 6)
    assert [("days_worked" in r.review) for r in rows] == [True, True, True, False]


def test_days_for_which_no_one_earned_that_pay_that_year_are_flagged_on_a_short_sheet():
    """Three rows, too few for the sheet's own full month to tell: 282.75 leva in 2 days of June 1984 is
    2969 a month (average wage 203, data/wages.json): the days were misread ('2' for '21'); 12.85 leva for
    21 days is not a month's pay either."""
    present = ["days_worked", "base_pay", "extra_pay", "gross_pay"]
    rows = [_row(2, "282.75"), _row(21, "242.86"), _row(7, "97.57")]
    cross_check(rows, present, 1984, 6)
    assert [r.review.reasons.get("days_worked") for r in rows] == [OUT_OF_RANGE, None, None]
    rows = [_row(21, "12.85"), _row(7, "97.57"), _row(3, "30.00")]
    cross_check(rows, present, 1984, 6)
    assert [r.review.reasons.get("days_worked") for r in rows] == [OUT_OF_RANGE, None, None]


def test_more_days_than_the_working_days_of_the_month():
    rows = [
        _row(22, "900.00"),
        _row(22, "760.00"),
        _row(28, "820.00"),
        _row(22, "640.00"),
        _row(22, "700.00"),
    ]
    cross_check(rows, ["days_worked"], 1994, 6)
    assert [("days_worked" in r.review) for r in rows] == [False, False, True, False, False]


def test_more_days_than_any_month_has_working_days_where_the_period_was_not_read():
    """R dev 10030 p1: `20` read `26` beside rows of 20, the header's month unread: no month of five-day weeks
    has 26 working days. A sheet counting Saturdays (most rows above 23) is left alone."""
    rows = [_row(d, "300.00") for d in (20, 26, 20, 8, 20, 16)]
    cross_check(rows, ["days_worked"], None, None)
    assert [("days_worked" in r.review) for r in rows] == [False, True, False, False, False, False]
    rows = [_row(d, "300.00") for d in (26, 25, 26, 24, 26)]
    cross_check(rows, ["days_worked"], None, None)
    assert not any("days_worked" in r.review for r in rows)


def test_more_days_than_the_month_on_rows_the_others_of_which_are_in_doubt_already():
    """M dev 5011 p2: `23` read `25` on three rows of six (December 1981, 23 working days), two of them
    read unsure: only one row over the month read for sure, no sheet counting Saturdays; the third
    goes to a person too. Three sure rows over the month: a sheet counting Saturdays, left alone."""
    from ocr.checks import LOW_CONFIDENCE

    days = [2, 13, 25, 25, 25, 9]
    rows = [_row(d, "100.00") for d in days]
    for r in rows[3:5]:
        r.review.add("days_worked", LOW_CONFIDENCE)
    cross_check(rows, ["days_worked"], 1981, 12)
    assert [("days_worked" in r.review) for r in rows] == [False, False, True, True, True, False]
    rows = [_row(d, "100.00") for d in days]
    cross_check(rows, ["days_worked"], 1981, 12)
    assert not any("days_worked" in r.review for r in rows)


def test_additional_pay_above_base_on_most_rows_sends_both_columns_to_review():
    rows = [_row(22, "90.00", "900.00"), _row(22, "76.00", "760.00"), _row(22, "82.00", "820.00")]
    cross_check(rows, ["days_worked", "base_pay", "extra_pay", "gross_pay"], 1994, 6)
    assert all(r.review.reasons.get(f) == PAGE_PLAUSIBILITY for r in rows for f in ("base_pay", "extra_pay"))
    normal = [_row(22, "900.00", "90.00"), _row(22, "760.00", "76.00"), _row(22, "820.00", "82.00")]
    cross_check(normal, ["days_worked", "base_pay", "extra_pay", "gross_pay"], 1994, 6)
    assert not any(r.review for r in normal)


def test_base_and_gross_that_differ_without_additional_pay_are_both_in_doubt():
    present = ["base_pay", "gross_pay", "deductions", "net_pay"]
    rows = [RowDraft(values={"base_pay": "1322.86", "gross_pay": "11322.86", "deductions": "165.36",
                             "net_pay": "11157.50"}),
            RowDraft(values={"base_pay": "592.07", "gross_pay": "592.07", "deductions": "78.15",
                             "net_pay": "513.92"})]  # fmt: skip
    rows[0].review.add("base_pay", ROW_SUM)
    check_totals(rows, {"gross_pay": "1914.93", "deductions": "243.51", "net_pay": "1671.42"}, present)
    assert {"base_pay", "gross_pay", "net_pay"} <= rows[0].review
    assert not rows[1].review & {"base_pay", "gross_pay"}


def test_a_name_that_lost_its_given_name_is_not_sure():
    assert check_name("Цветанов Славов")[1] is False
    assert check_name("Иван Петров")[1] is True


def test_a_name_short_of_a_word_among_three_word_names_is_flagged_a_two_word_sheet_is_not():
    three = ["Донка Атанасова Цветкова", "Иван Петров Иванов", "Петров Иванов", "Мария Иванова Колева"]
    rows = [RowDraft(values={"name": n}) for n in three]
    cross_check(rows, ["name"], 1990, 3)
    assert ["name" in r.review for r in rows] == [False, False, True, False]
    two = ["Донка Цветкова", "Иван Иванов", "Мария Колева"]
    rows = [RowDraft(values={"name": n}) for n in two]
    cross_check(rows, ["name"], 1990, 3)
    assert not any("name" in r.review for r in rows)
    alone = [RowDraft(values={"name": "Иван Иванов"})]
    cross_check(alone, ["name"], 1990, 3)
    assert "name" in alone[0].review  # one row tells no custom: three names expected


def test_a_name_read_out_of_the_sheets_order_is_flagged():
    names = ["Донка Атанасова Цветкова", "Иван Петров Иванов", "Атанасова Донка Цветкова", "Мария Иванова Колева"]
    rows = [RowDraft(values={"name": n}) for n in names]
    cross_check(rows, ["name"], 1990, 3)
    assert [("name" in r.review) for r in rows] == [False, False, True, False]


def test_a_row_of_zeros_read_as_small_figures_is_in_doubt():
    """'10.00 / 2.00 / 8.00' on a 1994 sheet (its sums hold) is less than a day's minimum pay: in doubt;
    a row of zeros and a full month's pay are not."""
    present = ["gross_pay", "deductions", "net_pay"]
    rows = [RowDraft(values={"gross_pay": g, "deductions": d, "net_pay": n})
            for g, d, n in (("10.00", "2.00", "8.00"), ("0.00", "0.00", "0.00"), ("2730.00", "300.00", "2430.00"))]  # fmt: skip
    cross_check(rows, present, 1994, 6)
    assert rows[0].review >= set(present)
    assert not rows[1].review and not rows[2].review


def test_the_few_days_read_from_a_column_mostly_unread_are_in_doubt_too():
    """L dev 4055 p3: twelve of fourteen days unread, the other two read `5` for 3 and `9` for 13 with
    confidence: out without a flag. A days column most of whose figures are in doubt doubts them all."""
    from ocr.checks import UNREADABLE

    rows = [_row(22, "2400.00") for _ in range(6)]
    for r in rows[:4]:
        r.values["days_worked"] = None
        r.review.add("days_worked", UNREADABLE)
    rows[4].values["days_worked"], rows[5].values["days_worked"] = 5, 9
    cross_check(rows, ["days_worked"], 1992, 10)
    assert all("days_worked" in r.review for r in rows)
    rows = [_row(22, "2400.00") for _ in range(6)]
    rows[0].values["days_worked"] = None
    rows[0].review.add("days_worked", UNREADABLE)
    cross_check(rows, ["days_worked"], 1992, 10)
    assert [("days_worked" in r.review) for r in rows] == [True, False, False, False, False, False]


def test_a_column_read_over_its_total_is_in_doubt_though_a_line_of_it_is_unread():
    """AK dev 29004 p3: produce lines under people, nothing read on them, the columns went unchecked and two
    figures misread `1` as `4` (their rows' sums holding) went out without a flag."""
    present = ["gross_pay", "deductions", "net_pay"]

    def rows() -> list[RowDraft]:
        return [RowDraft(values={"gross_pay": "194.24", "deductions": "10.10", "net_pay": "184.14"}),
                RowDraft(values={"gross_pay": "252.17", "deductions": "16.14", "net_pay": "236.03"}),
                RowDraft(values={"gross_pay": None, "deductions": None, "net_pay": None})]  # fmt: skip

    over = rows()
    check_totals(over, {"gross_pay": "446.35", "deductions": "26.24", "net_pay": "420.11"}, present)
    assert all(f in r.review for r in over[:2] for f in ("gross_pay", "net_pay"))
    # the figures read below the totals: the unread line may hold the rest, nothing read is proved wrong
    under = rows()
    check_totals(under, {"gross_pay": "546.41", "deductions": "36.24", "net_pay": "510.17"}, present)
    assert not any(f in r.review for r in under[:2] for f in present)
