"""Lines of the table below its last rule that no row was read from. Where the grid ends above the table's end
(a faxed printout's dot-matrix rows taken for its heading band, the rules under them too faint to find: U dev
13016 p3, fourteen people and one row read, the page out without a word), the page's reading never reaches
the people under it, by their ЕГН or their names.

The ink says they are there: under the grid's last rule, a run of lines each with ink in nearly every one of
the table's columns (a signature line, the amount in words or a stamp has ink in a few), alike in height and
closely set as a table's rows are. Two or more such lines (a table's printed total alone is one) come back each
as an empty row in review (every field unreadable, the region of its line), after the rows read, and the page
goes to review with a reason saying so. A printed total among them is one row more for the person to strike.
"""

from __future__ import annotations

from collections.abc import Callable
from statistics import median

import numpy as np

from archive_core.records import SCORED_FIELDS, PageReview

from . import checks
from .geometry import Box, Grid

NOTHING_READ = "nothing_read"  # page review: rows found and not one field read on any of them
ROWS_UNREAD = "rows_unread"  # page review: lines of the table under its last rule that no row was read from
INK = 200  # grey under this is ink on the flat-fielded page (a fax's grey dot-matrix ink too)
WIDE = 0.8  # a table's line has ink in this share of its columns at least
MIN_LINES = 2  # fewer lines like the table's under its rule prove nothing (its printed total)
MIN_INK = 30  # ink pixels a column's stretch of a line needs to count as written in


def _bands(clean: np.ndarray, grid: Grid, share: float = 0.01) -> list[tuple[int, int]]:
    """The lines of ink under the grid's last rule, across the table's width (ink in ``share`` of its pixels on
    each line of pixels): (top, bottom) each."""
    x0, x1, top = grid.xs[0], grid.xs[-1], grid.ys[-1] + 3
    ink = (clean[top:, x0:x1] < INK).sum(axis=1) > share * (x1 - x0)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(ink):
        if not ink[i]:
            i += 1
            continue
        j = i
        while j < len(ink) and ink[j]:
            j += 1
        if j - i >= 8:  # a speck or a rule's edge is no line of writing
            out.append((top + i, top + j))
        i = j
    return out


def _wide(clean: np.ndarray, grid: Grid, band: tuple[int, int]) -> bool:
    cols = len(grid.xs) - 1
    written = sum(
        int((clean[band[0] : band[1], a:b] < INK).sum()) > MIN_INK
        for a, b in zip(grid.xs, grid.xs[1:], strict=False)
    )
    return cols >= 3 and written >= WIDE * cols


TALL = 1.5  # a line this many times the run's median height is more than one line of writing ...
MAX_RUN_TOGETHER = 4  # ... up to this many times: lines run together (a tail, a descender touching the next)


