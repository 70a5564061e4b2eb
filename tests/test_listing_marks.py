"""A line printer's listing filmed without its fanfold's perforations in view (family AA): its column marks
(":", or "!" in a small face, ocr/column_marks.py), its "=" rules with the bars of each sign apart or run
together (ocr/typed_rules.py), and the listing told a printout by them (ocr/lines.py)."""

from __future__ import annotations

import numpy as np

from ocr.column_marks import listing_marks, marked_listing
from ocr.lines import dashed_rules, find_rules
from ocr.pins import stacked
from ocr.preprocess import components
from ocr.typed_rules import typed_rules


def _blank(h: int = 1400, w: int = 3400) -> np.ndarray:
    return np.zeros((h, w), dtype=np.uint8)


def _letters(img: np.ndarray, x: int, y: int, tall: int) -> None:
    """Letters of the line beside a mark (the type's height, which a colon is no taller than)."""
    for dx in (30, 53, 76, 99):
        img[y : y + tall, x + dx : x + dx + 15] = 255


def _colon(img: np.ndarray, x: int, y: int) -> None:
    """A colon as AA dev 19003 p1's: two dots 11 x 11 px, 3 px apart, beside letters 25 px tall."""
    img[y : y + 11, x : x + 11] = 255
    img[y + 14 : y + 25, x : x + 11] = 255
    _letters(img, x, y, 25)


def _bang(img: np.ndarray, x: int, y: int) -> None:
    """A "!" of a small face (AA dev 19011 p1): a stem 8 x 19 px, its dot 8 x 7 px 2 px under it."""
    img[y : y + 19, x : x + 8] = 255
    img[y + 21 : y + 28, x : x + 8] = 255
    _letters(img, x, y, 28)


def _marks(img: np.ndarray) -> np.ndarray:
    _, _, stats, cents = components(img)
    return listing_marks(stats, cents, img.shape[:2], 1.0)


def test_colons_one_a_line_double_spaced_make_a_vertical_rule() -> None:
    img = _blank()
    for k in range(12):  # a person a line, a blank line between: 76 px a person, 53 px of paper between colons
        _colon(img, 640, 100 + 76 * k)
    rows = np.nonzero(_marks(img)[:, 645])[0]
    assert rows.size and rows[0] <= 101 and rows[-1] >= 100 + 76 * 11 + 20


def test_small_bangs_one_a_line_make_a_vertical_rule() -> None:
    img = _blank()
    for k in range(12):  # single spaced, 38 px a line
        _bang(img, 346, 100 + 38 * k)
    rows = np.nonzero(_marks(img)[:, 349])[0]
    assert rows.size and rows[0] <= 101 and rows[-1] >= 100 + 38 * 11 + 25


def test_decimal_points_one_a_line_are_no_column_marks() -> None:
    img = _blank()
    for k in range(12):  # the points of right-aligned amounts, one a line 28 px apart (8 lines to the inch)
        img[120 + 28 * k : 125 + 28 * k, 700:706] = 255
    assert np.count_nonzero(_marks(img)) == 0
    _, _, stats, cents = components(img)
    assert not marked_listing(stats, cents, 1.0)


def test_colons_down_three_columns_are_a_listing() -> None:
    img = _blank()
    for x in (300, 640, 1100):
        for k in range(10):
            _colon(img, x, 100 + 38 * k)
    _, _, stats, cents = components(img)
    assert marked_listing(stats, cents, 1.0)
    two = _blank()
    for x in (300, 640):
        for k in range(10):
            _colon(two, x, 100 + 38 * k)
    _, _, stats, cents = components(two)
    assert not marked_listing(stats, cents, 1.0)


def _equals(img: np.ndarray, y: int, x0: int, x1: int, joined: bool) -> None:
    """A line of "=" at a line printer's pitch (23 px): bars 16 x 6 px, 2 px apart (half closed where joined)."""
    for x in range(x0, x1 - 16, 23):
        img[y : y + 6, x : x + 16] = 255
        img[y + 8 : y + 14, x : x + 16] = 255
        if joined:
            img[y + 6 : y + 8, x : x + 7] = 255


