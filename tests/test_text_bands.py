"""``tables.text_bands``: lines of type set close stay apart, a line's accents stay with it."""

from __future__ import annotations

import numpy as np

from ocr.tables import text_bands


def _sheet(lines: list[tuple[int, int]], width: int = 600) -> np.ndarray:
    ink = np.zeros((200, width), np.uint8)
    for y0, y1 in lines:
        ink[y0:y1, 20 : width - 20 : 3] = 255  # a line of type: most columns inked
    return ink


def test_close_lines_of_type_stay_two() -> None:
    # a line printer's listing at 8 lines to the inch scanned small: 17 px lines 5 px apart (AA dev 19017 p2,
    # two people's lines read as one row)
    ink = _sheet([(20, 37), (42, 59), (64, 81)])
    assert text_bands(ink, 0, 200, 0, 600) == [(20, 37), (42, 59), (64, 81)]


def test_a_breve_stays_with_its_line() -> None:
    ink = _sheet([(20, 23), (27, 44)])  # й's breve 4 px above its line
    assert text_bands(ink, 0, 200, 0, 600) == [(20, 44)]


def test_a_line_split_by_a_hair_stays_one() -> None:
    ink = _sheet([(20, 45), (47, 70)])  # 2 px across a 25 px line: a faint stroke, not two lines
    assert text_bands(ink, 0, 200, 0, 600) == [(20, 70)]


def test_scaled_print_lines_stay_two() -> None:
    ink = _sheet([(20, 54), (60, 94)])  # the fiche print at 200 dpi scaled to 300: 34 px lines 6 px apart
    assert text_bands(ink, 0, 200, 0, 600) == [(20, 54), (60, 94)]
