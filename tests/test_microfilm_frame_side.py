"""A microfilm frame dark down a side of the image too: its top edge, from the side band's inner edge to the
other side, is no rule (``ocr.lines._not_the_frame``; R dev 10001 p14)."""

from __future__ import annotations

from ocr.lines import Rule, _not_the_frame

H, W = 2480, 3508
TABLE = [Rule(1385, 347, 1606), Rule(1461, 121, 2914), Rule(1881, 93, 3507)]


def test_the_frames_top_edge_from_the_side_bands_edge_is_no_rule():
    top = Rule(83, 58, 3507)
    side = Rule(90, 65, 2479)  # the left band's inner edge, down nearly all the image
    assert _not_the_frame([top, *TABLE], H, W, [side]) == TABLE


def test_a_rule_starting_in_from_the_side_with_no_side_band_is_kept():
    top = Rule(83, 58, 3507)
    column = Rule(90, 300, 1500)  # a table's column rule, not a band down the image's side
    assert _not_the_frame([top, *TABLE], H, W, [column]) == [top, *TABLE]
    assert _not_the_frame([top, *TABLE], H, W) == [top, *TABLE]
