"""Preprocessing: grayscale, orientation, deskew, binarisation, speck removal (OpenCV)."""

from __future__ import annotations

from collections.abc import Callable

import cv2
import numpy as np

from archive_core.errors import ExtractionError


def to_gray(image: np.ndarray) -> np.ndarray:
    if image.ndim == 2:
        return image
    if image.ndim == 3 and image.shape[2] == 4:
        return cv2.cvtColor(image, cv2.COLOR_BGRA2GRAY)
    if image.ndim == 3 and image.shape[2] == 3:
        return cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    raise ExtractionError(f"неочакван формат на изображението: {image.shape}")


NEGATIVE_SPREAD = 1.5  # the light tail this many times longer than the dark one: the writing is the light


def negative(gray: np.ndarray) -> bool:
    """A negative print (family R: a microfilm reader-printer's, the writing white on black): the page's
    commonest grey is dark and its writing lies in the light tail, far beyond the paper, where a positive's
    lies in the dark tail (a dark positive scan's paper is still its lightest grey)."""
    small = gray[::4, ::4]
    lo, mid, hi = (float(v) for v in np.percentile(small, (0.5, 50, 99.5)))
    return mid < 128 and hi - mid > NEGATIVE_SPREAD * max(1.0, mid - lo)


def binarize(gray: np.ndarray, *, block: int = 41, c: int = 12) -> np.ndarray:
    """Ink = 255, paper = 0. Local threshold copes with uneven light and faded ink."""
    smooth = cv2.GaussianBlur(gray, (3, 3), 0)
    return cv2.adaptiveThreshold(smooth, 255, cv2.ADAPTIVE_THRESH_MEAN_C, cv2.THRESH_BINARY_INV, block | 1, c)


def components(binary: np.ndarray) -> tuple[int, np.ndarray, np.ndarray, np.ndarray]:
    """8-connected components with their stats (``cv2.connectedComponentsWithStats``), labelled by
    Grana's block-based algorithm: the same labels in the same order as OpenCV's default, in 40 % of
    its time on a page (OpenCV 5, one thread). The labels are 16-bit while a page has fewer than 65536
    blots (the same labels; half the memory to write and to read in every lookup by label, and an image
    small enough for the allocator to reuse instead of mapping and faulting in 35 MB per call: a third
    of the time on a page), 32-bit otherwise."""
    try:
        n, labels, stats, centroids = cv2.connectedComponentsWithStatsWithAlgorithm(
            binary, 8, cv2.CV_16U, cv2.CCL_GRANA
        )
    except cv2.error:  # more than 65535 blots
        n, labels, stats, centroids = cv2.connectedComponentsWithStatsWithAlgorithm(
            binary, 8, cv2.CV_32S, cv2.CCL_GRANA
        )
    return n, labels, stats, centroids


def remove_specks(binary: np.ndarray, min_area: int) -> np.ndarray:
    """Drop connected components smaller than ``min_area`` pixels (dust, noise, speckles)."""
    n, labels, stats, _ = components(binary)
    keep = np.zeros(n, dtype=np.uint8)
    keep[1:] = (stats[1:, cv2.CC_STAT_AREA] >= min_area).astype(np.uint8) * 255
    return keep[labels]


