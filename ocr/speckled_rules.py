"""Rules drawn in pencil and scanned in black and white (family R): the scanner's threshold keeps of a faint
grey rule only a pixel or three here and there, a speck every 10-40 px along it. No stroke is left for the
long-stroke opening of ``ocr.lines`` nor a piece long enough for ``ocr.hand_rules``; the page read as no table
(R dev 10068: 27 people's 162 fields lost, none of them flagged).

Along the rule the specks line up: the page's specks (blots of a few pixels; letters are larger) are offered
to the Hough transform, a line close to the horizontal (or the vertical) with enough specks on it over a long
enough stretch is a rule, and it is drawn solid over its specks' extent so ``lines.find_rules`` sees it. Dust
lies scattered and no line of it holds ``VOTES`` specks; a line of writing's letters are no specks.

Only asked where the page's ink showed no table (``analysis.analyse``): a page whose rules were found is read
as it was."""

from __future__ import annotations

import cv2
import numpy as np

from .preprocess import components
from .tables import text_bands

SPECK = 30  # px at 300 dpi: a blot of at most this many pixels ...
SPECK_SIDE = 8  # ... and at most this wide and tall is a speck
LEAN = 1.5  # degrees a rule may lean off the page's axes (drawn by hand along a ruler, the page's skew left)
VOTES = 0.025  # specks' pixels on the line, as a share of the page's width (height), for the transform's offer
NEAR = 3  # px off the line a speck of the rule may stand
REACH = 0.3  # share of the page's width (height) a rule's specks span at the least
GAP = 0.12  # share of the width (height): a wider stretch without a speck ends the rule's piece
ALONG = 0.02  # specks' pixels within ``NEAR`` of the line over the span, per px of the span, at the least
MOST = 60  # lines offered at the most per direction (a page ruled by hand has fewer than forty)


def speckled_rules(binary: np.ndarray) -> np.ndarray | None:
    """The binary's rules of specks drawn solid (255 on 0, the binary's size), or None when it shows none."""
    h, w = binary.shape
    _, labels, stats, _ = components(binary)
    area, bw, bh = stats[:, cv2.CC_STAT_AREA], stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    small = (area <= SPECK) & (bw <= SPECK_SIDE) & (bh <= SPECK_SIDE)
    small[0] = False
    if not small.any():
        return None
    specks = (small[labels]).astype(np.uint8) * 255
    across = np.zeros_like(binary)
    down = np.zeros((w, h), np.uint8)  # the vertical rules, found and drawn on the page turned
    if not _draw(specks, across) + _draw(np.ascontiguousarray(specks.T), down):
        return None
    return cv2.bitwise_or(across, np.ascontiguousarray(down.T))


def _draw(specks: np.ndarray, out: np.ndarray) -> int:
    """Rules of ``specks`` along its rows (``specks`` turned for the vertical ones, ``out`` turned alike)
    drawn into ``out``; how many were drawn."""
    h, w = specks.shape
    lean = np.deg2rad(LEAN)
    lines = cv2.HoughLines(specks, 1, np.pi / 1800, max(20, int(VOTES * w)), min_theta=np.pi / 2 - lean,
                           max_theta=np.pi / 2 + lean)  # fmt: skip
    if lines is None:
        return 0
    ys_, xs_ = np.nonzero(specks)
    taken: list[float] = []  # heights at the middle of the rules drawn (the transform offers one rule many times)
    n = 0
    for rho, theta in lines[:MOST, 0]:
        s, c = np.sin(theta), np.cos(theta)
        mid = (rho - (w / 2) * c) / s
        if any(abs(mid - t) <= 2 * NEAR + 2 for t in taken):
            continue
        on = np.abs(ys_ - (rho - xs_ * c) / s) <= NEAR
        xs = np.sort(xs_[on])
        if xs.size < 2:
            continue
        for piece in np.split(xs, np.flatnonzero(np.diff(xs) > GAP * w) + 1):
            span = int(piece[-1] - piece[0])
            if span < REACH * w or piece.size < ALONG * span:
                continue
            x0, x1 = int(piece[0]), int(piece[-1])
            y0, y1 = (rho - x0 * c) / s, (rho - x1 * c) / s
            cv2.line(out, (x0, int(round(y0))), (x1, int(round(y1))), 255, 2)
            taken.append(float(mid))
            n += 1
    return n


