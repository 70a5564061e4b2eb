"""Which way up a captured page lies: 0°, 90°, 180° or 270°, and how sure that is.

Three witnesses, asked in order of cost, on the grey page and its ink mask at about 100 dpi
(``scanner_drivers.capture_checks``):

1. **the text lines' direction** (``line_axis``): letters of a word stand a hair apart, text lines
   far apart. Closing the writing with a short horizontal stroke joins letters into words; with a
   vertical stroke it joins almost nothing. The ratio of the two component counts tells lines that
   run across (0°/180°) from lines that run down (90°/270°), with a wide margin on every sheet of
   the archive's kind; it says nothing about up and down.
2. **tesseract's orientation detector** (OSD, ``pytesseract.image_to_osd``, as the reader uses it);
   believed when it is sure and agrees with the lines' direction.
3. **reading a strip both ways** (``strip_reading``): a few of the page's densest text lines, read
   with the OCR model as they lie and turned by 180°; the right way up reads with clearly higher word
   confidence. Then, if that is close, **where the writing sits** (``ink_weight``): the heading block
   is at the top of a payroll, the empty paper below the signatures.

When none of them is sure the page is not turned and the operator is told to check it: a page is
never turned on a guess, and a turned page is never passed over in silence.

The OCR calls run single-threaded (``archive_core.runtime.limit_ocr_threads``, shared by all OCR).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pytesseract

from archive_core.runtime import limit_ocr_threads

ASSUMED_DPI = 300
OSD_SURE = 1.5  # tesseract's orientation confidence taken as sure
AXIS_SURE = 0.35  # log ratio of component counts (sheets measure 0.7-1.3 either way)
AXIS_MIN_MARKS = 60  # fewer marks than this: too little writing to tell the lines' direction
STRIP_LINES = 5  # text lines read both ways
STRIP_DPI = 200
STRIP_SURE = 12.0  # points of mean word confidence between the two ways
WEIGHT_SURE = 0.08  # the writing's centre this far above (or below) the middle of the page

# How the orientation was decided (stored in the finding's detail)
BY_LAYOUT = "layout"  # upright beyond doubt at a glance: lines across, writing in the upper part
BY_OSD = "osd"
BY_STRIP = "strip"
BY_WEIGHT = "weight"
UNSURE = "unsure"


@dataclass(frozen=True)
class Orientation:
    """``quarter_turns``: numpy.rot90 turns (counter-clockwise) that put the page upright; ``sure``
    is False when the witnesses could not tell (the page is then left as it is)."""

    quarter_turns: int
    sure: bool
    how: str
    detail: dict[str, Any] = field(default_factory=dict)


# --------------------------------------------------------------------------------------------------
# Witnesses


def line_axis(text: np.ndarray) -> float | None:
    """> 0: text lines run across the image; < 0: they run down; None: too little writing to tell.
    ``text`` is the ink mask without the table's rules, at about 100 dpi."""
    n_marks = cv2.connectedComponents(text, connectivity=8)[0] - 1
    if n_marks < AXIS_MIN_MARKS:
        return None
    k = 5  # px at 100 dpi: wider than the gap between letters, narrower than between lines
    across = cv2.connectedComponents(cv2.morphologyEx(text, cv2.MORPH_CLOSE, np.ones((1, k), np.uint8)))[0]
    down = cv2.connectedComponents(cv2.morphologyEx(text, cv2.MORPH_CLOSE, np.ones((k, 1), np.uint8)))[0]
    return float(np.log(max(down, 1) / max(across, 1)))


def ink_weight(text: np.ndarray) -> tuple[float, float]:
    """Where the writing sits: its centre as a share of the height and of the width."""
    ys, xs = np.nonzero(text)
    if ys.size == 0:
        return 0.5, 0.5
    return float(ys.mean() / text.shape[0]), float(xs.mean() / text.shape[1])


