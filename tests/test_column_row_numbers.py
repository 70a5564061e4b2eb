"""The `№ по ред` column when its numbers were misread (a stamp over them: `--hard all --seed 56` page 13):
it stays the row numbers, and the days worked are read from their own column, not from the numbers; and
numbers read so that no two agree keep the topmost reading, the others flagged. No OCR."""

from __future__ import annotations

from ocr import checks, columns, rownumbers

HEADS = ["№ по ред", "ЕГН", "Име, презиме, фамилия", "Длъжност", "Отработени дни", "Всичко начислено",
         "Удръжки", "За получаване"]  # fmt: skip
ROWS = [
    ["5", "4904173410", "Цветанка Димитрова Атанасова", "електротехник", "8", "55.89", "5.92", "49.97"],
    ["3", "4907253628", "Владимир Христов Тодоров", "работник", "23", "177.22", "37.57", "139.65"],
    ["(", "2605018414", "Величка Кирилова Янкова", "електротехник", "23", "236.02", "25.73", "210.29"],
    ["3: “", "5410262450", "Лиляна Пенчова Узунова", "тракторист", "0", "0.00", "0.00", "0.00"],
]


def test_row_numbers_spoilt_by_a_stamp_are_not_taken_for_the_days():
    kinds = columns.identify(ROWS, HEADS)
    assert kinds[0] == "row"
    assert kinds[4] == "days_worked"


def test_a_column_of_small_numbers_headed_days_is_days_even_out_of_order():
    heads = ["Отраб. дни", *HEADS[1:4], "", *HEADS[5:]]
    kinds = columns.identify([[r[0], *r[1:4], "", *r[5:]] for r in ROWS], heads)
    assert kinds[0] == "days_worked"


def test_row_numbers_spoilt_below_a_sheet_carried_on_keep_the_topmost_reading():
    drafts = [checks.RowDraft(values={"row": n, "name": "Петя Петрова Янкова"}) for n in (5, 3, None, 3)]
    rownumbers.number_rows(drafts)
    assert [d.values["row"] for d in drafts] == [5, 6, 7, 8]
    assert all("row" in d.review for d in drafts[1:])
