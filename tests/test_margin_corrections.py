"""A correction written in the right margin beside a row (family Q dev 9004 p1): the figure struck in its
cell and what was worked out from it go to a person; a margin's figure the row already holds, one far from
every figure of the row, or one beside no row changes nothing."""

from __future__ import annotations

from decimal import Decimal

from ocr import checks
from ocr.geometry import Box, Grid, Transform, Word
from ocr.margin_corrections import doubt_margin_corrections

GRID = Grid(xs=[100, 400, 700, 1000, 1300], ys=[100, 200, 300, 400, 500], ruled=True)


def _rows() -> list[checks.RowDraft]:
    """Two people: gross - deductions = net on both (the typist's figures, as struck)."""
    first = checks.RowDraft(values={"gross_pay": Decimal("188.70"), "deductions": Decimal("24.73"),
                                    "net_pay": Decimal("163.97")}, bbox=[100, 200, 1300, 300])  # the table's band 1  # fmt: skip
    first.derived.add("deductions")  # under the stamp: worked out from the gross and the (struck) net
    second = checks.RowDraft(values={"gross_pay": Decimal("166.34"), "deductions": Decimal("34.27"),
                                     "net_pay": Decimal("132.07")}, bbox=[100, 300, 1300, 400])  # band 2  # fmt: skip
    return [first, second]


def _margin(text: str, y: int) -> Word:
    return Word(text, 0.8, Box(1330, y, 1440, y + 30))


def test_a_figure_corrected_in_the_margin_and_what_was_worked_out_from_it_go_to_a_person():
    rows = _rows()
    doubt_margin_corrections([_margin("163,98", 235)], GRID, rows, Transform().box_to_original)
    assert rows[0].review == {"net_pay", "deductions"}
    assert rows[0].review.reasons["net_pay"] == checks.CORRECTION
    assert not rows[1].review  # the row beside it has no correction


def test_a_margin_figure_the_row_holds_far_from_its_figures_or_beside_no_row_changes_nothing():
    rows = _rows()
    words = [
        _margin("34,27", 335),  # the correction read in its cell already
        _margin("7,50", 235),  # no figure of the row's length one or two digits off
        _margin("163,98", 440),  # beside no person's row
        Word("163,98", 0.9, Box(1100, 235, 1200, 265)),  # inside the table: a cell's figure, no margin's
    ]
    doubt_margin_corrections(words, GRID, rows, Transform().box_to_original)
    assert not rows[0].review and not rows[1].review
