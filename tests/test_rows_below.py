"""Table-wide lines of ink under the grid's last rule come back as empty rows in review (ocr/rows_below.py:
U dev 13016 p3, a faxed printout's rows under a grid that ended at its heading)."""

from __future__ import annotations

import numpy as np

from archive_api.i18n_reasons import REASON_WORDS
from archive_core.records import SCORED_FIELDS
from ocr import checks
from ocr.geometry import Box, Grid
from ocr.rows_below import NOTHING_READ, ROWS_UNREAD, nothing_read, number_on, restore_below

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


def _faint_page(tops: list[int], cols: list[int], height: int = 16) -> np.ndarray:
    """Lines ``height`` px tall with ink in ``cols`` only (the figures too faint to leave any)."""
    page = np.full((1400, 1400), 255, np.uint8)
    for top in tops:
        for c in cols:
            page[top : top + height, GRID.xs[c] + 20 : GRID.xs[c] + 200 : 3] = 0
    return page


def test_faint_lines_under_a_heading_alone_come_back_one_row_each_slot_of_their_pitch() -> None:
    # AB dev 20009 p3: a daisy wheel's table on thin film scanned bitonal, double-spaced; the grid the heading
    # alone, read as the one row; the numbers and names of some people's lines left, the figures specks
    drafts = _read()
    tops = [330 + 100 * k for k in range(8) if k not in (0, 3, 4)]  # the first and two in the middle too faint
    page = _faint_page(tops, [0, 1, 2])
    page[1130:1160, GRID.xs[0] + 20 : GRID.xs[-1] - 20 : 2] = 0  # the printed total: ink in every column, bold
    review = restore_below(drafts, page, GRID, _same)
    assert review is not None and review.reason == ROWS_UNREAD
    assert len(drafts) == 1 + 8  # every slot from the first line's (clear of the heading) to the last line found
    assert all(set(d.review) >= set(SCORED_FIELDS) for d in drafts)  # the heading's row too
    mids = [(d.bbox[1] + d.bbox[3]) / 2 for d in drafts[1:] if d.bbox]
    assert all(abs(m - (338 + 100 * k)) <= 3 for k, m in enumerate(mids))


def test_lines_at_a_pitch_are_no_rows_under_a_table_read_nor_where_few_columns_hold_ink() -> None:
    tops = [330 + 100 * k for k in range(6)]
    three = [*_read(), *_read(), *_read()]  # three people read: the grid is the table, not its heading alone
    assert restore_below(three, _faint_page(tops, [0, 1, 2]), GRID, _same) is None
    drafts = _read()  # two columns with ink: a signature's lines, the amount in words
    assert restore_below(drafts, _faint_page(tops, [0, 2]), GRID, _same) is None and len(drafts) == 1
    drafts = _read()  # far under the heading: no table's rows
    assert restore_below(drafts, _faint_page([850 + 100 * k for k in range(5)], [0, 1, 2]), GRID, _same) is None


def test_a_page_whose_rows_read_nothing_goes_to_review_whole() -> None:
    # AB dev 20009 p7: 13 empty rows for 21 people, every field in review but the page out without a word
    empty = [checks.RowDraft(values={}, bbox=[0, 100 * k, 100, 100 * k + 90]) for k in range(5)]
    for d in empty:
        d.review.update(SCORED_FIELDS, reason=checks.UNREADABLE)
    review = nothing_read(empty)
    assert review is not None and review.reason == NOTHING_READ and review.detail == "5"
    assert REASON_WORDS["bg"][f"reason.{NOTHING_READ}"] and REASON_WORDS["en"][f"reason.{NOTHING_READ}"]
    assert nothing_read([*empty, *_read()]) is None and nothing_read([]) is None  # a name read: not so


def test_rows_under_numbered_rows_are_numbered_on_in_review() -> None:
    # AB dev 20011 p7: people 25 and 26 restored under the grid's last rule came back without a number
    def row(n: int | None, top: int) -> checks.RowDraft:
        return checks.RowDraft(values={"row": n} if n else {}, bbox=[0, top, 100, top + 70])

    drafts = [row(21 + k, 100 + 75 * k) for k in range(4)] + [row(None, 400), row(None, 475)]
    number_on(drafts)
    assert [d.values.get("row") for d in drafts] == [21, 22, 23, 24, 25, 26]
    assert all("row" in d.review for d in drafts[4:]) and "row" not in drafts[0].review
    drafts = [row(21 + k, 100 + 75 * k) for k in range(4)] + [row(None, 400), row(None, 560)]  # off the pitch
    number_on(drafts)
    assert [d.values.get("row") for d in drafts][4:] == [None, None]
