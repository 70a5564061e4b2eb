"""Family AM's single-spaced typed sheets (AM dev 31001 p1, 31004 p2): the figures of a column right-aligned one
under another, the same digit at the same place on most rows ("21" days, the thousands of the gross pay), their
glyphs taken for a vertical rule begun under the heading (``lines._without_stacked_ones``): the rule's ink taken
out with them and the column cut in two, the days read "2" for 21 on every row, the gross pay read without its
leading digits (``61.63`` for 2606.99). Read again, the column's figures are as the sheet types them."""

from __future__ import annotations

import pytest

from bench.scoring import match_rows
from ocr.engine import OcrEngine

from .conftest import read_regression_sheet

# sheet -> the field a stack of its glyphs cut, and how many rows main read it right before (s47-amreview)
CUT = {
    "am-days-ones-taken-for-a-rule": ("days_worked", "0 of 11"),
    "am-gross-ones-taken-for-a-rule": ("gross_pay", "0 of 14"),
}


@pytest.mark.parametrize("sheet", sorted(CUT))
def test_a_column_of_figures_alike_is_read_whole(sheet: str, ocr_engine: OcrEngine):
    field, before = CUT[sheet]
    truth, got = read_regression_sheet(sheet, ocr_engine)
    pairs = [(t, g) for t, g in match_rows(truth.rows, got.rows) if getattr(t, field) is not None]
    right = sum(g is not None and getattr(g, field) == getattr(t, field) for t, g in pairs)
    assert right >= 0.9 * len(pairs), f"{field} right on {right} of {len(pairs)} rows (before: {before})"
