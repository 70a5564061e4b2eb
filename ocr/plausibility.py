"""Page-level plausibility: is this page's money believable as a whole?

Row sums cannot see a whole page misread alike (every amount a hundred times too small when the
thousands were taken for a column gap: the sums still hold). Two checks can: the printed "Всичко" row
against the rows' sums (a column off by a round factor is a misreading, not a slip), and the pay against
what pay could be in that year (``data/wages.json``: the period's minimum and average wage, data
with its source, not code). A page that fails goes to a person as a page, with the reason.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from archive_core.records import PageReview

from .checks import MONEY, PAGE_PLAUSIBILITY, RowDraft, one_edit, total_misread

WAGES = Path(__file__).with_name("data") / "wages.json"
LOW, HIGH = Decimal("0.25"), Decimal(6)  # of the minimum / of the average wage
PAY_FIELDS = ("gross_pay", "base_pay", "net_pay")  # which figure stands for a month's pay, in order


@lru_cache(maxsize=1)
def wages() -> dict[int, tuple[Decimal, Decimal]]:
    """year -> (minimum, average) monthly wage, leva of that year."""
    raw = json.loads(WAGES.read_text(encoding="utf-8"))["years"]
    return {int(y): (Decimal(str(v["minimum"])), Decimal(str(v["average"]))) for y, v in raw.items()}


def _factor(ratio: Decimal) -> int | None:
    """10, 100 or 1000 (or their inverses, negative) when ``ratio`` is within 2 % of one."""
    for k in (10, 100, 1000):
        if abs(ratio - k) <= Decimal("0.02") * k:
            return k
        if ratio > 0 and abs(1 / ratio - k) <= Decimal("0.02") * k:
            return -k
    return None


def check(
    drafts: list[RowDraft], totals: dict[str, str], present: list[str], year: int | None, month: int | None
) -> PageReview | None:
    """The reason the page's money is not believable, or None."""
    sums = {f: sum((v for v in (d.dec(f) for d in drafts) if v is not None), Decimal(0)) for f in MONEY}
    agree = [f for f in MONEY if f in present and f in totals and Decimal(totals[f]) == sums[f]]
    for f in MONEY:
        if f not in present or f not in totals:
            continue
        got = sums[f]
        total = Decimal(totals[f])
        if total_misread(totals, present, f, got) or one_edit(f"{total:.2f}", f"{got:.2f}"):
            continue  # the printed total alone was misread (a digit lost or the other totals say so)
        if len(agree) >= 2:
            continue  # other columns add up to their totals to the stotinka: the page reads right, this
            # total (often written by hand) was misread; the column check flags its figures if need be
        if got > 0 and total > 0 and (k := _factor(total / got)) is not None:
            times = f"{k} пъти по-голяма" if k > 0 else f"{-k} пъти по-малка"
            return PageReview(
                reason=PAGE_PLAUSIBILITY,
                detail=f"колона {f}: сумата „Всичко“ {total} е {times} от сбора на редовете {got}",
            )
    if year is None or year not in wages():
        return None
    low, avg = wages()[year]
    for f in PAY_FIELDS:
        if f not in present:
            continue
        vals = sorted(v for v in (d.dec(f) for d in drafts) if v is not None and v > 0)
        if len(vals) < 3:
            continue
        median = vals[len(vals) // 2]
        if median < LOW * low or median > HIGH * avg:
            return PageReview(
                reason=PAGE_PLAUSIBILITY,
                detail=(
                    f"колона {f}: средната сума {median} не е възможна заплата за {year} г. "
                    f"(минимална {low}, средна {avg} лв.; ocr/data/wages.json)"
                ),
            )
        break
    return None


def send_page_to_review(drafts: list[RowDraft], present: list[str]) -> None:
    """Every money figure of the page goes to a person, for the page's reason."""
    for d in drafts:
        for f in MONEY:
            if f in present:
                d.review.add(f, PAGE_PLAUSIBILITY)
                d.review.reasons[f] = PAGE_PLAUSIBILITY
