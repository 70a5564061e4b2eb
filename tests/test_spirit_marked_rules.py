"""A spirit duplicator's copy of a table typed with "!" marks between its columns and rules of equals signs: the
dye spread more over one rule than over the others, its signs' bars run together into blots 15 px thick, thicker
than a typed dash (ocr/typed_rules.py ``TYPED_THIN``), while the others' stay thin. That rule is found with the
others (AF dev 24021 p2: the rule over the heading lost, the twenty people's lines read as the heading, no
person's row; 12 fields wrong without a flag). No OCR here."""

from __future__ import annotations

import numpy as np

from ocr.lines import dashed_rules, find_rules

COLUMNS = (150, 400, 800, 1150, 1500, 1850)  # the marks' places: the table's sides and its columns' bounds


def _equals_rule(img: np.ndarray, y: int, thick: int) -> None:
    """Equals signs at 12 characters to the inch (25 px) across the table, their bars run together: blots 18 px
    long, ``thick`` thick or a pixel more; every third one run into the next by the spread dye."""
    for k, x in enumerate(range(COLUMNS[0], COLUMNS[-1] - 43, 25)):
        jitter = (k * 7) % 3 - 1  # the typist's uneven strike
        img[y + jitter : y + jitter + thick + k % 2, x : x + (43 if k % 3 == 1 else 18)] = 255


TYPED_BANG = (5, 22, 5, 4)  # a "!": its stem's width and height, its dot's size, the gap between (px)
PRINTED_BANG = (6, 24, 9, 4)  # a heavier one, as a line printer's (``column_marks.printed_bangs``: a listing)


def _sheet(top_thick: int, bang: tuple[int, int, int, int] = TYPED_BANG) -> np.ndarray:
    sw, sh, dot, gap = bang
    img = np.zeros((1700, 2000), np.uint8)
    _equals_rule(img, 200, top_thick)  # over the heading
    for y in (400, 1350):  # under the heading (thin: found), over the totals
        _equals_rule(img, y, 11)
    for line in range(25):  # the "!" marks typed down every line from the top rule to the totals' rule
        y = 222 + 45 * line
        if y + 30 > 1350:
            break
        for x in COLUMNS:
            if not 190 <= y <= 210 and not 390 <= y <= 420:
                img[y : y + sh, x - sw // 2 : x - sw // 2 + sw] = 255  # the stem
                img[y + sh + gap : y + sh + gap + dot, x - dot // 2 : x - dot // 2 + dot] = 255  # the dot
    for r in range(12):  # the people's lines: figures 26 px tall in the columns
        y = 440 + 70 * r
        for c in range(len(COLUMNS) - 1):
            for d in range(4):
                x = COLUMNS[c] + 60 + 22 * d
                img[y : y + 26, x : x + 15] = 255
    return img


def _across(img: np.ndarray) -> list[int]:
    """The rules found across the table, each at the typed rule it stands on (10 px)."""
    return [int(r.pos // 10 * 10) for r in find_rules(img).horizontal if r.length > 1200]


def test_a_marked_tables_rule_of_equals_signs_run_together_thick_is_found():
    img = _sheet(15)
    assert dashed_rules(img).typed  # a table typed with marks between its columns
    assert _across(img) == [200, 400, 1350]


def test_a_marked_tables_thin_rules_are_found_as_before():
    assert _across(_sheet(11)) == [200, 400, 1350]


def test_a_listings_rule_of_equals_signs_run_together_thick_is_found_where_its_foots_alone_are():
    """Its "!" marks taken for a line printer's (a listing's) and two thin typed rules found only (AF dev 24031 p5:
    the totals' two rules alone, the heading's lost; 2 of 17 rows lost, 12 fields silent)."""
    img = _sheet(15, PRINTED_BANG)
    assert dashed_rules(img).listing
    assert _across(img) == [200, 400, 1350]
