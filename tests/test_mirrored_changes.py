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


def _h802_p3(base_alt: str, gross_alt: str) -> list[checks.RowDraft]:
    """H dev 802 p3: base and gross `5290.50` and `5290.29` (a 3 read as 5 in both cells by the first model)
    moved to 3290.59 by the totals, another row's gross moved to equal its base as read."""
    culprit = _row({"base_pay": "3290.59", "gross_pay": "3290.59", "deductions": "411.32", "net_pay": "2879.27"},
                   {"base_pay": "5290.50", "gross_pay": "5290.29"})  # fmt: skip
    culprit.alts = {"base_pay": [base_alt], "gross_pay": [gross_alt]}
    other = _row({"base_pay": "2175.00", "gross_pay": "2175.00", "deductions": "206.26", "net_pay": "1968.74"},
                 {"gross_pay": "2475.02"})  # fmt: skip
    return [culprit, other]


def test_a_move_the_other_model_reads_as_made_where_the_first_read_both_twins_alike_stands():
    rows = _h802_p3("3290.50", "3290.29")  # the other model's 3, as the move; its other digits as may be
    assert mirrored_changes.doubt_moves_against_ink(rows, PRESENT) == 0
    assert not rows[0].review and not rows[1].review


def test_a_move_the_other_model_reads_as_the_first_did_there_stays_in_doubt():
    rows = _h802_p3("5290.59", "3290.29")  # the base's 5 read again: two models against the move
    assert mirrored_changes.doubt_moves_against_ink(rows, PRESENT) > 0
    assert rows[0].review.reasons["base_pay"] == checks.COLUMN_RECONCILE
    assert rows[1].review.reasons["gross_pay"] == checks.COLUMN_RECONCILE


def test_a_move_against_the_ink_the_other_model_never_read_stays_in_doubt():
    rows = _h802_p3("3290.50", "3290.29")
    rows[0].alts = {"base_pay": ["3290.50"]}  # the gross not read again
    assert mirrored_changes.doubt_moves_against_ink(rows, PRESENT) > 0 and "gross_pay" in rows[1].review
