"""A spirit duplicator's copy of a table typed with rules of equals signs and no marks between its columns: the
dye spread, each sign's bars run together into a blot 15 px thick, thicker than a printout's typed dash
(ocr/typed_rules.py ``TYPED_THIN``). Its rules, alike across the table, are found all the same (AF dev 24014 p7:
one sign in three left out, no rule found, no table, five rows of thirteen read by the writing's lines alone).
No OCR here."""

from __future__ import annotations

import numpy as np

from ocr.lines import find_rules


def _equals_rule(img: np.ndarray, y: int, x0: int, x1: int, thick: int) -> None:
    """Equals signs at 12 characters to the inch (25 px), their bars run together: blots 18 px long, thick
    ``thick`` or a little more, every third one run into the next by the spread dye."""
    for k, x in enumerate(range(x0, x1 - 43, 25)):
        jitter = (k * 7) % 3 - 1  # the typist's uneven strike: a pixel up or down
        img[y + jitter : y + jitter + thick + k % 2, x : x + (43 if k % 3 == 1 else 18)] = 255


def _sheet(thick: int) -> np.ndarray:
    img = np.zeros((1600, 2000), np.uint8)
    for y in (200, 400, 1300):
        _equals_rule(img, y, 150, 1850, thick)
    for r in range(12):  # the people's lines: figures 26 px tall in five columns
        y = 440 + 70 * r
        for c in range(5):
            for d in range(4):
                x = 300 + 330 * c + 22 * d
                img[y : y + 26, x : x + 15] = 255
    return img


def test_rules_of_equals_signs_run_together_thick_are_found():
    rules = find_rules(_sheet(15))
    across = [r for r in rules.horizontal if r.length > 1200]
    assert [round(r.pos / 10) for r in across] == [21, 41, 131]


def test_rules_of_thin_equals_signs_are_found_as_before():
    rules = find_rules(_sheet(11))
    assert len([r for r in rules.horizontal if r.length > 1200]) == 3
