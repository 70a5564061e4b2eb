"""Tables ruled by hand and kept on microfilm (family R): the rule under the heading drawn in pencil, faded
and leaning, or in two goes of the ruler; the frame's dark edge; the rows' writing beyond a washed-out rule's
end. What the grid makes of each (``ocr.hand_rules``, ``ocr.lines``, ``ocr.tables``)."""

from __future__ import annotations

import json

import cv2
import numpy as np
from PIL import Image

from ocr import tables
from ocr.analysis import analyse
from ocr.geometry import Grid
from ocr.hand_rules import faint_rule
from ocr.lines import Rule, Rules, _not_the_frame

from .conftest import FIXTURES

W, H = 2400, 900


def _writing(img: np.ndarray, y: int, x0: int = 150, x1: int = 2250) -> None:
    """A line of type: words of blocky letters across the columns."""
    for x in range(x0, x1, 180):
        cv2.putText(img, "Ivan 1234", (x, y), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 255, 3)


def _faded_rule(img: np.ndarray, y0: int, y1: int, x0: int = 100, x1: int = 2300) -> None:
    """A pencil's rule leaning from ``y0`` to ``y1``, faded into pieces of 20-60 px with gaps between."""
    rng = np.random.default_rng(7)
    x = x0
    while x < x1:
        n = int(rng.integers(22, 60))
        ya = y0 + (y1 - y0) * (x - x0) / (x1 - x0)
        yb = y0 + (y1 - y0) * (x + n - x0) / (x1 - x0)
        cv2.line(img, (x, round(ya)), (x + n, round(yb)), 255, 2)
        x += n + int(rng.integers(10, 40))


def test_a_faded_leaning_pencil_rule_is_found_and_lines_of_type_are_none() -> None:
    img = np.zeros((H, W), np.uint8)
    for y in (150, 230, 380, 460, 540):
        _writing(img, y)
    assert faint_rule(img, 100, 2300, 100, 600) is None  # lines of type make no rule
    _faded_rule(img, 296, 312)  # 16 px of lean across the table (about 0.4 degrees)
    y = faint_rule(img, 100, 2300, 100, 600)
    assert y is not None and abs(y - 304) <= 3


def test_the_heading_ends_at_a_faded_rule_or_a_half_rule_with_writing_on_both_sides() -> None:
    """R dev 10016 p1 and p2: the heading's band ran down to the rule under the first person, whose line
    was the heading's; with the rule found the first person's line is a row of its own."""
    img = np.zeros((H, W), np.uint8)
    for y in (150, 230, 360):  # the heading's two lines, the first person's line
        _writing(img, y)
    grid = Grid(xs=[100, 800, 1500, 2300], ys=[100, 400, 600, 700], ruled=True)
    no_rules = Rules([], [], np.zeros_like(img))
    assert tables._heading_rule(img, no_rules, grid).ys == grid.ys  # nothing under the heading: as it was
    faded = img.copy()
    _faded_rule(faded, 276, 290)
    assert tables._heading_rule(faded, no_rules, grid).ys[:3] == [100, 283, 400]
    half = Rules([Rule(280, 1000, 2300)], [], np.zeros_like(img))  # the ruler moved: the right half found
    assert tables._heading_rule(img, half, grid).ys[:3] == [100, 280, 400]
    group = Rules([Rule(280, 1600, 2300)], [], np.zeros_like(img))  # a group's rule over two columns: none
    assert tables._heading_rule(img, group, grid).ys == grid.ys


def test_a_microfilm_frame_s_dark_edge_is_no_rule_of_the_table() -> None:
    """R dev 10020 p1: the frame's edge across the whole image near its top, taken for the table's top rule."""
    h, w = 2480, 3508
    frame, top, head, total = Rule(40, 0, w - 1), Rule(405, 107, 3366), Rule(579, 106, 3366), Rule(1287, 107, 3367)
    assert _not_the_frame([frame, top, head, total], h, w) == [top, head, total]
    assert _not_the_frame([frame, head], h, w) == [frame, head]  # two rules stay: a sheet cut close keeps them
    assert _not_the_frame([Rule(600, 0, w - 1), head, total], h, w)[0].pos == 600  # mid-page: not the frame


def test_the_rows_writing_beyond_a_washed_out_rule_s_end_is_the_table_s() -> None:
    """R dev 10020 p2: the rules paler inside a water stain stop short of the names; the names' first
    letters, on every row, are inside the table."""
    img = np.zeros((H, W), np.uint8)
    body = []
    for y in range(200, 700, 60):
        _writing(img, y, x0=120)
        body.append((y - 25, y + 5))
    cv2.circle(img, (40, 100), 6, 255, -1)  # a blot in the margin, on no row
    assert tables.rows_reach(img, body, 420, 2300, 120)[0] < 130
    left, right = tables.rows_reach(img, body, 100, 2380, 120)  # the rules reach past the writing: as they are
    assert (left, right) == (100, 2380)


