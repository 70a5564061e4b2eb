"""A sheet photographed by a phone on a desk (ocr.sheet_edges): its corners found where the desk's light
steps up to the paper's, the page put square, the boxes read on it mapped back onto the photograph; a
scan (no desk) and a scan with a dark border around a square sheet left as they are."""

from __future__ import annotations

import cv2
import numpy as np

from ocr import sheet_edges
from ocr.geometry import Box, Transform

W, H = 1240, 1754  # an A4 sheet at 150 dpi


def _sheet() -> np.ndarray:
    """Paper with a ruled table: long horizontal rules every 60 px and some 'words' between them."""
    page = np.full((H, W), 235, np.uint8)
    for y in range(200, 1100, 60):
        cv2.line(page, (100, y), (W - 100, y), 20, 3)
        for x in range(130, W - 200, 180):
            cv2.rectangle(page, (x, y + 18), (x + 110, y + 40), 30, -1)
    return page


def _photographed(page: np.ndarray, corners: np.ndarray, desk: int = 80) -> np.ndarray:
    """``page`` laid with its corners at ``corners`` on a desk of grey ``desk``, the lamp's light falling
    off across the picture (desk and paper alike)."""
    src = np.array([[0, 0], [W, 0], [W, H], [0, H]], np.float32)
    m = cv2.getPerspectiveTransform(src, corners.astype(np.float32))
    photo = cv2.warpPerspective(page.astype(np.float32), m, (W, H), borderValue=desk)
    light = np.linspace(1.0, 0.7, W, dtype=np.float32)[None, :]
    return np.clip(photo * light, 0, 255).astype(np.uint8)


# the phone leaning over the sheet's foot: its head narrower, each corner moved on its own
CORNERS = np.array([[110, 60], [1110, 85], [1190, 1700], [45, 1670]], np.float64)


def test_the_sheets_corners_are_found_on_the_desk():
    found = sheet_edges.sheet_corners(_photographed(_sheet(), CORNERS))
    assert found is not None
    assert np.abs(found - CORNERS).max() < 8


def test_the_sheet_put_square_has_its_rules_level_and_its_boxes_map_back_onto_the_photograph():
    photo = _photographed(_sheet(), CORNERS)
    squared = sheet_edges.squared(photo)
    assert squared is not None
    flat, back = squared
    # every long rule level again: its ink at one height along the row (in perspective it runs 25 px off)
    ink = (flat < 100).astype(np.uint8)
    rows = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (400, 1)))
    n, _, stats, _ = cv2.connectedComponentsWithStats(rows)
    long_rules = [s for s in stats[1:] if s[cv2.CC_STAT_WIDTH] > 0.6 * flat.shape[1]]
    assert len(long_rules) >= 14
    assert max(s[cv2.CC_STAT_HEIGHT] for s in long_rules) <= 8
    # a box on the squared page lands where the photograph shows that part of the sheet
    fwd = np.linalg.inv(back)
    corner = fwd @ np.array([CORNERS[2][0], CORNERS[2][1], 1.0])
    x, y = corner[:2] / corner[2]
    got = Transform(back).box_to_original(Box(int(x) - 2, int(y) - 2, int(x), int(y)))
    assert abs(got[2] - CORNERS[2][0]) < 4 and abs(got[3] - CORNERS[2][1]) < 4


def test_a_scan_without_a_desk_is_left_as_it_is():
    assert sheet_edges.squared(_sheet()) is None


def test_a_square_sheet_on_a_dark_border_is_left_to_the_deskew():
    turn = cv2.getRotationMatrix2D((W / 2, H / 2), 1.5, 0.9)
    rect = np.array([[0, 0], [W, 0], [W, H], [0, H]], np.float64)
    turned = np.hstack([rect, np.ones((4, 1))]) @ turn.T
    photo = _photographed(_sheet(), turned)
    assert sheet_edges.sheet_corners(photo) is not None  # the sheet is seen on its border ...
    assert sheet_edges.squared(photo) is None  # ... and left to the deskew: no perspective to put right


def test_a_scanned_table_whose_rules_step_up_to_paper_is_no_sheet_on_a_desk():
    """A scan of a table filling the page, slightly out of square (bent on the glass): its outer rules
    step up to paper on every side as a desk's edge would, but paper lies outside them, not a desk."""
    page = np.full((H, W), 235, np.uint8)
    quad = np.array([[60, 70], [1180, 95], [1195, 1690], [40, 1660]], np.int32)
    cv2.polylines(page, [quad], True, 20, 6)
    for y in range(150, 1650, 50):
        cv2.line(page, (45, y), (1190, y + 20), 20, 3)
    assert sheet_edges.squared(page) is None


