"""A dot-matrix face whose pin rows stand apart (issue 9, family J): told from solid type, its letters
joined before reading; its strips are no dashes of a rule."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from ocr import analysis, pins, preprocess

from .conftest import FIXTURES


def _text(striped: bool, gap_grey: int = 255) -> np.ndarray:
    """White text on black (ink 255); striped: every fifth and sixth pixel row of the letters paper (or
    lighter ink, ``gap_grey`` of 255, where the pins nearly touch)."""
    img = np.zeros((600, 2400), dtype=np.uint8)
    for i, y in enumerate((150, 300, 450)):
        text = f"{i + 1} Vasil Iliev Kolev 1295 27090871"
        cv2.putText(img, text, (60, y), cv2.FONT_HERSHEY_SIMPLEX, 3, 255, 9)
    if striped:
        gaps = np.arange(img.shape[0]) % 5 >= 3
        img[gaps] = np.minimum(img[gaps], 255 - gap_grey)
    return img


def _gray(ink: np.ndarray) -> np.ndarray:
    return (230 - (ink.astype(np.int16) * 200 // 255)).astype(np.uint8)  # paper 230, ink 30


def test_pin_rows_apart_are_told_from_solid_type() -> None:
    for striped, gap_grey, expected in ((True, 255, True), (True, 120, True), (False, 255, False)):
        ink = _text(striped, gap_grey)
        gray = _gray(ink)
        assert pins.rows_apart(gray, preprocess.binarize(gray)) is expected


def test_the_gaps_between_pin_rows_close() -> None:
    ink = _text(striped=True)
    joined = 255 - pins.joined(255 - ink)
    assert preprocess.components(joined)[0] < preprocess.components(ink)[0] / 3  # a letter one blot again
    gray = _gray(joined)
    assert not pins.rows_apart(gray, preprocess.binarize(gray))


def test_strips_stacked_are_a_letters_pin_rows_and_dashes_are_not() -> None:
    stats = preprocess.components(_text(striped=True))[2]
    assert np.count_nonzero(pins.stacked(stats)) > 100
    dashes = np.zeros((600, 2400), dtype=np.uint8)
    for y in range(50, 600, 60):  # rules of dashes: thin strips too, but none right under another
        for x in range(50, 2350, 28):
            cv2.rectangle(dashes, (x, y), (x + 17, y + 6), 255, -1)
    assert not pins.stacked(preprocess.components(dashes)[2]).any()


def _photographed_dots(dotted: bool) -> np.ndarray:
    """The clean image for tesseract of a dot-matrix printout photographed (family AK): paper 255, grey ink
    (the worn ribbon, the lamp: 100 grey levels deep), a soft lens; dotted: a paler pixel row between the pin
    rows' dots down every stroke (every fourth row, 60 grey levels lighter than the dots)."""
    ink = np.zeros((600, 2400), dtype=np.uint8)
    for i, y in enumerate((150, 300, 450)):
        cv2.putText(ink, f"{i + 1} ATANASOV 195,59 3206015593", (60, y), cv2.FONT_HERSHEY_SIMPLEX, 2.2, 255, 6)
    if dotted:
        ink[::4] = ink[::4] // 5 * 2
    return cv2.GaussianBlur((255 - ink.astype(np.int16) * 100 // 255).astype(np.uint8), (0, 0), 0.6)


def test_a_photographed_printout_s_dots_apart_are_told_from_solid_type_and_joined() -> None:
    """AK dev 29001 p5: the dots of each stroke a pixel apart, paler paper between them, too faint for
    ``rows_apart``: tesseract read `0.00` as `7.00`, `289.11` as `288.11` without a
    doubt. The dots are told from solid type; joined, each letter is one blot again and no gap is left."""
    dotted, solid = _photographed_dots(True), _photographed_dots(False)
    assert not pins.rows_apart(dotted, preprocess.binarize(dotted))
    assert pins.dots_apart(dotted) and not pins.dots_apart(solid)
    joined = pins.dots_joined(dotted)
    assert not pins.dots_apart(joined)

    def blots(img: np.ndarray) -> int:
        return preprocess.components((img < 185).astype(np.uint8) * 255)[0]

    assert blots(joined) <= blots(solid) + 3 < blots(dotted) / 3


def _clean(name: str) -> np.ndarray:
    """A piece of a dev page's clean image for tesseract, as ``analysis.analyse`` hands it to ``pins.dots_apart``
    (tests/fixtures/pins: 1200 x 600 pixels at 300 dpi)."""
    img = cv2.imread(str(FIXTURES / "pins" / f"{name}.png"), cv2.IMREAD_GRAYSCALE)
    assert img is not None
    return img


def test_a_faint_typed_page_s_grain_is_no_printout_s_dots() -> None:
    """AB dev 20003 p2 (a daisy wheel's faint typing filmed onto microfilm, its strokes speckled by the film's
    grain): the pale specks inside its strokes are 1.5 % of its ink and seldom two rows apart, as a printout's
    dots' gaps are, but they fall anywhere down the strokes, on no pitch. Joined, such a page lost 23 of its 28
    people on the AB evaluation set (session 35): it must stay as it is. A photographed printout's dots (AK dev
    29001 p5) stand on one pitch of 4 pixels (this piece of it alike at 12 most) and are joined."""
    faint = _clean("faint-typing-filmed")
    assert pins.pin_pitch(np.ascontiguousarray(faint[:, ::4])) is None
    assert not pins.dots_apart(faint)
    dots = _clean("dot-matrix-photographed")
    assert pins.pin_pitch(np.ascontiguousarray(dots[:, ::4])) in (4, 8, 12)
    assert pins.dots_apart(dots)


def test_a_faint_filmed_typed_page_is_read_unjoined(monkeypatch: pytest.MonkeyPatch) -> None:
    """The whole page (tests/fixtures/pins/ab-faint-filmed-typing-not-dots: `samples --family AB --seed 20003
    --pages 8` page-0002 made by scripts/regression_fixture.py `:full`, 300 dpi, 16 grey levels; its table
    unfound, the page to review whole, its rows' numbers unread, so no tests/fixtures/regression sheet): its
    clean image for tesseract is never taken for a printout's dots and joined (before, it was: AB dev 20003 p2,
    20006 p3, 20008 p2-p3, 20009 p2-p3 all were, and on the AB evaluation set such a page lost 23 of 28 people)."""
    joined: list[bool] = []
    monkeypatch.setattr(pins, "dots_joined", lambda clean: joined.append(True) or clean)
    png = FIXTURES / "pins" / "ab-faint-filmed-typing-not-dots.png"
    image = cv2.imread(str(png), cv2.IMREAD_UNCHANGED)
    assert image is not None
    analysis.analyse(image, dpi=300, unbend=True)
    assert not joined