def test_a_tape_s_dithered_patches_down_the_margin_are_no_writing_of_the_rows() -> None:
    """AH dev 26013 p6: a mended tear's tape down the left margin, dithered into dots inked on every line and
    between them alike, was taken for the rows' writing past the rules' end: three columns of tape left of the
    row numbers, twelve people read as three rows and nine lost without a flag. The writing's first letters past
    a faded rule stay the table's (above), and so do the rows' numbers printed left of its rule (below)."""
    img = np.zeros((H, W), np.uint8)
    body = []
    for y in range(200, 700, 60):
        _writing(img, y, x0=450)
        body.append((y - 25, y + 5))
    rng = np.random.default_rng(3)
    tape = rng.random((560, 140)) < 0.35  # the tape's yellow dithered: dots from above the first line to below the last
    img[160:720, 280:420][tape] = 255
    assert tables.rows_reach(img, body, 440, 2300, 120) == (440, 2300)
    _writing(img, 200, x0=300, x1=420)  # one line's letters over the tape too: still the tape's ink, mostly
    assert tables.rows_reach(img, body, 440, 2300, 120)[0] == 440


def test_the_rows_numbers_left_of_the_table_s_rule_stay_the_table_s() -> None:
    """Session 34's first tape rule (ink that did not rise and fall with the table's) cut a column of row numbers
    printed left of the table's rule off an evaluation page of family Y: every number lost. Numbers on the rows'
    lines, nothing between them, are the rows' writing."""
    img = np.zeros((H, W), np.uint8)
    body = []
    for i, y in enumerate(range(200, 700, 60)):
        _writing(img, y, x0=450)
        cv2.putText(img, str(i + 1), (330, y), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 255, 3)
        body.append((y - 25, y + 5))
    assert tables.rows_reach(img, body, 440, 2300, 120)[0] < 330


def test_a_short_piece_of_the_heading_s_rule_ends_the_heading_where_the_people_s_lines_stand_under_it() -> None:
    """R dev 10011 p1: a scan in black and white kept a quarter of the pencil's rule under the heading; the
    heading band ran down to the totals (4 people of 12 found). Under the piece stand the people's lines; a
    group's rule has a line or two of the heading under it (the previous test)."""
    img = np.zeros((1400, W), np.uint8)
    for y in (150, 230, *range(360, 1100, 70)):  # the heading's two lines, eleven people's lines
        _writing(img, y)
    grid = Grid(xs=[100, 800, 1500, 2300], ys=[100, 1150, 1250], ruled=True)
    piece = Rules([Rule(280, 1700, 2300)], [], np.zeros_like(img))
    assert tables._heading_rule(img, piece, grid).ys == [100, 280, 1150, 1250]


def test_a_group_s_rule_with_a_two_tier_heading_under_it_does_not_end_the_heading() -> None:
    """AD dev 22001 p4: the rules under `Трудово възнаграждение` and `Удръжки`, end to end from one column
    rule to another, with five lines of the columns' two-tier headings under them (more than above): taken
    for a piece of the heading's rule, the heading ended there, its lower lines were read as rows of nobody
    and the columns' headings lost. The piece of R dev 10011 (previous test) ends at no column rule."""
    img = np.zeros((1400, W), np.uint8)
    for y in (150, 230):  # the heading's first lines, over the groups' rule
        _writing(img, y)
    for y in range(330, 630, 60):  # the columns' headings under it, in the groups' columns only
        _writing(img, y, x0=850)
    for y in range(760, 1100, 70):  # the people's lines, under the heading's own rule
        _writing(img, y)
    grid = Grid(xs=[100, 800, 1500, 2300], ys=[100, 700, 1150, 1250], ruled=True)
    group = Rules([Rule(280, 806, 2296)], [], np.zeros_like(img))  # column rule 800 to the table's side
    assert tables._heading_rule(img, group, grid).ys == grid.ys
    piece = Rules([Rule(280, 1000, 2296)], [], np.zeros_like(img))  # a piece of a rule from no column rule
    assert tables._heading_rule(img, piece, grid).ys[:2] == [100, 280]


