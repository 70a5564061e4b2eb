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
