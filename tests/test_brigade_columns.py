"""A brigade's payroll (family R): its headings name its columns (piece-rate pay `Акордна заработка` the base,
`Всичко полагаемо` the gross, `Следва да получи` the net pay), its columns that are no payroll-page/1 field
(the norm's fulfilment in per cent, a worker's grade) are kept from the money and the days, and days that
rise down a few rows right of the names are no row numbers. Sheets: tests/fixtures/regression/README.md."""

from __future__ import annotations

import pytest

from bench.scoring import Score
from ocr import columns
from ocr.engine import OcrEngine
from ocr.outside_columns import named_not_pay
from samples.family_r import HEADINGS_R

from .conftest import read_regression_sheet

FIELDS = ("days_worked", "base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")


@pytest.mark.parametrize("field", FIELDS)
def test_every_brigade_heading_of_a_field_names_it_and_no_other(field: str) -> None:
    for h in HEADINGS_R[field]:
        votes = columns.heading_votes(h)
        assert max(votes, key=lambda f: votes[f], default=None) == field, (h, votes)
        assert not named_not_pay(h), h


def test_norm_and_grade_headings_name_no_field() -> None:
    for h in (*HEADINGS_R["norm_pct"], *HEADINGS_R["grade"]):
        assert named_not_pay(h), h
        assert not set(columns.heading_votes(h)) & {*columns.MONEY, "days_worked"}, h  # `Тарифен` is no `тарифна`


def test_brigade_words_keep_other_families_headings_as_they_were() -> None:
    assert columns.heading_votes("Получих\nпарите") == {"signature": 1}  # `Получих` no net pay
    assert columns.heading_votes("Аванс\nпо\nнаряд") == {columns.PART: 1}  # `наряд` no grade
    assert columns.heading_votes("Изработени\nнорма-дни") == {"days_worked": 2}  # family N: days, no norm
    assert columns.heading_votes("ДОД\nудържан\nот заработката") == {columns.PART: 1}
    assert not named_not_pay("Заработено\nпо норми")  # family N's base pay


def test_days_rising_right_of_the_names_are_no_row_numbers() -> None:
    # R dev 10007 p2 (no № column, the days' heading misread): 2, 3, 23, 8, 22, 23 rise on four pairs of five
    heads = ["ин на члена", "инвутрайме, фамилия)", "Знанартя 4", "( ДНЮо на обекта", "„Сава заработка.",
             "Плрди нощни", "(09Щ9 0 заработка", "Макс всичко", "Заплащане на ръка"]  # fmt: skip
    rows = [("703252192", "Петя Петрова Хаджиева", "133", "2", "19,90", "4,38", "24,28", "3,54", "20,74"),
            ("3206030514", "Евгения Йорданова Жечева", "116", "3", "387,69", "34,89", "422,58", "98,18", "324,40"),
            ("4707140033", "Яна Панчова Гъркова", "94", "", "239,78", "0,00", "239,78", "23,26", "216,52"),
            ("6805015620", "Тодор Тодоров Петров", "6", "23", "373,09", "115,66", "488,75", "59,14", "429,61"),
            ("6307010949", "Цанко Цветанов Маринов", "101", "8", "161,35", "0,00", "161,35", "66,15", "95,20"),
            ("4408245315", "Христина Борисова Томова", "87", "22", "220,45", "52,91", "273,36", "49,20", "224,16"),
            ("6501272872", "Петя Ангелова Добрева", "78", "23", "329,25", "9,88", "339,13", "72,90", "266,23")]  # fmt: skip
    kinds = columns.identify([list(r) for r in rows], heads)
    assert "row" not in kinds
    assert kinds[3] == "days_worked"


def test_row_numbers_left_of_the_names_are_still_found() -> None:
    rows = [[str(i), f"Име{'абвгд'[i % 5]} Иванов Петров", "21", f"{100 + i},00"] for i in range(1, 7)]
    rows[3][0] = "8"  # a misread number: the numbers still rise on most rows
    assert columns.identify(rows, ["", "", "", ""])[0] == "row"


@pytest.mark.parametrize("sheet", ["r-days-rising-taken-for-row-numbers", "r-piece-rate-headings-unnamed"])
def test_a_brigade_sheet_s_columns_are_placed(sheet: str, ocr_engine: OcrEngine) -> None:
    truth, got = read_regression_sheet(sheet, ocr_engine)
    s = Score()
    s.add(truth, got)
    assert got.page_review is None, got.page_review  # (was: the layout unproved, every field in review)
    assert sum(s.silent.values()) == 0, s.silent
    assert s.review_load <= 0.25, f"{s.flagged} of {s.extracted_fields} in review"
