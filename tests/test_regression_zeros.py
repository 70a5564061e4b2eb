"""A sheet typed on a dot-matrix face whose zeros carry a bar (family E dev seed 504 page 5): every
'0,00' was read '8,00' or '9,00' and figures like '103,76' as '183,76' (56 of 72 fields right, 49 sent to
review). Read again, the zeros must be zeros (``ocr.zeros``). The fixture: tests/fixtures/regression/README.md."""

from __future__ import annotations

import pytest

from bench.scoring import Score, match_rows
from ocr.engine import OcrEngine

from .conftest import read_regression_sheet

MONEY = ("base_pay", "extra_pay", "gross_pay", "deductions", "net_pay")


@pytest.mark.xdist_group("regression:e-slashed-zeros-read-as-eight")  # read once with test_regression.py
def test_slashed_zeros_are_read_as_zeros(ocr_engine: OcrEngine):
    truth, got = read_regression_sheet("e-slashed-zeros-read-as-eight", ocr_engine)
    zeros = [(t.row, f, getattr(g, f) if g else None) for t, g in match_rows(truth.rows, got.rows)
             for f in MONEY if getattr(t, f) == "0.00"]  # fmt: skip
    assert zeros, "the sheet has rows without additional pay"
    wrong = [z for z in zeros if z[2] != "0.00"]
    assert not wrong, f"zero figures read otherwise (row, field, read): {wrong}"
    s = Score()
    s.add(truth, got)
    assert sum(s.silent.values()) == 0
    assert s.accuracy >= 0.85, (
        f"{sum(s.correct.values())} of {sum(s.truth_values.values())} fields right (before: 56 of 72)"
    )


@pytest.mark.xdist_group("regression:e-dotted-zeros-read-as-eight")  # read once with test_regression.py
def test_dotted_zeros_read_as_eights_are_chosen_by_the_row_sums(ocr_engine: OcrEngine):
    """A dot-matrix face whose zero has a dot inside, at 300 dpi (E dev 501 page 5): the dot merges with the
    ring and `0,00` reads `8,88`. Before: the fifth person's additional pay `8.88`, their gross `9596.33`,
    deductions `1611.13` (all flagged); now `0.00`, chosen by the row sums (``ocr.dotted_zeros``)."""
    truth, got = read_regression_sheet("e-dotted-zeros-read-as-eight", ocr_engine)  # kept at 300 dpi
    pairs = dict((t.row, (t, g)) for t, g in match_rows(truth.rows, got.rows))
    t, g = pairs[5]
    assert g is not None
    assert (
        [getattr(g, f) for f in MONEY]
        == [getattr(t, f) for f in MONEY]
        == ["9590.33", "0.00", "9590.33", "1611.18", "7979.15"]
    )
    assert "extra_pay" not in (g.review or [])
    s = Score()
    s.add(truth, got)
    assert not {f: n for f, n in s.silent.items() if f in MONEY and n}, "a money figure wrong and not flagged"


@pytest.mark.xdist_group("regression:e-dotted-zeros-read-as-eight")  # read once with test_regression.py
def test_egn_zeros_read_as_look_alikes_are_read_from_the_pages_own_glyphs(ocr_engine: OcrEngine):
    """The same sheet's ЕГН: its barred zeros read as 6 or 8 (`4761167486`, `5016213260`, `3168252414`,
    `6666054258`, `5063182926`), each failing its check digit and sent to a person. Read again glyph by glyph
    against the digits the page's valid ЕГН show (``ocr.egn_glyphs``): right and not flagged. Before: those
    five flagged for their check digit."""
    truth, got = read_regression_sheet("e-dotted-zeros-read-as-eight", ocr_engine)
    pairs = dict((t.row, (t, g)) for t, g in match_rows(truth.rows, got.rows))
    for n in (1, 2, 5, 6, 7):
        t, g = pairs[n]
        assert g is not None and g.egn == t.egn, f"row {n}: {g.egn if g else None} (true {t.egn})"
        assert "egn" not in (g.review or []), f"row {n}: ЕГН right, still flagged"
    s = Score()
    s.add(truth, got)
    assert not s.silent.get("egn"), "an ЕГН wrong and not flagged"