def test_the_left_side_looked_at_on_the_pictures_left_part_alone_answers_as_the_whole_picture():
    """A scan (no desk to its left) is told from the picture's left part made small, not the whole (issue 9:
    CPU per page): the same small pixels and light there, so the same answer, for photographs and scans of
    every proportion."""
    photo = _photographed(_sheet(), CORNERS)
    for picture in (photo, photo[:, ::-1], _sheet(), np.ascontiguousarray(photo.T), photo[:1500, :1000]):
        f = sheet_edges.WORK / max(picture.shape)
        whole = sheet_edges._light(sheet_edges._small(picture, f))
        assert whole.shape[1] == int(np.rint(picture.shape[1] * f))
        on_whole = sheet_edges._edge_line(*sheet_edges._first_steps(whole)) is not None
        assert sheet_edges._left_side(picture, f) == on_whole
    assert sheet_edges._left_side(photo, sheet_edges.WORK / max(photo.shape))  # the desk is seen ...
    assert not sheet_edges._left_side(_sheet(), sheet_edges.WORK / max(H, W))  # ... and a scan has none


def test_a_negative_frames_edges_leaning_outside_the_picture_are_no_sheet_in_perspective():
    """AA dev 19011 p6 (tests/fixtures/frames/README.md): the edge's line fitted through the paper's edge and
    the tractor holes beside it has its foot outside the picture; the frame is left to the deskew."""
    from pathlib import Path

    frame = cv2.imread(str(Path(__file__).parent / "fixtures" / "frames" / "aa-negative-frame-holes-600px.png"), 0)
    corners = sheet_edges.sheet_corners(frame)
    # the edges either not taken for a sheet on a desk (no desk beyond each) or seen leaning out of the picture
    assert corners is None or corners[:, 0].min() < 0
    assert sheet_edges.squared(frame) is None


def test_a_copy_with_the_lid_open_on_three_sides_and_paper_below_is_no_sheet_on_a_desk():
    """A photocopy scanned with the copier's lid open (AC dev 21019 p1): black round the top and both sides of its
    sheet, paper below it, where the foot of the writing (a long line leaning across the lower part) steps up to
    paper as a desk's edge would. The black of three sides held the ring's median down and the page was "put
    square" by a perspective that bent its rows: no rule was found across the table, 1 row of 19. Paper beyond
    one edge: no sheet on a desk, the page left to the deskew."""
    page = np.full((H, W), 30, np.uint8)  # the lid's black
    page[40:, 40 : W - 40] = 235  # the copy's paper, down to the picture's foot
    for y in range(200, 1100, 60):
        cv2.line(page, (100, y), (W - 100, y), 20, 3)
    cv2.line(page, (60, 1560), (W - 60, 1420), 20, 14)  # the writing's foot, leaning
    assert sheet_edges.squared(page) is None


def test_a_burned_sheet_on_a_copy_stand_beside_a_ruler_and_a_chart_is_left_to_the_deskew():
    """AG dev 25003 p2: a burned sheet photographed square on a copy stand's felt, a white ruler beside its
    upper part and a colour chart's patches beside its lower part, its edges ragged. The left edge's line
    fitted through the ruler's side and the chart's leaned, a fifth of the steps near it, and the page was
    "put square" by a shear: its column rules leaned and the three left of the names were lost. No straight
    edge: the page is left to the deskew, its rules upright."""
    rng = np.random.default_rng(7)
    pic_w, pic_h = W + 400, H + 200
    photo = np.full((pic_h, pic_w), 40, np.uint8)  # the felt
    x0, y0 = 300, 100
    photo[y0 : y0 + H, x0 : x0 + W] = _sheet()

    def walk(n: int) -> np.ndarray:  # a charred edge's wander, in and out
        return np.clip(np.cumsum(rng.integers(-6, 7, n)), -40, 40)

    for y, d in zip(range(y0, y0 + H), walk(H), strict=True):  # the sides eaten away raggedly
        photo[y, x0 : x0 + 40 + d] = 40
        photo[y, x0 + W - 40 + d : x0 + W] = 40
    for x, d in zip(range(x0, x0 + W), walk(W), strict=True):
        photo[y0 : y0 + 40 + d, x] = 40
        photo[y0 + H - 40 + d : y0 + H, x] = 40
    photo[150:900, 30:80] = 230  # the ruler
    for k, y in enumerate(range(1000, 1750, 120)):  # the chart's patches, light and dark
        photo[y : y + 100, 100:200] = 200 if k % 2 else 120
    assert sheet_edges.squared(photo) is None
