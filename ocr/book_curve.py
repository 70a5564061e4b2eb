"""A page of a bound book photographed open from above (family S): near the spine the paper curves down into
the binding, and there the rows are drawn up or down and squeezed together (S dev 11011 p1: the employer's
line bent by 40 pixels over its first word, "Хотел „Рила“" read "„рид“"; the row numbers under the bend
read as nothing). ``ocr.unbend`` measures a bend along the long rules where they run straight enough for a
row-wise opening to keep them; near the spine they climb too steeply and break off, so it sees a flat page.

Here each long rule is followed from where the opening lost it, pixel column by column along its ink, out to
the table's end; how far it stands from its own straight height there is its displacement. The rules above
and below the page's middle move by different amounts (the page drawn towards its middle line), so per
column of the page the displacement is taken as a line in the height (a shift and a scale), fitted over the
rules there; columns beyond the rules keep the nearest measured column's. The page is put flat by moving
every column of pixels back by it (``flatten``); ``geometry.Transform`` maps boxes back the same way.
"""

from __future__ import annotations

import cv2
import numpy as np

from .row_opening import dilate_rows
from .unbend import STEP, bands_labelled, running_median5

MIN_SHIFT = 8  # pixels: a smaller largest displacement leaves the page as it is
WINDOW = 5  # a rule's ink looked for this far above and below where it should continue (pixels)
THICK = 14  # a run of ink taller than this across the rule's line is no rule (a column rule, a stamp)
GAP = 28  # the rule is lost after this many columns without its ink
PACE = 3  # columns stepped at a time while following a rule
MIN_RULES = 3  # rules that must reach a column for its displacement to count


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """The runs of consecutive values in ``rows`` (ascending), as (first, last)."""
    out: list[tuple[int, int]] = []
    for r in rows:
        if out and r == out[-1][1] + 1:
            out[-1] = (out[-1][0], r)
        else:
            out.append((r, r))
    return out


def _slope(points: list[tuple[int, float]]) -> float:
    """The least-squares slope of a few points (distinct x), in closed form: ``np.polyfit(x, y, 1)[0]``
    to the last bits, without its scaled Vandermonde matrix and SVD (~0.1 ms a step, 40 % of following
    a book's rules: issue 9, Y dev 17003)."""
    n = len(points)
    mx = sum(p[0] for p in points) / n
    my = sum(p[1] for p in points) / n
    sxx = sum((p[0] - mx) ** 2 for p in points)
    return sum((p[0] - mx) * (p[1] - my) for p in points) / sxx


def _follow(binary: np.ndarray, x: int, y: float, slope: float, step: int) -> list[tuple[int, float]]:
    """The rule's centre line followed from (x, y) column by column (``step`` -1 leftwards, +1 rightwards)
    while its ink continues within ``WINDOW`` of where it should."""
    h, w = binary.shape
    out: list[tuple[int, float]] = []
    lost = 0
    recent: list[tuple[int, float]] = [(x, y)]
    cx = x
    while 0 <= cx + step * PACE < w and lost <= GAP:
        cx += step * PACE
        pred = y + slope * (cx - recent[-1][0]) if recent else y
        lo, hi = max(0, int(round(pred)) - WINDOW - THICK), min(h, int(round(pred)) + WINDOW + THICK + 1)
        col = binary[lo:hi, max(0, cx - 1) : cx + 2].max(axis=1) > 0
        best = None
        for r0, r1 in _runs(np.flatnonzero(col).tolist()):
            if r1 - r0 + 1 > THICK:
                continue
            c = lo + (r0 + r1) / 2
            if abs(c - pred) <= WINDOW and (best is None or abs(c - pred) < abs(best - pred)):
                best = c
        if best is None:
            lost += PACE
            continue
        lost = 0
        out.append((cx, best))
        recent.append((cx, best))
        recent = recent[-8:]
        if len(recent) >= 4:
            slope = min(0.5, max(-0.5, _slope(recent)))
        y = best
    return out


