"""A supplementary payroll's heading line under the regular rows ("Допълнителна ведомост - ...", "ДОПЪЛНИТЕЛНО
НАЧИСЛЕНИ: ...") is no person's row and no part of a name (ocr/supplementary_lines.py; family AM dev pages)."""

from __future__ import annotations

import pytest

from ocr.engine import OcrEngine
from ocr.geometry import Box, Word, reading_text
from ocr.header import Header
from ocr.sheet import Sheet
from ocr.supplementary_lines import drop_heading_lines

from .conftest import read_regression_sheet

H = 30  # a typed line's height in the synthetic sheets


def _sheet(lines: list[list[tuple[int, int, str]]], bands: list[tuple[int, int]]) -> Sheet:
    """Typed lines (each (column, x, text) words at the line's height, line i at y = 40 * i) put into the grid's
    ``bands`` (pairs of line indexes each band holds, first to last)."""
    cells: dict[tuple[int, int], list[Word]] = {}
    for r, (a, b) in enumerate(bands, start=1):
        for i in range(a, b + 1):
            for c, x, text in lines[i]:
                cells.setdefault((r, c), []).append(Word(text, 0.9, Box(x, 40 * i, x + 15 * len(text), 40 * i + H)))
    texts = [[reading_text(cells.get((r, c), [])) for c in range(4)] for r in range(1, len(bands) + 1)]
    return Sheet(cells=cells, header=Header(), headings=[""] * 4, body_rows=list(range(1, len(bands) + 1)),
                 totals_row=None, carried_row=None, texts=texts)  # fmt: skip


def _person(n: int, name: str, pay: str) -> list[tuple[int, int, str]]:
    first, father, family = name.split()
    return [(0, 10, str(n)), (1, 60, first), (1, 200, father), (1, 360, family), (3, 900, pay)]


HEADING = [(1, 60, "Допълнителна"), (1, 260, "ведомост"), (1, 400, "-"), (2, 430, "юбилейна"), (2, 570, "награда")]


def test_the_heading_line_in_a_band_of_its_own_is_no_row():
    s = _sheet([_person(1, "Иван Петров Колев", "412.50"), HEADING, _person(2, "Иван Петров Колев", "120.00")],
               [(0, 0), (1, 1), (2, 2)])  # fmt: skip
    assert drop_heading_lines(s) == [2]
    assert s.body_rows == [1, 3]
    assert [t[1] for t in s.texts] == ["Иван Петров Колев", "Иван Петров Колев"]


def test_the_heading_line_in_the_band_of_the_row_above_is_no_part_of_its_name():
    s = _sheet([_person(1, "Мария Иванова Петрова", "412.50"), HEADING, _person(2, "Мария Иванова Петрова", "88.00")],
               [(0, 1), (2, 2)])  # fmt: skip
    assert drop_heading_lines(s) == []
    assert s.body_rows == [1, 2]
    assert [t[1] for t in s.texts] == ["Мария Иванова Петрова", "Мария Иванова Петрова"]
    assert s.texts[0][2] == ""  # the line's end, over the next column, gone with it
    assert s.texts[0][3] == "412.50"


def test_a_line_with_figures_stays():
    """A subtotal's label naming the payroll ("Всичко по основната ведомост" and its sums) is no heading line."""
    subtotal = [(1, 60, "Всичко"), (1, 170, "по"), (1, 210, "основната"), (1, 370, "ведомост"), (3, 900, "4125.00")]
    s = _sheet([_person(1, "Иван Петров Колев", "412.50"), subtotal], [(0, 0), (1, 1)])
    assert drop_heading_lines(s) == []
    assert s.texts[1][1] == "Всичко по основната ведомост"


# AM dev pages read wrong before ocr/supplementary_lines.py (tests/fixtures/regression/README.md)
FIXTURES = ["am-supplementary-heading-own-row", "am-supplementary-heading-glued-to-name",
            "am-supplementary-heading-glued-no-egn"]  # fmt: skip


@pytest.mark.parametrize("sheet", FIXTURES)
def test_a_sheet_with_a_supplementary_payroll_reads_every_person_by_name_and_number(sheet: str, ocr_engine: OcrEngine):
    """Every person of both payrolls by the printed name and number, the page not sent to review whole (before:
    the heading a person's row, every number under it off by one, `layout_unproved`; or its words glued to the
    name above, `people_merged`)."""
    truth, got = read_regression_sheet(sheet, ocr_engine)
    assert [r.name for r in got.rows] == [r.name for r in truth.rows]
    assert [r.row for r in got.rows] == [r.row for r in truth.rows]
    assert got.page_review is None
