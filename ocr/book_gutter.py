"""A page of a bound book photographed or scanned open (family S): beyond the spine's side of the page lies
the gutter, the shadow where the paper curves down into the binding, and past it the edge of the facing
page with a strip of its own typing. That strip is no part of this page: its words were taken for the
employer (S dev 11001 p1: "Книга запла", the facing page's title cut at the image's edge) and the table's
rows ran on into it. The gutter is a valley of the paper's light near one side of the picture, paper on
both sides of it: everything from its deepest point outwards is painted paper white before anything is
read.

The paper's light per column is a high percentile down the column (the typing hardly darkens it); a ruled
line is no valley (too narrow), nor a desk's dark margin (no paper beyond it).
"""

from __future__ import annotations

import cv2
import numpy as np

from . import order_stats

SIDE = 0.2  # the gutter lies within this share of the picture's width from one side
SIDE_MAX = 720  # ... and no further in than this (pixels at 300 dpi)
DEPTH = 0.86  # its deepest point at most this much of the page's light beside it
FACING = 0.72  # the facing page beyond it at least this much of the page's light
FACING_MIN = 40  # ... over this many columns (pixels)
WIDE = 24  # the valley at least this wide where it is darker than halfway (a ruled line is narrower)
SPINE_PAD = 8  # the stitching's thread lies a few pixels either side of the deepest point


def _light(gray: np.ndarray) -> np.ndarray:
    """The paper's light per column: the 90th percentile of the middle 80 % of the rows, smoothed."""
    h = gray.shape[0]
    band = gray[int(h * 0.1) : int(h * 0.9) : 3]
    prof = order_stats.percentile(band, 90, 0).astype(np.float32)
    return cv2.blur(prof.reshape(1, -1), (15, 1)).ravel()


def facing_strip(gray: np.ndarray) -> tuple[str, int] | None:
    """("left", x) where columns < x are the gutter and the facing page, ("right", x) where columns >= x
    are; None where the page shows no gutter with paper beyond it."""
    h, w = gray.shape[:2]
    if w < 800 or h < 800:
        return None
    light = _light(gray)
    page = float(np.median(light[w // 3 : 2 * w // 3]))
    if page < 80:  # a dark picture (a negative): no paper's light to go by
        return None
    reach = int(min(SIDE * w, SIDE_MAX))
    found: list[tuple[float, str, int]] = []
    for side in ("left", "right"):
        seg = light[:reach] if side == "left" else light[::-1][:reach]
        # past the desk or the scanner's dark margin at the picture's side: the first paper
        paper_at = np.flatnonzero(seg >= FACING * page)
        if paper_at.size == 0 or paper_at[0] + 2 * FACING_MIN >= len(seg):
            continue
        start = int(paper_at[0])
        i = int(np.argmin(seg[start + FACING_MIN :])) + start + FACING_MIN
        low = float(seg[i])
        inner = float(seg[i : min(len(seg), i + 400)].max())
        beyond = seg[start:i]
        bright = beyond >= FACING * page
        if not bright.any() or inner < 0.8 * page:
            continue
        # the facing page: a run of paper beyond the valley (not a desk's dark margin), brighter than it
        runs = np.flatnonzero(bright)
        if runs.size < FACING_MIN or float(beyond.max()) < low / DEPTH * 0.95:
            continue
        if low > DEPTH * inner:
            continue
        half = (low + min(inner, float(beyond.max()))) / 2
        lo = i
        while lo > start and seg[lo - 1] < half:
            lo -= 1
        hi = i
        while hi + 1 < len(seg) and seg[hi + 1] < half:
            hi += 1
        if hi - lo + 1 < WIDE:
            continue
        # the facing page's paper lies beyond the valley's outer half-depth point
        if np.count_nonzero(bright[: lo - start]) < FACING_MIN:
            continue
        found.append((low / inner, side, i))
    if not found:
        return None
    _, side, i = min(found)
    return (side, min(w, i + SPINE_PAD)) if side == "left" else (side, max(0, w - i - SPINE_PAD))


def without_facing(gray: np.ndarray) -> np.ndarray:
    """The page with the gutter and the facing page's strip painted paper white (the page as it was where
    there is none)."""
    cut = facing_strip(gray)
    if cut is None:
        return gray
    side, x = cut
    out = gray.copy()
    paper = int(np.percentile(gray[:, x : x + 300] if side == "left" else gray[:, max(0, x - 300) : x], 90))
    if side == "left":
        out[:, :x] = paper
    else:
        out[:, x:] = paper
    return out
