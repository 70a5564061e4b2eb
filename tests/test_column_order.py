"""Which money column is which when a sheet keeps them in another order (issue 9, family F): the
arithmetic binds gross, deductions and net but cannot tell the net from the deductions, nor the base
from the additional pay; the headings and then what pay looks like decide. And a signature column with
a heading of its own stays apart from the days worked beside it on an unruled sheet."""

from __future__ import annotations

import numpy as np

from ocr import columns, tables

ROWS = [  # gross, deductions, net
    ("1986.72", "347.68", "1639.04"),
    ("873.89", "103.99", "769.90"),
    ("682.38", "131.70", "550.68"),
    ("889.16", "89.81", "799.35"),
]


def body(order: tuple[int, ...]) -> list[list[str]]:
    return [[str(i + 1), f"Иван Петров Иванов {i}", "7101172269", *(r[k] for k in order)] for i, r in enumerate(ROWS)]


def test_net_before_deductions_is_read_as_such_from_its_heading():
    heads = ["№", "Име", "ЕГН", "Брутно", "Сума за изплащане", "Удръжки"]
    kinds = columns.identify(body((0, 2, 1)), heads)
    assert kinds[3:] == ["gross_pay", "net_pay", "deductions"]


def test_net_before_deductions_without_readable_headings_goes_by_the_sizes():
    kinds = columns.identify(body((0, 2, 1)), ["", "", "", "", "", ""])
    assert kinds[3:] == ["gross_pay", "net_pay", "deductions"]
    kinds = columns.identify(body((0, 1, 2)), ["", "", "", "", "", ""])
    assert kinds[3:] == ["gross_pay", "deductions", "net_pay"]  # the usual order stays the default


def test_a_headed_signature_column_is_not_folded_into_the_days_beside_it():
    ink = np.zeros((400, 600), np.uint8)
    head = (10, 40)
    bands = [(60 + 40 * i, 90 + 40 * i) for i in range(8)]
    for a, b in bands:
        ink[a:b, 20:150] = 255  # a name
        ink[a:b, 380:420] = 255  # the days, right-aligned
    ink[60:90, 470:560] = 255  # one signature thick enough to count as text
    ink[15:35, 350:420] = 255  # heading "days"
    ink[15:35, 470:560] = 255  # heading "signature"
    xs = [0, 200, 440, 600]
    assert tables._drop_empty_columns(ink, bands, xs, head) == xs
    # without a heading of its own the sparse ink is the tail of the column on its left
    ink[15:35, 470:560] = 0
    assert tables._drop_empty_columns(ink, bands, xs, head) == [0, 200, 600]


def test_net_pay_typed_first_before_the_days_and_the_gross_is_read_as_the_net():
    """P dev 8014 p1 (net, days, gross, tax, insurance, union fee, deductions, headings misread): the net
    pay was taken for the gross and the gross for the net, no row's sum held and the page went to review
    whole; the order with the net first makes every row's sum hold."""
    rows = [[str(i + 1), f"Иван Петров Иванов {i}", r[2], "22", r[0], "", "", "", r[1]] for i, r in enumerate(ROWS)]
    kinds = columns.identify(rows, [""] * 9)
    assert [kinds[2], kinds[4], kinds[8]] == ["net_pay", "gross_pay", "deductions"]
    kinds = columns.identify(body((0, 1, 2)), [""] * 6)
    assert kinds[3:] == ["gross_pay", "deductions", "net_pay"]  # the usual order still wins where it fits
