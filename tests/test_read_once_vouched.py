"""A row whose sums hold, every figure read alike by both models but one that a sum of the row ties to
figures read twice alike, is not held to a column another row's misread keeps from adding up (issue 9,
review load: H dev 802 p1, deductions `448.52` read `48.52` the second time, gross and net read twice alike,
the row's four right figures in review). Two figures read once keep the row in doubt: they may be
misread alike so that the sum still holds."""

from __future__ import annotations

from ocr import checks

FOUR = ("base_pay", "gross_pay", "deductions", "net_pay")  # a sheet without additional pay
ROWS = [
    ("2184.71", "2184.71", "382.32", "1802.39"),
    ("2548.43", "2548.43", "448.52", "2099.91"),  # its deductions read `48.52` the second time
    ("1453.72", "1453.72", "164.31", "1289.41"),
    ("3022.04", "3062.07", "545.60", "2476.44"),  # the culprit: its gross misread (3022.04)
]
TOTALS = {"base_pay": "9208.90", "gross_pay": "9208.90", "deductions": "1540.75", "net_pay": "7668.15"}


def _page(**second: str) -> list[checks.RowDraft]:
    """The rows as ``checks.check_totals`` leaves them: the gross column, trusted (its total obeys the
    totals' sums) and not adding up, sent to review on every row; the culprit's row sums fail."""
    rows = []
    for i, vals in enumerate(ROWS):
        r = checks.RowDraft(values={"name": "Иван Петров Иванов", **dict(zip(FOUR, vals, strict=True))})
        for f in FOUR:
            r.conf[f] = 0.9
            r.alts[f] = [second[f] if i == 1 and f in second else r.values[f]]
        if i == 3:
            r.review.update(FOUR, reason=checks.ROW_SUM)
        else:
            r.review.add("gross_pay", checks.COLUMN_TOTAL)
        rows.append(r)
    checks.clear_doubly_vouched(rows, TOTALS, list(FOUR), {})
    return rows


def test_a_row_holding_its_sums_with_one_figure_read_once_is_not_held_to_the_culprits_column():
    rows = _page(deductions="48.52")
    assert not set(FOUR) & rows[1].review
    assert not set(FOUR) & rows[0].review  # (read twice alike: cleared as before)
    assert "gross_pay" in rows[3].review


def test_a_row_with_two_figures_read_once_keeps_its_doubt():
    rows = _page(deductions="48.52", net_pay="2099.97")
    assert "gross_pay" in rows[1].review
    assert not set(FOUR) & rows[0].review


def test_a_second_reading_as_long_as_the_first_keeps_the_row_in_doubt():
    rows = _page(deductions="448.57")  # another figure the cell may hold, not a glyph lost
    assert "gross_pay" in rows[1].review
