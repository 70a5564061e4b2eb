"""An equals mark between leva and stotinki (`143=98`, family O) is taken for a point only in a column where
most inked cells carry one (``equals_marks.column_marks``); a column's cells are looked into until a mark in
every cell left could no longer make most of them (issue 9: CPU per page, most columns carry none)."""

from __future__ import annotations

import numpy as np

from ocr import equals_marks
from ocr.analysis import Analysis
from ocr.geometry import Grid

ROWS = 10


def _column() -> Analysis:
    ys = [0, 60, *(60 + 60 * (r + 1) for r in range(ROWS))]
    ink = np.zeros((ys[-1], 400), np.uint8)
    for y in ys[1:-1]:
        ink[y + 20 : y + 40, 100:300] = 255  # every cell inked
    return Analysis(ink, ink, ink.copy(), Grid(xs=[0, 400], ys=ys, ruled=True), None, 300, 0.0, 0, None, None)  # type: ignore[arg-type]


def _marked_from(first: int, monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    """The cells (their tops) looked into where cells ``first``.. carry a mark."""
    looked: list[int] = []

    def mark(ink, x0, y0, x1, y1):  # type: ignore[no-untyped-def]
        looked.append(y0)
        row = (y0 - 2) // 60
        return equals_marks.Mark(x0, y0, x1, y1, 20, y1) if row >= first else None

    monkeypatch.setattr(equals_marks, "cell_mark", mark)
    return looked


def test_marks_on_the_last_six_of_ten_cells_are_taken(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    looked = _marked_from(5, monkeypatch)  # rows 5-10 of 1-10: six of ten
    assert len(equals_marks.column_marks(_column(), 0)) == 6
    assert len(looked) == ROWS


def test_marks_on_the_last_five_of_ten_are_none_and_the_cells_past_the_fifth_plain_one_are_not_looked_into(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    looked = _marked_from(6, monkeypatch)  # rows 6-10: five of ten, not most
    assert equals_marks.column_marks(_column(), 0) == []
    assert len(looked) == 5
