"""Ruling lines: find horizontal and vertical rules by morphology, and take them out of the text image."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

import cv2
import numpy as np

from . import squared_paper
from .column_marks import (
    MARK_GAP,
    MARKED_GAP,
    colon_marks,
    column_marks,
    listing_marks,
    marked_listing,
    printed_bangs,
    typed_columns,
)
from .pins import stacked
from .preprocess import components
from .row_opening import dilate_rows, open_rows
from .typed_rules import TYPED_THIN_ALIKE, alike_rules, curving_rules, dotted_rules, typed_rules


@dataclass(frozen=True)
class Rule:
    pos: int  # y of a horizontal rule, x of a vertical one
    start: int  # extent along the rule
    end: int

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class Rules:
    horizontal: list[Rule]
    vertical: list[Rule]
    mask: np.ndarray  # 255 where ruling ink is
    listing: bool = False  # a printer's listing filmed without its perforations (``Dashed.listing``)


STRAY_GAP = 150  # px at 300 dpi: a piece of stroke this far past a rule's end is none of it ...
STRAY_SHARE = 0.1  # ... when it is shorter than this share of the rule's ink along its length


def _without_stray_ends(along: np.ndarray, gap: int) -> np.ndarray:
    """The places along a rule (sorted) without short pieces standing off its ends by more than ``gap``: a
    barcode sticker's bars in line with a column's rule, tall enough at 240 dpi put to 300 to pass the
    vertical opening, made the rule run from the image's top, and the rule was then taken for a toner streak
    (Z dev 18002 p7, p8: three columns read as one, the page in review whole)."""
    while along.size:
        cuts = np.nonzero(np.diff(along) > gap)[0]
        if cuts.size == 0:
            break
        first, last = along[: cuts[0] + 1], along[cuts[-1] + 1 :]
        if first.size <= last.size and first.size < STRAY_SHARE * along.size:
            along = along[cuts[0] + 1 :]
        elif last.size < STRAY_SHARE * along.size:
            along = along[: cuts[-1] + 1]
        else:
            break
    return along


def _positions(mask: np.ndarray, axis: int, min_len: int, merge: int, stray: int | None = None) -> list[Rule]:
    """Cluster the rows (axis=1: horizontal rules) or columns (axis=0) of ``mask`` that carry a rule; with
    ``stray``, short pieces more than that far off a rule's ends are no part of it (``_without_stray_ends``)."""
    # ink per row (axis=1) or column (axis=0): cv2.reduce, several times numpy's sum over a page
    prof = cv2.reduce((mask > 0).view(np.uint8), axis, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel()
    idx = np.nonzero(prof >= min_len)[0]
    rules: list[Rule] = []
    if idx.size == 0:
        return rules
    groups: list[list[int]] = [[int(idx[0])]]
    for i in idx[1:]:
        if i - groups[-1][-1] <= merge:
            groups[-1].append(int(i))
        else:
            groups.append([int(i)])
    for g in groups:
        lo, hi = g[0], g[-1]
        band = mask[lo : hi + 1, :] if axis == 1 else mask[:, lo : hi + 1]
        along = np.nonzero((band > 0).any(axis=0 if axis == 1 else 1))[0]
        if stray is not None:
            along = _without_stray_ends(along, stray)
        weights = prof[lo : hi + 1].astype(np.float64)
        pos = int(round(float(np.average(np.arange(lo, hi + 1), weights=weights))))
        rules.append(Rule(pos, int(along[0]), int(along[-1])))
    return rules


def find_rules(
    binary: np.ndarray,
    *,
    dpi: int = 300,
    blots: tuple[np.ndarray, np.ndarray] | None = None,
    dashed: Dashed | None = None,
    strokes: tuple[int, np.ndarray] | None = None,
    gray: np.ndarray | None = None,
) -> Rules:
    """Long thin strokes; gaps in broken ruling are bridged, doubled rules merge into one; dashed rules
    are drawn solid first (``blots``: the binary's component stats and centroids, when known; ``dashed``:
    ``dashed_rules`` of this binary at this dpi, when already drawn; ``strokes``: (length, the binary with
    its horizontal dashed rules drawn opened by a row kernel that long), when already made:
    ``ocr.unbend.strokes``; ``gray``: the grey image the binary was made of, when known: the lines of
    squared paper are then no rules, ``ocr.squared_paper``)."""
    h, w = binary.shape
    unit = dpi / 300.0
    hk = max(30, int(110 * unit))
    vk = max(30, int(90 * unit))
    dashed_h, dashed_v, listing, typed = dashed if dashed is not None else dashed_rules(binary, dpi=dpi, blots=blots)
    # a shorter kernel's strokes hold every row this one keeps ink on (a longer one's may not)
    shorter = strokes[1] if strokes is not None and strokes[0] <= hk else None
    horiz = open_rows(cv2.bitwise_or(binary, dashed_h), hk, shorter)
    vert = cv2.morphologyEx(cv2.bitwise_or(binary, dashed_v), cv2.MORPH_OPEN,
                            cv2.getStructuringElement(cv2.MORPH_RECT, (1, vk)))  # fmt: skip
    # bridge gaps of broken ruling and small residual skew
    horiz_b = dilate_rows(horiz, int(60 * unit), 3)  # (on the rules' rows only)
    vert_b = cv2.dilate(vert, cv2.getStructuringElement(cv2.MORPH_RECT, (3, int(40 * unit))))
    vr = _positions(vert_b, axis=0, min_len=int(h * 0.06), merge=int(14 * unit), stray=int(STRAY_GAP * unit))
    hr = _off_the_edge(_positions(horiz_b, axis=1, min_len=int(w * 0.2), merge=int(14 * unit)), h, unit)
    hr = _not_the_frame(hr, h, w, vr)
    if gray is not None:  # squared paper's lines (O dev 7013 p1, 7016 p1: every row's number withheld)
        hr, vr = _without_the_paper(gray, hr, vr)
    if _fanfold_sides(dashed_v):  # perforated, not a photocopy's solid edge or streaks (O dev 7012 p2, 7016 p1)
        hr, vr = _without_the_fanfold(hr, vr, h, w)
    elif listing:  # a listing filmed without its perforations: its table within its typed rules' reach
        vr = _within_the_listing(vr, dashed_h)
    mask = cv2.dilate(cv2.bitwise_or(horiz, vert), cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    vr, ones = _without_stacked_ones(vr, binary, unit)
    if ones:  # their ink the figures' (what a rule across them left on the mask stays)
        across = cv2.dilate(horiz, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))  # once, not once a column
        for r in ones:
            x0, x1 = max(0, r.pos - int(14 * unit)), r.pos + int(14 * unit) + 1
            mask[r.start : r.end + 1, x0:x1] = across[r.start : r.end + 1, x0:x1]
    # a table typed with marks between its columns, as ``dashed_rules`` told it (the marks' columns before they
    # were drawn as rules: not a listing's, nor a column of colons that made no typed table, AA dev 19005 p8)
    if typed and hr:
        hr = _off_the_writing(hr, cv2.bitwise_and(binary, cv2.bitwise_not(mask)), unit)
    return Rules(hr, vr, mask, listing)


ONES_LOW = 0.25  # a vertical "rule" begun this share of the table's rules' length under their tops at the least ...
ONES_SHORT = 0.5  # ... no longer than this share of them, within their reach: a column of figures' "1"s
ONES_TABLE = 4  # rules down the page besides it at the least (the table's)
# or, begun under the table's tops by this share of their length at the least (not down from the heading), its
# ink on the page broken into this many pieces at the least, by gaps alike (ONES_ALIKE_SHARE of them within
# ONES_ALIKE of their median, the median this long at least, px at 300 dpi), over no more than ONES_INKED of its length: the glyphs
# of a column of figures typed one under another, each line's gap between them (AM dev 31001 p1: the "1" of
# every row's "21" days a rule, taken out with it, the days read "2" on every row)
ONES_UNDER = 0.1
ONES_PIECES = 6
ONES_ALIKE = 0.3
ONES_ALIKE_SHARE = 0.8  # (a rule across the column, where it meets the first line's glyph, leaves one gap short)
ONES_GAP = 8
ONES_INKED = 0.8
ONES_BESIDE = 4  # px at 300 dpi either side of the rule's place looked at for its ink


def _stacked_glyphs(r: Rule, binary: np.ndarray, unit: float) -> bool:
    """``r``'s ink on the page is a stack of glyphs one line under another, not a drawn rule: broken into
    ``ONES_PIECES`` pieces at least by gaps most of which are alike (a line's spacing), inked over ``ONES_INKED`` of it at most.
    A drawn rule, faint or not, is inked along most of its length; a dashed one runs down from the heading."""
    x0, x1 = max(0, r.pos - int(ONES_BESIDE * unit)), r.pos + int(ONES_BESIDE * unit) + 1
    inked = (binary[r.start : r.end + 1, x0:x1] > 0).any(axis=1)
    if not inked.size or inked.mean() > ONES_INKED:
        return False
    steps = np.diff(np.r_[0, inked.astype(np.int8), 0])
    starts, ends = np.nonzero(steps == 1)[0], np.nonzero(steps == -1)[0]
    gaps = starts[1:] - ends[:-1]
    if len(starts) < ONES_PIECES or not gaps.size:
        return False
    median = float(np.median(gaps))
    alike = float(np.mean(np.abs(gaps - median) <= ONES_ALIKE * median))
    return median >= ONES_GAP * unit and alike >= ONES_ALIKE_SHARE


def _without_stacked_ones(
    vr: list[Rule], binary: np.ndarray | None = None, unit: float = 1.0
) -> tuple[list[Rule], list[Rule]]:
    """The vertical rules without the ones that are a column of figures' "1"s typed one under another (the row
    numbers 10-17 on a single-spaced typed sheet, their tens' "1"s a dashed rule to ``dashed_rules``: AF dev
    24008 p6, the tens taken out with the rule and the numbers 10-17 read 0-7, every number dropped as out of
    order and the rows numbered wrong): a "rule" begun well under the tops of the table's own rules (the
    median of the others), half their length at most, and ending within their reach; or (``binary``: the page's
    ink) begun under their tops and inked on the page as a stack of glyphs (``_stacked_glyphs``). A table's
    rules run down from its heading; a sub-column's from a group's heading, just under the others' tops, drawn
    along its length. Returns (kept, the "1"s)."""
    kept, ones = [], []
    for r in vr:
        table = [o for o in vr if o is not r]  # (the page's edges among them: the median is the table's)
        if len(table) >= ONES_TABLE:
            top = float(np.median([o.start for o in table]))
            bottom = float(np.median([o.end for o in table]))
            length = float(np.median([o.length for o in table]))
            within = r.end <= bottom + ONES_LOW * length / 4
            if within and ((r.length <= ONES_SHORT * length and r.start >= top + ONES_LOW * length)
                           or (binary is not None and r.start >= top + ONES_UNDER * length
                               and _stacked_glyphs(r, binary, unit))):  # fmt: skip
                ones.append(r)
                continue
        kept.append(r)
    return kept, ones


WRITING_NEAR = (6, 12)  # px either side of a rule where a line of writing's letters stand, if it runs along one ...
WRITING_ALONG = 0.2  # ... over this share of its length, on both sides


def _off_the_writing(hr: list[Rule], ink: np.ndarray, unit: float) -> list[Rule]:
    """A typed table's rules without the "rules" that run along a line of its writing: a typed rule is a line
    of its own, paper on both sides; a bold heading's letters run together in the film's blur make dashes
    along its line (AB dev 20001 p7: a "rule" through the heading's second line cut the heading in two and
    its third line was read as a person's row). ``ink``: the page's, rules taken out. Only a "rule" with rules
    above and below it, in the table: the page's first and last stay (a listing's paper edges on the film, a
    ragged tear line and the dark frame beyond it: AA dev 19005 p2, the page's columns lost without them)."""
    a, b = int(WRITING_NEAR[0] * unit), int(WRITING_NEAR[1] * unit)
    top, bottom = min((r.pos for r in hr), default=0), max((r.pos for r in hr), default=0)
    out = []
    for r in hr:
        if r.pos in (top, bottom):
            out.append(r)
            continue
        seg = ink[:, r.start : r.end + 1]
        up = (seg[max(0, r.pos - b) : max(0, r.pos - a)] > 0).any(axis=0).mean() if r.pos - a > 0 else 0.0
        down = (seg[r.pos + a : r.pos + b] > 0).any(axis=0).mean() if r.pos + b < ink.shape[0] else 0.0
        if not (up >= WRITING_ALONG and down >= WRITING_ALONG):
            out.append(r)
    return out


def _without_the_paper(gray: np.ndarray, hr: list[Rule], vr: list[Rule]) -> tuple[list[Rule], list[Rule]]:
    """The rules without squared paper's faint page-wide grid: a rule on the grid's slot, no darker than the
    grid's lines, is the paper's line (the table's rules drawn on the paper stand darker)."""
    gh = squared_paper.grid_lines(gray, 1)
    gv = squared_paper.grid_lines(gray, 0)
    if gh is None and gv is None:
        return hr, vr
    kept_h = [r for r in hr if not squared_paper.paper_rule(gray, r.pos, r.start, r.end, True, gh)]
    kept_v = [r for r in vr if not squared_paper.paper_rule(gray, r.pos, r.start, r.end, False, gv)]
    return kept_h, kept_v


FANFOLD_TALL = 0.95  # share of the image's height a fanfold's perforation runs down (no table's rule does)
FANFOLD_SIDE = 0.08  # share of the width from the side where the perforations beside the tractor holes run


def _without_the_fanfold(hr: list[Rule], vr: list[Rule], h: int, w: int) -> tuple[list[Rule], list[Rule]]:
    """The rules without the fanfold paper's perforations: a printout on fanfold has a perforated line down
    each side, inside the tractor holes, from the top of the image to its bottom (no table's rule runs the
    whole height: a heading stands above a table, signatures below), and the tear lines across the page at
    the top and bottom run out over those side lines to the holes, where no table's rule reaches (P dev
    8009 page 2: the tear lines taken for the table's top and bottom rules, the perforations for its
    sides, and nine people of twelve not read). Both are dropped, only where both side lines stand."""
    tall = [v for v in vr if v.length >= FANFOLD_TALL * h]
    left = [v for v in tall if v.pos <= FANFOLD_SIDE * w]
    right = [v for v in tall if v.pos >= (1 - FANFOLD_SIDE) * w]
    if not left or not right:
        return hr, vr
    x0, x1 = max(v.pos for v in left), min(v.pos for v in right)
    kept_h = [r for r in hr if not (r.start < x0 - 8 or r.end > x1 + 8)]
    kept_v = [v for v in vr if v not in tall and x0 < v.pos < x1]
    return kept_h, kept_v


EDGE = 0.015  # share of the height near the edge where a rule is the paper's edge while two others stay


def _off_the_edge(rules: list[Rule], size: int, unit: float) -> list[Rule]:
    """Horizontal rules not on the image's very top or bottom edge: the dark edge of the glass or of a sheet
    cut in two, turned by the deskew into a wedge along the border, is no ruling (taken for the table's top
    rule, it put the employer's heading inside the table: `--hard all --seed 55` page 21's second sheet).
    Within 2 mm of the edge a stroke is always dropped; within 1.5 % of the page's height (the step between
    a deskew's white fill and the grey paper, D dev 103 page 7: a "rule" 20 px from the top lost eight of
    nine people) only while two rules stay, so a sheet cropped to its table keeps its rules. A sheet keeps
    a margin above its heading and below its signatures. (Not the vertical ones: a table cut close at the
    side keeps its last rule there, tests/fixtures/golden/broken.)"""
    edge = 24 * unit  # 2 mm at 300 dpi
    kept = [r for r in rules if edge <= r.pos <= size - 1 - edge]
    margin = max(8, int(EDGE * size))
    inner = [r for r in kept if margin <= r.pos <= size - 1 - margin]
    return inner if len(inner) >= 2 else kept


FRAME = 0.05  # share of the height from the top or bottom where a microfilm frame's dark edge stands
FRAME_ACROSS = 0.01  # ... reaching within this share of the width of both sides of the image
FRAME_SIDE = 0.03  # or, where the frame runs down a side too, its inner edge there: within this share of the width
FRAME_DOWN = 0.9  # of the image's side, down this share of the height at the least ...
FRAME_MEETS = 40  # ... and the top or bottom edge's end this near it (px)


def _not_the_frame(rules: list[Rule], h: int, w: int, vertical: list[Rule] | None = None) -> list[Rule]:
    """Horizontal rules without the dark edge of a microfilm's frame (family R: printed from the film, a dark
    band 1-4 % of the page along its top or bottom): its inner edge runs from one side of the image to the
    other near the top or bottom, where no table's rule runs (a sheet keeps margins beside its table). Taken
    for the table's top rule, it put the heading of the sheet into the table's heading, the employer's name
    in the first column's (R dev 10020 p1: every column misplaced, the page whole to review). Dropped only
    while two rules stay (as ``_off_the_edge``). The frame dark down a side of the image too: its top or bottom
    edge reaches that side where it meets the side's inner edge (``vertical``: a "rule" near that side of the
    image down nearly all its height; R dev 10001 p14, a frame 2 % wide on the left: its top edge from x 58,
    taken for the rule over the heading, put the employer and the heading into the table as four people and
    every person's name on another's row, 9 names wrong without a flag)."""
    side = FRAME_ACROSS * w
    sides = [v.pos for v in vertical or [] if v.length >= FRAME_DOWN * h and min(v.pos, w - 1 - v.pos) <= FRAME_SIDE * w]

    def reaches(x: int, edge: int) -> bool:
        return abs(x - edge) <= side or any(abs(x - v) <= FRAME_MEETS for v in sides if abs(v - edge) <= FRAME_SIDE * w)

    def frame(r: Rule) -> bool:
        return reaches(r.start, 0) and reaches(r.end, w - 1) and (r.pos <= FRAME * h or r.pos >= (1 - FRAME) * h)

    kept = [r for r in rules if not frame(r)]
    return kept if len(kept) >= 2 else rules


DASH_THIN = 12  # a dash of a dashed rule is at most this thick (pixels at 300 dpi) ...
DASH_MIN = 10  # ... at least this long ...
DASH_ELONGATED = 1.6  # ... and this many times longer than thick (a short dash, blurred: 18 x 9) ...
DASH_TYPED = 1.2  # ... on a fanfold printout, whose typed dashes are squat (11 x 9: P dev 8009 page 1)
FANFOLD_DASHED = 0.6  # share of the height the perforations' dashes are found on down a side ...
FANFOLD_REACH = 0.85  # ... and from how near its top to how near its bottom (a skewed sheet's corners cut)
DASH_GAP = 24  # the widest gap between two dashes of one rule
DASH_DRIFT = 4  # how far one dash's middle may stand off the last one's, across the rule
DASH_RUN = 8  # dashes in a row: fewer are a word's hyphens or a dot-matrix glyph's strips, not a rule
DASH_REACH = 300  # pixels a run of dashes spans at the least (a rule runs across columns)
DASH_PLAIN = 0.1  # share of a run's dashes alone, no crossing (J dev 1013 p2's rules: 2 of 12 at the least)
DASH_OVER_GAP = 1.0  # a rule's dashes are no shorter than the gaps between them (a blurred dash longer still)
DASH_ALIKE = 0.7  # share of a run's dashes within a quarter of their median length: drawn as a rule is


def _a_rule(
    run: list[int], start: np.ndarray, length: np.ndarray, crossed: np.ndarray, unit: float, bridged: float
) -> bool:
    """A run of dashes long, wide and regular enough for a rule, not all of them crossings (letters' stems)."""
    a0, a1 = int(start[run[0]]), int(max(start[i] + length[i] for i in run))
    if len(run) < DASH_RUN or a1 - a0 < DASH_REACH * unit or not _regular(start[run], length[run], bridged):
        return False
    return bool(np.count_nonzero(~crossed[run]) >= max(2, len(run) * DASH_PLAIN))


def _regular(starts: np.ndarray, lengths: np.ndarray, bridged: float | None = None) -> bool:
    """The dashes of a rule are of one length and one spacing (the strips of a dot-matrix face's letters,
    aligned along a text line, are not: J dev 1003 p4 took its rows' letters for rules). ``bridged``: gaps
    wider than this are stretches where the dashes ran into letters (``_bridged``), not spacing."""
    med = float(np.median(lengths))
    if np.mean(np.abs(lengths - med) <= 0.25 * med) < DASH_ALIKE:
        return False
    order = np.argsort(starts)
    gaps = (starts[order][1:] - (starts[order] + lengths[order])[:-1]).astype(np.float64)
    if bridged is not None:
        gaps = gaps[gaps <= bridged]
        if gaps.size == 0:
            return True
    g = float(np.median(gaps))
    if g > DASH_OVER_GAP * med:  # more paper than ink: a column of typed "1"s, one a row (J dev 1013 p1)
        return False
    return bool(np.mean(np.abs(gaps - g) <= max(3.0, 0.35 * g)) >= DASH_ALIKE)


def dashed_rules(
    binary: np.ndarray, *, dpi: int = 300, blots: tuple[np.ndarray, np.ndarray] | None = None
) -> Dashed:
    """Dashed rules, each drawn as one solid stroke over its dashes and gaps (horizontal, vertical): a
    run of short thin strokes in line, the gaps between them short. The long-stroke morphology of
    ``find_rules`` sees no rule in dashes shorter than its kernel (J dev 1003: a page ruled in dashes of
    20 px read as no table at all), and the dashes left in the text ink joined the rows' lines."""
    unit = dpi / 300.0
    stats, centroids = blots if blots is not None else components(binary)[2:]
    x, y, w, h = (stats[1:, k] for k in range(4))  # left, top, width, height
    stacks = stacked(stats)
    strips = stacks[1:]  # a dot-matrix letter's pin rows: no dashes
    counted: list[np.ndarray] = []  # the binary's ink counted once (``_ink_counts``) for both directions

    def drawn(horizontal: bool, printout: bool, crossings: bool) -> np.ndarray:
        start, along, mid, thick = (x, w, centroids[1:, 1], h) if horizontal else (y, h, centroids[1:, 0], w)
        mask = np.zeros_like(binary)
        crossed = np.zeros(len(thick), dtype=bool)
        if crossings:
            counted[:] = counted or [_ink_counts(binary)]
            mid, thick, crossed = _crossings(
                binary, start, along, y if horizontal else x, mid, thick, horizontal, unit, counted[0]
            )
        dash = (thick <= DASH_THIN * unit) & (along >= DASH_MIN * unit) & ~strips
        dash &= along >= (DASH_TYPED if printout else DASH_ELONGATED) * np.maximum(thick, 1)
        s_, l_, m_, t_, c_ = start[dash], along[dash], mid[dash], thick[dash], crossed[dash]
        runs = _runs_of_dashes(s_, l_, m_, DASH_GAP * unit, DASH_DRIFT * unit)
        if horizontal and printout:
            runs = _bridged(runs, s_, l_, m_, t_, binary, unit)
        gap = DASH_GAP * unit  # wider gaps: breaks where the dashes ran into letters or a figure, no spacing
        for pieces in _joined(runs, s_, l_, m_, DASH_BREAK * unit, DASH_DRIFT * unit):
            joined = [i for piece in pieces for i in piece]
            # the pieces joined as one rule, or as before, each on its own (joining never loses a rule)
            ok = [joined] if _a_rule(joined, s_, l_, c_, unit, gap) else []
            for run in ok or [p for p in pieces if len(pieces) > 1 and _a_rule(p, s_, l_, c_, unit, gap)]:
                # through the dashes' middles, ends to ends: a bent sheet's rule stays bent (ocr.unbend measures it)
                along_pts = np.ravel(np.column_stack([s_[run], s_[run] + l_[run] - 1]))
                across_pts = np.repeat(np.round(m_[run]), 2)
                pts = np.column_stack([along_pts, across_pts] if horizontal else [across_pts, along_pts])
                cv2.polylines(
                    mask, [pts.astype(np.int32).reshape(-1, 1, 2)], False, 255, max(1, int(np.max(t_[run])))
                )
        return mask

    # fanfold paper (a printout): its typed rules' dashes squat and run into the letters, its "!" marks cross
    # them; the fanfold's perforations down its sides, found among the plain dashes, say it is one
    vertical = drawn(False, False, False)
    typed: np.ndarray | None = None
    listing = False
    fanfold = _fanfold_sides(vertical)
    if not fanfold:
        typed = typed_rules(binary, stats, centroids, stacks, unit, any_bars=True)  # (AG dev 25001 p3: its heading's
        # rule of equals signs lost where their bars were not paired, the heading's lines read as rows)
        vertical = drawn(False, False, True)
    # a table typed with "|" marks between its columns on no fanfold (a daisy wheel's, family AB): its rules
    # typed too, found as a printout's
    marked = not fanfold and not printed_bangs(stats, centroids, unit) and typed_columns(
        stats, centroids, unit, vertical, binary
    )  # (not a line printer's "!" marks: a listing's)
    if not fanfold and not marked and typed is not None:
        # or a listing filmed without its perforations in view (a line printer's, AA dev 19003): its colon, "!"
        # or "|" marks typed down the table's lines, or its typed rules of hyphens, of one reach, across it (a table
        # ruled in short dashes both ways is none: J dev 1013 p2, its dashes as short as hyphens)
        listing = marked_listing(stats, centroids, unit, binary) or (
            _typed_listing(typed, binary, unit) and not _drawn_down(vertical, typed)
        )
        if listing:  # a printer's only vertical rules are its marks: the stems of a worn type's letters one under
            # another are no dashed rule (AA dev 19003 p5: the names' second letters)
            vertical = np.zeros_like(binary)
    printout = fanfold or listing
    horizontal = drawn(True, printout, not printout)
    if printout or marked:
        # its typed rules of squat hyphens or run-together equals signs, no dashes to ``drawn``
        typed = typed if typed is not None else typed_rules(binary, stats, centroids, stacks, unit)
        horizontal = cv2.bitwise_or(horizontal, typed)
        if marked or (listing and _rules_across(typed) < LISTING_FEW):
            # a spirit copy's equals signs, their bars run together thicker than a hyphen where the dye spread
            # more (AF dev 24021 p2: the rule over the heading 13-15 px thick, lost; the body read as the heading,
            # no person's row; AF dev 24031 p5, its "!" marks taken for a printer's: the totals' two rules alone)
            horizontal = cv2.bitwise_or(
                horizontal, typed_rules(binary, stats, centroids, stacks, unit, thin=TYPED_THIN_ALIKE)
            )
        if marked:  # a daisy wheel's hyphens, less ink than paper
            horizontal = cv2.bitwise_or(horizontal, dotted_rules(binary, stats, centroids, unit))
        # its "!" or "|" marks typed between the columns, one a text line: its vertical rules; found with the
        # rules taken out (a mark touching a rule's hyphen is one blot with it, no mark: P dev 8009 p2); a
        # typed table's (not a printout's) at its line spacing, across its typed rules; a listing's as it types them
        apart = cv2.bitwise_and(binary, cv2.bitwise_not(cv2.dilate(horizontal, np.ones((5, 1), np.uint8))))
        _, _, m_stats, m_centroids = components(apart)
        if listing:
            marks = listing_marks(m_stats, m_centroids, binary.shape[:2], unit, apart, _listing_reach(typed))
        else:
            marks = column_marks(m_stats, m_centroids, binary.shape[:2], unit, gap=MARKED_GAP if marked else MARK_GAP,
                                 rules=horizontal if marked else None, ink=binary)  # fmt: skip
            if marked:  # its columns of colons, each colon two dots (no mark of ``column_marks``)
                marks = cv2.bitwise_or(marks, colon_marks(m_stats, m_centroids, binary.shape[:2], unit, apart))
        vertical = cv2.bitwise_or(vertical, marks)
    else:  # a table typed without marks between its columns: its typed rules, two or more alike, its own
        typed_h = typed if typed is not None else typed_rules(binary, stats, centroids, stacks, unit, any_bars=True)
        dotted = dotted_rules(binary, stats, centroids, unit)
        typed_h = cv2.bitwise_or(typed_h, dotted)
        if not alike_rules(typed_h):  # none alike: a spirit copy's equals signs, their bars run together thick?
            typed_h = cv2.bitwise_or(typed_rules(binary, stats, centroids, stacks, unit, thin=TYPED_THIN_ALIKE), dotted)
        alike = alike_rules(typed_h)
        if not alike:  # none straight: a cockled sheet's, curving? followed through their dashes
            # (AG dev 25002 p2: no rule found, the heading's rule lost, rows one off)
            followed = curving_rules(
                typed_rules(binary, stats, centroids, stacks, unit, follow=True, any_bars=True), unit
            )
            alike = followed is not None
            typed_h = cv2.bitwise_or(followed, dotted) if followed is not None else typed_h
        if alike:
            horizontal = cv2.bitwise_or(horizontal, typed_h)
    return Dashed(horizontal, vertical, listing, marked)


LISTING_REACH = 0.5  # share of the image's width a listing's typed rules reach at the least ...
LISTING_ENDS = 0.02  # ... both ends of two of them within this share of it of each other (one table's rules) ...
DRAWN_DOWN = 0.5  # share of the typed rules' height a dashed vertical rule runs down: a drawn table, no listing
LISTING_RULES = 5  # ... and no more of them than this (over and under the heading, over the sums, a foot's)


LISTING_FEW = 3  # typed rules across a listing fewer than this: its heading's rules lost (two: its foot's alone)


def _rules_across(typed: np.ndarray) -> int:
    """The typed rules across the page (``typed_rules``' mask): its rows inked over a fifth of its width, a line
    (20 px) or more apart."""
    rows = np.flatnonzero((typed > 0).sum(axis=1) > 0.2 * typed.shape[1])
    return 0 if rows.size == 0 else 1 + int((np.diff(rows) > 20).sum())


class Dashed(NamedTuple):
    """``dashed_rules``: the dashed (and typed) rules drawn solid, whether the page is a listing filmed
    without its perforations in view (its marks or typed rules told it a printout), and whether it is a table
    typed with marks between its columns (``column_marks.typed_columns``: a daisy wheel's, family AB)."""

    horizontal: np.ndarray
    vertical: np.ndarray
    listing: bool = False
    typed: bool = False


TYPED_HYPHEN = 26  # px at 300 dpi: a typed hyphen's length at most (a printer's pitch is 30 at the widest; a drawn
# rule's dashes are longer: J's 30 and more)


def _typed_listing(typed: np.ndarray, binary: np.ndarray, unit: float) -> bool:
    """Whether the typed rules (``typed_rules``' mask of the ``binary``) are a printout's: two of them or more
    across most of the image, from the same place to the same place (the table's, over and under its heading,
    over its sums), typed in hyphens or equals signs no longer than ``TYPED_HYPHEN`` (not a drawn rule's
    dashes), ``LISTING_RULES`` at most (a table ruled in short dashes between its rows is none: J dev 1013 p1)."""
    h, w = typed.shape
    rules = [r for r in _positions(typed, axis=1, min_len=int(LISTING_REACH * w), merge=4)
             if _hyphens(binary[max(0, r.pos - 3) : min(h, r.pos + 4), r.start : r.end + 1]) <= TYPED_HYPHEN * unit]
    if len(rules) > LISTING_RULES:
        return False
    near = LISTING_ENDS * w
    return any(abs(a.start - b.start) <= near and abs(a.end - b.end) <= near
               for k, a in enumerate(rules) for b in rules[k + 1 :])  # fmt: skip


def _listing_reach(typed: np.ndarray) -> tuple[int, int] | None:
    """Where a listing's marks stand (``typed``: its typed rules drawn): from its first rule across the table to
    its last, and on past that for half the first two rules' spacing (the heading's lines between them): the
    line of sums under the last rule."""
    rules = sorted(r.pos for r in _positions(typed, axis=1, min_len=int(LISTING_REACH * typed.shape[1]), merge=4))
    if len(rules) < 2:
        return None
    return rules[0], min(typed.shape[0], rules[-1] + (rules[1] - rules[0]) // 2)


def _drawn_down(vertical: np.ndarray, typed: np.ndarray) -> bool:
    """A dashed vertical rule (``vertical``: drawn solid) down half the height of the typed rules (``typed``) or
    more: a table drawn in dashes both ways, which no printer types."""
    rows = sorted(r.pos for r in _positions(typed, axis=1, min_len=int(LISTING_REACH * typed.shape[1]), merge=4))
    if len(rows) < 2:
        return False
    return bool(_positions(vertical, axis=0, min_len=max(1, int(DRAWN_DOWN * (rows[-1] - rows[0]))), merge=4))


def _hyphens(strip: np.ndarray) -> float:
    """The median length of the dashes along a rule's rows (``strip``): the runs of ink on its most inked row."""
    if strip.size == 0:
        return 0.0
    row = strip[int(np.argmax((strip > 0).sum(axis=1)))] > 0
    edges = np.diff(np.concatenate([[0], row.astype(np.int8), [0]]))
    runs = np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)
    return float(np.median(runs)) if runs.size else 0.0


def _within_the_listing(vr: list[Rule], typed: np.ndarray) -> list[Rule]:
    """The vertical rules of a listing's table (``typed``: the horizontal dashed and typed rules drawn; the
    listing told by ``dashed_rules``): within its rules' reach, from the first one's start to the last one's
    end; a printer's rules run across the whole table (its marks stand on print positions inside them). Beyond
    them stand the edges of the film's frame, the copy board's or the paper's, and the tractor holes' strip (AA
    dev 19003 p3: the frame's edges taken for the table's sides, the holes' strip for a column). Each runs from
    the first rule across the table to the last."""
    w = typed.shape[1]
    rules = _positions(typed, axis=1, min_len=int(LISTING_REACH * w), merge=4)
    if not vr or not rules:
        return vr
    near = LISTING_ENDS * w
    first, last = min(r.start for r in rules) - near, max(r.end for r in rules) + near
    top, bottom = min(r.pos for r in rules), max(r.pos for r in rules)
    # each mark's column from the rule over the heading to the rule over the sums: the printer typed its marks on
    # every line between them (a line without any, a department's heading, broke the marks' run)
    return [Rule(v.pos, min(v.start, top), max(v.end, bottom)) for v in vr if first <= v.pos <= last]


def _fanfold_sides(vertical: np.ndarray) -> bool:
    """A fanfold's perforated lines down both sides, from the top of the image to its bottom
    (``_without_the_fanfold``): down each side a dashed line that reaches both ends, its dashes found
    over most of it (a scan at 150 dpi loses some)."""
    h, w = vertical.shape
    side = max(1, int(FANFOLD_SIDE * w))
    for strip in (vertical[:, :side], vertical[:, w - side :]):
        col = strip[:, int(np.argmax((strip > 0).sum(axis=0)))] > 0
        ys = np.nonzero(col)[0]
        if ys.size < FANFOLD_DASHED * h or ys[-1] - ys[0] < FANFOLD_REACH * h:
            return False
    return True


# the widest stretch of a typed rule whose dashes ran into the letters of a line (px at 300 dpi) ...
DASH_BRIDGE = 420
DASH_BRIDGED = 0.45  # ... and the share of it inked on the rule's row (the dashes merged with the letters)


def _bridged(
    runs: list[list[int]],
    start: np.ndarray,
    length: np.ndarray,
    mid: np.ndarray,
    thick: np.ndarray,
    binary: np.ndarray,
    unit: float,
) -> list[list[int]]:
    """Runs of dashes on one line joined across the letters their dashes ran into: a printout's rule typed
    in dashes ("-----") close over a line of capitals touches the letters, and each dash that touches one
    is part of the letter's blot, no dash of its own; the rule fell apart into runs too short to be a rule
    at every word (P dev 8009 page 2: its rules between the people's rows not seen, the fanfold's
    perforations taken for the table's rules and nine people of twelve lost). Joined where the rule's row
    stays inked across the stretch between the runs (the merged dashes stand on it)."""
    if len(runs) < 2:
        return runs
    drift = DASH_DRIFT * unit
    info = sorted(
        (float(np.median(mid[r])), float(start[r].min()), float((start[r] + length[r]).max()), r)
        for r in runs
    )
    lines_: list[list[tuple[float, float, float, list[int]]]] = [[info[0]]]
    for item in info[1:]:
        if item[0] - lines_[-1][-1][0] <= drift:
            lines_[-1].append(item)
        else:
            lines_.append([item])
    out: list[list[int]] = []
    h, w = binary.shape
    for line in lines_:
        if len(line) < 2:
            out.extend(item[3] for item in line)
            continue
        line.sort(key=lambda t: t[1])
        cur = list(line[0][3])
        cur_end, cur_mid = line[0][2], line[0][0]
        for m, s0, e0, r in line[1:]:
            gap = s0 - cur_end
            joined = False
            if 0 < gap <= DASH_BRIDGE * unit and abs(m - cur_mid) <= drift:
                half = max(1, int(round(float(np.median(thick[cur + r])) / 2)))
                y = int(round((m + cur_mid) / 2))
                band = binary[max(0, y - half) : min(h, y + half + 1), int(cur_end) : min(w, int(s0))]
                joined = band.size > 0 and float((band > 0).any(axis=0).mean()) >= DASH_BRIDGED
                joined = joined and _typed_across(binary, y, int(cur_end), int(s0), unit)
            if joined:
                cur.extend(r)
                cur_end, cur_mid = max(cur_end, e0), m  # a skewed rule drifts across its line
            else:
                out.append(cur)
                cur, cur_end, cur_mid = list(r), e0, m
        out.append(cur)
    return out


DASH_LETTER = 64  # the tallest blob of a letter and the dashes it ran into (px at 300 dpi)


def _typed_across(binary: np.ndarray, y: int, x0: int, x1: int, unit: float) -> bool:
    """The blobs on the rule's row between two runs of its dashes are letters of a typed line with the
    dashes they ran into, none taller than a letter and a dash: a pen's stroke across the rule (the
    totals written by hand over it, J dev 1003 page 1) is no typed rule's stretch."""
    reach = int(2 * DASH_LETTER * unit)
    top = max(0, y - reach)
    window = binary[top : y + reach + 1, max(0, x0) : x1]
    if window.size == 0:
        return False
    _, labels, stats, _ = cv2.connectedComponentsWithStats((window > 0).view(np.uint8), connectivity=8)
    on_row = np.unique(labels[y - top])
    return all(stats[k, cv2.CC_STAT_HEIGHT] <= DASH_LETTER * unit for k in on_row if k != 0)


CROSS_MAX = 4  # a crossing of a dash with another rule's dash (or a digit touching it) is at most this many
CROSS_FULL = 0.85  # dashes thick across; the dash in it is a band of lines inked along this share of it


def _crossings(
    binary: np.ndarray,
    start: np.ndarray,
    along: np.ndarray,
    edge: np.ndarray,
    mid: np.ndarray,
    thick: np.ndarray,
    horizontal: bool,
    unit: float,
    ink: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``mid`` and ``thick`` with the blots where a dash crosses another rule's dash, or a figure typed
    against the rule touches it, taken as the dash inside them: a band no thicker than a dash, inked
    along (nearly) the blot's whole length. Without them a dashed table's vertical rules, cut at every
    row's dashed rule, were runs of one or two dashes and no rule at all (J dev 1008: no column found).
    Third: which blots were so taken (a run of them alone is letters' stems in a column, no rule).
    ``ink``: the binary's ink counted by ``_ink_counts``, when already counted."""
    big = (thick > DASH_THIN * unit) & (
        thick <= 2 * CROSS_MAX * DASH_THIN * unit
    )  # a dash met from both sides
    big &= (along >= DASH_MIN * unit) & (along <= CROSS_MAX * DASH_THIN * unit)
    idx = np.nonzero(big)[0]
    crossed = np.zeros(len(thick), dtype=bool)
    if idx.size == 0:
        return mid, thick, crossed
    mid, thick = mid.astype(np.float64), thick.copy()
    # every line of every blot's box along the rule (a row of it for a horizontal rule, a column for a
    # vertical one) and its ink, all at once from the integral image: a page has hundreds of such blots
    # (most of them letters and figures), each looked into on its own was ~30 ms a page (issue 9)
    ink = _ink_counts(binary) if ink is None else ink
    if not horizontal:  # a column of the box is a row of the transposed image
        ink = ink.T
    n, t, a0, c0 = (v[idx].astype(np.int64) for v in (along, thick, start, edge))  # ``edge``: the box's top or left
    first_line = np.cumsum(t) - t
    group = np.repeat(np.arange(idx.size), t)
    pos = np.arange(group.size) - first_line[group]  # each line's place in its box
    line, b0, b1 = c0[group] + pos, a0[group], a0[group] + n[group]
    prof = ink[line + 1, b1] - ink[line + 1, b0] - ink[line, b1] + ink[line, b0]
    full = prof >= CROSS_FULL * n[group]
    count = np.add.reduceat(full.astype(np.int64), first_line)
    f0 = np.minimum.reduceat(np.where(full, pos, np.iinfo(np.int64).max), first_line)
    f1 = np.maximum.reduceat(np.where(full, pos, -1), first_line)
    span = f1 - f0 + 1
    ok = (count > 0) & (span <= DASH_THIN * unit) & (span == count)
    if horizontal and ok.any():  # the rest a vertical rule's dash, no letter's body above its serifs (K dev 3001 p4)
        sel = np.flatnonzero(ok)
        first_col = np.cumsum(n[sel]) - n[sel]
        group = np.repeat(np.arange(sel.size), n[sel])
        pos = np.arange(group.size) - first_col[group]  # each column's place in its box
        col = a0[sel][group] + pos
        top, bottom = c0[sel][group], (c0[sel] + t[sel])[group]
        above, below = top + f0[sel][group], top + f1[sel][group] + 1  # the band's first row, the row past it

        def column_ink(r0: np.ndarray, r1: np.ndarray) -> np.ndarray:
            return ink[r1, col + 1] - ink[r1, col] - ink[r0, col + 1] + ink[r0, col]

        inked = (column_ink(top, above) + column_ink(below, bottom)) > 0
        c_first = np.minimum.reduceat(np.where(inked, pos, np.iinfo(np.int64).max), first_col)
        c_last = np.maximum.reduceat(np.where(inked, pos, -1), first_col)
        ok[sel[(c_last >= 0) & (c_last - c_first + 1 > DASH_THIN * unit)]] = False
    taken = idx[ok]
    mid[taken] = c0[ok] + (f0[ok] + f1[ok]) / 2
    thick[taken] = count[ok]
    crossed[taken] = True
    return mid, thick, crossed


def _ink_counts(binary: np.ndarray) -> np.ndarray:
    """The integral image of the binary's ink (1 a pixel): the ink of any box in four look-ups."""
    return cv2.integral((binary > 0).view(np.uint8), sdepth=cv2.CV_32S)


DASH_BREAK = 96  # the widest break in a dashed rule where its dashes ran into a blot (a figure, a tick)
DASH_PIECE = 3  # dashes a piece of a broken rule has at the least


def _joined(
    runs: list[list[int]], start: np.ndarray, length: np.ndarray, mid: np.ndarray, gap: float, drift: float
) -> list[list[list[int]]]:
    """Runs of dashes one after another on one line, broken where a dash ran into a figure or a tick (a
    blot no dash), joined into one: dashes alike in length, the break at most ``gap``, each piece
    ``DASH_PIECE`` dashes at the least (J dev 1013 p2: a vertical rule broken in two pieces, each short of
    a rule's reach, lost its column). Each item: the pieces of one line, in order along it."""
    pieces = sorted((r for r in runs if len(r) >= DASH_PIECE), key=lambda r: float(start[r[0]]))
    out = [[r] for r in runs if len(r) < DASH_PIECE]
    done: list[list[list[int]]] = []
    # each line's last piece measured once, when it is added (its end, its dashes' median length and middle),
    # not again for every later piece compared with it (AA dev 19001: ~70 000 medians a page)
    lasts: list[tuple[float, float, float]] = []
    for r in pieces:
        r0, rl, rm = float(start[r[0]]), float(np.median(length[r])), float(np.median(mid[r]))
        here = (float(max(start[i] + length[i] for i in r)), rl, rm)
        for k, d in enumerate(done):
            end, dl, dm = lasts[k]
            if 0 <= r0 - end <= gap and abs(rm - dm) <= drift and abs(rl - dl) <= 0.25 * max(rl, dl):
                d.append(r)
                lasts[k] = here
                break
        else:
            done.append([r])
            lasts.append(here)
    return out + done


def _runs_of_dashes(
    start: np.ndarray, length: np.ndarray, mid: np.ndarray, gap: float, drift: float
) -> list[list[int]]:
    """Dashes chained along their line: each joins the run whose last dash ends at most ``gap`` before it
    and stands within ``drift`` of it across the line (the first such run, in the order the runs began).
    The dashes come in the order they start, so a run ending more than ``gap`` before one dash ends more
    than ``gap`` before every later one and is joined by none: it is no longer looked at (a page's dashes
    were each compared with every run before, 500 runs of one dash each on a V page)."""
    runs: list[list[int]] = []
    ends: list[float] = []
    mids: list[float] = []
    open_runs: list[int] = []  # the runs a later dash may still join, in the order they began
    for i in np.argsort(start, kind="stable").tolist():
        s0, m = float(start[i]), float(mid[i])
        best = -1
        still: list[int] = []
        for k in open_runs:
            if s0 - ends[k] > gap:
                continue  # ended too long before this dash, and so before every later one
            still.append(k)
            if best < 0 and -gap / 2 <= s0 - ends[k] and abs(m - mids[k]) <= drift:
                best = k
        open_runs = still
        if best < 0:
            open_runs.append(len(runs))
            runs.append([i])
            ends.append(s0 + float(length[i]))
            mids.append(m)
        else:
            runs[best].append(i)
            ends[best] = max(ends[best], s0 + float(length[i]))
            mids[best] = m
    return runs
