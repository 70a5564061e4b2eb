"""A computer centre's printout on fanfold paper (family P): the perforations down its sides and the tear
lines across it are no rules of the table; its typed rules (dashes run into the capitals, squat dashes)
are (P dev 8009: the tear lines and perforations taken for the table's rules, nine people of twelve lost)."""

from __future__ import annotations

import numpy as np

from ocr import lines
from ocr.lines import Rule


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
        horiz, *_ = lines.dashed_rules(_printout(squat))
        assert (horiz[600:609, 210:1580] > 0).any(axis=0).all(), squat  # one rule, across the word too


def _table_between(sides: str) -> np.ndarray:
    """A ruled table (rules 4 px) inside two full-height lines near the image's sides: a fanfold's
    perforations (dashed) or a photocopy's solid dark edges (family O)."""
    img = np.zeros((1200, 1800), np.uint8)
    for y in range(0, 1200, 20) if sides == "perforated" else [0]:
        n = 12 if sides == "perforated" else 1200
        img[y : y + n, 60:64] = 255
        img[y : y + n, 1740:1744] = 255
    img[150:154, 20:1780] = 255  # a line across the top reaching out over the side lines (a tear line, an edge)
    for y in (300, 400, 500, 600, 700):
        img[y : y + 4, 300:1500] = 255
    for x in (300, 700, 1100, 1500):
        img[300:704, x : x + 4] = 255
    return img


def test_a_photocopys_solid_edges_are_no_fanfold_the_rules_beyond_them_stay():
    """O dev 7012 p2, 7016 p1, 7013 p2, 7019 p2: a photocopy's dark edges from the top of the copy to its
    bottom on both sides were taken for a fanfold's perforations, every rule reaching them dropped, and the
    page failed with no table found. Only a perforated (dashed) line down each side is a fanfold."""
    photocopy = lines.find_rules(_table_between("solid"))
    assert any(abs(r.pos - 152) < 8 for r in photocopy.horizontal)  # the edge's line across stays a rule
    assert any(abs(v.pos - 62) < 8 for v in photocopy.vertical)
    fanfold = lines.find_rules(_table_between("perforated"))
    assert not any(abs(r.pos - 152) < 8 for r in fanfold.horizontal)  # the tear line is dropped
    assert not any(abs(v.pos - 62) < 8 for v in fanfold.vertical)
    for rules in (photocopy, fanfold):  # the table's own rules stay in both
        assert sum(300 <= r.pos <= 705 for r in rules.horizontal) == 5
        assert sum(290 <= v.pos <= 1510 for v in rules.vertical) == 4
