"""Letters before the employer's name that the engine read no word from: a legal form lost ("ДП" of
"ДП „Пътно поддържане“ – Монтана", family K dev 3007 p1) leaves a name that reads well and is wrong. Marks
as tall as half a letter, in the line's rows, between the word before the name (a label, or the page's
margin) and the name's first word: the name goes to a person. Dust is lower than half a letter."""

from __future__ import annotations

import cv2
import numpy as np

from .employer_doubts import doubt
from .geometry import Word

UNREAD = doubt("unread_before")
LOOK_BACK = 4  # letters' heights left of the name's first word where a lost word is looked for


def ink_before(name: list[Word], left: int, gray: np.ndarray | None) -> bool:
    """Are there letter-sized marks left of ``name``'s first word, right of ``left`` (the end of the word
    before it on the line; 0: none)?"""
    if gray is None or not name:
        return False
    h = int(np.median([w.box.h for w in name]))
    first = name[0].box
    y0, y1 = min(w.box.y0 for w in name), max(w.box.y1 for w in name)
    x0, x1 = max(left + 2, first.x0 - LOOK_BACK * h, 0), first.x0 - max(3, h // 8)
    if h < 10 or x1 - x0 < h // 2:
        return False
    line = gray[y0:y1, first.x0 : max(w.box.x1 for w in name)]
    if line.size == 0:
        return False
    paper, dark = float(np.median(line)), float(np.percentile(line, 3))
    mask = (gray[y0:y1, x0:x1] < paper - max(25.0, 0.4 * (paper - dark))).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return any(stats[i][cv2.CC_STAT_HEIGHT] >= 0.45 * h and stats[i][cv2.CC_STAT_WIDTH] >= 2 for i in range(1, n))


def ink_between(left: Word, right: Word, gray: np.ndarray | None) -> bool:
    """Are there letter-sized marks (a third of the words' height: a small "с." and its stop) in the gap
    between ``left`` and ``right`` on a line, that the engine read no word from?"""
    if gray is None:
        return False
    h = min(left.box.h, right.box.h)
    x0, x1 = left.box.x1 + max(2, h // 10), right.box.x0 - max(2, h // 10)
    y0, y1 = min(left.box.y0, right.box.y0), max(left.box.y1, right.box.y1)
    if h < 10 or x1 - x0 < h // 3:
        return False
    line = gray[y0:y1, left.box.x0 : right.box.x1]
    if line.size == 0:
        return False
    paper, dark = float(np.median(line)), float(np.percentile(line, 3))
    mask = (gray[y0:y1, x0:x1] < paper - max(25.0, 0.4 * (paper - dark))).astype(np.uint8)
    n, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    return any(stats[i][cv2.CC_STAT_HEIGHT] >= h // 3 and stats[i][cv2.CC_STAT_WIDTH] >= max(3, h // 8) for i in range(1, n))


def place_unmarked(name: list[Word], gray: np.ndarray | None) -> str | None:
    """The word after the quoted name's closing quote (a capital, no "с."/"гр." before it: "„Дружба“ Бяла
    черква") when marks stand unread in the gap before it (its "с." not read, T dev 12032 p2): that word."""
    for a, b in zip(name, name[1:], strict=False):
        word = b.text.strip(".,")
        if a.text.rstrip(".,").endswith(("“", '"')) and word[:1].isupper() and word.isalpha() and len(word) >= 3:
            return word if ink_between(a, b, gray) else None
    return None
