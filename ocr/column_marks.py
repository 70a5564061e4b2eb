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
