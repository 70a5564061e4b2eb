"""A generic table finder for documents that are not payroll sheets (reports, statistics, notices).

Several tables per page, ruled, partly ruled or unruled. One tesseract pass over the page (ruling and
dust painted out), then layout from the words and the rules:

    words -> text lines -> chunks (words separated by wide gaps or by a vertical rule)
          -> table regions (runs of lines with two or more chunks, or text inside a frame of rules)
          -> columns (vertical rules, and white gaps that almost every line of the region leaves free)
          -> cells (a chunk spanning several columns is one cell) -> rows (text lines), with wrapped
             lines and cells spanning rows merged: by the rules when the rows are ruled, otherwise
             when a line continues the one above (no text in the first column, no new column).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import cv2
import numpy as np

from . import preprocess
from .engine import OcrEngine
from .geometry import Box, Transform, Word, reading_text


@dataclass(frozen=True)
class Tuning:
    """The finder's tuned constants, in line heights or shares. They were chosen on the ICDAR 2013 EU
    pages; ``python -m bench.icdar2013 --leave-one-out`` scores each document with the values chosen on
    the other documents."""

    chunk_gap: float = 0.9  # a space wider than this splits a line into chunks (cells)
    column_gap: float = 0.5  # the narrowest white gap that separates two columns
    cover_allowance: float = 0.12  # share of a region's lines that may cross a column's white gap
    region_gap: float = 2.2  # table lines further apart than this start another table
    wrap_gap: float = 0.9  # a line this close below another may continue its cells (unruled rows)


TUNED = Tuning()


@dataclass(frozen=True)
class Segment:
    """A rule segment: ``pos`` is y of a horizontal one, x of a vertical one; ``a``..``b`` its extent."""

    pos: int
    a: int
    b: int


@dataclass
class Page:
    """A page as the finder sees it (deskewed, 300 dpi working resolution)."""

    gray: np.ndarray
    binary: np.ndarray
    ink: np.ndarray
    clean: np.ndarray
    horizontal: list[Segment]
    vertical: list[Segment]
    transform: Transform
    unit: float  # 1.0 at 300 dpi


@dataclass
class Line:
    words: list[Word]
    y0: int
    y1: int
    chunks: list[list[Word]] = field(default_factory=list)

    @property
    def h(self) -> int:
        return self.y1 - self.y0

    @property
    def x0(self) -> int:
        return min(w.box.x0 for w in self.words)

    @property
    def x1(self) -> int:
        return max(w.box.x1 for w in self.words)


@dataclass
class CellOut:
    row: int
    col: int
    row_span: int
    col_span: int
    box: Box
    words: list[Word]


@dataclass
class TableOut:
    box: Box
    n_rows: int
    n_cols: int
    cells: list[CellOut]


# --- page preparation ---------------------------------------------------------------------------


def _segments(mask: np.ndarray, horizontal: bool) -> list[Segment]:
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out: list[Segment] = []
    for i in range(1, n):
        x, y, w, h, _area = stats[i]
        if horizontal:
            out.append(Segment(int(y + h // 2), int(x), int(x + w)))
        else:
            out.append(Segment(int(x + w // 2), int(y), int(y + h)))
    return out


def _drop_graphics(ink: np.ndarray, *, cell: int = 32) -> np.ndarray:
    """Ink of charts and pictures that tesseract would turn into words: strokes far larger than any
    letter (pie outlines, cross-hatching) and fields of dots or short strokes (shading patterns)."""
    n, labels, stats, centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n <= 1:
        return ink
    w, h, area = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT], stats[:, cv2.CC_STAT_AREA]
    drop = (h > 130) | ((w > 110) & (h > 110))
    small = (area < 60) & (w < 16) & (h < 16)
    small[0] = drop[0] = False
    gh, gw = ink.shape[0] // cell + 1, ink.shape[1] // cell + 1
    cy = (centroids[:, 1] // cell).astype(int)
    cx = (centroids[:, 0] // cell).astype(int)
    density = np.zeros((gh, gw), np.int32)
    np.add.at(density, (cy[small], cx[small]), 1)
    texture = cv2.dilate((density >= 5).astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    drop |= small & texture[cy, cx]
    if not drop.any():
        return ink
    out = ink.copy()
    out[drop[labels]] = 0
    return out


def _drop_isolated_specks(ink: np.ndarray, *, small: int = 60, reach: int = 21) -> np.ndarray:
    """Small blobs with no text near them (dust, toner specks of a copy); dots of i, j and decimal points
    stay, being next to letters and digits, and so do dashes."""
    n, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if n <= 1:
        return ink
    is_small = np.zeros(n, bool)
    is_small[1:] = stats[1:, cv2.CC_STAT_AREA] < small
    big = np.where(is_small[labels] | (labels == 0), 0, 255).astype(np.uint8)
    near = cv2.dilate(big, cv2.getStructuringElement(cv2.MORPH_RECT, (reach, reach))) > 0
    touching = np.zeros(n, bool)
    touching[np.unique(labels[near & (labels > 0)])] = True
    w, h = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    dash = (w >= 1.6 * h) & (w >= 8)  # a dash alone in a cell is content ("nothing"), not dust
    drop = is_small & ~touching & ~dash
    out = ink.copy()
    out[drop[labels]] = 0
    return out


def _light_text_on_dark(gray: np.ndarray) -> np.ndarray:
    """Fills printed with light text on a darker ground (table headings) turned over, so that their
    text is dark on light like the rest; fills with dark text on them are left alone."""
    f = 8
    small = cv2.resize(gray, None, fx=1 / f, fy=1 / f, interpolation=cv2.INTER_AREA)
    # paper brightness (uneven light of a copy) from far around, so that a fill stays darker than it
    paper_small = cv2.GaussianBlur(cv2.dilate(small, np.ones((81, 81), np.uint8)), (0, 0), 8)
    paper = cv2.resize(paper_small, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    gray = cv2.divide(gray, np.maximum(paper, 1), scale=255)
    back = cv2.medianBlur(cv2.divide(small, np.maximum(paper_small, 1), scale=255), 5)
    fills = (back < 200).astype(np.uint8)
    n, labels, stats, _ = cv2.connectedComponentsWithStats(fills, connectivity=4)
    out = gray
    for i in range(1, n):
        x, y, w, h, area = stats[i]
        if area < 12:
            continue
        ground = float(np.median(back[labels == i]))
        y0, y1, x0, x1 = max(0, (y - 1) * f), (y + h + 1) * f, max(0, (x - 1) * f), (x + w + 1) * f
        box = gray[y0:y1, x0:x1]
        # the fill itself at full resolution, its text holes closed
        near_ground = (np.abs(box.astype(np.int16) - int(ground)) < 25).astype(np.uint8)
        solid = cv2.morphologyEx(near_ground, cv2.MORPH_OPEN, np.ones((9, 9), np.uint8))
        inside = cv2.morphologyEx(solid, cv2.MORPH_CLOSE, np.ones((41, 41), np.uint8)) > 0
        bright = int(((box > ground + 45) & inside).sum())
        darker = int(((box < ground - 45) & inside).sum())
        if bright > 200 and bright > 2 * darker:
            if out is gray:
                out = gray.copy()
            region = out[y0:y1, x0:x1]
            region[inside] = 255 - region[inside]
    return out


def prepare(image: np.ndarray, *, dpi: int | None = None) -> Page:
    """Grayscale, 300 dpi, deskewed, binarised; rule segments found and taken out of the text ink."""
    gray = preprocess.to_gray(image)
    dpi = dpi or 300
    back = np.eye(3)
    if dpi < 280 or dpi > 420:
        f = 300 / dpi
        gray = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC if f > 1 else cv2.INTER_AREA)
        back = back @ np.array([[1 / f, 0, 0], [0, 1 / f, 0], [0, 0, 1]])
    gray = _light_text_on_dark(gray)
    gray, binary, _angle, straight = preprocess.deskew(gray)
    back = back @ straight
    unit = 1.0
    k = max(25, int(45 * unit))
    horiz = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (k, 1)))
    vert = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, k)))
    # bridge small breaks (degraded copies) before measuring segments
    horiz_b = cv2.morphologyEx(horiz, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (15, 3)))
    vert_b = cv2.morphologyEx(vert, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 15)))
    hs = [s for s in _segments(horiz_b, True) if s.b - s.a >= 60]
    vs = [s for s in _segments(vert_b, False) if s.b - s.a >= 45]
    mask = cv2.dilate(cv2.bitwise_or(horiz, vert), cv2.getStructuringElement(cv2.MORPH_RECT, (3, 3)))
    ink = cv2.bitwise_and(binary, cv2.bitwise_not(mask))
    ink = _drop_isolated_specks(preprocess.remove_specks(_drop_graphics(ink), 12))
    clean = preprocess.flatten(gray, ink)
    return Page(gray, binary, ink, clean, hs, vs, Transform(back[:2]), unit)


# --- text lines and chunks ----------------------------------------------------------------------


def _lines(words: list[Word]) -> list[Line]:
    lines: list[Line] = []
    for w in sorted(words, key=lambda w: (w.box.cy, w.box.x0)):
        best, best_ov = None, 0.0
        for ln in lines[-6:]:
            ov = min(ln.y1, w.box.y1) - max(ln.y0, w.box.y0)
            frac = ov / max(1, min(ln.h, w.box.h))
            if frac > 0.5 and frac > best_ov:
                best, best_ov = ln, frac
        if best is None:
            lines.append(Line([w], w.box.y0, w.box.y1))
        else:
            best.words.append(w)
            # keep the line's band from growing with tall words (brackets, merged glyphs)
            best.y0 = int(np.median([x.box.y0 for x in best.words]))
            best.y1 = int(np.median([x.box.y1 for x in best.words]))
    for ln in lines:
        ln.words.sort(key=lambda w: w.box.x0)
        ln.y0 = min(w.box.y0 for w in ln.words)
        ln.y1 = max(w.box.y1 for w in ln.words)
    lines.sort(key=lambda ln: ln.y0)
    return lines


def _crosses_rule(vertical: list[Segment], x0: int, x1: int, y0: int, y1: int) -> bool:
    mid = (y0 + y1) / 2
    return any(x0 < v.pos < x1 and v.a <= mid <= v.b for v in vertical)


def _chunk(line: Line, vertical: list[Segment], gap: float) -> None:
    chunks: list[list[Word]] = [[line.words[0]]]
    for prev, w in zip(line.words, line.words[1:], strict=False):
        space = w.box.x0 - prev.box.x1
        if space > gap or _crosses_rule(vertical, prev.box.x1, w.box.x0, line.y0, line.y1):
            chunks.append([w])
        else:
            chunks[-1].append(w)
    line.chunks = chunks


# --- regions ------------------------------------------------------------------------------------


@dataclass
class Region:
    lines: list[Line]
    x0: int
    x1: int
    y0: int
    y1: int


def frames(page: Page, min_w: int, min_h: int) -> list[Box]:
    """Boxes of connected groups of rules (a framed or grid table), big enough to be a table."""
    mask = np.zeros(page.binary.shape, np.uint8)
    for s in page.horizontal:
        cv2.line(mask, (s.a, s.pos), (s.b, s.pos), 255, 5)
    for s in page.vertical:
        cv2.line(mask, (s.pos, s.a), (s.pos, s.b), 255, 5)
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    out = []
    for i in range(1, n):
        x, y, w, h, _ = stats[i]
        if w >= min_w and h >= min_h:
            out.append(Box(int(x), int(y), int(x + w), int(y + h)))
    return out


def _table_frames(page: Page, line_h: float) -> list[Box]:
    """Frames of rules that hold a table: big enough, with a rule inside (not just a box drawn around a
    chart or a note), and not drawn around other frames."""
    boxes = frames(page, int(0.06 * page.binary.shape[1]), int(2.5 * line_h))

    def inside(o: Box, b: Box) -> bool:
        return o is not b and o.x0 >= b.x0 - 5 and o.x1 <= b.x1 + 5 and o.y0 >= b.y0 - 5 and o.y1 <= b.y1 + 5

    def ruled_inside(b: Box) -> bool:
        m = 15
        return any(b.x0 + m < v.pos < b.x1 - m and v.a < b.y1 and v.b > b.y0 for v in page.vertical) or any(
            b.y0 + m < h.pos < b.y1 - m and h.a < b.x1 and h.b > b.x0 for h in page.horizontal
        )

    return [b for b in boxes if not any(inside(o, b) for o in boxes) and ruled_inside(b)]


def _regions(
    page: Page, lines: list[Line], line_h: float, boxes: list[Box] | None = None, *, region_gap: float = 2.2
) -> list[Region]:
    """Runs of table lines; ``boxes``: frames whose lines belong to one table each."""
    boxes = boxes or []
    framed_lines: dict[int, int] = {}
    for i, ln in enumerate(lines):
        cy = (ln.y0 + ln.y1) / 2
        for k, f in enumerate(boxes):
            if f.y0 <= cy <= f.y1 and ln.x0 >= f.x0 - 10 and ln.x1 <= f.x1 + 10:
                framed_lines[i] = k
                break
    is_table = [len(ln.chunks) >= 2 or i in framed_lines for i, ln in enumerate(lines)]
    regions: list[list[int]] = []
    i = 0
    while i < len(lines):
        if not is_table[i]:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(lines):
            gap = lines[j].y0 - lines[run[-1]].y1
            if framed_lines.get(j) != framed_lines.get(run[-1]):
                break  # into, out of, or between frames: another table
            same_frame = j in framed_lines
            if is_table[j] and (gap < region_gap * line_h or same_frame):
                run.append(j)
                j += 1
                continue
            # one or two single-chunk lines (a wrapped cell, a section label) between table lines
            k = j
            while k < len(lines) and k - j < 2 and not is_table[k]:
                k += 1
            if (k < len(lines) and k > j and is_table[k] and lines[k].y0 - lines[run[-1]].y1 < (k - j + 1.8) * line_h
                    and all(lines[m].x0 >= min(lines[r].x0 for r in run) - line_h for m in range(j, k))
                    and all(framed_lines.get(m) == framed_lines.get(run[-1]) for m in range(j, k + 1))):  # fmt: skip
                run.extend(range(j, k + 1))
                j = k + 1
                continue
            break
        regions.append(run)
        i = j
    out: list[Region] = []
    for run in regions:
        multi = sum(1 for r in run if len(lines[r].chunks) >= 2)
        framed = any(r in framed_lines for r in run)
        if multi < 2 and not (framed and multi >= 1):
            continue
        ls = [lines[r] for r in run]
        x0, x1 = min(ln.x0 for ln in ls), max(ln.x1 for ln in ls)
        y0, y1 = ls[0].y0, ls[-1].y1
        for k in {framed_lines[r] for r in run if r in framed_lines}:
            f = boxes[k]
            x0, x1, y0, y1 = min(x0, f.x0), max(x1, f.x1), min(y0, f.y0), max(y1, f.y1)
        out.append(Region(ls, x0, x1, y0, y1))
    return out


# --- columns and cells --------------------------------------------------------------------------


def _columns(region: Region, page: Page, min_gap: int, allowance_share: float = 0.12) -> list[int]:
    """Column boundaries: region edges, long vertical rules inside, and white gaps left free by
    (almost) every line with several chunks."""
    x0, x1 = region.x0, region.x1
    width = x1 - x0 + 1
    cover = np.zeros(width, np.int32)
    multi = [ln for ln in region.lines if len(ln.chunks) >= 2]
    for ln in multi:
        row = np.zeros(width, bool)
        for ch in ln.chunks:
            if len(ch) == 1 and ch[0].box.w < 0.35 * ln.h and ch[0].conf < 0.5:
                continue  # a doubtful mark (a speck read as a letter) does not close a column gap
            if ch[-1].box.x1 - ch[0].box.x0 > 0.6 * width:
                continue  # nor does a title or a note run across the columns
            a, b = ch[0].box.x0 - x0, ch[-1].box.x1 - x0
            row[max(0, a) : min(width, b + 1)] = True
        cover += row
    allowance = max(0, int(allowance_share * len(multi)))
    free = cover <= allowance
    seps: list[int] = []
    i = 0
    while i < width:
        if free[i]:
            j = i
            while j < width and free[j]:
                j += 1
            if i > 0 and j < width and j - i >= min_gap:
                # the place in the run that the fewest lines cross
                sub = cover[i:j]
                best = np.nonzero(sub == sub.min())[0]
                seps.append(x0 + i + int(best[len(best) // 2]))
            i = j
        else:
            i += 1
    height = region.y1 - region.y0
    ruled = sorted(
        v.pos
        for v in page.vertical
        if x0 + 5 < v.pos < x1 - 5 and min(v.b, region.y1) - max(v.a, region.y0) >= 0.5 * height
    )
    if ruled:
        # inside a ruled column, a white gap is a column only when several lines have text on both sides
        # (justified text in a wide cell leaves gaps too, in a few heading lines)
        bounds = [x0, *ruled, x1]
        need = min(3, max(2, len(multi) // 3))
        kept = []
        for sep in seps:
            k = int(np.searchsorted(bounds, sep))
            lo, hi = bounds[max(0, k - 1)], bounds[min(len(bounds) - 1, k)]
            support = 0
            for ln in multi:
                left = any(lo <= ch[0].box.x0 and ch[-1].box.x1 <= sep for ch in ln.chunks)
                right = any(sep <= ch[0].box.x0 and ch[-1].box.x1 <= hi for ch in ln.chunks)
                support += left and right
            if support >= need:
                kept.append(sep)
        seps = kept + ruled
    seps.sort()
    merged: list[int] = []
    for s in seps:
        if merged and s - merged[-1] < min_gap:
            continue
        merged.append(s)
    return [x0 - 1, *merged, x1 + 1]


NUMERIC = re.compile(r"^[\s\d.,%()+\-–*/]+$")


def _text(ws: list[Word]) -> str:
    return " ".join(w.text for w in ws)


def _rule_between(page: Page, xa: int, xb: int, ya: int, yb: int) -> bool:
    """A horizontal rule between y ``ya`` and ``yb`` covering most of the span ``xa``..``xb``."""
    need = 0.6 * (xb - xa)
    return any(ya <= h.pos <= yb and min(h.b, xb) - max(h.a, xa) >= need for h in page.horizontal)


def _cells(region: Region, xs: list[int], page: Page, wrap_gap: float = 0.9) -> TableOut:
    n_cols = len(xs) - 1

    def col_of(x: float) -> int:
        return max(0, min(n_cols - 1, int(np.searchsorted(xs, x)) - 1))

    # each line: items (first col, last col, words)
    bands: list[list[tuple[int, int, list[Word]]]] = []
    for ln in region.lines:
        items: dict[tuple[int, int], list[Word]] = {}
        for ch in ln.chunks:
            # a chunk may still hold several columns' words when a gap was narrow: split at boundaries
            groups: list[list[Word]] = []
            for w in ch:
                if groups and (
                    col_of(w.box.cx) == col_of(groups[-1][-1].box.cx) or _spans(groups[-1], w, xs)
                ):
                    groups[-1].append(w)
                else:
                    groups.append([w])
            for g in groups:
                c0, c1 = col_of(g[0].box.x0 + 2), col_of(g[-1].box.x1 - 2)
                c0 = min(c0, col_of(g[0].box.cx))
                c1 = max(c1, col_of(g[-1].box.cx))
                key = (c0, c1)
                items.setdefault(key, []).extend(g)
        # overlapping column ranges in one line: fold into the wider one
        keys = sorted(items, key=lambda k: (k[0], -(k[1] - k[0])))
        folded: list[tuple[int, int, list[Word]]] = []
        for k in keys:
            if folded and k[0] <= folded[-1][1]:
                a, b, ws = folded[-1]
                folded[-1] = (a, max(b, k[1]), ws + items[k])
            else:
                folded.append((k[0], k[1], list(items[k])))
        bands.append(folded)

    lines = region.lines
    line_h = float(np.median([ln.h for ln in lines]))

    def between(i: int) -> tuple[int, int]:
        """Where a rule separating line i from line i+1 can lie (text may touch or cross a rule)."""
        a, b = lines[i], lines[i + 1]
        return (a.y0 + a.y1) // 2 + 2, (b.y0 + b.y1) // 2 - 2

    # ruled rows: most gaps between lines carry a rule
    gaps_ruled = [_rule_between(page, xs[0], xs[-1], *between(i)) for i in range(len(lines) - 1)]
    partly = [
        any(
            between(i)[0] <= h.pos <= between(i)[1] and min(h.b, xs[-1]) - max(h.a, xs[0]) > 0.25 * (xs[-1] - xs[0])
            for h in page.horizontal
        )
        for i in range(len(lines) - 1)
    ]  # fmt: skip
    row_ruled = len(lines) > 2 and sum(partly) >= 0.6 * (len(lines) - 1)
    first_col_used = sum(1 for b in bands if b and b[0][0] == 0) >= 0.5 * len(bands)
    # rules between body rows (not just under the heading and over a total): a line without a rule
    # above it is then a wrapped line of the row above, also in the first column
    has_rules = sum(gaps_ruled[1:-1]) >= 2

    def rule_in_col(i: int, c0: int, c1: int) -> bool:
        return _rule_between(page, xs[c0], xs[c1 + 1], *between(i))

    def continues(i: int) -> bool:
        """Line i+1 is the wrapped continuation of line i (unruled rows)."""
        if gaps_ruled[i]:
            return False
        if lines[i + 1].y0 - lines[i].y1 > wrap_gap * line_h:
            return False
        nxt, cur = bands[i + 1], bands[i]
        if not nxt or not cur:
            return False
        if first_col_used and nxt[0][0] == 0 and not has_rules:
            return False
        cur_cols = {c for a, b, _ in cur for c in range(a, b + 1)}
        if not {c for a, b, _ in nxt for c in range(a, b + 1)} <= cur_cols:
            return False
        return not any(NUMERIC.match(_text(ws)) for _, _, ws in nxt)

    # cell building: open cells per column, extended downwards when merging is allowed
    cells: list[CellOut] = []
    owner: dict[tuple[int, int], int] = {}  # (line, col) -> cell index
    for i, band in enumerate(bands):
        cont = i > 0 and not row_ruled and continues(i - 1)
        for a, b, ws in band:
            box = Box(min(w.box.x0 for w in ws), min(w.box.y0 for w in ws), max(w.box.x1 for w in ws),
                      max(w.box.y1 for w in ws))  # fmt: skip
            above = owner.get((i - 1, a)) if i > 0 else None
            merge = False
            if above is not None:
                cab = cells[above]
                same_cols = cab.col == a and cab.col + cab.col_span - 1 == b
                if row_ruled:
                    merge = same_cols and not rule_in_col(i - 1, a, b)
                else:
                    merge = same_cols and cont and not rule_in_col(i - 1, a, b)
            if merge and above is not None:
                cab = cells[above]
                cab.words.extend(ws)
                cab.box = Box(min(cab.box.x0, box.x0), min(cab.box.y0, box.y0), max(cab.box.x1, box.x1),
                              max(cab.box.y1, box.y1))  # fmt: skip
                cab.row_span = i - cab.row + 1
                for c in range(a, b + 1):
                    owner[(i, c)] = above
            else:
                cells.append(CellOut(i, a, 1, b - a + 1, box, list(ws)))
                for c in range(a, b + 1):
                    owner[(i, c)] = len(cells) - 1
        # empty places under a cell: the cell reaches down when the rows are ruled and no rule closes it
        if i > 0:
            for c in range(n_cols):
                if (i, c) in owner:
                    continue
                above = owner.get((i - 1, c))
                if above is None:
                    continue
                cab = cells[above]
                span = range(cab.col, cab.col + cab.col_span)
                if any((i, kk) in owner for kk in span):
                    continue
                if (row_ruled and not rule_in_col(i - 1, cab.col, cab.col + cab.col_span - 1)) or cont:
                    cab.row_span = i - cab.row + 1
                    for kk in span:
                        owner[(i, kk)] = above
    # rows: lines that only continue others collapse
    starts = sorted({cell.row for cell in cells})
    index = {r: n for n, r in enumerate(starts)}
    out_cells = []
    for cell in cells:
        last = max(r for r in starts if r <= cell.row + cell.row_span - 1)
        out_cells.append(
            CellOut(
                index[cell.row],
                cell.col,
                index[last] - index[cell.row] + 1,
                cell.col_span,
                cell.box,
                cell.words,
            )
        )
    box = Box(region.x0, region.y0, region.x1, region.y1)
    return TableOut(box, len(starts), n_cols, out_cells)


def _spans(group: list[Word], w: Word, xs: list[int]) -> bool:
    """``w`` continues a phrase across a column boundary (a heading over several columns): the space
    before it is a normal word space and the boundary is not a wide gap."""
    space = w.box.x0 - group[-1].box.x1
    return space < 0.6 * max(w.box.h, group[-1].box.h)


cell_text = reading_text


DASHES = {"-", "–", "—", "--", "=", "_", "~"}


def _junk(w: Word) -> bool:
    """Marks tesseract makes of rule remnants, specks and shading: no letter or digit, and unsure."""
    t = w.text.strip()
    if not t:
        return True
    if len(t) == 1 and t in "|!lI[]" and w.conf < 0.5:
        return True
    return not any(ch.isalnum() for ch in t) and t not in DASHES and not LONE_ZERO.match(t) and w.conf < 0.6


def find_tables(page: Page, words: list[Word], tuning: Tuning = TUNED) -> list[TableOut]:
    """Every table on the page, top to bottom."""
    words = [w for w in words if not _junk(w)]
    if not words:
        return []
    line_h = float(np.median([ln.h for ln in _lines(words)]))
    gap = max(18.0, tuning.chunk_gap * line_h)
    min_gap = max(10, int(tuning.column_gap * line_h))
    tables: list[TableOut] = []
    used: set[int] = set()
    for f in _table_frames(page, line_h):  # framed tables first: their words are theirs alone
        ws = [w for w in words if f.x0 <= w.box.cx <= f.x1 and f.y0 <= w.box.cy <= f.y1]
        if not ws:
            continue
        lines = _lines(ws)
        for ln in lines:
            _chunk(ln, page.vertical, gap=gap)
        t = _table(Region(lines, f.x0, f.x1, f.y0, f.y1), page, min_gap, min_rows=2, framed=True, tuning=tuning)
        if t is not None:
            tables.append(t)
            used.update(id(w) for w in ws)
    lines = _lines([w for w in words if id(w) not in used])
    for ln in lines:
        _chunk(ln, page.vertical, gap=gap)
    for region in _regions(page, lines, line_h, region_gap=tuning.region_gap):
        t = _table(
            region, page, min_gap, min_rows=3, framed=False, tuning=tuning
        )  # two lines of label and text: a note, a list
        if t is not None:
            tables.append(t)
    tables.sort(key=lambda t: (t.box.y0, t.box.x0))
    return tables


def _table(
    region: Region, page: Page, min_gap: int, *, min_rows: int, framed: bool, tuning: Tuning = TUNED
) -> TableOut | None:
    multi = [ln for ln in region.lines if len(ln.chunks) >= 2]
    if len(multi) < 2:
        return None
    sizes = sorted(len(ch) for ln in multi for ch in ln.chunks)
    if not framed and sizes[len(sizes) // 2] >= 5:
        return None  # long runs of words side by side: prose in columns or justified text, no table
    xs = _columns(region, page, min_gap, tuning.cover_allowance)
    if len(xs) < 3:
        return None
    t = _cells(region, xs, page, tuning.wrap_gap)
    if t.n_rows >= min_rows and t.n_cols >= 2 and len(t.cells) >= 6:
        return t
    return None


def recognise_page(page: Page, *, engine: OcrEngine) -> list[Word]:
    """One pass of the engine's text model over the whole page (rules and dust painted out)."""
    return engine.words(page.clean, psm=6)


