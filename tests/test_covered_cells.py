"""A slip or label lying over a ruled table (family Y): the cells whose rules it cuts go to a person unless read
surely; a rule the grid only inferred (missing across the whole table) or a page of faint rules says nothing."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np

from ocr import checks, covered_cells
from ocr.geometry import Grid

XS = [100, 300, 500, 700, 900]
YS = [100, 200, 300, 400, 500, 600, 700]  # the heading, five people's rows


def _page(mask: np.ndarray) -> Any:
    """What ``covered`` looks at: the grid and the rule mask."""
    return SimpleNamespace(grid=Grid(XS, YS, ruled=True), rules=SimpleNamespace(mask=mask))


def _ruled() -> np.ndarray:
    mask = np.zeros((800, 1000), np.uint8)
    for x in XS:
        mask[YS[0] : YS[-1] + 1, x - 1 : x + 2] = 255
    for y in YS:
        mask[y - 1 : y + 2, XS[0] : XS[-1] + 1] = 255
    return mask


def test_a_slip_over_two_cells_covers_them() -> None:
    mask = _ruled()
    mask[320:480, 350:650] = 0  # a slip over grid rows 2-3 of columns 1-2, cutting the rules between them
    cells = covered_cells.covered(_page(mask), [1, 2, 3, 4, 5])
    assert cells == {(2, 1), (2, 2), (3, 1), (3, 2)}  # the rows and columns away from it keep their cells


def test_a_rule_missing_across_the_table_is_no_cover() -> None:
    mask = _ruled()
    mask[395:406, :] = 0  # the grid's row rule at 400 inferred, not drawn
    assert covered_cells.covered(_page(mask), [1, 2, 3, 4, 5]) == set()


def test_covered_figures_go_to_review_unless_read_surely() -> None:
    mask = _ruled()
    mask[320:480, 350:650] = 0
    kinds: list[str | None] = ["name", "days_worked", "net_pay", None]
    drafts = [checks.RowDraft(values={"name": "Иван Петров", "days_worked": 22, "net_pay": "100.00"},
                              conf={"name": 0.95, "days_worked": 0.95, "net_pay": 0.95}) for _ in range(5)]  # fmt: skip
    drafts[1].conf["days_worked"] = 0.0  # `6` read beside the slip's edge
    drafts[2].values["net_pay"] = None  # nothing read under it
    covered_cells.doubt_covered(_page(mask), [1, 2, 3, 4, 5], None, kinds, drafts)
    assert "days_worked" in drafts[1].review and "net_pay" in drafts[2].review
    assert "net_pay" not in drafts[1].review and "days_worked" not in drafts[2].review  # read surely: they stand
    assert not drafts[0].review and not drafts[3].review and not drafts[4].review


def test_no_day_worked_beside_a_doubted_pay_is_doubted() -> None:
    """`0` read for 22 beside a label, the row's money in review for its sum: the days go to a person too."""
    from ocr import plausibility

    rows = [checks.RowDraft(values={"days_worked": 22, "base_pay": "300.00", "gross_pay": "300.00"}) for _ in range(4)]
    rows[3].values["days_worked"] = 0
    rows[3].review.add("base_pay", checks.ROW_SUM)
    plausibility.cross_check(rows, ["days_worked", "base_pay", "gross_pay"], 1985, 3)
    assert "days_worked" in rows[3].review
    assert not any("days_worked" in r.review for r in rows[:3])
