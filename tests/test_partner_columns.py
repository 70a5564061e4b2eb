"""A figure of a failing row sum, cleared where its column closes and a partner the columns name carries
the failure with one slip (ocr/partner_columns.py). Figures of I dev 910 p4 (`samples --family I --seed
910 --pages 4`): the gross `168.20` read for 168.21 on row 2 sent its right deductions `17.49` and net
`150.72` to review."""

from __future__ import annotations

from ocr import checks
from ocr.partner_columns import clear_partners

PRESENT = ["name", "gross_pay", "deductions", "net_pay"]
ROWS = [("284.46", "58.60", "225.86"), ("168.20", "17.49", "150.72"), ("172.58", "28.30", "144.28"),
        ("221.79", "48.79", "173.00"), ("333.65", "33.37", "300.28")]  # fmt: skip


def _page(rows: list[tuple[str, str, str]] = ROWS) -> tuple[list[checks.RowDraft], dict[str, str]]:
    drafts = []
    for i, (g, d, n) in enumerate(rows):
        r = checks.RowDraft(values={"name": f"Човек {i}", "gross_pay": g, "deductions": d, "net_pay": n},
                            conf={"gross_pay": 0.9, "deductions": 0.96, "net_pay": 0.96},
                            alts={"deductions": [d], "net_pay": [n]})  # fmt: skip
        if checks.row_relations(r.money(PRESENT))[0][0] is False:
            r.review.update(["gross_pay", "deductions", "net_pay"], reason=checks.ROW_SUM)
        drafts.append(r)
    # the printed totals, read right: the gross column is 0.01 short of its total
    totals = {"gross_pay": "1180.69", "deductions": "186.55", "net_pay": "994.14"}
    return drafts, totals


def test_a_right_figure_whose_column_closes_beside_a_partner_one_slip_off_goes_out():
    drafts, totals = _page()
    assert clear_partners(drafts, totals, PRESENT, {}) == 2
    assert set(drafts[1].review) == {"gross_pay"}  # the culprit stays


def test_no_clearing_where_the_column_does_not_close_or_no_partner_carries_the_failure():
    drafts, totals = _page()
    assert clear_partners(drafts, {**totals, "deductions": "186.56", "net_pay": "994.13"}, PRESENT, {}) == 0
    rows = list(ROWS)
    rows[1] = ("188.20", "17.49", "150.72")  # 20 leva short: no one slip of the gross or the net gives it
    drafts, totals = _page(rows)
    assert clear_partners(drafts, {**totals, "gross_pay": "1200.69"}, PRESENT, {}) == 0
    drafts, totals = _page()
    drafts[1].alts["deductions"] = ["17.40"]  # the second model reads the figure otherwise
    assert clear_partners(drafts, totals, PRESENT, {}) == 1 and "deductions" in drafts[1].review
    drafts, totals = _page()
    drafts[3].changed["deductions"] = (checks.COLUMN_RECONCILE, "48.70")  # the column was made to close
    assert clear_partners(drafts, totals, PRESENT, {}) == 1 and "deductions" in drafts[1].review


def test_two_figures_of_a_column_swapped_keep_its_total_and_clear_nothing():
    rows = list(ROWS)
    rows[1], rows[2] = ("168.21", "28.30", "150.72"), ("172.58", "17.49", "144.28")  # deductions swapped
    drafts, totals = _page(rows)
    totals["gross_pay"] = "1180.70"  # every column closes: no partner's column is off to carry the failures
    assert clear_partners(drafts, totals, PRESENT, {}) == 0
