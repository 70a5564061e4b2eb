"""A column the stray-column drop (``columns._without_stray``: specks beyond the net, a book's facing page) must
keep: R dev 10079 p1 (`samples --family R --seed 10079 --pages 2`, page-0001, 300 dpi), a 1991 brigade payroll in
whole leva, its net pay's heading unread (`„ОДА,`) and the column's first digits lost on four rows (`605` for
41605): dropped as a stray, the sums it broke went with it, the row sums held on 5 of 6 rows and the page,
in review whole on session 16's main, went out with no net pay (session 17's R regression: pages in review
whole now out). A column whose figure closes a row sum with the others (row 1: 27074 - 3438 - 704 - 1000 =
21932) is the sheet's own; the deductions' column between the parts and the net is at no end of the money."""

from __future__ import annotations

from ocr import normalise
from ocr.columns import PART, identify

# R dev 10079 p1 as read on its whole-leva reading (``ocr.whole_leva``), the `Всичко` row's figures with it
BODY = [
    ["1", "3505161969", "Христо Маринов Кънчев", "", "23", "24613", "2461", "27074", "3438", "704", "1000", "", "21932"],
    ["2", "2705067449", "Цветан Йорданов Маринов,", "", "23", "36496", "13869", "50365", "7202", "1058", "500", "| 8760", "605"],
    ["3", "4610031630", "Росица Иванова Павлова", "", "13", "18778", "0", "18778", "1728", "1033", "1000", "8-3768,", "5017"],
    ["4", "5602201495", "Фаня Ангелова Томова", "", "23", "26964", "2696", "29660", "3648", "1394", "0", "5042,", "2418"],
    ["5", "3501133779", "Цонка Йорданова Николова", "1", "23", "73828", "0", "3821", "3025", "1286", "200", "11", "4310"],
    ["6", "6910078139", "Теменужка Йорданова Павлова", "", "23", "22485", "8769", "31254", "3813", "1813", "1000", "326.", "-2.4628"],
]  # fmt: skip
HEADINGS = [
    "мо цу работника",
    "ЕГН беди номер)",
    "ОСИ",
    "КОД",
    "",
    "ВО",
    "НИ",
    "Всичко майвиеео за месеца",
    "мм о > от заработката",
    "Вноска МДОО а от работника",
    "Взет Зисо на обекта",
    "Всичко “за удръжка",
    "„ОДА,",
]
TOTALS = ["", "", "всичко:", "", "", "153157", "27795", "180952", "22854.", "7288", "3700", ":", "147110"]


def test_net_pay_column_misread_on_some_rows_is_no_stray():
    with normalise.money_reading(True):
        kinds = identify(BODY, HEADINGS, TOTALS)
    assert kinds[5:] == ["base_pay", "extra_pay", "gross_pay", PART, PART, PART, "deductions", "net_pay"]
