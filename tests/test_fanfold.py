"""A computer centre's printout on fanfold paper (family P): the perforations down its sides and the tear
lines across it are no rules of the table; its typed rules (dashes run into the capitals, squat dashes)
are (P dev 8009 and 8012: the tear lines taken for the table's rules, people lost or one row down)."""

from __future__ import annotations

import numpy as np

from ocr import lines
from ocr.lines import Rule
from ocr.tables import _without_tear_lines


def test_the_fanfolds_perforations_and_tear_lines_are_no_rules_of_the_table():
    h, w = 2480, 3508
    hr = [Rule(48, 0, 3282), Rule(417, 272, 3130), Rule(587, 272, 3130), Rule(1271, 272, 3108)]
    hr.append(Rule(2440, 128, 3374))
    vr = [Rule(150, 0, 2452), Rule(1200, 417, 1271), Rule(3360, 4, 2452), Rule(3498, 1677, 2479)]
    kept_h, kept_v = lines._without_the_fanfold(hr, vr, h, w)
    assert [r.pos for r in kept_h] == [417, 587, 1271]
    assert [v.pos for v in kept_v] == [1200]
    # without both side lines nothing is dropped (a table's own rules near the side stay)
    assert lines._without_the_fanfold(hr, vr[1:], h, w) == (hr, vr[1:])


def test_a_tear_line_reaching_the_side_past_the_tables_rules_is_dropped():
    w = 2480
    hr = [Rule(55, 132, 2473), Rule(351, 296, 2173), Rule(449, 296, 2173), Rule(1247, 296, 2172)]
    assert [r.pos for r in _without_tear_lines(hr, w)] == [351, 449, 1247]
    # a table as wide as the image keeps its top rule
    wide = [Rule(55, 10, 2470), Rule(351, 12, 2468), Rule(1247, 11, 2469)]
    assert _without_tear_lines(wide, w) == wide


def _printout(squat: bool) -> np.ndarray:
    """A printout's binary: perforations down both sides, a rule typed in dashes across the middle that
    runs into a word of capitals (a blob on the rule's row as tall as a letter and a dash)."""
    img = np.zeros((1200, 1800), np.uint8)
    for y in range(0, 1200, 20):  # perforations: 12-px dashes
        img[y : y + 12, 60:64] = 255
        img[y : y + 12, 1740:1744] = 255
    dash, pitch = (11, 19) if squat else (16, 22)
    for x in range(200, 1600, pitch):
        img[600:609, x : x + dash] = 255
    img[609:645, 700:900:12] = 255  # capitals under the rule, the dashes run into them
    return img


def test_a_typed_rule_run_into_letters_and_squat_dashes_are_a_rule_on_a_printout():
    for squat in (False, True):
        horiz, _ = lines.dashed_rules(_printout(squat))
        assert (horiz[600:609, 210:1580] > 0).any(axis=0).all(), squat  # one rule, across the word too
