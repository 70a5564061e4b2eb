"""A form's narrow columns headed on their side (family K dev 3001 p1) are read again turned upright."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np

from ocr import sideways_headings
from ocr.geometry import Box, Grid, Word
from ocr.header import Header
from ocr.sheet import Sheet


class UprightReader:
    """Reads a cell turned upright (wider than tall) as ``text``; anything else as a few letters."""

    def __init__(self, text: str) -> None:
        self.text, self.shapes = text, []  # type: ignore[var-annotated]

    def words(self, image: np.ndarray, **_: Any) -> list[Word]:
        self.shapes.append(image.shape)
        h, w = image.shape
        return [Word(t, 0.9, Box(0, 0, 10, 10)) for t in (self.text if w > h else "Е т").split()]


def _page(headings: list[str]) -> tuple[Any, Sheet]:
    gray = np.full((400, 700), 255, dtype=np.uint8)
    gray[20:280, 330:360] = 0  # column 2's heading on its side: ink in a narrow, tall cell
    grid = Grid(xs=[0, 300, 320, 380, 700], ys=[0, 300, 400], ruled=True)
    analysis = SimpleNamespace(grid=grid, gray=gray, rules=SimpleNamespace(horizontal=[]))  # no group over a column
    return analysis, Sheet(cells={}, header=Header(), headings=headings, body_rows=[1], totals_row=None,
                           carried_row=None, texts=[["", "", "", ""]])  # fmt: skip


def test_a_heading_on_its_side_is_read_upright() -> None:
    a, s = _page(["Име на работещия", "", "В т 5 т", "Чисто за раздаване"])
    reader = UprightReader("Всичко начислено възнаграждение")
    sideways_headings.read_again(a, s, reader)
    assert s.headings[2] == "Всичко начислено възнаграждение"
    assert reader.shapes == [(52, 292)]  # only the tall cell with ink and no field named, turned upright
    assert s.headings[0] == "Име на работещия" and s.headings[1] == ""  # wide or no ink: as read


def test_an_upright_reading_that_names_nothing_leaves_the_heading_as_read() -> None:
    a, s = _page(["Име", "", "В т 5 т", "Чисто"])
    sideways_headings.read_again(a, s, UprightReader("Е 5 ?с"))
    assert s.headings[2] == "В т 5 т"
