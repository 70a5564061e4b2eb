"""A table typed with "|" marks between its columns and rules of hyphens, on no fanfold (family AB: a daisy
wheel's payroll filmed): its marks are its vertical rules (ocr/column_marks.py ``typed_columns``), chained at
its line spacing and across its typed rules, its short hyphens' rules found (ocr/typed_rules.py
``dotted_rules``), and a scratch along the film through a line is no rule of it (ocr/tables.py)."""

from __future__ import annotations

import numpy as np

from ocr.column_marks import column_marks, typed_columns
from ocr.lines import Rule, find_rules
from ocr.preprocess import components
from ocr.tables import find_grid
from ocr.typed_rules import dotted_rules

MARKS_X = (300, 420, 900, 1160, 1460, 1760, 2060)


def _hyphens(img: np.ndarray, y: int, x0: int, x1: int, pitch: float = 20.0, dash: int = 10, thick: int = 7) -> None:
    x = float(x0)
    while x + dash <= x1:
        img[y : y + thick, int(x) : int(x) + dash] = 255
        x += pitch


def _typed_table(spacing: int = 100, rows: int = 8, scratch: int | None = None) -> tuple[np.ndarray, list[int]]:
    """A typed table: a rule, a heading of two lines, a rule, ``rows`` people's lines ``spacing`` apart (a
    mark 28 px tall on each line in every column, a word or a figure between), a rule, the totals, a rule."""
    img = np.zeros((2400, 2400), np.uint8)
    y = 200
    lines_at: list[int] = []
    rule_at: list[int] = []

    def rule() -> None:
        nonlocal y
        _hyphens(img, y + 20, MARKS_X[0], MARKS_X[-1] + 10)
        rule_at.append(y + 23)
        y += 50

    def line(step: int) -> None:
        nonlocal y
        for k, x in enumerate(MARKS_X):
            img[y + 10 : y + 38, x : x + 8] = 255
            if k + 1 < len(MARKS_X):  # a word or figure in the column: blots 24 px tall
                for c in range(3):
                    img[y + 12 : y + 36, MARKS_X[k + 1] - 90 + 22 * c : MARKS_X[k + 1] - 74 + 22 * c] = 255
        lines_at.append(y)
        y += step

    rule()
    line(50)
    line(50)
    rule()
    for _ in range(rows):
        line(spacing)
    y -= spacing - 50
    rule()
    line(50)
    rule()
    if scratch is not None:
        img[scratch : scratch + 3, :] = 255
    return img, rule_at


