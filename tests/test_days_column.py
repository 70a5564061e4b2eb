"""A sheet without days worked (`samples --family H --seed 803 --pages 8`, dev, pages 5 and 7): its last
column, `Получих сумата`, holds signatures, one of them read `1` (or a `|`) among blank cells. Taken for
the days, every other row's days went to review as unreadable on a sheet that has none. The cells as read
(the page reduced for a fixture reads without the squiggle, so the case is kept here). No OCR."""

from __future__ import annotations

from ocr import columns

HEADS = ["лъ по списък", "Назначен", "ЕГН работник", "Длъжност / работа", "Начислена сума",
         "Удръжки общо (лв.)", "Полага се за, получаване", "Получих “ сумата"]  # fmt: skip
ROWS = [
    ["1", "Цанко Кирилов Борисов", "3212124320", "стругар", "338,81", "53,53", "285,28", ""],
    ["2", "Донка Илиева Юрукова", "3309121036", "шлосер", "278,48", "36,76", "241,72", ""],
    ["3", "Гергана Илиева Михайлова", "4512129812", "склададжия", "444,50", "54,76", "389,74", ""],
    ["4", "Росица Иванова Кирилова", "3806141633", "склададжия", "464,90", "43,70", "421,20", ""],
    ["5", "Радка Кирилова Иванова", "2609263596", "бригадир", "338,59", "34,20", "304,39", ""],
    ["6", "Живко Лазаров Чолаков", "3110080466", "стругар", "299,69", "31,17", "268,52", "|"],
]


def test_a_signature_column_with_one_squiggle_read_as_a_figure_is_not_the_days():
    kinds = columns.identify(ROWS, HEADS)
    assert "days_worked" not in kinds
    assert kinds[4:7] == ["gross_pay", "deductions", "net_pay"]


def test_a_signature_column_with_one_squiggle_read_as_1_is_not_the_days():
    rows = [[*r[:7], d] for r, d in zip(ROWS, ["", "1", "", "", "", ""], strict=True)]  # page 5
    assert "days_worked" not in columns.identify(rows, HEADS)


def test_an_unheaded_column_of_day_figures_on_most_rows_is_still_the_days():
    rows = [[*r[:7], d] for r, d in zip(ROWS, ["22", "21", "", "22", "8", "22"], strict=True)]
    kinds = columns.identify(rows, [*HEADS[:7], ""])
    assert kinds[7] == "days_worked"


def test_a_column_headed_days_stays_the_days_however_few_cells_were_read():
    rows = [[*r[:7], d] for r, d in zip(ROWS, ["", "21", "", "", "", ""], strict=True)]
    kinds = columns.identify(rows, [*HEADS[:7], "Отраб. дни"])
    assert kinds[7] == "days_worked"


def test_an_unheaded_days_column_half_misread_is_still_the_days():
    # H dev 803 page 1: the days heading unread, the days `23` read on a few rows, `78` and `5023` on others;
    # left unplaced, every row's days went out empty without a flag
    days = ["", "23", "23", "", "23", "78", "", "5023"]
    rows = [[*r[:7], d] for r, d in zip([*ROWS, ROWS[0], ROWS[1]], days, strict=True)]
    kinds = columns.identify(rows, [*HEADS[:7], ""])
    assert kinds[7] == "days_worked"


def test_a_court_order_s_column_of_noughts_is_no_days_column():
    """Family Z (dev 18007 p4): `Удръжки по запор`, `.00-` on most rows and `25.00-` on one, between the other
    itemised deductions and their sum: its noughts were taken for days, the page in review whole."""
    court = [".00-", "25.00-", ".00-", ".00-", ".00-", ".00-"]
    rows = [[*r[:5], c, *r[5:7]] for r, c in zip(ROWS, court, strict=True)]
    for heads in ([*HEADS[:5], "Удръжки по запор", *HEADS[5:7]], [*HEADS[:5], "", *HEADS[5:7]]):
        kinds = columns.identify(rows, heads)
        assert "days_worked" not in kinds, heads[5]
        assert kinds[4] == "gross_pay" and kinds[7] == "net_pay"
