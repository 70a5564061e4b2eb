"""Deductions and net pay nothing proves go to review (ocr/unproved_net.py; K dev 3016/3017)."""

from __future__ import annotations

from decimal import Decimal

from archive_api.i18n_reasons import REASON_WORDS as TEXTS
from ocr import checks, unproved_net

PRESENT = ["gross_pay", "deductions", "net_pay"]


def _row(gross: str | None, ded: str | None, net: str | None) -> checks.RowDraft:
    return checks.RowDraft(values={"gross_pay": gross, "deductions": ded, "net_pay": net})


def test_deductions_beside_unread_gross_and_net_go_to_review() -> None:
    rows = [_row("300.00", "40.00", "260.00"), _row(None, "42.95", None)]
    unproved_net.doubt_unproved(rows, {}, PRESENT, {})
    assert "deductions" in rows[1].review and rows[1].review.reasons["deductions"] == checks.UNPROVED
    assert not rows[0].review


def test_net_pay_beside_unread_deductions_goes_to_review() -> None:
    rows = [_row("246.06", None, "1.93")]
    unproved_net.doubt_unproved(rows, {}, PRESENT, {})
    assert "net_pay" in rows[0].review


def test_net_pay_beside_doubted_gross_goes_to_review() -> None:
    rows = [_row("246.06", "52.16", "193.90")]
    rows[0].review.update(["gross_pay"], reason=checks.LOW_CONFIDENCE)
    unproved_net.doubt_unproved(rows, {}, PRESENT, {})
    assert {"deductions", "net_pay"} <= set(rows[0].review)


def test_parts_or_column_total_prove_the_figure() -> None:
    by_parts = _row(None, "42.35", None)
    by_parts.parts = [Decimal("30.00"), Decimal("12.35")]
    unproved_net.doubt_unproved([by_parts], {}, PRESENT, {})
    assert not by_parts.review
    rows = [_row(None, "10.00", "90.00"), _row("50.00", "5.00", "45.00")]
    unproved_net.doubt_unproved(rows, {"net_pay": "135.00"}, PRESENT, {})
    assert "net_pay" not in rows[0].review and "deductions" in rows[0].review


def test_a_column_read_twice_proves_nothing() -> None:
    rows = [_row("258.68", "258.68", None), _row("8.08", "8.08", None)]
    unproved_net.doubt_unproved(rows, {"gross_pay": "266.76", "deductions": "266.76"}, PRESENT, {})
    assert all("deductions" in r.review for r in rows)


def test_deductions_taking_the_whole_gross_pay_go_to_review() -> None:
    whole = _row("378.36", "378.36", None)
    whole.parts = [Decimal("300.00"), Decimal("78.36")]
    nought = _row("50.00", "50.00", "0.00")
    unproved_net.doubt_unproved([whole, nought], {"deductions": "428.36"}, PRESENT, {})
    assert "deductions" in whole.review and "deductions" not in nought.review


def test_a_page_without_gross_pay_is_left_alone() -> None:
    rows = [_row(None, "42.95", None)]
    unproved_net.doubt_unproved(rows, {}, ["deductions", "net_pay"], {})
    assert not rows[0].review


def test_net_pay_where_no_deductions_column_was_found_goes_to_review() -> None:
    rows = [_row("246.06", None, "1.93"), _row("291.42", None, "2.22")]
    unproved_net.doubt_unproved(
        rows, {"gross_pay": "537.48", "net_pay": "19.35"}, ["gross_pay", "net_pay"], {}
    )
    assert all("net_pay" in r.review for r in rows)


def test_the_reason_is_worded_in_both_languages() -> None:
    assert all(f"reason.{checks.UNPROVED}" in TEXTS[lang] for lang in ("bg", "en"))


def test_a_lone_net_pay_column_of_the_deductions_size_goes_to_review_though_it_adds_up() -> None:
    # N dev 6001 p16: the net pay's column not found, the deductions' taken for it; the column adds up to its
    # printed total (the deductions' total), and no row sum can tell: every row's net pay was its deductions
    rows = [_row("265.53", None, "31.33"), _row("47.15", None, "9.38"), _row("232.39", None, "29.98")]
    present = ["gross_pay", "net_pay"]
    unproved_net.doubt_unproved(rows, {"net_pay": "70.69", "gross_pay": "545.07"}, present, {})
    assert all(r.review.reasons.get("net_pay") == checks.UNPROVED for r in rows)
    # a lone net pay of its own size stays proved by its total
    rows = [_row("265.53", None, "234.20"), _row("47.15", None, "37.77"), _row("232.39", None, "202.41")]
    unproved_net.doubt_unproved(rows, {"net_pay": "474.38", "gross_pay": "545.07"}, present, {})
    assert not any(r.review for r in rows)


def test_a_column_adding_up_proves_no_figure_the_other_model_read_otherwise_beside_a_doubted_sum() -> None:
    # T dev 12021 p4: deductions `3.35` (33.15, so read by the other model) beside a gross `23.54` and a net
    # `20.19` misread to keep the row's sum, both in doubt; the column added up through a stray line's figures
    rows = [_row("235.14", "33.15", "201.99"), _row("23.54", "3.35", "20.19"), _row("100.00", "29.80", "70.20")]
    rows[1].alts["deductions"] = [Decimal("33.15")]
    rows[1].review.update(["gross_pay", "net_pay"], reason=checks.PAGE_PLAUSIBILITY)
    rows[2].review.update(["gross_pay", "net_pay"], reason=checks.PAGE_PLAUSIBILITY)
    totals = {"deductions": "66.30"}  # 33.15 + 3.35 + 29.80: the column adds up
    unproved_net.doubt_unproved(rows, totals, PRESENT, {})
    assert "deductions" in rows[1].review and rows[1].review.reasons["deductions"] == checks.UNPROVED
    assert "deductions" not in rows[0].review and "deductions" not in rows[2].review  # read once: the column proves
