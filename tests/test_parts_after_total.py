"""Itemised deductions printed after their total (issue 9, family K: `Всичко удържано`, then the tax and
the insurance, then the net pay): the total is the deductions, the items are its parts, not the other way."""

from __future__ import annotations

from ocr import columns

ROWS = [  # gross, deductions, tax, insurance, net
    ("1098.72", "205.46", "150.12", "55.34", "893.26"),
    ("967.45", "145.12", "100.00", "45.12", "822.33"),
    ("850.57", "141.19", "99.19", "42.00", "709.38"),
    ("1200.00", "180.00", "120.00", "60.00", "1020.00"),
]


def test_the_items_after_their_total_are_parts() -> None:
    body = [[str(i + 1), "Иван Петров Иванов", "6202185690", "21", *r] for i, r in enumerate(ROWS)]
    kinds = columns.identify(body, [""] * 9)
    assert kinds[4:] == ["gross_pay", "deductions", columns.PART, columns.PART, "net_pay"]


def test_the_items_before_their_total_still_are() -> None:
    body = [[str(i + 1), "Иван Петров Иванов", "6202185690", "21", g, t, n, d, net]
            for i, (g, d, t, n, net) in enumerate(ROWS)]  # fmt: skip
    kinds = columns.identify(body, [""] * 9)
    assert kinds[4:] == ["gross_pay", columns.PART, columns.PART, "deductions", "net_pay"]
