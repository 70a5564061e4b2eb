"""Family S's payroll books (issue 9; s26-scols): sheets that once failed, read again, must be read as a user
sees them (tests/fixtures/regression/README.md says what went wrong on each)."""

from __future__ import annotations

from ocr.engine import OcrEngine

from .conftest import score_regression_sheet as _score


def test_the_turnover_is_no_net_pay(ocr_engine: OcrEngine):
    """S dev 11036: the counter's turnover (`Оборот`, whole leva, 20-70 times the pay) taken for the net
    pay, the net for the base: no row sum held, the page in review whole (at 300 dpi one figure wrong without a flag too)."""
    s, whole = _score("s-turnover-taken-for-net-pay", ocr_engine)
    assert not whole, "the page sent to review as a whole"
    assert sum(s.silent.values()) == 0 and s.rows_found == s.rows_truth
    assert s.field_accuracy("net_pay") == 1.0 and s.field_accuracy("base_pay") == 1.0
    assert s.accuracy >= 0.95, f"fields right {s.accuracy:.1%}"


def test_the_value_of_the_services_is_no_base_pay(ocr_engine: OcrEngine):
    """S dev 11010: the value of the work done (`Стойност на услугите`) taken for the base pay, every money
    column one along: the page in review whole, no money field right."""
    s, whole = _score("s-value-of-services-taken-for-base-pay", ocr_engine)
    assert not whole, "the page sent to review as a whole"
    assert sum(s.silent.values()) == 0 and s.rows_found == s.rows_truth
    assert s.field_accuracy("base_pay") >= 0.9 and s.field_accuracy("net_pay") >= 0.9
    assert s.accuracy >= 0.9, f"fields right {s.accuracy:.1%}"


def test_specks_under_the_signatures_are_no_net_pay(ocr_engine: OcrEngine):
    """S dev 11031: specks under the signatures read as figures in a column of their own: six money
    columns, the gross taken for the deductions, the deductions and net for itemised deductions, the page
    in review whole."""
    s, whole = _score("s-signature-specks-taken-for-net-pay", ocr_engine)
    assert not whole, "the page sent to review as a whole"
    assert sum(s.silent.values()) == 0 and s.rows_found == s.rows_truth
    assert s.field_accuracy("gross_pay") >= 0.9 and s.field_accuracy("net_pay") >= 0.9
