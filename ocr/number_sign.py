"""The sign before an institution's number in the employer's name: the "№" of a typewriter that has it ("ДКЦ № 2
– Русе", family Q) or a plain Latin "N" typed where it has not ("Детска градина N 7 - Сливен", family Y). The
name is kept as typed, so the two must not be merged: the text model (Bulgarian, no Latin letters) reads
either as "М", "м", "Н", "ю" (``header._NUMBER_SIGN_LOOKALIKES``), and the text alone cannot tell them apart.

The glyph can. An N's right stem runs down from the letter's top to its foot without a break; the sign's
right part is a small raised "o", over a bar or nothing, with blank rows between it and the foot. Only
such a clear picture decides; a glyph blurred or broken so that neither holds is "unsure", and the name
goes to a person (``employer_doubts`` ``number_sign``)."""

from __future__ import annotations

import cv2
import numpy as np

from .geometry import Box

PLAIN_N = "N"
SIGN = "№"
RIGHT_PART = 0.25  # the share of the glyph's width, from its right edge, where the stem or the raised "o" stands
STEM_COVER = 0.9  # an N's right stem has ink on this share of the glyph's rows at least
GAP_SHARE = 0.12  # the sign: blank rows under the raised "o", this share of the glyph's height at least


def sign_kind(gray: np.ndarray, box: Box) -> str | None:
    """``PLAIN_N`` or ``SIGN`` for the one glyph in ``box`` of ``gray`` (dark ink on light paper), None when the
    glyph shows neither clearly (too small, blurred, broken)."""
    m = 2
    crop = gray[max(0, box.y0 - m) : box.y1 + m, max(0, box.x0 - m) : box.x1 + m]
    if crop.size == 0 or min(crop.shape) < 8:
        return None
    _, ink = cv2.threshold(np.ascontiguousarray(crop), 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    # the glyph: the largest connected piece of ink and the pieces beside it (the sign's "o" and bar)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    if count < 2:
        return None
    main = 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))
    top, height = stats[main, cv2.CC_STAT_TOP], stats[main, cv2.CC_STAT_HEIGHT]
    if height < 8:
        return None
    keep = [k for k in range(1, count) if stats[k, cv2.CC_STAT_AREA] >= 4
            and stats[k, cv2.CC_STAT_TOP] + stats[k, cv2.CC_STAT_HEIGHT] > top
            and stats[k, cv2.CC_STAT_TOP] < top + height]  # fmt: skip
    x0 = min(stats[k, cv2.CC_STAT_LEFT] for k in keep)
    x1 = max(stats[k, cv2.CC_STAT_LEFT] + stats[k, cv2.CC_STAT_WIDTH] for k in keep)
    rows = ink[top : top + height, x1 - max(2, round(RIGHT_PART * (x1 - x0))) : x1] > 0
    inked = rows.any(axis=1)
    gap = longest = 0
    for r in inked:
        gap = 0 if r else gap + 1
        longest = max(longest, gap)
    if longest == 0 and inked.mean() >= STEM_COVER:
        return PLAIN_N
    if longest >= max(2, GAP_SHARE * height):
        return SIGN
    return None
