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
