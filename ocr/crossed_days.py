"""Days figures crossed by a signature or a stamp, read again with the pen's ink cut away.

Family H signs in the column next to the days, and the signatures and the stamp run across the figures:
both models read such a cell at confidence 0 or not at all, and it goes to review. The typed digits of a
column stand on one band of the line (the same height and place in every cell); a pen stroke runs far
out of it, above, below and across the cell. Cut to that band and to the width the column's figures
take, the cell holds the digits and only short pieces of stroke: read again there by both models.

Only a figure both models read alike, within the month's working days on a sheet of five-day weeks,
is taken, and only where no earlier reading of the cell says otherwise (two models can agree on a
wrong figure: the earlier readings stay a veto). Where neither model read anything in the cell before, what
hid the figure may hide it still (family Y: an archive's label lying over the cell's lower part, `6` read
in the cut band for 22, out at confidence 0 without a flag): the figure cut so is taken out of review only
when it is the month's working days, else it stays for a person to confirm. The pay check that runs after
(``plausibility.cross_check``) still doubts days the row's pay does not bear out.
"""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np

from .analysis import Analysis
from .checks import MONEY, RowDraft
from .days_calendar import MIN_SETTLED, five_day_weeks
from .engine import OcrEngine
from .geometry import Box, text_lines
from .preprocess import components
from .reading import NUMERIC_CHARS, mosaic_read
from .sheet import Sheet


def _glyphs(ink: np.ndarray, box: Box, char_h: int) -> list[tuple[int, int, int, int]]:
    """(left, top, right, bottom) of the typed-looking blots in a cell, relative to the cell's corner:
    about a character's height, narrow, solid enough (not a stroke)."""
    region = ink[box.y0 : box.y1, box.x0 : box.x1]
    if region.size == 0:
        return []
    n, _l, st, _ = components((region > 0).view(np.uint8))
    out = []
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in st[i, :5])
        if 0.6 * char_h <= h <= 1.3 * char_h and w <= 1.6 * char_h and area >= 0.15 * w * h:
            out.append((x, y, x + w, y + h))
    return out


def _band(a: Analysis, r: int, cols: list[int], char_h: int) -> tuple[int, int] | None:
    """The rows of the page the row's typed figures stand on (top, bottom), from the other figure cells
    of the same row (the nearest columns, which a pen crosses least): the median of their glyphs."""
    tops, bottoms = [], []
    for c in cols:
        b = a.grid.cell(r, c)
        gs = _glyphs(a.ink, b, char_h)
        if len(gs) >= 2:
            tops.append(b.y0 + min(g[1] for g in gs))
            bottoms.append(b.y0 + max(g[3] for g in gs))
    if len(tops) < 2:
        return None
    return int(np.median(tops)), int(np.median(bottoms))


def _span(a: Analysis, boxes: list[Box], char_h: int) -> tuple[int, int] | None:
    """Where the typed figures of a column stand across their cells (left and right, as offsets from the
    cell's right edge: figures are right-aligned), from the cells read without doubt; None without enough."""
    lefts, rights = [], []
    for b in boxes:
        gs = _glyphs(a.ink, b, char_h)
        if gs:
            lefts.append(b.w - min(g[0] for g in gs))
            rights.append(b.w - max(g[2] for g in gs))
    if len(lefts) < MIN_SETTLED:
        return None
    return int(max(lefts)), int(min(rights))


def reread_crossed_days(
    a: Analysis, s: Sheet, kinds: list[str | None], drafts: list[RowDraft], engine: OcrEngine,
    year: int | None, month: int | None,
) -> None:  # fmt: skip
    """Read the days figures in doubt again with everything outside the column's type band blanked."""
    if "days_worked" not in kinds or not (year and month):
        return
    c = kinds.index("days_worked")
    wd = five_day_weeks(drafts, year, month)
    if wd is None:  # Saturdays or calendar days counted
        return
    settled = [(r, v) for r, d in zip(s.body_rows, drafts, strict=True)
               if isinstance(v := d.values.get("days_worked"), int) and "days_worked" not in d.review]  # fmt: skip
    doubted = [(i, r) for i, (r, d) in enumerate(zip(s.body_rows, drafts, strict=True))
               if "days_worked" in d.review or d.values.get("days_worked") is None]  # fmt: skip
    if not doubted:
        return
    char_h = a.blobs.char_height()
    span = _span(a, [a.grid.cell(r, c) for r, _ in settled], char_h)
    if span is None:
        return
    left, right = span
    others = sorted((k for k, kind in enumerate(kinds) if kind in MONEY), key=lambda k: abs(k - c))[:3]
    img = np.full_like(a.clean, 255)
    boxes: list[Box] = []
    rows: list[int] = []
    for i, r in doubted:
        band = _band(a, r, others, char_h)
        if band is None:
            continue
        b = a.grid.cell(r, c)
        y0, y1 = band[0] - 2, band[1] + 3
        x0, x1 = b.x1 - left - 3, b.x1 - max(0, right - 3)
        keep = a.ink[y0:y1, x0:x1] > 0  # the text ink only: the stamp's faint ring and paper left out
        keep = cv2.dilate(keep.view(np.uint8), np.ones((3, 3), np.uint8)) > 0
        img[y0:y1, x0:x1] = np.where(keep, a.clean[y0:y1, x0:x1], np.uint8(255))
        boxes.append(Box(x0 - 4, y0 - 4, x1 + 3, y1 + 2))  # mosaic_read crops 4 px in
        rows.append(i)
    if not boxes:
        return
    cut = replace(a, clean=img)
    first = mosaic_read(cut, boxes, lambda m: engine.figures(m, whitelist=NUMERIC_CHARS))
    second = mosaic_read(cut, boxes, lambda m: engine.words(m, psm=6, whitelist=NUMERIC_CHARS))
    for i, ws1, ws2 in zip(rows, first, second, strict=True):
        x, y = _int("".join(text_lines(ws1))), _int("".join(text_lines(ws2)))
        if x is None or x != y or not 1 <= x <= wd:
            continue
        d = drafts[i]
        earlier = [v for v in (d.values.get("days_worked"), *d.alts.get("days_worked", [])) if v is not None]
        if any(not _lost_digits(v, x) for v in earlier):  # another earlier reading: a person decides
            continue
        wide = d.ink_digits.get("days_worked")
        if wide is not None and wide != len(str(x)):
            continue
        d.values["days_worked"] = x
        d.alts.setdefault("days_worked", []).append(x)
        if earlier or x == wd:  # nothing read before: the cut reading alone vouches only for a full month
            d.review.discard("days_worked")


def _lost_digits(earlier: object, x: int) -> bool:
    """The earlier reading is the figure, the figure with a digit the pen covered lost ('3' of '23'), or
    the figure with a stroke read as a digit beside it, which no days figure can be ('722' of '22')."""
    if earlier == x:
        return True
    if not isinstance(earlier, int):
        return False
    return str(earlier) in str(x) or (earlier >= 100 and str(x) in str(earlier))


def _int(text: str) -> int | None:
    """A days figure of one or two digits; a piece of stroke at its ends read as a dot or a dash dropped."""
    t = text.strip().strip(".,-'")
    return int(t) if t.isdigit() and len(t) <= 2 else None
