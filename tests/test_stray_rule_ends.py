"""A barcode sticker's bars in line with a column's rule are no part of the rule (family Z: the archive's
separator sticker in the top margin of a 240 dpi scan, its bars tall enough once the page is put to 300 dpi to
pass the rule finder's vertical opening). The rule ran from the image's top to the table's foot, was taken for a
toner streak, and three columns were read as one (Z dev 18002 p7, p8: the page in review whole)."""

from __future__ import annotations

import cv2
import numpy as np

from ocr.lines import _without_stray_ends, find_rules
from ocr.toner_streaks import without_streaks

H, W = 3580, 2000
TOP, FOOT = 620, 3500  # the table's top and foot rules
COLUMNS = (100, 700, 1000, 1300, 1900)


def _sheet(bars: bool) -> np.ndarray:
    """A binary sheet (ink 255): a table ruled across at its top, under its heading and at its foot, ruled down
    between them; with ``bars``, a barcode's bars (100 px tall, 3-6 px wide) above it, over two column rules."""
    b = np.zeros((H, W), np.uint8)
    for y in (TOP, TOP + 120, FOOT):
        cv2.line(b, (COLUMNS[0], y), (COLUMNS[-1], y), 255, 3)
    for x in COLUMNS:
        cv2.line(b, (x, TOP), (x, FOOT), 255, 3)
    if bars:
        x = 900
        for k in range(60):
            w = 3 + (k * 7) % 4
            b[30:130, x : x + w] = 255
            x += w + 3 + (k * 5) % 4
    return b


def test_a_barcodes_bars_above_a_column_rule_are_no_part_of_it():
    plain = find_rules(_sheet(False))
    rules = find_rules(_sheet(True))
    inner = [v for v in rules.vertical if v.pos in range(990, 1011) or v.pos in range(1290, 1311)]
    assert len(inner) == 2
    assert all(v.start >= TOP - 40 for v in inner)  # from the table's top, not from the bars
    kept = without_streaks(rules, (H, W)).vertical
    assert [v.pos for v in kept] == [v.pos for v in plain.vertical]  # no rule taken for a toner streak


def test_a_rule_broken_in_long_pieces_keeps_its_extent():
    along = np.r_[np.arange(600, 1500), np.arange(1800, 3500)]  # a rule broken by a stamp's white
    assert _without_stray_ends(along, 150).tolist() == along.tolist()
    stray = np.r_[np.arange(10, 130), along]
    assert _without_stray_ends(stray, 150).tolist() == along.tolist()
