"""Wide bold digits read as two (issue 9, review load, E dev 501): the grouping of a figure says a digit
was split, the digit-dropped figures are offered beside the first reading, and only the sums choose."""

from __future__ import annotations

from ocr import checks, split_digits

FIVE = ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")


def test_a_figure_with_three_stotinki_or_a_four_digit_thousands_group_was_split():
    assert split_digits.split_in_two("36,318,812")
    assert split_digits.split_in_two("5,0023,51")
    assert not split_digits.split_in_two("36.318,81")
    assert not split_digits.split_in_two("1234,56")  # no thousands separator: grouped right
    assert not split_digits.split_in_two("3.40842")  # the decimal comma lost, not a digit split


def test_the_split_figure_is_offered_with_each_digit_of_its_group_dropped():
    assert split_digits.digit_dropped("36,318,812") == ["36318.12", "36318.82", "36318.81"]
    assert split_digits.digit_dropped("36.318,81") == []


def test_the_row_sums_take_the_one_dropped_digit_that_makes_the_row_add_up():
    r = checks.RowDraft(
        values=dict(zip(FIVE, ("363188.12", "0.00", "36318.81", "4830.40", "31488.41"), strict=True))
    )
    r.alts["base_pay"] = split_digits.digit_dropped("36,318,812")
    checks.check_money(r, list(FIVE))
    assert r.values["base_pay"] == "36318.81"
    assert not r.review


def test_two_split_figures_that_could_add_up_either_way_stay_in_doubt():
    # base and gross both split alike, nothing else binds them: every dropped digit fits, none is taken
    r = checks.RowDraft(values=dict(zip(FIVE, ("363188.12", "0.00", "363188.12", None, None), strict=True)))
    r.alts["base_pay"] = split_digits.digit_dropped("36,318,812")
    r.alts["gross_pay"] = split_digits.digit_dropped("36,318,812")
    checks.check_money(r, ["base_pay", "extra_pay", "gross_pay"])
    assert {"base_pay", "gross_pay"} <= r.review


def test_a_decimal_comma_read_as_a_digit_after_the_thousands_is_offered_dropped():
    assert split_digits.digit_dropped("29,362452,") == ["29362.52"]
    assert not split_digits.split_in_two("29,362452,")  # no evidence of a split face by itself
