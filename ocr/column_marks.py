"""A dot-matrix printout's column marks: the printer has no vertical rules, so the program types a "!" or
"|" between the columns on every text line of the table. Each mark is a short thin stroke, one a line,
and the paper between two lines (and a typed rule between two rows) breaks them: no stroke long enough
for a vertical rule, and every mark, standing between two gaps, read as a thin column of its own (P dev
8008 p1: seventeen columns for nine, the table unruled, the people's figures in review). Marks in
line down the table, one a text line, are its vertical rule.
"""

from __future__ import annotations

import cv2
import numpy as np

MARK_THIN = 10  # a mark's stroke is at most this wide (px at 300 dpi) ...
MARK_SHORT = 14  # ... at least this tall (a letter's height: a dot or a hyphen is none) ...
MARK_TALL = 48  # ... at most this tall (a text line's; a "!" with its dot run into its stem) ...
MARK_SLENDER = 2.5  # ... and this many times taller than wide
MARK_DRIFT = 3  # how far one mark's middle may stand off the last one's, across
MARK_GAP = 2.2  # paper between two marks of one column at most, in marks' heights (a line's spacing and a rule)
MARK_RUN = 6  # marks in line at the least (three rows of two lines; a column of "1"s one a row is further apart)
MARKED_COLUMNS = 4  # chains of marks side by side, down one stretch of lines, that make a typed table (family AB)
MARKED_SHARE = 0.7  # share of the longest chain's lines the others run down too, at the least
MARKED_GAP = 3.2  # a typed table's paper between two marks of one column at most (double spacing: 2.3-2.6)
MARKED_THIN = 14  # a typed table's mark at most this wide (a bold one struck twice, 3 px apart) ...
MARKED_SLENDER = 2.0  # ... and this many times taller than wide
MARKED_ALIKE = 0.6  # a typed table's column chain holds this share of the median chain's marks at the least
STRAIGHT = 2.0  # px the middles of a straight stroke's rows stand off its line at most
SLANT = 0.8  # a slanted mark's box at most this many times as wide as tall
RULE_GAP = 6.0  # ... where a typed rule runs between them (the rule's line and the lines' spacing on both sides)
CROSS_REACH = 20  # px either side of the column a rule between two marks runs at the least ...
CROSS_INKED = 0.8  # ... inked over this share of that reach on one row
RULE_REACH = 300  # px a row of the rules drawn is inked over at the least: a rule across the table (TYPED_REACH)


def column_marks(
    stats: np.ndarray, centroids: np.ndarray, shape: tuple[int, int], unit: float, *, gap: float = MARK_GAP,
    rules: np.ndarray | None = None, ink: np.ndarray | None = None,
) -> np.ndarray:
    """The column marks drawn as vertical rules, each from its first mark's top to its last mark's bottom
    (``stats``/``centroids``: ``preprocess.components``, background first; ``gap``: the paper between two
    marks of a column at most, in marks' heights; ``rules``: a typed table's (``typed_columns``) horizontal
    rules drawn, across which a column's marks go on up to ``RULE_GAP`` apart: the heading's marks, the
    carried sums' and the totals' go with the people's, each between typed rules of its own; its marks
    bolder, ``MARKED_THIN``, and each column's drawn on to the rules over and under it; ``ink``: the page's,
    whose strokes across a column are such rules too)."""
    mask = np.zeros(shape, dtype=np.uint8)
    x, y, w, h = (stats[1:, k] for k in range(4))
    idx = np.nonzero(_marks(stats[1:], unit, typed=rules is not None, slanted=rules is not None and ink is not None))[0]
    if idx.size < MARK_RUN:
        return mask
    cx = centroids[1:, 0]
    chains = _in_line(idx, cx, y, h, unit, gap)
    if rules is not None and ink is not None:  # of the slanted ones, straight strokes only
        chains = _straight_runs(chains, stats[1:], cx, y, h, unit, ink, least=1, typed=True)
    across = None if rules is None else _Across(rules, ink, unit)
    if across is not None:
        chains = _across_rules(chains, cx, y, h, across)
        chains = _down_the_table(chains, y, h)
    for run in chains:
        if len(run) < MARK_RUN:
            continue
        xm = int(round(float(np.median(cx[run]))))
        y0, y1 = int(y[run].min()), int((y[run] + h[run]).max())
        if across is not None:  # on to the typed rules over its first mark and under its last, as a drawn rule runs
            reach = int(gap * float(np.median(h[run])))
            y0, y1 = across.to_rule(xm, y0, -reach), across.to_rule(xm, y1, reach)
        cv2.line(mask, (xm, y0), (xm, y1 - 1), 255, max(1, int(np.median(w[run]))))
    return mask


