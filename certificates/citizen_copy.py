"""A citizen's copy of a payroll sheet: their own row, the header, the column headings and the totals;
everything else blacked out (allow-list), in the page's own geometry, checked by OCR before it is issued.

Plain functions, no web code:

    layout = page_layout(gray, dpi)              # once per page: deskew, table grid, row boundaries
    copy = redact(gray_or_bgr, layout, rows, egn)  # the kept polygons, the blacked image
    leak_check(copy, rows, egn, read=...)        # OCR the finished copy; CopyRefused when another
                                                 # person's ЕГН, name or pay figure can be read
    png_bytes(copy) / pdf_bytes(copy)            # image-only outputs

Geometry. The table is found on the deskewed page (``ocr.analysis.analyse``: the same deskew and grid
as extraction). Each boundary between two rows is then followed across the sheet by a seam: the
cheapest left-to-right path (one pixel up or down per column at most) through the gap between the
rows' text, drawn to the ruling where there is ruling. A seam bends with a warped sheet; its points
are mapped back through the recorded deskew transform, so the kept row is a polygon in the scan's
own coordinates that follows its skew and its bending. Ink that crosses a kept region's seam
(writing between rows, stamps across rows; a stroke across a rule counts as one piece) is not
positively the requester's and is blacked out whole, except a word on the requester's line of text
lying mostly in their row; where the seam runs along a rule, the kept side ends at the rule's middle.
A copy whose blacking would take ink off the requester's line of text is refused (CROSSES_ROW).

Leak check: a deny-list. The copy is refused when any valid ЕГН other than the requester's, or the
ЕГН, a name word or a pay figure of another row on the page, is read on it (matched loosely).
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import cv2
import numpy as np
from PIL import Image
from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from archive_core.config import Settings
from archive_core.egn import is_valid
from archive_core.errors import ArchiveError, ExtractionError
from ocr import lines, preprocess
from ocr.analysis import Analysis, analyse
from ocr.engine import OcrEngine
from scanner_drivers import intake

ROWS_MERGED = "rows merged"
ROW_NOT_FOUND = "row not found"
LEAK_CHECK_FAILED = "leak check failed"
NO_TABLE = "no table found"
CROSSES_ROW = "stamp/writing crosses the row"  # (copy_requests.reason holds 32 characters)
REASONS = (ROWS_MERGED, ROW_NOT_FOUND, LEAK_CHECK_FAILED, NO_TABLE, CROSSES_ROW)

BETWEEN_MARGIN = 13  # blacked around writing between rows: its faint, blurred edge too
SEAM_WINDOW = 0.45  # a seam is looked for this share of the row height either side of the grid line
OFF_LINE = (
    0.35  # a word whose middle is this share of the row's height off the row's centre line is between rows
)
SEAM_MIN_BLOB = 40  # ink smaller than this (dust, specks) does not steer a seam
SEAM_KEPT_REACH = 3  # ... on the kept side: own text is never this close to the seam between rows
SEAM_REACH = 6  # ink this close to a kept region's seam counts as crossing it (a rule's width and then some)
WORD_JOIN = (25, 5)  # (width, height) that joins letters of one word or figure, never two lines
X_PAD = 8  # pixels kept beyond the table's outer columns (the outer ruling); margins further out are blacked
WIDE_LINE = 0.5  # a text line covering this share of the table's width is a row or the headings
MAX_HEAD_LINES = 3  # wide lines above the first row: the headings (two at most seen) and one more
MERGED_FACTOR = 1.6  # a row band this many times the median row is two rows OCR could not separate
INK_COST = 50.0  # seam cost of crossing a text-ink pixel (dilated): a seam goes round ink where it can
NEAR_COST = 2.0  # seam cost of running close to text (see CLEARANCE)
CLEARANCE = 20.0  # pixels from text beyond which a seam runs at no extra cost
RULE_BONUS = 1.0  # seam reward for running along ruling
DRIFT_COST = 0.02  # seam cost per pixel of distance from the grid line (keeps it between the right rows)
# the middle of a one-line row's text line, as a share of the row's height either side: every word typed
# on the row crosses it, writing between rows never reaches it
LINE_STRIP = 0.06
WRAPPED_STRIP = 0.3  # the same for a row of two lines (a wrapped name): the middle of the row
OFF_LINE_MIN = 1000  # words smaller than this (dilated area: specks, a full stop) are not taken for writing
KEEP_SHARE = 0.8  # a word on the requester's line lying this much inside their row is theirs: kept whole
RULE_EDGE = 3  # pixels of a rule's blurred edge beyond its ink
RULE_GAP = 11  # a stroke cut by a rule taken out of the ink: the gap, the rule's width and then some
SPECK = 400  # a word smaller than this (dilated area; a dot of some 8 x 8 pixels) is a speck
SLIVER = 0.5  # a band thinner than this share of the median row, with no line of text, is no row
MAX_OWN_LOSS = 0.01  # share of the ink on the requester's line that blacking crossing writing may take
# ruling the page's rule finder (long level strokes) misses where a bent sheet tilts it: straight
# strokes this long at any of these angles (degrees), looked for near the grid lines only
SHORT_RULE = 41
SHORT_RULE_ANGLES = (-5.0, -3.5, -2.0, -1.0, 0.0, 1.0, 2.0, 3.5, 5.0)


NAME_SIMILAR = 88  # rapidfuzz ratio (0-100): a word read this close to another row's name is that name
OWN_EGN_SLACK = 2  # a 10-digit number this many digits from the requester's ЕГН is theirs, misread
MIN_FIGURE_DIGITS = 3  # figures with fewer significant digits (0.00, 5.00) are no one's in particular


class CopyRefused(ArchiveError):
    """No copy can be issued automatically; the request goes to the staff queue with ``reason``."""

    exit_code = 5

    def __init__(self, reason: str, detail: str) -> None:
        self.reason = reason
        self.detail = detail
        super().__init__(
            f"копието не може да се издаде автоматично ({reason}): {detail}; "
            "заявката е предадена на служител за ръчна подготовка"
        )


# --------------------------------------------------------------------------- geometry


def seam(cost: np.ndarray) -> np.ndarray:
    """The cheapest left-to-right path through ``cost`` (rows x columns) moving at most one row per
    column; returns its row index in every column."""
    h, w = cost.shape
    acc = cost[:, 0].astype(np.float64).copy()
    back = np.zeros((h, w), dtype=np.int8)
    for x in range(1, w):
        up = np.concatenate(([np.inf], acc[:-1]))
        down = np.concatenate((acc[1:], [np.inf]))
        choice = np.argmin(np.vstack([up, acc, down]), axis=0)  # 0: from y-1, 1: same, 2: from y+1
        acc = np.choose(choice, [up, acc, down]) + cost[:, x]
        back[:, x] = choice.astype(np.int8) - 1
    path = np.zeros(w, dtype=np.int64)
    path[-1] = int(np.argmin(acc))
    for x in range(w - 1, 0, -1):
        path[x - 1] = path[x] + back[path[x], x]
    return path


def band_polygon(top: np.ndarray, bottom: np.ndarray, x0: int, *, step: int = 8) -> np.ndarray:
    """The polygon between two seams (y per column from ``x0``): top edge left to right, bottom edge
    right to left, one vertex every ``step`` columns and at both ends."""
    w = len(top)
    idx = sorted(set(range(0, w, step)) | {w - 1})
    xs = np.array(idx) + x0
    upper = np.stack([xs, top[idx]], axis=1)
    lower = np.stack([xs[::-1], bottom[idx][::-1]], axis=1)
    return np.vstack([upper, lower]).astype(np.float64)


def map_points(points: np.ndarray, m: np.ndarray) -> np.ndarray:
    """Points (n x 2) through a 2x3 affine matrix."""
    pts = np.hstack([points, np.ones((len(points), 1))])
    return pts @ np.asarray(m, dtype=np.float64).T


@dataclass
class Layout:
    """One page's table in working (deskewed) coordinates, with every row boundary as a seam."""

    shape: tuple[int, int]  # working image (h, w)
    shift: np.ndarray  # per column from x0: the bend of the sheet (rows lower by this much)
    coverage: np.ndarray  # per line y (bend taken out): share of the table's width with text on it
    to_page: np.ndarray  # 2x3: working -> page as stored
    to_work: np.ndarray  # 2x3: page as stored -> working
    angle: float  # degrees the page was turned to straighten it
    x0: int  # columns the seams span: the table's width plus X_PAD
    x1: int
    seams: list[np.ndarray]  # seams[k]: y per column (x0..x1) of the grid line ys[k]
    ys: list[int]
    has_totals: bool
    labels: np.ndarray  # words: text ink (no ruling, no dust) joined along the line, working coordinates
    columns: np.ndarray  # bool: vertical ruling between columns (no one's data), working coordinates
    ink: np.ndarray | None = None  # text ink (255), no ruling, working coordinates
    hrules: np.ndarray | None = None  # bool: horizontal ruling, working coordinates

    @property
    def n_bands(self) -> int:
        return len(self.ys) - 1

    def band_of(self, y: float) -> int | None:
        for b in range(self.n_bands):
            if self.ys[b] <= y < self.ys[b + 1]:
                return b
        return None

    def wide_lines(self, y0: int, y1: int) -> int:
        """Text lines between y0 and y1 that run across most of the table (rows, headings), as
        opposed to the header's title, employer and period lines."""
        wide = self.coverage[max(0, y0) : max(0, y1)] >= WIDE_LINE
        runs, inside, gap = 0, False, 0
        for v in wide:
            if v and not inside:
                if gap >= 4 or runs == 0:
                    runs += 1
                inside, gap = True, 0
            elif not v:
                inside = False
                gap += 1
        return runs

    def band_lines(self, b: int) -> int:
        """Wide text lines in band ``b`` (bend taken out)."""
        top = int(np.median(self.seams[b] - self.shift))
        bottom = int(np.median(self.seams[b + 1] - self.shift))
        return self.wide_lines(top, bottom)

    def band_heights(self) -> list[int]:
        return [self.ys[b + 1] - self.ys[b] for b in range(self.n_bands)]

    def polygon(self, band: int) -> np.ndarray:
        """Band ``band`` (0 = headings) as a polygon in the page's own coordinates."""
        return map_points(band_polygon(self.seams[band], self.seams[band + 1], self.x0), self.to_page)


