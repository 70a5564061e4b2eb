"""A row whose sums hold on a page whose figures were misread nearly everywhere (family R, the stotinki typed
raised and read wrong on most rows): its sums holding is weak evidence. The same misreading of the raised
stotinki that broke the other rows' sums can leave a row's sum holding, both its gross and its net pay off by
the same stotinki (R dev 10072 p1: `414.22` and `338.82` for 414.29 and 338.89, the deductions read right;
eight of the nine rows' sums failed, the totals misread: 2 figures wrong without a flag).

Where three rows in four or more (``SHARE``, of ``MIN_ROWS`` rows at the least) hold a gross, deductions or
net pay figure in doubt, the other rows' money figures go to review too, the page's reason (the page as a
whole not believable); a column that adds up to the `Всичко` row's figure proves its figures and is left.
On the dev pages of families K, L, P, R, S and T (about 2,300 fields) this flagged 21 figures read right and
the 2 read wrong."""

from __future__ import annotations

from . import checks

SUMS = ("gross_pay", "deductions", "net_pay")  # the sum net = gross - deductions, doubted on a row
MONEY = ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")
SHARE = 0.75
MIN_ROWS = 4


def doubt_rows_beside_misread(
    drafts: list[checks.RowDraft], totals: dict[str, str], present: list[str], carried: dict[str, str] | None
) -> None:
    rows = [d for d in drafts if any(d.values.get(f) is not None for f in MONEY)]
    doubted = [d for d in rows if any(f in d.review for f in SUMS)]
    if len(rows) < MIN_ROWS or len(doubted) < SHARE * len(rows):
        return
    columns = [f for f in MONEY if f in present and not checks._adds_up(drafts, totals, f, carried)]
    ids = {id(d) for d in doubted}
    for d in rows:
        if id(d) in ids:
            continue
        for f in columns:
            if d.values.get(f) is not None and f not in d.review:
                d.review.add(f, checks.PAGE_PLAUSIBILITY)
