"""Days figures crossed by a signature (family H, issue 9): the ink's width gives no count where a pen
line runs through the cell, and a re-read of the cut cell never overrules an earlier reading that says
another figure (two models can agree on a wrong one)."""

from __future__ import annotations

import cv2

from ocr import crossed_days, inkcount

from .test_review_load import _sheet


def test_a_signature_across_the_days_gives_the_ink_count_no_say():
    ink, boxes = _sheet(["5309272268", "7405273237", "3807087603", "22", "22"])
    pitch = inkcount.digit_pitch(ink, boxes[:3])
    b = boxes[4]
    cv2.line(ink, (300, b.y0 + 35), (640, b.y0 + 28), 255, 2)  # a pen stroke through the figure's line
    assert inkcount.digit_count(ink, boxes[3], pitch) == 2
    assert inkcount.digit_count(ink, b, pitch) is None


def test_the_cut_cell_fills_a_lost_digit_but_never_overrules_another_figure():
    assert crossed_days._lost_digits(3, 23)  # the pen covered the 2
    assert crossed_days._lost_digits(23, 23)
    assert not crossed_days._lost_digits(21, 23)  # both models read 21 earlier: a person decides
    assert crossed_days._lost_digits(722, 22)  # a stroke read as a 7: no month has 722 days
    assert not crossed_days._lost_digits(72, 22)
    assert crossed_days._int("-7") == 7  # a piece of stroke read as a dash
    assert crossed_days._int("2,3") is None
    assert crossed_days._int("722") is None
