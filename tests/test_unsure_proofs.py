"""Figures read unsure that a doubted figure alone seemed to prove, names whose ending was lost, and people a
row's band only seemed to hold (family R, black-and-white microfilm with raised stotinki: R dev 10065 p1,
10066 p3, p5, p7): each goes to a person rather than out unflagged."""

from __future__ import annotations

from archive_core.records import SCORED_FIELDS
from ocr import checks
from ocr.doubted_proof import doubt_unsure_on_doubted
from ocr.geometry import Box, Grid
from ocr.names import check_name
from ocr.unread_names import names_in_line, restore_named
from tests.test_unread_names import _line

MONEY = ["base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"]


def _row(conf_base: float, gross_doubted: bool) -> checks.RowDraft:
    d = checks.RowDraft(
        values={"base_pay": "56.29", "extra_pay": "0.00", "gross_pay": "56.29", "deductions": "8.78",
                "net_pay": "47.51"},
        conf={"base_pay": conf_base, "extra_pay": 0.94, "gross_pay": 0.74, "deductions": 0.9, "net_pay": 0.9},
    )  # fmt: skip
    if gross_doubted:
        d.review.add("gross_pay", checks.ROW_SUM)
    return d


def test_an_unsure_figure_whose_only_sum_runs_through_a_doubted_one_is_shown() -> None:
    d = _row(0.45, gross_doubted=True)  # base = gross, both `56⁸⁹` misread alike; the gross doubted
    doubt_unsure_on_doubted([d], {}, MONEY, {})
    assert "base_pay" in d.review


def test_a_sure_figure_or_one_a_sum_of_undoubted_figures_proves_is_left() -> None:
    sure = _row(0.93, gross_doubted=True)
    proved = _row(0.45, gross_doubted=False)
    doubt_unsure_on_doubted([sure], {}, MONEY, {})
    doubt_unsure_on_doubted([proved], {}, MONEY, {})
    assert "base_pay" not in sure.review
    assert "base_pay" not in proved.review


def test_a_column_adding_up_to_its_total_proves_its_unsure_figure() -> None:
    d = _row(0.45, gross_doubted=True)
    doubt_unsure_on_doubted([d], {"base_pay": "56.29"}, MONEY, {})
    assert "base_pay" not in d.review


def test_a_given_name_in_the_family_names_place_is_not_sure() -> None:
    assert check_name("Десислава Лазарова Никола") == ("Десислава Лазарова Никола", False)
    assert check_name("Десислава Лазарова Николова")[1]


GRID = Grid(xs=[100, 400, 900, 1500], ys=[50, 100, 300], ruled=True)


def _same(box: Box) -> list[int]:
    return box.as_list()


def test_on_a_page_in_review_a_band_over_two_peoples_lines_holds_the_one_whose_egn_it_read() -> None:
    # the grid half a line below the typing: the row's band covers the first person's line (name read, ЕГН not)
    # and the second's (ЕГН read, name not); the first person is no row's
    words = [*_line("Мария Димитрова Борисова 129.49", 110), *_line("4704278029 126.05", 170)]
    drafts = [checks.RowDraft(values={"egn": "4704278029"}, bbox=[100, 105, 1500, 205])]
    assert restore_named(drafts, words, GRID, _same, page_in_review=True) == ["Мария Димитрова Борисова"]
    assert set(drafts[0].review) >= set(SCORED_FIELDS)
    assert drafts[1].values["egn"] == "4704278029"


def test_on_a_page_not_in_review_the_band_still_holds_its_line() -> None:
    words = [*_line("Мария Димитрова Борисова 129.49", 110), *_line("4704278029 126.05", 170)]
    drafts = [checks.RowDraft(values={"egn": "4704278029"}, bbox=[100, 105, 1500, 205])]
    assert restore_named(drafts, words, GRID, _same) == []


def test_a_family_name_split_at_a_gap_in_the_ink_still_makes_a_name() -> None:
    line = _line("5 Кирил Ба рисов Кънчев 21", 0)
    assert [n for n, _b in names_in_line(line)] == ["Кирил Барисов Кънчев"]
    assert names_in_line(_line("Дни на обекта Ба рисов", 0)) == []


def test_the_first_person_lost_to_the_heading_comes_back_numbered_1() -> None:
    from ocr.lost_rows import read_numbers, restore_lost

    drafts = [checks.RowDraft(values={"row": n, "name": f"Име {n}"}, bbox=[100, 100 * n, 900, 100 * n + 90])
              for n in (2, 3, 4, 5)]  # fmt: skip
    review = restore_lost(drafts, read_numbers(drafts), {})
    assert review is not None and [d.values.get("row") for d in drafts] == [1, 2, 3, 4, 5]
    assert set(drafts[0].review) >= set(SCORED_FIELDS)


def test_a_sheet_going_on_from_another_or_adding_up_loses_no_first_rows() -> None:
    from ocr.lost_rows import read_numbers, restore_lost

    def rows(first: int) -> list[checks.RowDraft]:
        return [checks.RowDraft(values={"row": n, "name": f"Име {n}", "net_pay": "10.00"}, bbox=[100, 100 * n, 900, 100 * n + 90])
                for n in range(first, first + 4)]  # fmt: skip

    going_on = rows(16)
    assert restore_lost(going_on, read_numbers(going_on), {}) is None and len(going_on) == 4
    adding_up = rows(2)
    assert restore_lost(adding_up, read_numbers(adding_up), {"net_pay": "40.00"}) is None and len(adding_up) == 4


def _moved_row(values: dict[str, str], conf: dict[str, float], moved: dict[str, str]) -> checks.RowDraft:
    d = checks.RowDraft(values=dict(values), conf=dict(conf))
    for f, before in moved.items():
        d.changed[f] = (checks.COLUMN_RECONCILE, before)
    return d


def test_a_column_move_beside_a_figure_of_that_column_nothing_proves_is_shown() -> None:
    from ocr.column_moves import doubt_moves_beside_unproven

    present = ["gross_pay", "deductions", "net_pay"]
    moved = _moved_row({"gross_pay": "146.01", "deductions": "20.75", "net_pay": "125.26"},
                       {"gross_pay": 0.92, "deductions": 0.88, "net_pay": 0.8}, {"deductions": "20.15"})  # fmt: skip
    lone = checks.RowDraft(values={"gross_pay": "210.62", "deductions": "44.26", "net_pay": "166.36"},
                           conf={"gross_pay": 0.96, "deductions": 0.74, "net_pay": 0.0})  # fmt: skip
    lone.derived.add("net_pay")  # its net pay unread, filled in from the deductions: no proof of them
    lone.review.add("net_pay", checks.UNREADABLE)
    assert doubt_moves_beside_unproven([moved, lone], present) > 0
    assert "deductions" in lone.review and {"deductions", "net_pay"} <= set(moved.review)


def test_a_column_move_among_figures_each_proved_by_its_row_stands() -> None:
    from ocr.column_moves import doubt_moves_beside_unproven

    present = ["gross_pay", "deductions", "net_pay"]
    moved = _moved_row({"gross_pay": "146.01", "deductions": "20.75", "net_pay": "125.26"},
                       {"gross_pay": 0.92, "deductions": 0.88, "net_pay": 0.8}, {"deductions": "20.15"})  # fmt: skip
    proved = checks.RowDraft(values={"gross_pay": "210.62", "deductions": "44.86", "net_pay": "165.76"},
                             conf={"gross_pay": 0.96, "deductions": 0.9, "net_pay": 0.9})  # fmt: skip
    assert doubt_moves_beside_unproven([moved, proved], present) == 0
    assert not set(moved.review) and not set(proved.review)