DASH_ONLY = re.compile(r"^[-–—=_~]+$")


def _dash(text: str) -> str:
    """A cell holding only a dash (nothing to report) in whatever length the copy gave it: "-"."""
    return "-" if DASH_ONLY.match(text) else text


LONE_ZERO = re.compile(r"^(\(?[oO0]?\)|\([oO0]?\)?|[oO])$")


def _lone_zeros(texts: dict[int, str], t: TableOut) -> dict[int, str]:
    """A lone 0 in a column of figures comes out of tesseract as ")", "0)" or "O": read it as 0."""
    by_col: dict[int, list[int]] = {}
    for c in t.cells:
        by_col.setdefault(c.col, []).append(id(c))
    for ids in by_col.values():
        figures = sum(1 for i in ids if NUMERIC.match(texts[i]) and any(ch.isdigit() for ch in texts[i]))
        if figures >= 0.6 * len(ids):
            for i in ids:
                if LONE_ZERO.match(texts[i]):
                    texts[i] = "0"
    return texts


def structure_tables(page: Page, tables: list[TableOut]) -> list[dict[str, object]]:
    """``tables`` in table-structure/1 form, boxes in pixels of the image as given."""
    out: list[dict[str, object]] = []
    for t in tables:
        texts = _lone_zeros({id(c): _dash(cell_text(c.words)) for c in t.cells}, t)
        out.append(
            {
                "bbox": page.transform.box_to_original(t.box),
                "rows": t.n_rows,
                "cols": t.n_cols,
                "cells": [
                    {
                        "row": c.row,
                        "col": c.col,
                        "row_span": c.row_span,
                        "col_span": c.col_span,
                        "bbox": page.transform.box_to_original(c.box),
                        "text": texts[id(c)],
                        "confidence": round(min((w.conf for w in c.words), default=0.0), 2),
                    }
                    for c in sorted(t.cells, key=lambda c: (c.row, c.col))
                ],
            }
        )
    return out
