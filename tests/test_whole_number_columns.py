"""Columns that are no payroll-page/1 field (issue 9, family J): a personnel number (``Таб. №``) or the
hours worked, whole numbers among amounts typed with a decimal separator, are no money column; a sheet
typed in stotinki (no separator anywhere) keeps its columns."""

from __future__ import annotations

from ocr import columns

ROWS = [  # tab no, egn, days, hours, gross, deductions, net
    ("1297", "6202185690", "12", "92", "153.40", "20.86", "132.54"),
    ("1393", "3402202171", "21", "168", "141.85", "13.19", "128.66"),
    ("1283", "4709282232", "21", "164", "153.50", "29.01", "124.49"),
    ("1461", "5501246871", "21", "168", "1,322.69", "70.35", "1,252.34"),
    ("1319", "6605098485", "21", "168", "193.86", "24.43", "169.43"),
]


def _body(rows: list[tuple[str, ...]]) -> list[list[str]]:
    return [[str(i + 1), "Иван Петров Иванов", *r] for i, r in enumerate(rows)]


HEADS = ["", "", "", "", "", "", "", "", ""]


def test_a_personnel_number_and_the_hours_are_no_money() -> None:
    kinds = columns.identify(_body(ROWS), HEADS)
    assert kinds == ["row", "name", None, "egn", "days_worked", None, "gross_pay", "deductions", "net_pay"]


def test_whole_numbers_stay_money_where_they_are_needed_for_the_sums() -> None:
    # base + extra = gross with the base typed without its separator: the sums hold only with it
    rows = [(str(i + 1), "Иван Петров Иванов", "6202185690", "21", f"{b}00", "20.00", f"{b + 20}.00")
            for i, b in enumerate((150, 141, 153, 322))]  # fmt: skip
    kinds = columns.identify([list(r) for r in rows], HEADS[:7])
    assert kinds[-3:] == ["base_pay", "extra_pay", "gross_pay"]


def test_a_sheet_in_stotinki_keeps_every_column() -> None:
    rows = [(t, e, d, h, g.replace(".", "").replace(",", ""), x.replace(".", ""), n.replace(".", "").replace(",", ""))
            for t, e, d, h, g, x, n in ROWS]  # fmt: skip
    cols = [[r[c] for r in _body(rows)] for c in range(9)]
    assert columns.whole_number_columns(cols, [2, 5, 6, 7, 8]) == []
