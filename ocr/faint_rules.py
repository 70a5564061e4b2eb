"""Rules across a table that a photocopy left faint: thin lines a copy of a copy (or the reduction of an A3
sheet onto A4) turned light grey, 20-40 levels under the paper, which the binarisation's threshold does not
take for ink (family AC: the rules between the rows and under the heading gone while the column rules stayed
dark; rows lost or run together: AC dev 21010 p1, p2, 21025 p1).

Looked for on the grey, inside the table the rules found show (its column rules' extent, or its long rules'
across): rows of pixels darker than the paper just above and below them (``DARK`` levels) in long runs
(``RUN`` px: no letter's stroke) over ``COVER`` of the table's width, with paper a little above or below
(``CLEAR``: a line through a row of writing, a strike-through, is no rule), and not on into the margins
(squared paper's lines run edge to edge; ``ocr.squared_paper`` tells them under a table as wide as the page,
regression o-squared-paper-grid-taken-for-rules-300dpi). Found rules are added to the rules across
the table, their ink to the ruling's mask."""

from __future__ import annotations

import cv2
import numpy as np

from . import squared_paper
from .lines import Rule, Rules

DARK = 12  # grey levels under the paper above and below it (the 11 px around): a faint rule's pixel
RUN = 40  # px at 300 dpi: a faint rule's pieces at least this long (letters' bars are shorter)
COVER = 0.5  # share of the table's width its pieces cover at the least
CLEAR = 10  # px above and below the line where the paper is looked at ...
CLEAR_SHARE = 0.15  # ... dark on no more than this share of the width on one side at the least (a
# strike-through crosses the writing; the rules of AC dev 21025 p1 have the writing's feet 10 px above them)
MARGIN = 120  # px of margin beside the table looked at: a line going on there is the paper's, no rule
NEAR = 12  # px: a faint line this near a rule found is that rule
REACH = 60  # px above and below the table's extent looked at (its top or bottom rule itself faint)
LONG = 0.45  # share of the width a rule across the table spans (tables._long)
FULL = 0.9  # share of the height: a vertical line this long is a copy's edge or a streak, no table's rule
MIN_FOUND = 3  # faint rules found on a page at the least
EDGE = 24  # px (2 mm at 300 dpi): no faint rule this near the image's top or bottom (regression header
# t-roman-month-slash-year: a page cut under its heading)


def _extent(rules: Rules, size: tuple[int, int]) -> tuple[int, int, int, int] | None:
    """(left, right, top, bottom) of the table the rules show: its column rules' common extent (the long
    ones, three at the least, not a copy's edge or streak), widened to its long rules across; None without."""
    height, width = size
    vert = [v for v in rules.vertical if v.length < FULL * height]
    horiz = [h for h in rules.horizontal if h.length >= LONG * width]
    boxes: list[tuple[int, int, int, int]] = []
    if len(vert) >= 2:
        longest = max(v.length for v in vert)
        long_ = [v for v in vert if v.length >= 0.5 * longest]
        if len(long_) >= 2:
            top, bottom = int(np.median([v.start for v in long_])), int(np.median([v.end for v in long_]))
            # (over half the common extent: not a copy's edge from mid-table down, AC dev 21021 p2)
            sides = [v for v in long_ if min(v.end, bottom) - max(v.start, top) >= 0.5 * (bottom - top)]
            if len(sides) >= 2:
                boxes.append((min(v.pos for v in sides), max(v.pos for v in sides), top, bottom))
    if len(horiz) >= 2:
        left, right = int(np.median([h.start for h in horiz])), int(np.median([h.end for h in horiz]))
        boxes.append((left, right, min(h.pos for h in horiz), max(h.pos for h in horiz)))
    if not boxes:
        return None
    left = min(b[0] for b in boxes) if len(boxes) == 1 else boxes[0][0]
    right = max(b[1] for b in boxes) if len(boxes) == 1 else boxes[0][1]
    top, bottom = min(b[2] for b in boxes), max(b[3] for b in boxes)
    return left, right, top, bottom


