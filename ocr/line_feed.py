"""The people's rows of a page whose type left no line of its own to find: a daisy wheel's payroll on thin 16 mm
film scanned bitonal where only the heading (double-struck, or in darker ink) and the printed total under the
table kept ink enough to show (AB dev 20009 p1: nothing but grain between the two, 19 people and the page failed
"no table"; p4: a few specks a person, none with ink in three of the sheet's strips, 18 people read as one row
and 136 fields out without a flag).

A printer's rows stand at its line feed: the heading's lines one line apart (single-spaced), the people's rows
one, one and a half or two lines apart, a rule's line between the heading and the first row and between the last
row and the total. So the gap from the heading's foot to the total's top is three lines and the rows' steps. The
heading's own lines give the line (``line_pitch``); the specks between the heading and the total, folded on the
rows' pitch, tell which of the three spacings the rows keep where they stand clear of the grain (``SHARE`` of
the specks on the rows' slots, ``OVER`` times what as many slots would catch by chance); where they tell nothing
every line feed between the two is taken for a row, so that nobody is lost: each slot comes back as an empty row
in review (``faint_table``), the page in review, a person reads the sheet and strikes what is no row."""

from __future__ import annotations

from statistics import median

import numpy as np

SPACINGS = (2.0, 1.5)  # the rows' line feeds in lines, widest first, tried before single spacing (1.0)
HEAD_SHARE = 0.6  # of the strips: the heading's first line has ink in this many
TOTAL_SHARE = 1 / 3  # of the strips: the printed total under the table has ink in this many at least
MIN_GAP = 4  # lines from the heading's foot to the total at least (one row between their rules)
MAX_GAP = 80  # lines at most (a sheet of 11 inches at 6 lines an inch holds 66)
SLOT = 0.5  # of a line: the window round a row's middle its specks fall in
SHARE = 0.6  # of the specks between the heading and the total: on the rows' slots at least ...
OVER = 2.0  # ... and this many times the share as many slots would catch by chance
MIN_SPECKS = 150  # ink pixels between the heading and the total at least to tell a spacing by


def line_pitch(ink: np.ndarray, top: int, foot: int) -> float | None:
    """The line feed of the heading's lines between ``top`` and ``foot`` (True where ink): the lag the profile of
    its ink down the lines repeats at best, between a third and a half of the heading's height (it holds two or
    three lines); None when the heading is too short to hold two lines."""
    prof = ink[top:foot].sum(axis=1).astype(float)
    if len(prof) < 20 or prof.sum() == 0:
        return None
    prof = prof - prof.mean()
    lags = range(max(8, len(prof) // 4), max(9, int(len(prof) * 0.6)))
    score = {lag: float(np.dot(prof[:-lag], prof[lag:])) / (len(prof) - lag) for lag in lags if lag < len(prof)}
    if not score:
        return None
    lag, best = max(score.items(), key=lambda kv: kv[1])
    return float(lag) if best > 0 else None


def rows_between(
    ink: np.ndarray, bands: list[tuple[int, int]], counts: list[int], strips: int
) -> list[tuple[int, int]]:
    """The rows' slots (top, bottom) between the heading and the printed total of a page whose lines of writing
    ``bands`` (top to bottom, ink in ``counts`` of ``strips`` strips each) show those two and no row: the heading
    the first line with ink across most strips and the lines set close under it, the total the first line under
    it with ink across a third of the strips; [] when no such pair or the gap holds no row."""
    head = next((i for i, n in enumerate(counts) if n >= HEAD_SHARE * strips), None)
    if head is None:
        return []
    top, foot = bands[head]
    k = head + 1
    while k < len(bands) and bands[k][0] - foot <= 1.5 * (bands[k][1] - bands[k][0]):
        foot = bands[k][1]
        k += 1
    line = line_pitch(ink, top, foot)
    if line is None or line < median(b - a for a, b in bands):  # a line feed is no shorter than a line's letters
        return []
    bottom = None
    for j in range(k, len(bands)):
        if counts[j] < TOTAL_SHARE * strips:
            continue
        if (bands[j][0] - foot) / line < MIN_GAP:  # the sums carried from the sheet before, under the heading
            foot = bands[j][1]
            continue
        bottom = bands[j][0]
        break
    if bottom is None:
        return []
    gap = (bottom - foot) / line
    if not MIN_GAP <= gap <= MAX_GAP:
        return []
    prof = ink[foot:bottom].sum(axis=1).astype(float)
    first = line  # the first row's top: a rule's line under the heading's foot
    last = bottom - foot - 2 * line  # the last row's top: a rule's line over the total
    spacing, phase = 1.0, first
    if prof.sum() >= MIN_SPECKS:
        for s in SPACINGS:
            pitch = s * line
            best = _on_slots(prof, first, last, pitch, line)
            if best is not None:
                spacing, phase = s, best
                break
    pitch = spacing * line
    tops = np.arange(phase, last + 0.5 * line, pitch)
    return [(int(foot + t), int(foot + t + line)) for t in tops]


def _on_slots(prof: np.ndarray, first: float, last: float, pitch: float, line: float) -> float | None:
    """The first row's top (from the heading's foot) where rows ``pitch`` apart from about ``first`` on catch
    ``SHARE`` of the specks of ``prof`` in a window of ``SLOT`` lines round their middles, ``OVER`` times what
    chance would; None when no phase does."""
    total = prof.sum()
    half = SLOT * line / 2
    best: tuple[float, float] | None = None
    for shift in np.arange(-0.5 * line, 0.5 * line + 1, 2.0):
        start = first + shift
        mids = np.arange(start + line / 2, last + line, pitch)
        caught = sum(prof[max(0, int(m - half)) : max(0, int(m + half))].sum() for m in mids)
        if best is None or caught > best[0]:
            best = (float(caught), float(start))
    assert best is not None
    chance = min(1.0, SLOT * line / pitch)
    share = best[0] / total
    return best[1] if share >= SHARE and share >= OVER * chance else None
