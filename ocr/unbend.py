"""A sheet bent on the scanner glass: its rows curve across the page, so one straight line no longer
separates two rows and a rule's ends drift off its row. The long horizontal rules were straight on
paper: how far each one stands above or below its own middle, column by column, is the bend; the
page is put flat by moving every column of pixels back by it.
"""

from __future__ import annotations

from itertools import pairwise

import cv2
import numpy as np

from .preprocess import components
from .row_opening import dilate_rows, open_long_rows

STEP = 32  # width of the column strips the bend is measured in (pixels at 300 dpi)
MIN_BEND = 6  # pixels from the highest to the lowest point: less is left as it is
EDGE = 24  # px (2 mm at 300 dpi): a band this near the image's top or bottom ...
LID = 30  # ... and this tall at the least is the black of a copier's open lid beyond the copy's paper edge, no
# rule (AC dev 21003 p1: the lid's black along the top and the foot taken for two rules, the page "bent" by them)


STROKE = 80  # a stroke along a row at least this long is part of a rule (pixels at 300 dpi)


def strokes(binary: np.ndarray) -> np.ndarray:
    """The strokes along the rows at least ``STROKE`` long (a horizontal opening), where the bend is
    measured; ``ocr.lines.find_rules`` opens the same ink again on their rows only (ocr.row_opening)."""
    return open_long_rows(binary, STROKE)


def bend_of_rules(binary: np.ndarray, horiz: np.ndarray | None = None) -> np.ndarray | None:
    """Per column of the page, how far the rules there stand below (+) or above (-) their middle (None:
    no long rule, or the page lies flat). ``binary``: ink = 255, ruling included; ``horiz``: its
    ``strokes``, when already made."""
    h, w = binary.shape
    horiz = strokes(binary) if horiz is None else horiz
    joined = dilate_rows(horiz, 41, 5)  # (on the strokes' rows only)
    bins = (w + STEP - 1) // STEP
    offsets: list[np.ndarray] = []
    for top, labels, stats in bands_labelled(joined):
        for x, y, bw, bh, ids in _rules_of_band(stats, w, h):
            if bh >= LID and (top + y <= EDGE or top + y + bh >= h - EDGE):
                continue  # (a band on the image's top or bottom edge: a copy's lid black beyond its paper's edge)
            ys, xs = np.nonzero(
                np.isin(labels[y : y + bh, x : x + bw], ids) & (horiz[top + y : top + y + bh, x : x + bw] > 0)
            )
            y += top
            if xs.size == 0:
                continue
            b = (xs + x) // STEP
            count = np.bincount(b, minlength=bins).astype(np.float64)
            centre = np.bincount(b, weights=(ys + y).astype(np.float64), minlength=bins)
            with np.errstate(invalid="ignore", divide="ignore"):
                centre = np.where(count >= 4, centre / np.maximum(count, 1), np.nan)
            if np.count_nonzero(~np.isnan(centre)) < 5:
                continue
            offsets.append(centre - np.nanmedian(centre))
    if not offsets:
        return None
    stack = np.vstack(offsets)
    seen = ~np.isnan(stack).all(axis=0)
    if np.count_nonzero(seen) < 5:
        return None
    d = np.full(bins, np.nan)
    d[seen] = np.nanmedian(stack[:, seen], axis=0)
    idx = np.arange(bins)
    d = np.interp(idx, idx[seen], d[seen])
    d = running_median5(d)  # a sheet bends smoothly
    if float(d.max() - d.min()) < MIN_BEND or _leaning(d):
        return None
    return np.interp(np.arange(w), idx * STEP + STEP / 2, d)


PIECE = 100  # px: a piece of a rule broken where it waves (``_rules_of_band``) at least this long
SIDE_BY_SIDE = 1.25  # a band's pieces' lengths together at most this many times the span they cover: one rule's
PIECES_GAP = 0.025  # of the page's width: one rule's pieces end to end, none further from the next or over it


