"""A page whose people's lines left no line of their own to find, only the heading and the printed total under
the table showing, has its rows at the printer's line feed between the two (ocr/line_feed.py: AB dev 20009 p1,
nothing but grain between heading and total, the page failed "no table"; p4, a few specks a person, 18 people
read as one row, 136 fields out without a flag)."""

from __future__ import annotations

import numpy as np

from archive_core.records import SCORED_FIELDS
from ocr.faint_table import TABLE_UNFOUND, page, rows_of_lines
from ocr.line_feed import rows_between

W, H = 2400, 1800
LINE = 35  # the heading's line feed (px)
HEAD = 330  # the heading's first line's top
FIRST = HEAD + 3 * LINE + LINE  # the first row's top: three heading lines, a rule's line


def _line(img: np.ndarray, top: int, spans: list[tuple[int, int]], rng: np.random.Generator, p: float) -> None:
    for x0, x1 in spans:
        for y in range(top, top + 24, 4):
            for x in range(x0, x1, 6):
                if rng.random() < p:
                    img[y : y + 3, x : x + 3] = 0


def _sheet(rows: int, spacing: int, specks: int) -> np.ndarray:
    """A heading of three lines and a double-struck total (ink across the sheet), between them ``rows`` people
    ``spacing`` lines apart whose type left ``specks`` specks a line, too few to show ink in any column."""
    rng = np.random.default_rng(11)
    img = np.full((H, W), 255, np.uint8)
    _line(img, 200, [(300, 900)], rng, 0.2)  # the institution
    for k in range(3):
        _line(img, HEAD + LINE * k, [(200 + 160 * c, 300 + 160 * c) for c in range(13)], rng, 0.2)
    for r in range(rows):
        top = FIRST + spacing * LINE * r
        for _ in range(specks):
            x, y = int(rng.integers(250, 2200)), top + int(rng.integers(4, 20))
            img[y : y + 3, x : x + 3] = 0
    total = FIRST + spacing * LINE * (rows - 1) + 2 * LINE  # the last row, a rule's line, the total
    _line(img, total, [(300, 700), (1000, 2250)], rng, 0.3)
    return img


def test_rows_too_faint_for_a_line_of_their_own_come_back_at_their_line_feed() -> None:
    out = page(_sheet(12, 2, 5), 300, "p.png")
    assert out is not None and out.page_review is not None and out.page_review.reason == TABLE_UNFOUND
    assert len(out.rows) == 12
    assert all(set(r.review or []) >= set(SCORED_FIELDS) for r in out.rows)
    mids = [(r.bbox[1] + r.bbox[3]) / 2 for r in out.rows if r.bbox]
    assert all(abs(m - (FIRST + 12 + 2 * LINE * k)) <= 10 for k, m in enumerate(mids))


def test_with_no_speck_between_heading_and_total_every_line_feed_is_a_row_nobody_lost() -> None:
    rows = rows_of_lines(_sheet(10, 2, 0) < 128)
    assert len(rows) >= 10
    for k in range(10):  # every person's line under a row's box
        mid = FIRST + 12 + 2 * LINE * k
        assert any(y0 <= mid <= y1 for _, y0, _, y1 in rows)


def test_no_heading_or_no_total_is_no_table_by_the_line_feed() -> None:
    ink = _sheet(10, 2, 5) < 128
    assert rows_between(ink, [(HEAD, HEAD + 24)], [20], 24) == []  # a heading of one line: no line feed to tell
    bands = [(HEAD + LINE * k, HEAD + LINE * k + 24) for k in range(3)]
    assert rows_between(ink, bands, [20, 20, 20], 24) == []  # nothing under the heading
