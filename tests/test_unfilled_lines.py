"""Family T (issue 9, s27-treview): a printed form's ruled lines nobody filled, struck through with a `Z`, are
no rows of the page (``checks.unused_tail``, ``checks.filled``); a money column no heading or total places is
placed by a row sum of columns that are (``layout_gate.by_partners``); every fit of a row's readings that
agrees on a figure sets it (``checks.check_money``). Drafts built by hand; the sheets that showed each:
tests/fixtures/regression/README.md (t-...)."""

from __future__ import annotations

import pytest

from bench.scoring import Score
from ocr import checks, layout_gate
from ocr.engine import OcrEngine

from .conftest import NAMES, read_regression_sheet
from .conftest import person_egn as _egn

KINDS: list[str | None] = ["row", "name", "egn", "days_worked", "base_pay", "extra_pay", "gross_pay", "deductions",
                           "net_pay"]  # fmt: skip


def _rows(n: int = 4) -> list[checks.RowDraft]:
    return [
        checks.RowDraft(values={"row": i + 1, "name": NAMES[i % 4], "egn": _egn(i), "days_worked": 22,
                                "base_pay": f"{300 + i}.00", "extra_pay": "20.00", "gross_pay": f"{320 + i}.00",
                                "deductions": "50.00", "net_pay": f"{270 + i}.00"})
        for i in range(n)
    ]  # fmt: skip


def _struck() -> checks.RowDraft:
    """A line of the form struck through: a piece of the `Z` read as a dash (0.00) and a letter or two."""
    return checks.RowDraft(values={"row": None, "name": "По", "egn": None, "days_worked": None, "base_pay": "0.00",
                                   "extra_pay": None, "gross_pay": None, "deductions": None, "net_pay": None})  # fmt: skip


def _totals(rows: list[checks.RowDraft]) -> dict[str, str]:
    return {f: f"{sum(d.dec(f) or 0 for d in rows):.2f}" for f in checks.MONEY}


def test_struck_lines_at_the_foot_are_not_rows_of_the_page():
    rows = _rows()
    page = [*rows, _struck(), checks.RowDraft(values={}), _struck()]
    assert checks.unused_tail(page) == 3
    assert checks.filled(page) == rows


def test_a_line_with_nothing_read_between_two_people_is_kept():
    rows = _rows()
    page = [rows[0], checks.RowDraft(values={}), *rows[1:]]
    assert checks.unused_tail(page) == 0
    assert checks.unused_tail([checks.RowDraft(values={})]) == 0  # nothing but empty lines: not the form's foot


def test_a_struck_line_with_a_figure_or_a_name_is_a_row():
    rows = _rows()
    lines: list[dict[str, object]] = [{"gross_pay": "12.00"}, {"name": "Иван Петров"}, {"days_worked": 3}, {"row": 5}]
    for values in lines:
        assert checks.unused_tail([*rows, checks.RowDraft(values=values)]) == 0


def test_struck_lines_do_not_fail_the_rows_proof():
    rows = [*_rows(), _struck(), _struck(), _struck()]
    headings = ["№", "Име", "ЕГН", "Отработени дни", "Основна заплата", "Допълнително", "Общо заработено",
                "Удръжки", "За получаване"]  # fmt: skip
    read = [v if isinstance(v := d.values.get("row"), int) else None for d in rows]
    proof = layout_gate.prove(rows, KINDS, headings, _totals(rows[:4]), {}, read)
    assert proof.rows == 4 and proof.orphans == 0
    assert "rows" not in layout_gate.failures(proof)


def test_a_column_is_placed_by_a_sum_of_two_placed_columns():
    rows = _rows(6)
    rows[5].values["net_pay"] = "1.00"  # one row's sum broken: the others still place the column
    assert layout_gate.by_partners(rows, list(checks.MONEY), ["gross_pay", "deductions"]) == ["net_pay"]
    # base + extra = gross holds, the additional pay placed: the base pay and the gross are placed with it
    assert set(layout_gate.by_partners(rows, list(checks.MONEY), ["extra_pay"])) == {"base_pay", "gross_pay"}


def test_a_sum_does_not_place_its_two_interchangeable_columns():
    rows = _rows(6)
    # only the gross placed: base and additional pay (or deductions and net pay) could be each other
    assert layout_gate.by_partners(rows, list(checks.MONEY), ["gross_pay"]) == []


def test_a_sum_on_too_few_rows_or_filled_in_places_nothing():
    rows = _rows(6)
    for d in rows[2:]:
        d.values["net_pay"] = "1.00"
    assert layout_gate.by_partners(rows, list(checks.MONEY), ["gross_pay", "deductions"]) == []
    rows = _rows(6)
    for d in rows:
        d.derived.add("net_pay")  # filled in from the sums: holds by construction
    assert layout_gate.by_partners(rows, list(checks.MONEY), ["gross_pay", "deductions"]) == []


def test_every_fit_taking_the_other_reading_sets_it():
    """T dev 12014 p1 at 150 dpi: the base pay read `4597.67` (the other pass `4577.67`), the deductions unread,
    the net read two ways: two fits of the row's sums, both with the base 4577.67; the first reading stayed,
    its sum broken and not flagged."""
    d = checks.RowDraft(values={"base_pay": "4597.67", "extra_pay": "91.55", "gross_pay": "4669.22",
                                "deductions": None, "net_pay": "4010.86"},
                        alts={"base_pay": ["4577.67"], "net_pay": ["4010.06"]})  # fmt: skip
    checks.check_money(d, list(checks.MONEY))
    assert d.values["base_pay"] == "4577.67"
    assert "base_pay" not in d.review
    assert {"deductions", "net_pay"} <= set(d.review)


# sheets of family T once in review whole for the form's struck lines or a column only a row sum placed
ONCE_WHOLE = {
    "t-unused-lines-struck-through-taken-for-rows": "four struck lines read as rows with no person (rows' proof)",
    "t-days-heading-unread-unfilled-lines-counted": "`Явявания на работа` names no field; the full month's "
    "days on four of six people, under half the form's ten lines (columns' proof)",
}


@pytest.mark.parametrize("sheet", sorted(ONCE_WHOLE))
def test_a_t_sheet_once_in_review_whole_is_read_row_by_row(sheet: str, ocr_engine: OcrEngine):
    truth, got = read_regression_sheet(sheet, ocr_engine)
    s = Score()
    s.add(truth, got)
    assert got.page_review is None, f"{got.page_review} (before: {ONCE_WHOLE[sheet]})"
    assert sum(s.silent.values()) == 0, f"wrong and not flagged: {s.silent}"
