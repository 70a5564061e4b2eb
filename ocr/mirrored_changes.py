"""Figures the column reconciliation moved on two rows or more: the column totals vouch only for the sum
of the moves, so two misread rows can be "mended" in mirror (E dev 506 page 7: +2 on one row's base pay,
-2 on another's gross, every row's sums and every column still holding, 6 figures wrong and no flag).
The independent evidence is the ink: each moved figure is read once more by the other model, and a move
stands only where that reading says the figure the sums made; elsewhere the figure, and the figures its
row's sums tie to it, go to a person with the step that changed them."""

from __future__ import annotations

from . import checks, sheet
from .analysis import Analysis
from .engine import OcrEngine
from .reading import second_pass

MOVED_BY = (checks.COLUMN_RECONCILE, checks.COLUMN_FILL)
# the row's sums: gross = base + extra, net = gross - deductions (without additional pay base = gross)
TIES = (("base_pay", "extra_pay", "gross_pay"), ("gross_pay", "deductions", "net_pay"))


def _moved(drafts: list[checks.RowDraft], money: list[str]) -> list[tuple[int, str]]:
    return [
        (i, f)
        for i, d in enumerate(drafts)
        for f, (reason, old) in d.changed.items()
        if reason in MOVED_BY and f in money and d.values.get(f) is not None and d.values.get(f) != old
        and f not in d.review
    ]  # fmt: skip


def doubt_mirrored_moves(
    a: Analysis, s: sheet.Sheet, kinds: list[str | None], drafts: list[checks.RowDraft], engine: OcrEngine
) -> int:
    """Read again the figures the columns' totals moved when they moved figures on two rows or more; flag
    those the ink does not confirm. How many figures were flagged."""
    money = [f for f in checks.MONEY if f in kinds]
    moved = _moved(drafts, money)
    if len({i for i, _ in moved}) < 2:
        return 0
    targets = [sheet.Target(i, f, a.grid.cell(s.body_rows[i], kinds.index(f))) for i, f in moved]
    read = second_pass(a, [(k, t.box) for k, t in enumerate(targets)], engine)
    flagged = 0
    for k, t in enumerate(targets):
        d = drafts[t.row]
        if sheet.value(t.kind, read.get(k, "")) == d.values.get(t.kind):
            continue  # the ink says what the sums made
        d.review.add(t.kind, checks.COLUMN_RECONCILE)
        flagged += 1
        for tie in TIES:
            if t.kind in tie:
                for f in tie:
                    if f in money and f not in d.review:
                        d.review.add(f, checks.ROW_SUM)
                        flagged += 1
    return flagged
