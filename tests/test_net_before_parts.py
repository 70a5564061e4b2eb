"""The net pay typed before the itemised deductions, their total after them (family L: `... Общо | Сума за
получ. | ДОД | Пенсии | Запор | Всичко`), under headings read only as `лв.`: L dev 4008 p2 was read with the
base pay as the gross and every other money column as a part, six rows' gross wrong without a flag."""

from __future__ import annotations

from ocr.columns import PART, identify

# L dev 4008 p2 as read (the court order's column filled on one row, its figure misread: no row's parts
# add up with it; a blank part is nothing deducted)
BODY = [
    ["6", "6003238610", "Гергана Х Драганова", "8596.34", "0.00", "8596.34", "7341.28", "928.40", "326.66", "", "1255.06"],
    ["7", "5006132467", "Камен И Кънчев", "4399.60", "047.93", "5147.53", "4277.60", "684.62", "185.31", "", "869.93"],
    ["8", "3210247388", "Димитър С Димитров", "6029.17", "2110.21", "8139.38", "6747.54", "1196.49", "195.35", "", "1391.84"],
    ["9", "3709174581", "Христо К Жечев.", "6095.42", "0.00", "6095.42", "4998.25", "847.26", "249.91", "", "1097.17"],
    ["10", "4405255937", "Елена Х Ценова", "4454.08", "534.49", "4988.57", "3302.44", "543.75", "229.47", "9.12", "1686.13"],
    ["11", "6511201768", "Добромир Н Шишков", "9283.58", "3063.58", "12347.16", "", "827.26", "642.05", "", "1469.31"],
]  # fmt: skip
HEADINGS = ["", "", "", "лв.", "лв.", "лв.", "лв.", "лв.", "лв.", "лв.", "лв."]


def test_net_before_itemised_deductions_read_from_its_column():
    kinds = identify(BODY, HEADINGS)
    assert kinds[3:] == ["base_pay", "extra_pay", "gross_pay", "net_pay", PART, PART, PART, "deductions"]


def test_net_after_the_deductions_still_read_so():
    body = [[*r[:6], *r[7:], r[6]] for r in BODY]  # the same sheet with the net pay last
    kinds = identify(body, HEADINGS)
    assert kinds[3:] == ["base_pay", "extra_pay", "gross_pay", PART, PART, PART, "deductions", "net_pay"]
