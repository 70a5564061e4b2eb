"""How many digits a figure's ink holds, told from the ink itself: a check that does not depend on OCR.

Tesseract drops one of two like digits typed close together ("22" read as "2"), often in both passes, and
nothing else on the sheet vouches for a days figure. The width of the figure's ink, measured in the
digit pitch of the same typeface on the same sheet (a valid ЕГН is ten digits wide), says how many
digits are there. It decides only where it is clear: a figure on two lines (a correction) or a width
between two counts gives no opinion.
"""

from __future__ import annotations

import cv2
import numpy as np

from .geometry import Box
from .preprocess import components

EGN_DIGITS = 10
SURE = 0.3  # how near a whole number of digits the width must be for the count to be told
WIDEST = 3  # a days figure wider than this is crossed by something (a signature, a stamp): no opinion


def _blots(ink: np.ndarray, box: Box) -> list[np.ndarray]:
    """The blots of ink in a cell (its rules' edges left out), specks under 15 px left out."""
    region = ink[box.y0 + 3 : max(box.y0 + 4, box.y1 - 3), box.x0 + 3 : max(box.x0 + 4, box.x1 - 3)]
    if region.size == 0:
        return []
    n, _labels, stats, _ = components((region > 0).view(np.uint8))  # the one labelling: the same blots
    return [stats[i] for i in range(1, n) if stats[i, cv2.CC_STAT_AREA] >= 15]


def ink_span(ink: np.ndarray, box: Box) -> tuple[int, int] | None:
    """(left, right) of the figure's ink in a cell: the blots at least half as tall as the tallest (dots,
    commas and specks left out), all on one line; None for an empty cell or one with two lines."""
    blots = _blots(ink, box)
    if not blots:
        return None
    tall = max(int(b[cv2.CC_STAT_HEIGHT]) for b in blots)
    keep = [b for b in blots if b[cv2.CC_STAT_HEIGHT] >= 0.5 * tall]
    top = min(int(b[cv2.CC_STAT_TOP]) for b in keep)
    bottom = max(int(b[cv2.CC_STAT_TOP] + b[cv2.CC_STAT_HEIGHT]) for b in keep)
    if bottom - top > 1.6 * tall:  # two lines: a correction above a struck figure
        return None
    return min(int(b[cv2.CC_STAT_LEFT]) for b in keep), max(int(b[cv2.CC_STAT_LEFT] + b[cv2.CC_STAT_WIDTH]) for b in keep)


def upright_blots(ink: np.ndarray, box: Box) -> int | None:
    """How many separate blots of a figure's height the cell's one line of ink holds: each digit a hand writes
    apart is one (a hand's `1` a bare stroke, narrower than any pitch tells), a letter after the figure
    (`21д.`, its top lower, its tail below the line) and specks are not. None for an empty cell or one with two
    lines. Digits typed touching make fewer blots than digits, never more."""
    blots = _blots(ink, box)
    if not blots:
        return None
    tall = max(int(b[cv2.CC_STAT_HEIGHT]) for b in blots)
    keep = [b for b in blots if b[cv2.CC_STAT_HEIGHT] >= 0.75 * tall]
    # the tallest blot's line (a letter taller than the digits counts fewer blots, never more)
    first = max(keep, key=lambda b: int(b[cv2.CC_STAT_HEIGHT]))
    top, bottom = int(first[cv2.CC_STAT_TOP]), int(first[cv2.CC_STAT_TOP] + first[cv2.CC_STAT_HEIGHT])
    if max(b[cv2.CC_STAT_TOP] + b[cv2.CC_STAT_HEIGHT] for b in keep) - min(b[cv2.CC_STAT_TOP] for b in keep) > 1.6 * tall:
        return None  # two lines: a correction above a struck figure
    level = [b for b in keep if abs(b[cv2.CC_STAT_TOP] - top) <= 0.25 * tall
             and abs(b[cv2.CC_STAT_TOP] + b[cv2.CC_STAT_HEIGHT] - bottom) <= 0.25 * tall]
    return len(level)


ONE_OF_TWO = 0.6  # a figure read with one digit as wide as this share of the page's two-digit figures holds two


def wider_than_read(ink: np.ndarray, cells: list[tuple[Box, object]]) -> list[bool]:
    """For each (cell, figure read) of a column: a figure read with one digit whose ink is as wide as
    ``ONE_OF_TWO`` of the column's two-digit figures (their median, at least three of them): a hand's `1`
    set close to the next digit (`15` read `5`), which no pitch of a typeface measures."""
    spans = [ink_span(ink, box) for box, _ in cells]
    two = [s[1] - s[0] for s, (_, v) in zip(spans, cells, strict=True)
           if s is not None and isinstance(v, int) and 10 <= v <= 99]
    if len(two) < 3:
        return [False] * len(cells)
    width = float(np.median(two))
    return [s is not None and isinstance(v, int) and 0 <= v <= 9 and s[1] - s[0] >= ONE_OF_TWO * width
            for s, (_, v) in zip(spans, cells, strict=True)]


def digit_pitch(ink: np.ndarray, egn_cells: list[Box]) -> float | None:
    """The typeface's digit advance on this sheet: the median width of the ЕГН cells' ink over ten
    digits (the last digit's right side bearing counted as a fifth of an advance). None with fewer than
    three ЕГН to measure."""
    widths = [s[1] - s[0] for b in egn_cells if (s := ink_span(ink, b)) is not None]
    if len(widths) < 3:
        return None
    w = float(np.median(widths))
    return w / (EGN_DIGITS - 0.2) if w > 0 else None


def digit_count(ink: np.ndarray, box: Box, pitch: float | None) -> int | None:
    """How many digits the cell's one line of ink is wide, when that is clear; else None."""
    if pitch is None:
        return None
    span = ink_span(ink, box)
    if span is None:
        return None
    est = (span[1] - span[0] + 0.2 * pitch) / pitch
    n = round(est)
    return n if 1 <= n <= WIDEST and abs(est - n) <= SURE else None
