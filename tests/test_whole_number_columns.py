"""Columns that are no payroll-page/1 field (issue 9, family J): a personnel number (``Таб. №``) or the
hours worked, whole numbers among amounts typed with a decimal separator, are no money column; a sheet
typed in stotinki (no separator anywhere) keeps its columns."""

from __future__ import annotations

from ocr import columns

ROWS = [  # tab no, egn, days, hours, gross, deductions, net
    ("1297", "6202185690", "12", "92", "153.40", "20.86", "132.54"),
    ("1393", "3402202171", "21", "168", "141.85", "13.19", "128.66"),
    ("1283", "4709282232", "21", "164", "153.50", "29.01", "124.49"),
    ("1461", "5501246871", "21", "168", "1,322.69", "70.35", "1,252.34"),
    ("1319", "6605098485", "21", "168", "193.86", "24.43", "169.43"),
]


def _body(rows: list[tuple[str, ...]]) -> list[list[str]]:
    return [[str(i + 1), "Иван Петров Иванов", *r] for i, r in enumerate(rows)]


HEADS = ["", "", "", "", "", "", "", "", ""]


def test_a_personnel_number_and_the_hours_are_no_money() -> None:
    kinds = columns.identify(_body(ROWS), HEADS)
    assert kinds == ["row", "name", None, "egn", "days_worked", None, "gross_pay", "deductions", "net_pay"]


def test_whole_numbers_stay_money_where_they_are_needed_for_the_sums() -> None:
    # base + extra = gross with the base typed without its separator: the sums hold only with it
    rows = [(str(i + 1), "Иван Петров Иванов", "6202185690", "21", f"{b}00", "20.00", f"{b + 20}.00")
            for i, b in enumerate((150, 141, 153, 322))]  # fmt: skip
    kinds = columns.identify([list(r) for r in rows], HEADS[:7])
    assert kinds[-3:] == ["base_pay", "extra_pay", "gross_pay"]


def test_a_sheet_in_stotinki_keeps_every_column() -> None:
    rows = [(t, e, d, h, g.replace(".", "").replace(",", ""), x.replace(".", ""), n.replace(".", "").replace(",", ""))
            for t, e, d, h, g, x, n in ROWS]  # fmt: skip
    cols = [[r[c] for r in _body(rows)] for c in range(9)]
    assert columns.whole_number_columns(cols, [2, 5, 6, 7, 8]) == []


def test_no_column_is_left_out_where_the_sums_hold_nowhere() -> None:
    # J dev 1004 p1: the net pay split at its decimal point (`1487.` | `87`): without the whole-number
    # columns the deductions were taken for the net pay, and no sum held either way
    rows = [("1445", "5202169911", "128", "1792.61", "304.74", "1487.", "87"),
            ("1438", "2612132924", "104", "2469.86", "442.10", "2027", "76"),
            ("1322", "5612138450", "64", "1114.78", "185.05", "929.", "73")]  # fmt: skip
    body = _body(rows)
    assert columns.join_split_amounts(body) == [8]
    assert [r[7] for r in body] == ["1487.87", "202776", "929.73"] and [r[8] for r in body] == ["", "", ""]
    kinds = columns.identify(body, HEADS)
    assert kinds[2:] == [None, "egn", None, "gross_pay", "deductions", "net_pay", None]


def test_a_clerks_ticks_read_as_figures_are_no_days_column() -> None:
    # J dev 1005 p6: ticks beside three rows read `4`, `7`, `7`, left of the row numbers
    ticks = ["", "4", "", "", "7", "", "7", ""]
    body = [[t, str(i + 1), "6202185690", "Иван Петров Иванов", d, "153.40", "20.86", "132.54"]
            for i, (t, d) in enumerate(zip(ticks, ("16", "23", "23", "23", "19", "23", "9", "21"), strict=True))]  # fmt: skip
    kinds = columns.identify(body, [""] * 8)
    assert kinds[0] is None and kinds[4] == "days_worked" and kinds[1] == "row"


def test_an_amount_cut_before_its_separator_is_one_amount() -> None:
    # L dev 4001 p4: the `ДОД` column cut at its decimal point, the point read now on the leva's side
    # (`36 ,` | `76`), now on the stotinki's (`14` | `, 98`): left apart, the deductions' columns were taken
    # one to the left and every row's net pay went out as its deductions, unflagged (12 of 14 rows)
    body = [["1", "Никола Илиев Георгиев", "296.48", "36 ,", "76", "13.64", "53.36", "243.12"],
            ["2", "Йордан Маринов Стоянов", "182.69", "14", ", 98", "5.12", "21.93", "160.76"],
            ["3", "Радка Георгиева Яркова", "156.07", "14", ".83", "7.18", "23.57", "132.50"]]  # fmt: skip
    assert columns.join_split_amounts(body) == [4]
    assert [r[3] for r in body] == ["36 ,76", "14,98", "14.83"] and [r[4] for r in body] == ["", "", ""]


def test_a_row_of_noughts_places_no_column() -> None:
    # R dev 10016 p14 as read: the net pay's raised stotinki read without their point (`22528`, `3182`) and
    # under the stamp in the `Всичко` row; an absent worker's row of `0.00`. Without the net the noughts' sum
    # held as well as the one row's that did with it: the base pay was taken for the net, the gross filled in
    # from it, ten figures wrong without a flag
    heads = ["Пор. н-р", "Членове на бригадата", "граждански номер)", "Явки (дни)", "Квалиф. разряд",
             "изпълнение ф", "Заработка по наряди", "Общо заработка а", "Удържа се “| всичко",
             "За плащане подпис на ръка получа ване"]  # fmt: skip
    body = [["1", "Цветан Илиев Петров", "5802040309", "21", "и", "98", "277.75", "277.75", "52.49", "22528"],
            ["2", "Десислава Илиева Борисова -", "6312206556", "4", "п", "96", "42.60", "42.60", "10.78", "3182"],
            ["3", '1 "Надежда Тодорова Николова', "5006099651", "21", "Н", "103", "289.20", "289.2", "37.02", "2528"],
            ["4", "Йордан Димитров Йорданов", "2607254846", "21", "м!", "91", "169.62", "169.62", "19.85", "497"],
            ["5", "Митко Илиев Чолаков", "6307119288", "0", "м", "", "0.00", "0.00", "0.00", "00"],
            ["6", "Марин Николов Костов ма", "4906018780", "21, ,", "Мо", "111", "147.14", "147.14", "23.94", "12"]]  # fmt: skip
    totals = ["", "Всичко:", "", "", "", "", "926.31", "926.31", "144.08", ""]
    kinds = columns.identify(body, heads, totals)
    assert kinds[6:] == ["base_pay", "gross_pay", "deductions", "net_pay"]
