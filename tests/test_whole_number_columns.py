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



# AE dev 23001 p2 as read: the hours, the night hours and the overtime hours typed to the tenth (`39.5`, `8.0`)
# between the days and the base pay
AE_HEADS = ["------ Пореден ь -", "--- ят Собствено, бащино”. и фамилно име на лицето раз", "Явя- вания (дни) иа.", "Отрабо- тени 0 часове", "+ Нощни ч а", "Извънр ч", "и Заработка | по тариф |", "Всичко добавки и", "Всичко начислено", "Дод ----", "Всичко удръжки", "Па За получаване > лв. --", "Единен граждански М --"]
AE_TOTALS = ["", "Чет ар ВСИЧКО: ---#", "", "1574.5", "312.0", "70.0 г", "1926.43.", ".204.61 1", "2131.04", "168.40", "168.40", "1962.64", ""]
AE_BODY = [
    ["1", "и Евгения Тодорова Атанасова.“", ".\n8477", "136.0", "39.5", "", "140.49", "8.16", "148.65", "1190", "11.00", "137.65", "2506146191"],
    ["2", "Теменужка Иванова Попова", "15", "178.0", "42.0", "8.0", "185.83", "21.30", "207.13", "15.95", "15.95", "191.18", "5708168958"],
    ["3", "Фаня Димитрова Жечева", "23", "184.04", "395", "12.0", "312.98", "44.06", "357.04", "26.06", "26.06", "330.98", "2609135698"],
    ["4", "Гергана Петрова Николова", "23", "184.0", "28.5", "", "315.01", "9.76", "324.77", "31.83", "31.83", "292.94", "4203095895"],
    ["5", "Надежда Борисова Гъркова", "23", "184.0", "63.9", "", "261.28", "17.89", "279.17", "15.35", "15.35", "263.82", "3110061399"],
    ["6", "Евгения Ангелова Гъркова", "1", "11.6", "20", "16.0", "11.01", "24.42", "35.43", "2.05", "2.05", "33.38", "5505216371"],
    ["7", "Христофор Ангелов Василев", "13", "154.0", "", "2.0", "140.14", "2.73", "142.87", "13.43", "13.43", "129.44", "4609072485"],
    ["8", "Филип Василов Гърков", "15", "180.0", "27.90", "", "143.64", "4.31", "147.95", "14.06", "14.06", "133.89", "4701204043"],
    ["9", "Росица Стефанова Борисова", "23", "183.5", "45.5", "8.0", "202.03", "23.23", "225.26", "18.79", "18.70", "206.56", "2804074051"],
    ["10", "Цонка Стефанова Генчева е,", "15", "180.0", "250", "24.0", "214.02", "48.75", "262.77", "19.97", "19.97 |", "242.80", "5301162114"],
]


def test_hours_typed_to_the_tenth_are_no_money() -> None:
    # read as money `39.5` was 3.95: the night hours taken for the base pay, the overtime hours and the base pay
    # for pay items, the additional pay for the gross; no believable wage, the page in review whole
    kinds = columns.identify([list(r) for r in AE_BODY], AE_HEADS, AE_TOTALS)
    assert kinds[2:] == ["days_worked", None, None, None, "base_pay", "extra_pay", "gross_pay", "deduction_part",
                         "deductions", "net_pay", "egn"]  # fmt: skip
    assert columns.time_columns([[r[c] for r in AE_BODY] for c in range(13)], [3, 4, 5, 6, 7, 8]) == [3, 4, 5]


# AE dev 23002 p1 as read: hours and minutes (`179:00`) read with a point or none (`179.00`, `18000`) under
# `часове` headings
AE_HM_HEADS = ["» по списък", "ЕГН", "Име, презиме, фамилия", "Специалност", "Явя- вания (дни)", "ОТРАБОТЕНО тт отрабо- тени часове", "Нощен труд часове", "По часова ставка “", "Доплащания --- Добавка нощен труд", "За трудов стаж", "Всичко начислено", "по ДОД", "Внос КНСБ", "УДРЪЖКИ Полу- чен аванс", "Общо удръжки лв.", "за получаване лв."]
AE_HM_TOTALS = ["", "", "Всичко по ведомостта", "", "", "2163.08", "416.00", "30281.76", "", "1512.38", "33276.47", "2683.21", "332.75", "440000", "7415.96", "25860.51"]
AE_HM_BODY = [
    ["1", "2801180358", "Донка Цветанова Чолакова", "локомотивен МОНТьор", "15", "179.00", "39.00", "2224.08", "121.14", "222.41", "2567.63", "238.79", "2568", "", "264.47", "2303.16"],
    ["2", "4207198696", "Донка Илиева Щерева", "маневрист", "15", "18000", "4600", "172098", "109.95", "34.42", "1865.35", "195.86", "18.65", "", "214.51", "1650.84"],
    ["3", "4706054991", "Христо Георгиев Пенчев", "стрелочник", "19", "150200", "30.00", "2214.75", "110.74", "", "2325.49", "139.53", "23.25", "", "162.78", "2162.71"],
    ["4", "6807081323", "Огнян Димитров Попов", "пом -машинист", "15", "179.00", "4700", "317618", "208.49", "63.52", "3448.19", "286.20", "34.48", "", "320.68", "3127.51"],
    ["5\n.", "5403147766", "Румен- Христов Николов", "пом. - машинист", "15", "179230", "39.30", "3147.35", "173.15", "125.89", "3446.39", "265.37", "34.46", "90000", "119983", "2246.56"],
    ["6", "4111047669", "Кирил Димитров Колев", "\"вагонен майстор", "23", "184.00", ".4", "1888.76", "", "18888", "207764", "145.43", "20.78", "60000", "766.21", "131143"],
    ["7", "5910043444", "Цанко Петров Гърков", "маневрист", "15", "179.00", "", "2602.12", "", "156.13", "2758.25", "217.90", "27.58", "800.00", "1045.48", "1712.77"],
    ["8", "5702089603", "Стоян Борисов Шишков", "пом. -машинист 4.", "15", "18000", "51.00", "2802.24", "198.49", "112.09", "3112.82", "255.25", "31.13", "800.00", "1086.38", "2026.44"],
    ["9", "2707019199", "Юлия Ангелова Янкова", "машинист", "» 15 3", "17930", "", "291903", "", "116.76", "3035.79", "209.47", "30.36", "", "23983", "2795.96"],
    ["10", "2907151303", "Борис Маринов Маринов", "кондуктор", "1 15", "18000", "62.00", "2627.82", "226.28", "262.78", "3116.88", "292.99", "31.17", "", "324.16", "2792.72"],
    ["11", "4809164594", "Снежана Кирилова Ценова", "шлосер", "15", "178.00", "56.00", "2628.88", "206.77", "157.73", "2993.38", "22151", "29.93", "700.00", "951.44", "2041.94"],
    ["12", "4704083074", "Снежана Тодорова Томова", "кондуктор", "15", "180.00", "45.30", "2014.74", "127.32", "40.29", "2182.35", "192.05", "21.82", "500.00", "71387", "1468.48"],
    ["13", "5709024543", "Лазар Георгиев Атанасов", "шлосер -- мате", "з", "3500", "", "314.83", "", "31.48", "346.31", "22.86", "3.46", "100.00", "126.32", "219.99"],
]


