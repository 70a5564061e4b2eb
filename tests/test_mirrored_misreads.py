"""Two misread figures of different rows can mirror each other in their columns: a fix that moves a row's
surely read figures only so that the columns add up must not go out unflagged (E dev 505 page 7, hard). No OCR."""

from __future__ import annotations

from decimal import Decimal

from ocr import checks
from ocr.checks import RowDraft

FIELDS = ["base_pay", "gross_pay", "deductions", "net_pay"]  # no additional-pay column
TRUE = [
    ("209.05", "209.05", "37.21", "171.84"),
    ("140.22", "140.22", "14.87", "125.35"),
    ("249.44", "249.44", "35.42", "214.02"),
    ("148.92", "148.92", "29.63", "119.29"),
]


def _silent(rows: list[RowDraft]) -> list[tuple[int, str, object]]:
    return [(i, f, r.values.get(f)) for i, (r, t) in enumerate(zip(rows, TRUE, strict=True))
            for f, v in zip(FIELDS, t, strict=True) if r.values.get(f) != v and f not in r.review]  # fmt: skip


def test_a_sure_row_is_not_moved_to_close_columns_another_rows_misreads_opened():
    read = [list(t) for t in TRUE]
    read[1][2], read[1][3] = "14.89", None  # deductions misread, net unread (filled in from the row's sums)
    read[2][1] = "239.44"  # a gross read unsure beside its base
    rows = []
    for v in read:
        d = RowDraft(values={"egn": "2712286780", "name": "Любомир Христов Петров", **dict(zip(FIELDS, v, strict=True))})
        d.conf = {f: 0.94 for f in FIELDS if d.values[f] is not None}
        rows.append(d)
    rows[2].conf["gross_pay"] = 0.26
    totals = {f: str(sum(Decimal(t[i]) for t in TRUE)) for i, f in enumerate(FIELDS)}
    checks.run_checks(rows, totals, ["egn", "name", *FIELDS], 1981, 3, {})
    assert rows[2].values["gross_pay"] == "249.44"  # the unsure gross is still the base, as its row says
    assert _silent(rows) == []


ALL = ["base_pay", "extra_pay", "gross_pay", "deductions", "net_pay"]
R_TRUE = [  # R dev 10032 p8's last rows and two before them
    ("181.58", "12.71", "194.29", "32.45", "161.84"),
    ("143.80", "8.63", "152.43", "28.81", "123.62"),
    ("77.86", "26.47", "104.33", "18.68", "85.65"),
    ("89.20", "7.14", "96.34", "9.92", "86.42"),
]


def test_a_figure_moved_beside_one_filled_in_in_its_column_is_doubted():
    # a net read `86.22` for 86.42 and the deductions beside it unread (filled in `10.12` from it); another
    # row's extra and net misread, its deductions `18.68` read right: the deductions column 0.20 over, closed by
    # moving the right `18.68` to `18.48` and its net with it, every sum and column then holding
    read = [list(t) for t in R_TRUE]
    read[2][1], read[2][4] = "58.45", "85.35"
    read[3][3], read[3][4] = None, "86.22"
    rows = []
    for v in read:
        d = RowDraft(values={"egn": "2712286780", "name": "Любомир Христов Петров", **dict(zip(ALL, v, strict=True))})
        d.conf = {f: 0.95 for f in ALL if d.values[f] is not None}
        rows.append(d)
    rows[2].conf.update(extra_pay=0.5, net_pay=0.52)
    rows[3].conf["net_pay"] = 0.68
    totals = {f: str(sum(Decimal(t[i]) for t in R_TRUE)) for i, f in enumerate(ALL)}
    checks.run_checks(rows, totals, ["egn", "name", *ALL], 1980, 6, {})
    wrong = [(i, f, r.values.get(f)) for i, (r, t) in enumerate(zip(rows, R_TRUE, strict=True))
             for f, v in zip(ALL, t, strict=True) if r.values.get(f) != v and f not in r.review]  # fmt: skip
    assert wrong == []
