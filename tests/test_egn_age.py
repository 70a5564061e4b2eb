"""An ЕГН read into another valid one whose birth date makes its holder a child or very old in the sheet's
month goes to a person with its own reason; a working-age one does not. No OCR."""

from __future__ import annotations

from datetime import date

from archive_api.i18n import MESSAGES
from archive_core import egn
from ocr import checks
from ocr.egn_age import age_in, flag_out_of_working_age


def _draft(born_year: int, born_month: int) -> checks.RowDraft:
    return checks.RowDraft(values={"egn": egn.make(date(born_year, born_month, 10), 17, False)})


def test_a_valid_egn_of_a_child_in_the_sheets_month_is_flagged_with_its_reason():
    # '5907057761' read '6907067761' (E dev 501 page 2): valid, born 1969; on a sheet of 1983 a child of 14
    rows = [_draft(1969, 7), _draft(1959, 7), _draft(1906, 3)]
    flag_out_of_working_age(rows, 1983, 10)
    assert [("egn" in r.review) for r in rows] == [True, False, True]
    assert rows[0].review.reasons["egn"] == checks.EGN_AGE
    assert all(f"reason.{checks.EGN_AGE}" in MESSAGES[lang] for lang in ("bg", "en"))


def test_age_counts_full_years_in_the_sheets_month():
    assert age_in(egn.make(date(1968, 11, 2), 3, True), 1983, 10) == 14
    assert age_in(egn.make(date(1968, 11, 2), 3, True), 1983, 12) == 15


def test_without_the_sheets_year_nothing_is_flagged():
    rows = [_draft(1975, 1)]
    flag_out_of_working_age(rows, None, None)
    assert not rows[0].review


def test_a_valid_egn_of_a_man_of_81_on_a_sheet_of_1992_goes_to_review():
    # '1105109480' for 7105109480 (H dev 810 p7: a first digit 7 read as 1, silent before)
    old, young = checks.RowDraft(values={"egn": "1105109480"}), checks.RowDraft(values={"egn": "7105109480"})
    flag_out_of_working_age([old, young], 1992, None)
    assert old.review.reasons.get("egn") == checks.EGN_AGE and "egn" not in young.review
