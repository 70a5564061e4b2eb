"""Squared paper: the faint, evenly spaced grid printed over a whole sheet (family O's 5 mm squares), found in
the grey image by the lines' period over most of the page, so that the rule finder does not take the
paper's lines for the table's rules."""

from __future__ import annotations

import cv2
import numpy as np

from . import order_stats

MIN_PITCH = 35  # px at 300 dpi: 3 mm, finer than any squared paper's; a table's rows are farther apart
MAX_PITCH = 100  # 8.5 mm
CONTRAST = 10  # grey levels a line's median along the page stands below the paper's
THIN = 6  # px: the widest a paper's line stands in the profile
MOST = 0.5  # share of the pitch's slots across the page on which a line stands
STRETCH = 300  # px (25 mm): the shortest stretch of a table's rule judged darker than the paper's line
SOLID = 0.9  # ... dark along this share of it
SPREAD = 0.8  # share of the page from the first of the paper's lines to the last: the paper's run edge to edge
DARKER = 40  # grey levels a rule on the grid's slot must stand darker than the grid to be the table's


def _lattice(line: np.ndarray) -> tuple[float, float] | None:
    """(pitch, offset) of the evenly spaced thin lines marked in ``line`` (one bool per row or column),
    when they stand at one pitch on most slots across the whole page; None else."""
    n = line.size
    idx = np.nonzero(line)[0]
    if idx.size == 0 or n < 8 * MAX_PITCH:
        return None
    breaks = np.nonzero(np.diff(idx) > 1)[0]
    starts = np.concatenate(([idx[0]], idx[breaks + 1]))
    ends = np.concatenate((idx[breaks], [idx[-1]]))
    thin = ends - starts + 1 <= THIN  # a band of text or a shadow is wider than the paper's line
    centres = (starts[thin] + ends[thin]) / 2.0
    if centres.size < 8:
        return None
    best: tuple[int, float, float] | None = None
    for step in np.arange(MIN_PITCH, MAX_PITCH + 0.01, 0.25):  # the pitch on which most lines stand
        p = float(step)
        o = float(np.angle(np.exp(2j * np.pi * centres / p).mean()) / (2 * np.pi) * p) % p
        k = int((np.abs(((centres - o) + p / 2) % p - p / 2) <= 3).sum())
        if best is None or k > best[0]:
            best = (k, p, o)
    if best is None or best[0] < MOST * n / best[1]:
        return None
    # the paper's lines run from edge to edge of the sheet; a printed form's evenly ruled rows, however many,
    # stop at the table's top and foot (T dev 12006 p2: 20 rows ruled 68 px apart over 55 % of the page's
    # height taken for the paper's lines, every row rule dropped and no table found)
    k, p, o = best
    on = centres[np.abs(((centres - o) + p / 2) % p - p / 2) <= 3]
    if on.max() - on.min() < SPREAD * n:
        return None
    return p, o


def grid_lines(gray: np.ndarray, axis: int) -> tuple[float, float, float] | None:
    """The squared paper's lines across the page: (pitch, offset, the lines' grey) of the horizontal lines
    (axis=1: one value per row) or the vertical ones (axis=0), or None where the page is no squared paper.
    A line is a row (column) whose median grey along the whole page stands below the paper's: only a line
    across most of the page does (text and a table's rules cover less of it); the paper's lines stand at
    one pitch on most of the page's slots."""
    sample = gray[:, ::4] if axis == 1 else gray[::4, :]
    med = order_stats.median(sample, axis).astype(np.float32)
    # the paper's own grey around each row (column): a shadow or a photocopy's grey spans many lines
    paper = cv2.dilate(med.reshape(1, -1), cv2.getStructuringElement(cv2.MORPH_RECT, (31, 1))).ravel()
    line = med < paper - CONTRAST
    found = _lattice(line)
    if found is None:
        return None
    pitch, offset = found
    pos = np.arange(offset, med.size, pitch).round().astype(int)
    pos = pos[(pos >= 2) & (pos < med.size - 2)]
    shade = float(np.median([med[p - 2 : p + 3].min() for p in pos]))
    return pitch, offset, shade


def on_the_grid(pos: int, grid: tuple[float, float, float]) -> bool:
    pitch, offset, _ = grid
    return abs(((pos - offset) + pitch / 2) % pitch - pitch / 2) <= max(3.0, 0.08 * pitch)


def _along(gray: np.ndarray, pos: int, start: int, end: int, horizontal: bool) -> np.ndarray:
    """The grey along a rule, its darkest within 2 px across it at each point."""
    if horizontal:
        band = gray[max(0, pos - 2) : pos + 3, start : end + 1]
        return band.min(axis=0) if band.size else np.full(1, 255, np.uint8)
    band = gray[start : end + 1, max(0, pos - 2) : pos + 3]
    return band.min(axis=1) if band.size else np.full(1, 255, np.uint8)


def paper_rule(gray: np.ndarray, pos: int, start: int, end: int, horizontal: bool,
               grid: tuple[float, float, float] | None) -> bool:  # fmt: skip
    """True for a line of the squared paper: on the grid's slot and nowhere along it, for a stretch of
    ``STRETCH`` px, darker than the grid (a table's rule drawn on the paper's line stands darker there, though
    the paper's line runs on beyond the table; a line of bold type along the paper's line is shorter, O dev 7013 p2: 200 px)."""
    if grid is None or not on_the_grid(pos, grid):
        return False
    dark = (_along(gray, pos, start, end, horizontal) < grid[2] - DARKER).astype(np.float32)
    if dark.size < STRETCH:
        return bool(dark.mean() < SOLID)
    run = np.convolve(dark, np.ones(STRETCH, np.float32) / STRETCH, mode="valid")
    return bool(run.max() < SOLID)