class _Across:
    """Where a rule runs across a column: a row of the rules drawn that reach ``TYPED_REACH`` (a typed rule
    broken in places by the film's grain runs across the column still: AB dev 20001 p4, its rule over the
    sums begun right of the first column), or a stroke of the page's ink across the column itself over
    ``CROSS_REACH`` either side (a scratch along the film through a line of marks: AB dev 20001 p1)."""

    def __init__(self, rules: np.ndarray, ink: np.ndarray | None, unit: float) -> None:
        counts = cv2.reduce((rules > 0).view(np.uint8), 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel()
        self.rows = counts >= RULE_REACH * unit
        self.ink, self.unit = ink, unit

    def crossing(self, xm: int, y0: int, y1: int) -> int | None:
        """The first row between ``y0`` and ``y1`` (downwards, or upwards when ``y1`` < ``y0``) where a rule
        runs across the column at ``xm``."""
        a, b = (y0, y1) if y0 <= y1 else (y1 + 1, y0 + 1)
        a, b = max(0, a), min(len(self.rows), b)
        if b <= a:
            return None
        on = self.rows[a:b].copy()
        if self.ink is not None:
            reach = int(CROSS_REACH * self.unit)
            strip = self.ink[a:b, max(0, xm - reach) : xm + reach + 1] > 0
            if strip.size:
                on |= strip.mean(axis=1) >= CROSS_INKED
        rows = np.flatnonzero(on)
        if rows.size == 0:
            return None
        return a + int(rows[0] if y0 <= y1 else rows[-1])

    def to_rule(self, xm: int, y: int, reach: int) -> int:
        """``y`` moved to the rule across the column within ``reach`` (up when negative), else as it was."""
        at = self.crossing(xm, y, y + reach)
        return y if at is None else at


def typed_columns(stats: np.ndarray, centroids: np.ndarray, unit: float, drawn: np.ndarray | None = None,
                  binary: np.ndarray | None = None) -> bool:  # fmt: skip
    """A table typed with "|" between its columns, though on no fanfold (a daisy wheel's payroll filmed,
    family AB: its column marks read as columns of their own, "'" or "1", the people's figures beside
    them in the wrong columns, or no table found at all: AB dev 20001 p1, p7): ``MARKED_COLUMNS`` chains
    of marks or more, each ``MARK_RUN`` long at up to ``MARKED_GAP`` apart, down one stretch of the page
    (each two over ``MARKED_SHARE`` of the shorter one's reach), where no rule was found (``drawn``: the
    vertical rules drawn so far; a dashed rule's dashes are no marks). A column of figures ending in "1"
    row after row is one chain, not four side by side."""
    x, y, w, h = (stats[1:, k] for k in range(4))
    idx = np.nonzero(_marks(stats[1:], unit, slanted=binary is not None))[0]
    if idx.size < MARKED_COLUMNS * MARK_RUN:
        return False
    cx = centroids[1:, 0]
    runs = [r for r in _in_line(idx, cx, y, h, unit, MARKED_GAP) if len(r) >= MARK_RUN]
    if binary is not None:  # of the slanted ones, straight strokes only (a figure's last digits stand in line too)
        runs = _straight_runs(runs, stats[1:], cx, y, h, unit, binary)
    if drawn is not None:  # not a dashed rule's dashes
        runs = [r for r in runs if not drawn[int(np.median(y[r] + h[r] // 2)), int(np.median(cx[r]))]]
    if len(runs) < MARKED_COLUMNS:
        return False
    spans = [(int(y[r].min()), int((y[r] + h[r]).max())) for r in runs]

    def beside(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return min(a[1], b[1]) - max(a[0], b[0]) >= MARKED_SHARE * min(a[1] - a[0], b[1] - b[0])

    return any(sum(beside(a, b) for b in spans) >= MARKED_COLUMNS for a in spans)


def _marks(stats: np.ndarray, unit: float, *, typed: bool = False, slanted: bool = False) -> np.ndarray:
    """The blots (``stats`` without the background's row) that may be marks: ``typed``, in a table known
    typed with marks, bolder ones too; ``slanted``, slanted ones (an oblique face's "|", a stroke 6 px thick
    leaning across 20: AB dev 20004 p1), to be proved straight strokes (``_straight_runs``)."""
    w, h, area = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT], stats[:, cv2.CC_STAT_AREA]
    thin, slender = (MARKED_THIN, MARKED_SLENDER) if typed else (MARK_THIN, MARK_SLENDER)
    tall = (h >= MARK_SHORT * unit) & (h <= MARK_TALL * unit)
    upright = tall & (w <= thin * unit) & (h >= slender * w)
    if not slanted:
        return upright
    stroke = area / np.maximum(h, 1)  # the stroke's width across, whatever its slant
    leaning = tall & (stroke <= MARK_THIN * unit) & (w <= SLANT * h) & (h >= MARK_SLENDER * stroke)
    return upright | leaning


def _down_the_table(chains: list[list[int]], y: np.ndarray, h: np.ndarray) -> list[list[int]]:
    """A typed table's column marks run down all its lines alike, from its heading: a chain of
    ``MARKED_ALIKE`` of the median chain's marks at the least, its first mark within ``RULE_GAP`` marks'
    heights of the chains' median top. A shorter chain, or one begun lower down, is a column of figures'
    "1"s (the row numbers 10-19: AB dev 20004 p1; a pay column's last digits, AB dev 20003 p2)."""
    long = [c for c in chains if len(c) >= MARK_RUN]
    if not long:
        return []
    least = max(MARK_RUN, int(MARKED_ALIKE * float(np.median([len(c) for c in long]))))
    top = float(np.median([y[c].min() for c in long]))
    reach = RULE_GAP * float(np.median([np.median(h[c]) for c in long]))
    return [c for c in long if len(c) >= least and y[c].min() <= top + reach]


def _straight_runs(runs: list[list[int]], stats: np.ndarray, cx: np.ndarray, y: np.ndarray, h: np.ndarray,
                   unit: float, binary: np.ndarray, least: int = MARK_RUN, typed: bool = False) -> list[list[int]]:  # fmt: skip
    """``runs`` without their blots that are no straight stroke (``_straight``; upright thin ones are, as they
    are taken: ``_marks``), chained again; those ``least`` long at the least."""
    upright = _marks(stats, unit, typed=typed)  # (not slanted)
    keep = [i for r in runs for i in r if upright[i] or _straight(binary, stats[i], unit)]
    if len(keep) < least:
        return []
    return [r for r in _in_line(np.asarray(keep), cx, y, h, unit, MARKED_GAP) if len(r) >= least]


def _straight(binary: np.ndarray, box: np.ndarray, unit: float) -> bool:
    """The blot in ``box`` (its stats row) is one straight stroke, upright or slanted: on each of its rows one
    run of ink no wider than ``MARK_THIN``, the runs' middles on one line within ``STRAIGHT`` px (a digit's
    bowls and bars are not)."""
    x, yy, w, hh = (int(v) for v in box[:4])
    roi = binary[yy : yy + hh, x : x + w] > 0
    rows = np.flatnonzero(roi.any(axis=1))
    if rows.size < 0.8 * hh:
        return False
    first = np.argmax(roi[rows], axis=1)
    last = w - 1 - np.argmax(roi[rows, ::-1], axis=1)
    width = last - first + 1
    if np.any(width > MARK_THIN * unit) or np.any(roi[rows].sum(axis=1) < 0.7 * width):
        return False
    mid = (first + last) / 2.0
    fit = np.polyfit(rows.astype(np.float64), mid, 1)
    return bool(np.abs(np.polyval(fit, rows) - mid).max() <= STRAIGHT * unit)


def _across_rules(chains: list[list[int]], cx: np.ndarray, y: np.ndarray, h: np.ndarray,
                  across: _Across) -> list[list[int]]:  # fmt: skip
    """Chains of one column joined where the lower one's first mark stands at most ``RULE_GAP`` of the upper
    one's marks' heights under its last: a typed rule between them, or a mark lost (run into a letter, a
    scratch across it)."""
    drift = 2 * MARK_DRIFT * across.unit
    order = sorted(range(len(chains)), key=lambda n: int(y[chains[n][0]]))
    out: list[list[int]] = []
    where: list[float] = []  # each joined chain's place across (its first chain's median)
    near: dict[int, list[int]] = {}  # the joined chains by their place, in steps of ``drift``
    for n in order:
        c = chains[n]
        m, top = float(np.median(cx[c])), int(y[c[0]])
        key = int(m // drift)
        for o in (o for k in (key - 1, key, key + 1) for o in near.get(k, [])):
            last = out[o][-1]
            if abs(where[o] - m) <= drift and 0 <= top - int(y[last] + h[last]) <= RULE_GAP * h[last]:
                out[o].extend(c)
                break
        else:
            near.setdefault(key, []).append(len(out))
            out.append(list(c))
            where.append(m)
    return out


def _in_line(idx: np.ndarray, cx: np.ndarray, y: np.ndarray, h: np.ndarray, unit: float,
             gap_most: float = MARK_GAP) -> list[list[int]]:  # fmt: skip
    """Marks chained down the page: each joins the chain whose last mark stands within ``MARK_DRIFT``
    across and ends at most ``gap_most`` marks' heights above it."""
    chains: list[list[int]] = []
    near: dict[int, list[int]] = {}  # chains by their last mark's middle, in steps of the drift
    step = 2 * MARK_DRIFT * unit
    for i in sorted(idx.tolist(), key=lambda k: int(y[k])):
        key = int(cx[i] // step)
        best = -1
        for k in (key - 1, key, key + 1):
            for n in near.get(k, []):
                last = chains[n][-1]
                gap = int(y[i]) - int(y[last] + h[last])
                if abs(float(cx[i] - cx[last])) <= MARK_DRIFT * unit and -2 <= gap <= gap_most * float(h[last]):
                    best = n
                    break
            if best >= 0:
                break
        if best < 0:
            chains.append([i])
            best = len(chains) - 1
        else:
            old = int(cx[chains[best][-1]] // step)
            near[old].remove(best)
            chains[best].append(i)
        near.setdefault(key, []).append(best)
    return chains


# --- a line printer's listing filmed without its fanfold's perforations in view (family AA, s35-aaread): its
# marks ":" (two dots, or run together), "!" (a stem over its dot) and "|" told apart from figures; its columns.

MARK_RECENT = 5  # a listing's chain's last marks its middle is taken over (``_listing_chains``)
COLON_DOT = (3, 16)  # a colon's dot is at least and at most this wide and tall (px at 300 dpi) ...
COLON_SQUAT = 2.2  # ... no longer one way than this many times the other (a hyphen is no dot)
COLON_GAP = 2.0  # paper between a colon's two dots at most, in dots' heights (the next line's dot stands further)
COLON_REACH = 3.2  # paper between two colons of one column at most, in colons' heights (a colon is shorter than the
# line's letters a stroke is as tall as: MARK_GAP of those; AA dev 19003 p1, double spaced: 53 px under 24 px colons)
BANG_SLENDER = 1.6  # a "!"'s stem over its dot: this many times taller than wide at the least (a small face's stem
# is no ``MARK_SLENDER`` stroke: 8 x 19 px, AA dev 19011 p1; the dot under it tells it from a letter's stroke)
COLONS_SHARE = 0.25  # of a column's marks colons at the least: a column of colons (some run into a figure beside)
PAIR_TALL = 1.3  # a colon or a "!" of a stem and its dot no taller than this many times the type's height
LISTING_COLUMNS = 3  # columns of marks down the table at the least: the table typed with its marks, a printout
LISTING_SHARED = 0.5  # ... each run's height shared with the longest run's at the least (one table's marks)


def _listing_marks(stats: np.ndarray, centroids: np.ndarray, unit: float, binary: np.ndarray | None = None
           ) -> tuple[np.ndarray, ...]:  # fmt: skip
    """The marks among the blots (``stats``/``centroids``: ``preprocess.components``, background first) as
    (left, top, width, height, middle across, the paper that may stand under it before the next one, a colon or
    not): each slender stroke ("|", "!"), each stem with a dot close under it ("!"), each two dots one above the
    other (":"; a line printer's column marks, AA dev 19003 p1) and, with the ``binary`` they were labelled in,
    each colon whose dots ran together (one blot narrow at its waist, AA dev 19003 p3's heavy type)."""
    x, y, w, h = (stats[1:, k] for k in range(4))
    cx = centroids[1:, 0]
    thin = (w <= MARK_THIN * unit) & (h <= MARK_TALL * unit)
    mark = thin & (h >= MARK_SHORT * unit) & (h >= MARK_SLENDER * w)
    stem = thin & (h >= COLON_DOT[1] * unit) & (h >= BANG_SLENDER * w) & ~mark
    lo, hi = COLON_DOT[0] * unit, COLON_DOT[1] * unit
    dot = (w >= lo) & (w <= hi) & (h >= lo) & (h <= hi) & (w <= COLON_SQUAT * h) & (h <= COLON_SQUAT * w)
    cols = [a[mark] for a in (x, y, w, h, cx)] + [MARK_GAP * h[mark], np.zeros(int(mark.sum()), dtype=bool)]
    used = np.zeros(len(x), dtype=bool)
    typed = (stats[1:, 4] >= 30) & (h >= 8 * unit) & ~dot  # (a table's colons typed at every half line, each dot
    # a blot of its own, outnumber its letters: AJ dev 28002 p1, the type's height taken for a dot's, no colon paired)
    glyph = float(np.median(h[typed])) if typed.any() else 0.0  # the type's height: a line's letters and figures
    for upper, reach, colons in ((stem, MARK_GAP, False), (dot, COLON_REACH, True)):
        # a mark no taller than the letters beside it: not the decimal commas of two lines one above the other
        # (AA dev 19003 p6: 9 x 15 px commas, 23 px apart, taken for colons down each figures' column)
        pairs = _over_dots(np.nonzero(upper)[0], np.nonzero(dot)[0], x, y, h, cx, used, unit, PAIR_TALL * glyph)
        if pairs:
            i_, j_ = (np.array(v) for v in zip(*pairs, strict=True))
            left = np.minimum(x[i_], x[j_])
            span = y[j_] + h[j_] - y[i_]
            pair = (left, y[i_], np.maximum(x[i_] + w[i_], x[j_] + w[j_]) - left, span, (cx[i_] + cx[j_]) / 2,
                    reach * span, np.full(len(pairs), colons))  # fmt: skip
            cols = [np.concatenate([c, k]) for c, k in zip(cols, pair, strict=True)]
    if binary is not None:
        joined = (w <= hi) & (h >= hi) & (h >= BANG_SLENDER * w) & (h <= PAIR_TALL * glyph) & ~mark & ~used
        run = [i for i in np.nonzero(joined)[0].tolist() if _waisted(binary, x[i], y[i], w[i], h[i])]
        if run:
            k = np.array(run)
            one = (x[k], y[k], w[k], h[k], cx[k], COLON_REACH * h[k], np.ones(len(run), dtype=bool))
            cols = [np.concatenate([c, v]) for c, v in zip(cols, one, strict=True)]
    return tuple(cols)


WAIST = 0.5  # a colon's dots run together: a row between them inked at most this share of the lighter dot's rows


SOLID = 0.85  # a colon's dots are solid: this share of its rows one run of ink across (an 8's loops are rings)
NECK = 0.4  # ... and the narrow rows between them this share of its middle half at most (a typed 1's stem: all)


def _waisted(binary: np.ndarray, x: int, y: int, w: int, h: int) -> bool:
    """A blot narrow at a short waist, solid above and below it: two dots run together, not a stroke, nor a
    figure 8 or 3, nor a typed 1 (Z dev 18001 p8, J dev 1013 p1: columns of figures taken for a listing's
    colons)."""
    box = binary[y : y + h, x : x + w] > 0
    rows = box.mean(axis=1)
    q = max(1, h // 4)
    dots = min(float(rows[: h // 2].max()), float(rows[h // 2 :].max()))
    narrow = rows <= WAIST * dots
    if dots <= 0 or not narrow[q : h - q].any() or narrow[q : h - q].mean() > NECK:
        return False
    edges = np.diff(np.pad(box.astype(np.int8), ((0, 0), (1, 1))), axis=1)
    runs = (edges == 1).sum(axis=1)
    return bool(np.mean(runs <= 1) >= SOLID)


def _over_dots(upper: np.ndarray, dots: np.ndarray, x: np.ndarray, y: np.ndarray, h: np.ndarray, cx: np.ndarray,
               used: np.ndarray, unit: float, tall: float) -> list[tuple[int, int]]:  # fmt: skip
    """Each of the ``upper`` blots with the dot close under it, in line (``COLON_GAP`` of the dot's height at
    most between them, ``MARK_DRIFT`` across, the two ``tall`` at most), top to bottom, each blot in one pair
    at most (``used``)."""
    if upper.size == 0 or dots.size == 0:
        return []
    order = dots[np.argsort(y[dots], kind="stable")]
    tops = y[order]
    below = y[upper] + h[upper]
    first = np.searchsorted(tops, below, side="left")
    last = np.searchsorted(tops, below + COLON_GAP * COLON_DOT[1] * unit, side="right")
    # each blot's dots within reach tested at once, the first one free taken (a dot-matrix page's letters are
    # thousands of dots, each line's all within reach of every stem on it: AA dev 19005, 0.45 s a page so)
    yj, hj = (v[order].astype(np.int64) for v in (y, h))
    pairs: list[tuple[int, int]] = []
    for i, a, b in sorted(zip(upper.tolist(), first.tolist(), last.tolist(), strict=True), key=lambda t: int(y[t[0]])):
        if used[i] or a >= b:
            continue
        top = int(y[i] + h[i])
        ok = ((yj[a:b] - top <= COLON_GAP * hj[a:b]) & (yj[a:b] + hj[a:b] - int(y[i]) <= tall)
              & (np.abs(cx[i] - cx[order[a:b]]) <= MARK_DRIFT * unit) & ~used[order[a:b]] & (order[a:b] != i))  # fmt: skip
        hit = np.flatnonzero(ok)
        if hit.size:
            j = int(order[a + hit[0]])
            used[i] = used[j] = True
            pairs.append((i, j))
    return pairs


def _listing_columns(stats: np.ndarray, centroids: np.ndarray, unit: float, binary: np.ndarray | None = None
             ) -> list[tuple[int, int, int, int]]:  # fmt: skip
    """The columns of marks: (middle across, top, bottom, stroke's width) of the runs of ``MARK_RUN`` marks or
    more in line down the page, a column's runs (broken where lines without marks stand between: a department's
    heading) taken together. Where most columns, ``LISTING_COLUMNS`` or more, are of colons, a column without
    them is none: a worn letter's stem at one print position on a few names' lines among a listing's colons
    (AA dev 19003 p3: a column inside the names)."""
    x, y, w, h, cx, reach, colon = _listing_marks(stats, centroids, unit, binary)
    if x.size < MARK_RUN:
        return []
    runs = sorted((float(np.median(cx[r])), r) for r in _listing_chains(np.arange(x.size), cx, y, h, reach, unit)
                  if len(r) >= MARK_RUN)  # fmt: skip
    columns: list[list[int]] = []
    last = -1e9
    for xm, run in runs:
        if xm - last <= 2 * MARK_DRIFT * unit:
            columns[-1].extend(run)
        else:
            columns.append(list(run))
        last = xm
    of_colons = [c for c in columns if np.count_nonzero(colon[c]) >= COLONS_SHARE * len(c)]
    if len(of_colons) >= LISTING_COLUMNS and 2 * len(of_colons) > len(columns):
        columns = of_colons
    return [(int(round(float(np.median(cx[c])))), int(y[c].min()), int((y[c] + h[c]).max()), _breadth(cx[c], w[c], unit))
            for c in sorted(columns, key=lambda c: float(np.median(cx[c])))]  # fmt: skip


def _breadth(cx: np.ndarray, w: np.ndarray, unit: float) -> int:
    """The width a column's rule is drawn: over its marks as they stand (a chain printer's characters each a
    little off their pitch, AA dev 19003 p6: 5 px from the first to the last; a rule of the marks' median
    width left their edges in the text, each "!" beside a figure read as a 1: `1218.95` for `218.95`), no
    wider than two marks."""
    spread = float(np.percentile(cx, 95) - np.percentile(cx, 5))
    return max(1, min(int(round(spread + float(np.percentile(w, 90)) + 2)), int(2 * MARK_THIN * unit)))


def listing_marks(stats: np.ndarray, centroids: np.ndarray, shape: tuple[int, int], unit: float,
                  binary: np.ndarray | None = None, reach: tuple[int, int] | None = None) -> np.ndarray:  # fmt: skip
    """The column marks drawn as vertical rules, each from its first mark's top to its last mark's bottom
    (``stats``/``centroids``: ``preprocess.components`` of the ``binary``, background first; without it, no
    colon run together is seen), or over ``reach`` (top, bottom) where that is longer: a listing's marks stand
    on every line of its table, those run into a figure beside them too (AA dev 19003 p6: the "!" of the sums'
    line under the last rule, each read as a 1 before its figure)."""
    mask = np.zeros(shape, dtype=np.uint8)
    for xm, y0, y1, thick in _listing_columns(stats, centroids, unit, binary):
        if reach is not None:
            y0, y1 = min(y0, reach[0]), max(y1, reach[1])
        cv2.line(mask, (xm, y0), (xm, y1 - 1), 255, thick)
    return mask


def marked_listing(stats: np.ndarray, centroids: np.ndarray, unit: float, binary: np.ndarray | None = None) -> bool:
    """Whether the page's table is typed with its column marks, a printout (a line printer's listing on
    paper without the perforations in view, or written onto microfiche by a COM recorder: AA dev 19003): marks
    in line down ``LISTING_COLUMNS`` columns or more, side by side down the same lines."""
    runs = _listing_columns(stats, centroids, unit, binary)
    if len(runs) < LISTING_COLUMNS:
        return False
    top, bottom = int(np.median([r[1] for r in runs])), int(np.median([r[2] for r in runs]))  # (not the longest
    # run's: the tractor holes' strip down the frame, AA dev 19003 p7)
    shared = [r for r in runs if min(r[2], bottom) - max(r[1], top) >= LISTING_SHARED * (r[2] - r[1])]
    return len(shared) >= LISTING_COLUMNS


def printed_bangs(stats: np.ndarray, centroids: np.ndarray, unit: float) -> bool:
    """Whether the table's column marks are a line printer's "!", each a stroke over its dot, in line down
    ``LISTING_COLUMNS`` columns or more (``stats``/``centroids``: ``preprocess.components``, background first): a
    listing's, though its strokes stand in line as a typed table's "|" do (``typed_columns``); a daisy wheel
    types no "!" between its columns (AA dev 19011 p2: read as a typed table, the sums' line under the last
    rule and the columns past the last mark lost, 75 % right for 100 %)."""
    x, y, w, h = (stats[1:, k] for k in range(4))
    cx = centroids[1:, 0]
    upper = (w <= MARK_THIN * unit) & (h <= MARK_TALL * unit) & (h >= COLON_DOT[1] * unit) & (h >= BANG_SLENDER * w)
    lo, hi = COLON_DOT[0] * unit, COLON_DOT[1] * unit
    dot = (w >= lo) & (w <= hi) & (h >= lo) & (h <= hi) & (w <= COLON_SQUAT * h) & (h <= COLON_SQUAT * w)
    typed = (stats[1:, 4] >= 30) & (h >= 8 * unit)
    glyph = float(np.median(h[typed])) if typed.any() else 0.0
    used = np.zeros(len(x), dtype=bool)
    pairs = _over_dots(np.nonzero(upper)[0], np.nonzero(dot)[0], x, y, h, cx, used, unit, PAIR_TALL * glyph)
    if len(pairs) < LISTING_COLUMNS * MARK_RUN:
        return False
    i_, j_ = (np.array(v) for v in zip(*pairs, strict=True))
    px, py, ph = (cx[i_] + cx[j_]) / 2, y[i_], y[j_] + h[j_] - y[i_]
    runs = sorted(float(np.median(px[r])) for r in _listing_chains(np.arange(len(pairs)), px, py, ph, MARK_GAP * ph, unit)
                  if len(r) >= MARK_RUN)  # fmt: skip
    columns = [m for k, m in enumerate(runs) if k == 0 or m - runs[k - 1] > 2 * MARK_DRIFT * unit]
    return len(columns) >= LISTING_COLUMNS


def _listing_chains(idx: np.ndarray, cx: np.ndarray, y: np.ndarray, h: np.ndarray, reach: np.ndarray,
                    unit: float) -> list[list[int]]:  # fmt: skip
    """Marks chained down the page: each joins the chain whose last marks' middle (the mean of the last
    ``MARK_RECENT``: a chain printer's characters each a little off their pitch, AA dev 19003 p6, two marks
    one under the other 3.8 px apart) stands within ``MARK_DRIFT`` across, its last mark ending at most its
    ``reach`` above it."""
    chains: list[list[int]] = []
    mids: list[float] = []
    near: dict[int, list[int]] = {}  # chains by their last marks' middle, in steps of the drift
    step = 2 * MARK_DRIFT * unit
    for i in sorted(idx.tolist(), key=lambda k: int(y[k])):
        key = int(cx[i] // step)
        best = -1
        for k in (key - 1, key, key + 1):
            for n in near.get(k, []):
                last = chains[n][-1]
                gap = int(y[i]) - int(y[last] + h[last])
                if abs(float(cx[i]) - mids[n]) <= MARK_DRIFT * unit and -2 <= gap <= float(reach[last]):
                    best = n
                    break
            if best >= 0:
                break
        if best < 0:
            chains.append([i])
            mids.append(float(cx[i]))
            best = len(chains) - 1
        else:
            near[int(mids[best] // step)].remove(best)
            chains[best].append(i)
            mids[best] = float(np.mean(cx[chains[best][-MARK_RECENT:]]))
        near.setdefault(int(mids[best] // step), []).append(best)
    return chains


COLON_RUN_SHARE = 0.5  # of a chain's marks colons at the least: a column of colons typed down the table


def colon_marks(stats: np.ndarray, centroids: np.ndarray, shape: tuple[int, int], unit: float,
                binary: np.ndarray | None = None) -> np.ndarray:  # fmt: skip
    """A typed table's columns of colons (":" typed down its lines between its columns, an office typewriter's
    rules on a keyboard without "|": family AD) drawn as vertical rules, each from its first colon's top to its
    last one's bottom: ``MARK_RUN`` colons in line at the least, colons most of its marks. ``column_marks`` sees
    a colon's two dots as no mark: only the colons whose dots ran together into one stroke made a column there,
    and the table's sides, typed in clean dots, were lost (AD dev 22001 p3: the row numbers' column outside the
    grid, every row's number unread)."""
    mask = np.zeros(shape, dtype=np.uint8)
    x, y, w, h, cx, reach, colon = _listing_marks(stats, centroids, unit, binary)
    if x.size < MARK_RUN:
        return mask
    for run in _listing_chains(np.arange(x.size), cx, y, h, reach, unit):
        if len(run) < MARK_RUN or np.count_nonzero(colon[run]) < COLON_RUN_SHARE * len(run):
            continue
        xm = int(round(float(np.median(cx[run]))))
        y0, y1 = int(y[run].min()), int((y[run] + h[run]).max())
        cv2.line(mask, (xm, y0), (xm, y1 - 1), 255, _breadth(cx[run], w[run], unit))
    return mask
