"""Every sheet that once failed (issue 9): read again, it must not fail the same way. The fixtures are
synthetic sheets of the families the default samples never drew, reduced like the golden ones (150 dpi,
16 grey levels); tests/fixtures/regression/README.md says what went wrong on each."""

from __future__ import annotations

import pytest

from bench.scoring import Score
from ocr.engine import OcrEngine

from .conftest import FIXTURES, read_regression_sheet

# Sheets that still fail: strict, so the day one is read right the mark must go.
STILL_FAILING: dict[str, str] = {}
SHEETS = [
    pytest.param(p.stem, marks=pytest.mark.xfail(reason=STILL_FAILING[p.stem], strict=True))
    if p.stem in STILL_FAILING else p.stem
    for p in sorted((FIXTURES / "regression").glob("*.png"))
]  # fmt: skip


@pytest.mark.parametrize("sheet", SHEETS)
def test_sheet_that_once_failed_has_every_person_and_no_silent_error(sheet: str, ocr_engine: OcrEngine):
    truth, got = read_regression_sheet(f"{sheet}", ocr_engine)
    s = Score()
    s.add(truth, got)
    assert s.rows_found == len(truth.rows), "a person's row was lost or merged"
    assert sum(s.silent.values()) == 0, f"wrong and not flagged: {s.silent}"
    assert s.row_numbers_ok == s.row_numbers, "a row carries another line's printed number"
    assert s.period_silent == 0, f"period read {got.period.year}-{got.period.month} without a doubt"
