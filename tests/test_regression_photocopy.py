"""Family O's photocopied works' payrolls (issue 9; s23-o): sheets that once failed, read again, must be read
as a user sees them (tests/fixtures/regression/README.md says what went wrong on each)."""

from __future__ import annotations

import numpy as np

from bench.scoring import Score
from ocr.engine import OcrEngine
from ocr.lines import Rule, Rules
from ocr.toner_streaks import is_streak, without_streaks

from .conftest import read_regression_sheet

SIZE = (2480, 3508)  # a landscape A4 page at 300 dpi (height, width)
TABLE = [Rule(y, 150, 3300) for y in (520, 640, 700, 760, 820, 880, 1450)]  # top, heading, rows, totals


def _score(name: str, engine: OcrEngine) -> tuple[Score, bool]:
    truth, got = read_regression_sheet(name, engine)
    s = Score()
    s.add(truth, got)
    return s, got.page_review is not None


def test_toner_streaks_down_an_unruled_table_are_no_columns(ocr_engine: OcrEngine):
    """O dev 7007 page 1: three streaks from the copy's top to its bottom through a table ruled by rows only
    made a "ruled" table of their four columns: no person read, the page in review whole."""
    s, whole = _score("o-toner-streaks-taken-for-rules", ocr_engine)
    assert not whole, "the page sent to review as a whole"
    assert s.rows_found == s.rows_truth and s.row_numbers_ok == s.row_numbers
    assert s.accuracy >= 0.95, f"fields right {s.accuracy:.1%}"


def test_toner_streaks_between_a_tables_rules_do_not_cut_its_columns(ocr_engine: OcrEngine):
    """O dev 7005 page 1: four streaks between a ruled table's own rules cut three of its columns in two,
    the figures of those columns off their headings."""
    s, whole = _score("o-toner-streaks-cut-columns", ocr_engine)
    assert not whole and s.rows_found == s.rows_truth
    assert s.accuracy >= 0.95, f"fields right {s.accuracy:.1%}"


def test_a_streak_runs_past_the_table_a_rule_stands_in_it():
    streak = Rule(1256, 0, 2479)  # the copy's whole height
    broken = Rule(2509, 342, 2124)  # a broken streak: from above the title to below the signatures
    rule = Rule(900, 520, 1450)  # between the table's top and bottom rules
    open_heading = Rule(1200, 330, 1450)  # a form's rule on above its heading, which has no top rule
    open_body = Rule(1500, 520, 2300)  # ... or down through a body with no rule under it
    assert is_streak(streak, TABLE, SIZE) and is_streak(broken, TABLE, SIZE)
    assert not any(is_streak(v, TABLE, SIZE) for v in (rule, open_heading, open_body))
    # without the table's rules nothing tells a streak from a rule: kept
    assert not is_streak(streak, [], SIZE)
    rules = Rules(TABLE, [rule, streak, open_body], np.zeros((4, 4), np.uint8))
    assert without_streaks(rules, SIZE).vertical == [rule, open_body]
