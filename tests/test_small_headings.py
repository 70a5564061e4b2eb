"""A printed form's headings in small print, garbled by the page's reading (family T dev 12005 p2: `тои`, `шиш`,
`ж`), are read again alone, all in one call of the engine (``ocr/small_headings.py``)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np

from ocr import columns, small_headings
from ocr.geometry import Box, Grid, Word
from ocr.header import Header
from ocr.sheet import Sheet

ALONE = ["Ред. №", "Изработени дни", "Доплащане по резултат", "Нощен труд"]


class MosaicReader:
    """Reads a mosaic of heading cells (each on a band of its own, ``reading.mosaic_read``) as ``texts``, in order
    top to bottom; counts its calls."""

    def __init__(self, texts: list[str]) -> None:
        self.texts, self.calls = texts, 0

    def words(self, image: np.ndarray, **_: Any) -> list[Word]:
        self.calls += 1
        rows = np.nonzero((image < 128).any(axis=1))[0]
        bands: list[list[int]] = []
        for y in rows:
            if bands and y - bands[-1][1] <= 1:
                bands[-1][1] = int(y)
            else:
                bands.append([int(y), int(y)])
        out = []
        for (y0, y1), text in zip(bands, self.texts, strict=False):
            out += [Word(t, 0.9, Box(30 + 40 * k, y0, 60 + 40 * k, y1)) for k, t in enumerate(text.split())]
        return out


def _page(headings: list[str]) -> tuple[Any, Sheet]:
    clean = np.full((400, 800), 255, dtype=np.uint8)
    ink = np.zeros((400, 800), dtype=np.uint8)
    for x0 in (20, 220, 420, 620):  # a heading's small print in every cell
        clean[40:60, x0 : x0 + 120] = 0
        ink[40:60, x0 : x0 + 120] = 255
    grid = Grid(xs=[0, 200, 400, 600, 800], ys=[0, 100, 200, 300], ruled=True)
    analysis = SimpleNamespace(grid=grid, clean=clean, ink=ink, rules=SimpleNamespace(horizontal=[]))  # no group over a column
    return analysis, Sheet(cells={}, header=Header(), headings=headings, body_rows=[1, 2], totals_row=None,
                           carried_row=None, texts=[["", "", "", ""], ["", "", "", ""]])  # fmt: skip


def test_garbled_headings_are_read_again_alone() -> None:
    a, s = _page(["Ред. №", "тои", "шиш", "ж"])
    reader = MosaicReader(ALONE[1:])
    small_headings.read_again(a, s, reader)
    assert reader.calls == 1  # one mosaic of the three cells whose heading named nothing
    assert s.headings[:3] == ["Ред. №", "Изработени дни", "Доплащане по резултат"]
    assert columns.heading_votes(s.headings[2]).get("extra_pay")
    assert s.headings[3] == "ж"  # read again it names no field either: as first read


def test_headings_read_right_cost_nothing() -> None:
    a, s = _page(["Ред. №", "Изработени дни", "Доплащане по резултат", ""])
    a.clean[:, 600:] = 255
    a.ink[:, 600:] = 0  # the last cell has no ink
    reader = MosaicReader([])
    small_headings.read_again(a, s, reader)
    assert reader.calls == 0