def _typed(img: np.ndarray) -> np.ndarray:
    _, _, stats, cents = components(img)
    return typed_rules(img, stats, cents, stacked(stats), 1.0)


def test_equals_signs_with_their_bars_apart_are_a_rule() -> None:
    img = _blank(400)
    _equals(img, 100, 200, 2200, False)  # each bar a strip over another: a pin row's, to ``pins.stacked``
    cols = np.nonzero(_typed(img)[107])[0]
    assert cols.size and cols[0] <= 210 and cols[-1] >= 2150


def test_equals_signs_run_together_hollow_between_their_bars_are_a_rule() -> None:
    img = _blank(400)
    _equals(img, 100, 200, 2200, True)
    cols = np.nonzero(_typed(img)[107])[0]
    assert cols.size and cols[0] <= 210 and cols[-1] >= 2150


def test_a_line_of_capitals_crossed_in_the_middle_is_no_rule() -> None:
    img = _blank(400)
    for x in range(200, 2200 - 16, 23):  # "ЕЕЕЕ": bars at the top, middle and bottom, a stem
        img[100:102, x : x + 16] = 255
        img[106:108, x : x + 16] = 255
        img[112:114, x : x + 16] = 255
        img[100:114, x : x + 3] = 255
    assert np.count_nonzero(_typed(img)) == 0


def test_a_listing_without_perforations_has_its_marks_for_vertical_rules() -> None:
    """No fanfold's perforations (a COM recorder's frame): the "=" rules and the colons tell a printout."""
    img = _blank()
    for y in (100, 180, 900):
        _equals(img, y, 300, 2100, False)
    xs = (300, 640, 1100, 1500, 2080)
    for x in xs:
        for k in range(17):
            _colon(img, x, 200 + 40 * k)
    _, vertical, listing, _ = dashed_rules(img)
    assert listing
    assert all(np.count_nonzero(vertical[:, x + 3 : x + 8]) > 500 for x in xs)
    rules = find_rules(img)
    assert len([v for v in rules.vertical if 290 <= v.pos <= 2100]) == len(xs)
    assert len([r for r in rules.horizontal if r.length > 1500]) == 3


def test_lines_set_close_and_run_together_are_apart() -> None:
    """A line printer's 8 lines to the inch, its letters each a little off the line, the scan soft (AA dev 19003
    p3): the paper between the lines never clean, five bands for 34 rows; each line a band of its own."""
    from ocr.tables import split_tall, text_bands

    rng = np.random.default_rng(3)
    img = _blank(1400, 2000)
    tops = [100 + round(28.5 * k) for k in range(40)]
    for top in tops:
        for x in range(200, 1800, 23):  # 20 px capitals, each up to 3 px off the line
            dy = int(rng.integers(-3, 4))
            img[top + dy : top + dy + 20, x : x + 14] = 255
        for x in range(210, 1800, 160):  # a tail or a speck joining the next line here and there
            img[top + 20 : top + 29, x : x + 3] = 255
    bands = text_bands(img, 80, 1300, 200, 1800)
    assert len(bands) < 20
    lines = split_tall(img, bands, 200, 1800)
    assert len(lines) == 40
    assert all(abs(a - top) <= 6 for (a, _), top in zip(lines, tops, strict=True))


def test_a_computing_centres_departments_are_no_people() -> None:
    from ocr.sheet import group_rows

    rows = {
        1: "ПОДЕЛЕНИЕ 03 ОТК",
        2: "1 РУСЕВ ГЕОРГИ ПЕТРОВ 3107101305 23 252.48 14.90",
        3: "2 ГЕНЧЕВ ЮЛИЯН ВАСИЛОВ 5310177781 23 351.98 18.65",
        4: "СУМА ЗА ПОДЕЛЕНИЕ 03: 604.46 33.55",
        5: "ПОДЕЛЕНИЕ 07 СКЛАДОВО СТОПАНСТВО",
        6: "3 ЮРУКОВА РАДКА СТОЯНОВА 6905042173 23 311.81 22.76",
        7: "СУМА ЗА ПОДЕЛЕНИЕ 07: 311.81 22.76",
        8: "ОБЩО ЗА МЕСЕЦА 916.27 56.31",
    }
    assert group_rows(len(rows) + 1, rows.__getitem__) == [1, 4, 5, 7]


