"""Table finding: the grid of a ruled table from its rules, of an unruled one from text lines and gaps."""

from __future__ import annotations

import functools
from itertools import pairwise

import cv2
import numpy as np

from archive_core.errors import ExtractionError
from scanner_drivers.orientation import line_axis

from .down_strokes import without_down_strokes
from .geometry import Grid
from .hand_rules import faint_rule
from .lines import Rule, Rules
from .preprocess import components, remove_specks
from .rowbands import rows_between_rules
from .runs import true_runs


def text_bands(
    ink: np.ndarray, y0: int, y1: int, x0: int, x1: int, *, min_h: int = 12
) -> list[tuple[int, int]]:
    """Horizontal bands of text lines inside a region (ink = nonzero)."""
    region = ink[y0:y1, x0:x1]
    if region.size == 0:
        return []
    prof = (region > 0).sum(axis=1)
    thresh = max(8, int(0.004 * (x1 - x0)))
    on = prof >= thresh
    bands: list[tuple[int, int]] = []
    start = None
    for i, v in enumerate(on):
        if v and start is None:
            start = i
        elif not v and start is not None:
            bands.append((start, i))
            start = None
    if start is not None:
        bands.append((start, len(on)))
    # merge bands split by a thin gap (e.g. breve of й, dots) and drop slivers
    merged: list[tuple[int, int]] = []
    for b in bands:
        if merged and b[0] - merged[-1][1] <= 6:
            merged[-1] = (merged[-1][0], b[1])
        else:
            merged.append(b)
    return [(a + y0, b + y0) for a, b in merged if b - a >= min_h]