def page_layout(image: np.ndarray, dpi: int | None = None) -> Layout:
    """Deskew, find the table and follow every row boundary across the sheet."""
    a = analyse(preprocess.to_gray(image), dpi=dpi)
    return layout_of(a)


def _table_columns(ink: np.ndarray, ys: Sequence[int], left: int, right: int) -> tuple[int, int]:
    """The table's left and right edge: the grid's, widened to text that stands in the same place in
    many rows (an unruled sheet's row numbers the grid left out). Writing in one row's margin does not
    widen it."""
    n = len(ys) - 2  # body bands (heading excluded)
    if n < 2:
        return left, right
    count = np.zeros(ink.shape[1], dtype=np.int32)
    kernel = np.ones((1, 31), np.uint8)
    for b in range(1, len(ys) - 1):
        present = (ink[ys[b] : ys[b + 1]] > 0).any(axis=0).astype(np.uint8).reshape(1, -1)
        count += np.asarray(cv2.dilate(present, kernel)).reshape(-1).astype(np.int32)
    cols = np.nonzero(count >= max(2, int(0.5 * n)))[0]
    if cols.size == 0:
        return left, right
    return min(left, int(cols[0])), max(right, int(cols[-1]))


def bend(
    ink: np.ndarray, y0: int, y1: int, *, strip: int = 160, reach: int = 40, step: int = 6
) -> np.ndarray:
    """How far each column of the table stands below (+) or above (-) the table as a whole: a bent
    sheet moves its rows up and down across the page. Strips of the table are matched against the
    whole table's row profile, the middle strip first (within ``reach``: beyond half a row the rows
    repeat) and then strip by strip outwards, each within ``step`` of its neighbour (a sheet bends
    smoothly); twice, the second time against the profile of the strips put straight."""
    band = (ink[y0:y1] > 0).astype(np.float32)
    h, w = band.shape
    starts = list(range(0, max(1, w - strip + 1), strip // 2))
    profiles = [band[:, x : x + strip].sum(axis=1) for x in starts]
    pad = 4 * reach + 40
    shifts = np.zeros(len(starts), dtype=int)

    def best(ref: np.ndarray, q: np.ndarray, lo: int, hi: int) -> int:
        lo, hi = max(lo, -pad + 1), min(hi, pad - 1)
        scores = [float(np.dot(ref[pad - s : pad - s + h], q)) for s in range(lo, hi + 1)]
        return lo + int(np.argmax(scores))

    for _ in range(2):
        ref = np.zeros(h + 2 * pad, dtype=np.float32)
        for p, s in zip(profiles, shifts, strict=True):
            ref[pad - s : pad - s + h] += p
        ref -= ref.mean()
        qs = [p - p.mean() for p in profiles]
        mid = (
            int(np.argmax([float(np.abs(q).sum()) for q in qs[len(qs) // 4 : 3 * len(qs) // 4 + 1]]))
            + len(qs) // 4
        )
        shifts[mid] = best(ref, qs[mid], -reach, reach)
        for order in (range(mid + 1, len(qs)), range(mid - 1, -1, -1)):
            prev = shifts[mid]
            for i in order:
                shifts[i] = best(ref, qs[i], prev - step, prev + step) if qs[i].any() else prev
                prev = shifts[i]
    smooth = np.array([np.median(shifts[max(0, i - 2) : i + 3]) for i in range(len(shifts))])
    centres = np.array(starts) + strip / 2
    return np.interp(np.arange(w), centres, smooth)


def short_rules(binary: np.ndarray, near: np.ndarray) -> np.ndarray:
    """Bool mask of horizontal ruling in short straight pieces (SHORT_RULE long, tilted up to a few
    degrees): on a bent sheet a rule is no straight line across the page and the long-stroke finder
    misses it near the table's edges. Only within ``near`` (bool: around the grid lines)."""
    found = np.zeros(binary.shape, dtype=np.uint8)
    src = np.where(near, binary, 0).astype(np.uint8)
    for deg in SHORT_RULE_ANGLES:
        rise = np.tan(np.radians(deg)) * (SHORT_RULE - 1)
        kh = int(np.ceil(abs(rise))) + 1
        kernel = np.zeros((kh, SHORT_RULE), np.uint8)
        y_start, y_end = (0, kh - 1) if rise >= 0 else (kh - 1, 0)
        cv2.line(kernel, (0, y_start), (SHORT_RULE - 1, y_end), 1, 1)
        found = np.maximum(found, np.asarray(cv2.morphologyEx(src, cv2.MORPH_OPEN, kernel), dtype=np.uint8))
    return found > 0


def layout_of(a: Analysis) -> Layout:
    g = a.grid
    h, w = a.gray.shape
    left, right = _table_columns(a.blobs.at_least(60), g.ys, g.xs[0], g.xs[-1])
    x0, x1 = max(0, left - X_PAD), min(w, right + X_PAD + 1)
    binary = preprocess.binarize(a.gray)
    heights = [g.ys[k + 1] - g.ys[k] for k in range(g.n_rows)]
    # rows repeat every row height: a strip can be matched to its neighbour row beyond half of it
    reach = max(4, min(40, int(0.4 * float(np.median(heights[1:] or heights)))))
    shift = bend(binary[:, x0:x1], max(0, g.ys[0] - 20), min(h, g.ys[-1] + 20), reach=reach)
    # the windows the seams are looked for in (one per grid line, following the bend)
    windows: list[np.ndarray] = []
    near_grid = np.zeros((h, w), dtype=bool)
    xs = np.arange(x0, x1)
    for k, y in enumerate(g.ys):
        nh = [heights[j] for j in (k - 1, k) if 0 <= j < len(heights)]
        d = max(6, int(SEAM_WINDOW * min(nh))) + 4
        yy = np.clip(np.round(y + shift).astype(int)[None, :] - d + np.arange(2 * d + 1)[:, None], 0, h - 1)
        windows.append(yy)
        near_grid[yy, xs[None, :]] = True
    hrules = cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (111, 1)))
    found = short_rules(binary, near_grid)
    # short pieces only where the long-stroke finder found no rule near the grid line in that column,
    # or right at the rule it found (the rest of a tilted rule it caught a sliver of); a short piece
    # off a known rule is more likely a stamp's arc or a stroke of writing
    short = np.zeros((h, w), dtype=bool)
    for yy in windows:
        long_w = (hrules[yy, xs[None, :]] > 0).astype(np.uint8)
        missing: np.ndarray = ~np.any(long_w > 0, axis=0)
        at_rule = cv2.dilate(long_w, np.ones((2 * RULE_EDGE + 3, 1), np.uint8)) > 0
        sel = found[yy, xs[None, :]] & (missing[None, :] | at_rule)
        short[yy[sel], np.broadcast_to(xs, yy.shape)[sel]] = True
    short_wide = cv2.dilate(short.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    text_ink = np.where(short_wide, 0, a.blobs.at_least(SEAM_MIN_BLOB)).astype(np.uint8)
    text = cv2.dilate(text_ink, np.ones((5, 5), np.uint8))[:, x0:x1] > 0
    # closeness to text: 1 on the ink, falling to 0 at CLEARANCE pixels (a seam keeps to a gap's middle)
    away = cv2.distanceTransform(np.where(text, 0, 255).astype(np.uint8), cv2.DIST_L2, 5)
    near_text = np.clip(1.0 - away / CLEARANCE, 0.0, 1.0)
    rules = ((lines.find_rules(binary).mask > 0) | short)[:, x0:x1]
    cols = np.arange(x1 - x0)
    # how much of the table's width carries text, line by line, with the bend taken out
    rows_idx = np.clip(np.arange(h)[:, None] + np.round(shift).astype(int)[None, :], 0, h - 1)
    straight = a.ink[:, x0:x1][rows_idx, cols[None, :]]
    joined = cv2.dilate(straight, np.ones((1, 61), np.uint8))
    coverage = (joined > 0).mean(axis=1)
    seams: list[np.ndarray] = []
    for k, y in enumerate(g.ys):
        near = [heights[j] for j in (k - 1, k) if 0 <= j < len(heights)]
        d = max(6, int(SEAM_WINDOW * min(near)))
        # the search window follows the bend: row j of the window is y + shift - d + j in each column
        base = np.round(y + shift).astype(int) - d
        yy = np.clip(base[None, :] + np.arange(2 * d + 1)[:, None], 0, h - 1)
        dist = np.abs(np.arange(2 * d + 1) - d)[:, None] * DRIFT_COST
        cost = (
            INK_COST * text[yy, cols] + NEAR_COST * near_text[yy, cols] - RULE_BONUS * rules[yy, cols] + dist
        )
        seams.append(np.clip(base + seam(cost), 0, h - 1))
    back = np.asarray(a.transform.back, dtype=np.float64)
    # letters joined into words, so that a figure written across a rule is one piece on either side
    columns = cv2.dilate(
        cv2.morphologyEx(binary, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, 91))),
        np.ones((3, 3), np.uint8),
    )
    # (pieces of column rules the rule finder left in the ink would join a column's words top to bottom)
    # writing across a rule: the rule taken out of the ink cuts it in two; joined again where a stroke
    # runs on above and below the rule (never two rows' typed text, which does not touch the rules)
    across = cv2.morphologyEx(
        a.ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (1, RULE_GAP))
    )
    bridged = cv2.bitwise_or(a.ink, cv2.bitwise_and(across, cv2.dilate(hrules, np.ones((3, 3), np.uint8))))
    words = cv2.dilate(
        cv2.bitwise_and(bridged, cv2.bitwise_not(columns)),
        cv2.getStructuringElement(cv2.MORPH_RECT, WORD_JOIN),
    )
    _, labels = cv2.connectedComponents(words, connectivity=8)
    return Layout(
        shape=(h, w),
        shift=shift,
        coverage=coverage,
        to_page=back,
        to_work=cv2.invertAffineTransform(back),
        angle=a.angle,
        x0=x0,
        x1=x1,
        seams=seams,
        ys=list(g.ys),
        has_totals=g.has_totals,
        labels=labels,
        columns=columns > 0,
        ink=a.ink,
        hrules=(hrules > 0) | short,
    )


# --------------------------------------------------------------------------- rows of the page


@dataclass(frozen=True)
class PageRow:
    """What the engine needs of one row of the page (from the extraction or the records)."""

    egn: str | None
    name: str | None = None
    figures: tuple[str, ...] = ()  # money as normalised decimal strings ("245.60")
    bbox: Sequence[int] | None = None  # [x0, y0, x1, y1] in the page as stored

    @classmethod
    def from_json(cls, row: dict) -> PageRow:
        figures = tuple(
            str(row[k])
            for k in ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")
            if row.get(k) not in (None, "")
        )
        return cls(egn=row.get("egn"), name=row.get("name"), figures=figures, bbox=row.get("bbox"))


@dataclass
class CitizenCopy:
    image: np.ndarray  # the copy, same size and channels as the page
    keep: np.ndarray  # bool, page coordinates: True where the page shows through
    own: list[np.ndarray]  # the requester's row polygon(s), page coordinates
    kept: list[np.ndarray]  # every kept region's polygon (header, headings, totals, own rows)
    angle: float  # the page's skew, degrees
    to_page: np.ndarray  # 2x3: the deskewed working frame the seams were found in -> page
    dpi: int = 300
    read: list[str] = field(default_factory=list)  # what the leak check's OCR read
    own_rows: list[int] = field(default_factory=list)  # rows without ЕГН read on the requester's line


def _band_for_row(layout: Layout, bbox: Sequence[int] | None) -> int | None:
    if not bbox or len(bbox) < 4:
        return None
    cx, cy = (bbox[0] + bbox[2]) / 2, (bbox[1] + bbox[3]) / 2
    wx, wy = map_points(np.array([[cx, cy]]), layout.to_work)[0]
    col = int(np.clip(round(wx) - layout.x0, 0, len(layout.shift) - 1))
    return layout.band_of(float(wy - layout.shift[col]))


def _overlap_x(a: Sequence[int] | None, b: Sequence[int] | None) -> bool:
    """Two row boxes over the same columns (not two sheets side by side on one scan)."""
    if not a or not b:
        return False
    inter = min(a[2], b[2]) - max(a[0], b[0])
    return inter > 0.5 * min(a[2] - a[0], b[2] - b[0])


def plan(layout: Layout, rows: Sequence[PageRow], egn: str) -> tuple[list[int], int | None]:
    """(the requester's bands, the totals band) or CopyRefused with the reason."""
    if layout.n_bands < 2:
        raise CopyRefused(NO_TABLE, "на листа не е намерена таблица с редове")
    bands = [_band_for_row(layout, r.bbox) for r in rows]
    body = [h for b, h in enumerate(layout.band_heights()) if b > 0]
    median = float(np.median(body)) if body else 0.0
    tall = {
        b for b in range(1, layout.n_bands) if median and layout.band_heights()[b] > MERGED_FACTOR * median
    }
    own = [b for r, b in zip(rows, bands, strict=True) if r.egn == egn]

    def shared(i: int) -> bool:  # another row read in the same band, over the same columns
        return any(
            j != i and bands[j] == bands[i] and _overlap_x(rows[i].bbox, rows[j].bbox)
            for j in range(len(rows))
        )

    if not own:
        if tall or any(b is not None and shared(i) for i, b in enumerate(bands)):
            raise CopyRefused(
                ROWS_MERGED, f"ред с ЕГН {egn} не е разчетен; разпознаването е слело редове на листа"
            )
        raise CopyRefused(ROW_NOT_FOUND, f"на листа няма разчетен ред с ЕГН {egn}")
    if any(b is None or b == 0 for b in own):
        raise CopyRefused(ROW_NOT_FOUND, f"редът с ЕГН {egn} не е намерен в таблицата на листа")
    own_bands = sorted({b for b in own if b is not None})
    for b in own_bands:
        others = [i for i, r in enumerate(rows) if bands[i] == b and r.egn == egn and shared(i)]
        if b in tall or others:
            raise CopyRefused(ROWS_MERGED, f"редът с ЕГН {egn} е слят с друг ред в таблицата")
    # the header is kept whole: it must hold the title lines and the headings only, not rows the
    # table finder missed (the grid starting lower down the table than the table does)
    head_lines = layout.wide_lines(0, int(np.median(layout.seams[1] - layout.shift)))
    if head_lines > MAX_HEAD_LINES:
        raise CopyRefused(
            NO_TABLE, f"над първия разпознат ред има {head_lines} реда текст през цялата таблица"
        )
    for b in own_bands:
        if layout.band_lines(b) > max_lines(layout):
            raise CopyRefused(ROWS_MERGED, f"редът с ЕГН {egn} съдържа повече редове текст от другите")
    totals = layout.n_bands - 1 if layout.has_totals else None
    if totals is not None and (totals in bands or totals == 0):
        totals = None  # the last band holds a person: no totals row was found
    if totals is not None and layout.band_lines(totals) > 1:
        totals = None  # more than the totals line: not kept
    return own_bands, totals


def slivers(layout: Layout, own_bands: Sequence[int]) -> list[int]:
    """Bands next to the requester's that are too thin to be a row and carry no line of text: a grid line
    the table finder put between a row's text and its rule (writing in the margin can do that). They
    are the rest of the requester's row up to its rule; whatever is written in them is blacked."""
    heights = layout.band_heights()
    body = [hb for b, hb in enumerate(heights) if b > 0]
    if not body:
        return []
    median = float(np.median(body))
    found: list[int] = []
    for b in own_bands:
        for nb, shared, far in ((b - 1, b, b - 1), (b + 1, b + 1, b + 2)):
            if (
                0 < nb < layout.n_bands
                and nb not in own_bands
                and heights[nb] < SLIVER * median
                and layout.band_lines(nb) == 0
                and on_rule(layout, far) >= 0.5 > on_rule(layout, shared)
            ):
                found.append(nb)
    return sorted(set(found))


def on_rule(layout: Layout, k: int) -> float:
    """Share of seam ``k``'s columns that run along a horizontal rule (within its blurred edge)."""
    if layout.hrules is None:
        return 0.0
    h = layout.shape[0]
    reach = RULE_EDGE + 1
    cols = np.arange(layout.x0, layout.x1)
    yy = np.clip(layout.seams[k][None, :] + np.arange(-reach, reach + 1)[:, None], 0, h - 1)
    return float(layout.hrules[yy, cols[None, :]].any(axis=0).mean())


def _words_in(layout: Layout, b: int) -> set[int]:
    """Words (not specks) lying mostly in band ``b``."""
    top, bottom = layout.seams[b], layout.seams[b + 1]
    y0, y1 = int(top.min()), int(bottom.max()) + 1
    lab = layout.labels[y0:y1, layout.x0 : layout.x1]
    inside = (np.arange(y0, y1)[:, None] >= top[None, :]) & (np.arange(y0, y1)[:, None] < bottom[None, :])
    n = int(layout.labels.max()) + 1
    count = np.bincount(lab[inside], minlength=n)
    whole = _areas(layout)
    mostly = (count * 2 >= whole) & (whole >= OFF_LINE_MIN)
    mostly[0] = False
    return {int(i) for i in np.nonzero(mostly)[0]}


def max_lines(layout: Layout) -> int:
    """Most text lines a single person's row has on this sheet (wrapped names: two)."""
    counts = [layout.band_lines(b) for b in range(1, layout.n_bands)]
    return max(1, int(np.median(counts))) if counts else 1


def band_line(layout: Layout, b: int) -> tuple[float, int]:
    """Band ``b``'s line of text (bend taken out: add ``layout.shift`` per column) and its height:
    where the band's text covers the table's width most."""
    top, bottom = layout.seams[b], layout.seams[b + 1]
    s0, s1 = int(np.median(top - layout.shift)), int(np.median(bottom - layout.shift))
    weights = layout.coverage[s0:s1] ** 2
    line = (
        float(np.average(np.arange(s0, s1), weights=weights))
        if s1 > s0 and weights.sum() > 0
        else (s0 + s1) / 2
    )
    return line, max(1, s1 - s0)


def line_strip(layout: Layout, b: int) -> np.ndarray:
    """Mask (working coordinates) of the middle of band ``b``'s text line, following the bend: every word
    typed on the row crosses it; writing between rows stays above or below it. A row of two lines (a
    wrapped name) gets its middle part instead."""
    line, height = band_line(layout, b)
    half = (LINE_STRIP if layout.band_lines(b) <= 1 else WRAPPED_STRIP) * height
    half = max(3.0, half)
    xs = np.arange(layout.x0, layout.x1)
    mid = line + layout.shift
    upper = np.stack([xs, np.round(mid - half)], axis=1)
    lower = np.stack([xs[::-1], np.round(mid + half)[::-1]], axis=1)
    strip = np.zeros(layout.shape, dtype=np.uint8)
    cv2.fillPoly(strip, [np.vstack([upper, lower]).astype(np.int32)], 255)
    band = np.zeros(layout.shape, dtype=np.uint8)
    cv2.fillPoly(band, [band_polygon(layout.seams[b], layout.seams[b + 1], layout.x0).astype(np.int32)], 255)
    return (strip > 0) & (band > 0)


def off_line(layout: Layout, b: int) -> set[int]:
    """Words lying in band ``b`` (most of each) that stand off its line of text: writing between rows
    that the seams went round. In a one-line row: words that do not reach the middle of the line; in a
    row of two lines: words whose middle is nearer the band's edge than its centre line. Specks (smaller
    than OFF_LINE_MIN) are no one's writing and stay."""
    top, bottom = layout.seams[b], layout.seams[b + 1]
    y0, y1 = int(top.min()), int(bottom.max()) + 1
    x0, x1 = layout.x0, layout.x1
    lab = layout.labels[y0:y1, x0:x1]
    inside = (np.arange(y0, y1)[:, None] >= top[None, :]) & (np.arange(y0, y1)[:, None] < bottom[None, :])
    ids = lab[inside]
    if ids.size == 0:
        return set()
    n = int(layout.labels.max()) + 1
    count = np.bincount(ids, minlength=n)
    whole = _areas(layout)
    mostly = (count * 2 >= whole) & (whole >= OFF_LINE_MIN)
    mostly[0] = False
    if layout.band_lines(b) <= 1:
        on = np.bincount(layout.labels[line_strip(layout, b)], minlength=n) > 0
        return {int(i) for i in np.nonzero(mostly & ~on)[0]}
    yy, xx = np.nonzero(inside)
    cy = np.bincount(ids, weights=yy + y0, minlength=n)
    cx = np.bincount(ids, weights=xx, minlength=n)
    line, height = band_line(layout, b)
    found: set[int] = set()
    for i in np.nonzero(mostly)[0]:
        x = int(cx[i] / count[i])
        if abs(cy[i] / count[i] - (line + layout.shift[x])) > OFF_LINE * height:
            found.add(int(i))
    return found


def _areas(layout: Layout) -> np.ndarray:
    """Pixels of every word (label) of the page."""
    return np.bincount(layout.labels.ravel(), minlength=int(layout.labels.max()) + 1)


def _words_mask(layout: Layout, ids: set[int], margin: int) -> np.ndarray:
    if not ids:
        return np.zeros(layout.shape, dtype=bool)
    lut = np.zeros(int(layout.labels.max()) + 1, dtype=np.uint8)
    lut[list(ids)] = 255
    return np.asarray(cv2.dilate(lut[layout.labels], np.ones((margin, margin), np.uint8))) > 0


def _cut_at_rule(keep: np.ndarray, layout: Layout, k: int, *, kept_below: bool) -> None:
    """Where seam ``k`` runs along a rule, the kept side ends at the rule's middle: the half of the rule
    and its blurred edge on the kept side shown, the other half blacked (the seam may run along
    either edge of a rule, and a rule's blurred edge reaches into the rows on both sides)."""
    assert layout.hrules is not None
    h = layout.shape[0]
    reach = SEAM_REACH + RULE_EDGE
    cols = np.broadcast_to(np.arange(layout.x0, layout.x1), (2 * reach + 1, layout.x1 - layout.x0))
    yy = np.clip(layout.seams[k][None, :] + np.arange(-reach, reach + 1)[:, None], 0, h - 1)
    on = layout.hrules[yy, cols]
    count = on.sum(axis=0)
    centre = (on * yy).sum(axis=0) / np.maximum(count, 1)
    edge = cv2.dilate(on.astype(np.uint8), np.ones((2 * RULE_EDGE + 1, 1), np.uint8)) > 0
    zone = edge & (count > 0)[None, :]
    far = yy < centre[None, :] if kept_below else yy > centre[None, :]
    keep[yy[zone & far], cols[zone & far]] = 0
    keep[yy[zone & ~far], cols[zone & ~far]] = 255


def redact(
    image: np.ndarray, layout: Layout, rows: Sequence[PageRow], egn: str, *, dpi: int = 300
) -> CitizenCopy:
    """The page with everything blacked out except the header, the headings, the totals row and the
    requester's row(s); CopyRefused when that cannot be done safely.

    Writing that crosses a kept region's edge (the seam between a kept row and one that is not, or the
    table's left or right edge) is not positively the requester's and is blacked out whole, the part
    on their side too; so is writing standing off the kept row's line of text. Except: a word on the
    requester's line of text that lies mostly (KEEP_SHARE) in their row is theirs, cut by a seam that
    found no gap, and is kept whole. When the blacking takes ink off the requester's line of text
    (a stamp or writing joined to their typed text), the copy is refused (CROSSES_ROW): the requester
    would get less than their own row."""
    own_bands, totals = plan(layout, rows, egn)
    h, w = layout.shape
    keep = np.zeros((h, w), dtype=np.uint8)
    x0, x1 = layout.x0, layout.x1
    # header (above the table) and the column headings: everything above the first row's top seam
    head = np.vstack(
        [[[x0, 0]], np.stack([np.arange(x0, x1), layout.seams[1]], axis=1), [[x1 - 1, 0]]]
    ).astype(np.int32)
    cv2.fillPoly(keep, [head], 255)
    if x0 > 0 or x1 < w:  # the header spans the sheet: keep above the table's top seam across the width
        top = int(np.min(layout.seams[0]))
        keep[:top, :] = 255
    extra = slivers(layout, own_bands)
    kept_bands = [*own_bands, *extra, *([totals] if totals is not None else [])]
    own_mask = np.zeros((h, w), dtype=np.uint8)
    for b in kept_bands:
        poly = band_polygon(layout.seams[b], layout.seams[b + 1], x0).astype(np.int32)
        cv2.fillPoly(keep, [poly], 255)
        if b in own_bands or b in extra:
            cv2.fillPoly(own_mask, [poly], 255)
    # ink crossing a kept region's edge is between rows (corrections, stamps) or in the margin
    crossing: set[int] = set()
    shown = {0, *kept_bands}  # the headings band and the kept rows; seam k lies between band k-1 and k
    edges = [k for k in range(1, layout.n_bands + 1) if ((k - 1) in shown) != (k in shown)]
    for k in edges:  # only where a kept band meets one that is not
        ys = layout.seams[k]
        # writing on the far side reaching the seam, or on the kept side touching it (ruling taken out
        # of the ink splits writing across a rule into two pieces, each a few pixels off the seam)
        reach = (
            range(-SEAM_REACH, SEAM_KEPT_REACH + 1) if k in shown else range(-SEAM_KEPT_REACH, SEAM_REACH + 1)
        )
        for dy in reach:
            yy = np.clip(ys + dy, 0, h - 1)
            crossing.update(int(v) for v in np.unique(layout.labels[yy, np.arange(x0, x1)]))
    for b in kept_bands:
        # writing that runs out over the table's left or right edge is a margin note
        top, bottom = int(layout.seams[b].min()), int(layout.seams[b + 1].max())
        for x in (x0, x1 - 1):
            side = layout.labels[top:bottom, max(0, x - SEAM_KEPT_REACH) : x + SEAM_KEPT_REACH + 1]
            crossing.update(int(v) for v in np.unique(side))
    crossing.discard(0)
    if layout.hrules is not None:
        for k in edges:
            _cut_at_rule(keep, layout, k, kept_below=k in shown)
    strip = np.zeros((h, w), dtype=bool)
    for b in own_bands:
        strip |= line_strip(layout, b)
    n = int(layout.labels.max()) + 1
    on_line = np.bincount(layout.labels[strip], minlength=n) > 0
    inside = np.bincount(layout.labels[own_mask > 0], minlength=n)
    whole = _areas(layout)
    theirs = {i for i in crossing if on_line[i] and inside[i] >= KEEP_SHARE * whole[i]}
    # a speck on the requester's side of the seam is no one's writing: blacking it (with the margin
    # writing gets) would take the edge of their rule and text with it
    specks = {i for i in crossing if whole[i] < SPECK and inside[i] * 2 >= whole[i]}
    blacked = crossing - theirs - specks
    for b in kept_bands:
        blacked |= _words_in(layout, b) if b in extra else off_line(layout, b)
    blacked.discard(0)
    if theirs:  # the requester's words cut by a seam: kept whole, with their faint edge
        keep[_words_mask(layout, theirs, 5)] = 255
    if blacked:
        between = _words_mask(layout, blacked, BETWEEN_MARGIN) & ~layout.columns
        own_ink = strip & (layout.ink > 0) if layout.ink is not None else strip
        total = int(np.count_nonzero(own_ink))
        lost = int(np.count_nonzero(own_ink & between))
        if total and lost > MAX_OWN_LOSS * total:
            raise CopyRefused(
                CROSSES_ROW,
                f"печат или писане пресича реда с ЕГН {egn} и би закрило {lost / total:.0%} от текста му",
            )
        keep[between] = 0  # a column rule beside the writing stays: no one's data
    page_h, page_w = image.shape[:2]
    keep_page = cv2.warpAffine(
        keep, layout.to_work, (page_w, page_h), flags=cv2.INTER_NEAREST | cv2.WARP_INVERSE_MAP, borderValue=0
    )
    keep_mask: np.ndarray = np.asarray(cv2.erode(keep_page, np.ones((3, 3), np.uint8))) > 0
    out = image.copy()
    out[~keep_mask] = 0
    polys = [layout.polygon(b) for b in own_bands]
    kept = [
        map_points(head.astype(np.float64), layout.to_page),
        *polys,
        *([layout.polygon(totals)] if totals is not None else []),
    ]
    beside = [
        i
        for i, r in enumerate(rows)
        if r.egn is None and r.bbox and _band_for_row(layout, r.bbox) in own_bands
    ]
    return CitizenCopy(out, keep_mask, polys, kept, layout.angle, layout.to_page, dpi, own_rows=beside)


# --------------------------------------------------------------------------- the leak check

OcrFn = Callable[[np.ndarray], list[str]]
_WORD = re.compile(r"[^\w.,]+", re.UNICODE)


def engine_reader(engine: OcrEngine) -> OcrFn:
    """Words the program's OCR engine reads on an image (its text model, from Settings.ocr_lang): one
    sparse-text pass and one digits-only pass, so that a figure or an ЕГН in any corner is found."""

    def read(img: np.ndarray) -> list[str]:
        found = [w.text for w in engine.words(img, psm=11)]
        found += [w.text for w in engine.words(img, psm=11, whitelist="0123456789.,")]
        return found

    return read


def _regions(copy: CitizenCopy) -> list[tuple[bool, np.ndarray]]:
    """The kept parts of the copy, each cut to its box (True: the requester's row), with the blacked-out area turned to paper
    (black carries nothing to read and only confuses the OCR)."""
    gray = preprocess.to_gray(copy.image)
    shown: np.ndarray = np.where(copy.keep, gray, np.uint8(255)).astype(np.uint8)
    keep: np.ndarray = copy.keep.astype(np.uint8)
    if abs(copy.angle) > 0.05:  # read it straightened, as the OCR reads best (a skewed copy reads worse)
        h, w = shown.shape
        to_work = cv2.invertAffineTransform(copy.to_page)
        shown = cv2.warpAffine(shown, to_work, (w, h), flags=cv2.INTER_LINEAR, borderValue=255)
        keep = cv2.warpAffine(keep, to_work, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
    n, _, stats, _ = cv2.connectedComponentsWithStats(keep, connectivity=8)
    crops: list[tuple[bool, np.ndarray]] = []
    for i in range(1, n):
        x, y, w, h, area = stats[i]
        if area < 400 or h < 12:
            continue
        crops.append((False, shown[y : y + h, x : x + w]))
    for poly in copy.own:  # the requester's row once more on its own: every figure on it is checked
        pts = map_points(poly, cv2.invertAffineTransform(copy.to_page)) if abs(copy.angle) > 0.05 else poly
        x0, y0 = (max(0, int(v)) for v in np.floor(pts.min(axis=0)))
        x1, y1 = (int(v) for v in np.ceil(pts.max(axis=0)))
        if x1 - x0 > 20 and y1 - y0 > 12:
            crops.append((True, shown[y0:y1, x0:x1]))
    return crops


def _tokens(text: str | None) -> set[str]:
    return {t.casefold() for t in re.split(r"[^\w]+", text or "") if len(t) >= 4 and not t.isdigit()}


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


def _close_figure(a: str, b: str) -> bool:
    """Two figures' digits equal, or one character apart when they are long enough to be told apart."""
    return a == b or (min(len(a), len(b)) >= 5 and Levenshtein.distance(a, b) <= 1)


def find_leaks(
    words: Sequence[str],
    rows: Sequence[PageRow],
    egn: str,
    *,
    header: str | None = None,
    also_own: Sequence[int] = (),
) -> list[str]:
    """What of other people ``words`` (OCR of a copy) shows, each finding as a short line for staff: a
    deny-list of what the copy must not show. Any valid ЕГН that is not the requester's, and the ЕГН,
    name words and pay figures of every other row on the page (as the extraction read them), matched
    loosely (OCR misreads a character or two). A word that fits the requester's own row as well as
    another's is taken for theirs. ``also_own``: rows without an ЕГН on the requester's line."""
    mine = {i for i, r in enumerate(rows) if r.egn == egn} | set(also_own)
    own_rows = [rows[i] for i in sorted(mine)]
    others = [(i, r) for i, r in enumerate(rows) if i not in mine]
    own_names = set().union(*(_tokens(r.name) for r in own_rows)) | _tokens(header)
    own_figures = {_digits(f) for r in own_rows for f in r.figures}
    cleaned = [_WORD.sub("", w).strip(".,") for w in words]
    joined = "".join(ch for w in words for ch in w if ch.isdigit())
    read_names = {t.casefold() for t in cleaned if len(t) >= 4 and not any(ch.isdigit() for ch in t)}
    read_figures = {
        _digits(t) for t in cleaned if re.fullmatch(r"\d[\d ]*[.,]\d{1,2}", t) and len(_digits(t)) >= 3
    }
    # a figure read that fits one of the requester's (or a total) is theirs, even if another row has it close
    read_figures = {f for f in read_figures if not any(_close_figure(f, o) for o in own_figures)}
    findings: list[str] = []
    for tok in cleaned:
        if re.fullmatch(r"\d{10}", tok) and is_valid(tok) and Levenshtein.distance(tok, egn) > OWN_EGN_SLACK:
            findings.append("ЕГН, което не е на заявителя")
            break
    for i, r in others:
        if (
            r.egn
            and r.egn != egn
            and (
                r.egn in joined
                or any(
                    len(t) == 10 and Levenshtein.distance(t, r.egn) <= 1 < Levenshtein.distance(t, egn)
                    for t in cleaned
                )
            )
        ):
            findings.append(f"ЕГН от ред {i + 1}")
        names = {n for n in _tokens(r.name) if not any(fuzz.ratio(n, o) >= NAME_SIMILAR for o in own_names)}
        if any(fuzz.ratio(n, t) >= NAME_SIMILAR for n in names for t in read_names):
            findings.append(f"име от ред {i + 1}")
        figures = {
            d for d in (_digits(f) for f in r.figures) if len(d.lstrip("0")) >= MIN_FIGURE_DIGITS
        } - own_figures
        if any(_close_figure(f, g) for f in figures for g in read_figures):
            findings.append(f"сума от ред {i + 1}")
    return sorted(set(findings))


def leak_check(
    copy: CitizenCopy,
    rows: Sequence[PageRow],
    egn: str,
    *,
    read: OcrFn,
    totals: Sequence[str] = (),
    header: str | None = None,
    cache: dict[bytes, list[str]] | None = None,
) -> None:
    """OCR the finished copy; CopyRefused (leak check failed) when any ЕГН other than the requester's,
    or any name or pay figure of another row, can be read. ``totals``: the page's totals (a figure
    that is also a total may show). ``cache``: OCR of identical regions (the header of one page) reused."""
    words: list[str] = []
    for _, crop in _regions(copy):
        key = crop.tobytes()[::97] + bytes(str(crop.shape), "ascii")
        got = cache.get(key) if cache is not None else None
        if got is None:
            got = read(crop)
            if cache is not None:
                cache[key] = got
        words += got
    copy.read = words
    total_rows = [PageRow(egn=egn, figures=tuple(totals))]
    findings = find_leaks(words, [*rows, *total_rows], egn, header=header, also_own=copy.own_rows)
    if findings:
        raise CopyRefused(LEAK_CHECK_FAILED, "в копието се чете: " + ", ".join(findings))


# --------------------------------------------------------------------------- outputs


def _pil(copy: CitizenCopy) -> Image.Image:
    img = copy.image
    if img.ndim == 2:
        return Image.fromarray(img, mode="L")
    return Image.fromarray(cv2.cvtColor(img, cv2.COLOR_BGR2RGB), mode="RGB")


def png_bytes(copy: CitizenCopy) -> bytes:
    """The copy as PNG: pixels only (the resolution, nothing else)."""
    out = io.BytesIO()
    _pil(copy).save(out, format="PNG", dpi=(copy.dpi, copy.dpi), compress_level=6)
    return out.getvalue()


def pdf_bytes(copy: CitizenCopy) -> bytes:
    """The copy as a one-page PDF holding the redacted image only: no text layer, no document
    information (no title, author, dates), nothing of the original but the kept pixels."""
    out = io.BytesIO()
    _pil(copy).save(
        out, format="PDF", resolution=float(copy.dpi), creationDate=None, modDate=None, quality=92
    )
    return out.getvalue()


MAX_PIXELS = Settings.model_fields["max_pixels"].default  # the intake's own limit


def decode_page(data: bytes) -> tuple[np.ndarray, int]:
    """A stored original as an array (grey or BGR) and its resolution (300 when not recorded)."""
    name = "оригиналът на страницата"
    with intake.open_header(data, name=name, max_pixels=MAX_PIXELS) as im:
        dpi = intake.image_dpi(im) or 300
    return np.ascontiguousarray(intake.decode_image(data, name=name)), dpi


def make_copy(
    image: np.ndarray,
    rows: Sequence[PageRow],
    egn: str,
    *,
    read: OcrFn,
    dpi: int = 300,
    totals: Sequence[str] = (),
    header: str | None = None,
    layout: Layout | None = None,
    cache: dict[bytes, list[str]] | None = None,
) -> CitizenCopy:
    """Redact and check: the copy to issue, or CopyRefused with the reason for the staff queue."""
    if layout is None:
        try:
            layout = page_layout(image, dpi)
        except ExtractionError as e:
            raise CopyRefused(NO_TABLE, str(e)) from e
    copy = redact(image, layout, rows, egn, dpi=dpi)
    leak_check(copy, rows, egn, read=read, totals=totals, header=header, cache=cache)
    return copy
