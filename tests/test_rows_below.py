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


def test_a_tall_line_goes_on_the_run_and_two_lines_run_together_are_two_rows() -> None:
    # R dev 10025 p8: a pixel face on negative film, a person's `Ц` reaching down to the line under it: the line
    # half as tall again as the others, the run cut there, five people lost
    drafts = _read()
    lines = [(240 + 60 * k, [0, 1, 2, 3]) for k in range(3)] + [(420, [0, 1, 2, 3]), (432, [0, 1, 2, 3])]
    page = _page(lines + [(480 + 60 * k, [0, 1, 2, 3]) for k in range(3)])  # a line 36 px tall at 420
    assert restore_below(drafts, page, GRID, _same) is not None
    assert len(drafts) == 1 + 3 + 1 + 3
    # two lines' writing touching (no white between): a band of two lines' pitch and a line, two rows
    drafts = _read()
    lines = [(240 + 60 * k, [0, 1, 2, 3]) for k in range(3)] + [(420 + 12 * k, [0, 1, 2, 3]) for k in range(6)]
    page = _page(lines + [(540 + 60 * k, [0, 1, 2, 3]) for k in range(3)])  # 420-504: lines at 420 and 480
    restore_below(drafts, page, GRID, _same)
    assert len(drafts) == 1 + 3 + 2 + 3


def test_a_band_far_taller_than_a_line_ends_the_run() -> None:
    drafts = _read()
    page = _page([(240 + 60 * k, [0, 1, 2, 3]) for k in range(3)] + [(420 + 8 * k, [0, 1, 2, 3]) for k in range(12)])
    restore_below(drafts, page, GRID, _same)
    assert len(drafts) == 1 + 3
