"""Reading sheets laid out like family E (issue 9): other column orders and headings, other number
formats, dot-matrix faces. Unit tests of the reader's pieces; whole sheets are in test_regression.py."""

from __future__ import annotations

from ocr.columns import identify

ROWS = [
    ["1", "5005018228", "Юлиян Борисов Христов", "4231,32", "15671,56", "19902,88", "4279,12", "15623,76"],
    ["2", "6707227369", "Митко Йорданов Ценов", "1531,71", "6126,85", "7658,56", "1309,61", "6348,95"],
    ["3", "5903266573", "Теменужка Борисова Петрова", "4859,71", "12460,80", "17320,51", "2424,87", "14895,64"],
]


def test_additional_pay_typed_before_base_pay_is_told_apart_by_its_heading():
    heads = ["Ред №", "ЕГН", "Собствено, бащино и фамилно име", "Допълн. възнагр.", "Заплата", "Начислено",
             "Удръжки", "Получава"]  # fmt: skip
    kinds = identify(ROWS, heads)
    assert kinds[3:] == ["extra_pay", "base_pay", "gross_pay", "deductions", "net_pay"]


def test_base_pay_first_stays_base_pay():
    rows = [[*r[:3], r[4], r[3], *r[5:]] for r in ROWS]
    heads = ["№", "ЕГН", "Име", "Основно възнагр.", "Премии", "Брутна сума", "Всичко удържано", "За получаване"]
    assert identify(rows, heads)[3:] == ["base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"]


def test_unread_headings_leave_the_larger_pay_as_base_pay():
    heads = ["", "", "", "", "", "", "", ""]
    assert identify(ROWS, heads)[3:5] == ["extra_pay", "base_pay"]


def test_one_total_misread_tenfold_while_two_add_up_leaves_the_page_alone():
    from ocr import checks, plausibility

    rows = [checks.RowDraft(values={"gross_pay": g, "deductions": d, "net_pay": n})
            for g, d, n in (("5651.63", "1164.24", "4487.39"), ("6512.92", "807.60", "5705.32"),
                            ("9385.12", "1116.83", "8268.29"))]  # fmt: skip
    present = ["gross_pay", "deductions", "net_pay"]
    totals = {"gross_pay": "21549.67", "deductions": "308.86", "net_pay": "18461.00"}  # a handwritten 3'088,67
    assert plausibility.check(rows, totals, present, 1994, 9) is None
    # with no other total to vouch for the rows, a column off tenfold still sends the page to a person
    assert plausibility.check(rows, {"deductions": "309.00"}, present, 1994, 9) is not None
