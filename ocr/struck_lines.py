"""A form's ruled lines nobody filled, struck through with one long stroke so nothing could be added (family T: a
"Z" drawn from the first empty line's right end down to the last one's left end): each empty band the stroke
crosses holds a piece of it, ink in several columns, and was taken for a person's row (T dev 12014 p1: four
"rows" read `По`, `0.00`, every band empty but for the stroke; the rows no longer each carried a person and the
page went to review whole as `layout_unproved`).

The long straight strokes across the table's body are found in its ink (the rules already taken out); a band of
the people's rows whose ink, that stroke's aside, is no more than dust is no person's row and leaves the rows. A
band with writing of its own beside the stroke (a person's line struck through) keeps its row."""

from __future__ import annotations

import cv2
import numpy as np

from .analysis import Analysis
from .sheet import Sheet

LONG = 0.3  # share of the table's width a strike-through runs at the least
NEAR = 7  # px either side of the stroke that are its ink
LETTER = 150  # px: the least ink of a handwritten letter or digit (the paper's foxing and dust are smaller) ...
SPECK = 20  # ... and the ink left beside the stroke, in blots of this size or more, ...
SHARE = 0.15  # ... less than this share of the median band's ink (a line of small type is many small letters)


SLANT = 0.035  # the least slope of the stroke across the lines (2°: a rule left over where a bent sheet's rules
# curve, or a line of writing, runs along the lines; a "Z" over three empty lines of a landscape form falls 3°)
ALONG = 0.6  # share of the points along a stroke with ink on them at the least ...
BESIDE = 0.25  # ... and of the points beside it at the most (a line of writing is inked beside its middle too)


def _a_stroke(ink: np.ndarray, x0: float, y0: float, x1: float, y1: float) -> bool:
    """The segment found is one thin stroke: ink along it nearly all the way, paper beside it (the dense
    writing of a person's line, thickened, also lines up along a straight line)."""
    n = int(max(abs(x1 - x0), abs(y1 - y0)) // 2) + 1
    xs = np.linspace(x0, x1, n).round().astype(int)
    ys = np.linspace(y0, y1, n).round().astype(int)
    h = ink.shape[0]

    def inked(offsets: range) -> float:
        hit = np.zeros(n, bool)
        for d in offsets:
            yy = ys + d
            ok = (yy >= 0) & (yy < h)
            hit[ok] |= ink[yy[ok], xs[ok]] > 0
        return float(hit.mean())

    return inked(range(-2, 3)) >= ALONG and max(inked(range(10, 21)), inked(range(-20, -9))) <= BESIDE


def strokes(a: Analysis, y0: int, y1: int) -> np.ndarray:
    """A mask (of the image's size) of the long straight strokes between rows ``y0`` and ``y1`` of the table."""
    g = a.grid
    x0, x1 = g.xs[0], g.xs[-1]
    part = a.ink[y0:y1, x0:x1]
    mask = np.zeros(a.ink.shape[:2], np.uint8)
    if part.size == 0:
        return mask
    width = x1 - x0
    # a hand's stroke wavers and the rules taken out cut it: thickened, and looked for on a coarser lattice, at
    # half the scale and every half degree (a quarter of the points to vote, half the angles: the search at
    # full scale was a tenth of a clean page's CPU); each segment found is then checked on the ink at full scale
    h, w = part.shape
    if h < 2 or w < 2:
        return mask
    half = cv2.resize(part, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    thick = cv2.dilate((half > 0).view(np.uint8), np.ones((3, 3), np.uint8))
    found = cv2.HoughLinesP(thick, 1, np.pi / 360, threshold=int(0.025 * width), minLineLength=int(LONG * width / 2),
                            maxLineGap=30)  # fmt: skip
    if found is None:
        return mask
    for lx0, ly0, lx1, ly1 in found.reshape(-1, 4).astype(float) * 2 + 0.5:
        slant = abs(ly1 - ly0) / max(1.0, abs(lx1 - lx0))
        if lx1 == lx0 or not SLANT <= slant <= 1 or not _a_stroke(part, lx0, ly0, lx1, ly1):
            continue
        # the stroke runs across the table: the piece found carried on to both sides
        slope = (ly1 - ly0) / (lx1 - lx0)
        ya, yb = ly0 - slope * lx0, ly0 + slope * (width - lx0)
        cv2.line(mask, (x0, int(round(ya)) + y0), (x1, int(round(yb)) + y0), 255, 2 * NEAR + 1)
    return mask


def drop_struck_bands(a: Analysis, s: Sheet) -> list[int]:
    """Take out of ``s``'s people's rows, in place, the bands whose only ink is a long stroke across the table;
    returns their grid rows."""
    g = a.grid
    if len(s.body_rows) < 3:
        return []
    top, bottom = g.ys[s.body_rows[0]], g.ys[s.body_rows[-1] + 1]
    mask = strokes(a, top, bottom)
    if not mask.any():
        return []
    x0, x1 = g.xs[0], g.xs[-1]
    # a person's line holds this much ink at the least (a line of small type: many small letters, none large)
    usual = float(np.median([int((a.ink[g.ys[r] + 3 : g.ys[r + 1] - 3, x0:x1] > 0).sum()) for r in s.body_rows]))
    gone = []
    # the lines nobody filled are the last ones, under the people: from the foot up, while struck and empty
    for i in range(len(s.body_rows) - 1, 0, -1):
        r = s.body_rows[i]
        y0, y1 = g.ys[r] + 3, g.ys[r + 1] - 3
        if y1 <= y0:
            break
        on = mask[y0:y1, x0:x1] > 0
        ink = a.ink[y0:y1, x0:x1] > 0
        if not (ink & on).any():  # the stroke does not cross this band
            break
        left = (ink & ~on).astype(np.uint8)
        n, _, stats, _ = cv2.connectedComponentsWithStats(left, connectivity=8)
        areas = stats[1:, cv2.CC_STAT_AREA]
        if n > 1 and (int(areas.max()) >= LETTER or int(areas[areas >= SPECK].sum()) >= SHARE * usual):
            break
        gone.append(i)
    gone.sort()
    rows = [s.body_rows[i] for i in gone]
    for i in reversed(gone):
        del s.body_rows[i], s.texts[i]
    return rows
