"""A two-tier sheet ("двуетажна" ведомост, family X): every person on two typed lines, and most columns
carrying two fields, one over the other (the name over the ЕГН, the base pay over the additional pay, the
gross over the deductions), the column's heading parted by a rule into the upper field's words and the
lower's; a few columns single (the row number, the net pay), typed on the person's first line. Read as a
table of lines, each person was two rows, the lower line's figures a row of their own with no name and
every column's figures two fields' (X dev 16001 p1: the base pay and the additional pay in one column, the
gross taken for the net and every row in review, the page's layout unproved).

Each person's two lines become one row, and each paired column two columns of that row: the upper line's
words in the first, the lower line's in the second, the heading's upper words heading the first and its
lower words (the heading's lower tier, which the grid takes for a row of its own) the second. The fields
are then identified as on any sheet (headings, and the rows' sums: gross = base + additional, net = gross -
deductions), and every check after proves or doubts the reading as on any sheet: nothing here issues a
figure.

Only where the sheet is typed so: three people at the least, each a numbered line (with its lower line
unnumbered under it, or both lines in one band of the grid), and two columns or more holding a figure on
both lines of most people (a person's name line over their figures line, family L, holds no column on both;
the ЕГН typed under the name, family P, one column and no figure over it)."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from . import sheet as sheet_mod
from .analysis import Analysis
from .geometry import Box, Grid, Word, reading_text
from .sheet import Sheet

MIN_PEOPLE = 3
MIN_PAIRED = 2  # columns with a figure on both of a person's lines
SHARE = 0.6  # of the people whose two lines a column must hold
MIDDLE = 0.08  # of a band's height: a word centred so near its middle is the digits model's (see ``_part``)
UNREAD_NUMBER = 0.5  # of the numbered lines' usual ink in the № cell: a line under one inked so holds a number
INSET = 5  # px off each side of the № cell: a column rule's remnant is no number's ink


@dataclass
class TierGrid(Grid):
    """The grid of a two-tier sheet read as one row per person: column ``v`` is the grid's column
    ``cols[v][0]``, whole (0), its upper line (1) or its lower line (2); ``splits[r]`` the y parting row
    ``r``'s two lines. ``xs`` halves each paired column (monotone, for what scans the table by its columns);
    ``cell`` gives each field's own box."""

    cols: list[tuple[int, int]] = field(default_factory=list)
    real_xs: list[int] = field(default_factory=list)
    splits: list[int] = field(default_factory=list)

    def cell(self, r: int, c: int) -> Box:
        real, tier = self.cols[c]
        x0, x1 = self.real_xs[real], self.real_xs[real + 1]
        y0, y1 = self.ys[r], self.ys[r + 1]
        split = self.splits[r] if r < len(self.splits) else (y0 + y1) // 2
        if tier == 1:
            return Box(x0, y0, x1, split)
        if tier == 2:
            return Box(x0, split, x1, y1)
        return Box(x0, y0, x1, y1)


def _numbered(s: Sheet, r: int, c: int) -> bool:
    """A row number on grid row ``r`` (a digit in the number's column: `6.` read `6\n.` is one)."""
    return any(ch.isdigit() for ch in s.text(r, c))


def _starts(s: Sheet, r: int, c: int) -> bool:
    """Grid row ``r`` opens a band: a person's numbered line, or a line of sums (`Всичко`, `Пренос` and
    figures: the heading's `Всичко удръжки` is none)."""
    text = " ".join(s.text(r, k) for k in range(len(s.headings)))
    sums = sheet_mod.is_total_label(text) or sheet_mod.is_carried_label(text)
    return _numbered(s, r, c) or (sums and sum(ch.isdigit() for ch in text) >= 3)


def _parted(s: Sheet, n_rows: int, c: int) -> bool:
    """The grid parted the people's two lines: most numbered lines have an unnumbered line under them, and
    the people's pairs are most of the table's lines (a listing of one line a person whose numbers were
    mostly unread, 3 of 10, is no two-tier sheet: AA dev 19017 p2, its people joined two by two, 7 rows
    for 10 and 3 lost unflagged)."""
    numbered = [r for r in range(1, n_rows) if _numbered(s, r, c)]
    under = [r for r in numbered if r + 1 < n_rows and not _starts(s, r + 1, c)]
    paired = {*numbered, *(r + 1 for r in under)}
    lone = [r for r in range(1, n_rows) if r not in paired and not _starts(s, r, c)]
    return len(numbered) >= MIN_PEOPLE and len(under) >= 0.7 * len(numbered) and len(lone) <= len(numbered)