def _dark(gray: np.ndarray) -> np.ndarray:
    """Pixels ``DARK`` levels under the paper above and below them (1), the rest 0."""
    smooth = cv2.GaussianBlur(gray, (3, 3), 0)
    paper = cv2.dilate(smooth, np.ones((11, 1), np.uint8))
    return (cv2.subtract(paper, smooth) >= DARK).view(np.uint8)


def faint_rules(gray: np.ndarray, rules: Rules) -> list[Rule]:
    """The faint rules across the table (not within ``NEAR`` of a rule found), top to bottom."""
    height, width = gray.shape[:2]
    box = _extent(rules, (height, width))
    if box is None:
        return []
    left, right, top, bottom = box
    x0, x1 = left + 6, right - 6
    y0, y1 = max(0, top - REACH), min(height, bottom + REACH)
    if x1 - x0 < 10 * RUN or y1 - y0 < 4 * CLEAR:
        return []
    m0, m1 = max(0, x0 - MARGIN - 10), min(width, x1 + MARGIN + 10)
    dark = _dark(gray[y0:y1, m0:m1])
    pieces = cv2.morphologyEx(dark, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (RUN, 1)))
    inner = pieces[:, x0 - m0 : x1 - m0]
    cover = cv2.reduce(inner, 1, cv2.REDUCE_AVG, dtype=cv2.CV_32F).ravel()
    rows = np.flatnonzero(cover >= COVER)
    found: list[Rule] = []
    if rows.size == 0:
        return found
    known = [h.pos for h in rules.horizontal if min(h.end, x1) - max(h.start, x0) >= COVER * (x1 - x0)]
    plain = cv2.reduce(dark[:, x0 - m0 : x1 - m0], 1, cv2.REDUCE_AVG, dtype=cv2.CV_32F).ravel()
    beside = [pieces[:, : max(0, x0 - m0 - 10)], pieces[:, x1 - m0 + 10 :]]
    for run in np.split(rows, np.flatnonzero(np.diff(rows) > 1) + 1):
        y = int(run[np.argmax(cover[run])])
        if y - CLEAR < 0 or y + CLEAR >= len(plain) or len(run) > 8:
            continue
        if plain[y - CLEAR] > CLEAR_SHARE and plain[y + CLEAR] > CLEAR_SHARE:
            continue  # through a line of writing (a rule may have the writing just above or below it)
        if any(b.shape[1] >= MARGIN // 2 and float(b[run].max(axis=0).mean()) >= COVER for b in beside):
            continue  # on into the margin: the paper's line
        pos = y + y0
        if any(abs(pos - k) <= NEAR for k in known) or not EDGE <= pos <= height - 1 - EDGE:
            continue  # (a rule found; the image's edge, a page cut there: lines._off_the_edge)
        found.append(Rule(pos, left, right))
    if len(found) < MIN_FOUND:  # a ruling faded shows several; one faint line alone may be anything (AC dev
        # 21021 p2: the rule over the totals alone, the table's top then missed under its heading, 2 people lost)
        return []
    if found:  # squared paper's lines under a table as wide as the page (no margin to tell them by)
        paper = squared_paper.grid_lines(gray, 1)
        if paper is not None:
            found = [r for r in found if not squared_paper.on_the_grid(r.pos, paper)]
    return found


def with_faint_rules(gray: np.ndarray, rules: Rules) -> Rules:
    """``rules`` with the table's faint rules across added (their ink in the mask), or ``rules`` itself. Pieces
    of a faint rule found (a short stretch of it dark enough) give way to the whole rule."""
    faint = faint_rules(gray, rules)
    if not faint:
        return rules
    mask = rules.mask.copy()
    for r in faint:
        mask[max(0, r.pos - 2) : r.pos + 3, r.start : r.end] = 255
    kept = [h for h in rules.horizontal
            if not any(abs(h.pos - r.pos) <= NEAR and r.start - NEAR <= h.start and h.end <= r.end + NEAR for r in faint)]  # fmt: skip
    return Rules(sorted([*kept, *faint], key=lambda h: h.pos), rules.vertical, mask)
