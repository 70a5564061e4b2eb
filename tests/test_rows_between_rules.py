"""A ruled band holding one person's line is that person's row, whatever other lines it holds (a wrapped
name above and below the figures, signatures and corrections crossing those lines); a band holding two
people's lines (a rule missing) is still split between them. No OCR."""

from __future__ import annotations

import numpy as np

from ocr import tables
from ocr.rowbands import rows_between_rules

XS = [0, 60, 260, 560, 700, 840, 980, 1120, 1300]  # №, ЕГН, name, days, gross, deductions, net, signature


def _person(ink: np.ndarray, y: int) -> None:
    """One person's line of type at ``y``: ink in every column but the signature's."""
    for c1 in XS[1:-1]:
        ink[y : y + 24, c1 - 50 : c1 - 8] = 255


def _name_line(ink: np.ndarray, y: int) -> None:
    """A wrapped name's line, with a few pixels of signature, comma tails and dust in other columns."""
    ink[y : y + 24, 270:420] = 255
    ink[y + 5 : y + 8, 1140:1290] = 255  # the signature's stroke crossing the line
    for c1 in (840, 980, 1120):
        ink[y : y + 3, c1 - 20 : c1 - 16] = 255  # specks


def test_a_wrapped_name_with_signature_ink_stays_in_its_ruled_band():
    ink = np.zeros((400, 1300), np.uint8)
    lines: list[tuple[int, int]] = []
    for top in (20, 200):  # two ruled bands: rules at 180 and (the band's bottom) 380
        _name_line(ink, top)
        _person(ink, top + 30)
        _name_line(ink, top + 60)
        lines += [(top, top + 24), (top + 30, top + 54), (top + 60, top + 84)]
    # without the rules the name lines with signature ink read as people of their own
    assert len(tables.group_lines(ink, lines, XS)) > 2
    rows = rows_between_rules(ink, lines, [180], XS, tables.group_lines)
    assert rows == [lines[:3], lines[3:]]


def test_a_band_with_two_people_is_split_between_them():
    ink = np.zeros((200, 1300), np.uint8)
    _person(ink, 20)
    _person(ink, 80)
    lines = [(20, 44), (80, 104)]
    assert rows_between_rules(ink, lines, [], XS, tables.group_lines) == [[lines[0]], [lines[1]]]


def test_a_correction_line_of_figures_above_the_person_is_left_for_the_correction_step():
    # a corrected figure written over the struck gross, not right-aligned (no name, number or signature):
    # its own line, which the correction step joins to the figure below as new-over-struck (E dev 504 p2)
    ink = np.zeros((200, 1300), np.uint8)
    ink[20:44, 710:770] = 255
    _person(ink, 60)
    lines = [(20, 44), (60, 84)]
    assert rows_between_rules(ink, lines, [], XS, tables.group_lines) == [[lines[0]], [lines[1]]]
    # a wrapped name's line in the same band stays with the person (the band is one row)
    ink2 = np.zeros((200, 1300), np.uint8)
    _name_line(ink2, 20)
    _person(ink2, 60)
    assert rows_between_rules(ink2, lines, [], XS, tables.group_lines) == [lines]


def test_a_persons_second_typed_line_of_figures_set_close_under_it_is_that_persons() -> None:
    """AD dev 22001 p4: a two-tier sheet's lower figures (the additional pay's second item, the advance under
    the union's fee) on a second typed line set close under the person's line, the signature across both: in
    three columns with the signature's, that line was a person's of its own, or (its columns the next
    person's too) that person's corrections, and the lower figures went to the next row."""
    ink = np.zeros((600, 1300), np.uint8)
    lines: list[tuple[int, int]] = []
    for top in (20, 180, 340):
        _person(ink, top)
        ink[top + 32 : top + 56, 700 - 50 : 700 - 8] = 255  # the gross's column: its lower figure
        ink[top + 32 : top + 56, 980 - 50 : 980 - 8] = 255  # the net's column
        ink[top + 20 : top + 50, 1140:1290] = 255  # the signature across both lines
        lines += [(top, top + 24), (top + 32, top + 56)]
    rows = tables.group_lines(ink, lines, XS, second_lines=True)
    assert rows == [lines[0:2], lines[2:4], lines[4:6]]
    # set nearer the line below than the one above: the line below's corrections, as before
    ink2 = np.zeros((600, 1300), np.uint8)
    _person(ink2, 20)
    ink2[130:154, 700 - 50 : 700 - 8] = 255
    ink2[130:154, 980 - 50 : 980 - 8] = 255
    _person(ink2, 162)
    rows = tables.group_lines(ink2, [(20, 44), (130, 154), (162, 186)], XS, second_lines=True)
    assert rows == [[(20, 44)], [(130, 154), (162, 186)]]


def test_a_line_of_figures_in_most_columns_or_in_an_unruled_table_is_no_second_line() -> None:
    """AA dev 19001 p3: under a person's line, touching it, a line of figures in most columns (a person's, its
    number and name lost to the film's grain) taken for the line above's second line: two people one row. A
    person's second line holds a few figures only (the two-tier columns'); and only a ruled table's band is so
    told apart (``split_ruled_rows``), not an unruled listing's lines."""
    ink = np.zeros((400, 1300), np.uint8)
    _person(ink, 20)
    for c1 in XS[3:-1]:  # figures in every column after the name
        ink[52:76, c1 - 50 : c1 - 8] = 255
    _person(ink, 160)
    lines = [(20, 44), (52, 76), (160, 184)]
    assert tables.group_lines(ink, lines, XS, second_lines=True)[0] == [lines[0]]  # (not the line above's)
    two_tier = np.zeros((400, 1300), np.uint8)
    _person(two_tier, 20)
    two_tier[52:76, 700 - 50 : 700 - 8] = 255
    _person(two_tier, 160)
    assert tables.group_lines(two_tier, lines, XS, second_lines=True) == [lines[:2], lines[2:]]
    assert tables.group_lines(two_tier, lines, XS)[0] == [lines[0]]  # (an unruled table's lines: as before)