def _profile_score(small: np.ndarray, angle: float) -> float:
    h, w = small.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    rot = cv2.warpAffine(small, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
    prof = cv2.reduce(rot, 1, cv2.REDUCE_SUM, dtype=cv2.CV_32S).ravel().astype(np.float64)  # = sum(axis=1)
    return float(np.var(prof))


def estimate_skew(binary: np.ndarray, *, max_angle: float = 3.0) -> float:
    """Skew in degrees (positive = counter-clockwise), by the sharpest horizontal projection profile."""
    small = cv2.resize(binary, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    small = (small > 40).astype(np.uint8)
    best = 0.0
    best_score = -1.0
    for a in np.arange(-max_angle, max_angle + 1e-6, 0.25):
        s = _profile_score(small, float(a))
        if s > best_score:
            best, best_score = float(a), s
    centre = best
    for a in np.arange(centre - 0.2, centre + 0.2 + 1e-6, 0.05):
        s = _profile_score(small, float(a))
        if s > best_score:
            best, best_score = float(a), s
    return best


def rotate(image: np.ndarray, angle: float, border: int) -> tuple[np.ndarray, np.ndarray]:
    """Rotate about the centre keeping the size; returns the image and the forward 2x3 matrix."""
    h, w = image.shape[:2]
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    out = cv2.warpAffine(image, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)
    return out, m


def deskew(gray: np.ndarray) -> tuple[np.ndarray, np.ndarray, float, np.ndarray]:
    """Binarise, measure the skew and turn the page straight. Returns the straightened grayscale, its
    binary, the angle and the 3x3 matrix mapping straightened coordinates back to the input's."""
    binary = binarize(gray)
    angle = estimate_skew(binary)
    back = np.eye(3)
    if abs(angle) > 0.05:
        border = int(np.median(gray[:40, :40]))
        gray, fwd = rotate(gray, angle, border)
        binary = binarize(gray)
        back = np.vstack([invert_affine(fwd), [0, 0, 1]])
    return gray, binary, angle, back


def invert_affine(m: np.ndarray) -> np.ndarray:
    return cv2.invertAffineTransform(m)


AREA_CAP = int(np.iinfo(np.uint16).max)  # blot areas kept per pixel up to this (``Blobs.pixel_area``)
TYPE_SIZED, NOT_STROKE = 1, 2  # bits of a blot's code (``Blobs._code``)
STROKE_FILL = 0.3  # a blot this sparse in its box, and long, is a pen's line (typed words fill 0.4 or more)


class Blobs:
    """Connected components of the text ink, labelled once per page; every mask by size is then a
    table lookup instead of another labelling pass over 9 million pixels."""

    def __init__(self, binary: np.ndarray, gray: np.ndarray | None = None) -> None:
        self.n, self.labels, self.stats, _ = components(binary)
        self._char_h: int | None = None
        self._typed_code: np.ndarray | None = None
        self.area = self.stats[:, cv2.CC_STAT_AREA]
        # the pixels of some blot (a few per cent of a page) and their labels: a lookup by label is then
        # made on those alone, paper filled at once (``by_label``)
        self._ink = np.flatnonzero(binary.reshape(-1) > 0)
        self._ink_labels = self.labels.reshape(-1)[self._ink]
        # each pixel's blot area (0 on paper): a mask by size is then one comparison, no table lookup;
        # 16 bits (larger blots count as AREA_CAP): half the memory to write once and read per mask
        area = np.minimum(self.area, AREA_CAP).astype(np.uint16)
        area[0] = 0
        self._area16 = area
        self._ink_area = area[self._ink_labels]  # the same for the ink's pixels alone
        self._pixel_area: np.ndarray | None = None
        # each blot's share of pixels darker than the page's ink is typically (when the grayscale is
        # given): a stamp's letters, pressed in light ink, have none
        self.dark: np.ndarray | None = None
        if gray is not None and self.n > 1:
            ink_gray = gray.reshape(-1)[self._ink]
            level = float(np.median(ink_gray))
            if level > float(ink_gray.min()):
                # counted on the ink's pixels (the paper, label 0, is no blot: its share is left 0)
                dark = np.bincount(self._ink_labels[ink_gray < level], minlength=self.n)
                self.dark = dark / np.maximum(1, self.area)
            # else a scan in black and white (a threshold: most of the ink one black, none darker than the
            # typical): no blot is lighter than the typing, a stamp's letters no more than the rest; with the
            # test every blot was a stamp's and the page had no text (R dev 10015: no table found)

    @property
    def pixel_area(self) -> np.ndarray:
        """Each pixel's blot area (0 on paper), made on first use: the masks by size are made of the ink's
        pixels alone (``_sized``), and most pages never ask for the whole image of areas."""
        if self._pixel_area is None:
            self._pixel_area = self.by_label(self._area16)
        return self._pixel_area

    def by_label(self, lut: np.ndarray) -> np.ndarray:
        """``lut[self.labels]``, each pixel its blot's entry (paper ``lut[0]``): looked up for the ink's
        pixels only, 3-5 ms on a page instead of 35 for every pixel (issue 9: CPU per page)."""
        out = np.full(self.labels.shape, lut[0], dtype=lut.dtype)
        out.reshape(-1)[self._ink] = lut[self._ink_labels]
        return out

    def at_least(self, min_area: int, rows: slice | None = None, *, char_h: int | None = None) -> np.ndarray:
        """Blots of ``min_area`` pixels or more; with ``char_h`` (the type's height) only those the size
        of type: no blot taller than four characters (a stamp's ring), none far lighter than the typing
        (a stamp's letters; known when the grayscale was given)."""
        if char_h is None and min_area <= AREA_CAP:
            return self._sized(min_area, None, rows)
        lut = np.zeros(self.n, dtype=np.uint8)
        ok = self.area[1:] >= max(1, min_area)
        h = self.stats[1:, cv2.CC_STAT_HEIGHT]
        if char_h is not None:
            ok &= h <= 4 * char_h
            if self.dark is not None:  # a stamp's letters: lighter than any typing
                ok &= self.dark[1:] >= 0.02
        lut[1:] = np.where(ok, 255, 0)
        return self.by_label(lut) if rows is None else lut[self.labels[rows]]

    def strokes(self, char_h: int) -> np.ndarray:
        """Per blot: a pen stroke, not type (a signature across the figures, a flourish): far longer
        or taller than a character and mostly paper inside its box (typed words, even run together by
        a carbon's blur, fill theirs)."""
        w, h = self.stats[:, cv2.CC_STAT_WIDTH], self.stats[:, cv2.CC_STAT_HEIGHT]
        fill = self.area / np.maximum(1, w * h)
        out: np.ndarray = ((w > 3 * char_h) | (h > 2 * char_h)) & (fill < STROKE_FILL)
        out[0] = False
        return out

    def char_height(self) -> int:
        """The typical height of a character on the page (blots of 70 px or more), in pixels."""
        if self._char_h is None:
            h = self.stats[1:, cv2.CC_STAT_HEIGHT][(self.area[1:] >= 70) & (self.stats[1:, cv2.CC_STAT_HEIGHT] >= 8)]
            self._char_h = int(np.median(h)) if h.size else 30
        return self._char_h

    def text_sized(self, min_area: int) -> np.ndarray:
        """Blots of ``min_area`` or more the size of type: without a stamp pressed across the rows (it
        would join their lines into one)."""
        if min_area > AREA_CAP:
            return self.at_least(min_area, char_h=self.char_height())
        return self._sized(min_area, self._code() & TYPE_SIZED > 0)

    def _code(self) -> np.ndarray:
        """Each ink pixel's blot code (``TYPE_SIZED``, ``NOT_STROKE``; in the order of ``_ink``), looked up by
        label once per page: ``text_sized`` and ``typed`` of any size are then comparisons, not a lookup each."""
        if self._typed_code is None:
            char_h = self.char_height()
            ok = self.stats[:, cv2.CC_STAT_HEIGHT] <= 4 * char_h
            if self.dark is not None:  # a stamp's letters: lighter than any typing
                ok &= self.dark >= 0.02
            lut = np.where(ok, TYPE_SIZED, 0).astype(np.uint8) | np.where(self.strokes(char_h), 0, NOT_STROKE).astype(np.uint8)
            lut[0] = 0
            self._typed_code = lut[self._ink_labels]
        return self._typed_code

    def _sized(self, min_area: int, kind: np.ndarray | None, rows: slice | None = None) -> np.ndarray:
        """255 on the ink's pixels of blots of ``min_area`` or more whose ``kind`` (per ink pixel, as ``_code``;
        None: any) holds, paper elsewhere (of ``rows`` only, when given): set on the ink's pixels alone (a few
        per cent of the page), not compared over the whole page (the same image; a page with the scanner's
        black backing around it has 18 million pixels)."""
        h, w = self.labels.shape
        start, stop, step = (0, h, 1) if rows is None else rows.indices(h)
        if step != 1:
            return (self.pixel_area[rows] >= max(1, min_area)).view(np.uint8) * np.uint8(255)
        stop = max(start, stop)
        i0, i1 = np.searchsorted(self._ink, (start * w, stop * w))  # the ink's pixels in those rows
        ok = self._ink_area[i0:i1] >= max(1, min_area)
        if kind is not None:
            ok &= kind[i0:i1]
        out = np.zeros((stop - start, w), dtype=np.uint8)
        out.reshape(-1)[self._ink[i0:i1][ok] - start * w] = 255
        return out

    def typed(self, min_area: int) -> np.ndarray:
        """``text_sized`` without pen strokes (``strokes``): a signature across a column of figures
        neither makes it look handwritten nor closes the gap between two unruled columns. One lookup
        by label (the size test and the stroke test in one table), not two images and their ``and``."""
        if min_area <= AREA_CAP:
            return self._sized(min_area, self._code() == TYPE_SIZED | NOT_STROKE)
        char_h = self.char_height()
        lut = np.zeros(self.n, dtype=np.uint8)
        ok = self.area[1:] >= max(1, min_area)
        ok &= self.stats[1:, cv2.CC_STAT_HEIGHT] <= 4 * char_h
        if self.dark is not None:  # a stamp's letters: lighter than any typing
            ok &= self.dark[1:] >= 0.02
        ok &= ~self.strokes(char_h)[1:]
        lut[1:] = np.where(ok, 255, 0)
        return self.by_label(lut)

    def without_dust(
        self, *, max_area: int = 80, reach: int = 9, writing_above: int = 0, min_height: int = 14,
        rules: np.ndarray | None = None,
    ) -> np.ndarray:
        """Ink minus dust: small blots with no larger ink within ``reach`` pixels. Fragments of a faint
        character, full stops and breves sit next to letters and stay; so does a typewriter's point set
        apart from the digits beside it (``_points_between``), or a letter typed faint (``_faint_letters``),
        unless it lies against ``rules`` (the mask of the rules taken out of the ink: ``_on_rules``). Above row
        ``writing_above`` (the
        header: a small face's employer name, its quotes and dashes) a blot as tall as a character or one
        of a run of three blots or more, each within ``reach`` of the next (a word), is writing too. Not
        in the table: there that left photocopy speckle in the figures' cells (days and additional pay
        misread with confidence on family A and D dev sets; bench/RESULTS.md, issue 9 session 3)."""
        small = self.area < max_area
        small[0] = False
        kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (2 * reach + 1, 2 * reach + 1))
        zone = cv2.dilate(self.at_least(max_area), kernel)
        # the blots with ink in the zone (paper's label 0 left out: a speck of it is never kept or dropped)
        touched = np.bincount(self._ink_labels[zone.reshape(-1)[self._ink] > 0], minlength=self.n) > 0
        keep = np.zeros(self.n, dtype=np.uint8)
        lone = small & ~touched
        points = _points_between(self, lone) | _faint_letters(self, lone)
        if rules is not None:
            points &= ~_on_rules(self, rules)
        keep[1:] = np.where(lone[1:] & ~points[1:], 0, 255)
        out = self.by_label(keep)
        if writing_above <= 0:
            return out
        top = slice(0, writing_above)
        labels = self.labels[top]
        # runs of blots in the header: every blot of 20 px or more grown by ``reach``, each run counted
        grown = cv2.dilate(self.at_least(20, rows=top), kernel)
        n_runs, runs = cv2.connectedComponentsWithAlgorithm(grown, 8, cv2.CV_32S, cv2.CCL_GRANA)
        on = grown > 0
        run_of = np.zeros(self.n, dtype=np.int64)
        run_of[labels[on]] = runs[on]
        counted = (self.area >= 20) & (run_of > 0)
        counted[0] = False
        in_word = np.bincount(run_of[counted], minlength=n_runs)[run_of] >= 3
        tall = self.stats[:, cv2.CC_STAT_HEIGHT] >= min_height
        keep[1:] = np.where(small[1:] & ~touched[1:] & ~in_word[1:] & ~tall[1:], 0, 255)
        out[top] = keep[labels]
        return out


POINT_GAP = 24  # a typewriter's point stands this far (pixels at 300 dpi: 2 mm) from the characters beside it at most
POINT_SIDE = 14  # a point's (a comma's) box is no wider or taller than this
POINT_REACH = 40  # the characters beside it looked at this far above its top
POINT_RISE = 8  # they rise this much above its top at least: a point sits at their foot
POINT_NEIGHBOUR = 30  # a blot of a character beside it has this many pixels (a faint digit comes in pieces)
POINT_PIECES = 4  # ... its pieces this many rows apart at most (a dotted line's dots and the words above: farther)


def _lone_boxes(
    blobs: Blobs, lone: np.ndarray, fits: Callable[[np.ndarray, np.ndarray], np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """The ``lone`` blots whose width and height ``fits``: their indices and boxes (x, y, width, height)."""
    idx = np.flatnonzero(lone)
    st = blobs.stats[idx]
    ok = fits(st[:, cv2.CC_STAT_WIDTH], st[:, cv2.CC_STAT_HEIGHT])
    return idx[ok], st[ok, :4]


RULE_TOUCH = 3  # a blot this near a rule taken out of the ink (pixels at 300 dpi) is what the rule left


def _on_rules(blobs: Blobs, rules: np.ndarray) -> np.ndarray:
    """Per blot: it lies against a rule taken out of the ink (within ``RULE_TOUCH`` of ``rules``' mask): a
    sliver of the rule's ragged edge left beside the figures, which a point's or a faint letter's test would
    keep as writing (K dev 3018 p1: a cell rule's remnant, 3 x 29 pixels, kept beside `22` and read `221`, beside
    `1821-22` read `18212.22`). A wide-carriage typewriter's points and faint letters stand well inside their
    cells (V dev 14001 p1: 6 pixels from a rule at least), so nothing ``_points_between`` or ``_faint_letters``
    is for lies there."""
    kernel = cv2.getStructuringElement(cv2.MORPH_RECT, (2 * RULE_TOUCH + 1, 2 * RULE_TOUCH + 1))
    near = cv2.dilate(rules, kernel).reshape(-1)[blobs._ink] > 0
    out: np.ndarray = np.bincount(blobs._ink_labels[near], minlength=blobs.n) > 0
    out[0] = False
    return out


def _points_between(blobs: Blobs, lone: np.ndarray) -> np.ndarray:
    """Per blot: of the ``lone`` small blots (no larger ink within reach: dust to ``without_dust``), a typed point
    or comma between two characters of a line: a wide-carriage typewriter sets each letter in a cell of its own,
    the point of `330.25` in the middle of one, farther from the digits than a proportional face's (V dev 14027
    p3: every point dropped as dust, the figures read in whole leva). Kept when it is point-sized and larger ink
    stands within ``POINT_GAP`` on its left and on its right, rising above it and ending at its height: the
    characters' foot between its top and its foot (a speck above a line or below it, or beside one character
    only, is no point)."""
    out = np.zeros(blobs.n, dtype=bool)
    idx, boxes = _lone_boxes(blobs, lone, lambda w, h: (w <= POINT_SIDE) & (h <= POINT_SIDE) & (w >= 3) & (h >= 3))
    if not idx.size:
        return out
    big = blobs.at_least(POINT_NEIGHBOUR)  # (255 for True: only whether a pixel is inked is asked)
    rows, cols = big.shape
    for i, (x0, y0, bw, bh) in zip(idx, boxes, strict=True):
        top, foot = max(0, y0 - POINT_REACH), y0 + bh + 1  # (the row under the point's foot)
        below = min(rows, foot + POINT_SIDE)  # looked at below it too: a character going on lower is none
        sides = (big[top:below, max(0, x0 - POINT_GAP) : x0], big[top:below, x0 + bw : min(cols, x0 + bw + POINT_GAP)])
        stands = True
        for side in sides:
            inked = np.flatnonzero(side.any(axis=1))
            # the character's top well above the point's, its foot between the point's top and foot, one
            # character's ink from top to foot (not a dot of a dotted line under a heading's words)
            stands &= (bool(inked.size) and top + inked[0] <= y0 - POINT_RISE and y0 - 2 <= top + inked[-1] <= foot
                       and int(np.diff(inked).max(initial=1)) <= POINT_PIECES)  # fmt: skip
        out[i] = stands
    return out


LETTER_TALL = 14  # a faint letter's piece is this tall at least (pixels at 300 dpi), no wider than POINT_SIDE * 2
LETTER_BESIDE = 0.6  # ... and its neighbour's ink spans this share of its height
LETTER_NEIGHBOUR = 2  # ... its neighbour a letter: no taller than this many times the page's characters


def _faint_letters(blobs: Blobs, lone: np.ndarray) -> np.ndarray:
    """Per blot: of the ``lone`` small blots, a letter or digit typed faint (a worn ribbon: its strokes thin,
    under 80 pixels) in a line of a typewriter's pitch, where the next letter stands farther than the reach
    (V dev 14001 p1: the "5" of an ЕГН, the "7" of `173.52`, dropped as dust). Kept when it is as tall as
    a letter's piece (``LETTER_TALL``) and larger ink within ``POINT_GAP`` on its left or right spans most of
    its height (a letter of the same line); a speck is seldom that tall, a rule's remnant far taller. The
    neighbour is a letter's size (``LETTER_NEIGHBOUR``): a stamp's ring run into the words it is pressed over is
    no letter, and a piece of the ring beside it no faint letter (hard dev seed 59 p7: one such piece kept, the
    two sheets of the page read as one table, two of its rows lost)."""
    out = np.zeros(blobs.n, dtype=bool)
    idx, boxes = _lone_boxes(
        blobs, lone, lambda w, h: (h >= LETTER_TALL) & (h <= 3 * LETTER_TALL) & (w >= 3) & (w <= 2 * POINT_SIDE)
    )
    if not idx.size:
        return out
    tall = blobs.stats[:, cv2.CC_STAT_HEIGHT] > LETTER_NEIGHBOUR * blobs.char_height()
    letter = (blobs.area >= POINT_NEIGHBOUR) & ~tall
    letter[0] = False
    big = blobs.by_label(letter)
    rows, cols = big.shape
    for i, (x0, y0, bw, bh) in zip(idx, boxes, strict=True):
        band = slice(y0, min(rows, y0 + bh))
        for side in (big[band, max(0, x0 - POINT_GAP) : x0], big[band, x0 + bw : min(cols, x0 + bw + POINT_GAP)]):
            if side.size and side.any(axis=1).sum() >= LETTER_BESIDE * bh:
                out[i] = True
                break
    return out


def flatten(gray: np.ndarray, text: np.ndarray) -> np.ndarray:
    """Grayscale with the light evened out (divided by the paper's own brightness), kept only around
    the text ink (``text``: no ruling, no dust): tesseract sees the strokes as scanned, faint ones
    included, on clean paper."""
    small = cv2.resize(gray, None, fx=0.125, fy=0.125, interpolation=cv2.INTER_AREA)
    bg_small = cv2.dilate(small, cv2.getStructuringElement(cv2.MORPH_RECT, (7, 7)))
    bg_small = cv2.GaussianBlur(bg_small, (0, 0), 3)
    bg = cv2.resize(bg_small, (gray.shape[1], gray.shape[0]), interpolation=cv2.INTER_LINEAR)
    norm = cv2.divide(gray, np.maximum(bg, 1), scale=255)
    near = cv2.dilate(text, cv2.getStructuringElement(cv2.MORPH_RECT, (5, 5)))
    # paper (255) where no text is near: an OR with the inverse of the 0/255 mask keeps the rest as it is
    # (both made in place, in images of this page's own: no more page-sized images to fill)
    cv2.threshold(near, 0, 255, cv2.THRESH_BINARY_INV, dst=near)
    return cv2.bitwise_or(norm, near, dst=norm)
