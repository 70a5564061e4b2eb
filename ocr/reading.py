"""The read stage: the OCR engine's passes over an analysed page, and the words placed in the grid.

Text (header, headings, name and position columns) is read with the text model on the page image;
figures (the columns ``column_kinds`` found right-aligned) with the digits model on a mosaic of their
cells, one cell per line, each word placed back at its cell. ``second_pass`` re-reads doubtful figures.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import cv2
import numpy as np

from . import straddling_lines, tables
from .analysis import Analysis
from .engine import OcrEngine
from .geometry import Box, Grid, Word, text_lines
from .zeros import unbar_zeros

NUMERIC_CHARS = "0123456789.,-'"  # the apostrophe: thousands typed as 1'468,02 (else read as a 1)
MOSAIC_MAX = 30000  # pixels of height per mosaic (tesseract stops at 32767)


@dataclass
class Reading:
    words: list[Word]  # page coordinates (deskewed); a figure cell's words joined into one at its cell
    bands: list[tuple[int, int]]  # text lines above the table


LINE_H = 18  # a header line of ordinary type is at least this tall (px at 300 dpi)
SMALLEST_LINE = 12  # and one of small print at least this
SMALL_PRINT_SHARE = 0.7  # a line of small print is at least this share of the header's tallest line


def header_bands(a: Analysis) -> list[tuple[int, int]]:
    """Text lines above the table (employer, title, period), found on dust-free ink."""
    top = max(0, a.grid.ys[0] - 6)
    if top < 10:
        return []
    solid = a.blobs.at_least(60, rows=slice(0, top))
    bands = tables.text_bands(solid, 0, top, 0, solid.shape[1], min_h=SMALLEST_LINE)
    if not bands:
        return bands
    # a line lower than LINE_H is dust, unless the header is set in small print: then a line nearly as
    # tall as its tallest (the period in small print under the title, J dev 1011: 17 px under 21)
    tallest = max(b - t for t, b in bands)
    return [(t, b) for t, b in bands if b - t >= min(LINE_H, SMALL_PRINT_SHARE * tallest)]


def header_image(a: Analysis, bands: list[tuple[int, int]]) -> np.ndarray:
    """The part above the table with everything outside its text lines blanked: dust and stamps there
    cannot turn into words."""
    top = max(0, a.grid.ys[0] - 6)
    head = np.full((top, a.clean.shape[1]), 255, dtype=np.uint8)
    if top < 10:  # the table starts at the top edge: no header on this image
        return head
    near = cv2.dilate(a.blobs.at_least(15, rows=slice(0, top)), np.ones((5, 5), np.uint8))
    solid = np.where(near > 0, a.clean[:top], np.uint8(255)).astype(np.uint8)
    for y0, y1 in bands:
        head[max(0, y0 - 4) : y1 + 4] = solid[max(0, y0 - 4) : y1 + 4]
    return head


def recognise(a: Analysis, kinds: list[str], engine: OcrEngine) -> Reading:
    """Two passes: the figures' columns (``kinds`` 'numeric') with the digits model on a mosaic of their
    cells, then the rest of the header and table with the text model, figures blanked out."""
    g = a.grid
    bottom = min(a.clean.shape[0], g.ys[-1] + 8)
    img = a.clean[:bottom].copy()
    bands = header_bands(a)
    top = max(0, g.ys[0] - 6)
    img[:top] = header_image(a, bands)
    numeric = [c for c, k in enumerate(kinds) if k == "numeric"]
    words: list[Word] = []
    if numeric:
        for c, k in enumerate(kinds):
            if k in ("numeric", "empty"):  # figures are read by the digits pass
                img[g.ys[1] : bottom, g.xs[c] + 2 : g.xs[c + 1] - 1] = 255
        boxes = [g.cell(r, c) for c in numeric for r in range(1, g.n_rows)]
        printed = off_grid(a)
        for b in boxes:  # a figure's last digit typed over its column's rule is the figure's, not the next column's
            right = straddling_lines.across_rules(a.ink, b, b.x0 + 2, b.x1 - 1, b.y0 + 4, b.y1 - 2, printed)[1]
            img[b.y0 : b.y1, b.x1 - 1 : max(b.x1 - 1, right)] = 255
        read = mosaic_read(a, boxes, lambda m: engine.figures(m, whitelist=NUMERIC_CHARS), printed)
        for box, ws in zip(boxes, read, strict=True):
            if ws:  # a figure cell's lines stay apart ("\n"): a correction above a struck figure is one
                words.append(Word("\n".join(text_lines(ws)), min(w.conf for w in ws), inner(box)))
    words += engine.words(img, psm=6)
    return Reading(words, bands)


def inner(b: Box) -> Box:
    """A box well inside a cell, so a word placed there is assigned to that cell."""
    return Box(b.x0 + b.w // 3, b.y0 + b.h // 3, b.x1 - b.w // 3, b.y1 - b.h // 3)


def off_grid(a: Analysis) -> straddling_lines.Printed:
    """The page's printed grid where its typing crosses it (``straddling_lines.off_grid``), measured once a page
    (``Analysis.memo``)."""
    key = "straddling_lines.off_grid"
    if key not in a.memo:
        a.memo[key] = straddling_lines.off_grid(a.ink, a.grid, a.rules)
    printed: straddling_lines.Printed = a.memo[key]
    return printed


def mosaic_read(
    a: Analysis,
    boxes: list[Box],
    read: Callable[[np.ndarray], list[Word]],
    printed: straddling_lines.Printed = straddling_lines.ON_GRID,
) -> list[list[Word]]:
    """Read many cells in one engine call (``read``): each cell's crop on its own line of a mosaic image.
    Returns the words of each box, in order. ``printed`` (``off_grid``: the figures' cells of a page typed across
    its printed grid): a cell's typed line across its printed row rule read whole, a digit typed across its
    column's rule with its figure (``straddling_lines.crop``)."""
    if not boxes:
        return []
    pad = 24
    crops = [straddling_lines.crop(a.clean, a.ink, b, max(0, b.x0 + 4), max(b.x0 + 5, b.x1 - 3), max(0, b.y0 + 4),
                                   max(b.y0 + 5, b.y1 - 2), printed) for b in boxes]  # fmt: skip
    # tesseract refuses an image taller than 32767 pixels: a long table's cells go in several mosaics
    if sum(c.shape[0] + pad for c in crops) + pad > MOSAIC_MAX:
        out_all: list[list[Word]] = []
        start, height = 0, pad
        for i, c in enumerate(crops):
            if height + c.shape[0] + pad > MOSAIC_MAX and i > start:
                out_all += mosaic_read(a, boxes[start:i], read, printed)
                start, height = i, pad
            height += c.shape[0] + pad
        return out_all + mosaic_read(a, boxes[start:], read, printed)
    width = max(c.shape[1] for c in crops) + 2 * pad
    height = sum(c.shape[0] + pad for c in crops) + pad
    mosaic = np.full((height, width), 255, dtype=np.uint8)
    spans = []
    y = pad
    for c in crops:
        x = width - pad - c.shape[1]  # right-aligned, as figures are
        mosaic[y : y + c.shape[0], x : x + c.shape[1]] = c
        spans.append((y, y + c.shape[0]))
        y += c.shape[0] + pad
    out: list[list[Word]] = [[] for _ in boxes]
    starts = [s[0] - pad / 2 for s in spans]
    for w in read(unbar_zeros(mosaic)[0]):  # a slashed zero is read as an 8 or a 9: redrawn plain
        i = int(np.searchsorted(starts, w.box.cy)) - 1
        if 0 <= i < len(boxes):
            out[i].append(w)
    for ws in out:
        ws.sort(key=lambda w: w.box.x0)
    return out


