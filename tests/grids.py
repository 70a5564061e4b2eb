"""Small drawn tables for the grid finder's tests (``ocr.tables``): a grid and the ink of its lines."""

from __future__ import annotations

import numpy as np

from ocr.geometry import Grid


def two_people_and_a_sums_line() -> tuple[Grid, np.ndarray]:
    """Three columns between four rules (x 100-900), the rules at y 50 (top), 100, 160 and 220: two people's
    lines under the heading and the sums' line under the last rule (y 235-265), each cell's ink 30 px high."""
    xs = [100, 400, 600, 900]
    grid = Grid(xs=xs, ys=[50, 100, 160, 220], ruled=True)
    ink = np.zeros((700, 1000), np.uint8)
    for y in (115, 175, 235):
        for k in range(3):
            ink[y : y + 30, xs[k] + 20 : xs[k + 1] - 20] = 255
    return grid, ink