def test_colons_run_together_in_heavy_type_make_a_vertical_rule() -> None:
    img = _blank()
    for k in range(12):  # AA dev 19003 p1's right side: each colon one blot 12 x 23 px, narrow at its waist
        y = 100 + 38 * k
        img[y : y + 10, 3238:3250] = 255
        img[y + 10 : y + 13, 3243:3245] = 255
        img[y + 13 : y + 23, 3238:3250] = 255
        _letters(img, 3000, y, 25)
    img = np.ascontiguousarray(img[:, :])
    _, _, stats, cents = components(img)
    mask = listing_marks(stats, cents, img.shape[:2], 1.0, img)
    rows = np.nonzero(mask[:, 3244])[0]
    assert rows.size and rows[0] <= 101 and rows[-1] >= 100 + 38 * 11 + 20
    assert np.count_nonzero(listing_marks(stats, cents, img.shape[:2], 1.0)) == 0  # (not without the ink)


def test_decimal_commas_of_lines_one_above_another_are_no_colons() -> None:
    img = _blank()
    for k in range(12):  # AA dev 19003 p6: "218,95" over "223,50": 9 x 15 px commas 23 px apart, type 30 px
        y = 100 + 38 * k
        img[y + 23 : y + 38, 700:709] = 255
        _letters(img, 560, y, 30)
        _letters(img, 690, y, 30)
    assert np.count_nonzero(_marks(img)) == 0


def test_the_sums_carried_from_the_page_before_open_the_table() -> None:
    from ocr.sheet import is_carried_label, row_roles

    rows = {
        1: "ОТ ПРЕДХОДНА СТРАНИЦА 9052.71 1540.09 10592.80",
        2: "50 3209280883 ПЛАМЕН ЛАЗАРОВ ПОПОВ 22 299.99 105.00 404.99",
        3: "51 6204276973 ФАНЯ ПЕНЧОВА ЗЛАТЕВА 20 165.67 38.10 203.77",
        4: "ОБЩО ЗА МЕСЕЦА 9518.37 1683.19 11201.56",
    }
    body, totals, carried = row_roles(len(rows) + 1, rows.__getitem__, lambda r: True)
    assert (body, totals, carried) == ([2, 3], 4, 1)
    assert not is_carried_label("51 6204276973 ФАНЯ ПЕНЧОВА ЗЛАТЕВА")


def test_a_departments_heading_over_its_first_person_is_a_row_of_its_own() -> None:
    """AA dev 19003 p3: `ПОДЕЛЕНИЕ 07 СКЛАДОВО СТОПАНСТВО` over the first person of the department, nearer
    it than the subtotal above: read into that person's name. A name wrapped above a line of figures without
    one still joins them."""
    from ocr import tables

    xs = [0, 60, 300, 460, 560, 660, 760, 860, 960]  # №, name, ЕГН, days, base, extra, gross, net

    def person(ink: np.ndarray, a: int, b: int, name: bool = True) -> None:
        ink[a:b, 40:55] = 255
        if name:
            ink[a:b, 70:250] = 255
        ink[a:b, 320:440] = 255
        for x1 in xs[4:]:
            ink[a:b, x1 - 60 : x1 - 6] = 255

    ink = np.zeros((300, 960), np.uint8)
    person(ink, 10, 30)
    ink[60:80, 70:380] = 255  # the department's heading, over the name's column and the ЕГН's
    person(ink, 88, 108)
    bands = [(10, 30), (60, 80), (88, 108)]
    assert tables.group_lines(ink, bands, xs) == [[(10, 30)], [(60, 80)], [(88, 108)]]
    wrapped = np.zeros((300, 960), np.uint8)
    person(wrapped, 10, 30)
    wrapped[60:80, 70:250] = 255  # a name written above its row's figures
    person(wrapped, 88, 108, name=False)
    assert tables.group_lines(wrapped, bands, xs) == [[(10, 30)], [(60, 80), (88, 108)]]


