"""The run of people's lines on a page found by its writing alone goes on past a person's line struck darker
than the rest and past a speck hanging under a line (ocr/faint_table.py: AB dev 20009 p6, the sixteenth of 18
people's lines with ink across the sheet like a total and a speck under it, the run ended there and two people
lost, seven fields without a flag)."""

from __future__ import annotations

import numpy as np

from ocr.faint_table import rows_of_lines

W, H = 2400, 1800
CELLS = [(200, 260), (300, 700), (1100, 1200), (1600, 1700), (2100, 2200)]  # ink in 9-10 strips of 24


def _specks(img: np.ndarray, top: int, spans: list[tuple[int, int]], rng: np.random.Generator, p: float) -> None:
    for x0, x1 in spans:
        for y in range(top, top + 24, 4):
            for x in range(x0, x1, 6):
                if rng.random() < p:
                    img[y : y + 3, x : x + 3] = 0


def _sheet(rows: int, dark: int | None, hung: int | None, beside: int | None = None, over: int | None = None) -> np.ndarray:
    rng = np.random.default_rng(5)
    img = np.full((H, W), 255, np.uint8)
    for k in range(3):  # the heading
        _specks(img, 330 + 35 * k, [(200 + 160 * c, 300 + 160 * c) for c in range(13)], rng, 0.2)
    for r in range(rows):
        top = 500 + 70 * r
        _specks(img, top, CELLS if r != dark else [(200, 2250)], rng, 0.2)  # a darker line: ink across
        if r == hung:
            img[top + 27 : top + 52, 900:960] = 0  # a speck of the film hanging under it
        if r == over:
            img[top - 22 : top + 2, 900:960] = 0  # a speck of the film over it, joined to it
        if r == beside:
            img[top + 32 : top + 42, 900:1300] = 0  # a scratch's piece under it, a line of its own
    for _ in range(2):  # the total, double-struck
        _specks(img, 500 + 70 * rows + 20, [(300, 700), (1000, 2250)], rng, 0.2)
    return img


def test_a_persons_line_inked_across_the_sheet_ends_no_run_with_people_under_it() -> None:
    assert len(rows_of_lines(_sheet(14, None, None) < 128)) == 14
    assert len(rows_of_lines(_sheet(14, 10, None) < 128)) == 14


def test_a_speck_hanging_under_a_persons_line_keeps_it_on_the_pitch() -> None:
    assert len(rows_of_lines(_sheet(14, None, 10) < 128)) == 14


def test_a_speck_over_a_persons_line_struck_darker_keeps_it_on_the_pitch() -> None:
    """AB dev 20017 p1 and p4: a speck over a person's line, the line taken from its top, off the pitch by a third
    of a line; struck darker (ink across the sheet like a total's), it ended the run: four people of 15 and of
    16 lost without a flag. The line is cut to the type's height from its foot, on the pitch."""
    assert len(rows_of_lines(_sheet(14, 3, None, over=3) < 128)) == 14
    assert len(rows_of_lines(_sheet(14, 10, 10) < 128)) == 14  # a speck under it: from its top, as before


def test_a_page_whose_grid_read_nothing_gives_way_to_more_lines_of_writing() -> None:
    """AB dev 20009 p7: a grid of 18 empty bands over 21 people, nothing read on any: the lines show all."""
    from archive_core.records import PageReview, PayrollPage, PayrollRow
    from ocr.faint_table import TABLE_UNFOUND, instead_of_unread
    from ocr.rows_below import NOTHING_READ

    rows = [PayrollRow(bbox=[0, 600 + 90 * k, 2400, 680 + 90 * k], review=["name"]) for k in range(9)]
    read = PayrollPage(image="p.png", rows=rows, page_review=PageReview(reason=NOTHING_READ, detail="9"))
    out = instead_of_unread(read, _sheet(14, None, None), 300, "p.png")
    assert len(out.rows) == 14 and out.page_review is not None and out.page_review.reason == TABLE_UNFOUND
    read.page_review = None  # something read on the page: as read
    assert instead_of_unread(read, _sheet(14, None, None), 300, "p.png") is read


def test_a_specks_line_just_under_a_persons_line_ends_no_run() -> None:
    """AB dev 20009 p6 (at 200 dpi): a scratch's piece under the 17th person's line, a line of its own half a
    pitch under it, ended the run there: the 18th person lost, seven fields without a flag."""
    assert len(rows_of_lines(_sheet(14, None, None, 10) < 128)) == 14