def split_tall(ink: np.ndarray, bands: list[tuple[int, int]], x0: int, x1: int) -> list[tuple[int, int]]:
    """A band over twice as tall as a line of type holds two lines joined by writing between them (a
    figure written across the rule): split where its ink is thinnest, when it is thin there."""
    if not bands:
        return bands
    # one line of type: the lower quartile of the bands' heights, or by the type's height where the
    # bands are too few to tell (a short sheet whose rows a correction or a stamp joined into one band)
    top, bottom = bands[0][0], bands[-1][1]
    type_height = functools.cache(lambda: _glyph_height(ink, top, bottom, x0, x1))  # the blots labelled once
    if len(bands) < 3:
        glyph = type_height()
        if glyph is None:
            return bands
        one_line = int(1.5 * glyph)
    else:
        one_line = sorted(b - a for a, b in bands)[len(bands) // 4]
    tall = 2.2 * one_line
    median = sorted(b - a for a, b in bands)[len(bands) // 2]
    glyph = type_height() if median >= CLOSE_LINES else None
    if glyph and median > CLOSE_RUN * 1.5 * glyph:  # most bands many lines run together: apart where the ink is thin
        bands = [piece for band in bands for piece in _at_deep_valleys(ink, band, x0, x1, glyph)]
        return split_tall(ink, bands, x0, x1) if max(b - a for a, b in bands) < median else bands
    if max(b - a for a, b in bands) <= min(tall, 1.8 * median):
        # no band stands out whatever the type's height: the lowered limit below is never under this, and
        # the blots are not labelled for it (a page's rows, most pages: ~5 ms of labelling each time)
        return list(bands)
    if len(bands) >= 3 and (glyph := type_height()):
        # rows set close, a correction written above some of them: the lower quartile is itself a line
        # and a half, and two rows joined by a figure written between them stayed one band. Such a band
        # is twice as tall as two lines of the type and stands out among the rows (rows of wrapped names
        # are all that tall)
        tall = min(tall, max(2.2 * 1.5 * glyph, 1.8 * median))
    out: list[tuple[int, int]] = []
    todo = list(bands)
    while todo:
        a, b = todo.pop(0)
        if b - a <= tall:
            out.append((a, b))
            continue
        prof = np.convolve((ink[a:b, x0:x1] > 0).sum(axis=1).astype(np.float64), np.ones(5) / 5, mode="same")
        lo, hi = int(0.6 * one_line), b - a - int(0.6 * one_line)
        if hi <= lo:
            out.append((a, b))
            continue
        m = lo + int(np.argmin(prof[lo:hi]))
        if prof[m] > 0.25 * prof.max():
            out.append((a, b))
            continue
        todo[:0] = [(a, a + m), (a + m, b)]
    return out


CLOSE_LINES = 90  # px at 300 dpi: bands this tall at the median may be lines of type set close and run together
CLOSE_RUN = 4  # ... when their median is as tall as this many lines of the type (a person's wrapped name is two
# or three: ``group_lines`` keeps those lines together where the paper between them is clean)
DEEP = 0.12  # share of a band's most ink per row that a row between two of its lines holds at most


def _at_deep_valleys(ink: np.ndarray, band: tuple[int, int], x0: int, x1: int, glyph: int) -> list[tuple[int, int]]:
    """A band of lines of type run together (a line printer's 8 lines to the inch, its letters each a little off
    the line, the scan soft: the paper between the lines never clean, AA dev 19003 p3, 5 bands for 34 rows) cut
    at each row of little ink (``DEEP`` of the band's most) with a line's height (1.5 glyphs) on either side."""
    a, b = band
    prof = np.convolve((ink[a:b, x0:x1] > 0).sum(axis=1).astype(np.float64), np.ones(3) / 3, mode="same")
    least = int(0.6 * 1.5 * glyph)
    if b - a <= 2 * least or prof.max() <= 0:
        return [band]
    inner = prof[least : b - a - least]
    m = least + int(np.argmin(inner))
    if prof[m] > DEEP * prof.max():
        return [band]
    return [*_at_deep_valleys(ink, (a, a + m), x0, x1, glyph), *_at_deep_valleys(ink, (a + m, b), x0, x1, glyph)]


def group_rules(mask: np.ndarray, head: tuple[int, int], x0: int, x1: int) -> list[tuple[int, int, int]]:
    """Rules inside the heading that span a run of columns, not the table (``mask``: the ruling's ink):
    (x from, x to, y) of the line under a heading merged over several columns (`Удръжки` over `ДОД`,
    `Пенсии`, `Общо`), whose own headings stand under it."""
    a, b = head[0] + 8, head[1] - 8
    found: list[tuple[int, int, int]] = []
    for y in range(a, b):
        for s, e in true_runs(mask[y, x0:x1] > 0):
            if 60 <= e - s <= 0.8 * (x1 - x0) and not any(
                abs(s + x0 - f[0]) <= 8 and abs(e + x0 - f[1]) <= 8 for f in found
            ):
                found.append((s + x0, e + x0, y))
    return found


def column_gaps(
    ink: np.ndarray,
    bands: list[tuple[int, int]],
    head: tuple[int, int],
    x0: int,
    x1: int,
    min_gap: int,
    groups: list[tuple[int, int, int]] | None = None,
) -> list[int]:
    """x positions separating columns: white runs common to every body text line that the heading
    does not cross either (a heading is centred over its column, so a gap inside a name is no column).
    Under a heading merged over several columns (``groups``, ``group_rules``) only the headings under its
    rule count: its own words, spaced out over the columns, cross their gaps (L dev 4012: `ДОД`, `Пенсии`
    and `Общо` under `Удръжки` read as one column, every deduction figure run together)."""
    prof = np.zeros(x1 - x0, dtype=np.int64)
    for a, b in bands:
        prof += (ink[a:b, x0:x1] > 0).any(axis=0)
    head_prof: np.ndarray = np.asarray((ink[head[0] : head[1], x0:x1] > 0).any(axis=0))
    # a stamp or a stray stroke may cross a gap in a few lines; the heading must still be clear there
    # (a few of the lines that have ink at all: wrapped names make many lines with ink in one column)
    near = np.lib.stride_tricks.sliding_window_view(np.pad(prof, 150, mode="edge"), 301).max(axis=1)
    allowance = np.minimum(min(3, len(bands) // 4), near // 5)
    runs = true_runs(prof <= allowance)
    seps: list[int] = []
    for i, j in runs:
        if i == 0 or j == len(prof) or j - i < min_gap:
            continue
        free = [(a + i, b + i) for a, b in true_runs(~head_prof[i:j]) if b - a >= max(10, min_gap // 2)]
        under = next((g for g in groups or [] if g[0] - 5 <= x0 + i and x0 + j <= g[1] + 5), None)
        if not free and under is not None:
            below: np.ndarray = np.asarray((ink[under[2] + 4 : head[1], x0 + i : x0 + j] > 0).any(axis=0))
            free = [(a + i, b + i) for a, b in true_runs(~below) if b - a >= max(10, min_gap // 2)]
        if not free:
            continue
        a, b = max(free, key=lambda r: r[1] - r[0])
        seps.append(x0 + (a + b) // 2)
    return seps


def _with_pen_gaps(
    ink: np.ndarray,
    typed: np.ndarray,
    body: list[tuple[int, int]],
    head: tuple[int, int],
    x0: int,
    x1: int,
    min_gap: int,
    seps: list[int],
) -> list[int]:
    """``seps`` and the gaps a signature closed: the gaps of the ink without pen strokes (``typed``)
    that are not already among ``seps``, and the start of the signatures' column when pen strokes alone
    fill the table's right end (the signatures crossing into the figures beside them)."""
    out = list(seps)
    for x in column_gaps(typed, body, head, x0, x1, min_gap):
        if all(abs(x - s) > 2 * min_gap for s in out):
            out.append(x)
    prof = np.zeros(x1 - x0, dtype=np.int64)
    pen = np.zeros(x1 - x0, dtype=np.int64)
    for a, b in body:
        prof += (typed[a:b, x0:x1] > 0).any(axis=0)
        pen += (ink[a:b, x0:x1] > 0).any(axis=0)
    allowance = min(3, len(body) // 4)
    typed_at = np.flatnonzero(prof > allowance)
    if typed_at.size:
        end = int(typed_at[-1]) + min_gap  # the last typed column's right edge, and a little paper
        tail = (pen[end:] > allowance).any() if end < len(pen) else False
        if tail and all(abs(x0 + end - s) > 2 * min_gap for s in out):
            out.append(x0 + end)
    return sorted(out)


SIDE = 0.02  # share of the image's width: a vertical "rule" this near its side may be the scan's dark border
EDGE = 0.005  # ... and this near it, off the table's rules, is one whatever its length
EDGE_OFF = 25  # px past the ends of the table's rules across: a line from the image's top to its bottom there is no rule


def _ruled_grid(rules: Rules, size: tuple[int, int] | None = None) -> Grid | None:
    vert = [v for v in rules.vertical]
    if len(vert) < 3:
        return None
    # the table: vertical rules sharing the longest common extent, measured on those crossing the most rules
    # across the page (half as many as the one crossing most, two at the least) where two of them do (a stamp's
    # frame under a table ruled by rows only, its two short sides, and a copier's faint streak below it
    # outvoted the table's two sides: AC dev 21025 p1, the grid one "column" of a streak, 7 rows for 15 people)
    width = size[1] if size is not None else max(h.end for h in rules.horizontal) if rules.horizontal else 0
    across = [h for h in rules.horizontal if h.length >= 0.45 * width]
    crossed = [sum(1 for h in across if h.start - 10 <= v.pos <= h.end + 10 and v.start - 25 <= h.pos <= v.end + 25)
               for v in vert]  # fmt: skip
    most = max(crossed)
    voters = [v for v, n in zip(vert, crossed, strict=True) if n >= max(2, most / 2)]
    framed = len(voters) >= 2
    voters = voters if framed else vert
    top = int(np.median([v.start for v in voters]))
    bottom = int(np.median([v.end for v in voters]))
    if framed:
        vert = _off_the_frame(vert, crossed, top, bottom)
    vert = [v for v in vert if v.start < bottom and v.end > top and v.length > 0.5 * (bottom - top)]
    if len(vert) < 3:
        return None
    horiz = _across(rules, vert, top, bottom)
    if size is not None and horiz:
        horiz = _without_scratches(horiz, size[1])
        vert = _within_the_rules(vert, horiz, size, top)
        if len(vert) < 3:
            return None
        horiz = _without_scratches(_across(rules, vert, top, bottom), size[1])
    horiz = _without_group_rules(horiz, vert)
    horiz += _top_over(rules, vert, top, horiz)
    ys = _columns_over(vert, horiz, sorted(h.pos for h in horiz))
    if len(ys) < 3:
        return None
    return Grid(xs=sorted(v.pos for v in vert), ys=ys, ruled=True)


TOP_WITH = 25  # px: a line down begun this near the column rules' top was drawn with them
OFF_FRAME = 0.1  # of the table's height (50 px at the least): a rule's ends this far off the table's are not its ends


def _off_the_frame(vert: list[Rule], crossed: list[int], top: int, bottom: int) -> list[Rule]:
    """The vertical rules without those that are no side of a column: a line down the page that no rule across
    the table crosses and that does not run the table's height, from its top to its foot (``top``, ``bottom``: the
    column rules' the rules across cross) — the edge of a strip of paper stapled beside the table (an adding
    machine's tape: its edge and the soft shadow where it curls, begun a few rows down and ended anywhere; AS dev
    37001 p3: two tapes' edges right of the table's right side widened the "table" past the rules across, none
    was taken as the table's, and the ruled grid was lost; p1: the tape's figures a column of the table), the
    scan's border beside the sheet. A column rule the rules across fall short of (their ends faded) still runs
    the table's height; a rule the rules across cross is the table's wherever it ends, and one begun with the
    columns at the table's top (``TOP_WITH``) was drawn with them (a border beside the heading keeps its column,
    empty: tests/test_ruled_heading_only.py)."""
    off = max(50.0, OFF_FRAME * (bottom - top))
    return [v for v, n in zip(vert, crossed, strict=True)
            if n > 0 or abs(v.start - top) <= TOP_WITH or (abs(v.start - top) <= off and abs(v.end - bottom) <= off)]  # fmt: skip


GROUP_BEGUN = 40  # px: a column rule beginning this near a rule across the heading begins at it ...
GROUP_COLUMNS = 2  # ... this many of the columns under it at the least, as many of the table's begun over it


def _without_group_rules(horiz: list[Rule], vert: list[Rule]) -> list[Rule]:
    """The rules across the table without a two-level heading's groups' rule: the first rule under the table's
    top, where its columns say so (``_columns_begin_at``; AE dev 23003 p6: pen rules under `ОТРАБОТЕНО`,
    `Възнаграждение` and `Удържано`, found as one rule over 64 % of the table, made the heading's first line the
    heading and its lower three lines three rows of nobody; every figure right, every field in review)."""
    if len(horiz) < 3:
        return horiz
    h = sorted(horiz, key=lambda h: h.pos)[1]
    return [r for r in horiz if r is not h] if _columns_begin_at(h, vert) else horiz


def _columns_begin_at(h: Rule, vert: list[Rule]) -> bool:
    """A group's rule by the column rules: it stops short of both the table's sides (no group takes in the
    row's number nor the last column), ``GROUP_COLUMNS`` column rules under it begin at it (the groups'
    columns, ruled from their group's rule down), as many as cross it between its ends at the least, and as
    many of the table's begin a line or more over it and cross it. A rule the columns cross is a row's, however
    short (golden/broken: the heading's rule, broken off before the table's right side, two column rules broken
    off at it)."""
    xs = sorted(v.pos for v in vert)
    if len(xs) < 3 or not (xs[0] + GROUP_BEGUN < h.start and h.end < xs[-1] - GROUP_BEGUN):
        return False  # across the table to one of its sides: the heading's rule or a row's
    inside = [v for v in vert if h.start < v.pos < h.end]
    begun = sum(1 for v in inside if abs(v.start - h.pos) <= GROUP_BEGUN)
    over = sum(1 for v in vert if v.start < h.pos - 2 * GROUP_BEGUN and v.end > h.pos + GROUP_BEGUN)
    return begun >= max(GROUP_COLUMNS, len(inside) - begun) and over >= GROUP_COLUMNS


TOP_REACHED = 3  # column rules at the least that reach up to a rule across the table over their median top ...
TOP_REACHED_SHARE = 0.25  # ... and this share of them
TOP_BODY = 2.0  # ... where the first band under the rules taken is this many times as tall as the rule over them


def _top_over(rules: Rules, vert: list[Rule], top: int, horiz: list[Rule]) -> list[Rule]:
    """The rule over the table's heading where the column rules' median top stands below it: the lowest rule
    across the table over every rule taken that ``TOP_REACHED`` column rules, a quarter of them, reach up to
    (25 px short at most). A table typed with colons down its lines between its columns has its colons only
    where the heading's lines leave room for them (AD dev 22001 p6: most columns' colons begun two or three lines
    under the rule over the heading; the heading's band ran from the rule under it down to the totals, the
    people's thirteen lines read as the heading and every row lost)."""
    if not vert:
        return []
    xs = sorted(v.pos for v in vert)
    left, right = xs[0], xs[-1]
    first = min((h.pos for h in horiz), default=top + 25)
    over = [h for h in rules.horizontal
            if h.pos < min(first, top - 25) and h.start <= left + 0.3 * (right - left)
            and h.end >= right - 0.3 * (right - left)]  # fmt: skip
    taken = sorted(h.pos for h in horiz)
    for h in sorted(over, key=lambda h: -h.pos):
        reached = sum(1 for v in vert if v.start <= h.pos + 25 and v.end > h.pos)
        if reached < max(TOP_REACHED, TOP_REACHED_SHARE * len(vert)):
            continue
        # only where the band the grid would take for the heading is the body (taller than the heading over
        # it would be twice): a form's two-level heading has its column rules begun at its groups' rules,
        # and its first band, under them, is the heading's lower part (L's pay in thousands: its columns'
        # headings and numbers, the people under them)
        if len(taken) < 2 or taken[1] - taken[0] >= TOP_BODY * (taken[0] - h.pos):
            return [h]
        return []
    return []


TOP_ALIKE = 15  # px: the column rules begin this near one another over the first rule across ...
TOP_OVER = 80  # ... this far over it at the least (two lines of a heading; a pencil rule overshoots by 30, R)
TOP_SHARE = 0.65  # ... this share of them (a scratch along the film, a mark column broken: the others)


def _columns_over(vert: list[Rule], horiz: list[Rule], ys: list[int]) -> list[int]:
    """The rows' lines with the table's top where its column rules begin together over its first rule
    across, that rule lost (AB dev 20006 p3: a typed table's rule of underscores over its heading filled in by
    a dense film, the heading's the rule under it; its column marks run up through the heading: the whole
    body was read as the heading and its 28 people lost without a flag). A table ruled to its top has its
    columns begin at its top rule. Its column rules end together too, at its foot, as a table's rules run: a
    listing's marks stop each where its column's figures do (AA dev 19005 p8: a listing's marks begun together
    over its heading's rule, ended on four lines, taken for a lost top rule: six people lost without a flag)."""
    if not ys or not horiz:
        return ys
    left, right = min(h.start for h in horiz), max(h.end for h in horiz)
    vert = [v for v in vert if left - TOP_ALIKE <= v.pos <= right + TOP_ALIKE]  # (not the scan's borders)
    if len(vert) < 3:
        return ys
    top, foot = float(np.median([v.start for v in vert])), float(np.median([v.end for v in vert]))
    begun = sum(abs(v.start - top) <= TOP_ALIKE for v in vert)
    ended = sum(abs(v.end - foot) <= TOP_ALIKE for v in vert)
    if min(begun, ended) >= TOP_SHARE * len(vert) and top < ys[0] - TOP_OVER:
        return [int(top), *ys]
    return ys


SCRATCH_EDGE = 0.01  # share of the width: a scratch along the film runs from this near one side of the image to the other
SCRATCH_SHORT = 0.05  # ... while the table's rules stop this far short of both sides


def _without_scratches(horiz: list[Rule], width: int) -> list[Rule]:
    """The table's rules without a scratch along the film (family AB, filmed across: a thin straight line from
    one side of the image to the other, through the people's lines): a "rule" reaching within
    ``SCRATCH_EDGE`` of both sides of the image where two rules or more across the table stop
    ``SCRATCH_SHORT`` short of both (AB dev 20001 p1: a scratch through the eleventh person's line taken for
    the rule under the heading, ten people read as the heading, and the scan's edges for the table's sides).
    A table cut close at the sides has all its rules reaching them."""
    edge, short = SCRATCH_EDGE * width, SCRATCH_SHORT * width
    inside = [h for h in horiz if h.start >= short and h.end <= width - 1 - short]
    if len(inside) < 2:
        return horiz
    return [h for h in horiz if not (h.start <= edge and h.end >= width - 1 - edge)]


def _across(rules: Rules, vert: list[Rule], top: int, bottom: int) -> list[Rule]:
    """The horizontal rules across the table the vertical ones stand in."""
    xs = sorted(v.pos for v in vert)
    left, right = xs[0], xs[-1]
    return [
        h for h in rules.horizontal
        if top - 25 <= h.pos <= bottom + 25 and h.start <= left + 0.3 * (right - left)
        and h.end >= right - 0.3 * (right - left)
    ]  # fmt: skip


def _within_the_rules(vert: list[Rule], horiz: list[Rule], size: tuple[int, int], top: int) -> list[Rule]:
    """The vertical rules without the scan's dark border at the image's side (a grey wedge down the edge
    of the glass, from the image's top or bottom edge, taken for the table's last rule where it runs
    beside the heading): a border standing off every horizontal rule of the table by more than ``SIDE`` of
    the width is none (L dev 4042 page 1: the border at x 3503, from the top of the image to under the
    heading whose rules end at 3021, carried the table's right side off the page, the rule under the
    people's rows no longer reached it, and the unruled body below the heading was never read: one row of
    ten). A table's own last rule near the side does not run off the image (golden/broken: its broken
    horizontal rules end short of it). At the image's very edge (``EDGE``) the border need not run off the
    image where it does not start with the table's rules (``top``): the straightened image's fill beside a
    sheet scanned askew (L dev 4008 page 7, turned 1.8°: a "rule" at x 3501 of 3508 from the heading's foot
    to mid-page, beside rules ending at 3093: the rule under the people no longer spanned the table, no row
    was found and the page failed as "no table")."""
    height, width = size
    tol = SIDE * width
    first, last = min(h.start for h in horiz), max(h.end for h in horiz)

    def border(v: Rule) -> bool:
        off = (v.pos >= width * (1 - SIDE) and v.pos > last + tol) or (v.pos <= width * SIDE and v.pos < first - tol)
        at_edge = (v.pos >= width * (1 - EDGE) or v.pos <= width * EDGE) and abs(v.start - top) > SIDE * height
        # a photocopy's paper edge (the lid open: black beyond it) from the image's top to its bottom (nearly), past the
        # ends of the table's rules, wherever it lies (AC dev 21004 p2: x 3403 of 3508 beside a table ruled by
        # rows only; AC dev 21013 p1: 62 px past the rules' ends)
        sheet_edge = (v.pos > last + EDGE_OFF or v.pos < first - EDGE_OFF) and v.length >= (1 - 2 * SIDE) * height
        return sheet_edge or off and (at_edge or v.start <= SIDE * height or v.end >= (1 - SIDE) * height)

    return [v for v in vert if not border(v)]


def _long(rules: list[Rule], width: int) -> list[Rule]:
    return sorted((r for r in rules if r.length >= 0.45 * width), key=lambda r: r.pos)


def _drop_empty_columns(
    solid: np.ndarray, bands: list[tuple[int, int]], xs: list[int], head: tuple[int, int] | None = None
) -> list[int]:
    """A 'column' with text in (almost) no body line is white space cut up by dust, or the tail of the
    longest names: fold it away. ``solid``: ink without dust. ``head``: the heading band; a sparse column
    under a heading of its own (signatures, whose thin strokes are mostly not text-sized) is a column,
    not a tail, and stays apart from the figures on its left."""
    allowance = min(3, len(bands) // 4)
    xs = list(xs)
    changed = True
    while changed and len(xs) > 3:
        changed = False
        for k in range(len(xs) - 1):
            c0, c1 = xs[k], xs[k + 1]
            inked = sum(1 for a, b in bands if (solid[a:b, c0 + 2 : c1 - 2] > 0).sum() > 40)
            headed = head is not None and (solid[head[0] : head[1], c0 + 2 : c1 - 2] > 0).sum() > 200
            if 0 < inked <= allowance and k > 0 and not headed:  # a tail: belongs to the column on its left
                del xs[k]
                changed = True
                break
            if inked == 0:
                if k == 0:
                    del xs[1]
                elif k == len(xs) - 2:
                    del xs[-2]
                else:
                    xs[k : k + 2] = [(c0 + c1) // 2]
                changed = True
                break
    return xs


def _glyph_height(ink: np.ndarray, y0: int, y1: int, x0: int, x1: int) -> int | None:
    """The median height of the blots of type in a region (a character's height), None without any."""
    region = (ink[y0:y1, x0:x1] > 0).view(np.uint8)
    if region.size == 0:
        return None
    _n, _labels, stats, _ = components(region)  # the one labelling (16-bit, Grana): the same blots
    h = stats[1:, cv2.CC_STAT_HEIGHT]
    hs = h[(stats[1:, cv2.CC_STAT_AREA] >= 30) & (h >= 8)]
    return int(np.median(hs)) if hs.size else None


def _fold_headless(ink: np.ndarray, head: tuple[int, int], xs: list[int]) -> list[int]:
    """A 'column' with no heading over it is a piece of its neighbour (first names of a like length in a
    typewriter face leave a gap down the name column): it goes to the neighbour whose heading it centres
    clearly better (a heading is centred over its column)."""
    xs = list(xs)
    k = 1
    while k < len(xs) - 2 and len(xs) > 3:
        c0, c1 = xs[k], xs[k + 1]
        if (ink[head[0] : head[1], c0 + 3 : c1 - 3] > 0).sum() > 40:  # it has a heading of its own
            k += 1
            continue
        gains = []
        for n0, n1, drop in ((xs[k - 1], c0, k), (c1, xs[k + 2], k + 1)):
            cols = np.flatnonzero((ink[head[0] : head[1], n0 + 3 : n1 - 3] > 0).any(axis=0))
            if cols.size == 0:
                continue
            centre = n0 + 3 + (cols[0] + cols[-1]) / 2
            merged = (min(n0, c0) + max(n1, c1)) / 2
            gains.append((abs((n0 + n1) / 2 - centre) - abs(merged - centre), drop))
        best = max(gains, default=None)
        if best is None or best[0] <= 0.25 * (c1 - c0):
            k += 1
            continue
        del xs[best[1]]
    return xs


def _figure_alone(ink: np.ndarray, band: tuple[int, int], c0: int, c1: int) -> bool:
    """The ink of one line in one column hugs the column's right edge, clear of its left: a figure."""
    cols = np.flatnonzero((ink[band[0] : band[1], c0 + 3 : c1 - 3] > 0).any(axis=0))
    if cols.size == 0:
        return False
    w = c1 - c0
    return bool(cols[-1] >= 0.7 * w and cols[0] >= 0.15 * w)


def _correction_line(
    ink: np.ndarray, band: tuple[int, int], xs: list[int], figures: list[int], below: list[int], *, ruled: bool = False
) -> bool:
    """A line of corrections over the person's line ``below`` (its inked columns): only figures, each
    right-aligned in a column where the line below has a figure too, and nothing in the line below's first
    two columns (the row number and the name): no person's line. One or two figures, or up to half of the
    line below's columns after its number and name (a clerk corrects some of a row's figures, not all);
    ``ruled``: the line opens a band between two rules over a person's (or the totals') line, inked nowhere
    in its first inked column (the number, or the totals' label): a checker's recount pencilled over a whole
    row (every figure one wrong day changes: AJ dev 28002 p7, `23 168,00 25,20 193,20 ...` over the struck
    ones; the totals' sums recounted under them), any number of figures."""
    if not figures or len(below) < 3 or any(k not in below for k in figures):
        return False
    whole = ruled and min(figures) > below[0]  # (the totals' line: its label the first of its inked columns)
    if not whole and (any(k in below[:2] for k in figures) or len(figures) > max(2, (len(below) - 2) // 2)):
        return False
    # each a figure, or ink that is no figure over columns of figures (a stamp across the corrections)
    alone = [k for k in figures if _figure_alone(ink, band, xs[k], xs[k + 1])]
    return len(alone) == len(figures) or (len(alone) >= 1 and min(figures) > below[2])


MARK_WIDE = 12  # px a typed column mark's stroke is wide at the most (a colon's dots 8-9 at 300 dpi)
STROKE = 5  # px a typed or written figure's ink is wide at the least (a "1"'s stem)
MARK_APART = 2 * MARK_WIDE  # px of paper down every line at the least either side of a column mark
MARKS_LINES = 3  # a ruled band's lines at the least for column marks to be told by running down all of them
SECOND_LINE_GAP = 0.5  # a person's second line's paper over it at most this share of the paper under it


def _second_line(
    band: tuple[int, int], cols: list[int], above: tuple[int, int], over: list[int], bands: list[tuple[int, int]],
    i: int, xs: list[int],
) -> bool:
    """A person's second typed line (the lower tier of a two-tier column's figures: the additional pay's
    items, the advance under the union's fee, family AD): figures half of them at the least in columns the line
    above (``over``, its inked columns) has ink in too (a blank upper item beside: AD dev 22009 p4), the
    signatures' last column aside, nothing where the row number and the ЕГН or the name stand (a name's line
    over its figures' line, family L, shares no column with it), set close under that line (its paper over it half the paper under it at most).
    Three columns of it or more (the signature across both lines besides) made it a person's line of its own,
    or it went to the row below as its corrections: AD dev 22001 p4, the lower figures of four people a row
    of nobody, or the next person's."""
    last = len(xs) - 2
    figures = [k for k in cols if k != last]
    if not figures or any(k in cols for k in (0, 1)) or 2 * sum(k in over for k in figures) < len(figures):
        return False
    if 2 * len(figures) > len(over):  # figures in most of the columns: a person's line, its number lost (AA dev 19001 p3)
        return False
    # (the last line: its paper over it half the line above's height at most)
    under = bands[i + 1][0] - band[1] if i + 1 < len(bands) else above[1] - above[0]
    return band[0] - above[1] <= SECOND_LINE_GAP * under


def _without_marks(ink: np.ndarray, bands: list[tuple[int, int]], xs: list[int]) -> np.ndarray:
    """One ruled band's ink without the typed column marks (":") the grid took for no column rule: thin
    strokes at the same place on every line of it (the checker's empty line over the row and a wrapped name's
    second line too: AJ dev 28001 p2, each line inked in five columns by them, every line a row)."""
    x0, x1 = xs[0], xs[-1]
    tall = max(b - a for a, b in bands)
    full = [(a, b) for a, b in bands if b - a >= 0.6 * tall]  # (a colon's dots apart are lines of their own)
    if len(full) < 2:
        return ink
    down = np.logical_and.reduce([(ink[a:b, x0:x1] > 0).any(axis=0) for a, b in full])
    edges = np.flatnonzero(np.diff(np.concatenate(([0], down.astype(np.int8), [0]))))
    runs = list(zip(edges[::2], edges[1::2], strict=True))
    # a mark stands alone: paper down every line for ``MARK_APART`` either side of it (letters typed at one
    # place on every line, a word or a figure's digits repeated row after row, stand close by one another)
    thin = [(s, e) for k, (s, e) in enumerate(runs) if e - s <= MARK_WIDE
            and (k == 0 or s - runs[k - 1][1] >= MARK_APART) and (k == len(runs) - 1 or runs[k + 1][0] - e >= MARK_APART)]  # fmt: skip
    if not thin:
        return ink
    out = ink.copy()
    for s, e in thin:
        out[bands[0][0] : bands[-1][1], max(x0, x0 + s - 3) : x0 + e + 3] = 0
    return out


def _inked_columns(ink: np.ndarray, band: tuple[int, int], xs: list[int]) -> dict[int, np.ndarray]:
    """The columns with ink on the line ``band`` (more than 8 pixels, 3 px off the column's edges), each with its
    pixel columns that hold ink (relative to the column's edge + 3)."""
    a, b = band
    out = {}
    for k, (c0, c1) in enumerate(pairwise(xs)):
        cell = ink[a:b, c0 + 3 : c1 - 3] > 0
        if cell.sum() > 8:
            out[k] = np.flatnonzero(cell.any(axis=0))
    return out


def group_lines(
    ink: np.ndarray, bands: list[tuple[int, int]], xs: list[int], second_lines: bool = False
) -> list[list[tuple[int, int]]]:
    """Text lines into people's rows. A line with ink in one column only continues the row above (a
    wrapped name), except a line that holds only figures (each right-aligned in its column, none where
    the row number or the name stands; ``_correction_line``) right above a line with figures in the same
    columns: a correction typed or written between the rows over the figure it replaces, so it belongs to
    the row below. Two people are never merged for it."""
    # columns inked on each line, column marks and all (``_without_marks`` takes them out below)
    marked = [len(_inked_columns(ink, band, xs)) for band in bands]
    if second_lines and len(bands) >= MARKS_LINES:
        ink = _without_marks(ink, bands, xs)
    across = [_inked_columns(ink, band, xs) for band in bands]  # each inked column's pixel columns with ink
    inked = [list(c) for c in across]
    # columns whose ink is at least a character wide (not a speck), from its first inked pixel column to its last
    wide = [[k for k, cc in c.items() if cc.size and cc[-1] - cc[0] >= 0.6 * (b - a)] for c, (a, b) in zip(across, bands, strict=True)]  # fmt: skip
    # columns holding ink across a character's width at the least (not a colon, two colons apart, a speck)
    solid = [[k for k, cc in c.items() if cc.size >= max(0.6 * (b - a), 2 * MARK_WIDE)]
             for c, (a, b) in zip(across, bands, strict=True)]  # fmt: skip
    rows: list[list[tuple[int, int]]] = []
    pending: list[tuple[int, int]] = []  # correction lines waiting for their row
    # a person's line has ink in three columns or more (number, name, ЕГН, ...); a line with less is a
    # wrapped name or a figure written between the rows (when the table has enough columns to tell)
    few = 2 if len(xs) - 1 >= 5 else 1
    for i, band in enumerate(bands):
        cols = inked[i]
        if second_lines:  # (a rule's edge left in a cell, 1-3 px wide, is no writing of the line's)
            cols = [k for k in cols if across[i][k].size >= STROKE]
        nxt = inked[i + 1] if i + 1 < len(bands) else []
        if second_lines and rows and not pending and i > 0 and _second_line(band, cols, bands[i - 1], inked[i - 1],
                                                                           bands, i, xs):  # fmt: skip
            rows[-1].append(band)  # (set close under the line above: no correction of the line below)
            continue
        # (a ruled band's first line, over a person's line: ``second_lines`` groups one ruled band's lines)
        opens = second_lines and i == 0 and i + 1 < len(bands) and _labelled(ink, bands[i + 1], xs)
        correction = _correction_line(ink, band, xs, wide[i], nxt, ruled=opens and set(inked[i]) <= set(nxt))
        if correction:
            pending.append(band)
            continue
        if second_lines and not solid[i] and marked[i] > few:
            # a ruled band's line of no character-wide ink in several columns (column marks: AJ dev 28001 p2, the
            # checker's line over a row its recount left alone) is no person's line: with theirs (a line of
            # ink in a column or two stays as it was: E's correction row, ``stray_corrections``)
            if rows and not pending:
                rows[-1].append(band)
            else:
                pending.append(band)
            continue
        if rows and len(cols) <= few and not pending:
            # with the row above, unless it sits far nearer the person's line below (a name wrapped
            # above its row's figures)
            gap_above = band[0] - rows[-1][-1][1]
            gap_below = bands[i + 1][0] - band[1] if len(nxt) > few else None
            if gap_below is not None and gap_below < 0.6 * gap_above and set(cols) <= set(nxt):
                # over a person's line that has its own ink where this line's stands: no name of that line's,
                # but a heading over it (a department's, AA dev 19003 p3: read into the first person's name)
                rows.append([band])
            elif gap_below is not None and gap_below < 0.6 * gap_above:
                pending.append(band)
            else:
                rows[-1].append(band)
        else:
            rows.append([*pending, band])
            pending = []
    if pending:
        if rows:
            rows[-1].extend(pending)
        else:
            rows.append(pending)
    return rows


def split_at_rules(
    ink: np.ndarray, rows: list[list[tuple[int, int]]], rules: list[int], xs: list[int]
) -> list[list[tuple[int, int]]]:
    """A table ruled between its rows only (no column rules, so read as unruled): a row of lines never
    spans one of those rules when the lines below it start a row of their own: ink where the row number
    or the name stands, or the last lines of the body below a person's line (E dev 504 page 5: the "ВСИЧКО:" line, its totals
    by hand and its label in loose dot-matrix pins, taken for the last person's wrapped name; the footer
    read as the totals). A correction between two people's rows (figures only, above the rule or below
    it) stays with its row: no person's line on its side of the rule."""
    out: list[list[tuple[int, int]]] = []
    for i, row in enumerate(rows):
        start = 0
        for j in range(1, len(row)):
            if not any(row[j - 1][1] <= y <= row[j][0] for y in rules):
                continue
            # a person's line above the rule, and below it another one's or, at the end, the totals
            person_above = any(_labelled(ink, line, xs) for line in row[start:j])
            if person_above and (_labelled(ink, row[j], xs) or i == len(rows) - 1):
                out.append(row[start:j])
                start = j
        out.append(row[start:])
    return out


def _labelled(ink: np.ndarray, band: tuple[int, int], xs: list[int]) -> bool:
    """Ink where the row number or the name stands: a person's (or the totals') line, not a correction."""
    a, b = band
    return any((ink[a:b, xs[k] + 3 : xs[k + 1] - 3] > 0).sum() > 8 for k in range(min(2, len(xs) - 1)))


def _with_second_lines(ink: np.ndarray, bands: list[tuple[int, int]], xs: list[int]) -> list[list[tuple[int, int]]]:
    return group_lines(ink, bands, xs, second_lines=True)


def split_ruled_rows(ink: np.ndarray, grid: Grid) -> Grid:
    """A half-ruled table (only the columns ruled, or a rule missing between two rows): a ruled band
    that holds several people's lines is split between them, as an unruled table's rows are. Strokes down
    through the rows (a mended tear's tape: ``down_strokes``) fill the paper between the lines: the rows
    cut without them too, and the cuts that keep the people's rows the more even kept (a typed sheet's lines
    are evenly spaced: AH dev 26008 p1 and 26005 p1 cut evenly without the tape's ink, 26008 p2, its rows set
    close, by it)."""
    rows = _split_ruled_rows(ink, grid)
    clean = without_down_strokes(ink, grid.ys[1], grid.ys[-1], grid.xs[0], grid.xs[-1])
    if clean is ink:
        return rows
    rows_clean = _split_ruled_rows(clean, grid)
    return rows_clean if _unevenness(rows_clean) <= _unevenness(rows) else rows


def _unevenness(grid: Grid) -> float:
    """How unevenly the body's rows are cut: their heights' spread over their mean (heading, totals out)."""
    heights = np.diff(np.asarray(grid.ys[1:-1], dtype=np.float64))
    return float(np.std(heights) / np.mean(heights)) if heights.size >= 2 else float("inf")  # one row: none told


def _split_ruled_rows(ink: np.ndarray, grid: Grid) -> Grid:
    ys = [grid.ys[0], grid.ys[1]]
    for k in range(1, len(grid.ys) - 1):
        y0, y1 = grid.ys[k], grid.ys[k + 1]
        bands = split_tall(
            ink, text_bands(ink, y0 + 4, y1 - 4, grid.xs[0], grid.xs[-1]), grid.xs[0], grid.xs[-1]
        )
        # (a ruled table's band: a person's second typed line set close under it is theirs, ``_second_line``;
        # an unruled listing's lines are not so told apart, AA dev 19001 p3)
        rows = rows_between_rules(ink, bands, [], grid.xs, _with_second_lines) if len(bands) >= 2 else []
        for prev, row in zip(rows, rows[1:], strict=False):
            ys.append((prev[-1][1] + row[0][0]) // 2)
        ys.append(y1)
    if len(ys) == len(grid.ys):
        return grid
    return Grid(xs=grid.xs, ys=ys, ruled=True)


REACH_GAP = 3  # text lines' heights of paper at most between the rules' end and the rows' writing beyond it
REACH_ROWS = 0.5  # share of the rows whose writing runs on beyond the rules' end (two at the least)


def rows_reach(ink: np.ndarray, body: list[tuple[int, int]], left: int, right: int, gap: float) -> tuple[int, int]:
    """The table's sides where the people's rows run on beyond the ends of its rules: a rule faded or washed
    out at one end (R dev 10020 p2: a water stain over the names, the rules inside it paler, the table taken
    to begin 270 px right of the names' first letters, every first name lost). Out from each end, the
    columns of pixels inked on half the rows or more, each within ``gap`` of the next, are the table's."""
    if len(body) < 2:
        return left, right
    inked = np.zeros(ink.shape[1], np.int32)
    for a, b in body:
        inked += cv2.reduce((ink[a:b] > 0).view(np.uint8), 0, cv2.REDUCE_MAX).ravel().astype(np.int32)
    on = inked >= max(2, REACH_ROWS * len(body))

    def reach(start: int, step: int) -> int:
        last, x = start, start + step
        while 0 <= x < len(on) and abs(x - last) <= gap:
            if on[x]:
                last = x
            x += step
        return last

    new_left, new_right = reach(left, -1), reach(right, 1)
    # (a mended tear's tape down the margin, its dithered patches inked between the lines as on them, is no
    # writing of the rows: AH dev 26013 p6, the tape taken for three columns left of the numbers' own, every
    # line then a "correction" of the next, twelve people in three rows and nine lost without a flag)
    if new_left < left and _between_the_lines(ink, body, new_left, left):
        new_left = left
    if new_right > right and _between_the_lines(ink, body, right + 1, new_right + 1):
        new_right = right
    pad = int(gap / REACH_GAP / 3)  # a third of a line's height of paper beside the writing
    return (max(0, new_left - pad) if new_left < left else left,
            min(ink.shape[1] - 1, new_right + pad) if new_right > right else right)  # fmt: skip


BETWEEN_LINES = 0.5  # ink per row of pixels between the rows' lines, as a share of that on them, at the least


def _between_the_lines(ink: np.ndarray, body: list[tuple[int, int]], x0: int, x1: int) -> bool:
    """The ink in the columns ``x0:x1`` beside the table lies between the rows' lines (``body``) as thickly as
    on them (``BETWEEN_LINES``): a tape's dithered patches, a stain or a scratch down the margin, not writing
    (a row's number left of the table's rule, a line's first letters past a faded one: on the lines only)."""
    on = np.zeros(ink.shape[0], bool)
    for a, b in body:
        on[a:b] = True
    top, bottom = body[0][0], body[-1][1]
    there = (ink[top:bottom, x0:x1] > 0).sum(axis=1)
    lines, between = there[on[top:bottom]], there[~on[top:bottom]]
    if len(between) < len(body) or lines.sum() == 0:
        return False
    return float(between.mean()) >= BETWEEN_LINES * float(lines.mean())


COLUMN_RULES = 3  # column rules ending together below the last rule across the table, at the least


def _columns_foot(
    ink: np.ndarray, rules: Rules, head: int, last: int, left: int, right: int, line_h: int
) -> int | None:
    """Where the table's column rules end together, when that is below the last rule found across it and
    people's lines stand between (R dev 10004 p1: the rules between the rows lost to a black-and-white
    scan's threshold but for one under the second person, the column rules running on down to the totals;
    the body was taken to end at that rule and eight people of ten were lost without a word). Rules
    standing from the heading down, ``COLUMN_RULES`` of them at the least, ending within a line's height of
    one another; ``FRAME_LINES`` lines of writing at the least between, each in ``TABULAR`` pieces or more
    (a person's line, or the totals': not a note or the signatures). None where the rules end with the
    table's last rule (a table ruled to its foot) or nothing of a person's stands below it."""
    down = [v for v in rules.vertical if left <= v.pos <= right and v.start <= head + line_h and v.end > last + 2 * line_h]
    if len(down) < COLUMN_RULES:
        return None
    ends = sorted(v.end for v in down)
    foot = ends[len(ends) // 2]
    if sum(abs(e - foot) <= line_h for e in ends) < COLUMN_RULES:
        return None
    lines = split_tall(ink, text_bands(ink, last + 4, foot - 4, left, right), left, right)
    gap = max(12, line_h // 2)
    people = [b for b in lines if _pieces(ink, b, left, right, gap) >= TABULAR]
    if len(people) < FRAME_LINES or len(people) < len(lines) / 2:
        return None
    return foot


def _unruled_grid(ink: np.ndarray, rules: Rules, gaps: np.ndarray | None = None) -> Grid | None:
    """``ink``: text ink with dust removed (dust between columns must not look like text); ``gaps``: the
    same without pen strokes, where the gaps between columns are looked for (a signature that crosses
    into the figures' column beside it would close the gap)."""
    h, w = ink.shape
    hr = _above_the_sides(_long(rules.horizontal, w), rules.vertical)
    if len(hr) < 2:
        return None
    left = min(r.start for r in hr)
    right = max(r.end for r in hr)
    # heading band: between the first two rules (or the text lines just above the only rule)
    if len(hr) >= 3:
        r_top, r_head, r_tot = hr[0], hr[1], hr[-1]
    else:
        r_top, r_head, r_tot = None, hr[0], hr[1]
    body = split_tall(ink, text_bands(ink, r_head.pos + 4, r_tot.pos - 4, left, right), left, right)
    if len(body) < 1:
        return None
    heights = sorted(b - a for a, b in body)
    line_h = heights[len(heights) // 2]
    foot = _columns_foot(ink, rules, r_head.pos, r_tot.pos, left, right, line_h)
    if foot is not None:
        r_tot = Rule(foot, left, right)
        body = split_tall(ink, text_bands(ink, r_head.pos + 4, r_tot.pos - 4, left, right), left, right)
    reached = rows_reach(ink, body, left, right, REACH_GAP * line_h)
    left, right = (left if _framed_at(rules.vertical, left, body) else reached[0],
                   right if _framed_at(rules.vertical, right, body) else reached[1])  # fmt: skip
    if r_top is None:
        above = text_bands(ink, max(0, r_head.pos - 4 * line_h), r_head.pos - 4, left, right)
        head_top = above[0][0] - 6 if above else r_head.pos - 3 * line_h
    else:
        head_top = r_top.pos
    # the narrowest gap between columns, by one line of type (a row with a wrapped name is two lines;
    # where every row is, the height of the type says what one line is)
    one_line = heights[len(heights) // 4]
    glyph = _glyph_height(ink, r_head.pos + 4, r_tot.pos - 4, left, right)
    if glyph:
        one_line = min(one_line, int(1.5 * glyph))
    head = (head_top + 4, r_head.pos - 4)
    min_gap = max(12, int(0.3 * one_line))
    right = _typed_past(ink, (r_head.pos + 4, r_tot.pos - 4), right, min_gap, 3 * line_h)
    seps = column_gaps(ink, body, head, left, right, min_gap, group_rules(rules.mask, head, left, right))
    if gaps is not None:
        seps = _with_pen_gaps(ink, gaps, body, head, left, right, min_gap, seps)
    xs = _drop_empty_columns(ink, body, [left, *seps, right], head)
    xs = _fold_headless(ink, head, xs)
    # rows: a wrapped name continues the row above, a correction between rows goes with the row below
    inner = [r.pos for r in hr if r_head.pos < r.pos < r_tot.pos]
    # lines grouped on the ink without pen strokes: a tall signature reaching into the wrapped name's line above
    # its row made that line look like a person's (F dev 605 page 2, hard: a name's first line a row of its own)
    typed = gaps if gaps is not None else ink
    rows = rows_between_rules(
        ink, body, inner, xs, lambda _i, b, x: split_at_rules(ink, group_lines(typed, b, x), inner, x)
    )
    after = text_bands(ink, r_tot.pos + 4, min(h, r_tot.pos + 3 * line_h), left, right)
    tot_bottom = after[0][1] + int(0.4 * line_h) if after else r_tot.pos + int(1.5 * line_h)
    ys = [head_top, r_head.pos]
    for i in range(1, len(rows)):
        ys.append((rows[i - 1][-1][1] + rows[i][0][0]) // 2)
    ys += [r_tot.pos, tot_bottom]
    return Grid(xs=xs, ys=ys, ruled=False, row_lines=rows)


SIDE_NEAR = 40  # px: a vertical rule this near where the rules across begin (or end) is the table's side


def _framed_at(vertical: list[Rule], x: int, body: list[tuple[int, int]]) -> bool:
    """A vertical rule stands at the end ``x`` of the rules across (``SIDE_NEAR``) down the people's lines
    (``body``): the table's side, ruled. Writing beyond it is none of the table's (``rows_reach`` takes the
    rows' writing past the rules' ends where a rule faded, not past a side drawn: an adding machine's tape
    stapled a few millimetres right of a framed table, its figures on half the lines, is no column)."""
    if not body:
        return False
    a, b = body[0][0], body[-1][1]
    return any(abs(v.pos - x) <= SIDE_NEAR and v.start <= a + 0.1 * (b - a) and v.end >= b - 0.1 * (b - a)
               for v in vertical)  # fmt: skip


def _above_the_sides(hr: list[Rule], vertical: list[Rule]) -> list[Rule]:
    """The rules across without those above where the table's two sides begin and not as long as the table's
    rules (a table ruled by rows only, its sides ruled: a copy's paper edge near the image's top, a long line over
    the employer's name ending 950 px short of the table's rules, was taken
    for the table's top rule and the title for its heading: AC dev 21025 p2, 26 rows for 14 people). Unchanged
    without both sides, or where fewer than two rules would stay."""
    if len(hr) < 2:
        return hr
    left, right = int(np.median([r.start for r in hr])), int(np.median([r.end for r in hr]))
    sides = [[v for v in vertical if abs(v.pos - x) <= SIDE_NEAR and v.length >= 0.5 * (hr[-1].pos - hr[0].pos)]
             for x in (left, right)]  # fmt: skip
    if not sides[0] or not sides[1]:
        return hr
    top = min(v.start for v in sides[0] + sides[1])
    # (a rule over the heading as long as the table's rules stays: a printout's typed top rule, its column marks
    # typed from the heading's foot down, regression p-typed-dashes-into-letters-rows-lost)
    kept = [r for r in hr if r.pos >= top - 25 or (abs(r.start - left) <= 2 * SIDE_NEAR and abs(r.end - right) <= 2 * SIDE_NEAR)]
    return kept if len(kept) >= 2 else hr


def _typed_past(ink: np.ndarray, rows: tuple[int, int], right: int, min_gap: int, most: int) -> int:
    """The table's right side where the body's typing runs on past its rules' ends (a printout's last
    column typed past its dashes: P dev 8009 p1, the ЕГН's last digit cut off on every row, the column read
    as nine digits and no ЕГН found): the end of the ink that crosses the rules' end, up to a gap of
    ``min_gap`` (the column mark beyond it stays out), no more than ``most`` further."""
    band = ink[max(0, rows[0]) : max(rows[0], rows[1])]
    if band.size == 0 or right + 1 >= band.shape[1]:
        return right
    cols = (band[:, : min(band.shape[1], right + most)] > 0).sum(axis=0)
    if not cols[right - 2 : right + 1].any() or not cols[right : right + 3].any():
        return right  # no typing across the rules' end
    last, x = right, right
    while x < len(cols) and x - last < min_gap:
        if cols[x]:
            last = x
        x += 1
    return right if x >= len(cols) and x - last < min_gap else last + 4


def _body_below(ink: np.ndarray, rules: Rules, grid: Grid) -> Grid:
    """Only the heading ruled (L dev 4006): the vertical rules end under the heading and the people's
    lines, unruled, stand below them down to a rule across the table, the totals' line under it. The
    grid is carried down to that rule and the totals' line, where ``split_ruled_rows`` cuts the
    people's rows; a table ruled throughout has no lines of figures below its ruling. The table's width is
    where its heading's rules reach: a vertical "rule" beside them (a scan's border, a straightened image's
    fill at its side) does not widen it past the rule under the people (L dev 4008 page 7)."""
    left, right = grid.xs[0], grid.xs[-1]
    heading = [h for h in rules.horizontal if h.pos in grid.ys]
    if heading:
        left, right = max(left, min(h.start for h in heading)), min(right, max(h.end for h in heading))
    bottom = grid.ys[-1]
    span = right - left
    under = sorted(
        (
            h
            for h in rules.horizontal
            if h.pos > bottom + 25 and h.start <= left + 0.1 * span and h.end >= right - 0.1 * span
        ),
        key=lambda h: h.pos,
    )
    if not under:
        return grid
    r_tot = under[0].pos
    bands = text_bands(ink, bottom + 4, r_tot - 4, left, right)
    # lines of figures: ink in three columns or more (not a note or a stamp under the heading)
    figured = [
        (a, b) for a, b in bands
        if sum(1 for k in range(len(grid.xs) - 1) if (ink[a:b, grid.xs[k] + 3 : grid.xs[k + 1] - 3] > 0).sum() > 40) >= 3
    ]  # fmt: skip
    if len(figured) < 2 or len(figured) < len(bands) // 2:
        return grid
    line_h = sorted(b - a for a, b in bands)[len(bands) // 2]
    after = text_bands(ink, r_tot + 4, min(ink.shape[0], r_tot + 3 * line_h), left, right)
    ys = [*grid.ys, r_tot]
    if after:
        ys.append(after[0][1] + int(0.4 * line_h))
    return Grid(xs=grid.xs, ys=ys, ruled=True)


SIDE_MATCH = 12  # px: a vertical rule this near the grid's first or last boundary is the table's side
FRAME_LINES = 2  # lines of a person's writing the table's sides run on past its last rule at the least ...
COLUMNS_ON = 0.8  # ... or one, where this share of its columns' rules runs on with them to their end


def _sides_below(ink: np.ndarray, rules: Rules, grid: Grid) -> Grid:
    """The table's two side rules running on below its last rule found across it, the people's lines
    between them (R dev 10061 p2: a typed brigade payroll scanned in black and white, the rules between the
    rows broken into pieces by the threshold, the last one found across the table under the fifth person;
    its sides ran down to the totals' line under the eleventh, and six people were lost without a word).
    The grid is carried down to where both sides end, when the lines of writing there are figured (ink in
    three columns or more: a person's line or the totals', not a note or the signatures under the table),
    ``FRAME_LINES`` of them at the least and most lines there. ``split_ruled_rows`` then cuts the people's
    rows, the last line (the totals') the last band. A table ruled to its foot has no side running on past
    its last rule, and nothing changes."""
    if len(grid.xs) < 3 or len(grid.ys) < 3:
        return grid
    left, right, bottom = grid.xs[0], grid.xs[-1], grid.ys[-1]
    sides = [[v for v in rules.vertical if abs(v.pos - x) <= SIDE_MATCH and v.start < bottom] for x in (left, right)]
    if not sides[0] or not sides[1]:
        return grid
    end = min(max(v.end for v in sides[0]), max(v.end for v in sides[1]))
    # the lines from the heading's foot down to the sides' end (the broken rules' pieces join them in bands)
    lines = split_tall(ink, text_bands(ink, grid.ys[1] + 4, end - 4, left, right), left, right)
    body = [(a, b) for a, b in lines if b <= bottom]
    if not body:
        return grid
    line_h = sorted(b - a for a, b in body)[len(body) // 2]
    # every column's rule on to the sides' end: a typed table's line of sums under its last typed rule, its
    # column marks down to it (AB dev 20001 p4: the "Пренос" line left out, the last person read as the sums)
    columns = sum(any(abs(v.pos - x) <= SIDE_MATCH and abs(v.end - end) <= SIDE_MATCH for v in rules.vertical)
                  for x in grid.xs)  # fmt: skip
    # (not where they run on to the image's edge: a table cut there, regression header t-roman-month-slash-year;
    # nor a listing's: its marks' rules are drawn on to half a heading's height under its last rule, and its
    # sums' line is ``_sums_below``'s, the grid's foot under its writing, AA dev 19003 p3: the foot at the rules'
    # end, 20 px further, and the page's layout unproved)
    cut = end >= ink.shape[0] - 1 - SIDE_MATCH
    least = 1 if columns >= COLUMNS_ON * len(grid.xs) and not cut and not rules.listing else FRAME_LINES
    if end - bottom < least * line_h:
        return grid
    bands = [(a, b) for a, b in lines if a >= bottom - 8]
    figured = [
        (a, b) for a, b in bands
        if sum(1 for k in range(len(grid.xs) - 1) if (ink[a:b, grid.xs[k] + 3 : grid.xs[k + 1] - 3] > 0).sum() > 40) >= 3
    ]  # fmt: skip
    if len(figured) < least or len(figured) < len(bands) / 2:
        return grid
    return Grid(xs=grid.xs, ys=[*grid.ys, end], ruled=grid.ruled, has_totals=grid.has_totals)


HALF_RULE = 0.5  # share of the table's width a rule under the heading drawn in two goes keeps at the least
PEOPLE_LINES = 4  # lines of writing under a shorter piece of it at the least
GROUP_END = 20  # px: a rule across the heading ending this near a column rule at both its ends is a group's
# ... or this share of the narrowest column's width, where more, up to GROUP_END_TYPED px: a typed group's rule
# (`=====` under `Отработено време`) runs through the typed column marks' character cells, past the marks by a
# character or so (AE dev 23002 p6: 35 px and 24 px past them)
GROUP_END_SHARE, GROUP_END_TYPED = 0.3, 40


def _a_groups_rule(h: Rule, xs: list[int]) -> bool:
    """A rule inside the heading from one column rule to another, short of one side of the table at the least:
    the line under a group's heading (`Трудово възнаграждение` over `основно`, `прослужено време`, `всичко`),
    its columns' headings under it, not a piece of the heading's own rule (AD dev 22001 p4: the groups'
    rules, end to end over seven columns, with five lines of two-tier headings under them, ended the heading:
    those lines were read as three rows of nobody and the columns' headings lost, the page in review)."""
    narrowest = min((b - a for a, b in pairwise(xs)), default=0)
    near = min(GROUP_END_TYPED, max(GROUP_END, GROUP_END_SHARE * narrowest))

    def at_rule(x: int) -> bool:
        return min(abs(x - c) for c in xs) <= near

    inner = xs[0] + near < h.start or h.end < xs[-1] - near
    return inner and at_rule(h.start) and at_rule(h.end)


def _heading_rule(ink: np.ndarray, rules: Rules, grid: Grid) -> Grid:
    """The rule under the heading where the rules' grid missed it (R dev 10016: the heading band ran down to
    the rule under the first person, whose line was read as the heading's and lost): drawn in pencil, faded
    and leaning (``hand_rules.faint_rule``), or drawn in two goes of the ruler and only one found, across half
    the table or more (the grid takes a rule that reaches both sides). The lowest such rule across the first
    band with lines of writing above it and below it ends the heading; a group's rule (``_a_groups_rule``) never
    does, however like a person's line the columns' headings under it stand (AE dev 23002 p6: a typed
    `=====` under `Отработено време`, `Възнаграждение` and `Удръжки` over half the table ended the heading,
    its lower lines three rows of nobody, the page in review whole)."""
    top, below = grid.ys[0], grid.ys[1]
    left, right = grid.xs[0], grid.xs[-1]
    inside = [h for h in rules.horizontal if top + 6 < h.pos < below - 6 and h.end > left and h.start < right]
    cuts = [h.pos for h in inside if min(h.end, right) - max(h.start, left) >= HALF_RULE * (right - left)]
    faint = faint_rule(ink, left, right, top + 6, below - 6)
    if faint is not None:
        cuts.append(int(round(faint)))
    groups = {h.pos for h in inside if _a_groups_rule(h, grid.xs)}  # (AE dev 23002 p6: a typed group's rule)
    groups |= {h.pos for h in inside if _columns_begin_at(h, rules.vertical)}  # (AE dev 23003 p6: pen rules)
    for cut in sorted(cuts, reverse=True):
        if cut in groups:
            continue
        under = text_bands(ink, cut + 6, below - 4, left, right)
        if text_bands(ink, top + 4, cut - 6, left, right) and any(_a_persons_line(ink, b, grid.xs) for b in under):
            return Grid(xs=grid.xs, ys=[top, cut, *grid.ys[1:]], ruled=grid.ruled, has_totals=grid.has_totals)
    # a shorter piece of it (the rest faded away in a scan in black and white: R dev 10011 p1, the heading
    # band down to the totals, 4 people of 12 found) where the people's lines stand under it: more lines
    # of writing below it than above, ``PEOPLE_LINES`` at the least (a group's rule has a line or two of
    # the heading's under it)
    for h in sorted(inside, key=lambda h: -h.pos):
        if h.pos in groups:
            continue
        above = text_bands(ink, top + 4, h.pos - 6, left, right)
        under = text_bands(ink, h.pos + 6, below - 4, left, right)
        if above and len(under) >= max(PEOPLE_LINES, len(above) + 1):
            return Grid(xs=grid.xs, ys=[top, h.pos, *grid.ys[1:]], ruled=grid.ruled, has_totals=grid.has_totals)
    foot = _heading_by_gap(text_bands(ink, top + 4, below - 4, left, right))
    if foot is not None:  # no rule under the heading found at all: the paper its line left
        return Grid(xs=grid.xs, ys=[top, foot, *grid.ys[1:]], ruled=grid.ruled, has_totals=grid.has_totals)
    return grid


SUMS_GAP = 1.5  # lines of the type's (1.5 glyphs) at most between a listing's last rule and its sums' line


def _sums_below(ink: np.ndarray, grid: Grid) -> Grid:
    """A listing's sums under its last rule (a line printer types the rule, then the carried or the month's
    sums on the next line: AA dev 19003 p6, `ПРЕНОС` and its figures under the "=" rule left out of the grid,
    the page's columns proved by no total): its first line of writing below the grid, close under the rule,
    with ink in three columns or more, is the grid's last band."""
    if len(grid.ys) < 3 or len(grid.xs) < 4:
        return grid
    left, right, bottom = grid.xs[0], grid.xs[-1], grid.ys[-1]
    glyph = _glyph_height(ink, grid.ys[1], bottom, left, right)
    if not glyph:
        return grid
    line = 1.5 * glyph
    below = text_bands(ink, bottom + 3, min(ink.shape[0], bottom + int(3 * line)), left, right)
    if not below or below[0][0] - bottom > SUMS_GAP * line:
        return grid
    a, b = below[0]
    cols = sum(1 for k in range(len(grid.xs) - 1) if (ink[a:b, grid.xs[k] + 3 : grid.xs[k + 1] - 3] > 0).sum() > 40)
    if cols < 3:
        return grid
    return Grid(xs=grid.xs, ys=[*grid.ys, b + int(0.3 * glyph)], ruled=grid.ruled, has_totals=grid.has_totals)


WIDE_CELL = 32  # glyphs: a listing's widest column (a name's 30 print positions and the blanks about them)


def _unmarked_columns(ink: np.ndarray, rules: Rules, grid: Grid) -> Grid:
    """A listing's columns whose marks were not found, the grid's columns between its marks' rules: where its
    type runs heavy, a colon joined to the figure beside it is no mark, and where the film is out of focus at
    one side no mark stands out (AA dev 19011 p2: the tax, deductions and net pay past the last mark found, off
    the grid; p6: the money columns one cell). The table runs to its typed rules' ends, and a column's cell is
    cut where every line of the body leaves paper, as an unruled table's are (``column_gaps``)."""
    xs, ys = list(grid.xs), grid.ys
    if len(ys) < 3 or len(xs) < 2:
        return grid
    glyph = _glyph_height(ink, ys[1], ys[-1], xs[0], xs[-1])
    if not glyph:
        return grid
    across = [h for h in rules.horizontal if any(abs(h.pos - y) <= 4 for y in ys)]
    tails = []  # (the stretches past the marks, to the rules' ends or the rows' writing's, further)
    if across:
        left, right = int(np.median([h.start for h in across])), int(np.median([h.end for h in across]))
        lines = split_tall(ink, text_bands(ink, ys[1] + 4, ys[-1] - 4, left, right), left, right)
        left, right = rows_reach(ink, lines, left, right, REACH_GAP * 1.5 * glyph)  # (the rules faded there too)
        if right - xs[-1] > 2 * glyph:
            tails.append(xs[-1])
            xs.append(right)
        if xs[0] - left > 2 * glyph:
            xs.insert(0, left)
            tails.append(left)
    body = split_tall(ink, text_bands(ink, ys[1] + 4, ys[-1] - 4, xs[0], xs[-1]), xs[0], xs[-1])
    if len(body) < 3:
        return grid
    head = (ys[0] + 4, ys[1] - 4)
    min_gap = max(12, glyph // 2)
    # a stretch past the marks, or a cell wider than any one column of a listing (``WIDE_CELL``): cut at its gaps
    # (not a column's own: its heading's worn letter and its short figures may leave paper down it, AA dev 19003 p3)
    wide = [(a, b) for a, b in zip(xs, xs[1:], strict=False) if a in tails or b - a > WIDE_CELL * glyph]
    seps = [x for a, b in wide for x in _clean_gaps(ink, body, head, a + 3, b - 3, min_gap)]
    if not seps and len(xs) == len(grid.xs):
        return grid
    return Grid(xs=sorted(xs + seps), ys=ys, ruled=grid.ruled, has_totals=grid.has_totals)


SHORT_OF_RULES = 0.15  # of the grid's width: the table's rules run this much further than its columns at the least


def _columns_short_of_rules(rules: Rules, grid: Grid) -> bool:
    """The grid's column rules found over part of the table only: the rules across it, at the grid's lines, run
    on past its first or last column by ``SHORT_OF_RULES`` of its width (a typed table's dotted column rules
    found down its right-hand columns alone, those on the left too broken: AG dev 25004 p1-p4, the № column,
    the names and the days off the grid, every row's number lost and every field in review)."""
    across = [h for h in rules.horizontal if any(abs(h.pos - y) <= 4 for y in grid.ys)]
    if len(across) < 2:
        return False
    left, right = int(np.median([h.start for h in across])), int(np.median([h.end for h in across]))
    tol = SHORT_OF_RULES * (grid.xs[-1] - grid.xs[0])
    return grid.xs[0] - left > tol or right - grid.xs[-1] > tol


def _clean_gaps(ink: np.ndarray, body: list[tuple[int, int]], head: tuple[int, int], x0: int, x1: int,
                min_gap: int) -> list[int]:  # fmt: skip
    """The middles of the runs of paper ``min_gap`` wide or more between ``x0`` and ``x1`` (not at either end)
    that no line of the ``body`` and no line of the heading (``head``) puts ink in: a printer's columns, whose
    type never crosses from one into the next."""
    if x1 - x0 <= 2 * min_gap:
        return []
    used = np.zeros(x1 - x0, dtype=bool)
    for a, b in [*body, head]:
        used |= (ink[a:b, x0:x1] > 0).any(axis=0)
    return [x0 + (i + j) // 2 for i, j in true_runs(~used) if j - i >= min_gap and i > 0 and j < len(used)]


GAP_LINES = 6  # lines of writing in the first band at the least (no heading is so long) ...
GAP_HEADING = 4  # ... the heading among its first this many
GAP_WIDER = 1.35  # ... the paper under it this many times the people's lines' usual paper at the least ...
GAP_OVER_HEADING = 2.0  # ... and this many times the paper between the heading's own lines


def _heading_by_gap(bands: list[tuple[int, int]]) -> int | None:
    """The heading's foot in a first band that holds the people's lines too (a typed table's rule under its
    heading lost to a thin film: AB dev 20003 p6, 20005 p1, every person read as the heading and lost without a
    flag): the rule's own line left paper wider than the people's lines leave between them and twice the
    heading's (the lines lower than ``SLIVER`` of the usual left out: the specks the rule left); the middle
    of that paper. None where the band is no heading over people (``GAP_LINES``)."""
    if len(bands) < GAP_LINES:
        return None
    tall = float(np.median([b - a for a, b in bands]))
    bands = [(a, b) for a, b in bands if b - a >= SLIVER * tall]  # (what the lost rule left: specks, no line)
    if len(bands) < GAP_LINES:
        return None
    gaps = [b[0] - a[1] for a, b in zip(bands, bands[1:], strict=False)]
    for k in range(1, min(GAP_HEADING, len(gaps) - PEOPLE_LINES + 1)):  # (people's lines under it: four at least)
        rest = float(np.median(gaps[k + 1 :]))
        if gaps[k] >= GAP_WIDER * rest and gaps[k] >= GAP_OVER_HEADING * max(gaps[:k]):
            return (bands[k][1] + bands[k + 1][0]) // 2
    return None


def _a_persons_line(ink: np.ndarray, band: tuple[int, int], xs: list[int]) -> bool:
    """A line of writing in half the columns or more (three at the least): a person's, not the heading's last
    line, whose words stand under the columns of headings three lines long only (AB dev 20001 p4: a bold
    heading's letters run together along its second line taken for a faint rule, its third line "в м." a
    person's row)."""
    a, b = band
    inked = sum(1 for k in range(len(xs) - 1) if (ink[a:b, xs[k] + 3 : xs[k + 1] - 3] > 0).sum() > 40)
    return inked >= max(3, (len(xs) - 1) / 2)


def _a_box_beside_the_table(grid: Grid, rules: Rules) -> bool:
    """The ruled grid is a small box (the recap of the totals under a sheet ruled by rows only: M dev 5009
    page 2, its 3 vertical rules the only ones on the page, the grid found in it and the eleven people's
    rows lost, 72 fields wrong without a flag): three horizontal rules or more outside it run more than
    twice its width, the rules of the table the box is not."""
    width = grid.xs[-1] - grid.xs[0]
    longer = [h for h in rules.horizontal
              if h.length > 2 * width and not grid.ys[0] - 25 <= h.pos <= grid.ys[-1] + 25]  # fmt: skip
    return len(longer) >= 3


def find_grid(
    ink: np.ndarray, rules: Rules, *, layout: np.ndarray | None = None, gaps: np.ndarray | None = None,
    unruled: bool = False,
) -> Grid:
    """The payroll table's grid; ExtractionError when the page shows no table. ``layout``: the ink
    with dust removed more firmly (blots under 70 px), used to find the columns of unruled tables;
    ``gaps``: the same without pen strokes, for the gaps between those columns. ``unruled``: the grid of
    the writing's lines and columns, whatever rules the page shows (the reader's last try where the ruled
    grid gave no person's row)."""
    solid = layout if layout is not None else remove_specks(ink, 70)
    ruled = None if unruled else _ruled_grid(rules, size=solid.shape[:2])
    if ruled is not None and _a_box_beside_the_table(ruled, rules):
        ruled = None
    if ruled is not None:
        ruled = _body_below(solid, rules, ruled)
        ruled = _sides_below(solid, rules, ruled)
        ruled = _heading_rule(ink, rules, ruled)
        if rules.listing:
            ruled = _sums_below(solid, ruled)
        if rules.listing or _columns_short_of_rules(rules, ruled):
            ruled = _unmarked_columns(solid, rules, ruled)
    grid = split_ruled_rows(solid, ruled) if ruled is not None else _unruled_grid(solid, rules, gaps)
    if grid is None:  # fewer than two rules across the page (or nothing between them): its writing's
        grid = _grid_of_writing(solid, rules, gaps)
    if grid is None or grid.n_rows < 2 or grid.n_cols < 2:
        raise ExtractionError("не е намерена таблица на листа (няма линии или подравнени колони)")
    return grid


TABULAR = 4  # pieces of writing apart on a line of a table at the least (a row number, a name, figures)
BLOCK_GAP = 2.5  # line heights of paper at most between two lines of one table
SLIVER = 0.6  # of the usual line's height: a line lower than this is none of the table's type
TRAIL_GAP = 2.2  # times the table's usual paper between its lines: a line further off is not the table's


def _pieces(ink: np.ndarray, band: tuple[int, int], x0: int, x1: int, gap: int) -> int:
    """The pieces of writing on a line: runs of inked columns ``gap`` or more apart."""
    cols = np.flatnonzero((ink[band[0] : band[1], x0:x1] > 0).any(axis=0))
    if cols.size == 0:
        return 0
    return 1 + int((np.diff(cols) >= gap).sum())


def _heading_end(bands: list[tuple[int, int]]) -> int:
    """How many of a table's first lines are its heading: the first, and the lines under it set closer than the
    table's rows are apart (a heading's words wrapped in their cells)."""
    gaps = [b[0] - a[1] for a, b in zip(bands, bands[1:], strict=False)]
    usual = float(np.median(gaps[1:])) if len(gaps) > 1 else 0.0
    k = 1
    while k < len(bands) - 2 and gaps[k - 1] < 0.5 * usual:
        k += 1
    return k


def _writing_block(ink: np.ndarray, x0: int, x1: int, gap: int) -> list[tuple[int, int]] | None:
    """The lines of a table printed without rules: the longest run of lines near each other with writing in
    ``TABULAR`` pieces or more (its heading, its rows, its totals), without the lines above or under it set
    further off than its lines are apart (a title, the signatures under the totals)."""
    h = ink.shape[0]
    bands = text_bands(ink, 0, h, x0, x1)
    if len(bands) < 4:
        return None
    line_h = sorted(b - a for a, b in bands)[len(bands) // 2]
    tabular = [_pieces(ink, b, x0, x1, gap) >= TABULAR for b in bands]
    runs: list[list[int]] = []
    for i, b in enumerate(bands):
        if runs and b[0] - bands[runs[-1][-1]][1] <= BLOCK_GAP * line_h:
            runs[-1].append(i)
        else:
            runs.append([i])
    best: list[int] = []
    for run in runs:
        on = [i for i in run if tabular[i]]
        if len(on) >= 3 and len(on) > len(best):
            best = [i for i in run if on[0] <= i <= on[-1]]
    if not best:
        return None
    block = [bands[i] for i in best]
    # slivers (a line of the spreadsheet's column letters over the heading, a speck of the stamp) are no lines
    # of the table's type, and no bridge from its last line to the signatures
    tall = sorted(b - a for a, b in block)[len(block) // 2]
    block = [(a, b) for a, b in block if b - a >= SLIVER * tall]
    if len(block) < 3:
        return None
    gaps = [b[0] - a[1] for a, b in zip(block, block[1:], strict=False)]
    usual = max(float(np.median(gaps)), 0.5 * line_h)
    is_tabular = {bands[i]: tabular[i] for i in best}
    while len(block) > 3 and gaps[-1] > TRAIL_GAP * usual:
        block, gaps = block[:-1], gaps[:-1]
    # above the table: lines set further off than its lines are apart, and the lines of a piece or three
    # (the firm's name, the title, the period) and any line over them (the fax's line at the page's top)
    while len(block) > 3 and (gaps[0] > TRAIL_GAP * usual or not (is_tabular[block[0]] and is_tabular[block[1]])):
        block, gaps = block[1:], gaps[1:]
    if len(block) > 4 and _across_the_columns(ink, block[-1], block[1:-1], x0, x1, gap):  # the signatures
        block = block[:-1]
    return block if len(block) >= 3 else None


def _across_the_columns(
    ink: np.ndarray, line: tuple[int, int], rows: list[tuple[int, int]], x0: int, x1: int, gap: int
) -> bool:
    """The line's writing crosses two of the gaps the ``rows`` leave between their columns or more (the
    signatures' roles under a table, where its totals stand in its columns)."""
    inked = np.zeros(x1 - x0, np.int32)
    for a, b in rows:
        inked += (ink[a:b, x0:x1] > 0).any(axis=0)
    free = [(i, j) for i, j in true_runs(inked == 0) if j - i >= gap and i > 0 and j < len(inked)]
    own: np.ndarray = np.asarray((ink[line[0] : line[1], x0:x1] > 0).any(axis=0))
    return sum(1 for i, j in free if float(own[i:j].mean()) > 0.5) >= 2


def _lines_run_down(region: np.ndarray) -> bool:
    """The writing's lines run down the region, not across it (a page scanned turned by a quarter: its
    "table" is columns of letters; the reader turns it). At about 100 dpi, as the capture checks tell."""
    small = cv2.resize((region > 0).view(np.uint8) * 255, None, fx=1 / 3, fy=1 / 3, interpolation=cv2.INTER_AREA)
    axis = line_axis((small > 60).view(np.uint8))
    return axis is not None and axis < 0


def _writing_reach(ink: np.ndarray, bands: list[tuple[int, int]], left: int, right: int, gap: int) -> tuple[int, int]:
    """The table's sides where its lines' writing runs on beyond its outer column rules (the rule at its side
    lost: the row numbers left of the first rule standing): out from each side, the columns of pixels inked on
    two of its lines or more, each within ``gap`` of the next."""
    inked = np.zeros(ink.shape[1], np.int32)
    for a, b in bands:
        inked += (ink[a:b] > 0).any(axis=0)
    on = np.flatnonzero(inked >= 2)
    out_left, out_right = left, right
    for x in on[on < left][::-1]:
        if out_left - x > gap:
            break
        out_left = int(x)
    for x in on[on > right]:
        if x - out_right > gap:
            break
        out_right = int(x)
    pad = gap // 9
    return (max(0, out_left - pad) if out_left < left else left,
            min(ink.shape[1] - 1, out_right + pad) if out_right > right else right)  # fmt: skip


def _grid_of_writing(ink: np.ndarray, rules: Rules, gaps: np.ndarray | None) -> Grid | None:
    """The grid of a table with no rule across it (U: a spreadsheet printed without its grid, or its thin
    rules lost in a fax's standard mode, some of the columns' rules alone left or none at all; the page failed
    as "no table"): the rules it would have drawn, from its writing. Its lines are those between its column
    rules where three or more stand together (not a streak or the scan's border running on far above or below
    them), else the run of lines with the writing in pieces apart; its first line (and the lines set close
    under it) its heading, its last the totals. Its columns are the writing's (``_unruled_grid``): column rules
    lost in places leave some columns without theirs."""
    h, w = ink.shape
    vert = [v for v in rules.vertical if v.length >= 0.05 * h]
    if len(vert) >= 3:
        top = int(np.median([v.start for v in vert]))
        bottom = int(np.median([v.end for v in vert]))
        tall = bottom - top
        vert = [v for v in vert if v.start >= top - tall // 4 and v.end <= bottom + tall // 4 and v.length > tall // 2]
    glyph = _glyph_height(ink, 0, h, int(0.02 * w), int(0.98 * w)) or 20
    if len(vert) >= 3:
        top = min(v.start for v in vert)
        bottom = max(v.end for v in vert)
        left, right = min(v.pos for v in vert), max(v.pos for v in vert)
        bands = text_bands(ink, top + 4, bottom - 4, left, right)
        if len(bands) < 3:
            return None
        line_h = sorted(b - a for a, b in bands)[len(bands) // 2]
        under = text_bands(ink, bottom - 4, bottom + 3 * line_h, left, right)
        if under and under[0][0] <= bottom + line_h // 2:  # the last line's writing runs on under the rules' ends
            bands = text_bands(ink, top + 4, under[0][1] + 2, left, right)
        bands = split_tall(ink, bands, left, right)
        left, right = _writing_reach(ink, bands, left, right, 3 * sorted(b - a for a, b in bands)[len(bands) // 2])
    else:
        found = _writing_block(ink, int(0.02 * w), int(0.98 * w), max(12, int(1.2 * glyph)))
        if found is None:
            return None
        cols = np.flatnonzero((ink[found[0][0] : found[-1][1]] > 0).any(axis=0))
        left, right = max(0, int(cols[0]) - glyph), min(w - 1, int(cols[-1]) + glyph)
        bands = split_tall(ink, found, left, right)
        top = bands[0][0] - 6
    if _lines_run_down(ink[top : bands[-1][1], left:right]):  # a page turned: no table as given
        return None
    k = _heading_end(bands)
    if len(bands) - k < 2:  # a person's line and the totals at the least
        return None
    at_head = (bands[k - 1][1] + bands[k][0]) // 2
    at_totals = (bands[-2][1] + bands[-1][0]) // 2
    drawn = [Rule(y, left, right) for y in (top, at_head, at_totals)]
    if right - left < 0.45 * w:  # (``_unruled_grid`` takes rules across half the page)
        return None
    return _unruled_grid(ink, Rules(drawn, [], rules.mask), gaps)
