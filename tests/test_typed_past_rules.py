"""A printout's last column typed past the ends of its dashed rules (P dev 8009 p1: the ЕГН last, its last
digit beyond the rules' end, cut off on every row: nine digits read, no ЕГН on the page, every field of
it in review): the table's right side is carried to the end of the typing, not to the column mark beyond."""

from __future__ import annotations

import numpy as np

from ocr.tables import _typed_past

RIGHT = 300  # where the rules end


def _page(ends_at: int, mark_at: int | None = None) -> np.ndarray:
    ink = np.zeros((200, 600), np.uint8)
    for y in (40, 90, 140):
        ink[y : y + 25, 200:ends_at] = 255  # a line's figures
        if mark_at is not None:
            ink[y : y + 25, mark_at : mark_at + 4] = 255  # `!` beyond
    return ink


def test_typing_across_the_rules_end_carries_the_tables_side_to_its_end():
    assert _typed_past(_page(322, mark_at=350), (30, 180), RIGHT, 12, 90) == 325


def test_typing_ending_before_the_rules_end_or_a_mark_apart_leaves_the_side():
    assert _typed_past(_page(280, mark_at=330), (30, 180), RIGHT, 12, 90) == RIGHT
    assert _typed_past(_page(280), (30, 180), RIGHT, 12, 90) == RIGHT


def test_ink_running_on_beyond_the_limit_is_no_columns_end():
    assert _typed_past(_page(600), (30, 180), RIGHT, 12, 90) == RIGHT
