"""A figure column placed by nothing, its heading garbled by the page's reading, has the heading read again
alone before the layout gate judges the page (F dev 605 p1: `ди“` for `Явявания (дни)`)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import numpy as np

from ocr import gate_headings, layout_gate
from ocr.geometry import Box, Grid, Word
from ocr.header import Header
from ocr.sheet import Sheet

KINDS: list[str | None] = ["name", "gross_pay", "net_pay", "days_worked"]


class CellReader:
    """Reads any cell as ``text``; counts the cells read."""

    def __init__(self, text: str) -> None:
        self.text, self.calls = text, 0

    def words(self, image: np.ndarray, **_: Any) -> list[Word]:
        self.calls += 1
        return [Word(t, 0.9, Box(0, 0, 10, 10)) for t in self.text.split()]


def _page(headings: list[str]) -> tuple[Any, Sheet]:
    gray = np.full((400, 800), 255, dtype=np.uint8)
    gray[20:60, 20:780] = 0  # ink in every heading cell
    grid = Grid(xs=[0, 300, 450, 600, 800], ys=[0, 100, 400], ruled=True)
    return SimpleNamespace(grid=grid, gray=gray), Sheet(cells={}, header=Header(), headings=headings, body_rows=[1],
                                                        totals_row=None, carried_row=None, texts=[["", "", "", ""]])  # fmt: skip


def _proof(**kw: Any) -> layout_gate.Proof:
    p = layout_gate.Proof(rows=6, persons=6, egn_column=True, columns=["gross_pay", "net_pay", "days_worked"],
                          placed=["gross_pay", "net_pay"], sum_rows=0)  # fmt: skip
    for k, v in kw.items():
        setattr(p, k, v)
    return p


def test_an_unplaced_columns_heading_is_read_again_alone() -> None:
    a, s = _page(["Име", "Начислено", "За получаване", "ди“"])
    reader = CellReader("Явявания (дни)")
    assert layout_gate.failures(_proof()) == ["columns"]
    assert gate_headings.read_again(a, s, KINDS, reader, _proof())  # type: ignore[arg-type]
    assert s.headings == ["Име", "Начислено", "За получаване", "Явявания (дни)"]
    assert reader.calls == 1  # only the unplaced column's cell


def test_a_reading_that_names_nothing_leaves_the_heading() -> None:
    a, s = _page(["Име", "Начислено", "За получаване", "ди“"])
    assert not gate_headings.read_again(a, s, KINDS, CellReader("Е 5 ?с"), _proof())  # type: ignore[arg-type]
    assert s.headings[3] == "ди“"


def test_nothing_is_read_where_another_proof_fails_or_the_sums_do_not_hold() -> None:
    for proof in (_proof(persons=2), _proof(sum_rows=6, sum_rows_ok=1), _proof(placed=["gross_pay", "net_pay", "days_worked"])):
        a, s = _page(["Име", "Начислено", "За получаване", "ди“"])
        reader = CellReader("Явявания (дни)")
        assert not gate_headings.read_again(a, s, KINDS, reader, proof)  # type: ignore[arg-type]
        assert reader.calls == 0 and s.headings[3] == "ди“"


def test_unplaced_columns_and_sums() -> None:
    assert layout_gate.unplaced(_proof()) == ["days_worked"]
    assert layout_gate.sums_hold(_proof()) and not layout_gate.sums_hold(_proof(sum_rows=5, sum_rows_ok=2))
    summed = _proof(placed=["gross_pay"], sum_rows=5, sum_rows_ok=5, summed=["net_pay"])
    assert layout_gate.unplaced(summed) == ["days_worked"]
