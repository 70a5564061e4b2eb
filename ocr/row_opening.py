"""A horizontal opening (long strokes along the rows) computed on the rows that can hold one only
(issue 9: CPU per page). An opening by a row kernel treats every row on its own, and what a longer
stroke keeps a shorter one keeps too: with the opening by a shorter kernel already made (``ocr.unbend``
measures a bent sheet's rules on one), the longer one is made on the few rows where that one left
ink — the same pixels, ~35 ms less a page than opening all 2,500 rows of a sheet."""

from __future__ import annotations

import cv2
import numpy as np


def open_rows(binary: np.ndarray, length: int, shorter: np.ndarray | None = None) -> np.ndarray:
    """``binary`` opened by a 1-row kernel ``length`` long (``cv2.MORPH_OPEN``, ``MORPH_RECT``);
    ``shorter``: the same ``binary`` opened by a shorter row kernel, when known (only its rows with ink
    are opened again)."""
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1))
    if shorter is None:
        return open_long_rows(binary, length)
    if shorter.shape != binary.shape:
        raise ValueError(f"shorter {shorter.shape} is not the opening of binary {binary.shape}")
    out = np.zeros_like(binary)
    rows = np.flatnonzero(cv2.reduce(shorter, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel())  # (REDUCE_MAX: 30 ms)
    if rows.size:
        out[rows] = cv2.morphologyEx(binary[rows], cv2.MORPH_OPEN, kernel)
    return out


SAMPLE = 8  # every this many pixels along a row a sample, to find the rows that may hold a long run


def open_long_rows(binary: np.ndarray, length: int) -> np.ndarray:
    """``binary`` (ink 255, paper 0) opened by a 1-row rectangle ``length`` long, the same pixels as
    ``cv2.morphologyEx(binary, MORPH_OPEN, ...)``, made on the rows that can hold a stroke that long only
    (issue 9: CPU per page; a page's long strokes are its rules, on a few of its rows: ~15 ms less a page).

    A row keeps ink through the opening only where it has a run of ``length`` or more, or a run from the
    image's edge (OpenCV counts beyond the edge as ink when it erodes). A run of ``length`` holds, every
    ``SAMPLE`` pixels, ``length // SAMPLE`` samples of ink in a row: the rows whose samples (an eighth of the
    pixels) show that many in a row, less one, or whose first or last pixel is ink, are opened; the kernel
    treats each row on its own, so the rest, opened, would be paper. (Columns gain nothing so: OpenCV's
    column opening is as quick as finding the columns.)"""
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (length, 1))
    run = length // SAMPLE - 1  # samples in a row a run of ``length`` holds at the least, less one to spare
    if run < 2 or binary.shape[1] < 4 * length:
        return cv2.morphologyEx(binary, cv2.MORPH_OPEN, kernel)
    samples = np.ascontiguousarray(binary[:, ::SAMPLE])
    held = cv2.erode(samples, cv2.getStructuringElement(cv2.MORPH_RECT, (run, 1)))
    may = cv2.reduce(held, 1, cv2.REDUCE_MAX).ravel() > 0
    may |= (binary[:, 0] > 0) | (binary[:, -1] > 0)  # (the samples show these too: kept as the guarantee)
    out = np.zeros_like(binary)
    rows = np.flatnonzero(may)
    if rows.size:
        out[rows] = cv2.morphologyEx(binary[rows], cv2.MORPH_OPEN, kernel)
    return out


def dilate_rows(mask: np.ndarray, width: int, height: int) -> np.ndarray:
    """``mask`` dilated by a ``width`` x ``height`` rectangle (``height`` odd, centred), made on the rows
    within ``height // 2`` of a row with ink only: the strokes of the rules lie on a few rows of the page,
    the dilation of the rest is paper (the same pixels as ``cv2.dilate``, ~10 ms less a page)."""
    if height % 2 == 0:
        raise ValueError(f"an odd height is centred, not {height}")
    reach = height // 2
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (width, height))
    out = np.zeros_like(mask)
    rows = np.flatnonzero(cv2.reduce(mask, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel())
    if rows.size == 0:
        return out
    # rows of ink closer than two reaches share one band: each band's rows of paper beside it are read
    breaks = np.flatnonzero(np.diff(rows) > 2 * reach + 1)
    for first, last in zip(np.r_[0, breaks + 1], np.r_[breaks, rows.size - 1], strict=True):
        a, b = max(0, int(rows[first]) - reach), min(mask.shape[0], int(rows[last]) + reach + 1)
        lo, hi = max(0, a - reach), min(mask.shape[0], b + reach)  # the rows the band's dilation reads
        out[a:b] = cv2.dilate(mask[lo:hi], kernel)[a - lo : b - lo]
    return out