def osd(gray: np.ndarray, dpi: int | None) -> tuple[int, float]:
    """Tesseract's orientation detector at about 150 dpi: (numpy.rot90 turns, confidence); (0, 0.0)
    when it cannot tell."""
    limit_ocr_threads()
    f = min(1.0, 150 / float(dpi or ASSUMED_DPI))
    small = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_AREA) if f < 1 else gray
    with tempfile.TemporaryDirectory(prefix="archive-capture-osd-") as tmp:
        path = Path(tmp) / "osd.bmp"  # leptonica reads a PGM one pixel per fread
        cv2.imwrite(str(path), small)
        try:
            found = pytesseract.image_to_osd(
                str(path), config="--psm 0 -c min_characters_to_try=20", output_type=pytesseract.Output.DICT
            )
        except pytesseract.TesseractError:
            return 0, 0.0
    rotate = int(found.get("rotate", 0))  # degrees clockwise that turn the image upright
    return {0: 0, 90: 3, 180: 2, 270: 1}.get(rotate, 0), float(found.get("orientation_conf", 0.0))


def _profile_sharpness(mask: np.ndarray, angle: float) -> float:
    h, w = mask.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    rot = cv2.warpAffine(mask, m, (w, h), flags=cv2.INTER_NEAREST, borderValue=0)
    prof = rot.sum(axis=1, dtype=np.float64)
    return float(np.var(np.diff(prof)))


def estimate_skew(mask: np.ndarray, *, max_angle: float = 12.0) -> float:
    """Tilt in degrees (positive = counter-clockwise) by the sharpest horizontal projection profile."""
    best, best_score = 0.0, -1.0
    for a in np.arange(-max_angle, max_angle + 1e-6, 0.5):
        s = _profile_sharpness(mask, float(a))
        if s > best_score:
            best, best_score = float(a), s
    centre = best
    for a in np.arange(centre - 0.4, centre + 0.4 + 1e-6, 0.1):
        s = _profile_sharpness(mask, float(a))
        if s > best_score:
            best, best_score = float(a), s
    return best


def _straighten(image: np.ndarray, angle: float, border: int) -> np.ndarray:
    h, w = image.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    return cv2.warpAffine(image, m, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)


def text_lines(text: np.ndarray) -> list[tuple[int, int, int]]:
    """Bands of writing (top, bottom, ink) from the row profile of a mask whose lines run across."""
    prof = text.sum(axis=1, dtype=np.float64) / 255.0
    smooth = np.convolve(prof, np.ones(3) / 3, mode="same")
    on = smooth > max(2.0, 0.08 * float(smooth.max(initial=0.0)))
    bands: list[tuple[int, int, int]] = []
    edges = np.flatnonzero(np.diff(np.concatenate(([0], on.astype(np.int8), [0]))))
    for y0, y1 in zip(edges[::2], edges[1::2], strict=True):
        if 5 <= y1 - y0 <= 40:  # a line of type at 100 dpi, not a stamp or a blot
            bands.append((int(y0), int(y1), int(prof[y0:y1].sum())))
    return bands


def _strip(gray: np.ndarray, text: np.ndarray, dpi: int | None) -> np.ndarray | None:
    """The densest few text lines of the page (grey, paper evened out, about STRIP_DPI), straightened
    and stacked with paper between."""
    angle = estimate_skew(text, max_angle=6.0)
    if abs(angle) >= 0.2:
        text = _straighten(text, angle, 0)
        gray = _straighten(gray, angle, int(np.percentile(gray, 90)))
    bands = sorted(text_lines(text), key=lambda b: -b[2])[:STRIP_LINES]
    if not bands:
        return None
    scale = gray.shape[0] / text.shape[0]
    pieces: list[np.ndarray] = []
    for y0, y1, _ in sorted(bands):
        top, bottom = max(0, int((y0 - 3) * scale)), min(gray.shape[0], int((y1 + 3) * scale))
        crop = gray[top:bottom]
        k = max(9, int(5 * scale))  # wider than a stroke: closes the writing, leaves the paper
        paper = cv2.morphologyEx(crop, cv2.MORPH_CLOSE, np.ones((k, k), np.uint8))
        pieces.append(cv2.divide(crop, np.maximum(paper, 1), scale=255))
        pieces.append(np.full((max(8, int(10 * scale)), gray.shape[1]), 255, dtype=np.uint8))
    strip = np.vstack(pieces)
    f = min(1.0, STRIP_DPI / float(dpi or ASSUMED_DPI))
    if f < 1.0:
        strip = cv2.resize(strip, None, fx=f, fy=f, interpolation=cv2.INTER_AREA)
    return np.ascontiguousarray(strip)


