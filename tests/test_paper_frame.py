"""A sheet photographed on a copy stand: the dark felt around it, a centimetre ruler and a colour chart beside it,
a charred edge are no part of the sheet (ocr/paper_frame.py; AG dev 25002 p2: the chart's patches taken for a
ruled table and the charred edge's outline for a bent rule, no table found, nothing read). No OCR."""

from __future__ import annotations

import cv2
import numpy as np

from ocr import lines, sheet_edges
from ocr.analysis import straighten
from ocr.paper_frame import paper_mask, torn_into_table, whitened


def _sheet() -> np.ndarray:
    """A sheet of paper with a ruled table of type-like writing, 1500 x 2100 px."""
    sheet = np.full((1500, 2100), 225, np.uint8)
    ys = list(range(250, 1000, 75))
    xs = [150, 300, 800, 1150, 1450, 1950]
    for y in ys:
        cv2.line(sheet, (xs[0], y), (xs[-1], y), 40, 3)
    for x in xs:
        cv2.line(sheet, (x, ys[0]), (x, ys[-1]), 40, 3)
    for y in ys[:-1]:
        for x0, x1 in zip(xs, xs[1:], strict=False):
            for x in range(x0 + 20, x1 - 60, 26):
                sheet[y + 25 : y + 50, x : x + 16 : 3] = 50  # a word's letters
    return sheet


def _on_the_copy_stand(sheet: np.ndarray) -> np.ndarray:
    """The sheet on dark felt, its lower edge burned ragged (a black char band), a ruler and a ruled colour chart
    beside it below."""
    pic = np.full((2300, 2600), 70, np.uint8)
    pic += np.random.default_rng(1).integers(0, 12, pic.shape, dtype=np.uint8)  # the felt's texture
    h, w = sheet.shape
    pic[100 : 100 + h, 200 : 200 + w] = sheet
    xs = np.arange(200, 200 + w)
    edge = (100 + h - 120 + 60 * np.sin(xs / 130.0)).astype(int)  # the burned edge, wavy
    for x, e in zip(xs.tolist(), edge.tolist(), strict=True):
        pic[e : e + 14, x] = 25  # the char band
        pic[e + 14 : 100 + h, x] = 70  # the paper gone beyond it: the felt
    pic[1750:1830, 250:1500] = 235  # the ruler
    pic[1750:1830:2, 260:1490:40] = 30  # its ticks (every other row: no solid stroke)
    for r in range(3):  # the colour chart: patches of grey in a black frame, black rules between them
        for c in range(5):
            y, x = 1700 + r * 160, 1700 + c * 170
            pic[y : y + 160, x : x + 170] = 20
            pic[y + 8 : y + 152, x + 8 : x + 162] = 60 + 35 * ((r * 5 + c) % 6)
    return cv2.cvtColor(pic, cv2.COLOR_GRAY2BGR)


def test_the_felt_ruler_chart_and_char_are_painted_paper_the_sheet_kept():
    pic = cv2.cvtColor(_on_the_copy_stand(_sheet()), cv2.COLOR_BGR2GRAY)
    clean = whitened(pic)
    assert clean[1700:2180, 1700:2550].min() > 150  # the chart: no dark rule left
    assert clean[1750:1830, 250:1500].std() < 10  # the ruler's ticks gone
    assert np.array_equal(clean[300:1100, 300:2200], pic[300:1100, 300:2200])  # the table as photographed


def test_only_the_tables_rules_are_found():
    """The chart's frames and the charred edge's outline are no rules: every rule found lies on the sheet's
    table."""
    pic = _on_the_copy_stand(_sheet())
    s = straighten(pic, dpi=300, unbend=True)
    rules = lines.find_rules(s.binary, blots=s.blots, dashed=s.dashed, strokes=s.strokes, gray=s.gray)
    assert rules.horizontal and rules.vertical
    assert all(r.pos < 1150 for r in rules.horizontal), [r.pos for r in rules.horizontal]
    assert all(r.start < 1150 for r in rules.vertical), [(r.pos, r.start) for r in rules.vertical]


