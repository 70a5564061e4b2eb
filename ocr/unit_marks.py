"""A unit typed after every figure of a column (family N: `192,41 лв`, `21 д.`): taken off the figures'
cells before they are read. Left on, the digits model reads the letters as figures (`33,46 лв` read
`33,467`, `70,09 лв` read `19609--`: N dev 6001 p16/p18, the deductions and the net pay failing every row
sum, the page sent to review whole).

A figure column carries a unit where most of its inked cells (three or more) end in a short piece of ink
apart from the figure by a word's gap, the pieces alike in width and place down the column, and each
piece a lowercase word: its ink starts clearly below the figure's top (`лв`, `д.`, `дни` are x-height
letters; figures are as tall as capitals). Stotinki typed apart (`164 18`) are figures, as tall as the
leva, and stay. Each such piece is made paper in the page's clean image and ink map
(``Analysis.clean``, ``Analysis.ink``) before the digits pass; the cells of the column that have no
such piece are left as they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from statistics import median

import numpy as np

from .analysis import Analysis
from .engine import OcrEngine
from .geometry import Box, Word
from .reading import mosaic_read
from .sheet import Sheet

GAP = 0.4  # a word's gap: at least this share of the figure's height (characters' own gaps are narrower)
WIDTH = (0.5, 2.2)  # a unit's width, in figure heights (`д.` to `дни`, `лв.`)
LOWER = 0.1  # a lowercase word's top sits this share of the figure's height below the figure's top, or more
SHARE = 0.6  # of the column's inked cells end in a unit
MIN_CELLS = 3
ALIKE = 0.5  # the units' left and right edges agree down the column within this share of the height


@dataclass(frozen=True)
class Piece:
    """A unit's ink in the page: columns ``x0``..``x1`` (exclusive), rows ``y0``..``y1`` (exclusive)."""

    x0: int
    x1: int
    y0: int
    y1: int
    height: int  # the figure's height beside it
    left: int = 0  # where the figure before it begins


def _runs(filled: np.ndarray) -> list[tuple[int, int]]:
    """Runs of True in a 1-d array, as (start, end exclusive)."""
    d = np.diff(np.concatenate(([0], filled.astype(np.int8), [0])))
    return list(zip(np.flatnonzero(d == 1).tolist(), np.flatnonzero(d == -1).tolist(), strict=True))


def _extents(cell: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each column's first inked row and last inked row + 1 (the cell's height and 0 where it has no ink):
    a span of columns' ink is the least top and the greatest bottom over them, with no pass over the pixels."""
    h = cell.shape[0]
    inked = cell.any(axis=0)
    top = np.where(inked, cell.argmax(axis=0), h)
    bottom = np.where(inked, h - cell[::-1].argmax(axis=0), 0)
    return top, bottom


def _span(ext: tuple[np.ndarray, np.ndarray], x0: int, x1: int) -> tuple[int, int] | None:
    """The rows the ink of columns ``x0``..``x1`` (exclusive) spans, as (top, bottom exclusive); None if none."""
    b = int(ext[1][x0:x1].max())
    return (int(ext[0][x0:x1].min()), b) if b > 0 else None


def trailing_unit(ink: np.ndarray, box: Box) -> Piece | None:
    """The first word after the cell's figure where it is a lowercase word of a unit's width, else None
    (what follows it, a stamp beside the figures, stays). ``ink``: the page's ink map (non-zero = ink)."""
    y0, y1, x0, x1 = box.y0 + 4, box.y1 - 2, box.x0 + 4, box.x1 - 3
    if y1 - y0 < 4 or x1 - x0 < 4:
        return None
    cell = ink[y0:y1, x0:x1] > 0
    ext = _extents(cell)
    runs = _runs(ext[1] > 0)
    if len(runs) < 2:
        return None
    # each run's ink from top to bottom (every column of a run is inked)
    starts = [s for s, _ in runs]
    tops = np.minimum.reduceat(ext[0], starts).tolist()
    bottoms = np.maximum.reduceat(ext[1], starts).tolist()
    run_spans = list(zip(tops, bottoms, strict=True))
    # the glyphs' height: the runs' median (a stamp or a speck in the cell makes the cell's ink taller)
    h = float(median([b - t for t, b in run_spans]))
    # words: runs of ink parted by a gap wide enough to part words
    words: list[list[int]] = [[0]]
    for j in range(1, len(runs)):
        if runs[j][0] - runs[j - 1][1] >= GAP * h:
            words.append([j])
        else:
            words[-1].append(j)
    for i in range(1, len(words)):
        # the glyphs of the words before (not a point or a comma): their tops and their height
        spans = [run_spans[j] for w in words[:i] for j in w]
        tall = max(b - t for t, b in spans)
        glyphs = [(t, b) for t, b in spans if b - t >= 0.6 * tall]
        top = float(median([t for t, _ in glyphs]))
        fh = int(median([b - t for t, b in glyphs]))
        ux0, ux1 = runs[words[i][0]][0], runs[words[i][-1]][1]
        unit = _span(ext, ux0, ux1)
        if fh < 8 or unit is None or not WIDTH[0] * fh <= ux1 - ux0 <= WIDTH[1] * fh:
            continue
        if unit[0] - top >= LOWER * fh:  # a lowercase word; one as tall as the figure is figures
            return Piece(x0 + ux0, x0 + ux1, y0, y1, fh, x0 + runs[0][0])
    return None


def _too_few(pieces: int, inked: int) -> bool:
    """Are ``pieces`` too few of a column's ``inked`` cells to say it carries a unit?"""
    return pieces < MIN_CELLS or pieces < SHARE * inked


