"""The scanner's backing seen through the page (``ocr.backing``): a ring binder's punched holes, scanned at 200 dpi
over a black backing, are backing too, never ink — left in the clean image, their black made tesseract's threshold
drop the faint violet employer's line of a spirit-duplicator copy (family AF dev 24001 p7: nothing read above the
table). Type, bold or faint, is never taken for a hole."""

from __future__ import annotations

import cv2
import numpy as np

from ocr.backing import backing_mask


def _page() -> np.ndarray:
    gray = np.full((1690, 2378), 226, np.uint8)  # an A4 sheet across at 200 dpi
    for x in (243, 873, 1503, 2133):  # four holes, 6 mm across
        cv2.circle(gray, (x, 114), 23, 18, -1)
    for k in range(12):  # a line of faint typing under them
        cv2.rectangle(gray, (240 + 22 * k, 210), (252 + 22 * k, 232), 160, 2)
    cv2.putText(gray, "0,00", (600, 600), cv2.FONT_HERSHEY_SIMPLEX, 1.6, 0, 9)  # bold figures, black
    cv2.rectangle(gray, (900, 580), (930, 606), 30, -1)  # a filled square of ink the size of a letter
    for k in range(6):  # a bitonal scan's heavy round letters (a filled "О" as the threshold leaves it) in a word
        cv2.circle(gray, (1222 + 60 * k, 602), 23, 0, -1)
    return gray


def test_punched_holes_are_backing_type_is_not():
    mask = backing_mask(_page())
    assert mask is not None
    for x in (243, 873, 1503, 2133):
        assert mask[114, x] and mask[114, x - 18] and mask[114, x + 18]  # the hole whole, to its edge
    assert not mask[200:240, 230:520].any()  # the typing
    assert not mask[540:640, 580:1600].any()  # the bold figures, the filled square, the heavy capitals


def test_a_page_without_holes_or_backing_has_none():
    assert backing_mask(np.full((1690, 2378), 226, np.uint8)) is None
