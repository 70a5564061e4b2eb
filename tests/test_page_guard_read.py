"""A page where most ЕГН fail goes to review as a whole (it was likely not read: turned, two sheets, a
stranger's layout), unless the ЕГН that fail were simply not read (a stamp over their column) and the
page otherwise adds up: then only those ЕГН go to review (H dev 810 p1: 49 fields to review for four
ЕГН under a stamp)."""

from __future__ import annotations

from ocr import checks

KINDS = ["name", "egn", "gross_pay", "deductions", "net_pay"]
VALID = ["4004058538", "6406060152", "5512069607"]


def _rows(egns: list[str | None]) -> list[checks.RowDraft]:
    return [checks.RowDraft(values={"name": "Иван Петров Иванов", "egn": e, "gross_pay": "100.00",
                                    "deductions": "10.00", "net_pay": "90.00"}) for e in egns]  # fmt: skip


def _totals(n: int) -> dict[str, str]:
    return {"gross_pay": f"{100 * n}.00", "deductions": f"{10 * n}.00", "net_pay": f"{90 * n}.00"}


def test_egn_not_read_under_a_stamp_on_a_page_that_adds_up_send_only_themselves_to_review():
    rows = _rows([*VALID, None, None, None, None])
    for r in rows:
        checks.check_egn(r)
    checks.guard_page(rows, KINDS, [[""] * 5] * 7, _totals(7), {})
    assert [r.review.reasons.get("egn") for r in rows] == [None] * 3 + [checks.UNREADABLE] * 4
    assert not any("gross_pay" in r.review or "name" in r.review for r in rows)


def test_a_page_whose_columns_do_not_add_up_still_goes_to_review_as_a_whole():
    rows = _rows([*VALID, None, None, None, None])
    totals = {**_totals(7), "gross_pay": "710.00", "net_pay": "620.00"}  # one column adds up, not two
    checks.guard_page(rows, KINDS, [[""] * 5] * 7, totals, {})
    assert all(r.review.reasons.get("gross_pay") == checks.PAGE_PLAUSIBILITY for r in rows)


def test_egn_read_and_failing_their_check_digit_still_send_the_page_to_review():
    rows = _rows([*VALID, "1234567890", "1111111111", "2222222222", None])
    checks.guard_page(rows, KINDS, [[""] * 5] * 7, _totals(7), {})
    assert all(r.review.reasons.get("name") == checks.PAGE_PLAUSIBILITY for r in rows)