def _heading_tier(s: Sheet, c: int) -> bool:
    """Grid row 1 is the heading's lower tier: no band's first line, no cell of four digits or more."""
    return not _starts(s, 1, c) and not any(
        sum(ch.isdigit() for ch in s.text(1, k)) >= 4 for k in range(len(s.headings))
    )


def _bands(s: Sheet, n_rows: int, c: int) -> tuple[list[list[int]], bool]:
    """The grid's rows below the heading grouped into bands (a person's two lines where the grid parted
    them, else each band of the grid holding both), and whether grid row 1 is the heading's lower tier. A
    line under a band's first that opens none is its second; with no band to join, a band of its own (a
    person whose number is unread, an empty line)."""
    parted = _parted(s, n_rows, c)
    heading_tier = n_rows > 2 and _heading_tier(s, c)
    bands: list[list[int]] = []
    for r in range(2 if heading_tier else 1, n_rows):
        if parted and not _starts(s, r, c) and bands and len(bands[-1]) == 1 and bands[-1][0] == r - 1:
            bands[-1].append(r)
        else:
            bands.append([r])
    return bands, heading_tier


def _numbers_unread(a: Analysis, bands: list[list[int]], c: int) -> bool:
    """The lines taken for the people's lower lines hold a number's ink in the № cell as the numbered lines
    above them do (more than half of them): each a person of one line whose number the reading missed, no
    two-tier sheet (AB dev 20003 p5, p7: a thin film's grey type, a number read on every other line or less,
    sixteen people joined into ten and the rest lost without a flag). A two-tier sheet's lower line leaves its
    № cell blank (X dev 16001 p1, p2: specks at most, under half the numbers' ink)."""
    g = a.grid
    x0, x1 = g.xs[c] + INSET, g.xs[c + 1] - INSET

    def ink(r: int) -> int:
        return int(np.count_nonzero(a.ink[g.ys[r] + INSET : g.ys[r + 1] - INSET, x0:x1]))

    pairs = [b for b in bands if len(b) == 2]
    if not pairs or x1 <= x0:
        return False
    usual = float(np.median([ink(b[0]) for b in pairs]))
    return usual > 0 and sum(ink(b[1]) >= UNREAD_NUMBER * usual for b in pairs) > len(pairs) / 2


def _split_y(s: Sheet, g: Grid, band: list[int]) -> int:
    """Where a band's two lines part: the grid's rule between them; else the widest gap between the middles
    of its words (one line's each, the digits model's readings of a whole cell left out), where a gap a
    fifth of the band or wider shows two lines (a photographed page's bands sit off its lines: X dev 16004
    p2, the positions under the names taken for the upper line); else the band's middle."""
    if len(band) == 2:
        return g.ys[band[1]]
    y0, y1 = g.ys[band[0]], g.ys[band[0] + 1]
    mids = sorted(w.box.cy for c in range(len(s.headings)) for w in s.cells.get((band[0], c), [])
                  if w.box.h < 0.6 * (y1 - y0) and abs(w.box.cy - (y0 + y1) / 2) >= MIDDLE * (y1 - y0))  # fmt: skip
    gaps = [(b - a, (a + b) / 2) for a, b in zip(mids, mids[1:], strict=False)]
    if gaps and max(gaps)[0] >= 0.2 * (y1 - y0):
        return int(max(gaps)[1])
    return (y0 + y1) // 2


def _words(s: Sheet, band: list[int], c: int) -> list[Word]:
    return [w for r in band for w in s.cells.get((r, c), [])]


def _part(w: Word, split: int, y0: int, y1: int) -> list[tuple[int, Word]]:
    """A word's tier (1 upper, 2 lower) by its middle. The digits model reads a figure's cell at once, its
    word's box set in the cell's middle whatever lines it holds: two lines of it (`27,79\n160,00`) parted,
    the first the upper tier's, the rest the lower's; one line in the middle the upper's (a single field's
    figure is typed on the person's first line: X dev 16003 p1, the row number and the days so read)."""
    lines = [t for t in w.text.split("\n") if t.strip()]
    middle = (y0 + y1) / 2
    if len(lines) >= 2:
        up = Word(lines[0], w.conf, Box(w.box.x0, w.box.y0, w.box.x1, max(w.box.y0 + 1, split)), w.line)
        down = Word("\n".join(lines[1:]), w.conf, Box(w.box.x0, min(split, w.box.y1 - 1), w.box.x1, w.box.y1), w.line)
        return [(1, up), (2, down)]
    if abs(w.box.cy - middle) < MIDDLE * (y1 - y0):
        return [(1, w)]
    return [(1 if w.box.cy < split else 2, w)]


def _has_figure(words: list[Word]) -> bool:
    return any(ch.isdigit() for w in words for ch in w.text)


