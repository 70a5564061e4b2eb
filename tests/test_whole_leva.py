"""Money typed in whole leva (family R from 1991: `3 450` is 3450.00), ocr/whole_leva.py: read so where the
page's figures show no decimal separator and only whole leva make a wage of the page's year; read with
stotinki everywhere else. The sheets: tests/fixtures/regression/README.md."""

from __future__ import annotations

import pytest

from bench.scoring import Score
from ocr import columns, normalise
from ocr.checks import PAGE_PLAUSIBILITY, RowDraft
from ocr.engine import OcrEngine
from ocr.whole_leva import UNKNOWN, WHOLE, doubt_unit, typed_whole, unit

from .conftest import read_regression_sheet

KINDS = ["row", "name", "egn", "days_worked", None, "base_pay", "gross_pay", "deductions", "net_pay"]


def _texts(amounts: list[tuple[str, str, str, str]]) -> list[list[str]]:
    """Rows as R dev 10001 p1 typed them (a norm's % column beside the days)."""
    return [[str(i + 1), "Светла Христова Попова", "2901153633", "21", "135", *a] for i, a in enumerate(amounts)]


R10001 = [("8646", "8646", "863", "7783"), ("9462", "9462", "927", "8535"), ("12010", "12010", "2407", "9603"),
          ("11966", "11966", "2959", "9007"), ("2638", "2638", "613", "2025")]  # fmt: skip


def test_amounts_are_whole_leva_only_within_a_whole_leva_reading() -> None:
    assert normalise.money("3 450") == "34.50"
    with normalise.money_reading(True):
        assert [normalise.money(t) for t in ("3 450", "67", "0", "-", "12010")] == [
            "3450.00", "67.00", "0.00", "0.00", "12010.00"]  # fmt: skip
        assert normalise.money("2901153633") is None  # ten digits: an ЕГН, no pay
        with normalise.money_reading(False):
            assert normalise.money("3 450") == "34.50"
        assert normalise.money_of_cell("1746\n1764") == ("1746.00", True)  # the correction above
    assert normalise.money("3 450") == "34.50"  # as before once the page is read
    assert normalise.money("67") is None


def test_a_page_of_whole_leva_is_told_by_its_year_s_wages() -> None:
    texts = _texts(R10001)
    assert typed_whole(texts, KINDS, 1995)  # 8646 leva a wage of 1995, 86.46 none
    assert not typed_whole(texts, KINDS, 1985)  # 86.46 a wage of 1985 (and 8646 none): stotinki
    assert unit(texts, KINDS, None) == UNKNOWN  # no year: 8646 a wage of 1995, 86.46 one of 1985


def test_a_page_without_a_year_is_whole_leva_where_its_stotinki_would_be_no_wage_of_any_year() -> None:
    # R dev 10018 p2, its period unread: 1877 leva (18.77 with stotinki: under any year's minimum wage)
    texts = _texts([("1877", "1877", "447", "1430"), ("1616", "1616", "307", "1309"), ("2546", "2546", "479", "2067"),
                    ("2417", "2417", "408", "2009"), ("1910", "1910", "327", "1583")])  # fmt: skip
    assert unit(texts, KINDS, None) == WHOLE


def test_money_whose_unit_nothing_tells_goes_to_review() -> None:
    drafts = [RowDraft(values={"gross_pay": "86.46", "net_pay": "77.83", "days_worked": 21})]
    doubt_unit(drafts, ["days_worked", "gross_pay", "net_pay"])
    assert drafts[0].review.reasons == {"gross_pay": PAGE_PLAUSIBILITY, "net_pay": PAGE_PLAUSIBILITY}


def test_a_page_whose_amounts_show_their_separator_is_read_with_stotinki() -> None:
    # the same figures typed with a point, as a plain file would: no page of whole leva, whatever the year
    texts = _texts([tuple(f"{a[:-2]}.{a[-2:]}" for a in row) for row in R10001])  # type: ignore[misc]
    assert not typed_whole(texts, KINDS, 1995)


def test_a_dash_before_the_stotinki_is_a_decimal_separator() -> None:
    # family K types `1468-02`, `1 468-02`: stotinki, as a point would say. K dev 3001 p18 (1980): its class
    # column taken for the gross (`1-88`, `5`, `83`, `22-46`: 188 leva a wage of 1980, 1.88 none) and every
    # amount read in whole leva, a hundred times too large, the page to review
    texts = _texts([tuple(f"{a[:-2]}-{a[-2:]}" for a in row) for row in R10001])  # type: ignore[misc]
    assert not typed_whole(texts, KINDS, 1995)
    spaced = _texts([("206-48", "1-88", "29-73", "176-75"), ("371-99", "5", "58-40", "313-59"),
                     ("106-03", "83", "11-13", "94-90"), ("231-50", "22-46", "30-33", "201-17")])  # fmt: skip
    assert not typed_whole(spaced, KINDS, 1980)
    assert typed_whole([[*r[:5], *(a.replace("-", "") for a in r[5:])] for r in spaced], KINDS, 1980)


def test_small_whole_leva_figures_make_a_money_column() -> None:
    # 1991: the tax and insurance of a short month are one or two digits (`20`, `4`): read in whole leva
    # they are amounts, the itemised deductions adding up to the deductions (R dev 10006 p1)
    heads = ["№", "Име", "ЕГН", "Дни", "Заработка", "Премия", "Всичко", "ДОД", "Вноска", "Удръжки", "Остава"]
    body = [["1", "Пламен Димитров Славов", "6711255083", "21", "1746", "209", "1955", "287", "68", "355", "1600"],
            ["2", "Чавдар Лазаров Илиев", "5002225047", "2", "122", "15", "137", "20", "4", "24", "113"],
            ["3", "Евгения Петрова Пенчева", "6408286431", "1", "67", "11", "78", "12", "4", "16", "62"],
            ["4", "Филип Петров Йорданов", "4610051940", "9", "374", "7", "381", "40", "13", "53", "328"]]  # fmt: skip
    with normalise.money_reading(True):
        kinds = columns.identify(body, heads)
    assert kinds[4:] == ["base_pay", "extra_pay", "gross_pay", columns.PART, columns.PART, "deductions", "net_pay"]


@pytest.mark.parametrize(
    "sheet", ["r-whole-leva-read-as-stotinki", "r-whole-leva-1995-no-separator", "r-whole-leva-no-year-out-as-stotinki"]
)
def test_a_whole_leva_sheet_reads_its_money_right(sheet: str, ocr_engine: OcrEngine) -> None:
    truth, got = read_regression_sheet(sheet, ocr_engine)
    s = Score()
    s.add(truth, got)
    assert got.page_review is None, got.page_review  # (was: the page's pay no wage of its year)
    for f in ("base_pay", "gross_pay", "deductions", "net_pay"):  # (was: none right, every one in review)
        assert s.correct.get(f, 0) == s.truth_values[f], f
    assert sum(s.silent.values()) == 0, s.silent
