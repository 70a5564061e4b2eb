"""The period in small print under the title (``ocr.period_small``): a line lower than the header's lines of
ordinary type was left out of the header's reading as dust, and the page had no period (N dev 6004 p2:
"за месец юли 1994 год." 17 px high under a title of 27 px; every row of the page went to review)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np

from ocr.geometry import Box, Word
from ocr.header import Header
from ocr.period_small import read_small_period

BANDS = [(195, 229), (255, 282)]  # the employer's and the title's lines, as the header's reading found them


def _page(period_line: bool, specks: bool = False) -> Any:
    ink = np.zeros((600, 2400), np.uint8)
    ink[195:229, 341:900] = 255
    ink[255:282, 948:1546] = 255
    if period_line:
        ink[313:330, 1135:1352] = 255  # 17 px high, 217 px long
    if specks:
        ink[313:330, 400:420] = 255  # a blot: 20 columns under 17 px
    clean = np.where(ink > 0, 0, 255).astype(np.uint8)
    return SimpleNamespace(grid=SimpleNamespace(ys=[372, 471]), clean=clean,
                           blobs=SimpleNamespace(at_least=lambda n, rows: ink[rows]))  # fmt: skip


class Line:
    """An engine that reads ``text`` on the one line it is given, and counts the lines."""

    def __init__(self, text: str) -> None:
        self.text, self.calls = text, 0

    def words(
        self, image: np.ndarray, *, psm: int = 6, whitelist: str | None = None, offset=(0, 0)
    ) -> list[Word]:
        self.calls += 1
        x, y = offset
        return [
            Word(t, 0.93, Box(x + 60 * i, y + 8, x + 60 * i + 50, y + 25))
            for i, t in enumerate(self.text.split())
        ]


def test_a_line_of_small_print_left_out_of_the_header_gives_the_period_a_page_had_none_of():
    h = Header(employer="„Металик“ ЕООД – Перник")
    engine = Line("за месец юли 1994 год.")
    read_small_period(_page(True), h, BANDS, engine)
    assert (h.year, h.month) == (1994, 7) and engine.calls == 1
    assert h.year_word is not None and h.year_word.text == "1994"  # ``ocr.period`` reads it again


def test_a_page_with_a_period_or_only_specks_left_out_is_not_read_again():
    engine = Line("за месец юли 1994 год.")
    h = Header(year=1994, month=6)
    read_small_period(_page(True), h, BANDS, engine)
    assert (h.year, h.month, engine.calls) == (1994, 6, 0)
    h = Header()
    read_small_period(_page(False, specks=True), h, BANDS, engine)
    assert (h.year, h.month, engine.calls) == (None, None, 0)