def test_hours_and_minutes_under_an_hours_heading_are_no_money() -> None:
    kinds = columns.identify([list(r) for r in AE_HM_BODY], AE_HM_HEADS, AE_HM_TOTALS)
    assert kinds[5:8] == [None, None, "base_pay"] and kinds[10] == "gross_pay"
    assert kinds[-2:] == ["deductions", "net_pay"]


def test_amounts_ending_in_round_stotinki_stay_amounts_under_a_pays_heading() -> None:
    cols = [[r[c] for r in AE_HM_BODY] for c in range(16)]
    assert columns.time_columns(cols, [5, 6, 7, 8, 9, 10]) == []  # no heading: `179.00` may be an amount
    heads = [h if c != 6 else "Основна заплата" for c, h in enumerate(AE_HM_HEADS)]
    assert columns.time_columns(cols, [5, 6, 7, 8, 9, 10], heads) == [5]


# AE dev 23005 p2 as read: the hour's rate to the thousandth (`1,683`) beside the pay for the hours, the overtime
# hours under `Извънредни часове` (the overtime's word the additional pay's too)
AE_RATE_HEADS = ["м на реда", "Единен граждански", "А Трите имена „ на служителя -", "Отрав часове", "Ставка на час", "По часова ставка", "В т.ч НОЩНи часове", "Нощен труд лв", "Извън- редни часове", "Извънр “труд лв", "Брутно вЪЗнаГр", "Удържан данък ДОД", "Удържано Профсъюзен: ВНОС", "| 1 Сума удържано", "Остатъко Бо за изплащане", "Подпис за получено"]
AE_RATE_TOTALS = ["", "", "|всичко: |", "100500", "| |", "| 1420,55", "245.00 !", "| 65,50", "| 6400", "| 107,23", "| | 1593,28 !", "130,89", "| | 15,94", "| 146,83", "| | 1446,45", "|"]
AE_RATE_BODY = [
    ["1", "4506288590", "/ Ивавва храстова утанова", "18000", "1,683", "302,94", "50.30", "17,00", "", "", "319,94", "24,00", "3,20", "27,20", "292,74", ""],
    ["2", "4802249597", "Величка Денатроса Цветкова", "10800", "1,276", "137,81", "36.00", "9,19", "16.00", "30,62", "177,62", "16,87", "1,78", "18,65", "158,97", ""],
    ["3", "4101198925", "Огнян Петров въчдеров", "17800 ,", "1,637", "291,39", "4930", "16,21", "", "", "307,60 |", "18,46", "3,08", "21,54", "286,06", ""],
    ["4", "5312286478", "Цветанка Борисова Юрукова /", "179.00", "1,706", "305,37", "", "", "", "", "305,37", "30,84", "3,05", "33,89", "271,48", ""],
    ["5", "4701080997", "/ Елена Стефанова Петрова", "18000", "1,013 |,", "182,34", "5900", "11,95", "2400", "36,47", "230,76", "17,54", "2,31", "19,85", "210,91", ""],
    ["6", "6412221071", "\"Светла Иванова Колева Х. пвъво зо а", "180.00", "1,115", "200,70", "50.00 1", "11,15", "2400", "40,14", "251,99 ,", "23,18", "2,52", "25,70", "226,29", ""],
]


def test_the_hours_rate_to_the_thousandth_is_no_money() -> None:
    # read as money `1,683` was 16.83: the rate taken for the base pay, the pay for the hours and the overtime
    # hours for pay items, the gross for the additional pay; no believable wage, the page in review whole
    kinds = columns.identify([list(r) for r in AE_RATE_BODY], AE_RATE_HEADS, AE_RATE_TOTALS)
    assert kinds[3:7] == [None, None, "base_pay", None] and kinds[8] is None
    assert kinds[10] == "gross_pay" and kinds[13:15] == ["deductions", "net_pay"]