def test_a_worn_letters_stems_one_under_another_are_no_dashed_rule_of_a_listing() -> None:
    """AA dev 19003 p5: the names' second letter printed by a worn type as its stem alone (6 x 19 px), one
    under another at 8 lines to the inch: a vertical dashed rule to a table ruled in dashes, none of a listing
    whose rules are its marks."""
    img = _blank()
    for y in (100, 180, 1250):
        _equals(img, y, 300, 2100, False)
    xs = (300, 640, 1100, 1500, 2080)
    for k in range(36):
        y = 200 + round(28.5 * k)
        for x in xs:
            _colon(img, x, y)
        img[y + 3 : y + 22, 799:805] = 255
    rules = find_rules(img)
    assert [v.pos for v in rules.vertical if 290 <= v.pos <= 2100] == [x + 5 for x in xs]


def test_a_listings_sums_under_its_last_rule_are_the_grids_last_band() -> None:
    """AA dev 19003 p6: the printer typed the "=" rule, then `ПРЕНОС` and its figures on the next line: the
    grid's last band, so the page's columns have their totals."""
    from ocr.geometry import Grid
    from ocr.tables import _sums_below

    ink = np.zeros((900, 1200), np.uint8)
    xs = [100, 300, 500, 700, 900, 1100]
    for k in range(12):  # the people's lines between the rules, 25 px type
        y = 140 + 38 * k
        for x in xs[:-1]:
            ink[y : y + 25, x + 30 : x + 170] = 255
    ys = [60, 120, 600]
    sums = [(610, 635)]  # the sums' line right under the last rule, in three columns
    for x in xs[2:-1]:
        ink[sums[0][0] : sums[0][1], x + 30 : x + 170] = 255
    grid = _sums_below(ink, Grid(xs=xs, ys=ys, ruled=True))
    assert grid.ys[:3] == ys and len(grid.ys) == 4 and 635 <= grid.ys[3] <= 650
    ink[600:700] = 0  # a signature's line further down is no sums'
    ink[760:785, 150:400] = 255
    assert _sums_below(ink, Grid(xs=xs, ys=ys, ruled=True)).ys == ys


def test_row_numbers_printed_to_four_places_are_read() -> None:
    from ocr import normalise

    assert [normalise.integer(t) for t in ("0001", "0043", "004", "0120", "1234", "000012345")] == [1, 43, 4, 120, None, None]


def test_figures_one_under_another_are_no_colons_run_together() -> None:
    """A typed 1 (a flag, a thin stem, a foot: J dev 1013 p1) or an 8 (two rings: Z dev 18001 p8) one under
    another in a figures' column is narrow at its waist too: no colon, no listing."""
    img = _blank()
    for x in (600, 900, 1200):
        for k in range(12):
            y = 100 + 38 * k
            img[y : y + 4, x + 1 : x + 8] = 255  # a 1: its flag ...
            img[y + 4 : y + 16, x + 4 : x + 7] = 255  # ... its stem ...
            img[y + 16 : y + 20, x : x + 10] = 255  # ... its foot
            eight = img[y : y + 31, x + 100 : x + 114]
            eight[:] = 255
            eight[3:12, 4:10] = 0  # its upper ring's hole
            eight[15:16, :4] = 0
            eight[15:16, 10:] = 0  # its waist
            eight[18:28, 4:10] = 0  # its lower ring's hole
            _letters(img, x + 150, y, 25)
    _, _, stats, cents = components(img)
    assert np.count_nonzero(listing_marks(stats, cents, img.shape[:2], 1.0, img)) == 0
    assert not marked_listing(stats, cents, 1.0, img)