PITCH_SPREAD = (0.6, 1.6)  # a line's distance from the one above, against the run's median, in this range
LINE_TALL = 1.6  # a person's line no taller than this many times the run's median line
FIGURES = 3  # pieces of writing apart on a person's line at the least (name, figures, figures)
APART = 0.015  # share of the width between two pieces of writing on a line, at the least
RUN = 3  # lines in the run at the least


def typed_rules(ink: np.ndarray) -> list[tuple[int, int, int]] | None:
    """Where the page shows no rule at all (all of them lost to the threshold), the rules its typing implies:
    (height, left, right) of the rule over the heading, under it, and under the people's lines, for the
    unruled grid (``tables.find_grid``); None when its lines show no table. The people's lines are the
    longest run of lines each in ``FIGURES`` pieces or more, at an even pitch; the heading the writing
    right above them (lines closer together than the pitch); the totals line, when the run holds it, is
    found by its word as on any page (``sheet.row_roles``)."""
    h, w = ink.shape
    bands = text_bands(ink, 0, h, 0, w)
    pieces: list[list[tuple[int, int]]] = []
    for a, b in bands:
        xs = np.flatnonzero((ink[a:b] > 0).any(axis=0))
        parts = np.split(xs, np.flatnonzero(np.diff(xs) > APART * w) + 1) if xs.size else []
        pieces.append([(int(p[0]), int(p[-1])) for p in parts])
    figured = [len(p) >= FIGURES for p in pieces]
    best: list[int] = []
    i = 0
    while i < len(bands):
        if not figured[i]:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(bands) and figured[j]:
            run.append(j)
            j += 1
        best = max(best, _even(bands, run), key=len)
        i = j
    if len(best) < 2:
        return None
    pitch = float(np.median(np.diff([bands[k][0] for k in best])))
    # the heading's last line, set close under its other lines, is no person's even if in pieces and evenly
    # spaced from the first person
    while best and best[0] > 0 and bands[best[0]][0] - bands[best[0] - 1][0] < PITCH_SPREAD[0] * pitch:
        best = best[1:]
    if len(best) < RUN or best[0] == 0:
        return None
    first, last = bands[best[0]], bands[best[-1]]
    top = best[0] - 1  # the heading: the writing right above, its lines closer together than the pitch
    while top > 0 and bands[top][0] - bands[top - 1][1] < 0.4 * pitch:
        top -= 1
    left = min(p[0] for k in best for p in pieces[k])
    right = max(p[1] for k in best for p in pieces[k])
    head = (bands[best[0] - 1][1] + first[0]) // 2
    under = min(h - 1, last[1] + int(0.3 * pitch))
    return [(max(0, bands[top][0] - 8), left, right), (head, left, right), (under, left, right)]


def _even(bands: list[tuple[int, int]], run: list[int]) -> list[int]:
    """The longest stretch of ``run`` whose lines stand at an even pitch, each no taller than ``LINE_TALL``
    of the stretch's median line."""
    best: list[int] = []
    if len(run) < 2:
        return run
    tops = np.array([bands[k][0] for k in run], float)
    tall = np.array([bands[k][1] - bands[k][0] for k in run], float)
    pitch = float(np.median(np.diff(tops)))
    line = float(np.median(tall))
    cur: list[int] = []
    for n, k in enumerate(run):
        ok = tall[n] <= LINE_TALL * line
        if ok and cur and not PITCH_SPREAD[0] * pitch <= tops[n] - bands[cur[-1]][0] <= PITCH_SPREAD[1] * pitch:
            best, cur = max(best, cur, key=len), []
        if ok:
            cur.append(k)
        else:
            best, cur = max(best, cur, key=len), []
    return max(best, cur, key=len)
