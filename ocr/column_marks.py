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
MARK_RECENT = 5  # a chain's last marks its middle is taken over
MARK_RUN = 6  # marks in line at the least (three rows of two lines; a column of "1"s one a row is further apart)


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


def _marks(stats: np.ndarray, centroids: np.ndarray, unit: float, binary: np.ndarray | None = None
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
    typed = (stats[1:, 4] >= 30) & (h >= 8 * unit)
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
    pairs: list[tuple[int, int]] = []
    for i, a, b in sorted(zip(upper.tolist(), first.tolist(), last.tolist(), strict=True), key=lambda t: int(y[t[0]])):
        if used[i]:
            continue
        for j in order[a:b].tolist():
            gap = int(y[j]) - int(y[i] + h[i])
            near = gap <= COLON_GAP * h[j] and int(y[j] + h[j] - y[i]) <= tall
            if not used[j] and j != i and near and abs(float(cx[i] - cx[j])) <= MARK_DRIFT * unit:
                used[i] = used[j] = True
                pairs.append((i, j))
                break
    return pairs


def _columns(stats: np.ndarray, centroids: np.ndarray, unit: float, binary: np.ndarray | None = None
             ) -> list[tuple[int, int, int, int]]:  # fmt: skip
    """The columns of marks: (middle across, top, bottom, stroke's width) of the runs of ``MARK_RUN`` marks or
    more in line down the page, a column's runs (broken where lines without marks stand between: a department's
    heading) taken together. Where most columns, ``LISTING_COLUMNS`` or more, are of colons, a column without
    them is none: a worn letter's stem at one print position on a few names' lines among a listing's colons
    (AA dev 19003 p3: a column inside the names)."""
    x, y, w, h, cx, reach, colon = _marks(stats, centroids, unit, binary)
    if x.size < MARK_RUN:
        return []
    runs = sorted((float(np.median(cx[r])), r) for r in _in_line(np.arange(x.size), cx, y, h, reach, unit)
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


def column_marks(stats: np.ndarray, centroids: np.ndarray, shape: tuple[int, int], unit: float,
                 binary: np.ndarray | None = None, reach: tuple[int, int] | None = None) -> np.ndarray:  # fmt: skip
    """The column marks drawn as vertical rules, each from its first mark's top to its last mark's bottom
    (``stats``/``centroids``: ``preprocess.components`` of the ``binary``, background first; without it, no
    colon run together is seen), or over ``reach`` (top, bottom) where that is longer: a listing's marks stand
    on every line of its table, those run into a figure beside them too (AA dev 19003 p6: the "!" of the sums'
    line under the last rule, each read as a 1 before its figure)."""
    mask = np.zeros(shape, dtype=np.uint8)
    for xm, y0, y1, thick in _columns(stats, centroids, unit, binary):
        if reach is not None:
            y0, y1 = min(y0, reach[0]), max(y1, reach[1])
        cv2.line(mask, (xm, y0), (xm, y1 - 1), 255, thick)
    return mask


def marked_listing(stats: np.ndarray, centroids: np.ndarray, unit: float, binary: np.ndarray | None = None) -> bool:
    """Whether the page's table is typed with its column marks, a printout (a line printer's listing on
    paper without the perforations in view, or written onto microfiche by a COM recorder: AA dev 19003): marks
    in line down ``LISTING_COLUMNS`` columns or more, side by side down the same lines."""
    runs = _columns(stats, centroids, unit, binary)
    if len(runs) < LISTING_COLUMNS:
        return False
    top, bottom = int(np.median([r[1] for r in runs])), int(np.median([r[2] for r in runs]))  # (not the longest
    # run's: the tractor holes' strip down the frame, AA dev 19003 p7)
    shared = [r for r in runs if min(r[2], bottom) - max(r[1], top) >= LISTING_SHARED * (r[2] - r[1])]
    return len(shared) >= LISTING_COLUMNS


def _in_line(idx: np.ndarray, cx: np.ndarray, y: np.ndarray, h: np.ndarray, reach: np.ndarray,
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
