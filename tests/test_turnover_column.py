"""Family S's column that is no payroll-page/1 field (issue 9): the month's turnover of a person's counter, or
the value of the work done (`Оборот (лв.)`, `Реализиран оборот`, `Изработено (лв.)`, `Стойност на
услугите`), money in the sheet's format, totalled, twenty to seventy times the pay. Taken for pay it was
read as the net pay or the gross and pushed the other columns along (S dev 11001-11010: every page's
columns unproved, the turnover as every row's net pay). The additional pay as a share of it (`% от оборота`,
`Процент от реализацията`, `Премия от оборота`) is the additional pay."""

from __future__ import annotations

import pytest

from ocr import columns, outside_columns


@pytest.mark.parametrize(
    ("heading", "votes"),
    [
        ("Оборот\n(лв.)", {"turnover": 1}),
        ("Реализиран\nоборот", {"turnover": 2}),
        ("Оборот\nза месеца", {"turnover": 1}),
        ("Изработено\n(лв.)", {"turnover": 1}),
        ("Стойност\nна\nуслугите", {"turnover": 2}),
        ("Приход\nот услуги", {"turnover": 2}),
        ("% от\nоборота", {"extra_pay": 1}),  # a share of the turnover: the additional pay
        ("Процент\nот\nреализацията", {"extra_pay": 1}),
        ("Премия\nот\nоборота", {"extra_pay": 2}),
        # the days or hours worked are no turnover, nor the pay earned
        ("Изработено\nвреме\n(дни)", {"days_worked": 1}),
        ("Изработени\nдни", {"days_worked": 2}),  # (`изработени` a misread `отработени`)
        ("Изработ.\nдни", {"days_worked": 1}),
        ("Изработени\nчасове", {"hours": 1}),
        ("Заработено\nпо\nставка", {"base_pay": 1}),
        ("Дни\nпо\nтабела", {"days_worked": 2}),  # the timesheet's days: no personnel number
        ("Па табела", {"days_worked": 1}),
        ("Таб. №", {"tab_no": 1}),
        ("Всичко\nзаработена\nзаплата", {"gross_pay": 2}),
    ],
)
def test_s_headings_name_their_columns(heading: str, votes: dict[str, int]) -> None:
    assert columns.heading_votes(heading) == votes


def test_a_share_of_the_turnover_is_pay_not_a_class() -> None:
    assert not outside_columns.named_not_pay("Процент\nот\nреализацията")
    assert outside_columns.named_not_pay("Процент\nза клас")  # (family K's class stays no pay)


# S dev 11001 p4 as typed: №, position, name, ЕГН, days, turnover, base, extra, gross, tax, insurance,
# deductions, net
ROWS = [
    ("1", "бръснар", "Румен Николов Пенчев", "4211144621", "21", "9698,00", "221,97", "79,91", "301,88", "39,24",
     "7,85", "47,09", "254,79"),
    ("2", "шивач", "Никола Георгиев Йорданов", "2503111488", "21", "15746,00", "382,93", "0,00", "382,93", "27,86",
     "10,30", "38,16", "344,77"),
    ("3", "шивачка", "Тодор Йорданов Томов", "4611015486", "21", "7607,00", "287,97", "8,64", "296,61", "40,93",
     "13,35", "54,28", "242,33"),
    ("4", "тапицер", "Ана Петрова Илиева", "5206124473", "20", "11230,00", "250,00", "41,20", "291,20", "30,11",
     "8,74", "38,85", "252,35"),
]  # fmt: skip
HEADINGS = ["№", "Работно\nмясто", "Лице\n(трите имена)", "Граждански\nномер\n(ЕГН)", "Дни\nв обекта",
            "Изработено\n(лв.)", "Заплата\nпо КТД", "Процент\nот\nреализацията", "Всичко\nзаработена\nзаплата",
            "ДОД\nот\nзаплатата", "ДОО\nот лицето", "Удържано\nвсичко", "Сума\nза\nраздаване"]  # fmt: skip
KINDS = ["row", "position", "name", "egn", "days_worked", None, "base_pay", "extra_pay", "gross_pay",
         "deduction_part", "deduction_part", "deductions", "net_pay"]  # fmt: skip


def test_the_turnover_headed_so_is_no_pay() -> None:
    body = [list(r) for r in ROWS]
    assert columns.identify(body, HEADINGS) == KINDS


def test_the_turnover_unheaded_far_above_the_pay_is_no_pay() -> None:
    """Its heading unread (a curved page's heading, `Идревотено`): the figures twenty times the pay, the
    row sums holding without them."""
    body = [list(r) for r in ROWS]
    headings = [*HEADINGS[:5], "Идр", *HEADINGS[6:]]
    assert columns.identify(body, headings) == KINDS


def test_a_large_pay_column_the_sums_need_stays() -> None:
    """A gross pay beside small deductions only (no other pay column): ten times the deductions, and the
    one sum of the page needs it."""
    body = [["1", "Иван Петров Иванов", "6202185690", "22", "1250,00", "105,00", "1145,00"],
            ["2", "Мария Иванова Петрова", "6502184471", "22", "980,00", "90,00", "890,00"],
            ["3", "Петър Стоянов Колев", "5803126650", "21", "1410,00", "120,00", "1290,00"]]  # fmt: skip
    kinds = columns.identify(body, ["№", "Име", "ЕГН", "Дни", "", "", ""])
    assert kinds[4:] == ["gross_pay", "deductions", "net_pay"]


def test_a_column_of_specks_no_heading_names_is_no_pay() -> None:
    """S dev 11036 p11: specks under the signatures read as figures (`4`, `811282`) in a column of their own,
    no heading naming pay: six money columns left no order to fit, the gross was taken for the deductions,
    the deductions and net for itemised deductions. Without it every row's sums hold."""
    body = [[r[0], r[2], r[3], r[4], r[7], r[6], r[8], r[11], r[12], s]
            for r, s in zip(ROWS, ("4", "", "811282", "27,3"), strict=True)]  # fmt: skip
    headings = ["№", "Лице", "ЕГН", "Дни по табела", "% от оборота", "Заплата по КТД", "Начислено всичко",
                "Удържано всичко", "Сума за раздаване", ""]  # fmt: skip
    kinds = columns.identify(body, headings)
    assert kinds[4:] == ["extra_pay", "base_pay", "gross_pay", "deductions", "net_pay", None]
