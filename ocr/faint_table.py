"""The people's lines of a page where no table was found at all. A daisy wheel's payroll on thin 16 mm film
scanned bitonal keeps of its type a few specks a letter (AB dev 20009 p5, 20001 p8): no rule, no column the
ink lines up in, the grid not found by its rules nor by its writing, and the page failed "no table" with every
person on it lost. The lines of writing still show where the people are: runs of specks across the sheet at
the printer's line feed, white between them.

Across the width the ink spans, the lines of pixels with a little ink (``SHARE``) make the lines of writing
(pieces a few pixels apart one line); those with ink in ``rows_below.MIN_COLUMNS`` strips of ``STRIPS`` at
least are people's lines or the heading's. The longest run of them on one pitch (``rows_below.pitched_run``:
a line or a few too faint to find between two found, half the slots found at least, ``MIN_ROWS`` lines at
least) are the people's rows; a line with ink in most strips, far more than the run's (the printed total
under them), ends it. Each slot of the run comes back as a row in review (every field unreadable, the region
of its line), the page in review with a reason saying so: a person reads the sheet, nobody is lost."""

from __future__ import annotations

from statistics import median

import cv2
import numpy as np

from archive_core.records import SCORED_FIELDS, PageReview, PayrollPage

from . import checks, line_feed, sheet
from .analysis import straighten
from .geometry import Box, Grid, Transform
from .header import Header
from .rows_below import MIN_COLUMNS, NOTHING_READ, PITCH_FIT, inked_columns, pitch_of, pitched_run

TABLE_UNFOUND = "table_unfound"  # page review: no table found; the people's rows by the lines of writing alone
STRIPS = 24  # strips across the ink's width (a wide sheet's columns)
SHARE = 0.001  # of the width: a line of pixels with this much ink is on a line of writing
JOIN = 6  # px: pieces of a line of writing this close are one line
TALL = 2.5  # a line this many times the lines' median height ends a run (two lines, or a block of print)
HUNG = 1.5  # a line taller than this many times the median, not ``TALL``: the type and a speck hanging under it
MIN_ROWS = 5  # lines on the pitch at least: fewer is no table of people
TOTAL_SHARE = 0.6  # of the strips: a line with ink in this many ...
TOTAL_OVER = 1.5  # ... and this many times the run's median ends it (the printed total) ...
ON_PITCH = 2  # ... unless this many lines follow it on the rows' pitch (a person's line struck darker)


def _ink(binary: np.ndarray) -> np.ndarray:
    """The binary's ink without the blots no letter makes: taller than a fiftieth of the page (a film's edge, a
    hair), wider than a third of it (a scratch along the film), single pixels (grain)."""
    h, w = binary.shape
    n, labels, stats, _ = cv2.connectedComponentsWithStats(binary, connectivity=8)
    keep = (stats[:, cv2.CC_STAT_AREA] >= 2) & (stats[:, cv2.CC_STAT_HEIGHT] < 0.02 * h)
    keep &= stats[:, cv2.CC_STAT_WIDTH] < 0.3 * w
    keep[0] = False
    return np.asarray(keep[labels], bool)


def _lines(ink: np.ndarray, x0: int, x1: int) -> list[tuple[int, int]]:
    """The lines of writing: the runs of lines of pixels with ``SHARE`` of the width in ink, pieces ``JOIN``
    px apart or less one line, 8 px tall at least (top, bottom) each."""
    on = ink[:, x0:x1].sum(axis=1) > SHARE * (x1 - x0)
    ys = np.flatnonzero(on)
    out: list[tuple[int, int]] = []
    for y in ys.tolist():
        if out and y - out[-1][1] <= JOIN:
            out[-1] = (out[-1][0], y + 1)
        else:
            out.append((y, y + 1))
    return [(a, b) for a, b in out if b - a >= 8]


def rows_of_lines(ink: np.ndarray) -> list[tuple[int, int, int, int]]:
    """The people's rows (x0, y0, x1, y1) the lines of writing of ``ink`` (True where ink, the page upright
    and straight) show; [] when no run of ``MIN_ROWS`` lines on one pitch."""
    cols = np.flatnonzero(ink.sum(axis=0))
    if cols.size == 0:
        return []
    x0, x1 = int(np.percentile(cols, 2)), int(np.percentile(cols, 98))
    if x1 - x0 < STRIPS * 4:
        return []
    grid = Grid(xs=[int(v) for v in np.linspace(x0, x1, STRIPS + 1)], ys=[-3], ruled=False)
    clean = np.where(ink, 0, 255).astype(np.uint8)
    bands = _lines(ink, x0, x1)
    counts = [inked_columns(clean, grid, b) for b in bands]
    lines = [(b, n) for b, n in zip(bands, counts, strict=True) if n >= MIN_COLUMNS]
    if lines:  # a line with a speck or a scratch's piece hanging under it or over it: the type's height of it
        h = round(median(b - a for (a, b), _ in lines))
        lines = _typed_on_pitch(lines, h)
    slots: list[tuple[int, int]] = []
    if len(lines) >= MIN_ROWS:
        usual = median(n for _, n in lines)
        ends = _rows_on(lines, [n >= max(TOTAL_SHARE * STRIPS, TOTAL_OVER * usual) for _, n in lines])
        slots = pitched_run([b for b, _ in lines], ends, None, TALL)
    if len(slots) < MIN_ROWS:  # no row's line to find: the rows at the line feed between heading and total
        slots = line_feed.rows_between(ink, bands, counts, STRIPS)
    return [(x0, a, x1, b) for a, b in slots]