def test_a_scan_the_sheet_fills_is_left_as_given():
    sheet = _sheet()
    assert paper_mask(sheet) is None
    assert whitened(sheet) is sheet
    framed = np.full((1560, 2160), 245, np.uint8)  # on a white backing: nothing dark around it
    framed[30:1530, 30:2130] = sheet
    assert whitened(framed) is framed


def test_a_sheet_on_the_copy_stand_is_not_put_square_by_the_ruler_and_chart():
    """The steps from felt to paper fitted through the chart and the charred edge give corners on no paper: the
    sheet, photographed square-on, is not warped by them (AG dev 25004 p1: sheared 5 degrees, its column rules
    leaning and lost, the № column and the names off the grid)."""
    pic = cv2.cvtColor(_on_the_copy_stand(_sheet()), cv2.COLOR_BGR2GRAY)
    assert sheet_edges.squared(pic) is None


def test_a_film_frames_dark_edges_are_no_frame():
    """A page filmed whole and scanned from the film fills the picture: the film's dark edges are a thin band
    along its borders (1.5 % of it), no felt around a sheet. Painted the paper's grey, the page was no longer
    straightened by them (AB dev 20037 p1: 4 of 25 rows found, 147 fields wrong and unflagged; the evaluation's
    AB rows 97.8 -> 90.8 %, silent 2.2 -> 9.2 %): the picture is read as given. A sheet on a grey backing
    showing 4 % of it (a spirit copy's scan, AF dev 24001) is framed still."""
    sheet = _sheet()
    film = np.full((1600, 2200), 15, np.uint8)
    film[6:1590, 6:2194] = cv2.resize(sheet, (2188, 1584))
    assert paper_mask(film) is None
    assert whitened(film) is film
    backed = np.full((1600, 2200), 20, np.uint8)
    backed[16:1584, 20:2180] = cv2.resize(sheet, (2160, 1568))
    assert paper_mask(backed) is not None


def _torn_on_black(y: int) -> np.ndarray:
    """The sheet on a black backing, a piece torn out of its left edge about ``y`` (400 px deep)."""
    pic = np.full((1700, 2400), 18, np.uint8)  # the black backing
    pic[100:1600, 150:2250] = _sheet()  # the table's left rule at x 300, its rules from y 350 to 1025
    cv2.ellipse(pic, (150, y), (400, 130), 0, -90, 90, 18, thickness=-1)  # the piece torn out
    return pic


def test_a_piece_torn_out_beside_the_table_is_painted_the_papers_light():
    """A piece torn out of the sheet's left edge into its table, the black backing showing through: it is painted
    the light of the paper around it, not the grey the table's rules and typing blur into at the shrunk size (a
    darker band over the hole and a step where it met the paper, taken for the table's edge: V dev 14001 p1, no
    row read, 56 fields wrong and unflagged). The table beside and below the hole is left as photographed."""
    pic = _torn_on_black(520)
    hole = np.zeros_like(pic)
    cv2.ellipse(hole, (150, 520), (380, 110), 0, -90, 90, 1, thickness=-1)
    clean = whitened(pic)
    assert clean[hole > 0].min() > 215, clean[hole > 0].min()  # the paper's 225: no band, no step
    assert np.array_equal(clean[700:1100, 170:2240], pic[700:1100, 170:2240])  # the rows below the hole
    assert np.array_equal(clean[350:1000, 600:2240], pic[350:1000, 600:2240])  # the table beside it


def test_only_a_piece_the_tables_rules_end_at_is_torn_into_the_table():
    """A torn-out piece the table's rules end at is told from a bite out of the edge below the table and from the
    felt, chart and charred edge around a sheet on the copy stand (painted as before)."""
    into = _torn_on_black(520)
    assert torn_into_table(into, paper_mask(into)).any()
    below = _torn_on_black(1350)
    assert not torn_into_table(below, paper_mask(below)).any()
    stand = cv2.cvtColor(_on_the_copy_stand(_sheet()), cv2.COLOR_BGR2GRAY)
    assert not torn_into_table(stand, paper_mask(stand)).any()