def second_pass(a: Analysis, targets: list[tuple[int, Box]], engine: OcrEngine) -> dict[int, str]:
    """Re-read doubtful figures with the other model (the text model, digits only): a second opinion."""
    read = mosaic_read(
        a, [b for _, b in targets], lambda m: engine.words(m, psm=6, whitelist=NUMERIC_CHARS), off_grid(a)
    )
    return {key: "\n".join(text_lines(ws)) for (key, _), ws in zip(targets, read, strict=True) if ws}


def cell_words(words: list[Word], g: Grid) -> tuple[dict[tuple[int, int], list[Word]], list[Word]]:
    """The words of each cell (row, column) of the grid, and the words above the table."""
    cells: dict[tuple[int, int], list[Word]] = {}
    above: list[Word] = []
    for w in words:
        if w.box.cy < g.ys[0]:
            above.append(w)
            continue
        r = int(np.searchsorted(g.ys, w.box.cy)) - 1
        c = int(np.searchsorted(g.xs, w.box.cx)) - 1
        if 0 <= r < g.n_rows and 0 <= c < g.n_cols:
            cells.setdefault((r, c), []).append(w)
    return cells, above


def confidence(ws: list[Word]) -> float:
    """A cell's confidence: its least sure word's (0 for an empty cell)."""
    return min((w.conf for w in ws), default=0.0)