def _rules_of_band(stats: np.ndarray, w: int, h: int) -> list[tuple[int, int, int, int, list[int]]]:
    """The rules of a band of strokes, each (x, y, width, height, its blots' labels): every blot across
    0.3 of the page alone; or, where no blot is, the band's pieces together (``PIECE`` long at the least)
    where they lie end to end (not over each other, as a double rule's two lines, nor apart, as a footer's
    lines to sign on: N's regression n-dash-contracted-headings-deductions-unnamed) and cover 0.3 of the
    page: a thin pen rule on a cockled sheet waves up and down across the table and breaks into pieces no
    row opening joins (AE dev 23001 p7, 23002 p4: every rule of the table in 11 to 14 pieces of 200 px, no
    bend measured, the rules under the heading and over the sums lost with it and the page read as no table)."""
    shallow = [i for i in range(1, len(stats)) if stats[i, 3] <= 0.05 * h]
    whole = [i for i in shallow if stats[i, 2] >= 0.3 * w]
    if whole:
        return [(*(int(v) for v in stats[i, :4]), [i]) for i in whole]  # type: ignore[misc]
    pieces = [i for i in shallow if stats[i, 2] >= PIECE]
    if not pieces:
        return []
    x0 = min(int(stats[i, 0]) for i in pieces)
    x1 = max(int(stats[i, 0] + stats[i, 2]) for i in pieces)
    y0 = min(int(stats[i, 1]) for i in pieces)
    y1 = max(int(stats[i, 1] + stats[i, 3]) for i in pieces)
    length = sum(int(stats[i, 2]) for i in pieces)
    if length < 0.3 * w or length > SIDE_BY_SIDE * (x1 - x0) or y1 - y0 > 0.05 * h:
        return []
    ends = sorted((int(stats[i, 0]), int(stats[i, 0] + stats[i, 2])) for i in pieces)
    if any(abs(b0 - a1) > PIECES_GAP * w for (_, a1), (b0, _) in pairwise(ends)):
        return []
    return [(x0, y0, x1 - x0, y1 - y0, pieces)]


def _leaning(d: np.ndarray) -> bool:
    """The rules' offsets lie on a straight line (less than ``MIN_BEND`` off the line through them): the rules
    lean against the straightened page, they do not bend. A sheet bent on the glass curves its rules and its
    writing alike (the skew taken off by ``preprocess.deskew`` leaves their curve); a rule drawn by hand along a
    ruler not square to the page leans on a page whose writing is level (R dev 10066: the pencil rules under the
    heading leaning 13 to 43 px across the table were taken for a bend, the page "put flat" by that shear lost
    its rules and read as no table: 150 fields wrong without a flag)."""
    x = np.arange(len(d), dtype=np.float64)
    slope, at0 = np.polyfit(x, d, 1)
    rest = d - (slope * x + at0)
    return float(rest.max() - rest.min()) < MIN_BEND


def bands_labelled(mask: np.ndarray) -> list[tuple[int, np.ndarray, np.ndarray]]:
    """The blots of ``mask`` labelled band by band (runs of rows with ink; no blot crosses a row of paper):
    (the band's first row, its labels, its stats). The same blots as one labelling of the page, whose
    paper between the rules it need not scan: 1 ms instead of 20 on a page."""
    rows = np.flatnonzero(cv2.reduce(mask, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel())
    out = []
    for run in np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1) if rows.size else []:
        top = int(run[0])
        _, labels, stats, _ = components(mask[top : int(run[-1]) + 1])
        out.append((top, labels, stats))
    return out


def running_median5(d: np.ndarray) -> np.ndarray:
    """The median of each value's window of five (fewer at the ends: the window is cut there)."""
    def cut(i: int) -> float:
        return float(np.median(d[max(0, i - 2) : i + 3]))

    n = len(d)
    if n < 5:
        return np.array([cut(i) for i in range(n)])
    inner = np.median(np.lib.stride_tricks.sliding_window_view(d, 5), axis=1)
    return np.concatenate([[cut(0), cut(1)], inner, [cut(n - 2), cut(n - 1)]])


FLATTEN_STRIP = 128  # rows of the page moved back at a time (``flatten``)


def flatten(gray: np.ndarray, bend: np.ndarray) -> np.ndarray:
    """The page with every column moved up or down by its ``bend``: rows straight again. Made a strip of
    rows at a time, each strip's maps small enough to stay in the cache: the same pixels as one remap of
    the page with two page-sized maps (70 MB written and read again: ~0.1 s CPU a bent page, N dev)."""
    h, w = gray.shape
    out = np.empty_like(gray)
    rows = np.arange(h, dtype=np.float32)[:, None]
    shift = bend[None, :].astype(np.float32)
    map_x = np.empty((min(h, FLATTEN_STRIP), w), dtype=np.float32)  # every strip's: filled once
    map_x[:] = np.arange(w, dtype=np.float32)
    for y0 in range(0, h, FLATTEN_STRIP):
        y1 = min(h, y0 + FLATTEN_STRIP)
        map_y = rows[y0:y1] + shift
        strip = map_x[: y1 - y0]
        out[y0:y1] = cv2.remap(gray, strip, map_y, cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    return out
