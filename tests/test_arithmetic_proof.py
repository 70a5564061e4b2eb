"""A money figure its row's sums and every column of those sums (against the printed `Всичко`) prove leaves
review when its only doubts were about its reading (ocr/arithmetic_proof.py); a figure wrong, or doubted
for what the arithmetic cannot answer, stays."""

from __future__ import annotations

from archive_core.records import PageReview, PayrollPage, PayrollRow, ReviewReason
from ocr import arithmetic_proof, checks

MONEY = checks.MONEY
ROWS = [("200.00", "20.00", "220.00", "22.00", "198.00"), ("150.50", "0.00", "150.50", "15.05", "135.45"),
        ("310.10", "12.30", "322.40", "40.00", "282.40")]  # fmt: skip


def _totals(rows: list[tuple[str, ...]]) -> dict[str, str]:
    from decimal import Decimal

    return {f: f"{sum(Decimal(r[i]) for r in rows):.2f}" for i, f in enumerate(MONEY)}


def _drafts(rows: list[tuple[str, ...]]) -> list[checks.RowDraft]:
    return [checks.RowDraft(values={"name": f"Човек {i}", **dict(zip(MONEY, r, strict=True))}) for i, r in enumerate(rows)]


def test_a_right_figure_doubted_for_its_reading_goes_out_where_sums_and_totals_prove_it():
    drafts = _drafts(ROWS)
    drafts[1].review.add("base_pay", checks.LOW_CONFIDENCE)
    drafts[1].review.add("gross_pay", checks.ROW_SUM)
    drafts[2].review.add("net_pay", checks.READINGS_DISAGREE)
    drafts[2].review.add("name", checks.LOW_CONFIDENCE)  # a name is no figure: stays
    assert arithmetic_proof.clear_proven_drafts(drafts, _totals(ROWS)) == 3
    assert set(drafts[1].review) == set() and set(drafts[2].review) == {"name"}


def test_a_wrong_figure_stays_its_row_sum_or_its_column_breaks():
    rows = [list(r) for r in ROWS]
    rows[1][0] = "150.80"  # read wrong: the row's gross = base + extra fails, the base column misses 0.30
    drafts = _drafts([tuple(r) for r in rows])
    for f in MONEY:
        drafts[1].review.add(f, checks.ROW_SUM)
    # net = gross - deductions holds, their columns close: the gross, deductions and net are proven
    assert arithmetic_proof.clear_proven_drafts(drafts, _totals(ROWS)) == 3
    assert set(drafts[1].review) == {"base_pay", "extra_pay"}


def test_compensating_misreadings_in_one_column_prove_nothing_where_a_row_sum_breaks():
    rows = [list(r) for r in ROWS]
    rows[0][3], rows[0][4] = "23.00", "197.00"  # deductions +1 and net -1: row 0's sum holds
    rows[1][3] = "14.05"  # deductions -1: the column closes again, row 1's net = gross - deductions fails
    drafts = _drafts([tuple(r) for r in rows])
    for i in (0, 1):
        drafts[i].review.update(["deductions", "net_pay"], reason=checks.LOW_CONFIDENCE)
    arithmetic_proof.clear_proven_drafts(drafts, _totals(ROWS))
    assert {"deductions", "net_pay"} <= set(drafts[1].review)
    assert {"deductions", "net_pay"} <= set(drafts[0].review)  # the net column does not close (197 for 198)


def test_doubts_the_arithmetic_cannot_answer_stay():
    drafts = _drafts(ROWS)
    drafts[0].review.add("base_pay", checks.DITTO)
    drafts[0].review.add("extra_pay", checks.LOW_CONFIDENCE)
    drafts[0].review.add("extra_pay", checks.COLUMN_UNCHECKED)  # a second reason, not a reading doubt
    drafts[1].review.add("gross_pay", checks.COLUMN_FILL)
    drafts[2].review.add("net_pay", checks.ROW_SUM)
    drafts[2].unconfirmed.add("net_pay")  # filled in from the total itself
    assert arithmetic_proof.clear_proven_drafts(drafts, _totals(ROWS)) == 0


