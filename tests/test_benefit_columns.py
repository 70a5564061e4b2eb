"""The state insurance's benefit paid with the pay (family AN: `Обезщет. от ДОО`, `Болнични (ДОО)`) and the sum paid
out (`Сума за получаване` = net + the benefit): no payroll-page/1 field, never an item of the additional pay nor the
net (AN dev 32002 p3: the additional pay and the benefit taken for two items of an additional pay printed in no
column, every row's additional pay went out null without a flag)."""

from ocr import columns, pay_items
from ocr.outside_columns import benefit_heading, named_not_pay, payout_columns

HEADINGS = ["No по ред", "Трите имена на работника", "ЕГН на раб", "Изр. дни", "Заработ. за отраб. дни", "Дни болн.",
            "Болнични (ДО00)", "Доплащ. и премии", "Всичко заработ.", "Данък в-у дохода", "Профс. внос", "Аванс за м.",
            "Всичко удържано", "Остава за пол. от заплата", "Сума за получаване"]  # fmt: skip
BODY = [
    ["1", "Росица Пенчова Атанасова", "3502018390", "23", "260.63", "", "", "39.09", "299.72", "20.08", "3.00",
     "104.00", "127.08", "172.64", "172.64"],
    ["2", "Лазар Иванов Николов", "5902234946", "23", "361.83", "", "", "28.95", "390.78", "42.20", "3.91", "145.00",
     "191.11", "199.67", "199.67"],
    ["3", "Милка Стефанова Василева", "4103057211", "5", "71.42", "6", "68.57", "7.14", "78.56", "6.05", "0.79", "",
     "6.84", "71.72", "140.29"],
    ["4", "Илия Пенчов Драганов", "5904067046", "23", "186.72", "", "", "9.34", "196.06", "21.17", "1.96", "56.00",
     "79.13", "116.93", "116.93"],
    ["5", "Петър Атанасов Ярков", "5003125382", "0", "-", "22", "202.20", "-", "-", "-", "-", "-", "-", "-",
     "202.20"],
]  # fmt: skip


def test_benefit_heading_needs_the_insurance_or_the_benefit_word():
    for h in ("Обезщет.\nот ДОО", "Болнични\n(ДОО)", "Болнични | (ДО00)", "Болнични | (400)"):
        assert benefit_heading(h) and named_not_pay(h)
    # an item of the additional pay (family V), a deduction's insurance, the days off sick: none of them
    for h in ("Отпуск и\nболнични", "Болнични\n(3 дни)", "ДОО", "Осиг. ДОО", "Дни\nболн.", "Болнични\n(40 лв.)"):
        assert not benefit_heading(h)


def test_benefit_and_payout_are_no_pay_and_the_additional_pay_is_read():
    kinds = columns.identify(BODY, HEADINGS)
    assert kinds[4:9] == ["base_pay", None, None, "extra_pay", "gross_pay"]
    assert kinds[12:] == ["deductions", "net_pay", None]
    assert columns.PAY_ITEM not in kinds


def test_payout_is_net_plus_benefit_right_of_net():
    cols = [[row[c] for row in BODY] for c in range(len(HEADINGS))]
    assert payout_columns(cols, [4, 7, 8, 12, 13, 14], [6]) == [14]
    # without the benefit's column nothing is a sum paid out
    assert payout_columns(cols, [4, 7, 8, 12, 13, 14], []) == []


def test_an_item_without_which_the_gross_adds_up_is_no_item():
    # its heading unread, the benefit beside the additional pay is no second item of an additional pay printed in
    # no column: on row 3 the base and the additional pay make the gross without it
    cols = [[row[c] for row in BODY] for c in range(len(HEADINGS))]
    wide = pay_items.wide_layout(cols, [4, 6, 7, 8, 9, 10, 11, 12, 13])
    assert wide is None or columns.PAY_ITEM not in wide[1]


def test_a_blank_figure_in_review_for_the_page_stays_in_review_once_the_page_is_shown_in_place():
    from ocr import checks

    d = checks.RowDraft(values={"base_pay": None, "extra_pay": None, "gross_pay": "162.37"})
    for f in d.values:
        d.review.add_as(f, checks.PAGE_PLAUSIBILITY, checks.PAGE_NOT_PROVED_IN_PLACE)
    checks.flag_blank_money([d], ["base_pay", "extra_pay", "gross_pay"])
    for f in d.values:
        d.review.drop_cause(f, checks.PAGE_NOT_PROVED_IN_PLACE)
    assert {"base_pay", "extra_pay"} <= d.review and "gross_pay" not in d.review


def test_payout_where_the_benefit_read_blank_on_every_row():
    # the benefit's few figures lost: the last column is the net on most rows and above it on the others
    cols = [[row[c] for row in BODY] for c in range(len(HEADINGS))]
    cols[6] = [""] * len(BODY)
    assert payout_columns(cols, [4, 7, 8, 12, 13, 14], [6]) == [14]
    # a last column below the one left of it on a row is no sum paid out (the benefit is never below nought)
    cols[14] = ["172.64", "199.67", "60.00", "116.93", "202.20"]
    assert payout_columns(cols, [4, 7, 8, 12, 13, 14], [6]) == []
