"""Ruling lines: find horizontal and vertical rules by morphology, and take them out of the text image."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from .pins import stacked
from .preprocess import components
from .row_opening import dilate_rows, open_rows


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


def _positions(mask: np.ndarray, axis: int, min_len: int, merge: int) -> list[Rule]:
    """Cluster the rows (axis=1: horizontal rules) or columns (axis=0) of ``mask`` that carry a rule."""
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
        weights = prof[lo : hi + 1].astype(np.float64)
        pos = int(round(float(np.average(np.arange(lo, hi + 1), weights=weights))))
        rules.append(Rule(pos, int(along[0]), int(along[-1])))
    return rules


def find_rules(
    binary: np.ndarray,
    *,
    dpi: int = 300,
    blots: tuple[np.ndarray, np.ndarray] | None = None,
    dashed: tuple[np.ndarray, np.ndarray] | None = None,
    strokes: tuple[int, np.ndarray] | None = None,
) -> Rules:
    """Long thin strokes; gaps in broken ruling are bridged, doubled rules merge into one; dashed rules
    are drawn solid first (``blots``: the binary's component stats and centroids, when known; ``dashed``:
    ``dashed_rules`` of this binary at this dpi, when already drawn; ``strokes``: (length, the binary with
    its horizontal dashed rules drawn opened by a row kernel that long), when already made:
    ``ocr.unbend.strokes``)."""
    h, w = binary.shape
    unit = dpi / 300.0
    hk = max(30, int(110 * unit))
    vk = max(30, int(90 * unit))
    dashed_h, dashed_v = dashed if dashed is not None else dashed_rules(binary, dpi=dpi, blots=blots)
    # a shorter kernel's strokes hold every row this one keeps ink on (a longer one's may not)
    shorter = strokes[1] if strokes is not None and strokes[0] <= hk else None
    horiz = open_rows(cv2.bitwise_or(binary, dashed_h), hk, shorter)
    vert = cv2.morphologyEx(cv2.bitwise_or(binary, dashed_v), cv2.MORPH_OPEN,
                            cv2.getStructuringElement(cv2.MORPH_RECT, (1, vk)))  # fmt: skip
    # bridge gaps of broken ruling and small residual skew
    horiz_b = dilate_rows(horiz, int(60 * unit), 3)  # (on the rules' rows only)
    vert_b = cv2.dilate(vert, cv2.getStructuringElement(cv2.MORPH_RECT, (3, int(40 * unit))))
    hr = _off_the_edge(_positions(horiz_b, axis=1, min_len=int(w * 0.2), merge=int(14 * unit)), h, unit)
    vr = _positions(vert_b, axis=0, min_len=int(h * 0.06), merge=int(14 * unit))
    mask = cv2.dilate(cv2.bitwise_or(horiz, vert), cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    return Rules(hr, vr, mask)


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


DASH_THIN = 12  # a dash of a dashed rule is at most this thick (pixels at 300 dpi) ...
DASH_MIN = 10  # ... at least this long ...
DASH_ELONGATED = 1.6  # ... and this many times longer than thick (a short dash, blurred: 18 x 9)
DASH_GAP = 24  # the widest gap between two dashes of one rule
DASH_DRIFT = 4  # how far one dash's middle may stand off the last one's, across the rule
DASH_RUN = 8  # dashes in a row: fewer are a word's hyphens or a dot-matrix glyph's strips, not a rule
DASH_REACH = 300  # pixels a run of dashes spans at the least (a rule runs across columns)
DASH_PLAIN = 0.1  # share of a run's dashes alone, no crossing (J dev 1013 p2's rules: 2 of 12 at the least)
DASH_OVER_GAP = 1.0  # a rule's dashes are no shorter than the gaps between them (a blurred dash longer still)
DASH_ALIKE = 0.7  # share of a run's dashes within a quarter of their median length: drawn as a rule is


def _a_rule(run: list[int], start: np.ndarray, length: np.ndarray, crossed: np.ndarray, unit: float) -> bool:
    """A run of dashes long, wide and regular enough for a rule, not all of them crossings (letters' stems)."""
    a0, a1 = int(start[run[0]]), int(max(start[i] + length[i] for i in run))
    if len(run) < DASH_RUN or a1 - a0 < DASH_REACH * unit or not _regular(start[run], length[run]):
        return False
    return bool(np.count_nonzero(~crossed[run]) >= max(2, len(run) * DASH_PLAIN))


def _regular(starts: np.ndarray, lengths: np.ndarray) -> bool:
    """The dashes of a rule are of one length and one spacing (the strips of a dot-matrix face's letters,
    aligned along a text line, are not: J dev 1003 p4 took its rows' letters for rules)."""
    med = float(np.median(lengths))
    if np.mean(np.abs(lengths - med) <= 0.25 * med) < DASH_ALIKE:
        return False
    order = np.argsort(starts)
    gaps = (starts[order][1:] - (starts[order] + lengths[order])[:-1]).astype(np.float64)
    g = float(np.median(gaps))
    if g > DASH_OVER_GAP * med:  # more paper than ink: a column of typed "1"s, one a row (J dev 1013 p1)
        return False
    return bool(np.mean(np.abs(gaps - g) <= max(3.0, 0.35 * g)) >= DASH_ALIKE)


def dashed_rules(
    binary: np.ndarray, *, dpi: int = 300, blots: tuple[np.ndarray, np.ndarray] | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Dashed rules, each drawn as one solid stroke over its dashes and gaps (horizontal, vertical): a
    run of short thin strokes in line, the gaps between them short. The long-stroke morphology of
    ``find_rules`` sees no rule in dashes shorter than its kernel (J dev 1003: a page ruled in dashes of
    20 px read as no table at all), and the dashes left in the text ink joined the rows' lines."""
    unit = dpi / 300.0
    stats, centroids = blots if blots is not None else components(binary)[2:]
    x, y, w, h = (stats[1:, k] for k in range(4))  # left, top, width, height
    strips = stacked(stats)[1:]  # a dot-matrix letter's pin rows: no dashes
    out = []
    for horizontal in (True, False):
        start, along, mid, thick = (x, w, centroids[1:, 1], h) if horizontal else (y, h, centroids[1:, 0], w)
        mask = np.zeros_like(binary)
        mid, thick, crossed = _crossings(
            binary, start, along, y if horizontal else x, mid, thick, horizontal, unit
        )
        dash = (thick <= DASH_THIN * unit) & (along >= DASH_MIN * unit) & ~strips
        dash &= along >= DASH_ELONGATED * np.maximum(thick, 1)
        s_, l_, m_, t_, c_ = start[dash], along[dash], mid[dash], thick[dash], crossed[dash]

        runs = _runs_of_dashes(s_, l_, m_, DASH_GAP * unit, DASH_DRIFT * unit)
        for pieces in _joined(runs, s_, l_, m_, DASH_BREAK * unit, DASH_DRIFT * unit):
            joined = [i for piece in pieces for i in piece]
            # the pieces joined as one rule, or as before, each on its own (joining never loses a rule)
            ok = [joined] if _a_rule(joined, s_, l_, c_, unit) else []
            for run in ok or [p for p in pieces if len(pieces) > 1 and _a_rule(p, s_, l_, c_, unit)]:
                # through the dashes' middles, ends to ends: a bent sheet's rule stays bent (ocr.unbend measures it)
                along_pts = np.ravel(np.column_stack([s_[run], s_[run] + l_[run] - 1]))
                across_pts = np.repeat(np.round(m_[run]), 2)
                pts = np.column_stack([along_pts, across_pts] if horizontal else [across_pts, along_pts])
                cv2.polylines(
                    mask, [pts.astype(np.int32).reshape(-1, 1, 2)], False, 255, max(1, int(np.max(t_[run])))
                )
        out.append(mask)
    return out[0], out[1]


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
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``mid`` and ``thick`` with the blots where a dash crosses another rule's dash, or a figure typed
    against the rule touches it, taken as the dash inside them: a band no thicker than a dash, inked
    along (nearly) the blot's whole length. Without them a dashed table's vertical rules, cut at every
    row's dashed rule, were runs of one or two dashes and no rule at all (J dev 1008: no column found).
    Third: which blots were so taken (a run of them alone is letters' stems in a column, no rule)."""
    big = (thick > DASH_THIN * unit) & (
        thick <= 2 * CROSS_MAX * DASH_THIN * unit
    )  # a dash met from both sides
    big &= (along >= DASH_MIN * unit) & (along <= CROSS_MAX * DASH_THIN * unit)
    idx = np.nonzero(big)[0]
    crossed = np.zeros(len(thick), dtype=bool)
    if idx.size == 0:
        return mid, thick, crossed
    mid, thick = mid.astype(np.float64), thick.copy()
    for i in idx.tolist():  # ``edge``: the box's top (horizontal) or left side (vertical)
        a0, n, t, c0 = int(start[i]), int(along[i]), int(thick[i]), int(edge[i])
        box = binary[c0 : c0 + t, a0 : a0 + n] if horizontal else binary[a0 : a0 + n, c0 : c0 + t]
        prof = (box > 0).sum(axis=1 if horizontal else 0)
        full = np.nonzero(prof >= CROSS_FULL * n)[0]
        if full.size == 0 or full[-1] - full[0] + 1 > DASH_THIN * unit or full[-1] - full[0] + 1 != full.size:
            continue
        if horizontal:  # the rest a vertical rule's dash, no letter's body above its serifs (K dev 3001 p4)
            rest = np.delete(box, full, axis=0)
            cols = np.nonzero((rest > 0).any(axis=0))[0]
            if cols.size and cols[-1] - cols[0] + 1 > DASH_THIN * unit:
                continue
        mid[i] = c0 + (full[0] + full[-1]) / 2
        thick[i] = full.size
        crossed[i] = True
    return mid, thick, crossed


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
    for r in pieces:
        r0, rl, rm = float(start[r[0]]), float(np.median(length[r])), float(np.median(mid[r]))
        for d in done:
            last = d[-1]
            end = float(max(start[i] + length[i] for i in last))
            dl, dm = float(np.median(length[last])), float(np.median(mid[last]))
            if 0 <= r0 - end <= gap and abs(rm - dm) <= drift and abs(rl - dl) <= 0.25 * max(rl, dl):
                d.append(r)
                break
        else:
            done.append([r])
    return out + done


def _runs_of_dashes(
    start: np.ndarray, length: np.ndarray, mid: np.ndarray, gap: float, drift: float
) -> list[list[int]]:
    """Dashes chained along their line: each joins the run whose last dash ends at most ``gap`` before it
    and stands within ``drift`` of it across the line."""
    runs: list[list[int]] = []
    ends: list[float] = []
    mids: list[float] = []
    for i in np.argsort(start, kind="stable").tolist():
        s0, m = float(start[i]), float(mid[i])
        best = -1
        for k in range(len(runs)):
            if -gap / 2 <= s0 - ends[k] <= gap and abs(m - mids[k]) <= drift:
                best = k
                break
        if best < 0:
            runs.append([i])
            ends.append(s0 + float(length[i]))
            mids.append(m)
        else:
            runs[best].append(i)
            ends[best] = max(ends[best], s0 + float(length[i]))
            mids[best] = m
    return runs
