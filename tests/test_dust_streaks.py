"""A sheet-fed scanner's dust streaks (ocr/dust_streaks.py): a thin line down the whole scan, dark or light, is
no column rule of the table and no stroke of a figure (family Z: Z dev 18001 p5, p6, a streak taken for a rule
put the figures of one column under the next). Drawn by hand: a ruled table, a little skewed as a sheet fed
through a scanner is, with a heading above it, and a streak down the scan through the heading and the table."""

from __future__ import annotations

import cv2
import numpy as np

from ocr import analysis, dust_streaks

RULES = (300, 700, 1000, 1300, 1600, 1900)  # the table's column rules (x at its top)


def _sheet(skew: float = 0.004) -> np.ndarray:
    """A grey sheet: a title, a ruled table of five columns with a figure in each cell, each rule leaning by
    ``skew`` (pixels across per pixel down), as a sheet fed a little askew."""
    img = np.full((2400, 2200), 236, np.uint8)
    cv2.putText(img, "PAYROLL 1988", (700, 180), cv2.FONT_HERSHEY_SIMPLEX, 2.5, 30, 5)
    top, bottom = 400, 2200
    for x in RULES:
        cv2.line(img, (x, top), (int(x + skew * (bottom - top)), bottom), 80, 3)
    for y in (top, 520, bottom):
        cv2.line(img, (RULES[0], y), (RULES[-1] + int(skew * (y - top)), y), 80, 3)
    for r in range(12):
        y = 600 + 120 * r
        for a in RULES[:-1]:
            cv2.putText(img, f"{250 + 7 * r}.{10 + r}", (a + 40, y), cv2.FONT_HERSHEY_SIMPLEX, 1.6, 30, 4)
    return img


def _streak(img: np.ndarray, x: int, tone: int, width: int = 2) -> np.ndarray:
    out = img.astype(np.float32)
    out[:, x : x + width] = out[:, x : x + width] * 0.25 + tone * 0.75
    return out.astype(np.uint8)


def _columns(img: np.ndarray) -> int:
    return len(analysis.analyse(img, dpi=300).grid.xs) - 1


def test_a_dark_streak_is_no_column_rule() -> None:
    clean = _sheet()
    streaked = _streak(clean, 1150, 60)
    assert dust_streaks.dark_streaks(streaked), "the streak is seen"
    assert _columns(streaked) == _columns(clean) == len(RULES) - 1


def test_a_bitonal_streak_through_a_figure_is_mended_from_its_sides() -> None:
    bitonal = np.where(_sheet() < 160, 0, 255).astype(np.uint8)
    streaked = _streak(bitonal, 820, 0, 3)
    mended = dust_streaks.mended(streaked)
    assert np.count_nonzero(mended[:300] != bitonal[:300]) < 40, "the margin and the title as they were"
    changed = np.count_nonzero((mended[:, 820:823] < 128) != (bitonal[:, 820:823] < 128))
    assert changed < 0.02 * 3 * bitonal.shape[0], "the figures and rules it crossed kept"


def test_a_light_streak_through_the_figures_is_mended() -> None:
    clean = _sheet()
    streaked = _streak(clean, 1060, 250, 2)
    assert dust_streaks.light_streaks(streaked) == [(1060, 1062)]
    mended = dust_streaks.mended(streaked)
    dark_before = np.count_nonzero(clean[:, 1060:1062] < 120)
    assert abs(np.count_nonzero(mended[:, 1060:1062] < 120) - dark_before) < 0.2 * dark_before


def test_the_form_s_rules_are_no_streaks() -> None:
    """A table's rules, upright or leaning, stop at its frame: no streak, the image left as it is."""
    for skew in (0.0, 0.004):
        img = _sheet(skew)
        assert dust_streaks.dark_streaks(img) == [] and dust_streaks.light_streaks(img) == []
        assert dust_streaks.mended(img) is img


def test_the_columns_dark_pixels_are_counted_as_numpy_counts_them() -> None:
    """The streaks' column counts made by OpenCV (a threshold and a column sum, a third of the CPU) are numpy's
    ``(gray < level).sum(axis=0)`` for any level, whole or not, below the darkest grey or above the lightest."""
    rng = np.random.default_rng(7)
    gray = rng.integers(0, 256, (120, 90), dtype=np.uint8)
    for level in (-5.0, 0.0, 0.5, 17.0, 17.25, 128.0, 254.5, 255.0, 300.0):
        assert (dust_streaks._darker_per_column(gray, level) == (gray < level).sum(axis=0)).all()