def test_an_italic_heading_s_letters_lined_up_are_no_faded_rule() -> None:
    """H dev 812 p1 (regression h-italic-heading-feet-taken-for-a-faded-rule, halved): an italic heading of
    three lines, its rule found by the grid. Along its third line the letters' feet (at 300 dpi) or tops
    (halved) covered 41-42 % of the table: taken for a faded pencil rule, the heading was cut through its
    letters, its last line read as a row of nobody, every heading garbled and (at 300 dpi) the page in
    review. A rule has paper beside it; those letters stand against the line on one side: the heading ends
    at its rule and the first person's line is the first row."""
    png = FIXTURES / "regression" / "h-italic-heading-feet-taken-for-a-faded-rule.png"
    dpi = round(Image.open(png).info["dpi"][0])
    a = analyse(cv2.imread(str(png), cv2.IMREAD_UNCHANGED), dpi=dpi, unbend=True)
    first = json.loads(png.with_suffix(".json").read_text(encoding="utf-8"))["rows"][0]["bbox"]
    middle = (first[1] + first[3]) / 2 * 300 / dpi  # (the grid's at 300 dpi)
    assert a.grid.ys[1] <= middle <= a.grid.ys[2]


def test_a_typed_group_s_rule_past_the_column_marks_does_not_end_the_heading() -> None:
    """AE dev 23002 p6: a typed `=====` under `Отработено време`, `Възнаграждение` and `Удръжки`, over more than
    half the table, running 35 px and 24 px past the typed column marks it goes from and to (the `=` through
    the marks' character cells), the columns' headings under it in half the columns: taken for the heading's
    rule drawn in two goes, the heading ended there, its lower lines three rows of nobody, the page in review
    whole."""
    img = np.zeros((1400, W), np.uint8)
    for y in (150, 230):  # the heading's first lines, over the groups' rule
        _writing(img, y)
    for y in range(330, 570, 60):  # the columns' headings under it, in the groups' columns only
        _writing(img, y, x0=720, x1=1880)
    for y in range(760, 1100, 70):  # the people's lines, under the heading's own rule
        _writing(img, y)
    xs = [100, 400, 700, 900, 1100, 1300, 1500, 1700, 1900, 2300]
    grid = Grid(xs=xs, ys=[100, 700, 1150, 1250], ruled=True)
    typed = Rules([Rule(280, 665, 1924)], [], np.zeros_like(img))  # from column mark 700 to 1900, typed past both
    assert tables._heading_rule(img, typed, grid).ys == grid.ys
    piece = Rules([Rule(280, 780, 2300)], [], np.zeros_like(img))  # a piece of the heading's rule from no mark
    assert tables._heading_rule(img, piece, grid).ys[:2] == [100, 280]


def test_a_pen_group_s_rule_the_groups_columns_begin_at_does_not_end_the_heading() -> None:
    """AE dev 23003 p6: pen rules under `ОТРАБОТЕНО`, `Възнаграждение` and `Удържано`, found as one rule over 64 %
    of the table, 38 px before the first group's column rule: the grid took it across the table, the heading's
    first line was the heading and its three lower lines three rows of nobody (every figure right, every field in
    review). The groups' columns are ruled from it down, the table's others cross it: a group's rule. A rule as
    short whose columns all cross it is a row's and stays."""
    xs = [100, 400, 700, 900, 1100, 1300, 1500, 1700, 1900, 2300]
    grouped = {900, 1100, 1500, 1700}  # the columns under the groups, ruled from the groups' rule down
    rows = [100, 400, 500, 600, 700, 800]  # the table's top, the heading's rule, the people's, the foot

    def rules(begun: set[int]) -> Rules:
        vert = [Rule(x, 180 if x in begun else 100, 800) for x in xs]
        horiz = [Rule(y, 100, 2300) for y in rows] + [Rule(200, 662, 1910)]
        return Rules(horiz, vert, np.zeros((1000, W), np.uint8))

    grid = tables._ruled_grid(rules(grouped))
    assert grid is not None and 200 not in grid.ys and grid.ys[:2] == [100, 400]
    crossed = tables._ruled_grid(rules(set()))  # every column crosses it: a row's rule, broken off at both ends
    assert crossed is not None and 200 in crossed.ys
    few = tables._ruled_grid(rules({900, 1100}))  # two of its six columns broken off at it: a row's rule still
    assert few is not None and 200 in few.ys
    side = rules(grouped)  # from the table's side: the heading's rule broken off (golden/broken), not a group's
    side.horizontal[-1] = Rule(200, 100, 1910)
    assert not tables._columns_begin_at(side.horizontal[-1], side.vertical)
    # nor is it the heading's end where the grid's first band still holds it (the heading's rule drawn in two
    # goes is looked for there)
    img = np.zeros((1000, W), np.uint8)
    _writing(img, 160)
    for y in (260, 320, 380):
        _writing(img, y, x0=720, x1=1880)
    for y in range(460, 800, 100):
        _writing(img, y)
    first = Grid(xs=xs, ys=[100, 400, 500, 600, 700, 800], ruled=True)
    assert tables._heading_rule(img, rules(grouped), first).ys == first.ys
