"""The geometry stages of a page, before any OCR: straighten (turn, scale to 300 dpi, deskew), rules,
grid, and the column kinds the ink shows. Each stage is a plain function; ``analyse`` chains them.

    straighten -> lines.find_rules -> tables.find_grid -> column_kinds (align.column_kinds)

tests/test_golden.py keeps each stage's output on small fixtures, so a change shows which stage moved.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

from archive_core.errors import ExtractionError

from . import (
    align,
    book_curve,
    book_gutter,
    carbon_blur,
    dust_streaks,
    faint_rules,
    film_edges,
    lines,
    paper_frame,
    pins,
    preprocess,
    sheet_edges,
    tables,
    toner_streaks,
)
from . import unbend as unbend_mod
from .backing import backing_mask
from .geometry import Grid, Transform
from .speckled_rules import speckled_rules, typed_rules


@dataclass
class Straight:
    """The page turned upright as asked, at 300 dpi, deskewed."""

    gray: np.ndarray  # deskewed grayscale
    binary: np.ndarray  # its ink (255), ruling included
    angle: float  # degrees the deskew turned it
    back: (
        np.ndarray
    )  # 3x3: maps these coordinates back to the image as given (after the bend; a perspective's
    # where a photographed sheet was put square: ``ocr.sheet_edges``)
    quarter_turns: int
    bend: np.ndarray | None = None  # a bent sheet put flat: (x, y) here is (x, y + bend[x]) deskewed
    blots: tuple[np.ndarray, np.ndarray] | None = None  # the binary's blots (stats, centroids), when known
    dashed: lines.Dashed | None = None  # the binary's dashed rules drawn solid, when known
    # (length, the binary with its horizontal dashed rules drawn, opened by a row kernel that long), when known
    strokes: tuple[int, np.ndarray] | None = None
    # an open book's page put flat (``ocr.book_curve``): (x, y) here is (x, y + bend[x] + tilt[x] * (y - mid))
    tilt: tuple[np.ndarray, float] | None = None


@dataclass
class Analysis:
    """The page as the later stages see it: deskewed, binarised, rules found and taken out."""

    gray: np.ndarray  # deskewed grayscale
    ink: np.ndarray  # text ink (255) without ruling and specks
    clean: np.ndarray  # flat-field grayscale, paper white outside the text, for tesseract
    grid: Grid
    transform: Transform
    dpi: int
    angle: float
    quarter_turns: int
    blobs: preprocess.Blobs
    rules: lines.Rules
    # what a later stage measured on this page and asks again (``egn_glyphs``: an ЕГН cell's glyphs); a
    # copy made with ``dataclasses.replace`` starts without
    memo: dict[Any, Any] = field(default_factory=dict, init=False, repr=False, compare=False)


def turned_to_given(quarter_turns: int, h: int, w: int) -> np.ndarray:
    """3x3: maps coordinates in ``numpy.rot90(image, quarter_turns)`` back to the ``h`` x ``w`` image."""
    m = {
        0: [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0]],
        1: [[0.0, -1.0, w - 1.0], [1.0, 0.0, 0.0]],
        2: [[-1.0, 0.0, w - 1.0], [0.0, -1.0, h - 1.0]],
        3: [[0.0, 1.0, 0.0], [-1.0, 0.0, h - 1.0]],
    }[quarter_turns % 4]
    return np.vstack([m, [0.0, 0.0, 1.0]])


def straighten(
    image: np.ndarray, *, dpi: int | None = None, quarter_turns: int = 0, unbend: bool = False
) -> Straight:
    """Turn the image by ``quarter_turns`` (as numpy.rot90 counts), scale it to 300 dpi when it is
    coarser, and deskew it; with ``unbend``, a sheet bent on the glass is put flat (ocr.unbend). Too
    small an image is refused."""
    gray = preprocess.to_gray(image)
    if gray.shape[0] < 200 or gray.shape[1] < 200:
        raise ExtractionError(f"изображението е твърде малко ({gray.shape[1]}x{gray.shape[0]} пиксела)")
    gray = dust_streaks.mended(gray)  # the scanner's streaks down the scan as given: no rules, no strokes
    dpi = dpi or 300
    back = np.eye(3)  # maps working coordinates back to the image as given
    k = quarter_turns % 4
    if k:
        back = back @ turned_to_given(k, *gray.shape[:2])
        gray = np.ascontiguousarray(np.rot90(gray, k))
    if dpi < 280:  # work at 300 dpi: the thresholds and tesseract like it
        f = 300 / dpi
        gray = cv2.resize(gray, None, fx=f, fy=f, interpolation=cv2.INTER_CUBIC)
        back = back @ np.array([[1 / f, 0, 0], [0, 1 / f, 0], [0, 0, 1]])
    squared = sheet_edges.squared(gray)  # a sheet photographed in perspective on a desk, put square
    if squared is not None:
        gray = squared[0]
        back = back @ squared[1]
    gray = book_gutter.without_facing(gray)  # an open book's gutter and the facing page's strip: no part of it
    gray = film_edges.whitened(gray)  # a film frame's dark edge: straight with the film, not with the page
    gray = paper_frame.whitened(gray)  # the felt, a ruler, a colour chart, a charred edge around the sheet: no part of it
    given = gray
    gray, binary, angle, straight = preprocess.deskew(given)
    _, _, stats, centroids = preprocess.components(binary)
    blots: tuple[np.ndarray, np.ndarray] | None = (stats, centroids)
    if pins.rows_apart(
        given, binary
    ):  # a dot-matrix face's pin rows apart: the gaps closed, then straightened
        gray, binary, angle, straight = preprocess.deskew(pins.joined(given))
        blots = None
    bend = None
    drawn: lines.Dashed | None = None
    strokes: tuple[int, np.ndarray] | None = None
    if unbend:  # measured along the rules, dashed ones drawn solid
        drawn = lines.dashed_rules(binary, blots=blots)
        dashed = drawn[0]
        ruled = cv2.bitwise_or(binary, dashed) if cv2.countNonZero(dashed) else binary
        strokes = (
            unbend_mod.STROKE,
            unbend_mod.strokes(ruled),
        )  # opened once: find_rules opens its rows only
        bend = unbend_mod.bend_of_rules(ruled, strokes[1])
    tilt: tuple[np.ndarray, float] | None = None
    if bend is not None:
        gray = unbend_mod.flatten(gray, bend)
        binary, blots, drawn, strokes = preprocess.binarize(gray), None, None, None
    elif strokes is not None:  # the rules straight but where they curve into a book's spine
        curved = book_curve.curve(ruled, strokes[1])
        if curved is not None:
            bend, tilt = curved[0], (curved[1], curved[2])
            gray = book_curve.flatten(gray, *curved)
            binary, blots, drawn, strokes = preprocess.binarize(gray), None, None, None
    return Straight(gray, binary, angle, back @ straight, k, bend, blots, drawn, strokes, tilt)


def analyse(
    image: np.ndarray, *, dpi: int | None = None, quarter_turns: int = 0, unbend: bool = False,
    unruled: bool = False,
) -> Analysis:
    """straighten -> rules -> grid; the ink without rules and dust, and the clean image for tesseract.
    ``unbend``: put a bent sheet flat first (the reader does; the boxes it reports follow the bend);
    ``unruled``: the grid of the writing's lines and columns, not of the rules (``tables.find_grid``)."""
    s = straighten(image, dpi=dpi, quarter_turns=quarter_turns, unbend=unbend)
    rules = lines.find_rules(
        s.binary, blots=s.blots, dashed=s.dashed, strokes=s.strokes, gray=s.gray
    )  # drawn, opened once a page
    rules = faint_rules.with_faint_rules(s.gray, rules)  # rules across a photocopy's table left faint
    rules = toner_streaks.without_streaks(
        rules, s.binary.shape[:2]
    )  # a photocopy's streaks are no column rules
    blobs = preprocess.Blobs(cv2.bitwise_and(s.binary, cv2.bitwise_not(rules.mask)), s.gray)
    ink = blobs.at_least(20)
    try:
        grid = tables.find_grid(ink, rules, layout=blobs.text_sized(70), gaps=blobs.typed(70), unruled=unruled)
    except ExtractionError:  # no table: rules lost to a black-and-white scan's threshold (family R)?
        grid, rules, blobs = _grid_of_lost_rules(s, rules, blobs, unruled)
        ink = blobs.at_least(20)
    text = blobs.without_dust(writing_above=max(0, grid.ys[0] - 6), rules=rules.mask)
    scanner = backing_mask(s.gray)  # the backing through a torn piece, the holes: its edge is no writing
    if scanner is not None:
        text = cv2.bitwise_and(text, cv2.bitwise_not(scanner))
    clean = carbon_blur.sharpened(preprocess.flatten(s.gray, text), grid)  # a carbon copy's soft typing
    if pins.dots_apart(clean):  # a dot-matrix face's dots apart down the strokes: joined for tesseract
        clean = pins.dots_joined(clean)
    return Analysis(
        s.gray,
        ink,
        clean,
        grid,
        Transform(s.back[:2] if np.allclose(s.back[2], [0, 0, 1]) else s.back, s.bend, s.tilt),
        300,
        s.angle,
        s.quarter_turns,
        blobs,
        rules,
    )


