"""Days worked settled by the day's rate printed beside them (family K's `Надник`, `Дневна ставка`: pay / days
to the stotinka), ocr/day_rate.py. Rows as K dev 3001 p8 read them: a typewriter whose `1` the digits model
reads as `4`."""

from __future__ import annotations

from ocr import checks
from ocr.day_rate import implied_days, settle_days

KINDS = ["row", "name", "egn", "days_worked", None, "gross_pay", "deductions", "net_pay"]


def _row(n: int, days: int, alts: list[int], rate: str, gross: str, doubt: str | None = None) -> tuple[checks.RowDraft, list[str]]:
    d = checks.RowDraft(values={"row": n, "name": "ГЪРКОВА Снежана Петрова", "days_worked": days, "gross_pay": gross})
    d.alts["days_worked"] = list(alts)
    if doubt:
        d.review.add("days_worked", doubt)
    return d, [str(n), "ГЪРКОВА Снежана Петрова", "3104151257", str(days), rate, gross.replace(".", ","), "", ""]


def _page(*rows: tuple[checks.RowDraft, list[str]]) -> tuple[list[checks.RowDraft], list[list[str]]]:
    return [r[0] for r in rows], [r[1] for r in rows]


def test_days_two_models_misread_are_settled_by_the_rate_and_the_pay() -> None:
    drafts, texts = _page(
        _row(1, 2, [2], "106,83", "213.66"),
        _row(2, 24, [2], "127,26", "2672.39", checks.READINGS_DISAGREE),  # 21: `24` and `2`
        _row(3, 24, [2], "87,36", "1834.59", checks.READINGS_DISAGREE),
        _row(4, 24, [24], "155,47", "3264.94"),  # both models read 24: was out wrong without a flag
        _row(5, 24, [2], "145,28", "3050.94", checks.READINGS_DISAGREE),
    )
    settle_days(drafts, KINDS, texts)
    assert [d.values["days_worked"] for d in drafts] == [2, 21, 21, 24, 21]
    assert [d.review.reasons.get("days_worked") for d in drafts] == [None, None, None, checks.OUT_OF_RANGE, None]


def test_days_stay_in_review_where_the_rate_does_not_settle_them() -> None:
    drafts, texts = _page(
        _row(1, 2, [2], "106,83", "213.66"),
        _row(2, 24, [2], "127,26", "2672.39"),
        _row(3, 21, [21], "87,36", "1834.59"),
        _row(4, 24, [2], "81,44", "1709.71", checks.READINGS_DISAGREE),  # the rate misread (81,41): no whole days
        _row(5, 13, [18], "145,28", "3050.94", checks.READINGS_DISAGREE),  # 21 is neither reading misread once
        _row(6, 24, [2], "145,28", "3050.94", checks.READINGS_DISAGREE),  # the pay in doubt
    )
    drafts[5].review.add("gross_pay", checks.ROW_SUM)
    settle_days(drafts, KINDS, texts)
    assert [d.values["days_worked"] for d in drafts[3:]] == [24, 13, 24]
    assert all(d.review.reasons.get("days_worked") == checks.READINGS_DISAGREE for d in drafts[3:])


def test_a_column_is_the_rate_only_where_it_proves_itself() -> None:
    # a column of figures that are no rate (a class, another amount): pay / figure no whole number of days
    drafts, texts = _page(
        _row(1, 21, [21], "12,00", "213.66"),
        _row(2, 24, [2], "10,50", "2672.39", checks.READINGS_DISAGREE),
        _row(3, 21, [21], "87,36", "1834.59"),
        _row(4, 21, [21], "155,47", "3264.94"),
    )
    assert implied_days(drafts, KINDS, texts) is None
    settle_days(drafts, KINDS, texts)
    assert drafts[1].values["days_worked"] == 24 and "days_worked" in drafts[1].review