def test_a_table_ruled_both_ways_in_dashes_as_short_as_hyphens_is_no_listing() -> None:
    """J dev 1013 p2: four rules of 20 px dashes across the table (as short as a printer's hyphens) and its
    columns ruled in such dashes too: a drawn table, no listing; the same rules alone are a listing's."""

    def hyphens(img: np.ndarray, y: int) -> None:
        for x in range(300, 2100 - 20, 28):
            img[y : y + 7, x : x + 20] = 255

    img = _blank()
    for y in (100, 180, 600, 900):
        hyphens(img, y)
    assert dashed_rules(img).listing
    for x in (300, 700, 1200, 2090):
        for y in range(100, 900, 80):
            img[y : y + 60, x : x + 7] = 255
    assert not dashed_rules(img).listing


def test_a_listings_columns_past_its_last_mark_are_cut_at_their_gaps() -> None:
    """AA dev 19011 p2: the film out of focus at the right side, no mark found there; the tax, deductions and
    net pay past the last mark, off the grid. The table runs to its rules' ends, cut where every line leaves
    paper; a column's own paper down its middle (a worn heading letter, short figures) is not cut."""
    from ocr.geometry import Grid
    from ocr.lines import Rule, Rules
    from ocr.tables import _unmarked_columns

    ink = np.zeros((900, 2000), np.uint8)
    xs, ys = [100, 400, 800], [60, 120, 600]
    for k in range(12):
        y = 140 + 38 * k
        ink[y : y + 25, 130:380] = 255  # a name
        ink[y : y + 25, 690:780] = 255  # a short figure, right-aligned in its wide column
        ink[y : y + 25, 1000:1180] = 255  # past the last mark: the tax ...
        ink[y : y + 25, 1420:1580] = 255  # ... and the net pay
    ink[70:95, 420:560] = 255  # the heading's words
    ink[70:95, 640:790] = 255
    rules = Rules([Rule(y, 100, 1600) for y in ys], [], np.zeros_like(ink), listing=True)
    grid = _unmarked_columns(ink, rules, Grid(xs=xs, ys=ys, ruled=True))
    assert grid.xs[:3] == xs and grid.xs[-1] == 1600 and len(grid.xs) == 5 and 1180 < grid.xs[3] < 1420


def test_a_subtotal_read_poorly_does_not_end_the_table() -> None:
    """AA dev 19003 p5 (worn type): `ССИЧкоО За ПОДЕЛЕНИЕ 07` (two letters off `всичко`) was no subtotal but
    the sheet's totals, and the three departments under it were lost without a flag; `ПОЧЕЛЕНИЕ 07 СКлапово
    стоп 0` (a letter read as a nought) was no department's heading but a person."""
    from ocr.sheet import group_rows, row_roles

    rows = {
        1: " ПОДЕЛЕНИЕ оз ОТК ",
        2: "1 РУСЕС ГЕОРГИ ПЕТРОЗ 3107101305 1 260.05 2679",
        3: " ссичко за ПОДЕЛЕНИЕ о3 843.44 62.91 8.44",
        4: " ПОЧЕЛЕНИЕ 07 СКлапово стоп 0 ",
        5: "3 мМОРИиНО? КаНЕН ПИМИТРОС 4705911886 1 27114 14.37",
        6: " ССИЧкоО За ПОДЕЛЕНИЕ 07   96510 244.35",
        7: " ПОЗЕЛЕНИЕ 13 РЕМОНТНО ",
        8: "14 ДОБРЕВА СНЕЖАНЯ ПЕНЧОФА 6604087550 1 3115 14.56",
        9: " ЗСИЧКО За ПОДЕЛЕНИЕ 13   1799.08 154.56",
        10: " ОБЩО За МЕСЕНА   8008.08 668.78",
    }
    assert group_rows(11, rows.__getitem__) == [1, 3, 4, 6, 7, 9]
    assert row_roles(11, rows.__getitem__, lambda r: True) == ([2, 5, 8], 10, None)
    # `Всичко` alone, no department's word (no subtotal to ``group_rows``): with people under it, no end either
    body, totals, _ = row_roles(11, {**rows, 6: " ВСИЧКО: 96510 244.35"}.__getitem__, lambda r: True)
    assert 8 in body and totals == 10


