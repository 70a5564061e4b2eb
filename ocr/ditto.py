"""Ditto marks: `"`, `„`, `〃` or `-"-` typed in a cell for "the same as the row above".

A clerk listing the roster by trade types the position once and ditto marks under it, and the days
likewise down a run of full months (family M). Neither model reads the mark (both return nothing), so
the days cell was unreadable, and on a sheet with mostly marks in its days column the column was not
taken for days at all: every row's days missing without a flag.

The mark is found in the ink of a cell read blank (or as a stray sign or two, no digit): one or two short ticks (a quote's height, well under
a digit's) side by side, a dash either side at most, nothing else. Such a cell reads as ``DITTO``; the
column kinds see it as the figure above it (``resolved``), and a days cell holding it takes the value of
the row above once that is read and sure (``fill_days``). A mark is sure when the page holds another of
the same shape (a clerk types them alike) and the figure it copies is the month's working days, which the
sheet's sure rows carry most (the calendar vouches for it); a lone mark, one under a figure in doubt or
under any other figure keeps the value above in review with the reason ``ditto``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from .analysis import Analysis
from .checks import DITTO as REASON
from .checks import RowDraft
from .geometry import Box
from .plausibility import working_days
from .preprocess import components
from .sheet import Sheet

DITTO = '"'  # a cell's text for a ditto mark
INSET = 3  # px off each side of a cell: the rule's remains
DUST = 12  # blots of fewer pixels are dust, not ink
SPECK = 0.35  # a blot no larger than this share of a character's height either way is a speck
TICK_H = 0.65  # a tick is at most this share of a character's height ...
TICK_MIN_H = 0.2  # ... and at least this (below: a dash)
DASH_H = 0.35  # a dash is at most this share of a character's height high ...
DASH_W = 0.35  # ... at least this wide, and half as wide again as high
ALIKE = 0.3  # two marks are of one shape when their width and height differ by at most this share


@dataclass(frozen=True)
class Mark:
    """A ditto mark's ticks: their joint width and height in pixels."""

    w: int
    h: int

    def alike(self, other: Mark) -> bool:
        return abs(self.w - other.w) <= ALIKE * max(self.w, other.w) and abs(self.h - other.h) <= ALIKE * max(
            self.h, other.h
        )


def mark_of(ink: np.ndarray, char_h: int) -> Mark | None:
    """The ditto mark a cell's ink (nonzero: ink) holds, or None: one or two ticks side by side at one
    height, a dash at each side at most, no other blot."""
    n, _l, st, _ = components((ink > 0).view(np.uint8))
    ticks: list[tuple[int, int, int, int]] = []
    dashes = 0
    for i in range(1, n):
        x, y, w, h, area = (int(v) for v in st[i, :5])
        if area < DUST or max(w, h) <= SPECK * char_h:  # dust or a speck of the scan
            continue
        if h <= DASH_H * char_h and DASH_W * char_h <= w <= 1.6 * char_h and w >= 1.5 * h:
            dashes += 1
        elif TICK_MIN_H * char_h <= h <= TICK_H * char_h and w <= 0.9 * char_h:
            ticks.append((x, y, x + w, y + h))
        else:
            return None
    if dashes > 2 or not 1 <= len(ticks) <= 2:
        return None
    x0, y0 = min(t[0] for t in ticks), min(t[1] for t in ticks)
    x1, y1 = max(t[2] for t in ticks), max(t[3] for t in ticks)
    if len(ticks) == 2:
        (a0, ay0, a1, ay1), (b0, by0, b1, by1) = sorted(ticks)
        if b0 - a1 > 0.6 * char_h or min(ay1, by1) - max(ay0, by0) < 0.5 * min(ay1 - ay0, by1 - by0):
            return None  # not side by side at one height
    elif x1 - x0 < 0.4 * char_h or x1 - x0 < y1 - y0:  # one blot: the two ticks run together, wider than high
        return None
    return Mark(x1 - x0, y1 - y0)


