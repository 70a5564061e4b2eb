"""A wide-carriage typewriter sets every character in a cell of its own (family V): a figure's point, or a letter
typed faint by a worn ribbon, stands farther from its neighbours than dust's reach. The clean image tesseract
reads keeps them (V dev 14027 p3: every point lost, the figures read in whole leva; V dev 14001 p1: an ЕГН's
faint "5" lost), and still drops a speck beside the line or alone on the paper."""

from __future__ import annotations

import numpy as np

from ocr.preprocess import Blobs


def _digit(img: np.ndarray, x: int, y: int) -> None:
    """A digit's blot: 14 x 26 pixels of stroke (a ring), its foot at ``y + 25``."""
    img[y : y + 26, x : x + 14] = 255
    img[y + 4 : y + 22, x + 4 : x + 10] = 0


def _kept(img: np.ndarray, y: int, x: int) -> bool:
    return bool(Blobs(img).without_dust()[y, x])


def test_a_point_between_two_digits_at_their_foot_stays_a_speck_beside_the_line_does_not():
    img = np.zeros((200, 400), np.uint8)
    _digit(img, 100, 50)
    _digit(img, 141, 50)
    img[70:76, 124:130] = 255  # the point: 6 x 6 at the digits' foot, 11 px from either digit (beyond the reach)
    _digit(img, 100, 120)
    _digit(img, 141, 120)
    img[128:134, 124:130] = 255  # a speck at the digits' middle: no point
    img[20:26, 300:306] = 255  # a speck alone on the paper
    assert _kept(img, 72, 126)
    assert not _kept(img, 130, 126)
    assert not _kept(img, 22, 302)


def test_a_faint_letters_piece_beside_a_letter_of_its_line_stays_a_tall_scratch_alone_does_not():
    img = np.zeros((200, 400), np.uint8)
    _digit(img, 100, 50)
    img[52:74, 130:133] = 255  # a faint "1": 3 x 22 pixels, 16 px from the digit, on its line
    img[120:142, 300:303] = 255  # the same alone
    assert _kept(img, 60, 131)
    assert not _kept(img, 130, 301)


def test_a_rules_remnant_beside_the_figures_is_no_faint_letter():
    """A cell's rule taken out of the ink leaves a sliver of its ragged edge beside the figures (family K): kept,
    it reads as a `1` after them (K dev 3018 p1: `22` read `221`); a faint letter stands inside its cell."""
    img = np.zeros((200, 400), np.uint8)
    _digit(img, 100, 50)
    img[52:74, 130:133] = 255  # a faint letter's size and place, 16 px from the digit ...
    rules = np.zeros_like(img)
    rules[:, 133:137] = 255  # ... against the cell's rule taken out of the ink
    assert not bool(Blobs(img).without_dust(rules=rules)[60, 131])
    rules[:, 133:137] = 0
    rules[:, 160:164] = 255  # the rule 27 px away: the letter stays
    assert bool(Blobs(img).without_dust(rules=rules)[60, 131])


def test_a_piece_of_a_stamps_ring_beside_the_ring_run_into_words_is_no_faint_letter():
    """A stamp pressed over the names runs its ring into their letters (one blot far taller than a line); a piece
    of the ring left apart beside it is no faint letter (hard dev seed 59 p7: kept, the page's two sheets were read
    as one table); beside a letter of the line the same piece stays."""
    img = np.zeros((260, 500), np.uint8)
    for x in (40, 60, 80):
        _digit(img, x, 200)  # the page's characters: 26 px tall
    img[20:170, 200:320] = 255
    img[23:167, 203:317] = 0  # the ring run into the words: 150 px tall
    img[60:82, 180:183] = 255  # a piece of the ring, 17 px from it, a faint letter's size
    img[202:224, 110:113] = 255  # the same 16 px from the line's last digit
    assert not bool(Blobs(img).without_dust()[70, 181])
    assert bool(Blobs(img).without_dust()[210, 111])
