"""A cash payroll's breakdown of each net pay into banknotes and coins (`Купюрен строеж`: the counts of notes
`100 лв.`, `50 лв.`, `по 20`, `10-левки`, `по 5`, and `Дребни монети`, the coins in leva): no payroll-page/1
field. The coins look like pay (`3,96`), the counts like days; headings as read on AG dev 25001 p3 and 25003 p2."""

from __future__ import annotations

from ocr import columns, outside_columns

# base, extra, gross, tax + union fee, deductions, net | 50 лв., по 20, 10-левки, по 5 (one heading over two) | coins
ROWS: list[tuple[str, ...]] = [
    ("1079,74", "53,99", "1133,73", "97,50", "1036,23", "", "1", "1", "", "1,23"),
    ("1048,87", "157,33", "1206,20", "113,38", "1092,82", "1", "2", "", "", "2,82"),
    ("1225,20", "61,26", "1286,46", "115,78", "1170,68", "1", "1", "", "", "0,68"),
    ("610,66", "30,53", "641,19", "60,27", "580,92", "1", "1", "1", "1", "0,92"),
    ("582,75", "87,41", "670,16", "52,94", "617,22", "", "1", "", "1", "2,22"),
]
HEADS = ["Пор. №", "Получател (трите имена)", "Осн. запл. лв", "Допълн. суми", "Общо начисл.", "Всичко удържано",
         "Чиста сума за получ.", "50 ЛВ.", "по 20", "10- по „левки 5", "", "„Дребни монети", "Подпис получ."]
RIGHT = ["row", "name", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay", None, None, None, None, None]


def _body(rows: list[tuple[str, ...]]) -> list[list[str]]:
    return [[str(i + 1), "Христина Василова Борисова", *r, ""] for i, r in enumerate(rows)]


def test_the_coins_and_the_notes_counts_are_no_pay_nor_days() -> None:
    kinds = columns.identify(_body(ROWS), HEADS)
    assert kinds[:12] == RIGHT


def test_cash_headings_name_no_field() -> None:
    for h in ("20- левки", "Купюрен 10- левки", "по 5", "строеж по 2", "Мон. лв.", "Дребни монети", "100 лв.",
              ": 205 девки", "Купюри"):
        assert outside_columns.named_not_pay(h), h
    for h in ("Осн. запл. лв", "Чиста сума за получ. 100 лв.", "Сума в лева", "Сума лв.", "5", "лв.",
              "Член. внос синд.", "Подпис получ."):
        assert not outside_columns.named_not_pay(h), h


# AG dev 25001 p2, the heading line lost: base, extra, gross, tax, union fee, deductions, net | 100 лв., 50 лв.,
# по 20, 10-левки, по 5 | coins
UNHEADED = [
    ("1048,87", "157,33", "1206,20", "94,08", "12,06", "106,14", "1100,06", "11", "", "", "", "", "0,06"),
    ("1286,46", "64,32", "1350,78", "136,43", "13,51", "149,94", "1200,84", "12", "", "", "", "", "0,84"),
    ("582,75", "87,41", "670,16", "46,24", "6,70", "52,94", "617,22", "6", "", "", "1", "1", "2,22"),
    ("610,66", "30,53", "641,19", "58,35", "6,41", "64,76", "576,43", "5", "1", "1", "", "1", "1,43"),
    ("135,29", "-", "135,29", "10,55", "1,35", "11,90", "123,39", "1", "", "1", "", "", "3,39"),
]


def test_notes_and_coins_that_make_the_net_pay_are_no_pay_by_their_figures() -> None:
    body = [[str(i + 1), "Христина Василова Борисова", *r, ""] for i, r in enumerate(UNHEADED)]
    kinds = columns.identify(body, [""] * len(body[0]))
    money = ["base_pay", "extra_pay", "gross_pay", "deduction_part", "deduction_part", "deductions", "net_pay"]
    assert kinds[2:9] == money
    assert kinds[9:15] == [None] * 6  # the counts no days, the coins no deductions
    assert outside_columns.cash_breakdown([list(c) for c in zip(*body, strict=True)]) == list(range(9, 15))


def test_figures_that_do_not_make_the_pay_are_no_breakdown() -> None:
    rows = [(*r[:7], "3", "", "", "", "", r[12]) for r in UNHEADED]  # counts that make no row's pay
    assert outside_columns.cash_breakdown([list(c) for c in zip(*rows, strict=True)]) == []


def test_an_unheaded_column_between_a_rate_and_a_class_keeps_its_place() -> None:
    # only a cash breakdown's unheaded columns go with it: between a day's rate and a class a pay may stand
    heads = ["", "Дневна ставка", "", "Клас %"]
    feats = [columns.Feats(1, 0, 0, 1, 0, 0, 0, columns.heading_votes(h)) for h in heads]
    assert columns._outside_named(heads, feats) == {1, 3}
    cash = ["", "50 ЛВ.", "", "по 5"]
    assert columns._outside_named(cash, feats) == {1, 2, 3}