def _grid_of_lost_rules(
    s: Straight, rules: lines.Rules, blobs: preprocess.Blobs, unruled: bool
) -> tuple[Grid, lines.Rules, preprocess.Blobs]:
    """The grid of a page whose rules the ink showed no table in (``tables.find_grid`` failed): its rules
    pencilled and scanned in black and white, left as specks along them (``speckled_rules``), drawn solid;
    else, no rule left at all, the rules its typing implies (``typed_rules``) and the unruled grid between
    them. ExtractionError when neither shows a table. A page whose table was found never comes here."""
    specks = speckled_rules(s.binary)
    if specks is not None:
        ruled = cv2.bitwise_or(s.binary, specks)
        found = toner_streaks.without_streaks(lines.find_rules(ruled, gray=s.gray), s.binary.shape[:2])
        found_blobs = preprocess.Blobs(cv2.bitwise_and(ruled, cv2.bitwise_not(found.mask)), s.gray)
        with suppress(ExtractionError):
            grid = tables.find_grid(found_blobs.at_least(20), found, layout=found_blobs.text_sized(70),
                                    gaps=found_blobs.typed(70), unruled=unruled)  # fmt: skip
            return grid, found, found_blobs
    implied = typed_rules(blobs.text_sized(70))
    if implied is None:
        raise ExtractionError("не е намерена таблица на листа (няма линии или подравнени колони)")
    typed = lines.Rules([lines.Rule(*r) for r in implied], [], rules.mask)
    grid = tables.find_grid(blobs.at_least(20), typed, layout=blobs.text_sized(70), gaps=blobs.typed(70),
                            unruled=True)  # fmt: skip
    return grid, rules, blobs


def column_kinds(a: Analysis) -> list[str]:
    """'numeric', 'text', 'scribble' or 'empty' for every column, from the alignment of its ink."""
    return align.column_kinds(a.blobs.typed(40), a.grid)
