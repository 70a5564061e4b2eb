"""Family O's photocopied works' payrolls (issue 9; s23-o): sheets that once failed, read again, must be read
as a user sees them (tests/fixtures/regression/README.md says what went wrong on each)."""

from __future__ import annotations

import cv2
import numpy as np

from ocr.engine import OcrEngine
from ocr.equals_marks import cell_mark
from ocr.lines import Rule, Rules
from ocr.normalise import money
from ocr.toner_streaks import is_streak, without_streaks
from ocr.unit_marks import amount_without_unit

from .conftest import score_regression_sheet as _score

SIZE = (2480, 3508)  # a landscape A4 page at 300 dpi (height, width)
TABLE = [Rule(y, 150, 3300) for y in (520, 640, 700, 760, 820, 880, 1450)]  # top, heading, rows, totals


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


def test_amounts_with_an_equals_mark_are_read_as_leva_and_stotinki(ocr_engine: OcrEngine):
    """O dev 7009 page 1: `310=78`, the copy's ink running the mark's two bars into one block, read `31078`,
    `260812` for 260.12: the columns proved by nothing, the page in review whole (79 % right)."""
    s, whole = _score("o-equals-marks-read-as-digits", ocr_engine)
    assert not whole, "the page sent to review as a whole"
    assert s.accuracy >= 0.95, f"fields right {s.accuracy:.1%}"


def test_equals_marks_do_not_make_the_pay_ten_times_too_big(ocr_engine: OcrEngine):
    """O dev 7003 page 2: `319=95` read `3192.95` down the gross pay, the net pay another column's figures:
    the pay impossible for the year, the page in review whole (43 % right)."""
    s, whole = _score("o-equals-marks-net-pay-lost", ocr_engine)
    assert not whole and s.accuracy >= 0.95, f"fields right {s.accuracy:.1%}"


def _typed(*parts: tuple[str, int]) -> np.ndarray:
    """A figure cell's ink (255): each text typed from its x."""
    img = np.zeros((70, 280), np.uint8)
    for text, x in parts:
        cv2.putText(img, text, (x, 52), cv2.FONT_HERSHEY_SIMPLEX, 1.4, 255, 4)
    return img


def test_an_equals_mark_is_found_between_leva_and_stotinki():
    mark = cell_mark(_typed(("143=98", 10)), 0, 0, 280, 70)
    assert mark is not None and mark.dash is None and 80 < mark.x0 < mark.x1 < 120
    whole = cell_mark(_typed(("150=-", 10)), 0, 0, 280, 70)
    assert whole is not None and whole.dash is not None  # `150=-`: leva whole
    run_together = _typed(("143", 10), ("98", 125))
    cv2.rectangle(run_together, (100, 30), (116, 44), 255, -1)  # the copy's ink ran the bars into one block
    assert cell_mark(run_together, 0, 0, 280, 70) is not None
    for other in ("1468-02", "143.98", "14398", "=143"):  # a dash decimal (family K), a point, none: no mark
        assert cell_mark(_typed((other, 10)), 0, 0, 280, 70) is None, other


def test_leva_with_a_dash_for_the_stotinki_are_whole():
    assert money("150.-") == money("150=-") == "150.00"
    assert money("1 468,-") == "1468.00"
    assert money("-") == "0.00" and money("148.12-") == "148.12"


def test_net_pay_with_equals_marks_beside_the_signatures_is_the_net_pay(ocr_engine: OcrEngine):
    """O dev 7003 page 1: the net pay (`123=68`) in one column with the signatures, read `123:68 СА`: no
    column taken for the net pay, the base pay's figures given to the gross, the page in review whole."""
    s, whole = _score("o-equals-marks-net-beside-signatures", ocr_engine)
    assert not whole and s.accuracy >= 0.95, f"fields right {s.accuracy:.1%}"


def test_an_amount_whose_point_was_read_as_a_colon_is_kept_from_the_letters_after_it():
    assert amount_without_unit("123:68 СА") == "123:68" and money("123:68") == "123.68"
    assert amount_without_unit("245=28 “И -у") == "245=28"
    # a digit after the letters: not an amount's unit
    assert amount_without_unit("12:30 ч. 4") == "12:30 ч. 4"
