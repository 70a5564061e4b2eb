"""Review flags name their reason and region; a page whose money is not believable goes to a person as a
page (issue 9). No OCR here: the checks run on drafts as the reader makes them."""

from __future__ import annotations

from archive_core.records import PageReview, PayrollPage, PayrollRow
from ingest.records import person_months
from ocr import checks, plausibility
from ocr.checks import RowDraft

PRESENT = ["egn", "name", "gross_pay", "deductions", "net_pay"]


def _row(gross: str, ded: str, net: str) -> RowDraft:
    d = RowDraft(values={"egn": None, "name": "Иван Петров Георгиев", "gross_pay": gross, "deductions": ded,
                         "net_pay": net})  # fmt: skip
    d.conf = {k: 0.9 for k in d.values}
    d.boxes = {"gross_pay": [100, 200, 180, 240], "net_pay": [300, 200, 380, 240]}
    return d


def test_every_flag_names_its_reason():
    rows = [_row("245.60", "29.47", "216.13"), _row("245.60", "29.47", "219.13"), _row("245.60", "29.47", "216.13")]
    checks.run_checks(rows, {"gross_pay": "736.80"}, PRESENT, 1985, 3, {})
    assert rows[0].review.reasons == {"egn": checks.UNREADABLE}
    # the second row's sum fails and no single slip explains it uniquely
    assert rows[1].review.reasons["net_pay"] in (checks.ROW_SUM, checks.COLUMN_TOTAL)
    assert set(rows[1].review.reasons) == set(rows[1].review)


def test_amounts_a_hundred_times_too_small_fail_the_page_against_the_totals():
    # "1 468.02" read as 14.68 on every row: row sums hold, the printed total does not
    rows = [_row("14.68", "1.76", "12.92") for _ in range(5)]
    doubt = plausibility.check(rows, {"gross_pay": "7340.10"}, PRESENT, 1993, 5)
    assert doubt is not None and doubt.reason == checks.PAGE_PLAUSIBILITY and "100" in doubt.detail


def test_pay_impossible_for_the_year_fails_the_page_without_totals():
    rows = [_row("14.68", "1.76", "12.92") for _ in range(5)]
    doubt = plausibility.check(rows, {}, PRESENT, 1993, 5)
    assert doubt is not None and "1993" in doubt.detail
    plausibility.send_page_to_review(rows, PRESENT)
    assert all(r.review.reasons["gross_pay"] == checks.PAGE_PLAUSIBILITY for r in rows)


def test_pay_no_year_could_pay_fails_the_page_with_the_period_unread():
    """R dev 10018 p2-p3: whole leva (`1 877`) read as stotinki on every row (18.77), the printed totals
    read alike, the period unread: nothing looked at the pay and 28 figures a page went out wrong unflagged.
    Pay under a quarter of any year's minimum wage is misread whatever the year; ordinary pay still passes."""
    rows = [_row("18.77", "4.47", "14.30"), _row("16.16", "3.07", "13.09"), _row("25.46", "4.79", "20.67")]
    doubt = plausibility.check(rows, {}, PRESENT, None, None)
    assert doubt is not None and doubt.reason == checks.PAGE_PLAUSIBILITY and "18.77" in doubt.detail
    found = plausibility.facts(doubt.detail)
    assert found is not None and found["kind"] == "wage" and found["year"] == "1980–1996"
    assert plausibility.check([_row("245.60", "29.47", "216.13")] * 4, {}, PRESENT, None, None) is None
    assert plausibility.check([_row("18770.00", "4470.00", "14300.00")] * 4, {}, PRESENT, None, None) is None


def test_ordinary_pay_passes():
    rows = [_row("2468.02", "296.16", "2171.86") for _ in range(5)]
    assert plausibility.check(rows, {"gross_pay": "12340.10"}, PRESENT, 1993, 5) is None
    assert plausibility.check([_row("245.60", "29.47", "216.13")] * 4, {}, PRESENT, 1985, 3) is None


def test_reasons_reach_the_records_and_old_readers_still_see_a_list():
    page = PayrollPage.model_validate(
        {
            "image": "p.png",
            "period": {"year": 1993, "month": 5},
            "rows": [{"row": 1, "gross_pay": "14.68", "review": ["gross_pay"],
                      "review_reasons": {"gross_pay": {"reason": "page_plausibility", "bbox": [1, 2, 3, 4]}}}],
            "page_review": {"reason": "page_plausibility", "detail": "x"},
        }
    )  # fmt: skip
    again = PayrollPage.model_validate_json(page.to_json())
    assert again.rows[0].review == ["gross_pay"] and again.page_review == PageReview(reason="page_plausibility", detail="x")
    [pm] = person_months(again, page_sha256="a" * 64, employer=None, file_no=None, box=None)
    assert pm.review == ["gross_pay"]
    assert pm.review_reasons["gross_pay"].reason == "page_plausibility"
    assert pm.review_reasons["gross_pay"].bbox == [1, 2, 3, 4]
    # a reader of plain payroll-page/1 ignores the extension
    assert PayrollRow.model_validate({"row": 1, "review": ["name"]}).review_reasons is None


def _numbered(read: list[int | None]) -> list[RowDraft]:
    rows = [RowDraft(values={"row": v}) for v in read]
    checks.number_rows(rows)
    return rows


def test_printed_row_numbers_are_read_not_counted():
    # the sheet starts at 14 (a month's second sheet); one number unreadable
    rows = _numbered([14, 15, None, 17, 18])
    assert [r.values["row"] for r in rows] == [14, 15, 16, 17, 18] and not any(r.review for r in rows)


def test_a_lost_row_keeps_the_rows_below_on_their_printed_numbers():
    # row 3 was lost (or merged): the rows below keep the numbers printed on them and the jump is flagged
    rows = _numbered([1, 2, 4, 5, 6])
    assert [r.values["row"] for r in rows] == [1, 2, 4, 5, 6]
    assert rows[1].review.reasons.get("row") == checks.ROW_NUMBER
    assert rows[2].review.reasons.get("row") == checks.ROW_NUMBER
    assert not rows[0].review and not rows[4].review


def test_a_comma_read_as_a_digit_is_undone_only_on_request():
    from ocr.sheet import _separator_as_digit

    assert _separator_as_digit("2635 94") == "263.94"  # '263,94' with the comma read as 5
    assert _separator_as_digit("263,94") == "263,94"  # a separator seen: the reading stands
    assert _separator_as_digit("282,47\n212,47") == "282,47\n212,47"  # a correction: left alone


def test_a_blank_figure_of_a_column_the_sheet_has_goes_out_unreadable_not_as_nothing_paid():
    """No sum could fill it and no check left a doubt on it: blank, it would read as "not on the sheet"."""
    from ocr.checks import UNREADABLE, RowDraft, flag_blank_money

    d = RowDraft(values={"name": "Иван Петров Иванов", "gross_pay": "120.00", "deductions": None, "net_pay": None})
    flag_blank_money([d], ["name", "gross_pay", "deductions", "net_pay"])
    assert d.review.reasons == {"deductions": UNREADABLE, "net_pay": UNREADABLE}
    assert "base_pay" not in d.review  # no base pay column on the sheet
