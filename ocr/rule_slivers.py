"""The printed rules' ink against the writing, in the clean image tesseract reads: a figure typed against a
printed rule, or across it, on a form whose printed grid the typing does not match (family AP: an ЕГН typed
right against its column's left rule, read `1 3007057662` or `| 5708165439`, the rule's edge a `1`; figures
on a printed row rule, struck through by it, read `22-22` for `22,32`).

The rules are taken out of the ink (``lines.find_rules``' mask), but ``preprocess.flatten`` keeps the grey a
couple of pixels around the writing, so the rule's pixels beside a glyph came back as a thin bar: a `1`
or a `|` beside the figure. Here the rule's pixels are the paper unless they are the writing's:
writing on both sides of the rule, across it, within ``REACH`` (a stroke through the rule: its piece on the
rule is the stroke's, so the figure is not cut in two), or darker than the rule's print by ``DARKER`` (the
ribbon's black over a form printed in a lighter ink: the comma of `187,91` on the rule; a smaller margin took
the darker spots of AL dev 30001 p1's rules for writing and lost 10 of its 19 rows). A rule's pixels beside
writing on one side only, as light as the rule, are the rule's: paper.
"""

from __future__ import annotations

import cv2
import numpy as np

REACH = 7  # px at 300 dpi each side of a rule's pixel looked at for writing: wider than a printed rule
DARKER = 60  # grey levels under the rule's own dark grey: the typing over the rule, not the rule
OWN = 10  # percentile of the rules' grey away from the writing: a rule's core
LONG = 25  # px: a rule's run along its direction (a vertical rule's pixel lies in a vertical run this long)


def _side(text: np.ndarray, width: int, height: int, anchor: tuple[int, int]) -> np.ndarray:
    """Writing within a ``width`` x ``height`` window anchored at ``anchor`` (cv2's: the window looks away
    from the anchor)."""
    kernel = np.ones((height, width), np.uint8)
    return cv2.dilate(text, kernel, anchor=anchor) > 0


def crossed(text: np.ndarray, rules: np.ndarray) -> np.ndarray:
    """The rules' pixels a stroke of writing crosses: writing left and right of a vertical rule's pixel, or
    above and below a horizontal rule's, each within ``REACH`` (bool)."""
    on = rules > 0
    vertical = cv2.morphologyEx(rules, cv2.MORPH_OPEN, np.ones((LONG, 1), np.uint8)) > 0
    horizontal = cv2.morphologyEx(rules, cv2.MORPH_OPEN, np.ones((1, LONG), np.uint8)) > 0
    k = REACH + 1
    left, right = _side(text, k, 1, (REACH, 0)), _side(text, k, 1, (0, 0))
    up, down = _side(text, 1, k, (0, REACH)), _side(text, 1, k, (0, 0))
    return on & ((vertical & left & right) | (horizontal & up & down))


def darker(gray: np.ndarray, text: np.ndarray, rules: np.ndarray) -> np.ndarray:
    """The rules' pixels ``DARKER`` levels darker than the rules' own core (the ``OWN`` percentile of their grey
    away from the writing): the typing over a rule printed in a lighter ink (bool)."""
    on = rules > 0
    away = on & (cv2.dilate(text, np.ones((2 * REACH + 1, 2 * REACH + 1), np.uint8)) == 0)
    if not away.any():
        return np.zeros_like(on)
    own = float(np.percentile(gray[away], OWN))
    return on & (gray.astype(np.int16) < own - DARKER)


def writing_on_rules(text: np.ndarray, rules: np.ndarray, gray: np.ndarray) -> np.ndarray:
    """The rules' pixels that are the writing's (crossed by it, or well darker than the rule): 255, else 0."""
    if not np.any(rules):
        return np.zeros_like(text)
    return ((crossed(text, rules) | darker(gray, text, rules)).astype(np.uint8)) * 255


def rules_whitened(clean: np.ndarray, rules: np.ndarray, writing: np.ndarray) -> np.ndarray:
    """``clean`` with the rules' pixels that are not ``writing`` made the paper (in place; returned)."""
    clean[(rules > 0) & (writing == 0)] = 255
    return clean
