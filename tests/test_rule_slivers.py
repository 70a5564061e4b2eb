"""The printed rules' ink against the writing in the clean image (ocr.rule_slivers): a figure typed right against a
printed column rule must not keep a sliver of the rule beside it (AP dev 34001 p1: every ЕГН read `| 3007057662`
or `1 3007057662`, none of ten digits, the ЕГН None in review on every row), and a stroke typed across a printed
rule must not be cut by the rule's removal."""

from __future__ import annotations

import numpy as np

from ocr import preprocess
from ocr.rule_slivers import crossed, rules_whitened, writing_on_rules

H, W = 400, 600
PAPER, RULE, TYPING = 225, 140, 60
VX, HY = 200, 250  # the column rule's left edge, the row rule's top edge (both 5 px wide)


def _form(*, typing: int = TYPING) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """gray, the rules' mask, the text ink (the binary without the rules): a glyph typed against the column
    rule's right side, a stroke typed down across the row rule."""
    gray = np.full((H, W), PAPER, np.uint8)
    gray[40:360, VX : VX + 5] = RULE
    gray[HY : HY + 5, 40:560] = RULE
    gray[100:130, VX + 5 : VX + 9] = typing  # the glyph's stem against the rule
    gray[100:104, VX + 5 : VX + 20] = typing  # its bar
    gray[230:275, 400:404] = typing  # a stroke across the row rule
    mask = np.zeros((H, W), np.uint8)
    mask[40:360, VX : VX + 5] = 255
    mask[HY : HY + 5, 40:560] = 255
    binary = np.where(gray < 180, 255, 0).astype(np.uint8)
    text = np.where((binary > 0) & (mask == 0), 255, 0).astype(np.uint8)
    return gray, mask, text


def _clean(gray: np.ndarray, mask: np.ndarray, text: np.ndarray) -> np.ndarray:
    writing = np.maximum(text, writing_on_rules(text, mask, gray))
    return rules_whitened(preprocess.flatten(gray, writing), mask, writing)


def test_no_sliver_of_the_rule_beside_a_figure_typed_against_it():
    gray, mask, text = _form()
    assert preprocess.flatten(gray, text)[100:130, VX + 3 : VX + 5].min() < 200  # the bar a `1` was read of
    clean = _clean(gray, mask, text)
    assert clean[100:130, VX : VX + 5].min() == 255  # the rule beside the glyph: paper
    assert clean[105:125, VX + 5 : VX + 9].max() < 128  # the glyph kept


def test_a_stroke_across_a_rule_is_not_cut():
    for typing in (TYPING, RULE):  # darker than the form's print, or as dark
        gray, mask, text = _form(typing=typing)
        assert crossed(text, mask)[HY : HY + 5, 400:404].all()
        clean = _clean(gray, mask, text)
        assert clean[HY : HY + 5, 400:404].max() < 200  # the stroke whole across the rule
        assert clean[HY : HY + 5, 380:396].min() == 255  # the rule beside it: paper


def test_typing_well_darker_than_the_print_is_kept_on_the_rule():
    gray, mask, text = _form()
    gray[150:180, VX : VX + 5] = TYPING  # a stem typed on the column rule itself (an `М`'s, a `г`'s)
    kept = writing_on_rules(text, mask, gray) > 0
    assert kept[150:180, VX : VX + 5].all()
    assert not kept[200:240, VX : VX + 5].any()  # the rule itself
    gray[150:180, VX : VX + 5] = RULE - 30  # a little darker than the print only (AL dev 30001 p1): the rule's
    assert not (writing_on_rules(text, mask, gray) > 0)[150:180, VX : VX + 5].any()
