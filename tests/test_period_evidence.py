"""A year read two ways (``ocr.period``) chosen by what the page says of its year (``ocr.period_evidence``):
no one on the sheet can be a child that year, and the pay must be of that year's order. The period stays in
review with the reason, in Bulgarian and English on the verification screen."""

from __future__ import annotations

from datetime import date

from archive_api.i18n_reasons import REASON_WORDS
from archive_core import egn as egn_mod
from ocr.checks import RowDraft
from ocr.header import Header
from ocr.period_evidence import choose_year


def _page(born: list[int], pay: str) -> list[RowDraft]:
    return [RowDraft({"egn": egn_mod.make(date(y, 3, 4), 12, False), "gross_pay": pay}) for y in born]


def _header(years: tuple[int, ...]) -> Header:
    return Header(year=years[0], month=5, period_review="годината е прочетена …", year_readings=years)


def test_a_year_in_which_someone_on_the_sheet_would_be_a_child_is_not_the_sheet_s():
    h = _header((1980, 1989))  # read 1980 and 1989: a worker born in 1972 is 8 in 1980
    choose_year(h, _page([1950, 1961, 1972], "250.00"), ["egn", "gross_pay"])
    assert h.year == 1989 and h.period_review is not None and "ЕГН" in h.period_review


def test_the_pay_tells_a_year_whose_average_wage_is_far_from_the_others():
    h = _header((1992, 1991))  # H dev 806 p2, K dev 3003 p2: 1991 read as 1992 by the digits model
    choose_year(h, _page([1950, 1955, 1960], "945.50"), ["egn", "gross_pay"])
    assert h.year == 1991 and h.period_review is not None and "945.50" in h.period_review
    h = _header((1985, 1984))  # average wages of 212 and 203 leva: the pay cannot tell them apart
    choose_year(h, _page([1950, 1955, 1960], "210.00"), ["egn", "gross_pay"])
    assert h.year == 1985 and h.period_review == "годината е прочетена …"


def test_one_reading_of_the_year_is_left_as_it_is_and_the_reasons_have_words_in_both_languages():
    h = Header(year=1983, month=5, period_review=None)
    choose_year(h, _page([1975], "900.00"), ["egn", "gross_pay"])
    assert (h.year, h.period_review) == (1983, None)
    for lang in ("bg", "en"):
        for key in ("period.ages", "period.wages"):
            assert "{year}" in REASON_WORDS[lang][key]


def test_a_year_read_sure_whose_pay_fits_a_year_one_digit_apart_goes_to_review():
    """AK dev 29002 p2: a continuation page's "1991" read "1994" (a dot-matrix 1): pay of about 1100 leva, a
    quarter of 1994's average wage, 1991's within a tenth: the period to review naming 1991, the year kept."""
    from ocr.period_evidence import doubt_year_against_wages

    h = Header(year=1994, month=9, period_review=None)
    doubt_year_against_wages(h, _page([1950, 1955, 1960], "1100.00"), ["egn", "gross_pay"])
    assert h.year == 1994 and h.period_review is not None and "1991" in h.period_review
    # the pay of the year read: no doubt; nor a pay far off every year one digit apart (no glyph explains it)
    h = Header(year=1994, month=9, period_review=None)
    doubt_year_against_wages(h, _page([1950, 1955, 1960], "4300.00"), ["egn", "gross_pay"])
    assert h.period_review is None
    h = Header(year=1985, month=9, period_review=None)
    doubt_year_against_wages(h, _page([1950, 1955, 1960], "2500.00"), ["egn", "gross_pay"])
    assert h.period_review is None
