"""Column kinds from the page itself, before any OCR: typists right-align figures (a decimal tab) and
left-align names; signatures are ragged on both sides. This decides which tesseract model reads which
column, so each cell is read once by the model that suits it."""

from __future__ import annotations

import cv2
import numpy as np

from .geometry import Grid
from .preprocess import components

MOSTLY = 0.6  # share of a column's lines on one right edge that makes it a column of figures
# the longest figure of a payroll (an ЕГН, `12 345.67`) is some seven type heights long; names of a like
# length in a typewriter face also end on one right edge, and are twice as long
LONGEST_FIGURE = 9.0
# how far an aligned edge may drift across the page per pixel down it (a sheet askew by under 2 degrees,
# or bent): a steeper line through a column's edges is names getting shorter row by row, not a slant
MAX_DRIFT = 0.03


def column_kinds(solid: np.ndarray, g: Grid) -> list[str]:
    """'numeric', 'text', 'scribble' or 'empty' for every column of the grid (heading row excluded).
    ``solid``: text ink without dust."""
    # body rows only: the last band is usually the totals row, whose label sticks out
    rows = range(1, g.n_rows - 1 if g.n_rows > 4 else g.n_rows)
    heights: list[int] = []
    extents: list[list[tuple[int, int]]] = [[] for _ in range(g.n_cols)]
    mids: list[list[float]] = [[] for _ in range(g.n_cols)]
    widest: list[list[int]] = [[] for _ in range(g.n_cols)]
    written: dict[int, int] = {}  # a row's columns with writing
    for r in rows:
        y0, y1 = g.ys[r] + 3, g.ys[r + 1] - 3
        for c in range(g.n_cols):
            x0, x1 = g.xs[c] + 4, g.xs[c + 1] - 4
            cell = solid[y0:y1, x0:x1]
            cols = np.nonzero(cell.any(axis=0))[0]
            if cols.size < 3:
                continue
            ys = np.nonzero(cell.any(axis=1))[0]
            heights.append(int(ys[-1] - ys[0]))
            extents[c].append((int(cols[0]) + x0, int(cols[-1]) + x0))
            written[r] = written.get(r, 0) + 1
            mids[c].append((y0 + y1) / 2)
            _, _, stats, _ = components(cell)
            widest[c].append(int(stats[1:, cv2.CC_STAT_WIDTH].max()) if len(stats) > 1 else 0)
    char_h = float(np.median(heights)) if heights else 40.0
    tight = max(8.0, 0.45 * char_h)
    kinds: list[str] = []
    # the rows written in two columns at the least: a form's printed rows left empty under the people, each with
    # its printed number alone, are no body (AP dev 34001 p5: 7 people on 25 printed rows, the ЕГН, gross and
    # deductions columns 'empty' — under 30 % of the rows — and never read)
    n_body = max(1, sum(1 for n in written.values() if n >= 2))
    for c in range(g.n_cols):
        ext = extents[c]
        if len(ext) < max(2, 0.3 * n_body):
            kinds.append("empty")
            continue
        # a signature is one or two long strokes; typed characters are narrow blots
        if float(np.median(widest[c])) > 2.5 * char_h:
            kinds.append("scribble")
            continue
        lefts = np.array([e[0] for e in ext], dtype=np.float64)
        rights = np.array([e[1] for e in ext], dtype=np.float64)
        # spread of the middle 80 %: the totals label or one long name may stick out
        ls, rs = _spread(lefts, mids[c]), _spread(rights, mids[c])
        if rs <= tight:  # right-aligned (or fixed-width like the ЕГН): figures
            kinds.append("numeric")
        elif ls <= tight:
            kinds.append("text")
        elif rs <= 2 * tight and 4 * rs <= ls:  # typed figures a little uneven, ragged on the left
            kinds.append("numeric")
        elif ls <= 2 * tight and 4 * ls <= rs:
            kinds.append("text")
        elif char_h <= float(np.median(rights - lefts)) <= LONGEST_FIGURE * char_h and _mostly_right_aligned(
            lefts, rights, tight
        ):
            kinds.append("numeric")
        else:
            kinds.append("scribble")
    return kinds


def _mostly_right_aligned(lefts: np.ndarray, rights: np.ndarray, tight: float) -> bool:
    """Most of a column's lines end on one right edge, at least as many as start on one left edge
    (figures of one width start together too): figures, some crossed by a signature or a stamp that
    moved their ink's ends (pen strokes are left out of the ink, and the figures they touched)."""
    on_right = float(np.mean(np.abs(rights - np.median(rights)) <= tight))
    on_left = float(np.mean(np.abs(lefts - np.median(lefts)) <= tight))
    return on_right >= MOSTLY and on_right >= on_left


def _spread(edges: np.ndarray, ys: list[float]) -> float:
    """How far a column's edges wander (the middle 80 %), less the drift a sheet a little askew or bent
    gives an aligned edge down the page (a straight line through the edges, no steeper than
    ``MAX_DRIFT``: names of a few rows each shorter than the one above also lie on a line)."""
    low, high = np.percentile(edges, [10, 90])  # (both in one call: the same values as one at a time)
    raw = float(high - low)
    if len(edges) < 4 or float(np.ptp(ys)) == 0:
        return raw
    slope, icpt = np.polyfit(np.asarray(ys), edges, 1)
    if abs(slope) > MAX_DRIFT:
        return raw
    rest = edges - (slope * np.asarray(ys) + icpt)
    low, high = np.percentile(rest, [10, 90])
    return min(raw, float(high - low))