def _blots(img: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    _, _, stats, cents = components(img)
    return stats, cents


def test_marks_in_several_columns_down_the_lines_are_a_typed_table() -> None:
    img, _ = _typed_table(spacing=100)  # double spacing: 72 px of paper between two marks of 28
    assert typed_columns(*_blots(img), 1.0)


def test_one_column_of_ones_is_no_typed_table() -> None:
    img = np.zeros((2400, 2400), np.uint8)
    for k in range(14):  # the last digit "1" of a figure, one a row, in one column
        img[200 + 75 * k : 228 + 75 * k, 1500:1508] = 255
    assert not typed_columns(*_blots(img), 1.0)


def test_dashed_rules_dashes_are_no_marks() -> None:
    img, _ = _typed_table(spacing=100)
    drawn = np.zeros_like(img)
    for x in MARKS_X:
        drawn[:, x : x + 8] = 255  # the marks' columns already found as dashed rules
    assert not typed_columns(*_blots(img), 1.0, drawn)


def test_a_columns_marks_go_on_across_the_typed_rules() -> None:
    img, rule_at = _typed_table(spacing=100)
    rules = np.zeros_like(img)
    for y in rule_at:
        rules[y - 3 : y + 4, MARKS_X[0] : MARKS_X[-1] + 10] = 255
    stats, cents = _blots(img)
    mask = column_marks(stats, cents, img.shape, 1.0, gap=3.2, rules=rules)
    down = np.flatnonzero(mask[:, MARKS_X[2] + 4])
    assert down.size and down[0] <= rule_at[0] + 1 and down[-1] >= rule_at[-1] - 1
    # as a printout's (no rules given, marks at most 2.2 heights apart): double spacing chains no marks
    assert not np.count_nonzero(column_marks(stats, cents, img.shape, 1.0))


def test_short_hyphens_at_one_pitch_are_a_rule() -> None:
    img = np.zeros((400, 2000), np.uint8)
    _hyphens(img, 100, 100, 1700)  # 10 x 7 at a pitch of 20: half ink, half paper
    stats, cents = _blots(img)
    mask = dotted_rules(img, stats, cents, 1.0)
    cols = np.flatnonzero(mask[103])
    assert cols.size and cols[0] <= 101 and cols[-1] >= 1680


def test_a_line_of_writing_is_no_dotted_rule() -> None:
    img = np.zeros((400, 2000), np.uint8)
    x = 100
    for k in range(70):  # letters 24 px tall, now and then a dot or a hyphen between them
        if k % 5 == 2:
            img[208:214, x : x + 9] = 255
        else:
            img[190:214, x : x + 14] = 255
        x += 20
    stats, cents = _blots(img)
    assert not np.count_nonzero(dotted_rules(img, stats, cents, 1.0))


def test_a_typed_table_on_no_fanfold_has_a_ruled_grid() -> None:
    img, rule_at = _typed_table(spacing=75)
    rules = find_rules(img)
    assert len([v for v in rules.vertical if MARKS_X[0] - 5 <= v.pos <= MARKS_X[-1] + 12]) == len(MARKS_X)
    grid = find_grid(img, rules)
    assert grid.ruled and len(grid.xs) == len(MARKS_X)
    assert abs(grid.ys[0] - rule_at[0]) <= 6 and abs(grid.ys[1] - rule_at[1]) <= 6
    assert grid.n_rows == 1 + 8 + 1  # the heading, eight people, the totals


def test_a_scratch_along_the_film_is_no_rule_of_the_table() -> None:
    img, rule_at = _typed_table(spacing=75, scratch=700)
    rules = find_rules(img)
    assert any(r.start <= 5 and r.end >= 2390 for r in rules.horizontal)  # found, as a rule ...
    grid = find_grid(img, rules)
    assert grid.n_rows == 1 + 8 + 1  # ... but not the table's: the heading ends at the rule under it
    assert abs(grid.ys[1] - rule_at[1]) <= 6


def test_rules_reaching_both_sides_of_the_image_all_stay() -> None:
    from ocr.tables import _without_scratches

    cut_close = [Rule(y, 0, 2399) for y in (100, 200, 900)]  # a table cut close at its sides
    assert _without_scratches(cut_close, 2400) == cut_close



def test_every_columns_marks_down_to_the_sums_line_under_the_last_rule_carry_it() -> None:
    """AB dev 20001 p4: the "Пренос" line under the last typed rule, every column's marks down to it: one
    line, not the two a table's sides alone need (tests/test_table_sides_below.py)."""
    from ocr.lines import Rules
    from ocr.tables import _sides_below

    from .grids import two_people_and_a_sums_line

    grid, ink = two_people_and_a_sums_line()  # two people, and the sums' line under the last rule
    xs = grid.xs

    def rules(columns: tuple[int, ...]) -> Rules:
        return Rules([Rule(p, 100, 900) for p in grid.ys], [Rule(xs[k], 50, 270) for k in columns],
                     np.zeros((700, 1000), np.uint8))  # fmt: skip

    assert _sides_below(ink, rules((0, 1, 2, 3)), grid).ys == [*grid.ys, 270]
    assert _sides_below(ink, rules((0, 3)), grid).ys == grid.ys  # the sides alone: two lines needed


def test_a_headings_third_line_is_no_person_under_a_faint_rule() -> None:
    """AB dev 20001 p4: a bold heading's letters run together along its second line, taken for a faint rule,
    its third line (words in one column of five) read as a person's row."""
    from ocr.geometry import Grid
    from ocr.lines import Rules
    from ocr.tables import _heading_rule

    xs = [100, 400, 700, 1000, 1300, 1600]
    grid = Grid(xs=xs, ys=[100, 330, 400, 470], ruled=True)

    def page(third: tuple[int, ...]) -> np.ndarray:
        ink = np.zeros((600, 1700), np.uint8)
        for y, columns in ((120, range(5)), (170, range(5)), (250, third), (345, range(5)), (415, range(5))):
            for k in columns:  # letters' stems
                for x in range(xs[k] + 30, xs[k + 1] - 30, 12):
                    ink[y : y + 28, x : x + 4] = 255
        for x in range(110, 1590, 30):  # the faint line's pieces between the second line and the third
            ink[224:227, x : x + 24] = 255
        return ink

    empty = Rules([], [], np.zeros((600, 1700), np.uint8))
    assert _heading_rule(page((3,)), empty, grid).ys == grid.ys  # the heading's own third line
    assert abs(_heading_rule(page(tuple(range(5))), empty, grid).ys[1] - 225) <= 2  # a person's line under it


def test_a_rule_broken_short_of_a_column_still_joins_its_marks() -> None:
    """AB dev 20001 p4: the rule over the sums begun right of the first column (its hyphens lost to the film's
    grain there): the first column's marks go on across it all the same."""
    img, rule_at = _typed_table(spacing=100)
    rules = np.zeros_like(img)
    for y in rule_at:
        rules[y - 3 : y + 4, MARKS_X[2] : MARKS_X[-1] + 10] = 255  # none over the first two columns
    stats, cents = _blots(img)
    mask = column_marks(stats, cents, img.shape, 1.0, gap=3.2, rules=rules)
    down = np.flatnonzero(mask[:, MARKS_X[0] + 4])
    assert down.size and down[0] <= rule_at[0] + 1 and down[-1] >= rule_at[-1] - 1


def test_an_oblique_faces_slanted_marks_are_marks() -> None:
    """AB dev 20004 p1: a daisy wheel's oblique "|" leans across 20 px, 6 thick: no upright mark."""
    img = np.zeros((2400, 2400), np.uint8)
    for x in MARKS_X:
        for k in range(12):
            y = 200 + 75 * k
            for dy in range(28):  # a stroke 6 px thick leaning 14 px over its 28
                x0 = x + 14 - dy // 2
                img[y + dy, x0 : x0 + 6] = 255
    assert typed_columns(*_blots(img), 1.0, None, img)
    assert not typed_columns(*_blots(img), 1.0)  # (upright ones only, where the page's ink is not given)


def test_an_oblique_faces_digits_in_line_are_no_marks() -> None:
    """AB dev 20004 p2: the base pay's first digits in line down its column, each no thicker than a mark."""
    img = np.zeros((2400, 2400), np.uint8)
    for x in MARKS_X:
        for k in range(12):
            y = 200 + 75 * k
            img[y : y + 4, x : x + 16] = 255  # a "7": its bar and its leaning stem
            for dy in range(4, 28):
                x0 = x + 12 - dy // 3
                img[y + dy, x0 : x0 + 5] = 255
    assert not typed_columns(*_blots(img), 1.0, None, img)


def _marks_with_ones_at_500(rows: int, first: int) -> np.ndarray:
    """The column marks found on a typed table of ``rows`` people whose lines from ``first`` on hold a "1" at
    x 500-506, midway between two marks, its rules given."""
    img, rule_at = _typed_table(spacing=75, rows=rows)
    for k in range(first, rows):
        y = 200 + 50 * 4 + 75 * k
        img[y + 10 : y + 38, 500:506] = 255
    rules = np.zeros_like(img)
    for y in rule_at:
        rules[y - 3 : y + 4, MARKS_X[0] : MARKS_X[-1] + 10] = 255
    stats, cents = _blots(img)
    return column_marks(stats, cents, img.shape, 1.0, gap=3.2, rules=rules)


def test_a_column_of_row_numbers_ones_is_no_column_rule_of_a_typed_table() -> None:
    """AB dev 20004 p1: the row numbers 10-19, their "1"s in line down half the table between its marks."""
    # a "1" on eight of the fourteen people's lines, midway between two marks
    mask = _marks_with_ones_at_500(rows=14, first=6)
    assert not np.count_nonzero(mask[:, 500:506])
    assert np.count_nonzero(mask[:, MARKS_X[1] : MARKS_X[1] + 8])


def test_a_pay_columns_last_digits_begun_under_the_heading_are_no_column_rule() -> None:
    """AB dev 20003 p2: a pay column's last digits, "1"s in line down most of the people's lines (long enough
    for a column's marks), begin far under the heading, where every column's marks begin."""
    mask = _marks_with_ones_at_500(rows=20, first=3)
    assert not np.count_nonzero(mask[:, 500:506])
    assert np.count_nonzero(mask[:, MARKS_X[1] : MARKS_X[1] + 8])


def test_equals_signs_run_into_blots_are_a_long_rule_and_a_words_letters_no_rule() -> None:
    """AB dev 20003 p2: a rule of "=" filmed, each sign's bars one blot 15 x 14 px at a pitch of 20, across the
    table; a line of writing's letters of one height (15 px) at the same pitch end at each space."""
    img = np.zeros((600, 2400), np.uint8)
    _hyphens(img, 100, 100, 2200, pitch=20.0, dash=15, thick=14)
    for word in range(12):  # words of eight letters 15 px tall, a space between
        x0 = 100 + word * 180
        for k in range(8):
            img[400:415, x0 + 20 * k : x0 + 20 * k + 14] = 255
    stats, cents = _blots(img)
    mask = dotted_rules(img, stats, cents, 1.0)
    assert np.count_nonzero(mask[105]) > 1900
    assert not np.count_nonzero(mask[390:425])


def test_a_table_typed_without_marks_has_its_typed_rules() -> None:
    """AB dev 20008 p1: blanks between the columns, no mark; its rules of hyphens, two alike across the page,
    are its rules (the film's scratches down the page no longer its columns); one line of them alone is not."""
    from ocr.typed_rules import alike_rules

    img = np.zeros((1200, 2400), np.uint8)
    for y in (200, 900):
        _hyphens(img, y, 300, 2100)  # a daisy wheel's short hyphens, half ink, half paper
    rules = find_rules(img)
    assert len([r for r in rules.horizontal if r.start <= 310 and r.end >= 2080]) == 2
    one = np.zeros((1200, 2400), np.uint8)
    one[200:206, 300:2100] = 255
    assert not alike_rules(one)


def test_a_rule_along_a_line_of_writing_is_no_typed_tables_rule() -> None:
    """AB dev 20001 p7: a bold heading's letters run together into dashes along its second line, taken for a
    rule: letters against it above and below; a typed rule has paper on both sides."""
    from ocr.lines import _off_the_writing

    ink = np.zeros((600, 2000), np.uint8)
    for x in range(100, 1900, 40):  # a line of writing, letters 27 px tall, over y 200-227
        ink[200:227, x : x + 20] = 255
    over, along, apart = Rule(150, 100, 1900), Rule(213, 100, 1900), Rule(400, 100, 1900)
    assert _off_the_writing([over, along, apart], ink, 1.0) == [over, apart]


def test_the_pages_first_and_last_rule_stay_though_ink_stands_along_them() -> None:
    """AA dev 19005 p2 (a listing's '|' marks read as a typed table's): the paper's edges on the film, the dark
    frame on one side and the ragged tear line on the other, are the page's first and last "rules"; taken out,
    the grid lost the page's columns (97 -> 72 % right)."""
    from ocr.lines import _off_the_writing

    ink = np.zeros((600, 2000), np.uint8)
    for y in (200, 500):
        for x in range(100, 1900, 40):  # ink against each edge above and below
            ink[y - 13 : y + 14, x : x + 20] = 255
    edges = [Rule(213 - 13, 100, 1900), Rule(300, 100, 1900), Rule(500, 100, 1900)]
    assert _off_the_writing(edges, ink, 1.0) == edges


def test_the_column_rules_begun_together_over_the_first_rule_give_the_tables_top() -> None:
    """AB dev 20006 p3: the rule over the heading lost, its column marks running up through the heading: the
    heading stands between their top and the rule under it, not the people."""
    from ocr.tables import _columns_over

    horiz = [Rule(y, 300, 4500) for y in (944, 2378, 2493)]
    vert = [Rule(x, 706 + k % 4, 2518) for k, x in enumerate(range(365, 4500, 300))]
    vert.append(Rule(1162, 36, 1389))  # a scratch along the film
    assert _columns_over(vert, horiz, [944, 2378, 2493]) == [707, 944, 2378, 2493]
    ruled_to_top = [Rule(x, 944, 2493) for x in range(365, 4500, 300)]
    assert _columns_over(ruled_to_top, horiz, [944, 2378, 2493]) == [944, 2378, 2493]


def test_a_listings_marks_begun_together_but_ended_apart_give_no_tables_top() -> None:
    """AA dev 19005 p8: a listing's marks begun together over its heading's rule, each ended where its
    column's figures do (the rules as found on the page): no lost top rule, the page's people not taken away."""
    from ocr.tables import _columns_over

    horiz = [Rule(652, 341, 2675), Rule(1754, 337, 3360)]
    vert = [Rule(x, s, e) for x, s, e in ((379, 693, 1816), (493, 691, 1815), (629, 514, 1664), (1587, 512, 1816),
                                          (1701, 514, 1817), (1906, 514, 1551), (2544, 516, 1323))]  # fmt: skip
    assert _columns_over(vert, horiz, [652, 1754]) == [652, 1754]
    ended_together = [Rule(v.pos, v.start, 1816) for v in vert]  # a table's rules: the lost top found
    assert _columns_over(ended_together, horiz, [652, 1754]) == [514, 652, 1754]


def test_a_rule_along_writing_is_taken_out_only_where_the_dashed_rules_told_a_typed_table() -> None:
    """AA dev 19005 p8: a listing's colons, run into a dashed rule and no typed table by ``dashed_rules``, made
    one by the marks counted again in ``find_rules``: its rules along the writing taken out, its grid cut and
    six people lost. ``find_rules`` takes the page's kind from ``dashed_rules`` (``Dashed.typed``)."""
    from ocr.lines import Dashed, dashed_rules

    img, rule_at = _typed_table(spacing=100)
    img[rule_at[1] + 150 : rule_at[1] + 180, 300:2070] = 0  # a line of writing between two rules, a rule along it
    for x in range(330, 2040, 40):
        img[rule_at[1] + 150 : rule_at[1] + 177, x : x + 20] = 255
    img[rule_at[1] + 162 : rule_at[1] + 166, 300:2070] = 255
    drawn = dashed_rules(img)
    assert drawn.typed
    along = rule_at[1] + 163

    def found(dashed: Dashed) -> bool:
        return any(abs(r.pos - along) <= 4 and r.length > 1000 for r in find_rules(img, dashed=dashed).horizontal)

    assert not found(drawn)
    assert found(drawn._replace(typed=False))


def test_columns_of_colons_typed_in_clean_dots_are_column_rules() -> None:
    """AD dev 22001 p3 (crop of the table, halved: tests/fixtures/regression/grids): a table typed with ":"
    down its lines between its columns, on yellowed paper scanned in colour. Only the colons whose dots ran
    together into one stroke were marks: four of the fourteen column rules were lost, among them the table's
    right side and the one between the names and the days, and the columns beside them read as one."""
    import cv2
    from PIL import Image

    from ocr.analysis import analyse

    from .conftest import FIXTURES

    png = FIXTURES / "regression" / "grids" / "ad-colon-rules-sides.png"
    dpi = round(Image.open(png).info["dpi"][0])
    xs = analyse(cv2.imread(str(png), cv2.IMREAD_UNCHANGED), dpi=dpi, unbend=True).grid.xs
    typed = (155, 330, 705, 1455, 1705, 2005, 2305, 2580, 2880, 3130, 3380, 3630, 3880, 4155)  # (at 300 dpi)
    assert len(xs) == len(typed) and all(abs(x - t) <= 12 for x, t in zip(xs, typed, strict=True))


def test_colons_two_dots_each_down_the_lines_are_drawn_as_a_rule() -> None:
    from ocr.column_marks import colon_marks

    img = np.zeros((1400, 800), np.uint8)
    for y in range(100, 1300, 40):  # a colon a line: two dots 7 px square, 7 px apart
        for x in (200, 600):
            img[y : y + 7, x : x + 7] = 255
            img[y + 14 : y + 21, x : x + 7] = 255
    img[300:330, 380:400] = 255  # a figure's blot
    stats, cents = _blots(img)
    mask = colon_marks(stats, cents, img.shape[:2], 1.0, img)
    assert mask[150:1250, 200:207].any(axis=1).all() and mask[150:1250, 600:607].any(axis=1).all()
    assert not mask[:, 300:500].any()
    assert not column_marks(stats, cents, img.shape[:2], 1.0).any()  # two dots are no mark of a "|" column


def test_a_rule_over_the_heading_that_columns_of_colons_reach_is_the_tables_top() -> None:
    """AD dev 22001 p6 (the rules as found): the colons of most columns begun two or three lines under the rule
    over the heading, their median top 60 px under it; the heading's band ran from the rule under the heading
    to the totals, the thirteen people's lines its heading and every row lost."""
    from ocr.lines import Rules
    from ocr.tables import _ruled_grid

    horiz = [Rule(549, 479, 4560), Rule(649, 2058, 4010), Rule(999, 481, 4559), Rule(2704, 482, 4560),
             Rule(2853, 479, 4562), Rule(2988, 735, 3758)]  # fmt: skip
    vert = [Rule(x, s, e) for x, s, e in (
        (67, 42, 3595), (520, 530, 2872), (695, 731, 2520), (1070, 530, 2699), (1820, 1005, 2698),
        (2070, 557, 2649), (2370, 628, 2649), (2670, 630, 2697), (2945, 629, 2674), (3245, 529, 2873),
        (3495, 629, 2872), (3745, 630, 2872), (3995, 581, 2849), (4245, 556, 2873), (4520, 581, 2699),
        (5001, 0, 3595), (5079, 0, 1564))]  # fmt: skip
    grid = _ruled_grid(Rules(horiz, vert, np.zeros((3600, 5100), np.uint8)), size=(3600, 5100))
    assert grid is not None and grid.ys[:2] == [549, 999]
    lower = [Rule(v.pos, max(v.start, 620), v.end) for v in vert]  # no column reaches the rule: as it was
    grid = _ruled_grid(Rules(horiz, lower, np.zeros((3600, 5100), np.uint8)), size=(3600, 5100))
    assert grid is not None and grid.ys[0] == 999


def test_a_two_level_headings_top_rule_is_not_taken_over_its_lower_part() -> None:
    """L (regression l-pay-in-thousands-base-extra-lost, the rules as found at 300 dpi): the column rules begun
    at the top rule, at the groups' rules and under them; the first band under the rules taken (the columns'
    numbers, 42 px) is no body: the rule over it is not taken, the people's rows stay on their numbers."""
    from ocr.lines import Rules
    from ocr.tables import _ruled_grid

    horiz = [Rule(379, 101, 3018), Rule(456, 1033, 2492), *(Rule(y, 101, 3018) for y in (535, 577, *range(647, 1500, 70)))]
    starts = (359, 360, 359, 358, 515, 437, 515, 437, 515, 359, 515, 436, 514, 436, 514, 358, 514, 358, 358)
    xs = (131, 323, 869, 1063, 1261, 1322, 1498, 1559, 1735, 1796, 1970, 2032, 2161, 2222, 2398, 2459, 2657, 2718, 2985)
    vert = [Rule(x, s, 1510) for x, s in zip(xs, starts, strict=True)]
    grid = _ruled_grid(Rules(horiz, vert, np.zeros((2500, 3500), np.uint8)), size=(2500, 3500))
    assert grid is not None and grid.ys[:2] == [535, 577]


def test_the_paper_a_lost_rule_left_under_the_heading_ends_it() -> None:
    """AB dev 20003 p6: the rule under a three-line heading lost to a thin film (specks of it left): the paper
    of its line, wider than the people's lines leave, ends the heading; a band of people alone is no heading."""
    from ocr.tables import _heading_by_gap

    heading = [(780, 810), (831, 861), (886, 911)]
    people = [(979 + 75 * k, 1009 + 75 * k) for k in range(8)]
    assert _heading_by_gap([*heading, (940, 953), *people]) == (911 + 979) // 2
    assert _heading_by_gap([(700 + 75 * k, 730 + 75 * k) for k in range(12)]) is None  # evenly: no heading over people
    assert _heading_by_gap([*heading, *people[:3]]) is None  # three lines under the paper: a title's over a heading

