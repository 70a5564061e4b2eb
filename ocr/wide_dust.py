"""A "letter" at the employer's line's end as wide as a word: a word the engine could not read, not dust.

The name's line drops a lone small letter at either end as a speck read as a letter (``header.clean_employer``).
A speck is a letter wide or less; the legal form "ППК" under a staple's stroke read as one "в" at 0.43 (T dev
12002 p4: its box six letters wide) was dropped so, and '„Съгласие“ с. Скутаре' went out without a doubt.
A one-letter word at least ``WIDE`` times as wide as a letter of the line's other words is ink unread: the
name goes to a person (``unread_ink.UNREAD``), and the "letter" is no part of it: a staple's end read "7" before
"Окръжна болница" (W dev 15001 p2, p5) is dropped, the doubt says ink before the name was not read."""

from __future__ import annotations

import numpy as np

from .geometry import Word

WIDE = 3.0  # letters' widths: a speck read as a letter is one wide, a short word unread three or more
MIN_LETTERS = 3  # the words that tell a letter's width


def _letter_width(words: list[Word]) -> float | None:
    widths = [w.box.w / len(w.text) for w in words if sum(ch.isalpha() for ch in w.text) >= MIN_LETTERS]
    return float(np.median(widths)) if widths else None


def wide_at_ends(words: list[Word]) -> list[Word]:
    """The line's first and last words that are one letter or digit and ``WIDE`` letters wide or more."""
    if len(words) < 2:
        return []
    letter = _letter_width(words)
    if letter is None:
        return []
    ends = {id(words[0]): words[0], id(words[-1]): words[-1]}.values()
    return [w for w in ends if sum(ch.isalnum() for ch in w.text) == 1 and w.box.w >= WIDE * letter]


def unread_word_at_ends(words: list[Word]) -> bool:
    """The line's first or last word is one letter or digit and ``WIDE`` letters wide or more."""
    return bool(wide_at_ends(words))