def densest_lines(gray: np.ndarray, text: np.ndarray, dpi: int | None) -> np.ndarray | None:
    """The strip ``strip_reading`` reads (the densest few text lines, straightened and stacked), for a
    reader that reads it with an OCR engine of its own; None when the page has no lines to read."""
    return _strip(gray, text, dpi)


def _mean_confidence(image: np.ndarray, lang: str) -> float:
    """Mean word confidence (weighted by length) of tesseract's reading; 0 when nothing is read."""
    data = pytesseract.image_to_data(image, lang=lang, config="--psm 6", output_type=pytesseract.Output.DICT)
    total = weight = 0.0
    for text, conf in zip(data["text"], data["conf"], strict=True):
        word = "".join(ch for ch in str(text) if ch.isalnum())
        c = float(conf)
        if len(word) >= 2 and c >= 0:
            total += c * len(word)
            weight += len(word)
    return total / weight if weight else 0.0


def strip_reading(gray: np.ndarray, text: np.ndarray, dpi: int | None, lang: str) -> tuple[float, float] | None:
    """Mean word confidence of the densest lines read as they lie and turned by 180°; None when the
    page has no lines to read. ``gray`` and ``text`` lie the same way, lines across."""
    strip = _strip(gray, text, dpi)
    if strip is None:
        return None
    limit_ocr_threads()
    return _mean_confidence(strip, lang), _mean_confidence(np.ascontiguousarray(np.rot90(strip, 2)), lang)


# --------------------------------------------------------------------------------------------------
# The decision


def upright_at_a_glance(axis: float | None, text: np.ndarray) -> bool:
    """Lines run across and the writing sits in the upper part of the sheet, across its middle: a
    payroll the right way up. Only a page that fails this is asked to the detectors."""
    if axis is None or axis < AXIS_SURE:
        return False
    y_weight, x_weight = ink_weight(text)
    return y_weight < 0.45 and 0.3 < x_weight < 0.7


def _up_or_down(gray: np.ndarray, text: np.ndarray, dpi: int | None, lang: str | None) -> tuple[int | None, str, dict]:
    """0 (as it lies) or 2 (upside down) for a page whose lines run across; None when unsure."""
    detail: dict[str, Any] = {}
    if lang:
        read = strip_reading(gray, text, dpi, lang)
        if read is not None:
            as_is, turned = read
            detail["strip"] = [round(as_is, 1), round(turned, 1)]
            if abs(as_is - turned) >= STRIP_SURE:
                return (0 if as_is > turned else 2), BY_STRIP, detail
    y_weight, _ = ink_weight(text)
    detail["y_weight"] = round(y_weight, 3)
    if abs(y_weight - 0.5) >= WEIGHT_SURE:
        return (0 if y_weight < 0.5 else 2), BY_WEIGHT, detail
    return None, UNSURE, detail


def decide(gray: np.ndarray, text: np.ndarray, dpi: int | None, lang: str | None) -> Orientation:
    """Which way up the page lies. ``gray`` is the page as scanned, ``text`` its writing without
    rules at about 100 dpi (``capture_checks.split_rules``); ``lang`` the OCR model for the strip
    (None: no strip reading)."""
    axis = line_axis(text)
    if upright_at_a_glance(axis, text):
        return Orientation(0, True, BY_LAYOUT)
    turns, conf = osd(gray, dpi)
    detail: dict[str, Any] = {"osd": [turns, round(conf, 2)], "axis": None if axis is None else round(axis, 2)}
    across = None if axis is None or abs(axis) < AXIS_SURE else axis > 0
    if conf >= OSD_SURE and (across is None or across == (turns % 2 == 0)):
        return Orientation(turns, True, BY_OSD, detail)
    if across is None:  # the lines' direction unknown and the detector unsure
        return Orientation(0, False, UNSURE, detail)
    base = 0 if across else (turns if turns % 2 == 1 else 1)
    g = np.ascontiguousarray(np.rot90(gray, base)) if base else gray
    t = np.ascontiguousarray(np.rot90(text, base)) if base else text
    flip, how, more = _up_or_down(g, t, dpi, lang)
    detail.update(more)
    if flip is None:
        return Orientation(0, False, UNSURE, detail)
    return Orientation((base + flip) % 4, True, how, detail)
