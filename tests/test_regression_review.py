"""Sheets whose one or two misread figures once sent whole columns to review (issue 9: "the flags do not
say which figure is in doubt"): read again, only a few fields may go to a person. The fixtures and what
went wrong: tests/fixtures/regression/README.md."""

from __future__ import annotations

import pytest

from bench.scoring import Score
from ocr.engine import OcrEngine

from .conftest import read_regression_sheet

# sheet -> fields sent to review by main's reading before s2-9read (of all the fields it read)
ONCE_FLAGGED_WHOLE = {
    "d-one-figure-flagged-whole-columns": "70 of 111",
    "d-two-figures-of-one-row-misread": "31 of 72",
    "a-total-misread-two-digits-page-review": "31 of 60",
    "e-correction-left-as-row-of-its-own": "65 of 112",  # s8-rev-de: the correction joins its row
    "e-correction-row-whole-page-review": "76 of 119",
    "d-one-row-unchecked-whole-columns": "31 of 87",  # s8-rev-de: the culprit's column, rows read twice
    "e-wide-bold-digits-split-in-two": "22 of 64",  # and 2 silent: s8-rev-de, split digits; parts guard
    "h-egn-under-stamp-whole-page-review": "48 of 48",
    "h-egn-in-position-cell": "40 of 40",
    # family N's headings contracted with a dash (`Уд-ки всичко`): the deductions' column named by no heading,
    # the net pay's place taken by it, the page in review whole (s24-nbisect)
    "n-dash-contracted-headings-deductions-unnamed": "66 of 77",
    # family R's stotinki typed raised and underlined (`430⁴⁷`): read as odd digits, the sums broken, the page in
    # review whole (s31-rread: set down after a point, ocr/raised_cents.py)
    "r-raised-underlined-stotinki": "49 of 56",
}
# Not here: e-parts-misread-figures-read-so (s13-rev, measured with OpenCV 5.1: 10 of 63). With the pinned
# OpenCV 5.0 the same page reads four money figures otherwise and plausibility.check sends the page to review
# as a whole (40 of 62, none silent: test_regression.py still holds it); the narrowing it showed is held by
# tests/test_stray_corrections.py. Left for the next session: the page's deductions total one slip from rows
# whose flagged figures have the right other readings.

# a-total-misread: the deductions of the last row are read by neither pass and filled in as gross - net;
# with the gross total misread and no deductions total nothing confirms them, so that row's gross and
# deductions stay in review with it (s6-hard: a filled-in figure is no reading; 6 of 60 before, 8 now)
# h-egn-under-stamp: four ЕГН under a stamp stay unreadable, three days read 24 and 21 and the base pay of a
# corrected row stay in review (each with its own reason): 14 of 48 (s8-rev-fgh)
LIMIT = {"a-total-misread-two-digits-page-review": 0.14,
         # the itemised deductions misread on four rows (`200,80` for 200,00): those rows' deductions and net
         # stay in review beside a deductions total misread (s8-rev-de: 13 of 64)
         "e-wide-bold-digits-split-in-two": 0.25,
         "h-egn-under-stamp-whole-page-review": 0.32,
         # its net pay's column (`За пол.`, two letters of a word) is named by nothing and stays unread, in
         # review: 11 of 77, and a deductions figure (12 of 77)
         "n-dash-contracted-headings-deductions-unnamed": 0.2}  # fmt: skip


@pytest.mark.parametrize("sheet", sorted(ONCE_FLAGGED_WHOLE))
def test_a_few_misread_figures_do_not_send_whole_columns_to_review(sheet: str, ocr_engine: OcrEngine):
    truth, got = read_regression_sheet(f"{sheet}", ocr_engine)
    s = Score()
    s.add(truth, got)
    assert sum(s.silent.values()) == 0
    assert s.review_load <= LIMIT.get(sheet, 0.10), (
        f"{s.flagged} of {s.extracted_fields} fields to review (before: {ONCE_FLAGGED_WHOLE[sheet]})"
    )
