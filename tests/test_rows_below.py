"""Table-wide lines of ink under the grid's last rule come back as empty rows in review (ocr/rows_below.py:
U dev 13016 p3, a faxed printout's rows under a grid that ended at its heading)."""

from __future__ import annotations

import numpy as np

from archive_api.i18n_reasons import REASON_WORDS
from archive_core.records import SCORED_FIELDS
from ocr import checks
from ocr.geometry import Box, Grid
from ocr.rows_below import ROWS_UNREAD, restore_below

GRID = Grid(xs=[100, 400, 700, 1000, 1300], ys=[100, 160, 220], ruled=True)


def _page(lines: list[tuple[int, list[int]]]) -> np.ndarray:
    """A white page with grey writing 24 px tall at each (top, columns written in)."""
    page = np.full((1200, 1400), 255, np.uint8)
    for top, cols in lines:
        for c in cols:  # dot-matrix strokes in a fax's grey
            page[top : top + 24, GRID.xs[c] + 20 : GRID.xs[c] + 200 : 3] = 150
    return page


def _same(box: Box) -> list[int]:
    return box.as_list()


def _read() -> list[checks.RowDraft]:
    return [checks.RowDraft(values={"name": "Емил Цветанов Петров"}, bbox=[100, 160, 1300, 220])]


def test_rows_under_a_grid_that_ended_early_come_back_empty_and_in_review() -> None:
    drafts = _read()
    page = _page([(240 + 60 * k, [0, 1, 2, 3]) for k in range(5)])
    review = restore_below(drafts, page, GRID, _same)
    assert review is not None and review.reason == ROWS_UNREAD
    assert len(drafts) == 6 and all(set(d.review) >= set(SCORED_FIELDS) for d in drafts[1:])
    assert REASON_WORDS["bg"][f"reason.{ROWS_UNREAD}"] and REASON_WORDS["en"][f"reason.{ROWS_UNREAD}"]


def test_a_total_and_signatures_under_the_table_are_no_rows() -> None:
    drafts = _read()
    # the printed total across the table, then the amount in words and the signatures in a few columns
    page = _page([(240, [0, 1, 2, 3]), (300, [0, 1]), (400, [0, 2]), (500, [3])])
    assert restore_below(drafts, page, GRID, _same) is None
    assert len(drafts) == 1
