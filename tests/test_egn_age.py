"""An ЕГН that passes its check digit but makes its holder 81 in the sheet's year (a first digit 7 read
as 1, H dev 810 p7) goes to review; a worker's age passes."""

from __future__ import annotations

from ocr import checks
from ocr.egnage import flag_unlikely_births


def test_a_valid_egn_of_a_man_of_81_on_a_sheet_of_1992_goes_to_review():
    old, young = checks.RowDraft(values={"egn": "1105109480"}), checks.RowDraft(values={"egn": "7105109480"})
    flag_unlikely_births([old, young], 1992)
    assert old.review.reasons.get("egn") == checks.CHECK_DIGIT and "egn" not in young.review


def test_without_the_sheets_year_nothing_is_judged():
    d = checks.RowDraft(values={"egn": "1105109480"})
    flag_unlikely_births([d], None)
    assert "egn" not in d.review