def _tall_bang(img: np.ndarray, x: int, y: int) -> None:
    """A "!" of a line printer's usual face: a stroke 7 x 24 px (as slender as a daisy wheel's "|"), its dot 7 x 7
    px 3 px under it."""
    img[y : y + 24, x : x + 7] = 255
    img[y + 27 : y + 34, x : x + 7] = 255
    _letters(img, x, y, 34)


def test_a_line_printers_bangs_are_a_listings_marks_not_a_typed_tables() -> None:
    """AA dev 19011 p2: the "!" marks' strokes in line down the columns as a daisy wheel's "|" are
    (``typed_columns``); the dot under each says a line printer typed them, and the page is a listing."""
    from ocr.column_marks import printed_bangs, typed_columns

    img = _blank()
    for y in (100, 180, 900):
        _equals(img, y, 300, 2100, False)
    xs = (300, 640, 1100, 1500, 2080)
    for x in xs:
        for k in range(9):  # double spaced: 76 px a person, no dashed rule down the marks
            _tall_bang(img, x, 200 + 76 * k)
    _, _, stats, cents = components(img)
    assert typed_columns(stats, cents, 1.0, None, img) and printed_bangs(stats, cents, 1.0)
    assert dashed_rules(img).listing
    bars = _blank()  # a daisy wheel's "|": no dot under the stroke, no listing's
    for x in xs:
        for k in range(9):
            bars[200 + 76 * k : 200 + 76 * k + 34, x : x + 7] = 255
            _letters(bars, x, 200 + 76 * k, 34)
    _, _, stats, cents = components(bars)
    assert typed_columns(stats, cents, 1.0, None, bars) and not printed_bangs(stats, cents, 1.0)


def test_a_listings_marks_drawn_past_its_last_rule_leave_its_sums_line_to_sums_below() -> None:
    """AA dev 19003 p3: a listing's marks are drawn on past its last rule (``_listing_reach``), every column's
    to one end; the sums' line under the rule is ``_sums_below``'s, the grid's foot under its writing, not the
    marks' end (as a typed table's is: tests/test_typed_table.py): the foot 20 px lower, the layout unproved."""
    from ocr.lines import Rule, Rules
    from ocr.tables import _sides_below

    from .grids import two_people_and_a_sums_line

    grid, ink = two_people_and_a_sums_line()  # two people, and the sums' line under the last rule
    xs = grid.xs
    horizontal = [Rule(p, 100, 900) for p in grid.ys]
    vertical = [Rule(x, 50, 290) for x in xs]
    mask = np.zeros((700, 1000), np.uint8)
    assert _sides_below(ink, Rules(horizontal, vertical, mask), grid).ys == [*grid.ys, 290]
    assert _sides_below(ink, Rules(horizontal, vertical, mask, listing=True), grid).ys == grid.ys


def test_colons_typed_at_every_half_line_outnumbering_the_letters_make_vertical_rules() -> None:
    """AJ dev 28002 p1: ":" typed down a double-spaced table at every half line, each dot (7 x 8 px, 12.5 px
    apart) a blot of its own, the dots more than the letters: the type's height is the letters', not a dot's, and
    the colons make the table's column rules (none were found, every text line a row, the page in review)."""
    img = _blank()
    for k in range(24):  # a line of letters 25 px tall every other half line
        if k % 2:
            _letters(img, 700, 100 + 25 * k, 25)
    for x in (300, 640, 1100, 1500, 1900, 2300):
        for k in range(48):
            img[100 + 12 * k + (k // 2) : 108 + 12 * k + (k // 2), x : x + 7] = 255
    marks = _marks(img)
    assert all(np.count_nonzero(marks[:, x + 3]) > 400 for x in (300, 640, 1100, 1500, 1900, 2300))