def split_tiers(
    a: Analysis, s: Sheet, kinds: list[str | None], totals: list[str] | None
) -> tuple[Analysis, bool]:
    """Each person's two lines one row, each paired column two (``s`` changed in place); True where the
    sheet is two-tier and so read, the analysis with its ``TierGrid``. Unchanged (False) elsewhere."""
    g = a.grid
    if isinstance(g, TierGrid) or g.n_cols < 3:
        return a, False
    n_cols = g.n_cols
    c_row = kinds.index("row") if "row" in kinds else 0
    bands, heading_tier = _bands(s, g.n_rows, c_row)
    people = [b for b in bands if _numbered(s, b[0], c_row)]
    if len(people) < MIN_PEOPLE or _numbers_unread(a, people, c_row):
        return a, False
    splits = {b[0]: _split_y(s, g, b) for b in bands}

    def tiers(b: list[int], c: int) -> tuple[list[Word], list[Word]]:
        if len(b) == 2:  # the grid parted the lines: each its own row's words
            return s.cells.get((b[0], c), []), s.cells.get((b[1], c), [])
        parted = [p for w in _words(s, b, c) for p in _part(w, splits[b[0]], g.ys[b[0]], g.ys[b[-1] + 1])]
        return [w for t, w in parted if t == 1], [w for t, w in parted if t == 2]

    paired: list[int] = []
    figured = 0
    for c in range(n_cols):
        both = [tiers(b, c) for b in people]
        inked = sum(1 for up, lo in both if up and lo)
        if inked >= SHARE * len(people):
            paired.append(c)
            figured += sum(1 for up, lo in both if _has_figure(up) and _has_figure(lo)) >= SHARE * len(people)
    if figured < MIN_PAIRED or c_row in paired:
        return a, False
    # one band (two lines) per person that the grid did not part: the row number on the upper line only
    if any(len(b) == 1 and tiers(b, c_row)[1] for b in people):
        return a, False

    cols: list[tuple[int, int]] = []
    xs: list[int] = [g.xs[0]]
    for c in range(n_cols):
        if c in paired:
            cols += [(c, 1), (c, 2)]
            xs += [(g.xs[c] + g.xs[c + 1]) // 2, g.xs[c + 1]]
        else:
            cols.append((c, 0))
            xs.append(g.xs[c + 1])
    head_rows = [0, 1] if heading_tier else [0]
    new_of: dict[int, int] = {0: 0, **({1: 0} if heading_tier else {})}
    ys = [g.ys[0]]
    new_splits = [g.ys[1]]  # the heading: its lower tier below the grid's first rule
    for k, b in enumerate(bands, start=1):
        for r in b:
            new_of[r] = k
        ys.append(g.ys[b[0]])
        new_splits.append(splits[b[0]])
    ys.append(g.ys[g.n_rows])
    ys[1] = g.ys[head_rows[-1] + 1]
    cells: dict[tuple[int, int], list[Word]] = {}
    for (r, c), ws in s.cells.items():
        if r not in new_of:
            continue
        nr = new_of[r]
        if c not in paired:
            cells.setdefault((nr, cols.index((c, 0))), []).extend(ws)
            continue
        for w in ws:
            if nr == 0:
                parts = [(2 if r == 1 else 1, w)]
            elif len(bands[nr - 1]) == 2:  # the grid parted the lines: each its own row's words
                parts = [(1 if r == bands[nr - 1][0] else 2, w)]
            else:
                parts = _part(w, new_splits[nr], ys[nr], ys[nr + 1])
            for tier, p in parts:
                cells.setdefault((nr, cols.index((c, tier))), []).append(p)
    headings = [reading_text(cells.get((0, v), [])) for v in range(len(cols))]
    lines = [list(x) for x in g.row_lines]
    grid = TierGrid(xs=xs, ys=ys, ruled=g.ruled, has_totals=g.has_totals,
                    row_lines=lines if len(lines) == len(ys) - 2 else [], cols=cols, real_xs=list(g.xs),
                    splits=new_splits)  # fmt: skip
    n_rows = len(ys) - 1

    def row_text(r: int) -> str:
        return " ".join(reading_text(cells.get((r, v), [])) for v in range(len(cols)))

    body_rows, totals_row, carried_row = sheet_mod.row_roles(
        n_rows, row_text, lambda r: any(cells.get((r, v)) for v in range(len(cols)))
    )
    s.cells = cells
    s.headings = headings
    s.body_rows = body_rows
    s.totals_row = totals_row
    s.carried_row = carried_row
    s.texts = [[reading_text(cells.get((r, v), [])) for v in range(len(cols))] for r in body_rows]
    s.cents = []
    return replace(a, grid=grid), True