def _alike(pieces: list[Piece], inked: int) -> list[Piece]:
    """The pieces, where they are most of the ``inked`` cells' and sit alike down the column, else none."""
    if _too_few(len(pieces), inked):
        return []
    h = float(np.median([p.height for p in pieces]))
    left = float(np.median([p.x0 for p in pieces]))
    right = float(np.median([p.x1 for p in pieces]))
    return [p for p in pieces if abs(p.x0 - left) <= ALIKE * h and abs(p.x1 - right) <= ALIKE * h]


def unit_pieces(a: Analysis, columns: list[int]) -> list[Piece]:
    """The units to take off, in the figure ``columns`` that carry one (every row under the heading): in a
    figure's own cell, or in a column of their own the grid made of them (unruled sheets: the units' gap
    is shared by every line), where the figure is in the cell to the left."""
    g = a.grid
    out: list[Piece] = []
    for c in columns:
        rows = [r for r in range(1, g.n_rows) if (a.ink[(b := g.cell(r, c)).y0 + 4 : b.y1 - 2, b.x0 + 4 : b.x1 - 3] > 0).any()]
        inked = len(rows)
        own: list[Piece] = []
        apart: list[Piece] = []
        for k, r in enumerate(rows):
            # a unit in every cell left would make neither kind most of the inked cells: those cells are not
            # looked into (a column of plain figures, most columns; issue 9: CPU per page)
            if _too_few(len(own) + inked - k, inked) and _too_few(len(apart) + inked - k, inked):
                break
            box = g.cell(r, c)
            p = trailing_unit(a.ink, box)
            if p is not None:
                own.append(p)
            elif c > 0:
                left = g.cell(r, c - 1)
                both = Box(left.x0, min(left.y0, box.y0), box.x1, max(left.y1, box.y1))
                p = trailing_unit(a.ink, both)
                if p is not None and p.x0 >= g.xs[c]:
                    apart.append(p)
        out += _alike(own, inked) or _alike(apart, inked)
    return out


def _a_word(text: str) -> bool:
    """The text model's reading of a unit: letters (`лв`, `д.`, `дни`, misread as they may be), no digit."""
    return any(ch.isalpha() for ch in text) and not any(ch.isdigit() for ch in text)


def take_off_units(a: Analysis, kinds: list[str], engine: OcrEngine) -> int:
    """The units after the figures of the ``kinds``' 'numeric' columns made paper (``a`` changed in place);
    returns how many were taken off. Each column's pieces are read with the text model first (one call): a
    column is taken off where most of its pieces read as letters and no digit (old-style figures, `2` as
    tall as an `а`, look like lowercase words by their ink: N dev 6001 p9), and only those pieces."""
    by_column: dict[int, list[Piece]] = {}
    for c in [c for c, k in enumerate(kinds) if k == "numeric"]:
        found = unit_pieces(a, [c])
        if found:
            by_column[c] = found
    pieces = [p for ps in by_column.values() for p in ps]
    if not pieces:
        return 0
    # each piece read with the figure before it (alone, a faint unit is read as nothing at all): its last word
    read = mosaic_read(
        a, [Box(p.left - 4, p.y0 - 4, p.x1 + 3, p.y1 + 2) for p in pieces], lambda m: engine.words(m, psm=6)
    )
    texts = {id(p): ws[-1].text if ws else "" for p, ws in zip(pieces, read, strict=True)}
    taken = 0
    for ps in by_column.values():
        words = [p for p in ps if _a_word(texts[id(p)])]
        if len(words) < SHARE * len(ps) or len(words) < MIN_CELLS:
            continue
        for p in words:
            a.clean[p.y0 : p.y1, p.x0 : p.x1] = 255
            a.ink[p.y0 : p.y1, p.x0 : p.x1] = 0
        taken += len(words)
    return taken


# an amount (thousands apart or not; its point an equals mark read `:` or `=`, family O) and after it, past a
# space, a unit word and what follows it (a stamp's letters beside the figure, a signature's strokes), or
# letters with no digit
_AMOUNT_AND_UNIT = re.compile(
    r"^\s*(\d[\d .'’]*[.,:=]\d{2})\s+(?:л[вaа]\b.*|[^\d\n]*[^\W\d][^\d\n]*)$", re.IGNORECASE
)


def amount_without_unit(text: str) -> str:
    """A figure cell's text without the unit typed after the amount (`234,20 лв`, read by the text model
    where stamps beside the figures make the column look like words: `202,41 ла |ИЗЯПАТЕНО|`); the text as
    it is otherwise (a cell of two lines, a correction over a figure, stays)."""
    m = _AMOUNT_AND_UNIT.match(text)
    return m.group(1).strip() if m else text


def strip_unit_words(s: Sheet) -> None:
    """Every cell of the people's rows, the totals and the carried sums without a unit after its amount
    (``s`` changed in place, before ``columns.identify``): a column of `234,20 лв` is money, its total too
    (N dev 6001 p16: the net pay's column left unnamed, the deductions' taken for the net pay)."""
    for row in s.texts:
        for c, t in enumerate(row):
            row[c] = amount_without_unit(t)
    for r in (s.totals_row, s.carried_row):
        if r is None:
            continue
        for c in range(len(s.headings)):
            ws = s.cells.get((r, c), [])
            text = s.text(r, c)
            bare = amount_without_unit(text)
            if ws and bare != text:
                s.cells[(r, c)] = [Word(bare, min(w.conf for w in ws), ws[0].box)]