def curve(binary: np.ndarray, horiz: np.ndarray) -> tuple[np.ndarray, np.ndarray, float] | None:
    """(shift, scale, middle) per column of the page: the point (x, y) of the flat page lies at
    (x, y + shift[x] + scale[x] * (y - middle)) here; None when the rules run straight to their ends (no
    displacement of ``MIN_SHIFT`` pixels) or too few rules are long enough to tell."""
    h, w = binary.shape
    joined = dilate_rows(horiz, 41, 5)
    bins = (w + STEP - 1) // STEP
    traced: list[tuple[float, np.ndarray]] = []  # (the rule's own height, its displacement per bin)
    for top, labels, stats in bands_labelled(joined):
        for i in range(1, len(stats)):
            x, y, bw, bh = (int(v) for v in stats[i, :4])
            if bw < 0.3 * w or bh > 0.05 * h or top + y <= 3 or top + y + bh >= h - 3:
                continue  # (the picture's own edge, a dark line along it, is no rule)
            ys, xs = np.nonzero((labels[y : y + bh, x : x + bw] == i) & (horiz[top + y : top + y + bh, x : x + bw] > 0))
            if xs.size < 50:
                continue
            xs, ys = xs + x, ys + y + top
            b = xs // STEP
            count = np.bincount(b, minlength=bins).astype(np.float64)
            total = np.bincount(b, weights=ys.astype(np.float64), minlength=bins)
            with np.errstate(invalid="ignore", divide="ignore"):
                centre = np.where(count >= 4, total / np.maximum(count, 1), np.nan)
            have = np.flatnonzero(~np.isnan(centre))
            if have.size < 5:
                continue
            own = float(np.nanmedian(centre))
            # beyond each end of what the opening kept: the rule followed along its ink
            for end, step in ((have[0], -1), (have[-1], 1)):
                near = have[:4] if step < 0 else have[-4:]
                slope = float(np.polyfit(near * STEP + STEP / 2, centre[near], 1)[0]) if near.size >= 2 else 0.0
                x0 = int(xs.min()) if step < 0 else int(xs.max())
                pts = _follow(binary, x0, float(centre[end]), float(np.clip(slope, -0.5, 0.5)), step)
                if not pts:
                    continue
                px = np.array([p[0] for p in pts]) // STEP
                py = np.array([p[1] for p in pts])
                n = np.bincount(px, minlength=bins)[:bins]
                mean = np.bincount(px, weights=py, minlength=bins)[:bins] / np.maximum(n, 1)
                fill = np.isnan(centre) & (n >= 3)
                centre[fill] = mean[fill]
            traced.append((own, centre - own))
    if len(traced) < MIN_RULES:
        return None
    heights = np.array([t[0] for t in traced])
    disp = np.vstack([t[1] for t in traced])
    middle = float(np.mean(heights))
    spread = float(heights.max() - heights.min())
    shift = np.full(bins, np.nan)
    scale = np.zeros(bins)
    for k in range(bins):
        ok = ~np.isnan(disp[:, k])
        if np.count_nonzero(ok) < MIN_RULES:
            continue
        d, hy = disp[ok, k], heights[ok] - middle
        if spread >= 200 and np.count_nonzero(ok) >= 4 and float(np.ptp(hy)) >= 200:
            q, p = np.polyfit(hy, d, 1)
            fit = p + q * hy
            if float(np.median(np.abs(d - fit))) > 3:  # the rules do not agree on a line: no measure here
                continue
            shift[k], scale[k] = p, float(np.clip(q, -0.12, 0.12))
        else:
            if float(np.ptp(d)) > 12:
                continue
            shift[k] = float(np.median(d))
    seen = ~np.isnan(shift)
    if np.count_nonzero(seen) < 5:
        return None
    idx = np.arange(bins)
    shift = running_median5(np.interp(idx, idx[seen], shift[seen]))
    scale = running_median5(np.interp(idx, idx[seen], scale[seen]))
    # the largest displacement the page shows within its rows' heights
    reach = np.abs(shift)[:, None] + np.abs(scale)[:, None] * np.abs(np.array([heights.min(), heights.max()]) - middle)
    if float(reach.max()) < MIN_SHIFT:
        return None
    at = idx * STEP + STEP / 2
    return np.interp(np.arange(w), at, shift), np.interp(np.arange(w), at, scale), middle


FLATTEN_STRIP = 128


def flatten(gray: np.ndarray, shift: np.ndarray, scale: np.ndarray, middle: float) -> np.ndarray:
    """The page with every column moved back by its displacement: rows straight again."""
    h, w = gray.shape
    out = np.empty_like(gray)
    map_x = np.empty((min(h, FLATTEN_STRIP), w), dtype=np.float32)
    map_x[:] = np.arange(w, dtype=np.float32)
    sh, sc = shift[None, :].astype(np.float32), scale[None, :].astype(np.float32)
    for y0 in range(0, h, FLATTEN_STRIP):
        y1 = min(h, y0 + FLATTEN_STRIP)
        rows = np.arange(y0, y1, dtype=np.float32)[:, None]
        map_y = rows + sh + sc * (rows - np.float32(middle))
        out[y0:y1] = cv2.remap(gray, map_x[: y1 - y0], map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    return out