def test_no_total_printed_or_a_figure_blank_proves_nothing():
    drafts = _drafts(ROWS)
    drafts[0].review.add("base_pay", checks.LOW_CONFIDENCE)
    totals = _totals(ROWS)
    del totals["base_pay"]
    assert arithmetic_proof.clear_proven_drafts(drafts, totals) == 0
    rows = [list(r) for r in ROWS]
    rows[2][1] = None  # type: ignore[call-overload]
    drafts = _drafts([tuple(r) for r in rows])
    drafts[0].review.add("base_pay", checks.LOW_CONFIDENCE)
    assert arithmetic_proof.clear_proven_drafts(drafts, _totals(ROWS)) == 0


def test_a_page_in_review_as_a_whole_is_left_as_it_is():
    rows = [PayrollRow(**dict(zip(MONEY, r, strict=True)), review=["base_pay"],
                       review_reasons={"base_pay": ReviewReason(reason=checks.LOW_CONFIDENCE)}) for r in ROWS]  # fmt: skip
    page = PayrollPage(image="x.png", rows=rows, totals=_totals(ROWS))
    page.page_review = PageReview(reason="layout_unproved")
    assert arithmetic_proof.clear_proven(page) == 0
    page.page_review = None
    assert arithmetic_proof.clear_proven(page) == 3 and not any(r.review for r in page.rows)


def test_a_page_whose_egn_show_it_not_read_in_place_keeps_its_money_in_review_unless_every_figure_is_proved():
    """A seed 5 p4's kind (`archive samples --seed 5 --pages 10`): no ЕГН read on any row, so
    checks.guard_page sent every field to review (`page_plausibility`), yet every row's sums hold and every
    column adds up to its `Всичко`: the money figures go out, the names, ЕГН and days stay."""

    def page() -> list[checks.RowDraft]:
        drafts = _drafts(ROWS)
        for d in drafts:
            d.values.update(egn=None, days_worked=22)
        checks.guard_page(drafts, ["name", "days_worked", *MONEY], [["x"] * 7 for _ in drafts], _totals(ROWS), {})
        return drafts

    drafts = page()
    assert all(d.review.reasons[f] == checks.PAGE_PLAUSIBILITY for d in drafts for f in MONEY)
    assert arithmetic_proof.clear_proven_drafts(drafts, _totals(ROWS)) == 15
    assert all(set(d.review) == {"name", "days_worked", "egn"} for d in drafts)
    drafts = page()  # one row's figures not proved (its net misread): no money figure leaves on this ground
    drafts[2].values["net_pay"] = "282.90"
    assert arithmetic_proof.clear_proven_drafts(drafts, _totals(ROWS)) == 0
    drafts = page()  # the same page's figures doubted also for another page-wide reason (whole leva?): stay
    for d in drafts:
        d.review.add("base_pay", checks.PAGE_PLAUSIBILITY)
    assert arithmetic_proof.clear_proven_drafts(drafts, _totals(ROWS)) == 12


def test_a_column_that_adds_up_because_a_step_moved_its_figures_proves_nothing():
    """e-mirrored-reconcile-two-rows' kind: two rows' figures moved mirror-wise by the column reconciling so that
    every column adds up (``column_reconcile``): the other rows' doubted figures in those columns stay."""
    drafts = _drafts(ROWS)
    drafts[0].review.add("net_pay", checks.COLUMN_RECONCILE)
    drafts[1].review.add("net_pay", checks.ROW_SUM)
    drafts[1].review.add("gross_pay", checks.LOW_CONFIDENCE)
    # the gross: its net sum's column was made to add up; gross = base + extra, columns read, proves it
    assert arithmetic_proof.clear_proven_drafts(drafts, _totals(ROWS)) == 1
    assert set(drafts[1].review) == {"net_pay"} and set(drafts[0].review) == {"net_pay"}