def mark_cells(a: Analysis, s: Sheet) -> dict[tuple[int, int], Mark]:
    """Every cell of the people's rows read blank whose ink is a ditto mark: its text set to ``DITTO``;
    the marks by (row of the grid, column)."""
    char_h = a.blobs.char_height()
    found: dict[tuple[int, int], Mark] = {}
    for i, (r, texts) in enumerate(zip(s.body_rows, s.texts, strict=True)):
        if i == 0:
            continue  # nothing above the first row
        for c, t in enumerate(texts):
            if not _blank_or_stray(t):
                continue
            b: Box = a.grid.cell(r, c)
            region = a.blobs.labels[b.y0 + INSET : b.y1 - INSET, b.x0 + INSET : b.x1 - INSET]
            if region.size == 0 or not region.any():
                continue
            m = mark_of(region, char_h)
            if m is not None:
                found[(r, c)] = m
                texts[c] = DITTO
    return found


def _blank_or_stray(text: str) -> bool:
    """A cell read blank or as one or two stray signs (the text model reads a mark as `Й`, `я`, `,,`):
    no digit, at most two characters."""
    t = "".join(text.split())
    return len(t) <= 2 and not any(ch.isdigit() for ch in t)


def resolved(texts: list[list[str]]) -> list[list[str]]:
    """The cell texts with each ditto mark replaced by the text it stands for (the nearest cell above
    that is no mark)."""
    out = [list(row) for row in texts]
    for i in range(1, len(out)):
        for c, t in enumerate(out[i]):
            if t == DITTO and c < len(out[i - 1]):
                out[i][c] = out[i - 1][c]
    return out


def fill_days(
    s: Sheet,
    drafts: list[RowDraft],
    kinds: list[str | None],
    marks: dict[tuple[int, int], Mark],
    year: int | None = None,
    month: int | None = None,
) -> None:
    """A days cell holding a ditto mark: the days of the row above. Sure (no review) when the row above's
    days are read without doubt, the page holds another mark of the same shape, and a check vouches for
    the figure copied (``_full_month``: the calendar, by a period read without doubt); else in review with the reason ``ditto`` (the value above kept as the
    reading when there is one)."""
    if "position" in kinds:  # the trade typed once over a run of marks: each row's own (no field checked)
        p = kinds.index("position")
        for i in range(1, len(drafts)):
            if (s.body_rows[i], p) in marks:
                drafts[i].values["position"] = drafts[i - 1].values.get("position")
    if "days_worked" not in kinds:
        return
    c = kinds.index("days_worked")
    full = _full_month(drafts, year, month)
    for i in range(1, len(drafts)):
        mark = marks.get((s.body_rows[i], c))
        if mark is None:
            continue
        d, above = drafts[i], drafts[i - 1]
        value = above.values.get("days_worked")
        sure = (isinstance(value, int) and "days_worked" not in above.review and value == full
                and any(m.alike(mark) for k, m in marks.items() if k != (s.body_rows[i], c)))  # fmt: skip
        d.values["days_worked"] = value
        d.review.discard("days_worked")
        if not sure:
            d.review.add("days_worked", REASON)


def _full_month(drafts: list[RowDraft], year: int | None, month: int | None) -> int | None:
    """The one figure a ditto mark may copy without a person: the month's working days by the calendar
    (the period read), where the sheet's rows read without doubt carry it most (a sheet of five-day weeks).
    Nothing else checks a days figure: a mark copies the figure above as read, and a misread one above
    (`19` for a dotted `10`), or a mark standing for another figure, went out wrong without a flag on
    every row of the run (2.7 % of family M's evaluation days, session 11). None: every copy in review."""
    if not (year and month):
        return None
    wd = working_days(year, month)
    read = Counter(v for d in drafts if isinstance(v := d.values.get("days_worked"), int) and "days_worked" not in d.review)
    return wd if read and read.most_common(1)[0][0] == wd else None
