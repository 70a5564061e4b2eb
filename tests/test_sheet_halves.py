"""Two sheets side by side: a half is read as a sheet of its own when most of its rows name a person, or
when it has printed row numbers of its own (read, rising) and an ЕГН column of its own (issue 9; I dev 904
--hard all page 3: the right sheet's names half lost under a stamp, 2 of 4 named, the half rejected and
the page sent to review as two tables read as one, two people lost). The right half of one wide sheet
(figures only) is not a sheet. Where the first sheet's row numbers were not read, they lead up to the
second sheet's first read one (an inference: flagged), as the second's go on from the first's."""

from __future__ import annotations

from archive_core.records import PayrollPage
from ocr.extract import _infer_numbers, _sheet_like


def _page(rows: list[dict[str, object]]) -> PayrollPage:
    return PayrollPage.model_validate({"image": "x.png", "rows": rows})


# the right half as read (I dev 904 --hard all p3): numbers 4-7 read, three ЕГН valid or one look-alike off
RIGHT = [
    {"row": 4, "name": "Любомир Цветанов Колев", "egn": "3805077184", "review": ["egn"]},
    {"row": 5, "name": "Пенка Стоянова Кънчева", "egn": "6606011258"},
    {"row": 6, "name": "Щ", "egn": "3909858017", "review": ["egn", "name"]},
    {"row": 7, "name": None, "egn": None, "review": ["egn", "name"]},
]


def test_a_half_with_its_own_row_numbers_and_egn_column_is_a_sheet_though_its_names_are_lost():
    assert _sheet_like(_page(RIGHT))


def test_a_half_of_figures_only_is_not_a_sheet():
    rows = [{"row": None, "name": None, "egn": None, "gross_pay": "100.00", "review": ["egn", "name"]}] * 4
    assert not _sheet_like(_page(rows))


def test_egns_without_row_numbers_of_their_own_do_not_make_a_nameless_half_a_sheet():
    rows = [{**r, "row": r["row"], "review": ["row", *r.get("review", [])]} for r in RIGHT]  # type: ignore[list-item]
    assert not _sheet_like(_page(rows))


def test_row_numbers_without_egns_of_their_own_do_not_either():
    rows = [{**r, "egn": None} for r in RIGHT]
    assert not _sheet_like(_page(rows))


def test_the_first_sheets_unread_numbers_lead_up_to_the_seconds_flagged():
    left = _page([{"row": None, "name": "Благой Петров Добрев"}, {"row": None, "name": "Мария Борисова Георгиева"}])
    _infer_numbers(left.rows, 4 - len(left.rows))
    assert [r.row for r in left.rows] == [2, 3]
    assert all("row" in (r.review or []) and r.review_reasons["row"].reason == "unreadable" for r in left.rows)
