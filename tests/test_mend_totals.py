"""A one-digit slip a row's sums mended goes to a person where its column's printed total is nearer with the
figure as read (issue 9, silent errors; AH dev 26030 p1: the additional pay `89,83` under a tape's edge read
`129.83`, the base `393,00` read right and "mended" to 353.00 so that base + extra = gross held, both out
wrong without a flag). Rows built here as the checks see them."""

from __future__ import annotations

from decimal import Decimal

from ocr import checks
from ocr.mend_totals import doubt_mends_against_totals

FIELDS = ["base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"]


def _row(base: str, extra: str, gross: str, ded: str, net: str) -> checks.RowDraft:
    return checks.RowDraft(
        values={"name": "Николай Стоянов Юруков", "base_pay": base, "extra_pay": extra, "gross_pay": gross,
                "deductions": ded, "net_pay": net},
        conf=dict.fromkeys(FIELDS, 0.9),
    )  # fmt: skip


def _page() -> list[checks.RowDraft]:
    rows = [_row("393.00", "129.83", "482.83", "181.04", "301.79"),  # the extra misread: 89.83
            _row("325.00", "67.50", "392.50", "40.17", "352.33"),
            _row("290.00", "58.00", "348.00", "35.10", "312.90")]  # fmt: skip
    for r in rows:
        checks.check_money(r, FIELDS)
    return rows


def _totals() -> dict[str, str]:
    """The sheet's `Всичко` row, typed right (the extra's 89.83 in it)."""
    return {"base_pay": "1008.00", "extra_pay": "215.33", "gross_pay": "1223.33", "deductions": "256.31",
            "net_pay": "967.02"}


def test_a_mend_its_columns_total_refuses_goes_to_review_with_the_figure_it_leaned_on():
    rows = _page()
    first = rows[0]
    assert first.values["base_pay"] == "353.00" and not first.review  # the row's sums mended the base, no doubt
    doubt_mends_against_totals(rows, _totals(), FIELDS, None)
    assert first.review.reasons.get("base_pay") == checks.COLUMN_TOTAL
    assert "extra_pay" in first.review  # the misread figure the mend copied
    assert "gross_pay" not in first.review  # its column adds up, none of it in doubt: it vouches for itself
    assert not rows[1].review and not rows[2].review


def test_a_mend_its_column_confirms_stands():
    rows = [_row("393.00", "89.83", "432.83", "181.04", "301.79"),  # the gross misread one digit off: 482.83
            _row("325.00", "67.50", "392.50", "40.17", "352.33")]  # fmt: skip
    for r in rows:
        checks.check_money(r, FIELDS)
    assert rows[0].as_read == {"gross_pay": ("432.83", "482.83")}  # mended by the row's sums
    mended = rows[0].values.copy()
    totals = {f: str(sum(Decimal(r.values[f]) for r in rows)) for f in FIELDS}  # type: ignore[arg-type]
    doubt_mends_against_totals(rows, totals, FIELDS, None)
    assert rows[0].values == mended and not rows[0].review


def test_no_total_asks_nothing():
    rows = _page()
    doubt_mends_against_totals(rows, {}, FIELDS, None)
    assert not rows[0].review


def test_a_total_misread_far_off_refuses_no_mend():
    # AH dev 26030 p4: the gross total read `2234.67` for 3232.67; a gross `82.57` read `2.57` and mended right
    # by its row's sums put the column 80.00 farther from that total, yet it is off by far more either way
    rows = [_row("68.00", "14.57", "2.57", "9.50", "73.07"),
            _row("325.00", "67.50", "392.50", "40.17", "352.33")]  # fmt: skip
    for r in rows:
        checks.check_money(r, FIELDS)
    assert rows[0].as_read == {"gross_pay": ("2.57", "82.57")}
    doubt_mends_against_totals(rows, {"gross_pay": "75.07"}, FIELDS, None)  # (475.07 printed, a digit lost)
    assert rows[0].values["gross_pay"] == "82.57" and not rows[0].review