def lines_below(clean: np.ndarray, grid: Grid) -> list[tuple[int, int]]:
    """The run of table-wide lines straight under the grid's last rule, alike in height and closely set
    (no gap wider than twice their median height; a line up to 4 times as tall goes on the run, R dev 10025
    p8: a negative film's pixel face, a person's `Ц` reaching down to the line under it, the run cut there and
    five people of ten lost; one taller than 1.5 times is lines run together where its height and the white
    under it make two of the lines' pitches or more, split so); [] when fewer than ``MIN_LINES``."""
    if len(grid.xs) < 2 or not grid.ys:
        return []
    run: list[tuple[int, int]] = []
    for band in _bands(clean, grid):
        if not _wide(clean, grid, band):
            break
        run.append(band)
    while run:
        h = median(b - a for a, b in run)
        bad = next((k for k, (a, b) in enumerate(run) if b - a > MAX_RUN_TOGETHER * h
                    or (k and a - run[k - 1][1] > 2 * h) or (not k and a - grid.ys[-1] > 2 * h)), None)  # fmt: skip
        if bad is None:
            break
        run = run[:bad]
    if len(run) < MIN_LINES:
        return []
    h = median(b - a for a, b in run)
    pitch = median(b[0] - a[0] for a, b in zip(run, run[1:], strict=False))  # from one line's top to the next's
    out: list[tuple[int, int]] = []
    for a, b in run:  # a tall line holds as many lines as its height and the white under it make pitches
        n = max(1, round((b - a + pitch - h) / pitch)) if b - a > TALL * h and pitch > h else 1
        out += [(a + (b - a) * k // n, a + (b - a) * (k + 1) // n) for k in range(n)]
    return out


PITCH_FIT = 0.2  # of the pitch: a line's middle this near a slot of the rows' pitch is on it
MAX_SKIP = 4  # slots: lines too faint to find between two found, at most this many together
MIN_PITCHED = 3  # lines on the pitch at least (two are any two lines)
SPECK = 0.75  # of the lines' median height: a line lower than this within half a pitch of a line is a speck's
MIN_FILLED = 0.5  # of the slots between the run's first and last line found
HEADING_ROWS = 2  # rows read at most where the grid is taken for the heading alone
MIN_COLUMNS = 3  # columns with ink on each of the run's lines (a signature's line has one or two)


def inked_columns(clean: np.ndarray, grid: Grid, band: tuple[int, int]) -> int:
    """How many of the grid's columns hold ink (``MIN_INK`` pixels) on the line of writing ``band``."""
    cells = zip(grid.xs, grid.xs[1:], strict=False)
    return sum(int((clean[band[0] : band[1], a:b] < INK).sum()) > MIN_INK for a, b in cells)


def pitch_of(mids: list[float]) -> float | None:
    """The rows' pitch: the shortest step between neighbouring lines that recurs (twice at least, and half as
    often as the commonest step at least: one short step is a speck beside a line, the commonest may be two
    pitches where every other line is too faint), the median of the steps near it."""
    steps = sorted(b - a for a, b in zip(mids, mids[1:], strict=False))
    near = [[e for e in steps if abs(e - d) <= 0.12 * d] for d in steps]
    most = max((len(n) for n in near), default=0)
    return next((float(median(n)) for n in near if len(n) >= max(2, most / 2)), None)


def lines_at_pitch(clean: np.ndarray, grid: Grid) -> list[tuple[int, int]]:
    """The people's lines under a grid that is the heading alone, their figures too faint to put ink in most
    columns (AB dev 20009 p2: a daisy wheel's table on thin 16 mm film scanned bitonal, the figures broken to
    specks, the numbers and names left; eighteen people and the heading read as the one row). The lines the
    ink shows (each with ink in ``MIN_COLUMNS`` columns) stand at the printer's line feed; the longest run of
    them on one pitch (a line or up to ``MAX_SKIP`` too faint to find between two found, half the slots found
    at least) from near the heading down is the table's rows, every slot of it one row, the slot above its
    first line too where it lies clear of the heading; a line taller than the run's or with ink in nearly every
    column (the printed total under them) ends it. [] when no such run."""
    if len(grid.xs) < 4 or not grid.ys:
        return []
    bands = [b for b in _bands(clean, grid) if inked_columns(clean, grid, b) >= MIN_COLUMNS]
    return pitched_run(bands, [_wide(clean, grid, b) for b in bands], grid.ys[-1], TALL)


def pitched_run(bands: list[tuple[int, int]], ends: list[bool], top: int | None, tall: float) -> list[tuple[int, int]]:
    """The rows' slots of the longest run of ``bands`` (lines of writing, top to bottom) on one pitch, a line
    or up to ``MAX_SKIP`` missing between two found, half the slots found at least; a band of ``ends`` (a
    printed total) or taller than ``tall`` times the lines' median height ends a run. Under a heading whose
    foot is at ``top``: the run starts within ``MAX_SKIP`` + 1 pitches of it, and the slot above its first
    line is a row too where it lies clear of the heading. [] when no run of ``MIN_PITCHED`` lines."""
    if len(bands) < MIN_PITCHED:
        return []
    h = median(b - a for a, b in bands)
    mids = [(a + b) / 2 for a, b in bands]
    pitch = pitch_of(mids)
    if pitch is None or pitch < 1.5 * h:
        return []
    best: list[int] = []
    best_at: list[int] = []  # each line's slot from the run's first
    for i in range(len(bands)):
        if top is not None and mids[i] - top > (MAX_SKIP + 1) * pitch:
            break
        if ends[i] or bands[i][1] - bands[i][0] > tall * h:
            continue
        run, at = [i], [0]
        for j in range(i + 1, len(bands)):
            a, b = bands[j]
            k = round((mids[j] - mids[run[-1]]) / pitch)
            if k == 0 and not ends[j] and b - a < SPECK * h:  # a speck's line beside the line before: no line of its own
                continue
            if b - a > tall * h or ends[j] or not 1 <= k <= MAX_SKIP + 1:
                break
            if abs(mids[j] - mids[run[-1]] - k * pitch) > PITCH_FIT * pitch:
                break
            run.append(j)
            at.append(at[-1] + k)
        if len(run) > len(best):
            best, best_at = run, at
    if len(best) < MIN_PITCHED:
        return []
    slots = best_at[-1] + 1
    if len(best) < MIN_FILLED * slots:
        return []
    step, first = (float(v) for v in np.polyfit(best_at, [mids[i] for i in best], 1))  # the line feed, fitted
    mids_out = [first + k * step for k in range(slots)]
    if top is not None and first - step - top > 0.5 * step:  # the first line too faint to find, clear of the heading
        mids_out.insert(0, first - step)
    half = 0.45 * step
    return [(int(m - half), int(m + half)) for m in mids_out]


def _covers(bbox: list[int] | None, line: list[int]) -> bool:
    return bbox is not None and bbox[1] <= (line[1] + line[3]) / 2 <= bbox[3]


def restore_below(
    drafts: list[checks.RowDraft], clean: np.ndarray, grid: Grid, to_original: Callable[[Box], list[int]]
) -> PageReview | None:
    """An empty row in review for each table line under the grid's last rule (``lines_below``), after the
    rows read; the page's review, None when there are none."""
    found = lines_below(clean, grid)
    pitched = False
    if not found and len(drafts) <= HEADING_ROWS:  # the grid the heading alone?
        found = lines_at_pitch(clean, grid)
        pitched = bool(found)
    boxes = [to_original(Box(grid.xs[0], a, grid.xs[-1], b)) for a, b in found]
    lines = [x for x in boxes if not any(_covers(d.bbox, x) for d in drafts)]  # not a row read after all
    if pitched and lines:  # the rows read from the heading's bands: the heading's words, no person's sure
        for d in drafts:
            d.review.update(SCORED_FIELDS, reason=checks.UNREADABLE)
    for box in lines:
        d = checks.RowDraft(values={}, bbox=box)
        d.review.update(SCORED_FIELDS, reason=checks.UNREADABLE)
        drafts.append(d)
    if not lines:
        return None
    return PageReview(reason=ROWS_UNREAD, detail=f"{len(lines)}")


def nothing_read(drafts: list[checks.RowDraft]) -> PageReview | None:
    """The page's review where rows were found and no field read on any (AB dev 20009 p7: thin film scanned
    bitonal, 13 empty rows in review for 21 people, the page out without a word: bands of two and three
    people never split, ``tall_rows`` splits them on a page in review); None otherwise."""
    if not drafts or any(d.values.get(f) is not None for d in drafts for f in SCORED_FIELDS):
        return None
    return PageReview(reason=NOTHING_READ, detail=f"{len(drafts)}")


def number_on(drafts: list[checks.RowDraft]) -> None:
    """The rows restored after the last numbered row (``restore_below``, ``unread_people``: no number read), each
    one row pitch under the one before (the numbered rows' median step, within a third of it), numbered on from
    it: the order's numbers, in review (AB dev 20011 p7: people 25 and 26 came back unnumbered, cited by no
    number). A run that keeps no pitch (a total, a signature's line) is left unnumbered."""
    at = [i for i, d in enumerate(drafts) if isinstance(d.values.get("row"), int) and d.bbox]
    if len(at) < 3 or at[-1] == len(drafts) - 1:
        return
    tops = [b[1] for i in at if (b := drafts[i].bbox)]
    pitch = median(b - a for a, b in zip(tops, tops[1:], strict=False))
    tail = drafts[at[-1] :]
    if pitch <= 0 or any(d.values.get("row") is not None or not d.bbox for d in tail[1:]):
        return
    steps = [b.bbox[1] - a.bbox[1] for a, b in zip(tail, tail[1:], strict=False) if a.bbox and b.bbox]
    if any(abs(st - pitch) > pitch / 3 for st in steps):
        return
    last = drafts[at[-1]].values["row"]
    assert isinstance(last, int)
    for k, d in enumerate(tail[1:], start=1):
        d.values["row"] = last + k
        d.review.add("row", checks.UNREADABLE)
