"""The ink masks by kind of blot (ocr.preprocess.Blobs.text_sized / typed, from one lookup per page) and the
flat-field image tesseract reads (preprocess.flatten): what they keep and what they leave out."""

from __future__ import annotations

import cv2
import numpy as np

from ocr.preprocess import Blobs, flatten


def _page() -> tuple[np.ndarray, np.ndarray]:
    """Typed figures, a speck, a stamp's ring far taller than type and a long thin pen stroke."""
    binary = np.zeros((600, 900), np.uint8)
    cv2.putText(binary, "1 468.02", (40, 120), cv2.FONT_HERSHEY_SIMPLEX, 1.5, 255, 3)
    binary[300:303, 40:43] = 255  # a speck of 9 pixels
    cv2.circle(binary, (650, 350), 160, 255, 3)  # a stamp's ring
    cv2.line(binary, (40, 520), (500, 540), 255, 2)  # a signature's stroke
    ink = (10 + np.arange(900) % 50).astype(np.uint8)[None, :]  # typing's strokes darker and lighter
    gray = np.where(binary > 0, ink, np.uint8(230)).astype(np.uint8)
    return binary, gray


def _reference(b: Blobs, min_area: int, strokes_out: bool) -> np.ndarray:
    """The definition blot by blot: size, no taller than four characters, not light, (not a stroke)."""
    ch = b.char_height()
    ok = (b.area >= min_area) & (b.stats[:, cv2.CC_STAT_HEIGHT] <= 4 * ch)
    if b.dark is not None:
        ok &= b.dark >= 0.02
    if strokes_out:
        ok &= ~b.strokes(ch)
    ok[0] = False
    return np.where(ok, 255, 0).astype(np.uint8)[b.labels]


def test_typed_keeps_type_and_leaves_out_specks_rings_and_strokes() -> None:
    binary, gray = _page()
    b = Blobs(binary, gray)
    typed = b.typed(40)
    assert typed[60:130, 40:400].any()  # the figures
    assert not typed[295:310, 35:50].any()  # the speck
    assert not typed[180:520, 480:820].any()  # the ring
    assert not typed[510:550, 30:510].any()  # the stroke
    sized = b.text_sized(40)
    assert sized[510:550, 30:510].any()  # text_sized keeps the stroke: only typed leaves it out
    assert not sized[180:520, 480:820].any()
    for m in (1, 20, 40, 70):
        assert np.array_equal(b.typed(m), _reference(b, m, True))
        assert np.array_equal(b.text_sized(m), _reference(b, m, False))


def test_flatten_keeps_strokes_and_whitens_paper_away_from_text() -> None:
    binary, gray = _page()
    text = np.zeros_like(binary)
    text[60:130, 40:400] = binary[60:130, 40:400]
    out = flatten(gray, text)
    assert (out[binary == 0] >= 250).all()  # paper stays paper
    assert (out[60:130, 40:400][binary[60:130, 40:400] > 0] < 100).all()  # the figures as scanned
    assert (out[510:550, 30:510] == 255).all()  # ink far from any text: paper


def test_a_lookup_by_label_is_the_tables_entry_for_every_pixel_paper_included() -> None:
    binary, gray = _page()
    b = Blobs(binary, gray)
    lut = np.arange(7, 7 + b.n, dtype=np.uint16)  # paper (label 0) an entry of its own, 7
    assert np.array_equal(b.by_label(lut), lut[b.labels])  # looked up on the ink's pixels alone
    area = np.minimum(b.area, 65535).astype(np.uint16)
    area[0] = 0
    assert np.array_equal(b.pixel_area, area[b.labels])


def test_a_mask_by_size_of_some_rows_is_those_rows_of_the_whole_pages_mask() -> None:
    """The header's masks (``at_least(..., rows=slice(0, top))``) are set on those rows' ink alone: the same as
    the whole page's mask cut to the rows, whatever the rows (none, past the foot, every other one)."""
    binary, gray = _page()
    b = Blobs(binary, gray)
    for m in (1, 9, 10, 60):
        whole = b.at_least(m)
        assert np.array_equal(whole, np.where(b.pixel_area >= m, 255, 0).astype(np.uint8))
        for rows in (slice(0, 130), slice(0, 0), slice(100, 310), slice(0, 5000), slice(None, 302), slice(0, 600, 2)):
            assert np.array_equal(b.at_least(m, rows=rows), whole[rows]), (m, rows)
    assert b.at_least(9, rows=slice(0, 302))[300:302, 40:43].all()  # the speck's top rows (9 pixels in all)
    assert not b.at_least(10, rows=slice(0, 302))[300:302, 40:43].any()


def test_dust_is_told_from_writing_as_by_every_pixel_of_the_zone() -> None:
    binary, gray = _page()
    b = Blobs(binary, gray)
    small = b.area < 80
    small[0] = False
    zone = cv2.dilate(b.at_least(80), cv2.getStructuringElement(cv2.MORPH_RECT, (19, 19)))
    touched = np.bincount(b.labels[zone > 0].ravel(), minlength=b.n) > 0
    keep = np.zeros(b.n, np.uint8)
    keep[1:] = np.where(small[1:] & ~touched[1:], 0, 255)
    assert np.array_equal(b.without_dust(), keep[b.labels])  # the ink's pixels alone looked at
    assert not b.without_dust()[300:303, 40:43].any()  # the lone speck is dust


def test_a_blots_share_of_dark_pixels_is_counted_on_its_own_pixels() -> None:
    binary, gray = _page()
    b = Blobs(binary, gray)
    level = float(np.median(gray[binary > 0]))
    share = np.bincount(b.labels[gray < level], minlength=b.n) / np.maximum(1, b.area)
    assert b.dark is not None
    assert np.array_equal(b.dark[1:], share[1:]) and b.dark[0] == 0  # the paper is no blot


def test_a_scan_in_black_and_white_keeps_its_typing() -> None:
    """A bitonal scan (R dev 10015: every ink pixel one black, none darker than the typical): its typing
    is no stamp's light letters; with the darkness test every blot was and the page read no table."""
    binary, _ = _page()
    gray = np.where(binary > 0, np.uint8(0), np.uint8(255)).astype(np.uint8)
    b = Blobs(binary, gray)
    assert b.dark is None  # no ink lighter than the rest to tell a stamp by
    assert b.text_sized(70)[60:130, 40:400].any()  # the figures
    assert b.typed(40)[60:130, 40:400].any()
    assert not b.typed(40)[180:520, 480:820].any()  # the stamp's ring still out: taller than four characters


def test_a_negative_print_is_told_from_a_dark_positive_scan() -> None:
    """Family R's microfilm printed as a negative (the writing white on black) is read inverted
    (``extract_image``); a positive scanned dark is not turned over (its paper still its lightest grey)."""
    from ocr.preprocess import negative

    binary, gray = _page()
    assert not negative(gray)
    assert negative(cv2.bitwise_not(gray))
    dark = (gray.astype(np.float32) * 0.4).astype(np.uint8)  # an underexposed positive: paper 92, ink darker
    assert not negative(dark)