def _typed_on_pitch(lines: list[tuple[tuple[int, int], int]], h: int) -> list[tuple[tuple[int, int], int]]:
    """``lines`` with each line a speck or a scratch's piece made taller (``HUNG`` to ``TALL`` times the type's
    ``h``) cut to the type's height: from its top (a speck hanging under it), or from its foot (a speck over it)
    where only so it stands a pitch under the line above and a pitch over the line below, both lines of the
    type's height (AB dev 20017 p1: a speck over the fourth person's line, the line taken from its top, off the
    rows' pitch by a third of a line; its 15 strips of ink then looked like the printed total's, the run of people
    ended over it and four people of fifteen lost without a flag)."""
    def plain(band: tuple[int, int]) -> bool:
        return band[1] - band[0] <= HUNG * h

    pitch = pitch_of([(a + b) / 2 for (a, b), _ in lines if plain((a, b))])
    out = []
    for i, ((a, b), n) in enumerate(lines):
        if not HUNG * h < b - a <= TALL * h:
            out.append(((a, b), n))
            continue
        top, foot = (a, a + h), (b - h, b)
        if pitch is not None and 0 < i < len(lines) - 1 and plain(lines[i - 1][0]) and plain(lines[i + 1][0]):
            above, below = (sum(lines[i - 1][0]) / 2, sum(lines[i + 1][0]) / 2)

            def between(band: tuple[int, int], above: float = above, below: float = below, pitch: float = pitch) -> bool:
                m = (band[0] + band[1]) / 2
                return abs(m - above - pitch) <= PITCH_FIT * pitch and abs(below - m - pitch) <= PITCH_FIT * pitch

            if between(foot) and not between(top):
                out.append((foot, n))
                continue
        out.append((top, n))
    return out


def _rows_on(lines: list[tuple[tuple[int, int], int]], ends: list[bool]) -> list[bool]:
    """``ends`` (the lines inked across the sheet like a printed total) but those followed by ``ON_PITCH`` lines
    or more each a line feed of the rows under the one before and none of them inked so: a person's line
    struck darker, the rows go on under it (AB dev 20009 p6: the sixteenth of 18 people's lines with ink in 17
    strips, the run ended there and two people lost, seven fields without a flag). A total is followed by its
    rule's line and the signatures', off the rows' pitch."""
    mids = [(a + b) / 2 for (a, b), _ in lines]
    pitch = pitch_of(mids)
    if pitch is None:
        return ends
    out = list(ends)
    for i, end in enumerate(ends):
        nxt = range(i + 1, i + 1 + ON_PITCH)
        if end and nxt[-1] < len(lines) and not any(ends[j] for j in nxt) and all(
            abs(mids[j] - mids[j - 1] - pitch) <= PITCH_FIT * pitch for j in nxt
        ):
            out[i] = False
    return out


def page_rows(image: np.ndarray, dpi: int | None) -> tuple[list[checks.RowDraft], PageReview] | None:
    """The rows of ``rows_of_lines`` on the page as given (grey), each empty and in review, and the page's
    review; None when its lines show no table."""
    s = straighten(image, dpi=dpi)
    rows = rows_of_lines(_ink(np.asarray(s.binary, np.uint8)))
    if not rows:
        return None
    back = Transform(s.back[:2] if np.allclose(s.back[2], [0, 0, 1]) else s.back)
    drafts = []
    for x0, y0, x1, y1 in rows:
        d = checks.RowDraft(values={}, bbox=back.box_to_original(Box(x0, y0, x1, y1)))
        d.review.update(SCORED_FIELDS, reason=checks.UNREADABLE)
        drafts.append(d)
    return drafts, PageReview(reason=TABLE_UNFOUND, detail=f"{len(drafts)}")


def page(image: np.ndarray, dpi: int | None, image_name: str) -> PayrollPage | None:
    """payroll-page/1 of ``page_rows`` (no header read: a person reads it from the sheet), in review as a page;
    None when the page's lines show no table."""
    found = page_rows(image, dpi)
    if found is None:
        return None
    out = sheet.to_page(image_name, Header(), found[0], {})
    out.page_review = found[1]
    return out


def instead_of(read: PayrollPage, image: np.ndarray, dpi: int | None, image_name: str) -> PayrollPage:
    """The page's reading ``read`` (a few rows and no person in them: a grid of a film's scratches across the
    sheet, AB dev 20009 p6, one row of 18 people read) or, where its lines of writing show more rows than it
    read (``page``), those rows in review (the rows read, no person's, left out) with the header as read."""
    found = page(image, dpi, image_name)
    if found is None or len(found.rows) <= len(read.rows):
        return read
    found.employer, found.period, found.sheet = read.employer, read.period, read.sheet
    return found


def instead_of_unread(read: PayrollPage, image: np.ndarray, dpi: int | None, image_name: str) -> PayrollPage:
    """``instead_of`` for a page whose rows were found and not one field read on any (``rows_below.nothing_read``:
    every row a band of the grid, empty, in review): where its lines of writing show more rows than its grid
    did, those (AB dev 20009 p7: a thin film's grid of 18 bands over 21 people, the first two and the last
    three people outside it, three lost without a flag); the page as read otherwise."""
    if read.page_review is None or read.page_review.reason != NOTHING_READ:
        return read
    return instead_of(read, image, dpi, image_name)
