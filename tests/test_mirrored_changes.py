"""A column total's move that the row's own two readings contradict goes to a person (E506 p7)."""

from __future__ import annotations

from ocr import checks, mirrored_changes

PRESENT = ["base_pay", "gross_pay", "deductions", "net_pay"]


def _row(values: dict[str, str], changed: dict[str, str], conf: float = 0.9) -> checks.RowDraft:
    d = checks.RowDraft(values=dict(values), conf={f: conf for f in values})
    d.changed = {f: (checks.COLUMN_RECONCILE, old) for f, old in changed.items()}
    return d


def test_a_move_against_a_digit_both_twin_cells_read_alike_is_flagged_with_what_the_same_totals_gave():
    culprit = _row({"base_pay": "1568.79", "gross_pay": "1568.79", "deductions": "310.22", "net_pay": "1258.57"},
                   {"base_pay": "1566.79", "gross_pay": "1566.89"})  # fmt: skip
    mirror = _row({"base_pay": "1434.42", "gross_pay": "1434.42", "deductions": "231.27", "net_pay": "1203.15"},
                  {"gross_pay": "1436.48"})  # fmt: skip
    bystander = _row(
        {"base_pay": "900.00", "gross_pay": "900.00", "deductions": "100.00", "net_pay": "800.00"}, {}
    )
    assert mirrored_changes.doubt_moves_against_ink([culprit, mirror, bystander], PRESENT) > 0
    assert {"base_pay", "gross_pay", "net_pay"} <= culprit.review
    assert culprit.review.reasons["base_pay"] == checks.COLUMN_RECONCILE
    assert {"gross_pay", "net_pay"} <= mirror.review
    assert not bystander.review


def test_a_move_the_twin_cell_reads_as_well_stands():
    d = _row({"base_pay": "2885.45", "gross_pay": "2885.45", "deductions": "300.00", "net_pay": "2585.45"},
             {"gross_pay": "2985.45"})  # fmt: skip
    assert mirrored_changes.doubt_moves_against_ink([d], PRESENT) == 0 and not d.review
